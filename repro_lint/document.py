"""The document model: a model card parsed once into sections, blocks, tables, links and front matter.

Rules read a :class:`Card`; no rule parses Markdown itself. Every element carries 1-based line numbers.

A *block* is the unit rules match against: a paragraph, a list item, a heading, one table row, a
code block, an HTML block or one top-level front-matter key. Its ``text`` is the source text of the
block (inline Markdown kept, HTML tags removed, NFKC-normalised so that full-width Chinese
punctuation and digits match ASCII patterns); ``line_at(offset)`` maps a match back to its line.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
import unicodedata
from array import array
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Callable, Generator, Iterable, Iterator, Optional, Sequence

from .prefilter import lazy
from .views import ComputedSequence

#: How deep or how aliased YAML front matter may be before it is ignored (bounded work on hostile input).
MAX_YAML_ALIASES = 64
MAX_YAML_DEPTH = 64
MAX_YAML_BYTES = 256 * 1024
#: How many values front matter may expand to once aliases are followed (recursive aliases never end).
MAX_YAML_VALUES = 100_000
#: Markdown container depth (lists count twice: list and item); deeper content is skipped, the rest is read.
MAX_NESTING = 40

_TAG_RE = lazy(r"<[^<>\n]{0,2000}>")
_HREF_RE = lazy(r"""(?:href|src)\s*=\s*["']([^"'\s>]{1,2000})["']""", re.I)
_ALT_RE = lazy(r"""\balt\s*=\s*["']([^"'<>\n]{1,500})["']""", re.I)
_BARE_URL_RE = lazy(r"""https?://[^\s<>()\[\]"'`|]{1,2000}""")


class Role(str, Enum):
    """What a section is for: describing the release, or something else the reader may need."""

    RELEASE = "release"  # model details, architecture, training, data, license …
    USE = "use"  # quick start, inference, deployment, install, fine-tune-it-yourself, FAQ
    NEWS = "news"  # news, updates, changelog
    EVALUATION = "evaluation"  # evaluation, benchmarks, results, comparisons
    REFERENCE = "reference"  # citation, acknowledgements, contact, related work


_ROLES = tuple(Role)
_ROLE_INDEX = {role: i for i, role in enumerate(_ROLES)}


class Section:
    """A heading and everything under it until the next heading of the same or a higher level.

    ``role`` (see :class:`Role` and :func:`assign_roles`) says whether the section describes the
    release or serves the reader; it is decided once, when the card is parsed. ``instructs`` is true for
    a training section whose prose instructs the reader (its role is then USE).

    A card may have tens of thousands of headings, so a section keeps its level, role and ``instructs``
    in one small int (shared by every section, as small ints are) rather than in three slots.
    """

    __slots__ = ("title", "line", "end_line", "parent", "_packed")

    def __init__(
        self,
        title: str,
        level: int,
        line: int,
        end_line: int,
        parent: Optional["Section"] = None,
        role: Role = Role.RELEASE,
        instructs: bool = False,
    ) -> None:
        self.title, self.line, self.end_line, self.parent = title, line, end_line, parent
        self._packed = level << 4 | _ROLE_INDEX[role] << 1 | instructs

    @property
    def level(self) -> int:
        return self._packed >> 4

    @property
    def role(self) -> Role:
        return _ROLES[self._packed >> 1 & 7]

    @role.setter
    def role(self, role: Role) -> None:
        self._packed = self._packed & ~0b1110 | _ROLE_INDEX[role] << 1

    @property
    def instructs(self) -> bool:
        return bool(self._packed & 1)

    @instructs.setter
    def instructs(self, instructs: bool) -> None:
        self._packed = self._packed & ~1 | instructs

    def _fields(self) -> tuple[Any, ...]:
        return (self.title, self.level, self.line, self.end_line, self.parent, self.role, self.instructs)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self is other or self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]  # mutable and compared by value, as the dataclass it was

    def __repr__(self) -> str:
        return (
            f"Section(title={self.title!r}, level={self.level!r}, line={self.line!r}, end_line={self.end_line!r}, "
            f"parent={self.parent!r}, role={self.role!r}, instructs={self.instructs!r})"
        )

    @property
    def path(self) -> tuple[str, ...]:
        """The titles from the outermost heading down to this one (built on demand from the parents)."""
        titles: list[str] = []
        section: Optional[Section] = self
        while section is not None:
            titles.append(section.title)
            section = section.parent
        return tuple(reversed(titles))

    @property
    def path_text(self) -> str:
        return " > ".join(self.path)


def _offsets_array(values: Iterable[int] = (), limit: int = 0) -> "array[int]":
    """A compact array of non-negative offsets (4 bytes each while they fit, else 8)."""
    return array("I" if limit < 2**32 else "Q", values)


class _BlockExtra:
    """What few blocks have: a table row's header (and its cells, when they cannot be split back out of
    its text), a fence's info string or a front-matter key, where a block's newlines are once asked,
    and the last line of a block of several lines (None: the block's first)."""

    __slots__ = ("cells", "header", "info", "newlines", "end_line")

    def __init__(
        self, cells: Optional[tuple[str, ...]], header: tuple[str, ...], info: str, newlines: Optional[Sequence[int]], end_line: Optional[int] = None
    ) -> None:
        self.cells, self.header, self.info, self.newlines, self.end_line = cells, header, info, newlines, end_line


#: The extra part shared by the rows of the table read last (same header, cells in their text, one line each).
_last_row_extra: Optional[_BlockExtra] = None


def _row_extra(header: tuple[str, ...]) -> _BlockExtra:
    global _last_row_extra
    last = _last_row_extra
    if last is None or last.header is not header:
        last = _last_row_extra = _BlockExtra(None, header, "", _NO_NEWLINES)
    return last


