"""What the command line writes: text that never breaks on a closed pipe or a narrow console
encoding, and JSON that is always strict (no NaN or Infinity, no lone surrogates).

`disclosure-desktop check FILE | head -1` closes the pipe after one line; the rest of the output
is dropped quietly and the command still ends with its own exit code.
"""

from __future__ import annotations

import json
import math
import os
import sys

from ..core.limits import clean_text
from .failure import EXIT_BAD_INPUT


def emit(text: str, *, error: bool = False) -> None:
    """Print a line (or lines) to stdout, or to stderr when `error`."""
    stream = sys.stderr if error else sys.stdout
    try:
        try:
            print(text, file=stream)
        except UnicodeEncodeError:  # a GBK console or a file redirect on Windows: keep what it can show
            encoding = getattr(stream, "encoding", None) or "ascii"
            print(text.encode(encoding, "replace").decode(encoding, "replace"), file=stream)
    except BrokenPipeError:
        drop_closed_stdout()


def emit_json(payload: object) -> None:
    """Strict JSON on stdout: non-finite numbers become null, unfit characters are cleaned."""
    emit(json.dumps(_strict(payload), ensure_ascii=False, indent=2, allow_nan=False, default=str))


def failure_json(message: str, exit_code: int, **extra) -> None:
    """The JSON of a failed command: {"error": …, "exit_code": …} and whatever else is known."""
    emit_json({"error": message, "exit_code": exit_code, **extra})


def bad_input(message: str, as_json_output: bool = False) -> int:
    """Refuse a command's input: the message on stderr (and as failure JSON with --json); exit 2."""
    if as_json_output:
        failure_json(message, EXIT_BAD_INPUT)
    emit(message, error=True)
    return EXIT_BAD_INPUT


def _strict(value: object) -> object:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, str):
        return clean_text(value)[0]
    if isinstance(value, dict):
        return {str(_strict(key)): _strict(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_strict(item) for item in value]
    return value


def drop_closed_stdout() -> None:
    """The reader of our output went away (a pipe into `head`): send the rest to the null
    device, so neither later prints nor the interpreter's final flush raise BrokenPipeError."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):  # no real file descriptor (a test's capture)
        pass


def flush_stdout() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        drop_closed_stdout()
    except (OSError, ValueError):
        pass
