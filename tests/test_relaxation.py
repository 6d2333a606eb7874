"""Spin relaxation, eqs. (79)-(83): rates, α_sf and β_sf against golden-rule numerics.

The references are the independent golden-rule evaluations of
:mod:`spinlib.golden_rule` (explicit 2 x 2 vertices, an explicit impurity
ensemble, numerical energy and angular integrals); they never call the
closed forms of :mod:`spinlib.relaxation`.

Units ħ = m = k_F = 1, Δ = ζ.
"""

from __future__ import annotations

import numpy as np
import pytest

from spinlib import relaxation as rl
from spinlib.electron_gas import densities
from spinlib.golden_rule import (
    IMPURITIES,
    alpha_golden_rule,
    beta_golden_rule,
    born_rates_numeric,
)


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
    band_reading = float(rl.beta_sf_printed_band_reading(zeta, imp, p_j))
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
        # 1/τ_⊥₊ = 4π n_s u_s²[S_z² ν₋ + S_⊥² ν₊] from the explicit Born matrix elements: S_z within the
        # minority band (rate[1, 1] = 2π n_s u_s² S_z² ν₋) and S^± into the majority band
        # (rate[1, 0] = 2π n_s u_s² 2S_⊥² ν₊); 1e-9: the finite-difference DOS of the reference
        born = born_rates_numeric(zeta, imp)
        rate_perp_plus = 2 * born[1, 1] + born[1, 0]
        assert float(rl.beta_sf(zeta, imp, 1.0)) == pytest.approx(rate_perp_plus / (2 * zeta), rel=1e-9)
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
    band_reading = rl.beta_sf_printed_band_reading(zeta, imp)  # with the Drude P_j
    assert band_reading[0] < 0


def test_drude_current_polarization():
    # (k_F+³ - k_F-³)/(k_F+³ + k_F-³) with k_F± = 1 ± ζ, expanded by hand
    zeta = np.array([0.1, 0.5, 0.9])
    np.testing.assert_allclose(
        rl.current_polarization_drude(zeta), zeta * (3 + zeta**2) / (1 + 3 * zeta**2), rtol=1e-14
    )


@pytest.mark.parametrize("imp", IMPURITIES)
def test_beta_components_and_small_pj_against_golden_rule(imp):
    """β_sf j_s = β_s j_s + β_c j: the golden-rule force is linear in (j₊, j₋), so the majority-only
    and minority-only currents give β_s ± β_c; near P_j = 0 the golden rule follows β_s + β_c/P_j.

    Tolerances: β_s to 1e-6 as in test_beta_sf_is_the_golden_rule_momentum_transfer; the golden
    rule fixes β_c to O((Q/Δ)²) ~ 4e-8 of β_s (measured ≤ 1e-8), so 1e-7 |β_s| (also for the
    isotropic β_c = 0); at P_j = ±1e-3 that uncertainty of β_c is divided by P_j.
    """
    zeta = 0.5
    beta_s, beta_c = (float(b) for b in rl.beta_sf_components(zeta, imp))
    majority = beta_golden_rule(zeta, imp, 1.0, 0.0)  # j = j_s: β_s + β_c
    minority = beta_golden_rule(zeta, imp, 0.0, 1.0)  # j = -j_s: β_s - β_c
    assert (majority + minority) / 2 == pytest.approx(beta_s, rel=1e-6)
    assert abs((majority - minority) / 2 - beta_c) < 1e-7 * abs(beta_s)
    for p in (1e-3, -1e-3):
        reference = beta_golden_rule(zeta, imp, (1 + p) / 2, (1 - p) / 2)
        closed = float(rl.beta_sf(zeta, imp, p))
        assert abs(closed - reference) < 1e-6 * abs(closed) + 1e-7 * abs(beta_s) / abs(p)
    if beta_c != 0.0:  # anisotropic impurities: β_sf diverges as P_j → 0
        assert abs(float(rl.beta_sf(zeta, imp, 1e-6))) > 1e3 * abs(float(rl.beta_sf(zeta, imp, 1.0)))


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
