"""Tests of spinlib.vortex: section 8, eqs. (92)-(98), the vortex ansatz done carefully.

Independent references: finite-difference gauge fields of the angles
(spinlib.gauge.gauge_field); a direct two-dimensional polar quadrature of the
Fourier integral of the Cartesian field; closed-form Hankel transforms
(Gradshteyn-Ryzhik 6.631.1) via ₁F₁; the general 2D Mori evaluator of
spinlib.resistivity on a fine polar q-grid; sympy for dimensional algebra.
Units ħ = m = k_F = |e| = 1.
"""

import numpy as np
import pytest
import sympy as sp

from spinlib import electron_gas, gauge, textures
from spinlib.resistivity import mori_resistivity_from_fourier
from spinlib.vortex import (
    FilmParameters,
    cartesian_gauge_field,
    eq93_printed,
    eq94_printed,
    gauge_fourier,
    gauge_polar,
    paper_gauge_field_plus,
    paper_gauge_fourier_untruncated,
    radial_profile,
    radial_transforms,
    section8_estimates,
    vortex_resistivity_area,
)

PROFILE_FACTOR = np.pi / (2 * (1 - np.exp(-1)))  # θ' of (92) = PROFILE_FACTOR · 2r e^{-r²/λ²}/λ²


# --------------------------------------------------------------------------
# the gauge field of the ansatz (92)
# --------------------------------------------------------------------------
@pytest.mark.parametrize("profile", ["ansatz", "smooth"])
def test_eq92_cartesian_gauge_field_against_finite_differences(profile):
    """Analytic A[i, a] = finite-difference gauge_field of the angles to O(h²).

    Away from the core (r > 0.2λ, where the FD of the 1/r winding is poor) and,
    for the ansatz, from its kink at r = λ (|r - λ| > 3h): halving h divides
    the error by 4 ± 15 %.
    """
    lam = 1.0
    errors = []
    for h in (0.04, 0.02):
        x = np.arange(-2.5, 2.5 + h / 2, h)
        X, Y = np.meshgrid(x, x, indexing="ij")
        if profile == "ansatz":
            th, ph = textures.vortex_ansatz_angles(X, Y, lam)
        else:
            th, ph = textures.smooth_vortex_angles(X, Y, lam)
        r = np.hypot(X, Y)
        mask = (r > 0.2) & (np.abs(r - lam) > 0.15) & (np.abs(X) < 2.3) & (np.abs(Y) < 2.3)
        diff = gauge.gauge_field(th, ph, h) - cartesian_gauge_field(X, Y, lam, profile=profile)
        errors.append(np.abs(diff[:, :, mask]).max())
    assert errors[1] < 5e-3
    assert 3.4 < errors[0] / errors[1] < 4.6


def test_eq92_gauge_polar_components_and_the_tail_outside_the_core():
    """A^⊥ = θ'/2 r̂ vanishes outside the core, A^∥ = -ϕ̂/2r and A^z = +ϕ̂/2r do not."""
    lam = 1.3
    r = np.array([1.5, 3.0, 10.0, 100.0])
    a_perp, a_par, a_z = gauge_polar(r, lam)
    assert np.all(a_perp == 0)
    assert np.allclose(a_par, -1 / (2 * r), rtol=1e-15)
    assert np.allclose(a_z, 1 / (2 * r), rtol=1e-15)
    # projections of the Cartesian field: A^⊥ = e_φ·A is radial, A^∥ = e_sφ·A azimuthal
    x = np.array([[0.4, 0.9, 2.0]])
    y = np.array([[0.3, -0.5, 1.0]])
    A = cartesian_gauge_field(x, y, lam)
    th, ph = textures.vortex_ansatz_angles(x, y, lam)
    a_par_c, a_perp_c = gauge.project_parallel_perp(A, ph)
    rr = np.hypot(x, y)
    p_perp, p_par, p_z = gauge_polar(rr, lam)
    assert np.allclose(a_perp_c, np.stack([p_perp * x / rr, p_perp * y / rr]), atol=1e-14)
    assert np.allclose(a_par_c, np.stack([-p_par * y / rr, p_par * x / rr]), atol=1e-14)
    assert np.allclose(A[:, 2], np.stack([-p_z * y / rr, p_z * x / rr]), atol=1e-14)


