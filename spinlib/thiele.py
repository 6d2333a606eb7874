"""Collective coordinates of a rigid texture: the Thiele equation, eqs. (87)-(90).

Conventions
-----------
m(x, t) is the unit vector of a field obeying the Landau-Lifshitz-Gilbert
equation with the local (Zhang-Li) spin-transfer torques

    ṁ = -γ m × H_eff + α m × ṁ - (u·∇) m + β m × (u·∇) m,        (LLG)

γ > 0, α >= 0 the Gilbert damping, β the non-adiabaticity and u the
spin-drift velocity (for α = β every texture drifts rigidly with u).  This
is the *magnetisation* direction: it precesses counter-clockwise about the
direction it prefers.  The spin direction of the paper, e_s = S/S, of an
electron system is e_s = -m.  (How u relates to the current is the subject
of the torque module: the paper's eq. (1) and (90) give u = a³ j_s/(2eS),
its eq. (52) and the Lagrange derivative after (90) the opposite sign.)

For a rigid texture m(x - X(t)) in a film, ṁ = -(v·∇)m with v = Ẋ.  Taking
m × (LLG), dotting with ∂_i m and integrating over the plane (using
m × (m × a) = -a for a ⊥ m and ∫ ∂_i m·H_eff = +(1/μ0M_s) ∂U/∂X_i) gives the
Thiele equation (all terms divided by the spin density per area
ħ S d/a³ = μ0 M_s d/γ, so that they are velocities)

    F + G e_z × (u - v) + D (β u - α v) = 0,                    (Thiele)

v = Ẋ, with the (geometric, per unit thickness) gyrovector and dissipation
tensor

    G = ∫ m·(∂_x m × ∂_y m) d²x = 4π Q,       D_ij = ∫ ∂_i m·∂_j m d²x,

and F = -∂U/∂X the force (also divided by ħSd/a³).  Q is the charge of
:func:`spinlib.topology.topological_charge` (a skyrmion with core down in an
up background, winding 1, has Q = -1, G = -4π; a vortex G = 2π p m).

Relation to the paper
---------------------
The paper's gyrovector g = 4πħSΦ_xy/a³ (eqs. 87-88) is built from the spin
direction e_s = -m, so g = -(ħSd/a³) G.  Its Lagrangian (88),
L = ½ g·(Ẋ × X) - U, with a Rayleigh dissipation ½ α̃ Ẋ², gives
g Ẋ = e_z × (F - α̃ Ẋ) with F = **-**∂U/∂X: eq. (89) as printed defines
F ≡ +∂U/∂X, a sign error (with it the damping would drive the vortex *up*
the potential, dU/dt = +α̃|Ẋ|²; see ``tests/test_thiele.py``).  The
Gilbert friction is α̃ = α (ħSd/a³) D_xx = α (ħSd/2a³) ∫ [(∇θ)² + sin²θ (∇φ)²]
for a rotationally symmetric texture; the printed α̃ lacks the factor ½
(it is α (ħSd/a³)(D_xx + D_yy)).  With these corrections (89)-(90) are
(Thiele) with G = -g a³/(ħSd), α D = α̃ a³/(ħSd), the drift u = a³j_s/(2eS)
of (90) and the force along the current β D u (+ the reflection force of
eq. 58).  Note that the adiabatic force P a³ j × g/(2eS) of (87) has the
sign opposite to (62) (``tests/test_thiele.py``): (87) goes with the drift
+a³j_s/(2eS) of eqs. (1), (90), (62) with the drift -a³j_s/(2eS) of (52).

Units: ħ = 1; lengths in the unit of the grid spacing (1/k_F in spinlib),
time in any unit (velocities u, v in length/time, κ in 1/time).
"""

from __future__ import annotations

import numpy as np
from scipy.integrate import solve_ivp

from ._validation import (
    as_finite_array,
    check_choice,
    check_nonnegative,
    check_positive,
    check_spacing,
    check_unit_vectors,
)
from .textures import field_gradient, grid_integral
from .topology import topological_charge

