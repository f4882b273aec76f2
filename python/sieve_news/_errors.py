"""The errors and failure records the package reports."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence


class SieveError(Exception):
    """Sieve could not run: no binary, a usage error (exit status 2), or the process died.

    Attributes:
        status: the process's exit status (negative: killed by that signal), or None if it never ran.
        stderr: the last lines Sieve wrote on standard error.
    """

    def __init__(self, message: str, status: Optional[int] = None, stderr: str = "") -> None:
        super().__init__(message + (f"\n{stderr}" if stderr else ""))
        self.status = status
        self.stderr = stderr


@dataclass(frozen=True)
class Failure:
    """One page or record that gave no document, with Sieve's reason (a line of its `--errors` report).

    Attributes:
        input: the input Sieve read (`-` for pages streamed by `convert`, else the path given).
        offset: byte offset of the record inside `input` (a JSON Lines line or WARC record), if any.
        id: the page's id (for `convert`: the id sent), or the record's id when Sieve knows it.
        index: for `convert`, the position of the page in the iterable (0-based); else None.
        url: the page's url, when it had one.
        stage: the stage that failed (`html`, `jsonl-input`, `warc`, `worker`, ...).
        reason: Sieve's message, naming the problem.
        kind: `failed`, or `dropped` (a stage removed the document on purpose, e.g. a duplicate).
    """

    input: str
    offset: Optional[int]
    id: Optional[str]
    index: Optional[int]
    url: Optional[str]
    stage: str
    reason: str
    kind: str

    @classmethod
    def from_report(cls, record: Dict[str, Any], index: Optional[int] = None, id: Optional[str] = None,
                    url: Optional[str] = None) -> "Failure":
        """A failure from one `--errors` JSON line; `index`, `id` and `url` fill in what the line lacks."""
        return cls(
            input=str(record.get("input", "")),
            offset=record.get("offset"),
            id=record.get("id") or id,
            index=index,
            url=url,
            stage=str(record.get("stage", "")),
            reason=str(record.get("reason", "")),
            kind=str(record.get("kind", "failed")),
        )


class ConversionError(SieveError):
    """Some pages gave no document; raised after the last document (with `errors="raise"`).

    Attributes:
        failures: every failed or dropped page, in input order.
    """

    def __init__(self, failures: Sequence[Failure]) -> None:
        first = failures[0]
        name = first.id if first.id is not None else f"{first.input}@{first.offset}"
        more = f" (and {len(failures) - 1} more)" if len(failures) > 1 else ""
        super().__init__(f"{len(failures)} page(s) gave no document; first {name}: {first.stage}: {first.reason}{more}",
                         status=1)
        self.failures: List[Failure] = list(failures)
