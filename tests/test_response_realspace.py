"""Real-space kernels (Figs. 3, 4): fast transforms against direct quadrature,
limits at r → 0, and the large-r oscillations (wave-vectors, decay powers)."""

import numpy as np
import pytest
from scipy import integrate

from spinlib import ksums, response

ZETAS = (0.15, 0.6)
# r-points away from nodes of the kernels (checked below: |K| is not small
# compared with its local envelope)
R_POINTS = (0.05, 1.3, 7.7, 40.0)


@pytest.mark.parametrize("kernel", response.KERNELS)
@pytest.mark.parametrize("zeta", ZETAS)
def test_real_space_against_quadrature(kernel, zeta):
    """Required accuracy 1e-6 relative; the reference (QAGP/QAWO/QAWF at
    epsrel 1e-10) and the fast transform agree to ~1e-11, so 1e-8 is asserted."""
    fast = response.real_space(kernel, np.array(R_POINTS), zeta)
    for r, value in zip(R_POINTS, fast):
        ref = ksums.real_space_quad(kernel, r, zeta, epsrel=1e-10)
        assert value == pytest.approx(ref, rel=1e-8), r


@pytest.mark.parametrize("kernel", ("h1", "h2"))
def test_gauss_legendre_node_count_at_large_r(kernel):
    """The Gauss-Legendre kernels choose their node count from max(r): check a
    far point, alone and inside a chunk with smaller r."""
    zeta = 0.35
    r_far = 250.0
    ref = ksums.real_space_quad(kernel, r_far, zeta, epsrel=1e-10)
    alone = response.real_space(kernel, r_far, zeta)
    mixed = response.real_space(kernel, np.array([0.1, 3.0, r_far]), zeta)[-1]
    # |K(250)| ~ 1e-8: absolute agreement 1e-16 ~ 1e-8 relative
    assert alone == pytest.approx(ref, rel=1e-7)
    assert mixed == pytest.approx(ref, rel=1e-7)


def test_values_at_origin():
    for zeta in ZETAS:
        # finite kernels: K(0) = ∫ d³q/(2π)³ K̃ = (1/2π²) ∫ q² K̃(q/2) dq
        for kernel, func in (("h2", response.h2_tilde), ("chi2", response.chi2_tilde)):
            edge = 2 * max(ksums._kernel_breakpoints(kernel, zeta)) + 1.0
            ref = integrate.quad(
                lambda q: q * q * float(func(q / 2, zeta)),
                0,
                edge,
                points=[2 * p for p in ksums._kernel_breakpoints(kernel, zeta)],
                limit=200,
                epsabs=1e-15,
            )[0] / (2 * np.pi**2)
            assert response.real_space(kernel, 0.0, zeta) == pytest.approx(ref, rel=1e-12)
        # 1/r divergence of H1, χ1 from the c/q̃² tail: K ≈ c/(πr); the
        # corrections are O(r) for H1 and O(r²) for χ1 (measured), so at
        # r = 1e-6 the relative deviation is < 1e-5
        for kernel in ("h1", "chi1"):
            assert response.real_space(kernel, 0.0, zeta) == np.inf
            c = response.large_q_coefficient(kernel, zeta)
            r = 1e-6
            assert response.real_space(kernel, r, zeta) * np.pi * r / c == pytest.approx(1.0, abs=1e-5)


def test_chi2_real_space_closed_form():
    """χ̃2(r) = -ζ²[cos(2ζr) - cos(2r)]/[4π(1+3ζ²) r²], eq. (38) transformed."""
    zeta = 0.45
    r = np.linspace(0.1, 60, 500)
    expected = -(zeta**2) * (np.cos(2 * zeta * r) - np.cos(2 * r)) / (4 * np.pi * (1 + 3 * zeta**2) * r**2)
    np.testing.assert_allclose(response.real_space("chi2", r, zeta), expected, rtol=1e-11, atol=1e-17)


