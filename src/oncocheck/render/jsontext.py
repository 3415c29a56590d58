"""JSON text for the JSON reports, fast: orjson (a C encoder) writes what `json.dumps(data,
ensure_ascii=False, indent=2)` writes, byte for byte, in a fraction of the time (the standard
library's encoder runs in pure Python as soon as `indent` is given).

The two differ in a few corners, and there the standard library's text is used instead, so the
report never changes by a byte:
- a float that Python writes with an exponent (`1e-05`, `1e+16`): orjson writes `1e-5` or
  `0.00001`; the output's values are searched for both forms (a string that looks like one
  only costs the slower path);
- what orjson refuses: an integer beyond 64 bits, a lone surrogate, a key that is not a string.
NaN and infinities, which the two also write differently, never reach a report: thresholds are
validated into (0, 1] and shares are ratios of counts.
"""

from __future__ import annotations

import json
import re
from typing import Any

import orjson

#: A number written with an exponent (by either encoder), or a small float orjson writes in
#: full where Python uses an exponent (Python does below 1e-4). Only a value counts: one
#: after `": ` or alone on its line; text in a string (a sha256 digest's `3e5`) does not.
_FLOAT_FORMS = re.compile(r'(?:^ *|": )-?(?:[0-9.]+[eE]|0\.0000)', re.MULTILINE)


def dumps(data: Any) -> str:
    """`json.dumps(data, ensure_ascii=False, indent=2)`, through orjson where they agree."""
    try:
        text = orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8")
    except TypeError:  # orjson.JSONEncodeError: big integer, surrogate, non-string key
        return _stdlib(data)
    return _stdlib(data) if _FLOAT_FORMS.search(text) else text


def _stdlib(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
