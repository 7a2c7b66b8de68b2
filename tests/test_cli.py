"""The `growthlog` command: `check` and `new`, through click's runner."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner
from conftest import REPO, SAMPLE_ENTRIES, entry
from growthlog.cli import main
from growthlog.entries.reader import read_entry

if TYPE_CHECKING:
    from pathlib import Path

    from click.testing import Result


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder as the current folder, as if the user ran growthlog in it."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


# -- check -------------------------------------------------------------------------


def test_check_passes_on_the_sample_journal() -> None:
    result = run("check", str(SAMPLE_ENTRIES))
    assert result.exit_code == 0, result.output
    sources = list(SAMPLE_ENTRIES.rglob("*.md"))
    assert f"{len(sources)} entries under {SAMPLE_ENTRIES}: all clean" in result.output


def test_check_passes_on_an_empty_entries_folder(here: Path) -> None:
    (here / "entries").mkdir()
    result = run("check", "entries")
    assert result.exit_code == 0
    assert "0 entries under entries: all clean" in result.output


def test_check_lists_every_problem_with_file_and_line(here: Path) -> None:
    (here / "entries/2026").mkdir(parents=True)
    (here / "entries/good.md").write_text(entry(), encoding="utf-8")
    (here / "entries/2026/bad.md").write_text(entry(outcome="rejcted", confidence=9), encoding="utf-8")
    # Another day: the same application, date and stage would be the same round written twice.
    (here / "entries/typo.md").write_text(entry(lesons=["x"], date="2026-03-15"), encoding="utf-8")
    result = run("check", "entries")
    assert result.exit_code == 1
    lines = result.output.strip().split("\n")
    assert lines == [
        "error: entries/2026/bad.md:6: outcome: 'rejcted' is not allowed; allowed: pending, advanced, "
        "rejected, offer, accepted, declined, withdrew, ghosted; did you mean 'rejected'?",
        "error: entries/2026/bad.md:7: confidence: expected a whole number from 1 to 5; found 9",
        "warning: entries/typo.md:7: lesons: unknown field 'lesons' is ignored; did you mean 'lessons'?",
        "2 errors and 1 warning in 2 entries under entries (3 entries checked)",
    ]


def test_check_fails_on_a_warning_alone(here: Path) -> None:
    (here / "entries").mkdir()
    (here / "entries/typo.md").write_text(entry(lesons=["x"]), encoding="utf-8")
    result = run("check", "entries")
    assert result.exit_code == 1
    assert "1 warning in 1 entry under entries (1 entry checked)" in result.output


def test_check_reports_a_missing_folder(here: Path) -> None:
    result = run("check", "nowhere")
    assert result.exit_code == 1
    assert "error: nowhere:1: the entries folder does not exist" in result.output
    assert "Traceback" not in result.output


def test_check_reads_the_folder_from_mkdocs_yml(here: Path) -> None:
    (here / "mkdocs.yml").write_text(
        "site_name: Mine\ndocs_dir: rounds\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        encoding="utf-8",
    )
    (here / "rounds").mkdir()
    (here / "rounds/bad.md").write_text(entry(stage="onsit"), encoding="utf-8")
    (here / "entries").mkdir()  # the default folder is not the one read
    result = run("check")
    assert result.exit_code == 1
    assert "error: rounds/bad.md:5: stage: 'onsit' is not allowed" in result.output


def test_check_defaults_to_entries_without_mkdocs_yml(here: Path) -> None:
    (here / "entries").mkdir()
    (here / "entries/a.md").write_text(entry(), encoding="utf-8")
    result = run("check")
    assert result.exit_code == 0
    assert "1 entry under entries: all clean" in result.output


# -- new ---------------------------------------------------------------------------


def test_new_from_options_creates_a_valid_dated_entry(here: Path) -> None:
    result = run(
        "new",
        "--company",
        "Acme Corp",
        "--role",
        "Backend Engineer",
        "--date",
        "2026-03-14",
        "--stage",
        "onsite",
        "--outcome",
        "pending",
    )
    assert result.exit_code == 0, result.output
    path = "entries/2026/03/2026-03-14-acme-corp-onsite.md"
    assert result.output.strip() == path
    created, problems = read_entry(path, (here / path).read_bytes())
    assert problems == []
    assert created is not None
    assert (created.company, created.role, created.date) == (
        "Acme Corp",
        "Backend Engineer",
        dt.date(2026, 3, 14),
    )
    assert created.stage.value == "onsite" and created.outcome.value == "pending"
    assert run("check").exit_code == 0


def test_new_prompts_for_what_the_options_leave_out(here: Path) -> None:
    result = run("new", "--date", "2026-05-02", input="Globex\nStaff Engineer\ntechnical\n\n")
    assert result.exit_code == 0, result.output
    assert "Company: Globex" in result.output and "Role: Staff Engineer" in result.output
    path = "entries/2026/05/2026-05-02-globex-technical.md"
    assert result.output.strip().endswith(path)
    text = (here / path).read_text(encoding="utf-8")
    assert 'company: "Globex"' in text and 'role: "Staff Engineer"' in text
    assert run("check").exit_code == 0


def test_new_prompts_again_for_a_stage_not_in_the_list(here: Path) -> None:
    result = run("new", "--date", "2026-05-02", input="Globex\nStaff Engineer\nonsit\nonsite\n\n")
    assert result.exit_code == 0, result.output
    assert "'onsit' is not a stage; one of applied, screen" in result.output
    assert (here / "entries/2026/05/2026-05-02-globex-onsite.md").is_file()


def test_new_prompts_for_the_seven_practices(here: Path) -> None:
    run("new", "--company", "A", "--role", "B", "--date", "2026-01-05", "--stage", "screen")
    text = (here / "entries/2026/01/2026-01-05-a-screen.md").read_text(encoding="utf-8")
    for practice in (
        "Reflect",
        "Gain feedback",
        "Development plan",
        "Revise your answers",
        "Refine your search",
        "Keep the pipeline going",
        "The journey",
    ):
        assert practice in text


def test_new_refuses_to_overwrite_an_existing_entry(here: Path) -> None:
    args = ("new", "--company", "Acme", "--role", "Dev", "--date", "2026-03-14", "--stage", "screen")
    assert run(*args).exit_code == 0
    path = here / "entries/2026/03/2026-03-14-acme-screen.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nMy precious notes.\n", encoding="utf-8")
    before = path.read_bytes()
    result = run(*args)
    assert result.exit_code == 1
    assert "already exists; nothing was written" in result.output
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("company", "slug"),
    [
        ('Acme "Cloud": Platform', "acme-cloud-platform"),
        ("Société Générale", "societe-generale"),
        ("東京テック", "entry"),
        ("O'Reilly & Sons #1", "o-reilly-sons-1"),
        ("- yes: [no]", "yes-no"),
    ],
)
def test_new_takes_any_company_name(here: Path, company: str, slug: str) -> None:
    result = run(
        "new",
        "--company",
        company,
        "--role",
        "Dev: Backend",
        "--date",
        "2026-03-14",
        "--stage",
        "screen",
        "--outcome",
        "advanced",
    )
    assert result.exit_code == 0, result.output
    path = here / f"entries/2026/03/2026-03-14-{slug}-screen.md"
    created, problems = read_entry("x.md", path.read_bytes())
    assert problems == []
    assert created is not None and (created.company, created.role) == (company, "Dev: Backend")


@pytest.mark.parametrize("when", ["14/03/2026", "2026-02-30", "next week"])
def test_new_explains_an_invalid_date(here: Path, when: str) -> None:
    result = run("new", "--company", "A", "--role", "B", "--date", when, "--stage", "screen")
    assert result.exit_code == 2
    assert f"expected a date YYYY-MM-DD, today, yesterday or tomorrow; found {when!r}" in result.output
    assert "Traceback" not in result.output
    assert not (here / "entries").exists()


def test_new_refuses_an_empty_company(here: Path) -> None:
    result = run("new", "--company", "  ", "--role", "B", "--date", "2026-03-14", "--stage", "screen")
    assert result.exit_code == 2
    assert "company must not be empty; nothing was written" in result.output
    assert not (here / "entries").exists()


def test_new_asks_again_for_a_name_with_a_control_character(here: Path) -> None:
    result = run("new", "--stage", "screen", "--date", "2026-03-14", input="Ac\x07me\nAcme\nDev\n\n")
    assert result.exit_code == 0, result.output
    assert "it holds a control character (U+0007)" in result.output
    assert '\ncompany: "Acme"\n' in (here / "entries/2026/03/2026-03-14-acme-screen.md").read_text("utf-8")


def test_new_writes_into_the_folder_from_mkdocs_yml(here: Path) -> None:
    (here / "mkdocs.yml").write_text("site_name: Mine\ndocs_dir: rounds\n", encoding="utf-8")
    result = run("new", "--company", "A", "--role", "B", "--date", "2026-03-14", "--stage", "final")
    assert result.exit_code == 0
    assert (here / "rounds/2026/03/2026-03-14-a-final.md").is_file()


def test_new_defaults_the_date_to_today(here: Path) -> None:
    result = run("new", "--company", "A", "--role", "B", "--stage", "final")
    assert result.exit_code == 0
    today = dt.date.today()
    assert result.output.strip() == f"entries/{today:%Y}/{today:%m}/{today.isoformat()}-a-final.md"


def test_the_readme_shows_what_check_really_prints(here: Path) -> None:
    """The README's example is the output for the sample journal with two typos, as a user would see it."""
    shutil.copytree(SAMPLE_ENTRIES, here / "entries")
    path = here / "entries/2026/07/2026-07-16-quayside-logistics-onsite.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("\noutcome: rejected\n", "\noutcome: rejcted\n").replace("\nlessons:", "\nlesons:"),
        encoding="utf-8",
    )
    result = run("check")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shown = readme.split("```text\nerror: entries/2026/07/", 1)[1].split("```", 1)[0]
    assert result.exit_code == 1
    assert result.output == "error: entries/2026/07/" + shown


