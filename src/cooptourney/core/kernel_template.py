"""The compiled match and tournament kernels.

Strategies are reached through generated *entries* called by address
(:mod:`cooptourney.core.entry`, :func:`cooptourney.core.dispatch.entry`): each strategy's
step is inlined into an entry of one small signature, ``entry(ctx, t)``, compiled and
cached on its own, and the kernels take the entries' addresses in an integer array. So
the kernels compile once for every strategy there is or will be, each strategy compiles
(and is cached) once, and a plugin costs only its own compilation. docs/engine.md
measures the alternatives: a generated ``if/elif`` chain with the strategies inlined
compiles in time that grows with the number of strategies (over a minute at 50
strategies), which a 240-strategy library and plugin users cannot afford.

:mod:`cooptourney.core.codegen` copies this file into the kernel cache under a name
that hashes the engine sources it uses, so numba's on-disk cache (``cache=True``)
cannot serve a kernel compiled from stale engine code.
"""

import numpy as np
from numba import njit

from cooptourney.core.entry import CTX_BAD_MOVE, CTX_ERRORS, CTX_FAULT, CTX_SIZE, address, call_entry, fill_context
from cooptourney.core.layout import (
    CFG_FAIL,
    CFG_IGNORES_INFO,
    CFG_MEMORY,
    CFG_REELECT,
    CFG_TERM,
    CFG_TRACE,
    CFG_TURN_STATE,
    INFO_LENGTH,
    INFO_MY_COOPS,
    INFO_MY_SCORE,
    INFO_NOISE,
    INFO_OPP_COOPS,
    INFO_OPP_SCORE,
    INFO_SIZE,
    KEY_ELECTION,
    KEY_MEMORY,
    KEY_NOISE,
    KEY_RATIFY,
    KEY_SIZE,
    KEY_STRATEGY,
    OUT_BAD_MOVE_A,
    OUT_BAD_MOVE_B,
    OUT_BREAKS,
    OUT_CC_A,
    OUT_CC_B,
    OUT_COOP_A,
    OUT_COOP_B,
    OUT_ECHO_RUNS,
    OUT_ECHO_TURNS,
    OUT_ERRORS_A,
    OUT_ERRORS_B,
    OUT_FAULT_A,
    OUT_FAULT_B,
    OUT_FORGIVE_A,
    OUT_FORGIVE_B,
    OUT_FORGIVE_OPP_A,
    OUT_FORGIVE_OPP_B,
    OUT_MAX_GAP,
    OUT_RECOVERED,
    OUT_RECOVERY_TURNS,
    OUT_RESTART_A,
    OUT_RESTART_B,
    OUT_SCORE_A,
    OUT_SCORE_B,
    OUT_SIZE,
    OUT_TURNOVER_A,
    OUT_TURNOVER_B,
    OUT_TURNS,
    OUT_UTIL_A,
    OUT_UTIL_B,
    MatchRecord,
    MatchSettings,
    Payoffs,
    Played,
    Side,
    Workspace,
)
from cooptourney.core.numba_abi import NO_NRT, add_four, claim, load_word, trailing_zeros
from cooptourney.core.rng import PURPOSE_LENGTH, below, chance_threshold, uniform_at
from cooptourney.core.streams import fill_player_streams, match_length, purpose_key, repetition_key


# Inlined into every turn loop (pairwise and multilateral), so each turn's random draws
# and info updates are written once.
@njit(cache=True, inline="always")
def flip_moves(move_a, move_b, t, fail_a, fail_b, rkey_a, rkey_b, use_mask, flip_a, flip_b, noise, nkey_a, nkey_b):
    """The moves as played and whether anything flipped: ratification failure (Putnam's
    involuntary defection: an intended C becomes D), then the pre-drawn flip mask if
    ``use_mask``, else noise."""
    flipped = False
    if fail_a > 0.0 and move_a == 0 and uniform_at(rkey_a, t) < fail_a:
        move_a = np.int8(1)
        flipped = True
    if fail_b > 0.0 and move_b == 0 and uniform_at(rkey_b, t) < fail_b:
        move_b = np.int8(1)
        flipped = True
    if use_mask:
        if flip_a[t] != 0 or flip_b[t] != 0:
            flipped = True
        move_a ^= flip_a[t]
        move_b ^= flip_b[t]
    elif noise > 0.0:
        if uniform_at(nkey_a, t) < noise:
            move_a = 1 - move_a
            flipped = True
        if uniform_at(nkey_b, t) < noise:
            move_b = 1 - move_b
            flipped = True
    return move_a, move_b, flipped


@njit(cache=True, inline="always")
def observe_turn(info_a, info_b, perc_a, perc_b, move_a, move_b):
    """What both strategies see of the turn: running scores (perceived) and cooperations."""
    oa = 2 * move_a + move_b
    ob = 2 * move_b + move_a
    info_a[INFO_MY_SCORE] += perc_a[oa]
    info_a[INFO_OPP_SCORE] += perc_a[ob]
    info_b[INFO_MY_SCORE] += perc_b[ob]
    info_b[INFO_OPP_SCORE] += perc_b[oa]
    # without branches (a random move mispredicts half the time); adding 0.0 to a
    # count leaves it exactly as it was
    coop_a = np.float64(1 - move_a)
    coop_b = np.float64(1 - move_b)
    info_a[INFO_MY_COOPS] += coop_a
    info_b[INFO_OPP_COOPS] += coop_a
    info_b[INFO_MY_COOPS] += coop_b
    info_a[INFO_OPP_COOPS] += coop_b


# The helpers below are compiled as functions of their own, not inlined by numba:
# inline="always" re-types a callee's code at every call site, which cost seconds of the
# kernel's compile from a fresh cache, while LLVM inlines small functions on its own.
# The turn loops (plain_turns, noisy_turns, draw_flips) and the per-word helpers of
# binary_counts measured the same time per turn either way (docs/engine.md, "Threads").
# They allocate nothing, so they run without reference counting (NO_NRT), as their
# callers do. flip_moves and observe_turn (above), on the turn loops of elections,
# tracing and multilateral rounds, stay inlined.

#: doubles in a match's outcome table (:func:`fill_outcome_table`)
OUTCOME_TABLE_SIZE = 32
#: bytes from ``info_a[INFO_MY_SCORE]`` to the outcome table in :func:`play_match_in`'s
#: workspace (``info_a``, ``info_b``, then the table)
TABLE_FROM_INFO_A = 8 * (2 * INFO_SIZE - INFO_MY_SCORE)


