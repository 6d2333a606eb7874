"""Topological charge, topological density and the vortex-number tensor, eqs. (61)-(65).

For a field of unit vectors m(x) (the paper's spin direction e_s = S/S) in
a film in the xy-plane, the topological (skyrmion) charge, the paper's
n_v of eq. (65) with S → 1, is

    Q = (1/4π) ∫ m·(∂_x m × ∂_y m) dx dy,

and in three dimensions the vortex-number tensor of eq. (63) is

    Φ_ij = (1/4π) ∫ m·(∂_i m × ∂_j m) d³x,

antisymmetric, with the dimension of a length; for a film of thickness d
that is uniform along z, Φ_xy = n_v d = Q d and Φ_xz = Φ_yz = 0 (eq. 64).
In angles, by eq. (61), m·(∂_i m × ∂_j m) = sin θ (∂_iθ ∂_jφ - ∂_jθ ∂_iφ).

Sign conventions
----------------
* Orientation: the (x, y) plane is oriented by x → y (axis 0 → axis 1 of the
  ``ij`` grid), so a plaquette is traversed (i, j) → (i+1, j) → (i+1, j+1)
  → (i, j+1).
* For a radially symmetric texture θ(r), φ = m ϕ + γ (winding m, helicity
  γ, see :mod:`spinlib.textures`), Q = (m/2) [cos θ(0) - cos θ(∞)]:

  - skyrmion, core polarity p = cos θ(0), far field -p e_z:  Q = p m.
    The common skyrmion (core down in an up background, m = 1) has Q = -1.
  - vortex, far field in-plane:  Q = p m / 2 (the "p·(winding)/2 rule");
    the helicity γ (Néel/Bloch, the chirality of eq. 92) does not enter.

* Q is odd under m → -m (time reversal) and under a mirror of the spin
  space, even under a global spin rotation.

Methods
-------
``"lattice"`` (Berg & Lüscher, Nucl. Phys. B 190, 412 (1981)): each
plaquette is split into the triangles (n1, n2, n3) and (n1, n3, n4) along
its (i, j)-(i+1, j+1) diagonal, and each triangle contributes its signed
spherical solid angle Ω, tan(Ω/2) = n1·(n2 × n3) / (1 + n1·n2 + n2·n3 + n3·n1),
so Q_lat = Σ Ω / 4π.  The sum equals the solid angle enclosed by the image
of the boundary (geodesic polygon), modulo 4π: if the boundary is uniform,
Q_lat is an integer to rounding error at *any* resolution (on a grid too
coarse for the texture it may be the wrong integer); if the boundary spins
all lie in the xy-plane and wind once, it is a half-integer.  No spacing is
needed.

``"finite_difference"``: the density m·(∂_x m × ∂_y m)/4π with
second-order finite differences (:func:`spinlib.textures.field_gradient`),
integrated with the trapezoidal rule over the grid's extent
[x_0, x_{N-1}] × [y_0, y_{N-1}].  The error is O(h²) for a smooth texture
(tested: the error ratio on halving h is 4 within 10 %).

Units: lengths in units of the grid ``spacing`` (1/k_F in spinlib); Q is
dimensionless, the density has units 1/[spacing]², Φ_ij units of [spacing].
"""

from __future__ import annotations

import numpy as np

from ._validation import as_finite_array, check_choice, check_positive, check_spacing, check_unit_vectors
from .textures import field_gradient, grid_integral

__all__ = [
    "triangle_solid_angle",
    "plaquette_charges",
    "topological_density",
    "topological_density_from_angles",
    "topological_charge",
    "vortex_number_tensor",
    "boundary_winding_number",
    "belavin_polyakov_charge_in_square",
]

_METHODS = ["lattice", "finite_difference"]


def _check_field2d(m, name: str = "m", min_points: int = 2) -> np.ndarray:
    m = check_unit_vectors(m, name, ndim=2)
    if min(m.shape[:2]) < min_points:
        raise ValueError(
            f"{name} needs at least {min_points} points along x and y; got shape {m.shape}"
        )
    return m


