"""Tests of spinlib.units: the paper's a³ j_s/(2eS) ↔ Zhang-Li u, β ↔ micromagnetic codes.

Independent references used here: the μMAG standard problem 5 numbers, the
fidimag run stored in shared/reference-data/sp5 (its header states the
parameters), and a direct solution of Zhang and Li's spin-accumulation
(Bloch) equation for the 1 + ξ² of mumax3.
"""

from __future__ import annotations

import re
from importlib import resources

import numpy as np
import pytest
import scipy.constants as sc

from spinlib import units

SP5 = dict(j=1e12, P=1.0, Ms=8e5, xi=0.05)


# --------------------------------------------------------------------------
# standard problem 5
# --------------------------------------------------------------------------
def test_sp5_drift_speed_g2_reproduces_72_35():
    # Najafi et al. (2009) quote |u| = 72.35 m/s; electrons flowing along +x
    # means j along -x, and u points along the electron flow.
    u = units.spin_drift_velocity([-SP5["j"], 0.0, 0.0], SP5["P"], SP5["Ms"])
    assert round(float(u[0]), 2) == 72.35
    assert u[1] == u[2] == 0.0
    # the exact value with CODATA μ_B and e: μ_B j/(e M_s)
    expected = sc.physical_constants["Bohr magneton"][0] * 1e12 / (sc.e * 8e5)
    assert u[0] == pytest.approx(expected, rel=1e-15)


def test_sp5_drift_speed_with_free_electron_g_is_72_44():
    u2 = float(units.spin_drift_velocity(-SP5["j"], 1.0, SP5["Ms"], g=units.G_TWO))
    ue = float(units.spin_drift_velocity(-SP5["j"], 1.0, SP5["Ms"], g=units.G_ELECTRON))
    assert round(ue, 2) == 72.44
    # the whole difference is the factor g_e/2 = 1.00115965...: 0.084 m/s
    assert ue / u2 == pytest.approx(units.G_ELECTRON / 2, rel=1e-15)
    assert ue - u2 == pytest.approx(0.0839, abs=1e-4)


def test_sp5_mumax3_given_J_1e12_runs_at_72_17():
    # mumax3's own SP5 test sets J = (1e12, 0, 0), Pol = 1, xi = 0.05:
    # u = -μ_B J/(e M_s (1 + ξ²)) = -72.17 m/s (electrons along -x).
    u, beta = units.drift_velocity_from_mumax3([1e12, 0, 0], 1.0, SP5["xi"], SP5["Ms"])
    assert round(float(u[0]), 2) == -72.17
    assert beta == SP5["xi"]
    # and the J that reproduces the specified 72.35 m/s is (1 + ξ²) × 10¹²
    p = units.mumax3_parameters([72.35477247713376, 0, 0], SP5["xi"], SP5["Ms"])
    assert p["J"][0] == pytest.approx(-(1 + SP5["xi"] ** 2) * 1e12, rel=1e-12)


def test_sp5_reference_run_header_is_the_specified_drift():
    """The packaged fidimag trajectory was run with u = +72.44 x̂ m/s (g_e, no 1 + β²)."""
    csv = resources.files("spinlib") / "data" / "fidimag_std5_subsample.csv"
    header = "".join(line for line in csv.read_text().splitlines(True) if line.startswith("#"))
    params = {k: float(v) for k, v in re.findall(r"\b(Ms|beta|P|jx)=([-+0-9.e]+)", header)}
    assert params == {"Ms": 8e5, "beta": 0.05, "P": 1.0, "jx": -1e12}
    u, beta = units.drift_velocity_from_fidimag(
        [params["jx"], 0, 0], params["P"], params["beta"], params["Ms"]
    )
    assert round(float(u[0]), 2) == 72.44 and beta == 0.05
    # same direction as the specification's u = +72.35 x̂; |u| larger by g_e/2
    spec = units.spin_drift_velocity(-1e12, 1.0, 8e5)
    assert u[0] / spec == pytest.approx(units.G_ELECTRON / 2, rel=1e-12)
    # and the translator inverts it
    back = units.fidimag_parameters(u, beta, params["Ms"])
    assert back["jx"] == pytest.approx(params["jx"], rel=1e-12)
    assert back["jy"] == back["jz"] == 0.0


