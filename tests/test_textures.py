"""Tests of spinlib.textures: grids, profiles and their derivatives, texture fields.

Profile derivatives are checked against sympy's derivative of the defining
formula (independent of the hand-derived closed forms in the module).
"""

import warnings

import numpy as np
import pytest
import sympy as sp

from spinlib.textures import (
    belavin_polyakov_angles,
    belavin_polyakov_profile,
    domain_wall_angles,
    domain_wall_field,
    domain_wall_profile,
    field_gradient,
    grid_integral,
    make_grid,
    normalized,
    skyrmion_angles,
    skyrmion_profile,
    smooth_vortex_angles,
    smooth_vortex_profile,
    unit_vectors,
    vortex_ansatz_angles,
    vortex_ansatz_profile,
)

R_SYM = sp.symbols("r", positive=True)


def _sympy_profile(kind, **par):
    """θ(r) of each profile from its defining formula (polarity -1 / +1 as stated)."""
    r = R_SYM
    if kind == "skyrmion":  # core down, the 360° wall
        R, w = par["radius"], par["wall_width"]
        return 2 * sp.atan(sp.sinh(sp.Rational(R) / w) / sp.sinh(r / w))
    if kind == "bp":  # core down
        lam, n = par["scale"], par["n"]
        return 2 * sp.atan((lam / r) ** n)
    if kind == "smooth":  # core up
        lam = par["core_radius"]
        return sp.acos(sp.exp(-(r**2) / lam**2))
    if kind == "ansatz":  # core up, inside the core
        lam = par["core_radius"]
        return sp.pi * (1 - sp.exp(-(r**2) / lam**2)) / (2 * (1 - sp.exp(-1)))
    raise AssertionError(kind)


R_POINTS = np.array([0.05, 0.3, 0.9, 1.7, 2.5, 4.0, 7.5])


@pytest.mark.parametrize(
    "func, kind, kwargs, base_polarity, rmax",
    [
        (skyrmion_profile, "skyrmion", dict(radius=2, wall_width=0.7), -1, np.inf),
        (belavin_polyakov_profile, "bp", dict(scale=1.3, n=1), -1, np.inf),
        (belavin_polyakov_profile, "bp", dict(scale=1.3, n=2), -1, np.inf),
        (smooth_vortex_profile, "smooth", dict(core_radius=1.1), 1, np.inf),
        (vortex_ansatz_profile, "ansatz", dict(core_radius=2.0), 1, 2.0),
    ],
)
@pytest.mark.parametrize("polarity", [1, -1])
def test_profile_value_and_derivative_match_sympy(func, kind, kwargs, base_polarity, rmax, polarity):
    theta_sym = _sympy_profile(kind, **kwargs)
    f = sp.lambdify(R_SYM, theta_sym, "numpy")
    df = sp.lambdify(R_SYM, sp.diff(theta_sym, R_SYM), "numpy")
    r = R_POINTS[R_POINTS <= rmax]
    args = dict(kwargs)
    if kind == "bp":
        args = dict(scale=kwargs["scale"], winding=kwargs["n"])
    theta, dtheta = func(r, **args, polarity=polarity)
    ref, dref = f(r), df(r)
    if polarity != base_polarity:  # the other polarity is θ → π - θ
        ref, dref = np.pi - ref, -dref
    # double-precision evaluation of the same function: agreement to rounding
    np.testing.assert_allclose(theta, ref, rtol=0, atol=1e-13)
    np.testing.assert_allclose(dtheta, dref, rtol=1e-11, atol=1e-13)