def triangle_solid_angle(n1, n2, n3) -> np.ndarray:
    """Signed solid angle Ω of the spherical triangle (n1, n2, n3), in (-2π, 2π).

    tan(Ω/2) = n1·(n2 × n3) / (1 + n1·n2 + n2·n3 + n3·n1)
    (Van Oosterom & Strackee, IEEE Trans. Biomed. Eng. 30, 125 (1983)),
    positive when n1 → n2 → n3 turns counter-clockwise seen from outside.

    Parameters
    ----------
    n1, n2, n3 : array_like, shape (..., 3)
        Unit vectors (|n| = 1 within 1e-9).

    Returns
    -------
    numpy.ndarray, shape (...)

    Raises
    ------
    ValueError
        If the solid angle is undefined (numerator and denominator both
        vanish, e.g. two antiparallel corners): the texture is not resolved
        by the grid.

    Examples
    --------
    The octant spanned by e_x, e_y, e_z is 1/8 of the sphere:

    >>> float(triangle_solid_angle([1, 0, 0], [0, 1, 0], [0, 0, 1]) / (4 * np.pi))
    0.125
    """
    n1 = check_unit_vectors(n1, "n1")
    n2 = check_unit_vectors(n2, "n2")
    n3 = check_unit_vectors(n3, "n3")
    return _solid_angle(n1, n2, n3)


def _solid_angle(n1, n2, n3) -> np.ndarray:
    num = np.einsum("...k,...k->...", n1, np.cross(n2, n3))
    den = (
        1.0
        + np.einsum("...k,...k->...", n1, n2)
        + np.einsum("...k,...k->...", n2, n3)
        + np.einsum("...k,...k->...", n3, n1)
    )
    undefined = (np.abs(num) < 1e-14) & (den < 1e-14)
    if np.any(undefined):
        raise ValueError(
            "the spherical solid angle of a grid triangle is undefined (neighbouring spins "
            "are antiparallel): refine the grid so that the texture is resolved"
        )
    return 2.0 * np.arctan2(num, den)


def plaquette_charges(m) -> np.ndarray:
    """Topological charge of each plaquette by the Berg-Lüscher construction.

    Parameters
    ----------
    m : array_like, shape (Nx, Ny, 3)
        Unit vectors on a 2D ``ij`` grid (>= 2 points per axis).

    Returns
    -------
    numpy.ndarray, shape (Nx - 1, Ny - 1)
        (Ω_1 + Ω_2)/4π of the two triangles of each plaquette (see the
        module docstring); the sum is the lattice charge.  Divide by the
        plaquette area h_x h_y for a density located at the plaquette centres.

    Examples
    --------
    >>> m = np.zeros((3, 3, 3)); m[..., 2] = 1.0
    >>> plaquette_charges(m).tolist()
    [[0.0, 0.0], [0.0, 0.0]]
    """
    m = _check_field2d(m)
    n1 = m[:-1, :-1]
    n2 = m[1:, :-1]
    n3 = m[1:, 1:]
    n4 = m[:-1, 1:]
    return (_solid_angle(n1, n2, n3) + _solid_angle(n1, n3, n4)) / (4.0 * np.pi)


def _triple_density(grad_i: np.ndarray, grad_j: np.ndarray, m: np.ndarray) -> np.ndarray:
    """m·(∂_i m × ∂_j m) / 4π pointwise; the one place this density is formed."""
    return np.einsum("...k,...k->...", m, np.cross(grad_i, grad_j)) / (4.0 * np.pi)


