"""RL61x access: how can someone get the model — open download, gated, waitlist, or API only?

What it checks
  - open download: a hub repository, release asset, checkpoint file or download command for the
    weights, with no gate;
  - gated with approval: Hugging Face gating (front-matter ``gated``, ``extra_gated_prompt`` /
    ``extra_gated_fields``), "request access", an application form, 填写申请表, 申请下载;
  - waitlist: "join the waitlist", 内测申请, 排队;
  - API only: access through an API, a chat product or a platform, with no download location
    ("available only through our API", 仅提供API).
  Open download → complete; gated → partial (RL612); waitlist → partial (RL614); API only → closed
  (RL613); nothing about access → absent (RL611).
  For a release (a folder or a Hub model) the files decide too: the Hub's gating flag (automatic or
  manual approval) is gated access, and a release whose file list holds no weight file at all cannot
  be downloaded, whatever the card says → closed (RL615).

Why it matters
  The European Open Source AI Index grades gated weights as partial; an API is not an open model,
  whatever the card calls it.

Example
  Download: `huggingface-cli download acme/acme-7b` — no registration needed.

Fix
  Link the weights; if access is gated, say what the gate asks for and who approves it.
"""

from __future__ import annotations

from repro_lint.document import Card
from repro_lint.evidence import Hit, any_of, finding, link_hits, release_of, scan, source_quote
from repro_lint.kit import verdict_rule
from repro_lint.results import Code, Evidence, Level, Severity, Verdict

from .weights import DOWNLOAD_TEXT, WEIGHT_URL

MISSING = Code("RL611", "access-missing", "The card does not say how to get the model.", Severity.ERROR)
GATED = Code(
    "RL612", "access-gated", "The weights can be downloaded only after approval or registration.", Severity.WARNING
)
API_ONLY = Code(
    "RL613", "access-api-only", "The model is available only through an API or a hosted product.", Severity.ERROR
)
WAITLIST = Code("RL614", "access-waitlist", "Access is through a waitlist.", Severity.WARNING)
NO_WEIGHT_FILES = Code(
    "RL615",
    "access-no-weight-files",
    "The release holds no weight file: the model cannot be downloaded.",
    Severity.ERROR,
)
CODES = (MISSING, GATED, API_ONLY, WAITLIST, NO_WEIGHT_FILES)

#: Front-matter keys of Hugging Face gating.
GATE_KEYS = ("gated", "extra_gated_prompt", "extra_gated_fields", "extra_gated_heading", "extra_gated_description")

SIGNALS = {
    "gated": any_of(
        # "request access": a request for access (weights/complete-gated-request-form.md)
        r"\brequest (?:access|the weights|a download)\b",
        # "Apply for access": apply or register for access (phrases/access-gated.md)
        r"\b(?:apply|register|sign up) (?:for|to get) (?:access|the weights|download)\b",
        # "access form": an access or application form (phrases/access-gated.md)
        r"\b(?:access|application|request) form\b",
        # "gated model": a gated model or repository (phrases/access-gated.md)
        r"\bgated (?:model|repo|repository|access)\b",
        r"\bupon (?:approval|request)\b",  # "upon approval": weights sent upon approval (phrases/access-gated.md)
        # "after approval": a download after approval (phrases/access-gated.md)
        r"\bafter (?:your request is )?approv\w+\b",
        # "agree to share your contact information": the Hub's contact-sharing prompt (phrases/access-gated.md)
        r"\bagree to share your contact information\b",
        # "accept the license to access": accepting terms to access the files (phrases/access-gated.md)
        r"\baccept the (?:license|conditions|terms) to access\b",
        # "contact us for access": contact us for access (phrases/access-gated.md)
        r"\bcontact us (?:for|to get) (?:access|the weights)\b",
        # "填写申请表": an application to download, in Chinese (extras/finetune-zh.md)
        r"申请(?:下载|权重|访问|使用)|填写(?:申请表|问卷|表单)|审核(?:通过)?后|提交申请|需(?:要)?申请",
    ),
    "waitlist": any_of(  # "waitlist", "join the queue", 排队: a waitlist or queue (phrases/access-gated.md)
        r"\bwait ?list\b", r"\bjoin the queue\b", r"\bearly access program\b", r"内测(?:申请|资格)|排队|候补"
    ),
    "api": any_of(
        r"\b(?:through|via|using|with) (?:our |the |an? )?(?:\w+ )?(?:api|platform|chat|web app|playground"
        r"|cloud service)\b",  # "through our API": access through an API or platform (api-only.md)
        r"\bapi[- ](?:only|access|key|endpoint)\b",  # "API key": API-only access, an API key or endpoint (api-only.md)
        r"\buse (?:our|the) (?:paid )?api\b",  # "use our API": use our API (phrases/access-gated.md)
        # "available on our platform": available on a platform or website (phrases/access-gated.md)
        r"\bavailable (?:on|at) (?:our )?(?:platform|website|chat)\b",
        r"\btry it (?:on|at|in)\b",  # "Try it in": try it online (architecture/absent-size-in-heading-and-badge.md)
        # "仅通过 API": API-only access in Chinese (api-only-zh.md)
        r"仅(?:通过|提供)\s*api|通过\s*api\s*(?:调用|访问|使用)|api\s*服务|在线体验|开放平台|申请试用",
    ),
}

