"""The text of sections 一、五、六, without the page around it.

A section's text runs from its title to the next section's title.  After the last section the
page goes on: the closing lines (the agency and the date, which belong to the front matter), and
then the site's chrome: 扫一扫在手机打开当前页, share and print links, lists of other sites,
the footer.  Those phrases are the websites' words, not the format's, so they are listed here.
"""

from __future__ import annotations

import re

from ...core.text import heading_level, restore_fullwidth_punctuation
from .blocks import Block, Line, TableBlock
from .cell_values import compact
from .front import is_date_line, looks_like_agency, parse_date

# Lines at which a page's chrome begins (site furniture of Chinese government web pages).
_CHROME = re.compile(
    r"扫一扫|在手机(上)?打开|打印本页|【\s*打印\s*】|【\s*关闭\s*】|关闭窗口|关闭本页|网站地图|版权所有|"
    r"主办单位|承办单位|主办[:：]|承办[:：]|ICP备|网站标识码|公网安备|联系我们|上一篇|下一篇|相关链接|"
    r"相关文件|相关阅读|分享到|责任编辑|浏览次数|访问次数|阅读次数|【\s*字号|字体[:：]?\s*[【\[]?\s*大|"
    r"技术支持|返回顶部|收藏本页|加入收藏|设为首页|纠错|政府网站找错", re.IGNORECASE)
SHORT_LINE = 12  # site lists are runs of short link texts: 微博 / 微信 / 部门街镇 …
MIN_LINK_RUN = 3
_SENTENCE_END = re.compile(r"[。；;！!？?：:，,]")
_URL = re.compile(r"(?:https?://|www\.)[\w\-./?%&=#:~+]+|[\w.\-]+@[\w\-]+(?:\.[\w\-]+)+", re.IGNORECASE)
_ASCII_PUNCT_BY_CJK = re.compile(r"(?<=[\u4e00-\u9fff])[,;:()]|[,;:()](?=[\u4e00-\u9fff])")
_FULLWIDTH_PUNCT = re.compile(r"[，；：（）]")


def lines_of(blocks: list[Block]) -> list[str]:
    """Paragraph lines; a table inside a narrative section becomes one line per row."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Line):
            text = block.text.strip()
            if text:
                lines.append(text)
        elif isinstance(block, TableBlock):
            for row in block.rows:
                text = " ".join(c.text.strip() for c in row if c.text.strip())
                if text:
                    lines.append(text)
    return lines


def is_folded(lines: list[str]) -> bool:
    """Whether a copy's Chinese punctuation was folded to ASCII (`,` `(一)` next to Chinese text)."""
    text = "\n".join(lines)
    return len(_ASCII_PUNCT_BY_CJK.findall(text)) > len(_FULLWIDTH_PUNCT.findall(text))


def restore(line: str) -> str:
    """Full-width punctuation back, leaving web and e-mail addresses as they are."""
    parts, position = [], 0
    for match in _URL.finditer(line):
        parts.append(restore_fullwidth_punctuation(line[position:match.start()]))
        parts.append(match.group(0))
        position = match.end()
    parts.append(restore_fullwidth_punctuation(line[position:]))
    return "".join(parts)


def chrome_start(lines: list[str]) -> int:
    """Index of the first line of page chrome (len(lines) when there is none)."""
    for number, line in enumerate(lines):
        if _CHROME.search(line):
            return number
    return len(lines)


def split_closing(lines: list[str], agency: str | None = None) -> tuple[list[str], list[str]]:
    """(body, closing lines) of the last section: the closing is the signing agency and the date
    at its end (or the agency alone, when the report is undated); what follows them, or a
    trailing run of short link texts, is chrome."""
    end = chrome_start(lines)
    body = lines[:end]
    for number in range(1, len(body)):
        if is_date_line(body[number]):
            start = number - 1 if looks_like_agency(body[number - 1]) and number > 1 else number
            return body[:start], body[start:number + 1]
    run = 0
    while run < len(body) - 1 and _is_link_text(body[-1 - run]):
        run += 1
    if run >= MIN_LINK_RUN:  # a short last line alone ("无") is text, a run of them is a site list
        body = body[:-run]
    if len(body) > 1 and (compact(body[-1]) == compact(agency or "") or looks_like_agency(body[-1])):
        return body[:-1], body[-1:]
    return body, []


def _is_link_text(line: str) -> bool:
    text = compact(line)
    return (len(text) <= SHORT_LINE and not _SENTENCE_END.search(text) and heading_level(text) is None
            and text not in ("无", "暂无", "没有"))


def closing_fields(closing: list[str]) -> tuple[str | None, object]:
    """(signatory, date) from the closing lines."""
    signatory = next((compact(line) for line in closing if looks_like_agency(line)), None)
    date = next((parse_date(line) for line in closing if is_date_line(line)), None)
    return signatory, date
