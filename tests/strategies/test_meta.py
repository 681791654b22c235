"""Meta players (strategies/meta.py) and Memory Decay (strategies/memory_decay.py) against axelrod.

The memory-one metas are stochastic, so each claim is checked statistically, as the
library test checks it. On top:

* **exact replays of the meta machinery**: the same generated step, built with a
  deterministic team of 14 registered strategies, must play axelrod's own
  ``MetaMajority``, ``MetaWinner`` and ``NiceMetaWinnerEnsemble`` given that team
  move for move, with and without noise (with 14 members the Ensemble picks among
  max(1, int(0.08 x 14)) = 1 member, so it is deterministic and its ranking and
  tie-break are checked exactly);
* the premise of the port: every member of a team reads, of its own record, only its
  last move, so a scratch history that is wrong everywhere else (and an ``info`` with
  the meta player's own scores and counts) changes none of its moves;
* the team is axelrod's team, in axelrod's order;
* Memory Decay without alterations and deletions is deterministic and must play
  axelrod's moves exactly, over long matches; a hand-derived sequence; its
  statistics with non-default parameters.

Compile time (measured on the 2-core development machine, cold numba cache): the first
37-member meta step about 18 s (it compiles the 37 members' calls too), each further
one 5-6 s, Memory Decay about 1 s; from the cache all load in well under a second.
axelrod itself is slow here: its statistics check takes about 4 minutes per meta
player (37 members consulted every move, 300 matches against each of 5 opponents).

Meta Hunter, Meta Hunter Aggressive, Meta Winner Deterministic and NMWE Deterministic,
whose members read their whole own history, are checked against axelrod by
tests/test_oracle_library.py (moves for the first three, statistics for NMWE
Deterministic); the tests at the end of this file check what those checks cannot see:
cached code finding this process's member entries, each member seeing its own
proposals, and each member proposing what it plays alone.

The metas over all ordinary strategies and the long-memory, finite-memory and
stochastic ones (teams of 68 to 217 members, stochastic members among them; the same
whole-history step) are checked here:

* their rules (majority, minority, winner, winner ensemble and the nice ones) move for
  move against axelrod's Meta classes given the same deterministic team of 20, with and
  without noise; the mixer's uniform pick as an effect with its confidence bound;
* their teams are axelrod's, member for member and in order;
* their cooperation count per 12-turn match against five opponents has axelrod's
  distribution: axelrod's samples are precomputed by tools/axelrod_meta_stats.py
  (tests/data/axelrod_meta/), ours are 120 seeded matches per opponent, compared by a
  stratified permutation test (exact level ALPHA per meta); and the same test rejects
  our player against axelrod's data for a different meta (a swapped rule, the nice
  transform dropped, another team), so it has the power to see such mistakes.
"""

import json
import math
import subprocess
import sys
from pathlib import Path

import axelrod as axl
import numpy as np
import pytest
from oracle import assert_same_moves, assert_same_statistics, axl_player

from cooptourney import get_strategy
from cooptourney.core.dispatch import compiled
from cooptourney.interop import AxelrodPlayer
from cooptourney.match import Match
from cooptourney.players import Player
from cooptourney.registry import Registry
from cooptourney.strategies import alternator, cooperator, cycler, defector, grudger, hunter, memoryone, titfortat
from cooptourney.strategies.fsm import trained_tables
from cooptourney.strategies.meta import LARGE_METAS, MEMORY_ONE_TEAM, team_meta, whole_history_meta
from cooptourney.strategy_api import (
    INFO_LENGTH,
    INFO_MY_COOPS,
    INFO_MY_SCORE,
    INFO_OPP_COOPS,
    INFO_OPP_SCORE,
    INFO_SIZE,
)
from cooptourney.tournament import Tournament

STOCHASTIC = ["Memory Decay", "Meta Majority Memory One", "Meta Winner Memory One", "NMWE Memory One"]
META_CLASSES = {
    "Meta Majority Memory One": axl.MetaMajorityMemoryOne,
    "Meta Winner Memory One": axl.MetaWinnerMemoryOne,
    "NMWE Memory One": axl.NMWEMemoryOne,
}

