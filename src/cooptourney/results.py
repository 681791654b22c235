"""ResultSet: everything a tournament measured, as arrays, tables and files.

Conventions (matching ``axelrod`` where it has the same quantity):

* ``scores[i, r]`` is player i's total payoff in repetition r summed over its
  matches against the *other* players (self-play excluded, as ``axelrod`` does);
  ``scores_with_self_play`` adds the self-play match, as Axelrod (1980) counted it.
  In self-play both copies are the same player; their mean is used.
* ``normalised_scores[i, r]`` is the mean per-turn payoff over those matches.
* ``payoff_matrix[i, j]`` is the mean per-turn payoff of i against j over repetitions.
* The ranking is by the median over repetitions of the normalised score,
  self-play excluded (``axelrod``'s ``ranked_names``), unless asked otherwise.
* Everything exists twice: material payoff (what the world gets) and perceived
  utility (what players optimise under a transformer). They coincide without one.
"""

from __future__ import annotations

import json
from collections import Counter, namedtuple
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from numba import njit

from cooptourney.atomic import write_atomic, write_atomic_all
from cooptourney.core.layout import (
    OUT_BREAKS,
    OUT_CC_A,
    OUT_CC_B,
    OUT_COOP_A,
    OUT_COOP_B,
    OUT_ECHO_RUNS,
    OUT_ECHO_TURNS,
    OUT_FORGIVE_A,
    OUT_FORGIVE_B,
    OUT_FORGIVE_OPP_A,
    OUT_FORGIVE_OPP_B,
    OUT_MAX_GAP,
    OUT_RECOVERED,
    OUT_RECOVERY_TURNS,
    OUT_RESTART_A,
    OUT_RESTART_B,
    OUT_SCORE_A,
    OUT_SCORE_B,
    OUT_TURNOVER_A,
    OUT_TURNOVER_B,
    OUT_TURNS,
    OUT_UTIL_A,
    OUT_UTIL_B,
)

# pandas is imported by the methods that build a table, not here: ``import cooptourney``
# and a first match should not wait half a second for it (benchmarks/first_use.py).
if TYPE_CHECKING:
    import pandas as pd

RANK_BY = ("score", "score_with_self_play", "utility", "utility_with_self_play")

#: Columns of the player table that were renamed to say which statistic over the
#: repetitions they hold (old name -> new name); files written before still carry the old.
RENAMED_COLUMNS = {
    "score_per_turn": "score_per_turn_mean",
    "score_per_turn_with_self_play": "score_per_turn_with_self_play_mean",
}

#: Per-match counters kept by the kernel (name, column for the row player, column for the
#: column player); pair-level quantities use the same column twice. See docs/reference/metrics.md.
COUNTERS = (
    ("forgive_opportunities", OUT_FORGIVE_OPP_A, OUT_FORGIVE_OPP_B),
    ("forgave", OUT_FORGIVE_A, OUT_FORGIVE_B),
    ("max_imbalance", OUT_MAX_GAP, OUT_MAX_GAP),
    ("echo_turns", OUT_ECHO_TURNS, OUT_ECHO_TURNS),
    ("echo_runs", OUT_ECHO_RUNS, OUT_ECHO_RUNS),
    ("breaks", OUT_BREAKS, OUT_BREAKS),
    ("recovered", OUT_RECOVERED, OUT_RECOVERED),
    ("recovery_turns", OUT_RECOVERY_TURNS, OUT_RECOVERY_TURNS),
    ("turnovers", OUT_TURNOVER_A, OUT_TURNOVER_B),
    ("restarts", OUT_RESTART_A, OUT_RESTART_B),
)

#: The reciprocity metrics of docs/model.md, "Reciprocity", as columns of the tables (docs/reference/metrics.md).
METRICS = (
    "cooperation_rate",
    "contingency",
    "retaliation",
    "forgiveness",
    "max_imbalance",
    "feud_length",
    "recovery_time",
    "unrecovered",
)


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """num / den with NaN where nothing was observed (den == 0)."""
    num = np.asarray(num, dtype=np.float64)
    den = np.asarray(den, dtype=np.float64)
    out = np.full(np.broadcast(num, den).shape, np.nan)
    np.divide(num, den, out=out, where=den > 0)
    return out


@njit(cache=True)
def _scatter_columns(out, cols_a, cols_b, pair_i, pair_j, n):
    """float64[k, n, n, reps]: result column pair ``(cols_a[q], cols_b[q])`` of every task in
    ``out`` (pairs x reps x columns) scattered into matrix ``q``: player A's value at
    [i, j], B's at [j, i], the mean of the two copies in self-play. One pass over the
    tasks; each matrix ``[q]`` is C-contiguous as it stands."""
    k = cols_a.shape[0]
    reps = out.shape[1]
    m = np.zeros((k, n, n, reps))
    for p in range(out.shape[0]):
        i = pair_i[p]
        j = pair_j[p]
        for r in range(reps):
            for q in range(k):
                a = out[p, r, cols_a[q]]
                b = out[p, r, cols_b[q]]
                if i == j:
                    m[q, i, i, r] = 0.5 * (a + b)
                else:
                    m[q, i, j, r] = a
                    m[q, j, i, r] = b
    return m


