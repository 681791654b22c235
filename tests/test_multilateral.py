"""Multilateral mode: synchronous rounds, group information, reputations, a secretariat, clubs.

Known values come from docs/model.md, "Reciprocity" and "Multilateral mode" and from the rules as documented in
docs/howto/multilateral.md (worked by hand below), and from the ordinary tournament, which a
multilateral run of pairwise strategies must reproduce bit for bit.
"""

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from cooptourney import Player, Tournament
from cooptourney.game import Game
from cooptourney.multilateral import MultilateralTournament
from cooptourney.politics import ActorProfile, Transformer
from cooptourney.settings import SettingsError

HERE = Path(__file__).resolve().parent
PAIRWISE = [
    "Tit For Tat",
    "Grudger",
    "Random",
    "Generous Tit For Tat",
    "Win-Stay Lose-Shift",
    "Defector",
    "Gradual",
    "Tit For Tat",
    "Conditional MFN",
    "Free Rider",
]
FIELDS = ("score_matrix", "utility_matrix", "turns_matrix", "coop_matrix", "contingency")


def _same(a, b):
    for f in FIELDS:
        np.testing.assert_array_equal(getattr(a, f), getattr(b, f), err_msg=f)
    assert a.counters.keys() == b.counters.keys()
    for k in a.counters:
        np.testing.assert_array_equal(a.counters[k], b.counters[k], err_msg=k)


# -- 1. pairwise strategies: bit for bit the ordinary tournament -------------------------------


@pytest.mark.parametrize(
    "kw",
    [
        dict(turns=40),
        dict(turns=40, noise=0.1),
        dict(prob_end=0.05, turns=120, noise=0.03),
    ],
)
def test_pairwise_strategies_reproduce_the_ordinary_tournament_bit_for_bit(kw):
    a = Tournament(PAIRWISE, repetitions=3, seed=11, **kw).play()
    b = MultilateralTournament(PAIRWISE, repetitions=3, seed=11, **kw).play().results
    _same(a, b)


def test_parity_holds_with_perceived_payoffs_and_ratification_failure():
    profile = ActorProfile(k=0.4, sensitivity=1.0, ratification_failure=0.1)
    tr = Transformer(profile)
    a = Tournament(PAIRWISE, turns=30, repetitions=2, seed=5, transformer=tr).play()
    b = MultilateralTournament(PAIRWISE, turns=30, repetitions=2, seed=5, transformer=tr).play().results
    _same(a, b)


def test_group_strategies_are_refused_outside_multilateral_mode():
    with pytest.raises(SettingsError, match="plays only in multilateral mode"):
        Tournament(["Unconditional MFN", "Tit For Tat"], turns=5).play()
    from cooptourney.interop import AxelrodPlayer

    with pytest.raises(SettingsError, match="multilateral"):
        AxelrodPlayer("Image Scorer")


# -- 2. MFN and free riders -----------------------------------------------------------------


def test_mfn_players_without_free_riders_cooperate_fully_and_welfare_is_the_payoffs():
    n, turns = 7, 30
    g = Game()
    r = MultilateralTournament(["Unconditional MFN"] * n, turns=turns, repetitions=2, seed=3).play()
    res = r.results
    others = ~np.eye(n, dtype=bool)
    assert (res.coop_matrix[others] == turns).all()
    clubs = r.club_table().set_index("group")
    assert clubs.loc["all", "welfare_per_round"] == n * (n - 1) * g.R
    assert clubs.loc["all", "cooperation_inside"] == 1.0
    assert clubs.loc["all", "free_riders"] == 0
    np.testing.assert_array_equal(r.free_rider_measure, 0.0)