def test_profile_limits_at_core_and_far_away():
    # θ(0) = π for core down, and the analytic r → 0 limits of dθ/dr
    th, d = skyrmion_profile([0.0, 2.0, 1e5], radius=2.0, wall_width=0.5)
    assert th[0] == pytest.approx(np.pi, abs=1e-15)
    assert th[1] == pytest.approx(np.pi / 2, abs=1e-14)
    assert th[2] == 0.0 and d[2] == 0.0
    assert d[0] == pytest.approx(-2 / (0.5 * np.sinh(4.0)), rel=1e-14)
    th, d = belavin_polyakov_profile([0.0, 1.5], scale=1.5)
    assert th[0] == np.pi and th[1] == pytest.approx(np.pi / 2, abs=1e-15)
    assert d[0] == pytest.approx(-2 / 1.5, rel=1e-15)
    th, d = belavin_polyakov_profile([0.0], scale=1.5, winding=-2)
    assert d[0] == 0.0  # θ = π - 2 (r/λ)² near the core
    th, d = smooth_vortex_profile([0.0, 1e3], core_radius=2.0, polarity=-1)
    assert th[0] == pytest.approx(np.pi, abs=1e-15)
    assert th[1] == pytest.approx(np.pi / 2, abs=1e-15)
    assert d[0] == pytest.approx(-np.sqrt(2) / 2.0, rel=1e-12)
    # ansatz (92): continuous at λ_v, slope jumps from π/((e-1)λ_v) to 0
    lam = 1.5
    th, d = vortex_ansatz_profile([lam, lam * (1 + 1e-12)], lam)
    assert th[0] == pytest.approx(np.pi / 2, abs=1e-14) and th[1] == np.pi / 2
    assert d[0] == pytest.approx(np.pi / ((np.e - 1) * lam), rel=1e-14) and d[1] == 0.0


def test_domain_wall_profile_against_tanh_and_no_overflow():
    x = np.linspace(-30, 30, 601)
    th, d = domain_wall_profile(x, width=1.5, center=2.0)
    np.testing.assert_allclose(np.cos(th), -np.tanh((x - 2.0) / 1.5), atol=1e-15)
    np.testing.assert_allclose(d, 1 / (1.5 * np.cosh((x - 2.0) / 1.5)), rtol=1e-12)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no overflow warning far from the wall
        th, d = domain_wall_profile([-1e6, 1e6], width=1.0)
    assert th.tolist() == [0.0, np.pi] and d.tolist() == [0.0, 0.0]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        skyrmion_profile([1e6], radius=1.0, wall_width=1e-3)
        smooth_vortex_profile([0.0, 1e6], core_radius=1e-3)
        th, d = belavin_polyakov_profile([1e200], scale=1.0, winding=2)
    assert th[0] == 0.0 and d[0] == 0.0


def test_make_grid():
    X, Y, Z = make_grid((4, 3, 2), (0.5, 1.0, 2.0))
    assert X.shape == Y.shape == Z.shape == (4, 3, 2)
    np.testing.assert_allclose(X[:, 0, 0], [-0.75, -0.25, 0.25, 0.75])
    np.testing.assert_allclose(Y[0, :, 0], [-1.0, 0.0, 1.0])
    np.testing.assert_allclose(Z[0, 0, :], [-1.0, 1.0])
    (x,) = make_grid(3, 0.1, center=False)
    np.testing.assert_allclose(x, [0.0, 0.1, 0.2])
    for bad in [(0, 3), (2, 2, 2, 2), (2.5, 3), ()]:
        with pytest.raises(ValueError, match="shape"):
            make_grid(bad, 1.0)
    with pytest.raises(ValueError, match="spacing"):
        make_grid((3, 3), -1.0)


@pytest.mark.parametrize("winding", [1, -1, 2])
@pytest.mark.parametrize("polarity", [1, -1])
def test_skyrmion_angles_conventions(winding, polarity):
    X, Y = make_grid((41, 41), 0.25)
    theta, phi = skyrmion_angles(X, Y, 2.0, 0.5, winding=winding, helicity=0.3, polarity=polarity)
    m = unit_vectors(theta, phi)
    np.testing.assert_allclose(np.linalg.norm(m, axis=-1), 1.0, atol=1e-14)
    assert m[20, 20, 2] == pytest.approx(polarity, abs=1e-15)  # core
    assert m[0, 0, 2] == pytest.approx(-polarity, abs=1e-4)  # far field (corner, r = 7.1)
    # φ = m ϕ + γ: compare the in-plane direction with an independent construction
    azimuth = np.arctan2(Y, X)
    inplane = np.stack([np.cos(winding * azimuth + 0.3), np.sin(winding * azimuth + 0.3)], -1)
    mxy = m[..., :2] / np.maximum(np.linalg.norm(m[..., :2], axis=-1, keepdims=True), 1e-300)
    mask = np.sin(theta) > 1e-8
    np.testing.assert_allclose(mxy[mask], inplane[mask], atol=1e-12)


