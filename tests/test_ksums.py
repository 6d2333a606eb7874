"""The k-sum evaluators of spinlib.ksums and what they establish about eq. (21).

* the real part of (21), evaluated *before* any shift of k, is -H1/Δ per
  unit A_0: the sign of (30) as printed is opposite (erratum);
* the spatial vertex J_i = k_i/m that (21) drops gives (2s/q)(1 - H̃1) q̂_i,
  which is not zero (erratum/omission);
* consistency of the evaluators with exactly known values.
"""

import numpy as np
import pytest

from spinlib import electron_gas, ksums, resistivity, response

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
    """The evaluators return the normalisations at q = 0 by construction; what
    is tested is that the *integrals* approach them: at q̃ = 3e-6 the kernels
    are 1 + c q̃² with |c| <= c_L(0.2) = 8.3 (the largest coefficient,
    response.small_q_coefficient, for ζ >= 0.2), i.e. within 7.5e-11 of 1,
    plus the quadrature's ~1e-12: tolerance 1e-9.  H2 and χ2 vanish
    identically below the Stoner window (no spin-flip shell on the Fermi
    spheres; the smeared δ underflows to 0 at |kqμ + c| ~ 2Δ ≫ width)."""
    for z in (0.2, 0.8):
        for component in ("trace", "longitudinal", "transverse"):
            assert ksums.chi1_ksum(3e-6, z, component) == pytest.approx(1.0, abs=1e-9), component
        assert ksums.h1_ksum(3e-6, z) == pytest.approx(1.0, abs=1e-9)
        assert ksums.h2_ksum(3e-6, z) == 0.0
        assert ksums.chi2_ksum(3e-6, z) == 0.0
        # the values returned at q = 0 are these limits
        assert ksums.h1_ksum(0.0, z) == pytest.approx(ksums.h1_ksum(3e-6, z), abs=1e-9)
        assert ksums.chi1_ksum(0.0, z) == pytest.approx(ksums.chi1_ksum(3e-6, z), abs=1e-9)


@pytest.mark.parametrize("zeta", (0.2, 0.6))
def test_smeared_chi2_ksum_is_the_double_delta_sum_of_eq75(zeta):
    """χ2 (35) and the Mori resistivity (74) contain the same δδ k-sum (75),
    D = (1/V) Σ_k δ(ε_kσ) δ(ε_{k+q,-σ} - ε_kσ) = θ_st/(4π²q) for both σ
    (resistivity.spin_flip_phase_space).  On the shell q·(k + q/2) = -2σΔ, so
    the smeared k-sum chi2_ksum (a Gaussian δ integrated numerically) must be
    χ̃2 = -πΔ² (D₊ + D₋)/(3n) = -2πΔ² D/(3n): tolerance as in test_response.py
    (quadrature 1e-12), inside and outside the window."""
    delta = float(electron_gas.exchange_splitting(zeta))
    n = float(electron_gas.total_density(zeta))
    for q in (0.5 * zeta, 1.1 * zeta, 0.5 * (1 + zeta), 0.97, 1.3):
        d = float(resistivity.spin_flip_phase_space(2 * q, zeta))  # takes |q|, not q̃
        expected = -2 * np.pi * delta**2 * d / (3 * n)
        assert ksums.chi2_ksum(q, zeta, width=1e-6) == pytest.approx(expected, rel=1e-9, abs=1e-15), q


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
    with pytest.raises(ValueError, match="a0"):
        ksums.rotating_frame_spin_exact(0.5, 0.5)  # |a0| must stay below (1 - ζ²)/2
    with pytest.raises(ValueError, match="omega"):
        ksums.precessing_spin_exact(0.5, 1.0, 0.0, np.nan)
    with pytest.raises(ValueError, match="gauge_field"):
        ksums.twisted_texture_spin_boltzmann(0.5, [1e-7, 0.0, 0.0])
    with pytest.raises(ValueError, match="nodes"):
        ksums.twisted_texture_spin_boltzmann(0.5, [1e-7, 0.0], nodes=1)


def test_singular_points_refused():
    for q in (0.4, 1.0):
        with pytest.raises(ValueError, match="q_tilde must not equal"):
            ksums.h1_ksum(q, 0.4)
        with pytest.raises(ValueError, match="q_tilde must not equal"):
            ksums.chi1_ksum(q, 0.4)