def test_one_free_rider_among_mfn_players_earns_more_than_any_of_them():
    n, turns = 8, 40
    r = MultilateralTournament(
        ["Unconditional MFN"] * (n - 1) + ["Free Rider"], turns=turns, repetitions=1, seed=0, self_play=False
    ).play()
    received = r.received[:, 0]
    g = Game()
    # no noise: the MFN players keep cooperating (1 defector in n-1 partners is within
    # the tolerance) and the free rider is never punished, so it takes T every round
    assert received[-1] == (n - 1) * g.T
    np.testing.assert_array_equal(received[:-1], (n - 2) * g.R + g.S)
    assert received[-1] > received[:-1].max()
    assert r.free_riders().tolist() == [False] * (n - 1) + [True]
    clubs = r.club_table().set_index("group")
    assert clubs.loc["all", "free_rider_share"] == pytest.approx(received[-1] / received.sum())


def _advantage(secretariat, seeds):
    players = ["Unconditional MFN"] * 7 + ["Free Rider"]
    out = []
    for s in seeds:
        r = MultilateralTournament(
            players, turns=60, repetitions=1, seed=s, noise=0.02, secretariat=secretariat, self_play=False
        ).play()
        rec = r.received[:, 0]
        out.append(rec[-1] - rec[:-1].mean())
    return np.array(out)


def test_a_secretariat_that_publishes_defections_cuts_the_free_riders_advantage():
    seeds = range(40)
    without = _advantage(0.0, seeds)
    with_sec = _advantage(0.8, seeds)
    assert without.mean() > 0  # Keohane's risk: the free rider gains
    diff = without - with_sec  # paired by seed
    se = diff.std(ddof=1) / np.sqrt(len(diff))
    assert diff.mean() > 4 * se, (without.mean(), with_sec.mean(), se)


# -- 3. image scoring and standing ---------------------------------------------------------------


def test_image_scorers_among_defectors_cooperate_with_each_other_and_stop_helping_defectors():
    n_is, n_d, turns = 6, 4, 25
    r = (
        MultilateralTournament(
            ["Image Scorer"] * n_is + ["Defector"] * n_d, turns=turns, repetitions=1, seed=2, self_play=False
        )
        .play()
        .results
    )
    coop = r.coop_matrix[:, :, 0]
    scorers, defectors = slice(0, n_is), slice(n_is, n_is + n_d)
    off = ~np.eye(n_is, dtype=bool)
    # among scorers each round's image change is (n_is - 1) - n_d = +1 > 0: always >= k = 0
    assert (coop[scorers, scorers][off] == turns).all()
    # defectors' images fall to -5 after round 0, so they get exactly one C from each scorer
    assert (coop[scorers, defectors] == 1).all()


def test_image_scoring_punishes_its_own_punishers_where_standing_does_not():
    # 3 scorers, 5 defectors: each round a scorer's image moves by 2 - 5 = -3 once it
    # refuses the defectors, so the scorers drop below k = 0 and stop helping each other
    # (the known flaw of image scoring); Standing judges a refusal of a player in bad
    # standing as justified and keeps cooperating among its own kind.
    turns = 20
    img = (
        MultilateralTournament(
            ["Image Scorer"] * 3 + ["Defector"] * 5, turns=turns, repetitions=1, seed=1, self_play=False
        )
        .play()
        .results.coop_matrix[:3, :3, 0]
    )
    std = (
        MultilateralTournament(["Standing"] * 3 + ["Defector"] * 5, turns=turns, repetitions=1, seed=1, self_play=False)
        .play()
        .results.coop_matrix[:3, :3, 0]
    )
    off = ~np.eye(3, dtype=bool)
    # round 0: +7 -> 5; round 1: 5 - 3 = 2; round 2: -1 < 0: scorers cooperate in rounds 0-2 only
    assert (img[off] == 3).all()
    assert (std[off] == turns).all()


def test_image_scorers_among_many_defectors_help_each_other_in_rounds_one_to_three():
    """docs/howto/multilateral.md's worked example, round by round (rounds counted from 1):
    images 0 -> 5 (capped) -> 2 -> -1, so C in rounds 1 to 3 and D from round 4 on."""
    r = (
        MultilateralTournament(
            ["Image Scorer"] * 3 + ["Defector"] * 5, turns=8, repetitions=1, seed=1, self_play=False, record_moves=True
        )
        .play()
        .results
    )
    for i, j in ((0, 1), (0, 2), (1, 2)):
        rounds = [k + 1 for k, (a, b) in enumerate(r.match_moves(i, j, 0).tolist()) if a == b == 0]
        assert rounds == [1, 2, 3]


