"""`convert` (pages streamed through one Sieve process) and `convert_files` (files Sieve reads itself)."""

from __future__ import annotations

import collections
import threading
from dataclasses import dataclass
from typing import Any, Callable, Deque, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Union

from ._binary import find_binary
from ._errors import ConversionError, Failure
from ._json import dumps_line
from ._process import SieveProcess

#: What to do with pages that give no document: raise `ConversionError` after the last document, skip them,
#: or call a function with each `Failure` (after the last document: Sieve's reasons arrive at its end).
ErrorPolicy = Union[str, Callable[[Failure], None]]

Document = Dict[str, Any]


def convert(pages: Iterable[Mapping[str, Any]], *, errors: ErrorPolicy = "raise", binary: Optional[str] = None,
            jobs: Optional[int] = None, args: Sequence[str] = ()) -> Iterator[Document]:
    """Converts pages with one long-lived Sieve process and yields Sieve's documents, in input order.

    Each page is a mapping with `html` or `text` (a str) and optionally `id`, `url`, `charset`, `date`: the
    JSON Lines contract of `sieve convert - --container jsonl` (README, "Usage"). A page without `id` is
    sent with its position in `pages` (`"0"`, `"1"`, ...) as its id. Pages are written to Sieve by a
    background thread while documents are read, so memory stays bounded by Sieve's `--max-in-flight` and
    the pipe buffers, whatever the number of pages; `pages` may be a generator (it is consumed from that
    thread).

    A page that gives no document (not a mapping, no `html`/`text`, a page Sieve fails on) does not stop
    the others: every good page's document still comes out. Then, after the last document, `errors`
    decides: `"raise"` raises `ConversionError` whose `failures` list every such page with Sieve's stage
    and reason; `"skip"` ignores them; a callable is called with each `Failure` in input order.

    Args:
        pages: the pages, consumed once.
        errors: `"raise"`, `"skip"`, or a callable taking a `Failure`.
        binary: the `sieve` executable (default: see `find_binary`).
        jobs: Sieve's worker count (default: all cores).
        args: more `sieve convert` options, e.g. `["--stage", "main-content"]`.

    Yields:
        Documents as dicts, one per converted page (schema in the README, "The document format").

    Raises:
        ConversionError: with `errors="raise"`, after the last document, when some pages failed.
        SieveError: Sieve could not run or died (usage error, crash); also when the binary is missing.
        Whatever iterating `pages` raised, after stopping Sieve.
    """
    check = _error_policy(errors)
    command = find_binary(binary)
    return _convert(pages, check, command, jobs, args)


def convert_files(paths: Sequence[str], *, errors: ErrorPolicy = "raise", cwd: Optional[str] = None,
                  binary: Optional[str] = None, jobs: Optional[int] = None,
                  args: Sequence[str] = ()) -> Iterator[Document]:
    """Converts files Sieve reads itself (HTML, text, `.warc.gz`, `.jsonl`, folders) and yields the documents.

    Document ids derive from the paths as given (`CC-NEWS-x.warc.gz` record at byte 1234 → `CC-NEWS-x#1234`),
    so pass paths relative to `cwd` for ids that do not depend on where the files sit.

    Args:
        paths: files or folders, relative to `cwd` or absolute.
        errors: as for `convert`; each `Failure` names the input and the record's offset.
        cwd: the folder Sieve runs in (default: the current one).
        binary, jobs, args: as for `convert`.

    Raises:
        ConversionError, SieveError: as for `convert`.
    """
    check = _error_policy(errors)
    command = find_binary(binary)
    return _convert_files(list(paths), check, command, cwd, jobs, args)


@dataclass
class _Sent:
    """A page handed to Sieve (offset: its line's byte offset in Sieve's standard input), or refused before
    that (offset None, with the reason)."""

    index: int
    offset: Optional[int]
    id: Optional[str]
    url: Optional[str]
    refusal: Optional[str] = None


