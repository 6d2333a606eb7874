"""Direct numerical k-integrals behind the response kernels, eqs. (21), (31), (35).

These evaluators are the *independent* computations against which the closed
forms of :mod:`spinlib.response` are tested: each integrates the defining
k-sum numerically (``scipy.integrate.quad``), reducing the 3D integral only
by symmetries that are obviously safe (rotation about q; a δ-function
integrated against a variable it fixes), and in a different order from the
analytic derivation.  They are slow (milliseconds per point) and take
scalars; ``h1_ksum`` and ``chi1_ksum`` refuse q̃ = ζ and q̃ = 1 exactly
(there the numerical k-sum is ill-defined, e.g. ∞ - ∞ between the bands; the
closed forms give the limits).

Units and conventions
---------------------
ħ = m = k_F = 1, k_F± = 1 ± ζ, Δ = ζ, ε_{kσ} = k²/2 - ε_F - σΔ, q = 2q̃;
(1/V) Σ_k → ∫ d³k/(2π)³, μ = cos∠(k, q).  T = 0 (f_{kσ} = θ(k_σ - |k|)) and
the clean limit, where i(g^r_kσ - g^a_kσ) → 2π δ(ε_kσ).

Prescriptions (decided here, documented in notebooks 02, 03)
------------------------------------------------------------
* "P" in (31) and "the residue contribution from 1/(ε_{k+q} - ε_k ± 2Δ) is
  neglected" after (35) both mean the **Cauchy principal value** of that
  denominator: for (35) the neglected residue is exactly the on-shell
  ∓iπ δ(ε_{k+q} - ε_k ± 2Δ) piece, which is the χ2 term.  Principal values
  are computed with QUADPACK's Cauchy-weight routine (pole inside the
  interval) or by subtracting the pole (pole just outside it).
* δ(ε_kσ) fixes |k| = k_σ (density of states ν_σ = k_σ/2π²); the angular
  δ(kqμ + c) of (31) is integrated over μ exactly (1/kq inside the shell);
  the angular δ of χ2 is, for an independent check, replaced by a normalised
  Gaussian of small width and integrated numerically.

Exact references at q = 0 (no linear response, no Green functions)
------------------------------------------------------------------
The *prefactors* of (30) and (34) cannot be fixed by a k-sum of the same
linear-response expression; they are fixed here by exactly solvable q = 0
problems, used by ``tests/test_response_physics.py`` and notebooks 02, 03:

* :func:`rotating_frame_spin_exact` - the ground state of the two-band gas
  in a uniformly rotating frame (constant A_0), exact in A_0;
* :func:`precessing_spin_exact` - the co-rotating electron spin of a
  uniformly precessing local spin, exact in the precession frequency;
* :func:`twisted_texture_spin_boltzmann` - the Boltzmann (clean-limit,
  spin-independent τ) spin density of a uniformly twisted texture (constant
  A_i) in an electric field, with exact 2x2 eigenstates on a Gauss product
  quadrature of the Fermi spheres.
"""

from __future__ import annotations

import numpy as np
from scipy import integrate

from ._validation import (
    as_finite_array,
    check_choice,
    check_in_range,
    check_nonnegative,
    check_positive,
    check_zeta,
)
from .electron_gas import (
    densities_of_states,
    exchange_splitting,
    fermi_energy,
    fermi_wavevectors,
    spin_density_s,
)
from .gauge import PAULI

__all__ = [
    "h1_ksum",
    "h2_ksum",
    "chi1_ksum",
    "chi2_ksum",
    "eq21_static_ksum",
    "real_space_quad",
    "rotating_frame_spin_exact",
    "precessing_spin_exact",
    "twisted_texture_spin_boltzmann",
]


_EPSABS = 1e-14
_EPSREL = 1e-12


def _scalars(q_tilde, zeta) -> tuple[float, float]:
    q = check_nonnegative(q_tilde, "q_tilde")
    z = check_zeta(zeta)
    if q.ndim or z.ndim:
        raise ValueError("q_tilde and zeta must be scalars for the k-sum evaluators")
    return float(q), float(z)


def _quad(f, a, b, points=None, **kw):
    pts = None
    if points:
        pts = sorted({p for p in points if a < p < b})
        pts = pts or None
    kw.setdefault("epsabs", _EPSABS)
    kw.setdefault("epsrel", _EPSREL)
    kw.setdefault("limit", 500)
    return integrate.quad(f, a, b, points=pts, **kw)[0]


