"""Engine known values: every expected number is derived by hand (in the comments) or from
theory (docs/model.md), never copied from cooptourney's own output."""

import math
from pathlib import Path

import numpy as np
import pytest

from cooptourney import REGISTRY, Game, Match, Player, Tournament, load_plugin

HERE = Path(__file__).resolve().parent


def moves_str(moves, side):
    return "".join(m[side] for m in moves)


def z_ok(observed, expected, se, z=5.0):
    """|observed - expected| within z standard errors (z = 5: false alarm < 1e-6)."""
    return abs(observed - expected) <= z * se


# -- fixed-length known values ---------------------------------------------------------------


def test_tft_vs_defector_200_turns():
    # TFT: C then D x199 -> S + 199 P = 0 + 199; Defector: T + 199 P = 5 + 199 = 204
    m = Match(("Tit For Tat", "Defector"), turns=200, seed=0)
    moves = m.play()
    assert moves_str(moves, 0) == "C" + "D" * 199
    assert moves_str(moves, 1) == "D" * 200
    assert m.scores() == (199.0, 204.0)
    assert m.final_score_per_turn() == (199 / 200, 204 / 200)
    assert m.winner().name == "Defector"
    assert len(m) == 200


def test_cooperator_vs_defector():
    # 200 x (S, T) = (0, 1000)
    m = Match(("Cooperator", "Defector"), turns=200, seed=0)
    assert m.scores() == (0.0, 1000.0)
    assert m.cooperation() == (1.0, 0.0)


def test_tft_vs_tft():
    # mutual cooperation throughout: 200 R = 600 each, a tie
    m = Match(("Tit For Tat", "Tit For Tat"), turns=200, seed=0)
    assert m.scores() == (600.0, 600.0)
    assert m.winner() is None


def test_alternator_vs_tft():
    # Alternator C D C D ...; TFT C then copies: C C D C D C ...
    # Alternator: R + (T + S) + (T + S) + T = 3 + 5 + 0 + 5 + 0 + 5 = 18; TFT: 3 + 0 + 5 + 0 + 5 + 0 = 13
    m = Match(("Alternator", "Tit For Tat"), turns=6, seed=0)
    moves = m.play()
    assert moves_str(moves, 0) == "CDCDCD"
    assert moves_str(moves, 1) == "CCDCDC"
    assert m.scores() == (18.0, 13.0)


def test_grudger_after_a_single_defection():
    # partner defects once at turn 2; Grudger answers from turn 3 and never forgives
    m = Match(("Grudger", Player.sequence("CCD" + "C" * 9)), turns=12, seed=0)
    moves = m.play()
    assert moves_str(moves, 1) == "CCD" + "C" * 9
    assert moves_str(moves, 0) == "CCC" + "D" * 9
    # Grudger: R R R(vs D: S) ... -> turns 0,1: R; turn 2: S (C vs D); turns 3..11: T (D vs C)
    assert m.scores() == (3 + 3 + 0 + 9 * 5, 3 + 3 + 5 + 9 * 0)


def test_sequence_player_replays_then_repeats_last_move():
    m = Match((Player.sequence("CDD"), "Cooperator"), turns=6, seed=0)
    assert moves_str(m.play(), 0) == "CDDDDD"
    m = Match((Player.sequence([1, 0, 1, 0]), "Tit For Tat"), turns=6, seed=0)
    moves = m.play()
    assert moves_str(moves, 0) == "DCDCCC"
    assert moves_str(moves, 1) == "CDCDCC"


def test_different_sequences_are_different_players():
    assert Player.sequence("CD") != Player.sequence("DC")
    assert Player.sequence("CD") == Player.sequence([0, 1])


def test_tft_echo_after_one_flip():
    # docs/model.md, "Reciprocity": one misperceived move locks TFT vs TFT into alternating retaliation.
    # A's move on turn 3 is flipped to D; B answers D on turn 4, A answers that on turn 5, ...
    flips = np.zeros((2, 10), dtype=np.int8)
    flips[0, 3] = 1
    m = Match(("TFT", "TFT"), turns=10, flips=flips, seed=0)
    moves = m.play()
    assert moves_str(moves, 0) == "CCCDCDCDCD"
    assert moves_str(moves, 1) == "CCCCDCDCDC"


