"""Figures of notebook 09: exact 1D scattering through a wall against the paper's theory.

Units: ħ = m = k_F = |e| = 1 (:mod:`spinlib.scattering`, :mod:`spinlib.wall_comparison`);
k_Fλ is the wall width, probabilities are per incident electron, resistances
in units of ħ/e², forces per unit bias δμ (or per unit drift velocity v) in
units of ħk_F/2π, torques per unit length normalised by the spin flux
J₀/λ stated on each axis.  Torques have the physical sign τ = Δ n × s.

The heavy data are cached per argument tuple (``functools.lru_cache``), so a
widget and its static twin share them.
"""

from __future__ import annotations

from functools import lru_cache

import matplotlib.pyplot as plt
import numpy as np

from .. import wall_comparison as wc
from ..electron_gas import fermi_wavevectors
from ..gauge import spin_frame
from ..plotting import LINE_COLORS, OKABE_ITO
from ..response import asymptotic_form, chi1_longitudinal_tilde, small_q_coefficient
from ..scattering import (
    born_tanh_wall,
    rosen_zener_born_ratio,
    rosen_zener_mistracking,
    scattering_matrix,
    tanh_profile,
    tanh_wall,
)
from ..torque import wall_stoner_torque_asymptote
from . import register

NOTEBOOK = "09_exact_scattering"
#: Widths k_Fλ of the probability figures (log scale).
WIDTHS = tuple(np.geomspace(0.05, 8.0, 90))
#: Probabilities below this are not resolved by the Magnus step control at tol = 1e-12.
P_FLOOR = 1e-16

CHANNEL_STYLE = {
    "T_mistrack": (OKABE_ITO[5], "mistracking $T_{\\rm mis}$ ($Q=k_{F+}-k_{F-}$)"),
    "R_maj_min": (OKABE_ITO[6], "spin-flip reflection ($Q=k_{F+}+k_{F-}$)"),
    "R_min_min": (OKABE_ITO[3], "minority reflection ($Q=2k_{F-}$)"),
    "R_maj_maj": (OKABE_ITO[7], "majority reflection ($Q=2k_{F+}$)"),
}


# --------------------------------------------------------------------------
# data
# --------------------------------------------------------------------------
@lru_cache(maxsize=32)
def wall_data(zeta: float, widths: tuple = WIDTHS):
    """Exact (tol 1e-12) and first-Born probabilities of the tanh wall at one ζ.

    Returns a dict with ``widths`` and the :class:`~spinlib.scattering.WallScattering`
    ``exact``, the Born dict ``born`` and the Born matrix ``born_matrix``.
    """
    w = np.asarray(widths)
    return {
        "widths": w,
        "exact": tanh_wall(zeta, w, tol=1e-12),
        "born": born_tanh_wall(zeta, w),
        "born_matrix": wc.born_probability_matrix(zeta, w),
    }


def _masked(p):
    p = np.asarray(p, float)
    return np.where(p > P_FLOOR, p, np.nan)


def draw_probabilities(ax, zeta: float, legend: bool = True):
    """Exact channel probabilities (solid) and first Born (dashed) against k_Fλ."""
    d = wall_data(float(zeta))
    w, ex, born = d["widths"], d["exact"], d["born"]
    for key, (color, label) in CHANNEL_STYLE.items():
        ax.loglog(w, _masked(ex[key]), color=color, label=label)
        if key in ("T_mistrack", "R_maj_min"):
            ax.loglog(w, _masked(born[key]), color=color, ls="--", lw=1.4)
    ax.loglog(w, _masked(rosen_zener_mistracking(zeta, w)), color="0.4", ls=":", lw=1.4,
              label=r"Rosen–Zener ${\rm sech}^2(\pi\zeta k_F\lambda)$")  # fmt: skip
    ax.axhline(1.0, color="0.6", lw=0.8)
    ax.set_ylim(P_FLOOR, 10)
    ax.set_xlim(w[0], w[-1])
    ax.set_xlabel(r"$k_F\lambda$")
    ax.set_title(rf"$\zeta = {zeta:g}$")
    if legend:
        ax.legend(fontsize=9.5, loc="lower left")


@register(
    "scattering_probabilities",
    notebook=NOTEBOOK,
    description="exact channel probabilities of the tanh wall vs k_F λ against first Born (small multiples of ζ)",
)
def scattering_probabilities(zetas=(0.3, 0.5, 0.7)):
    fig, axes = plt.subplots(1, len(zetas), figsize=(5.2 * len(zetas), 5.0), sharey=True)
    for i, (ax, zeta) in enumerate(zip(axes, zetas)):
        draw_probabilities(ax, zeta, legend=(i == 0))
    axes[0].set_ylabel("probability per incident majority electron\n(dashed: first Born in $A$)")
    return fig


