"""convert(): pages in, documents out in order, failures reported with Sieve's reasons."""

from __future__ import annotations

import os
import time
from typing import Any, Dict, Iterator, List

import pytest

import sieve_news
from sieve_news import ConversionError, Failure, SieveError

from conftest import article


def test_documents_come_out_in_order_with_their_ids_and_extracted_fields(pages: List[Dict[str, str]]) -> None:
    documents = list(sieve_news.convert(pages))

    assert [d["id"] for d in documents] == ["first", "second", "third"]
    assert documents[0]["title"] == "First story"
    assert documents[0]["url"] == "https://news.example/first"
    assert "paragraph 0 of First story" in documents[0]["text"]
    assert "Home" not in documents[0]["text"] and "Copyright" not in documents[0]["text"]
    assert documents[2]["source"]["format"] == "text"
    assert "harbour" in documents[2]["text"]


def test_a_page_without_an_id_gets_its_position() -> None:
    documents = list(sieve_news.convert([{"text": "One line of text about the weather today."},
                                         {"text": "Another line of text about the trains."}]))
    assert [d["id"] for d in documents] == ["0", "1"]


def test_non_ascii_pages_keep_their_text() -> None:
    text = "Quận Lê Chân tổng kết năm học 2022-2023 và triển khai nhiệm vụ năm học mới."
    [document] = sieve_news.convert([{"id": "vi", "text": text}])
    assert document["text"] == text
    assert document["language"] == "vi"


def test_a_bad_page_fails_alone_and_the_error_comes_after_the_other_documents(pages: List[Dict[str, str]]) -> None:
    # With --isolate --debug-faults, a page holding the crash marker kills its Sieve worker process: a
    # failure inside Sieve, reported with Sieve's reason, while the other pages go on.
    crash = {"id": "crash", "html": article("Crash", words="sieve-debug-fault:crash")}
    mixed = [pages[0], {"id": "no-body", "url": "https://news.example/x"}, crash, "not a page", pages[1]]
    seen: List[str] = []
    with pytest.raises(ConversionError) as raised:
        for document in sieve_news.convert(mixed, args=["--isolate", "--debug-faults"]):
            seen.append(document["id"])

    assert seen == ["first", "second"]
    failures = raised.value.failures
    assert [f.index for f in failures] == [1, 2, 3]
    assert [f.id for f in failures] == ["no-body", "crash", "3"]
    assert failures[0].stage == "sieve-news" and "neither" in failures[0].reason
    assert "signal 11" in failures[1].reason  # Sieve's own reason for the crashed worker
    assert failures[1].offset is not None and failures[1].kind == "failed"
    assert failures[2].reason == "page 3 is a str, not a mapping"
    assert "3 page(s) gave no document" in str(raised.value)


def test_errors_skip_and_callable(pages: List[Dict[str, str]]) -> None:
    bad = [pages[0], {"id": "empty"}, pages[2]]
    assert [d["id"] for d in sieve_news.convert(bad, errors="skip")] == ["first", "third"]

    received: List[Failure] = []
    assert [d["id"] for d in sieve_news.convert(bad, errors=received.append)] == ["first", "third"]
    assert [(f.id, f.index) for f in received] == [("empty", 1)]

    with pytest.raises(ValueError, match="errors must be"):
        sieve_news.convert(bad, errors="ignore")


def test_many_large_pages_stream_with_back_pressure() -> None:
    """13 KB pages, 10 MB in all: the writer must not race ahead of a consumer that is not reading."""
    consumed = 0
    total = 800

    def generate() -> Iterator[Dict[str, Any]]:
        nonlocal consumed
        for n in range(total):
            consumed += 1
            yield {"id": f"p{n}", "html": article(f"Story {n}", paragraphs=120)}

    documents = sieve_news.convert(generate(), jobs=1)
    first = next(documents)
    assert first["id"] == "p0"
    time.sleep(1.0)
    assert consumed < total, "the whole input was read while the consumer held one document"
    rest = [d["id"] for d in documents]
    assert rest == [f"p{n}" for n in range(1, total)]


def test_closing_the_generator_stops_sieve(pages: List[Dict[str, str]]) -> None:
    def endless() -> Iterator[Dict[str, str]]:
        n = 0
        while True:
            n += 1
            yield {"id": str(n), "html": article(f"Story {n}")}

    documents = sieve_news.convert(endless(), jobs=1)
    assert next(documents)["id"] == "1"
    before = _children()
    assert before, "no sieve process while converting"
    documents.close()
    assert not (_children() & before)


def test_an_exception_from_the_pages_reaches_the_caller(pages: List[Dict[str, str]]) -> None:
    def broken() -> Iterator[Dict[str, str]]:
        yield pages[0]
        raise RuntimeError("the crawl database went away")

    with pytest.raises(RuntimeError, match="crawl database"):
        list(sieve_news.convert(broken()))


def test_a_usage_error_is_a_sieve_error_with_sieves_message(pages: List[Dict[str, str]]) -> None:
    with pytest.raises(SieveError) as raised:
        list(sieve_news.convert(pages, args=["--stage", "no-such-stage"]))
    assert raised.value.status == 2
    assert "no-such-stage" in raised.value.stderr


def test_binary_named_by_environment_must_exist(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIEVE_BINARY", "/nonexistent/sieve")
    with pytest.raises(SieveError, match="SIEVE_BINARY"):
        sieve_news.convert([])


def _children() -> "set[int]":
    """Live (not zombie) child processes of this process."""
    found = set()
    for task in os.listdir(f"/proc/{os.getpid()}/task"):
        with open(f"/proc/{os.getpid()}/task/{task}/children") as listing:
            for pid in listing.read().split():
                try:
                    with open(f"/proc/{pid}/stat") as stat:
                        if stat.read().rsplit(")", 1)[1].split()[0] != "Z":
                            found.add(int(pid))
                except FileNotFoundError:
                    pass
    return found


@pytest.mark.parametrize("fast_json", [True, False], ids=["orjson", "standard-json"])
def test_both_json_encoders_send_the_same_pages(fast_json: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    import sieve_news._json as pipe_json

    if not fast_json:
        monkeypatch.setattr(pipe_json, "orjson", None)
    pages = [{"id": "broken", "text": "a lone surrogate \ud800 cannot be UTF-8"},
             {"id": "vi", "text": "Tiếng Việt có dấu, một đoạn văn ngắn."}]
    received: List[Failure] = []
    documents = list(sieve_news.convert(pages, errors=received.append))
    assert [(d["id"], d["text"]) for d in documents] == [("vi", "Tiếng Việt có dấu, một đoạn văn ngắn.")]
    assert [(f.id, f.stage) for f in received] == [("broken", "jsonl-input")]
