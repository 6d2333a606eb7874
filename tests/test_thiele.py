"""Tests of spinlib.thiele: the Thiele equation and the paper's eqs. (87)-(90).

Independent references: the Thiele equation written as a residual with 3D
cross products, its 2x2 matrix read off the residual and solved with
numpy.linalg.solve (for the closed-form velocities); sympy Euler-Lagrange equations of the Lagrangian (88); radial
quadrature with sympy derivatives (for D); the Bogomol'nyi identity
|∇m|² = 8π|q| of a Belavin-Polyakov skyrmion; solve_ivp against the analytic
spiral.
"""

import numpy as np
import pytest
import sympy as sp
from scipy.integrate import quad

from spinlib.textures import (
    belavin_polyakov_angles,
    domain_wall_field,
    make_grid,
    skyrmion_angles,
    smooth_vortex_angles,
    unit_vectors,
    vortex_ansatz_angles,
)
from spinlib.thiele import (
    dissipation_tensor,
    free_velocity,
    friction_coefficient,
    gyrovector,
    hall_angle,
    harmonic_equilibrium,
    harmonic_rates,
    harmonic_trajectory,
    paper_gyro_constant,
    paper_vortex_trajectory,
    thiele_trajectory,
    thiele_velocity,
)
from spinlib.topology import belavin_polyakov_charge_in_square, vortex_number_tensor

EZ = np.array([0.0, 0.0, 1.0])


def _thiele_residual(v, u, G, D, alpha, beta, F):
    """F + G e_z × (u - v) + D (β u - α v), written with 3D cross products."""
    w = np.append(np.asarray(u) - v, 0.0)
    return np.asarray(F) + G * np.cross(EZ, w)[:2] + np.asarray(D) @ (beta * np.asarray(u) - alpha * v)


def _solve_residual(u, G, D, alpha, beta, F=(0.0, 0.0)):
    """The residual is affine in v, r(v) = r(0) + M v: read M off the residual at
    the unit vectors, solve the 2x2 system, and check the residual vanishes."""
    args = (u, G, D, alpha, beta, F)
    r0 = _thiele_residual(np.zeros(2), *args)
    M = np.column_stack([_thiele_residual(e, *args) - r0 for e in np.eye(2)])
    v = np.linalg.solve(M, -r0)
    assert np.abs(_thiele_residual(v, *args)).max() <= 1e-12 * (1 + np.abs(r0).max())
    return v


# --------------------------------------------------------------------------
# free velocity
# --------------------------------------------------------------------------
@pytest.mark.parametrize("alpha", [0.01, 0.1, 0.5])
@pytest.mark.parametrize("beta", [0.0, 0.05, 0.3, -0.1])
@pytest.mark.parametrize("eta", [-3.0, -1.0, -0.2, 0.4, 1.0, 2.0, 10.0])
def test_free_velocity_against_numerical_thiele_solution(alpha, beta, eta):
    u = 1.7
    G = -4 * np.pi
    D = eta * G  # η = D/G; D must be >= 0, so flip G's sign when η < 0
    if D < 0:
        G, D = -G, -D
    v = _solve_residual([u, 0.0], G, D * np.eye(2), alpha, beta)
    v_par, v_perp = free_velocity(u, alpha, beta, eta)
    # both exact up to rounding (condition number of the 2x2 system <= 1e4)
    assert v_par == pytest.approx(v[0], abs=1e-12)
    assert v_perp == pytest.approx(v[1], abs=1e-12)  # along e_z × û = ŷ
    assert hall_angle(alpha, beta, eta) == pytest.approx(np.arctan2(v[1], v[0]), abs=1e-12)


