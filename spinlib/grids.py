"""Regular grids: coordinates, derivatives and integrals of sampled fields.

Shared helpers (layer 0) used by every module that works on a texture sampled
on a grid.  Grids are indexed ``ij`` (axis 0 = x, axis 1 = y, axis 2 = z);
vector fields have the Cartesian component on the last axis, shape
(*grid, 3).  Lengths in units of the ``spacing`` (1/k_F in spinlib).
"""

from __future__ import annotations

import numbers

import numpy as np

from ._validation import as_finite_array, check_spacing, check_unit_vectors

__all__ = ["make_grid", "field_gradient", "grid_integral"]


def make_grid(shape, spacing, center: bool = True) -> tuple[np.ndarray, ...]:
    """Coordinate arrays of a regular grid, indexed ``ij``.

    Parameters
    ----------
    shape : int or sequence of int
        Number of points per axis (1 to 3 axes, each >= 1).
    spacing : float or sequence of float
        Grid spacing per axis (> 0), one number for all axes or one per axis.
    center : bool
        If True (default) the coordinates are symmetric about 0,
        x_k = (k - (N - 1)/2) h, so the grid spans [-(N-1)h/2, (N-1)h/2];
        an odd N puts a point at the origin, an even N does not.
        If False, x_k = k h.

    Returns
    -------
    tuple of numpy.ndarray
        One full array of shape ``shape`` per axis (x, y, z), as
        ``np.meshgrid(..., indexing="ij")``.

    Examples
    --------
    >>> X, Y = make_grid((3, 2), 0.5)
    >>> X[:, 0].tolist(), Y[0].tolist()
    ([-0.5, 0.0, 0.5], [-0.25, 0.25])
    """
    shape = (shape,) if isinstance(shape, numbers.Integral) else tuple(shape)
    if not 1 <= len(shape) <= 3 or any(
        isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1 for n in shape
    ):
        raise ValueError(f"shape must be 1 to 3 positive integers; got {shape!r}")
    h = check_spacing(spacing, len(shape))
    axes = []
    for n, hk in zip(shape, h):
        k = np.arange(n, dtype=float)
        axes.append((k - (n - 1) / 2.0) * hk if center else k * hk)
    return tuple(np.meshgrid(*axes, indexing="ij"))




def field_gradient(m, spacing) -> np.ndarray:
    """Derivatives ∂_i m of a unit-vector field by second-order finite differences.

    Centred differences inside and one-sided second-order differences at
    the edges (``numpy.gradient(..., edge_order=2)``): the error is O(h²)
    for a smooth field.

    Parameters
    ----------
    m : array_like, shape (*grid, 3)
        Unit vectors (|m| = 1 within 1e-9) on a 1D-3D grid indexed ``ij``
        with >= 3 points per axis.
    spacing : float or sequence of float
        Grid spacing(s) > 0.

    Returns
    -------
    numpy.ndarray, shape (ndim, *grid, 3)
        ``out[i]`` = ∂m/∂x_i, in units of 1/[spacing].

    Examples
    --------
    An in-plane spiral m = (cos x, sin x, 0); the largest error, at the
    one-sided edges, is h²/3 max|m'''| ≈ 3.3e-3 for h = 0.1:

    >>> x = np.linspace(0, 1, 11)
    >>> m = np.stack([np.cos(x), np.sin(x), 0 * x], axis=-1)
    >>> bool(np.allclose(field_gradient(m, 0.1)[0, :, 1], np.cos(x), atol=4e-3))
    True
    """
    m = check_unit_vectors(m, "m")
    ndim = m.ndim - 1
    if not 1 <= ndim <= 3:
        raise ValueError(f"m must be a field on a 1D, 2D or 3D grid; got shape {m.shape}")
    if min(m.shape[:-1]) < 3:
        raise ValueError(f"m needs at least 3 points along every grid axis; got shape {m.shape}")
    h = check_spacing(spacing, ndim)
    grads = np.gradient(m, *h, axis=tuple(range(ndim)), edge_order=2)
    if ndim == 1:
        grads = [grads]
    return np.stack(grads, axis=0)




def grid_integral(f, spacing) -> float:
    """Trapezoidal-rule integral of samples f over the extent of their grid.

    ∫ f d^n x over [x_0, x_{N-1}] × ... with weights h/2 at the two ends of
    every axis and h inside: O(h²) in general, spectrally accurate for a
    smooth integrand that decays to zero at the edges.  A direction along
    which f is constant contributes its length (N - 1) h.

    Parameters
    ----------
    f : array_like, shape grid
        Samples on a 1D-3D ``ij`` grid, >= 2 points per axis.
    spacing : float or sequence of float
        Grid spacing(s) > 0.

    Returns
    -------
    float

    Examples
    --------
    >>> X, Y = make_grid((3, 5), (0.5, 0.25))
    >>> grid_integral(np.ones_like(X), (0.5, 0.25))
    1.0
    """
    f = as_finite_array(f, "f")
    if not 1 <= f.ndim <= 3 or min(f.shape) < 2:
        raise ValueError(
            f"f must be sampled on a 1D-3D grid with >= 2 points per axis; got shape {f.shape}"
        )
    h = check_spacing(spacing, f.ndim)
    out = f
    for hk in reversed(h):
        w = np.full(out.shape[-1], hk)
        w[0] = w[-1] = hk / 2
        out = out @ w
    return float(out)
