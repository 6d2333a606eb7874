"""Benchmark: exact scattering through 1000 tanh walls (spinlib.scattering).

Times ``tanh_wall(zeta, widths)`` for 1000 wall widths (one vectorised call,
fourth-order commutator-free Magnus with step doubling to 1e-10) and compares
it with ``scipy.integrate.solve_ivp`` (DOP853) integrating the *same* lab-frame
transfer-matrix equation y' = [[0, 1], [-2(E + Δ n·σ), 0]] y over the same
truncated wall, at equal accuracy (solve_ivp's error within a factor 2 of the
Magnus error).  solve_ivp is timed on 4 widths and its time per wall scaled
to 1000 walls.  Both are scored against a reference computed in this run on
50 of the widths (Magnus with 16 times more steps than the step control
chose at 1e-10; fourth order, so ~16⁴ times more accurate).

Run:  python benchmarks/bench_scattering.py
"""

from __future__ import annotations

import time

import numpy as np
from scipy.integrate import solve_ivp

from spinlib import scattering as sc
from spinlib.electron_gas import exchange_splitting, fermi_energy, fermi_wavevectors
from spinlib.gauge import PAULI

ZETA = 0.4
N_WALLS = 1000
WIDTHS = np.linspace(0.1, 10.0, N_WALLS)  # k_F λ
REFERENCE = np.arange(0, N_WALLS, 20)  # 50 walls scored against the reference
SUBSAMPLE = REFERENCE[[0, 16, 33, 49]]  # 4 of them also run with solve_ivp
RTOLS = (1e-9, 1e-10, 1e-11, 1e-12, 1e-13, 3e-14)
#: "equal accuracy": solve_ivp's error at most this factor above the Magnus error
ACCURACY_FACTOR = 2.0


def best_of(func, repeat=3):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = func()
        times.append(time.perf_counter() - t0)
    return min(times), out


def solve_ivp_probabilities(width: float, rtol: float) -> np.ndarray:
    """|S|² of one wall from the transfer matrix integrated by solve_ivp (DOP853)."""
    prof = sc.tanh_profile(width)  # Bloch wall: n = (0, sech(x/λ), -tanh(x/λ))
    energy = float(fermi_energy(ZETA))
    delta = float(exchange_splitting(ZETA))
    k_const = 2.0 * energy * np.eye(2)
    k_y, k_z = 2.0 * delta * PAULI[1], 2.0 * delta * PAULI[2]

    def rhs(x, y):  # lean right-hand side: closed-form n(x), no validation
        u = x / width
        k = k_const + (1.0 / np.cosh(u)) * k_y - np.tanh(u) * k_z
        phi = y.reshape(4, 4)
        return np.concatenate([phi[2:], -k @ phi[:2]]).ravel()

    sol = solve_ivp(
        rhs, (prof.x_left, prof.x_right), np.eye(4, dtype=complex).ravel(),
        method="DOP853", rtol=rtol, atol=rtol,
    )
    phi_lab = sol.y[:, -1].reshape(4, 4)
    kp, km = fermi_wavevectors(ZETA)
    th, ph = prof.angles(np.array([prof.x_left, prof.x_right]))
    w_left = sc._mode_matrix(sc._u_matrix(th[0], ph[0]), kp, km)
    w_right = sc._mode_matrix(sc._u_matrix(th[1], ph[1]), kp, km)
    return np.abs(sc._smatrix_from_transfer(phi_lab, w_left, w_right)) ** 2


def main() -> None:
    sc.tanh_wall(ZETA, WIDTHS[:4])  # warm-up (imports, caches)
    print(f"spinlib.scattering.tanh_wall, zeta = {ZETA}, {N_WALLS} widths k_F*lambda in "
          f"[{WIDTHS[0]:g}, {WIDTHS[-1]:g}]; solve_ivp timed on {SUBSAMPLE.size} of them")
    ivp_cache: dict[float, tuple[float, float]] = {}

    def ivp(rtol, ref):
        if rtol not in ivp_cache:
            t0 = time.perf_counter()
            p_ivp = np.array([solve_ivp_probabilities(w, rtol) for w in WIDTHS[SUBSAMPLE]])
            t_per_wall = (time.perf_counter() - t0) / SUBSAMPLE.size
            ivp_cache[rtol] = (t_per_wall, np.abs(p_ivp - ref[sub_in_ref]).max())
        return ivp_cache[rtol]

    sub_in_ref = np.searchsorted(REFERENCE, SUBSAMPLE)
    ref = None
    for tol in (1e-8, 1e-10):
        t_magnus, res = best_of(lambda: sc.tanh_wall(ZETA, WIDTHS, tol=tol))
        if ref is None:  # reference: 16x the steps of the tighter run below
            fine = sc.tanh_wall(ZETA, WIDTHS[REFERENCE], tol=1e-10)
            ref = sc.tanh_wall(ZETA, WIDTHS[REFERENCE], n_steps=16 * fine.n_steps).probabilities
        err = np.abs(res.probabilities[REFERENCE] - ref).max()
        print(f"\nMagnus CF4, step control tol={tol:.0e} ({res.n_steps} steps): "
              f"{t_magnus:.3f} s for {N_WALLS} walls ({'<' if t_magnus < 1 else '>='} 1 s); "
              f"max |P - P_ref| = {err:.1e} (estimate {res.error_estimate.max():.1e}), "
              f"max|S^+S - 1| = {res.unitarity_error:.1e}")
        chosen = None
        for rtol in RTOLS:
            t_wall, err_ivp = ivp(rtol, ref)
            print(f"  solve_ivp DOP853 rtol=atol={rtol:.0e}: {t_wall:.3f} s/wall, "
                  f"max |P - P_ref| = {err_ivp:.1e}")
            chosen = (rtol, t_wall, err_ivp)
            if err_ivp <= ACCURACY_FACTOR * max(err, 1e-13):
                break
        else:
            print("  (solve_ivp did not reach this accuracy; its tightest rtol is used)")
        rtol, t_wall, err_ivp = chosen
        total = t_wall * N_WALLS
        print(f"  equal accuracy: solve_ivp {total:.1f} s (rtol {rtol:.0e}, error {err_ivp:.1e}) "
              f"vs Magnus {t_magnus:.3f} s (error {err:.1e}): ratio {total / t_magnus:.0f}x")


if __name__ == "__main__":
    main()
