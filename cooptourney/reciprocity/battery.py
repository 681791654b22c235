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
* **group dependence** (multilateral mode): its cooperation rate towards a cooperating
  partner when the other members all cooperate minus when they all defect. A pairwise
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

from cooptourney.evolution.spatial import SpatialTournament
from cooptourney.game import Game
from cooptourney.match import Match
from cooptourney.multilateral import MultilateralTournament
from cooptourney.players import Player, as_player
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


def measure_matches(moves: np.ndarray, baseline: np.ndarray, partner: str, settings: BatterySettings, game: Game):
    """Measures of one strategy against one scripted partner in one repetition.

    Parameters
    ----------
    moves : ndarray(int8, ndim=2)
        ``[turns, 2]`` the strategy's moves and the partner's (0 = C, 1 = D).
    baseline : ndarray(int8, ndim=1)
        ``[turns]`` the strategy's moves against the cooperator in the same repetition.
    partner : str
        A name of :data:`cooptourney.reciprocity.partners.PARTNERS`.

    Returns
    -------
    dict
        ``tolerance``, ``lag`` (turns to the first retaliation, NaN if none),
        ``retaliations`` and ``defections`` (counts from the offence on),
        ``horizon`` (amends partner only) and ``coop`` (cooperation rate from the
        offence on).
    """
    x, y = moves[:, 0].astype(np.int64), moves[:, 1].astype(np.int64)
    n, k = x.shape[0], settings.offence
    pay = _payoffs(game)
    # imbalance[t]: the partner's lead in cumulative payoff before turn t is decided
    lead = np.concatenate(([0.0], np.cumsum(pay[y, x] - pay[x, y])))
    excess = (x == 1) & (baseline == 0)
    excess[: k + 1] = False  # a move on the offence turn cannot answer it
    hits = np.flatnonzero(y[k:]) + k
    out = {"coop": float(1.0 - x[k:].mean())}
    if hits.size == 0:
        return out | {"tolerance": 0.0, "lag": math.nan, "retaliations": 0, "defections": 0, "horizon": math.nan}
    first = int(hits[0])
    answers = np.flatnonzero(excess)
    answers = answers[answers > first]
    if answers.size:
        first_answer = int(answers[0])
        stood = lead[first + 1 : first_answer]
        tolerance = float(stood.max()) if stood.size else 0.0
        lag = float(first_answer - first)
    else:
        tolerance = float(lead[first + 1 :].max())
        lag = math.nan
    out |= {
        "tolerance": max(tolerance, 0.0),
        "lag": lag,
        "retaliations": int(excess.sum()),
        "defections": int(y[k:].sum()),
        "horizon": math.nan,
    }
    if partner == "amends":
        start = k + settings.amends
        late = np.flatnonzero(excess[start:])
        if late.size == 0:
            out["horizon"] = 0.0
        elif start + int(late[-1]) >= n - _TAIL:
            out["horizon"] = math.inf
        else:
            out["horizon"] = float(late[-1] + 1)
    return out


def _contingent(x: np.ndarray, y: np.ndarray) -> float:
    """P(x_t = D | y_{t-1} = D) - P(x_t = D | y_{t-1} = C); NaN if either never happens."""
    prev, now = y[:-1], x[1:]
    d, c = prev == 1, prev == 0
    if not d.any() or not c.any():
        return math.nan
    return float(now[d].mean() - now[c].mean())


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


def group_dependence(player: Player | str, settings: BatterySettings, game: Game | None = None) -> np.ndarray:
    """float64[repetitions]: how much the player's treatment of one partner depends on the others.

    Two multilateral tournaments of five members: the player, a Cooperator (the partner
    it is watched with) and three others who all cooperate in the first and all defect
    in the second. The value is the player's cooperation rate towards the Cooperator in
    the first minus in the second, per repetition: 0 for a rule that treats each
    partner by that partner's record alone, positive for one that withholds from a
    partner what the group withholds from it, or that treats partners as a group
    (Keohane 1986).
    """
    player = as_player(player)
    game = game if game is not None else Game()
    rates = []
    for other in ("Cooperator", "Defector"):
        t = MultilateralTournament(
            [player, "Cooperator", other, other, other],
            turns=settings.turns,
            repetitions=settings.repetitions,
            seed=settings.seed,
            game=game,
            self_play=False,
            record_moves=True,
        )
        res = t.play().results
        rates.append(np.array([1.0 - res.match_moves(0, 1, r)[:, 0].mean() for r in range(settings.repetitions)]))
    return rates[0] - rates[1]


def _partner_moves(res, i: int, j: int, reps: int) -> list[np.ndarray]:
    return [res.match_moves(i, j, r) for r in range(reps)]


def run_battery(
    strategies: Sequence[Player | str],
    settings: BatterySettings | None = None,
    game: Game | None = None,
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
    per_partner = np.full((n, len(EXPLOITERS), reps), np.nan)
    shifts = np.full((n, len(PARTNERS) - 1, reps), np.nan)
    partners = partner_players(settings)
    pairwise = [k for k, p in enumerate(players) if not p.spec.group]
    group = [k for k, p in enumerate(players) if p.spec.group]
    moves_of: dict[int, dict[str, list[np.ndarray]]] = {}
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
        ).play()
        for a, k in enumerate(pairwise):
            moves_of[k] = {name: _partner_moves(res, a, m + b, reps) for b, name in enumerate(PARTNERS)}
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
        moves_of[k] = {name: _partner_moves(res, 0, 1 + b, reps) for b, name in enumerate(PARTNERS)}
    for k, player in enumerate(players):
        by_partner = moves_of[k]
        for r in range(reps):
            base = by_partner["cooperator"][r][:, 0]
            found = {name: measure_matches(by_partner[name][r], base, name, settings, game) for name in PARTNERS[1:-1]}
            tol = [found[p]["tolerance"] for p in EXPLOITERS]
            per_partner[k, :, r] = tol
            values["tolerance"][k, r] = max(tol)
            lags = [found[p]["lag"] for p in EXPLOITERS if not math.isnan(found[p]["lag"])]
            values["immediacy"][k, r] = min(lags) if lags else math.nan
            harm = found["single"]["defections"] + found["run"]["defections"]
            values["proportionality"][k, r] = (found["single"]["retaliations"] + found["run"]["retaliations"]) / harm
            values["forgiveness"][k, r] = found["amends"]["horizon"]
            noisy = by_partner["noise"][r]
            values["noise_response"][k, r] = _contingent(noisy[:, 0], noisy[:, 1])
            coop0 = 1.0 - base[settings.offence :].mean()
            values["aggression"][k, r] = 1.0 - coop0
            rates = [found[p]["coop"] for p in PARTNERS[1:-1]] + [1.0 - noisy[settings.offence :, 0].mean()]
            shifts[k, :, r] = [c - coop0 for c in rates]
        # the mean shift over repetitions, so that a random rule's chance differences average out
        values["responsiveness"][k] = np.abs(shifts[k].mean(axis=1)).max()
        if not player.spec.group:
            values["group_dependence"][k] = 0.0  # a pairwise step reads only its own match
            echo_reps = range(reps) if player.spec.stochastic else range(1)
            echoes = [_echo(player, settings, game, r) for r in echo_reps]
            values["echo"][k] = echoes if player.spec.stochastic else echoes[0]
        else:
            values["group_dependence"][k] = group_dependence(player, settings, game)
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
