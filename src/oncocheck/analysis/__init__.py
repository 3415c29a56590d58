"""Figures over finished Reports: what a new criteria version changes (`impact`) and the
reviewer statistics of a batch (`stats`)."""