# --------------------------------------------------------------------------
# paper prefactor a³/(2eS) ↔ Zhang-Li
# --------------------------------------------------------------------------
@pytest.mark.parametrize("g", [2.0, units.G_ELECTRON, 2.1])
@pytest.mark.parametrize("cell_volume", [1e-29, (0.25e-9) ** 3])
def test_paper_prefactor_equals_zhang_li_velocity(g, cell_volume):
    """a³ j_s/(2 e_paper S) = -g μ_B P j/(2 e M_s) once M_s = g μ_B S/a³."""
    j = np.array([3e11, -1e12, 2e10])
    P, Ms = 0.6, 7.3e5
    S = units.spin_per_cell(Ms, cell_volume, g)
    assert units.saturation_magnetization(S, cell_volume, g) == pytest.approx(Ms, rel=1e-14)
    js = units.spin_current_density(j, P)
    u_paper = units.paper_drift_velocity(js, S, cell_volume)
    u_zl = units.spin_drift_velocity(j, P, Ms, g)
    np.testing.assert_allclose(u_paper, u_zl, rtol=1e-14, atol=0)
    # the texture moves along the electron flow: u antiparallel to j for P > 0
    assert np.dot(u_zl, j) < 0


def test_paper_e_is_the_electron_charge():
    # j/e_paper is the electron particle flux (eq. 24): for a charge current
    # +x the electrons flow along -x.
    assert units.PAPER_ELECTRON_CHARGE == -units.ELEMENTARY_CHARGE < 0
    flux = 1.0 / units.PAPER_ELECTRON_CHARGE
    assert flux < 0


def test_round_trips():
    u = np.array([-12.5, 3.0, 0.25])
    j = units.current_density_for_drift_velocity(u, -0.4, 6e5, g=2.05)
    np.testing.assert_allclose(units.spin_drift_velocity(j, -0.4, 6e5, g=2.05), u, rtol=1e-14)
    p = units.mumax3_parameters(u, 0.3, 6e5, polarization=0.5)
    u2, beta = units.drift_velocity_from_mumax3(p["J"], p["Pol"], p["xi"], 6e5)
    np.testing.assert_allclose(u2, u, rtol=1e-14)
    assert beta == 0.3
    f = units.fidimag_parameters(u, 0.3, 6e5, polarization=0.5)
    u3, _ = units.drift_velocity_from_fidimag([f["jx"], f["jy"], f["jz"]], f["p"], 0.3, 6e5)
    np.testing.assert_allclose(u3, u, rtol=1e-14)
    assert units.ubermag_parameters([72.0, 0.0, 0.0], 0.02) == {"u": 72.0, "beta": 0.02}


def test_mumax3_denominator_is_the_bloch_solution():
    """Zhang-Li's steady spin accumulation gives u_eff = u0/(1 + ξ²) and β = ξ exactly.

    Electron spin density s = s0 e + δs (⟨σ⟩ per volume, quantum dynamics
    ds/dt = 2Δ s × e), spin current J e (J = j↑ - j↓ particle fluxes),
    relaxation δs/τ:  (J·∇)e = 2Δ δs × e - δs/τ.  The torque on the local
    spin density n_S is Δ e × δs.  Solve the 3 x 3 system numerically and
    decompose n_S ė = Δ e × δs = -n_S [(u_eff·∇)e + β e × (u_eff·∇)e] with
    u0 = J/(2 n_S) (the paper's a³ j_s/(2eS)).
    """
    rng = np.random.default_rng(0)
    e = rng.normal(size=3)
    e /= np.linalg.norm(e)
    D = np.cross(e, rng.normal(size=3))  # (J·∇)e, perpendicular to e
    n_spin = 0.7
    for delta, tau in [(0.4, 50.0), (0.4, 2.0), (1.3, 0.3)]:
        cross_e = np.array([np.cross(b, e) for b in np.eye(3)]).T  # δs ↦ δs × e
        A = 2 * delta * cross_e - np.eye(3) / tau
        ds = np.linalg.solve(A, D)
        edot = delta * np.cross(e, ds) / n_spin
        # least-squares decomposition on the basis {D, e × D}
        basis = np.stack([D, np.cross(e, D)], axis=1) / (2 * n_spin)
        (c1, c2), *_ = np.linalg.lstsq(basis, -edot, rcond=None)
        xi = 1 / (2 * delta * tau)
        assert c1 == pytest.approx(1 / (1 + xi**2), rel=1e-12)
        assert c2 / c1 == pytest.approx(xi, rel=1e-12)
        # mumax3's u for the same physical current equals this u_eff (g = 2)
        u_m, _ = units.drift_velocity_from_mumax3(1e12, 0.8, xi, 5e5)
        u_0 = units.spin_drift_velocity(1e12, 0.8, 5e5, g=2.0)
        assert float(u_m / u_0) == pytest.approx(c1, rel=1e-12)