@njit(cache=True, **NO_NRT)
def fill_outcome_table(table, perc_a, perc_b):
    """What each outcome adds to the four running slots of both players' ``info``
    (``INFO_MY_SCORE``, ``INFO_OPP_SCORE``, ``INFO_MY_COOPS``, ``INFO_OPP_COOPS``): for
    outcome ``o = 2 * move_a + move_b``, A's four at ``table[8o:8o + 4]``, B's at
    ``table[8o + 4:8o + 8]``. The same values :func:`observe_turn` adds."""
    for o in range(4):
        a = o >> 1
        b = o & 1
        ob = 2 * b + a
        table[8 * o] = perc_a[o]
        table[8 * o + 1] = perc_a[ob]
        table[8 * o + 2] = np.float64(1 - a)
        table[8 * o + 3] = np.float64(1 - b)
        table[8 * o + 4] = perc_b[ob]
        table[8 * o + 5] = perc_b[o]
        table[8 * o + 6] = np.float64(1 - b)
        table[8 * o + 7] = np.float64(1 - a)


@njit(cache=True, **NO_NRT)
def observe_outcome(info_a_at, info_b_at, table_at, move_a, move_b):
    """:func:`observe_turn` through the match's outcome table (:func:`fill_outcome_table`):
    each side's four running slots are adjacent, so each side is one vector addition of
    the same values, bit-identical. Arguments are the addresses of ``info_a[INFO_MY_SCORE]``,
    ``info_b[INFO_MY_SCORE]`` and the table. (A move other than C or D reads the slot of
    its outcome's low two bits.)"""
    q = 8 * ((2 * move_a + move_b) & 3)
    add_four(info_a_at, table_at + 8 * q)
    add_four(info_b_at, table_at + 8 * (q + 4))


@njit(cache=True, **NO_NRT)
def report_calls(out, ctx):
    """What the two context blocks ``ctx`` (A's, then B's; core/entry.py) say about the
    match's calls: how many raised (``OUT_ERRORS_*``) and, from a checked entry, the
    first fault and its move (``OUT_FAULT_*``, ``OUT_BAD_MOVE_*``). Once per match."""
    out[OUT_ERRORS_A] = ctx[CTX_ERRORS]
    out[OUT_ERRORS_B] = ctx[CTX_SIZE + CTX_ERRORS]
    if ctx[CTX_FAULT] != 0:
        out[OUT_FAULT_A] = ctx[CTX_FAULT]
        out[OUT_BAD_MOVE_A] = ctx[CTX_BAD_MOVE]
    if ctx[CTX_SIZE + CTX_FAULT] != 0:
        out[OUT_FAULT_B] = ctx[CTX_SIZE + CTX_FAULT]
        out[OUT_BAD_MOVE_B] = ctx[CTX_SIZE + CTX_BAD_MOVE]


# error_model="numpy": float division by zero in a strategy gives inf/nan instead of
# raising from inside the kernel (an exception would end the run from one of its threads).
@njit(cache=True, error_model="numpy")
def play_match(a, b, match, record):
    """Play one match in place (:func:`play_match_in` with a workspace of its own).

    Parameters
    ----------
    a, b : Side
        The two players' sides (:class:`cooptourney.core.layout.Side`).
    match : MatchSettings
        The game, length, known length and noise.
    record : MatchRecord
        Pre-drawn flips (or empty), move and trace buffers and the result row, filled in place.
    """
    n = match.turns
    ws_f = np.empty(workspace_floats(a.init.shape[0], b.init.shape[0], a.cfg[CFG_TURN_STATE], b.cfg[CFG_TURN_STATE], n))
    ws_8 = np.empty(WORKSPACE_BYTES_PER_TURN * n, dtype=np.int8)
    ws_u = np.empty(4, dtype=np.uint64)
    ws_c = np.empty(2 * CTX_SIZE, dtype=np.int64)
    play_match_in(a, b, match, record, Workspace(floats=ws_f, streams=ws_u, contexts=ws_c, marks=ws_8))


#: int8 workspace per turn of a match: the flipped-turn marks, then (with elections)
#: each player's own view of both histories
WORKSPACE_BYTES_PER_TURN = 5


@njit(cache=True, **NO_NRT)
def workspace_floats(init_a, init_b, turn_state_a, turn_state_b, n):
    """float64 workspace :func:`play_match_in` needs: both states (declared slots plus
    per-turn slots), both ``info`` vectors and the outcome table."""
    return init_a + int(turn_state_a) * n + init_b + int(turn_state_b) * n + 2 * INFO_SIZE + OUTCOME_TABLE_SIZE


@njit(cache=True, **NO_NRT)
def plain_turns(ctx_a, hist_a, hist_b, n, info_a_at, observe):
    """The turn loop of :func:`play_match_in` when nothing stands between the strategies
    and the record (no flips, elections or tracing). B's context block follows A's
    (``ctx_a``), B's info and the outcome table follow A's (``info_a_at``), so every
    address is one base plus a constant; ``observe`` (a constant at each call site)
    says whether to keep the running sums in info."""
    for t in range(n):
        move_a = call_entry(ctx_a, t)
        move_b = call_entry(ctx_a + 8 * CTX_SIZE, t)
        hist_a[t] = move_a
        hist_b[t] = move_b
        if observe:
            observe_outcome(info_a_at, info_a_at + 8 * INFO_SIZE, info_a_at + TABLE_FROM_INFO_A, move_a, move_b)


@njit(cache=True, **NO_NRT)
def noisy_turns(ctx_a, hist_a, hist_b, n, info_a_at, observe, flip_a, flip_b):
    """:func:`plain_turns` with the noise drawn beforehand: ``flip_a[t] != 0`` flips A's
    intended move on turn ``t`` (C and D swap, as :func:`flip_moves` does), likewise B.
    The draws are made in a loop of their own (:func:`draw_flips`), so the turn loop
    keeps no stream keys live across the two calls."""
    for t in range(n):
        move_a = call_entry(ctx_a, t)
        move_b = call_entry(ctx_a + 8 * CTX_SIZE, t)
        # 1 - move when flipped, without a branch on a draw
        move_a = move_a + flip_a[t] * (1 - 2 * move_a)
        move_b = move_b + flip_b[t] * (1 - 2 * move_b)
        hist_a[t] = move_a
        hist_b[t] = move_b
        if observe:
            observe_outcome(info_a_at, info_a_at + 8 * INFO_SIZE, info_a_at + TABLE_FROM_INFO_A, move_a, move_b)


@njit(cache=True, **NO_NRT)
def draw_flips(flip_a, flip_b, flips, n, noise, nkey_a, nkey_b):
    """The noise draws of :func:`flip_moves` for turns ``0 <= t < n``, made at once: the
    same draws (turn ``t`` of each side's noise stream), so the same flips, compared in
    integers (:func:`~cooptourney.core.rng.below`), which takes a third less time."""
    threshold = chance_threshold(noise)
    for t in range(n):
        fa = np.int8(below(nkey_a, t, threshold))
        fb = np.int8(below(nkey_b, t, threshold))
        flip_a[t] = fa
        flip_b[t] = fb
        flips[t] = fa | fb


