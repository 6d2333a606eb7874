"""Figure of notebook 00: the two spin bands of the rotated frame and the Stoner window.

Units: ħ = m = k_F = 1 (energies in ħ²k_F²/m), see :mod:`spinlib.electron_gas`.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from ..electron_gas import exchange_splitting, fermi_energy, fermi_wavevectors
from ..plotting import OKABE_ITO
from . import register


@register(
    "overview_bands",
    notebook="00_overview",
    description="the exchange-split bands (eq. 13), k_F± and the Stoner window (eq. 39)",
)
def overview_bands(zeta: float = 0.3):
    k_plus, k_minus = (float(v) for v in fermi_wavevectors(zeta))
    delta, e_f = float(exchange_splitting(zeta)), float(fermi_energy(zeta))
    fig, axes = plt.subplots(1, 2, figsize=(13, 4.8))
    ax = axes[0]
    k = np.linspace(-1.6, 1.6, 400)
    ax.plot(k, k**2 / 2 - e_f - delta, color=OKABE_ITO[5], label=r"majority $\sigma=+$")
    ax.plot(k, k**2 / 2 - e_f + delta, color=OKABE_ITO[6], ls="--", label=r"minority $\sigma=-$")
    ax.axhline(0, color="0.3", lw=1)
    for kf, color in ((k_plus, OKABE_ITO[5]), (k_minus, OKABE_ITO[6])):
        ax.plot([kf, kf], [-e_f - delta, 0], color=color, lw=1, ls=":")
    ax.annotate(r"$2\Delta$", xy=(0, -e_f - delta), xytext=(0.08, -e_f - 0.05),
                fontsize=14)
    ax.annotate("", xy=(0.0, -e_f - delta), xytext=(0.0, -e_f + delta),
                arrowprops=dict(arrowstyle="<->", color="k"))
    ax.set_xticks([-k_plus, -k_minus, 0, k_minus, k_plus],
                  [r"$-k_{F+}$", r"$-k_{F-}$", "0", r"$k_{F-}$", r"$k_{F+}$"])
    ax.set_xlabel(r"$k$")
    ax.set_ylabel(r"$\epsilon_{k\sigma}$  [$\hbar^2k_F^2/m$]")
    ax.set_title(rf"(a) bands of eq. (13), $\zeta={zeta:g}$")
    ax.legend(loc="upper center")
    ax = axes[1]
    theta = np.linspace(0, 2 * np.pi, 400)
    ax.fill(k_plus * np.cos(theta), k_plus * np.sin(theta), color=OKABE_ITO[5], alpha=0.25)
    ax.fill(k_minus * np.cos(theta), k_minus * np.sin(theta), color=OKABE_ITO[6], alpha=0.35)
    ax.annotate("", xy=(k_plus, 0), xytext=(k_minus, 0),
                arrowprops=dict(arrowstyle="->", color="k", lw=2))
    alpha = 0.6  # a back-scattering chord of length k_F+ + k_F- (largest spin-flip q)
    tip = -k_minus * np.array([np.cos(alpha), np.sin(alpha)])
    tail = k_plus * np.array([np.cos(alpha), np.sin(alpha)])
    ax.annotate("", xy=tip, xytext=tail,
                arrowprops=dict(arrowstyle="->", color=OKABE_ITO[0], lw=2, ls="--"))
    ax.text(0.55, -0.25, r"$q_{\min}=k_{F+}-k_{F-}$", fontsize=12)
    ax.text(-0.3, 0.45, r"$q_{\max}=k_{F+}+k_{F-}$", fontsize=12, rotation=np.degrees(alpha))
    ax.set_aspect("equal")
    ax.set_xlim(-1.5, 1.5)
    ax.set_ylim(-1.5, 1.5)
    ax.set_xlabel(r"$k_x/k_F$")
    ax.set_ylabel(r"$k_y/k_F$")
    ax.set_title("(b) Fermi spheres: spin-flip needs $q$ in the Stoner window")
    return fig
