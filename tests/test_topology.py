"""Tests of spinlib.topology: eqs. (60), (61), (63)-(65) and the two charge methods.

References used here are independent of the module's code: sympy for the
identities (60), (61); L'Huilier's theorem for spherical triangles; scipy
quadrature of the density written from θ, φ (eq. 61, derivatives by sympy)
for charges on finite domains; the rule Q = (m/2)(cos θ(0) - cos θ(∞)).
"""

import numpy as np
import pytest
import sympy as sp
from scipy.integrate import dblquad, quad

from spinlib.gauge import gauge_plus_minus, spin_frame
from spinlib.textures import (
    belavin_polyakov_angles,
    make_grid,
    normalized,
    skyrmion_angles,
    smooth_vortex_angles,
    smooth_vortex_profile,
    unit_vectors,
    vortex_ansatz_angles,
)
from spinlib.topology import (
    belavin_polyakov_charge_in_square,
    boundary_winding_number,
    plaquette_charges,
    topological_charge,
    topological_density,
    topological_density_from_angles,
    triangle_solid_angle,
    vortex_number_tensor,
)

# --------------------------------------------------------------------------
# eqs. (60), (61): symbolic identities
# --------------------------------------------------------------------------
x, y = sp.symbols("x y", real=True)
TH = sp.Function("theta", real=True)(x, y)
PH = sp.Function("phi", real=True)(x, y)
S = sp.symbols("S", positive=True)


def test_eq61_cross_product_of_gradients_sympy():
    """∂_i S × ∂_j S = e_s S² sin θ (∂_iθ ∂_jφ - ∂_jθ ∂_iφ), eq. (61), for i, j = x, y."""
    e_s = spin_frame(TH, PH)[0]
    Svec = S * e_s
    lhs = Svec.diff(x).cross(Svec.diff(y))
    rhs = e_s * S**2 * sp.sin(TH) * (TH.diff(x) * PH.diff(y) - TH.diff(y) * PH.diff(x))
    assert sp.simplify(lhs - rhs) == sp.zeros(3, 1)


def test_eq60_gauge_field_commutator_sympy():
    """A_i^+ A_j^- - A_i^- A_j^+ = -(i/2) sin θ (∂_iθ ∂_jφ - ∂_jθ ∂_iφ), eq. (60)."""
    ap_x, am_x = gauge_plus_minus(TH, PH, TH.diff(x), PH.diff(x))
    ap_y, am_y = gauge_plus_minus(TH, PH, TH.diff(y), PH.diff(y))
    lhs = ap_x * am_y - am_x * ap_y
    rhs = -sp.I / 2 * sp.sin(TH) * (TH.diff(x) * PH.diff(y) - TH.diff(y) * PH.diff(x))
    assert sp.simplify(sp.expand(lhs - rhs)) == 0


def test_eq62_coefficients_from_59_to_63():
    """(59) with (60), (61) gives (62): i·(-i/2) sin θ(...) = S·(∂S×∂S)/(2S³), and
    (1/2S³)·4πS³ Φ = 2πΦ."""
    e_s = spin_frame(TH, PH)[0]
    triple = (S * e_s).dot((S * e_s).diff(x).cross((S * e_s).diff(y)))
    from_59_60 = sp.I * (-sp.I / 2) * sp.sin(TH) * (TH.diff(x) * PH.diff(y) - TH.diff(y) * PH.diff(x))
    assert sp.simplify(from_59_60 - triple / (2 * S**3)) == 0
    Phi = sp.symbols("Phi")
    assert sp.simplify(1 / (2 * S**3) * 4 * sp.pi * S**3 * Phi - 2 * sp.pi * Phi) == 0


# --------------------------------------------------------------------------
# solid angles
# --------------------------------------------------------------------------
def _lhuilier(a, b, c):
    """Unsigned spherical excess by L'Huilier's theorem, signed by orientation."""
    A = np.arccos(np.clip(np.sum(b * c, -1), -1, 1))
    B = np.arccos(np.clip(np.sum(c * a, -1), -1, 1))
    C = np.arccos(np.clip(np.sum(a * b, -1), -1, 1))
    s = (A + B + C) / 2
    t = np.tan(s / 2) * np.tan((s - A) / 2) * np.tan((s - B) / 2) * np.tan((s - C) / 2)
    E = 4 * np.arctan(np.sqrt(np.maximum(t, 0)))
    return np.sign(np.sum(a * np.cross(b, c), -1)) * E


