"""Convention translator: the paper's j_s, a³/(2eS) and β_sf ↔ Zhang-Li u, β ↔ codes.

This is the one place where spinlib meets SI units and the conventions of
micromagnetic codes.  Everything else in spinlib is dimensionless
(ħ = m = k_F = 1, see :mod:`spinlib.electron_gas`); :class:`ReducedUnits`
converts those units to SI for physical estimates.

Conventions
-----------
* SI throughout this module; constants from :mod:`scipy.constants`
  (CODATA of the installed SciPy): e = 1.602176634e-19 C > 0 is the
  elementary charge, μ_B the Bohr magneton, ħ, m_e.
* ``current_density`` j is the ordinary *charge* current density in A/m²
  (the direction of positive-charge flow, opposite to the electron flow).
* The paper's "e" is the charge of the electron, e_paper = -e < 0: its
  eq. (24) defines j = e × (electron particle flux), so j/e_paper is the
  electron particle flux whatever the sign, and only e_paper < 0 makes j the
  charge current and the reflection force (58) push the wall along the
  electron flow.  The paper's spin current is j_s = P j (text after eq. 87).
* g: the local moments are related to the spin by M_s = g μ_B S/a³ (S the
  spin per cell of volume a³, in units of ħ).  Default g = 2 (:data:`G_TWO`,
  the μMAG standard-problem-5 and mumax3 convention); the free-electron value
  g_e = 2.00231930436 (:data:`G_ELECTRON`) is used by fidimag.
* Micromagnetic form (Zhang & Li 2004; Thiaville et al. 2005), for the
  magnetisation direction m:

      ∂_t m = -γ m × H + α m × ∂_t m - (u·∇) m + β m × (u·∇) m.     (ZL)

  The texture is advected along u: for β = α any texture moves rigidly with
  velocity u.  u = -g μ_B P j/(2 e M_s) points along the *electron* flow
  for P > 0 (opposite to j).

Paper ↔ micromagnetics
----------------------
With M_s = g μ_B S/a³, i.e. a³/S = g μ_B/M_s,

    u = a³ j_s/(2 e_paper S) = g μ_B P j/(2 e_paper M_s) = -g μ_B P j/(2 e M_s):

the prefactor a³/(2eS) j_s of eqs. (1), (49), (52) and (90) *is* the
Zhang-Li spin-drift velocity, u = (a³/2S) × (spin-resolved particle flux
j↑ - j↓); the paper's eq. (1) is τ = -(u·∇)S + ... and its (90) Ẋ = u.
The relaxation torque (81) (read with the dimensionally required 1/S², see
:mod:`spinlib.relaxation`) is β_sf e_s × (u·∇)S, so β_micromagnetic = β_sf
exactly (the LLG is invariant under m → -e_s together with the energy).
The "β" of the introduction's eq. (1) is normalised differently:
|β_(1)| = β_sf/2 (and it carries one S too many).

Codes (as read in their public sources; see EQUATIONS.md)
--------------------------------------------------------
* mumax3 (``J``, ``Pol``, ``xi``): kernel ``cuda/zhangli2.cu`` uses
  b = μ_B/(2 e γ0 M_s (1 + ξ²)), i.e. u = -μ_B Pol J/(e M_s (1 + ξ²)) and
  β = ξ: **g = 2 and a 1 + ξ² denominator** (the exact Zhang-Li solution of
  the spin-accumulation equation; see :func:`mumax3_parameters`).
* OOMMF extension ``Anv_SpinTEvolve`` and Ubermag ``mm.ZhangLi(u, beta)``:
  u in m/s is given directly (a drift along x for the OOMMF extension) and
  enters (ZL) as written: **no 1 + β²**.
* fidimag ``llg_stt`` (``jx, jy, jz``, ``p``, ``beta``): u = -g_e μ_B p j/(2 e M_s)
  with **g = g_e** and **no 1 + β²**.
* Ubermag's mumax3 back end (mumax3c) converts u to
  J = -2(1 + β²) e M_s u/(g_e μ_B) with the CODATA g_e, whereas the mumax3
  kernel divides by g = 2: the mumax3 run sees u·2/g_e, 0.12 % slow.

μMAG standard problem 5 (j = 10¹² A/m², P = 1, M_s = 8 × 10⁵ A/m, ξ = 0.05):
|u| = 72.35 m/s with g = 2, 72.44 m/s with g_e (fidimag), 72.17 m/s in
mumax3 given J = 10¹² A/m² (the 1 + ξ² factor).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.constants as sc

from ._validation import as_finite_array, check_in_range, check_positive

__all__ = [
    "ELEMENTARY_CHARGE",
    "PAPER_ELECTRON_CHARGE",
    "BOHR_MAGNETON",
    "G_TWO",
    "G_ELECTRON",
    "saturation_magnetization",
    "spin_per_cell",
    "spin_current_density",
    "paper_drift_velocity",
    "spin_drift_velocity",
    "current_density_for_drift_velocity",
    "mumax3_parameters",
    "drift_velocity_from_mumax3",
    "ubermag_parameters",
    "fidimag_parameters",
    "drift_velocity_from_fidimag",
    "ReducedUnits",
]

#: Elementary charge e > 0 (C).
ELEMENTARY_CHARGE: float = sc.e
#: The paper's e: the charge of the electron, -e (C); see the module docstring.
PAPER_ELECTRON_CHARGE: float = -sc.e
#: Bohr magneton μ_B (J/T), CODATA value of the installed SciPy.
BOHR_MAGNETON: float = sc.physical_constants["Bohr magneton"][0]
#: g = 2, the convention of μMAG standard problem 5 and of mumax3.
G_TWO: float = 2.0
#: Free-electron g factor |g_e| = 2.00231930436... (CODATA), used by fidimag.
G_ELECTRON: float = abs(sc.physical_constants["electron g factor"][0])


def _check_polarization(value: Any, name: str = "polarization", nonzero: bool = False):
    p = check_in_range(value, name, -1.0, 1.0)
    if nonzero and np.any(p == 0.0):
        raise ValueError(
            f"{name} must lie in [-1, 1] and be non-zero (the conversion divides by it); got 0"
        )
    return p


def saturation_magnetization(spin, cell_volume, g: float = G_TWO):
    """Saturation magnetisation M_s = g μ_B S/a³ (A/m) of local spins S per cell a³.

    Parameters
    ----------
    spin : array_like
        S > 0, spin per cell in units of ħ.
    cell_volume : array_like
        a³ > 0 in m³.
    g : float
        Landé factor > 0 (default 2).

    Returns
    -------
    numpy.ndarray

    Examples
    --------
    One Bohr magneton per (0.25 nm)³, i.e. S = 1/2 with g = 2:

    >>> round(float(saturation_magnetization(0.5, (0.25e-9) ** 3)) / 1e5, 4)
    5.9354
    """
    spin = check_positive(spin, "spin")
    cell_volume = check_positive(cell_volume, "cell_volume")
    g = check_positive(g, "g")
    return g * BOHR_MAGNETON * spin / cell_volume


def spin_per_cell(saturation_magnetization, cell_volume, g: float = G_TWO):
    """Spin per cell S = M_s a³/(g μ_B) (units of ħ).

    The inverse of :func:`saturation_magnetization`.

    Examples
    --------
    >>> round(float(spin_per_cell(8e5, (0.25e-9) ** 3)), 4)
    0.6739
    """
    ms = check_positive(saturation_magnetization, "saturation_magnetization")
    cell_volume = check_positive(cell_volume, "cell_volume")
    g = check_positive(g, "g")
    return ms * cell_volume / (g * BOHR_MAGNETON)


def spin_current_density(current_density, polarization):
    """The paper's spin current j_s = P j (A/m²), text after eq. (87).

    Parameters
    ----------
    current_density : array_like
        Charge current density j (A/m²), any shape (e.g. a vector).
    polarization : array_like
        Current polarisation P = (j↑ - j↓)/(j↑ + j↓) in [-1, 1].

    Examples
    --------
    >>> spin_current_density([1e12, 0.0, 0.0], 0.5).tolist()
    [500000000000.0, 0.0, 0.0]
    >>> spin_current_density(1e12, 1.5)
    Traceback (most recent call last):
    ...
    ValueError: polarization must lie in [-1, 1]; got 1.5
    """
    j = as_finite_array(current_density, "current_density")
    p = _check_polarization(polarization)
    return p * j


def paper_drift_velocity(spin_current_density, spin, cell_volume):
    """Spin-drift velocity u = a³ j_s/(2 e_paper S) (m/s): the prefactor of eqs. (1), (47), (90).

    e_paper = -e is the electron charge (module docstring), so u points
    along the electron flow for P > 0; with M_s = g μ_B S/a³ this equals the
    Zhang-Li u of :func:`spin_drift_velocity` (``tests/test_units.py``).

    Parameters
    ----------
    spin_current_density : array_like
        j_s = P j in A/m² (:func:`spin_current_density`), any shape.
    spin : float
        S > 0 per cell (units of ħ).
    cell_volume : float
        a³ > 0 in m³.

    Returns
    -------
    numpy.ndarray
        u in m/s, the shape of ``spin_current_density``.

    Examples
    --------
    >>> S = spin_per_cell(8e5, 1e-29)
    >>> round(float(paper_drift_velocity(-1e12, S, 1e-29)), 4)
    72.3548
    """
    js = as_finite_array(spin_current_density, "spin_current_density")
    spin = check_positive(spin, "spin")
    cell_volume = check_positive(cell_volume, "cell_volume")
    return cell_volume * js / (2.0 * PAPER_ELECTRON_CHARGE * spin)


def spin_drift_velocity(current_density, polarization, saturation_magnetization, g: float = G_TWO):
    """Zhang-Li spin-drift velocity u = -g μ_B P j/(2 e M_s) (m/s) of (ZL).

    Parameters
    ----------
    current_density : array_like
        Charge current density j in A/m² (any shape, e.g. a vector).
    polarization : array_like
        P in [-1, 1] (broadcast against ``current_density``).
    saturation_magnetization : array_like
        M_s > 0 in A/m (broadcast likewise).
    g : float
        Landé factor > 0: 2 (default, μMAG SP5, mumax3) or :data:`G_ELECTRON`.

    Returns
    -------
    numpy.ndarray
        u in m/s; antiparallel to j for P > 0 (the texture moves along the
        electron flow).

    Raises
    ------
    ValueError
        If |P| > 1, M_s <= 0, g <= 0, or any input is NaN/inf.

    Examples
    --------
    μMAG standard problem 5 (electrons flowing along +x):

    >>> u = spin_drift_velocity([-1e12, 0.0, 0.0], 1.0, 8e5)
    >>> [round(float(c), 2) for c in u]
    [72.35, 0.0, 0.0]
    >>> round(float(spin_drift_velocity(-1e12, 1.0, 8e5, g=G_ELECTRON)), 2)
    72.44
    >>> spin_drift_velocity(1e12, 1.0, -8e5)
    Traceback (most recent call last):
    ...
    ValueError: saturation_magnetization must lie in (0, inf); got -800000.0
    """
    j = as_finite_array(current_density, "current_density")
    p = _check_polarization(polarization)
    ms = check_positive(saturation_magnetization, "saturation_magnetization")
    g = check_positive(g, "g")
    return -g * BOHR_MAGNETON * p * j / (2.0 * ELEMENTARY_CHARGE * ms)


def current_density_for_drift_velocity(
    drift_velocity, polarization, saturation_magnetization, g: float = G_TWO
):
    """Charge current density j = -2 e M_s u/(g μ_B P) (A/m²) giving the drift velocity u.

    The inverse of :func:`spin_drift_velocity`; P must be non-zero.

    Examples
    --------
    >>> round(float(current_density_for_drift_velocity(72.35477247713376, 1.0, 8e5)) / 1e12, 12)
    -1.0
    """
    u = as_finite_array(drift_velocity, "drift_velocity")
    p = _check_polarization(polarization, nonzero=True)
    ms = check_positive(saturation_magnetization, "saturation_magnetization")
    g = check_positive(g, "g")
    return -2.0 * ELEMENTARY_CHARGE * ms * u / (g * BOHR_MAGNETON * p)


def mumax3_parameters(drift_velocity, beta, saturation_magnetization, polarization: float = 1.0):
    """mumax3 inputs ``J`` (A/m²), ``Pol``, ``xi`` reproducing (ZL) with u and β.

    mumax3's Zhang-Li kernel (``cuda/zhangli2.cu``) implements (ZL) with
    u = -μ_B Pol J/(e M_s (1 + ξ²)) and β = ξ (g = 2 implied by μ_B/e).
    The 1/(1 + ξ²) is the exact solution of Zhang and Li's
    spin-accumulation (Bloch) equation, in which the adiabatic coefficient is
    reduced by 1 + ξ² with ξ = ħ/(τ_sf × exchange splitting)
    (``tests/test_units.py::test_mumax3_denominator_is_the_bloch_solution``);
    Ubermag, OOMMF's extension, fidimag and the paper (to its order in ξ)
    drop it.  So J = -(1 + ξ²) e M_s u/(μ_B Pol).

    Parameters
    ----------
    drift_velocity : array_like, shape (3,)
        u (m/s) of (ZL).
    beta : float
        β of (ZL), finite (mumax3's ``xi``).
    saturation_magnetization : float
        M_s > 0 (A/m), mumax3's ``Msat``.
    polarization : float
        ``Pol`` to use, in [-1, 1], non-zero (default 1).

    Returns
    -------
    dict
        ``{"J": numpy.ndarray, "Pol": float, "xi": float}``.

    Examples
    --------
    Standard problem 5 as specified (u = 72.35 m/s along +x, ξ = 0.05):

    >>> p = mumax3_parameters([72.35477247713376, 0, 0], 0.05, 8e5)
    >>> round(float(p["J"][0]) / 1e12, 6), p["Pol"], p["xi"]
    (-1.0025, 1.0, 0.05)
    """
    u = as_finite_array(drift_velocity, "drift_velocity")
    beta = float(as_finite_array(beta, "beta"))
    ms = check_positive(saturation_magnetization, "saturation_magnetization")
    p = float(_check_polarization(polarization, nonzero=True))
    j = -(1.0 + beta**2) * ELEMENTARY_CHARGE * ms * u / (BOHR_MAGNETON * p)
    return {"J": j, "Pol": p, "xi": beta}


def drift_velocity_from_mumax3(J, Pol, xi, saturation_magnetization) -> tuple[np.ndarray, float]:
    """The (ZL) parameters (u, β) that mumax3 simulates for inputs ``J``, ``Pol``, ``xi``.

    u = -μ_B Pol J/(e M_s (1 + ξ²)), β = ξ.

    Examples
    --------
    mumax3's own standard-problem-5 test (J = 10¹² A/m² along +x):

    >>> u, beta = drift_velocity_from_mumax3([1e12, 0, 0], 1.0, 0.05, 8e5)
    >>> round(float(u[0]), 2), beta
    (-72.17, 0.05)
    """
    J = as_finite_array(J, "J")
    p = _check_polarization(Pol, "Pol")
    xi = float(as_finite_array(xi, "xi"))
    ms = check_positive(saturation_magnetization, "saturation_magnetization")
    return -BOHR_MAGNETON * p * J / (ELEMENTARY_CHARGE * ms * (1.0 + xi**2)), xi


def ubermag_parameters(drift_velocity, beta) -> dict[str, float]:
    """Ubermag ``mm.ZhangLi(u=..., beta=...)`` / OOMMF ``Anv_SpinTEvolve`` inputs.

    Both take u (m/s) directly and use (ZL) as written, with the drift along
    +x (the OOMMF extension differentiates along x only): ``u`` is the
    x-component of the drift velocity, which must have no y- or
    z-component.

    Examples
    --------
    >>> ubermag_parameters([72.35, 0.0, 0.0], 0.05)
    {'u': 72.35, 'beta': 0.05}
    """
    u = as_finite_array(drift_velocity, "drift_velocity")
    beta = float(as_finite_array(beta, "beta"))
    if u.shape != (3,):
        raise ValueError(f"drift_velocity must be a 3-vector; got shape {u.shape}")
    if u[1] != 0.0 or u[2] != 0.0:
        raise ValueError(
            "drift_velocity must point along x for Ubermag/Anv_SpinTEvolve (u is a scalar "
            f"along +x); got {u.tolist()}"
        )
    return {"u": float(u[0]), "beta": beta}


def fidimag_parameters(
    drift_velocity, beta, saturation_magnetization, polarization: float = 1.0
) -> dict[str, Any]:
    """fidimag ``llg_stt`` inputs ``jx, jy, jz`` (A/m²), ``p``, ``beta`` reproducing (ZL).

    fidimag uses u = -g_e μ_B p j/(2 e M_s) with the free-electron g_e and
    no 1 + β² (``fidimag/micro/llg_stt.py``, ``common/lib/stt.c``).

    Examples
    --------
    The standard-problem-5 run of ``shared/reference-data/sp5`` (jx = -10¹²):

    >>> u = spin_drift_velocity(-1e12, 1.0, 8e5, g=G_ELECTRON)
    >>> p = fidimag_parameters([float(u), 0.0, 0.0], 0.05, 8e5)
    >>> round(p["jx"] / 1e12, 12), p["p"], p["beta"]
    (-1.0, 1.0, 0.05)
    """
    u = as_finite_array(drift_velocity, "drift_velocity")
    beta = float(as_finite_array(beta, "beta"))
    if u.shape != (3,):
        raise ValueError(f"drift_velocity must be a 3-vector; got shape {u.shape}")
    p = float(_check_polarization(polarization, nonzero=True))
    j = current_density_for_drift_velocity(u, p, saturation_magnetization, g=G_ELECTRON)
    return {"jx": float(j[0]), "jy": float(j[1]), "jz": float(j[2]), "p": p, "beta": beta}


def drift_velocity_from_fidimag(j, p, beta, saturation_magnetization) -> tuple[np.ndarray, float]:
    """The (ZL) parameters (u, β) of a fidimag ``llg_stt`` run with current j, ``p``, ``beta``.

    Examples
    --------
    >>> u, beta = drift_velocity_from_fidimag([-1e12, 0, 0], 1.0, 0.05, 8e5)
    >>> round(float(u[0]), 2), beta
    (72.44, 0.05)
    """
    u = spin_drift_velocity(j, p, saturation_magnetization, g=G_ELECTRON)
    return u, float(as_finite_array(beta, "beta"))


@dataclass(frozen=True)
class ReducedUnits:
    """SI values of spinlib's units ħ = m = k_F = 1, for a Fermi wave-vector k_F.

    Parameters
    ----------
    fermi_wavevector : float
        k_F = (k_F+ + k_F-)/2 in 1/m (> 0).
    mass : float
        Band mass in kg (> 0); default the free-electron mass.

    Attributes
    ----------
    length : float
        1/k_F (m).
    energy : float
        ħ²k_F²/m (J), twice the Fermi energy of a gas with wave-vector k_F;
        the exchange splitting of the paper is Δ = ζ × energy.
    time : float
        ħ/energy (s): a dimensionless rate Γ (ħ = 1) is Γ/time in 1/s.
    velocity : float
        ħk_F/m (m/s).
    density : float
        k_F³ (1/m³).
    particle_flux : float
        density × velocity (1/(m² s)).
    current_density : float
        e × particle_flux (A/m²).
    force : float
        energy/length (N).
    resistivity : float
        ħ/(e²k_F) (Ω m), the unit of :mod:`spinlib.resistivity` (ħ = m = k_F = |e| = 1).

    Examples
    --------
    >>> units = ReducedUnits(1.2e10)
    >>> round(units.energy / sc.eV, 4), round(units.velocity / 1e6, 4)
    (10.9727, 1.3892)

    A dimensionless rate 10⁻³ (e.g. from
    :func:`spinlib.relaxation.transverse_relaxation_rates`) in 1/s:

    >>> round(1e-3 / units.time / 1e13, 4)
    1.6671

    ħ/e² = 4108.24 Ω, so the resistivity unit for k_F = 1.2 Å⁻¹ is 34.2 μΩ cm:

    >>> round(units.resistivity * 1e8, 3)
    34.235
    """

    fermi_wavevector: float
    mass: float = sc.m_e

    def __post_init__(self) -> None:
        kf = float(check_positive(self.fermi_wavevector, "fermi_wavevector"))
        object.__setattr__(self, "fermi_wavevector", kf)
        object.__setattr__(self, "mass", float(check_positive(self.mass, "mass")))

    @property
    def length(self) -> float:
        return 1.0 / self.fermi_wavevector

    @property
    def energy(self) -> float:
        return (sc.hbar * self.fermi_wavevector) ** 2 / self.mass

    @property
    def time(self) -> float:
        return sc.hbar / self.energy

    @property
    def velocity(self) -> float:
        return sc.hbar * self.fermi_wavevector / self.mass

    @property
    def density(self) -> float:
        return self.fermi_wavevector**3

    @property
    def particle_flux(self) -> float:
        return self.density * self.velocity

    @property
    def current_density(self) -> float:
        return ELEMENTARY_CHARGE * self.particle_flux

    @property
    def force(self) -> float:
        return self.energy / self.length

    @property
    def resistivity(self) -> float:
        return sc.hbar / ELEMENTARY_CHARGE**2 * self.length
