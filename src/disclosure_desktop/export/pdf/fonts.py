"""Fonts of the printed report, by role, with a fallback chain for machines that lack the official ones.

GB/T 9704 names the faces (方正小标宋简体 title, 仿宋_GB2312 body, 黑体 and 楷体_GB2312 headings,
宋体 page numbers) and the sizes; offices have those installed, a fresh Linux desktop or a
laptop at home often has not.  Each role therefore lists what to try, best first, and ends with
"any CJK serif" / "any CJK sans"; `resolve_fonts()` returns the faces actually used and which
wanted faces were substituted, so the user is told ("仿宋_GB2312 → Noto Serif CJK SC").

Only QtGui is used (the PDF renderer and the print preview share this module); a font database
needs a QGuiApplication, which `ensure_gui_application()` provides when the command line runs
without the app.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication



SERIF, SANS = "serif", "sans"


@dataclass(frozen=True)
class FontRole:
    """One typographic role: its size, weight and the faces to try in order.

    Each entry of `chain` is one face under all the names an operating system may list it by
    (Chinese Windows lists 仿宋, English Windows FangSong); the first name is the one reported.
    """

    name: str
    size_pt: float
    chain: tuple[tuple[str, ...], ...]
    generic: str  # SERIF or SANS: what "any CJK font" falls back to
    bold: bool = False
    # The face for Latin letters and digits, where the DOCX names one apart from the Chinese face
    # (w:ascii Times New Roman): 2019, H5 and www.… are set in it, as Word and LibreOffice set them.
    latin: tuple[str, ...] = ()


# Faces, each with the names it is listed under on Windows, macOS and Chinese Linux desktops.
XIAOBIAOSONG = ("方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "FZXiaoBiaoSong-B05", "小标宋",
                "XiaoBiaoSong")
ZHONGSONG = ("华文中宋", "STZhongsong")
SONG = ("宋体", "SimSun", "华文宋体", "STSong", "Songti SC", "新宋体", "NSimSun")
FANGSONG_GB2312 = ("仿宋_GB2312", "FangSong_GB2312")
FANGSONG = ("仿宋", "FangSong", "华文仿宋", "STFangsong", "方正仿宋_GBK", "FZFangSong-Z02")
HEI = ("黑体", "SimHei", "方正黑体_GBK", "FZHei-B01", "华文黑体", "STHeiti", "Heiti SC")
KAI_GB2312 = ("楷体_GB2312", "KaiTi_GB2312")
KAI = ("楷体", "KaiTi", "华文楷体", "STKaiti", "Kaiti SC", "方正楷体_GBK", "FZKai-Z03")
UKAI = ("AR PL UKai CN", "AR PL KaitiM GB")
NOTO_SERIF = ("Noto Serif CJK SC", "Source Han Serif SC", "思源宋体", "Source Han Serif CN")
NOTO_SANS = ("Noto Sans CJK SC", "Source Han Sans SC", "思源黑体", "Source Han Sans CN")
UMING = ("AR PL UMing CN",)
# Times New Roman, or a face with its metrics (Liberation Serif and Tinos are metric-compatible).
TIMES = ("Times New Roman", "Liberation Serif", "Tinos", "Nimbus Roman", "TeX Gyre Termes")
OTHER_SANS = ("WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Microsoft YaHei", "微软雅黑", "PingFang SC")

ROLES: dict[str, FontRole] = {role.name: role for role in (
    # 2号 方正小标宋简体, centred.
    FontRole("title", 22, (XIAOBIAOSONG, ZHONGSONG, SONG, NOTO_SERIF, UMING), SERIF),
    # 3号 仿宋_GB2312: body text, opening and closing lines.
    FontRole("body", 16, (FANGSONG_GB2312, FANGSONG, NOTO_SERIF, UMING), SERIF, latin=TIMES),
    # 3号 黑体: 一、 headings.
    FontRole("heading1", 16, (HEI, NOTO_SANS, OTHER_SANS), SANS),
    # 3号 楷体_GB2312: （一） headings.
    FontRole("heading2", 16, (KAI_GB2312, KAI, UKAI, NOTO_SERIF, UMING), SERIF),
    # 3号 仿宋, bold: 1. headings.
    FontRole("heading3", 16, (FANGSONG_GB2312, FANGSONG, NOTO_SERIF, UMING), SERIF, bold=True, latin=TIMES),
    # 4号 宋体: — 1 —.
    FontRole("page_number", 14, (SONG, NOTO_SERIF, UMING), SERIF),
    # Tables, headings and labels alike: 宋体 五号 (10.5 pt), smaller than the body, as printed
    # official tables are (and as the DOCX export sets them).
    FontRole("table", 10.5, (SONG, NOTO_SERIF, UMING), SERIF, latin=TIMES),
    # Notes under tables and the draft explanation: 仿宋 小四.
    FontRole("note", 12, (FANGSONG_GB2312, FANGSONG, NOTO_SERIF, UMING), SERIF, latin=TIMES),
    # The 草稿 mark (header line and diagonal watermark).
    FontRole("draft_mark", 14, (HEI, NOTO_SANS, OTHER_SANS), SANS, bold=True),
)}


class NoChineseFontError(RuntimeError):
    """The machine has no font that can print Chinese at all."""

    def __init__(self) -> None:
        super().__init__("本机没有安装任何中文字体，无法生成 PDF。请安装仿宋_GB2312、宋体等中文字体后重试。")


@dataclass(frozen=True)
class ResolvedFont:
    role: FontRole
    family: str  # the family actually used, as the font database lists it
    wanted: str  # the first face of the role's chain (what GB/T 9704 asks for)
    substituted: bool
    latin: str | None = None  # the family for ASCII text, when the role names one and it is installed

    @property
    def size_pt(self) -> float:
        return self.role.size_pt

    def qfont(self, size_pt: float | None = None, latin: bool = False) -> QFont:
        """A QFont of this role, sized in points (the paint device's resolution scales it);
        `latin`: the role's face for ASCII text (its Chinese face when it has none)."""
        font = QFont(self.latin if latin and self.latin else self.family)
        font.setPointSizeF(size_pt or self.role.size_pt)
        font.setBold(self.role.bold)
        # Layout measures unhinted advances; hinting would make printed widths depend on the device.
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        font.setKerning(False)  # CJK text sits on a fixed character grid
        # No localised forms: in a Latin word (H5, G20) the Noto CJK faces swap the digit for a
        # glyph no character maps to, and the PDF's text layer then loses the digit (「H 等」).
        font.setFeature(QFont.Tag("locl"), 0)
        return font


@dataclass(frozen=True)
class FontSet:
    fonts: dict[str, ResolvedFont]

    def __getitem__(self, role: str) -> ResolvedFont:
        return self.fonts[role]

    def qfont(self, role: str, size_pt: float | None = None, latin: bool = False) -> QFont:
        return self.fonts[role].qfont(size_pt, latin)

    @property
    def substitutions(self) -> tuple[tuple[str, str], ...]:
        """(wanted, used) for every substituted face, each pair once, in role order."""
        pairs: list[tuple[str, str]] = []
        for resolved in self.fonts.values():
            pair = (resolved.wanted, resolved.family)
            if resolved.substituted and pair not in pairs:
                pairs.append(pair)
        return tuple(pairs)

    def describe_substitutions(self) -> tuple[str, ...]:
        """Chinese lines for the user: 仿宋_GB2312 → Noto Serif CJK SC."""
        return tuple(f"{wanted} → {used}" for wanted, used in self.substitutions)

    def families(self) -> tuple[str, ...]:
        """Every family used, once (the Chinese faces; the Latin ones draw only ASCII)."""
        return tuple(dict.fromkeys(r.family for r in self.fonts.values()))


def ensure_gui_application() -> None:
    """Fonts need a QGuiApplication.  The app has one; the command line gets an offscreen one
    (no window system is needed to lay out and print text)."""
    existing = QCoreApplication.instance()
    if isinstance(existing, QGuiApplication):
        return
    if existing is not None:  # a console-only Qt application cannot measure or draw text
        raise RuntimeError("无法排版：程序以无图形界面的方式启动，不能使用字体。请通过桌面程序或命令行导出。")
    argv = [sys.argv[0] if sys.argv else "disclosure-desktop"]
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        argv += ["-platform", "offscreen"]  # a server or an SSH session has no display to connect to
    # Kept on the module so it lives as long as the process (Qt needs the instance to stay alive).
    global _APPLICATION
    _APPLICATION = QGuiApplication(argv)


_APPLICATION: QGuiApplication | None = None


def _strip_foundry(family: str) -> str:
    """'Nimbus Sans [urw]' → 'Nimbus Sans' (Qt adds the foundry when two foundries share a name)."""
    return family.split(" [", 1)[0].strip()


def _installed_families() -> dict[str, str]:
    """casefolded name → family name as Qt lists it."""
    names: dict[str, str] = {}
    for family in QFontDatabase.families():
        names.setdefault(_strip_foundry(family).casefold(), family)
    return names


def _cjk_families() -> list[str]:
    return [f for f in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
            if not QFontDatabase.isPrivateFamily(f)]


_SERIF_MARKS = ("serif", "song", "ming", "fang", "kai", "宋", "明", "仿", "楷")
_SANS_MARKS = ("sans", "hei", "gothic", "黑", "yahei", "圆", "yuan")
# Region variants draw some characters in other regions' glyph shapes: prefer mainland ones.
_REGION_ORDER = ("sc", "cn", "gb", "简", "tc", "hk", "tw", "jp", "kr")


def _generic_kind(family: str) -> str | None:
    name = family.casefold()
    if "mono" in name:
        return None  # fixed-width faces set CJK text badly
    if any(mark in name for mark in _SANS_MARKS):
        return SANS
    if any(mark in name for mark in _SERIF_MARKS):
        return SERIF
    return None


def _region_rank(family: str) -> int:
    words = _strip_foundry(family).casefold().replace("-", " ").split()
    for rank, region in enumerate(_REGION_ORDER):
        if region in words or any(word.endswith(region) and not word.isascii() for word in words):
            return rank
    return len(_REGION_ORDER) // 2  # no region named: between mainland and the others


def any_cjk_family(generic: str) -> str | None:
    """The best installed Simplified Chinese family of the wanted kind, else any Chinese family."""
    candidates = _cjk_families()
    if not candidates:
        return None
    same_kind = [f for f in candidates if _generic_kind(f) == generic]
    pool = same_kind or [f for f in candidates if _generic_kind(f) is not None] or candidates
    return min(pool, key=lambda f: (_region_rank(f), pool.index(f)))


def resolve_role(role: FontRole, installed: dict[str, str] | None = None) -> ResolvedFont:
    installed = installed if installed is not None else _installed_families()
    wanted = role.chain[0][0]
    latin = next((installed[n.casefold()] for n in role.latin if n.casefold() in installed), None)
    for position, face in enumerate(role.chain):
        for name in face:
            family = installed.get(name.casefold())
            if family is not None:
                return ResolvedFont(role, family, wanted, substituted=position > 0, latin=latin)
    family = any_cjk_family(role.generic)
    if family is None:
        raise NoChineseFontError()
    return ResolvedFont(role, family, wanted, substituted=True, latin=latin)


def resolve_fonts(roles: dict[str, FontRole] | None = None) -> FontSet:
    """The font of every role on this machine (creates the offscreen QGuiApplication if needed)."""
    ensure_gui_application()
    return _resolve_cached(tuple((roles or ROLES).values()), tuple(QFontDatabase.families()))


@cache
def _resolve_cached(roles: tuple[FontRole, ...], families: tuple[str, ...]) -> FontSet:
    # Keyed by the family list too, so installing a font while the app runs is noticed.
    installed = _installed_families()
    return FontSet({role.name: resolve_role(role, installed) for role in roles})