# _nrt=False: it allocates nothing (the caller hands it every array, the workspace
# sized by workspace_floats and WORKSPACE_BYTES_PER_TURN), so it needs no reference
# counting; with it numba increfs and decrefs its two dozen array arguments on every
# match, each an atomic update.
@njit(cache=True, error_model="numpy", **NO_NRT)
def play_match_in(a, b, match, record, ws):
    """Play one match of ``match.turns`` (``n``) turns in place.

    Parameters
    ----------
    a, b : Side
        The two players' sides (:class:`cooptourney.core.layout.Side`): entry address,
        parameter values, initial state (copied, then ``CFG_TURN_STATE * n`` zeros;
        reused when a new leader restarts the strategy), perceived (R, S, T, P), stream
        keys by purpose (``KEY_*``) and mechanics (``CFG_*``: ratification failure,
        electoral term, re-election probability, institutional memory, traced state slot).
    match : MatchSettings
        The material (R, S, T, P), the number of turns ``n``, the length the players are
        told (``n`` for fixed turns, -1 under ``prob_end``) and the noise.
    record : MatchRecord
        Pre-drawn flip masks (length ``n``) replacing the noise draws, or empty; move
        buffers (length >= ``n``) and per-turn values of the traced state slot (length
        >= ``n``, or empty), filled in place; the result row (``OUT_*``), filled in place.
    ws : Workspace
        Workspace the caller reuses from match to match (the tournament kernel keeps one
        per chunk of matches): the state, info and outcome-table block (float64, at
        least :func:`workspace_floats`), the two random streams (uint64[4]), the two
        context blocks (int64[2 * CTX_SIZE]), the flipped-turn marks and election views
        (int8[WORKSPACE_BYTES_PER_TURN * n]). Every part of it this match reads is set
        here first, so its earlier contents never matter.
    """
    step_a, par_a, init_a, perc_a, keys_a, cfg_a = a.step, a.params, a.init, a.perceived, a.keys, a.cfg
    step_b, par_b, init_b, perc_b, keys_b, cfg_b = b.step, b.params, b.init, b.perceived, b.keys, b.cfg
    game, n, known_length, noise = match.game, match.turns, match.known_length, match.noise
    flip_a, flip_b, hist_a, hist_b = record.flip_a, record.flip_b, record.hist_a, record.hist_b
    trace_a, trace_b, out = record.trace_a, record.trace_b, record.out
    ws_f, ws_u, ws_c, ws_8 = ws.floats, ws.streams, ws.contexts, ws.marks
    payoffs = Payoffs(game=game, perceived_a=perc_a, perceived_b=perc_b)
    # One scratch block for both players' state and info vectors (a strategy's state:
    # its declared initial values, then its per-turn slots, zeros).
    len_a = init_a.shape[0] + int(cfg_a[CFG_TURN_STATE]) * n
    len_b = init_b.shape[0] + int(cfg_b[CFG_TURN_STATE]) * n
    need = workspace_floats(init_a.shape[0], init_b.shape[0], cfg_a[CFG_TURN_STATE], cfg_b[CFG_TURN_STATE], n)
    scratch = ws_f[0:need]
    for q in range(need):
        scratch[q] = 0.0
    st_a = scratch[0:len_a]
    st_b = scratch[len_a : len_a + len_b]
    info_a = scratch[len_a + len_b : len_a + len_b + INFO_SIZE]
    info_b = scratch[len_a + len_b + INFO_SIZE : len_a + len_b + 2 * INFO_SIZE]
    table = scratch[len_a + len_b + 2 * INFO_SIZE : need]
    fill_outcome_table(table, perc_a, perc_b)
    # addresses for observe_outcome (the workspace is the caller's: alive for the whole match)
    info_a_at = address(info_a) + 8 * INFO_MY_SCORE
    info_b_at = address(info_b) + 8 * INFO_MY_SCORE
    table_at = address(table)
    for q in range(init_a.shape[0]):
        st_a[q] = init_a[q]
    for q in range(init_b.shape[0]):
        st_b[q] = init_b[q]
    for q in range(4):
        info_a[q] = perc_a[q]
        info_b[q] = perc_b[q]
    info_a[INFO_LENGTH] = known_length
    info_b[INFO_LENGTH] = known_length
    info_a[INFO_NOISE] = noise
    info_b[INFO_NOISE] = noise
    rngs = ws_u[0:4]
    rng_a = rngs[0:2]
    rng_b = rngs[2:4]
    rng_a[0] = keys_a[KEY_STRATEGY]
    rng_a[1] = 0
    rng_b[0] = keys_b[KEY_STRATEGY]
    rng_b[1] = 0
    nkey_a = keys_a[KEY_NOISE]
    nkey_b = keys_b[KEY_NOISE]
    use_mask = flip_a.shape[0] > 0
    fail_a = cfg_a[CFG_FAIL]
    fail_b = cfg_b[CFG_FAIL]
    term_a = int(cfg_a[CFG_TERM])
    term_b = int(cfg_b[CFG_TERM])
    tr_a = int(cfg_a[CFG_TRACE])
    tr_b = int(cfg_b[CFG_TRACE])
    tracing = trace_a.shape[0] > 0
    # Turns where a move was flipped (noise, mask or ratification failure), for the
    # recovery metric; without any flipping mechanism no turn is flipped.
    can_flip = use_mask or noise > 0.0 or fail_a > 0.0 or fail_b > 0.0
    flips = flip_a  # (empty when nothing can flip)
    if can_flip:
        flips = ws_8[0:n]
        for q in range(n):
            flips[q] = 0
    # What each strategy remembers. Without elections these are the match histories
    # themselves (no copies, no extra work); with them each player has its own view,
    # which a new leader without institutional memory starts again from turn 0.
    turnover = term_a > 0 or term_b > 0
    if turnover:
        va_my = ws_8[n : 2 * n]
        va_opp = ws_8[2 * n : 3 * n]
        vb_my = ws_8[3 * n : 4 * n]
        vb_opp = ws_8[4 * n : 5 * n]
    else:
        va_my = hist_a
        va_opp = hist_b
        vb_my = hist_b
        vb_opp = hist_a
    off_a = 0
    off_b = 0
    for q in range(OUT_SIZE):
        out[q] = 0.0
    # The turn loop does only what the strategies can observe (moves, info) and what
    # cannot be recomputed; every result is computed afterwards from the finished
    # histories in tight loops without opaque calls (match_metrics), which keeps the
    # counters in registers (docs/engine.md, "Per-turn cost"). Matches without
    # elections or tracing have loops of their own (one more when nothing can flip a
    # move): fewer live values across the two opaque calls, fewer spills.
    # The strategies are called through their entries (core/entry.py): a context block
    # per side points at the arrays it sees, filled once here.
    ctx = ws_c[0 : 2 * CTX_SIZE]
    ctx_a = fill_context(ctx[0:CTX_SIZE], step_a, va_my, va_opp, st_a, par_a, info_a, rng_a)
    ctx_b = fill_context(ctx[CTX_SIZE : 2 * CTX_SIZE], step_b, vb_my, vb_opp, st_b, par_b, info_b, rng_b)
    if not turnover and not tracing and not can_flip:
        # The commonest case, nothing between the strategies and the record, gets the
        # leanest loop (plain_turns): fewer values live across the two calls, so fewer
        # of them are reloaded from the stack each turn.
        # The running sums in info are kept only if one of the steps can read them
        # (a loop of its own each way: a test in the loop costs a register).
        if cfg_a[CFG_IGNORES_INFO] > 0.0 and cfg_b[CFG_IGNORES_INFO] > 0.0:
            plain_turns(ctx_a, hist_a, hist_b, n, info_a_at, False)
        else:
            plain_turns(ctx_a, hist_a, hist_b, n, info_a_at, True)
        match_metrics(Played(hist_a=hist_a, hist_b=hist_b, flips=flips, can_flip=can_flip, turns=n), payoffs, out)
        report_calls(out, ctx)
        return
    if not turnover and not tracing and not use_mask and fail_a <= 0.0 and fail_b <= 0.0:
        # noise alone: drawn first, into the bytes the election views would use
        noise_a = ws_8[n : 2 * n]
        noise_b = ws_8[2 * n : 3 * n]
        draw_flips(noise_a, noise_b, flips, n, noise, nkey_a, nkey_b)
        if cfg_a[CFG_IGNORES_INFO] > 0.0 and cfg_b[CFG_IGNORES_INFO] > 0.0:
            noisy_turns(ctx_a, hist_a, hist_b, n, info_a_at, False, noise_a, noise_b)
        else:
            noisy_turns(ctx_a, hist_a, hist_b, n, info_a_at, True, noise_a, noise_b)
        match_metrics(Played(hist_a=hist_a, hist_b=hist_b, flips=flips, can_flip=can_flip, turns=n), payoffs, out)
        report_calls(out, ctx)
        return
    if not turnover and not tracing:
        # something can flip a move (noise, a flip mask, ratification failure)
        for t in range(n):
            move_a = call_entry(ctx_a, t)
            move_b = call_entry(ctx_b, t)
            move_a, move_b, flipped = flip_moves(
                move_a,
                move_b,
                t,
                fail_a,
                fail_b,
                keys_a[KEY_RATIFY],
                keys_b[KEY_RATIFY],
                use_mask,
                flip_a,
                flip_b,
                noise,
                nkey_a,
                nkey_b,
            )
            if flipped:
                flips[t] = 1
            hist_a[t] = move_a
            hist_b[t] = move_b
            observe_outcome(info_a_at, info_b_at, table_at, move_a, move_b)
        match_metrics(Played(hist_a=hist_a, hist_b=hist_b, flips=flips, can_flip=can_flip, turns=n), payoffs, out)
        report_calls(out, ctx)
        return
    # The general loop: elections, per-player views of the history, tracing.
    for t in range(n):
        if turnover and t > 0:
            # Elections every `term` turns; a defeated incumbent's successor keeps the
            # strategy's memory only with probability m (institutional memory).
            if term_a > 0 and t % term_a == 0 and uniform_at(keys_a[KEY_ELECTION], t) >= cfg_a[CFG_REELECT]:
                out[OUT_TURNOVER_A] += 1.0
                if uniform_at(keys_a[KEY_MEMORY], t) >= cfg_a[CFG_MEMORY]:
                    out[OUT_RESTART_A] += 1.0
                    off_a = t
                    for q in range(st_a.shape[0]):
                        st_a[q] = init_a[q] if q < init_a.shape[0] else 0.0
                    for q in range(INFO_MY_SCORE, INFO_SIZE):
                        info_a[q] = 0.0
            if term_b > 0 and t % term_b == 0 and uniform_at(keys_b[KEY_ELECTION], t) >= cfg_b[CFG_REELECT]:
                out[OUT_TURNOVER_B] += 1.0
                if uniform_at(keys_b[KEY_MEMORY], t) >= cfg_b[CFG_MEMORY]:
                    out[OUT_RESTART_B] += 1.0
                    off_b = t
                    for q in range(st_b.shape[0]):
                        st_b[q] = init_b[q] if q < init_b.shape[0] else 0.0
                    for q in range(INFO_MY_SCORE, INFO_SIZE):
                        info_b[q] = 0.0
        ta = t - off_a
        tb = t - off_b
        # Both sides are written out (not a loop over a side index): rebinding array
        # variables inside the turn loop costs atomic reference-count updates that
        # measured 150 ns per turn.
        move_a = call_entry(ctx_a, ta)
        move_b = call_entry(ctx_b, tb)
        if tracing:
            if tr_a >= 0:
                trace_a[t] = st_a[tr_a]
            if tr_b >= 0:
                trace_b[t] = st_b[tr_b]
        if can_flip:
            move_a, move_b, flipped = flip_moves(
                move_a,
                move_b,
                t,
                fail_a,
                fail_b,
                keys_a[KEY_RATIFY],
                keys_b[KEY_RATIFY],
                use_mask,
                flip_a,
                flip_b,
                noise,
                nkey_a,
                nkey_b,
            )
            if flipped:
                flips[t] = 1
        hist_a[t] = move_a
        hist_b[t] = move_b
        if turnover:
            va_my[ta] = move_a
            va_opp[ta] = move_b
            vb_my[tb] = move_b
            vb_opp[tb] = move_a
        observe_outcome(info_a_at, info_b_at, table_at, move_a, move_b)
    match_metrics(Played(hist_a=hist_a, hist_b=hist_b, flips=flips, can_flip=can_flip, turns=n), payoffs, out)
    report_calls(out, ctx)


