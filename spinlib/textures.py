"""Spin textures on grids: domain walls, vortices, skyrmions.

A texture is given either by its angles (θ, φ) of the local spin direction
e_s = (sin θ cos φ, sin θ sin φ, cos θ), arrays of the grid's shape, or by
the unit-vector field e_s itself, an array of shape (*grid, 3)
(:func:`unit_vectors`).  Grids are indexed ``ij``: axis 0 = x, axis 1 = y,
axis 2 = z (:func:`make_grid`).

Units: lengths in units of 1/k_F (any unit works, as long as widths and
coordinates share it).  Angles in radians.

Conventions for the two-dimensional textures
--------------------------------------------
Centred at (x0, y0), with r = |x - x0| and azimuth ϕ = atan2(y - y0, x - x0):

* **polarity** p = cos θ(r = 0) = ±1: the core points along +z (p = +1) or
  -z (p = -1).  For a skyrmion the far field points the other way, -p e_z;
  for a vortex it lies in the plane (θ → π/2).
* **winding** (vorticity) m ∈ Z, **helicity** γ: φ = m ϕ + γ.  For m = 1,
  γ = 0 or π is a Néel (hedgehog) texture, γ = ±π/2 a Bloch (curling) one.
  The paper's vortex chirality c = ±1 of eq. (92) is γ = c π/2.
* With these conventions the topological charge
  Q = (1/4π) ∫ e_s·(∂_x e_s × ∂_y e_s) dx dy of :mod:`spinlib.topology` is
  Q = (m/2) [cos θ(0) - cos θ(∞)], i.e. **Q = p m for a skyrmion and
  Q = p m / 2 for a vortex** (independent of γ).

Radial profiles θ(r) come with their analytic derivative dθ/dr
(``*_profile`` functions return both), for notebooks that need ∇θ.
"""

from __future__ import annotations

import numbers

import numpy as np

from ._validation import (
    as_finite_array,
    check_choice,
    check_nonnegative,
    check_positive,
    check_same_shape,
)
from .gauge import spin_frame
from .grids import field_gradient, grid_integral, make_grid  # re-exported

__all__ = [
    "make_grid",
    "domain_wall_profile",
    "domain_wall_angles",
    "domain_wall_field",
    "vortex_ansatz_profile",
    "vortex_ansatz_angles",
    "smooth_vortex_profile",
    "smooth_vortex_angles",
    "skyrmion_profile",
    "skyrmion_angles",
    "belavin_polyakov_profile",
    "belavin_polyakov_angles",
    "unit_vectors",
    "normalized",
    "field_gradient",
    "grid_integral",
]


# --------------------------------------------------------------------------
# argument checks local to textures
# --------------------------------------------------------------------------
def _check_sign(value, name: str) -> int:
    if isinstance(value, bool) or value not in (1, -1):
        raise ValueError(f"{name} must be +1 or -1; got {value!r}")
    return int(value)


def _check_winding(value, name: str = "winding") -> int:
    if (
        isinstance(value, bool)
        or not isinstance(value, numbers.Integral | np.integer)
        or int(value) == 0
    ):
        raise ValueError(f"{name} must be a non-zero integer; got {value!r}")
    return int(value)


def _check_helicity(helicity) -> float:
    if isinstance(helicity, str):
        check_choice(helicity, "helicity", ["neel", "bloch"])
        return 0.0 if helicity == "neel" else np.pi / 2
    return float(as_finite_array(helicity, "helicity"))


def _check_center(center, ndim: int = 2) -> tuple[float, ...]:
    c = as_finite_array(center, "center")
    if c.shape != (ndim,):
        raise ValueError(f"center must be a sequence of {ndim} numbers; got shape {c.shape}")
    return tuple(float(v) for v in c)


def _polar(x, y, center):
    x = as_finite_array(x, "x")
    y = as_finite_array(y, "y")
    check_same_shape(x=x, y=y)
    x0, y0 = _check_center(center)
    dx, dy = x - x0, y - y0
    return np.hypot(dx, dy), np.arctan2(dy, dx)


