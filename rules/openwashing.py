"""RL62x open-washing: the card calls the model open source, but its own verdicts say otherwise.

What it checks
  Finds openness claims about the model — "open source", "open-sourced", "fully open",
  "truly open", 开源, 全面开源, 完全开放 — and, after every other rule has run, compares them
  with the verdicts on the same card (it re-derives nothing). A claim is contradicted when:
  - the weights are closed or absent (no download; "available only through our API");
  - access is API-only (the access rule, when it runs);
  - the license is restrictive (a custom, non-commercial or OpenRAIL license, when the license rule
    runs) — open source needs OSI-approved or open-data terms;
  - the training data is withheld ("proprietary data", 数据不公开).
  A strong claim ("fully open", "completely open source", 全面开源, 完全开源) is also contradicted
  by any core criterion that is closed or absent.
  A contradicted claim → RL621 (error), quoting the claim and naming what contradicts it; the
  criterion is then ``closed``. No claim, or claims the verdicts support → complete.
  Claims about something else ("built on open-source libraries", "our code is open source",
  "outperforms other open-source models"), promises ("will be open-sourced") and claims that state
  their own restriction in the same sentence ("open for academic research") are not counted.

Why it matters
  An API or a parameter count is not open source. Calling a release open when its weights, license
  or data are closed is open-washing, the practice the openness indices were built to expose.

Example
  We release Acme-7B, a fully open-source model. The weights are available through our API.

Fix
  Either open what the finding names, or describe the release accurately ("open weights under a
  custom license", "API access").
"""

from __future__ import annotations

from repro_lint.document import Card
from repro_lint.evidence import Hit, any_of, exact_quote, finding, scan, source_quote
from repro_lint.kit import verdict_rule
from repro_lint.results import CORE_CRITERIA, Code, CriterionResult, Evidence, Level, Severity, Verdict

from .license import RESTRICTED_CLASSES, RESTRICTION_TERMS

CONTRADICTED = Code(
    "RL621", "openwashing-claim", "The card calls the model open, but its verdicts say otherwise.", Severity.ERROR
)
CODES = (CONTRADICTED,)

#: Claims that the model itself is open; "strong" claims say everything is open.
CLAIMS = {
    "strong claim": any_of(
        # "fully open-source": a fully open claim (extras/api-only-openwashing.md)
        r"\b(?:fully|completely|truly|totally|100%) open(?:[- ]source[d]?)?\b",
        # "open source everything": open source everything (phrases/openwashing-claims.md)
        r"\bopen[- ]source everything\b",
        # "全面开源": a fully open claim in Chinese (phrases/openwashing-claims.md)
        r"全面开源|完全开源|全部开源|完全开放|全开源",
    ),
    "claim": any_of(
        # "is an open-source": a claim of open-sourcing (openwashing/open-source-title-api-key-only.md)
        r"\b(?:we|are|is|been|have|has) (?:\w+ ){0,2}open[- ]sourc(?:e|ed|ing)\b(?! (?:code|librar|tool|framework))",
        # "open-sourcing our models": open-sourcing the models (phrases/openwashing-claims.md)
        r"\bopen[- ]sourc(?:e|ed|ing) (?:of )?(?:the |our |this |these )(?:\w+[- ]){0,3}(?:models?|llms?|weights"
        r"|checkpoints?|series|family)\b",
        # "our model is open source": the model is open source (phrases/openwashing-claims.md)
        r"\b(?:our|this|the) (?:\w+[- ]){0,2}(?:model|llm|weights?) (?:is|are) open[- ]source\b",
        # "this is an open-source model": this is an open-source model (phrases/openwashing-claims.md)
        r"\b(?:this|our) (?:is an? )?(?:fully |new )?open[- ]source (?:\w+[- ]){0,2}(?:model|llm|language model)\b",
        # "is an open-source large…": is an open-source model (openwashing/open-source-title-api-key-only.md)
        r"\bis an? (?:\w+[- ]){0,2}open[- ]source (?:\w+[- ]){0,3}(?:model|llm|language model)\b",
        # "open-source release of": an open-source release (phrases/openwashing-claims.md)
        r"\bopen[- ]source release of\b",
        # "We present Acme-7B, an open-source LLM", "Acme-7B, an open-source model for …, is …"
        r"^[^,.;\n]{1,80}, (?:an?|the) (?:\w+[- ]){0,2}open[- ]source (?:\w+[- ]){0,3}(?:models?|llms?"
        r"|language models?|assistant|chatbot)\b",  # "Petrel-7B, an open-source LLM" (phrases/openwashing-claims.md)
        # "Open-source Acme-7B is a chat model."
        # "Open-source Petrel-7B is" (phrases/openwashing-claims.md)
        r"^open[- ]source (?:\w+[- ]){1,3}(?:is|are|was)\b",
        # "我们开源": an open-source claim in Chinese (extras/finetune-zh.md)
        r"(?:我们|正式|现已|已经|已|均)开源|开源了|开源发布|宣布开源|(?:是|为)(?:一个|一款)?.{0,10}开源(?:的)?(?:大)?(?:语言)?模型",
    ),
}

