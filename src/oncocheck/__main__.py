"""The `oncocheck` script and `python -m oncocheck`: the command line of `cli.app.main`.

The garbage collector first waits for larger rounds: start-up makes some hundred thousand
objects (modules, Typer's commands, pydantic's validators) that live as long as the process,
and going over them again and again took a one-file check a tenth of its time. Garbage in
cycles is still collected, a batch's too, in rounds of 100,000 new objects instead of 700.
"""

import gc


def main() -> None:
    """Run the command line (`oncocheck.cli.app.main`)."""
    gc.set_threshold(100_000)
    from oncocheck.cli.app import main as run  # imported after: most of start-up is this

    run()


if __name__ == "__main__":
    main()