def test_free_velocity_limits():
    # β = α: the texture drifts with u
    vp, vs = free_velocity([1.0, -2.0], 0.2, 0.2, [-0.7, 5.0])
    np.testing.assert_allclose(vp, [1.0, -2.0], rtol=1e-15)
    np.testing.assert_allclose(vs, 0.0, atol=1e-16)
    # domain wall, G = 0: v = (β/α) u
    vp, vs = free_velocity(3.0, 0.02, 0.04, [np.inf, -np.inf])
    np.testing.assert_allclose(vp, 6.0, rtol=1e-15)
    np.testing.assert_allclose(vs, 0.0, atol=0)
    # η = 0 (no dissipation relative to G): v = u
    vp, vs = free_velocity(1.0, 0.3, 0.0, 0.0)
    assert (vp, vs) == (1.0, 0.0)
    # continuity across |η| = 1 where the two algebraic forms meet
    a = free_velocity(1.0, 0.3, 0.1, [1 - 1e-12, 1 + 1e-12])
    np.testing.assert_allclose(a[0][0], a[0][1], rtol=1e-11)
    np.testing.assert_allclose(a[1][0], a[1][1], rtol=1e-11)
    # large |η| approaches the wall limit, with v_⊥ ~ (α - β)/(α² η)
    vp, vs = free_velocity(1.0, 0.1, 0.05, 1e8)
    assert vp == pytest.approx(0.5, rel=1e-12) and vs == pytest.approx(0.05 / (0.01 * 1e8), rel=1e-6)


@pytest.mark.parametrize(
    "args, match",
    [
        ((1.0, -0.1, 0.0, 1.0), "alpha"),
        ((1.0, 0.1, np.nan, 1.0), "beta"),
        ((1.0, 0.1, 0.0, np.nan), "eta"),
        ((np.inf, 0.1, 0.0, 1.0), "u"),
        ((1.0, 0.0, 0.1, np.inf), "alpha must be > 0"),
    ],
)
def test_free_velocity_bad_input(args, match):
    with pytest.raises(ValueError, match=match):
        free_velocity(*args)


def test_thiele_velocity_with_force_and_anisotropic_D():
    rng = np.random.default_rng(3)
    for _ in range(20):
        A = rng.normal(size=(2, 2))
        D = A @ A.T
        u, F = rng.normal(size=2), rng.normal(size=2)
        G, alpha, beta = rng.normal() * 5, rng.uniform(0, 1), rng.normal() * 0.3
        v = thiele_velocity(u, G, D, alpha, beta, F)
        np.testing.assert_allclose(v, _solve_residual(u, G, D, alpha, beta, F), atol=1e-10)
    # a wall (G = 0, D_yy = 0) pushed along y: v_y undetermined
    with pytest.raises(ValueError, match="singular"):
        thiele_velocity([1.0, 0.0], 0.0, np.diag([2.0, 0.0]), 0.1, 0.1)
    with pytest.raises(ValueError, match="symmetric"):
        thiele_velocity([1.0, 0.0], 1.0, [[1.0, 0.5], [0.0, 1.0]], 0.1, 0.1)
    with pytest.raises(ValueError, match="semi-definite"):
        thiele_velocity([1.0, 0.0], 1.0, -1.0, 0.1, 0.1)
    with pytest.raises(ValueError, match="alpha"):
        thiele_velocity([1.0, 0.0], 1.0, 1.0, -0.1, 0.1)