def test_triangle_solid_angle_against_lhuilier():
    rng = np.random.default_rng(0)
    n = normalized(rng.normal(size=(3, 200, 3)))
    omega = triangle_solid_angle(n[0], n[1], n[2])
    # both formulas are exact; agreement to rounding of arccos (~1e-7 near 0 or π)
    np.testing.assert_allclose(omega, _lhuilier(n[0], n[1], n[2]), atol=1e-6)
    # orientation: swapping two corners flips the sign
    np.testing.assert_allclose(triangle_solid_angle(n[1], n[0], n[2]), -omega, atol=1e-15)
    with pytest.raises(ValueError, match="antiparallel"):
        triangle_solid_angle([0, 0, 1], [0, 0, -1], [0, 0, 1])


# --------------------------------------------------------------------------
# skyrmions: Q = p m
# --------------------------------------------------------------------------
def _skyrmion(n=121, h=0.25, **kw):
    X, Y = make_grid((n, n), h)
    return unit_vectors(*skyrmion_angles(X, Y, 2.5, 0.8, **kw))


@pytest.mark.parametrize("polarity", [1, -1])
@pytest.mark.parametrize("winding", [1, -1, 2, -2])
@pytest.mark.parametrize("helicity", [0.0, np.pi / 2, np.pi, -np.pi / 2])
def test_skyrmion_lattice_charge_is_p_times_winding(polarity, winding, helicity):
    m = _skyrmion(winding=winding, helicity=helicity, polarity=polarity)
    # boundary at r >= 15 = 18.75 w: deviation from ∓z, 4 sinh(R/w) e^{-r/w} ~ 6e-7,
    # gives a boundary solid-angle defect ~ |m| θ_b²/4 < 1e-12; the lattice sum is
    # otherwise exact, so 1e-9 is a safe bound
    assert topological_charge(m) == pytest.approx(polarity * winding, abs=1e-9)


def test_charge_symmetries_and_noise():
    m = _skyrmion(winding=1, polarity=-1)
    rng = np.random.default_rng(1)
    q, _ = np.linalg.qr(rng.normal(size=(3, 3)))
    rot = q * np.sign(np.linalg.det(q))  # proper rotation
    assert topological_charge(m @ rot.T) == pytest.approx(-1.0, abs=1e-9)
    assert topological_charge(-m) == pytest.approx(1.0, abs=1e-9)  # time reversal
    mirror = m * np.array([1.0, 1.0, -1.0])  # improper: flips Q
    assert topological_charge(mirror) == pytest.approx(1.0, abs=1e-9)
    # noise in the interior (boundary kept): the lattice charge stays an integer
    noisy = m.copy()
    noisy[1:-1, 1:-1] = normalized(m[1:-1, 1:-1] + 0.05 * rng.normal(size=m[1:-1, 1:-1].shape))
    assert topological_charge(noisy) == pytest.approx(-1.0, abs=1e-9)
    # plaquette charges sum to Q; the spacing does not matter for the lattice method
    assert plaquette_charges(m).sum() == pytest.approx(topological_charge(m, 7.0), abs=1e-12)


def test_finite_difference_charge_converges_at_second_order():
    errors = []
    for n, h in [(61, 0.5), (121, 0.25), (241, 0.125)]:
        m = _skyrmion(n, h, winding=1, polarity=1)
        errors.append(abs(topological_charge(m, h, "finite_difference") - 1.0))
    # the lattice charge shows the boundary defect is < 1e-9, far below these errors
    r1, r2 = errors[0] / errors[1], errors[1] / errors[2]
    assert 3.6 < r1 < 4.4 and 3.6 < r2 < 4.4  # O(h²): ratio 4 within 10 %
    # measured: 0.069, 0.018, 0.0046, i.e. ≈ 0.29 (h/w)²
    assert errors[-1] < 6e-3


