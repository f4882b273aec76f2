"""Small CC-NEWS-like WARC.gz files for the Spark job's test and benchmark: real pages of the evaluation
set (eval/aeb-dev/html) as HTTP 200 response records, one gzip member per record as CC-NEWS writes them,
each file opening with a warcinfo record and holding a request record (both skipped by Sieve)."""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from typing import List, Sequence

PAGES = Path(__file__).resolve().parents[2] / "eval" / "aeb-dev" / "html"

#: A page of 260,000 elements: Sieve refuses it (its limit is 250,000), so its record fails alone.
HOSTILE_PAGE = b"<html><body>" + b"<p>x</p>" * 260_000 + b"</body></html>"


def load_pages() -> List[bytes]:
    """The evaluation set's pages, in file-name order."""
    pages = [gzip.decompress(path.read_bytes()) for path in sorted(PAGES.glob("*.html.gz"))]
    pages += [path.read_bytes() for path in sorted(PAGES.glob("*.html"))]
    if not pages:
        raise SystemExit(f"no pages in {PAGES}")
    return pages


def variant(page: bytes, number: int) -> bytes:
    """The page with a numbered title and one more paragraph, so copies are distinct documents."""
    page = re.sub(rb"(<title[^>]*>)", rb"\g<1>" + f"Copy {number}: ".encode(), page, count=1, flags=re.I)
    return page.replace(b"</body>", f"<p>Update {number}: officials commented.</p></body>".encode(), 1)


def record(kind: str, uri: str, payload: bytes, content_type: str) -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-01T12:00:00Z\r\n"
            f"Content-Type: {content_type}\r\nContent-Length: {len(payload)}\r\n\r\n").encode()
    return gzip.compress(head + payload + b"\r\n\r\n", compresslevel=6)


def write_warc(path: Path, pages: Sequence[bytes], first: int, hostile_at: int = -1) -> None:
    """A WARC.gz of `pages` (numbered from `first`); the record at position `hostile_at` is HOSTILE_PAGE."""
    with open(path, "wb") as out:
        out.write(record("warcinfo", "", b"software: sieve test\r\n", "application/warc-fields"))
        for position, page in enumerate(pages):
            number = first + position
            uri = f"https://news.example/2024/03/{number}"
            body = HOSTILE_PAGE if position == hostile_at else variant(page, number)
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
            out.write(record("request", uri, f"GET /2024/03/{number} HTTP/1.1\r\n\r\n".encode(),
                             "application/http; msgtype=request"))
            out.write(record("response", uri, http, "application/http; msgtype=response"))


def write_corpus(folder: Path, files: int, pages_per_file: int, hostile: bool) -> List[Path]:
    """`files` WARCs of `pages_per_file` pages in `folder`; with `hostile`, the second file's third record
    is HOSTILE_PAGE and one more file is cut off in the middle of a record (a truncated download)."""
    pages = load_pages()
    paths = []
    for n in range(files):
        path = folder / f"CC-NEWS-20240301-{n:05d}.warc.gz"
        chosen = [pages[(n * pages_per_file + k) % len(pages)] for k in range(pages_per_file)]
        write_warc(path, chosen, n * pages_per_file, hostile_at=2 if hostile and n == 1 else -1)
        paths.append(path)
    if hostile:
        path = folder / f"CC-NEWS-20240301-{files:05d}.warc.gz"
        write_warc(path, pages[:3], files * pages_per_file)
        data = path.read_bytes()
        path.write_bytes(data[: len(data) - 2000])
        paths.append(path)
    return paths


if __name__ == "__main__":
    import sys

    for written in write_corpus(Path(sys.argv[1]), files=int(sys.argv[2]) if len(sys.argv) > 2 else 1,
                                pages_per_file=int(sys.argv[3]) if len(sys.argv) > 3 else 8, hostile=False):
        print(written)
