"""RL7xx release claims: does the card say what the release's own files show?

What it checks
  Only when a release is linted (a local release folder or a Hub model), never on a card alone.
  Each finding quotes the card and the file it disagrees with:
  - RL701 parameter count in the card ("7B parameters") against the weights' parameter count
    (safetensors headers or the Hub's count); rounding is tolerated ("7B" for 6.74 B is consistent,
    "7B" for 13 B is not);
  - RL702 layers, hidden size or context length in the card against ``config.json``;
  - RL703 licence: the front matter against the Hub's licence tag and the ``LICENSE`` file;
  - RL704 "the weights are available" while the release holds no weight file;
  - RL705 "open source" / "open weights" while downloads are gated with manual approval;
  - RL706 ``base_model`` in the front matter against ``adapter_config.json``'s base model.
  These findings do not change the five-criterion score.

Why it matters
  Openness is a property of the release, not of its description. A card that overstates the
  release (another size, another licence, weights that are not there) misleads whoever builds on it.

Example
  Card: "Acme-7B has 7 billion parameters."   model.safetensors header: 13.0 B parameters  → RL701

Fix
  Correct the card (or the release) so that both say the same; quote the config's values.
"""

from __future__ import annotations

import re
from typing import Any, Iterator, Optional

from repro_lint.evidence import PLACEHOLDER, WITHHELD, any_of, release_of
from repro_lint.kit import verdict_rule
from repro_lint.results import Code, Finding, Level, Severity, Verdict

PARAMETERS = Code(
    "RL701", "parameter-count-mismatch", "The card's parameter count disagrees with the weights.", Severity.WARNING
)
ARCHITECTURE = Code(
    "RL702",
    "architecture-mismatch",
    "The card's layers, hidden size or context length disagree with config.json.",
    Severity.WARNING,
)
LICENSE = Code(
    "RL703",
    "license-mismatch",
    "The licence in the front matter, the Hub tag and the LICENSE file disagree.",
    Severity.WARNING,
)
NO_WEIGHTS = Code(
    "RL704",
    "weights-claimed-missing",
    "The card says the weights are available, but the release holds no weight file.",
    Severity.ERROR,
)
GATED = Code(
    "RL705", "open-claim-gated", "The card claims openness, but downloads need manual approval.", Severity.WARNING
)
BASE_MODEL = Code(
    "RL706",
    "base-model-mismatch",
    "The front matter's base_model disagrees with adapter_config.json.",
    Severity.WARNING,
)
CODES = (PARAMETERS, ARCHITECTURE, LICENSE, NO_WEIGHTS, GATED, BASE_MODEL)

NUM = r"(\d{1,4}(?:[.,]\d{1,3})?)"
UNIT = r"(B|M|K|T|billion|million|thousand|trillion)"
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "b": 1e9, "billion": 1e9, "t": 1e12, "trillion": 1e12}

