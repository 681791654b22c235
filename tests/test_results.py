"""ResultSet: wins, ranking, cooperation, distributions, tables and (atomic) files.

Expected values come from a hand-played tournament of Cooperator, Defector, Tit For Tat and
Alternator over 10 turns (derivation in FIELD's comment)."""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from cooptourney import ResultSet, Tournament

FIELD = ["Cooperator", "Defector", "Tit For Tat", "Alternator"]
# 10 turns, R S T P = 3 0 5 1. Alternator plays C on even turns, D on odd ones; TFT vs
# Alternator: TFT plays C, C, D, C, D, ... so from turn 1 on it gets S on odd and T on even turns.
#                vs Coop   vs Def     vs TFT            vs Alt
# Cooperator       -        0 (10 S)   30 (10 R)         15 (5 R + 5 S)
# Defector       50 (10 T)  -          14 (T + 9 P)      30 (5 T + 5 P)
# Tit For Tat    30         9 (S+9P)   -                 23 (R + 5 S + 4 T)
# Alternator     40 (5R+5T) 5 (5S+5P)  28 (R + 5 T + 4 S)  -
TOTALS = np.array([0 + 30 + 15, 50 + 14 + 30, 30 + 9 + 23, 40 + 5 + 28], dtype=float)
SELF = np.array([30, 10, 30, 5 * 3 + 5 * 1 + 0], dtype=float)
# Alternator vs itself: CC (R) on even turns, DD (P) on odd ones: 5*3 + 5*1 = 20
SELF[3] = 20
WINS = np.array([0, 3, 0, 2])  # Defector beats all three; Alternator beats Cooperator and TFT
COOPS = np.array([30, 0, 10 + 1 + 6, 5 + 5 + 5], dtype=float)  # C moves against the others


@pytest.fixture(scope="module")
def res():
    return Tournament(FIELD, turns=10, repetitions=3, seed=1).play()


def test_scores_and_wins(res):
    np.testing.assert_array_equal(res.scores, np.repeat(TOTALS[:, None], 3, axis=1))
    np.testing.assert_array_equal(res.scores_with_self_play, np.repeat((TOTALS + SELF)[:, None], 3, axis=1))
    np.testing.assert_array_equal(res.wins, np.repeat(WINS[:, None], 3, axis=1))
    np.testing.assert_allclose(res.normalised_scores[:, 0], TOTALS / 30, rtol=1e-15)


def test_ranking_by_median_normalised_score(res):
    # per turn: Coop 1.5, Def 3.13, TFT 2.07, Alt 2.43
    assert res.ranked_names() == ["Defector", "Alternator", "Tit For Tat", "Cooperator"]
    np.testing.assert_array_equal(res.ranking(), [1, 3, 2, 0])
    # with self-play: (total + self) / 40 per turn: Coop 75/40, Def 104/40, TFT 92/40, Alt 93/40
    assert res.ranked_names("score_with_self_play") == ["Defector", "Alternator", "Tit For Tat", "Cooperator"]
    with pytest.raises(ValueError, match="cannot rank by 'wins'; choose one of score"):
        res.ranking("wins")


def _synthetic(per_turn_a, per_turn_b, turns=10):
    """Two players, one match per repetition with the given per-turn scores."""
    reps = len(per_turn_a)
    score = np.zeros((2, 2, reps))
    score[0, 1] = np.array(per_turn_a) * turns
    score[1, 0] = np.array(per_turn_b) * turns
    score[0, 0] = score[1, 1] = 2 * turns
    z = np.zeros((2, 2, reps))
    return ResultSet(
        players=["A", "B"],
        reciprocity=["other", "other"],
        settings={},
        score_matrix=score,
        utility_matrix=score.copy(),
        turns_matrix=np.full((2, 2, reps), float(turns)),
        coop_matrix=z,
        contingency=np.zeros((2, 2, reps, 4)),
    )