# --------------------------------------------------------------------------
# the Thiele equation as the projection of the LLG equation
# --------------------------------------------------------------------------
def test_thiele_equation_is_the_projection_of_llg():
    """For m(x - X(t)), ṁ = -(v·∇)m.  With γ = μ0 M_s = 1 the LLG equation
    ṁ = -m × H + α m × ṁ - (u·∇)m + β m × (u·∇)m says R ≡ ṁ - α m × ṁ
    + (u·∇)m - β m × (u·∇)m = -m × H, so P_i ≡ ∫ ∂_i m·(m × R) = ∫ ∂_i m·H.
    Check (a) P(v) = G e_z × (u - v) + D(β u - α v) for arbitrary u, v (the
    signs of the G and D terms), and (b) ∫ ∂_i m·H = ∂U/∂X_i for the Zeeman
    energy U(X) = -∫ m(x - X)·H (the sign of F = -∂U/∂X): together
    F + G e_z × (u - v) + D(β u - α v) = 0."""
    h = 0.1
    X, Y = make_grid((141, 141), h)

    def texture(center=(0.0, 0.0)):
        return unit_vectors(*skyrmion_angles(X, Y, 2.0, 0.8, helicity=0.4, center=center))

    m = texture()
    from spinlib.textures import field_gradient, grid_integral

    grad = field_gradient(m, h)
    G, D = gyrovector(m), dissipation_tensor(m, h)
    rng = np.random.default_rng(7)
    for _ in range(3):
        u, v = rng.normal(size=2), rng.normal(size=2)
        alpha, beta = 0.3, 0.1
        mdot = -(v[0] * grad[0] + v[1] * grad[1])
        ugrad = u[0] * grad[0] + u[1] * grad[1]
        R = mdot - alpha * np.cross(m, mdot) + ugrad - beta * np.cross(m, ugrad)
        P = [grid_integral(np.sum(grad[i] * np.cross(m, R), -1), h) for i in range(2)]
        pred = G * np.cross(EZ, np.append(u - v, 0))[:2] + D @ (beta * u - alpha * v)
        # same finite differences on both sides; G by the lattice method vs the
        # FD density inside P: O(h²) difference, measured <= 3.1e-3 of |pred|
        np.testing.assert_allclose(P, pred, atol=5e-3 * np.abs(pred).max())
    # (b) Zeeman energy of an off-centre skyrmion in a non-uniform field
    c0 = np.array([0.3, -0.5])
    H = np.stack([0.4 * Y, 0.3 * X + 0.2 * Y, 1 + 0.5 * X + 0.3 * Y], -1)
    grad0 = field_gradient(texture(c0), h)
    dX = 1e-4
    for i, shift in enumerate(np.eye(2) * dX):
        U = [-grid_integral(np.sum(texture(c0 + s * shift) * H, -1), h) for s in (1, -1)]
        dU = (U[0] - U[1]) / (2 * dX)  # O(dX²) ~ 1e-8 relative
        proj = grid_integral(np.sum(grad0[i] * H, -1), h)
        assert abs(dU) > 0.1  # non-trivial
        assert proj == pytest.approx(dU, rel=1e-5)  # measured <= 1.7e-6 (FD in ∂_i m, dX)


# --------------------------------------------------------------------------
# gyrovector and dissipation tensor from textures
# --------------------------------------------------------------------------
def test_gyrovector_is_4pi_Q_and_wall_has_none():
    X, Y = make_grid((121, 121), 0.25)
    m = unit_vectors(*skyrmion_angles(X, Y, 2.5, 0.8, winding=-1, polarity=-1))
    assert gyrovector(m) == pytest.approx(4 * np.pi, abs=1e-8)  # Q = p m = +1
    assert gyrovector(m, 0.25, "finite_difference") == pytest.approx(4 * np.pi, abs=0.3)
    wall = domain_wall_field(make_grid((121, 11), 0.25), width=1.0)
    assert abs(gyrovector(wall)) < 1e-20  # every plaquette is coplanar with e_z: rounding only


def test_dissipation_tensor_of_a_wall():
    h = 0.05
    grid = make_grid((401, 7), h)
    D = dissipation_tensor(domain_wall_field(grid, width=0.8, kind="neel"), h)
    Ly = 6 * h
    # ∫ θ'² dx = 2/λ (tail beyond |x| = 10 = 12.5 λ: 4 e^{-25}/λ ~ 7e-11); FD O(h²):
    # measured relative error 1.3e-3 = 0.33 (h/λ)² at h/λ = 1/16
    assert D[0, 0] == pytest.approx(2 / 0.8 * Ly, rel=2e-3)
    assert abs(D[1, 1]) < 1e-14 and abs(D[0, 1]) < 1e-14


def test_dissipation_tensor_of_a_skyrmion_against_radial_quadrature():
    R, w, n = 2.5, 0.8, 1
    r = sp.symbols("r", positive=True)
    th = 2 * sp.atan(sp.sinh(sp.Rational(5, 2) / sp.Rational(4, 5)) / sp.sinh(r / sp.Rational(4, 5)))
    dth = sp.lambdify(r, sp.diff(th, r))
    thn = sp.lambdify(r, th)
    # D_xx = D_yy = ½ ∫|∇m|² = π ∫ (θ'² + n² sin²θ / r²) r dr
    ref = np.pi * quad(lambda s: (dth(s) ** 2 + n**2 * np.sin(thn(s)) ** 2 / s**2) * s, 0, 40, limit=200)[0]
    h = 0.1
    X, Y = make_grid((301, 301), h)
    D = dissipation_tensor(unit_vectors(*skyrmion_angles(X, Y, R, w, helicity=0.7)), h)
    # FD O(h²): measured relative error 4.0e-3 at h = 0.1 (h/w = 0.125)
    np.testing.assert_allclose(np.diag(D), ref, rtol=6e-3)
    assert abs(D[0, 1]) < 1e-10 * ref


