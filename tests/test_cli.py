"""The command line: output of run / list / match, config files, output files, errors."""

import json
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from cooptourney import REGISTRY, Match, Tournament, __version__
from cooptourney.cli import main
from cooptourney.config import DEFAULT_PLAYERS

TINY = ["Tit For Tat", "Defector", "Alternator", "Grudger", "Cooperator"]

PLUGIN = '''
from cooptourney.strategy_api import strategy, C, D


@strategy("CLI Test Two Step", reciprocity="other", memory_depth=2)
def cli_test_two_step(my, opp, t, state, params, info, rng):
    """Plays C, C, D, repeating.

    other: a fixed pattern.
    """
    return D if t % 3 == 2 else C
'''


def cli(capsys, *argv):
    """Run the CLI in-process; returns (exit code, stdout, stderr)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def table_rows(out: str) -> list[list[str]]:
    """Rows of the first table in ``out`` (after the ---- rule, up to a blank line), split on 2+ spaces."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("----")) + 1
    rows = []
    for line in lines[start:]:
        if not line.strip():
            break
        rows.append(re.split(r"\s{2,}", line.strip()))
    return rows


@pytest.fixture(scope="module")
def plugin_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("plugin") / "two_step.py"
    path.write_text(PLUGIN)
    return path


# -- run ----------------------------------------------------------------------------------------
def test_run_prints_the_ranking_of_the_api(capsys):
    code, out, err = cli(
        capsys, "run", "-p", *TINY, "--turns", "10", "--repetitions", "2", "--seed", "1", "--no-progress"
    )
    assert code == 0, err
    result = Tournament(TINY, turns=10, repetitions=2, seed=1).play()
    rows = table_rows(out)
    assert [r[1] for r in rows] == result.ranked_names()
    assert [r[0] for r in rows] == [str(k) for k in range(1, len(TINY) + 1)]
    tags = dict(zip(result.players, result.reciprocity))
    assert [r[2] for r in rows] == [tags[r[1]] for r in rows]
    assert tags["Tit For Tat"] == "specific" and tags["Defector"] == "unconditional"
    # score per turn without and with self-play, wins, cooperation rate
    i = result.players.index(rows[0][1])
    assert float(rows[0][3]) == pytest.approx(np.median(result.normalised_scores[i]), abs=5e-4)
    assert float(rows[0][4]) == pytest.approx(np.median(result.normalised_scores_with_self_play[i]), abs=5e-4)
    assert float(rows[0][5]) == pytest.approx(result.wins[i].mean())
    assert rows[0][6] == f"{result.cooperation_rate[i]:.1%}"
    header = out.splitlines()[0]
    for text in (
        "5 players",
        "10 turns",
        "noise 0",
        "2 repetitions",
        "seed 1",
        "R=3, S=0, T=5, P=1",
        "Prisoner's Dilemma",
    ):
        assert text in header
    assert "not a Prisoner's Dilemma" not in out
    # the footer is wrapped to the terminal's width: compare its words, not its lines
    footer = " ".join(out.strip().split("\n\n")[-1].split())
    assert "Ranked by median score per turn, self-play excluded" in footer and re.search(r"in \d+\.\d\d s", footer)


def test_defector_and_alternator_rows_are_exact(capsys):
    # deterministic, 10 turns, self-play excluded: Defector gets 5*10 vs Cooperator, 5+9*1 vs Grudger, ...
    code, out, _ = cli(
        capsys, "run", "-p", "Defector", "Cooperator", "--turns", "10", "--repetitions", "1", "--no-progress"
    )
    assert code == 0
    rows = table_rows(out)
    assert rows[0][:3] == ["1", "Defector", "unconditional"]
    # with self-play: (5 + 1) / 2. Metrics (docs/reference/metrics.md): Defector never meets a D, so
    # contingency and retaliation are undefined; both gain/lose 5 a turn: imbalance 50.
    assert rows[0][3:] == ["5.000", "3.000", "1", "0.0%", "n/a", "n/a", "n/a", "50.0", "n/a"]
    assert rows[1][:3] == ["2", "Cooperator", "unconditional"]
    # Cooperator never meets a C (contingency n/a) and never answers D with D (retaliation 0)
    assert rows[1][3:] == ["0.000", "1.500", "0", "100.0%", "n/a", "0.00", "n/a", "50.0", "n/a"]


