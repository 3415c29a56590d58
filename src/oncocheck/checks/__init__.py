"""Checks: one small typed class per check kind (the registry is `kinds.CheckKind`), and the
extra warnings that follow the criteria (`notices`, `plans`)."""