def test_flip_is_seen_by_both_players():
    # Cooperator's turn-0 move is flipped to D; TFT (the partner) answers the move played
    flips = np.zeros((2, 4), dtype=np.int8)
    flips[0, 0] = 1
    m = Match(("Cooperator", "Tit For Tat"), turns=4, flips=flips, seed=0)
    moves = m.play()
    assert moves_str(moves, 0) == "DCCC"
    assert moves_str(moves, 1) == "CDCC"


# -- stochastic known values (statistical, 5 standard errors) ----------------------------------


def _gtft_forgiveness(game, turns=20000, seed=7, name="Game GTFT"):
    """Fraction of C after the partner's D: against a Defector every move after the first."""
    m = Match((name, "Defector"), turns=turns, game=game, seed=seed)
    m.play()
    return float(np.mean(m.moves[1:, 0] == 0))


@pytest.mark.parametrize(
    "game,g",
    [
        # min(1 - (5-3)/(3-0), (3-1)/(5-1)) = min(1/3, 1/2) = 1/3 (docs/model.md, "Reciprocity")
        (Game(3, 0, 5, 1), 1 / 3),
        # min(1 - (5-4)/(4-0), (4-1)/(5-1)) = min(3/4, 3/4) = 3/4
        (Game(4, 0, 5, 1), 0.75),
        # min(1 - (4-3)/(3-0), (3-2)/(4-2)) = min(2/3, 1/2) = 1/2
        (Game(3, 0, 4, 2), 0.5),
    ],
)
def test_game_gtft_generosity_follows_the_game_and_gtft_keeps_one_third(game, g):
    n = 20000 - 1
    rate = _gtft_forgiveness(game)
    assert z_ok(rate, g, math.sqrt(g * (1 - g) / n)), (rate, g)
    rate = _gtft_forgiveness(game, name="GTFT")
    assert z_ok(rate, 1 / 3, math.sqrt(2 / 9 / n)), rate


def test_gtft_generosity_parameter_overrides_the_game():
    n = 20000 - 1
    m = Match((Player("GTFT", generosity=0.1), "Defector"), turns=n + 1, seed=7)
    m.play()
    rate = float(np.mean(m.moves[1:, 0] == 0))
    assert z_ok(rate, 0.1, math.sqrt(0.1 * 0.9 / n))


@pytest.mark.parametrize("noise", [0.02, 0.25])
def test_noise_flip_rate(noise):
    # Cooperator vs Cooperator: every D played is a flip; 2 * turns independent Bernoulli(noise)
    turns = 20000
    m = Match(("Cooperator", "Cooperator"), turns=turns, noise=noise, seed=11)
    m.play()
    rate = float(np.mean(m.moves == 1))
    assert z_ok(rate, noise, math.sqrt(noise * (1 - noise) / (2 * turns))), rate
    # the two players' flips are independent streams, not a shared one
    both = float(np.mean((m.moves[:, 0] == 1) & (m.moves[:, 1] == 1)))
    assert z_ok(both, noise**2, math.sqrt(noise**2 * (1 - noise**2) / turns))


def test_noise_zero_and_one():
    m = Match(("Cooperator", "Defector"), turns=50, noise=0.0, seed=1)
    m.play()
    assert (m.moves == [0, 1]).all()
    m = Match(("Cooperator", "Defector"), turns=50, noise=1.0, seed=1)
    m.play()
    assert (m.moves == [1, 0]).all()  # every move flipped


def test_integer_noise_draw_is_the_float_comparison():
    # draw_flips compares draws with the noise in integers (rng.below); it must flip
    # exactly where uniform_at(key, t) < p does, for every p, down to the last ulp
    from numba import njit

    from cooptourney.core.rng import below, chance_threshold, uniform_at

    @njit
    def disagreements(p, keys, n):
        h = chance_threshold(p)
        bad = 0
        for key in keys:
            for t in range(n):
                bad += below(key, t, h) != (uniform_at(key, t) < p)
        return bad

    rng = np.random.default_rng(3)
    keys = rng.integers(0, 2**63, 200, dtype=np.uint64)
    ps = [0.0, 2.0**-53, 2.0**-60, 0.05, 0.1, 1 / 3, 0.5, 1 - 2.0**-53, 1.0] + list(rng.random(20))
    for p in ps:
        assert disagreements(p, keys, 500) == 0, p
    # draws right at the threshold: p equal to a draw, and one ulp either side
    for key in keys[:20]:
        for t in range(20):
            u = uniform_at(key, t)
            for p in (u, np.nextafter(u, 0.0), np.nextafter(u, 1.0)):
                assert below(key, t, chance_threshold(p)) == (u < p)


