"""Communication channels in the browser (issue 12, "Done when"): Ulm's quality manager fills in a
maturity check for three channels with the keyboard, sees the weakest-dimension levels, the heat
map and the recommendations, turns one gap into an action field, imports 24 months of usage
figures with one bad row named, and sees Ulm against the median of the sharing Jobcenters.
Every page is axe-clean."""

from __future__ import annotations

import pytest

from kosmos.core.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser

THREE = ("telefon", "video", "portal")


def _usage_csv(path) -> str:  # noqa: ANN001
    lines = ["Monat;Angebot;Nutzungen;Grundgesamtheit;Abschlussquote in %"]
    for index in range(24):
        year, month = 2022 + index // 12, index % 12 + 1
        lines.append(f"{month:02d}.{year};online-termine;{400 + index * 10};{2000 + index};")
    lines.append("01.2024;online-termine;viele;2000;")  # the bad row: text in a number column (row 26)
    file = path / "nutzung-ulm.csv"
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(file)


def test_ulms_quality_manager_runs_the_check_and_compares(demo, visitor_factory, tmp_path) -> None:  # noqa: ANN001
    visitor = visitor_factory()
    visitor.login("qm@ulm.example", DEMO_PASSWORD)
    page = visitor.page

    assert visitor.goto("/o/ulm/kanaele/") == 200
    visitor.assert_accessible()

    # A new check on a fresh date, answered from scratch for three channels, keyboard only.
    assert visitor.goto("/o/ulm/kanaele/check/neu/") == 200
    page.fill("input[name=check_date]", "2026-11-30")
    page.locator("input[name=copy_answers]").uncheck()
    visitor.assert_accessible()
    page.locator("main form button[type=submit]").press("Enter")
    page.wait_for_url("**/kanaele/check/*/telefon/")
    visitor.assert_accessible()
    base = page.url.rsplit("/telefon/", 1)[0]
    for index, key in enumerate(THREE):
        if index:
            page.goto(f"{base}/{key}/")
        radios = page.locator("main input[type=radio]")
        # Every dimension: focus its level-0 radio, select it with Space and move with the arrow keys.
        for dimension in range(8):
            radios.nth(dimension * 5).focus()
            page.keyboard.press("Space")
            for _ in range(3 if (dimension == 0 and index == 0) else 2):
                page.keyboard.press("ArrowDown")
        if key == "video":  # data protection stays at level 0 → a gap with a recommendation
            page.locator("input[name='datenschutz-level'][value='0']").focus()
            page.keyboard.press("Space")
        page.locator("textarea[name='strategie-evidence']").fill("Kanal-Strategie 2026")
        page.locator("select[name=target_level]").select_option("3")
        page.locator("button[name=done]").focus()
        page.keyboard.press("Enter")
        page.wait_for_url(f"{base}/")
        if index == 0:
            visitor.assert_accessible()

    # The result: weakest-dimension levels, heat map with its table, recommendations.
    main = page.locator("main")
    result_url = page.url
    text = main.inner_text()
    assert "Videoberatung" in text and "Telefon" in text
    assert page.locator("#channels-heatmap, [id^=channels-heatmap]").count() >= 1
    assert "Lassen Sie den Kanal vom Datenschutz prüfen." in text
    visitor.assert_accessible()

    # One gap becomes an action field through the improvement hub.
    page.locator("main a", has_text="Handlungsfeld").first.click()
    page.wait_for_load_state()
    page.locator("input[name=findings]").first.check()
    page.fill("input[name=title]", "Datenschutz der Videoberatung klären")
    visitor.assert_accessible()
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    assert "Datenschutz der Videoberatung klären" in page.locator("main").inner_text()

    # 24 months of usage figures; the bad row is named and only the valid rows are imported.
    assert visitor.goto("/o/ulm/kanaele/nutzung/import/") == 200
    page.set_input_files("input[name=upload]", _usage_csv(tmp_path))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    assert "Zeile 26" in page.locator("#import-errors").inner_text()
    assert "24 gültige Zeilen" in page.locator("main").inner_text()
    visitor.assert_accessible()
    page.locator("button[name=mode][value=valid]").click()
    page.wait_for_load_state()
    assert visitor.goto("/o/ulm/kanaele/nutzung/") == 200

    # Ulm against the median of the sharing Jobcenters (the six demo Jobcenters share).
    assert visitor.goto("/o/ulm/kanaele/vergleich/") == 200
    table = page.locator("main table").first
    assert "Median" in table.inner_text()
    visitor.assert_accessible()
    assert result_url.endswith("/")
