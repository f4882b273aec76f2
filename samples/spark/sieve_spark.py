"""Sieve over a list of WARC files as an Apache Spark job: one task per WARC, Parquet out.

    paths file ──▶ one task per WARC ──▶ sieve convert (one process per WARC, via sieve_news)
        (local, s3://, hdfs://)              │ documents               │ failed records
                                             ▼                         ▼
                     OUT/documents/batch=B/day=YYYY-MM-DD/lang=xx/   OUT/failures/batch=B/

Usage (the whole spark-submit line and cluster settings are in docs/scale-out.md):

    spark-submit sieve_spark.py --paths cc-news-2024-03.paths --output s3://bucket/sieve [--batch 2024-03]

Every line of the paths file is one WARC (`#` comments and blank lines skipped; duplicates read once).
Local paths are read in place; any other URL (s3://, hdfs://, gs://) is copied to the task's local disk
first with fsspec (install `fsspec` and its filesystem, e.g. `s3fs`, on the executors).

Idempotent: a batch (default: the paths file's name without extension) is written under `batch=NAME` in
both datasets with Spark's overwrite, so re-running a batch replaces it whole and a retried task's
output is discarded by Spark's commit protocol: no duplicates. Document ids are stable: Sieve runs in the
WARC's folder on its file name, so a record's id is `WARC-NAME-WITHOUT-.warc.gz#BYTE-OFFSET` wherever the
file is stored.

Columns: `COLUMNS` below is the one list the Parquet schema and the row building derive from; a new
document field is one line there.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence
from urllib.parse import urlparse

import pyarrow as pa
from pyspark import StorageLevel, TaskContext
from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql.pandas.types import to_arrow_schema
from pyspark.sql.types import StructType

import sieve_news


@dataclass(frozen=True)
class Column:
    """A Parquet column: its name, Spark SQL type, and how it is read from one Sieve document (a dict):
    `value`, or by default the document's member of the same name."""

    name: str
    type: str
    value: Optional[Callable[[Dict[str, Any]], Any]] = None

    def read(self, document: Dict[str, Any]) -> Any:
        return self.value(document) if self.value else document.get(self.name)


def _json(name: str) -> Callable[[Dict[str, Any]], Any]:
    return lambda document: json.dumps(document.get(name), ensure_ascii=False, separators=(",", ":"))


def _day(document: Dict[str, Any]) -> str:
    published = document.get("published") or ""
    return published[:10] if re.match(r"\d{4}-\d\d-\d\d", published) else "unknown"


def _blocks(document: Dict[str, Any]) -> Any:
    """The blocks as `BLOCK` structs: a figure's `image` object becomes `image_src` and `image_alt` (Spark
    3.5 turns no struct nested in a struct into Arrow); every other member keeps its name."""
    blocks = document.get("blocks") or []
    for block in blocks:
        image = block.get("image")
        if isinstance(image, dict):
            block["image_src"], block["image_alt"] = image.get("src"), image.get("alt")
    return blocks


SPAN = "struct<kind:string,start:int,length:int,href:string,src:string,alt:string>"
BLOCK = (f"struct<kind:string,level:int,depth:int,ordered:boolean,language:string,text:string,"
         f"spans:array<{SPAN}>,rows:array<array<struct<text:string,header:boolean>>>,"
         f"image_src:string,image_alt:string>")

#: The document's columns, in order (README, "The document format", schema sieve-document/2). Nested
#: values Sieve leaves open (`fields`, `diagnostics`) are JSON text.
COLUMNS: List[Column] = [
    Column("id", "string"),
    Column("url", "string"),
    Column("title", "string"),
    Column("published", "string"),
    Column("modified", "string"),
    Column("authors", "array<string>"),
    Column("language", "string"),
    Column("site", "string"),
    Column("description", "string"),
    Column("image", "string"),
    Column("tags", "array<string>"),
    Column("text", "string"),
    Column("blocks", f"array<{BLOCK}>", _blocks),
    Column("comments", "array<struct<author:string,date:string,text:string>>"),
    Column("fields", "string", _json("fields")),
    Column("diagnostics", "string", _json("diagnostics")),
    Column("source", "struct<path:string,format:string,offset:bigint,url:string,fetched:string>"),
    # Partition columns: the publication day (the date part of `published`, as the page states it) and
    # the language, with `unknown` and `und` for documents without one.
    Column("day", "string", _day),
    Column("lang", "string", lambda document: document.get("language") or "und"),
]