def test_prob_end_match_lengths_are_geometric():
    # P(length = k) = (1-p)^(k-1) p: mean 1/p, variance (1-p)/p^2, P(length = 1) = p
    p, reps = 0.1, 3000
    res = Tournament(["Cooperator", "Defector"], prob_end=p, repetitions=reps, seed=5).play()
    i, j = np.triu_indices(2)
    lengths = res.turns_matrix[i, j].ravel()  # 3 pairs (self-play included) x reps draws
    n = len(lengths)
    assert n == 3 * reps
    assert lengths.min() >= 1
    assert z_ok(lengths.mean(), 1 / p, math.sqrt((1 - p) / p**2 / n)), lengths.mean()
    assert z_ok(np.mean(lengths == 1), p, math.sqrt(p * (1 - p) / n))
    # tail: P(length > 20) = 0.9^20
    q = 0.9**20
    assert z_ok(np.mean(lengths > 20), q, math.sqrt(q * (1 - q) / n))
    assert res.settings["prob_end"] == p and res.settings["turns"] is None


def test_prob_end_in_match_mean_length():
    p = 0.2
    lengths = np.array([len(Match(("TFT", "TFT"), prob_end=p, seed=s)) for s in range(2000)])
    assert z_ok(lengths.mean(), 1 / p, math.sqrt((1 - p) / p**2 / len(lengths)))


def test_prob_end_one_is_a_single_turn():
    res = Tournament(["TFT", "Defector"], prob_end=1.0, repetitions=5, seed=1).play()
    assert (res.turns_matrix == 1).all()


def test_turns_caps_prob_end_lengths():
    # p = 0.01, cap 5: P(length >= 5) = 0.99^4 ~ 0.96, so most matches are cut at exactly 5
    res = Tournament(["TFT", "Defector", "Random"], prob_end=0.01, turns=5, repetitions=200, seed=2).play()
    assert res.turns_matrix.max() == 5
    assert np.mean(res.turns_matrix == 5) > 0.9
    assert res.settings["turns"] == 5
    lengths = [len(Match(("TFT", "Random"), prob_end=0.01, turns=5, seed=s)) for s in range(50)]
    assert max(lengths) == 5


@pytest.fixture
def length_probe():
    """Load the test plugin "Length Probe" and remove it afterwards."""
    REGISTRY.ensure_loaded()
    before = set(REGISTRY._specs)
    load_plugin(HERE / "length_probe_plugin.py")
    yield
    for name in [n for n in REGISTRY._specs if n not in before]:
        REGISTRY._remove(REGISTRY._specs[name])


def test_per_turn_state_is_sized_by_the_match_length_and_kept(length_probe):
    # The probe cooperates iff its state is its declared slot plus 2 zeroed slots per turn
    # of the match, and what it wrote on earlier turns is intact (tests/length_probe_plugin.py).
    probe = Player("Turn Memory Probe")
    for kw in (dict(turns=40), dict(prob_end=0.05, turns=120), dict(prob_end=0.2)):
        res = Tournament([probe, "Random", probe], repetitions=3, seed=5, **kw).play()
        assert (res.coop_matrix[0] == res.turns_matrix[0]).all(), kw
    assert set(moves_str(Match((probe, "TFT"), turns=9, seed=1).play(), 0)) == {"C"}


def test_a_new_leader_restarts_the_per_turn_state(length_probe):
    # A leader without institutional memory restarts the strategy at turn 10: its view of
    # the history starts again at 0, so its per-turn slots must be zero again.
    from cooptourney.politics import ActorProfile, Politicization, Transformer

    tr = Transformer(
        profiles=[ActorProfile(term=10, reelection=0.0, memory=0.0), ActorProfile()], politicization=Politicization()
    )
    m = Match((Player("Turn Memory Probe"), "Alternator"), turns=35, seed=1, transformer=tr)
    moves = m.play()
    assert m._out[27] == 3.0  # restarted at t10, t20, t30
    assert set(moves_str(moves, 0)) == {"C"}


