"""The Spark job end to end in local mode: its Parquet rows equal `sieve convert` on the same WARCs, failed
records land in their own dataset, and a forced task failure plus retry (and a re-run of the batch) leaves
no duplicates. Run by scripts/test-spark (which installs pyspark and the sieve-news wheel)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List

import pyarrow.dataset as ds
import pytest

import sieve_news
from warc_fixtures import write_corpus

JOB = Path(__file__).resolve().parent / "sieve_spark.py"
COMPARED = ["id", "url", "title", "published", "modified", "authors", "language", "site", "description", "tags",
            "text"]


def submit(paths_file: Path, output: Path, master: str, *extra: str) -> subprocess.CompletedProcess:
    command = [str(Path(sys.executable).parent / "spark-submit"), "--master", master,
               "--conf", "spark.ui.enabled=false", "--conf", "spark.log.level=WARN",
               str(JOB), "--paths", str(paths_file), "--output", str(output), *extra]
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=JOB.parent)
    assert result.returncode == 0, result.stderr[-4000:]
    return result


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Dict[str, Any]:
    folder = tmp_path_factory.mktemp("warc")
    warcs = write_corpus(folder, files=3, pages_per_file=8, hostile=True)
    paths_file = folder / "cc-news-test.paths"
    # Absolute paths, one listed twice (read once) and a comment.
    paths_file.write_text("# test batch\n" + "\n".join(str(p) for p in warcs + warcs[:1]) + "\n")
    # What the CLI makes of the same files, run the way the job runs it (in the folder, on file names).
    cli = subprocess.run([sieve_news.find_binary(), "convert", *[p.name for p in warcs], "--to", "jsonl",
                          "--errors", "errors.jsonl", "--no-progress", "--quiet"],
                         cwd=folder, capture_output=True, text=True)
    assert cli.returncode == 1, cli.stderr  # the hostile record and the truncated file fail
    expected = [json.loads(line) for line in cli.stdout.splitlines()]
    errors = [json.loads(line) for line in (folder / "errors.jsonl").read_text().splitlines()]
    output = tmp_path_factory.mktemp("out")
    first = submit(paths_file, output, "local[2]")
    return {"folder": folder, "paths": paths_file, "output": output, "expected": expected, "errors": errors,
            "warcs": warcs, "log": first.stdout}


def documents(output: Path) -> List[Dict[str, Any]]:
    table = ds.dataset(output / "documents", format="parquet", partitioning="hive").to_table()
    return table.to_pylist()


def failures(output: Path) -> List[Dict[str, Any]]:
    return ds.dataset(output / "failures", format="parquet", partitioning="hive").to_table().to_pylist()


def present(value: Any) -> Any:
    """`value` without its null members (Parquet structs have every member; Sieve writes only some)."""
    if isinstance(value, dict):
        return {k: present(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [present(v) for v in value]
    return value


def flat_image(block: Dict[str, Any]) -> Dict[str, Any]:
    """A block as the job stores it: a figure's image as `image_src` / `image_alt`."""
    block = dict(block)
    image = block.pop("image", None)
    if image:
        block.update({"image_src": image.get("src"), "image_alt": image.get("alt")})
    return present(block)


def test_rows_equal_sieve_convert_on_the_same_warcs(corpus: Dict[str, Any]) -> None:
    rows = {row["id"]: row for row in documents(corpus["output"])}
    expected = {doc["id"]: doc for doc in corpus["expected"]}
    assert len(expected) == 3 * 8 - 1 + 2  # 24 pages less the hostile one, plus 2 before the cut
    assert sorted(rows) == sorted(expected)
    for id, doc in expected.items():
        row = rows[id]
        assert {k: row[k] for k in COMPARED} == {k: doc[k] for k in COMPARED}, id
        assert [present(b) for b in row["blocks"]] == [flat_image(b) for b in doc["blocks"]], id
        assert [present(c) for c in row["comments"]] == [present(c) for c in doc["comments"]], id
        assert json.loads(row["fields"]) == doc["fields"]
        assert row["source"]["offset"] == doc["source"]["offset"]
        assert row["batch"] == "cc-news-test"
        assert row["day"] == (doc["published"] or "unknown")[:10] if doc["published"] else row["day"] == "unknown"
        assert row["lang"] == (doc["language"] or "und")
    # Stable ids: the WARC's file name and the record's byte offset, whatever folder the file sat in.
    assert all(id.startswith("CC-NEWS-20240301-0000") and "#" in id and "/" not in id for id in rows)


def test_failed_records_land_in_their_dataset_with_sieves_reasons(corpus: Dict[str, Any]) -> None:
    rows = failures(corpus["output"])
    assert sorted((r["offset"], r["stage"], r["reason"]) for r in rows) == sorted(
        (e.get("offset"), e["stage"], e["reason"]) for e in corpus["errors"])
    hostile = [r for r in rows if "250000" in r["reason"]]
    assert len(hostile) == 1 and hostile[0]["warc"] == str(corpus["warcs"][1])
    assert hostile[0]["id"] is None or hostile[0]["id"].startswith("CC-NEWS-20240301-00001#")
    truncated = [r for r in rows if r["warc"] == str(corpus["warcs"][3])]
    assert len(truncated) == 1 and truncated[0]["kind"] == "failed"


def test_a_retried_task_and_a_rerun_leave_no_duplicates(corpus: Dict[str, Any]) -> None:
    before = sorted(row["id"] for row in documents(corpus["output"]))
    # Same batch into the same output, with task 0's first attempt dying after it wrote rows.
    rerun = submit(corpus["paths"], corpus["output"], "local[2,2]", "--fail-first-attempt")
    assert "forced failure of the first attempt" in rerun.stdout + rerun.stderr
    after = [row["id"] for row in documents(corpus["output"])]
    assert sorted(after) == before
    assert len(after) == len(set(after))
    assert len(failures(corpus["output"])) == len(corpus["errors"])


def test_the_job_reports_its_counts(corpus: Dict[str, Any]) -> None:
    counts = re.search(r"batch cc-news-test: (\d+) WARCs, (\d+) documents, (\d+) failed records", corpus["log"])
    assert counts, corpus["log"][-3000:]
    assert counts.groups() == ("4", "25", "2")
