"""Language switch, message catalogue and the error/warning machinery."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
import warnings

import pytest

import labkit
from labkit import i18n
from labkit.errors import LabkitError, LabkitWarning, warn


def _import_all_modules() -> None:
    for mod in pkgutil.walk_packages(labkit.__path__, "labkit."):
        if mod.name.endswith("__main__"):
            continue
        importlib.import_module(mod.name)


def test_every_message_has_both_languages_with_same_placeholders():
    _import_all_modules()
    catalogue = i18n.catalog()
    assert len(catalogue) > 20
    for key, texts in catalogue.items():
        assert set(texts) == set(i18n.LANGUAGES), key
        assert i18n.placeholders(texts["id"]) == i18n.placeholders(texts["en"]), key
        assert texts["id"].strip() and texts["en"].strip(), key


def test_register_rejects_mismatched_placeholders():
    with pytest.raises(ValueError, match="placeholders"):
        i18n.register({"test.bad": {"id": "Berkas {file}", "en": "File {path}"}})
    with pytest.raises(ValueError, match="lacks"):
        i18n.register({"test.bad2": {"id": "Hanya Indonesia"}})


def test_language_switch_changes_error_text():
    i18n.register({"test.hello": {"id": "Halo {name}", "en": "Hello {name}"}})
    assert str(LabkitError("test.hello", name="Sari")) == "Halo Sari"
    labkit.set_language("en")
    err = LabkitError("test.hello", name="Sari")
    assert str(err) == "Hello Sari"
    assert err.message("id") == "Halo Sari"
    assert err.params == {"name": "Sari"}


def test_env_variable_sets_language(monkeypatch):
    monkeypatch.setenv("LABKIT_LANG", "en")
    assert i18n.get_language() == "en"
    monkeypatch.setenv("LABKIT_LANG", "xx")
    i18n._warned_env.discard("xx")
    with pytest.warns(LabkitWarning):
        assert i18n.get_language() == "id"


def test_unknown_language_is_a_labkit_error_naming_the_choices():
    with pytest.raises(LabkitError) as info:
        labkit.set_language("jv")
    assert "jv" in str(info.value) and "id, en" in str(info.value)
    assert i18n.get_language() == "id"


def test_warning_is_labkit_warning_with_catalogue_text():
    i18n.register({"test.warn": {"id": "Baris {row} dilewati", "en": "Row {row} skipped"}})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warn("test.warn", row=7)
    assert len(caught) == 1
    assert issubclass(caught[0].category, LabkitWarning)
    assert str(caught[0].message) == "Baris 7 dilewati"


def test_start_prints_settings_in_both_languages(capsys):
    labkit.start()
    out = capsys.readouterr().out
    assert "Folder kerja" in out and labkit.status()["work_dir"] in out
    labkit.start("en", quiet=False)
    assert "Work folder" in capsys.readouterr().out


def test_notebook_handler_shows_short_message_and_cell_still_fails(tmp_path):
    """In a real kernel a LabkitError prints a short message, yet the cell fails."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("import labkit\nlabkit.start(quiet=True)"),
        nbformat.v4.new_code_cell("labkit.set_language('klingon')"),
    ]
    client = NotebookClient(
        nb, kernel_name="python3", timeout=120, resources={"metadata": {"path": str(tmp_path)}}
    )
    with pytest.raises(CellExecutionError):
        client.execute()
    assert nb.cells[0].outputs == []  # start() returns nothing to display
    error = nb.cells[1].outputs[-1]
    assert error["output_type"] == "error"
    assert error["ename"] == "LabkitError"
    text = "\n".join(error["traceback"])
    assert "klingon" in text and "%tb" in text
    assert len(error["traceback"]) <= 3  # short: no long stack


def test_full_traceback_still_available_with_tb(tmp_path):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("import labkit\nlabkit.start(quiet=True)"),
        nbformat.v4.new_code_cell("labkit.set_language('klingon')"),
        nbformat.v4.new_code_cell("%tb"),
    ]
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=120,
        allow_errors=True,
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()
    full = "\n".join(
        line for out in nb.cells[2].outputs for line in out.get("traceback", [out.get("text", "")])
    )
    assert "set_language" in full and "i18n.py" in full


