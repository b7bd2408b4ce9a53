"""The one-sentence help beside a failing cell's traceback (labkit.slips)."""

from __future__ import annotations

import warnings

import pytest

import labkit
from labkit import slips


def _syntax(code: str) -> SyntaxError:
    with pytest.raises(SyntaxError) as info:
        compile(code, "<cell>", "exec")
    return info.value


@pytest.mark.parametrize(
    ("code", "key"),
    [
        ('zona = "WIT', "slips.unclosed_quote"),
        ('teks = """panjang', "slips.unclosed_quote"),
        ('print("halo"', "slips.unclosed_bracket"),
        ("x = [1, 2)", "slips.wrong_bracket"),
        ("x = len(akun))", "slips.extra_bracket"),
        ("zona = [1 2]", "slips.missing_comma"),
        ("zona = \u201cWIT\u201d", "slips.smart_quotes"),
        ("  x = 1", "slips.indent"),
    ],
)
def test_syntax_slips_are_recognised(code, key):
    assert slips.classify(_syntax(code)).key == key


def test_unclosed_bracket_names_the_bracket_and_its_pair():
    slip = slips.classify(_syntax("akun_dorman = set(zip(a, b)"))
    assert slip.params == {"bracket": "(", "closing": ")"}
    assert "`)`" in slip.message("id") and "`)`" in slip.message("en")


def test_comma_between_pairs_is_a_missing_comma():
    with pytest.raises(TypeError) as info, warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        eval('{("x", "a") ("x", "b")}')  # noqa: S307 - a trainee's slip, on purpose
    assert slips.classify(info.value).key == "slips.missing_comma"


def test_missing_quote_around_a_value():
    slip = slips.classify(NameError("name 'WIT' is not defined", name="WIT"), ["instansi"])
    assert slip.key == "slips.name_quote"
    assert '"WIT"' in slip.message("id") and "tanda kutip" in slip.message("id")
    assert "quotes" in slip.message("en")
    assert slips.classify(NameError("x", name="facebook"), []).key == "slips.name_quote"


def test_name_in_another_case_or_misspelt_suggests_the_defined_name():
    names = ["jumlah_instansi", "instansi", "akun_dorman"]
    case = slips.classify(NameError("x", name="Jumlah_instansi"), names)
    assert case.key == "slips.name_case" and case.params["suggestion"] == "jumlah_instansi"
    typo = slips.classify(NameError("x", name="akun_doman"), names)
    assert typo.key == "slips.name_typo" and "`akun_dorman`" in typo.message("id")
    builtin = slips.classify(NameError("x", name="Print"), names)
    assert builtin.params["suggestion"] == "print"


def test_unknown_variable_name_mentions_running_the_cell_and_quotes():
    slip = slips.classify(NameError("name 'hari' is not defined"), ["instansi"])  # no .name
    assert slip.key == "slips.name_unknown"
    assert "jalankan" in slip.message("id") and '"hari"' in slip.message("id")


def test_private_names_are_not_suggested():
    assert slips.classify(NameError("x", name="_ih"), ["_ih"]).key != "slips.name_case"


def test_other_errors_are_not_explained():
    assert slips.classify(ValueError("x")) is None
    assert slips.classify(_syntax("x = = 1")) is None
    assert slips.classify(TypeError("unsupported operand")) is None


def test_every_slip_message_renders_in_both_languages():
    for slip in [
        slips.Slip("slips.missing_comma"),
        slips.Slip("slips.smart_quotes"),
        slips.Slip("slips.indent"),
        slips.Slip("slips.unclosed_quote"),
    ]:
        assert slip.message("id") != slip.message("en")
        assert "{" not in slip.message("id")


def _run_cells(tmp_path, *cells):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import labkit\nlabkit.start(quiet=True)")]
    nb.cells += [nbformat.v4.new_code_cell(c) for c in cells]
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=120,
        allow_errors=True,
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()
    return nb


def _texts(cell) -> tuple[list[dict], str]:
    errors = [o for o in cell.outputs if o["output_type"] == "error"]
    notes = "\n".join(
        o.get("data", {}).get("text/plain", "")
        for o in cell.outputs
        if o["output_type"] == "display_data"
    )
    return errors, notes


def test_slips_are_explained_beside_the_traceback_in_a_real_kernel(tmp_path):
    nb = _run_cells(
        tmp_path,
        "zona = WIT",
        "jumlah_instansi = 12",
        "Jumlah_instansi + 1",
        'zona = "WIT',
        'akun = {"facebook" "x"]',
        "labkit.set_language('en')\nzona = WITA",
        "1 + 1",
    )
    for index, words in [
        (1, ["tanda kutip", '"WIT"']),
        (3, ["`jumlah_instansi`"]),
        (4, ["tanda kutip"]),
        (5, ["kurung"]),
        (6, ["quotes", '"WITA"']),
    ]:
        errors, notes = _texts(nb.cells[index])
        assert len(errors) == 1, index  # the cell still fails, the traceback is still there
        assert errors[0]["ename"] in {"NameError", "SyntaxError"}
        assert errors[0]["traceback"], index
        assert all(w.lower() in notes.lower() for w in words), (index, notes)
    assert nb.cells[1].outputs[0]["output_type"] == "error"  # the note comes after it
    assert _texts(nb.cells[2]) == ([], "")
    assert _texts(nb.cells[7])[0] == []
    assert not any(o["output_type"] == "display_data" for o in nb.cells[7].outputs)


def test_installing_twice_shows_the_note_once(tmp_path):
    nb = _run_cells(tmp_path, "labkit.start(quiet=True)", "zona = WIT")
    _, notes = _texts(nb.cells[2])
    assert notes.count("tanda kutip") == 1


def test_outside_ipython_nothing_is_installed():
    assert slips.install_in_ipython() is False
    labkit.start(quiet=True)  # no IPython: nothing to install, no error
