"""What the compiled kernels exchange with Python: slot layouts and argument groups.

- the columns of the per-match result rows (``OUT_*``): one ``float64`` row per
  (pair, repetition) task; counts are stored exactly (float64 holds integers up to
  2**53). Player "A" is the pair's first player;
- the per-player mechanics (``CFG_*``) and stream keys (``KEY_*``);
- the slots of a strategy's ``info`` vector (``INFO_*``; :mod:`cooptourney.strategy_api`
  re-exports them for strategy authors);
- the named tuples the kernels take their arguments in (:class:`PlayerTables`,
  :class:`Side`, :class:`MatchSettings`, ...). Each groups arguments that travel
  together, is built by keyword, and is typed by numba as its own class, so a missing,
  unknown or misplaced group fails (a ``TypeError`` at construction, a numba typing
  error at the call) instead of running with swapped arrays. numba passes a tuple's
  fields as it would pass them one by one. Building a tuple of arrays costs an atomic
  reference-count update per array in a function with reference counting, so the
  per-match tuples are built in functions compiled without it (``_nrt=False``).
"""

from typing import NamedTuple

import numpy as np

OUT_SCORE_A = 0  # material payoff totals
OUT_SCORE_B = 1
OUT_UTIL_A = 2  # perceived utility totals (equal to the material ones without a transformer)
OUT_UTIL_B = 3
OUT_COOP_A = 4  # number of C moves played
OUT_COOP_B = 5
OUT_TURNS = 6  # match length
# Contingency counts for turns t >= 1, index 2 * own_move[t] + partner_move[t - 1]:
# +0 = C after partner C, +1 = C after partner D, +2 = D after partner C, +3 = D after partner D.
OUT_CC_A = 7
OUT_CC_B = 11
# Forgiveness: opportunities (it retaliated at t-1 and the partner still defected at t-1)
# and how often it cooperated at t.
OUT_FORGIVE_OPP_A = 15
OUT_FORGIVE_A = 16
OUT_FORGIVE_OPP_B = 17
OUT_FORGIVE_B = 18
# Pair-level: largest running material payoff gap |sum(pi_A - pi_B)|; echo runs (turns in
# runs of mirrored CD/DC outcomes of length >= 2, and the number of runs); cooperation-
# breaking flips, how many were followed by a CC outcome, and the turns that took.
OUT_MAX_GAP = 19
OUT_ECHO_TURNS = 20
OUT_ECHO_RUNS = 21
OUT_BREAKS = 22
OUT_RECOVERED = 23
OUT_RECOVERY_TURNS = 24
# Leader turnover (transformer): elections lost, and how many of those restarted the strategy.
OUT_TURNOVER_A = 25
OUT_TURNOVER_B = 26
OUT_RESTART_A = 27
OUT_RESTART_B = 28
# Turns on which a strategy's step raised an exception instead of returning a move (it
# played C then; core/entry.py); the Python side turns any into an error naming it.
OUT_ERRORS_A = 29
OUT_ERRORS_B = 30
# A step's first fault: t + 1 when its move on turn t was neither C (0) nor D (1), -(t + 1)
# when its step raised on turn t (known for checked entries, core/dispatch.py); 0 when
# none. Then the move it returned on that turn. The Python side turns any into an error
# naming the strategy, its partner and the turn (players.check_step_errors).
OUT_FAULT_A = 31
OUT_FAULT_B = 32
OUT_BAD_MOVE_A = 33
OUT_BAD_MOVE_B = 34
OUT_SIZE = 35

# Per-player mechanics given to the kernel (float64 row per player).
CFG_FAIL = 0  # ratification failure q: an intended C is played as D with this probability
CFG_TERM = 1  # turns between elections (0 = none)
CFG_REELECT = 2  # probability the incumbent is re-elected
CFG_MEMORY = 3  # institutional memory m: probability the strategy's state survives a new leader
CFG_TRACE = 4  # index of the state slot recorded every turn (-1 = none)
CFG_TURN_STATE = 5  # extra state slots per turn of the match (StrategySpec.turn_state)
CFG_IGNORES_INFO = 6  # 1 when the step never reads ``info`` (StrategySpec.reads_info); 0 = it may
CFG_SIZE = 7

# Stream keys of one player in one match, by purpose (see core/streams.py).
KEY_STRATEGY = 0
KEY_NOISE = 1
KEY_RATIFY = 2
KEY_ELECTION = 3
KEY_MEMORY = 4
KEY_SIZE = 5

# Slots of a strategy's ``info`` vector (float64, one per player; the table in
# src/cooptourney/strategy_api.py says what each holds).
INFO_R = 0
INFO_S = 1
INFO_T = 2
INFO_P = 3
INFO_LENGTH = 4
INFO_NOISE = 5
INFO_MY_SCORE = 6
INFO_OPP_SCORE = 7
INFO_MY_COOPS = 8
INFO_OPP_COOPS = 9
INFO_SIZE = 10

# multilateral mode only (docs/howto/multilateral.md)
INFO_MULTILATERAL = 10
INFO_N_PARTNERS = 11
INFO_GROUP_TO_ME = 12
INFO_GROUP_COOP = 13
INFO_PARTNER_IMAGE = 14
INFO_PARTNER_GOOD = 15
INFO_MY_GOOD = 16
INFO_PARTNER_GROUP = 17
INFO_PARTNER_RECORDED = 18
INFO_SAME_CLUB = 19
INFO_MY_CLUB = 20
INFO_PARTNER_CLUB = 21
INFO_MY_RECORDED = 22
INFO_GROUP_SIZE = 23
IMAGE_MIN = -5.0  # image scores are bounded (Nowak & Sigmund 1998)
IMAGE_MAX = 5.0