def test_rank_by_self_play_follows_the_api(capsys):
    args = ["-p", *TINY, "Random", "--turns", "30", "--repetitions", "3", "--noise", "0.05", "--seed", "2"]
    code, out, _ = cli(capsys, "run", *args, "--rank-by", "score_with_self_play", "--no-progress")
    assert code == 0
    result = Tournament(TINY + ["Random"], turns=30, repetitions=3, noise=0.05, seed=2).play()
    assert [r[1] for r in table_rows(out)] == result.ranked_names("score_with_self_play")
    assert "self-play included (--rank-by score_with_self_play)" in " ".join(out.split())


def test_rank_by_utility_adds_a_utility_column(capsys):
    code, out, _ = cli(
        capsys, "run", "-p", *TINY, "--turns", "5", "--repetitions", "1", "--rank-by", "utility", "--no-progress"
    )
    assert code == 0
    assert "Utility/turn (median)" in out.splitlines()[2]
    assert "perceived utility" in out


def test_run_without_arguments_plays_the_default_tournament(capsys):
    code, out, err = cli(capsys, "run", "--no-progress")
    assert code == 0, err
    registered = [n for n in DEFAULT_PLAYERS if n in REGISTRY]
    assert sorted(r[1] for r in table_rows(out)) == sorted(registered)
    assert out.startswith(f"Tournament: {len(registered)} players, 200 turns, noise 0, 10 repetitions, seed 0, ")
    missing = [n for n in DEFAULT_PLAYERS if n not in REGISTRY]
    if missing:
        assert "not registered yet" in err and missing[0] in err
    else:
        assert err == ""


def test_prob_end_in_the_header(capsys):
    code, out, _ = cli(
        capsys, "run", "-p", "TFT", "ALLD", "--prob-end", "0.1", "--turns", "40", "--repetitions", "2", "--no-progress"
    )
    assert code == 0
    assert "prob_end 0.1 (expected length 10 turns; at most 40)" in out.splitlines()[0]


def test_a_game_that_is_not_a_pd_is_named(capsys):
    code, out, _ = cli(
        capsys, "run", "-p", "TFT", "ALLD", "--game", "4,0,3,1", "--turns", "5", "--repetitions", "1", "--no-progress"
    )
    assert code == 0
    assert "(Stag Hunt)" in out.splitlines()[0]
    assert "NOT a Prisoner's Dilemma: it is a Stag Hunt game" in out


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".json"])
def test_output_files(capsys, tmp_path, suffix):
    path = tmp_path / "sub" / f"results{suffix}"
    code, out, _ = cli(
        capsys, "run", "-p", *TINY, "--turns", "10", "--repetitions", "2", "-o", str(path), "--no-progress"
    )
    assert code == 0
    assert f"to {path}" in out
    result = Tournament(TINY, turns=10, repetitions=2, seed=0).play()
    if suffix == ".json":
        data = json.loads(path.read_text())
        assert data["ranking"] == result.ranked_names()
        assert data["settings"]["turns"] == 10 and data["settings"]["repetitions"] == 2
        return
    read = pd.read_csv if suffix == ".csv" else pd.read_parquet
    table = read(path)
    assert list(table["player"]) == result.ranked_names()
    assert list(table["rank"]) == [1, 2, 3, 4, 5]
    np.testing.assert_allclose(table["score_per_turn_mean"], result.to_dataframe()["score_per_turn_mean"])
    matches = read(path.with_suffix(".matches" + suffix))
    assert len(matches) == len(TINY) ** 2 * 2
    assert set(matches["turns"]) == {10}
    assert not list(tmp_path.glob("sub/.*.tmp"))  # atomic writes leave no temporary files


