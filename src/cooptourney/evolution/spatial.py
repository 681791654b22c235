"""Spatial tournaments: a round robin restricted to the edges of a graph.

Every played match is the same match, bit for bit, as in the full round robin with the
same settings: the tournament kernel keys its random streams by the players, not by their
positions (docs/reference/evolution.md).

References
----------
Nowak, M. A. & May, R. M. (1992), "Evolutionary games and spatial chaos", Nature 359.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, fields
from numbers import Integral
from typing import Any

import numpy as np

from cooptourney.evolution.graphs import check_graph, node_order
from cooptourney.players import Player
from cooptourney.progress import ProgressBar
from cooptourney.results import ResultSet
from cooptourney.settings import SettingsError
from cooptourney.tournament import Tournament

__all__ = ["SpatialResultSet", "SpatialTournament", "star_matches"]


class SpatialTournament(Tournament):
    """A round robin restricted to the edges of a graph (Nowak & May 1992 style spatial play).

    Parameters
    ----------
    players : sequence of Player or str
    graph : networkx graph or sequence of (i, j) pairs
        Who plays whom. Player k sits at node k when the nodes are 0..n-1, otherwise at
        the k-th node of ``graph.nodes``. Edge direction is ignored; a self-loop makes
        that player play itself.
    self_play : bool, default False
        Also play every player against itself (``axelrod``'s spatial tournaments do not).
    **kwargs
        Everything :class:`Tournament` takes (turns, prob_end, noise, repetitions, seed,
        game, record_moves, transformer).

    Notes
    -----
    Every played match is bit-identical to the same match in the full round robin with
    the same settings (streams are keyed by the players, not by positions). :meth:`play`
    returns a :class:`SpatialResultSet`: unplayed pairs have zero turns and NaN per-turn
    payoffs, and per-player scores count only the matches played.
    """

    def __init__(self, players, graph, self_play: bool = False, **kwargs: Any) -> None:
        super().__init__(players, **kwargs)
        n = len(self.players)
        if isinstance(graph, (list, tuple)):
            import networkx as nx

            edges = [tuple(e) for e in graph]
            if any(len(e) != 2 for e in edges):
                raise SettingsError("edges must be pairs (i, j) of player indices")
            bad = [e for e in edges for v in e if isinstance(v, bool) or not isinstance(v, Integral) or not 0 <= v < n]
            if bad:
                raise SettingsError(f"edge {bad[0]!r} names a player outside 0..{n - 1}")
            g = nx.Graph()
            g.add_nodes_from(range(n))
            g.add_edges_from(edges)
            graph = g
        check_graph(graph, "spatial tournament's graph")
        order = node_order(graph, n, "spatial tournament's graph")
        pairs = {tuple(sorted((order[u], order[v]))) for u, v in graph.edges()}
        if self_play:
            pairs |= {(k, k) for k in range(n)}
        self.graph = graph
        self.self_play = bool(self_play)
        self._pairs = sorted(pairs)

    @property
    def pairs(self) -> tuple[np.ndarray, np.ndarray]:
        """The graph's edges as (i <= j) index arrays, sorted."""
        if not self._pairs:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        arr = np.array(self._pairs, dtype=np.int64)
        return arr[:, 0].copy(), arr[:, 1].copy()

    def play(self, progress: bool = False) -> SpatialResultSet:
        if not self._pairs:
            raise SettingsError("the graph has no edges: no match to play")
        res = super().play(progress=progress)
        values = {f.name: getattr(res, f.name) for f in fields(ResultSet)}
        values["settings"] = {**res.settings, "graph": {"edges": len(self._pairs), "self_play": self.self_play}}
        return SpatialResultSet(**values)


@dataclass(repr=False)
class SpatialResultSet(ResultSet):
    """A :class:`ResultSet` of a tournament that played only some pairs.

    Unplayed pairs have zero turns; their per-turn values are NaN, and every per-player
    aggregate (normalised scores, utilities, wins, cooperation, reciprocity metrics)
    runs over the matches actually played, so a player is compared with its neighbours.
    """

    @property
    def played(self) -> np.ndarray:
        """bool[n, n]: True where the pair played (both orders)."""
        return self.turns_matrix.sum(axis=2) > 0

    def _others(self) -> np.ndarray:
        return (self.played & ~np.eye(self.n_players, dtype=bool))[:, :, None]

    def _per_turn(self, matrix: np.ndarray, self_play: bool) -> np.ndarray:
        mask = (self.played if self_play else self._others()[:, :, 0])[:, :, None] & (self.turns_matrix > 0)
        per_turn = np.divide(matrix, self.turns_matrix, out=np.zeros_like(matrix), where=mask)
        count = mask.sum(axis=1)
        return np.divide(per_turn.sum(axis=1), count, out=np.full(count.shape, np.nan), where=count > 0)

    def _mean_per_turn(self, matrix: np.ndarray) -> np.ndarray:
        ok = self.turns_matrix > 0
        per_turn = np.divide(matrix, self.turns_matrix, out=np.full(matrix.shape, np.nan), where=ok)
        out = np.full(matrix.shape[:2], np.nan)
        played = self.played
        out[played] = per_turn[played].mean(axis=-1)
        return out

    @property
    def payoff_matrix(self) -> np.ndarray:
        """float64[n, n]: mean per-turn material payoff of i against j; NaN where unplayed."""
        return self._mean_per_turn(self.score_matrix)

    @property
    def utility_matrix_per_turn(self) -> np.ndarray:
        """float64[n, n]: mean per-turn perceived utility of i against j; NaN where unplayed."""
        return self._mean_per_turn(self.utility_matrix)

    @property
    def cooperation_matrix(self) -> np.ndarray:
        """float64[n, n]: fraction of C moves by i against j; NaN where unplayed."""
        turns = self.turns_matrix.sum(axis=2)
        return np.divide(self.coop_matrix.sum(axis=2), turns, out=np.full(turns.shape, np.nan), where=turns > 0)

    def _metric_arrays(self, mask: np.ndarray, axes: tuple[int, ...]) -> dict[str, np.ndarray]:
        return super()._metric_arrays(mask * self.played[:, :, None], axes)


def star_matches(
    center: Player,
    others: Sequence[Player],
    settings: dict[str, Any],
    record_moves: bool = False,
    progress: bool = False,
    batch: int | None = None,
):
    """Play ``center`` against each of ``others`` (``settings``: Tournament keywords).

    A spatial tournament on a star, played by :meth:`Tournament.play` in batches of
    ``batch`` leaves (a fingerprint has ten thousand probes, and a ResultSet is
    n x n x repetitions; the default keeps a batch's arrays near 30 MB). Streams are keyed
    by the players, not by their positions, so the batches give exactly the matches of
    one big star.

    Returns
    -------
    scores : ndarray(float64, ndim=2)
        ``[len(others), repetitions]`` the center's total material payoff per match.
    turns : ndarray(float64, ndim=2)
        ``[len(others), repetitions]`` match lengths.
    moves : list of ndarray(int8, ndim=3) or None
        Per opponent, ``[repetitions, 2, max_turns]`` (center first) when ``record_moves``.
    """
    n = len(others)
    if batch is None:  # a ResultSet holds ~20 arrays of (batch + 1)^2 x repetitions floats
        batch = max(1, min(128, int(math.sqrt(200_000 / settings["repetitions"])) - 1))
    scores, turns, moves = [], [], [] if record_moves else None
    with ProgressBar(n, "match-up", progress) as bar:
        for start in range(0, n, batch):
            leaves = list(others[start : start + batch])
            edges = [(0, k) for k in range(1, len(leaves) + 1)]
            res = SpatialTournament([center] + leaves, edges, record_moves=record_moves, **settings).play()
            scores.append(res.score_matrix[0, 1:, :])
            turns.append(res.turns_matrix[0, 1:, :])
            if record_moves:
                moves += [res.moves[res.pair_index[(0, k)]] for k in range(1, len(leaves) + 1)]
            bar.update(len(leaves))
    return np.concatenate(scores), np.concatenate(turns), moves