class Block:
    """One block of the card (see the module docstring): its kind, text, lines and section.

    A table row keeps its cells only when they cannot be read back from its text (``" | "`` inside a
    cell): otherwise ``cells`` splits the text again when asked, so a long table holds each cell's
    text once. What only some blocks have (a row's header, a fence's info string, the last line of a
    block of several lines) is kept apart, and shared by the rows of a table, so that a heading or a
    short row costs as few bytes as possible.
    Blocks compare by their fields, like the dataclasses of this module.
    """

    __slots__ = ("kind", "text", "line", "section", "_extra")

    def __init__(
        self,
        kind: str,  # paragraph | list_item | heading | table_row | code | html | front_matter | blockquote
        text: str,
        line: int,
        end_line: int,
        section: Optional[Section] = None,
        cells: tuple[str, ...] = (),
        header: tuple[str, ...] = (),
        info: str = "",  # code fence info string, or front-matter key
    ) -> None:
        self.kind = kind
        self.text = text
        self.line = line
        self.section = section
        own_cells: Optional[tuple[str, ...]] = None if cells and tuple(text.split(" | ")) == cells else cells
        one_line = end_line == line
        self._extra: Optional[_BlockExtra]
        if own_cells == () and not header and not info and one_line:
            self._extra = None
        elif own_cells is None and not info and "\n" not in text and one_line:
            self._extra = _row_extra(header)
        else:
            self._extra = _BlockExtra(own_cells, header, info, None, None if one_line else end_line)

    @property
    def end_line(self) -> int:
        """The block's last line (its first, for a block of one line)."""
        extra = self._extra
        end = None if extra is None else extra.end_line
        return self.line if end is None else end

    @property
    def cells(self) -> tuple[str, ...]:
        """A table row's cells, in column order (empty for any other block)."""
        extra = self._extra
        if extra is None:
            return ()
        cells = extra.cells
        return tuple(self.text.split(" | ")) if cells is None else cells

    @property
    def header(self) -> tuple[str, ...]:
        """A table row's header cells (empty for any other block)."""
        extra = self._extra
        return () if extra is None else extra.header

    @property
    def info(self) -> str:
        """A code fence's info string, or a front-matter block's key (empty for any other block)."""
        extra = self._extra
        return "" if extra is None else extra.info

    def _fields(self) -> tuple[Any, ...]:
        return (self.kind, self.text, self.line, self.end_line, self.section, self.cells, self.header, self.info)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Block)
        return self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]  # compared by value, like the dataclasses here: not hashable

    def __repr__(self) -> str:
        return (
            f"Block(kind={self.kind!r}, text={self.text!r}, line={self.line!r}, end_line={self.end_line!r}, section={self.section!r}, "
            f"cells={self.cells!r}, header={self.header!r}, info={self.info!r})"
        )

    def __deepcopy__(self, memo: dict[int, Any]) -> "Block":
        import copy

        return Block(self.kind, self.text, self.line, self.end_line, copy.deepcopy(self.section, memo), self.cells, self.header, self.info)

    def line_at(self, offset: int) -> int:
        """The 1-based card line of a character offset into ``text`` (a binary search: O(log n) per call)."""
        extra = self._extra
        newlines = None if extra is None else extra.newlines
        if newlines is None:
            newlines = _newline_offsets(self.text) if "\n" in self.text else _NO_NEWLINES
            if extra is None:  # a block of one line shares one extra part with every other such block
                self._extra = _ONE_LINE if newlines is _NO_NEWLINES else _BlockExtra((), (), "", newlines)
            else:
                extra.newlines = newlines
        return self.line + bisect.bisect_left(newlines, offset)

    def line_text(self, offset: int) -> str:
        """The text of the block line that contains ``offset``."""
        start = self.text.rfind("\n", 0, offset) + 1
        end = self.text.find("\n", offset)
        return self.text[start : end if end >= 0 else len(self.text)]

    @property
    def heading_path(self) -> str:
        return self.section.path_text if self.section else ""

    @property
    def states_settings(self) -> bool:
        """A code block that states settings rather than running code: a YAML/JSON/TOML/INI config, a block
        whose lines are mostly ``key: value`` / ``key = value``, or a command with three or more
        ``--key=value`` / ``key=value`` arguments (``--epochs=100 --lr=1e-4 …``, ``depth=24, num_heads=16``).
        """
        if self.kind != "code":
            return False
        if self.info.split()[:1] and self.info.split()[0].lower() in CONFIG_LANGUAGES:
            return True
        lines = [line for line in self.text.split("\n")[:400] if line.strip() and not line.lstrip().startswith(("#", "//"))]
        if not lines:
            return False
        pairs = sum(1 for line in lines if _KEY_VALUE_LINE.match(line))
        return pairs * 2 >= len(lines) and pairs >= 2 or len(_ASSIGNMENT.findall(self.text[:20000])) >= 3


#: Code-fence languages of configuration files.
CONFIG_LANGUAGES = frozenset({"yaml", "yml", "json", "jsonc", "toml", "ini", "cfg", "conf", "properties", "gin"})
_KEY_VALUE_LINE = lazy(
    r"^\s{0,40}[-\"']?[\w.-]{1,60}[\"']?\s{0,4}[:=]\s{0,4}[^\s({][^\n]{0,200}$"
    # a spec sheet's "Attention heads       : 12": a name of a few words, aligned colons
    r"|^\s{0,40}[A-Za-z][\w.()/-]{0,30}(?: [\w.()/-]{1,30}){0,4}\s{1,40}:\s{1,4}[^\s({][^\n]{0,200}$"
    # a printed Python mapping's pairs: "OrderedDict([('batch_size', 32),", "('learning_rate', 0.0001),"
    r"|^\s{0,40}(?:\w{1,30}\(\[)?\(\s?[\"'][\w.-]{1,60}[\"'],\s{0,4}[^\s][^\n]{0,200}$"
)
_ASSIGNMENT = lazy(r"(?:--|\b)[a-z][\w-]{1,40}=[\d.'\"-]")


class TableRows(ComputedSequence[Block]):
    """A table's rows as the run of the card's blocks they are (``blocks[start:stop]``), not a second list
    of them; equal to a list of the same blocks."""

    __slots__ = ("_blocks", "_start", "_stop")

    def __init__(self, blocks: list[Block], start: int, stop: Optional[int] = None) -> None:
        self._blocks, self._start = blocks, start
        self._stop = start if stop is None else stop

    def __len__(self) -> int:
        return self._stop - self._start

    def _item(self, i: int) -> Block:
        return self._blocks[self._start + i]

    def __iter__(self) -> Iterator[Block]:
        return itertools.islice(self._blocks, self._start, self._stop)

    def __repr__(self) -> str:
        return repr(list(self))

    def __deepcopy__(self, memo: dict[int, Any]) -> list[Block]:
        import copy

        return [copy.deepcopy(block, memo) for block in self]


@dataclass(slots=True)
class Table:
    """A table: its header cells and its body rows (``table_row`` blocks, also in ``Card.blocks``)."""

    header: tuple[str, ...]
    rows: Sequence[Block]
    line: int
    section: Optional[Section] = None


@dataclass(slots=True)
class Link:
    text: str
    url: str
    line: int
    section: Optional[Section] = None
    image: bool = False  # an image (badge, figure): its URL is what it shows, not a page it points to


@dataclass(slots=True)
class Comment:
    """An HTML comment (used for inline suppression directives)."""

    text: str
    line: int