def test_eq92_circulation_of_Az_is_the_half_berry_phase():
    """∮ A^z·dl = π(1 - cos θ(r)) → π outside the core (a half Aharonov-Bohm flux)."""
    for r in (0.5, 2.0, 50.0):
        ang = np.linspace(0, 2 * np.pi, 2001)[:-1]
        A = cartesian_gauge_field(r * np.cos(ang), r * np.sin(ang), 1.0)
        tangent = np.stack([-np.sin(ang), np.cos(ang)])
        circ = np.mean(np.sum(A[:, 2] * tangent, axis=0)) * 2 * np.pi * r
        th = radial_profile(r, 1.0)[0]
        assert abs(circ - np.pi * (1 - np.cos(th))) < 1e-12


def test_printed_approximate_field_drops_terms_and_a_factor():
    """Text after (92): |A^+| inside the core is the θ' part without π/(2(1-e⁻¹)) = 2.485
    and without the sin θ ∇φ part; it is zero outside, where the exact |A^±| = 1/2r."""
    lam = 1.0
    x = np.array([0.3, 0.7, 0.95, 1.5, 4.0])
    y = np.zeros_like(x)
    paper = paper_gauge_field_plus(x, y, lam)  # (2, n): A_x^+, A_y^+
    th, dth, s_over_r, _ = radial_profile(x, lam)
    # exact: |A^±|² summed over i = ¼(θ'² + sin²θ/r²)
    exact_norm = 0.5 * np.sqrt(dth**2 + s_over_r**2)
    paper_norm = np.sqrt(np.sum(np.abs(paper) ** 2, axis=0))
    inside = x < lam
    assert np.allclose(paper_norm[inside] * PROFILE_FACTOR, dth[inside] / 2, rtol=1e-13)
    assert np.all(paper_norm[~inside] == 0)
    assert np.allclose(exact_norm[~inside], 1 / (2 * x[~inside]))


# --------------------------------------------------------------------------
# Fourier transforms, eq. (93)
# --------------------------------------------------------------------------
def _polar_fourier(field_fn, q_vec, r_max, lam, n_r=400, n_phi=256):
    """∫ d²x e^{-iq·x} F(x) by Gauss-Legendre in r (split at λ) × trapezoid in ϕ (spectral)."""
    t, w = np.polynomial.legendre.leggauss(n_r)
    pieces = [(0.0, lam), (lam, r_max)] if r_max > lam else [(0.0, r_max)]
    total = 0.0
    ang = 2 * np.pi * np.arange(n_phi) / n_phi
    for a, b in pieces:
        r = 0.5 * (b - a) * t + 0.5 * (b + a)
        wr = 0.5 * (b - a) * w
        R, P = np.meshgrid(r, ang, indexing="ij")
        X, Y = R * np.cos(P), R * np.sin(P)
        vals = field_fn(X, Y)  # (..., n_r, n_phi)
        phase = np.exp(-1j * (q_vec[0] * X + q_vec[1] * Y))
        total = total + np.sum(vals * phase * (R * wr[:, None]) * (2 * np.pi / n_phi), axis=(-2, -1))
    return total


