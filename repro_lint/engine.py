"""The engine: run every rule on a parsed card, each inside its own error boundary, then score.

Score = 100 × the weighted mean of the criteria sub-scores. The tier follows the openness hierarchy
(:data:`repro_lint.results.TIER_LADDER`): all five core criteria complete → open and reproducible;
architecture and weights complete → open weights; weights at least partial → weights available;
training data, method and hyperparameters complete without the weights → recipe only; otherwise
closed. The engine also states why (``tier_reasons``) and sums up the gate (``gate_summary``).
Suppression and selection decide what the gate sees; they never change the score.
"""

from __future__ import annotations

import contextlib
import copy
import fnmatch
import io
import math
import signal
import threading
from dataclasses import replace
from pathlib import PurePath
from typing import Callable, Iterable, Iterator, Optional, Sequence

from . import profiles, suppress
from .config import Settings
from .document import Card, parse
from .evidence._index import analysing
from .results import (
    CORE_CRITERIA,
    Code,
    CriterionResult,
    Evidence,
    FileResult,
    Finding,
    Level,
    Rule,
    Severity,
    Tier,
    Verdict,
)

#: Seconds one rule may spend on one card before it is stopped and reported (RL001), plus
#: ``RULE_TIME_PER_MIB`` for every MiB of card text: the rules' work grows with the card, a hang does not.
RULE_TIME_BUDGET = 10.0
RULE_TIME_PER_MIB = 10.0

RULE_ERROR = Code("RL001", "rule-error", "A rule plugin crashed, hung or returned something invalid.", Severity.ERROR)
FRONT_MATTER = Code("RL002", "invalid-front-matter", "The YAML front matter could not be read and was ignored.", Severity.WARNING)
BAD_SUPPRESSION = Code("RL003", "invalid-suppression", "A repro-lint comment directive is malformed.", Severity.WARNING)

ENGINE_DOC = """Engine checks: problems with the card itself or with a rule, not with a criterion.

What it checks
  RL001 rule-error: a rule raised an exception, exceeded its time budget, printed to stdout or
  returned something that is not a Verdict. The other rules still run; the exit code is 2.
  RL002 invalid-front-matter: the YAML front matter is malformed, too large or too deeply aliased,
  so its keys (license, datasets, base_model …) were ignored.
  RL003 invalid-suppression: an HTML comment starts with repro-lint but is not a known directive
  (a warning), or names a code, prefix or slug that no installed rule has (an error: it would
  silence nothing).

Why it matters
  A crashed rule or ignored front matter means the verdict may be wrong; the gate must say so.

Example
  ---
  license: [unclosed
  ---

Fix
  Repair the YAML (check it with a YAML linter); for RL001 report the bug to the plugin's authors
  or disable the plugin with -p no:NAME.
"""

ENGINE_CODES: tuple[Code, ...] = (RULE_ERROR, FRONT_MATTER, BAD_SUPPRESSION)

_LEVEL_SCORE = {Level.COMPLETE: 1.0, Level.ABSENT: 0.0, Level.CLOSED: 0.0}


class RuleTimeout(Exception):
    pass


class RuleUnavailable(Exception):
    """Raised by the stand-in of a plugin that could not be loaded; the message says why."""