def topological_density(m, spacing) -> np.ndarray:
    """Topological (skyrmion/vortex) density q = m·(∂_x m × ∂_y m)/4π, eq. (65).

    The integrand of eq. (65) (with S = 1) by second-order finite
    differences; its integral over the plane is Q.

    Parameters
    ----------
    m : array_like, shape (Nx, Ny, 3)
        Unit vectors on a 2D ``ij`` grid, >= 3 points per axis.
    spacing : float or (float, float)
        Grid spacing(s) > 0.

    Returns
    -------
    numpy.ndarray, shape (Nx, Ny)
        q at the grid points, in units of 1/[spacing]².

    See Also
    --------
    topological_density_from_angles : the same density from θ, φ (eq. 61).
    plaquette_charges : the lattice version.
    """
    m = _check_field2d(m, min_points=3)
    grad = field_gradient(m, spacing)
    return _triple_density(grad[0], grad[1], m)


def topological_density_from_angles(theta, dtheta, dphi) -> np.ndarray:
    """Topological density from the angles (eq. 61), q = sin θ (∂_xθ ∂_yφ - ∂_yθ ∂_xφ)/4π.

    Eq. (61), ∂_i S × ∂_j S = e_s S² sin θ (∂_iθ ∂_jφ - ∂_jθ ∂_iφ), dotted
    with e_s: an independent continuum expression of the density of
    :func:`topological_density` when the derivatives of θ and φ are known
    analytically (the identity (61) is proved with sympy in
    ``tests/test_topology.py``).

    Parameters
    ----------
    theta : array_like
        Polar angle, any shape.
    dtheta, dphi : pair of array_like
        (∂_xθ, ∂_yθ) and (∂_xφ, ∂_yφ), each of the shape of ``theta``.
        φ's derivatives are those of a continuous azimuth (no 2π jumps);
        at a vortex core, where ∂φ diverges, evaluate off the core.

    Returns
    -------
    numpy.ndarray
        q, in units of 1/[length]².

    Examples
    --------
    >>> float(topological_density_from_angles(np.pi / 2, (1.0, 0.0), (0.0, 2.0)) * 4 * np.pi)
    2.0
    """
    theta = as_finite_array(theta, "theta")
    dtx, dty = (as_finite_array(d, "dtheta") for d in dtheta)
    dpx, dpy = (as_finite_array(d, "dphi") for d in dphi)
    try:
        np.broadcast_shapes(theta.shape, dtx.shape, dty.shape, dpx.shape, dpy.shape)
    except ValueError as exc:
        raise ValueError(
            "theta, dtheta and dphi must have broadcast-compatible shapes; got "
            f"{theta.shape}, {dtx.shape}/{dty.shape}, {dpx.shape}/{dpy.shape}"
        ) from exc
    return np.sin(theta) * (dtx * dpy - dty * dpx) / (4.0 * np.pi)


def topological_charge(m, spacing=None, method: str = "lattice") -> float:
    """Topological charge Q = (1/4π) ∫ m·(∂_x m × ∂_y m) dx dy, eq. (65).

    The paper's n_v of eq. (65) (with S = 1) for a film; see the module
    docstring for the sign conventions (Q = p m for a skyrmion of core
    polarity p and winding m, Q = p m/2 for a vortex).

    Parameters
    ----------
    m : array_like, shape (Nx, Ny, 3)
        Unit vectors (|m| = 1 within 1e-9) on a 2D ``ij`` grid.
    spacing : float or (float, float), optional
        Grid spacing(s) > 0; required by ``"finite_difference"``, checked
        but not needed by ``"lattice"`` (Q is scale invariant).
    method : {"lattice", "finite_difference"}
        ``"lattice"``: Berg-Lüscher solid angles (>= 2 points per axis); an
        integer to rounding error when the boundary is uniform.
        ``"finite_difference"``: trapezoidal integral of
        :func:`topological_density` (>= 3 points per axis), error O(h²).

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``m`` is not a finite field of unit vectors of shape (Nx, Ny, 3),
        ``method`` is unknown, ``spacing`` is missing for
        ``"finite_difference"`` or not positive, or (lattice) neighbouring
        spins are antiparallel.

    Examples
    --------
    A Néel skyrmion (core down, m = 1) on a 61 x 61 grid:

    >>> from spinlib.textures import make_grid, skyrmion_angles, unit_vectors
    >>> X, Y = make_grid((61, 61), 0.5)
    >>> m = unit_vectors(*skyrmion_angles(X, Y, radius=3.0, wall_width=1.0))
    >>> round(topological_charge(m), 6)
    -1.0
    """
    check_choice(method, "method", _METHODS)
    if method == "lattice":
        if spacing is not None:
            check_spacing(spacing, 2)
        return float(plaquette_charges(m).sum())
    if spacing is None:
        raise ValueError("spacing must be given (> 0) for method='finite_difference'")
    h = check_spacing(spacing, 2)
    return grid_integral(topological_density(m, h), h)


