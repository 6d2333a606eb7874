"""The figure registry: every figure of the collection, by name.

A figure is a function that takes no argument and returns a
:class:`matplotlib.figure.Figure`, drawn inside :func:`spinlib.plotting.style`.
It is registered with :func:`register` in a module ``fig_<topic>.py`` of this
package; every such module is imported on first use, so adding a figure needs
no change here.  ``spinlib figures`` (see :mod:`spinlib.cli`) draws them all and
saves each as PNG and PDF in ``figures/``; the notebooks call the same
functions, so the notebook and the file always show the same figure.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..plotting import save_figure, style

__all__ = ["FigureSpec", "register", "available", "get", "make", "generate"]


@dataclass(frozen=True)
class FigureSpec:
    """A registered figure: its name, its drawing function, where it is shown."""

    name: str
    func: Callable
    notebook: str
    description: str


_REGISTRY: dict[str, FigureSpec] = {}
_loaded = False


def register(name: str, *, notebook: str, description: str) -> Callable:
    """Decorator registering a figure function under ``name``.

    Parameters
    ----------
    name : str
        File stem in ``figures/`` (e.g. ``"fig3_h1_h2"``).
    notebook : str
        The notebook that shows the figure (e.g. ``"01_gauge_transformation"``).
    description : str
        One line saying what the figure shows.
    """

    def decorator(func: Callable) -> Callable:
        if name in _REGISTRY and _REGISTRY[name].func is not func:
            raise ValueError(f"a figure named {name!r} is already registered")
        _REGISTRY[name] = FigureSpec(name, func, notebook, description)
        return func

    return decorator


def _load_all() -> None:
    global _loaded
    if _loaded:
        return
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("fig_"):
            importlib.import_module(f"{__name__}.{info.name}")
    _loaded = True


def available() -> list[str]:
    """Names of all registered figures, sorted."""
    _load_all()
    return sorted(_REGISTRY)


def get(name: str) -> FigureSpec:
    """The :class:`FigureSpec` registered under ``name``."""
    _load_all()
    if name not in _REGISTRY:
        allowed = ", ".join(repr(n) for n in sorted(_REGISTRY))
        raise ValueError(f"name must be one of {allowed}; got {name!r}")
    return _REGISTRY[name]


def make(name: str):
    """Draw the figure ``name`` in the spinlib style and return it."""
    spec = get(name)
    with style():
        return spec.func()


def generate(
    outdir: str | Path = "figures",
    names: Iterable[str] | None = None,
    *,
    formats: tuple[str, ...] = ("png", "pdf"),
    log: Callable[[str], None] | None = print,
) -> list[Path]:
    """Draw and save figures (all by default) as PNG and PDF in ``outdir``.

    Returns
    -------
    list of Path
        Every file written.
    """
    import matplotlib.pyplot as plt

    outdir = Path(outdir)
    selected = available() if names is None else [get(n).name for n in names]
    written: list[Path] = []
    for i, name in enumerate(selected, 1):
        spec = get(name)
        with style():
            fig = spec.func()
            files = save_figure(fig, outdir / name, formats)
        plt.close(fig)
        written.extend(files)
        if log is not None:
            where = ", ".join(str(f) for f in files)
            log(f"[{i}/{len(selected)}] {name}: {spec.description} -> {where}")
    return written
