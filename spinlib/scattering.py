"""Exact 1D quantum scattering of conduction electrons through a domain wall.

Beyond the paper.  Tatara et al. (2007) treat the texture to lowest order in
the SU(2) gauge field A of eqs. (9)-(12); here the same conduction electrons
are scattered *exactly* (all orders in A) by a one-dimensional wall, so that
the lowest-order theory can be tested.

Model and units
---------------
ħ = 1, m = 1, k_F = (k_F+ + k_F-)/2 = 1 (as in :mod:`spinlib.electron_gas`).
A free electron in the exchange field of eq. (3) with S/S = n(x),

    H = p²/2 - Δ n(x)·σ,     Δ = ζ  (:func:`spinlib.electron_gas.exchange_splitting`),

at the energy E = ε_F = (1 + ζ²)/2 (:func:`spinlib.electron_gas.fermi_energy`,
measured from the band centre), so that deep in a domain the majority
(σ·n = +1) and minority (σ·n = -1) electrons have the wave-vectors
k_F± = √(2(ε_F ± Δ)) = 1 ± ζ (:func:`spinlib.electron_gas.fermi_wavevectors`).
Lengths are in units of 1/k_F, so ``width = k_F λ``.  Angles in radians;
n = e_s(θ, φ) = (sin θ cos φ, sin θ sin φ, cos θ).

Walls
-----
A :class:`WallProfile` is uniform outside a finite interval [x_left, x_right]
(the leads) and smooth between its breakpoints:

* :func:`tanh_profile`: θ = 2 arctan e^{x/λ} (:func:`spinlib.textures.domain_wall_angles`),
  truncated at |x| = ``cutoff`` λ (default 36: the neglected tails rotate n
  by 2 e^{-36} ≈ 5e-16);
* :func:`linear_profile`: θ rises linearly from 0 to π over a length L;
* both take ``rotation`` = Θ, the total rotation angle (default π): θ is
  scaled by Θ/π, a "partial" wall whose gauge field is ∝ Θ;
* :func:`custom_profile`: any callables θ(x), φ(x) on [x_min, x_max].

Channels and the S-matrix
-------------------------
Channels are labelled in the *local* spin basis of each lead,
``CHANNELS = ("L_maj", "L_min", "R_maj", "R_min")``: majority on a side is
the spin parallel to n on that side.  The basis spinors are the columns of
U = m·σ of eq. (7)-(8) (:func:`spinlib.gauge.half_angle_vector`) at the lead
magnetisation, χ_maj = U|↑⟩, χ_min = U|↓⟩, and the scattering waves are
flux-normalised, χ e^{±ik(x - x_ref)}/√k, with x_ref = x_left for the left
channels and x_right for the right ones.  ``S[..., out, in]`` is then unitary;
its phases depend on these conventions, the probabilities |S|² do not.

For a 180° wall (n from +z to -z), a majority electron from the left that is
transmitted as a right *minority* electron keeps its lab-frame spin: it failed
to follow the wall ("mistracking"); transmission into the right majority
channel is the adiabatic one.  The keys of :class:`WallScattering` are

==================  ==========================================================
key                 probability
==================  ==========================================================
``R_maj_maj``       majority in from the left → reflected as majority
``R_maj_min``       majority in from the left → reflected as minority (spin-flip reflection)
``T_adiabatic_maj`` majority in from the left → transmitted as right majority
``T_mistrack``      majority in from the left → transmitted as right minority
``R_min_min``       minority in from the left → reflected as minority
``R_min_maj``       minority in from the left → reflected as majority
``T_adiabatic_min`` minority in from the left → transmitted as right minority
``T_mistrack_min``  minority in from the left → transmitted as right majority
==================  ==========================================================

(the four channels incident from the right are in ``probabilities``).  For
a planar wall (constant φ) the Hamiltonian is real in the gauge φ = 0, so S
is symmetric and ``R_maj_min == R_min_maj``; for the tanh wall the symmetry
x → -x combined with a π spin rotation also makes ``T_mistrack ==
T_mistrack_min``.  Both are tested, not assumed.

Methods
-------
``"magnus"``
    The transfer matrix of the 4-component first-order system y = (ψ, ψ'),
    y' = [[0, 1], [-2(E + Δ n·σ), 0]] y, in the lab frame, integrated with
    the fourth-order commutator-free Magnus method (two exponentials per step
    at the Gauss nodes), each exponential in closed form.  The propagator is
    an exact element of the group that conserves the probability current, so
    S is unitary to round-off whatever the step.  The step count is doubled
    until the estimated *absolute* error of every probability is below
    ``tol`` (the change between N/2 and N steps, divided by 15 once the
    fourth-order convergence is confirmed).  An exponentially small
    probability P = |a|² is resolved only as well as its amplitude a, whose
    absolute error is of the order of ``tol``: ask for a smaller ``tol``
    (down to ~1e-14) to resolve P ~ 1e-16 to three digits; round-off sets a
    floor near P ~ 1e-26.  Vectorised over ζ and over the wall width (a
    common mesh in x/λ).
``"finite_difference"``
    A tight-binding chain, hopping 1/(2a²), with the exact self-energies of
    the uniform semi-infinite leads (wave-function matching), at four nested
    spacings a, a/2, a/4, a/8 (up to a/32 until the estimated error is below
    ``tol``), Richardson-extrapolated in a² to the continuum.  Independent of
    the first method in every respect but the profile and the channel
    conventions.  A cross-check, slower and not vectorised; the extrapolated
    S is unitary to ~1e-10-1e-9 only (round-off of the phases over 1e4-1e5
    sites), its probabilities are accurate to ~1e-10.
``"exact"`` (linear wall only)
    In the rotated frame of eqs. (6)-(11) the linear wall carries the
    *constant* gauge field A = (π/2L) e_φ·σ, so its transfer matrix is one
    4x4 matrix exponential.
``width = 0`` (abrupt wall)
    The spin rotates by 180° at a point: each lab-frame spin component sees
    a potential step ∓Δ → ±Δ; closed form, see :func:`abrupt_wall`.

Spin density and torque
-----------------------
For a scattering state ψ (unit incoming flux) :func:`scattering_state`
returns s = ψ†σψ (the paper's eq. (5) for one state,
:func:`spinor_spin_density`), the spin current of the spin σ/2,
j^a = ½ Im(ψ†σ_a ψ') (:func:`spinor_spin_current`), and the torque on the
local spin τ = Δ n × s (:func:`exchange_torque`).  The sign follows from the Heisenberg equation
dS/dt = i[H, S] with H_ex = -(Δ/S) S·s and [S_a, S_b] = iε_abc S_c:
dS/dt = +(Δ/S) S × s.  This agrees with the middle member of the paper's
eq. (4), δH_ex/δS × S = -(Δ/S) s × S = +(Δ/S) S × s, but *not* with its
printed right-hand side -(Δ/S) S × s (a sign error of the print, see
EQUATIONS.md).  The electron spin obeys ∂_x j = -τ in a stationary state
(angular-momentum conservation), which the tests check point by point.

Lowest order in the gauge field (the paper's theory)
----------------------------------------------------
In the rotated frame (eqs. 6-12) H = (p + A)²/2 - Δσ_z with the
coupling V = ½{p, A} + ½A² of eq. (12).  First-order Born in V gives, for
an electron k_σ → k' = ±k_σ' (flux-normalised),

    P(σ → σ', k') = |½(k_σ + k') Ã_σ'σ(k' - k_σ)|² / (k_σ k_σ'),
    Ã(q) = ∫ dx e^{-iqx} A(x),

:func:`born_probabilities` (numerically, from :func:`spinlib.gauge.gauge_field`).
For a planar wall A = A^⊥ e_φ·σ with A^⊥ = θ'/2, so only spin flips occur at
this order, with the momentum transfers Q = k_F+ - k_F- = 2ζ (mistracking) and
Q = k_F+ + k_F- = 2 (spin-flip reflection).  For the tanh wall
∫ e^{-iqx} θ' dx = π/cosh(πqλ/2), hence (:func:`born_tanh_wall`)

    T_mistrack ≈ π²/(4(1 - ζ²)) sech²(πζλ),
    R_maj_min  ≈ π²ζ²/(4(1 - ζ²)) sech²(πλ).

The exact solver confirms both prefactors for walls that rotate by a small
angle Θ (exact/Born = 1 + O(Θ²)), but not for the full 180° wall, however
wide: the expansion parameter is the rotation angle (a "pulse area" π), not
1/λ.  Findings (``tests/test_scattering_limits.py``):

* the exact mistracking of the tanh wall tends to the Rosen-Zener value
  sech²(πζλ) (:func:`rosen_zener_mistracking`), a factor π²/(4(1 - ζ²))
  below first-order Born;
* every exponentially small channel tends to sech²(πQλ/2), with unit
  prefactor, Q its momentum transfer: 2ζ (mistracking), 2 (spin-flip
  reflection, where Born gives the prefactor π²ζ²/(4(1 - ζ²))), 2(1 - ζ)
  (minority reflection) and 2(1 + ζ) (majority reflection), the last two
  absent at first order;
* hence for ζ > 1/2 the dominant non-adiabatic process of a wide wall is the
  reflection of minority electrons without spin flip, second order in A.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import scipy.linalg
from scipy.linalg import solve_banded

from ._validation import (
    as_finite_array,
    check_choice,
    check_in_range,
    check_nonnegative,
    check_positive,
    check_zeta,
)
from .electron_gas import exchange_splitting, fermi_energy, fermi_wavevectors
from .gauge import (
    PAULI,
    gauge_components,
    gauge_field,
    half_angle_vector,
    spin_frame,
    tanh_wall_gauge_spectrum,
)
from .textures import domain_wall_angles

__all__ = [
    "CHANNELS",
    "PROBABILITY_KEYS",
    "WallProfile",
    "tanh_profile",
    "linear_profile",
    "custom_profile",
    "WallScattering",
    "scattering_matrix",
    "tanh_wall",
    "linear_wall",
    "abrupt_wall",
    "ScatteringState",
    "scattering_state",
    "spinor_spin_density",
    "spinor_spin_current",
    "exchange_torque",
    "born_probabilities",
    "born_tanh_wall",
    "born_linear_wall",
    "rosen_zener_mistracking",
    "rosen_zener_born_ratio",
]

#: Channel order of the S-matrix, ``S[..., out, in]``.
CHANNELS = ("L_maj", "L_min", "R_maj", "R_min")
_L_MAJ, _L_MIN, _R_MAJ, _R_MIN = range(4)
#: Spin label σ = +1 (majority) / -1 (minority) of each channel.
_CHANNEL_SIGMA = np.array([1, -1, 1, -1])

#: key -> (out, in) channel indices of the probability |S[out, in]|².
_KEY_INDEX = {
    "R_maj_maj": (_L_MAJ, _L_MAJ),
    "R_maj_min": (_L_MIN, _L_MAJ),
    "T_adiabatic_maj": (_R_MAJ, _L_MAJ),
    "T_mistrack": (_R_MIN, _L_MAJ),
    "R_min_min": (_L_MIN, _L_MIN),
    "R_min_maj": (_L_MAJ, _L_MIN),
    "T_adiabatic_min": (_R_MIN, _L_MIN),
    "T_mistrack_min": (_R_MAJ, _L_MIN),
}
#: The documented keys of :class:`WallScattering`.
PROBABILITY_KEYS = tuple(_KEY_INDEX)

#: Default truncation of the tanh wall, |x| <= cutoff λ.
DEFAULT_CUTOFF = 36.0
#: Grading length (in units of λ) of the Magnus mesh in the exponential tails.
_GRADING = 5.0
#: Default absolute tolerance on the probabilities (Magnus step doubling).
DEFAULT_TOL = 1e-10
_MAX_STEPS = 2**17

# Fourth-order commutator-free Magnus method: Gauss nodes and the weights of
# the two exponentials, exp(h(β M1 + α M2)) exp(h(α M1 + β M2)).
_SQ3 = math.sqrt(3.0)
_GAUSS_NODES = (0.5 - _SQ3 / 6.0, 0.5 + _SQ3 / 6.0)
_CF_ALPHA = 0.25 + _SQ3 / 6.0
_CF_BETA = 0.25 - _SQ3 / 6.0


# --------------------------------------------------------------------------
# wall profiles
# --------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class WallProfile:
    """A magnetisation profile n(x) = e_s(θ(x), φ(x)), uniform outside an interval.

    The angles are given as functions of a *reduced* coordinate u = x/scale,
    so that walls that differ only in width share one profile (this is how
    :func:`tanh_wall` is vectorised over the width).  Use the constructors
    :func:`tanh_profile`, :func:`linear_profile`, :func:`custom_profile`.

    Attributes
    ----------
    theta_u, phi_u : callable
        θ(u), φ(u) for u in [breakpoints[0], breakpoints[-1]]; vectorised.
    breakpoints : tuple of float
        Increasing reduced coordinates; the profile is smooth between two
        consecutive ones and uniform outside the first and the last.
    scale : float
        Length unit of u: x = scale · u (> 0).
    graded : bool
        If true the Magnus mesh is graded for tails decaying like e^{-|u|}.
    name : str
    """

    theta_u: Callable[[np.ndarray], np.ndarray]
    phi_u: Callable[[np.ndarray], np.ndarray]
    breakpoints: tuple[float, ...]
    scale: float = 1.0
    graded: bool = False
    name: str = "custom"

    @property
    def x_left(self) -> float:
        """Left end of the non-uniform region (reference point of the left channels)."""
        return self.scale * self.breakpoints[0]

    @property
    def x_right(self) -> float:
        """Right end of the non-uniform region (reference point of the right channels)."""
        return self.scale * self.breakpoints[-1]

    def angles(self, x) -> tuple[np.ndarray, np.ndarray]:
        """θ(x), φ(x) at physical positions x (constant outside [x_left, x_right])."""
        x = as_finite_array(x, "x")
        u = np.clip(x / self.scale, self.breakpoints[0], self.breakpoints[-1])
        return self._angles_u(u)

    def direction(self, x) -> np.ndarray:
        """The unit vector n(x), shape (*x.shape, 3)."""
        return spin_frame(*self.angles(x))[0]

    def _angles_u(self, u: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        theta = np.broadcast_to(np.asarray(self.theta_u(u), dtype=float), u.shape)
        phi = np.broadcast_to(np.asarray(self.phi_u(u), dtype=float), u.shape)
        return theta, phi

    def with_scale(self, scale: float) -> WallProfile:
        """The same shape stretched to another length unit."""
        return WallProfile(
            self.theta_u, self.phi_u, self.breakpoints, float(scale), self.graded, self.name
        )


def _check_rotation(rotation) -> float:
    """Total rotation angle Θ of a wall, 0 < Θ <= 2π (radians)."""
    arr = check_in_range(rotation, "rotation", 0.0, 2.0 * np.pi, low_open=True)
    if arr.ndim:
        raise ValueError(f"rotation must be a number; got shape {arr.shape}")
    return float(arr)


def _profile_name(shape: str, kind: str, rotation: float) -> str:
    if rotation == np.pi:
        return f"{shape} ({kind})"
    return f"{shape} ({kind}, rotation {rotation / np.pi:g}π)"


def tanh_profile(
    width: float,
    *,
    kind: str = "bloch",
    cutoff: float = DEFAULT_CUTOFF,
    rotation: float = np.pi,
) -> WallProfile:
    """The tanh wall θ = (Θ/π) 2 arctan e^{x/λ} (Θ = π: :func:`spinlib.textures.domain_wall_angles`).

    Truncated to |x| <= ``cutoff`` λ: outside, n is frozen at its value at
    ±cutoff λ, which differs from its asymptote by the angle (Θ/π) 2 e^{-cutoff}.

    Parameters
    ----------
    width : float
        k_F λ > 0.
    kind : {"bloch", "neel"}
        Rotation plane (irrelevant for probabilities; fixes the direction of
        spin densities and torques).
    cutoff : float
        Truncation in units of λ (>= 10).
    rotation : float
        Total rotation angle Θ of n across the wall, 0 < Θ <= 2π (default π,
        the 180° wall).  A small Θ makes the gauge field A ∝ Θ a weak
        perturbation, where first-order Born (:func:`born_tanh_wall` times
        (Θ/π)²) becomes exact.

    Examples
    --------
    >>> p = tanh_profile(2.0)
    >>> p.x_left, p.x_right
    (-72.0, 72.0)
    >>> [round(float(c), 12) for c in p.direction(0.0)]
    [0.0, 1.0, 0.0]
    >>> q = tanh_profile(2.0, kind="neel", rotation=np.pi / 2)
    >>> [round(float(c), 12) for c in q.direction(1e3)], q.name
    ([1.0, 0.0, 0.0], 'tanh (neel, rotation 0.5π)')
    """
    width = float(check_positive(width, "width"))
    check_choice(kind, "kind", ["bloch", "neel"])
    cutoff = float(_check_min(cutoff, "cutoff", 10.0))
    rotation = _check_rotation(rotation)
    fraction = rotation / np.pi

    def theta_u(u):
        return fraction * domain_wall_angles(u, 1.0, kind=kind)[0]

    def phi_u(u):
        return domain_wall_angles(u, 1.0, kind=kind)[1]

    name = _profile_name("tanh", kind, rotation)
    return WallProfile(theta_u, phi_u, (-cutoff, cutoff), width, True, name)


def linear_profile(length: float, *, kind: str = "bloch", rotation: float = np.pi) -> WallProfile:
    """A wall whose angle rises linearly, θ = Θ (x/L + 1/2) for |x| <= L/2.

    θ = 0 for x < -L/2 and Θ (default π) for x > L/2; the slope θ' = Θ/L
    jumps at the two ends (kinks of n), which dominate its non-adiabatic
    scattering.

    Parameters
    ----------
    length : float
        k_F L > 0.
    kind : {"bloch", "neel"}
        φ = π/2 or 0.
    rotation : float
        Total rotation angle Θ, 0 < Θ <= 2π (see :func:`tanh_profile`).

    Examples
    --------
    >>> p = linear_profile(4.0, kind="neel")
    >>> p.x_left, p.x_right
    (-2.0, 2.0)
    >>> [round(float(c), 12) for c in p.direction(0.0)]
    [1.0, 0.0, 0.0]
    """
    length = float(check_positive(length, "length"))
    check_choice(kind, "kind", ["bloch", "neel"])
    rotation = _check_rotation(rotation)
    phi0 = np.pi / 2 if kind == "bloch" else 0.0

    def theta_u(u):
        return rotation * (np.asarray(u, dtype=float) + 0.5)

    def phi_u(u):
        return np.full(np.shape(u), phi0)

    name = _profile_name("linear", kind, rotation)
    return WallProfile(theta_u, phi_u, (-0.5, 0.5), length, False, name)


def custom_profile(
    theta: Callable[[np.ndarray], Any],
    phi: Callable[[np.ndarray], Any],
    x_min: float,
    x_max: float,
    *,
    breakpoints=(),
) -> WallProfile:
    """A user profile θ(x), φ(x) on [x_min, x_max], uniform outside.

    The magnetisation outside the interval is frozen at its values at the
    ends; the two ends define the lead channels.  The integrators are of high
    order only where θ and φ are smooth: pass the positions of kinks or jumps
    as ``breakpoints``.

    Parameters
    ----------
    theta, phi : callable
        Vectorised functions of x returning the angles (radians).
    x_min, x_max : float
        The interval, x_min < x_max.
    breakpoints : sequence of float
        Interior points where the profile is not smooth.

    Raises
    ------
    ValueError
        If the interval is empty, a breakpoint lies outside it, or θ, φ are
        not finite (or of the wrong shape) on a test grid.

    Examples
    --------
    >>> import numpy as np
    >>> p = custom_profile(lambda x: np.pi * (x + 1) / 2, lambda x: 0 * x, -1.0, 1.0)
    >>> [round(float(c), 12) for c in p.direction(5.0)]
    [0.0, 0.0, -1.0]
    """
    x_min = float(as_finite_array(x_min, "x_min"))
    x_max = float(as_finite_array(x_max, "x_max"))
    if not x_max > x_min:
        raise ValueError(f"x_max must be > x_min; got x_min={x_min!r}, x_max={x_max!r}")
    inner = np.sort(as_finite_array(breakpoints, "breakpoints").ravel())
    if inner.size and (inner.min() <= x_min or inner.max() >= x_max):
        raise ValueError(
            f"breakpoints must lie inside ({x_min:g}, {x_max:g}); got {inner.tolist()}"
        )
    if not (callable(theta) and callable(phi)):
        raise ValueError("theta and phi must be callables of x")
    test = np.linspace(x_min, x_max, 17)
    for name, func in (("theta", theta), ("phi", phi)):
        try:
            values = np.broadcast_to(np.asarray(func(test), dtype=float), test.shape)
        except (TypeError, ValueError) as exc:
            raise ValueError(
                f"{name} must map an array of x to an array of angles of the same shape"
            ) from exc
        as_finite_array(values, f"{name}(x)")
    bps = (x_min, *(float(b) for b in np.unique(inner)), x_max)
    return WallProfile(theta, phi, bps, 1.0, False, "custom")


def _check_min(value, name: str, low: float) -> np.ndarray:
    """Finite and >= low (local helper for the cutoff)."""
    arr = as_finite_array(value, name)
    if arr.ndim != 0 or float(arr) < low:
        raise ValueError(f"{name} must be a number >= {low:g}; got {value!r}")
    return arr


# --------------------------------------------------------------------------
# the S-matrix container
# --------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class WallScattering(Mapping):
    """Flux-normalised scattering matrix of a wall, and its probabilities.

    A read-only mapping from the keys of :data:`PROBABILITY_KEYS` (see the
    module docstring for their meaning) to arrays of the broadcast shape of
    the inputs, plus the full S-matrix.

    Attributes
    ----------
    s_matrix : numpy.ndarray, shape (..., 4, 4)
        ``S[..., out, in]`` in the channel order :data:`CHANNELS`.
    zeta : numpy.ndarray
        Polarisation, broadcast to the shape ``s_matrix.shape[:-2]``.
    method : str
        ``"magnus"``, ``"finite_difference"``, ``"exact"`` or ``"abrupt"``
        (for a mixed batch, e.g. ``"magnus+abrupt"``).
    error_estimate : numpy.ndarray or None
        Estimated absolute error of the probabilities (per wall, the largest
        over the 16 entries); ``None`` for the closed forms and fixed
        ``n_steps``.  Exponentially small entries have a much larger
        *relative* error (see the module docstring, "Methods").
    n_steps : int or None
        Magnus steps (or lattice sites of the finest chain) used.
    """

    s_matrix: np.ndarray
    zeta: np.ndarray
    method: str
    error_estimate: np.ndarray | None = None
    n_steps: int | None = None
    _probabilities: np.ndarray = field(init=False, repr=False)

    def __post_init__(self):
        object.__setattr__(self, "_probabilities", np.abs(self.s_matrix) ** 2)

    # identity semantics (Mapping's __eq__ would compare arrays ambiguously)
    __eq__ = object.__eq__
    __hash__ = object.__hash__

    @property
    def probabilities(self) -> np.ndarray:
        """|S[..., out, in]|², shape (..., 4, 4); columns sum to 1."""
        return self._probabilities

    @property
    def unitarity_error(self) -> float:
        """max |S†S - 1| over the batch."""
        s = self.s_matrix
        gram = np.conj(np.swapaxes(s, -1, -2)) @ s
        return float(np.max(np.abs(gram - np.eye(4)))) if s.size else 0.0

    def __getitem__(self, key: str) -> np.ndarray:
        if key not in _KEY_INDEX:
            raise KeyError(f"{key!r}; the keys are {', '.join(PROBABILITY_KEYS)}")
        out, inc = _KEY_INDEX[key]
        return self._probabilities[..., out, inc]

    def __iter__(self) -> Iterator[str]:
        return iter(PROBABILITY_KEYS)

    def __len__(self) -> int:
        return len(PROBABILITY_KEYS)

    def __repr__(self) -> str:
        shape = self.s_matrix.shape[:-2]
        return f"WallScattering(method={self.method!r}, shape={shape})"


# --------------------------------------------------------------------------
# common helpers
# --------------------------------------------------------------------------
def _u_matrix(theta, phi) -> np.ndarray:
    """U = m·σ of eq. (7) at scalar angles; its columns are χ_maj, χ_min."""
    m = half_angle_vector(np.asarray(theta, float), np.asarray(phi, float))
    return np.einsum("a,aij->ij", m, PAULI)


def _mode_matrix(u_lead: np.ndarray, kp, km) -> np.ndarray:
    """Columns (ψ; ψ') of the flux-normalised lead modes at x_ref.

    Order: right-moving maj, right-moving min, left-moving maj, left-moving min.
    ``kp``, ``km`` have the batch shape; returns (..., 4, 4).
    """
    kp = np.asarray(kp, float)
    km = np.asarray(km, float)
    out = np.empty(kp.shape + (4, 4), dtype=complex)
    for col, (sign, k, chi) in enumerate(
        (
            (1, kp, u_lead[:, 0]),
            (1, km, u_lead[:, 1]),
            (-1, kp, u_lead[:, 0]),
            (-1, km, u_lead[:, 1]),
        )
    ):
        amp = 1.0 / np.sqrt(k)
        out[..., :2, col] = amp[..., None] * chi
        out[..., 2:, col] = (1j * sign * k * amp)[..., None] * chi
    return out


def _smatrix_from_transfer(phi_lab: np.ndarray, w_left: np.ndarray, w_right: np.ndarray):
    """S[..., out, in] from the lab transfer matrix y(x_right) = Φ y(x_left)."""
    t = np.linalg.solve(w_right, phi_lab @ w_left)  # amplitudes left -> right
    t11, t12 = t[..., :2, :2], t[..., :2, 2:]
    t21, t22 = t[..., 2:, :2], t[..., 2:, 2:]
    t22_inv = np.linalg.inv(t22)
    r = -t22_inv @ t21
    s = np.empty(t.shape, dtype=complex)
    s[..., :2, :2] = r
    s[..., :2, 2:] = t22_inv
    s[..., 2:, :2] = t11 + t12 @ r
    s[..., 2:, 2:] = t12 @ t22_inv
    return s


def _phase_to_azimuth(s: np.ndarray, phi0: float) -> np.ndarray:
    """S in the basis U(θ, φ0) from S in the basis U(θ, 0) (a global spin rotation).

    U(θ, φ) = R U(θ, 0) R† with R = exp(-iφσ_z/2), so χ_σ(φ0) = e^{iσφ0/2} R χ_σ(0)
    and S_dc(φ0) = e^{i(σ_c - σ_d)φ0/2} S_dc(0).
    """
    if phi0 == 0.0:
        return s
    sig = _CHANNEL_SIGMA
    phase = np.exp(0.5j * phi0 * (sig[None, :] - sig[:, None]))
    return s * phase


def _check_batch(zeta, length, length_name: str):
    zeta = check_zeta(zeta)
    length = check_nonnegative(length, length_name)
    zeta_b, length_b = np.broadcast_arrays(zeta, length)
    return zeta_b, length_b


# --------------------------------------------------------------------------
# method (a): commutator-free Magnus integration in the lab frame
# --------------------------------------------------------------------------
def _mesh(profile: WallProfile, n_steps: int) -> np.ndarray:
    """Magnus nodes in the reduced coordinate u, including every breakpoint."""
    bps = np.asarray(profile.breakpoints, float)
    if profile.graded:
        # Tails decay like e^{-|u|}: steps grow like e^{|u|/p} (p = _GRADING),
        # i.e. u = -p ln(1 - |s|/p) sign(s) with s uniform.
        p = _GRADING
        lo, hi = bps[0], bps[-1]
        s_lo, s_hi = (math.copysign(p * (1.0 - math.exp(-abs(b) / p)), b) for b in (lo, hi))
        s = np.linspace(s_lo, s_hi, n_steps + 1)
        u = -p * np.log1p(-np.abs(s) / p) * np.sign(s)
        u[0], u[-1] = lo, hi
        if bps.size > 2:
            u = np.union1d(u, bps)
        return u
    lengths = np.diff(bps)
    counts = np.maximum(1, np.round(n_steps * lengths / lengths.sum()).astype(int))
    pieces = [np.linspace(a, b, c + 1)[:-1] for a, b, c in zip(bps[:-1], bps[1:], counts)]
    return np.concatenate(pieces + [bps[-1:]])


def _gauss_directions(profile: WallProfile, u: np.ndarray, force_complex: bool):
    """n at the two Gauss nodes of every step; and the planar azimuth (or None)."""
    hu = np.diff(u)
    ua = u[:-1] + _GAUSS_NODES[0] * hu
    ub = u[:-1] + _GAUSS_NODES[1] * hu
    th_a, ph_a = profile._angles_u(ua)
    th_b, ph_b = profile._angles_u(ub)
    th_end, ph_end = profile._angles_u(np.array(profile.breakpoints)[[0, -1]])
    phis = np.concatenate([ph_a, ph_b, ph_end])
    planar = (not force_complex) and bool(np.all(phis == phis[0]))
    phi0 = float(phis[0]) if planar else None
    if planar:
        ph_a = np.zeros_like(ph_a)
        ph_b = np.zeros_like(ph_b)
        ph_end = np.zeros_like(ph_end)
    n_a = spin_frame(th_a, ph_a)[0]
    n_b = spin_frame(th_b, ph_b)[0]
    if planar:
        n_a[..., 1] = 0.0
        n_b[..., 1] = 0.0
    return hu, n_a, n_b, (th_end, ph_end), phi0


def _exponential_factors(v: np.ndarray, h: np.ndarray, energy: np.ndarray, zeta: np.ndarray):
    """exp(h [[0, 1/2], [-K̄, 0]]) with K̄ = E + 2Δ v·σ, in closed form.

    v : (c, 3) weighted directions (shared by the batch); h : (B, c) steps;
    energy, zeta : (B,).  With K̄ = Σ± κ± P±, P± = (1 ± v̂·σ)/2, κ± = E ± 2Δ|v|
    and ω± = √(κ±/2), the exponential is Σ± G± ⊗ P± with the 2x2 blocks
    G = [[cos hω, sin(hω)/(2ω)], [-κ sin(hω)/ω, cos hω]] (cosh, sinh where
    κ < 0), i.e. ½(G+ + G-) ⊗ 1 + ½(G+ - G-) ⊗ v̂·σ.

    Returns the entries first, shape (4, 4, B, c) (contiguous in the batch),
    real if v has no y component.
    """
    vnorm = np.linalg.norm(v, axis=-1)  # (c,)
    vx, vy, vz = (v[:, a] / vnorm for a in range(3))
    planar = not np.any(vy)
    two_dv = 2.0 * zeta[:, None] * vnorm[None, :]  # (B, c)
    cs, ss, kss = [], [], []
    for sign in (1.0, -1.0):
        kappa = energy[:, None] + sign * two_dv
        w2 = 0.5 * kappa
        if np.all(w2 > 0):
            omega = np.sqrt(w2)
            arg = h * omega
            c = np.cos(arg)
            sn = np.sin(arg)
            s = sn / omega  # sin(hω)/ω
            ks = 2.0 * omega * sn  # κ sin(hω)/ω
        else:  # κ <= 0 somewhere: cosh/sinh, sinh(x)/x -> 1 at x = 0
            omega = np.sqrt(np.abs(w2))
            arg = h * omega
            pos = w2 > 0
            c = np.where(pos, np.cos(arg), np.cosh(np.where(pos, 0.0, arg)))
            with np.errstate(invalid="ignore", divide="ignore"):
                shc = np.where(arg > 0, np.sinh(arg) / np.where(arg > 0, arg, 1.0), 1.0)
            s = h * np.where(pos, np.sinc(arg / np.pi), shc)
            ks = kappa * s
        cs.append(c)
        ss.append(s)
        kss.append(ks)
    mean = {(0, 0): 0.5 * (cs[0] + cs[1]), (0, 1): 0.25 * (ss[0] + ss[1]),
            (1, 0): -0.5 * (kss[0] + kss[1])}
    diff = {(0, 0): 0.5 * (cs[0] - cs[1]), (0, 1): 0.25 * (ss[0] - ss[1]),
            (1, 0): -0.5 * (kss[0] - kss[1])}
    mean[(1, 1)], diff[(1, 1)] = mean[(0, 0)], diff[(0, 0)]
    out = np.empty((4, 4) + h.shape, dtype=float if planar else complex)
    off_up = vx if planar else vx - 1j * vy  # (v̂·σ)_01
    off_dn = vx if planar else vx + 1j * vy  # (v̂·σ)_10
    for (i, j), a in mean.items():
        b = diff[(i, j)]
        bz = b * vz
        np.add(a, bz, out=out[2 * i, 2 * j])
        np.subtract(a, bz, out=out[2 * i + 1, 2 * j + 1])
        np.multiply(b, off_up, out=out[2 * i, 2 * j + 1])
        np.multiply(b, off_dn, out=out[2 * i + 1, 2 * j])
    return out


def _compose(later: np.ndarray, earlier: np.ndarray) -> np.ndarray:
    """Matrix product later @ earlier for entries-first arrays (4, 4, ...)."""
    return np.einsum("ik...,kj...->ij...", later, earlier)


def _magnus_transfer(profile, zeta_flat, scale_flat, n_steps, force_complex=False):
    """Lab-frame transfer matrices Φ (B, 4, 4) and the lead angles; batch flat."""
    u = _mesh(profile, n_steps)
    hu, n_a, n_b, ends, phi0 = _gauss_directions(profile, u, force_complex)
    v_first = _CF_ALPHA * n_a + _CF_BETA * n_b
    v_second = _CF_BETA * n_a + _CF_ALPHA * n_b
    energy = fermi_energy(zeta_flat)
    nb = zeta_flat.size
    dtype = float if phi0 is not None else complex
    acc = np.broadcast_to(np.eye(4, dtype=dtype), (nb, 4, 4)).copy()
    chunk = max(1, min(hu.size, 50_000 // max(nb, 1)))
    for start in range(0, hu.size, chunk):
        sl = slice(start, start + chunk)
        h = scale_flat[:, None] * hu[None, sl]
        f1 = _exponential_factors(v_first[sl], h, energy, zeta_flat)
        f2 = _exponential_factors(v_second[sl], h, energy, zeta_flat)
        steps = _compose(f2, f1)  # (4, 4, B, c), in order along x
        while steps.shape[-1] > 1:  # pairwise products, later steps on the left
            if steps.shape[-1] % 2:
                eye = np.broadcast_to(np.eye(4)[:, :, None, None], (4, 4, nb, 1))
                steps = np.concatenate([steps, eye.astype(steps.dtype)], axis=-1)
            steps = _compose(steps[..., 1::2], steps[..., 0::2])
        acc = np.moveaxis(steps[..., 0], -1, 0) @ acc
    return acc, ends, phi0, u


def _magnus_smatrix_fixed(profile, zeta_flat, scale_flat, n_steps, force_complex=False):
    phi_lab, (th_end, ph_end), phi0, _ = _magnus_transfer(
        profile, zeta_flat, scale_flat, n_steps, force_complex
    )
    kp, km = fermi_wavevectors(zeta_flat)
    w_left = _mode_matrix(_u_matrix(th_end[0], ph_end[0]), kp, km)
    w_right = _mode_matrix(_u_matrix(th_end[1], ph_end[1]), kp, km)
    s = _smatrix_from_transfer(phi_lab.astype(complex), w_left, w_right)
    if phi0 is not None:
        s = _phase_to_azimuth(s, phi0)
    return s


def _initial_steps(profile: WallProfile, zeta_flat, scale_flat) -> int:
    """A first step count: ~ the number of Fermi wavelengths, at least 128."""
    kmax = float(np.max(fermi_wavevectors(zeta_flat)[0]))
    length = float(np.max(scale_flat)) * (
        2.0 * 8.0 if profile.graded else (profile.breakpoints[-1] - profile.breakpoints[0])
    )
    n = max(256, int(np.ceil(kmax * length / 2.0)))
    return int(2 ** math.ceil(math.log2(n)))


def _magnus_smatrix(profile, zeta_flat, scale_flat, tol, n_steps, force_complex=False):
    """Step doubling until the estimated error of the probabilities is <= ``tol``.

    With d_N = max |P_N - P_{N/2}| (per wall) the error of P_N is estimated as
    d_N/15 where the fourth-order convergence is confirmed (d_{N/2}/d_N >= 8)
    and as d_N otherwise.
    """
    if n_steps is not None:
        s = _magnus_smatrix_fixed(profile, zeta_flat, scale_flat, n_steps, force_complex)
        return s, None, n_steps
    n = _initial_steps(profile, zeta_flat, scale_flat)
    s_prev = _magnus_smatrix_fixed(profile, zeta_flat, scale_flat, n, force_complex)
    d_prev = None
    while True:
        n *= 2
        s = _magnus_smatrix_fixed(profile, zeta_flat, scale_flat, n, force_complex)
        d = np.max(np.abs(np.abs(s) ** 2 - np.abs(s_prev) ** 2), axis=(-2, -1))
        err = d if d_prev is None else np.where(d_prev >= 8.0 * d, d / 15.0, d)
        if err.max() <= tol or n >= _MAX_STEPS:
            return s, err, n
        s_prev, d_prev = s, d


# --------------------------------------------------------------------------
# method (b): finite-difference chain with exact lead self-energies
# --------------------------------------------------------------------------
def _fd_solve(profile: WallProfile, zeta: float, n_sites: int):
    """Lattice S-matrix and wave functions on ``n_sites + 1`` nodes x_left..x_right.

    Tight binding H_jj = 2t - Δ n_j·σ, hopping -t, t = 1/(2a²).  Sites j <= 0
    and j >= N belong to the uniform leads (n frozen at the ends), whose
    outgoing waves enter through the self-energies Σ = -t Σ_s e^{iq_s a} χ_s χ_s†
    on the sites 0 and N.

    Returns
    -------
    s : (4, 4) complex, S[out, in] with the lattice velocities 2ta sin(qa)
    x : (N + 1,) node positions
    psi : (4, N + 1, 2) lab-frame spinors of the four scattering states
        (incident channel first), unit incoming flux
    """
    xl, xr = profile.x_left, profile.x_right
    x = np.linspace(xl, xr, n_sites + 1)
    a = (xr - xl) / n_sites
    t = 1.0 / (2.0 * a * a)
    energy = float(fermi_energy(zeta))
    delta = float(exchange_splitting(zeta))
    theta, phi = profile.angles(x)
    n = spin_frame(theta, phi)[0]
    onsite = 2.0 * t * np.eye(2) - delta * np.einsum("ja,aik->jik", n, PAULI)
    u_left = _u_matrix(theta[0], phi[0])
    u_right = _u_matrix(theta[-1], phi[-1])
    sig = np.array([1.0, -1.0])
    q = np.arccos(1.0 - (energy + sig * delta) / (2.0 * t))  # lattice wave numbers (maj, min)
    vel = 2.0 * t * a * np.sin(q)
    lam = np.exp(1j * q)
    sigma_left = -t * (u_left * lam) @ u_left.conj().T
    sigma_right = -t * (u_right * lam) @ u_right.conj().T
    m = n_sites + 1
    diag = energy * np.eye(2) - onsite
    diag = diag.astype(complex)
    diag[0] -= sigma_left
    diag[-1] -= sigma_right
    dim = 2 * m
    ab = np.zeros((7, dim), dtype=complex)  # banded storage, 3 sub- and super-diagonals
    idx = np.arange(m)
    for i in range(2):
        for j in range(2):
            ab[3 + i - j, 2 * idx + j] = diag[:, i, j]
    ab[1, 2 * idx[1:] + 0] = t  # (2s, 2s+2): hopping +t in (E - H)
    ab[1, 2 * idx[1:] + 1] = t
    ab[5, 2 * idx[:-1] + 0] = t
    ab[5, 2 * idx[:-1] + 1] = t
    rhs = np.zeros((dim, 4), dtype=complex)
    inc_amp = np.zeros((4, 2), dtype=complex)  # incoming spinor at its lead's boundary site
    for c in range(4):
        s_idx = c % 2
        u_lead = u_left if c < 2 else u_right
        chi = u_lead[:, s_idx] / np.sqrt(vel[s_idx])
        inc_amp[c] = chi
        src = 2j * t * np.sin(q[s_idx]) * chi
        if c < 2:
            rhs[0:2, c] = src
        else:
            rhs[dim - 2 :, c] = src
    sol = solve_banded((3, 3), ab, rhs)
    psi = sol.T.reshape(4, m, 2)
    s = np.empty((4, 4), dtype=complex)
    for c in range(4):
        out_left = psi[c, 0] - (inc_amp[c] if c < 2 else 0.0)
        out_right = psi[c, -1] - (inc_amp[c] if c >= 2 else 0.0)
        s[0:2, c] = np.sqrt(vel) * (u_left.conj().T @ out_left)
        s[2:4, c] = np.sqrt(vel) * (u_right.conj().T @ out_right)
    return s, x, psi


def _richardson(values: list[np.ndarray]) -> tuple[np.ndarray, float]:
    """Romberg table in h² for values at h, h/2, h/4, ...; returns (best, error estimate)."""
    table = [np.asarray(v) for v in values]
    err = np.inf
    level = 1
    while len(table) > 1:
        f = 4.0**level
        new = [(f * table[i + 1] - table[i]) / (f - 1.0) for i in range(len(table) - 1)]
        err = float(np.max(np.abs(np.abs(new[-1]) ** 2 - np.abs(table[-1]) ** 2)))
        table = new
        level += 1
    return table[0], err


def _fd_spacing(profile: WallProfile, spacing) -> float:
    if spacing is not None:
        return float(check_positive(spacing, "spacing"))
    smallest = float(np.min(np.diff(profile.breakpoints))) * profile.scale
    feature = profile.scale if profile.graded else smallest
    return min(0.04, feature / 8.0)


def _fd_smatrix(profile: WallProfile, zeta: float, spacing=None, tol: float = DEFAULT_TOL):
    """Richardson-extrapolated lattice S-matrix: 4 nested spacings, up to 6 if needed."""
    a0 = _fd_spacing(profile, spacing)
    length = profile.x_right - profile.x_left
    n0 = max(8, int(np.ceil(length / a0)))
    # keep every breakpoint on a node of every level
    bps = (np.asarray(profile.breakpoints) - profile.breakpoints[0]) / (
        profile.breakpoints[-1] - profile.breakpoints[0]
    )
    if bps.size > 2:
        inner = bps[1:-1]
        for k in range(n0, 64 * n0):
            if np.allclose(inner * k, np.round(inner * k), atol=1e-9):
                n0 = k
                break
        else:
            raise ValueError(
                "finite_difference needs breakpoints commensurate with a lattice; "
                "use method='magnus'"
            )
    results = [_fd_solve(profile, zeta, n0 * 2**lev)[0] for lev in range(4)]
    s, err = _richardson(results)
    while err > tol and len(results) < 6:
        results.append(_fd_solve(profile, zeta, n0 * 2 ** len(results))[0])
        s, err = _richardson(results)
    return s, err, n0 * 2 ** (len(results) - 1)


# --------------------------------------------------------------------------
# method (c): the linear wall in closed form (constant gauge field)
# --------------------------------------------------------------------------
def _linear_exact_smatrix(zeta_flat, length_flat, phi0: float):
    """Linear wall: y_rot = (χ, Dχ), Dχ = χ' + iAχ, obeys y_rot' = M y_rot with
    M = [[-iA, 1], [-2(E + Δσ_z), -iA]] (eqs. 9-13); A = (π/2L) e_φ·σ is
    constant inside, so y_lab(x_R) = (U_R ⊕ U_R) exp(M L) (U_L ⊕ U_L)⁻¹ y_lab(x_L).
    """
    energy = fermi_energy(zeta_flat)
    delta = exchange_splitting(zeta_flat)
    dtheta = np.pi / length_flat
    ax, ay, az = gauge_components(np.pi / 2, phi0, dtheta, 0.0)  # A is θ-independent here
    a_mat = (
        np.asarray(ax)[:, None, None] * PAULI[0]
        + np.asarray(ay)[:, None, None] * PAULI[1]
        + np.asarray(az)[..., None, None] * PAULI[2]
    )
    nb = zeta_flat.size
    gen = np.zeros((nb, 4, 4), dtype=complex)
    gen[:, :2, :2] = -1j * a_mat
    gen[:, 2:, 2:] = -1j * a_mat
    gen[:, :2, 2:] = np.eye(2)
    gen[:, 2:, :2] = -2.0 * (energy[:, None, None] * np.eye(2) + delta[:, None, None] * PAULI[2])
    prop_rot = scipy.linalg.expm(gen * length_flat[:, None, None])
    u_l = _u_matrix(0.0, phi0)
    u_r = _u_matrix(np.pi, phi0)
    big_l = np.kron(np.eye(2), u_l)
    big_r = np.kron(np.eye(2), u_r)
    phi_lab = big_r @ prop_rot @ np.linalg.inv(big_l)
    kp, km = fermi_wavevectors(zeta_flat)
    w_left = _mode_matrix(u_l, kp, km)
    w_right = _mode_matrix(u_r, kp, km)
    return _smatrix_from_transfer(phi_lab, w_left, w_right)


# --------------------------------------------------------------------------
# the abrupt wall
# --------------------------------------------------------------------------
def _abrupt_smatrix(zeta_flat, phi0: float) -> np.ndarray:
    """Flux-normalised S of a sharp 180° rotation at x = 0 (channel basis U(0, φ0), U(π, φ0)).

    n·σ = σ_z for x < 0 and -σ_z for x > 0, so each lab spin component sees a
    step: spin up goes from k_F+ to k_F-, spin down from k_F- to k_F+.  A step
    k1 → k2 has r = (k1 - k2)/(k1 + k2) and flux transmission amplitude
    2√(k1k2)/(k1 + k2):  here r = ±ζ and t = √(1 - ζ²).  The spinors
    χ_maj^L = (1, 0), χ_min^L = (0, -1), χ_maj^R = (0, e^{iφ0}), χ_min^R = (e^{-iφ0}, 0)
    supply the phases.
    """
    kp, km = fermi_wavevectors(zeta_flat)
    r = (kp - km) / (kp + km)
    t = 2.0 * np.sqrt(kp * km) / (kp + km)
    e = np.exp(1j * phi0)
    s = np.zeros(zeta_flat.shape + (4, 4), dtype=complex)
    # spin up: L_maj (1,0) <-> R_min (e^{-iφ},0)
    s[..., _L_MAJ, _L_MAJ] = r
    s[..., _R_MIN, _L_MAJ] = t * e
    s[..., _R_MIN, _R_MIN] = -r
    s[..., _L_MAJ, _R_MIN] = t / e
    # spin down: L_min (0,-1) <-> R_maj (0, e^{iφ})
    s[..., _L_MIN, _L_MIN] = -r
    s[..., _R_MAJ, _L_MIN] = -t / e
    s[..., _R_MAJ, _R_MAJ] = r
    s[..., _L_MIN, _R_MAJ] = -t * e
    return s


def abrupt_wall(zeta, *, kind: str = "bloch") -> WallScattering:
    """The abrupt (λ → 0) 180° wall in closed form.

    The spin is conserved in the lab frame: the majority electron becomes a
    minority one across the step, so T_mistrack = 1 - ζ², R_maj_maj =
    R_min_min = ζ², and no spin flip or adiabatic transmission occurs.

    Parameters
    ----------
    zeta : array_like
        Polarisation, 0 < ζ < 1.
    kind : {"bloch", "neel"}
        Fixes the phases of S through φ0 = π/2 or 0.

    Examples
    --------
    >>> res = abrupt_wall(0.5)
    >>> float(res["T_mistrack"]), float(res["R_maj_maj"]), float(res["T_adiabatic_maj"])
    (0.75, 0.25, 0.0)
    """
    zeta = check_zeta(zeta)
    check_choice(kind, "kind", ["bloch", "neel"])
    phi0 = np.pi / 2 if kind == "bloch" else 0.0
    return WallScattering(_abrupt_smatrix(zeta, phi0), zeta, "abrupt")


# --------------------------------------------------------------------------
# public drivers
# --------------------------------------------------------------------------
def scattering_matrix(
    profile: WallProfile,
    zeta,
    *,
    method: str = "magnus",
    tol: float = DEFAULT_TOL,
    n_steps: int | None = None,
    spacing: float | None = None,
) -> WallScattering:
    """Exact flux-normalised S-matrix of a wall profile at the Fermi energy.

    Parameters
    ----------
    profile : WallProfile
        From :func:`tanh_profile`, :func:`linear_profile` or :func:`custom_profile`.
    zeta : array_like
        Polarisation 0 < ζ < 1 (an array for ``method="magnus"``).
    method : {"magnus", "finite_difference"}
        See the module docstring.
    tol : float
        Absolute tolerance on the probabilities (> 0).  Magnus: steps are
        doubled until the estimated error is below it (ignored if ``n_steps``
        is given); finite differences: lattice levels are added (up to six).
    n_steps : int, optional
        Magnus: a fixed number of steps (no error estimate).
    spacing : float, optional
        Finite differences: coarsest lattice spacing (default
        min(0.04, feature/8)); four levels a, a/2, a/4, a/8 (up to six, until
        the estimated error is below ``tol``) are extrapolated.

    Returns
    -------
    WallScattering

    Examples
    --------
    >>> res = scattering_matrix(tanh_profile(1.0), 0.4)
    >>> round(float(res["T_mistrack"]), 6), res.unitarity_error < 1e-12
    (0.26668, True)
    """
    if not isinstance(profile, WallProfile):
        raise ValueError(f"profile must be a WallProfile; got {type(profile).__name__}")
    check_choice(method, "method", ["magnus", "finite_difference"])
    zeta = check_zeta(zeta)
    tol = float(check_positive(tol, "tol"))
    if n_steps is not None:
        n_steps = _check_steps(n_steps)
    if method == "finite_difference":
        if zeta.ndim:
            raise ValueError(
                f"zeta must be a scalar for method='finite_difference'; got shape {zeta.shape}"
            )
        s, err, nsites = _fd_smatrix(profile, float(zeta), spacing, tol)
        return WallScattering(s, zeta, "finite_difference", np.asarray(err), nsites)
    zf = zeta.reshape(-1)
    s, err, n = _magnus_smatrix(profile, zf, np.full(zf.shape, profile.scale), tol, n_steps)
    err = None if err is None else err.reshape(zeta.shape)
    return WallScattering(s.reshape(zeta.shape + (4, 4)), zeta, "magnus", err, n)


def _check_steps(n_steps) -> int:
    if isinstance(n_steps, bool) or not isinstance(n_steps, (int, np.integer)) or n_steps < 1:
        raise ValueError(f"n_steps must be a positive integer; got {n_steps!r}")
    return int(n_steps)


def _wall_driver(profile_factory, zeta, length, length_name, kind, method, tol, n_steps, spacing,
                 exact=None):
    check_choice(kind, "kind", ["bloch", "neel"])
    zeta_b, length_b = _check_batch(zeta, length, length_name)
    tol = float(check_positive(tol, "tol"))
    if n_steps is not None:
        n_steps = _check_steps(n_steps)
    phi0 = np.pi / 2 if kind == "bloch" else 0.0
    shape = zeta_b.shape
    zf, lf = zeta_b.reshape(-1), length_b.reshape(-1)
    s = np.empty(zf.shape + (4, 4), dtype=complex)
    err = np.zeros(zf.shape)
    abrupt = lf == 0.0
    methods = []
    nmax = None
    if abrupt.any():
        s[abrupt] = _abrupt_smatrix(zf[abrupt], phi0)
        methods.append("abrupt")
    rest = ~abrupt
    if rest.any():
        methods.insert(0, method)
        if method == "magnus":
            prof = profile_factory(1.0, kind)
            s_r, e_r, nmax = _magnus_smatrix(prof, zf[rest], lf[rest], tol, n_steps)
            s[rest] = s_r
            err[rest] = np.nan if e_r is None else e_r
        elif method == "exact":
            s[rest] = exact(zf[rest], lf[rest], phi0)
        else:
            for i in np.flatnonzero(rest):
                s_i, e_i, nmax = _fd_smatrix(
                    profile_factory(lf[i], kind), float(zf[i]), spacing, tol
                )
                s[i], err[i] = s_i, e_i
    error = None
    if rest.any() and method != "exact" and not (method == "magnus" and n_steps is not None):
        error = err.reshape(shape)
    return WallScattering(s.reshape(shape + (4, 4)), zeta_b, "+".join(methods), error, nmax)


def tanh_wall(
    zeta,
    width,
    *,
    kind: str = "bloch",
    method: str = "magnus",
    cutoff: float = DEFAULT_CUTOFF,
    tol: float = DEFAULT_TOL,
    n_steps: int | None = None,
    spacing: float | None = None,
) -> WallScattering:
    """Exact scattering of a Fermi-level electron by the tanh wall θ = 2 arctan e^{x/λ}.

    Vectorised: ``zeta`` and ``width`` broadcast against each other (one
    Magnus mesh in x/λ serves every width).  ``width = 0`` is the abrupt wall
    (:func:`abrupt_wall`), the λ → 0 limit.

    Parameters
    ----------
    zeta : array_like
        Polarisation, 0 < ζ < 1.
    width : array_like
        k_F λ >= 0.
    kind : {"bloch", "neel"}
        Rotation plane; changes only the phases of S.
    method : {"magnus", "finite_difference"}
        See the module docstring; finite differences loop over the batch.
    cutoff : float
        Truncation |x| <= cutoff λ (see :func:`tanh_profile`).
    tol, n_steps, spacing
        See :func:`scattering_matrix`.

    Returns
    -------
    WallScattering
        Mapping with the keys ``R_maj_maj``, ``R_maj_min`` (spin-flip
        reflection), ``T_adiabatic_maj``, ``T_mistrack`` for a majority
        electron incident from the left, and ``R_min_min``, ``R_min_maj``,
        ``T_adiabatic_min``, ``T_mistrack_min`` for a minority electron
        incident from the left (module docstring); arrays of the broadcast
        shape of ``zeta`` and ``width``.

    Raises
    ------
    ValueError
        ζ outside (0, 1), width < 0, NaN or inf in either.

    Examples
    --------
    >>> res = tanh_wall(0.4, [0.0, 1.0, 4.0])
    >>> [round(float(p), 6) for p in res["T_mistrack"]]
    [0.84, 0.26668, 0.000172]
    >>> bool(abs(res["T_mistrack"][2] - rosen_zener_mistracking(0.4, 4.0)) < 1e-9)
    True
    """
    check_choice(method, "method", ["magnus", "finite_difference"])
    cutoff = float(_check_min(cutoff, "cutoff", 10.0))

    def factory(scale, kind_):
        return tanh_profile(scale, kind=kind_, cutoff=cutoff)

    return _wall_driver(factory, zeta, width, "width", kind, method, tol, n_steps, spacing)


def linear_wall(
    zeta,
    length,
    *,
    kind: str = "bloch",
    method: str = "exact",
    tol: float = DEFAULT_TOL,
    n_steps: int | None = None,
    spacing: float | None = None,
) -> WallScattering:
    """Exact scattering by the linear wall (θ from 0 to π over k_F L = ``length``).

    Parameters
    ----------
    zeta : array_like
        0 < ζ < 1.
    length : array_like
        k_F L >= 0; 0 is the abrupt wall.
    kind : {"bloch", "neel"}
    method : {"exact", "magnus", "finite_difference"}
        ``"exact"``: constant gauge field in the rotated frame, one matrix
        exponential (module docstring).
    tol, n_steps, spacing
        See :func:`scattering_matrix`.

    Returns
    -------
    WallScattering
        Same keys as :func:`tanh_wall`.

    Examples
    --------
    >>> a = linear_wall(0.3, 5.0)
    >>> b = linear_wall(0.3, 5.0, method="magnus")
    >>> bool(abs(a["T_mistrack"] - b["T_mistrack"]) < 1e-10)
    True
    """
    check_choice(method, "method", ["exact", "magnus", "finite_difference"])

    def factory(scale, kind_):
        return linear_profile(scale, kind=kind_)

    return _wall_driver(
        factory, zeta, length, "length", kind, method, tol, n_steps, spacing,
        exact=_linear_exact_smatrix,
    )


# --------------------------------------------------------------------------
# scattering states: spin density, spin current, torque
# --------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class ScatteringState:
    """One scattering state ψ(x) with unit incoming flux, and its spin observables.

    Attributes
    ----------
    x : (nx,) positions (as requested)
    psi, dpsi : (nx, 2) lab-frame spinor ψ and ψ'
    direction : (nx, 3) local magnetisation n(x)
    spin_density : (nx, 3) s = ψ†σψ (eq. 5 for one state)
    spin_current : (nx, 3) j^a = ½ Im(ψ†σ_a ψ'), current of the spin σ/2
    torque : (nx, 3) τ = Δ n × s = dS/dt on the local spin (sign: module docstring)
    incident : str, one of :data:`CHANNELS`
    zeta : float

    Notes
    -----
    A bias δμ applied to the lead of the incident channel adds
    (δμ/2π) × (these densities) to the stationary state (ħ = 1), summed over
    the channels of that lead.
    """

    x: np.ndarray
    psi: np.ndarray
    dpsi: np.ndarray
    direction: np.ndarray
    spin_density: np.ndarray
    spin_current: np.ndarray
    torque: np.ndarray
    incident: str
    zeta: float


def _check_spinors(psi, name: str) -> np.ndarray:
    psi = np.asarray(psi)
    if psi.ndim < 1 or psi.shape[-1] != 2:
        raise ValueError(f"{name} must have shape (..., 2) (a spinor on the last axis); got {psi.shape}")
    if not np.all(np.isfinite(psi)):
        raise ValueError(f"{name} must be finite")
    return psi


def spinor_spin_density(psi, other=None) -> np.ndarray:
    """Spin density s = ψ†σψ of a spinor field (eq. 5 for one state); Re ψ†σφ with ``other``.

    Parameters
    ----------
    psi : array_like, shape (..., 2)
        Lab-frame spinors (complex).
    other : array_like, shape (..., 2), optional
        A second spinor field φ: returns the bilinear Re(ψ†σφ), e.g. the
        first-order cross term s₁ = 2 Re(ψ₀†σψ₁) of a perturbation series.

    Returns
    -------
    numpy.ndarray, shape (..., 3)

    Examples
    --------
    >>> import numpy as np
    >>> spinor_spin_density(np.array([1.0, 1.0]) / np.sqrt(2)).round(12).tolist()
    [1.0, 0.0, 0.0]
    """
    psi = _check_spinors(psi, "psi")
    phi = psi if other is None else _check_spinors(other, "other")
    return np.einsum("...i,aij,...j->...a", psi.conj(), PAULI, phi).real


def spinor_spin_current(psi, dpsi) -> np.ndarray:
    """Spin current j^a = ½ Im(ψ†σ_a ψ') of the spin σ/2 carried by a spinor field (ħ = m = 1).

    Parameters
    ----------
    psi, dpsi : array_like, shape (..., 2)
        ψ and ψ' = ∂_x ψ.

    Returns
    -------
    numpy.ndarray, shape (..., 3)

    Examples
    --------
    A spin-up plane wave e^{ikx}/√k carries the flux 1 and the spin current ½ e_z:

    >>> import numpy as np
    >>> k = 1.3
    >>> psi = np.array([1.0, 0.0]) / np.sqrt(k)
    >>> spinor_spin_current(psi, 1j * k * psi).round(12).tolist()
    [0.0, 0.0, 0.5]
    """
    psi = _check_spinors(psi, "psi")
    dpsi = _check_spinors(dpsi, "dpsi")
    return 0.5 * np.einsum("...i,aij,...j->...a", psi.conj(), PAULI, dpsi).imag


def exchange_torque(direction, spin_density, zeta) -> np.ndarray:
    """Torque τ = Δ n × s on the local spin from the conduction-electron spin density (eq. 4).

    Physical sign dS/dt = +(Δ/S) S × s (module docstring: the printed right-hand
    side of eq. (4) has the opposite sign); Δ = :func:`spinlib.electron_gas.exchange_splitting`.

    Parameters
    ----------
    direction : array_like, shape (..., 3)
        Local magnetisation n (unit vectors).
    spin_density : array_like, shape (..., 3)
        s = ψ†σψ (Pauli normalisation), e.g. from :func:`spinor_spin_density`.
    zeta : float
        0 < ζ < 1.

    Examples
    --------
    >>> exchange_torque([0.0, 0.0, 1.0], [1.0, 0.0, 0.0], 0.5).tolist()
    [0.0, 0.5, 0.0]
    """
    n = as_finite_array(direction, "direction")
    s = as_finite_array(spin_density, "spin_density")
    if n.shape[-1:] != (3,) or s.shape[-1:] != (3,):
        raise ValueError(
            f"direction and spin_density must have shape (..., 3); got {n.shape} and {s.shape}"
        )
    return exchange_splitting(zeta) * np.cross(n, s)


def scattering_state(
    profile: WallProfile,
    zeta: float,
    x,
    *,
    incident: str = "L_maj",
    tol: float = DEFAULT_TOL,
) -> ScatteringState:
    """The scattering state of one incident channel, its spin density and torque.

    ψ is integrated with the Magnus method of :func:`scattering_matrix` from
    the left lead (incoming + reflected waves from S) through a mesh that
    contains the requested points; outside [x_left, x_right] it is the exact
    sum of plane waves.

    Parameters
    ----------
    profile : WallProfile
    zeta : float
        0 < ζ < 1.
    x : array_like, 1D
        Positions (any order).
    incident : {"L_maj", "L_min", "R_maj", "R_min"}
        The incoming channel (unit flux).
    tol : float
        Accuracy of the S-matrix step doubling.

    Returns
    -------
    ScatteringState

    Examples
    --------
    Angular-momentum balance: the torque on the wall equals the spin current
    lost by the electron, ∫τ_z dx = j_z(-∞) - j_z(+∞):

    >>> import numpy as np
    >>> x = np.linspace(-60, 60, 4001)
    >>> st = scattering_state(tanh_profile(1.0, kind="neel"), 0.4, x)
    >>> total = np.trapezoid(st.torque[:, 2], x)
    >>> bool(abs(total - (st.spin_current[0, 2] - st.spin_current[-1, 2])) < 1e-6)
    True
    """
    if not isinstance(profile, WallProfile):
        raise ValueError(f"profile must be a WallProfile; got {type(profile).__name__}")
    zeta_arr = check_zeta(zeta)
    if zeta_arr.ndim:
        raise ValueError(f"zeta must be a scalar; got shape {zeta_arr.shape}")
    zeta = float(zeta_arr)
    check_choice(incident, "incident", list(CHANNELS))
    x = as_finite_array(x, "x")
    if x.ndim != 1 or x.size == 0:
        raise ValueError(f"x must be a non-empty 1D array; got shape {x.shape}")
    zf = np.array([zeta])
    s_mat, _, n_steps = _magnus_smatrix(profile, zf, np.array([profile.scale]), tol, None)
    s_mat = s_mat[0]
    c = CHANNELS.index(incident)
    kp, km = (float(k) for k in fermi_wavevectors(zeta))
    th_end, ph_end = profile._angles_u(np.array(profile.breakpoints)[[0, -1]])
    u_l, u_r = _u_matrix(th_end[0], ph_end[0]), _u_matrix(th_end[1], ph_end[1])
    # mode amplitudes (right-moving maj, min, left-moving maj, min) at each lead
    amp_l = np.zeros(4, dtype=complex)
    amp_r = np.zeros(4, dtype=complex)
    if c < 2:
        amp_l[c] = 1.0
    else:
        amp_r[2 + (c - 2)] = 1.0
    amp_l[2:] = s_mat[0:2, c]
    amp_r[:2] = s_mat[2:4, c]
    ks = np.array([kp, km, kp, km])
    sgn = np.array([1, 1, -1, -1])

    def plane_waves(xs, x_ref, u_lead, amp):
        chis = np.stack([u_lead[:, 0], u_lead[:, 1], u_lead[:, 0], u_lead[:, 1]])  # (4, 2)
        ph = np.exp(1j * sgn * ks * (xs[:, None] - x_ref)) / np.sqrt(ks) * amp  # (nx, 4)
        psi = ph @ chis
        dpsi = (ph * (1j * sgn * ks)) @ chis
        return psi, dpsi

    psi = np.empty((x.size, 2), dtype=complex)
    dpsi = np.empty((x.size, 2), dtype=complex)
    xl, xr = profile.x_left, profile.x_right
    left = x <= xl
    right = x >= xr
    inside = ~(left | right)
    if left.any():
        psi[left], dpsi[left] = plane_waves(x[left], xl, u_l, amp_l)
    if right.any():
        psi[right], dpsi[right] = plane_waves(x[right], xr, u_r, amp_r)
    if inside.any():
        y0 = np.concatenate(plane_waves(np.array([xl]), xl, u_l, amp_l), axis=1)[0]
        psi[inside], dpsi[inside] = _propagate_state(profile, zeta, y0, x[inside], n_steps)
    n = profile.direction(x)
    s = spinor_spin_density(psi)
    j = spinor_spin_current(psi, dpsi)
    tau = exchange_torque(n, s, zeta)
    return ScatteringState(x, psi, dpsi, n, s, j, tau, incident, zeta)


def _propagate_state(profile, zeta, y0, x_inside, n_steps):
    """y = (ψ, ψ') at the points x_inside, by Magnus steps from x_left."""
    u_req = x_inside / profile.scale
    u_base = _mesh(profile, n_steps)
    u = np.union1d(u_base, u_req)
    hu, n_a, n_b, _, phi0 = _gauss_directions(profile, u, force_complex=True)
    v_first = _CF_ALPHA * n_a + _CF_BETA * n_b
    v_second = _CF_BETA * n_a + _CF_ALPHA * n_b
    zf = np.array([zeta])
    energy = fermi_energy(zf)
    h = profile.scale * hu[None, :]
    f1 = np.moveaxis(_exponential_factors(v_first, h, energy, zf)[:, :, 0], -1, 0)
    f2 = np.moveaxis(_exponential_factors(v_second, h, energy, zf)[:, :, 0], -1, 0)
    steps = f2 @ f1
    ys = np.empty((u.size, 4), dtype=complex)
    ys[0] = y0
    for k in range(hu.size):
        ys[k + 1] = steps[k] @ ys[k]
    pos = np.searchsorted(u, u_req)
    pos = np.clip(pos, 0, u.size - 1)
    return ys[pos, :2], ys[pos, 2:]


# --------------------------------------------------------------------------
# lowest order in the gauge field (the paper's theory)
# --------------------------------------------------------------------------
def born_probabilities(theta, phi, x, zeta) -> dict[str, float]:
    """First-order Born probabilities in the gauge-field vertex of eq. (12).

    In the rotated frame (eqs. 6-12) the wall is the uniform splitting -Δσ_z
    plus V = ½{p, A}, A = A^a σ_a from :func:`spinlib.gauge.gauge_field`.  For
    k_σ → k' (k' = +k_σ' transmitted, -k_σ' reflected), flux-normalised,

        P = |½(k_σ + k') Ã_σ'σ(k' - k_σ)|² / (k_σ k_σ'),   Ã(q) = ∫ e^{-iqx} A(x) dx.

    Only channels that differ from the incident one are defined at this
    order (the others start at 1).  In one dimension the vertex ½(k + k')
    vanishes for backscattering within a band (k' = -k), so ``R_maj_maj`` and
    ``R_min_min`` are zero at this order for *any* profile: the diagonal
    (abelian) part of A is a pure gauge in 1D.  The Fourier integrals use the trapezoid
    rule; A comes from second-order finite differences, so the relative
    error is O(h²/λ²).

    Parameters
    ----------
    theta, phi : array_like, shape (nx,)
        The profile sampled on a uniform grid that covers the whole wall
        (A must vanish at both ends).
    x : array_like, shape (nx,)
        The uniform grid (nx >= 3), spacing h with h k_F+ < 1.
    zeta : float
        0 < ζ < 1.

    Returns
    -------
    dict
        Keys ``R_maj_maj``, ``R_maj_min``, ``T_mistrack``, ``R_min_min``,
        ``R_min_maj``, ``T_mistrack_min`` (meanings as in :class:`WallScattering`).

    Examples
    --------
    >>> import numpy as np
    >>> from spinlib.textures import domain_wall_angles
    >>> x = np.linspace(-40, 40, 8001)
    >>> p = born_probabilities(*domain_wall_angles(x, 1.0), x, 0.3)
    >>> b = born_tanh_wall(0.3, 1.0)
    >>> bool(abs(p["T_mistrack"] / b["T_mistrack"] - 1) < 1e-4)
    True
    """
    x = as_finite_array(x, "x")
    theta = as_finite_array(theta, "theta")
    phi = as_finite_array(phi, "phi")
    if x.ndim != 1 or x.size < 3 or theta.shape != x.shape or phi.shape != x.shape:
        raise ValueError(
            f"theta, phi and x must be 1D arrays of one length >= 3; got "
            f"{theta.shape}, {phi.shape}, {x.shape}"
        )
    dx = np.diff(x)
    if not (np.all(dx > 0) and np.allclose(dx, dx[0], rtol=1e-9, atol=0.0)):
        raise ValueError("x must be a uniform increasing grid")
    zeta_arr = check_zeta(zeta)
    if zeta_arr.ndim:
        raise ValueError(f"zeta must be a scalar; got shape {zeta_arr.shape}")
    kp, km = (float(k) for k in fermi_wavevectors(zeta_arr))
    if dx[0] * kp * 2 >= np.pi:
        raise ValueError(f"x spacing {dx[0]:g} too coarse for 2 k_F+ = {2 * kp:g}")
    a_field = gauge_field(theta, phi, dx[0])[0]  # (3, nx)
    a_mat = np.einsum("ax,aij->xij", a_field, PAULI)  # (nx, 2, 2), rotated-frame spin basis

    def ft(q):
        w = np.exp(-1j * q * x)
        return np.trapezoid(w[:, None, None] * a_mat, x, axis=0)

    k = {0: kp, 1: km}  # rotated-frame index 0 = maj (σ_z = +1), 1 = min
    out = {}

    def prob(s_in, s_out, sign):
        k_in, k_out = k[s_in], sign * k[s_out]
        amp = 0.5 * (k_in + k_out) * ft(k_out - k_in)[s_out, s_in]
        return float(abs(amp) ** 2 / (k[s_in] * k[s_out]))

    out["R_maj_maj"] = prob(0, 0, -1)
    out["R_maj_min"] = prob(0, 1, -1)
    out["T_mistrack"] = prob(0, 1, +1)
    out["R_min_min"] = prob(1, 1, -1)
    out["R_min_maj"] = prob(1, 0, -1)
    out["T_mistrack_min"] = prob(1, 0, +1)
    return out


def _born_planar_wall(zeta, spectrum: Callable[[np.ndarray], np.ndarray]) -> dict[str, np.ndarray]:
    """First-order Born probabilities of a planar wall from its gauge spectrum Ã(Q).

    For a planar wall A = A^⊥ e_φ·σ flips the spin only, with |⟨σ'|e_φ·σ|σ⟩| = 1,
    so :func:`born_probabilities` reduces to P = |½(k_σ + k') Ã(k' - k_σ)|²/(k_σ k_σ'):

    * T_mistrack (k_F+ → k_F-):  |½(k_F+ + k_F-) Ã(k_F+ - k_F-)|² / (k_F+ k_F-);
    * R_maj_min  (k_F+ → -k_F-): |½(k_F+ - k_F-) Ã(k_F+ + k_F-)|² / (k_F+ k_F-);

    the same for a minority electron (Ã is even for a real even A^⊥).
    ``spectrum(Q)`` returns Ã(Q) = ∫ e^{-iQx} A^⊥ dx (real) for the momentum
    transfers Q, with the batch shape of ``zeta``.
    """
    kp, km = fermi_wavevectors(zeta)
    flux = kp * km
    t_mis = (0.5 * (kp + km) * spectrum(kp - km)) ** 2 / flux
    r_flip = (0.5 * (kp - km) * spectrum(kp + km)) ** 2 / flux
    zero = np.zeros_like(t_mis)
    return {
        "R_maj_maj": zero,
        "R_maj_min": r_flip,
        "T_mistrack": t_mis,
        "R_min_min": zero,
        "R_min_maj": r_flip,
        "T_mistrack_min": t_mis,
    }


def born_tanh_wall(zeta, width) -> dict[str, np.ndarray]:
    """First-order Born (lowest order in A) probabilities of the tanh wall, closed form.

    With A^⊥ = θ'/2 and its spectrum Ã(Q) = (π/2) sech(πQλ/2)
    (:func:`spinlib.gauge.tanh_wall_gauge_spectrum`, evaluated without
    overflow: wide walls give 0, not a warning), k_F = 1:

    * mistracking, Q = k_F+ - k_F- = 2ζ:
      T_mistrack = π²/(4(1 - ζ²)) sech²(πζλ);
    * spin-flip reflection, Q = k_F+ + k_F- = 2, vertex ½(k_F+ - k_F-) = ζ:
      R_maj_min = π²ζ²/(4(1 - ζ²)) sech²(πλ);
    * R_maj_maj = R_min_min = 0 (A has no σ_z component for a planar wall).

    The same values hold for a minority electron (``T_mistrack_min``,
    ``R_min_maj``).  Valid when the rotation angle is small (scale these by
    (Θ/π)² for a wall rotating by Θ); for the full 180° wall they
    overestimate the exact mistracking by π²/(4(1 - ζ²)) however wide the
    wall (see :func:`rosen_zener_mistracking`).

    Parameters
    ----------
    zeta : array_like
        0 < ζ < 1.
    width : array_like
        k_F λ >= 0.

    Examples
    --------
    >>> b = born_tanh_wall(0.5, 0.0)
    >>> round(float(b["T_mistrack"]), 6), round(float(b["R_maj_min"]), 6)
    (3.289868, 0.822467)
    >>> float(born_tanh_wall(0.5, 300.0)["T_mistrack"])
    0.0
    """
    zeta, width = _check_batch(zeta, width, "width")
    return _born_planar_wall(zeta, lambda q: tanh_wall_gauge_spectrum(q, width))


def born_linear_wall(zeta, length) -> dict[str, np.ndarray]:
    """First-order Born probabilities of the linear wall, closed form.

    A^⊥ = π/(2L) on |x| < L/2, so Ã(Q) = (π/2) sin(QL/2)/(QL/2), in the
    Born probabilities of a planar wall (as in :func:`born_tanh_wall`):

    * T_mistrack = π² sin²(ζL) / (4 ζ² L² (1 - ζ²)),
    * R_maj_min = π² ζ² sin²(L) / (4 L² (1 - ζ²)),

    a power law in 1/L (from the kinks at the ends), not an exponential.

    Parameters
    ----------
    zeta : array_like
        0 < ζ < 1.
    length : array_like
        k_F L > 0.

    Examples
    --------
    >>> b = born_linear_wall(0.5, 1e-8)
    >>> round(float(b["T_mistrack"]), 6)
    3.289868
    """
    zeta = check_zeta(zeta)
    length = check_positive(length, "length")
    zeta, length = np.broadcast_arrays(zeta, length)
    # Ã(Q) = (π/2L) ∫_{-L/2}^{L/2} e^{-iQx} dx = (π/2) sin(QL/2)/(QL/2); np.sinc(t) = sin(πt)/(πt)
    return _born_planar_wall(zeta, lambda q: 0.5 * np.pi * np.sinc(q * length / (2.0 * np.pi)))


def rosen_zener_mistracking(zeta, width) -> np.ndarray:
    """Semiclassical mistracking probability of the tanh wall, sech²(πζλ).

    An electron crossing the wall at the velocity v = k_F = 1 sees, in the
    rotated frame, the spin Hamiltonian -Δσ_z + v A^⊥(vt) e_φ·σ with
    A^⊥ = θ'/2 = 1/(2λ cosh(x/λ)): the Rosen-Zener model (Rosen & Zener,
    Phys. Rev. 40, 502 (1932)) with detuning 2Δ = 2ζ and a sech pulse of area
    ∫ v θ' dt = π, whose exact transition probability is
    sin²(π/2) sech²(πζλ) = sech²(πζλ).  First order in the pulse would give
    (π/2)² sech²(πζλ), the ζ → 0 limit of :func:`born_tanh_wall`.  In terms
    of the gauge spectrum Ã of :func:`spinlib.gauge.tanh_wall_gauge_spectrum`,
    sech(πζλ) = Ã(2ζ)/Ã(0) with Ã(0) = π/2 (overflow-free for wide walls).

    Parameters
    ----------
    zeta : array_like
        0 < ζ < 1.
    width : array_like
        k_F λ >= 0.

    Examples
    --------
    >>> round(float(rosen_zener_mistracking(0.25, 2.0)), 6)
    0.158832
    >>> float(rosen_zener_mistracking(0.5, 500.0))
    0.0
    """
    zeta, width = _check_batch(zeta, width, "width")
    # detuning 2Δ/v = 2ζ as a wave-vector; sech(πζλ) = Ã(2ζ)/Ã(0), Ã(0) = π/2
    return (2.0 / np.pi * tanh_wall_gauge_spectrum(2.0 * zeta, width)) ** 2


def rosen_zener_born_ratio(zeta) -> np.ndarray:
    """Wide-wall limit of T_mistrack(exact)/T_mistrack(first Born), 4(1 - ζ²)/π².

    The ratio of :func:`rosen_zener_mistracking` to the first-Born
    ``born_tanh_wall(...)["T_mistrack"]``: both decay as sech²(πζλ), so it does
    not depend on the width (evaluated at λ = 0).  First Born overestimates
    the mistracking of a 180° wall by its inverse, π²/(4(1 - ζ²)) >= 2.47,
    however wide the wall (``tests/test_scattering_limits.py``).

    Parameters
    ----------
    zeta : array_like
        0 < ζ < 1.

    Examples
    --------
    >>> import numpy as np
    >>> bool(np.isclose(rosen_zener_born_ratio(0.3), 4 * 0.91 / np.pi**2))
    True
    """
    return rosen_zener_mistracking(zeta, 0.0) / born_tanh_wall(zeta, 0.0)["T_mistrack"]
