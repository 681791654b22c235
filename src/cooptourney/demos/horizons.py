"""The horizons demo: politicians with elections against bureaucrats with institutional memory."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

from cooptourney.demos.result import CTFT, TFT, DemoResult, Numbers, finish
from cooptourney.politics import ActorProfile, Politicization, Transformer
from cooptourney.tournament import Tournament

# Game GTFT: its generosity follows the payoffs each actor perceives (GTFT keeps 1/3)
HORIZONS_FIELD = (
    "Gears",
    "Diffuse Ledger",
    "Ledger",
    "Game Generous Tit For Tat",
    TFT,
    CTFT,
    "Grudger",
    "Win-Stay Lose-Shift",
)


def horizons(quick: bool = False, seed: int = 0, out: str | Path | None = None) -> DemoResult:
    """Politicians (elections, turnover) vs bureaucrats (institutional memory): what a
    secretariat's memory is worth, measured."""
    from cooptourney.output import plots

    players = list(HORIZONS_FIELD[:4] if quick else HORIZONS_FIELD)
    turns, reps, noise, s = (200, 3, 0.01, 0.5) if quick else (400, 10, 0.01, 0.5)
    memories = [0.0, 0.5, 1.0] if quick else [0.0, 0.25, 0.5, 0.75, 1.0]
    pol = Politicization(s=s)
    politician = ActorProfile.preset("politician")
    bureaucrat = ActorProfile.preset("bureaucrat")

    def play(profile):
        r = Tournament(
            players, turns=turns, noise=noise, repetitions=reps, seed=seed, transformer=Transformer(profile, pol)
        ).play()
        others = ~np.eye(len(players), dtype=bool)
        return {
            "cooperation": float(np.nanmean(r.cooperation_rate)),
            "welfare": float(r.normalised_scores.mean()),
            "turnovers_per_match": float(r.counters["turnovers"][others].mean()),
            "restarts_per_match": float(r.counters["restarts"][others].mean()),
        }, r

    rows = []
    base, _ = play(bureaucrat)
    rows.append({"actors": "bureaucrats", "memory": bureaucrat.memory, **base})
    sweep = []
    for m in memories:
        res, _ = play(replace(politician, memory=m))
        sweep.append(res["welfare"])
        rows.append({"actors": "politicians", "memory": m, **res})
    table = pd.DataFrame(rows)
    n = Numbers()
    p0 = table[(table.actors == "politicians") & (table.memory == 0.0)].iloc[0]
    p1 = table[(table.actors == "politicians") & (table.memory == 1.0)].iloc[0]
    worth = p1.welfare - p0.welfare
    verdict = (
        "Here memory helped: the record lets Gears keep its high gear and Ledgers their credit across elections."
        if worth > 0
        else "Here memory did not help: a new government also forgets grudges and debts, an amnesty that "
        "restarts cooperation (Grudger, Ledger), and that outweighed the goodwill the record preserves."
        if worth < 0
        else "Here memory made no difference."
    )
    text = f"""
Horizons: {len(players)} players ({", ".join(players)}), {turns} turns, noise {noise:g}, issue politicization
s = {s:g}, {reps} repetitions. Politicians: k = {politician.k:g}, an election every {politician.term} turns
(re-election {politician.reelection:g}), ratification failure {politician.ratification_failure:g}; bureaucrats:
k = 0, sensitivity {bureaucrat.sensitivity:g}, no elections, full memory.

Bureaucrats: cooperation {n("bur_coop", base["cooperation"], ".1%")}, world welfare {n("bur_w", base["welfare"], ".3f")}
per turn. Politicians without a secretariat (memory 0: a new government starts afresh): cooperation
{n("pol0_coop", p0.cooperation, ".1%")}, welfare {n("pol0_w", p0.welfare, ".3f")}, with
{n("pol0_restarts", p0.restarts_per_match, ".2f")} strategy restarts per player and match. The same politicians with a
secretariat that keeps the record (memory 1): cooperation {n("pol1_coop", p1.cooperation, ".1%")}, welfare
{n("pol1_w", p1.welfare, ".3f")}.

What the secretariat's memory is worth: {n("memory_worth", worth, "+.3f")} per turn and player, that is
{n("memory_worth_match", worth * turns, "+.1f")} points over a {turns}-turn relationship. {verdict} The rest of the gap to the
bureaucrats ({n("rest_gap", base["welfare"] - p1.welfare, "+.3f")} per turn) is what relative-gains thinking
and failed ratifications cost.

Ask: memory helps Gears keep its high gear, but it also keeps Grudger's grudge. Which effect wins here,
and in a field of only Grudgers?
"""
    fig = plots.lines(
        {"politicians": sweep, "bureaucrats (memory 1)": [base["welfare"]] * len(memories)},
        x=memories,
        xlabel="institutional memory m of the politicians' governments",
        ylabel="world welfare: material score per turn",
        title="What a secretariat's memory is worth",
    )
    settings = {
        "players": players,
        "turns": turns,
        "repetitions": reps,
        "noise": noise,
        "seed": seed,
        "s": s,
        "politician": politician.as_dict(),
        "bureaucrat": bureaucrat.as_dict(),
        "memories": memories,
    }
    return finish(
        "horizons",
        "horizons: politicians and bureaucrats",
        text,
        n,
        out,
        tables={"by actors and memory": table},
        figures={"memory": fig},
        settings=settings,
        data={"table": table},
    )
