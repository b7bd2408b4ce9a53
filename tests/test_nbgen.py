"""labkit.nbgen: trainee versions from solution notebooks; committed notebooks stay clean and in sync;
strict-mode checks make a wrong solution fail when the notebook is executed (nbclient and nbval)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbformat.v4 import new_code_cell, new_markdown_cell, new_output

from labkit import nbgen
from labkit.nbgen import NbgenError, trainee_source

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "nbgen"
SOURCE = FIXTURES / "solutions" / "01_contoh.ipynb"
TRAINEE = FIXTURES / "01_contoh.ipynb"


@pytest.fixture(autouse=True)
def _normal_mode(monkeypatch):
    monkeypatch.delenv("LABKIT_CHECK_MODE", raising=False)
    monkeypatch.delenv("LABKIT_NOTEBOOK_ROLE", raising=False)


# ---------------------------------------------------------------- cell transforms


def test_answer_lines_keep_the_target_and_replace_the_value():
    src = (
        "import math\n"
        "total = 120 + 30 + 18  # jawaban\n"
        "rate: float = total / 12_000 * 100  # Answer\n"
        "a = b = sorted(['x'])  #jawaban\n"
        'kolom["é"] = "Dinas Kesehatan"  # jawaban\n'
        "print(total)  # jawaban akhir"
    )
    out = trainee_source(src, tagged=True)
    assert out.split("\n") == [
        "import math",
        "total = ____  # jawaban",
        "rate: float = ____  # Answer",
        "a = b = ____  #jawaban",
        'kolom["é"] = ____  # jawaban',
        "print(total)  # jawaban akhir",
    ]


def test_answer_marker_on_something_else_is_an_error_naming_cell_and_line():
    where = nbgen._Where("03_audit.ipynb", 7)
    with pytest.raises(NbgenError) as info:
        trainee_source("x = 1\nprint(x)  # jawaban", tagged=True, where=where)
    assert "03_audit.ipynb" in str(info.value) and "7" in str(info.value)
    assert info.value.params["line"] == 2
    with pytest.raises(NbgenError, match="BEGIN SOLUTION"):
        trainee_source("data = {\n    'a': 1,  # jawaban\n}", tagged=True)


def test_solution_blocks_become_a_prompt_that_still_runs():
    func = (
        "def er(i, f):\n"
        "    # BEGIN SOLUTION\n"
        "    r = i / f\n"
        "    return r * 100\n"
        "    # END SOLUTION\n"
        "\n"
        "q2.check(er)"
    )
    assert trainee_source(func, tagged=True) == (
        "def er(i, f):\n    # Tulis jawaban Anda di sini\n    return ____\n\nq2.check(er)"
    )
    branch = "if x:\n    ### BEGIN SOLUTION\n    y = 2\n    ### END SOLUTION\nprint(y)"
    assert trainee_source(branch, tagged=True) == (
        "if x:\n    # Tulis jawaban Anda di sini\n    pass\nprint(y)"
    )
    not_a_return = (
        "def f():\n    # BEGIN SOLUTION\n    returned = 1\n    # END SOLUTION\n    return 0"
    )
    assert "____" not in trainee_source(not_a_return, tagged=True)
    middle = "x = 1\n# MULAI JAWABAN\ny = x + 1\n# AKHIR JAWABAN\nz = 3"
    assert trainee_source(middle, tagged=False) == "x = 1\n# Tulis jawaban Anda di sini\nz = 3"


def test_marker_mistakes_and_invalid_python_are_reported():
    with pytest.raises(NbgenError):
        trainee_source("# BEGIN SOLUTION\nx = 1", tagged=True)
    with pytest.raises(NbgenError):
        trainee_source("# BEGIN SOLUTION\n# BEGIN SOLUTION\n# END SOLUTION", tagged=True)
    with pytest.raises(NbgenError):
        trainee_source("x = 1\n# END SOLUTION", tagged=True)
    with pytest.raises(NbgenError) as info:
        trainee_source("x = (", tagged=False)
    assert info.value.key == "nbgen.not_python"


def test_whole_cell_solutions_and_untouched_cells():
    assert trainee_source("df = posts.groupby('platform').size()", tagged=True) == (
        "# Tulis jawaban Anda di sini"
    )
    plain = "%matplotlib inline\nposts.head()  # lihat data"
    assert trainee_source(plain, tagged=False) == plain


# ---------------------------------------------------------------- notebooks


def _messy_source() -> nbformat.NotebookNode:
    nb = nbformat.read(SOURCE, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.execution_count = 3
            cell.outputs = [new_output("stream", name="stdout", text="hasil\n")]
            cell.metadata["collapsed"] = True
            cell.metadata["ExecuteTime"] = {"end_time": "2026-01-01"}
    nb.metadata["widgets"] = {"state": {}}
    nb.metadata["kernelspec"] = {"name": "humas-lab", "display_name": "Humas", "language": "python"}
    return nb


def test_trainee_notebook_structure():
    nb = nbformat.read(SOURCE, as_version=4)
    out = nbgen.trainee_notebook(nb, name=SOURCE.name, solution_relpath="solutions/01_contoh.ipynb")
    sources = [c.source for c in out.cells]
    text = "\n".join(sources)
    assert out.cells[0].source.startswith("# Contoh latihan")
    assert out.cells[1].id == nbgen.HEADER_ID and "solutions/01_contoh.ipynb" in out.cells[1].source
    assert "120 + 30 + 18" not in text and "interaksi / pengikut" not in text
    assert "Pembahasan" not in text and "assert not q1.evaluate" not in text
    assert "total_interaksi = ____  # jawaban" in text
    assert len(out.cells) == len(nb.cells) - 2 + 1
    for cell in out.cells:
        assert not set(cell.metadata.get("tags", [])) & nbgen.GENERATOR_TAGS
    assert out.metadata == {"kernelspec": nbgen.KERNELSPEC, "language_info": {"name": "python"}}


def test_output_is_clean_and_deterministic(tmp_path):
    messy = tmp_path / "solutions" / "01_contoh.ipynb"
    messy.parent.mkdir()
    nbformat.write(_messy_source(), str(messy))
    data = nbgen.render_trainee(messy)
    assert data == nbgen.render_trainee(messy)
    assert data == TRAINEE.read_bytes()
    nb = nbformat.reads(data.decode(), as_version=4)
    for cell in nb.cells:
        assert set(cell.metadata) <= {"tags"}
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
    assert data.endswith(b"}\n") and "widgets" not in nb.metadata


def test_generate_writes_only_on_change_and_keeps_non_generator_tags(tmp_path):
    root = tmp_path / "notebooks"
    (root / "solutions").mkdir(parents=True)
    nb = nbgen._new_notebook(
        [
            new_markdown_cell("# Judul", id="a"),
            new_code_cell(
                "x = 1  # jawaban", id="b", metadata={"tags": ["solution", "nbval-skip"]}
            ),
        ]
    )
    src = root / "solutions" / "05_tag.ipynb"
    src.write_bytes(nbgen.to_bytes(nb))
    assert nbgen.generate_all(root) == [root / "05_tag.ipynb"]
    assert nbgen.generate_all(root) == []
    out = nbformat.read(str(root / "05_tag.ipynb"), as_version=4)
    assert out.cells[2].metadata == {"tags": ["nbval-skip"]}
    assert out.cells[2].source == "x = ____  # jawaban"


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "notebooks"
    shutil.copytree(FIXTURES, root, ignore=shutil.ignore_patterns("conftest.py", "__pycache__"))
    return root


def test_check_mode_catches_stale_missing_orphan_and_unclean_notebooks(tmp_path, capsys):
    root = _tree(tmp_path)
    assert nbgen.main(["--check", "--root", str(root)]) == 0

    trainee = root / "01_contoh.ipynb"
    trainee.write_bytes(trainee.read_bytes().replace(b"____", b"168", 1))
    assert nbgen.main(["--check", "--root", str(root)]) == 1
    assert "01_contoh.ipynb" in capsys.readouterr().err

    trainee.unlink()
    assert any("belum ada" in issue for issue in nbgen.check_tree(root))
    assert nbgen.main(["--root", str(root)]) == 0 and trainee.exists()

    (root / "09_yatim.ipynb").write_bytes(trainee.read_bytes())
    assert any("09_yatim" in issue for issue in nbgen.check_tree(root))
    (root / "09_yatim.ipynb").unlink()

    src = root / "solutions" / "01_contoh.ipynb"
    nbformat.write(_messy_source(), str(src))
    issues = nbgen.check_tree(root)
    assert any("keluaran" in i for i in issues) and any("humas-lab" in i for i in issues)
    assert any("widget" in i for i in issues)
    assert nbgen.main(["--clean-sources", "--root", str(root)]) == 0
    assert nbgen.check_tree(root) == []


def test_committed_fixture_tree_is_in_sync(tmp_path):
    assert nbgen.check_tree(FIXTURES) == []
    assert nbgen.main(["--check", "--root", str(tmp_path / "tidak-ada")]) == 1


def test_repository_notebooks_are_clean_and_every_source_has_its_trainee_twin():
    root = REPO / "notebooks"
    assert (root / "solutions").is_dir()
    assert (root / "conftest.py").is_file()
    assert nbgen.check_tree(root) == []
    trainees = {p.name for p in nbgen.trainee_notebooks(root)}
    assert trainees == {p.name for p in nbgen.sources(root)}


# ---------------------------------------------------------------- execution in strict mode


def _execute(path: Path, cwd: Path) -> nbformat.NotebookNode:
    nb = nbformat.read(str(path), as_version=4)
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=60,
        startup_timeout=60,
        resources={"metadata": {"path": str(cwd)}},
    )
    client.execute()
    return nb


def _texts(nb: nbformat.NotebookNode) -> str:
    out = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            out.append(output.get("text", "") or output.get("data", {}).get("text/plain", ""))
    return "\n".join(out)


def test_strict_solution_notebook_passes_and_a_wrong_answer_fails(tmp_path, monkeypatch):
    monkeypatch.setenv("LABKIT_CHECK_MODE", "strict")
    solutions = tmp_path / "solutions"
    solutions.mkdir()
    right = _execute(SOURCE, solutions)
    assert "✅ q1: Benar!" in _texts(right) and "✅ q3: Benar!" in _texts(right)
    assert (tmp_path / "work" / "answers" / "contoh.json").is_file()

    wrong = solutions / "02_salah.ipynb"
    wrong.write_bytes(SOURCE.read_bytes().replace(b"120 + 30 + 18", b"120 + 30 + 17"))
    with pytest.raises(CellExecutionError) as info:
        _execute(wrong, solutions)
    assert "ExerciseCheckError" in str(info.value) and "q1" in str(info.value)


def test_strict_trainee_notebook_runs_with_not_answered_checks(tmp_path, monkeypatch):
    monkeypatch.setenv("LABKIT_CHECK_MODE", "strict")
    nb = _execute(TRAINEE, tmp_path)
    texts = _texts(nb)
    for name in ("q1", "q2", "q3", "q4"):
        assert f"✏️ {name}: Belum dijawab." in texts
    assert "2 akun tidur" in texts


def test_nbval_with_the_notebooks_conftest_fails_only_the_wrong_solution(tmp_path):
    root = _tree(tmp_path)
    shutil.copy(REPO / "notebooks" / "conftest.py", root / "conftest.py")
    # the right solution already runs in the nbclient test; here: a wrong solution + the trainee
    wrong = root / "solutions" / "02_salah.ipynb"
    wrong.write_bytes(SOURCE.read_bytes().replace(b"120 + 30 + 18", b"120 + 30 + 17"))
    (root / "solutions" / "01_contoh.ipynb").unlink()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LABKIT_", "PYTEST_"))}
    cmd = [
        sys.executable, "-m", "pytest", "notebooks", "--nbval-lax", "--nbval-current-env",
        "--nbval-cell-timeout=60", "-q", "-rf",
        "-p", "no:cacheprovider", "-p", "no:xdist", "-p", "no:hypothesispytest",  # faster start
    ]  # fmt: skip
    run = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180)
    failed = [line for line in run.stdout.splitlines() if line.startswith("FAILED ")]
    assert run.returncode == 1, run.stdout[-3000:]
    assert len(failed) == 1 and "solutions/02_salah.ipynb::Cell 1" in failed[0], run.stdout[-3000:]
    assert "ExerciseCheckError" in run.stdout
    assert "di notebook solusi" in run.stdout  # role "solution" came from the conftest
    assert "1 failed" in run.stdout and " passed" in run.stdout  # the trainee notebook ran clean
