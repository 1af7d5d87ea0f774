"""Keyword pre-check for evidence patterns: which sentences can a pattern match at all?

Matching dozens of case-insensitive alternations against every sentence of a card is the linter's
main cost: Python's ``re`` tries every alternative at every position. Most sentences cannot match a
given alternative at all, and a keyword search proves it far faster. Each alternative of a pattern
has *keywords*: strings of which every match contains one (compared case-folded). They are declared
next to the alternative (``any_of((r"\\blearning rate\\b", "learning rate"))``) or, when not
declared, read off the alternative's plain literal text by :func:`keywords_of`; an alternative with
neither is confirmed in every sentence, so verdicts never depend on the keywords being selective.

One Aho–Corasick automaton (:mod:`ahocorasick`, over the keywords of every pattern used so far)
makes one pass over a card's folded sentences and tells which keywords each sentence holds
(:class:`TextIndex`). A pattern is then searched with the standard :mod:`re` module, in each
sentence only with the alternatives whose keywords it holds, in their original order: the leftmost
of their matches, the first alternative's where several start at the same place, which is what the
whole alternation finds (:class:`Plan`). Alternatives are compiled on first use, so a run compiles
only what the cards in front of it need.
"""

from __future__ import annotations

import re
from array import array
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence, Union, cast

import ahocorasick

#: Characters that ``re.IGNORECASE`` equates with an ASCII letter but ``str.lower()`` does not map to it.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})

#: Never part of a keyword (input text never contains NUL: binary files are refused).
_SEPARATOR = "\x00"

#: Bounds on the derivation: variants of one literal run, keywords of one alternative.
_MAX_VARIANTS = 64
_MAX_KEYWORDS = 256


def fold(text: str) -> str:
    """Case-fold ``text`` so that a keyword found in it is found whatever the case of the original."""
    if text.isascii():
        return text.lower()
    if "\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text:  # rare: translate is slow
        text = text.translate(_FOLD)
    return text.lower()


# --- Keywords read off a pattern's source ---------------------------------------------------------

#: One token of a regular expression's source. Unknown constructs make the derivation give up.
_TOKEN = re.compile(
    r"(?P<run>[^\\\[\]()|?*+{}.^$]+)"  # plain characters
    r"|(?P<zero>\\[AbBZ]|[\^$])"  # zero-width anchors
    r"|(?P<escaped>\\[^A-Za-z0-9])"  # an escaped punctuation character: \. \( \-
    r"|(?P<cls>\\[dDsSwWnrtfv]|\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\.|\[\^?\]?(?:\\.|[^\]\\])*\])"  # one character of a class
    r"|(?P<look>\(\?<?[=!])"  # lookaround: zero width, says nothing
    r"|(?P<group>\((?:\?:|\?P<\w+>|\?<\w+>|\?>|\?[imsuL-]+:)?)"  # a group opens
    r"|(?P<close>\))|(?P<bar>\|)"
    r"|(?P<repeat>(?:[?*+]|\{(?:\d+(?:,\d*)?|,\d+)\})[?+]?)"
)

#: A keyword set or None (no keyword set is known: the alternative is confirmed everywhere).
Keywords = Optional[frozenset[str]]


class _GiveUp(Exception):
    """The source holds a construct the derivation does not read."""


def _usable_char(c: str) -> bool:
    """A keyword character whose case-insensitive matches all fold to the same character."""
    return c != _SEPARATOR and (c.isascii() or (c.lower() == c and c.upper() == c))


class _Item:
    """What one atom of a pattern can match: a small set of strings (``finite``), or strings of which
    every match contains one (``required``), or nothing known (both None)."""

    __slots__ = ("finite", "required")

    def __init__(self, finite: Optional[set[str]] = None, required: Keywords = None) -> None:
        self.finite, self.required = finite, required


#: Punctuation rare enough in prose and tables to select sentences on its own (``%`` of "45%", ``(`` of a call):
#: one of these counts as much as two letters, so an alternative whose only literal is one is not searched everywhere.
_RARE_MARKS = frozenset("%()/=$@&#~<>[]{}")


def _strength(strings: Iterable[str]) -> int:
    """How selective the weakest of ``strings`` is: its length in UTF-8 bytes (a CJK character counts 3,
    a rare punctuation mark 2)."""
    return min(2 if k in _RARE_MARKS else len(k.encode()) for k in strings)


