"""Quick-reject for evidence patterns: literal *needles* that every match of a pattern must contain.

Matching dozens of case-insensitive alternations against every sentence of a card is the linter's
main cost: Python's ``re`` tries every alternative at every position. Most sentences cannot match a
given pattern at all, and a plain substring search proves it far faster. :func:`needles` reads a
compiled pattern's syntax tree once and returns a set of strings such that *every* match contains at
least one of them (compared case-folded); a text that contains none of them is skipped without
running the regular expression. The derivation is conservative: a construct it does not understand
yields no needles, and the pattern is then searched everywhere as before, so verdicts never change.

:class:`TextIndex` holds many texts (all sentences of a card) folded and joined once.
:class:`Plan` finds a pattern's first match in each of them: the pattern is split into its
alternatives, one pass of a trie-shaped finder over the joined text tells which alternatives' needles
each text holds, and only those alternatives are searched there (alternatives without needles only
in texts with the digits or punctuation they need). Needles, alternatives and plans are derived once
per machine and kept in the compiled-pattern cache (:mod:`repro_lint.regex_cache`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any, Iterable, Optional, Sequence

from . import regex_cache

try:  # Python 3.11+
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_parse as _sre_parse  # type: ignore[no-redef]

#: Characters that ``re.IGNORECASE`` equates with an ASCII letter but ``str.lower()`` does not map to it.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})

#: Bounds on the derivation: variants of one literal run, needles of one pattern.
_MAX_VARIANTS = 64
_MAX_NEEDLES = 256

#: Joins texts in a :class:`TextIndex`; input text never contains NUL (binary files are refused).
_SEPARATOR = "\x00"

#: ASCII characters too frequent in prose to be selective on their own.
_COMMON = frozenset(" \t\n.,;:-_'\"/()")

_ZERO_WIDTH = {"AT", "ASSERT", "ASSERT_NOT"}
_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}


def fold(text: str) -> str:
    """Case-fold ``text`` so that a needle found in it is found whatever the case of the original."""
    if text.isascii():
        return text.lower()
    if "\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text:  # rare: translate is slow
        text = text.translate(_FOLD)
    return text.lower()


def _usable_char(c: str) -> bool:
    """A needle character whose case-insensitive matches all fold to the same character."""
    if c == _SEPARATOR:
        return False
    return c.isascii() or (c.lower() == c and c.upper() == c)


def _op(item: Any) -> str:
    op = item[0]
    return getattr(op, "name", str(op))


def _finite(item: Any) -> Optional[set[str]]:
    """Every string the item can match, when that is a small set of literal strings; else None."""
    name, av = _op(item), item[1]
    if name == "LITERAL":
        c = chr(av)
        return {c} if _usable_char(c) else None
    if name in _ZERO_WIDTH:
        return {""}
    if name == "IN":
        chars: set[str] = set()
        for sub in av:
            if _op(sub) != "LITERAL" or not _usable_char(chr(sub[1])):
                return None
            chars.add(chr(sub[1]))
        return chars
    if name == "SUBPATTERN":
        return _finite_seq(av[-1])
    if name == "BRANCH":
        out: set[str] = set()
        for alternative in av[1]:
            variants = _finite_seq(alternative)
            if variants is None:
                return None
            out |= variants
        return out if len(out) <= _MAX_VARIANTS else None
    if name in _REPEATS and av[1] == 1:
        body = _finite_seq(av[2])
        if body is None:
            return None
        return body | {""} if av[0] == 0 else body
    return None


def _finite_seq(seq: Any) -> Optional[set[str]]:
    variants = {""}
    for item in seq:
        part = _finite(item)
        if part is None or len(variants) * len(part) > _MAX_VARIANTS:
            return None
        variants = {a + b for a in variants for b in part}
    return variants


def _required(item: Any) -> Optional[frozenset[str]]:
    """Needles for an item that is not a finite literal (a group, an alternation, a repeat)."""
    name, av = _op(item), item[1]
    if name in ("SUBPATTERN", "ATOMIC_GROUP"):
        return _required_seq(av[-1] if name == "SUBPATTERN" else av)
    if name == "BRANCH":
        out: set[str] = set()
        for alternative in av[1]:
            needles = _required_seq(alternative)
            if needles is None:
                return None
            out |= needles
        kept = _minimal(out)
        return kept if len(kept) <= _MAX_NEEDLES else None
    if name in _REPEATS and av[0] >= 1:
        return _required_seq(av[2])
    return None


def _prefixes(item: Any) -> Optional[set[str]]:
    """Strings one of which starts every match of a non-finite item (``e(?:xact match|m\\b.*)`` → ``xact match``, ``m``)."""
    name, av = _op(item), item[1]
    if name in ("SUBPATTERN", "ATOMIC_GROUP"):
        return _prefixes_seq(av[-1] if name == "SUBPATTERN" else av)
    if name == "BRANCH":
        out: set[str] = set()
        for alternative in av[1]:
            starts = _prefixes_seq(alternative)
            if starts is None:
                return None
            out |= starts
        return out if len(out) <= _MAX_VARIANTS else None
    if name in _REPEATS and av[0] >= 1:
        return _prefixes_seq(av[2])
    return None


def _prefixes_seq(seq: Any) -> Optional[set[str]]:
    variants = {""}
    for item in seq:
        part = _finite(item)
        if part is None:
            part = _prefixes(item)
            if part is not None and len(variants) * len(part) <= _MAX_VARIANTS:
                variants = {a + b for a in variants for b in part}
            break
        if len(variants) * len(part) > _MAX_VARIANTS:
            break
        variants = {a + b for a in variants for b in part}
    return None if "" in variants else variants


def _weight(c: str) -> int:
    """How selective a needle character is: a CJK character or a rare symbol counts for more than a letter."""
    if not c.isascii():
        return 3
    return 1 if c.isalnum() or c in _COMMON else 2


def _score(needles: frozenset[str]) -> tuple[int, int]:
    """Longer needles are rarer; prefer the set whose shortest needle is most selective, then fewer needles."""
    shortest = min(sum(_weight(c) for c in n) for n in needles)
    return shortest, -len(needles)


def _minimal(needles: Iterable[str]) -> frozenset[str]:
    """Drop needles that contain another needle: finding the shorter one is enough."""
    ordered = sorted(set(needles), key=len)
    kept: list[str] = []
    for n in ordered:
        if not any(k in n for k in kept):
            kept.append(n)
    return frozenset(kept)


def _usable(needles: Optional[Iterable[str]]) -> Optional[frozenset[str]]:
    if needles is None:
        return None
    folded = _minimal(fold(n) for n in needles)
    if not folded or _score(folded)[0] < 2:
        return None
    return folded


def _required_seq(seq: Any) -> Optional[frozenset[str]]:
    """The best needle set of a sequence: one of its literal runs or one of its required items."""
    candidates: list[frozenset[str]] = []
    run = {""}

    def close() -> None:
        usable = _usable(run)
        if usable is not None:
            candidates.append(usable)

    for item in seq:
        part = _finite(item)
        if part is not None and len(run) * len(part) <= _MAX_VARIANTS:
            run = {a + b for a in run for b in part}
            continue
        if part is None and run != {""}:
            starts = _prefixes(item)  # the run and the start of what follows it: "e" + "xact match" / "m"
            if starts is not None and len(run) * len(starts) <= _MAX_VARIANTS:
                usable = _usable({a + b for a in run for b in starts})
                if usable is not None:
                    candidates.append(usable)
        close()
        if part is not None:
            run = part
            continue
        run = {""}
        usable = _usable(_required(item))
        if usable is not None:
            candidates.append(usable)
    close()
    return max(candidates, key=_score) if candidates else None


def needles(pattern: "re.Pattern[str]") -> Optional[frozenset[str]]:
    """Folded strings of which every match of ``pattern`` contains one; None when none can be derived."""
    return _cached_needles(pattern.pattern, pattern.flags)


def _cached_needles(source: Any, flags: int) -> Optional[frozenset[str]]:
    """:func:`_needles_of`, stored in the compiled-pattern cache (derived once per machine, not per run)."""
    if not isinstance(source, str):
        return None
    return regex_cache.active().derived("needles", source, flags, lambda: _needles_of(source, flags), _valid_needles)  # type: ignore[no-any-return]


def _valid_needles(value: Any) -> bool:
    return value is None or (isinstance(value, frozenset) and all(isinstance(n, str) and n for n in value))


def _valid_alternatives(value: Any) -> bool:
    return isinstance(value, tuple) and all(isinstance(a, str) for a in value)


def _valid_plan(value: Any) -> bool:
    count, always, masks, finder, gates = value
    return (
        isinstance(count, int) and count >= 1 and isinstance(always, int) and isinstance(finder, str)
        and isinstance(masks, dict) and all(isinstance(n, str) and n and isinstance(m, int) for n, m in masks.items())
        and isinstance(gates, dict) and all(isinstance(i, int) and _valid_alternatives(g) for i, g in gates.items())
    )


def _needles_of(source: Any, flags: int) -> Optional[frozenset[str]]:
    if not isinstance(source, str):
        return None
    try:
        tree = _sre_parse.parse(source, flags)
        return _required_seq(tree)
    except Exception:  # an unfamiliar syntax tree: no quick-reject, the pattern is always searched
        return None


def may_match(pattern: "re.Pattern[str]", text: str, folded: Optional[str] = None) -> bool:
    """False only when ``pattern`` cannot match anywhere in ``text`` (``folded``: ``fold(text)``, if known).

    One pass of the pattern's needle finder (see :class:`Plan`); a pattern with an alternative that has
    no needles may match anywhere.
    """
    found = plan(pattern)
    if found.always or found.finder is None:
        return True
    return found.finder.search(fold(text) if folded is None else folded) is not None


class Plan:
    """How to find the first match of a pattern in each of many texts, searching few of them.

    The pattern is split into its alternatives (one, when it did not come from a list of
    alternatives). Each alternative has a needle set, or none (it is tried everywhere). One pass of
    the needle finder over the joined, folded texts tells, for each text, which alternatives' needles
    it contains; the text is then searched with those alternatives only, in their original order,
    which gives the same leftmost match as the whole pattern: the leftmost of their matches, the
    first alternative's where several start at the same place. Compiled alternatives are few and
    bounded (unlike every combination of them), so they are what the compiled-pattern cache keeps.
    """

    __slots__ = ("pattern", "alternatives", "flags", "finder", "always", "full", "masks", "gates", "_compiled")

    def __init__(self, pattern: Any) -> None:
        self.pattern = pattern
        self.flags = pattern.flags
        source = pattern.pattern if isinstance(pattern.pattern, str) else ""
        self.alternatives: tuple[str, ...] = tuple(getattr(pattern, "alternatives", ()) or ()) or regex_cache.active().derived(
            "alternatives", source, self.flags, lambda: top_level_alternatives(source, self.flags), _valid_alternatives
        )
        count, self.always, self.masks, finder, self.gates = regex_cache.active().derived(
            "plan of alternatives" if self.alternatives else "plan", source, self.flags, lambda: _plan_data(self.alternatives, pattern), _valid_plan
        )
        if count != max(len(self.alternatives), 1):  # a stored plan of another shape: make it again
            count, self.always, self.masks, finder, self.gates = _plan_data(self.alternatives, pattern)
        self.full = (1 << count) - 1
        self.finder = regex_cache.compile(finder) if finder else None
        self._compiled: list[Any] = [None] * count

    def alternative(self, i: int) -> Any:
        """Alternative ``i`` compiled on its own (the whole pattern when it has a single one)."""
        found = self._compiled[i]
        if found is None:
            found = self._compiled[i] = regex_cache.compile(f"(?:{self.alternatives[i]})", self.flags) if self.alternatives else self.pattern
        return found

    def search(self, text: str, mask: int) -> Any:
        """The leftmost match in ``text`` among the alternatives in ``mask``; where several start at the
        same place, the first alternative's, as the whole pattern's alternation would choose."""
        best = None
        i = 0
        while mask:
            if mask & 1:
                m = self.alternative(i).search(text)
                if m is not None and (best is None or m.start() < best.start()):
                    best = m
            mask >>= 1
            i += 1
        return best

    def first_matches(self, index: "TextIndex", texts: Sequence[str]) -> list[tuple[int, int, str]]:
        """(text index, start, matched text) of the first match in each of ``texts`` (indexed by ``index``)."""
        folded, starts, count = index._folded, index._starts, index._count
        masks: dict[int, int] = {}
        if self.always:
            gated = 0
            for i, classes in self.gates.items():
                gated |= 1 << i
                for k in index.having(classes):
                    masks[k] = masks.get(k, 0) | 1 << i
            ungated = self.always & ~gated
            if ungated:
                for k in range(count):
                    masks[k] = masks.get(k, 0) | ungated
        finder, own = self.finder, self.masks
        if finder is not None:
            single = self.full == 1
            m = finder.search(folded)
            while m is not None:
                at = m.start()
                k = bisect_right(starts, at) - 1
                masks[k] = masks.get(k, 0) | own[m.group(0)]
                if single:  # one alternative: the text is a candidate, go on with the next one
                    m = finder.search(folded, starts[k + 1]) if k + 1 < count else None
                else:  # every needle start counts, also inside another needle
                    m = finder.search(folded, at + 1)
        hits: list[tuple[int, int, str]] = []
        search = self.search
        for k in sorted(masks):
            found = search(texts[k], masks[k])
            if found is not None:
                hits.append((k, found.start(), found.group(0)))
        return hits


def top_level_alternatives(source: str, flags: int = 0) -> tuple[str, ...]:
    """The alternatives of a pattern written ``A|B|C`` at its top level (empty when it is not one).

    ``a(?:b|c)|[|]d`` → ``("a(?:b|c)", "[|]d")``. The split is checked against the parser's own
    reading (the same number of top-level branches), and a pattern with global inline flags is not
    split, so every alternative compiled on its own means what it meant inside the whole.
    """
    if "|" not in source or re.match(r"\(\?[aiLmsux]+\)", source):
        return ()
    parts: list[str] = []
    depth, start, i, in_class = 0, 0, 0, False
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            if c == "]" and not (source[i - 1] == "[" or source[i - 2 : i] == "[^"):
                in_class = False
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    parts.append(source[start:])
    if len(parts) < 2:
        return ()
    try:
        tree = _sre_parse.parse(source, flags)
        branch = list(tree)
        if len(branch) != 1 or _op(branch[0]) != "BRANCH" or len(branch[0][1][1]) != len(parts):
            return ()
    except Exception:
        return ()
    return tuple(parts)


def _plan_data(alternatives: Sequence[str], pattern: Any) -> tuple[int, int, dict[str, int], str, dict[int, tuple[str, ...]]]:
    """(number of alternatives, mask of those without needles, needle → mask, finder source, gates) of a :class:`Plan`.

    ``gates`` maps an alternative without needles to the character classes every one of its matches
    contains (``\\d``, ``\\(``): only the texts with all of them are searched.
    """
    flags = pattern.flags
    sources = [f"(?:{a})" for a in alternatives] if alternatives else [pattern.pattern]
    parts = [_cached_needles(f"(?:{a})", flags) for a in alternatives] if alternatives else [needles(pattern)]
    always = sum(1 << i for i, required in enumerate(parts) if required is None)
    gates = {i: _required_classes(sources[i], flags) for i, required in enumerate(parts) if required is None}
    own: dict[str, int] = {}
    for i, required in enumerate(parts):
        for n in required or ():
            own[n] = own.get(n, 0) | (1 << i)
    # At one position the finder reports the longest needle only: the needles that are its prefixes are present too.
    masks = {n: m | _prefix_masks(n, own) for n, m in own.items()}
    return len(parts), always, masks, trie_pattern(own) if own else "", {i: g for i, g in gates.items() if g}


def _required_classes(source: Any, flags: int) -> tuple[str, ...]:
    """Character classes (as regular expressions) of which every match of ``source`` contains a character.

    Only characters that case folding leaves alone count: digits and punctuation, not letters.
    """
    if not isinstance(source, str):
        return ()
    try:
        tree = _sre_parse.parse(source, flags)
    except Exception:
        return ()
    found: list[str] = []

    def single(item: Any) -> Optional[str]:
        name, av = _op(item), item[1]
        if name == "LITERAL":
            c = chr(av)
            return re.escape(c) if not c.isalpha() and _usable_char(c) and c not in " \t\n" else None
        if name == "IN":
            parts = []
            for sub in av:
                sub_name = _op(sub)
                if sub_name == "LITERAL" and not chr(sub[1]).isalpha() and _usable_char(chr(sub[1])):
                    parts.append(re.escape(chr(sub[1])))
                elif sub_name == "CATEGORY" and str(sub[1]).endswith("CATEGORY_DIGIT"):
                    parts.append("\\d")
                else:
                    return None
            return parts[0] if len(parts) == 1 else "[" + "".join(parts) + "]"
        return None

    def walk(seq: Any) -> None:
        for item in seq:
            name, av = _op(item), item[1]
            cls = single(item)
            if cls is not None:
                found.append(cls)
            elif name in ("SUBPATTERN", "ATOMIC_GROUP"):
                walk(av[-1] if name == "SUBPATTERN" else av)
            elif name in _REPEATS and av[0] >= 1:
                walk(av[2])

    walk(tree)
    return tuple(dict.fromkeys(found))


def trie_pattern(strings: Iterable[str]) -> str:
    """A regular expression that matches any of ``strings``, the longest one where several start.

    Written as a trie (``l(?:earning rate|r)``) rather than a flat alternation: ``re`` then tests one
    character per branch point instead of every string at every position, several times faster for
    the hundreds of needles of a large pattern.
    """
    root: dict[str, Any] = {}
    for s in strings:
        node = root
        for c in s:
            node = node.setdefault(c, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(c) + build(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:  # a needle ends here and longer ones go on: try the longer ones first (greedy)
            body = f"(?:{body})?" if len(branches) > 1 or len(branches[0]) > 1 else body + "?"
        return body

    return build(root)


def _prefix_masks(needle: str, own: dict[str, int]) -> int:
    mask = 0
    for i in range(1, len(needle)):
        mask |= own.get(needle[:i], 0)
    return mask


#: pattern → its :class:`Plan`. A cache: results never depend on it.
_PLANS: dict[Any, Plan] = {}


def plan(pattern: Any) -> Plan:
    found = _PLANS.get(pattern)
    if found is None:
        found = _PLANS[pattern] = Plan(pattern)
    return found


class TextIndex:
    """Many texts folded and joined once, to find which of them may match a pattern."""

    def __init__(self, texts: Sequence[str], *, folded: bool = False) -> None:
        """``folded=True``: the texts are already folded with :func:`fold`."""
        self._count = len(texts)
        self._starts: list[int] = []
        position = 0
        parts = []
        for text in texts:
            part = text if folded else fold(text)
            self._starts.append(position)
            parts.append(part)
            position += len(part) + 1
        self._folded = _SEPARATOR.join(parts)
        self._with_class: dict[str, list[int]] = {}

    def having(self, classes: Sequence[str]) -> list[int]:
        """Indices, in order, of the texts that contain a character of every one of ``classes``."""
        found: Optional[set[int]] = None
        for cls in classes:
            units = self._with_class.get(cls)
            if units is None:
                units = self._with_class[cls] = self._texts_matching(regex_cache.compile(cls))
            found = set(units) if found is None else found & set(units)
        return sorted(found) if found is not None else list(range(self._count))

    def _texts_matching(self, pattern: "re.Pattern[str]") -> list[int]:
        folded, starts, count = self._folded, self._starts, self._count
        found: list[int] = []
        m = pattern.search(folded)
        while m is not None:
            k = bisect_right(starts, m.start()) - 1
            found.append(k)
            m = pattern.search(folded, starts[k + 1]) if k + 1 < count else None
        return found