class Lines(ComputedSequence[str]):
    """The lines of a text, as ``text.split("\\n")`` gives them without the empty one after a final
    newline, read from the text when asked: only where each line starts is kept (4 bytes a line),
    not a second copy of the text in one string per line."""

    __slots__ = ("_text", "_starts", "_count")

    def __init__(self, text: str) -> None:
        self._text = text
        starts = _offsets_array([0], limit=len(text) + 1)
        at = text.find("\n")
        while at >= 0:
            starts.append(at + 1)
            at = text.find("\n", at + 1)
        self._starts = starts
        self._count = len(starts) - 1 if len(starts) > 1 and starts[-1] == len(text) else len(starts)

    def __len__(self) -> int:
        return self._count

    def _item(self, i: int) -> str:
        starts = self._starts
        end = starts[i + 1] - 1 if i + 1 < len(starts) else len(self._text)
        return self._text[starts[i] : end]

    def __iter__(self) -> Iterator[str]:
        return (self._item(i) for i in range(self._count))

    def __repr__(self) -> str:
        return f"Lines({self._count} lines)"

    def __deepcopy__(self, memo: dict[int, Any]) -> "Lines":
        return self  # immutable


@dataclass
class Card:
    path: str
    text: str
    lines: Sequence[str]
    front_matter: dict[str, Any] = field(default_factory=dict)
    front_matter_error: Optional[str] = None
    front_matter_end: int = 0  # last line of the front matter block, 0 when there is none
    sections: list[Section] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    #: First lines of the blocks in line order, and the blocks' numbers in that order, None when that is card order (see :meth:`blocks_in`).
    _blocks_by_line: Optional[tuple["array[int]", Optional["array[int]"]]] = field(default=None, init=False, repr=False, compare=False)

    @property
    def first_content_line(self) -> int:
        """Where document-level findings are anchored: the first line after the front matter."""
        for block in self.blocks:
            if block.kind != "front_matter":
                return block.line
        return min(self.front_matter_end + 1, max(len(self.lines), 1))

    def front_matter_value(self, key: str, default: Any = None) -> Any:
        """The front matter's value for ``key`` (``default`` when the card does not set it)."""
        return self.front_matter.get(key, default)

    def front_matter_line(self, key: str) -> int:
        """The line where the front matter sets ``key`` (1 when it does not)."""
        for block in self.blocks:
            if block.kind == "front_matter" and block.info == key:
                return block.line
        return 1

    def sections_matching(self, pattern: "re.Pattern[str]") -> Iterator[Section]:
        search = pattern.search
        for section in self.sections:
            if search(section.title):
                yield section

    def blocks_in(self, section: Section) -> Iterator[Block]:
        """The blocks under ``section``'s heading, in card order (a binary search, not a scan of the card)."""
        by_line = self._blocks_by_line
        if by_line is None or len(by_line[0]) != len(self.blocks):
            size = max(len(self.lines), len(self.blocks)) + 1
            first_lines = _offsets_array((block.line for block in self.blocks), size)
            if all(map(operator.le, first_lines, itertools.islice(first_lines, 1, None))):
                numbers = None  # the blocks are in line order already (as a card without front matter is)
            else:
                order = sorted(range(len(first_lines)), key=first_lines.__getitem__)  # by line, then card order (a stable sort)
                first_lines = _offsets_array((first_lines[i] for i in order), size)
                numbers = _offsets_array(order, size)
            by_line = self._blocks_by_line = (first_lines, numbers)
        first_lines, numbers = by_line
        lo = bisect.bisect_right(first_lines, section.line)
        hi = bisect.bisect_right(first_lines, section.end_line)
        for i in range(lo, hi) if numbers is None else sorted(numbers[lo:hi]):
            yield self.blocks[i]


_NO_NEWLINES: tuple[int, ...] = ()
_ONE_LINE = _BlockExtra((), (), "", _NO_NEWLINES)


def _newline_offsets(text: str) -> "array[int]":
    """Offsets of every newline in ``text``; with bisect, the line of an offset without rescanning."""
    offsets = _offsets_array(limit=len(text))
    at = text.find("\n")
    while at >= 0:
        offsets.append(at)
        at = text.find("\n", at + 1)
    return offsets


def _norm(text: str) -> str:
    if text.isascii():
        return text
    return unicodedata.normalize("NFKC", text)


def _strip_tags(text: str) -> str:
    return _TAG_RE.sub(" ", text) if "<" in text else text


#: An image in a heading (a badge, a logo): its alt text ("License", "Tests") is not the heading's words; nor is
#: the address of the link around it (".../LICENSE.txt").
_IMAGE_RE = lazy(r"\[\s*!\[[^\]\n]{0,200}\]\([^()\s]{0,2000}\)\s*\]\([^()\s]{0,2000}\)|!\[[^\]\n]{0,200}\]\([^()\s]{0,2000}\)")


def _heading_title(content: str) -> str:
    """A heading's words: tags and images (badges, logos, with their links) dropped."""
    text = _IMAGE_RE.sub(" ", content) if "![" in content else content
    return _norm(_strip_tags(text)).strip().strip("#").strip()


