"""A single match between two players: its results, and its moves when asked for.

A match is played the way a tournament plays it: the engine keeps the two move
histories it needs while the match runs (one byte per player and turn) and returns a
result row (scores, cooperation, reciprocity counts). Nothing else grows with the
length, so ``Match(..., turns=10_000_000).scores()`` needs no more memory than
``cooptourney run`` with the same length. The move record (:meth:`Match.play`,
:attr:`Match.moves`, :attr:`Match.trace`) is made only when asked for, and holds at
most :data:`MOVE_RECORD_CAP` turns; :meth:`Match.first_moves` keeps the opening turns of
a longer match.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import numpy as np

from cooptourney.core.layout import (
    OUT_COOP_A,
    OUT_COOP_B,
    OUT_SCORE_A,
    OUT_SCORE_B,
    OUT_SIZE,
    OUT_TURNS,
    OUT_UTIL_A,
    OUT_UTIL_B,
    MatchRecord,
    MatchSettings,
)
from cooptourney.core.pack import pack
from cooptourney.core.rng import PURPOSE_LENGTH
from cooptourney.core.streams import identity_keys, match_length, player_streams, stream_key
from cooptourney.game import Game
from cooptourney.players import Player, PythonPlayer, as_player, check_step_errors, display_names
from cooptourney.settings import (
    SettingsError,
    check_length,
    check_matches,
    check_memory,
    check_probability,
    check_seed,
    check_transformer,
)

MOVE_NAMES = np.array(["C", "D"])

#: The most turns a move record may hold: :meth:`Match.play`, :attr:`Match.moves` and
#: :attr:`Match.trace` refuse a longer match before playing it (the record costs about
#: 12 bytes per turn, 28 with a traced state; the results of a longer match need none).
MOVE_RECORD_CAP = 1_000_000

# The four (A, B) move pairs, shared by every turn of a returned move list (a list of
# references costs 8 bytes per turn, a tuple per turn 64 more).
_PAIRS = (("C", "C"), ("C", "D"), ("D", "C"), ("D", "D"))


def check_record_length(n: int, what: str = "Match.play()") -> None:
    """Refuse a move record of ``n`` turns beyond :data:`MOVE_RECORD_CAP`."""
    if n > MOVE_RECORD_CAP:
        raise SettingsError(
            f"{what} records every move, for at most {MOVE_RECORD_CAP:,} turns, and this match has {n:,}: "
            "its results (scores(), cooperation(), len()) keep no moves, and first_moves(k) keeps the first k"
        )


class Match:
    """Two players, a length, noise and a seed.

    Parameters
    ----------
    players : pair of Player or str
        Strategy names (``"Tit For Tat"``, ``"GTFT(generosity=0.1)"``) or Players.
    turns : int, optional
        Number of turns (default 200 when ``prob_end`` is not given); with
        ``prob_end`` it caps the length.
    prob_end : float, optional
        Probability that the match ends after each turn (1 - w). The players are
        not told the length.
    noise : float
        Probability that each intended move is flipped (both players see the move played).
    seed : int, optional
        Random seed; ``None`` draws one, available afterwards as ``match.seed``.
    game : Game
        Payoffs (default R, S, T, P = 3, 0, 5, 1).
    repetition : int
        Which repetition's random streams to use; ``Tournament`` repetition ``r`` of
        the same two players (not self-play) plays exactly ``Match(..., repetition=r)``.
    flips : array-like of shape (2, turns), optional
        Pre-drawn noise flips (1 = flip that player's move on that turn), used instead of
        random noise; for checking strategies move by move against other engines.
    transformer : cooptourney.politics.Transformer, optional
        The politics/policy transformer: perceived payoffs, ratification failure and
        leader turnover (see docs/model.md, "Politics and policy"). ``None`` plays the plain game.

    Notes
    -----
    The results (:meth:`scores`, :meth:`utilities`, :meth:`cooperation`,
    :meth:`final_score_per_turn`, :meth:`winner`, ``len``) play the match without a
    move record, in memory that does not grow with its length beyond the engine's one
    byte per player and turn. :meth:`play`, :attr:`moves` and :attr:`trace` play it
    with a record, for at most :data:`MOVE_RECORD_CAP` turns (a longer match is refused
    before it is played). A match is played at most once for its results and once for
    its record, and both plays give the same moves: every random draw comes from the
    seed.

    Examples
    --------
    >>> m = Match(("Tit For Tat", "Alternator"), turns=4, seed=1)
    >>> m.play()
    [('C', 'C'), ('C', 'D'), ('D', 'C'), ('C', 'D')]
    >>> m.scores()
    (8.0, 13.0)
    """

    def __init__(
        self,
        players: Sequence[Player | str],
        turns: int | None = None,
        prob_end: float | None = None,
        noise: float = 0.0,
        seed: int | None = None,
        game: Game | None = None,
        repetition: int = 0,
        flips: np.ndarray | None = None,
        transformer=None,
    ) -> None:
        if isinstance(players, (str, Player)):
            raise SettingsError('players must be a pair of players, e.g. ("Tit For Tat", "Grudger")')
        if len(players) != 2:
            raise SettingsError(f"a match has exactly 2 players, got {len(players)}")
        self.players = [as_player(p) for p in players]
        if turns is None and prob_end is None:
            turns = 200
        self.turns, self.prob_end = check_length(turns, prob_end)
        self.noise = check_probability("noise", noise)
        self.seed = check_seed(seed)
        self.game = game if game is not None else Game()
        if not isinstance(self.game, Game):
            raise SettingsError(f"game must be a cooptourney Game, got {type(self.game).__name__}")
        if isinstance(repetition, bool) or not isinstance(repetition, int) or repetition < 0:
            raise SettingsError(f"repetition must be a whole number >= 0, got {repetition!r}")
        self.repetition = repetition
        self.flips = None
        if flips is not None:
            f = np.asarray(flips)
            if f.ndim != 2 or f.shape[0] != 2 or not np.isin(f, (0, 1)).all():
                raise SettingsError("flips must be an array of 0/1 with shape (2, turns)")
            self.flips = f.astype(np.int8)
        arrays = check_transformer(transformer, self.game, 2)
        payoffs = [self.game.as_array()] + ([] if arrays is None else [arrays["perceived"]])
        check_matches("this match", 1, self.turns, self.prob_end, payoffs, 1)
        self.transformer = transformer
        self._out: np.ndarray | None = None  # the result row (OUT_*)
        self._moves: np.ndarray | None = None  # int8[kept, 2]: the first turns' moves
        self._trace: np.ndarray | None = None  # float64[2, turns]: the traced state slots
        self._traced = False  # whether the whole match was recorded with its traces
        self._python = any(isinstance(p, PythonPlayer) for p in self.players)

    # -- playing ----------------------------------------------------------------------------
    def _length(self) -> int | None:
        """The match's length, drawn from its length stream without playing it; ``None``
        for a match with an axelrod player under ``prob_end`` (axelrod draws its length)."""
        if self._out is not None:
            return int(self._out[OUT_TURNS])
        if self._python:
            return None if self.prob_end else self.turns
        ka, kb = identity_keys(p.identity() for p in self.players)
        # numba hands uint64 results back as Python ints; keep them uint64
        key = np.uint64(stream_key(np.uint64(self.seed), ka, kb, self.repetition, 0, 0, PURPOSE_LENGTH))
        return int(match_length(key, self.turns, self.prob_end))

    def play(self) -> list[tuple[str, str]]:
        """Play the match with its move record; returns the moves as (player 1, player 2)
        pairs of "C"/"D".

        Raises
        ------
        SettingsError
            Before playing, if the match is longer than :data:`MOVE_RECORD_CAP` turns.
        """
        n = self._length()
        if n is not None:
            check_record_length(n)
        self._run(keep=MOVE_RECORD_CAP, trace=True)
        if self._python:  # axelrod drew the length: known only now
            check_record_length(len(self))
        codes = 2 * self._moves[:, 0].astype(np.intp) + self._moves[:, 1]
        return [_PAIRS[k] for k in codes.tolist()]

    def first_moves(self, turns: int) -> np.ndarray:
        """The moves of the first ``turns`` turns (fewer if the match is shorter), as
        int8[k, 2] (0 = C, 1 = D); plays the match if needed, keeping only those turns'
        moves, so its results come with them at no extra cost."""
        if isinstance(turns, bool) or not isinstance(turns, (int, np.integer)) or not 0 <= turns <= MOVE_RECORD_CAP:
            raise SettingsError(
                f"first_moves takes a whole number of turns from 0 to {MOVE_RECORD_CAP:,}, got {turns!r}"
            )
        turns = int(turns)
        if self._out is None or len(self._moves) < min(turns, len(self)):
            self._run(keep=turns, trace=False)
        return self._moves[:turns]

    @property
    def moves(self) -> np.ndarray:
        """int8[turns, 2]: the moves as played (0 = C, 1 = D), the match recorded by
        :meth:`play` (played now if it has not been; at most :data:`MOVE_RECORD_CAP` turns)."""
        if self._out is None or len(self._moves) < len(self):
            self.play()
        return self._moves

    @property
    def trace(self) -> dict[str, np.ndarray]:
        """Per-turn traced state of players that declare one (e.g. Gears' gear), by player name.

        The value recorded at turn t is the strategy's state right after it chose move t.
        The match is played with its record if it has not been (:meth:`play`).
        """
        if not self._traced:
            self.play()
        names = display_names(p.name for p in self.players)
        return {
            f"{names[k]}: {p.spec.trace[1]}" if p.spec.trace else names[k]: self._trace[k]
            for k, p in enumerate(self.players)
            if p.spec.trace
        }

    def _run(self, keep: int, trace: bool) -> None:
        """Play the match; keep its result row, the moves of its first ``keep`` turns and,
        with ``trace`` (which :meth:`play` asks for with the whole match), every traced state."""
        packed = pack(self.players, self.game.as_array(), self.transformer)
        if self._python:
            self._run_python(packed, keep, trace)
            return
        ka, kb = packed.keys
        seed = np.uint64(self.seed)
        n = self._length()
        if self.flips is not None:
            if self.flips.shape[1] < n:
                raise SettingsError(f"flips cover {self.flips.shape[1]} turns but the match has {n}")
            flip_a = np.ascontiguousarray(self.flips[0, :n])
            flip_b = np.ascontiguousarray(self.flips[1, :n])
        else:
            flip_a = flip_b = np.zeros(0, dtype=np.int8)
        # The engine's own histories (the strategies read them while the match runs), its
        # per-turn workspace and, when asked for, the trace: checked before allocating.
        check_memory(f"this match of {n:,} turns", n * (8 + (32 if trace else 0)))
        hist = np.zeros((2, n), dtype=np.int8)
        # A trace buffer only when it is wanted: an empty one lets the kernel take its
        # leaner loops (the moves and results are the same either way).
        traced = np.full((2, n), np.nan) if trace and any(p.spec.trace for p in self.players) else np.zeros((2, 0))
        out = np.zeros(OUT_SIZE)
        known = float(n) if self.prob_end == 0.0 else -1.0
        packed.kernel.module.play_match(
            packed.side(0, player_streams(seed, ka, kb, self.repetition, ka, 0)),
            packed.side(1, player_streams(seed, ka, kb, self.repetition, kb, 0)),
            MatchSettings(game=self.game.as_array(), turns=np.int64(n), known_length=known, noise=self.noise),
            MatchRecord(
                flip_a=flip_a,
                flip_b=flip_b,
                hist_a=hist[0],
                hist_b=hist[1],
                trace_a=traced[0],
                trace_b=traced[1],
                out=out,
            ),
        )
        check_step_errors(self.players, out[None], [0], [1])
        self._keep(out, hist, keep, traced if trace else None)

    def _run_python(self, packed, keep: int, trace: bool) -> None:
        """A match with an axelrod player: axelrod.Match plays it (and keeps its moves),
        the engine accounts for it."""
        from cooptourney.interop import account, play_python_match

        if self.flips is not None:
            raise SettingsError("pre-drawn flips are not available for matches with an axelrod player")
        moves = play_python_match(
            self.players,
            0,
            1,
            packed.keys,
            self.seed,
            self.repetition,
            self.turns,
            self.prob_end,
            self.noise,
            self.game.as_array(),
            self.transformer,
        )
        n = moves.shape[1]
        hist = np.zeros((2, n), dtype=np.int8)
        out = np.zeros(OUT_SIZE)
        account(packed, 0, 1, moves, self.game.as_array(), float(n) if self.prob_end == 0.0 else -1.0, hist, out)
        self._keep(out, hist, keep, np.full((2, n), np.nan) if trace else None)

    def _keep(self, out: np.ndarray, hist: np.ndarray, keep: int, traced: np.ndarray | None) -> None:
        """Keep a played match's result row, its first ``keep`` turns' moves and, from a
        play with traces (``traced``, empty when no player traces), the traces."""
        self._out = out
        self._moves = hist[:, :keep].T.copy()
        if traced is not None:
            self._trace, self._traced = traced, True

    # -- results ----------------------------------------------------------------------------
    def _played(self) -> np.ndarray:
        """The result row (``OUT_*``), the match played without a move record if needed."""
        if self._out is None:
            self._run(keep=0, trace=False)
        return self._out

    def scores(self) -> tuple[float, float]:
        """Total material payoffs of the two players."""
        out = self._played()
        return float(out[OUT_SCORE_A]), float(out[OUT_SCORE_B])

    def utilities(self) -> tuple[float, float]:
        """Total perceived utilities (equal to :meth:`scores` without a transformer)."""
        out = self._played()
        return float(out[OUT_UTIL_A]), float(out[OUT_UTIL_B])

    def final_score_per_turn(self) -> tuple[float, float]:
        """Material payoff per turn of the two players."""
        a, b = self.scores()
        n = len(self)
        return a / n, b / n

    def cooperation(self) -> tuple[float, float]:
        """Fraction of turns on which each player cooperated."""
        out = self._played()
        n = len(self)
        return float(out[OUT_COOP_A]) / n, float(out[OUT_COOP_B]) / n

    def winner(self) -> Player | None:
        """The player with the higher score, ``None`` for a draw."""
        a, b = self.scores()
        if a == b:
            return None
        return self.players[0] if a > b else self.players[1]

    def __len__(self) -> int:
        return int(self._played()[OUT_TURNS])

    # -- display --------------------------------------------------------------------------
    def __repr__(self) -> str:
        a, b = display_names(p.name for p in self.players)
        length = f"{self.turns} turns" if not self.prob_end else f"prob_end {self.prob_end:g}"
        return f"<Match: {a} vs {b}, {length}, noise {self.noise:g}, seed {self.seed}>"

    def _repr_html_(self) -> str:
        """The two players and, once played, their scores and cooperation (nothing is
        played to show it), for notebooks."""
        import pandas as pd

        caption = f"<p>{escape(repr(self))}</p>"
        if self._out is None:
            return caption + "<p>(not played yet: call play() or scores())</p>"
        names = display_names(p.name for p in self.players)
        scores, coop = self.scores(), self.cooperation()
        table = pd.DataFrame(
            {"score": [f"{x:g}" for x in scores], "cooperation rate": [f"{x:.3f}" for x in coop]}, index=names
        ).to_html()
        return f"{caption}{table}<p>{len(self)} turns played</p>"
