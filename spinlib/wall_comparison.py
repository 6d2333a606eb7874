"""Exact 1D scattering through a wall against the paper's lowest-order theory.

Beyond the paper (notebook 09).  :mod:`spinlib.scattering` solves the 1D wall
exactly; this module turns its S-matrices and scattering states into the
quantities of Sections 3-6 — forces, resistances, spin densities, torques —
so that they can be set against the first-order (in the gauge field A)
results of :mod:`spinlib.resistivity`, :mod:`spinlib.forces` and
:mod:`spinlib.response`.

Units and conventions
---------------------
ħ = m = k_F = |e| = 1 (:mod:`spinlib.electron_gas`): k_F± = 1 ± ζ, Δ = ζ,
E = ε_F = (1 + ζ²)/2, lengths in 1/k_F.  One dimension, one orbital channel
per spin: the density is n = (k_F+ + k_F-)/π = 2/π (:func:`density_1d`,
independent of ζ), resistances in units of ħ/e², forces in ħ²k_F³/m, the
per-channel bias δμ in ħ²k_F²/m and the drift velocity v in ħk_F/m
(:func:`wall_force` is the force per unit δμ or per unit v).  Channels are those of :data:`spinlib.scattering.CHANNELS`,
``("L_maj", "L_min", "R_maj", "R_min")`` in the local spin basis of each
lead, with flux-normalised waves; ``P[..., out, in] = |S[..., out, in]|²``.

Momenta of the channels
-----------------------
A wave incident in channel c has the momentum p_c = (k_F+, k_F-, -k_F+,
-k_F-) (:func:`incoming_momenta`); an outgoing wave in channel d has
-p_d.  With unit incoming flux, momentum conservation of the electron
(the stress Π = Re ψ'†ψ' - ¼∂²|ψ|² is uniform in the leads) gives the
momentum transferred to the wall per incident electron,

    Δp_c = Σ_d P_dc (p_c + p_d)            (:func:`momentum_transfer`),

which must equal eq. (53) applied to the scattering state,
F_c = -Δ ∫ ∂_x n · s_c dx (:func:`force_from_scattering_state`, through
:func:`spinlib.forces.force_from_spin_density`).  Per process
(:data:`PROCESSES`): adiabatic transmission 0, mistracking ±(k_F+ - k_F-),
spin-flip reflection k_F+ + k_F-, reflection without flip 2k_F±.

Which states are populated (linear response)
--------------------------------------------
A stationary state in linear response fills each incoming channel c with
the extra occupation of an energy window δμ_c, i.e. a particle flux
δμ_c/2π (ħ = 1).  :func:`channel_weights` returns w_c = δμ_c in three
choices (:data:`WEIGHTINGS`):

``"bias"``
    δμ on the left lead, both spins: w = (1, 1, 0, 0) δμ.  The ballistic
    (Landauer) setting.  In 1D both spin channels then carry the same flux,
    so the current is *unpolarised* and the adiabatic spin-transfer torque
    vanishes.
``"majority"``
    only the majority channel of the left lead: w = (1, 0, 0, 0) δμ
    (spin-polarised injection).
``"drift"``
    the Fermi sea of both bands drifting at the velocity v, as in the
    paper's linear response (Secs. 3, 5, 6: one lifetime τ for both spins,
    the current is the drift, j_s ∝ (n₊ - n₋)v): the occupation
    f(ε_p - p v) adds w_c = p_c v on every incoming channel (both leads).
    This is the population behind the Mori formula (74) and behind the force
    (58); its spin flux is ζv/π = s v with s = (n₊ - n₋)/2 = ζ/π in 1D.

Forces and resistances
----------------------
* :func:`wall_force` F = Σ_c (w_c/2π) Δp_c.
* :func:`landauer_wall_resistance` four-terminal R_S of two channels with
  reflection probabilities R_maj, R_min: R_S = 2π R_tot/(N(N - R_tot)) with
  N = 2, i.e. πR̄/(1 - R̄) with R̄ = R_tot/2 (:func:`mean_reflection`; the paper's formula for one
  spin-degenerate channel, :func:`spinlib.resistivity.landauer_resistance`).
* :func:`drift_wall_resistance` the momentum-balance resistance of the
  drifting sea computed with the *exact* probabilities, R = F/(e²n²v) (1D:
  F = e N_e E, E L = ρ L j, j = env): the force balance behind the Mori
  formula, with all orders in A in the probabilities.
* :func:`mori_wall_resistance_1d` eq. (74) evaluated in one dimension for the
  tanh wall: the k-sum of (75) becomes a sum over the four roots of the two
  δ-functions, |q| = k_F+ ∓ k_F-, and

      ρ_S L = 4Δ² [|Â(k_F+ - k_F-)|² + |Â(k_F+ + k_F-)|²] / (π n² k_F+ k_F-),

  Â(q) = (π/2) sech(πqλ/2) (:func:`spinlib.gauge.tanh_wall_gauge_spectrum`);
  equal to π(ζ² P_mis + P_flip) with the first-Born probabilities of
  :func:`spinlib.scattering.born_tanh_wall` (notebook 09, tests).
* :func:`eq76_force_1d` the 1D form of eq. (76), F = e V_S N₁(0) 2k_F v_F/L
  with N₁(0) = L/(πħv_F) per spin, i.e. F = e n V_S.

Spin density and torque
-----------------------
:func:`weighted_spin_profile` sums the exact scattering states
(:func:`spinlib.scattering.scattering_state`) with the weights w_c/2π;
:func:`first_order_spin_profile` does the same with the scattering states to
first order in A (the paper's theory in 1D, the Born series of the vertex of
eq. (12) in the rotated frame); :func:`adiabatic_torque_1d` is the local
limit τ_ad = -J_s ∂_x n, J_s = ½ Σ_c (w_c/2π) σ_c d_c the spin flux (σ_c = ±1
majority/minority, d_c = ±1 the direction of incidence).  Torques are the
physical τ = Δ n × s (sign: :mod:`spinlib.scattering`, :mod:`spinlib.torque`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from ._validation import as_finite_array, check_choice, check_nonnegative, check_zeta
from .electron_gas import exchange_splitting, fermi_wavevectors
from .forces import force_from_spin_density
from .gauge import PAULI, gauge_components, lab_from_rotated, tanh_wall_gauge_spectrum
from .resistivity import landauer_resistance
from .scattering import (
    CHANNELS,
    WallProfile,
    WallScattering,
    born_tanh_wall,
    exchange_torque,
    scattering_state,
    spinor_spin_density,
)
from .torque import prepare_texture

__all__ = [
    "WEIGHTINGS",
    "PROCESSES",
    "density_1d",
    "incoming_momenta",
    "channel_weights",
    "spin_flux",
    "born_probability_matrix",
    "process_masks",
    "momentum_transfer",
    "wall_force",
    "mean_reflection",
    "landauer_wall_resistance",
    "drift_wall_resistance",
    "mori_wall_resistance_1d",
    "eq76_force_1d",
    "bias_current",
    "SpinProfile",
    "direction_derivative",
    "force_from_scattering_state",
    "weighted_spin_profile",
    "first_order_spin_profile",
    "adiabatic_torque_1d",
    "drift_kernel_1d",
    "drift_kernel_1d_coefficient",
]

#: Linear-response populations of the incoming channels (module docstring).
WEIGHTINGS = ("bias", "majority", "drift")
#: Scattering processes, by (same lead?, same band?) of the outgoing channel.
PROCESSES = ("adiabatic", "mistracking", "flip_reflection", "reflection")

#: σ_c (majority +1, minority -1) and d_c (incident from the left +1) per channel.
_SIGMA = np.array([1.0, -1.0, 1.0, -1.0])
_DIRECTION = np.array([1.0, 1.0, -1.0, -1.0])


def _as_probabilities(scattering) -> np.ndarray:
    """P[..., out, in] from a WallScattering or an array of shape (..., 4, 4)."""
    if isinstance(scattering, WallScattering):
        return scattering.probabilities
    p = as_finite_array(scattering, "scattering")
    if p.ndim < 2 or p.shape[-2:] != (4, 4):
        raise ValueError(
            f"scattering must be a WallScattering or probabilities of shape (..., 4, 4); "
            f"got shape {p.shape}"
        )
    if np.any(p < 0):
        raise ValueError("scattering probabilities must be >= 0")
    return p


def _zeta_of(scattering, zeta):
    if zeta is None:
        if not isinstance(scattering, WallScattering):
            raise ValueError("zeta must be given with a probability array")
        return scattering.zeta
    return check_zeta(zeta)


def density_1d(zeta) -> np.ndarray:
    """Electron density of the 1D two-band wire, n = (k_F+ + k_F-)/π = 2/π (units k_F).

    Examples
    --------
    >>> round(float(density_1d(0.3)), 12) == round(2 / 3.141592653589793, 12)
    True
    """
    kp, km = fermi_wavevectors(zeta)
    return (kp + km) / np.pi


def incoming_momenta(zeta) -> np.ndarray:
    """Momenta p_c of the incoming waves in the channel order of :data:`CHANNELS`.

    (k_F+, k_F-, -k_F+, -k_F-); an outgoing wave in channel d has -p_d.

    Returns
    -------
    numpy.ndarray, shape (*zeta.shape, 4)

    Examples
    --------
    >>> incoming_momenta(0.25).tolist()
    [1.25, 0.75, -1.25, -0.75]
    """
    kp, km = fermi_wavevectors(zeta)
    return np.stack([kp, km, -kp, -km], axis=-1)


def channel_weights(zeta, weighting: str) -> np.ndarray:
    """Extra occupation δμ_c of the incoming channels for a ``weighting`` (module docstring).

    Units: per unit bias δμ ("bias", "majority") or per unit drift velocity v
    ("drift", w_c = p_c v).  The particle flux injected in channel c is w_c/2π.

    Parameters
    ----------
    zeta : array_like
        0 < ζ < 1.
    weighting : {"bias", "majority", "drift"}

    Returns
    -------
    numpy.ndarray, shape (*zeta.shape, 4)

    Examples
    --------
    >>> channel_weights(0.25, "drift").tolist()
    [1.25, 0.75, -1.25, -0.75]
    >>> channel_weights(0.25, "bias").tolist()
    [1.0, 1.0, 0.0, 0.0]
    """
    check_choice(weighting, "weighting", WEIGHTINGS)
    p = incoming_momenta(zeta)
    if weighting == "drift":
        return p
    base = np.array([1.0, 1.0, 0.0, 0.0]) if weighting == "bias" else np.array([1.0, 0, 0, 0])
    return np.broadcast_to(base, p.shape).copy()


def spin_flux(zeta, weighting: str | None = None, *, weights=None) -> np.ndarray:
    """Spin flux J_s = ½ Σ_c (w_c/2π) σ_c d_c far from the wall, on its left (units of ħ).

    The spin current (of σ/2, along the local n) that the populated incoming
    channels would carry without scattering: 0 for "bias" (both spins carry
    the same flux in 1D), 1/4π per δμ for "majority", ζ/π per v for "drift"
    (= s v with s = (n₊ - n₋)/2 = ζ/π).

    Parameters
    ----------
    zeta : array_like
        0 < ζ < 1 (scalar with ``weights``).
    weighting : {"bias", "majority", "drift"}, optional
    weights : array_like, shape (4,), optional
        Explicit w_c instead of ``weighting`` (give exactly one).

    Examples
    --------
    >>> import numpy as np
    >>> bool(np.isclose(spin_flux(0.3, "drift"), 0.3 / np.pi))
    True
    >>> bool(np.isclose(spin_flux(0.3, weights=[1.0, 0.0, 0.0, 0.0]), 1 / (4 * np.pi)))
    True
    """
    if weighting is not None and weights is None:
        w = channel_weights(zeta, weighting)
    else:
        w = _resolve_weights(check_zeta(zeta), weighting, weights)
    return 0.5 * np.sum(w * _SIGMA * _DIRECTION, axis=-1) / (2 * np.pi)


def born_probability_matrix(zeta, width) -> np.ndarray:
    """First-order (Born in A) probability matrix P[..., out, in] of the tanh wall.

    From :func:`spinlib.scattering.born_tanh_wall`, completed with the
    symmetries of the tanh wall (x → -x with a π spin rotation maps the
    right-incident channels on the left-incident ones; S is symmetric):
    the spin-flip entries are P_mis = π²sech²(πζλ)/(4(1-ζ²)) (transmission,
    maj ↔ min), P_flip = π²ζ²sech²(πλ)/(4(1-ζ²)) (reflection, maj ↔ min);
    reflection without flip is 0 at this order; the adiabatic transmission
    is max(0, 1 - P_mis - P_flip) (first-order unitarity; Born does not
    conserve probability where it fails, e.g. P_mis > 1 for narrow walls).
    The adiabatic entry carries no momentum and enters none of the forces and
    resistances of this module.

    Parameters
    ----------
    zeta, width : array_like
        0 < ζ < 1, k_F λ >= 0 (broadcast).

    Returns
    -------
    numpy.ndarray, shape (..., 4, 4)

    Examples
    --------
    >>> P = born_probability_matrix(0.3, 2.0)
    >>> bool(abs(P[..., 3, 0] - born_tanh_wall(0.3, 2.0)["T_mistrack"]) < 1e-15)
    True
    """
    born = born_tanh_wall(zeta, width)
    mis, flip = born["T_mistrack"], born["R_maj_min"]
    p = np.zeros(mis.shape + (4, 4))
    l_maj, l_min, r_maj, r_min = range(4)
    for a_maj, a_min, b_maj, b_min in ((l_maj, l_min, r_maj, r_min), (r_maj, r_min, l_maj, l_min)):
        p[..., a_min, a_maj] = flip  # spin-flip reflection
        p[..., a_maj, a_min] = flip
        p[..., b_min, a_maj] = mis  # mistracking
        p[..., b_maj, a_min] = mis
        p[..., b_maj, a_maj] = np.maximum(0.0, 1.0 - mis - flip)  # adiabatic transmission
        p[..., b_min, a_min] = np.maximum(0.0, 1.0 - mis - flip)
    return p


def process_masks() -> dict[str, np.ndarray]:
    """Boolean (out, in) masks of the four processes of :data:`PROCESSES`.

    ``adiabatic``: transmitted, same band label (maj → maj); ``mistracking``:
    transmitted, other band (the lab spin is kept); ``flip_reflection``:
    reflected into the other band; ``reflection``: reflected, same band.

    Examples
    --------
    >>> int(sum(m.sum() for m in process_masks().values()))
    16
    """
    lead = np.array([0, 0, 1, 1])
    same_lead = lead[:, None] == lead[None, :]
    same_band = _SIGMA[:, None] == _SIGMA[None, :]
    return {
        "adiabatic": ~same_lead & same_band,
        "mistracking": ~same_lead & ~same_band,
        "flip_reflection": same_lead & ~same_band,
        "reflection": same_lead & same_band,
    }


def momentum_transfer(scattering, zeta=None, process: str | None = None) -> np.ndarray:
    """Momentum given to the wall per incident electron, Δp_c = Σ_d P_dc (p_c + p_d).

    Parameters
    ----------
    scattering : WallScattering or array_like, shape (..., 4, 4)
        Probabilities P[..., out, in] (e.g. :func:`born_probability_matrix`).
    zeta : array_like, optional
        Needed with a probability array (taken from a WallScattering).
    process : {"adiabatic", "mistracking", "flip_reflection", "reflection"}, optional
        Only the outgoing channels of one process.

    Returns
    -------
    numpy.ndarray, shape (..., 4)
        Δp_c for c in :data:`CHANNELS` (units ħk_F).

    Examples
    --------
    The abrupt wall: a majority electron is reflected with ζ² (momentum 2k_F+)
    or transmitted as a minority one with 1 - ζ² (momentum k_F+ - k_F-):

    >>> from spinlib.scattering import abrupt_wall
    >>> dp = momentum_transfer(abrupt_wall(0.5))
    >>> round(float(dp[0]), 12), 2 * 1.5 * 0.25 + 1.0 * 0.75
    (1.5, 1.5)
    """
    p = _as_probabilities(scattering)
    zeta = _zeta_of(scattering, zeta)
    mom = incoming_momenta(zeta)
    mom = np.broadcast_to(mom, p.shape[:-2] + (4,))
    if process is not None:
        check_choice(process, "process", PROCESSES)
        p = p * process_masks()[process]
    # Σ_d P[d, c] (p_c + p_d)
    return np.einsum("...dc,...c->...c", p, mom) + np.einsum("...dc,...d->...c", p, mom)


def wall_force(scattering, weighting: str, zeta=None, process: str | None = None) -> np.ndarray:
    """Force on the wall F = Σ_c (w_c/2π) Δp_c for a population ``weighting``.

    Units: ħk_F × (flux per unit δμ or per unit v); along +x (the direction
    of the electron flow for "bias"/"majority", and for "drift" with v > 0).

    Examples
    --------
    >>> from spinlib.scattering import abrupt_wall
    >>> import numpy as np
    >>> bool(np.isclose(wall_force(abrupt_wall(0.5), "bias"), 4 * 0.25 / (2 * np.pi)))
    True
    """
    zeta = _zeta_of(scattering, zeta)
    dp = momentum_transfer(scattering, zeta, process)
    w = channel_weights(zeta, weighting)
    return np.sum(w * dp, axis=-1) / (2 * np.pi)


def mean_reflection(scattering) -> np.ndarray:
    """Channel-averaged reflection R̄ = (R_maj + R_min)/2 of the two left-incident channels.

    R_maj = P(L_maj → L_maj) + P(L_maj → L_min), likewise R_min (spin-flip
    reflection included).

    Parameters
    ----------
    scattering : WallScattering or array_like, shape (..., 4, 4)

    Examples
    --------
    >>> from spinlib.scattering import abrupt_wall
    >>> round(float(mean_reflection(abrupt_wall(0.5))), 12)
    0.25
    """
    p = _as_probabilities(scattering)
    return 0.5 * (p[..., 0, 0] + p[..., 1, 0] + p[..., 0, 1] + p[..., 1, 1])


def landauer_wall_resistance(scattering) -> np.ndarray:
    """Four-terminal resistance of the wall, two channels: πR̄/(1 - R̄), R̄ = (R_maj + R_min)/2.

    G = (e²/h) T_tot with T_tot = 2 - R_tot; subtracting the contact
    resistance h/(2e²) of the two ideal lead channels gives
    R_S = 2π R_tot/(2(2 - R_tot)) = πR̄/(1 - R̄) (units ħ/e²): the paper's
    (πħ/e²) R/(1 - R) (text after eq. 75) with R the channel-averaged
    reflection.  Counts backscattering only.  (With unequal velocities a
    four-terminal measurement depends on the probes, Büttiker 1986; this is
    the Landauer form the paper quotes.)

    Examples
    --------
    >>> from spinlib.scattering import abrupt_wall
    >>> import numpy as np
    >>> bool(np.isclose(landauer_wall_resistance(abrupt_wall(0.5)), np.pi * 0.25 / 0.75))
    True
    """
    return landauer_resistance(mean_reflection(scattering))


def bias_current(scattering) -> np.ndarray:
    """Particle current per unit bias δμ on the left lead, I = T_tot/2π (e = 1).

    Examples
    --------
    >>> from spinlib.scattering import abrupt_wall
    >>> import numpy as np
    >>> bool(np.isclose(bias_current(abrupt_wall(0.5)), 2 * 0.75 / (2 * np.pi)))
    True
    """
    return 2.0 * (1.0 - mean_reflection(scattering)) / (2 * np.pi)


def drift_wall_resistance(scattering, zeta=None, process: str | None = None) -> np.ndarray:
    """Momentum-balance resistance of the drifting Fermi sea, R = F_drift/(e² n² v).

    With the exact probabilities this is the force-balance (Mori) resistance
    to all orders in A; with :func:`born_probability_matrix` it is eq. (74)
    in 1D (:func:`mori_wall_resistance_1d`).  For a symmetric S-matrix

        R = π [ζ² T_mis + R_flip + (k_F+² R_maj,maj + k_F-² R_min,min)/2]

    (tanh wall; units ħ/e²), against the Landauer πR̄ ≈ π[R_flip +
    (R_maj,maj + R_min,min)/2]: the drift counts the forward spin flips
    (mistracking, momentum k_F+ - k_F- each) and weighs each reflection by
    its momentum.

    Examples
    --------
    >>> import numpy as np
    >>> P = born_probability_matrix(0.3, 1.0)
    >>> bool(np.isclose(drift_wall_resistance(P, 0.3), mori_wall_resistance_1d(0.3, 1.0)))
    True
    """
    zeta = _zeta_of(scattering, zeta)
    force = wall_force(scattering, "drift", zeta, process)
    return force / density_1d(zeta) ** 2


def mori_wall_resistance_1d(zeta, width) -> np.ndarray:
    """Eq. (74) in one dimension for the tanh wall: ρ_S L (units ħ/e²).

    In 1D, (1/L)Σ_k δ(ε_{k+q,-σ} - ε_{kσ}) δ(ε_{kσ}) is a sum of δ-functions
    in q at q = -s k_σ ± k_{-σ} (s = ±1), each with the weight
    1/(2π k_σ k_{-σ}); with Σ_q → L∫dq/2π and |A^σ(q)|² = |Â(q)|²/L² (A(q)
    normalised by the length L, Â of
    :func:`spinlib.gauge.tanh_wall_gauge_spectrum`) the four roots give

        ρ_S L = 4Δ² [|Â(k_F+ - k_F-)|² + |Â(k_F+ + k_F-)|²] / (π n² k_F+ k_F-),

    n = 2/π (:func:`density_1d`).  Derived with sympy in notebook 09 and
    checked against a broadened k-sum in ``tests/test_scattering_comparisons.py``.

    Parameters
    ----------
    zeta : array_like
        0 < ζ < 1.
    width : array_like
        k_F λ >= 0 (0: the gauge field is a δ-function, Â = π/2).

    Examples
    --------
    >>> import numpy as np
    >>> b = born_tanh_wall(0.4, 1.5)
    >>> r = mori_wall_resistance_1d(0.4, 1.5)
    >>> bool(np.isclose(r, np.pi * (0.16 * b["T_mistrack"] + b["R_maj_min"])))
    True
    """
    zeta = check_zeta(zeta)
    width = check_nonnegative(width, "width")
    zeta, width = np.broadcast_arrays(zeta, width)
    kp, km = fermi_wavevectors(zeta)
    delta = exchange_splitting(zeta)
    n = density_1d(zeta)

    # Â(q) = (π/2) sech(πqλ/2), also at λ = 0 (Â = π/2)
    power = tanh_wall_gauge_spectrum(kp - km, width) ** 2 + tanh_wall_gauge_spectrum(kp + km, width) ** 2
    return 4.0 * delta**2 * power / (np.pi * n**2 * kp * km)


def eq76_force_1d(voltage_drop, zeta) -> np.ndarray:
    """Eq. (76) in one dimension: F = e V_S N₁(0) 2k_F v_F/L = e n V_S (e = 1).

    N₁(0) = L/(πħv_F) is the 1D density of states per spin (both directions);
    the angular factor 1/3 of (76) is 1 in 1D.  With n = 2k_F/π this is the
    momentum-balance (58), F = e N_e E_S = e n V_S (sympy in notebook 09).

    Parameters
    ----------
    voltage_drop : array_like
        V_S (units ħ²k_F²/(m|e|)).
    zeta : array_like
        0 < ζ < 1 (n = 2/π does not depend on it in 1D).

    Examples
    --------
    >>> import numpy as np
    >>> bool(np.isclose(eq76_force_1d(1.0, 0.3), 2 / np.pi))
    True
    """
    vs = as_finite_array(voltage_drop, "voltage_drop")
    return density_1d(zeta) * vs


# --------------------------------------------------------------------------
# spin density and torque
# --------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class SpinProfile:
    """Spin density and torque of a population of scattering states.

    Attributes
    ----------
    x : (nx,) positions (1/k_F)
    direction : (nx, 3) local magnetisation n(x)
    spin_density : (nx, 3) s = Σ_c (w_c/2π) ψ_c†σψ_c (Pauli normalisation of eq. 5)
    torque : (nx, 3) τ = Δ n × s (physical sign)
    weights : (4,) the w_c used (per unit δμ or v)
    zeta : float
    """

    x: np.ndarray
    direction: np.ndarray
    spin_density: np.ndarray
    torque: np.ndarray
    weights: np.ndarray
    zeta: float


def _check_state_args(profile, zeta, x, min_points: int = 1):
    if not isinstance(profile, WallProfile):
        raise ValueError(f"profile must be a WallProfile; got {type(profile).__name__}")
    z = check_zeta(zeta)
    if z.ndim:
        raise ValueError(f"zeta must be a scalar; got shape {z.shape}")
    x = as_finite_array(x, "x")
    if x.ndim != 1 or x.size < min_points:
        raise ValueError(f"x must be a 1D array of at least {min_points} points; got shape {x.shape}")
    return float(z), x


def direction_derivative(profile: WallProfile, x) -> np.ndarray:
    """∂_x n(x) of a wall profile by fourth-order central differences of n.

    Step δ = 2e-3 × ``profile.scale``: truncation (δ/λ)⁴ ~ 1e-11 and
    round-off ~ 1e-16/δ ~ 1e-13 relative.  Zero in the leads.

    Returns
    -------
    numpy.ndarray, shape (nx, 3)

    Examples
    --------
    Tanh wall: |∂_x n| = θ' = 1/(λ cosh(x/λ)):

    >>> import numpy as np
    >>> from spinlib.scattering import tanh_profile
    >>> d = direction_derivative(tanh_profile(2.0), np.array([0.0, 1.0]))
    >>> bool(np.allclose(np.linalg.norm(d, axis=-1), 1 / (2 * np.cosh([0.0, 0.5]))))
    True
    """
    if not isinstance(profile, WallProfile):
        raise ValueError(f"profile must be a WallProfile; got {type(profile).__name__}")
    x = as_finite_array(x, "x")
    return _central_derivative(profile.direction, x, 2e-3 * profile.scale)


def _central_derivative(func, x: np.ndarray, h: float, wrap: bool = False) -> np.ndarray:
    """Fourth-order central difference [8(f(x+h) - f(x-h)) - (f(x+2h) - f(x-2h))]/12h.

    ``wrap``: the differences are angles, mapped to (-π, π] (an azimuth that
    jumps by 2π between neighbours is differentiated correctly).
    """
    near = func(x + h) - func(x - h)
    far = func(x + 2 * h) - func(x - 2 * h)
    if wrap:
        near, far = np.angle(np.exp(1j * near)), np.angle(np.exp(1j * far))
    return (8 * near - far) / (12 * h)


def _profile_gauge_field(profile: WallProfile, x: np.ndarray) -> np.ndarray:
    """A^a(x) of eq. (11), shape (nx, 3): :func:`spinlib.gauge.gauge_components` with
    θ', φ' from fourth-order differences (step 2e-3 × scale, as :func:`direction_derivative`)."""
    h = 2e-3 * profile.scale
    theta, phi = profile.angles(x)
    dtheta = _central_derivative(lambda xs: profile.angles(xs)[0], x, h)
    dphi = _central_derivative(lambda xs: profile.angles(xs)[1], x, h, wrap=True)
    return np.stack(gauge_components(theta, phi, dtheta, dphi), axis=-1)


def _uniform_spacing(x: np.ndarray) -> float:
    dx = np.diff(x)
    if not (np.all(dx > 0) and np.allclose(dx, dx[0], rtol=1e-9, atol=0.0)):
        raise ValueError("x must be a uniform increasing grid")
    return float(dx[0])


def force_from_scattering_state(profile: WallProfile, zeta, x, incident: str = "L_maj",
                                tol: float = 1e-12) -> float:
    """Eq. (53), F = -Δ ∫ ∂_x n · s dx, for one exact scattering state (unit incoming flux).

    The spin density is that of :func:`spinlib.scattering.scattering_state`,
    the integral :func:`spinlib.forces.force_from_spin_density` (trapezoid
    rule) with the gradient of :func:`direction_derivative` in place of its
    second-order differences: the integrand is smooth and vanishes at both
    ends of the wall, so the trapezoid rule converges spectrally.  Momentum
    balance requires F = :func:`momentum_transfer` of the channel.

    Parameters
    ----------
    profile : WallProfile
    zeta : float
    x : array_like
        Uniform grid covering [profile.x_left, profile.x_right].
    incident : {"L_maj", "L_min", "R_maj", "R_min"}
    tol : float
        Accuracy of the S-matrix (:func:`spinlib.scattering.scattering_state`).

    Returns
    -------
    float
        F_x per incident electron of unit flux (units ħk_F).

    Examples
    --------
    >>> import numpy as np
    >>> from spinlib.scattering import tanh_profile, tanh_wall
    >>> prof = tanh_profile(1.0)
    >>> x = np.linspace(prof.x_left, prof.x_right, 4001)
    >>> f = force_from_scattering_state(prof, 0.3, x)
    >>> bool(abs(f - momentum_transfer(tanh_wall(0.3, 1.0, tol=1e-12))[0]) < 1e-9)
    True
    """
    z, x = _check_state_args(profile, zeta, x, 3)
    h = _uniform_spacing(x)
    if x[0] > profile.x_left or x[-1] < profile.x_right:
        raise ValueError(
            f"x must cover the wall [{profile.x_left:g}, {profile.x_right:g}]; "
            f"got [{x[0]:g}, {x[-1]:g}]"
        )
    check_choice(incident, "incident", list(CHANNELS))
    state = scattering_state(profile, z, x, incident=incident, tol=tol)
    tex = prepare_texture(state.direction, h)
    tex = dataclasses.replace(tex, grad=direction_derivative(profile, x)[None])
    return float(force_from_spin_density(tex, state.spin_density, h, z)[0])


def weighted_spin_profile(profile: WallProfile, zeta, x, weighting: str | None = None, *,
                          weights=None, tol: float = 1e-10) -> SpinProfile:
    """Spin density and torque of the exact scattering states, populated per ``weighting``.

    s(x) = Σ_c (w_c/2π) s_c(x) with s_c of
    :func:`spinlib.scattering.scattering_state` (unit incoming flux), w_c of
    :func:`channel_weights` (or explicit ``weights``, shape (4,)).  The
    equilibrium spin density (all channels equally filled) is not included:
    this is the current-driven part, the analogue of eqs. (34), (46).

    Parameters
    ----------
    profile : WallProfile
    zeta : float
    x : array_like, 1D
    weighting : {"bias", "majority", "drift"}, optional
    weights : array_like, shape (4,), optional
        Instead of ``weighting``.
    tol : float
        S-matrix accuracy.

    Returns
    -------
    SpinProfile

    Examples
    --------
    A wide wall with the drifting sea: τ → -(ζ/π) v ∂_x n (the adiabatic
    torque), here up to the non-adiabatic remainder c(A'' + 2A³)/A ~ 1.6e-3:

    >>> import numpy as np
    >>> from spinlib.scattering import tanh_profile
    >>> prof = tanh_profile(20.0)
    >>> sp_ = weighted_spin_profile(prof, 0.5, np.array([0.0]), "drift")
    >>> ad = adiabatic_torque_1d(prof, 0.5, np.array([0.0]), "drift")
    >>> bool(np.abs(sp_.torque - ad).max() < 3e-3 * np.abs(ad).max())
    True
    """
    z, x = _check_state_args(profile, zeta, x)
    w = _resolve_weights(z, weighting, weights)
    s = np.zeros(x.shape + (3,))
    for c, wc in zip(CHANNELS, w):
        if wc != 0.0:
            st = scattering_state(profile, z, x, incident=c, tol=tol)
            s += wc / (2 * np.pi) * st.spin_density
    n = profile.direction(x)
    return SpinProfile(x, n, s, exchange_torque(n, s, z), w, z)


def _resolve_weights(z, weighting, weights) -> np.ndarray:
    if (weighting is None) == (weights is None):
        raise ValueError("give exactly one of weighting and weights")
    if weighting is not None:
        return channel_weights(z, weighting)
    w = as_finite_array(weights, "weights")
    if w.shape != (4,):
        raise ValueError(f"weights must have shape (4,); got {w.shape}")
    return w


def _cumulative_integral(f: np.ndarray, h: float) -> np.ndarray:
    """∫_{x_0}^{x_i} f dx on a uniform grid (axis 0), fourth order.

    Interval integrals h(-f_{i-1} + 13f_i + 13f_{i+1} - f_{i+2})/24 inside,
    h(5f_0 + 8f_1 - f_2)/12 (and its mirror) at the two end intervals.
    """
    inner = h * (-f[:-3] + 13 * f[1:-2] + 13 * f[2:-1] - f[3:]) / 24
    first = h * (5 * f[0] + 8 * f[1] - f[2]) / 12
    last = h * (5 * f[-1] + 8 * f[-2] - f[-3]) / 12
    pieces = np.concatenate([first[None], inner, last[None]], axis=0)
    out = np.zeros_like(f)
    out[1:] = np.cumsum(pieces, axis=0)
    return out


def _first_order_rotated(a_mat, x, h, kp, km, sigma_in, direction):
    """ψ̃0 and ψ̃1 (rotated frame) of one incident channel, first order in A.

    ψ̃1_σ'(x) = -(i/2)(1 + dk/k') e^{ik'x} ∫_{-∞}^x e^{-ik'x'} f
               + (i/2)(1 - dk/k') e^{-ik'x} ∫_x^∞ e^{ik'x'} f,
    f(x') = A_σ'σ(x') e^{idkx'}/√k: the Green function -i e^{ik'|x-x'|}/k' of
    band σ' applied to ½{p, A}ψ̃0, integrated by parts (module docstring).
    """
    ks = {1: kp, -1: km}
    k = ks[sigma_in]
    col = 0 if sigma_in == 1 else 1
    psi0 = np.zeros((x.size, 2), dtype=complex)
    psi0[:, col] = np.exp(1j * direction * k * x) / np.sqrt(k)
    psi1 = np.zeros((x.size, 2), dtype=complex)
    for row, sig_out in ((0, 1), (1, -1)):
        kk = ks[sig_out]
        f = a_mat[:, row, col] * psi0[:, col]
        left = _cumulative_integral(np.exp(-1j * kk * x) * f, h)
        g = np.exp(1j * kk * x) * f
        right = _cumulative_integral(g, h)
        right = right[-1] - right
        psi1[:, row] = (-0.5j * (1 + direction * k / kk) * np.exp(1j * kk * x) * left
                        + 0.5j * (1 - direction * k / kk) * np.exp(-1j * kk * x) * right)
    return psi0, psi1


def first_order_spin_profile(profile: WallProfile, zeta, x, weighting: str | None = None, *,
                             weights=None) -> SpinProfile:
    """Spin density and torque to first order in the gauge field (the paper's theory in 1D).

    In the rotated frame of eqs. (6)-(12) the electron sees the uniform
    splitting -Δσ_z and the vertex V = ½{p, A} (+ ½A², second order).  Each
    incident channel (band σ, direction d) has ψ̃ = ψ̃0 + G₀Vψ̃0 with
    ψ̃0 = χ_σ e^{idk_σx}/√k_σ and the outgoing Green function of band σ',
    -i e^{ik_σ'|x-x'|}/k_σ'.  The first-order spin density
    s̃ = s̃0 + 2 Re ψ̃0†σψ̃1 is rotated to the lab by eq. (15)
    (:func:`spinlib.gauge.lab_from_rotated`) and summed with the weights w_c/2π,
    as in :func:`weighted_spin_profile`.  Its far field is the first Born
    amplitude (:func:`spinlib.scattering.born_probabilities`).

    The gauge field A = m × ∂_x m (eq. 11) is
    :func:`spinlib.gauge.gauge_components` with θ', φ' from the fourth-order
    differences of :func:`direction_derivative`; the integrals a fourth-order
    cumulative rule: error O((k_F+ h)⁴ + (h/λ)⁴).

    Parameters
    ----------
    profile : WallProfile
    zeta : float
    x : array_like
        Uniform grid covering the wall (the gauge field must vanish at both
        ends: |A| < 1e-10 max|A|), spacing h with (k_F+ + k_F-) h < 0.5.
    weighting, weights
        As in :func:`weighted_spin_profile`.

    Returns
    -------
    SpinProfile

    Examples
    --------
    >>> import numpy as np
    >>> from spinlib.scattering import tanh_profile
    >>> prof = tanh_profile(20.0)
    >>> x = np.linspace(-800, 800, 80001)
    >>> fo = first_order_spin_profile(prof, 0.5, x, "majority")
    >>> ad = adiabatic_torque_1d(prof, 0.5, x, "majority")
    >>> bool(np.abs(fo.torque - ad).max() < 0.05 * np.abs(ad).max())
    True
    """
    z, x = _check_state_args(profile, zeta, x, 5)
    h = _uniform_spacing(x)
    w = _resolve_weights(z, weighting, weights)
    kp, km = (float(k) for k in fermi_wavevectors(z))
    if (kp + km) * h >= 0.5:
        raise ValueError(f"x spacing {h:g} too coarse: need (k_F+ + k_F-) h < 0.5")
    a_vec = _profile_gauge_field(profile, x)  # (nx, 3): A^a of eq. (11)
    a_abs = np.linalg.norm(a_vec, axis=-1)
    if max(a_abs[0], a_abs[-1]) > 1e-10 * a_abs.max():
        raise ValueError(
            f"x must cover the wall: the gauge field must vanish at both ends of the grid "
            f"(got |A| = {a_abs[0]:.2e}, {a_abs[-1]:.2e} against max {a_abs.max():.2e})"
        )
    a_mat = np.einsum("xa,aij->xij", a_vec, PAULI)
    s_tilde = np.zeros(x.shape + (3,))
    for sigma_in, direction, wc in zip(_SIGMA, _DIRECTION, w):
        if wc == 0.0:
            continue
        psi0, psi1 = _first_order_rotated(a_mat, x, h, kp, km, int(sigma_in), float(direction))
        s0 = spinor_spin_density(psi0)
        s1 = 2 * spinor_spin_density(psi0, psi1)
        s_tilde += wc / (2 * np.pi) * (s0 + s1)
    theta, phi = profile.angles(x)
    s = lab_from_rotated(s_tilde, theta, phi)
    n = profile.direction(x)
    return SpinProfile(x, n, s, exchange_torque(n, s, z), w, z)


def adiabatic_torque_1d(profile: WallProfile, zeta, x, weighting: str | None = None, *,
                        weights=None) -> np.ndarray:
    """Local (adiabatic) torque τ_ad = -J_s ∂_x n of a population, the 1D eq. (47) (corrected).

    An electron of unit flux that follows n adiabatically carries the spin
    current ½σ_c d_c n (σ_c = ±1 majority/minority, d_c = ±1 its direction),
    so it exerts τ = -∂_x(½σ_c d_c n) on the wall; summed with the weights,
    τ_ad = -J_s ∂_x n with J_s = :func:`spin_flux` (or from explicit
    ``weights``).  For "drift", τ_ad = -(ζ/π) v ∂_x n = -s v ∂_x n, the
    corrected (47) with the 1D spin density s = (n₊ - n₋)/2; for "bias" it
    vanishes.  ∂_x n from :func:`direction_derivative`.

    Returns
    -------
    numpy.ndarray, shape (nx, 3)
        Units: per unit δμ (bias, majority) or per unit v (drift).

    Examples
    --------
    >>> import numpy as np
    >>> from spinlib.scattering import tanh_profile
    >>> t = adiabatic_torque_1d(tanh_profile(1.0), 0.3, np.array([0.0]), "majority")
    >>> bool(np.isclose(np.linalg.norm(t), 0.5 / (2 * np.pi)))
    True
    """
    z, x = _check_state_args(profile, zeta, x)
    j_s = float(spin_flux(z, weighting, weights=weights))
    return -j_s * direction_derivative(profile, x)



def drift_kernel_1d(q_tilde, zeta) -> np.ndarray:
    """In-plane first-order kernel of the drifting sea in 1D, K(q̃) = 1/[(1 - q̃²)(1 - q̃²/ζ²)].

    The 1D analogue of the longitudinal kernel χ̃_L of
    :func:`spinlib.response.chi1_longitudinal_tilde`: for a planar wall the
    first-order torque of the drifting sea is e_θ·τ = -(2ζv/π) (K ⋆ A^⊥),
    q̃ = q/2k_F.  Derived in notebook 09 (sympy) from the Born series of
    :func:`first_order_spin_profile`; K = 1 + c_1D q̃² + O(q̃⁴) with
    c_1D = (1 + ζ²)/ζ² (:func:`drift_kernel_1d_coefficient`).  Where
    the 3D kernel has logarithmic singularities at q̃ = ζ and 1 (the edges
    of the Stoner window, k_F+ ∓ k_F-), the 1D kernel has poles: ±inf is
    returned there (the real-space response then has undamped oscillations).

    Examples
    --------
    >>> float(drift_kernel_1d(0.0, 0.4))
    1.0
    >>> float(drift_kernel_1d(0.4, 0.4))
    inf
    """
    q = check_nonnegative(q_tilde, "q_tilde")
    z = check_zeta(zeta)
    den = (1.0 - q**2) * (1.0 - q**2 / z**2)
    with np.errstate(divide="ignore"):
        return np.where(den == 0.0, np.inf, 1.0 / np.where(den == 0.0, 1.0, den))


def drift_kernel_1d_coefficient(zeta) -> np.ndarray:
    """c_1D with K(q̃) = 1 + c_1D q̃² + O(q̃⁴) for :func:`drift_kernel_1d`: c_1D = (1 + ζ²)/ζ².

    The 1D counterpart of ``spinlib.response.small_q_coefficient("chi1_longitudinal", ζ)``
    (c_L → 1/(3ζ²) as ζ → 0, the angular average 1/3 of 3D).  In real space,
    with q̃ = q/2k_F, K ⋆ A^⊥ = A^⊥ - (c_1D/4) ∂_x²A^⊥ + …: the in-plane
    first-order torque of the drifting sea across a wide planar wall is
    -(2ζv/π)[A - cA''] with c = c_1D/4 = (1 + ζ²)/(4ζ²) (k_F = 1).  Series
    of the closed form with sympy in notebook 09; tested against the sympy
    series of the first-order (Born-series) sum in
    ``tests/test_scattering_comparisons.py``.

    Examples
    --------
    >>> float(drift_kernel_1d_coefficient(0.5))
    5.0
    """
    z = check_zeta(zeta)
    return (1.0 + z * z) / (z * z)
