"""Teaching demos, plots and the self-contained HTML report (cooptourney.demos, plots, report)."""

import math
import re
import subprocess
from pathlib import Path

import numpy as np
import pytest

from cooptourney.cli import main
from cooptourney.demos import DEMOS, run_demo

AVAILABLE = [name for name, d in DEMOS.items() if d.run is not None]


@pytest.fixture(scope="module")
def quick_results(tmp_path_factory):
    out = tmp_path_factory.mktemp("demos")
    results = {name: run_demo(name, quick=True, seed=0, out=out) for name in AVAILABLE}
    yield out, results
    for r in results.values():
        r.close()


@pytest.mark.parametrize("name", AVAILABLE)
def test_narrative_numbers_come_from_the_run(quick_results, name):
    _, results = quick_results
    r = results[name]
    assert r.numbers, "a demo must report measured numbers"
    for key in r.numbers:
        assert r.formatted(key) in r.narrative, key
    # Every percentage and decimal in the text was formatted by Numbers (nothing canned).
    printed = set(re.findall(r"[+-]?\d+\.\d+%?|\d+%", r.narrative))
    known = {r.formatted(k) for k in r.numbers} | {s.lstrip("+-") for s in (r.formatted(k) for k in r.numbers)}
    settings_text = " ".join(str(v) for v in r.settings.values())
    stray = {p for p in printed if p not in known and p.lstrip("+-") not in known and p not in settings_text}
    # the few parameter values quoted from the model (presets, knobs) are settings, not results
    allowed = {"0.5", "0.1", "0.2", "0.3", "0.02", "0.01", "0.05"}
    assert stray <= allowed, stray


def test_echo_feud_and_recovery(quick_results):
    _, results = quick_results
    r = results["echo"]
    table = r.tables["echo"].set_index("pair")
    tft = table.loc["Tit For Tat vs itself"]
    turns, flip = r.settings["turns"], r.settings["flip_turn"]
    assert tft.feud_length > (turns - flip) * 0.8  # the echo lasts the rest of the match
    assert tft.recovered_share == 0
    assert r.numbers["tft_feud"] == tft.feud_length
    for pair in ("Generous Tit For Tat vs itself", "Contrite Tit For Tat (standing) vs itself"):
        row = table.loc[pair]
        assert row.recovered_share >= 0.8, pair
        assert row.feud_length < 10, pair
    assert table.loc["Contrite Tit For Tat (standing) vs itself"].recovery_time == 2
    assert r.numbers["ctft_recovered"] == 1.0


def test_gears_trace_has_the_expected_gears(quick_results):
    _, results = quick_results
    r = results["gears"]
    gear = r.data["gear"]
    seen = set(np.unique(gear).astype(int))
    assert {1, -1} <= seen and max(seen) >= 2
    # reverse comes only after the exploitation starts, and is left after amends
    script = r.settings["partner"]
    first_d = script.index("D")
    rev = np.flatnonzero(gear == -1)
    assert rev[0] > first_d and gear[-1] >= 2
    assert r.numbers["reverse_turn"] == rev[0] + 1
    assert r.numbers["top_gear"] == gear.max()


def test_axelrod_numbers_match_the_results(quick_results):
    _, results = quick_results
    r = results["axelrod-1980"]
    res = r.data["results"]
    tft = res.players.index("Tit For Tat")
    assert math.isclose(r.numbers["tft_score"], res.scores_with_self_play[tft].mean() / 15)


def test_politicization_and_horizons_numbers(quick_results):
    _, results = quick_results
    t = results["politicization"].tables["cooperation and welfare by s"]
    brake = t[t["mode"].str.startswith("brake")]
    assert results["politicization"].numbers["brake_coop1"] == brake.cooperation.iloc[-1]
    assert brake.cooperation.iloc[-1] < brake.cooperation.iloc[0]  # the brake brakes
    h = results["horizons"]
    tab = h.tables["by actors and memory"]
    pol = tab[tab.actors == "politicians"].set_index("memory")
    assert math.isclose(h.numbers["memory_worth"], pol.welfare[1.0] - pol.welfare[0.0])
    assert pol.restarts_per_match[0.0] > 0 and pol.restarts_per_match[1.0] == 0