# -- config files ----------------------------------------------------------------------------------
def test_config_file_with_every_key_equals_the_same_run_via_flags(capsys, tmp_path, plugin_file, clean_registry):
    config = tmp_path / "run.toml"
    config.write_text(
        textwrap.dedent(f"""
        [tournament]
        players = ["Tit For Tat", "Grudger", "GTFT(generosity=0.2)", {{ name = "Random", p = 0.3 }},
                   "CLI Test Two Step"]
        turns = 30
        noise = 0.02
        repetitions = 3
        seed = 5
        game = {{ R = 3, S = 0, T = 5, P = 1 }}
        [output]
        file = "from_file.json"
        rank_by = "score_with_self_play"
        [plugins]
        files = [{str(plugin_file)!r}]
    """)
    )
    code, out_file, err = cli(capsys, "run", str(config), "--no-progress")
    assert code == 0, err
    flags = [
        "-p",
        "Tit For Tat",
        "Grudger",
        "GTFT(generosity=0.2)",
        "Random(p=0.3)",
        "CLI Test Two Step",
        "--turns",
        "30",
        "--noise",
        "0.02",
        "--repetitions",
        "3",
        "--seed",
        "5",
        "--game",
        "3,0,5,1",
        "-o",
        str(tmp_path / "from_flags.json"),
        "--rank-by",
        "score_with_self_play",
        "--plugin",
        str(plugin_file),
        "--no-progress",
    ]
    code, out_flags, err = cli(capsys, "run", *flags)
    assert code == 0, err

    def body(out):  # everything but the timing and the file name
        return [line for line in out.splitlines() if " s." not in line and not line.startswith("Wrote")]

    assert body(out_file) == body(out_flags)
    assert "CLI Test Two Step" in out_file
    from_file = json.loads((tmp_path / "from_file.json").read_text())
    from_flags = json.loads((tmp_path / "from_flags.json").read_text())
    assert from_file["score_distributions"] == from_flags["score_distributions"]
    assert from_file["players"] == from_flags["players"]


def test_flags_override_the_config_file(capsys, tmp_path):
    config = tmp_path / "run.toml"
    config.write_text('[tournament]\nplayers = ["TFT", "ALLD"]\nturns = 30\nrepetitions = 2\n')
    code, out, _ = cli(
        capsys, "run", str(config), "--turns", "7", "-p", "Cooperator", "Defector", "Grudger", "--no-progress"
    )
    assert code == 0
    assert "3 players, 7 turns" in out.splitlines()[0] and "2 repetitions" in out.splitlines()[0]
    assert sorted(r[1] for r in table_rows(out)) == ["Cooperator", "Defector", "Grudger"]


# -- match ------------------------------------------------------------------------------------------
def test_match_tit_for_tat_against_alternator(capsys):
    code, out, _ = cli(capsys, "match", "Tit For Tat", "Alternator", "--turns", "4")
    assert code == 0
    # R,S,T,P = 3,0,5,1: CC -> 3/3, CD -> 0/5, DC -> 5/0, CD -> 0/5; totals 8 and 13
    assert table_rows(out) == [
        ["1", "C", "C", "3", "3", "3", "3"],
        ["2", "C", "D", "0", "5", "3", "8"],
        ["3", "D", "C", "5", "0", "8", "8"],
        ["4", "C", "D", "0", "5", "8", "13"],
    ]
    summary = out[out.index("Score ") :]
    assert re.search(r"Score\s+8\s+13\n", summary)
    assert re.search(r"Score per turn\s+2\.000\s+3\.250\n", summary)
    assert re.search(r"Cooperation rate\s+75\.0%\s+50\.0%\n", summary)
    assert "Result: Alternator wins by 5 points." in out
    assert "A = Tit For Tat, B = Alternator" in out


def test_match_with_noise_shows_the_api_match(capsys):
    code, out, _ = cli(capsys, "match", "Tit For Tat", "Grudger", "--turns", "20", "--noise", "0.1", "--seed", "3")
    assert code == 0
    m = Match(("Tit For Tat", "Grudger"), turns=20, noise=0.1, seed=3)
    moves = m.play()
    rows = table_rows(out)
    assert [(r[1].rstrip("*"), r[2].rstrip("*")) for r in rows] == moves  # D* marks a move noise flipped
    assert [float(r[5]) for r in rows][-1] == m.scores()[0]
    assert [float(r[6]) for r in rows][-1] == m.scores()[1]
    assert "noise 0.1, seed 3" in out.splitlines()[0]


