"""Factors of 2 and signs of eqs. (21)-(30), (34), and the algebra of appendices A, B.

Independent computations (not linear-response formulas):

* the exact ground state of the two-band gas in a uniformly rotating frame
  (q = 0, A_0 = const) and the exact steady precession of the electron spin
  about a uniformly rotating local spin fix the prefactor of (30):
  s̃^(0) = -(2/Δ) Σ_q A_0 H1 (printed: +1/Δ), i.e. an exchange torque of
  magnitude s|∂_t e_s| (the full electron spin, not s/2);
* the Boltzmann solution of a uniformly twisted texture (q = 0, A_i = const)
  with exact 2x2 eigenstates fixes the prefactor of (34): -2/Δ for e the
  signed electron charge as in (24) (printed +1/Δ);
* sympy proves the Green-function identities (A.7)-(A.9), the frequency
  integral of (21), the projections (B.4), the identity (A.2) (which needs
  B_i = eE_i/(mV), not the printed eE_i/(2mV) of (26)), and that the
  imaginary part of (21) vanishes identically at T = 0.
"""

import numpy as np
import pytest
import sympy as sp

from spinlib import electron_gas, gauge, ksums, response


# ------------------------------------------------------------- prefactor (30)
def test_uniform_rotating_frame_prefactor():
    """q = 0: H = k²/2 - Δσ_z + a σ_x (a = A_0^x, H' = +A_0·σ from eq. 12).

    The exact ground state (ksums.rotating_frame_spin_exact: bands ε_k ∓ b,
    b = √(Δ² + a²), fixed chemical potential ε_F), s̃_x = -(n_low - n_up) a/b,
    must equal (P₀/Δ) s H̃1(0) a (linear response, eq. 30)."""
    for zeta in (0.1, 0.5, 0.9):
        delta = float(electron_gas.exchange_splitting(zeta))
        s = float(electron_gas.spin_density_s(zeta))
        a = 1e-6
        exact = ksums.rotating_frame_spin_exact(zeta, a)
        linear = response.linear_response_prefactor("equilibrium") / delta * s * response.h1_tilde(0.0, zeta) * a
        # corrections O(a²/Δ²) = 1e-12
        assert linear == pytest.approx(exact, rel=1e-10)
        printed = response.linear_response_prefactor("equilibrium", "printed") / delta * s * a
        assert printed == pytest.approx(-exact / 2, rel=1e-10)  # the erratum


@pytest.mark.parametrize("theta", (0.4, 1.3, 2.6))
def test_precession_gives_full_spin(theta):
    """A local spin precessing at ω about z: e_s = (sinθ cos ωt, sinθ sin ωt, cosθ).

    The electron spin density (σ units, |s_e| = n₊ - n₋ = 2s) obeys
    ds_e/dt = 2Δ s_e × e_s (H = -Δ e_s·σ, eq. 3); its exact steady state
    co-rotates, s_e ∥ (2Δ e_s + ω ẑ) (ksums.precessing_spin_exact).  The
    linear-response spin (30) built
    from the gauge field A_0 (spinlib.gauge) with the corrected prefactor
    reproduces the exact deviation s_e - 2s e_s, and the exchange torque
    Δ e_s × s_e = -s ∂_t e_s has the magnitude of the full electron spin s
    (the printed (30) gives s/2).  [With the printed sign of (4) the torque
    on the local spin is -Δ e_s × s_e = +s ∂_t e_s; EQUATIONS.md corrects
    that sign, which does not affect the spin density tested here.]"""
    zeta, omega, phi = 0.4, 1e-7, 0.9
    delta = float(electron_gas.exchange_splitting(zeta))
    s = float(electron_gas.spin_density_s(zeta))
    e_s, e_theta, e_phi = gauge.spin_frame(theta, phi)
    s_exact = ksums.precessing_spin_exact(zeta, theta, phi, omega)
    # linear response in the rotated frame, q = 0 (H̃1(0) = 1), eq. (30)
    a_par, a_perp = gauge.gauge_parallel_perp(theta, 0.0, omega)  # A_0 = A_t
    pref = response.linear_response_prefactor("equilibrium") / delta
    s_par = pref * s * response.h1_tilde(0.0, zeta) * a_par
    s_perp = pref * s * response.h1_tilde(0.0, zeta) * a_perp
    s_linear = gauge.lab_from_parallel_perp(s_par, s_perp, 2 * s, theta, phi)
    # deviation ~ s ω/Δ ~ 1e-8; linear response exact up to O(ω²/Δ²) relative
    np.testing.assert_allclose(s_linear - 2 * s * e_s, s_exact - 2 * s * e_s, rtol=1e-6, atol=1e-16)
    exchange = delta * np.cross(e_s, s_exact)
    dt_e_s = omega * np.cross([0.0, 0.0, 1.0], e_s)
    # |Δ e_s × s_e| ~ s ω ~ 1e-9; round-off of the cross product ~1e-18
    np.testing.assert_allclose(exchange, -s * dt_e_s, rtol=1e-6, atol=1e-16)
    # with the printed prefactor +1/Δ of (30) it would be +(s/2) ∂_t e_s
    printed = response.linear_response_prefactor("equilibrium", "printed") / delta
    s_pr = gauge.lab_from_parallel_perp(printed * s * a_par, printed * s * a_perp, 2 * s, theta, phi)
    np.testing.assert_allclose(delta * np.cross(e_s, s_pr), 0.5 * s * dt_e_s, rtol=1e-9, atol=1e-16)


