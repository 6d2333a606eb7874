"""SymPy proofs of the gauge-transformation identities, eqs. (4)-(20) (and 60, 61).

Every test builds both sides of an identity independently and asserts that
their difference is identically zero with
:func:`spinlib.symbolic.is_identically_zero` (exact algebra, no tolerance);
the last test shows that the checker rejects the paper's printed errors.
"""

import sympy as sp

from spinlib import gauge
from spinlib.symbolic import is_identically_zero as zero

x, y, z, t = sp.symbols("x y z t", real=True)
th, ph = sp.symbols("theta phi", real=True)
TH = sp.Function("theta", real=True)(x, y, z, t)
PH = sp.Function("phi", real=True)(x, y, z, t)
COORDS = (x, y, z, t)
SIGMA = gauge.pauli_matrices()
I2 = sp.eye(2)


def dot_sigma(v):
    return v[0] * SIGMA[0] + v[1] * SIGMA[1] + v[2] * SIGMA[2]


# ---------------------------------------------------------------- eqs. (7)-(8)
def test_eq7_U_is_hermitian_and_squares_to_one():
    m = gauge.half_angle_vector(th, ph)
    U = gauge.rotation_matrix_U(m)
    assert zero(U * U - I2)
    assert zero(U - U.H)


def test_eq8_m_is_unit_vector():
    m = gauge.half_angle_vector(th, ph)
    assert zero(m.dot(m) - 1)


def test_eq8_U_rotates_local_spin_to_z():
    """U (e_s·σ) U = σ_z: the choice (8) puts the local spin along +z."""
    m = gauge.half_angle_vector(th, ph)
    U = gauge.rotation_matrix_U(m)
    e_s = gauge.spin_frame(th, ph)[0]
    assert zero(U * dot_sigma(e_s) * U - SIGMA[2])


def test_T7_printed_text_after_eq7_is_garbled_general_rule():
    """(n·σ) conjugated by U is [2m(m·n) - n]·σ (the text prints 2m(m·σ) - σ)."""
    m = gauge.half_angle_vector(th, ph)
    U = gauge.rotation_matrix_U(m)
    n = sp.Matrix(sp.symbols("n_x n_y n_z", real=True))
    rhs = dot_sigma(2 * m * m.dot(n) - n)
    assert zero(U * dot_sigma(n) * U - rhs)


# ---------------------------------------------------------------- eqs. (9)-(11)
def test_eq9_covariant_derivative():
    """∂_μ(U a) = U(∂_μ + i A_μ) a with A_μ = -i U⁻¹∂_μU, for any spinor a."""
    m = gauge.half_angle_vector(TH, PH)
    U = gauge.rotation_matrix_U(m)
    a = sp.Matrix([sp.Function("a1")(x, t), sp.Function("a2")(x, t)])
    for mu in (x, t):
        A = -sp.I * U.inv() * U.diff(mu)
        assert zero((U * a).diff(mu) - U * (a.diff(mu) + sp.I * A * a))


def test_eq10_eq11_gauge_matrix_equals_cross_product():
    """-i U⁻¹∂_μU = (m × ∂_μ m)·σ for every direction μ (space and time)."""
    m = gauge.half_angle_vector(TH, PH)
    U = gauge.rotation_matrix_U(m)
    for mu in COORDS:
        lhs = gauge.gauge_matrix_from_U(U, mu)
        rhs = dot_sigma(gauge.gauge_field_from_m_sym(m, mu))
        assert zero(lhs - rhs)


def test_eq11_gauge_field_is_hermitian_and_traceless():
    m = gauge.half_angle_vector(TH, PH)
    U = gauge.rotation_matrix_U(m)
    A = gauge.gauge_matrix_from_U(U, x)
    assert zero(A - A.H)
    assert zero(A.trace())


def test_eq11_explicit_components():
    """m × ∂m equals the explicit components of gauge.gauge_components."""
    m = gauge.half_angle_vector(TH, PH)
    for mu in COORDS:
        cross = gauge.gauge_field_from_m_sym(m, mu)
        explicit = gauge.gauge_components(TH, PH, TH.diff(mu), PH.diff(mu))
        for a in range(3):
            assert zero(cross[a] - explicit[a])