# A deterministic team for the exact replays: the deterministic memory-one strategies
# of axelrod's team, and some that read only the partner's moves.
DETERMINISTIC_TEAM = (
    ("Alternator", alternator.alternator),
    ("Anti Tit For Tat", titfortat.anti_tit_for_tat),
    ("Bully", titfortat.bully),
    ("Cooperator", cooperator.cooperator),
    ("Cycler DC", cycler.cycler_dc),
    ("Defector", defector.defector),
    ("Suspicious Tit For Tat", titfortat.suspicious_tit_for_tat),
    ("Tit For Tat", titfortat.tit_for_tat),
    ("Win-Shift Lose-Stay", memoryone.win_shift_lose_stay),
    ("Win-Stay Lose-Shift", memoryone.win_stay_lose_shift),
    ("Tit For 2 Tats", titfortat.tit_for_two_tats),
    ("Grudger", grudger.grudger),
    ("Cycle Hunter", hunter.cycle_hunter),
    ("Defector Hunter", hunter.defector_hunter),
)
RULES = {"majority": "Meta Majority", "winner": "Meta Winner", "nice ensemble": "Nice Meta Winner Ensemble"}


def test_names_and_classifiers_follow_axelrod():
    axl_names = {s.name for s in axl.all_strategies}
    for name in STOCHASTIC:
        assert name in axl_names
        spec = get_strategy(name)
        assert spec.name == name and spec.oracle == "statistics"
        player = axl_player(name)
        assert spec.stochastic and axl.Classifiers["stochastic"](player)
        assert spec.memory_depth == axl.Classifiers["memory_depth"](player) == math.inf
        assert spec.uses_game == ("game" in axl.Classifiers["makes_use_of"](player))
        assert not spec.uses_length


@pytest.mark.parametrize("name", list(META_CLASSES))
def test_team_is_axelrods_in_order(name):
    assert [m.name for m in META_CLASSES[name]().team] == [n for n, _ in MEMORY_ONE_TEAM]
    for axl_name, fn in MEMORY_ONE_TEAM:
        assert get_strategy(axl_name) is fn.spec


def _member_params(spec):
    declared = [p.coerce(k, spec.name, None) for k, p in spec.params.items()]
    return np.array(declared + list(spec.table_values()), dtype=np.float64)


def _play_member(step, spec, opp, own_seen, poison_info, key):
    """The member's moves against ``opp`` when its own history is ``own_seen(true, t)``."""
    turns = len(opp)
    state = np.array(spec.state, dtype=np.float64)
    params = _member_params(spec)
    info = np.zeros(INFO_SIZE)
    info[:4] = (3.0, 0.0, 5.0, 1.0)
    info[INFO_LENGTH] = turns
    rng = np.array([key, 0], dtype=np.uint64)
    opp = np.array(opp, dtype=np.int8)
    mine = np.zeros(turns, dtype=np.int8)
    for t in range(turns):
        info[INFO_OPP_COOPS] = t - opp[:t].sum()
        if poison_info:  # the meta player's own figures, not the member's
            info[INFO_MY_COOPS], info[INFO_MY_SCORE], info[INFO_OPP_SCORE] = 7.0 * t % 5, -3.5 * t, 11.0
        else:
            info[INFO_MY_COOPS] = t - mine[:t].sum()
            info[INFO_MY_SCORE] = sum(_payoff(mine[k], opp[k]) for k in range(t))
            info[INFO_OPP_SCORE] = sum(_payoff(opp[k], mine[k]) for k in range(t))
        mine[t] = step(own_seen(mine, t), opp, t, state, params, info, rng)
    return mine.tolist()


def _payoff(a, b):
    return (3.0, 0.0, 5.0, 1.0)[2 * a + b]


