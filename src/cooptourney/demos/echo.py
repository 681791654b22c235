"""The echo demo: one misperception turns Tit For Tat vs Tit For Tat into a feud."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd

from cooptourney.demos.result import CTFT, GTFT, TFT, DemoResult, Numbers, finish, match_metrics
from cooptourney.match import Match
from cooptourney.registry import REGISTRY


def echo(quick: bool = False, seed: int = 0, out: str | Path | None = None) -> DemoResult:
    """One misperception (a pre-drawn noise flip) turns Tit For Tat vs Tit For Tat into a
    feud; Generous TFT and the standing Contrite TFT recover."""
    from cooptourney.output import plots

    turns = 60 if quick else 200
    flip_turn = 10 if quick else 20  # 1-based turn of the misperceived move
    reps = 10 if quick else 50  # GTFT is stochastic: several matches with the same flip
    flips = np.zeros((2, turns), dtype=np.int8)
    flips[0, flip_turn - 1] = 1
    n = Numbers()
    rows, moves = [], {}
    for name in (TFT, GTFT, CTFT):
        stoch = REGISTRY.get(name).stochastic
        ms = []
        for r in range(reps if stoch else 1):
            m = Match((name, name), turns=turns, flips=flips, seed=seed, repetition=r)
            m.play()
            ms.append(m)
        mets = [match_metrics(m) for m in ms]
        echo_turns = sum(x["echo_turns"] for x in mets)
        recovered = sum(x["recovered"] for x in mets)
        breaks = sum(x["breaks"] for x in mets)
        rec_times = [x["recovery_time"] for x in mets if not math.isnan(x["recovery_time"])]
        score = np.mean([m.final_score_per_turn()[0] for m in ms])
        coop = np.mean([np.mean(m.cooperation()) for m in ms])
        rows.append(
            {
                "pair": f"{name} vs itself",
                "matches": len(ms),
                "feud_length": np.mean([x["feud_length"] for x in mets if not math.isnan(x["feud_length"])])
                if echo_turns
                else 0.0,
                "echo_turns_per_match": echo_turns / len(ms),
                "recovered_share": recovered / breaks if breaks else math.nan,
                "recovery_time": float(np.mean(rec_times)) if rec_times else math.nan,
                "score_per_turn": float(score),
                "cooperation": float(coop),
            }
        )
        moves[name if name != CTFT else "Contrite TFT (standing)"] = np.stack([m.moves for m in ms])
    table = pd.DataFrame(rows)
    t, g, c = (table.iloc[k] for k in range(3))
    full = 3.0
    text = f"""
Echo: one misperception, {turns} turns, the flip pre-drawn on turn {flip_turn} (player 1's C is played as D).

Tit For Tat against itself: after the flip the two copies answer each other's last move
forever, C-D, D-C, ... a tit-for-tat tariff war. The echo run lasted {n("tft_feud", t.feud_length, ".0f")} turns
(feud length from the kernel's metrics), cooperation fell to {n("tft_coop", t.cooperation, ".1%")} of moves, and
each side earned {n("tft_score", t.score_per_turn, ".3f")} per turn instead of the {full:g} of unbroken cooperation.
Mutual cooperation came back in {n("tft_recovered", t.recovered_share, ".0%")} of the flips.

Generous Tit For Tat ({int(g.matches)} matches with the same flip, different random streams): mutual cooperation came
back after {n("gtft_recovered", g.recovered_share, ".0%")} of the flips, on average {n("gtft_recovery", g.recovery_time, ".1f")}
turns later; its echo runs were {n("gtft_echo", g.echo_turns_per_match, ".1f")} turns per match; score
{n("gtft_score", g.score_per_turn, ".3f")} per turn. Forgiving a defection now and then breaks the echo.

Contrite Tit For Tat (standing, Sugden 1986): the player that defected by mistake accepts one punishment
instead of answering it. Recovered: {n("ctft_recovered", c.recovered_share, ".0%")} of the flips, after
{n("ctft_recovery", c.recovery_time, ".1f")} turns; score {n("ctft_score", c.score_per_turn, ".3f")} per turn.

Ask: which of the two repairs (generosity, contrition) needs to know who made the mistake?
"""
    fig = plots.cooperation_over_turns(
        moves, marks=[flip_turn], title=f"One flip on turn {flip_turn}: echo and recovery (self-play)"
    )
    settings = {
        "turns": turns,
        "flip_turn": flip_turn,
        "flip_player": 1,
        "gtft_matches": reps,
        "seed": seed,
        "noise": 0.0,
        "game": [3, 0, 5, 1],
    }
    return finish(
        "echo",
        "echo effects after one misperception",
        text,
        n,
        out,
        tables={"echo": table},
        figures={"cooperation": fig},
        settings=settings,
        data={"moves": moves},
    )
