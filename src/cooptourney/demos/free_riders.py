"""The free-riders demo: Defectors invade diffuse reciprocators, with and without forgiveness."""

from __future__ import annotations

import math
import textwrap
from pathlib import Path

import numpy as np
import pandas as pd

from cooptourney.demos.result import DemoResult, Numbers, finish

#: The residents of the free-riders demo: one diffuse reciprocator (a Ledger with a credit
#: line of one exploitation, tau = T - S = 5) at three speeds of forgiveness, lam being the
#: share of the balance kept each turn (docs/model.md, "Strategies for the continuum").
FREE_RIDER_RESIDENTS = (
    ("unforgiving", "Diffuse Ledger(lam=1)", "a credit line, but debts never fade: lam = 1"),
    ("forgiving", "Diffuse Ledger", "as registered: debts fade by a tenth each turn, lam = 0.9"),
    ("very forgiving", "Diffuse Ledger(lam=0.5)", "debts halve every turn: lam = 0.5"),
)


def free_riders(quick: bool = False, seed: int = 0, out: str | Path | None = None) -> DemoResult:
    """A population of diffuse reciprocators with a few Defectors, under noise: ecological
    dynamics and the Moran process, for an unforgiving, a forgiving and a very forgiving
    resident (the same Ledger, debts fading at three speeds)."""
    from cooptourney.evolution import MoranProcess, ecological, fixation_probability
    from cooptourney.output import plots

    turns, pool_reps, noise = (100, 10, 0.05) if quick else (200, 50, 0.05)
    N, runs = (20, 600) if quick else (20, 4000)
    generations, start_share = 60, 0.1
    intensity = 0.1  # weak selection: fitness 1 - w + w * (mean payoff per turn), Nowak et al. (2004)
    n = Numbers()
    neutral = n("neutral", 1 / N, ".3f")
    low, high = n("extinct_below", 0.01, ".0%"), n("takeover_above", 0.99, ".0%")
    start = n("start_share", start_share, ".0%")
    rows, paragraphs, figures, data = [], [], {}, {}
    for label, resident, what in FREE_RIDER_RESIDENTS:
        key = label.replace(" ", "_")
        mp = MoranProcess(
            {resident: N - 1, "Defector": 1},
            turns=turns,
            noise=noise,
            repetitions=pool_reps,
            deterministic_payoffs=True,
            aggregate="mean",
            intensity=intensity,
            seed=seed,
        )
        A = mp.match_pool().mean_matrix  # [resident, Defector] x [resident, Defector], per turn
        eco = ecological(
            A, initial_shares=[1 - start_share, start_share], generations=generations, players=[resident, "Defector"]
        )
        moran = mp.play(runs=runs)
        exact = fixation_probability(A[::-1, ::-1], N, aggregate="mean", intensity=intensity)
        d_share = eco.shares[:, 1]
        final = float(d_share[-1])
        gone = np.flatnonzero(d_share < 0.01)
        took = np.flatnonzero(d_share > 0.99)
        row = {
            "residents": label,
            "resident": resident,
            "resident_vs_resident": A[0, 0],
            "resident_vs_defector": A[0, 1],
            "defector_vs_resident": A[1, 0],
            "defector_vs_defector": A[1, 1],
            "defector_share_final": final,
            "generation_below_1pct": int(gone[0]) if gone.size else math.nan,
            "generation_above_99pct": int(took[0]) if took.size else math.nan,
            "moran_fixations": int(moran.fixation_counts[1]),
            "moran_runs": moran.runs,
            "fixation_probability": float(moran.fixation_probabilities[1]),
            "fixation_se": float(moran.fixation_standard_errors[1]),
            "fixation_exact": exact,
        }
        rows.append(row)
        data[label] = {"pool": mp.pool, "ecological": eco, "moran": moran}
        if gone.size:
            fate = (
                f"the Defectors fell below {low} by generation {n(f'{key}_gen_out', gone[0], '.0f')} and their "
                f"share after {generations} was {n(f'{key}_final', final, '.1e')}: they died out"
            )
        elif took.size:
            fate = (
                f"the Defectors passed {high} by generation {n(f'{key}_gen_in', took[0], '.0f')} and held "
                f"{n(f'{key}_final', final, '.1%')} after {generations}: the free riders took over"
            )
        else:
            fate = f"after {generations} generations the Defectors held {n(f'{key}_final', final, '.1%')}"
        p_sim, p_se = row["fixation_probability"], row["fixation_se"]
        side = "above" if exact > 1 / N else "below" if exact < 1 / N else "equal to"
        paragraphs.append(
            textwrap.fill(
                f"{label.capitalize()} residents, {resident} ({what}). Among themselves they earned "
                f"{n(f'{key}_self', A[0, 0], '.3f')} per turn; a Defector took {n(f'{key}_take', A[1, 0], '.3f')} per turn "
                f"from them and left them {n(f'{key}_given', A[0, 1], '.3f')}. Ecological dynamics from "
                f"{start} Defectors: {fate}. Moran process, one Defector among {N - 1}: it took over in "
                f"{n(f'{key}_fixations', row['moran_fixations'], '.0f')} of {runs} runs (simulated fixation probability "
                f"{n(f'{key}_p', p_sim, '.4f')}, SE {n(f'{key}_se', p_se, '.4f')}); the exact value for these payoffs is "
                f"{n(f'{key}_exact', exact, '.4f')}, {side} the {neutral} of a neutral mutant.",
                width=110,
            )
        )
        names = [resident, "Defector (free rider)"]
        figures[f"shares-{label.replace(' ', '-')}"] = plots.shares_over_time(
            eco.shares,
            names=names,
            title=f"{label.capitalize()} residents ({resident}) and Defectors: ecological dynamics",
        )
    table = pd.DataFrame(rows)
    u, f, v = (table.iloc[k] for k in range(3))
    take_dir = "raised" if f.defector_vs_resident > u.defector_vs_resident else "lowered"
    fix_dir = "raised" if f.fixation_exact > u.fixation_exact else "lowered"
    dividend = f.resident_vs_resident - u.resident_vs_resident
    div_text = (
        f"bought the residents {n('noise_dividend', dividend, '+.3f')} per turn among themselves under noise "
        if dividend > 0
        else f"changed the residents' own payoff under noise by {n('noise_dividend', dividend, '+.3f')} per turn "
        "(the credit line already absorbs a single noise flip)"
    )
    v_verdict = (
        "more than the residents earn from each other, so the free riders grow from the first generation"
        if v.defector_vs_resident > v.resident_vs_resident
        else "still less than the residents earn from each other, so the free riders shrink"
    )
    summary = (
        f"With and without forgiveness: letting debts fade {take_dir} the free rider's take from "
        f"{n('take_unforgiving', u.defector_vs_resident, '.3f')} to {n('take_forgiving', f.defector_vs_resident, '.3f')} "
        f"per turn and {fix_dir} its exact fixation probability from {n('p_unforgiving', u.fixation_exact, '.4f')} to "
        f"{n('p_forgiving', f.fixation_exact, '.4f')}; it {div_text}. Forgiving fast, the residents hand a Defector "
        f"{n('take_very', v.defector_vs_resident, '.3f')} per turn, {v_verdict}. A rare Defector grows in the "
        "ecological dynamics exactly when what it takes from the residents exceeds what they earn from each other."
    )
    text = f"""
Free riders: a population of diffuse reciprocators (a Ledger with a credit line of one exploitation, tau = 5)
invaded by Defectors, under noise {noise:g}. The same rule at three speeds of forgiveness: how fast the residents
let a partner's debts fade. Payoffs per turn are the mean of {pool_reps} matches of {turns} turns per pair (seed {seed}).
Ecological dynamics (Axelrod 1984, ch. 3) start from {start} Defectors; the Moran process (N = {N},
{runs} runs, weak selection: fitness 1 - w + w x with w = {intensity:g} and x the mean payoff per turn) starts from
one Defector.

{chr(10).join(p + chr(10) for p in paragraphs)}
{textwrap.fill(summary, width=110)}

Ask: forgiveness is what keeps diffuse reciprocity going after a misunderstanding (see the echo demo), and it is
what free riders live on. Keohane (1986): diffuse reciprocity rests on norms and institutions. What could an
institution that records and publishes defections change in these numbers?
"""
    figures["fixation"] = plots.fixation_bars(
        {
            f"simulated ({runs} runs)": table.fixation_probability.to_numpy(),
            "exact (mean payoffs)": table.fixation_exact.to_numpy(),
        },
        groups=[lbl for lbl, _, _ in FREE_RIDER_RESIDENTS],
        population=N,
        ylabel="fixation probability of one Defector",
        title=f"Moran process, N = {N}: can one free rider take over?",
    )
    settings = {
        "residents": [r for _, r, _ in FREE_RIDER_RESIDENTS],
        "lam": [1.0, 0.9, 0.5],
        "tau": 5.0,
        "invader": "Defector",
        "noise": noise,
        "turns": turns,
        "pool_repetitions": pool_reps,
        "initial_defector_share": start_share,
        "generations": generations,
        "population": N,
        "runs": runs,
        "selection": "linear",
        "intensity": intensity,
        "aggregate": "mean",
        "deterministic_payoffs": True,
        "seed": seed,
        "game": [3, 0, 5, 1],
    }
    return finish(
        "free-riders",
        "free riders and forgiveness",
        text,
        n,
        out,
        tables={"free riders by resident": table},
        figures=figures,
        settings=settings,
        data=data,
    )