def _approach_points(special: float, a: float, b: float) -> list[float]:
    """Break points accumulating geometrically at ``special`` (or at the end of
    [a, b] nearest to it, if it lies just outside): resolves logarithmic
    singularities on or next to the interval."""
    target = min(max(special, a), b)
    pts = [special]
    for j in range(1, 13):
        pts += [target - 10.0**-j, target + 10.0**-j]
    return [p for p in pts if a < p < b]


def _pv_over(f, a: float, b: float, pole: float, **tol) -> float:
    """P ∫_a^b f(x)/(x - pole) dx for a smooth f.

    * pole inside (a, b): QUADPACK's Cauchy-weight routine QAWC;
    * pole on an end point: the integral diverges logarithmically, ±inf
      (unless f vanishes there);
    * pole outside but within b - a of the interval (the integrand is nearly
      singular at the near end): subtraction of the pole,
      ∫ [f(x) - f(p)]/(x - p) dx + f(p) ln|(b - p)/(a - p)|, whose first
      integrand is smooth and free of cancellation since |x - p| > 0;
    * pole farther away: direct integration.
    """
    tol.setdefault("epsabs", _EPSABS)
    tol.setdefault("epsrel", _EPSREL)
    if a < pole < b:
        return integrate.quad(f, a, b, weight="cauchy", wvar=pole, limit=500, **tol)[0]
    if pole in (a, b):
        fp = f(pole)
        if fp == 0.0:  # removable: the integrand stays bounded
            return _quad(lambda x: f(x) / (x - pole), a, b, **tol)
        return float(np.sign(fp) * (np.inf if pole == a else -np.inf))
    length = b - a
    if not a - length < pole < b + length:
        return _quad(lambda x: f(x) / (x - pole), a, b, **tol)
    fp = f(pole)
    log = np.log(abs((b - pole) / (a - pole)))
    return _quad(lambda x: (f(x) - fp) / (x - pole), a, b, **tol) + fp * log


def _reject_singular(qt: float, z: float) -> None:
    if qt == z or qt == 1.0:
        raise ValueError(
            f"q_tilde must not equal zeta or 1 (the kinks/singularities of the k-sum, "
            f"where its numerical evaluation is ill-defined); got q_tilde={qt!r}, zeta={z!r}"
        )


def _spin_density_s(z: float) -> float:
    return z * (3 + z * z) / (6 * np.pi**2)


def h1_ksum(q_tilde, zeta) -> float:
    """H1(q)/s from the principal-value k-sum (31), by 2D quadrature.

    H1 = Δ Σ_σ ∫_{|k|<k_σ} d³k/(2π)³ P 1/(2σΔ + kqμ + q²/2).  Order: μ
    outside, the radial k-integral inside as a principal value in k (the
    closed form (32) was derived the other way round).

    Examples
    --------
    >>> round(h1_ksum(0.5, 0.3), 10)
    0.9161815042
    """
    qt, z = _scalars(q_tilde, zeta)
    _reject_singular(qt, z)
    if qt == 0.0:
        return 1.0  # H1(0) = Δ Σ_σ n_σ/(2σΔ) = s exactly; the integrand is 1/(2σΔ)
    q = 2 * qt
    delta = z
    total = 0.0
    for sigma in (1.0, -1.0):
        ks = 1 + sigma * z
        c = q * q / 2 + 2 * sigma * delta

        def inner(mu, ks=ks, c=c):
            if mu == 0.0:
                return ks**3 / (3 * c)
            # ∫_0^{k_s} k² dk / (q μ k + c) = (1/qμ) P∫ k²/(k - k0), k0 = -c/(qμ)
            value = _pv_over(lambda k: k * k, 0.0, ks, -c / (q * mu)) / (q * mu)
            # a node exactly on the (integrable) log singularity μ = μ* counts 0
            return value if np.isfinite(value) else 0.0

        mu_star = -c / (q * ks)  # where the pole reaches k = k_s: log singularity
        total += _quad(inner, -1.0, 1.0, points=_approach_points(mu_star, -1.0, 1.0) + [0.0])
    h1 = delta * total * 2 * np.pi / (2 * np.pi) ** 3
    return float(h1 / _spin_density_s(z))


