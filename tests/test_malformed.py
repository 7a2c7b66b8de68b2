"""The malformed corpus and random front matter: the reader survives anything.

`tests/malformed/` holds broken entries, and `expected.yaml` beside them says
the line and the message each must produce. Cases that cannot live in git (a
10 MB body, symlinks, files clashing on a URL) are built here in tmp_path.
"""

from __future__ import annotations

import os
import shutil
import string
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from growthlog.cli import main
from growthlog.entries.problems import Problem, Severity
from growthlog.entries.reader import read_entry, read_journal
from growthlog.entries.schema import TOP_LEVEL
from growthlog.pages.journal_pages import reserved_urls
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

CORPUS = Path(__file__).parent / "malformed"
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))
HEAD = "date: 2026-03-14\ncompany: Acme Corp\nrole: Backend Engineer\nstage: screen\noutcome: pending\n"


def test_the_corpus_has_thirty_cases_each_with_its_expected_message() -> None:
    files = sorted(p.name for p in CORPUS.glob("*.md"))
    assert len(files) >= 30
    assert files == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_broken_entry_gets_its_message(name: str) -> None:
    expected = EXPECTED[name]
    raw = (CORPUS / name).read_bytes()
    found, problems = read_entry(name, raw)
    matching = [p for p in problems if p.line == expected["line"] and p.field == expected["field"]]
    assert matching, [str(p) for p in problems]
    assert any(expected["message"] in p.message for p in matching), [str(p) for p in problems]
    if expected.get("warning"):
        assert found is not None
        assert all(p.severity is Severity.WARNING for p in problems)
    else:
        assert found is None
        assert any(p.is_error for p in problems)
    assert_located(problems, name, raw)


def assert_located(problems: list[Problem], name: str, raw: bytes) -> None:
    """Every problem names the file and a line that exists in it; messages stay short."""
    # Every line break an editor shows: \r\n, a lone \r and \n each end a line.
    lines = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1
    for problem in problems:
        assert problem.path == name
        assert 1 <= problem.line <= lines, str(problem)
        assert problem.message.strip()
        assert len(str(problem)) < 600  # a 10 MB value must not flood the terminal


