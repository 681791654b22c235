"""The compiled multilateral kernel: every pair plays round t before any pair plays t + 1.

Appended to :mod:`cooptourney.core.kernel_template` by :mod:`cooptourney.core.codegen`,
so it calls that module's ``play_match`` directly and shares its cache key.

Repetitions run in parallel, each on one thread: a repetition's rounds are
sequential by nature, and a parallel region per round (two per round, hundreds per
run) measured 10-15 times slower than one thread on a loaded 2-core machine, every
barrier waiting for a descheduled thread. Everything the players learn about each
other is updated between rounds from the round's moves, in loops whose result does not
depend on the order of the players (sums and counts, then a clip); each repetition
writes only its own rows, so nothing depends on the thread count.

What the players know (docs/model.md, "Multilateral mode"):

- their own history with each partner (``my``/``opp``, as in a pairwise match);
- what their partners did to them last round (``recv_*``), always;
- an *image score* and a *standing* for every player, built from the actions they
  observed: each observer sees the interaction of a pair of others with probability
  ``observe`` per round (its own interactions always). Image: +1 for every C observed,
  -1 for every D, summed over the round, then clipped to [-5, 5] (Nowak & Sigmund 1998).
  Standing (Sugden 1986): a player falls into bad standing in a round in which it is
  seen defecting against a partner in good standing (at the start of that round);
  otherwise it is in good standing after a round in which it is seen cooperating;
  otherwise it keeps its standing. Punishing a player in bad standing costs nothing.
- with a secretariat: its public record. The secretariat sees every interaction, records
  each defection against a partner in good standing on its record with probability
  ``reliability``, and applies the same standing rule; members read the record.

With ``observe`` = 1 and no elections all views are the same and one public view is kept
(O(N^2) work per round); otherwise every player has its own view (O(N^3) per round).
Under elections each player has one leader for all its pairs; a new leader without
institutional memory restarts the strategy in every pair and forgets its view of the
others; the secretariat's record is not forgotten.
"""

import numpy as np
from numba import njit

from cooptourney.core.entry import CTX_BAD_MOVE, CTX_ERRORS, CTX_FAULT, CTX_SIZE, call_entry, fill_context, keep_alive
from cooptourney.core.kernel_template import flip_moves, observe_turn, play_match  # generated: same module
from cooptourney.core.layout import (
    CFG_FAIL,
    CFG_MEMORY,
    CFG_REELECT,
    CFG_TERM,
    CFG_TURN_STATE,
    IMAGE_MAX,
    IMAGE_MIN,
    INFO_GROUP_COOP,
    INFO_GROUP_SIZE,
    INFO_GROUP_TO_ME,
    INFO_LENGTH,
    INFO_MULTILATERAL,
    INFO_MY_CLUB,
    INFO_MY_GOOD,
    INFO_MY_RECORDED,
    INFO_MY_SCORE,
    INFO_N_PARTNERS,
    INFO_NOISE,
    INFO_PARTNER_CLUB,
    INFO_PARTNER_GOOD,
    INFO_PARTNER_GROUP,
    INFO_PARTNER_IMAGE,
    INFO_PARTNER_RECORDED,
    INFO_SAME_CLUB,
    INFO_SIZE,
    KEY_NOISE,
    KEY_RATIFY,
    KEY_SIZE,
    KEY_STRATEGY,
    OUT_BAD_MOVE_A,
    OUT_BAD_MOVE_B,
    OUT_ERRORS_A,
    OUT_ERRORS_B,
    OUT_FAULT_A,
    OUT_FAULT_B,
    OUT_RESTART_A,
    OUT_RESTART_B,
    OUT_TURNOVER_A,
    OUT_TURNOVER_B,
    MatchRecord,
    MatchSettings,
    Side,
)
from cooptourney.core.numba_abi import claim
from cooptourney.core.rng import PURPOSE_LEADER, PURPOSE_LENGTH, PURPOSE_OBSERVE, PURPOSE_RECORD, uniform_at
from cooptourney.core.streams import match_length, player_streams, stream_key


