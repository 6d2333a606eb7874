"""Exact 1D scattering through a domain wall: methods, conventions, limits, validation.

Every number below is checked against an *independent* computation: the
Magnus transfer matrix against the finite-difference chain (a different
discretisation, a different way of imposing the leads), the linear wall
against its closed-form rotated-frame solution, the abrupt wall against the
matching conditions of ψ and ψ' solved as a linear system here (and against
the Magnus S-matrix of narrow walls), never a result against itself.
"""

from __future__ import annotations

import numpy as np
import pytest

from spinlib import electron_gas
from spinlib import scattering as sc
from spinlib.gauge import PAULI, half_angle_vector
from spinlib.scattering import (
    CHANNELS,
    PROBABILITY_KEYS,
    WallProfile,
    WallScattering,
    abrupt_wall,
    custom_profile,
    linear_profile,
    linear_wall,
    scattering_matrix,
    tanh_profile,
    tanh_wall,
)

# The two discretisations must agree on the continuum answer to this
# absolute accuracy on every probability (the brief's requirement).
METHOD_AGREEMENT = 1e-8
# The Magnus propagator is an exact element of the group that conserves the
# probability current, so S†S = 1 up to round-off (~1e-14 after ~1e3 steps).
UNITARITY = 1e-10
# Each lattice S is unitary to ~1e-12 (a Hermitian problem), but the
# Richardson-extrapolated S is not exactly: its phases carry the round-off of a
# 1e4-1e5-site solve whose second differences cancel to (ka)² ~ 1e-5
# (~1e-11 relative per site, a random walk over ~1e5 sites: ~1e-9).
UNITARITY_FD = 1e-9


# --------------------------------------------------------------------------
# conventions
# --------------------------------------------------------------------------
def test_fermi_wavevectors_of_the_model():
    """E_F = (1 + ζ²)/2 and Δ = ζ give k = √(2(E_F ± Δ)) = 1 ± ζ (electron_gas)."""
    zeta = np.linspace(0.05, 0.95, 7)
    e_f = electron_gas.fermi_energy(zeta)
    delta = electron_gas.exchange_splitting(zeta)
    kp, km = electron_gas.fermi_wavevectors(zeta)
    # round-off of the cancellation E_F - Δ = (1 - ζ)²/2 near ζ = 1
    np.testing.assert_allclose(np.sqrt(2 * (e_f + delta)), kp, atol=1e-14)
    np.testing.assert_allclose(np.sqrt(2 * (e_f - delta)), km, atol=1e-14)


def test_result_is_a_mapping_with_the_documented_keys():
    res = tanh_wall(0.3, 1.5)
    assert isinstance(res, WallScattering)
    assert tuple(res.keys()) == PROBABILITY_KEYS
    assert set(PROBABILITY_KEYS) >= {
        "R_maj_maj", "R_min_min", "R_maj_min", "T_mistrack", "T_adiabatic_maj", "T_adiabatic_min"
    }
    p = res.probabilities
    # key -> |S[out, in]|^2, channel order CHANNELS = (L_maj, L_min, R_maj, R_min)
    assert CHANNELS == ("L_maj", "L_min", "R_maj", "R_min")
    assert res["R_maj_maj"] == p[0, 0]
    assert res["R_maj_min"] == p[1, 0]
    assert res["T_adiabatic_maj"] == p[2, 0]
    assert res["T_mistrack"] == p[3, 0]
    assert res["R_min_min"] == p[1, 1]
    assert res["T_adiabatic_min"] == p[3, 1]
    # each incident channel's probabilities sum to one
    total_maj = res["R_maj_maj"] + res["R_maj_min"] + res["T_adiabatic_maj"] + res["T_mistrack"]
    total_min = res["R_min_min"] + res["R_min_maj"] + res["T_adiabatic_min"] + res["T_mistrack_min"]
    assert abs(total_maj - 1) < UNITARITY and abs(total_min - 1) < UNITARITY
    with pytest.raises(KeyError, match="R_maj_maj"):
        res["R_up_down"]


def test_vectorised_over_zeta_and_width_matches_single_calls():
    zeta = np.array([[0.2], [0.6]])
    width = np.array([0.0, 0.7, 3.0])
    res = tanh_wall(zeta, width)
    assert res["T_mistrack"].shape == (2, 3)
    assert res.error_estimate.shape == (2, 3)
    for i in range(2):
        for j in range(3):
            single = tanh_wall(float(zeta[i, 0]), float(width[j]))
            # both step-controlled to 1e-10; different meshes (the batch mesh
            # is sized for the widest wall)
            np.testing.assert_allclose(
                res.probabilities[i, j], single.probabilities, atol=5e-10
            )


