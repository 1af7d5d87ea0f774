"""Auditing many cards from the command line: inputs, jsonl/csv/parquet/html outputs, resume, baseline.

The sample cards are the project's fixtures; their verdicts are pinned elsewhere, e.g.
open-weights.md: score 40, "open weights"; open-reproducible.md: 100, "open and reproducible";
recipe-only.md: 60, "recipe only"; template.md (placeholders only): 0, "closed".
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from repro_lint.cli import main
from repro_lint.results import Severity, Tier

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
NAMES = ("open-weights", "open-reproducible", "recipe-only", "template")
EXPECTED = {
    "open-weights": (40.0, "open weights"),
    "open-reproducible": (100.0, "open and reproducible"),
    "recipe-only": (60.0, "recipe only"),
    "template": (0.0, "closed"),
}
CORE = ("architecture", "weights", "training_data", "training_method", "hyperparameters")
#: The documented audit columns (README "Outputs for many cards"), for the five criteria.
COLUMNS = (
    ["path", "score", "tier", "gate_passed", "gate_reasons"]
    + [f"{c}_{part}" for c in CORE for part in ("level", "score")]
    + ["findings_error", "findings_warning", "findings_info", "findings_suppressed"]
)


def _card(name: str) -> str:
    return (FIXTURES / f"{name}.md").read_text(encoding="utf-8")


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    path = tmp_path / "cards.jsonl"
    path.write_text("".join(json.dumps({"id": f"org/{n}", "text": _card(n)}) + "\n" for n in NAMES), encoding="utf-8")
    return path


def _lines(path: Path) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_jsonl_from_a_dump_one_card_per_line(dump, tmp_path):
    out = tmp_path / "out.jsonl"
    assert main([str(dump), "-f", "jsonl", "-o", str(out), "--isolated"]) == 1  # template fails the gate
    records = _lines(out)
    assert [(r["path"], r["score"], r["tier"]) for r in records] == [(f"org/{n}", *EXPECTED[n]) for n in NAMES]


def test_jobs_2_gives_the_same_lines_as_one_process(dump, tmp_path):
    big = tmp_path / "big.jsonl"  # enough cards for several batches per worker
    rows = [json.dumps({"id": f"org/{n}-{i}", "text": _card(n)}) for i in range(40) for n in NAMES]
    big.write_text("\n".join(rows) + "\n", encoding="utf-8")
    main([str(big), "-f", "jsonl", "-o", str(tmp_path / "one.jsonl"), "--jobs", "1", "--isolated"])
    main([str(big), "-f", "jsonl", "-o", str(tmp_path / "two.jsonl"), "--jobs", "2", "--isolated"])
    one = (tmp_path / "one.jsonl").read_text(encoding="utf-8")
    assert one == (tmp_path / "two.jsonl").read_text(encoding="utf-8") and one.count("\n") == 160


def test_resume_skips_ids_present_and_appends_the_rest(dump, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    first = dump.read_text(encoding="utf-8").splitlines()
    partial = tmp_path / "partial.jsonl"
    partial.write_text("\n".join(first[:2]) + "\n", encoding="utf-8")
    main([str(partial), "-f", "jsonl", "-o", str(out), "--isolated"])
    with out.open("a", encoding="utf-8") as fh:
        fh.write('{"path": "org/recipe-o')  # an interrupted run's torn last line
    main([str(dump), "-f", "jsonl", "--resume", str(out), "--isolated"])
    assert "resuming: 2 card(s) already in" in capsys.readouterr().err
    assert [r["path"] for r in _lines(out)] == [f"org/{n}" for n in NAMES]


def test_resume_refuses_a_file_that_is_not_a_jsonl_report(dump, tmp_path, capsys):
    other = tmp_path / "notes.jsonl"
    other.write_text('{"id": 1}\n', encoding="utf-8")
    assert main([str(dump), "-f", "jsonl", "--resume", str(other)]) == 2
    assert "not a JSON Lines report of repro-lint" in capsys.readouterr().err
    assert other.read_text(encoding="utf-8") == '{"id": 1}\n'


def test_csv_round_trips_through_pandas(dump, tmp_path):
    pd = pytest.importorskip("pandas")
    out = tmp_path / "out.csv"
    main([str(dump), "-f", "csv", "-o", str(out), "--isolated"])
    frame = pd.read_csv(out)
    assert list(frame.columns) == COLUMNS
    assert frame.set_index("path").loc["org/open-weights", ["score", "tier", "weights_level", "training_data_level", "findings_error"]].tolist() == [
        40.0,
        "open weights",
        "complete",
        "absent",
        3,
    ]
    assert frame["gate_passed"].dtype == bool and frame["gate_passed"].tolist() == [False, True, False, False]


def test_parquet_round_trips_with_typed_columns(dump, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is the [parquet] extra")
    out = tmp_path / "out.parquet"
    main([str(dump), "-f", "parquet", "-o", str(out), "--isolated"])
    table = pq.read_table(out)
    assert table.column_names == COLUMNS
    assert str(table.schema.field("score").type) == "double" and str(table.schema.field("findings_error").type) == "int64"
    rows = {r["path"]: r for r in table.to_pylist()}
    assert rows["org/open-reproducible"]["tier"] == "open and reproducible" and rows["org/open-reproducible"]["gate_passed"] is True
    template = rows["org/template"]  # placeholders only: five criteria missing (errors), two placeholder sections (warnings)
    assert template["hyperparameters_score"] == 0.0
    assert (template["findings_error"], template["findings_warning"], template["findings_info"], template["findings_suppressed"]) == (5, 2, 0, 0)


def test_parquet_needs_an_output_file(dump, capsys):
    assert main([str(dump), "-f", "parquet"]) == 2
    assert "-o FILE" in capsys.readouterr().err


def test_csv_header_follows_the_profile_and_the_enums():
    buffer = io.StringIO()
    from repro_lint.reporters import _table

    assert _table.columns(CORE) == COLUMNS
    assert [c for c in _table.columns(CORE) if c.startswith("findings_")][:-1] == [f"findings_{s.value}" for s in Severity]
    csv.writer(buffer).writerow(COLUMNS)


def test_from_list_and_recursive(tmp_path, capsys):
    (tmp_path / "a" / "model_cards").mkdir(parents=True)
    (tmp_path / "a" / "README.md").write_text(_card("open-weights"), encoding="utf-8")
    (tmp_path / "a" / "model_cards" / "b.md").write_text(_card("recipe-only"), encoding="utf-8")
    listing = tmp_path / "ids.txt"
    listing.write_text(f"{FIXTURES / 'template.md'}\n{tmp_path / 'missing.md'}\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code = main(["-r", str(tmp_path / "a"), "--from", str(listing), "-f", "jsonl", "-o", str(out), "--isolated"])
    assert code == 2  # one input is missing: reported, the others are linted
    assert f"{tmp_path / 'missing.md'}: no such file or directory" in capsys.readouterr().err
    assert [Path(r["path"]).name for r in _lines(out)] == ["README.md", "b.md", "template.md"]


def test_html_embeds_escaped_data_and_no_network(dump, tmp_path):
    hostile = tmp_path / "hostile.jsonl"
    text = _card("open-weights") + "\nWeights: </script><script>alert(1)</script> <!-- &amp; \u2028\n"
    hostile.write_text(json.dumps({"id": "evil/</script><img src=x onerror=alert(2)>", "text": text}) + "\n", encoding="utf-8")
    out = tmp_path / "report.html"
    main([str(dump), str(hostile), "-f", "html", "-o", str(out), "--isolated"])
    page = out.read_text(encoding="utf-8")
    assert page.count("<script") == 2 and page.count("</script>") == 2  # ours only: the data cannot close its element
    assert "<img" not in page and "alert(2)" in page
    assert "<link" not in page and ' src="' not in page and "default-src 'none'" in page  # nothing is fetched
    data = json.loads(page.split('<script type="application/json" id="data">', 1)[1].split("</script>", 1)[0])
    assert [t for t in data["tiers"]] == [t.value for t in Tier]
    assert data["rows"][-1]["p"] == "evil/</script><img src=x onerror=alert(2)>"  # the JSON still says exactly what the card said
    assert data["rows"][0]["h"] == "https://huggingface.co/org/open-weights/blob/main/README.md"


def test_html_shows_profile_criteria(dump, tmp_path):
    out = tmp_path / "report.html"
    main([str(dump), "-f", "html", "-o", str(out), "--isolated", "--profile", "osai"])
    data = json.loads(out.read_text(encoding="utf-8").split('id="data">', 1)[1].split("</script>", 1)[0])
    assert data["criteria"][:5] == list(CORE) and len(data["criteria"]) > 5 and data["core"][5] is False


def test_html_evidence_from_release_files_names_and_links_the_file(tmp_path):
    # fixtures/releases/config-complete: the card says little, config.json gives the architecture.
    release = Path(__file__).resolve().parents[1] / "fixtures" / "releases" / "config-complete"
    out = tmp_path / "report.html"
    main([str(release), "-f", "html", "-o", str(out), "--isolated"])
    data = json.loads(out.read_text(encoding="utf-8").split('id="data">', 1)[1].split("</script>", 1)[0])
    (row,) = data["rows"]
    architecture = row["c"][CORE.index("architecture")]
    places = {ev[3]: ev[4] for ev in architecture[2]}
    config_places = [where for where in places if "config.json:" in where]
    assert config_places, places  # a quote from config.json, named file:line (not the card's line)
    assert all(places[w] and places[w].split("#L")[0].endswith("config.json") for w in config_places)
    assert len(set(places)) == len(architecture[2])  # card line 1 and config.json line 1 are different places