# Payoffs up to this size in absolute value make every partial sum of a match's
# payoffs an integer below 2**53 (matches are far shorter than 2**31 turns), so such
# sums are exact in any order.
EXACT_PAYOFF = 2.0**20


@njit(cache=True, **NO_NRT)
def exact_payoffs(game, perc_a, perc_b, n):
    """Whether every payoff is an integer no larger than ``EXACT_PAYOFF`` in absolute
    value (and the match shorter than 2**31 turns): then every running sum of payoffs
    is exact, and a sum over the outcome counts equals the turn-by-turn sum bit for bit."""
    if n >= 2**31:
        return False
    for q in range(4):
        for v in (game[q], perc_a[q], perc_b[q]):
            if not (abs(v) <= EXACT_PAYOFF and v == np.floor(v)):
                return False
    return True


ONES = np.uint64(0x0101010101010101)  # a 1 in every byte
_EVEN = np.uint64(0x00FF00FF00FF00FF)
_PAIRS = np.uint64(0x0001000100010001)


@njit(cache=True, **NO_NRT)
def byte_sum(x):
    """The sum of the eight bytes of ``x`` (each at most 255)."""
    pairs = (x & _EVEN) + ((x >> np.uint64(8)) & _EVEN)  # four 16-bit sums, each <= 510
    return np.int64((pairs * _PAIRS) >> np.uint64(48))


