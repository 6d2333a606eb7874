"""Physics of the torque (42)-(52): sign convention, spin conservation, adiabatic limit.

Independent checks:

* sympy: the rotated-frame form of τ = Δ e_s × s, and the printed signs of
  (42), (45), (46), (47), (52) against each other;
* total-spin conservation: in the adiabatic limit the kernel torque must
  equal -∂_t(s e_s) - ∂_i(s v_i e_s), the divergence of the spin current of a
  polarised gas drifting with the electrons (finite differences of the
  products, not the code path of the module);
* the exact 1D scattering states of spinlib.scattering (all orders in A):
  their wide-wall torque fixes the sign of the spin-transfer torque;
* lab-frame linear response of a small static tilt (transverse
  susceptibility H̃1 from the k-integral of spinlib.ksums) for the static
  spatial-vertex part;
* the small-q expansion of the kernels (sympy) for the rate at which
  τ → τ_ad as k_F λ → ∞: (k_F λ)⁻² algebraically (χ̃_L, H̃1), e^{-πζ k_F λ}
  in the Stoner window (χ̃2).
"""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from spinlib import gauge, ksums, response, scattering
from spinlib import torque as tq
from spinlib.electron_gas import spin_density_s
from spinlib.symbolic import is_identically_zero
from spinlib.textures import (
    domain_wall_angles,
    field_gradient,
    make_grid,
    skyrmion_angles,
    unit_vectors,
)

# ------------------------------------------------------------------ sympy
th, ph, D, s_sym = sp.symbols("theta phi Delta s", real=True)
E_S, E_TH, E_PH = gauge.spin_frame(th, ph)
E_SPHI = gauge.e_s_phi(ph)


def test_torque_in_the_rotated_frame_and_the_sign_of_eq42():
    """Δ e_s × s with s = -s̃_∥ e_θ + s̃_z e_s - s̃_⊥ e_φ (eq. 17) is
    Δ(s̃_⊥ e_θ - s̃_∥ e_φ) = -[right-hand side of the printed (42)]; the
    printed (42) is -Δ e_s × s, the sign opposite to Ṡ = i[H, S] (notebook 01)."""
    s_par, s_perp, s_z = sp.symbols("s_par s_perp s_z", real=True)
    s_lab = gauge.lab_from_parallel_perp(s_par, s_perp, s_z, th, ph)
    physical = D * E_S.cross(s_lab)
    assert is_identically_zero(physical - D * (s_perp * E_TH - s_par * E_PH))
    printed_42 = D * (-s_perp * E_TH + s_par * E_PH)
    assert is_identically_zero(printed_42 + physical)
    # and the numerical implementation is the physical one
    tau = tq.torque_from_rotated_density(0.3, -0.7, (np.array(1.1), np.array(0.4)), 0.5)
    e_s, e_th, e_ph = gauge.spin_frame(1.1, 0.4)
    s_vec = -0.3 * e_th + 0.7 * e_ph  # s = -s̃_∥ e_θ - s̃_⊥ e_φ with s̃_∥ = 0.3, s̃_⊥ = -0.7
    assert np.allclose(tau, 0.5 * np.cross(e_s, s_vec), atol=1e-15)


def _adiabatic_limit_of_printed(h1_weight, chi1_sign):
    """Printed (45)/(46) with the kernels replaced by their q = 0 values."""
    t = sp.Symbol("t", real=True)
    x = sp.Symbol("x", real=True)
    TH = sp.Function("theta", real=True)(x, t)
    PH = sp.Function("phi", real=True)(x, t)
    e_s, e_th, e_ph = gauge.spin_frame(TH, PH)
    e_sphi = gauge.e_s_phi(PH)
    a0 = sp.Matrix(gauge.gauge_components(TH, PH, TH.diff(t), PH.diff(t)))
    ax = sp.Matrix(gauge.gauge_components(TH, PH, TH.diff(x), PH.diff(x)))
    js = sp.Symbol("j_s_over_e", real=True)  # j_s/e along x
    tau45 = h1_weight * (e_ph * e_sphi.dot(a0) - e_th * e_ph.dot(a0))
    tau46 = chi1_sign * js * (e_th * e_ph.dot(ax) - e_ph * e_sphi.dot(ax))
    return tau45, tau46, e_s, t, x, js


