"""Multilateral mode: partners as a group (docs/model.md, "Multilateral mode"; docs/howto/multilateral.md).

N players meet in synchronous rounds: every pair plays round t before any pair plays
round t + 1, all inside one compiled kernel call per repetition
(:mod:`cooptourney.core.multilateral_template`). Besides its history with the partner,
a strategy may read what the group did (``INFO_GROUP_*`` slots of ``info``): how its
partners treated it last round, what it saw the group do, each player's image score and
standing in its own view, and a secretariat's public record.

Players may be grouped into clubs. The result is an ordinary :class:`ResultSet` (so
rankings, tables and files work as for any tournament) plus the group measures: per
club and for the whole population, material welfare, each member's payoff received
minus payoff given (the free-rider measure), the free riders' share of all payoff, and
cooperation inside and across clubs.

A multilateral run of strategies that only look at their partner gives bit for bit the
ordinary tournament's results for the same seed (tests/test_multilateral.py), except
under elections: here a player has one leader for all its pairs, so a lost election
hits every relation at once, while a pairwise tournament draws elections per match.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial

import numba
import numpy as np
import pandas as pd

from cooptourney.core.dispatch import step_list
from cooptourney.core.layout import (
    CFG_MEMORY,
    CFG_REELECT,
    CFG_SIZE,
    CFG_TRACE,
    KEY_SIZE,
    OUT_SIZE,
    GroupSettings,
    MultilateralOutput,
    Pairs,
    Side,
    TournamentSettings,
)
from cooptourney.core.pack import pack
from cooptourney.core.streams import match_lengths
from cooptourney.core.threads import play_chunks
from cooptourney.game import Game
from cooptourney.players import Player, PythonPlayer, as_player, check_step_errors, display_names
from cooptourney.progress import run_in_chunks
from cooptourney.registry import get_strategy
from cooptourney.results import ResultSet
from cooptourney.settings import (
    SettingsError,
    check_length,
    check_matches,
    check_memory,
    check_positive_int,
    check_probability,
    check_seed,
    check_transformer,
)

#: Bytes per match of a multilateral run besides its rounds (result rows and their copies),
#: and per round of one match (moves and intended moves of both, their copies): the memory estimate.
BYTES_PER_MATCH = 1200
BYTES_PER_ROUND = 8

#: Defaults, documented in docs/reference/config.md.
DEFAULT_OBSERVATION = 1.0  # everyone sees every interaction: reputations are public
DEFAULT_SECRETARIAT = 0.0  # no secretariat


def resolve_clubs(players: Sequence[Player], clubs: Mapping[str, Sequence[str | int]] | None) -> list[str | None]:
    """Each player's club name (or None), from membership lists.

    A member is a player's position in the list (0-based) or its name (any alias, with
    parameters if it has any, as players are written), which then means every player
    of that name. Unknown names, positions out of range and a
    player in two clubs are errors.
    """
    club_of: list[str | None] = [None] * len(players)
    if not clubs:
        return club_of
    if not isinstance(clubs, Mapping):
        raise SettingsError("clubs must map a club name to a list of members (player names or positions)")
    names = [p.name for p in players]
    for club, members in clubs.items():
        if not isinstance(club, str) or not club.strip():
            raise SettingsError(f"a club needs a non-empty name, got {club!r}")
        if isinstance(members, (str, int)):
            members = [members]
        if not members:
            raise SettingsError(f"club {club!r} has no members")
        for m in members:
            if isinstance(m, (int, np.integer)) and not isinstance(m, bool):
                if not 0 <= int(m) < len(players):
                    raise SettingsError(
                        f"club {club!r}: member {m} is not a player position; allowed are 0..{len(players) - 1}"
                    )
                idx = [int(m)]
            elif isinstance(m, str):
                idx = [k for k, n in enumerate(names) if n == m.strip()]
                if not idx:  # a name or alias, with parameters if any, as players are written
                    try:
                        wanted = Player.parse(m)
                    except (LookupError, ValueError):
                        wanted = None
                    idx = [k for k, p in enumerate(players) if wanted is not None and p == wanted]
                if not idx:
                    import difflib

                    close = difflib.get_close_matches(m, sorted(set(names)), n=3)
                    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
                    raise SettingsError(f"club {club!r} names {m!r}, which is not a player of this tournament{hint}")
            else:
                raise SettingsError(f"club {club!r}: a member is a player name or position, got {m!r}")
            for k in idx:
                if club_of[k] is not None and club_of[k] != club:
                    raise SettingsError(
                        f"player {k} ({names[k]}) is in two clubs, {club_of[k]!r} and {club!r}; "
                        "a player belongs to at most one club"
                    )
                club_of[k] = club
    return club_of


class MultilateralTournament:
    """Synchronous rounds among all players, with group information.

    Parameters
    ----------
    players : sequence of Player or str
        At least two players; the same strategy may appear several times.
    clubs : mapping of str to list of (str or int), optional
        Club membership: player names (every player of that name) or positions.
        A player belongs to at most one club; players not listed belong to none.
    observation : float
        Probability that a player observes an interaction between two others in a
        round (its own interactions it always sees). 1 (default): public reputations.
    secretariat : float
        Reliability of a secretariat: the probability that it records a defection
        (against a partner in good standing on its record) and publishes it. 0
        (default): no secretariat.
    secretariat_clubs : list of str, optional
        Clubs whose members receive the secretariat's record (default: every player).
    turns, prob_end, noise, repetitions, seed, game, transformer
        As for :class:`cooptourney.tournament.Tournament`; ``prob_end`` gives every
        pair its own length and a pair stops playing after it.
    self_play : bool
        Include each player's match against its own copy (as the ordinary tournament
        does; default True). Group information and the group measures never count it.
    record_moves : bool
        Keep every pair's moves in the results.
    """

    def __init__(
        self,
        players: Sequence[Player | str],
        clubs: Mapping[str, Sequence[str | int]] | None = None,
        observation: float = DEFAULT_OBSERVATION,
        secretariat: float = DEFAULT_SECRETARIAT,
        secretariat_clubs: Sequence[str] | None = None,
        turns: int | None = None,
        prob_end: float | None = None,
        noise: float = 0.0,
        repetitions: int = 10,
        seed: int | None = None,
        game: Game | None = None,
        transformer=None,
        self_play: bool = True,
        record_moves: bool = False,
    ) -> None:
        if isinstance(players, (str, Player)):
            raise SettingsError("players must be a list of players, not a single one")
        self.players = [as_player(p) for p in players]
        if len(self.players) < 2:
            raise SettingsError("a multilateral tournament needs at least two players")
        python = [p.name for p in self.players if isinstance(p, PythonPlayer)]
        if python:
            raise SettingsError(
                f"{python[0]} is a Python (axelrod) player; multilateral mode runs native strategies only"
            )
        if turns is None and prob_end is None:
            turns = 200
        self.turns, self.prob_end = check_length(turns, prob_end)
        self.noise = check_probability("noise", noise)
        self.observation = check_probability("observation", observation)
        self.secretariat = check_probability("secretariat", secretariat)
        self.repetitions = check_positive_int("repetitions", repetitions)
        self.seed = check_seed(seed)
        self.game = game if game is not None else Game()
        if not isinstance(self.game, Game):
            raise SettingsError(f"game must be a cooptourney Game, got {type(self.game).__name__}")
        arrays = check_transformer(transformer, self.game, len(self.players))
        n = len(self.players)
        matches = (n * (n + 1) // 2 if self_play else n * (n - 1) // 2) * self.repetitions
        payoffs = [self.game.as_array()] + ([] if arrays is None else [arrays["perceived"]])
        check_matches(
            f"this multilateral tournament ({matches:,} matches)",
            matches,
            self.turns,
            self.prob_end,
            payoffs,
            n * self.repetitions,
        )
        self.transformer = transformer
        self.self_play = bool(self_play)
        self.record_moves = bool(record_moves)
        self.club_of = resolve_clubs(self.players, clubs)
        self.clubs = sorted({c for c in self.club_of if c is not None})
        if secretariat_clubs is not None:
            if isinstance(secretariat_clubs, str):
                secretariat_clubs = [secretariat_clubs]
            unknown = [c for c in secretariat_clubs if c not in self.clubs]
            if unknown:
                raise SettingsError(
                    f"secretariat_clubs names {unknown[0]!r}, which is not a club; "
                    f"clubs are: {', '.join(self.clubs) or 'none'}"
                )
            self.secretariat_members = [c in secretariat_clubs for c in self.club_of]
        else:
            self.secretariat_members = [True] * len(self.players)

    @property
    def pairs(self) -> tuple[np.ndarray, np.ndarray]:
        i, j = np.triu_indices(len(self.players), k=0 if self.self_play else 1)
        return i.astype(np.int64), j.astype(np.int64)

    def play(self, progress: bool = False) -> MultilateralResult:
        """Play every repetition; returns a :class:`MultilateralResult`."""
        packed = pack(self.players, self.game.as_array(), self.transformer, multilateral=True)
        kernel = packed.kernel.module
        pair_i, pair_j = self.pairs
        n_pairs, reps = len(pair_i), self.repetitions
        elections = bool((packed.cfg[:, 1] > 0).any())
        private = self.observation < 1.0 or elections
        club_index = np.array([self.clubs.index(c) if c is not None else -1 for c in self.club_of], dtype=np.int64)
        members = np.array(self.secretariat_members, dtype=np.uint8)
        plain = np.zeros(CFG_SIZE)
        plain[CFG_REELECT] = plain[CFG_MEMORY] = 1.0
        plain[CFG_TRACE] = -1.0
        lengths = match_lengths(
            np.uint64(self.seed),
            packed.keys,
            pair_i,
            pair_j,
            np.int64(reps),
            np.int64(self.turns),
            np.float64(self.prob_end),
        ).reshape(n_pairs, reps)
        width = int(lengths.max())  # the kernel draws the same lengths
        check_memory(
            f"this multilateral tournament ({lengths.size:,} matches of up to {width:,} rounds)",
            lengths.size * (BYTES_PER_MATCH + width * BYTES_PER_ROUND),
        )
        hist = np.zeros((reps, n_pairs, 2, width), dtype=np.int8)
        intended = np.zeros((reps, n_pairs, 2, width), dtype=np.int8)
        rows = np.zeros((reps, n_pairs, OUT_SIZE))
        # the Sequence Player replays each pair's chosen moves (its init and perceived are the pair's)
        replay = Side(
            step=step_list([get_strategy("Sequence Player")])[0],
            params=np.zeros(0),
            init=np.zeros(0),
            perceived=np.zeros(4),
            keys=np.zeros(KEY_SIZE, dtype=np.uint64),
            cfg=plain,
        )
        args = (
            packed.tables,
            replay,
            TournamentSettings(
                game=self.game.as_array(),
                turns=np.int64(self.turns),
                prob_end=np.float64(self.prob_end),
                noise=np.float64(self.noise),
                seed=np.uint64(self.seed),
                repetitions=np.int64(reps),
            ),
            Pairs(pair_i=pair_i, pair_j=pair_j, skip=np.zeros(n_pairs, dtype=np.uint8)),
            GroupSettings(
                observe=np.float64(self.observation),
                reliability=np.float64(self.secretariat),
                private=private,
                club=club_index,
                secretariat=members,
            ),
            MultilateralOutput(moves=hist, intended=intended, out=rows),
        )
        started = time.perf_counter()
        run_in_chunks(
            partial(play_chunks, kernel.play_multilateral), args, reps, progress, unit="repetition", max_chunks=20
        )
        elapsed = time.perf_counter() - started
        out = rows.transpose(1, 0, 2).copy()
        check_step_errors(self.players, out, pair_i, pair_j)
        moves = hist.transpose(1, 0, 2, 3).copy() if self.record_moves else None
        results = ResultSet.from_tasks(
            players=self.players,
            names=display_names(p.name for p in self.players),
            out=out,
            pair_i=pair_i,
            pair_j=pair_j,
            moves=moves,
            settings={
                "mode": "multilateral",
                "turns": self.turns if self.turns else None,
                "prob_end": self.prob_end if self.prob_end else None,
                "noise": self.noise,
                "repetitions": reps,
                "seed": self.seed,
                "game": [self.game.R, self.game.S, self.game.T, self.game.P],
                "game_class": self.game.classification,
                "threads": numba.get_num_threads(),
                "transformer": None if self.transformer is None else self.transformer.as_dict(),
                "observation": self.observation,
                "secretariat": self.secretariat,
                "clubs": {c: [k for k, x in enumerate(self.club_of) if x == c] for c in self.clubs},
                "secretariat_members": [k for k, m in enumerate(self.secretariat_members) if m],
                "self_play": self.self_play,
            },
            elapsed=elapsed,
        )
        if not self.self_play:
            _fill_missing_self_play(results)
        return MultilateralResult(results=results, club_of=list(self.club_of))


def _fill_missing_self_play(results: ResultSet) -> None:
    """Without self-play the diagonal has no match: mark it as not played (length 1, score 0)."""
    n = results.n_players
    for i in range(n):
        results.turns_matrix[i, i, :] = np.where(results.turns_matrix[i, i, :] == 0, 1.0, results.turns_matrix[i, i, :])


@dataclass
class MultilateralResult:
    """A multilateral run: the ordinary :class:`ResultSet` plus the group measures."""

    results: ResultSet
    club_of: list[str | None]
    _cache: dict = field(default_factory=dict, repr=False)

    # -- per player -------------------------------------------------------------------
    def _others(self) -> np.ndarray:
        return ~np.eye(self.results.n_players, dtype=bool)[:, :, None]

    def _rounds(self) -> np.ndarray:
        """float64[n, reps]: rounds each player played (its longest match with another)."""
        turns = np.where(self._others(), self.results.turns_matrix, 0.0)
        return turns.max(axis=1)

    @property
    def received(self) -> np.ndarray:
        """float64[n, reps]: material payoff each player received per round, from all others."""
        return (self.results.score_matrix * self._others()).sum(axis=1) / self._rounds()

    @property
    def given(self) -> np.ndarray:
        """float64[n, reps]: material payoff each player's moves gave its partners per round."""
        return (self.results.score_matrix.transpose(1, 0, 2) * self._others()).sum(axis=1) / self._rounds()

    @property
    def free_rider_measure(self) -> np.ndarray:
        """float64[n, reps]: payoff received minus payoff given, per round (> 0: a net taker)."""
        return self.received - self.given

    @property
    def free_rider_threshold(self) -> float:
        """(T - S) / 2 per round: half of one unreturned concession, every round."""
        g = self.results.settings["game"]
        return (g[2] - g[1]) / 2.0

    def free_riders(self, threshold: float | None = None) -> np.ndarray:
        """bool[n]: net takers, whose mean free-rider measure exceeds ``threshold``.

        The default, :attr:`free_rider_threshold`, keeps the small imbalances that noise
        leaves between reciprocators from counting as free riding.
        """
        limit = self.free_rider_threshold if threshold is None else float(threshold)
        return self.free_rider_measure.mean(axis=1) > limit

    # -- groups ---------------------------------------------------------------------------
    def _group_rows(self) -> list[tuple[str, np.ndarray]]:
        n = self.results.n_players
        groups = [("all", np.ones(n, dtype=bool))]
        for c in sorted({c for c in self.club_of if c is not None}):
            groups.append((c, np.array([x == c for x in self.club_of])))
        if any(c is None for c in self.club_of) and len(groups) > 1:
            groups.append(("(no club)", np.array([x is None for x in self.club_of])))
        return groups

    def _coop(self, rows: np.ndarray, cols: np.ndarray) -> float:
        """Share of C in the moves the ``rows`` players made towards the ``cols`` players."""
        mask = rows[:, None] & cols[None, :] & ~np.eye(len(rows), dtype=bool)
        moves = self.results.turns_matrix[mask].sum()
        return float(self.results.coop_matrix[mask].sum() / moves) if moves else float("nan")

    def club_table(self) -> pd.DataFrame:
        """One row for the population ("all") and one per club.

        Columns: members; material welfare per round (payoff received by the members,
        summed); the members' mean free-rider measure; the largest one; the free riders'
        share of the members' payoff (free riders: :meth:`free_riders`);
        cooperation inside the group and from the group to everyone outside it.
        """
        received = self.received.mean(axis=1)
        measure = self.free_rider_measure.mean(axis=1)
        riders = self.free_riders()
        rows = []
        for name, m in self._group_rows():
            total = received[m].sum()
            rows.append(
                {
                    "group": name,
                    "members": int(m.sum()),
                    "welfare_per_round": float(total),
                    "free_rider_measure_mean": float(measure[m].mean()),
                    "free_rider_measure_max": float(measure[m].max()),
                    "free_riders": int((riders & m).sum()),
                    "free_rider_share": float(received[riders & m].sum() / total) if total > 0 else float("nan"),
                    "cooperation_inside": self._coop(m, m),
                    "cooperation_across": self._coop(m, ~m) if (~m).any() else float("nan"),
                }
            )
        return pd.DataFrame(rows)

    def player_table(self, by: str = "score") -> pd.DataFrame:
        """The ranked player table, with club and the free-rider measure."""
        df = self.results.to_dataframe(by)
        order = self.results.ranking(by)
        df.insert(2, "club", [self.club_of[k] or "" for k in order])
        df.insert(4, "received_per_round", self.received.mean(axis=1)[order])
        df.insert(5, "free_rider_measure", self.free_rider_measure.mean(axis=1)[order])
        return df

    def write(self, path, by: str = "score"):
        """As :meth:`ResultSet.write`, plus ``<stem>.clubs.<suffix>`` for tables (atomic)."""
        from pathlib import Path

        from cooptourney.atomic import write_atomic_all

        path = Path(path)
        suffix = path.suffix.lower()
        if suffix == ".json":
            import json

            from cooptourney.results import json_safe as _finite

            data = self.results.to_dict(by)
            data["clubs"] = self.club_table().to_dict(orient="records")
            data["players_multilateral"] = self.player_table(by).to_dict(orient="records")
            text = json.dumps(_finite(data), indent=1, allow_nan=False)
            return write_atomic_all([(path, lambda p: p.write_text(text))])[-1]
        if suffix not in (".csv", ".parquet"):
            raise ValueError(f"cannot write {str(path)!r}: use a .csv, .parquet or .json file name")

        def table(df):
            return (
                (lambda p: df.to_csv(p, index=False)) if suffix == ".csv" else (lambda p: df.to_parquet(p, index=False))
            )

        return write_atomic_all(
            [
                (path.with_suffix(".matches" + suffix), table(self.results.matches_dataframe())),
                (path.with_suffix(".clubs" + suffix), table(self.club_table())),
                (path, table(self.player_table(by))),
            ]
        )[-1]