# -- argument groups of the kernels --------------------------------------------------------
# Fields are annotated with the dtype and shape the kernels expect; n is the number of
# players, ``turns`` a match's length.


class PlayerTables(NamedTuple):
    """Every player's tables, row ``i`` for player ``i`` (:func:`cooptourney.core.pack.pack`)."""

    steps: np.ndarray  # intp[n]: the players' entry addresses (core/dispatch.py)
    params: np.ndarray  # float64[n, max_params]
    state0: np.ndarray  # float64[n, max_state]: initial states, ``state_len[i]`` slots used
    state_len: np.ndarray  # int64[n]
    perceived: np.ndarray  # float64[n, 4]: each player's perceived (R, S, T, P)
    cfg: np.ndarray  # float64[n, CFG_SIZE]: per-player mechanics (CFG_*)
    keys: np.ndarray  # uint64[n]: identity keys of the players' random streams


class TournamentSettings(NamedTuple):
    """What every match of a tournament shares."""

    game: np.ndarray  # float64[4]: the material (R, S, T, P)
    turns: np.int64  # match length, or its cap under prob_end (0: none)
    prob_end: np.float64  # probability that a match ends after each turn (0: fixed length)
    noise: np.float64  # probability that an intended move is flipped
    seed: np.uint64
    repetitions: np.int64  # matches per pair


class Pairs(NamedTuple):
    """The pairs that play: pair ``p`` is players ``pair_i[p]`` and ``pair_j[p]``."""

    pair_i: np.ndarray  # int64[pairs]
    pair_j: np.ndarray  # int64[pairs]
    skip: np.ndarray  # uint8[pairs]: nonzero for a pair the kernel leaves alone (played in Python)


class TournamentOutput(NamedTuple):
    """Where a tournament's matches go; task ``k`` is pair ``k // repetitions``."""

    out: np.ndarray  # float64[tasks, OUT_SIZE]: result rows
    record: bool  # whether to fill ``moves`` and ``traces``
    moves: np.ndarray  # int8[tasks, 2, >= longest match] (or any shape when not recording)
    traces: np.ndarray  # float64[tasks, 2, >= longest match]: the traced state slot per turn


class Side(NamedTuple):
    """One player's side of a match."""

    step: np.intp  # entry address
    params: np.ndarray  # float64[:]: parameter values
    init: np.ndarray  # float64[:]: initial state (then CFG_TURN_STATE * turns zeros)
    perceived: np.ndarray  # float64[4]: perceived (R, S, T, P)
    keys: np.ndarray  # uint64[KEY_SIZE]: stream keys by purpose (KEY_*)
    cfg: np.ndarray  # float64[CFG_SIZE]: mechanics (CFG_*)


class MatchSettings(NamedTuple):
    """What both sides of one match share."""

    game: np.ndarray  # float64[4]: the material (R, S, T, P)
    turns: np.int64  # the match's length
    known_length: np.float64  # the length the players are told (-1 under prob_end)
    noise: np.float64  # probability that an intended move is flipped


class MatchRecord(NamedTuple):
    """A match's per-turn arrays and result row."""

    flip_a: np.ndarray  # int8[turns]: pre-drawn flips replacing the noise draws, or int8[0]
    flip_b: np.ndarray  # int8[turns] or int8[0]
    hist_a: np.ndarray  # int8[>= turns]: moves as played, filled in place
    hist_b: np.ndarray  # int8[>= turns]
    trace_a: np.ndarray  # float64[>= turns]: the traced state slot per turn, or float64[0]
    trace_b: np.ndarray  # float64[>= turns] or float64[0]
    out: np.ndarray  # float64[OUT_SIZE]: the result row, filled in place


class Workspace(NamedTuple):
    """Scratch a caller reuses from match to match (sizes in core/kernel_template.py)."""

    floats: np.ndarray  # float64: both states, both info vectors, the outcome table
    streams: np.ndarray  # uint64[4]: both strategies' random streams (key, counter)
    contexts: np.ndarray  # int64[2 * CTX_SIZE]: both entries' context blocks (core/entry.py)
    marks: np.ndarray  # int8: flipped-turn marks, then the players' views under elections


class Played(NamedTuple):
    """A finished match as :func:`match_metrics` reads it."""

    hist_a: np.ndarray  # int8[>= turns]
    hist_b: np.ndarray  # int8[>= turns]
    flips: np.ndarray  # int8[turns]: 1 on a turn a move was flipped (read when can_flip)
    can_flip: bool  # whether anything could flip a move
    turns: np.int64


class Payoffs(NamedTuple):
    """The payoffs a match is scored in: material and as each side perceives them."""

    game: np.ndarray  # float64[4]
    perceived_a: np.ndarray  # float64[4]
    perceived_b: np.ndarray  # float64[4]


class GroupSettings(NamedTuple):
    """What the multilateral kernel adds to a tournament's settings (docs/howto/multilateral.md)."""

    observe: np.float64  # probability that an observer sees an interaction between two others
    reliability: np.float64  # probability that the secretariat records a defection (0: none)
    private: bool  # every player keeps its own view (observe < 1 or elections)
    club: np.ndarray  # int64[n]: each player's club index, -1 for none
    secretariat: np.ndarray  # uint8[n]: 1 for a player the secretariat's record is published to


class MultilateralOutput(NamedTuple):
    """Where a multilateral run goes, repetition ``r`` in row ``r``."""

    moves: np.ndarray  # int8[reps, pairs, 2, >= rounds]: moves as played
    intended: np.ndarray  # int8[reps, pairs, 2, >= rounds]: moves as chosen
    out: np.ndarray  # float64[reps, pairs, OUT_SIZE]: result rows