def test_ranking_uses_the_median_not_the_mean():
    # A: 0, 0, 5 per turn (mean 1.67, median 0); B: 1, 1, 1 (mean 1, median 1) -> B first
    r = _synthetic([0, 0, 5], [1, 1, 1])
    assert r.ranked_names() == ["B", "A"]
    df = r.to_dataframe()
    assert list(df["player"]) == ["B", "A"]
    assert df["score_per_turn_mean"].tolist() == pytest.approx([1.0, 5 / 3])
    assert df["score_per_turn_median"].tolist() == [1.0, 0.0]


def test_cooperation_rates(res):
    np.testing.assert_allclose(res.cooperation_rate, COOPS / 30, rtol=1e-15)
    cm = res.cooperation_matrix
    assert cm[2, 1] == 1 / 10  # TFT cooperates once against Defector
    assert cm[2, 3] == 6 / 10  # turn 0 and the five odd turns
    assert cm[0, 0] == 1.0 and cm[1, 1] == 0.0 and cm[3, 3] == 0.5


def test_match_scores_distribution_has_one_entry_per_repetition():
    res = Tournament(["Random", "Tit For Tat"], turns=50, repetitions=7, seed=3).play()
    d = res.match_scores(0, 1)
    assert d.shape == (7,)
    assert len(set(d.tolist())) > 1  # Random's score varies between repetitions
    np.testing.assert_array_equal(d, res.score_matrix[0, 1])
    mdf = res.matches_dataframe()
    assert len(mdf) == 2 * 2 * 7
    sel = mdf[(mdf.player_index == 0) & (mdf.opponent_index == 1)].sort_values("repetition")
    np.testing.assert_array_equal(sel["score"].to_numpy(), d)
    assert set(sel["turns"]) == {50}


COLUMNS = [
    "rank",
    "player",
    "reciprocity",
    "score_per_turn_mean",
    "score_per_turn_median",
    "score_per_turn_with_self_play_mean",
    "total_score",
    "total_score_with_self_play",
    "utility_per_turn",
    "utility_per_turn_with_self_play",
    "wins",
    "cooperation_rate",
]


def test_to_dataframe_columns_and_order(res):
    df = res.to_dataframe()
    assert list(df.columns)[: len(COLUMNS)] == COLUMNS
    assert df["rank"].tolist() == [1, 2, 3, 4]
    assert df["player"].tolist() == ["Defector", "Alternator", "Tit For Tat", "Cooperator"]
    assert df["reciprocity"].tolist() == ["unconditional", "unconditional", "specific", "unconditional"]
    order = [1, 3, 2, 0]
    assert df["total_score"].tolist() == TOTALS[order].tolist()
    assert df["total_score_with_self_play"].tolist() == (TOTALS + SELF)[order].tolist()
    assert df["wins"].tolist() == WINS[order].tolist()
    assert df["cooperation_rate"].tolist() == pytest.approx((COOPS / 30)[order].tolist(), rel=1e-15)
    # without a transformer, utilities are the material payoffs
    assert df["utility_per_turn"].tolist() == df["score_per_turn_mean"].tolist()
    assert df.attrs["ranked_by"] == "score"


def test_write_csv_round_trip(res, tmp_path):
    path = res.write(tmp_path / "out.csv")
    assert path == tmp_path / "out.csv"
    back = pd.read_csv(path)
    assert list(back.columns) == list(res.to_dataframe().columns)
    assert back["player"].tolist() == ["Defector", "Alternator", "Tit For Tat", "Cooperator"]
    assert back["total_score"].tolist() == TOTALS[[1, 3, 2, 0]].tolist()
    np.testing.assert_allclose(back["score_per_turn_mean"], res.to_dataframe()["score_per_turn_mean"], rtol=1e-15)
    matches = pd.read_csv(tmp_path / "out.matches.csv")
    assert len(matches) == 4 * 4 * 3
    row = matches[(matches.player == "Tit For Tat") & (matches.opponent == "Alternator")]
    assert row["score"].tolist() == [23.0] * 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv", "out.matches.csv"]


def test_write_parquet_round_trip(res, tmp_path):
    res.write(tmp_path / "out.parquet")
    back = pd.read_parquet(tmp_path / "out.parquet")
    pd.testing.assert_frame_equal(back, res.to_dataframe(), check_dtype=False)
    matches = pd.read_parquet(tmp_path / "out.matches.parquet")
    pd.testing.assert_frame_equal(matches, res.matches_dataframe(), check_dtype=False)


