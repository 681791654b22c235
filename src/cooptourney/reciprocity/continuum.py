"""The position of a strategy on the continuum from specific to diffuse reciprocity.

The battery's measures (:mod:`cooptourney.reciprocity.battery`) are mapped to one
number, the **position**, in [-1, 1]:

* 0 is the specific end: Keohane's (1986) specific reciprocity, "equivalent value in a
  strictly delimited sequence" -- answer at once, in kind, in the same amount, and let
  no imbalance stand. Tit For Tat and the strict Ledger sit there.
* towards 1 is diffuse reciprocity: equivalence and sequence loosened -- imbalances left
  standing as credit, answers delayed or smaller than the harm, accidents absorbed, a
  single flip not echoed, partners treated as a group. Sahlins's (1972) *generalised*
  reciprocity (giving without counting) is the far end; his *balanced* reciprocity is
  the specific end.
* below 0 is the reverse gear, Sahlins's *negative* reciprocity: taking from a partner
  who does not hit back, or answering with more than was received.

Strategies whose play does not depend on the partner at all are **unconditional**:
they are not on the continuum (their position is computed, but their class is
unconditional).

The rule
--------
Diffuseness is the mean of six terms, each in [0, 1] and 0 for Tit For Tat:

=========== =================================== ======================================
term        from                                why
=========== =================================== ======================================
credit      tol / (tol + (T - S))               Keohane: diffuse reciprocity lets the
                                                account go unbalanced; one unanswered
                                                exploitation (T - S) gives 1/2
delay       1 - 1 / immediacy (1 if never)      strict sequence answers on the next move
leniency    1 - min(proportionality, 1)         equivalence: a smaller answer is credit
absorption  1 - clip(noise response, 0, 1)      accidents not answered (Axelrod 1984:
                                                forgiveness under noise)
no echo     1 - echo / (turns - offence - 1)    a flip not echoed (Keohane's pitfall of
                                                specific reciprocity; Axelrod 1984)
group       group dependence (group strategies  partners seen as a group (Keohane's
            only)                               diffuse reciprocity, MFN)
=========== =================================== ======================================

A term whose measure is undefined (no echo for a strategy that never cooperates with
its copy; group dependence of a pairwise strategy) is left out of the mean, so a
pairwise strategy's diffuseness is the mean of five terms. The reverse gear is

    reverse = max(aggression, 1 - 1 / proportionality if proportionality > 1 else 0)

(defecting against a partner who never hits back; answering with more than was
received: twice the harm gives 1/2). The class of a strategy is

1. ``unconditional`` when no partner moves its cooperation rate by more than
   :data:`RESPONSE_FLOOR` beyond chance (four standard errors over repetitions), and
   its group dependence is within :data:`RESPONSE_FLOOR` of 0;
2. else ``negative`` when reverse >= :data:`REVERSE_CUT` (position = -reverse);
3. else ``specific`` when diffuseness < :data:`DIFFUSE_CUT`, ``diffuse`` otherwise
   (position = diffuseness).

Every choice is a convention: the terms are equally weighted because none of the
sources ranks them; the cuts are the midpoints named below. The reference page
(docs/reference/reciprocity.md) reports the distributions the cuts split.

References
----------
Keohane, R. (1986). "Reciprocity in international relations". International
Organization 40(1), 1-27. Sahlins, M. (1972). *Stone Age Economics*. Aldine, ch. 5
("On the sociology of primitive exchange"). Axelrod, R. (1984). *The Evolution of
Cooperation*. Basic Books.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from cooptourney.reciprocity.battery import BatteryResult

__all__ = ["DIFFUSE_CUT", "RESPONSE_FLOOR", "REVERSE_CUT", "TERMS", "Position", "positions"]

#: Diffuseness at or above which a strategy is diffuse: the midpoint of [0, 1/2], where
#: 1/2 is one unanswered exploitation's credit term alone (Diffuse Ledger's credit line).
DIFFUSE_CUT = 0.25
#: Reverse gear at or above which a strategy is negative: taking from an unresisting
#: partner on half the turns, or answering with twice the harm.
REVERSE_CUT = 0.5
#: The smallest change of cooperation rate against some partner that counts as a response.
RESPONSE_FLOOR = 0.02
#: The diffuseness terms, in table order.
TERMS = ("credit", "delay", "leniency", "absorption", "no_echo", "group")


@dataclass(frozen=True)
class Position:
    """One strategy's place on the continuum, with the terms it was computed from."""

    name: str
    tag: str
    measured: str  # "specific", "diffuse", "negative" or "unconditional"
    position: float  # in [-1, 1]: below 0 the reverse gear
    diffuseness: float
    reverse: float
    responsiveness: float  # the largest change of its cooperation rate with the partner
    terms: dict[str, float]

    @property
    def agrees(self) -> bool:
        """Whether the hand-assigned tag names the measured class ("other" agrees with anything)."""
        return self.tag == "other" or self.tag == self.measured