def test_bogomolnyi_bp_trace_D_is_8pi_Q_on_a_square():
    """A Belavin-Polyakov skyrmion saturates |∇m|² = 8π|q| pointwise, so on the
    square tr D = 8π|Q_□| with the closed form of topology."""
    L, n = 4.0, 161
    h = 2 * L / (n - 1)
    X, Y = make_grid((n, n), h)
    D = dissipation_tensor(unit_vectors(*belavin_polyakov_angles(X, Y, 1.0, helicity="bloch")), h)
    ref = 8 * np.pi * abs(belavin_polyakov_charge_in_square(1.0, L))
    assert np.trace(D) == pytest.approx(ref, rel=2e-3)  # FD O(h²), h/λ = 0.05


def test_friction_printed_is_twice_thiele_for_a_vortex():
    h = 0.1
    X, Y = make_grid((101, 101), h)
    e_s = unit_vectors(*smooth_vortex_angles(X, Y, 1.0))
    D = dissipation_tensor(e_s, h)
    assert D[0, 0] == pytest.approx(D[1, 1], rel=1e-12)  # 90° rotation symmetry
    thiele = friction_coefficient(0.02, D, spin=1.5, lattice_constant=0.5, thickness=2.0)
    printed = friction_coefficient(0.02, D, 1.5, 0.5, 2.0, convention="printed")
    assert thiele == pytest.approx(0.02 * 1.5 * 2.0 / 0.125 * D[0, 0], rel=1e-14)
    assert printed / thiele == pytest.approx(2.0, rel=1e-12)
    with pytest.raises(ValueError, match="isotropic"):
        friction_coefficient(0.02, np.diag([2.0, 0.0]))


def test_gilbert_dissipation_of_a_moving_texture_is_v_D_v():
    """Power 2W/α = ∫ |ṁ|² d²x of m(x - v t), from a time difference of the
    analytic texture, equals v·D·v (so the friction is α D_xx, not α tr D)."""
    h, dt = 0.05, 1e-5
    X, Y = make_grid((241, 241), h)
    v = np.array([0.6, -0.3])

    def m_at(t):
        return unit_vectors(*skyrmion_angles(X, Y, 2.0, 0.8, winding=1, helicity=0.3, center=v * t))

    mdot = (m_at(dt) - m_at(-dt)) / (2 * dt)  # O(dt²) ~ 1e-10
    w = np.full(241, h)
    w[[0, -1]] = h / 2
    power = np.einsum("i,j,ij->", w, w, np.sum(mdot**2, -1))
    D = dissipation_tensor(m_at(0.0), h)
    # v·D·v vs ∫|ṁ|²: the FD O(h²) error of D dominates (h/w = 1/16), measured 1.0e-3
    assert power == pytest.approx(v @ D @ v, rel=3e-3)
    assert power == pytest.approx(0.5 * np.trace(D) * (v @ v), rel=3e-3)  # not tr D


def test_paper_gyro_constant_and_sign_relation_to_thiele_G():
    """g = 4πħSΦ_xy/a³ of (88) from the spin direction e_s of a (92) vortex film;
    Thiele's G of the magnetisation m = -e_s satisfies g = -(ħSd/a³) G."""
    hx, hz = 0.1, 0.5
    X, Y, Z = make_grid((81, 81, 3), (hx, hx, hz))
    e_s = unit_vectors(*vortex_ansatz_angles(X, Y, 2.0, polarity=-1))
    phi_xy = vortex_number_tensor(e_s, (hx, hx, hz))[0, 1]
    d = 2 * hz
    assert phi_xy == pytest.approx(-0.5 * d, abs=1e-12)  # n_v = p/2
    g = paper_gyro_constant(phi_xy, spin=2.0, lattice_constant=0.5)
    assert g == pytest.approx(4 * np.pi * 2.0 * (-0.5 * d) / 0.125, rel=1e-12)
    G_m = gyrovector(-e_s[:, :, 0])
    assert g == pytest.approx(-(2.0 * d / 0.125) * G_m, rel=1e-12)