__all__ = [
    "gyrovector",
    "dissipation_tensor",
    "paper_gyro_constant",
    "friction_coefficient",
    "thiele_velocity",
    "free_velocity",
    "hall_angle",
    "harmonic_equilibrium",
    "harmonic_rates",
    "harmonic_trajectory",
    "damped_spiral",
    "thiele_trajectory",
    "paper_vortex_trajectory",
]

#: e_z × (rotation by +π/2 in the plane), as a 2x2 matrix acting on (x, y).
_JZ = np.array([[0.0, -1.0], [1.0, 0.0]])


# --------------------------------------------------------------------------
# texture integrals
# --------------------------------------------------------------------------
def gyrovector(m, spacing=None, method: str = "lattice") -> float:
    """Gyrovector G = ∫ m·(∂_x m × ∂_y m) d²x = 4π Q (per unit thickness).

    The z-component of the Thiele gyrovector G e_z in the convention of the
    module docstring (geometric: divide the physical one by μ0 M_s d/γ).
    Computed from :func:`spinlib.topology.topological_charge`.  Passing the
    spin direction e_s = -m instead of m flips the sign: that is the
    paper's g a³/(ħSd) of eq. (88).

    Parameters
    ----------
    m : array_like, shape (Nx, Ny, 3)
        Unit vectors on a 2D grid.
    spacing : float or (float, float), optional
        Needed for ``method="finite_difference"``.
    method : {"lattice", "finite_difference"}
        See :func:`spinlib.topology.topological_charge`.

    Returns
    -------
    float

    Examples
    --------
    >>> from spinlib.textures import make_grid, skyrmion_angles, unit_vectors
    >>> X, Y = make_grid((61, 61), 0.5)
    >>> m = unit_vectors(*skyrmion_angles(X, Y, radius=3.0, wall_width=1.0))
    >>> round(gyrovector(m) / np.pi, 6)
    -4.0
    """
    return 4.0 * np.pi * topological_charge(m, spacing, method)


def dissipation_tensor(m, spacing) -> np.ndarray:
    """Dissipation tensor D_ij = ∫ ∂_i m·∂_j m d^n x of the Thiele equation.

    Second-order finite differences (:func:`spinlib.textures.field_gradient`),
    trapezoidal rule over the grid's extent (so a direction along which the
    texture is uniform contributes its length (N - 1) h; for a 1D grid the
    result is per unit cross-section).  Error O(h²) for a smooth texture.
    Its trace is ∫ |∇m|² = ∫ [(∇θ)² + sin²θ (∇φ)²], the integral in the
    paper's α̃ of eq. (89).

    Parameters
    ----------
    m : array_like, shape (*grid, 3)
        Unit vectors on a 1D, 2D or 3D grid, >= 3 points per axis.
    spacing : float or sequence of float
        Grid spacing(s) > 0.

    Returns
    -------
    numpy.ndarray, shape (ndim, ndim)
        Symmetric, positive semi-definite; units [spacing]^(ndim - 2).

    Examples
    --------
    A tanh wall of width λ = 1 (per unit area, D_xx = 2/λ):

    >>> from spinlib.textures import make_grid, domain_wall_field
    >>> (x,) = make_grid(801, 0.05)
    >>> D = dissipation_tensor(domain_wall_field((x,), width=1.0), 0.05)
    >>> round(float(D[0, 0]), 3)
    2.0
    """
    m = check_unit_vectors(m, "m")
    h = check_spacing(spacing, m.ndim - 1)
    grad = field_gradient(m, h)
    ndim = grad.shape[0]
    integrand = np.einsum("i...k,j...k->ij...", grad, grad)
    out = np.empty((ndim, ndim))
    for i in range(ndim):
        for j in range(ndim):
            out[i, j] = grid_integral(integrand[i, j], h)
    return out