@lru_cache(maxsize=8)
def rotation_angle_data(width: float = 2.0, zetas: tuple = (0.2, 0.4, 0.6, 0.8),
                        fractions: tuple = tuple(np.linspace(0.05, 1.0, 20))):
    """Exact/(Θ/π)²-scaled Born ratios for walls rotating by Θ = fraction · π."""
    z = np.asarray(zetas)
    born = born_tanh_wall(z, width)
    mis, flip = [], []
    for f in fractions:
        res = scattering_matrix(tanh_profile(width, kind="neel", rotation=f * np.pi), z, tol=1e-12)
        mis.append(res["T_mistrack"] / (f**2 * born["T_mistrack"]))
        flip.append(res["R_maj_min"] / (f**2 * born["R_maj_min"]))
    return np.asarray(fractions), np.array(mis), np.array(flip)


@lru_cache(maxsize=4)
def dominance_map(zetas: tuple = tuple(np.linspace(0.1, 0.9, 21)),
                  widths: tuple = tuple(np.linspace(0.2, 3.0, 20))):
    """log10 of (minority reflection)/(mistracking) on a (ζ, k_Fλ) grid.

    Exact, tol 1e-10: both probabilities are > 1e-7 on this grid.
    """
    z = np.asarray(zetas)[:, None]
    w = np.asarray(widths)[None, :]
    res = tanh_wall(z, w, tol=1e-10)
    return np.asarray(zetas), np.asarray(widths), np.log10(res["R_min_min"] / res["T_mistrack"])


@register(
    "scattering_born_validity",
    notebook=NOTEBOOK,
    description="where first Born in A holds: exact/Born vs k_F λ, vs rotation angle, and the dominant channel map",
)
def scattering_born_validity():
    fig, axes = plt.subplots(1, 3, figsize=(17, 5.0))
    ax = axes[0]
    for zeta, color in zip((0.3, 0.5, 0.7), (OKABE_ITO[1], OKABE_ITO[5], OKABE_ITO[6])):
        d = wall_data(zeta)
        w = d["widths"]
        ok = d["exact"]["T_mistrack"] > P_FLOOR
        ax.semilogx(w[ok], (d["exact"]["T_mistrack"] / d["born"]["T_mistrack"])[ok], color=color,
                    label=rf"$\zeta={zeta:g}$")  # fmt: skip
        ax.axhline(float(rosen_zener_born_ratio(zeta)), color=color, ls=":", lw=1.3)
    ax.set_xlabel(r"$k_F\lambda$")
    ax.set_ylabel(r"$T_{\rm mis}^{\rm exact}/T_{\rm mis}^{\rm Born}$")
    ax.set_title(r"(a) 180° wall: dotted Rosen–Zener/Born $= 4(1-\zeta^2)/\pi^2$")
    ax.set_ylim(0, 1.05)
    ax.legend(fontsize=11)
    ax = axes[1]
    fr, mis, flip = rotation_angle_data()
    for j, (zeta, color) in enumerate(zip((0.2, 0.4, 0.6, 0.8), (OKABE_ITO[1], OKABE_ITO[2], OKABE_ITO[3], OKABE_ITO[6]))):
        ax.plot(fr, mis[:, j], color=color, label=rf"$T_{{\rm mis}}$, $\zeta={zeta:g}$")
        ax.plot(fr, flip[:, j], color=color, ls="--", lw=1.4)
    theta = np.pi * fr
    ax.plot(fr, np.sin(theta / 2) ** 2 / (theta / 2) ** 2, color="0.3", ls=":",
            label=r"$\sin^2(\Theta/2)/(\Theta/2)^2$")  # fmt: skip
    ax.axhline(1.0, color="0.6", lw=0.8)
    ax.set_xlabel(r"rotation angle $\Theta/\pi$")
    ax.set_ylabel(r"exact / [$(\Theta/\pi)^2\times$ Born]")
    ax.set_title(r"(b) $k_F\lambda = 2$; dashed: spin-flip reflection")
    ax.set_ylim(0, 2.5)
    ax.legend(fontsize=9.5, loc="upper left")
    ax = axes[2]
    zs, ws, ratio = dominance_map()
    mesh = ax.pcolormesh(ws, zs, np.clip(ratio, -8, 8), cmap="RdBu_r", vmin=-8, vmax=8, shading="nearest")
    ax.contour(ws, zs, ratio, levels=[0.0], colors="k", linewidths=1.5)
    ax.axhline(0.5, color="k", ls=":", lw=1.2)
    fig.colorbar(mesh, ax=ax, label=r"$\log_{10}(R_{\rm min,min}/T_{\rm mis})$")
    ax.set_xlabel(r"$k_F\lambda$")
    ax.set_ylabel(r"$\zeta$")
    ax.set_title("(c) red: non-flip minority reflection dominates")
    return fig


