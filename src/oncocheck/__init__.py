"""oncocheck: check an oncology care network file against the LOPPSOZ quality criteria."""

__version__ = "0.1.0"