def paper_gyro_constant(phi_xy, spin, lattice_constant):
    """The paper's gyro constant g = 4πħ S Φ_xy / a³ of eq. (88) (ħ = 1).

    Φ_xy is the vortex number (63) of the *spin* direction e_s, Φ_xy = n_v d
    for a film (eq. 64; :func:`spinlib.topology.vortex_number_tensor`).
    Eq. (87) writes the same gyrovector without ħ (g = 4πSΦ_xy/a³): the two
    agree only for ħ = 1.  In terms of the Thiele G of the magnetisation
    direction m = -e_s: g = -(ħ S d/a³) G.

    Parameters
    ----------
    phi_xy : array_like
        Φ_xy (a length), any sign.
    spin : float
        S > 0.
    lattice_constant : float
        a > 0.

    Returns
    -------
    numpy.ndarray

    Examples
    --------
    A vortex of polarity +1 (n_v = 1/2) in a film of thickness d = 2a:

    >>> float(paper_gyro_constant(0.5 * 2.0, spin=1.0, lattice_constant=1.0) / np.pi)
    4.0
    """
    phi_xy = as_finite_array(phi_xy, "phi_xy")
    spin = check_positive(spin, "spin")
    a = check_positive(lattice_constant, "lattice_constant")
    return 4.0 * np.pi * spin * phi_xy / a**3


def friction_coefficient(
    alpha,
    dissipation,
    spin: float = 1.0,
    lattice_constant: float = 1.0,
    thickness: float = 1.0,
    convention: str = "thiele",
):
    """Friction coefficient α̃ of a rigid vortex in eq. (89), corrected or as printed.

    ``convention="thiele"`` (correct): α̃ = α (ħSd/a³) D_xx, the friction
    force -α̃ Ẋ that follows from the Gilbert dissipation
    W = ½ α (ħS/a³) ∫ ṁ² d³x for m(x - X(t)) (then 2W = α̃ Ẋ²).  Requires an
    isotropic D (D_xx = D_yy, D_xy = 0 within 1e-6 relative), as for a
    vortex or skyrmion.
    ``convention="printed"``: the printed α̃ = α (ħSd/a³) ∫[(∇θ)² + sin²θ(∇φ)²]
    = α (ħSd/a³)(D_xx + D_yy), twice the correct value for an isotropic
    texture.

    Parameters
    ----------
    alpha : float
        Gilbert damping, >= 0.
    dissipation : array_like, shape (2, 2)
        D_ij of :func:`dissipation_tensor` (of a 2D texture).
    spin, lattice_constant, thickness : float
        S, a, d > 0.
    convention : {"thiele", "printed"}

    Returns
    -------
    float
    """
    alpha = float(check_nonnegative(alpha, "alpha"))
    D = _check_dissipation(dissipation)
    pref = float(check_positive(spin, "spin")) * float(check_positive(thickness, "thickness"))
    pref /= float(check_positive(lattice_constant, "lattice_constant")) ** 3
    check_choice(convention, "convention", ["thiele", "printed"])
    if convention == "printed":
        return alpha * pref * float(np.trace(D))
    scale = max(abs(D).max(), 1e-300)
    if abs(D[0, 0] - D[1, 1]) > 1e-6 * scale or abs(D[0, 1]) > 1e-6 * scale:
        raise ValueError(
            "dissipation must be isotropic (D_xx = D_yy, D_xy = 0) for a scalar friction "
            f"coefficient; got {D.tolist()}"
        )
    return alpha * pref * float(D[0, 0])


# --------------------------------------------------------------------------
# velocities
# --------------------------------------------------------------------------
def _check_dissipation(D) -> np.ndarray:
    D = as_finite_array(D, "D")
    if D.ndim == 0:
        D = D * np.eye(2)
    if D.shape != (2, 2):
        raise ValueError(f"D must be a number or a 2x2 array; got shape {D.shape}")
    if not np.allclose(D, D.T, rtol=1e-12, atol=0.0):
        raise ValueError("D must be symmetric")
    if np.linalg.eigvalsh(D).min() < -1e-12 * max(abs(D).max(), 1e-300):
        raise ValueError("D must be positive semi-definite (it is ∫ ∂_i m·∂_j m)")
    return D


def _check_vector2(v, name: str) -> np.ndarray:
    v = as_finite_array(v, name)
    if v.shape != (2,):
        raise ValueError(f"{name} must be an in-plane vector (2 numbers); got shape {v.shape}")
    return v