#: "Data generated using the OpenAI API": an API used to make the release, not the way to reach it.
API_AS_TOOL = any_of(
    # "labelled by": data made with an API: a tool, not access (phrases/access-gated.md)
    r"\b(?:generated|collected|distilled|annotated|label(?:l)?ed|created|produced|synthesi[sz]ed|translated|queried"
    r"|scored|evaluated|judged)\b[^.\n]{0,40}\b(?:using|with|via|through|from|by)\b",
    # "judge": a teacher or judge model: a tool, not access (phrases/access-gated.md)
    r"\b(?:teacher|judge|annotator)\b",
)

#: Download locations (the weights rule's patterns); a sentence that withholds them does not count.
DOWNLOAD = {"download": DOWNLOAD_TEXT["download location"]}


def _gate_keys(card: Card) -> list[Hit]:
    hits = []
    for key in GATE_KEYS:
        value = card.front_matter_value(key)
        if value not in (None, False, "", "false", "False"):
            hits.append(Hit("gated", card.front_matter_line(key), f"{key}: {value}"))
    return hits


def _release_access(card: Card) -> tuple[list[Hit], Verdict | None]:
    """The release's own word on access: the Hub's gating flag, and a file list without any weight file."""
    release = release_of(card)
    if release is None:
        return [], None
    gated = (
        [Hit("gated", release.gated.line, release.gated.quote, None, release.path(release.gated.file))]
        if release.gated
        else []
    )
    if release.has_listing and not release.weight_files:
        where = release.files.root
        message = (
            "The release's files hold no weight file (safetensors, GGUF, checkpoints …): "
            "the model cannot be downloaded here."
        )
        return gated, Verdict(
            Level.CLOSED,
            0.0,
            [Evidence(0, "no weight file in the release's file list", "no weight files", where)],
            [finding(NO_WEIGHT_FILES, message, card.first_content_line)],
            ("open download",),
        )
    return gated, None


def _evidence(card: Card, hit: Hit) -> Evidence:
    if hit.file is not None:
        return Evidence(hit.line, hit.quote, hit.element, hit.file)
    return Evidence(hit.line, source_quote(card, hit.line, hit.quote), hit.element)


def check(card: Card) -> Verdict:
    release_gated, not_downloadable = _release_access(card)
    if not_downloadable is not None:  # whatever the card says
        return not_downloadable
    found = scan(card, SIGNALS, where=lambda b: True, skip_withheld=False)
    found["download"] = scan(card, DOWNLOAD, where=lambda b: True)["download"] + link_hits(card, WEIGHT_URL, "download")
    found["gated"] += _gate_keys(card) + release_gated
    found["api"] = [
        h for h in found["api"] if not API_AS_TOOL.search(source_quote(card, h.line, h.quote, limit=10_000))
    ]
    evidence = sorted(
        {_evidence(card, h) for hits in found.values() for h in sorted(hits, key=lambda h: h.line)[:2]},
        key=lambda e: (e.file is not None, e.line, e.element),
    )
    first = {
        name: min((h.line for h in hits if h.file is None), default=card.first_content_line)
        for name, hits in found.items()
    }
    if found["download"] and found["gated"]:
        return Verdict(
            Level.PARTIAL,
            0.5,
            evidence,
            [finding(GATED, "The weights are gated: download needs approval or registration.", first["gated"])],
            ("open download",),
        )
    if found["download"]:
        return Verdict(Level.COMPLETE, 1.0, evidence)
    if found["waitlist"]:
        return Verdict(
            Level.PARTIAL,
            0.25,
            evidence,
            [finding(WAITLIST, "Access is through a waitlist; there is no download.", first["waitlist"])],
            ("open download",),
        )
    if found["gated"]:
        return Verdict(
            Level.PARTIAL,
            0.5,
            evidence,
            [
                finding(
                    GATED, "Access needs approval or registration and no download location is given.", first["gated"]
                )
            ],
            ("open download",),
        )
    if found["api"]:
        quote = source_quote(card, first["api"])
        return Verdict(
            Level.CLOSED,
            0.0,
            evidence,
            [
                finding(
                    API_ONLY,
                    f'The model is reachable only through an API or hosted product: "{quote[:80]}".',
                    first["api"],
                )
            ],
            ("open download",),
        )
    return Verdict(
        Level.ABSENT,
        0.0,
        [],
        [
            finding(
                MISSING,
                "The card does not say how to get the model; link the weights or state how access works.",
                card.first_content_line,
            )
        ],
        ("open download",),
    )


ACCESS = verdict_rule("access", CODES, check, doc=__doc__, weight=0.0, opt_in=True)
RULE, repro_lint_rules = ACCESS.rule, ACCESS.hook