#: "7B parameters", "7 billion parameters", "1.3B-parameter", "Parameters: 7B", "| Params | 7B |".
#: (Compiled on first use, i.e. only when a release is linted.)
PARAMETER_CLAIM = any_of(
    # "400B parameters": a size with its unit, captured (api-only.md)
    rf"(?<![\w.]){NUM}\s?{UNIT}\b[\s-]{{0,2}}(?:total\s+|active\s+)?(?:parameters?|params)\b",
    # "Parameters: 1.1B": a parameter count key, captured (phrases/release-claims-numbers.md)
    rf"\b(?:parameters?|params|#\s?params|parameter count)\b\s*(?:\(\w+\))?\s*[:=|]\s*(?:\|\s*)?~?{NUM}\s?{UNIT}\b",
)
LAYERS_CLAIM = any_of(
    # "40 layers": a number of layers, captured (architecture/absent-sizes-only-in-news.md)
    r"(?<![\w.])(\d{1,4})\s+(?:transformer\s+|hidden\s+|decoder\s+)?(?:layers|blocks)\b",
    # "Layers | 24": a layers key, captured (extras/open-full.md)
    r"\b(?:num(?:ber)?[_ ]of[_ ])?(?:hidden[_ ])?layers\b\s*[:=|]\s*(?:\|\s*)?(\d{1,4})\b",
)
HIDDEN_CLAIM = any_of(
    # "Hidden size | 2048": a width key, captured (extras/open-full.md)
    r"\b(?:hidden|model|embedding)[_ ](?:size|dim(?:ension)?)\b\s*(?:of\s+|[:=|]\s*(?:\|\s*)?)(\d{2,6})\b",
    # "d_model: 2048": the d_model key, captured (architecture/complete-config-block.md)
    r"\bd_?model\s*[:=|]\s*(\d{2,6})\b",
)
CONTEXT_CLAIM = any_of(
    # "32K context": a context length, captured (architecture/absent-sizes-only-in-news.md)
    r"(?<![\w.])(\d{1,7})\s?([kK])?[- ](?:tokens?[- ])?(?:context|context[- ]window|context[- ]length)\b",
    # "Context length: 8K": a context length key, captured (architecture/partial-model-size-is-not-a-dimension.md)
    r"\b(?:context|sequence)[_ ](?:length|window|size)\b\s*(?:of\s+(?:up\s+to\s+)?|[:="
    r"|]\s*(?:\|\s*)?(?:up\s+to\s+)?)(\d{1,7})\s?([kK])?\b",
)
WEIGHTS_CLAIM = any_of(
    # "weights are released": weights said available (extras/open-full.md)
    r"\b(?:model\s+)?(?:weights|checkpoints?)\b[^.\n]{0,30}\b(?:are|is)\s+(?:now\s+|publicly\s+"
    r"|freely\s+)?(?:available|released|downloadable|provided)\b",
    r"\b(?:we|this repository)\s+(?:publicly\s+)?(?:release|provide|publish)s?\b[^.\n]{0,30}\b(?:weights"
    r"|checkpoints?)\b",  # "We provide the checkpoints": we release the weights (phrases/weights-downloads.md)
    # "Download the weights": download the weights (weights/complete-unreadable-front-matter.md)
    r"\bdownload (?:the )?(?:model )?weights\b",
)
OPEN_CLAIM = any_of(
    r"\bopen[- ]source(?:d)?\b",  # "open-source": open source (extras/api-only-openwashing.md)
    r"\bopen[- ]weights?\b",  # "open-weights": open weights (phrases/weights-downloads.md)
    r"\bfully open\b",  # "fully open-source": fully open (extras/api-only-openwashing.md)
    r"\bopenly (?:available|released)\b",  # "openly available": openly available (phrases/release-claims-numbers.md)
    r"\bfreely available\b",  # "freely available": freely available (phrases/release-claims-numbers.md)
)


def _blocks(card: Any) -> Iterator[tuple[int, str]]:
    """(line, text) of every line of the card's prose and tables (not code, not front matter, not placeholders)."""
    for block in card.blocks:
        if block.kind in ("code", "front_matter", "html"):
            continue
        offset = 0
        for piece in block.text.split("\n"):
            if piece.strip() and not PLACEHOLDER.fullmatch(piece.strip()):
                yield block.line_at(offset), piece
            offset += len(piece) + 1


def _claims(card: Any, pattern: "re.Pattern[str]") -> list[tuple[int, str, "re.Match[str]"]]:
    out = []
    for line, text in _blocks(card):
        if WITHHELD.search(text):
            continue
        for m in pattern.finditer(text):
            out.append((line, text.strip(), m))
    return out


