"""The horizons demo: politicians with elections against bureaucrats with institutional memory.

Every contrast in the narrative is a paired difference over the tournament's repetitions
(the same seed: the same noise and election draws) with its 95% t interval, and is stated
only when the interval excludes 0; otherwise the text says this run does not show it.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

from cooptourney.demos.result import CTFT, TFT, DemoResult, Numbers, finish, wrap
from cooptourney.evolution.intervals import mean_interval
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


def _paired(a: np.ndarray, b: np.ndarray, level: float = 0.95) -> tuple[float, float, float]:
    """Mean of ``b - a`` over repetitions and its t interval (NaN bounds with one repetition)."""
    return mean_interval(np.asarray(b) - np.asarray(a), level)


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
            "_welfare_by_rep": r.normalised_scores.mean(axis=0),
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
    by_rep = {(r["actors"], r["memory"]): r.pop("_welfare_by_rep") for r in rows}
    table = pd.DataFrame(rows)
    n = Numbers()
    p0 = table[(table.actors == "politicians") & (table.memory == 0.0)].iloc[0]
    p1 = table[(table.actors == "politicians") & (table.memory == 1.0)].iloc[0]
    worth = p1.welfare - p0.welfare
    _, w_lo, w_hi = _paired(by_rep[("politicians", 0.0)], by_rep[("politicians", 1.0)])
    g_m, g_lo, g_hi = _paired(by_rep[("politicians", 1.0)], by_rep[("bureaucrats", bureaucrat.memory)])
    # the paired mean is the difference of the means; the interval is the paired one
    worth_text = n.interval("memory_worth", worth, w_lo, w_hi, "+.3f")
    if w_lo > 0:
        verdict = (
            f"Memory helped: {worth_text} per turn and player (95% interval over the repetitions), that is "
            f"{n('memory_worth_match', worth * turns, '+.1f')} points over a {turns}-turn relationship. The record lets "
            "Gears keep its high gear and Ledgers their credit across elections."
        )
    elif w_hi < 0:
        verdict = (
            f"Memory hurt: {worth_text} per turn and player (95% interval over the repetitions), that is "
            f"{n('memory_worth_match', worth * turns, '+.1f')} points over a {turns}-turn relationship. A new government "
            "without the record also forgets grudges and debts, an amnesty that restarts cooperation (Grudger, "
            "Ledger), and that outweighed the goodwill the record preserves."
        )
    else:
        verdict = (
            f"This run does not show that the secretariat's memory changes welfare: the difference is "
            f"{worth_text} per turn and player, an interval that includes 0 (more repetitions, or a field "
            "with more grudges or more credit lines, may show it)."
        )
    gap_text = n.interval("rest_gap", g_m, g_lo, g_hi, "+.3f")
    if g_lo > 0:
        gap = (
            f"Bureaucrats still do better than politicians with full memory, by {gap_text} per turn: what "
            "relative-gains thinking and failed ratifications cost."
        )
    elif g_hi < 0:
        gap = f"Politicians with full memory do better than the bureaucrats here, by {n.interval('rest_gap_rev', -g_m, -g_hi, -g_lo, '+.3f')} per turn."
    else:
        gap = (
            f"This run does not show a gap between bureaucrats and politicians with full memory ({gap_text} "
            "per turn includes 0)."
        )
    text = f"""
Horizons: {len(players)} players ({", ".join(players)}), {turns} turns, noise {noise:g}, issue politicization
s = {s:g}, {reps} repetitions. Politicians (elected leaders who weigh relative gains, with short
horizons): k = {politician.k:g}, an election every {politician.term} turns (re-election
{politician.reelection:g}), ratification failure {politician.ratification_failure:g}; bureaucrats (officials with
long horizons and a record): k = 0, sensitivity {bureaucrat.sensitivity:g}, no elections, full memory.

Bureaucrats: cooperation {n("bur_coop", base["cooperation"], ".1%")}, world welfare {n("bur_w", base["welfare"], ".3f")}
per turn. Politicians without a secretariat (institutional memory 0: a new government starts afresh):
cooperation {n("pol0_coop", p0.cooperation, ".1%")}, welfare {n("pol0_w", p0.welfare, ".3f")}, with
{n("pol0_restarts", p0.restarts_per_match, ".2f")} strategy restarts per player and match. The same politicians with a
secretariat that keeps the record (memory 1): cooperation {n("pol1_coop", p1.cooperation, ".1%")}, welfare
{n("pol1_w", p1.welfare, ".3f")}.

Is the secretariat's memory worth anything (welfare with memory 1 minus memory 0, paired by
repetition)? {verdict} {gap}

Ask: memory helps Gears keep its high gear, but it also keeps Grudger's grudge. Which effect wins here,
and in a field of only Grudgers?
"""
    text = wrap(text)
    fig = plots.lines(
        {"politicians": sweep, "bureaucrats (memory 1)": [base["welfare"]] * len(memories)},
        x=memories,
        xlabel="institutional memory m of the politicians' governments",
        ylabel="world welfare: material score per turn",
        title="What a secretariat's memory is worth",
    )
    settings = {
        "interval": "95%",
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