# --------------------------------------------------------------------------
# (ii) resistance
# --------------------------------------------------------------------------
def resistance_curves(zeta: float):
    """Landauer (exact, Born), Mori (74) in 1D and the exact drift resistance vs k_Fλ."""
    d = wall_data(float(zeta))
    w, ex, pb = d["widths"], d["exact"], d["born_matrix"]
    r_born = wc.mean_reflection(pb)
    land_born = np.full(w.shape, np.nan)
    ok = r_born < 1
    land_born[ok] = wc.landauer_wall_resistance(pb[ok])
    out = {
        "widths": w,
        "landauer": wc.landauer_wall_resistance(ex),
        "landauer_born": land_born,
        "mori": wc.mori_wall_resistance_1d(zeta, w),
        "drift": wc.drift_wall_resistance(ex),
    }
    for proc in ("mistracking", "flip_reflection", "reflection"):
        out[f"drift_{proc}"] = wc.drift_wall_resistance(ex, process=proc)
    return out


@register(
    "scattering_resistance",
    notebook=NOTEBOOK,
    description="Landauer resistance of the exact 1D wall against the Mori formula (74) in 1D and the exact drift balance",
)
def scattering_resistance(zetas=(0.3, 0.7)):
    fig, axes = plt.subplots(1, len(zetas) + 1, figsize=(5.6 * (len(zetas) + 1), 5.0))
    for ax, zeta in zip(axes, zetas):
        c = resistance_curves(zeta)
        w = c["widths"]
        ax.loglog(w, _masked(c["landauer"]), color=OKABE_ITO[0], label=r"Landauer, exact $\pi\bar R/(1-\bar R)$")
        ax.loglog(w, _masked(c["landauer_born"]), color=OKABE_ITO[0], ls="--", lw=1.3,
                  label="Landauer, first Born")  # fmt: skip
        ax.loglog(w, _masked(c["mori"]), color=OKABE_ITO[6], label="Mori (74) in 1D")
        ax.loglog(w, _masked(c["drift"]), color=OKABE_ITO[5], label="drift balance, exact")
        ax.loglog(w, _masked(c["drift_mistracking"]), color=OKABE_ITO[5], ls=":", lw=1.3,
                  label="  its mistracking part")  # fmt: skip
        ax.loglog(w, _masked(c["drift_reflection"]), color=OKABE_ITO[3], ls=":", lw=1.3,
                  label="  its non-flip reflection part")  # fmt: skip
        ax.set_ylim(P_FLOOR, 30)
        ax.set_xlabel(r"$k_F\lambda$")
        ax.set_ylabel(r"$R_S$  [$\hbar/e^2$]")
        ax.set_title(rf"$\zeta = {zeta:g}$")
    axes[0].legend(fontsize=9.5, loc="lower left")
    ax = axes[-1]
    for zeta, color in zip((0.3, 0.5, 0.7), LINE_COLORS):
        c = resistance_curves(zeta)
        ok = c["landauer"] > P_FLOOR
        ax.loglog(c["widths"][ok], (c["mori"] / c["landauer"])[ok], color=color, label=rf"$\zeta={zeta:g}$")
        ax.loglog(c["widths"][ok], (c["drift"] / c["mori"])[ok], color=color, ls="--", lw=1.4)
    ax.axhline(np.pi**2 / 6, color="0.4", ls=":", lw=1.2, label=r"$\pi^2/6$")
    ax.axhline(1.0, color="0.6", lw=0.8)
    ax.set_xlabel(r"$k_F\lambda$")
    ax.set_ylabel("ratio")
    ax.set_title(r"solid: Mori/Landauer, dashed: drift/Mori", fontsize=13)
    ax.legend(fontsize=10)
    return fig


