"""JSON text for the JSON reports, fast: orjson (a C encoder) writes what `json.dumps(data,
ensure_ascii=False, indent=2)` writes, byte for byte, in a fraction of the time (the standard
library's encoder runs in pure Python as soon as `indent` is given).

The two differ in a few corners, and there the standard library's text is used instead, so the
report never changes by a byte:
- a float that Python writes with an exponent (`1e-05`, `1e+16`): orjson writes `1e-5` or
  `0.00001`; each float in the data is written by both and compared (a walk of the data,
  four times as quick as searching the text for such numbers);
- what orjson refuses: an integer beyond 64 bits, a lone surrogate, a key that is not a string.
NaN and infinities, which the two also write differently, never reach a report: thresholds are
validated into (0, 1] and shares are ratios of counts.
"""

from __future__ import annotations

import json
from typing import Any

import orjson


def dumps(data: Any) -> str:
    """`json.dumps(data, ensure_ascii=False, indent=2)`, through orjson where they agree."""
    try:
        text = orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8")
    except TypeError:  # orjson.JSONEncodeError: big integer, surrogate, non-string key
        return _stdlib(data)
    return text if _floats_agree(data) else _stdlib(data)


def _floats_agree(data: Any) -> bool:
    """Whether both encoders write every float in `data` alike."""
    todo = [data]
    while todo:
        item = todo.pop()
        if isinstance(item, dict):
            todo.extend(item.values())
        elif isinstance(item, list | tuple):
            todo.extend(item)
        elif isinstance(item, float) and orjson.dumps(item) != json.dumps(item).encode():
            return False
    return True


def _stdlib(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
