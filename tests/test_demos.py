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
    for r in results.values():
        r.close()  # saved already; the Figure objects stay readable for the tests
    return out, results


@pytest.mark.parametrize("name", AVAILABLE)
def test_narrative_numbers_come_from_the_run(quick_results, name):
    _, results = quick_results
    r = results[name]
    assert r.numbers, "a demo must report measured numbers"
    for key in r.numbers:
        assert r.formatted(key) in r.narrative, key
    # Every percentage and decimal in the text was formatted by Numbers (nothing canned).
    printed = set(re.findall(r"[+-]?\d+\.\d+(?:e[+-]?\d+)?%?|\d+%", r.narrative))
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


def test_specific_vs_diffuse_states_a_contrast_only_where_its_interval_excludes_zero(quick_results):
    from cooptourney.reciprocity.effects import cliffs_delta

    _, results = quick_results
    r = results["specific-vs-diffuse"]
    text = " ".join(r.narrative.split())
    battery, places = r.data["battery"], r.data["positions"]
    for _, row in r.tables["families on the measured axes"].iterrows():
        m = row.measure
        low, high = row["95% low"], row["95% high"]
        assert r.numbers[f"{m}_delta_low"] == low and r.numbers[f"{m}_delta_high"] == high
        assert low <= row["Cliff's delta (diffuse > specific)"] <= high
        shown = low > 0 or high < 0
        assert (f"({m}):" in text) == shown, m
        assert (f"does not show the families apart on {m}" in text) == (not shown), m
    # the delta is P(diffuse > specific) - P(diffuse < specific), counted by hand
    means = battery.mean("tolerance")
    fam = {
        f: [float(means[k]) for k, p in enumerate(places) if p.tag == f and p.measured != "unconditional"]
        for f in ("specific", "diffuse")
    }
    pairs = [int(d > s) - int(d < s) for d in fam["diffuse"] for s in fam["specific"]]
    assert math.isclose(r.numbers["tolerance_delta"], sum(pairs) / len(pairs))
    assert math.isclose(cliffs_delta(fam["specific"], fam["diffuse"]), sum(pairs) / len(pairs))
    # the model's claim, even in the quick run: the diffuse family lets more stand, and escapes echoes
    assert r.numbers["tolerance_delta_low"] > 0 and r.numbers["echo_delta_high"] < 0
    assert "The diffuse family lets a larger imbalance stand" in text


def test_gears_population_shifts_follow_their_intervals(quick_results):
    from cooptourney.evolution import AdaptivePopulation

    _, results = quick_results
    r = results["gears"]
    st = r.settings
    pop = AdaptivePopulation(
        dict(st["population"]),
        rule=st["population_rule"],
        intensity=st["population_intensity"],
        exploration=st["population_exploration"],
        turns=st["population_turns"],
        noise=st["population_noise"],
        repetitions=st["population_repetitions"],
        seed=st["population_seed"],
    )
    up = pop.run(60, runs=st["runs"]).final_counts[:, 1] / 100 - 0.1
    assert math.isclose(r.numbers["up_shift"], up.mean())
    text = " ".join(r.narrative.split())
    assert ("Successful specific reciprocity shifted up" in text) == (r.numbers["up_shift_low"] > 0)
    shifted = r.numbers["down_specific_low"] > 0 and r.numbers["down_diffuse_high"] < 0
    assert ("The exploitation shock shifted it back down" in text) == shifted
    # the payoff differences the text gives are those of the matrix the actors were paid from
    np.testing.assert_allclose(r.data["round_robin"].payoff_matrix, r.data["payoff_matrix"])
    assert math.isclose(r.numbers["escape"], r.numbers["gtft_tft"] - r.numbers["tft_tft"])
    # under noise 0.05 the shifts are there even in the quick run
    assert r.numbers["up_shift_low"] > 0.5 and shifted