def test_reduced_units_are_atomic_units_for_k_F_equal_inverse_bohr_radius():
    """k_F = 1/a₀ with the electron mass turns ħ = m = k_F = 1 into Hartree atomic units (|e| = 1 too).

    The CODATA atomic units of scipy.constants are adjusted values of their own (not computed
    here from ħ, m_e, e), consistent with those to their relative uncertainties < 1e-9.
    """
    a0 = sc.physical_constants["Bohr radius"][0]
    r = units.ReducedUnits(1.0 / a0)
    atomic = {name: sc.physical_constants[f"atomic unit of {name}"][0] for name in ("time", "velocity", "force")}
    assert r.length == pytest.approx(a0, rel=1e-15)
    assert r.energy == pytest.approx(sc.physical_constants["Hartree energy"][0], rel=1e-9)
    assert r.time == pytest.approx(atomic["time"], rel=1e-9)
    assert r.velocity == pytest.approx(atomic["velocity"], rel=1e-9)
    assert r.force == pytest.approx(atomic["force"], rel=1e-9)
    # current density: atomic unit of current per a₀²; resistivity: ħ/e² = R_K/2π (von Klitzing) times a₀
    assert r.current_density == pytest.approx(sc.physical_constants["atomic unit of current"][0] / a0**2, rel=1e-9)
    assert r.resistivity == pytest.approx(sc.physical_constants["von Klitzing constant"][0] / (2 * np.pi) * a0,
                                          rel=1e-9)  # fmt: skip
    # the energy scales as k_F²/m, the resistivity unit as 1/k_F and not with m
    r2 = units.ReducedUnits(2.0 / a0, mass=2 * sc.m_e)
    assert r2.energy == pytest.approx(2 * r.energy, rel=1e-15)
    assert r2.resistivity == pytest.approx(r.resistivity / 2, rel=1e-15)


# --------------------------------------------------------------------------
# validation
# --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: units.spin_drift_velocity(1e12, 1.2, 8e5), "polarization"),
        (lambda: units.spin_drift_velocity(1e12, -1.01, 8e5), "polarization"),
        (lambda: units.spin_drift_velocity(1e12, 0.5, 0.0), "saturation_magnetization"),
        (lambda: units.spin_drift_velocity(np.nan, 0.5, 8e5), "current_density"),
        (lambda: units.spin_drift_velocity(1e12, np.nan, 8e5), "polarization"),
        (lambda: units.spin_drift_velocity(1e12, 0.5, 8e5, g=0.0), "g"),
        (lambda: units.current_density_for_drift_velocity(1.0, 0.0, 8e5), "polarization"),
        (lambda: units.paper_drift_velocity(1e12, 0.0, 1e-29), "spin"),
        (lambda: units.paper_drift_velocity(1e12, 1.0, -1e-29), "cell_volume"),
        (lambda: units.saturation_magnetization(np.inf, 1e-29), "spin"),
        (lambda: units.mumax3_parameters([1, 0, 0], np.nan, 8e5), "beta"),
        (lambda: units.mumax3_parameters([1, 0, 0], 0.1, 8e5, polarization=0), "polarization"),
        (lambda: units.drift_velocity_from_mumax3([1, 0, 0], 2.0, 0.1, 8e5), "Pol"),
        (lambda: units.ubermag_parameters([1.0, 0.5, 0.0], 0.1), "drift_velocity"),
        (lambda: units.fidimag_parameters([1.0, 0.0], 0.1, 8e5), "drift_velocity"),
        (lambda: units.ReducedUnits(-1.0), "fermi_wavevector"),
        (lambda: units.ReducedUnits(1e10, mass=0.0), "mass"),
    ],
)
def test_bad_input_raises_naming_the_argument(call, name):
    with pytest.raises(ValueError, match=rf"^{name}\b"):
        call()
