"""Scattering states through a wall: spin density, spin current and torque.

Sign convention (derived in spinlib.scattering): τ = dS/dt = +Δ n × s with
s = ψ†σψ, from the Heisenberg equation; the paper's eq. (4) prints the
opposite sign on its right-hand side.  The tests below fix the sign
physically: the torque must be the spin current lost by the electron.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy.integrate import simpson

from spinlib import scattering as sc
from spinlib.gauge import PAULI, spin_frame
from spinlib.scattering import (
    CHANNELS,
    custom_profile,
    scattering_matrix,
    scattering_state,
    tanh_profile,
)


@pytest.mark.parametrize("incident", CHANNELS)
def test_angular_momentum_balance(incident):
    """∫τ_z dx = j_z(-∞) - j_z(+∞), and, from the S-matrix alone (left lead
    n = +z, right lead n = -z, no interference in j_z):

        majority from the left:  ∫τ_z = T_adiabatic_maj + R_maj_min,
        minority from the left:  ∫τ_z = -(T_adiabatic_min + R_min_maj),

    one unit of ħ per spin flip (the right-incident channels by the
    x → -x symmetry of the tanh wall, with opposite sign).  Simpson on
    h = 0.005 over a torque oscillating at 2k_F+ ~ 3: error ~ (kh)⁴ ~ 1e-9.
    """
    zeta, prof = 0.4, tanh_profile(1.0, kind="neel")
    x = np.linspace(-60.0, 60.0, 24001)
    st = scattering_state(prof, zeta, x, incident=incident)
    res = scattering_matrix(prof, zeta)
    total = simpson(st.torque[:, 2], x=x)
    assert abs(total - (st.spin_current[0, 2] - st.spin_current[-1, 2])) < 1e-8
    flips_maj = res["T_adiabatic_maj"] + res["R_maj_min"]
    flips_min = res["T_adiabatic_min"] + res["R_min_maj"]
    expected = {"L_maj": flips_maj, "L_min": -flips_min, "R_maj": -flips_maj, "R_min": flips_min}
    assert abs(total - expected[incident]) < 1e-8
    # in the leads the z components are conserved (n = ±z: τ_z = 0)
    assert np.abs(st.torque[np.abs(x) > 36.0, 2]).max() < 1e-12


def test_divergence_of_the_spin_current_is_minus_the_torque():
    """Stationary state: ∂_x j = -Δ n × s pointwise (spin conservation), here
    by fourth-order central differences of the computed j (error ~ h⁴ j''''
    ~ (0.01·3)⁴ ~ 1e-6 relative) on a non-planar wall."""
    prof = custom_profile(
        lambda x: np.pi * (1 + np.tanh(x / 1.5)) / 2, lambda x: 0.8 * np.tanh(x), -25.0, 25.0
    )
    h = 0.01
    x = np.arange(-6.0, 6.0 + h / 2, h)
    st = scattering_state(prof, 0.45, x, incident="L_min")
    j = st.spin_current
    dj = (j[:-4] - 8 * j[1:-3] + 8 * j[3:-1] - j[4:]) / (12 * h)
    tau = st.torque[2:-2]
    assert np.abs(dj + tau).max() < 1e-5 * np.abs(tau).max()
    # and with the opposite sign convention the identity fails grossly
    assert np.abs(dj - tau).max() > 0.5 * np.abs(tau).max()


def test_state_is_continuous_at_the_lead_boundaries():
    """Propagated ψ inside meets the plane waves built from S outside."""
    prof = tanh_profile(0.6)
    eps = 1e-9
    x = np.array([prof.x_left - eps, prof.x_left + eps, prof.x_right - eps, prof.x_right + eps])
    for inc in CHANNELS:
        st = scattering_state(prof, 0.55, x, incident=inc)
        # |ψ'| ~ k|ψ| ~ 2: a jump of 2 eps·|ψ'| is allowed, plus the S accuracy
        assert np.abs(st.psi[1] - st.psi[0]).max() < 1e-8
        assert np.abs(st.psi[3] - st.psi[2]).max() < 1e-8
        assert np.abs(st.dpsi[3] - st.dpsi[2]).max() < 1e-8


def test_spin_density_against_finite_differences():
    """Magnus state vs the lattice wave function (Richardson in a² on the
    nodes common to four nested lattices): spin density to 1e-8."""
    prof, zeta = tanh_profile(0.7, kind="bloch"), 0.35
    n0 = int(np.ceil((prof.x_right - prof.x_left) / 0.02))
    levels = []
    for lev in range(4):
        _, x, psi = sc._fd_solve(prof, zeta, n0 * 2**lev)
        p = psi[0][:: 2**lev]  # incident L_maj, on the coarse nodes
        levels.append(np.einsum("xi,aij,xj->xa", p.conj(), PAULI, p).real)
        xs = x[:: 2**lev]
    s_fd, _ = sc._richardson(levels)
    st = scattering_state(prof, zeta, xs)
    assert np.abs(s_fd - st.spin_density).max() < 1e-8


def test_wide_wall_torque_is_the_adiabatic_spin_transfer_torque():
    """λ → ∞: the majority electron carries the spin current ½ n(x) (unit flux),
    so τ = -∂_x j → -½ ∂_x n (the spin-transfer torque, first term of eq. 1);
    a minority electron gives +½ ∂_x n.  The correction is O(1/(ζλ)) relative
    (the spin lags behind n by an angle ~ v θ'/2Δ), measured 0.59/λ at ζ = 0.5."""
    zeta = 0.5
    dev = {}
    for lam in (10.0, 20.0):
        x = np.linspace(-8 * lam, 8 * lam, 1601)
        theta = 2 * np.arctan(np.exp(x / lam))
        _, e_theta, _ = spin_frame(theta, np.zeros_like(x))
        dn = e_theta / (lam * np.cosh(x / lam))[:, None]  # ∂_x n = θ' e_θ
        prof = tanh_profile(lam, kind="neel")
        maj = scattering_state(prof, zeta, x, incident="L_maj")
        mino = scattering_state(prof, zeta, x, incident="L_min")
        scale = 0.5 * np.abs(dn).max()
        dev[lam] = max(
            np.abs(maj.torque + 0.5 * dn).max() / scale,
            np.abs(mino.torque - 0.5 * dn).max() / scale,
        )
    assert dev[10.0] < 0.1
    assert 1.8 < dev[10.0] / dev[20.0] < 2.2  # first order in 1/λ


def test_bloch_and_neel_states_differ_by_a_spin_rotation():
    """Same wall turned by π/2 about z: the spin density rotates with it."""
    x = np.linspace(-5.0, 5.0, 11)
    bloch = scattering_state(tanh_profile(0.8, kind="bloch"), 0.3, x)
    neel = scattering_state(tanh_profile(0.8, kind="neel"), 0.3, x)
    rot = np.array([[0.0, -1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
    np.testing.assert_allclose(bloch.spin_density, neel.spin_density @ rot.T, atol=1e-9)
    np.testing.assert_allclose(bloch.torque, neel.torque @ rot.T, atol=1e-9)


def test_state_validation():
    prof = tanh_profile(1.0)
    with pytest.raises(ValueError, match="incident must be one of"):
        scattering_state(prof, 0.3, [0.0], incident="up")
    with pytest.raises(ValueError, match="x must be a non-empty 1D array"):
        scattering_state(prof, 0.3, np.zeros((2, 2)))
    with pytest.raises(ValueError, match="x must be finite"):
        scattering_state(prof, 0.3, [0.0, np.inf])
    with pytest.raises(ValueError, match=r"zeta must lie in \(0, 1\)"):
        scattering_state(prof, 1.3, [0.0])
