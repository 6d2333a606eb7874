"""Tests of spinlib.resistivity: the Mori formula (66)-(75), the wall, Landauer (76), Hall (77), (98).

Independent references used here:

* explicit matrices of H and J in a plane-wave basis (the commutator (67));
* direct summation of Matsubara frequencies (72) and a broadened numerical
  analytic continuation (73);
* a quadrature of the broadened double δ-function (75)
  (:func:`spinlib.resistivity.phase_space_broadened`, no window logic);
* a numerical average of the explicit on-shell force vertex over the
  energy-shell ring (the per-q kernel of the corrected vertex);
* analytic Fourier transforms sampled on the FFT grid (the grid evaluator);
* the first-order Born probabilities of the 1D wall from
  :mod:`spinlib.scattering` (another helper's module), summed over the
  transverse channels of a wire with the golden-rule momentum balance
  (:func:`spinlib.resistivity.tanh_wall_area_resistance_wire_sum`);
* the lattice topological charge of :mod:`spinlib.topology` (77);
* the two-band Drude model with the emergent field (sign of (77), ratio (98)), sympy and numbers.
"""

import numpy as np
import pytest
import sympy as sp
from scipy import integrate

from spinlib import electron_gas
from spinlib.relaxation import current_polarization_drude
from spinlib.resistivity import (
    drude_resistivity,
    eq76_force,
    force_vertex_onshell,
    gauge_field_fourier,
    hall_current_ratio,
    hall_resistivity_momentum_sum,
    landauer_reflection,
    landauer_resistance,
    matsubara_pair_sum,
    mori_prefactor,
    mori_resistivity,
    mori_resistivity_from_field,
    mori_resistivity_from_fourier,
    mori_resistivity_from_gauge,
    phase_space_broadened,
    reaction_force,
    resistivity_unit_si,
    spin_conserving_phase_space,
    spin_flip_phase_space,
    tanh_wall_area_resistance,
    tanh_wall_area_resistance_asymptotic,
    tanh_wall_area_resistance_wire_sum,
    tanh_wall_resistance_integrand,
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

ZETAS = (0.15, 0.3, 0.6)
PAULI = np.array([[[0, 1], [1, 0]], [[0, -1j], [1j, 0]], [[1, 0], [0, -1]]], dtype=complex)


# --------------------------------------------------------------------------
# (67)-(68): the force operator from explicit matrices
# --------------------------------------------------------------------------
def _plane_wave_model(n_max=7, q_max=2, zeta=0.3, seed=0, scale=1.0):
    """H = H0 + H1 + H2 and J = J0 + J1 in the rotated frame (eq. 12) on a 2D torus.

    Basis |k, s⟩, k = 2π(n1, n2)/L with |n_i| ≤ n_max, s = ↑, ↓.  The gauge
    field has Fourier components A^a_i(q) only for |q_i| ≤ q_max (2π/L units),
    random but with A(-q) = A(q)* (a real field).  Truncating the basis only
    spoils matrix products near its edge, so commutators are compared on the
    interior |n_i| ≤ n_max - 2 q_max.
    """
    rng = np.random.default_rng(seed)
    L = 7.0
    ns = np.arange(-n_max, n_max + 1)
    kgrid = np.array([(a, b) for a in ns for b in ns]) * 2 * np.pi / L  # (nk, 2)
    nk = len(kgrid)
    qs = [(a, b) for a in range(-q_max, q_max + 1) for b in range(-q_max, q_max + 1)]
    amp = {}
    for q in qs:
        if q in amp:
            continue
        val = scale * (rng.normal(size=(2, 3)) + 1j * rng.normal(size=(2, 3))) / 4
        if q == (0, 0):
            val = val.real + 0j
        amp[q] = val
        amp[(-q[0], -q[1])] = val.conj()
    delta = float(electron_gas.exchange_splitting(zeta))
    idx = {tuple(np.rint(k * L / (2 * np.pi)).astype(int)): i for i, k in enumerate(kgrid)}
    # single-particle matrices of shape (2 nk, 2 nk), index = 2*i + s
    dim = 2 * nk
    A_mat = np.zeros((2, dim, dim), complex)  # ⟨k'|A_i|k⟩ (spin matrix A^a σ_a)
    for (a, b), i in idx.items():
        for q in qs:
            j = idx.get((a + q[0], b + q[1]))
            if j is None:
                continue
            for d in range(2):
                A_mat[d, 2 * j : 2 * j + 2, 2 * i : 2 * i + 2] = np.einsum("a,aij->ij", amp[q][d], PAULI)
    K = np.repeat(kgrid, 2, axis=0)  # (dim, 2)
    spin = np.tile([1.0, -1.0], nk)
    H0 = np.diag(0.5 * np.sum(K**2, axis=1) - delta * spin).astype(complex)
    # H1 = (1/2m){p, A}: ⟨k'|..|k⟩ = (k + k')/2 · A(k' - k)
    H1 = sum(0.5 * (K[:, d][:, None] + K[:, d][None, :]) * A_mat[d] for d in range(2))
    H2 = sum(A_mat[d] @ A_mat[d] for d in range(2)) / 2
    J0 = [np.diag(K[:, d]).astype(complex) for d in range(2)]
    J1 = [A_mat[d] for d in range(2)]
    interior = np.array(
        [max(abs(v) for v in key) <= n_max - 2 * q_max for key in idx for _ in range(2)]
    )
    return dict(K=K, spin=spin, H0=H0, H1=H1, H2=H2, J0=J0, J1=J1, A_mat=A_mat,
                interior=interior, delta=delta)  # fmt: skip


def _eq67_matrix(m, d, with_sigma=True, kinetic=True):
    """(m/e) J̇_d from the printed structure of (67): kinetic terms (unless dropped, as in (68)) + Δ term."""
    K, A, delta, spin = m["K"], m["A_mat"], m["delta"], m["spin"]
    Q = K[:, None, :] - K[None, :, :]  # q = k' - k, shape (dim, dim, 2)
    two_k_plus_q = K[:, None, :] + K[None, :, :]  # 2k + q = k + k'
    kq = np.sum(two_k_plus_q * Q, axis=-1)
    kin = 0.5j * (kq * A[d] - Q[..., d] * sum(two_k_plus_q[..., e] * A[e] for e in range(2)))
    s_out, s_in = spin[:, None], spin[None, :]
    if with_sigma:
        dterm = -1j * delta * (s_out - s_in) * A[d]  # i · (-Δ(s - s')) A_i
    else:  # the printed (67)/(68): -2iΔ A^{-σ} for both spin-flip directions
        dterm = -1j * delta * np.abs(s_out - s_in) * A[d]
    return kin + dterm if kinetic else dterm


def test_eq67_commutator_from_explicit_matrices():
    """J̇ = i[H, J] to first order in A equals (67) with the factor σ in the Δ term.

    Plane-wave matrices are exact on the interior of the basis, so the
    comparison is to rounding (1e-12 relative).
    """
    m = _plane_wave_model()
    inner = np.ix_(m["interior"], m["interior"])
    for d in range(2):
        first_order = 1j * (m["H0"] @ m["J1"][d] - m["J1"][d] @ m["H0"]
                            + m["H1"] @ m["J0"][d] - m["J0"][d] @ m["H1"])  # fmt: skip
        eq67 = _eq67_matrix(m, d)
        scale = np.abs(first_order[inner]).max()
        assert np.abs(first_order[inner] - eq67[inner]).max() < 1e-12 * scale
        # J̇ is Hermitian; the printed Δ term (no σ) is not: it is off by 2Δ|A| per element
        assert np.allclose(eq67[inner], eq67.conj().T[inner], atol=1e-12 * scale)
        printed = _eq67_matrix(m, d, with_sigma=False)
        assert np.abs(printed[inner] - printed.conj().T[inner]).max() > 0.1 * scale


def test_eq67_neglected_terms_are_second_order():
    """The full i[H, J] (with the A² term of (12)) differs from (67) by O(A²)."""
    residuals = []
    for scale in (1e-2, 2e-2):
        m = _plane_wave_model(scale=scale)
        inner = np.ix_(m["interior"], m["interior"])
        H = m["H0"] + m["H1"] + m["H2"]
        J = m["J0"][0] + m["J1"][0]
        full = 1j * (H @ J - J @ H)
        residuals.append(np.abs(full[inner] - _eq67_matrix(m, 0)[inner]).max())
    # doubling A multiplies the residual by 4 (second order) to 1 % (third-order terms)
    assert abs(residuals[1] / residuals[0] - 4.0) < 0.04


@pytest.mark.parametrize("sigma", [1, -1])
def test_eq68_onshell_vertex_is_minus_i_q_times_coupling(sigma):
    """On the shell ε_{k+q,-σ} = ε_{kσ}: J̇_fi = -i q (k + q/2)·A; the Δ vertex of (68) only for A ∥ q."""
    rng = np.random.default_rng(1)
    zeta = 0.3
    delta = float(electron_gas.exchange_splitting(zeta))
    for _ in range(20):
        q = rng.normal(size=3)
        qn = np.linalg.norm(q)
        # k with k·q = -q²/2 - 2σΔ (energy conservation of the spin flip), any transverse part
        k = (-(qn**2) / 2 - 2 * sigma * delta) / qn * q / qn + np.cross(q, rng.normal(size=3))
        a = rng.normal(size=3) + 1j * rng.normal(size=3)
        full = force_vertex_onshell(k, q, a, zeta, sigma, "full")
        corrected = force_vertex_onshell(k, q, a, zeta, sigma, "corrected")
        paper = force_vertex_onshell(k, q, a, zeta, sigma, "paper")
        assert np.allclose(full, corrected, rtol=0, atol=1e-12 * np.abs(full).max())
        assert not np.allclose(np.abs(paper), np.abs(corrected), rtol=1e-3)
        a_long = q * (q @ a) / qn**2  # longitudinal gauge field: the two vertices agree
        assert np.allclose(
            np.abs(force_vertex_onshell(k, q, a_long, zeta, sigma, "paper")),
            np.abs(force_vertex_onshell(k, q, a_long, zeta, sigma, "corrected")),
            rtol=1e-12,
        )


@pytest.mark.parametrize("zeta", [0.2, 0.6])
def test_corrected_kernel_is_the_ring_average_of_the_onshell_vertex(zeta):
    """The corrected-vertex q-kernel (spin flip and spin conserving) = ⟨J̇_fi J̇_fi*⟩ over the energy shell.

    For one q and random complex A^+, A^-, A^z (longitudinal and transverse parts), the
    initial states of band σ on the Fermi sphere that conserve energy form a ring
    k = k_∥ q̂ + k_⊥(cos φ e₁ + sin φ e₂); there the explicit first-order vertex of (67)
    (force_vertex_onshell "full": both Lorentz terms and the Δ term; its kinetic part alone,
    full - paper, for the spin-conserving A^zσ_z between equal spins) is averaged over φ
    numerically (16 points: the integrand is a trigonometric polynomial of degree 2, so the
    average is exact) and weighted with the phase space K of (75).  mori_resistivity_from_fourier
    with a single q and weight 1 must give (π/n²) Σ K ⟨Re J̇_i J̇_j*⟩, π/n² = mori_prefactor/(4Δ²)
    being the normalisation of (74) for its vertex 2ΔA.  Rounding only: tolerance 1e-12.
    """
    rng = np.random.default_rng(11)
    delta = float(electron_gas.exchange_splitting(zeta))
    kf = dict(zip((1, -1), (float(k) for k in electron_gas.fermi_wavevectors(zeta))))
    pref = float(mori_prefactor(zeta)) / (4 * delta**2)
    phis = 2 * np.pi * np.arange(16) / 16

    def ring_average(q, amp, sigma, k_par, k_sigma, vertex):
        qhat = q / np.linalg.norm(q)
        e1 = np.cross(qhat, rng.normal(size=3))
        e1 /= np.linalg.norm(e1)
        e2 = np.cross(qhat, e1)
        k_perp = np.sqrt(k_sigma**2 - k_par**2)
        acc = np.zeros((3, 3))
        for phi in phis:
            k = k_par * qhat + k_perp * (np.cos(phi) * e1 + np.sin(phi) * e2)
            j = vertex(k, q, amp, sigma)
            acc += np.outer(j, j.conj()).real
        return acc / phis.size

    def flip(k, q, amp, sigma):
        # energy shell of the flip k,σ → k+q,-σ with ε_kσ = k²/2 - σΔ
        assert abs(((k + q) @ (k + q) / 2 + sigma * delta) - (k @ k / 2 - sigma * delta)) < 1e-12
        return force_vertex_onshell(k, q, amp, zeta, sigma, "full")

    def conserve(k, q, amp, sigma):
        assert abs((k + q) @ (k + q) - k @ k) < 1e-12  # intraband shell
        kinetic = force_vertex_onshell(k, q, amp, zeta, sigma, "full") - force_vertex_onshell(
            k, q, amp, zeta, sigma, "paper")
        return sigma * kinetic  # ⟨k+q,σ|A^zσ_z|k,σ⟩ = σ A^z

    window = (2 * zeta, 2.0)
    for q_abs in (2 * zeta + 0.05, 1.0 + zeta / 2, 1.95, 2 * kf[-1] + 0.05):
        q = q_abs * rng.normal(size=3)
        q *= q_abs / np.linalg.norm(q)
        a_plus, a_minus, a_z = (rng.normal(size=3) + 1j * rng.normal(size=3) for _ in range(3))
        expected_flip = np.zeros((3, 3))
        if window[0] < q_abs < window[1]:
            for amp, sigma in ((a_plus, 1), (a_minus, -1)):
                k_par = -(q_abs**2 / 2 + 2 * sigma * delta) / q_abs
                expected_flip += spin_flip_phase_space(q_abs, zeta) * ring_average(
                    q, amp, sigma, k_par, kf[sigma], flip)
        expected_cons = np.zeros((3, 3))
        for sigma in (1, -1):
            if q_abs < 2 * kf[sigma]:
                expected_cons += spin_conserving_phase_space(q_abs, zeta, sigma) * ring_average(
                    q, a_z, sigma, -q_abs / 2, kf[sigma], conserve)
        args = (q[:, None], a_plus[:, None], a_minus[:, None], a_z[:, None], zeta)
        for channel, expected in (("spin_flip", expected_flip), ("spin_conserving", expected_cons)):
            rho = mori_resistivity_from_fourier(*args, vertex="corrected", channel=channel)
            scale = max(np.abs(expected).max(), 1e-300)
            assert np.allclose(rho, pref * expected, rtol=1e-12, atol=1e-12 * pref * scale), (q_abs, channel)
        assert (np.abs(expected_flip).max() > 0) == (window[0] < q_abs < window[1])  # no empty check
        assert np.abs(expected_cons).max() > 0


def test_eq66_sign_of_the_correlation_function():
    """With χ = -⟨T J̇ J̇⟩ (eq. 70 convention), Im χ^R(ω)/ω < 0 for the Hermitian J̇.

    Lehmann form for a bilinear O = Σ a† O_ab b: χ^R(ω) = Σ O_ab O_ba (f_a - f_b)/(ω + ε_a - ε_b + iη).
    The Hermitian J̇ (full (67), or its Δ term with the factor σ) gives
    Im χ^R < 0 at ω > 0, so (66) needs -Im; the anti-Hermitian printed (68)
    (Δ term without σ) gives the opposite sign: the two slips cancel in (74).
    """
    m = _plane_wave_model(n_max=5, q_max=1)
    eps = np.real(np.diag(m["H0"]))
    f = 1.0 / (1.0 + np.exp(eps / 0.5))
    cases = ((True, True, -1), (True, False, -1), (False, False, +1))
    for with_sigma, kinetic, sign in cases:
        O = _eq67_matrix(m, 0, with_sigma=with_sigma, kinetic=kinetic)
        weight = O * O.T  # O_ab O_ba
        for omega in (0.3, 1.0):
            chi = np.sum(weight * (f[:, None] - f[None, :])
                         / (omega + eps[:, None] - eps[None, :] + 0.05j))  # fmt: skip
            assert np.sign(chi.imag) == sign


# --------------------------------------------------------------------------
# (70)-(73): Matsubara sum and analytic continuation
# --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "ea,eb,ell,beta", [(0.3, -0.2, 2, 20.0), (-0.1, 0.25, 1, 7.0), (0.05, 0.05, 3, 40.0), (0.4, -0.3, 0, 10.0)]
)
def test_eq72_matsubara_sum_closed_form_against_direct_summation(ea, eb, ell, beta):
    """(1/β)Σ_n G_a(iω_n + iν) G_b(iω_n) = (f_a - f_b)/(ε_a - ε_b - iν); direct sum to 1e-9.

    Tolerance: the tail beyond n_max = 2e5 is summed to leading order, the
    rest is O(n_max⁻³) ~ 1e-16.
    """
    closed = matsubara_pair_sum(ea, eb, ell, beta)
    direct = matsubara_pair_sum(ea, eb, ell, beta, method="direct")
    assert abs(closed - direct) < 1e-9 * max(1.0, abs(closed))


