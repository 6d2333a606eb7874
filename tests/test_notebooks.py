"""The notebooks: template, stored outputs, and the nbval pipeline itself.

nbval (``--nbval``, strict) re-runs every notebook and compares outputs; these
tests check what nbval does not: that the notebooks follow the template of
CONTRIBUTING.md, that they were executed top to bottom by ``spinlib
notebooks``, and that a stale stored output really makes nbval fail.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from spinlib.notebooks import execute_notebook, notebook_paths

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = notebook_paths(ROOT / "notebooks")
TEMPLATE = ["Learning goals", "Derivation", "Numerics and figures", "Checks", "Exercises", "Versions"]
IGNORE = "# NBVAL_IGNORE_OUTPUT"
#: What makes a cell's output volatile: a widget, the versions, or a timing (the
#: time module, perf_counter, %timeit; not any cell that mentions a "lifetime").
VOLATILE = re.compile(r"widgets|interact|show_versions|\btime\.|perf_counter|%timeit")


def ids(paths):
    return [p.stem for p in paths]


def h2_sections(nb):
    """(heading, [cells]) for every level-2 heading, in order."""
    sections, current = [], None
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("## "):
                    current = (line[3:].strip(), [])
                    sections.append(current)
        if current is not None:
            current[1].append(cell)
    return sections


def test_there_are_notebooks():
    assert [p.stem for p in NOTEBOOKS][:2] == ["00_overview", "01_gauge_transformation"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_notebook_follows_template(path):
    nb = nbformat.read(path, as_version=4)
    first = nb.cells[0]
    assert first.cell_type == "markdown"
    title = first.source.splitlines()[0]
    assert re.match(rf"^# {path.stem[:2]} · .+\((Secs?\.|beyond the paper).*\)$", title), title
    assert re.search(r"eqs?\.|\(\d+\)|beyond the paper", title), f"title must cite equations: {title}"
    assert "Conventions" in first.source or "Units" in first.source, "first cell must state conventions"
    headings = [h for h, _ in h2_sections(nb)]
    positions = [headings.index(h) if h in headings else -1 for h in TEMPLATE]
    assert -1 not in positions, f"missing template sections: {[h for h, p in zip(TEMPLATE, positions) if p < 0]}"
    assert positions == sorted(positions), f"template sections out of order: {headings}"
    sections = dict(h2_sections(nb))
    checks = [c for c in sections["Checks"] if c.cell_type == "code"]
    assert any("assert" in c.source for c in checks), "Checks section needs asserts"
    exercises = sections["Exercises"]
    n_ex = sum(len(re.findall(r"^### Exercise \d+", c.source, re.M)) for c in exercises if c.cell_type == "markdown")
    solutions = [c for c in exercises if c.cell_type == "code" and "solution" in c.metadata.get("tags", [])]
    assert n_ex >= 3, f"need at least three exercises, found {n_ex}"
    assert len(solutions) >= n_ex, "every exercise needs a worked solution cell tagged 'solution'"
    assert all(c.metadata.get("jupyter", {}).get("source_hidden") for c in solutions), "solutions must be collapsed"
    assert sum("<details>" in c.source for c in exercises if c.cell_type == "markdown") >= n_ex
    versions = [c for c in sections["Versions"] if c.cell_type == "code"]
    assert versions and "show_versions()" in versions[0].source and versions[0].source.startswith(IGNORE)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_notebook_was_executed_top_to_bottom(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code" and c.source.strip()]
    counts = [c.execution_count for c in code]
    assert counts == list(range(1, len(code) + 1)), "re-run with `spinlib notebooks` (fresh kernel)"
    for cell in code:
        for out in cell.outputs:
            assert out.output_type != "error", f"stored error output in cell {cell.execution_count}"
            if out.output_type == "stream":
                assert out.name == "stdout" or IGNORE in cell.source, (
                    f"stderr output (a warning?) in cell {cell.execution_count}: {out.text[:200]}"
                )
    assert "widgets" not in nb.metadata, "volatile widget state must be stripped"


def test_volatile_pattern_accepts_timings_and_rejects_lifetimes():
    for volatile in ("t0 = time.perf_counter()", "%timeit f(1)", "spinlib.show_versions()",
                     "import ipywidgets as widgets", "elapsed = time.time() - t0"):  # fmt: skip
        assert VOLATILE.search(volatile), volatile
    for stable in ("tau = lifetime(zeta)", 'print(f"spin lifetime {t:.3f}")', "runtime = 3", "x = timeline[0]"):
        assert not VOLATILE.search(stable), stable


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_ignored_outputs_are_volatile_and_widgets_have_static_twins(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    for i, cell in enumerate(code):
        if cell.source.startswith(IGNORE):
            assert VOLATILE.search(cell.source), (
                f"NBVAL_IGNORE_OUTPUT on a cell that is not a widget, timing or versions cell:\n{cell.source[:200]}"
            )
        if "widgets.interact" in cell.source or "interactive(" in cell.source:
            following = code[i + 1 : i + 3]
            assert any(
                "image/png" in out.get("data", {}) for c in following for out in c.outputs
            ), "a widget must be followed by its static twin (a figure) within two code cells"


# ------------------------------------------------------------- the pipeline
STALE_CELLS = [
    "import matplotlib.pyplot as plt\nfrom spinlib.plotting import use_style\nuse_style()\n"
    "fig, ax = plt.subplots()\n_ = ax.plot([0, 1], [1, 0])",
    'print(f"{6 * 7}")',
]


def _run_nbval(nb_path: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    ini = tmp_path / "pytest.ini"
    ini.write_text("[pytest]\n")
    cmd = [
        sys.executable, "-m", "pytest", "--nbval", "--nbval-current-env", "-p", "no:cacheprovider",
        f"--nbval-sanitize-with={ROOT / 'tests' / 'sanitize.cfg'}", "-c", str(ini), "-q", str(nb_path),
    ]  # fmt: skip
    return subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path, timeout=300)


def test_executor_output_passes_nbval_and_a_stale_output_fails(tmp_path):
    """`spinlib notebooks` output passes strict nbval; editing one stored output fails it."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(src) for src in STALE_CELLS])
    path = tmp_path / "pipeline.ipynb"
    nbformat.write(nb, path)
    execute_notebook(path)
    executed = nbformat.read(path, as_version=4)
    assert executed.cells[1].outputs[0].text == "42\n"
    assert executed.cells[0].outputs[0].data["text/plain"].startswith("<Figure size 800x500")
    fresh = _run_nbval(path, tmp_path)
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr

    executed.cells[1].outputs[0].text = "41\n"  # a stale stored number
    nbformat.write(executed, path)
    stale = _run_nbval(path, tmp_path)
    assert stale.returncode != 0, "nbval accepted a stale output"
    assert "41" in stale.stdout and "42" in stale.stdout
