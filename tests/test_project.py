"""Project-level consistency: packaging, README commands, CI, figures, CLI, layering."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest
import tomllib

from spinlib import cli, figures

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ \[]", requirement.strip(), maxsplit=1)[0].lower()


def pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def environment_packages() -> list[str]:
    """Conda dependencies of environment.yml (without python and pip)."""
    deps, inside = [], False
    for line in (ROOT / "environment.yml").read_text().splitlines():
        if line.startswith("dependencies:"):
            inside = True
            continue
        if inside:
            match = re.match(r"^  - (\S.*)$", line)
            if match and not match.group(1).startswith("pip:"):
                deps.append(match.group(1).strip())
    return [d for d in deps if _name(d) not in ("python", "pip")]


def test_environment_yml_lists_the_same_packages_as_pyproject():
    project = pyproject()["project"]
    wanted = set(project["dependencies"]) | set(project["optional-dependencies"]["all"])
    assert set(environment_packages()) == wanted
    python_spec = re.search(r"^  - python(\S*)", (ROOT / "environment.yml").read_text(), re.M).group(1)
    assert python_spec == project["requires-python"]


def test_all_extra_is_the_union_of_the_others():
    extras = pyproject()["project"]["optional-dependencies"]
    union = {_name(r) for key, reqs in extras.items() if key != "all" for r in reqs}
    assert {_name(r) for r in extras["all"]} == union


def readme_command(marker: str) -> str:
    text = (ROOT / "README.md").read_text()
    match = re.search(rf"<!-- {marker} -->\s*```bash\n(.+?)\n```", text, re.S)
    assert match, f"README has no {marker} block"
    return match.group(1).strip()


def test_readme_commands_and_ci():
    main, tests = readme_command("main-command"), readme_command("test-command")
    assert main.endswith("spinlib figures") and 'pip install -e ".[all]"' in main
    assert tests.endswith("pytest") and 'pip install -e ".[all]"' in tests
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert tests in ci, ".ci/run must run exactly the README's test command"
    assert (ROOT / ".ci" / "run").stat().st_mode & 0o111, ".ci/run must be executable"


def test_pytest_runs_strict_nbval_with_sanitize_file():
    opts = pyproject()["tool"]["pytest"]["ini_options"]
    assert "--nbval" in opts["addopts"] and "--nbval-lax" not in opts["addopts"]
    assert "--nbval-current-env" in opts["addopts"]
    assert "--nbval-sanitize-with=tests/sanitize.cfg" in opts["addopts"]
    assert "notebooks" in opts["testpaths"]


def test_every_registered_figure_is_in_figures_dir_and_shown_in_its_notebook():
    names = figures.available()
    assert names
    for name in names:
        for suffix in (".png", ".pdf"):
            assert (ROOT / "figures" / f"{name}{suffix}").exists(), f"run `spinlib figures`: {name}{suffix}"
        spec = figures.get(name)
        nb = ROOT / "notebooks" / f"{spec.notebook}.ipynb"
        if nb.exists():
            source = "\n".join(c.source for c in nbformat.read(nb, as_version=4).cells)
            assert f'make("{name}")' in source, f"{spec.notebook} does not show {name}"
    stray = {p.stem for p in (ROOT / "figures").glob("*.*")} - set(names)
    assert not stray, f"files in figures/ that no registered figure produces: {stray}"


def test_cli_writes_png_and_pdf(tmp_path, capsys):
    assert cli.main(["figures", "--outdir", str(tmp_path), "overview_bands"]) == 0
    assert (tmp_path / "overview_bands.png").stat().st_size > 10_000
    assert (tmp_path / "overview_bands.pdf").read_bytes().startswith(b"%PDF")
    out = capsys.readouterr().out
    assert "overview_bands" in out and str(tmp_path) in out
    assert cli.main(["list"]) == 0
    assert "gauge_domain_wall" in capsys.readouterr().out


def test_pdf_output_is_reproducible(tmp_path):
    a = figures.generate(tmp_path / "a", ["overview_bands"], formats=("pdf",), log=None)[0]
    b = figures.generate(tmp_path / "b", ["overview_bands"], formats=("pdf",), log=None)[0]
    assert a.read_bytes() == b.read_bytes()


def test_unknown_figure_name_is_rejected():
    with pytest.raises(ValueError, match="name must be one of"):
        figures.get("no_such_figure")


# Layers of the package: a module may import only from its own layer or below.
LAYERS = {
    "_validation": 0, "plotting": 0, "symbolic": 0, "grids": 0,
    "electron_gas": 1, "gauge": 1, "textures": 1, "topology": 1, "response": 1, "ksums": 1,
    "relaxation": 1, "units": 1, "golden_rule": 1,
    "sp5": 2,
    "torque": 2, "forces": 2, "resistivity": 2, "thiele": 2, "scattering": 2, "vortex": 2, "wall_comparison": 2,
    "figures": 3, "notebooks": 3, "cli": 3, "__main__": 3, "__init__": 3,
}  # fmt: skip


def _spinlib_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    pkg_parts = path.relative_to(ROOT).with_suffix("").parts[:-1]  # e.g. ("spinlib", "figures")
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(pkg_parts[: len(pkg_parts) - node.level + 1])
                target = base + (node.module.split(".") if node.module else [])
                if len(target) == 1:  # "from . import x" inside spinlib
                    found.update(alias.name for alias in node.names)
                else:
                    found.add(target[1])
            elif node.module and node.module.split(".")[0] == "spinlib":
                parts = node.module.split(".")
                if len(parts) > 1:
                    found.add(parts[1])
                else:
                    found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "spinlib" and len(parts) > 1:
                    found.add(parts[1])
    return found


def test_imports_only_go_downward():
    problems = []
    for path in sorted((ROOT / "spinlib").rglob("*.py")):
        rel = path.relative_to(ROOT / "spinlib").with_suffix("").parts
        module = rel[0]
        if module not in LAYERS:
            problems.append(f"{path.name}: module {module!r} is not assigned a layer in tests/test_project.py")
            continue
        for imported in _spinlib_imports(path):
            if imported not in LAYERS:
                problems.append(f"{module} imports unknown module {imported!r}")
            elif LAYERS[imported] > LAYERS[module]:
                problems.append(f"{module} (layer {LAYERS[module]}) imports {imported} (layer {LAYERS[imported]})")
    assert not problems, "\n".join(problems)