def thiele_velocity(u, G, D, alpha, beta, force=(0.0, 0.0)) -> np.ndarray:
    """Velocity v of a rigid texture from the Thiele equation, solved as a 2x2 system.

    F + G e_z × (u - v) + D (β u - α v) = 0   ⇔   (G J + α D) v = F + (G J + β D) u,

    J = e_z × (rotation by +π/2).  General D (e.g. a domain wall).

    Parameters
    ----------
    u : array_like, shape (2,)
        Spin-drift velocity.
    G : float
        Gyrovector (:func:`gyrovector`).
    D : float or array_like, shape (2, 2)
        Dissipation tensor (a number means D·1).
    alpha : float
        >= 0.
    beta : float
    force : array_like, shape (2,)
        F = -∂U/∂X, in velocity units (see module docstring).

    Returns
    -------
    numpy.ndarray, shape (2,)

    Raises
    ------
    ValueError
        If G J + α D is singular (e.g. G = 0 with α = 0, or a wall pushed
        along a direction in which D vanishes without damping).

    Examples
    --------
    >>> thiele_velocity([1.0, 0.0], G=0.0, D=2.0, alpha=0.1, beta=0.05).round(12).tolist()
    [0.5, 0.0]
    """
    u = _check_vector2(u, "u")
    F = _check_vector2(force, "force")
    G = float(as_finite_array(G, "G"))
    D = _check_dissipation(D)
    alpha = float(check_nonnegative(alpha, "alpha"))
    beta = float(as_finite_array(beta, "beta"))
    M = G * _JZ + alpha * D
    if abs(np.linalg.det(M)) <= 1e-14 * max(abs(M).max(), 1e-300) ** 2 or not M.any():
        raise ValueError(
            "G e_z× + alpha D is singular (G = 0 and alpha D not invertible): the "
            "velocity is not determined"
        )
    return np.linalg.solve(M, F + (G * _JZ + beta * D) @ u)


def free_velocity(u, alpha, beta, eta) -> tuple[np.ndarray, np.ndarray]:
    """Velocity (v_∥, v_⊥) of a free rigid texture driven by the spin drift u.

    Solution of the Thiele equation G e_z × (u - v) + D (β u - α v) = 0
    (no force, isotropic D = D·1, see the module docstring) for u = u x̂:

        v_∥ = u (1 + α β η²) / (1 + α² η²),
        v_⊥ = u η (α - β) / (1 + α² η²),     η = D / G,

    v_∥ along u and v_⊥ along e_z × û.  Limits: β = α ⇒ v = u; a domain wall,
    G = 0 (η = ±inf) ⇒ v = (β/α) u; η → 0 (D ≪ |G|) ⇒ v = u.  The skew
    (Hall) angle is atan2(v_⊥, v_∥) (:func:`hall_angle`).

    Parameters
    ----------
    u : array_like
        Drift speed along x̂ (any sign).
    alpha : array_like
        Gilbert damping, >= 0 (> 0 when η is infinite).
    beta : array_like
        Non-adiabaticity (finite, any sign).
    eta : array_like
        η = D/G (signed; ±inf for G = 0, e.g. a domain wall; NaN not allowed).
        G = 4πQ and D = D_xx of :func:`gyrovector`, :func:`dissipation_tensor`.

    Returns
    -------
    v_parallel, v_perpendicular : numpy.ndarray
        Broadcast shape of the inputs.

    Examples
    --------
    A Belavin-Polyakov skyrmion (G = -4π, D_xx = 4π: η = -1), α = 0.1, β = 0.2:

    >>> vp, vs = free_velocity(1.0, 0.1, 0.2, -1.0)
    >>> round(float(vp), 12), round(float(vs), 12)
    (1.009900990099, 0.09900990099)
    """
    u = as_finite_array(u, "u")
    alpha = check_nonnegative(alpha, "alpha")
    beta = as_finite_array(beta, "beta")
    eta = np.asarray(eta, dtype=float)
    if np.isnan(eta).any():
        raise ValueError("eta must not be NaN (use ±inf for G = 0)")
    u, alpha, beta, eta = np.broadcast_arrays(u, alpha, beta, eta)
    if np.any(np.isinf(eta) & (alpha == 0)):
        raise ValueError("alpha must be > 0 when eta is infinite (G = 0): v = (beta/alpha) u")
    small = np.abs(eta) <= 1.0
    with np.errstate(divide="ignore", invalid="ignore"):
        # |η| <= 1: the formula in η;  |η| > 1: the same in γ = 1/η (finite at G = 0)
        e = np.where(small, eta, 0.0)
        den_e = 1.0 + alpha**2 * e**2
        par_e = (1.0 + alpha * beta * e**2) / den_e
        perp_e = e * (alpha - beta) / den_e
        g = np.where(small, 1.0, 1.0 / eta)
        den_g = g**2 + alpha**2
        par_g = (g**2 + alpha * beta) / den_g
        perp_g = g * (alpha - beta) / den_g
    v_par = u * np.where(small, par_e, par_g)
    v_perp = u * np.where(small, perp_e, perp_g)
    return v_par, v_perp


