"""`python -m oncocheck` runs the same command line as the `oncocheck` script."""

from oncocheck.cli.app import main

main()