def _terms(tol, imm, prop, noise, echo, group, echo_max, unit, is_group) -> dict[str, float]:
    terms = {
        "credit": tol / (tol + unit) if math.isfinite(tol) else 1.0,
        "delay": 1.0 if math.isnan(imm) else 1.0 - 1.0 / max(imm, 1.0),
        "leniency": 1.0 - min(prop, 1.0),
        "absorption": math.nan if math.isnan(noise) else 1.0 - min(max(noise, 0.0), 1.0),
        "no_echo": math.nan if math.isnan(echo) else 1.0 - min(echo, echo_max) / echo_max,
        "group": min(max(group, 0.0), 1.0) if is_group else math.nan,
    }
    return terms


def positions(result: BatteryResult) -> list[Position]:
    """Each strategy's :class:`Position`, from the means of its measures over repetitions."""
    s = result.settings
    unit = result.game.T - result.game.S
    echo_max = float(s.turns - s.offence - 1)
    means = {m: result.mean(m) for m in result.values}
    shifts = result.per_partner["coop_shift"]
    out = []
    for k, name in enumerate(result.names):
        terms = _terms(
            means["tolerance"][k],
            means["immediacy"][k],
            means["proportionality"][k],
            means["noise_response"][k],
            means["echo"][k],
            means["group_dependence"][k],
            echo_max,
            unit,
            result.group[k],
        )
        known = [v for v in terms.values() if not math.isnan(v)]
        diffuseness = float(np.mean(known))
        prop = means["proportionality"][k]
        overshoot = 1.0 - 1.0 / prop if prop > 1.0 else 0.0
        reverse = float(max(means["aggression"][k], overshoot))
        # a group rule may answer only the group: its group dependence is a response too
        responds = _responds(shifts[k], result.stochastic[k]) or abs(means["group_dependence"][k]) > RESPONSE_FLOOR
        if not responds:
            measured, position = "unconditional", diffuseness
        elif reverse >= REVERSE_CUT:
            measured, position = "negative", -reverse
        else:
            measured = "diffuse" if diffuseness >= DIFFUSE_CUT else "specific"
            position = diffuseness
        out.append(
            Position(
                name, result.tags[k], measured, position, diffuseness, reverse, float(means["responsiveness"][k]), terms
            )
        )
    return out


def _responds(shifts: np.ndarray, stochastic: bool) -> bool:
    """Whether the strategy's cooperation changes with some partner by more than chance.

    ``shifts``: ``[partners, repetitions]`` cooperation rate against the partner minus
    against the cooperator.
    """
    mean = np.abs(shifts.mean(axis=1))
    if not stochastic or shifts.shape[1] < 2:
        return bool((mean > RESPONSE_FLOOR).any())
    se = shifts.std(axis=1, ddof=1) / math.sqrt(shifts.shape[1])
    return bool((mean > np.maximum(RESPONSE_FLOOR, 4.0 * se)).any())