#: Sentences about other things being open: not a claim about this model.
NOT_ABOUT_MODEL = any_of(
    r"\bopen[- ]source (?:code|librar\w+|framework|toolkit|tools?|projects?|software|community|implementation"
    r"|datasets?)\b",  # "open-source tools": open-source code or tools, not the model (phrases/openwashing-claims.md)
    # "built on an open-source": built on an open-source model, not a claim (phrases/openwashing-claims.md)
    r"\b(?:built|based|fine-?tuned|trained|derived|distilled) (?:on|upon|with|from) (?:the "
    r"|an? )?(?:\w+ )?open[- ]source\b",
    # "love open source": a value, not a claim (phrases/openwashing-claims.md)
    r"\b(?:value|love|support|believe in|embrace|champion|contribute to|committed to"
    r"|commitment to)\w* (?:the )?open[- ]source\b",
    # "Our code is open source": the code is open source, not the model (phrases/openwashing-claims.md)
    r"\b(?:our|the) (?:code|codebase|training code|scripts?) (?:is|are) open[- ]source",
    r"\b(?:not|never|n't) (?:\w+ )?open[- ]sourc",  # "not open-sourc": not open-sourced (phrases/openwashing-claims.md)
    # "code is open source; the code for servi…": the code is open source (phrases/openwashing-claims.md)
    r"\bcode\b[^.\n]{0,40}\b(?:is|are) open[- ]source",
    # "outperforms other open-source": a comparison with open-source models (phrases/openwashing-claims.md)
    r"\b(?:outperform\w*|than|other|existing|compared (?:to|with)|among|versus|vs\.?)\b[^.\n]{0,40}open[- ]source",
    # "不开源": open-source code or not open-sourced, in Chinese (api-only-zh.md)
    r"开源(?:代码|社区|框架|工具|项目|数据集)|基于开源|不开源|未开源|非开源",
)

#: What each criterion's verdict must not be for the claim to hold, with the text naming the problem.
CORE_NAMES = {
    "architecture": "the architecture",
    "weights": "the weights",
    "training_data": "the training data",
    "training_method": "the training method",
    "hyperparameters": "the hyperparameters",
}


#: "Open Source" in the card's title ("Acme-7B: an Open-Source LLM", "开源大模型 Acme"): the title names the model.
# "open-source": an open-source title (phrases/openwashing-claims.md)
TITLE_CLAIM = any_of(r"\bopen[- ]source\b", r"开源")


def _title_claim(card: Card) -> list[Hit]:
    """The card's title (its first heading, level 1) calling the model open source."""
    title = card.sections[0] if card.sections and card.sections[0].level == 1 else None
    if title is None:
        return []
    m = TITLE_CLAIM.search(title.title)
    if m is None or NOT_ABOUT_MODEL.search(title.title) or RESTRICTION_TERMS.search(title.title):
        return []
    return [Hit("claim", title.line, title.title.strip())]


def _claims(card: Card) -> list[Hit]:
    found = scan(card, CLAIMS, where=lambda b: b.kind != "code", skip_withheld=False)
    claims = [
        h
        for hits in found.values()
        for h in hits
        if h.block is None
        or not (NOT_ABOUT_MODEL.search(h.block.line_text(0)) or RESTRICTION_TERMS.search(h.block.line_text(0)))
    ]
    if not any(h.line == (card.sections[0].line if card.sections else 0) for h in claims):
        claims += _title_claim(card)
    return claims


def _first_quote(result: CriterionResult) -> str:
    for e in result.evidence:
        if e.element in RESTRICTED_CLASSES or e.element == "withheld":
            return f' ("{" ".join(e.text.split())[:60]}", line {e.line})'
    return ""


def contradictions(criteria: dict[str, CriterionResult], strong: bool) -> list[str]:
    """What in the verdicts contradicts an openness claim, as short phrases."""
    out = []
    weights = criteria.get("weights")
    if weights is not None and weights.level in (Level.CLOSED, Level.ABSENT):
        out.append(f"the weights are {weights.level.value}{_first_quote(weights)}")
    access = criteria.get("access")
    if access is not None and access.level == Level.CLOSED:
        out.append("access is API-only")
    license_ = criteria.get("license")
    if (
        license_ is not None
        and any(e.element in RESTRICTED_CLASSES for e in license_.evidence)
        and license_.level != Level.COMPLETE
    ):
        out.append(f"the license restricts use{_first_quote(license_)}")
    data = criteria.get("training_data")
    if data is not None and data.level == Level.CLOSED:
        out.append(f"the training data is withheld{_first_quote(data)}")
    if strong:
        for name in CORE_CRITERIA:
            result = criteria.get(name)
            if name in ("weights", "training_data") and any(name.replace("_", " ") in o for o in out):
                continue
            if result is not None and result.level in (Level.CLOSED, Level.ABSENT):
                out.append(f"{CORE_NAMES[name]} {'is' if name != 'hyperparameters' else 'are'} {result.level.value}")
    return out


def check(card: Card, criteria: dict[str, CriterionResult]) -> Verdict:
    claims = sorted(_claims(card), key=lambda h: h.line)
    if not claims:
        return Verdict(Level.COMPLETE, 1.0)
    strong = [h for h in claims if h.element == "strong claim"]
    claim = strong[0] if strong else claims[0]
    problems = contradictions(criteria, bool(strong))
    evidence = [Evidence(h.line, source_quote(card, h.line, h.quote), h.element) for h in claims[:3]]
    if not problems:
        return Verdict(Level.COMPLETE, 1.0, evidence)
    quote = " ".join(exact_quote(card, claim.line, claim.quote).split())[:80]  # as the card writes it
    message = f'The card claims "{quote}", but {"; ".join(problems)}.'
    return Verdict(Level.CLOSED, 0.0, evidence, [finding(CONTRADICTED, message, claim.line)], tuple(problems))


OPENWASHING = verdict_rule("openwashing", CODES, check, doc=__doc__, weight=0.0, needs_verdicts=True, opt_in=True)
RULE, repro_lint_rules = OPENWASHING.rule, OPENWASHING.hook
