"""The `oncocheck` script and `python -m oncocheck`: the command line of `cli.app.main`.

Start-up makes some hundred thousand objects (modules, Typer's commands, pydantic's
validators) that live as long as the process. So the garbage collector waits for rounds of
100,000 new objects instead of 700 (going over those objects again and again took a one-file
check a tenth of its time; garbage in cycles is still collected, a batch's too), and the
process ends without taking them down one by one. pydantic's plugins are not looked for: none
is meant to watch oncocheck validate a network file (which names people), and the search
reads every installed package's metadata. With them off (unless the caller chose otherwise),
pydantic's plugin loader is one that finds none: the real one imports `importlib.metadata`
(and the email package) before it reads that setting, a twentieth of a one-file check.
"""

import gc
import importlib
import os
import sys
from contextlib import suppress
from types import ModuleType

LOADER = "pydantic.plugin._loader"  # pydantic uses its `get_plugins` alone (test_script.py)


def main() -> None:
    """Run the command line (`oncocheck.cli.app.main`)."""
    gc.set_threshold(100_000)
    if os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__") == "__all__":
        sys.modules.setdefault(LOADER, no_plugins())
    from oncocheck.cli.app import main as run  # imported after: most of start-up is this

    try:
        run()
    except SystemExit as done:
        # Python's own exit where it has more to do: wait for a process pool's workers or
        # another thread, or print a code that is no number
        threads = sys.modules.get("threading")
        if "multiprocessing" in sys.modules or (threads and threads.active_count() > 1) \
                or not isinstance(done.code, int | None):
            raise
        with suppress(OSError, ValueError):  # `run` flushed stdout, and told if it failed
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(done.code or 0)


def no_plugins() -> ModuleType:
    """pydantic's plugin loader as it is with every plugin off: it finds none. Any other name
    (a later pydantic may ask for one) comes from the real loader, imported then."""
    loader = ModuleType(LOADER)
    loader.get_plugins = lambda: ()  # type: ignore[attr-defined] # a module made here

    def real(name: str) -> object:
        if name.startswith("__"):  # a module's own attribute (`__file__`, `__path__`)
            raise AttributeError(name)
        if sys.modules.get(LOADER) is loader:
            del sys.modules[LOADER]
        return getattr(importlib.import_module(LOADER), name)

    loader.__getattr__ = real  # type: ignore[method-assign] # PEP 562: a module's own
    return loader


if __name__ == "__main__":
    main()
