"""convert_files(): Sieve reads the files itself; ids follow the paths as given, failures name the input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import List

import pytest

import sieve_news
from sieve_news import ConversionError, Failure

from conftest import article


def test_files_relative_to_cwd_give_ids_without_the_folder(tmp_path: Path) -> None:
    (tmp_path / "story.html").write_text(article("A story"))
    lines = [{"id": "x1", "url": "https://news.example/x1", "html": article("Line one")},
             {"url": "https://news.example/x2", "html": article("Line two")}]
    (tmp_path / "batch.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))

    documents = list(sieve_news.convert_files(["story.html", "batch.jsonl"], cwd=str(tmp_path), jobs=1))

    assert [d["title"] for d in documents] == ["A story", "Line one", "Line two"]
    second_offset = len(json.dumps(lines[0])) + 1
    assert [d["id"] for d in documents] == ["story", "x1", f"batch#{second_offset}"]


def test_a_failed_input_is_reported_with_its_path_and_the_rest_is_converted(tmp_path: Path) -> None:
    (tmp_path / "good.html").write_text(article("Good"))
    (tmp_path / "broken.html.gz").write_bytes(b"this is not gzip")
    received: List[Failure] = []

    documents = list(sieve_news.convert_files(["broken.html.gz", "good.html"], cwd=str(tmp_path),
                                              errors=received.append))

    assert [d["id"] for d in documents] == ["good"]
    assert len(received) == 1
    assert received[0].input == "broken.html.gz" and received[0].index is None
    assert "gzip" in received[0].reason

    with pytest.raises(ConversionError):
        list(sieve_news.convert_files(["broken.html.gz"], cwd=str(tmp_path)))
