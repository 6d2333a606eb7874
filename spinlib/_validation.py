"""Input validation shared by every spinlib module.

Every public spinlib function validates its arguments with these helpers, so
that bad input fails early with a :class:`ValueError` that names the argument
and the allowed range, instead of producing a silent NaN or a wrong number.

The helpers return the validated value converted to a NumPy array (or a
Python float/tuple where that is more natural), so a caller writes::

    zeta = check_zeta(zeta)
    q = check_nonnegative(q_tilde, "q_tilde")
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

__all__ = [
    "as_finite_array",
    "check_zeta",
    "check_nonnegative",
    "check_positive",
    "check_in_range",
    "check_choice",
    "check_spacing",
    "check_same_shape",
    "check_unit_vectors",
]

#: Tolerance on |n| - 1 for fields of unit vectors (spin directions).
UNIT_NORM_ATOL = 1e-9


def _describe(value: Any) -> str:
    arr = np.asarray(value)
    if arr.ndim == 0:
        return repr(arr.item())
    return f"an array of shape {arr.shape}"


def as_finite_array(value: Any, name: str, *, dtype: Any = float) -> np.ndarray:
    """Return ``value`` as an array of ``dtype``; reject NaN and infinities.

    Parameters
    ----------
    value : array_like
        The input.
    name : str
        Name of the argument, used in the error message.
    dtype : data-type, optional
        Target dtype (default ``float``); use ``complex`` for complex input.

    Raises
    ------
    ValueError
        If ``value`` cannot be converted to ``dtype`` or is not finite.

    Examples
    --------
    >>> as_finite_array([1, 2], "x")
    array([1., 2.])
    >>> as_finite_array([1.0, float("nan")], "x")
    Traceback (most recent call last):
    ...
    ValueError: x must be finite (no NaN or inf); got NaN/inf at 1 of 2 entries
    """
    try:
        arr = np.asarray(value, dtype=dtype)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name} must be numeric; got {value!r}") from exc
    if arr.size and not _all_finite(arr):
        bad = int(arr.size - np.count_nonzero(np.isfinite(arr)))
        raise ValueError(
            f"{name} must be finite (no NaN or inf); got NaN/inf at {bad} of {arr.size} entries"
        )
    return arr


def _all_finite(arr: np.ndarray) -> bool:
    """All entries finite?  Two reductions (NaN propagates through min/max),
    much cheaper than an elementwise ``isfinite`` on large arrays."""
    if np.iscomplexobj(arr):
        return bool(np.isfinite(arr).all())
    return bool(np.isfinite(arr.min()) and np.isfinite(arr.max()))


def check_in_range(
    value: Any,
    name: str,
    low: float | None = None,
    high: float | None = None,
    *,
    low_open: bool = False,
    high_open: bool = False,
) -> np.ndarray:
    """Check that every entry of ``value`` is finite and lies in a range.

    Parameters
    ----------
    value : array_like
    name : str
        Argument name for the error message.
    low, high : float or None
        Bounds; ``None`` means unbounded on that side.
    low_open, high_open : bool
        Whether the interval is open at that end.

    Returns
    -------
    numpy.ndarray
        ``value`` as a float array.

    Examples
    --------
    >>> check_in_range(0.5, "P", -1, 1)
    array(0.5)
    >>> check_in_range(2.0, "P", -1, 1)
    Traceback (most recent call last):
    ...
    ValueError: P must lie in [-1, 1]; got 2.0
    """
    arr = as_finite_array(value, name)
    if arr.size == 0:
        return arr
    lo_val, hi_val = arr.min(), arr.max()  # reductions: cheap on large arrays
    ok = True
    if low is not None:
        ok &= bool(lo_val > low) if low_open else bool(lo_val >= low)
    if high is not None:
        ok &= bool(hi_val < high) if high_open else bool(hi_val <= high)
    if not ok:
        good = np.ones(arr.shape, dtype=bool)
        if low is not None:
            good &= (arr > low) if low_open else (arr >= low)
        if high is not None:
            good &= (arr < high) if high_open else (arr <= high)
        left = "(" if low_open or low is None else "["
        right = ")" if high_open or high is None else "]"
        lo = "-inf" if low is None else f"{low:g}"
        hi = "inf" if high is None else f"{high:g}"
        offending = arr[~good].ravel()[0]
        got = _describe(value) if arr.ndim == 0 else f"{offending!r} (first offending entry)"
        raise ValueError(f"{name} must lie in {left}{lo}, {hi}{right}; got {got}")
    return arr


def check_zeta(zeta: Any) -> np.ndarray:
    """Validate the spin polarisation ``zeta = (k_F+ - k_F-)/(k_F+ + k_F-)``.

    The paper's closed forms need ``0 < zeta < 1`` (a ferromagnet with both
    spin bands occupied).

    Examples
    --------
    >>> check_zeta(0.3)
    array(0.3)
    >>> check_zeta(1.0)
    Traceback (most recent call last):
    ...
    ValueError: zeta must lie in (0, 1); got 1.0
    """
    return check_in_range(zeta, "zeta", 0.0, 1.0, low_open=True, high_open=True)


def check_nonnegative(value: Any, name: str) -> np.ndarray:
    """Check finite and ``>= 0`` (e.g. ``q_tilde``, a distance ``r``).

    Examples
    --------
    >>> check_nonnegative(-0.1, "q_tilde")
    Traceback (most recent call last):
    ...
    ValueError: q_tilde must lie in [0, inf); got -0.1
    """
    return check_in_range(value, name, 0.0, None)


def check_positive(value: Any, name: str) -> np.ndarray:
    """Check finite and ``> 0`` (e.g. a grid spacing or a wall width)."""
    return check_in_range(value, name, 0.0, None, low_open=True)


def check_choice(value: Any, name: str, choices: Iterable[str]) -> str:
    """Check that ``value`` is one of ``choices``.

    Examples
    --------
    >>> check_choice("h3", "kernel", ["h1", "h2"])
    Traceback (most recent call last):
    ...
    ValueError: kernel must be one of 'h1', 'h2'; got 'h3'
    """
    choices = list(choices)
    if value not in choices:
        allowed = ", ".join(repr(c) for c in choices)
        raise ValueError(f"{name} must be one of {allowed}; got {value!r}")
    return value


def check_spacing(spacing: Any, ndim: int, name: str = "spacing") -> tuple[float, ...]:
    """Return a tuple of ``ndim`` positive grid spacings.

    ``spacing`` may be one number (the same on every axis) or a sequence of
    ``ndim`` numbers.

    Examples
    --------
    >>> check_spacing(0.5, 2)
    (0.5, 0.5)
    >>> check_spacing((0.1, 0.2, 0.3), 2)
    Traceback (most recent call last):
    ...
    ValueError: spacing must be one number or a sequence of 2 numbers (one per grid axis); got 3
    """
    arr = as_finite_array(spacing, name)
    if arr.ndim == 0:
        arr = np.full(ndim, float(arr))
    if arr.ndim != 1 or arr.size != ndim:
        raise ValueError(
            f"{name} must be one number or a sequence of {ndim} numbers "
            f"(one per grid axis); got {arr.size}"
        )
    check_positive(arr, name)
    return tuple(float(h) for h in arr)


def check_same_shape(**arrays: np.ndarray) -> tuple[int, ...]:
    """Check that all keyword arrays have the same shape; return it.

    Examples
    --------
    >>> import numpy as np
    >>> check_same_shape(theta=np.zeros(3), phi=np.zeros(4))
    Traceback (most recent call last):
    ...
    ValueError: theta and phi must have the same shape; got theta (3,), phi (4,)
    """
    shapes = {k: np.shape(v) for k, v in arrays.items()}
    first = next(iter(shapes.values()))
    if any(s != first for s in shapes.values()):
        names = " and ".join(shapes) if len(shapes) == 2 else ", ".join(shapes)
        got = ", ".join(f"{k} {s}" for k, s in shapes.items())
        raise ValueError(f"{names} must have the same shape; got {got}")
    return first


def check_unit_vectors(
    field: Any, name: str = "m", *, atol: float = UNIT_NORM_ATOL, ndim: int | None = None
) -> np.ndarray:
    """Validate a field of unit vectors of shape ``(*grid, 3)``.

    Parameters
    ----------
    field : array_like, shape (*grid, 3)
        The vector field (e.g. the spin direction ``e_s`` of the paper).
    name : str
        Argument name for error messages.
    atol : float
        Allowed deviation of ``|n|`` from 1 (default ``1e-9``).
    ndim : int, optional
        Required number of grid axes (``len(grid)``), if any.

    Examples
    --------
    >>> check_unit_vectors([[0, 0, 1], [0, 0, 2]], "m")
    Traceback (most recent call last):
    ...
    ValueError: m must be a field of unit vectors (| |m| - 1 | <= 1e-09); worst entry has |m| = 2
    """
    arr = as_finite_array(field, name)
    if arr.ndim < 1 or arr.shape[-1] != 3:
        raise ValueError(f"{name} must have shape (*grid, 3); got shape {arr.shape}")
    if ndim is not None and arr.ndim - 1 != ndim:
        raise ValueError(
            f"{name} must have {ndim} grid axes, shape (*grid, 3); got shape {arr.shape}"
        )
    norm = np.linalg.norm(arr, axis=-1)
    dev = np.abs(norm - 1.0)
    if dev.size and dev.max() > atol:
        worst = norm.ravel()[int(np.argmax(dev))]
        raise ValueError(
            f"{name} must be a field of unit vectors (| |{name}| - 1 | <= {atol:g}); "
            f"worst entry has |{name}| = {worst:.6g}"
        )
    return arr

