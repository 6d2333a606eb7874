"""Figures of notebook 01: the gauge field of a domain wall and of a vortex.

Lengths in units of the texture scale (λ for the wall, λ_v for the vortex);
the gauge field, a wave-vector, in units of 1/λ (1/λ_v).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from scipy.integrate import quad

from .. import gauge, textures
from ..plotting import OKABE_ITO
from . import register

NOTEBOOK = "01_gauge_transformation"


def domain_wall_data(kind: str = "bloch", n: int = 801, half_width: float = 6.0):
    """Texture and gauge field of a tanh wall of width λ = 1 on x ∈ [-L, L]."""
    x = np.linspace(-half_width, half_width, n)
    theta, phi = textures.domain_wall_angles(x, 1.0, kind=kind)
    A = gauge.gauge_field(theta, phi, x[1] - x[0])[0]  # (3, n): spin components along x
    a_par, a_perp = gauge.project_parallel_perp(A[None], phi)
    return x, textures.unit_vectors(theta, phi), A, a_par[0], a_perp[0]


@register(
    "gauge_domain_wall",
    notebook=NOTEBOOK,
    description="spin profile and SU(2) gauge field A_x of Bloch and Néel tanh walls",
)
def gauge_domain_wall():
    fig, axes = plt.subplots(1, 3, figsize=(14, 4.6), sharex=True)
    x, e_s, _, _, _ = domain_wall_data("bloch")
    for comp, label, color in zip(range(3), ("x", "y", "z"), OKABE_ITO[1:4]):
        axes[0].plot(x, e_s[:, comp], color=color, label=rf"$e_{{s,{label}}}$")
    axes[0].set_title("(a) Bloch wall, $\\theta = 2\\arctan e^{x/\\lambda}$")
    axes[0].set_ylabel("spin direction $\\mathbf{e}_s$")
    axes[0].legend(loc="lower left")
    for ax, kind in zip(axes[1:], ("bloch", "neel")):
        x, _, A, a_par, a_perp = domain_wall_data(kind)
        for comp, label, color, style in zip(
            range(3), ("x", "y", "z"), OKABE_ITO[1:4], ("-", "--", ":")
        ):
            ax.plot(x, A[comp], color=color, ls=style, label=rf"$A_x^{label}$")
        ax.plot(x, a_perp, color=OKABE_ITO[0], lw=1.2, ls="-.", label=r"$A_x^{\perp}=\frac{1}{2}\partial_x\theta$")
        ax.set_title(f"({'b' if kind == 'bloch' else 'c'}) {kind.capitalize().replace('Neel', 'Néel')} wall: gauge field")
        ax.set_ylabel(r"$A_x^a$  [$1/\lambda$]")
        ax.legend(loc="upper right", fontsize=11)
    for ax in axes:
        ax.set_xlabel(r"$x/\lambda$")
    return fig


def vortex_data(n: int = 241, half_width: float = 3.0, polarity: int = 1, chirality: int = 1):
    """Angles and gauge field of the paper's vortex ansatz (92), λ_v = 1."""
    x = np.linspace(-half_width, half_width, n)
    X, Y = np.meshgrid(x, x, indexing="ij")
    theta, phi = textures.vortex_ansatz_angles(X, Y, 1.0, polarity, chirality)
    A = gauge.gauge_field(theta, phi, x[1] - x[0])  # (2, 3, n, n)
    return x, X, Y, theta, phi, A