# --------------------------------------------------------------------------
# vortices: Q = p m / 2
# --------------------------------------------------------------------------
@pytest.mark.parametrize("polarity", [1, -1])
@pytest.mark.parametrize("chirality", [1, -1])
def test_vortex_ansatz_92_half_integer(polarity, chirality):
    """(92) has θ = π/2 *exactly* for r > λ_v: on a domain containing the core disc
    the boundary spins lie in the plane, their image is the equator, and the
    lattice charge is p/2 to rounding at any resolution; the continuum charge is
    (1/2)(cos θ(0) - cos θ(λ_v)) = p/2 exactly as well (the half-integer is not
    only a limit here, unlike for the smooth vortex below)."""
    for n in (21, 81):
        h = 8.0 / (n - 1)
        X, Y = make_grid((n, n), h)
        m = unit_vectors(*vortex_ansatz_angles(X, Y, 2.0, polarity, chirality))
        assert topological_charge(m) == pytest.approx(polarity / 2, abs=1e-12)
        assert boundary_winding_number(m) == pytest.approx(1.0, abs=1e-12)
    # finite differences: θ' jumps at λ_v, yet the error still falls as h²:
    # measured |Q_fd - p/2| = 0.158 h², i.e. 1.58e-3 at h = 0.1 and 4.0e-4 at
    # h = 0.05 (ratios 3.79, 3.92, 3.96 from h = 0.4 down), for every p and m.
    # The computation is deterministic: tolerances 12 % above the measured
    # errors, and the ratio 4 within 10 %
    errors = []
    for n in (81, 161):
        h = 8.0 / (n - 1)
        X, Y = make_grid((n, n), h)
        m = unit_vectors(*vortex_ansatz_angles(X, Y, 2.0, polarity, chirality))
        errors.append(abs(topological_charge(m, h, "finite_difference") - polarity / 2))
    assert errors[0] < 1.8e-3 and errors[1] < 4.5e-4
    assert 3.6 < errors[0] / errors[1] < 4.4


@pytest.mark.parametrize("polarity", [1, -1])
@pytest.mark.parametrize("winding", [1, -1, 2, -2])
def test_p_times_winding_over_two_rule(polarity, winding):
    X, Y = make_grid((121, 121), 0.1)  # L = 6 λ: boundary m_z ~ exp(-36) ~ 2e-16
    m = unit_vectors(*smooth_vortex_angles(X, Y, 1.0, polarity, 1, winding))
    w = boundary_winding_number(m)
    assert w == pytest.approx(winding, abs=1e-12)
    assert topological_charge(m) == pytest.approx(polarity * w / 2, abs=1e-12)


def test_smooth_vortex_half_integer_only_in_the_limit():
    """On a disc of radius R, Q(R) = (p m/2)(1 - e^{-R²/λ²}) -> p m/2 only as R -> ∞.
    Check the radial integral of the eq.-(61) density against that closed form,
    and the lattice charge on a small square against a 2D quadrature."""
    lam, p = 1.0, -1

    def q_radial(r):  # density of a winding-1 vortex from (61), ∂φ = ϕ̂/r
        theta, dtheta = smooth_vortex_profile(r, lam, p)
        return topological_density_from_angles(theta, (dtheta, 0.0), (0.0, 1.0 / r))

    for R in (0.5, 1.0, 2.0, 4.0):
        val, _ = quad(lambda r: 2 * np.pi * r * q_radial(r), 1e-12, R, epsabs=1e-13)
        assert val == pytest.approx(p / 2 * (1 - np.exp(-(R**2) / lam**2)), abs=1e-10)
    # small square [-1.5, 1.5]²: charge visibly short of -1/2
    L = 1.5

    def q_xy(yy, xx):
        r = np.hypot(xx, yy)
        theta, dtheta = smooth_vortex_profile(r, lam, p)
        return topological_density_from_angles(
            theta, (dtheta * xx / r, dtheta * yy / r), (-yy / r**2, xx / r**2)
        )

    ref = 4 * dblquad(q_xy, 0, L, 0, L, epsabs=1e-12)[0]  # symmetric quadrants
    assert abs(ref - p / 2) > 0.01
    n = 161
    X, Y = make_grid((n, n), 2 * L / (n - 1))
    m = unit_vectors(*smooth_vortex_angles(X, Y, lam, p))
    # lattice charge on a non-uniform boundary: O(h²) error, h = 0.019 -> ~1e-5
    assert topological_charge(m) == pytest.approx(ref, abs=5e-5)


