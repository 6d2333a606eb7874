#!/usr/bin/env python
"""Convert between a percent-format Python script and a Jupyter notebook.

Authoring aid for contributors (not part of spinlib).  Notebooks are committed
as ``.ipynb`` with outputs; to edit one as text::

    python tools/nbpercent.py to-py notebooks/01_gauge_transformation.ipynb > /tmp/nb.py
    # ... edit /tmp/nb.py ...
    python tools/nbpercent.py to-nb /tmp/nb.py notebooks/01_gauge_transformation.ipynb
    spinlib notebooks notebooks/01_gauge_transformation.ipynb

Cell markers (one per cell)::

    # %% [markdown]            a markdown cell (lines start with "# ")
    # %%                       a code cell
    # %% solution              a code cell holding an exercise solution:
                               tagged "solution", source collapsed in JupyterLab
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat


def py_to_nb(text: str):
    cells = []
    kind, tags, lines = None, [], []

    def flush():
        if kind is None:
            return
        body = "\n".join(lines).strip("\n")
        if kind == "markdown":
            md = "\n".join(
                ln[2:] if ln.startswith("# ") else ln[1:] if ln.startswith("#") else ln
                for ln in body.splitlines()
            )
            cells.append(nbformat.v4.new_markdown_cell(md))
        else:
            cell = nbformat.v4.new_code_cell(body)
            if "solution" in tags:
                cell.metadata["tags"] = ["solution"]
                cell.metadata["jupyter"] = {"source_hidden": True}
            cells.append(cell)

    for line in text.splitlines():
        if line.startswith("# %%"):
            flush()
            rest = line[4:].strip()
            kind = "markdown" if rest.startswith("[markdown]") else "code"
            tags = rest.split() if kind == "code" else []
            lines = []
        elif kind is not None:
            lines.append(line)
    flush()
    nb = nbformat.v4.new_notebook(cells=cells)
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"c{i:03d}"
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "name": "python3",
    }
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def nb_to_py(nb) -> str:
    out = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            out.append("# %% [markdown]")
            out.extend(("# " + ln) if ln else "#" for ln in cell.source.splitlines())
        else:
            tags = cell.metadata.get("tags", [])
            out.append("# %% solution" if "solution" in tags else "# %%")
            out.extend(cell.source.splitlines())
        out.append("")
    return "\n".join(out)


def main(argv):
    if len(argv) >= 2 and argv[0] == "to-py":
        sys.stdout.write(nb_to_py(nbformat.read(argv[1], as_version=4)))
    elif len(argv) == 3 and argv[0] == "to-nb":
        nb = py_to_nb(Path(argv[1]).read_text())
        nbformat.validate(nb)
        nbformat.write(nb, argv[2])
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