# --------------------------------------------------------------------------
# the paper's vortex dynamics, eqs. (87)-(90), symbolically
# --------------------------------------------------------------------------
t_ = sp.symbols("t", real=True)
Xf, Yf = sp.Function("X", real=True)(t_), sp.Function("Y", real=True)(t_)
g_, at_ = sp.symbols("g alpha_tilde", real=True, nonzero=True)
Ux, Uy = sp.symbols("U_x U_y", real=True)  # ∂U/∂X, ∂U/∂Y at the current position


def _euler_lagrange_velocity():
    """Ẋ from L = ½ g e_z·(Ẋ × X) - U (88) with Rayleigh W = ½ α̃ Ẋ²."""
    Xd, Yd = Xf.diff(t_), Yf.diff(t_)
    U = sp.Function("U")(Xf, Yf)
    L = sp.Rational(1, 2) * g_ * (Xd * Yf - Yd * Xf) - U  # e_z·(Ẋ × X) = Ẋ_x Y - Ẋ_y X
    W = at_ / 2 * (Xd**2 + Yd**2)
    eqs = [
        sp.diff(L.diff(q.diff(t_)), t_) - L.diff(q) + W.diff(q.diff(t_)) for q in (Xf, Yf)
    ]
    grad = {U.diff(Xf): Ux, U.diff(Yf): Uy}
    eqs = [sp.simplify(e.subs(grad)) for e in eqs]
    vx, vy = sp.symbols("v_x v_y")
    eqs = [e.subs({Xd: vx, Yd: vy}) for e in eqs]
    sol = sp.solve(eqs, [vx, vy], dict=True)[0]
    return sp.Matrix([sol[vx], sol[vy]])


def _eq89_velocity(F):
    """Solve Ẋ = (1/g) e_z × (F - α̃ Ẋ) (89) for Ẋ."""
    vx, vy = sp.symbols("v_x v_y")
    rhs = sp.Matrix([-(F[1] - at_ * vy), F[0] - at_ * vx]) / g_  # e_z × w = (-w_y, w_x)
    sol = sp.solve([vx - rhs[0], vy - rhs[1]], [vx, vy], dict=True)[0]
    return sp.Matrix([sol[vx], sol[vy]])


def test_eq89_follows_from_eq88_only_with_F_equal_minus_grad_U():
    v_el = _euler_lagrange_velocity()
    corrected = _eq89_velocity(sp.Matrix([-Ux, -Uy]))  # F = -∂U/∂X
    printed = _eq89_velocity(sp.Matrix([Ux, Uy]))  # F ≡ +∂U/∂X as printed
    assert sp.simplify(v_el - corrected) == sp.zeros(2, 1)
    assert sp.simplify(v_el - printed) != sp.zeros(2, 1)
    # energy balance: dU/dt = ∇U·Ẋ = -α̃ |Ẋ|² (corrected) but +α̃ |Ẋ|² (printed)
    for v, sign in ((corrected, -1), (printed, +1)):
        dUdt = Ux * v[0] + Uy * v[1]
        assert sp.simplify(dUdt - sign * at_ * (v[0] ** 2 + v[1] ** 2)) == 0


def test_eq90_from_eq89_and_eq87():
    """Insert the force (87) into (89) and compare with (90) (ħ = 1)."""
    a, e, S, Phi, P, N, rho, gam, bsf = sp.symbols(
        "a e S Phi P N_e rho_S gamma beta_sf", positive=True
    )
    jx, jy, vx, vy = sp.symbols("j_x j_y v_x v_y", real=True)
    j = sp.Matrix([jx, jy, 0])
    ez = sp.Matrix([0, 0, 1])
    g = 4 * sp.pi * S * Phi / a**3  # (88) with ħ = 1
    gvec = g * ez
    F87 = j * (e * N * rho + P * gam * bsf / (2 * e * S)) + P * a**3 / (2 * e * S) * j.cross(gvec)
    v = sp.Matrix([vx, vy, 0])
    rhs89 = ez.cross(F87 - at_ * v) / g
    f = a**3 / (8 * sp.pi * S**2 * Phi) * (2 * S * e**2 * N * rho + gam * P * bsf)
    rhs90 = a**3 / (2 * e * S) * P * j + ez.cross(f / e * j - a**3 * at_ / (4 * sp.pi * S * Phi) * v)
    assert sp.simplify(rhs89 - rhs90) == sp.zeros(3, 1)