def vortex_number_tensor(m, spacing, method: str = "lattice") -> np.ndarray:
    """Vortex-number tensor Φ_ij = (1/4π) ∫ m·(∂_i m × ∂_j m) d³x of eq. (63).

    For a film uniform along z, Φ_xy = n_v d (eq. 64) with n_v the charge
    of eq. (65) and d = (Nz - 1) h_z the film's extent on the grid.

    Parameters
    ----------
    m : array_like, shape (Nx, Ny, Nz, 3)
        Unit vectors on a 3D ``ij`` grid.
    spacing : float or (float, float, float)
        Grid spacing(s) > 0.
    method : {"lattice", "finite_difference"}
        ``"lattice"``: for each pair (i, j), the Berg-Lüscher charge of every
        (i, j)-layer, integrated over the third axis with the trapezoidal
        rule (>= 2 points per axis).  ``"finite_difference"``: the density
        m·(∂_i m × ∂_j m)/4π by second-order differences, trapezoidal rule
        over the volume (>= 3 points per axis).  Both integrate over the grid's
        extent, so a uniform layer direction of thickness d = (N - 1) h
        contributes d.

    Returns
    -------
    numpy.ndarray, shape (3, 3)
        Antisymmetric Φ_ij, in units of [spacing].

    Examples
    --------
    A skyrmion (Q = -1) in a film of extent d = 2 along z:

    >>> from spinlib.textures import make_grid, skyrmion_angles, unit_vectors
    >>> X, Y, Z = make_grid((61, 61, 3), (0.5, 0.5, 1.0))
    >>> m = unit_vectors(*skyrmion_angles(X, Y, radius=3.0, wall_width=1.0))
    >>> np.round(vortex_number_tensor(m, (0.5, 0.5, 1.0)), 6) + 0.0
    array([[ 0., -2.,  0.],
           [ 2.,  0.,  0.],
           [ 0.,  0.,  0.]])
    """
    check_choice(method, "method", _METHODS)
    m = check_unit_vectors(m, "m", ndim=3)
    h = check_spacing(spacing, 3)
    need = 2 if method == "lattice" else 3
    if min(m.shape[:3]) < need:
        raise ValueError(
            f"m needs at least {need} points along every axis for method={method!r}; "
            f"got shape {m.shape}"
        )
    phi = np.zeros((3, 3))
    if method == "lattice":
        for i, j in ((0, 1), (0, 2), (1, 2)):
            k = 3 - i - j
            layers = np.moveaxis(m, (i, j, k), (0, 1, 2))  # (Ni, Nj, Nk, 3)
            charges = np.array(
                [plaquette_charges(layers[:, :, s]).sum() for s in range(layers.shape[2])]
            )
            phi[i, j] = grid_integral(charges, h[k])
    else:
        grad = field_gradient(m, h)
        for i, j in ((0, 1), (0, 2), (1, 2)):
            phi[i, j] = grid_integral(_triple_density(grad[i], grad[j], m), h)
    return phi - phi.T