#: A record that gave no document: the WARC it came from and Sieve's report line.
FAILURE_COLUMNS: List[Column] = [
    Column("warc", "string"),
    Column("offset", "bigint"),
    Column("id", "string"),
    Column("stage", "string"),
    Column("reason", "string"),
    Column("kind", "string"),
]

PARTITIONS = ["day", "lang"]
ROWS_PER_BATCH = 500


def _schema(spark: SparkSession, columns: Sequence[Column]) -> StructType:
    return spark.createDataFrame([], ", ".join(f"`{c.name}` {c.type}" for c in columns)).schema


#: Both kinds of row travel in one DataFrame (one pass over the WARCs), told apart by `record`.
ROW_COLUMNS = ([Column("record", "string")]
               + COLUMNS
               + [Column("failure_" + c.name, c.type) for c in FAILURE_COLUMNS])


@dataclass(frozen=True)
class Settings:
    """What every task needs, shipped from the driver."""

    binary: Optional[str]
    jobs: int
    fail_first_attempt: bool


def convert_warcs(settings: Settings, schema: pa.Schema) -> Callable[[Iterator[pa.RecordBatch]], Iterator[pa.RecordBatch]]:
    """The task body for `mapInArrow`: WARC paths in, Arrow batches of `ROW_COLUMNS` rows (`schema`) out."""

    def run(paths: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in paths:
            for path in batch.column("path").to_pylist():
                yield from _convert_warc(path, settings, schema)

    return run


def _convert_warc(path: str, settings: Settings, schema: pa.Schema) -> Iterator[pa.RecordBatch]:
    failures: List[sieve_news.Failure] = []
    rows: List[Dict[str, Any]] = []
    with _local_copy(path) as local:
        documents = sieve_news.convert_files([os.path.basename(local)], cwd=os.path.dirname(local),
                                             errors=failures.append, binary=settings.binary,
                                             jobs=settings.jobs, args=["--isolate"])
        try:
            for document in documents:
                rows.append(_document_row(document))
                if len(rows) == ROWS_PER_BATCH:
                    yield _batch(rows, schema)
                    rows = []
                    _maybe_fail(settings)
        except sieve_news.SieveError as error:
            if error.status == 2:
                raise  # a usage error: every task would fail the same way, so the job should stop
            failures.append(sieve_news.Failure(path, None, None, None, None, "sieve", str(error), "failed"))
    rows.extend(_failure_row(path, failure) for failure in failures)
    if rows:
        yield _batch(rows, schema)
    _maybe_fail(settings)


def _document_row(document: Dict[str, Any]) -> Dict[str, Any]:
    row = {column.name: column.read(document) for column in COLUMNS}
    row["record"] = "document"
    return row


def _failure_row(warc: str, failure: sieve_news.Failure) -> Dict[str, Any]:
    report = {"warc": warc, "offset": failure.offset, "id": failure.id, "stage": failure.stage,
              "reason": failure.reason, "kind": failure.kind}
    row = {"failure_" + column.name: column.read(report) for column in FAILURE_COLUMNS}
    row["record"] = "failure"
    return row


def _batch(rows: List[Dict[str, Any]], schema: pa.Schema) -> pa.RecordBatch:
    return pa.RecordBatch.from_pylist(rows, schema=schema)


def _maybe_fail(settings: Settings) -> None:
    """The test hook `--fail-first-attempt`: the first attempt of task 0 dies after writing some rows."""
    context = TaskContext.get()
    if settings.fail_first_attempt and context and context.partitionId() == 0 and context.attemptNumber() == 0:
        raise RuntimeError("sieve_spark: forced failure of the first attempt (--fail-first-attempt)")


class _local_copy:
    """The WARC as a local file: the path itself when local, else a copy in a temporary folder (fsspec)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.folder: Optional[str] = None

    def __enter__(self) -> str:
        parsed = urlparse(self.path)
        if parsed.scheme in ("", "file"):
            return os.path.abspath(parsed.path if parsed.scheme else self.path)
        try:
            import fsspec  # type: ignore[import-not-found]
        except ImportError as error:
            raise RuntimeError(f"reading {self.path} needs fsspec and its {parsed.scheme} filesystem "
                               f"on the executors (pip install fsspec s3fs)") from error
        self.folder = tempfile.mkdtemp(prefix="sieve-warc-")
        local = os.path.join(self.folder, os.path.basename(parsed.path))
        with fsspec.open(self.path, "rb") as source, open(local, "wb") as target:
            shutil.copyfileobj(source, target, 1 << 20)
        return local

    def __exit__(self, *exc: object) -> None:
        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)


def read_paths(spark: SparkSession, paths_file: str) -> List[str]:
    """The WARC paths listed in `paths_file` (any path Spark reads), in order, without duplicates."""
    lines = [row.value.strip() for row in spark.read.text(paths_file).collect()]
    return list(dict.fromkeys(line for line in lines if line and not line.startswith("#")))


def run(spark: SparkSession, paths_file: str, output: str, batch: str, settings: Settings,
        tasks: Optional[int] = None) -> Dict[str, Any]:
    """Converts every WARC of `paths_file` and writes both datasets of `batch`; returns counts and seconds."""
    started = time.monotonic()
    paths = read_paths(spark, paths_file)
    if not paths:
        raise SystemExit(f"sieve_spark: {paths_file} lists no WARC")
    slices = tasks or len(paths)
    schema = _schema(spark, ROW_COLUMNS)
    rows = (spark.sparkContext.parallelize(paths, slices).map(lambda path: (path,)).toDF("path string")
            .mapInArrow(convert_warcs(settings, to_arrow_schema(schema)), schema)
            .persist(StorageLevel.DISK_ONLY))
    documents = rows.where(F.col("record") == "document").select([c.name for c in COLUMNS])
    failures = rows.where(F.col("record") == "failure").select(
        [F.col("failure_" + c.name).alias(c.name) for c in FAILURE_COLUMNS])
    # Static overwrite of the batch's own folder: a re-run replaces the batch whole (no stale partition
    # survives), other batches are untouched; Spark commits each task's files only once.
    documents.write.mode("overwrite").partitionBy(*PARTITIONS).parquet(f"{output}/documents/batch={batch}")
    failures.write.mode("overwrite").parquet(f"{output}/failures/batch={batch}")
    counts = rows.groupBy("record").count().collect()
    rows.unpersist()
    result = {row["record"]: row["count"] for row in counts}
    return {"warcs": len(paths), "documents": result.get("document", 0), "failures": result.get("failure", 0),
            "seconds": time.monotonic() - started}


def main(argv: Optional[Sequence[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--paths", required=True, help="file listing one WARC path or URL per line")
    parser.add_argument("--output", required=True, help="dataset root: OUTPUT/documents and OUTPUT/failures")
    parser.add_argument("--batch", help="name of this run's batch (default: the paths file's name)")
    parser.add_argument("--sieve-binary", help="absolute path of sieve on the executors (default: the one "
                        "bundled in the sieve-news wheel, $SIEVE_BINARY, or sieve on PATH)")
    parser.add_argument("--jobs-per-task", type=int, default=1,
                        help="sieve --jobs inside each task (match spark.task.cpus; default 1)")
    parser.add_argument("--tasks", type=int, help="number of tasks (default: one per WARC)")
    parser.add_argument("--fail-first-attempt", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    batch = options.batch or re.sub(r"\..*$", "", os.path.basename(urlparse(options.paths).path))
    if not re.fullmatch(r"[A-Za-z0-9._-]+", batch):
        parser.error(f"--batch {batch!r}: use letters, digits, '.', '_' and '-' only")
    spark = SparkSession.builder.appName(f"sieve {batch}").getOrCreate()
    settings = Settings(options.sieve_binary, options.jobs_per_task, options.fail_first_attempt)
    result = run(spark, options.paths, options.output.rstrip("/"), batch, settings, options.tasks)
    rate = result["documents"] / result["seconds"] if result["seconds"] else 0.0
    print(f"sieve_spark: batch {batch}: {result['warcs']} WARCs, {result['documents']} documents, "
          f"{result['failures']} failed records in {result['seconds']:.1f} s ({rate:.1f} documents/s)")
    spark.stop()


if __name__ == "__main__":
    main()
