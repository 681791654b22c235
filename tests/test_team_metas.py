"""Meta players with whole-history teams (strategies/team_metas.py), beyond the oracle claims.

tests/test_oracle_library.py checks each of them against axelrod's Meta player (moves for
Meta Hunter, Meta Hunter Aggressive and Meta Winner Deterministic, statistics for NMWE
Deterministic). Here: what those checks cannot see.
"""

import subprocess
import sys

import axelrod as axl
import numpy as np

from cooptourney import Match
from cooptourney.core.dispatch import compiled
from cooptourney.interop import AxelrodPlayer
from cooptourney.players import Player
from cooptourney.strategies.fsm import trained_tables
from cooptourney.strategy_api import INFO_LENGTH, INFO_SIZE


def _axelrod_moves(player, opponent, turns, **kw):
    match = axl.Match((player, opponent), turns=turns, seed=1, **kw)
    return "".join(str(a) for a, _ in match.play())


def test_team_entry_addresses_are_found_again_by_a_new_process_loading_cached_code():
    # The members' entry addresses differ from process to process; the meta player's
    # compiled code must read them from this process's table, also when it is loaded from
    # numba's cache. Two fresh processes in a row (the second loads the first's compiled
    # code) must both play axelrod's moves.
    expected = _axelrod_moves(axl.MetaHunterAggressive(), axl.Alternator(), 40)
    code = (
        "from cooptourney import Match\n"
        "print(''.join(a for a, _ in Match(('Meta Hunter Aggressive', 'Alternator'), turns=40, seed=1).play()))\n"
    )
    for _ in range(2):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
        assert out.returncode == 0, out.stderr
        assert out.stdout.strip() == expected


def test_a_hunter_team_sees_its_own_proposals_not_the_meta_players_moves():
    # Against a constant-rate partner, Math Constant Hunter reads the cooperation of both
    # players over halves of its own history: its proposals. After 100 moves Meta Hunter
    # itself copies the partner's last move, which a hunter fed the meta player's moves
    # would count instead. axelrod's MetaHunter is the reference.
    for opp in ("Cycler CCD", "Cycler DDC", "Tit For 2 Tats"):
        theirs = {cls.name: cls for cls in axl.all_strategies}[opp]
        expected = _axelrod_moves(axl.MetaHunter(), theirs(), 150)
        ours = "".join(a for a, _ in Match(("Meta Hunter", opp), turns=150, seed=1).play())
        assert ours == expected, opp


def test_team_meta_plays_in_axelrod_as_a_wrapped_player():
    # Its per-turn state is allocated by the wrapper: for the length axelrod announces, or
    # for a cap when the match length is unknown (prob_end).
    for kw in (dict(), dict(prob_end=0.02)):
        expected = _axelrod_moves(axl.MetaHunter(), axl.Random(0.3), 60, **kw)
        assert _axelrod_moves(AxelrodPlayer("Meta Hunter"), axl.Random(0.3), 60, **kw) == expected, kw



def _proposals(meta_name, opp):
    """Each member's own history (its proposals) when the team meta's step plays against ``opp``."""
    player = Player(meta_name)
    spec = player.spec
    step = compiled(spec)
    turns = len(opp)
    state = np.concatenate([player.initial_state, np.zeros(spec.turn_state * turns)])
    info = np.zeros(INFO_SIZE)
    info[:4] = (3.0, 0.0, 5.0, 1.0)
    info[INFO_LENGTH] = turns
    rng = np.zeros(2, dtype=np.uint64)
    my = np.zeros(turns, dtype=np.int8)
    for t in range(turns):
        my[t] = step(my, opp, np.int64(t), state, player.param_values, info, rng)
    members = trained_tables("teams.json")[meta_name]
    histories = state[len(player.initial_state):].view(np.int8)
    per = len(histories) // len(members)  # bytes of history per member
    return {m: histories[k * per:k * per + turns].tolist() for k, m in enumerate(members)}


def test_every_member_of_a_team_proposes_what_it_plays_alone():
    # Each member sees its own proposals as its history and the partner's real moves, so
    # its proposals must be exactly its moves in a match of its own against the same
    # partner moves, from its own declared initial state. (A team that started its
    # members from zeros broke AntiCycler, DBS, MEM2, Revised Downing and three Second
    # tournament strategies, yet still passed the oracle panel: those members were
    # never the winner there.)
    turns = 120
    for seed, p in ((1, 0.3), (2, 0.7)):
        opp = (np.random.default_rng(seed).random(turns) < p).astype(np.int8)
        wrong = []
        for member, moves in _proposals("Meta Winner Deterministic", opp).items():
            alone = Match((member, Player.sequence(opp.tolist())), turns=turns, seed=seed)
            alone.play()
            if alone.moves[:, 0].tolist() != moves:
                wrong.append(member)
        assert not wrong, f"members whose proposals differ from their own play: {wrong}"