def test_plus_minus_components():
    """A^± = A^x ± i A^y = ½ e^{±iφ}(±i∂θ - sinθ ∂φ)."""
    dth, dph = sp.symbols("dtheta dphi", real=True)
    a_x, a_y, _ = gauge.gauge_components(th, ph, dth, dph)
    a_p, a_m = gauge.gauge_plus_minus(th, ph, dth, dph)
    assert zero(a_p - (a_x + sp.I * a_y))
    assert zero(a_m - (a_x - sp.I * a_y))


def test_parallel_perp_components_and_e_theta_identity():
    """e_sφ·A = e_θ·A = -½ sinθ ∂φ and e_φ·A = ½ ∂θ (used in eq. 47)."""
    dth, dph = sp.symbols("dtheta dphi", real=True)
    A = sp.Matrix(gauge.gauge_components(th, ph, dth, dph))
    _, e_theta, e_phi = gauge.spin_frame(th, ph)
    a_par, a_perp = gauge.gauge_parallel_perp(th, dth, dph)
    assert zero(gauge.e_s_phi(ph).dot(A) - a_par)
    assert zero(e_theta.dot(A) - a_par)
    assert zero(e_phi.dot(A) - a_perp)


def test_gauge_field_is_orthogonal_to_m():
    """m·A_μ = m·(m × ∂m) = 0."""
    m = gauge.half_angle_vector(TH, PH)
    assert zero(m.dot(gauge.gauge_field_from_m_sym(m, x)))


# ---------------------------------------------------------------- eqs. (12)-(14)
def test_eq12_kinetic_term_expansion():
    """|∂(U a)|² = |(∂ + iA)a|² = |∂a|² + i(∂a† A a - a† A ∂a) + (A^α A^α) a†a.

    The last step uses A² = (A^α σ_α)² = A^α A^α (Pauli anticommutation), which
    is why (12) has A_i^α A_i^α times the unit matrix.
    """
    m = gauge.half_angle_vector(TH, PH)
    U = gauge.rotation_matrix_U(m)
    a = sp.Matrix([sp.Function("a1")(x), sp.Function("a2")(x)])
    ad = a.H
    A = -sp.I * U.inv() * U.diff(x)
    lhs = ((U * a).diff(x)).H * (U * a).diff(x)
    A_vec = gauge.gauge_field_from_m_sym(m, x)
    rhs = (
        ad.diff(x) * a.diff(x)
        + sp.I * (ad.diff(x) * A * a - ad * A * a.diff(x))
        + A_vec.dot(A_vec) * ad * a
    )
    assert zero(lhs[0] - rhs[0])
    assert zero(A * A - A_vec.dot(A_vec) * I2)


def test_eq12_eq14_plane_wave_vertex():
    """The linear term between plane waves gives ħ J(k + q/2)·A with J = ħk/m.

    For a(x) = e^{ikx}u, b(x) = e^{i(k+q)x}v and A(x) = A e^{iqx}, the
    Hamiltonian density (ħ²/2m) i(∂b† A a - b† A ∂a) equals
    (ħ²/m)(k + q/2) b†Aa, i.e. ħ J(k + q/2) with J(k) = ħk/m (eq. 14).
    """
    k, q, hbar, mass = sp.symbols("k q hbar m", positive=True)
    u, v, A0 = sp.symbols("u v A0")
    a = sp.exp(sp.I * k * x) * u
    b = sp.exp(sp.I * (k + q) * x) * v
    A = A0 * sp.exp(sp.I * q * x)
    bd = sp.conjugate(b)
    density = hbar**2 / (2 * mass) * sp.I * (sp.diff(bd, x) * A * a - bd * A * sp.diff(a, x))
    vertex = hbar * (hbar / mass) * (k + q / 2) * bd * A * a
    assert zero(density - vertex)


def test_eq12_time_component():
    """iħ c†∂_t c = iħ a†∂_t a - ħ a† A_t a: the J_t = 1 entry of (14)."""
    m = gauge.half_angle_vector(TH, PH)
    U = gauge.rotation_matrix_U(m)
    a = sp.Matrix([sp.Function("a1")(t), sp.Function("a2")(t)])
    A_t = dot_sigma(gauge.gauge_field_from_m_sym(m, t))
    lhs = sp.I * (U * a).H * (U * a).diff(t)
    rhs = sp.I * a.H * a.diff(t) - a.H * A_t * a
    assert zero(lhs[0] - rhs[0])


def test_eq13_exchange_becomes_uniform_splitting():
    """-(Δ/S) c†(S·σ)c = -Δ a†σ_z a: ε_kσ = k²/2m - ε_F - σΔ with σ = +1 majority."""
    m = gauge.half_angle_vector(th, ph)
    U = gauge.rotation_matrix_U(m)
    e_s = gauge.spin_frame(th, ph)[0]
    delta = sp.symbols("Delta", positive=True)
    assert zero(-delta * U.H * dot_sigma(e_s) * U - (-delta * SIGMA[2]))