def test_growthlog_check_reports_the_whole_corpus_with_file_and_line(tmp_path: Path) -> None:
    root = tmp_path / "entries"
    shutil.copytree(CORPUS, root, ignore=shutil.ignore_patterns("*.yaml", ".gitattributes"))
    result = CliRunner().invoke(main, ["check", str(root)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    for name, expected in EXPECTED.items():
        assert f"{root / name}:{expected['line']}: " in result.output, name
    errors = sum(1 for e in EXPECTED.values() if not e.get("warning"))
    assert f"in {len(EXPECTED)} entries under {root} ({len(EXPECTED)} entries checked)" in result.output
    assert result.output.count("error: ") >= errors


# -- cases built in tmp_path -----------------------------------------------------


def test_a_ten_megabyte_body_is_read_and_its_front_matter_checked() -> None:
    body = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 20 + "\n") * 9_000
    assert len(body) > 10_000_000
    found, problems = read_entry("big.md", f"---\n{HEAD}---\n{body}".encode())
    assert problems == []
    assert found is not None and len(found.body) == len(body)
    found, problems = read_entry("big.md", f"---\n{HEAD}confidence: 11\n---\n{body}".encode())
    assert found is None
    assert [(p.line, p.field) for p in problems] == [(7, "confidence")]


def test_a_megabyte_value_is_shortened_in_its_message() -> None:
    value = "x" * 1_000_000
    found, problems = read_entry("long.md", f"---\n{HEAD}format: {value}\n---\n".encode())
    assert found is None
    assert [(p.line, p.field) for p in problems] == [(7, "format")]
    assert len(problems[0].message) < 200
    assert "…' is not allowed" in problems[0].message


def test_a_megabyte_of_valid_text_is_kept_whole() -> None:
    value = "é" * 1_000_000
    found, _ = read_entry("long.md", f"---\n{HEAD}went_well: {value}\n---\n".encode())
    assert found is not None and found.went_well == (value,)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_symlink_to_a_file_outside_the_entries_folder_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "entries"
    secret = write(tmp_path / "elsewhere/secret.md", f"---\n{HEAD}private: {{salary: 1}}\n---\n")
    write(root / "good.md", f"---\n{HEAD}---\n")
    (root / "linked.md").symlink_to(secret)
    result = read_journal(root)
    assert [e.path for e in result.entries] == ["good.md"]
    assert list(result.invalid) == ["linked.md"]
    (problem,) = result.problems
    assert problem.path.endswith("entries/linked.md") and problem.line == 1
    assert "outside the entries folder" in problem.message
    assert "copy the file in instead" in problem.message


def test_a_linked_folder_outside_the_entries_folder_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "entries"
    write(tmp_path / "elsewhere/one.md", f"---\n{HEAD}---\n")
    write(root / "good.md", f"---\n{HEAD}---\n")
    (root / "more").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    result = read_journal(root)
    assert list(result.invalid) == ["more/one.md"]
    assert "outside the entries folder" in result.problems[0].message


def test_a_symlink_inside_the_entries_folder_is_read(tmp_path: Path) -> None:
    root = tmp_path / "entries"
    write(root / "2026/a.md", f"---\n{HEAD}---\n")
    (root / "b.md").symlink_to(root / "2026/a.md")
    result = read_journal(root)
    assert result.problems == ()
    assert sorted(e.path for e in result.entries) == ["2026/a.md", "b.md"]


def test_a_folder_linking_to_its_parent_does_not_loop(tmp_path: Path) -> None:
    root = tmp_path / "entries"
    write(root / "2026/a.md", f"---\n{HEAD}---\n")
    (root / "2026/again").symlink_to(root, target_is_directory=True)
    result = read_journal(root)
    assert [e.path for e in result.entries] == ["2026/a.md"]


@pytest.mark.parametrize(
    ("first", "second", "url"),
    [("a.md", "a/index.md", "a/"), ("2026/x/index.md", "2026/x/README.md", "2026/x/")],
)
def test_two_files_with_the_same_url(tmp_path: Path, first: str, second: str, url: str) -> None:
    root = tmp_path / "entries"
    write(root / first, f"---\n{HEAD}---\n")
    write(root / second, f"---\n{HEAD}---\n")
    result = read_journal(root)
    assert len(result.entries) == 1
    (problem,) = result.problems
    assert problem.line == 1
    assert f"would be published at /{url}, the same address as" in problem.message
    assert "rename the file" in problem.message
    named = {first, second} - {result.entries[0].path}
    assert problem.path.endswith(f"entries/{named.pop()}")


@pytest.mark.parametrize(("url", "title"), sorted(reserved_urls().items()))
def test_a_file_taking_a_generated_pages_url(tmp_path: Path, url: str, title: str) -> None:
    root = tmp_path / "entries"
    name = f"{url.rstrip('/')}.md" if url else "index.md"
    write(root / name, f"---\n{HEAD}---\n")
    result = read_journal(root, reserved=reserved_urls())
    assert result.entries == ()
    (problem,) = result.problems
    assert problem.path.endswith(f"entries/{name}")
    assert f"the same address as the generated {title} page; rename the file" in problem.message


@pytest.mark.parametrize("name", ["prep/2026/12/acme-onsite.md", "prep/index.md", "Prep/notes.md"])
def test_a_file_in_the_prep_sheets_folder_is_refused(tmp_path: Path, name: str) -> None:
    """The prep sheet of an upcoming round `2026/12/acme-onsite.md` lives at prep/2026/12/acme-onsite/:
    an entry in prep/ could take its address (on a Mac's disk `Prep/` is the same folder)."""
    root = tmp_path / "entries"
    write(root / name, f"---\n{HEAD}---\n")
    write(root / "2026/12/acme-onsite.md", f"---\n{HEAD}---\n")
    result = read_journal(root, reserved=reserved_urls())
    assert [e.path for e in result.entries] == ["2026/12/acme-onsite.md"]
    (problem,) = result.problems
    assert problem.path.endswith(f"entries/{name}") and problem.line == 1
    assert "is in the folder prep/, where the journal publishes the prep sheets" in problem.message
    assert name in result.invalid


def test_the_format_reference_lists_every_taken_name() -> None:
    reference = (Path(__file__).parent.parent / "docs/entry-format.md").read_text(encoding="utf-8")
    for url in reserved_urls():
        name = f"{url.rstrip('/')}.md" if url else "index.md"
        assert f"`{name}`" in reference


def test_a_unicode_file_name_is_named_as_it_is(tmp_path: Path) -> None:
    root = tmp_path / "entries"
    write(root / "2026/entrevue-Société-東京.md", f"---\n{HEAD}stage: onsit\n---\n")
    result = read_journal(root)
    (problem,) = result.problems
    assert problem.path.endswith("entries/2026/entrevue-Société-東京.md")
    assert (problem.line, problem.field) == (7, "stage")
    assert "duplicate key 'stage'" in problem.message


def test_a_dangling_link_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    root = tmp_path / "entries"
    write(root / "good.md", f"---\n{HEAD}---\n")
    (root / "gone.md").symlink_to(root / "deleted.md")
    result = read_journal(root)
    assert [e.path for e in result.entries] == ["good.md"]
    assert list(result.invalid) == ["gone.md"]
    (problem,) = result.problems
    assert problem.line == 1
    assert problem.message == "is a link to a file that does not exist; remove the link or restore the file"


def test_an_unreadable_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can read a file without read permission, so there is nothing to test")
    root = tmp_path / "entries"
    path = write(root / "locked.md", f"---\n{HEAD}---\n")
    path.chmod(0)
    result = read_journal(root)
    assert list(result.invalid) == ["locked.md"]
    assert "cannot be read" in result.problems[0].message


# -- random front matter -----------------------------------------------------------

#: Keys that a person might type: the contract's, near misses and nonsense.
KEYS = st.sampled_from([*TOP_LEVEL, "lesons", "Date", "q", "text", "status", "<<", "", "ü"]) | st.text(
    max_size=8
)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=True)
    | st.dates().map(str)
    | st.text(max_size=30)
    | st.sampled_from(["2026-02-30", "screen", "rejcted", "take home", "~", "yes", "0x1F", "1e3", ""])
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=12,
)
#: Characters that matter to YAML, so random text often looks almost like front matter.
YAMLISH = st.text(
    alphabet=st.sampled_from([*string.ascii_letters[:6], *" :-[]{}&*!|>'\"#,?%@`\t\n\r\x00\x85\ufeffé"]),
    max_size=200,
)
RANDOM = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_survives(raw: bytes) -> None:
    found, problems = read_entry("random.md", raw)
    assert found is not None or any(p.is_error for p in problems)
    assert_located(problems, "random.md", raw)


@RANDOM
@given(fields=st.dictionaries(KEYS, VALUES, max_size=8), keep_required=st.booleans())
def test_random_structured_front_matter_never_raises(fields: dict[str, Any], keep_required: bool) -> None:
    if keep_required:
        fields = {**yaml.safe_load(HEAD), **fields}
    text = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False)
    assert_survives(f"---\n{text}---\nNotes.\n".encode())


@RANDOM
@given(yaml_text=YAMLISH)
def test_random_yamlish_text_never_raises(yaml_text: str) -> None:
    assert_survives(f"---\n{HEAD}{yaml_text}\n---\n".encode())
    assert_survives(f"---\n{yaml_text}\n---\n".encode())


@RANDOM
@given(raw=st.binary(max_size=300))
def test_random_bytes_never_raise(raw: bytes) -> None:
    assert_survives(raw)
    assert_survives(b"---\n" + raw + b"\n---\n")
