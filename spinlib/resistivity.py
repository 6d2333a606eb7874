"""Resistivity and Hall effect of a spin texture by the Mori formula, eqs. (66)-(78).

Units and conventions
---------------------
ħ = m = k_F = 1 (:mod:`spinlib.electron_gas`: k_F± = 1 ± ζ, Δ = ζ,
n = n₊ + n₋ = [(1+ζ)³ + (1-ζ)³]/6π²) and the elementary charge |e| = 1.
Lengths are in units of 1/k_F, wave-vectors in units of k_F, and

* **resistivities** are in units of ħ/(e² k_F) (= 4108.24 Ω / k_F; for
  k_F = 1.2 Å⁻¹ this is 34.2 μΩ cm, see :func:`resistivity_unit_si`);
* "area resistances" ρ L (a wall of cross-section A in a wire of length L:
  R_S A = ρ_S L) are in units of ħ/(e² k_F²);
* the resistivity of one vortex in a film of area A, ρ_v A, in units of
  ħ/(e² k_F³) (:mod:`spinlib.vortex`).

The gauge field A_i^a (eq. 11) is that of :func:`spinlib.gauge.gauge_field`,
A^± = A^x ± iA^y, and its Fourier transform is normalised by the sample
volume V, A(q) = (1/V) ∫ d³x e^{-iq·x} A(x), so that A(x) = Σ_q e^{iq·x} A(q)
and Σ_q A(q) B(-q) = (1/V) ∫ A B: then (1/V) Σ_{k,q} in (74) is
Σ_q K(q) |A(q)|² with the k-sum K of (75).  A texture sampled on a grid is
the periodic sample of that box (``mori_resistivity``): ρ_S of a localised
texture therefore falls as 1/(box length) and ρ_S × length converges.

The Mori formula, step by step (checked in ``tests/test_resistivity.py`` and
notebook 06)
----------------------------------------------------------------------------
(66)  ρ_ij = (e²n/m)⁻² lim_{ω→0} (1/ω) Im[χ_ij(ω) - χ_ij(0)],
      χ = -(1/βV) ⟨J̇_i J̇_j⟩ with the force operator J̇ = i[H, J].
(67)  In the rotated frame (eq. 12), to first order in A (J = (e/m) Σ (k + A)):
      J̇_i = i(e/m) Σ_{kq} a†_{k+q} [ ((2k+q)·q A_i - q_i (2k+q)·A)/2m - Δ(s - s') A_i ] a_k
      where s, s' = ±1 are the spins of a† and a: the Δ term is
      -iΔ Σ_σ σ A^{-σ} σ^σ (σ^± = σ_x ± iσ_y), a Hermitian operator.  The
      printed (67)-(69) lack the factor σ (the printed J̇ is anti-Hermitian);
      this flips the sign of (70), which the printed "+Im" of (66) compensates
        (with the standard χ = -⟨T J̇ J̇⟩, Im χ^R(ω)/ω ≤ 0, so ρ ≥ 0 needs -Im).
(68)  Dropping the kinetic terms of (67) is *not* justified by A_0 = 0:
      on the energy shell (the δ(ε_{k+q} - ε_k) of (74)) the first kinetic
      term cancels the Δ term exactly and J̇_fi = -i (e/m) q_i V_fi, with
      V_fi = (1/m)(k + q/2)·A(q) the matrix element of the coupling (12)
      (:func:`force_vertex_onshell`).  The printed Δ vertex equals this only
      for the longitudinal part of A (A(q) ∥ q: a wall); the transverse part
      of a two-dimensional texture and the spin-conserving A^z channel are
      missing ("corrected" vertex of :func:`mori_resistivity`).
(70)-(72) the Matsubara sum (1/β)Σ_n G(k+q, iω_n + iν, -σ) G(k, iω_n, σ)
      = [f(ε_a) - f(ε_b)]/(ε_a - ε_b - iν)   (:func:`matsubara_pair_sum`).
(73)-(74) iν → ω + i0, (1/ω) Im → -π δ(ε_b) δ(ε_a - ε_b):
      ρ_S = (4πΔ²/e²n²) (1/V) Σ_{kqσ} |A_z^σ(q)|² δ(ε_{k+q,-σ} - ε_{kσ}) δ(ε_{kσ}).
(75)  (1/V)Σ_k δ δ = ν_σ m/(2 k_Fσ q) θ_st(q) = m² θ_st(q)/(4π² q), the same for
      both σ (:func:`spin_flip_phase_space`).
(77)  ρ_ij^ad = (n₊ - n₋)/(2 e² n² V) ∫ e_s·(∂_i e_s × ∂_j e_s) = 2π(n₊ - n₋) Φ_ij/(e² n² V)
      (:func:`topological_hall_resistivity`): *unit* vectors e_s (the printed S²
      is spurious), the printed second line is a factor 2 short, and the
      polarisation in the printed last form is P = (n₊ - n₋)/n.  The sign
      (E_i = ρ_ij j_j) agrees with the ordinary Hall effect of the emergent
      field b = ∇ × A^z acting on the two bands (charge coupling -σ b).
(58), (78) momentum balance: the force on the (pinned) texture is the
      reaction to the field that the texture adds, F = e N_e E = e N_e ρ j,
      i.e. F_j = e N_e Σ_i ρ_ji j_i (:func:`reaction_force`); the printed (78)
      lacks V (N_e = nV, not n), its first line has a spurious factor 2, and
      its index order Σ_i j_i ρ_ij flips the sign of the Hall part.

What is in this module
----------------------
* :func:`spin_flip_phase_space`, :func:`spin_conserving_phase_space` (75) and
  the independent broadened evaluation :func:`phase_space_broadened`;
* :func:`matsubara_pair_sum` (72), closed form and direct summation;
* :func:`force_vertex_onshell` the printed and the corrected J̇ matrix elements;
* :func:`gauge_field_fourier`, :func:`mori_resistivity`,
  :func:`mori_resistivity_from_gauge`, :func:`mori_resistivity_from_fourier`:
  ρ_S of (74) (and the corrected tensor) for any texture on a 1D/2D/3D grid,
  or for given Fourier amplitudes;
* :func:`tanh_wall_area_resistance` the closed form for a tanh wall
  (mistracking + spin-flip reflection), its integrand
  :func:`tanh_wall_resistance_integrand`, :func:`tanh_wall_area_resistance_asymptotic`,
  and the independent golden-rule sum over the modes of a wire
  :func:`tanh_wall_area_resistance_wire_sum`;
* :func:`topological_hall_resistivity`, :func:`hall_resistivity_momentum_sum` (77);
  :func:`drude_resistivity` and the Hall current ratio (98) :func:`hall_current_ratio`;
* :func:`landauer_resistance`, :func:`landauer_reflection` (text after 75);
* :func:`eq76_force` (76) and :func:`reaction_force` (58), (78);
* :func:`resistivity_unit_si`.
"""

from __future__ import annotations

import numpy as np
from scipy import integrate, special

from ._validation import (
    as_finite_array,
    check_choice,
    check_in_range,
    check_nonnegative,
    check_positive,
    check_same_shape,
    check_spacing,
    check_unit_vectors,
    check_zeta,
)
from .electron_gas import (
    densities,
    exchange_splitting,
    fermi_wavevectors,
    total_density,
)
from .gauge import gauge_field, tanh_wall_gauge_spectrum, tanh_wall_window_integral
from .response import stoner_window
from .scattering import born_tanh_wall, rosen_zener_mistracking
from .units import ReducedUnits

