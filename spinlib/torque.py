"""Current-induced torque on a spin texture, eqs. (42)-(52) of Tatara et al. (2007), corrected.

Units and conventions
---------------------
ħ = 1, m = 1, k_F = (k_F+ + k_F-)/2 = 1 (see :mod:`spinlib.electron_gas`):
k_F± = 1 ± ζ, Δ = ζ, lengths in units of 1/k_F (the grid ``spacing`` too),
velocities in units of ħk_F/m, densities in units of k_F³, torques per volume
in units of (ħk_F/m) k_F³ = ħ k_F⁴/m (angular momentum per volume and time).
Grids are indexed ``ij`` (axis 0 = x); vector fields have shape (*grid, 3).

The texture is the spin direction e_s = S/S, given either as angles
``(theta, phi)`` or as a unit-vector field of shape (*grid, 3).  The current
enters as the **drift velocity v of the conduction electrons** (both bands
drift together: the paper's spin-independent lifetime τ, Drude), so the
particle fluxes are Φ_± = n_± v, Φ_s = (n₊ - n₋) v = 2 s v and Φ = n v, with
s = (n₊ - n₋)/2 the electron spin density of eq. (32) (angular momentum,
units of ħ).  In the paper's notation j_s/e = Φ_s and j/e = Φ with e the
(negative) electron charge; no charge appears here.

Sign convention (one, physical)
-------------------------------
The torque is the rate of change of the local spin caused by the electrons,

    τ ≡ ∂_t S |_exchange = (δH_ex/δS) × S = +(Δ/S) S × s = Δ e_s × s  (per volume),

with s = ⟨c†σc⟩ (eq. 5).  This is the Heisenberg equation Ṡ = i[H, S]
(proved in notebook 01) and the *middle* member of the printed eq. (4); the
printed right-hand side of (4) and eq. (42), τ = -(Δ/S) S × s, have the
opposite sign.  Why this one: the electron spin obeys
∂_t(s/2) + ∇·J = -Δ e_s × s, so only with this sign is the total spin
S + s/2 conserved; and only with it does the adiabatic torque computed from
the response kernels equal the spin-current divergence of a drifting
polarised gas, τ_ad = -s (∂_t + v·∇) e_s (tests/test_torque_physics.py),
which drives a texture *along* the electron flow, as eq. (1) states for
P > 0.  In the rotated frame (eq. 17) this reads

    τ = Δ (s̃_⊥ e_θ - s̃_∥ e_φ)                      [(42) with the opposite sign],

and the Landau-Lifshitz-Gilbert equation (51) becomes, per volume, with
n_S = S/a³ the local spin density and u = s v/n_S = a³ j_s/(2eS) the
spin-transfer velocity,

    (n_S + s) ∂_t e_s + n_S (u·∇) e_s
        = -α n_S e_s × ∂_t e_s - β n_S e_s × (u·∇) e_s + n_S e_s × h + τ_nl,   [(52) corrected]

where h is the effective field of the energy -n_S ∫ h·e_s (frequency units);
damping is -α e_s × ė in this convention.  See :func:`llg_rhs`.

What is computed (the kernels act on the gauge field at x', the frame at x)
--------------------------------------------------------------------------
With A_i = m × ∂_i m and A_0 = m × ∂_t m (eq. 11; only their Cartesian
components x, y enter), Ā^s = e_sφ(x)·A(x') and Ā^a = e_φ(x)·A(x') (B.4),
and the kernels of :mod:`spinlib.response` (prefactors corrected there:
:func:`spinlib.response.linear_response_prefactor` = -2 and +2):

* time part   s̃_∥ = -(2s/Δ) H̃1 ⋆ Ā_0^s,   s̃_⊥ = -(2s/Δ) H̃1 ⋆ Ā_0^a      [(30), (45)]
* χ1 part     s̃_∥ = -(2s/Δ) v_i χ̃1^{ij} ⋆ Ā_j^s,  s̃_⊥ = -(2s/Δ) v_i χ̃1^{ij} ⋆ Ā_j^a   [(34), (46)]
* χ2 part     s̃_∥ = -(2n/Δ) v_i χ̃2^{ij} ⋆ Ā_j^a,  s̃_⊥ = +(2n/Δ) v_i χ̃2^{ij} ⋆ Ā_j^s
* static part (optional, not in the paper) s̃_∥ = 2s (iq̂_jΛ̃) ⋆ Ā_j^a,
  s̃_⊥ = -2s (iq̂_jΛ̃) ⋆ Ā_j^s: the spatial vertex that (21) drops
  (:func:`spinlib.response.spatial_vertex_tilde`), an electron-mediated
  exchange torque of order ∇² (zero for a uniform spiral).

Here ⋆ is the convolution K ⋆ f (x) = Σ_q e^{-iq·x} K(q) f(q).  The tensor
structure (``tensor="exact"``, default) is the one of the k-sums before the
angular average of (B.3): χ̃1^{ij} = χ̃_L q̂_iq̂_j + χ̃_T (δ_ij - q̂_iq̂_j) and
χ̃2^{ij} = 3 χ̃2 q̂_iq̂_j; ``tensor="isotropic"`` uses the paper's δ_ij χ̃1,
δ_ij χ̃2.  For a current through a 1D wall only χ̃_L and 3χ̃2 act.

In the adiabatic limit (all kernels → their q = 0 values 1, 1, 0, 0)

    τ_ad = -s (∂_t + v·∇) e_s          [(47) corrected, :func:`adiabatic_torque`]

and τ_nl ≡ τ - τ_ad (48).  For a wide tanh wall its leading forms are
:func:`wall_inplane_torque_asymptote` (in the plane of the wall, O((k_F λ)⁻²),
from the small-q̃ coefficients of χ̃_L and H̃1) and
:func:`wall_stoner_torque_asymptote` (out of it, from the Stoner window of
χ̃2: exponentially small at the centre, a long-range oscillation at
k_F+ - k_F- outside).

Numerics: convolution by FFT, O(N log N)
---------------------------------------
A texture on a finite grid is not periodic (a tanh wall turns from +z to
-z), but its gauge field decays (A ∝ ∂e_s).  The gauge field - not the
texture - is therefore zero-padded to ``padding`` times the grid length on
every axis before the FFT; the frame vectors e_θ(x), e_φ(x), e_sφ(x) multiply
the result on the original grid.  The product with the q-space kernel is the
convolution with the kernel periodised over the padded length: errors come
from (i) the gauge field outside the grid (exponentially small for walls and
skyrmions; a vortex's A^∥ ∝ 1/r is truncated), (ii) the kernel's images at
distance ≥ (padding - 1) L, whose tails decay only as 1/r (1D) because the
kernels have logarithmic singularities and jumps at q = 2ζk_F and 2k_F, and
(iii) the sampling of those singularities, handled by averaging the kernel
over the q-cells that straddle them.  ``padding = 1`` is the periodic
problem (exact for a periodic texture with an integer number of periods).
Defaults: 16 (1D), 2 (2D, 3D).  The gauge field is computed from
second-order finite differences of e_s (:func:`spinlib.textures.field_gradient`),
so everything is O(h²) in the grid spacing, and the grid must resolve the
2k_F oscillations (h ≲ 0.5/k_F).

Gauge (8) is singular where e_s = -e_z and φ winds (a core-down skyrmion or
vortex): A^x, A^y are bounded there but direction dependent.  The results
converge away from such points; put such textures core-up when possible.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
from scipy import fft as sp_fft
from scipy import special

from ._validation import (
    as_finite_array,
    check_choice,
    check_in_range,
    check_nonnegative,
    check_positive,
    check_spacing,
    check_unit_vectors,
    check_zeta,
)
from .electron_gas import exchange_splitting, fermi_wavevectors, spin_density_s, total_density
from .gauge import gauge_components, lab_from_parallel_perp, rotated_parallel_perp, spin_frame
from .grids import field_gradient
from .relaxation import torque_sf
from .response import (
    chi1_longitudinal_tilde,
    chi1_tilde,
    chi1_transverse_tilde,
    chi2_amplitude,
    chi2_tilde,
    h1_tilde,
    small_q_coefficient,
    spatial_vertex_tilde,
)
from .textures import unit_vectors

__all__ = [
    "DEFAULT_PADDING",
    "PARTS",
    "RotatedDensity",
    "Texture",
    "TorqueResult",
    "adiabatic_torque",
    "llg_rhs",
    "nonlocal_torque",
    "prepare_texture",
    "rotated_spin_density",
    "spin_transfer_velocity",
    "torque",
    "torque_from_rotated_density",
    "transverse_gauge_field",
    "WallStonerAsymptote",
    "wall_inplane_torque_asymptote",
    "wall_stoner_torque_asymptote",
]

#: Default zero-padding factor of the gauge field, by number of grid axes.
DEFAULT_PADDING = {1: 16, 2: 2, 3: 2}

#: Names of the contributions to the torque.
PARTS = ("time", "static", "chi1", "chi2")

_TENSORS = ("exact", "isotropic")
# subsamples per axis used to average a kernel over a q-cell that straddles
# one of its singular radii (log singularities, jumps)
_SUBSAMPLES = {1: 256, 2: 6, 3: 3}


# --------------------------------------------------------------------------
# texture and gauge field
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class Texture:
    """A validated texture on a grid with its local frame and gauge field.

    Attributes
    ----------
    e : numpy.ndarray, shape (*grid, 3)
        Spin direction e_s.
    theta, phi : numpy.ndarray, shape grid
        Its angles (φ = atan2(e_y, e_x) if e was given).
    e_theta, e_phi : numpy.ndarray, shape (*grid, 3)
        Frame vectors (19), (20).
    spacing : tuple of float
        Grid spacing per axis.
    A : numpy.ndarray, shape (ndim, 2, *grid)
        Cartesian components (A^x, A^y) of the spatial gauge field A_i, eq. (11).
    A0 : numpy.ndarray or None, shape (2, *grid)
        (A_0^x, A_0^y) of the time component, if ``de_dt`` was given.
    de_dt : numpy.ndarray or None, shape (*grid, 3)
        ∂_t e_s (its component along e_s removed).
    grad : numpy.ndarray, shape (ndim, *grid, 3)
        ∂_i e_s by second-order differences (periodic along periodic axes).
    periodic : tuple of bool
        Which axes are periodic.
    """

    e: np.ndarray
    theta: np.ndarray
    phi: np.ndarray
    e_theta: np.ndarray
    e_phi: np.ndarray
    spacing: tuple
    A: np.ndarray
    A0: np.ndarray | None = None
    de_dt: np.ndarray | None = None
    grad: np.ndarray | None = None
    periodic: tuple = ()

    @property
    def ndim(self) -> int:
        """Number of grid axes."""
        return self.e.ndim - 1

    @property
    def shape(self) -> tuple:
        """Grid shape."""
        return self.e.shape[:-1]

    def project(self, c: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(e_sφ(x)·C, e_φ(x)·C) for Cartesian (C^x, C^y) of shape (2, *grid).

        The projections (B.4), :func:`spinlib.gauge.rotated_parallel_perp`."""
        return rotated_parallel_perp(c[0], c[1], self.phi)