# --------------------------------------------------------------------------
# method agreement and unitarity
# --------------------------------------------------------------------------
@pytest.mark.parametrize("zeta, width", [(0.2, 0.3), (0.5, 1.0), (0.8, 2.0)])
def test_tanh_magnus_agrees_with_finite_differences(zeta, width):
    magnus = tanh_wall(zeta, width)
    fd = tanh_wall(zeta, width, method="finite_difference")
    assert magnus.error_estimate.max() < 1e-10
    np.testing.assert_allclose(magnus.probabilities, fd.probabilities, atol=METHOD_AGREEMENT)
    # phases too (same channel conventions); the lattice phases carry the
    # round-off of a ~1e4-1e5-site solve with hopping 1/2a² ~ 1e4
    np.testing.assert_allclose(magnus.s_matrix, fd.s_matrix, atol=1e-6)
    assert magnus.unitarity_error < UNITARITY
    assert fd.unitarity_error < UNITARITY_FD


@pytest.mark.parametrize("zeta, length", [(0.3, 0.5), (0.3, 5.0), (0.7, 12.0)])
def test_linear_wall_three_methods(zeta, length):
    """Closed-form rotated-frame solution (constant gauge field) vs Magnus vs lattice."""
    exact = linear_wall(zeta, length)  # default method="exact"
    magnus = linear_wall(zeta, length, method="magnus")
    fd = linear_wall(zeta, length, method="finite_difference")
    # Magnus is step-controlled to 1e-10 on probabilities, the matrix
    # exponential is exact to round-off: phases agree as well.
    np.testing.assert_allclose(magnus.s_matrix, exact.s_matrix, atol=1e-9)
    np.testing.assert_allclose(fd.probabilities, exact.probabilities, atol=METHOD_AGREEMENT)
    assert exact.unitarity_error < UNITARITY and magnus.unitarity_error < UNITARITY
    assert fd.unitarity_error < UNITARITY_FD


def test_custom_profile_reproduces_the_tanh_wall():
    """A user profile (uniform mesh, complex arithmetic) vs the built-in graded tanh wall."""
    lam, zeta = 0.8, 0.45
    cut = 36 * lam
    prof = custom_profile(
        lambda x: 2 * np.arctan(np.exp(x / lam)), lambda x: np.full_like(x, 0.3), -cut, cut
    )
    res = scattering_matrix(prof, zeta)
    ref = tanh_wall(zeta, lam)
    np.testing.assert_allclose(res.probabilities, ref.probabilities, atol=1e-9)


def test_bloch_neel_and_complex_path_agree_including_phases():
    """A planar wall is computed in the real gauge φ = 0 and phased back to φ0;
    the complex-arithmetic integration with the actual φ0 must give the same S."""
    prof = tanh_profile(1.3, kind="bloch")
    zf, sf = np.array([0.35]), np.array([1.3])
    fast, _, _ = sc._magnus_smatrix(prof.with_scale(1.0), zf, sf, 1e-11, None)
    slow, _, _ = sc._magnus_smatrix(prof.with_scale(1.0), zf, sf, 1e-11, None, force_complex=True)
    np.testing.assert_allclose(fast, slow, atol=1e-9)
    neel = tanh_wall(0.35, 1.3, kind="neel")
    np.testing.assert_allclose(neel.probabilities, np.abs(fast[0]) ** 2, atol=1e-10)


def test_non_coplanar_profile_against_finite_differences():
    """A wall whose azimuth also turns (a non-planar, complex problem)."""
    prof = custom_profile(
        lambda x: np.pi * (1 + np.tanh(x)) / 2,
        lambda x: 1.2 * np.tanh(x / 2),
        -14.0,
        14.0,
    )
    magnus = scattering_matrix(prof, 0.4)
    fd = scattering_matrix(prof, 0.4, method="finite_difference")
    np.testing.assert_allclose(magnus.probabilities, fd.probabilities, atol=METHOD_AGREEMENT)
    assert magnus.unitarity_error < UNITARITY and fd.unitarity_error < UNITARITY_FD
    # a non-planar wall scatters without spin flip already at first order (A^z != 0)
    assert magnus["R_maj_maj"] > 1e-6