class _Writer(threading.Thread):
    """Writes pages as JSON lines to Sieve's standard input, noting each in `sent` before writing it."""

    def __init__(self, pages: Iterable[Mapping[str, Any]], process: SieveProcess) -> None:
        super().__init__(daemon=True)
        self._pages = pages
        self._process = process
        self.sent: Deque[_Sent] = collections.deque()
        self.error: Optional[BaseException] = None

    def run(self) -> None:
        stdin = self._process.stdin
        offset = 0
        try:
            for index, page in enumerate(self._pages):
                line, refusal = _encode(page, index)
                page_id = page.get("id") if isinstance(page, Mapping) else None
                url = page.get("url") if isinstance(page, Mapping) else None
                if line is None:
                    self.sent.append(_Sent(index, None, _text(page_id, index), _text(url), refusal))
                    continue
                self.sent.append(_Sent(index, offset, _text(page_id, index), _text(url)))
                stdin.write(line)
                offset += len(line)
        except (BrokenPipeError, ValueError):
            pass  # Sieve stopped reading (it ended, or the consumer closed the generator): reported there.
        except BaseException as error:  # noqa: B902 - handed to the consumer's thread and raised there
            self.error = error
        finally:
            try:
                stdin.close()
            except OSError:
                pass


def _convert(pages: Iterable[Mapping[str, Any]], errors: Callable[[List[Failure]], None], binary: str,
             jobs: Optional[int], args: Sequence[str]) -> Iterator[Document]:
    process = SieveProcess(binary, ["-"], stdin=True, jobs=jobs, args=args)
    writer = _Writer(pages, process)
    writer.start()
    missing: List[_Sent] = []
    try:
        for document in process.documents():
            offset = _offset(document)
            if offset is not None:
                sent = writer.sent
                while sent and (sent[0].offset is None or sent[0].offset < offset):
                    missing.append(sent.popleft())
                if sent and sent[0].offset == offset:
                    sent.popleft()
            yield document
        process.finish()
        writer.join()
        if writer.error is not None:
            raise writer.error
        missing.extend(writer.sent)
        errors(_failures(missing, process.reports))
    finally:
        process.close()


def _convert_files(paths: List[str], errors: Callable[[List[Failure]], None], binary: str, cwd: Optional[str],
                   jobs: Optional[int], args: Sequence[str]) -> Iterator[Document]:
    process = SieveProcess(binary, paths, stdin=False, cwd=cwd, jobs=jobs, args=args)
    try:
        yield from process.documents()
        process.finish()
        errors([Failure.from_report(report) for report in process.reports])
    finally:
        process.close()


def _failures(missing: List[_Sent], reports: List[Dict[str, Any]]) -> List[Failure]:
    """Pairs the pages that gave no document with Sieve's reports (by byte offset), in input order; reports
    about no page sent (the input stream itself) come last."""
    by_offset = {report.get("offset"): report for report in reports}
    failures = []
    for page in missing:
        if page.refusal is not None:
            failures.append(Failure("-", None, page.id, page.index, page.url, "sieve-news", page.refusal, "failed"))
            continue
        report = by_offset.pop(page.offset, None)
        if report is None:
            report = {"input": "-", "offset": page.offset, "stage": "sieve",
                      "reason": "Sieve gave no document and no reason for this page", "kind": "failed"}
        failures.append(Failure.from_report(report, page.index, page.id, page.url))
    failures.extend(Failure.from_report(report) for report in by_offset.values())
    return failures


def _encode(page: Any, index: int) -> "tuple[Optional[bytes], Optional[str]]":
    """The page as one JSON line (bytes), or None and the reason it cannot be sent."""
    if not isinstance(page, Mapping):
        return None, f"page {index} is a {type(page).__name__}, not a mapping"
    if not isinstance(page.get("html"), str) and not isinstance(page.get("text"), str):
        return None, f"page {index} has neither an \"html\" nor a \"text\" string"
    record = page if isinstance(page, dict) and "id" in page else {**page, "id": page.get("id", str(index))}
    try:
        return dumps_line(record), None
    except (TypeError, ValueError) as error:
        return None, f"page {index} cannot be written as JSON: {error}"


def _offset(document: Document) -> Optional[int]:
    source = document.get("source")
    offset = source.get("offset") if isinstance(source, dict) else None
    return offset if isinstance(offset, int) else None


def _text(value: Any, default: Optional[int] = None) -> Optional[str]:
    if value is None:
        return None if default is None else str(default)
    return str(value)


def _error_policy(errors: ErrorPolicy) -> Callable[[List[Failure]], None]:
    """The function that receives the failures after the last document."""
    if errors == "raise":
        def raise_them(failures: List[Failure]) -> None:
            if failures:
                raise ConversionError(failures)
        return raise_them
    if errors == "skip":
        return lambda failures: None
    if callable(errors):
        report = errors
        def call_each(failures: List[Failure]) -> None:
            for failure in failures:
                report(failure)
        return call_each
    raise ValueError(f"errors must be \"raise\", \"skip\" or a callable, not {errors!r}")