@pytest.mark.parametrize("observation,expected", [(1.0, 1), (0.0, 4)])
def test_observation_probability_sets_how_fast_a_threshold_is_reached(observation, expected):
    # k = -3. Public: a defector's image is -5 after round 0 (it defected on 9 partners),
    # so each scorer helps it once. Seeing only its own interactions, a scorer lowers the
    # defector's image by 1 a round: -1, -2, -3 still >= k, so it helps in rounds 0..3.
    players = [Player("Image Scorer", k=-3)] * 9 + ["Defector"]
    r = (
        MultilateralTournament(players, turns=12, repetitions=1, seed=0, observation=observation, self_play=False)
        .play()
        .results
    )
    assert (r.coop_matrix[:9, 9, 0] == expected).all()


# -- 4. leaders, memory and the secretariat's record ---------------------------------------------


def _scorer_coop_with_defector(memory, secretariat=0.0, strategy="Image Scorer"):
    profile = ActorProfile(term=10, reelection=0.0, memory=memory)
    players = [strategy] * 4 + ["Defector"]
    tr = Transformer(profile)
    r = (
        MultilateralTournament(
            players, turns=40, repetitions=1, seed=0, transformer=tr, secretariat=secretariat, self_play=False
        )
        .play()
        .results
    )
    return r.coop_matrix[:4, 4, 0]


def test_what_a_new_leader_knows_of_the_others_survives_only_through_institutional_memory():
    # an election every 10 rounds, always lost: without memory each new leader starts
    # with a blank view, helps the defector once more (image 0 >= k = 0), then learns again
    assert (_scorer_coop_with_defector(memory=0.0) == 4).all()  # rounds 0, 10, 20, 30
    assert (_scorer_coop_with_defector(memory=1.0) == 1).all()  # round 0 only


def test_the_secretariats_record_outlives_a_change_of_leader():
    # MFN players sanction whoever the record shows in bad standing; the record is the
    # secretariat's, so a new leader without memory still withholds from the defector
    coop = _scorer_coop_with_defector(memory=0.0, secretariat=1.0, strategy="Unconditional MFN")
    assert (coop == 1).all()  # only round 0, before anything was recorded


# -- 5. clubs ----------------------------------------------------------------------------------------


def test_club_discriminators_cooperate_inside_and_the_club_table_follows_from_the_payoffs():
    players = ["Club Discriminator"] * 5
    clubs = {"A": [0, 1, 2], "B": [3, 4]}
    r = MultilateralTournament(players, clubs=clubs, turns=10, repetitions=1, seed=0, self_play=False).play()
    t = r.club_table().set_index("group")
    g = Game()
    assert t.loc["A", "cooperation_inside"] == 1.0 and t.loc["A", "cooperation_across"] == 0.0
    assert t.loc["A", "welfare_per_round"] == 3 * (2 * g.R + 2 * g.P)
    assert t.loc["B", "welfare_per_round"] == 2 * (1 * g.R + 3 * g.P)
    assert t.loc["all", "welfare_per_round"] == t.loc["A", "welfare_per_round"] + t.loc["B", "welfare_per_round"]
    assert t.loc["all", "cooperation_inside"] == pytest.approx((6 + 2) / 20)
    assert r.player_table()["club"].tolist() == sorted(r.player_table()["club"].tolist())  # equal scores
    assert set(r.player_table()["club"]) == {"A", "B"}


def test_club_mfn_is_mfn_inside_and_tit_for_tat_outside():
    players = ["Club MFN"] * 3 + ["Free Rider"]
    r = (
        MultilateralTournament(
            players, clubs={"club": [0, 1, 2]}, turns=20, repetitions=1, seed=0, self_play=False, record_moves=True
        )
        .play()
        .results
    )
    # towards the outsider (a free rider) they play Tit For Tat: C then D after its D, and
    # the free rider, punished, turns to Tit For Tat too: both defect from then on
    moves = r.moves[r.pair_index[(0, 3)], 0]
    assert "".join("CD"[m] for m in moves[0][:4]) == "CDDD"
    assert (r.coop_matrix[:3, :3, 0][~np.eye(3, dtype=bool)] == 20).all()


