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
OUT_SIZE = 15
