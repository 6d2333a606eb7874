"""Spin density (84), torque (81) and forces (85)-(86) of spin relaxation on grids.

Checks: (84) gives the torque (81) through τ = -(Δ/S) S × s (eqs. 4, 42);
(85) is eq. (53) applied to (84); (85) evaluated numerically on a tanh wall
agrees with the closed form (86) (corrected) with the stiffness 2A/λ derived
by sympy, with the O(h²) error of the finite differences predicted and
observed; a rigidly moving wall feels no spin-relaxation force at v = βu/α,
the Thiele velocity of :mod:`spinlib.thiele`.
"""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from scipy.integrate import trapezoid

from spinlib import relaxation as rl
from spinlib.gauge import spin_frame
from spinlib.symbolic import is_identically_zero
from spinlib.textures import domain_wall_field, domain_wall_profile, make_grid, unit_vectors

PARAMS = dict(alpha=0.03, beta=0.07, drift_velocity=[0.8, -0.5, 0.0], local_spin_density=0.4)


def smooth_texture_2d(n=41, h=0.2):
    """A generic smooth texture e(x, y) and a time derivative ė ⊥ e."""
    X, Y = make_grid((n, n + 6), h)
    theta = 1.2 + 0.6 * np.sin(0.7 * X) * np.cos(0.4 * Y)
    phi = 0.5 * X - 0.3 * Y**2 / 4
    e = unit_vectors(theta, phi)
    _, e_theta, e_phi = spin_frame(theta, phi)
    de_dt = 0.3 * np.cos(Y)[..., None] * e_theta + 0.2 * np.sin(X)[..., None] * e_phi
    return e, de_dt, h


def test_spin_density_84_gives_torque_81_with_the_physical_sign():
    e, de_dt, h = smooth_texture_2d()
    zeta = 0.35
    s = rl.spin_density_sf(e, h, zeta, de_dt=de_dt, **PARAMS)
    tau = rl.torque_sf(e, h, de_dt=de_dt, **PARAMS)
    delta = zeta
    # the physical torque (δH/δS) × S = +(Δ/S) S × s = Δ e × s (spinlib.torque)
    np.testing.assert_allclose(tau, delta * np.cross(e, s), rtol=0, atol=1e-15)
    # (81) typed independently, with the dimensionally consistent 1/S² in the β term
    # and the physical overall sign: -n_S [α e × ė + β e × (u·∇)e] (the printed
    # (81) has +, the sign of the printed right-hand side of (4)); numpy gradients
    gx, gy = np.gradient(e, h, axis=(0, 1), edge_order=2)
    u = PARAMS["drift_velocity"]
    conv = u[0] * gx + u[1] * gy
    expected = -PARAMS["local_spin_density"] * (
        PARAMS["alpha"] * np.cross(e, de_dt) + PARAMS["beta"] * np.cross(e, conv)
    )
    np.testing.assert_allclose(tau, expected, rtol=0, atol=1e-14)
    # damping in the physical convention ∂_t e = ... + τ/n_S: the α term -α e × ė
    # removes energy from a precession, as Gilbert damping must (τ·(e × ė) < 0)
    tau_alpha = rl.torque_sf(e, h, de_dt=de_dt, **{**PARAMS, "beta": 0.0})
    assert np.all(np.sum(tau_alpha * np.cross(e, de_dt), axis=-1) <= 0)
    # s_sf lags the texture: s·ė < 0 for a pure time dependence
    s_t = rl.spin_density_sf(e, h, zeta, de_dt=de_dt, **{**PARAMS, "beta": 0.0})
    assert np.all(np.sum(s_t * de_dt, axis=-1) <= 0)


def test_force_85_is_eq_53_applied_to_84():
    e, de_dt, h = smooth_texture_2d()
    zeta = 0.35
    s = rl.spin_density_sf(e, h, zeta, de_dt=de_dt, **PARAMS)
    grads = np.gradient(e, h, axis=(0, 1), edge_order=2)
    # F_j = -(Δ/S) ∫ ∇_j S·s = -Δ ∫ ∂_j e·s, trapezoidal rule
    f53 = [
        -zeta * trapezoid(trapezoid(np.sum(g * s, axis=-1), dx=h, axis=1), dx=h, axis=0)
        for g in grads
    ]
    F = rl.force_sf(e, h, de_dt=de_dt, **PARAMS)
    np.testing.assert_allclose(F[:2], f53, rtol=1e-13)
    assert F[2] == 0.0  # no z axis in the grid: uniform along z


