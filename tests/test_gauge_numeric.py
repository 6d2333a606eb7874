"""Numerical gauge field on grids against the explicit component formulas.

``gauge.gauge_field`` differentiates the half-angle vector m(θ, φ) on the
grid; ``gauge.gauge_components`` evaluates the closed form with *analytic*
derivatives of θ and φ.  On smooth textures the two must agree to the
discretisation error of second-order finite differences: the error must drop
by 4 when the spacing is halved.
"""

import numpy as np
import pytest

from spinlib import gauge


def wrap(angle):
    """Map to (-π, π]: introduces 2π jumps that gauge_field must ignore."""
    return np.angle(np.exp(1j * angle))


# Smooth test textures: (theta, phi, grad_theta, grad_phi) as functions of coords.
def texture_1d(x):
    lam, k = 1.5, 0.7
    theta = 2 * np.arctan(np.exp(x / lam))
    phi = k * x + 0.3
    return theta, phi, [1 / (lam * np.cosh(x / lam))], [np.full_like(x, k)]


def texture_2d(x, y):
    theta = np.pi / 2 * (1 + 0.6 * np.sin(0.4 * x) * np.cos(0.3 * y))
    phi = 0.5 * x + 0.2 * y**2
    gth = [
        np.pi / 2 * 0.6 * 0.4 * np.cos(0.4 * x) * np.cos(0.3 * y),
        -np.pi / 2 * 0.6 * 0.3 * np.sin(0.4 * x) * np.sin(0.3 * y),
    ]
    gph = [np.full_like(x, 0.5), 0.4 * y]
    return theta, phi, gth, gph


def texture_3d(x, y, z):
    theta = 1.2 + 0.5 * np.sin(0.5 * x + 0.3 * z) * np.cos(0.4 * y)
    phi = 0.8 * x - 0.6 * y + 0.1 * z**2
    c = np.cos(0.5 * x + 0.3 * z) * np.cos(0.4 * y)
    gth = [0.25 * c, -0.2 * np.sin(0.5 * x + 0.3 * z) * np.sin(0.4 * y), 0.15 * c]
    gph = [np.full_like(x, 0.8), np.full_like(x, -0.6), 0.2 * z]
    return theta, phi, gth, gph


def closed_form(theta, phi, gth, gph):
    """A[i, a] from the explicit formulas of gauge_components."""
    return np.array([np.array(gauge.gauge_components(theta, phi, gt, gp)) for gt, gp in zip(gth, gph)])


def max_error(texture, sizes, length):
    """Max |numeric - closed form| on an ``ij`` grid with ``sizes`` points per axis
    (different sizes, hence different spacings, per axis: a transposed axis or
    a spacing applied to the wrong axis would not converge)."""
    axes = [np.linspace(-length, length, n) for n in sizes]
    coords = np.meshgrid(*axes, indexing="ij")
    h = tuple(a[1] - a[0] for a in axes)
    theta, phi, gth, gph = texture(*coords)
    numeric = gauge.gauge_field(theta, wrap(phi), h if len(h) > 1 else h[0])
    assert numeric.shape == (len(sizes), 3, *sizes)  # layout A[i, a, *grid]
    exact = closed_form(theta, phi, gth, gph)
    return np.max(np.abs(numeric - exact)), np.max(np.abs(exact))


@pytest.mark.parametrize(
    "texture, sizes, length",
    [(texture_1d, (201,), 8.0), (texture_2d, (81, 101), 6.0), (texture_3d, (25, 29, 33), 4.0)],
    ids=["1d", "2d", "3d"],
)
def test_gauge_field_converges_at_second_order(texture, sizes, length):
    err_h, scale = max_error(texture, sizes, length)
    err_h2, _ = max_error(texture, [2 * n - 1 for n in sizes], length)  # spacings halved
    order = np.log2(err_h / err_h2)
    # second-order differences: observed order 2 within ±0.25 (the maximum
    # error sits at different points on the two grids, so the ratio is not
    # exactly 4)
    assert 1.75 < order < 2.25, order
    # and the fine-grid error is small against the field itself: the leading
    # error is (k h)²/6 per derivative with local wave-vectors k up to ~2.4
    # (2D) at h ~ 0.075-0.33, plus curvature terms: a few 1e-3 relative
    assert err_h2 < 2e-2 * scale