def test_plots_are_png_files(quick_results):
    out, results = quick_results
    files = sorted(out.glob("*.png"))
    expected = {f"{r.name}-{stem}.png" for r in results.values() for stem in r.figures}
    assert expected == {f.name for f in files}
    for f in files:
        data = f.read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) > 10_000, f


def test_other_plot_functions(tmp_path):
    import pandas as pd

    from cooptourney import Tournament, plots

    r = Tournament(["Tit For Tat", "Defector", "Grudger"], turns=20, repetitions=2, seed=1,
                   record_moves=True).play()
    figs = {
        "heat": plots.payoff_heatmap(r),
        "coop": plots.cooperation_over_turns(r, pairs=[(0, 1), (0, 2)]),
        "shares": plots.shares_over_time(np.full((10, 3), 1 / 3), ["a", "b", "c"]),
        "sweep": plots.sweep_heatmap(pd.DataFrame([[1.0, 2.0], [3.0, np.nan]], index=pd.Index([0, 1], name="y"),
                                                  columns=pd.Index([0.1, 0.2], name="x"))),
    }
    for name, fig in figs.items():
        path = plots.save(fig, tmp_path / f"{name}.png")
        assert path.stat().st_size > 5_000
    with pytest.raises(ValueError):
        plots.shares_over_time(np.ones((3, 2)), ["a", "b", "c"])


def _check_report(path: Path):
    text = path.read_text(encoding="utf-8")
    assert text.count("data:image/png;base64,") >= 1
    for bad in ("http://", "https://", 'src="/', "<script", "<link"):
        assert bad not in text, bad
    return text


def test_cli_demo_report_is_self_contained(tmp_path, capsys):
    report = tmp_path / "echo.html"
    assert main(["demo", "echo", "--quick", "--out", str(tmp_path / "plots"), "--report", str(report),
                 "--seed", "3"]) == 0
    printed = capsys.readouterr().out
    assert "Tit For Tat" in printed and str(report) in printed
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == ["echo.html"]  # one file, no temporaries
    text = _check_report(report)
    from cooptourney import __version__

    assert f"cooptourney {__version__}" in text and "seed 3" in text
    assert (tmp_path / "plots" / "echo-cooperation.png").stat().st_size > 10_000


def test_cli_list_and_bad_names(capsys):
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    for name in DEMOS:
        assert name in out
    assert main(["demo", "gaers"]) == 2
    err = capsys.readouterr().err
    assert "unknown demo 'gaers'" in err and "'gears'" in err and len(err.strip().splitlines()) == 1
    assert main(["demo", "free-riders"]) == 2
    assert "planned" in capsys.readouterr().err
    assert main(["demo", "echo", "--report", "x.pdf"]) == 2


CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_report_renders_in_headless_chromium(tmp_path):
    from cooptourney.demos import run_demo

    r = run_demo("gears", quick=True)
    report = r.report(tmp_path / "gears.html")
    r.close()
    shot = tmp_path / "shot.png"
    proc = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
         f"--screenshot={shot}", "--window-size=1000,1400", report.as_uri()],
        capture_output=True, text=True, timeout=90,
    )
    assert shot.exists(), proc.stderr[-2000:]
    console_errors = [line for line in proc.stderr.splitlines() if "CONSOLE" in line and "ERROR" in line.upper()]
    assert not console_errors, console_errors
    import matplotlib.image as mpimg

    img = mpimg.imread(shot)[..., :3]
    assert img.std() > 0.02, "the screenshot is blank"
    assert (img.mean(axis=2) < 0.5).mean() > 0.001  # some dark pixels: text and plot lines
