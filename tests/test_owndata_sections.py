"""labkit/sections.yaml: the notebook sections that need data, kept in step with the notebooks."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from labkit import data, owndata, schema
from labkit.errors import LabkitError
from labkit.owndata import sections as sections_module

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = ROOT / "notebooks" / "solutions"
CAN_RUN = re.compile(r"""can_run\(\s*["']([^"']+)["']""")
BY_NOTEBOOK = re.compile(r"""sections_available\([^)]*notebook\s*=\s*["']([^"']+)["']""")
#: keys the tests pass to can_run on purpose to check the error for an unknown section
UNKNOWN_ON_PURPOSE = {"tidak_ada"}


def _code(path: Path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return "\n".join("".join(cell["source"]) for cell in nb["cells"] if cell["cell_type"] == "code")


def _used_in_notebooks() -> dict[str, set[str]]:
    return {p.stem: set(CAN_RUN.findall(_code(p))) for p in sorted(SOLUTIONS.glob("*.ipynb"))}


def test_every_listed_section_is_guarded_in_its_notebook_and_every_guard_is_listed():
    listed = {s.key: s.notebook for s in owndata.all_sections()}
    used = _used_in_notebooks()
    assert listed, "labkit/sections.yaml lists no section"
    for key, notebook in listed.items():
        assert notebook in used, f"{key}: notebook {notebook} does not exist in notebooks/solutions"
        assert key in used[notebook], (
            f"{key} is listed for {notebook} but {notebook} never calls can_run({key!r})"
        )
    everywhere = set().union(*used.values())
    assert everywhere <= set(listed), f"can_run of unlisted sections: {everywhere - set(listed)}"


def test_notebooks_ask_for_sections_of_notebooks_that_have_some():
    notebooks = {s.notebook for s in owndata.all_sections()}
    for path in SOLUTIONS.glob("*.ipynb"):
        for name in BY_NOTEBOOK.findall(_code(path)):
            assert name in notebooks, f"{path.name}: sections_available(notebook={name!r})"


def test_sections_the_tests_ask_for_are_listed():
    listed = {s.key for s in owndata.all_sections()}
    for path in (ROOT / "tests").glob("*.py"):
        if path.name == Path(__file__).name:  # this file adds sections of its own on purpose
            continue
        keys = set(CAN_RUN.findall(path.read_text(encoding="utf-8"))) - UNKNOWN_ON_PURPOSE
        assert keys <= listed, f"{path.name}: can_run of unlisted sections {keys - listed}"


def test_every_need_has_a_check_and_a_message():
    from labkit import i18n

    for section in owndata.all_sections():
        assert set(section.needs) <= set(owndata.NEEDS)
    empty = lambda table, columns: None  # noqa: E731 - a source with no table at all
    for need, check in owndata.NEEDS.items():
        why = check(empty)
        assert why is not None, f"{need} is met by a source without any table"
        assert why in i18n.catalog(), why


def _write(path: Path, body: str) -> Path:
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "body, words",
    [
        ("sections:\n  - {key: a, notebook: n, title: {id: A, en: A}, needs: [speed]}\n",
         "unknown need speed"),
        ("sections:\n  - {key: a, notebook: n, title: {id: A}, needs: []}\n", "both 'id' and 'en'"),
        ("sections:\n  - {key: a, notebook: n, title: {id: A, en: A}}\n", "missing needs"),
        ("sections:\n  - {key: a, notebook: n, title: {id: A, en: A}, needs: posts}\n",
         "needs is a list"),
        ("sections:\n  - {key: a, notebook: n, title: {id: A, en: A}, needs: []}\n"
         "  - {key: a, notebook: m, title: {id: B, en: B}, needs: []}\n", "listed twice"),
    ],
)  # fmt: skip
def test_a_mistake_in_the_sections_file_is_named(tmp_path, body, words):
    with pytest.raises(ValueError, match=re.escape(words)):
        owndata.read_sections(_write(tmp_path / "sections.yaml", body))


def test_adding_a_section_is_a_data_only_change(tmp_path, monkeypatch, capsys):
    body = owndata.SECTIONS_FILE.read_text(encoding="utf-8") + (
        "  - key: contoh_bagian_baru\n"
        "    notebook: 02_analisis_keterlibatan\n"
        "    title: {id: Engagement per jangkauan, en: Engagement per reach}\n"
        "    needs: [posts, denominator]\n"
        "  - key: pernyataan_krisis\n"
        "    notebook: 04_respons_krisis\n"
        "    title: {id: Pernyataan krisis, en: Crisis statements}\n"
        "    needs: []\n"
    )
    monkeypatch.setattr(sections_module, "SECTIONS_FILE", _write(tmp_path / "s.yaml", body))
    sections_module.all_sections.cache_clear()
    try:
        posts = schema.conform(
            pd.DataFrame(
                {"platform": ["x"], "account": ["humas"], "post_id": ["1"],
                 "published_at": pd.to_datetime(["2026-01-01 10:00"], utc=True)}
            ).reindex(columns=schema.table("posts").names),
            "posts",
        )  # fmt: skip
        data.save_dataset("instansi_saya", {"posts": posts})
        table = owndata.sections_available("instansi_saya", notebook="02_analisis_keterlibatan")
        assert list(table["section"])[-1] == "contoh_bagian_baru"  # after the notebook's own
        assert not table.set_index("section").loc["contoh_bagian_baru", "available"]
        assert not owndata.can_run("contoh_bagian_baru", "instansi_saya")
        assert "jangkauan" in capsys.readouterr().out  # why_no_reach, in Indonesian
        assert owndata.can_run("pernyataan_krisis", "instansi_saya")  # needs nothing
    finally:
        monkeypatch.undo()
        sections_module.all_sections.cache_clear()
    assert "contoh_bagian_baru" not in {s.key for s in owndata.all_sections()}


def test_requirements_table_and_unknown_need():
    table = owndata.requirements(data.BUNDLED)
    assert list(table["need"]) == list(owndata.NEEDS)
    assert table.set_index("need").loc["posts", "available"]
    assert table["available"].all()  # the bundled universe has every kind of data
    with pytest.raises(LabkitError) as err:
        owndata.requirements(data.BUNDLED, ["kecepatan"])
    assert "posts" in str(err.value)


def test_checks_read_only_the_columns_they_look_at(monkeypatch):
    from labkit import data

    calls = []
    load = data.load

    def recording(name, **kw):
        calls.append((name, kw.get("columns")))
        return load(name, **kw)

    monkeypatch.setattr(data, "load", recording)
    assert owndata.can_run("isu_harian", say=False)
    assert owndata.sections_available(notebook="03_monitoring_isu")["available"].all()
    big = [(name, columns) for name, columns in calls if name in ("comments", "posts")]
    assert big, calls
    # a year of comments or posts is never read whole to check what a notebook can run
    assert all(columns is not None and len(columns) <= 3 for _, columns in big), big
