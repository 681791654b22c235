"""Command-line conventions: machine-readable stdout, quiet runs, progress only on a terminal,
players from a file, the strategy list, shell completion, noise flips in a match, warmup."""

import argparse
import io
import json
import re
import uuid

import numpy as np
import pandas as pd
import pytest

from cooptourney import REGISTRY, Match, Tournament
from cooptourney.cli import main
from cooptourney.cli.common import players_from, progress_wanted
from cooptourney.output.tables import MULTILATERAL_MARK

TINY = ["Tit For Tat", "Defector", "Alternator", "Grudger"]
SMALL = ["--turns", "10", "--repetitions", "2", "--seed", "1"]


def cli(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# -- stdout for programs ---------------------------------------------------------------------------
def test_format_csv_puts_the_player_table_and_nothing_else_on_stdout(capsys):
    code, out, err = cli(capsys, "run", "-p", *TINY, *SMALL, "--format", "csv")
    assert code == 0, err
    table = pd.read_csv(io.StringIO(out))
    expected = Tournament(TINY, turns=10, repetitions=2, seed=1).play().to_dataframe()
    assert list(table["player"]) == list(expected["player"])
    np.testing.assert_allclose(table["score_per_turn_mean"], expected["score_per_turn_mean"])
    np.testing.assert_allclose(table["score_per_turn_median"], expected["score_per_turn_median"])
    assert out.splitlines()[0].startswith("rank,player,")  # no header line, no footer


def test_score_columns_say_mean_or_median_in_every_format(capsys, tmp_path):
    """Every per-turn score column names its statistic over the repetitions."""
    wanted = {"score_per_turn_mean", "score_per_turn_median", "score_per_turn_with_self_play_mean"}
    bare = {"score_per_turn", "score_per_turn_with_self_play"}
    _, out, _ = cli(capsys, "run", "-p", *TINY, *SMALL, "--format", "csv")
    tables = {"--format csv": set(pd.read_csv(io.StringIO(out)).columns)}
    _, out, _ = cli(capsys, "run", "-p", *TINY, *SMALL, "--format", "json")
    tables["--format json"] = set(json.loads(out)["summary"][0])
    for suffix in (".csv", ".json"):
        path = tmp_path / f"out{suffix}"
        assert cli(capsys, "run", "-p", *TINY, *SMALL, "-o", str(path))[0] == 0
        tables[suffix] = set(
            pd.read_csv(path).columns if suffix == ".csv" else json.loads(path.read_text())["summary"][0]
        )
    for where, columns in tables.items():
        assert wanted <= columns and not bare & columns, where


@pytest.mark.parametrize("argv", [["-o", "-", "--format", "json"], ["--format", "json"]])
def test_json_on_stdout_holds_the_ranking(capsys, argv):
    code, out, err = cli(capsys, "run", "-p", *TINY, *SMALL, *argv)
    assert code == 0, err
    data = json.loads(out)
    assert data["ranking"] == Tournament(TINY, turns=10, repetitions=2, seed=1).play().ranked_names()
    assert data["settings"]["turns"] == 10


def test_dash_o_writes_csv_to_stdout(capsys):
    code, out, _ = cli(capsys, "run", "-p", *TINY, *SMALL, "-o", "-")
    assert code == 0
    assert pd.read_csv(io.StringIO(out))["rank"].tolist() == [1, 2, 3, 4]


def test_dash_o_with_the_table_format_is_refused(capsys):
    code, out, err = cli(capsys, "run", "-p", *TINY, "-o", "-", "--format", "table")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "-o - writes csv or json" in err


def test_quiet_prints_the_table_alone(capsys):
    code, out, _ = cli(capsys, "run", "-p", *TINY, *SMALL, "--quiet")
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[0].startswith("Rank") and len(lines) == 2 + len(TINY)  # header, rule, one row each


def test_terminal_columns_say_median_and_mean(capsys):
    _code, out, _ = cli(capsys, "run", "-p", *TINY, *SMALL, "--no-progress")
    header = next(line for line in out.splitlines() if line.startswith("Rank"))
    assert "Score/turn (median)" in header and "Wins (mean)" in header
    assert "Score/turn" not in header.replace("Score/turn (median)", "")


# -- progress --------------------------------------------------------------------------------------
class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(
    "tty, flags, shown",
    [
        (True, {}, True),
        (False, {}, False),  # a log or a pipe
        (True, {"no_progress": True}, False),
        (True, {"quiet": True}, False),
    ],
)
def test_progress_only_on_a_terminal_and_when_not_turned_off(monkeypatch, tty, flags, shown):
    monkeypatch.setattr("sys.stderr", _Stream(tty))
    args = argparse.Namespace(**{"no_progress": False, "quiet": False, **flags})
    assert progress_wanted(args) is shown


@pytest.mark.parametrize(
    "tty, flags, shown",
    [(True, [], True), (False, [], False), (True, ["--no-progress"], False), (True, ["-q"], False)],
)
def test_reciprocity_shows_progress_only_on_a_terminal(monkeypatch, capsys, tty, flags, shown):
    from cooptourney.progress import ProgressBar

    class Eager(ProgressBar):  # no one-second delay, so a short run draws its bar
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **{**kwargs, "delay": 0.0})

    monkeypatch.setattr("cooptourney.reciprocity.battery.ProgressBar", Eager)
    stream = _Stream(tty)
    monkeypatch.setattr("sys.stderr", stream)
    assert main(["reciprocity", "Tit For Tat", "Grudger", "--repetitions", "2", *flags]) == 0
    out = capsys.readouterr().out
    assert ("reciprocity battery" in stream.getvalue()) is shown
    assert "Tit For Tat" in out and ("Reciprocity battery:" in out) is ("-q" not in flags)


