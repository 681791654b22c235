"""Round-robin tournaments on the compiled core."""

from __future__ import annotations

import time
from collections.abc import Sequence
from functools import partial
from html import escape

import numba
import numpy as np

from cooptourney.core.layout import OUT_SIZE, OUT_TURNS, Pairs, TournamentOutput, TournamentSettings
from cooptourney.core.pack import pack
from cooptourney.core.streams import match_lengths
from cooptourney.core.threads import play_chunks
from cooptourney.game import Game
from cooptourney.players import Player, PythonPlayer, as_player, check_step_errors, display_names
from cooptourney.progress import run_in_chunks
from cooptourney.results import ResultSet, Standings
from cooptourney.settings import (
    SettingsError,
    check_length,
    check_matches,
    check_memory,
    check_non_negative_int,
    check_positive_int,
    check_probability,
    check_seed,
    check_transformer,
)

#: Bytes one match takes in a run without its moves: the kernel's result row and the
#: ResultSet's per-match arrays (measured with tracemalloc; the estimate of the memory check).
BYTES_PER_MATCH = 640
#: Bytes one recorded turn of one match takes (two moves, two traced values, their copies).
BYTES_PER_RECORDED_TURN = 20


class Tournament:
    """A round robin: every pair of players, self-play included, ``repetitions`` times.

    Parameters
    ----------
    players : sequence of Player or str
        At least one player. Strategy names may carry parameters: ``"GTFT(generosity=0.1)"``.
    turns : int, optional
        Turns per match (default 200 when ``prob_end`` is not given); caps the length
        when ``prob_end`` is given.
    prob_end : float, optional
        Probability that a match ends after each turn (the continuation probability
        is w = 1 - prob_end). Players are not told the length.
    noise : float
        Probability that each intended move is flipped.
    repetitions : int
        Matches per pair.
    seed : int, optional
        The tournament is a pure function of its settings and this seed; ``None``
        draws one (reported in the results).
    game : Game
        Payoffs (default 3, 0, 5, 1).
    record_moves : bool
        Keep every match's full move history (and traced strategy state) in the results
        (memory grows with players^2 * repetitions * turns); off by default, when memory
        is O(players^2).
    transformer : cooptourney.politics.Transformer, optional
        Politics/policy transformer: per-player perceived payoffs, ratification failure
        and leader turnover. ``None`` (or a neutral one) plays the plain game.
    reuse_matches : bool
        Play a pair of deterministic strategies only once when every repetition must
        give the same match (no noise, a fixed length, no transformer, moves not
        recorded) and copy its result to the other repetitions (default True). The
        results are the same bits either way, for strategies that declare
        ``stochastic=True`` when they draw random numbers (the registry's flag is what
        is trusted); after :meth:`play`, :attr:`turns_simulated` and
        :attr:`turns_accounted` say how much was saved.

    Notes
    -----
    Matches run in parallel on all numba threads (``numba.get_num_threads()``;
    :mod:`cooptourney.core.threads`). Every random draw comes from a
    stream keyed by (seed, pair, repetition, player), so the results are
    bit-identical for any thread count or chunking.
    """

    #: Turns the engine played in the last :meth:`play` (``None`` before it).
    turns_simulated: int | None = None
    #: Turns the last :meth:`play`'s results account for: every match of every
    #: repetition, including those copied from a reused match.
    turns_accounted: int | None = None

    def __init__(
        self,
        players: Sequence[Player | str],
        turns: int | None = None,
        prob_end: float | None = None,
        noise: float = 0.0,
        repetitions: int = 10,
        seed: int | None = None,
        game: Game | None = None,
        record_moves: bool = False,
        transformer=None,
        reuse_matches: bool = True,
    ) -> None:
        if isinstance(players, (str, Player)):
            raise SettingsError("players must be a list of players, not a single one")
        self.players = [as_player(p) for p in players]
        if not self.players:
            raise SettingsError("a tournament needs at least one player")
        if turns is None and prob_end is None:
            turns = 200
        self.turns, self.prob_end = check_length(turns, prob_end)
        self.noise = check_probability("noise", noise)
        self.repetitions = check_positive_int("repetitions", repetitions)
        self.seed = check_seed(seed)
        self.game = game if game is not None else Game()
        if not isinstance(self.game, Game):
            raise SettingsError(f"game must be a cooptourney Game, got {type(self.game).__name__}")
        self.record_moves = bool(record_moves)
        self.reuse_matches = bool(reuse_matches)
        arrays = check_transformer(transformer, self.game, len(self.players))
        self.transformer = transformer
        n = len(self.players)
        matches = n * (n + 1) // 2 * self.repetitions
        payoffs = [self.game.as_array()] + ([] if arrays is None else [arrays["perceived"]])
        what = f"this tournament ({matches:,} matches)"
        check_matches(what, matches, self.turns, self.prob_end, payoffs, n * self.repetitions)
        check_memory(what, matches * BYTES_PER_MATCH)

    def _settings_text(self) -> str:
        length = (
            f"{self.turns} turns"
            if not self.prob_end
            else f"prob_end {self.prob_end:g}" + (f" (at most {self.turns} turns)" if self.turns else "")
        )
        return f"{length}, noise {self.noise:g}, {self.repetitions} repetitions, seed {self.seed}"

    def __repr__(self) -> str:
        names = display_names(p.name for p in self.players)
        shown = ", ".join(names[:5]) + (f", ... ({len(names) - 5} more)" if len(names) > 5 else "")
        return f"<Tournament: {len(names)} players ({shown}), {self._settings_text()}>"

    def _repr_html_(self) -> str:
        """The settings and the players (at most 20 shown) as a small table, for notebooks."""
        import pandas as pd

        names = display_names(p.name for p in self.players)
        rows = {
            "players": len(names),
            "turns": self.turns or "unbounded",
            "prob_end": self.prob_end,
            "noise": self.noise,
            "repetitions": self.repetitions,
            "seed": self.seed,
            "game (R, S, T, P)": f"{self.game.R:g}, {self.game.S:g}, {self.game.T:g}, {self.game.P:g}",
        }
        table = pd.DataFrame({"": list(rows.values())}, index=list(rows)).to_html(header=False)
        shown = ", ".join(escape(n) for n in names[:20]) + (
            f", ... ({len(names) - 20} more)" if len(names) > 20 else ""
        )
        return f"<b>Tournament</b>{table}<p>{shown}</p>"

    @property
    def pairs(self) -> tuple[np.ndarray, np.ndarray]:
        """Pair index arrays (i <= j), in row-major order of the upper triangle."""
        i, j = np.triu_indices(len(self.players))
        return i.astype(np.int64), j.astype(np.int64)

    def play(
        self, progress: bool = False, *, progress_bar: bool | None = None, processes: int | None = None
    ) -> ResultSet:
        """Play every match and return the :class:`ResultSet`.

        ``progress`` shows a bar (on stderr) once the run has taken more than a second.
        ``progress_bar`` and ``processes`` are ``axelrod``'s names, so that a ported script
        runs unchanged: ``progress_bar`` is ``progress``; ``processes`` caps the threads
        the engine uses for this call (0 or ``None``: every thread numba has). Neither
        changes a bit of the results, which are the same on any thread count.
        """
        if progress_bar is not None:
            progress = bool(progress_bar)
        if processes is None:
            return self._play(progress)
        threads = check_non_negative_int("processes", processes)
        before = numba.get_num_threads()
        numba.set_num_threads(min(threads, numba.config.NUMBA_NUM_THREADS) if threads else before)
        try:
            return self._play(progress)
        finally:
            numba.set_num_threads(before)

    def _play(self, progress: bool) -> ResultSet:
        out, hist, trace, elapsed = self._run(progress, self.record_moves)
        pair_i, pair_j = self.pairs
        reps = self.repetitions
        return ResultSet.from_tasks(
            players=self.players,
            names=display_names(p.name for p in self.players),
            out=out.reshape(len(pair_i), reps, OUT_SIZE),
            pair_i=pair_i,
            pair_j=pair_j,
            moves=hist.reshape(len(pair_i), reps, 2, -1) if self.record_moves else None,
            traces=trace.reshape(len(pair_i), reps, 2, -1) if self.record_moves else None,
            settings=self._settings_dict(),
            elapsed=elapsed,
        )

    def standings(self, progress: bool = False) -> Standings:
        """Play every match and return only the per-player :class:`Standings`.

        The same matches as :meth:`play` and the same bits in every array the two share
        (``normalised_scores``, ``normalised_scores_with_self_play``, ``wins``,
        ``cooperation_rate``), summed in one compiled pass over the matches instead of
        the ``[n, n, reps]`` matrices of a :class:`ResultSet`: for runs of many
        repetitions that need only the ranking. Moves are not recorded here, whatever
        ``record_moves`` says.
        """
        out, _, _, elapsed = self._run(progress, False)
        pair_i, pair_j = self.pairs
        return Standings.from_tasks(
            players=self.players,
            names=display_names(p.name for p in self.players),
            out=out.reshape(len(pair_i), self.repetitions, OUT_SIZE),
            pair_i=pair_i,
            pair_j=pair_j,
            settings=self._settings_dict(),
            elapsed=elapsed,
        )

    def _settings_dict(self) -> dict:
        return {
            "turns": self.turns if self.turns else None,
            "prob_end": self.prob_end if self.prob_end else None,
            "noise": self.noise,
            "repetitions": self.repetitions,
            "seed": self.seed,
            "game": [self.game.R, self.game.S, self.game.T, self.game.P],
            "game_class": self.game.classification,
            "threads": numba.get_num_threads(),
            "transformer": None if self.transformer is None else self.transformer.as_dict(),
        }

    def _run(self, progress: bool, record: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
        """Play every match: the result rows ``out`` (tasks x ``OUT_SIZE``), the moves and
        traces (tasks x 2 x turns when ``record``, placeholders otherwise) and the seconds taken."""
        packed = pack(self.players, self.game.as_array(), self.transformer)
        pair_i, pair_j = self.pairs
        reps = self.repetitions
        n_tasks = len(pair_i) * reps
        seed = np.uint64(self.seed)
        out = np.zeros((n_tasks, OUT_SIZE))
        # Pairs with an axelrod (Python) player are played by axelrod.Match (interop.py);
        # the compiled kernel skips them.
        python = np.array([isinstance(p, PythonPlayer) for p in self.players])
        skip = (python[pair_i] | python[pair_j]).astype(np.uint8)
        reused = self._reusable_pairs(pair_i, pair_j, python, record)
        if record:
            lengths = match_lengths(
                seed, packed.keys, pair_i, pair_j, np.int64(reps), np.int64(self.turns), np.float64(self.prob_end)
            )
            check_memory(
                f"recording the moves of {n_tasks:,} matches of up to {int(lengths.max()):,} turns",
                n_tasks * (BYTES_PER_MATCH + int(lengths.max()) * BYTES_PER_RECORDED_TURN),
            )
        python_moves = {}
        if skip.any():
            from cooptourney.interop import play_python_match

            for k in range(n_tasks):
                pair = k // reps
                if skip[pair]:
                    python_moves[k] = play_python_match(
                        self.players,
                        pair_i[pair],
                        pair_j[pair],
                        packed.keys,
                        self.seed,
                        k % reps,
                        self.turns,
                        self.prob_end,
                        self.noise,
                        self.game.as_array(),
                        self.transformer,
                    )
        if record:
            longest = max([int(lengths.max())] + [m.shape[1] for m in python_moves.values()])
            hist = np.zeros((n_tasks, 2, longest), dtype=np.int8)
            trace = np.full((n_tasks, 2, longest), np.nan)
        else:
            hist = np.zeros((1, 2, 1), dtype=np.int8)
            trace = np.zeros((1, 2, 1))
        game = self.game.as_array()
        args = (
            packed.tables,
            TournamentSettings(
                game=game,
                turns=np.int64(self.turns),
                prob_end=np.float64(self.prob_end),
                noise=np.float64(self.noise),
                seed=seed,
                repetitions=np.int64(reps),
            ),
            Pairs(pair_i=pair_i, pair_j=pair_j, skip=skip | reused),
            TournamentOutput(out=out, record=record, moves=hist, traces=trace),
        )
        kernel = partial(play_chunks, packed.kernel.module.play_tournament)
        started = time.perf_counter()
        run_in_chunks(kernel, args, n_tasks, progress, unit="match", max_chunks=50)
        simulated = float(out[:, OUT_TURNS].sum())
        if reused.any():
            simulated += self._play_reused(kernel, args, reused, out)
        if python_moves:
            from cooptourney.interop import account

            for k, moves in python_moves.items():
                n = moves.shape[1]
                rows = hist[k] if record else np.zeros((2, n), dtype=np.int8)
                known = float(n) if self.prob_end == 0.0 else -1.0
                account(packed, pair_i[k // reps], pair_j[k // reps], moves, game, known, rows, out[k])
        elapsed = time.perf_counter() - started
        self.turns_simulated = int(simulated) + sum(int(m.shape[1]) for m in python_moves.values())
        self.turns_accounted = int(out[:, OUT_TURNS].sum())
        check_step_errors(self.players, out, pair_i, pair_j)
        return out, hist, trace, elapsed

    def _reusable_pairs(self, pair_i: np.ndarray, pair_j: np.ndarray, python: np.ndarray, record: bool) -> np.ndarray:
        """uint8[pairs]: 1 for a pair whose every repetition is the same match.

        That holds when neither strategy draws a random number and nothing else does:
        no noise, a fixed length (``prob_end`` draws each match's length), no
        transformer (ratification failures and elections are random) and, so that
        the moves arrays stay per match, moves not recorded. Python (axelrod) pairs
        are left to their own path.
        """
        n_pairs = len(pair_i)
        if (
            not self.reuse_matches
            or self.repetitions < 2
            or record
            or self.noise != 0.0
            or self.prob_end != 0.0
            or self.transformer is not None
        ):
            return np.zeros(n_pairs, dtype=np.uint8)
        fixed = np.array([not p.spec.stochastic and not python[k] for k, p in enumerate(self.players)])
        return (fixed[pair_i] & fixed[pair_j]).astype(np.uint8)

    def _play_reused(self, kernel, args: tuple, reused: np.ndarray, out: np.ndarray) -> float:
        """Play repetition 0 of each reused pair and copy its row to every repetition.

        The kernel keys a match's streams by the two players and the repetition, never
        by the pair's position, so a call on the reused pairs alone with one repetition
        plays exactly their repetition-0 matches. Returns the turns it played.
        """
        players, rules, pairs, _ = args
        which = np.flatnonzero(reused)
        once = np.zeros((len(which), OUT_SIZE))
        sub = (
            players,
            rules._replace(repetitions=np.int64(1)),
            Pairs(pair_i=pairs.pair_i[which], pair_j=pairs.pair_j[which], skip=np.zeros(len(which), dtype=np.uint8)),
            args[3]._replace(out=once),
        )
        run_in_chunks(kernel, sub, len(which), False, unit="match", max_chunks=1)
        reps = self.repetitions
        rows = out.reshape(-1, reps, OUT_SIZE)
        rows[which] = once[:, None, :]
        return float(once[:, OUT_TURNS].sum())