# --------------------------------------------------------------------------
# symmetries (tested, not assumed)
# --------------------------------------------------------------------------
@pytest.mark.parametrize("zeta, width", [(0.3, 0.4), (0.75, 1.7)])
def test_reciprocity_and_parity_of_the_tanh_wall(zeta, width):
    """Real Hamiltonian in the gauge φ = 0 ⇒ S symmetric (|S_dc| = |S_cd|);
    x → -x with a π spin rotation maps the left lead on the right one."""
    res = tanh_wall(zeta, width)
    p = res.probabilities
    np.testing.assert_allclose(p, p.T, atol=1e-10)
    assert abs(res["R_maj_min"] - res["R_min_maj"]) < 1e-10
    assert abs(res["T_mistrack"] - res["T_mistrack_min"]) < 1e-10
    # parity: reflections from the right equal those from the left
    assert abs(p[2, 2] - p[0, 0]) < 1e-10 and abs(p[3, 3] - p[1, 1]) < 1e-10


# --------------------------------------------------------------------------
# the abrupt wall (λ → 0)
# --------------------------------------------------------------------------
def _step_smatrix_by_matching(zeta: float, phi0: float) -> np.ndarray:
    """S[out, in] of n = +e_z (x < 0) → n = e_s(π, φ0) (x > 0) by matching ψ and ψ' at x = 0.

    The leads' flux-normalised waves χ e^{±ikx}/√k use the channel spinors of
    the module docstring (columns of U = m·σ at the lead angles, eqs. 7-8),
    referred to x = 0; for each incident channel the four outgoing amplitudes
    solve the 4x4 system ψ(0⁻) = ψ(0⁺), ψ'(0⁻) = ψ'(0⁺) (numpy.linalg.solve),
    with no use of the step formulas.
    """
    kp, km = (float(k) for k in electron_gas.fermi_wavevectors(zeta))
    k = np.array([kp, km, kp, km])  # majority, minority in either lead
    u_left = np.einsum("a,aij->ij", half_angle_vector(0.0, phi0), PAULI)
    u_right = np.einsum("a,aij->ij", half_angle_vector(np.pi, phi0), PAULI)
    chi = [u_left[:, 0], u_left[:, 1], u_right[:, 0], u_right[:, 1]]
    on_left = np.array([True, True, False, False])

    def wave(d, sign):
        """(ψ(0), ψ'(0)) of χ_d e^{i sign k_d x}/√k_d."""
        amp = chi[d] / np.sqrt(k[d])
        return np.concatenate([amp, 1j * sign * k[d] * amp])

    # outgoing waves move away from the step: e^{-ikx} on the left, e^{+ikx} on the right;
    # each column enters ψ(0⁻) - ψ(0⁺) with + (left) or - (right)
    matrix = np.stack(
        [wave(d, -1) if on_left[d] else -wave(d, +1) for d in range(4)], axis=1
    )
    s = np.empty((4, 4), dtype=complex)
    for c in range(4):
        incoming = wave(c, +1) if on_left[c] else -wave(c, -1)
        s[:, c] = np.linalg.solve(matrix, -incoming)
    return s


@pytest.mark.parametrize("kind, phi0", [("bloch", np.pi / 2), ("neel", 0.0)])
def test_abrupt_wall_against_matching_conditions(kind, phi0):
    """The closed-form S of abrupt_wall, and width = 0 of tanh_wall and
    linear_wall, against the matching of ψ, ψ' solved numerically (phases
    included: same channel conventions); round-off of a 4x4 solve, 1e-14."""
    for zeta in (0.1, 0.5, 0.9):
        ref = _step_smatrix_by_matching(zeta, phi0)
        assert np.abs(ref.conj().T @ ref - np.eye(4)).max() < 1e-14  # the solve conserves flux
        np.testing.assert_allclose(abrupt_wall(zeta, kind=kind).s_matrix, ref, atol=1e-14)
        np.testing.assert_allclose(tanh_wall(zeta, 0.0, kind=kind).s_matrix, ref, atol=1e-14)
        np.testing.assert_allclose(linear_wall(zeta, 0.0, kind=kind).s_matrix, ref, atol=1e-14)