def h2_ksum(q_tilde, zeta) -> float:
    """H2(q)/k_F³ from the δ-function k-sum (31), as printed.

    H2 = Δ (π/2) Σ_s ∫ d³k/(2π)³ θ(k_- < |k| < k_+) δ(2sΔ + kqμ + q²/2); the
    μ-integral of the δ-function gives θ(kq - |c_s|)/(kq), the k-integral is
    done numerically from the raw condition (not from the case analysis
    behind the closed form).

    Examples
    --------
    >>> h2_ksum(0.05, 0.5)
    0.0
    """
    qt, z = _scalars(q_tilde, zeta)
    if qt == 0.0:
        return 0.0
    q = 2 * qt
    delta = z
    total = 0.0
    for s in (1.0, -1.0):
        c = q * q / 2 + 2 * s * delta

        def integrand(k, c=c):
            return k * k / (k * q) if abs(c) < k * q else 0.0

        total += _quad(integrand, 1 - z, 1 + z, points=[abs(c) / q])
    return float(delta * (np.pi / 2) * total * 2 * np.pi / (2 * np.pi) ** 3)


def chi1_ksum(q_tilde, zeta, component: str = "trace") -> float:
    """χ1(q)/[(eτ/2m)(n₊-n₋)] from the clean-limit k-sum (35).

    χ1 = (eτΔ/6πm²) Σ_σ ∫ d³k/(2π)³ 2π δ(ε_kσ) k·(k+q/2) P/(kqμ + c_σ),
    c_σ = q²/2 + 2σΔ (``component="trace"``).  Before the reduction of (B.3)
    the k-sum is a tensor: ``"longitudinal"`` uses k_∥(k+q/2)_∥ = kμ(kμ+q/2)
    and ``"transverse"`` k_⊥² = k²(1-μ²)/2 (azimuthal average), both
    normalised so that they tend to 1 at q → 0; trace = (L + 2T)/3.

    Examples
    --------
    >>> round(chi1_ksum(0.5, 0.3), 10)
    0.7568681653
    """
    qt, z = _scalars(q_tilde, zeta)
    component = check_choice(component, "component", ("trace", "longitudinal", "transverse"))
    _reject_singular(qt, z)
    weight = {"trace": 1.0 / 3.0, "longitudinal": 1.0, "transverse": 1.0}[component]
    if qt == 0.0:
        return 1.0  # all vertices reduce to k_σ²/3 over 2σΔ: the normalisation itself
    q = 2 * qt
    delta = z
    t = 0.0
    for sigma in (1.0, -1.0):
        k = 1 + sigma * z
        c = q * q / 2 + 2 * sigma * delta
        nu = k / (2 * np.pi**2)
        vertex = {
            "trace": lambda mu, k=k: k * k + k * q * mu / 2,
            "longitudinal": lambda mu, k=k: k * mu * (k * mu + q / 2),
            "transverse": lambda mu, k=k: k * k * (1 - mu * mu) / 2,
        }[component]
        # P ∫ dμ V(μ)/(kqμ + c) = (1/kq) P ∫ V(μ)/(μ - μ0)
        # χ_L falls off as 1/q̃⁴ through cancellation of O(1) parts of its
        # integrand: at large q̃ only an absolute accuracy ~1e-13 is requested
        tol = {"epsabs": 1e-13} if component == "longitudinal" else {}
        angular = _pv_over(vertex, -1.0, 1.0, -c / (k * q), **tol) / (k * q)
        t += nu * angular / 2  # ∫ d³k/(2π)³ δ(ε_kσ) F = ν_σ (1/2) ∫ dμ F
    # χ1 = (eτΔ/6π)·2π·t = eτΔ t/3, normalised by (eτ/2)(n₊-n₋) = eτ s (m = 1);
    # the tensor components carry no 1/3 (it belongs to the trace)
    return float(weight * delta * t / _spin_density_s(z))


