"""argparse speaking Chinese: its own words (usage, options, errors) and exit code 2 on misuse."""

from __future__ import annotations

import argparse
import sys

_TRANSLATIONS = {
    "usage: ": "用法：",
    "options": "选项",
    "positional arguments": "位置参数",
    "show this help message and exit": "显示此帮助并退出",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择：%(value)r（可选：%(choices)s）",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "需要一个值",
    "invalid %(type)s value: %(value)r": "无效的%(type)s值：%(value)r",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
}


def _translate(message: str) -> str:
    return _TRANSLATIONS.get(message, message)


# argparse looks its messages up through its module-level `_` at run time.
argparse._ = _translate  # type: ignore[attr-defined]
argparse.ngettext = lambda single, plural, n: _translate(single if n == 1 else plural)  # type: ignore[attr-defined]


class ChineseArgumentParser(argparse.ArgumentParser):
    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：错误：{message}\n")
