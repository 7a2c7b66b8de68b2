"""How long the leak scan takes: a synthetic site of N entry pages, or a site you built.

    .venv/bin/python bench/leakscan.py                 # 3,000 entries, synthetic
    .venv/bin/python bench/leakscan.py --entries 500
    .venv/bin/python bench/leakscan.py --site site     # scan a built site with entries/

A built site is scanned as a build scans it: files still identical to the installed
Material theme's are skipped (a build knows which it copied; here, any file whose
path and bytes are those of one of the theme's).

Words are drawn from the sample journal's vocabulary; `--vocabulary 30` draws
pages and secrets from 30 words only, the worst case (every secret's words are on
every page). The synthetic journal has, per entry, 2 interviewers, a salary, a private note and a
private block of three sentences (about 8 secrets), and a page of about 12 KB of
public text; the search index holds every page's text once more, JSON-escaped.
Numbers are printed, never asserted (timings belong in benchmarks, not in tests).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import tempfile
import time
from pathlib import Path

from growthlog.entries.model import Entry, Outcome, PrivateValue, Stage
from growthlog.entries.reader import read_journal
from growthlog.privacy.leakscan import LeakScanner
from growthlog.privacy.secrets import secrets

SAMPLE = Path(__file__).resolve().parent.parent / "entries"
#: The words of the sample journal: pages and private blocks written in the same language.
WORDS = sorted({w.lower() for p in SAMPLE.rglob("*.md") for w in re.findall(r"[A-Za-z]{2,}", p.read_text())})
NAMES = [
    "Ada",
    "Grace",
    "Linus",
    "Barbara",
    "Ken",
    "Margaret",
    "Alan",
    "Edsger",
    "Donald",
    "Frances",
    "Tim",
    "Radia",
    "Whitfield",
    "Osei",
]


def sentence(rng: random.Random, words: int, vocabulary: list[str] = WORDS) -> str:
    return " ".join(rng.choice(vocabulary) for _ in range(words)).capitalize() + "."


def synthetic_entry(i: int, rng: random.Random, vocabulary: list[str]) -> Entry:
    block = " ".join(sentence(rng, 9, vocabulary) for _ in range(3))
    return Entry(
        path=f"2026/{i % 12 + 1:02d}/entry-{i:05d}.md",
        date=dt.date(2026, i % 12 + 1, i % 28 + 1),
        company=f"Company {i % 400}",
        role="Backend Engineer",
        stage=Stage.SCREEN,
        outcome=Outcome.PENDING,
        interviewers=(f"{rng.choice(NAMES)} Q{i}x", f"{rng.choice(NAMES)} R{i}y"),
        private=(
            PrivateValue("private.salary", str(100_000 + i * 7)),
            PrivateValue("private.notes", f"Recruiter {i} said {sentence(rng, 8, vocabulary)}"),
        ),
        body="Public notes.\n\n!!! private\n    " + block + "\n",
    )


def synthetic_site(root: Path, entries: list[Entry], rng: random.Random, vocabulary: list[str]) -> None:
    index = []
    for entry in entries:
        page = root / entry.path.removesuffix(".md") / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        text = " ".join(sentence(rng, 12, vocabulary) for _ in range(120))
        page.write_text(f"<html><head><title>{entry.company}</title></head><body><p>{text}</p></body></html>")
        index.append({"location": entry.path, "title": entry.company, "text": text})
    (root / "search").mkdir()
    (root / "search" / "search_index.json").write_text(json.dumps({"docs": index}))


def theme_copies(site: Path) -> dict[str, Path]:
    """Files of `site` at the path of a file of the installed Material theme (scan_site compares their bytes)."""
    import material

    theme = Path(material.__file__).parent / "templates"
    return {
        rel: theme / rel
        for rel in (p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
        if (theme / rel).is_file()
    }


def measure(scanner: LeakScanner, site: Path, copied: dict[str, Path] | None = None) -> None:
    files = [p for p in site.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files)
    start, cpu = time.perf_counter(), time.process_time()
    leaks = scanner.scan_site(site, copied)
    took, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(
        f"{len(files)} files, {size / 1e6:.1f} MB, {len(scanner)} secrets: scanned in {took:.2f} s "
        f"({cpu:.2f} CPU s), {len(leaks)} leaks"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--entries", type=int, default=3000)
    parser.add_argument("--site", type=Path, help="scan this built site instead (secrets from --docs)")
    parser.add_argument("--docs", type=Path, default=Path("entries"))
    parser.add_argument("--vocabulary", type=int, default=len(WORDS), help="how many distinct words")
    args = parser.parse_args()
    if args.site:
        entries = read_journal(args.docs).entries
        start, cpu = time.perf_counter(), time.process_time()
        scanner = LeakScanner(secrets(entries))
        took, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(f"{len(entries)} entries: secrets listed and indexed in {took:.2f} s ({cpu:.2f} CPU s)")
        copied = theme_copies(args.site)
        print(f"{len(copied)} files at the path of a file of the installed theme: skipped if still the same")
        measure(scanner, args.site, copied)
        return
    rng = random.Random(7)
    vocabulary = WORDS[: args.vocabulary]
    print(f"vocabulary: {len(vocabulary)} words")
    entries = [synthetic_entry(i, rng, vocabulary) for i in range(args.entries)]
    start = time.perf_counter()
    scanner = LeakScanner(secrets(entries))
    print(f"{len(entries)} entries: secrets listed and indexed in {time.perf_counter() - start:.2f} s")
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch)
        synthetic_site(site, entries, rng, vocabulary)
        measure(scanner, site)
        # One leak, to show the scan finds it among thousands of files.
        leaky = site / entries[-1].path.removesuffix(".md") / "index.html"
        leaky.write_text(leaky.read_text() + entries[-1].private[0].value)
        measure(scanner, site)


if __name__ == "__main__":
    main()
