"""Spin density in linear response: the kernels H1, H2, χ1, χ2 of eqs. (21)-(41).

Units and conventions
---------------------
ħ = 1, m = 1, k_F = (k_F+ + k_F-)/2 = 1 (see :mod:`spinlib.electron_gas`):
k_F± = 1 ± ζ, Δ = ζ, q̃ = q/2k_F.  Wave-vectors are in units of k_F, distances
in units of 1/k_F, real-space kernels in units of k_F³.  The kernels are
functions of |q| only; the Fourier convention is the paper's

    K(r) = ∫ d³q/(2π)³ e^{-iq·r} K̃(q),      so  ∫ d³r K(r) = K̃(q = 0),

with K̃(q) evaluated at q̃ = q/2.

What is here
------------
* :func:`h1_tilde`   H̃1 = H1/s, the principal-value k-sum of eq. (31), closed
  form (32) (verified; rewritten in a form free of cancellations);
* :func:`h2_tilde`   H̃2 = H2/k_F³, the δ-function k-sum of eq. (31), closed
  form (33) (verified as the evaluation of (31) - but see "errata" below:
  this H2 is *not* what eq. (21) gives);
* :func:`chi1_tilde` χ̃1 = χ1/[(eτ/2m)(n₊-n₋)], clean-limit k-sum (35);
  the printed closed form (36) is too large by a factor 2 (it tends to 2,
  not to 1, as q̃ → 0); the corrected form is implemented;
* :func:`chi1_longitudinal_tilde`, :func:`chi1_transverse_tilde`: the two
  invariants of the tensor that (B.3) replaces by its trace;
* :func:`chi2_tilde` χ̃2 = χ2/(σ₀/e), eqs. (37), (38) (verified against (35));
* :func:`stoner_window` θ_st of eq. (39);
* :func:`spatial_vertex_tilde` the spatial-vertex kernel that (21) drops;
* :func:`real_space` the transforms K(r) (Figs. 3 and 4, lower panels),
  :func:`asymptotic_form` their large-r oscillations and
  :func:`large_q_coefficient` their 1/r behaviour at r → 0;
* :func:`linear_response_prefactor` the (corrected) prefactors of (30), (34).

All q-space functions take arrays or scalars (broadcast against each other)
and return an array or a float; they are evaluated block-wise with in-place
arithmetic (``benchmarks/bench_response.py``).

Closed forms (derived in ``notebooks/02`` and ``03``, checked against the
independent k-integrals of :mod:`spinlib.ksums` in ``tests/test_response.py``)
with L₁ = ln|(1+q̃)/(1-q̃)| and L_ζ = ln|(q̃+ζ)/(q̃-ζ)|:

    H̃1 = 3/[2(3+ζ²) q̃²] · [q̃² + ζ² + (1-q̃²)(q̃²-ζ²) L₁/(2q̃)]
    χ̃1 = 1/(3+ζ²) · [1 + (1+ζ²-q̃²) L₁/(2q̃) + ζ L_ζ/(2q̃)]
    χ̃_L = 3/[2(3+ζ²)] · [ζ² (L₁/q̃ - 2)/q̃² + ζ L_ζ/q̃],   χ̃_T = H̃1,
    χ̃1 = (χ̃_L + 2 χ̃_T)/3,
    χ̃2 = -(π/4) ζ²/(1+3ζ²) θ_st(q̃)/q̃.

In (32) the ζ-logarithms of the two bands cancel: H̃1 has a kink at q̃ = 1
(q = k_F+ + k_F-) only.  χ̃1 diverges logarithmically at q̃ = ζ and q̃ = 1.
All four kernels vanish as q̃ → ∞ (H̃1, χ̃1 ∝ 1/q̃², H̃2 and χ̃2 have
compact support), so no real-space kernel has a δ(r) part; H1(r) and χ1(r)
diverge as 1/r at r → 0 (from the 1/q̃² tails), H2(r), χ2(r) are finite.

Errata (details, evidence and test ids in EQUATIONS.md)
-------------------------------------------------------
* (36): prefactor 1/(3+ζ²) must be 1/[2(3+ζ²)] (tests: q̃ → 0 limit and the
  k-sum (35)).  ``_paper_printed_chi1_tilde`` keeps the printed form.
* (21)/(30): s̃^± = 2⟨a†_↑ a_↓⟩ carries the matrix element 2 of σ^± that (21)
  omits, and the real part of (21) is -H1/Δ, not +H1/Δ as written in (30).
  With H' = +A_0·σ (eq. 12) the exact q = 0 limit (a uniformly rotating
  frame, and the exact co-rotating spin of a precessing local spin) requires
  s̃^±(0) = -(2/Δ) Σ_q e^{-iq·x} A_0^±(q) H1(q): an exchange torque of
  magnitude s|∂_t e_s| (the full electron spin s, not s/2).
* (21)/(30)-(31): the imaginary part of (21) vanishes identically at T = 0 in
  the clean limit, (f_a - f_b) δ(ε_a - ε_b) = 0, so the equilibrium spin
  density has *no* H2 term.  H2 as defined in (31) (and evaluated in (33))
  is reproduced here for Fig. 3, but it is not part of the corrected s̃^(0).
* (21) keeps only the time component A_0 of Σ_μ J_μ A_μ.  The dropped
  spatial part does not vanish: its kernel is (2s/q)(1 - H̃1(q)) q̂·A_i
  (:func:`spatial_vertex_tilde`); it is the whole equilibrium response of a
  static texture (where A_0 = 0).
* (34): the same missing factor 2, and a sign: the exact q → 0 limit
  (Boltzmann solution of a uniformly twisted texture) requires the
  prefactor -2/Δ for e the signed electron charge (e < 0, as in eq. 24),
  i.e. +2/|e|Δ.  In the printed derivation (26)
  has a spurious 1/2 (the identity (A.2) fails with it) and (A.10)/(B.1) a
  spurious factor 2 (J_μ(2(k+q/2)) against J_μ(k+q/2) in (29)); they cancel.
* (B.3) prints ±π in the δ-term where (35) has ±π/2; (35), (37), (38) agree
  with a direct reduction of (A.6), (B.3) does not.
* (B.3): k_i(k+q/2)_j → δ_ij k·(k+q/2)/3 replaces a tensor
  χ_L q̂q̂ + χ_T (1 - q̂q̂) by its trace/3; exact only at q = 0 or for an
  isotropic average over the angle between E and q.  Likewise the δ-term
  is purely longitudinal: 3 χ̃2 q̂_i q̂_j.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
from scipy import special

from ._validation import check_choice, check_nonnegative, check_positive, check_zeta
from .electron_gas import exchange_splitting, fermi_wavevectors, spin_density_s

__all__ = [
    "KERNELS",
    "h1_tilde",
    "h2_tilde",
    "chi1_tilde",
    "chi1_longitudinal_tilde",
    "chi1_transverse_tilde",
    "chi2_tilde",
    "stoner_window",
    "spatial_vertex_tilde",
    "large_q_coefficient",
    "small_q_coefficient",
    "chi2_amplitude",
    "lindhard",
    "linear_response_prefactor",
    "real_space",
    "OscillatoryAsymptote",
    "asymptotic_form",
]

#: Names accepted by :func:`real_space` and :func:`asymptotic_form`.
KERNELS = ("h1", "h2", "chi1", "chi2")

# Below this argument the remainder (artanh x - x)/x³ is summed as a series
# (x² <= 0.01: 9 terms reach 1e-18); above it the direct formula loses at most
# 3ε/x² ≈ 7e-14 relative.
_SERIES_X = 0.1
_SERIES_TERMS = 9
#: 1/(2n+3), highest order first (Horner)
_SERIES_COEFFS = tuple(1.0 / (2 * n + 3) for n in range(_SERIES_TERMS - 1, -1, -1))


# --------------------------------------------------------------------------
# numerically stable building blocks
# --------------------------------------------------------------------------
def _atanh_remainder(x: np.ndarray) -> np.ndarray:
    """R(x) = (artanh x - x)/x³ = Σ_n x^{2n}/(2n+3) for 0 <= x <= 1 (R(1) = inf).

    In-place arithmetic throughout: these kernels are evaluated on 10⁶-point
    grids (see benchmarks/bench_response.py)."""
    x = np.asarray(x, dtype=float)
    shape = x.shape
    x = x.reshape(-1)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.add(1.0, x)
        tmp = np.subtract(1.0, x)
        out /= tmp
        np.log(out, out=out)
        out *= 0.5  # artanh x = ½ ln[(1+x)/(1-x)]
        out -= x
        np.multiply(x, x, out=tmp)
        tmp *= x
        out /= tmp
    small = np.flatnonzero(x < _SERIES_X)
    if small.size:
        x2 = x[small]
        x2 *= x2
        acc = np.full_like(x2, _SERIES_COEFFS[0])
        for coeff in _SERIES_COEFFS[1:]:  # Horner in x²
            acc *= x2
            acc += coeff
        out[small] = acc
    return out.reshape(shape)


def _finite(a: np.ndarray) -> np.ndarray:
    """Replace non-finite entries (only at the singular points) by 0, in place."""
    bad = ~np.isfinite(a)
    if bad.any():
        a[bad] = 0.0
    return a


def _blend(mask: np.ndarray, yes: np.ndarray, no: np.ndarray) -> np.ndarray:
    """``np.where(mask, yes, no)`` for finite ``yes``/``no``, overwriting ``no``.

    Arithmetic blending is several times faster than ``np.where`` for
    unsorted masks; both inputs must be finite (the callers fix their
    singular points afterwards)."""
    np.subtract(yes, no, out=yes)
    yes *= mask
    no += yes
    return no


def _prepare(q_tilde, zeta) -> tuple[np.ndarray, np.ndarray]:
    """Validated q̃ and ζ; not broadcast (the arithmetic broadcasts them)."""
    q = check_nonnegative(q_tilde, "q_tilde")
    z = check_zeta(zeta)
    np.broadcast_shapes(q.shape, z.shape)  # fail early on incompatible shapes
    return q, z


def _finish(out):
    """A Python float for 0-d results, the array otherwise."""
    out = np.asarray(out, dtype=float)
    return float(out) if out.ndim == 0 else out


_BLOCK = 1 << 16  # points per block: the temporaries stay in cache


#: The direct closed forms are used for q̃ in (lo, hi) where they are finite;
#: there their rounding error is below 1e-13 relative.  H̃1 and χ̃_L cancel as
#: ζ²ε/q̃² (ε/q̃²) below and as ε q̃² above: (0.05, 8).  χ̃1 only loses ε/q̃ in the
#: logarithms below and ε q̃² above: (1e-3, 30).  Next to the logarithmic
#: singularities q̃ = 1, ζ nothing cancels.  Elsewhere, and exactly at the
#: singular points, the cancellation-free forms (``_*_core``) are used.
_DIRECT_RANGE = {"h1": (0.05, 8.0), "chi1": (1e-3, 8.0), "chi1_longitudinal": (0.05, 3.0)}


def _evaluate(core, q_tilde, zeta, direct=None, direct_range=(0.05, 8.0)):
    """Validate (q̃, ζ), broadcast, and apply the kernel block by block.

    ``core(q, z)`` takes a 1-D block of q̃ and either a float ζ or a 1-D block
    of ζ of the same length and returns the kernel on that block, accurately
    everywhere.  ``direct(q, z, out)``, if given, is the plain closed form,
    written into ``out``: it is evaluated on the whole block (it is several
    times cheaper) and ``core`` then only on the points outside the direct
    form's safe region ``direct_range``."""
    q, z = _prepare(q_tilde, zeta)
    mid, half = (direct_range[0] + direct_range[1]) / 2, (direct_range[1] - direct_range[0]) / 2
    shape = np.broadcast_shapes(q.shape, z.shape)
    qf = np.broadcast_to(q, shape).reshape(-1)
    scalar_z = z.ndim == 0
    zf = float(z) if scalar_z else np.broadcast_to(z, shape).reshape(-1)
    out = np.empty(qf.size)
    for start in range(0, qf.size, _BLOCK):
        stop = start + _BLOCK
        qb, zb = qf[start:stop], (zf if scalar_z else zf[start:stop])
        if direct is None:
            out[start:stop] = core(qb, zb)
            continue
        block = out[start:stop]
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            direct(qb, zb, block)
            all_finite = np.isfinite(np.add.reduce(block))  # cheap test first
        # outside (_DIRECT_LO, _DIRECT_HI), or not finite (exactly at q̃ = 1, ζ)
        unsafe = np.subtract(qb, mid)
        np.abs(unsafe, out=unsafe)
        unsafe = unsafe >= half
        if not all_finite:
            unsafe |= ~np.isfinite(block)
        idx = np.flatnonzero(unsafe)
        if idx.size:
            block[idx] = core(qb[idx], zb if scalar_z else zb[idx])
    return _finish(out.reshape(shape))


