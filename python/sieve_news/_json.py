"""JSON for the pipes: orjson when installed (a dependency of the wheel; encoding a 200 KB page takes about
0.07 ms against 0.55 ms with the standard library, which matters next to Sieve's 4 ms per page), else the
standard library's json."""

from __future__ import annotations

import json
from typing import Any

try:
    import orjson
except ImportError:  # a plain checkout without the dependency: slower, same bytes in Sieve's eyes
    orjson = None  # type: ignore[assignment]


def dumps_line(value: Any) -> bytes:
    """`value` as one line of UTF-8 JSON ending in a newline.

    Raises:
        TypeError, ValueError: a value JSON cannot hold.
    """
    if orjson is not None:
        try:
            return orjson.dumps(value, option=orjson.OPT_APPEND_NEWLINE)
        except TypeError:
            pass  # orjson refuses lone surrogates and non-str keys; the standard library escapes them
    try:
        return json.dumps(value, ensure_ascii=False).encode("utf-8") + b"\n"
    except UnicodeEncodeError:  # a lone surrogate: escaped, Sieve then reports the page
        return json.dumps(value).encode("ascii") + b"\n"


def loads(data: bytes) -> Any:
    """The value of one JSON document in UTF-8 bytes."""
    return orjson.loads(data) if orjson is not None else json.loads(data)
