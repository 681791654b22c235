"""Interoperability with ``axelrod`` (Axelrod-Python), both ways.

* :class:`AxelrodPlayer` wraps any cooptourney strategy (Ledger, Gears, transformed
  players included) as an ``axelrod.Player``, so it runs in axelrod's matches,
  tournaments, Moran processes and fingerprints. It calls the same compiled step
  function the engine uses, once per turn from Python.
* :func:`write_axelrod_interactions` writes a tournament (played with
  ``record_moves=True``) in the interactions CSV format that ``axelrod.ResultSet``
  reads, so axelrod's own analysis can be run on cooptourney results; the scores it
  computes equal ours (tested).

``axelrod`` is imported lazily: it is needed only for these functions.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from cooptourney.core.dispatch import compiled
from cooptourney.core.pack import check_pairwise
from cooptourney.core.rng import derive_key
from cooptourney.game import Game
from cooptourney.players import Player, as_player
from cooptourney.results import ResultSet, write_atomic
from cooptourney.strategy_api import (
    INFO_LENGTH,
    INFO_MY_COOPS,
    INFO_MY_SCORE,
    INFO_NOISE,
    INFO_OPP_COOPS,
    INFO_OPP_SCORE,
    INFO_SIZE,
)

#: turns a strategy with per-turn state can play as an axelrod Player when axelrod does not
#: tell the match length (prob_end matches): its state is allocated for this many
_UNKNOWN_LENGTH_CAP = 10_000


def _axl():
    try:
        import axelrod
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("this needs the axelrod package: pip install axelrod") from exc
    return axelrod


def _player_class():
    axl = _axl()

    class AxelrodPlayer(axl.Player):
        """A cooptourney strategy as an ``axelrod.Player``.

        Parameters
        ----------
        strategy : str or Player
            A registered name (``"Ledger"``), ``"Name(key=value)"`` or a :class:`Player`.
        params : dict, optional
            Parameter values (when ``strategy`` is a name).
        profile : cooptourney.politics.ActorProfile, optional
            Play as a transformed player: perceived payoffs and ratification failure
            under ``politicization`` (elections are not simulated on this path).
        politicization : cooptourney.politics.Politicization, optional
        """

        name = "cooptourney player"
        classifier: ClassVar[dict[str, Any]] = {
            "memory_depth": float("inf"),
            "stochastic": True,
            "long_run_time": False,
            "inspects_source": False,
            "manipulates_source": False,
            "manipulates_state": False,
        }

        def __init__(
            self, strategy: str | Player = "Tit For Tat", params: dict | None = None, profile=None, politicization=None
        ) -> None:
            super().__init__()
            if isinstance(strategy, Player):
                self._ct = strategy
            else:
                self._ct = Player(strategy, **(params or {})) if params else as_player(strategy)
            spec = self._ct.spec
            check_pairwise([self._ct])
            self._step = compiled(spec)
            self._profile, self._politicization = profile, politicization
            self.name = self._ct.name + ("" if profile is None else " (transformed)")
            makes_use_of = set()
            if spec.uses_game:
                makes_use_of.add("game")
            if spec.uses_length:
                makes_use_of.add("length")
            self.classifier = {
                **type(self).classifier,
                "memory_depth": spec.memory_depth,
                "stochastic": spec.stochastic or (profile is not None and profile.ratification_failure > 0),
                "makes_use_of": makes_use_of,
            }
            self._state = self._ct.initial_state.copy()
            self._rng = np.zeros(2, dtype=np.uint64)
            self._ready = False

        def _start(self) -> None:
            axl = _axl()
            game = self.match_attributes.get("game") or axl.DefaultGame
            R, P, S, T = game.RPST()
            plain = Game(R, S, T, P)
            fail = 0.0
            if self._profile is not None:
                from cooptourney.politics import Politicization, Transformer

                tr = Transformer(profiles=self._profile, politicization=self._politicization or Politicization())
                arrays = tr.kernel_arrays(plain, 1)
                perceived, fail = arrays["perceived"][0], float(arrays["fail"][0])
            else:
                perceived = plain.as_array()
            self._info = np.zeros(INFO_SIZE)
            self._info[:4] = perceived
            length = self.match_attributes.get("length", -1)
            self._info[INFO_LENGTH] = -1.0 if length is None or math.isinf(length) else float(length)
            self._info[INFO_NOISE] = float(self.match_attributes.get("noise", 0.0))
            self._fail = fail
            # per-turn state slots (StrategySpec.turn_state) for the whole match, allocated
            # now: for the match length when axelrod tells it, else for a generous cap
            per_turn = self._ct.spec.turn_state
            self._capacity = int(self._info[INFO_LENGTH]) if self._info[INFO_LENGTH] > 0 else _UNKNOWN_LENGTH_CAP
            self._state = np.concatenate([self._ct.initial_state, np.zeros(per_turn * self._capacity)])
            # the player's own counter-based stream, keyed by the seed axelrod gives stochastic
            # players (deterministic ones never draw, and axelrod gives them no generator)
            if getattr(self, "_random", None) is None:
                self._random = axl.RandomGenerator(seed=0)
            self._rng[0] = np.uint64(derive_key(int(self._random.random_seed_int()), 0xC0FFEE))
            self._rng[1] = 0
            self._ready = True

        def strategy(self, opponent):
            axl = _axl()
            t = len(self.history)
            if t == 0 or not self._ready:
                self._start()
            if self._ct.spec.turn_state and t >= self._capacity:
                raise ValueError(
                    f"{self.name}: keeps state for every turn, and on axelrod's side it can play at most "
                    f"{self._capacity} turns when the match length is not known in advance"
                )
            my = np.fromiter((0 if a == axl.Action.C else 1 for a in self.history), dtype=np.int8, count=t)
            opp = np.fromiter((0 if a == axl.Action.C else 1 for a in opponent.history), dtype=np.int8, count=t)
            info = self._info
            p = info[:4]
            info[INFO_MY_SCORE] = float(p[2 * my + opp].sum()) if t else 0.0
            info[INFO_OPP_SCORE] = float(p[2 * opp + my].sum()) if t else 0.0
            info[INFO_MY_COOPS] = float(t - my.sum())
            info[INFO_OPP_COOPS] = float(t - opp.sum())
            move = int(self._step(my, opp, np.int64(t), self._state, self._ct.param_values, info, self._rng))
            if move == 0 and self._fail > 0 and self._random.random() < self._fail:
                move = 1  # ratification failure: an intended C becomes D
            return axl.Action.C if move == 0 else axl.Action.D

        def reset(self):
            super().reset()
            self._ready = False

        def __repr__(self) -> str:
            return self.name

    return AxelrodPlayer


_CLASS = None


def AxelrodPlayer(
    strategy: str | Player = "Tit For Tat", params: dict | None = None, profile=None, politicization=None
):
    """A cooptourney strategy as an ``axelrod.Player`` (see the class docstring in this module)."""
    global _CLASS
    if _CLASS is None:
        _CLASS = _player_class()
    return _CLASS(strategy, params, profile, politicization)


_STATES = ((0, 0), (0, 1), (1, 0), (1, 1))


def _rows_for_match(moves: np.ndarray, game: np.ndarray) -> list[list[Any]]:
    """The two interaction rows (player, opponent) of one match, in axelrod's column order."""
    n = moves.shape[0]
    rows = []
    pay = [game[2 * moves[:, k] + moves[:, 1 - k]] for k in (0, 1)]
    scores = [float(pay[0].sum()), float(pay[1].sum())]
    coops = [int(n - moves[:, 0].sum()), int(n - moves[:, 1].sum())]
    winner = None if scores[0] == scores[1] else (0 if scores[0] > scores[1] else 1)
    for k in (0, 1):
        mine, theirs = moves[:, k], moves[:, 1 - k]
        row = [
            "".join("CD"[m] for m in mine),
            scores[k],
            scores[k] - scores[1 - k],
            n,
            scores[k] / n,
            (scores[k] - scores[1 - k]) / n,
            int(winner == k),
            int(mine[0] == 0),
            coops[k],
        ]
        for a, b in _STATES:  # state distribution from this player's side
            row.append(int(((mine == a) & (theirs == b)).sum()))
        for a, b in _STATES:  # state at t-1 -> this player's action at t
            prev = (mine[:-1] == a) & (theirs[:-1] == b)
            row.append(int((prev & (mine[1:] == 0)).sum()))
            row.append(int((prev & (mine[1:] == 1)).sum()))
        row.append(int(coops[k] >= coops[1 - k]))
        rows.append(row)
    return rows