@contextlib.contextmanager
def _time_budget(seconds: float) -> Iterator[None]:
    """Interrupt a rule that runs longer than ``seconds`` (main thread on POSIX; elsewhere no limit)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable or seconds <= 0:
        yield
        return

    def _expired(signum: int, frame: object) -> None:
        raise RuleTimeout()

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_rule(
    rule: Rule, card: Card, budget: float = RULE_TIME_BUDGET, *, verdicts: Optional[dict[str, CriterionResult]] = None
) -> tuple[Optional[Verdict], Optional[str]]:
    """Call one rule inside its error boundary; return (verdict, None) or (None, error message).

    A rule with ``needs_verdicts`` is called as ``check(card, verdicts)`` with a copy of the verdicts.
    """
    out = io.StringIO()
    try:
        with _time_budget(budget), contextlib.redirect_stdout(out):
            verdict = rule.check(card, copy.deepcopy(verdicts or {})) if rule.needs_verdicts else rule.check(card)
    except RuleTimeout:
        return None, f"exceeded its time budget of {budget:g} s"
    except RecursionError:
        return None, "raised RecursionError"
    except RuleUnavailable as exc:
        return None, str(exc)
    except SystemExit as exc:  # a rule must not end the whole run (and its exit code) on its own
        return None, f"called sys.exit({exc.code!r})"
    except Exception as exc:  # the error boundary: one rule never takes down the run
        return None, " ".join(f"raised {exc.__class__.__name__}: {exc}".split())
    if out.getvalue():
        return None, "printed to standard output (rules must return data, not print)"
    problem = _verdict_problem(verdict)
    return (None, problem) if problem else (verdict, None)


def _verdict_problem(verdict: object) -> Optional[str]:
    """Why a rule's return value cannot be used (None when it is a well-formed Verdict)."""
    if not isinstance(verdict, Verdict):
        return f"returned {type(verdict).__name__}, not a Verdict"
    if not isinstance(verdict.level, Level):
        return f"returned a level of {verdict.level!r}, not a Level"
    score = verdict.score
    if isinstance(score, bool) or not isinstance(score, (int, float)) or not math.isfinite(score) or not 0.0 <= score <= 1.0:
        return f"returned a score of {score!r}, not a number in [0, 1]"
    for f in verdict.findings:
        if not isinstance(f, Finding) or not isinstance(f.line, int) or not isinstance(f.column, int) or not isinstance(f.severity, Severity):
            return f"returned a finding that is not a Finding with integer line and column: {f!r:.80}"
    for e in verdict.evidence:
        if not isinstance(e, Evidence) or not isinstance(e.line, int):
            return f"returned evidence that is not an Evidence with an integer line: {e!r:.80}"
    return None


def is_selected(code: str, slug: str, settings: Settings, path: Optional[str] = None) -> bool:
    """ruff/flake8 selection: codes match by prefix (or slug, or ALL); the longest match wins."""

    def best(selectors: Iterable[str]) -> int:
        length = -1
        for s in selectors:  # case-insensitive: "rl3" is RL3, "Training-Data-Missing" the slug
            if s.upper() == "ALL":
                length = max(length, 0)
            elif s.lower() == slug:
                length = max(length, 100)
            elif code.startswith(s.upper()):
                length = max(length, len(s))
        return length

    ignore = list(settings.ignore)
    if path is not None and settings.per_file_ignores:
        pure = PurePath(path)
        for pattern, codes in settings.per_file_ignores.items():
            if pure.match(pattern) or fnmatch.fnmatch(path, pattern):
                ignore.extend(codes)
    chosen = max(best(settings.select), best(settings.extend_select))
    return chosen >= 0 and chosen > best(ignore)  # on a tie, ignore wins (ruff)


def tier_for(levels: dict[str, Level]) -> Tier:
    """The first rung of :data:`~repro_lint.results.TIER_LADDER` whose condition the core levels meet."""

    def ok(*names: str) -> bool:
        return all(levels.get(n) == Level.COMPLETE for n in names)

    if ok(*CORE_CRITERIA):
        return Tier.OPEN_REPRODUCIBLE
    if ok("architecture", "weights"):
        return Tier.OPEN_WEIGHTS
    if levels.get("weights") in (Level.COMPLETE, Level.PARTIAL):
        return Tier.WEIGHTS_AVAILABLE
    if ok(*RECIPE):
        return Tier.RECIPE_ONLY
    return Tier.CLOSED


#: The criteria that make up the full recipe (recipe only, and the recipe half of open and reproducible).
RECIPE = ("training_data", "training_method", "hyperparameters")


def _label(name: str) -> str:
    return name.replace("_", " ")


def _state(criteria: dict[str, CriterionResult], name: str) -> str:
    """``architecture is partial (missing dimensions)``: what keeps a criterion from complete."""
    c = criteria.get(name)
    if c is None:
        return f"{_label(name)} was not checked"
    verb = "are" if name in ("weights", "hyperparameters") else "is"
    text = f"{_label(name)} {verb} {c.level.value}"
    if c.level == Level.PARTIAL and c.missing:
        text += " (missing " + ", ".join(c.missing) + ")"
    return text