def test_info_is_kept_for_a_step_that_reads_it_whatever_its_partner(length_probe):
    # The turn loop skips the running sums in info in a match where neither step can
    # read them (StrategySpec.reads_info); the probe cooperates iff they are right, so a
    # wrong skip shows up as a defection. Its partners here never read info.
    from cooptourney.registry import get_strategy

    probe = Player("Info Probe")
    partners = ["Cooperator", "Defector", "Random", "Tit For Tat", "Alternator"]
    assert get_strategy("Info Probe").reads_info
    assert not any(get_strategy(name).reads_info for name in partners)
    res = Tournament([probe, *partners], turns=30, repetitions=2, seed=3).play()
    assert (res.coop_matrix[0] == res.turns_matrix[0]).all()
    for partner in partners:
        assert set(moves_str(Match((partner, probe), turns=30, seed=2).play(), 1)) == {"C"}, partner


def test_reads_argument_says_no_only_when_the_step_cannot_read_info():
    from cooptourney.registry import INFO_ARGUMENT, reads_argument

    def helper(info):
        return info[0]

    def direct(my, opp, t, state, params, info, rng):
        return 0 if info[6] > 1 else 1

    def passed_on(my, opp, t, state, params, info, rng):
        return helper(info)

    def captured(my, opp, t, state, params, info, rng):
        return (lambda: info[0])()

    def renamed(my, opp, t, state, params, seen, rng):  # the position counts, not the name
        return seen[0]

    def ignores(my, opp, t, state, params, info, rng):
        return opp[t - 1] if t else 0

    def star(*args):
        return 0

    for fn in (direct, passed_on, captured, renamed, star):
        assert reads_argument(fn, INFO_ARGUMENT), fn.__name__
    assert not reads_argument(ignores, INFO_ARGUMENT)


def test_turn_state_must_be_a_non_negative_integer():
    from cooptourney.registry import Registry, StrategyDefinitionError, strategy

    for bad in (-1, 1.5, True, "2"):
        with pytest.raises(StrategyDefinitionError, match="turn_state must be a non-negative integer"):
            strategy("Bad Turn State", reciprocity="other", turn_state=bad, registry=Registry())(lambda *a: 0)


def test_players_are_told_the_length_only_when_it_is_fixed(length_probe):
    # The probe cooperates iff the length it is told equals `expect`.
    told_minus_one = Player("Length Probe", expect=-1)
    told_twenty = Player("Length Probe", expect=20)
    for m, expected in [
        (Match((told_minus_one, "TFT"), prob_end=0.1, seed=3), "C"),
        (Match((told_minus_one, "TFT"), prob_end=0.1, turns=20, seed=3), "C"),  # a cap is not a length
        (Match((told_minus_one, "TFT"), turns=20, seed=3), "D"),
        (Match((told_twenty, "TFT"), turns=20, seed=3), "C"),
    ]:
        assert set(moves_str(m.play(), 0)) == {expected}
    res = Tournament([told_minus_one, told_twenty], prob_end=0.1, turns=30, repetitions=4, seed=3).play()
    assert (res.coop_matrix[0] == res.turns_matrix[0]).all()  # always told -1
    assert (res.coop_matrix[1] == 0).all()  # never told 20
    res = Tournament([told_minus_one, told_twenty], turns=20, repetitions=2, seed=3).play()
    assert (res.coop_matrix[0] == 0).all()
    assert (res.coop_matrix[1] == 20).all()


# -- tournaments ---------------------------------------------------------------------------------


def test_self_play_is_played_and_reported_both_ways():
    res = Tournament(["Tit For Tat", "Defector"], turns=200, repetitions=2, seed=0).play()
    # diagonal: TFT vs TFT 3 per turn, Defector vs Defector 1 per turn; off-diagonal 199/200, 204/200
    np.testing.assert_array_equal(res.payoff_matrix, [[3.0, 199 / 200], [204 / 200, 1.0]])
    np.testing.assert_array_equal(res.scores, [[199, 199], [204, 204]])  # self-play excluded
    np.testing.assert_array_equal(res.scores_with_self_play, [[799, 799], [404, 404]])
    np.testing.assert_array_equal(res.normalised_scores, [[199 / 200] * 2, [204 / 200] * 2])
    np.testing.assert_array_equal(
        res.normalised_scores_with_self_play, [[(3 + 199 / 200) / 2] * 2, [(1 + 204 / 200) / 2] * 2]
    )
    # ranking by the default (self-play excluded) puts Defector first, with self-play TFT first
    assert res.ranked_names() == ["Defector", "Tit For Tat"]
    assert res.ranked_names("score_with_self_play") == ["Tit For Tat", "Defector"]


