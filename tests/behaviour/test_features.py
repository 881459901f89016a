import numpy as np
import pytest

from graphql_api.behaviour import features

RATE = 50.0


def _still(seconds: float, gravity=(0.0, 0.0, 1.0)) -> np.ndarray:
    return np.tile(np.array(gravity, dtype=float), (int(seconds * RATE), 1))


class TestWindows:
    def test_two_second_windows_overlap_by_half(self):
        # given
        samples = _still(10.0)
        # when
        extracted = features.extract(samples, RATE)
        # then
        assert features.window_length(RATE) == 100
        assert list(extracted.start_seconds) == [float(s) for s in range(9)]

    def test_a_recording_shorter_than_a_window_has_no_window(self):
        # given
        samples = _still(1.5)
        # when
        extracted = features.extract(samples, RATE)
        # then
        assert len(extracted) == 0
        assert extracted.values.shape == (0, len(features.FEATURE_NAMES))

    def test_acceleration_must_have_three_axes(self):
        # given
        samples = np.zeros((200, 2))
        # when / then
        with pytest.raises(ValueError, match=r"\(n, 3\)"):
            features.extract(samples, RATE)


class TestStaticAndDynamic:
    def test_a_still_collar_has_gravity_as_static_and_no_dynamic_acceleration(self):
        # given
        samples = _still(4.0, gravity=(0.0, 0.6, 0.8))
        # when
        extracted = features.extract(samples, RATE)
        # then
        assert extracted.column("static_y") == pytest.approx(0.6)
        assert extracted.column("static_z") == pytest.approx(0.8)
        assert extracted.column("vedba_mean") == pytest.approx(0.0, abs=1e-12)
        assert extracted.column("dominant_hz") == pytest.approx(0.0)

    def test_pitch_and_roll_follow_the_gravity_vector(self):
        # given: collar pitched 30 degrees up, not rolled
        pitch = np.radians(30.0)
        samples = _still(4.0, gravity=(np.sin(pitch), 0.0, np.cos(pitch)))
        # when
        extracted = features.extract(samples, RATE)
        # then
        assert extracted.column("pitch_deg") == pytest.approx(30.0)
        assert extracted.column("roll_deg") == pytest.approx(0.0, abs=1e-9)

    def test_vedba_of_a_sine_is_its_mean_absolute_value(self):
        # given: 0.5 g at exactly 2 Hz on the vertical axis, over gravity
        t = np.arange(int(8 * RATE)) / RATE
        samples = _still(8.0)
        samples[:, 2] += 0.5 * np.sin(2 * np.pi * 2.0 * t)
        # when
        extracted = features.extract(samples, RATE)
        # then: mean |A sin| = 2A/pi
        assert extracted.column("vedba_mean") == pytest.approx(2 * 0.5 / np.pi, rel=0.01)
        assert extracted.column("dynamic_std_z") == pytest.approx(0.5 / np.sqrt(2), rel=0.01)


class TestGaitFrequency:
    @pytest.mark.parametrize("frequency", [1.5, 2.5, 4.0])
    def test_the_dominant_frequency_is_the_gait_frequency(self, frequency):
        # given
        t = np.arange(int(6 * RATE)) / RATE
        samples = _still(6.0)
        samples[:, 0] += 0.3 * np.sin(2 * np.pi * frequency * t)
        # when
        extracted = features.extract(samples, RATE)
        # then: within one FFT bin (50 Hz / 256 points)
        assert extracted.column("dominant_hz") == pytest.approx(frequency, abs=0.2)
        assert (extracted.column("peak_power_share") > 0.8).all()

    def test_noise_spreads_its_power(self):
        # given
        samples = _still(6.0) + np.random.default_rng(1).normal(0, 0.3, (300, 3))
        # when
        extracted = features.extract(samples, RATE)
        # then
        assert (extracted.column("peak_power_share") < 0.3).all()
        assert (extracted.column("spectral_entropy") > 0.8).all()
