"""Force ↔ transport relations (58) and (78) on concrete textures, against spinlib.forces.

The forces are computed by another module (:mod:`spinlib.forces`, eqs. 53-62,
from the linear-response spin density and the golden rule); the resistivities
here by the Mori formula (:mod:`spinlib.resistivity`).  Momentum balance says
F = e N_e ρ j = e² n N_e ρ v (v the electron drift velocity, j = e n v), with
N_e = nV: per unit cross-section for a wall (V = L), per unit thickness for a
film (V = area).  Units ħ = m = k_F = |e| = 1.
"""

import numpy as np
import pytest

from spinlib import electron_gas, forces
from spinlib.resistivity import (
    mori_resistivity,
    reaction_force,
    tanh_wall_area_resistance,
    topological_hall_resistivity,
)
from spinlib.textures import (
    domain_wall_angles,
    make_grid,
    skyrmion_angles,
    smooth_vortex_angles,
    unit_vectors,
)
from spinlib.topology import topological_charge


@pytest.mark.parametrize("zeta", [0.2, 0.5])
@pytest.mark.parametrize("width", [0.5, 1.0, 2.5])
def test_eq58_reflection_force_of_a_tanh_wall_equals_e_Ne_rho_j(zeta, width):
    """Golden-rule force on a *sampled* tanh wall = e² n N_e ρ_S v with the closed-form ρ_S L of (74).

    forces.reflection_force_golden_rule Fourier transforms the finite-difference gauge field
    of the wall on a grid (no tanh-wall spectrum, no q-window integral of this module);
    N_e = n L per unit cross-section, so F/A = n² (ρ_S L) v.  The finite differences make the
    grid force low by O(h²) (a few 1e-4 at h = 0.025): on h = 0.05 and 0.025 (80/k_F long,
    the gauge field < 1e-6 at the ends) the error must fall by 4 ± 0.05 (O(h⁴) corrections,
    ~1 %), and the Richardson extrapolation (4F(h/2) - F(h))/3 must agree to 1e-5 (measured
    ≤ 2.3e-6: the O(h⁴) remainder).
    """
    v = np.array([0.7, 0.0, 0.0])
    length = 1.0  # any: ρ_S ∝ 1/L, N_e ∝ L
    rho = tanh_wall_area_resistance(width, zeta) / length
    f_transport = reaction_force([[rho]], v[:1], zeta, length)[0]
    assert f_transport > 0  # along the electron flow
    f_grid = []
    for h in (0.05, 0.025):
        (x,) = make_grid(round(80.0 / h) + 1, h)
        f_grid.append(forces.reflection_force_golden_rule(domain_wall_angles(x, width), h, zeta, v)[0])
    errors = [f / f_transport - 1 for f in f_grid]
    assert errors[0] < errors[1] < 0
    assert abs(errors[0] / errors[1] - 4) < 0.05
    assert abs((4 * f_grid[1] - f_grid[0]) / 3 / f_transport - 1) < 1e-5


def test_eq58_force_from_spin_density_on_a_grid_equals_mori_resistivity():
    """The full (53) force of the linear-response spin density on a grid vs e N_e ρ_S j, same grid.

    forces.current_induced_force integrates the χ-kernel spin density over the
    grid; mori_resistivity Fourier transforms the same finite-difference gauge
    field over the periodic box.  The box discretises q in steps 2π/L (the
    integrand has steps at the Stoner window): ρ_S L of the box differs from
    the isolated wall by O(2π/(L·Δq_window)); at L = 60, h = 0.025 (the
    forces doctest grid) agreement within 2 %, and the golden-rule value
    within 2e-3 (O(h²) of the gauge field).
    """
    zeta, width, h, n = 0.5, 1.0, 0.025, 2401
    (x,) = make_grid(n, h)
    tex = domain_wall_angles(x, width)
    v = np.array([1.0, 0.0, 0.0])
    F = forces.current_induced_force(tex, h, zeta, velocity=v)
    rho_box = mori_resistivity(*tex, h, zeta)[0, 0]
    length = n * h
    f_mori = reaction_force([[rho_box]], v[:1], zeta, length)[0]
    assert abs(F.total[0] / f_mori - 1) < 2e-2
    f_closed = reaction_force([[tanh_wall_area_resistance(width, zeta)]], v[:1], zeta, 1.0)[0]
    assert abs(F.total[0] / f_closed - 1) < 2e-3


