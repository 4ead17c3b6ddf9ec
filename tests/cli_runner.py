"""Run the command line in process and hold its outcome to the promises every command makes:
no exception escapes, the exit code is 0/1/2 (3 only for internal errors), messages are
Chinese and short, --json output is strict JSON, and a refused export leaves no file."""

from __future__ import annotations

import contextlib
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from disclosure_desktop.cli import main

CHINESE = re.compile(r"[\u4e00-\u9fff]")
PYTHON_WORDS = re.compile(r"Traceback|[A-Z][a-z]+(Error|Exception)\b|BadZipFile|Errno|\bor '|ENOTDIR|EFBIG|ENAMETOOLONG")
MESSAGE_CHARS = 20_000   # a message lists at most 20 problems with input quoted at 40 characters


@dataclass
class Outcome:
    code: int
    out: str
    err: str

    @property
    def message(self) -> str:
        return self.err or self.out

    def json(self) -> object:
        return json.loads(self.out, parse_constant=_no_constant)


def _no_constant(name: str):
    raise AssertionError(f"not strict JSON: {name}")


def run(*args) -> Outcome:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in args])
        except SystemExit as exit_:  # argparse's usage errors and --help
            code = exit_.code
    return Outcome(code, out.getvalue(), err.getvalue())


def assert_sound(outcome: Outcome, *, as_json: bool = False, output: Path | None = None,
                 refused: tuple[int, ...] = (1, 2)) -> Outcome:
    """`refused`: the exit codes after which `output` must not exist (import writes on 1)."""
    assert outcome.code in (0, 1, 2), outcome
    if outcome.code != 0 or not as_json:  # a successful JSON answer is data, not a message
        assert CHINESE.search(outcome.message), outcome
    assert not PYTHON_WORDS.search(outcome.err), outcome.err[:500]
    assert len(outcome.err) < MESSAGE_CHARS and len(outcome.out) < 5 * MESSAGE_CHARS or as_json, len(outcome.err)
    if as_json:
        payload = outcome.json()
        if outcome.code == 2:
            assert payload["exit_code"] == 2 and CHINESE.search(payload["error"])
    if output is not None:
        if outcome.code in refused:
            assert not output.exists(), f"refused ({outcome.code}) but {output.name} was written"
        leftovers = [p.name for p in output.parent.iterdir() if p.name.endswith(".tmp")]
        assert not leftovers, leftovers
    return outcome
