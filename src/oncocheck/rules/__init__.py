"""Criteria sets as data: the rule-file model, the bundled versions and which is in force, and
what changes between two versions (`diff`, records only)."""