# -- 6. order and threads -----------------------------------------------------------------------------

SETTINGS = dict(
    players=[
        "Unconditional MFN",
        "Image Scorer",
        "Standing",
        "Free Rider",
        "Tit For Tat",
        "Random",
        "Club MFN",
        "Defector",
        "Club Discriminator",
    ],
    clubs={"north": ["Unconditional MFN", "Club MFN", "Club Discriminator"], "south": ["Standing", "Random"]},
    observation=0.6,
    secretariat=0.7,
    turns=30,
    repetitions=2,
    seed=9,
    noise=0.05,
)


def result_hash(res):
    h = hashlib.sha256()
    for attr in FIELDS:
        h.update(np.ascontiguousarray(getattr(res, attr)).tobytes())
    return h.hexdigest()


def test_results_do_not_depend_on_the_order_of_players():
    r = MultilateralTournament(**SETTINGS).play().results
    perm = [4, 2, 8, 0, 6, 1, 3, 7, 5]
    players = [SETTINGS["players"][k] for k in perm]
    q = MultilateralTournament(**{**SETTINGS, "players": players}).play().results
    idx = np.ix_(perm, perm)
    for f in ("score_matrix", "coop_matrix", "turns_matrix"):
        np.testing.assert_array_equal(getattr(q, f), getattr(r, f)[idx], err_msg=f)


def test_results_identical_on_one_and_two_threads():
    code = (
        f"import sys, numba; sys.path.insert(0, {str(HERE)!r})\n"
        "from test_multilateral import SETTINGS, result_hash\n"
        "from cooptourney.multilateral import MultilateralTournament\n"
        "print(numba.get_num_threads(), result_hash(MultilateralTournament(**SETTINGS).play().results))\n"
    )
    hashes = {}
    for threads in ("1", "2"):
        env = {**os.environ, "NUMBA_NUM_THREADS": threads}
        proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, proc.stderr
        got, digest = proc.stdout.split()
        assert got == threads
        hashes[threads] = digest
    assert hashes["1"] == hashes["2"] == result_hash(MultilateralTournament(**SETTINGS).play().results)


# -- 7. bad input ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs,match",
    [
        (dict(clubs={"A": ["Tit For Tat", "Nobody"]}), "'Nobody', which is not a player"),
        (dict(clubs={"A": [0, 1], "B": [1, 2]}), "is in two clubs"),
        (dict(clubs={"A": [7]}), "not a player position"),
        (dict(clubs={"A": []}), "has no members"),
        (dict(observation=1.5), "observation"),
        (dict(observation=-0.1), "observation"),
        (dict(secretariat=2.0), "secretariat"),
        (dict(secretariat_clubs=["Z"], clubs={"A": [0]}), "'Z', which is not a club"),
    ],
)
def test_bad_multilateral_settings_are_refused_with_a_clear_message(kwargs, match):
    with pytest.raises(SettingsError, match=match):
        MultilateralTournament(["Tit For Tat", "Grudger", "Defector"], turns=5, **kwargs)


@pytest.mark.parametrize("k", [-6, 5.5, 6])
def test_image_threshold_outside_the_score_bounds_is_refused(k):
    with pytest.raises(ValueError, match=r"out of range; allowed is \[-5.0, 5.0\]|must be an integer"):
        Player("Image Scorer", k=k)


# -- 8. command line and TOML ---------------------------------------------------------------------------