@njit(cache=True, inline="always")
def _group_info(
    row,
    me,
    partner,
    v,
    n_players,
    image,
    good,
    obs_c,
    obs_n,
    recv_c,
    recv_n,
    seen_c,
    seen_n,
    sec_good,
    sec_member,
    club,
    reliability,
):
    row[INFO_MULTILATERAL] = 1.0
    row[INFO_N_PARTNERS] = n_players - 1
    row[INFO_GROUP_TO_ME] = recv_c[me] / recv_n[me] if recv_n[me] > 0 else 1.0
    row[INFO_GROUP_COOP] = seen_c[v] / seen_n[v] if seen_n[v] > 0 else 1.0
    row[INFO_PARTNER_IMAGE] = image[v, partner]
    row[INFO_PARTNER_GOOD] = good[v, partner]
    row[INFO_MY_GOOD] = good[v, me]
    row[INFO_PARTNER_GROUP] = obs_c[v, partner] / obs_n[v, partner] if obs_n[v, partner] > 0 else -1.0
    published = reliability > 0.0 and sec_member[me] != 0
    row[INFO_PARTNER_RECORDED] = 1.0 - sec_good[partner] if published else 0.0
    row[INFO_MY_RECORDED] = 1.0 - sec_good[me] if published else 0.0
    row[INFO_SAME_CLUB] = 1.0 if (club[me] >= 0 and club[me] == club[partner]) else 0.0
    row[INFO_MY_CLUB] = club[me]
    row[INFO_PARTNER_CLUB] = club[partner]


