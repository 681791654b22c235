"""Evolution and space: ecological dynamics, the Moran process, spatial tournaments, fingerprints.

Everything here runs on the tournament engine: matches are played by the same compiled
kernel, with the same counter-based random streams, as :class:`~cooptourney.Tournament`.

* :func:`ecological` -- Axelrod's ecological analysis: discrete replicator dynamics on a
  tournament's payoff matrix (Axelrod 1984, ch. 3).
* :class:`MoranProcess` -- the birth-death Moran process in a finite population (Moran
  1958; Nowak 2006, ch. 6 and 8), with mutation and interaction/reproduction graphs;
  fixation probabilities over many runs, in parallel, bit-identical for any thread count.
  :func:`fixation_probability` is the exact value for two types on the complete graph.
* :class:`SpatialTournament` -- a round robin restricted to the edges of a graph.
* :func:`ashlock_fingerprint` and :func:`transitive_fingerprint` -- Ashlock's fingerprints
  (Ashlock & Kim 2008), with the probes of :mod:`cooptourney.strategies.probes`.

docs/evolution.md gives the formulas, the conventions and the measurements.

References
----------
Moran, P. A. P. (1958), "Random processes in genetics", Proc. Cambridge Phil. Soc. 54.
Nowak, M. A. (2006), Evolutionary Dynamics, Harvard University Press.
Axelrod, R. (1984), The Evolution of Cooperation, Basic Books.
Ashlock, D. & Kim, E.-Y. (2008), IEEE Transactions on Evolutionary Computation 12(5).
Lieberman, E., Hauert, C. & Nowak, M. A. (2005), "Evolutionary dynamics on graphs", Nature 433.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field, fields
from numbers import Integral, Real
from pathlib import Path
from typing import Any, Mapping, Sequence

import numba
import numpy as np
import pandas as pd
from numba import njit, prange

from cooptourney.core.rng import derive_key, mix64, text_key, uniform_at
from cooptourney.game import Game
from cooptourney.players import Player, as_player
from cooptourney.politics import ActorProfile, Transformer
from cooptourney.registry import get_strategy
from cooptourney.results import ResultSet
from cooptourney.settings import SettingsError, check_positive_int, check_probability, check_seed
from cooptourney.tournament import Tournament

FITNESS = ("material", "perceived")
AGGREGATES = ("total", "mean")
SELECTIONS = ("linear", "exponential")

#: Moran runs are played in blocks whose trajectories fit in this many int32 cells; each
#: block is summed into exact integer totals, so the block size cannot change a bit.
_BLOCK_CELLS = 4_000_000


# =============================================================================================
# Playing chosen pairs: spatial tournaments on the tournament engine
# =============================================================================================
def _star_matches(
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
    with _Progress(n, "match-up", progress) as bar:
        for start in range(0, n, batch):
            leaves = list(others[start:start + batch])
            edges = [(0, k) for k in range(1, len(leaves) + 1)]
            res = SpatialTournament([center] + leaves, edges, record_moves=record_moves, **settings).play()
            scores.append(res.score_matrix[0, 1:, :])
            turns.append(res.turns_matrix[0, 1:, :])
            if record_moves:
                moves += [res.moves[res.pair_index[(0, k)]] for k in range(1, len(leaves) + 1)]
            bar.update(len(leaves))
    return np.concatenate(scores), np.concatenate(turns), moves


class _Progress:
    """A tqdm bar on stderr, shown only after one second."""

    def __init__(self, total: int, unit: str, enabled: bool) -> None:
        self.total = int(total)
        self.enabled = bool(enabled) and self.total > 0
        self.bar = None
        self.unit = unit

    def __enter__(self) -> "_Progress":
        if self.enabled:
            from tqdm import tqdm

            self.bar = tqdm(total=self.total, unit=self.unit, delay=1.0, leave=False)
        return self

    def update(self, n: int) -> None:
        if self.bar is not None:
            self.bar.update(int(n))

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.close()


# =============================================================================================
# Graphs
# =============================================================================================
def _node_order(graph, n: int, what: str) -> dict:
    """Node -> position: nodes 0..n-1 sit at their own index, other labels in ``graph.nodes`` order."""
    nodes = list(graph.nodes)
    if len(nodes) != n:
        raise SettingsError(f"the {what} has {len(nodes)} nodes but there are {n} players; give one node per player")
    if set(nodes) == set(range(n)):
        return {v: v for v in range(n)}
    return {v: k for k, v in enumerate(nodes)}


def _check_graph(graph, what: str) -> None:
    try:
        import networkx as nx
    except ImportError:  # pragma: no cover - networkx is a dependency
        raise SettingsError("graphs need networkx (pip install networkx)") from None
    if not isinstance(graph, (nx.Graph, nx.DiGraph)):
        raise SettingsError(f"the {what} must be a networkx graph, got {type(graph).__name__}")


def graph_from_spec(spec: str, n: int | None = None):
    """A networkx graph from ``"complete"``, ``"cycle"``, ``"grid:WxH"`` or ``"edgelist:FILE"``.

    ``n`` (the population size) is needed for the complete graph and the cycle; a grid has
    W * H nodes (row-major: node ``r * W + c``), an edge list as many nodes as it names
    (whole numbers 0..n-1, one edge ``u v`` per line, ``#`` comments).
    """
    import networkx as nx

    text = str(spec).strip()
    kind, _, arg = text.partition(":")
    kind = kind.strip().lower()
    if kind in ("complete", "cycle"):
        if arg:
            raise SettingsError(f"graph {text!r}: {kind} takes no argument")
        if n is None:
            raise SettingsError(f"graph {kind} needs the population size")
        return nx.complete_graph(n) if kind == "complete" else nx.cycle_graph(n)
    if kind == "grid":
        w, sep, h = arg.lower().partition("x")
        if not sep or not w.strip().isdigit() or not h.strip().isdigit() or int(w) < 1 or int(h) < 1:
            raise SettingsError(f"graph {text!r}: write grid:WxH with whole numbers W, H >= 1, e.g. grid:5x4")
        w, h = int(w), int(h)
        g = nx.grid_2d_graph(h, w)
        return nx.relabel_nodes(g, {(r, c): r * w + c for r, c in g.nodes})
    if kind == "edgelist":
        path = Path(arg)
        if not arg or not path.is_file():
            raise SettingsError(f"graph {text!r}: no such edge-list file {arg!r}")
        try:
            g = nx.read_edgelist(path, nodetype=int, data=False)
        except (TypeError, ValueError) as exc:
            raise SettingsError(f"graph {text!r}: cannot read the edge list (lines 'u v' of whole numbers): {exc}") from None
        if n is not None:
            g.add_nodes_from(range(n))  # nodes without edges are still individuals (and make it disconnected)
        return g
    raise SettingsError(f"unknown graph {text!r}; choose complete, cycle, grid:WxH or edgelist:FILE")


def _undirected_adjacency(graph, n: int, what: str) -> list[list[int]]:
    """Sorted neighbour lists (self-loops dropped) of a graph whose nodes are the n positions."""
    _check_graph(graph, what)
    order = _node_order(graph, n, what)
    nbrs: list[set[int]] = [set() for _ in range(n)]
    for u, v in graph.edges():
        a, b = order[u], order[v]
        if a != b:
            nbrs[a].add(b)
            nbrs[b].add(a)
    return [sorted(s) for s in nbrs]


def _reproduction_adjacency(graph, n: int, what: str) -> list[list[int]]:
    """Sorted out-neighbour lists (directed edges followed, self-loops kept)."""
    _check_graph(graph, what)
    order = _node_order(graph, n, what)
    out: list[set[int]] = [set() for _ in range(n)]
    for u, v in graph.edges():
        a, b = order[u], order[v]
        out[a].add(b)
        if not graph.is_directed():
            out[b].add(a)
    return [sorted(s) for s in out]


def _require_connected(adj: list[list[int]], what: str, directed: bool) -> None:
    import networkx as nx

    g = nx.DiGraph() if directed else nx.Graph()
    g.add_nodes_from(range(len(adj)))
    g.add_edges_from((a, b) for a, nb in enumerate(adj) for b in nb)
    ok = nx.is_strongly_connected(g) if directed else nx.is_connected(g)
    if not ok:
        parts = (nx.number_strongly_connected_components(g) if directed else nx.number_connected_components(g))
        kind = "strongly connected" if directed else "connected"
        raise SettingsError(
            f"the {what} is not {kind} ({parts} components): every individual must be able to reach "
            "every other, or the process cannot fix"
        )


def _csr(adj: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    ptr = np.zeros(len(adj) + 1, dtype=np.int64)
    ptr[1:] = np.cumsum([len(a) for a in adj])
    idx = np.array([b for a in adj for b in a], dtype=np.int64)
    return ptr, idx


# =============================================================================================
# Spatial tournaments
# =============================================================================================
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
        _check_graph(graph, "spatial tournament's graph")
        order = _node_order(graph, n, "spatial tournament's graph")
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

    def play(self, progress: bool = False) -> "SpatialResultSet":
        if not self._pairs:
            raise SettingsError("the graph has no edges: no match to play")
        res = super().play(progress=progress)
        values = {f.name: getattr(res, f.name) for f in fields(ResultSet)}
        values["settings"] = {**res.settings, "graph": {"edges": len(self._pairs), "self_play": self.self_play}}
        return SpatialResultSet(**values)


@dataclass
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


# =============================================================================================
# Ecological (replicator) dynamics
# =============================================================================================
@dataclass
class EcologicalResult:
    """Shares over generations of Axelrod's ecological simulation.

    ``shares[g, i]`` is the share of player i after g generations (``shares[0]`` the
    initial shares); ``payoff_matrix`` is the matrix the dynamics ran on (shift included).
    """

    players: list[str]
    shares: np.ndarray  # float64[generations + 1, n]
    payoff_matrix: np.ndarray  # float64[n, n]
    fitness: str  # "material", "perceived" or "given matrix"
    shift: float
    tol: float
    converged: bool  # the last generation changed no share by tol or more
    converged_at: int | None  # first generation from which no share changes by tol or more

    @property
    def generations(self) -> int:
        return self.shares.shape[0] - 1

    @property
    def final_shares(self) -> np.ndarray:
        return self.shares[-1].copy()

    def summary(self) -> pd.DataFrame:
        """One row per player: initial share, final share, largest share reached, sorted by final share."""
        df = pd.DataFrame({
            "player": self.players,
            "initial_share": self.shares[0],
            "final_share": self.shares[-1],
            "max_share": self.shares.max(axis=0),
        })
        return df.sort_values("final_share", ascending=False, kind="stable").reset_index(drop=True)


@njit(cache=True)
def _replicator_kernel(A, x0, out):
    """Discrete replicator dynamics x' = x * (A x) / (x . A x), filling ``out[g]`` in place.

    ``out`` is float64[generations + 1, n]; a generation with zero mean fitness leaves x.
    """
    n = x0.shape[0]
    for i in range(n):
        out[0, i] = x0[i]
    f = np.empty(n)
    for g in range(1, out.shape[0]):
        mean = 0.0
        for i in range(n):
            s = 0.0
            for j in range(n):
                s += A[i, j] * out[g - 1, j]
            f[i] = s
            mean += out[g - 1, i] * s
        for i in range(n):
            out[g, i] = out[g - 1, i] * f[i] / mean if mean > 0.0 else out[g - 1, i]


def ecological(
    results_or_matrix: ResultSet | np.ndarray | Sequence[Sequence[float]],
    initial_shares: Sequence[float] | None = None,
    generations: int = 1000,
    tol: float = 1e-10,
    fitness: str = "material",
    shift: float = 0.0,
    players: Sequence[str] | None = None,
) -> EcologicalResult:
    """Axelrod's ecological simulation: discrete replicator dynamics on a payoff matrix.

    Each generation every player type's share grows in proportion to its mean payoff
    against the current population (Axelrod 1984, ch. 3; Taylor & Jonker 1978)::

        f_i = sum_j A_ij x_j,        x_i' = x_i f_i / sum_j x_j f_j.

    Parameters
    ----------
    results_or_matrix : ResultSet or array-like (n, n)
        A tournament's results (its mean per-turn payoff matrix is used, self-play on
        the diagonal: a type meets itself in proportion to its own share) or the matrix.
    initial_shares : array-like (n,), optional
        Non-negative, normalised to sum 1; default equal shares.
    generations : int
        Generations to run; ``shares`` always has ``generations + 1`` rows.
    tol : float
        Convergence: a generation that changes no share by ``tol`` or more.
    fitness : {"material", "perceived"}
        With a ResultSet: material payoffs (``payoff_matrix``) or perceived utilities
        under the tournament's transformer (``utility_matrix_per_turn``).
    shift : float
        Added to every payoff. The dynamics need non-negative payoffs (a negative f_i
        would give a negative share); perceived utilities under a transformer can be
        negative, and adding a constant keeps every rest point of the dynamics (it only
        changes their speed), so pass e.g. ``shift=-A.min()``. Negative payoffs without
        a shift are rejected.
    players : sequence of str, optional
        Names when a matrix is given.

    Returns
    -------
    EcologicalResult
    """
    if isinstance(results_or_matrix, ResultSet):
        if fitness not in FITNESS:
            raise SettingsError(f"fitness must be one of {', '.join(FITNESS)}, got {fitness!r}")
        A = results_or_matrix.payoff_matrix if fitness == "material" else results_or_matrix.utility_matrix_per_turn
        names = list(results_or_matrix.players)
        what = fitness
    else:
        A = np.asarray(results_or_matrix, dtype=np.float64)
        if A.ndim != 2 or A.shape[0] != A.shape[1] or A.shape[0] < 1:
            raise SettingsError(f"the payoff matrix must be square (n x n), got shape {A.shape}")
        names = [str(p) for p in players] if players is not None else [f"type {k}" for k in range(A.shape[0])]
        what = "given matrix"
    A = np.array(A, dtype=np.float64)
    n = A.shape[0]
    if len(names) != n:
        raise SettingsError(f"got {len(names)} player names for a {n} x {n} matrix")
    if not np.isfinite(A).all():
        raise SettingsError(
            "the payoff matrix has undefined entries (NaN): ecological dynamics need every pair's payoff "
            "(a spatial tournament's unplayed pairs have none)"
        )
    if isinstance(shift, bool) or not isinstance(shift, Real) or not math.isfinite(shift):
        raise SettingsError(f"shift must be a finite number, got {shift!r}")
    A = A + float(shift)
    if A.min() < 0:
        raise SettingsError(
            f"payoffs must be >= 0 for the replicator dynamics, the smallest is {A.min():g}; pass "
            f"shift={-(A.min() - shift):g} (or more): a constant added to every payoff keeps the rest points"
        )
    generations = check_non_negative_int("generations", generations)
    if isinstance(tol, bool) or not isinstance(tol, Real) or not tol > 0:
        raise SettingsError(f"tol must be a number > 0, got {tol!r}")
    x0 = _shares(initial_shares, n)
    out = np.empty((generations + 1, n))
    _replicator_kernel(A, x0, out)
    change = np.abs(np.diff(out, axis=0)).max(axis=1) if generations else np.zeros(0)
    moving = np.nonzero(change >= tol)[0]
    converged_at = int(moving[-1] + 1) if len(moving) else 0
    converged = bool(generations == 0 or change[-1] < tol)
    return EcologicalResult(
        players=names, shares=out, payoff_matrix=A, fitness=what, shift=float(shift), tol=float(tol),
        converged=converged, converged_at=converged_at if converged else None,
    )


def check_non_negative_int(name: str, value: object) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, Integral) or value < 0:
        raise SettingsError(f"{name} must be a whole number >= 0, got {value!r}")
    return int(value)


def _shares(initial, n: int) -> np.ndarray:
    if initial is None:
        return np.full(n, 1.0 / n)
    x = np.asarray(initial, dtype=np.float64)
    if x.shape != (n,):
        raise SettingsError(f"initial_shares must have one value per player ({n}), got {x.shape[0] if x.ndim == 1 else x.shape}")
    if not np.isfinite(x).all() or (x < 0).any() or x.sum() <= 0:
        raise SettingsError("initial_shares must be non-negative numbers with a positive sum")
    return x / x.sum()


# =============================================================================================
# The Moran process
# =============================================================================================
@dataclass(frozen=True)
class MatchPool:
    """Per-turn payoffs of R actual matches per pair of types: what Moran interactions draw from.

    ``payoffs[a, b, r, 0]`` is type a's per-turn payoff in match r of a against b, and
    ``payoffs[a, b, r, 1]`` its partner's in the same match (so ``payoffs[b, a, r]`` is the
    same match seen from b). For a == b the two slots are the two copies.
    """

    types: tuple[str, ...]
    payoffs: np.ndarray  # float64[K, K, R, 2]
    fitness: str  # "material", "perceived" or "matrix"
    deterministic: bool  # every match of a pair is the same: one sample is exact
    settings: dict = field(default_factory=dict)

    @property
    def repetitions(self) -> int:
        return self.payoffs.shape[2]

    @property
    def mean_matrix(self) -> np.ndarray:
        """float64[K, K]: mean per-turn payoff of a against b (diagonal: over both copies)."""
        m = self.payoffs[:, :, :, 0].mean(axis=2)
        d = np.arange(len(self.types))
        m[d, d] = self.payoffs[d, d].mean(axis=(1, 2))
        return m

    def as_mean(self) -> "MatchPool":
        """The pool of one 'match' per pair paying the mean payoffs."""
        m = self.mean_matrix
        return MatchPool(self.types, _pool_from_matrix(m), self.fitness, True, {**self.settings, "mean_payoffs": True})


def _pool_from_matrix(m: np.ndarray) -> np.ndarray:
    pay = np.empty(m.shape + (1, 2))
    pay[:, :, 0, 0] = m
    pay[:, :, 0, 1] = m.T
    return pay


def pool_from_matrix(matrix, types: Sequence[str] | None = None) -> MatchPool:
    """A :class:`MatchPool` from a payoff (fitness) matrix: ``matrix[a, b]`` is what an a
    earns from each interaction with a b. The entry point for theory checks, e.g. constant
    relative fitness r: ``[[r, r], [1, 1]]``."""
    m = np.asarray(matrix, dtype=np.float64)
    if m.ndim != 2 or m.shape[0] != m.shape[1] or m.shape[0] < 1:
        raise SettingsError(f"the fitness matrix must be square (K x K), got shape {m.shape}")
    if not np.isfinite(m).all():
        raise SettingsError("the fitness matrix must have finite entries")
    names = tuple(str(t) for t in types) if types is not None else tuple(f"type {k}" for k in range(m.shape[0]))
    if len(names) != m.shape[0] or len(set(names)) != len(names):
        raise SettingsError(f"give {m.shape[0]} distinct type names for a {m.shape[0]} x {m.shape[0]} matrix")
    return MatchPool(names, _pool_from_matrix(m), "matrix", True, {"matrix": m.tolist()})


def _is_deterministic(t: Tournament) -> bool:
    """True when every match of a pair plays out the same: no strategy, noise, length or
    transformer draws anything."""
    # a player without a registry spec (e.g. a Python player) counts as stochastic
    if t.noise > 0 or t.prob_end > 0 or any(getattr(getattr(p, "spec", None), "stochastic", True)
                                            for p in t.players):
        return False
    if t.transformer is not None:
        arrays = t.transformer.kernel_arrays(t.game, len(t.players))
        if (arrays["fail"] > 0).any() or ((arrays["term"] > 0) & (arrays["reelection"] < 1)).any():
            return False
    return True


def match_pool(
    types: Sequence[Player | str],
    turns: int | None = None,
    prob_end: float | None = None,
    noise: float = 0.0,
    repetitions: int = 100,
    seed: int | None = None,
    game: Game | None = None,
    transformer=None,
    fitness: str = "material",
    progress: bool = False,
) -> MatchPool:
    """Play ``repetitions`` matches of every pair of types (self-play included) and keep
    each match's per-turn payoffs (material or perceived) as a :class:`MatchPool`.

    The matches are a :class:`SpatialTournament` of the types and a second copy of each:
    edges a-b for a < b, and each type against its copy, so that in a self-pair each copy
    keeps its own payoff (a round robin's ResultSet averages the two). When no match can
    differ from another (deterministic strategies, no noise, fixed length, no random
    transformer mechanics) one match per pair is played: it is exact.
    """
    if fitness not in FITNESS:
        raise SettingsError(f"fitness must be one of {', '.join(FITNESS)}, got {fitness!r}")
    t = Tournament(list(types), turns=turns, prob_end=prob_end, noise=noise, repetitions=repetitions,
                   seed=seed, game=game, transformer=transformer)
    names = [p.name for p in t.players]
    if len(set(names)) != len(names):
        dup = next(n for n in names if names.count(n) > 1)
        raise SettingsError(f"type {dup!r} is given twice; each type once")
    deterministic = _is_deterministic(t)
    K, R = len(names), 1 if deterministic else t.repetitions
    # Every pair of types a < b, and every type against a second copy of itself (player
    # K + a): a self-pair is then an ordinary match in which each copy keeps its own payoff.
    transformer2 = t.transformer
    if transformer2 is not None and not isinstance(transformer2.profiles, ActorProfile):
        transformer2 = Transformer(tuple(transformer2.profiles) * 2, transformer2.politicization)
    edges = [(a, b) for a in range(K) for b in range(a + 1, K)] + [(a, K + a) for a in range(K)]
    res = SpatialTournament(t.players * 2, edges, turns=t.turns or None, prob_end=t.prob_end or None,
                            noise=t.noise, repetitions=R, seed=t.seed, game=t.game,
                            transformer=transformer2).play(progress=progress)
    totals = res.score_matrix if fitness == "material" else res.utility_matrix
    per_turn = np.divide(totals, res.turns_matrix, out=np.zeros_like(totals), where=res.turns_matrix > 0)
    pay = np.empty((K, K, R, 2))
    for a, b in edges:
        if b >= K:  # a against its copy
            pay[a, a, :, 0], pay[a, a, :, 1] = per_turn[a, b], per_turn[b, a]
        else:
            pay[a, b, :, 0], pay[a, b, :, 1] = per_turn[a, b], per_turn[b, a]
            pay[b, a, :, 0], pay[b, a, :, 1] = per_turn[b, a], per_turn[a, b]
    settings = {
        "turns": t.turns or None, "prob_end": t.prob_end or None, "noise": t.noise, "repetitions": R,
        "seed": t.seed, "game": [t.game.R, t.game.S, t.game.T, t.game.P],
        "transformer": None if t.transformer is None else t.transformer.as_dict(),
    }
    return MatchPool(tuple(names), pay, fitness, deterministic, settings)


@dataclass
class MoranResult:
    """Outcome of ``runs`` independent Moran runs from the same initial population.

    Attributes
    ----------
    types : list of str
    initial_counts : ndarray(int64, ndim=1)
        Individuals of each type at generation 0 (population size N = their sum).
    fixed : ndarray(int64, ndim=1)
        Per run, the type that took over the whole population, or -1.
    fixation_time : ndarray(int64, ndim=1)
        Per run, the generation (birth-death step) at which it stopped: fixation, or the
        generation limit.
    final_counts : ndarray(int64, ndim=2)
        ``[runs, K]`` individuals of each type when the run stopped.
    checkpoints : ndarray(int64, ndim=1)
        Generations at which the population was recorded.
    mean_shares, share_standard_errors : ndarray(float64, ndim=2)
        ``[checkpoints, K]`` mean over runs of each type's share and its standard error
        (a stopped run keeps its last state).
    settings : dict
        Everything the result depends on, including the fitness kind (material payoff,
        perceived utility or a given matrix) and how match payoffs were sampled.
    """

    types: list[str]
    initial_counts: np.ndarray
    fixed: np.ndarray
    fixation_time: np.ndarray
    final_counts: np.ndarray
    checkpoints: np.ndarray
    mean_shares: np.ndarray
    share_standard_errors: np.ndarray
    settings: dict
    elapsed: float = 0.0

    @property
    def runs(self) -> int:
        return len(self.fixed)

    @property
    def population(self) -> int:
        return int(self.initial_counts.sum())

    @property
    def fixation_counts(self) -> np.ndarray:
        """int64[K]: runs that ended with the whole population of each type."""
        return np.bincount(self.fixed[self.fixed >= 0], minlength=len(self.types)).astype(np.int64)

    @property
    def fixation_probabilities(self) -> np.ndarray:
        """float64[K]: fraction of runs fixed on each type (the estimate of its fixation probability)."""
        return self.fixation_counts / self.runs

    @property
    def fixation_standard_errors(self) -> np.ndarray:
        """float64[K]: binomial standard errors sqrt(p (1 - p) / runs)."""
        p = self.fixation_probabilities
        return np.sqrt(p * (1 - p) / self.runs)

    @property
    def unfixed(self) -> int:
        """Runs stopped by the generation limit before any type took over."""
        return int((self.fixed < 0).sum())

    @property
    def mean_final_shares(self) -> np.ndarray:
        return (self.final_counts / self.population).mean(axis=0)

    @property
    def final_share_standard_errors(self) -> np.ndarray:
        shares = self.final_counts / self.population
        if self.runs < 2:
            return np.full(len(self.types), np.nan)
        return shares.std(axis=0, ddof=1) / math.sqrt(self.runs)

    def summary(self) -> pd.DataFrame:
        """One row per type: initial count, fixations, fixation probability +- SE,
        mean final share +- SE, mean generations to its fixation."""
        times = [float(self.fixation_time[self.fixed == k].mean()) if (self.fixed == k).any() else math.nan
                 for k in range(len(self.types))]
        return pd.DataFrame({
            "type": self.types,
            "initial": self.initial_counts,
            "fixations": self.fixation_counts,
            "fixation_probability": self.fixation_probabilities,
            "fixation_se": self.fixation_standard_errors,
            "final_share": self.mean_final_shares,
            "final_share_se": self.final_share_standard_errors,
            "mean_fixation_time": times,
        })


class MoranProcess:
    """The birth-death Moran process of a finite population playing the iterated game.

    Each generation every individual interacts with its neighbours in the interaction
    graph; its fitness is the total (or mean) per-turn payoff of those interactions.
    One individual is chosen to reproduce with probability proportional to fitness; its
    offspring (of the parent's type, or with probability ``mutation_rate`` a mutant)
    replaces an individual chosen uniformly among the parent's neighbours in the
    reproduction graph. The names and defaults follow ``axelrod.MoranProcess``.

    Parameters
    ----------
    population : sequence of Player/str, or mapping type -> count
        The individuals, in graph-node order (``["Tit For Tat"] * 9 + ["Defector"]``), or
        counts per type (``{"Tit For Tat": 9, "Defector": 1}``, placed in that order; a
        count may be 0 to make a type available to mutation only). N >= 2.
    turns, prob_end, noise, game, transformer
        Match settings, as in :class:`Tournament` (default 200 turns).
    repetitions : int, default 100
        Matches played per pair of types for the payoff pool (see Notes); 1 when the
        matches are deterministic.
    deterministic_payoffs : bool, optional
        True: every interaction pays the pool's mean per-turn payoff. False: every
        interaction draws one actual match from the pool. Default: the mean exactly when
        matches are deterministic (then it equals every match).
    fitness : {"material", "perceived"}
        Material payoff or perceived utility under ``transformer`` (MODEL.md section 3).
    aggregate : {"total", "mean"}
        Fitness from the sum of the interaction payoffs (``axelrod``'s choice) or their
        mean over neighbours (they differ only on irregular graphs).
    selection, intensity : {"linear", "exponential"}, float
        Map payoff x to fitness: ``1 - w + w x`` (w = 1, the default, is the payoff
        itself, as in ``axelrod``) or ``exp(w x)``; needs fitness >= 0 (perceived
        utilities can be negative: use a small w or the exponential map).
    mutation_rate : float in [0, 1]
        Probability that an offspring mutates.
    mutation_method : "uniform" or array-like (K, K)
        On mutation: a type chosen uniformly among the *other* types (``axelrod``'s
        "transition"), or a row-stochastic transition matrix ``M[parent, child]``.
    interaction_graph : networkx graph, optional
        Who interacts with whom (edge direction ignored; self-loops ignored). Default:
        the complete graph.
    reproduction_graph : networkx graph, optional
        Where an offspring may go (directed edges followed). Default: the interaction
        graph plus self-loops, as in ``axelrod`` (so on the complete graph the parent may
        be replaced: the standard Moran process).
    stop_on_fixation : bool, optional
        Stop a run when one type is left; default True without mutation, else False.
    seed : int, optional
        Seeds the payoff pool and the runs: run r uses its own counter-based stream
        keyed by (seed, r), so results are bit-identical for any thread count.
    pool : MatchPool, optional
        Reuse payoffs (e.g. :func:`pool_from_matrix`); its types replace the match settings.

    Notes
    -----
    ``axelrod.MoranProcess`` plays every interaction's match anew each generation. Here
    R matches per pair of types are played once, in parallel, by the tournament kernel,
    and each interaction of each generation draws one of them uniformly (both partners
    get that match's payoffs). A drawn match has the distribution of the pool's R
    matches, which are independent actual matches: exact when matches are deterministic
    (R = 1), and otherwise conditional on the pool (increase ``repetitions`` to shrink
    that error, O(1 / sqrt(R))). The Moran loop itself never plays a turn, which is what
    makes it fast; see docs/evolution.md for the measurements.
    """

    def __init__(
        self,
        population: Sequence[Player | str] | Mapping[str, int],
        turns: int | None = None,
        prob_end: float | None = None,
        noise: float = 0.0,
        game: Game | None = None,
        transformer=None,
        repetitions: int = 100,
        deterministic_payoffs: bool | None = None,
        fitness: str = "material",
        aggregate: str = "total",
        selection: str = "linear",
        intensity: float = 1.0,
        mutation_rate: float = 0.0,
        mutation_method: str | Sequence[Sequence[float]] = "uniform",
        interaction_graph=None,
        reproduction_graph=None,
        stop_on_fixation: bool | None = None,
        seed: int | None = None,
        pool: MatchPool | None = None,
    ) -> None:
        self.seed = check_seed(seed)
        if pool is not None and not isinstance(pool, MatchPool):
            raise SettingsError(f"pool must be a MatchPool, got {type(pool).__name__}")
        type_names, players, initial = self._population(population, pool)
        self.types = type_names
        self._type_players = players
        self.initial_types = initial  # int64[N]: type of each individual, in node order
        N = len(initial)
        if N < 2:
            raise SettingsError(f"the population needs at least 2 individuals, got {N}")
        K = len(type_names)
        self.mutation_rate = check_probability("mutation_rate", mutation_rate)
        self._mut_cdf, self.mutation_method = self._mutation(mutation_method, K, self.mutation_rate)
        for name, value, allowed in (("fitness", fitness, FITNESS), ("aggregate", aggregate, AGGREGATES),
                                     ("selection", selection, SELECTIONS)):
            if value not in allowed:
                raise SettingsError(f"{name} must be one of {', '.join(allowed)}, got {value!r}")
        self.fitness, self.aggregate, self.selection = fitness, aggregate, selection
        if isinstance(intensity, bool) or not isinstance(intensity, Real) or not (math.isfinite(intensity) and intensity > 0):
            raise SettingsError(f"intensity must be a number > 0, got {intensity!r}")
        self.intensity = float(intensity)
        if stop_on_fixation is None:
            stop_on_fixation = self.mutation_rate == 0.0
        self.stop_on_fixation = bool(stop_on_fixation)
        if deterministic_payoffs not in (None, True, False):
            raise SettingsError(f"deterministic_payoffs must be True, False or None, got {deterministic_payoffs!r}")
        self.deterministic_payoffs = deterministic_payoffs
        # graphs
        self.interaction_graph = interaction_graph
        self.reproduction_graph = reproduction_graph
        if interaction_graph is None:
            adj = None
        else:
            adj = _undirected_adjacency(interaction_graph, N, "interaction graph")
            lonely = [k for k, a in enumerate(adj) if not a]
            if lonely:
                raise SettingsError(
                    f"the interaction graph is not connected: individual {lonely[0]} has no neighbour to interact with"
                )
            if reproduction_graph is None:  # offspring follow the interaction graph
                _require_connected(adj, "interaction graph", False)
        if reproduction_graph is None:
            rep = [sorted(set(a) | {k}) for k, a in enumerate(adj)] if adj is not None else None
            directed = False
        else:
            rep = _reproduction_adjacency(reproduction_graph, N, "reproduction graph")
            directed = reproduction_graph.is_directed()
        if rep is not None:
            _require_connected(rep, "reproduction graph", directed)
        self._adj, self._rep = adj, rep
        # the match pool
        self.pool = pool
        if pool is None:
            # validate the match settings now (the matches are played in play())
            self._tournament_kwargs = {"turns": turns, "prob_end": prob_end, "noise": noise, "repetitions": repetitions,
                                       "seed": self.seed, "game": game, "transformer": transformer, "fitness": fitness}
            Tournament(players, turns=turns, prob_end=prob_end, noise=noise, repetitions=repetitions,
                       seed=self.seed, game=game, transformer=transformer)
        elif fitness != "material" and pool.fitness not in (fitness, "matrix"):
            raise SettingsError(f"the pool holds {pool.fitness} payoffs, not {fitness}")

    # -- construction helpers --------------------------------------------------------------
    @staticmethod
    def _population(population, pool):
        """(type names, one Player per type or None with a pool, int64[N] type of each individual)."""
        if isinstance(population, (str, Player)):
            raise SettingsError("population must be a list of individuals or a mapping type -> count")
        if isinstance(population, Mapping):
            declared, individuals = [], []
            for key, c in population.items():
                if isinstance(c, bool) or not isinstance(c, Integral) or c < 0:
                    raise SettingsError(f"the count of {key!r} must be a whole number >= 0, got {c!r}")
                declared.append(key)
                individuals += [key] * int(c)
        else:
            individuals = list(population)
            declared = individuals
        resolved: dict = {}  # each distinct entry is parsed once
        for key in declared:
            if key not in resolved:
                resolved[key] = key if pool is not None else as_player(key)
        if pool is not None:
            names = list(pool.types)
            for key in resolved:
                name = key.name if isinstance(key, Player) else str(key)
                if name not in names:
                    raise SettingsError(f"{name!r} is not a type of the pool ({', '.join(names)})")
                resolved[key] = name
            index = {n: k for k, n in enumerate(names)}
            return names, None, np.array([index[resolved[key]] for key in individuals], dtype=np.int64)
        names, players = [], []
        for p in resolved.values():
            if p.name not in names:
                names.append(p.name)
                players.append(p)
        index = {n: k for k, n in enumerate(names)}
        return names, players, np.array([index[resolved[key].name] for key in individuals], dtype=np.int64)

    @staticmethod
    def _mutation(method, K: int, mu: float) -> tuple[np.ndarray, str]:
        if isinstance(method, str):
            if method != "uniform":
                raise SettingsError(f"mutation_method must be 'uniform' or a K x K transition matrix, got {method!r}")
            if mu > 0 and K < 2:
                raise SettingsError("mutation needs at least two types (a mutant changes type)")
            m = np.full((K, K), 1.0 / max(K - 1, 1))
            np.fill_diagonal(m, 0.0)
            if K == 1:
                m[0, 0] = 1.0
            label = "uniform over the other types"
        else:
            m = np.asarray(method, dtype=np.float64)
            if m.shape != (K, K):
                raise SettingsError(f"the mutation matrix must be {K} x {K} (one row and column per type), got {m.shape}")
            if not np.isfinite(m).all() or (m < 0).any() or not np.allclose(m.sum(axis=1), 1.0, atol=1e-9):
                raise SettingsError("every row of the mutation matrix must be probabilities summing to 1")
            label = "transition matrix"
        cdf = np.cumsum(m, axis=1)
        cdf[:, -1] = 1.0
        return np.ascontiguousarray(cdf), label

    # -- playing -----------------------------------------------------------------------------
    def match_pool(self, progress: bool = False) -> MatchPool:
        """The payoff pool the runs draw from (played once, then kept)."""
        if self.pool is None:
            self.pool = match_pool(self._type_players, progress=progress, **self._tournament_kwargs)
        return self.pool

    def play(
        self,
        runs: int = 1000,
        generations: int | None = None,
        record_every: int | None = None,
        progress: bool = False,
    ) -> MoranResult:
        """Run the process ``runs`` times from the initial population, in parallel.

        Parameters
        ----------
        runs : int
            Independent runs (fixation probabilities are the fractions of runs).
        generations : int, optional
            Birth-death steps per run at most. Default max(1000, 10 N^2) when stopping at
            fixation (neutral absorption takes about N^2 ln 2 from a half-half start), else
            max(1000, 100 N).
        record_every : int, optional
            Record the population every so many generations (default: about 1000
            checkpoints). Only the sums over runs are kept, as exact integers.
        progress : bool
            Show a progress bar (stderr) once a run has taken more than a second.
        """
        started = time.perf_counter()
        runs = check_positive_int("runs", runs)
        N, K = len(self.initial_types), len(self.types)
        if generations is None:
            generations = max(1000, 10 * N * N) if self.stop_on_fixation else max(1000, 100 * N)
        generations = check_non_negative_int("generations", generations)
        if record_every is None:
            record_every = max(1, math.ceil(generations / 1000))
        record_every = check_positive_int("record_every", record_every)
        pool = self.match_pool(progress=progress)
        deterministic = pool.deterministic if self.deterministic_payoffs is None else self.deterministic_payoffs
        used = pool.as_mean() if deterministic and pool.repetitions > 1 else pool
        pay = np.ascontiguousarray(used.payoffs)
        self._check_fitness_sign(pay, N)
        adj = self._adj if self._adj is not None else [[j for j in range(N) if j != i] for i in range(N)]
        rep = self._rep if self._rep is not None else [list(range(N)) for _ in range(N)]
        nbr_ptr, nbr_idx = _csr(adj)
        rep_ptr, rep_idx = _csr(rep)
        edges = [(i, j) for i in range(N) for j in adj[i] if i < j]
        edge_a = np.array([e[0] for e in edges], dtype=np.int64)
        edge_b = np.array([e[1] for e in edges], dtype=np.int64)
        n_ck = generations // record_every + 1
        block = max(1, min(runs, _BLOCK_CELLS // (n_ck * K)))
        if progress:
            block = min(block, max(1, math.ceil(runs / 50)))
        traj = np.zeros((block, n_ck, K), dtype=np.int32)
        recorded = np.zeros(block, dtype=np.int64)
        fixed = np.full(runs, -1, dtype=np.int64)
        stopped = np.zeros(runs, dtype=np.int64)
        final = np.zeros((runs, K), dtype=np.int64)
        base = np.uint64(derive_key(self.seed, text_key("moran process")))
        args = (base, self.initial_types, np.int64(K), nbr_ptr, nbr_idx, edge_a, edge_b, rep_ptr, rep_idx, pay,
                self.aggregate == "mean", self.selection == "exponential", self.intensity, self.mutation_rate,
                self._mut_cdf, self.stop_on_fixation, np.int64(generations), np.int64(record_every),
                traj, recorded, fixed, stopped, final)
        # exact integer sums of the counts (and their squares) at every checkpoint
        total = np.zeros((n_ck, K), dtype=np.int64)
        total_sq = np.zeros((n_ck, K), dtype=np.int64)
        tail = np.zeros((n_ck, K), dtype=np.int64)
        tail_sq = np.zeros((n_ck, K), dtype=np.int64)
        with _Progress(runs, "run", progress) as bar:
            for r0 in range(0, runs, block):
                r1 = min(runs, r0 + block)
                _moran_runs(*args, np.int64(r0), np.int64(r1))
                _accumulate(traj, recorded, final[r0:r1], total, total_sq, tail, tail_sq)
                bar.update(r1 - r0)
        total += np.cumsum(tail, axis=0)
        total_sq += np.cumsum(tail_sq, axis=0)
        last = int(stopped.max()) if runs else 0
        keep = min(n_ck, last // record_every + 1 + (1 if last % record_every else 0))
        S, Q = total[:keep].astype(np.float64), total_sq[:keep].astype(np.float64)
        mean = S / (runs * N)
        if runs > 1:
            var = np.maximum(Q - S * S / runs, 0.0) / (runs - 1)
            se = np.sqrt(var) / N / math.sqrt(runs)
        else:
            se = np.full(mean.shape, np.nan)
        settings = {
            "population": N, "types": list(self.types), "initial_counts": np.bincount(self.initial_types, minlength=K).tolist(),
            "runs": runs, "generations": generations, "record_every": record_every, "seed": self.seed,
            "fitness": {"material": "material payoff", "perceived": "perceived utility",
                        "matrix": "given fitness matrix"}[pool.fitness if pool.fitness == "matrix" else self.fitness],
            "aggregate": self.aggregate, "selection": self.selection, "intensity": self.intensity,
            "mutation_rate": self.mutation_rate, "mutation_method": self.mutation_method,
            "stop_on_fixation": self.stop_on_fixation,
            "interaction_graph": "complete" if self._adj is None else f"{len(edges)} edges",
            "reproduction_graph": ("complete with self-loops" if self._rep is None
                                   else f"{sum(len(r) for r in self._rep)} directed edges (self-loops included)"),
            "payoffs": ("the given fitness matrix" if pool.fitness == "matrix"
                        else "each pair's one match (the matches are deterministic)" if pool.deterministic
                        else f"mean per-turn payoff of {pool.repetitions} matches per pair" if deterministic
                        else f"one of {used.repetitions} actual matches per pair, drawn for every interaction"),
            "pool": used.settings, "threads": numba.get_num_threads(),
        }
        return MoranResult(
            types=list(self.types), initial_counts=np.bincount(self.initial_types, minlength=K).astype(np.int64),
            fixed=fixed, fixation_time=stopped, final_counts=final,
            checkpoints=np.arange(keep, dtype=np.int64) * record_every,
            mean_shares=mean, share_standard_errors=se, settings=settings,
            elapsed=time.perf_counter() - started,
        )

    def _check_fitness_sign(self, pay: np.ndarray, N: int) -> None:
        if self.selection == "exponential":
            return
        lo = float(pay.min())
        if self.aggregate == "mean":
            low_payoff = lo
        else:
            degrees = [len(a) for a in self._adj] if self._adj is not None else [N - 1]
            low_payoff = lo * (max(degrees) if lo < 0 else min(degrees))
        w = self.intensity
        if 1 - w + w * low_payoff < 0:
            raise SettingsError(
                f"fitness 1 - w + w * payoff can be negative (payoff down to {low_payoff:g}, w = {w:g}); "
                "use selection='exponential' or a smaller intensity"
            )


# -- the Moran kernels ----------------------------------------------------------------------
# cache=True: numba keys the cache by this file only, and uniform_at/mix64 from core/rng.py
# are inlined; a change to rng.py (which would break every seed anyway) needs a cache clear.
@njit(cache=True, parallel=True)
def _moran_runs(base, pop0, K, nbr_ptr, nbr_idx, edge_a, edge_b, rep_ptr, rep_idx, pay, mean_fitness,
                exponential, intensity, mu, mut_cdf, stop_on_fixation, generations, record_every,
                traj, recorded, fixed, stopped, final, r0, r1):
    """Runs ``r0 <= r < r1`` in parallel; run r writes only row r of ``fixed``, ``stopped``,
    ``final`` and row ``r - r0`` of the block's ``traj`` and ``recorded``."""
    for rr in prange(r1 - r0):
        run = r0 + rr
        key = mix64(base ^ mix64(np.uint64(run)))
        f, g, ck = _moran_run(key, pop0, K, nbr_ptr, nbr_idx, edge_a, edge_b, rep_ptr, rep_idx, pay,
                              mean_fitness, exponential, intensity, mu, mut_cdf, stop_on_fixation, generations,
                              record_every, traj[rr], final[run])
        fixed[run] = f
        stopped[run] = g
        recorded[rr] = ck


@njit(cache=True)
def _accumulate(traj, recorded, final, total, total_sq, tail, tail_sq):
    """Add a block of runs to the exact integer sums at every checkpoint (in place).

    Checkpoint c of run r is ``traj[r, c]`` while the run was going (c < ``recorded[r]``)
    and its final counts from then on; those go into the difference arrays ``tail`` and
    ``tail_sq`` at ``recorded[r]`` (the caller takes their cumulative sums). Integer sums:
    the same for any block size or thread count.
    """
    K = total.shape[1]
    for r in range(final.shape[0]):
        for c in range(recorded[r]):
            for k in range(K):
                x = np.int64(traj[r, c, k])
                total[c, k] += x
                total_sq[c, k] += x * x
        if recorded[r] < tail.shape[0]:
            for k in range(K):
                tail[recorded[r], k] += final[r, k]
                tail_sq[recorded[r], k] += final[r, k] * final[r, k]


@njit(cache=True)
def _moran_run(key, pop0, K, nbr_ptr, nbr_idx, edge_a, edge_b, rep_ptr, rep_idx, pay, mean_fitness,
               exponential, intensity, mu, mut_cdf, stop_on_fixation, generations, record_every, traj, counts):
    """One birth-death run from ``pop0`` on the stream ``key``.

    Parameters
    ----------
    pay : ndarray(float64, ndim=4)
        ``[K, K, R, 2]`` match pool; R == 1 means every interaction pays ``pay[a, b, 0]``
        and fitness is kept from neighbour-type counts (no draws).
    traj : ndarray(int32, ndim=2)
        ``[checkpoints, K]`` counts every ``record_every`` generations while the run goes,
        modified in place (later checkpoints are left as they are: the run has stopped).
    counts : ndarray(int64, ndim=1)
        ``[K]`` final counts, modified in place.

    Returns
    -------
    (fixed type or -1, generation at which the run stopped, checkpoints written)

    Draw order per generation (stream counter): one draw per interaction edge when
    R > 1, then the parent, the dead individual, and, when mu > 0, whether the offspring
    mutates and (if so) into what.
    """
    N = pop0.shape[0]
    R = pay.shape[2]
    E = edge_a.shape[0]
    types = pop0.copy()
    for k in range(K):
        counts[k] = 0
    for i in range(N):
        counts[types[i]] += 1
    deg = np.empty(N)
    for i in range(N):
        deg[i] = nbr_ptr[i + 1] - nbr_ptr[i]
    # neighbour-type counts, for the draw-free path
    nc = np.zeros((N, K), dtype=np.int64)
    if R == 1:
        for i in range(N):
            for q in range(nbr_ptr[i], nbr_ptr[i + 1]):
                nc[i, types[nbr_idx[q]]] += 1
    payoff = np.zeros(N)
    fit = np.empty(N)
    ctr = np.uint64(0)
    one = np.uint64(1)
    n_ck = traj.shape[0]
    ck = 0
    fixed = -1
    g = 0
    while True:
        if g % record_every == 0 and ck < n_ck:
            for k in range(K):
                traj[ck, k] = counts[k]
            ck += 1
        if stop_on_fixation:
            for k in range(K):
                if counts[k] == N:
                    fixed = k
            if fixed >= 0:
                break
        if g >= generations:
            break
        # fitness of every individual
        if R == 1:
            for i in range(N):
                s = 0.0
                ti = types[i]
                for b in range(K):
                    if nc[i, b] > 0:
                        s += nc[i, b] * pay[ti, b, 0, 0]
                payoff[i] = s
        else:
            for i in range(N):
                payoff[i] = 0.0
            for e in range(E):
                a = edge_a[e]
                b = edge_b[e]
                r = int(uniform_at(key, ctr) * R)
                ctr += one
                if r >= R:
                    r = R - 1
                payoff[a] += pay[types[a], types[b], r, 0]
                payoff[b] += pay[types[a], types[b], r, 1]
        xmax = -np.inf
        for i in range(N):
            x = payoff[i] / deg[i] if mean_fitness else payoff[i]
            payoff[i] = x
            if x > xmax:
                xmax = x
        total = 0.0
        for i in range(N):
            if exponential:
                # proportional selection is scale-free: exp(w (x - max)) cannot overflow
                f = np.exp(intensity * (payoff[i] - xmax))
            else:
                f = 1.0 - intensity + intensity * payoff[i]
            fit[i] = f
            total += f
        # birth: proportional to fitness (uniform if every fitness is zero)
        u = uniform_at(key, ctr)
        ctr += one
        parent = N - 1
        if total > 0.0:
            target = u * total
            acc = 0.0
            for i in range(N):
                acc += fit[i]
                if acc > target:
                    parent = i
                    break
            while fit[parent] <= 0.0 and parent > 0:  # rounding at the top end
                parent -= 1
        else:
            parent = min(int(u * N), N - 1)
        # death: uniform among the parent's out-neighbours in the reproduction graph
        lo = rep_ptr[parent]
        d = rep_ptr[parent + 1] - lo
        u = uniform_at(key, ctr)
        ctr += one
        dead = rep_idx[lo + min(int(u * d), d - 1)]
        child = types[parent]
        if mu > 0.0:
            u = uniform_at(key, ctr)
            ctr += one
            if u < mu:
                v = uniform_at(key, ctr)
                ctr += one
                c = 0
                while c < K - 1 and v >= mut_cdf[child, c]:
                    c += 1
                child = c
        old = types[dead]
        if child != old:
            types[dead] = child
            counts[old] -= 1
            counts[child] += 1
            if R == 1:
                for q in range(nbr_ptr[dead], nbr_ptr[dead + 1]):
                    j = nbr_idx[q]
                    nc[j, old] -= 1
                    nc[j, child] += 1
        g += 1
    return fixed, g, ck


# -- theory -----------------------------------------------------------------------------------
def fixation_probability(
    matrix, population: int, mutants: int = 1, aggregate: str = "total",
    selection: str = "linear", intensity: float = 1.0,
) -> float:
    """Exact fixation probability of ``mutants`` individuals of type 0 among type-1 residents.

    Birth-death Moran process on the complete graph, fitness from interactions with the
    N - 1 others (``matrix[a, b]``: what an a earns from one interaction with a b),
    mapped as in :class:`MoranProcess`. With i mutants the process moves up with
    probability T+_i and down with T-_i, and T-_i / T+_i = g_i / f_i (resident over
    mutant fitness), so (Nowak 2006, ch. 6)::

        phi_i = (1 + sum_{k=1}^{i-1} prod_{j=1}^{k} g_j/f_j) / (1 + sum_{k=1}^{N-1} prod_{j=1}^{k} g_j/f_j).

    Constant fitness r for the mutant (``[[r, r], [1, 1]]``) gives (1 - 1/r) / (1 - 1/r^N)
    for one mutant, and 1/N when r = 1.

    Computed by solving the birth-death chain (valid also when some fitness is zero).
    """
    m = np.asarray(matrix, dtype=np.float64)
    if m.shape != (2, 2):
        raise SettingsError(f"fixation_probability needs a 2 x 2 matrix (mutant first), got shape {m.shape}")
    N = check_positive_int("population", population)
    if N < 2:
        raise SettingsError("the population needs at least 2 individuals")
    i0 = check_positive_int("mutants", mutants)
    if i0 >= N:
        return 1.0
    # T+_i = (i f_i / F)(N - i)/N, T-_i = ((N - i) g_i / F) i/N (death uniform among all N,
    # the parent included); solve phi_i (T+ + T-) = T+ phi_{i+1} + T- phi_{i-1}, phi_0 = 0, phi_N = 1.
    up, down = np.zeros(N + 1), np.zeros(N + 1)
    for i in range(1, N):
        pm = (i - 1) * m[0, 0] + (N - i) * m[0, 1]
        pr = i * m[1, 0] + (N - i - 1) * m[1, 1]
        if aggregate == "mean":
            pm, pr = pm / (N - 1), pr / (N - 1)
        if selection == "exponential":
            top = max(pm, pr)
            f, g = math.exp(intensity * (pm - top)), math.exp(intensity * (pr - top))
        else:
            f, g = 1 - intensity + intensity * pm, 1 - intensity + intensity * pr
        total = i * f + (N - i) * g
        birth_m, birth_r = (i * f / total, (N - i) * g / total) if total > 0 else (i / N, (N - i) / N)
        up[i], down[i] = birth_m * (N - i) / N, birth_r * i / N
    from scipy.linalg import solve_banded

    n = N - 1  # unknowns phi_1 .. phi_{N-1}
    ab = np.zeros((3, n))
    rhs = np.zeros(n)
    for k in range(n):
        i = k + 1
        stay = up[i] + down[i]
        if stay <= 0:  # cannot move: never fixes
            ab[1, k] = 1.0
            continue
        ab[1, k] = stay
        if k + 1 < n:
            ab[0, k + 1] = -up[i]
        else:
            rhs[k] += up[i]  # phi_N = 1
        if k > 0:
            ab[2, k - 1] = -down[i]
    phi = solve_banded((1, 1), ab, rhs)
    return float(phi[i0 - 1])


# =============================================================================================
# Fingerprints
# =============================================================================================
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
        return {(float(x), float(y)): float(self.scores[j, i])
                for i, x in enumerate(self.x) for j, y in enumerate(self.y)}


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
    from cooptourney.strategies.probes import joss_ann

    step = _check_step(step)
    player = as_player(strategy)
    probe_spec = joss_ann(probe)
    num = int((1 / step) // 1) + 1
    xs = np.linspace(0, 1, num)
    probes = [_probe_player(probe_spec, float(x), float(y)) for x in xs for y in xs]
    t = Tournament([player], turns=turns, noise=noise, repetitions=repetitions, seed=seed, game=game)
    settings = {"turns": t.turns, "noise": t.noise, "repetitions": t.repetitions, "seed": t.seed, "game": t.game}
    totals, lengths, _ = _star_matches(player, probes, settings, progress=progress)
    per_turn = totals / lengths
    reps = per_turn.shape[1]
    se = per_turn.std(axis=1, ddof=1) / math.sqrt(reps) if reps > 1 else np.full(len(probes), np.nan)
    # points run x-major; rows of the result are y
    scores, se = per_turn.mean(axis=1).reshape(num, num).T, se.reshape(num, num).T
    return Fingerprint(
        strategy=player.name, probe=get_strategy(probe).name, x=xs, y=xs.copy(), scores=scores, standard_errors=se,
        settings={"turns": t.turns, "repetitions": t.repetitions, "noise": t.noise, "seed": t.seed,
                  "step": step, "game": [t.game.R, t.game.S, t.game.T, t.game.P]},
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
    _, _, moves = _star_matches(player, opps, settings, record_moves=True, progress=progress)
    coop = np.stack([(m[:, 0, : t.turns] == 0).mean(axis=0) for m in moves])
    return TransitiveFingerprint(
        strategy=player.name, opponents=[p.name for p in opps], cooperation=coop,
        settings={"turns": t.turns, "repetitions": t.repetitions, "noise": t.noise, "seed": t.seed,
                  "game": [t.game.R, t.game.S, t.game.T, t.game.P], "random_spectrum": spectrum},
    )


# =============================================================================================
# Plots (cooptourney.plots: Agg backend, its palette, atomic PNG files)
# =============================================================================================
def plot_shares(result: EcologicalResult | MoranResult, path: str | Path | None = None, title: str | None = None):
    """Population shares over generations; returns the Figure and writes a PNG to ``path``.

    Ecological dynamics: each type's share (:func:`cooptourney.plots.shares_over_time`).
    Moran: the mean share over runs at every checkpoint, with a band of +- 2 standard errors.
    """
    from cooptourney import plots

    if isinstance(result, EcologicalResult):
        return plots.shares_over_time(
            result.shares, result.players, path=path,
            title=title or f"Ecological dynamics ({result.fitness} payoffs)")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7.5, 3.8))
    for k, name in enumerate(result.types):
        colour = plots.PALETTE[k % len(plots.PALETTE)]
        style = plots.LINESTYLES[(k // 2) % len(plots.LINESTYLES)]
        m, se = result.mean_shares[:, k], result.share_standard_errors[:, k]
        ax.plot(result.checkpoints, m, label=name, color=colour, linestyle=style, linewidth=1.6)
        if np.isfinite(se).all():
            ax.fill_between(result.checkpoints, m - 2 * se, m + 2 * se, color=colour, alpha=0.2, linewidth=0)
    ax.set_ylim(0, 1)
    ax.set_xlabel("generation (birth-death steps)")
    ax.set_ylabel("population share (mean over runs)")
    ax.set_title(title or f"Moran process, N = {result.population}, {result.runs} runs "
                          f"(fitness: {result.settings['fitness']})", fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=8, frameon=False)
    fig.tight_layout()
    plots.save(fig, path)
    return fig


def plot_fingerprint(fp: Fingerprint, path: str | Path | None = None, cmap: str = "seismic",
                     title: str | None = None):
    """Heat map of an Ashlock fingerprint (x to the right, y up); returns the Figure and
    writes a PNG to ``path``."""
    import matplotlib.pyplot as plt

    from cooptourney import plots

    fig, ax = plt.subplots(figsize=(5.5, 4.5))
    im = ax.imshow(fp.scores, origin="lower", extent=(0, 1, 0, 1), cmap=cmap, interpolation="none", aspect="equal")
    fig.colorbar(im, ax=ax, label="mean score per turn")
    ax.set_xlabel("x (probe cooperates)")
    ax.set_ylabel("y (probe defects)")
    ax.set_title(title or f"{fp.strategy} vs Joss-Ann {fp.probe}", fontsize=10)
    fig.tight_layout()
    plots.save(fig, path)
    return fig


def plot_transitive_fingerprint(tf: TransitiveFingerprint, path: str | Path | None = None, cmap: str = "viridis",
                                title: str | None = None):
    """Heat map of a transitive fingerprint (turns to the right, opponents up); returns the
    Figure and writes a PNG to ``path``."""
    import matplotlib.pyplot as plt

    from cooptourney import plots

    fig, ax = plt.subplots(figsize=(6.5, 4.5))
    n, turns = tf.cooperation.shape
    spectrum = tf.settings.get("random_spectrum") and n > 1
    half = 0.5 / (n - 1) if spectrum else 0.5
    extent = (0.5, turns + 0.5, -half, 1 + half) if spectrum else (0.5, turns + 0.5, -0.5, n - 0.5)
    im = ax.imshow(tf.cooperation, origin="lower", cmap=cmap, vmin=0, vmax=1, aspect="auto", interpolation="none",
                   extent=extent)
    fig.colorbar(im, ax=ax, label=f"probability that {tf.strategy} cooperates")
    ax.set_xlabel("turn")
    if spectrum:
        ax.set_ylabel("opponent Random(p): p")
    else:
        ax.set_ylabel("opponent")
        if n <= 20:
            ax.set_yticks(range(n), tf.opponents, fontsize=7)
    ax.set_title(title or f"Transitive fingerprint of {tf.strategy}", fontsize=10)
    fig.tight_layout()
    plots.save(fig, path)
    return fig


__all__ = [
    "EcologicalResult",
    "Fingerprint",
    "MatchPool",
    "MoranProcess",
    "MoranResult",
    "SpatialResultSet",
    "SpatialTournament",
    "TransitiveFingerprint",
    "ashlock_fingerprint",
    "ecological",
    "fixation_probability",
    "graph_from_spec",
    "match_pool",
    "plot_fingerprint",
    "plot_shares",
    "plot_transitive_fingerprint",
    "pool_from_matrix",
    "transitive_fingerprint",
]