def test_self_play_of_a_stochastic_player_uses_two_streams():
    # the two copies of Random in self-play must not make identical draws
    res = Tournament(["Random"], turns=200, repetitions=1, seed=4, record_moves=True).play()
    mv = res.moves[0, 0]
    assert (mv[0] != mv[1]).any()


NOISY_FIELD = [
    "Random",
    "Generous Tit For Tat",
    "Tit For Tat",
    "Grudger",
    Player("Random", p=0.3),
    "Win-Stay Lose-Shift",
]


def test_tournament_pair_equals_match_move_for_move():
    t = Tournament(NOISY_FIELD, prob_end=0.03, turns=60, noise=0.05, repetitions=3, seed=99, record_moves=True)
    res = t.play()
    n = len(NOISY_FIELD)
    for i in range(n):
        for j in range(n):
            if i == j:
                continue
            for r in range(3):
                m = Match((t.players[i], t.players[j]), prob_end=0.03, turns=60, noise=0.05, seed=99, repetition=r)
                m.play()
                np.testing.assert_array_equal(res.match_moves(i, j, r), m.moves, err_msg=f"{i} {j} {r}")
                assert res.score_matrix[i, j, r] == m.scores()[0]
                assert res.score_matrix[j, i, r] == m.scores()[1]
                assert res.turns_matrix[i, j, r] == len(m)
                assert res.coop_matrix[i, j, r] == np.sum(m.moves[:, 0] == 0)


def test_repetitions_use_different_streams():
    a = Match(("Random", "TFT"), turns=100, seed=1, repetition=0)
    b = Match(("Random", "TFT"), turns=100, seed=1, repetition=1)
    assert a.play() != b.play()


def test_record_moves_off_keeps_no_histories():
    res = Tournament(["TFT", "Random", "Defector"], turns=50, repetitions=2, seed=1).play()
    assert res.moves is None
    with pytest.raises(ValueError, match="record_moves=True"):
        res.match_moves(0, 1)
    # everything kept is O(players^2 * repetitions), independent of the number of turns
    for arr in (res.score_matrix, res.turns_matrix, res.coop_matrix, res.utility_matrix):
        assert arr.shape == (3, 3, 2)
    assert res.contingency.shape == (3, 3, 2, 4)


def test_record_moves_histories_are_consistent_with_scores():
    res = Tournament(["TFT", "Random", "Alternator"], turns=40, repetitions=2, seed=8, record_moves=True).play()
    payoff = Game().as_array()
    for i in range(3):
        for j in range(3):
            for r in range(2):
                mv = res.match_moves(i, j, r).astype(int)
                assert mv.shape == (40, 2)
                if i != j:
                    assert payoff[2 * mv[:, 0] + mv[:, 1]].sum() == res.score_matrix[i, j, r]
                    assert (mv[:, 0] == 0).sum() == res.coop_matrix[i, j, r]


def test_non_pd_game_is_accepted_and_reported():
    chicken = Game(3, 1, 5, 0)  # T 5 > R 3 > S 1 > P 0
    res = Tournament(["TFT", "Defector"], turns=10, repetitions=1, game=chicken, seed=0).play()
    assert res.settings["game_class"] == "Chicken"
    assert res.settings["game"] == [3.0, 1.0, 5.0, 0.0]
    # TFT: S + 9 P = 1 + 0; Defector: T + 9 P = 5
    assert res.score_matrix[0, 1, 0] == 1.0 and res.score_matrix[1, 0, 0] == 5.0
    m = Match(("TFT", "Defector"), turns=10, game=chicken, seed=0)
    assert m.scores() == (1.0, 5.0)
    assert Tournament(["TFT"], turns=5, repetitions=1, seed=0).play().settings["game_class"] == "Prisoner's Dilemma"