def hall_angle(alpha, beta, eta) -> np.ndarray:
    """Skew (Hall) angle θ_H = atan2(v_⊥, v_∥) of a free texture, u > 0.

    tan θ_H = η (α - β) / (1 + α β η²) (:func:`free_velocity`); zero for
    β = α and for a domain wall (η = ±inf).

    Examples
    --------
    >>> round(float(hall_angle(0.1, 0.0, -1.0)), 12)
    -0.099668652491
    """
    v_par, v_perp = free_velocity(1.0, alpha, beta, eta)
    return np.arctan2(v_perp, v_par)


# --------------------------------------------------------------------------
# a vortex (or skyrmion) in a harmonic trap U = ½ κ |X|²
# --------------------------------------------------------------------------
def _check_isotropic_D(D) -> float:
    D = as_finite_array(D, "D")
    if D.ndim != 0:
        raise ValueError(
            f"D must be a number (isotropic dissipation D·1) here; got shape {D.shape}"
        )
    return float(check_nonnegative(D, "D"))


def harmonic_equilibrium(u, G, D, beta, kappa) -> np.ndarray:
    """Steady position X* of a texture in U = ½κ|X|² under the drift u.

    At rest (v = 0) the Thiele equation gives κ X* = G e_z × u + β D u:
    a displacement G|u|/κ perpendicular to u and β D |u|/κ along it.

    Parameters
    ----------
    u : array_like, shape (2,)
    G : float
    D : float
        Isotropic dissipation, >= 0.
    beta : float
    kappa : float
        Trap stiffness (velocity units, see module docstring), > 0.

    Returns
    -------
    numpy.ndarray, shape (2,)
    """
    u = _check_vector2(u, "u")
    G = float(as_finite_array(G, "G"))
    D = _check_isotropic_D(D)
    beta = float(as_finite_array(beta, "beta"))
    kappa = float(check_positive(kappa, "kappa"))
    return (G * _JZ @ u + beta * D * u) / kappa


def harmonic_rates(G, D, alpha, kappa) -> tuple[float, float]:
    """Relaxation rate Γ and gyration frequency ω of a texture in U = ½κ|X|².

    From (Thiele) with F = -κX and isotropic D:
    Ẋ = (-Γ + ω e_z×)(X - X*), Γ = κ α D/(G² + α² D²),
    ω = κ G/(G² + α² D²) (counter-clockwise for ω > 0).

    Returns
    -------
    (Gamma, omega) : tuple of float

    Raises
    ------
    ValueError
        If G = 0 and α D = 0 (no dynamics defined).
    """
    G = float(as_finite_array(G, "G"))
    D = _check_isotropic_D(D)
    alpha = float(check_nonnegative(alpha, "alpha"))
    kappa = float(check_positive(kappa, "kappa"))
    den = G**2 + (alpha * D) ** 2
    if den == 0.0:
        raise ValueError("G and alpha*D must not both vanish")
    return kappa * alpha * D / den, kappa * G / den