@njit(cache=True, **NO_NRT)
def mirrors(a0, b0, a1, b1):
    """1 where the turn mirrors the one before (CD after DC or DC after CD): the players
    differ now and each changed (0/1 moves, bytewise)."""
    return (a0 ^ b0) & (a0 ^ a1) & (b0 ^ b1)


@njit(cache=True, **NO_NRT)
def binary_counts(hist_a, hist_b, n):
    """Every count :func:`match_metrics` needs, for histories of C (0) and D (1), eight
    turns at a time: each byte of a 64-bit word is one turn, the histories one and two
    turns back are the words loaded one and two bytes earlier, and each count is a word
    whose bytes count their turns, summed every 255 words (before a byte can overflow).
    The first two turns and the last ``(n - 2) % 8`` go one at a time.

    Returns (OR of every move, A's Cs, B's Cs, mutual Ds, A's Cs after B's C, B's Cs
    after A's C, A's chances to forgive and forgivings, the same two for B, mirrored
    turns, runs of mirrored turns). Only the OR means anything when a move is neither
    0 nor 1.
    """
    pa = address(hist_a)
    pb = address(hist_b)
    bits = 0
    coop_a = coop_b = both_d = a_cc = b_cc = 0
    f_opp_a = f_a = f_opp_b = f_b = mirrored = runs = 0
    # turns 0 and 1, one at a time
    for t in range(min(n, 2)):
        a = np.int64(hist_a[t])
        b = np.int64(hist_b[t])
        bits |= a | b
        coop_a += 1 - a
        coop_b += 1 - b
        both_d += a & b
        if t == 1:
            a1 = np.int64(hist_a[0])
            b1 = np.int64(hist_b[0])
            a_cc += (1 - a) & (1 - b1)
            b_cc += (1 - b) & (1 - a1)
            m = (a ^ b) & (a ^ a1) & (b ^ b1)
            mirrored += m
            runs += m
    words = (n - 2) // 8 if n > 2 else 0
    w_bits = np.uint64(0)
    done = 0
    while done < words:
        block = min(words - done, 255)
        w_ca = w_cb = w_dd = w_acc = w_bcc = np.uint64(0)
        w_foa = w_fa = w_fob = w_fb = w_m = w_r = np.uint64(0)
        for w in range(done, done + block):
            at = 2 + 8 * w  # turns at .. at + 7
            a0 = load_word(pa + at)
            b0 = load_word(pb + at)
            a1 = load_word(pa + at - 1)
            b1 = load_word(pb + at - 1)
            a2 = load_word(pa + at - 2)
            b2 = load_word(pb + at - 2)
            w_bits |= a0 | b0
            w_ca += ~a0 & ONES
            w_cb += ~b0 & ONES
            w_dd += a0 & b0
            w_acc += ~(a0 | b1) & ONES
            w_bcc += ~(b0 | a1) & ONES
            fa = a1 & b2 & b1  # A retaliated last turn against a D, and B still defected
            fb = b1 & a2 & a1
            w_foa += fa
            w_fa += fa & ~a0
            w_fob += fb
            w_fb += fb & ~b0
            m0 = mirrors(a0, b0, a1, b1)
            w_m += m0
            w_r += m0 & ~mirrors(a1, b1, a2, b2)
        coop_a += byte_sum(w_ca)
        coop_b += byte_sum(w_cb)
        both_d += byte_sum(w_dd)
        a_cc += byte_sum(w_acc)
        b_cc += byte_sum(w_bcc)
        f_opp_a += byte_sum(w_foa)
        f_a += byte_sum(w_fa)
        f_opp_b += byte_sum(w_fob)
        f_b += byte_sum(w_fb)
        mirrored += byte_sum(w_m)
        runs += byte_sum(w_r)
        done += block
    if w_bits != 0:
        # the OR of the words' bytes, folded into one byte
        folded = w_bits | (w_bits >> np.uint64(32))
        folded |= folded >> np.uint64(16)
        folded |= folded >> np.uint64(8)
        bits |= np.int64(folded & np.uint64(0xFF))
    # the rest, one turn at a time
    for t in range(2 + 8 * words, n):
        a = np.int64(hist_a[t])
        b = np.int64(hist_b[t])
        a1 = np.int64(hist_a[t - 1])
        b1 = np.int64(hist_b[t - 1])
        a2 = np.int64(hist_a[t - 2])
        b2 = np.int64(hist_b[t - 2])
        bits |= a | b
        coop_a += 1 - a
        coop_b += 1 - b
        both_d += a & b
        a_cc += (1 - a) & (1 - b1)
        b_cc += (1 - b) & (1 - a1)
        fa = a1 & b2 & b1
        fb = b1 & a2 & a1
        f_opp_a += fa
        f_a += fa & (1 - a)
        f_opp_b += fb
        f_b += fb & (1 - b)
        m0 = (a ^ b) & (a ^ a1) & (b ^ b1)
        m1 = (a1 ^ b1) & (a1 ^ a2) & (b1 ^ b2)
        mirrored += m0
        runs += m0 & (1 - m1)
    return (bits & 0xFF, coop_a, coop_b, both_d, a_cc, b_cc, f_opp_a, f_a, f_opp_b, f_b, mirrored, runs)


@njit(cache=True, **NO_NRT)
def binary_recovery(hist_a, hist_b, flips, n):
    """(breaks, recovered, recovery turns) of :func:`match_metrics` for histories of C (0)
    and D (1) and flipped-turn marks of 0 and 1, eight turns at a time.

    A break is a flipped turn that is not mutual cooperation, on turn 0 or after a turn
    of mutual cooperation; it is recovered on the next turn of mutual cooperation, and
    the turns until then add to the recovery turns. No break is counted while one waits
    for its recovery. So the pass looks for the next break (a word of eight turns at a
    time: flipped, not CC, CC the turn before), then for the next CC turn after it (a
    word at a time), and skips everything in between: every count is the same as the
    turn-by-turn definition's.
    """
    pa = address(hist_a)
    pb = address(hist_b)
    pf = address(flips)
    breaks = recovered = recovery_turns = 0
    t = 0
    while t < n:
        # the next break at or after turn t
        if t > 0 and t + 8 <= n:
            now = load_word(pa + t) | load_word(pb + t)
            before = load_word(pa + t - 1) | load_word(pb + t - 1)
            starts = load_word(pf + t) & now & ~before & ONES
            if starts == 0:
                t += 8
                continue
            t += np.int64(trailing_zeros(starts) >> np.uint64(3))
        elif not (flips[t] != 0 and (hist_a[t] | hist_b[t]) != 0 and (t == 0 or (hist_a[t - 1] | hist_b[t - 1]) == 0)):
            t += 1
            continue
        breaks += 1
        # the next turn of mutual cooperation after it
        s = t + 1
        found = False
        while s + 8 <= n:
            cc = ~(load_word(pa + s) | load_word(pb + s)) & ONES
            if cc != 0:
                s += np.int64(trailing_zeros(cc) >> np.uint64(3))
                found = True
                break
            s += 8
        if not found:
            while s < n and (hist_a[s] | hist_b[s]) != 0:
                s += 1
            found = s < n
        if not found:
            break
        recovered += 1
        recovery_turns += s - t
        t = s + 1
    return breaks, recovered, recovery_turns