HEADER = [
    "Interaction index",
    "Player index",
    "Opponent index",
    "Repetition",
    "Player name",
    "Opponent name",
    "Actions",
    "Score",
    "Score difference",
    "Turns",
    "Score per turn",
    "Score difference per turn",
    "Win",
    "Initial cooperation",
    "Cooperation count",
    "CC count",
    "CD count",
    "DC count",
    "DD count",
    "CC to C count",
    "CC to D count",
    "CD to C count",
    "CD to D count",
    "DC to C count",
    "DC to D count",
    "DD to C count",
    "DD to D count",
    "Good partner",
]


def write_axelrod_interactions(results: ResultSet, path: str | Path) -> Path:
    """Write ``results`` as an ``axelrod`` interactions CSV (atomically).

    Needs the moves: play the tournament with ``record_moves=True``. Read it back with
    ``axelrod.ResultSet(path, players=results.players, repetitions=results.repetitions)``.
    """
    if results.moves is None:
        raise ValueError("the axelrod interactions format holds every move: play with record_moves=True")
    game = np.array(results.settings["game"], dtype=np.float64)
    pairs = sorted(results.pair_index.items(), key=lambda kv: kv[1])

    def write(tmp: Path) -> None:
        with tmp.open("w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(HEADER)
            index = 0
            for (i, j), _ in pairs:
                for rep in range(results.repetitions):
                    moves = results.match_moves(i, j, rep)
                    for side, row in enumerate(_rows_for_match(moves, game)):
                        me, other = (i, j) if side == 0 else (j, i)
                        w.writerow([index, me, other, rep, results.players[me], results.players[other], *row])
                    index += 1

    return write_atomic(path, write)


# -- axelrod players inside cooptourney tournaments (the Python path) -------------------------


def python_match_seed(seed: int, key_i: int, key_j: int, repetition: int) -> int:
    """The seed given to ``axelrod.Match`` for one Python-path match (32 bits, as axelrod takes).

    A pure function of (tournament seed, the pair's identity keys in either order,
    repetition), like every other stream of the engine.
    """
    lo, hi = sorted((int(key_i), int(key_j)))
    return derive_key(int(seed), lo, hi, int(repetition), 0x5059) & 0xFFFFFFFF


def _as_axelrod(player, profile=None, politicization=None):
    from cooptourney.players import PythonPlayer

    if isinstance(player, PythonPlayer):
        return player.obj.clone()
    return AxelrodPlayer(player, profile=profile, politicization=politicization)


def play_python_match(players, i, j, keys, seed, repetition, turns, prob_end, noise, game, transformer=None):
    """Moves (int8[2, n]) of one match involving a Python player, played by ``axelrod.Match``."""
    axl = _axl()
    if transformer is None:
        profiles, pol = [None] * len(players), None
    else:
        profiles, pol = transformer.profile_list(len(players)), transformer.politicization
    a = _as_axelrod(players[i], profiles[i], pol)
    b = _as_axelrod(players[j], profiles[j], pol)
    kwargs = {
        "noise": noise,
        "game": axl.Game(r=game[0], s=game[1], t=game[2], p=game[3]),
        "seed": python_match_seed(seed, keys[i], keys[j], repetition),
    }
    if prob_end:
        kwargs["prob_end"] = prob_end
        kwargs["turns"] = turns if turns else float("inf")
    else:
        kwargs["turns"] = turns
    result = axl.Match((a, b), **kwargs).play()
    moves = np.array(
        [[0 if x == axl.Action.C else 1 for x, _ in result], [0 if y == axl.Action.C else 1 for _, y in result]],
        dtype=np.int8,
    )
    return moves


def account(packed, i, j, moves, game, known_length, hist, out):
    """Fill one result row from given moves by replaying them through the compiled kernel.

    Two Sequence Players replay the moves, so scores, perceived utilities and the
    reciprocity counters come from the same code as every other match (flip-based
    counters stay 0: which moves axelrod's noise flipped is not known here).
    """
    from cooptourney.core.dispatch import step_list
    from cooptourney.core.layout import (
        CFG_MEMORY,
        CFG_REELECT,
        CFG_SIZE,
        CFG_TRACE,
        MatchRecord,
        MatchSettings,
        Side,
    )
    from cooptourney.registry import get_strategy

    seq = get_strategy("Sequence Player")
    n = moves.shape[1]
    cfg = np.zeros(CFG_SIZE)
    cfg[CFG_REELECT] = 1.0
    cfg[CFG_MEMORY] = 1.0
    cfg[CFG_TRACE] = -1.0
    keys = np.zeros(5, dtype=np.uint64)
    no_trace = np.zeros(0)
    empty = np.zeros(0, dtype=np.int8)
    step = step_list([seq])[0]
    packed.kernel.module.play_match(
        Side(
            step=step,
            params=np.zeros(0),
            init=moves[0].astype(np.float64),
            perceived=packed.perceived[i],
            keys=keys,
            cfg=cfg,
        ),
        Side(
            step=step,
            params=np.zeros(0),
            init=moves[1].astype(np.float64),
            perceived=packed.perceived[j],
            keys=keys,
            cfg=cfg.copy(),
        ),
        # noise 0: the moves are replayed as played (axelrod already applied the match's noise)
        MatchSettings(game=game, turns=np.int64(n), known_length=float(known_length), noise=0.0),
        MatchRecord(
            flip_a=empty, flip_b=empty, hist_a=hist[0], hist_b=hist[1], trace_a=no_trace, trace_b=no_trace, out=out
        ),
    )