# ------------------------------------------------------------- prefactor (34)
def test_current_prefactor_from_boltzmann():
    """q = 0 with current: uniformly twisted texture, A_x = (a_x, a_y, 0) constant.

    H_k = k²/2 - Δσ_z + k_x (a_x σ_x + a_y σ_y) (the k_i/m vertex of eq. 12).
    Boltzmann (clean limit, spin-independent τ, carriers of signed charge
    e < 0 as in eq. 24): f = f₀(k - eEτ), δf_n = eτ E·v_n δ(E_n);
    s̃ = Σ_n ∫ d³k/(2π)³ δf_n ⟨σ⟩_n with exact 2x2 eigenstates
    (ksums.twisted_texture_spin_boltzmann).  Linear response (34) at q = 0:
    s̃_∥ = (P₁/Δ)(E·Ā^s) χ1(0), s̃_⊥ = (P₁/Δ)(E·Ā^a) χ1(0),
    χ1(0) = (eτ/2m)(n₊ - n₋), with φ = 0 so that Ā^s = A^x, Ā^a = A^y.
    Requires P₁ = -2 (printed: +1)."""
    e, tau, efield = -1.0, 1.0, 1.0  # electron charge e < 0; E along x
    for zeta in (0.2, 0.7):
        delta = float(electron_gas.exchange_splitting(zeta))
        a = np.array([3e-7, -2e-7])
        s_tilde = ksums.twisted_texture_spin_boltzmann(zeta, a, charge=e, tau=tau, efield=efield)
        chi1_0 = e * tau / 2 * 2 * float(electron_gas.spin_density_s(zeta))
        p1 = response.linear_response_prefactor("current")
        expected = p1 / delta * efield * chi1_0 * a
        # exact up to O(a²/Δ²) ~ 1e-12; the sphere quadrature is exact (polynomial)
        np.testing.assert_allclose(s_tilde[:2], expected, rtol=1e-9)
        assert response.linear_response_prefactor("current", "printed") == pytest.approx(-p1 / 2)


# ------------------------------------------------------------------- sympy
w_, eps1, eps2, tau_, eta = sp.symbols("omega epsilon_1 epsilon_2 tau eta", real=True)


def g_r(eps):
    return 1 / (w_ - eps + sp.I / (2 * tau_))


def g_a(eps):
    return 1 / (w_ - eps - sp.I / (2 * tau_))


def test_identity_A7():
    assert sp.simplify(g_r(eps1) * g_a(eps1) - sp.I * tau_ * (g_r(eps1) - g_a(eps1))) == 0


def test_identities_A8_A9():
    """With 1 = (k - q/2, ∓), 2 = (k + q/2, ±): ε_2 - ε_1 = ε_{k+q/2} - ε_{k-q/2} ∓ 2Δ."""
    gamma = 1 / tau_
    lhs8 = g_r(eps1) * g_a(eps2)
    rhs8 = -(g_r(eps1) - g_a(eps2)) / (eps2 - eps1 + sp.I * gamma)
    assert sp.simplify(lhs8 - rhs8) == 0
    lhs9 = g_r(eps1) * g_r(eps2)
    rhs9 = -(g_r(eps1) - g_r(eps2)) / (eps2 - eps1)
    assert sp.simplify(lhs9 - rhs9) == 0
    # the band energies: ε_{kσ} = k²/2 - ε_F - σΔ (eq. 13, m = 1)
    kk, qq, delta, ef = sp.symbols("k q Delta epsilon_F", real=True)
    for upper in (1, -1):  # ± = upper
        e2 = (kk + qq / 2) ** 2 / 2 - ef - upper * delta
        e1 = (kk - qq / 2) ** 2 / 2 - ef + upper * delta
        band_free = (kk + qq / 2) ** 2 / 2 - (kk - qq / 2) ** 2 / 2
        assert sp.simplify(e2 - e1 - (band_free - upper * 2 * delta)) == 0