def test_printed_45_46_47_are_mutually_inconsistent():
    """Adiabatic limits of the printed equations (H1 → s δ, χ̃1 → δ):

    * (45) gives -(s/2) ∂_t e_s, (47) prints +(s/2) ∂_t e_s;
    * (46) gives +(j_s/2e) ∂_x e_s as (47) prints, but (34) with (42) gives
      the opposite: the χ̃1 term of (46) has the wrong sign relative to the
      rest of the paper.
    So (47) is (45) + (46) with the time part flipped - equivalently, (47) is
    what (30), (34) give with the *physical* torque Δ e_s × s (up to the
    factor 2 of the time part found in spinlib.response)."""
    tau45, tau46, e_s, t, x, js = _adiabatic_limit_of_printed(s_sym, 1)
    assert is_identically_zero(tau45 + s_sym / 2 * e_s.diff(t))
    assert is_identically_zero(tau46 - js / 2 * e_s.diff(x))
    # (34) + (42): s̃_∥ = (1/Δ)(E·Ā^s)χ1, s̃_⊥ = (1/Δ)(E·Ā^a)χ1, Eχ1 → j_s/e:
    # τ_42 = Δ(-s̃_⊥ e_θ + s̃_∥ e_φ) = (j_s/e)(-e_θ Ā^a + e_φ Ā^s) = -[χ1 term of (46)]
    _, tau46_from_34, *_ = _adiabatic_limit_of_printed(s_sym, -1)
    assert is_identically_zero(tau46_from_34 + js / 2 * e_s.diff(x))


def test_eq52_does_not_follow_from_47_and_51():
    """(51) ∂_t S = τ_ad + ... with the printed (47) gives
    [(S - s/2)∂_t - (a³/2e) j_s·∇] e_s; the printed (52) has S + s/2 (it
    needs the physical sign of τ) together with -(a³/2e) j_s·∇ (the printed
    sign).  With the physical torque (this module): (S + s)∂_t + (1/2e) j_s·∇,
    i.e. (n_S + s)∂_t e + n_S (u·∇) e with u = a³j_s/2eS along the flow."""
    S, s, k, _w = sp.symbols("S s k w", positive=True)  # k = (a³/2e) j_s ∂ as a number
    dt = sp.Symbol("dt")  # stands for ∂_t e_s
    printed_47 = s / 2 * dt + k
    lhs_51 = S * dt - printed_47  # S ∂_t e - τ_ad = rest
    printed_52 = (S + s / 2) * dt - k
    assert sp.simplify(lhs_51 - ((S - s / 2) * dt - k)) == 0
    assert sp.simplify(lhs_51 - printed_52) != 0
    physical_47 = -(s * dt + k)  # -s(∂_t + v·∇)e, with the corrected factor of s
    assert sp.simplify((S * dt - physical_47) - ((S + s) * dt + k)) == 0


# ------------------------------------------------------- spin conservation
def moving_skyrmion(width, w_vec, h):
    radius = 3 * width
    n = round(2 * (radius + 9 * width) / h) + 1
    X, Y = make_grid((n, n), h)
    angles = skyrmion_angles(X, Y, radius=radius, wall_width=width, polarity=1)
    e = unit_vectors(*angles)
    grad = field_gradient(e, h)
    de_dt = -(w_vec[0] * grad[0] + w_vec[1] * grad[1])  # rigid motion e(r - wt)
    return angles, e, de_dt