def test_eq72_equal_energies_limit_is_fermi_derivative():
    beta, e = 12.0, 0.1
    f = 1 / (1 + np.exp(beta * e))
    assert abs(matsubara_pair_sum(e, e, 0, beta) - (-beta * f * (1 - f))) < 1e-14
    assert abs(matsubara_pair_sum(e, e, 0, beta, method="direct") - (-beta * f * (1 - f))) < 1e-9


def test_eq73_continuation_gives_minus_pi_double_delta():
    """(1/ω) Im[(f_a - f_b)/(ε_a - ε_b - ω - iη)] → -π δ(ε_b) δ(ε_a - ε_b) as a distribution.

    Integrated against g(ε_a, ε_b) = exp(-(ε_a - 0.1)² - 2(ε_b + 0.2)²) with
    T = 2e-3, ω = 1e-3, η = 1e-4 (η ≪ ω ≪ T, the order of the limits in (73));
    corrections are O(ω/T... T², η/ω·ω) ≲ 1e-3 here: tolerance 1e-2.
    """
    T, omega, eta = 2e-3, 1e-3, 1e-4

    def fermi(e):
        return 0.5 * (1 - np.tanh(e / (2 * T)))

    def g(ea, eb):
        return np.exp(-((ea - 0.1) ** 2) - 2 * (eb + 0.2) ** 2)

    def inner(eb):  # u = ε_a - ε_b, Lorentzian of width η at u = ω
        f = lambda u: (fermi(eb + u) - fermi(eb)) / omega * eta / ((u - omega) ** 2 + eta**2) * g(eb + u, eb)  # noqa: E731
        return integrate.quad(f, omega - 400 * eta, omega + 400 * eta, points=[omega], limit=400)[0]

    val = integrate.quad(inner, -40 * T, 40 * T, points=[0.0], limit=400, epsabs=1e-12)[0]
    assert abs(val / (-np.pi * g(0.0, 0.0)) - 1) < 1e-2