def test_eq87_adiabatic_force_has_the_opposite_sign_of_eq62():
    """(62) for a film: F_j = 2π Σ_i (j_si/e) Φ_ij; (87): P a³/(2eS) j × g."""
    a, e, S, Phi = sp.symbols("a e S Phi", positive=True)
    jsx, jsy = sp.symbols("j_sx j_sy", real=True)
    Phi_ij = sp.Matrix([[0, Phi], [-Phi, 0]])
    js = sp.Matrix([jsx, jsy])
    F62 = sp.Matrix([2 * sp.pi * sum(js[i] / e * Phi_ij[i, k] for i in range(2)) for k in range(2)])
    gvec = sp.Matrix([0, 0, 4 * sp.pi * S * Phi / a**3])
    F87 = (a**3 / (2 * e * S) * sp.Matrix([jsx, jsy, 0]).cross(gvec))[:2, :]
    assert sp.simplify(F62 + F87) == sp.zeros(2, 1)  # F62 = -F87


# --------------------------------------------------------------------------
# a vortex in a harmonic trap
# --------------------------------------------------------------------------
CASES = [
    dict(G=2 * np.pi, D=3.0, alpha=0.05, beta=0.1, kappa=0.8, u=(0.4, 0.0)),
    dict(G=-2 * np.pi, D=5.0, alpha=0.2, beta=0.0, kappa=1.5, u=(-0.3, 0.7)),
    dict(G=-4 * np.pi, D=4 * np.pi, alpha=0.3, beta=0.3, kappa=0.5, u=(0.0, 0.0)),
]


@pytest.mark.parametrize("case", CASES)
def test_ode_trajectory_matches_analytic_spiral(case):
    t = np.linspace(0.0, 60.0, 301)
    x0 = np.array([0.7, -0.2])
    args = (case["u"], case["G"], case["D"], case["alpha"], case["beta"], case["kappa"])
    ana = harmonic_trajectory(t, x0, *args)
    ode = thiele_trajectory(t, x0, **case)
    np.testing.assert_allclose(ode, ana, atol=1e-8)  # DOP853 at rtol 1e-10
    # the analytic solution solves the Thiele equation pointwise (velocity by FD in t)
    dt = 1e-6
    Xs = harmonic_trajectory(np.array([3.0 - dt, 3.0, 3.0 + dt]), x0, *args)
    v = (Xs[2] - Xs[0]) / (2 * dt)
    D2 = case["D"] * np.eye(2)
    res = _thiele_residual(
        v, case["u"], case["G"], D2, case["alpha"], case["beta"], -case["kappa"] * Xs[1]
    )
    np.testing.assert_allclose(res, 0.0, atol=1e-7)  # central difference, O(dt²)+rounding/dt


def test_harmonic_limits():
    G, D, kappa = 2 * np.pi, 3.0, 0.7
    u = np.array([0.5, 0.0])
    # equilibrium: κX* = G e_z × u + β D u; β = 0 -> purely transverse, |X*| = |G u|/κ
    xs = harmonic_equilibrium(u, G, D, 0.0, kappa)
    np.testing.assert_allclose(xs, [0.0, G * 0.5 / kappa], atol=1e-15)
    xs = harmonic_equilibrium(u, G, D, 0.2, kappa)
    np.testing.assert_allclose(xs, [0.2 * D * 0.5 / kappa, G * 0.5 / kappa], rtol=1e-15)
    # no damping: a circle about X* at ω = κ/G
    t = np.linspace(0, 20, 50)
    X = harmonic_trajectory(t, [1.0, 0.0], u, G, D, 0.0, 0.2, kappa)
    np.testing.assert_allclose(np.linalg.norm(X - xs, axis=1), np.linalg.norm([1.0, 0.0] - xs), rtol=1e-13)
    assert harmonic_rates(G, D, 0.0, kappa) == (0.0, kappa / G)
    # no gyrotropic term (a wall-like object): pure relaxation, no rotation
    gam, om = harmonic_rates(0.0, D, 0.1, kappa)
    assert om == 0.0 and gam == pytest.approx(kappa / (0.1 * D))
    X = harmonic_trajectory(t, [1.0, 0.0], [0.0, 0.0], 0.0, D, 0.1, 0.0, kappa)
    np.testing.assert_allclose(X[:, 1], 0.0, atol=0)
    # long times: X -> X*
    X = harmonic_trajectory([1e4], [1.0, -1.0], u, G, D, 0.1, 0.3, kappa)
    np.testing.assert_allclose(X[0], harmonic_equilibrium(u, G, D, 0.3, kappa), atol=1e-12)


