"""Bad and extreme inputs at every boundary: each is refused on one line before any work
starts, or works with finite results. A corpus of command lines, TOML configs, sweep specs
and Python API calls, each with its outcome class:

* ``USAGE``: the command exits with code 2 and prints exactly one line,
  ``cooptourney: error: ...``, on stderr and nothing on stdout (no traceback, no numba text);
* ``WORKS``: the command exits with code 0 and prints no NaN or infinity;
* ``REFUSED``: the API call raises a ValueError, TypeError or LookupError with a one-line
  message, raised by cooptourney's own code (not from inside numba, numpy or ``re``);
* ``OK``: the API call returns, and every number in its result is finite.

Bad input must fail before anything is compiled, so the corpus runs in seconds; the
``WORKS`` cases are tiny tournaments.
"""

from __future__ import annotations

import re
import traceback

import numpy as np
import pytest

from cooptourney import Game, Match, Player, Tournament
from cooptourney.cli import main
from cooptourney.config import load_config
from cooptourney.multilateral import MultilateralTournament
from cooptourney.politics import ActorProfile, Politicization, Transformer, perceived_payoffs
from cooptourney.sweeps.spec import spec_from_dict

USAGE, WORKS, REFUSED, OK = "usage", "works", "refused", "ok"
NUMBA_TEXT = re.compile(r"numba\.|TypingError|NumbaError|LoweringError")
NAN_OR_INF = re.compile(r"(?<![\w/])[-+]?(nan|inf|infinity)(?![\w/])", re.IGNORECASE)

# -- command lines --------------------------------------------------------------------------------
BAD_RATES = ["nan", "inf", "-inf", "-0.1", "1.5", "abc", "", "1e400", "0x1"]
BAD_COUNTS = ["0", "-1", "1.5", "abc", "nan", "inf", "1e400", "", "9223372036854775808"]
BAD_PLAYERS = [
    "",
    "(",
    "TFT(",
    "GTFT(generosity)",
    "GTFT(=0.1)",
    "GTFT(generosity=)",
    "GTFT(generosity=nan)",
    "GTFT(generosity=inf)",
    "GTFT(generosity=1e400)",
    "GTFT(generosity=2)",
    "GTFT(generosity=0.1,generosity=0.2)",
    "GTFT(genrosity=0.1)",
    "Random(p=-1)",
    "Random(p=abc)",
    "Nonexistent Strategy",
    "Tit For Tatt",
]
BAD_GAMES = [
    "nan,0,5,1",
    "inf,0,5,1",
    "1,1,1,1",
    "1,2,3",
    "1,2,3,4,5",
    "a,b,c,d",
    "1e308,0,1e308,1",
    "1e101,0,5,1",
    "-1e308,0,5,1",
    "",
]
HUGE_RUNS = [
    # (the segfault, overflow and hang cases of the examination)
    ["run", "-p", "TFT", "Grudger", "--turns", "2147483648"],
    ["run", "-p", "TFT", "Grudger", "--turns", "1e13"],
    ["run", "-p", "TFT", "Grudger", "--repetitions", "1000000000"],
    ["run", "-p", "TFT", "Grudger", "--prob-end", "1e-12"],
    ["run", "-p", "TFT", "Grudger", "--prob-end", "1e-18"],
    ["run", "-p", "TFT", "Grudger", "--prob-end", "5e-324"],
    ["run", "-p", "TFT", "Grudger", "--game=1e308,0,1e308,1"],
    ["run", "-p", "TFT", "Grudger", "--multilateral", "--turns", "100000000", "--repetitions", "1000"],
    ["run", "-p", "TFT", "Grudger", "--multilateral", "--prob-end", "1e-300"],
    ["match", "TFT", "Grudger", "--prob-end", "1e-11"],
    ["match", "TFT", "Grudger", "--prob-end", "1e-300"],
    ["match", "TFT", "Grudger", "--turns", "9007199254740993"],
    ["match", "TFT", "Grudger", "--turns", "100000000000"],
    ["match", "TFT", "Grudger", "--game=1e308,0,1e308,1", "--turns", "3"],
    ["evolve", "-p", "TFT", "ALLD", "--population", "1000000000", "--runs", "1", "--turns", "3"],
    ["evolve", "-p", "TFT", "ALLD", "--population", "100000", "--runs", "1", "--turns", "3"],
    ["evolve", "-p", "TFT", "ALLD", "--initial", "1000000000,1000000000", "--runs", "1", "--turns", "3"],
    ["evolve", "-p", "TFT", "ALLD", "--runs", "1000000000000", "--turns", "3"],
    ["evolve", "-p", "TFT", "ALLD", "--generations", "1000000000000", "--turns", "3", "--mutation", "0.1"],
    ["evolve", "-p", "TFT", "ALLD", "--method", "ecological", "--generations", "1000000000000", "--turns", "3"],
    ["evolve", "-p", "TFT", "ALLD", "--graph", "grid:100000x100000", "--turns", "3", "--runs", "1"],
    ["evolve", "-p", "TFT", "ALLD", "--turns", "1e13"],
    ["evolve", "-p", "TFT", "ALLD", "--repetitions", "1000000000000"],
    ["fingerprint", "TFT", "--step", "1e-9"],
    ["fingerprint", "TFT", "--turns", "10000000000"],
    ["fingerprint", "TFT", "--repetitions", "10000000000"],
    ["fingerprint", "TFT", "--transitive", "--turns", "10000000", "--repetitions", "1000000"],
]
OUTPUT_PATHS = [
    ["-o", "/dev/full/x.csv"],
    ["-o", "/dev/full"],
    ["-o", "out.txt"],
    ["-o", "."],
    ["-o", "/proc/x.csv"],
    ["-o", "x" * 300 + ".csv"],
    ["-o", "/dev/full/a/b/c.json"],
    ["--report", "x.txt"],
    ["--report", "/dev/full/x.html"],
    ["--report", "/proc/x.html"],
    ["--report", "."],
]