def chi2_ksum(q_tilde, zeta, width: float = 1e-3) -> float:
    """χ2(q)/(σ₀/e) from the clean-limit k-sum (35) with a smeared spin-flip δ.

    χ2 = (eτΔ/6πm²) Σ_σ (σπ/2) ∫ d³k/(2π)³ q·(k+q/2) δ(kqμ + c_σ) 2π δ(ε_kσ).
    δ(ε_kσ) fixes |k| = k_σ; the angular δ is replaced by a normalised
    Gaussian of standard deviation ``width`` (energy, units k_F²/m) and
    integrated numerically over μ.  Away from the window edges (by more than
    ~10 widths in the argument kq ± c) the smearing error is below 1e-20.

    Examples
    --------
    >>> round(chi2_ksum(0.7, 0.5), 10)   # -(π/4)(ζ²/(1+3ζ²))/q̃
    -0.1602853395
    """
    qt, z = _scalars(q_tilde, zeta)
    width = float(check_positive(width, "width"))
    if qt == 0.0:
        return 0.0
    q = 2 * qt
    delta = z
    total = 0.0
    norm = 1.0 / (np.sqrt(2 * np.pi) * width)
    for sigma in (1.0, -1.0):
        k = 1 + sigma * z
        c = q * q / 2 + 2 * sigma * delta
        nu = k / (2 * np.pi**2)

        def integrand(mu, k=k, c=c):
            x = k * q * mu + c
            return (k * q * mu + q * q / 2) * norm * np.exp(-0.5 * (x / width) ** 2)

        mu0 = -c / (k * q)
        halo = 12 * width / (k * q)
        pts = [mu0 - halo, mu0, mu0 + halo]
        angular = _quad(integrand, -1.0, 1.0, points=pts)
        total += sigma * (np.pi / 2) * 2 * np.pi * nu * angular / 2
    n = ((1 + z) ** 3 + (1 - z) ** 3) / (6 * np.pi**2)
    # χ2 = (eτΔ/6π) total; σ₀/e = e n τ (m = 1)
    return float(delta * total / (6 * np.pi * n))


def eq21_static_ksum(q_tilde, zeta, vertex: str = "time") -> float:
    """Real part of the k-sum of eq. (21) for s̃^+, *before* any shift of k.

    Σ_k J(k) (f_{k+q/2,+} - f_{k-q/2,-}) / (ε_{k+q/2,+} - ε_{k-q/2,-})  per
    volume, with J = 1 (``vertex="time"``, the A_0 term the paper keeps) or
    J = k·q̂ (``vertex="space"``, the k_i/m vertex of A_i projected on q̂,
    which the paper drops).  The denominator is k·q - 2Δ; where it vanishes
    the numerator vanishes too (f depends on energy only), so no principal
    value is needed.  In cylindrical coordinates about q the transverse
    integral of each Fermi function is an area π max(0, k_σ² - (k_z ± q/2)²);
    the remaining k_z-integral is done numerically.  The corresponding
    imaginary part, -π Σ (f_a - f_b) δ(ε_a - ε_b), vanishes identically.

    Returns
    -------
    float
        In units of k_F (per unit gauge field).  Closed forms (tests):
        time → -s H̃1(q̃)/Δ;  space → s (1 - H̃1(q̃))/q̃.

    Examples
    --------
    At q = 0 the time vertex gives (n₊ - n₋)/(ε₊ - ε₋) = -s/Δ:

    >>> s = 0.3 * (3 + 0.09) / (6 * np.pi**2)
    >>> round(eq21_static_ksum(0.0, 0.3, "time") * 0.3 / s, 12)
    -1.0
    """
    qt, z = _scalars(q_tilde, zeta)
    vertex = check_choice(vertex, "vertex", ("time", "space"))
    kp, km = 1 + z, 1 - z
    delta = z
    if qt == 0.0:
        if vertex == "space":
            return 0.0
        return (kp**3 - km**3) / (6 * np.pi**2) / (-2 * delta)  # (n₊ - n₋)/(ε₊ - ε₋)
    q = 2 * qt

    def integrand(kz):
        a = kp * kp - (kz + q / 2) ** 2
        b = km * km - (kz - q / 2) ** 2
        j = 1.0 if vertex == "time" else kz
        if a > 0 and b > 0:
            # a - b = 4Δ - 2 k_z q exactly: the removable 0/0 on the plane
            # k·q = 2Δ, taken without round-off
            return -2.0 * j * np.pi
        den = kz * q - 2 * delta
        if den == 0.0:
            return 0.0  # a = b there, so at most one point of a bounded integrand
        return j * np.pi * (max(a, 0.0) - max(b, 0.0)) / den

    lo, hi = min(-q / 2 - kp, q / 2 - km), max(-q / 2 + kp, q / 2 + km)
    pts = [-q / 2 - kp, -q / 2 + kp, q / 2 - km, q / 2 + km, 2 * delta / q]
    # the space vertex integrates to O(q) through cancellation of O(1) parts:
    # ask for absolute accuracy only (relative accuracy is unattainable)
    tol = {"epsabs": 1e-12, "epsrel": 1e-10} if vertex == "space" else {}
    return float(_quad(integrand, lo, hi, points=pts, **tol) / (2 * np.pi) ** 3)