def _angles_and_field(texture, name: str = "texture"):
    if isinstance(texture, (tuple, list)) and len(texture) == 2:
        theta = as_finite_array(texture[0], f"{name}[0] (theta)")
        phi = as_finite_array(texture[1], f"{name}[1] (phi)")
        if theta.shape != phi.shape:
            raise ValueError(
                f"{name}: theta and phi must have the same shape; got {theta.shape}, {phi.shape}"
            )
        e = unit_vectors(theta, phi)
    else:
        e = check_unit_vectors(texture, name)
        theta = np.arccos(np.clip(e[..., 2], -1.0, 1.0))
        phi = np.arctan2(e[..., 1], e[..., 0])
    ndim = e.ndim - 1
    if not 1 <= ndim <= 3:
        raise ValueError(
            f"{name} must live on a 1D, 2D or 3D grid, e_s of shape (*grid, 3); got {e.shape}"
        )
    if min(e.shape[:-1]) < 3:
        raise ValueError(f"{name} needs at least 3 points along every grid axis; got {e.shape}")
    return e, theta, phi


def _gauge_from_derivatives(theta, phi, e_theta, e_phi, de):
    """(A^x, A^y) from derivatives de of e_s along one direction, eq. (11).

    ∂θ = ∂e_s·e_θ and sinθ ∂φ = ∂e_s·e_φ; A^x and A^y of
    :func:`spinlib.gauge.gauge_components` depend on θ and ∂φ only through
    sin θ ∂φ, so they are evaluated there with θ → π/2 and ∂φ → sin θ ∂φ
    (finite also where sin θ = 0).
    """
    dtheta = np.sum(de * e_theta, axis=-1)
    sin_dphi = np.sum(de * e_phi, axis=-1)
    a_x, a_y, _ = gauge_components(np.pi / 2, phi, dtheta, sin_dphi)
    return np.stack([a_x, a_y])