def _cli_cases() -> list[tuple[list[str], str]]:
    cases: list[tuple[list[str], str]] = []
    tiny = ["--turns", "3", "--repetitions", "1"]
    for flag in ("--noise", "--prob-end"):
        for v in BAD_RATES:
            cases.append((["run", "-p", "TFT", f"{flag}={v}"], USAGE))
            cases.append((["match", "TFT", "Grudger", f"{flag}={v}"], USAGE))
    for flag in ("--turns", "--repetitions"):
        for v in BAD_COUNTS:
            cases.append((["run", "-p", "TFT", f"{flag}={v}"], USAGE))
    for v in BAD_COUNTS:
        cases.append((["match", "TFT", "Grudger", f"--turns={v}"], USAGE))
        cases.append((["fingerprint", "TFT", f"--turns={v}"], USAGE))
        cases.append((["fingerprint", "TFT", f"--repetitions={v}"], USAGE))
    for v in ["-1", "18446744073709551616", "1.5", "abc", "1e30"]:
        for cmd in (["run", "-p", "TFT"], ["match", "TFT", "TFT"], ["evolve", "-p", "TFT", "ALLD"]):
            cases.append(([*cmd, f"--seed={v}"], USAGE))
    for p in BAD_PLAYERS:
        cases.append((["run", "-p", "TFT", p], USAGE))
        cases.append((["match", p, "TFT"], USAGE))
        cases.append((["fingerprint", p], USAGE))
    for g in BAD_GAMES:
        for cmd in (["run", "-p", "TFT"], ["match", "TFT", "TFT"], ["game"], ["evolve", "-p", "TFT", "ALLD"]):
            cases.append(([*cmd, f"--game={g}"], USAGE))
    cases += [(argv, USAGE) for argv in HUGE_RUNS]
    for out in OUTPUT_PATHS:
        cases.append((["run", "-p", "TFT", "Grudger", *tiny, *out], USAGE))
    for plot in ["/dev/full/x.png", "x.txt", "x", "/proc/x.png", "."]:
        cases.append((["evolve", "-p", "TFT", "ALLD", "--turns", "3", "--runs", "2", "--plot", plot], USAGE))
        cases.append((["fingerprint", "TFT", "--turns", "2", "--repetitions", "1", "--plot", plot], USAGE))
    for report in ["x.txt", "/proc/x.html", "/dev/full/x.html"]:
        cases.append((["evolve", "-p", "TFT", "ALLD", "--turns", "3", "--runs", "2", "--report", report], USAGE))
        cases.append((["demo", "echo", "--quick", "--report", report], USAGE))
    cases += [
        (["demo", "echo", "--quick", "--out", "/dev/full"], USAGE),
        (["demo", "echo", "--quick", "--out", "/proc/x"], USAGE),
        (["demo", "bogus"], USAGE),
        (["demo", "echo", "--seed", "-1"], USAGE),
    ]
    for v in ["nan", "2", "-1", "inf", "abc"]:
        cases.append((["run", "-p", "TFT", "Grudger", "--s", v], USAGE))
        cases.append((["game", "--s", v], USAGE))
        cases.append((["run", "-p", "TFT", "Grudger", "--multilateral", "--observation", v], USAGE))
        cases.append((["run", "-p", "TFT", "Grudger", "--multilateral", "--secretariat", v], USAGE))
        cases.append((["evolve", "-p", "TFT", "ALLD", "--mutation", v], USAGE))
        cases.append((["evolve", "-p", "TFT", "ALLD", "--intensity", v if v != "2" else "0"], USAGE))
        cases.append((["fingerprint", "TFT", "--step", v if v != "2" else "0"], USAGE))
        cases.append((["fingerprint", "TFT", "--noise", v], USAGE))
    for v in ["1e308", "nan", "inf", "-1e308", "abc"]:
        cases.append((["game", "--k", v], USAGE))
        cases.append((["game", "--theta", v, "--s", "1", "--k", "0.1"], USAGE))
        cases.append((["game", "--sensitivity", v, "--k", "0.5", "--s", "1"], USAGE))
    for v in ["-1", "nan", "abc"]:
        cases.append((["game", "--kappa", v], USAGE))
        cases.append((["game", "--rho", v], USAGE))
    cases += [
        (["run", "-p", "TFT", "Grudger", "--profile", "bogus"], USAGE),
        (["run", "-p", "TFT", "Grudger", "--rank-by", "bogus"], USAGE),
        (["run", "-p", "TFT", "--multilateral"], USAGE),
        (["run", "-p", "TFT", "Grudger", "--multilateral", "--club", "a=TFT", "--club", "a=Grudger"], USAGE),
        (["run", "-p", "TFT", "Grudger", "--multilateral", "--club", "=TFT"], USAGE),
        (["run", "-p", "TFT", "Grudger", "--multilateral", "--club", "a="], USAGE),
        (["run", "-p", "TFT", "Grudger", "--multilateral", "--club", "a=5"], USAGE),
        (["run", "-p", "TFT", "Grudger", "--multilateral", "--secretariat-club", "nope"], USAGE),
        (["run", "-p", "TFT", "Grudger", "--observation", "0.5"], USAGE),
        (["run", "nonexistent.toml"], USAGE),
        (["run", "/dev/null"], USAGE),
        (["run", "."], USAGE),
        (["run", "--plugin", "nonexistent.py", "-p", "TFT"], USAGE),
        (["run", "--plugin", "/etc/hostname", "-p", "TFT"], USAGE),
        (["run", "--bogus"], USAGE),
        ([], USAGE),
        (["bogus"], USAGE),
        (["match", "TFT"], USAGE),
        (["game", "--preset", "bogus"], USAGE),
        (["game", "--sensitivity", "1"], USAGE),
        (["evolve"], USAGE),
        (["evolve", "nonexistent.toml"], USAGE),
        (["evolve", "-p", "TFT"], USAGE),
        (["evolve", "-p", "TFT", "TFT"], USAGE),
        (["evolve", "-p", "TFT", "ALLD", "--population", "1"], USAGE),
        (["evolve", "-p", "TFT", "ALLD", "--runs", "0"], USAGE),
        (["evolve", "-p", "TFT", "ALLD", "--generations", "0"], USAGE),
        (["evolve", "-p", "TFT", "ALLD", "--graph", "bogus"], USAGE),
        (["evolve", "-p", "TFT", "ALLD", "--graph", "grid:0x0"], USAGE),
        (["evolve", "-p", "TFT", "ALLD", "--graph", "grid:1x1"], USAGE),
        (["evolve", "-p", "TFT", "ALLD", "--graph", "edgelist:nonexistent.txt"], USAGE),
        (["evolve", "-p", "TFT", "ALLD", "--initial", "1,2,3"], USAGE),
        (["evolve", "-p", "TFT", "ALLD", "--initial", "a,b"], USAGE),
        (["evolve", "-p", "TFT", "ALLD", "--initial", "0,0"], USAGE),
        (["evolve", "-p", "TFT", "ALLD", "--method", "bogus"], USAGE),
        (["evolve", "-p", "TFT", "ALLD", "--method", "ecological", "--population", "5"], USAGE),
        (["evolve", "-p", "TFT", "ALLD", "--fitness", "bogus"], USAGE),
        (["evolve", "-p", "TFT", "ALLD", "--profile", "bogus"], USAGE),
        (["fingerprint", "TFT", "--probe", "bogus"], USAGE),
        (["fingerprint", "TFT", "--transitive", "--step", "0.1"], USAGE),
        (["sweep", "nonexistent.toml", "--out", "sw"], USAGE),
        (["sweep", "/dev/null", "--out", "sw"], USAGE),
        (["sweep", "spec.toml", "--out", "/dev/full"], USAGE),
        (["sweep", "spec.toml", "--out", "/proc/x"], USAGE),
        (["sweep", "spec.toml", "--out", "sw", "--workers", "0"], USAGE),
        (["sweep", "spec.toml", "--out", "sw", "--numba-threads", "-1"], USAGE),
        (["sweep", "spec.toml"], USAGE),
        (["verify", "nonexistent"], USAGE),
        (["verify", "/dev/null"], USAGE),
        (["verify", ".", "--sample", "-1"], USAGE),
        (["report", "nonexistent", "--outcome", "x", "--x", "y"], USAGE),
        (["report", ".", "--outcome", "x", "--x", "y", "--plot", "x.txt"], USAGE),
        (["list", "--reciprocity", "bogus"], USAGE),
        (["list", "--max-memory", "-1"], USAGE),
        (["list", "--plugin", "nonexistent.py"], USAGE),
    ]
    # what works, quickly: tiny tournaments, the analysis commands and the lists
    cases += [
        (["run", "-p", "TFT", "Grudger", *tiny], WORKS),
        (["run", "-p", "TFT", "Grudger", "--prob-end", "1e-18", "--turns", "5", "--repetitions", "1"], WORKS),
        (["run", "-p", "TFT", "Grudger", "--prob-end", "1e-300", "--turns", "5", "--repetitions", "1"], WORKS),
        (["run", "-p", "TFT", "Grudger", "--prob-end", "5e-324", "--turns", "5", "--repetitions", "1"], WORKS),
        (["run", "-p", "TFT", "Grudger", "--turns", "1e1", "--repetitions", "1"], WORKS),
        (["run", "-p", "TFT", "Grudger", *tiny, "--game=1e90,0,2e90,1"], WORKS),
        (["run", "-p", "TFT", "Grudger", *tiny, "--game=1e99,0,1e99,1"], WORKS),
        (["run", "-p", "TFT", "Grudger", *tiny, "--s", "1", "--profile", "politician", "--game=1e99,0,2e99,1"], WORKS),
        (["run", "-p", "TFT", "Grudger", *tiny, "--game=1e-300,0,2e-300,1e-301"], WORKS),
        (["run", "-p", "TFT", "Grudger", *tiny, "-o", "sub/dir/out.csv"], WORKS),
        (["run", "-p", "GTFT(generosity=0.1)", "Random(p=0)", *tiny], WORKS),
        (["match", "TFT", "Grudger", "--prob-end", "1e-300", "--turns", "5"], WORKS),
        (["match", "TFT", "Grudger", "--prob-end", "1", "--turns", "5"], WORKS),
        (["match", "TFT", "Grudger", "--noise", "1", "--turns", "3"], WORKS),
        (["game"], WORKS),
        (["game", "--k", "0.5", "--preset", "politician", "--s", "1"], WORKS),
        (["game", "--game=1e90,-1e90,1e90,1", "--k", "0.5"], WORKS),
        (["game", "--game=3,0,5,1", "--k", "1"], WORKS),
        (["list"], WORKS),
        (["list", "--stochastic", "--max-memory", "1"], WORKS),
        (["demo"], WORKS),
    ]
    return cases


