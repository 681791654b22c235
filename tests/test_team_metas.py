"""Meta players with whole-history teams (strategies/team_metas.py), beyond the oracle claims.

tests/test_oracle_library.py checks each of them against axelrod's Meta player (moves for
Meta Hunter, Meta Hunter Aggressive and Meta Winner Deterministic, statistics for NMWE
Deterministic). Here: what those checks cannot see.
"""

import subprocess
import sys

import axelrod as axl

from cooptourney import Match
from cooptourney.interop import AxelrodPlayer


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