def _only_last(mine, t):
    seen = 1 - mine[: max(t, 1)]  # every entry wrong ...
    if t > 0:
        seen[t - 1] = mine[t - 1]  # ... but the last
    return np.ascontiguousarray(seen, dtype=np.int8)


@pytest.mark.parametrize("axl_name,fn", MEMORY_ONE_TEAM + DETERMINISTIC_TEAM[10:], ids=lambda x: str(x)[:24])
def test_members_read_only_their_last_move(axl_name, fn):
    # The premise of strategies/meta.py: a member given only its last move (and the
    # meta player's own counts and scores in ``info``) plays exactly as with its record.
    step = compiled(fn.spec)
    rng = np.random.default_rng(5)
    for k in range(6):
        opp = (rng.random(80) < (0.2, 0.5, 0.8, 0.5, 0.1, 0.9)[k]).astype(int).tolist()
        true = _play_member(step, fn.spec, opp, lambda mine, t: mine, False, 1000 + k)
        seen = _play_member(step, fn.spec, opp, _only_last, True, 1000 + k)
        assert seen == true, f"{axl_name} reads more of its own record than its last move"


# The oracle claim of each is checked in tests/test_oracle_library.py (with fewer,
# shorter matches for the metas, whose axelrod twins call 37 strategies a turn).
@pytest.mark.parametrize("name", STOCHASTIC)
def test_every_strategy_here_carries_its_oracle_claim(name):
    from cooptourney import REGISTRY

    assert REGISTRY.get(name).oracle == "statistics"


@pytest.fixture(scope="module")
def deterministic_metas():
    registry = Registry()  # private: these test players are not part of the library
    return {
        rule: team_meta(
            f"Test {rule} of 14",
            DETERMINISTIC_TEAM,
            rule,
            "A test meta.\n\nother: a test.",
            "other",
            registry=registry,
            hidden=True,
        ).spec
        for rule in RULES
    }


@pytest.mark.parametrize("rule", list(RULES))
def test_meta_rules_play_axelrods_moves_with_a_deterministic_team(rule, deterministic_metas):
    team = [axl_player(n).__class__ for n, _ in DETERMINISTIC_TEAM]
    assert not any(axl.Classifiers["stochastic"](cls()) for cls in team)
    assert_same_moves((deterministic_metas[rule], RULES[rule]), axl_kwargs={"team": team}, turns=100)


@pytest.mark.parametrize("rule", list(RULES))
def test_meta_rules_in_long_matches(rule, deterministic_metas):
    team = [axl_player(n).__class__ for n, _ in DETERMINISTIC_TEAM]
    assert_same_moves(
        (deterministic_metas[rule], RULES[rule]),
        axl_kwargs={"team": team},
        turns=300,
        opponents=["Random", "GTFT", "Alternator", "First by Joss", "Tit For Tat"],
        noise_levels=(0.0, 0.1),
    )


NO_DECAY = {"p_memory_alter": 0.0, "p_memory_delete": 0.0}


def test_memory_decay_without_decay_plays_axelrods_moves():
    # no alteration or deletion ever happens: the rule is deterministic
    assert_same_moves("Memory Decay", params=NO_DECAY, axl_kwargs=NO_DECAY, turns=200)


@pytest.mark.parametrize(
    "kw",
    [
        {"start_strategy_duration": 5, "p_memory_alter": 0.3, "p_memory_delete": 0.4},
        {"gain_value": 2.0, "loss_value": -1.0, "start_strategy_duration": 30},
    ],
)
def test_memory_decay_parameters_agree_with_axelrod(kw):
    assert_same_statistics(
        "Memory Decay",
        opponents=("Random", "Alternator", "Suspicious Tit For Tat"),
        turns=100,
        matches=200,
        params=kw,
        axl_kwargs=kw,
    )


def _moves(player, partner, turns):
    m = Match((player, partner), turns=turns, seed=3)
    m.play()
    return "".join("CD"[x] for x in m.moves[:, 0])


