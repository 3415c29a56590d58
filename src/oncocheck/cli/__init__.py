"""The command line: the only code that knows argv, exit codes, stdout and stderr."""
