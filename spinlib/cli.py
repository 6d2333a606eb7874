"""The ``spinlib`` command line.

``spinlib figures``    regenerate every figure in ``figures/`` (PNG + PDF);
``spinlib notebooks``  re-execute the notebooks in place, as the tests do;
``spinlib list``       list the registered figures and where they are shown.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["main"]


def _default_figures_dir() -> Path:
    """``figures/`` of the source checkout if spinlib runs from one, else ./figures."""
    repo = Path(__file__).resolve().parent.parent
    if (repo / "pyproject.toml").exists() and (repo / "notebooks").is_dir():
        return repo / "figures"
    return Path("figures")


def _default_notebooks_dir() -> Path:
    repo = Path(__file__).resolve().parent.parent
    return repo / "notebooks" if (repo / "notebooks").is_dir() else Path("notebooks")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="spinlib",
        description="Teaching notebooks for Tatara et al., JPSJ 76, 054707 (2007).",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p_fig = sub.add_parser("figures", help="regenerate the figures (PNG and PDF)")
    p_fig.add_argument("names", nargs="*", help="figure names (default: all)")
    p_fig.add_argument("--outdir", type=Path, default=None, help="output directory")

    p_nb = sub.add_parser("notebooks", help="re-execute notebooks in place")
    p_nb.add_argument("paths", nargs="*", type=Path, help="notebooks (default: all)")
    p_nb.add_argument("--timeout", type=int, default=600, help="per-cell timeout in s")

    sub.add_parser("list", help="list the registered figures")

    args = parser.parse_args(argv)
    if args.command == "figures":
        from .figures import generate

        outdir = args.outdir or _default_figures_dir()
        files = generate(outdir, args.names or None)
        print(f"wrote {len(files)} files to {outdir}")
    elif args.command == "notebooks":
        from .notebooks import execute_all, notebook_paths

        paths = args.paths or notebook_paths(_default_notebooks_dir())
        execute_all(paths, timeout=args.timeout)
    elif args.command == "list":
        from .figures import available, get

        for name in available():
            spec = get(name)
            print(f"{name:32s} {spec.notebook:32s} {spec.description}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