def test_total_spin_is_conserved_in_the_adiabatic_limit():
    """Kernel torque on a moving skyrmion with a current, compared with the
    torque required by total-spin conservation for a polarised gas that
    follows the texture: τ = -∂_t(s e_s) - ∂_i J_i, J_i = s v_i e_s (spin
    density s e_s and spin current of the drifting gas; np.gradient of the
    products, projected ⊥ e_s).  The adiabatic torque of the module
    (corrected (47), -s[(∂_t + v·∇)e_s]_⊥ from the texture's gradient) is
    exactly that divergence; the kernel torque deviates from it by the
    non-local torque, O((k_F λ)⁻²): the deviation drops by ~4 when the width
    doubles."""
    zeta, v, w_vec, h = 0.5, np.array([0.6, -0.3, 0.0]), np.array([0.02, 0.05]), 0.25
    s = spin_density_s(zeta)
    dev = {}
    for width in (2.0, 4.0):
        angles, e, de_dt = moving_skyrmion(width, w_vec, h)
        res = tq.torque(angles, h, zeta, velocity=v, de_dt=de_dt)
        flux = [np.gradient(s * v[i] * e, h, axis=i, edge_order=2) for i in range(2)]
        required = -(s * de_dt + flux[0] + flux[1])
        required -= e * np.sum(required * e, axis=-1, keepdims=True)
        scale = np.abs(required).max()
        dev[width] = np.abs(res.total - required).max() / scale
        # (47) corrected is the spin-current divergence: the same difference
        # quotients of e, in another order (rounding only)
        assert np.abs(res.adiabatic - required).max() < 1e-12 * scale
    assert dev[4.0] < 0.04, dev  # c_L/(4 (k_F λ)²) ~ 0.02 at k_F λ = 4
    assert 3.0 < dev[2.0] / dev[4.0] < 5.5, dev  # (k_F λ)^-2


def test_exact_scattering_state_fixes_the_sign_of_the_spin_transfer_torque():
    """An exact 1D scattering state (spinlib.scattering, all orders in A;
    its torque is Δ n × s, checked there against ∂_x j = -τ) of a majority
    electron with unit flux through a wide wall: τ → -½ ∂_x n.  The adiabatic
    torque of this module with the same spin flux Φ_s = 2 s v = 1 must agree;
    the deviation 0.59/λ (first order in 1/λ, from the single-state lag) is
    ~3 % at λ = 20.  The paper's sign (42) would be off by 200 %."""
    zeta, lam = 0.5, 20.0
    x = np.linspace(-6 * lam, 6 * lam, 1201)
    angles = domain_wall_angles(x, lam, kind="neel")
    state = scattering.scattering_state(scattering.tanh_profile(lam, kind="neel"), zeta, x)
    v = 1.0 / (2 * spin_density_s(zeta))
    tau = tq.adiabatic_torque(angles, x[1] - x[0], zeta, velocity=[v, 0, 0])
    scale = np.abs(tau).max()
    assert np.abs(state.torque - tau).max() < 0.05 * scale
    assert np.abs(state.torque + tau).max() > 1.9 * scale


