"""Font roles and fallback chains (export/fonts.py), resolved with Qt's real font database."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontDatabase, QFontInfo

from disclosure_desktop.export.pdf import fonts
from disclosure_desktop.export.pdf.fonts import (ROLES, FontRole, NoChineseFontError, any_cjk_family, resolve_fonts,
                                             resolve_role)


@pytest.fixture(scope="module")
def font_set():
    return resolve_fonts()


def test_role_sizes_follow_gb_t_9704():
    sizes = {name: role.size_pt for name, role in ROLES.items()}
    assert sizes["title"] == 22 and sizes["body"] == 16 and sizes["page_number"] == 14
    assert sizes["heading1"] == sizes["heading2"] == 16
    assert 10.5 <= sizes["table"] <= 12


def test_chains_start_with_the_official_faces():
    wanted = {name: role.chain[0][0] for name, role in ROLES.items()}
    assert wanted["title"] == "方正小标宋简体"
    assert wanted["body"] == "仿宋_GB2312"
    assert wanted["heading1"] == "黑体"
    assert wanted["heading2"] == "楷体_GB2312"
    assert wanted["page_number"] == "宋体"


def test_every_role_resolves_to_an_installed_chinese_family(font_set):
    chinese = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    for name in ROLES:
        resolved = font_set[name]
        assert resolved.family in chinese, (name, resolved.family)
        # Qt really uses that family for the QFont we hand to the painter.
        assert QFontInfo(resolved.qfont()).family() == fonts._strip_foundry(resolved.family)


def test_substitution_is_reported_exactly_when_the_official_face_is_missing(font_set):
    installed = fonts._installed_families()
    for name, role in ROLES.items():
        official_installed = any(n.casefold() in installed for n in role.chain[0])
        assert font_set[name].substituted == (not official_installed), name
    described = font_set.describe_substitutions()
    for wanted, used in font_set.substitutions:
        assert f"{wanted} → {used}" in described
    missing_official = {role.chain[0][0] for name, role in ROLES.items() if font_set[name].substituted}
    assert {wanted for wanted, _ in font_set.substitutions} == missing_official


ROLE = FontRole("test", 16, (("仿宋_GB2312", "FangSong_GB2312"), ("仿宋", "FangSong"), ("Noto Serif CJK SC",)),
                fonts.SERIF)


def test_the_chain_is_tried_in_order_under_every_name():
    # An English Windows lists 仿宋 as FangSong: found, and reported as a substitute for 仿宋_GB2312.
    resolved = resolve_role(ROLE, {"fangsong": "FangSong", "noto serif cjk sc": "Noto Serif CJK SC"})
    assert (resolved.family, resolved.wanted, resolved.substituted) == ("FangSong", "仿宋_GB2312", True)
    resolved = resolve_role(ROLE, {"fangsong_gb2312": "FangSong_GB2312", "fangsong": "FangSong"})
    assert (resolved.family, resolved.substituted) == ("FangSong_GB2312", False)


def test_without_any_listed_face_any_chinese_serif_is_taken():
    resolved = resolve_role(ROLE, {})
    assert resolved.substituted and resolved.family == any_cjk_family(fonts.SERIF)


def test_any_cjk_family_prefers_simplified_chinese_of_the_wanted_kind(font_set):
    serif, sans = any_cjk_family(fonts.SERIF), any_cjk_family(fonts.SANS)
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    if "Noto Serif CJK SC" in chinese:  # CI installs fonts-noto-cjk; region variants come after SC
        assert serif == "Noto Serif CJK SC"
    if "Noto Sans CJK SC" in chinese:
        assert sans == "Noto Sans CJK SC"
    assert fonts._generic_kind(serif) == fonts.SERIF and fonts._generic_kind(sans) == fonts.SANS


def test_a_machine_without_chinese_fonts_gets_a_chinese_error(monkeypatch):
    # No such machine here: the font database's list of Chinese families is emptied for this test.
    monkeypatch.setattr(fonts, "_cjk_families", lambda: [])
    with pytest.raises(NoChineseFontError) as error:
        resolve_role(ROLE, {})
    assert "没有安装任何中文字体" in str(error.value)
