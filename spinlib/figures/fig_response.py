"""Figures of notebooks 02 and 03: the response kernels H̃1, H̃2, χ̃1, χ̃2 (Figs. 3, 4).

Units: q̃ = q/2k_F; r in units of 1/k_F; real-space kernels K(r) in units of
k_F³, plotted as the radial weight 4πr²K(r) (units k_F), whose integral over
r is K̃(q = 0).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from .. import response
from ..plotting import LINE_COLORS, OKABE_ITO
from . import register

NB_EQUILIBRIUM = "02_equilibrium_spin_density"
NB_CURRENT = "03_current_induced_spin_density"

#: polarisations shown in Figs. 3 and 4
ZETAS = (0.1, 0.3, 0.5, 0.8)
#: polarisations of the small-multiples figures
ZETAS_SMALL = (0.1, 0.3, 0.5, 0.7, 0.9)

Q_GRID = np.linspace(0.0, 2.0, 801)
R_GRID = np.linspace(1e-3, 25.0, 1500)

_LABELS = {
    "h1": r"$\tilde H_1$",
    "h2": r"$\tilde H_2$",
    "chi1": r"$\tilde\chi_1$",
    "chi2": r"$\tilde\chi_2$",
}
_Q_FUNCS = {
    "h1": response.h1_tilde,
    "h2": response.h2_tilde,
    "chi1": response.chi1_tilde,
    "chi2": response.chi2_tilde,
}


def _colors(n: int):
    return [LINE_COLORS[i % len(LINE_COLORS)] for i in range(n)]


def draw_q_space(ax, kernel: str, zetas, q=Q_GRID, *, legend: bool = True) -> None:
    """K̃(q̃) for several ζ, with the Stoner window edges q̃ = ζ dotted for χ̃."""
    for zeta, color in zip(zetas, _colors(len(zetas))):
        values = np.asarray(_Q_FUNCS[kernel](q, zeta), dtype=float)
        values = np.where(np.isfinite(values), values, np.nan)  # log singularities of χ̃1
        ax.plot(q, values, color=color, label=rf"$\zeta={zeta:g}$")
        if kernel in ("chi1", "chi2"):
            ax.axvline(zeta, color=color, lw=0.8, ls=":")
    if kernel == "h1":
        ax.plot(q, response.lindhard(q), color=OKABE_ITO[0], lw=1.2, ls="--", label=r"Lindhard ($\zeta\to0$)")
    ax.axvline(1.0, color="0.5", lw=0.8, ls=":")
    ax.axhline(0.0, color="0.5", lw=0.6)
    ax.set_xlabel(r"$\tilde q = q/2k_F$")
    ax.set_ylabel(_LABELS[kernel] + r"$(\tilde q)$")
    if kernel == "chi1":
        ax.set_ylim(0, 2.5)
    if legend:
        ax.legend(fontsize=10)


def draw_real_space(ax, kernel: str, zetas, r=R_GRID, *, legend: bool = False) -> None:
    """Radial weight 4πr²K(r) (units k_F) for several ζ."""
    for zeta, color in zip(zetas, _colors(len(zetas))):
        ax.plot(r, 4 * np.pi * r**2 * response.real_space(kernel, r, zeta), color=color,
                label=rf"$\zeta={zeta:g}$")
    ax.axhline(0.0, color="0.5", lw=0.6)
    ax.set_xlabel(r"$k_F r$")
    ax.set_ylabel(r"$4\pi r^2\,$" + _LABELS[kernel] + r"$(r)$  [$k_F$]")
    if legend:
        ax.legend(fontsize=10)


def _four_panels(kernels, zetas, title, notes=("", "", "", "")):
    fig, axes = plt.subplots(2, 2, figsize=(13, 8.5))
    for col, kernel in enumerate(kernels):
        draw_q_space(axes[0, col], kernel, zetas, legend=col == 0)
        draw_real_space(axes[1, col], kernel, zetas, legend=col == 0)
    for ax, letter, note in zip(axes.ravel(), "abcd", notes):
        ax.set_title(f"({letter}) {note}".rstrip(), loc="left", fontsize=12)
    fig.suptitle(title)
    return fig


@register(
    "fig3_h1_h2",
    notebook=NB_EQUILIBRIUM,
    description="Fig. 3: H̃1 and H̃2 (eqs. 31-33) in q-space and real space for several ζ",
)
def fig3_h1_h2():
    return _four_panels(
        ("h1", "h2"),
        ZETAS,
        r"Fig. 3: equilibrium kernels $\tilde H_1 = H_1/s$ and $\tilde H_2 = H_2/k_F^3$",
        notes=("", "as defined by (31); absent from the corrected (30)", "", "(31), real space"),
    )


@register(
    "fig4_chi1_chi2",
    notebook=NB_CURRENT,
    description="Fig. 4: χ̃1 (corrected eq. 36) and χ̃2 (eq. 38) in q-space and real space",
)
def fig4_chi1_chi2():
    return _four_panels(
        ("chi1", "chi2"), ZETAS, r"Fig. 4: current-driven kernels $\tilde\chi_1$ (corrected (36)) and $\tilde\chi_2$"
    )


def _small_multiples(kernels, zetas):
    rows = 2 * len(kernels)
    fig, axes = plt.subplots(rows, len(zetas), figsize=(3.1 * len(zetas), 2.4 * rows), sharex="row", sharey="row")
    for j, zeta in enumerate(zetas):
        for i, kernel in enumerate(kernels):
            draw_q_space(axes[2 * i, j], kernel, [zeta], legend=False)
            draw_real_space(axes[2 * i + 1, j], kernel, [zeta])
            axes[2 * i, j].set_title(rf"$\zeta = {zeta:g}$", fontsize=12)
        for ax in axes[:, j]:
            if j:
                ax.set_ylabel("")
    for ax in axes.ravel():
        ax.xaxis.label.set_size(11)
        ax.yaxis.label.set_size(11)
        ax.tick_params(labelsize=10)
    return fig


@register(
    "h_kernels_small_multiples",
    notebook=NB_EQUILIBRIUM,
    description="static twin of the ζ slider: H̃1, H̃2 in q- and real space for five ζ",
)
def h_kernels_small_multiples():
    return _small_multiples(("h1", "h2"), ZETAS_SMALL)


@register(
    "chi_kernels_small_multiples",
    notebook=NB_CURRENT,
    description="static twin of the ζ slider: χ̃1, χ̃2 in q- and real space for five ζ",
)
def chi_kernels_small_multiples():
    return _small_multiples(("chi1", "chi2"), ZETAS_SMALL)


@register(
    "chi1_corrections",
    notebook=NB_CURRENT,
    description="χ̃1: printed (36) vs corrected, and the tensor parts χ̃_L, χ̃_T behind (B.3)",
)
def chi1_corrections(zeta: float = 0.3):
    q = np.linspace(1e-3, 2.0, 801)
    fig, axes = plt.subplots(1, 2, figsize=(13, 4.8))
    ax = axes[0]
    printed = np.asarray(response._paper_printed_chi1_tilde(q, zeta), dtype=float)
    corrected = np.asarray(response.chi1_tilde(q, zeta), dtype=float)
    ax.plot(q, np.where(np.isfinite(corrected), corrected, np.nan), color=OKABE_ITO[5], label="corrected (this work)")
    ax.plot(q, np.where(np.isfinite(printed), printed, np.nan), color=OKABE_ITO[6], ls="--", label="printed (36)")
    ax.axhline(1.0, color="0.5", lw=0.8, ls=":")
    ax.set_ylim(0, 4)
    ax.set_title(rf"(a) $\tilde\chi_1$ as printed and corrected, $\zeta={zeta:g}$", loc="left")
    ax.set_xlabel(r"$\tilde q = q/2k_F$")
    ax.set_ylabel(r"$\tilde\chi_1(\tilde q)$")
    ax.legend()
    ax = axes[1]
    parts = (
        (response.chi1_longitudinal_tilde(q, zeta), r"$\tilde\chi_L$ ($\mathbf{E}\parallel\mathbf{q}$)", OKABE_ITO[1], "-"),
        (response.chi1_transverse_tilde(q, zeta), r"$\tilde\chi_T=\tilde H_1$ ($\mathbf{E}\perp\mathbf{q}$)", OKABE_ITO[2], "-"),
        (corrected, r"$\tilde\chi_1=(\tilde\chi_L+2\tilde\chi_T)/3$ (B.3)", OKABE_ITO[0], "--"),
    )
    for values, label, color, style in parts:
        values = np.asarray(values, dtype=float)
        ax.plot(q, np.where(np.isfinite(values), values, np.nan), color=color, ls=style, label=label)
    ax.set_ylim(0, 2.5)
    ax.set_title(r"(b) the tensor that (B.3) averages", loc="left")
    ax.set_xlabel(r"$\tilde q = q/2k_F$")
    ax.set_ylabel("kernel")
    ax.legend(fontsize=11)
    return fig
