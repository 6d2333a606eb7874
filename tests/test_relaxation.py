"""Spin relaxation, eqs. (79)-(83): rates, α_sf and β_sf against golden-rule numerics.

The references here do not use the closed forms: they build the impurity
vertex u_s S·σ and the exchange-field vertex from explicit 2 x 2 Pauli
matrices, average over an explicit ensemble of impurity spins with the
moments of eq. (80), and integrate numerically:

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

Units ħ = m = k_F = 1, Δ = ζ, band σ = + (index 0) is the majority band
(spin up, energy -Δ).
"""

from __future__ import annotations

import numpy as np
import pytest

from spinlib import relaxation as rl
from spinlib.electron_gas import densities
from spinlib.gauge import PAULI

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
    np.testing.assert_allclose(second, np.diag([sperp2, sperp2, sz2]), atol=1e-14)
    np.testing.assert_allclose(weights @ spins, 0, atol=1e-14)
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
    rl.MagneticImpurities(2e-3, 0.8, 1 / 3, 1 / 3),  # isotropic
    rl.MagneticImpurities(2e-3, 0.8, 1.0, 0.0),  # Ising (along the magnetisation)
    rl.MagneticImpurities(2e-3, -0.8, 0.0, 0.5),  # XY
    rl.MagneticImpurities(1e-3, 1.3, 0.7, 0.1),  # anisotropic
]


# --------------------------------------------------------------------------
# Born rates (79)-(80)
# --------------------------------------------------------------------------
@pytest.mark.parametrize("zeta", [0.2, 0.75])
@pytest.mark.parametrize("imp", IMPURITIES)
def test_born_rates_match_explicit_matrix_elements(zeta, imp):
    num = born_rates_numeric(zeta, imp)
    # 1e-9: the only approximation is the finite-difference DOS (error ~1e-12)
    np.testing.assert_allclose(rl.born_scattering_rates(zeta, imp), num.sum(axis=1), rtol=1e-9)
    np.testing.assert_allclose(
        rl.spin_flip_rates(zeta, imp), [num[0, 1], num[1, 0]], rtol=1e-9, atol=1e-300
    )


def test_isotropic_transverse_rate_is_total_spin_flip_rate():
    imp = IMPURITIES[0]
    for zeta in (0.1, 0.5, 0.9):
        flips = born_rates_numeric(zeta, imp)
        total_flip = flips[0, 1] + flips[1, 0]
        for rate in rl.transverse_relaxation_rates(zeta, imp):
            assert float(rate) == pytest.approx(total_flip, rel=1e-9)


def test_spin_flip_times_are_inverse_rates_and_infinite_without_transverse_spin():
    imp = IMPURITIES[3]
    times = rl.spin_flip_times(0.4, imp)
    rates = rl.spin_flip_rates(0.4, imp)
    for t, r in zip(times, rates):
        assert float(t * r) == pytest.approx(1.0, rel=1e-15)
    assert all(np.isinf(t) for t in rl.spin_flip_times(0.4, IMPURITIES[1]))


# --------------------------------------------------------------------------
# α_sf (82)
# --------------------------------------------------------------------------
@pytest.mark.parametrize("zeta", [0.3, 0.7])
@pytest.mark.parametrize("imp", IMPURITIES)
def test_alpha_sf_is_the_golden_rule_gilbert_damping(zeta, imp):
    n_spin = 0.02
    ref = alpha_golden_rule(zeta, imp, n_spin)
    # 1e-4: the energy denominators and the window carry O(ω/Δ) = O(3e-5) corrections
    assert float(rl.alpha_sf(zeta, imp, n_spin)) == pytest.approx(ref, rel=1e-4)


