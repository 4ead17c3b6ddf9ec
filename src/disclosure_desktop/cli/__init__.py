"""Command line: `disclosure-desktop [FILE]` starts the editor; subcommands work headless.

Each subcommand lives in a module of this package that exposes `register(subparsers)`; the
handler it sets returns the process exit code (cli/failure.py lists them).
"""

from __future__ import annotations

import argparse
import importlib
import sys

from .chinese_argparse import ChineseArgumentParser
from .failure import EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, internal_error_message, write_log
from .output import drop_closed_stdout, emit, failure_json, flush_stdout

# Each subcommand and the module that registers it, in the order `--help` lists them.  Only
# the module of the command being run is imported, so `check` does not load the exporters
# and starting the GUI loads none of them; a test keeps this table and the modules in step.
COMMANDS = {
    "new": "project_commands",
    "check": "project_commands",
    "schema": "project_commands",
    "export": "export_command",
    "import": "import_command",
    "review": "review_command",
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser with every subcommand, or only with the module that registers `command`."""
    parser = ChineseArgumentParser(
        prog="disclosure-desktop",
        description="政府信息公开年报编制助手。不带子命令时启动图形界面（可带一个项目文件）。")
    subparsers = parser.add_subparsers(dest="command", title="子命令", metavar="子命令")
    modules = [COMMANDS[command]] if command in COMMANDS else COMMANDS.values()
    for name in dict.fromkeys(modules):
        importlib.import_module(f"{__name__}.{name}").register(subparsers)
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(prog="disclosure-desktop", description="启动图形界面。")
    parser.add_argument("file", nargs="?", help="要打开的项目文件（.gknb）")
    parser.add_argument("--quit-after-show", action="store_true",
                        help="显示第一帧后打印启动耗时（毫秒）并退出，用于基准测试和冒烟测试")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run a command; its exit code: 0 ok, 1 refused or has errors, 2 bad input, 3 internal error.

    No exception reaches the terminal: an unexpected one is logged and told in one Chinese line
    (exit 3); `--debug` anywhere on the command line lets it through with its traceback.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    argv = [arg for arg in argv if arg != "--debug"]
    as_json = "--json" in argv
    try:
        return _run(argv, as_json)
    except BrokenPipeError:
        drop_closed_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        emit("已中断。", error=True)
        return 130  # the shell's code for Ctrl+C
    except Exception as error:  # noqa: BLE001 - the one place that turns any failure into exit 3
        if debug:
            raise
        message = internal_error_message(error, write_log(error, argv))
        if as_json:
            failure_json(message, EXIT_INTERNAL)
        emit(message, error=True)
        return EXIT_INTERNAL
    finally:
        flush_stdout()


def _run(argv: list[str], as_json: bool) -> int:
    if argv and (argv[0] in COMMANDS or argv[0] in ("-h", "--help")):
        try:
            args = build_parser(argv[0]).parse_args(argv)
        except SystemExit as exit_:
            if as_json and exit_.code == EXIT_BAD_INPUT:  # the usage error went to stderr
                failure_json("命令行参数有误，请用 --help 查看用法。", EXIT_BAD_INPUT)
            raise
        return args.handler(args)
    gui_args = _gui_parser().parse_args(argv)
    try:
        from ..app.main import run_gui
    except ImportError as error:
        emit(f"无法启动图形界面：{error}", error=True)
        return EXIT_BAD_INPUT
    return run_gui(gui_args.file, quit_after_show=gui_args.quit_after_show)