@pytest.mark.parametrize("profile", ["ansatz", "smooth"])
def test_eq93_exact_transform_against_direct_polar_quadrature(profile):
    """gauge_fourier (Hankel moments + harmonics) = direct 2D quadrature of the Cartesian field.

    Film of radius R = 6λ; Gauss-Legendre 400 × 2 radial nodes and 256
    azimuthal ones resolve q R ≤ 14 to ~1e-10: tolerance 1e-8 (absolute,
    relative to max |Â|).
    """
    lam, R = 1.2, 7.2
    rng = np.random.default_rng(3)
    for _ in range(4):
        q = rng.uniform(0.3, 2.0) * np.array([np.cos(a := rng.uniform(0, 2 * np.pi)), np.sin(a)])
        ft = gauge_fourier(np.array([q[0]]), np.array([q[1]]), lam, R, chirality=-1, profile=profile)

        def field(X, Y):
            A = cartesian_gauge_field(X, Y, lam, chirality=-1, profile=profile)
            return np.stack([A[:, 0] + 1j * A[:, 1], A[:, 0] - 1j * A[:, 1], A[:, 2] + 0j])

        direct = _polar_fourier(field, q, R, lam if profile == "ansatz" else 6.5 * lam)
        for key, k in (("plus", 0), ("minus", 1), ("z", 2)):
            assert np.allclose(ft[key][:, 0], direct[k], atol=1e-8 * np.abs(direct).max()), key


def test_eq93_paper_field_transform_closed_form():
    """The untruncated printed field: Hankel quadrature = ₁F₁ closed form (1e-10) and its power-law tail."""
    lam = 1.7
    q = np.array([0.05, 0.4, 1.0, 2.0, 3.0])
    F0, F2, G1 = radial_transforms(q, lam, profile="paper_gauge_untruncated")
    C0, C2 = paper_gauge_fourier_untruncated(q, lam)
    assert np.allclose(F0, C0, rtol=1e-10, atol=1e-12) and np.allclose(F2, C2, rtol=1e-10, atol=1e-12)
    assert np.all(G1 == 0)
    # qλ ≫ 1: ₁F₁(3/2;1;-z) ~ z^{-3/2}/Γ(-1/2): F0 ~ -2/(q³λ²) — a power law, not the e^{-q²λ²/4} of (93)
    qbig = np.array([20.0, 40.0])
    C0big, _ = paper_gauge_fourier_untruncated(qbig, lam)
    assert np.allclose(C0big, -2 / (qbig**3 * lam**2), rtol=0.05)


def test_eq93_printed_transform_is_wrong():
    """(93) × A vs the exact transform of the printed field itself (untruncated, the most favourable case).

    * at q = 0 it is twice the transform: iπ^{3/2}λ/2 vs iπ^{3/2}λ/4 (direct integral);
    * it has no e^{2iϕ_q} harmonic: |Â_x| of the printed field depends on the direction of q;
    * its imaginary part is odd in q, which the transform of x(x + iy) g(r) cannot produce (even in q);
    * at qλ = 4 it is five times too large, at qλ = 8 a hundred times too small
      (Gaussian times a polynomial vs the power law -2/(q³λ²) of F₀).
    """
    lam = 1.0
    F0, F2 = paper_gauge_fourier_untruncated(0.0, lam)
    at_zero = 0.5j * np.pi * (F0 - F2)  # Â_x^+(q → 0)
    assert np.isclose(at_zero, 1j * np.pi**1.5 * lam / 4)
    assert np.isclose(eq93_printed(0.0, lam), 2 * at_zero)
    q = 0.9
    fx = gauge_fourier(np.array([q, 0.0]), np.array([0.0, q]), lam, profile="paper_gauge_untruncated")["plus"][0]
    assert abs(abs(fx[0]) / abs(fx[1]) - 1) > 0.1  # direction dependence (the m = 2 harmonic)
    assert eq93_printed(q, lam).real != 0  # the odd "2iqλ" term; the transform at q x̂ is purely imaginary
    assert abs(fx[0].real) < 1e-14 * abs(fx[0])
    F0, F2 = paper_gauge_fourier_untruncated(np.array([4.0, 8.0]), lam)
    exact = np.abs(0.5 * np.pi * (F0 - F2))
    printed = np.abs(eq93_printed(np.array([4.0, 8.0]), lam))
    assert printed[0] > 4 * exact[0] and printed[1] < 1e-2 * exact[1]


