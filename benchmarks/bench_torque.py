"""Benchmark: the non-local torque of spinlib.torque by FFT convolution.

1. A 256 x 256 skyrmion texture (k_F w = 2, ζ = 0.5, a current along x): the
   full torque (gauge field, four kernels, FFTs, frames), first call (kernels
   sampled on the padded q-grid and cached) and repeated calls; printed in
   seconds and as a ratio to a reference computed in the same run, one
   ``numpy.gradient`` pass over the same field.  Target: < 1 s.
2. The same discrete operator evaluated directly in real space, O(N²): the
   real-space lag kernels are the inverse FFTs of the sampled q-kernels on the
   padded grid, and every output point sums over every input point.  Both
   routes compute the same numbers (agreement to rounding, printed); the time
   ratio direct/FFT grows like N²/(N log N).

Run ``python benchmarks/bench_torque.py``.
"""

from __future__ import annotations

import time
import timeit

import numpy as np

from spinlib import torque as tq
from spinlib.electron_gas import exchange_splitting, spin_density_s, total_density
from spinlib.textures import make_grid, skyrmion_angles

ZETA = 0.5
VELOCITY = np.array([1.0, 0.0, 0.0])


def _best(func, number: int = 1, repeat: int = 3) -> float:
    return min(timeit.repeat(func, number=number, repeat=repeat)) / number


def texture(n: int, h: float = 0.25):
    X, Y = make_grid((n, n), h)
    width = n * h / 32
    return skyrmion_angles(X, Y, radius=3 * width, wall_width=width, polarity=1), h


def direct_current_torque(angles, h):
    """τ^(1) (χ1 + χ2 parts, exact tensor) by an explicit O(N²) real-space sum."""
    tex = tq.prepare_texture(angles, h)
    pad = (2.0, 2.0)
    spec = tq._spectral(tex.shape, tex.spacing, pad, ZETA)
    q1, q2 = spec.qhat
    k_t, k_l, k_2 = spec.kernel("chiT"), spec.kernel("chiL"), spec.kernel("chi2")
    # real-space lag kernels of the same discrete operator (periodic over the padded box)
    to_real = lambda k: np.fft.irfftn(k, s=spec.padded, axes=(0, 1))
    kern = {
        "T": to_real(k_t),
        "L11": to_real((k_l - k_t) * q1 * q1),
        "L12": to_real((k_l - k_t) * q1 * q2),
        "L22": to_real((k_l - k_t) * q2 * q2),
        "211": to_real(3 * k_2 * q1 * q1),
        "212": to_real(3 * k_2 * q1 * q2),
        "222": to_real(3 * k_2 * q2 * q2),
    }
    nx, ny = tex.shape
    mx, my = spec.padded
    ix, iy = np.meshgrid(np.arange(nx), np.arange(ny), indexing="ij")
    ix, iy = ix.ravel(), iy.ravel()
    lag = ((ix[:, None] - ix[None, :]) % mx, (iy[:, None] - iy[None, :]) % my)
    mats = {name: k[lag] for name, k in kern.items()}  # (N², N²) each
    a = tex.A.reshape(2, 2, -1)  # (direction j, spin a, points)
    v = VELOCITY
    c1 = np.empty((2, nx * ny))
    c2 = np.empty((2, nx * ny))
    for comp in range(2):
        va = v[0] * a[0, comp] + v[1] * a[1, comp]
        c1[comp] = mats["T"] @ va + v[0] * (mats["L11"] @ a[0, comp] + mats["L12"] @ a[1, comp]) + v[1] * (
            mats["L12"] @ a[0, comp] + mats["L22"] @ a[1, comp]
        )
        c2[comp] = v[0] * (mats["211"] @ a[0, comp] + mats["212"] @ a[1, comp]) + v[1] * (
            mats["212"] @ a[0, comp] + mats["222"] @ a[1, comp]
        )
    c1 = c1.reshape(2, nx, ny)
    c2 = c2.reshape(2, nx, ny)
    delta, s, n = exchange_splitting(ZETA), spin_density_s(ZETA), total_density(ZETA)
    p1, a1 = tex.project(c1)
    p2, a2 = tex.project(c2)
    s_par = -(2 * s / delta) * p1 - (2 * n / delta) * a2
    s_perp = -(2 * s / delta) * a1 + (2 * n / delta) * p2
    return tq.torque_from_rotated_density(s_par, s_perp, tex, ZETA)


def main() -> None:
    angles, h = texture(256)
    field = np.stack(angles, axis=-1)
    ref = _best(lambda: np.gradient(field, h, h, axis=(0, 1), edge_order=2), number=5)
    tq._spectral.cache_clear()
    t0 = time.perf_counter()
    tq.torque(angles, h, ZETA, velocity=VELOCITY)
    first = time.perf_counter() - t0
    cached = _best(lambda: tq.torque(angles, h, ZETA, velocity=VELOCITY))
    print("256 x 256 skyrmion, full torque (padding 2 -> 512 x 512 FFTs)")
    print(f"  first call (kernels sampled): {first:7.3f} s   ({first / ref:8.1f} x np.gradient)")
    print(f"  repeated call:                {cached:7.3f} s   ({cached / ref:8.1f} x np.gradient)")
    print(f"  under 1 s: {first < 1.0 and cached < 1.0}")
    print()
    print(f"{'N':>4} {'t_FFT [s]':>10} {'t_direct [s]':>13} {'direct/FFT':>11} {'max |diff|/max|tau|':>20}")
    for n in (16, 24, 32, 40):
        angles, h = texture(n, 0.25)
        t_fft = _best(lambda a=angles, h=h: tq.torque(a, h, ZETA, velocity=VELOCITY), repeat=3)
        t_dir = _best(lambda a=angles, h=h: direct_current_torque(a, h), repeat=1)
        res = tq.torque(angles, h, ZETA, velocity=VELOCITY)
        current = res.parts["chi1"] + res.parts["chi2"]
        diff = np.abs(direct_current_torque(angles, h) - current).max() / np.abs(current).max()
        print(f"{n:4d} {t_fft:10.4f} {t_dir:13.4f} {t_dir / t_fft:11.1f} {diff:20.1e}")


if __name__ == "__main__":
    main()
