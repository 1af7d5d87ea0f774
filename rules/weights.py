"""RL2xx weights: can anyone download the trained parameters, and under which license?

What it checks
  Two elements:
  - a download location: a hub id or URL of the model (huggingface.co/org/name, modelscope,
    a release asset, *.safetensors / *.gguf / checkpoint links, ``from_pretrained("org/name")``,
    ``huggingface-cli download``); gated or request-form downloads count;
  - a license for the weights: front-matter ``license:`` / ``license_name`` / ``license_link``, or a
    license statement in the text (a license stated only for the code does not count).
  Both → complete; one → partial (RL202); none → absent (RL201). "Available only through our API",
  "we do not release the weights", 暂不开源 → closed (RL203).

Why it matters
  An API is not an open model. Open weights are the first step of openness, and without a license
  nobody may lawfully use them.

Example
  ---
  license: apache-2.0
  ---
  Download: `huggingface-cli download acme/acme-7b` (safetensors, 14 GB).

Fix
  Link the weights (hub repository, release asset or checkpoint URL) and state their license in the
  front matter or a License section.
"""

from __future__ import annotations

from repro_lint.evidence import Hit, criterion_codes, judge, link_hits, placeholder_sections, scan, withheld, words
from repro_lint.hookspecs import hookimpl
from repro_lint.model import Rule, Verdict

CODES = criterion_codes("RL2", "weights", "weights")

#: Download locations written in text or code.
DOWNLOAD_TEXT = {
    "download location": words(
        r"\bfrom_pretrained\(\s*[\"'][\w.-]+/[\w.-]+[\"']", r"\b(?:huggingface-cli|hf) download\s+[\w.-]+/[\w.-]+",
        r"\bsnapshot_download\(", r"\bmodelscope download\b", r"\bollama (?:run|pull)\s+\S", r"\bgit lfs clone\b|\bgit clone https://huggingface\.co/",
        r"\b[\w.-]+\.(?:safetensors|gguf|ggml|ckpt|pth)\b", r"\bpytorch_model[\w.-]*\.bin\b",
        r"\b(?:download|weights|checkpoints?)\b.{0,60}\b(?:huggingface|hugging face|hf hub|modelscope|model hub|release)",
        r"\b(?:weights|checkpoints?) (?:are|is) (?:publicly )?available\b", r"\bopen[- ]weights?\b",
        r"模型下载|权重下载|下载地址|下载链接|开源权重|开放下载|已开源",
    ),
}

#: Hub and release URLs that host model weights (not datasets, not Spaces, not papers).
WEIGHT_URL = words(
    r"^https?://(?:www\.)?(?:huggingface\.co|hf\.co)/(?!datasets/|spaces/|docs/|papers/|blog/|join|login|settings|models\?|collections/|learn/|tasks/|api/)[\w.-]+/[\w.-]+",
    r"^https?://(?:www\.)?modelscope\.cn/models/", r"^https?://(?:www\.)?ollama\.com/library/", r"^https?://(?:www\.)?kaggle\.com/models/",
    r"/releases/download/", r"\.(?:safetensors|gguf|ckpt|pth|pt|bin|onnx|npz|tar\.gz|zip)(?:\?|$)", r"^https?://wisemodel\.cn/models/",
    r"^https?://(?:www\.)?openxlab\.org\.cn/models/", r"^https?://(?:dl\.fbaipublicfiles\.com|storage\.googleapis\.com)/",
)

#: License statements in text; the front-matter keys are handled in ``check``.
LICENSE = {
    "license": words(
        r"\b(?:licen[cs]ed|released|distributed|available|made available) under\b", r"\blicen[cs]e\s*[:：|]\s*\S",
        r"\b(?:apache|mit|bsd|gpl|agpl|lgpl|mpl|cc[- ]by|openrail|creativeml|llama ?\d?(?:\.\d)? community|gemma|bigscience)[\w .-]{0,30}licen[cs]e\b",
        r"\b(?:apache[- ]2\.0|cc-by(?:-nc)?(?:-sa)?-4\.0|openrail(?:-m)?|mit license)\b", r"\blicen[cs]e agreement\b|\bterms of use\b|\bacceptable use policy\b",
        r"许可证|许可协议|开源协议|使用协议|模型许可|License\s*协议",
    ),
}

#: A license sentence about the code only does not license the weights.
CODE_ONLY = words(r"\b(?:code|codebase|source code|repository|scripts?)\b(?!.*\b(?:weights?|models?|checkpoints?|parameters)\b)", r"代码(?!.*(?:模型|权重))")

LICENSE_KEYS = ("license", "license_name", "license_link")
NO_LICENSE = {"", "unknown", "none", "null", "other", "no", "n/a"}

SUBJECT = words(
    r"\bweights?\b", r"\bcheckpoints?\b", r"\bparameters\b", r"\bthe model\b", r"\bour models?\b", r"\bmodel is\b", r"\bapi\b",
    r"权重|模型|参数",
)

SECTION = words(r"\bweights?\b", r"\bdownload", r"\bcheckpoints?\b", r"\blicen[cs]e\b", r"权重|下载|许可")


def _front_matter_license(card) -> list[Hit]:  # type: ignore[no-untyped-def]
    hits = []
    for key in LICENSE_KEYS:
        value = card.fm(key)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        if value is not None and str(value).strip().lower() not in NO_LICENSE:
            hits.append(Hit("license", card.fm_line(key), f"{key}: {value}"))
        elif key == "license" and str(value).strip().lower() == "other" and (card.fm("license_name") or card.fm("license_link")):
            continue
    return hits


def check(card) -> Verdict:  # type: ignore[no-untyped-def]
    found = scan(card, DOWNLOAD_TEXT, where=lambda b: True)
    found["download location"] += link_hits(card, WEIGHT_URL, "download location")
    licenses = scan(card, LICENSE, where=lambda b: b.kind not in ("code", "front_matter"))
    found["license"] = _front_matter_license(card) + [
        h for h in licenses["license"] if h.block is None or not CODE_ONLY.search(h.block.line_text(0))
    ]
    return judge(
        card,
        CODES,
        found,
        ("download location", "license"),
        closed=withheld(card, SUBJECT),
        placeholders=placeholder_sections(card, SECTION),
        hints={"download location": "a download location for the weights", "license": "the weights' license"},
    )


RULE = Rule(name="weights", criterion="weights", codes=CODES.all(), check=check, doc=__doc__ or "")


@hookimpl
def repro_lint_rules() -> list[Rule]:
    return [RULE]