def _kernel_breakpoints(kernel: str, z: float) -> list[float]:
    """Points q̃ where the q-space kernel is not smooth."""
    pts = {0.0, z, 1.0}
    if kernel == "h2":
        # edges of the pieces of (33): roots of q̃² ∓ k q̃ ± ζ = 0, k = 1 ± ζ
        for k in (1 + z, 1 - z):
            for s in (1.0, -1.0):
                disc = k * k - 4 * s * z
                if disc >= 0:
                    for root in ((k + np.sqrt(disc)) / 2, (k - np.sqrt(disc)) / 2,
                                 (-k + np.sqrt(disc)) / 2):
                        if root > 0:
                            pts.add(float(root))
    return sorted(pts)


def real_space_quad(kernel: str, r, zeta, *, q_split: float = 40.0, epsrel: float = 1e-12) -> float:
    """K(r) by direct adaptive quadrature of the radial Fourier integral.

    K(r) = (1/2π²r) ∫_0^∞ q sin(qr) K̃(q/2) dq  (q, r in units of k_F, 1/k_F),
    with K̃ the closed forms of :mod:`spinlib.response`.  The slowly decaying
    1/q̃² tail of H̃1, χ̃1 is removed first as c/(q̃² + 1) (transform
    c e^{-2r}/(πr)); [0, q_split] is integrated piecewise between the
    kernel's kinks (QAGP), the remainder with the Fourier-integral routine
    QAWF.  This is the reference for :func:`spinlib.response.real_space`
    (tests, benchmark); it costs ~0.01-1 s per r.  ``epsrel`` is passed to
    every quadrature (the achieved accuracy is ~1e-10 relative for the
    default, limited by the QAWF tail).

    Examples
    --------
    >>> from spinlib.response import real_space
    >>> bool(abs(real_space_quad("chi2", 2.0, 0.4) / real_space("chi2", 2.0, 0.4) - 1) < 1e-10)
    True
    """
    from . import response

    func = {
        "h1": response.h1_tilde,
        "h2": response.h2_tilde,
        "chi1": response.chi1_tilde,
        "chi2": response.chi2_tilde,
    }[check_choice(kernel, "kernel", response.KERNELS)]
    r = float(check_positive(r, "r"))
    _, z = _scalars(0.0, zeta)
    c = float(response.large_q_coefficient(kernel, z))

    def body(q):
        qt = q / 2
        value = float(func(qt, z))
        if not np.isfinite(value):
            return 0.0  # a node rounded onto a log singularity of χ̃1: one point
        return q * (value - c / (qt * qt + 1.0))

    # the QAWF tail needs the first cycles (length 2π/r) to see the decayed
    # integrand: start it after >= 20 cycles
    q_split = max(q_split, min(40 * np.pi / r, 1e4))
    breaks = [2 * p for p in _kernel_breakpoints(kernel, z)]
    edges = sorted({b for b in breaks if b < q_split} | {0.0, q_split})
    total = 0.0
    for a, b in zip(edges[:-1], edges[1:]):
        # ends (where the kernel may have a kink, a jump or, for χ̃1, a log
        # singularity): Gauss-Kronrod with a geometric sub-division towards
        # the end point (plain QAGP fails near the logs at ~1e-5);
        # interior: Clenshaw-Curtis with the sine weight (QAWO), which stays
        # cheap for many oscillations
        d = min(0.05, (b - a) / 4)
        for lo, hi, end in ((a, a + d, a), (b - d, b, b)):
            pts = None
            if kernel == "chi1":
                sign = 1 if end == lo else -1
                pts = [end + sign * (hi - lo) * 10.0**-j for j in range(1, 11)]
            total += integrate.quad(
                lambda q: body(q) * np.sin(q * r),
                lo,
                hi,
                points=pts,
                limit=400,
                epsabs=1e-15,
                epsrel=epsrel,
            )[0]
        total += integrate.quad(
            body, a + d, b - d, weight="sin", wvar=r, limit=1000, epsabs=1e-15, epsrel=epsrel
        )[0]
    if c != 0.0:
        total += integrate.quad(
            body, q_split, np.inf, weight="sin", wvar=r, limlst=400, epsabs=1e-16
        )[0]
    return float(total / (2 * np.pi**2 * r) + c * np.exp(-2 * r) / (np.pi * r))