def _lead_steps():
    """For every four turns, ``(rise, peak, trough)`` of the running difference "A's
    defections minus B's": its change over the four turns and its highest and lowest
    value after each of them, relative to the start. Indexed by ``up | down << 4``,
    where bit k of ``up`` (``down``) says A (B) defected alone on the k-th turn."""
    steps = np.zeros((256, 3), dtype=np.int64)
    for up in range(16):
        for down in range(16):
            lead = peak = trough = 0
            for k in range(4):
                lead += ((up >> k) & 1) - ((down >> k) & 1)
                peak = max(peak, lead) if k else lead
                trough = min(trough, lead) if k else lead
            steps[up | down << 4] = (lead, peak, trough)
    return steps


LEAD_STEPS = _lead_steps()
#: gathers bit 0 of each byte of a word of 0/1 bytes into the top byte of the product
#: (byte k to bit 56 + k; each bit of the product gets one term, so nothing carries)
GATHER = np.uint64(0x0102040810204080)
_NIBBLE = np.uint64(15)


@njit(cache=True, **NO_NRT)
def binary_max_lead(hist_a, hist_b, n):
    """The largest ``|lead|`` over the turns, where ``lead`` after turn t is A's
    defections minus B's in turns 0..t (histories of C = 0 and D = 1). Eight turns at a
    time: a word where the two histories agree leaves ``lead`` as it is; otherwise the
    turns where one side defected alone become two 8-bit masks (:data:`GATHER`), and
    each half of the word is one look-up of its change, highest and lowest prefix
    (:data:`LEAD_STEPS`). The largest ``|lead + p|`` over the prefixes ``p`` of a half
    is that of its highest or of its lowest one."""
    pa = address(hist_a)
    pb = address(hist_b)
    lead = 0
    top = 0
    words = n // 8
    for w in range(words):
        a = load_word(pa + 8 * w)
        b = load_word(pb + 8 * w)
        differ = a ^ b
        if differ == 0:
            continue
        up = ((a & differ) * GATHER) >> np.uint64(56)
        down = ((b & differ) * GATHER) >> np.uint64(56)
        for half in range(2):
            shift = np.uint64(4 * half)
            k = np.int64(((up >> shift) & _NIBBLE) | (((down >> shift) & _NIBBLE) << np.uint64(4)))
            top = max(top, lead + LEAD_STEPS[k, 1], -(lead + LEAD_STEPS[k, 2]))
            lead += LEAD_STEPS[k, 0]
    for t in range(8 * words, n):
        lead += np.int64(hist_a[t]) - np.int64(hist_b[t])
        top = max(top, abs(lead))
    return top