def _gradient(e: np.ndarray, h: tuple, periodic: tuple) -> np.ndarray:
    """∂_i e_s: :func:`spinlib.textures.field_gradient`, but central differences
    with wrap-around along periodic axes (also second order)."""
    grad = field_gradient(e, h)
    for i, per in enumerate(periodic):
        if per:
            grad[i] = (np.roll(e, -1, axis=i) - np.roll(e, 1, axis=i)) / (2 * h[i])
    return grad


def prepare_texture(texture, spacing, de_dt=None, periodic=False) -> Texture:
    """Validate a texture and compute its frame and gauge field.

    Parameters
    ----------
    texture : (theta, phi) or array_like, shape (*grid, 3)
        Angles of e_s on a 1D-3D ``ij`` grid, or the unit-vector field e_s
        (|e_s| = 1 within 1e-9); >= 3 points per axis.
    spacing : float or sequence of float
        Grid spacing(s) > 0, in units of 1/k_F.
    de_dt : array_like, shape (*grid, 3), optional
        ∂_t e_s; its component along e_s (zero for an exact unit field) is
        removed.
    periodic : bool or sequence of bool
        Axes along which the texture is periodic (gradients wrap around).

    Returns
    -------
    Texture

    Raises
    ------
    ValueError
        Non-unit or non-finite field, mismatched shapes, fewer than 3 points
        per axis, non-positive spacing.

    Examples
    --------
    >>> from spinlib.textures import make_grid, domain_wall_angles
    >>> (x,) = make_grid(201, 0.1)
    >>> tex = prepare_texture(domain_wall_angles(x, 2.0, kind="bloch"), 0.1)
    >>> tex.A.shape, round(float(-tex.A[0, 0, 100]), 6)   # A^x = -A^⊥ = -1/(2λ) at the centre
    ((1, 2, 201), 0.25)
    """
    e, theta, phi = _angles_and_field(texture)
    ndim = e.ndim - 1
    h = check_spacing(spacing, ndim)
    per = np.atleast_1d(np.asarray(periodic, dtype=bool))
    if per.size not in (1, ndim):
        per = np.zeros(1, dtype=bool)  # a malformed padding is reported by _check_padding
    periodic = tuple(bool(p) for p in np.broadcast_to(per, (ndim,)))
    _, e_theta, e_phi = spin_frame(theta, phi)
    grad = _gradient(e, h, periodic)  # (ndim, *grid, 3), O(h²)
    A = np.stack([_gauge_from_derivatives(theta, phi, e_theta, e_phi, g) for g in grad])
    A0 = dedt = None
    if de_dt is not None:
        dedt = as_finite_array(de_dt, "de_dt")
        if dedt.shape != e.shape:
            raise ValueError(f"de_dt must have the shape of the texture {e.shape}; got {dedt.shape}")
        dedt = dedt - e * np.sum(dedt * e, axis=-1, keepdims=True)
        A0 = _gauge_from_derivatives(theta, phi, e_theta, e_phi, dedt)
    return Texture(e, theta, phi, e_theta, e_phi, h, A, A0, dedt, grad, periodic)


def transverse_gauge_field(texture, spacing) -> np.ndarray:
    """Cartesian components (A_i^x, A_i^y) of the gauge field (11) of a texture.

    Computed from second-order finite differences of e_s (not of m, eq. 8):
    equal to :func:`spinlib.gauge.gauge_field` to O(h²) where both are
    smooth, and also accurate where e_s = -e_z (where m jumps).

    Returns
    -------
    numpy.ndarray, shape (ndim, 2, *grid)
    """
    return prepare_texture(texture, spacing).A


# --------------------------------------------------------------------------
# the convolution engine
# --------------------------------------------------------------------------
# kernels as functions of |q| (q̃ = |q|/2 since k_F = 1), and the radii
# |q| (units k_F) where each has a log singularity, a jump or a kink
_KERNEL_FUNCS = {
    "h1": h1_tilde,
    "chiL": chi1_longitudinal_tilde,
    "chiT": chi1_transverse_tilde,
    "chi1": chi1_tilde,
    "chi2": chi2_tilde,
    "lam": spatial_vertex_tilde,
}
_KERNEL_SINGULAR = {
    "h1": lambda z: (2.0,),
    "chiL": lambda z: (2 * z, 2.0),
    "chiT": lambda z: (2.0,),
    "chi1": lambda z: (2 * z, 2.0),
    "chi2": lambda z: (2 * z, 2.0),
    "lam": lambda z: (2.0,),
}


