"""Figures of notebook 04: the current-induced torque on a domain wall and a skyrmion.

Units: ħ = m = k_F = 1 (:mod:`spinlib.torque`); positions in 1/k_F or in units
of the wall width λ (stated on each axis), torques per volume normalised by
s v k_F (s = (n₊ - n₋)/2 the electron spin density, v the electron drift
velocity), so that the adiabatic torque at the centre of a wall of width λ
is 1/(k_F λ).  Physical sign τ = Δ e_s × s (module docstring of
:mod:`spinlib.torque`).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from .. import torque as tq
from ..electron_gas import spin_density_s
from ..grids import make_grid
from ..plotting import LINE_COLORS, OKABE_ITO, spin_colormap
from ..textures import domain_wall_angles, skyrmion_angles
from . import register

NOTEBOOK = "04_torque"


def wall_torque(width, zeta, velocity=1.0, half_span=None, spacing=None, kind="bloch"):
    """Torque on a tanh wall with the electrons drifting across it.

    Returns a dict with ``x`` (units 1/k_F), the frame components (units
    s v k_F) ``ad_theta`` (e_θ·τ_ad), ``nl_theta``, ``nl_phi`` (e_θ·τ_nl,
    e_φ·τ_nl) and the :class:`~spinlib.torque.TorqueResult` ``res``.
    """
    h = spacing if spacing is not None else min(0.1, width / 20)
    span = half_span if half_span is not None else max(40.0 * width, 60.0)
    n = round(2 * span / h) + 1
    (x,) = make_grid(n, h)
    res = tq.torque(domain_wall_angles(x, width, kind=kind), h, zeta, velocity=[velocity, 0, 0])
    tex = res.texture
    unit = float(spin_density_s(zeta)) * velocity
    return {
        "x": x,
        "ad_theta": np.sum(res.adiabatic * tex.e_theta, axis=-1) / unit,
        "nl_theta": np.sum(res.nonlocal_ * tex.e_theta, axis=-1) / unit,
        "nl_phi": np.sum(res.nonlocal_ * tex.e_phi, axis=-1) / unit,
        "res": res,
    }


def draw_wall_torque(ax, width, zeta, velocity=1.0, window=4.0):
    """Frame components of τ_ad and τ_nl across a Bloch wall (x in units of λ)."""
    d = wall_torque(width, zeta, velocity)
    xi = d["x"] / width
    sel = np.abs(xi) <= window
    ax.plot(xi[sel], d["ad_theta"][sel] * width, color=OKABE_ITO[0], lw=1.5, label=r"$\tau_{\rm ad}\cdot e_\theta$")
    ax.plot(xi[sel], d["nl_theta"][sel] * width, color=OKABE_ITO[5], label=r"$\tau_{\rm nl}\cdot e_\theta$")
    ax.plot(xi[sel], d["nl_phi"][sel] * width, color=OKABE_ITO[6], ls="--", label=r"$\tau_{\rm nl}\cdot e_\phi$")
    ax.axhline(0, color="0.6", lw=0.8)
    ax.set_xlabel(r"$x/\lambda$")
    ax.set_title(rf"$k_F\lambda={width:g}$, $\zeta={zeta:g}$", fontsize=12)
    return d


@register(
    "torque_wall_profiles",
    notebook=NOTEBOOK,
    description="adiabatic and non-local torque across Bloch walls (small multiples of k_F λ and ζ)",
)
def torque_wall_profiles(widths=(0.7, 1.5, 4.0), zetas=(0.3, 0.6)):
    fig, axes = plt.subplots(
        len(zetas), len(widths), figsize=(4.7 * len(widths), 3.6 * len(zetas)), sharex=True
    )
    for row, zeta in zip(np.atleast_2d(axes), zetas):
        for ax, width in zip(row, widths):
            draw_wall_torque(ax, width, zeta)
        row[0].set_ylabel(r"$\tau\,\lambda/(s v)$")
    np.atleast_2d(axes)[0, 0].legend(loc="lower left", fontsize=10)
    return fig


def scaling_data(zeta, widths):
    """Amplitudes of the in-plane and out-of-plane non-local torque of Bloch walls.

    Returns (theta_ratio, phi_ratio): max|e_θ·τ_nl|/max|τ_ad| and
    max|e_φ·τ_nl|/max|τ_ad| for each width (k_F λ).
    """
    theta_ratio, phi_ratio = [], []
    for width in widths:
        d = wall_torque(width, zeta, spacing=min(0.1, width / 20), half_span=40 * width + 20)
        peak = np.abs(d["ad_theta"]).max()
        theta_ratio.append(np.abs(d["nl_theta"]).max() / peak)
        phi_ratio.append(np.abs(d["nl_phi"]).max() / peak)
    return np.array(theta_ratio), np.array(phi_ratio)


def inplane_prediction(width, zeta):
    """max|e_θ·τ_nl|/max|τ_ad| = c_L/(4(k_Fλ)²) (:func:`spinlib.torque.wall_inplane_torque_asymptote`)."""
    s = float(spin_density_s(zeta))  # max|τ_ad| = s v/λ at the centre, v = 1
    return np.array([abs(tq.wall_inplane_torque_asymptote(0.0, w, zeta, velocity=1.0)) * w / s for w in width])


def stoner_centre_prediction(width, zeta):
    """|e_φ·τ_nl(0)|/max|τ_ad| from :func:`spinlib.torque.wall_stoner_torque_asymptote` (∝ E₁(πζk_Fλ) k_Fλ)."""
    s = float(spin_density_s(zeta))
    return np.array([abs(tq.wall_stoner_torque_asymptote(0.0, w, zeta).centre) * w / s for w in width])


@register(
    "torque_nonlocal_scaling",
    notebook=NOTEBOOK,
    description="convergence of the wall torque to the adiabatic one: (k_F λ)^-2 and e^{-πζk_Fλ}",
)
def torque_nonlocal_scaling(zetas=(0.3, 0.5, 0.7)):
    widths = np.array([0.5, 0.7, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0])
    fig, axes = plt.subplots(1, 2, figsize=(13, 4.8))
    for zeta, color in zip(zetas, LINE_COLORS):
        theta_ratio, phi_ratio = scaling_data(zeta, widths)
        axes[0].loglog(widths, theta_ratio, "o", color=color, label=rf"$\zeta={zeta:g}$")
        fine = np.geomspace(widths[0], widths[-1], 200)
        axes[0].loglog(fine, inplane_prediction(fine, zeta), color=color, lw=1.2)
        axes[1].semilogy(widths, phi_ratio, "o", color=color, label=rf"$\zeta={zeta:g}$")
        axes[1].semilogy(fine, stoner_centre_prediction(fine, zeta), color=color, lw=1.2)
    axes[0].set_xlabel(r"$k_F\lambda$")
    axes[0].set_ylabel(r"max$|\tau_{\rm nl}\cdot e_\theta|$ / max$|\tau_{\rm ad}|$")
    axes[0].set_title(r"(a) in-plane: $c_L/4(k_F\lambda)^2$ (lines)")
    axes[0].legend()
    axes[1].set_xlabel(r"$k_F\lambda$")
    axes[1].set_ylabel(r"max$|\tau_{\rm nl}\cdot e_\phi|$ / max$|\tau_{\rm ad}|$")
    axes[1].set_title(r"(b) out-of-plane (Stoner window): $\propto E_1(\pi\zeta k_F\lambda)$")
    axes[1].set_ylim(1e-9, 2)
    axes[1].legend()
    return fig


@register(
    "torque_nonlocal_tail",
    notebook=NOTEBOOK,
    description="long-range oscillating non-local torque of a wall: wave-vector k_F+ - k_F-, 1/x envelope",
)
def torque_nonlocal_tail(width=2.0, zeta=0.5):
    d = wall_torque(width, zeta, spacing=0.1, half_span=160.0)
    x = d["x"]
    unit = float(spin_density_s(zeta))  # torques in units of s v k_F, v = 1
    stoner = tq.wall_stoner_torque_asymptote(x, width, zeta)
    asym, envelope = stoner.tail / unit, stoner.envelope / unit
    fig, axes = plt.subplots(1, 2, figsize=(14, 4.8))
    ax = axes[0]
    sel = (x > -20) & (x < 60)
    ax.plot(x[sel], d["nl_phi"][sel], color=OKABE_ITO[6], label=r"$\tau_{\rm nl}\cdot e_\phi$ (FFT)")
    ax.plot(x[sel], asym[sel], color=OKABE_ITO[0], lw=1, ls="--", label="window-edge asymptote")
    ax.plot(x[sel], d["nl_theta"][sel], color=OKABE_ITO[5], lw=1.2, label=r"$\tau_{\rm nl}\cdot e_\theta$")
    ax.set_xlabel(r"$x k_F$")
    ax.set_ylabel(r"$\tau_{\rm nl}/(s v k_F)$")
    ax.set_ylim(-2.5 * envelope.max(), 2.5 * envelope.max())
    ax.set_title(rf"(a) $k_F\lambda={width:g}$, $\zeta={zeta:g}$: period $\pi/\zeta k_F$")
    ax.legend(fontsize=10, loc="upper right")
    ax = axes[1]
    pos = x > 0
    ax.loglog(x[pos], np.abs(d["nl_phi"][pos]), color=OKABE_ITO[6], lw=0.8, label=r"$|\tau_{\rm nl}\cdot e_\phi|$")
    ax.loglog(x[pos], np.abs(d["nl_theta"][pos]), color=OKABE_ITO[5], lw=0.8, label=r"$|\tau_{\rm nl}\cdot e_\theta|$")
    ax.loglog(x[pos], envelope[pos], color=OKABE_ITO[0], ls="--", lw=1.2, label=r"$\propto 1/\sqrt{(\pi\lambda/2)^2+x^2}$")
    ax.loglog(x[pos], np.abs(d["ad_theta"][pos]), color="0.5", lw=1, label=r"$|\tau_{\rm ad}|$ (local)")
    ax.set_ylim(1e-8, 1)
    ax.set_xlim(0.1, 150)
    ax.set_xlabel(r"$x k_F$")
    ax.set_title("(b) extent: the non-local torque outlives the wall")
    ax.legend(fontsize=10, loc="lower left")
    return fig


def skyrmion_torque(width=1.5, zeta=0.5, velocity=(1.0, 0.0, 0.0), h=0.15):
    """Torque on a Néel skyrmion (core up, R = 3w) with a current along x."""
    radius = 3 * width
    n = round(2 * (radius + 6 * width) / h) + 1
    X, Y = make_grid((n, n), h)
    angles = skyrmion_angles(X, Y, radius=radius, wall_width=width, polarity=1)
    res = tq.torque(angles, h, zeta, velocity=list(velocity))
    return X, Y, res


@register(
    "torque_skyrmion",
    notebook=NOTEBOOK,
    description="adiabatic and non-local torque maps on a skyrmion (k_F w = 1.5, ζ = 0.5, current along x)",
)
def torque_skyrmion(width=1.5, zeta=0.5):
    X, Y, res = skyrmion_torque(width, zeta)
    tex = res.texture
    unit = float(spin_density_s(zeta))
    panels = [
        (np.sum(res.adiabatic * tex.e_theta, axis=-1), r"(a) $\tau_{\rm ad}\cdot e_\theta$"),
        (np.sum(res.adiabatic * tex.e_phi, axis=-1), r"(b) $\tau_{\rm ad}\cdot e_\phi$"),
        (np.sum(res.nonlocal_ * tex.e_theta, axis=-1), r"(c) $\tau_{\rm nl}\cdot e_\theta$"),
        (np.sum(res.nonlocal_ * tex.e_phi, axis=-1), r"(d) $\tau_{\rm nl}\cdot e_\phi$"),
    ]
    fig, axes = plt.subplots(1, 4, figsize=(18, 4.6))
    for ax, (val, title) in zip(axes, panels):
        lim = np.abs(val).max() / unit
        im = ax.pcolormesh(X, Y, val / unit, cmap=spin_colormap(), vmin=-lim, vmax=lim, shading="auto")
        ax.set_aspect("equal")
        ax.set_title(title, fontsize=13)
        ax.set_xlabel(r"$x k_F$")
        fig.colorbar(im, ax=ax, shrink=0.75, label=r"$/(s v k_F)$")
    axes[0].set_ylabel(r"$y k_F$")
    return fig