@pytest.mark.parametrize("kernel", response.KERNELS)
@pytest.mark.parametrize("zeta", (0.1, 0.5, 0.9))
def test_asymptotic_forms(kernel, zeta):
    """K(r) - asymptote = O(r^{-power-1}): the relative error halves as r doubles.

    Measured: (error/amplitude)·r ≈ 0.5-30 (largest for h2 at small ζ, whose
    wave-vector ~0.17 k_F is slow); asserted < 60/r and shrinking ~1/r."""
    form = response.asymptotic_form(kernel, zeta)
    rel = []
    for r0 in (400.0, 1600.0):
        r = r0 + np.linspace(0, 10, 300)
        exact = response.real_space(kernel, r, zeta)
        approx = form(r)
        amp = np.max(np.abs(approx))
        rel.append(np.max(np.abs(exact - approx)) / amp)
    if form.exact:
        assert max(rel) < 1e-10
    else:
        assert rel[0] < 60 / 400 and rel[1] < 60 / 1600
        assert rel[1] < rel[0] / 2.5  # ~1/r decay of the correction (4x expected)


@pytest.mark.parametrize("kernel,zeta", [("h1", 0.3), ("chi1", 0.3), ("chi1", 0.7), ("h2", 0.5)])
def test_wavevectors_from_fft(kernel, zeta):
    """Independent of the end-point expansion: the spectrum of r^p K(r) at large
    r peaks at the wave-vectors of asymptotic_form (resolution 2π/L)."""
    form = response.asymptotic_form(kernel, zeta)
    length, step = 400.0, 0.05
    r = 100.0 + np.arange(0, length, step)
    signal = response.real_space(kernel, r, zeta) * r**form.power
    spectrum = np.abs(np.fft.rfft(signal * np.hanning(r.size)))
    k = 2 * np.pi * np.fft.rfftfreq(r.size, step)
    # local maxima above 20% of the largest
    peaks = [
        k[i]
        for i in range(1, k.size - 1)
        if spectrum[i] > spectrum[i - 1]
        and spectrum[i] >= spectrum[i + 1]
        and spectrum[i] > 0.2 * spectrum.max()
    ]
    expected = [
        q
        for q, a, b in zip(form.wavevectors, form.cos_amplitudes, form.sin_amplitudes)
        if np.hypot(a, b) > 0.2 * max(np.hypot(form.cos_amplitudes, form.sin_amplitudes))
    ]
    resolution = 2 * np.pi / length
    assert len(peaks) == len(expected)
    for p, q in zip(sorted(peaks), sorted(expected)):
        assert abs(p - q) < resolution, (p, q)


def test_h1_asymptote_tends_to_rkky():
    """ζ → 0: H̃1(r) → -cos(2k_F r)/(4π r³), the Lindhard (RKKY) tail."""
    form = response.asymptotic_form("h1", 1e-9)
    assert form.wavevectors == (2.0,)
    assert form.cos_amplitudes[0] == pytest.approx(-1 / (4 * np.pi), rel=1e-12)


def test_real_space_shape_and_scalar():
    assert isinstance(response.real_space("h1", 2.0, 0.5), float)
    out = response.real_space("chi1", np.ones((3, 4)), 0.5)
    assert out.shape == (3, 4)
    assert np.all(out == out[0, 0])


def test_real_space_validation():
    with pytest.raises(ValueError, match="kernel"):
        response.real_space("h3", 1.0, 0.5)
    with pytest.raises(ValueError, match="r must lie"):
        response.real_space("h1", -1.0, 0.5)
    with pytest.raises(ValueError, match="r must be finite"):
        response.real_space("h1", [1.0, np.nan], 0.5)
    with pytest.raises(ValueError, match="zeta"):
        response.real_space("h1", 1.0, 1.2)
    with pytest.raises(ValueError, match="zeta must be a scalar"):
        response.real_space("h1", 1.0, [0.2, 0.3])
    with pytest.raises(ValueError, match="kernel"):
        response.asymptotic_form("H1", 0.5)
    with pytest.raises(ValueError, match="r must lie"):
        response.asymptotic_form("h1", 0.5)(0.0)