def test_cli_info_runs():
    out = subprocess.run(
        [sys.executable, "-m", "labkit.cli", "info"], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert "work_dir" in out.stdout


def test_unknown_language_in_environment_is_said_not_silent(monkeypatch):
    monkeypatch.setenv("LABKIT_LANG", "fr")
    i18n._warned_env.discard("fr")
    with pytest.warns(LabkitWarning, match="LABKIT_LANG='fr'"):
        assert i18n.get_language() == "id"


def test_rendering_in_an_unknown_language_is_a_labkit_error():
    i18n.register({"test.hi": {"id": "Hai", "en": "Hi"}})
    with pytest.raises(LabkitError):
        i18n.t("test.hi", lang="fr")
    with pytest.raises(LabkitError):
        LabkitError("test.hi").message("fr")


def test_errors_and_warnings_survive_pickling_and_rebuilding():
    import pickle

    from labkit.errors import DataError

    i18n.register({"test.pk": {"id": "Berkas {f} hilang", "en": "File {f} missing"}})
    err = pickle.loads(pickle.dumps(DataError("test.pk", f="a.csv")))
    assert isinstance(err, DataError) and str(err) == "Berkas a.csv hilang"
    rebuilt = LabkitWarning(*LabkitWarning("test.pk", f="b.csv").args)  # as pytest-xdist does
    assert str(rebuilt) == "Berkas b.csv hilang"


# ---------------------------------------------------------------------------- message files


def test_every_message_file_is_valid_and_in_the_catalogue():
    from labkit import messages

    files = messages.files()
    assert {"audit", "check", "errors", "i18n", "ingest", "start"} <= set(files)
    catalogue = i18n.catalog()
    for prefix, path in files.items():
        entries = messages.read_file(path)  # raises naming the file and key
        assert entries, path
        for key, texts in entries.items():
            assert key.startswith(prefix + "."), (path, key)
            assert catalogue[key] == texts, (path, key)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("demo.a: {id: 'Halo', en: [unclosed\n", "not valid YAML"),
        ("- just\n- a list\n", "must map message keys"),
        ("demo.a:\n  id: Halo {name}\n", r"'demo\.a' lacks languages \['en'\]"),
        (
            "demo.a:\n  id: Berkas {file}\n  en: File {path}\n",
            "'demo.a' has different placeholders",
        ),
        ("demo.a:\n  id: Ya\n  en: Yes\n  fr: Oui\n", "'demo.a' has unknown languages"),
        ("demo.a:\n  id: ya\n  en: yes\n", "'demo.a' has no 'en' text"),
        ("other.a:\n  id: Ya\n  en: Yes\n", "'other.a' does not start with 'demo.'"),
        ("demo.a: Halo\n", "'demo.a' must map languages to texts"),
    ],
)
def test_a_bad_message_file_fails_naming_the_file_and_the_key(tmp_path, content, problem):
    from labkit import messages

    path = tmp_path / "demo.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=problem) as info:
        messages.read_file(path)
    assert str(path) in str(info.value)


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_no_module_registers_messages_when_imported():
    """Every labkit message is data: importing the whole package registers nothing."""
    out = _run(
        "import importlib, pkgutil, labkit\n"
        "from labkit import messages\n"
        "for m in pkgutil.walk_packages(labkit.__path__, 'labkit.'):\n"
        "    if not m.name.endswith('__main__'):\n"
        "        importlib.import_module(m.name)\n"
        "print(sorted(messages.registered()))"
    )
    assert out == "[]", f"modules still call i18n.register at import time: {out}"


def test_message_files_are_read_only_when_a_key_of_theirs_is_asked_for():
    out = _run(
        "import labkit, labkit.data, labkit.audit\n"
        "from labkit import i18n, messages\n"
        "before = sorted(messages._loaded)\n"
        "i18n.t('start.banner', version='v', language='id', source='s', data_dir='d',"
        " work_dir='w', masking='m')\n"
        "print(before, sorted(messages._loaded))"
    )
    assert out == "[] ['start']"