def test_long_match_prints_every_turn_compactly(capsys):
    code, out, _ = cli(
        capsys, "match", "GTFT(generosity=0.3)", "WSLS", "--turns", "123", "--noise", "0.05", "--seed", "9"
    )
    assert code == 0
    m = Match(("GTFT(generosity=0.3)", "WSLS"), turns=123, noise=0.05, seed=9)
    moves = m.play()
    rows = table_rows(out)
    assert len(rows) == 6  # 3 blocks (50, 50, 23) of two lines
    # a lower-case c or d is a move noise flipped
    a = "".join(r[-2].replace(" ", "") for r in rows[0::2]).upper()
    b = "".join(r[-2].replace(" ", "") for r in rows[1::2]).upper()
    assert a == "".join(x for x, _ in moves) and b == "".join(y for _, y in moves)
    assert rows[0][0] == "1-50" and rows[4][0] == "101-123"
    assert float(rows[4][-1]) == m.scores()[0] and float(rows[5][-1]) == m.scores()[1]
    assert len(out.splitlines()) < 25


def test_match_with_prob_end_and_a_game(capsys):
    code, out, _ = cli(capsys, "match", "TFT", "ALLD", "--prob-end", "0.2", "--seed", "4", "--game", "3,1,5,0")
    assert code == 0
    m = Match(("TFT", "ALLD"), prob_end=0.2, seed=4)
    n = len(m.play())
    assert f"{n} turns drawn with prob_end 0.2" in out.splitlines()[0]
    assert "Chicken" in out


# -- list ------------------------------------------------------------------------------------------
def list_rows(out: str) -> dict[str, list[str]]:
    """The rows of ``cooptourney list``, by strategy name: continuation lines (wrapped
    cells) are joined to their row; the name loses its aliases and mark."""
    lines = out.splitlines()
    header = lines[0]
    starts = [m.start() for m in re.finditer(r"(?<=  )\S", header)]
    starts = [0, *starts]
    rows: list[list[str]] = []
    for line in lines[2:]:
        if not line.strip():
            break
        cells = [line[a:b].strip() for a, b in zip(starts, [*starts[1:], None])]
        if cells[1]:  # the reciprocity tag never wraps: a row's first line
            rows.append(cells)
        else:
            rows[-1] = [f"{x} {y}".strip() for x, y in zip(rows[-1], cells)]
    out_rows = {}
    for r in rows:
        out_rows[r[0].split(" / ")[0].removesuffix(" [M]")] = r
    return out_rows


def test_list_diffuse(capsys):
    code, out, _ = cli(capsys, "list", "--reciprocity", "diffuse")
    assert code == 0
    names = list(list_rows(out))
    assert "Generous Tit For Tat" in names and "Tit For Tat" not in names
    total = len(REGISTRY.all())
    assert out.strip().splitlines()[-2] == f"{len(names)} of {total} strategies match."


def test_list_everything_with_classifiers(capsys):
    code, out, _ = cli(capsys, "list")
    assert code == 0
    rows = list_rows(out)
    assert len(rows) == len(REGISTRY.all())
    assert "Sequence Player" not in rows  # hidden helper
    assert out.strip().splitlines()[-2] == f"{len(rows)} strategies."
    header = out.splitlines()[0]
    for column in ("Name / aliases", "Reciprocity", "Memory", "Uses", "Parameters"):
        assert column in header
    # 1/3 in every game, as axelrod's GTFT: it does not use the game
    assert rows["Generous Tit For Tat"] == [
        "Generous Tit For Tat / GTFT",
        "diffuse",
        "1",
        "random",
        "generosity=built in",
    ]
    assert rows["Game Generous Tit For Tat"][:4] == [
        "Game Generous Tit For Tat / Game GTFT",
        "diffuse",
        "1",
        "random, game",
    ]
    assert rows["Random"][-1] == "p=0.5"
    assert rows["Grudger"][2] == "inf"
    assert rows["Tit For Tat"][3] == "-"