# _nrt=False: it allocates nothing, so it needs no reference counting; without it numba
# increfs and decrefs each of its eight array arguments on every call (atomic updates).
@njit(cache=True, error_model="numpy", **NO_NRT)
def match_metrics(played, payoffs, out):
    """Scores, cooperation counts and the reciprocity metrics (docs/reference/metrics.md) of a
    finished match, from its histories and flipped turns (``played``,
    :class:`cooptourney.core.layout.Played`) and its payoffs (``payoffs``,
    :class:`cooptourney.core.layout.Payoffs`), into ``out`` (float64[OUT_SIZE]).

    Every result is bit-identical to accumulating it turn by turn. Most of them are
    counts, computed eight turns at a time (:func:`binary_counts`). The payoff sums are
    counts too when the payoffs are small integers (:func:`exact_payoffs`, the default
    game among them): every partial sum is then an exact integer, so the sum over the
    four outcome counts is the turn-by-turn sum. With any other payoffs they run over
    the turns in order, as the turn loop once did.
    """
    hist_a, hist_b, flips, can_flip, n = played.hist_a, played.hist_b, played.flips, played.can_flip, played.turns
    game, perc_a, perc_b = payoffs.game, payoffs.perceived_a, payoffs.perceived_b
    # every count at once, eight turns at a time (binary_counts); they hold for moves of
    # 0 and 1, which the OR of every move shows. A step that returned another value gets
    # the turn-by-turn loops below, and its first such move is reported (OUT_FAULT_*), for
    # the run to fail naming it: this costs nothing per turn.
    (
        bits,
        coop_a,
        coop_b,
        both_d,
        a_cc,
        b_cc,
        forgive_opp_a,
        forgive_a,
        forgive_opp_b,
        forgive_b,
        mirrored,
        echo_runs,
    ) = binary_counts(hist_a, hist_b, n)
    binary = (bits & ~1) == 0
    if binary and exact_payoffs(game, perc_a, perc_b, n):
        # outcome counts, from A's side: CC, CD (A cooperated, B defected), DC, DD
        n_dd = both_d
        n_cd = (n - coop_b) - n_dd
        n_dc = (n - coop_a) - n_dd
        n_cc = n - n_cd - n_dc - n_dd
        score_a = 0.0 + (n_cc * game[0] + n_cd * game[1]) + (n_dc * game[2] + n_dd * game[3])
        score_b = 0.0 + (n_cc * game[0] + n_dc * game[1]) + (n_cd * game[2] + n_dd * game[3])
        util_a = 0.0 + (n_cc * perc_a[0] + n_cd * perc_a[1]) + (n_dc * perc_a[2] + n_dd * perc_a[3])
        util_b = 0.0 + (n_cc * perc_b[0] + n_dc * perc_b[1]) + (n_cd * perc_b[2] + n_dd * perc_b[3])
        # the material gap after turn t is (T - S) times (A's defections - B's) so far
        # (mutual outcomes add g - g = 0): its largest size is |T - S| times the largest
        # size of that running difference
        max_gap = abs(game[2] - game[1]) * binary_max_lead(hist_a, hist_b, n)
    else:
        score_a = 0.0
        score_b = 0.0
        util_a = 0.0
        util_b = 0.0
        gap = 0.0
        max_gap = 0.0
        for t in range(n):
            oa = 2 * hist_a[t] + hist_b[t]
            ob = 2 * hist_b[t] + hist_a[t]
            score_a += game[oa]
            score_b += game[ob]
            util_a += perc_a[oa]
            util_b += perc_b[ob]
            gap += game[oa] - game[ob]
            if abs(gap) > max_gap:
                max_gap = abs(gap)
    echo_turns = mirrored + echo_runs  # a run of k mirrored turns spans k + 1 turns
    fault_a = fault_b = 0
    bad_a = bad_b = 0
    if not binary:
        # the first turn on which each side's move was neither C nor D (noise and flips
        # keep such a move out of {0, 1}, so it is the move its step returned)
        for t in range(n):
            if fault_a == 0 and hist_a[t] != 0 and hist_a[t] != 1:
                fault_a = t + 1
                bad_a = hist_a[t]
            if fault_b == 0 and hist_b[t] != 0 and hist_b[t] != 1:
                fault_b = t + 1
                bad_b = hist_b[t]
        # Turn by turn, for histories with moves other than C and D. The integer counts
        # index shifted views with the loop counter (t - 1 or t - 2 as an index would
        # cost a negative-index check per access).
        coop_a = 0
        coop_b = 0
        for t in range(n):
            coop_a += hist_a[t] == 0
            coop_b += hist_b[t] == 0
        # contingency: own move now, partner's previous move (turns t >= 1); the other
        # cells follow from the counts
        a_cc = 0
        b_cc = 0
        if n > 1:
            a_now = hist_a[1:n]
            b_now = hist_b[1:n]
            a_prev = hist_a[0 : n - 1]
            b_prev = hist_b[0 : n - 1]
            for t in range(n - 1):
                a_cc += (a_now[t] == 0) & (b_prev[t] == 0)
                b_cc += (b_now[t] == 0) & (a_prev[t] == 0)
        # forgiveness: retaliated at t-1 (D after partner D at t-2), partner still D at t-1
        forgive_opp_a = forgive_a = forgive_opp_b = forgive_b = 0
        if n > 2:
            a_now = hist_a[2:n]
            b_now = hist_b[2:n]
            a_1 = hist_a[1 : n - 1]
            b_1 = hist_b[1 : n - 1]
            a_2 = hist_a[0 : n - 2]
            b_2 = hist_b[0 : n - 2]
            for t in range(n - 2):
                fa = (a_1[t] == 1) & (b_2[t] == 1) & (b_1[t] == 1)
                fb = (b_1[t] == 1) & (a_2[t] == 1) & (a_1[t] == 1)
                forgive_opp_a += fa
                forgive_a += fa & (a_now[t] == 0)
                forgive_opp_b += fb
                forgive_b += fb & (b_now[t] == 0)
        # echo runs: CD, DC, CD, ... each outcome the mirror of the one before
        echo_turns = echo_runs = 0
        echo = 0
        last_oa = 2 * hist_a[0] + hist_b[0] if n > 0 else -1
        for t in range(1, n):
            oa = 2 * hist_a[t] + hist_b[t]
            if (oa == 1 or oa == 2) and last_oa == 3 - oa:
                echo = 2 if echo == 0 else echo + 1
            elif echo != 0:
                echo_turns += echo
                echo_runs += 1
                echo = 0
            last_oa = oa
        if echo >= 2:
            echo_turns += echo
            echo_runs += 1
    a_c_after_c = a_c_after_d = a_d_after_c = a_d_after_d = 0
    b_c_after_c = b_c_after_d = b_d_after_c = b_d_after_d = 0
    if n > 0:
        first_ca = 1 if hist_a[0] == 0 else 0
        first_cb = 1 if hist_b[0] == 0 else 0
        last_ca = 1 if hist_a[n - 1] == 0 else 0
        last_cb = 1 if hist_b[n - 1] == 0 else 0
        a_c_after_c = a_cc
        a_c_after_d = coop_a - first_ca - a_cc
        a_d_after_c = coop_b - last_cb - a_cc
        a_d_after_d = n - 1 - a_c_after_c - a_c_after_d - a_d_after_c
        b_c_after_c = b_cc
        b_c_after_d = coop_b - first_cb - b_cc
        b_d_after_c = coop_a - last_ca - b_cc
        b_d_after_d = n - 1 - b_c_after_c - b_c_after_d - b_d_after_c
    # recovery: a flip that breaks mutual cooperation, until the next CC outcome
    breaks = recovered = recovery_turns = 0
    if can_flip and binary:
        breaks, recovered, recovery_turns = binary_recovery(hist_a, hist_b, flips, n)
    elif can_flip:
        waiting = False
        broken_at = 0
        last_oa = -1
        for t in range(n):
            oa = 2 * hist_a[t] + hist_b[t]
            if waiting:
                if oa == 0:
                    recovery_turns += t - broken_at
                    recovered += 1
                    waiting = False
            elif flips[t] != 0 and oa != 0 and (t == 0 or last_oa == 0):
                breaks += 1
                waiting = True
                broken_at = t
            last_oa = oa
    out[OUT_CC_A] = a_c_after_c
    out[OUT_CC_A + 1] = a_c_after_d
    out[OUT_CC_A + 2] = a_d_after_c
    out[OUT_CC_A + 3] = a_d_after_d
    out[OUT_CC_B] = b_c_after_c
    out[OUT_CC_B + 1] = b_c_after_d
    out[OUT_CC_B + 2] = b_d_after_c
    out[OUT_CC_B + 3] = b_d_after_d
    out[OUT_FORGIVE_OPP_A] = forgive_opp_a
    out[OUT_FORGIVE_A] = forgive_a
    out[OUT_FORGIVE_OPP_B] = forgive_opp_b
    out[OUT_FORGIVE_B] = forgive_b
    out[OUT_ECHO_TURNS] = echo_turns
    out[OUT_ECHO_RUNS] = echo_runs
    out[OUT_BREAKS] = breaks
    out[OUT_RECOVERED] = recovered
    out[OUT_RECOVERY_TURNS] = recovery_turns
    out[OUT_MAX_GAP] = max_gap
    out[OUT_SCORE_A] = score_a
    out[OUT_SCORE_B] = score_b
    out[OUT_UTIL_A] = util_a
    out[OUT_UTIL_B] = util_b
    out[OUT_COOP_A] = coop_a
    out[OUT_COOP_B] = coop_b
    out[OUT_TURNS] = n
    out[OUT_FAULT_A] = fault_a
    out[OUT_FAULT_B] = fault_b
    out[OUT_BAD_MOVE_A] = bad_a
    out[OUT_BAD_MOVE_B] = bad_b


