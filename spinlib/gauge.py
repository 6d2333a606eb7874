"""Gauge transformation in spin space, eqs. (6)-(20) of Tatara et al. (2007).

The conduction-electron operator is rotated, c = U a (eq. 6), with the
2x2 matrix U = m·σ (eq. 7) built from the half-angle unit vector (eq. 8)

    m = (sin(θ/2) cos φ, sin(θ/2) sin φ, cos(θ/2)),

so that in the rotated frame the local spin points along +z:
U (e_s·σ) U = σ_z.  Derivatives of c produce the SU(2) gauge field
(eqs. 9-11)

    A_μ = -i U⁻¹ ∂_μ U = (m × ∂_μ m)·σ ≡ A_μ^a σ_a.

Explicitly (derived here and proved with sympy in the tests),

    A_μ^x = -½ (sin φ ∂_μθ + sin θ cos φ ∂_μφ)
    A_μ^y =  ½ (cos φ ∂_μθ - sin θ sin φ ∂_μφ)
    A_μ^z =  ½ (1 - cos θ) ∂_μφ
    A_μ^± = A_μ^x ± i A_μ^y = ½ e^{±iφ} (±i ∂_μθ - sin θ ∂_μφ)
    A_μ^∥ = e_sφ·A_μ = e_θ·A_μ = -½ sin θ ∂_μφ
    A_μ^⊥ = e_φ·A_μ = ½ ∂_μθ.

Spin densities map between frames by the π-rotation about m (eq. 15),
s = 2m(m·s̃) - s̃, equivalently (eqs. 17-18)
s = -s̃_∥ e_θ + s̃_z e_s - s̃_⊥ e_φ.

Conventions
-----------
* ħ = 1; lengths in any unit (the gauge field has the inverse unit of
  ``spacing``).  Elsewhere in spinlib lengths are in units of 1/k_F.
* Angles in radians; θ ∈ [0, π] is the polar angle of the local spin
  e_s = S/S, φ its azimuth.  φ may jump by 2π anywhere: only cos φ and
  sin φ enter.
* Grid arrays are indexed ``ij``: axis 0 = x, axis 1 = y, axis 2 = z.
* Vector fields (spin densities, frame vectors) carry the Cartesian component
  on the *last* axis, shape (*grid, 3).  The gauge field is returned as
  ``A[i, a, *grid]`` (i: spatial direction, a: spin component), eq. (11).
* The gauge (8) is singular where e_s = -e_z (θ = π) if φ varies there: a
  vortex or skyrmion whose core points down carries a Dirac string in this
  gauge.

Functions accept NumPy arrays; the angle-only formulas (``half_angle_vector``,
``spin_frame``, ``gauge_components`` ...) also accept SymPy expressions and
then return SymPy objects, which is how the tests prove the identities.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import sympy as sp

from ._validation import (
    as_finite_array,
    check_nonnegative,
    check_positive,
    check_same_shape,
    check_spacing,
    check_zeta,
)
from .grids import field_gradient

__all__ = [
    "PAULI",
    "pauli_matrices",
    "half_angle_vector",
    "spin_frame",
    "e_s_phi",
    "rotation_matrix_U",
    "gauge_matrix_from_U",
    "gauge_field_from_m_sym",
    "gauge_components",
    "gauge_plus_minus",
    "gauge_parallel_perp",
    "gauge_field",
    "project_parallel_perp",
    "lab_from_rotated",
    "rotated_parallel_perp",
    "lab_from_parallel_perp",
    "adiabaticity_parameter",
    "tanh_wall_gauge_spectrum",
    "tanh_wall_window_integral",
]

#: Pauli matrices as a complex array of shape (3, 2, 2).
PAULI = np.array(
    [[[0, 1], [1, 0]], [[0, -1j], [1j, 0]], [[1, 0], [0, -1]]], dtype=complex
)


def pauli_matrices() -> tuple[sp.Matrix, sp.Matrix, sp.Matrix]:
    """The Pauli matrices σ_x, σ_y, σ_z as SymPy matrices."""
    return (
        sp.Matrix([[0, 1], [1, 0]]),
        sp.Matrix([[0, -sp.I], [sp.I, 0]]),
        sp.Matrix([[1, 0], [0, -1]]),
    )


def _is_symbolic(*args: Any) -> bool:
    return any(isinstance(a, sp.Basic) for a in args)


def _lib(*args: Any):
    """SymPy for symbolic arguments, NumPy otherwise."""
    return sp if _is_symbolic(*args) else np


def _vector(lib, x, y, z):
    if lib is sp:
        return sp.Matrix([x, y, z])
    x, y, z = np.broadcast_arrays(x, y, z)
    return np.stack([x, y, z], axis=-1)


def half_angle_vector(theta, phi):
    """The unit vector m of eq. (8), m = (sin θ/2 cos φ, sin θ/2 sin φ, cos θ/2).

    U = m·σ then rotates σ_z onto e_s·σ: U σ_z U = e_s·σ.

    Parameters
    ----------
    theta, phi : array_like or sympy.Expr
        Polar and azimuthal angles of the local spin.

    Returns
    -------
    numpy.ndarray of shape (..., 3), or a 3x1 sympy.Matrix
    """
    lib = _lib(theta, phi)
    return _vector(
        lib,
        lib.sin(theta / 2) * lib.cos(phi),
        lib.sin(theta / 2) * lib.sin(phi),
        lib.cos(theta / 2),
    )


def spin_frame(theta, phi):
    """The local orthonormal frame (e_s, e_θ, e_φ) of the text before eq. (19).

    e_s = (sin θ cos φ, sin θ sin φ, cos θ),
    e_θ = (cos θ cos φ, cos θ sin φ, -sin θ)   (eq. 19),
    e_φ = (-sin φ, cos φ, 0)                    (eq. 20).

    The frame is right-handed, e_s × e_θ = +e_φ and e_s × e_φ = -e_θ (the
    text after eq. (53) states both with the opposite sign; see EQUATIONS.md).

    Returns
    -------
    tuple of three arrays of shape (..., 3) (or three sympy 3x1 matrices)
    """
    lib = _lib(theta, phi)
    st, ct, sf, cf = lib.sin(theta), lib.cos(theta), lib.sin(phi), lib.cos(phi)
    e_s = _vector(lib, st * cf, st * sf, ct)
    e_theta = _vector(lib, ct * cf, ct * sf, -st)
    e_phi = _vector(lib, -sf, cf, 0 * cf)
    return e_s, e_theta, e_phi


def e_s_phi(phi):
    """The in-plane unit vector e_sφ = (cos φ, sin φ, 0) (text after eq. 31)."""
    lib = _lib(phi)
    return _vector(lib, lib.cos(phi), lib.sin(phi), 0 * lib.cos(phi))


def rotation_matrix_U(m) -> sp.Matrix:
    """U = m·σ of eq. (7) for a symbolic 3-vector ``m`` (a 2x2 sympy Matrix)."""
    sx, sy, sz = pauli_matrices()
    return m[0] * sx + m[1] * sy + m[2] * sz


def gauge_matrix_from_U(U: sp.Matrix, coordinate: sp.Symbol) -> sp.Matrix:
    """A_μ = -i U⁻¹ ∂_μ U of eq. (10), symbolically (2x2 sympy Matrix)."""
    return -sp.I * U.inv() * U.diff(coordinate)


def gauge_field_from_m_sym(m: sp.Matrix, coordinate: sp.Symbol) -> sp.Matrix:
    """(A_μ^x, A_μ^y, A_μ^z) = m × ∂_μ m of eq. (11), symbolically."""
    return m.cross(m.diff(coordinate))


def gauge_components(theta, phi, dtheta, dphi):
    """Cartesian spin components of the gauge field, explicit form of eq. (11).

    A_μ^x = -½ (sin φ ∂θ + sin θ cos φ ∂φ),
    A_μ^y =  ½ (cos φ ∂θ - sin θ sin φ ∂φ),
    A_μ^z =  ½ (1 - cos θ) ∂φ,

    with ∂ = ∂_μ.  Derived from m × ∂_μ m; the identity is proved in
    ``tests/test_gauge_symbolic.py``.

    Parameters
    ----------
    theta, phi : array_like or sympy.Expr
        Angles of the local spin.
    dtheta, dphi : array_like or sympy.Expr
        Their derivatives along one direction μ.

    Returns
    -------
    tuple (A_x, A_y, A_z)
    """
    lib = _lib(theta, phi, dtheta, dphi)
    st, ct, sf, cf = lib.sin(theta), lib.cos(theta), lib.sin(phi), lib.cos(phi)
    a_x = -(sf * dtheta + st * cf * dphi) / 2
    a_y = (cf * dtheta - st * sf * dphi) / 2
    a_z = (1 - ct) * dphi / 2
    return a_x, a_y, a_z


def gauge_plus_minus(theta, phi, dtheta, dphi):
    """A_μ^± = A_μ^x ± i A_μ^y = ½ e^{±iφ} (±i ∂θ - sin θ ∂φ).

    Returns
    -------
    tuple (A_plus, A_minus)
    """
    lib = _lib(theta, phi, dtheta, dphi)
    i = sp.I if lib is sp else 1j
    a_plus = lib.exp(i * phi) * (i * dtheta - lib.sin(theta) * dphi) / 2
    a_minus = lib.exp(-i * phi) * (-i * dtheta - lib.sin(theta) * dphi) / 2
    return a_plus, a_minus


def gauge_parallel_perp(theta, dtheta, dphi):
    """A^∥ = e_sφ·A = e_θ·A = -½ sin θ ∂φ and A^⊥ = e_φ·A = ½ ∂θ.

    These are the combinations that enter the spin density (30), (34) and the
    torque (45)-(47) (the paper's Ā^s and Ā^a at q = 0).

    Returns
    -------
    tuple (A_parallel, A_perp)
    """
    lib = _lib(theta, dtheta, dphi)
    return -lib.sin(theta) * dphi / 2, dtheta / 2


def gauge_field(theta, phi, spacing) -> np.ndarray:
    """SU(2) gauge field A_μ^a = (m × ∂_μ m)_a of eq. (11) on a regular grid.

    The derivatives are taken of the half-angle vector m(θ, φ) of eq. (8) by
    second-order finite differences (centred inside, one-sided second order
    at the edges), so the result converges as O(h²) and is insensitive to
    2π jumps of φ (m depends on φ only through cos φ and sin φ).

    Parameters
    ----------
    theta, phi : array_like, shape grid
        Polar and azimuthal angle of the local spin sampled on a regular 1D,
        2D or 3D grid indexed ``ij`` (axis 0 = x, axis 1 = y, axis 2 = z);
        at least 3 points per axis.
    spacing : float or sequence of float
        Grid spacing (one per axis, or one for all), > 0.

    Returns
    -------
    numpy.ndarray, shape (ndim, 3, *grid)
        ``A[i, a]`` is the component a ∈ (x, y, z) in spin space of the gauge
        field along spatial direction i, in units of 1/[spacing].

    Raises
    ------
    ValueError
        If θ or φ contain NaN/inf, their shapes differ, the grid is not
        1D-3D with >= 3 points per axis, or a spacing is not positive.

    See Also
    --------
    gauge_components : the same quantity from analytic derivatives.

    Examples
    --------
    A uniform rotation of φ (a spin spiral in the xy-plane, θ = π/2)
    has A^z_x = ½ (1 - cos θ) ∂_xφ = ½ k, here up to the O(h²) error
    (k h)²/6 = 1.5e-4 relative inside the grid, (k h)²/3 at its edges:

    >>> import numpy as np
    >>> x = np.linspace(0, 10, 101)
    >>> A = gauge_field(np.full_like(x, np.pi / 2), 0.3 * x, x[1] - x[0])
    >>> A.shape
    (1, 3, 101)
    >>> bool(np.allclose(A[0, 2], 0.15, rtol=4e-4))
    True
    """
    theta = as_finite_array(theta, "theta")
    phi = as_finite_array(phi, "phi")
    check_same_shape(theta=theta, phi=phi)
    if not 1 <= theta.ndim <= 3:
        raise ValueError(f"theta and phi must be 1D, 2D or 3D grids; got ndim={theta.ndim}")
    if min(theta.shape) < 3:
        raise ValueError(
            f"theta and phi need at least 3 points along every axis; got shape {theta.shape}"
        )
    h = check_spacing(spacing, theta.ndim)
    m = half_angle_vector(theta, phi)  # (*grid, 3)
    return _gauge_field_from_m(m, h)


def _gauge_field_from_m(m: np.ndarray, h: tuple[float, ...]) -> np.ndarray:
    grads = field_gradient(m, h)  # (ndim, *grid, 3)
    return np.moveaxis(np.cross(m, grads), -1, 1)  # (ndim, 3, *grid)


def project_parallel_perp(A: np.ndarray, phi) -> tuple[np.ndarray, np.ndarray]:
    """Project a gauge field on e_sφ(x) and e_φ(x): (A^∥, A^⊥) = (e_sφ·A, e_φ·A).

    Parameters
    ----------
    A : numpy.ndarray, shape (ndim, 3, *grid)
        Gauge field as returned by :func:`gauge_field`.
    phi : array_like, shape grid
        Azimuth of the local spin at each grid point.

    Returns
    -------
    (A_parallel, A_perp) : two arrays of shape (ndim, *grid)
    """
    A = as_finite_array(A, "A")
    phi = as_finite_array(phi, "phi")
    if A.ndim < 2 or A.shape[1] != 3 or A.shape[2:] != phi.shape:
        raise ValueError(
            f"A must have shape (ndim, 3, *grid) with grid = phi.shape {phi.shape}; got {A.shape}"
        )
    c, s = np.cos(phi), np.sin(phi)
    return c * A[:, 0] + s * A[:, 1], -s * A[:, 0] + c * A[:, 1]


def lab_from_rotated(s_tilde, theta, phi) -> np.ndarray:
    """Lab-frame spin density from the rotated-frame one, eq. (15).

    s = 2 m (m·s̃) - s̃, the rotation by π about m.  The map is an
    involution, so the same function also returns s̃ from s.

    Parameters
    ----------
    s_tilde : array_like, shape (*grid, 3)
    theta, phi : array_like, shape grid

    Returns
    -------
    numpy.ndarray, shape (*grid, 3)
    """
    s_tilde = as_finite_array(s_tilde, "s_tilde")
    theta = as_finite_array(theta, "theta")
    phi = as_finite_array(phi, "phi")
    check_same_shape(theta=theta, phi=phi)
    if s_tilde.shape != theta.shape + (3,):
        raise ValueError(
            f"s_tilde must have shape (*theta.shape, 3) = {theta.shape + (3,)}; got {s_tilde.shape}"
        )
    m = half_angle_vector(theta, phi)
    return 2 * m * np.sum(m * s_tilde, axis=-1, keepdims=True) - s_tilde


def rotated_parallel_perp(s_x, s_y, phi):
    """s̃_∥ and s̃_⊥ of eq. (18) from the rotated-frame components s̃_x, s̃_y.

    s̃_∥ = ½ Σ± e^{∓iφ} s̃^± = cos φ s̃_x + sin φ s̃_y,
    s̃_⊥ = ½ Σ± (∓i) e^{∓iφ} s̃^± = -sin φ s̃_x + cos φ s̃_y.

    Accepts NumPy arrays or SymPy expressions.

    Returns
    -------
    tuple (s_parallel, s_perp)
    """
    lib = _lib(s_x, s_y, phi)
    c, s = lib.cos(phi), lib.sin(phi)
    return c * s_x + s * s_y, -s * s_x + c * s_y


def lab_from_parallel_perp(s_par, s_perp, s_z, theta, phi):
    """Lab-frame spin density from (s̃_∥, s̃_⊥, s̃_z), eq. (17).

    s = -s̃_∥ e_θ + s̃_z e_s - s̃_⊥ e_φ.
    """
    e_s, e_theta, e_phi = spin_frame(theta, phi)
    if isinstance(e_s, sp.MatrixBase):
        return -s_par * e_theta + s_z * e_s - s_perp * e_phi
    return (
        -np.asarray(s_par)[..., None] * e_theta
        + np.asarray(s_z)[..., None] * e_s
        - np.asarray(s_perp)[..., None] * e_phi
    )


def adiabaticity_parameter(kf_width, zeta):
    """(k_F+ - k_F-) λ = 2 ζ k_F λ: the texture is adiabatic when this is >> 1.

    The gauge-field vertex J·A ~ k_F/(m λ) (eq. 12) must be small against the
    band splitting 2Δ = 2 ζ k_F²/m (eq. 13); their ratio is
    1/(2 ζ k_F λ).  Equivalently the texture's wave-vectors q ~ 1/λ must stay
    below k_F+ - k_F-, the lower edge of the Stoner window (39).

    Parameters
    ----------
    kf_width : array_like
        k_F λ, the texture length scale in units of 1/k_F (> 0).
    zeta : array_like
        Polarisation, 0 < ζ < 1.
    """
    kf_width = check_positive(kf_width, "kf_width")
    zeta = check_zeta(zeta)
    return 2 * zeta * kf_width


def tanh_wall_gauge_spectrum(q, width):
    """Fourier transform of the gauge field of a tanh wall, A^⊥(q) = (π/2) sech(π q λ/2).

    For θ = 2 arctan e^{x/λ} the only non-zero projection is
    A_x^⊥(x) = ½ ∂_xθ = 1/(2λ cosh(x/λ)), and

        A^⊥(q) = ∫ dx e^{-iqx} A_x^⊥(x) = (π/2) / cosh(π q λ/2),

    real and even in q, with A^⊥(0) = π/2 (half the total rotation angle π of
    the wall, whatever λ).  Spin-flip scattering needs momentum transfers
    q ≥ k_F+ - k_F- (the Stoner window, eq. 39), where this spectrum is
    exponentially small for wide walls: that is adiabaticity.

    Parameters
    ----------
    q : array_like
        Wave-vector (in units of 1/[width]); any sign.
    width : float
        Wall width λ >= 0; λ = 0 is the abrupt wall, A^⊥(q) = π/2 for all q.

    Examples
    --------
    >>> float(tanh_wall_gauge_spectrum(0.0, 3.0))
    1.5707963267948966
    >>> float(tanh_wall_gauge_spectrum(7.0, 0.0))
    1.5707963267948966
    """
    q = as_finite_array(q, "q")
    width = check_nonnegative(width, "width")
    a = np.abs(np.pi * q * width / 2)
    return np.pi * np.exp(-a) / (1 + np.exp(-2 * a))  # (π/2) sech a, without overflow


def tanh_wall_window_integral(width, q_min, q_max):
    """∫_{q_min}^{q_max} |A^⊥(q)|² dq/q for a tanh wall (spectrum of :func:`tanh_wall_gauge_spectrum`).

    The wave-vector integral behind the golden-rule reflection force (58) and
    the Mori resistivity (74) of a tanh wall: with q the momentum transfer,
    the spin-flip processes fill the Stoner window k_F+ - k_F- <= q <=
    k_F+ + k_F- (or a part of it), each weighted by |A^⊥(q)|²/q.  Adaptive
    quadrature to 1e-12 relative, split at q_min + 1/λ and q_min + 5/λ where
    the integrand falls off.

    Parameters
    ----------
    width : array_like
        λ >= 0 (λ = 0: the abrupt wall, (π²/4) ln(q_max/q_min)).
    q_min, q_max : float
        0 < q_min <= q_max.

    Returns
    -------
    numpy.ndarray or float (for scalar ``width``)

    Examples
    --------
    >>> import numpy as np
    >>> bool(np.isclose(tanh_wall_window_integral(0.0, 0.5, 2.0), np.pi**2 / 4 * np.log(4)))
    True
    """
    from scipy import integrate

    lam = check_nonnegative(width, "width")
    lo = float(check_positive(q_min, "q_min"))
    hi = float(check_positive(q_max, "q_max"))
    if hi < lo:
        raise ValueError(f"q_max must be >= q_min = {lo:g}; got {hi:g}")

    def one(lam_val):
        def integrand(q):
            return float(tanh_wall_gauge_spectrum(q, lam_val)) ** 2 / q

        pts = [p for p in (lo + 1.0 / lam_val, lo + 5.0 / lam_val) if lo < p < hi] if lam_val else []
        return integrate.quad(integrand, lo, hi, points=pts or None, epsabs=0.0, epsrel=1e-12, limit=200)[0]

    out = np.vectorize(one, otypes=[float])(lam)
    return float(out) if out.ndim == 0 else out