class _Spectral:
    """FFT grid (zero-padded), q-vectors and the kernels sampled on it."""

    def __init__(self, shape: tuple, spacing: tuple, padding: tuple, zeta: float):
        self.shape = shape
        self.ndim = len(shape)
        self.padded = tuple(
            n if p == 1 else sp_fft.next_fast_len(int(np.ceil(p * n)), real=True)
            for n, p in zip(shape, padding)
        )
        self.zeta = zeta
        # axes with padding 1 are periodic: their spectrum is discrete, so a
        # kernel is sampled, not cell-averaged, along them
        self.open_axes = np.array([p > 1 for p in padding])
        axes = []
        for k, (m, hk) in enumerate(zip(self.padded, spacing)):
            f = sp_fft.rfftfreq(m, hk) if k == self.ndim - 1 else sp_fft.fftfreq(m, hk)
            axes.append(2 * np.pi * f)
        self.dq = np.array([2 * np.pi / (m * hk) for m, hk in zip(self.padded, spacing)])
        q = np.stack(np.meshgrid(*axes, indexing="ij"))  # numpy convention e^{-iqx}
        qabs = np.sqrt(np.sum(q * q, axis=0))
        with np.errstate(invalid="ignore", divide="ignore"):
            self.qhat = np.where(qabs > 0, q / qabs, 0.0)
        self.qabs = qabs
        self._kernels: dict[str, np.ndarray] = {}

    def kernel(self, name: str) -> np.ndarray:
        if name not in self._kernels:
            func = _KERNEL_FUNCS[name]
            z = self.zeta
            values = func(self.qabs / 2.0, z)
            half_diag = 0.5 * float(np.sqrt(np.sum((self.dq * self.open_axes) ** 2)))
            mask = np.zeros(self.qabs.shape, dtype=bool)
            for radius in _KERNEL_SINGULAR[name](z):
                mask |= np.abs(self.qabs - radius) <= half_diag
            if mask.any():
                values = values.copy()
                values[mask] = self._cell_average(func, mask)
            self._kernels[name] = values
        return self._kernels[name]

    def _cell_average(self, func, mask) -> np.ndarray:
        s = _SUBSAMPLES[int(self.open_axes.sum())] if self.open_axes.any() else 1
        frac = (np.arange(s) + 0.5) / s - 0.5
        per_axis = [frac if is_open else np.zeros(1) for is_open in self.open_axes]
        offsets = np.stack(np.meshgrid(*per_axis, indexing="ij")).reshape(self.ndim, -1)
        centres = np.stack([self._q_component(k)[mask] for k in range(self.ndim)])  # (ndim, m)
        pts = centres[:, :, None] + (offsets * self.dq[:, None])[:, None, :]
        radius = np.sqrt(np.sum(pts * pts, axis=0))
        vals = func(radius / 2.0, self.zeta)
        finite = np.isfinite(vals)  # a subsample exactly on a log singularity (measure zero)
        vals = np.where(finite, vals, 0.0)
        return vals.sum(axis=1) / np.maximum(finite.sum(axis=1), 1)

    def _q_component(self, k: int) -> np.ndarray:
        return self.qhat[k] * self.qabs

    def forward(self, f: np.ndarray) -> np.ndarray:
        axes = tuple(range(f.ndim - self.ndim, f.ndim))
        return sp_fft.rfftn(f, s=self.padded, axes=axes)

    def backward(self, f_hat: np.ndarray) -> np.ndarray:
        axes = tuple(range(f_hat.ndim - self.ndim, f_hat.ndim))
        out = sp_fft.irfftn(f_hat, s=self.padded, axes=axes)
        crop = (Ellipsis,) + tuple(slice(0, n) for n in self.shape)
        return out[crop]


@functools.lru_cache(maxsize=16)
def _spectral(shape: tuple, spacing: tuple, padding: tuple, zeta: float) -> _Spectral:
    return _Spectral(shape, spacing, padding, zeta)


def _check_padding(padding, ndim: int) -> tuple:
    if padding is None:
        return (float(DEFAULT_PADDING[ndim]),) * ndim
    arr = check_in_range(padding, "padding", 1.0, None)
    if arr.ndim == 0:
        return (float(arr),) * ndim
    if arr.shape != (ndim,):
        raise ValueError(
            f"padding must be one number >= 1 or one per grid axis ({ndim}); got shape {arr.shape}"
        )
    return tuple(float(p) for p in arr)


def _periodic_axes(texture, padding) -> tuple:
    """Axes with padding 1 (periodic), for a texture not yet validated."""
    if padding is None:
        return (False,)
    pad = check_in_range(padding, "padding", 1.0, None)
    return tuple(bool(p == 1.0) for p in np.atleast_1d(pad))


def _check_velocity(velocity) -> np.ndarray:
    v = as_finite_array(velocity, "velocity")
    if v.shape != (3,):
        raise ValueError(f"velocity must be a 3-vector (v_x, v_y, v_z); got shape {v.shape}")
    return v


# --------------------------------------------------------------------------
# public API
# --------------------------------------------------------------------------
def spin_transfer_velocity(velocity, zeta, local_spin_density) -> np.ndarray:
    """Spin-transfer velocity u = s v / n_S = Φ_s/(2 n_S), eqs. (1), (52).

    The paper's a³ j_s/(2eS) with e the (negative) electron charge: u points
    along the electron flow for ζ > 0.  In (47) and (52) the printed sign
    corresponds to -u (see the module docstring).

    Parameters
    ----------
    velocity : array_like, shape (3,)
        Electron drift velocity v (units ħk_F/m).
    zeta : float
        0 < ζ < 1.
    local_spin_density : float
        n_S = S/a³ > 0 (units k_F³).

    Examples
    --------
    >>> u = spin_transfer_velocity([1.0, 0, 0], 0.5, 1.0)
    >>> round(float(u[0]), 6)   # s = 0.5 (3 + 0.25)/6π²
    0.027441
    """
    v = _check_velocity(velocity)
    n_spin = float(check_positive(local_spin_density, "local_spin_density"))
    return float(spin_density_s(zeta)) * v / n_spin


def adiabatic_torque(texture, spacing, zeta, *, velocity=(0.0, 0.0, 0.0), de_dt=None) -> np.ndarray:
    """Adiabatic torque τ_ad = -s (∂_t + v·∇) e_s of eq. (47), corrected.

    Computed directly from finite differences of e_s (no gauge field, no
    kernel): it is the torque that the spin density s e_s and spin current
    s v e_s of a polarised electron gas drifting with velocity v and
    following the texture exert, -(∂_t(s e_s) + ∇·J), i.e. total-spin
    conservation.  Projected perpendicular to e_s.

    The printed (47), ½(s ∂_t + (a³/e) j_s·∇) e_s, has the opposite overall
    sign (the sign convention of (42)) and half the time term (the factor 2
    of s̃^± = 2⟨a†_↑a_↓⟩, see :func:`spinlib.response.linear_response_prefactor`).

    Parameters
    ----------
    texture : (theta, phi) or array_like, shape (*grid, 3)
    spacing : float or sequence of float
    zeta : float
    velocity : array_like, shape (3,)
        Electron drift velocity v.
    de_dt : array_like, shape (*grid, 3), optional
        ∂_t e_s.

    Returns
    -------
    numpy.ndarray, shape (*grid, 3)

    Examples
    --------
    A Bloch wall with the electrons drifting along +x: the torque at the
    centre is -s v ∂_x e_s = -s v e_θ/λ:

    >>> from spinlib.textures import make_grid, domain_wall_angles
    >>> (x,) = make_grid(401, 0.05)
    >>> tau = adiabatic_torque(domain_wall_angles(x, 1.0), 0.05, 0.5, velocity=[1.0, 0, 0])
    >>> s = 0.5 * 3.25 / (6 * np.pi**2)
    >>> bool(np.allclose(tau[200], [0.0, 0.0, s], atol=1e-3 * s))   # e_θ = -e_z; O(h²) error
    True
    """
    tex = prepare_texture(texture, spacing, de_dt)
    return _adiabatic(tex, _check_velocity(velocity), float(spin_density_s(zeta)))