def test_horizons_verdict_follows_the_interval(quick_results):
    _, results = quick_results
    h = results["horizons"]
    text = " ".join(h.narrative.split())
    low, high = h.numbers["memory_worth_low"], h.numbers["memory_worth_high"]
    assert low <= h.numbers["memory_worth"] <= high
    assert ("Memory helped" in text) == (low > 0)
    assert ("Memory hurt" in text) == (high < 0)
    assert ("does not show that the secretariat's memory changes welfare" in text) == (low <= 0 <= high)


@pytest.mark.parametrize("name", ["specific-vs-diffuse", "gears", "horizons"])
def test_narratives_are_wrapped_and_keep_each_interval_on_one_line(quick_results, name):
    from cooptourney.demos.result import wrap

    _, results = quick_results
    r = results[name]
    for line in r.narrative.splitlines():
        assert len(line) <= 100, line
        assert line.count("[") == line.count("]"), line  # no interval broken across lines
    narrow = wrap(r.narrative, width=50)
    assert " ".join(narrow.split()) == " ".join(r.narrative.split())
    for line in narrow.splitlines():
        assert line.count("[") == line.count("]"), line
        assert len(line) <= 50 or " " not in line.strip() or "[" in line, line


def test_axelrod_numbers_match_the_results(quick_results):
    _, results = quick_results
    r = results["axelrod-1980"]
    res = r.data["results"]
    tft = res.players.index("Tit For Tat")
    assert math.isclose(r.numbers["tft_score"], res.scores_with_self_play[tft].mean() / 15)


def test_politicization_and_horizons_numbers(quick_results):
    _, results = quick_results
    r = results["politicization"]
    forces = r.data["forces"]
    assert r.numbers["brake_change"] == forces.loc["brake", "cooperation_change"]
    assert forces.loc["brake", "cooperation_change_high"] < 0  # the brake brakes
    assert forces.loc["accelerator", "cooperation_change_low"] > 0  # adaptive actors feel the accelerator
    assert r.numbers["s_star"] == r.data["optimum"].loc["cooperation", "s_star"]
    words = " ".join(r.narrative.split())  # wrapped to the terminal's width
    assert "perceived utility" in words and "material" in words
    h = results["horizons"]
    tab = h.tables["by actors and memory"]
    pol = tab[tab.actors == "politicians"].set_index("memory")
    assert math.isclose(h.numbers["memory_worth"], pol.welfare[1.0] - pol.welfare[0.0])
    assert pol.restarts_per_match[0.0] > 0 and pol.restarts_per_match[1.0] == 0


def test_free_riders_numbers_are_what_the_evolution_api_gives(quick_results):
    from cooptourney.demos.free_riders import FREE_RIDER_RESIDENTS
    from cooptourney.evolution import MoranProcess, ecological, fixation_probability

    _, results = quick_results
    r = results["free-riders"]
    st = r.settings
    table = r.tables["free riders by resident"].set_index("residents")
    assert list(table.index) == [label for label, _, _ in FREE_RIDER_RESIDENTS]
    N = st["population"]
    for label, resident, _ in FREE_RIDER_RESIDENTS:
        key = label.replace(" ", "_")
        mp = MoranProcess(
            {resident: N - 1, "Defector": 1},
            turns=st["turns"],
            noise=st["noise"],
            repetitions=st["pool_repetitions"],
            deterministic_payoffs=True,
            aggregate="mean",
            intensity=st["intensity"],
            seed=st["seed"],
        )
        A = mp.match_pool().mean_matrix
        row = table.loc[label]
        assert r.numbers[f"{key}_self"] == A[0, 0] == row.resident_vs_resident
        assert r.numbers[f"{key}_take"] == A[1, 0] == row.defector_vs_resident
        assert r.numbers[f"{key}_given"] == A[0, 1]
        eco = ecological(
            A,
            initial_shares=[1 - st["initial_defector_share"], st["initial_defector_share"]],
            generations=st["generations"],
        )
        assert r.numbers[f"{key}_final"] == eco.shares[-1, 1] == row.defector_share_final
        moran = mp.play(runs=st["runs"])
        assert r.numbers[f"{key}_fixations"] == moran.fixation_counts[1]
        assert r.numbers[f"{key}_p"] == moran.fixation_probabilities[1]
        exact = fixation_probability(A[::-1, ::-1], N, aggregate="mean", intensity=st["intensity"])
        assert r.numbers[f"{key}_exact"] == exact
        # the simulation agrees with the exact birth-death chain (4 standard errors)
        assert abs(moran.fixation_probabilities[1] - exact) < 4 * max(moran.fixation_standard_errors[1], 1 / st["runs"])
        # the plot of population shares is the ecological run
        fig = r.figures[f"shares-{label.replace(' ', '-')}"]
        line = fig.axes[0].get_lines()[1]
        assert np.array_equal(line.get_ydata(), eco.shares[:, 1])