# ---------------------------------------------------------------- eq. (4)
def test_eq4_torque_sign_from_heisenberg_equation():
    """Ṡ = i[H, S] for H = -(Δ/S) S·s gives Ṡ = +(Δ/S) S × s = (δH/δS) × S.

    The printed right-hand side of (4), -(Δ/S) S × s, has the opposite sign
    to its own definition δH/δS × S (ħ = 1).  Checked with spin-1/2 and
    spin-1 matrices for the local spin S and a c-number s.
    """
    s_vec = sp.Matrix(sp.symbols("s_x s_y s_z", real=True))
    delta = sp.symbols("Delta", positive=True)
    half = sp.Rational(1, 2)
    spin_half = [half * sg for sg in SIGMA]
    r2 = sp.sqrt(2)
    sx1 = sp.Matrix([[0, 1, 0], [1, 0, 1], [0, 1, 0]]) / r2
    sy1 = sp.Matrix([[0, -sp.I, 0], [sp.I, 0, -sp.I], [0, sp.I, 0]]) / r2
    sz1 = sp.diag(1, 0, -1)
    for S_ops, S_len in ((spin_half, half), ([sx1, sy1, sz1], 1)):
        H = -(delta / S_len) * sum((S_ops[i] * s_vec[i] for i in range(3)), sp.zeros(*S_ops[0].shape))
        for i in range(3):
            s_dot = sp.I * (H * S_ops[i] - S_ops[i] * H)
            j, k = (i + 1) % 3, (i + 2) % 3
            cross_i = S_ops[j] * s_vec[k] - S_ops[k] * s_vec[j]  # (S × s)_i
            assert zero(s_dot - (delta / S_len) * cross_i)


# ---------------------------------------------------------------- eqs. (15)-(18)
def test_eq15_rotated_pauli_matrices():
    """U σ_α U = 2 m_α (m·σ) - σ_α, hence s = 2m(m·s̃) - s̃ (eq. 15)."""
    m = gauge.half_angle_vector(th, ph)
    U = gauge.rotation_matrix_U(m)
    for alpha in range(3):
        assert zero(U * SIGMA[alpha] * U - (2 * m[alpha] * dot_sigma(m) - SIGMA[alpha]))


def test_eq15_from_a_density_matrix():
    """s_α = tr(ρ_c σ_α) with ρ_c = U ρ_a U reproduces 2m(m·s̃) - s̃."""
    m = gauge.half_angle_vector(th, ph)
    U = gauge.rotation_matrix_U(m)
    st = sp.Matrix(sp.symbols("st_x st_y st_z", real=True))
    n0 = sp.symbols("n0", real=True)
    rho_a = (n0 * I2 + dot_sigma(st)) / 2  # tr(ρ_a σ) = s̃
    rho_c = U * rho_a * U
    s = sp.Matrix([(rho_c * SIGMA[al]).trace() for al in range(3)])
    assert zero(s - (2 * m * m.dot(st) - st))


def test_eq17_eq18_lab_spin_in_local_frame():
    """2m(m·s̃) - s̃ = -s̃_∥ e_θ + s̃_z e_s - s̃_⊥ e_φ with s̃_∥, s̃_⊥ of (18)."""
    m = gauge.half_angle_vector(th, ph)
    st = sp.Matrix(sp.symbols("st_x st_y st_z", real=True))
    s_par, s_perp = gauge.rotated_parallel_perp(st[0], st[1], ph)
    s17 = gauge.lab_from_parallel_perp(s_par, s_perp, st[2], th, ph)
    assert zero(s17 - (2 * m * m.dot(st) - st))


def test_eq18_both_forms():
    """½Σ± e^{∓iφ}s̃^± = cosφ s̃_x + sinφ s̃_y and ½Σ±(∓i)e^{∓iφ}s̃^± = -sinφ s̃_x + cosφ s̃_y."""
    sx_, sy_ = sp.symbols("st_x st_y", real=True)
    s_p, s_m = sx_ + sp.I * sy_, sx_ - sp.I * sy_
    par = (sp.exp(-sp.I * ph) * s_p + sp.exp(sp.I * ph) * s_m) / 2
    perp = (-sp.I * sp.exp(-sp.I * ph) * s_p + sp.I * sp.exp(sp.I * ph) * s_m) / 2
    ref_par, ref_perp = gauge.rotated_parallel_perp(sx_, sy_, ph)
    assert zero(par - ref_par)
    assert zero(perp - ref_perp)