# --------------------------------------------------------------------------
# (iii) force as momentum transfer
# --------------------------------------------------------------------------
@lru_cache(maxsize=8)
def force_check_data(zeta: float, widths: tuple = (0.1, 0.3, 0.7, 1.5, 3.0), points: int = 3001):
    """Δp_c from the S-matrix and from eq. (53) on the exact states (channels L_maj, L_min)."""
    s_matrix, from_53 = [], []
    for w in widths:
        prof = tanh_profile(w)
        x = np.linspace(prof.x_left, prof.x_right, points)
        res = tanh_wall(zeta, w, tol=1e-12)
        s_matrix.append(wc.momentum_transfer(res)[:2])
        from_53.append([wc.force_from_scattering_state(prof, zeta, x, c) for c in ("L_maj", "L_min")])
    return np.asarray(widths), np.array(s_matrix), np.array(from_53)


def force_curves(zeta: float):
    """Bias and drift forces (exact) against (76) with the Landauer V_S and (58) with (74)."""
    d = wall_data(float(zeta))
    w, ex = d["widths"], d["exact"]
    v_s = wc.landauer_wall_resistance(ex) * wc.bias_current(ex)
    return {
        "widths": w,
        "bias": wc.wall_force(ex, "bias"),
        "eq76": wc.eq76_force_1d(v_s, zeta),
        "drift": wc.wall_force(ex, "drift"),
        "eq58": wc.density_1d(zeta) ** 2 * wc.mori_wall_resistance_1d(zeta, w),
        "drift_born": wc.wall_force(d["born_matrix"], "drift", zeta),
    }


@register(
    "scattering_force_balance",
    notebook=NOTEBOOK,
    description="force on the wall: S-matrix momentum transfer vs eq. (53) on exact states, and vs (58), (76)",
)
def scattering_force_balance(zeta: float = 0.3):
    fig, axes = plt.subplots(1, 3, figsize=(17, 5.0))
    ax = axes[0]
    d = wall_data(zeta)
    w = d["widths"]
    dp = wc.momentum_transfer(d["exact"])
    ws, _, dp_53 = force_check_data(zeta)
    for j, (label, color) in enumerate((("majority from the left", OKABE_ITO[5]),
                                        ("minority from the left", OKABE_ITO[6]))):  # fmt: skip
        ax.semilogx(w, dp[:, j], color=color, label=label + r": $\sum_d P_{dc}(p_c+p_d)$")
        ax.semilogx(ws, dp_53[:, j], "o", color=color, ms=8, mfc="none", mew=2,
                    label=r"$-\Delta\int\partial_x\mathbf{n}\cdot\mathbf{s}_c$ (53)")  # fmt: skip
    ax.axhline(0, color="0.6", lw=0.8)
    ax.set_xlabel(r"$k_F\lambda$")
    ax.set_ylabel(r"momentum to the wall per electron [$\hbar k_F$]")
    ax.set_title(rf"(a) one scattering state, $\zeta={zeta:g}$")
    ax.legend(fontsize=9.5)
    ax = axes[1]
    for z, color in zip((0.3, 0.7), (OKABE_ITO[5], OKABE_ITO[6])):
        c = force_curves(z)
        ax.loglog(c["widths"], _masked(c["bias"]), color=color, label=rf"bias, exact, $\zeta={z:g}$")
        ax.loglog(c["widths"], _masked(c["eq76"]), color=color, ls="--", lw=1.4, label=r"(76): $e\,n\,V_S$")
        ax.loglog(c["widths"], _masked(c["drift"]), color=color, ls="-.", lw=1.4, label="drift, exact")
        ax.loglog(c["widths"], _masked(c["eq58"]), color=color, ls=":", lw=1.8, label=r"(58) with (74)")
    ax.set_ylim(P_FLOOR, 10)
    ax.set_xlabel(r"$k_F\lambda$")
    ax.set_ylabel(r"$F$ per unit $\delta\mu$ or $v$ [$\hbar k_F/2\pi$]" + "\n" + r"$\times 2\pi$")
    ax.set_title("(b) populated states: bias / drift")
    ax.legend(fontsize=8.5, ncol=2, loc="lower left")
    ax = axes[2]
    for z, color in zip((0.3, 0.5, 0.7), LINE_COLORS):
        c = force_curves(z)
        ok = c["bias"] > P_FLOOR
        ax.semilogx(c["widths"][ok], (c["bias"] / c["eq76"])[ok], color=color, label=rf"bias/(76), $\zeta={z:g}$")
        ax.axhline(1 - z, color=color, ls=":", lw=1.2)
        ok = c["drift"] > P_FLOOR
        ax.semilogx(c["widths"][ok], (c["drift"] / c["eq58"])[ok], color=color, ls="--", lw=1.4)
    ax.set_ylim(0, 2.0)
    ax.set_xlabel(r"$k_F\lambda$")
    ax.set_ylabel("exact / paper")
    ax.set_title(r"(c) dotted: $k_{F-}/k_F$; dashed: drift/(58)")
    ax.legend(fontsize=10)
    return fig