def harmonic_trajectory(t, x0, u, G, D, alpha, beta, kappa) -> np.ndarray:
    """Analytic trajectory of a rigid texture in U = ½κ|X|²: a damped spiral.

    X(t) = X* + e^{-Γt} R(ωt) (X0 - X*), R(ωt) the rotation by ωt, with X*
    of :func:`harmonic_equilibrium` and Γ, ω of :func:`harmonic_rates`.
    Solves (Thiele) with F = -κX, isotropic D and a constant u switched on
    at t = 0.

    Parameters
    ----------
    t : array_like, shape (nt,)
        Times.
    x0 : array_like, shape (2,)
        X(0).
    u, G, D, alpha, beta, kappa
        As in :func:`thiele_velocity` and :func:`harmonic_equilibrium`.

    Returns
    -------
    numpy.ndarray, shape (nt, 2)

    Examples
    --------
    Without damping the texture circles its equilibrium at ω = κ/G:

    >>> X = harmonic_trajectory([np.pi], [1.0, 0.0], [0, 0], G=1.0, D=1.0,
    ...                         alpha=0.0, beta=0.0, kappa=1.0)
    >>> X.round(12).tolist()
    [[-1.0, 0.0]]
    """
    t = as_finite_array(t, "t")
    if t.ndim != 1:
        raise ValueError(f"t must be a 1D array of times; got shape {t.shape}")
    x0 = _check_vector2(x0, "x0")
    xs = harmonic_equilibrium(u, G, D, beta, kappa)
    gamma, omega = harmonic_rates(G, D, alpha, kappa)
    return damped_spiral(t, xs, x0, gamma, omega)


def damped_spiral(t, centre, x0, gamma, omega) -> np.ndarray:
    """X(t) = X* + e^{-Γt} R(ωt)(X0 - X*): the shape of every harmonic-trap trajectory.

    R(ωt) rotates counter-clockwise by ωt (a negative ω turns clockwise).

    Parameters
    ----------
    t : array_like, shape (n,)
    centre, x0 : array_like, shape (2,)
        Fixed point X* and starting point X0.
    gamma, omega : float
        Decay rate Γ >= 0 and angular frequency ω (units 1/[t]).

    Returns
    -------
    numpy.ndarray, shape (n, 2)

    Examples
    --------
    >>> damped_spiral([0.0, np.pi / 2], [0, 0], [1, 0], 0.0, 1.0).round(12).tolist()
    [[1.0, 0.0], [0.0, 1.0]]
    """
    t = as_finite_array(t, "t").reshape(-1)
    centre = _check_vector2(centre, "centre")
    y0 = _check_vector2(x0, "x0") - centre
    gamma = float(check_nonnegative(gamma, "gamma"))
    omega = float(as_finite_array(omega, "omega"))
    c, s = np.cos(omega * t), np.sin(omega * t)
    rot = np.stack([c * y0[0] - s * y0[1], s * y0[0] + c * y0[1]], axis=-1)
    return centre + np.exp(-gamma * t)[:, None] * rot


def _integrate(rhs, t, x0, rtol, atol) -> np.ndarray:
    t = as_finite_array(t, "t")
    if t.ndim != 1 or t.size < 1 or np.any(np.diff(t) <= 0):
        raise ValueError("t must be a 1D array of increasing times")
    x0 = _check_vector2(x0, "x0")
    sol = solve_ivp(
        rhs, (float(t[0]), float(t[-1])), x0, t_eval=t, method="DOP853", rtol=rtol, atol=atol
    )
    if not sol.success:  # pragma: no cover - solve_ivp failures are not expected here
        raise RuntimeError(f"ODE integration failed: {sol.message}")
    return sol.y.T


