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
