"""Any error of the operating system or a library, told in Chinese with what to do about it.

Messages never show Python's own words (ENOTDIR, BadZipFile, 'department' or 'government'):
every place that turns an exception into a message for the user calls `describe_error`.
"""

from __future__ import annotations

import errno
from pathlib import Path

from ..core.limits import quote

# errno → (what happened, what to do).
_OS_REASONS = {
    errno.ENOSPC: ("磁盘空间不足", "请清理磁盘或换一个有空间的位置"),
    errno.EDQUOT: ("超出了磁盘配额", "请清理文件或联系管理员增加配额"),
    errno.EFBIG: ("文件超过了系统允许的大小", "请换一个位置（如本机硬盘）"),
    # Reading code catches PermissionError itself: what reaches here is a write.
    errno.EACCES: ("没有写入权限，或文件正被其他程序（如 Word、WPS）打开", "请关闭占用它的程序，或换一个有权限的位置"),
    errno.EPERM: ("没有写入权限", "请换一个有权限的位置"),
    errno.EROFS: ("该位置是只读的", "请换一个可写的位置"),
    errno.ENOENT: ("文件或文件夹不存在", "请检查路径是否正确"),
    errno.ENOTDIR: ("路径中有一部分不是文件夹", "请检查路径是否正确"),
    errno.EISDIR: ("这是一个文件夹", "请选择或换一个文件名"),
    errno.ENAMETOOLONG: ("文件名或路径过长", "请使用较短的文件名或较浅的文件夹"),
    errno.EEXIST: ("文件已存在", "请换一个文件名"),
    errno.EBUSY: ("文件正被占用", "请关闭占用它的程序后重试"),
    errno.ETXTBSY: ("文件正被占用", "请关闭占用它的程序后重试"),
    errno.EMFILE: ("打开的文件过多", "请关闭一些程序后重试"),
    errno.ENFILE: ("系统打开的文件过多", "请关闭一些程序后重试"),
    errno.EIO: ("磁盘读写出错", "请检查磁盘或U盘是否正常，换一个位置重试"),
    errno.ELOOP: ("路径中的链接过多（可能是循环链接）", "请检查路径是否正确"),
    errno.EINVAL: ("文件名无效（可能含有系统不允许的字符）", "请换一个文件名"),
    errno.EXDEV: ("不能跨磁盘移动文件", "请把文件保存在同一磁盘上"),
}
_WINDOWS_REASONS = {  # winerror: a file locked by another program, a name Windows reserves
    32: ("文件正被其他程序（如 Word、WPS）打开", "请关闭占用它的程序后重试"),
    33: ("文件的一部分被其他程序锁定", "请关闭占用它的程序后重试"),
    123: ("文件名无效（可能含有系统不允许的字符）", "请换一个文件名"),
}


def describe_error(error: BaseException) -> str:
    """One Chinese sentence: what went wrong and what to do (no file name: callers add it)."""
    reason, advice = _reason(error)
    return f"{reason}。{advice}。" if advice else f"{reason}。"


def _reason(error: BaseException) -> tuple[str, str]:
    if isinstance(error, OSError):
        known = _WINDOWS_REASONS.get(getattr(error, "winerror", None)) or _OS_REASONS.get(error.errno)
        if known:
            return known
        return ("系统错误（错误号" + str(error.errno) + "）" if error.errno else "系统错误",
                "请换一个位置重试，仍不行请联系技术支持")
    import zipfile  # here: the command line imports this module on every start

    if isinstance(error, (zipfile.BadZipFile, zipfile.LargeZipFile)):  # .docx and .xlsx are zip packages
        return "文件已损坏或不完整（不是有效的压缩包），可能只下载了一部分", "请在原程序中打开并重新保存后重试"
    if _is_xml_error(error):
        return "文件中的 XML 内容已损坏", "请在原程序中打开并重新保存后重试"
    if isinstance(error, UnicodeError):
        return "文件中的文字编码无法识别", "请另存为 UTF-8 编码后重试"
    if isinstance(error, RecursionError):
        return "文件结构嵌套过深，不是正常的文件", "请检查是否选错了文件"
    if isinstance(error, MemoryError):
        return "内存不足", "请关闭其他程序后重试，或检查是否选错了文件"
    if isinstance(error, ValueError) and "digits" in str(error):
        return "文件中有位数过多的数字", "请检查是否选错了文件"
    return "出现了意外错误", "请重试；仍不行请把日志文件发给技术支持"


def _is_xml_error(error: BaseException) -> bool:
    from xml.etree.ElementTree import ParseError
    from xml.parsers.expat import ExpatError

    if isinstance(error, (ParseError, ExpatError)):
        return True
    return any(cls.__name__ in ("XMLSyntaxError", "ParserError", "DocumentInvalid")
               for cls in type(error).__mro__)


def describe_file_error(error: BaseException, path: Path | str, action: str) -> str:
    """“无法保存“年报.gknb”：磁盘空间不足。请清理磁盘或换一个有空间的位置。”"""
    return f"无法{action}“{quote(Path(path).name)}”：{describe_error(error)}"
