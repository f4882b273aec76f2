"""Shared pages for the sieve_news tests. The binary is found the way users find it (`find_binary`): the
wheel's bundled one, or $SIEVE_BINARY, or `sieve` on PATH; with none the tests fail, they do not skip."""

from __future__ import annotations

from typing import Dict

import pytest


def article(title: str, paragraphs: int = 3, words: str = "The council met on Monday to discuss the budget") -> str:
    """A small news page: a <title>, navigation, an <article> of `paragraphs` paragraphs, a footer."""
    body = "".join(f"<p>{words}, paragraph {n} of {title}, with enough words to count as text.</p>"
                   for n in range(paragraphs))
    return (f"<html><head><title>{title} - Example News</title></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{title}</h1>{body}</article><footer>Copyright Example News</footer></body></html>")


@pytest.fixture
def pages() -> "list[Dict[str, str]]":
    return [
        {"id": "first", "url": "https://news.example/first", "html": article("First story")},
        {"id": "second", "url": "https://news.example/second", "html": article("Second story")},
        {"id": "third", "text": "Third story\n\nA plain text page with one paragraph of words about the harbour."},
    ]