def test_tanh_wall_stiffness_by_sympy():
    """(∂_x e)² = (∂_xθ)² for θ = 2 atan exp(x/λ), and its integral is 2/λ."""
    x = sp.symbols("x", real=True)
    lam = sp.symbols("lambda", positive=True)
    theta = 2 * sp.atan(sp.exp(x / lam))
    dtheta = sp.diff(theta, x)
    assert is_identically_zero(dtheta - 1 / (lam * sp.cosh(x / lam)))
    # |∂_x e|² = θ'² for e = (sin θ cos φ, sin θ sin φ, cos θ) at constant φ
    phi = sp.symbols("phi", real=True)
    e = sp.Matrix([sp.sin(theta) * sp.cos(phi), sp.sin(theta) * sp.sin(phi), sp.cos(theta)])
    assert is_identically_zero(e.diff(x).dot(e.diff(x)) - dtheta**2)
    # antiderivative tanh(x/λ)/λ, limits ±1/λ: the integral is 2/λ
    antiderivative = sp.tanh(x / lam) / lam
    assert is_identically_zero(antiderivative.diff(x) - dtheta**2)
    integral = sp.limit(antiderivative, x, sp.oo) - sp.limit(antiderivative, x, -sp.oo)
    assert sp.simplify(integral - 2 / lam) == 0
    assert float(rl.tanh_wall_stiffness(1.7, cross_section=3.0)) == pytest.approx(
        float((2 / lam).subs(lam, 1.7)) * 3.0, rel=1e-15
    )


def _wall_force(width, h, half_width_in_widths=25.0, **kw):
    n = 2 * int(round(half_width_in_widths * width / h)) + 1
    (x,) = make_grid(n, h)
    e = domain_wall_field((x,), width, kind="neel")
    return rl.force_sf(e, h, **kw)


def test_force_85_on_tanh_wall_converges_to_86_at_second_order():
    """Static wall, drift along the normal: F_x = β n_S u 2/λ per unit area (86, corrected).

    Centred differences give (∂e)_h = e' + h² e'''/6, so the computed
    ∫(∂_x e)² is off by (h²/3)∫e'·e''' = -(h²/3)∫|e''|², with
    |e''|² = θ''² + θ'⁴ (∫θ''² = 2/3λ³, ∫θ'⁴ = 4/3λ³, ∫θ'² = 2/λ):
    relative error -h²/(3λ²).  The error is predicted, not just bounded.
    """
    width, u = 1.3, 2.5
    kw = dict(alpha=0.1, beta=0.04, drift_velocity=[u, 0.0, 0.0], local_spin_density=0.6)
    exact = rl.beta_force(kw["beta"], kw["drift_velocity"], 0.6, rl.tanh_wall_stiffness(width))
    errors = []
    for h in (width / 10, width / 20, width / 40):
        F = _wall_force(width, h, **kw)
        rel = F[0] / exact[0] - 1
        # predicted -h²/(3λ²); 5 % of it (higher orders O(h⁴), one-sided edges) + rounding
        assert rel == pytest.approx(-(h**2) / (3 * width**2), rel=0.05, abs=1e-12)
        assert F[1] == F[2] == 0.0
        errors.append(abs(rel))
    assert errors[0] / errors[1] == pytest.approx(4, rel=0.05)
    assert errors[1] / errors[2] == pytest.approx(4, rel=0.05)


def test_printed_86_has_one_power_of_S_too_few():
    """(85) gives γβ j_s/(2eS²) with γ = ∫(∇S)² = S² ∫(∇e)²; the printed (86) is S times that."""
    width, S, a3 = 1.0, 2.5, 0.8
    n_spin, beta, u = S / a3, 0.05, 1.7
    (x,) = make_grid(2001, 0.02)
    F85 = rl.force_sf(
        domain_wall_field((x,), width), 0.02, alpha=0.0, beta=beta,
        drift_velocity=[u, 0, 0], local_spin_density=n_spin,
    )[0]
    gamma = S**2 * float(rl.tanh_wall_stiffness(width))
    js_over_2e = u * S / a3  # u = a³ j_s/(2eS)
    corrected = gamma * beta * js_over_2e / S**2
    printed = gamma * beta * js_over_2e / S
    # 2e-4: the O(h²) error h²/(3λ²) = 1.3e-4 (see the convergence test above)
    assert F85 == pytest.approx(corrected, rel=2e-4)
    assert printed / F85 == pytest.approx(S, rel=2e-4)