def _adiabatic(tex: Texture, v: np.ndarray, s: float) -> np.ndarray:
    """-s [(∂_t + v·∇) e_s]_⊥: the one place where (47), corrected, is formed."""
    rate = np.tensordot(v[: tex.ndim], tex.grad, axes=(0, 0))
    if tex.de_dt is not None:
        rate = rate + tex.de_dt
    rate = rate - tex.e * np.sum(rate * tex.e, axis=-1, keepdims=True)
    return -s * rate


def torque_from_rotated_density(s_parallel, s_perp, texture_or_frame, zeta) -> np.ndarray:
    """Torque τ = Δ (s̃_⊥ e_θ - s̃_∥ e_φ) = Δ e_s × s, eq. (42) with the physical sign.

    Parameters
    ----------
    s_parallel, s_perp : array_like, shape grid
        Rotated-frame densities s̃_∥, s̃_⊥ of eq. (18) (Pauli normalisation,
        eq. 5).
    texture_or_frame : Texture or (theta, phi)
        Where the frame vectors are taken.
    zeta : float

    Returns
    -------
    numpy.ndarray, shape (*grid, 3)

    Examples
    --------
    >>> tau = torque_from_rotated_density(0.0, 1.0, (np.array(0.3), np.array(0.0)), 0.5)
    >>> tau.round(6).tolist()   # Δ e_θ with Δ = 0.5
    [0.477668, 0.0, -0.14776]
    """
    delta = float(exchange_splitting(check_zeta(zeta)))
    if isinstance(texture_or_frame, Texture):
        e_theta, e_phi = texture_or_frame.e_theta, texture_or_frame.e_phi
    else:
        theta = as_finite_array(texture_or_frame[0], "theta")
        phi = as_finite_array(texture_or_frame[1], "phi")
        _, e_theta, e_phi = spin_frame(theta, phi)
    s_par = as_finite_array(s_parallel, "s_parallel")[..., None]
    s_prp = as_finite_array(s_perp, "s_perp")[..., None]
    return delta * (s_prp * e_theta - s_par * e_phi)


@dataclass(frozen=True)
class RotatedDensity:
    """Rotated-frame spin densities (s̃_∥, s̃_⊥) of each contribution.

    ``parts[name] = (s_parallel, s_perp)`` for name in :data:`PARTS` that
    were computed; ``total`` their sum.
    """

    parts: dict
    total: tuple


def rotated_spin_density(
    texture,
    spacing,
    zeta,
    *,
    velocity=(0.0, 0.0, 0.0),
    de_dt=None,
    tensor: str = "exact",
    static: bool = False,
    padding=None,
    _tex: Texture | None = None,
) -> RotatedDensity:
    """Rotated-frame spin density s̃_∥, s̃_⊥ of eqs. (30), (34), (40), (41), corrected.

    See the module docstring for the formulas (corrected prefactors -2, +2,
    no H2 term in the equilibrium part, the exact tensor structure).

    Parameters
    ----------
    texture : (theta, phi) or array_like, shape (*grid, 3)
    spacing : float or sequence of float
        Grid spacing(s) in units of 1/k_F.
    zeta : float
        0 < ζ < 1.
    velocity : array_like, shape (3,)
        Electron drift velocity v (units ħk_F/m).
    de_dt : array_like, shape (*grid, 3), optional
        ∂_t e_s; enables the time part.
    tensor : {"exact", "isotropic"}
        Tensor structure of χ̃1, χ̃2 (see module docstring).
    static : bool
        Add the static spatial-vertex part omitted by (21).
    padding : float or sequence of float, optional
        Zero-padding factor(s) >= 1 of the gauge field (1: periodic).

    Returns
    -------
    RotatedDensity
    """
    if _tex is None:
        _tex = prepare_texture(texture, spacing, de_dt, periodic=_periodic_axes(texture, padding))
    tex = _tex
    z = check_zeta(zeta)
    if z.ndim != 0:
        raise ValueError(f"zeta must be a scalar; got an array of shape {z.shape}")
    z = float(z)
    v = _check_velocity(velocity)
    check_choice(tensor, "tensor", _TENSORS)
    pad = _check_padding(padding, tex.ndim)
    spec = _spectral(tex.shape, tex.spacing, pad, z)
    delta = float(exchange_splitting(z))
    s = float(spin_density_s(z))
    n = float(total_density(z))
    parts: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    need_space = bool(np.any(v[: tex.ndim] != 0.0)) or static
    if need_space:
        a_hat = spec.forward(tex.A)  # (ndim, 2, *half)
        qhat = spec.qhat  # (ndim, *half), numpy convention (paper q = -q_np)
        q_a = np.einsum("j...,ja...->a...", qhat, a_hat)  # q̂·A (sign cancels in q̂q̂)
    if np.any(v[: tex.ndim] != 0.0):
        vv = v[: tex.ndim]
        v_a = np.tensordot(vv, a_hat, axes=(0, 0))  # (2, *half)
        q_v = np.tensordot(vv, qhat, axes=(0, 0))  # (*half)
        if tensor == "exact":
            k_t, k_l = spec.kernel("chiT"), spec.kernel("chiL")
            c1 = spec.backward(k_t * v_a + (k_l - k_t) * q_v * q_a)
            c2 = spec.backward(3.0 * spec.kernel("chi2") * q_v * q_a)
        else:
            c1 = spec.backward(spec.kernel("chi1") * v_a)
            c2 = spec.backward(spec.kernel("chi2") * v_a)
        p1, a1 = tex.project(c1)
        parts["chi1"] = (-(2 * s / delta) * p1, -(2 * s / delta) * a1)
        p2, a2 = tex.project(c2)
        parts["chi2"] = (-(2 * n / delta) * a2, (2 * n / delta) * p2)
    if tex.A0 is not None:
        c0 = spec.backward(spec.kernel("h1") * spec.forward(tex.A0))
        p0, a0 = tex.project(c0)
        parts["time"] = (-(2 * s / delta) * p0, -(2 * s / delta) * a0)
    if static:
        # Σ_q e^{-iqx} (i q̂_paper·Λ̃) A(q) with q_paper = -q_np
        d = spec.backward(-1j * spec.kernel("lam") * q_a)
        pd, ad = tex.project(d)
        parts["static"] = (2 * s * ad, -2 * s * pd)
    zero = np.zeros(tex.shape)
    total = (
        sum((p[0] for p in parts.values()), zero.copy()),
        sum((p[1] for p in parts.values()), zero.copy()),
    )
    return RotatedDensity(parts, total)


