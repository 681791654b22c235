"""The politicization demo: cooperation and welfare as politicization rises, accelerator against brake."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from cooptourney.demos.result import CTFT, TFT, DemoResult, Numbers, finish
from cooptourney.politics import ActorProfile, Politicization, Transformer, perceived_game
from cooptourney.tournament import Tournament

# Game GTFT: its generosity follows the payoffs each actor perceives (GTFT keeps 1/3)
POLITICS_FIELD = (
    TFT,
    "Game Generous Tit For Tat",
    "Win-Stay Lose-Shift",
    "Ledger",
    "Diffuse Ledger",
    "Gears",
    "First by Downing",
    "ZD-GTFT-2",
    CTFT,
)


def politicization(quick: bool = False, seed: int = 0, out: str | Path | None = None) -> DemoResult:
    """Cooperation and world welfare as the issue's politicization s rises, with the
    accelerator (theta) and the brake (kappa, rho) shown separately."""
    from cooptourney.output import plots

    levels = np.linspace(0, 1, 3 if quick else 6)
    turns, reps, noise = (100, 3, 0.02) if quick else (200, 10, 0.02)
    players = list(POLITICS_FIELD[:5] if quick else POLITICS_FIELD)
    modes = {
        "accelerator only (theta=2, kappa=rho=0)": dict(theta=2.0, kappa=0.0, rho=0.0),
        "brake only (theta=0, kappa=0.5, rho=0.1)": dict(theta=0.0, kappa=0.5, rho=0.1),
        "both (theta=2, kappa=0.5, rho=0.1)": dict(theta=2.0, kappa=0.5, rho=0.1),
    }
    rows = []
    for label, knobs in modes.items():
        for s in levels:
            tr = Transformer(ActorProfile(), Politicization(s=float(s), **knobs))
            r = Tournament(players, turns=turns, noise=noise, repetitions=reps, seed=seed, transformer=tr).play()
            pg = perceived_game((3, 0, 5, 1), ActorProfile(), Politicization(s=float(s), **knobs))
            rows.append(
                {
                    "mode": label,
                    "s": float(s),
                    "cooperation": float(np.nanmean(r.cooperation_rate)),
                    "welfare": float(r.normalised_scores.mean()),
                    "perceived_game": pg.classification,
                }
            )
    table = pd.DataFrame(rows)
    n = Numbers()
    accelerator, brake, both = list(modes)[:3]
    keys = {"accelerator only": accelerator, "brake only": brake, "both": both}
    lines = []
    for short, label in keys.items():
        sub = table[table["mode"] == label]
        k = short.split()[0]
        lines.append(
            f"{short}: cooperation {n(f'{k}_coop0', sub.cooperation.iloc[0], '.1%')} at s = 0 and "
            f"{n(f'{k}_coop1', sub.cooperation.iloc[-1], '.1%')} at s = 1; world welfare "
            f"{n(f'{k}_w0', sub.welfare.iloc[0], '.3f')} -> {n(f'{k}_w1', sub.welfare.iloc[-1], '.3f')} per turn; "
            f"the perceived game at s = 1 is {sub.perceived_game.iloc[-1]}."
        )
    body = "\n\n".join(lines)
    text = f"""
Politicization: {len(players)} players ({", ".join(players)}), all neutral actors (k = 0, sensitivity 1),
{turns} turns, noise {noise:g}, {reps} repetitions, s from 0 to 1. World welfare is the material score per turn
(what the world gets), not the perceived utility the players act on.

{body}

The accelerator only lowers the perceived cost of mutual defection (P' = P - s theta); it changes play only for
strategies that read the payoffs (Game GTFT's generosity, WSLS's aspiration, Downing's expected values, ZD vectors).
The brake raises the weight on relative gains (Ledger and Gears feel every imbalance more) and adds
ratification failure, which every strategy suffers.

Ask: at which s does the brake start to cost more than the accelerator gains? What would a government
with a low sensitivity (a bureaucracy) see instead?
"""
    fig_c = plots.lines(
        {m: table[table["mode"] == m].cooperation.to_numpy() for m in modes},
        x=levels,
        xlabel="politicization s",
        ylabel="cooperation rate (share of C moves)",
        title="Cooperation as politicization rises",
        ylim=(0, 1),
    )
    fig_w = plots.lines(
        {m: table[table["mode"] == m].welfare.to_numpy() for m in modes},
        x=levels,
        xlabel="politicization s",
        ylabel="world welfare: material score per turn",
        title="World welfare as politicization rises",
    )
    settings = {
        "players": players,
        "turns": turns,
        "repetitions": reps,
        "noise": noise,
        "seed": seed,
        "s": [float(x) for x in levels],
        "modes": modes,
        "profile": "neutral",
    }
    return finish(
        "politicization",
        "politicization: accelerator and brake",
        text,
        n,
        out,
        tables={"cooperation and welfare by s": table},
        figures={"cooperation": fig_c, "welfare": fig_w},
        settings=settings,
        data={"table": table},
    )
