"""The k-sum evaluators of spinlib.ksums and what they establish about eq. (21).

* the real part of (21), evaluated *before* any shift of k, is -H1/Δ per
  unit A_0: the sign of (30) as printed is opposite (erratum);
* the spatial vertex J_i = k_i/m that (21) drops gives (2s/q)(1 - H̃1) q̂_i,
  which is not zero (erratum/omission);
* consistency of the evaluators with exactly known values.
"""

import numpy as np
import pytest

from spinlib import electron_gas, ksums, response

ZETAS = (0.05, 0.3, 0.7, 0.97)
Q_POINTS = (1e-4, 0.01, 0.2, 0.6, 0.999, 1.0, 1.001, 1.8, 6.0)


@pytest.mark.parametrize("zeta", ZETAS)
def test_eq21_time_vertex(zeta):
    """Re (21) per unit A_0^+ = Σ_k (f_a - f_b)/(ε_a - ε_b) = -s H̃1/Δ (not +s H̃1/Δ)."""
    s = float(electron_gas.spin_density_s(zeta))
    delta = float(electron_gas.exchange_splitting(zeta))
    for q in Q_POINTS + (zeta,):
        expected = -s * float(response.h1_tilde(q, zeta)) / delta
        # adaptive quadrature at epsrel 1e-12 of a bounded piecewise-smooth integrand
        assert ksums.eq21_static_ksum(q, zeta, "time") == pytest.approx(expected, rel=1e-10), q


@pytest.mark.parametrize("zeta", ZETAS)
def test_eq21_spatial_vertex(zeta):
    """The J_i = k_i/m part of (21), dropped by the paper: q̂·Λ = s (1 - H̃1)/q̃ ≠ 0."""
    s = float(electron_gas.spin_density_s(zeta))
    for q in Q_POINTS + (zeta,):
        expected = s * float(response.spatial_vertex_tilde(q, zeta))
        # the k_z integral cancels to O(q̃) at small q̃: absolute accuracy
        # ~1e-12/(2π)³ is requested there, hence the abs term
        assert ksums.eq21_static_ksum(q, zeta, "space") == pytest.approx(
            expected, rel=1e-9, abs=1e-14
        ), q
        if q > 0.01:
            assert abs(expected) > 1e-3 * s  # genuinely non-zero


def test_eq21_at_q_zero():
    z = 0.4
    s = float(electron_gas.spin_density_s(z))
    assert ksums.eq21_static_ksum(0.0, z, "time") == pytest.approx(-s / z, rel=1e-14)
    assert ksums.eq21_static_ksum(0.0, z, "space") == 0.0


def test_ksums_at_q_zero_are_the_normalisations():
    for z in (0.2, 0.8):
        assert ksums.h1_ksum(0.0, z) == 1.0
        assert ksums.chi1_ksum(0.0, z) == 1.0
        assert ksums.h2_ksum(0.0, z) == 0.0
        assert ksums.chi2_ksum(0.0, z) == 0.0
        # and they approach these continuously
        assert ksums.h1_ksum(1e-5, z) == pytest.approx(1.0, abs=1e-9)
        assert ksums.chi1_ksum(1e-5, z) == pytest.approx(1.0, abs=1e-8)


def test_chi2_smearing_converges():
    """Gaussian-smeared spin-flip δ: the result does not depend on the width
    once the width is far below the distance of the shell from μ = ±1."""
    z, q = 0.5, 0.75
    values = [ksums.chi2_ksum(q, z, width=w) for w in (1e-2, 1e-4, 1e-6)]
    # quadrature at epsrel 1e-12 per evaluation: agreement to a few 1e-12
    np.testing.assert_allclose(values, values[-1], rtol=1e-11)


def test_pv_subtraction_against_cauchy_weight():
    """The pole-subtraction principal value against QUADPACK's QAWC."""
    from scipy import integrate

    f = lambda x: 1.0 + x + 3 * x**2  # noqa: E731
    for pole in (-0.7, 0.0, 0.3, 0.999999):
        ref = integrate.quad(f, -1, 1, weight="cauchy", wvar=pole, epsabs=1e-14)[0]
        assert ksums._pv_over(f, -1.0, 1.0, pole) == pytest.approx(ref, rel=1e-12, abs=1e-13)
    # far pole: direct integration
    assert ksums._pv_over(f, -1.0, 1.0, 7.0) == pytest.approx(
        integrate.quad(lambda x: f(x) / (x - 7.0), -1, 1)[0], rel=1e-13
    )


def test_validation():
    with pytest.raises(ValueError, match="zeta"):
        ksums.h1_ksum(0.3, 1.0)
    with pytest.raises(ValueError, match="q_tilde"):
        ksums.chi1_ksum(-0.3, 0.5)
    with pytest.raises(ValueError, match="scalars"):
        ksums.h2_ksum([0.3, 0.4], 0.5)
    with pytest.raises(ValueError, match="component"):
        ksums.chi1_ksum(0.3, 0.5, "diagonal")
    with pytest.raises(ValueError, match="vertex"):
        ksums.eq21_static_ksum(0.3, 0.5, "spin")
    with pytest.raises(ValueError, match="width"):
        ksums.chi2_ksum(0.3, 0.5, width=0.0)
    with pytest.raises(ValueError, match="kernel"):
        ksums.real_space_quad("h3", 1.0, 0.5)
    with pytest.raises(ValueError, match="r must lie"):
        ksums.real_space_quad("h1", 0.0, 0.5)


def test_singular_points_refused():
    for q in (0.4, 1.0):
        with pytest.raises(ValueError, match="q_tilde must not equal"):
            ksums.h1_ksum(q, 0.4)
        with pytest.raises(ValueError, match="q_tilde must not equal"):
            ksums.chi1_ksum(q, 0.4)