def test_phi_jumps_by_2pi_are_harmless():
    x = np.linspace(-5, 5, 101)
    theta, phi, _, _ = texture_1d(x)
    smooth = gauge.gauge_field(theta, phi, x[1] - x[0])
    jumpy = gauge.gauge_field(theta, wrap(phi) + 2 * np.pi * (x > 1), x[1] - x[0])
    assert np.allclose(smooth, jumpy, rtol=0, atol=1e-12)


def test_domain_wall_components():
    """Tanh wall with constant φ: A^⊥ = ½∂θ = 1/(2λ cosh(x/λ)), A^∥ = A^z = 0."""
    lam = 2.0
    x = np.linspace(-20, 20, 801)
    theta = 2 * np.arctan(np.exp(x / lam))
    for phi0 in (0.0, np.pi / 2, 2.0):
        phi = np.full_like(x, phi0)
        A = gauge.gauge_field(theta, phi, x[1] - x[0])
        a_par, a_perp = gauge.project_parallel_perp(A, phi)
        exact_perp = 1 / (2 * lam * np.cosh(x / lam))
        # leading error of the centred difference of m (which turns by θ/2):
        # (h²/6)|m'''| <= (h²/6)(|θ'''|/2 + (θ'/2)³) <= (h²/6)(5/8)/λ³ = 3.3e-5
        # here; allow 10 % for higher orders
        h = x[1] - x[0]
        assert np.max(np.abs(a_perp[0] - exact_perp)) < 1.1 * h**2 / 6 * (5 / 8) / lam**3
        assert np.max(np.abs(a_par)) < 1e-12
        assert np.max(np.abs(A[0, 2])) < 1e-12


def test_projection_matches_closed_form():
    rng = np.random.default_rng(1)
    theta = rng.uniform(0, np.pi, 50)
    phi = rng.uniform(-np.pi, np.pi, 50)
    dth, dph = rng.normal(size=50), rng.normal(size=50)
    A = np.array([np.array(gauge.gauge_components(theta, phi, dth, dph))])
    a_par, a_perp = gauge.project_parallel_perp(A, phi)
    ref_par, ref_perp = gauge.gauge_parallel_perp(theta, dth, dph)
    assert np.allclose(a_par[0], ref_par, atol=1e-14)
    assert np.allclose(a_perp[0], ref_perp, atol=1e-14)


def test_lab_from_rotated_equals_frame_form_and_is_an_involution():
    rng = np.random.default_rng(2)
    theta = rng.uniform(0, np.pi, (4, 5))
    phi = rng.uniform(-np.pi, np.pi, (4, 5))
    s_tilde = rng.normal(size=(4, 5, 3))
    s15 = gauge.lab_from_rotated(s_tilde, theta, phi)
    s_par, s_perp = gauge.rotated_parallel_perp(s_tilde[..., 0], s_tilde[..., 1], phi)
    s17 = gauge.lab_from_parallel_perp(s_par, s_perp, s_tilde[..., 2], theta, phi)
    assert np.allclose(s15, s17, atol=1e-14)
    assert np.allclose(gauge.lab_from_rotated(s15, theta, phi), s_tilde, atol=1e-14)
    # rotated-frame +z is the local spin direction e_s
    ez = np.broadcast_to([0.0, 0.0, 1.0], s_tilde.shape)
    assert np.allclose(gauge.lab_from_rotated(ez, theta, phi), gauge.spin_frame(theta, phi)[0])


def test_adiabaticity_parameter():
    assert gauge.adiabaticity_parameter(10.0, 0.2) == pytest.approx(4.0)
    with pytest.raises(ValueError, match="zeta"):
        gauge.adiabaticity_parameter(10.0, 1.0)
    with pytest.raises(ValueError, match="kf_width"):
        gauge.adiabaticity_parameter(-1.0, 0.5)


@pytest.mark.parametrize(
    "theta, phi, spacing, match",
    [
        (np.array([0.1, np.nan, 0.3, 0.4]), np.zeros(4), 0.1, "theta must be finite"),
        (np.zeros(4), np.array([0, 1, np.inf, 2.0]), 0.1, "phi must be finite"),
        (np.zeros(4), np.zeros(5), 0.1, "theta and phi must have the same shape"),
        (np.zeros(4), np.zeros(4), 0.0, r"spacing must lie in \(0, inf\)"),
        (np.zeros(4), np.zeros(4), -0.1, r"spacing must lie in \(0, inf\)"),
        (np.zeros((4, 4)), np.zeros((4, 4)), (0.1, 0.1, 0.1), "spacing must be one number"),
        (np.zeros((3, 3, 3, 3)), np.zeros((3, 3, 3, 3)), 0.1, "1D, 2D or 3D"),
        (np.zeros((4, 2)), np.zeros((4, 2)), 0.1, "at least 3 points"),
    ],
)
def test_gauge_field_rejects_bad_input(theta, phi, spacing, match):
    with pytest.raises(ValueError, match=match):
        gauge.gauge_field(theta, phi, spacing)