def test_alpha_sf_printed_bracket_times_a3_over_S():
    """The printed (82) is α_sf × S/a³: its bracket, typed from the paper, times a³/S."""
    zeta, n_spin = 0.45, 0.013
    for imp in IMPURITIES:
        nu_p, nu_m = (1 + zeta) / (2 * np.pi**2), (1 - zeta) / (2 * np.pi**2)
        printed = imp.strength * (
            2 * imp.sz_squared * nu_p * nu_m + imp.sperp_squared * (nu_p**2 + nu_m**2)
        )
        assert float(rl.alpha_sf(zeta, imp, n_spin)) == pytest.approx(printed / n_spin, rel=1e-14)


# --------------------------------------------------------------------------
# β_sf (83)
# --------------------------------------------------------------------------
CURRENTS = [(1.0, 0.3), (1.0, 0.0), (0.2, 1.0), (0.5, 0.45)]


@pytest.mark.parametrize("zeta", [0.3, 0.7])
@pytest.mark.parametrize("imp", IMPURITIES)
@pytest.mark.parametrize("currents", CURRENTS)
def test_beta_sf_is_the_golden_rule_momentum_transfer(zeta, imp, currents):
    jp, jm = currents
    ref = beta_golden_rule(zeta, imp, jp, jm)
    p_j = (jp - jm) / (jp + jm)
    # 1e-6: corrections are O((k_F Q/Δ)²) and O(Q/Δ) relative to the odd part,
    # < 1e-7 for Q = 1e-4; the quadrature is exact to rounding for 16 nodes.
    assert float(rl.beta_sf(zeta, imp, current_polarization=p_j)) == pytest.approx(ref, rel=1e-6)


@pytest.mark.parametrize("zeta", [0.3, 0.7])
def test_printed_band_reading_of_83_disagrees(zeta):
    """(83) with ν_± the band DOS (the paper's notation elsewhere) is not the golden-rule β."""
    imp = IMPURITIES[3]
    jp, jm = 1.0, 0.3
    p_j = (jp - jm) / (jp + jm)
    nu_p, nu_m = (1 + zeta) / (2 * np.pi**2), (1 - zeta) / (2 * np.pi**2)
    sp, sz = imp.sperp_squared, imp.sz_squared
    band_reading = imp.strength / zeta * ((sp + sz) * nu_p + (sp - sz) * nu_m / p_j)
    ref = beta_golden_rule(zeta, imp, jp, jm)
    assert abs(band_reading / ref - 1) > 0.3


def test_isotropic_impurities_zhang_li_relation_exact():
    """S_⊥² = S_z²: β_sf = ħ/(2Δ τ_sf) with 1/τ_sf = Σ_σ 1/τ_sf,σ, for any P_j, ∝ ν₊ + ν₋."""
    imp = IMPURITIES[0]
    for zeta in (0.05, 0.4, 0.95):
        flips = born_rates_numeric(zeta, imp)  # independent Born rates
        expected = (flips[0, 1] + flips[1, 0]) / (2 * zeta)
        b = rl.beta_sf(zeta, imp, current_polarization=[0.1, 0.5, -0.7, 1.0])
        np.testing.assert_allclose(b, expected, rtol=1e-9)
        beta_s, beta_c = rl.beta_sf_components(zeta, imp)
        assert float(beta_c) == 0.0
        nu_sum = (2.0) / (2 * np.pi**2)  # ν₊ + ν₋ = 2 k_F m/2π², independent of ζ
        assert float(beta_s) == pytest.approx(
            imp.strength * 2 * imp.sz_squared * nu_sum / zeta, rel=1e-14
        )


def test_fully_polarised_current_limit():
    """P_j → 1: only the majority band carries current, β_sf = ħ/(2Δ τ_⊥₊)."""
    for imp in IMPURITIES:
        zeta = 0.6
        rate_p, _ = rl.transverse_relaxation_rates(zeta, imp)
        assert float(rl.beta_sf(zeta, imp, 1.0)) == pytest.approx(
            float(rate_p) / (2 * zeta), rel=1e-14
        )
        assert float(rl.beta_sf(zeta, imp, 1.0)) == pytest.approx(
            beta_golden_rule(zeta, imp, 1.0, 0.0), rel=1e-6
        )


