"""The torque machinery of spinlib.torque: FFT convolution, padding, frames, validation.

The physics (adiabatic limit, spin conservation, signs) is in
tests/test_torque_physics.py.  Here: the FFT convolution of the kernels with
the gauge field is compared with an *independent* evaluation, adaptive
quadrature of the one-dimensional Fourier integral with the analytic
spectrum of the tanh wall (eq. X1); the treatment of the non-periodic wall
(zero-padding of the gauge field) is tested for convergence; a 1D texture
embedded in 2D gives the 1D result; bad input raises ValueError naming the
argument.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from scipy import integrate

from spinlib import gauge
from spinlib import torque as tq
from spinlib.electron_gas import spin_density_s, total_density
from spinlib.response import chi1_longitudinal_tilde, chi2_tilde, h1_tilde
from spinlib.textures import (
    domain_wall_angles,
    domain_wall_field,
    make_grid,
    skyrmion_angles,
    unit_vectors,
)

ZETA = 0.4


def wall_convolution(kernel, x, width):
    """(K ⋆ A^⊥)(x) = (1/π)∫_0^∞ cos(qx) K(q) (π/2) sech(πqλ/2) dq by adaptive quadrature.

    K is a function of |q| (units k_F); the breakpoints are the kernels'
    singular points q = 2ζ and q = 2 (log singularities, jumps)."""

    def f(q):
        return kernel(q) * gauge.tanh_wall_gauge_spectrum(q, width) * np.cos(q * x)

    edges = [0.0, 2 * ZETA, 2.0, 60.0 / width]
    total = sum(
        integrate.quad(f, a, b, limit=500, epsabs=1e-14, epsrel=1e-12)[0]
        for a, b in itertools.pairwise(edges)
    )
    return total / np.pi


@pytest.mark.parametrize("width", [1.0, 2.5])
def test_fft_convolution_against_quadrature_on_a_tanh_wall(width):
    """Non-local torque of a Bloch wall, v along x, point by point.

    For the Bloch wall (φ = π/2) the frame is constant and A^∥ = 0, so
    e_θ·τ_nl = -2 s v [(χ̃_L - 1) ⋆ A^⊥] and e_φ·τ_nl = 6 n v [χ̃2 ⋆ A^⊥]
    (module docstring of spinlib.torque).  Tolerance: the finite-difference
    gauge field has the relative spectral error (qh)²/6 ≤ 2e-3 at q ≤ 2k_F
    for h = 0.05, the periodic images of the kernel (padding 16, grid
    L = 160) contribute ~1e-3 of the tail; 3e-3 of the largest value."""
    h, v = 0.05, 0.7
    s, n = spin_density_s(ZETA), total_density(ZETA)
    (x,) = make_grid(3201, h)
    res = tq.torque(domain_wall_angles(x, width), h, ZETA, velocity=[v, 0, 0])
    tex = res.texture
    t_theta = np.sum(res.nonlocal_ * tex.e_theta, axis=-1)
    t_phi = np.sum(res.nonlocal_ * tex.e_phi, axis=-1)
    chi_l = lambda q: chi1_longitudinal_tilde(q / 2, ZETA) - 1.0
    chi_2 = lambda q: chi2_tilde(q / 2, ZETA)
    ref_theta, ref_phi, got_theta, got_phi = [], [], [], []
    for x0 in (0.0, 0.7, 2.0, 5.0, 12.0, 30.0):
        i = int(np.argmin(np.abs(x - x0)))
        ref_theta.append(-2 * s * v * wall_convolution(chi_l, x[i], width))
        ref_phi.append(6 * n * v * wall_convolution(chi_2, x[i], width))
        got_theta.append(t_theta[i])
        got_phi.append(t_phi[i])
    for got, ref in ((got_theta, ref_theta), (got_phi, ref_phi)):
        got, ref = np.array(got), np.array(ref)
        assert np.abs(got - ref).max() < 3e-3 * np.abs(ref).max(), (got, ref)
    # the χ2 part is purely along e_φ, the χ1 part along e_θ for this wall
    assert np.abs(np.sum(res.parts["chi2"] * tex.e_theta, axis=-1)).max() < 1e-15
    assert np.abs(np.sum(res.parts["chi1"] * tex.e_phi, axis=-1)).max() < 1e-15


def test_time_part_against_quadrature_for_a_moving_wall():
    """A wall moving at w: ∂_t e_s = -w ∂_x e_s, so A_0 = -w A_x and
    e_θ·τ_nl = -2 s (-w)[(H̃1 - 1) ⋆ A^⊥].  Same tolerance argument as above."""
    h, w, width = 0.05, 0.3, 1.5
    s = spin_density_s(ZETA)
    (x,) = make_grid(3201, h)
    angles = domain_wall_angles(x, width)
    e = unit_vectors(*angles)
    de_dt = -w * np.gradient(e, h, axis=0, edge_order=2)
    res = tq.torque(angles, h, ZETA, de_dt=de_dt)
    t_theta = np.sum(res.nonlocal_ * res.texture.e_theta, axis=-1)
    got, ref = [], []
    for x0 in (0.0, 1.0, 4.0, 15.0):
        i = int(np.argmin(np.abs(x - x0)))
        got.append(t_theta[i])
        ref.append(2 * s * w * wall_convolution(lambda q: h1_tilde(q / 2, ZETA) - 1.0, x[i], width))
    got, ref = np.array(got), np.array(ref)
    assert np.abs(got - ref).max() < 3e-3 * np.abs(ref).max(), (got, ref)
    assert set(res.parts) == {"time"}


def test_padding_convergence_and_grid_independence():
    """Zero-padding the gauge field (not the texture) makes the convolution
    aperiodic: results converge with the padding factor (the images of the
    1/x kernel tails recede) and do not depend on how far the grid extends
    beyond the decaying gauge field (λ = 1, grids of half-width 40 and 80)."""
    h, v = 0.1, 1.0
    (x1,) = make_grid(801, h)
    (x2,) = make_grid(1601, h)
    ref = tq.nonlocal_torque(domain_wall_angles(x2, 1.0), h, ZETA, velocity=[v, 0, 0], padding=64)
    scale = np.abs(ref).max()
    errors = []
    for pad in (2, 8, 32):
        got = tq.nonlocal_torque(domain_wall_angles(x1, 1.0), h, ZETA, velocity=[v, 0, 0], padding=pad)
        errors.append(np.abs(got - ref[400:1201]).max() / scale)
    # images at distance ~ (pad - 1) L with a 1/x tail: error ~ 1/pad
    assert errors[0] > errors[1] > errors[2]
    assert errors[2] < 2e-3, errors
    # padding 1 (periodic) differs grossly: the wall is not periodic
    periodic = tq.nonlocal_torque(domain_wall_angles(x1, 1.0), h, ZETA, velocity=[v, 0, 0], padding=1)
    assert np.abs(periodic - ref[400:1201]).max() / scale > 10 * errors[2]


def test_uniform_spirals_on_a_periodic_grid():
    """Two spirals with a uniform texture gradient, on a periodic grid
    (padding 1, an integer number of turns), where the convolution is exact:

    * θ = kx, φ = 0 (rotation in the xz-plane): A^⊥ = k/2 is uniform, only
      q = 0 enters, where every kernel is 1: τ_nl = 0 to rounding;
    * θ = π/2, φ = kx (rotation in the xy-plane): in the gauge (8) the
      Cartesian A^x, A^y rotate with φ and carry q = ±k, so the first-order
      theory gives exactly τ = χ̃_L(k/2k_F) τ_ad - although both spirals are
      uniform up to a global rotation.  The first-order theory is not gauge
      covariant at O(k²) (A^z = k/2 ≠ 0 enters at second order); see the
      ledger notes.
    """
    n, h = 256, 0.1
    x = np.arange(n) * h
    k = 2 * np.pi * 3 / (n * h)
    res = tq.torque((k * x, np.zeros(n)), h, ZETA, velocity=[0.8, 0, 0], padding=1)
    assert np.abs(res.nonlocal_).max() < 1e-13 * np.abs(res.adiabatic).max()
    assert np.abs(res.adiabatic).max() > 1e-3
    res = tq.torque((np.full(n, np.pi / 2), k * x), h, ZETA, velocity=[0.8, 0, 0], padding=1)
    factor = chi1_longitudinal_tilde(k / 2, ZETA)
    assert abs(factor - 1) > 1e-2
    assert np.abs(res.total - factor * res.adiabatic).max() < 1e-13 * np.abs(res.adiabatic).max()


def test_wall_embedded_in_2d_and_rotated_reproduces_1d():
    """A wall along x on a 2D grid (uniform along y), and the same wall along
    y with the current along y, give the 1D torque: the tensor q̂_iq̂_j and the
    axes are handled consistently.  The uniform axis must be periodic
    (padding 1: zero-padding a uniform gauge field would truncate it), the
    normal is padded by 8 in all three; tolerance 1e-12 (the same discrete
    problem)."""
    h = 0.1
    (x,) = make_grid(401, h)
    X, Y = make_grid((401, 6), h)
    one = tq.torque(domain_wall_field((x,), 1.2, kind="neel"), h, ZETA, velocity=[0.5, 0, 0], padding=8)
    two = tq.torque(
        domain_wall_field((X, Y), 1.2, kind="neel"), h, ZETA, velocity=[0.5, 0, 0], padding=(8, 1)
    )
    scale = np.abs(one.total).max()
    assert np.abs(two.total[:, 3] - one.total).max() < 1e-12 * scale
    Xt, Yt = make_grid((6, 401), h)
    rot = tq.torque(
        domain_wall_field((Xt, Yt), 1.2, kind="neel", axis=1), h, ZETA, velocity=[0, 0.5, 0],
        padding=(1, 8),
    )  # fmt: skip
    # the second wall is the first rotated by R = +90° about z in space and
    # spin, R(a, b, c) = (-b, a, c); so τ_1(x) = R⁻¹ τ_2 = (τ_2y, -τ_2x, τ_2z)
    mapped = np.stack([rot.total[3, :, 1], -rot.total[3, :, 0], rot.total[3, :, 2]], axis=-1)
    assert np.abs(mapped - one.total).max() < 1e-12 * scale


def test_angles_and_unit_vector_input_agree():
    """The texture may be given as (θ, φ) or as e_s; φ = atan2 jumps by 2π
    and is undefined at the poles, which must not matter."""
    X, Y = make_grid((48, 40), 0.3)
    theta, phi = skyrmion_angles(X, Y, radius=2.5, wall_width=1.0, polarity=1)
    a = tq.torque((theta, phi), 0.3, ZETA, velocity=[0.4, -0.2, 0])
    b = tq.torque(unit_vectors(theta, phi), 0.3, ZETA, velocity=[0.4, -0.2, 0])
    assert np.abs(a.total - b.total).max() < 1e-13 * np.abs(a.total).max()


def test_transverse_gauge_field_equals_gauge_module():
    """The gauge field from derivatives of e_s equals gauge.gauge_field (from
    derivatives of m, eq. 8) to O(h²) on a smooth non-planar texture."""
    X, Y = make_grid((60, 50), 0.1)
    theta = 1.2 + 0.5 * np.sin(0.6 * X) * np.cos(0.5 * Y)
    phi = 0.4 * X - 0.2 * Y
    errs = []
    for step in (2, 1):
        sl = (slice(None, None, step), slice(None, None, step))
        a1 = tq.transverse_gauge_field((theta[sl], phi[sl]), 0.1 * step)
        a2 = gauge.gauge_field(theta[sl], phi[sl], 0.1 * step)[:, :2]
        errs.append(np.abs(a1 - a2).max())
    assert errs[1] < 1e-3 and 3.0 < errs[0] / errs[1] < 5.0, errs  # second order


# ---------------------------------------------------------------- validation
def good_wall():
    (x,) = make_grid(21, 0.2)
    return domain_wall_angles(x, 1.0)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"texture": np.ones((10, 3))}, "texture"),
        ({"texture": (np.full(10, np.nan), np.zeros(10))}, "theta"),
        ({"texture": (np.zeros(10), np.zeros(11))}, "same shape"),
        ({"texture": np.zeros((2, 3)) + [0, 0, 1.0]}, "at least 3 points"),
        ({"texture": np.zeros((3, 3, 3, 3, 3)) + [0, 0, 1.0]}, "1D, 2D or 3D"),
        ({"zeta": 1.2}, "zeta"),
        ({"spacing": -0.1}, "spacing"),
        ({"velocity": [1.0, 0.0]}, "velocity"),
        ({"velocity": [np.nan, 0.0, 0.0]}, "velocity"),
        ({"de_dt": np.zeros((20, 3))}, "de_dt"),
        ({"padding": 0.5}, "padding"),
        ({"padding": [2.0, 2.0]}, "padding"),
        ({"tensor": "trace"}, "tensor"),
    ],
)
def test_bad_input_raises_value_error_naming_the_argument(kwargs, name):
    args = {"texture": good_wall(), "spacing": 0.2, "zeta": ZETA}
    args.update(kwargs)
    texture, spacing, zeta = args.pop("texture"), args.pop("spacing"), args.pop("zeta")
    with pytest.raises(ValueError, match=name):
        tq.torque(texture, spacing, zeta, **args)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"local_spin_density": 0.0}, "local_spin_density"),
        ({"alpha": -0.1}, "alpha"),
        ({"beta": np.inf}, "beta"),
        ({"effective_field": np.zeros((5, 3))}, "effective_field"),
        ({"time_iterations": -1}, "time_iterations"),
    ],
)
def test_llg_bad_input(kwargs, name):
    args = {"local_spin_density": 1.0}
    args.update(kwargs)
    with pytest.raises(ValueError, match=name):
        tq.llg_rhs(good_wall(), 0.2, ZETA, **args)


def test_spin_transfer_velocity_validation():
    with pytest.raises(ValueError, match="local_spin_density"):
        tq.spin_transfer_velocity([1.0, 0, 0], ZETA, -1.0)
    with pytest.raises(ValueError, match="zeta"):
        tq.spin_transfer_velocity([1.0, 0, 0], 0.0, 1.0)
