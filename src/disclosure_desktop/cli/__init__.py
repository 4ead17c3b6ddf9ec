"""Command line: `disclosure-desktop [FILE]` starts the editor; subcommands work headless.

Each subcommand lives in a module of this package that exposes `register(subparsers)`; the
handler it sets returns the process exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from .chinese_argparse import ChineseArgumentParser

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
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and (argv[0] in COMMANDS or argv[0] in ("-h", "--help")):
        args = build_parser(argv[0]).parse_args(argv)
        return args.handler(args)
    gui_args = _gui_parser().parse_args(argv)
    try:
        from ..app.main import run_gui
    except ImportError as error:
        print(f"无法启动图形界面：{error}", file=sys.stderr)
        return 2
    return run_gui(gui_args.file, quit_after_show=gui_args.quit_after_show)