@njit(cache=True, nogil=True, error_model="numpy")
def play_multilateral(players, replay, rules, pairs, group, output, r0, r1, n_chunks, next_chunk):
    """The chunks this thread claims of repetitions ``r0 <= r < r1``; repetition r writes
    only row ``r`` of ``output``'s arrays (see :func:`play_rounds`). Chunks and claims
    as in ``play_tournament``: one call per thread, each claiming the next of the
    ``n_chunks`` contiguous chunks through ``next_chunk`` (int64[1], 0 at first)."""
    n = r1 - r0
    while True:
        c = claim(next_chunk)
        if c >= n_chunks:
            return
        for r in range(r0 + n * c // n_chunks, r0 + n * (c + 1) // n_chunks):
            play_rounds(players, replay, rules, pairs, group, output, r)


@njit(cache=True, error_model="numpy")
def play_rounds(players, replay, rules, pairs, group, output, rep):
    """Play repetition ``rep`` of a multilateral tournament.

    ``players`` (:class:`cooptourney.core.layout.PlayerTables`) holds every player's
    tables; ``replay`` (:class:`~cooptourney.core.layout.Side`) is the Sequence Player's
    side (its ``init`` and ``perceived`` are each pair's own), used to fill each pair's
    result row by replaying its intended moves with the flips that happened (so the row
    comes from the same code as a pairwise match); ``rules``
    (:class:`~cooptourney.core.layout.TournamentSettings`) are the match settings,
    ``pairs`` (:class:`~cooptourney.core.layout.Pairs`; ``skip`` is not read) who plays
    whom, ``group`` (:class:`~cooptourney.core.layout.GroupSettings`) what the players
    observe. ``output.moves[rep, p]`` and ``output.intended[rep, p]`` (int8[2, >= rounds])
    receive pair p's moves as played and as chosen; ``output.out[rep, p]`` its result row.
    """
    steps, params, state0, state_len = players.steps, players.params, players.state0, players.state_len
    perceived, cfg, player_keys = players.perceived, players.cfg, players.keys
    game, turns, prob_end, noise, seed = rules.game, rules.turns, rules.prob_end, rules.noise, rules.seed
    pair_i, pair_j = pairs.pair_i, pairs.pair_j
    observe, reliability, private = group.observe, group.reliability, group.private
    club, sec_member = group.club, group.secretariat
    hist, intended, out = output.moves[rep], output.intended[rep], output.out[rep]
    n_players = player_keys.shape[0]
    n_pairs = pair_i.shape[0]
    known = np.float64(turns) if prob_end <= 0.0 else -1.0

    # -- every pair's match, set up as play_match sets up one match --------------------
    lengths = np.empty(n_pairs, dtype=np.int64)
    # each side's state length: declared slots, then its per-turn slots for the match
    slen = np.empty((n_pairs, 2), dtype=np.int64)
    max_state = 1
    for p in range(n_pairs):
        lengths[p] = match_length(
            stream_key(seed, player_keys[pair_i[p]], player_keys[pair_j[p]], rep, 0, 0, PURPOSE_LENGTH), turns, prob_end
        )
        for side in range(2):
            me = pair_i[p] if side == 0 else pair_j[p]
            slen[p, side] = state_len[me] + int(cfg[me, CFG_TURN_STATE]) * lengths[p]
            max_state = max(max_state, slen[p, side])
    keys = np.empty((n_pairs, 2, KEY_SIZE), dtype=np.uint64)
    st = np.zeros((n_pairs, 2, max_state))
    info = np.zeros((n_pairs, 2, INFO_GROUP_SIZE))
    rng = np.zeros((n_pairs, 2, 2), dtype=np.uint64)
    for p in range(n_pairs):
        i = pair_i[p]
        j = pair_j[p]
        ki = player_keys[i]
        kj = player_keys[j]
        keys[p, 0] = player_streams(seed, ki, kj, rep, ki, 0)
        keys[p, 1] = player_streams(seed, ki, kj, rep, kj, 1 if i == j else 0)
        for side in range(2):
            me = i if side == 0 else j
            for q in range(state_len[me]):
                st[p, side, q] = state0[me, q]
            for q in range(4):
                info[p, side, q] = perceived[me, q]
            info[p, side, INFO_LENGTH] = known
            info[p, side, INFO_NOISE] = noise
            rng[p, side, 0] = keys[p, side, KEY_STRATEGY]
    rounds = 0
    for p in range(n_pairs):
        if lengths[p] > rounds:
            rounds = lengths[p]

    # -- leaders: one per player, for all its pairs ------------------------------------
    elections = False
    for i in range(n_players):
        if cfg[i, CFG_TERM] > 0:
            elections = True
    lead_key = np.empty(n_players, dtype=np.uint64)
    memo_key = np.empty(n_players, dtype=np.uint64)
    for i in range(n_players):
        lead_key[i] = stream_key(seed, player_keys[i], player_keys[i], rep, player_keys[i], 0, PURPOSE_LEADER)
        memo_key[i] = stream_key(seed, player_keys[i], player_keys[i], rep, player_keys[i], 1, PURPOSE_LEADER)
    off = np.zeros(n_players, dtype=np.int64)  # the round the current leader's memory starts
    restarted = np.zeros(n_players, dtype=np.uint8)
    lost = np.zeros((n_players, rounds + 1), dtype=np.int64)  # elections lost up to a round
    wiped = np.zeros((n_players, rounds + 1), dtype=np.int64)  # ... and memories lost
    if elections:
        views = np.zeros((n_pairs, 2, 2, rounds), dtype=np.int8)
    else:
        views = np.zeros((1, 2, 2, 1), dtype=np.int8)

    # -- what the players know about each other ----------------------------------------
    nv = n_players if private else 1
    image = np.zeros((nv, n_players))
    good = np.ones((nv, n_players))
    good_prev = np.ones((nv, n_players))
    obs_c = np.zeros((nv, n_players))
    obs_n = np.zeros((nv, n_players))
    seen_c = np.zeros(nv)
    seen_n = np.zeros(nv)
    recv_c = np.zeros(n_players)
    recv_n = np.zeros(n_players)
    sec_good = np.ones(n_players)
    sec_prev = np.ones(n_players)
    act = np.full((n_players, n_players), -1, dtype=np.int8)
    no_flips = np.zeros(0, dtype=np.int8)
    # each side's context block (core/entry.py): the arrays its strategy sees
    ctx_blocks = np.empty((n_pairs, 2, CTX_SIZE), dtype=np.int64)
    ctx = np.empty((n_pairs, 2), dtype=np.intp)
    for p in range(n_pairs):
        i = pair_i[p]
        j = pair_j[p]
        if elections:
            ctx[p, 0] = fill_context(
                ctx_blocks[p, 0],
                steps[i],
                views[p, 0, 0],
                views[p, 0, 1],
                st[p, 0, : slen[p, 0]],
                params[i],
                info[p, 0],
                rng[p, 0],
            )
            ctx[p, 1] = fill_context(
                ctx_blocks[p, 1],
                steps[j],
                views[p, 1, 0],
                views[p, 1, 1],
                st[p, 1, : slen[p, 1]],
                params[j],
                info[p, 1],
                rng[p, 1],
            )
        else:
            ctx[p, 0] = fill_context(
                ctx_blocks[p, 0],
                steps[i],
                hist[p, 0],
                hist[p, 1],
                st[p, 0, : slen[p, 0]],
                params[i],
                info[p, 0],
                rng[p, 0],
            )
            ctx[p, 1] = fill_context(
                ctx_blocks[p, 1],
                steps[j],
                hist[p, 1],
                hist[p, 0],
                st[p, 1, : slen[p, 1]],
                params[j],
                info[p, 1],
                rng[p, 1],
            )

    for t in range(rounds):
        # elections (between rounds, before anyone moves)
        for i in range(n_players):
            restarted[i] = 0
            lost[i, t + 1] = lost[i, t]
            wiped[i, t + 1] = wiped[i, t]
        if elections and t > 0:
            for i in range(n_players):
                term = int(cfg[i, CFG_TERM])
                if term > 0 and t % term == 0 and uniform_at(lead_key[i], t) >= cfg[i, CFG_REELECT]:
                    lost[i, t + 1] += 1
                    if uniform_at(memo_key[i], t) >= cfg[i, CFG_MEMORY]:
                        wiped[i, t + 1] += 1
                        restarted[i] = 1
                        off[i] = t
                        # the new leader knows nothing about the others (views are private
                        # under elections); the secretariat's record is not the leader's
                        for x in range(n_players):
                            image[i, x] = 0.0
                            good[i, x] = 1.0
                            obs_c[i, x] = 0.0
                            obs_n[i, x] = 0.0
                        seen_c[i] = 0.0
                        seen_n[i] = 0.0
                        recv_c[i] = 0.0
                        recv_n[i] = 0.0

        # every pair plays round t
        for p in range(n_pairs):
            if t >= lengths[p]:
                continue
            i = pair_i[p]
            j = pair_j[p]
            if restarted[i] != 0:
                for q in range(slen[p, 0]):
                    st[p, 0, q] = state0[i, q] if q < state_len[i] else 0.0
                for q in range(INFO_MY_SCORE, INFO_SIZE):
                    info[p, 0, q] = 0.0
            if restarted[j] != 0:
                for q in range(slen[p, 1]):
                    st[p, 1, q] = state0[j, q] if q < state_len[j] else 0.0
                for q in range(INFO_MY_SCORE, INFO_SIZE):
                    info[p, 1, q] = 0.0
            va = i if private else 0
            vb = j if private else 0
            _group_info(
                info[p, 0],
                i,
                j,
                va,
                n_players,
                image,
                good,
                obs_c,
                obs_n,
                recv_c,
                recv_n,
                seen_c,
                seen_n,
                sec_good,
                sec_member,
                club,
                reliability,
            )
            _group_info(
                info[p, 1],
                j,
                i,
                vb,
                n_players,
                image,
                good,
                obs_c,
                obs_n,
                recv_c,
                recv_n,
                seen_c,
                seen_n,
                sec_good,
                sec_member,
                club,
                reliability,
            )
            ta = t - off[i]
            tb = t - off[j]
            move_a = call_entry(ctx[p, 0], ta)
            move_b = call_entry(ctx[p, 1], tb)
            intended[p, 0, t] = move_a
            intended[p, 1, t] = move_b
            # ratification failure and noise, drawn exactly as play_match draws them
            move_a, move_b, _ = flip_moves(
                move_a,
                move_b,
                t,
                cfg[i, CFG_FAIL],
                cfg[j, CFG_FAIL],
                keys[p, 0, KEY_RATIFY],
                keys[p, 1, KEY_RATIFY],
                False,
                no_flips,
                no_flips,
                noise,
                keys[p, 0, KEY_NOISE],
                keys[p, 1, KEY_NOISE],
            )
            hist[p, 0, t] = move_a
            hist[p, 1, t] = move_b
            if elections:
                views[p, 0, 0, ta] = move_a
                views[p, 0, 1, ta] = move_b
                views[p, 1, 0, tb] = move_b
                views[p, 1, 1, tb] = move_a
            observe_turn(info[p, 0], info[p, 1], perceived[i], perceived[j], move_a, move_b)

        # what happened this round, between distinct players
        for x in range(n_players):
            for y in range(n_players):
                act[x, y] = -1
        for p in range(n_pairs):
            i = pair_i[p]
            j = pair_j[p]
            if t < lengths[p] and i != j:
                act[i, j] = hist[p, 0, t]
                act[j, i] = hist[p, 1, t]
        for y in range(n_players):
            c = 0
            k = 0
            for x in range(n_players):
                if act[x, y] >= 0:
                    k += 1
                    if act[x, y] == 0:
                        c += 1
            recv_c[y] = c
            recv_n[y] = k

        # each observer's view: image scores, standing, what it saw
        for v in range(nv):
            for y in range(n_players):
                good_prev[v, y] = good[v, y]
            sc = 0.0
            sn = 0.0
            for x in range(n_players):
                nc = 0
                nd = 0
                unjust = False
                for y in range(n_players):
                    a = act[x, y]
                    if a < 0:
                        continue
                    if private and observe < 1.0 and v != x and v != y:
                        key = stream_key(seed, player_keys[x], player_keys[y], rep, player_keys[v], 0, PURPOSE_OBSERVE)
                        if uniform_at(key, t) >= observe:
                            continue
                    if a == 0:
                        nc += 1
                    else:
                        nd += 1
                        if good_prev[v, y] > 0.5:
                            unjust = True
                score = image[v, x] + nc - nd
                image[v, x] = IMAGE_MIN if score < IMAGE_MIN else (IMAGE_MAX if score > IMAGE_MAX else score)
                if unjust:
                    good[v, x] = 0.0
                elif nc > 0:
                    good[v, x] = 1.0
                obs_c[v, x] = nc
                obs_n[v, x] = nc + nd
                sc += nc
                sn += nc + nd
            seen_c[v] = sc
            seen_n[v] = sn

        # the secretariat's record
        if reliability > 0.0:
            for x in range(n_players):
                sec_prev[x] = sec_good[x]
            for x in range(n_players):
                nc = 0
                recorded = False
                for y in range(n_players):
                    a = act[x, y]
                    if a < 0:
                        continue
                    if a == 0:
                        nc += 1
                    elif sec_prev[y] > 0.5:
                        key = stream_key(seed, player_keys[x], player_keys[y], rep, player_keys[x], 0, PURPOSE_RECORD)
                        if uniform_at(key, t) < reliability:
                            recorded = True
                if recorded:
                    sec_good[x] = 0.0
                elif nc > 0:
                    sec_good[x] = 1.0

    keep_alive(ctx_blocks, ctx, st)  # what the context blocks point to lives until here
    keep_alive(info, rng, views)

    # -- result rows: replay every pair's chosen moves with the flips that happened ------
    no_trace = np.zeros(0)
    for p in range(n_pairs):
        i = pair_i[p]
        j = pair_j[p]
        n = lengths[p]
        chosen_a = np.empty(n)
        chosen_b = np.empty(n)
        flip_a = np.empty(n, dtype=np.int8)
        flip_b = np.empty(n, dtype=np.int8)
        for t in range(n):
            chosen_a[t] = intended[p, 0, t]
            chosen_b[t] = intended[p, 1, t]
            flip_a[t] = intended[p, 0, t] ^ hist[p, 0, t]
            flip_b[t] = intended[p, 1, t] ^ hist[p, 1, t]
        again_a = np.empty(n, dtype=np.int8)
        again_b = np.empty(n, dtype=np.int8)
        play_match(
            Side(
                step=replay.step,
                params=replay.params,
                init=chosen_a,
                perceived=perceived[i],
                keys=replay.keys,
                cfg=replay.cfg,
            ),
            Side(
                step=replay.step,
                params=replay.params,
                init=chosen_b,
                perceived=perceived[j],
                keys=replay.keys,
                cfg=replay.cfg,
            ),
            MatchSettings(game=game, turns=n, known_length=known, noise=0.0),
            MatchRecord(
                flip_a=flip_a,
                flip_b=flip_b,
                hist_a=again_a,
                hist_b=again_b,
                trace_a=no_trace,
                trace_b=no_trace,
                out=out[p],
            ),
        )
        out[p, OUT_TURNOVER_A] = lost[i, n]
        out[p, OUT_TURNOVER_B] = lost[j, n]
        out[p, OUT_RESTART_A] = wiped[i, n]
        out[p, OUT_RESTART_B] = wiped[j, n]
        out[p, OUT_ERRORS_A] = ctx_blocks[p, 0, CTX_ERRORS]
        out[p, OUT_ERRORS_B] = ctx_blocks[p, 1, CTX_ERRORS]
        # a checked entry's first fault (core/entry.py); the replay reported any other
        if ctx_blocks[p, 0, CTX_FAULT] != 0:
            out[p, OUT_FAULT_A] = ctx_blocks[p, 0, CTX_FAULT]
            out[p, OUT_BAD_MOVE_A] = ctx_blocks[p, 0, CTX_BAD_MOVE]
        if ctx_blocks[p, 1, CTX_FAULT] != 0:
            out[p, OUT_FAULT_B] = ctx_blocks[p, 1, CTX_FAULT]
            out[p, OUT_BAD_MOVE_B] = ctx_blocks[p, 1, CTX_BAD_MOVE]
