"""The one plotting style of spinlib.

Every figure of the collection, in the notebooks and in ``figures/``, is drawn
inside :func:`style` (or after :func:`use_style`), so that they look the same
and stay readable when projected in a lecture hall: large fonts, thick lines,
the colour-blind-safe Okabe-Ito palette, and a fixed figure size and dpi (the
fixed size also keeps the notebooks' stored ``<Figure size ...>`` outputs
stable for nbval).

:func:`save_figure` writes PNG and PDF with reproducible metadata (no
creation date), so re-running ``spinlib figures`` on unchanged code gives
unchanged PDF files.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import matplotlib as mpl

__all__ = ["OKABE_ITO", "LINE_COLORS", "STYLE", "style", "use_style", "save_figure", "spin_colormap"]

#: Okabe & Ito (2008) colour-blind-safe palette (black first).
OKABE_ITO = (
    "#000000",
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
)

#: Line colours in order: Okabe-Ito without black first and with yellow last
#: (yellow has little contrast on white, worst on a projector).
LINE_COLORS = tuple(OKABE_ITO[i] for i in (1, 2, 3, 5, 6, 7, 0, 4))

#: rcParams of the spinlib style.
STYLE: dict[str, object] = {
    "figure.figsize": (8.0, 5.0),
    "figure.dpi": 100,
    "figure.constrained_layout.use": True,
    "savefig.dpi": 200,
    "font.size": 14,
    "axes.titlesize": 15,
    "axes.labelsize": 15,
    "xtick.labelsize": 13,
    "ytick.labelsize": 13,
    "legend.fontsize": 12,
    "legend.frameon": False,
    "lines.linewidth": 2.2,
    "lines.markersize": 6,
    "axes.linewidth": 1.2,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.prop_cycle": mpl.cycler(color=list(LINE_COLORS)),
    "image.cmap": "RdBu_r",
    "mathtext.fontset": "cm",
    "axes.formatter.use_mathtext": True,
}


def use_style() -> None:
    """Apply the spinlib style globally (what the notebooks do once, at the top)."""
    mpl.rcParams.update(STYLE)


@contextlib.contextmanager
def style() -> Iterator[None]:
    """Context manager: draw inside the spinlib style, then restore rcParams.

    Only the keys of :data:`STYLE` are restored on exit (unlike
    ``matplotlib.rc_context``, which would also undo the interactive mode that
    a Jupyter backend switches on while the first figure is created, so that
    later figures would no longer be shown inline).
    """
    saved = {key: mpl.rcParams[key] for key in STYLE}
    mpl.rcParams.update(STYLE)
    try:
        yield
    finally:
        mpl.rcParams.update(saved)


def spin_colormap() -> str:
    """Name of the diverging colormap used for a spin component in [-1, 1]."""
    return "RdBu_r"


def save_figure(fig, stem: str | Path, formats: tuple[str, ...] = ("png", "pdf")) -> list[Path]:
    """Save ``fig`` as ``stem.png`` and ``stem.pdf`` with reproducible metadata.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    stem : str or Path
        Output path without suffix; parent directories are created.
    formats : tuple of str
        File formats to write.

    Returns
    -------
    list of Path
        The files written.
    """
    stem = Path(stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        path = stem.with_suffix(f".{fmt}")
        metadata = {"CreationDate": None} if fmt == "pdf" else {"Software": None}
        fig.savefig(path, format=fmt, metadata=metadata)
        written.append(path)
    return written
