"""Figures of notebook 07: spin relaxation, α_sf and β_sf (eqs. 79-87).

Units: ħ = m = k_F = 1 as in :mod:`spinlib.electron_gas` and
:mod:`spinlib.relaxation` (rates in ħk_F²/m, densities in k_F³).  The
impurity model of the figures is a fixed demonstration set
(:data:`DEMO_DENSITY`, :data:`DEMO_COUPLING`, :data:`DEMO_SPIN_DENSITY`);
α_sf and β_sf are both ∝ n_s u_s², so β/α does not depend on it.
Lengths of the wall figure are in units of the wall width λ.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from .. import relaxation as rl
from ..electron_gas import exchange_splitting
from ..grids import field_gradient, make_grid
from ..plotting import LINE_COLORS, OKABE_ITO
from ..textures import domain_wall_field
from . import register

NOTEBOOK = "07_spin_relaxation"

#: Impurity density n_s (units of k_F³) of the demonstration impurities.
DEMO_DENSITY = 0.05
#: Coupling u_s of eq. (79) (units of ħ²/(m k_F)) of the demonstration impurities.
DEMO_COUPLING = 1.0
#: Local-spin density n_S = S/a³ (units of k_F³) used for α_sf.
DEMO_SPIN_DENSITY = 0.02
#: ⟨S_i²⟩ = 2 S_⊥² + S_z² of the demonstration impurity spins.
DEMO_SPIN_SQUARED = 1.0

#: Three impurity kinds: (label, S_z², S_⊥²) with 2 S_⊥² + S_z² = 1.
IMPURITY_KINDS = (
    ("isotropic", 1 / 3, 1 / 3),
    (r"Ising ($S_\perp=0$)", 1.0, 0.0),
    (r"XY ($S_z=0$)", 0.0, 0.5),
)


def anisotropic_impurities(ratio, spin_squared: float = DEMO_SPIN_SQUARED,
                           density: float = DEMO_DENSITY,
                           coupling: float = DEMO_COUPLING) -> rl.MagneticImpurities:
    """Impurities with S_⊥²/S_z² = ``ratio`` at fixed ⟨S_i²⟩ = 2S_⊥² + S_z².

    ``ratio`` = 0 is Ising-like, 1 isotropic (S_⊥² = S_z² = ⟨S_i²⟩/3),
    ``numpy.inf`` XY-like.
    """
    ratio = float(ratio)
    if not ratio >= 0:
        raise ValueError(f"ratio must lie in [0, inf]; got {ratio}")
    if np.isinf(ratio):
        sz2, sp2 = 0.0, spin_squared / 2
    else:
        sz2 = spin_squared / (2 * ratio + 1)
        sp2 = ratio * sz2
    return rl.MagneticImpurities(density, coupling, sz2, sp2)


def relaxation_coefficients(zeta, ratio, spin_density: float = DEMO_SPIN_DENSITY) -> dict:
    """α_sf, β_sf (Drude P_j), β/α and the printed band reading for one impurity anisotropy."""
    imp = anisotropic_impurities(ratio)
    alpha = float(rl.alpha_sf(zeta, imp, spin_density))
    beta = float(rl.beta_sf(zeta, imp))
    beta_s, beta_c = (float(b) for b in rl.beta_sf_components(zeta, imp))
    return {
        "alpha": alpha,
        "beta": beta,
        "beta_over_alpha": beta / alpha,
        "beta_s": beta_s,
        "beta_c": beta_c,
        "beta_printed": float(rl.beta_sf_printed_band_reading(zeta, imp)),
        "current_polarization": float(rl.current_polarization_drude(zeta)),
    }


@register(
    "relaxation_alpha_beta",
    notebook=NOTEBOOK,
    description="α_sf (82) and β_sf (83) vs ζ for three impurity kinds, against the printed band reading of (83)",
)
def relaxation_alpha_beta():
    zeta = np.linspace(0.02, 0.95, 187)
    fig, axes = plt.subplots(2, 2, figsize=(14, 9.6))
    (ax_a, ax_b), (ax_c, ax_d) = axes
    for (label, sz2, sp2), color in zip(IMPURITY_KINDS, OKABE_ITO[5:8]):
        imp = rl.MagneticImpurities(DEMO_DENSITY, DEMO_COUPLING, sz2, sp2)
        alpha = rl.alpha_sf(zeta, imp, DEMO_SPIN_DENSITY)
        beta = rl.beta_sf(zeta, imp)
        printed = rl.beta_sf_printed_band_reading(zeta, imp)
        delta = exchange_splitting(zeta)
        ax_a.plot(zeta, alpha, color=color, label=label)
        ax_b.plot(zeta, delta * beta, color=color, label=label)
        ax_b.plot(zeta, delta * printed, color=color, ls="--", lw=1.6)
        ax_c.plot(zeta, printed / beta, color=color, label=label)
        ax_d.plot(zeta, beta / alpha, color=color, label=label)
    # Zhang-Li for isotropic impurities, from the independent Born spin-flip rates
    iso = rl.MagneticImpurities(DEMO_DENSITY, DEMO_COUPLING, 1 / 3, 1 / 3)
    zs = zeta[::17]
    half_rate = sum(rl.spin_flip_rates(zs, iso)) / 2
    ax_b.plot(zs, half_rate, "o", color=OKABE_ITO[5], mfc="none", mew=2, ms=9,
              label=r"$\hbar/2\tau_{\rm sf}$ from Born rates")
    ax_b.plot([], [], color="0.4", ls="--", lw=1.6, label=r"printed (83), $\nu_\pm$ = band DOS")
    ax_a.set_ylabel(r"$\alpha_{\rm sf}$")
    ax_a.set_title(r"(a) Gilbert damping: (82) $\times\,a^3/S$")
    ax_b.set_ylabel(r"$\Delta\,\beta_{\rm sf}$  [$\hbar^2k_F^2/m$]")
    ax_b.set_title(r"(b) $\Delta\beta_{\rm sf}$: (83) with $\nu_\pm \to \nu_+\pm\nu_-$ (solid)")
    ax_b.axhline(0, color="0.5", lw=1)
    ax_b.set_ylim(-0.02, 0.03)
    ax_c.set_ylabel(r"$\beta^{\rm printed}/\beta_{\rm sf}$")
    ax_c.set_title("(c) the printed band reading is wrong")
    ax_c.axhline(1, color="0.3", lw=1)
    ax_c.axhline(0.5, color="0.5", lw=1, ls=":")
    ax_c.set_ylim(-2.0, 1.6)
    ax_d.set_ylabel(r"$\beta_{\rm sf}/\alpha_{\rm sf}$")
    ax_d.set_yscale("log")
    ax_d.set_title(r"(d) $\beta/\alpha$ is no material constant")
    for ax in axes.flat:
        ax.set_xlabel(r"polarisation $\zeta = (k_{F+}-k_{F-})/2k_F$")
        ax.set_xlim(0, 1)
    ax_a.legend(loc="lower left")
    ax_b.legend(loc="lower right", fontsize=11, ncol=2)
    ax_c.legend(loc="lower right")
    fig.suptitle(
        rf"$n_s={DEMO_DENSITY:g}\,k_F^3$, $u_s={DEMO_COUPLING:g}\,\hbar^2/mk_F$, "
        rf"$\langle S_i^2\rangle = 1$, $n_S = S/a^3 = {DEMO_SPIN_DENSITY:g}\,k_F^3$, Drude $P_j$",
        fontsize=14,
    )
    return fig


def draw_anisotropy_panel(axes, zeta_values, ratios=None):
    """Draw α_sf, β_sf and β/α against S_⊥²/S_z² on three axes, one line per ζ."""
    ratios = np.logspace(-2, 2, 81) if ratios is None else ratios
    colors = LINE_COLORS
    for zeta, color in zip(zeta_values, colors):
        rows = [relaxation_coefficients(zeta, r) for r in ratios]
        for ax, key in zip(axes, ("alpha", "beta", "beta_over_alpha")):
            ax.plot(ratios, [row[key] for row in rows], color=color, label=rf"$\zeta={zeta:g}$")
    for ax, label in zip(axes, (r"$\alpha_{\rm sf}$", r"$\beta_{\rm sf}$", r"$\beta_{\rm sf}/\alpha_{\rm sf}$")):
        ax.set_xscale("log")
        ax.axvline(1.0, color="0.5", lw=1, ls=":")
        ax.set_xlabel(r"impurity anisotropy $\overline{S_\perp^2}/\overline{S_z^2}$")
        ax.set_ylabel(label)
    axes[0].legend(loc="upper left")


@register(
    "relaxation_anisotropy",
    notebook=NOTEBOOK,
    description="static twin of the anisotropy widget: α_sf, β_sf, β/α vs S_⊥²/S_z² for three ζ",
)
def relaxation_anisotropy(zeta_values=(0.2, 0.5, 0.8)):
    fig, axes = plt.subplots(1, 3, figsize=(16, 4.8))
    draw_anisotropy_panel(axes, zeta_values)
    axes[0].set_title("(a) damping")
    axes[1].set_title("(b) non-adiabaticity")
    axes[2].set_title(r"(c) $\beta/\alpha$ ($=1$: Galilean)")
    axes[2].axhline(1.0, color="0.3", lw=1)
    return fig


# --------------------------------------------------------------------------
# the β force on a tanh wall, eqs. (85)-(86)
# --------------------------------------------------------------------------
#: β, u and n_S of the wall example (units: λ = 1, any time unit, n_S per area × length).
WALL_EXAMPLE = {"beta": 0.02, "alpha": 0.01, "u": 1.0, "n_spin": 1.0, "half_length": 12.0}


def wall_beta_force_on_grid(spacing: float, width: float = 1.0) -> tuple[float, float]:
    """(grid force (85), closed form (86)) for a static tanh wall, per unit area."""
    p = WALL_EXAMPLE
    n = round(2 * p["half_length"] * width / spacing) + 1
    (x,) = make_grid(n, spacing)
    e = domain_wall_field((x,), width)
    grid = rl.force_sf(e, spacing, alpha=p["alpha"], beta=p["beta"],
                       drift_velocity=[p["u"], 0, 0], local_spin_density=p["n_spin"])[0]
    closed = rl.beta_force(p["beta"], [p["u"], 0, 0], p["n_spin"], rl.tanh_wall_stiffness(width))[0]
    return float(grid), float(closed)


def moving_wall_force(velocity, spacing: float = 0.05, width: float = 1.0) -> np.ndarray:
    """Force (85) on a rigid tanh wall moving at ``velocity`` (α and β terms), per unit area."""
    p = WALL_EXAMPLE
    n = round(2 * p["half_length"] * width / spacing) + 1
    (x,) = make_grid(n, spacing)
    e = domain_wall_field((x,), width)
    de_dx = field_gradient(e, spacing)[0]
    out = []
    for v in np.atleast_1d(velocity):
        f = rl.force_sf(e, spacing, alpha=p["alpha"], beta=p["beta"], drift_velocity=[p["u"], 0, 0],
                        local_spin_density=p["n_spin"], de_dt=-v * de_dx)[0]
        out.append(f)
    return np.array(out)


@register(
    "relaxation_wall_force",
    notebook=NOTEBOOK,
    description="β force (85)-(86) on a tanh wall: force density, grid convergence, zero at v = βu/α",
)
def relaxation_wall_force():
    p = WALL_EXAMPLE
    fig, axes = plt.subplots(1, 3, figsize=(16, 4.8))
    ax = axes[0]
    (x,) = make_grid(481, 0.05)
    e = domain_wall_field((x,), 1.0)
    for comp, name, color in zip(range(3), "xyz", OKABE_ITO[1:4]):
        ax.plot(x, e[:, comp], color=color, label=rf"$e_{name}$")
    de = field_gradient(e, 0.05)[0]
    density = p["beta"] * p["n_spin"] * p["u"] * np.sum(de * de, axis=-1)
    ax.fill_between(x, 0, density / density.max(), color=OKABE_ITO[5], alpha=0.3,
                    label=r"$\beta n_S u\,(\partial_x\mathbf{e})^2$ (scaled)")
    ax.set_xlabel(r"$x/\lambda$")
    ax.set_ylabel("spin direction, force density")
    ax.set_title(r"(a) tanh wall, $\theta = 2\arctan e^{x/\lambda}$")
    ax.legend(loc="center left", fontsize=11)

    ax = axes[1]
    spacings = np.array([0.4, 0.2, 0.1, 0.05, 0.025])
    rel = np.array([(g - c) / c for g, c in (wall_beta_force_on_grid(h) for h in spacings)])
    ax.loglog(spacings, np.abs(rel), "o-", color=OKABE_ITO[5], label="grid (85) vs closed form (86)")
    ax.loglog(spacings, spacings**2 / 3, color="0.3", ls="--", label=r"$h^2/3\lambda^2$")
    ax.set_xticks(spacings, [f"{h:g}" for h in spacings], minor=False)
    ax.set_xticks([], minor=True)
    ax.set_xlabel(r"grid spacing $h/\lambda$")
    ax.set_ylabel(r"$|F_{\rm grid}/F^\beta - 1|$")
    ax.set_title("(b) second-order convergence")
    ax.legend(loc="upper left")

    ax = axes[2]
    v = np.linspace(0, 3.0, 13) * p["u"]
    f = moving_wall_force(v)
    f0 = rl.beta_force(p["beta"], [p["u"], 0, 0], p["n_spin"], rl.tanh_wall_stiffness(1.0))[0]
    ax.plot(v / p["u"], f / f0, "o-", color=OKABE_ITO[6])
    ax.axhline(0, color="0.5", lw=1)
    ax.axvline(p["beta"] / p["alpha"], color="0.3", ls=":", label=rf"$v=\beta u/\alpha={p['beta'] / p['alpha']:g}\,u$")
    ax.set_xlabel(r"wall velocity $v/u$")
    ax.set_ylabel(r"$F^{\rm sf}_x / F^\beta$")
    ax.set_title(rf"(c) moving wall, $\alpha={p['alpha']:g}$, $\beta={p['beta']:g}$")
    ax.legend(loc="upper right")
    return fig
