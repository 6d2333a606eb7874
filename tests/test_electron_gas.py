"""The two-band electron gas (eq. 13) against an independent sympy derivation."""

import numpy as np
import pytest
import sympy as sp

from spinlib import electron_gas


def sympy_band_parameters():
    """Solve k_F±² = 2m(ε_F ± Δ) with k_F± = k_F(1 ± ζ) for ε_F and Δ (m = k_F = 1)."""
    zeta, eps_f, delta = sp.symbols("zeta epsilon_F Delta", positive=True)
    sol = sp.solve(
        [sp.Eq((1 + zeta) ** 2, 2 * (eps_f + delta)), sp.Eq((1 - zeta) ** 2, 2 * (eps_f - delta))],
        [eps_f, delta],
        dict=True,
    )[0]
    return zeta, sol[eps_f], sol[delta]


@pytest.mark.parametrize("z", [1e-6, 0.1, 0.5, 0.93])
def test_band_relations_against_sympy(z):
    zeta, eps_f, delta = sympy_band_parameters()
    assert electron_gas.fermi_energy(z) == pytest.approx(float(eps_f.subs(zeta, z)), rel=1e-15)
    assert electron_gas.exchange_splitting(z) == pytest.approx(float(delta.subs(zeta, z)), rel=1e-15)
    # densities: a Fermi sphere of radius k holds k³/6π² electrons of one spin
    k = sp.Symbol("k", positive=True)
    n_sphere = sp.integrate(4 * sp.pi * k**2 / (2 * sp.pi) ** 3, (k, 0, 1 + z))
    n_plus, _ = electron_gas.densities(z)
    assert n_plus == pytest.approx(float(n_sphere), rel=1e-14)
    # s = (n+ - n-)/2, computed without cancellation
    exact_s = sp.Rational(1, 2) * ((1 + sp.nsimplify(z)) ** 3 - (1 - sp.nsimplify(z)) ** 3) / (6 * sp.pi**2)
    assert electron_gas.spin_density_s(z) == pytest.approx(float(exact_s), rel=1e-14)


def test_bands_cross_fermi_level_at_kf():
    for z in (0.2, 0.7):
        kp, km = electron_gas.fermi_wavevectors(z)
        ef, d = electron_gas.fermi_energy(z), electron_gas.exchange_splitting(z)
        assert kp**2 / 2 - ef - d == pytest.approx(0, abs=1e-15)  # majority, σ = +
        assert km**2 / 2 - ef + d == pytest.approx(0, abs=1e-15)  # minority, σ = -


@pytest.mark.parametrize("z", [1e-6, 0.2, 0.7, 0.93])
def test_densities_of_states_are_the_energy_derivative_of_the_densities(z):
    """ν± = dn±/dε at ε_F, with n±(ε) = (2m(ε ± Δ))^{3/2}/6π² (a Fermi sphere of
    radius √(2m(ε ± Δ)) in band σ = ±, eq. 13) differentiated by sympy at fixed Δ;
    the same n± at ε = ε_F are the spin densities of electron_gas.densities."""
    eps, delta = sp.symbols("epsilon Delta", positive=True)
    ef, d = float(electron_gas.fermi_energy(z)), float(electron_gas.exchange_splitting(z))
    nu = electron_gas.densities_of_states(z)
    n = electron_gas.densities(z)
    for sign, nu_s, n_s in ((1, nu[0], n[0]), (-1, nu[1], n[1])):
        n_of_eps = (2 * (eps + sign * delta)) ** sp.Rational(3, 2) / (6 * sp.pi**2)
        at_fermi = {eps: sp.Float(ef, 30), delta: sp.Float(d, 30)}
        # rel 1e-12: ε_F - Δ = (1 - ζ)²/2 is a difference of two numbers of
        # order 1, exact to ~1e-16 each: 2e-16/(1 - ζ)² ~ 1e-13 relative at ζ = 0.93
        assert float(n_of_eps.subs(at_fermi)) == pytest.approx(float(n_s), rel=1e-12)
        assert float(sp.diff(n_of_eps, eps).subs(at_fermi)) == pytest.approx(float(nu_s), rel=1e-12)


@pytest.mark.parametrize("bad", [0.0, 1.0, -0.5, 1.5, np.nan, [0.2, 1.2]])
def test_zeta_outside_open_unit_interval_is_rejected(bad):
    with pytest.raises(ValueError, match="zeta"):
        electron_gas.fermi_wavevectors(bad)
