"""Evidence helpers for rules: what is placeholder, withheld, promised, or user-facing.

Rules describe *what* counts as evidence for their criterion as named pattern tables; the helpers
here decide *where* a match counts. The mechanisms are general and apply to every criterion:

* placeholder and template text (``[More Information Needed]``, ``TODO``, 待补充 …) is never evidence;
* a sentence that withholds ("not released", "proprietary", 不公开) is a *closed* statement, not a
  mention, when it names the criterion's subject;
* a sentence in the future tense ("will be released", 即将开源) is a promise, not evidence;
* user-facing sections (usage, quick start, "fine-tune on your own data", citation) do not document
  how the release itself was made, so method, data and hyperparameter rules skip them.

The public surface for plugin authors is ``__all__`` (documented in ``docs/plugins.md``). The
package's modules each do one job: ``_patterns`` (shared pattern tables), ``_text`` (cleaning and
sentence splitting), ``_quotes`` (hits and their quotes), ``_index`` (the per-card
:class:`CardIndex` the engine builds once per card), ``_scan``, ``_withholding``, ``_placeholders``,
``_verdicts`` and ``_release_sections``. The other names importable from here are used by the
built-in rules and may change without notice.
"""

from __future__ import annotations

# The public surface (``__all__``), then the names the built-in rules import (``x as x``: re-exported, undocumented).
from ..prefilter import any_of
from ._index import CardIndex as CardIndex
from ._index import SentenceTable as SentenceTable
from ._index import analysing as analysing
from ._index import card_index as card_index
from ._index import release_of
from ._patterns import CLAUSE_BREAK as CLAUSE_BREAK
from ._patterns import DATA_UNIT as DATA_UNIT
from ._patterns import FUTURE, PLACEHOLDER, WITHHELD
from ._patterns import LATIN_AFTER as LATIN_AFTER
from ._patterns import LATIN_BEFORE as LATIN_BEFORE
from ._patterns import TEMPLATE_SENTENCE as TEMPLATE_SENTENCE
from ._patterns import USAGE_HEADING as USAGE_HEADING
from ._placeholders import placeholder_sections, placeholder_values
from ._quotes import QUOTE_CONTEXT as QUOTE_CONTEXT
from ._quotes import Hit, source_quote
from ._quotes import exact_quote as exact_quote
from ._quotes import hit_clause as hit_clause
from ._quotes import hit_sentence as hit_sentence
from ._quotes import locate as locate
from ._quotes import window_quote as window_quote
from ._release_names import INFERENCE_RUN as INFERENCE_RUN
from ._release_names import names_release as names_release
from ._release_names import release_names as release_names
from ._release_names import release_rows as release_rows
from ._release_names import runs_inference as runs_inference
from ._release_sections import EXAMPLE_PATH as EXAMPLE_PATH
from ._release_sections import FINETUNE_HEADING as FINETUNE_HEADING
from ._release_sections import HOWTO_HEADING as HOWTO_HEADING
from ._release_sections import OFFER_VOICE as OFFER_VOICE
from ._release_sections import RELEASE_STAGE as RELEASE_STAGE
from ._release_sections import RELEASE_VOICE as RELEASE_VOICE
from ._release_sections import TRAINING_CODE as TRAINING_CODE
from ._release_sections import TRAINING_CONFIG as TRAINING_CONFIG
from ._release_sections import TRAINING_HEADING as TRAINING_HEADING
from ._release_sections import USER_HEADING as USER_HEADING
from ._release_sections import USER_TRAINING as USER_TRAINING
from ._release_sections import release_blocks
from ._release_sections import release_sections as release_sections
from ._release_sections import release_training as release_training
from ._release_sections import training_files as training_files
from ._scan import link_hits, scan
from ._scan import pattern_hits as pattern_hits
from ._text import PROSE_KINDS as PROSE_KINDS
from ._text import BlockFilter, everywhere, is_placeholder_only, promised, release_facts
from ._text import blank_urls as blank_urls
from ._text import block_sentences as block_sentences
from ._text import clean as clean
from ._text import header_value as header_value
from ._text import heading_matches as heading_matches
from ._text import in_section as in_section
from ._text import is_prose as is_prose
from ._text import is_usage as is_usage
from ._text import one_line as one_line
from ._text import sentences as sentences
from ._verdicts import CriterionCodes, criterion_codes, finding, partial_score, verdict_from_hits
from ._verdicts import plural_verb as plural_verb
from ._verdicts import release_file_hits as release_file_hits
from ._withholding import ARTIFACT as ARTIFACT
from ._withholding import TRAINED_ON as TRAINED_ON
from ._withholding import WITHHELD_SCOPE as WITHHELD_SCOPE
from ._withholding import withheld
from ._withholding import withholds as withholds

#: ``words`` is the former name of :func:`any_of`.
words = any_of

__all__ = [
    "any_of",
    "Hit",
    "BlockFilter",
    "scan",
    "link_hits",
    "everywhere",
    "release_facts",
    "release_blocks",  # finding evidence
    "withheld",
    "placeholder_sections",
    "placeholder_values",
    "is_placeholder_only",
    "promised",  # what is not evidence
    "PLACEHOLDER",
    "WITHHELD",
    "FUTURE",
    "CriterionCodes",
    "criterion_codes",
    "verdict_from_hits",
    "finding",
    "partial_score",
    "source_quote",
    "release_of",  # verdicts
]