def test_neel_points_outward_bloch_curls():
    x = np.array([1.0, 0.0])
    y = np.array([0.0, 1.0])
    m_neel = unit_vectors(*skyrmion_angles(x, y, 1.0, 0.3, helicity="neel"))
    m_bloch = unit_vectors(*skyrmion_angles(x, y, 1.0, 0.3, helicity="bloch"))
    # at r = R the spin lies in the plane: Néel along r̂, Bloch along ϕ̂
    np.testing.assert_allclose(m_neel, [[1, 0, 0], [0, 1, 0]], atol=1e-15)
    np.testing.assert_allclose(m_bloch, [[0, 1, 0], [-1, 0, 0]], atol=1e-15)
    m_bp = unit_vectors(*belavin_polyakov_angles(x, y, 1.0, helicity=np.pi))
    np.testing.assert_allclose(m_bp, [[-1, 0, 0], [0, -1, 0]], atol=1e-15)


@pytest.mark.parametrize("polarity", [1, -1])
@pytest.mark.parametrize("chirality", [1, -1])
def test_vortex_ansatz_matches_eq92(polarity, chirality):
    X, Y = make_grid((31, 31), 0.2)
    theta, phi = vortex_ansatz_angles(X, Y, 1.5, polarity=polarity, chirality=chirality)
    r = np.hypot(X, Y)
    ref = np.where(r > 1.5, np.pi / 2, np.pi / (2 * (1 - np.exp(-1))) * (1 - np.exp(-(r**2) / 1.5**2)))
    if polarity == -1:
        ref = np.pi - ref
    np.testing.assert_allclose(theta, ref, atol=1e-15)
    # in-plane curl: at (x > 0, y = 0) the spin points along c ŷ
    m = unit_vectors(theta, phi)
    assert m[25, 15, 1] == pytest.approx(chirality, abs=1e-15)
    # positional and keyword use of the original signature still work
    t2, p2 = vortex_ansatz_angles(X, Y, 1.5, polarity, chirality)
    np.testing.assert_array_equal(t2, theta)


def test_smooth_vortex_is_in_plane_far_away_and_smooth():
    X, Y = make_grid((41, 41), 0.3)
    theta, phi = smooth_vortex_angles(X, Y, 1.0, polarity=-1, chirality=-1, winding=-1)
    m = unit_vectors(theta, phi)
    assert abs(m[0, 20, 2]) < 1e-15  # r = 6: exp(-36) = 2e-16
    assert m[20, 20, 2] == -1.0
    # smoothness at the core: the FD gradient converges at O(h²) uniformly
    def max_err(n):
        h = 2.0 / (n - 1)
        X, Y = make_grid((n, n), h)
        f = lambda dx, dy: unit_vectors(*smooth_vortex_angles(X + dx, Y + dy, 1.0))
        e = 1e-6  # reference: central difference in the analytic field, error 1e-12
        exact = (f(e, 0) - f(-e, 0)) / (2 * e)
        return np.abs(field_gradient(f(0, 0), h)[0] - exact)[1:-1, 1:-1].max()

    ratio = max_err(21) / max_err(41)
    assert 3.5 < ratio < 4.5  # O(h²): 4 up to higher-order terms


@pytest.mark.parametrize("axis", [0, 1])
@pytest.mark.parametrize("kind", ["bloch", "neel"])
def test_domain_wall_field_embedding(axis, kind):
    grid = make_grid((21, 11, 5), (0.2, 0.3, 0.5))
    m = domain_wall_field(grid, width=0.7, center=0.1, kind=kind, axis=axis)
    assert m.shape == (21, 11, 5, 3)
    coord = grid[axis]
    np.testing.assert_allclose(m[..., 2], -np.tanh((coord - 0.1) / 0.7), atol=1e-15)
    normal = np.eye(3)[axis]
    in_plane = m - m[..., 2:3] * np.array([0, 0, 1])
    if kind == "bloch":  # rotation plane ⊥ normal
        np.testing.assert_allclose(in_plane @ normal, 0.0, atol=1e-15)
    else:  # rotation plane contains the normal
        np.testing.assert_allclose(np.linalg.norm(np.cross(in_plane, normal), axis=-1), 0, atol=1e-15)
    if axis == 0:  # same as the angle function
        ref = unit_vectors(*domain_wall_angles(grid[0], 0.7, 0.1, kind))
        np.testing.assert_array_equal(m, ref)