def test_list_filters(capsys):
    code, out, _ = cli(capsys, "list", "--deterministic", "--max-memory", "0")
    assert code == 0
    names = list(list_rows(out))
    assert "Cooperator" in names and "Defector" in names
    assert "Random" not in names and "Tit For Tat" not in names
    code, out, _ = cli(capsys, "list", "--stochastic", "--uses-game")
    assert "Game Generous Tit For Tat" in list_rows(out)
    assert "Random" not in list_rows(out)


# -- plugins ---------------------------------------------------------------------------------------
def test_plugin_strategy_is_listed_run_and_matched(capsys, plugin_file, clean_registry):
    code, out, err = cli(capsys, "list", "--plugin", str(plugin_file), "--reciprocity", "other")
    assert code == 0, err
    assert "CLI Test Two Step" in list_rows(out)

    code, out, err = cli(
        capsys, "match", "CLI Test Two Step", "Tit For Tat", "--turns", "6", "--plugin", str(plugin_file)
    )
    assert code == 0, err
    assert [r[1] for r in table_rows(out)] == list("CCDCCD")
    assert [r[2] for r in table_rows(out)] == list("CCCDCC")

    code, out, err = cli(
        capsys,
        "run",
        "-p",
        "CLI Test Two Step",
        "Defector",
        "--turns",
        "6",
        "--repetitions",
        "1",
        "--plugin",
        str(plugin_file),
        "--no-progress",
    )
    assert code == 0, err
    assert [r[1] for r in table_rows(out)] == ["Defector", "CLI Test Two Step"]


def test_without_the_plugin_its_strategy_is_unknown(capsys):
    code, _, err = cli(capsys, "match", "CLI Test Two Step", "Tit For Tat")
    assert code == 2 and "unknown strategy 'CLI Test Two Step'" in err


# -- errors ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "argv, expected",
    [
        (["run", "-p", "Tit For Tatt", "Grudger"], "unknown strategy 'Tit For Tatt'; did you mean 'Tit For Tat'"),
        (["match", "Tit For Tatt", "Grudger"], "did you mean 'Tit For Tat'"),
        (["run", "--noise", "1.5"], "noise must be a probability in [0, 1], got 1.5"),
        (["match", "TFT", "TFT", "--noise", "1.5"], "noise must be a probability in [0, 1], got 1.5"),
        (["run", "--turns", "0"], "turns must be >= 1, got 0"),
        (["match", "TFT", "TFT", "--turns", "0"], "turns must be >= 1, got 0"),
        (["run", "--repetitions", "-1"], "repetitions must be >= 1, got -1"),
        (["run", "--game", "3,0,5"], "payoffs must be four numbers R,S,T,P"),
        (["run", "--game", "3,0,x,1"], "payoffs must be four numbers R,S,T,P"),
        (["run", "--prob-end", "1.5"], "prob_end must be a probability"),
        (["run", "--seed", "-3"], "seed must be in [0, 2**64)"),
        (["run", "--turns", "ten"], "argument --turns: expected a whole number, got 'ten'"),
        (["run", "--bogus"], "unrecognized arguments: --bogus"),
        (["run", "--rank-by", "wins"], "argument --rank-by: invalid choice: 'wins'"),
        (["run", "-o", "results.txt"], "must end in .csv, .parquet, .json"),
        (["run", "-p", "GTFT(generosity=2)"], "parameter 'generosity' = 2.0 is out of range"),
        (["run", "-p", "Random(q=0.1)"], "unknown parameter 'q'"),
        (["run", "does-not-exist.toml"], "config file 'does-not-exist.toml' does not exist"),
        (["run", "--plugin", "missing_plugin.py"], "plugin file 'missing_plugin.py' does not exist"),
        (["match", "Tit For Tat"], "the following arguments are required: B"),
        (["list", "--reciprocity", "generous"], "argument --reciprocity: invalid choice: 'generous'"),
        (["list", "--stochastic", "--deterministic"], "not allowed with argument --stochastic"),
        (["list", "--max-memory", "-1"], "--max-memory must be >= 0"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        ([], "missing command"),
    ],
)
def test_usage_errors_exit_2_with_one_line(capsys, argv, expected):
    code, out, err = cli(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("cooptourney: error: ")
    assert expected in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "body, expected",
    [
        ("[tournament]\nturn = 5\n", "unknown key 'turn' in [tournament]; did you mean 'turns'?"),
        ("[tournment]\nturns = 5\n", "unknown section [tournment]; did you mean [tournament]?"),
        ("[tournament]\nnoise = 1.5\n", "[tournament] noise must be a probability in [0, 1], got 1.5"),
        ("[tournament]\nplayers = ['Tit For Tatt']\n", "did you mean 'Tit For Tat'"),
        ("[tournament]\ngame = [3, 0, 5]\n", "four payoffs"),
        ("[tournament\n", "invalid TOML"),
    ],
)
def test_config_errors_exit_2_with_one_line(capsys, tmp_path, body, expected):
    config = tmp_path / "bad.toml"
    config.write_text(body)
    code, out, err = cli(capsys, "run", str(config))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith(f"cooptourney: error: {config}: ")
    assert expected in err


