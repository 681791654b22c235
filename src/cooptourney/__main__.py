"""``python -m cooptourney``: the same as the ``cooptourney`` command."""

import sys

from cooptourney.cli import main

sys.exit(main())
