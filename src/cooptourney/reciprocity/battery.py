"""Play the reciprocity battery and measure each strategy's answers.

:func:`run_battery` plays every strategy against the scripted partners of
:mod:`cooptourney.reciprocity.partners` in one spatial tournament (a star of partners
around each strategy: only strategy-partner matches are played), plays each strategy
against itself with one flipped move (:class:`cooptourney.match.Match` with pre-drawn
flips), and measures, per repetition:

* **tolerance**: the largest imbalance, in payoff units, that it lets stand before it
  first retaliates: the maximum of the partner's lead in cumulative payoff on the turns
  after the offence on which it still did not retaliate; the maximum over the exploiting
  partners (single, run, alternator, free rider). A strategy that never retaliates
  lets the whole final imbalance stand.
* **immediacy**: turns from the partner's first defection to the strategy's first
  retaliation, the smallest over the exploiting partners (1 = on the next move; NaN =
  never).
* **proportionality**: its retaliation over the harm: the number of its retaliating
  defections after the offence over the number of the partner's defections, pooled over
  the single and run partners (1 = like for like; below 1 lenient; above 1 it returns
  more than it received).
* **forgiveness horizon**: turns from the first turn of amends to the strategy's last
  retaliation against the amends partner, plus one (0: it retaliates no more once amends
  begin; inf: it is still retaliating in the last five turns).
* **echo**: against its own copy, after one flip of its own move on the offence turn,
  the turns without mutual cooperation before the first mutual cooperation (0: the next
  turn is mutual cooperation again; the rest of the match, ``turns - offence - 1``, if
  never: the echo runs forever). NaN when it did not cooperate mutually with its copy
  on the turn before the flip (nothing to break).
* **noise response**: against the noise partner, P(D after the partner's D) minus
  P(D after the partner's C) (the ``contingency`` of docs/reference/metrics.md with
  the roles of C and D read as a response to accidents).
* **aggression**: its defection rate against the cooperator from the offence turn on
  (a strategy that defects against a partner who never hits back).
* **responsiveness**: the largest difference, over the partners, between its mean
  cooperation rate (over repetitions) against that partner and against the cooperator
  from the offence turn on; near 0 for a strategy whose moves ignore the partner (the
  noise partner is compared too). The same value fills every repetition's column; the
  per-partner, per-repetition differences are ``per_partner["coop_shift"]``.
* **group dependence** (multilateral mode): how much its cooperation rate towards one
  partner changes with what the other members did to it, or with what the partner did
  to them (:func:`group_dependence`). A pairwise
  step reads only its own match, so this is 0 by construction for every strategy but
  the group ones (``group=True``), which alone are played for it.

A *retaliation* is a defection on a turn where the strategy cooperated against the
cooperator in the same repetition (an excess defection over its baseline), so a
strategy's own opening probes and schedules are not counted as answers.

Group strategies play only in multilateral mode, so their battery is a multilateral
tournament of the strategy and the partners (the partners' scripts are unaffected);
their echo is not measured (NaN), as a match of two copies with a flipped move is a
pairwise match.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from numba import njit

from cooptourney.evolution.spatial import SpatialTournament
from cooptourney.game import Game
from cooptourney.match import Match
from cooptourney.multilateral import MultilateralTournament
from cooptourney.players import Player, as_player
from cooptourney.progress import ProgressBar
from cooptourney.reciprocity.partners import EXPLOITERS, PARTNERS, BatterySettings, partner_players
from cooptourney.settings import SettingsError

__all__ = ["MEASURES", "BatteryResult", "group_dependence", "measure_matches", "run_battery"]

#: The measures, in table order.
MEASURES = (
    "tolerance",
    "immediacy",
    "proportionality",
    "forgiveness",
    "echo",
    "noise_response",
    "aggression",
    "responsiveness",
    "group_dependence",
)

#: Turns at the end of a match in which a retaliation means the strategy never forgave.
_TAIL = 5


@dataclass
class BatteryResult:
    """The measures of every strategy, per repetition.

    ``values[m]`` is ``float64[strategies, repetitions]`` for measure ``m`` of
    :data:`MEASURES` (NaN where it is undefined). ``stochastic[k]`` says whether
    strategy k draws random numbers (its repetitions then differ).
    """

    names: list[str]
    tags: list[str]
    stochastic: list[bool]
    group: list[bool]
    values: dict[str, np.ndarray]
    settings: BatterySettings
    game: Game
    #: ``"tolerance"``: [strategies, EXPLOITERS, reps]; ``"coop_shift"``: [strategies, PARTNERS[1:], reps]
    per_partner: dict[str, np.ndarray] = field(default_factory=dict)

    def mean(self, measure: str) -> np.ndarray:
        """float64[strategies]: mean over repetitions (inf stays inf; NaN where all are NaN)."""
        v = self.values[measure]
        out = np.full(v.shape[0], np.nan)
        for k, row in enumerate(v):
            ok = row[~np.isnan(row)]
            if ok.size:
                out[k] = np.inf if np.isinf(ok).any() and np.isinf(ok).mean() > 0.5 else ok[np.isfinite(ok)].mean()
        return out

    def interval(self, measure: str, z: float = 1.96) -> np.ndarray:
        """float64[strategies]: half-width of the normal 95% confidence interval of the mean
        over repetitions (0 for a deterministic strategy; NaN with fewer than two finite values)."""
        v = self.values[measure]
        out = np.full(v.shape[0], np.nan)
        for k, row in enumerate(v):
            ok = row[np.isfinite(row)]
            if not self.stochastic[k]:
                out[k] = 0.0 if ok.size else np.nan
            elif ok.size > 1:
                out[k] = z * ok.std(ddof=1) / math.sqrt(ok.size)
        return out


def _payoffs(game: Game) -> np.ndarray:
    """float64[2, 2]: pay[own move, partner's move] (0 = C, 1 = D)."""
    return np.array([[game.R, game.S], [game.T, game.P]], dtype=np.float64)


#: Columns of :func:`measure_matches`'s result.
TOLERANCE, LAG, RETALIATIONS, DEFECTIONS, HORIZON, COOP, CONTINGENT = range(7)


def measure_matches(moves: np.ndarray, settings: BatterySettings, game: Game) -> np.ndarray:
    """Measures of every strategy against every partner in every repetition.

    Parameters
    ----------
    moves : ndarray(int8, ndim=5)
        ``[strategies, partners, repetitions, 2, turns]``: the strategy's moves (row 0)
        and the partner's (row 1), 0 = C, 1 = D, partners in the order of
        :data:`~cooptourney.reciprocity.partners.PARTNERS` (the cooperator first: it is
        the baseline).
    settings : BatterySettings
    game : Game

    Returns
    -------
    ndarray(float64, ndim=4)
        ``[strategies, partners, repetitions, 7]``: tolerance, turns to the first
        retaliation (NaN if none), retaliations and the partner's defections from the
        offence on, the forgiveness horizon (amends partner only, else NaN), the
        cooperation rate from the offence on, and P(D after the partner's D) - P(D after
        the partner's C) (NaN if either never happens). Definitions: module docstring.
    """
    if moves.ndim != 5 or moves.shape[3] != 2 or moves.shape[1] != len(PARTNERS):
        raise ValueError(f"moves must be [strategies, {len(PARTNERS)}, repetitions, 2, turns], got {moves.shape}")
    out = np.full(moves.shape[:3] + (7,), np.nan)
    amends = np.array([name == "amends" for name in PARTNERS])
    _measure_kernel(
        np.ascontiguousarray(moves, dtype=np.int8),
        _payoffs(game),
        settings.offence,
        settings.offence + settings.amends,
        _TAIL,
        amends,
        out,
    )
    return out


@njit(cache=True)
def _measure_kernel(moves, pay, offence, amends_start, tail, amends, out):
    """Fill ``out[s, p, r, :]`` (see :func:`measure_matches`); ``moves[s, 0]`` is the baseline."""
    n_s, n_p, n_r, _, n = moves.shape
    lead = np.zeros(n + 1)
    for s in range(n_s):
        for r in range(n_r):
            base = moves[s, 0, r, 0]
            for p in range(n_p):
                x = moves[s, p, r, 0]
                y = moves[s, p, r, 1]
                # lead[t]: the partner's lead in cumulative payoff before turn t is decided
                for t in range(n):
                    lead[t + 1] = lead[t] + pay[y[t], x[t]] - pay[x[t], y[t]]
                coops = 0
                for t in range(offence, n):
                    coops += 1 - x[t]
                out[s, p, r, COOP] = coops / (n - offence)
                out[s, p, r, CONTINGENT] = _contingency(x, y)
                first = -1
                defections = 0
                for t in range(offence, n):
                    if y[t] == 1:
                        defections += 1
                        if first < 0:
                            first = t
                out[s, p, r, DEFECTIONS] = defections
                if first < 0:
                    out[s, p, r, TOLERANCE] = 0.0
                    out[s, p, r, RETALIATIONS] = 0.0
                    continue
                # a retaliation: D where it cooperated against the cooperator; a move on
                # the offence turn cannot answer the offence
                stood = 0.0
                answered = False
                retaliations = 0
                last = -1
                for t in range(offence + 1, n):
                    excess = x[t] == 1 and base[t] == 0
                    if excess:
                        retaliations += 1
                        last = t
                    if t > first and not answered:
                        if excess:
                            answered = True
                            out[s, p, r, LAG] = t - first
                        elif lead[t] > stood:
                            stood = lead[t]
                if not answered and lead[n] > stood:
                    stood = lead[n]  # never answered: the final imbalance stands too
                out[s, p, r, TOLERANCE] = stood
                out[s, p, r, RETALIATIONS] = retaliations
                if amends[p]:
                    if last < amends_start:
                        out[s, p, r, HORIZON] = 0.0
                    elif last >= n - tail:
                        out[s, p, r, HORIZON] = np.inf
                    else:
                        out[s, p, r, HORIZON] = last - amends_start + 1


@njit(cache=True)
def _contingency(x, y):
    """P(x_t = D | y_{t-1} = D) - P(x_t = D | y_{t-1} = C); NaN if either never happens."""
    d_after_d = 0
    n_d = 0
    d_after_c = 0
    n_c = 0
    for t in range(1, x.shape[0]):
        if y[t - 1] == 1:
            n_d += 1
            d_after_d += x[t]
        else:
            n_c += 1
            d_after_c += x[t]
    if n_d == 0 or n_c == 0:
        return np.nan
    return d_after_d / n_d - d_after_c / n_c


def _echo(player: Player, settings: BatterySettings, game: Game, repetition: int) -> float:
    """Turns without mutual cooperation after one flip of the player's move against its copy."""
    n, k = settings.turns, settings.offence
    flips = np.zeros((2, n), dtype=np.int8)
    flips[0, k] = 1
    match = Match((player, player), turns=n, seed=settings.seed, game=game, repetition=repetition, flips=flips)
    match.play()
    m = match.moves
    if m[k - 1, 0] != 0 or m[k - 1, 1] != 0:
        return math.nan
    mutual = np.flatnonzero((m[k + 1 :, 0] == 0) & (m[k + 1 :, 1] == 0))
    return float(mutual[0]) if mutual.size else float(n - k - 1)


def _towards_partner(player: Player, partner: str, others: str, settings: BatterySettings, game: Game) -> np.ndarray:
    """float64[repetitions]: the player's cooperation rate towards ``partner`` in a group of five.

    The player and the partner form one club, three ``others`` another (clubs matter only
    to the rules that read them).
    """
    t = MultilateralTournament(
        [player, partner, others, others, others],
        clubs={"partners": [0, 1], "others": [2, 3, 4]},
        turns=settings.turns,
        repetitions=settings.repetitions,
        seed=settings.seed,
        game=game,
        self_play=False,
        record_moves=True,
    )
    res = t.play().results
    return np.array([1.0 - res.match_moves(0, 1, r)[:, 0].mean() for r in range(settings.repetitions)])


def group_dependence(player: Player | str, settings: BatterySettings, game: Game | None = None) -> np.ndarray:
    """float64[repetitions]: how much the player's treatment of one partner depends on the others.

    Multilateral tournaments of five members: the player, the partner it is watched with,
    and three others. Two contrasts of its cooperation rate towards the partner, per
    repetition:

    * what the others did to it: a Cooperator partner while the others all cooperate,
      minus while they all defect (a rule that withholds from one partner what the group
      withheld from it, as most-favoured-nation treatment does);
    * what the partner did to the others: a Cooperator partner, minus a partner (Club
      Discriminator, in the player's club) that cooperates with the player and defects
      on the others (a rule that judges a partner by its reputation, as image scoring
      does).

    The value is the contrast larger in size. It is 0 for a rule that treats each partner
    by that partner's record with it alone (Keohane 1986: diffuse reciprocity sees
    partners as a group).
    """
    player = as_player(player)
    game = game if game is not None else Game()
    plain = _towards_partner(player, "Cooperator", "Cooperator", settings, game)
    by_others = plain - _towards_partner(player, "Cooperator", "Defector", settings, game)
    by_reputation = plain - _towards_partner(player, "Club Discriminator", "Cooperator", settings, game)
    return np.where(np.abs(by_others) >= np.abs(by_reputation), by_others, by_reputation)


def run_battery(
    strategies: Sequence[Player | str],
    settings: BatterySettings | None = None,
    game: Game | None = None,
    progress: bool = False,
) -> BatteryResult:
    """Play the battery for every strategy and measure it (module docstring).

    Parameters
    ----------
    strategies : sequence of Player or str
        The strategies to measure (at least one).
    settings : BatterySettings, optional
        Defaults: 60 turns, offence on turn 10, 20 repetitions, seed 0.
    game : Game, optional
        The default (3, 0, 5, 1).
    progress : bool
        Show progress bars on stderr (once a stage has taken a second): the matches
        against the partners, then the group players and the echo of each strategy.
        The results do not depend on it.

    Returns
    -------
    BatteryResult
        ``values[m]`` of shape ``[len(strategies), repetitions]``; deterministic
        strategies play one repetition, repeated across the row.

    References
    ----------
    Axelrod, R. (1984). *The Evolution of Cooperation*. Basic Books (nice, retaliatory,
    forgiving: the properties the measures quantify). Keohane, R. (1986). "Reciprocity
    in international relations". International Organization 40(1), 1-27.
    """
    settings = settings if settings is not None else BatterySettings()
    game = game if game is not None else Game()
    if not isinstance(game, Game):
        raise SettingsError(f"game must be a cooptourney Game, got {type(game).__name__}")
    players = [as_player(s) for s in strategies]
    if not players:
        raise SettingsError("the battery needs at least one strategy")
    reps = settings.repetitions
    n = len(players)
    values = {m: np.full((n, reps), np.nan) for m in MEASURES}
    partners = partner_players(settings)
    pairwise = [k for k, p in enumerate(players) if not p.spec.group]
    group = [k for k, p in enumerate(players) if p.spec.group]
    moves = np.zeros((n, len(PARTNERS), reps, 2, settings.turns), dtype=np.int8)
    if pairwise:
        members = [players[k] for k in pairwise]
        m = len(members)
        edges = [(a, m + b) for a in range(m) for b in range(len(partners))]
        res = SpatialTournament(
            members + partners,
            edges,
            turns=settings.turns,
            repetitions=reps,
            seed=settings.seed,
            game=game,
            record_moves=True,
        ).play(progress=progress)
        # pairs are (i <= j) with the strategy first: row 0 of every match is the strategy's
        rows = np.array([[res.pair_index[(a, m + b)] for b in range(len(partners))] for a in range(m)])
        moves[pairwise] = res.moves[rows][..., : settings.turns]
    with ProgressBar(len(group) + n, "step", progress, desc="reciprocity battery") as bar:
        for k in group:
            res = (
                MultilateralTournament(
                    [players[k]] + partners,
                    turns=settings.turns,
                    repetitions=reps,
                    seed=settings.seed,
                    game=game,
                    self_play=False,
                    record_moves=True,
                )
                .play()
                .results
            )
            moves[k] = res.moves[[res.pair_index[(0, 1 + b)] for b in range(len(partners))]][..., : settings.turns]
            bar.update(1)
        for k, player in enumerate(players):
            if not player.spec.group:
                values["group_dependence"][k] = 0.0  # a pairwise step reads only its own match
                echo_reps = range(reps) if player.spec.stochastic else range(1)
                echoes = [_echo(player, settings, game, r) for r in echo_reps]
                values["echo"][k] = echoes if player.spec.stochastic else echoes[0]
            else:
                values["group_dependence"][k] = group_dependence(player, settings, game)
            bar.update(1)
    found = measure_matches(moves, settings, game)
    named = {name: b for b, name in enumerate(PARTNERS)}
    exploiters = [named[p] for p in EXPLOITERS]
    tol = found[..., TOLERANCE][:, exploiters]
    per_partner = tol.copy()
    values["tolerance"][:] = tol.max(axis=1)
    lags = found[..., LAG][:, exploiters]
    with np.errstate(all="ignore"):
        values["immediacy"][:] = np.where(
            np.isnan(lags).all(axis=1), np.nan, np.nanmin(np.where(np.isnan(lags), np.inf, lags), axis=1)
        )
    sr = [named["single"], named["run"]]
    values["proportionality"][:] = found[..., RETALIATIONS][:, sr].sum(axis=1) / found[..., DEFECTIONS][:, sr].sum(
        axis=1
    )
    values["forgiveness"][:] = found[..., HORIZON][:, named["amends"]]
    values["noise_response"][:] = found[..., CONTINGENT][:, named["noise"]]
    coop0 = found[..., COOP][:, 0]
    values["aggression"][:] = 1.0 - coop0
    shifts = found[..., COOP][:, 1:] - coop0[:, None, :]
    # the mean shift over repetitions, so that a random rule's chance differences average out
    values["responsiveness"][:] = np.abs(shifts.mean(axis=2)).max(axis=1)[:, None]
    return BatteryResult(
        names=[p.name for p in players],
        tags=[p.spec.reciprocity for p in players],
        stochastic=[bool(p.spec.stochastic) for p in players],
        group=[bool(p.spec.group) for p in players],
        values=values,
        settings=settings,
        game=game,
        per_partner={"tolerance": per_partner, "coop_shift": shifts},
    )
