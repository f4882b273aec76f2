"""A tiny helper for writing Sieve exec stages in Python (standard library only).

Copy this file next to your stage. `serve(transform)` speaks protocol 1 (see docs/exec-protocol.md): it
answers the handshake, then calls `transform(document, options)` for every document Sieve sends and writes
the answer. `transform` returns the (modified) document to keep it, or raises `Drop("reason")` to drop it;
any other exception fails that one document with its message. Print logs to standard error, never to
standard output: Sieve logs each stderr line tagged with the stage name.
"""
import json
import sys

PROTOCOL = 1


class Drop(Exception):
    """Raise to drop the current document; the message is the reason."""


def _send(message):
    sys.stdout.buffer.write(json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n")
    sys.stdout.buffer.flush()


def serve(transform, name):
    """Runs the protocol on standard input and output until Sieve closes standard input."""
    hello = json.loads(sys.stdin.buffer.readline() or b"{}")
    if hello.get("protocol") != PROTOCOL:
        _send({"protocol": PROTOCOL, "ok": False, "error": f"{name} speaks protocol {PROTOCOL}, not {hello.get('protocol')}"})
        return 1
    options = hello.get("options") or {}
    _send({"protocol": PROTOCOL, "ok": True, "name": name})
    for line in sys.stdin.buffer:
        request = json.loads(line)
        try:
            _send({"id": request["id"], "document": transform(request["document"], options)})
        except Drop as drop:
            _send({"id": request["id"], "drop": str(drop)})
        except Exception as error:  # one bad document must not stop the worker
            _send({"id": request["id"], "error": f"{type(error).__name__}: {error}"})
    return 0