def test_unwritable_output_is_reported(capsys, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    code, out, err = cli(
        capsys,
        "run",
        "-p",
        "TFT",
        "--turns",
        "2",
        "--repetitions",
        "1",
        "-o",
        str(blocker / "results.csv"),
        "--no-progress",
    )
    # found before the run, with the true reason
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("cooptourney: error: cannot write")
    assert "is not a directory" in err


def test_version(capsys):
    code, out, _ = cli(capsys, "--version")
    assert code == 0 and out.strip() == f"cooptourney {__version__}"


def test_help_exits_0(capsys):
    code, out, _ = cli(capsys, "run", "--help")
    assert code == 0 and "--prob-end" in out and "CONFIG.toml" in out


# -- as a program ----------------------------------------------------------------------------------
def test_console_script_bad_flag_exits_2():
    # the script pip installed next to this interpreter (a venv's bin/ need not be on PATH)
    exe = shutil.which("cooptourney", path=str(Path(sys.executable).parent)) or shutil.which("cooptourney")
    if exe is None:
        pytest.skip("the cooptourney console script is not installed")
    proc = subprocess.run([exe, "run", "--no-such-flag"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.splitlines() == [
        "cooptourney: error: unrecognized arguments: --no-such-flag (see `cooptourney --help`)"
    ]


def test_python_dash_m_runs_the_cli():
    proc = subprocess.run(
        [sys.executable, "-m", "cooptourney.cli", "--version"], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0 and proc.stdout.strip() == f"cooptourney {__version__}"


# -- --report FILE.html (run, evolve, report) --------------------------------------------------------
def _self_contained(path) -> str:
    """The report's text, after checking that it embeds its plots and refers to nothing outside."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")
    assert text.count("<img ") == text.count('src="data:image/png;base64,') >= 1
    for bad in ("http://", "https://", "file:", 'src="/', "<script", "<link", "url("):
        assert bad not in text, bad
    assert f"cooptourney {__version__}" in text
    return text


def test_run_report_holds_the_results_of_the_run(capsys, tmp_path):
    report = tmp_path / "run.html"
    code, out, err = cli(
        capsys,
        "run",
        "-p",
        *TINY,
        "--turns",
        "50",
        "--noise",
        "0.02",
        "--repetitions",
        "3",
        "--seed",
        "11",
        "--no-progress",
        "--report",
        str(report),
    )
    assert code == 0, err
    assert f"Wrote the HTML report to {report}." in out
    assert [p.name for p in tmp_path.iterdir()] == ["run.html"]  # one file, no temporaries
    text = _self_contained(report)
    assert text.count('src="data:image/png;base64,') == 2  # ranking bars and the payoff heat map
    assert "seed 11" in text and "&quot;seed&quot;: 11" in text and "&quot;noise&quot;: 0.02" in text
    r = Tournament(TINY, turns=50, noise=0.02, repetitions=3, seed=11).play()
    df = r.to_dataframe()
    for name, score in zip(df.player, df.score_per_turn_mean):  # the table is the API's, in rank order
        assert f"<td>{name}</td>" in text and f"<td>{score:.4g}</td>" in text
    order = [text.index(f"<td>{name}</td>") for name in df.player]
    assert order == sorted(order)


def test_run_report_errors(capsys, tmp_path):
    code, out, err = cli(capsys, "run", "-p", "TFT", "Defector", "--report", str(tmp_path / "r.pdf"))
    assert code == 2 and out == "" and "--report needs an .html file name" in err  # before anything is played
    blocker = tmp_path / "file"
    blocker.write_text("")
    code, out, err = cli(
        capsys,
        "run",
        "-p",
        "TFT",
        "--turns",
        "2",
        "--repetitions",
        "1",
        "--no-progress",
        "--report",
        str(blocker / "r.html"),
    )
    assert code == 2 and out == ""  # found before the run
    assert err.count("\n") == 1 and err.startswith("cooptourney: error: cannot write the report")


def test_evolve_reports(capsys, tmp_path):
    from cooptourney.evolution import MoranProcess, ecological

    moran = tmp_path / "moran.html"
    code, out, err = cli(
        capsys,
        "evolve",
        "-p",
        "Tit For Tat",
        "Defector",
        "--initial",
        "8,2",
        "--runs",
        "200",
        "--turns",
        "20",
        "--seed",
        "5",
        "--no-progress",
        "--report",
        str(moran),
    )
    assert code == 0, err
    text = _self_contained(moran)
    res = MoranProcess({"Tit For Tat": 8, "Defector": 2}, turns=20, seed=5).play(runs=200)
    fixations = res.summary().set_index("type").fixations
    assert f"<td>{fixations['Tit For Tat']}</td>" in text and f"<td>{fixations['Defector']}</td>" in text
    assert "seed 5" in text and "Moran process" in text
    assert out.splitlines()[0] in text  # what the command printed is in the report
    eco = tmp_path / "eco.html"
    code, out, err = cli(
        capsys,
        "evolve",
        "-p",
        "Tit For Tat",
        "Defector",
        "Grudger",
        "--method",
        "ecological",
        "--generations",
        "30",
        "--turns",
        "20",
        "--seed",
        "6",
        "--no-progress",
        "--report",
        str(eco),
    )
    assert code == 0, err
    text = _self_contained(eco)
    r = Tournament(["Tit For Tat", "Defector", "Grudger"], turns=20, repetitions=10, seed=6).play()
    final = ecological(r, generations=30).final_shares
    assert all(f"<td>{x:.4g}</td>" in text for x in final)
    assert "seed 6" in text and "ecological dynamics" in text
    code, _, err = cli(capsys, "evolve", "-p", "TFT", "Defector", "--report", str(tmp_path / "x.png"))
    assert code == 2 and "--report needs an .html file name" in err


def test_sweep_report_command_writes_html(capsys, tmp_path):
    spec = tmp_path / "spec.toml"
    spec.write_text(
        '[tournament]\nplayers = ["Tit For Tat", "Defector"]\nturns = 20\nrepetitions = 1\n\n'
        '[sweep]\nseed = 31\n\n[sweep.grid]\n"tournament.noise" = [0, 0.1]\n'
    )
    out_dir = tmp_path / "sweep"
    code, _, err = cli(
        capsys,
        "sweep",
        str(spec),
        "--out",
        str(out_dir),
        "--threads",
        "--workers",
        "1",
        "--threads-per-worker",
        "1",
        "--no-progress",
    )
    assert code == 0, err
    report = tmp_path / "sweep.html"
    code, out, err = cli(
        capsys,
        "report",
        str(out_dir),
        "--outcome",
        "cooperation_rate",
        "--x",
        "tournament.noise",
        "--report",
        str(report),
    )
    assert code == 0, err
    assert f"Wrote the HTML report to {report}." in out
    text = _self_contained(report)
    from cooptourney.sweeps import load_results, summarise

    table = summarise(load_results(out_dir), "cooperation_rate", "tournament.noise")
    assert all(f"<td>{x:.4g}</td>" in text for x in table.to_numpy().ravel())
    assert "seed 31" in text
    code, _, err = cli(
        capsys,
        "report",
        str(out_dir),
        "--outcome",
        "cooperation_rate",
        "--x",
        "tournament.noise",
        "--report",
        str(tmp_path / "x.txt"),
    )
    assert code == 2 and "--report needs an .html file name" in err