def test_memory_decay_hand_derived():
    # Against C, D, C, D, ...: Tit For Tat for 15 moves (C, then the partner's last
    # move), then the memory holds ceil(t/2) C's and floor(t/2) D's.
    alternator = Player.sequence("CD" * 20)
    tft = "C" + "".join("CD"[(t - 1) % 2] for t in range(1, 15))
    # weights +1/-2: 8 - 2 x 7 < 0 at move 16, and it stays negative
    assert _moves(Player("Memory Decay", **NO_DECAY), alternator, 40) == tft + "D" * 25
    # weights +3/-2: 3 ceil(t/2) - 2 floor(t/2) > 0 always
    assert _moves(Player("Memory Decay", gain_value=3.0, **NO_DECAY), alternator, 40) == tft + "C" * 25
    # a shorter opening: Tit For Tat for 4 moves, then 3 x 2 - 2 x 2 = 2 >= 0 at move 5
    assert (
        _moves(Player("Memory Decay", gain_value=3.0, start_strategy_duration=4, **NO_DECAY), alternator, 8)
        == "CCDC" + "CCCC"
    )


def test_meta_winner_hand_derived(deterministic_metas):
    # Winner with the 14-member team against a Cooperator.
    # Move 1: all scores are 0, some member proposes C: C.
    # Move 2: the five that opened with D lead with 5 (Bully, Cycler DC, Defector,
    #   Suspicious TFT, Win-Shift Lose-Stay); Cycler DC, Suspicious TFT and
    #   Win-Shift Lose-Stay (after D against C) now propose C: C.
    # Move 3 on: Bully and Defector lead with 10, 15, ... and always propose D: D.
    moves = _moves(Player(deterministic_metas["winner"]), Player("Cooperator"), 10)
    assert moves == "CC" + "D" * 8


# -- the whole-history teams ------------------------------------------------------------------


def _axelrod_moves(player, opponent, turns, **kw):
    match = axl.Match((player, opponent), turns=turns, seed=1, **kw)
    return "".join(str(a) for a, _ in match.play())


def test_team_entry_addresses_are_found_again_by_a_new_process_loading_cached_code():
    # The members' entry addresses differ from process to process; the meta player's
    # compiled code must read them from this process's table, also when it is loaded from
    # numba's cache. Two fresh processes in a row (the second loads the first's compiled
    # code) must both play axelrod's moves.
    expected = _axelrod_moves(axl.MetaHunterAggressive(), axl.Alternator(), 40)
    code = (
        "from cooptourney import Match\n"
        "print(''.join(a for a, _ in Match(('Meta Hunter Aggressive', 'Alternator'), turns=40, seed=1).play()))\n"
    )
    for _ in range(2):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
        assert out.returncode == 0, out.stderr
        assert out.stdout.strip() == expected


def test_a_hunter_team_sees_its_own_proposals_not_the_meta_players_moves():
    # Against a constant-rate partner, Math Constant Hunter reads the cooperation of both
    # players over halves of its own history: its proposals. After 100 moves Meta Hunter
    # itself copies the partner's last move, which a hunter fed the meta player's moves
    # would count instead. axelrod's MetaHunter is the reference.
    for opp in ("Cycler CCD", "Cycler DDC", "Tit For 2 Tats"):
        theirs = {cls.name: cls for cls in axl.all_strategies}[opp]
        expected = _axelrod_moves(axl.MetaHunter(), theirs(), 150)
        ours = "".join(a for a, _ in Match(("Meta Hunter", opp), turns=150, seed=1).play())
        assert ours == expected, opp


def test_team_meta_plays_in_axelrod_as_a_wrapped_player():
    # Its per-turn state is allocated by the wrapper: for the length axelrod announces, or
    # for a cap when the match length is unknown (prob_end).
    for kw in (dict(), dict(prob_end=0.02)):
        expected = _axelrod_moves(axl.MetaHunter(), axl.Random(0.3), 60, **kw)
        assert _axelrod_moves(AxelrodPlayer("Meta Hunter"), axl.Random(0.3), 60, **kw) == expected, kw