@njit(cache=True)
def _standings_sums(out, pair_i, pair_j, n):
    """Per-player, per-repetition totals of the result rows ``out`` (pairs x reps x columns).

    Returns ``(per_turn, per_turn_self, wins, coop, turns)``: float64[n, reps] sums of i's
    payoff per turn over the other players and over every player (self-play included),
    int64[n, reps] matches won against the others, and float64[n] C moves and turns
    against the others. The per-turn sums add the partners in index order, as numpy
    reduces the ``[n, n, reps]`` matrices of :class:`ResultSet` over their second axis,
    so the totals are the same bits; counts are integers, exact in any order.
    """
    reps = out.shape[1]
    # (i, j) -> task row, so the partners of i are visited in the order j = 0, 1, ..., n-1
    row = np.full((n, n), -1, dtype=np.int64)
    for p in range(pair_i.shape[0]):
        row[pair_i[p], pair_j[p]] = p
    per_turn = np.zeros((n, reps))
    per_turn_self = np.zeros((n, reps))
    wins = np.zeros((n, reps), dtype=np.int64)
    coop = np.zeros(n)
    turns = np.zeros(n)
    for i in range(n):
        for j in range(n):
            if i <= j:
                p, mine, theirs, my_coop = row[i, j], OUT_SCORE_A, OUT_SCORE_B, OUT_COOP_A
            else:
                p, mine, theirs, my_coop = row[j, i], OUT_SCORE_B, OUT_SCORE_A, OUT_COOP_B
            for r in range(reps):
                t = out[p, r, OUT_TURNS]
                if i == j:
                    per_turn_self[i, r] += 0.5 * (out[p, r, OUT_SCORE_A] + out[p, r, OUT_SCORE_B]) / t
                    continue
                score = out[p, r, mine]
                per_turn[i, r] += score / t
                per_turn_self[i, r] += score / t
                if score > out[p, r, theirs]:
                    wins[i, r] += 1
                coop[i] += out[p, r, my_coop]
                turns[i] += t
    return per_turn, per_turn_self, wins, coop, turns


class CallableList(list):
    """A list that can also be called: ``results.ranked_names`` is ``axelrod``'s list
    (ranked by score), and ``results.ranked_names(by)`` ranks by another criterion.

    Calling it with no argument ranks by score again (``ranked_names()`` is the same
    names, ``ranking()`` the same indices as an int64 array), so code written for either
    convention keeps working.
    """

    def __init__(self, values, compute):
        super().__init__(values)
        self._compute = compute

    def __call__(self, by: str = "score"):
        return self._compute(by)


#: One row of :meth:`ResultSet.summarise`: ``axelrod``'s fields, in its order.
SummaryRow = namedtuple(
    "SummaryRow",
    [
        "Rank",
        "Name",
        "Median_score",
        "Cooperation_rating",
        "Wins",
        "Initial_C_rate",
        "CC_rate",
        "CD_rate",
        "DC_rate",
        "DD_rate",
        "CC_to_C_rate",
        "CD_to_C_rate",
        "DC_to_C_rate",
        "DD_to_C_rate",
    ],
)

#: The four states of a turn (own move, partner's move), in ``axelrod``'s order.
STATES = (("C", "C"), ("C", "D"), ("D", "C"), ("D", "D"))


def principal_eigenvector(matrix: np.ndarray) -> np.ndarray:
    """float64[n]: the unit eigenvector of the eigenvalue of largest modulus, signed so
    that its entries sum to a non-negative number (the limit of power iteration from a
    vector of ones, which is how ``axelrod`` computes it); NaN for an empty or
    non-finite matrix."""
    m = np.asarray(matrix, dtype=np.float64)
    if m.size == 0 or not np.isfinite(m).all():
        return np.full(m.shape[0], np.nan)
    values, vectors = np.linalg.eig(m)
    v = np.real(vectors[:, int(np.argmax(np.abs(values)))])
    norm = np.linalg.norm(v)
    if norm == 0:
        return np.full(m.shape[0], np.nan)
    v = v / norm
    return -v if v.sum() < 0 else v