@pytest.mark.parametrize("case", CASES[:2])
def test_paper_form_89_90_equals_thiele_with_g_equal_minus_G(case):
    """(89)-(90) with F = -κX is the Thiele equation with g = -G, α̃ = αD,
    drift u_p = u and force along the current F_j = βDu."""
    t = np.linspace(0.0, 40.0, 201)
    x0 = np.array([-0.5, 0.9])
    u = np.asarray(case["u"])
    paper = paper_vortex_trajectory(
        t, x0, g=-case["G"], alpha_tilde=case["alpha"] * case["D"], kappa=case["kappa"],
        drift=u, current_force=case["beta"] * case["D"] * u,
    )
    np.testing.assert_allclose(paper, thiele_trajectory(t, x0, **case), atol=1e-8)


def test_printed_force_sign_drives_the_vortex_up_the_potential():
    t = np.linspace(0.0, 50.0, 101)
    kw = dict(g=2 * np.pi, alpha_tilde=0.3, kappa=1.0)
    r_ok = np.linalg.norm(paper_vortex_trajectory(t, [1.0, 0.0], **kw), axis=1)
    r_bad = np.linalg.norm(paper_vortex_trajectory(t, [1.0, 0.0], force_sign="printed", **kw), axis=1)
    gamma = 1.0 * 0.3 / ((2 * np.pi) ** 2 + 0.3**2)  # Γ of harmonic_rates
    np.testing.assert_allclose(r_ok, np.exp(-gamma * t), rtol=1e-8)  # damped spiral in
    np.testing.assert_allclose(r_bad, np.exp(+gamma * t), rtol=1e-8)  # spirals out: U grows


def _traj(t=(0, 1), x0=(0, 0), **kw):
    par = dict(G=1.0, D=1.0, alpha=0.1, beta=0.0, kappa=1.0) | kw
    return thiele_trajectory(t, x0, **par)


def _paper(**kw):
    par = dict(g=1.0, alpha_tilde=0.1, kappa=1.0) | kw
    return paper_vortex_trajectory([0, 1], [0, 0], **par)


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: _traj(alpha=-0.1), "alpha"),
        (lambda: _traj(kappa=-1.0), "kappa"),
        (lambda: _traj(t=[1, 0]), "increasing"),
        (lambda: _traj(x0=[0, np.nan]), "x0"),
        (lambda: harmonic_trajectory([0, 1], [0, 0], [0, 0], 1.0, np.eye(2), 0.1, 0.0, 1.0), "number"),
        (lambda: harmonic_rates(0.0, 1.0, 0.0, 1.0), "both vanish"),
        (lambda: harmonic_equilibrium([1, 0, 0], 1.0, 1.0, 0.0, 1.0), "in-plane"),
        (lambda: _paper(g=0.0), "non-zero"),
        (lambda: _paper(force_sign="x"), "force_sign"),
        (lambda: _paper(alpha_tilde=-1.0), "alpha_tilde"),
        (lambda: paper_gyro_constant(1.0, spin=-1.0, lattice_constant=1.0), "spin"),
        (lambda: friction_coefficient(-0.1, np.eye(2)), "alpha"),
        (lambda: friction_coefficient(0.1, np.eye(2), convention="other"), "convention"),
        (lambda: dissipation_tensor(np.ones((4, 4, 3)), 1.0), "unit vectors"),
        (lambda: gyrovector(np.tile([0.0, 0, 1], (4, 4, 1)), method="finite_difference"), "spacing"),
    ],
)
def test_bad_input_raises(call, match):
    with pytest.raises(ValueError, match=match):
        call()
