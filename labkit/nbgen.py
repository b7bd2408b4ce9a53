"""Generate trainee notebooks from solution notebooks (one source of truth).

Notebooks are written once, with answers, in ``notebooks/solutions/NN_name.ipynb``.
``python -m labkit.nbgen`` writes the trainee version ``notebooks/NN_name.ipynb``:

- a code line ending in ``# jawaban`` (or ``# answer``) must be a one-line
  assignment; its right-hand side becomes ``____``:
  ``total = 120 + 30 + 18  # jawaban`` → ``total = ____  # jawaban``;
- the lines between ``# BEGIN SOLUTION`` and ``# END SOLUTION`` (also
  ``# MULAI JAWABAN`` / ``# AKHIR JAWABAN``) become ``# Tulis jawaban Anda di sini``,
  followed by ``return ____`` when the block returned from a function, or by
  ``pass`` when the block was the whole body of a ``def``/``if``/``for``;
- a code cell tagged ``solution`` with neither marker is replaced whole by
  ``# Tulis jawaban Anda di sini``; a markdown cell tagged ``solution`` (a
  discussion of the answer) is dropped;
- any cell tagged ``solution-only`` (e.g. author checks of the checker) is dropped;
- outputs and execution counts are removed, cell metadata is reduced to ``tags``
  (minus the two tags above), notebook metadata to the plain ``python3`` kernel;
- a note after the title says the file is generated and where the solution is.

The output is deterministic (same input → same bytes) and every trainee cell
must still compile. ``--check`` exits 1 if a committed trainee notebook is
stale, missing or orphaned, or if any committed notebook has outputs or
another kernel than ``python3``.
"""

from __future__ import annotations

import argparse
import ast
import copy
import hashlib
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from labkit import i18n
from labkit.errors import LabkitError

SOLUTIONS_DIRNAME = "solutions"
SOLUTION_TAG = "solution"
SOLUTION_ONLY_TAG = "solution-only"
GENERATOR_TAGS = frozenset({SOLUTION_TAG, SOLUTION_ONLY_TAG})
KERNEL_NAME = "python3"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": KERNEL_NAME}
LANGUAGE_INFO = {"name": "python"}
PLACEHOLDER = "____"
WRITE_HERE = "# Tulis jawaban Anda di sini"
HEADER_ID = "labkit-trainee-note"

ANSWER_LINE = re.compile(r"#\s*(?:jawaban|answer)\s*$", re.IGNORECASE)
BEGIN_LINE = re.compile(r"^(?P<indent>[ \t]*)#+\s*(?:BEGIN SOLUTION|MULAI JAWABAN)\s*$")
END_LINE = re.compile(r"^[ \t]*#+\s*(?:END SOLUTION|AKHIR JAWABAN)\s*$")
RETURN_LINE = re.compile(r"^return\b")


class NbgenError(LabkitError):
    """A solution notebook cannot be turned into a trainee notebook (names file, cell, line)."""


@dataclass(frozen=True)
class _Where:
    notebook: str
    cell: int

    def error(self, key: str, line: int | str = "-", **params: object) -> NbgenError:
        return NbgenError(key, notebook=self.notebook, cell=self.cell, line=line, **params)


# --------------------------------------------------------------------------- cell transforms


def _python_ast(source: str) -> ast.Module:
    """Parse a cell as Python after turning IPython syntax (%magic, !cmd) into calls."""
    from IPython.core.inputtransformer2 import TransformerManager

    return ast.parse(TransformerManager().transform_cell(source))


def _answer_line(line: str, where: _Where, lineno: int) -> str:
    """``x = expr  # jawaban`` → ``x = ____  # jawaban``."""
    indent = line[: len(line) - len(line.lstrip())]
    body = line.strip()
    try:
        tree = ast.parse(body)
    except SyntaxError:
        raise where.error("nbgen.answer_not_one_line", line=lineno, text=body) from None
    if len(tree.body) != 1 or not isinstance(tree.body[0], ast.Assign | ast.AnnAssign):
        raise where.error("nbgen.answer_not_assignment", line=lineno, text=body)
    node = tree.body[0]
    if node.value is None:
        raise where.error("nbgen.answer_not_assignment", line=lineno, text=body)
    comment = ANSWER_LINE.search(body)
    assert comment is not None
    head = body.encode("utf-8")[: node.value.col_offset].decode("utf-8").rstrip()
    return f"{indent}{head} {PLACEHOLDER}  {comment.group(0).strip()}"