def json_safe(obj: Any) -> Any:
    """Plain JSON types with NaN and infinities as None."""
    if isinstance(obj, dict):
        return {str(k): json_safe(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [json_safe(v) for v in obj]
    if isinstance(obj, np.ndarray):
        return json_safe(obj.tolist())
    if isinstance(obj, (np.integer,)):
        return int(obj)
    if isinstance(obj, (float, np.floating)):
        x = float(obj)
        return x if np.isfinite(x) else None
    return obj


@dataclass(repr=False)
class ResultSet:
    """Results of a tournament. Build with :meth:`Tournament.play`.

    Besides its own arrays it answers to ``axelrod.ResultSet``'s names with their meaning
    (``ranked_names``, ``ranking``, ``payoffs``, ``payoff_stddevs``, ``score_diffs``,
    ``match_lengths``, ``cooperation``, ``cooperating_rating``, ``good_partner_matrix``,
    ``eigenjesus_rating``, :meth:`summarise`, ...); docs/howto/axelrod.md maps them.
    """

    players: list[str]
    reciprocity: list[str]
    settings: dict[str, Any]
    score_matrix: np.ndarray  # float64[n, n, reps] total material payoff of i against j
    utility_matrix: np.ndarray  # float64[n, n, reps] total perceived utility of i against j
    turns_matrix: np.ndarray  # float64[n, n, reps] match lengths
    coop_matrix: np.ndarray  # float64[n, n, reps] number of C moves by i against j
    contingency: np.ndarray  # float64[n, n, reps, 4] counts (own move t, partner move t-1)
    moves: np.ndarray | None = None  # int8[pairs, reps, 2, max_turns] when recorded
    pair_index: dict[tuple[int, int], int] = field(default_factory=dict)
    elapsed: float = 0.0
    counters: dict[str, np.ndarray] = field(default_factory=dict)  # name -> float64[n, n, reps]
    traces: np.ndarray | None = None  # float64[pairs, reps, 2, max_turns] when recorded

    @classmethod
    def from_tasks(cls, players, out, pair_i, pair_j, moves, settings, elapsed, traces=None, names=None) -> ResultSet:
        """Scatter the kernel's per-task result rows into the per-player arrays.

        ``names`` are the names to show (default: each player's ``name``); a tournament
        passes :func:`cooptourney.players.display_names`, so duplicates are told apart.
        """
        n = len(players)
        # every (player A column, player B column) pair of result columns, scattered at once
        columns = [
            (OUT_SCORE_A, OUT_SCORE_B),
            (OUT_UTIL_A, OUT_UTIL_B),
            (OUT_TURNS, OUT_TURNS),
            (OUT_COOP_A, OUT_COOP_B),
            *[(OUT_CC_A + q, OUT_CC_B + q) for q in range(4)],
            *[(a, b) for _, a, b in COUNTERS],
        ]
        cols_a = np.array([a for a, _ in columns], dtype=np.int64)
        cols_b = np.array([b for _, b in columns], dtype=np.int64)
        scattered = _scatter_columns(
            np.ascontiguousarray(out, dtype=np.float64),
            cols_a,
            cols_b,
            np.asarray(pair_i, dtype=np.int64),
            np.asarray(pair_j, dtype=np.int64),
            n,
        )
        at = {ab: k for k, ab in enumerate(columns)}

        def pw(a, b):
            return scattered[at[(a, b)]]

        first_cc = at[(OUT_CC_A, OUT_CC_B)]
        cont = np.ascontiguousarray(np.moveaxis(scattered[first_cc : first_cc + 4], 0, -1))
        return cls(
            players=[p.name for p in players] if names is None else list(names),
            reciprocity=[p.reciprocity for p in players],
            settings=settings,
            score_matrix=pw(OUT_SCORE_A, OUT_SCORE_B),
            utility_matrix=pw(OUT_UTIL_A, OUT_UTIL_B),
            turns_matrix=pw(OUT_TURNS, OUT_TURNS),
            coop_matrix=pw(OUT_COOP_A, OUT_COOP_B),
            contingency=cont,
            moves=moves,
            pair_index=dict(zip(zip(np.asarray(pair_i).tolist(), np.asarray(pair_j).tolist()), range(len(pair_i)))),
            elapsed=elapsed,
            counters={name: pw(a, b) for name, a, b in COUNTERS},
            traces=traces,
        )

    # -- sizes ------------------------------------------------------------------
    @property
    def n_players(self) -> int:
        return len(self.players)

    @property
    def repetitions(self) -> int:
        return self.score_matrix.shape[2]

    def _others(self) -> np.ndarray:
        return ~np.eye(self.n_players, dtype=bool)[:, :, None]

    # -- scores -------------------------------------------------------------------
    @property
    def scores(self) -> np.ndarray:
        """float64[n, reps]: total payoff against the other players (self-play excluded)."""
        return (self.score_matrix * self._others()).sum(axis=1)

    @property
    def scores_with_self_play(self) -> np.ndarray:
        """float64[n, reps]: total payoff including the self-play match (Axelrod 1980)."""
        return self.score_matrix.sum(axis=1)

    def _per_turn(self, matrix: np.ndarray, self_play: bool) -> np.ndarray:
        per_turn = matrix / self.turns_matrix
        if self_play:
            return per_turn.mean(axis=1)
        if self.n_players == 1:
            return np.full((1, self.repetitions), np.nan)
        return (per_turn * self._others()).sum(axis=1) / (self.n_players - 1)

    @property
    def normalised_scores(self) -> np.ndarray:
        """float64[n, reps]: mean per-turn payoff against the other players."""
        return self._per_turn(self.score_matrix, self_play=False)

    @property
    def normalised_scores_with_self_play(self) -> np.ndarray:
        return self._per_turn(self.score_matrix, self_play=True)

    @property
    def normalised_utilities(self) -> np.ndarray:
        """float64[n, reps]: mean per-turn perceived utility against the other players."""
        return self._per_turn(self.utility_matrix, self_play=False)

    @property
    def normalised_utilities_with_self_play(self) -> np.ndarray:
        return self._per_turn(self.utility_matrix, self_play=True)

    @property
    def payoff_matrix(self) -> np.ndarray:
        """float64[n, n]: mean per-turn material payoff of i against j."""
        return (self.score_matrix / self.turns_matrix).mean(axis=2)

    @property
    def utility_matrix_per_turn(self) -> np.ndarray:
        """float64[n, n]: mean per-turn perceived utility of i against j."""
        return (self.utility_matrix / self.turns_matrix).mean(axis=2)

    @property
    def wins(self) -> np.ndarray:
        """int64[n, reps]: matches won (strictly higher total), self-play excluded."""
        beats = self.score_matrix > np.transpose(self.score_matrix, (1, 0, 2))
        return (beats * self._others()).sum(axis=1).astype(np.int64)

    @property
    def cooperation_rate(self) -> np.ndarray:
        """float64[n]: fraction of C moves over all matches against the other players."""
        others = self._others()
        turns = (self.turns_matrix * others).sum(axis=(1, 2))
        with np.errstate(invalid="ignore", divide="ignore"):
            # NaN for a lone player: no matches against others, no rate
            return (self.coop_matrix * others).sum(axis=(1, 2)) / turns

    @property
    def cooperation_matrix(self) -> np.ndarray:
        """float64[n, n]: fraction of C moves by i against j."""
        return self.coop_matrix.sum(axis=2) / self.turns_matrix.sum(axis=2)

    def match_scores(self, i: int, j: int) -> np.ndarray:
        """float64[reps]: player i's total payoff against j in each repetition (the distribution)."""
        return self.score_matrix[i, j].copy()

    def match_moves(self, i: int, j: int, repetition: int = 0) -> np.ndarray:
        """int8[turns, 2] moves of (i, j) in one repetition; needs ``record_moves=True``."""
        if self.moves is None:
            raise ValueError("moves were not recorded; play the tournament with record_moves=True")
        if (i, j) in self.pair_index:
            k, a, b = self.pair_index[(i, j)], 0, 1
        else:
            k, a, b = self.pair_index[(j, i)], 1, 0
        n = int(self.turns_matrix[i, j, repetition])
        m = self.moves[k, repetition]
        return np.stack([m[a, :n], m[b, :n]], axis=1)

    # -- reciprocity metrics (docs/model.md, "Reciprocity"; definitions in docs/reference/metrics.md) ------------
    def _metric_arrays(self, mask: np.ndarray, axes: tuple[int, ...]) -> dict[str, np.ndarray]:
        """Pool counts over ``axes`` of the [n, n, reps] arrays, restricted to ``mask``."""

        def total(a):
            return (a * mask).sum(axis=axes)

        cont = self.contingency
        c_after_c, c_after_d = total(cont[..., 0]), total(cont[..., 1])
        d_after_c, d_after_d = total(cont[..., 2]), total(cont[..., 3])
        out = {
            "cooperation_rate": _ratio(total(self.coop_matrix), total(self.turns_matrix)),
            "contingency": _ratio(c_after_c, c_after_c + d_after_c) - _ratio(c_after_d, c_after_d + d_after_d),
            "retaliation": _ratio(d_after_d, c_after_d + d_after_d),
        }
        k = self.counters
        if not k:
            return out
        out["forgiveness"] = _ratio(total(k["forgave"]), total(k["forgive_opportunities"]))
        out["max_imbalance"] = _ratio(total(k["max_imbalance"]), total(np.ones_like(self.turns_matrix)))
        out["feud_length"] = _ratio(total(k["echo_turns"]), total(k["echo_runs"]))
        out["recovery_time"] = _ratio(total(k["recovery_turns"]), total(k["recovered"]))
        out["unrecovered"] = 1.0 - _ratio(total(k["recovered"]), total(k["breaks"]))
        return out

    def reciprocity_metrics(self, self_play: bool = False) -> pd.DataFrame:
        """Per-player reciprocity metrics, pooled over opponents and repetitions.

        Self-play is left out unless ``self_play``. NaN means the metric's conditioning
        event never happened (e.g. no forgiveness without ever retaliating).
        """
        import pandas as pd

        mask = np.ones_like(self.turns_matrix) if self_play else self._others() * np.ones_like(self.turns_matrix)
        values = self._metric_arrays(mask, (1, 2))
        df = pd.DataFrame({"player": self.players, "reciprocity": self.reciprocity, **values})
        return df

    def pair_metrics(self) -> pd.DataFrame:
        """Reciprocity metrics of player i against j (every ordered pair), pooled over repetitions."""
        import pandas as pd

        n = self.n_players
        values = self._metric_arrays(np.ones_like(self.turns_matrix), (2,))
        i, j = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
        names = np.array(self.players, dtype=object)
        return pd.DataFrame(
            {"player": names[i.ravel()], "opponent": names[j.ravel()], **{k: v.ravel() for k, v in values.items()}}
        )

    # -- ranking --------------------------------------------------------------------
    def _ranking(self, by: str = "score") -> np.ndarray:
        """int64[n]: player indices, best first, by the median normalised value over repetitions."""
        if by not in RANK_BY:
            raise ValueError(f"cannot rank by {by!r}; choose one of {', '.join(RANK_BY)}")
        values = {
            "score": self.normalised_scores,
            "score_with_self_play": self.normalised_scores_with_self_play,
            "utility": self.normalised_utilities,
            "utility_with_self_play": self.normalised_utilities_with_self_play,
        }[by]
        med = np.nan_to_num(np.median(values, axis=1), nan=-np.inf)
        return np.argsort(-med, kind="stable")

    def _ranked_names(self, by: str = "score") -> list[str]:
        return [self.players[i] for i in self._ranking(by)]

    @property
    def ranking(self) -> CallableList:
        """Player indices, best first, by the median over repetitions of the normalised
        score, self-play excluded: ``axelrod``'s ``ranking`` (a list).

        ``ranking(by)`` (int64[n]) ranks by another criterion of :data:`RANK_BY`.
        """
        return CallableList(self._ranking().tolist(), self._ranking)

    @property
    def ranked_names(self) -> CallableList:
        """Player names, best first (``axelrod``'s ``ranked_names``, a list);
        ``ranked_names(by)`` ranks by another criterion of :data:`RANK_BY`."""
        return CallableList(self._ranked_names(), self._ranked_names)

    # -- axelrod's names ------------------------------------------------------------------
    # Each has the meaning and the shape of the ``axelrod.ResultSet`` attribute of the
    # same name (docs/howto/axelrod.md); arrays where ``axelrod`` has nested lists.
    @property
    def num_players(self) -> int:
        return self.n_players

    @property
    def payoffs(self) -> np.ndarray:
        """float64[n, n, reps]: per-turn payoff of i against j in each repetition (NaN for a
        pair that did not play, in a spatial tournament)."""
        with np.errstate(invalid="ignore", divide="ignore"):
            return self.score_matrix / self.turns_matrix

    @property
    def payoff_stddevs(self) -> np.ndarray:
        """float64[n, n]: population standard deviation (ddof 0) over repetitions of :attr:`payoffs`."""
        return self.payoffs.std(axis=2)

    @property
    def score_diffs(self) -> np.ndarray:
        """float64[n, n, reps]: i's per-turn payoff minus j's, in each repetition (0 in self-play)."""
        with np.errstate(invalid="ignore", divide="ignore"):
            return (self.score_matrix - np.transpose(self.score_matrix, (1, 0, 2))) / self.turns_matrix

    @property
    def payoff_diffs_means(self) -> np.ndarray:
        """float64[n, n]: mean over repetitions of :attr:`score_diffs`."""
        return self.score_diffs.mean(axis=2)

    @property
    def match_lengths(self) -> np.ndarray:
        """float64[reps, n, n]: turns of each match (repetition first, as ``axelrod`` has it)."""
        return np.ascontiguousarray(np.moveaxis(self.turns_matrix, 2, 0))

    @property
    def cooperation(self) -> np.ndarray:
        """int64[n, n]: C moves of i against j, summed over repetitions (self-play: one copy's
        count, the mean of the two rounded down, as ``axelrod`` halves its double count)."""
        total = self.coop_matrix.sum(axis=2)
        return np.floor(total + 1e-9).astype(np.int64)

    @property
    def normalised_cooperation(self) -> np.ndarray:
        """float64[n, n]: :attr:`cooperation` over the turns i and j played (0 where none)."""
        turns = self.turns_matrix.sum(axis=2)
        return np.divide(self.cooperation, turns, out=np.zeros(turns.shape), where=turns > 0)

    @property
    def vengeful_cooperation(self) -> np.ndarray:
        """float64[n, n]: 2 (normalised cooperation - 1/2), from -1 (always D) to 1 (always C)."""
        return 2.0 * (self.normalised_cooperation - 0.5)

    @property
    def cooperating_rating(self) -> np.ndarray:
        """float64[n]: C moves over turns against the other players (0 for a lone player)."""
        others = self._others()[:, :, 0]
        coop = (self.cooperation * others).sum(axis=1)
        turns = (self.turns_matrix.sum(axis=2) * others).sum(axis=1)
        return coop / np.maximum(1.0, turns)

    @property
    def good_partner_matrix(self) -> np.ndarray:
        """int64[n, n]: repetitions in which i cooperated at least as often as j (0 on the diagonal)."""
        good = self.coop_matrix >= np.transpose(self.coop_matrix, (1, 0, 2))
        return (good * self._others()).sum(axis=2).astype(np.int64)

    @property
    def good_partner_rating(self) -> np.ndarray:
        """float64[n]: share of i's matches against the others in which it was a good partner."""
        interactions = (self._others() * np.ones_like(self.turns_matrix)).sum(axis=(1, 2))
        return self.good_partner_matrix.sum(axis=1) / np.maximum(1, interactions)

    @property
    def initial_cooperation_count(self) -> np.ndarray:
        """int64[n]: matches against the others that i opened with C.

        A first move is counted as the C moves not preceded by a partner's move (the
        contingency counts cover turns 2 onwards)."""
        later = self.contingency[..., 0] + self.contingency[..., 1]
        first = (self.coop_matrix - later) * self._others()
        return np.rint(first.sum(axis=(1, 2))).astype(np.int64)

    @property
    def initial_cooperation_rate(self) -> np.ndarray:
        """float64[n]: share of i's matches against the others opened with C."""
        interactions = (self._others() * np.ones_like(self.turns_matrix)).sum(axis=(1, 2))
        return np.divide(
            self.initial_cooperation_count,
            interactions,
            out=np.zeros(self.n_players),
            where=interactions > 0,
        )

    @property
    def eigenjesus_rating(self) -> np.ndarray:
        """float64[n]: principal eigenvector of :attr:`normalised_cooperation` (Aaronson's EigenJesus)."""
        return principal_eigenvector(self.normalised_cooperation)

    @property
    def eigenmoses_rating(self) -> np.ndarray:
        """float64[n]: principal eigenvector of :attr:`vengeful_cooperation` (Aaronson's EigenMoses)."""
        return principal_eigenvector(self.vengeful_cooperation)

    def _state_counts(self) -> np.ndarray:
        """int64[n, n, 4, 3]: over repetitions, for i against j and each state ``s`` of
        :data:`STATES` (own move, partner's move): ``[..., s, 0]`` turns in that state,
        ``[..., s, 1]`` those followed by a turn on which i played C, ``[..., s, 2]`` those
        followed by any turn. Self-play is left out (zeros), as in ``axelrod``.
        Needs the moves (``record_moves=True``)."""
        if self.moves is None:
            raise ValueError("state distributions need the moves: play the tournament with record_moves=True")
        n = self.n_players
        out = np.zeros((n, n, 4, 3), dtype=np.int64)
        for (i, j), k in self.pair_index.items():
            if i == j:
                continue
            for r in range(self.repetitions):
                length = int(self.turns_matrix[i, j, r])
                m = self.moves[k, r, :, :length].astype(np.int64)
                for me, other, a, b in ((0, 1, i, j), (1, 0, j, i)):
                    state = 2 * m[me] + m[other]
                    out[a, b, :, 0] += np.bincount(state, minlength=4)
                    out[a, b, :, 1] += np.bincount(state[:-1][m[me, 1:] == 0], minlength=4)
                    out[a, b, :, 2] += np.bincount(state[:-1], minlength=4)
        return out

    @property
    def state_distribution(self) -> list[list[Counter]]:
        """[n][n] Counters: turns of i against j in each state ``(own move, partner's move)``,
        summed over repetitions, keyed ``("C", "D")`` where ``axelrod`` has ``(C, D)`` Actions;
        empty for self-play, as in ``axelrod``. Needs ``record_moves=True``."""
        counts = self._state_counts()[..., 0]
        return [
            [Counter({s: int(c) for s, c in zip(STATES, counts[i, j]) if c}) for j in range(self.n_players)]
            for i in range(self.n_players)
        ]

    @property
    def normalised_state_distribution(self) -> list[list[Counter]]:
        """[n][n] Counters: :attr:`state_distribution` as shares of the turns."""
        return [
            [Counter({s: v / sum(c.values()) for s, v in c.items()}) for c in row] for row in self.state_distribution
        ]

    @property
    def state_to_action_distribution(self) -> list[list[Counter]]:
        """[n][n] Counters keyed ``(state, action)``: how often i played ``action`` on the
        turn after ``state`` against j, summed over repetitions. Needs ``record_moves=True``."""
        counts = self._state_counts()
        n = self.n_players
        out = []
        for i in range(n):
            row = []
            for j in range(n):
                c = Counter()
                for s, state in enumerate(STATES):
                    to_c, follows = int(counts[i, j, s, 1]), int(counts[i, j, s, 2])
                    if to_c:
                        c[(state, "C")] = to_c
                    if follows - to_c:
                        c[(state, "D")] = follows - to_c
                row.append(c)
            out.append(row)
        return out

    def summarise(self) -> list[SummaryRow]:
        """``axelrod``'s summary: one :data:`SummaryRow` per player, best first (Rank from 0).

        Median normalised score, cooperating rating, median wins, initial cooperation rate,
        the shares of the four states (CC, CD, DC, DD: the mean over opponents of each
        opponent's shares, self-play excluded) and the mean over opponents of the
        probability of C after each state. The state columns need
        the moves (``record_moves=True``); without them they are NaN.
        """
        n = self.n_players
        states = np.full((n, 4), np.nan)
        to_c = np.full((n, 4), np.nan)
        if self.moves is not None:
            counts = self._state_counts()
            others = ~np.eye(n, dtype=bool)
            # axelrod: each opponent's state shares, summed over the opponents, as shares
            turns = counts[..., 0].sum(axis=2, keepdims=True).astype(np.float64)
            shares = np.divide(counts[..., 0], turns, out=np.zeros(counts.shape[:3]), where=turns > 0)
            seen = (shares * others[:, :, None]).sum(axis=1)
            total = seen.sum(axis=1, keepdims=True)
            states = np.divide(seen, total, out=np.zeros_like(seen), where=total > 0)
            # axelrod: the mean over opponents of P(C | state), over the opponents against
            # whom i ever cooperated after that state
            rate = np.divide(counts[..., 1], counts[..., 2], out=np.zeros(counts.shape[:3]), where=counts[..., 2] > 0)
            used = counts[..., 1] > 0
            n_used = used.sum(axis=1)
            to_c = np.divide((rate * used).sum(axis=1), n_used, out=np.zeros((n, 4)), where=n_used > 0)
        median_scores = np.nanmedian(self.normalised_scores, axis=1)
        median_wins = np.nanmedian(self.wins, axis=1)
        coop, initial = self.cooperating_rating, self.initial_cooperation_rate
        return [
            SummaryRow(
                rank,
                self.players[i],
                float(median_scores[i]),
                float(coop[i]),
                float(median_wins[i]),
                float(initial[i]),
                *(float(x) for x in states[i]),
                *(float(x) for x in to_c[i]),
            )
            for rank, i in enumerate(self._ranking())
        ]

    # -- display --------------------------------------------------------------------------
    def __repr__(self) -> str:
        s = self.settings or {}
        length = f"{s['turns']} turns" if s.get("turns") else f"prob_end {s.get('prob_end')}"
        top = self._ranked_names()
        shown = ", ".join(top[:5]) + (f", ... ({len(top) - 5} more)" if len(top) > 5 else "")
        return (
            f"<ResultSet: {self.n_players} players, {self.repetitions} repetitions, {length}, "
            f"noise {s.get('noise', 0):g}, seed {s.get('seed')}; ranked: {shown}>"
        )

    def _repr_html_(self) -> str:
        """The ranking table for notebooks (at most 20 rows): median and mean score per turn."""
        df = self.to_dataframe()[
            ["rank", "player", "score_per_turn_median", "score_per_turn_mean", "wins", "cooperation_rate"]
        ]
        df = df.rename(
            columns={
                "score_per_turn_median": "median score per turn",
                "score_per_turn_mean": "mean score per turn",
                "wins": "mean wins",
                "cooperation_rate": "cooperation rate",
            }
        )
        more = len(df) - 20
        table = df.head(20).to_html(index=False, float_format=lambda x: f"{x:.3f}")
        caption = escape(self.__repr__())
        return f"<p>{caption}</p>{table}" + (f"<p>... and {more} more players</p>" if more > 0 else "")

    # -- tables and files ----------------------------------------------------------------
    def to_dataframe(self, by: str = "score") -> pd.DataFrame:
        """One row per player, sorted by rank (``by`` names the ranking criterion).

        Per-turn scores are given over the repetitions as a mean
        (``score_per_turn_mean``, ``score_per_turn_with_self_play_mean``) and, for the
        ranking statistic, a median (``score_per_turn_median``); the other quantities
        (totals, utilities, wins) are means over the repetitions.
        """
        import pandas as pd

        order = self._ranking(by)
        df = pd.DataFrame(
            {
                "player": self.players,
                "reciprocity": self.reciprocity,
                "score_per_turn_mean": self.normalised_scores.mean(axis=1),
                "score_per_turn_median": np.median(self.normalised_scores, axis=1),
                "score_per_turn_with_self_play_mean": self.normalised_scores_with_self_play.mean(axis=1),
                "total_score": self.scores.mean(axis=1),
                "total_score_with_self_play": self.scores_with_self_play.mean(axis=1),
                "utility_per_turn": self.normalised_utilities.mean(axis=1),
                "utility_per_turn_with_self_play": self.normalised_utilities_with_self_play.mean(axis=1),
                "wins": self.wins.mean(axis=1),
                "cooperation_rate": self.cooperation_rate,
                **{k: v for k, v in self.reciprocity_metrics().items() if k in METRICS[1:]},
            }
        )
        df = df.iloc[order].reset_index(drop=True)
        df.insert(0, "rank", np.arange(1, len(df) + 1))
        df.attrs["ranked_by"] = by
        return df

    def matches_dataframe(self) -> pd.DataFrame:
        """One row per (player, opponent, repetition): the per-pair score distributions."""
        import pandas as pd

        n, reps = self.n_players, self.repetitions
        i, j, r = np.meshgrid(np.arange(n), np.arange(n), np.arange(reps), indexing="ij")
        return pd.DataFrame(
            {
                "player": np.array(self.players, dtype=object)[i.ravel()],
                "opponent": np.array(self.players, dtype=object)[j.ravel()],
                "player_index": i.ravel(),
                "opponent_index": j.ravel(),
                "repetition": r.ravel(),
                "turns": self.turns_matrix.ravel().astype(np.int64),
                "score": self.score_matrix.ravel(),
                "utility": self.utility_matrix.ravel(),
                "cooperations": self.coop_matrix.ravel().astype(np.int64),
            }
        )

    def to_dict(self, by: str = "score") -> dict[str, Any]:
        from cooptourney import __version__

        return {
            "cooptourney_version": __version__,
            "settings": self.settings,
            "players": self.players,
            "reciprocity": self.reciprocity,
            "ranked_by": by,
            "ranking": self._ranked_names(by),
            "summary": self.to_dataframe(by).to_dict(orient="records"),
            "payoff_matrix": self.payoff_matrix.tolist(),
            "utility_matrix": self.utility_matrix_per_turn.tolist(),
            "score_distributions": self.score_matrix.tolist(),
            "match_lengths": self.turns_matrix.tolist(),
        }

    def write(self, path: str | Path, by: str = "score") -> Path:
        """Write by suffix: ``.csv`` / ``.parquet`` (player table), ``.json`` (everything).

        Atomic: the file appears complete or not at all. A ``.csv``/``.parquet`` table
        also writes ``<stem>.matches.<suffix>`` with the per-match rows.
        """
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix == ".json":
            # strict JSON: undefined values (NaN, e.g. a rate with no opportunities) -> null
            text = json.dumps(json_safe(self.to_dict(by)), indent=1, allow_nan=False)
            return write_atomic(path, lambda p: p.write_text(text))
        # The player table and its per-match companion are committed together, so a failed
        # write never leaves a new matches file beside an old (or missing) table.
        if suffix == ".csv":
            return write_atomic_all(
                [
                    (path.with_suffix(".matches.csv"), lambda p: self.matches_dataframe().to_csv(p, index=False)),
                    (path, lambda p: self.to_dataframe(by).to_csv(p, index=False)),
                ]
            )[-1]
        if suffix == ".parquet":
            return write_atomic_all(
                [
                    (
                        path.with_suffix(".matches.parquet"),
                        lambda p: self.matches_dataframe().to_parquet(p, index=False),
                    ),
                    (path, lambda p: self.to_dataframe(by).to_parquet(p, index=False)),
                ]
            )[-1]
        raise ValueError(f"cannot write {str(path)!r}: use a .csv, .parquet or .json file name")


@dataclass(repr=False)
class Standings:
    """Per-player results of a tournament, without its per-match arrays.

    What a ranking over repetitions needs: the same bits as the :class:`ResultSet`
    properties of the same name, built in one compiled pass over the kernel's result
    rows instead of ``[n, n, reps]`` matrices. Build with :meth:`Tournament.standings`.
    """

    players: list[str]
    settings: dict[str, Any]
    normalised_scores: np.ndarray  # float64[n, reps] mean payoff per turn against the others
    normalised_scores_with_self_play: np.ndarray  # float64[n, reps] the same over every player
    wins: np.ndarray  # int64[n, reps] matches won against the others
    cooperation_rate: np.ndarray  # float64[n] share of C moves against the others
    elapsed: float = 0.0

    @classmethod
    def from_tasks(cls, players, out, pair_i, pair_j, settings, elapsed, names=None) -> Standings:
        """Sum the kernel's per-task result rows (``out``: pairs x reps x columns) per player."""
        n = len(players)
        per_turn, per_turn_self, wins, coop, turns = _standings_sums(
            np.ascontiguousarray(out, dtype=np.float64),
            np.asarray(pair_i, dtype=np.int64),
            np.asarray(pair_j, dtype=np.int64),
            n,
        )
        with np.errstate(invalid="ignore", divide="ignore"):
            # a lone player has no partner: no score against others, no rate
            normalised = per_turn / (n - 1) if n > 1 else np.full(per_turn.shape, np.nan)
            rate = coop / turns
        return cls(
            players=[p.name for p in players] if names is None else list(names),
            settings=settings,
            normalised_scores=normalised,
            normalised_scores_with_self_play=per_turn_self / n,
            wins=wins,
            cooperation_rate=rate,
            elapsed=elapsed,
        )

    @property
    def n_players(self) -> int:
        return len(self.players)

    @property
    def repetitions(self) -> int:
        return self.normalised_scores.shape[1]

    def __repr__(self) -> str:
        return f"<Standings: {self.n_players} players, {self.repetitions} repetitions>"
