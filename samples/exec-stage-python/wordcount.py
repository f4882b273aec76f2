#!/usr/bin/env python3
"""wordcount: a Sieve exec stage in plain Python.

Adds `fields.word_count` (words in the article text, captions excluded) and `fields.reading_minutes`
(at `words_per_minute`, default 200), and drops articles with fewer than `min_words` words (default 0).
Options come from the stage's `config` in a pipeline file.

    sieve convert article.txt --stage exec:command=python3|samples/exec-stage-python/wordcount.py
"""
import math
import sys

from sieve_stage import Drop, serve


def wordcount(document, options):
    words = sum(len(block["text"].split()) for block in document["blocks"] if block["kind"] != "caption")
    minimum = int(options.get("min_words", 0))
    if words < minimum:
        raise Drop(f"{words} words, fewer than min_words={minimum}")
    document["fields"]["word_count"] = words
    document["fields"]["reading_minutes"] = math.ceil(words / float(options.get("words_per_minute", 200)))
    return document


if __name__ == "__main__":
    sys.exit(serve(wordcount, "wordcount"))
