"""Independent golden-rule evaluations of the spin-relaxation coefficients (eqs. 79-83).

These references do not use the closed forms of :mod:`spinlib.relaxation`:
they build the impurity vertex u_s S·σ and the exchange-field vertex from
explicit 2 x 2 Pauli matrices, average over an explicit ensemble of impurity
spins with the moments of eq. (80), and integrate numerically:

* Born rates: 2π n_s ⟨|⟨σ'|V|σ⟩|²⟩ ν_σ' (first order);
* α_sf: the power a magnetisation precessing at ω (cone angle θ) loses to
  the electrons, second-order golden rule (one exchange-field vertex, one
  impurity vertex, both time orders, exact energy denominators), divided
  by n_S |ė|² = n_S ω² θ² (the Gilbert dissipation);
* β_sf: the momentum a static spiral e = (θ cos Qx, θ sin Qx, 1) receives
  per unit time from a current-carrying electron gas through the same
  processes (angular integrals over initial and final momenta by
  Gauss-Legendre quadrature), divided by (1/2)(j₊ - j₋) Q² θ², the force
  (85)-(86) of a β torque for this texture (n_S u = (j₊ - j₋)/2).

They play for (82)-(83) the role :mod:`spinlib.ksums` plays for the response
kernels: the tests and notebook 07 compare the closed forms with them.

Units ħ = m = k_F = 1, Δ = ζ, band σ = + (index 0) is the majority band
(spin up, energy -Δ).
"""

from __future__ import annotations

import numpy as np

from .gauge import PAULI
from .relaxation import MagneticImpurities

__all__ = [
    "IMPURITIES",
    "impurity_ensemble",
    "dos",
    "born_rates_numeric",
    "alpha_golden_rule",
    "beta_golden_rule",
]

SIGMA_PLUS = PAULI[0] + 1j * PAULI[1]  # [[0, 2], [0, 0]]: minority -> majority
BAND_SIGN = (1.0, -1.0)  # index 0 = majority (+), 1 = minority (-)


# --------------------------------------------------------------------------
# independent ingredients
# --------------------------------------------------------------------------
def impurity_ensemble(sz2: float, sperp2: float, phi: float = 0.3):
    """Six impurity spins with ⟨S_x²⟩ = ⟨S_y²⟩ = sperp2, ⟨S_z²⟩ = sz2, no odd or mixed moments."""
    a, b = np.sqrt(3 * sperp2), np.sqrt(3 * sz2)
    c, s = np.cos(phi), np.sin(phi)
    spins = np.array(
        [[a * c, a * s, 0], [-a * c, -a * s, 0], [-a * s, a * c, 0], [a * s, -a * c, 0],
         [0, 0, b], [0, 0, -b]]
    )
    weights = np.full(6, 1 / 6)
    second = np.einsum("n,na,nb->ab", weights, spins, spins)
    if not (np.allclose(second, np.diag([sperp2, sperp2, sz2]), atol=1e-14)
            and np.allclose(weights @ spins, 0, atol=1e-14)):  # pragma: no cover - construction check
        raise RuntimeError("impurity ensemble does not have the moments of eq. (80)")
    return spins, weights


def dos(zeta: float, band: int, energy: float = 0.0) -> float:
    """ν_σ(E) = dn_σ/dE from the state count n_σ = k³/6π², k²/2 = (1 ± ζ)²/2 + E."""
    k2 = (1 + BAND_SIGN[band] * zeta) ** 2

    def count(E):
        return (k2 + 2 * E) ** 1.5 / (6 * np.pi**2)

    h = 1e-6
    return (count(energy + h) - count(energy - h)) / (2 * h)


def vertex(spin, coupling):
    return coupling * np.einsum("a,aij->ij", spin, PAULI)


def born_rates_numeric(zeta, imp):
    """rate[i, f] = 2π n_s ⟨|V_fi|²⟩ ν_f at the Fermi level."""
    spins, weights = impurity_ensemble(imp.sz_squared, imp.sperp_squared)
    rate = np.zeros((2, 2))
    for spin, w in zip(spins, weights):
        V = vertex(spin, imp.coupling)
        for i in range(2):
            for f in range(2):
                rate[i, f] += w * 2 * np.pi * imp.density * abs(V[f, i]) ** 2 * dos(zeta, f)
    return rate


