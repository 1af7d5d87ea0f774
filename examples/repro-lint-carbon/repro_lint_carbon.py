"""CFP0xx carbon footprint: does the card state what training the model cost the climate?

What it checks
  Two elements, each with a value (a number, not just the words):
  - emissions: an amount of CO2-equivalent ("12.5 tCO2eq", "Carbon emitted: 1,200 kg CO2e",
    碳排放 3 吨), or the Hugging Face front-matter key ``co2_eq_emissions``;
  - compute: what produced them: accelerator hours ("184k A100 GPU hours", "Hours used: 120"),
    energy ("52 MWh"), or ``hardware_used`` under ``co2_eq_emissions``.
  Both → complete; one → partial (CFP002); none → absent (CFP001); "we do not disclose our energy
  use" → closed (CFP003). An "Environmental impact" section with only placeholder text is CFP004.
  Usage sections and code blocks never count, nor do promises ("will be reported").

Why it matters
  Training large models has a real energy and carbon cost. Stating it lets users weigh the model
  against its footprint, and many release policies require it.

Example
  ## Environmental impact
  Training used 184,000 A100 GPU hours in us-east-1 and emitted 12.5 tCO2eq, estimated with the
  Machine Learning Impact calculator.

Fix
  Add an "Environmental impact" section with the hardware type, hours used, cloud provider and
  region, and the estimated carbon emitted, or set ``co2_eq_emissions`` in the front matter.

Score
  The rule introduces the criterion ``carbon_footprint`` with weight 0.5 next to the five core
  criteria (weight 1 each), so it counts 0.5 / 5.5 of the score: a card that is otherwise fully open
  scores 90.9 without it, 95.5 with a partial statement and 100 with both elements. It never
  changes the openness tier. ``--weight carbon_footprint=W`` changes the weight.
"""

from __future__ import annotations

from repro_lint import Card
from repro_lint.document import Block
from repro_lint.evidence import Hit, criterion_codes, release_facts
from repro_lint.kit import criterion_rule

CODES = criterion_codes("CFP0", "carbon-footprint", "carbon footprint")

NUM = r"\d[\d,.]*"

#: Each needs a value: "12.5 tCO2eq", not "carbon emissions".
EMISSIONS = [
    rf"\b{NUM}\s*(?:kg|g|t|tonnes?|tons?|metric tons?|kilograms?|grams?)\s*(?:of\s+)?(?:CO2|CO₂|carbon)(?:eq|e)?",  # "12.5 tCO2eq"
    rf"\b(?:carbon emitted|co2 emitted|co2 emissions?|carbon emissions?|emissions?)\s*[:=|]\s*~?{NUM}",  # "Carbon emitted: 1,200"
    rf"\b(?:emitted|emits|emitting)\s+(?:about\s+|roughly\s+|approximately\s+|~)?{NUM}",  # "emitted about 12"
    rf"碳排放量?\s*[:：|]?\s*约?\s*{NUM}",  # 碳排放 3 吨
    rf"{NUM}\s*(?:吨|千克|公斤)\s*(?:二氧化碳|CO2)",
]

COMPUTE = [
    rf"\b{NUM}\s*[kKM]?\b[^.\n]{{0,30}}?\b(?:GPU|TPU|accelerator|chip|node|device)[- ]?(?:hours?|hrs|days)\b",  # "184k A100 GPU hours"
    rf"\bhours used\s*[:=|]\s*~?{NUM}",  # the Hugging Face template's "Hours used: 120"
    rf"\b{NUM}\s*(?:k|M|G)?Wh\b",  # "52 MWh"
    rf"\b(?:energy|power) (?:consumption|use|used)\s*[:=|]?\s*(?:of\s+)?~?{NUM}",
    rf"(?:GPU|TPU)\s*小时\s*[:：]?\s*{NUM}|{NUM}\s*(?:GPU|TPU)\s*小时|{NUM}\s*(?:千瓦时|度电)",
]

HINTS = {
    "emissions": "the CO2-equivalent emitted (e.g. 12.5 tCO2eq)",
    "compute": "the compute behind it (accelerator hours or energy)",
}

#: A withholding sentence ("we do not disclose our energy use") about these makes the verdict closed.
SUBJECT = [r"\bcarbon\b", r"\bemissions?\b", r"\bCO2", r"\benergy\b", r"\bfootprint\b", r"碳排放|能耗"]

#: Headings of sections about the footprint (reported when they hold only placeholder text).
SECTION = [r"\benvironmental impact\b", r"\bcarbon\b", r"\bemissions?\b", r"碳排放|环境影响"]


def _front_matter(card: Card) -> dict[str, list[Hit]]:
    """``co2_eq_emissions: 149200`` or ``co2_eq_emissions: {emissions: …, hardware_used: …}``."""
    value = card.front_matter_value("co2_eq_emissions")
    line = card.front_matter_line("co2_eq_emissions")
    found: dict[str, list[Hit]] = {"emissions": [], "compute": []}
    if isinstance(value, dict):
        if isinstance(value.get("emissions"), (int, float)):
            found["emissions"].append(Hit("emissions", line, f"co2_eq_emissions.emissions: {value['emissions']}"))
        if value.get("hardware_used"):
            found["compute"].append(Hit("compute", line, f"co2_eq_emissions.hardware_used: {value['hardware_used']}"))
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        found["emissions"].append(Hit("emissions", line, f"co2_eq_emissions: {value}"))
    return found


def _outside_front_matter(block: Block) -> bool:
    """Facts about the release in the card's text; the front matter is read by ``_front_matter``."""
    return release_facts(block) and block.kind != "front_matter"


CARBON = criterion_rule(
    "carbon_footprint",
    CODES,
    doc=__doc__,
    elements={"emissions": EMISSIONS, "compute": COMPUTE},
    hints=HINTS,
    subject=SUBJECT,
    sections=SECTION,
    where=_outside_front_matter,
    extra=_front_matter,
    weight=0.5,
)
check, RULE, repro_lint_rules = CARBON.check, CARBON.rule, CARBON.hook
