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

from ..prefilter import any_of
from ._index import RELEASE_MEMO, CardIndex, SentenceTable, analysing, card_index, release_of
from ._patterns import (
    CLAUSE_BREAK,
    FUTURE,
    PLACEHOLDER,
    TEMPLATE_SENTENCE,
    USAGE_HEADING,
    WITHHELD,
)
from ._placeholders import placeholder_sections, placeholder_values
from ._quotes import QUOTE_CONTEXT, Hit, exact_quote, locate, source_quote, window_quote
from ._release_sections import (
    EXAMPLE_PATH,
    FINETUNE_HEADING,
    HOWTO_HEADING,
    OFFER_VOICE,
    RELEASE_STAGE,
    RELEASE_VOICE,
    TRAINING_CODE,
    TRAINING_CONFIG,
    TRAINING_HEADING,
    USER_HEADING,
    USER_TRAINING,
    release_blocks,
    release_sections,
    training_files,
)
from ._scan import link_hits, pattern_hits, scan
from ._text import (
    PROSE_KINDS,
    BlockFilter,
    blank_urls,
    block_sentences,
    clean,
    everywhere,
    header_value,
    heading_matches,
    in_section,
    is_placeholder_only,
    is_usage,
    promised,
    release_facts,
    sentences,
)
from ._verdicts import (
    CriterionCodes,
    criterion_codes,
    finding,
    judge,
    partial_score,
    plural_verb,
    release_file_hits,
    verdict_from_hits,
)
from ._withholding import ARTIFACT, TRAINED_ON, WITHHELD_SCOPE, withheld, withholds

#: ``words`` is the former name of :func:`any_of`.
words = any_of

__all__ = [
    # patterns
    "any_of",
    # finding evidence
    "Hit",
    "BlockFilter",
    "scan",
    "link_hits",
    "everywhere",
    "release_facts",
    "release_blocks",
    # withholding, placeholders, promises
    "withheld",
    "placeholder_sections",
    "placeholder_values",
    "is_placeholder_only",
    "promised",
    "PLACEHOLDER",
    "WITHHELD",
    "FUTURE",
    # verdicts
    "CriterionCodes",
    "criterion_codes",
    "verdict_from_hits",
    "finding",
    "partial_score",
    # quotes and the release
    "source_quote",
    "release_of",
]

# Importable for the built-in rules and older plugins, not part of the documented surface.
_INTERNAL = (
    RELEASE_MEMO, CardIndex, SentenceTable, analysing, card_index, CLAUSE_BREAK, TEMPLATE_SENTENCE, USAGE_HEADING,
    QUOTE_CONTEXT, exact_quote, locate, window_quote, EXAMPLE_PATH, FINETUNE_HEADING, HOWTO_HEADING, OFFER_VOICE,
    RELEASE_STAGE, RELEASE_VOICE, TRAINING_CODE, TRAINING_CONFIG, TRAINING_HEADING, USER_HEADING, USER_TRAINING,
    release_sections, training_files, pattern_hits, PROSE_KINDS, blank_urls, block_sentences, clean, header_value,
    heading_matches, in_section, is_usage, sentences, judge, plural_verb, release_file_hits, ARTIFACT, TRAINED_ON,
    WITHHELD_SCOPE, withholds, words,
)
