"""Strategies for partners as a group: MFN, image scoring, standing, free riders, clubs.

Keohane (1986) sets specific reciprocity (equivalent exchanges with particular partners)
against diffuse reciprocity (partners seen as a group, norms of obligation a community
enforces); unconditional most-favoured-nation (MFN) treatment is his example of the
second, and its risk is the free rider. These strategies are for multilateral mode
(:mod:`cooptourney.multilateral`, docs/howto/multilateral.md), where every pair plays round t
before any pair plays round t + 1 and a strategy may read what the group did, through
the ``INFO_*`` group slots of :mod:`cooptourney.strategy_api`. Those that read them are
registered with ``group=True`` and refuse to play in a pairwise tournament; Conditional
MFN and Free Rider read only their own history with the partner and play anywhere.

Turn counting: ``t`` is the number of rounds this pair has played; group slots describe
the previous round (in round 0: nobody has done anything, everyone is in good standing).
"""

from numba import njit

from cooptourney.strategy_api import (
    IMAGE_MAX,
    IMAGE_MIN,
    INFO_GROUP_TO_ME,
    INFO_MY_GOOD,
    INFO_MY_RECORDED,
    INFO_PARTNER_GOOD,
    INFO_PARTNER_IMAGE,
    INFO_PARTNER_RECORDED,
    INFO_SAME_CLUB,
    C,
    D,
    Param,
    strategy,
)


@njit(cache=True)
def _mfn(t, state, info, tolerance):
    # state[0]: 1.0 if the secretariat showed this player in bad standing last round
    recorded_me = info[INFO_MY_RECORDED] > 0.5
    was_recorded = state[0] > 0.5
    state[0] = 1.0 if recorded_me else 0.0
    if recorded_me:
        return C  # make amends: cooperating is how a player in bad standing regains it
    if info[INFO_PARTNER_RECORDED] > 0.5:
        return D  # concessions suspended for a violator on the record
    if t == 0:
        return C
    if was_recorded:
        return C  # last round's defections against it were sanctions it had earned
    return C if info[INFO_GROUP_TO_ME] >= 1.0 - tolerance else D


@strategy(
    "Unconditional MFN",
    aliases=["MFN", "Most Favoured Nation", "Most Favored Nation"],
    reciprocity="diffuse",
    memory_depth=1,
    group=True,
    params={
        "tolerance": Param(
            float, 0.5, 0.0, 1.0, "share of partners that may have defected on it last round before it defects on all"
        )
    },
    state=(0.0,),
)
def unconditional_mfn(my, opp, t, state, params, info, rng):
    """One action towards all partners, chosen from how the group treated it: cooperates with everyone while at least 1 - tolerance of its partners cooperated with it last round, else defects on everyone. (Keohane 1986, IO 40: unconditional MFN treatment, as in the GATT)

    diffuse: a concession to one partner goes to all; nobody counts equivalence pair by pair.

    Rule, in round t. With a secretariat whose record it receives: if the record shows
    this player itself in bad standing, C (it makes amends); else if it shows the partner
    in bad standing, D (the community's sanction: concessions are suspended for a recorded
    violator, as GATT Article XXIII allows). Then: in its first round, C; if this player
    was on the record last round, C (the defections it then met were sanctions it had
    earned); otherwise C if the share of its partners that cooperated with it last round
    is at least 1 - tolerance, else D. The record is the secretariat's: a new leader
    without institutional memory starts again at its first round, but still reads it. Without a secretariat nobody is on the record, so the
    action is the same towards every partner: that is what lets a free rider in.
    """
    return _mfn(t, state, info, params[0])


@strategy("Conditional MFN", reciprocity="specific", memory_depth=1, state=())
def conditional_mfn(my, opp, t, state, params, info, rng):
    """Extends to each partner the concessions it gives anyone, but only in return for an equivalent concession: cooperates first, then cooperates with a partner exactly when that partner cooperated with it last round. (Keohane 1986, IO 40: conditional MFN, the United States' practice before 1923)

    specific: equivalence is demanded from each partner separately, in strict sequence; on each bilateral relation this is Tit For Tat.

    Reads only its history with the partner, so it also plays in pairwise tournaments.
    """
    if t == 0:
        return C
    return C if opp[t - 1] == C else D