def test_write_json_round_trip(res, tmp_path):
    res.write(tmp_path / "sub" / "out.json")  # parent directories are created
    d = json.loads((tmp_path / "sub" / "out.json").read_text())
    assert d["players"] == FIELD
    assert d["ranking"] == ["Defector", "Alternator", "Tit For Tat", "Cooperator"]
    assert d["settings"]["seed"] == 1 and d["settings"]["turns"] == 10 and d["settings"]["repetitions"] == 3
    assert d["settings"]["game"] == [3.0, 0.0, 5.0, 1.0]
    assert d["settings"]["game_class"] == "Prisoner's Dilemma"
    np.testing.assert_array_equal(np.array(d["payoff_matrix"]), res.payoff_matrix)
    np.testing.assert_array_equal(np.array(d["score_distributions"]), res.score_matrix)
    np.testing.assert_array_equal(np.array(d["match_lengths"]), res.turns_matrix)
    assert [row["player"] for row in d["summary"]] == d["ranking"]
    assert [row["total_score"] for row in d["summary"]] == TOTALS[[1, 3, 2, 0]].tolist()
    assert "cooptourney_version" in d


@pytest.mark.parametrize("name", ["out.txt", "out.xlsx", "out", "out.csv.gz"])
def test_unsupported_suffix(res, tmp_path, name):
    with pytest.raises(ValueError, match=r"use a \.csv, \.parquet or \.json file name"):
        res.write(tmp_path / name)
    assert list(tmp_path.iterdir()) == []


# -- atomic writes ----------------------------------------------------------------------------


class Boom(RuntimeError):
    pass


def _half_writer(fail_on_call):
    """A replacement writer that writes some bytes to its target, then raises on call
    number ``fail_on_call`` (earlier calls write a complete dummy file)."""
    calls = []

    def writer(self, path, *args, **kwargs):
        calls.append(path)
        Path(path).write_text("player,score\nhalf-writ")
        if len(calls) == fail_on_call:
            raise Boom("disk full")

    return writer


@pytest.mark.parametrize("suffix,method", [(".csv", "to_csv"), (".parquet", "to_parquet")])
@pytest.mark.parametrize("fail_on_call", [1, 2], ids=["matches-file-fails", "table-fails"])
def test_failed_write_leaves_nothing_behind(res, tmp_path, monkeypatch, suffix, method, fail_on_call):
    monkeypatch.setattr(pd.DataFrame, method, _half_writer(fail_on_call))
    with pytest.raises(Boom):
        res.write(tmp_path / f"out{suffix}")
    assert list(tmp_path.iterdir()) == []  # no target, no companion file, no temporary file


@pytest.mark.parametrize("fail_on_call", [1, 2], ids=["matches-file-fails", "table-fails"])
def test_failed_write_keeps_older_files_intact(res, tmp_path, monkeypatch, fail_on_call):
    target = tmp_path / "out.csv"
    companion = tmp_path / "out.matches.csv"
    target.write_text("old table\n")
    companion.write_text("old matches\n")
    monkeypatch.setattr(pd.DataFrame, "to_csv", _half_writer(fail_on_call))
    with pytest.raises(Boom):
        res.write(target)
    assert target.read_text() == "old table\n"
    assert companion.read_text() == "old matches\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv", "out.matches.csv"]