# --------------------------------------------------------------------------
# Belavin-Polyakov skyrmion on a finite square
# --------------------------------------------------------------------------
def _bp_density_sympy(n):
    """q(x, y) of a BP skyrmion (core down, winding n) from eq. (61), by sympy."""
    X, Y = sp.symbols("X Y", real=True)
    lam = sp.Integer(1)
    r = sp.sqrt(X**2 + Y**2)
    theta = 2 * sp.atan((lam / r) ** n)
    phi = n * sp.atan2(Y, X)
    q = sp.sin(theta) * (theta.diff(X) * phi.diff(Y) - theta.diff(Y) * phi.diff(X)) / (4 * sp.pi)
    return sp.lambdify((Y, X), sp.simplify(q), "numpy")


def test_bp_square_closed_form_against_quadrature():
    q = _bp_density_sympy(1)
    for L in (0.3, 1.0, 5.0):
        ref = 4 * dblquad(q, 0, L, 0, L, epsabs=1e-13, epsrel=1e-12)[0]
        assert belavin_polyakov_charge_in_square(1.0, L) == pytest.approx(ref, abs=1e-10)
    # limits: whole plane and small square (density × area)
    assert belavin_polyakov_charge_in_square(2.0, 1e7, winding=-1, polarity=1) == pytest.approx(-1, abs=1e-12)
    assert belavin_polyakov_charge_in_square(1.0, 1e-4) == pytest.approx(-4e-8 / np.pi, rel=1e-7)


def test_bp_square_lattice_and_fd_converge_to_closed_form():
    L, lam = 5.0, 1.0
    exact = belavin_polyakov_charge_in_square(lam, L)
    assert abs(exact + 1) > 0.03  # 0.032 short of -1, 10^4 x the lattice error below
    err_lat, err_fd = [], []
    for n in (101, 201):
        h = 2 * L / (n - 1)
        X, Y = make_grid((n, n), h)
        m = unit_vectors(*belavin_polyakov_angles(X, Y, lam))
        err_lat.append(abs(topological_charge(m) - exact))
        err_fd.append(abs(topological_charge(m, h, "finite_difference") - exact))
    # both O(h²): ratio 4 within 10 % (measured 4.00 and 3.98)
    assert 3.6 < err_lat[0] / err_lat[1] < 4.4 and err_lat[1] < 2e-6
    assert 3.6 < err_fd[0] / err_fd[1] < 4.4 and err_fd[1] < 3e-3


@pytest.mark.parametrize("winding, polarity", [(2, -1), (-2, 1)])
def test_bp_winding_two_on_square_against_quadrature(winding, polarity):
    q = _bp_density_sympy(2)  # core down, winding +2
    L = 2.0
    ref = 4 * dblquad(q, 0, L, 0, L, epsabs=1e-13)[0] * (-polarity) * np.sign(winding)
    n = 201
    X, Y = make_grid((n, n), 2 * L / (n - 1))
    m = unit_vectors(*belavin_polyakov_angles(X, Y, 1.0, winding=winding, polarity=polarity))
    assert topological_charge(m) == pytest.approx(ref, abs=1e-5)  # O(h²), h = 0.02
    assert abs(ref) < 2 - 0.01  # not an integer on the square


# --------------------------------------------------------------------------
# density: finite differences against eq. (61)
# --------------------------------------------------------------------------
def test_fd_density_against_eq61_on_smooth_texture():
    def max_err(n):
        h = 8.0 / n
        X, Y = make_grid((n, n), h)  # even n: no point at the core
        theta, phi = skyrmion_angles(X, Y, 2.0, 0.7, winding=1, helicity=0.4, polarity=1)
        from spinlib.textures import skyrmion_profile

        r = np.hypot(X, Y)
        _, dth = skyrmion_profile(r, 2.0, 0.7, polarity=1)
        q61 = topological_density_from_angles(
            theta, (dth * X / r, dth * Y / r), (-Y / r**2, X / r**2)
        )
        q_fd = topological_density(unit_vectors(theta, phi), h)
        return np.abs(q_fd - q61).max() / np.abs(q61).max()

    e1, e2 = max_err(80), max_err(160)
    # O(h²), max over the grid incl. the one-sided edges; measured 2.1e-3 at h = 0.05
    assert e2 < 3e-3 and 3.5 < e1 / e2 < 4.5