@strategy(
    "Image Scorer",
    aliases=["Image Scoring"],
    reciprocity="diffuse",
    memory_depth=float("inf"),
    group=True,
    params={
        "k": Param(
            int,
            0,
            IMAGE_MIN,
            IMAGE_MAX,
            "cooperates with a partner whose image score is at least k (scores run from -5 to 5)",
        )
    },
)
def image_scorer(my, opp, t, state, params, info, rng):
    """Cooperates with a partner whose image score, in its own view, is at least k. (Nowak & Sigmund 1998, Nature 393: indirect reciprocity by image scoring)

    diffuse: it repays what the partner did to the group, not to itself; help is owed to whoever has helped others.

    Image scores start at 0 and, after each round, move by +1 for every cooperation and
    -1 for every defection the observer saw the player make, clipped to [-5, 5]
    (kernel: src/cooptourney/core/multilateral_template.py). As in Nowak and Sigmund's
    model the score does not ask whom the player defected against, so refusing help to
    a defector lowers the refuser's own image: an image scorer that withholds from more
    defectors than it helps partners loses standing with its peers. Standing repairs this.
    """
    return C if info[INFO_PARTNER_IMAGE] >= params[0] else D


@strategy(
    "Standing",
    aliases=["Standing Strategy", "Good Standing"],
    reciprocity="diffuse",
    memory_depth=float("inf"),
    group=True,
)
def standing(my, opp, t, state, params, info, rng):
    """Cooperates with a partner in good standing, and with everyone while it is itself in bad standing; defects on a partner in bad standing. (Sugden 1986, The Economics of Rights, Co-operation and Welfare; Leimar & Hammerstein 2001, Proc. R. Soc. B 268)

    diffuse: it enforces a community norm, and a justified punishment costs the punisher no standing.

    Standing, in each observer's view: everyone starts good; a player seen defecting on
    a partner in good standing falls into bad standing; a player seen cooperating (and
    not so defecting) in a round is in good standing after it; otherwise it keeps its
    standing. A player in bad standing regains it by cooperating, which is what this
    strategy then does with everyone.
    """
    if info[INFO_MY_GOOD] < 0.5:
        return C
    return C if info[INFO_PARTNER_GOOD] > 0.5 else D


@strategy("Free Rider", reciprocity="other", memory_depth=float("inf"), state=(0.0,))
def free_rider(my, opp, t, state, params, info, rng):
    """Defects on every partner until that partner retaliates; from then on plays Tit For Tat with it. It exploits exactly the unconditional cooperators. (after Keohane 1986's free-rider problem of diffuse reciprocity)

    other: it takes concessions without returning them wherever that goes unpunished, and reciprocates only where it must.

    A partner has retaliated when it defected in the round right after one of this
    player's defections (opp[t-1] = D and my[t-2] = D); state[0] remembers it for the
    rest of the match. Reads only its history with the partner, so it also plays in
    pairwise tournaments.
    """
    if t >= 2 and opp[t - 1] == D and my[t - 2] == D:
        state[0] = 1.0
    if state[0] < 0.5:
        return D
    return C if opp[t - 1] == C else D


@strategy("Club Discriminator", aliases=["Discriminator"], reciprocity="other", memory_depth=0, group=True)
def club_discriminator(my, opp, t, state, params, info, rng):
    """Cooperates with members of its own club and defects on everyone else, whatever they do. (the exclusive club of minilateral cooperation)

    other: it conditions on membership, not on behaviour.

    A player in no club has no fellow members, so it defects on everyone.
    """
    return C if info[INFO_SAME_CLUB] > 0.5 else D


@strategy(
    "Club MFN",
    reciprocity="diffuse",
    memory_depth=1,
    group=True,
    params={"tolerance": Param(float, 0.5, 0.0, 1.0, "as for Unconditional MFN, applied inside its club")},
    state=(0.0,),
)
def club_mfn(my, opp, t, state, params, info, rng):
    """MFN inside its club, specific reciprocity outside it: towards a fellow member it plays Unconditional MFN's rule, towards anyone else Tit For Tat. (a minilateral club: diffuse among members, specific with outsiders)

    diffuse: among members it treats the club as one group and does not count equivalence pair by pair.

    Inside, the MFN rule reads how all its partners treated it last round (members and
    outsiders alike), and the secretariat's record where it receives one.
    """
    if info[INFO_SAME_CLUB] > 0.5:
        return _mfn(t, state, info, params[0])
    if t == 0:
        return C
    return C if opp[t - 1] == C else D