@pytest.mark.parametrize("zeta", [0.3, 0.6])
def test_eq58_golden_rule_force_equals_mori_for_a_non_tanh_wall(zeta):
    """A smoothed linear wall (not tanh): forces.reflection_force_golden_rule vs e N_e ρ_S j.

    ρ_S from mori_resistivity_from_fourier with the continuum q-integral:
    A(q) = (1/L)∫ e^{-iqx} A(x) dx by the trapezoidal rule at Gauss-Legendre
    nodes of the window (both signs of q), weights L dq/2π, for the *same*
    gauge field as the forces module (its A from ∂e_s, which differs from
    spinlib.gauge.gauge_field, built from ∂m, at O(h²)).  Both sides are then
    quadratures of smooth integrands (tolerance 1e-8); the periodic box of
    mori_resistivity (discrete q, Δq = 2π/L = 0.016, and the other
    finite-difference field) agrees within 2 %.
    """
    from spinlib.resistivity import mori_resistivity_from_fourier
    from spinlib.torque import prepare_texture

    h, n, length_wall = 0.05, 8000, 3.0
    x = (np.arange(n) - n // 2) * h
    theta = np.clip((x / length_wall + 0.5) * np.pi, 0.0, np.pi)
    theta = np.convolve(np.pad(theta, 20, mode="edge"), np.ones(41) / 41, mode="valid")
    phi = np.full_like(theta, 0.4)
    v = np.array([1.0, 0.0, 0.0])
    f_gr = forces.reflection_force_golden_rule((theta, phi), h, zeta, v, nodes=800)[0]

    A = prepare_texture((theta, phi), h).A[0]  # (2, n): A_x^x, A_x^y
    t, w = np.polynomial.legendre.leggauss(800)
    q = np.concatenate([zeta + 1 + (1 - zeta) * t, -(zeta + 1 + (1 - zeta) * t)])
    wq = np.concatenate([w, w]) * (1 - zeta)
    trap = np.full(n, h)
    trap[0] = trap[-1] = h / 2
    length = n * h
    a_q = (np.exp(-1j * np.outer(q, x)) * trap) @ A.T / length  # (nq, 3)
    rho = mori_resistivity_from_fourier(
        q[None, :], (a_q[:, 0] + 1j * a_q[:, 1])[None], (a_q[:, 0] - 1j * a_q[:, 1])[None],
        np.zeros((1, q.size)), zeta, weights=length * wq / (2 * np.pi),
    )[0, 0]  # fmt: skip
    f_mori = reaction_force([[rho]], v[:1], zeta, length)[0]
    assert abs(f_gr / f_mori - 1) < 1e-8
    rho_box = mori_resistivity(theta, phi, h, zeta)[0, 0]
    assert abs(rho_box / rho - 1) < 2e-2


@pytest.mark.parametrize("polarity", [1, -1])
def test_eq78_topological_force_is_the_reaction_to_the_hall_field(polarity):
    """forces.topological_force (corrected (62)) = e N_e ρ^ad j, ρ^ad of (77): F_j = e²nN_e Σ_i ρ_ji v_i.

    Per unit film thickness N_e = n A.  The printed (78) index order Σ_i j_i ρ_ij
    (ρᵀ) gives the opposite sign; its missing factor V (N_e, not n) is the
    other correction.  Lattice charge exact to 1e-6 here; tolerance 1e-6.
    """
    zeta, h, n = 0.3, 0.25, 121
    X, Y = make_grid((n, n), h)
    tex = skyrmion_angles(X, Y, radius=3.0, wall_width=1.0, polarity=polarity)
    q = topological_charge(unit_vectors(*tex))
    area = ((n - 1) * h) ** 2  # any: ρ ∝ 1/A and N_e ∝ A
    rxy = topological_hall_resistivity(q, area, zeta)
    rho = np.array([[0.0, rxy], [-rxy, 0.0]])
    for v in (np.array([1.0, 0.0]), np.array([0.3, -0.8])):
        f_transport = reaction_force(rho, v, zeta, area)
        f_forces = forces.topological_force(tex, h, zeta, np.append(v, 0.0))[:2]
        assert np.allclose(f_transport, f_forces, rtol=1e-6, atol=1e-9 * np.abs(f_forces).max())
        n_tot = float(electron_gas.total_density(zeta))
        printed_order = n_tot * (n_tot * area) * (rho.T @ v)  # e² n N_e Σ_i v_i ρ_ij
        assert np.allclose(printed_order, -f_forces, rtol=1e-6)


def test_eq78_hall_force_is_perpendicular_and_drives_a_vortex_sideways():
    """For a smooth vortex (Q → 1/2) the Hall reaction force is ⟂ to the electron flow."""
    zeta, h, n = 0.3, 0.25, 161
    X, Y = make_grid((n, n), h)
    tex = smooth_vortex_angles(X, Y, 2.0)
    q = topological_charge(unit_vectors(*tex))
    assert abs(q - 0.5) < 1e-3
    area = ((n - 1) * h) ** 2
    rxy = topological_hall_resistivity(q, area, zeta)
    f = reaction_force(np.array([[0.0, rxy], [-rxy, 0.0]]), [1.0, 0.0], zeta, area)
    f_forces = forces.topological_force(tex, h, zeta, [1.0, 0.0, 0.0])
    assert abs(f[0]) < 1e-14 and abs(f[1] / f_forces[1] - 1) < 1e-6


def test_eq78_vortex_force_helper_matches_forces_module():
    """spinlib.vortex.vortex_force_per_thickness: its Hall part (the component ⟂ v) = forces.topological_force
    per thickness (smooth vortex on a grid, lattice Q → 1/2 within 1e-3, passed as n_v: tolerance 1e-6);
    its dissipative part points along the electron drift v."""
    from spinlib.vortex import vortex_force_per_thickness

    zeta, h, n = 0.3, 0.25, 161
    X, Y = make_grid((n, n), h)
    tex = smooth_vortex_angles(X, Y, 2.0)
    q = topological_charge(unit_vectors(*tex))
    v = np.array([0.6, -0.3])
    F = vortex_force_per_thickness(zeta, 2.0, v, vortex_number=q, profile="smooth")
    f_top = forces.topological_force(tex, h, zeta, np.append(v, 0.0))[:2]
    v_hat = v / np.linalg.norm(v)
    assert abs(f_top @ v_hat) < 1e-12 * np.linalg.norm(f_top)  # the topological force is ⟂ v
    hall_part = F - (F @ v_hat) * v_hat
    assert np.allclose(hall_part, f_top, rtol=1e-6)
    assert F @ v_hat > 0