def tier_reasons(tier: Tier, criteria: dict[str, CriterionResult]) -> list[str]:
    """Why a card got ``tier``: what it meets, and what keeps it from the rung above (one phrase each)."""

    def short(names: Sequence[str]) -> str:
        """The criteria of ``names`` that are not complete: partial ones with what they miss, the rest grouped."""
        parts: list[str] = []
        grouped: dict[str, list[str]] = {}
        for n in names:
            c = criteria.get(n)
            if c is not None and c.level == Level.COMPLETE:
                continue
            if c is not None and c.level == Level.PARTIAL:
                parts.append(_state(criteria, n))
            else:
                grouped.setdefault(c.level.value if c else "not checked", []).append(n)
        grouped_parts = []
        for level, group in grouped.items():
            verb = "are" if len(group) > 1 or group[0] in ("weights", "hyperparameters") else "is"
            grouped_parts.append(f"{_join([_label(n) for n in group])} {verb} {level}")
        return ", ".join(grouped_parts + parts)  # a partial one's list of missing elements comes last

    if tier == Tier.OPEN_REPRODUCIBLE:
        return ["all five criteria are complete"]
    if tier == Tier.OPEN_WEIGHTS:
        return ["architecture and weights are complete", f"not reproducible: {short(RECIPE)}"]
    if tier == Tier.WEIGHTS_AVAILABLE:
        weights = criteria["weights"]
        head = "weights are complete" if weights.level == Level.COMPLETE else "weights are documented in part"
        return [head, f"not open weights: {short(('architecture', 'weights'))}"]
    if tier == Tier.RECIPE_ONLY:
        return ["training data, training method and hyperparameters are complete", f"no downloadable weights: {_state(criteria, 'weights')}"]
    blockers = short(RECIPE)
    return [f"no downloadable weights: {_state(criteria, 'weights')}"] + ([f"no full recipe: {blockers}"] if blockers else [])