# nogil=True and a loop over chunks instead of prange: core/threads.py runs one call per
# thread. A parallel loop (parfor) makes numba compile the kernel a second time as a
# gufunc, which cost 11.7 s of the kernel's 32.7 s of compile CPU from a fresh cache
# against 2.9 s for this loop (docs/engine.md, "Threads").
@njit(cache=True, nogil=True, error_model="numpy")
def play_tournament(players, rules, pairs, output, k0, k1, n_chunks, next_chunk):
    """Play the chunks this thread claims of tasks ``k0 <= k < k1`` of a round robin.

    ``players`` (:class:`cooptourney.core.layout.PlayerTables`) holds every player's
    tables, ``rules`` (:class:`~cooptourney.core.layout.TournamentSettings`) what the
    matches share, ``pairs`` (:class:`~cooptourney.core.layout.Pairs`) who plays whom;
    pairs with ``skip[pair] != 0`` are left alone (they are played on the Python path).
    Task ``k`` is pair ``k // repetitions``, repetition ``k % repetitions``; it writes
    only ``output.out[k]`` (and ``output.moves[k]``, ``output.traces[k]`` when
    ``output.record``), so the result does not depend on the number of threads, the
    chunking or the order they run in.

    The tasks are cut into ``n_chunks`` contiguous chunks (chunk ``c`` is
    ``k0 + n * c // n_chunks <= k < k0 + n * (c + 1) // n_chunks``, ``n = k1 - k0``).
    Every thread running this call on the same ``next_chunk`` (int64[1], 0 at first)
    claims the next chunk with an atomic increment until none is left
    (:func:`cooptourney.core.threads.play_chunks`), so a thread the machine slows down
    plays fewer of them. The call allocates one workspace and reuses it for all its
    matches (:func:`play_tasks`, :func:`play_match_in`), instead of seven allocations
    per match.
    """
    state_len, cfg, player_keys = players.state_len, players.cfg, players.keys
    turns, prob_end, seed, repetitions = rules.turns, rules.prob_end, rules.seed, rules.repetitions
    pair_i, pair_j = pairs.pair_i, pairs.pair_j
    n_tasks = k1 - k0
    if n_tasks <= 0:
        return
    # the longest match the workspace is sized for; a longer one (prob_end without a
    # turn cap) gets a workspace of its own
    cap = turns if turns > 0 else 1000
    max_state = 0
    for i in range(state_len.shape[0]):
        max_state = max(max_state, state_len[i] + int(cfg[i, CFG_TURN_STATE]) * cap)
    ws_f = np.empty(2 * max_state + 2 * INFO_SIZE + OUTCOME_TABLE_SIZE)
    ws_u = np.empty(4, dtype=np.uint64)
    ws_c = np.empty(2 * CTX_SIZE, dtype=np.int64)
    # the match workspace (flipped turns, election views), then both histories
    ws_8 = np.empty((WORKSPACE_BYTES_PER_TURN + 2) * cap, dtype=np.int8)
    ws = Workspace(floats=ws_f, streams=ws_u, contexts=ws_c, marks=ws_8)
    keys = np.empty((2, KEY_SIZE), dtype=np.uint64)
    while True:
        c = claim(next_chunk)
        if c >= n_chunks:
            return
        k = k0 + n_tasks * c // n_chunks
        end = k0 + n_tasks * (c + 1) // n_chunks
        while k < end:
            k = play_tasks(players, rules, pairs, output, k, end, ws, keys)
            if k < end:
                # a match longer than the workspace holds gets one of its own
                pair = k // repetitions
                i = pair_i[pair]
                j = pair_j[pair]
                n = match_length(
                    purpose_key(
                        repetition_key(seed, player_keys[i], player_keys[j], k % repetitions), 0, 0, PURPOSE_LENGTH
                    ),
                    turns,
                    prob_end,
                )
                work_f = np.empty(
                    workspace_floats(state_len[i], state_len[j], cfg[i, CFG_TURN_STATE], cfg[j, CFG_TURN_STATE], n)
                )
                work_8 = np.empty((WORKSPACE_BYTES_PER_TURN + 2) * n, dtype=np.int8)
                k = play_tasks(
                    players,
                    rules,
                    pairs,
                    output,
                    k,
                    k + 1,
                    Workspace(floats=work_f, streams=ws_u, contexts=ws_c, marks=work_8),
                    keys,
                )


# _nrt=False: it allocates nothing (play_tournament hands it the workspace), and in a
# function with reference counting every array put into the tuples play_match_in takes
# would cost two atomic updates per match.
@njit(cache=True, error_model="numpy", **NO_NRT)
def play_tasks(players, rules, pairs, output, k0, k1, ws, keys):
    """Play tasks ``k0 <= k < k1`` of :func:`play_tournament` in order, in the workspace
    ``ws``, up to the first match longer than ``ws`` holds; returns that task's index
    (``k1`` if there is none). ``ws.marks`` holds ``(WORKSPACE_BYTES_PER_TURN + 2) * span``
    bytes for matches of up to ``span`` turns (the match's own, then both histories when
    ``output.record`` is off); ``keys`` (uint64[2, KEY_SIZE]) receives each match's stream keys."""
    steps, params, state0, state_len = players.steps, players.params, players.state0, players.state_len
    perceived, cfg, player_keys = players.perceived, players.cfg, players.keys
    game, turns, prob_end, noise = rules.game, rules.turns, rules.prob_end, rules.noise
    seed, repetitions = rules.seed, rules.repetitions
    pair_i, pair_j, skip = pairs.pair_i, pairs.pair_j, pairs.skip
    out, record, hist_out, trace_out = output.out, output.record, output.moves, output.traces
    span = ws.marks.shape[0] // (WORKSPACE_BYTES_PER_TURN + 2)
    hist_at = WORKSPACE_BYTES_PER_TURN * span
    ws_8 = ws.marks
    work = Workspace(floats=ws.floats, streams=ws.streams, contexts=ws.contexts, marks=ws_8[0:hist_at])
    empty = ws_8[0:0]
    no_trace = ws.floats[0:0]
    known = np.float64(turns) if prob_end <= 0.0 else -1.0
    keys_a = keys[0]
    keys_b = keys[1]
    for k in range(k0, k1):
        pair = k // repetitions
        if skip[pair] != 0:
            continue
        rep = k % repetitions
        i = pair_i[pair]
        j = pair_j[pair]
        ki = player_keys[i]
        kj = player_keys[j]
        match_key = repetition_key(seed, ki, kj, rep)
        n = match_length(purpose_key(match_key, 0, 0, PURPOSE_LENGTH), turns, prob_end)
        if n > span:
            return k
        fill_player_streams(keys_a, match_key, ki, 0)
        fill_player_streams(keys_b, match_key, kj, 1 if i == j else 0)
        if record:
            hist_a = hist_out[k, 0]
            hist_b = hist_out[k, 1]
            trace_a = trace_out[k, 0]
            trace_b = trace_out[k, 1]
        else:
            hist_a = ws_8[hist_at : hist_at + n]
            hist_b = ws_8[hist_at + span : hist_at + span + n]
            trace_a = no_trace
            trace_b = no_trace
        play_match_in(
            Side(
                step=steps[i],
                params=params[i],
                init=state0[i, : state_len[i]],
                perceived=perceived[i],
                keys=keys_a,
                cfg=cfg[i],
            ),
            Side(
                step=steps[j],
                params=params[j],
                init=state0[j, : state_len[j]],
                perceived=perceived[j],
                keys=keys_b,
                cfg=cfg[j],
            ),
            MatchSettings(game=game, turns=n, known_length=known, noise=noise),
            MatchRecord(
                flip_a=empty, flip_b=empty, hist_a=hist_a, hist_b=hist_b, trace_a=trace_a, trace_b=trace_b, out=out[k]
            ),
            work,
        )
    return k1
