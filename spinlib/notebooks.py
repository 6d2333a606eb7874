"""Execute the teaching notebooks in place, the way the tests re-run them.

``spinlib notebooks`` runs every notebook top to bottom in a *fresh* kernel
started from the current Python interpreter (the same kernel that
``pytest --nbval --nbval-current-env`` starts), with the same matplotlib
backend, and stores the outputs.  It strips the metadata that changes from run
to run (timings, kernel version, widget state), so that a re-run of unchanged
code gives an unchanged file and nbval can compare outputs strictly.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

__all__ = ["KERNEL_ENV", "execute_notebook", "execute_all", "notebook_paths"]

#: Environment shared by the executor and the test kernels (see conftest.py).
KERNEL_ENV = {
    "MPLBACKEND": "module://matplotlib_inline.backend_inline",
    "PYTHONHASHSEED": "0",
    "PYDEVD_DISABLE_FILE_VALIDATION": "1",
}

_CURRENT_ENV = "spinlib-current-env"


def notebook_paths(root: str | Path = "notebooks") -> list[Path]:
    """All ``*.ipynb`` files under ``root`` (checkpoints excluded), sorted."""
    root = Path(root)
    return sorted(
        p for p in root.glob("**/*.ipynb") if ".ipynb_checkpoints" not in p.parts
    )


def _kernel_manager():
    import ipykernel.kernelspec
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    class _CurrentEnvSpecs(KernelSpecManager):
        def get_kernel_spec(self, kernel_name):
            if kernel_name == _CURRENT_ENV:
                return self.kernel_spec_class(
                    resource_dir=ipykernel.kernelspec.RESOURCES,
                    **ipykernel.kernelspec.get_kernel_dict(),
                )
            return super().get_kernel_spec(kernel_name)

    return KernelManager(kernel_name=_CURRENT_ENV, kernel_spec_manager=_CurrentEnvSpecs())


def _strip_volatile(nb) -> None:
    nb.metadata.pop("widgets", None)
    lang = nb.metadata.get("language_info", {})
    for key in ("version", "pygments_lexer", "codemirror_mode"):
        lang.pop(key, None)
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "name": "python3",
    }
    widget_count = 0
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            cell.metadata.pop("collapsed", None)
            for out in cell.get("outputs", []):
                out.get("metadata", {}).pop("execution", None)
                view = out.get("data", {}).get("application/vnd.jupyter.widget-view+json")
                if view is not None:  # random model ids; the state is not stored anyway
                    widget_count += 1
                    view["model_id"] = f"spinlib-widget-{widget_count}"


def execute_notebook(path: str | Path, *, timeout: int = 600) -> None:
    """Run one notebook top to bottom in a fresh kernel and save it in place.

    Raises
    ------
    nbclient.exceptions.CellExecutionError
        If a cell raises; the notebook file is then left unchanged.
    """
    import nbformat
    from nbclient import NotebookClient

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    saved = {k: os.environ.get(k) for k in KERNEL_ENV}
    os.environ.update(KERNEL_ENV)
    try:
        client = NotebookClient(
            nb,
            km=_kernel_manager(),
            timeout=timeout,
            resources={"metadata": {"path": str(path.parent.resolve())}},
            record_timing=False,
            store_widget_state=True,  # needed by nbclient for Output widgets; stripped below
            allow_errors=False,
        )
        client.execute()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    _strip_volatile(nb)
    nbformat.validate(nb)
    nbformat.write(nb, path)


def execute_all(
    paths: Iterable[str | Path] | None = None,
    *,
    timeout: int = 600,
    log: Callable[[str], None] | None = print,
) -> list[Path]:
    """Execute several notebooks (all under ``notebooks/`` by default)."""
    import time

    paths = [Path(p) for p in paths] if paths else notebook_paths()
    if not paths:
        raise ValueError("paths: no notebooks found")
    for i, path in enumerate(paths, 1):
        start = time.perf_counter()
        execute_notebook(path, timeout=timeout)
        if log is not None:
            log(f"[{i}/{len(paths)}] executed {path} in {time.perf_counter() - start:.1f} s")
    return paths


if __name__ == "__main__":  # pragma: no cover
    execute_all(sys.argv[1:] or None)
