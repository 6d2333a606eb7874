"""Figures of notebook 08: a vortex driven by a current, section 8 (eqs. 88-98).

Conventions: the Thiele equation of :mod:`spinlib.thiele` for the
*magnetisation* direction m (= -e_s), in velocity units,

    -κ X + G e_z × (u - Ẋ) + D (β u - α Ẋ) = 0,

with the drift u of :mod:`spinlib.units` (along the electron flow for P > 0).
Texture integrals (G, D) are computed on grids in units of the core radius λ
(figures 1-2) or in nm (standard problem 5); trajectories in nm and ns.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from .. import thiele, units, vortex
from ..plotting import OKABE_ITO
from ..sp5 import (
    SP5,
    SP5_SOURCE,
    fit_sp5,
    gyro_and_dissipation,
    sp5_reference,
    sp5_texture_integrals,
    trap_trajectory,
)
from ..textures import (
    smooth_vortex_profile,
    vortex_ansatz_profile,
)
from . import register

NOTEBOOK = "08_vortex_motion"

# --------------------------------------------------------------------------
# figures
# --------------------------------------------------------------------------
@register(
    "vortex_gyro_dissipation",
    notebook=NOTEBOOK,
    description="vortex profiles (eq. 92 and smooth), gyrovector G = 4πQ and dissipation D_xx vs domain size",
)
def vortex_gyro_dissipation(spacing: float = 0.1, half_sizes=(1.5, 2, 3, 4, 6, 8, 12, 16)):
    fig, axes = plt.subplots(1, 3, figsize=(16, 4.9))
    ax = axes[0]
    r = np.linspace(0, 3, 301)
    for (profile, label), color in zip(
        ((vortex_ansatz_profile, "ansatz (92)"), (smooth_vortex_profile, r"smooth, $\cos\theta=e^{-r^2/\lambda^2}$")),
        OKABE_ITO[5:7],
    ):
        theta, _ = profile(r, 1.0)
        ax.plot(r, np.cos(theta), color=color, label=rf"$m_z$, {label}")
        ax.plot(r, np.sin(theta), color=color, ls="--", lw=1.6)
    ax.plot([], [], color="0.4", ls="--", lw=1.6, label=r"in-plane $|m_{xy}|$")
    ax.set_xlabel(r"$r/\lambda$")
    ax.set_ylabel("magnetisation")
    ax.set_title("(a) vortex profiles, polarity $p=+1$")
    ax.legend(loc="center right", fontsize=11)

    sizes = np.asarray(half_sizes, float)
    results = {kind: np.array([gyro_and_dissipation(kind, R, spacing) for R in sizes])
               for kind in ("ansatz", "smooth")}
    for (kind, label), color in zip((("ansatz", "ansatz (92)"), ("smooth", "smooth")), OKABE_ITO[5:7]):
        G, D = results[kind].T
        axes[1].plot(sizes, G / (2 * np.pi), "o-", color=color, label=label)
        axes[2].semilogx(sizes, D, "o-", color=color, label=label)
    R_ref = sizes[-4:]
    D_s = results["smooth"][-4:, 1]
    axes[2].semilogx(R_ref, D_s[0] + np.pi * np.log(R_ref / R_ref[0]), color="0.3", ls=":",
                     label=r"slope $\pi$: $\pi\ln R$ + const")
    axes[1].axhline(1.0, color="0.3", lw=1)
    axes[1].set_ylim(0.6, 1.1)
    axes[1].set_xlabel(r"half side $R/\lambda$ of the square")
    axes[1].set_ylabel(r"$G/2\pi = 2Q$")
    axes[1].set_title(r"(b) gyrovector $\to 2\pi p$ ($Q = p/2$)")
    axes[1].legend(loc="lower right")
    axes[2].set_xticks([2, 4, 8, 16], ["2", "4", "8", "16"])
    axes[2].set_xticks([], minor=True)
    axes[2].set_xlabel(r"half side $R/\lambda$ of the square")
    axes[2].set_ylabel(r"$D_{xx} = \int\partial_x\mathbf{m}\cdot\partial_x\mathbf{m}\,d^2x$")
    axes[2].set_title(r"(c) dissipation grows as $\pi\ln R$")
    axes[2].legend(loc="upper left")
    return fig


#: Representative η = D/G: the SP5 vortex, a Belavin-Polyakov skyrmion, a wall.
def _eta_cases():
    G, D = sp5_texture_integrals()
    return (
        (rf"SP5 vortex, $\eta={D / G:.2f}$", D / G),
        (r"BP skyrmion, $\eta=-1$", -1.0),
        (r"domain wall, $\eta=\infty$", np.inf),
    )


@register(
    "vortex_free_velocity",
    notebook=NOTEBOOK,
    description="free Thiele velocity v_∥, v_⊥ and skew (Hall) angle vs β/α for a vortex, a skyrmion, a wall",
)
def vortex_free_velocity(alpha: float = 0.1):
    ratio = np.linspace(0.0, 3.0, 121)
    fig, axes = plt.subplots(1, 3, figsize=(16, 4.8))
    for (label, eta), color in zip(_eta_cases(), OKABE_ITO[5:8]):
        v_par, v_perp = thiele.free_velocity(1.0, alpha, ratio * alpha, eta)
        axes[0].plot(ratio, v_par, color=color, label=label)
        axes[1].plot(ratio, v_perp, color=color, label=label)
        axes[2].plot(ratio, np.degrees(thiele.hall_angle(alpha, ratio * alpha, eta)), color=color, label=label)
    for ax, ylabel, title in zip(
        axes,
        (r"$v_\parallel/u$", r"$v_\perp/u$", r"skew angle $\theta_H$ [deg]"),
        ("(a) along the drift", r"(b) across the drift ($\hat{\mathbf{z}}\times\hat{\mathbf{u}}$)", "(c) Hall angle"),
    ):
        ax.axvline(1.0, color="0.5", lw=1, ls=":")
        ax.axhline(0.0, color="0.5", lw=1)
        ax.set_xlabel(r"$\beta/\alpha$")
        ax.set_ylabel(ylabel)
        ax.set_title(f"{title}, $\\alpha={alpha:g}$")
    axes[0].legend(loc="upper left")
    return fig


def draw_trap_trajectory(ax, alpha: float, beta: float, polarization: float,
                         current_density: float, limit: float = 25.0):
    """Draw the trap trajectory of :func:`trap_trajectory` with its fixed point and u."""
    t, X, Xs = trap_trajectory(alpha, beta, polarization, current_density)
    points = ax.scatter(X[::8, 0], X[::8, 1], c=t[::8], cmap="viridis", s=10, zorder=3)
    ax.plot(X[:, 0], X[:, 1], color="0.6", lw=1)
    ax.plot(*Xs, marker="*", ms=16, color=OKABE_ITO[6], zorder=4, ls="none")
    u = units.spin_drift_velocity(current_density, polarization, SP5["saturation_magnetization"])
    if float(u) != 0.0:
        ax.annotate("", xy=(-limit * 0.55 + 8 * np.sign(u), -limit * 0.8), xytext=(-limit * 0.55, -limit * 0.8),
                    arrowprops={"arrowstyle": "->", "lw": 2.5, "color": OKABE_ITO[0]})
        ax.text(-limit * 0.55, -limit * 0.72, r"$\mathbf{u}$", fontsize=14, ha="center")
    ax.set_xlim(-limit, limit)
    ax.set_ylim(-limit, limit)
    ax.set_aspect("equal")
    ax.set_xlabel(r"core $X$ [nm]")
    ax.set_ylabel(r"core $Y$ [nm]")
    return points


@register(
    "vortex_trap_trajectories",
    notebook=NOTEBOOK,
    description="static twin of the trap widget: SP5 vortex trajectories for β/α = 0, 1/2, 2 and both current signs",
)
def vortex_trap_trajectories(alpha: float = 0.1, ratios=(0.0, 0.5, 2.0), j_abs: float = 1e12):
    fig, axes = plt.subplots(2, len(ratios), figsize=(5.0 * len(ratios), 9.6))
    for row, j in zip(axes, (-j_abs, j_abs)):
        for ax, ratio in zip(row, ratios):
            points = draw_trap_trajectory(ax, alpha, ratio * alpha, 1.0, j)
            flow = "+x" if j < 0 else "-x"
            ax.set_title(rf"$\beta/\alpha={ratio:g}$, electrons $\to {flow}$", fontsize=13)
    fig.colorbar(points, ax=axes, shrink=0.6, label="time [ns]")
    fig.suptitle(rf"SP5 vortex ($p=+1$) in its trap, $\alpha={alpha:g}$, $|j|={j_abs / 1e12:g}\times10^{{12}}$ A/m$^2$, $P=1$; "
                 r"$\star$ = fixed point $X^*$", fontsize=14)
    return fig


@register(
    "vortex_sp5_comparison",
    notebook=NOTEBOOK,
    description="μMAG SP5: fidimag <m_x>, <m_y> against the Thiele harmonic-trap model (κ and scale fitted)",
)
def vortex_sp5_comparison():
    data = sp5_reference()
    fit = fit_sp5()
    t = np.linspace(0.0, 8.0, 801)
    model = fit.average_m(t)
    rigid = fit.average_m(t, scale=fit.rigid_scale)
    fig, axes = plt.subplots(1, 2, figsize=(15, 5.6), gridspec_kw={"width_ratios": [1.5, 1]})
    ax = axes[0]
    for comp, name, color in ((0, "x", OKABE_ITO[5]), (1, "y", OKABE_ITO[6])):
        ax.plot(data["t_ns"], data[f"m{name}"], "o", color=color, ms=7, label=rf"$\langle m_{name}\rangle$ fidimag")
        ax.plot(t, model[:, comp], color=color, label=rf"$\langle m_{name}\rangle$ Thiele")
    ax.axhline(0, color="0.5", lw=1)
    ax.set_xlabel("time $t$ [ns]")
    ax.set_ylabel(r"average magnetisation")
    ax.set_title("(a) standard problem 5: time traces")
    ax.legend(loc="lower right", ncol=2, fontsize=11)

    ax = axes[1]
    ax.plot(data["mx"], data["my"], "o", color=OKABE_ITO[0], ms=6, label="fidimag")
    ax.plot(model[:, 0], model[:, 1], color=OKABE_ITO[5], label=rf"Thiele, fitted scale {fit.scale:.4f}/nm")
    ax.plot(rigid[:, 0], rigid[:, 1], color=OKABE_ITO[2], ls="--", lw=1.6,
            label=rf"Thiele, rigid scale {fit.rigid_scale:.4f}/nm")
    m_star = fit.scale * fit.rotation @ fit.equilibrium_nm
    ax.plot(*m_star, marker="*", ms=18, color=OKABE_ITO[6], ls="none", label="model fixed point")
    ax.annotate("", xy=(-0.36, -0.1), xytext=(-0.43, -0.1),
                arrowprops={"arrowstyle": "->", "lw": 2.5, "color": OKABE_ITO[0]})
    ax.text(-0.395, -0.085, r"$\mathbf{u}$", ha="center", fontsize=14)
    ax.set_ylim(-0.13, 0.32)
    ax.set_aspect("equal")
    ax.set_xlabel(r"$\langle m_x\rangle$")
    ax.set_ylabel(r"$\langle m_y\rangle$")
    ax.set_title("(b) the same in the plane")
    ax.legend(loc="upper left", fontsize=10)
    _gamma, omega = fit.rates
    fig.suptitle(
        rf"$u={fit.u[0]:.2f}$ m/s, $\alpha={fit.alpha:g}$, $\beta={fit.beta:g}$, $G=2\pi$, $D={fit.D:.2f}$ "
        rf"($\lambda={SP5['core_radius_nm']:g}$ nm); fitted $\kappa$: period {2 * np.pi / omega:.2f} ns"
        f"\n{SP5_SOURCE}",
        fontsize=13,
    )
    return fig


# --------------------------------------------------------------------------
# the core resistivity, eqs. (93)-(94), from spinlib.vortex
# --------------------------------------------------------------------------
#: Profiles compared in :func:`vortex_core_resistivity` (label, profile of :mod:`spinlib.vortex`).
FOURIER_CASES = (
    ("exact, ansatz (92)", "ansatz"),
    (r"exact, smooth $\cos\theta=e^{-r^2/\lambda^2}$", "smooth"),
    ("approximate field printed after (92)", "paper_gauge"),
)


def core_resistivity_curves(zeta: float = 0.3, kf_lambdas=None) -> dict[str, np.ndarray]:
    """ρ_v A (units ħ/(e²k_F³)) of one vortex vs k_F λ_v: printed (94) and the routes of :mod:`spinlib.vortex`."""
    kl = np.geomspace(0.5, 20.0, 27) if kf_lambdas is None else np.asarray(kf_lambdas, float)
    curves = {
        "printed (94)": np.array([float(vortex.eq94_printed(zeta, k)) for k in kl]),
        "(74) with the printed (93)": np.array(
            [vortex.vortex_resistivity_area(zeta, k, profile="eq93") for k in kl]),
        "(74), exact ansatz, paper vertex": np.array(
            [vortex.vortex_resistivity_area(zeta, k) for k in kl]),
        "exact ansatz, corrected vertex": np.array(
            [vortex.vortex_resistivity_area(zeta, k, vertex="corrected") for k in kl]),
        "smooth vortex, corrected vertex": np.array(
            [vortex.vortex_resistivity_area(zeta, k, profile="smooth", vertex="corrected") for k in kl]),
    }
    return {"kf_lambda": kl, **curves}


@register(
    "vortex_core_resistivity",
    notebook=NOTEBOOK,
    description="eqs. (93)-(94): exact Fourier transform of the vortex gauge field and the core resistivity vs the print",
)
def vortex_core_resistivity(zeta: float = 0.3):
    fig, axes = plt.subplots(1, 2, figsize=(15, 5.4))
    ax = axes[0]
    q = np.geomspace(1e-2, 8.0, 300)  # q λ_v with λ_v = 1
    for (label, profile), color in zip(FOURIER_CASES, OKABE_ITO[5:8]):
        A = vortex.gauge_fourier(q, np.zeros_like(q), 1.0, profile=profile)["plus"][0]
        ax.loglog(q, np.abs(A), color=color, label=label)
    ax.loglog(q, np.abs(vortex.eq93_printed(q, 1.0)), color=OKABE_ITO[0], ls="--", label=r"printed (93) $\times A$")
    ax.set_ylim(1e-4, 1e3)
    ax.set_xlabel(r"$q\lambda_v$ ($\mathbf{q}\parallel\hat{\mathbf{x}}$)")
    ax.set_ylabel(r"$|\hat A^+_x(\mathbf{q})|/\lambda_v$")
    ax.set_title("(a) Fourier transform of the gauge field")
    ax.legend(loc="lower left", fontsize=11)

    ax = axes[1]
    curves = core_resistivity_curves(zeta)
    kl = curves.pop("kf_lambda")
    styles = (("--", OKABE_ITO[0]), (":", OKABE_ITO[0]), ("-", OKABE_ITO[5]), ("-.", OKABE_ITO[5]), ("-", OKABE_ITO[6]))
    for (label, values), (ls, color) in zip(curves.items(), styles):
        ax.loglog(kl, values, ls=ls, color=color, label=label)
    ax.set_ylim(1e-3, 1e4)
    ax.set_xlabel(r"core size $k_F\lambda_v$")
    ax.set_ylabel(r"$\rho_v A$  [$\hbar/e^2k_F^3$]")
    ax.set_title(rf"(b) resistivity of one vortex core, $\zeta={zeta:g}$")
    ax.legend(loc="lower left", fontsize=11)
    return fig
