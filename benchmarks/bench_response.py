"""Benchmark: the response kernels of eqs. (31)-(39) and their real-space forms.

Prints ratios to references computed in the same run, so that the numbers
mean something on any machine:

1. closed forms H̃1, H̃2, χ̃1, χ̃_L, χ̃2 on 10⁶ random q̃-points against one
   ``np.log`` of the same array (target: within 10x of np.log per point);
2. the direct k-integrals of spinlib.ksums against the closed forms, per
   point (closed form: vectorised over 10⁶ points; the ratio is the price of
   the independent check), and their largest deviation;
3. the real-space transforms on 4096 r-points in [0, 100/k_F] (target
   < 0.5 s), and their accuracy against direct adaptive quadrature of the
   radial Fourier integral at 8 of those points (target 1e-6 relative).

Run ``python benchmarks/bench_response.py``.
"""

from __future__ import annotations

import time
import timeit

import numpy as np

from spinlib import ksums, response


def _best(stmt, number: int = 1, repeat: int = 7) -> float:
    return min(timeit.repeat(stmt, number=number, repeat=repeat)) / number


def closed_forms(zeta: float = 0.4) -> None:
    q = np.random.default_rng(0).uniform(0.0, 3.0, 10**6)
    ref = _best(lambda: np.log(q))
    print(f"1. closed forms, 10^6 random q̃ in [0, 3), ζ = {zeta}; np.log: {ref * 1e3:.2f} ms")
    print(f"   {'kernel':26s} {'time/np.log':>12s}")
    for func in (
        response.h1_tilde,
        response.h2_tilde,
        response.chi1_tilde,
        response.chi1_longitudinal_tilde,
        response.chi2_tilde,
    ):
        t = _best(lambda f=func: f(q, zeta))
        print(f"   {func.__name__:26s} {t / ref:12.1f}")


def k_integrals(zeta: float = 0.4) -> None:
    q = np.array([0.05, 0.3, 0.7, 0.95, 1.3, 3.0])
    print(f"\n2. direct k-integration (spinlib.ksums) vs closed form, {q.size} points, ζ = {zeta}")
    print(f"   {'kernel':8s} {'ksum [ms/pt]':>13s} {'ksum/closed per point':>22s} {'max |rel. dev.|':>16s}")
    big = np.random.default_rng(1).uniform(0.0, 3.0, 10**6)
    pairs = (
        ("h1", ksums.h1_ksum, response.h1_tilde),
        ("h2", ksums.h2_ksum, response.h2_tilde),
        ("chi1", ksums.chi1_ksum, response.chi1_tilde),
        ("chi2", ksums.chi2_ksum, response.chi2_tilde),
    )
    for name, ksum, closed in pairs:
        t_closed = _best(lambda c=closed: c(big, zeta), repeat=3) / big.size * q.size
        start = time.perf_counter()
        values = np.array([ksum(x, zeta) for x in q])
        t_ksum = time.perf_counter() - start
        exact = closed(q, zeta)
        dev = np.max(np.abs(values - exact) / np.maximum(np.abs(exact), 1e-300))
        print(f"   {name:8s} {t_ksum / q.size * 1e3:13.2f} {t_ksum / t_closed:22.1e} {dev:16.1e}")


def real_space(zeta: float = 0.4) -> None:
    r = np.linspace(0.0, 100.0, 4096)
    sample = r[[1, 40, 200, 555, 1200, 2047, 3000, 4095]]
    print(f"\n3. real-space kernels on 4096 r in [0, 100], ζ = {zeta} (target < 0.5 s, 1e-6)")
    print(f"   {'kernel':8s} {'time [s]':>9s} {'max |rel. err.| vs quadrature (8 r)':>37s} {'quad/point [s]':>15s}")
    for kernel in response.KERNELS:
        response.real_space(kernel, r[:8], zeta)  # warm the node cache
        t = _best(lambda k=kernel: response.real_space(k, r, zeta), repeat=3)
        fast = response.real_space(kernel, sample, zeta)
        start = time.perf_counter()
        ref = np.array([ksums.real_space_quad(kernel, x, zeta) for x in sample])
        t_quad = (time.perf_counter() - start) / sample.size
        err = np.max(np.abs(fast - ref) / np.abs(ref))
        print(f"   {kernel:8s} {t:9.3f} {err:37.1e} {t_quad:15.2f}")


def main() -> None:
    closed_forms()
    k_integrals()
    real_space()


if __name__ == "__main__":
    main()
