"""Pages per second of `sieve_news.convert` against the CLI on the same pages (the issue's target: >= 90%).

Usage: python python/benchmarks/convert_vs_cli.py [PAGES] [--jobs N] [--rounds R]   (with sieve_news importable: the wheel
installed, or python/ on sys.path and $SIEVE_BINARY set)

The pages are the evaluation set's (eval/aeb-dev/html), varied copies up to PAGES (default 600), written
once as a JSON Lines file. The CLI converts that file (`sieve convert pages.jsonl -o out.jsonl`); the
package converts the same pages, already in memory as dicts, and the loop only counts the documents.
Rounds alternate CLI and package so both see the same machine load; the best round of each is printed,
as pages per second of wall-clock time and as CPU milliseconds per page (Sieve's and, for the package,
Python's own: on a shared machine the CPU figure is the steadier one).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "samples" / "spark"))

import sieve_news  # noqa: E402
from warc_fixtures import load_pages, variant  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("pages", type=int, nargs="?", default=600)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    originals = load_pages()
    pages = [{"id": f"p{n}", "url": f"https://news.example/{n}",
              "html": variant(originals[n % len(originals)], n).decode("utf-8", "replace")}
             for n in range(options.pages)]
    binary = sieve_news.find_binary()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "pages.jsonl"
        source.write_text("".join(json.dumps(page, ensure_ascii=False) + "\n" for page in pages))
        megabytes = source.stat().st_size / 1e6
        cli, package, cli_cpu, package_cpu = [], [], [], []
        for _ in range(options.rounds):
            started, cpu = time.perf_counter(), _cpu()
            subprocess.run([binary, "convert", str(source), "-o", str(Path(folder) / "out.jsonl"), "--jobs",
                            str(options.jobs), "--quiet", "--no-progress"], check=True)
            cli.append(options.pages / (time.perf_counter() - started))
            cli_cpu.append((_cpu() - cpu) * 1000 / options.pages)
            started, cpu = time.perf_counter(), _cpu()
            count = sum(1 for _ in sieve_news.convert(pages, jobs=options.jobs))
            package.append(count / (time.perf_counter() - started))
            package_cpu.append((_cpu() - cpu) * 1000 / options.pages)
            assert count == options.pages, count
    print(f"{options.pages} pages ({megabytes:.0f} MB of JSON Lines), --jobs {options.jobs}, best of {options.rounds}: "
          f"CLI {max(cli):.0f} pages/s, {min(cli_cpu):.2f} CPU ms/page; sieve_news.convert {max(package):.0f} "
          f"pages/s, {min(package_cpu):.2f} CPU ms/page ({100 * max(package) / max(cli):.0f}% of the CLI's "
          f"pages/s, {100 * min(cli_cpu) / min(package_cpu):.0f}% of its pages per CPU-second); "
          f"all rounds pages/s CLI {[round(x) for x in cli]}, package {[round(x) for x in package]}")


def _cpu() -> float:
    """CPU seconds (user + system) of this process and its waited-for children so far."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


if __name__ == "__main__":
    main()
