"""Spin relaxation by magnetic impurities: α_sf, β_sf, τ_sf and the forces, eqs. (79)-(87).

Units
-----
ħ = m = k_F = 1 as in :mod:`spinlib.electron_gas` (k_F± = 1 ± ζ, Δ = ζ,
ν± = k_F±/2π²).  Rates are energies (ħ = 1) in units of ħ²k_F²/m
(``ReducedUnits.energy`` of :mod:`spinlib.units`; divide by
``ReducedUnits.time`` for 1/s); the impurity density n_s is in k_F³ and the
coupling u_s of eq. (79), an energy × volume, in ħ²/(m k_F).
The texture functions work in any units in which ħ = 1 (lengths of the grid
spacing, velocities length/time).

Model (eqs. 79-80)
------------------
H_sf = u_s Σ_i S_i·(c†σc)(R_i): quenched impurity spins with
⟨S_i^a S_j^b⟩ = δ_ij δ_ab × (S_⊥² for a = x, y; S_z² for a = z) and no odd
moments; S_⊥² is the mean square of *one* transverse component.  The bands
σ = ± are the majority (spin along the local spin S, energy -Δ) and minority
bands of :mod:`spinlib.electron_gas`.

Rates (Born approximation, derived here; ``tests/test_relaxation.py``)
---------------------------------------------------------------------
* quasiparticle rate of band σ:  1/τ_σ = 2π n_s u_s² [S_z² ν_σ + 2 S_⊥² ν_{-σ}]
  (|⟨σ|S·σ|σ⟩|² = S_z², |⟨-σ|S·σ|σ⟩|² = S_x² + S_y² = 2 S_⊥²);
* its spin-flip part, the spin-flip time of band σ:
  1/τ_sf,σ = 4π n_s u_s² S_⊥² ν_{-σ};
* the transverse (torque-correlation) rate of band σ that governs α and β:
  1/τ_⊥σ = 4π n_s u_s² [S_z² ν_{-σ} + S_⊥² ν_σ] — the roles of S_z and S_⊥
  are exchanged: the torque [σ⁺, H_sf] = 2u_s(S⁺σ_z - S_z σ⁺) is intra-band
  for the transverse impurity spin and inter-band for S_z.

α_sf and β_sf (eqs. 82-83, corrected)
-------------------------------------
α_sf follows from the energy a precessing magnetisation loses to the
electrons (second-order golden rule, exchange field × impurity), and β_sf
from the momentum a static spiral receives from a current-carrying electron
gas through the same processes (the force (85)-(86)); both are computed
independently, with explicit 2 x 2 matrices and numerical angular
integrals, in ``tests/test_relaxation.py``.  The results are

    α_sf = (a³/S) π n_s u_s² [2 S_z² ν₊ν₋ + S_⊥² (ν₊² + ν₋²)]
         = (a³/4S) Σ_σ ν_σ /τ_⊥σ,
    β_sf = (π n_s u_s²/Δ) [(S_⊥² + S_z²)(ν₊ + ν₋) + (S_⊥² - S_z²)(ν₊ - ν₋)/P_j]
         = (1/2Δ) Σ_σ (σ j_σ/j_s)/τ_⊥σ,

P_j = (j₊ - j₋)/(j₊ + j₋) the current polarisation.  Errata:

* (82) as printed lacks the factor a³/S (it has the dimension of a density);
  the bracket is right.
* (83) holds only if its ν_± are read as ν↑ ± ν↓ (sum and difference of the
  band densities of states), not as the band DOS ν± used everywhere else in
  the paper.  With the band reading β_sf is half the Zhang-Li value
  ħ/(2Δτ_⊥) for isotropic impurities at small ζ, and negative for Ising-like
  impurities (S_⊥ = 0) at small ζ; the golden-rule force reproduces the
  sum/difference reading exactly.

Remark: the 1/P_j term is a torque ∝ the *charge* current,
β_sf j_s = β_s j_s + β_c j with β_s = (1/4Δ) Σ_σ 1/τ_⊥σ and
β_c = (1/4Δ)(1/τ_⊥₊ - 1/τ_⊥₋) (:func:`beta_sf_components`); β_sf diverges
as P_j → 0 unless S_⊥² = S_z².

Relations: for isotropic impurities (S_⊥² = S_z²) 1/τ_⊥₊ = 1/τ_⊥₋ =
Σ_σ 1/τ_sf,σ ≡ 1/τ_sf and β_sf = ħ/(2Δ τ_sf) holds *exactly* (any ζ, any
P_j), β_sf ∝ ν₊ + ν₋; α_sf/β_sf = (a³/2S) Δ (ν₊ + ν₋), which is the
Zhang-Li ratio (a³/2S)(n₊ - n₋) only to O(ζ²) (the ratio of the two is
1 + ζ²/3).  For anisotropic impurities α_sf weights the band rates by ν_σ
and β_sf by σ j_σ/j_s, so α_sf/β_sf is no fixed material ratio (α ≠ β, the
point of Kohno, Tatara and Shibata 2006).  P_j → 1 gives β_sf = ħ/(2Δ τ_⊥₊).

Torque, spin density and force (eqs. 81, 84-86)
-----------------------------------------------
With u = a³ j_s/(2eS) the spin-drift velocity (:mod:`spinlib.units`) and
n_S = S/a³ the density of the local spin, e = e_s = S/S:

* (84)  s_sf = -(n_S/Δ) [α ∂_t e + β (u·∇) e]             (as printed);
* (81)  τ_sf = -n_S [α e × ∂_t e + β e × (u·∇) e]   per volume.
  Sign: spinlib uses the physical torque τ = (δH_ex/δS) × S = +(Δ/S) S × s
  (the Heisenberg equation, and the only sign that conserves the total spin;
  :mod:`spinlib.torque`), in which Gilbert damping reads -α e × ė.  The
  paper prints (81) and (49) with the opposite overall sign, that of its
  right-hand side of (4), -(Δ/S) S × s = S × δH/δS (the convention of its
  (51), where +α e × Ṡ damps).  Either way the content is the same: the
  lagging density (84) damps the precession and drives the β torque.
  Printed, the β term of (81) (and of (49)) also has 1/S where 1/S² is
  needed (it carries one more power of S than the α term); (84) has the
  consistent form.
* (85)  F_i = n_S ∫ ∂_i e·[α ∂_t e + β (u·∇) e] d³x  (= (53) applied to (84));
* (86)  F^β = β n_S u ∫ (∂_û e)² d³x = γ β_sf j_s/(2eS²): the printed
  γβ_sf j_s/(2eS), with γ = ∫(∇S)² = S² ∫(∇e)², has one power of S too few
  in the denominator.  For a tanh wall ∫(∂_x e)² = 2A/λ
  (:func:`tanh_wall_stiffness`), so γ = 2S²A/λ.  For a rigid wall moving
  at v, (85) gives n_S (βu - αv) 2A/λ, which vanishes at v = βu/α.
* (87) total force: the Thiele force of :mod:`spinlib.thiele`
  (βDu + G e_z × u, plus the reflection force of eq. 58); this module
  supplies its β part, :func:`beta_force`.

Gradients are second-order finite differences
(:func:`spinlib.grids.field_gradient`, error O(h²)); integrals use the
trapezoidal rule over the grid's extent (:func:`spinlib.grids.grid_integral`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validation import (
    as_finite_array,
    check_in_range,
    check_nonnegative,
    check_positive,
    check_spacing,
    check_unit_vectors,
    check_zeta,
)
from .electron_gas import densities, densities_of_states, exchange_splitting
from .grids import field_gradient, grid_integral

__all__ = [
    "beta_sf_printed_band_reading",
    "MagneticImpurities",
    "born_scattering_rates",
    "spin_flip_rates",
    "spin_flip_times",
    "transverse_relaxation_rates",
    "alpha_sf",
    "beta_sf_components",
    "beta_sf",
    "current_polarization_drude",
    "spin_density_sf",
    "torque_sf",
    "force_sf",
    "tanh_wall_stiffness",
    "beta_force",
]


@dataclass(frozen=True)
class MagneticImpurities:
    """Quenched magnetic impurities of eqs. (79)-(80).

    Parameters
    ----------
    density : float
        n_s >= 0, impurities per volume (units of k_F³).
    coupling : float
        u_s of eq. (79), finite, any sign (only u_s² enters); units of
        energy × volume, ħ²/(m k_F).
    sz_squared : float
        Mean square ⟨S_z²⟩ >= 0 of the impurity spin along the local spin.
    sperp_squared : float
        Mean square ⟨S_x²⟩ = ⟨S_y²⟩ >= 0 of *one* transverse component
        (eq. 80; an isotropic spin of length S_i has S_⊥² = S_z² = S_i²/3).

    Examples
    --------
    >>> MagneticImpurities(1e-3, 0.5, 0.25, 0.25).strength
    0.0007853981633974483
    >>> MagneticImpurities(1e-3, 0.5, -0.25, 0.25)
    Traceback (most recent call last):
    ...
    ValueError: sz_squared must lie in [0, inf); got -0.25
    """

    density: float
    coupling: float
    sz_squared: float
    sperp_squared: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "density", float(check_nonnegative(self.density, "density")))
        object.__setattr__(self, "coupling", float(as_finite_array(self.coupling, "coupling")))
        for name in ("sz_squared", "sperp_squared"):
            object.__setattr__(self, name, float(check_nonnegative(getattr(self, name), name)))

    @property
    def strength(self) -> float:
        """π n_s u_s², the prefactor of eqs. (82)-(83) (an energy divided by a density of states)."""
        return np.pi * self.density * self.coupling**2


def _check_impurities(impurities) -> MagneticImpurities:
    if not isinstance(impurities, MagneticImpurities):
        raise ValueError(
            f"impurities must be a MagneticImpurities instance; got {type(impurities).__name__}"
        )
    return impurities


def born_scattering_rates(zeta, impurities: MagneticImpurities) -> tuple[np.ndarray, np.ndarray]:
    """Born scattering rates 1/τ_σ of band σ = ± by the impurities of eqs. (79)-(80).

    1/τ_σ = 2π n_s u_s² [S_z² ν_σ + 2 S_⊥² ν_{-σ}] (ħ = 1): non-flip
    scattering by S_z within the band plus flips by S_x, S_y into the other
    band.  These are the quasiparticle damping rates (twice the imaginary
    part of the self-energy); the spin-flip part alone is
    :func:`spin_flip_rates`.

    Parameters
    ----------
    zeta : array_like
        Polarisation, 0 < ζ < 1.
    impurities : MagneticImpurities

    Returns
    -------
    (rate_plus, rate_minus) : numpy.ndarray
        In units of ħk_F²/m.

    Examples
    --------
    >>> imp = MagneticImpurities(1e-3, 1.0, 1 / 3, 1 / 3)
    >>> [round(float(r), 10) for r in born_scattering_rates(0.5, imp)]
    [0.0002652582, 0.0003713615]
    """
    zeta = check_zeta(zeta)
    imp = _check_impurities(impurities)
    nu_p, nu_m = densities_of_states(zeta)
    g = 2.0 * imp.strength
    return (
        g * (imp.sz_squared * nu_p + 2.0 * imp.sperp_squared * nu_m),
        g * (imp.sz_squared * nu_m + 2.0 * imp.sperp_squared * nu_p),
    )


def spin_flip_rates(zeta, impurities: MagneticImpurities) -> tuple[np.ndarray, np.ndarray]:
    """Born spin-flip rates 1/τ_sf,σ = 4π n_s u_s² S_⊥² ν_{-σ} of band σ = ±.

    The part of :func:`born_scattering_rates` that changes the band
    (σ → -σ), by the transverse impurity spin; the final-state density of
    states is that of the other band.

    Examples
    --------
    >>> imp = MagneticImpurities(1e-3, 1.0, 1 / 3, 1 / 3)
    >>> [round(float(r), 10) for r in spin_flip_rates(0.5, imp)]
    [0.0001061033, 0.0003183099]
    """
    zeta = check_zeta(zeta)
    imp = _check_impurities(impurities)
    nu_p, nu_m = densities_of_states(zeta)
    g = 4.0 * imp.strength * imp.sperp_squared
    return g * nu_m, g * nu_p


def spin_flip_times(zeta, impurities: MagneticImpurities) -> tuple[np.ndarray, np.ndarray]:
    """Spin-flip times τ_sf,σ = 1/(4π n_s u_s² S_⊥² ν_{-σ}) (units of m/ħk_F²).

    +inf where the rate vanishes (no transverse impurity spin, or n_s = 0).

    Examples
    --------
    >>> imp = MagneticImpurities(1e-3, 1.0, 1.0, 0.0)
    >>> spin_flip_times(0.5, imp)
    (array(inf), array(inf))
    """
    rates = spin_flip_rates(zeta, impurities)
    return tuple(
        np.divide(1.0, r, out=np.full_like(r, np.inf), where=r > 0) for r in rates
    )


def transverse_relaxation_rates(
    zeta, impurities: MagneticImpurities
) -> tuple[np.ndarray, np.ndarray]:
    """Transverse (torque-correlation) rates 1/τ_⊥σ = 4π n_s u_s² [S_z² ν_{-σ} + S_⊥² ν_σ].

    The rates through which α_sf and β_sf of eqs. (82)-(83) are written
    (module docstring).  For isotropic impurities both equal the total
    spin-flip rate Σ_σ 1/τ_sf,σ.

    Examples
    --------
    >>> imp = MagneticImpurities(1e-3, 1.0, 1 / 3, 1 / 3)
    >>> tp, tm = transverse_relaxation_rates(0.5, imp)
    >>> bool(np.isclose(tp, tm)), bool(np.isclose(tp, sum(spin_flip_rates(0.5, imp))))
    (True, True)
    """
    zeta = check_zeta(zeta)
    imp = _check_impurities(impurities)
    nu_p, nu_m = densities_of_states(zeta)
    g = 4.0 * imp.strength
    return (
        g * (imp.sz_squared * nu_m + imp.sperp_squared * nu_p),
        g * (imp.sz_squared * nu_p + imp.sperp_squared * nu_m),
    )


def alpha_sf(zeta, impurities: MagneticImpurities, local_spin_density) -> np.ndarray:
    """Gilbert damping α_sf from spin relaxation, eq. (82) corrected by the factor a³/S.

    α_sf = (a³/S) π n_s u_s² [2 S_z² ν₊ν₋ + S_⊥² (ν₊² + ν₋²)]
         = (a³/4S) Σ_σ ν_σ/τ_⊥σ   (dimensionless).

    The printed (82) is this times S/a³ (it has the dimension of a density);
    see EQUATIONS.md.  Verified against the power absorbed by the electrons
    from a precessing magnetisation (second-order golden rule) in
    ``tests/test_relaxation.py``.

    Parameters
    ----------
    zeta : array_like
        0 < ζ < 1.
    impurities : MagneticImpurities
    local_spin_density : array_like
        n_S = S/a³ > 0, the local spin per volume (units of ħ k_F³).

    Returns
    -------
    numpy.ndarray
        α_sf >= 0.

    Examples
    --------
    >>> imp = MagneticImpurities(1e-3, 1.0, 0.0, 1.0)
    >>> round(float(alpha_sf(0.5, imp, 0.01)), 10)
    0.0020157209
    """
    n_spin = check_positive(local_spin_density, "local_spin_density")
    nu_p, nu_m = densities_of_states(check_zeta(zeta))
    rate_p, rate_m = transverse_relaxation_rates(zeta, impurities)
    return (nu_p * rate_p + nu_m * rate_m) / (4.0 * n_spin)


def beta_sf_components(zeta, impurities: MagneticImpurities) -> tuple[np.ndarray, np.ndarray]:
    """Spin- and charge-current parts (β_s, β_c) of the β torque: β_sf j_s = β_s j_s + β_c j.

    β_s = (π n_s u_s²/Δ)(S_⊥² + S_z²)(ν₊ + ν₋) = (1/4Δ) Σ_σ 1/τ_⊥σ,
    β_c = (π n_s u_s²/Δ)(S_⊥² - S_z²)(ν₊ - ν₋) = (1/4Δ)(1/τ_⊥₊ - 1/τ_⊥₋),

    so that β_sf = β_s + β_c/P_j is eq. (83) with ν_± read as ν₊ ± ν₋.
    β_c vanishes for isotropic impurities.

    Examples
    --------
    >>> imp = MagneticImpurities(1e-3, 1.0, 1.0, 0.0)
    >>> [round(float(b), 10) for b in beta_sf_components(0.5, imp)]
    [0.0006366198, -0.0003183099]
    """
    delta = exchange_splitting(check_zeta(zeta))
    rate_p, rate_m = transverse_relaxation_rates(zeta, impurities)
    return (rate_p + rate_m) / (4.0 * delta), (rate_p - rate_m) / (4.0 * delta)


def current_polarization_drude(zeta) -> np.ndarray:
    """Current polarisation P_j = (n₊ - n₋)/(n₊ + n₋) = ζ(3 + ζ²)/(1 + 3ζ²).

    The two-band Drude value for a spin-independent transport lifetime
    (j_σ ∝ n_σ τ/m), the default P_j of :func:`beta_sf`.

    Examples
    --------
    >>> round(float(current_polarization_drude(0.5)), 12)
    0.928571428571
    """
    n_p, n_m = densities(check_zeta(zeta))
    return (n_p - n_m) / (n_p + n_m)


def beta_sf(zeta, impurities: MagneticImpurities, current_polarization=None) -> np.ndarray:
    """Non-adiabaticity β_sf of eq. (83), with ν_± read as ν₊ ± ν₋ (sum and difference).

    β_sf = (π n_s u_s²/Δ) [(S_⊥² + S_z²)(ν₊ + ν₋) + (S_⊥² - S_z²)(ν₊ - ν₋)/P_j]
         = (1/2Δ) Σ_σ (σ j_σ/j_s)/τ_⊥σ   (dimensionless, ħ = 1).

    Read with the band DOS ν± (the paper's notation elsewhere) the printed
    formula disagrees with the golden-rule momentum transfer it summarises
    (``tests/test_relaxation.py``); see the module docstring and EQUATIONS.md.

    Parameters
    ----------
    zeta : array_like
        0 < ζ < 1.
    impurities : MagneticImpurities
    current_polarization : array_like, optional
        P_j = (j₊ - j₋)/(j₊ + j₋) in [-1, 1], non-zero; default the Drude
        value :func:`current_polarization_drude`.

    Returns
    -------
    numpy.ndarray

    Raises
    ------
    ValueError
        If P_j = 0: β_sf is then undefined (the torque is β_c j, not ∝ j_s;
        use :func:`beta_sf_components`), or |P_j| > 1.

    Examples
    --------
    Isotropic impurities: β_sf = (1/2Δ) Σ_σ 1/τ_sf,σ whatever P_j is:

    >>> imp = MagneticImpurities(1e-3, 1.0, 1 / 3, 1 / 3)
    >>> b = beta_sf(0.5, imp, current_polarization=[0.2, 1.0])
    >>> bool(np.allclose(b, sum(spin_flip_rates(0.5, imp)) / (2 * 0.5)))
    True
    """
    beta_s, beta_c = beta_sf_components(zeta, impurities)
    if current_polarization is None:
        p = current_polarization_drude(zeta)
    else:
        p = check_in_range(current_polarization, "current_polarization", -1.0, 1.0)
        if np.any(p == 0.0):
            raise ValueError(
                "current_polarization must lie in [-1, 1] and be non-zero: at P_j = 0 the "
                "beta torque is beta_c j, not proportional to j_s (use beta_sf_components); got 0"
            )
    return beta_s + beta_c / p


# --------------------------------------------------------------------------
# textures: spin density (84), torque (81), force (85)-(86)
# --------------------------------------------------------------------------
def _texture_terms(e, spacing, alpha, beta, drift_velocity, de_dt):
    """Validate and return (e, grad, α ∂_t e + β (u·∇)e, h)."""
    e = check_unit_vectors(e, "e")
    ndim = e.ndim - 1
    if not 1 <= ndim <= 3:
        raise ValueError(
            f"e must be a field on a 1D, 2D or 3D grid, shape (*grid, 3); got {e.shape}"
        )
    h = check_spacing(spacing, ndim)
    grad = field_gradient(e, spacing)  # (ndim, *grid, 3), O(h²)
    alpha = float(check_nonnegative(alpha, "alpha"))
    beta = float(as_finite_array(beta, "beta"))
    u = as_finite_array(drift_velocity, "drift_velocity")
    if u.shape != (3,):
        raise ValueError(f"drift_velocity must be a 3-vector (u_x, u_y, u_z); got shape {u.shape}")
    # A texture on an n-dimensional grid is uniform along the other axes.
    drive = beta * np.tensordot(u[:ndim], grad, axes=(0, 0))
    if de_dt is not None:
        de_dt = as_finite_array(de_dt, "de_dt")
        if de_dt.shape != e.shape:
            raise ValueError(
                f"de_dt must have the shape of e {e.shape}; got {de_dt.shape}"
            )
        drive = drive + alpha * de_dt
    return e, grad, drive, h


def spin_density_sf(
    e,
    spacing,
    zeta,
    *,
    alpha,
    beta,
    drift_velocity,
    local_spin_density,
    de_dt=None,
) -> np.ndarray:
    """Electron spin density s_sf of eq. (84) induced by spin relaxation.

    s_sf = -(1/Δa³)[α_sf Ṡ + (a³/2eS) β_sf (j_s·∇)S] = -(n_S/Δ)[α ∂_t e + β (u·∇) e],

    with u = a³ j_s/(2eS) and n_S = S/a³; s is ⟨c†σc⟩ (the paper's eq. 5
    normalisation).  It lags behind the texture (-∂_t e); -(Δ/S) S × s_sf
    is the torque (81), :func:`torque_sf`.

    Parameters
    ----------
    e : array_like, shape (*grid, 3)
        Unit vectors e_s = S/S on a 1D-3D grid (``ij``), >= 3 points per axis.
    spacing : float or sequence of float
        Grid spacing(s) > 0.
    zeta : float
        0 < ζ < 1 (Δ = ζ).
    alpha : float
        α_sf >= 0 (:func:`alpha_sf`).
    beta : float
        β_sf, finite (:func:`beta_sf`).
    drift_velocity : array_like, shape (3,)
        u = a³ j_s/(2eS).
    local_spin_density : float
        n_S = S/a³ > 0.
    de_dt : array_like, shape (*grid, 3), optional
        ∂_t e (default: a static texture).

    Returns
    -------
    numpy.ndarray, shape (*grid, 3)

    Examples
    --------
    A uniformly rotating magnetisation, e = (cos ωt, sin ωt, 0) at t = 0:

    >>> e = np.tile([1.0, 0.0, 0.0], (3, 1))
    >>> s = spin_density_sf(e, 1.0, 0.5, alpha=0.1, beta=0.0, drift_velocity=[0, 0, 0],
    ...                     local_spin_density=1.0, de_dt=np.tile([0.0, 2.0, 0.0], (3, 1)))
    >>> s[0].tolist()
    [-0.0, -0.4, -0.0]
    """
    delta = float(exchange_splitting(check_zeta(zeta)))
    n_spin = float(check_positive(local_spin_density, "local_spin_density"))
    _, _, drive, _ = _texture_terms(e, spacing, alpha, beta, drift_velocity, de_dt)
    return -(n_spin / delta) * drive


def torque_sf(
    e, spacing, *, alpha, beta, drift_velocity, local_spin_density, de_dt=None
) -> np.ndarray:
    """Spin-relaxation torque per volume τ_sf of eq. (81), corrected.

    τ_sf = Δ e × s_sf = -n_S [α e × ∂_t e + β e × (u·∇) e]
         = -(1/a³)[(α_sf/S) S × Ṡ + (a³ β_sf/2eS²) S × (j_s·∇)S],

    with the lagging density s_sf of (84) and the physical torque
    τ = (δH_ex/δS) × S = +(Δ/S) S × s of :mod:`spinlib.torque` (Gilbert
    damping -α e × ė).  The paper prints the opposite overall sign (its
    convention -(Δ/S) S × s) and 1/S instead of 1/S² in the β term
    (EQUATIONS.md, rows (4), (81)).

    Parameters and shapes as in :func:`spin_density_sf` (no ζ needed).

    Returns
    -------
    numpy.ndarray, shape (*grid, 3)
    """
    n_spin = float(check_positive(local_spin_density, "local_spin_density"))
    e, _, drive, _ = _texture_terms(e, spacing, alpha, beta, drift_velocity, de_dt)
    return -n_spin * np.cross(e, drive)


def force_sf(
    e, spacing, *, alpha, beta, drift_velocity, local_spin_density, de_dt=None
) -> np.ndarray:
    """Force of the spin-relaxation spin density on the texture, eq. (85).

    F_i = (1/S) ∫ (d³x/a³) ∇_i S·[α_sf Ṡ + (a³/2eS) β_sf (j_s·∇)S]
        = n_S ∫ ∂_i e·[α ∂_t e + β (u·∇) e] d^n x,

    which is F_i = -(Δ/S)∫∇_i S·s_sf (eq. 53) of the density (84).
    Gradients O(h²) (:func:`spinlib.grids.field_gradient`), trapezoidal
    rule over the grid (:func:`spinlib.grids.grid_integral`): on a 1D (2D) grid the force is per unit
    cross-section (thickness), and components along axes the grid lacks
    vanish (the texture is uniform there).

    Parameters and shapes as in :func:`spin_density_sf` (no ζ needed).

    Returns
    -------
    numpy.ndarray, shape (3,)

    Examples
    --------
    A static tanh wall (λ = 1) with the drift along x: F_x = β n_S u 2/λ:

    >>> from spinlib.textures import make_grid, domain_wall_field
    >>> (x,) = make_grid(801, 0.05)
    >>> F = force_sf(domain_wall_field((x,), 1.0), 0.05, alpha=0.1, beta=0.02,
    ...              drift_velocity=[3.0, 0, 0], local_spin_density=1.0)
    >>> round(float(F[0]), 4), float(F[1])
    (0.12, 0.0)
    """
    n_spin = float(check_positive(local_spin_density, "local_spin_density"))
    _, grad, drive, h = _texture_terms(e, spacing, alpha, beta, drift_velocity, de_dt)
    out = np.zeros(3)
    for i in range(grad.shape[0]):
        out[i] = n_spin * grid_integral(np.sum(grad[i] * drive, axis=-1), h)
    return out


def tanh_wall_stiffness(width, cross_section=1.0) -> np.ndarray:
    """∫ (∂_x e)² d³x = 2A/λ of a tanh wall, θ = 2 arctan exp(x/λ): γ/S² of eq. (86).

    (∂_x e)² = (∂_xθ)² = sech²(x/λ)/λ², whose integral over x is 2/λ
    (proved with sympy in ``tests/test_relaxation_textures.py``).

    Parameters
    ----------
    width : array_like
        λ > 0.
    cross_section : array_like
        Wall area A > 0 (default 1: per unit area).

    Examples
    --------
    >>> float(tanh_wall_stiffness(2.0, cross_section=3.0))
    3.0
    """
    width = check_positive(width, "width")
    cross_section = check_positive(cross_section, "cross_section")
    return 2.0 * cross_section / width


def beta_force(beta, drift_velocity, local_spin_density, stiffness) -> np.ndarray:
    """β force F^β = β n_S γ_e u of eq. (86), corrected: = γ β_sf j_s/(2eS²).

    γ_e = ∫(∂_û e)² d³x = γ/S² is the stiffness along the drift direction
    û (:func:`tanh_wall_stiffness`, or D_ûû of
    :func:`spinlib.thiele.dissipation_tensor`).  The printed (86),
    γβ_sf j_s/(2eS), has one power of S too few in the denominator (it does
    not follow from (85)); see EQUATIONS.md.  The force points along u, i.e. along the
    electron flow for β > 0.

    Parameters
    ----------
    beta : float
        β_sf, finite.
    drift_velocity : array_like, shape (3,)
        u = a³ j_s/(2eS).
    local_spin_density : float
        n_S = S/a³ > 0.
    stiffness : float
        γ_e >= 0.

    Returns
    -------
    numpy.ndarray, shape (3,)

    Examples
    --------
    >>> beta_force(0.02, [3.0, 0.0, 0.0], 1.0, tanh_wall_stiffness(1.0)).tolist()
    [0.12, 0.0, 0.0]
    """
    beta = float(as_finite_array(beta, "beta"))
    u = as_finite_array(drift_velocity, "drift_velocity")
    if u.shape != (3,):
        raise ValueError(f"drift_velocity must be a 3-vector; got shape {u.shape}")
    n_spin = float(check_positive(local_spin_density, "local_spin_density"))
    stiffness = float(check_nonnegative(stiffness, "stiffness"))
    return beta * n_spin * stiffness * u


def beta_sf_printed_band_reading(zeta, impurities: MagneticImpurities,
                                 current_polarization=None) -> np.ndarray:
    """Eq. (83) *as printed*, read with the band densities of states ν± — wrong, for display.

    (π n_s u_s²/Δ)[(S_⊥² + S_z²) ν₊ + (S_⊥² - S_z²) ν₋/P_j] with ν± = k_F±/2π²,
    the meaning ν± has everywhere else in the paper.  It disagrees with the
    golden-rule momentum transfer of :func:`spinlib.golden_rule.beta_golden_rule`
    (``tests/test_relaxation.py::test_printed_band_reading_of_83_disagrees``);
    the correct reading (ν₊ ± ν₋) is :func:`beta_sf`.  Kept only so that
    notebook 07 can show the discrepancy.

    Parameters as in :func:`beta_sf` (P_j in [-1, 1], non-zero).

    Examples
    --------
    Isotropic impurities: ν₊ instead of ν₊ + ν₋, i.e. k_F+/(k_F+ + k_F-) of β_sf:

    >>> imp = MagneticImpurities(1e-3, 1.0, 1 / 3, 1 / 3)
    >>> r = beta_sf_printed_band_reading(0.5, imp) / beta_sf(0.5, imp)
    >>> round(float(r), 12)
    0.75
    """
    zeta = check_zeta(zeta)
    imp = _check_impurities(impurities)
    nu_p, nu_m = densities_of_states(zeta)
    delta = exchange_splitting(zeta)
    if current_polarization is None:
        p = current_polarization_drude(zeta)
    else:
        p = check_in_range(current_polarization, "current_polarization", -1.0, 1.0)
        if np.any(p == 0.0):
            raise ValueError("current_polarization must lie in [-1, 1] and be non-zero; got 0")
    return imp.strength / delta * (
        (imp.sperp_squared + imp.sz_squared) * nu_p
        + (imp.sperp_squared - imp.sz_squared) * nu_m / p
    )