def thiele_trajectory(
    t, x0, *, G, D, alpha, beta, kappa, u=(0.0, 0.0), rtol=1e-10, atol=1e-12
) -> np.ndarray:
    """Trajectory from the Thiele equation with F = -κX, integrated numerically.

    Ẋ = v(X) from :func:`thiele_velocity` with the force -κX, integrated with
    ``scipy.integrate.solve_ivp`` (DOP853).  D may be anisotropic here.

    Parameters
    ----------
    t : array_like, shape (nt,)
        Increasing times; X(t[0]) = x0.
    x0 : array_like, shape (2,)
    G, D, alpha, beta : see :func:`thiele_velocity`.
    kappa : float
        Trap stiffness >= 0.
    u : array_like, shape (2,)
    rtol, atol : float
        Integrator tolerances.

    Returns
    -------
    numpy.ndarray, shape (nt, 2)
    """
    u = _check_vector2(u, "u")
    G = float(as_finite_array(G, "G"))
    D = _check_dissipation(D)
    alpha = float(check_nonnegative(alpha, "alpha"))
    beta = float(as_finite_array(beta, "beta"))
    kappa = float(check_nonnegative(kappa, "kappa"))
    M = G * _JZ + alpha * D
    if abs(np.linalg.det(M)) <= 1e-14 * max(abs(M).max(), 1e-300) ** 2 or not M.any():
        raise ValueError("G e_z× + alpha D is singular: the velocity is not determined")
    Minv = np.linalg.inv(M)
    drive = Minv @ ((G * _JZ + beta * D) @ u)
    A = -kappa * Minv
    return _integrate(lambda _t, X: A @ X + drive, t, x0, rtol, atol)


def paper_vortex_trajectory(
    t,
    x0,
    *,
    g,
    alpha_tilde,
    kappa,
    drift=(0.0, 0.0),
    current_force=(0.0, 0.0),
    force_sign: str = "corrected",
    rtol=1e-10,
    atol=1e-12,
) -> np.ndarray:
    """Vortex trajectory from the paper's equation of motion (89)-(90), U = ½κ|X|².

    Integrates (ħ = 1, all forces divided by the same constant as g)

        Ẋ = u_p + (1/g) e_z × (F_j + F - α̃ Ẋ)

    which is (89) with the current-induced force (87) inserted as in (90):
    u_p = a³ j_s/(2eS) is the drift from the j × g term and F_j = f j the
    force along the current.  The implicit Ẋ is solved exactly,
    (1 + (α̃/g) e_z×) Ẋ = u_p + (1/g) e_z × (F_j + F).

    Parameters
    ----------
    t : array_like, shape (nt,)
    x0 : array_like, shape (2,)
    g : float
        Gyro constant (88), ≠ 0 (:func:`paper_gyro_constant`).
    alpha_tilde : float
        Friction α̃ >= 0 (:func:`friction_coefficient`).
    kappa : float
        Trap stiffness >= 0 of U = ½κ|X|².
    drift : array_like, shape (2,)
        u_p, the first term of (90).
    current_force : array_like, shape (2,)
        F_j, the force along the current of (87) (β term and reflection).
    force_sign : {"corrected", "printed"}
        ``"corrected"``: F = -∂U/∂X = -κX (the force, as (87) and (53)
        use it).  ``"printed"``: F ≡ +∂U/∂X = +κX as printed after (89);
        with damping the vortex then spirals *outward*.

    Returns
    -------
    numpy.ndarray, shape (nt, 2)
    """
    g = float(as_finite_array(g, "g"))
    if g == 0.0:
        raise ValueError("g must be non-zero in the paper's form (89) (it divides by g)")
    at = float(check_nonnegative(alpha_tilde, "alpha_tilde"))
    kappa = float(check_nonnegative(kappa, "kappa"))
    up = _check_vector2(drift, "drift")
    fj = _check_vector2(current_force, "current_force")
    check_choice(force_sign, "force_sign", ["corrected", "printed"])
    sign = -1.0 if force_sign == "corrected" else 1.0
    lhs_inv = np.linalg.inv(np.eye(2) + (at / g) * _JZ)
    A = lhs_inv @ (_JZ * (sign * kappa / g))
    b = lhs_inv @ (up + _JZ @ fj / g)
    return _integrate(lambda _t, X: A @ X + b, t, x0, rtol, atol)