@dataclass(frozen=True)
class TorqueResult:
    """Torque of the conduction electrons on a texture, per volume.

    Attributes
    ----------
    total : numpy.ndarray, shape (*grid, 3)
        τ = τ^(0) + τ^(1) (44) from the kernels (physical sign).
    adiabatic : numpy.ndarray, shape (*grid, 3)
        τ_ad of (47), corrected (:func:`adiabatic_torque`).
    nonlocal_ : numpy.ndarray, shape (*grid, 3)
        τ_nl = τ - τ_ad (48).
    parts : dict of str -> numpy.ndarray
        Contributions "time" (A_0, H̃1), "static", "chi1", "chi2".
    s_parallel, s_perp : numpy.ndarray, shape grid
        Total rotated-frame density s̃_∥, s̃_⊥.
    spin_density : numpy.ndarray, shape (*grid, 3)
        Lab-frame s = -s̃_∥ e_θ + 2s e_s - s̃_⊥ e_φ (eq. 17; the longitudinal
        part to zeroth order, n₊ - n₋ = 2s).
    texture : Texture
    rotated : RotatedDensity
        (s̃_∥, s̃_⊥) of each contribution.
    """

    total: np.ndarray
    adiabatic: np.ndarray
    nonlocal_: np.ndarray
    parts: dict = field(repr=False)
    s_parallel: np.ndarray = field(repr=False)
    s_perp: np.ndarray = field(repr=False)
    spin_density: np.ndarray = field(repr=False)
    texture: Texture = field(repr=False)
    rotated: RotatedDensity = field(repr=False, default=None)


def torque(
    texture,
    spacing,
    zeta,
    *,
    velocity=(0.0, 0.0, 0.0),
    de_dt=None,
    tensor: str = "exact",
    static: bool = False,
    padding=None,
) -> TorqueResult:
    """Torque τ = τ^(0) + τ^(1) of eqs. (42)-(48) on a texture, corrected.

    The kernels H̃1, χ̃1 (χ̃_L, χ̃_T), χ̃2 of :mod:`spinlib.response` act on the
    gauge field A(x') by FFT convolution; the frame vectors are taken at x
    (eqs. 40, 41, 45, 46).  Physical sign τ = Δ e_s × s (module docstring).

    Parameters
    ----------
    texture : (theta, phi) or array_like, shape (*grid, 3)
        The texture on a 1D-3D ``ij`` grid (>= 3 points per axis).
    spacing : float or sequence of float
        Grid spacing(s) > 0 in units of 1/k_F.
    zeta : float
        Polarisation 0 < ζ < 1.
    velocity : array_like, shape (3,)
        Drift velocity v of the electrons (units ħk_F/m); the current is
        -|e| n v, the spin current Φ_s = (n₊ - n₋) v.
    de_dt : array_like, shape (*grid, 3), optional
        ∂_t e_s for a moving texture (time part of (45)).
    tensor : {"exact", "isotropic"}
        Kernel tensor (exact, or the paper's angular average (B.3)).
    static : bool
        Include the static spatial-vertex part that (21) omits (default
        False, as the paper).
    padding : float or sequence of float, optional
        Zero-padding factor of the gauge field (default
        :data:`DEFAULT_PADDING`; 1 = periodic).

    Returns
    -------
    TorqueResult

    Raises
    ------
    ValueError
        Non-unit or non-finite texture, wrong shapes, ζ outside (0, 1),
        velocity not a 3-vector, padding < 1, unknown ``tensor``.

    Examples
    --------
    A wide Bloch wall (k_F λ = 8, ζ = 0.5): the non-local torque is a small
    correction, (χ̃_L - 1) ≈ c_L q̃² (:func:`spinlib.response.small_q_coefficient`),
    of relative size c_L/(4(k_F λ)²) (:func:`wall_inplane_torque_asymptote`):

    >>> from spinlib.textures import make_grid, domain_wall_angles
    >>> from spinlib.response import small_q_coefficient
    >>> (x,) = make_grid(1601, 0.25)
    >>> res = torque(domain_wall_angles(x, 8.0), 0.25, 0.5, velocity=[1.0, 0, 0])
    >>> ratio = np.abs(res.nonlocal_).max() / np.abs(res.adiabatic).max()
    >>> c_l = small_q_coefficient("chi1_longitudinal", 0.5)
    >>> bool(abs(ratio / (c_l / (4 * 8.0**2)) - 1) < 0.1)
    True
    """
    tex = prepare_texture(texture, spacing, de_dt, periodic=_periodic_axes(texture, padding))
    dens = rotated_spin_density(
        None, None, zeta, velocity=velocity, tensor=tensor, static=static,
        padding=padding, _tex=tex,
    )  # fmt: skip
    parts = {
        name: torque_from_rotated_density(sp_, sq_, tex, zeta)
        for name, (sp_, sq_) in dens.parts.items()
    }
    total = torque_from_rotated_density(*dens.total, tex, zeta)
    s = float(spin_density_s(zeta))
    adiabatic = _adiabatic(tex, _check_velocity(velocity), s)
    s_par, s_prp = dens.total
    spin = lab_from_parallel_perp(s_par, s_prp, 2 * s, tex.theta, tex.phi)  # eq. (17)
    return TorqueResult(total, adiabatic, total - adiabatic, parts, s_par, s_prp, spin, tex, dens)