def _score(keywords: frozenset[str]) -> tuple[int, int]:
    """Prefer the set whose shortest keyword is most selective, then fewer keywords."""
    return _strength(keywords), -len(keywords)


def _usable(strings: Optional[Iterable[str]]) -> Keywords:
    """``strings`` as a keyword set, or None when it is empty, too large or too weak to select anything."""
    if strings is None:
        return None
    found = frozenset(strings)
    if not found or len(found) > _MAX_KEYWORDS or _strength(found) < 2:
        return None
    return found


def _minimal(keywords: Iterable[str]) -> frozenset[str]:
    """Drop keywords that contain another keyword: finding the shorter one is enough."""
    kept: list[str] = []
    for k in sorted(set(keywords), key=len):
        if not any(map(k.__contains__, kept)):  # is any shorter keyword part of k?
            kept.append(k)
    return frozenset(kept)


def _folded(keywords: Keywords) -> Keywords:
    """A derived or declared keyword set as the automaton holds it: folded, without redundant keywords."""
    return _usable(_minimal(fold(k) for k in keywords)) if keywords else None


#: Token kinds that end a sequence: the end of the source, ``|`` and ``)``.
_SEQUENCE_END = frozenset({"", "bar", "close"})


def _closing_tokens(kinds: Sequence[str]) -> dict[int, int]:
    """Token number of each group's opening parenthesis → that of its closing one (unclosed groups are left out)."""
    closes: dict[int, int] = {}
    opened: list[int] = []
    for i, kind in enumerate(kinds):
        if kind == "group" or kind == "look":
            opened.append(i)
        elif kind == "close" and opened:
            closes[opened.pop()] = i
    return closes


#: A group's source → what it can match (:class:`_Item`; never modified once made). A cache: results never depend on it.
_GROUP_ITEMS: dict[str, _Item] = {}