# --------------------------------------------------------------------------
# vortex-number tensor, eqs. (63)-(64)
# --------------------------------------------------------------------------
@pytest.mark.parametrize("method", ["lattice", "finite_difference"])
def test_vortex_number_tensor_of_a_film_is_nv_d(method):
    h = (0.25, 0.25, 0.4)
    X, Y, Z = make_grid((97, 97, 6), h)
    m = unit_vectors(*skyrmion_angles(X, Y, 2.5, 0.8, winding=2, polarity=1))
    phi = vortex_number_tensor(m, h, method)
    d = 5 * 0.4
    nv = topological_charge(m[:, :, 0], h[:2], method)
    np.testing.assert_allclose(phi, -phi.T, atol=0)
    assert phi[0, 1] == pytest.approx(nv * d, rel=1e-12)  # eq. (64), Φ_xy = n_v d
    # lattice: exact up to the boundary defect; FD at h = 0.25: measured error 0.095
    # (2 x 0.024 per unit charge and length, O(h²))
    assert phi[0, 1] == pytest.approx(2 * d, abs=0.15 if method != "lattice" else 1e-8)
    assert abs(phi[0, 2]) < 1e-12 and abs(phi[1, 2]) < 1e-12


def test_vortex_number_tensor_index_placement():
    """A skyrmion string along x: the texture lives in the (y, z) plane, so only
    Φ_yz = Q_(y,z) L_x is non-zero, with the (y, z) orientation."""
    h = (0.5, 0.25, 0.25)
    X, Y, Z = make_grid((5, 97, 97), h)
    m = unit_vectors(*skyrmion_angles(Y, Z, 2.5, 0.8, winding=1, polarity=-1))
    phi = vortex_number_tensor(m, h)
    assert phi[1, 2] == pytest.approx(-1.0 * 4 * 0.5, abs=1e-8)
    assert phi[2, 1] == -phi[1, 2]
    assert abs(phi[0, 1]) < 1e-12 and abs(phi[0, 2]) < 1e-12
    phi_fd = vortex_number_tensor(m, h, "finite_difference")
    # O(h²) FD error, 0.29 (h/w)² x 2 (the string length) = 0.036 at h = 0.25
    assert phi_fd[1, 2] == pytest.approx(phi[1, 2], abs=0.05)


# --------------------------------------------------------------------------
# input validation
# --------------------------------------------------------------------------
GOOD = np.tile([0.0, 0.0, 1.0], (4, 4, 1))


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: topological_charge(GOOD * 1.1), "unit vectors"),
        (lambda: topological_charge(np.where(GOOD == 1, np.nan, 0)), "finite"),
        (lambda: topological_charge(GOOD[..., :2]), "shape"),
        (lambda: topological_charge(GOOD[None]), "2 grid axes"),
        (lambda: topological_charge(GOOD, method="spectral"), "method"),
        (lambda: topological_charge(GOOD, method="finite_difference"), "spacing must be given"),
        (lambda: topological_charge(GOOD, -1.0), "spacing"),
        (lambda: topological_charge(GOOD[:1]), "at least 2"),
        (lambda: topological_density(GOOD[:2], 1.0), "at least 3"),
        (lambda: vortex_number_tensor(GOOD, 1.0), "3 grid axes"),
        (lambda: vortex_number_tensor(GOOD[:, :, None][:, :, [0, 0]], 1.0, "finite_difference"), "at least 3"),
        (lambda: boundary_winding_number(GOOD), "in-plane"),
        (lambda: belavin_polyakov_charge_in_square(1.0, 1.0, winding=2), "winding"),
        (lambda: belavin_polyakov_charge_in_square(-1.0, 1.0), "scale"),
        (lambda: topological_density_from_angles([0.0, 1.0], ([0.0] * 3, 0.0), (0.0, 0.0)), "broadcast"),
    ],
)
def test_bad_input_raises(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_antiparallel_neighbours_raise():
    m = GOOD.copy()
    m[1, 1] = [0.0, 0.0, -1.0]
    with pytest.raises(ValueError, match="antiparallel"):
        topological_charge(m)