def _join(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def lint_card(card: Card, rules: Sequence[Rule], settings: Settings = Settings(), progress: Optional[Callable[[str], None]] = None) -> FileResult:
    """Run the rules on one card and return its result (never raises for a rule's failure).

    The profile (``settings.profile``) decides which opt-in rules run and adds its thresholds; rules
    that judge other verdicts (``needs_verdicts``) run last. ``progress``, when given, is called with
    each rule's name before the rule runs.
    """
    all_rules = rules
    settings = profiles.resolve(settings)
    active = profiles.active_rules(rules, settings.profile)
    rules = [r for r in active if not r.needs_verdicts] + [r for r in active if r.needs_verdicts]
    result = FileResult(path=card.path)
    findings: list[Finding] = []
    budget = round(RULE_TIME_BUDGET + RULE_TIME_PER_MIB * len(card.text) / 2**20, 1)
    if card.front_matter_error:
        findings.append(_engine_finding(FRONT_MATTER, f"Front matter ignored: {card.front_matter_error}.", 1))
    with analysing(card):  # the per-card index every rule shares, dropped after the last rule
        for rule in rules:
            if progress is not None:
                progress(rule.name)  # before each rule: a long card shows which rule it is on
            verdict, error = run_rule(rule, card, budget, verdicts=result.criteria if rule.needs_verdicts else None)
            weight = settings.weights.get(rule.criterion, rule.weight)
            if verdict is None:
                result.internal_error = True
                findings.append(_engine_finding(RULE_ERROR, f"Rule {rule.name} ({rule.plugin or 'unknown plugin'}) {error}.", 1))
                if rule.criterion:  # a plugin that failed to load has no criterion to score
                    result.criteria[rule.criterion] = CriterionResult(rule.criterion, Level.ABSENT, 0.0, weight, rule.name)
                continue
            if rule.findings_only:
                findings.extend(replace(f, rule=f.rule or rule.name) for f in verdict.findings)
                continue
            result.criteria[rule.criterion] = CriterionResult(
                rule.criterion, verdict.level, round(float(verdict.score), 3), weight, rule.name, list(verdict.evidence), tuple(verdict.missing)
            )
            for f in verdict.findings:
                f.rule = f.rule or rule.name
                findings.append(f)
    profile = profiles.get(settings.profile)
    if not profile.show_extra_criteria:  # judged for the findings (and for the rules that read them), not listed
        for rule in active:
            if rule.opt_in:
                result.criteria.pop(rule.criterion, None)
    if profile.quiet:
        findings = [f for f in findings if f.code not in profile.quiet]
    scored = [c for c in result.criteria.values() if c.level != Level.NOT_APPLICABLE]  # n/a: not part of the score
    total_weight = sum(c.weight for c in scored)
    if total_weight > 0:
        result.score = round(100.0 * sum(c.score * c.weight for c in scored) / total_weight, 1)
    result.tier = tier_for({name: c.level for name, c in result.criteria.items()})
    result.tier_reasons = tier_reasons(result.tier, result.criteria)

    directives, malformed = suppress.parse_directives(card) if settings.inline_config else ([], [])
    for line, text in malformed:
        findings.append(_engine_finding(BAD_SUPPRESSION, f"Unknown repro-lint directive '{text[:60]}'.", line))
    if directives:
        findings.extend(_unknown_directive_selectors(directives, all_rules))
    n_lines = max(len(card.lines), 1)
    for f in findings:
        f.line = min(max(int(f.line), 1), n_lines)
        f.column = max(int(f.column), 1)
    findings = [f for f in findings if f.code == RULE_ERROR.code or is_selected(f.code, f.slug, settings, card.path)]
    suppress.apply(findings, directives, suppress.next_content_lines(card, directives))
    findings.sort(key=lambda f: (f.line, f.column, f.code))
    result.findings = findings
    _gate(result, settings)
    return result


def _unknown_directive_selectors(directives: Sequence[suppress.Directive], rules: Sequence[Rule]) -> list[Finding]:
    """An error for every directive selector that names no installed code: it would silence nothing."""
    from .selectors import KnownCodes

    known = KnownCodes.of(rules, ENGINE_CODES)
    out = []
    for d in directives:
        for selector in d.selectors:
            problem = known.problem(selector)
            if problem:
                finding = _engine_finding(BAD_SUPPRESSION, f"repro-lint-{d.action}: {problem}", d.line)
                finding.severity = Severity.ERROR
                out.append(finding)
    return out


def _engine_finding(code: Code, message: str, line: int) -> Finding:
    return Finding(code.code, code.slug, message, line, 1, code.severity, rule="engine")


def _gate(result: FileResult, settings: Settings) -> None:
    errors = [f for f in result.active_findings if f.severity == Severity.ERROR]
    if errors:
        result.gate_reasons.append(f"{len(errors)} error finding{'s' if len(errors) != 1 else ''}")
    if result.score < settings.fail_under:
        result.gate_reasons.append(f"score {result.score:g} is under {settings.fail_under:g}")
    for name in settings.require:
        crit = result.criteria.get(name)
        if crit is None or crit.level not in (Level.COMPLETE, Level.NOT_APPLICABLE):
            level = crit.level.value if crit else "not checked"
            result.gate_reasons.append(f"required criterion {name} is {level}")
    result.gate_failed = bool(result.gate_reasons)
    result.gate_summary = _gate_summary(result, settings)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"


def _gate_summary(result: FileResult, settings: Settings) -> str:
    """The gate's outcome in one line: ``failed — <reasons>`` or ``passed (<what was checked>)``."""
    if result.gate_failed:
        return "failed — " + "; ".join(result.gate_reasons)
    active = result.active_findings
    notes = ["no error findings"]
    warnings = sum(1 for f in active if f.severity == Severity.WARNING)
    if warnings:
        notes.insert(0, _count(warnings, "warning"))
    suppressed = len(result.findings) - len(active)
    if suppressed:
        notes.append(_count(suppressed, "suppressed finding"))
    if settings.fail_under:
        notes.append(f"score {result.score:g} ≥ {settings.fail_under:g}")
    if settings.require:
        notes.append(f"{', '.join(settings.require)} complete as required")
    return f"passed ({'; '.join(notes)})"


def lint_text(text: str, path: str, rules: Sequence[Rule], settings: Settings = Settings()) -> FileResult:
    return lint_card(parse(text, path), rules, settings)


__all__ = ["lint_card", "lint_text", "run_rule", "tier_for", "tier_reasons", "is_selected", "ENGINE_CODES", "ENGINE_DOC"]
