"""The entry point tunes the garbage collector for batches (issue 17): start-up's objects
frozen, young collections rare. Measured in benchmarks/README.md; here only that it is done."""

from __future__ import annotations

import gc

from oncocheck.cli import app


def test_the_entry_point_freezes_start_up_and_collects_rarely() -> None:
    before = gc.get_threshold()
    try:
        app._tune_collector()
        assert gc.get_threshold() == (app.COLLECT_AFTER, *before[1:])
        assert gc.get_freeze_count() > 1000  # the modules and classes loaded so far
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
