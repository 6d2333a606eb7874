"""The two-band (Stoner) electron gas of eqs. (2), (3) and (13).

Units
-----
ħ = 1, electron mass m = 1 and the *average* Fermi wave-vector
k_F = (k_F+ + k_F-)/2 = 1.  Lengths are in units of 1/k_F, wave-vectors in
units of k_F, energies in units of ħ²k_F²/m (twice the free-electron Fermi
energy of a gas with wave-vector k_F), densities in units of k_F³.

Conventions (paper, text after eq. 36)
--------------------------------------
k_F± = k_F (1 ± ζ) with the polarisation ζ = (k_F+ - k_F-)/(k_F+ + k_F-),
0 < ζ < 1.  In the rotated frame the bands are (eq. 13)
ε_kσ = k²/2m - ε_F - σΔ, so that

* Δ   = (k_F+² - k_F-²)/4m = ζ k_F²/m           (exchange splitting, eq. 3)
* ε_F = (k_F+² + k_F-²)/4m = (1 + ζ²) k_F²/2m   (measured from the band centre)
* n±  = k_F±³/6π²                                (spin-resolved densities)
* ν±  = m k_F±/2π²                               (density of states per volume)
* s   = (n+ - n-)/2 = k_F³ ζ (3 + ζ²)/6π²        (the paper's "s", after eq. 32)

Note the paper's s is *half* of ⟨c†σ_z c⟩ = n+ - n-.
"""

from __future__ import annotations

import numpy as np

from ._validation import check_zeta

__all__ = [
    "fermi_wavevectors",
    "exchange_splitting",
    "fermi_energy",
    "densities",
    "total_density",
    "spin_density_s",
    "densities_of_states",
]


def fermi_wavevectors(zeta) -> tuple[np.ndarray, np.ndarray]:
    """Majority and minority Fermi wave-vectors k_F± = 1 ± ζ (units of k_F).

    Examples
    --------
    >>> kp, km = fermi_wavevectors(0.25)
    >>> float(kp), float(km)
    (1.25, 0.75)
    """
    zeta = check_zeta(zeta)
    return 1.0 + zeta, 1.0 - zeta


def exchange_splitting(zeta) -> np.ndarray:
    """Exchange splitting Δ = (k_F+² - k_F-²)/4m = ζ (units of ħ²k_F²/m), eq. (13)."""
    kp, km = fermi_wavevectors(zeta)
    return (kp**2 - km**2) / 4.0


def fermi_energy(zeta) -> np.ndarray:
    """ε_F = (k_F+² + k_F-²)/4m = (1 + ζ²)/2 (units of ħ²k_F²/m), eq. (13)."""
    kp, km = fermi_wavevectors(zeta)
    return (kp**2 + km**2) / 4.0


def densities(zeta) -> tuple[np.ndarray, np.ndarray]:
    """Spin-resolved electron densities n± = k_F±³/6π² (units of k_F³)."""
    kp, km = fermi_wavevectors(zeta)
    return kp**3 / (6 * np.pi**2), km**3 / (6 * np.pi**2)


def total_density(zeta) -> np.ndarray:
    """Total electron density n = n+ + n- (units of k_F³)."""
    n_plus, n_minus = densities(zeta)
    return n_plus + n_minus


def spin_density_s(zeta) -> np.ndarray:
    """The paper's s = (n+ - n-)/2 = ζ(3 + ζ²)/6π² (units of k_F³), text after (32).

    Examples
    --------
    >>> import numpy as np
    >>> bool(np.isclose(spin_density_s(0.5), 0.5 * (3 + 0.25) / (6 * np.pi**2)))
    True
    """
    kp, km = fermi_wavevectors(zeta)
    zeta = np.asarray(zeta, dtype=float)
    # (k+³ - k-³)/12π² with k+ - k- = 2ζ factored out exactly: no cancellation
    # for small ζ
    return zeta * (kp**2 + kp * km + km**2) / (6 * np.pi**2)


def densities_of_states(zeta) -> tuple[np.ndarray, np.ndarray]:
    """Densities of states per volume at the Fermi level, ν± = m k_F±/2π²."""
    kp, km = fermi_wavevectors(zeta)
    return kp / (2 * np.pi**2), km / (2 * np.pi**2)
