"""Keep EQUATIONS.md in step with the code.

* every numbered equation (1)-(98), (A.1)-(A.10), (B.1)-(B.4) has exactly one row;
* extra rows are labelled T<n>[a-z] (text near eq. n) or X<n> (project additions);
* every status is one of the allowed kinds, and verified/corrected rows cite tests;
* every cited test id exists, every cited spinlib name imports, every cited
  notebook exists;
* every test named ``test_eq<N>_...`` is cited in the row of equation (N).
"""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LEDGER = ROOT / "EQUATIONS.md"
REQUIRED = (
    [f"({n})" for n in range(1, 99)]
    + [f"(A.{n})" for n in range(1, 11)]
    + [f"(B.{n})" for n in range(1, 5)]
)
EXTRA_LABEL = re.compile(r"^(T\d+[a-z]?|X\d+)$")
STATUSES = ("verified", "corrected:", "not reproduced:", "definition", "not yet:")
TEST_ID = re.compile(r"`(tests/[\w/]+\.py)::([\w:]+)(\[[^\]]*\])?`")


def ledger_rows(text: str) -> list[dict]:
    rows = []
    for line in text.splitlines():
        if not line.startswith("| ") or line.startswith("| Eq.") or line.startswith("|---"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        assert len(cells) == 5, f"malformed ledger row (need 5 columns): {line}"
        rows.append(dict(zip(("label", "statement", "where", "tests", "status"), cells)))
    return rows


ROWS = ledger_rows(LEDGER.read_text(encoding="utf-8"))


def test_every_numbered_equation_has_exactly_one_row():
    labels = [r["label"] for r in ROWS]
    missing = [lab for lab in REQUIRED if lab not in labels]
    duplicated = sorted({lab for lab in labels if labels.count(lab) > 1})
    assert not missing, f"equations without a row: {missing}"
    assert not duplicated, f"equations with several rows: {duplicated}"
    extra = [lab for lab in labels if lab not in REQUIRED]
    bad = [lab for lab in extra if not EXTRA_LABEL.match(lab)]
    assert not bad, f"unknown row labels (use (N), T<n>[a-z] or X<n>): {bad}"


def check_statuses(rows: list[dict]) -> None:
    for row in rows:
        assert row["status"].startswith(STATUSES), f"{row['label']}: status {row['status']!r}"
        if row["status"].startswith(("verified", "corrected:")):
            assert TEST_ID.search(row["tests"]), f"{row['label']} is {row['status'].split()[0]} but cites no test"
        if row["status"].startswith(("corrected:", "not reproduced:", "not yet:")):
            reason = row["status"].split(":", 1)[1].strip()
            assert reason, f"{row['label']}: {row['status']!r} must say how/why"


def test_statuses_are_of_an_allowed_kind():
    check_statuses(ROWS)


def _defined_tests(path: Path) -> set[str]:
    """Names of test functions, as 'name' and 'Class::name'."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    names.add(f"{node.name}::{item.name}")
    return names


def test_cited_tests_exist():
    cache: dict[str, set[str]] = {}
    missing = []
    for row in ROWS:
        for path, name, _ in TEST_ID.findall(row["tests"]):
            file = ROOT / path
            if not file.exists():
                missing.append(f"{row['label']}: {path} does not exist")
                continue
            cache.setdefault(path, _defined_tests(file))
            if name not in cache[path]:
                missing.append(f"{row['label']}: {path}::{name} is not defined")
    assert not missing, "\n".join(missing)


def test_cited_spinlib_names_and_notebooks_exist():
    problems = []
    for row in ROWS:
        for name in re.findall(r"`(spinlib(?:\.\w+)*)`", row["where"]):
            parts = name.split(".")
            for cut in range(len(parts), 0, -1):
                try:
                    obj = importlib.import_module(".".join(parts[:cut]))
                except ImportError:
                    continue
                try:
                    for attr in parts[cut:]:
                        obj = getattr(obj, attr)
                except AttributeError:
                    problems.append(f"{row['label']}: {name} does not exist")
                break
            else:
                problems.append(f"{row['label']}: {name} does not import")
        for nb in re.findall(r"\b(\d\d_[a-z0-9_]+)\b", row["where"]):
            if not (ROOT / "notebooks" / f"{nb}.ipynb").exists():
                problems.append(f"{row['label']}: notebook {nb} does not exist")
    assert not problems, "\n".join(problems)


def test_tests_named_after_an_equation_are_cited_in_its_row():
    cited: dict[str, str] = {r["label"]: r["tests"] for r in ROWS}
    uncited = []
    for file in sorted((ROOT / "tests").glob("test_*.py")):
        for name in _defined_tests(file):
            match = re.match(r"(?:\w+::)?test_eq(\d+)_", name)
            if match:
                label = f"({int(match.group(1))})"
                if f"tests/{file.name}::{name}" not in cited.get(label, ""):
                    uncited.append(f"tests/{file.name}::{name} -> row {label}")
    assert not uncited, "tests named after an equation but not cited in its row:\n" + "\n".join(uncited)


@pytest.mark.parametrize(
    "line",
    [
        "| (1) | a | — | — | verified |",  # verified without a test
        "| (1) | a | — | `tests/x.py::t` | corrected |",  # corrected without saying how
        "| (1) | a | — | — | not yet: |",  # not yet without a reason
        "| (1) | a | — | — | ok |",  # unknown status
    ],
)
def test_status_checker_can_fail(line):
    """The status rules reject malformed rows (a synthetic one-row ledger)."""
    rows = ledger_rows("| Eq. | Statement | Where | Verified by | Status |\n|---|---|---|---|---|\n" + line)
    assert len(rows) == 1
    with pytest.raises(AssertionError):
        check_statuses(rows)
