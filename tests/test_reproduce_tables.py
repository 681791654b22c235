"""Published tables in the reproductions: the score criterion and the transcribed values."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from cooptourney.reproduce import ALL, Claim
from cooptourney.reproduce.run import AGREE, DISAGREE, _judge, _Measured


def _verdict(claim: Claim, low: float, high: float) -> str:
    """The verdict of a score claim against a made-up 95% interval [low, high]."""
    m = _Measured(names=[claim.player], scores=np.zeros((1, 2)), wins=np.zeros((1, 2)), cooperation=0.0)
    table = pd.DataFrame(
        {"player": [claim.player], "score per turn": [(low + high) / 2], "ci low": [low], "ci high": [high]}
    )
    return _judge(claim, claim.player, None, m, table).verdict


# 2.878 printed to three decimals stands for any mean in [2.8775, 2.8785]
PRINTED = Claim("score", "standard", "A", 2.878, decimals=3)


@pytest.mark.parametrize(
    "low, high, expected",
    [
        (2.8770, 2.8790, AGREE),  # the printed value inside our interval
        (2.8784, 2.8786, AGREE),  # only its rounding interval meets ours (the old rule said disagree)
        (2.87700, 2.87752, AGREE),  # overlap at the lower end of the rounding interval
        (2.8786, 2.8790, DISAGREE),  # disjoint, above
        (2.8760, 2.8774, DISAGREE),  # disjoint, below
    ],
)
def test_score_agrees_when_the_rounding_interval_meets_our_interval(low, high, expected):
    assert _verdict(PRINTED, low, high) == expected


def test_rounding_of_a_total_per_game():
    # Axelrod (1980) printed whole points per 200-move game: 504 stands for [503.5, 504.5] / 200
    claim = Claim("score", "standard", "A", 504 / 200, decimals=0, per_turns=200)
    lo, hi = claim.rounding
    assert math.isclose(lo, 503.5 / 200) and math.isclose(hi, 504.5 / 200)
    assert _verdict(claim, 2.5224, 2.5300) == AGREE
    assert _verdict(claim, 2.5226, 2.5300) == DISAGREE
    assert "[2.5175, 2.5225]" in claim.criterion


def test_every_score_claim_states_its_printed_digits():
    # the published values are stored as printed (or as a printed total over per_turns turns):
    # scaling back by per_turns and 10**decimals gives a whole number
    for rep in ALL.values():
        for c in rep.claims:
            if c.kind == "score":
                units = c.published * c.per_turns * 10**c.decimals
                assert abs(units - round(units)) < 1e-6, (rep.name, c)