def test_free_riders_forgiveness_moves_the_outcome_the_way_the_text_says(quick_results):
    _, results = quick_results
    r = results["free-riders"]
    t = r.tables["free riders by resident"].set_index("residents")
    u, f, v = t.loc["unforgiving"], t.loc["forgiving"], t.loc["very forgiving"]
    neutral = 1 / r.settings["population"]
    # forgiveness is what the free rider lives on: a larger take, a slower death, a likelier takeover
    assert u.defector_vs_resident < f.defector_vs_resident < v.defector_vs_resident
    assert u.fixation_exact < f.fixation_exact < neutral < v.fixation_exact
    assert u.defector_share_final < f.defector_share_final < 0.01 < 0.99 < v.defector_share_final
    assert u.generation_below_1pct <= f.generation_below_1pct
    # ... and the narrative says so, with those numbers
    text = " ".join(r.narrative.split())
    assert "letting debts fade raised the free rider's take" in text
    assert "raised its exact fixation probability" in text
    assert "they died out" in text and "the free riders took over" in text
    assert text.count("below the 0.050 of a neutral mutant") == 2
    assert text.count("above the 0.050 of a neutral mutant") == 1
    # invasion rule of the replicator dynamics: a rare Defector grows iff its take beats the residents' payoff
    assert v.defector_vs_resident > v.resident_vs_resident and f.defector_vs_resident < f.resident_vs_resident


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

    from cooptourney import Tournament
    from cooptourney.output import plots

    r = Tournament(["Tit For Tat", "Defector", "Grudger"], turns=20, repetitions=2, seed=1, record_moves=True).play()
    figs = {
        "heat": plots.payoff_heatmap(r),
        "coop": plots.cooperation_over_turns(r, pairs=[(0, 1), (0, 2)]),
        "shares": plots.shares_over_time(np.full((10, 3), 1 / 3), names=["a", "b", "c"]),
        "sweep": plots.sweep_heatmap(
            pd.DataFrame(
                [[1.0, 2.0], [3.0, np.nan]], index=pd.Index([0, 1], name="y"), columns=pd.Index([0.1, 0.2], name="x")
            )
        ),
    }
    for name, fig in figs.items():
        path = plots.save(fig, tmp_path / f"{name}.png")
        assert path.stat().st_size > 5_000
    with pytest.raises(ValueError):
        plots.shares_over_time(np.ones((3, 2)), names=["a", "b", "c"])


def _check_report(path: Path):
    text = path.read_text(encoding="utf-8")
    assert text.count("data:image/png;base64,") >= 1
    for bad in ("http://", "https://", 'src="/', "<script", "<link"):
        assert bad not in text, bad
    return text


def test_cli_demo_report_is_self_contained(tmp_path, capsys):
    report = tmp_path / "echo.html"
    assert (
        main(["demo", "echo", "--quick", "--out", str(tmp_path / "plots"), "--report", str(report), "--seed", "3"]) == 0
    )
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
    assert main(["demo", "echo", "--report", "x.pdf"]) == 2
    assert "--report needs an .html file name" in capsys.readouterr().err


def test_a_planned_demo_is_listed_but_refuses_to_run(capsys, monkeypatch):
    from cooptourney.demos import Demo

    monkeypatch.setitem(DEMOS, "future-demo", Demo("future-demo", "(planned) not written yet", None))
    assert main(["demo"]) == 0
    assert "future-demo" in capsys.readouterr().out
    assert main(["demo", "future-demo"]) == 2
    assert "planned" in capsys.readouterr().err


