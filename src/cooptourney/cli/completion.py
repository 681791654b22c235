"""``cooptourney completion SHELL``: print a tab-completion script for bash, zsh or tcsh.

The script is generated from the parser itself by ``shtab`` (so it always knows every
command and flag of the installed version) and is static: pressing Tab never starts
Python. Install it once, e.g. for bash::

    cooptourney completion bash > ~/.local/share/bash-completion/completions/cooptourney

and for zsh, into a folder of ``$fpath`` as ``_cooptourney``.
"""

from __future__ import annotations

import argparse
import sys

from cooptourney.cli.common import EXIT_OK, UsageError

#: Shells shtab writes scripts for.
SHELLS = ("bash", "zsh", "tcsh")

#: shtab's file-name completion for a flag or argument (``action.complete``), written out
#: so that building the parser does not import shtab.
FILE_COMPLETION = {"bash": "_shtab_compgen_files", "zsh": "_files", "tcsh": "f"}


def cmd_completion(args: argparse.Namespace) -> int:
    """Print the completion script of ``args.shell``."""
    try:
        import shtab
    except ImportError:  # a dependency of the package; missing only in a broken install
        raise UsageError("shell completion needs the shtab package: pip install shtab") from None
    from cooptourney.cli import build_parser

    sys.stdout.write(shtab.complete(build_parser(), shell=args.shell))
    return EXIT_OK


def register(sub) -> None:
    """Add ``completion`` to the ``cooptourney`` subcommands."""
    p = sub.add_parser(
        "completion",
        help="print a tab-completion script for bash, zsh or tcsh",
        description="Print a tab-completion script (made by shtab from this version's flags). Bash: "
        "cooptourney completion bash > ~/.local/share/bash-completion/completions/cooptourney; "
        "zsh: cooptourney completion zsh > ~/.zfunc/_cooptourney (a folder in $fpath).",
    )
    p.add_argument("shell", choices=SHELLS, metavar="SHELL", help=f"one of {', '.join(SHELLS)}")
    p.set_defaults(handler=cmd_completion)
