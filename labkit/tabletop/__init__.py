"""The tabletop crisis rehearsal (notebook 07): scenarios, the clock, the shared exercise, the after-action report."""
