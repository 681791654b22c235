"""The gears demo: reciprocity shifting up and down, in one relationship and in a population.

Part 1 is one relationship: a Gears player against a scripted partner that cooperates,
exploits, then makes amends, drawn as a gear trace. Part 2 is the population
(:class:`cooptourney.evolution.AdaptivePopulation`): actors who imitate what succeeds,
most of them playing Tit For Tat (specific) and a few Generous Tit For Tat (diffuse),
under noise; then a wave of Defectors (an exploitation shock). Each shift is stated with
its 95% interval over the runs, and only when the interval excludes 0.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd

from cooptourney.demos.result import GTFT, TFT, DemoResult, Numbers, finish, wrap
from cooptourney.evolution import AdaptivePopulation
from cooptourney.evolution.intervals import mean_interval
from cooptourney.match import Match
from cooptourney.players import Player
from cooptourney.tournament import Tournament

#: The population run (docs/reference/evolution.md, "Gears at the population level").
POPULATION = {TFT: 90, GTFT: 10, "Defector": 0}
#: The generation the shift up is read at, the shock's first generation, how long into the
#: shock the shift down is read, the wave's length and its size per generation, the end.
UP_AT, SHOCK_AT, READ_AFTER, WAVE, WAVE_SIZE, END = 60, 300, 30, 100, 10, 600


def _tag_share(res, tag: str) -> np.ndarray:
    """float64[runs]: each run's final share of actors whose strategy carries ``tag``."""
    cols = [k for k, t in enumerate(res.tags) if t == tag]
    return res.final_counts[:, cols].sum(axis=1) / res.population