__all__ = [
    "resistivity_unit_si",
    "mori_prefactor",
    "spin_flip_phase_space",
    "spin_conserving_phase_space",
    "phase_space_broadened",
    "matsubara_pair_sum",
    "force_vertex_onshell",
    "gauge_field_fourier",
    "mori_resistivity_from_fourier",
    "mori_resistivity_from_gauge",
    "mori_resistivity",
    "mori_resistivity_from_field",
    "tanh_wall_resistance_integrand",
    "tanh_wall_area_resistance",
    "tanh_wall_area_resistance_wire_sum",
    "tanh_wall_area_resistance_asymptotic",
    "topological_hall_resistivity",
    "drude_resistivity",
    "hall_current_ratio",
    "hall_resistivity_momentum_sum",
    "landauer_resistance",
    "landauer_reflection",
    "eq76_force",
    "reaction_force",
]

_VERTICES = ("paper", "corrected")
_CHANNELS = ("all", "spin_flip", "spin_conserving")
_PROCESSES = ("all", "mistracking", "reflection")


# --------------------------------------------------------------------------
# units
# --------------------------------------------------------------------------
def resistivity_unit_si(fermi_wavevector) -> float:
    """The unit of resistivity of this module, ħ/(e² k_F), in Ω m.

    :attr:`spinlib.units.ReducedUnits.resistivity` for this k_F.

    Parameters
    ----------
    fermi_wavevector : float
        k_F in 1/m (> 0).

    Examples
    --------
    ħ/e² = 4108.24 Ω; for k_F = 1.2 Å⁻¹ the unit is 34.2 μΩ cm:

    >>> round(resistivity_unit_si(1.2e10) * 1e8, 3)  # in μΩ cm
    34.235
    """
    return ReducedUnits(fermi_wavevector).resistivity


def mori_prefactor(zeta) -> np.ndarray:
    """The prefactor 4πΔ²/(e² n²) of eq. (74), reduced units (ħ = m = k_F = e = 1).

    With ħ = m = k_F = e = 1: 4π ζ² / n², n = :func:`spinlib.electron_gas.total_density`.

    Examples
    --------
    >>> import numpy as np
    >>> n = ((1.3) ** 3 + 0.7 ** 3) / (6 * np.pi**2)
    >>> bool(np.isclose(mori_prefactor(0.3), 4 * np.pi * 0.09 / n**2))
    True
    """
    z = check_zeta(zeta)
    return 4.0 * np.pi * exchange_splitting(z) ** 2 / total_density(z) ** 2


# --------------------------------------------------------------------------
# eq. (75) and its spin-conserving partner
# --------------------------------------------------------------------------
def spin_flip_phase_space(q, zeta) -> np.ndarray:
    """The k-sum (75): (1/V) Σ_k δ(ε_{k+q,-σ} - ε_{kσ}) δ(ε_{kσ}) = θ_st(q)/(4π² q).

    δ(ε_{kσ}) fixes |k| = k_Fσ (density of states ν_σ = m k_Fσ/2π²); the
    angular δ gives m/(2 k_Fσ q) inside the window |q²/2m + 2σΔ| ≤ k_Fσ q/m,
    which for both σ is the Stoner window k_F+ - k_F- ≤ q ≤ k_F+ + k_F- of
    eq. (39).  So the printed ν_σ m/(2k_Fσ q) θ_st(q) is right, and equals
    m²θ_st(q)/(4π²q) for *both* spins.  Verified against a two-dimensional
    quadrature of the broadened double δ-function (``tests/test_resistivity.py``).

    Parameters
    ----------
    q : array_like
        |q| in units of k_F, >= 0 (note: *not* q̃ = q/2k_F).
    zeta : array_like
        Polarisation, 0 < ζ < 1.

    Returns
    -------
    numpy.ndarray
        In units of m²/ħ⁴ × k_F⁻¹ (reduced: k_F⁻¹); 0 outside the window,
        finite everywhere (0 at q = 0).

    Examples
    --------
    >>> import numpy as np
    >>> float(spin_flip_phase_space(1.0, 0.3) * 4 * np.pi**2)
    1.0
    >>> float(spin_flip_phase_space(0.5, 0.3))
    0.0
    """
    q = check_nonnegative(q, "q")
    z = check_zeta(zeta)
    window = stoner_window(np.asarray(q) / 2.0, z)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(window > 0, window / (4.0 * np.pi**2 * np.where(q > 0, q, 1.0)), 0.0)
    return out[()] if np.ndim(out) == 0 else out


def spin_conserving_phase_space(q, zeta, sigma: int) -> np.ndarray:
    """(1/V) Σ_k δ(ε_{k+q,σ} - ε_{kσ}) δ(ε_{kσ}) = θ(2k_Fσ - q)/(4π² q).

    The intraband partner of (75), needed for the spin-conserving (A^z)
    channel of the corrected Mori resistivity; on the shell k·q = -q²/2.

    Parameters
    ----------
    q : array_like
        |q| (units of k_F), >= 0.
    zeta : array_like
        0 < ζ < 1.
    sigma : {+1, -1}
        Band (majority +1, minority -1).

    Examples
    --------
    >>> import numpy as np
    >>> float(spin_conserving_phase_space(1.0, 0.3, -1) * 4 * np.pi**2)
    1.0
    >>> float(spin_conserving_phase_space(1.5, 0.3, -1))
    0.0
    """
    q = check_nonnegative(q, "q")
    kp, km = fermi_wavevectors(zeta)
    if sigma not in (1, -1) or isinstance(sigma, bool):
        raise ValueError(f"sigma must be +1 or -1; got {sigma!r}")
    k_sigma = kp if sigma == 1 else km
    inside = (q > 0) & (q <= 2.0 * k_sigma)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(inside, 1.0 / (4.0 * np.pi**2 * np.where(q > 0, q, 1.0)), 0.0)
    return out[()] if np.ndim(out) == 0 else out


def phase_space_broadened(q, zeta, sigma: int, *, intraband: bool = False, width: float = 2e-3,
                          nodes: int = 60) -> np.ndarray:
    """The k-sum (75) with both δ-functions broadened into Gaussians of width η, numerically.

    An independent evaluation for checking :func:`spin_flip_phase_space` (and,
    with ``intraband=True``, :func:`spin_conserving_phase_space`): the angular
    integral of δ_η(k q μ + c) over μ ∈ [-1, 1] is done exactly (error
    functions), the radial one over ε = k²/2 - k_Fσ²/2 by Gauss-Hermite
    quadrature against δ_η(ε) (k² dk = k dε).  It knows nothing about the
    Stoner window: θ_st emerges from the erf's.  Converges to the closed form
    as O(η²) inside the window.

    Parameters
    ----------
    q : array_like
        |q| > 0 (units k_F).
    zeta : float
    sigma : {+1, -1}
    intraband : bool
        δ(ε_{k+q,σ} - ε_{kσ}) instead of the spin flip.
    width : float
        η > 0 (units ħ²k_F²/m).
    nodes : int
        Gauss-Hermite nodes (>= 10).

    Examples
    --------
    >>> import numpy as np
    >>> bool(np.isclose(phase_space_broadened(1.0, 0.3, 1), spin_flip_phase_space(1.0, 0.3), rtol=1e-6))
    True
    """
    q = check_positive(q, "q")
    z = float(check_zeta(zeta))
    eta = float(check_positive(width, "width"))
    if sigma not in (1, -1) or isinstance(sigma, bool):
        raise ValueError(f"sigma must be +1 or -1; got {sigma!r}")
    if isinstance(nodes, bool) or not isinstance(nodes, int | np.integer) or nodes < 10:
        raise ValueError(f"nodes must be an integer >= 10; got {nodes!r}")
    kp, km = (float(k) for k in fermi_wavevectors(z))
    ks = kp if sigma == 1 else km
    c = q**2 / 2 + (0.0 if intraband else 2 * sigma * float(exchange_splitting(z)))
    x, w = np.polynomial.hermite_e.hermegauss(int(nodes))  # weight e^{-x²/2}
    k = np.sqrt(np.clip(ks**2 + 2 * eta * x, 0.0, None))[:, None]
    qq, cc = np.atleast_1d(q)[None, :], np.atleast_1d(c)[None, :]
    s2 = np.sqrt(2.0) * eta
    with np.errstate(divide="ignore", invalid="ignore"):
        over_mu = np.where(k > 0, (special.erf((k * qq + cc) / s2) - special.erf((cc - k * qq) / s2))
                           / (4 * np.where(k > 0, k, 1.0) * qq), 0.0)  # fmt: skip
    out = np.sum(w[:, None] * k * over_mu, axis=0) / (np.sqrt(2 * np.pi) * 2 * np.pi**2)
    return out[0] if np.ndim(q) == 0 else out