def test_field_gradient_second_order():
    def err(n):
        x = np.linspace(0, 2, n)
        m = np.stack([np.cos(x**2), np.sin(x**2), 0 * x], -1)
        exact = np.stack([-2 * x * np.sin(x**2), 2 * x * np.cos(x**2), 0 * x], -1)
        return np.abs(field_gradient(m, x[1] - x[0])[0] - exact).max()

    assert 3.6 < err(201) / err(401) < 4.4  # O(h²)


def test_grid_integral():
    X, Y, Z = make_grid((5, 4, 3), (0.5, 1.0, 2.0), center=False)
    # the trapezoidal rule is exact for multilinear integrands: ∫∫∫ x y z over the box
    assert grid_integral(X * Y * Z, (0.5, 1.0, 2.0)) == pytest.approx(
        (2.0**2 / 2) * (3.0**2 / 2) * (4.0**2 / 2), rel=1e-14
    )
    # O(h²) for a curved integrand: ∫_0^1 x² dx = 1/3, error h²/6
    x = np.linspace(0, 1, 11)
    assert grid_integral(x**2, 0.1) - 1 / 3 == pytest.approx(0.01 / 6, rel=1e-10)
    with pytest.raises(ValueError, match="points per axis"):
        grid_integral(np.ones((1, 4)), 1.0)
    with pytest.raises(ValueError, match="spacing"):
        grid_integral(np.ones((2, 4)), (1.0, 2.0, 3.0))


def test_normalized():
    v = normalized(np.array([[3.0, 0, 4.0], [0, 0, -2.0]]))
    np.testing.assert_allclose(v, [[0.6, 0, 0.8], [0, 0, -1]])
    with pytest.raises(ValueError, match="length"):
        normalized([[0.0, 0.0, 0.0]])
    with pytest.raises(ValueError, match="shape"):
        normalized([1.0, 2.0])


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: skyrmion_angles([0.0], [0.0], 1.0, -1.0), "wall_width"),
        (lambda: skyrmion_angles([0.0], [0.0], 0.0, 1.0), "radius"),
        (lambda: skyrmion_angles([0.0], [0.0, 1.0], 1.0, 1.0), "same shape"),
        (lambda: skyrmion_angles([np.nan], [0.0], 1.0, 1.0), "finite"),
        (lambda: skyrmion_angles([0.0], [0.0], 1.0, 1.0, winding=0), "winding"),
        (lambda: skyrmion_angles([0.0], [0.0], 1.0, 1.0, winding=1.5), "winding"),
        (lambda: skyrmion_angles([0.0], [0.0], 1.0, 1.0, winding=True), "winding"),
        (lambda: skyrmion_angles([0.0], [0.0], 1.0, 1.0, polarity=0), "polarity"),
        (lambda: skyrmion_angles([0.0], [0.0], 1.0, 1.0, helicity="twisted"), "helicity"),
        (lambda: skyrmion_angles([0.0], [0.0], 1.0, 1.0, center=(0.0,)), "center"),
        (lambda: belavin_polyakov_angles([0.0], [0.0], 0.0), "scale"),
        (lambda: smooth_vortex_angles([0.0], [0.0], 1.0, chirality=2), "chirality"),
        (lambda: vortex_ansatz_angles([0.0], [0.0], 1.0, polarity=-2), "polarity"),
        (lambda: vortex_ansatz_profile([-1.0], 1.0), "r must"),
        (lambda: domain_wall_angles([0.0], 1.0, kind="twisted"), "kind"),
        (lambda: domain_wall_field((np.zeros(3),), 1.0, axis=1), "axis"),
        (lambda: domain_wall_field((np.zeros(3), np.zeros(4)), 1.0), "same shape"),
        (lambda: unit_vectors([0.0, 1.0], [0.0]), "same shape"),
        (lambda: field_gradient(np.ones((5, 3)), 1.0), "unit vectors"),
        (lambda: field_gradient(np.tile([0.0, 0, 1], (2, 5, 1)), 1.0), "at least 3"),
        (lambda: field_gradient(np.tile([0.0, 0, 1], (5, 5, 1)), (1.0, 0.0)), "spacing"),
    ],
)
def test_bad_input_raises(call, match):
    with pytest.raises(ValueError, match=match):
        call()
