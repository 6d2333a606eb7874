"""Optional cross-check of the lattice solver against Kwant.

Kwant is not a dependency of spinlib; this test runs only where it is
installed and is reported as skipped (with the reason) otherwise.  Kwant
builds the same tight-binding chain as ``spinlib.scattering._fd_solve``
(hopping -t, t = 1/2a², on-site 2t - Δ n_j·σ, uniform leads with the end
magnetisations) and computes its scattering matrix with its own mode solver,
so agreement tests our lead self-energies, flux normalisation and channel
identification independently.
"""

from __future__ import annotations

import numpy as np
import pytest

from spinlib import scattering as sc
from spinlib.electron_gas import exchange_splitting, fermi_energy
from spinlib.gauge import PAULI, spin_frame

kwant = pytest.importorskip(
    "kwant",
    reason="kwant is not installed (optional: `pip install kwant` could not build it "
    "in this environment); the Kwant cross-check of the lattice solver is skipped",
)


def _kwant_probabilities(profile, zeta, n_sites):
    """|S|² in spinlib's channel order from a Kwant model of the same chain."""
    xl, xr = profile.x_left, profile.x_right
    a = (xr - xl) / n_sites
    t = 1.0 / (2.0 * a * a)
    delta = float(exchange_splitting(zeta))
    x = np.linspace(xl, xr, n_sites + 1)
    n = spin_frame(*profile.angles(x))[0]
    onsite = [2 * t * np.eye(2) - delta * np.einsum("a,aij->ij", nj, PAULI) for nj in n]
    lat = kwant.lattice.chain(a, norbs=2)
    syst = kwant.Builder()
    for j in range(n_sites + 1):
        syst[lat(j)] = onsite[j]
    syst[lat.neighbors()] = -t * np.eye(2)
    for direction, h0 in ((-1, onsite[0]), (1, onsite[-1])):
        lead = kwant.Builder(kwant.TranslationalSymmetry((direction * a,)))
        lead[lat(0)] = h0
        lead[lat.neighbors()] = -t * np.eye(2)
        syst.attach_lead(lead)
    smat = kwant.smatrix(syst.finalized(), float(fermi_energy(zeta)))
    probs = np.zeros((4, 4))
    for lead_out in (0, 1):
        for lead_in in (0, 1):
            block = np.abs(smat.submatrix(lead_out, lead_in)) ** 2
            mom_in = smat.lead_info[lead_in].momenta
            mom_out = smat.lead_info[lead_out].momenta
            n_in, n_out = len(mom_in) // 2, len(mom_out) // 2
            # majority = the larger |k| (k_F+ > k_F-); incoming modes first
            order_in = np.argsort(-np.abs(mom_in[:n_in]))
            order_out = np.argsort(-np.abs(mom_out[n_out:]))
            probs[2 * lead_out : 2 * lead_out + 2, 2 * lead_in : 2 * lead_in + 2] = block[
                np.ix_(order_out, order_in)
            ]
    return probs


@pytest.mark.parametrize("zeta, width", [(0.3, 0.8), (0.6, 1.5)])
def test_lattice_smatrix_matches_kwant(zeta, width):
    profile = sc.tanh_profile(width, cutoff=12.0)
    n_sites = 800
    ours = np.abs(sc._fd_solve(profile, zeta, n_sites)[0]) ** 2
    theirs = _kwant_probabilities(profile, zeta, n_sites)
    # same finite model, two exact linear-algebra solutions: round-off only
    np.testing.assert_allclose(ours, theirs, atol=1e-10)