def rotating_frame_spin_exact(zeta, a0) -> float:
    """Transverse spin density of the two-band gas in a uniformly rotating frame, exactly.

    At q = 0 the rotated electrons of eq. (12) see H = k²/2 - Δσ_z + a σ_x
    (a = A_0^x constant, H' = +A_0·σ).  Its bands are k²/2 ∓ b with
    b = √(Δ² + a²) and spins ±(Δẑ - a x̂)/b; at the chemical potential ε_F of
    the unperturbed gas the densities are n_low/up = [2(ε_F ± b)]^{3/2}/6π²,
    so (Pauli normalisation, eq. 5)

        s̃_x = -(n_low - n_up) a/b,

    exact in a (no linear response).  Linear response (30) must reproduce
    it to O(a³): s̃_x = (P₀/Δ) s H̃1(0) a, which fixes P₀ = -2.

    Parameters
    ----------
    zeta : float
        0 < ζ < 1.
    a0 : float
        A_0^x (units k_F²/m), |a0| < (1 - ζ²)/2 so that both bands stay
        occupied.

    Returns
    -------
    float
        s̃_x in units of k_F³.

    Examples
    --------
    To first order s̃_x = -2 s a/Δ (s = (n₊ - n₋)/2):

    >>> s = 0.4 * (3 + 0.16) / (6 * np.pi**2)
    >>> round(rotating_frame_spin_exact(0.4, 1e-6) / (-2 * s * 1e-6 / 0.4), 9)
    1.0
    """
    z = float(check_zeta(zeta))
    eps_f = float(fermi_energy(z))
    delta = float(exchange_splitting(z))
    limit = float(np.sqrt(eps_f**2 - delta**2))  # = (1 - ζ²)/2: b < ε_F
    a = float(check_in_range(a0, "a0", -limit, limit, low_open=True, high_open=True))
    b = float(np.hypot(delta, a))
    n_low = (2 * (eps_f + b)) ** 1.5 / (6 * np.pi**2)
    n_up = (2 * (eps_f - b)) ** 1.5 / (6 * np.pi**2)
    return float(-(n_low - n_up) * a / b)


def precessing_spin_exact(zeta, theta, phi, omega) -> np.ndarray:
    """Electron spin density co-rotating with a uniformly precessing local spin, exactly.

    e_s = (sinθ cos φ, sinθ sin φ, cosθ) precesses at ω about z (φ = φ₀ + ωt).
    The spin of the uniform gas, s_e = ⟨c†σc⟩ with |s_e| = n₊ - n₋ = 2s,
    obeys ∂_t s_e = 2Δ s_e × e_s (H = -Δ e_s·σ, eq. 3; no spin current in a
    uniform state).  In the frame rotating with e_s it precesses about
    2Δ e_s + ω ẑ, so the steady state is

        s_e = 2s (2Δ e_s + ω ẑ)/|2Δ e_s + ω ẑ|,

    exact in ω.  Linear response (30) must reproduce s_e - 2s e_s to O(ω²).

    Parameters
    ----------
    zeta : float
        0 < ζ < 1.
    theta, phi : float
        Angles of e_s at the instant considered.
    omega : float
        Precession frequency (units k_F²/m), any sign.

    Returns
    -------
    numpy.ndarray, shape (3,)
        s_e in units of k_F³ (lab frame).

    Examples
    --------
    >>> s_e = precessing_spin_exact(0.4, 1.1, 0.4, 0.0)
    >>> bool(np.isclose(np.linalg.norm(s_e), 0.4 * (3 + 0.16) / (3 * np.pi**2)))
    True
    """
    z = float(check_zeta(zeta))
    th = float(as_finite_array(theta, "theta"))
    ph = float(as_finite_array(phi, "phi"))
    w = float(as_finite_array(omega, "omega"))
    delta = float(exchange_splitting(z))
    e_s = np.array([np.sin(th) * np.cos(ph), np.sin(th) * np.sin(ph), np.cos(th)])
    field = 2 * delta * e_s + np.array([0.0, 0.0, w])
    return 2 * float(spin_density_s(z)) * field / np.linalg.norm(field)


