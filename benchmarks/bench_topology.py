"""Benchmark: topological charge by the lattice (Berg-Lüscher) and the
finite-difference methods, and the Thiele dissipation tensor.

Times are printed as ratios to a reference computed in the same run, one
``numpy.gradient`` pass over the same field (so the numbers mean something on
any machine), together with the accuracy reached: the skyrmion used has
Q = -1 in the infinite plane; on the square [-12, 12]² its far field is still
tilted by ~2e-4 rad, which gives the lattice result its 5e-9 boundary defect.  Run ``python benchmarks/bench_topology.py``.
"""

from __future__ import annotations

import timeit

import numpy as np

from spinlib.textures import make_grid, skyrmion_angles, unit_vectors
from spinlib.thiele import dissipation_tensor
from spinlib.topology import topological_charge


def _best(stmt, number: int = 3, repeat: int = 5) -> float:
    return min(timeit.repeat(stmt, number=number, repeat=repeat)) / number


def main() -> None:
    print(f"{'N':>6} {'lattice/ref':>12} {'fd/ref':>9} {'D_ij/ref':>9} {'|Q_lat+1|':>11} {'|Q_fd+1|':>10}")
    for n in (128, 256, 512):
        h = 24.0 / (n - 1)
        X, Y = make_grid((n, n), h)
        m = unit_vectors(*skyrmion_angles(X, Y, 3.0, 1.0))
        ref = _best(lambda: np.gradient(m, h, h, axis=(0, 1), edge_order=2))
        t_lat = _best(lambda: topological_charge(m))
        t_fd = _best(lambda: topological_charge(m, h, "finite_difference"))
        t_d = _best(lambda: dissipation_tensor(m, h))
        q_lat = topological_charge(m)
        q_fd = topological_charge(m, h, "finite_difference")
        print(
            f"{n:6d} {t_lat / ref:12.2f} {t_fd / ref:9.2f} {t_d / ref:9.2f} "
            f"{abs(q_lat + 1):11.1e} {abs(q_fd + 1):10.1e}"
        )


if __name__ == "__main__":
    main()
