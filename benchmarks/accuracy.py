"""Agreement of repro-lint's verdicts with human labels on a corpus of real model cards.

Usage:
    python benchmarks/accuracy.py --corpus ../shared/corpus [--worst 15] [--json out.json]
    python benchmarks/accuracy.py --corpus ../shared/corpus --folds 5 --exclude-fold 3

With ``--folds N`` the cards are split by model family into N folds (see :func:`family_folds`): a
family never spans two folds, so one fold can be kept aside while rules are tuned on the others.
Per-fold figures are printed; ``--exclude-fold K`` lists disagreements only of the other folds (the
kept-aside fold's figure is still printed, its cards are never shown) and ``--fold K`` scores only fold K.

The corpus directory holds ``cards/*.md`` and ``labels.yaml`` (see ../shared/corpus/RUBRIC.md). The real
linter runs on every card exactly as the CLI would; labels are read only to score the result, and no
label or card name ever reaches the rules.

Prints per criterion and overall: exact agreement, quadratic-weighted kappa, two-level errors
(complete vs absent/closed), a confusion matrix, the same split by language, and the worst
disagreements with the evidence the linter used.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from repro_lint.config import Settings  # noqa: E402
from repro_lint.document import parse  # noqa: E402
from repro_lint.engine import lint_card  # noqa: E402
from repro_lint.inputs import InputError, read_card  # noqa: E402
from repro_lint.plugins import load_rules  # noqa: E402
from repro_lint.results import CORE_CRITERIA  # noqa: E402

LEVELS = ("absent", "closed", "partial", "complete")  # ordinal order used for the weighted kappa
ORD = {name: i for i, name in enumerate(LEVELS)}


def qwk(pairs: list[tuple[str, str]]) -> float:
    """Quadratic-weighted Cohen's kappa over the ordinal levels."""
    n = len(pairs)
    if n == 0:
        return float("nan")
    k = len(LEVELS)
    observed = [[0.0] * k for _ in range(k)]
    for a, b in pairs:
        observed[ORD[a]][ORD[b]] += 1
    row = [sum(observed[i]) for i in range(k)]
    col = [sum(observed[i][j] for i in range(k)) for j in range(k)]
    num = den = 0.0
    for i in range(k):
        for j in range(k):
            w = (i - j) ** 2 / (k - 1) ** 2
            num += w * observed[i][j]
            den += w * row[i] * col[j] / n
    return 1.0 - num / den if den else 1.0


def two_level(label: str, got: str) -> bool:
    low = {"absent", "closed"}
    return (label == "complete" and got in low) or (got == "complete" and label in low)


def normalise(level: str) -> str:
    return "closed" if level.startswith("closed") else level


def _stem(card: str) -> str:
    """The family word of a card file name: ``chatglm2-6b-zh`` → ``chatglm``, ``llama-3.1`` → ``llama``."""
    return re.sub(r"[\d.]+$", "", card.split("-")[0]) or card


def _owner(entry: dict[str, Any]) -> str:
    source = str(entry.get("source") or "")
    return source.split("/", 1)[0].lower() if "/" in source else ""