def nonlocal_torque(texture, spacing, zeta, **kwargs) -> np.ndarray:
    """Non-local torque τ_nl = τ - τ_ad of eq. (48); keywords as :func:`torque`.

    Returns
    -------
    numpy.ndarray, shape (*grid, 3)
    """
    return torque(texture, spacing, zeta, **kwargs).nonlocal_


def llg_rhs(
    texture,
    spacing,
    zeta,
    *,
    local_spin_density,
    velocity=(0.0, 0.0, 0.0),
    alpha: float = 0.0,
    beta: float = 0.0,
    effective_field=None,
    nonlocal_: bool = True,
    tensor: str = "exact",
    static: bool = False,
    padding=None,
    time_iterations: int = 1,
) -> np.ndarray:
    """∂_t e_s from the Landau-Lifshitz-Gilbert equation (51)-(52), corrected.

    Solves, per volume (physical sign, module docstring),

        n_S ∂_t e = τ_ad[∂_t e] + τ_nl[∂_t e] - α n_S e × ∂_t e + τ_β + n_S e × h,

    τ_ad = -s(∂_t + v·∇)e, τ_β = Δ e × s_sf = -β n_S e × (u·∇)e with the
    spin density s_sf of eq. (84) (:func:`spinlib.relaxation.torque_sf`),
    u = s v/n_S.  The local part is solved exactly,
    (n_S + s) ė + α n_S e × ė = R: ė = (a R - b e × R)/(a² + b²) with
    a = n_S + s, b = α n_S (R ⊥ e).  The non-local time part of τ_nl
    (H̃1 - 1 acting on A_0[ė]) is included by ``time_iterations`` fixed-point
    iterations (0: neglected); the current part is exact.

    Parameters
    ----------
    texture : (theta, phi) or array_like, shape (*grid, 3)
    spacing : float or sequence of float
    zeta : float
    local_spin_density : float
        n_S = S/a³ > 0 (units k_F³).
    velocity : array_like, shape (3,)
        Electron drift velocity v.
    alpha : float
        Gilbert damping α = α_0 + α_sf >= 0.
    beta : float
        β_sf of eq. (83) (:func:`spinlib.relaxation.beta_sf`).
    effective_field : array_like, shape (*grid, 3), optional
        h (frequency units) of the energy -n_S ∫ h·e_s.
    nonlocal_ : bool
        Include τ_nl (default True); False gives the local LLG with
        spin-transfer and β torques.
    tensor, static, padding
        As in :func:`torque`.
    time_iterations : int >= 0

    Returns
    -------
    numpy.ndarray, shape (*grid, 3)
        ∂_t e_s (perpendicular to e_s).

    Examples
    --------
    Without damping and fields, a wall is carried rigidly along the electron
    flow at w = s v/(n_S + s):

    >>> from spinlib.textures import make_grid, domain_wall_field, field_gradient
    >>> (x,) = make_grid(401, 0.1)
    >>> e = domain_wall_field((x,), 2.0)
    >>> de = llg_rhs(e, 0.1, 0.5, local_spin_density=0.1, velocity=[1.0, 0, 0], nonlocal_=False)
    >>> s = 0.5 * 3.25 / (6 * np.pi**2)
    >>> bool(np.allclose(de, -s / (0.1 + s) * field_gradient(e, 0.1)[0], atol=1e-4))
    True
    """
    tex = prepare_texture(texture, spacing, periodic=_periodic_axes(texture, padding))
    z = float(check_zeta(zeta))
    n_spin = float(check_positive(local_spin_density, "local_spin_density"))
    v = _check_velocity(velocity)
    alpha = float(check_nonnegative(alpha, "alpha"))
    beta = float(as_finite_array(beta, "beta"))
    if isinstance(time_iterations, bool) or not isinstance(time_iterations, (int, np.integer)) or (
        time_iterations < 0
    ):
        raise ValueError(f"time_iterations must be an integer >= 0; got {time_iterations!r}")
    s = float(spin_density_s(z))
    e = tex.e
    rhs = -s * np.tensordot(v[: tex.ndim], tex.grad, axes=(0, 0))
    if beta != 0.0:
        u = s * v / n_spin
        rhs = rhs + torque_sf(
            e, tex.spacing, alpha=0.0, beta=beta, drift_velocity=u, local_spin_density=n_spin
        )  # = Δ e × s_sf of eq. (84)
    if effective_field is not None:
        h = as_finite_array(effective_field, "effective_field")
        if h.shape != e.shape:
            raise ValueError(f"effective_field must have the shape of the texture {e.shape}; got {h.shape}")
        rhs = rhs + n_spin * np.cross(e, h)
    if nonlocal_:
        rhs = rhs + torque(
            e, tex.spacing, z, velocity=v, tensor=tensor, static=static, padding=padding
        ).nonlocal_
    a, b = n_spin + s, alpha * n_spin

    def solve(r):
        r = r - e * np.sum(r * e, axis=-1, keepdims=True)
        return (a * r - b * np.cross(e, r)) / (a * a + b * b)

    de_dt = solve(rhs)
    if nonlocal_:
        for _ in range(int(time_iterations)):
            extra = torque(
                e, tex.spacing, z, de_dt=de_dt, tensor=tensor, padding=padding
            )  # velocity 0: the time part only
            de_dt = solve(rhs + extra.nonlocal_)
    return de_dt


# --------------------------------------------------------------------------
# wide tanh walls: the approach to the adiabatic limit
# --------------------------------------------------------------------------
def _wall_arguments(x, width):
    x = as_finite_array(x, "x")
    lam = float(check_positive(width, "width"))
    return x, lam


