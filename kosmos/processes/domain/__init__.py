"""Pure computation of the process maps: the step table and everything generated from it."""
