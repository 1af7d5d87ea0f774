"""RL60x license: under which license are the weights released, and is it an open one?

What it checks
  The weights' license, from the front matter (``license:``, and ``license_name`` / ``license_link``
  when ``license: other``) or from a license statement in the text (a license stated only for the
  code does not count). Each license found is classified:
  - open source: a recognised SPDX license that the SPDX/ScanCode license data classes as
    permissive, copyleft or public domain (Apache-2.0, MIT, BSD-3-Clause, GPL-3.0 …);
  - open data: an open content or data license (CC-BY-4.0, CC0-1.0, CDLA-Permissive-2.0, ODC-By …);
  - use-restricted (OpenRAIL family): openrail, bigscience-openrail-m, creativeml-openrail-m …;
  - custom with restrictions: community or model licenses (Llama, Gemma, Qwen, DeepSeek …),
    non-commercial or research-only terms (CC-BY-NC-4.0, "research only", 仅限学术研究,
    商用需申请), or any SPDX license the license data does not class as open;
  - unclassified: a license is named but cannot be identified.
  When several are found, the most restrictive wins (an apache-2.0 header does not cancel "commercial
  use requires an application" in the text). Open → complete; restricted → partial (RL602);
  unclassified → partial (RL603); none → absent (RL601); a License section holding only
  placeholder text → RL604.

Why it matters
  Weights under a custom or non-commercial license are available, not open source: the OSI Open
  Source AI Definition, the Model Openness Framework and the European Open Source AI Index all ask
  for OSI-approved or open-data terms.

Example
  ---
  license: apache-2.0
  ---

Fix
  State the weights' license with its SPDX id in the front matter; if it is a custom license, link it
  (``license: other``, ``license_name``, ``license_link``) and say what it restricts.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Optional

from repro_lint.document import Card
from repro_lint.evidence import Hit, any_of, finding, placeholder_sections, release_facts, scan, source_quote
from repro_lint.kit import verdict_rule
from repro_lint.results import Code, Evidence, Level, Severity, Verdict

MISSING = Code("RL601", "license-missing", "The card does not state a license for the weights.", Severity.ERROR)
RESTRICTED = Code(
    "RL602",
    "license-restricted",
    "The weights' license restricts use; it is not an open source license.",
    Severity.WARNING,
)
UNIDENTIFIED = Code(
    "RL603", "license-unclassified", "The weights' license is named but could not be identified.", Severity.WARNING
)
PLACEHOLDER = Code("RL604", "license-placeholder", "A license section holds only placeholder text.", Severity.WARNING)
CODES = (MISSING, RESTRICTED, UNIDENTIFIED, PLACEHOLDER)

#: License classes, from most to least open. The element of each evidence line is its class.
OPEN_SOURCE = "open-source license"
OPEN_DATA = "open-data license"
UNCLASSIFIED = "unclassified license"
USE_RESTRICTED = "use-restricted license (OpenRAIL)"
CUSTOM = "custom license with restrictions"

OPEN_CLASSES = (OPEN_SOURCE, OPEN_DATA)
RESTRICTED_CLASSES = (USE_RESTRICTED, CUSTOM)

#: Most restrictive first: when several licenses are found, the first class present decides; an
#: unclassified mention only counts when nothing else was identified.
SEVERITY_ORDER = (CUSTOM, USE_RESTRICTED, OPEN_DATA, OPEN_SOURCE, UNCLASSIFIED)

#: ScanCode license categories (shipped with license-expression) that count as open.
OPEN_CATEGORIES = frozenset({"Permissive", "Copyleft", "Copyleft Limited", "Public Domain"})

#: SPDX families of open content and data licenses (open, but not software licenses).
# "CC-BY-4.0": an open data or content license id (phrases/license-terms.md)
DATA_FAMILY = any_of(r"^(?:CC-BY|CC0|CDLA|ODC|ODbL|PDDL|OGL)")

#: Responsible-AI licenses: open distribution with use restrictions.
# "openrail": a responsible-AI (RAIL) license (phrases/license-terms.md, weights/complete-gated-access-apply.md)
RAIL = any_of(r"\bopen[- ]?rail\b", r"openrail", r"\brail[- ]?(?:m|1\.0)\b", r"-rail-")

#: Terms that restrict use, in a license or next to a claim ("open for academic research").
RESTRICTION_TERMS = any_of(
    # "research use only": research use only (phrases/license-terms.md)
    r"\bresearch[- ](?:use )?only\b|\bfor (?:academic )?research (?:purposes )?only\b"
    r"|\bacademic (?:research )?(?:use )?only\b|\bopen for (?:academic )?research\b",
    # "cc-by-nc-4.0": non-commercial terms (training_method/complete-training-notebook.md)
    r"\bnon-?commercial\b|\bnot for commercial use\b|\bno commercial use\b|\b(?:cc-by-nc|nc-sa|nc-nd)\b",
    r"\bcommercial (?:use|usage|license) (?:requires|needs|is subject to)\b|\bapply for (?:a )?commercial (?:license"
    r"|use|authori[sz]ation)\b",  # "commercial use requires": commercial use on request (phrases/license-terms.md)
    # "仅限学术研究": research-only or non-commercial terms in Chinese (extras/finetune-zh.md)
    r"仅限(?:学术)?研究|仅供(?:学术)?研究|仅用于(?:学术)?研究|学术研究\W{0,4}完全开放|非商业|不得用于商业|禁止商用|商用需|商业(?:使用)?(?:需要|需)?(?:申请|授权)|申请商业",
)

#: Names of custom model licenses (front-matter values and text); with the terms above, a custom class.
CUSTOM_NAMES = any_of(
    r"\bllama[- ]?\d*(?:\.\d)?\b",  # "llama2": the Llama license family (extras/finetune-gated.md)
    r"\bgemma\b",  # "Gemma": the Gemma terms (phrases/license-terms.md)
    r"\bqwen\b|\btongyi\b",  # "Qwen": the Qwen or Tongyi license (phrases/license-terms.md)
    r"\bdeepseek\b",  # "DeepSeek": the DeepSeek license (phrases/license-terms.md)
    r"\bcommunity licen[cs]e\b",  # "Community License": a community license (extras/finetune-gated.md)
    # "acceptable use policy": an acceptable use policy or a proprietary license (phrases/license-terms.md)
    r"\bacceptable use policy\b|\bproprietary licen[cs]e\b|\ball rights reserved\b",
    # "Model License": a model license, named (weights/partial-weights-badge-zh.md)
    r"\b(?:open )?model licen[cs]e\b|\bmodel_license\b|\b[\w-]{1,80} (?:llm|ai model|model) licen[cs]e\b"
    r"|\bdelta weights\b|(?<![\w-])NC(?![\w-])",
    # "《青鸟模型许可协议》": a named model license in Chinese (weights/complete-license-section-zh.md)
    r"《[^》\n]{1,40}(?:许可|协议)[^》\n]{0,10}》|模型(?:许可|使用)?协议|模型许可|社区许可",
)


#: Sentences that state a license (the license name is looked up in the sentence).
LICENSE_SENTENCE = {
    "license": any_of(
        # "released under": licensed or released under a license (extras/open-full.md)
        r"\b(?:licen[cs]ed|released|distributed|available|made available) under\b",
        # "license: mit": a license key or field with a value (architecture/absent-placeholder.md)
        r"\blicen[cs]e\s*[:：|]\s*\S",
        r"\b[\w.+-]{2,40} licen[cs]e\b",  # "separate license": a license, named (phrases/license-terms.md)
        # "license agreement": a license agreement or terms of use (phrases/weights-downloads.md)
        r"\blicen[cs]e agreement\b|\bterms of use\b",
        r"许可证|许可协议|开源协议|使用协议|模型许可|协议",  # "协议": a license in Chinese (extras/finetune-zh.md)
        RESTRICTION_TERMS.pattern,
    ),
}

#: Common spellings of SPDX ids in prose, normalised before lookup ("Apache License 2.0" → apache-2.0).
SPDX_SPELLING = any_of(  # the groups are read in order: name, version
    # "Apache License, Version 2.0" (architecture/complete-table-columns.md)
    r"\b(apache)(?: license)?,?(?: version)?[ -]?(\d\.\d)\b",
    r"\b(mit)(?: license)?\b",  # "MIT License" (architecture/absent-placeholder.md)
    r"\b(bsd)[ -](\d)[ -]clause\b",  # "BSD 3-Clause" (phrases/license-terms.md)
    r"\b(a?gpl|lgpl)[ -]?v?(\d(?:\.\d)?)\b",  # "GPLv3", "AGPL-3.0" (phrases/license-terms.md)
    r"\b(cc)[ -](by(?:[ -](?:nc|sa|nd)){0,2})[ -](\d\.\d)\b",  # "CC BY-NC 4.0" (phrases/license-terms.md)
    r"\b(cc0)(?:[ -]1\.0)?\b",  # "CC0 1.0" (phrases/license-terms.md)
    r"\b(mpl)[ -]?(\d\.\d)\b",  # "MPL 2.0" (phrases/license-terms.md)
)

#: A license sentence about the code only does not license the weights.
CODE_ONLY = any_of(
    # "code": a license about the code only (phrases/license-terms.md)
    r"\b(?:code|codebase|source code|scripts?)\b(?!.*\b(?:weights?|models?|checkpoints?|parameters)\b)",
    r"代码(?!.*(?:模型|权重))",  # "代码": a license about the code only, in Chinese (extras/finetune-zh.md)
)

#: A table-of-contents entry ("- [License](#license)") is not a license statement.
# "- [Overview](#overview)": a table-of-contents link to an anchor (weights/partial-toc-license-entry.md)
TOC_LINK = any_of(r"^\W*\[[^\]\n]{1,80}\]\(#[^)\n]*\)\W*$", flags=0)

NO_LICENSE = frozenset({"", "unknown", "none", "null", "no", "n/a", "other"})

# "License": a license heading (phrases/license-terms.md, extras/finetune-zh.md)
SECTION = any_of(r"\blicen[cs]e\b", r"许可|协议")


@functools.lru_cache(maxsize=1)
def _license_data() -> tuple[Any, dict[str, str]]:
    """The SPDX licensing object and ScanCode categories by SPDX id (loaded on first use)."""
    from license_expression import get_license_index, get_spdx_licensing

    categories = {
        e["spdx_license_key"].lower(): e["category"] for e in get_license_index() if e.get("spdx_license_key")
    }
    return get_spdx_licensing(), categories


def spdx_class(name: str) -> Optional[tuple[str, str]]:
    """(SPDX id, class) of a license name the SPDX data knows, else None."""
    licensing, categories = _license_data()
    try:
        expression = licensing.parse(name.strip(), validate=False)
    except Exception:  # not an SPDX expression at all
        return None
    if expression is None or licensing.unknown_license_keys(expression):
        return None
    keys = [s.key for s in licensing.license_symbols(expression)]
    if not keys:
        return None
    classes = []
    for key in keys:
        if categories.get(key.lower()) not in OPEN_CATEGORIES:
            classes.append(CUSTOM)
        else:
            classes.append(OPEN_DATA if DATA_FAMILY.search(key) else OPEN_SOURCE)
    return " ".join(keys), _most_restrictive(classes)


def classify(name: str) -> str:
    """The class of one license name or license sentence."""
    if RAIL.search(name):
        return USE_RESTRICTED
    if CUSTOM_NAMES.search(name) or RESTRICTION_TERMS.search(name):
        return CUSTOM
    found = spdx_class(name)
    if found is None:
        m = SPDX_SPELLING.search(name)
        if m:
            found = spdx_class("-".join(g for g in m.groups() if g).replace(" ", "-"))
    return found[1] if found else UNCLASSIFIED


def _most_restrictive(classes: list[str]) -> str:
    return min(classes, key=SEVERITY_ORDER.index)


def _front_matter(card: Card) -> list[Hit]:
    hits = []
    value = card.front_matter_value("license")
    values = value if isinstance(value, list) else [value]
    for v in values:
        if v is not None and str(v).strip().lower() not in NO_LICENSE:
            hits.append(Hit(classify(str(v)), card.front_matter_line("license"), f"license: {v}"))
    for key in ("license_name", "license_link"):
        v = card.front_matter_value(key)
        if v is not None and str(v).strip().lower() not in NO_LICENSE:
            cls = classify(str(v))
            if cls == UNCLASSIFIED and str(value).strip().lower() == "other":
                cls = CUSTOM  # Hugging Face's "other": a license that is not a standard one
            hits.append(Hit(cls, card.front_matter_line(key), f"{key}: {v}"))
    return hits


def _text(card: Card) -> list[Hit]:
    hits = []
    for hit in scan(
        card, LICENSE_SENTENCE, where=lambda b: release_facts(b) and b.kind not in ("front_matter", "heading")
    )["license"]:
        sentence = hit.block.line_text(0) if hit.block is not None else hit.quote
        line = source_quote(card, hit.line, sentence, limit=400)
        if CODE_ONLY.search(line) or TOC_LINK.search(line):
            continue
        cls = classify(line)
        if cls == UNCLASSIFIED and not re.search(r"licen[cs]|许可|协议", line, re.I):
            continue
        hits.append(Hit(cls, hit.line, line))
    return hits


def check(card: Card) -> Verdict:
    hits = _front_matter(card) + _text(card)
    findings = [
        finding(
            PLACEHOLDER, f"Section '{s.title}' holds only placeholder text; state the license or remove it.", s.line
        )
        for s in placeholder_sections(card, SECTION)
    ]
    if not hits:
        line = findings[0].line if findings else card.first_content_line
        findings.append(
            finding(MISSING, "No license for the weights; add `license:` (an SPDX id) to the front matter.", line)
        )
        return Verdict(Level.ABSENT, 0.0, [], findings, ("license",))
    cls = _most_restrictive([h.element for h in hits])
    decisive = min((h for h in hits if h.element == cls), key=lambda h: h.line)
    evidence = sorted(
        {Evidence(h.line, source_quote(card, h.line, h.quote), h.element) for h in hits},
        key=lambda e: (e.line, e.element),
    )[:6]
    if cls in OPEN_CLASSES:
        return Verdict(Level.COMPLETE, 1.0, evidence, findings)
    quote = " ".join(decisive.quote.split())[:80]
    if cls in RESTRICTED_CLASSES:
        findings.append(
            finding(
                RESTRICTED, f'The weights\' license is a {cls}, not an open source license: "{quote}".', decisive.line
            )
        )
        return Verdict(Level.PARTIAL, 0.5, evidence, findings, ("an open license",))
    findings.append(
        finding(
            UNIDENTIFIED,
            f'The weights\' license could not be identified: "{quote}"; give its SPDX id or link its text.',
            decisive.line,
        )
    )
    return Verdict(Level.PARTIAL, 0.25, evidence, findings, ("an identified license",))


LICENSE = verdict_rule("license", CODES, check, doc=__doc__, weight=0.0, opt_in=True)
RULE, repro_lint_rules = LICENSE.rule, LICENSE.hook