CHROMIUM = Path("/usr/bin/chromium")
NEEDS_CHROMIUM = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium; .ci/run installs it "
    "when apt-get is available)",
)
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-pipe",
    "--window-size=1000,1400",
    "--hide-scrollbars",
]


def render_in_chromium(url: str, timeout: float = 90.0) -> dict:
    """Open ``url`` in headless Chromium, driven over the DevTools protocol on a pipe (fds 3
    and 4; no extra package needed), and return what a reader would see and the browser
    would complain about.

    Returns a dict: ``problems`` (console errors and warnings, uncaught exceptions, failed
    or blocked loads, from the Runtime and Log domains), ``requests`` (every URL the page
    asked for), ``images`` ([complete, naturalWidth] per <img>) and ``png`` (a screenshot).
    """
    import base64
    import contextlib
    import json
    import os
    import select
    import tempfile
    import time

    to_chrome_r, to_chrome_w = os.pipe()
    from_chrome_r, from_chrome_w = os.pipe()

    def wire_pipes():  # in the child: the protocol pipe is fd 3 (in) and fd 4 (out)
        os.dup2(to_chrome_r, 3)
        os.dup2(from_chrome_w, 4)

    with tempfile.TemporaryDirectory() as profile:
        proc = subprocess.Popen(
            [str(CHROMIUM), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
            pass_fds=(3, 4),
            preexec_fn=wire_pipes,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        deadline = time.monotonic() + timeout
        buf, events, next_id = b"", [], [0]

        def read_message():
            nonlocal buf
            while b"\0" not in buf:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError("chromium did not answer in time")
                if select.select([from_chrome_r], [], [], left)[0]:
                    chunk = os.read(from_chrome_r, 1 << 20)
                    if not chunk:
                        raise RuntimeError("chromium closed the DevTools pipe")
                    buf += chunk
            raw, buf = buf.split(b"\0", 1)
            return json.loads(raw)

        def call(method, session=None, **params):
            next_id[0] += 1
            msg = {"id": next_id[0], "method": method, "params": params}
            if session:
                msg["sessionId"] = session
            os.write(to_chrome_w, json.dumps(msg).encode() + b"\0")
            while True:
                m = read_message()
                if m.get("id") == next_id[0]:
                    if "error" in m:
                        raise RuntimeError(f"{method}: {m['error']}")
                    return m.get("result", {})
                events.append(m)

        def wait_for(method):
            while not any(m.get("method") == method for m in events):
                events.append(read_message())

        try:
            target = call("Target.createTarget", url="about:blank")["targetId"]
            sid = call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
            for domain in ("Page", "Runtime", "Log", "Network"):
                call(f"{domain}.enable", sid)
            call("Page.navigate", sid, url=url)
            wait_for("Page.loadEventFired")
            images = call(
                "Runtime.evaluate",
                sid,
                returnByValue=True,
                expression=("Array.from(document.images).map(i => [i.complete, i.naturalWidth])"),
            )["result"]["value"]
            png = base64.b64decode(call("Page.captureScreenshot", sid, format="png")["data"])
        finally:
            with contextlib.suppress(Exception):  # the browser may already be gone
                call("Browser.close")
            os.close(to_chrome_w)
            os.close(from_chrome_r)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    problems, requests = [], []
    for m in events:
        method, p = m.get("method"), m.get("params", {})
        if method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "warning", "assert"):
            problems.append(
                f"console.{p['type']}: "
                + " ".join(str(a.get("value", a.get("description"))) for a in p.get("args", []))
            )
        elif method == "Runtime.exceptionThrown":
            problems.append(
                "uncaught: "
                + str(p["exceptionDetails"].get("exception", {}).get("description", p["exceptionDetails"].get("text")))
            )
        elif method == "Log.entryAdded" and p["entry"].get("level") in ("error", "warning"):
            problems.append(f"{p['entry']['level']}: {p['entry'].get('text')} {p['entry'].get('url', '')}")
        elif method == "Network.requestWillBeSent":
            requests.append(p["request"]["url"])
        elif method == "Network.loadingFailed":
            problems.append(f"load failed: {p.get('errorText')}")
    return {"problems": problems, "requests": requests, "images": images, "png": png}


def _non_background_share(png: bytes) -> float:
    """Share of the screenshot's pixels that differ from its most common colour (the page background)."""
    import io

    import matplotlib.image as mpimg

    img = (mpimg.imread(io.BytesIO(png), format="png")[..., :3] * 255).round().astype(np.int32)
    flat = img.reshape(-1, 3)
    codes = flat[:, 0] * 65536 + flat[:, 1] * 256 + flat[:, 2]
    background = np.bincount(codes).argmax()
    return float((codes != background).mean())


@NEEDS_CHROMIUM
def test_the_chromium_check_catches_a_broken_page(tmp_path):
    """The harness itself: a page with a script error, a console error and missing or remote
    resources must be reported (else the test below would pass vacuously)."""
    page = tmp_path / "broken.html"
    page.write_text(
        '<!DOCTYPE html><html><body><h1>broken</h1><img src="missing.png">'
        '<script>console.error("boom"); notDefined();</script></body></html>'
    )
    seen = render_in_chromium(page.as_uri())
    text = " | ".join(seen["problems"])
    assert "console.error: boom" in text and "notDefined" in text and "missing.png" in text, text
    assert any(u.endswith("missing.png") for u in seen["requests"])
    assert seen["images"] == [[True, 0]]
    blank = tmp_path / "blank.html"
    blank.write_text("<!DOCTYPE html><html><body></body></html>")
    assert _non_background_share(render_in_chromium(blank.as_uri())["png"]) == 0.0


def _reports(tmp_path) -> dict[str, Path]:
    """One report of each kind: demo, run, evolve (ecological and Moran) and a sweep's."""
    import pandas as pd

    from cooptourney.output.report import sweep_report

    r = run_demo("free-riders", quick=True)
    reports = {"demo": r.report(tmp_path / "demo.html")}
    r.close()
    reports["run"] = tmp_path / "run.html"
    assert (
        main(
            [
                "run",
                "-p",
                "Tit For Tat",
                "Grudger",
                "Defector",
                "--turns",
                "30",
                "--repetitions",
                "2",
                "--seed",
                "4",
                "--no-progress",
                "--report",
                str(reports["run"]),
            ]
        )
        == 0
    )
    reports["evolve"] = tmp_path / "evolve.html"
    assert (
        main(
            [
                "evolve",
                "-p",
                "Tit For Tat",
                "Defector",
                "--runs",
                "50",
                "--turns",
                "20",
                "--seed",
                "4",
                "--no-progress",
                "--report",
                str(reports["evolve"]),
            ]
        )
        == 0
    )
    table = pd.DataFrame(
        [[0.9, 0.5], [0.7, 0.2]],
        index=pd.Index([0.0, 0.02], name="tournament.noise"),
        columns=pd.Index([0.0, 0.5], name="politics.s"),
    )
    reports["sweep"] = sweep_report(
        table, tmp_path / "sweep.html", "cooperation_rate", "politics.s", "tournament.noise", settings={"seed": 7}
    )
    return reports


@NEEDS_CHROMIUM
def test_reports_render_in_headless_chromium(tmp_path, capsys):
    for kind, path in _reports(tmp_path).items():
        text = _check_report(path)
        seen = render_in_chromium(path.as_uri())
        assert not seen["problems"], (kind, seen["problems"])
        # offline: the page asked for itself and its embedded data only
        assert all(u == path.as_uri() or u.startswith("data:") for u in seen["requests"]), (kind, seen["requests"])
        # every plot decoded to a real image
        assert len(seen["images"]) == text.count("<img ") >= 1, kind
        assert all(done and width > 100 for done, width in seen["images"]), (kind, seen["images"])
        share = _non_background_share(seen["png"])
        assert share > 0.02, f"{kind}: the screenshot is (nearly) blank: {share:.4f} of the pixels are not background"
