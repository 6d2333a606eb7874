"""Figures of notebook 06: the Mori resistivity of walls and vortices, eqs. (66)-(78), (92)-(98).

Units ħ = m = k_F = |e| = 1 (:mod:`spinlib.resistivity`): wave-vectors in k_F,
lengths in 1/k_F, ρ_S L (a wall) in ħ/(e²k_F²), ρ_v A (a vortex) in ħ/(e²k_F³).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from .. import resistivity, textures, vortex
from ..plotting import OKABE_ITO
from . import register

NOTEBOOK = "06_mori_resistivity"


# --------------------------------------------------------------------------
# helpers the notebook also uses
# --------------------------------------------------------------------------
def draw_wall_integrand(ax, zeta: float, kf_width: float) -> float:
    """The integrand of ρ_S L for a tanh wall against q, the window split into its two processes.

    Returns ρ_S L (closed form).  The integrand
    :func:`spinlib.resistivity.tanh_wall_resistance_integrand`, (ζ²/2n²) sech²(πqλ/2)/q, is
    drawn on 2ζ ≤ q ≤ 2√ζ (mistracking) and 2√ζ ≤ q ≤ 2 (spin-flip reflection).
    """
    q = np.linspace(1e-3, 2.4, 1200)
    f = resistivity.tanh_wall_resistance_integrand(q, kf_width, zeta)
    ax.semilogy(q, f, color="0.6", lw=1.2, label="outside the window")
    split = 2 * np.sqrt(zeta)
    for lo, hi, color, label in ((2 * zeta, split, OKABE_ITO[5], "mistracking"),
                                 (split, 2.0, OKABE_ITO[6], "spin-flip reflection")):  # fmt: skip
        m = (q >= lo) & (q <= hi)
        ax.fill_between(q[m], 1e-300, f[m], color=color, alpha=0.35, lw=0)
        ax.semilogy(q[m], f[m], color=color, label=label)
    total = resistivity.tanh_wall_area_resistance(kf_width, zeta)
    window = f[(q >= 2 * zeta) & (q <= 2.0)]
    ax.set_ylim(max(window.min() / 10, 1e-300), f.max() * 3)
    ax.set_xlabel(r"$q/k_F$")
    ax.set_ylabel(r"integrand of $\rho_S L$")
    ax.set_title(rf"$\zeta={zeta:g}$, $k_F\lambda={kf_width:g}$: $\rho_S L = {total:.2e}$", fontsize=12)
    return float(total)


# --------------------------------------------------------------------------
# figures
# --------------------------------------------------------------------------
@register(
    "mori_phase_space",
    notebook=NOTEBOOK,
    description="the k-sum (75): closed form against the broadened double delta function",
)
def mori_phase_space(zeta: float = 0.3):
    fig, axes = plt.subplots(1, 2, figsize=(13, 4.6))
    q = np.linspace(0.01, 3.0, 600)
    qs = np.linspace(0.05, 2.95, 30)
    ax = axes[0]
    ax.plot(q, 4 * np.pi**2 * q * resistivity.spin_flip_phase_space(q, zeta), color="k",
            label=r"closed form $\theta_{st}(q)$")  # fmt: skip
    for sigma, marker, color in ((1, "o", OKABE_ITO[1]), (-1, "s", OKABE_ITO[2])):
        num = resistivity.phase_space_broadened(qs, zeta, sigma)
        ax.plot(qs, 4 * np.pi**2 * qs * num, marker, color=color, ms=6, ls="none",
                label=rf"broadened $\delta$'s, $\sigma={sigma:+d}$")  # fmt: skip
    ax.axvspan(2 * zeta, 2.0, color=OKABE_ITO[1], alpha=0.12, lw=0)
    ax.set_xlabel(r"$q/k_F$")
    ax.set_ylabel(r"$4\pi^2 q\,\frac{1}{V}\sum_k\delta\,\delta$  [$m^2/\hbar^4$]")
    ax.set_title(rf"(a) spin flip, eq. (75), $\zeta={zeta:g}$")
    ax.legend(loc="center right", fontsize=11)
    ax = axes[1]
    for sigma, color in ((1, OKABE_ITO[1]), (-1, OKABE_ITO[2])):
        ax.plot(q, 4 * np.pi**2 * q * resistivity.spin_conserving_phase_space(q, zeta, sigma), color=color,
                label=rf"closed form, $\sigma={sigma:+d}$")  # fmt: skip
        num = resistivity.phase_space_broadened(qs, zeta, sigma, intraband=True)
        ax.plot(qs, 4 * np.pi**2 * qs * num, "o", color=color, ms=5, ls="none")
    ax.set_xlabel(r"$q/k_F$")
    ax.set_title(r"(b) spin conserving: $q \leq 2k_{F\sigma}$")
    ax.legend(loc="center right", fontsize=11)
    return fig


def wall_curves(zeta: float, widths):
    closed = np.array([resistivity.tanh_wall_area_resistance(w, zeta) for w in widths])
    mis = np.array([resistivity.tanh_wall_area_resistance(w, zeta, "mistracking") for w in widths])
    ref = np.array([resistivity.tanh_wall_area_resistance(w, zeta, "reflection") for w in widths])
    return closed, mis, ref


def wall_grid_value(zeta: float, width: float, spacing: float = 0.05, length: float = 400.0) -> float:
    """ρ_S L of a tanh wall from :func:`spinlib.resistivity.mori_resistivity` on a periodic 1D grid."""
    npts = int(round(length / spacing))
    x = (np.arange(npts) - npts // 2) * spacing
    return float(resistivity.mori_resistivity(*textures.domain_wall_angles(x, width), spacing, zeta)[0, 0] * length)


@register(
    "mori_wall_resistance",
    notebook=NOTEBOOK,
    description="area resistance of a tanh wall from (74): closed form, grid, golden rule over channels",
)
def mori_wall_resistance(zetas=(0.2, 0.5)):
    fig, axes = plt.subplots(1, 2, figsize=(14, 5))
    widths = np.geomspace(0.1, 12.0, 60)
    marks = np.array([0.2, 0.5, 1.0, 2.0, 4.0])
    ax = axes[0]
    for zeta, color in zip(zetas, (OKABE_ITO[5], OKABE_ITO[6])):
        closed, mis, ref = wall_curves(zeta, widths)
        ax.loglog(widths, closed, color=color, label=rf"(74), $\zeta={zeta:g}$")
        ax.loglog(widths, mis, color=color, ls="--", lw=1.3)
        ax.loglog(widths, ref, color=color, ls=":", lw=1.3)
        ax.loglog(widths, resistivity.tanh_wall_area_resistance_asymptotic(widths, zeta), color="0.5", lw=1,
                  ls="-.")  # fmt: skip
        ax.loglog(marks, [wall_grid_value(zeta, w) for w in marks], "o", color=color, ms=7,
                  label="grid (FFT of the gauge field)")  # fmt: skip
        ax.loglog(marks, [resistivity.tanh_wall_area_resistance_wire_sum(w, zeta) for w in marks], "x",
                  color="k", ms=8, mew=2,
                  label="golden rule over wire modes" if zeta == zetas[0] else None)  # fmt: skip
    ax.set_ylim(1e-30, 10)
    ax.set_xlabel(r"$k_F\lambda$")
    ax.set_ylabel(r"$\rho_S L = R_S A$  [$\hbar/e^2k_F^2$]")
    ax.set_title("(a) tanh wall: total, mistracking (--), reflection (:)")
    ax.legend(fontsize=10, loc="lower left")
    ax = axes[1]
    w2 = np.geomspace(1.0, 12.0, 12)
    for zeta, color in zip(zetas, (OKABE_ITO[5], OKABE_ITO[6])):
        born = np.array([resistivity.tanh_wall_area_resistance_wire_sum(w, zeta, "mistracking") for w in w2])
        exact = np.array([resistivity.tanh_wall_area_resistance_wire_sum(w, zeta, "mistracking", "rosen_zener")
                          for w in w2])
        ax.semilogx(w2, born / exact, "o-", color=color, label=rf"$\zeta={zeta:g}$")
        ax.axhline(np.pi**2 / (4 * (1 - zeta**2)), color=color, ls=":", lw=1.2)
    ax.set_xlabel(r"$k_F\lambda$")
    ax.set_ylabel("Born / exact (Rosen-Zener)")
    ax.set_title(r"(b) mistracking part: (74) is first order in $A$")
    ax.legend()
    return fig


@register(
    "mori_wall_integrand",
    notebook=NOTEBOOK,
    description="integrand of the wall resistance in q with the Stoner window (small multiples)",
)
def mori_wall_integrand(zetas=(0.2, 0.5), kf_widths=(0.5, 2.0, 8.0)):
    fig, axes = plt.subplots(len(zetas), len(kf_widths), figsize=(4.8 * len(kf_widths), 3.7 * len(zetas)))
    for row, zeta in zip(np.atleast_2d(axes), zetas):
        for ax, w in zip(row, kf_widths):
            draw_wall_integrand(ax, zeta, w)
    np.atleast_2d(axes)[0, 0].legend(fontsize=10, loc="lower left")
    return fig


@register(
    "vortex_section8",
    notebook=NOTEBOOK,
    description="section 8: exact gauge field of the vortex ansatz (92), its transform vs (93), ρ_v vs (94)",
)
def vortex_section8(zeta: float = 0.3):
    fig, axes = plt.subplots(2, 2, figsize=(14, 10))
    lam = 1.0
    # (a) radial profiles
    ax = axes[0, 0]
    r = np.linspace(1e-3, 4.0, 800)
    a_perp, a_par, a_z = vortex.gauge_polar(r, lam)
    x = r
    paper = np.abs(vortex.paper_gauge_field_plus(x, 0 * x, lam))
    ax.plot(r, np.hypot(a_perp, a_par), color=OKABE_ITO[5], label=r"exact $|A^\pm|=\frac{1}{2}\sqrt{\theta'^2+\sin^2\theta/r^2}$")
    ax.plot(r, a_z, color=OKABE_ITO[3], label=r"exact $A^z_\varphi = (1-\cos\theta)/2r$")
    ax.plot(r, np.sqrt(np.sum(paper**2, axis=0)), color=OKABE_ITO[6], ls="--", label="printed after (92)")
    ax.plot(r, 1 / (2 * r), color="0.5", ls=":", lw=1.2, label=r"$1/2r$")
    ax.axvline(lam, color="0.6", lw=1)
    ax.set_ylim(0, 1.8)
    ax.set_xlabel(r"$r/\lambda_v$")
    ax.set_ylabel(r"gauge field [$1/\lambda_v$]")
    ax.set_title("(a) gauge field of the ansatz (92)")
    ax.legend(fontsize=10)
    # (b) angle-averaged |Â_x(q)|²
    ax = axes[0, 1]
    q = np.linspace(0.05, 12.0, 600)
    for prof, color, label in (("ansatz", OKABE_ITO[5], "exact ansatz"), ("smooth", OKABE_ITO[3], "smooth vortex"),
                               ("paper_gauge", OKABE_ITO[6], "printed field (cut at $\\lambda_v$)"),
                               ("paper_gauge_untruncated", OKABE_ITO[7], "printed field, uncut")):  # fmt: skip
        F0, F2, _ = vortex.radial_transforms(q, lam, profile=prof)
        ax.semilogy(q, np.pi**2 / 4 * (F0**2 + F2**2), color=color, label=label)
    ax.semilogy(q, np.abs(vortex.eq93_printed(q, lam)) ** 2, color="k", ls="--", label="(93)")
    ax.set_ylim(1e-12, 1e3)
    ax.set_xlabel(r"$q\lambda_v$")
    ax.set_ylabel(r"$\langle|A\,A_x^\pm(q)|^2\rangle_{\varphi_q}$  [$\lambda_v^2$]")
    ax.set_title("(b) Fourier transform, angle averaged")
    ax.legend(fontsize=10)
    # (c) ρ_v A vs k_F λ_v
    ax = axes[1, 0]
    lams = np.geomspace(0.5, 60.0, 20)
    curves = (
        ("ansatz", "paper", "all", OKABE_ITO[5], "-", "ansatz, (74)"),
        ("smooth", "paper", "all", OKABE_ITO[3], "-", "smooth vortex, (74)"),
        ("ansatz", "corrected", "all", OKABE_ITO[5], "--", "ansatz, corrected vertex"),
        ("smooth", "corrected", "spin_conserving", OKABE_ITO[2], "--", "spin-conserving channel"),
        ("eq93", "paper", "all", "k", ":", "(93) in (74)"),
    )
    for prof, vert, ch, color, ls, label in curves:
        vals = np.array([vortex.vortex_resistivity_area(zeta, lv, profile=prof, vertex=vert, channel=ch)
                         for lv in lams])  # fmt: skip
        ax.loglog(lams, np.where(vals > 1e-40, vals, np.nan), color=color, ls=ls, label=label)
    ax.loglog(lams, vortex.eq94_printed(zeta, lams), color=OKABE_ITO[6], lw=3, alpha=0.6, label="(94) printed")
    ax.set_ylim(1e-20, 1e3)
    ax.set_xlabel(r"$k_F\lambda_v$")
    ax.set_ylabel(r"$\rho_v A$  [$\hbar/e^2k_F^3$]")
    ax.set_title(rf"(c) one vortex, $\zeta={zeta:g}$")
    ax.legend(fontsize=9, loc="lower left")
    # (d) dependence on the film radius
    ax = axes[1, 1]
    radii = np.geomspace(1.0, 3000.0, 28)
    for z, color in ((0.05, OKABE_ITO[1]), (0.3, OKABE_ITO[5])):
        vals = [vortex.vortex_resistivity_area(z, 2.0, R) for R in radii]
        ax.semilogx(radii, np.array(vals) / vortex.vortex_resistivity_area(z, 2.0), color=color,
                    label=rf"spin flip, $\zeta={z:g}$")  # fmt: skip
        ax.axvline(1 / (2 * z), color=color, ls=":", lw=1.2)
    vals = [vortex.vortex_resistivity_area(0.3, 2.0, R, vertex="corrected", channel="spin_conserving") for R in radii]
    ax.semilogx(radii, np.array(vals) / vortex.vortex_resistivity_area(0.3, 2.0, vertex="corrected",
                channel="spin_conserving"), color=OKABE_ITO[2], ls="--", label="spin conserving")  # fmt: skip
    ax.set_xlabel(r"film radius $k_F R$")
    ax.set_ylabel(r"$\rho_v A(R)\,/\,\rho_v A(\infty)$")
    ax.set_title(r"(d) ansatz, $k_F\lambda_v = 2$: no divergence with $R$")
    ax.legend(fontsize=10)
    return fig
