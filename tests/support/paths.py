"""Where the tests find the checkout and their data, wherever a test module lies."""

from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent
EXAMPLES = ROOT / "examples"
CASES = TESTS / "cases"
GOLDEN = TESTS / "golden"
SCHEMAS = TESTS / "schemas"
HOSTILE = TESTS / "hostile"