def _proposals(meta_name, opp, moving=False):
    """Each member's own history (its proposals) when the team meta's step plays against ``opp``.

    ``moving``: the step is given the partner's history as a new array each turn, holding
    the moves so far, and the array of the turn before is overwritten with the opposite
    moves once the step has returned (a caller's array may move between turns).
    """
    player = Player(meta_name)
    spec = player.spec
    step = compiled(spec)
    turns = len(opp)
    state = np.concatenate([player.initial_state, np.zeros(spec.turn_state * turns)])
    info = np.zeros(INFO_SIZE)
    info[:4] = (3.0, 0.0, 5.0, 1.0)
    info[INFO_LENGTH] = turns
    rng = np.zeros(2, dtype=np.uint64)
    my = np.zeros(turns, dtype=np.int8)
    seen = []  # every array the step was given stays alive: no address is reused
    for t in range(turns):
        theirs = opp[:t].copy() if moving else opp
        my[t] = step(my, theirs, np.int64(t), state, player.param_values, info, rng)
        if moving:
            theirs[:] = 1 - theirs
            seen.append(theirs)
    members = trained_tables("teams.json")[meta_name]
    histories = state[len(player.initial_state) :].view(np.int8)
    per = len(histories) // len(members)  # bytes of history per member
    return {m: histories[k * per : k * per + turns].tolist() for k, m in enumerate(members)}


def test_every_member_of_a_team_proposes_what_it_plays_alone():
    # Each member sees its own proposals as its history and the partner's real moves, so
    # its proposals must be exactly its moves in a match of its own against the same
    # partner moves, from its own declared initial state. (A team that started its
    # members from zeros broke AntiCycler, DBS, MEM2, Revised Downing and three Second
    # tournament strategies, yet still passed the oracle panel: those members were
    # never the winner there.)
    turns = 120
    for seed, p in ((1, 0.3), (2, 0.7)):
        opp = (np.random.default_rng(seed).random(turns) < p).astype(np.int8)
        wrong = []
        for member, moves in _proposals("Meta Winner Deterministic", opp).items():
            alone = Match((member, Player.sequence(opp.tolist())), turns=turns, seed=seed)
            alone.play()
            if alone.moves[:, 0].tolist() != moves:
                wrong.append(member)
        assert not wrong, f"members whose proposals differ from their own play: {wrong}"


def test_a_team_follows_the_partners_history_when_it_moves_between_turns():
    # The members' context blocks are filled once a match; a partner's history passed at
    # another address (or of another length) must be pointed at again, not read where it was.
    opp = (np.random.default_rng(5).random(80) < 0.6).astype(np.int8)
    assert _proposals("Meta Hunter", opp, moving=True) == _proposals("Meta Hunter", opp)
    assert _proposals("Meta Winner Deterministic", opp, moving=True) == _proposals("Meta Winner Deterministic", opp)


# -- the large teams: all ordinary strategies, long memory, finite memory, stochastic ----------

AXL_META_DATA = Path(__file__).resolve().parents[1] / "data" / "axelrod_meta" / "cooperation_counts.json"
#: significance level of each two-sample test; over the 15 metas the chance that any
#: right implementation fails is at most 15 x 0.001 = 1.5%
ALPHA = 0.001
OUR_MATCHES = 120
PERMUTATIONS = 4999

# A deterministic team for the exact replays of the large metas' rules: the first 20
# deterministic members of axelrod's team of all ordinary strategies (20 < 25, so the
# Ensemble picks among max(1, int(0.08 x 20)) = 1 member and is deterministic too).
LARGE_RULES = {
    "majority": axl.MetaMajority,
    "minority": axl.MetaMinority,
    "winner": axl.MetaWinner,
    "winner ensemble": axl.MetaWinnerEnsemble,
    "nice winner": axl.NiceMetaWinner,
    "nice ensemble": axl.NiceMetaWinnerEnsemble,
}


