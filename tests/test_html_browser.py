"""The HTML openness report, used like a person would: opened from a file:// URL in headless Chromium.

Chromium is Debian's ``chromium`` package (``.ci/run`` installs it), driven by Playwright's Python
package; Playwright's own browser downloads are never used. Without either, the test is skipped with
the reason. A screenshot is saved under ``tests/artifacts/`` (ignored by git).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from repro_lint.cli import main

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "tests" / "artifacts"
HOSTILE = """---
license: mit
---
# <img src=x onerror="document.title='pwned'"></script><script>document.title='pwned'</script>

Evil-1B is a decoder-only transformer </script><script>window.pwned=1</script> with 1B parameters.
"""


def _browser():  # type: ignore[no-untyped-def]
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright's Python package is not installed (pip install playwright)")
    if not Path(CHROMIUM).exists():
        pytest.skip("no Chromium browser installed (Debian: apt-get install chromium); .ci/run installs it")
    return sync_api


@pytest.fixture(scope="module")
def report_page(tmp_path_factory):  # type: ignore[no-untyped-def]
    sync_api = _browser()
    folder = tmp_path_factory.mktemp("html")
    hostile = folder / "hostile <b>x<img src=x onerror=alert(1)>.md"  # a file name cannot hold a slash
    hostile.write_text(HOSTILE, encoding="utf-8")
    cards = sorted(str(p) for p in FIXTURES.glob("*.md")) + [str(hostile)]
    out = folder / "openness.html"
    assert main([*cards, "-f", "html", "-o", str(out), "--exit-zero", "--jobs", "1"]) == 0
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
        )
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            problems: list[str] = []
            page.on("console", lambda msg: problems.append(f"{msg.type}: {msg.text}") if msg.type in ("error", "warning") else None)
            page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
            requests: list[str] = []
            page.on("request", lambda req: requests.append(req.url))
            page.goto(out.as_uri())
            page.wait_for_selector("#rows tr")
            yield page, problems, requests, len(cards)
        finally:
            browser.close()


def _column(page, css: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [t.strip() for t in page.locator(f"#rows tr td.{css}").all_inner_texts()]


def test_opens_without_console_errors_or_requests(report_page):  # type: ignore[no-untyped-def]
    page, problems, requests, cards = report_page
    assert problems == []
    assert all(url.startswith("file://") for url in requests), requests
    assert page.locator("#rows tr").count() == cards


def test_hostile_card_text_stays_text(report_page):  # type: ignore[no-untyped-def]
    page, _, _, _ = report_page
    assert page.title() != "pwned"
    assert page.evaluate("window.pwned === undefined")
    assert page.locator("#rows img, #rows script, #rows b").count() == 0
    assert any("<b>x<img src=x onerror=alert(1)>" in p for p in _column(page, "path"))  # shown as text


def test_sorting_by_score_reorders_rows(report_page):  # type: ignore[no-untyped-def]
    page, _, _, _ = report_page
    header = page.locator('th[data-col="score"]')
    header.click()  # the table starts sorted by score, descending: one click makes it ascending
    ascending = [float(s) for s in _column(page, "score")]
    assert ascending == sorted(ascending) and ascending[0] < ascending[-1]
    header.click()
    descending = [float(s) for s in _column(page, "score")]
    assert descending == sorted(descending, reverse=True)


def test_tier_filter_hides_rows(report_page):  # type: ignore[no-untyped-def]
    page, _, _, cards = report_page
    page.select_option("#tier", "open weights")
    tiers = _column(page, "tier")
    assert tiers and set(tiers) == {"open weights"} and len(tiers) < cards
    page.select_option("#tier", "")
    assert page.locator("#rows tr").count() == cards


def test_text_filter_and_evidence_panel(report_page):  # type: ignore[no-untyped-def]
    page, problems, _, _ = report_page
    page.fill("#q", "open-weights")
    assert _column(page, "path") == [str(FIXTURES / "open-weights.md")]
    assert page.locator("#evidence").is_hidden()
    page.locator("#rows tr td.crit button").first.click()  # architecture: complete, with evidence
    panel = page.locator("#evidence")
    assert panel.is_visible()
    text = panel.inner_text()
    assert "architecture: complete" in text
    assert "open-weights.md:7" in text and "decoder-only transformer" in text  # file:line and the quote
    link = panel.locator("a").first.get_attribute("href")
    assert link is not None and link.endswith("open-weights.md#L7")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "openness-report.png"), full_page=True)
    page.click("#close")
    assert panel.is_hidden()
    page.fill("#q", "")
    assert problems == []


def test_ten_thousand_rows_stay_paged(report_page, tmp_path):  # type: ignore[no-untyped-def]
    """10 000 models: the page renders 100 rows at a time, and sorting and filtering still cover all rows."""
    from repro_lint.api import lint_text
    from repro_lint.reporters import html
    from repro_lint.results import Tier

    result = lint_text((FIXTURES / "open-weights.md").read_text(encoding="utf-8"), name="org/m.md")
    tiers = [t.value for t in Tier]
    rows = []
    for i in range(10_000):
        row = html._row(result, list(result.criteria), str(tmp_path), None)
        row.update(p=f"org/model-{i:05d}", s=float(i % 101), t=tiers[i % len(tiers)])
        rows.append(row)
    out = tmp_path / "big.html"
    out.write_text(html.page(rows, list(result.criteria), []), encoding="utf-8")
    page = report_page[0].context.browser.new_page()  # the same browser, another page
    try:
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(out.as_uri())
        page.wait_for_selector("#rows tr")
        assert page.locator("#rows tr").count() == html.PAGE_ROWS
        assert page.inner_text("#count") == "10000 of 10000 shown"
        assert _column(page, "score")[0] == "100"  # sorted by score, highest first, across every page
        page.click("#next")
        assert "page 2 of 100" in page.inner_text("#pageinfo")
        page.select_option("#tier", tiers[0])
        assert page.inner_text("#count") == f"{len([i for i in range(10_000) if i % len(tiers) == 0])} of 10000 shown"
        assert errors == []
    finally:
        page.close()