def _indent_of(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def _is_code(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _block_filler(out: list[str], block: list[str], after: Sequence[str], indent: str) -> list[str]:
    """Lines to add after the "write here" comment so the trainee cell stays valid."""
    width = len(indent.expandtabs(4))
    if any(_is_code(b) and _indent_of(b) == width and RETURN_LINE.match(b.strip()) for b in block):
        return [f"{indent}return {PLACEHOLDER}"]
    before = next((line for line in reversed(out) if _is_code(line)), None)
    opens_block = (
        before is not None and before.rstrip().endswith(":") and _indent_of(before) < width
    )
    nxt = next((line for line in after if _is_code(line)), None)
    closes_block = nxt is None or _indent_of(nxt) < width
    return [f"{indent}pass"] if opens_block and closes_block else []


def trainee_source(source: str, *, tagged: bool, where: _Where | None = None) -> str:
    """The trainee version of one code cell's source.

    Parameters
    ----------
    source : str
        The solution cell's code.
    tagged : bool
        True if the cell carries the ``solution`` tag (whole cell replaced when
        it has no markers).
    where : optional
        Notebook and cell number for error messages.

    Raises
    ------
    NbgenError
        On an unclosed or stray block marker, or an answer marker on a line
        that is not a one-line assignment.
    """
    where = where or _Where("<cell>", 0)
    lines = source.split("\n")
    out: list[str] = []
    found = False
    i = 0
    while i < len(lines):
        line = lines[i]
        begin = BEGIN_LINE.match(line)
        if begin:
            end = next((j for j in range(i + 1, len(lines)) if END_LINE.match(lines[j])), None)
            nested = next(
                (j for j in range(i + 1, end or len(lines)) if BEGIN_LINE.match(lines[j])), None
            )
            if end is None or nested is not None:
                raise where.error("nbgen.unclosed_block", line=i + 1)
            indent = begin.group("indent")
            block = lines[i + 1 : end]
            filler = _block_filler(out, block, lines[end + 1 :], indent)
            out.append(indent + WRITE_HERE)
            out.extend(filler)
            found = True
            i = end + 1
            continue
        if END_LINE.match(line):
            raise where.error("nbgen.stray_end", line=i + 1)
        if ANSWER_LINE.search(line) and _is_code(line):
            out.append(_answer_line(line, where, i + 1))
            found = True
        else:
            out.append(line)
        i += 1
    if not found and tagged:
        return WRITE_HERE
    result = "\n".join(out)
    try:
        _python_ast(result)
    except SyntaxError as exc:
        raise where.error("nbgen.not_python", line=exc.lineno or "-", reason=exc.msg) from None
    return result


# --------------------------------------------------------------------------- notebooks


def _tags(cell: NotebookNode) -> list[str]:
    tags = cell.get("metadata", {}).get("tags", [])
    return [str(t) for t in tags] if isinstance(tags, list) else []


def _cell_id(cell: NotebookNode, notebook: str, index: int) -> str:
    cid = cell.get("id")
    if isinstance(cid, str) and re.fullmatch(r"[A-Za-z0-9_-]{1,64}", cid):
        return cid
    return hashlib.sha1(f"{notebook}:{index}".encode()).hexdigest()[:12]


def _clean_cell(cell: NotebookNode, notebook: str, index: int, *, drop_tags: bool) -> NotebookNode:
    tags = [t for t in _tags(cell) if not (drop_tags and t in GENERATOR_TAGS)]
    metadata = {"tags": tags} if tags else {}
    source = cell.get("source", "")
    if isinstance(source, list):
        source = "".join(source)
    cid = _cell_id(cell, notebook, index)
    if cell.cell_type == "code":
        return nbformat.v4.new_code_cell(source=source, metadata=metadata, id=cid)
    if cell.cell_type == "markdown":
        new = nbformat.v4.new_markdown_cell(source=source, metadata=metadata, id=cid)
    else:
        new = nbformat.v4.new_raw_cell(source=source, metadata=metadata, id=cid)
    if cell.get("attachments"):
        new["attachments"] = copy.deepcopy(cell["attachments"])
    return new


def _new_notebook(cells: list[NotebookNode]) -> NotebookNode:
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata = {"kernelspec": dict(KERNELSPEC), "language_info": dict(LANGUAGE_INFO)}
    nb.nbformat, nb.nbformat_minor = 4, 5
    return nb


def clean_notebook(nb: NotebookNode, name: str = "notebook") -> NotebookNode:
    """A copy of ``nb`` without outputs, execution counts or extra metadata (tags kept)."""
    cells = [_clean_cell(c, name, i, drop_tags=False) for i, c in enumerate(nb.cells)]
    return _new_notebook(cells)


def _header_cell(solution_relpath: str) -> NotebookNode:
    text = (
        "> **Versi peserta.** Ganti setiap `____` dengan jawaban Anda, lalu jalankan sel "
        "pemeriksanya (misalnya `q1.check(...)`). Butuh bantuan? `q1.hint()` memberi petunjuk, "
        "`q1.solution()` menampilkan jawaban contoh.\n"
        ">\n"
        f"> *Untuk penyusun materi: berkas ini dibuat otomatis oleh `python -m labkit.nbgen` "
        f"dari `{solution_relpath}`. Sunting sumber itu, bukan berkas ini.*"
    )
    return nbformat.v4.new_markdown_cell(source=text, id=HEADER_ID)


def trainee_notebook(nb: NotebookNode, *, name: str, solution_relpath: str) -> NotebookNode:
    """Build the trainee version of solution notebook ``nb`` (see the module docstring)."""
    cells: list[NotebookNode] = []
    for index, cell in enumerate(nb.cells):
        tags = _tags(cell)
        if SOLUTION_ONLY_TAG in tags:
            continue
        if SOLUTION_TAG in tags and cell.cell_type != "code":
            continue
        new = _clean_cell(cell, name, index, drop_tags=True)
        if cell.cell_type == "code":
            where = _Where(name, index + 1)
            new.source = trainee_source(new.source, tagged=SOLUTION_TAG in tags, where=where)
        cells.append(new)
    first = cells[0] if cells else None
    at = (
        1
        if first is not None and first.cell_type == "markdown" and first.source.startswith("# ")
        else 0
    )
    cells.insert(at, _header_cell(solution_relpath))
    ids = [c.id for c in cells]
    if len(set(ids)) != len(ids):
        raise NbgenError("nbgen.duplicate_ids", notebook=name)
    return _new_notebook(cells)


def to_bytes(nb: NotebookNode) -> bytes:
    """Serialise ``nb`` deterministically (nbformat's JSON style, final newline)."""
    nbformat.validate(nb)
    text = nbformat.writes(nb, version=4)
    if not text.endswith("\n"):
        text += "\n"
    return text.encode("utf-8")


def _read(path: Path) -> NotebookNode:
    try:
        return nbformat.read(str(path), as_version=4)
    except Exception as exc:  # noqa: BLE001 - any unreadable notebook is reported the same way
        raise NbgenError("nbgen.unreadable", notebook=str(path), reason=str(exc)) from exc


def trainee_path(src: Path) -> Path:
    """Where the trainee twin of ``solutions/NN_name.ipynb`` lives (``NN_name.ipynb`` beside ``solutions/``)."""
    return src.parent.parent / src.name


def render_trainee(src: str | os.PathLike[str], dst: str | os.PathLike[str] | None = None) -> bytes:
    """The trainee notebook for solution ``src`` as bytes (nothing is written)."""
    src_path = Path(src)
    dst_path = Path(dst) if dst is not None else trainee_path(src_path)
    rel = os.path.relpath(src_path.resolve(), dst_path.resolve().parent).replace(os.sep, "/")
    nb = _read(src_path)
    return to_bytes(trainee_notebook(nb, name=src_path.name, solution_relpath=rel))


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def generate_trainee(
    src: str | os.PathLike[str], dst: str | os.PathLike[str] | None = None
) -> bool:
    """Write the trainee version of ``src`` to ``dst`` (default: :func:`trainee_path`).

    Returns
    -------
    bool
        True if the file was created or changed, False if it was already current.
    """
    dst_path = Path(dst) if dst is not None else trainee_path(Path(src))
    data = render_trainee(src, dst_path)
    if dst_path.exists() and dst_path.read_bytes() == data:
        return False
    _write_atomic(dst_path, data)
    return True


def sources(root: str | os.PathLike[str] = "notebooks") -> list[Path]:
    """Solution notebooks under ``root/solutions``, sorted by name."""
    folder = Path(root) / SOLUTIONS_DIRNAME
    return sorted(folder.glob("*.ipynb")) if folder.is_dir() else []


def trainee_notebooks(root: str | os.PathLike[str] = "notebooks") -> list[Path]:
    """Trainee notebooks directly under ``root``, sorted by name."""
    return sorted(Path(root).glob("*.ipynb"))


def generate_all(root: str | os.PathLike[str] = "notebooks") -> list[Path]:
    """Write every trainee notebook under ``root``; return the ones created or changed."""
    return [trainee_path(src) for src in sources(root) if generate_trainee(src)]


def clean_sources(root: str | os.PathLike[str] = "notebooks") -> list[Path]:
    """Strip outputs and extra metadata from the solution notebooks in place; return changed ones."""
    changed = []
    for src in sources(root):
        data = to_bytes(clean_notebook(_read(src), src.name))
        if src.read_bytes() != data:
            _write_atomic(src, data)
            changed.append(src)
    return changed


# --------------------------------------------------------------------------- checks


def notebook_issues(path: str | os.PathLike[str]) -> list[str]:
    """Problems of one committed notebook: outputs, execution counts, kernel name, widget state."""
    p = Path(path)
    try:
        nb = _read(p)
    except NbgenError as exc:
        return [str(exc)]
    issues = []
    kernel = nb.metadata.get("kernelspec", {}).get("name")
    if kernel != KERNEL_NAME:
        issues.append(i18n.t("nbgen.issue_kernel", path=str(p), kernel=kernel, want=KERNEL_NAME))
    if "widgets" in nb.metadata:
        issues.append(i18n.t("nbgen.issue_widgets", path=str(p)))
    for index, cell in enumerate(nb.cells, 1):
        if cell.cell_type != "code":
            continue
        if cell.get("outputs"):
            issues.append(i18n.t("nbgen.issue_outputs", path=str(p), cell=index))
        if cell.get("execution_count") is not None:
            issues.append(i18n.t("nbgen.issue_count", path=str(p), cell=index))
    return issues


def check_tree(root: str | os.PathLike[str] = "notebooks") -> list[str]:
    """Everything wrong with the notebooks under ``root`` (empty list: all good).

    Every solution source must be clean and have an up-to-date trainee twin;
    every trainee notebook must have a source; every notebook must be clean.
    """
    root_path = Path(root)
    issues: list[str] = []
    if not (root_path / SOLUTIONS_DIRNAME).is_dir():
        return [i18n.t("nbgen.issue_no_sources", path=str(root_path / SOLUTIONS_DIRNAME))]
    srcs = sources(root_path)
    twins = {trainee_path(s) for s in srcs}
    for src in srcs:
        issues += notebook_issues(src)
        dst = trainee_path(src)
        try:
            expected = render_trainee(src, dst)
        except LabkitError as exc:
            issues.append(str(exc))
            continue
        if not dst.exists():
            issues.append(i18n.t("nbgen.issue_missing", path=str(dst), source=str(src)))
        elif dst.read_bytes() != expected:
            issues.append(i18n.t("nbgen.issue_stale", path=str(dst), source=str(src)))
    for nb_path in trainee_notebooks(root_path):
        if nb_path not in twins:
            issues.append(i18n.t("nbgen.issue_orphan", path=str(nb_path), folder=SOLUTIONS_DIRNAME))
        else:
            issues += notebook_issues(nb_path)
    return issues


# --------------------------------------------------------------------------- CLI


def default_root() -> Path:
    """``./notebooks`` if it exists, else the ``notebooks`` folder of the labkit checkout."""
    here = Path("notebooks")
    if here.is_dir():
        return here
    return Path(__file__).resolve().parents[1] / "notebooks"


def main(argv: Iterable[str] | None = None) -> int:
    """``python -m labkit.nbgen [--root notebooks] [--check | --clean-sources]``."""
    parser = argparse.ArgumentParser(
        prog="python -m labkit.nbgen",
        description="Generate trainee notebooks from notebooks/solutions/ (see docs/authoring.md).",
    )
    parser.add_argument(
        "--root",
        default=None,
        help="folder holding solutions/ (default: ./notebooks, else the checkout's notebooks/)",
    )
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--check", action="store_true", help="exit 1 if anything is stale or unclean; write nothing"
    )
    group.add_argument(
        "--clean-sources",
        action="store_true",
        help="strip outputs/metadata from the solution notebooks, then generate",
    )
    args = parser.parse_args(list(argv) if argv is not None else None)
    args.root = Path(args.root) if args.root else default_root()
    try:
        if args.check:
            issues = check_tree(args.root)
            for issue in issues:
                print(issue, file=sys.stderr)
            if issues:
                print(i18n.t("nbgen.check_failed", count=len(issues)), file=sys.stderr)
                return 1
            print(i18n.t("nbgen.check_ok", count=len(sources(args.root))))
            return 0
        if args.clean_sources:
            for path in clean_sources(args.root):
                print(i18n.t("nbgen.cleaned", path=str(path)))
        changed = generate_all(args.root)
    except LabkitError as exc:
        print(exc, file=sys.stderr)
        return 2
    for path in changed:
        print(i18n.t("nbgen.written", path=str(path)))
    print(i18n.t("nbgen.done", count=len(sources(args.root)), changed=len(changed)))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
