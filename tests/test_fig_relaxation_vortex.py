"""Tests of the helpers behind the figures of notebooks 07 and 08.

The physics is tested with the modules it lives in (tests/test_relaxation*.py,
tests/test_thiele.py, tests/test_units.py); here we check what the figure
modules add: the packaged copy of the SP5 reference data, the parametrisation
of the impurity anisotropy, the printed reading of (83) that is drawn for
comparison, the rigid-vortex map ⟨m⟩(X) and the SP5 fit.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from spinlib import figures, sp5
from spinlib import relaxation as rl
from spinlib.electron_gas import fermi_wavevectors
from spinlib.figures import fig_relaxation as frl

SP5_CSV = Path(__file__).resolve().parents[2] / "shared" / "reference-data" / "sp5" / "fidimag_std5_subsample.csv"


def test_packaged_sp5_table_is_the_shared_reference_file():
    if not SP5_CSV.exists():
        pytest.skip(f"shared reference data not found at {SP5_CSV}")
    lines = [ln for ln in SP5_CSV.read_text().splitlines() if ln and not ln.startswith("#")]
    assert lines[0] == "t_ns,mx,my,mz"
    stored = np.array([[float(v) for v in ln.split(",")] for ln in lines[1:]])
    packaged = sp5.sp5_reference()
    assert stored.shape == (25, 4)
    for i, name in enumerate(("t_ns", "mx", "my", "mz")):
        np.testing.assert_array_equal(packaged[name], stored[:, i])  # an exact copy


def test_sp5_drift_is_the_fidimag_run():
    # jx = -1e12 A/m² in fidimag's convention (g_e, no 1 + β²): u = +72.44 x̂ m/s
    u = sp5.sp5_drift_velocity()
    assert round(float(u[0]), 2) == 72.44 and u[1] == 0.0


@pytest.mark.parametrize("ratio, sz2, sp2", [(0.0, 1.0, 0.0), (1.0, 1 / 3, 1 / 3), (np.inf, 0.0, 0.5)])
def test_anisotropy_parametrisation_keeps_total_moment(ratio, sz2, sp2):
    imp = frl.anisotropic_impurities(ratio)
    assert imp.sz_squared == pytest.approx(sz2, abs=1e-15)
    assert imp.sperp_squared == pytest.approx(sp2, abs=1e-15)
    for r in (0.01, 0.3, 7.0):
        imp = frl.anisotropic_impurities(r)
        assert 2 * imp.sperp_squared + imp.sz_squared == pytest.approx(1.0, rel=1e-15)
        assert imp.sperp_squared / imp.sz_squared == pytest.approx(r, rel=1e-14)
    with pytest.raises(ValueError, match="^ratio"):
        frl.anisotropic_impurities(-1.0)


@pytest.mark.parametrize("zeta", [0.05, 0.4, 0.9])
def test_printed_band_reading_is_the_majority_share_for_isotropic_impurities(zeta):
    # isotropic: printed ∝ ν₊, correct ∝ ν₊ + ν₋, and ν ∝ k_F, so the ratio is k_F+/(k_F+ + k_F-)
    imp = rl.MagneticImpurities(0.01, 1.0, 1 / 3, 1 / 3)
    kp, km = fermi_wavevectors(zeta)
    ratio = rl.beta_sf_printed_band_reading(zeta, imp) / rl.beta_sf(zeta, imp)
    assert float(ratio) == pytest.approx(float(kp / (kp + km)), rel=1e-13)


def test_wall_force_grid_error_is_minus_h2_over_3():
    # centred differences: ∫(∂e)² is low by (h²/3)∫|∂²e|² = (h²/3λ²)∫(∂e)² for a tanh wall
    # (derived with sympy in notebook 07); the O(h⁴) remainder is < 1 % of it at h = λ/10
    grid, closed = frl.wall_beta_force_on_grid(0.1)
    assert (grid / closed - 1) / (-(0.1**2) / 3) == pytest.approx(1.0, abs=0.01)


@pytest.mark.parametrize("chirality", [1, -1])
def test_rigid_vortex_map_is_the_boundary_integral(chirality):
    # Shifting any texture by X changes its average by -(1/L²)∮ m (X·n) dl. For the in-plane
    # vortex m = c ẑ × r̂ on the boundary of a square of side L this is -c (2 asinh 1 / L) ẑ × X.
    # Midpoint rule on 100 x 100 cells: error O((h/L)²) = 1e-4.
    M = sp5.rigid_vortex_map(core_radius_nm=10.0, spacing_nm=1.0, chirality=chirality)
    k = 2 * np.arcsinh(1.0) / sp5.SP5["side_nm"]
    expected = -chirality * k * np.array([[0.0, -1.0], [1.0, 0.0]])
    np.testing.assert_allclose(M, expected, atol=1e-4 * k)


def test_sp5_fit_describes_the_data_with_kappa_free_predictions():
    fit = sp5.fit_sp5()
    gamma, omega = fit.rates
    m_inf, gamma_data, omega_data = fit.spiral
    # fit quality (κ and the ⟨m⟩ scale are fitted to these data, and κ sets the period):
    assert fit.rms < 0.01  # ⟨m⟩ is ~0.2: a 5 % description of the trajectory
    assert omega / omega_data == pytest.approx(1.0, abs=0.02)
    # κ-free predictions (Γ/ω = αD/G, the fixed point at arctan(βD/G), the sense of gyration):
    assert omega > 0 and omega_data > 0  # counter-clockwise: p = +1, G > 0
    # Γ/ω = αD/G (κ cancels) against the free damped-spiral fit of the data: measured ratio 1.108.
    # Tolerance 0.15: the free fit determines Γ/ω to 1.7 % (1σ, from its Jacobian), and D rests on the
    # assumed core radius λ = 10 nm: λ = 8 ... 12.5 nm moves αD/G by ±7 %.
    assert (gamma / omega) / (gamma_data / omega_data) == pytest.approx(1.0, abs=0.15)
    # fixed point of ⟨m⟩ at arctan(βD/G) from -x towards +y (c = -1, u along +x): 4.52° against 5.26°.
    # Tolerance 1°: 3σ of the fitted ⟨m⟩(∞) is 0.6°, λ = 8 ... 12.5 nm moves the model angle by ±0.3°.
    angle_model = np.degrees(np.arctan(fit.beta * fit.D / fit.G))
    angle_data = np.degrees(np.arctan2(m_inf[1], -m_inf[0]))
    assert abs(angle_model - angle_data) < 1.0
    assert fit.rigid_scale > fit.scale  # a rigid vortex overestimates ⟨m⟩ per displacement


def test_figures_are_registered_for_their_notebooks():
    names = {
        "relaxation_alpha_beta": "07_spin_relaxation",
        "relaxation_anisotropy": "07_spin_relaxation",
        "relaxation_wall_force": "07_spin_relaxation",
        "vortex_gyro_dissipation": "08_vortex_motion",
        "vortex_free_velocity": "08_vortex_motion",
        "vortex_trap_trajectories": "08_vortex_motion",
        "vortex_sp5_comparison": "08_vortex_motion",
        "vortex_core_resistivity": "08_vortex_motion",
    }
    for name, notebook in names.items():
        assert figures.get(name).notebook == notebook


@pytest.mark.parametrize("name", ["relaxation_anisotropy", "vortex_free_velocity", "vortex_sp5_comparison"])
def test_figure_axes_are_labelled(name):
    import matplotlib.pyplot as plt

    fig = figures.make(name)
    try:
        for ax in fig.axes:
            if ax.get_label() == "<colorbar>":
                continue
            assert ax.get_xlabel() and ax.get_ylabel(), f"{name}: unlabelled axes {ax.get_title()!r}"
    finally:
        plt.close(fig)