# -- players from a file ---------------------------------------------------------------------------
def test_players_from_a_file_play_as_if_named(capsys, tmp_path):
    path = tmp_path / "players.txt"
    path.write_text("# my field\nTit For Tat\n\nDefector\n  Alternator  \n")
    assert players_from([f"@{path}", "Grudger"]) == TINY
    code, out, _ = cli(capsys, "run", "-p", f"@{path}", "Grudger", *SMALL, "--format", "csv")
    assert code == 0
    _, named, _ = cli(capsys, "run", "-p", *TINY, *SMALL, "--format", "csv")
    assert out == named


@pytest.mark.parametrize("text, expected", [(None, "no such players file"), ("# nobody\n\n", "names no player")])
def test_a_bad_players_file_is_one_line(capsys, tmp_path, text, expected):
    path = tmp_path / "players.txt"
    if text is not None:
        path.write_text(text)
    code, out, err = cli(capsys, "run", "-p", f"@{path}")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and expected in err


# -- list ------------------------------------------------------------------------------------------
def test_list_is_sorted_fits_100_columns_and_marks_group_strategies(capsys, monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    code, out, _ = cli(capsys, "list")
    assert code == 0
    assert max(len(line) for line in out.splitlines() if not line.startswith(f"{MULTILATERAL_MARK} ")) <= 100
    code, names_out, _ = cli(capsys, "list", "--names")
    names = names_out.splitlines()
    assert names == sorted(names, key=lambda n: (n.casefold(), n))
    assert len(names) == len(REGISTRY.all())
    group = [s.name for s in REGISTRY.all() if s.group]
    assert group, "the library has strategies that play only in multilateral mode"
    for name in group:
        assert f"{name} {MULTILATERAL_MARK}" in out
    assert f"{MULTILATERAL_MARK} plays only in multilateral mode" in out
    ungrouped = next(s.name for s in REGISTRY.all() if not s.group)
    assert f"{ungrouped} {MULTILATERAL_MARK}" not in out


def test_list_pairwise_names_all_play_in_a_round_robin(capsys):
    code, out, _ = cli(capsys, "list", "--names", "--pairwise")
    names = out.splitlines()
    assert code == 0 and names
    assert not any(REGISTRY.get(n).group for n in names)
    assert {s.name for s in REGISTRY.all() if not s.group} == set(names)


def test_list_json_has_every_classifier(capsys):
    _code, out, _ = cli(capsys, "list", "--format", "json", "--reciprocity", "diffuse")
    records = {r["name"]: r for r in json.loads(out)}
    gtft = records["Generous Tit For Tat"]
    assert gtft["reciprocity"] == "diffuse" and gtft["stochastic"] is True and gtft["aliases"] == "GTFT"
    assert "Tit For Tat" not in records


# -- completion ------------------------------------------------------------------------------------
@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_completion_script_knows_the_commands_and_flags(capsys, shell):
    pytest.importorskip("shtab")
    code, out, _ = cli(capsys, "completion", shell)
    assert code == 0
    for word in ("warmup", "--format", "--quiet", "--names"):
        assert word in out


# -- noise flips in a match ------------------------------------------------------------------------
def test_marked_flips_replay_the_noisy_match():
    """The flips the command marks are the kernel's: replayed as a pre-drawn flip mask
    without noise, they give the same moves (a wrong mark would change what follows)."""
    from cooptourney.cli.match import match_flips

    noisy = Match(["Tit For Tat", "Grudger"], turns=400, noise=0.05, seed=7)
    flips = match_flips(noisy, len(noisy))
    assert flips.sum() > 0
    replay = Match(["Tit For Tat", "Grudger"], turns=400, noise=0.0, seed=7, flips=flips)
    np.testing.assert_array_equal(noisy.moves, replay.moves)
    shifted = np.roll(flips, 1, axis=1)
    assert not np.array_equal(Match(["Tit For Tat", "Grudger"], turns=400, seed=7, flips=shifted).moves, noisy.moves)


def test_flip_rate_is_the_noise_rate():
    from cooptourney.cli.match import match_flips

    n, noise = 20_000, 0.1
    flips = match_flips(Match(["Cooperator", "Defector"], turns=n, noise=noise, seed=3), n)
    rate, se = flips.mean(), np.sqrt(noise * (1 - noise) / (2 * n))
    assert abs(rate - noise) < 5 * se


def test_match_marks_the_flipped_moves(capsys, tmp_path):
    from cooptourney.cli.match import match_flips

    report = tmp_path / "match.html"
    code, out, err = cli(
        capsys, "match", "TFT", "Grudger", "--turns", "40", "--noise", "0.1", "--seed", "5", "--report", str(report)
    )
    assert code == 0, err
    flips = match_flips(Match(["TFT", "Grudger"], turns=40, noise=0.1, seed=5), 40)
    rows = [re.split(r"\s{2,}", line.strip()) for line in out.splitlines() if re.match(r"^\s+\d+\s+[CD]", line)]
    assert len(rows) == 40
    marked = np.array([[r[1].endswith("*"), r[2].endswith("*")] for r in rows]).T
    np.testing.assert_array_equal(marked, flips.astype(bool))
    assert f"{int(flips.sum())} flip" in out
    page = report.read_text()
    assert page.count('class="C flip"') + page.count('class="D flip"') == int(flips.sum())
    assert "cooptourney match TFT Grudger --turns 40" in page  # the command that makes it again


def test_match_without_noise_marks_nothing(capsys):
    code, out, _ = cli(capsys, "match", "TFT", "Alternator", "--turns", "4")
    assert code == 0 and "*" not in out and "flip" not in out


# -- reports ---------------------------------------------------------------------------------------
def test_run_report_has_readable_headers_and_its_command(capsys, tmp_path):
    path = tmp_path / "run.html"
    code, _, err = cli(capsys, "run", "-p", *TINY, *SMALL, "--no-progress", "--report", str(path))
    assert code == 0, err
    page = path.read_text()
    assert "Score per turn (median)" in page and "Score per turn (mean)" in page
    assert "<th>score_per_turn" not in page
    assert "cooptourney run -p &#x27;Tit For Tat&#x27; Defector Alternator Grudger" in page
    # the documentation's address, as text a reader can type; the page loads nothing from outside
    assert "github.com/cooptourney/cooptourney/blob/main/docs/reference/metrics.md" in page
    assert "https://" not in page


# -- warmup ----------------------------------------------------------------------------------------
def _fresh_plugin(tmp_path):
    """A plugin whose source no earlier run has compiled (its text is unique)."""
    path = tmp_path / "fresh.py"
    tag = uuid.uuid4().hex[:12]
    path.write_text(
        f'''
from cooptourney.strategy_api import strategy, C, D

# {tag}
@strategy("Fresh {tag}", reciprocity="other", memory_depth=1)
def fresh(my, opp, t, state, params, info, rng):
    """Copies the partner's last move.

    other: a test strategy.
    """
    return C if t == 0 else opp[t - 1]
'''
    )
    return path, f"Fresh {tag}"


def test_pending_sees_the_cache(tmp_path, clean_registry):
    from cooptourney.core import dispatch
    from cooptourney.core.compile_status import entry_cached
    from cooptourney.precompile import pending
    from cooptourney.registry import load_plugin

    path, name = _fresh_plugin(tmp_path)
    load_plugin(path)
    spec = REGISTRY.get(name)
    assert entry_cached(spec) is False
    assert spec in pending([spec, spec])[0]
    dispatch._ENTRIES.clear()  # judge by the files on disk, not by what this process loaded
    dispatch.entry(spec)
    dispatch._ENTRIES.clear()
    assert entry_cached(spec) is True
    assert pending([spec])[0] == []


def test_warmup_command(capsys, tmp_path, clean_registry):
    path, name = _fresh_plugin(tmp_path)
    code, out, err = cli(capsys, "warmup", name, "--plugin", str(path), "--processes", "1")
    assert code == 0, err
    assert "Compiled 1 of 1 strategies" in out  # and the kernels, the first time in a fresh cache
    code, out, _ = cli(capsys, "warmup", name, "--plugin", str(path))
    assert code == 0 and "already compiled" in out
    code, out, err = cli(capsys, "warmup", "Tit For Tatt")
    assert code == 2 and "unknown strategy" in err and out == ""


# -- prose wrapped to the terminal -----------------------------------------------------------------
def test_wrap_fits_prose_and_keeps_tables(monkeypatch):
    from cooptourney.cli.common import wrap

    prose = " ".join(["reciprocity"] * 30)
    table = "Rank  Player\n----  ------\n   1  Tit For Tat"
    text = f"{prose}\n\n{table}\n"
    wrapped = wrap(text, width=40)
    lines = wrapped.splitlines()
    assert all(len(line) <= 40 for line in lines[: lines.index("")])
    assert " ".join(lines[: lines.index("")]) == prose
    assert table in wrapped
    monkeypatch.delenv("COLUMNS", raising=False)
    assert wrap(text) == text  # stdout is captured here, not a terminal: left as written


def test_a_terminal_is_told_about_the_one_off_compile(capsys, monkeypatch, tmp_path, clean_registry):
    """On a terminal, run names what it compiles before it does; then the run itself."""
    from cooptourney.cli import common

    path, name = _fresh_plugin(tmp_path)
    monkeypatch.setattr(common, "progress_wanted", lambda args: True)
    code = main(["run", "-p", name, "Tit For Tat", "--turns", "5", "--repetitions", "1", "--plugin", str(path)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "compiling 1 strategy" in err and "one-off" in err
    assert name in out
    code = main(["run", "-p", name, "Tit For Tat", "--turns", "5", "--repetitions", "1", "--plugin", str(path)])
    assert code == 0 and "compiling" not in capsys.readouterr().err  # compiled now: nothing to say