def _cli(capsys, *argv):
    from cooptourney.cli import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_run_multilateral_prints_club_tag_material_score_and_free_rider_measure(capsys):
    code, out, err = _cli(
        capsys,
        "run",
        "--multilateral",
        "-p",
        "MFN",
        "MFN",
        "MFN",
        "Free Rider",
        "--club",
        "traders=MFN,Free Rider",
        "--turns",
        "20",
        "--repetitions",
        "2",
        "--no-progress",
    )
    assert code == 0, err
    r = MultilateralTournament(
        ["MFN", "MFN", "MFN", "Free Rider"], clubs={"traders": ["MFN", "Free Rider"]}, turns=20, repetitions=2, seed=0
    ).play()
    lines = out.splitlines()
    header = next(ln for ln in lines if ln.startswith("Rank"))
    for col in ("Club", "Reciprocity", "Score/turn", "Received/round", "Free-rider"):
        assert col in header
    rider = next(ln for ln in lines if ln.strip().startswith("1 ") and "Free Rider" in ln)
    assert "traders" in rider and "other" in rider
    assert f"{r.free_rider_measure.mean(axis=1)[3]:+.2f}" in rider
    assert f"{r.received.mean(axis=1)[3]:.2f}" in rider
    group = next(ln for ln in lines if ln.startswith("traders"))
    assert f"{r.club_table().set_index('group').loc['traders', 'welfare_per_round']:.2f}" in group


def test_toml_mode_multilateral_with_clubs_and_a_secretariat_equals_the_api(tmp_path, capsys):
    cfg = tmp_path / "club.toml"
    out_file = tmp_path / "res.csv"
    cfg.write_text(
        '[tournament]\nmode = "multilateral"\nplayers = ["MFN", "MFN", "MFN", "Free Rider", "Tit For Tat"]\n'
        "turns = 30\nrepetitions = 2\nseed = 4\nnoise = 0.02\n"
        '[multilateral]\nsecretariat = 0.9\nobservation = 0.5\nsecretariat_clubs = ["gatt"]\n'
        '[multilateral.clubs]\ngatt = ["MFN", 3]\n'
        f'[output]\nfile = "{out_file.name}"\n'
    )
    code, _out, err = _cli(capsys, "run", str(cfg), "--no-progress")
    assert code == 0, err
    import pandas as pd

    api = MultilateralTournament(
        ["MFN", "MFN", "MFN", "Free Rider", "Tit For Tat"],
        clubs={"gatt": ["MFN", 3]},
        secretariat=0.9,
        observation=0.5,
        secretariat_clubs=["gatt"],
        turns=30,
        repetitions=2,
        seed=4,
        noise=0.02,
    ).play()
    clubs = pd.read_csv(tmp_path / "res.clubs.csv").set_index("group")
    expected = api.club_table().set_index("group")
    assert clubs.loc["gatt", "welfare_per_round"] == pytest.approx(expected.loc["gatt", "welfare_per_round"])
    table = pd.read_csv(out_file)
    assert list(table["club"].fillna("")) == [api.club_of[k] or "" for k in api.results.ranking()]


@pytest.mark.parametrize(
    "argv,match",
    [
        (["--club", "A=Tit For Tat,Nobody"], "'Nobody', which is not a player"),
        (["--club", "A=0,1", "--club", "B=1"], "is in two clubs"),
        (["--observation", "1.2"], "observation"),
        (["--secretariat", "-0.5"], "secretariat"),
        (["--club", "A"], "NAME=member"),
    ],
)
def test_bad_multilateral_flags_exit_2_with_one_line(capsys, argv, match):
    code, _out, err = _cli(
        capsys, "run", "--multilateral", "-p", "Tit For Tat", "Grudger", "--turns", "5", "--no-progress", *argv
    )
    assert code == 2
    assert re.search(match, err), err
    assert len(err.strip().splitlines()) == 1


def test_multilateral_settings_without_the_mode_are_refused(capsys):
    code, _out, err = _cli(capsys, "run", "-p", "Tit For Tat", "Grudger", "--secretariat", "0.5", "--turns", "5")
    assert code == 2 and "only in multilateral mode" in err


def test_group_strategy_in_an_ordinary_run_says_to_use_multilateral(capsys):
    code, _out, err = _cli(capsys, "run", "-p", "Image Scorer", "Grudger", "--turns", "5", "--no-progress")
    assert code == 2 and "--multilateral" in err
