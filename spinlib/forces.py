"""Forces of the conduction electrons on a spin texture, eqs. (53)-(65), corrected.

Units and conventions
---------------------
As in :mod:`spinlib.torque`: ħ = m = k_F = 1, Δ = ζ, lengths in 1/k_F, the
current as the electron drift velocity v (units ħk_F/m; particle fluxes
Φ_s = 2 s v, Φ = n v, s = (n₊ - n₋)/2, n = n₊ + n₋), spin densities in the
Pauli normalisation of eq. (5).  A force is the integral of a force density
over the grid: per unit cross-section for a 1D grid (a wall), per unit
thickness for a 2D grid (a film), total for a 3D grid; components along axes
the grid lacks vanish (the texture is uniform there).  Integrals use the
trapezoidal rule over the grid's extent (:func:`spinlib.grids.grid_integral`),
gradients second-order differences.

Forces do not depend on the sign convention of the torque: they follow from
the energy, F_j = -δH_ex/δX_j, with the physical spin density s.

What is here
------------
* :func:`force_from_spin_density`, eq. (53): F_j = -Δ ∫ ∂_j e_s · s.
* :func:`force_from_rotated_density`, eq. (54): F = 2Δ ∫ (s̃_∥ A^⊥ - s̃_⊥ A^∥).
  (54) follows from (53) with (1/S)∇S = e_θ∇θ + e_φ sinθ∇φ and dot products
  only; the cross products printed after (53) (e_s × e_θ = -e_φ,
  e_s × e_φ = e_θ, both wrong for the right-handed frame, EQUATIONS.md T53b)
  are not needed, so (54) is correct as printed.
* :func:`force_from_torque`: F_j = -∫ (e_s × ∂_j e_s)·τ, exact for any s
  (τ = Δ e_s × s): the force is the momentum carried by the torque; its
  integrand is :func:`force_density_from_torque`.  With
  τ = τ_ad + τ_nl, the adiabatic part gives the topological force and the
  non-local part the rest; for a 1D wall F = -∫(e_s × ∂_x e_s)·τ_nl exactly,
  the paper's claim that "the non-local torque sums up to a force".
* :func:`current_induced_force`: all of it for a texture on a grid, split
  into the contributions of :mod:`spinlib.torque` ("chi1", "chi2", "time",
  "static").  The χ2 (Stoner-window) part is the reflection force F^na of
  (55)-(56); the adiabatic limit of the χ1 part is F^ad of (59)-(62).
* :func:`topological_force`: F^ad_j = -2π Σ_i Φ_s,i Φ_ij = -4π s Σ_i v_i Φ_ij,
  eq. (62) with the **opposite sign** to the print (with j_s/e = Φ_s, e the
  negative electron charge); Φ_ij from :mod:`spinlib.topology`.  For a film
  F^ad = -4π s Q e_z × v, the Magnus force n_S G × u of the Thiele equation
  of :mod:`spinlib.thiele` (G = 4π Q_m for m = -e_s, u = s v/n_S), and the
  j × g term of (87) with its printed sign.
* :func:`reflection_force_golden_rule`: the momentum transfer rate of
  first-order (Born, vertex of eq. 12) spin-flip scattering by a 1D
  texture, computed independently of the response kernels,

      F/A = (2Δ²/π²) v_x ∫_{k_F+ - k_F-}^{k_F+ + k_F-} dq/q (|A_x^x(q)|² + |A_x^y(q)|²),

  and :func:`reflection_force_tanh_wall`, its value for the tanh wall,
  F/A = (2Δ²/π²) v ∫ |A^⊥(q)|² dq/q over the same window, with A^⊥(q) =
  (π/2) sech(πqλ/2) (:func:`spinlib.gauge.tanh_wall_window_integral`),
  i.e. (ζ²/2) v ∫_{2ζ}^{2} sech²(πqλ/2) dq/q.  It equals the χ2 part of
  (53) with the exact tensor 3χ̃2 q̂q̂ and the corrected prefactor (tests);
  the paper's isotropic χ̃2 δ_ij gives one third of it.  The force points
  along the electron flow.
* :func:`reflection_force_printed_eq56`: (56) *as printed*, evaluated
  literally on a 1D texture (the δδ k-sum (75) from
  :func:`spinlib.resistivity.spin_flip_phase_space`, the products
  A^±(q)A^∓(-q) of the grid's gauge field): it has the magnitude of (58)
  but points *against* the electron flow - the sign erratum of (56)
  (``tests/test_forces.py::test_eq56_printed_sign_is_opposite_to_eq58``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy import special

from ._validation import as_finite_array, check_choice, check_positive, check_zeta
from .electron_gas import exchange_splitting, fermi_wavevectors, spin_density_s
from .gauge import tanh_wall_window_integral
from .grids import grid_integral, make_grid
from .resistivity import spin_flip_phase_space
from .topology import topological_charge, vortex_number_tensor
from .torque import Texture, TorqueResult, prepare_texture, torque

__all__ = [
    "ForceResult",
    "current_induced_force",
    "force_from_rotated_density",
    "force_density_from_torque",
    "force_from_spin_density",
    "force_from_torque",
    "reflection_force_golden_rule",
    "reflection_force_printed_eq56",
    "reflection_force_tanh_wall",
    "topological_force",
]


def _tex(texture, spacing) -> Texture:
    return texture if isinstance(texture, Texture) else prepare_texture(texture, spacing)


def _check_field(value, tex: Texture, name: str) -> np.ndarray:
    arr = as_finite_array(value, name)
    if arr.shape != tex.e.shape:
        raise ValueError(f"{name} must have the shape of the texture {tex.e.shape}; got {arr.shape}")
    return arr


def _transverse_gradient(tex: Texture) -> np.ndarray:
    """∂_j e_s with its O(h²) component along e_s removed (zero analytically)."""
    grad = tex.grad
    return grad - tex.e * np.sum(grad * tex.e, axis=-1, keepdims=True)


def _vector(components: list[float]) -> np.ndarray:
    out = np.zeros(3)
    out[: len(components)] = components
    return out


def force_from_spin_density(texture, spin_density, spacing, zeta) -> np.ndarray:
    """Force F_j = -δH_ex/δX_j = -Δ ∫ ∂_j e_s · s, eq. (53).

    Parameters
    ----------
    texture : (theta, phi), array_like of shape (*grid, 3), or Texture
    spin_density : array_like, shape (*grid, 3)
        Electron spin density s = ⟨c†σc⟩ (lab frame).
    spacing : float or sequence of float
    zeta : float

    Returns
    -------
    numpy.ndarray, shape (3,)

    Examples
    --------
    A spin density along e_s exerts no force (∂_j e_s ⊥ e_s):

    >>> from spinlib.textures import make_grid, domain_wall_field
    >>> (x,) = make_grid(201, 0.1)
    >>> e = domain_wall_field((x,), 1.0)
    >>> bool(np.abs(force_from_spin_density(e, 0.3 * e, 0.1, 0.5)).max() < 1e-15)
    True
    """
    tex = _tex(texture, spacing)
    s = _check_field(spin_density, tex, "spin_density")
    delta = float(exchange_splitting(check_zeta(zeta)))
    grad = _transverse_gradient(tex)
    return _vector(
        [-delta * grid_integral(np.sum(g * s, axis=-1), tex.spacing) for g in grad]
    )


def force_from_rotated_density(texture, s_parallel, s_perp, spacing, zeta) -> np.ndarray:
    """Force F = 2Δ ∫ (s̃_∥ A^⊥ - s̃_⊥ A^∥), eq. (54) (correct as printed).

    A^⊥_j = e_φ·A_j = ½∂_jθ and A^∥_j = e_sφ·A_j = -½ sinθ ∂_jφ are the
    projections of the gauge field at the same point.

    Parameters
    ----------
    texture : (theta, phi), array_like of shape (*grid, 3), or Texture
    s_parallel, s_perp : array_like, shape grid
        Rotated-frame densities of eq. (18).
    spacing : float or sequence of float
    zeta : float

    Returns
    -------
    numpy.ndarray, shape (3,)
    """
    tex = _tex(texture, spacing)
    delta = float(exchange_splitting(check_zeta(zeta)))
    s_par = as_finite_array(s_parallel, "s_parallel")
    s_prp = as_finite_array(s_perp, "s_perp")
    if s_par.shape != tex.shape or s_prp.shape != tex.shape:
        raise ValueError(
            f"s_parallel and s_perp must have the grid shape {tex.shape}; "
            f"got {s_par.shape}, {s_prp.shape}"
        )
    out = []
    for a_j in tex.A:
        a_par, a_perp = tex.project(a_j)
        out.append(2 * delta * grid_integral(s_par * a_perp - s_prp * a_par, tex.spacing))
    return _vector(out)


def force_density_from_torque(texture, torque_density, spacing) -> np.ndarray:
    """Force density f_j = -(e_s × ∂_j e_s)·τ of a torque density, the integrand of :func:`force_from_torque`.

    Parameters
    ----------
    texture : (theta, phi), array_like of shape (*grid, 3), or Texture
    torque_density : array_like, shape (*grid, 3)
    spacing : float or sequence of float

    Returns
    -------
    numpy.ndarray, shape (ndim, *grid)
        ``out[j]`` = f_j on the grid (units: torque per volume per length).

    Examples
    --------
    The adiabatic torque -s v ∂_x e_s of a wall exerts no force, point by point:

    >>> from spinlib.textures import make_grid, domain_wall_field, field_gradient
    >>> (x,) = make_grid(201, 0.1)
    >>> e = domain_wall_field((x,), 1.0)
    >>> f = force_density_from_torque(e, -0.02 * field_gradient(e, 0.1)[0], 0.1)
    >>> f.shape, bool(np.abs(f).max() < 1e-15)
    ((1, 201), True)
    """
    tex = _tex(texture, spacing)
    tau = _check_field(torque_density, tex, "torque_density")
    grad = _transverse_gradient(tex)
    return -np.sum(np.cross(tex.e, grad) * tau, axis=-1)


def force_from_torque(texture, torque_density, spacing) -> np.ndarray:
    """Force from a torque density: F_j = -∫ (e_s × ∂_j e_s)·τ.

    Exact for τ = Δ e_s × s (physical sign, :mod:`spinlib.torque`):
    (e × ∂_j e)·(e × s) = ∂_j e·s, so this is eq. (53).  It is the
    angular-momentum form of the momentum transfer: a torque that would
    rotate the spins as a rigid translation of the texture is a force.
    The integral of :func:`force_density_from_torque` (trapezoidal rule,
    :func:`spinlib.grids.grid_integral`).

    Parameters
    ----------
    texture : (theta, phi), array_like of shape (*grid, 3), or Texture
    torque_density : array_like, shape (*grid, 3)
    spacing : float or sequence of float

    Returns
    -------
    numpy.ndarray, shape (3,)

    Examples
    --------
    The adiabatic torque -s v ∂_x e_s exerts no force on a wall:

    >>> from spinlib.textures import make_grid, domain_wall_field, field_gradient
    >>> (x,) = make_grid(201, 0.1)
    >>> e = domain_wall_field((x,), 1.0)
    >>> F = force_from_torque(e, -0.02 * field_gradient(e, 0.1)[0], 0.1)
    >>> bool(np.abs(F).max() < 1e-15)
    True
    """
    tex = _tex(texture, spacing)
    density = force_density_from_torque(tex, torque_density, None)
    return _vector([grid_integral(f_j, tex.spacing) for f_j in density])


@dataclass(frozen=True)
class ForceResult:
    """Current-induced force on a texture and its parts.

    Attributes
    ----------
    total : numpy.ndarray, shape (3,)
        (53) of the full linear-response spin density.
    parts : dict of str -> numpy.ndarray
        (54) of each contribution ("chi1", "chi2", "time", "static");
        ``parts["chi2"]`` is the reflection force F^na.
    adiabatic : numpy.ndarray, shape (3,)
        Force of the adiabatic torque τ_ad (:func:`force_from_torque`): the
        topological force F^ad (plus the gyrotropic force of the electron
        spin if the texture moves).
    nonlocal_ : numpy.ndarray, shape (3,)
        Force of τ_nl; ``total = adiabatic + nonlocal_``.
    torque : TorqueResult
    """

    total: np.ndarray
    parts: dict
    adiabatic: np.ndarray
    nonlocal_: np.ndarray
    torque: TorqueResult = field(repr=False)

    @property
    def reflection(self) -> np.ndarray:
        """The Stoner-window (χ2) part, the reflection force F^na of (55)-(56)."""
        return self.parts.get("chi2", np.zeros(3))


def current_induced_force(
    texture,
    spacing,
    zeta,
    *,
    velocity=(0.0, 0.0, 0.0),
    de_dt=None,
    tensor: str = "exact",
    static: bool = False,
    padding=None,
) -> ForceResult:
    """Force of the current-carrying electrons on a texture, eqs. (53)-(62).

    The spin density of :func:`spinlib.torque.torque` (kernels convolved with
    the gauge field) inserted in (53)/(54); keywords as there.

    Returns
    -------
    ForceResult

    Examples
    --------
    A narrow Bloch wall (k_F λ = 1, ζ = 0.5): only the reflection force, along
    the electron flow, equal to the golden-rule momentum transfer:

    >>> from spinlib.textures import make_grid, domain_wall_angles
    >>> (x,) = make_grid(2401, 0.025)
    >>> F = current_induced_force(domain_wall_angles(x, 1.0), 0.025, 0.5, velocity=[1.0, 0, 0])
    >>> F_gr = reflection_force_tanh_wall(1.0, 0.5, [1.0, 0, 0])
    >>> bool(F.total[0] > 0 and abs(F.total[0] / F_gr[0] - 1) < 1e-3)   # O(h²) = 6e-4
    True
    """
    res = torque(
        texture, spacing, zeta, velocity=velocity, de_dt=de_dt, tensor=tensor,
        static=static, padding=padding,
    )  # fmt: skip
    tex = res.texture
    parts = {
        name: force_from_rotated_density(tex, sp_, sq_, None, zeta)
        for name, (sp_, sq_) in res.rotated.parts.items()
    }
    total = force_from_spin_density(tex, res.spin_density, None, zeta)
    adiabatic = force_from_torque(tex, res.adiabatic, None)
    return ForceResult(total, parts, adiabatic, force_from_torque(tex, res.nonlocal_, None), res)


def topological_force(texture, spacing, zeta, velocity, method: str = "lattice") -> np.ndarray:
    """Topological (adiabatic) force F^ad_j = -4π s Σ_i v_i Φ_ij, eq. (62) corrected.

    F^ad_j = -2π Σ_i Φ_s,i Φ_ij with the spin flux Φ_s = 2 s v: the printed
    (62), 2π Σ_i (j_si/e) Φ_ij with j_s/e = Φ_s, has the opposite sign.  It
    follows from (53) with the adiabatic spin density (:func:`force_from_torque`
    of τ_ad) and equals the j × g term of (87) and the Magnus force of the
    Thiele equation (tests).  Φ_ij (63) from :mod:`spinlib.topology`: on a 2D
    grid (per unit thickness) Φ_xy = -Φ_yx = Q, eq. (64)-(65); on a 3D grid
    :func:`spinlib.topology.vortex_number_tensor`; a 1D texture has none.

    Parameters
    ----------
    texture : (theta, phi), array_like of shape (*grid, 3), or Texture
    spacing : float or sequence of float
    zeta : float
    velocity : array_like, shape (3,)
        Electron drift velocity v.
    method : {"lattice", "finite_difference"}
        How Φ_ij is computed (:func:`spinlib.topology.topological_charge`).

    Returns
    -------
    numpy.ndarray, shape (3,)

    Examples
    --------
    A skyrmion (Q = +1, core up) with the electrons drifting along +x is
    pushed along -y: F = -4π s Q e_z × v:

    >>> from spinlib.textures import make_grid, skyrmion_angles
    >>> X, Y = make_grid((81, 81), 0.25)
    >>> tex = skyrmion_angles(X, Y, radius=3.0, wall_width=1.0, polarity=1)
    >>> F = topological_force(tex, 0.25, 0.5, [1.0, 0.0, 0.0])
    >>> s = 0.5 * 3.25 / (6 * np.pi**2)
    >>> np.round(F / (4 * np.pi * s), 6) + 0.0
    array([ 0., -1.,  0.])
    """
    tex = _tex(texture, spacing)
    v = as_finite_array(velocity, "velocity")
    if v.shape != (3,):
        raise ValueError(f"velocity must be a 3-vector; got shape {v.shape}")
    check_choice(method, "method", ["lattice", "finite_difference"])
    s = float(spin_density_s(check_zeta(zeta)))
    phi = np.zeros((3, 3))
    if tex.ndim == 2:
        q = topological_charge(tex.e, tex.spacing, method=method)
        phi[0, 1], phi[1, 0] = q, -q
    elif tex.ndim == 3:
        phi = vortex_number_tensor(tex.e, tex.spacing, method=method)
    return -4 * np.pi * s * (v @ phi)


def _check_1d(tex: Texture, name: str = "texture") -> None:
    if tex.ndim != 1:
        raise ValueError(f"{name} must be a 1D texture (a wall along x); got {tex.ndim} grid axes")


def _golden_rule_prefactor(zeta: float) -> float:
    """2Δ²/π²: F/A = (2Δ²/π²) v ∫ dq/q |A(q)|² over the Stoner window (derivation below)."""
    return 2.0 * float(exchange_splitting(zeta)) ** 2 / np.pi**2


def _stoner_window(zeta: float) -> tuple[float, float]:
    """(k_F+ - k_F-, k_F+ + k_F-): momentum transfers of spin flips at the Fermi level, eq. (39)."""
    kp, km = (float(k) for k in fermi_wavevectors(zeta))
    return kp - km, kp + km


def _gauge_spectrum_1d(tex: Texture, q: np.ndarray) -> np.ndarray:
    """a^a(q) = ∫ dx e^{-iqx} A_x^a(x), a = x, y, of a 1D texture, shape (len(q), 2).

    Trapezoidal rule on the grid (:func:`spinlib.grids.grid_integral`),
    spectrally accurate for a gauge field that decays inside the grid."""
    (h,) = tex.spacing
    (x,) = make_grid(tex.shape[0], h)
    out = np.empty((q.size, 2), dtype=complex)
    for n, qn in enumerate(q):
        c, s_ = np.cos(qn * x), np.sin(qn * x)
        for a, comp in enumerate(tex.A[0]):
            out[n, a] = grid_integral(c * comp, h) - 1j * grid_integral(s_ * comp, h)
    return out


def _check_velocity_and_nodes(velocity, nodes) -> np.ndarray:
    v = as_finite_array(velocity, "velocity")
    if v.shape != (3,):
        raise ValueError(f"velocity must be a 3-vector; got shape {v.shape}")
    if isinstance(nodes, bool) or not isinstance(nodes, (int, np.integer)) or nodes < 8:
        raise ValueError(f"nodes must be an integer >= 8; got {nodes!r}")
    return v


def reflection_force_golden_rule(texture, spacing, zeta, velocity, *, nodes: int = 400) -> np.ndarray:
    """Reflection force on a 1D texture as the golden-rule momentum transfer (56)-(58).

    Independent of the response kernels: first-order spin-flip transitions
    k,σ → k+q,-σ by the vertex (k + q/2)·A^{∓σ}(-q) of eq. (12), on shell
    (k + q/2)·q̂ = -2σΔ/q, between Fermi spheres shifted by the drift v,
    give the momentum transfer rate (per unit area of the wall)

        F_x = (2Δ²/π²) v_x ∫_{k_F+ - k_F-}^{k_F+ + k_F-} dq/q (|a^x(q)|² + |a^y(q)|²),

    a^a(q) = ∫ dx e^{-iqx} A_x^a(x) (the Fourier transform of the Cartesian
    gauge field, computed here by the trapezoidal rule on the grid, which is
    spectrally accurate for a field that decays inside the grid).  (57) with
    (75) gives the same, ρ_S = F/(e² n² v), i.e. (58) F = e N_e ρ_S j with e
    the electron charge; (56) as printed has the opposite sign
    (:func:`reflection_force_printed_eq56`).

    Parameters
    ----------
    texture : (theta, phi), array_like of shape (N, 3), or Texture
        A 1D texture; its gauge field must vanish at both ends of the grid.
    spacing : float
    zeta : float
    velocity : array_like, shape (3,)
        Electron drift velocity v; only v_x acts.
    nodes : int
        Gauss-Legendre nodes on the window (the integrand is smooth there).

    Returns
    -------
    numpy.ndarray, shape (3,)
        (F_x, 0, 0), along the electron flow.

    Examples
    --------
    On a grid of spacing h the finite-difference gauge field lowers the
    spectrum by (sin qh/qh)², here ≈ (qh)²/3 ≈ 6e-4 at q ~ 2k_F:

    >>> from spinlib.textures import make_grid, domain_wall_angles
    >>> (x,) = make_grid(2401, 0.025)
    >>> F = reflection_force_golden_rule(domain_wall_angles(x, 1.0), 0.025, 0.5, [1.0, 0, 0])
    >>> bool(abs(F[0] / reflection_force_tanh_wall(1.0, 0.5, [1.0, 0, 0])[0] - 1) < 1e-3)
    True
    """
    tex = _tex(texture, spacing)
    _check_1d(tex)
    z = float(check_zeta(zeta))
    v = _check_velocity_and_nodes(velocity, nodes)
    lo, hi = _stoner_window(z)
    t, w = special.roots_legendre(int(nodes))
    q = lo + (hi - lo) * (t + 1) / 2
    w = w * (hi - lo) / 2
    power = np.sum(np.abs(_gauge_spectrum_1d(tex, q)) ** 2, axis=1)
    value = _golden_rule_prefactor(z) * float(np.sum(w * power / q))
    return np.array([value * v[0], 0.0, 0.0])


def reflection_force_printed_eq56(texture, spacing, zeta, velocity, *, nodes: int = 200) -> np.ndarray:
    """The reflection force (56) *exactly as printed*, evaluated on a 1D texture - WRONG sign.

        F_j^(na) = -Σ_± Σ_{k,q} Σ_i (4π e E_i τ Δ²/mV) δ(ε_k±) δ(ε_{k+q} - ε_k ± 2Δ) A_i^±(q) A_j^∓(-q)

    evaluated literally: e E_i τ/m = v_i (the drift velocity of carriers of
    charge e, whatever the sign of e); the δδ k-sum (1/V) Σ_k δ(ε_k±)
    δ(ε_{k+q,∓} - ε_k±) of (75), :func:`spinlib.resistivity.spin_flip_phase_space`
    (verified there against the broadened double δ; zero outside the Stoner
    window); A^± = A^x ± iA^y with a^a(q) = ∫ dx e^{-iqx} A_x^a(x) of the
    grid's gauge field (trapezoidal rule), and for a 1D texture
    (1/V) Σ_q → ∫ dq/2π over all q per unit area (the Parseval pairing of
    A(q) with A(-q)).  Gauss-Legendre quadrature on [0, k_F+ - k_F-] and on
    the window [k_F+ - k_F-, k_F+ + k_F-], the support of (75).

    Kept, like ``spinlib.response._paper_printed_chi1_tilde``, only to exhibit
    the erratum: the result has the magnitude of (58) and of the golden rule
    (:func:`reflection_force_golden_rule`) but points *against* the electron
    flow, whereas the force (53) of the linear-response spin density (the FFT
    route of :func:`current_induced_force`) points along it.  Use
    :func:`reflection_force_golden_rule`.

    Parameters
    ----------
    texture : (theta, phi), array_like of shape (N, 3), or Texture
        A 1D texture whose gauge field vanishes at both ends of the grid.
    spacing : float
    zeta : float
    velocity : array_like, shape (3,)
        Drift velocity v = eEτ/m; only v_x acts on a 1D texture.
    nodes : int
        Gauss-Legendre nodes per interval.

    Returns
    -------
    numpy.ndarray, shape (3,)
        (F_x, 0, 0) per unit area, as printed.

    Examples
    --------
    >>> from spinlib.textures import make_grid, domain_wall_angles
    >>> (x,) = make_grid(801, 0.05)
    >>> wall = domain_wall_angles(x, 1.0)
    >>> printed = reflection_force_printed_eq56(wall, 0.05, 0.5, [1.0, 0, 0])[0]
    >>> golden = reflection_force_golden_rule(wall, 0.05, 0.5, [1.0, 0, 0])[0]
    >>> bool(printed < 0 < golden and abs(printed / golden + 1) < 1e-8)
    True
    """
    tex = _tex(texture, spacing)
    _check_1d(tex)
    z = float(check_zeta(zeta))
    v = _check_velocity_and_nodes(velocity, nodes)
    delta = float(exchange_splitting(z))
    t, w = special.roots_legendre(int(nodes))
    edges = (0.0, *_stoner_window(z))
    q = np.concatenate([a + (b - a) * (t + 1) / 2 for a, b in zip(edges[:-1], edges[1:])])
    wq = np.concatenate([w * (b - a) / 2 for a, b in zip(edges[:-1], edges[1:])])
    a_pos, a_neg = _gauge_spectrum_1d(tex, q), _gauge_spectrum_1d(tex, -q)  # a(q), a(-q)
    plus = {+1: a_pos[:, 0] + 1j * a_pos[:, 1], -1: a_pos[:, 0] - 1j * a_pos[:, 1]}  # A^±(q)
    minus = {+1: a_neg[:, 0] + 1j * a_neg[:, 1], -1: a_neg[:, 0] - 1j * a_neg[:, 1]}  # A^±(-q)
    total = 0.0 + 0.0j
    kernel = np.asarray(spin_flip_phase_space(q, z))  # the same for both bands σ, eq. (75)
    for sigma in (1, -1):
        # Σ_q over q > 0 and q < 0: A^σ(q) A^-σ(-q) + A^σ(-q) A^-σ(q)
        pair = plus[sigma] * minus[-sigma] + minus[sigma] * plus[-sigma]
        total += np.sum(wq * kernel * pair) / (2 * np.pi)
    # the imaginary part vanishes identically for a real gauge field
    value = -4 * np.pi * delta**2 * v[0] * float(total.real)
    return np.array([value, 0.0, 0.0])


def reflection_force_tanh_wall(width, zeta, velocity, cross_section=1.0, tensor: str = "exact"):
    """Reflection force on a tanh wall, eqs. (56)-(58) evaluated (corrected).

    F = (2Δ²/π²) v_x A ∫ |A^⊥(q)|² dq/q over the Stoner window
    k_F+ - k_F- <= q <= k_F+ + k_F- (units k_F = 1): the golden rule of
    :func:`reflection_force_golden_rule` with the analytic spectrum
    A^⊥(q) = (π/2) sech(πqλ/2) of the tanh wall
    (:func:`spinlib.gauge.tanh_wall_window_integral`), i.e.
    (ζ²/2) v A ∫_{2ζ}^{2} sech²(πqλ/2) dq/q.  For k_F λ ≫ 1 it is
    ≈ ζ² v A e^{-2πζλ}/(πζλ): exponentially small (adiabatic).
    ``tensor="isotropic"`` returns the value the paper's angular average
    (B.3) implies, one third of it.

    Parameters
    ----------
    width : float
        k_F λ > 0.
    zeta : float
    velocity : array_like, shape (3,)
        Electron drift velocity v; only v_x (across the wall) acts.
    cross_section : float
        Wall area A > 0 (default: per unit area).
    tensor : {"exact", "isotropic"}

    Returns
    -------
    numpy.ndarray, shape (3,)

    Examples
    --------
    >>> F = reflection_force_tanh_wall(1.0, 0.5, [1.0, 0, 0])
    >>> round(float(F[0]), 8)
    0.00507399
    """
    lam = float(check_positive(width, "width"))
    z = float(check_zeta(zeta))
    area = float(check_positive(cross_section, "cross_section"))
    check_choice(tensor, "tensor", ["exact", "isotropic"])
    v = as_finite_array(velocity, "velocity")
    if v.shape != (3,):
        raise ValueError(f"velocity must be a 3-vector; got shape {v.shape}")
    value = _golden_rule_prefactor(z) * float(tanh_wall_window_integral(lam, *_stoner_window(z))) * area
    if tensor == "isotropic":
        value /= 3.0
    return np.array([value * v[0], 0.0, 0.0])
