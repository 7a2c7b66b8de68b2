"""The progress page's figures, against a hand-made journal with the numbers worked out by hand."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from growthlog.entries.model import Outcome, PlanStatus, Stage
from growthlog.journal import pipeline_health as pipeline
from growthlog.journal import progress
from growthlog.journal.plan import build_plan
from growthlog.pages import page_charts
from journals import five_applications, journal_of, plan, round_

D = dt.date.fromisoformat
SVG = "{http://www.w3.org/2000/svg}"


def test_rounds_per_month_counts_each_round_by_its_outcome() -> None:
    journal = five_applications()
    months = progress.journal_months(journal)
    assert months == [D("2026-01-01"), D("2026-02-01"), D("2026-03-01")]
    per_month = progress.rounds_per_month(journal.entries, months)
    assert dict(per_month[D("2026-01-01")]) == {Outcome.ADVANCED: 2, Outcome.REJECTED: 1, Outcome.PENDING: 1}
    assert dict(per_month[D("2026-02-01")]) == {
        Outcome.REJECTED: 1,
        Outcome.WITHDREW: 1,
        Outcome.ADVANCED: 1,
        Outcome.OFFER: 1,
    }
    assert sum(per_month[D("2026-03-01")].values()) == 0


def test_rounds_chart_bars_carry_the_table_numbers() -> None:
    journal = five_applications()
    chart = page_charts.rounds_chart(journal, progress.journal_months(journal))
    root = ET.fromstring(str(chart.svg))
    bars = root.findall(f"{SVG}g[@class='gl-chart__bar']")
    assert [(b.get("data-category"), b.get("data-total")) for b in bars] == [
        ("Jan", "4"),
        ("Feb", "4"),
        ("Mar", "0"),
    ]
    jan = {r.get("data-series"): int(r.get("data-value", "")) for r in bars[0].findall(f"{SVG}rect")}
    assert jan == {"Advanced": 2, "Pending": 1, "Rejected": 1}
    # The table has one column per outcome present, in the chart's stacking order, then the total.
    assert chart.table.headers == ("Month", "Offer", "Advanced", "Pending", "Withdrew", "Rejected", "Total")
    assert chart.table.rows == (
        ("Jan", 0, 2, 1, 0, 1, 4),
        ("Feb", 1, 1, 0, 1, 1, 4),
        ("Mar", 0, 0, 0, 0, 0, 0),
    )
    # Every layer is drawn at the same scale: height / value is one constant.
    scales = {
        round(float(r.get("height", "")) / int(r.get("data-value", "")), 3) for r in root.iter(f"{SVG}rect")
    }
    assert len(scales) == 1


def test_stage_funnel_counts_applications_reaching_each_stage() -> None:
    journal = five_applications()
    funnel = progress.stage_funnel(journal.applications)
    # Acme reached onsite, Delta an offer; Beta, Gamma and Echo only a screen.
    assert funnel == [
        (Stage.APPLIED, 5),
        (Stage.SCREEN, 5),
        (Stage.TECHNICAL, 2),
        (Stage.TAKE_HOME, 2),
        (Stage.ONSITE, 2),
        (Stage.FINAL, 1),
        (Stage.OFFER, 1),
    ]
    chart = page_charts.funnel_chart(journal)
    root = ET.fromstring(str(chart.svg))
    values = [int(r.get("data-value", "")) for r in root.iter(f"{SVG}rect")]
    assert values == [5, 5, 2, 2, 2, 1, 1]
    widths = [float(r.get("width", "")) for r in root.iter(f"{SVG}rect")]
    assert widths[0] == widths[1] == 2.5 * widths[2] == 5 * widths[5]
    assert chart.table.rows[2] == ("Technical", "2")


def test_bounce_back_is_days_to_the_next_round_on_a_later_day() -> None:
    journal = five_applications()
    backs = progress.bounce_backs(journal.entries, journal.today)
    # Acme rejected 20 Jan, next round Beta 27 Jan; Gamma rejected 3 Feb, next round Echo 20 Feb.
    assert [(b.rejection.company, b.next_round and b.next_round.company, b.days) for b in backs] == [
        ("Acme", "Beta", 7),
        ("Gamma", "Echo", 17),
    ]


def test_a_rejection_without_a_later_round_counts_days_so_far() -> None:
    journal = journal_of(
        round_("2026-02-10", "Acme", "screen", "rejected"),
        round_("2026-02-10", "Beta", "screen", "advanced"),
        today=D("2026-02-25"),
    )
    [back] = progress.bounce_backs(journal.entries, journal.today)
    assert back.next_round is None  # a round on the same day is not a bounce-back
    assert back.days == 15
    chart = page_charts.bounce_chart([back])
    assert chart.table.rows == (("10 Feb Acme", "15 (so far)"),)
    assert "gl-chart__open" in str(chart.svg)


def test_milestones() -> None:
    m = progress.milestones(five_applications().entries, D("2026-03-01"))
    assert m.first_technical is not None and m.first_technical.date == D("2026-01-12")
    assert m.first_onsite is not None and m.first_onsite.date == D("2026-01-20")
    assert m.first_offer is not None and m.first_offer.date == D("2026-02-26")
    # Weeks of 5, 12, 19, 26 Jan and 2 Feb have a round; 9 Feb has none; then 16 and 23 Feb.
    assert m.longest_run == progress.WeekRun(5, D("2026-01-05"), D("2026-02-02"))
    assert (m.rejections, m.bounced_back) == (2, 2)


def test_milestones_of_an_early_search() -> None:
    m = progress.milestones([round_("2026-01-05", "Acme", "screen", "rejected")], D("2026-01-06"))
    assert m.first_technical is None and m.first_onsite is None and m.first_offer is None
    assert m.longest_run.weeks == 1
    assert (m.rejections, m.bounced_back) == (1, 0)


def test_longest_week_run_crosses_a_year_end() -> None:
    dates = [D("2025-12-22"), D("2025-12-31"), D("2026-01-09"), D("2026-02-01")]
    # Weeks of 22 Dec, 29 Dec, 5 Jan in a row; 26 Jan (1 Feb is a Sunday) stands alone.
    assert progress.longest_week_run(dates) == progress.WeekRun(3, D("2025-12-22"), D("2026-01-05"))
    assert progress.longest_week_run([]).weeks == 0


def test_confidence_points_in_date_order() -> None:
    chart = page_charts.confidence_chart(five_applications())
    root = ET.fromstring(str(chart.svg))
    dots = [(c.get("data-date"), c.get("data-value")) for c in root.iter(f"{SVG}circle")]
    # Gamma's round has no confidence and is left out.
    assert dots == [
        ("2026-01-05", "2"),
        ("2026-01-12", "3"),
        ("2026-01-20", "2"),
        ("2026-01-27", "4"),
        ("2026-02-20", "3"),
        ("2026-02-24", "4"),
        ("2026-02-26", "5"),
    ]
    assert [row[2] for row in chart.table.rows] == [2, 3, 2, 4, 3, 4, 5]
    # The first three average (2+3+2)/3 = 2.3, the latest three (3+4+5)/3 = 4.0.
    assert "the first three average 2.3, the latest three 4.0" in chart.desc


def test_activity_calendar_covers_365_days_with_rounds_per_day() -> None:
    journal = journal_of(
        round_("2025-02-28", "Old", "screen", "rejected"),  # more than a year before today: left out
        round_("2025-03-02", "Acme", "screen", "advanced"),
        round_("2026-02-10", "Acme", "technical", "advanced"),
        round_("2026-02-10", "Beta", "screen", "advanced"),
        today=D("2026-03-01"),
    )
    first, counts = progress.activity(journal.entries, journal.today)
    assert first == D("2025-03-02")
    assert counts == {D("2025-03-02"): 1, D("2026-02-10"): 2}
    chart = page_charts.calendar_chart(journal)
    cells = list(ET.fromstring(str(chart.svg)).iter(f"{SVG}rect"))
    assert len(cells) == 365
    busy = {c.get("data-date"): c.get("data-value") for c in cells if c.get("data-value") != "0"}
    assert busy == {"2025-03-02": "1", "2026-02-10": "2"}
    assert chart.table.rows == (("2025-03-02", 1), ("2026-02-10", 2))


def test_plan_growth_is_cumulative_by_the_month_items_were_written() -> None:
    journal = five_applications()
    months = progress.journal_months(journal)
    growth = progress.plan_growth(build_plan(journal).items, months)
    # Acme (January) adds "skill 0" (done) and "skill 1" (doing); Gamma (February) writes the same two
    # skills again, "skill 0" as todo and "skill 1" as done: still two items, added in January, each in
    # the status of its latest entry.
    assert dict(growth[D("2026-01-01")]) == {PlanStatus.DONE: 1, PlanStatus.DOING: 0, PlanStatus.TODO: 1}
    assert dict(growth[D("2026-02-01")]) == {PlanStatus.DONE: 1, PlanStatus.DOING: 0, PlanStatus.TODO: 1}
    assert dict(growth[D("2026-03-01")]) == {PlanStatus.DONE: 1, PlanStatus.DOING: 0, PlanStatus.TODO: 1}
    chart = page_charts.plan_chart(journal, months)
    assert chart.table.rows[1] == ("Feb", 1, 1, 2)  # done, to do, total: no item is doing


def test_plan_items_older_than_the_charted_months_still_count() -> None:
    old = round_("2023-01-10", "Old", "screen", "rejected", development=plan("todo"))
    journal = journal_of(old, round_("2026-02-01", "New", "screen", "pending"), today=D("2026-03-01"))
    months = progress.journal_months(journal)
    assert len(months) == progress.MAX_MONTHS and months[-1] == D("2026-03-01")
    assert progress.plan_growth(build_plan(journal).items, months)[months[0]][PlanStatus.TODO] == 1


def test_pipeline_health() -> None:
    health = pipeline.pipeline_health(five_applications())
    # Only Delta is active (an offer on the table). Beta has been silent 33 days > 21: ghosted.
    assert [a.application.company for a in health.active] == ["Delta"]
    assert health.active[0].days_silent == 3
    assert health.ghosted == 1
    assert health.days_since_last_round == 3
    assert health.below_floor


def test_pipeline_health_follows_the_settings() -> None:
    health = pipeline.pipeline_health(five_applications(ghost_after_days=40, pipeline_floor=2))
    assert sorted(a.application.company for a in health.active) == ["Beta", "Delta"]
    assert health.ghosted == 0
    assert not health.below_floor


def test_an_accepted_offer_closes_the_application() -> None:
    journal = journal_of(
        round_("2026-02-20", "Delta", "offer", "offer"),
        round_("2026-02-25", "Delta", "offer", "accepted"),
        today=D("2026-06-01"),
    )
    health = pipeline.pipeline_health(journal)
    assert health.active == ()
    assert health.ghosted == 0
    assert health.days_since_last_round == 96


def test_an_offer_stays_active_however_long_it_is_silent() -> None:
    journal = journal_of(round_("2026-02-20", "Delta", "offer", "offer"), today=D("2026-06-01"))
    assert pipeline.pipeline_health(journal).active_count == 1


def test_empty_journal_has_no_last_round() -> None:
    health = pipeline.pipeline_health(journal_of(today=D("2026-03-01")))
    assert health.days_since_last_round is None
    assert health.active_count == 0 and health.below_floor


def test_confidence_is_averaged_per_month_past_sixty_rated_rounds() -> None:
    # 61 rated rounds: 31 in January 2026 (confidence 2 on even days, 4 on odd ones), 30 in March
    # (all 5); one unrated round in February is left out.
    rounds = [
        round_(f"2026-01-{day:02d}", f"J{day}", "screen", "advanced", confidence=2 if day % 2 == 0 else 4)
        for day in range(1, 32)
    ]
    rounds.append(round_("2026-02-10", "Feb", "screen", "advanced"))
    rounds += [
        round_(f"2026-03-{day:02d}", f"M{day}", "screen", "advanced", confidence=5) for day in range(1, 31)
    ]
    chart = page_charts.confidence_chart(journal_of(*rounds))
    root = ET.fromstring(str(chart.svg))
    dots = [(c.get("data-date"), c.get("data-value")) for c in root.iter(f"{SVG}circle")]
    # January: 15 twos and 16 fours, (30 + 64) / 31 = 3.03 -> 3.0; March: 5.
    assert dots == [("2026-01", "3.0"), ("2026-03", "5")]
    assert chart.table.headers == ("Month", "Rounds rated", "Average confidence (1-5)")
    assert chart.table.rows == (("2026-01", "31 rounds", "3.0"), ("2026-03", "30 rounds", "5"))
    assert chart.desc.startswith("61 rounds rated from 1 to 5, averaged per month over 2 months")
    # Sixty rated rounds still show one dot per round.
    assert (
        len(
            list(
                ET.fromstring(str(page_charts.confidence_chart(journal_of(*rounds[1:])).svg)).iter(
                    f"{SVG}circle"
                )
            )
        )
        == 60
    )