def _yaml_is_safe(source: str) -> Optional[str]:
    """Reject front matter whose expansion would be unbounded; returns a reason or None."""
    import yaml

    if len(source) > MAX_YAML_BYTES:
        return f"front matter larger than {MAX_YAML_BYTES // 1024} KiB"
    aliases = depth = 0
    for event in yaml.parse(source, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_YAML_ALIASES:
                return f"front matter uses more than {MAX_YAML_ALIASES} YAML aliases"
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                return f"front matter nested deeper than {MAX_YAML_DEPTH} levels"
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
    return None


def load_front_matter(source: str) -> tuple[dict[str, Any], Optional[str]]:
    """Parse YAML front matter with ``safe_load`` only; return (data, error message or None)."""
    import yaml

    try:
        reason = _yaml_is_safe(source)
        if reason:
            return {}, reason
        data = yaml.safe_load(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (front matter line {mark.line + 1})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return {}, f"invalid YAML{where}: {problem}"
    except (RecursionError, ValueError, TypeError) as exc:  # pathological but well-formed input
        return {}, f"unreadable YAML: {exc.__class__.__name__}"
    if data is None:
        return {}, None
    if not isinstance(data, dict):
        return {}, f"front matter is a {type(data).__name__}, not a mapping"
    if _expands_beyond(data, MAX_YAML_VALUES):
        return {}, f"front matter expands to more than {MAX_YAML_VALUES:,} values (recursive or repeated YAML aliases)"
    return {str(k): v for k, v in data.items()}, None


def _expands_beyond(data: Any, limit: int) -> bool:
    """True when ``data``, walked as the tree its aliases expand to, has more than ``limit`` values.

    The walk stops at the limit, so a self-referencing value or a "billion laughs" costs O(limit).
    """
    stack = [data]
    count = 1
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            children: list[Any] = [*item.keys(), *item.values()]
        elif isinstance(item, (list, tuple, set)):
            children = list(item)
        else:
            continue
        count += len(children)
        if count > limit:
            return True
        stack.extend(children)
    return False


def _flatten(value: Any, limit: int = 4000) -> str:
    """A short text form of a front-matter value (bounded, no recursion blow-up)."""
    out: list[str] = []
    stack = [value]
    size = 0
    while stack and size < limit:
        item = stack.pop()
        if isinstance(item, dict):
            for k, v in reversed(list(item.items())):
                stack.append(v)
                stack.append(f"{k}:")
        elif isinstance(item, (list, tuple)):
            stack.extend(reversed(item))
        else:
            s = str(item)
            out.append(s)
            size += len(s) + 1
    return " ".join(out)[:limit]


def _build_parser(compact_rows: bool = True) -> Any:
    """markdown-it as the Card reads it; ``compact_rows=False``: with its own table tokens, three a cell."""
    from markdown_it import MarkdownIt
    from markdown_it.rules_block.table import table
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).use(front_matter_plugin).enable("table")
    md.block.tokenize = _skip_too_deep(md.block.tokenize)  # type: ignore[method-assign]  # wraps markdown-it's block tokenizer on this instance
    if compact_rows:
        md.block.ruler.at("table", _with_compact_rows(table), {"alt": ["paragraph", "reference"]})  # the alternatives markdown-it gives it
    return md


#: The token type of a table body row read by :func:`_with_compact_rows`: one per row instead of three per cell.
ROW_TOKEN = "table_row_cells"


class _RowToken:
    """A table body row as the card reader needs it: its lines (``map``), its cells' text as markdown-it's
    table rule cut them (``cells``), and, filled in with the inline rules, the inline token of each cell
    that may hold a link (``inlines``: column → token)."""

    __slots__ = ("type", "level", "map", "cells", "inlines")

    def __init__(self, level: int) -> None:
        self.type, self.level = ROW_TOKEN, level
        self.map: Optional[list[int]] = None
        self.cells: list[str] = []
        self.inlines: Optional[dict[int, Any]] = None


class _CellScratch:
    """What markdown-it's table rule sets on a body cell's tokens; read once set, then reused."""

    __slots__ = ("attrs", "map", "content", "children")

    def __init__(self) -> None:
        self.content = ""


class _BodyRowPush:
    """Stands in for ``state.push`` while markdown-it's table rule reads a table: the tokens up to the body
    are made as usual; each body row becomes one :class:`_RowToken` instead of a ``tr`` and a ``td``, an
    ``inline`` and a closing token per cell (state levels kept exactly as ``push`` keeps them)."""

    __slots__ = ("state", "body", "row", "cell")

    def __init__(self, state: Any) -> None:
        self.state, self.body, self.cell = state, False, _CellScratch()
        self.row: Optional[_RowToken] = None

    def __call__(self, ttype: str, tag: str, nesting: int) -> Any:
        state = self.state
        if not self.body or ttype in ("tbody_close", "table_close"):
            self.body = self.body or ttype == "tbody_open"
            return type(state).push(state, ttype, tag, nesting)
        if ttype == "tr_open":
            row = self.row = _RowToken(state.level)
            state.level += 1
            state.tokens.append(row)
            return row
        if ttype == "td_close":
            assert self.row is not None
            self.row.cells.append(self.cell.content)
        state.level += nesting
        return self.cell


def _with_compact_rows(table_rule: Any) -> Any:
    """markdown-it's table rule, its body rows made into one token each (:class:`_BodyRowPush`): a long
    table's cells are read by the same rule, without three token objects per cell."""

    def table(state: Any, start_line: int, end_line: int, silent: bool) -> bool:
        found = bool(table_rule(state, start_line, end_line, True))  # most lines start no table: nothing to set up
        if silent or not found:
            return found
        state.push = _BodyRowPush(state)
        try:
            return bool(table_rule(state, start_line, end_line, silent))
        finally:
            del state.push

    return table


def _skip_too_deep(tokenize: Any) -> Any:
    """Block tokenizing that skips only the container nested too deeply, not the rest of the card.

    At ``maxNesting`` markdown-it drops everything up to the end of the enclosing range, which for a
    list is the end of the document: 20 nested ``- `` markers would hide every later line. Here the
    too-deep container's own lines (those indented at least as far as its content) are skipped and
    parsing resumes at the first line that belongs to an outer block.
    """

    def bounded(state: Any, start_line: int, end_line: int) -> None:
        if state.level < state.md.options.maxNesting:
            tokenize(state, start_line, end_line)
            return
        line = start_line
        while line < end_line and (state.isEmpty(line) or state.sCount[line] >= state.blkIndent):
            line += 1
        state.line = line

    return bounded


@functools.lru_cache(maxsize=1)
def _parser() -> Any:
    """The parser is stateless between calls; build it once per process."""
    return _build_parser()


def _place_links(card: Card, first: int, start: int, end: int) -> None:
    """Give each link read from a multi-line paragraph the line its address is on (not the paragraph's first)."""
    at = start
    for link in card.links[first:]:
        for line in range(at, end + 1):
            if link.url and link.url in card.lines[line - 1] if 0 < line <= len(card.lines) else False:
                link.line = at = line
                break


def _inline_links(token: Any, line: int, section: Optional[Section], out: list[Link]) -> None:
    children = token.children or []
    i = 0
    while i < len(children):
        child = children[i]
        if child.type == "link_open":
            href = child.attrGet("href") or ""
            parts: list[str] = []
            i += 1
            while i < len(children) and children[i].type != "link_close":
                if children[i].type == "image":  # a badge inside a link: the picture's own address is an image
                    out.append(Link(children[i].content or "", str(children[i].attrGet("src") or ""), line, section, image=True))
                elif children[i].content:
                    parts.append(children[i].content)
                i += 1
            out.append(Link("".join(parts), str(href), line, section))
        elif child.type == "image":
            out.append(Link(child.content or "", str(child.attrGet("src") or ""), line, section, image=True))
        i += 1


#: A long top-level table is handed over every this many tokens (whole rows), not all at once: a piece of
#: markdown-it tokens costs several hundred bytes a token (a short row has 14 tokens), so pieces stay small.
TABLE_PIECE_TOKENS = 1024
#: The same for a table's body rows read as one token each (see :func:`_with_compact_rows`).
TABLE_PIECE_ROWS = 64

Consumer = Callable[[list[Any]], None]


def _MAY_LINK(content: str) -> bool:
    """Whether inline text can hold a link or an image: every one (``[t](u)``, ``[t][r]``, ``![a](u)``,
    ``<https://…>``) needs a ``[`` or a ``<``. The Card reads inline children only for links, so inline
    text without either is not parsed into children (for a long paragraph, about 40x its size)."""
    return "[" in content or "<" in content


def _read_tokens(text: str, consume: Consumer) -> None:
    """Hand markdown-it's tokens for ``text`` to ``consume``, in order, one top-level block at a time.

    The same tokens as ``MarkdownIt.parse`` gives, with the inline children the Card reads, but never all at
    once: a token stream costs about 50 times the text it describes, so holding a large card's whole
    stream is what used to dominate memory. This runs markdown-it's own core rules (normalise, then
    the block tokenizer's top-level loop, then the inline rules on each block), handing over each
    top-level block's tokens before the next is read; a long top-level table is handed over about a
    thousand tokens (whole rows) at a time while markdown-it reads it. Nested blocks (list items,
    blockquotes) go through the block tokenizer itself, unchanged. Link reference definitions apply
    to the whole document, also before the place they are defined, so when the text may contain one
    (``]:``) the definitions are first collected by a pass that keeps no tokens. Inline text is
    parsed into children only where it may hold a link (see :func:`_MAY_LINK`).
    """
    from markdown_it.rules_core import StateCore
    from markdown_it.token import Token

    md = _parser()
    env: dict[str, Any] = {}
    core = StateCore(text, md, env)
    after_block: list[Any] = []
    seen_block = False
    for rule in md.core.ruler.getRules(""):
        if seen_block:
            after_block.append(rule)
        elif rule.__name__ == "block":
            seen_block = True
        elif rule.__name__ != "normalize" or "\r" in text or "\0" in text:
            rule(core)  # normalize: NUL characters, as the whole-document parse does (without them, a copy of the same text)
    if not seen_block:
        raise RuntimeError("markdown-it has no block rule")
    src = core.src
    if not src:
        return
    if "]:" in src:
        _block_tokens(md, src, env, lambda tokens: None)

    def inline_then_consume(tokens: list[Any]) -> None:
        with_links = [token for token in tokens if token.type == "inline" and _MAY_LINK(token.content)]
        for row in tokens:
            if row.type == ROW_TOKEN and any(map(_MAY_LINK, row.cells)):
                row.inlines = {}
                for column, content in enumerate(row.cells):
                    if _MAY_LINK(content):
                        cell = row.inlines[column] = Token("inline", "", 0, map=row.map, content=content, children=[])
                        with_links.append(cell)
        if with_links:
            block_core = StateCore(src, md, env, with_links)
            for rule in after_block:
                rule(block_core)
        consume(tokens)

    _block_tokens(md, src, env, inline_then_consume)


class _TokenSpout(list):  # type: ignore[type-arg]  # markdown-it appends Token objects to state.tokens
    """``state.tokens`` of the top-level loop: hands the rows read so far of a top-level table to ``consume``.

    markdown-it's table rule only appends to ``state.tokens`` (it never reads back), so the rows
    already read can be handed over while it reads the next ones. Any other block (lists index
    their own tokens) is kept whole until the top-level loop takes it.
    """

    def __init__(self, consume: Consumer) -> None:
        super().__init__()
        self.consume = consume
        self.streaming = False

    def append(self, token: Any) -> None:
        if not self:
            self.streaming = token.type == "table_open" and token.level == 0
        elif self.streaming and (token.type == ROW_TOKEN and len(self) >= TABLE_PIECE_ROWS or token.type == "tr_open" and len(self) >= TABLE_PIECE_TOKENS):
            self.consume(self.take())
            self.streaming = True
        super().append(token)

    def take(self) -> list[Any]:
        piece = list(self)
        del self[:]
        self.streaming = False
        return piece


def _block_tokens(md: Any, src: str, env: dict[str, Any], consume: Consumer) -> None:
    """The top-level loop of markdown-it's ``ParserBlock.tokenize``, handing over each block's tokens."""
    from markdown_it.rules_block import StateBlock

    spout = _TokenSpout(consume)
    state = StateBlock(src, md, env, spout)
    state.tokens = spout
    # markdown-it keeps five numbers per line in lists (about a hundred bytes a line, more than a short
    # line itself); its rules only index them, so integer arrays (20 bytes a line) do as well
    typecode = "i" if len(src) < 2**28 else "q"
    for marks in ("bMarks", "eMarks", "tShift", "sCount", "bsCount"):
        setattr(state, marks, array(typecode, getattr(state, marks)))
    rules = md.block.ruler.getRules("")
    line, end_line = state.line, state.lineMax
    has_empty_lines = False
    while line < end_line:
        state.line = line = state.skipEmptyLines(line)
        if line >= end_line or state.sCount[line] < state.blkIndent:
            break
        for rule in rules:
            if rule(state, line, end_line, False):
                if state.line <= line:
                    raise RuntimeError("block rule didn't increment state.line")
                break
        else:
            raise RuntimeError("none of the block rules matched")
        state.tight = not has_empty_lines
        line = state.line
        if (line - 1) < end_line and state.isEmpty(line - 1):
            has_empty_lines = True
        if line < end_line and state.isEmpty(line):
            has_empty_lines = True
            line += 1
            state.line = line
        if spout:
            consume(spout.take())


#: The tokens around a table cell's text; the Card reads only the text (the ``inline`` token between them).
_CELL_EDGES = frozenset({"th_open", "th_close", "td_open", "td_close"})


def _card_reader(card: Card) -> Generator[None, Optional[list[Any]], None]:
    """Build ``card``'s sections, blocks, tables and links from markdown-it tokens sent in card order, a piece at a
    time (each piece a whole top-level block, or whole rows of a long table); ``None`` ends the card."""
    stack: list[Section] = []
    section: Optional[Section] = None
    containers: list[str] = []
    table_header: tuple[str, ...] = ()
    table: Optional[Table] = None
    rows = TableRows(card.blocks, 0)  # the rows of ``table``
    row_cells: list[str] = []
    row_line = 0
    in_head = False
    last_line = len(card.lines)  # where a section still open ends (one int for all of them)
    while True:
        tokens = yield
        if tokens is None:
            break
        n = len(tokens)
        i = 0
        while i < n:
            tok = tokens[i]
            ttype = tok.type
            if table is not None:  # a table's rows first: most tokens of a long table are its cells
                if ttype == ROW_TOKEN:
                    row_line = tok.map[0] + 1 if tok.map else 0
                    cells = tuple([_norm(_strip_tags(content)).strip() for content in tok.cells])
                    if tok.inlines:
                        for column in sorted(tok.inlines):
                            _inline_links(tok.inlines[column], row_line, section, card.links)
                    block = Block("table_row", " | ".join(cells), row_line, row_line, section, cells, table.header)
                    card.blocks.append(block)
                    rows._stop += 1
                    i += 1
                    continue
                if ttype in _CELL_EDGES:
                    i += 1
                    continue
                if ttype == "inline" and tokens[i - 1].type in ("th_open", "td_open"):
                    row_cells.append(_norm(_strip_tags(tok.content)).strip())
                    _inline_links(tok, row_line, section, card.links)
                    i += 1
                    continue
                if ttype == "tr_open":
                    row_cells = []
                    row_line = tok.map[0] + 1 if tok.map else 0
                    i += 1
                    continue
                if ttype == "tr_close":
                    if not in_head:
                        cells = tuple(row_cells)
                        block = Block("table_row", " | ".join(cells), row_line, row_line, section, cells, table.header)
                        card.blocks.append(block)
                        rows._stop += 1
                    i += 1
                    continue
            start = tok.map[0] + 1 if tok.map else 0
            end = tok.map[1] if tok.map else start
            if end == start:
                end = start  # one int object for a one-line block's first and last line
            if ttype == "front_matter":
                card.front_matter_end = end
                card.front_matter, card.front_matter_error = load_front_matter(tok.content)
                _front_matter_blocks(card, tok.content)
            elif ttype == "heading_open":
                inline = tokens[i + 1]
                title = _heading_title(inline.content)
                level = int(tok.tag[1])
                if stack and stack[-1].level >= level:
                    closing = start - 1  # one int for every section closed here, the line's own when a block ends on it
                    if card.blocks and card.blocks[-1].end_line == closing:
                        closing = card.blocks[-1].end_line
                    while stack and stack[-1].level >= level:
                        stack.pop().end_line = closing
                parent = stack[-1] if stack else None
                section = Section(title, level, start, last_line, parent)
                stack.append(section)
                card.sections.append(section)
                card.blocks.append(Block("heading", title, start, end, section))
                _inline_links(inline, start, section, card.links)
                i += 3
                continue
            elif ttype in ("bullet_list_open", "ordered_list_open"):
                containers.append("list")
            elif ttype in ("bullet_list_close", "ordered_list_close"):
                containers.pop() if containers else None
            elif ttype == "blockquote_open":
                containers.append("blockquote")
            elif ttype == "blockquote_close":
                containers.pop() if containers else None
            elif ttype == "paragraph_open":
                inline = tokens[i + 1]
                kind = "list_item" if "list" in containers else ("blockquote" if containers else "paragraph")
                content = inline.content
                card.blocks.append(Block(kind, _norm(_strip_tags(content)), start, end, section))
                first = len(card.links)
                _inline_links(inline, start, section, card.links)
                if end > start:
                    _place_links(card, first, start, end)
                _html_comments(content, start, card)
                i += 3
                continue
            elif ttype == "table_open":
                rows = TableRows(card.blocks, len(card.blocks))  # the rows read next, one after another in card.blocks
                table = Table((), rows, start, section)
                card.tables.append(table)
            elif ttype == "thead_open":
                in_head = True
            elif ttype == "thead_close":
                in_head = False
                table_header = tuple(row_cells)
                if table is not None:
                    table.header = table_header
            elif ttype == "tr_open":
                row_cells = []
                row_line = start
            elif ttype == "inline" and table is not None and tokens[i - 1].type in ("th_open", "td_open"):
                row_cells.append(_norm(_strip_tags(tok.content)).strip())
                _inline_links(tok, row_line, section, card.links)
            elif ttype == "tr_close" and not in_head and table is not None:
                cells = tuple(row_cells)
                block = Block("table_row", " | ".join(cells), row_line, row_line, section, cells, table.header)
                card.blocks.append(block)
                rows._stop += 1
            elif ttype == "table_close":
                table = None
            elif ttype == "code_block" and _reads_as_prose(tok.content):
                card.blocks.append(Block("paragraph", _norm(tok.content).strip("\n"), start, end, section))  # indented prose, not code
            elif ttype in ("fence", "code_block"):
                first = min(start + (ttype == "fence"), max(start, end))  # a fence's content starts after it; an empty one at the end has none
                card.blocks.append(Block("code", _norm(tok.content), first, end, section, info=tok.info.strip()))
            elif ttype == "html_block":
                content = tok.content
                _html_comments(content, start, card)
                block_lines = _newline_offsets(content)
                for m in _HREF_RE.finditer(content):
                    is_image = content[max(0, m.start() - 4) : m.start()].lower().endswith("src") or m.group(0).lower().startswith("src")
                    text = "" if is_image else _anchor_text(content, m.end())
                    card.links.append(Link(text, m.group(1), start + bisect.bisect_left(block_lines, m.start()), section, image=is_image))
                stripped = _norm(_without_comments(content))
                alts = [m.group(1) for m in _ALT_RE.finditer(stripped) if len(m.group(1).split()) >= 6]
                stripped = _strip_tags(stripped)
                if alts:  # a figure's description, as a reader (or a screen reader) gets it; badges have short alts
                    stripped = (stripped.rstrip("\n") + "\n" + "\n".join(alts)).lstrip("\n")
                if stripped.strip():
                    card.blocks.append(Block("html", stripped.rstrip("\n"), start, end, section))
            i += 1
        tokens = tok = inline = None  # not kept alive while markdown-it reads the next piece

    for open_section in stack:
        open_section.end_line = last_line


def parse(text: str, path: str = "<card>", reading: Optional[Callable[[float], None]] = None) -> Card:
    """Parse card text into a :class:`Card`. Never raises on any text input.

    ``reading``, when given, is called with the share of the card's lines read so far (0 to 1) as the
    reader moves on by a hundredth or more: a long card shows progress while it is parsed.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    card = Card(path=path, text=text, lines=Lines(text))  # the final newline ends the last line; it does not start another
    reader = _card_reader(card)
    next(reader)
    _read_tokens(text, reader.send if reading is None else _reporting(reader.send, len(card.lines), reading))
    try:
        reader.send(None)
    except StopIteration:
        pass
    _bare_links(card)
    assign_roles(card)
    return card


def _reporting(consume: Consumer, total_lines: int, reading: Callable[[float], None]) -> Consumer:
    """``consume``, telling ``reading`` the share of ``total_lines`` read whenever it has grown by a hundredth."""
    step = max(total_lines // 100, 1)
    reported = 0

    def consume_and_report(tokens: list[Any]) -> None:
        nonlocal reported
        line = next((token.map[0] for token in tokens if token.map), reported)
        consume(tokens)
        if line - reported >= step:
            reported = line
            reading(min(line / total_lines, 1.0))

    return consume_and_report


# --- Section roles: the release, or the reader's use of it ---------------------------------------

#: Headings by role (English and Chinese). The nearest heading with a role decides; a heading with
#: none (a model name, "Details") takes its parent's role. Training headings are the release's own,
#: even under "Usage", unless their text instructs the reader (see :data:`INSTRUCTION`).
ROLE_HEADINGS: dict[Role, str] = {
    Role.NEWS: r"\bnews\b|\bupdates?\b|\bchangelog\b|\bchange log\b|\brelease notes?\b|\bwhat'?s new\b|新闻|动态|更新|日志",
    Role.EVALUATION: r"\bevaluat|\bbenchmark|\bresults?\b|\bleaderboard|\bcomparisons?\b|\bperformance\b|评测|评估|测评|效果|性能",
    Role.REFERENCE: r"\bcitations?\b|\bcite\b|\bbibtex\b|\backnowledg|\bcontact\b|^\W*references?\W*$|\brelated (?:work|projects?)\b|\bstar history\b|引用|致谢|联系",
    Role.USE: r"\busage\b|\bhow to\b|\bget(?:ting)? started|quick ?start|\binference\b|\binstall|\bsetup\b|\bset up\b|\bdeploy|\bdemo\b|\bserving\b"
    r"|\bquantiz|\bexamples?\b|\btutorials?\b|\bfaq\b|\btroubleshoot|\brequirements?\b|\bout of memory\b|\bdownstream\b|\bintended uses?\b"
    r"|\bdirect use\b|\buses\b|\brun(?:ning)? (?:the|locally|on)\b|\bapi\b|使用|快速|推理|部署|安装|示例|常见问题|教程|环境|下游|硬件需求",
}
TRAINING_ROLE_HEADING = r"\btrain|\bpre-?train|\bfine-?tun|\brecipes?\b|\breproduc|训练|微调|复现"
#: Training the reader does on top of the release (fine-tuning, adapters), as against re-running its own training.
FURTHER_TRAINING = r"\bfine-?tun|\blora\b|\bqlora\b|\badapters?\b|微调|精调"
REPRODUCTION = r"\breproduc|\bpre-?train|\bfrom scratch\b|\breplicat|复现|预训练|从头"

#: Sentences that instruct the reader: imperative openings, second person, requirements on the reader's hardware.
INSTRUCTION = (
    r"^\W{0,4}(?:please\s+)?(?:run|execute|install|clone|download|launch|start|set|prepare|follow|ensure|make sure|configure|modify|edit|replace|add|use|refer to|see|copy|create|put|change|specify|pass|select|open|check)\b"
    r"|\byou(?:r)?\b|\brequires? at least\b|\bminimum (?:configuration|requirements?)\b|\bfollow the steps\b|\bpre-?built (?:docker )?image\b"
    r"|请|您|你的|你可以|执行|最低配置|至少需要"
)
#: Sentences in the release's own voice: what we did, how the model was made.
RELEASE_VOICE = (
    r"\bwe (?:pre-?)?(?:train|trained|fine-?tuned?|used|use|adopt|adopted|apply|applied|follow(?:ed)?|collect(?:ed)?|optimi[sz]ed?)\b"
    r"|\b(?:was|were|is|are|been) (?:\w+ )?(?:pre-?trained|trained|fine-?tuned|created|optimi[sz]ed)\b|我们(?:使用|采用|在|对|基于)|(?:经过|进行了)[^。\n]{0,20}训练"
)


#: Headings addressed to the reader: what they may do with the release, not how it was made.
READER_HEADING = r"\byourself\b|\byour own\b|\bon your\b|\bfor your\b|你自己|自己的数据|您的数据|你的数据"

#: Headings that describe the release itself; they keep the release role even under a misplaced "Usage".
DESCRIPTION_HEADING = (
    r"\bmodel (?:description|details|summary|overview|architecture|card|specs?|specifications?)\b|\barchitecture\b|\btraining data\b"
    r"|模型(?:介绍|描述|简介|结构|架构|细节)|训练数据"
    r"|\bmodel sources?\b|模型来源"  # the model card template's list of the release's repositories and papers
)


@functools.lru_cache(maxsize=8192)
def heading_role(title: str) -> Optional[Role]:
    """The role a heading names by itself, or None ("Acme-7B", "Details" name none); remembered, as rules ask
    it of the same few headings for every block under them."""
    return _role_of_heading(title)


def _role_of_heading(title: str) -> Optional[Role]:
    if _READER_HEADING_RE.search(title):
        return Role.USE  # "Fine-tune it yourself", "Train on your own data": the reader's work, whatever it names
    if _ROLE_RE[Role.RELEASE].search(title) or _DESCRIPTION_RE.search(title):
        return Role.RELEASE
    for role, pattern in _ROLE_RE.items():
        if role is not Role.RELEASE and pattern.search(title):
            return role
    return None


_ROLE_RE: dict[Role, "re.Pattern[str]"] = {Role.RELEASE: lazy(TRAINING_ROLE_HEADING, re.I)}
_ROLE_RE.update({role: lazy(pattern, re.I) for role, pattern in ROLE_HEADINGS.items()})
_INSTRUCTION_RE = lazy(INSTRUCTION, re.I)
_FURTHER_RE = lazy(FURTHER_TRAINING, re.I)
_DESCRIPTION_RE = lazy(DESCRIPTION_HEADING, re.I)
_READER_HEADING_RE = lazy(READER_HEADING, re.I)
_BOTH_RE = lazy(
    r"\b(?:pre-?)?train(?:ing)?\b[^\n]{0,40}\bfine-?tun|\bfine-?tun\w*\b[^\n]{0,40}\b(?:pre-?)?train(?:ing)?\b|训练[^\n]{0,10}微调|微调[^\n]{0,10}训练", re.I
)
_REPRODUCTION_RE = lazy(REPRODUCTION, re.I)
_RELEASE_VOICE_RE = lazy(RELEASE_VOICE, re.I)
_SENTENCE_END = lazy(r"(?<=[.!?。！？；:：])\s*|\n")


def instructional(texts: list[str]) -> bool:
    """True when prose instructs the reader (two or more instructions) and never speaks of what was done."""
    instructions = 0
    for text in texts:
        for sentence in _SENTENCE_END.split(text):
            sentence = sentence.strip()
            if not sentence:
                continue
            if _RELEASE_VOICE_RE.search(sentence):
                return False
            if _INSTRUCTION_RE.search(sentence):
                instructions += 1
    return instructions >= 2


def assign_roles(card: Card) -> None:
    """Give every section its :class:`Role`, parents first (sections are in card order).

    A section whose heading names no role inherits its parent's; a card without headings is all
    release. A training section (and its subsections) whose prose instructs the reader — imperative
    steps, "you", hardware the reader needs — to fine-tune the model (LoRA, adapters, 微调), and never
    says what was done or how to reproduce the release's own training, is the reader's use:
    fine-tune-it-yourself, not the release's recipe. The card's title (a level-1 heading over the
    whole card) names the project and keeps the release role.
    """
    prose: dict[int, list[str]] = {}
    for block in card.blocks:
        if block.section is not None and block.kind in ("paragraph", "list_item", "blockquote"):
            section: Optional[Section] = block.section
            while section is not None:
                prose.setdefault(id(section), []).append(block.text)
                section = section.parent
    spans_card = len(card.sections) > 1 and card.sections[0].level == 1 and card.sections[0].end_line >= card.sections[-1].line
    for index, section in enumerate(card.sections):
        own = _role_of_heading(section.title)
        if index == 0 and spans_card:
            section.role = Role.RELEASE
            continue
        parent = section.parent
        if own is None:
            section.role = parent.role if parent is not None else Role.RELEASE
        else:
            section.role = own
        if own in (None, Role.RELEASE) and ((parent is not None and parent.instructs) or _reader_fine_tuning(section, own, prose.get(id(section), [])[:12])):
            section.role, section.instructs = Role.USE, True


def _reader_fine_tuning(section: Section, own: Optional[Role], texts: list[str]) -> bool:
    """Instructions for the reader to fine-tune the released model, not to re-run its training.

    A training heading ("Training", "Fine-tuning") qualifies when its text speaks of fine-tuning; a
    heading without a role ("Adapting X") only when it names fine-tuning itself.
    """
    said = section.title + "\n" + "\n".join(texts) if texts else section.title + "\n"
    training = own is Role.RELEASE and _ROLE_RE[Role.RELEASE].search(section.title)
    about = _FURTHER_RE.search(said) if training else _FURTHER_RE.search(section.title)
    if not about or _BOTH_RE.search(section.title):
        return False  # not about fine-tuning; or "Training and Fine-tuning": the release's own training is covered too
    return not _REPRODUCTION_RE.search(said) and instructional(texts)


def _front_matter_blocks(card: Card, source: str) -> None:
    """One block per top-level front-matter key, at the key's line (the front matter starts at line 2)."""
    data = card.front_matter
    if not data:
        if card.front_matter_error:
            _salvaged_front_matter_blocks(card, source)
        return
    key_lines: dict[str, int] = {}
    for offset, raw in enumerate(source.split("\n")):
        if raw[:1] not in (" ", "\t", "-", "#", "") and ":" in raw:
            key = raw.split(":", 1)[0].strip().strip("'\"")
            key_lines.setdefault(key, offset + 2)
    for key, value in data.items():
        line = key_lines.get(key, 1)
        text = _norm(f"{key}: {_flatten(value)}")
        card.blocks.append(Block("front_matter", text, line, line, None, info=key))
        if isinstance(value, str) and str(key).lower() in _DESCRIPTIVE_KEYS and len(value) >= 20:
            # a sentence about the model kept in the front matter ("summary: An efficient ConvNet …, pre-trained
            # on Imagenet"): read as the card's opening prose as well (fixtures/training_data/partial-front-matter-summary.md)
            card.blocks.append(Block("paragraph", _norm(value), line, line, None))


#: Front-matter keys whose value is prose about the model (torch hub pages, static-site docs).
_DESCRIPTIVE_KEYS = frozenset({"summary", "description", "model_description", "model_summary"})


#: Code in an indented block: commands, calls, assignments, markup; prose has none of them.
_CODE_SIGNS = lazy(r"[{}=;<>`$\\]|\w\(|^\s*(?:import|from|def|class|pip|python|git|cd|curl|docker)\b|^\s*[-*#]", re.M)
_PROSE_SENTENCE = lazy(r"[A-Za-z\u4e00-\u9fff][^\n]{20,}?[.!?。！？](?:\s|$)")


def _reads_as_prose(content: str) -> bool:
    """An indented block that holds sentences and no code: text indented by mistake (a stray four
    spaces, YAML-like notes), which a reader reads as prose."""
    return len(content) <= 4000 and bool(_PROSE_SENTENCE.search(content)) and not _CODE_SIGNS.search(content)


def _salvaged_front_matter_blocks(card: Card, source: str) -> None:
    """Front matter YAML cannot read (a tab, a stray quote): keep each top-level ``key: value`` line.

    ``card.front_matter`` stays empty (RL002 reports the error), but the text of the keys is still
    there for rules to read, as a human reader would.
    """
    raws = source.split("\n")[:2000]
    for offset, raw in enumerate(raws):
        if raw[:1] in (" ", "\t", "-", "#", "") or ":" not in raw:
            continue
        key, value = raw.split(":", 1)
        key = key.strip().strip("'\"")
        value = " ".join(value.split())
        if not value:  # a key whose value is the list below it: "datasets:" then "- eli5"
            items = []
            for below in raws[offset + 1 : offset + 50]:
                if below.strip() and not below.lstrip().startswith("- "):
                    break
                if below.strip():
                    items.append(below.strip()[2:].strip())
            value = " ".join(" ".join(items).split())
        if key and value:
            line = offset + 2
            card.blocks.append(Block("front_matter", _norm(f"{key}: {value}"), line, line, None, info=key))


def _comment_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each ``<!-- … -->``, in one left-to-right pass.

    Not a regular expression: ``<!--(.*?)-->`` rescans the rest of the text from every ``<!--`` when
    one is left unclosed, which is quadratic; here an unclosed comment simply ends the search.
    """
    at = text.find("<!--")
    while at >= 0:
        close = text.find("-->", at + 4)
        if close < 0:
            return
        yield at, close + 3
        at = text.find("<!--", close + 3)


def _without_comments(text: str) -> str:
    """``text`` with each HTML comment replaced by its newlines (line numbers stay put)."""
    parts: list[str] = []
    previous = 0
    for start, end in _comment_spans(text):
        parts += [text[previous:start], "\n" * text.count("\n", start, end)]
        previous = end
    parts.append(text[previous:])
    return "".join(parts)


def _html_comments(content: str, line: int, card: Card) -> None:
    if "<!--" not in content:
        return
    previous = 0
    for start, end in _comment_spans(content):
        line += content.count("\n", previous, start)
        previous = start
        card.comments.append(Comment(content[start + 4 : end - 3].strip(), line))


def _anchor_text(content: str, after_href: int) -> str:
    """The words of an HTML link (``<a href="…">HF Repo (TODO link)</a>``), tags dropped; empty when there are none
    close by."""
    opened = content.find(">", after_href, after_href + 500)
    closed = content.find("</a", opened, opened + 300) if opened >= 0 else -1
    return _norm(_strip_tags(content[opened + 1 : closed])).strip() if closed >= 0 else ""


def _bare_links(card: Card) -> None:
    """URLs written as plain text (not Markdown links) in prose, tables and code."""
    seen = {(link.url, link.line) for link in card.links}
    on_line: dict[int, list[str]] = {}
    for link in card.links:
        on_line.setdefault(link.line, []).append(link.url)
    for block in card.blocks:
        if "://" not in block.text:
            continue
        # inline links carry the line their paragraph starts on: compare with every line of the block
        known_here = [url for at in range(block.line, block.end_line + 1) for url in on_line.get(at, ())]
        for m in _BARE_URL_RE.finditer(block.text):
            url = m.group(0).rstrip(".,;:")
            line = block.line_at(m.start())
            if any(known.startswith(url) for known in known_here):
                continue  # the address of a Markdown link or image already read (cut short by its markup)
            if (url, line) not in seen:
                seen.add((url, line))
                card.links.append(Link("", url, line, block.section))
