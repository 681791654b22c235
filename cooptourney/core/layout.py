"""Column layout of the per-match result rows written by the kernels.

One ``float64`` row per (pair, repetition) task; counts are stored exactly
(float64 holds integers up to 2**53). Player "A" is the pair's first player.
"""

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
OUT_SIZE = 31

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