# --------------------------------------------------------------------------
# (iv) spin density and torque
# --------------------------------------------------------------------------
WEIGHTING_LABEL = {
    "bias": r"bias $\delta\mu$ on the left, both spins",
    "majority": r"majority injected from the left",
    "drift": r"drifting Fermi sea (the paper's)",
}


def reference_flux(zeta: float, weighting: str) -> float:
    """J₀ used to normalise torques: the majority flux 1/4π per δμ, or ζ/π per v ("drift")."""
    return float(wc.spin_flux(zeta, "drift")) if weighting == "drift" else 1.0 / (4 * np.pi)


@lru_cache(maxsize=64)
def torque_profile_data(zeta: float, width: float, weighting: str, window: float = 4.0,
                        points: int = 401, spacing: float = 0.02):
    """Frame components of τ (exact, first order, adiabatic) across a Bloch wall, in units J₀/λ."""
    prof = tanh_profile(width, cutoff=24.0)
    xs = np.linspace(-window * width, window * width, points)
    ex = wc.weighted_spin_profile(prof, zeta, xs, weighting)
    h = min(spacing, 0.1 / float(fermi_wavevectors(zeta)[0]))
    n_half = int(np.ceil((24.0 * width + 2.0) / h))
    xg = h * np.arange(-n_half, n_half + 1)
    fo_full = wc.first_order_spin_profile(prof, zeta, xg, weighting)
    ad = wc.adiabatic_torque_1d(prof, zeta, xs, weighting)
    _, e_th, e_ph = spin_frame(*prof.angles(xs))
    unit = reference_flux(zeta, weighting) / width
    fo = np.stack([np.interp(xs, xg, fo_full.torque[:, a]) for a in range(3)], axis=-1)
    comp = {}
    for name, t in (("exact", ex.torque), ("first", fo), ("adiabatic", ad)):
        comp[name] = (np.sum(t * e_th, -1) / unit, np.sum(t * e_ph, -1) / unit)
    return xs / width, comp


def draw_torque_profile(ax, zeta: float, width: float, weighting: str, legend: bool = False):
    xi, comp = torque_profile_data(float(zeta), float(width), weighting)
    for k, (color, lab) in enumerate(((OKABE_ITO[5], r"$\tau\cdot e_\theta$"), (OKABE_ITO[6], r"$\tau\cdot e_\phi$"))):
        ax.plot(xi, comp["exact"][k], color=color, label=f"{lab} exact")
        ax.plot(xi, comp["first"][k], color=color, ls="--", lw=1.4, label=f"{lab} first order in $A$")
    ax.plot(xi, comp["adiabatic"][0], color="0.3", ls=":", lw=1.6, label=r"adiabatic $-J_s\,\partial_x n$")
    ax.axhline(0, color="0.6", lw=0.8)
    ax.set_title(rf"$k_F\lambda={width:g}$", fontsize=12)
    if legend:
        ax.legend(fontsize=9, loc="lower right")


@register(
    "scattering_torque_profiles",
    notebook=NOTEBOOK,
    description="torque across a Bloch wall from exact states vs first order vs adiabatic, for three populations (small multiples)",
)
def scattering_torque_profiles(zeta: float = 0.5, widths=(0.7, 2.0, 6.0)):
    weightings = ("bias", "majority", "drift")
    fig = plt.figure(figsize=(5.0 * len(widths), 3.7 * len(weightings) + 0.6))
    rows = fig.subfigures(len(weightings), 1)
    for sub, weighting in zip(rows, weightings):
        axes = sub.subplots(1, len(widths), sharex=True)
        for ax, w in zip(axes, widths):
            draw_torque_profile(ax, zeta, w, weighting)
            ax.set_xlabel(r"$x/\lambda$")
        unit = r"$\delta\mu/4\pi\lambda$" if weighting != "drift" else r"$(\zeta/\pi)v/\lambda$"
        axes[0].set_ylabel(f"τ  [{unit}]")
        sub.suptitle(WEIGHTING_LABEL[weighting] + rf", $\zeta={zeta:g}$", fontsize=14)
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncol=5, fontsize=11)
    return fig


