"""Every solution notebook follows the lab's skeleton (docs/authoring.md, section 2)."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

SOLUTIONS = Path(__file__).resolve().parent.parent / "notebooks" / "solutions"
NOTEBOOKS = sorted(SOLUTIONS.glob("*.ipynb"))

#: what must appear, in this order, in the notebook's markdown (a line starting with it)
SKELETON = (
    "# ",
    "## Ikhtisar",
    "**Tujuan**",
    "**Waktu:**",
    "**Prasyarat:**",
    "## Persiapan",
    "## 1.",
    "## Ringkasan",
    "## Rujukan",
    "## Langkah berikutnya",
)


def _cells(path: Path) -> list[dict]:
    cells = json.loads(path.read_text("utf-8"))["cells"]
    for cell in cells:
        source = cell["source"]
        cell["text"] = "".join(source) if isinstance(source, list) else source
    return cells


def _lines(cells: list[dict]) -> list[str]:
    return [line for c in cells if c["cell_type"] == "markdown" for line in c["text"].splitlines()]


def test_there_are_notebooks():
    assert len(NOTEBOOKS) >= 3


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_headings_follow_the_skeleton_in_order(path):
    lines = _lines(_cells(path))
    position = -1
    for marker in SKELETON:
        found = [i for i, line in enumerate(lines) if line.startswith(marker) and i > position]
        assert found, f"{path.name}: '{marker}' missing or out of order"
        position = found[0]
    assert sum(line.startswith("# ") for line in lines) == 1, f"{path.name}: one H1 title"
    last_h2 = [line for line in lines if line.startswith("## ")][-1]
    assert last_h2.startswith("## Langkah berikutnya"), path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_overview_lists_the_numbered_sections(path):
    lines = _lines(_cells(path))
    sections = [line for line in lines if re.match(r"## \d+\. ", line)]
    start = lines.index("## Ikhtisar")
    items = [line for line in lines[start:] if re.match(r"\d+\. ", line)][: len(sections)]
    assert len(items) == len(sections), f"{path.name}: overview has {len(items)} of {len(sections)}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_imports_are_in_one_place_at_the_top(path):
    code = [c for c in _cells(path) if c["cell_type"] == "code"]
    first = ast.parse(code[0]["text"])
    assert any(isinstance(n, ast.Import | ast.ImportFrom) for n in first.body), path.name
    assert "labkit.start(" in code[0]["text"], f"{path.name}: the first cell starts the lab"
    for cell in code[1:]:
        lines = cell["text"].splitlines()
        tree = ast.parse("\n".join(ln for ln in lines if not ln.lstrip().startswith("%")))
        imports = [n for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom)]
        assert not imports, f"{path.name}: import outside the first cell: {cell['text'][:60]!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_latihan_n_is_problem_qn(path):
    cells = _cells(path)
    numbers = []
    for i, cell in enumerate(cells):
        found = (
            re.search(r"^### Latihan (\d+)", cell["text"], re.M)
            if cell["cell_type"] == "markdown"
            else None
        )
        if not found:
            continue
        n = int(found.group(1))
        numbers.append(n)
        block = []
        for later in cells[i + 1 :]:
            if later["cell_type"] == "markdown" and re.search(r"^#{2,3} ", later["text"], re.M):
                break
            block.append(later["text"])
        assert re.search(rf"\bq{n}\b", "\n".join(block)), (
            f"{path.name}: Latihan {n} does not use q{n}"
        )
    assert numbers == list(range(1, len(numbers) + 1)), f"{path.name}: Latihan numbers {numbers}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_rujukan_gives_links(path):
    cells = _cells(path)
    text = next(c["text"] for c in cells if c["text"].startswith("## Rujukan"))
    assert "https://" in text, path.name