@pytest.fixture(scope="module")
def axelrod_meta_counts():
    return json.loads(AXL_META_DATA.read_text(encoding="utf-8"))


def test_large_teams_are_axelrods_in_order():
    # the names come from data/teams.json: they must be axelrod's teams, member for member
    teams = trained_tables("teams.json")
    for name in LARGE_METAS:
        player, spec = axl_player(name), get_strategy(name)
        assert [m.name for m in player.team] == teams[name], name
        assert spec.name == name and spec.oracle == "statistics"
        assert spec.stochastic and axl.Classifiers["stochastic"](player)
        assert spec.memory_depth == axl.Classifiers["memory_depth"](player) == math.inf
        # what axelrod's MetaPlayer derives from its team (its Meta Mixer skips that step
        # and reports nothing, though its members read the payoffs and the length)
        uses = set().union(*(axl.Classifiers["makes_use_of"](m) or set() for m in player.team))
        if name != "Meta Mixer":
            assert uses == axl.Classifiers["makes_use_of"](player), name
        assert (spec.uses_game, spec.uses_length) == ("game" in uses, "length" in uses), name


@pytest.fixture(scope="module")
def deterministic_large_team():
    members = [get_strategy(m) for m in trained_tables("teams.json")["Meta Majority"]]
    return [m for m in members if not m.stochastic][:20]


@pytest.mark.parametrize("rule", list(LARGE_RULES))
def test_large_meta_rules_play_axelrods_moves_with_a_deterministic_team(rule, deterministic_large_team):
    team = [axl_player(m.name).__class__ for m in deterministic_large_team]
    assert not any(axl.Classifiers["stochastic"](cls()) for cls in team)
    spec = whole_history_meta(
        f"Test large {rule} of 20",
        rule,
        "A test meta.\n\nother: a test.",
        "other",
        deterministic_large_team,
        registry=Registry(),
        hidden=True,
        uses_game=True,
        uses_length=True,
    ).spec
    assert_same_moves(
        (spec, LARGE_RULES[rule].name),
        axl_kwargs={"team": team},
        turns=60,
        opponents=["Random", "Alternator", "Tit For Tat", "Grudger", "Bully"],
        noise_levels=(0.0, 0.1),
    )


def test_mixer_picks_members_uniformly():
    # A team of Cooperator and Defector: each move is C with probability 1/2,
    # independently, whatever the partner does.
    spec = whole_history_meta(
        "Test mixer of 2",
        "mixer",
        "A test meta.\n\nother: a test.",
        "other",
        [get_strategy("Cooperator"), get_strategy("Defector")],
        registry=Registry(),
        hidden=True,
    ).spec
    m = Match((Player(spec), Player("Tit For Tat")), turns=4000, seed=7)
    m.play()
    coops = int((m.moves[:, 0] == 0).sum())
    assert abs(coops - 2000) < 4.5 * math.sqrt(4000 * 0.25)  # 4.5 standard errors
    assert np.any(m.moves[1:, 0] != m.moves[:-1, 0])  # not a constant


def _anderson_darling(in_a, below, weight):
    """The statistic for each row of labels ``in_a`` (P x N bool: which samples are "ours")."""
    na = in_a.sum(axis=1, keepdims=True)
    fa = in_a @ below / na
    fb = (~in_a) @ below / (in_a.shape[1] - na)
    return ((fa - fb) ** 2 * weight).sum(axis=1)