def _sphere_quadrature(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Gauss-Legendre in μ = cos θ times the trapezoidal rule in φ (2n points).

    Unit vectors of shape (n, 2n, 3) and weights (n, 2n) normalised to
    Σ w = 1: exact for polynomials of degree <= 2n - 1 on the unit sphere."""
    mu, w_mu = np.polynomial.legendre.leggauss(n)
    phi = 2 * np.pi * np.arange(2 * n) / (2 * n)
    mu, phi = np.meshgrid(mu, phi, indexing="ij")
    weights = np.repeat(w_mu[:, None], 2 * n, axis=1) / 2 / (2 * n)
    st = np.sqrt(1 - mu**2)
    return np.stack([st * np.cos(phi), st * np.sin(phi), mu], axis=-1), weights


def twisted_texture_spin_boltzmann(
    zeta, gauge_field, *, charge: float = -1.0, tau: float = 1.0, efield: float = 1.0, nodes: int = 24
) -> np.ndarray:
    """Rotated-frame spin density of a uniformly twisted texture in a field E ∥ x (Boltzmann).

    At q = 0 the gauge field of a uniformly twisted texture is constant,
    A_x = (a_x, a_y, 0), and the rotated electrons have the exactly
    diagonalisable H_k = k²/2 - Δσ_z + k_x (a_x σ_x + a_y σ_y) (the k_i/m
    vertex of eq. 12).  A field E along x shifts the Fermi seas (clean limit,
    spin-independent τ, carriers of signed charge e, e < 0 for electrons as
    in eq. 24): δf_n = e τ E·v_n δ(E_n), and

        s̃ = Σ_n ∫ d³k/(2π)³ δf_n ⟨σ⟩_n
          = Σ_n ν_n ⟨e τ E k_x ⟨σ⟩_n⟩_{Fermi sphere n},

    with the exact 2x2 eigenstates (Pauli matrices of :mod:`spinlib.gauge`)
    and the Fermi spheres of the unperturbed bands (the shift of the spheres
    by the gauge field is of second order).  No Green function and no expansion beyond the final
    linearity in A: linear response (34) must give s̃_∥ = (P₁/Δ) E χ1(0) a_x,
    s̃_⊥ = (P₁/Δ) E χ1(0) a_y (φ = 0), χ1(0) = (eτ/2m)(n₊ - n₋).

    Parameters
    ----------
    zeta : float
        0 < ζ < 1.
    gauge_field : array_like, shape (2,)
        (A_x^x, A_x^y); small (|A| <~ 1e-6 for O(A²) effects below 1e-12).
    charge, tau, efield : float
        e (signed), τ > 0, E_x.
    nodes : int
        Gauss-Legendre nodes in cos θ on each sphere (>= 2); the first-order
        integrand is a polynomial of low degree, integrated exactly.

    Returns
    -------
    numpy.ndarray, shape (3,)
        s̃ (x, y, z) in units of k_F³ (Pauli normalisation).

    Examples
    --------
    >>> s = twisted_texture_spin_boltzmann(0.4, [2e-7, 0.0])
    >>> bool(abs(s[1]) < 1e-20 and s[0] > 0)
    True
    """
    z = float(check_zeta(zeta))
    a = as_finite_array(gauge_field, "gauge_field")
    if a.shape != (2,):
        raise ValueError(f"gauge_field must be (A_x^x, A_x^y); got shape {a.shape}")
    e = float(as_finite_array(charge, "charge"))
    t = float(check_positive(tau, "tau"))
    field = float(as_finite_array(efield, "efield"))
    if isinstance(nodes, bool) or not isinstance(nodes, (int, np.integer)) or nodes < 2:
        raise ValueError(f"nodes must be an integer >= 2; got {nodes!r}")
    delta = float(exchange_splitting(z))
    dirs, weights = _sphere_quadrature(int(nodes))
    s_tilde = np.zeros(3)
    bands = zip((0, 1), fermi_wavevectors(z), densities_of_states(z))
    for band, kf, nu in bands:  # eigenvalue index 0: the lower band, majority
        k = float(kf) * dirs
        h = -delta * PAULI[2] + k[..., 0, None, None] * (a[0] * PAULI[0] + a[1] * PAULI[1])
        vec = np.linalg.eigh(h)[1][..., :, band]
        spin = np.real(np.einsum("...i,aij,...j->...a", vec.conj(), PAULI, vec))
        s_tilde += float(nu) * np.einsum("ij,ija->a", weights, (e * t * field * k[..., 0])[..., None] * spin)
    return s_tilde
