"""Pages per second of the Spark job in local[2] against `sieve convert --jobs 2` on the same WARCs (the
issue's target: >= 75%, not counting the JVM's start).

Usage: python samples/spark/bench.py [FILES] [PAGES_PER_FILE]   (default 4 x 250; run with the virtual
environment of scripts/test-spark, which has pyspark and the sieve-news wheel)

The Spark figure is the job's own: from its SparkSession being ready to both datasets written (it reads
the paths file, converts, writes Parquet). The CLI writes JSON Lines.
"""

from __future__ import annotations

import os
import resource
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import sieve_news
from warc_fixtures import write_corpus

HERE = Path(__file__).resolve().parent


def main() -> None:
    files = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    per_file = int(sys.argv[2]) if len(sys.argv) > 2 else 250
    with tempfile.TemporaryDirectory() as folder:
        warcs = write_corpus(Path(folder), files, per_file, hostile=False)
        paths = Path(folder) / "bench.paths"
        paths.write_text("".join(f"{p}\n" for p in warcs))
        started, cpu = time.perf_counter(), _cpu()
        subprocess.run([sieve_news.find_binary(), "convert", *[p.name for p in warcs], "--jobs", "2", "-o",
                        "out.jsonl", "--quiet", "--no-progress"], cwd=folder, check=True)
        cli_seconds, cli_cpu = time.perf_counter() - started, _cpu() - cpu
        pages = sum(1 for _ in open(Path(folder) / "out.jsonl", "rb"))
        env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
        started, cpu = time.perf_counter(), _cpu()
        job = subprocess.run([str(Path(sys.executable).parent / "spark-submit"), "--master", "local[2]",
                              "--conf", "spark.ui.enabled=false", "--conf", "spark.log.level=WARN",
                              str(HERE / "sieve_spark.py"), "--paths", str(paths), "--output",
                              str(Path(folder) / "parquet")], capture_output=True, text=True, env=env)
        total, spark_cpu = time.perf_counter() - started, _cpu() - cpu
        found = re.search(r"(\d+) documents, \d+ failed records in ([\d.]+) s", job.stdout)
        if job.returncode != 0 or not found:
            sys.exit(job.stdout[-3000:] + job.stderr[-3000:])
        spark_pages, spark_seconds = int(found.group(1)), float(found.group(2))
    print(f"{files} WARCs x {per_file} pages: sieve convert --jobs 2: {pages} pages in {cli_seconds:.1f} s "
          f"({pages / cli_seconds:.1f} pages/s); Spark local[2]: {spark_pages} pages in {spark_seconds:.1f} s "
          f"({spark_pages / spark_seconds:.1f} pages/s, {100 * cli_seconds / spark_seconds:.0f}% of the CLI; "
          f"{total:.1f} s with the JVM's start); CPU: CLI {cli_cpu:.1f} s, Spark {spark_cpu:.1f} s with the JVM's "
          f"start and compilation")


def _cpu() -> float:
    """CPU seconds (user + system) of the finished child processes so far (with their own children)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return children.ru_utime + children.ru_stime


if __name__ == "__main__":
    main()