def test_abrupt_wall_is_the_potential_step():
    """Each lab-frame spin sees a step k_F± → k_F∓: R = ((k+ - k-)/(k+ + k-))² = ζ²,
    T = 4k+k-/(k+ + k-)² = 1 - ζ², no spin flip, no adiabatic transmission."""
    zeta = np.array([0.1, 0.5, 0.9])
    res = abrupt_wall(zeta)
    kp, km = electron_gas.fermi_wavevectors(zeta)
    step_r = ((kp - km) / (kp + km)) ** 2
    step_t = 4 * kp * km / (kp + km) ** 2
    np.testing.assert_allclose(res["R_maj_maj"], step_r, rtol=1e-14)
    np.testing.assert_allclose(res["R_min_min"], step_r, rtol=1e-14)
    np.testing.assert_allclose(res["T_mistrack"], step_t, rtol=1e-14)
    np.testing.assert_allclose(res["T_mistrack_min"], step_t, rtol=1e-14)
    for key in ("R_maj_min", "R_min_maj", "T_adiabatic_maj", "T_adiabatic_min"):
        assert np.all(res[key] == 0)
    assert res.unitarity_error < 1e-15
    # width = 0 is the abrupt wall
    np.testing.assert_array_equal(tanh_wall(zeta, 0.0).s_matrix, res.s_matrix)
    np.testing.assert_array_equal(linear_wall(zeta, 0.0).s_matrix, res.s_matrix)


@pytest.mark.parametrize("kind", ["bloch", "neel"])
def test_narrow_walls_converge_linearly_to_the_abrupt_wall(kind):
    """S (with its phases) of the tanh and linear walls → the step S as O(λ):
    the wall region, where n differs from the step, has a length ∝ λ.

    The step S refers its waves to x = 0; moved to the walls' reference points
    x_left = -ρ, x_right = +ρ it becomes S_dc e^{i(k_d + k_c)ρ}.
    """
    zeta = 0.4
    kp, km = electron_gas.fermi_wavevectors(zeta)
    k = np.array([kp, km, kp, km])
    step = abrupt_wall(zeta, kind=kind).s_matrix
    for wall, rho in ((tanh_wall, 36.0), (linear_wall, 0.5)):  # ρ/λ of each wall
        widths = np.array([0.02, 0.01, 0.005])
        dev = []
        for w in widths:
            shifted = step * np.exp(1j * (k[:, None] + k[None, :]) * rho * w)
            dev.append(np.abs(wall(zeta, w, kind=kind).s_matrix - shifted).max())
        assert dev[-1] < 0.01
        # first order: halving λ halves the deviation (ratio 2 ± 10 %)
        assert 1.8 < dev[0] / dev[1] < 2.2 and 1.8 < dev[1] / dev[2] < 2.2


# --------------------------------------------------------------------------
# accuracy control
# --------------------------------------------------------------------------
def test_magnus_step_doubling_error_estimate_is_honest():
    """The reported error matches the deviation from a 16x finer run; fourth order."""
    zeta, width = 0.6, np.array([0.5, 2.0, 6.0])
    res = tanh_wall(zeta, width)
    assert res.error_estimate.max() <= 1e-10  # the default tol
    fine = tanh_wall(zeta, width, n_steps=16 * res.n_steps)
    dev = np.abs(res.probabilities - fine.probabilities).max(axis=(-2, -1))
    # the estimate d/15 is asymptotic (and the reference has an error 16⁴x
    # smaller): allow a factor 2, and round-off ~1e-13
    assert np.all(dev <= 2 * res.error_estimate + 1e-13)
    # fourth order: doubling the steps divides the error by ~16
    ref = fine.probabilities
    e1 = np.abs(tanh_wall(zeta, 2.0, n_steps=256).probabilities - ref[1]).max()
    e2 = np.abs(tanh_wall(zeta, 2.0, n_steps=512).probabilities - ref[1]).max()
    assert 10 < e1 / e2 < 22


def test_truncation_of_the_tanh_tails_is_negligible():
    """cutoff 36 vs 48: the tails beyond 36λ rotate n by ~5e-16."""
    a = tanh_wall(0.5, 1.2)
    b = tanh_wall(0.5, 1.2, cutoff=48.0)
    np.testing.assert_allclose(a.probabilities, b.probabilities, atol=1e-10)