class _Reader:
    """Reads a pattern source token by token into :class:`_Item` values (a tiny recursive descent).

    ``kinds`` and ``texts`` hold the tokens, with one end marker (kind ``""``) after the last; a run
    of plain characters followed by a quantifier is split first, as the quantifier binds its last
    character only.
    """

    def __init__(self, source: str) -> None:
        kinds: list[str] = []
        texts: list[str] = []
        starts: list[int] = []  # where each token starts in ``source``
        covered = 0
        for m in _TOKEN.finditer(source):
            kind, text = m.lastgroup or "", m.group(0)
            if kind == "repeat" and kinds and kinds[-1] == "run" and len(texts[-1]) > 1:
                run = texts[-1]
                texts[-1] = run[:-1]
                kinds.append("run")
                texts.append(run[-1])
                starts.append(m.start() - 1)
            kinds.append(kind)
            texts.append(text)
            starts.append(m.start())
            covered += len(text)
        if covered != len(source):  # a character no token reads: the matches left a gap
            raise _GiveUp
        self.count = len(kinds)
        kinds.append("")
        texts.append("")
        self.kinds, self.texts, self.starts, self.source = kinds, texts, starts, source
        self.closes = _closing_tokens(kinds)
        self.at = 0

    def alternation(self) -> _Item:
        branches = [self.sequence()]
        kinds = self.kinds
        while kinds[self.at] == "bar":
            self.at += 1
            branches.append(self.sequence())
        if len(branches) == 1:
            return branches[0]
        if all(b.finite is not None for b in branches):
            union = set().union(*(b.finite or () for b in branches))
            if len(union) <= _MAX_VARIANTS:
                return _Item(finite=union)
        required: set[str] = set()
        for b in branches:
            keywords = b.required if b.finite is None else _usable(b.finite)
            if keywords is None:
                return _Item()
            required |= keywords
        return _Item(required=_usable(required))

    def sequence(self) -> _Item:
        candidates: list[frozenset[str]] = []
        run: set[str] = {""}
        whole: Optional[set[str]] = {""}  # the whole sequence, while it is a finite set
        kinds = self.kinds
        while kinds[self.at] not in _SEQUENCE_END:
            item = self.atom()
            finite = item.finite
            if finite is not None and len(run) * len(finite) <= _MAX_VARIANTS:
                extended = {a + b for a in run for b in finite}
                if whole is not None:  # while the sequence is finite the run is usually all of it
                    whole = extended if whole == run else {a + b for a in whole for b in finite}
                    if len(whole) > _MAX_VARIANTS:
                        whole = None
                run = extended
                continue
            if run != {""}:
                usable = _usable(run)
                if usable is not None:
                    candidates.append(usable)
            run = set(finite) if finite is not None else {""}
            if item.required is not None:
                candidates.append(item.required)
            if whole is not None:
                whole = {a + b for a in whole for b in finite} if finite is not None else None
                if whole is not None and len(whole) > _MAX_VARIANTS:
                    whole = None
        if run != {""}:
            usable = _usable(run)
            if usable is not None:
                candidates.append(usable)
        if whole is not None:
            return _Item(finite=whole)
        return _Item(required=max(candidates, key=_score) if candidates else None)

    def atom(self) -> _Item:
        at = self.at
        kind, text = self.kinds[at], self.texts[at]
        self.at = at = at + 1
        if kind == "run":
            item = _Item(finite={text}) if (text.isascii() and _SEPARATOR not in text) or all(_usable_char(c) for c in text) else _Item()
        elif kind == "escaped":
            item = _Item(finite={text[1]}) if _usable_char(text[1]) else _Item()
        elif kind == "zero":
            item = _Item(finite={""})
        elif kind == "cls":
            chars = _class_chars(text)
            item = _Item(finite=chars) if chars else _Item()
        elif kind in ("group", "look"):
            close = self.closes.get(at - 1, -1)
            # Many alternatives share groups (a value's spelling, its units): each is read once per run.
            key = self.source[self.starts[at - 1] : self.starts[close] + 1] if close >= 0 else ""
            known = _GROUP_ITEMS.get(key) if key else None
            if known is not None:
                self.at = close + 1
                item = known
            else:
                inner = self.alternation()
                if self.kinds[self.at] != "close":
                    raise _GiveUp
                self.at += 1
                item = _Item(finite={""}) if kind == "look" else inner
                if key:
                    _GROUP_ITEMS[key] = item
        else:
            raise _GiveUp  # a stray quantifier, bar or parenthesis, or the end of the source
        if self.kinds[self.at] == "repeat":
            repeat = self.texts[self.at]
            self.at += 1
            least = repeat[0] == "+" or (repeat[0] == "{" and repeat[1] != "," and int(re.split(r"[,}]", repeat[1:])[0]) >= 1)
            exactly_once = repeat.rstrip("?+") in ("{1}", "{1,1}")
            if exactly_once:
                return item
            if not least:  # ?, *, {0,n}: the atom may be absent
                if repeat.startswith("?") and item.finite is not None:
                    return _Item(finite=item.finite | {""})
                return _Item()
            keywords = item.required if item.finite is None else _usable(item.finite)
            return _Item(required=keywords)
        return item


#: Constructs :func:`keywords_of` does not read: global inline flags, verbose mode, backreferences, conditionals, comments.
#: Read left to right so that an escaped parenthesis (``\\(?(?:a|b)``: an optional "(" before a group) is
#: not taken for the start of a conditional.
_UNREAD = re.compile(r"(?P<backreference>\\[1-9])|\\.|(?P<construct>\(\?[aiLmsux]+\)|\(\?x|\(\?P=|\(\?\(|\(\?#)", re.S)


def _unread(source: str) -> bool:
    """Whether ``source`` holds a construct :func:`keywords_of` does not read (see :data:`_UNREAD`)."""
    return any(m.lastgroup is not None for m in _UNREAD.finditer(source))


#: An alternative that is literal text, optionally between word boundaries.
_PLAIN = re.compile(r"(?:\\b)?([^\\\[\]()|?*+{}.^$]+)(?:\\b)?")


def _class_chars(text: str) -> Optional[set[str]]:
    """The characters of a plain set such as ``[- ]`` or ``[_.]`` (no ranges, classes or negation); else None."""
    if not text.startswith("[") or text.startswith("[^") or len(text) < 3:
        return None
    inner, chars = text[1:-1], set()
    at = 0
    while at < len(inner):
        c = inner[at]
        if c == "\\":
            c = inner[at + 1 : at + 2]
            if not c or c.isalnum():
                return None
            at += 1
        elif c == "-" and 0 < at < len(inner) - 1:
            return None  # a range
        elif c == "[":
            return None
        if not _usable_char(c):
            return None
        chars.add(c)
        at += 1
    return chars if len(chars) <= 8 else None


