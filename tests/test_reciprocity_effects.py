"""Effect sizes with intervals (cooptourney.reciprocity.effects).

Known values: Cliff's delta of samples worked out by hand (Cliff 1993); the percentile
bootstrap interval of a complete separation is [1, 1]; a deterministic strategy whose
measures are the same in every repetition has an interval of width 0.
"""

import math

import numpy as np
import pytest

from cooptourney.reciprocity import BatterySettings, run_battery
from cooptourney.reciprocity.effects import Effect, cliffs_delta, position_intervals, separation
from cooptourney.settings import SettingsError


def test_cliffs_delta_by_hand():
    # b = 2 against a = 1, 2, 3: +1, 0, -1; b = 4 against them: +1, +1, +1; the mean is 3/6
    assert cliffs_delta([1, 2, 3], [2, 4]) == pytest.approx(0.5)
    assert cliffs_delta([1, 2], [3, 4]) == 1.0 and cliffs_delta([3, 4], [1, 2]) == -1.0
    assert cliffs_delta([1, 2, 3], [1, 2, 3]) == 0.0


def test_separation_interval():
    full = separation([0, 1, 2, 3], [5, 6, 7, 8], resamples=200)
    assert (full.value, full.low, full.high, full.sign) == (1.0, 1.0, 1.0, 1)
    # never (inf) ranks above every finite value
    assert separation([1.0, 2.0], [np.inf, np.inf], resamples=100).value == 1.0
    rng = np.random.default_rng(1)
    same = separation(rng.normal(size=40), rng.normal(size=40), resamples=500)
    assert same.low < 0 < same.high and same.sign == 0 and not same.excludes_zero
    shifted = separation(rng.normal(size=40), rng.normal(2.0, 1.0, size=40), resamples=500)
    assert shifted.low > 0.5
    with pytest.raises(SettingsError):
        separation([1.0], [2.0, 3.0])
    with pytest.raises(SettingsError):
        separation([1.0, math.nan], [2.0, 3.0])


def test_position_intervals():
    res = run_battery(["Tit For Tat", "Generous Tit For Tat"], BatterySettings(repetitions=10, seed=2))
    ends = position_intervals(res, resamples=100)
    tft, gtft = ends["Tit For Tat"], ends["Generous Tit For Tat"]
    assert isinstance(tft, Effect) and tft.low == tft.value == tft.high == 0.0
    assert gtft.low < gtft.high and gtft.low <= gtft.value <= gtft.high
    with pytest.raises(SettingsError):
        position_intervals(run_battery(["Tit For Tat"], BatterySettings(repetitions=1)))