# --------------------------------------------------------------------------
# validation
# --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: tanh_wall(1.0, 1.0), r"zeta must lie in \(0, 1\); got 1.0"),
        (lambda: tanh_wall(0.0, 1.0), r"zeta must lie in \(0, 1\)"),
        (lambda: tanh_wall(0.5, -0.1), r"width must lie in \[0, inf\); got -0.1"),
        (lambda: tanh_wall(float("nan"), 1.0), "zeta must be finite"),
        (lambda: tanh_wall(0.5, [1.0, np.nan]), "width must be finite"),
        (lambda: tanh_wall(0.5, 1.0, kind="helical"), "kind must be one of"),
        (lambda: tanh_wall(0.5, 1.0, method="rk4"), "method must be one of"),
        (lambda: tanh_wall(0.5, 1.0, cutoff=3.0), "cutoff must be a number >= 10"),
        (lambda: tanh_wall(0.5, 1.0, tol=0.0), r"tol must lie in \(0, inf\)"),
        (lambda: tanh_wall(0.5, 1.0, n_steps=0), "n_steps must be a positive integer"),
        (lambda: linear_wall(0.5, -1.0), r"length must lie in \[0, inf\)"),
        (lambda: tanh_profile(0.0), r"width must lie in \(0, inf\)"),
        (lambda: tanh_profile(1.0, rotation=0.0), r"rotation must lie in \(0, 6.28319\]"),
        (lambda: linear_profile(1.0, rotation=7.0), r"rotation must lie in \(0, 6.28319\]"),
        (lambda: tanh_profile(1.0, rotation=[1.0, 2.0]), "rotation must be a number"),
        (lambda: sc.spinor_spin_density(np.zeros(3)), r"psi must have shape \(\.\.\., 2\)"),
        (lambda: sc.spinor_spin_current(np.zeros(2), np.array([np.nan, 0.0])), "dpsi must be finite"),
        (lambda: sc.exchange_torque([0, 0, 1], [1.0, 0.0], 0.5), r"shape \(\.\.\., 3\)"),
        (lambda: sc.exchange_torque([0, 0, 1], [1.0, 0.0, 0.0], 1.5), r"zeta must lie in \(0, 1\)"),
        (lambda: abrupt_wall(-0.2), r"zeta must lie in \(0, 1\)"),
        (lambda: custom_profile(np.sin, np.cos, 1.0, 1.0), "x_max must be > x_min"),
        (lambda: custom_profile(np.sin, np.cos, 0.0, 1.0, breakpoints=[2.0]), "breakpoints"),
        (lambda: custom_profile(np.log, np.cos, -1.0, 1.0), r"theta\(x\) must be finite"),
        (lambda: scattering_matrix("wall", 0.3), "profile must be a WallProfile"),
        (
            lambda: scattering_matrix(tanh_profile(1.0), [0.2, 0.3], method="finite_difference"),
            "zeta must be a scalar",
        ),
    ],
)
def test_bad_input_raises_value_error_naming_the_argument(call, match):
    with np.errstate(all="ignore"):
        with pytest.raises(ValueError, match=match):
            call()


def test_profiles_expose_their_geometry():
    p = tanh_profile(2.0, cutoff=20.0)
    assert isinstance(p, WallProfile)
    assert (p.x_left, p.x_right) == (-40.0, 40.0)
    n = p.direction(np.array([-1e3, 0.0, 1e3]))
    np.testing.assert_allclose(n[1], [0, 1, 0], atol=1e-15)  # Bloch: φ = π/2
    assert n[0, 2] > 1 - 1e-15 and n[2, 2] < -1 + 1e-15
    q = linear_profile(3.0, kind="neel")
    np.testing.assert_allclose(q.angles(np.array([-9.0, 0.75, 9.0]))[0], [0, 0.75 * np.pi, np.pi])
    # partial rotation Θ: θ runs from 0 to Θ, through Θ/2 at the centre
    r = tanh_profile(2.0, kind="neel", rotation=np.pi / 3)
    theta, phi = r.angles(np.array([-1e3, 0.0, 1e3]))
    np.testing.assert_allclose(theta, [0.0, np.pi / 6, np.pi / 3], atol=1e-14)
    assert np.all(phi == 0.0) and r.graded and (r.x_left, r.x_right) == (-72.0, 72.0)
    q = linear_profile(3.0, rotation=np.pi / 2)
    np.testing.assert_allclose(q.angles(np.array([-9.0, 0.75, 9.0]))[0], [0, 0.375 * np.pi, np.pi / 2])