# ---------------------------------------------------------------- eqs. (19)-(20)
def test_eq19_eq20_frame_is_orthonormal_and_derived_from_e_s():
    e_s, e_theta, e_phi = gauge.spin_frame(th, ph)
    assert zero(e_theta - e_s.diff(th))
    assert zero(e_phi * sp.sin(th) - e_s.diff(ph))
    vecs = (e_s, e_theta, e_phi)
    for i in range(3):
        for j in range(3):
            assert zero(vecs[i].dot(vecs[j]) - (1 if i == j else 0))


def test_frame_handedness_contradicts_text_after_eq53():
    """e_s × e_θ = +e_φ and e_s × e_φ = -e_θ (right-handed).

    The text after (53) states e_s × e_θ = -e_φ and e_s × e_φ = e_θ; both signs
    are wrong for the frame (19)-(20) (see EQUATIONS.md, row T53).
    """
    e_s, e_theta, e_phi = gauge.spin_frame(th, ph)
    assert zero(e_s.cross(e_theta) - e_phi)
    assert zero(e_s.cross(e_phi) + e_theta)
    assert zero(e_theta.cross(e_phi) - e_s)


def test_T53_gradient_of_spin_in_frame():
    """(1/S)∇S = e_θ ∇θ + e_φ sinθ ∇φ (text after eq. 53)."""
    e_s, e_theta, e_phi = gauge.spin_frame(TH, PH)
    for mu in (x, y, z):
        assert zero(e_s.diff(mu) - (e_theta * TH.diff(mu) + e_phi * sp.sin(TH) * PH.diff(mu)))


# ---------------------------------------------------------------- eqs. (60)-(61)
def test_eq60_antisymmetric_product_of_gauge_fields():
    """A_i^+A_j^- - A_i^-A_j^+ = -(i/2) sinθ (∂_iθ ∂_jφ - ∂_jθ ∂_iφ)."""
    ap_x, am_x = gauge.gauge_plus_minus(TH, PH, TH.diff(x), PH.diff(x))
    ap_y, am_y = gauge.gauge_plus_minus(TH, PH, TH.diff(y), PH.diff(y))
    rhs = -sp.I / 2 * sp.sin(TH) * (TH.diff(x) * PH.diff(y) - TH.diff(y) * PH.diff(x))
    assert zero(ap_x * am_y - am_x * ap_y - rhs)


def test_eq61_cross_product_of_spin_gradients():
    """∂_iS × ∂_jS = e_s S² sinθ (∂_iθ∂_jφ - ∂_jθ∂_iφ) (here S = 1)."""
    e_s = gauge.spin_frame(TH, PH)[0]
    lhs = e_s.diff(x).cross(e_s.diff(y))
    rhs = e_s * sp.sin(TH) * (TH.diff(x) * PH.diff(y) - TH.diff(y) * PH.diff(x))
    assert zero(lhs - rhs)


# ---------------------------------------------------------------- negative controls
def test_zero_checker_rejects_the_printed_errors():
    """The identity checker can fail: the printed forms of T53 and (4) are rejected."""
    e_s, e_theta, e_phi = gauge.spin_frame(th, ph)
    assert not zero(e_s.cross(e_theta) + e_phi)  # printed: e_s × e_θ = -e_φ
    assert not zero(e_s.cross(e_phi) - e_theta)  # printed: e_s × e_φ = +e_θ
    # a wrong half angle in (8) breaks U(e_s·σ)U = σ_z
    m_wrong = sp.Matrix([sp.sin(th) * sp.cos(ph), sp.sin(th) * sp.sin(ph), sp.cos(th)])
    U = gauge.rotation_matrix_U(m_wrong)
    assert not zero(U * dot_sigma(e_s) * U - SIGMA[2])


def test_eq91_exchange_density_in_angles():
    """(∇θ)² + sin²θ(∇φ)² of eq. (91) is |∂e_s|², the exchange energy density of e_s."""
    e_s = gauge.spin_frame(TH, PH)[0]
    for mu in (x, y):
        de = e_s.diff(mu)
        assert zero(de.dot(de) - (TH.diff(mu) ** 2 + sp.sin(TH) ** 2 * PH.diff(mu) ** 2))