# --------------------------------------------------------------------------
# eqs. (70)-(72): the Matsubara sum
# --------------------------------------------------------------------------
def _fermi(eps, beta):
    return special.expit(-beta * np.asarray(eps, dtype=float))


def matsubara_pair_sum(eps_a, eps_b, nu_index: int, beta, method: str = "closed", n_max: int = 200000):
    """(1/β) Σ_n G_a(iω_n + iν_ℓ) G_b(iω_n) of eqs. (70)-(72), G_x(iω) = 1/(iω - ε_x).

    Closed form (72): [f(ε_a) - f(ε_b)]/(ε_a - ε_b - iν_ℓ), ν_ℓ = 2πℓ/β; at
    ε_a = ε_b and ℓ = 0 the limit f'(ε_a).  ``method="direct"`` sums the
    fermionic frequencies ω_n = π(2n + 1)/β, -n_max ≤ n < n_max, directly and adds
    the tail beyond them (the terms fall as -1/ω_n²; that leading term is
    summed exactly with the trigamma function, the next ones cancel between
    ±ω_n up to O(n_max⁻³)), so that the two methods are independent.

    Parameters
    ----------
    eps_a, eps_b : float
        Real energies (units ħ²k_F²/m).
    nu_index : int
        ℓ of the bosonic frequency ν_ℓ = 2πℓ/β.
    beta : float
        Inverse temperature > 0.
    method : {"closed", "direct"}
    n_max : int
        Truncation of the direct sum (>= 10).

    Returns
    -------
    complex

    Examples
    --------
    >>> a = matsubara_pair_sum(0.3, -0.2, 2, 20.0)
    >>> b = matsubara_pair_sum(0.3, -0.2, 2, 20.0, method="direct")
    >>> bool(abs(a - b) < 1e-9)
    True
    """
    check_choice(method, "method", ["closed", "direct"])
    ea = float(as_finite_array(eps_a, "eps_a"))
    eb = float(as_finite_array(eps_b, "eps_b"))
    beta = float(check_positive(beta, "beta"))
    if isinstance(nu_index, bool) or not isinstance(nu_index, int | np.integer):
        raise ValueError(f"nu_index must be an integer; got {nu_index!r}")
    nu = 2.0 * np.pi * int(nu_index) / beta
    if method == "closed":
        if nu_index == 0 and abs(ea - eb) < 1e-12 * max(1.0, abs(ea)):
            f = _fermi(ea, beta)
            return complex(-beta * f * (1.0 - f))
        return complex((_fermi(ea, beta) - _fermi(eb, beta)) / (ea - eb - 1j * nu))
    if isinstance(n_max, bool) or not isinstance(n_max, int | np.integer) or n_max < 10:
        raise ValueError(f"n_max must be an integer >= 10; got {n_max!r}")
    n = np.arange(-n_max, n_max)
    w = np.pi * (2 * n + 1) / beta
    terms = 1.0 / ((1j * (w + nu) - ea) * (1j * w - eb))
    total = terms.sum() / beta
    # tail |n| >= n_max on both sides: term ≈ -1/ω², Σ_{n ≥ N} 1/ω_n² = β²/(4π²) ψ'(N + 1/2)
    tail = -2.0 * (beta**2 / (4.0 * np.pi**2)) * special.polygamma(1, n_max + 0.5) / beta
    return complex(total + tail)


# --------------------------------------------------------------------------
# eqs. (67)-(68): the force vertex on the energy shell
# --------------------------------------------------------------------------
def force_vertex_onshell(k, q, A_flip, zeta, sigma: int, vertex: str = "corrected"):
    """Matrix element (m/e) ⟨k+q, -σ| J̇_i |k, σ⟩ of the force operator, eqs. (67)-(68).

    ``"paper"``: the Δ term kept in (68), 2iΔ σ-sign × A_i^σ(q) — in modulus
    2Δ|A_i^σ|, the vertex of (74).  ``"corrected"``: the full first-order
    J̇ of (67) between plane waves, which on the shell
    ε_{k+q,-σ} = ε_{kσ} is -i q_i (k + q/2)·A^σ(q) (with m = 1), because
    there q·(k + q/2) = -2σΔ, so that the first kinetic term
    i q·(k + q/2) A_i^σ cancels the Δ term 2iσΔ A_i^σ exactly (module docstring).  This function evaluates *both*
    off the shell as well (``"full"``), so that the tests can show that
    full = corrected on the shell and full = paper only for A ∥ q.

    Parameters
    ----------
    k, q : array_like, shape (3,)
        Initial wave-vector and momentum transfer.
    A_flip : array_like, shape (3,), complex
        A^σ(q), the spatial vector of the spin-flip amplitude for initial
        spin σ (A^+ for σ = +1).
    zeta : float
    sigma : {+1, -1}
    vertex : {"paper", "corrected", "full"}

    Returns
    -------
    numpy.ndarray, shape (3,), complex
        The vector (m/e) J̇_fi (units: reduced).
    """
    check_choice(vertex, "vertex", ["paper", "corrected", "full"])
    k = as_finite_array(k, "k")
    q = as_finite_array(q, "q")
    a = as_finite_array(A_flip, "A_flip", dtype=complex)
    if k.shape != (3,) or q.shape != (3,) or a.shape != (3,):
        raise ValueError("k, q and A_flip must be 3-vectors")
    if sigma not in (1, -1) or isinstance(sigma, bool):
        raise ValueError(f"sigma must be +1 or -1; got {sigma!r}")
    delta = float(exchange_splitting(zeta))
    # spins (s, s') of (a†, a): final -σ, initial σ, so -Δ(s - s') = 2σΔ
    delta_term = 1j * (2.0 * sigma * delta) * a
    if vertex == "paper":
        return delta_term
    kin1 = 1j * 0.5 * np.dot(2 * k + q, q) * a
    kin2 = -1j * 0.5 * q * np.dot(2 * k + q, a)
    if vertex == "corrected":
        return kin2
    return kin1 + kin2 + delta_term