@lru_cache(maxsize=8)
def nonadiabatic_data(zeta: float, widths: tuple = (8.0, 16.0, 32.0)):
    """In-plane τ - τ_ad of the drifting sea across tanh walls: exact, first order, predictions."""
    c = float(wc.drift_kernel_1d_coefficient(zeta)) / 4  # K = 1 + c_1D q̃², q̃ = q/2: A - (c_1D/4) A''
    out = []
    for lam in widths:
        prof = tanh_profile(lam, cutoff=24.0)
        h = 0.04
        n_half = int(np.ceil((24.0 * lam + 2.0) / h))
        xg = h * np.arange(-n_half, n_half + 1)
        xs = np.linspace(-5 * lam, 5 * lam, 301)
        ex = wc.weighted_spin_profile(prof, zeta, xs, "drift")
        fo = wc.first_order_spin_profile(prof, zeta, xg, "drift")
        ad = wc.adiabatic_torque_1d(prof, zeta, xs, "drift")
        _, e_th, _ = spin_frame(*prof.angles(xs))
        fo_t = np.stack([np.interp(xs, xg, fo.torque[:, a]) for a in range(3)], axis=-1)
        scale = (2 * zeta / np.pi) * c  # prefactor of A'' and 2A³
        xi = xs / lam
        sech = 1 / np.cosh(xi)
        a2 = (sech - 2 * sech**3) / (2 * lam**3)  # A''
        a3 = sech**3 / (8 * lam**3)  # A³
        out.append({
            "width": lam, "xi": xi,
            "exact": np.sum((ex.torque - ad) * e_th, -1) / scale,
            "first": np.sum((fo_t - ad) * e_th, -1) / scale,
            "pred_exact": a2 + 2 * a3, "pred_first": a2,
        })  # fmt: skip
    return out


@register(
    "scattering_nonadiabatic_torque",
    notebook=NOTEBOOK,
    description="in-plane non-adiabatic torque of the drifting sea: exact c(A''+2A³) vs first order cA''; 1D vs 3D kernel",
)
def scattering_nonadiabatic_torque(zeta: float = 0.5):
    fig, axes = plt.subplots(1, 3, figsize=(17, 5.0))
    data = nonadiabatic_data(zeta)
    ax = axes[0]
    for d, color in zip(data, LINE_COLORS):
        lam = d["width"]
        ax.plot(d["xi"], d["exact"] * lam**3, color=color, label=rf"exact, $k_F\lambda={lam:g}$")
        ax.plot(d["xi"], d["first"] * lam**3, color=color, ls="--", lw=1.4)
    d = data[-1]
    ax.plot(d["xi"], d["pred_exact"] * d["width"] ** 3, color="k", ls=":", lw=1.8, label=r"$c\,(A''+2A^3)$")
    ax.plot(d["xi"], d["pred_first"] * d["width"] ** 3, color="0.5", ls=":", lw=1.8, label=r"$c\,A''$ (first order)")
    ax.set_xlabel(r"$x/\lambda$")
    ax.set_ylabel(r"$e_\theta\cdot(\tau-\tau_{\rm ad})\,\lambda^3/[(2\zeta v/\pi)c]$")
    ax.set_title(rf"(a) $\zeta={zeta:g}$; dashed: first order in $A$")
    ax.legend(fontsize=9.5)
    ax = axes[1]
    q = np.linspace(0.0, 1.4, 1401)
    for z, color in zip((0.3, 0.5, 0.7), LINE_COLORS):
        k1 = wc.drift_kernel_1d(q, z)
        k1 = np.where(np.abs(k1) < 8, k1, np.nan)
        ax.plot(q, k1, color=color, label=rf"1D, $\zeta={z:g}$")
        ax.plot(q, chi1_longitudinal_tilde(q, z), color=color, ls="--", lw=1.4)
        ax.axvline(z, color=color, ls=":", lw=1)
    ax.axvline(1.0, color="0.4", ls=":", lw=1)
    ax.set_ylim(-4, 6)
    ax.set_xlabel(r"$\tilde q = q/2k_F$")
    ax.set_ylabel("longitudinal kernel")
    ax.set_title(r"(b) 1D poles vs 3D $\tilde\chi_L$ logs (dashed)")
    ax.legend(fontsize=10)
    ax = axes[2]
    zs = np.linspace(0.15, 0.95, 81)
    c_1d = wc.drift_kernel_1d_coefficient(zs)
    c_3d = small_q_coefficient("chi1_longitudinal", zs)
    ax.semilogy(zs, c_1d, color=OKABE_ITO[5], label=r"1D: $(1+\zeta^2)/\zeta^2$")
    ax.semilogy(zs, c_3d, color=OKABE_ITO[6], label=r"3D $\tilde\chi_L$: $(3\zeta^4+5)/5\zeta^2(\zeta^2+3)$")
    ax.semilogy(zs, 0.5 * c_1d, color=OKABE_ITO[5], ls=":", lw=1.4, label="1D exact at the wall centre (½)")
    ax.set_xlabel(r"$\zeta$")
    ax.set_ylabel(r"$c$ in kernel $= 1 + c\,\tilde q^2 + \dots$")
    ax.set_title("(c) small-q coefficient")
    ax.legend(fontsize=10)
    return fig