@register(
    "gauge_vortex",
    notebook=NOTEBOOK,
    description="gauge field of the vortex ansatz (92): A^z map and radial profiles",
)
def gauge_vortex():
    x, X, Y, theta, phi, A = vortex_data()
    e_s = textures.unit_vectors(theta, phi)
    fig, axes = plt.subplots(1, 3, figsize=(15, 4.8))
    ax = axes[0]
    im = ax.pcolormesh(X, Y, e_s[..., 2], cmap="RdBu_r", vmin=-1, vmax=1, shading="auto")
    s = slice(None, None, 20)
    ax.quiver(X[s, s], Y[s, s], e_s[s, s, 0], e_s[s, s, 1], pivot="mid", color="k")
    ax.add_patch(plt.Circle((0, 0), 1.0, fill=False, ls="--", color=OKABE_ITO[0]))
    ax.set_aspect("equal")
    ax.set_title(r"(a) vortex (92): $e_{s,z}$, in-plane spin")
    fig.colorbar(im, ax=ax, shrink=0.8, label=r"$e_{s,z}$")

    ax = axes[1]
    a_z = A[:, 2]  # spatial vector (A_x^z, A_y^z)
    mag = np.hypot(a_z[0], a_z[1])
    im = ax.pcolormesh(X, Y, mag, cmap="viridis", shading="auto", vmax=np.percentile(mag, 99))
    ax.quiver(X[s, s], Y[s, s], a_z[0][s, s], a_z[1][s, s], pivot="mid", color="w")
    ax.add_patch(plt.Circle((0, 0), 1.0, fill=False, ls="--", color="w"))
    ax.set_aspect("equal")
    ax.set_title(r"(b) $(A_x^z, A_y^z)$")
    fig.colorbar(im, ax=ax, shrink=0.8, label=r"$|A^z|$  [$1/\lambda_v$]")
    for a in axes[:2]:
        a.set_xlabel(r"$x/\lambda_v$")
        a.set_ylabel(r"$y/\lambda_v$")

    ax = axes[2]
    mid = len(x) // 2
    r = x[mid + 1 :]
    a_par, a_perp = gauge.project_parallel_perp(A, phi)
    # along the +x axis the azimuthal direction is y: A_y carries the 1/r part
    ax.plot(r, np.abs(a_perp[0, mid + 1 :, mid]), label=r"$|A_x^{\perp}| = \frac{1}{2}|\partial_r\theta|$")
    ax.plot(r, np.abs(a_par[1, mid + 1 :, mid]), label=r"$|A_y^{\parallel}| = \frac{\sin\theta}{2r}$")
    ax.plot(r, np.abs(A[1, 2, mid + 1 :, mid]), ls="--", label=r"$A_y^{z} = \frac{1-\cos\theta}{2r}$")
    ax.plot(r, 1 / (2 * r), color="0.4", lw=1, ls=":", label=r"$1/2r$")
    ax.axvline(1.0, color="0.5", lw=1)
    ax.set_ylim(0, 1.6)
    ax.set_xlabel(r"$r/\lambda_v$")
    ax.set_ylabel(r"gauge field  [$1/\lambda_v$]")
    ax.set_title("(c) radial profiles along $+x$")
    ax.legend(fontsize=11)
    return fig


def draw_gauge_spectrum(ax, zeta: float, kf_width: float) -> float:
    """Draw |A^⊥(q)|² of a tanh wall against q/k_F with the Stoner window shaded.

    Returns the fraction of the spectral weight ∫|A^⊥(q)|²dq (q ≥ 0) that lies
    inside the window k_F+ - k_F- ≤ q ≤ k_F+ + k_F-, computed by adaptive
    quadrature (relative accuracy 1e-11).
    """
    from ..electron_gas import fermi_wavevectors

    k_plus, k_minus = (float(k) for k in fermi_wavevectors(zeta))
    q = np.linspace(0.0, 3.0, 3001)
    weight = gauge.tanh_wall_gauge_spectrum(q, kf_width) ** 2
    def spectral_weight(q_val):
        return float(gauge.tanh_wall_gauge_spectrum(q_val, kf_width)) ** 2

    inside = quad(spectral_weight, k_plus - k_minus, k_plus + k_minus, epsabs=0, epsrel=1e-11)[0]
    total = quad(spectral_weight, 0.0, np.inf, epsabs=0, epsrel=1e-11)[0]
    fraction = inside / total
    ax.semilogy(q, weight, color=OKABE_ITO[5])
    ax.axvspan(k_plus - k_minus, k_plus + k_minus, color=OKABE_ITO[1], alpha=0.25, lw=0)
    ax.set_ylim(1e-12, 5.0)
    ax.set_xlim(0, 3)
    ax.set_xlabel(r"$q/k_F$")
    ax.set_ylabel(r"$|A^{\perp}(q)|^2$")
    ax.set_title(rf"$\zeta={zeta:g}$, $k_F\lambda={kf_width:g}$: in window {fraction:.1e}", fontsize=12)
    return fraction


@register(
    "gauge_adiabaticity",
    notebook=NOTEBOOK,
    description="gauge-field spectrum of tanh walls against the Stoner window (small multiples)",
)
def gauge_adiabaticity(zetas=(0.2, 0.5), kf_widths=(1.0, 3.0, 10.0)):
    fig, axes = plt.subplots(
        len(zetas), len(kf_widths), figsize=(4.6 * len(kf_widths), 3.6 * len(zetas)), sharey=True
    )
    for row, zeta in zip(np.atleast_2d(axes), zetas):
        for ax, kf_width in zip(row, kf_widths):
            draw_gauge_spectrum(ax, zeta, kf_width)
        for ax in row[1:]:
            ax.set_ylabel("")
    return fig
