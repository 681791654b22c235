"""Ashlock's fingerprints of a strategy, played as spatial tournaments on a star.

* :func:`ashlock_fingerprint` -- the strategy's mean score against the Joss-Ann
  transforms of a probe over the unit square, with the probes of
  :mod:`cooptourney.strategies.joss_ann`.
* :func:`transitive_fingerprint` -- its cooperation rate, turn by turn, against a
  spectrum of opponents.

References
----------
Ashlock, D. & Kim, E.-Y. (2008), "Fingerprinting: visualization and automatic analysis of
prisoner's dilemma strategies", IEEE Transactions on Evolutionary Computation 12(5).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from numbers import Real

import numpy as np

from cooptourney.evolution.spatial import star_matches
from cooptourney.game import Game
from cooptourney.players import Player, as_player
from cooptourney.registry import get_strategy
from cooptourney.settings import SettingsError, check_positive_int, check_work
from cooptourney.tournament import Tournament

__all__ = ["Fingerprint", "TransitiveFingerprint", "ashlock_fingerprint", "transitive_fingerprint"]


@dataclass
class Fingerprint:
    """Ashlock's fingerprint: the strategy's mean per-turn score against the probe at (x, y).

    ``scores[j, i]`` is the value at ``(x[i], y[j])`` (rows are y, so
    ``imshow(scores, origin="lower")`` draws it the usual way round).
    """

    strategy: str
    probe: str
    x: np.ndarray
    y: np.ndarray
    scores: np.ndarray  # float64[len(y), len(x)]
    standard_errors: np.ndarray  # float64[len(y), len(x)]: of each mean, over repetitions
    settings: dict

    @property
    def data(self) -> dict[tuple[float, float], float]:
        """``{(x, y): score}``, like ``axelrod.AshlockFingerprint.data``."""
        return {
            (float(x), float(y)): float(self.scores[j, i]) for i, x in enumerate(self.x) for j, y in enumerate(self.y)
        }


def _probe_player(spec, x: float, y: float) -> Player:
    # axelrod's _create_jossann: the dual of JossAnn(1 - x, 1 - y) when x + y >= 1
    if x + y >= 1:
        return Player(spec, x=1.0 - x, y=1.0 - y, dual=True)
    return Player(spec, x=x, y=y)


def ashlock_fingerprint(
    strategy: Player | str,
    probe: str = "Tit For Tat",
    step: float = 0.01,
    turns: int = 50,
    repetitions: int = 10,
    noise: float = 0.0,
    seed: int | None = None,
    game: Game | None = None,
    progress: bool = False,
) -> Fingerprint:
    """Ashlock's fingerprint of ``strategy`` with the Joss-Ann transforms of ``probe``.

    At each point (x, y) of a grid of the unit square with spacing ``step`` the strategy
    plays ``repetitions`` matches of ``turns`` turns against the probe that cooperates with
    probability x, defects with probability y and otherwise plays ``probe`` (x + y < 1),
    or against the dual of the probe at (1 - x, 1 - y) (x + y >= 1). The value is the
    strategy's mean per-turn score (Ashlock & Kim 2008; the construction and defaults of
    ``axelrod.AshlockFingerprint``). The grid has ``int(1 / step) + 1`` points per side.
    """
    from cooptourney.strategies.joss_ann import joss_ann

    step = _check_step(step)
    player = as_player(strategy)
    probe_spec = joss_ann(probe)
    num = int((1 / step) // 1) + 1
    t = Tournament([player], turns=turns, noise=noise, repetitions=repetitions, seed=seed, game=game)
    # a grid point costs about as much as 4000 turns besides its matches (its probe player)
    check_work(f"this fingerprint ({num * num:,} grid points)", num * num * (t.repetitions * t.turns + 4000))
    xs = np.linspace(0, 1, num)
    probes = [_probe_player(probe_spec, float(x), float(y)) for x in xs for y in xs]
    t = Tournament([player], turns=turns, noise=noise, repetitions=repetitions, seed=seed, game=game)
    settings = {"turns": t.turns, "noise": t.noise, "repetitions": t.repetitions, "seed": t.seed, "game": t.game}
    totals, lengths, _ = star_matches(player, probes, settings, progress=progress)
    per_turn = totals / lengths
    reps = per_turn.shape[1]
    se = per_turn.std(axis=1, ddof=1) / math.sqrt(reps) if reps > 1 else np.full(len(probes), np.nan)
    # points run x-major; rows of the result are y
    scores, se = per_turn.mean(axis=1).reshape(num, num).T, se.reshape(num, num).T
    return Fingerprint(
        strategy=player.name,
        probe=get_strategy(probe).name,
        x=xs,
        y=xs.copy(),
        scores=scores,
        standard_errors=se,
        settings={
            "turns": t.turns,
            "repetitions": t.repetitions,
            "noise": t.noise,
            "seed": t.seed,
            "step": step,
            "game": [t.game.R, t.game.S, t.game.T, t.game.P],
        },
    )


def _check_step(step) -> float:
    if isinstance(step, bool) or not isinstance(step, Real) or not (0 < float(step) <= 1):
        raise SettingsError(f"step must be a number in (0, 1], got {step!r}")
    return float(step)


@dataclass
class TransitiveFingerprint:
    """The transitive fingerprint: ``cooperation[k, t]`` is the strategy's probability of
    cooperating on turn t against opponent k (mean over repetitions)."""

    strategy: str
    opponents: list[str]
    cooperation: np.ndarray  # float64[opponents, turns]
    settings: dict


def transitive_fingerprint(
    strategy: Player | str,
    opponents: Sequence[Player | str] | None = None,
    number_of_opponents: int = 50,
    turns: int = 50,
    repetitions: int = 1000,
    noise: float = 0.0,
    seed: int | None = None,
    game: Game | None = None,
    progress: bool = False,
) -> TransitiveFingerprint:
    """The strategy's cooperation rate, turn by turn, against each of a list of opponents.

    Default opponents: ``Random(p)`` for ``number_of_opponents`` values of p evenly spaced
    in [0, 1] (``axelrod.TransitiveFingerprint``'s spectrum).
    """
    player = as_player(strategy)
    spectrum = opponents is None
    if spectrum:
        number_of_opponents = check_positive_int("number_of_opponents", number_of_opponents)
        opps = [Player("Random", p=float(p)) for p in np.linspace(0, 1, number_of_opponents)]
    else:
        opps = [as_player(p) for p in opponents]
        if not opps:
            raise SettingsError("give at least one opponent")
    t = Tournament([player], turns=turns, noise=noise, repetitions=repetitions, seed=seed, game=game)
    settings = {"turns": t.turns, "noise": t.noise, "repetitions": t.repetitions, "seed": t.seed, "game": t.game}
    _, _, moves = star_matches(player, opps, settings, record_moves=True, progress=progress)
    coop = np.stack([(m[:, 0, : t.turns] == 0).mean(axis=0) for m in moves])
    return TransitiveFingerprint(
        strategy=player.name,
        opponents=[p.name for p in opps],
        cooperation=coop,
        settings={
            "turns": t.turns,
            "repetitions": t.repetitions,
            "noise": t.noise,
            "seed": t.seed,
            "game": [t.game.R, t.game.S, t.game.T, t.game.P],
            "random_spectrum": spectrum,
        },
    )