@lru_cache(maxsize=8)
def far_field_data(zeta: float = 0.3, width: float = 1.0, weighting: str = "drift", span: float = 400.0,
                   spacing: float = 0.05):
    """Exact and first-order spin density far from the wall, and their spectra."""
    prof = tanh_profile(width, cutoff=24.0)
    xg = spacing * np.arange(-int(span / spacing), int(span / spacing) + 1)
    ex = wc.weighted_spin_profile(prof, zeta, xg, weighting)
    fo = wc.first_order_spin_profile(prof, zeta, xg, weighting)
    out = {"x": xg}
    for name, s in (("exact", ex.spin_density), ("first", fo.spin_density)):
        s_long = np.sum(s * ex.direction, -1)
        s_perp = s - s_long[:, None] * ex.direction
        out[name] = (s_long, s_perp)
    far = xg > 24.0 * width + 10
    k_axis = 2 * np.pi * np.fft.rfftfreq(int(far.sum()), spacing)
    win = np.hanning(int(far.sum()))
    spectra = {}
    for name in ("exact", "first"):
        s_long, s_perp = out[name]
        spectra[name] = (np.abs(np.fft.rfft((s_long[far] - s_long[far].mean()) * win)),
                         np.abs(np.fft.rfft(s_perp[far, 0] * win)) + np.abs(np.fft.rfft(s_perp[far, 1] * win)))
    out["k"] = k_axis
    out["spectra"] = spectra
    return out


@lru_cache(maxsize=8)
def far_field_envelope(zeta: float = 0.3, width: float = 1.0, span: float = 150.0, spacing: float = 0.05):
    """|s_⊥|(x) right of the wall for one majority state (exact, first order) and 3D shapes.

    The 3D curves are shapes only, scaled to the exact value at x = 20/k_F:
    the planar-wall far field of notebook 04, ∝ 1/√((πλ/2)² + x²), and the
    point kernel χ̃1(r) ∝ r⁻² (:func:`spinlib.response.asymptotic_form`).
    """
    prof = tanh_profile(width, cutoff=24.0)
    xg = spacing * np.arange(-int(span / spacing), int(span / spacing) + 1)
    ex = wc.weighted_spin_profile(prof, zeta, xg, "majority")
    fo = wc.first_order_spin_profile(prof, zeta, xg, "majority")
    out = {"x": xg[xg > 0]}
    for name, s in (("exact", ex.spin_density), ("first", fo.spin_density)):
        s_long = np.sum(s * ex.direction, -1)
        out[name] = np.linalg.norm(s - s_long[:, None] * ex.direction, axis=-1)[xg > 0] * 2 * np.pi
    x = out["x"]
    ref = np.interp(20.0, x, out["exact"])
    wall = np.abs(wall_stoner_torque_asymptote(x, width, zeta).envelope)  # shape only
    out["wall3d"] = wall * ref / np.interp(20.0, x, wall)
    form = asymptotic_form("chi1", zeta)
    point = np.full_like(x, np.nan)
    point[x > 3] = x[x > 3] ** (-float(form.power))
    out["point3d"] = point * ref / np.interp(20.0, x, point)
    return out