def distribution_test(ours, theirs, turns, permutations=PERMUTATIONS, seed=0):
    """p-value of a two-sample test that two sets of samples of counts in 0..turns, one
    per opponent (stratum), come from the same distributions.

    The statistic adds, over strata and count values x < turns, the discrete
    Anderson-Darling terms n_a n_b / N (F_a(x) - F_b(x))^2 / (H(x) (1 - H(x))), with H
    the pooled distribution function (a value where H is 0 or 1 adds nothing).
    Its null distribution comes from permuting the labels within each stratum, so the
    test is exact at any sample size (Pesarin & Salmaso 2010, *Permutation Tests for
    Complex Data*, ch. 4): under the null, P(p <= alpha) <= alpha.
    """
    rng = np.random.default_rng(seed)
    observed = 0.0
    perm = np.zeros(permutations)
    for key in ours:
        a, b = np.asarray(ours[key]), np.asarray(theirs[key])
        pooled = np.concatenate([a, b])
        na, n = len(a), len(pooled)
        below = (pooled[:, None] <= np.arange(turns)[None, :]).astype(float)  # N x turns
        h = below.mean(axis=0)
        weight = np.where((h > 0) & (h < 1), 1.0 / np.maximum(h * (1 - h), 1e-12), 0.0) * na * (n - na) / n

        labels = np.zeros((1, n), dtype=bool)
        labels[0, :na] = True
        observed += _anderson_darling(labels, below, weight)[0]
        shuffled = rng.random((permutations, n)).argsort(axis=1) < na
        perm += _anderson_darling(shuffled, below, weight)
    return (1 + np.sum(perm >= observed - 1e-9)) / (1 + permutations)


def _our_sample(name, data):
    """Our meta's cooperation count in each of OUR_MATCHES seeded matches against each
    opponent of the data (one tournament: much cheaper than a Match object a match)."""
    turns = data["turns"]
    opponents = list(data["cooperation_counts"][name])
    r = Tournament(
        [Player(name), *(Player(o) for o in opponents)],
        turns=turns,
        repetitions=OUR_MATCHES,
        seed=1000,
        record_moves=True,
    ).play()
    return {
        o: np.array([turns - int(r.match_moves(0, j + 1, k)[:, 0].sum()) for k in range(OUR_MATCHES)])
        for j, o in enumerate(opponents)
    }


@pytest.mark.parametrize("name", list(LARGE_METAS))
def test_large_meta_cooperation_agrees_with_axelrod(name, axelrod_meta_counts):
    # axelrod's distribution of the meta's cooperation count per match, precomputed by
    # tools/axelrod_meta_stats.py, against ours, per opponent of the panel
    data = axelrod_meta_counts
    theirs = data["cooperation_counts"][name]
    p = distribution_test(_our_sample(name, data), theirs, data["turns"])
    assert p > ALPHA, f"{name}: cooperation counts differ from axelrod's (p = {p:.4f})"


@pytest.mark.parametrize(
    "ours,wrong",
    [
        ("Meta Majority", "Meta Minority"),  # majority replaced by minority
        ("Meta Winner", "Nice Meta Winner"),  # the nice transform dropped
        ("Meta Winner Ensemble", "Meta Winner"),  # the ensemble's random pick replaced by the best
        ("Meta Winner", "Meta Winner Stochastic"),  # another team
    ],
)
def test_the_distribution_test_rejects_a_wrong_meta(ours, wrong, axelrod_meta_counts):
    # power: our player compared with axelrod's data for a different meta must fail
    data = axelrod_meta_counts
    p = distribution_test(_our_sample(ours, data), data["cooperation_counts"][wrong], data["turns"])
    assert p <= ALPHA, f"{ours} passes for axelrod's {wrong} (p = {p:.4f})"


def test_large_metas_play_the_same_on_one_thread_or_two():
    # their members draw from the meta player's counter-based stream, in team order
    import numba

    names = ["Meta Mixer", "NMWE Stochastic", "Meta Winner Ensemble", "Random"]
    runs = []
    threads = numba.get_num_threads()
    try:
        for n in (1, min(2, numba.config.NUMBA_NUM_THREADS)):
            numba.set_num_threads(n)
            r = Tournament(names, turns=30, repetitions=6, seed=5, noise=0.05, record_moves=True).play()
            runs.append([r.match_moves(i, j, k).tolist() for i in range(4) for j in range(i, 4) for k in range(6)])
    finally:
        numba.set_num_threads(threads)
    assert runs[0] == runs[1]
    assert len({str(m) for m in runs[0]}) > 1  # not a trivial all-equal record
