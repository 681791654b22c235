"""A single match between two players, with its full move history."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from cooptourney.core.layout import (
    OUT_COOP_A,
    OUT_COOP_B,
    OUT_SCORE_A,
    OUT_SCORE_B,
    OUT_SIZE,
    OUT_UTIL_A,
    OUT_UTIL_B,
    MatchRecord,
    MatchSettings,
)
from cooptourney.core.pack import pack
from cooptourney.core.rng import PURPOSE_LENGTH
from cooptourney.core.streams import match_length, player_streams, stream_key
from cooptourney.game import Game
from cooptourney.players import Player, PythonPlayer, as_player, check_step_errors
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
        self.moves: np.ndarray | None = None
        self._out: np.ndarray | None = None

    def play(self) -> list[tuple[str, str]]:
        """Play the match; returns the moves as (player 1, player 2) pairs of "C"/"D"."""
        packed = pack(self.players, self.game.as_array(), self.transformer)
        if any(isinstance(p, PythonPlayer) for p in self.players):
            return self._play_python(packed)
        ka, kb = packed.keys
        seed = np.uint64(self.seed)
        # numba hands uint64 results back as Python ints; keep them uint64
        length_key = np.uint64(stream_key(seed, ka, kb, self.repetition, 0, 0, PURPOSE_LENGTH))
        n = int(match_length(length_key, self.turns, self.prob_end))
        if self.flips is not None:
            if self.flips.shape[1] < n:
                raise SettingsError(f"flips cover {self.flips.shape[1]} turns but the match has {n}")
            flip_a = np.ascontiguousarray(self.flips[0, :n])
            flip_b = np.ascontiguousarray(self.flips[1, :n])
        else:
            flip_a = flip_b = np.zeros(0, dtype=np.int8)
        # the moves, their trace, the copy in self.moves and the list of pairs returned
        check_memory(f"this match of {n:,} turns", n * 200)
        hist = np.zeros((2, n), dtype=np.int8)
        trace = np.full((2, n), np.nan)
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
                trace_a=trace[0],
                trace_b=trace[1],
                out=out,
            ),
        )
        check_step_errors(self.players, out[None], [0], [1])
        self.moves = hist.T.copy()
        self._trace = trace
        self._out = out
        return [tuple(row) for row in MOVE_NAMES[self.moves].tolist()]

    def _play_python(self, packed) -> list[tuple[str, str]]:
        """A match with an axelrod player: axelrod.Match plays it, the engine accounts for it."""
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
        self.moves = hist.T.copy()
        self._trace = np.full((2, n), np.nan)
        self._out = out
        return [tuple(row) for row in MOVE_NAMES[self.moves].tolist()]

    @property
    def trace(self) -> dict[str, np.ndarray]:
        """Per-turn traced state of players that declare one (e.g. Gears' gear), by player name.

        The value recorded at turn t is the strategy's state right after it chose move t.
        """
        self._played()
        return {
            f"{p.name}: {p.spec.trace[1]}" if p.spec.trace else p.name: self._trace[k]
            for k, p in enumerate(self.players)
            if p.spec.trace
        }

    def _played(self) -> np.ndarray:
        if self._out is None:
            self.play()
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
        a, b = self.scores()
        n = len(self.moves)
        return a / n, b / n

    def cooperation(self) -> tuple[float, float]:
        """Fraction of turns on which each player cooperated."""
        out = self._played()
        n = len(self.moves)
        return float(out[OUT_COOP_A]) / n, float(out[OUT_COOP_B]) / n

    def winner(self) -> Player | None:
        a, b = self.scores()
        if a == b:
            return None
        return self.players[0] if a > b else self.players[1]

    def __len__(self) -> int:
        self._played()
        return len(self.moves)