@register(
    "scattering_far_field",
    notebook=NOTEBOOK,
    description="spin density outside the wall: undamped 1D oscillations at k_F+ - k_F-, k_F+ + k_F-, 2k_F± vs the 3D kernels",
)
def scattering_far_field(zeta: float = 0.3, width: float = 1.0):
    fig, axes = plt.subplots(1, 3, figsize=(17, 5.0))
    d = far_field_data(zeta, width)
    ax = axes[0]
    env = far_field_envelope(zeta, width)
    xe = env["x"]
    ax.plot(xe, env["exact"], color=OKABE_ITO[5], label=r"1D exact, one majority state")
    ax.plot(xe, env["first"], color=OKABE_ITO[5], ls="--", lw=1.4, label="1D first order in $A$")
    ax.plot(xe, env["wall3d"], color=OKABE_ITO[6], ls="-.", lw=1.6,
            label=r"3D wall (ch. 04): $\propto1/\sqrt{(\pi\lambda/2)^2+x^2}$")  # fmt: skip
    ax.plot(xe, env["point3d"], color="0.4", ls=":", lw=1.6, label=r"3D kernel $\tilde\chi_1(r)$: $\propto r^{-2}$")
    ax.axvspan(-3 * width, 3 * width, color="0.9")
    ax.set_yscale("log")
    ax.set_ylim(1e-3, 3)
    ax.set_xlabel(r"$x$  [$1/k_F$]")
    ax.set_ylabel(r"$|\mathbf{s}_\perp|$ right of the wall (envelope)")
    ax.set_title(rf"(a) $\zeta={zeta:g}$, $k_F\lambda={width:g}$: no decay in 1D")
    ax.legend(fontsize=9, loc="lower left")
    ax = axes[1]
    k = d["k"]
    for name, ls in (("exact", "-"), ("first", "--")):
        sp_long, sp_perp = d["spectra"][name]
        ax.semilogy(k, sp_perp + 1e-12, color=OKABE_ITO[5], ls=ls, lw=1.4 if ls == "--" else 2,
                    label=r"$\mathbf{s}_\perp$ " + name)  # fmt: skip
        ax.semilogy(k, sp_long + 1e-12, color=OKABE_ITO[3], ls=ls, lw=1.4 if ls == "--" else 2,
                    label=r"$\mathbf{s}\cdot\mathbf{n}$ " + name)  # fmt: skip
    kp, km = (float(k) for k in fermi_wavevectors(zeta))
    for q, lab in ((kp - km, r"$k_{F+}-k_{F-}$"), (kp + km, r"$k_{F+}+k_{F-}$"), (2 * km, r"$2k_{F-}$"),
                   (2 * kp, r"$2k_{F+}$")):  # fmt: skip
        ax.axvline(q, color="0.5", ls=":", lw=1)
        ax.text(q, 2e2, lab, rotation=90, ha="right", va="bottom", fontsize=10)
    ax.set_xlim(0, 3.2)
    ax.set_ylim(1e-6, 1e4)
    ax.set_xlabel(r"$k$  [$k_F$]")
    ax.set_ylabel("spectrum of the far field (right)")
    ax.set_title("(b) wave-vectors (3D kernels: the first two)")
    ax.legend(fontsize=9, loc="lower center")
    ax = axes[2]
    widths = np.geomspace(0.2, 6.0, 40)
    res = tanh_wall(zeta, widths, tol=1e-12)
    born = born_tanh_wall(zeta, widths)
    kpkm = np.sqrt(kp * km)
    exact_amp = 2 * np.sqrt(res["T_adiabatic_maj"] * res["T_mistrack"]) / kpkm
    first_amp = 2 * np.sqrt(born["T_mistrack"]) / kpkm
    ax.semilogy(widths, _masked(exact_amp), color=OKABE_ITO[5], label="exact: $2\\sqrt{T_{\\rm ad}T_{\\rm mis}/k_{F+}k_{F-}}$")
    ax.semilogy(widths, _masked(first_amp), color=OKABE_ITO[5], ls="--", lw=1.4,
                label=r"first order: $2\sqrt{P^{\rm Born}_{\rm mis}/k_{F+}k_{F-}}$")  # fmt: skip
    ax.semilogy(widths, np.exp(-np.pi * zeta * widths) * 4 / kpkm, color="0.4", ls=":", lw=1.2,
                label=r"$\propto e^{-\pi(k_{F+}-k_{F-})\lambda/2}$ (3D kernel weight)")  # fmt: skip
    ax.set_xlabel(r"$k_F\lambda$")
    ax.set_ylabel(r"amplitude of $|\mathbf{s}_\perp|$ (one majority state)")
    ax.set_title(r"(c) the $k_{F+}-k_{F-}$ oscillation, right of the wall")
    ax.legend(fontsize=9)
    return fig
