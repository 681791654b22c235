"""The bundled strategy library, one module per family.

Installed as ``cooptourney.strategies``. Every module here is imported by the
registry on first use; a strategy is one ``@strategy``-decorated function, so there
is no list to edit when you add one (see README, "How to add a strategy").
"""