def keywords_of(source: str, flags: int = 0) -> Keywords:
    """Folded strings of which every match of ``source`` contains one; None when none can be read off.

    Only plain literal text is read: a character class, a backreference, verbose mode or an
    unfamiliar construct contributes nothing, which only makes the pre-check less selective.
    """
    if flags & re.VERBOSE or _unread(source):
        return None
    plain = _PLAIN.fullmatch(source)
    if plain is not None:  # most alternatives: a word or phrase between word boundaries
        text = plain.group(1)
        return _folded(_usable([text])) if text.isascii() or all(_usable_char(c) for c in text) else None
    try:
        reader = _Reader(source)
        item = reader.alternation()
        if reader.at != reader.count:
            return None
    except (_GiveUp, IndexError, ValueError):
        return None
    return _folded(_usable(item.finite) if item.finite is not None else item.required)


def top_level_alternatives(source: str) -> tuple[str, ...]:
    """The alternatives of a pattern written ``A|B|C`` at its top level (empty when it is not one).

    ``a(?:b|c)|[|]d`` → ``("a(?:b|c)", "[|]d")``. A pattern with global inline flags or
    backreferences is not split, so every alternative compiled on its own means what it meant
    inside the whole.
    """
    if "|" not in source or re.search(r"\(\?[aiLmsux]+\)|\\[1-9]|\(\?P=|\(\?\(", source):
        return ()
    parts: list[str] = []
    depth, start = 0, 0
    at = 0
    while at < len(source):
        m = _TOKEN.match(source, at)
        if m is None:
            return ()
        kind = m.lastgroup
        if kind in ("group", "look"):
            depth += 1
        elif kind == "close":
            depth -= 1
        elif kind == "bar" and depth == 0:
            parts.append(source[start:at])
            start = m.end()
        at = m.end()
    parts.append(source[start:])
    return tuple(parts) if len(parts) > 1 and depth == 0 else ()