def test_failed_json_write_keeps_older_file(res, tmp_path, monkeypatch):
    target = tmp_path / "out.json"
    target.write_text('{"old": true}')
    real_write_text = Path.write_text

    def half(self, text, *a, **kw):
        real_write_text(self, text[:10])
        raise Boom("interrupted")

    monkeypatch.setattr(Path, "write_text", half)
    with pytest.raises(Boom):
        res.write(target)
    monkeypatch.undo()
    assert json.loads(target.read_text()) == {"old": True}
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_successful_write_replaces_older_file(res, tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old table\n")
    res.write(target)
    assert pd.read_csv(target)["player"].tolist()[0] == "Defector"


STANDINGS_FIELDS = ("normalised_scores", "normalised_scores_with_self_play", "wins", "cooperation_rate")


@pytest.mark.parametrize(
    "settings",
    [
        {"turns": 30, "noise": 0.05},
        {"turns": 30},
        {"prob_end": 0.1, "turns": 60, "noise": 0.01},
    ],
    ids=["noise", "reused-matches", "prob-end"],
)
def test_standings_are_the_result_sets_bits(settings):
    """The compiled per-player pass and the [n, n, reps] matrices agree bit for bit."""
    players = ["Tit For Tat", "Random", "Defector", "Grudger", "Tit For Tat", "Win-Stay Lose-Shift", "Alternator"]
    t = Tournament(players, repetitions=5, seed=11, **settings)
    full, fast = t.play(), t.standings()
    assert fast.players == full.players
    for name in STANDINGS_FIELDS:
        want, got = getattr(full, name), getattr(fast, name)
        assert got.dtype == want.dtype and got.shape == want.shape, name
        assert np.array_equal(got.view(np.uint8), want.view(np.uint8)), name


def test_standings_known_values():
    """Cooperator, Defector, Tit For Tat over 10 turns: scores per turn from the payoffs."""
    s = Tournament(["Cooperator", "Defector", "Tit For Tat"], turns=10, repetitions=2, seed=0).standings()
    # Cooperator: 0 against Defector, 3 against TFT; Defector: 5, then (5 + 9 * 1) / 10; TFT: 3, 9 / 10
    np.testing.assert_allclose(s.normalised_scores[:, 0], [1.5, (5 + 1.4) / 2, (3 + 0.9) / 2])
    np.testing.assert_allclose(s.normalised_scores_with_self_play[:, 0], [2.0, (5 + 1.4 + 1) / 3, (3 + 0.9 + 3) / 3])
    assert s.wins[:, 0].tolist() == [0, 2, 0]
    np.testing.assert_allclose(s.cooperation_rate, [1.0, 0.0, 11 / 20])


def test_standings_of_a_lone_player_are_undefined():
    s = Tournament(["Tit For Tat"], turns=5, repetitions=2, seed=0).standings()
    assert np.isnan(s.normalised_scores).all() and np.isnan(s.cooperation_rate).all()
    assert s.normalised_scores_with_self_play.tolist() == [[3.0, 3.0]]


def test_noise_drawn_beforehand_gives_the_general_loops_bits():
    """With noise alone the kernel draws a match's flips before its turn loop; recording the
    moves takes the general loop, which draws them turn by turn: the same matches."""
    players = ["Tit For Tat", "Random", "Grudger", "Win-Stay Lose-Shift", "Gradual"]
    settings = {"turns": 40, "noise": 0.1, "repetitions": 3, "seed": 4}
    lean = Tournament(players, **settings).standings()
    general = Tournament(players, record_moves=True, **settings).play()
    for name in STANDINGS_FIELDS:
        assert np.array_equal(getattr(lean, name).view(np.uint8), getattr(general, name).view(np.uint8)), name


def test_standings_are_the_same_bits_on_one_thread_and_on_all():
    import numba

    t = Tournament(["Tit For Tat", "Random", "Grudger", "Defector"], turns=30, noise=0.05, repetitions=4, seed=9)
    everyone = t.standings()
    threads = numba.get_num_threads()
    numba.set_num_threads(1)
    try:
        alone = t.standings()
    finally:
        numba.set_num_threads(threads)
    for name in STANDINGS_FIELDS:
        assert np.array_equal(getattr(alone, name).view(np.uint8), getattr(everyone, name).view(np.uint8)), name


def test_a_first_match_does_not_import_pandas():
    """pandas (half a second) is imported where a table is built, not by ``import cooptourney``."""
    code = (
        "import sys, cooptourney\n"
        "cooptourney.Match(['Tit For Tat', 'Grudger'], turns=1).play()\n"
        "print(sorted(m for m in ('pandas', 'matplotlib') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
