"""Reciprocity measured: a battery of scripted partners and the continuum it places strategies on.

* :mod:`~cooptourney.reciprocity.partners` -- the scripted partners and the battery's settings;
* :mod:`~cooptourney.reciprocity.battery` -- plays them and measures each strategy;
* :mod:`~cooptourney.reciprocity.continuum` -- the rule that turns the measures into a
  position from specific to diffuse reciprocity, with negative reciprocity as the reverse gear.

See docs/reference/reciprocity.md.
"""

from cooptourney.reciprocity.battery import MEASURES, BatteryResult, group_dependence, run_battery
from cooptourney.reciprocity.partners import EXPLOITERS, PARTNERS, BatterySettings

__all__ = ["EXPLOITERS", "MEASURES", "PARTNERS", "BatteryResult", "BatterySettings", "group_dependence", "run_battery"]
