"""Report pages in a real browser (headless Chromium, driven by Playwright): they load
nothing from outside, log no error, and lay out for a projector at 1280 px: no sideways
scrolling, figures as wide as the text.

Skips, saying why, where /usr/bin/chromium or the playwright package is missing (.ci/run
installs Debian's chromium when apt-get is available; playwright is in the test extra and
drives the system's browser, so nothing is downloaded).
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest

from cooptourney.cli import main

CHROMIUM = Path("/usr/bin/chromium")
WIDTH = 1280

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)"
)

#: What the page's layout looks like to a reader: the page's and the viewport's widths,
#: the text column's width (the widest paragraph), and every image's drawn width.
LAYOUT = """() => ({
  scroll: document.documentElement.scrollWidth,
  viewport: document.documentElement.clientWidth,
  text: Math.max(...Array.from(document.querySelectorAll('p')).map(p => p.getBoundingClientRect().width)),
  images: Array.from(document.images).map(i => [i.complete, i.naturalWidth, i.getBoundingClientRect().width]),
  tables: Array.from(document.querySelectorAll('table')).map(t => t.getBoundingClientRect().right),
})"""


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package (the test extra)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


def look(browser, path: Path) -> dict:
    """Open ``path`` at 1280 x 900: its layout, its problems (console errors and warnings,
    uncaught exceptions, failed loads), every URL it requested, and a full-page screenshot."""
    page = browser.new_page(viewport={"width": WIDTH, "height": 900})
    problems, requests = [], []
    page.on(
        "console", lambda m: problems.append(f"console.{m.type}: {m.text}") if m.type in ("error", "warning") else None
    )
    page.on("pageerror", lambda e: problems.append(f"uncaught: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"load failed: {r.url}"))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri(), wait_until="load")
    seen = page.evaluate(LAYOUT)
    seen["png"] = page.screenshot(full_page=True)
    page.close()
    seen["problems"] = problems
    seen["outside"] = [u for u in requests if u != path.as_uri() and not u.startswith("data:")]
    return seen


def check(seen: dict) -> list[str]:
    """What is wrong with a page for a reader at 1280 px (empty when nothing is)."""
    import matplotlib.image as mpimg

    bad = list(seen["problems"]) + [f"requested {u}" for u in seen["outside"]]
    if seen["scroll"] > seen["viewport"]:
        bad.append(f"scrolls sideways: {seen['scroll']} px wide in a {seen['viewport']} px window")
    bad += [f"a table ends at {r:.0f} px, past the window" for r in seen["tables"] if r > seen["viewport"] + 0.5]
    for complete, natural, drawn in seen["images"]:
        if not complete or natural == 0:
            bad.append("an image did not load")
        elif drawn < seen["text"] - 1:
            bad.append(f"a figure is {drawn:.0f} px wide, narrower than the text ({seen['text']:.0f} px)")
    shot = mpimg.imread(io.BytesIO(seen["png"]), format="png")
    if shot.shape[1] != WIDTH:
        bad.append(f"the screenshot is {shot.shape[1]} px wide, not {WIDTH}")
    return bad


def _reports(tmp_path) -> dict[str, Path]:
    """A report of each kind the command line writes without a sweep: run, match, evolve."""
    players = ["Tit For Tat", "Generous Tit For Tat", "Grudger", "Defector", "Win-Stay Lose-Shift"]
    paths = {k: tmp_path / f"{k}.html" for k in ("run", "match", "evolve")}
    commands = {
        "run": ["run", "-p", *players, "--turns", "30", "--repetitions", "3", "--noise", "0.05", "--quiet"],
        "match": ["match", "TFT", "TFT", "--turns", "120", "--noise", "0.05", "--seed", "2", "--show-turns", "0"],
        "evolve": ["evolve", "-p", *players[:3], "--method", "ecological", "--turns", "20", "--no-progress"],
    }
    for kind, argv in commands.items():
        assert main([*argv, "--report", str(paths[kind])]) == 0
    return paths


def test_reports_read_well_at_1280_px(browser, tmp_path, capsys):
    for kind, path in _reports(tmp_path).items():
        seen = look(browser, path)
        assert check(seen) == [], kind
        if kind != "match":
            assert seen["images"], kind  # the figures are there, and were measured
        shot = mpimg_read(seen["png"])
        assert _ink(shot) > 0.02, kind  # something is drawn: not a blank page
    capsys.readouterr()


def test_the_check_catches_a_page_that_does_not(browser, tmp_path):
    """The harness itself: a page that scrolls sideways, draws a small figure, logs an error
    and asks for a remote file must fail every check (else the test above would pass vacuously)."""
    from cooptourney.output.report import figure_to_base64

    png = figure_to_base64(_small_png())
    page = tmp_path / "bad.html"
    page.write_text(
        "<!DOCTYPE html><html><body><p>" + "text " * 200 + "</p>"
        f'<img style="width:200px" src="data:image/png;base64,{png}">'
        '<table style="white-space:nowrap"><tr><td>' + "wide_column_name_" * 20 + "</td></tr></table>"
        '<img src="https://example.invalid/x.png"><script>console.error("boom")</script></body></html>'
    )
    text = " | ".join(check(look(browser, page)))
    for expected in ("scrolls sideways", "narrower than the text", "console.error: boom", "requested https://"):
        assert expected in text, text


def _small_png() -> bytes:
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(2, 1))
    ax.plot([0, 1], [0, 1])
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return buf.getvalue()


def mpimg_read(png: bytes) -> np.ndarray:
    import matplotlib.image as mpimg

    return mpimg.imread(io.BytesIO(png), format="png")[..., :3]


def _ink(img: np.ndarray) -> float:
    """Share of pixels that are not the page's background (its most common colour)."""
    codes = (img * 255).round().astype(np.int64) @ np.array([65536, 256, 1])
    return float((codes != np.bincount(codes.ravel()).argmax()).mean())
