"""Figures of notebook 05: forces of the current on domain walls and skyrmions.

Units: ħ = m = k_F = 1 (:mod:`spinlib.forces`).  Forces per unit wall area
(1D) or per unit film thickness (2D), in units of s v k_F² ... stated on each
axis as F/(s v) (F/(s v k_F) for a wall per area), with s = (n₊ - n₋)/2 and
v the electron drift velocity; positions in 1/k_F.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from scipy.integrate import cumulative_trapezoid

from .. import forces as fo
from .. import relaxation, thiele
from .. import torque as tq
from ..electron_gas import spin_density_s
from ..grids import make_grid
from ..plotting import LINE_COLORS, OKABE_ITO, spin_colormap
from ..resistivity import reaction_force, tanh_wall_area_resistance
from ..textures import domain_wall_angles, skyrmion_angles, unit_vectors
from . import register

NOTEBOOK = "05_forces"

#: Parameter set of the to-scale Fig. 5: ζ, skyrmion wall width k_F w (R = 3w),
#: wall width k_F λ, β of eq. (83), electron drift velocity (along x).
FIG5 = {"zeta": 0.5, "skyrmion_width": 1.5, "wall_width": 1.0, "beta": 0.02, "velocity": 1.0}


def wall_force_density(width, zeta, velocity=1.0, h=0.05, half_span=60.0):
    """Force density -(e × ∂_x e)·τ_nl across a Bloch wall and its running integral.

    Returns (x, density, running, total) with the force per unit area in
    units of s v (density in s v k_F).
    """
    (x,) = make_grid(round(2 * half_span / h) + 1, h)
    res = fo.current_induced_force(domain_wall_angles(x, width), h, zeta, velocity=[velocity, 0, 0])
    (density,) = fo.force_density_from_torque(res.torque.texture, res.torque.nonlocal_, None)
    unit = float(spin_density_s(zeta)) * velocity
    running = cumulative_trapezoid(density, x, initial=0.0)
    return x, density / unit, running / unit, res.total[0] / unit


def draw_wall_force(axes, width, zeta, velocity=1.0, window=30.0, legend=True):
    """Force density of τ_nl across a Bloch wall (axes[0]) and its running integral (axes[1]).

    Returns the total force per area in units of s v (from (53)) and the
    golden-rule value (``reflection_force_tanh_wall``), the same units.
    """
    x, density, running, total = wall_force_density(width, zeta, velocity)
    golden = fo.reflection_force_tanh_wall(width, zeta, [velocity, 0, 0])[0] / (
        spin_density_s(zeta) * velocity
    )
    sel = np.abs(x) < window
    axes[0].plot(x[sel], density[sel], color=OKABE_ITO[5])
    axes[0].axhline(0, color="0.6", lw=0.8)
    axes[0].set_ylabel(r"$-(e_s\times\partial_x e_s)\cdot\tau_{\rm nl}\;/\;(s v k_F)$")
    axes[0].set_title(rf"(a) force density, $k_F\lambda={width:g}$, $\zeta={zeta:g}$", fontsize=13)
    axes[1].plot(x[sel], running[sel], color=OKABE_ITO[5], label=r"$\int_{-\infty}^{x}$ force density")
    axes[1].axhline(golden, color=OKABE_ITO[0], ls="--", lw=1.2, label="golden rule, analytic spectrum")
    axes[1].set_ylabel(r"$F/(s v)$ per area")
    axes[1].set_title("(b) running integral", fontsize=13)
    if legend:
        axes[1].legend(fontsize=10, loc="lower right")
    for ax in axes:
        ax.set_xlabel(r"$x k_F$")
    return total, golden


@register(
    "forces_wall_momentum",
    notebook=NOTEBOOK,
    description="the non-local torque of walls integrates to the reflection force (small multiples in k_F λ)",
)
def forces_wall_momentum(widths=(0.5, 1.0, 2.0), zeta=0.5):
    fig, axes = plt.subplots(2, len(widths), figsize=(5.0 * len(widths), 8.0))
    for col, width in enumerate(widths):
        draw_wall_force(axes[:, col], width, zeta, legend=col == 0)
    return fig


@register(
    "forces_reflection_width",
    notebook=NOTEBOOK,
    description="reflection force of a tanh wall vs k_F λ: torque route, golden rule, Mori (58), paper's 1/3",
)
def forces_reflection_width(zetas=(0.3, 0.5, 0.7)):
    widths = np.geomspace(0.3, 8.0, 60)
    grid_widths = (0.5, 1.0, 2.0, 3.0)
    fig, ax = plt.subplots(figsize=(8.5, 5.2))
    for zeta, color in zip(zetas, LINE_COLORS):
        s = spin_density_s(zeta)
        closed = np.array([fo.reflection_force_tanh_wall(w, zeta, [1.0, 0, 0])[0] for w in widths]) / s
        ax.semilogy(widths, closed, color=color, label=rf"$\zeta={zeta:g}$ golden rule")
        ax.semilogy(widths, closed / 3, color=color, ls=":", lw=1.2)
        mori = np.array(
            [reaction_force([[tanh_wall_area_resistance(w, zeta)]], [1.0], zeta, 1.0)[0] for w in grid_widths]
        ) / s
        ax.semilogy(grid_widths, mori, "s", mfc="none", color=color, ms=10)
        grid = []
        for w in grid_widths:
            h = min(0.05, w / 20)
            (x,) = make_grid(round(2 * max(30.0, 20 * w) / h) + 1, h)
            grid.append(fo.current_induced_force(domain_wall_angles(x, w), h, zeta, velocity=[1.0, 0, 0]).total[0])
        ax.semilogy(grid_widths, np.array(grid) / s, "o", color=color)
    ax.plot([], [], "o", color="0.3", label="(53) with the FFT spin density (independent)")
    ax.plot([], [], "s", mfc="none", color="0.3", label=r"(58): $eN_e\rho_S j$, Mori $\rho_S$ (same integral)")
    ax.plot([], [], ":", color="0.3", label="isotropic average (B.3): 1/3")
    ax.set_xlabel(r"$k_F\lambda$")
    ax.set_ylabel(r"$F^{\rm na}/(s v)$ per area")
    ax.set_ylim(1e-12, 10)
    ax.set_title("reflection force on a tanh wall")
    ax.legend(fontsize=10, loc="lower left")
    return fig


def fig5_forces(params=FIG5):
    """The three forces of Fig. 5 on a skyrmion and on a wall, for one parameter set.

    Returns a dict with, per texture ("skyrmion", "wall"), the reflection
    force (χ2 part of (53)), the topological force (62) corrected and the β
    force (86) corrected, each a 3-vector per unit thickness (area), in units
    of s v k_F (the skyrmion) and s v (the wall); plus the skyrmion grid.
    """
    zeta, beta, v = params["zeta"], params["beta"], params["velocity"]
    s = float(spin_density_s(zeta))
    n_spin = 1.0  # F^β = β n_S D u = β s D v does not depend on n_S
    u = tq.spin_transfer_velocity([v, 0, 0], zeta, n_spin)
    out = {}
    w = params["skyrmion_width"]
    h = 0.15
    radius = 3 * w
    n = round(2 * (radius + 6 * w) / h) + 1
    X, Y = make_grid((n, n), h)
    angles = skyrmion_angles(X, Y, radius=radius, wall_width=w, polarity=1)
    res = fo.current_induced_force(angles, h, zeta, velocity=[v, 0, 0])
    stiffness = thiele.dissipation_tensor(unit_vectors(*angles), h)[0, 0]
    out["skyrmion"] = {
        "reflection": res.reflection / s,
        "topological": fo.topological_force(angles, h, zeta, [v, 0, 0]) / s,
        "beta": relaxation.beta_force(beta, u, n_spin, stiffness) / s,
        "X": X,
        "Y": Y,
        "e": unit_vectors(*angles),
    }
    lam = params["wall_width"]
    out["wall"] = {
        "reflection": fo.reflection_force_tanh_wall(lam, zeta, [v, 0, 0]) / s,
        "topological": np.zeros(3),
        "beta": relaxation.beta_force(beta, u, n_spin, relaxation.tanh_wall_stiffness(lam)) / s,
    }
    return out


@register(
    "forces_fig5",
    notebook=NOTEBOOK,
    description="Fig. 5 redrawn to scale: reflection, topological and β forces on a skyrmion and a wall",
)
def forces_fig5(params=FIG5):
    data = fig5_forces(params)
    sk = data["skyrmion"]
    fig, axes = plt.subplots(1, 2, figsize=(14, 6.2), gridspec_kw={"width_ratios": [1.15, 1]})
    ax = axes[0]
    X, Y, e = sk["X"], sk["Y"], sk["e"]
    ax.pcolormesh(X, Y, e[..., 2], cmap=spin_colormap(), vmin=-1, vmax=1, shading="auto")
    step = max(1, X.shape[0] // 14)
    sl = (slice(step // 2, None, step), slice(step // 2, None, step))
    ax.quiver(X[sl], Y[sl], e[..., 0][sl], e[..., 1][sl], color="0.3", pivot="mid", scale=25)
    forces = [
        ("topological", r"$F^{\rm ad}$ (topological)", OKABE_ITO[5]),
        ("reflection", r"$F^{\rm na}$ (reflection)", OKABE_ITO[6]),
        ("beta", r"$F^{\beta}$ (spin relaxation)", OKABE_ITO[3]),
    ]
    scale = 8.0 / max(np.linalg.norm(sk[key]) for key, _, _ in forces)
    magnify = 20.0
    for key, label, color in forces:
        f = np.round(sk[key], 3) + 0.0  # no negative zeros in the labels
        ax.arrow(0, 0, scale * f[0], scale * f[1], width=0.25, color=color, length_includes_head=True,
                 label=f"{label}: ({f[0]:+.3f}, {f[1]:+.3f})")  # fmt: skip
        if np.linalg.norm(f) * scale < 1.0:  # too short to see: a magnified copy, dashed
            ax.annotate("", xy=(magnify * scale * f[0], magnify * scale * f[1] + (0.8 if key == "beta" else -0.8)),
                        xytext=(0, 0.8 if key == "beta" else -0.8),
                        arrowprops={"arrowstyle": "->", "color": color, "lw": 2.5, "ls": "--"})  # fmt: skip
    ax.text(4.2, 1.6, rf"dashed: $\times{magnify:g}$", fontsize=11, color="w")
    ax.annotate("", xy=(-9, -10.5), xytext=(-13, -10.5), arrowprops={"arrowstyle": "->", "lw": 2})
    ax.text(-13, -9.6, "electron flow $v$", fontsize=11)
    ax.set_aspect("equal")
    ax.set_xlabel(r"$x k_F$")
    ax.set_ylabel(r"$y k_F$")
    ax.legend(fontsize=10, loc="upper left", title=r"$F/(s v)$ per thickness", title_fontsize=10)
    ax.set_title(
        rf"(a) skyrmion $Q=+1$, $k_F w={params['skyrmion_width']:g}$, $\zeta={params['zeta']:g}$, "
        rf"$\beta={params['beta']:g}$",
        fontsize=12,
    )
    ax = axes[1]
    labels, values, colors = [], [], []
    for texture, name in (("skyrmion", "skyrmion"), ("wall", rf"wall $k_F\lambda={params['wall_width']:g}$")):
        for key, label, color in forces:
            vec = data[texture][key]
            labels.append(f"{name}\n{label}")
            values.append(np.linalg.norm(vec))
            colors.append(color)
    ypos = np.arange(len(values))[::-1]
    ax.barh(ypos, [max(val, 1e-30) for val in values], color=colors)
    ax.set_xscale("log")
    ax.set_xlim(1e-4, 50)
    ax.set_yticks(ypos, labels, fontsize=10)
    for y, val in zip(ypos, values):
        ax.text(1.3e-4, y, f"{val:.3g}" if val > 0 else "0 (no winding)", va="center", fontsize=10,
                color="w" if val > 3e-4 else "k")  # fmt: skip
    ax.set_xlabel(r"$|F|/(s v)$  (per thickness; per area for the wall)")
    ax.set_title("(b) magnitudes, to scale (log)", fontsize=12)
    return fig