# -- new: asks instead of inventing ---------------------------------------------------


def test_new_asks_for_the_date_and_accepts_yesterday(here: Path) -> None:
    yesterday = dt.date.today() - dt.timedelta(days=1)
    result = run("new", input="Globex\nStaff Engineer\nscreen\nyesterday\nrejected\n")
    assert result.exit_code == 0, result.output
    assert "Date (YYYY-MM-DD, today, yesterday) [today]: yesterday" in result.output
    path = here / f"entries/{yesterday:%Y}/{yesterday:%m}/{yesterday.isoformat()}-globex-screen.md"
    created, problems = read_entry("x.md", path.read_bytes())
    assert problems == [] and created is not None
    assert (created.date, created.outcome.value) == (yesterday, "rejected")


def test_new_asks_again_for_a_bad_answer_and_never_takes_a_date_as_the_stage(here: Path) -> None:
    result = run(
        "new",
        input="\nAcme\n  \nDev\n2026-05-02\nonsite\n14/05/2026\n2026-05-14\nrejceted\nrejected\n",
    )
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Company: \nCompany: Acme" in out  # an empty answer is asked again
    assert out.count("it must not be empty") == 1  # so is one of spaces
    assert "'2026-05-02' is a date, not a stage (the date is asked next)" in out
    assert "expected a date YYYY-MM-DD, today, yesterday or tomorrow; found '14/05/2026'" in out
    assert "'rejceted' is not an outcome" in out
    assert (here / "entries/2026/05/2026-05-14-acme-onsite.md").is_file()


