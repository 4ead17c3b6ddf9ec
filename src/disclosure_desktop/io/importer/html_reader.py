"""A saved web page → lines and tables.

Uses only the standard library's tolerant HTMLParser: content-system pages omit closing tags,
nest layout tables around the article and surround it with menus and site lists.  Scripts,
styles, forms' drop-down lists (区县政府网站 …) and <nav> are dropped here; the rest of the page
chrome is left to the section splitter and the narrative extractor, which know where the report
starts and ends.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .blocks import Block, Cell, Line, TableBlock

_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_SKIP = frozenset("script style noscript template select textarea button svg iframe object nav aside head".split())
_BLOCK = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd section article header footer main blockquote pre "
    "form hr br center address figure figcaption caption tr table body html fieldset legend".split())
_CELL = ("td", "th")
# Hostile or broken pages nest without end.  Past FLAT_DEPTH only the elements that carry the
# report's structure (tables, rows, cells, paragraphs, line breaks) still nest; past MAX_DEPTH
# nothing does.  Either way the text is kept, and the walk below never overflows the stack.
FLAT_DEPTH = 200
MAX_DEPTH = 300
_STRUCTURE = frozenset("table thead tbody tfoot tr td th p li caption".split())
MAX_DATA_CELL_CHARS = 300  # a cell longer than this holds an article, not a figure: layout table


class _Node:
    __slots__ = ("tag", "attrs", "children")

    def __init__(self, tag: str, attrs: dict[str, str]):
        self.tag = tag
        self.attrs = attrs
        self.children: list[_Node | str] = []


class _TreeBuilder(HTMLParser):
    """Builds a small element tree, closing what real pages leave open (<p>, <td>, <tr>, <li>)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {})
        self.stack = [self.root]
        self.title_parts: list[str] = []
        self._in_title = False

    def _close(self, tags: tuple[str, ...], boundary: tuple[str, ...]) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[index].tag
            if tag in tags:
                del self.stack[index:]
                return
            if tag in boundary:
                return

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self._in_title = True
        if tag == "body":
            self._close(("head",), ())  # pages that never close <head> would lose their body
        elif tag == "p":
            self._close(("p",), ("div", "td", "th", "table", "li", "section", "article", "body"))
        elif tag == "li":
            self._close(("li",), ("ul", "ol", "table"))
        elif tag in _CELL:
            self._close(_CELL, ("tr", "table"))
        elif tag == "tr":
            self._close(("tr",), ("table",))
        elif tag in ("tbody", "thead", "tfoot"):
            self._close(("tbody", "thead", "tfoot"), ("table",))
        node = _Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        depth = len(self.stack)
        if tag not in _VOID and (depth < FLAT_DEPTH or (tag in _STRUCTURE and depth < MAX_DEPTH)):
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(_Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag == "br":
            self.stack[-1].children.append(_Node("br", {}))
            return
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return
            if self.stack[index].tag == "table" and tag != "table":
                return  # a stray end tag never closes the table around it

    def handle_data(self, data):
        if self._in_title:
            self.title_parts.append(data)
        self.stack[-1].children.append(data)


_SPACE_RUN = re.compile(r"[ \t\r\n\f\xa0]+")
_CJK = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]"
_WRAP_BETWEEN_CJK = re.compile(rf"(?<={_CJK})[ \t\r\f\xa0]*\n\s*(?={_CJK})")


def _clean(text: str) -> str:
    # A source line break between two Chinese characters is the author's editor wrapping a
    # paragraph: browsers join those lines, and a space there would be wrong in Chinese.
    text = _WRAP_BETWEEN_CJK.sub("", text)
    return _SPACE_RUN.sub(" ", text).strip()


class _Emitter:
    def __init__(self):
        self.blocks: list[Block] = []
        self._parts: list[str] = []

    def text(self, text: str) -> None:
        self._parts.append(text)

    def newline(self) -> None:
        if self._parts:
            line = _clean("".join(self._parts))
            self._parts = []
            if line:
                self.blocks.append(Line(line))

    def table(self, block: TableBlock) -> None:
        self.newline()
        self.blocks.append(block)


def _iter_rows(table: _Node):
    """The <tr> of a table, not of tables nested in it."""
    for child in table.children:
        if isinstance(child, _Node):
            if child.tag == "tr":
                yield child
            elif child.tag in ("tbody", "thead", "tfoot"):
                yield from _iter_rows(child)


def _cells(row: _Node) -> list[_Node]:
    return [c for c in row.children if isinstance(c, _Node) and c.tag in _CELL]


def _contains(node: _Node, tag: str) -> bool:
    stack = list(node.children)
    while stack:
        child = stack.pop()
        if isinstance(child, _Node):
            if child.tag == tag:
                return True
            stack.extend(child.children)
    return False


def _span(value: str) -> int:
    try:
        return min(max(int(value.strip() or 1), 1), 1000)
    except ValueError:
        return 1


def _cell_text(cell: _Node) -> str:
    emitter = _Emitter()
    _walk(cell, emitter)
    emitter.newline()
    return " ".join(b.text for b in emitter.blocks if isinstance(b, Line))


def _walk_table(table: _Node, out: _Emitter) -> None:
    for child in table.children:  # <caption>第二十条第（一）项</caption> is the table's caption row
        if isinstance(child, _Node) and child.tag == "caption":
            out.newline()
            _walk(child, out)
            out.newline()
    rows = [_cells(tr) for tr in _iter_rows(table)]
    if rows and not _contains(table, "table") and max(len(r) for r in rows) >= 2:
        cell_rows = [[Cell(_cell_text(c), _span(c.attrs.get("rowspan", "1")), _span(c.attrs.get("colspan", "1")))
                      for c in row] for row in rows]
        if all(len(c.text) <= MAX_DATA_CELL_CHARS for row in cell_rows for c in row):
            out.table(TableBlock(tuple(tuple(row) for row in cell_rows)))
            return
    # A layout table (nested tables, one column, or whole articles in cells): its cells are
    # just containers of the page's flow.
    out.newline()
    for row in rows:
        for cell in row:
            _walk(cell, out)
            out.newline()
    out.newline()


def _walk(node: _Node, out: _Emitter) -> None:
    for child in node.children:
        if isinstance(child, str):
            out.text(child)
            continue
        tag = child.tag
        if tag in _SKIP:
            continue
        if tag == "table":
            _walk_table(child, out)
        elif tag in _BLOCK:
            out.newline()
            _walk(child, out)
            out.newline()
        elif tag in _CELL:  # a cell outside any table
            out.text(" ")
            _walk(child, out)
            out.text(" ")
        else:
            _walk(child, out)


def read_html(text: str) -> tuple[list[Block], str | None]:
    """(blocks, the page's <title> text)."""
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    out = _Emitter()
    _walk(builder.root, out)
    out.newline()
    title = _clean("".join(builder.title_parts)) or None
    return out.blocks, title
