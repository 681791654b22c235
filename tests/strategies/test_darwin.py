"""Tests of ``strategies/darwin.py`` (Darwin) against axelrod (the oracle).

Darwin's claim is checked with its flags in ``tests/test_oracle_families.py`` and by
default in ``tests/test_oracle_library.py``; this module adds axelrod's Darwin in its
first match, from a fresh genome.
"""

import axelrod as axl
from oracle import assert_same_moves, axl_player


def test_darwin_is_axelrods_darwin_in_its_first_match():
    try:
        for opponent in ("Random", "Alternator", "Grudger", "Bully", "Suspicious Tit For Tat"):
            for noise in (0.0, 0.2):
                axl.Darwin.reset_genome()
                assert_same_moves("Darwin", opponents=[opponent], noise_levels=(noise,), seeds=(0,))
        # ... and why the claim is from a fresh genome: axelrod's second match reads the
        # genome of the first (axl.Darwin() here: axl_player resets the genome)
        axl.Darwin.reset_genome()
        first = axl.Match((axl.Darwin(), axl_player("Defector")), turns=10)
        second = axl.Match((axl.Darwin(), axl_player("Defector")), turns=10)
        assert [a for a, _ in first.play()] != [a for a, _ in second.play()]
    finally:
        axl.Darwin.reset_genome()