def test_exact_transform_has_the_half_flux_tail():
    """For q ≪ 1/λ: F₀ → 1/q (tail ∫J₀), F₂ → -1/q, G₁ → 1/q (infinite film)."""
    F0, F2, G1 = radial_transforms(np.array([1e-3, 2e-3]), 1.0)
    q = np.array([1e-3, 2e-3])
    assert np.allclose(F0 * q, 1, atol=3e-3) and np.allclose(F2 * q, -1, atol=3e-3)
    assert np.allclose(G1 * q, 1, atol=3e-3)


# --------------------------------------------------------------------------
# ρ_v, eq. (94)
# --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "vertex,channel", [("paper", "all"), ("corrected", "spin_flip"), ("corrected", "spin_conserving")]
)
def test_eq94_angle_averaged_formulas_against_2d_mori_kernel(vertex, channel):
    """vortex_resistivity_area (radial q-integrals) = mori_resistivity_from_fourier on a polar
    q-grid (the per-q kernel of the grid evaluator) with the exact transforms.

    Both use the one ring kernel of spinlib.resistivity (itself checked against the ring average
    of the explicit vertex, tests/test_resistivity.py::test_corrected_kernel_is_the_ring_average_of_the_onshell_vertex);
    what is tested here is the reduction to the Hankel moments: the angular average over
    ϕ_q of the harmonics of gauge_fourier, the longitudinal/transverse split (F₀ ∓ F₂, G₁) and
    the prefactors 1/64n², 1/16n², 1/4n².

    Film of radius R = 8 (q-oscillations of period 2π/R resolved by 24
    Gauss-Legendre nodes per unit q, 32 angles: the integrand has harmonics
    up to e^{4iϕ_q}); tolerance 1e-6.
    """
    zeta, lam, R = 0.3, 1.5, 8.0
    qmax = 2 * (1 + zeta) if channel == "spin_conserving" else 2.0
    qmin = 1e-4 if channel == "spin_conserving" else 2 * zeta
    edges = sorted({qmin, 2 * zeta, 2 * (1 - zeta), 2.0, qmax} & set(np.clip([qmin, 2 * zeta, 2 * (1 - zeta), 2.0, qmax], qmin, qmax)))
    t, w = np.polynomial.legendre.leggauss(24)
    qs, ws = [], []
    for a, b in zip(edges[:-1], edges[1:]):
        n_pan = int(np.ceil((b - a) * R / 2)) + 2
        e = np.linspace(a, b, n_pan + 1)
        for lo, hi in zip(e[:-1], e[1:]):
            qs.append(0.5 * (hi - lo) * t + 0.5 * (hi + lo))
            ws.append(0.5 * (hi - lo) * w)
    qr, wr = np.concatenate(qs), np.concatenate(ws)
    n_ang = 32
    ang = 2 * np.pi * np.arange(n_ang) / n_ang
    Q, P = np.meshgrid(qr, ang, indexing="ij")
    qx, qy = (Q * np.cos(P)).ravel(), (Q * np.sin(P)).ravel()
    weights = (wr[:, None] * Q * (2 * np.pi / n_ang)).ravel() / (2 * np.pi) ** 2  # d²q/(2π)², area 1
    ft = gauge_fourier(qx, qy, lam, R)
    rho = mori_resistivity_from_fourier(
        np.stack([qx, qy]), ft["plus"], ft["minus"], ft["z"], zeta,
        weights=weights, vertex=vertex, channel=channel,
    )  # fmt: skip
    radial = vortex_resistivity_area(zeta, lam, R, vertex=vertex, channel=channel)
    assert abs(rho[0, 0] / radial - 1) < 1e-6
    assert abs(rho[1, 1] / radial - 1) < 1e-6 and abs(rho[0, 1]) < 1e-8 * radial


