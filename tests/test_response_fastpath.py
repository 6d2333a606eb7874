"""The two evaluation routes of the closed forms agree where they meet.

``response.h1_tilde``, ``chi1_tilde`` and ``chi1_longitudinal_tilde`` use the
plain closed form inside a safe range of q̃ (fast) and the cancellation-free
series forms outside it (accurate everywhere); both routes are checked against
the independent k-sums in tests/test_response.py.  Here the dense-grid check
that switching between them loses nothing: the plain form is within 1e-12
relative of the series form wherever it is used (rounding: ε times the
cancellation factor, at most ~1e3 at the ends of the safe ranges).
"""

import numpy as np
import pytest

from spinlib import response

CASES = [
    (response.h1_tilde, response._h1_core),
    (response.chi1_tilde, response._chi1_core),
    (response.chi1_longitudinal_tilde, response._chi1_longitudinal_core),
]


@pytest.mark.parametrize("public, core", CASES, ids=["h1", "chi1", "chi1_L"])
def test_fast_path_agrees_with_cancellation_free_form(public, core):
    q = np.geomspace(1e-4, 10.0, 4001)
    for zeta in np.linspace(0.02, 0.98, 13):
        fast, reference = public(q, zeta), core(q, zeta)
        ok = np.isfinite(reference) & (reference != 0)
        np.testing.assert_array_equal(np.isinf(fast), np.isinf(reference))
        rel = np.abs(fast[ok] - reference[ok]) / np.abs(reference[ok])
        assert rel.max() < 1e-12, (zeta, q[ok][np.argmax(rel)], rel.max())


@pytest.mark.parametrize("kernel, public", [
    ("h1", response.h1_tilde),
    ("chi1", response.chi1_tilde),
    ("chi1_longitudinal", response.chi1_longitudinal_tilde),
])
@pytest.mark.parametrize("zeta", [0.1, 0.4, 0.8])
def test_small_q_coefficient_against_the_kernels(kernel, public, zeta):
    """(K̃(q̃) - 1)/q̃² → c: the series coefficients against the closed forms.

    The series is in (q̃/ζ)²: at q̃ = 1e-3 ζ the O(q̃⁴) remainder is ~1e-6 of c
    (relative) and the rounding ε/q̃² ~ 2e-8 at most; tolerance 1e-5 relative.
    """
    q = 1e-3 * zeta
    c = response.small_q_coefficient(kernel, zeta)
    assert (public(q, zeta) - 1.0) / q**2 == pytest.approx(c, rel=1e-5)


def test_lindhard_is_the_zeta_to_zero_limit_of_h1():
    """H̃1(q̃, ζ) - F(q̃) = O(ζ²): the difference drops by 100 when ζ drops by 10."""
    q = np.linspace(0.05, 3.0, 60)
    d1 = np.max(np.abs(response.h1_tilde(q, 1e-2) - response.lindhard(q)))
    d2 = np.max(np.abs(response.h1_tilde(q, 1e-3) - response.lindhard(q)))
    assert 80 < d1 / d2 < 120