def family_folds(labels: dict[str, dict[str, Any]], folds: int) -> dict[str, int]:
    """Card name → fold, so that one model family never spans two folds.

    A family joins cards with the same name stem and cards from the same source-repository owner;
    an owner whose cards carry three or more different stems is a collection (a mirror of many
    models), not a family, and joins nothing. Families are dealt largest first (ties by a hash of
    their first card name, so the split does not depend on dictionary order) to the fold with the
    fewest cards so far: deterministic and balanced.
    """
    stems_of_owner: dict[str, set[str]] = defaultdict(set)
    for name, entry in labels.items():
        stems_of_owner[_owner(entry)].add(_stem(name))
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for name, entry in labels.items():
        stem, owner = "stem:" + _stem(name), _owner(entry)
        find(stem)
        if owner and len(stems_of_owner[owner]) < 3:
            parent[find("owner:" + owner)] = find(stem)
    families: dict[str, list[str]] = defaultdict(list)
    for name in labels:
        families[find("stem:" + _stem(name))].append(name)

    def digest(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    order = sorted(families.values(), key=lambda members: (-len(members), digest(min(members))))
    sizes = [0] * folds
    fold_of: dict[str, int] = {}
    for members in order:
        k = min(range(folds), key=lambda i: (sizes[i], i))
        sizes[k] += len(members)
        for name in members:
            fold_of[name] = k
    return fold_of


def evaluate(corpus: Path) -> dict[str, Any]:
    import yaml

    labels = yaml.safe_load((corpus / "labels.yaml").read_text(encoding="utf-8"))["cards"]
    loaded = load_rules()
    if loaded.errors:
        raise SystemExit("; ".join(loaded.errors))
    rows = []
    crashes = []
    for name in sorted(labels):
        path = corpus / "cards" / f"{name}.md"
        entry = labels[name]
        try:
            text = read_card(str(path), Settings().max_bytes)
            result = lint_card(parse(text, str(path)), loaded.rules, Settings())
        except InputError as exc:
            crashes.append(f"{name}: {exc}")
            continue
        except Exception as exc:  # measured, not hidden
            crashes.append(f"{name}: {exc.__class__.__name__}: {exc}")
            continue
        if result.internal_error:
            crashes.append(f"{name}: " + "; ".join(f.message for f in result.findings if f.code == "RL001"))
        lang = "zh" if str(entry.get("language", "en")).startswith("zh") else "en"
        kind = str(entry.get("kind") or "")
        for crit in CORE_CRITERIA:
            c = result.criteria.get(crit)
            got = c.level.value if c else "absent"
            rows.append(
                {
                    "card": name,
                    "language": lang,
                    "kind": kind,
                    "criterion": crit,
                    "label": normalise(str(entry[crit])),
                    "got": got,
                    "label_evidence": entry.get(f"{crit}_evidence"),
                    "evidence": [f"{e.line}: [{e.element}] {e.text}" for e in (c.evidence if c else [])][:4],
                }
            )
    return {"rows": rows, "crashes": crashes, "labels": labels}


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    pairs = [(r["label"], r["got"]) for r in rows]
    n = len(pairs)
    return {
        "n": n,
        "exact": sum(a == b for a, b in pairs) / n if n else float("nan"),
        "qwk": qwk(pairs),
        "two_level": sum(two_level(a, b) for a, b in pairs) / n if n else float("nan"),
        "two_level_count": sum(two_level(a, b) for a, b in pairs),
    }


def confusion(rows: list[dict[str, Any]]) -> str:
    counts = Counter((r["label"], r["got"]) for r in rows)
    head = "label \\ got".ljust(12) + "".join(level.rjust(10) for level in LEVELS)
    lines = [head]
    for a in LEVELS:
        lines.append(a.ljust(12) + "".join(str(counts.get((a, b), 0)).rjust(10) for b in LEVELS))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--worst", type=int, default=15, help="how many disagreements to list")
    parser.add_argument("--json", type=Path, help="also write all rows and figures to this file")
    parser.add_argument("--criterion", help="only list disagreements for this criterion")
    parser.add_argument("--folds", type=int, default=0, help="split the cards by model family into this many folds")
    parser.add_argument("--fold", type=int, help="with --folds: score only this fold")
    parser.add_argument("--exclude-fold", type=int, help="with --folds: keep this fold aside (never list its disagreements)")
    args = parser.parse_args(argv)
    if (args.fold is not None or args.exclude_fold is not None) and args.folds < 2:
        print("--fold and --exclude-fold need --folds N (N >= 2)", file=sys.stderr)
        return 2
    for k in (args.fold, args.exclude_fold):
        if k is not None and not 0 <= k < args.folds:
            print(f"fold {k} is not in 0..{args.folds - 1}", file=sys.stderr)
            return 2
    if not (args.corpus / "labels.yaml").is_file():
        print(f"no labels.yaml under {args.corpus}", file=sys.stderr)
        return 2
    data = evaluate(args.corpus)
    rows = data["rows"]
    fold_rows: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if args.folds >= 2:
        fold_of = family_folds(data["labels"], args.folds)
        for r in rows:
            r["fold"] = fold_of[r["card"]]
            fold_rows[r["fold"]].append(r)
        if args.fold is not None:
            rows = [r for r in rows if r["fold"] == args.fold]
    by_crit: dict[str, list[dict[str, Any]]] = defaultdict(list)
    by_lang: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_crit[r["criterion"]].append(r)
        by_lang[r["language"]].append(r)
    print(f"cards: {len(rows) // len(CORE_CRITERIA)}   crashes: {len(data['crashes'])}")
    for c in data["crashes"]:
        print(f"  crash: {c}")
    print()
    print(f"{'criterion':<18}{'n':>5}{'exact':>8}{'qwk':>8}{'2-level':>9}")
    figures: dict[str, Any] = {}
    for name in CORE_CRITERIA:
        s = summarise(by_crit[name])
        figures[name] = s
        print(f"{name:<18}{s['n']:>5}{s['exact']:>8.3f}{s['qwk']:>8.3f}{s['two_level']:>9.3f}")
    overall = summarise(rows)
    figures["overall"] = overall
    print(f"{'overall':<18}{overall['n']:>5}{overall['exact']:>8.3f}{overall['qwk']:>8.3f}{overall['two_level']:>9.3f}")
    print()
    for lang, lrows in sorted(by_lang.items()):
        s = summarise(lrows)
        figures[f"language:{lang}"] = s
        per = "  ".join(f"{c}={summarise([r for r in lrows if r['criterion'] == c])['exact']:.2f}" for c in CORE_CRITERIA)
        print(f"language {lang:<3} n={s['n']:<4} exact={s['exact']:.3f} qwk={s['qwk']:.3f} 2-level={s['two_level_count']}   {per}")
    print()
    if fold_rows:
        print(f"folds (by model family){'' if args.exclude_fold is None else f'; fold {args.exclude_fold} kept aside'}:")
        print(f"{'fold':<14}{'cards':>6}{'overall':>9}" + "".join(f"{c[:12]:>14}" for c in CORE_CRITERIA) + f"{'2-level':>9}")

        def fold_line(label: str, frows: list[dict[str, Any]]) -> None:
            s = summarise(frows)
            per = "".join(f"{summarise([r for r in frows if r['criterion'] == c])['exact']:>14.3f}" for c in CORE_CRITERIA)
            print(f"{label:<14}{s['n'] // len(CORE_CRITERIA):>6}{s['exact']:>9.3f}{per}{s['two_level_count']:>9}")

        for k in sorted(fold_rows):
            fold_line(f"fold {k}" + (" (aside)" if k == args.exclude_fold else ""), fold_rows[k])
            figures[f"fold:{k}"] = summarise(fold_rows[k])
        if args.exclude_fold is not None:
            tuned = [r for k, frs in fold_rows.items() if k != args.exclude_fold for r in frs]
            fold_line("tuned folds", tuned)
            fold_line("held-out fold", fold_rows[args.exclude_fold])
        print()
    for name in CORE_CRITERIA:
        print(f"confusion: {name}")
        print(confusion(by_crit[name]))
        print()
    wrong = [
        r
        for r in rows
        if r["label"] != r["got"]
        and (not args.criterion or r["criterion"] == args.criterion)
        and (args.exclude_fold is None or r.get("fold") != args.exclude_fold)
    ]
    wrong.sort(key=lambda r: (-abs(ORD[r["label"]] - ORD[r["got"]]), r["criterion"], r["card"]))
    print(f"worst disagreements ({len(wrong)} in all):")
    for r in wrong[: args.worst]:
        print(f"- {r['card']} / {r['criterion']}: label {r['label']}, linter {r['got']}")
        print(f"    label evidence: {r['label_evidence']!r}")
        for e in r["evidence"]:
            print(f"    linter evidence {e[:150]}")
    if args.json:
        args.json.write_text(json.dumps({"figures": figures, "rows": rows, "crashes": data["crashes"]}, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