def test_frequency_integral_of_eq21():
    """-i ∫dω/2π [g^r_1 g^<_2 + g^<_1 g^a_2] with g^<_j = 2πi f_j δ(ω - ε_j)
    = (f_2 - f_1)/(ε_2 - ε_1 + iη), η = 1/2τ (the second line of (21) with
    i/τ → i/2τ; immaterial in the clean limit)."""
    f1, f2 = sp.symbols("f_1 f_2", real=True)
    integrated = -sp.I / (2 * sp.pi) * (
        g_r(eps1).subs(w_, eps2) * 2 * sp.pi * sp.I * f2
        + 2 * sp.pi * sp.I * f1 * g_a(eps2).subs(w_, eps1)
    )
    expected = (f2 - f1) / (eps2 - eps1 + sp.I / (2 * tau_))
    assert sp.simplify(integrated - expected) == 0


def test_projections_B4():
    """Ā^s = ½(e^{-iφ}A^+ + e^{iφ}A^-) = e_sφ·A,  Ā^a = -½i(e^{-iφ}A^+ - e^{iφ}A^-) = e_φ·A."""
    ax, ay, phi = sp.symbols("A_x A_y phi", real=True)
    ap, am = ax + sp.I * ay, ax - sp.I * ay
    a_s = (sp.exp(-sp.I * phi) * ap + sp.exp(sp.I * phi) * am) / 2
    a_a = -sp.I * (sp.exp(-sp.I * phi) * ap - sp.exp(sp.I * phi) * am) / 2
    assert sp.simplify(sp.expand_complex(a_s - (sp.cos(phi) * ax + sp.sin(phi) * ay))) == 0
    assert sp.simplify(sp.expand_complex(a_a - (-sp.sin(phi) * ax + sp.cos(phi) * ay))) == 0


def test_identity_A2_needs_B_i_without_half():
    """m Σ_i ∂_{k_i} B_i = B_0 holds for B_i = (eE_i/mV) Σ_μ J_μ(k) A_μ, not for
    the printed (26) with eE_i/(2mV), which gives B_0/2."""
    e, m, vol = sp.symbols("e m V", positive=True)
    k = sp.symbols("k_x k_y k_z", real=True)
    E = sp.symbols("E_x E_y E_z", real=True)
    A = sp.symbols("A_x A_y A_z", real=True)
    A0 = sp.Symbol("A_0")
    j_dot_a = sum(ki / m * ai for ki, ai in zip(k, A)) + A0  # Σ_μ J_μ(k) A_μ (ħ = 1)
    b0 = e / (m * vol) * sum(ei * ai for ei, ai in zip(E, A))  # eq. (28)
    for pref, ratio in ((e / (m * vol), 1), (e / (2 * m * vol), sp.Rational(1, 2))):
        lhs = m * sum(sp.diff(pref * ei * j_dot_a, ki) for ei, ki in zip(E, k))
        assert sp.simplify(lhs - ratio * b0) == 0


def test_eq21_has_no_imaginary_part():
    """Im (21) = -π Σ_k (f_a - f_b) δ(ε_a - ε_b): on the shell ε_a = ε_b the two
    Fermi functions are equal, i.e. the two occupied discs of the plane
    k·q = 2Δ (areas π[k_F+² - (k_z + q/2)²] and π[k_F-² - (k_z - q/2)²]) coincide.
    After separate shifts of k the two δ-terms are equal and cancel (they
    are what (31) turns into H2 with the wrong relative sign)."""
    q, delta = sp.symbols("q Delta", positive=True)
    kf_m = sp.Symbol("k_m", positive=True)
    kf_p = sp.sqrt(kf_m**2 + 4 * delta)  # k_F+² - k_F-² = 4mΔ
    kz = 2 * delta / q  # the plane ε_{k+q/2,+} = ε_{k-q/2,-}
    area_a = kf_p**2 - (kz + q / 2) ** 2
    area_b = kf_m**2 - (kz - q / 2) ** 2
    assert sp.simplify(area_a - area_b) == 0
    # separately shifted: ∫ f_σ δ(σ2Δ + k·q + q²/2) ∝ (k_σ² - c_σ²/q²), c_σ = q²/2 + σ2Δ
    c_p, c_m = q**2 / 2 + 2 * delta, q**2 / 2 - 2 * delta
    assert sp.simplify((kf_p**2 - c_p**2 / q**2) - (kf_m**2 - c_m**2 / q**2)) == 0


def test_paper_h2_is_not_zero():
    """...whereas H2 of (31) (f_{k+} - f_{k-} at equal k) does not vanish."""
    assert response.h2_tilde(0.6, 0.5) > 1e-3


def test_eq23_vector_potential():
    """A_EM = E/(iΩ₀) e^{-iΩ₀t} gives E = -∂_t A_EM."""
    t, omega0 = sp.symbols("t Omega_0", positive=True)
    e_field = sp.Symbol("E")
    a_em = e_field / (sp.I * omega0) * sp.exp(-sp.I * omega0 * t)
    assert sp.simplify(-sp.diff(a_em, t) - e_field * sp.exp(-sp.I * omega0 * t)) == 0