def _quote(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _finding(code: Code, message: str, line: int, related: tuple[tuple[str, int], ...] = ()) -> Finding:
    return Finding(code.code, code.slug, message, line, 1, code.severity, rule="release_claims", related=related)


def _number(value: str) -> float:
    return float(value.replace(",", "."))


def _parameters(card: Any, release: Any) -> list[Finding]:
    fact = release.parameter_count
    if fact is None or not fact.value:
        return []
    actual = float(fact.value)
    claims = []
    for line, text, m in _claims(card, PARAMETER_CLAIM):
        number, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        claims.append((line, text, _number(number) * _SCALE[unit.lower()]))
    if not claims or any(0.7 <= actual / claimed <= 1.35 for _, _, claimed in claims if claimed):
        return []
    line, text, claimed = claims[0]
    where = release.path(fact.file)
    return [
        _finding(
            PARAMETERS,
            f'The card says "{_quote(text)}" (line {line}), but the weights hold {fact.quote}, read from {where}.',
            line,
            ((where, fact.line),),
        )
    ]


def _config_mismatch(card: Any, release: Any, element: str, pattern: "re.Pattern[str]", label: str) -> list[Finding]:
    fact = release.architecture.get(element)
    if fact is None or not isinstance(fact.value, int):
        return []
    claims = []
    for line, text, m in _claims(card, pattern):
        groups = [g for g in m.groups()]
        value = next((g for g in groups if g and g.isdigit()), None)
        if value is None:
            continue
        number = int(value)
        if element == "context length":
            k = any(g and g.lower() == "k" for g in groups)
            low, high = (number * 1000, number * 1024) if k else (number, number)
            claims.append((line, text, low, high))
        else:
            claims.append((line, text, number, number))
    if not claims:
        return []
    actual = fact.value
    if element == "context length":
        # a card may state less context than the position table allows (a sliding window, a tested length)
        scaled = bool(release.architecture.get("rope scaling"))
        if scaled or any(low <= actual * 1.05 for _, _, low, _ in claims):
            return []
    elif any(low <= actual <= high for _, _, low, high in claims):
        return []
    line, text, _, _ = claims[0]
    where = release.path(fact.file)
    return [
        _finding(
            ARCHITECTURE,
            f'The card says "{_quote(text)}" (line {line}), '
            f"but {where}:{fact.line} gives the {label} as {actual} ({_quote(fact.quote, 60)}).",
            line,
            ((where, fact.line),),
        )
    ]


def _norm_license(value: str) -> str:
    return re.sub(r"[^a-z0-9.]+", "-", value.lower()).strip("-")


def _licenses(card: Any, release: Any) -> list[Finding]:
    known = [f for f in release.licenses if _norm_license(str(f.value)) not in ("other", "unknown", "")]
    by_source = {f.name: f for f in known}
    front = by_source.get("front matter")
    tag = by_source.get("hub license tag")
    file = by_source.get("license file")
    out: list[Finding] = []
    pairs = [(front, tag), (front, file)] if front is not None else [(tag, file)]
    for a, b in pairs:
        if a is None or b is None:
            continue
        if b.name == "license file" and b.value == b.quote[:80]:
            continue  # a LICENSE file not recognised as a known licence: nothing to compare
        if _norm_license(str(a.value)) != _norm_license(str(b.value)):
            line = card.front_matter_line("license") if a.name == "front matter" else 1
            where = release.path(b.file) + (f":{b.line}" if b.line else "")
            first = "the front matter" if a.name == "front matter" else "the Hub licence tag"
            out.append(
                _finding(
                    LICENSE,
                    f"Licence disagreement: {first} says '{a.value}', "
                    f"but {where} says '{b.value}' (\"{_quote(b.quote, 60)}\").",
                    line,
                    ((release.path(b.file), b.line),),
                )
            )
    return out


def _no_weights(card: Any, release: Any) -> list[Finding]:
    if release.weight_files or not release.has_listing:
        return []
    claims = _claims(card, WEIGHTS_CLAIM)
    if not claims:
        return []
    line, text, _ = claims[0]
    return [
        _finding(
            NO_WEIGHTS,
            f'The card says "{_quote(text)}" (line {line}), '
            f"but {release.files.root} holds no weight file (safetensors, GGUF, PyTorch …).",
            line,
        )
    ]


def _gated(card: Any, release: Any) -> list[Finding]:
    if release.gated is None or str(release.gated.value).lower() != "manual":
        return []
    claims = _claims(card, OPEN_CLAIM)
    if not claims:
        return []
    line, text, _ = claims[0]
    return [
        _finding(
            GATED,
            f'The card says "{_quote(text)}" (line {line}), '
            f"but downloads from {release.files.root} are gated with manual approval.",
            line,
            ((release.path("(Hub metadata)"), 0),),
        )
    ]


def _base_name(value: str) -> str:
    return value.rstrip("/").rsplit("/", 1)[-1].lower()


def _base_model(card: Any, release: Any) -> list[Finding]:
    fact = release.adapter_base_model
    declared = card.front_matter_value("base_model")
    if fact is None or not declared:
        return []
    names = [str(v) for v in (declared if isinstance(declared, list) else [declared]) if v]
    if not names or any(_base_name(n) == _base_name(fact.value) for n in names):
        return []
    where = release.path(fact.file)
    return [
        _finding(
            BASE_MODEL,
            f"The front matter names base_model '{', '.join(names)}', "
            f"but {where}:{fact.line} was trained on '{fact.value}'.",
            card.front_matter_line("base_model"),
            ((where, fact.line),),
        )
    ]


def check(card: Any) -> Verdict:
    release: Optional[Any] = release_of(card)
    if release is None:
        return Verdict(Level.COMPLETE, 1.0)
    findings = (
        _parameters(card, release)
        + _config_mismatch(card, release, "layers", LAYERS_CLAIM, "number of layers")
        + _config_mismatch(card, release, "hidden size", HIDDEN_CLAIM, "hidden size")
        + _config_mismatch(card, release, "context length", CONTEXT_CLAIM, "context length")
        + _licenses(card, release)
        + _no_weights(card, release)
        + _gated(card, release)
        + _base_model(card, release)
    )
    return Verdict(Level.PARTIAL if findings else Level.COMPLETE, 0.0 if findings else 1.0, [], findings)


RELEASE_CLAIMS = verdict_rule("release_claims", CODES, check, doc=__doc__, weight=0.0, findings_only=True)
RULE, repro_lint_rules = RELEASE_CLAIMS.rule, RELEASE_CLAIMS.hook
