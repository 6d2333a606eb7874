"""Spin textures on grids: domain walls, vortices, skyrmions.

A texture is given either by its angles (θ, φ) of the local spin direction
e_s = (sin θ cos φ, sin θ sin φ, cos θ), arrays of the grid's shape, or by
the unit-vector field e_s itself, an array of shape (*grid, 3).  Grids are
indexed ``ij``: axis 0 = x, axis 1 = y, axis 2 = z.

Units: lengths in units of 1/k_F (any unit works, as long as widths and
coordinates share it).
"""

from __future__ import annotations

import numpy as np

from ._validation import as_finite_array, check_choice, check_positive, check_same_shape
from .gauge import spin_frame

__all__ = ["domain_wall_angles", "vortex_ansatz_angles", "unit_vectors"]


def domain_wall_angles(x, width, center: float = 0.0, kind: str = "bloch"):
    """Angles of a tanh domain wall, θ = 2 arctan exp((x - x0)/λ).

    cos θ = -tanh((x - x0)/λ): the spin turns from +z (x → -∞) to -z
    (x → +∞), with ∂_xθ = 1/(λ cosh((x - x0)/λ)).

    Parameters
    ----------
    x : array_like
        Coordinate along the wall normal (any shape; e.g. the x-array of a
        2D/3D ``ij`` grid to embed the wall in higher dimensions).
    width : float
        Wall width λ (> 0).
    center : float
        Wall position x0.
    kind : {"bloch", "neel"}
        ``"bloch"``: the spin turns in the yz-plane (φ = π/2, perpendicular
        to the normal x); ``"neel"``: in the xz-plane (φ = 0).

    Returns
    -------
    theta, phi : numpy.ndarray
        Arrays of the shape of ``x``.
    """
    x = as_finite_array(x, "x")
    width = float(check_positive(width, "width"))
    center = float(as_finite_array(center, "center"))
    check_choice(kind, "kind", ["bloch", "neel"])
    theta = 2.0 * np.arctan(np.exp((x - center) / width))
    phi = np.full_like(x, np.pi / 2 if kind == "bloch" else 0.0)
    return theta, phi


def vortex_ansatz_angles(x, y, core_radius, polarity: int = 1, chirality: int = 1):
    """The paper's vortex ansatz, eq. (92).

    φ = atan2(y, x) + c π/2 and, for polarity p = +1,

        θ(r) = π (1 - exp(-r²/λ_v²)) / (2 (1 - e⁻¹))   for r <= λ_v,
        θ(r) = π/2                                     for r > λ_v,

    (the printed (92) writes tan⁻¹(y/x), which is only defined up to π: the
    azimuth must be the four-quadrant atan2 for the in-plane spins to curl).
    For p = -1 the core points down: θ → π - θ.  Note that θ(r) is
    continuous at r = λ_v but its slope jumps from π/((e - 1)λ_v) to 0.

    Parameters
    ----------
    x, y : array_like
        Coordinates (same shape), e.g. from ``np.meshgrid(..., indexing="ij")``.
    core_radius : float
        λ_v > 0.
    polarity : {+1, -1}
        Core magnetisation along ±z.
    chirality : {+1, -1}
        Sense of the in-plane curl (counter-clockwise for +1).

    Returns
    -------
    theta, phi : numpy.ndarray
    """
    x = as_finite_array(x, "x")
    y = as_finite_array(y, "y")
    check_same_shape(x=x, y=y)
    lam = float(check_positive(core_radius, "core_radius"))
    if polarity not in (1, -1):
        raise ValueError(f"polarity must be +1 or -1; got {polarity!r}")
    if chirality not in (1, -1):
        raise ValueError(f"chirality must be +1 or -1; got {chirality!r}")
    r = np.hypot(x, y)
    inside = np.pi * (1.0 - np.exp(-(r**2) / lam**2)) / (2.0 * (1.0 - np.exp(-1.0)))
    theta = np.where(r <= lam, inside, np.pi / 2)
    if polarity == -1:
        theta = np.pi - theta
    phi = np.arctan2(y, x) + chirality * np.pi / 2
    return theta, phi


def unit_vectors(theta, phi) -> np.ndarray:
    """The spin direction e_s(θ, φ) as a field of unit vectors, shape (*grid, 3)."""
    theta = as_finite_array(theta, "theta")
    phi = as_finite_array(phi, "phi")
    check_same_shape(theta=theta, phi=phi)
    return spin_frame(theta, phi)[0]
