"""μMAG standard problem 5 seen through the Thiele model (notebook 08).

Standard problem 5 (Najafi et al., J. Appl. Phys. 105, 113914 (2009)): a
vortex in a 100 × 100 × 10 nm³ permalloy square driven by a spin-polarised
current.  A rigid vortex in a harmonic trap (:mod:`spinlib.thiele`) with the
drift u of :mod:`spinlib.units` and the gyrovector and dissipation of a smooth
vortex texture is compared with a fidimag run (reference data, not computed
by spinlib: ``spinlib/data/fidimag_std5_subsample.csv``, sources in
``spinlib/data/SOURCES.md``).  Two numbers are taken from the data: the trap
stiffness κ (magnetostatics, outside a rigid-vortex model) and the
⟨m⟩-per-displacement scale.

Conventions: the Thiele equation of :mod:`spinlib.thiele` for the
*magnetisation* direction m (= -e_s), in velocity units,

    -κ X + G e_z × (u - Ẋ) + D (β u - α Ẋ) = 0,

with u along the electron flow for P > 0.  Lengths in nm, times in ns
(SI inside the Thiele solver), texture integrals dimensionless.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import numpy as np
from scipy.optimize import least_squares

from . import thiele, units
from .grids import make_grid
from .textures import smooth_vortex_angles, unit_vectors, vortex_ansatz_angles

__all__ = [
    "SP5",
    "SP5_SOURCE",
    "REFERENCE_FILE",
    "sp5_reference",
    "sp5_drift_velocity",
    "vortex_field",
    "gyro_and_dissipation",
    "sp5_texture_integrals",
    "rigid_vortex_map",
    "Sp5Fit",
    "fit_sp5",
    "trap_trajectory",
]

#: The reference trajectory (package data).
REFERENCE_FILE = "fidimag_std5_subsample.csv"


#: Where the SP5 curve comes from (printed on the figure).
SP5_SOURCE = (
    "data: fidimag SP5 run (20×20×2 cells) stored by MicroMagnetic.jl (MIT), "
    "spinlib/data/SOURCES.md"
)

#: Standard problem 5 (Najafi et al., J. Appl. Phys. 105, 113914 (2009)) as run by fidimag.
SP5 = {
    "side_nm": 100.0,
    "thickness_nm": 10.0,
    "saturation_magnetization": 8e5,  # A/m
    "alpha": 0.1,
    "beta": 0.05,
    "polarization": 1.0,
    "current_density_x": -1e12,  # A/m², fidimag's jx: electrons flow along +x
    "polarity": 1,  # <m_z> > 0 in the data
    "chirality": -1,  # clockwise; see notebook 08 (fixed by the data up to a symmetry)
    "core_radius_nm": 10.0,  # λ of cos θ = p exp(-r²/λ²): an assumption (≈ 2 exchange lengths)
}


def sp5_reference() -> dict[str, np.ndarray]:
    """The SP5 reference trajectory (fidimag): ``t_ns``, ``mx``, ``my``, ``mz`` arrays.

    Read from the package data file ``spinlib/data/fidimag_std5_subsample.csv``
    (see ``spinlib/data/SOURCES.md``).
    """
    path = resources.files("spinlib") / "data" / REFERENCE_FILE
    with resources.as_file(path) as file:
        rows = [ln for ln in file.read_text(encoding="utf-8").splitlines()
                if ln.strip() and not ln.startswith("#")]
    if rows[0].replace(" ", "") != "t_ns,mx,my,mz":
        raise ValueError(f"unexpected header in {REFERENCE_FILE}: {rows[0]!r}")
    data = np.array([[float(v) for v in row.split(",")] for row in rows[1:]])
    return {name: data[:, i] for i, name in enumerate(("t_ns", "mx", "my", "mz"))}


def sp5_drift_velocity() -> np.ndarray:
    """In-plane drift u (m/s) of the fidimag SP5 run, from :func:`spinlib.units.drift_velocity_from_fidimag`."""
    u, _ = units.drift_velocity_from_fidimag(
        [SP5["current_density_x"], 0.0, 0.0], SP5["polarization"], SP5["beta"],
        SP5["saturation_magnetization"],
    )
    return np.asarray(u[:2], dtype=float)


# --------------------------------------------------------------------------
# vortex textures and their Thiele integrals
# --------------------------------------------------------------------------
def vortex_field(kind: str, half_size: float, spacing: float, core_radius: float = 1.0,
                 polarity: int = 1, chirality: int = 1, center=(0.0, 0.0)) -> np.ndarray:
    """Magnetisation m of a vortex on the square [-half_size, half_size]², shape (N, N, 3).

    ``kind="ansatz"``: the paper's (92) (core at the origin only);
    ``kind="smooth"``: cos θ = p exp(-r²/λ²) (:func:`spinlib.textures.smooth_vortex_angles`).
    """
    n = round(2 * half_size / spacing) + 1
    X, Y = make_grid((n, n), spacing)
    if kind == "ansatz":
        if tuple(center) != (0.0, 0.0):
            raise ValueError("center must be (0, 0) for kind='ansatz'")
        theta, phi = vortex_ansatz_angles(X, Y, core_radius, polarity, chirality)
    elif kind == "smooth":
        theta, phi = smooth_vortex_angles(X, Y, core_radius, polarity, chirality, center=center)
    else:
        raise ValueError(f"kind must be 'ansatz' or 'smooth'; got {kind!r}")
    return unit_vectors(theta, phi)


def gyro_and_dissipation(kind: str, half_size: float, spacing: float,
                         core_radius: float = 1.0) -> tuple[float, float]:
    """(G, D_xx) of :mod:`spinlib.thiele` for a polarity +1 vortex on a square domain."""
    m = vortex_field(kind, half_size, spacing, core_radius)
    return thiele.gyrovector(m), float(thiele.dissipation_tensor(m, spacing)[0, 0])


@functools.lru_cache(maxsize=8)
def sp5_texture_integrals(core_radius_nm: float = SP5["core_radius_nm"], spacing_nm: float = 1.0):
    """(G, D) of the SP5 vortex: smooth vortex of core radius λ in the 100 nm square.

    G = 4πQ (dimensionless), D = D_xx (dimensionless, per unit thickness);
    D is isotropic by symmetry (D_xy = 0, D_yy = D_xx to rounding).
    """
    m = vortex_field("smooth", SP5["side_nm"] / 2, spacing_nm, core_radius_nm,
                     SP5["polarity"], SP5["chirality"])
    D = thiele.dissipation_tensor(m, spacing_nm)
    return thiele.gyrovector(m), float(D[0, 0])


@functools.lru_cache(maxsize=8)
def rigid_vortex_map(core_radius_nm: float = SP5["core_radius_nm"], spacing_nm: float = 1.0,
                     chirality: int = SP5["chirality"]) -> np.ndarray:
    """d⟨m_xy⟩/dX (1/nm), 2 x 2, of a *rigidly* shifted SP5 vortex, by central differences (±1 nm).

    ⟨m⟩ is the average over the cells of the 100 nm square (cell centres,
    i.e. the midpoint rule, as a micromagnetic code averages) of the smooth
    vortex whose core sits at X; a rigid shift keeps the edge spins following
    the texture (no magnetostatic pinning), which is what "rigid vortex" means.
    """
    n = round(SP5["side_nm"] / spacing_nm)
    X, Y = make_grid((n, n), spacing_nm)  # cell centres ±(side - h)/2

    def average(center):
        theta, phi = smooth_vortex_angles(X, Y, core_radius_nm, SP5["polarity"], chirality,
                                          center=center)
        return unit_vectors(theta, phi)[..., :2].mean(axis=(0, 1))

    d = 1.0
    cols = [(average((d, 0.0)) - average((-d, 0.0))) / (2 * d),
            (average((0.0, d)) - average((0.0, -d))) / (2 * d)]
    return np.stack(cols, axis=1)


# --------------------------------------------------------------------------
# the SP5 comparison: a rigid vortex in a harmonic trap
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class Sp5Fit:
    """The Thiele model of SP5 and the two numbers taken from the data.

    Attributes
    ----------
    u : ndarray, shape (2,)
        Drift (m/s).
    G, D, alpha, beta : float
        Thiele inputs (G, D from the texture, α, β from the specification).
    kappa : float
        Trap stiffness (1/s), fitted.
    scale : float
        |d⟨m⟩/dX| (1/nm), fitted; ⟨m⟩ = scale · R(±π/2) X.
    rigid_scale : float
        The same for a rigid vortex (:func:`rigid_vortex_map`).
    rms : float
        Root-mean-square residual of ⟨m_x⟩, ⟨m_y⟩.
    spiral : tuple
        Free damped-spiral fit of the data (:func:`spinlib.thiele.damped_spiral`),
        (m∞ (2,), Γ (1/ns), ω (rad/ns)).
    """

    u: np.ndarray
    G: float
    D: float
    alpha: float
    beta: float
    kappa: float
    scale: float
    rigid_scale: float
    rms: float
    spiral: tuple

    @property
    def rotation(self) -> np.ndarray:
        """R(-c π/2): the map from the core displacement to the direction of ⟨m⟩."""
        return -SP5["chirality"] * thiele._JZ  # _JZ: the rotation by +π/2

    def core_position_nm(self, t_ns) -> np.ndarray:
        """X(t) in nm from :func:`spinlib.thiele.harmonic_trajectory`, X(0) = 0."""
        t = np.asarray(t_ns, float) * 1e-9
        return 1e9 * thiele.harmonic_trajectory(t, [0.0, 0.0], self.u, self.G, self.D,
                                                self.alpha, self.beta, self.kappa)

    def average_m(self, t_ns, scale=None) -> np.ndarray:
        """Model ⟨m_x⟩, ⟨m_y⟩: scale × R X(t) (default the fitted scale)."""
        scale = self.scale if scale is None else scale
        return scale * self.core_position_nm(t_ns) @ self.rotation.T

    @property
    def rates(self) -> tuple[float, float]:
        """(Γ, ω) of the model in 1/ns (:func:`spinlib.thiele.harmonic_rates`)."""
        gamma, omega = thiele.harmonic_rates(self.G, self.D, self.alpha, self.kappa)
        return gamma * 1e-9, omega * 1e-9

    @property
    def equilibrium_nm(self) -> np.ndarray:
        """X* in nm (:func:`spinlib.thiele.harmonic_equilibrium`)."""
        return 1e9 * thiele.harmonic_equilibrium(self.u, self.G, self.D, self.beta, self.kappa)


@functools.lru_cache(maxsize=8)
def fit_sp5(core_radius_nm: float = SP5["core_radius_nm"]) -> Sp5Fit:
    """Fit the trap stiffness κ and the ⟨m⟩-per-displacement scale to the SP5 data.

    Everything else is fixed: u (units), α, β (specification), G and D
    (smooth vortex of core radius λ in the 100 nm square, p = +1).  The
    free damped-spiral fit (m∞, Γ, ω) of the data is returned alongside, as
    the model-independent description to compare with.
    """
    data = sp5_reference()
    t, target = data["t_ns"], np.stack([data["mx"], data["my"]], axis=-1)
    G, D = sp5_texture_integrals(core_radius_nm)
    rigid = rigid_vortex_map(core_radius_nm)
    rigid_scale = float(np.hypot(rigid[0, 0], rigid[1, 0]))
    base = {"u": sp5_drift_velocity(), "G": G, "D": D, "alpha": SP5["alpha"], "beta": SP5["beta"],
                "rigid_scale": rigid_scale, "rms": 0.0, "spiral": ()}

    def model(params):
        fit = Sp5Fit(kappa=params[0] * 1e9, scale=params[1], **base)
        return fit.average_m(t)

    res = least_squares(lambda p: (model(p) - target).ravel(), x0=[20.0, rigid_scale],
                        x_scale=[10.0, 0.01])
    # the data-fit model: the shape X* + e^{-Γt} R(ωt)(X0 - X*) of every harmonic-trap trajectory,
    # here for ⟨m⟩ (a fixed linear image of X), with Γ >= 0
    spiral = least_squares(
        lambda p: (thiele.damped_spiral(t, p[:2], target[0], p[2], p[3]) - target).ravel(),
        x0=[target[-1, 0], target[-1, 1], 0.5, 4.0],
        bounds=([-np.inf, -np.inf, 0.0, -np.inf], np.inf),
    )
    rms = float(np.sqrt(np.mean(res.fun**2)))
    return Sp5Fit(kappa=res.x[0] * 1e9, scale=float(res.x[1]),
                  **{**base, "rms": rms, "spiral": (spiral.x[:2], spiral.x[2], spiral.x[3])})



def trap_trajectory(alpha: float, beta: float, polarization: float, current_density: float,
                    duration_ns: float = 8.0, n: int = 801) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(t in ns, X(t) in nm, X* in nm) of the SP5 vortex (G, D, κ of :func:`fit_sp5`).

    The current flows along x: ``current_density`` is j_x in A/m² (its sign
    sets the direction), u from :func:`spinlib.units.spin_drift_velocity`
    with g = 2.
    """
    fit = fit_sp5()
    u = units.spin_drift_velocity([current_density, 0.0], polarization,
                                  SP5["saturation_magnetization"])
    t = np.linspace(0.0, duration_ns, n)
    X = 1e9 * thiele.harmonic_trajectory(t * 1e-9, [0.0, 0.0], u, fit.G, fit.D, alpha, beta, fit.kappa)
    Xs = 1e9 * thiele.harmonic_equilibrium(u, fit.G, fit.D, beta, fit.kappa)
    return t, X, Xs