def test_new_writes_no_value_the_user_did_not_give(here: Path) -> None:
    result = run("new", "--company", "A", "--role", "B", "--date", "2026-03-14", "--stage", "screen")
    assert result.exit_code == 0
    assert "fill in its outcome" in result.output
    text = (here / "entries/2026/03/2026-03-14-a-screen.md").read_text(encoding="utf-8")
    front = text.split("---\n")[1]
    values = {
        line.split(":", 1)[0]: line.split(":", 1)[1].split("#", 1)[0].strip()
        for line in front.splitlines()
        if line and not line.startswith((" ", "#")) and ":" in line
    }
    assert values["outcome"] == "" and values["format"] == "" and values["confidence"] == ""
    # The outcome is required: the entry says so until it is filled in, rather than holding a guess.
    _, problems = read_entry("x.md", text.encode())
    assert [p.field for p in problems] == ["outcome"]
    filled = text.replace("outcome:   ", "outcome: rejected", 1)
    created, problems = read_entry("x.md", filled.encode())
    assert problems == [] and created is not None
    assert created.confidence is None and created.format is None


def test_a_round_written_for_today_or_ahead_is_pending(here: Path) -> None:
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    result = run("new", "--company", "A", "--role", "B", "--date", "tomorrow", "--stage", "onsite")
    assert result.exit_code == 0, result.output
    path = here / f"entries/{tomorrow:%Y}/{tomorrow:%m}/{tomorrow.isoformat()}-a-onsite.md"
    created, problems = read_entry("x.md", path.read_bytes())
    assert problems == [] and created is not None and created.outcome.value == "pending"


def test_the_new_entry_publishes_none_of_its_prompts(journal: object) -> None:
    from conftest import Journal

    assert isinstance(journal, Journal)
    journal.write_config()
    result = CliRunner().invoke(
        main,
        [
            "new",
            "--company",
            "Acme",
            "--role",
            "Dev",
            "--date",
            "2026-03-14",
            "--stage",
            "screen",
            "--outcome",
            "advanced",
            "--dir",
            str(journal.entries),
        ],
    )
    assert result.exit_code == 0, result.output
    site = journal.build()
    page = (site / "2026/03/2026-03-14-acme-screen/index.html").read_text(encoding="utf-8")
    for prompt in (
        "Keep the pipeline going",
        "The journey",
        "Anything here stays",
        "Your notes, in Markdown",
    ):
        assert prompt not in page
    # No heading of the template doubles one of the page's own sections.
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


def test_new_logs_an_application_in_one_line_with_its_posting(journal: object) -> None:
    from conftest import Journal

    assert isinstance(journal, Journal)
    journal.write_config()
    args = ["new", "--company", "Acme", "--role", "Dev", "--stage", "applied", "--date", "2026-11-20"]
    result = CliRunner().invoke(
        main,
        [
            *args,
            "--outcome",
            "pending",
            "--posting",
            "https://jobs.example.com/123?src=x&y=1",
            "--dir",
            str(journal.entries),
        ],
    )
    assert result.exit_code == 0, result.output
    bad = CliRunner().invoke(
        main, [*args, "--posting", "jobs.example.com/123", "--dir", str(journal.entries)]
    )
    assert bad.exit_code == 2 and "expected a web address starting https:// or http://" in bad.output
    site = journal.build()
    timeline = (site / "timeline/index.html").read_text(encoding="utf-8")
    assert (
        '<a class="gl-app__posting" href="https://jobs.example.com/123?src=x&amp;y=1" '
        'rel="noopener noreferrer">Job posting</a>'
    ) in timeline