class LazyPattern:
    """A regular expression compiled the first time it is used; otherwise it behaves as ``re.Pattern``.

    ``pattern`` and ``flags`` are the source and the flags it was given, available without compiling
    (rules build larger patterns from ``.pattern`` at import time); ``alternatives`` the sources it
    was joined from, when it came from a list of alternatives, and ``keywords`` the keywords declared
    for each of them (None: read off its source; see :class:`Plan`).
    """

    __slots__ = ("pattern", "flags", "alternatives", "keywords", "_compiled", "_plan", "__weakref__")

    def __init__(self, pattern: str, flags: int = 0, alternatives: Sequence[str] = (), keywords: Sequence[Keywords] = ()) -> None:
        self.pattern = pattern
        self.flags = flags
        self.alternatives = tuple(alternatives)
        self.keywords = tuple(keywords)
        self._compiled: Optional[re.Pattern[str]] = None
        self._plan: "Plan | None" = None  # for search in long texts (made on first need)

    @property
    def compiled(self) -> "re.Pattern[str]":
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def search(self, string: str, *args: int) -> "Optional[re.Match[str]]":
        """``re.Pattern.search``; a long text without any of the pattern's keywords is ruled out without it."""
        if _CHECK_KEYWORDS_FROM <= len(string) <= _CHECK_KEYWORDS_UP_TO and not args:
            checker = self._plan
            if checker is None:
                checker = self._plan = plan(self)
            if not checker.always and not checker.may_match(fold(string)):
                return None
        return (self._compiled or self.compiled).search(string, *args)

    def match(self, string: str, *args: int) -> "Optional[re.Match[str]]":
        return (self._compiled or self.compiled).match(string, *args)

    def fullmatch(self, string: str, *args: int) -> "Optional[re.Match[str]]":
        return (self._compiled or self.compiled).fullmatch(string, *args)

    def finditer(self, string: str, *args: int) -> "Iterator[re.Match[str]]":
        return self.compiled.finditer(string, *args)

    def findall(self, string: str, *args: int) -> list[Any]:
        return self.compiled.findall(string, *args)

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        return self.compiled.sub(repl, string, count)

    def subn(self, repl: Any, string: str, count: int = 0) -> tuple[str, int]:
        return self.compiled.subn(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[Any]:
        return self.compiled.split(string, maxsplit)

    def __getattr__(self, name: str) -> Any:  # groups, groupindex, scanner …
        if name.startswith("__") or name in ("_compiled", "_plan"):  # pickle and copy probe for these before the slots are set
            raise AttributeError(name)
        return getattr(self.compiled, name)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its source (sent to worker processes that are started, not forked)."""
        return (LazyPattern, (self.pattern, self.flags, self.alternatives, self.keywords))

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern[:60]!r}…)"


#: Texts of this many characters are searched by a :class:`LazyPattern` only when they hold one of its
#: keywords (one automaton pass, much faster than trying each alternative at every character). Longer
#: texts are searched directly: checking them would hold a folded copy of each.
_CHECK_KEYWORDS_FROM, _CHECK_KEYWORDS_UP_TO = 32, 8192


def lazy(pattern: str, flags: int = 0) -> "re.Pattern[str]":
    """``re.compile(pattern, flags)``, compiled on first use (a rule that does not run costs nothing)."""
    return cast("re.Pattern[str]", LazyPattern(pattern, flags))


Alternative = Union[str, tuple[str, Union[str, Iterable[str]]]]


def any_of(*alternatives: Alternative, flags: int = re.IGNORECASE) -> "re.Pattern[str]":
    """One pattern matching any of ``alternatives`` (readable pattern tables in rules).

    Each alternative is a regular expression, or a pair ``(regex, keywords)`` where ``keywords`` (a
    string or several) are literal strings of which every match of ``regex`` contains one: they let
    the keyword pre-check skip sentences that cannot match. Without declared keywords they are read
    off the expression's plain text, or the alternative is confirmed in every sentence.
    """
    sources: list[str] = []
    declared: list[Keywords] = []
    for alternative in alternatives:
        if isinstance(alternative, tuple):
            source, given = alternative
            sources.append(source)
            declared.append(frozenset([given] if isinstance(given, str) else given))
        else:
            sources.append(alternative)
            declared.append(None)
    joined = "|".join(f"(?:{a})" for a in sources)
    return cast("re.Pattern[str]", LazyPattern(joined, flags, sources, declared))


# --- Patterns, plans and the shared automaton -----------------------------------------------------


class Plan:
    """How to find the first match of a pattern in each sentence of a card, searching few of them.

    The pattern is split into its alternatives (one, when it did not come from a list of
    alternatives and has no top-level ``|``), each with its keywords (declared or read off its
    source) or none (confirmed in every sentence). Alternatives are compiled on first use.
    """

    __slots__ = ("pattern", "flags", "sources", "keywords", "always", "_compiled", "_ids", "_finder")

    def __init__(self, pattern: Any) -> None:
        self.pattern = pattern
        self.flags: int = pattern.flags
        source = pattern.pattern if isinstance(pattern.pattern, str) else ""
        declared: Sequence[Keywords] = getattr(pattern, "keywords", ()) or ()
        alternatives = tuple(getattr(pattern, "alternatives", ()) or ()) or top_level_alternatives(source)
        self.sources: tuple[str, ...] = alternatives or (source,)
        keywords: list[Keywords] = []
        for i, alternative in enumerate(self.sources):
            given = declared[i] if i < len(declared) else None
            keywords.append(_folded(given) if given else keywords_of(alternative, self.flags))
        self.keywords: tuple[Keywords, ...] = tuple(keywords)
        self.always = sum(1 << i for i, k in enumerate(self.keywords) if k is None)
        self._compiled: list[Optional[re.Pattern[str]]] = [None] * len(self.sources)
        self._ids: Optional[list[tuple[int, ...]]] = None
        self._finder: Any = None  # an automaton over all its keywords, for may_match

    def alternative(self, i: int) -> "re.Pattern[str]":
        """Alternative ``i`` compiled on its own (the whole pattern when it has a single one)."""
        found = self._compiled[i]
        if found is None:
            if len(self.sources) == 1:
                found = self.pattern if isinstance(self.pattern, re.Pattern) else re.compile(self.sources[0], self.flags)
            else:
                found = re.compile(f"(?:{self.sources[i]})", self.flags)
            self._compiled[i] = found
        return found

    def search(self, text: str, mask: int) -> "Optional[re.Match[str]]":
        """The leftmost match in ``text`` among the alternatives in ``mask``; where several start at the
        same place, the first alternative's, as the whole pattern's alternation would choose."""
        best = None
        compiled, alternative = self._compiled, self.alternative
        while mask:
            low = mask & -mask  # the lowest alternative left
            i = low.bit_length() - 1
            m = (compiled[i] or alternative(i)).search(text)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
            mask ^= low
        return best

    def candidates(self, index: "TextIndex") -> "dict[int, int] | array[int] | list[int]":
        """Text number → mask of the alternatives whose keywords that text holds (or that have none).

        When many texts are candidates, an array of one mask per text (0: not a candidate): as many
        bytes a text as the alternatives need (1 for up to 8), where a dict would take about a hundred
        per candidate and a list 8, and an int object for every mask above 256. A list only for a
        pattern of more than 64 alternatives.
        """
        found = [(1 << i, index.texts_with(kid)) for i, keyword_ids in enumerate(self._keyword_ids()) for kid in keyword_ids]
        if self.always or sum(len(texts) for _, texts in found) * 12 > index.count:
            code = next((code for code in "BHIQ" if array(code).itemsize * 8 >= len(self.keywords)), None)
            dense = [self.always] * index.count if code is None else array(code, (self.always,)) * index.count
            for bit, texts in found:
                for k in texts:
                    dense[k] |= bit
            return dense
        masks: dict[int, int] = {}
        for bit, texts in found:
            for k in texts:
                masks[k] = masks.get(k, 0) | bit
        return masks

    def _keyword_ids(self) -> list[tuple[int, ...]]:
        if self._ids is None:
            self._ids = [tuple(_KEYWORDS.id(k) for k in sorted(keywords)) if keywords else () for keywords in self.keywords]
        return self._ids

    def first_matches(self, index: "TextIndex", texts: Sequence[str]) -> list[tuple[int, int, str]]:
        """(text index, start, matched text) of the first match in each of ``texts`` (indexed by ``index``)."""
        return [(k, start, texts[k][start:end]) for k, start, end in self.each_first_match(index, texts)]

    def each_first_match(self, index: "TextIndex", texts: Sequence[str]) -> Iterator[tuple[int, int, int]]:
        """(text index, start, end) of the first match in each of ``texts``, one at a time: a caller that
        keeps them as integers never holds a tuple and a matched string per match (a long code block
        has several matches a line)."""
        masks = self.candidates(index)
        search, alternative, compiled = self.search, self.alternative, self._compiled
        candidates: Iterator[tuple[int, str, int]]
        if not isinstance(masks, dict) and len(masks) - masks.count(0) > len(masks) // 4:  # many: read the texts in order
            candidates = ((k, text, mask) for k, (mask, text) in enumerate(zip(masks, texts)) if mask)
        else:
            items = sorted(masks.items()) if isinstance(masks, dict) else enumerate(masks)
            candidates = ((k, texts[k], mask) for k, mask in items if mask)
        for k, text, mask in candidates:
            if mask & (mask - 1):  # several alternatives
                found = search(text, mask)
            else:  # one: searched directly
                i = mask.bit_length() - 1
                found = (compiled[i] or alternative(i)).search(text)
            if found is not None:
                yield k, found.start(), found.end()

    def may_match(self, folded: str) -> bool:
        """False only when no alternative can match a text whose :func:`fold` is ``folded``."""
        if self.always:
            return True
        finder = self._finder
        if finder is None:
            finder = self._finder = _automaton({k for keywords in self.keywords for k in keywords or ()})
        return next(finder.iter(folded), None) is not None


class _KeywordTable:
    """Every keyword of every plan made so far, numbered, and the automata that find them.

    A plan's keywords are numbered when the plan is made (the first time a card needs its pattern).
    Keywords numbered since the last automaton get a small automaton of their own (a *segment*);
    when a new card is indexed, the segments are merged into one automaton over all keywords, so
    once the rules' patterns have all been used, every card is read in one pass.
    """

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.segments: list[tuple[int, int, Any]] = []  # (first keyword number, end, automaton)

    def id(self, keyword: str) -> int:
        found = self.ids.get(keyword)
        if found is None:
            found = self.ids[keyword] = len(self.ids)
        return found

    @property
    def covered(self) -> int:
        return self.segments[-1][1] if self.segments else 0

    def extend(self) -> None:
        """Give the keywords numbered since the last automaton one of their own."""
        start, end = self.covered, len(self.ids)
        if end > start:
            self.segments.append((start, end, self._automaton(start, end)))

    def merge(self) -> None:
        """One automaton over every keyword (a no-op when there is one already)."""
        if len(self.segments) > 1 or self.covered < len(self.ids):
            self.segments = [(0, len(self.ids), self._automaton(0, len(self.ids)))]

    def _automaton(self, start: int, end: int) -> Any:
        return _automaton({keyword: kid for keyword, kid in self.ids.items() if start <= kid < end})


def _automaton(words: "Iterable[str] | dict[str, int]") -> Any:
    """An Aho–Corasick automaton over non-empty ``words`` (a dict: each word's value; else the word)."""
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, words[word] if isinstance(words, dict) else word)
    automaton.make_automaton()
    return automaton


_KEYWORDS = _KeywordTable()


#: pattern → its :class:`Plan`. A cache: results never depend on it.
_PLANS: dict[Any, Plan] = {}


def plan(pattern: Any) -> Plan:
    found = _PLANS.get(pattern)
    if found is None:
        found = _PLANS[pattern] = Plan(pattern)
    return found


def may_match(pattern: Any, text: str, folded: Optional[str] = None) -> bool:
    """False only when ``pattern`` cannot match anywhere in ``text`` (``folded``: ``fold(text)``, if known)."""
    return plan(pattern).may_match(fold(text) if folded is None else folded)


#: Characters of a long text read at a time by :func:`may_match_any` (then up to the end of the line).
LINES_PIECE = 8192


def may_match_any(patterns: Sequence[Any], text: str, prepare: Callable[[str], str]) -> bool:
    """``any(may_match(p, prepare(text)) for p in patterns)``, for a long text read a few thousand lines at a time.

    ``prepare`` must change each line on its own (a replacement that never spans a newline); a
    keyword without a newline lies within one line, and :func:`fold` folds a line alike inside or
    outside a longer text. So neither a prepared and folded copy of the whole text nor the
    automaton's own copy of it (4 bytes a character) is held at once.
    """
    plans = [plan(pattern) for pattern in patterns]
    if any("\n" in k for p in plans for keywords in p.keywords for k in keywords or ()):
        prepared = prepare(text)
        folded = fold(prepared)
        return any(p.may_match(folded) for p in plans)
    start = 0
    while True:
        end = text.find("\n", start + LINES_PIECE) + 1 or len(text)
        folded = fold(prepare(text[start:end]))
        if any(p.may_match(folded) for p in plans):
            return True
        if end >= len(text):
            return False
        start = end


_NO_TEXTS: tuple[int, ...] = ()


class TextIndex:
    """Many texts folded once, with the keywords each of them holds (one automaton pass over each text).

    The texts are searched one by one rather than joined into one string: joining would hold a second
    copy of every folded text, and the offset of each keyword found would have to be mapped back to
    its text. Keywords never span two texts either way.
    """

    def __init__(self, texts: Sequence[str], *, folded: bool = False) -> None:
        """``folded=True``: the texts are already folded with :func:`fold` (they are kept, not copied)."""
        self.count = len(texts)
        self._folded: Sequence[str] = texts if folded else [fold(text) for text in texts]
        self._texts_by_keyword: dict[int, "array[int]"] = {}  # 2 or 4 bytes a text, not a list of int objects
        self._typecode = "H" if self.count <= 2**16 else "I"
        self._covered = 0  # keywords numbered below this have been looked for

    def texts_with(self, keyword_id: int) -> Sequence[int]:
        """Numbers, in order, of the texts that contain keyword ``keyword_id``."""
        if keyword_id >= self._covered:
            self._scan()
        return self._texts_by_keyword.get(keyword_id, _NO_TEXTS)

    def _scan(self) -> None:
        """Look for the keywords not looked for yet: one pass per automaton that holds some of them."""
        if self._covered == 0:
            _KEYWORDS.merge()
        _KEYWORDS.extend()
        covered, by_keyword, typecode = self._covered, self._texts_by_keyword, self._typecode
        for _first, end, automaton in _KEYWORDS.segments:
            if end <= covered:
                continue
            find = automaton.iter
            for k, text in enumerate(self._folded):
                for _at, kid in find(text):
                    if kid < covered:
                        continue
                    texts = by_keyword.get(kid)
                    if texts is None:
                        by_keyword[kid] = array(typecode, (k,))
                    elif texts[-1] != k:
                        texts.append(k)
        self._covered = _KEYWORDS.covered


__all__ = ["LazyPattern", "any_of", "lazy", "Plan", "TextIndex", "fold", "keywords_of", "may_match", "may_match_any", "plan", "top_level_alternatives"]