CLI_CASES = _cli_cases()

SPEC_OK = """
[tournament]
players = ["TFT", "Grudger"]
turns = 3
repetitions = 1
[sweep]
seed = 1
[sweep.grid]
"tournament.noise" = [0, 0.1]
"""


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "spec.toml").write_text(SPEC_OK)
    return tmp_path


def _assert_outcome(code, out, err, outcome, what):
    assert "Traceback" not in err and not NUMBA_TEXT.search(err), f"{what}: {err}"
    if outcome == USAGE:
        lines = [line for line in err.splitlines() if line.strip()]
        assert code == 2, f"{what}: exit {code}, stderr {err!r}"
        assert len(lines) == 1 and lines[0].startswith("cooptourney: error: "), f"{what}: {err!r}"
        assert out == "", f"{what}: printed before refusing: {out[:200]!r}"
    else:
        assert code == 0, f"{what}: exit {code}, stderr {err!r}"
        # (`list` shows the memory depth of strategies that read the whole history as inf)
        assert what[:1] == ["list"] or not NAN_OR_INF.search(out), f"{what}: NaN or infinity in {out!r}"


@pytest.mark.parametrize(("argv", "outcome"), CLI_CASES, ids=[" ".join(a)[:80] or "(none)" for a, _ in CLI_CASES])
def test_command_line(argv, outcome, workdir, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    _assert_outcome(code, out, err, outcome, argv)


# -- TOML configs -------------------------------------------------------------------------------
TOML_CASES: list[tuple[str, str]] = [
    ("[tournament]\nturns = 'abc'", USAGE),
    ("[tournament]\nturns = 1e13", USAGE),
    ("[tournament]\nturns = 1.5", USAGE),
    ("[tournament]\nturns = true", USAGE),
    ("[tournament]\nturns = 0", USAGE),
    ("[tournament]\nturns = -3", USAGE),
    ("[tournament]\nturns = nan", USAGE),
    ("[tournament]\nturns = inf", USAGE),
    ("[tournament]\nturns = 9223372036854775807", USAGE),
    ("[tournament]\nprob_end = nan", USAGE),
    ("[tournament]\nprob_end = inf", USAGE),
    ("[tournament]\nprob_end = -0.5", USAGE),
    ("[tournament]\nprob_end = 1e-12", USAGE),
    ("[tournament]\nprob_end = 5e-324", USAGE),
    ("[tournament]\nprob_end = 'x'", USAGE),
    ("[tournament]\nnoise = nan", USAGE),
    ("[tournament]\nnoise = 1.01", USAGE),
    ("[tournament]\nnoise = [0.1]", USAGE),
    ("[tournament]\nrepetitions = 1e12", USAGE),
    ("[tournament]\nrepetitions = 0", USAGE),
    ("[tournament]\nseed = -1", USAGE),
    ("[tournament]\nseed = 1.5", USAGE),
    ("[tournament]\nseed = 'x'", USAGE),
    ("[tournament]\nseed = 18446744073709551616.0", USAGE),
    ("[tournament]\nplayers = []", USAGE),
    ("[tournament]\nplayers = 'TFT'", USAGE),
    ("[tournament]\nplayers = [1]", USAGE),
    ("[tournament]\nplayers = [{ name = 1 }]", USAGE),
    ("[tournament]\nplayers = [{ p = 0.5 }]", USAGE),
    ("[tournament]\nplayers = [{ name = 'Random', p = nan }]", USAGE),
    ("[tournament]\nplayers = [{ name = 'Random', p = 2 }]", USAGE),
    ("[tournament]\nplayers = [{ name = 'Random', q = 0.5 }]", USAGE),
    ("[tournament]\nplayers = ['GTFT(generosity=0.1,generosity=0.2)']", USAGE),
    ("[tournament]\nplayers = [[1, 2]]", USAGE),
    ("[tournament]\ngame = [1e308, 0, 1e308, 1]", USAGE),
    ("[tournament]\ngame = [nan, 0, 5, 1]", USAGE),
    ("[tournament]\ngame = [1, 2, 3]", USAGE),
    ("[tournament]\ngame = { R = 3, S = 0, T = 5 }", USAGE),
    ("[tournament]\ngame = { R = 3, S = 0, T = 5, P = 1, Q = 2 }", USAGE),
    ("[tournament]\ngame = 'x'", USAGE),
    ("[tournament]\ngame = 5", USAGE),
    ("[tournament]\ngame = [1e101, 0, 1e99, 1]", USAGE),
    ("[tournament]\nmode = 'bogus'", USAGE),
    ("[tournament]\nturn = 3", USAGE),
    ("[tournamnt]\nturns = 3", USAGE),
    ("turns = 3", USAGE),
    ("[tournament]\nturns = ", USAGE),
    ("[tournament", USAGE),
    ("\x00\x01\x02", USAGE),
    ("[output]\nfile = '/dev/full/x.csv'", USAGE),
    ("[output]\nfile = 'x.txt'", USAGE),
    ("[output]\nfile = 3", USAGE),
    ("[output]\nfile = ''", USAGE),
    ("[output]\nrank_by = 'bogus'", USAGE),
    ("[plugins]\nfiles = ['nonexistent.py']", USAGE),
    ("[plugins]\nfiles = 3", USAGE),
    ("[politics]\ns = nan", USAGE),
    ("[politics]\ns = 2", USAGE),
    ("[politics]\ntheta = -1", USAGE),
    ("[politics]\ntheta = inf", USAGE),
    ("[politics]\nkappa = 'x'", USAGE),
    ("[politics]\nprofile = { k = 1e308 }", USAGE),
    ("[politics]\nprofile = { k = nan }", USAGE),
    ("[politics]\nprofile = { k = 1e100 }", USAGE),
    ("[politics]\nprofile = { term = -1 }", USAGE),
    ("[politics]\nprofile = { term = 1.5 }", USAGE),
    ("[politics]\nprofile = { reelection = 2 }", USAGE),
    ("[politics]\nprofile = { bogus = 1 }", USAGE),
    ("[politics]\nprofile = 'bogus'", USAGE),
    ("[politics]\nprofile = 3", USAGE),
    ("[politics]\nprofiles = ['neutral']", USAGE),
    ("[politics]\nprofiles = 'neutral'", USAGE),
    ("[politics]\nprofile = 'neutral'\nprofiles = ['neutral', 'neutral']", USAGE),
    ("[politics]\ns = 1\ntheta = 1e308\nprofile = { k = 0.1 }", USAGE),
    ("[multilateral]\nobservation = 0.5", USAGE),
    ("[tournament]\nmode = 'multilateral'\n[multilateral]\nobservation = nan", USAGE),
    ("[tournament]\nmode = 'multilateral'\n[multilateral]\nclubs = 3", USAGE),
    ("[tournament]\nmode = 'multilateral'\n[multilateral]\nclubs = { a = ['Nobody'] }", USAGE),
    ("[tournament]\nmode = 'multilateral'\n[multilateral]\nclubs = { a = [] }", USAGE),
    ("[tournament]\nmode = 'multilateral'\n[multilateral]\nclubs = { a = [7] }", USAGE),
    ("[tournament]\nmode = 'multilateral'\n[multilateral]\nself_play = 'yes'", USAGE),
    ("[tournament]\nmode = 'multilateral'\n[multilateral]\nsecretariat_clubs = ['x']", USAGE),
    ("", WORKS),
    ("[tournament]\nplayers = ['TFT', { name = 'Random', p = 0.5 }]\nturns = 3\nrepetitions = 1", WORKS),
    ("[tournament]\nplayers = ['TFT', 'Grudger']\nprob_end = 1e-300\nturns = 4\nrepetitions = 1", WORKS),
    ("[tournament]\nplayers = ['TFT', 'Grudger']\nturns = 3e0\nrepetitions = 1\n[output]\nfile = 'o.json'", WORKS),
]


def _toml_case(text: str) -> str:
    # a config without players or length plays the default field: keep every case tiny
    if "players" not in text and "[tournament]" not in text and text.strip():
        return "[tournament]\nplayers = ['TFT', 'Grudger']\nturns = 3\nrepetitions = 1\n" + text
    if "players" not in text and "[tournament]" in text:
        return text.replace("[tournament]", "[tournament]\nplayers = ['TFT', 'Grudger']", 1)
    if not text.strip():
        return "[tournament]\nplayers = ['TFT']\nturns = 2\nrepetitions = 1\n"
    return text


@pytest.mark.parametrize(("text", "outcome"), TOML_CASES, ids=[t[:60] for t, _ in TOML_CASES])
def test_config_file(text, outcome, workdir, capsys):
    path = workdir / "run.toml"
    path.write_bytes(_toml_case(text).encode("utf-8", "surrogateescape"))
    code = main(["run", str(path), "--no-progress"])
    out, err = capsys.readouterr()
    _assert_outcome(code, out, err, outcome, text)


# -- sweep specs --------------------------------------------------------------------------------
def _spec(**sweep_extra) -> dict:
    raw = {
        "tournament": {"players": ["TFT", "Grudger"], "turns": 3, "repetitions": 1},
        "sweep": {"seed": 1, "grid": {"tournament.noise": [0, 0.1]}},
    }
    for key, value in sweep_extra.items():
        section, _, name = key.partition("__")
        raw.setdefault(section, {})[name] = value
    return raw


SPEC_CASES: list[tuple[dict, str]] = [
    (_spec(sweep__random={"samples": 100_000_000, "politics.s": {"uniform": [0, 1]}}), REFUSED),
    (_spec(sweep__random={"samples": 0, "politics.s": {"uniform": [0, 1]}}), REFUSED),
    (_spec(sweep__random={"samples": 1.5, "politics.s": {"uniform": [0, 1]}}), REFUSED),
    (_spec(sweep__random={"politics.s": {"uniform": [0, 1]}}), REFUSED),
    (_spec(sweep__random={"samples": 2, "politics.s": {"uniform": [1, 0]}}), REFUSED),
    (_spec(sweep__random={"samples": 2, "politics.s": {"uniform": [0, 2]}}), REFUSED),
    (_spec(sweep__random={"samples": 2, "politics.s": {"normal": [0, 1]}}), REFUSED),
    (_spec(sweep__random={"samples": 2, "tournament.prob_end": {"loguniform": [0, 1]}}), REFUSED),
    (_spec(sweep__random={"samples": 2, "tournament.prob_end": {"loguniform": [1e-300, 1]}}), OK),
    (_spec(sweep__random={"samples": 2, "tournament.turns": {"randint": [1, 10**20]}}), REFUSED),
    (_spec(sweep__random={"samples": 2, "tournament.turns": {"uniform": [1, 10]}}), REFUSED),
    (_spec(sweep__random={"samples": 2, "tournament.players": {"uniform": [1, 10]}}), REFUSED),
    (_spec(sweep__random={"samples": 2, "politics.s": {"choice": []}}), REFUSED),
    (_spec(sweep__grid={"tournament.noise": [float("nan")]}), REFUSED),
    (_spec(sweep__grid={"tournament.noise": []}), REFUSED),
    (_spec(sweep__grid={"tournament.noise": [0, 0]}), REFUSED),
    (_spec(sweep__grid={"tournament.noise": ["x"]}), REFUSED),
    (_spec(sweep__grid={"tournament.noise": 0.1}), REFUSED),
    (_spec(sweep__grid={"tournament.turns": [3, 10**13]}), REFUSED),
    (_spec(sweep__grid={"tournament.turns": [0]}), REFUSED),
    (_spec(sweep__grid={"tournament.prob_end": [1e-12]}), OK),
    (_spec(sweep__grid={"tournament.prob_end": [1e-12]}, tournament__turns=10**12), REFUSED),
    (_spec(sweep__grid={"tournament.repetitions": [10**12]}), REFUSED),
    (_spec(sweep__grid={"tournament.game": [[3, 0, 5, 1], [1e308, 0, 1e308, 1]]}), REFUSED),
    (_spec(sweep__grid={"tournament.game": [[1e99, 0, 1e99, 1]]}), OK),
    (_spec(sweep__grid={"tournament.players": ["TFT"]}), REFUSED),
    (_spec(sweep__grid={"tournament.players": [["Nobody"]]}), REFUSED),
    (_spec(sweep__grid={"tournament.seed": [1, 2]}), REFUSED),
    (_spec(sweep__grid={"bogus.path": [1]}), REFUSED),
    (_spec(sweep__grid={"politics.profile.k": [1e308]}), REFUSED),
    (_spec(sweep__grid={"politics.profile.term": [-1]}), REFUSED),
    (
        _spec(
            sweep__grid={
                "tournament.noise": [i / 10**6 for i in range(400)],
                "politics.s": [i / 400 for i in range(400)],
            }
        ),
        REFUSED,
    ),
    (_spec(sweep__seed=-1), REFUSED),
    (_spec(sweep__seed="x"), REFUSED),
    (_spec(sweep__bogus=1), REFUSED),
    (_spec(tournament__seed=3), REFUSED),
    (_spec(tournament__bogus=3), REFUSED),
    (_spec(output__file="x.csv"), REFUSED),
    (_spec(plugins__files=["nonexistent.py"]), REFUSED),
    (_spec(bogus__x=1), REFUSED),
    ({"tournament": {"players": ["TFT"]}}, REFUSED),
    ({"sweep": 3}, REFUSED),
    (_spec(), OK),
    (_spec(sweep__grid={"tournament.prob_end": [1e-300], "tournament.turns": [3]}), OK),
    (_spec(sweep__random={"samples": 3, "politics.s": {"uniform": [0, 1]}}), OK),
]


@pytest.mark.parametrize(("raw", "outcome"), SPEC_CASES, ids=[str(r.get("sweep"))[:60] for r, _ in SPEC_CASES])
def test_sweep_spec(raw, outcome, workdir):
    _api_outcome(lambda: spec_from_dict(raw, origin="spec.toml", base_dir=workdir).tasks, outcome, raw)


# -- the Python API -----------------------------------------------------------------------------
def _t(**kw):
    kw.setdefault("players", ["TFT", "Grudger"])
    kw.setdefault("turns", 3)
    kw.setdefault("repetitions", 1)
    return lambda: Tournament(**kw)


def _m(**kw):
    kw.setdefault("players", ("TFT", "Grudger"))
    kw.setdefault("turns", 3)
    return lambda: Match(**kw)


class _Weird:
    def __repr__(self):
        return "<weird>"


API_CASES: list[tuple[str, object, str]] = []
for _v in [float("nan"), float("inf"), -0.1, 1.5, "0.1", None, [0.1], _Weird(), True, np.array([0.1])]:
    if _v is None:
        continue
    API_CASES += [
        (f"Tournament noise={_v!r}", _t(noise=_v), REFUSED),
        (f"Tournament prob_end={_v!r}", _t(prob_end=_v), REFUSED),
        (f"Match noise={_v!r}", _m(noise=_v), REFUSED),
        (f"Match prob_end={_v!r}", _m(prob_end=_v), REFUSED),
    ]
for _v in [0, -1, 1.5, "3", float("nan"), float("inf"), 10**20, 2**63, True, [3], _Weird()]:
    API_CASES += [
        (f"Tournament turns={_v!r}", _t(turns=_v), REFUSED),
        (f"Tournament repetitions={_v!r}", _t(repetitions=_v), REFUSED),
        (f"Match turns={_v!r}", _m(turns=_v), REFUSED),
    ]
for _v in [-1, 2**64, 1.5, "1", float("nan"), True, _Weird()]:
    API_CASES += [(f"Tournament seed={_v!r}", _t(seed=_v), REFUSED), (f"Match seed={_v!r}", _m(seed=_v), REFUSED)]
for _v in ["politician", 5, object(), {"k": 1}, Transformer(("neutral",) * 3), Transformer(ActorProfile(k=1e100))]:
    API_CASES += [
        (f"Tournament transformer={_v!r:.40}", _t(transformer=_v), REFUSED),
        (f"Match transformer={_v!r:.40}", _m(transformer=_v), REFUSED),
        (
            f"Multilateral transformer={_v!r:.40}",
            lambda v=_v: MultilateralTournament(["TFT", "Grudger"], turns=3, transformer=v),
            REFUSED,
        ),
    ]
for _v in [5, None, 3.5, ["TFT"], b"TFT", _Weird()]:
    API_CASES += [(f"Player({_v!r})", lambda v=_v: Player(v), REFUSED)]
    API_CASES += [(f"Player.parse({_v!r})", lambda v=_v: Player.parse(v), REFUSED)]
for _text in BAD_PLAYERS:
    API_CASES += [(f"Player.parse({_text!r})", lambda t=_text: Player.parse(t), REFUSED)]
for _g in [
    (float("nan"), 0, 5, 1),
    (float("inf"), 0, 5, 1),
    (1, 1, 1, 1),
    (1e308, 0, 1e308, 1),
    (10**400, 0, 5, 1),
    ("a", 0, 5, 1),
    (None, 0, 5, 1),
]:
    API_CASES += [(f"Game{_g!r:.40}", lambda g=_g: Game(*g), REFUSED)]
    outcome = OK if _g == (1, 1, 1, 1) else REFUSED  # an indifferent actor is allowed there
    API_CASES += [(f"perceived_payoffs{_g!r:.40}", lambda g=_g: perceived_payoffs(g, "neutral"), outcome)]
API_CASES += [
    ("Tournament game=(3,0,5,1)", _t(game=(3, 0, 5, 1)), REFUSED),
    ("Tournament game=1e99", lambda: _t(game=Game(1e99, 0, 1e99, 1))().play(), OK),
    ("Tournament players='TFT'", _t(players="TFT"), REFUSED),
    ("Tournament players=[]", _t(players=[]), REFUSED),
    ("Tournament players=[5]", _t(players=[5]), REFUSED),
    ("Tournament prob_end=1e-12 uncapped", _t(prob_end=1e-12, turns=None), REFUSED),
    ("Tournament turns=2**40", _t(turns=2**40), REFUSED),
    ("Tournament repetitions=10**9", _t(repetitions=10**9), REFUSED),
    ("Match three players", _m(players=("TFT", "TFT", "TFT")), REFUSED),
    ("Match flips wrong shape", _m(flips=np.zeros((3, 3))), REFUSED),
    ("Match flips of 2", _m(flips=np.full((2, 3), 2)), REFUSED),
    ("Match repetition=-1", _m(repetition=-1), REFUSED),
    ("Match prob_end=1e-300 uncapped", _m(prob_end=1e-300, turns=None), REFUSED),
    ("Player.sequence('CXD')", lambda: Player.sequence("CXD"), REFUSED),
    ("Player.sequence([2, 0])", lambda: Player.sequence([2, 0]), REFUSED),
    ("Player.sequence(5)", lambda: Player.sequence(5), REFUSED),
    ("Player GTFT generosity=10**400", lambda: Player("GTFT", generosity=10**400), REFUSED),
    ("ActorProfile k=nan", lambda: ActorProfile(k=float("nan")), REFUSED),
    ("ActorProfile term=1.5", lambda: ActorProfile(term=1.5), REFUSED),
    ("ActorProfile reelection=2", lambda: ActorProfile(reelection=2), REFUSED),
    ("Politicization s=2", lambda: Politicization(s=2), REFUSED),
    ("Politicization theta=inf", lambda: Politicization(theta=float("inf")), REFUSED),
    ("Transformer profiles=[]", lambda: Transformer([]), REFUSED),
    ("Transformer profiles=5", lambda: Transformer(5), REFUSED),
    ("Transformer politicization=1", lambda: Transformer("neutral", 1), REFUSED),
    ("perceived k=1e308", lambda: perceived_payoffs(Game(), ActorProfile(k=1e308)), REFUSED),
    ("load_config turns=1e13", lambda: load_config(None, {"players": ["TFT"], "turns": 1e13}).tournament(), REFUSED),
    ("load_config bogus key", lambda: load_config(None, {"bogus": 1}), REFUSED),
    ("Multilateral one player", lambda: MultilateralTournament(["TFT"], turns=3), REFUSED),
    ("Multilateral turns=1e13", lambda: MultilateralTournament(["TFT", "Grudger"], turns=10**13), REFUSED),
    (
        "Tournament record_moves tiny prob_end",
        lambda: Tournament(["TFT"], prob_end=1e-300, turns=5, repetitions=1, record_moves=True).play(),
        OK,
    ),
    ("Match prob_end=5e-324 capped", lambda: Match(("TFT", "Grudger"), prob_end=5e-324, turns=4).play(), OK),
    (
        "Tournament numpy scalars",
        lambda: Tournament(["TFT"], turns=np.int64(3), noise=np.float64(0.1), repetitions=np.int32(1)).play(),
        OK,
    ),
    ("Player.parse spaced", lambda: Player.parse(" GTFT ( generosity = 0.2 ) "), OK),
    ("Game tiny payoffs", lambda: Game(1e-300, 0, 2e-300, 1e-301), OK),
    ("Game 1e100", lambda: Game(1e100, 0, 1e100, 1), OK),
]


def _cooptourney_frame(exc: BaseException) -> bool:
    frames = traceback.extract_tb(exc.__traceback__)
    return bool(frames) and "cooptourney" in frames[-1].filename.replace("\\", "/").split("/tests/")[0]


def _finite(value) -> bool:
    arrays = []
    if hasattr(value, "score_matrix"):
        arrays = [value.score_matrix, value.utility_matrix, value.payoff_matrix]
    elif isinstance(value, list) and value and isinstance(value[0], tuple):
        return True
    elif isinstance(value, (int, float, np.ndarray)):
        arrays = [np.asarray(value, dtype=float)]
    return all(np.isfinite(a).all() for a in arrays)


def _api_outcome(call, outcome, what):
    if outcome == OK:
        assert _finite(call()), f"{what}: NaN or infinity in the result"
        return
    with pytest.raises((ValueError, TypeError, LookupError)) as info:
        call()
    exc = info.value
    assert "\n" not in str(exc).strip() and str(exc).strip(), f"{what}: {exc!r}"
    assert not type(exc).__module__.startswith(("numba", "numpy")), f"{what}: {exc!r}"
    assert _cooptourney_frame(exc), f"{what}: raised outside cooptourney: {traceback.format_exception(exc)[-2:]}"


# ids without memory addresses ("<object object at 0x...>"), so every pytest-xdist worker
# collects the same names
@pytest.mark.parametrize(
    ("what", "call", "outcome"), API_CASES, ids=[re.sub(r" at 0x[0-9a-f]+", "", w)[:70] for w, _, _ in API_CASES]
)
def test_python_api(what, call, outcome):
    _api_outcome(call, outcome, what)


def test_the_corpus_is_large():
    """The examination tried 417 inputs; this corpus holds more, in every outcome class."""
    counts = {}
    for _, outcome in CLI_CASES + TOML_CASES:
        counts[outcome] = counts.get(outcome, 0) + 1
    for *_, outcome in SPEC_CASES + API_CASES:
        counts[outcome] = counts.get(outcome, 0) + 1
    assert sum(counts.values()) >= 400, counts
    assert all(counts.get(k, 0) >= 10 for k in (USAGE, WORKS, REFUSED, OK)) or counts.get(OK, 0) >= 5, counts