def _spin_flip_ring_weight(q, a_long2, a_trans2, zeta: float, sigma: int) -> np.ndarray:
    """q²⟨|(k + q/2)·A|²⟩ over the on-shell ring of the spin flip k,σ → k+q,-σ: the corrected vertex squared.

    The one place of the ring kernel of :func:`mori_resistivity_from_fourier`
    (and of the angle-averaged vortex formulas of :mod:`spinlib.vortex`).  On
    the ring |k| = k_Fσ and k·q̂ = k_∥ = -(q/2 + 2σΔ/q) (energy conservation,
    q·(k + q/2) = -2σΔ), so (k + q/2)·q̂ = -2σΔ/q and the transverse part k_⊥
    (k_⊥² = k_Fσ² - k_∥²) averages to ⟨(k_⊥·A_T)(k_⊥·A_T)*⟩ = k_⊥²|A_T|²/2:

        q²⟨|(k + q/2)·A|²⟩ = 4Δ²|q̂·A|² + q² k_⊥² |A_T|²/2      (A_T = A - q̂(q̂·A)).

    ``a_long2`` = |q̂·A|², ``a_trans2`` = |A_T|² (arrays broadcasting with
    ``q``); k_⊥² is clipped at 0 outside the Stoner window (where the phase
    space (75) vanishes).  Checked against a numerical ring average of
    :func:`force_vertex_onshell` in ``tests/test_resistivity.py``.
    """
    delta = float(exchange_splitting(zeta))
    kp, km = (float(k) for k in fermi_wavevectors(zeta))
    k_sigma = kp if sigma == 1 else km
    q = np.asarray(q, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        inv_q = np.where(q > 0, 1.0 / np.where(q > 0, q, 1.0), 0.0)
    k_par = -(q / 2 + 2 * sigma * delta * inv_q)
    k_perp2 = np.clip(k_sigma**2 - k_par**2, 0.0, None)
    return 4 * delta**2 * a_long2 + q**2 * k_perp2 * a_trans2 / 2


def _spin_conserving_ring_weight(q, az_trans2, zeta: float, sigma: int) -> np.ndarray:
    """q²⟨|(k + q/2)·A^z|²⟩ over the intraband ring k,σ → k+q,σ: q² (k_Fσ² - q²/4) |A_T^z|²/2.

    On the shell k·q̂ = -q/2, so (k + q/2)·q̂ = 0: only the transverse part
    A_T^z of the emergent vector potential scatters (the Δ term of (67) is
    absent between equal spins).  Clipped at 0 for q > 2k_Fσ.
    """
    kp, km = (float(k) for k in fermi_wavevectors(zeta))
    k_sigma = kp if sigma == 1 else km
    q = np.asarray(q, dtype=float)
    return q**2 * np.clip(k_sigma**2 - q**2 / 4, 0.0, None) * az_trans2 / 2


# --------------------------------------------------------------------------
# Fourier transform of the gauge field on a grid
# --------------------------------------------------------------------------
def _check_gauge_array(A, ndim_name="A"):
    A = as_finite_array(A, ndim_name)
    if A.ndim < 3 or A.shape[1] != 3 or A.shape[0] != A.ndim - 2:
        raise ValueError(
            f"{ndim_name} must have shape (ndim, 3, *grid) with ndim = len(grid); got {A.shape}"
        )
    if not 1 <= A.shape[0] <= 3:
        raise ValueError(f"{ndim_name} must live on a 1D, 2D or 3D grid; got {A.shape}")
    return A


def gauge_field_fourier(A, spacing):
    """A^+(q), A^-(q), A^z(q) and the q-vectors on the FFT grid of a periodic box.

    A(q) = (1/V) ∫_box d^dx e^{-iq·x} A(x) (the module's normalisation),
    q = 2π n/L per axis (``numpy.fft.fftfreq`` order).

    Parameters
    ----------
    A : array_like, shape (d, 3, *grid)
        Real gauge field A[i, a] (:func:`spinlib.gauge.gauge_field`).
    spacing : float or sequence of float
        Grid spacing(s) > 0 (units 1/k_F).

    Returns
    -------
    A_plus, A_minus, A_z : numpy.ndarray, shape (d, *grid), complex
    qvec : numpy.ndarray, shape (d, *grid)
        Wave-vectors (units k_F).
    """
    A = _check_gauge_array(A)
    d = A.shape[0]
    grid = A.shape[2:]
    h = check_spacing(spacing, d)
    axes = tuple(range(1, d + 1))
    size = float(np.prod(grid))
    a_plus = np.fft.fftn(A[:, 0] + 1j * A[:, 1], axes=axes) / size
    a_minus = np.fft.fftn(A[:, 0] - 1j * A[:, 1], axes=axes) / size
    a_z = np.fft.fftn(A[:, 2].astype(complex), axes=axes) / size
    freqs = [2.0 * np.pi * np.fft.fftfreq(n, hk) for n, hk in zip(grid, h)]
    qvec = np.stack(np.meshgrid(*freqs, indexing="ij"), axis=0)
    return a_plus, a_minus, a_z, qvec


def mori_resistivity_from_fourier(
    qvec, a_plus, a_minus, a_z, zeta, *, weights=None, vertex: str = "paper", channel: str = "all"
) -> np.ndarray:
    """The q-sum of the Mori resistivity for given Fourier amplitudes A^±(q), A^z(q).

    ``vertex="paper"`` is eq. (74) (the symmetric part of (73)) as printed:

        ρ_ij = (4πΔ²/e²n²) Σ_q w_q Σ_σ Re[A_i^σ(q) A_j^σ(q)*] K(q),   K = θ_st(q)/(4π²q)  (75).

    ``vertex="corrected"`` uses the full on-shell force vertex -i q_i V_fi of
    (67) (module docstring) and adds the spin-conserving channel:

        spin flip:        (π/e²n²) Σ_{qσ} w_q q̂_i q̂_j K(q) [4Δ²|q̂·A^σ|² + q² k_⊥σ² |A_T^σ|²/2],
        spin conserving:  (π/e²n²) Σ_{qσ} w_q q̂_i q̂_j K_σ(q) q² (k_Fσ² - q²/4) |A_T^z|²/2,

    with A_T = A - q̂(q̂·A), k_⊥σ² = k_Fσ² - (q/2 + 2σΔ/q)² on the spin-flip
    ring and K_σ of :func:`spin_conserving_phase_space`.  The two vertices
    agree when A(q) ∥ q (a one-dimensional texture, e.g. a wall).

    Parameters
    ----------
    qvec : array_like, shape (d, nq)
        Wave-vectors (units k_F), d = 1, 2 or 3 spatial components.
    a_plus, a_minus, a_z : array_like, shape (d, nq), complex
        A^+(q), A^-(q), A^z(q) in the normalisation of the module docstring
        (A(q) = (1/V)∫ e^{-iq·x} A; for a periodic box, :func:`gauge_field_fourier`).
    zeta : float
        0 < ζ < 1.
    weights : array_like, shape (nq,), optional
        w_q (default 1: a plain sum over the q of a periodic box; for a
        continuum integral pass V d^dq/(2π)^d).
    vertex : {"paper", "corrected"}
    channel : {"all", "spin_flip", "spin_conserving"}
        The paper has the spin-flip channel only.

    Returns
    -------
    numpy.ndarray, shape (d, d)
        Symmetric ρ_ij in units of ħ/(e² k_F).
    """
    check_choice(vertex, "vertex", _VERTICES)
    check_choice(channel, "channel", _CHANNELS)
    if vertex == "paper" and channel == "spin_conserving":
        raise ValueError("channel='spin_conserving' needs vertex='corrected' (eq. 74 has no such channel)")
    z = float(check_zeta(zeta))
    qvec = as_finite_array(qvec, "qvec")
    a_plus = as_finite_array(a_plus, "a_plus", dtype=complex)
    a_minus = as_finite_array(a_minus, "a_minus", dtype=complex)
    a_z = as_finite_array(a_z, "a_z", dtype=complex)
    if qvec.ndim != 2 or not 1 <= qvec.shape[0] <= 3:
        raise ValueError(f"qvec must have shape (d, nq) with d in 1..3; got {qvec.shape}")
    check_same_shape(qvec=qvec, a_plus=a_plus, a_minus=a_minus, a_z=a_z)
    w = np.ones(qvec.shape[1]) if weights is None else as_finite_array(weights, "weights")
    if w.shape != (qvec.shape[1],):
        raise ValueError(f"weights must have shape ({qvec.shape[1]},); got {w.shape}")
    d = qvec.shape[0]
    qabs = np.sqrt(np.sum(qvec**2, axis=0))
    n = float(total_density(z))
    kflip = spin_flip_phase_space(qabs, z) * w
    rho = np.zeros((d, d))
    if vertex == "paper":
        for amp in (a_plus, a_minus):
            rho += ((amp * kflip) @ amp.conj().T).real
        return mori_prefactor(z) * rho
    with np.errstate(divide="ignore", invalid="ignore"):
        qhat = np.where(qabs > 0, qvec / np.where(qabs > 0, qabs, 1.0), 0.0)

    def long_trans(amp):
        a_long2 = np.abs(np.sum(qhat * amp, axis=0)) ** 2
        return a_long2, np.clip(np.sum(np.abs(amp) ** 2, axis=0) - a_long2, 0.0, None)

    if channel in ("all", "spin_flip"):
        for amp, sigma in ((a_plus, 1), (a_minus, -1)):
            weight = kflip * _spin_flip_ring_weight(qabs, *long_trans(amp), z, sigma)
            rho += (qhat * weight) @ qhat.T
    if channel in ("all", "spin_conserving"):
        _, az_trans2 = long_trans(a_z)
        for sigma in (1, -1):
            ksc = spin_conserving_phase_space(qabs, z, sigma) * w
            weight = ksc * _spin_conserving_ring_weight(qabs, az_trans2, z, sigma)
            rho += (qhat * weight) @ qhat.T
    return np.pi / n**2 * rho


def mori_resistivity_from_gauge(
    A, spacing, zeta, *, vertex: str = "paper", channel: str = "all"
) -> np.ndarray:
    """Mori resistivity tensor ρ_S,ij of a texture from its gauge field on a periodic grid.

    The Fourier amplitudes of :func:`gauge_field_fourier` inserted in
    :func:`mori_resistivity_from_fourier` (formulas, vertices, channels there).
    The grid is the sample: a box of volume V = Π N_i h_i (times the
    cross-section along axes the grid does not have, which cancels), with
    periodic boundary conditions; the texture is uniform along missing axes
    (a 1D grid is a wall in a wire, a 2D grid a film).

    Parameters
    ----------
    A : array_like, shape (d, 3, *grid)
        Gauge field (:func:`spinlib.gauge.gauge_field`), units k_F.
    spacing : float or sequence of float
        Grid spacing(s) > 0, units 1/k_F.
    zeta : float
        0 < ζ < 1.
    vertex : {"paper", "corrected"}
    channel : {"all", "spin_flip", "spin_conserving"}

    Returns
    -------
    numpy.ndarray, shape (d, d)
        Symmetric ρ_S,ij in units of ħ/(e² k_F); i, j run over the grid axes.
    """
    a_plus, a_minus, a_z, qvec = gauge_field_fourier(A, spacing)
    d = qvec.shape[0]
    flat = [v.reshape(d, -1) for v in (qvec, a_plus, a_minus, a_z)]
    return mori_resistivity_from_fourier(*flat, zeta, vertex=vertex, channel=channel)


def mori_resistivity(
    theta, phi, spacing, zeta, *, vertex: str = "paper", channel: str = "all"
) -> np.ndarray:
    """Mori resistivity tensor ρ_S,ij of eq. (74) of a texture θ(x), φ(x) on a grid.

    The gauge field A = m × ∂m of eq. (11) is computed by
    :func:`spinlib.gauge.gauge_field` (second-order differences) and
    Fourier transformed over the periodic box (see
    :func:`mori_resistivity_from_gauge` for the formulas, the vertices and the
    normalisation).  The gauge (8) is singular where θ = π and φ varies (a
    core-down vortex): the lowest-order theory is not gauge invariant under
    that singular gauge change, so rotate such textures to core up first
    (a global spin rotation together with a mirror is a symmetry of ρ).

    Parameters
    ----------
    theta, phi : array_like, shape grid
        Angles of e_s on a 1D, 2D or 3D ``ij`` grid (>= 3 points per axis),
        lengths in units of 1/k_F.
    spacing : float or sequence of float
        Grid spacing(s) > 0 (units 1/k_F); resolve the texture, and
        h < π/(k_F+ + k_F-) = π/2 so that the Stoner window lies inside the
        Brillouin zone of the grid (h < π/(2k_F+) = π/(2(1 + ζ)) with
        ``vertex="corrected"``, whose spin-conserving channel reaches q = 2k_F+).
    zeta : float
        0 < ζ < 1.
    vertex, channel
        See :func:`mori_resistivity_from_fourier`.

    Returns
    -------
    numpy.ndarray, shape (d, d)
        ρ_S,ij in units of ħ/(e² k_F) for the periodic box of the grid (a
        periodic array of textures).  For an isolated texture the discrete
        q = 2πn/L sample the sharp edges of the Stoner window: an O(2π/L)
        relative error (~2 % at L = 400/k_F for a wall of k_Fλ = 1).
        For a wall along a 1D grid of length L, ρ_S L is the area resistance
        R_S A (compare :func:`tanh_wall_area_resistance`).

    Raises
    ------
    ValueError
        NaN/inf, mismatched shapes, a bad spacing or ζ, or a grid too coarse
        for the largest momentum transfer (h ≥ π/2, or h ≥ π/(2(1 + ζ)) for the
        corrected vertex with its spin-conserving channel).

    Examples
    --------
    A tanh wall of width k_Fλ = 1 in a box of length L = 320/k_F: ρ_S L is
    close to the closed form of the isolated wall (the box discretises q in
    steps 2π/L, an O(2π/L) error at the sharp edges of the Stoner window,
    1-2 % at this L), and the two vertices agree for a wall:

    >>> import numpy as np
    >>> from spinlib.textures import domain_wall_angles
    >>> x = np.arange(-1600, 1600) * 0.1
    >>> rho = mori_resistivity(*domain_wall_angles(x, 1.0), 0.1, 0.3)
    >>> rho_c = mori_resistivity(*domain_wall_angles(x, 1.0), 0.1, 0.3, vertex="corrected")
    >>> ratio = rho[0, 0] * 320.0 / tanh_wall_area_resistance(1.0, 0.3)
    >>> bool(abs(ratio - 1) < 3e-2), bool(np.allclose(rho, rho_c, rtol=1e-12))
    (True, True)
    """
    theta = as_finite_array(theta, "theta")
    phi = as_finite_array(phi, "phi")
    check_same_shape(theta=theta, phi=phi)
    if not 1 <= theta.ndim <= 3:
        raise ValueError(f"theta and phi must be 1D, 2D or 3D grids; got ndim={theta.ndim}")
    h = check_spacing(spacing, theta.ndim)
    check_choice(vertex, "vertex", _VERTICES)
    check_choice(channel, "channel", _CHANNELS)
    z = float(check_zeta(zeta))
    # the largest momentum transfer must lie inside the Brillouin zone |q_i| < π/h_i of the grid:
    # q <= k_F+ + k_F- = 2 (Stoner window), or q <= 2k_F+ = 2(1 + ζ) with the spin-conserving channel
    if vertex == "corrected" and channel in ("all", "spin_conserving"):
        q_max, what = 2.0 * float(fermi_wavevectors(z)[0]), "2 k_F+ of the spin-conserving channel"
    else:
        q_max, what = 2.0, "the Stoner window q <= 2 k_F"
    if max(h) >= np.pi / q_max:
        raise ValueError(
            f"spacing must be < π/{q_max:g} = {np.pi / q_max:.4g} (in 1/k_F) so that {what} lies "
            f"inside the grid's Brillouin zone; got {max(h):g}"
        )
    A = gauge_field(theta, phi, h)
    return mori_resistivity_from_gauge(A, h, zeta, vertex=vertex, channel=channel)


def mori_resistivity_from_field(m, spacing, zeta, *, vertex: str = "paper", channel: str = "all") -> np.ndarray:
    """:func:`mori_resistivity` for a texture given as a field of unit vectors e_s, shape (*grid, 3).

    The angles θ = arccos(e_z), φ = atan2(e_y, e_x) are passed to
    :func:`mori_resistivity`.  Where e_s = +e_z the arbitrary φ does not
    matter (m of eq. (8) depends on φ through sin(θ/2) only); where
    e_s = -e_z it does: that is the singular point of the gauge (8).

    Raises
    ------
    ValueError
        If ``m`` is not a finite field of unit vectors (|m| = 1 within 1e-9)
        of shape (*grid, 3) on a 1D-3D grid, or as :func:`mori_resistivity`.

    Examples
    --------
    >>> import numpy as np
    >>> from spinlib.textures import domain_wall_field, make_grid
    >>> (x,) = make_grid(400, 0.1)
    >>> m = domain_wall_field((x,), 1.0)
    >>> a = mori_resistivity_from_field(m, 0.1, 0.3)
    >>> from spinlib.textures import domain_wall_angles
    >>> b = mori_resistivity(*domain_wall_angles(x, 1.0, kind="bloch"), 0.1, 0.3)
    >>> bool(np.allclose(a, b, rtol=1e-10))
    True
    """
    m = check_unit_vectors(m, "m")
    if not 1 <= m.ndim - 1 <= 3:
        raise ValueError(f"m must be a field on a 1D, 2D or 3D grid, shape (*grid, 3); got {m.shape}")
    theta = np.arccos(np.clip(m[..., 2], -1.0, 1.0))
    phi = np.arctan2(m[..., 1], m[..., 0])
    return mori_resistivity(theta, phi, spacing, zeta, vertex=vertex, channel=channel)


# --------------------------------------------------------------------------
# closed form for the tanh wall
# --------------------------------------------------------------------------
def _tanh_wall_prefactor(zeta: float) -> float:
    """(4πΔ²/n²) × 2 × 2/(2π · 4π²) = 2ζ²/(π²n²): ρ_S L = this × ∫ |A^⊥(q)|² dq/q over q > 0.

    From (74)-(75) for a wall along x in a wire of length L: Σ_q → L∫dq/2π,
    A(q) = Â(q)/L, |A^±(q)| = |A^⊥(q)| (A^± = ½e^{±iφ}(±i∂_xθ) for a planar wall),
    both σ, both signs of q, K(q) = 1/(4π²|q|) in the window.
    """
    return 2.0 * zeta**2 / (np.pi**2 * float(total_density(zeta)) ** 2)


def _process_window(process: str, zeta: float) -> tuple[float, float]:
    """The q-range of a spin-flip process of the tanh wall (docstring of :func:`tanh_wall_area_resistance`)."""
    return {"all": (2 * zeta, 2.0), "mistracking": (2 * zeta, 2 * np.sqrt(zeta)),
            "reflection": (2 * np.sqrt(zeta), 2.0)}[process]  # fmt: skip


def tanh_wall_resistance_integrand(q, width, zeta) -> np.ndarray:
    """The integrand of :func:`tanh_wall_area_resistance` in q: (2ζ²/π²n²) |A^⊥(q)|²/q, any q > 0.

    |A^⊥(q)| = (π/2) sech(πqλ/2) is :func:`spinlib.gauge.tanh_wall_gauge_spectrum`;
    the area resistance is its integral over the Stoner window 2ζ ≤ q ≤ 2
    (this function does not apply the window: it is drawn across it in
    notebook 06).

    Parameters
    ----------
    q : array_like
        Momentum transfer > 0 (units k_F).
    width : float
        k_F λ >= 0.
    zeta : float
        0 < ζ < 1.

    Returns
    -------
    numpy.ndarray
        Units ħ/(e² k_F²) per unit q (q in k_F).

    Examples
    --------
    >>> import numpy as np
    >>> q = np.linspace(0.6, 2.0, 2001)
    >>> f = tanh_wall_resistance_integrand(q, 1.0, 0.3)
    >>> trapezoid = float(np.sum((f[1:] + f[:-1]) / 2) * (q[1] - q[0]))
    >>> bool(abs(trapezoid / tanh_wall_area_resistance(1.0, 0.3) - 1) < 1e-6)
    True
    """
    q = check_positive(q, "q")
    z = float(check_zeta(zeta))
    return _tanh_wall_prefactor(z) * tanh_wall_gauge_spectrum(q, width) ** 2 / q


def tanh_wall_area_resistance(width, zeta, process: str = "all") -> np.ndarray:
    """Area resistance R_S A = ρ_S L of a tanh wall from eq. (74), closed form.

    For θ = 2 arctan e^{x/λ} (current along the wall normal), |A^±(q)| equals
    the spectrum |A^⊥(q)| = (π/2) sech(πqλ/2) of
    :func:`spinlib.gauge.tanh_wall_gauge_spectrum` and A(q) ∥ q, so the
    printed and the corrected vertex agree and (74)-(75) give

        ρ_S L = (2ζ²/π²n²) ∫_{2ζ}^{2} |A^⊥(q)|² dq/q = (ζ²/2n²) ∫_{2ζ}^{2} sech²(πqλ/2) dq/q

    (ħ = m = k_F = e = 1; the integral is
    :func:`spinlib.gauge.tanh_wall_window_integral`).

    How (74) applies to a wall of cross-section A_⊥ in a wire of length L
    (V = A_⊥L): the gauge field depends on the normal coordinate only, so
    A(q) = δ_{q_⊥,0} (1/L)∫dx e^{-iq_x x} A(x): only q_⊥ = 0 contributes,
    Σ_q → L∫dq_x/2π, and ρ_S = (4πΔ²/e²n²)(1/L)∫(dq/2π) Σ_σ|Â^σ(q)|² K(|q|)
    (Â unnormalised).  So ρ_S ∝ 1/L and the area resistance
    R_S A_⊥ = ρ_S L does not depend on A_⊥ (the number of channels ∝ A_⊥).

    In a wire each transverse mode k_⊥ < k_F- is a 1D problem with
    k_z± = √(k_F±² - k_⊥²); its spin-flip *transmission* (mistracking,
    q = k_z+ - k_z-) fills 2ζ ≤ q ≤ 2√ζ and its spin-flip *reflection*
    (q = k_z+ + k_z-) fills 2√ζ ≤ q ≤ 2 (``process``; the mode sum is
    :func:`tanh_wall_area_resistance_wire_sum`).  For wide walls the
    mistracking part dominates, ∝ e^{-2πζλ} = e^{-π(k_F+ - k_F-)λ}; the
    reflection part ∝ e^{-2π√ζ λ} = e^{-π√(k_F+² - k_F-²) λ}.

    Parameters
    ----------
    width : array_like
        k_F λ >= 0 (0: the abrupt wall).
    zeta : float
        0 < ζ < 1.
    process : {"all", "mistracking", "reflection"}

    Returns
    -------
    numpy.ndarray
        ρ_S L in units of ħ/(e² k_F²) (float for scalar input).  Underflows to
        0 for ζλ ≳ 110 (value < 1e-300).

    Examples
    --------
    >>> a = tanh_wall_area_resistance(2.0, 0.3)
    >>> b = (tanh_wall_area_resistance(2.0, 0.3, "mistracking")
    ...      + tanh_wall_area_resistance(2.0, 0.3, "reflection"))
    >>> bool(abs(a / b - 1) < 1e-10)
    True
    """
    check_choice(process, "process", _PROCESSES)
    lam = check_nonnegative(width, "width")
    z = float(check_zeta(zeta))
    return _tanh_wall_prefactor(z) * tanh_wall_window_integral(lam, *_process_window(process, z))


def tanh_wall_area_resistance_wire_sum(width, zeta, process: str = "all", mistracking: str = "born") -> float:
    """ρ_S L of a tanh wall from the golden rule over the transverse modes of a wire (not from (74)).

    An evaluation independent of the q-integral of (74)-(75): each mode
    k_⊥ < k_F- is a 1D problem (k_z± = √(k_F±² - k_⊥²), polarisation
    ζ' = (k_z+ - k_z-)/(k_z+ + k_z-), width k̄λ with k̄ = (k_z+ + k_z-)/2) whose
    first-order Born probabilities are :func:`spinlib.scattering.born_tanh_wall`.
    Momentum balance with all electrons drifting at v: each spin-flip
    transmission transfers k_z+ - k_z-, each spin-flip reflection k_z+ + k_z-,
    so F/A = (v/2π) ∫ k_⊥ dk_⊥ (1/π)[P_mis (k_z+ - k_z-)² + P_ref (k_z+ + k_z-)²]
    and ρ_S L = F/(A n² v) (e = 1).  The integral is done in k_⊥ = k_F- sin t
    (the integrand has a square-root edge at grazing incidence k_⊥ → k_F-),
    adaptive quadrature to 1e-11 relative.

    Parameters
    ----------
    width : float
        k_F λ >= 0.
    zeta : float
        0 < ζ < 1.
    process : {"all", "mistracking", "reflection"}
    mistracking : {"born", "rosen_zener"}
        ``"rosen_zener"`` replaces the Born mistracking probability by the
        exact wide-wall value :func:`spinlib.scattering.rosen_zener_mistracking`
        (beyond the first order in A of (74)).

    Returns
    -------
    float
        ρ_S L in units of ħ/(e² k_F²).

    Examples
    --------
    >>> r = tanh_wall_area_resistance_wire_sum(1.0, 0.3) / tanh_wall_area_resistance(1.0, 0.3)
    >>> bool(abs(r - 1) < 1e-7)
    True
    """
    check_choice(process, "process", _PROCESSES)
    check_choice(mistracking, "mistracking", ["born", "rosen_zener"])
    lam = float(check_nonnegative(width, "width"))
    z = float(check_zeta(zeta))
    kp, km = (float(k) for k in fermi_wavevectors(z))
    n = float(total_density(z))

    def integrand(t):
        kperp = km * np.sin(t)
        kzp, kzm = np.sqrt(kp**2 - kperp**2), np.sqrt(km**2 - kperp**2)
        kbar, z_mode = (kzp + kzm) / 2, (kzp - kzm) / (kzp + kzm)
        born = born_tanh_wall(z_mode, kbar * lam)
        out = 0.0
        if process in ("all", "mistracking"):
            p_mis = rosen_zener_mistracking(z_mode, kbar * lam) if mistracking == "rosen_zener" else born["T_mistrack"]
            out += float(p_mis) * (kzp - kzm) ** 2
        if process in ("all", "reflection"):
            out += float(born["R_maj_min"]) * (kzp + kzm) ** 2
        return kperp * out / np.pi * km * np.cos(t)

    val = integrate.quad(integrand, 0.0, np.pi / 2, limit=400, epsabs=0.0, epsrel=1e-11)[0]
    return val / (2 * np.pi * n**2)


def tanh_wall_area_resistance_asymptotic(width, zeta) -> np.ndarray:
    """Wide-wall asymptote of :func:`tanh_wall_area_resistance`: (2ζ²/n²) E₁(2πζλ).

    sech² u ≈ 4e^{-2u} and the upper limit to ∞ give (ζ²/2n²)·4 E₁(2πζλ)
    ≈ (ζ/(π n² λ)) e^{-2πζλ} [1 - 1/(2πζλ) + ...]; relative error
    O(e^{-2πζλ}) + O(e^{-2π(√ζ - ζ)λ}) (the reflection part is dropped).

    Examples
    --------
    >>> import numpy as np
    >>> r = tanh_wall_area_resistance(10.0, 0.3) / tanh_wall_area_resistance_asymptotic(10.0, 0.3)
    >>> bool(abs(r - 1) < 1e-6)
    True
    """
    lam = check_positive(width, "width")
    z = check_zeta(zeta)
    n = total_density(z)
    return 2.0 * z**2 / n**2 * special.exp1(2.0 * np.pi * z * lam)


# --------------------------------------------------------------------------
# eq. (77): the Hall resistivity
# --------------------------------------------------------------------------
def topological_hall_resistivity(vortex_number, area, zeta):
    """Hall resistivity ρ_xy of a film from eq. (77), corrected: 2π(n₊ - n₋) n_v/(e² n² A).

    ρ_ij^ad = (n₊ - n₋)/(2e²n²V) ∫ e_s·(∂_i e_s × ∂_j e_s) d³x with unit
    vectors e_s (the printed S² is spurious); for a film of area A and
    thickness d with Φ_xy = n_v d (eqs. 63-65), ρ_xy = 2π(n₊ - n₋) n_v/(e² n² A)
    = 2π P n_v/(e² n A) with the *density* polarisation P = (n₊ - n₋)/n.
    Sign: E_x = ρ_xy j_y; identical to the two-band Drude Hall effect of the
    emergent field b = ∇ × A^z = 2π × (topological density), coupled to band σ
    with charge -σ (``tests/test_resistivity.py``).

    Parameters
    ----------
    vortex_number : array_like
        n_v = Q of :func:`spinlib.topology.topological_charge` (±1/2 for a
        vortex, ±1 for a skyrmion).
    area : array_like
        Film area A > 0 (units 1/k_F²).
    zeta : float
        0 < ζ < 1.

    Returns
    -------
    numpy.ndarray
        ρ_xy in units of ħ/(e² k_F).

    Examples
    --------
    >>> import numpy as np
    >>> n_p, n_m = (1.3**3 / (6 * np.pi**2), 0.7**3 / (6 * np.pi**2))
    >>> r = topological_hall_resistivity(0.5, 1e4, 0.3)
    >>> bool(np.isclose(r, 2 * np.pi * (n_p - n_m) * 0.5 / ((n_p + n_m) ** 2 * 1e4)))
    True
    """
    nv = as_finite_array(vortex_number, "vortex_number")
    area = check_positive(area, "area")
    n_p, n_m = densities(zeta)
    return 2.0 * np.pi * (n_p - n_m) * nv / ((n_p + n_m) ** 2 * area)


def drude_resistivity(zeta, mean_free_path) -> np.ndarray:
    """Drude resistivity ρ_0 = ħk_F/(n e² ℓ) of the two-band gas (ℓ = v_F τ, one τ for both bands).

    ρ_0 = m/(n e² τ) with τ = ℓ m/(ħk_F) and n = n₊ + n₋ of
    :func:`spinlib.electron_gas.total_density`: in reduced units 1/(n ℓ).  The
    reference for the Hall current ratio (98).

    Parameters
    ----------
    zeta : float
        0 < ζ < 1.
    mean_free_path : array_like
        ℓ > 0 (units 1/k_F).

    Returns
    -------
    numpy.ndarray
        ρ_0 in units of ħ/(e² k_F).

    Examples
    --------
    >>> import numpy as np
    >>> n = (1.3**3 + 0.7**3) / (6 * np.pi**2)
    >>> bool(np.isclose(drude_resistivity(0.3, 50.0), 1 / (n * 50.0)))
    True
    """
    ell = check_positive(mean_free_path, "mean_free_path")
    return 1.0 / (total_density(zeta) * ell)


def hall_current_ratio(polarization, vortex_number, area, mean_free_path) -> np.ndarray:
    """Hall current ratio j_⊥/j_0 = ρ_xy/ρ_0 = 2π P n_v ℓ/(k_F A) of eq. (98), corrected (no S²).

    The ratio of :func:`topological_hall_resistivity`, 2πP n_v ħ/(e² n A),
    to the Drude :func:`drude_resistivity`, ħk_F/(n e² ℓ), for E imposed along
    x (no Hall field): j_y/j_x = ρ_xy/ρ_0 exactly.  P is the *density*
    polarisation (n₊ - n₋)/n (for the free-electron bands
    :func:`spinlib.relaxation.current_polarization_drude`, which equals it).
    The printed (98) carries a spurious S².

    Parameters
    ----------
    polarization : array_like
        P in [-1, 1].
    vortex_number : array_like
        n_v (±1/2 for a vortex, ±1 for a skyrmion), or the number per area A.
    area : array_like
        Film area A > 0 (units 1/k_F²).
    mean_free_path : array_like
        ℓ > 0 (units 1/k_F).

    Returns
    -------
    numpy.ndarray
        Dimensionless.

    Examples
    --------
    One vortex (P = 0.7) in a 100 nm square, ℓ = 5 nm, k_F = 1.2 Å⁻¹ (k_F ℓ = 60, k_F²A = 1.44e6):

    >>> float(hall_current_ratio(0.7, 0.5, 1.44e6, 60.0).round(9))
    9.163e-05
    """
    p = check_in_range(polarization, "polarization", -1.0, 1.0)
    nv = as_finite_array(vortex_number, "vortex_number")
    area = check_positive(area, "area")
    ell = check_positive(mean_free_path, "mean_free_path")
    return 2.0 * np.pi * p * nv * ell / area


def hall_resistivity_momentum_sum(theta, phi, spacing, zeta) -> np.ndarray:
    """Antisymmetric ρ_ij^ad from the momentum sum of eq. (77), second line (corrected).

    ρ_ij^ad = -(2(n₊ - n₋)/e²n²) Σ_q Im[A_i^+(q) A_j^-(-q)]: the q → 0 limit of
    the principal-value part of (73), expanded to O(ω⁰) (the 1/ω terms of
    σ and -σ cancel).  The printed second line has the coefficient
    (n₊ - n₋)/e²n² (a factor 2 short of its own third line).  Evaluated with the
    FFT of :func:`spinlib.gauge.gauge_field` over the periodic box; by
    Parseval and eq. (60) it equals (n₊ - n₋)/(2e²n²V) ∫ e_s·(∂_i e_s × ∂_j e_s),
    i.e. :func:`topological_hall_resistivity`.

    Parameters
    ----------
    theta, phi : array_like, shape grid
        Angles on a 2D or 3D grid (units 1/k_F); the texture should be
        uniform at the box edges (e.g. a skyrmion) so that the periodic box
        is the sample.
    spacing : float or sequence of float
    zeta : float

    Returns
    -------
    numpy.ndarray, shape (d, d)
        Antisymmetric, units ħ/(e² k_F).
    """
    theta = as_finite_array(theta, "theta")
    phi = as_finite_array(phi, "phi")
    check_same_shape(theta=theta, phi=phi)
    if theta.ndim not in (2, 3):
        raise ValueError(f"theta and phi must be 2D or 3D grids; got ndim={theta.ndim}")
    h = check_spacing(spacing, theta.ndim)
    n_p, n_m = (float(v) for v in densities(zeta))
    a_plus, a_minus, _, _ = gauge_field_fourier(gauge_field(theta, phi, h), h)
    # A^-(-q) = conj(A^+(q)) for a real field: Σ_q A_i^+(q) A_j^-(-q) = Σ_q A_i^+ conj(A_j^+)
    d = a_plus.shape[0]
    a_flat = a_plus.reshape(d, -1)
    s = a_flat @ a_flat.conj().T
    rho = -2.0 * (n_p - n_m) / (n_p + n_m) ** 2 * s.imag
    return 0.5 * (rho - rho.T)


# --------------------------------------------------------------------------
# Landauer, eq. (76), momentum balance (58)/(78)
# --------------------------------------------------------------------------
def landauer_resistance(reflection, channels: int = 1):
    """Four-terminal Landauer-Büttiker resistance (πħ/e²) R/((1 - R) N) (text after 75).

    For N equivalent spin-degenerate channels, each with reflection
    probability R (Büttiker et al., Ref. 34); the paper's formula is N = 1.
    Units ħ/e² (reduced); multiply by ħ/e² = 4108.24 Ω for SI.

    Parameters
    ----------
    reflection : array_like
        0 ≤ R < 1.
    channels : int
        N ≥ 1.

    Returns
    -------
    numpy.ndarray
        +inf is never returned: R = 1 is rejected.

    Examples
    --------
    >>> import numpy as np
    >>> bool(np.isclose(landauer_resistance(0.5), np.pi))
    True
    """
    r = check_in_range(reflection, "reflection", 0.0, 1.0, high_open=True)
    if isinstance(channels, bool) or not isinstance(channels, int | np.integer) or channels < 1:
        raise ValueError(f"channels must be an integer >= 1; got {channels!r}")
    return np.pi * r / ((1.0 - r) * channels)


def landauer_reflection(resistance, channels: int = 1):
    """Inverse of :func:`landauer_resistance`: R = N R_S/(π + N R_S) (R_S in units ħ/e²).

    Examples
    --------
    >>> import numpy as np
    >>> bool(np.isclose(landauer_reflection(landauer_resistance(0.2, 3), 3), 0.2))
    True
    """
    rs = check_nonnegative(resistance, "resistance")
    if isinstance(channels, bool) or not isinstance(channels, int | np.integer) or channels < 1:
        raise ValueError(f"channels must be an integer >= 1; got {channels!r}")
    return channels * rs / (np.pi + channels * rs)


def eq76_force(voltage_drop, volume, length, zeta=None):
    """The momentum-transfer form (76) of the reflection force, F = (1/3) e V_S N(0) 2k_F k_F/(mL).

    With N(0) = m k_F V/(2π²ħ²) the density of states *per spin* (the
    printed ħ should be ħ²) and V_S = R_S I = ρ_S L j, (76) is identical to
    (58), F = e N_e ρ_S j with N_e = k_F³ V/3π² (unpolarised gas): checked
    with sympy.  Reduced units (ħ = m = k_F = e = 1); ``zeta`` is accepted
    for symmetry with the other functions but (76) neglects the splitting.

    Parameters
    ----------
    voltage_drop : array_like
        V_S = ρ_S L j (units ħ²k_F²/(m|e|)).
    volume, length : float
        V and L > 0 (units 1/k_F³, 1/k_F).

    Returns
    -------
    numpy.ndarray
        F in units of ħ²k_F³/m, for the carrier charge e = +1 (multiply by
        the sign of e: for electrons F points along the electron flow).
    """
    vs = as_finite_array(voltage_drop, "voltage_drop")
    vol = check_positive(volume, "volume")
    ln = check_positive(length, "length")
    if zeta is not None:
        check_zeta(zeta)
    dos_per_spin = vol / (2.0 * np.pi**2)
    return vs * dos_per_spin * 2.0 / (3.0 * ln)


def reaction_force(rho, drift_velocity, zeta, volume) -> np.ndarray:
    """Force on a pinned texture, F = e N_e ρ j = e² n N_e ρ v, eqs. (58) and (78) corrected.

    Momentum balance of the electrons in a steady state: the texture adds
    the field E_S = ρ j, and the texture feels the reaction F = e N_e E_S
    (N_e = nV electrons).  With j = e n v (v the electron drift velocity)
    F_j = e² n N_e Σ_i ρ_ji v_i is independent of the sign of e: the
    dissipative part pushes the texture *along the electron flow*.  This is
    (58) for ρ_S, and the corrected (78) for the Hall part (the printed (78)
    misses V and has the index order Σ_i j_i ρ_ij, i.e. ρᵀ).

    Parameters
    ----------
    rho : array_like, shape (d, d)
        Resistivity tensor (units ħ/(e² k_F)), e.g. ρ_S + ρ^ad.
    drift_velocity : array_like, shape (d,)
        Electron drift velocity v (units ħk_F/m).
    zeta : float
    volume : float
        Sample volume V > 0 (units 1/k_F³).

    Returns
    -------
    numpy.ndarray, shape (d,)
        F in units of ħk_F × (ħk_F²/m) (reduced force unit ħ²k_F³/m).

    Examples
    --------
    >>> import numpy as np
    >>> F = reaction_force([[2.0, 0.5], [-0.5, 2.0]], [1.0, 0.0], 0.3, 10.0)
    >>> n = ((1.3) ** 3 + 0.7 ** 3) / (6 * np.pi**2)
    >>> bool(np.allclose(F / (n * n * 10.0), [2.0, -0.5]))
    True
    """
    rho = as_finite_array(rho, "rho")
    v = as_finite_array(drift_velocity, "drift_velocity")
    if rho.ndim != 2 or rho.shape[0] != rho.shape[1] or v.shape != (rho.shape[0],):
        raise ValueError(
            f"rho must be a square (d, d) array and drift_velocity a d-vector; got "
            f"{rho.shape} and {v.shape}"
        )
    vol = check_positive(volume, "volume")
    n = float(total_density(zeta))
    return n * (n * vol) * (rho @ v)
