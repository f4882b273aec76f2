"""Finding the `sieve` executable the package runs."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Optional

from ._errors import SieveError

#: The environment variable that names a `sieve` binary to use instead of the bundled one.
BINARY_VARIABLE = "SIEVE_BINARY"

_BUNDLED = Path(__file__).resolve().parent / "_dist" / "bin" / "sieve"


def find_binary(explicit: Optional[str] = None) -> str:
    """The path of the `sieve` executable to run.

    Looked for in this order: `explicit` (a path), the `SIEVE_BINARY` environment variable, the portable
    binary bundled in the wheel (`sieve_news/_dist/bin/sieve`, made by `scripts/build-wheel`), then
    `sieve` on `PATH`.

    Raises:
        SieveError: when `explicit` or `SIEVE_BINARY` names no executable file, or nothing is found.
    """
    for source, value in (("binary=", explicit), (BINARY_VARIABLE, os.environ.get(BINARY_VARIABLE))):
        if value:
            if os.path.isfile(value) and os.access(value, os.X_OK):
                return os.path.abspath(value)
            raise SieveError(f"{source} names {value!r}, which is not an executable file")
    if _BUNDLED.is_file() and os.access(_BUNDLED, os.X_OK):
        return str(_BUNDLED)
    found = shutil.which("sieve")
    if found:
        return found
    raise SieveError(
        "no sieve binary: install the sieve-news wheel built by scripts/build-wheel (it bundles one), "
        f"put sieve on PATH, or set {BINARY_VARIABLE}"
    )