def _log_ratio(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """ln|a/b| for a > 0, in place: ``a`` is overwritten and returned, ``b`` destroyed."""
    np.abs(b, out=b)
    a /= b
    return np.log(a, out=a)


def _h1_direct(q: np.ndarray, z, out: np.ndarray) -> np.ndarray:
    """H̃1 = 3/[2(3+ζ²)q̃²]·[q̃² + ζ² + (1-q̃²)(q̃²-ζ²) L₁/(2q̃)], term by term.

    (In-place arithmetic on two buffers: allocation dominates otherwise.)"""
    z2 = z * z
    _log_ratio(np.add(1.0, q, out=out), np.subtract(1.0, q))  # L₁
    q2 = np.multiply(q, q)
    t = np.subtract(1.0, q2)
    out *= t
    np.subtract(q2, z2, out=t)
    out *= t
    np.multiply(q, 2.0, out=t)
    out /= t
    out += q2
    out += z2
    out /= q2
    out *= 3.0 / (2.0 * (3.0 + z2))
    return out


def _chi1_direct(q: np.ndarray, z, out: np.ndarray) -> np.ndarray:
    """χ̃1 = [1 + (1+ζ²-q̃²) L₁/(2q̃) + ζ L_ζ/(2q̃)]/(3+ζ²), term by term."""
    z2 = z * z
    _log_ratio(np.add(1.0, q, out=out), np.subtract(1.0, q))  # L₁
    t = np.multiply(q, q)
    np.subtract(1.0 + z2, t, out=t)
    out *= t
    lz = _log_ratio(np.add(q, z), np.subtract(q, z, out=t))  # L_ζ (q̃ + ζ > 0)
    lz *= z
    out += lz
    np.multiply(q, 2.0 * (3.0 + z2), out=t)
    out /= t
    out += 1.0 / (3.0 + z2)
    return out


def _chi1_longitudinal_direct(q: np.ndarray, z, out: np.ndarray) -> np.ndarray:
    """χ̃_L = 3/[2(3+ζ²)]·[ζ²(L₁/q̃ - 2)/q̃² + ζ L_ζ/q̃], term by term."""
    z2 = z * z
    inv = np.divide(1.0, q)
    _log_ratio(np.add(1.0, q, out=out), np.subtract(1.0, q))  # L₁
    out *= inv
    out -= 2.0
    out *= inv
    out *= inv
    out *= z  # ζ (L₁/q̃ - 2)/q̃²
    lz = _log_ratio(np.add(q, z), np.subtract(q, z))  # L_ζ
    lz *= inv
    out += lz
    out *= z
    out *= 3.0 / (2.0 * (3.0 + z2))
    return out


def _fold(q: np.ndarray) -> np.ndarray:
    """x = min(q̃, 1/q̃) in [0, 1]: the argument of artanh on either side of q̃ = 1."""
    with np.errstate(divide="ignore"):
        x = np.divide(1.0, q)
    np.minimum(q, x, out=x)
    return x


def _zeta_parts(q: np.ndarray, z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(T₂, R(u)) with T₂ = ζ L_ζ/(2q̃) = (ζ/2q̃) ln|(q̃+ζ)/(q̃-ζ)|, u = min(q̃/ζ, ζ/q̃).

    T₂ = artanh(u)/u for q̃ < ζ and u artanh(u) for q̃ > ζ; T₂(0) = 1,
    T₂(ζ) = +inf.  ``z`` is a float or an array of the shape of ``q``."""
    with np.errstate(divide="ignore"):
        u = np.divide(q, z)
        other = np.divide(z, q)
    np.minimum(u, other, out=u)
    rem = _atanh_remainder(u)
    u *= u  # u²
    t2 = np.multiply(u, rem)
    t2 += 1.0  # artanh(u)/u
    # factor 1 below ζ, u² above (blend of two finite factors)
    np.subtract(1.0, u, out=other)
    other *= q < z
    other += u
    with np.errstate(invalid="ignore"):
        t2 *= other
    return t2, rem


# --------------------------------------------------------------------------
# q-space kernels
# --------------------------------------------------------------------------
def h1_tilde(q_tilde, zeta) -> np.ndarray:
    """Equilibrium correlation H̃1(q̃) = H1(q)/s of eqs. (31)-(32).

    H1(q) = (Δ/V) Σ_{k,±} P f_{k±} / (±2Δ + (2k·q + q²)/2m) is the static
    transverse (spin-flip) susceptibility of the two-band gas; s = (n₊-n₋)/2.
    The printed closed form (32) is correct; the ζ-logarithms of its two
    terms cancel, leaving

        H̃1 = 3/[2(3+ζ²) q̃²] · [q̃² + ζ² + (1-q̃²)(q̃²-ζ²) ln|(1+q̃)/(1-q̃)|/(2q̃)],

    which is evaluated here without cancellation (series near q̃ = 0 and for
    q̃ → ∞).  H̃1 = 1 - O(q̃²), H̃1 ≈ (1+3ζ²)/[(3+ζ²) q̃²] for q̃ → ∞, and
    H̃1 → the Lindhard function 1/2 + (1-q̃²) ln|(1+q̃)/(1-q̃)|/(4q̃) as ζ → 0.

    Parameters
    ----------
    q_tilde : array_like
        q̃ = q/2k_F >= 0.
    zeta : array_like
        Polarisation, 0 < ζ < 1 (broadcast against ``q_tilde``).

    Returns
    -------
    numpy.ndarray or float
        H̃1, finite everywhere: 1 at q̃ = 0 and 3(1+ζ²)/[2(3+ζ²)] at the kink
        q̃ = 1 (where dH̃1/dq̃ diverges logarithmically).

    Raises
    ------
    ValueError
        If q̃ < 0, ζ ∉ (0, 1), or an input is NaN/inf.

    Examples
    --------
    >>> float(h1_tilde(0.0, 0.3))
    1.0
    >>> round(float(h1_tilde(1.0, 0.5)), 12)   # 3(1 + 1/4)/(2(3 + 1/4))
    0.576923076923
    """
    return _evaluate(_h1_core, q_tilde, zeta, _h1_direct, _DIRECT_RANGE["h1"])


def _h1_core(q: np.ndarray, z) -> np.ndarray:
    z2 = z * z
    x = _fold(q)
    x2 = x * x
    rem = _atanh_remainder(x)
    with np.errstate(invalid="ignore"):
        # q̃ < 1 (x = q̃): 2 - x² + ζ² + R (1 - x²)(x² - ζ²)
        below = np.subtract(1.0, x2)
        below *= x2 - z2
        below *= rem
        below += 2.0 + z2
        below -= x2
        # q̃ > 1 (x = 1/q̃): x² [1 + 2ζ² - ζ² x² - R (1 - (1+ζ²) x² + ζ² x⁴)]
        t = np.multiply(x2, z2)
        np.subtract(1.0 + z2, t, out=t)
        t *= x2
        np.subtract(1.0, t, out=t)
        t *= rem
        above = np.multiply(x2, -z2)
        above += 1.0 + 2.0 * z2
        above -= t
        above *= x2
        out = _blend(q < 1.0, _finite(below), _finite(above))
    out *= 3.0 / (2.0 * (3.0 + z2))
    one = q == 1.0
    if one.any():  # the kink: (1 - q̃²) ln|1 - q̃| -> 0
        out[one] = np.broadcast_to(3.0 * (1.0 + z2) / (2.0 * (3.0 + z2)), q.shape)[one]
    out[q == 0.0] = 1.0  # the normalisation, exactly (the series gives it to 1 ulp)
    return out


def chi1_transverse_tilde(q_tilde, zeta) -> np.ndarray:
    """Transverse part χ̃_T of the current-driven tensor of (B.2); equals H̃1.

    Before the angular reduction of (B.3), the clean-limit k-sum (35) is the
    tensor T_ij ∝ Σ_k δ(ε_k±) k_i (k + q/2)_j P/(ε_{k+q} - ε_k ± 2Δ)
    = χ_L q̂_i q̂_j + χ_T (δ_ij - q̂_i q̂_j).  Its transverse part, normalised
    like χ̃1, is identical to H̃1 (derived in notebook 03, checked against the
    k-sum in ``tests/test_response.py::test_chi1_tensor_against_ksum``).

    Examples
    --------
    >>> float(chi1_transverse_tilde(0.4, 0.3)) == float(h1_tilde(0.4, 0.3))
    True
    """
    return h1_tilde(q_tilde, zeta)


def chi1_longitudinal_tilde(q_tilde, zeta) -> np.ndarray:
    """Longitudinal part χ̃_L of the current-driven tensor (B.2), not in the paper.

    χ̃_L = 3/[2(3+ζ²)] · [ζ² (L₁/q̃ - 2)/q̃² + ζ L_ζ/q̃], with
    L₁ = ln|(1+q̃)/(1-q̃)|, L_ζ = ln|(q̃+ζ)/(q̃-ζ)|.  It is the kernel for an
    electric field parallel to q (e.g. a current through a 1D wall).
    (χ̃_L + 2 χ̃_T)/3 = χ̃1 (the paper's (B.3) reduction keeps this trace).
    χ̃_L = 1 - O(q̃²), χ̃_L ≈ ζ²/q̃⁴ for q̃ → ∞.

    Returns
    -------
    numpy.ndarray or float
        1 at q̃ = 0, +inf at q̃ = ζ and q̃ = 1 (logarithmic divergences).

    Examples
    --------
    >>> float(chi1_longitudinal_tilde(0.0, 0.4))
    1.0
    >>> float(chi1_longitudinal_tilde(0.4, 0.4))
    inf
    """
    return _evaluate(
        _chi1_longitudinal_core, q_tilde, zeta, _chi1_longitudinal_direct,
        _DIRECT_RANGE["chi1_longitudinal"],
    )


def _chi1_longitudinal_core(q: np.ndarray, z) -> np.ndarray:
    z2 = z * z
    x = _fold(q)
    x2 = x * x
    rem = _atanh_remainder(x)
    t2, rem_u = _zeta_parts(q, z)
    with np.errstate(invalid="ignore"):
        below = np.multiply(rem, z2)  # q̃ < 1: ζ² R(q̃) + T₂
        below += t2
        # q̃ > 1 > ζ: u = ζ/q̃ and T₂ - ζ²/q̃² cancels against the L₁ term exactly:
        # ζ² x⁴ [1 + R(x) x² + ζ² R(u)]
        above = np.multiply(rem, x2)
        above += 1.0
        rem_u *= z2
        above += rem_u
        x2 *= x2
        above *= x2
        above *= z2
        out = _blend(q < 1.0, _finite(below), _finite(above))
    out *= 3.0 / (3.0 + z2)
    out[(q == 1.0) | (q == z)] = np.inf
    out[q == 0.0] = 1.0  # the normalisation, exactly
    return out


def chi1_tilde(q_tilde, zeta) -> np.ndarray:
    """Current-driven correlation χ̃1(q̃) of eq. (36), corrected.

    χ̃1 = χ1/[(eτ/2m)(n₊-n₋)] with χ1 the clean-limit k-sum (35), the
    "residue neglected" prescription being the principal value of
    1/(ε_{k+q} - ε_k ± 2Δ) on the Fermi sphere ε_{k±} = 0:

        χ̃1 = 1/(3+ζ²) · [1 + (1+ζ²-q̃²) L₁/(2q̃) + ζ L_ζ/(2q̃)].

    The printed (36) has the prefactor 1/(3+ζ²) in front of the sum over
    both bands, which is twice this (it tends to 2 as q̃ → 0, contradicting
    the normalisation χ̃1 = 1 + O(q̃²) stated after (36)); see EQUATIONS.md.
    χ̃1 = (χ̃_L + 2χ̃_T)/3, χ̃1 ≈ 2(1+3ζ²)/[3(3+ζ²) q̃²] for q̃ → ∞, and
    χ̃1 → (2/3) × Lindhard function as ζ → 0 at fixed q̃ > 0.

    Parameters
    ----------
    q_tilde : array_like
        q̃ >= 0.
    zeta : array_like
        0 < ζ < 1.

    Returns
    -------
    numpy.ndarray or float
        1 at q̃ = 0; +inf at q̃ = ζ and q̃ = 1 (logarithmic divergences).

    Examples
    --------
    >>> float(chi1_tilde(0.0, 0.3))
    1.0
    >>> float(chi1_tilde(1.0, 0.3)), float(chi1_tilde(0.3, 0.3))
    (inf, inf)
    """
    return _evaluate(_chi1_core, q_tilde, zeta, _chi1_direct, _DIRECT_RANGE["chi1"])


def _chi1_core(q: np.ndarray, z) -> np.ndarray:
    z2 = z * z
    x = _fold(q)
    x2 = x * x
    rem = _atanh_remainder(x)
    t2, _ = _zeta_parts(q, z)
    with np.errstate(invalid="ignore"):
        atanhc = np.multiply(x2, rem)
        atanhc += 1.0  # artanh(x)/x
        below = np.subtract(1.0 + z2, x2)  # q̃ < 1: 1 + (1+ζ²-q̃²) artanh(q̃)/q̃
        below *= atanhc
        below += 1.0
        # q̃ > 1: 1 + (1+ζ²-q̃²) artanh(1/q̃)/q̃ with the 1 cancelled exactly
        above = np.multiply(atanhc, 1.0 + z2)
        above -= rem
        above *= x2
        out = _blend(q < 1.0, _finite(below), _finite(above))
        out += t2  # +inf at q̃ = ζ
    out /= 3.0 + z2
    out[q == 1.0] = np.inf
    out[q == 0.0] = 1.0  # the normalisation, exactly
    return out


def _paper_printed_chi1_tilde(q_tilde, zeta) -> np.ndarray:
    """Eq. (36) exactly as printed - WRONG by a factor 2 (→ 2 as q̃ → 0).

    Kept only so that notebook 03 can show the discrepancy; use
    :func:`chi1_tilde`.  Evaluated naively (NaN/inf at q̃ ∈ {0, ζ, 1}).
    """
    q, z = _prepare(q_tilde, zeta)
    total = 0.0
    with np.errstate(divide="ignore", invalid="ignore"):
        for sg in (1.0, -1.0):
            log = np.log(np.abs((1 + q) * (q + sg * z) / ((1 - q) * (q - sg * z))))
            total = total + (1 + sg * z) * (
                1 + (1 + z**2 + sg * z - q**2) / (2 * (1 + sg * z) * q) * log
            )
    return _finish(np.asarray(total / (3 + z**2)))


def stoner_window(q_tilde, zeta) -> np.ndarray:
    """θ_st(q) of eq. (39): 1 for k_F+ - k_F- <= q <= k_F+ + k_F-, else 0.

    In q̃ = q/2k_F the window is ζ <= q̃ <= 1: the wave-vectors at which a
    spin-flip transition between the two Fermi spheres conserves energy at
    the Fermi level.  The window is *closed*, as printed in (39); exactly at
    the edges the defining k-sum (35) puts the δ-function at the end of the
    angular interval and is ambiguous (measure zero: no integral over q
    depends on this choice).

    Examples
    --------
    >>> stoner_window([0.1, 0.2, 0.5, 1.0, 1.1], 0.2)
    array([0., 1., 1., 1., 0.])
    """
    return _evaluate(_stoner_core, q_tilde, zeta)


def _stoner_core(q: np.ndarray, z) -> np.ndarray:
    return ((q >= z) & (q <= 1.0)).astype(float)


def chi2_tilde(q_tilde, zeta) -> np.ndarray:
    """Current-driven correlation χ̃2(q̃) = χ2/(σ₀/e) of eqs. (37)-(38).

    χ̃2 = -(π/4) ζ²/(1+3ζ²) θ_st(q̃)/q̃, the clean-limit k-sum (35) with both
    δ-functions (the Fermi sphere and the spin-flip energy shell), i.e. real
    spin-flip transitions between the two Fermi spheres (Stoner window).
    (37) and (38) are verified against (35).  Note: (B.3) prints ±π where
    (35) has ±π/2; (35), (37), (38) are consistent with a direct reduction of
    (A.6), (B.3) is not.  The tensor behind (B.3) is purely longitudinal,
    3 χ̃2 q̂_i q̂_j.

    Returns
    -------
    numpy.ndarray or float
        0 outside the closed window ζ <= q̃ <= 1 (see :func:`stoner_window`),
        finite everywhere (χ̃2(0) = 0).

    Examples
    --------
    >>> import numpy as np
    >>> bool(np.isclose(chi2_tilde(0.5, 0.5), -chi2_amplitude(0.5) / 0.5))
    True
    >>> float(chi2_tilde(0.0, 0.5))
    0.0
    """
    return _evaluate(_chi2_core, q_tilde, zeta)


def _chi2_core(q: np.ndarray, z) -> np.ndarray:
    amp = -np.asarray(chi2_amplitude(z))
    inside = (q >= z) & (q <= 1.0)  # θ_st, eq. (39); q̃ >= ζ > 0 there
    out = np.zeros_like(q)
    np.divide(amp, q, out=out, where=inside)
    return out


def h2_tilde(q_tilde, zeta) -> np.ndarray:
    """H̃2(q̃) = H2(q)/k_F³ with H2 the δ-function k-sum of eq. (31), closed form (33).

    H2 = (Δ/V) Σ_{k,s=±} (π/2)(f_{k+} - f_{k-}) δ(2sΔ + (2k·q + q²)/2m)
    = (ζ k_F³/16π q̃) Σ_s ∫_{1-ζ}^{1+ζ} dk̃ k̃ θ(k̃ q̃ - |q̃² + sζ|), evaluated
    piecewise: each s contributes [(1+ζ)² - max(1-ζ, |q̃²+sζ|/q̃)²]/2 where
    positive.  (33) is the correct evaluation of (31); its support is wider
    than the Stoner window (q̃ from [√(1+6ζ+ζ²) - 1 - ζ]/2 to
    [√(1+6ζ+ζ²) + 1 + ζ]/2) and its real-space form oscillates with
    wave-vectors k_F+ ± √(2k_F+² - k_F-²) (:func:`asymptotic_form`).

    Warning
    -------
    This is the H2 that the paper plots in Fig. 3, *not* a part of the
    equilibrium spin density: the imaginary part of (21) is
    -π Σ_k (f_a - f_b) δ(ε_a - ε_b) = 0 identically at T = 0 (f depends on
    the energy only), so the corrected (30) has no H2 term
    (``tests/test_response_physics.py::test_eq21_has_no_imaginary_part``).

    Returns
    -------
    numpy.ndarray or float
        Continuous, piecewise smooth, finite; 0 at q̃ = 0 and for large q̃.

    Examples
    --------
    >>> float(h2_tilde(0.0, 0.5)), float(h2_tilde(3.0, 0.5))
    (0.0, 0.0)

    Finite (continuous) at the kinks q̃ = ζ and q̃ = 1, where it equals ζ/8π
    and ζ²/8π:

    >>> import numpy as np
    >>> bool(np.allclose(h2_tilde([0.5, 1.0], 0.5), [0.5 / (8 * np.pi), 0.25 / (8 * np.pi)]))
    True
    """
    return _evaluate(_h2_core, q_tilde, zeta)


def _h2_core(q: np.ndarray, z) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        inv = np.divide(z, q)
        total = np.zeros_like(q)
        a = np.empty_like(q)
        for sign in (1.0, -1.0):
            np.multiply(inv, sign, out=a)
            a += q
            np.abs(a, out=a)  # |q̃² + sζ|/q̃ without overflow (inf at q̃ = 0)
            np.maximum(a, 1.0 - z, out=a)
            np.minimum(a, 1.0 + z, out=a)  # empty k-range -> contributes 0
            a *= a
            np.subtract((1.0 + z) ** 2, a, out=a)
            total += a
        inv *= total  # ζ/q̃ · Σ_s [(1+ζ)² - max(...)²]
        inv *= 1.0 / (32.0 * np.pi)
    inv[q == 0.0] = 0.0
    return inv


def spatial_vertex_tilde(q_tilde, zeta) -> np.ndarray:
    """The spatial part of (21) that the paper drops: Λ̃(q̃) = (1 - H̃1(q̃))/q̃.

    Keeping J_i(k) = k_i/m in the first line of (21), the static response
    kernel of the spatial gauge field A_i^± is

        Σ_k k_i (f_{k+q/2,±} - f_{k-q/2,∓})/(ε_{k+q/2,±} - ε_{k-q/2,∓})
        = q̂_i (2s/q)(1 - H̃1(q)) = q̂_i s Λ̃(q̃)        (per volume, k_F = 1),

    derived in notebook 02 and checked against the unshifted k-integral in
    ``tests/test_ksums.py::test_eq21_spatial_vertex``.  It vanishes only as
    q̃ → 0, Λ̃ ≈ (1 - ζ²/5) q̃/(3+ζ²): for a static texture (A_0 = 0) it is
    the whole linear equilibrium response, which (21) and (30) omit.

    Returns
    -------
    numpy.ndarray or float
        0 at q̃ = 0, finite everywhere (evaluated without cancellation).

    Examples
    --------
    >>> float(spatial_vertex_tilde(0.0, 0.3))
    0.0
    >>> round(float(spatial_vertex_tilde(1.0, 0.3)), 10)   # 1 - 3(1+ζ²)/(2(3+ζ²)) at the kink
    0.4708737864
    """
    return _evaluate(_spatial_vertex_core, q_tilde, zeta)


def _spatial_vertex_core(q: np.ndarray, z) -> np.ndarray:
    z2 = z * z
    x = np.minimum(q, 1.0)
    # q̃ < 1: 1 - H̃1 = 3q̃²/(2(3+ζ²)) [1 - R(1 - q̃² + ζ²) + ζ² (R - 1/3)/q̃²]
    with np.errstate(invalid="ignore"):
        below = (3.0 * x / (2.0 * (3.0 + z2))) * (
            1.0 - _atanh_remainder(x) * (1.0 - x * x + z2) + z2 * _atanh_remainder_2(x)
        )
    above = (1.0 - _h1_core(q, z)) / np.maximum(q, 1.0)
    return np.where(q < 1.0, below, above)


def _atanh_remainder_2(x: np.ndarray) -> np.ndarray:
    """(R(x) - 1/3)/x² = Σ_{n>=1} x^{2n-2}/(2n+3) for 0 <= x < 1."""
    x = np.asarray(x, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = (_atanh_remainder(x) - 1.0 / 3.0) / (x * x)
    small = x < _SERIES_X
    if small.any():
        x2 = x[small] ** 2
        acc = np.zeros_like(x2)
        for n in range(_SERIES_TERMS, 0, -1):
            acc = acc * x2 + 1.0 / (2 * n + 3)
        out[small] = acc
    return out


def large_q_coefficient(kernel: str, zeta) -> np.ndarray:
    """c with K̃(q̃) ≈ c/q̃² for q̃ → ∞; then K(r) ≈ c/(π r) for r → 0.

    H̃1: c = (1+3ζ²)/(3+ζ²);  χ̃1: c = 2(1+3ζ²)/[3(3+ζ²)];  H̃2, χ̃2: c = 0
    (compact support; H2(r), χ2(r) are finite at r = 0).  No kernel tends
    to a constant at large q̃, so none has a δ(r) part in real space.

    Examples
    --------
    >>> round(float(large_q_coefficient("h1", 0.5)), 12)   # 1.75/3.25
    0.538461538462
    """
    kernel = check_choice(kernel, "kernel", KERNELS)
    z = check_zeta(zeta)
    c = (1.0 + 3.0 * z**2) / (3.0 + z**2)
    if kernel == "h1":
        return _finish(np.asarray(c))
    if kernel == "chi1":
        return _finish(np.asarray(2.0 * c / 3.0))
    return _finish(np.zeros_like(z))


def small_q_coefficient(kernel: str, zeta) -> np.ndarray:
    """c with K̃(q̃) = 1 + c q̃² + O(q̃⁴) for q̃ → 0 (series of the closed forms, sympy).

    * ``"h1"`` (= ``"chi1_transverse"``): c = (ζ² - 5)/(5(3 + ζ²));
    * ``"chi1"``: c = (1 - ζ²)²/(3ζ²(3 + ζ²));
    * ``"chi1_longitudinal"``: c_L = (3ζ⁴ + 5)/(5ζ²(3 + ζ²)).

    They set the leading non-local correction of the torque of a slowly
    varying texture, e.g. τ_nl/τ_ad = c_L/(4(k_Fλ)²) in-plane for a current
    across a tanh wall (notebook 04).  Derived with sympy in notebooks 02-04;
    ``tests/test_response_fastpath.py`` checks them against the closed forms.

    Examples
    --------
    >>> round(float(small_q_coefficient("chi1_longitudinal", 0.5)), 12)
    1.276923076923
    """
    kernel = check_choice(kernel, "kernel", ["h1", "chi1_transverse", "chi1", "chi1_longitudinal"])
    z = check_zeta(zeta)
    z2 = z * z
    if kernel in ("h1", "chi1_transverse"):
        c = (z2 - 5.0) / (5.0 * (3.0 + z2))
    elif kernel == "chi1":
        c = (1.0 - z2) ** 2 / (3.0 * z2 * (3.0 + z2))
    else:
        c = (3.0 * z2 * z2 + 5.0) / (5.0 * z2 * (3.0 + z2))
    return _finish(np.asarray(c))


def chi2_amplitude(zeta) -> np.ndarray:
    """A₂ = (π/4) ζ²/(1 + 3ζ²): χ̃2 = -A₂ θ_st/q̃ in the Stoner window, eq. (38).

    Examples
    --------
    >>> round(float(chi2_amplitude(0.5)), 12)   # (π/4)(1/4)/(7/4)
    0.112199737628
    """
    z = check_zeta(zeta)
    return _finish(np.asarray(np.pi / 4.0 * z * z / (1.0 + 3.0 * z * z)))


def lindhard(q_tilde) -> np.ndarray:
    """Lindhard function F(q̃) = 1/2 + (1 - q̃²) ln|(1+q̃)/(1-q̃)|/(4q̃): the ζ → 0 limit of H̃1.

    Static susceptibility of an unpolarised free-electron gas normalised to
    F(0) = 1; F(1) = 1/2.  Written independently of :func:`h1_tilde` (the
    comparison is a check of the ζ → 0 limit).

    Examples
    --------
    >>> float(lindhard(0.0)), float(lindhard(1.0))
    (1.0, 0.5)
    """
    q = check_nonnegative(q_tilde, "q_tilde")
    with np.errstate(divide="ignore", invalid="ignore"):
        out = 0.5 + (1.0 - q * q) * np.log(np.abs((1.0 + q) / (1.0 - q))) / (4.0 * q)
    out = np.where(q == 0.0, 1.0, np.where(q == 1.0, 0.5, out))
    return _finish(out)


def linear_response_prefactor(part: str, convention: str = "corrected") -> float:
    """Prefactor P of the rotated-frame spin density, eqs. (30) and (34).

    With it the linear-response spin density reads

        s̃_∥^(0)(x) = (P₀/Δ) Σ_q e^{-iq·x} Ā_0^s(q, x) H1(q),
        s̃_⊥^(0)(x) = (P₀/Δ) Σ_q e^{-iq·x} Ā_0^a(q, x) H1(q),
        s̃_∥^(1)(x) = (P₁/Δ) Σ_q e^{-iq·x} [(E·Ā^s) χ1(q) + (E·Ā^a) χ2(q)],
        s̃_⊥^(1)(x) = (P₁/Δ) Σ_q e^{-iq·x} [(E·Ā^a) χ1(q) - (E·Ā^s) χ2(q)].

    ``convention="printed"``: P₀ = P₁ = 1 (and (30) adds the H2 terms).
    ``convention="corrected"`` (default): P₀ = -2, P₁ = -2, no H2 term in
    s̃^(0).  The factor 2 is the matrix element of σ^± = σ_x ± iσ_y (s̃^+ =
    2⟨a†_↑ a_↓⟩), the sign of P₀ that of H' = +A_0·σ (eq. 12).  P₁ is for
    e the signed charge of the carriers, e < 0 for electrons, as in eq. (24)
    (j = e × particle current) and in the rest of spinlib; in terms of
    |e| it reads P₁ = +2.  Convention free: at q → 0,
    s̃_∥^(1) = -(1/Δ) j^s·Ā^s with j^s = Σ_σ σ n_σ v_σ the spin-resolved
    particle current.  Checks (``tests/test_response_physics.py``): the
    exact ground state in a uniformly rotating frame, the exact co-rotating
    spin of a precessing local spin (exchange torque of magnitude
    s|∂_t e_s|, not s/2), and the Boltzmann solution of a uniformly twisted
    texture.

    Examples
    --------
    >>> linear_response_prefactor("equilibrium"), linear_response_prefactor("current")
    (-2.0, -2.0)
    """
    part = check_choice(part, "part", ("equilibrium", "current"))
    convention = check_choice(convention, "convention", ("corrected", "printed"))
    if convention == "printed":
        return 1.0
    return -2.0


# --------------------------------------------------------------------------
# real space
# --------------------------------------------------------------------------
_CHUNK = 256


@functools.lru_cache(maxsize=64)
def _gauss_legendre(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Gauss-Legendre nodes and weights on [0, 1] (cached)."""
    x, w = special.roots_legendre(n)
    return (x + 1.0) / 2.0, w / 2.0


def _nodes_for(phase_range: float) -> int:
    # Gauss-Legendre with n nodes integrates e^{iωt} on an interval over which
    # the phase changes by ωL to ~1e-15 once n >~ ωL/2 + 30 (checked against
    # adaptive quadrature in tests/test_response_realspace.py).  Rounded up to
    # a multiple of 32 so that the cached node sets are reused.
    n = int(np.ceil(0.6 * phase_range)) + 40
    return 32 * ((n + 31) // 32)


def _radial_sinc(k: np.ndarray, r: np.ndarray) -> np.ndarray:
    """sin(k r)/r as an array of shape (len(r), len(k)), with the limit k at r = 0.

    (For r k < 1e-8 the relative error of sin(kr)/r is below 1e-16 anyway.)"""
    kr = np.multiply.outer(r, k)
    out = np.sin(kr)
    zero = r == 0
    with np.errstate(invalid="ignore", divide="ignore"):
        out /= r[:, None]
    if zero.any():
        out[zero] = k
    return out


def _h1_real(r: np.ndarray, zeta: float) -> np.ndarray:
    """H̃1(r) from the principal-value Green function (notebook 02):

    H1(r) = Δ/(4π³ r²) Σ_σ ∫_0^{k_σ} dk k sin(kr) C_σ(k, r),
    C = cos(κr) for κ² = k² - 4σΔ > 0 and e^{-|κ|r} otherwise."""
    _, km = (float(k) for k in fermi_wavevectors(zeta))
    delta = float(exchange_splitting(zeta))
    b = 2.0 * np.sqrt(delta)  # k where κ_+ = 0
    out = np.empty(r.shape)
    order = np.argsort(r)
    for start in range(0, r.size, _CHUNK):
        idx = order[start : start + _CHUNK]
        rr = r[idx]
        rmax = float(rr.max())
        # phases (k ± κ) r change at most at rate 2 per unit of the variable
        t, w = _gauss_legendre(_nodes_for(2.0 * km * rmax))
        # σ = -: k ∈ [0, k_-], κ = sqrt(k² + 4Δ) (entire integrand in k)
        k = km * t
        kap = np.sqrt(k * k + 4 * delta)
        tot = (_radial_sinc(k, rr) * np.cos(np.multiply.outer(rr, kap))) @ (w * km * k)
        # σ = +, κ² >= 0: variable κ ∈ [0, k_-], k = sqrt(κ² + 4Δ), k dk = κ dκ
        kap = km * t
        k = np.sqrt(kap * kap + 4 * delta)
        tot += (_radial_sinc(k, rr) * np.cos(np.multiply.outer(rr, kap))) @ (w * km * kap)
        # σ = +, κ² < 0: k = b sin α, |κ| = b cos α, α ∈ [0, π/2]
        t, w = _gauss_legendre(_nodes_for(2.0 * b * rmax))
        alpha = 0.5 * np.pi * t
        k = b * np.sin(alpha)
        kk = b * np.cos(alpha)
        tot += (_radial_sinc(k, rr) * np.exp(-np.multiply.outer(rr, kk))) @ (
            w * 0.5 * np.pi * b * b * np.sin(alpha) * np.cos(alpha)
        )
        out[idx] = tot
    s = float(spin_density_s(zeta))
    with np.errstate(divide="ignore"):
        res = delta / (4.0 * np.pi**3 * r) * out / s
    res[r == 0] = np.inf
    return res


def _h2_real(r: np.ndarray, zeta: float) -> np.ndarray:
    """H̃2(r) from the on-shell Green function (notebook 02):

    H2(r) = Δ/(8π³ r²) Σ_s ∫_{k_-}^{k_+} dk k sin(kr) sin(κ_s r) θ(κ_s²),
    κ_s² = k² - 4sΔ."""
    kp, km = (float(k) for k in fermi_wavevectors(zeta))
    delta = float(exchange_splitting(zeta))
    out = np.empty(r.shape)
    order = np.argsort(r)
    kap_lo = np.sqrt(max(0.0, km * km - 4 * delta))
    for start in range(0, r.size, _CHUNK):
        idx = order[start : start + _CHUNK]
        rr = r[idx]
        rmax = float(rr.max())
        # s = -: k ∈ [k_-, k_+], κ = sqrt(k² + 4Δ); phase rate <= 2
        t, w = _gauss_legendre(_nodes_for(2.0 * (kp - km) * rmax))
        k = km + (kp - km) * t
        kap = np.sqrt(k * k + 4 * delta)
        tot = (_radial_sinc(k, rr) * _radial_sinc(kap, rr)) @ (w * (kp - km) * k)
        # s = +: κ ∈ [κ_lo, k_-], k = sqrt(κ² + 4Δ), k dk = κ dκ
        t, w = _gauss_legendre(_nodes_for(2.0 * (km - kap_lo) * rmax))
        kap = kap_lo + (km - kap_lo) * t
        k = np.sqrt(kap * kap + 4 * delta)
        tot += (_radial_sinc(k, rr) * _radial_sinc(kap, rr)) @ (w * (km - kap_lo) * kap)
        out[idx] = tot
    return delta / (8.0 * np.pi**3) * out


def _chi1_real(r: np.ndarray, zeta: float) -> np.ndarray:
    """χ̃1(r) in closed form (notebook 03):

    χ̃1(r) = Δ/(3s) Σ_σ ν_σ [k_σ² j₀(k_σ r) g_σ(r) - k_σ j₁(k_σ r) g_σ'(r)],
    g_σ = cos(k_{-σ} r)/(4πr), ν_σ = k_σ/2π²."""
    kf = fermi_wavevectors(zeta)
    delta = float(exchange_splitting(zeta))
    s = float(spin_density_s(zeta))
    pos = r > 0
    rp = r[pos]
    total = np.zeros(rp.shape)
    for k, kap in ((float(kf[0]), float(kf[1])), (float(kf[1]), float(kf[0]))):
        x = k * rp
        j0 = special.spherical_jn(0, x)
        j1 = special.spherical_jn(1, x)
        g = np.cos(kap * rp) / (4 * np.pi * rp)
        gp = -(kap * rp * np.sin(kap * rp) + np.cos(kap * rp)) / (4 * np.pi * rp**2)
        total += k / (2 * np.pi**2) * (k * k * j0 * g - k * j1 * gp)
    out = np.full(r.shape, np.inf)
    out[pos] = delta * total / (3.0 * s)
    return out


def _chi2_real(r: np.ndarray, zeta: float) -> np.ndarray:
    """χ̃2(r) = -(A₂/π²)[cos((k_F+ - k_F-)r) - cos((k_F+ + k_F-)r)]/r² with A₂ of
    :func:`chi2_amplitude`, written as -(2A₂/π²) k_F+ k_F- sinc·sinc so that it is
    exact at r = 0."""
    amp = float(chi2_amplitude(zeta))
    a, b = (float(k) for k in fermi_wavevectors(zeta))
    return -(2.0 * amp / np.pi**2) * a * b * np.sinc(a * r / np.pi) * np.sinc(b * r / np.pi)


def real_space(kernel: str, r, zeta) -> np.ndarray:
    """Real-space kernel K(r) = ∫ d³q/(2π)³ e^{-iq·r} K̃(q) (Figs. 3 and 4).

    q is in units of k_F (K̃ evaluated at q̃ = q/2), r in units of 1/k_F, the
    result in units of k_F³, so that ∫ d³r K(r) = K̃(q = 0) (1 for "h1",
    "chi1"; 0 for "h2", "chi2").  No kernel has a δ(r) part (all vanish as
    q̃ → ∞, see :func:`large_q_coefficient`).

    Methods (each checked against direct radial quadrature
    (1/2π²r)∫ q sin(qr) K̃ dq to ~1e-10 in ``tests/test_response.py``):

    * "chi2": elementary, -(A/π²)[cos(2ζ k_F r) - cos(2k_F r)]/r²;
    * "chi1": elementary closed form from the principal-value Green function
      cos(κr)/(4πr) on the two Fermi spheres;
    * "h1", "h2": a one-dimensional integral over the occupied (or
      spin-split) shell of k of an entire (after a change of variable)
      integrand, by Gauss-Legendre quadrature with a node count set by the
      largest r.  Cost is O(len(r) · max(r)).

    Parameters
    ----------
    kernel : {"h1", "h2", "chi1", "chi2"}
        H̃1 = H1/s, H̃2 = H2/k_F³, χ̃1 (corrected (36)), χ̃2.
    r : array_like
        Distances r k_F >= 0.
    zeta : float
        Polarisation 0 < ζ < 1 (a scalar).

    Returns
    -------
    numpy.ndarray or float
        K(r); at r = 0: +inf for "h1" and "chi1" (1/r divergence, K ≈ c/(πr)
        with c from :func:`large_q_coefficient`), finite for "h2", "chi2".

    Raises
    ------
    ValueError
        Unknown kernel, r < 0, ζ ∉ (0, 1), ζ not a scalar, NaN/inf.

    Examples
    --------
    >>> import numpy as np
    >>> bool(np.isclose(real_space("chi2", 0.0, 0.5), -(2 / np.pi**2) * chi2_amplitude(0.5) * 1.5 * 0.5))
    True
    >>> float(real_space("h1", 0.0, 0.5))
    inf
    """
    kernel = check_choice(kernel, "kernel", KERNELS)
    r_arr = check_nonnegative(r, "r")
    z = check_zeta(zeta)
    if z.ndim != 0:
        raise ValueError(f"zeta must be a scalar for real_space; got an array of shape {z.shape}")
    z = float(z)
    flat = np.atleast_1d(r_arr).astype(float).ravel()
    func = {"h1": _h1_real, "h2": _h2_real, "chi1": _chi1_real, "chi2": _chi2_real}[kernel]
    out = func(flat, z).reshape(r_arr.shape)
    return _finish(out)


# --------------------------------------------------------------------------
# asymptotics
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class OscillatoryAsymptote:
    """Leading large-r form K(r) ≈ r^{-power} Σ_j [a_j cos(Q_j r) + b_j sin(Q_j r)].

    Attributes
    ----------
    kernel : str
    zeta : float
    power : int
        Decay power.
    wavevectors : tuple of float
        Q_j in units of k_F (>= 0).
    cos_amplitudes, sin_amplitudes : tuple of float
        a_j and b_j (units of k_F³ · (1/k_F)^power).
    exact : bool
        True if the form is exact for all r > 0 (only "chi2").
    """

    kernel: str
    zeta: float
    power: int
    wavevectors: tuple
    cos_amplitudes: tuple
    sin_amplitudes: tuple
    exact: bool = False

    def __call__(self, r) -> np.ndarray:
        """Evaluate the asymptotic form at r > 0."""
        r = check_positive(r, "r")
        total = np.zeros(np.shape(r))
        for q, a, b in zip(self.wavevectors, self.cos_amplitudes, self.sin_amplitudes):
            total = total + a * np.cos(q * r) + b * np.sin(q * r)
        return _finish(np.asarray(total / r**self.power))


def _merge(terms: list[tuple[float, float, float]]) -> tuple[tuple, tuple, tuple]:
    """Combine (Q, a, b) terms with equal |Q| (sin is odd, cos even in Q)."""
    merged: dict[float, list[float]] = {}
    for q, a, b in terms:
        sign = -1.0 if q < 0 else 1.0
        key = round(abs(q), 13)
        slot = merged.setdefault(key, [0.0, 0.0])
        slot[0] += a
        slot[1] += sign * b
    keys = sorted(merged)
    return (
        tuple(float(k) for k in keys),
        tuple(merged[k][0] for k in keys),
        tuple(merged[k][1] for k in keys),
    )


def asymptotic_form(kernel: str, zeta) -> OscillatoryAsymptote:
    """Leading large-r oscillation of the real-space kernels: wave-vectors and decay.

    * "h1": r⁻³, only 2k_F = k_F+ + k_F- (the k_F+ - k_F- terms of the two
      bands cancel): H̃1(r) ≈ -3(1-ζ²) cos(2k_F r)/[4π(3+ζ²) r³]
      (→ -cos(2k_F r)/(4π r³), the Lindhard/RKKY tail, as ζ → 0).
    * "chi1": r⁻², k_F+ - k_F- = 2ζk_F and k_F+ + k_F-:
      χ̃1(r) ≈ ζ[sin(2ζ r) + ζ sin(2r)]/[2π(3+ζ²) r²].
    * "chi2": r⁻², exact: -ζ²[cos(2ζ r) - cos(2r)]/[4π(1+3ζ²) r²].
    * "h2": r⁻³, wave-vectors |κ₁ ∓ k_F+| with κ₁ = √(2k_F+² - k_F-²), plus
      |κ₂ ∓ k_F-|, κ₂ = √(2k_F-² - k_F+²), when ζ < 3 - 2√2 (the edges of the
      support of (33)); the k_F+ ± k_F- terms cancel.

    Derived from the end-point expansion of the k-shell integrals behind
    :func:`real_space` (notebooks 02, 03); the relative error is O(1/r)
    (checked in ``tests/test_response.py::test_asymptotic_forms``).

    Examples
    --------
    >>> form = asymptotic_form("chi1", 0.25)
    >>> form.power, form.wavevectors
    (2, (0.5, 2.0))
    """
    kernel = check_choice(kernel, "kernel", KERNELS)
    z = check_zeta(zeta)
    if z.ndim != 0:
        raise ValueError(f"zeta must be a scalar; got an array of shape {z.shape}")
    z = float(z)
    kp, km = (float(k) for k in fermi_wavevectors(z))
    delta = float(exchange_splitting(z))
    edge_lo, edge_hi = kp - km, kp + km  # the Stoner window edges 2ζk_F, 2k_F
    if kernel == "h1":
        amp = -3.0 * kp * km / (4.0 * np.pi * (3.0 + z * z))
        return OscillatoryAsymptote(kernel, z, 3, (edge_hi,), (amp,), (0.0,))
    if kernel == "chi1":
        c = z / (2.0 * np.pi * (3.0 + z * z))
        return OscillatoryAsymptote(kernel, z, 2, (edge_lo, edge_hi), (0.0, 0.0), (c, c * z))
    if kernel == "chi2":
        c = float(chi2_amplitude(z)) / np.pi**2
        return OscillatoryAsymptote(
            kernel, z, 2, (edge_lo, edge_hi), (-c, c), (0.0, 0.0), exact=True
        )
    # h2: H2 ≈ Δ/(8π³ r³) [F_-(k_+) - F_+(k_lo)],
    # F(k) = -(kκ/2)[sin(|κ-k| r)/|κ-k| + sin((k+κ) r)/(k+κ)]
    pref = delta / (8.0 * np.pi**3)
    terms = []
    kap1 = np.sqrt(2 * kp * kp - km * km)
    terms.append((kap1 - kp, 0.0, -pref * kp * kap1 / 2 / abs(kap1 - kp)))
    terms.append((kap1 + kp, 0.0, -pref * kp * kap1 / 2 / (kap1 + kp)))
    if 2 * km * km > kp * kp:
        kap2 = np.sqrt(2 * km * km - kp * kp)
        terms.append((km - kap2, 0.0, pref * km * kap2 / 2 / (km - kap2)))
        terms.append((km + kap2, 0.0, pref * km * kap2 / 2 / (km + kap2)))
    q, a, b = _merge(terms)
    return OscillatoryAsymptote(kernel, z, 3, q, a, b)
