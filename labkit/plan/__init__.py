"""Module 6: plan content -- the calendar of dates that matter, the plan builder, its checks and exports."""