def test_eq94_does_not_follow_from_eq93_and_eq74():
    """(93) in (74) gives the exponent of (94) but a prefactor ∝ ζ³λ⁴ instead of λ²:
    the ratio tends to 8πζ³λ⁴/(π²λ²/2) = 16ζ³λ²/π (Laplace at the window edge q = 2ζ,
    relative corrections O(1/(ζλ)²): 1.6 % at λ = 20, 0.4 % at λ = 40)."""
    zeta = 0.3
    lams = np.array([20.0, 40.0])
    ratio = np.array([vortex_resistivity_area(zeta, l, profile="eq93") / eq94_printed(zeta, l) for l in lams])
    asymptote = 16 * zeta**3 * lams**2 / np.pi
    assert np.all(np.abs(ratio / asymptote - 1) < np.array([0.02, 0.005]))


def test_eq94_exact_ansatz_decays_as_a_power_law_not_a_gaussian():
    """ρ_v A of the exact ansatz ∝ 1/λ_v for k_Fλ_v ≫ 1 (kink at λ_v, θ ∝ r² at the core);
    the smooth vortex is exponentially small; (94) is Gaussian in λ_v."""
    zeta = 0.3
    a = [vortex_resistivity_area(zeta, l) for l in (20.0, 40.0)]
    assert abs(a[0] / a[1] - 2.0) < 0.1
    s = [vortex_resistivity_area(zeta, l, profile="smooth") for l in (5.0, 10.0)]
    assert s[1] < 1e-3 * s[0]
    assert vortex_resistivity_area(zeta, 10.0) > 1e3 * eq94_printed(zeta, 10.0)


def test_eq94_spin_conserving_channel_dominates_wide_cores():
    """The emergent-field (A^z) channel missing from (68)/(74) ∝ 1/λ_v, larger than the
    spin-flip channel of a smooth vortex by orders of magnitude at k_Fλ_v = 10."""
    zeta, lam = 0.3, 10.0
    sc10 = vortex_resistivity_area(zeta, lam, profile="smooth", vertex="corrected", channel="spin_conserving")
    sc20 = vortex_resistivity_area(zeta, 2 * lam, profile="smooth", vertex="corrected", channel="spin_conserving")
    sf = vortex_resistivity_area(zeta, lam, profile="smooth", vertex="corrected", channel="spin_flip")
    assert abs(sc10 / sc20 - 2) < 0.1
    assert sc10 > 1e4 * sf


def test_eq94_dependence_on_film_radius_saturates():
    """ρ_v A(R): grows while R < 1/(2ζ) (the tail's transform ~R at q < 1/R), converges for
    R ≫ 1/(2ζ) with O(1/(ζ²R)) corrections (no divergence with the film size)."""
    zeta, lam = 0.05, 2.0
    small = [vortex_resistivity_area(zeta, lam, R) for R in (2.5, 5.0)]
    assert small[1] > 1.5 * small[0]
    big = [vortex_resistivity_area(zeta, lam, R) for R in (400.0, 800.0)]
    inf = vortex_resistivity_area(zeta, lam)
    assert abs(big[1] / inf - 1) < abs(big[0] / inf - 1) + 1e-3
    assert abs(big[1] / inf - 1) < 2e-2


def test_eq94_printed_value():
    n = float(electron_gas.total_density(0.3))
    assert np.isclose(eq94_printed(0.3, 2.0), np.pi**2 / 2 * 0.09 * 4 * np.exp(-2 * 0.09 * 4) / n**2)


# --------------------------------------------------------------------------
# (95)-(98) in SI
# --------------------------------------------------------------------------
def test_eq95_follows_from_eq94_and_eq58_up_to_three_pi4_over_8():
    """F = e N_e ρ_v j with (94) and n = k_F³/3π² is (3π⁴/8) × (95) (sympy)."""
    e, j, hbar, m, kf, lam, d, A, Delta, zeta = sp.symbols("e j hbar m k_F lambda d A Delta zeta", positive=True)
    n = kf**3 / (3 * sp.pi**2)
    rho94 = sp.pi**2 / 2 * m**2 * kf * Delta**2 * lam**2 * sp.exp(-2 * zeta**2 * kf**2 * lam**2) / (e**2 * n**2 * A) * hbar**-3
    F58 = e * n * A * d * rho94 * j
    eps_f = hbar**2 * kf**2 / (2 * m)
    F95 = j / e * hbar * (Delta / eps_f) ** 2 * (kf * lam) ** 2 * d * sp.exp(-2 * zeta**2 * kf**2 * lam**2)
    assert sp.simplify(F58 / F95 - 3 * sp.pi**4 / 8) == 0