def test_wall_in_2d_grid_per_unit_thickness_and_transverse_drift():
    width, h = 1.0, 0.05
    X, Y = make_grid((601, 9), h)
    e = domain_wall_field((X, Y), width, kind="bloch")
    kw = dict(alpha=0.0, beta=0.1, local_spin_density=1.0)
    F = rl.force_sf(e, h, drift_velocity=[1.0, 0.0, 0.0], **kw)
    length_y = (9 - 1) * h  # trapezoidal extent along the uniform direction
    exact = rl.beta_force(0.1, [1.0, 0, 0], 1.0, rl.tanh_wall_stiffness(width, length_y))
    np.testing.assert_allclose(F, exact, rtol=1e-3, atol=1e-15)  # O(h²) = 3e-4
    # a drift along the wall plane does not push it
    F_y = rl.force_sf(e, h, drift_velocity=[0.0, 1.0, 0.0], **kw)
    np.testing.assert_allclose(F_y, 0.0, atol=1e-12)


def test_moving_wall_force_vanishes_at_beta_over_alpha_velocity():
    """Rigid motion e(x - vt): (85) gives n_S (βu - αv) 2/λ, zero at v = βu/α.

    ∂_t e = -v θ' e_θ from the analytic profile; v at zero force equals the
    Thiele velocity of a free wall (spinlib.thiele, G = 0).
    """
    from spinlib.thiele import thiele_velocity

    width, h, u, alpha, beta, n_spin = 0.9, 0.03, 1.5, 0.02, 0.05, 0.7
    (x,) = make_grid(2401, h)
    theta, dtheta = domain_wall_profile(x, width)
    phi = np.zeros_like(x)
    e = unit_vectors(theta, phi)
    _, e_theta, _ = spin_frame(theta, phi)
    stiff = float(rl.tanh_wall_stiffness(width))
    for v in (0.0, 1.0, beta * u / alpha):
        de_dt = -v * dtheta[:, None] * e_theta
        F = rl.force_sf(
            e, h, alpha=alpha, beta=beta, drift_velocity=[u, 0, 0],
            local_spin_density=n_spin, de_dt=de_dt,
        )
        expected = n_spin * (beta * u - alpha * v) * stiff
        assert F[0] == pytest.approx(expected, rel=1e-3, abs=1e-3 * n_spin * beta * u * stiff)
    v_thiele = thiele_velocity([u, 0.0], G=0.0, D=stiff, alpha=alpha, beta=beta)
    assert v_thiele[0] == pytest.approx(beta * u / alpha, rel=1e-14)


# --------------------------------------------------------------------------
# validation
# --------------------------------------------------------------------------
def _e1d(n=11):
    (x,) = make_grid(n, 0.1)
    return domain_wall_field((x,), 1.0)


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: rl.force_sf(_e1d(), 0.1, alpha=-0.1, beta=0.0, drift_velocity=[1, 0, 0],
                             local_spin_density=1.0), "alpha"),
        (lambda: rl.force_sf(_e1d(), 0.1, alpha=0.1, beta=np.nan, drift_velocity=[1, 0, 0],
                             local_spin_density=1.0), "beta"),
        (lambda: rl.force_sf(2 * _e1d(), 0.1, alpha=0.1, beta=0.0, drift_velocity=[1, 0, 0],
                             local_spin_density=1.0), "e"),
        (lambda: rl.force_sf(_e1d(), -0.1, alpha=0.1, beta=0.0, drift_velocity=[1, 0, 0],
                             local_spin_density=1.0), "spacing"),
        (lambda: rl.force_sf(_e1d(), 0.1, alpha=0.1, beta=0.0, drift_velocity=[1, 0],
                             local_spin_density=1.0), "drift_velocity"),
        (lambda: rl.force_sf(_e1d(), 0.1, alpha=0.1, beta=0.0, drift_velocity=[1, 0, 0],
                             local_spin_density=1.0, de_dt=np.zeros((10, 3))), "de_dt"),
        (lambda: rl.torque_sf(_e1d(), 0.1, alpha=0.1, beta=0.0, drift_velocity=[1, 0, 0],
                              local_spin_density=0.0), "local_spin_density"),
        (lambda: rl.spin_density_sf(_e1d(), 0.1, 1.2, alpha=0.1, beta=0.0,
                                    drift_velocity=[1, 0, 0], local_spin_density=1.0), "zeta"),
        (lambda: rl.tanh_wall_stiffness(0.0), "width"),
        (lambda: rl.beta_force(0.1, [1, 0, 0], 1.0, -2.0), "stiffness"),
    ],
)
def test_bad_input_raises_naming_the_argument(call, name):
    with pytest.raises(ValueError, match=rf"^{name}\b"):
        call()
