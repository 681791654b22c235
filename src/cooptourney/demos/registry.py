"""The demos by name: what ``cooptourney demo`` lists and runs."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cooptourney.demos.axelrod_1980 import axelrod_1980
from cooptourney.demos.echo import echo
from cooptourney.demos.families import specific_vs_diffuse
from cooptourney.demos.free_riders import free_riders
from cooptourney.demos.gears import gears
from cooptourney.demos.horizons import horizons
from cooptourney.demos.politicization import politicization
from cooptourney.demos.result import DemoResult
from cooptourney.settings import SettingsError

__all__ = ["DEMOS", "Demo", "UnknownDemoError", "get_demo", "run_demo"]


class UnknownDemoError(SettingsError):
    """An unknown demo name (the message suggests the closest ones)."""


@dataclass(frozen=True)
class Demo:
    name: str
    summary: str
    run: Callable[..., DemoResult] | None  # None: planned, not available yet


DEMOS: dict[str, Demo] = {
    d.name: d
    for d in (
        Demo("echo", "one misperception turns TFT vs TFT into a feud; GTFT and contrite TFT recover", echo),
        Demo(
            "gears",
            "Gears shifts up, down and into reverse; a population shifts up under noise, down under a shock",
            gears,
        ),
        Demo(
            "specific-vs-diffuse",
            "the two families on the measured axes, with Cliff's delta and its interval",
            specific_vs_diffuse,
        ),
        Demo(
            "free-riders", "Defectors invade diffuse reciprocators: evolution with and without forgiveness", free_riders
        ),
        Demo("politicization", "cooperation and welfare as politicization rises: accelerator vs brake", politicization),
        Demo("horizons", "politicians with elections vs bureaucrats: what institutional memory is worth", horizons),
        Demo("axelrod-1980", "Axelrod's first tournament beside the published scores", axelrod_1980),
    )
}


def get_demo(name: str) -> Demo:
    key = name.strip().lower().replace("_", "-").replace(" ", "-")
    if key in DEMOS:
        return DEMOS[key]
    close = difflib.get_close_matches(key, list(DEMOS), n=3, cutoff=0.4)
    close += [d for d in DEMOS if key and key in d and d not in close]
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise UnknownDemoError(f"unknown demo {name!r}{hint} (available: {', '.join(DEMOS)})")


def run_demo(name: str, quick: bool = False, seed: int = 0, out: str | Path | None = None) -> DemoResult:
    demo = get_demo(name)
    if demo.run is None:
        raise UnknownDemoError(f"demo {demo.name!r} is planned but not available yet: {demo.summary}")
    return demo.run(quick=quick, seed=seed, out=out)
