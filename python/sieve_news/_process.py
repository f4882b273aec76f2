"""One `sieve convert` process: JSON Lines documents on standard output, the `--errors` report on a pipe of
its own, standard error drained in the background (its last lines kept for error messages).

    pages ──writer thread──▶ stdin ─┐                    ┌─▶ stdout ──▶ documents() (read one line at a time)
                                    └─▶ sieve convert ───┼─▶ fd N   ──▶ errors thread ──▶ reports
                                                         └─▶ stderr ──▶ stderr thread ──▶ last 40 lines

Every pipe is read or written by its own thread, so no side can block another: a full stdout pipe only
stops Sieve (and through it the writer), which is the back-pressure that bounds memory.
"""

from __future__ import annotations

import collections
import os
import subprocess
import threading
from typing import IO, Any, Deque, Dict, Iterator, List, Optional, Sequence

from ._errors import SieveError
from ._json import loads


class SieveProcess:
    """A running `sieve convert INPUTS --to jsonl`, with its error report and standard error collected.

    Args:
        binary: path of the `sieve` executable.
        inputs: paths Sieve reads, or `["-"]` with `stdin=True` for JSON Lines pages on standard input.
        stdin: whether the caller writes pages to `stdin` (then `--container jsonl` is added).
        cwd: working folder of the process (input paths, and so document ids, are relative to it).
        jobs: Sieve's `--jobs` (default: Sieve's own, all cores).
        args: more `sieve convert` options, e.g. `["--stage", "main-content", "--isolate"]`.
    """

    def __init__(self, binary: str, inputs: Sequence[str], *, stdin: bool, cwd: Optional[str] = None,
                 jobs: Optional[int] = None, args: Sequence[str] = ()) -> None:
        read_end, write_end = os.pipe()
        command = [binary, "convert", *inputs, "--to", "jsonl", "--errors", f"/dev/fd/{write_end}",
                   "--no-progress", "--quiet"]
        if stdin:
            command += ["--container", "jsonl"]
        if jobs is not None:
            command += ["--jobs", str(jobs)]
        command += list(args)
        try:
            self._process = subprocess.Popen(
                command, stdin=subprocess.PIPE if stdin else subprocess.DEVNULL, stdout=subprocess.PIPE,
                stderr=subprocess.PIPE, pass_fds=(write_end,), cwd=cwd, bufsize=1 << 16)
        except OSError as error:
            os.close(read_end)
            raise SieveError(f"cannot start {binary}: {error}") from error
        finally:
            os.close(write_end)
        self.reports: List[Dict[str, Any]] = []
        self._stderr: Deque[str] = collections.deque(maxlen=40)
        self._threads = [
            threading.Thread(target=self._read_reports, args=(os.fdopen(read_end, "rb"),), daemon=True),
            threading.Thread(target=self._read_stderr, daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    @property
    def stdin(self) -> IO[bytes]:
        """Sieve's standard input (only with `stdin=True`); close it to end the input."""
        assert self._process.stdin is not None
        return self._process.stdin

    def documents(self) -> Iterator[Dict[str, Any]]:
        """Sieve's documents as dicts, in output order, read one line at a time."""
        assert self._process.stdout is not None
        for line in self._process.stdout:
            yield loads(line)

    def finish(self) -> int:
        """Waits for the process and its readers; returns the exit status (0, or 1 when inputs failed).

        Raises:
            SieveError: the process ended with any other status (a usage error, a crash, a signal).
        """
        status = self._process.wait()
        for thread in self._threads:
            thread.join()
        if status not in (0, 1):
            cause = f"killed by signal {-status}" if status < 0 else f"exit status {status}"
            raise SieveError(f"sieve convert failed ({cause})", status=status, stderr=self.stderr)
        return status

    @property
    def stderr(self) -> str:
        """The last lines Sieve wrote on standard error."""
        return "".join(self._stderr).rstrip()

    def close(self) -> None:
        """Stops the process if it still runs (a consumer that stopped early) and releases its pipes."""
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()
        for stream in (self._process.stdin, self._process.stdout):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass
        for thread in self._threads:
            thread.join(timeout=5)

    def _read_reports(self, stream: IO[bytes]) -> None:
        with stream:
            for line in stream:
                try:
                    record = loads(line)
                except ValueError:
                    continue
                if isinstance(record, dict):
                    self.reports.append(record)

    def _read_stderr(self) -> None:
        assert self._process.stderr is not None
        with self._process.stderr:
            for line in self._process.stderr:
                self._stderr.append(line.decode("utf-8", "replace"))