# --------------------------------------------------------------------------
# grid
# --------------------------------------------------------------------------
# --------------------------------------------------------------------------
# domain walls
# --------------------------------------------------------------------------
def domain_wall_profile(x, width, center: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """Tanh wall profile θ(x) = 2 arctan exp((x - x0)/λ) and dθ/dx.

    cos θ = -tanh((x - x0)/λ), sin θ = 1/cosh((x - x0)/λ) and
    dθ/dx = sin θ / λ = 1/(λ cosh((x - x0)/λ)).  Evaluated with
    exp(-|x - x0|/λ) only, which neither overflows nor loses relative
    accuracy far from the wall.

    Parameters
    ----------
    x : array_like
        Coordinate along the wall normal, any shape.
    width : float
        Wall width λ > 0.
    center : float
        Wall position x0.

    Returns
    -------
    theta, dtheta_dx : numpy.ndarray
        Arrays of the shape of ``x``.

    Examples
    --------
    >>> th, dth = domain_wall_profile([0.0, 1e4], width=2.0)
    >>> [round(float(v), 12) for v in th], float(dth[0])
    ([1.570796326795, 3.141592653590], 0.5)
    """
    x = as_finite_array(x, "x")
    width = float(check_positive(width, "width"))
    center = float(as_finite_array(center, "center"))
    t = (x - center) / width
    e = np.exp(-np.abs(t))  # <= 1: no overflow; keeps relative accuracy in the tails
    theta = np.where(t < 0, 2.0 * np.arctan(e), np.pi - 2.0 * np.arctan(e))
    return theta, 2.0 * e / (1.0 + e * e) / width


def domain_wall_angles(x, width, center: float = 0.0, kind: str = "bloch"):
    """Angles of a tanh domain wall, θ = 2 arctan exp((x - x0)/λ).

    cos θ = -tanh((x - x0)/λ): the spin turns from +z (x → -∞) to -z
    (x → +∞), with ∂_xθ = 1/(λ cosh((x - x0)/λ))
    (see :func:`domain_wall_profile`).

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

    See Also
    --------
    domain_wall_field : the unit-vector field, with the normal along x or y.
    """
    check_choice(kind, "kind", ["bloch", "neel"])
    theta, _ = domain_wall_profile(x, width, center)
    phi = np.full_like(theta, np.pi / 2 if kind == "bloch" else 0.0)
    return theta, phi


def domain_wall_field(
    grid, width, center: float = 0.0, kind: str = "bloch", axis: int = 0
) -> np.ndarray:
    """Unit-vector field of a tanh domain wall embedded in a 1D, 2D or 3D grid.

    The spin turns from +z to -z along the wall normal n̂ = grid axis
    ``axis`` (x or y), with the profile of :func:`domain_wall_profile`;
    it is uniform along the other axes.  A Bloch wall turns in the plane
    perpendicular to n̂ (φ = φ_n + π/2, φ_n the azimuth of n̂), a Néel wall in
    the plane containing n̂ and z (φ = φ_n).  For ``axis=0`` this is
    ``unit_vectors(*domain_wall_angles(grid[0], ...))``.

    Parameters
    ----------
    grid : sequence of array_like
        Coordinate arrays (x, y, ...) of equal shapes, e.g. from
        :func:`make_grid`.
    width : float
        Wall width λ > 0.
    center : float
        Wall position along the normal.
    kind : {"bloch", "neel"}
    axis : {0, 1}
        Wall normal along x (0) or y (1); 1 needs a grid of >= 2 axes.

    Returns
    -------
    numpy.ndarray, shape (*grid_shape, 3)

    Examples
    --------
    >>> X, Y = make_grid((5, 3), 1.0)
    >>> m = domain_wall_field((X, Y), width=1.0, kind="neel", axis=1)
    >>> m.shape, bool(abs(m[2, 1, 1]) == 1.0)
    ((5, 3, 3), True)
    """
    grid = [as_finite_array(g, f"grid[{k}]") for k, g in enumerate(grid)]
    if not 1 <= len(grid) <= 3:
        raise ValueError(f"grid must hold 1 to 3 coordinate arrays; got {len(grid)}")
    check_same_shape(**{f"grid[{k}]": g for k, g in enumerate(grid)})
    if axis not in (0, 1) or axis >= len(grid):
        raise ValueError(
            f"axis must be 0 (x) or 1 (y) and < the number of grid arrays {len(grid)}; "
            f"got {axis!r}"
        )
    check_choice(kind, "kind", ["bloch", "neel"])
    theta, _ = domain_wall_profile(grid[axis], width, center)
    phi_n = 0.0 if axis == 0 else np.pi / 2
    phi = np.full_like(theta, phi_n + (np.pi / 2 if kind == "bloch" else 0.0))
    return unit_vectors(theta, phi)


# --------------------------------------------------------------------------
# vortices
# --------------------------------------------------------------------------
def vortex_ansatz_profile(r, core_radius, polarity: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Radial profile θ(r) of the paper's vortex ansatz (92) and dθ/dr.

    For p = +1, θ = π (1 - exp(-r²/λ_v²)) / (2 (1 - e⁻¹)) for r <= λ_v and
    π/2 outside; for p = -1, θ → π - θ.  Inside,
    dθ/dr = p π r exp(-r²/λ_v²) / ((1 - e⁻¹) λ_v²); outside it is 0.  The
    slope jumps at r = λ_v from p π/((e - 1) λ_v) to 0; the value returned
    at r = λ_v is the inner (left) one.

    Parameters
    ----------
    r : array_like
        Distance from the core, >= 0.
    core_radius : float
        λ_v > 0.
    polarity : {+1, -1}

    Returns
    -------
    theta, dtheta_dr : numpy.ndarray
    """
    r = check_nonnegative(r, "r")
    lam = float(check_positive(core_radius, "core_radius"))
    p = _check_sign(polarity, "polarity")
    norm = 2.0 * (1.0 - np.exp(-1.0))
    gauss = np.exp(-(r**2) / lam**2)
    inside = r <= lam
    theta = np.where(inside, np.pi * (1.0 - gauss) / norm, np.pi / 2)
    dtheta = np.where(inside, 2 * np.pi * r * gauss / (norm * lam**2), 0.0)
    if p == -1:
        theta = np.pi - theta
    return theta, p * dtheta


def vortex_ansatz_angles(x, y, core_radius, polarity: int = 1, chirality: int = 1):
    """The paper's vortex ansatz, eq. (92).

    φ = atan2(y, x) + c π/2 and, for polarity p = +1,

        θ(r) = π (1 - exp(-r²/λ_v²)) / (2 (1 - e⁻¹))   for r <= λ_v,
        θ(r) = π/2                                     for r > λ_v,

    (the printed (92) writes tan⁻¹(y/x), which is only defined up to π: the
    azimuth must be the four-quadrant atan2 for the in-plane spins to curl).
    For p = -1 the core points down: θ → π - θ.  Note that θ(r) is
    continuous at r = λ_v but its slope jumps from π/((e - 1)λ_v) to 0.
    Winding m = 1, helicity γ = c π/2; the topological charge on any domain
    containing the core disc is exactly Q = p/2 (see module docstring).

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
    _check_sign(polarity, "polarity")
    c = _check_sign(chirality, "chirality")
    theta, _ = vortex_ansatz_profile(np.hypot(x, y), core_radius, polarity)
    phi = np.arctan2(y, x) + c * np.pi / 2
    return theta, phi


def smooth_vortex_profile(r, core_radius, polarity: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """A C^∞ vortex profile, cos θ(r) = p exp(-r²/λ²), and dθ/dr.

    θ → π/2 as r → ∞ (Gaussian tail), θ(0) = 0 (p = +1) or π (p = -1).
    The field e_s built from it with any integer winding is C^∞ also at the
    core, because sin θ / r is a smooth function of r².  On a disc of
    radius R the charge is Q(R) = (p m/2)(1 - exp(-R²/λ²)): it is a
    half-integer only in the limit R → ∞.

    dθ/dr = p (2 r/λ²) exp(-r²/λ²) / sin θ, with the limit p √2/λ at r = 0.

    Parameters
    ----------
    r : array_like
        Distance from the core, >= 0.
    core_radius : float
        λ > 0.
    polarity : {+1, -1}

    Returns
    -------
    theta, dtheta_dr : numpy.ndarray

    Examples
    --------
    >>> th, dth = smooth_vortex_profile([0.0, 1.0], 1.0)
    >>> round(float(th[1]), 12), round(float(dth[0]), 12)
    (1.194068818736, 1.414213562373)
    """
    r = check_nonnegative(r, "r")
    lam = float(check_positive(core_radius, "core_radius"))
    p = _check_sign(polarity, "polarity")
    rho = r / lam
    gauss = np.exp(-(rho**2))
    theta = np.arccos(p * gauss)
    sin_theta = np.sqrt(-np.expm1(-2.0 * rho**2))
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = np.where(rho > 0, rho / sin_theta, 1.0 / np.sqrt(2.0))
    dtheta = p * 2.0 * gauss * ratio / lam
    return theta, dtheta


def smooth_vortex_angles(
    x,
    y,
    core_radius,
    polarity: int = 1,
    chirality: int = 1,
    winding: int = 1,
    center=(0.0, 0.0),
):
    """Angles of a smooth vortex (or antivortex): θ of :func:`smooth_vortex_profile`.

    φ = m ϕ + c π/2 with ϕ = atan2(y - y0, x - x0).  Q → p m / 2 as the
    domain grows (see :func:`smooth_vortex_profile`).

    Parameters
    ----------
    x, y : array_like
        Coordinates (same shape).
    core_radius : float
        λ > 0.
    polarity : {+1, -1}
    chirality : {+1, -1}
        Helicity γ = c π/2 (the paper's chirality of eq. 92).
    winding : int
        m ≠ 0 (+1 vortex, -1 antivortex, ...).
    center : (float, float)

    Returns
    -------
    theta, phi : numpy.ndarray
    """
    c = _check_sign(chirality, "chirality")
    m = _check_winding(winding)
    r, azimuth = _polar(x, y, center)
    theta, _ = smooth_vortex_profile(r, core_radius, polarity)
    return theta, m * azimuth + c * np.pi / 2


# --------------------------------------------------------------------------
# skyrmions
# --------------------------------------------------------------------------
def skyrmion_profile(r, radius, wall_width, polarity: int = -1) -> tuple[np.ndarray, np.ndarray]:
    """The 360° domain-wall skyrmion profile and dθ/dr.

    For polarity p = -1 (core down, far field up)

        θ(r) = 2 arctan[sinh(R/w) / sinh(r/w)] = π - 2 arctan[sinh(r/w) / sinh(R/w)],

    θ(0) = π, θ(R) = π/2, θ → 0 as exp(-r/w); for p = +1, θ → π - θ.
    dθ/dr = p sin θ coth(r/w)/w, with the limit p 2/(w sinh(R/w)) at r = 0.
    θ - π is odd in r, so the field is C^∞ at the core for winding ±1 (for
    |m| >= 2 it is continuous but has a conical point there).

    Parameters
    ----------
    r : array_like
        Distance from the centre, >= 0.
    radius : float
        R > 0, where θ = π/2.
    wall_width : float
        w > 0.
    polarity : {+1, -1}
        Core direction ±z (default -1: core down in an up background).

    Returns
    -------
    theta, dtheta_dr : numpy.ndarray

    Examples
    --------
    >>> th, dth = skyrmion_profile([0.0, 2.0, 1e4], radius=2.0, wall_width=1.0)
    >>> [round(float(v), 12) for v in th]
    [3.14159265359, 1.570796326795, 0.0]
    """
    r = check_nonnegative(r, "r")
    big_r = float(check_positive(radius, "radius"))
    w = float(check_positive(wall_width, "wall_width"))
    p = _check_sign(polarity, "polarity")
    # t = sinh(r/w)/sinh(R/w) without overflow; the exponent is capped at 700
    # where t = inf would give the same θ = 0 (arctan(e^700) = π/2 exactly).
    s = r / w
    s_big = big_r / w
    expo = np.minimum(s - s_big, 700.0)
    t = np.exp(expo) * (-np.expm1(-2.0 * s)) / (-np.expm1(-2.0 * s_big))
    theta_down = np.pi - 2.0 * np.arctan(t)
    # sin θ coth(r/w) = 2 t/(1 + t²) coth(s); small-s limit 2/sinh(R/w)
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        coth = 1.0 / np.tanh(s)
        sin_theta = 2.0 * t / (1.0 + t * t)
        slope = np.where(s > 0, sin_theta * coth, 2.0 / np.sinh(s_big))
    slope = np.where(np.isfinite(slope), slope, 0.0)  # far tail: t = e^700
    theta = theta_down if p == -1 else np.pi - theta_down
    return theta, p * slope / w


def skyrmion_angles(
    x,
    y,
    radius,
    wall_width,
    winding: int = 1,
    helicity=0.0,
    polarity: int = -1,
    center=(0.0, 0.0),
):
    """Angles of a skyrmion with the 360° domain-wall profile.

    θ from :func:`skyrmion_profile`, φ = m ϕ + γ.  Néel: γ = 0 or π
    (``helicity="neel"`` is γ = 0); Bloch: γ = ±π/2 (``"bloch"`` is +π/2).
    Topological charge Q = p m (in the limit of a large domain; the far
    field deviates from ∓z by ~ 4 sinh(R/w) exp(-r/w)).

    Parameters
    ----------
    x, y : array_like
        Coordinates (same shape).
    radius, wall_width : float
        R > 0 and w > 0 of the profile.
    winding : int
        m ≠ 0 (-1: antiskyrmion).
    helicity : float or {"neel", "bloch"}
        γ in radians.
    polarity : {+1, -1}
        Core direction (default -1, core down).
    center : (float, float)

    Returns
    -------
    theta, phi : numpy.ndarray
    """
    m = _check_winding(winding)
    gamma = _check_helicity(helicity)
    r, azimuth = _polar(x, y, center)
    theta, _ = skyrmion_profile(r, radius, wall_width, polarity)
    return theta, m * azimuth + gamma


def belavin_polyakov_profile(
    r, scale, winding: int = 1, polarity: int = -1
) -> tuple[np.ndarray, np.ndarray]:
    """Belavin-Polyakov profile θ(r) = 2 arctan((λ/r)^|m|) and dθ/dr.

    The exact minimum-energy solution of the pure exchange model in the
    sector of winding m (tan(θ/2) e^{iφ} is a holomorphic or antiholomorphic
    function of x + iy).  For p = -1 (default) θ(0) = π, θ → 0 as
    2 (λ/r)^|m|; for p = +1, θ → π - θ.  cos θ = (r^2|m| - λ^2|m|)/(r^2|m| + λ^2|m|)
    for p = -1.  dθ/dr = 2 p |m| λ^|m| r^(|m|-1) / (r^2|m| + λ^2|m|).

    Parameters
    ----------
    r : array_like
        >= 0.
    scale : float
        λ > 0 (θ(λ) = π/2).
    winding : int
        m ≠ 0; only |m| enters the profile.
    polarity : {+1, -1}

    Returns
    -------
    theta, dtheta_dr : numpy.ndarray

    Examples
    --------
    >>> th, dth = belavin_polyakov_profile([0.0, 1.0], scale=1.0)
    >>> float(th[0]), float(th[1]), float(dth[1])
    (3.141592653589793, 1.5707963267948966, -1.0)
    """
    r = check_nonnegative(r, "r")
    lam = float(check_positive(scale, "scale"))
    n = abs(_check_winding(winding))
    p = _check_sign(polarity, "polarity")
    rho = r / lam
    with np.errstate(over="ignore"):  # ρ^2n = inf far out gives the right limits
        theta_down = 2.0 * np.arctan2(1.0, rho**n)  # = 2 arctan(ρ^-n), π at ρ = 0
        slope = 2.0 * n * rho ** (n - 1) / (rho ** (2 * n) + 1.0) / lam
    theta = theta_down if p == -1 else np.pi - theta_down
    return theta, p * slope


def belavin_polyakov_angles(
    x,
    y,
    scale,
    winding: int = 1,
    helicity=0.0,
    polarity: int = -1,
    center=(0.0, 0.0),
):
    """Angles of a Belavin-Polyakov skyrmion, θ of :func:`belavin_polyakov_profile`.

    φ = m ϕ + γ.  Charge Q = p m in the infinite plane, but the density
    decays only as r^(-2|m|-2), so on a finite domain the charge is not an
    integer; for |m| = 1 on the square [-L, L]² it is
    :func:`spinlib.topology.belavin_polyakov_charge_in_square`.

    Parameters
    ----------
    x, y : array_like
    scale : float
        λ > 0.
    winding : int
        m ≠ 0.
    helicity : float or {"neel", "bloch"}
    polarity : {+1, -1}
    center : (float, float)

    Returns
    -------
    theta, phi : numpy.ndarray
    """
    m = _check_winding(winding)
    gamma = _check_helicity(helicity)
    r, azimuth = _polar(x, y, center)
    theta, _ = belavin_polyakov_profile(r, scale, m, polarity)
    return theta, m * azimuth + gamma


# --------------------------------------------------------------------------
# fields
# --------------------------------------------------------------------------
def unit_vectors(theta, phi) -> np.ndarray:
    """The spin direction e_s(θ, φ) as a field of unit vectors, shape (*grid, 3).

    Examples
    --------
    >>> unit_vectors([0.0, np.pi / 2], [0.0, 0.0]).round(12).tolist()
    [[0.0, 0.0, 1.0], [1.0, 0.0, 0.0]]
    """
    theta = as_finite_array(theta, "theta")
    phi = as_finite_array(phi, "phi")
    check_same_shape(theta=theta, phi=phi)
    return spin_frame(theta, phi)[0]


def normalized(field) -> np.ndarray:
    """Return ``field / |field|`` along the last axis (e.g. after adding noise).

    Raises
    ------
    ValueError
        If ``field`` is not finite, not of shape (*grid, 3), or has a
        vector of length < 1e-12 (no direction to normalise to).

    Examples
    --------
    >>> normalized([[0.0, 3.0, 4.0]]).tolist()
    [[0.0, 0.6, 0.8]]
    """
    arr = as_finite_array(field, "field")
    if arr.ndim < 1 or arr.shape[-1] != 3:
        raise ValueError(f"field must have shape (*grid, 3); got shape {arr.shape}")
    norm = np.linalg.norm(arr, axis=-1, keepdims=True)
    if norm.size and norm.min() < 1e-12:
        raise ValueError("field must not contain vectors of length < 1e-12 (cannot normalise)")
    return arr / norm