def test_lab_from_rotated_rejects_bad_shapes():
    with pytest.raises(ValueError, match="s_tilde must have shape"):
        gauge.lab_from_rotated(np.zeros((4, 3)), np.zeros(5), np.zeros(5))


def test_tanh_wall_gauge_spectrum_against_quadrature_of_grid_field():
    """(π/2) sech(πqλ/2) against the trapezoid Fourier integral of gauge_field.

    λ = 1.3 on [-40, 40] with h = 0.01: the field decays as e^{-40/1.3} at the
    ends (negligible), the trapezoid rule is spectrally accurate for this
    analytic integrand, so the error is the O(h²) error of gauge_field itself,
    (h/λ)²/6 ~ 1e-5 relative to A(0) = π/2.
    """
    lam = 1.3
    x = np.linspace(-40, 40, 8001)
    theta = 2 * np.arctan(np.exp(x / lam))
    phi = np.zeros_like(x)
    _, a_perp = gauge.project_parallel_perp(gauge.gauge_field(theta, phi, x[1] - x[0]), phi)
    q = np.linspace(0, 4, 17)
    numeric = np.trapezoid(a_perp[0] * np.exp(-1j * q[:, None] * x), x, axis=1)
    exact = gauge.tanh_wall_gauge_spectrum(q, lam)
    assert np.max(np.abs(numeric - exact)) < 2e-5
    assert np.max(np.abs(numeric.imag)) < 1e-12  # even profile: real spectrum


def test_vortex_dirac_string_flux():
    """∮A^z·dl around a core-down vortex → 2π (the gauge's Dirac string); → 0 for core up.

    The circulation is computed from gauge_field on a 2D grid (second-order
    differences) by integrating A^z along a square loop of half side a = 0.1 λ_v
    around the core.  The exact value is ∮ ½(1 - cos θ) dφ = ∫₀^{2π} ½(1 - cos θ(r(ψ))) dψ
    with r(ψ) = a / max(|cos ψ|, |sin ψ|) on the square (φ = ψ + π/2), evaluated
    here by quadrature: ≈ 1.6e-3 for core up and 2π - 1.6e-3 for core down.
    """
    from scipy.integrate import quad

    from spinlib import textures

    a = 0.1
    x = np.linspace(-0.2, 0.2, 201)  # the core point itself is a grid node
    X, Y = np.meshgrid(x, x, indexing="ij")
    h = x[1] - x[0]
    i0, i1 = 50, 150  # loop at x, y = ±a
    assert np.isclose(x[i0], -a) and np.isclose(x[i1], a)
    for polarity, limit in ((+1, 0.0), (-1, 2 * np.pi)):
        theta, phi = textures.vortex_ansatz_angles(X, Y, 1.0, polarity=polarity)
        A = gauge.gauge_field(theta, phi, h)
        az_x, az_y = A[0, 2], A[1, 2]
        sl = slice(i0, i1 + 1)
        circ = (
            np.trapezoid(az_x[sl, i0], dx=h)  # bottom edge, +x direction
            + np.trapezoid(az_y[i1, sl], dx=h)  # right edge, +y
            - np.trapezoid(az_x[sl, i1], dx=h)  # top edge, -x
            - np.trapezoid(az_y[i0, sl], dx=h)  # left edge, -y
        )

        def integrand(psi):
            r = a / max(abs(np.cos(psi)), abs(np.sin(psi)))
            th, _ = textures.vortex_ansatz_angles(r, 0.0, 1.0, polarity=polarity)
            return 0.5 * (1 - np.cos(float(th)))

        exact = sum(quad(integrand, k * np.pi / 4, (k + 1) * np.pi / 4, epsabs=1e-13)[0] for k in range(8))
        assert abs(exact - limit) < 2e-3  # the small loop nearly isolates the string
        # grid error: O(h²) differences of a field varying on the scale a,
        # (h/a)² ~ 4e-4 relative, plus the trapezoid rule on the loop
        assert abs(circ - exact) < 5e-4 * max(exact, 1.0), (polarity, circ, exact)
