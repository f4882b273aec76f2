"""Sieve from Python: turn scraped news pages into clean, structured documents.

    >>> import sieve_news
    >>> pages = [{"id": "a", "url": "https://example.com/a", "html": "<html>...</html>"}]
    >>> for document in sieve_news.convert(pages):
    ...     print(document["id"], document["title"], document["published"])

`convert` streams pages through one long-lived `sieve` process (JSON Lines both ways); `convert_files` lets
Sieve read files itself (HTML, text, WARC, JSON Lines). The `sieve` binary is the one bundled in the wheel,
or `$SIEVE_BINARY`, or `sieve` on `PATH` (`find_binary`).
"""

from ._binary import find_binary
from ._convert import ErrorPolicy, convert, convert_files
from ._errors import ConversionError, Failure, SieveError
from ._version import __version__

__all__ = ["convert", "convert_files", "find_binary", "ConversionError", "Failure", "SieveError", "ErrorPolicy",
           "__version__"]