def test_llg_carries_a_wall_along_the_electron_flow():
    """(51)-(52) corrected, no damping, no field: the adiabatic torque gives
    the rigid translation ė = -w ∂_x e with w = s v/(n_S + s) > 0 along the
    electron drift v (eq. 1 direction for P > 0).  With the non-local torque
    the wall still moves along v at nearly the same speed (projection on
    the translation mode ∂_x e), and the printed sign convention would move
    it against the flow."""
    zeta, lam, h, n_spin = 0.5, 3.0, 0.1, 0.05
    s = spin_density_s(zeta)
    (x,) = make_grid(1201, h)
    angles = domain_wall_angles(x, lam)
    e = unit_vectors(*angles)
    dxe = field_gradient(e, h)[0]
    for v in (1.0, -1.0):
        local = tq.llg_rhs(angles, h, zeta, local_spin_density=n_spin, velocity=[v, 0, 0], nonlocal_=False)
        w = s * v / (n_spin + s)
        assert np.abs(local + w * dxe).max() < 1e-3 * abs(w) * np.abs(dxe).max()
        full = tq.llg_rhs(angles, h, zeta, local_spin_density=n_spin, velocity=[v, 0, 0])
        speed = -np.sum(full * dxe) / np.sum(dxe * dxe)
        assert speed * v > 0 and abs(speed / w - 1) < 0.05
    # the printed convention: ∂_t S = -τ_physical reverses the drift
    tau_ad = tq.adiabatic_torque(angles, h, zeta, velocity=[1.0, 0, 0])
    # n_S ė = -τ_ad[ė, v] = s(ė + v·∇e)  =>  (n_S - s) ė = -τ_ad[0, v]
    printed_rate = -tau_ad / (n_spin - s)
    speed_printed = -np.sum(printed_rate * dxe) / np.sum(dxe * dxe)
    assert speed_printed < 0


def test_llg_damping_and_beta_terms_have_the_physical_sign():
    """Quantum convention: -α e × ė damps (e relaxes towards the field h),
    and the β torque -β n_S e × (u·∇)e (= Δ e × s_sf of eq. 84) gives a
    Walker-type out-of-plane motion of the same sense as Zhang-Li's
    +β m × (u·∇)m for m = -e."""
    zeta, h = 0.5, 0.1
    (x,) = make_grid(101, h)
    e = unit_vectors(np.full(101, 1.0), np.zeros(101))  # uniform, tilted from z
    field = np.tile([0.0, 0.0, 0.2], (101, 1))
    rate = tq.llg_rhs(e, h, zeta, local_spin_density=1.0, alpha=0.1, effective_field=field, nonlocal_=False)
    assert np.all(rate[:, 2] > 0)  # approaches +z, the field direction
    # β: compare with the Zhang-Li form written for m = -e
    angles = domain_wall_angles(x, 1.0)
    e = unit_vectors(*angles)
    n_spin, beta, v = 1.0, 0.1, np.array([1.0, 0, 0])
    u = tq.spin_transfer_velocity(v, zeta, n_spin)
    base = tq.llg_rhs(e, h, zeta, local_spin_density=n_spin, velocity=v, nonlocal_=False)
    with_beta = tq.llg_rhs(e, h, zeta, local_spin_density=n_spin, velocity=v, beta=beta, nonlocal_=False)
    m = -e
    zhang_li_beta = beta * np.cross(m, u[0] * field_gradient(m, h)[0])  # ṁ ∋ +β m × (u·∇)m
    s = spin_density_s(zeta)
    expected = -zhang_li_beta * n_spin / (n_spin + s)  # ė = -ṁ, divided by (n_S + s)/n_S
    assert np.abs(with_beta - base - expected).max() < 1e-3 * np.abs(expected).max()


# ------------------------------------------------------------ static part
@pytest.mark.parametrize("q_target", [0.4, 1.3, 3.0])
def test_static_part_equals_lab_frame_transverse_susceptibility(q_target):
    """A small static tilt θ = ε cos Qx, φ = 0 on a periodic grid.  In the lab
    frame, first-order perturbation theory in -Δ ε cos(Qx) σ_x gives
    s_x = χ_⊥(Q) Δ ε cos Qx with Δχ_⊥/(n₊-n₋) = H̃1(Q/2k_F) (the transverse
    susceptibility, here from the k-integral of spinlib.ksums), so the torque
    Δ e_s × s is Δ (n₊-n₋)(H̃1 - 1) ε cos(Qx) e_y.  The rotated-frame
    spatial-vertex part (odd kernel i q̂Λ̃, frame at x) must reproduce it -
    this fixes the sign of the odd kernel in the FFT.  Tolerance: the
    finite-difference gauge field has the relative error ≈ 0.16 (Qh)² here
    (observed, second order), plus O(ε²)."""
    zeta, eps, h, n = 0.4, 1e-3, 0.025, 4096
    length = n * h
    m = round(q_target * length / (2 * np.pi))
    q = 2 * np.pi * m / length
    x = np.arange(n) * h
    res = tq.torque((eps * np.cos(q * x), np.zeros(n)), h, zeta, static=True, padding=1)
    s = spin_density_s(zeta)
    lab = zeta * 2 * s * (ksums.h1_ksum(q / 2, zeta) - 1) * eps * np.cos(q * x)
    tol = 0.3 * (q * h) ** 2 + 1e-5
    assert np.abs(res.parts["static"][:, 1] - lab).max() < tol * np.abs(lab).max()
    assert np.abs(res.parts["static"][:, [0, 2]]).max() < 1e-3 * np.abs(lab).max()