def alpha_golden_rule(zeta, imp, n_spin, omega=1e-5):
    """Gilbert α from the power absorbed from a magnetisation precessing at ω (θ = 1)."""
    delta = zeta
    F = -(delta / 2) * SIGMA_PLUS  # e^{-iωt} part of -Δ δe·σ, cone angle θ = 1
    spins, weights = impurity_ensemble(imp.sz_squared, imp.sperp_squared)
    x, wx = np.polynomial.legendre.leggauss(6)
    E = -omega / 2 + (omega / 2) * x  # the window [-ω, 0] of f(E) - f(E + ω) at T = 0
    power = 0.0
    for spin, w in zip(spins, weights):
        V = vertex(spin, imp.coupling)
        for i in range(2):
            for f in range(2):
                M = 0j
                for s in range(2):
                    num = F[f, s] * V[s, i]  # impurity first, then the exchange field
                    if num != 0:
                        M += num / (-omega - (BAND_SIGN[f] - BAND_SIGN[s]) * delta)
                    num = V[f, s] * F[s, i]  # exchange field first
                    if num != 0:
                        M += num / (omega - (BAND_SIGN[i] - BAND_SIGN[s]) * delta)
                window = (omega / 2) * sum(
                    wk * dos(zeta, i, Ek) * dos(zeta, f, Ek + omega) for Ek, wk in zip(E, wx)
                )
                power += w * omega * 2 * np.pi * imp.density * abs(M) ** 2 * window
    return power / (n_spin * omega**2)


def beta_golden_rule(zeta, imp, j_plus, j_minus, Q=1e-4, nodes=16):
    """β from the force on a spiral of wave-vector Q x̂ (θ = 1) in a current j₊, j₋ along x."""
    delta = zeta
    F = -(delta / 2) * SIGMA_PLUS  # e^{-iQx} part of -Δ δe·σ: k -> k - Q, force +Q x̂
    k = [1 + zeta, 1 - zeta]
    nu = [dos(zeta, 0), dos(zeta, 1)]
    # shifted Fermi surfaces δf_σ(k) = a_σ k cosθ (-f0'), j_σ = ν_σ k_σ² a_σ/3
    a = [3 * j_plus / (nu[0] * k[0] ** 2), 3 * j_minus / (nu[1] * k[1] ** 2)]
    c, wc = np.polynomial.legendre.leggauss(nodes)
    C, Cp = np.meshgrid(c, c, indexing="ij")  # cos of initial, final momentum with Q
    W = np.outer(wc, wc) / 4  # angular average over both spheres
    spins, weights = impurity_ensemble(imp.sz_squared, imp.sperp_squared)
    force = 0.0
    for spin, w in zip(spins, weights):
        V = vertex(spin, imp.coupling)
        for i in range(2):
            for f in range(2):
                M = np.zeros_like(C, dtype=complex)
                for s in range(2):
                    num = F[f, s] * V[s, i]  # impurity k -> k' + Q, then texture -> k'
                    if num != 0:
                        M += num / -(
                            (BAND_SIGN[f] - BAND_SIGN[s]) * delta + k[f] * Q * Cp + Q**2 / 2
                        )
                    num = V[f, s] * F[s, i]  # texture k -> k - Q, then impurity -> k'
                    if num != 0:
                        M += num / -(
                            (BAND_SIGN[i] - BAND_SIGN[s]) * delta - k[i] * Q * C + Q**2 / 2
                        )
                occupation = a[i] * k[i] * C - a[f] * k[f] * Cp  # f_i - f_f
                force += (
                    w * 2 * np.pi * imp.density * Q * nu[i] * nu[f]
                    * np.sum(W * abs(M) ** 2 * occupation)
                )
    return force / (0.5 * (j_plus - j_minus) * Q**2)


IMPURITIES = [
    MagneticImpurities(2e-3, 0.8, 1 / 3, 1 / 3),  # isotropic
    MagneticImpurities(2e-3, 0.8, 1.0, 0.0),  # Ising (along the magnetisation)
    MagneticImpurities(2e-3, -0.8, 0.0, 0.5),  # XY
    MagneticImpurities(1e-3, 1.3, 0.7, 0.1),  # anisotropic
]
