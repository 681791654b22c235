"""The gears demo: a Gears player shifts up, down and into reverse against a scripted partner."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd

from cooptourney.demos.result import DemoResult, Numbers, finish
from cooptourney.match import Match
from cooptourney.players import Player


def gears(quick: bool = False, seed: int = 0, out: str | Path | None = None) -> DemoResult:
    """Gears against a scripted partner: cooperates, exploits, makes amends."""
    from cooptourney.output import plots

    coop1, exploit = (12, 6) if quick else (20, 6)
    amends = 15 if quick else 30
    script = "C" * coop1 + "D" * exploit + "C" * amends
    turns = len(script)
    partner = Player.sequence(script)
    m = Match(("Gears", partner), turns=turns, seed=seed)
    m.play()
    gear = next(iter(m.trace.values()))
    led = Match(("Ledger", partner), turns=turns, seed=seed)
    led.play()
    turn = np.arange(1, turns + 1)
    n = Numbers()
    top = gear.max()
    first_top = int(turn[np.argmax(gear == top)])
    ex_start = coop1 + 1
    after = gear[coop1:]
    down = int(turn[coop1 + np.argmax(after < top)]) if (after < top).any() else math.nan
    rev = np.flatnonzero(gear == -1)
    rev_in = int(rev[0] + 1) if rev.size else math.nan
    rev_out = int(rev[-1] + 2) if rev.size and rev[-1] + 1 < turns else math.nan
    g_moves = m.moves[:, 0]
    gears_def = int(g_moves.sum())
    sa, sb = m.scores()
    text = f"""
Gears ({turns} turns) against a scripted partner: {coop1} cooperations, then {exploit} defections (exploitation),
then cooperation again (amends).

While both cooperate, Gears shifts up a gear every few mutual cooperations: it reached gear
{n("top_gear", top, ".0f")} on turn {n("top_turn", first_top, ".0f")} (1 = specific: strict accounts; 2 and 3 = diffuse:
a credit line and fading debts). The exploitation starts on turn {ex_start}. Gears first shifted down on turn
{n("down_turn", down, ".0f")}: its credit line absorbed the first defection(s), then each exploitation beyond it cost a
gear, and on turn {n("reverse_turn", rev_in, ".0f")} it went into reverse (gear -1: ill for ill). When the partner
made amends, Gears left reverse on turn {n("reverse_out", rev_out, ".0f")} and climbed back to gear
{n("end_gear", gear[-1], ".0f")} by the end. Gears defected {n("gears_defections", gears_def, ".0f")} times in all;
final scores {n("gears_score", sa, ".0f")} (Gears) to {n("partner_score", sb, ".0f")} (partner).

For contrast, a strict Ledger (tau = 0, lam = 1) against the same partner ended with balance
{n("ledger_balance", next(iter(led.trace.values()))[-1], ".0f")} and score {n("ledger_score", led.scores()[0], ".0f")}.

Ask: how many defections does the high gear forgive before it shifts down? Why is that useful under noise,
and what does it cost against a free rider?
"""
    table = pd.DataFrame(
        {
            "turn": turn,
            "partner": np.array(["C", "D"])[m.moves[:, 1]],
            "gears_move": np.array(["C", "D"])[g_moves],
            "gear": gear.astype(int),
        }
    )
    figs = {
        "gear-trace": plots.gear_trace(m, title="Gears against cooperate / exploit / amends: the gear each turn"),
        "ledger-trace": plots.ledger_trace(led, title="A strict Ledger against the same partner: its balance"),
    }
    settings = {"turns": turns, "partner": script, "seed": seed, "shift_up": 5, "game": [3, 0, 5, 1]}
    return finish(
        "gears",
        "the gears of reciprocity",
        text,
        n,
        out,
        tables={"gear by turn": table},
        figures=figs,
        settings=settings,
        data={"match": m, "gear": gear, "ledger_match": led},
    )