# ------------------------------------------------------- adiabatic limit
def wall_nonlocal(width, zeta, **kwargs):
    h = min(0.2, width / 40)
    n = round(40 * width / h) + 1
    (x,) = make_grid(n, h)
    res = tq.torque(domain_wall_angles(x, width), h, zeta, **kwargs)
    tex = res.texture
    return (
        x / width,
        np.sum(res.nonlocal_ * tex.e_theta, axis=-1),
        np.sum(res.nonlocal_ * tex.e_phi, axis=-1),
    )


def small_q_coefficient_sympy(name, zeta):
    """Coefficient of q̃² of the closed form (response docstring), by sympy."""
    q, z = sp.symbols("q zeta", positive=True)
    l1 = sp.log((1 + q) / (1 - q))
    lz = sp.log((z + q) / (z - q))
    forms = {
        "chiL": sp.Rational(3, 2) / (3 + z**2) * (z**2 * (l1 / q - 2) / q**2 + z * lz / q),
        "h1": sp.Rational(3, 2) / ((3 + z**2) * q**2) * (q**2 + z**2 + (1 - q**2) * (q**2 - z**2) * l1 / (2 * q)),
    }
    series = sp.series(forms[name], q, 0, 4).removeO()
    assert sp.simplify(series.coeff(q, 0) - 1) == 0
    return float(series.coeff(q, 2).subs(z, zeta))


def test_current_torque_converges_to_adiabatic_as_inverse_square_width():
    """Bloch wall, current across it.  With χ̃_L = 1 + c_L q̃² + O(q̃⁴) (c_L by
    sympy here, equal to response.small_q_coefficient), the in-plane
    non-local torque is e_θ·τ_nl = -2sv[(χ̃_L - 1)⋆A^⊥] ≈ (s v c_L/2) ∂_x²A^⊥
    = (s v c_L/4λ³)(sech ξ - 2 sech³ ξ), ξ = x/λ
    (torque.wall_inplane_torque_asymptote): relative to τ_ad it is
    c_L/(4(k_F λ)²).  The remainder (q̃⁴ term) is O(λ⁻⁵): λ³·error must fall
    as λ⁻² (ratio 4 per doubling; observed 4.6 and 4.1, the next terms being
    O(λ⁻²) relative to this remainder); exponentially small terms e^{-πζλ}
    are negligible at ζ = 0.5 for λ >= 8."""
    zeta, v = 0.5, 1.0
    s = spin_density_s(zeta)
    c_l = small_q_coefficient_sympy("chiL", zeta)
    assert abs(c_l - response.small_q_coefficient("chi1_longitudinal", zeta)) < 1e-12
    err = {}
    for width in (8.0, 16.0, 32.0):
        xi, t_theta, _ = wall_nonlocal(width, zeta, velocity=[v, 0, 0])
        pred = tq.wall_inplane_torque_asymptote(xi * width, width, zeta, velocity=v)
        err[width] = width**3 * np.abs(t_theta - pred).max() / (s * v)
        assert err[width] < 0.1 * c_l / 4
    assert 3.3 < err[8.0] / err[16.0] < 5.0 and 3.3 < err[16.0] / err[32.0] < 5.0, err


