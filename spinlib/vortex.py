"""Section 8: the vortex ansatz (92), its gauge field, and ρ_v, F^na, F^ad, ρ_xy (eqs. 92-98).

Units and conventions
---------------------
ħ = m = k_F = 1, |e| = 1 (as :mod:`spinlib.resistivity`); lengths in 1/k_F
(``core_radius`` = k_F λ_v), wave-vectors in k_F.  SI appears only in
:class:`FilmParameters` / :func:`section8_estimates`, converted by
:class:`spinlib.units.ReducedUnits`.

The vortex is centred at the origin, φ = ϕ + cπ/2 (ϕ = atan2(y, x), chirality
c = ±1), core up (polarity +1: the gauge (8) is regular at the core).  The
resistivity does not depend on p or c (a global spin rotation combined with a
mirror maps one onto the other), but the *lowest-order* theory evaluated in
the gauge (8) does: a core-down vortex carries a Dirac string there
(:func:`spinlib.resistivity.mori_resistivity`), so everything here is for p = +1.

Radial profiles (``profile``)
-----------------------------
* ``"ansatz"``: eq. (92), θ = π(1 - e^{-r²/λ²})/(2(1 - e⁻¹)) for r ≤ λ_v, π/2
  outside (:func:`spinlib.textures.vortex_ansatz_profile`);
* ``"smooth"``: cos θ = e^{-r²/λ²} (:func:`spinlib.textures.smooth_vortex_profile`),
  a C^∞ texture with the same far field;
* ``"paper_gauge"``: not a texture but the approximate gauge field printed
  after (92), A_i^± ≈ ±i x_i (x ± iy) e^{-r²/λ²} θ(λ - r)/(λ² r);
* ``"paper_gauge_untruncated"``: the same without the cut at r = λ.

Exact gauge field of the ansatz (polar form; eq. 11 with ∇θ = θ' r̂, ∇φ = ϕ̂/r)
-------------------------------------------------------------------------------
    A^⊥ = ½ θ'(r) r̂,     A^∥ = -sin θ/(2r) ϕ̂,     A^z = (1 - cos θ)/(2r) ϕ̂,
    A^± = ½ e^{±iφ} (±i θ' r̂ - sin θ ϕ̂/r).

Outside the core A^∥ = -ϕ̂/2r and A^z = +ϕ̂/2r do **not** vanish (the
printed approximation drops them, and also the sin θ/r part inside the core,
and the factor π/(2(1 - e⁻¹)) = 2.485 of θ').  Circulation of A^z at large r:
π (the Berry phase of a spin ½ following the in-plane winding).

Exact Fourier transform (unnormalised, Â(q) = ∫ d²x e^{-iq·x} A(x); divide by the
film area for the paper's normalisation)
-------------------------------------------------------------------------------
With the Hankel moments (film of radius R)

    F₀(q) = ∫₀^R (θ' + sin θ/r) J₀(qr) r dr,   F₂(q) = ∫₀^R (θ' - sin θ/r) J₂(qr) r dr,
    G₁(q) = ∫₀^R (1 - cos θ) J₁(qr) dr,

and q̂ = (cos ϕ_q, sin ϕ_q), t̂ = ẑ × q̂ (:func:`gauge_fourier`; the real-space field is :func:`cartesian_gauge_field`):

    Â^+ = (iπ/2) e^{icπ/2} [ (F₀ - e^{2iϕ_q} F₂) x̂ + i (F₀ + e^{2iϕ_q} F₂) ŷ ],  Â^- = conj(Â^+),
    q̂·Â^± ∝ (π/2)(F₀ - F₂),  t̂·Â^± ∝ (π/2)(F₀ + F₂),     Â^z = -iπ G₁ t̂.

The 1/r tails contribute ∫ J₀(qr) dr etc. in closed form (Struve / ``itj0y0``);
they converge as R → ∞ (F₀, F₂ ~ 1/q, G₁ ~ 1/q for q ≪ 1/λ: a half
Aharonov-Bohm flux).  The printed (93) is none of these: it has no m = 2
harmonic (no ϕ_q dependence), an imaginary part odd in q that no real
radial profile can produce, and a Gaussian decay, whereas even the paper's
own approximate field (not smooth at r = 0: x(x+iy)/r) has a power-law
transform, F₀ ~ -2/(q³λ²), F₂ ~ 6/(q³λ²) (:func:`paper_gauge_fourier_untruncated`);
even at q = 0 (93) is twice the transform of that field.

Resistivity of one vortex (current along x), ρ_v A in units ħ/(e² k_F³)
-----------------------------------------------------------------------
From (74)-(75), angle-averaged (:func:`vortex_resistivity_area`):

    paper vertex:       ρ_v A = (Δ²/4n²) ∫_{2ζ}^{2} (F₀² + F₂²) dq,
    corrected vertex:   (1/64n²) Σ_σ ∫_window [4Δ²(F₀ - F₂)² + q² k_⊥σ² (F₀ + F₂)²/2] dq
                        + (1/32n²) Σ_σ ∫₀^{2k_Fσ} q² (k_Fσ² - q²/4) G₁² dq   (spin conserving).

The printed (94) ρ_v ≃ (π²/2) m² k_F Δ² λ² e^{-2ζ²k_F²λ²}/(e²n²A) does not
follow from (93) + (74) (which give the same exponent but ∝ ζ³λ⁴), and the
Gaussian exponent is an artefact of (93): the exact ansatz (kink at λ_v,
θ ∝ r² at the core) gives a power law in ζk_Fλ_v, the smooth vortex an
exponentially small spin-flip part, and the spin-conserving channel (the
emergent field of the Berry flux, absent from the paper) ∝ 1/λ_v dominates
all of them for k_Fλ_v ≫ 1.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.constants as sc
from scipy import special

from ._validation import (
    as_finite_array,
    check_choice,
    check_in_range,
    check_nonnegative,
    check_positive,
    check_same_shape,
    check_zeta,
)
from .electron_gas import exchange_splitting, fermi_wavevectors, total_density
from .relaxation import current_polarization_drude
from .resistivity import (
    _spin_conserving_ring_weight,
    _spin_flip_ring_weight,
    drude_resistivity,
    hall_current_ratio,
    reaction_force,
    topological_hall_resistivity,
)
from .textures import smooth_vortex_profile, vortex_ansatz_profile
from .units import ReducedUnits

__all__ = [
    "PROFILES",
    "radial_profile",
    "gauge_polar",
    "cartesian_gauge_field",
    "paper_gauge_field_plus",
    "radial_transforms",
    "paper_gauge_fourier_untruncated",
    "gauge_fourier",
    "eq93_printed",
    "vortex_resistivity_area",
    "eq94_printed",
    "vortex_force_per_thickness",
    "FilmParameters",
    "section8_estimates",
]

PROFILES = ("ansatz", "smooth", "paper_gauge", "paper_gauge_untruncated")
_TEXTURE_PROFILES = ("ansatz", "smooth")
#: r/λ beyond which the smooth profile is treated as exactly θ = π/2 (cos θ = e^{-42} = 6e-19)
_SMOOTH_CUT = 6.5


def _check_chirality(c) -> int:
    if isinstance(c, bool) or c not in (1, -1):
        raise ValueError(f"chirality must be +1 or -1; got {c!r}")
    return int(c)


# --------------------------------------------------------------------------
# profiles and the gauge field in real space
# --------------------------------------------------------------------------
def radial_profile(r, core_radius, profile: str = "ansatz"):
    """θ(r), θ'(r), sin θ/r and (1 - cos θ)/r of a core-up vortex (limits at r = 0).

    Parameters
    ----------
    r : array_like
        >= 0 (units 1/k_F).
    core_radius : float
        k_F λ_v > 0.
    profile : {"ansatz", "smooth"}

    Returns
    -------
    theta, dtheta, sin_over_r, one_minus_cos_over_r : numpy.ndarray

    Examples
    --------
    >>> th, dth, s, c = radial_profile([0.0, 2.0], 1.0)
    >>> [round(float(v), 12) for v in th], float(s[0]), float(c[1])
    ([0.0, 1.570796326795], 0.0, 0.5)
    """
    check_choice(profile, "profile", _TEXTURE_PROFILES)
    r = check_nonnegative(r, "r")
    lam = float(check_positive(core_radius, "core_radius"))
    if profile == "ansatz":
        theta, dtheta = vortex_ansatz_profile(r, lam, 1)
        limit_s, limit_c = 0.0, 0.0  # θ ≈ π r²/(2(1 - e⁻¹)λ²): sin θ/r → 0
    else:
        theta, dtheta = smooth_vortex_profile(r, lam, 1)
        limit_s, limit_c = np.sqrt(2.0) / lam, 0.0  # θ ≈ √2 r/λ
    safe = np.where(r > 0, r, 1.0)
    s_over_r = np.where(r > 0, np.sin(theta) / safe, limit_s)
    # 1 - cos θ = 2 sin²(θ/2): no cancellation near the core
    c_over_r = np.where(r > 0, 2.0 * np.sin(theta / 2) ** 2 / safe, limit_c)
    return theta, dtheta, s_over_r, c_over_r


def gauge_polar(r, core_radius, profile: str = "ansatz"):
    """Polar components of the exact gauge field: (A^⊥_r, A^∥_ϕ, A^z_ϕ) = (θ'/2, -sin θ/2r, (1 - cos θ)/2r).

    The only non-zero components of the projections of eq. (11) for a
    rotationally symmetric vortex (A^⊥ along r̂, A^∥ and A^z along ϕ̂);
    units k_F.  Outside the core of the ansatz: (0, -1/2r, +1/2r).

    Examples
    --------
    >>> a_perp, a_par, a_z = gauge_polar([0.5, 3.0], 1.0)
    >>> [round(float(v), 12) for v in (a_perp[1], a_par[1], a_z[1])]
    [0.0, -0.166666666667, 0.166666666667]
    """
    _, dtheta, s_over_r, c_over_r = radial_profile(r, core_radius, profile)
    return dtheta / 2.0, -s_over_r / 2.0, c_over_r / 2.0


def cartesian_gauge_field(x, y, core_radius, chirality: int = 1, profile: str = "ansatz") -> np.ndarray:
    """Exact Cartesian gauge field A[i, a] (eq. 11) of the vortex, from analytic derivatives.

    ∂_iθ = θ'(r) r̂_i and sin θ ∂_iφ = (sin θ/r) ϕ̂_i, (1 - cos θ) ∂_iφ =
    ((1 - cos θ)/r) ϕ̂_i inserted in the explicit components of
    :func:`spinlib.gauge.gauge_components`; finite at r = 0 (there r̂ is taken
    along x: for the ansatz every component vanishes at the core).  Compare
    :func:`spinlib.gauge.gauge_field` of the angles (finite differences),
    which agrees to O(h²) away from r = λ_v (the kink of the ansatz).

    Parameters
    ----------
    x, y : array_like
        Coordinates (same shape), units 1/k_F.
    core_radius : float
    chirality : {+1, -1}
    profile : {"ansatz", "smooth"}

    Returns
    -------
    numpy.ndarray, shape (2, 3, *x.shape)
        Units k_F.

    Examples
    --------
    Outside the core A^z = ϕ̂/2r (the half Aharonov-Bohm flux):

    >>> A = cartesian_gauge_field([[2.0]], [[0.0]], 1.0)
    >>> [round(float(v), 12) for v in A[:, 2, 0, 0]]
    [0.0, 0.25]
    """
    x = as_finite_array(x, "x")
    y = as_finite_array(y, "y")
    check_same_shape(x=x, y=y)
    c = _check_chirality(chirality)
    r = np.hypot(x, y)
    _, dtheta, s_over_r, c_over_r = radial_profile(r, core_radius, profile)
    rs = np.where(r > 0, r, 1.0)
    cosa = np.where(r > 0, x / rs, 1.0)
    sina = np.where(r > 0, y / rs, 0.0)
    phi = np.arctan2(sina, cosa) + c * np.pi / 2
    sf, cf = np.sin(phi), np.cos(phi)
    out = np.empty((2, 3) + x.shape)
    for i, (rhat, phihat) in enumerate(((cosa, -sina), (sina, cosa))):
        dth = dtheta * rhat  # ∂_i θ
        s_dphi = s_over_r * phihat  # sin θ ∂_i φ
        out[i, 0] = -(sf * dth + cf * s_dphi) / 2
        out[i, 1] = (cf * dth - sf * s_dphi) / 2
        out[i, 2] = c_over_r * phihat / 2  # (1 - cos θ) ∂_i φ / 2
    return out


def paper_gauge_field_plus(x, y, core_radius, truncated: bool = True) -> np.ndarray:
    """The approximate A_i^+ printed after (92): i x_i (x + iy) e^{-r²/λ²} θ(λ - r)/(λ² r).

    (A^- = conj(A^+).)  Compared with the exact field it drops the
    sin θ ∇φ part (inside and outside the core), the factor
    π/(2(1 - e⁻¹)) = 2.485 of θ', and rotates the phase (chirality) by a
    constant, which no |A(q)|² sees.

    Returns
    -------
    numpy.ndarray, shape (2, *x.shape), complex
    """
    x = as_finite_array(x, "x")
    y = as_finite_array(y, "y")
    check_same_shape(x=x, y=y)
    lam = float(check_positive(core_radius, "core_radius"))
    r = np.hypot(x, y)
    rs = np.where(r > 0, r, 1.0)
    g = np.where(r > 0, np.exp(-(r**2) / lam**2) / (lam**2 * rs), 0.0)
    if truncated:
        g = np.where(r <= lam, g, 0.0)
    return np.stack([1j * x * (x + 1j * y) * g, 1j * y * (x + 1j * y) * g])


# --------------------------------------------------------------------------
# Hankel transforms
# --------------------------------------------------------------------------
def _int_j0(x):
    """∫₀^x J₀(t) dt (x >= 0), ∞ → 1."""
    x = np.asarray(x, dtype=float)
    out = np.ones_like(x)
    fin = np.isfinite(x)
    out[fin] = special.itj0y0(x[fin])[0]
    return out


def _int_j2(x):
    """∫₀^x J₂(t) dt = ∫₀^x J₀ - 2 J₁(x) (J₂ = J₀ - 2J₁'), ∞ → 1."""
    x = np.asarray(x, dtype=float)
    out = np.ones_like(x)
    fin = np.isfinite(x)
    out[fin] = special.itj0y0(x[fin])[0] - 2.0 * special.j1(x[fin])
    return out


def _j0_at(x):
    x = np.asarray(x, dtype=float)
    out = np.zeros_like(x)
    fin = np.isfinite(x)
    out[fin] = special.j0(x[fin])
    return out


_GL16 = np.polynomial.legendre.leggauss(16)


def _panels(a: float, b: float, n_panels: int, rule=_GL16):
    """Composite Gauss-Legendre nodes and weights on [a, b] (n_panels equal panels)."""
    t, w = rule
    edges = np.linspace(a, b, n_panels + 1)
    half = 0.5 * np.diff(edges)
    mid = 0.5 * (edges[1:] + edges[:-1])
    return (mid[:, None] + half[:, None] * t).ravel(), (half[:, None] * w).ravel()


def _j2(x, j0, j1):
    """J₂(x) from J₀(x), J₁(x) by the recurrence (stable for the x ≤ ~1e3 used here), series at small x."""
    small = x < 1e-2
    xs = np.where(small, 1.0, x)
    return np.where(small, x * x / 8.0 * (1.0 - x * x / 12.0), 2.0 * j1 / xs - j0)


def radial_transforms(q, core_radius, film_radius=np.inf, profile: str = "ansatz"):
    """Hankel moments F₀(q), F₂(q), G₁(q) of the vortex gauge field (module docstring).

    F₀ = ∫₀^R (θ' + sin θ/r) J₀(qr) r dr, F₂ = ∫₀^R (θ' - sin θ/r) J₂(qr) r dr,
    G₁ = ∫₀^R (1 - cos θ) J₁(qr) dr.  The core r ≤ r_c (r_c = λ_v for the
    ansatz, 7λ for the smooth profile) by Gauss-Legendre quadrature with
    48 + 1.5 q_max r_c nodes (the integrands are smooth there); the tail
    r_c < r < R, where θ = π/2, in closed form (∫J₀, ∫J₂ via ``itj0y0``).
    Core nodes: 16-point Gauss-Legendre panels no wider than 5/q_max and
    λ/2 (relative accuracy ~1e-10 for the smooth integrands; the smooth
    profile is cut at r = 6.5λ, where cos θ = 6e-19).
    For the ``paper_gauge`` profiles θ' + sin θ/r and θ' - sin θ/r are both
    replaced by 2 g(r), g = (r/λ²) e^{-r²/λ²} (cut at r = λ unless
    untruncated), and G₁ = 0 (the paper gives no A^z).

    Parameters
    ----------
    q : array_like
        |q| > 0 (units k_F); 1D or scalar.
    core_radius : float
        k_F λ_v > 0.
    film_radius : float
        R > 0 (``np.inf`` allowed: the infinite film).
    profile : {"ansatz", "smooth", "paper_gauge", "paper_gauge_untruncated"}

    Returns
    -------
    F0, F2, G1 : numpy.ndarray
        Units 1/k_F (the transforms are ∫ d²x of a field of units k_F).

    Examples
    --------
    Far from the core only the half Aharonov-Bohm flux is seen, G₁ → 1/q:

    >>> F0, F2, G1 = radial_transforms([0.01], 1.0)
    >>> round(float(G1[0]) * 0.01, 4)
    1.0
    """
    check_choice(profile, "profile", PROFILES)
    q = check_positive(q, "q")
    scalar = q.ndim == 0
    q = np.atleast_1d(q).astype(float)
    lam = float(check_positive(core_radius, "core_radius"))
    big_r = float(as_finite_array(film_radius, "film_radius")) if np.isfinite(film_radius) else np.inf
    if not big_r > 0:
        raise ValueError(f"film_radius must be > 0 (or inf); got {film_radius!r}")
    cut = _SMOOTH_CUT * lam if profile in ("smooth", "paper_gauge_untruncated") else lam
    r_c = min(cut, big_r)
    # 16-node panels no wider than 5/q_max (< one Bessel period) and λ/2
    n_panels = int(np.ceil(max(r_c * q.max() / 5.0, 2.0 * r_c / lam, 4.0)))
    r, w = _panels(0.0, r_c, n_panels)
    qr = np.outer(q, r)
    if profile in _TEXTURE_PROFILES:
        _, dth, s_over_r, c_over_r = radial_profile(r, lam, profile)
        f_plus, f_minus, f_z = dth + s_over_r, dth - s_over_r, c_over_r * r
    else:
        g2 = 2.0 * r / lam**2 * np.exp(-(r**2) / lam**2)
        f_plus, f_minus, f_z = g2, g2, np.zeros_like(r)
    j0, j1 = special.j0(qr), special.j1(qr)  # the costly part: each Bessel function once
    F0 = j0 @ (f_plus * r * w)
    F2 = _j2(qr, j0, j1) @ (f_minus * r * w)
    G1 = j1 @ (f_z * w)
    has_tail = profile in _TEXTURE_PROFILES and big_r > r_c
    if has_tail:
        F0 += (_int_j0(q * big_r) - _int_j0(q * r_c)) / q
        F2 -= (_int_j2(q * big_r) - _int_j2(q * r_c)) / q
        G1 += (special.j0(q * r_c) - _j0_at(q * big_r)) / q
    if scalar:
        return F0[0], F2[0], G1[0]
    return F0, F2, G1


def paper_gauge_fourier_untruncated(q, core_radius):
    """Closed-form F₀, F₂ of the untruncated paper field 2g = (2r/λ²) e^{-r²/λ²}.

    ∫₀^∞ r² e^{-r²/λ²} J_ν(qr) dr = Γ((3+ν)/2)(q/2)^ν λ^{3+ν}/(2 Γ(ν+1)) ₁F₁((3+ν)/2; ν+1; -q²λ²/4)
    (Gradshteyn-Ryzhik 6.631.1), so

        F₀ = (√π λ/2) ₁F₁(3/2; 1; -q²λ²/4),   F₂ = (3√π/32) q²λ³ ₁F₁(5/2; 3; -q²λ²/4).

    For qλ ≫ 1, ₁F₁(a; b; -z) ~ Γ(b) z^{-a}/Γ(b - a): F₀ ~ -2/(q³λ²) and
    F₂ ~ 6/(q³λ²) (power laws: the field x(x+iy)/r is not smooth at r = 0),
    not the Gaussian e^{-q²λ²/4} of (93).

    Examples
    --------
    >>> import numpy as np
    >>> F0, F2 = paper_gauge_fourier_untruncated(0.0, 2.0)
    >>> bool(np.isclose(F0, np.sqrt(np.pi))), float(F2)
    (True, 0.0)
    """
    q = check_nonnegative(q, "q")
    lam = float(check_positive(core_radius, "core_radius"))
    z = q**2 * lam**2 / 4.0
    F0 = np.sqrt(np.pi) * lam / 2.0 * special.hyp1f1(1.5, 1.0, -z)
    F2 = 3.0 * np.sqrt(np.pi) / 32.0 * q**2 * lam**3 * special.hyp1f1(2.5, 3.0, -z)
    return F0, F2


def gauge_fourier(qx, qy, core_radius, film_radius=np.inf, chirality: int = 1, profile: str = "ansatz"):
    """Exact Fourier transforms Â^+(q), Â^-(q), Â^z(q) = ∫ d²x e^{-iq·x} A(x) of the vortex.

    From :func:`radial_transforms` by the formulas of the module docstring.
    Divide by the film area A for the paper's normalisation of (93).  For
    the ``paper_gauge`` profiles the transform of :func:`paper_gauge_field_plus`
    (whose phase ignores the chirality) and Â^z = 0.

    Parameters
    ----------
    qx, qy : array_like
        Wave-vector components (same shape, q ≠ 0), units k_F.
    core_radius, film_radius, chirality, profile
        As in :func:`radial_transforms`, :func:`cartesian_gauge_field`.

    Returns
    -------
    dict
        ``"plus"``, ``"minus"``, ``"z"``: arrays of shape (2, *qx.shape),
        complex (spatial components x, y), units 1/k_F.
    """
    qx = as_finite_array(qx, "qx")
    qy = as_finite_array(qy, "qy")
    check_same_shape(qx=qx, qy=qy)
    c = _check_chirality(chirality)
    q = np.hypot(qx, qy)
    if np.any(q == 0):
        raise ValueError("q must be non-zero (the transforms of the 1/r tails diverge as 1/q at q = 0)")
    F0, F2, G1 = (v.reshape(q.shape) for v in radial_transforms(q.ravel(), core_radius, film_radius, profile))
    e2 = ((qx + 1j * qy) / q) ** 2
    # the printed approximate field carries the phase i instead of e^{icπ/2}·i
    phase = 1.0 if profile.startswith("paper") else np.exp(1j * c * np.pi / 2)
    pref = 0.5j * np.pi * phase
    plus = np.stack([pref * (F0 - e2 * F2), pref * 1j * (F0 + e2 * F2)])
    t_hat = np.stack([-qy / q, qx / q])
    return {"plus": plus, "minus": plus.conj(), "z": -1j * np.pi * G1 * t_hat}


def eq93_printed(q, core_radius, sign: int = 1):
    """The printed (93) times the film area: ±iπ (λ/2)(√π(1 - 2q²λ²) + 2iqλ) e^{-λ²q²/4}.

    Kept to show what is wrong with it: it depends on |q| only (the exact
    transform has an e^{2iϕ_q} harmonic), its real part -πqλ² e^{-q²λ²/4} is
    odd in q (the transform of x(x + iy) g(r) is even), it is not the
    transform of the printed approximate field (compare
    :func:`paper_gauge_fourier_untruncated`: power law, not Gaussian; at
    qλ = 4 (93) is 5 times too large, at qλ = 8 a hundred times too small),
    and at q = 0 it gives iπ^{3/2}λ/2, twice the transform iπ^{3/2}λ/4 of
    the untruncated approximate field, while the exact field's transform
    diverges as 1/q (the tail).  Dimensions are consistent (length/area after
    dividing by A).

    Examples
    --------
    >>> import numpy as np
    >>> bool(np.isclose(eq93_printed(0.0, 2.0), 1j * np.pi**1.5))
    True
    """
    q = check_nonnegative(q, "q")
    lam = float(check_positive(core_radius, "core_radius"))
    if sign not in (1, -1) or isinstance(sign, bool):
        raise ValueError(f"sign must be +1 or -1; got {sign!r}")
    return sign * 1j * np.pi * lam / 2 * (np.sqrt(np.pi) * (1 - 2 * q**2 * lam**2) + 2j * q * lam) * np.exp(
        -(lam**2) * q**2 / 4
    )


# --------------------------------------------------------------------------
# the resistivity of a vortex
# --------------------------------------------------------------------------
def _window_nodes(lo: float, hi: float, scale: float):
    """16-node Gauss-Legendre panels of width <= 4/scale on [lo, hi]."""
    return _panels(lo, hi, int(np.ceil((hi - lo) * scale / 4.0)) + 2)


def vortex_resistivity_area(
    zeta,
    core_radius,
    film_radius=np.inf,
    *,
    profile: str = "ansatz",
    vertex: str = "paper",
    channel: str = "all",
) -> float:
    """ρ_v A of one vortex from the Mori formula (74), current along x (units ħ/(e² k_F³)).

    Formulas in the module docstring; the q-integrals by Gauss-Legendre panels
    of width ~1.5/max(λ_v, R) (the integrands oscillate with periods 2π/λ_v
    and 2π/R), relative accuracy ~1e-8.  The result is ρ_v times the film
    area, independent of the area as long as the vortex sits well inside
    (ρ_v ∝ 1/A) and independent of the film thickness.

    Parameters
    ----------
    zeta : float
        0 < ζ < 1.
    core_radius : float
        k_F λ_v > 0.
    film_radius : float
        k_F R (> 0 or inf).  The q-integrals converge as R → ∞ (F ~ 1/q is cut
        by the Stoner window q ≥ 2ζ for the spin-flip channel; q² G₁² → 1
        for the spin-conserving one), with corrections O(1/(ζ²R)).
    profile : {"ansatz", "smooth", "paper_gauge", "paper_gauge_untruncated", "eq93"}
        ``"eq93"`` uses the printed transform (93) (paper vertex only).
    vertex : {"paper", "corrected"}
    channel : {"all", "spin_flip", "spin_conserving"}
        For ``vertex="corrected"``.

    Returns
    -------
    float

    Examples
    --------
    The printed (93) inserted in (74) has the exponent of (94) but not its
    power of λ_v: the ratio grows as λ_v² (4 from λ_v = 20 to 40):

    >>> ratio = [vortex_resistivity_area(0.3, lam, profile="eq93") / eq94_printed(0.3, lam)
    ...          for lam in (20.0, 40.0)]
    >>> round(float(ratio[1] / ratio[0]), 1)
    4.0
    """
    check_choice(profile, "profile", PROFILES + ("eq93",))
    check_choice(vertex, "vertex", ["paper", "corrected"])
    check_choice(channel, "channel", ["all", "spin_flip", "spin_conserving"])
    z = float(check_zeta(zeta))
    lam = float(check_positive(core_radius, "core_radius"))
    if not (film_radius == np.inf or float(check_positive(film_radius, "film_radius")) > 0):
        raise ValueError(f"film_radius must be > 0 or inf; got {film_radius!r}")
    n = float(total_density(z))
    delta = float(exchange_splitting(z))
    kp, km = (float(k) for k in fermi_wavevectors(z))
    scale = max(lam, film_radius if np.isfinite(film_radius) else lam)
    lo, hi = 2.0 * z, 2.0
    if profile == "eq93":
        if vertex != "paper":
            raise ValueError("profile='eq93' is the printed transform: only vertex='paper' applies")
        qn, wn = _window_nodes(lo, hi, max(lam, 1.0))
        amp2 = np.abs(eq93_printed(qn, lam)) ** 2
        return float(delta**2 / (np.pi**2 * n**2) * np.sum(wn * amp2))
    if vertex == "paper" and channel == "spin_conserving":
        raise ValueError("channel='spin_conserving' needs vertex='corrected'")
    # one set of nodes on [0, 2k_F+], with the edges 2ζ, 2k_F-, 2 of the windows as panel edges
    edges = sorted({0.0, lo, 2.0 * km, hi, 2.0 * kp})
    nodes = [_window_nodes(a, b, scale) for a, b in zip(edges[:-1], edges[1:])]
    qn = np.concatenate([t for t, _ in nodes])
    wn = np.concatenate([w for _, w in nodes])
    F0, F2, G1 = radial_transforms(qn, lam, film_radius, profile)
    flip = (qn >= lo) & (qn <= hi)
    if vertex == "paper":
        return float(delta**2 / (4.0 * n**2) * np.sum((wn * (F0**2 + F2**2))[flip]))
    # the ring kernels of the corrected vertex (spinlib.resistivity) with |q̂·Â^±|² ∝ (F₀ - F₂)²,
    # |Â_T^±|² ∝ (F₀ + F₂)², |Â_T^z|² ∝ G₁²; the angle average and (π/2)², π² of the transforms
    # give the prefactors 1/64n² and 1/16n² (module docstring)
    total = 0.0
    if channel in ("all", "spin_flip"):
        for sigma in (1, -1):
            integrand = _spin_flip_ring_weight(qn, (F0 - F2) ** 2, (F0 + F2) ** 2, z, sigma)
            total += np.sum((wn * integrand)[flip]) / (64.0 * n**2)
    if channel in ("all", "spin_conserving") and profile in _TEXTURE_PROFILES:
        for sigma, k_sigma in ((1, kp), (-1, km)):
            inside = qn <= 2.0 * k_sigma
            integrand = _spin_conserving_ring_weight(qn, G1**2, z, sigma)
            total += np.sum((wn * integrand)[inside]) / (16.0 * n**2)
    return float(total)


def eq94_printed(zeta, core_radius):
    """The printed (94) times the film area: (π²/2) m² k_F Δ² λ_v² e^{-2ζ²k_F²λ_v²}/(e² n²).

    Units ħ/(e² k_F³) (reduced, as :func:`vortex_resistivity_area`).

    Examples
    --------
    >>> import numpy as np
    >>> n = (1.3**3 + 0.7**3) / (6 * np.pi**2)
    >>> bool(np.isclose(eq94_printed(0.3, 1.0), np.pi**2 / 2 * 0.09 * np.exp(-0.18) / n**2))
    True
    """
    z = check_zeta(zeta)
    lam = check_positive(core_radius, "core_radius")
    n = total_density(z)
    return np.pi**2 / 2 * exchange_splitting(z) ** 2 * lam**2 * np.exp(-2 * z**2 * lam**2) / n**2


def vortex_force_per_thickness(
    zeta,
    core_radius,
    drift_velocity,
    *,
    vortex_number: float = 0.5,
    film_radius=np.inf,
    profile: str = "ansatz",
    vertex: str = "corrected",
) -> np.ndarray:
    """Current-induced force per film thickness on a pinned vortex, F/d = e² n (nA) ρ v (reduced units).

    Momentum balance (58), (78) corrected (:func:`spinlib.resistivity.reaction_force`)
    with the resistivity tensor of one vortex,
    ρ = [[ρ_v, ρ_xy], [-ρ_xy, ρ_v]], ρ_v A from :func:`vortex_resistivity_area`
    (isotropic for a rotationally symmetric vortex) and
    ρ_xy A = 2π(n₊ - n₋) n_v/n² (:func:`spinlib.resistivity.topological_hall_resistivity`).
    The film area cancels.  The dissipative part pushes the vortex along the
    electron drift v; the Hall (topological) part, -4π s n_v e_z × v
    (s = (n₊ - n₋)/2), is the corrected (62) of :mod:`spinlib.forces`.

    Parameters
    ----------
    zeta : float
    core_radius : float
        k_F λ_v > 0.
    drift_velocity : array_like, shape (2,)
        Electron drift velocity v in the film plane (units ħk_F/m).
    vortex_number : float
        n_v (default 1/2).
    film_radius, profile, vertex
        As in :func:`vortex_resistivity_area` (channel "all").

    Returns
    -------
    numpy.ndarray, shape (2,)
        F/d in units of ħ²k_F⁴/m (force per length, reduced).

    Examples
    --------
    The component perpendicular to v is the topological force -4π s n_v e_z × v:

    >>> import numpy as np
    >>> F = vortex_force_per_thickness(0.3, 30.0, [1.0, 0.0])
    >>> s = (1.3**3 - 0.7**3) / (12 * np.pi**2)
    >>> bool(np.isclose(F[1], -4 * np.pi * s * 0.5))
    True
    """
    v = as_finite_array(drift_velocity, "drift_velocity")
    if v.shape != (2,):
        raise ValueError(f"drift_velocity must be an in-plane vector (2 numbers); got shape {v.shape}")
    nv = float(check_in_range(vortex_number, "vortex_number", -2, 2))
    z = float(check_zeta(zeta))
    rho_area = vortex_resistivity_area(z, core_radius, film_radius, profile=profile, vertex=vertex)
    rxy_area = float(topological_hall_resistivity(nv, 1.0, z))  # ρ_xy A
    # ρ of a film of area A = 1 (ρ ∝ 1/A, N_e ∝ A: the area cancels), per unit thickness (V = A)
    return reaction_force([[rho_area, rxy_area], [-rxy_area, rho_area]], v, z, 1.0)


# --------------------------------------------------------------------------
# SI estimates
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class FilmParameters:
    """A permalloy-like disc with one vortex, in SI (illustrative free-electron values).

    Attributes
    ----------
    fermi_wavevector : float
        k_F in 1/m (default 1.2e10).
    zeta : float
        ζ = (k_F+ - k_F-)/(k_F+ + k_F-) (default 0.1: Δ = ζħ²k_F²/m ≈ 1.1 eV,
        density polarisation P = ζ(3 + ζ²)/(1 + 3ζ²) ≈ 0.29).
    mean_free_path : float
        ℓ = v_F τ in m (default 5 nm).
    core_radius : float
        λ_v in m (default 10 nm, about twice the exchange length of permalloy).
    thickness : float
        d in m (default 20 nm).
    film_radius : float
        Disc radius in m (default 500 nm; area A = πR²).
    vortex_number : float
        n_v (default 1/2: a vortex; the paper's "n_v = 1" is a skyrmion).
    current_density : float
        j in A/m² (default 1e11).
    """

    fermi_wavevector: float = 1.2e10
    zeta: float = 0.1
    mean_free_path: float = 5e-9
    core_radius: float = 10e-9
    thickness: float = 20e-9
    film_radius: float = 500e-9
    vortex_number: float = 0.5
    current_density: float = 1e11

    def __post_init__(self) -> None:
        for name in ("fermi_wavevector", "mean_free_path", "core_radius", "thickness", "film_radius",
                     "current_density"):  # fmt: skip
            object.__setattr__(self, name, float(check_positive(getattr(self, name), name)))
        object.__setattr__(self, "zeta", float(check_zeta(self.zeta)))
        object.__setattr__(self, "vortex_number", float(check_in_range(self.vortex_number, "vortex_number", -2, 2)))


def section8_estimates(params: FilmParameters | None = None) -> dict[str, float]:
    """Section-8 numbers in SI: ρ_0, ρ_v (printed and exact), ρ_xy, j_⊥/j_0, F^na, F^ad.

    Everything is computed in the reduced units of spinlib and converted with
    :class:`spinlib.units.ReducedUnits` (k_F of ``params``):

    * ρ_0 = ħk_F/(n e² ℓ) (:func:`spinlib.resistivity.drude_resistivity`, ℓ = v_F τ);
    * ρ_v: (94) as printed; (74) with the exact ansatz (paper vertex, the
      infinite-film limit, which the disc reaches for R ≫ 1/(ζk_F));
      the corrected vertex (both channels), ansatz and smooth profile;
    * ρ_xy = 2π P n_v ħ/(e² n A) (77) corrected (no S²), P = (n₊ - n₋)/n
      (:func:`spinlib.relaxation.current_polarization_drude`, which is the density
      polarisation); j_⊥/j_0 = ρ_xy/ρ_0 (98) from the two resistivities
      (``hall_ratio``) and from :func:`spinlib.resistivity.hall_current_ratio`,
      2π P n_v ℓ/(k_F A) (``hall_ratio_closed_form``);
    * F^na = e N_e ρ_v j (58) (N_e = n A d) for each ρ_v and F^ad = e N_e ρ_xy j
      (62)/(78) corrected, = 2π P n_v ħ j d/e, both by
      :func:`spinlib.resistivity.reaction_force` with the electron drift
      v = j/(e n); the printed (95) (j/e)ħ(Δ/ε_F)²(k_Fλ_v)² d e^{-2ζ²k_F²λ_v²};
      the printed (96) (j/e)ħ is a force per length (N/m): it lacks d (and 2πP n_v).

    Returns
    -------
    dict of float (SI units in the key names: ohm_m, N, ...)
    """
    p = params if params is not None else FilmParameters()
    units = ReducedUnits(p.fermi_wavevector)
    z = p.zeta
    pol = float(current_polarization_drude(z))
    area = np.pi * (p.film_radius / units.length) ** 2  # all lengths in 1/k_F from here on
    thickness = p.thickness / units.length
    ell = p.mean_free_path / units.length
    lam = p.core_radius / units.length
    current = p.current_density / units.current_density  # j in e k_F³ ħk_F/m
    drift = current / float(total_density(z))  # electron drift v = j/(e n)

    rho_v_area = {
        "eq94": float(eq94_printed(z, lam)),
        "ansatz_paper_vertex": vortex_resistivity_area(z, lam),
        "ansatz_corrected": vortex_resistivity_area(z, lam, vertex="corrected"),
        "smooth_corrected": vortex_resistivity_area(z, lam, profile="smooth", vertex="corrected"),
    }
    rho0 = float(drude_resistivity(z, ell))
    rho_xy = float(topological_hall_resistivity(p.vortex_number, area, z))
    out = {
        "k_F_lambda_v": lam,
        "exchange_splitting_eV": float(exchange_splitting(z)) * units.energy / sc.eV,
        "density_polarization": pol,
        "rho_0_ohm_m": rho0 * units.resistivity,
    }
    for key, value in rho_v_area.items():
        out[f"rho_v_{key}_ohm_m"] = value / area * units.resistivity
    out["rho_xy_ohm_m"] = rho_xy * units.resistivity
    out["hall_ratio"] = rho_xy / rho0
    out["hall_ratio_closed_form"] = float(hall_current_ratio(pol, p.vortex_number, area, ell))
    volume = area * thickness
    for key, value in rho_v_area.items():
        force = reaction_force([[value / area]], [drift], z, volume)[0]
        out[f"F_na_{key}_N"] = float(force) * units.force
    # (95) as printed, Δ/ε_F = 2ζ (ε_F = k_F²/2): (j/e)ħ (Δ/ε_F)² (k_Fλ_v)² d e^{-2ζ²k_F²λ_v²}
    out["F_na_eq95_printed_N"] = (
        current * (2 * z) ** 2 * lam**2 * thickness * np.exp(-2 * z**2 * lam**2) * units.force
    )
    hall = reaction_force([[0.0, rho_xy], [-rho_xy, 0.0]], [drift, 0.0], z, volume)
    out["F_ad_N"] = float(np.hypot(*hall)) * units.force
    out["F_ad_eq96_printed_N_per_m"] = current * units.force / units.length  # (j/e)ħ
    return out