def test_eq96_to_98_section8_numbers():
    """Permalloy-like disc: Hall ratio = 2πPn_vℓ/(k_F A) ~ 5e-7, far from "order unity";
    F^ad = 2πP n_v ħ j d/e; the printed (96) (j/e)ħ is a force per length (lacks d)."""
    p = FilmParameters()
    est = section8_estimates(p)
    assert abs(est["hall_ratio"] / est["hall_ratio_closed_form"] - 1) < 1e-12
    assert 1e-7 < est["hall_ratio"] < 1e-5
    assert np.isclose(est["F_ad_eq96_printed_N_per_m"] * p.thickness * 2 * np.pi * est["density_polarization"]
                      * p.vortex_number, est["F_ad_N"], rtol=1e-12)  # fmt: skip
    # the printed (94)/(95) are utterly negligible (e^{-2ζ²k_F²λ²} = e^{-288}); the ansatz through (74) is not
    assert est["rho_v_eq94_ohm_m"] < 1e-100 < est["rho_v_ansatz_paper_vertex_ohm_m"]
    # for a vortex the reflection force is far below the topological one
    assert est["F_na_ansatz_corrected_N"] < 0.1 * est["F_ad_N"]


def test_eq98_dimensions_sympy():
    """ρ_xy/ρ_0 = 2πPn_vℓ/(k_F A) from ρ_xy = 2πPn_v ħ/(e²nA) and ρ_0 = ħk_F/(ne²ℓ) (no S²)."""
    P, nv, hbar, e, n, A, kf, ell = sp.symbols("P n_v hbar e n A k_F ell", positive=True)
    ratio = (2 * sp.pi * P * nv * hbar / (e**2 * n * A)) / (hbar * kf / (n * e**2 * ell))
    assert sp.simplify(ratio - 2 * sp.pi * P * nv * ell / (kf * A)) == 0


# --------------------------------------------------------------------------
# validation
# --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: radial_profile(-1.0, 1.0), "r must lie"),
        (lambda: radial_profile(1.0, -1.0), "core_radius"),
        (lambda: radial_profile(1.0, 1.0, "gaussian"), "profile"),
        (lambda: cartesian_gauge_field([1.0], [1.0, 2.0], 1.0), "same shape"),
        (lambda: cartesian_gauge_field([1.0], [1.0], 1.0, chirality=0), "chirality"),
        (lambda: cartesian_gauge_field([np.nan], [1.0], 1.0), "finite"),
        (lambda: radial_transforms([0.0], 1.0), "q must lie"),
        (lambda: radial_transforms([1.0], 1.0, film_radius=-2.0), "film_radius"),
        (lambda: gauge_fourier([0.0], [0.0], 1.0), "non-zero"),
        (lambda: vortex_resistivity_area(1.5, 1.0), "zeta"),
        (lambda: vortex_resistivity_area(0.3, 0.0), "core_radius"),
        (lambda: vortex_resistivity_area(0.3, 1.0, profile="eq93", vertex="corrected"), "eq93"),
        (lambda: vortex_resistivity_area(0.3, 1.0, channel="spin_conserving"), "needs vertex"),
        (lambda: eq93_printed(-1.0, 1.0), "q must lie"),
        (lambda: FilmParameters(zeta=1.0), "zeta"),
        (lambda: FilmParameters(core_radius=-1e-9), "core_radius"),
    ],
)
def test_bad_input_raises(call, match):
    with pytest.raises(ValueError, match=match):
        call()