def wall_inplane_torque_asymptote(x, width, zeta, *, velocity=0.0, wall_velocity=0.0) -> np.ndarray:
    """In-plane non-local torque e_θ·τ_nl of a wide tanh wall, to leading order in 1/(k_F λ)².

    For a tanh wall θ = 2 arctan e^{x/λ} of fixed φ (Bloch or Néel) with the
    electrons drifting at v across it and the wall moving rigidly at w
    (∂_t e_s = -w ∂_x e_s, so A_0 = -w A_x), A^∥ = 0, the frame is uniform and
    A^⊥_x = 1/(2λ cosh ξ), ξ = x/λ; the kernels of the module docstring give

        e_θ·τ_nl = -2s [v (χ̃_L - 1) - w (H̃1 - 1)] ⋆ A^⊥ .

    With K̃ = 1 + c_K q̃² + O(q̃⁴) (:func:`spinlib.response.small_q_coefficient`,
    q̃ = q/2k_F), (K̃ - 1) ⋆ f ≈ -(c_K/4) ∂_x² f, hence

        e_θ·τ_nl ≈ (s/4λ³)(c_L v - c_H w)(sech ξ - 2 sech³ ξ),

    i.e. c_L/(4(k_F λ)²) of the adiabatic torque s v/λ at the centre for a
    current.  The remainder (the q̃⁴ terms) is O(λ⁻⁵); the out-of-plane
    (Stoner-window) part is exponentially small
    (:func:`wall_stoner_torque_asymptote`).  Checked against the FFT torque
    in ``tests/test_torque_physics.py``.

    Parameters
    ----------
    x : array_like
        Positions (units 1/k_F), wall centre at 0.
    width : float
        k_F λ > 0.
    zeta : float
        0 < ζ < 1.
    velocity : float
        Electron drift velocity v along the wall normal (units ħk_F/m).
    wall_velocity : float
        Velocity w of the rigidly moving wall.

    Returns
    -------
    numpy.ndarray
        e_θ·τ_nl (units ħk_F⁴/m), shape of ``x``.

    Examples
    --------
    At the centre, relative to the adiabatic torque s v/λ:

    >>> from spinlib.electron_gas import spin_density_s
    >>> from spinlib.response import small_q_coefficient
    >>> t = wall_inplane_torque_asymptote(0.0, 10.0, 0.5, velocity=1.0)
    >>> c_l = small_q_coefficient("chi1_longitudinal", 0.5)
    >>> bool(np.isclose(t / (spin_density_s(0.5) / 10.0), -c_l / (4 * 10.0**2)))
    True
    """
    x, lam = _wall_arguments(x, width)
    z = float(check_zeta(zeta))
    v = float(as_finite_array(velocity, "velocity"))
    w = float(as_finite_array(wall_velocity, "wall_velocity"))
    c_l = float(small_q_coefficient("chi1_longitudinal", z))
    c_h = float(small_q_coefficient("h1", z))
    sech = 1.0 / np.cosh(x / lam)
    out = float(spin_density_s(z)) / (4 * lam**3) * (c_l * v - c_h * w) * (sech - 2 * sech**3)
    return float(out) if out.ndim == 0 else out


class WallStonerAsymptote(NamedTuple):
    """Out-of-plane (Stoner-window) non-local torque of a tanh wall, asymptotically.

    Attributes
    ----------
    centre : float
        e_φ·τ_nl at the wall centre.
    tail : numpy.ndarray
        The far-field form of e_φ·τ_nl at the requested positions.
    envelope : numpy.ndarray
        Its envelope (the modulus of the complex form).
    """

    centre: float
    tail: np.ndarray
    envelope: np.ndarray


def wall_stoner_torque_asymptote(x, width, zeta, velocity=1.0) -> WallStonerAsymptote:
    """Out-of-plane non-local torque e_φ·τ_nl of a tanh wall from the Stoner window (χ̃2).

    With the electrons drifting at v across a tanh wall of fixed φ,
    e_φ·τ_nl = 6 n v [χ̃2 ⋆ A^⊥] (module docstring: tensor 3χ̃2 q̂q̂,
    prefactor 2n/Δ times Δ), χ̃2(q/2) = -2A₂/q inside the window
    q₋ <= q <= q₊, q∓ = k_F+ ∓ k_F- (A₂ of :func:`spinlib.response.chi2_amplitude`),
    and A^⊥(q) = (π/2) sech(πqλ/2) ≈ π e^{-πqλ/2}
    (:func:`spinlib.gauge.tanh_wall_gauge_spectrum`).  Hence

    * at the centre, e_φ·τ_nl(0) ≈ -12 n v A₂ E₁(π q₋ λ/2) (E₁ the
      exponential integral, ≈ e^{-πζλ}/(πζλ) for q₋ = 2ζk_F), up to relative
      corrections e^{-π q₋ λ/2} (sech ≈ 2e^{-u}) and e^{-π q₊ λ/2} (upper edge);
    * far from it (|x| ≫ λ), where the lower window edge dominates,
      e_φ·τ_nl ≈ -(12 n v A₂/q₋) e^{-π q₋ λ/2} Re[e^{i q₋ x}/(πλ/2 - i x)]:
      an oscillation at k_F+ - k_F- with the envelope
      (12 n v A₂/q₋) e^{-π q₋ λ/2}/√((πλ/2)² + x²), up to relative
      corrections O(1/(π ζ k_F λ)) (the variation of 1/q over the edge).

    Checked against the FFT torque in ``tests/test_torque_physics.py``.

    Parameters
    ----------
    x : array_like
        Positions (units 1/k_F) for the tail.
    width : float
        k_F λ > 0.
    zeta : float
        0 < ζ < 1.
    velocity : float
        Electron drift velocity v along the wall normal.

    Returns
    -------
    WallStonerAsymptote
        ``centre`` (float), ``tail`` and ``envelope`` (shape of ``x``), units
        ħk_F⁴/m.

    Examples
    --------
    >>> a = wall_stoner_torque_asymptote([0.0, 50.0], 4.0, 0.5)
    >>> bool(a.centre < 0 and a.envelope[1] < a.envelope[0])
    True
    """
    x, lam = _wall_arguments(x, width)
    z = float(check_zeta(zeta))
    v = float(as_finite_array(velocity, "velocity"))
    kp, km = (float(k) for k in fermi_wavevectors(z))
    q_lo = kp - km  # lower edge of the Stoner window
    pref = 12.0 * float(total_density(z)) * v * float(chi2_amplitude(z))
    centre = -pref * float(special.exp1(np.pi * q_lo * lam / 2))
    amp = pref / q_lo * np.exp(-np.pi * q_lo * lam / 2)
    form = np.exp(1j * q_lo * x) / (np.pi * lam / 2 - 1j * x)
    return WallStonerAsymptote(centre, -amp * np.real(form), amp * np.abs(form))