# --------------------------------------------------------------------------
# (75): the k-sum
# --------------------------------------------------------------------------
@pytest.mark.parametrize("zeta", ZETAS)
@pytest.mark.parametrize("sigma", [1, -1])
def test_eq75_closed_form_against_broadened_double_delta(zeta, sigma):
    """(75) = θ_st(q)/(4π²q) for both σ; broadened quadrature agrees to 1e-6.

    phase_space_broadened integrates two Gaussian δ_η's (erf in the angle,
    Gauss-Hermite in the energy) and knows nothing of the window logic.
    Points are ≥ 0.05 from the window edges (≥ 10η in energy), where the
    Gaussian broadening (η = 2e-3) leaks exponentially little; inside, the
    error is O(η²/k_F⁴) ~ 1e-6.
    """
    lo, hi = 2 * zeta, 2.0
    for q in (0.5 * lo, lo + 0.05, 0.5 * (lo + hi), hi - 0.05, hi + 0.1):
        num = float(phase_space_broadened(q, zeta, sigma, width=2e-3, nodes=60))
        closed = float(spin_flip_phase_space(q, zeta))
        assert abs(num - closed) <= 1e-6 * max(closed, 1e-3)


@pytest.mark.parametrize("sigma", [1, -1])
def test_spin_conserving_phase_space_against_broadened_double_delta(sigma):
    zeta = 0.3
    k_sigma = 1 + sigma * zeta
    for q in (0.2, k_sigma, 2 * k_sigma - 0.05, 2 * k_sigma + 0.1):
        num = float(phase_space_broadened(q, zeta, sigma, intraband=True, width=2e-3, nodes=60))
        closed = float(spin_conserving_phase_space(q, zeta, sigma))
        assert abs(num - closed) <= 1e-6 * max(closed, 1e-3)