def test_alpha_beta_ratio_is_zhang_li_only_to_order_zeta_squared():
    """Isotropic: α/β = (Δ(ν₊+ν₋)/2n_S) = (n₊-n₋)/(2n_S) × 3/(3+ζ²)."""
    imp, n_spin = IMPURITIES[0], 0.05
    for zeta in (1e-3, 0.3, 0.8):
        ratio = rl.alpha_sf(zeta, imp, n_spin) / rl.beta_sf(zeta, imp, 0.5)
        n_p, n_m = densities(zeta)
        zhang_li = (n_p - n_m) / (2 * n_spin)
        assert float(ratio / zhang_li) == pytest.approx(3 / (3 + zeta**2), rel=1e-12)


def test_beta_positive_for_ising_impurities_with_drude_current():
    """Dephasing-only impurities (S_⊥ = 0) give β_sf > 0 for every ζ with the Drude P_j;
    the band reading of the printed (83) turns negative at small ζ."""
    imp = IMPURITIES[1]
    zeta = np.linspace(0.02, 0.98, 49)
    assert np.all(rl.beta_sf(zeta, imp) > 0)
    p_j = rl.current_polarization_drude(zeta)
    nu_p, nu_m = (1 + zeta) / (2 * np.pi**2), (1 - zeta) / (2 * np.pi**2)
    band_reading = imp.strength / zeta * imp.sz_squared * (nu_p - nu_m / p_j)
    assert band_reading[0] < 0


def test_drude_current_polarization():
    zeta = np.array([0.1, 0.5, 0.9])
    n_p, n_m = densities(zeta)
    np.testing.assert_allclose(
        rl.current_polarization_drude(zeta), (n_p - n_m) / (n_p + n_m), rtol=1e-15
    )
    np.testing.assert_allclose(
        rl.current_polarization_drude(zeta), zeta * (3 + zeta**2) / (1 + 3 * zeta**2), rtol=1e-14
    )


def test_beta_charge_current_term_diverges_as_pj_to_zero():
    imp = IMPURITIES[3]
    beta_s, beta_c = rl.beta_sf_components(0.5, imp)
    for p in (1e-3, -1e-3):
        assert float(rl.beta_sf(0.5, imp, p)) == pytest.approx(
            float(beta_s + beta_c / p), rel=1e-14
        )
    assert abs(float(rl.beta_sf(0.5, imp, 1e-6))) > 1e3 * abs(float(rl.beta_sf(0.5, imp, 1.0)))


# --------------------------------------------------------------------------
# validation
# --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: rl.MagneticImpurities(-1e-3, 1.0, 0.1, 0.1), "density"),
        (lambda: rl.MagneticImpurities(1e-3, np.nan, 0.1, 0.1), "coupling"),
        (lambda: rl.MagneticImpurities(1e-3, 1.0, 0.1, -0.1), "sperp_squared"),
        (lambda: rl.alpha_sf(0.5, IMPURITIES[0], 0.0), "local_spin_density"),
        (lambda: rl.alpha_sf(1.0, IMPURITIES[0], 0.1), "zeta"),
        (lambda: rl.alpha_sf(np.nan, IMPURITIES[0], 0.1), "zeta"),
        (lambda: rl.beta_sf(0.5, IMPURITIES[0], 0.0), "current_polarization"),
        (lambda: rl.beta_sf(0.5, IMPURITIES[0], 1.5), "current_polarization"),
        (lambda: rl.born_scattering_rates(0.5, "impurities"), "impurities"),
        (lambda: rl.spin_flip_rates(-0.1, IMPURITIES[0]), "zeta"),
    ],
)
def test_bad_input_raises_naming_the_argument(call, name):
    with pytest.raises(ValueError, match=rf"^{name}\b"):
        call()