def test_time_torque_converges_to_adiabatic_as_inverse_square_width():
    """Moving wall (∂_t e = -w ∂_x e): e_θ·τ_nl = 2 s w [(H̃1 - 1)⋆A^⊥]
    ≈ -(s w c_H/4λ³)(sech ξ - 2 sech³ ξ) with c_H the q̃² coefficient of H̃1
    (sympy here; torque.wall_inplane_torque_asymptote); remainder O(λ⁻²)
    relative, as for the current part."""
    zeta, w = 0.5, 0.3
    s = spin_density_s(zeta)
    c_h = small_q_coefficient_sympy("h1", zeta)
    assert abs(c_h - response.small_q_coefficient("h1", zeta)) < 1e-12
    err = {}
    for width in (6.0, 12.0):
        h = min(0.2, width / 40)
        n = round(40 * width / h) + 1
        (x,) = make_grid(n, h)
        angles = domain_wall_angles(x, width)
        e = unit_vectors(*angles)
        de_dt = -w * field_gradient(e, h)[0]
        res = tq.torque(angles, h, zeta, de_dt=de_dt)
        t_theta = np.sum(res.nonlocal_ * res.texture.e_theta, axis=-1)
        pred = tq.wall_inplane_torque_asymptote(x, width, zeta, wall_velocity=w)
        err[width] = width**3 * np.abs(t_theta - pred).max() / (s * w)
        assert err[width] < 0.1 * abs(c_h) / 4
    assert 3.0 < err[6.0] / err[12.0] < 5.0, err


def test_stoner_part_is_exponentially_small_with_predicted_amplitude():
    """The out-of-plane non-local torque of the wall comes from χ̃2 only:
    e_φ·τ_nl = 6nv[χ̃2 ⋆ A^⊥], χ̃2 = -A_2/q̃ in the window 2ζ <= q <= 2
    (A_2 = response.chi2_amplitude).  With A^⊥(q) = (π/2)sech(πqλ/2) ≈
    π e^{-πqλ/2} (the forms of torque.wall_stoner_torque_asymptote, compared
    here with the FFT torque):

    * at the wall centre, e_φ·τ_nl(0) = -12 n v A_2 E_1(πζ k_F λ) up to
      relative corrections e^{-πζλ} (sech) and e^{-πλ} (upper edge); E_1 is
      the exponential integral, ≈ e^{-πζλ}/(πζλ): exponentially small;
    * far from it (|x| ≫ λ), the window edge q = 2ζ k_F dominates:
      e_φ·τ_nl ≈ -6 n v (A_2/ζ) e^{-πζλ} Re[e^{2iζx}/(πλ/2 - ix)], an
      oscillation at k_F+ - k_F- with the envelope 1/√((πλ/2)² + x²), up to
      relative corrections O(1/(πζλ)) (the variation of 1/q̃ over the edge).

    h = 0.1: the finite-difference gauge field errs by (qh)²/6 ≈ 2e-3 at
    q = 2ζ = 1."""
    zeta, v, h = 0.5, 1.0, 0.1
    for width in (3.0, 4.0, 6.0):
        (x,) = make_grid(round(80 * width / h) + 1, h)
        res = tq.torque(domain_wall_angles(x, width), h, zeta, velocity=[v, 0, 0])
        t_phi = np.sum(res.nonlocal_ * res.texture.e_phi, axis=-1)
        pred = tq.wall_stoner_torque_asymptote(x, width, zeta, velocity=v)
        tol = 2 * np.exp(-np.pi * zeta * width) + 3e-3
        assert abs(t_phi[x.size // 2] / pred.centre - 1) < tol
        far = (np.abs(x) > 5 * width) & (np.abs(x) < 20 * width)
        assert np.abs((t_phi - pred.tail) / pred.envelope)[far].max() < 0.5 / (np.pi * zeta * width)