def gears(quick: bool = False, seed: int = 0, out: str | Path | None = None) -> DemoResult:
    """Gears against a scripted partner (one relationship), then the gears of a population of
    imitating actors under noise and an exploitation shock."""
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
    if rev.size:
        reverse = f"on turn {n('reverse_turn', rev_in, '.0f')} it went into reverse (gear -1: ill for ill). " + (
            f"When the partner made amends, Gears left reverse on turn {n('reverse_out', rev_out, '.0f')}"
            if rev_out == rev_out
            else "It was still in reverse at the end"
        )
    else:
        reverse = "it never went into reverse in this run"
    absorbed = (
        f"its credit line absorbed {n('absorbed', down - ex_start, '.0f')} defection(s) before it, then each "
        "exploitation beyond the credit line cost a gear"
        if down == down and down > ex_start
        else "it shifted down at the first exploitation"
    )
    part1 = f"""
1. One relationship. Gears ({turns} turns) against a scripted partner: {coop1} cooperations, then {exploit}
defections (exploitation), then cooperation again (amends). While both cooperate, Gears shifts up a gear
every few mutual cooperations: it reached gear {n("top_gear", top, ".0f")} on turn {n("top_turn", first_top, ".0f")}
(1 = specific: strict accounts; 2 and 3 = diffuse: a credit line and fading debts). The exploitation
starts on turn {ex_start}. Gears first shifted down on turn {n("down_turn", down, ".0f")}: {absorbed}, and {reverse}; it ended in gear
{n("end_gear", gear[-1], ".0f")}. Gears defected {n("gears_defections", gears_def, ".0f")} times in all; final scores
{n("gears_score", sa, ".0f")} (Gears) to {n("partner_score", sb, ".0f")} (partner). A strict Ledger (no credit line) against
the same partner ended with balance {n("ledger_balance", next(iter(led.trace.values()))[-1], ".0f")} and score
{n("ledger_score", led.scores()[0], ".0f")}.
"""
    # -- part 2: the population ------------------------------------------------------------------
    runs, noise = (40, 0.05) if quick else (100, 0.05)
    pop_settings = {
        "rule": "fermi",
        "intensity": 5.0,
        "exploration": 0.01,
        "turns": 100,
        "noise": noise,
        "repetitions": 20,
        "seed": seed,
    }
    pop = AdaptivePopulation(dict(POPULATION), **pop_settings)
    A = pop.payoff_matrix()
    wave = {g: {"Defector": WAVE_SIZE} for g in range(SHOCK_AT, SHOCK_AT + WAVE)}
    up = pop.run(UP_AT, runs=runs)
    before = pop.run(SHOCK_AT, runs=runs)
    during = pop.run(
        SHOCK_AT + READ_AFTER, runs=runs, shocks={g: s for g, s in wave.items() if g < SHOCK_AT + READ_AFTER}
    )
    whole = pop.run(END, runs=runs, shocks=wave)
    start_diffuse = POPULATION[GTFT] / sum(POPULATION.values())
    up_m, up_lo, up_hi = mean_interval(_tag_share(up, "diffuse") - start_diffuse)
    d_spec = mean_interval(_tag_share(during, "specific") - _tag_share(before, "specific"))
    d_diff = mean_interval(_tag_share(during, "diffuse") - _tag_share(before, "diffuse"))
    back = mean_interval(_tag_share(whole, "diffuse") - _tag_share(during, "diffuse"))
    if up_lo > 0:
        up_text = (
            f"Successful specific reciprocity shifted up: in {UP_AT} generations the share of actors playing "
            f"diffuse reciprocity grew by {n.interval('up_shift', up_m, up_lo, up_hi, '+.3f')} (from "
            f"{n('start_diffuse', start_diffuse, '.2f')})."
        )
    else:
        up_text = (
            f"This run does not show a shift up: after {UP_AT} generations the diffuse share changed by "
            f"{n.interval('up_shift', up_m, up_lo, up_hi, '+.3f')}, an interval that does not lie above 0."
        )
    down_parts = []
    if d_spec[1] > 0:
        down_parts.append(f"the specific share rose by {n.interval('down_specific', *d_spec, '+.3f')}")
    else:
        down_parts.append(
            f"the specific share did not rise clearly ({n.interval('down_specific', *d_spec, '+.3f')} includes 0 or lies below)"
        )
    if d_diff[2] < 0:
        down_parts.append(f"the diffuse share fell by {n.interval('down_diffuse', *d_diff, '+.3f')}")
    else:
        down_parts.append(f"the diffuse share did not fall clearly ({n.interval('down_diffuse', *d_diff, '+.3f')})")
    shifted = d_spec[1] > 0 and d_diff[2] < 0
    down_text = (
        (
            f"The exploitation shock shifted it back down: {READ_AFTER} generations into the wave, "
            if shifted
            else f"This run does not show the full shift down: {READ_AFTER} generations into the wave, "
        )
        + " and ".join(down_parts)
        + " (paired by run)."
    )
    back_text = (
        f"After the wave the population shifted up again: the diffuse share rose by "
        f"{n.interval('recovery', *back, '+.3f')} by generation {END}."
        if back[1] > 0
        else f"After the wave this run does not show the diffuse share recovering by generation {END} "
        f"({n.interval('recovery', *back, '+.3f')})."
    )
    # the payoffs behind the shifts, per repetition of the round robin the actors are paid from
    played = Tournament(list(POPULATION), seed=seed, turns=pop_settings["turns"], noise=noise,
                        repetitions=pop_settings["repetitions"]).play()  # fmt: skip
    per_turn = played.score_matrix / played.turns_matrix
    escape = mean_interval(per_turn[1, 0] - per_turn[0, 0])  # GTFT against TFT minus TFT against itself
    exposed = mean_interval(per_turn[0, 2] - per_turn[1, 2])  # TFT against Defector minus GTFT against it
    why = []
    if escape[1] > 0:
        why.append(
            f"under noise Tit For Tat's echoes cost it against itself ({n('tft_tft', A[0, 0], '.2f')} per turn) what "
            f"Generous Tit For Tat avoids against Tit For Tat ({n('gtft_tft', A[1, 0], '.2f')}; difference "
            f"{n.interval('escape', *escape, '+.2f')})"
        )
    else:
        why.append(
            f"this run does not show Generous Tit For Tat out-earning Tit For Tat against Tit For Tat (difference "
            f"{n.interval('escape', *escape, '+.2f')} per turn), so there is no clear echo to escape"
        )
    if exposed[1] > 0:
        why.append(
            f"against a Defector Tit For Tat loses less ({n('tft_def', A[0, 2], '.2f')} against "
            f"{n('gtft_def', A[1, 2], '.2f')} per turn; difference {n.interval('exposed', *exposed, '+.2f')})"
        )
    else:
        why.append(
            f"this run does not show Tit For Tat losing less than Generous Tit For Tat to a Defector "
            f"({n.interval('exposed', *exposed, '+.2f')} per turn)"
        )
    echo_text = f"Why: {why[0]}; and {why[1]}."
    part2 = f"""
2. A population. {sum(POPULATION.values())} actors, {POPULATION[TFT]} playing Tit For Tat (specific) and {POPULATION[GTFT]} Generous Tit For
Tat (diffuse), copy strategies that earn more (imitation, the Fermi rule, selection intensity
{pop_settings["intensity"]:g}, exploration {pop_settings["exploration"]:g}; fitness: material payoff), in 100-turn matches with noise
{noise:g}; from generation {SHOCK_AT} to {SHOCK_AT + WAVE - 1}, {WAVE_SIZE} Defectors enter every generation. {runs} runs, seed {seed}; intervals
are 95% over the runs (for payoffs: over the matches' repetitions).

{up_text} {down_text} {back_text} {echo_text}

Ask: how many defections does the high gear forgive before it shifts down? Why is that useful under
noise, and what does it cost against a free rider? Try the population without noise
(`--noise 0`): is there still a reason to shift up?
"""
    text = wrap(part1 + part2)
    table = pd.DataFrame(
        {
            "turn": turn,
            "partner": np.array(["C", "D"])[m.moves[:, 1]],
            "gears_move": np.array(["C", "D"])[g_moves],
            "gear": gear.astype(int),
        }
    )
    shifts = pd.DataFrame(
        [
            {"shift": f"up: diffuse share, generation 0 to {UP_AT}", "mean": up_m, "95% low": up_lo, "95% high": up_hi},
            {"shift": "shock: specific share change", "mean": d_spec[0], "95% low": d_spec[1], "95% high": d_spec[2]},
            {"shift": "shock: diffuse share change", "mean": d_diff[0], "95% low": d_diff[1], "95% high": d_diff[2]},
            {"shift": "after the wave: diffuse share change", "mean": back[0], "95% low": back[1], "95% high": back[2]},
        ]
    )
    figs = {
        "gear-trace": plots.gear_trace(m, title="Gears against cooperate / exploit / amends: the gear each turn"),
        "ledger-trace": plots.ledger_trace(led, title="A strict Ledger against the same partner: its balance"),
        "population": plots.adaptive_shares(whole),
    }
    settings = {
        "interval": "95%",
        "turns": turns,
        "partner": script,
        "seed": seed,
        "shift_up": 5,
        "game": [3, 0, 5, 1],
        "population": dict(POPULATION),
        **{f"population_{k}": v for k, v in pop_settings.items()},
        "runs": runs,
        "shock": {"from": SHOCK_AT, "to": SHOCK_AT + WAVE, "defectors_per_generation": WAVE_SIZE},
        "generations": END,
    }
    return finish(
        "gears",
        "the gears of reciprocity",
        text,
        n,
        out,
        tables={"gear by turn": table, "population shifts (95% intervals over runs)": shifts},
        figures=figs,
        settings=settings,
        data={
            "match": m,
            "gear": gear,
            "ledger_match": led,
            "population": whole,
            "payoff_matrix": A,
            "round_robin": played,
        },
    )