def test_eq75_printed_form_equals_sigma_independent_form():
    """ν_σ m/(2 k_Fσ q) (printed) = m²/(4π²q) for both σ (sympy)."""
    m, k, q = sp.symbols("m k q", positive=True)
    nu = m * k / (2 * sp.pi**2)
    assert sp.simplify(nu * m / (2 * k * q) - m**2 / (4 * sp.pi**2 * q)) == 0


# --------------------------------------------------------------------------
# (74) on a grid
# --------------------------------------------------------------------------
def test_eq74_grid_evaluation_equals_discrete_sum_of_wall_spectrum():
    """A tanh wall on a 1D grid = Σ_q (4πΔ²/n²)·2|(π/2)sech(πqλ/2)/L|² K(q) over the same q.

    The only difference is the finite-difference gauge field, whose spectrum
    is too small by (qh)²/6 (second-order differences of the smooth m):
    at h = 0.01, q ≤ 2: ≤ 7e-5 in |A|²; tolerance 2e-4.
    """
    zeta, lam, h, npts = 0.3, 1.3, 0.01, 16000
    x = (np.arange(npts) - npts // 2) * h
    rho = mori_resistivity(*domain_wall_angles(x, lam), h, zeta)[0, 0]
    L = npts * h
    q = 2 * np.pi * np.fft.fftfreq(npts, h)
    spec = (np.pi / 2) / np.cosh(np.pi * q * lam / 2) / L
    discrete = mori_prefactor(zeta) * np.sum(2 * spec**2 * spin_flip_phase_space(np.abs(q), zeta))
    assert abs(rho / discrete - 1) < 2e-4


@pytest.mark.parametrize("kind", ["bloch", "neel"])
def test_eq74_both_vertices_agree_for_a_wall(kind):
    zeta, h = 0.4, 0.05
    x = (np.arange(2000) - 1000) * h
    th, ph = domain_wall_angles(x, 0.8, kind=kind)
    paper = mori_resistivity(th, ph, h, zeta)
    corrected = mori_resistivity(th, ph, h, zeta, vertex="corrected")
    assert np.allclose(paper, corrected, rtol=1e-12)
    # no spin-conserving scattering by a 1D texture: A^z ∥ q
    assert mori_resistivity(th, ph, h, zeta, vertex="corrected", channel="spin_conserving")[0, 0] < 1e-20


def test_eq74_wall_embedded_in_2d_grid_gives_the_same_area_resistance():
    """A wall along x on a 2D grid: ρ_xx L_x equals the 1D value, ρ_yy = 0, uniform along y."""
    zeta, lam, h = 0.3, 1.0, 0.05
    X, Y = make_grid((1600, 8), h)
    th, ph = domain_wall_angles(X, lam)
    rho2 = mori_resistivity(th, ph, h, zeta)
    rho1 = mori_resistivity(th[:, 0], ph[:, 0], h, zeta)
    assert abs(rho2[0, 0] / rho1[0, 0] - 1) < 1e-12
    assert abs(rho2[1, 1]) < 1e-14 * rho2[0, 0] and abs(rho2[0, 1]) < 1e-14 * rho2[0, 0]


def test_eq74_two_dimensional_texture_vertices_differ():
    """For a smooth vortex the transverse gauge field makes the corrected vertex differ."""
    zeta, h = 0.3, 0.25
    X, Y = make_grid((96, 96), h)
    th, ph = smooth_vortex_angles(X, Y, 2.0)
    paper = mori_resistivity(th, ph, h, zeta)
    corr = mori_resistivity(th, ph, h, zeta, vertex="corrected", channel="spin_flip")
    sc = mori_resistivity(th, ph, h, zeta, vertex="corrected", channel="spin_conserving")
    assert abs(corr[0, 0] / paper[0, 0] - 1) > 0.02
    assert sc[0, 0] > 0.1 * paper[0, 0]
    total = mori_resistivity(th, ph, h, zeta, vertex="corrected")
    assert np.allclose(total, corr + sc, rtol=1e-12)


def test_mori_from_fourier_matches_fft_of_an_analytic_2d_field():
    """The grid evaluator vs the analytic transform of a compact 2D field sampled on the same q.

    Field: A_x^a, A_y^a built from Gaussians with known transforms; the
    sampled field is smooth and decays inside the box, so the FFT equals the
    analytic transform to rounding: tolerance 1e-9 for both vertices.
    """
    zeta, h, n = 0.3, 0.1, 256
    X, Y = make_grid((n, n), h, center=False)
    X = X - n * h / 2
    Y = Y - n * h / 2
    w = 1.2
    gauss = np.exp(-(X**2 + Y**2) / (2 * w**2))
    # A_x = (c1, c2, c3) gauss, A_y = x * (c4, c5, c6) gauss
    c1 = np.array([0.3, -0.2, 0.5])
    c2 = np.array([0.1, 0.4, -0.3])
    A = np.stack([c1[:, None, None] * gauss, c2[:, None, None] * X * gauss])
    qx = 2 * np.pi * np.fft.fftfreq(n, h)
    QX, QY = np.meshgrid(qx, qx, indexing="ij")
    g_hat = 2 * np.pi * w**2 * np.exp(-(QX**2 + QY**2) * w**2 / 2) / (n * h) ** 2
    # the FFT counts x from the box corner x0 = -nh/2: a common phase e^{iq·x0}
    shift = np.exp(1j * (QX + QY) * (-n * h / 2))
    ax = np.stack([c1[a] * g_hat * shift for a in range(3)])
    # transform of x g is i ∂_qx ĝ = -i qx w² ĝ
    ay = np.stack([c2[a] * (-1j * QX * w**2) * g_hat * shift for a in range(3)])
    a_plus = np.stack([ax[0] + 1j * ax[1], ay[0] + 1j * ay[1]])
    a_minus = np.stack([ax[0] - 1j * ax[1], ay[0] - 1j * ay[1]])
    a_z = np.stack([ax[2], ay[2]])
    qvec = np.stack([QX, QY])
    flat = [v.reshape(2, -1) for v in (qvec, a_plus, a_minus, a_z)]
    for vertex, channel in (("paper", "all"), ("corrected", "spin_flip"), ("corrected", "spin_conserving")):
        grid = mori_resistivity_from_gauge(A, h, zeta, vertex=vertex, channel=channel)
        analytic = mori_resistivity_from_fourier(*flat, zeta, vertex=vertex, channel=channel)
        assert np.allclose(grid, analytic, rtol=1e-9, atol=1e-12 * np.abs(analytic).max())


def test_gauge_field_fourier_normalisation_parseval():
    """Σ_q |A(q)|² = (1/V) ∫ |A|² (the module's normalisation), exactly on the grid."""
    X, Y = make_grid((40, 30), 0.2)
    th, ph = smooth_vortex_angles(X, Y, 1.5)
    from spinlib.gauge import gauge_field

    A = gauge_field(th, ph, 0.2)
    a_plus, a_minus, a_z, _ = gauge_field_fourier(A, 0.2)
    lhs = np.sum(np.abs(a_plus) ** 2 + np.abs(a_minus) ** 2) / 2 + np.sum(np.abs(a_z) ** 2)
    rhs = np.mean(np.sum(A**2, axis=1), axis=(1, 2)).sum()
    assert abs(lhs / rhs - 1) < 1e-12


# --------------------------------------------------------------------------
# the tanh wall: closed form vs golden rule over the channels of a wire
# --------------------------------------------------------------------------
@pytest.mark.parametrize("zeta", ZETAS)
@pytest.mark.parametrize("width", [0.3, 1.0, 3.0])
def test_eq74_tanh_wall_closed_form_equals_golden_rule_over_wire_channels(zeta, width):
    """ρ_S L of (74)-(75) = Born momentum transfer of mistracking + spin-flip reflection (1e-7).

    tanh_wall_area_resistance_wire_sum sums the first-order Born probabilities of
    spinlib.scattering (another module's closed forms) over the transverse modes of
    a wire with the golden-rule momentum balance: no q-integral of (74).  Both are
    quadratures of smooth integrands to 1e-11; the change of variables k_⊥ → q is
    singular only at the grazing edge k_⊥ → k_F-: tolerance 1e-7.
    """
    for process in ("all", "mistracking", "reflection"):
        closed = tanh_wall_area_resistance(width, zeta, process)
        channels = tanh_wall_area_resistance_wire_sum(width, zeta, process)
        assert abs(channels / closed - 1) < 1e-7, process


def test_eq74_wide_wall_is_mistracking_dominated_with_exponent_of_the_window_edge():
    zeta = 0.3
    for width in (5.0, 10.0):
        mis = tanh_wall_area_resistance(width, zeta, "mistracking")
        ref = tanh_wall_area_resistance(width, zeta, "reflection")
        assert ref < 1e-3 * mis
        # reflection ∝ e^{-2π√ζ λ}, mistracking ∝ e^{-2πζλ}
    # ∫_{q0} e^{-πqλ} dq/q ≈ e^{-πq0λ}/(π q0 λ): d ln/dλ = -π q0 - 1/λ, q0 = 2√ζ or 2ζ;
    # the next correction to the logarithmic slope is O(1/(π q0 λ²)) ~ 1e-3
    for process, q0 in (("reflection", 2 * np.sqrt(zeta)), ("mistracking", 2 * zeta)):
        r = [tanh_wall_area_resistance(w, zeta, process) for w in (8.0, 9.0)]
        slope = np.log(r[0] / r[1]) - np.log(9.0 / 8.0)
        assert abs(slope / (np.pi * q0) - 1) < 5e-3, process


def test_tanh_wall_asymptote():
    """(2ζ²/n²) E₁(2πζλ): relative error e^{-2πζλ}-small (the sech² and reflection corrections)."""
    for zeta, width in ((0.3, 5.0), (0.5, 4.0), (0.2, 20.0)):
        ratio = tanh_wall_area_resistance(width, zeta) / tanh_wall_area_resistance_asymptotic(width, zeta)
        assert abs(ratio - 1) < 3 * np.exp(-2 * np.pi * zeta * width)


def test_born_overestimates_the_exact_mistracking_of_a_wide_wall():
    """Replacing Born mistracking by the exact (Rosen-Zener) one lowers ρ_S of a wide wall by ~π²/4.

    A finding for the ledger: (74) is lowest order in A, and for the 180° wall the
    mistracking is not small in A (scattering ledger): per channel Born/exact →
    π²/(4(1 - ζ'²)) with ζ' ≥ ζ growing towards grazing incidence, so the wire
    average lies above the normal-incidence value π²/(4(1 - ζ²)) and tends to it
    as λ grows (normal incidence dominates e^{-2πζ'λ}).
    """
    zeta = 0.3
    normal = np.pi**2 / (4 * (1 - zeta**2))
    ratios = []
    for width in (4.0, 8.0):
        born = tanh_wall_area_resistance_wire_sum(width, zeta, "mistracking")
        exact = tanh_wall_area_resistance_wire_sum(width, zeta, "mistracking", mistracking="rosen_zener")
        ratios.append(born / exact)
    assert normal < ratios[1] < ratios[0] < 1.15 * normal


# --------------------------------------------------------------------------
# Landauer, (76), momentum balance
# --------------------------------------------------------------------------
def test_landauer_conversion_and_inverse():
    r = np.array([0.0, 1e-3, 0.2, 0.9])
    for n in (1, 4):
        assert np.allclose(landauer_reflection(landauer_resistance(r, n), n), r, rtol=1e-13, atol=1e-16)
    assert np.allclose(landauer_resistance(r), np.pi * r / (1 - r))
    # small R: R_S ≈ (πħ/e²) R is the golden-rule momentum balance of one spin-degenerate
    # 1D channel with backscattering probability R: per spin and drift v = 1 the force is
    # (1/π)·k·R·2k (both incidence directions), and R_S = F/(e² n₁² v) with n₁ = 2k/π
    k, R = 1.3, 1e-4
    force = 2 * (1 / np.pi) * k * R * 2 * k
    assert abs(force / (2 * k / np.pi) ** 2 / landauer_resistance(R) - 1) < 2e-4  # O(R)


def test_eq76_equals_eq58_sympy():
    """(76) = (58) with N(0) = m k_F V/(2π²ħ²) (per spin, ħ² not the printed ħ), N_e = k_F³V/3π²."""
    e, rho, j, V, L, kf, m, hbar = sp.symbols("e rho j V L k_F m hbar", positive=True)
    n_e = kf**3 * V / (3 * sp.pi**2)
    V_S = rho * L * j
    N0 = m * kf * V / (2 * sp.pi**2 * hbar**2)
    F76 = sp.Rational(1, 3) * e * V_S * N0 * 2 * kf * hbar * kf * hbar / (m * L)
    assert sp.simplify(F76 - e * n_e * rho * j) == 0
    N0_printed = m * kf * V / (2 * sp.pi**2 * hbar)
    F76_printed = F76 * N0_printed / N0
    assert sp.simplify(F76_printed / (e * n_e * rho * j) - hbar) == 0  # off by one power of ħ


def test_eq76_function_against_reaction_force_in_the_unpolarised_limit():
    zeta = 1e-6
    rho, v, vol, length = 0.37, 0.8, 50.0, 5.0
    n = float(electron_gas.total_density(zeta))
    j = n * v  # e = 1
    f76 = eq76_force(rho * length * j, vol, length)
    f58 = reaction_force([[rho]], [v], zeta, vol)[0]
    assert abs(f76 / f58 - 1) < 1e-10


def test_reaction_force_shapes_and_errors():
    with pytest.raises(ValueError, match="square"):
        reaction_force([[1.0, 0.0]], [1.0], 0.3, 1.0)
    with pytest.raises(ValueError, match="volume"):
        reaction_force([[1.0]], [1.0], 0.3, -1.0)


# --------------------------------------------------------------------------
# (77): Hall resistivity
# --------------------------------------------------------------------------
@pytest.mark.parametrize("polarity", [1, -1])
def test_eq77_momentum_sum_equals_topological_formula(polarity):
    """-(2(n₊-n₋)/n²) Σ_q Im[A_x^+(q) A_y^-(-q)] = 2π(n₊-n₋)Q/(n²A) with Q from spinlib.topology.

    By Parseval and (60) the two agree up to the O(h²) difference between
    finite-difference gauge fields and the lattice charge: h = 0.125, a skyrmion
    of wall width 1.5: tolerance 1e-2.
    """
    zeta, h, n = 0.3, 0.125, 256
    X, Y = make_grid((n, n), h)
    th, ph = skyrmion_angles(X, Y, radius=4.0, wall_width=1.5, polarity=polarity)
    q = topological_charge(unit_vectors(th, ph))
    assert abs(abs(q) - 1) < 1e-6
    rho = hall_resistivity_momentum_sum(th, ph, h, zeta)
    expected = topological_hall_resistivity(q, (n * h) ** 2, zeta)
    assert abs(rho[0, 1] / expected - 1) < 1e-2
    assert np.allclose(rho, -rho.T)


def test_eq77_sign_is_the_drude_hall_effect_of_the_emergent_field():
    """Two bands with charge coupling e B_σ = -σ b (H_σ = (p + σA^z)²/2m) in a Drude model:
    ρ_xy = (n₊ - n₋) b/(e² n²) for E_i = ρ_ij j_j; with the average b = 2πQ/A this is (77)."""
    n_p, n_m, tau, m, e, b = sp.symbols("n_p n_m tau m e b", positive=True)
    Ex, Ey = sp.symbols("E_x E_y")
    jx = jy = 0
    for n_s, sgn in ((n_p, 1), (n_m, -1)):
        eB = -sgn * b
        vx, vy = sp.symbols("v_x v_y")
        # steady state of m dv/dt = eE + v × (eB ẑ) - m v/τ
        sol = sp.solve([e * Ex + vy * eB - m * vx / tau, e * Ey - vx * eB - m * vy / tau], [vx, vy])
        jx += n_s * e * sol[vx]
        jy += n_s * e * sol[vy]
    sigma = sp.Matrix([[sp.diff(jx, Ex), sp.diff(jx, Ey)], [sp.diff(jy, Ex), sp.diff(jy, Ey)]])
    rho = sigma.inv()
    rho_xy_linear = sp.series(sp.simplify(rho[0, 1]), b, 0, 2).removeO()
    assert sp.simplify(rho_xy_linear - (n_p - n_m) * b / (e**2 * (n_p + n_m) ** 2)) == 0
    # numbers: (77) with b = 2πQ/A
    zeta, Q, area = 0.3, 0.5, 1234.0
    dp, dm = (float(v) for v in electron_gas.densities(zeta))
    drude = (dp - dm) * (2 * np.pi * Q / area) / (dp + dm) ** 2
    assert abs(topological_hall_resistivity(Q, area, zeta) / drude - 1) < 1e-14


def test_eq77_printed_second_line_is_a_factor_two_short():
    """(77) line 2 as printed, -(1/e²n²V)Σ_q Im[A^σA^{-σ}] Σ_kσ f, read as Σ_σ with N_σ, is half of line 3.

    Line 2 with its printed coefficient (n₊ - n₋)/e²n² is evaluated from the FFT of the
    gauge field; line 3 from the lattice topological charge of spinlib.topology (real
    space, no Fourier sum).  They differ by O(h²) (finite-difference gauge field vs lattice
    charge): h = 0.125, a skyrmion of wall width 1.2: tolerance 1e-2 on the ratio 1/2.
    """
    zeta, h, n = 0.3, 0.125, 192
    X, Y = make_grid((n, n), h)
    th, ph = skyrmion_angles(X, Y, radius=3.0, wall_width=1.2, polarity=-1)
    from spinlib.gauge import gauge_field

    a_plus, _, _, _ = gauge_field_fourier(gauge_field(th, ph, h), h)
    s = np.sum(a_plus[0] * a_plus[1].conj()).imag  # Σ_q Im[A_x^+(q) A_y^-(-q)]
    dp, dm = (float(v) for v in electron_gas.densities(zeta))
    printed = -(dp - dm) / (dp + dm) ** 2 * s
    q = topological_charge(unit_vectors(th, ph))
    line3 = topological_hall_resistivity(q, (n * h) ** 2, zeta)
    assert abs(printed / line3 - 0.5) < 1e-2


@pytest.mark.parametrize("zeta", [0.1, 0.5])
def test_eq98_current_ratio_from_the_resistivity_tensor(zeta):
    """j_⊥/j_0 = ρ_xy/ρ_0 = 2πPn_vℓ/(k_FA) against the two-band Drude model with the emergent field.

    Independent route: bands σ = ± with densities n_σ, one scattering time τ = ℓ (m = k_F = 1)
    and the charge coupling eB_σ = -σb to the average emergent field b = 2πn_v/A
    (test_eq77_sign_is_the_drude_hall_effect_of_the_emergent_field); E along x, no Hall field,
    j_y/j_x from the band conductivities σ_σ = (n_στ/m)/(1 + ω_σ²τ²) [[1, ω_στ], [-ω_στ, 1]],
    ω_σ = eB_σ/m.  The ratio of the library resistivities and the closed form agree with it up
    to O((bτ)²) = 1e-8 (tolerance 1e-6).
    """
    n_v, area, ell = 0.5, 4.0e4, 20.0
    dp, dm = (float(v) for v in electron_gas.densities(zeta))
    b = 2 * np.pi * n_v / area
    sigma = np.zeros((2, 2))
    for n_s, sign in ((dp, 1), (dm, -1)):
        wt = -sign * b * ell  # ω_σ τ with eB_σ = -σ b
        sigma += n_s * ell / (1 + wt**2) * np.array([[1.0, wt], [-wt, 1.0]])
    j = sigma @ np.array([1.0, 0.0])
    drude_ratio = j[1] / j[0]
    library = topological_hall_resistivity(n_v, area, zeta) / drude_resistivity(zeta, ell)
    closed = hall_current_ratio(current_polarization_drude(zeta), n_v, area, ell)
    assert abs(library / drude_ratio - 1) < 1e-6
    assert abs(closed / drude_ratio - 1) < 1e-6


# --------------------------------------------------------------------------
# units and validation
# --------------------------------------------------------------------------
def test_resistivity_unit():
    assert abs(resistivity_unit_si(1.0) - 1.0545718176461565e-34 / (1.602176634e-19) ** 2) < 1e-12


def test_grid_spacing_limit_follows_the_largest_momentum_transfer():
    """h < π/2 for the Stoner window q <= 2; with the spin-conserving channel q reaches 2k_F+ = 2(1 + ζ)."""
    zeta, h = 0.3, 1.3  # π/2(1 + ζ) = 1.208 < h < π/2 = 1.571
    x = (np.arange(64) - 32) * h
    th, ph = domain_wall_angles(x, 4.0)
    assert mori_resistivity(th, ph, h, zeta)[0, 0] > 0
    assert mori_resistivity(th, ph, h, zeta, vertex="corrected", channel="spin_flip")[0, 0] > 0
    for channel in ("all", "spin_conserving"):
        with pytest.raises(ValueError, match=r"2 k_F\+ of the spin-conserving channel"):
            mori_resistivity(th, ph, h, zeta, vertex="corrected", channel=channel)


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: spin_flip_phase_space(-0.1, 0.3), "q must lie"),
        (lambda: spin_flip_phase_space(0.5, 1.2), "zeta must lie"),
        (lambda: spin_conserving_phase_space(0.5, 0.3, 0), "sigma"),
        (lambda: matsubara_pair_sum(0.1, 0.2, 1.5, 10.0), "nu_index"),
        (lambda: matsubara_pair_sum(0.1, 0.2, 1, -1.0), "beta"),
        (lambda: matsubara_pair_sum(np.nan, 0.2, 1, 1.0), "eps_a"),
        (lambda: tanh_wall_area_resistance(-1.0, 0.3), "width"),
        (lambda: tanh_wall_area_resistance(1.0, 0.3, "both"), "process"),
        (lambda: mori_resistivity(np.zeros(10), np.zeros(9), 0.1, 0.3), "same shape"),
        (lambda: mori_resistivity(np.zeros(10), np.zeros(10), 2.0, 0.3), "spacing must be < "),
        (lambda: mori_resistivity(np.full(10, np.nan), np.zeros(10), 0.1, 0.3), "finite"),
        (lambda: mori_resistivity(np.zeros(10), np.zeros(10), -0.1, 0.3), "spacing"),
        (lambda: mori_resistivity(np.zeros(10), np.zeros(10), 0.1, 0.3, vertex="exact"), "vertex"),
        (lambda: mori_resistivity(np.zeros(10), np.zeros(10), 0.1, 0.3, channel="spin_conserving"),
         "needs vertex"),
        (lambda: mori_resistivity_from_gauge(np.zeros((2, 3, 5)), 0.1, 0.3), "shape"),
        (lambda: landauer_resistance(1.0), "reflection"),
        (lambda: landauer_resistance(0.1, 0), "channels"),
        (lambda: topological_hall_resistivity(0.5, 0.0, 0.3), "area"),
        (lambda: hall_resistivity_momentum_sum(np.zeros(5), np.zeros(5), 0.1, 0.3), "2D or 3D"),
        (lambda: force_vertex_onshell([0, 0, 1], [0, 1, 0], [1, 0, 0], 0.3, 2), "sigma"),
        (lambda: mori_resistivity_from_field(np.tile([0.0, 0.0, 1.1], (10, 1)), 0.1, 0.3), "unit vectors"),
        (lambda: mori_resistivity_from_field(np.zeros((10, 2)), 0.1, 0.3), "shape"),
        (lambda: phase_space_broadened(0.5, 0.3, 1, width=-1e-3), "width"),
        (lambda: mori_resistivity(np.zeros(10), np.zeros(10), 1.3, 0.3, vertex="corrected"), "spacing must be < "),
        (lambda: tanh_wall_resistance_integrand(0.0, 1.0, 0.3), "q must lie"),
        (lambda: tanh_wall_area_resistance_wire_sum(1.0, 0.3, mistracking="exact"), "mistracking"),
        (lambda: tanh_wall_area_resistance_wire_sum(1.0, 0.3, process="both"), "process"),
        (lambda: drude_resistivity(0.3, 0.0), "mean_free_path"),
        (lambda: hall_current_ratio(1.5, 0.5, 1.0, 1.0), "polarization"),
        (lambda: hall_current_ratio(0.5, 0.5, 0.0, 1.0), "area"),
    ],
)
def test_bad_input_raises(call, match):
    with pytest.raises(ValueError, match=match):
        call()