def test_seed_none_is_drawn_and_reported():
    t = Tournament(["Random", "TFT"], turns=30, repetitions=2)
    res = t.play()
    assert isinstance(res.settings["seed"], int)
    again = Tournament(["Random", "TFT"], turns=30, repetitions=2, seed=res.settings["seed"]).play()
    np.testing.assert_array_equal(res.score_matrix, again.score_matrix)
    m = Match(("Random", "TFT"), turns=30)
    assert Match(("Random", "TFT"), turns=30, seed=m.seed).play() == m.play()


def test_single_player_tournament():
    res = Tournament(["TFT"], turns=10, repetitions=2, seed=0).play()
    np.testing.assert_array_equal(res.scores, [[0, 0]])
    np.testing.assert_array_equal(res.scores_with_self_play, [[30, 30]])
    assert res.ranked_names() == ["Tit For Tat"]


def test_strategy_first_compiled_as_a_callee_still_plays():
    # A strategy compiled first as a callee of other jitted code gets an inferred int64
    # return type; the engine must still get an int8 step from it (regression). In a
    # subprocess, so the test's own dispatchers are not affected.
    import subprocess
    import sys

    code = (
        "import numpy as np\n"
        "from numba import njit\n"
        "from cooptourney import Match, get_strategy\n"
        "f = get_strategy('Tit For Tat').function\n"
        "@njit\n"
        "def caller(my, opp, t, st, pa, info, rng):\n"
        "    return f(my, opp, t, st, pa, info, rng)\n"
        "a = np.zeros(3, np.int8); z = np.zeros(1); r = np.zeros(2, np.uint64)\n"
        "caller(a, a, 1, z, z, z, r)\n"
        "m = Match(('Tit For Tat', 'Alternator'), turns=4, seed=1)\n"
        "print(''.join(x + y for x, y in m.play()))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "CCCDDCCD"  # TFT copies the Alternator: hand-derived


def test_a_step_that_allocates_does_not_disturb_its_partner():
    # The kernels hand strategies addresses of arrays (core/entry.py), which must stay
    # allocated for the whole match: a meta player allocates every turn, so an array
    # freed early would be reused and overwrite its partner's random stream (regression).
    # A Random player's moves depend only on its own stream, whichever side it plays on.
    kw = dict(turns=30, repetitions=6, seed=1, record_moves=True)
    ab = Tournament(["Random", "Meta Majority Memory One"], **kw).play()
    ba = Tournament(["Meta Majority Memory One", "Random"], **kw).play()
    for r in range(6):  # columns: Random, then the meta player
        np.testing.assert_array_equal(ab.match_moves(0, 1, r), ba.match_moves(1, 0, r), err_msg=str(r))


def test_stream_keys_are_the_documented_fold():
    """Every stream key is mix(... mix(mix(pi ^ seed) ^ mix(lo ^ mix(hi))) ^ rep ... ^ purpose),
    however the kernels share its prefix between a match's players and purposes, so a
    seed gives the same random streams in every version that keeps this derivation."""
    from cooptourney.core.layout import KEY_ELECTION, KEY_MEMORY, KEY_NOISE, KEY_RATIFY, KEY_STRATEGY
    from cooptourney.core.rng import (
        PURPOSE_ELECTION,
        PURPOSE_MEMORY,
        PURPOSE_NOISE,
        PURPOSE_RATIFY,
        PURPOSE_STRATEGY,
        mix64_py,
    )
    from cooptourney.core.streams import player_streams, stream_key

    def reference(seed, ki, kj, rep, player, slot, purpose):
        lo, hi = min(ki, kj), max(ki, kj)
        k = mix64_py(0x243F6A8885A308D3 ^ seed)
        k = mix64_py(k ^ mix64_py(lo ^ mix64_py(hi)))
        for part in (rep, player, slot, purpose):
            k = mix64_py(k ^ part)
        return k

    rng = np.random.default_rng(5)
    purposes = {
        KEY_STRATEGY: PURPOSE_STRATEGY,
        KEY_NOISE: PURPOSE_NOISE,
        KEY_RATIFY: PURPOSE_RATIFY,
        KEY_ELECTION: PURPOSE_ELECTION,
        KEY_MEMORY: PURPOSE_MEMORY,
    }
    for _ in range(20):
        seed, ki, kj = (int(x) for x in rng.integers(0, 2**63, 3))
        rep, slot = int(rng.integers(0, 1000)), int(rng.integers(0, 2))
        assert int(stream_key(seed, ki, kj, rep, kj, slot, 3)) == reference(seed, ki, kj, rep, kj, slot, 3)
        assert int(stream_key(seed, kj, ki, rep, kj, slot, 3)) == reference(seed, ki, kj, rep, kj, slot, 3)
        keys = player_streams(seed, ki, kj, rep, ki, slot)
        for index, purpose in purposes.items():
            assert int(keys[index]) == reference(seed, ki, kj, rep, ki, slot, purpose)


def test_reused_workspace_gives_the_recorded_results():
    """Without ``record_moves`` the kernel plays every match of a chunk in one reused
    workspace (and a match longer than it in arrays of its own); the results are those
    of the recorded run, which gives every match its own history rows."""
    field = NOISY_FIELD + ["DBS", "Evolved ANN", "Gradual", "Meta Hunter"]
    kw = dict(prob_end=0.0008, turns=None, noise=0.02, repetitions=2, seed=4)
    res = Tournament(field, **kw).play()
    recorded = Tournament(field, record_moves=True, **kw).play()
    assert recorded.turns_matrix.max() > 1000 > recorded.turns_matrix.min()  # both paths are taken
    for name in ("score_matrix", "coop_matrix", "turns_matrix", "utility_matrix"):
        np.testing.assert_array_equal(getattr(res, name), getattr(recorded, name), err_msg=name)


def test_a_step_that_raises_is_an_error_not_a_silent_cooperation(length_probe):
    # Compiled code cannot pass a strategy's exception on: the kernel plays C in its
    # place and counts the turn, and the run must then fail naming the strategy, not
    # return results with an invented move in them.
    from cooptourney.cli import main
    from cooptourney.registry import StrategyRuntimeError

    probe = Player("Raising Probe")
    with pytest.raises(StrategyRuntimeError, match=r"'Raising Probe' raised an exception .* on 2 turn\(s\)"):
        Tournament(["Tit For Tat", probe], turns=10, repetitions=2, seed=1).play()  # turn 3, twice
    with pytest.raises(StrategyRuntimeError, match="against 'Tit For Tat'"):
        Match(("Tit For Tat", probe), turns=10, seed=1).play()
    # a match too short to reach the raising turn is fine, and the probe defected throughout
    assert set(moves_str(Match((probe, "Cooperator"), turns=3, seed=1).play(), 0)) == {"D"}
    assert main(["match", "Raising Probe", "Cooperator", "--turns", "5"]) == 2


# -- the kernels' argument groups ------------------------------------------------------------


def test_kernel_argument_groups_are_checked():
    # The kernels take their arguments in named tuples built by keyword: a missing or
    # unknown field fails at construction, and one group passed in another's place (here
    # a side and the match settings swapped) fails numba's typing instead of running.
    from numba.core.errors import TypingError

    from cooptourney.core.layout import KEY_SIZE, OUT_SCORE_A, OUT_SCORE_B, OUT_SIZE, MatchRecord, MatchSettings
    from cooptourney.core.pack import pack

    game = Game().as_array()
    with pytest.raises(TypeError):
        MatchSettings(game=game, turns=np.int64(3), noise=0.0)  # no known_length
    with pytest.raises(TypeError):
        MatchSettings(game=game, turns=np.int64(3), known_length=3.0, noise=0.0, prob_end=0.0)
    packed = pack([Player("Tit For Tat"), Player("Defector")], game)
    keys = np.zeros(KEY_SIZE, dtype=np.uint64)
    a, b = packed.side(0, keys), packed.side(1, keys)
    match = MatchSettings(game=game, turns=np.int64(3), known_length=3.0, noise=0.0)
    hist = np.zeros((2, 3), dtype=np.int8)
    out = np.zeros(OUT_SIZE)
    none = np.zeros(0, dtype=np.int8)
    record = MatchRecord(
        flip_a=none, flip_b=none, hist_a=hist[0], hist_b=hist[1], trace_a=np.zeros(0), trace_b=np.zeros(0), out=out
    )
    play = packed.kernel.module.play_match
    play(a, b, match, record)
    # TFT: C, D, D against D, D, D -> S + 2P = 2 and T + 2P = 7
    assert hist.tolist() == [[0, 1, 1], [1, 1, 1]]
    assert (out[OUT_SCORE_A], out[OUT_SCORE_B]) == (2.0, 7.0)
    with pytest.raises(TypingError):
        play(a, match, b, record)