def boundary_winding_number(m) -> float:
    """Winding number of the in-plane spin direction around the grid boundary.

    The boundary is traversed counter-clockwise (x → y orientation) and the
    in-plane angle atan2(m_y, m_x) is unwrapped between neighbours (each step
    taken in (-π, π]); the total turn over 2π.  For a vortex of winding m
    (:mod:`spinlib.textures`) it returns m, and the charge is
    Q = p m / 2 with p the core polarity.

    Parameters
    ----------
    m : array_like, shape (Nx, Ny, 3)
        Unit vectors; on the boundary the in-plane part must not vanish
        (|m_xy| > 1e-6).

    Returns
    -------
    float
        An integer up to rounding (returned as float so that an
        under-resolved boundary shows up as a non-integer).

    Examples
    --------
    >>> from spinlib.textures import make_grid, vortex_ansatz_angles, unit_vectors
    >>> X, Y = make_grid((21, 21), 0.5)
    >>> round(boundary_winding_number(unit_vectors(*vortex_ansatz_angles(X, Y, 2.0))), 12)
    1.0
    """
    m = _check_field2d(m)
    loop = np.concatenate(
        [m[:, 0], m[-1, 1:], m[-2::-1, -1], m[0, -2:0:-1]], axis=0
    )  # counter-clockwise, each corner once
    inplane = np.hypot(loop[:, 0], loop[:, 1])
    if inplane.min() <= 1e-6:
        raise ValueError(
            "m must have a non-vanishing in-plane part (|m_xy| > 1e-6) on the boundary "
            "to define a winding number"
        )
    angle = np.arctan2(loop[:, 1], loop[:, 0])
    step = np.diff(np.append(angle, angle[0]))
    step = (step + np.pi) % (2 * np.pi) - np.pi
    return float(step.sum() / (2 * np.pi))


def belavin_polyakov_charge_in_square(scale, half_side, winding: int = 1, polarity: int = -1):
    """Charge of a Belavin-Polyakov skyrmion (|m| = 1) inside the square [-L, L]².

    Q_□ = p m (4/π) s arctan(s),  s = L / √(L² + λ²).

    Derivation: for |m| = 1 the density is q = p m λ² / (π (r² + λ²)²)
    (sign as in :mod:`spinlib.topology`), i.e. 4π|q| = Ω² is the conformal
    factor of the inverse stereographic projection, Ω = 2λ/(r² + λ²).  The
    charge in a region is the spherical area of its image over 4π; by
    Gauss-Bonnet for a region bounded by straight segments
    (geodesic curvature k_g ds = ∂_ν ln Ω ds, ν the outer normal) with four
    right-angle corners (exterior angles summing to 2π, angles being kept by
    the conformal map):
    area = -∮ ∂_ν ln Ω ds = 4 ∫_{-L}^{L} 2L dy/(L² + λ² + y²)
    = 16 s arctan(s).  Limits: Q_□ → p m as L → ∞ and
    Q_□ → p m 4L²/(πλ²) (density × area) as L → 0.  Checked against a
    two-dimensional quadrature of the density in ``tests/test_topology.py``.

    Parameters
    ----------
    scale : float
        λ > 0.
    half_side : float
        L > 0.
    winding : {+1, -1}
    polarity : {+1, -1}
        Core direction (default -1, core down).

    Returns
    -------
    float or numpy.ndarray

    Examples
    --------
    >>> round(float(belavin_polyakov_charge_in_square(1.0, 1e6)), 9)
    -1.0
    """
    lam = check_positive(scale, "scale")
    L = check_positive(half_side, "half_side")
    if winding not in (1, -1) or isinstance(winding, bool):
        raise ValueError(
            f"winding must be +1 or -1 (the closed form is for |m| = 1); got {winding!r}"
        )
    if polarity not in (1, -1) or isinstance(polarity, bool):
        raise ValueError(f"polarity must be +1 or -1; got {polarity!r}")
    s = L / np.sqrt(L**2 + lam**2)
    out = polarity * winding * 4.0 / np.pi * s * np.arctan(s)
    return float(out) if np.ndim(out) == 0 else out
