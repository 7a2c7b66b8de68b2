"""growthlog's benchmark: the core against the floor, the build against its peers, the live preview.

    .venv/bin/python bench/run.py                      # N = 100, 1000, 5000 (a few minutes)
    .venv/bin/python bench/run.py --sizes 1000 --runs 5
    .venv/bin/python bench/run.py --only-preview        # the live preview at N = 1000 only

For each N it writes N synthetic entries (bench/synthetic.py) into a temp folder and measures:

- core: growthlog reading, validating, aggregating and rendering its generated pages and
  every entry header, without MkDocs; floor: reading the same files and parsing their
  front matter with yaml.CSafeLoader. Median of --runs, in this process.
- build: a full `mkdocs build` of the journal; the same files as plain Material pages
  (short nav, no growthlog); the same entries as Material blog posts. Each build runs
  in a fresh subprocess (wall time, peak memory from its own rusage), median of --runs.
  growthlog's modules are byte-compiled first, as the libraries are when pip installs them.
  The first growthlog build is cold (no entry cache, no compiled templates) and printed apart;
  the later ones reuse what the one before kept, as a user's next build does.
- preview (at --preview-size): a real `growthlog serve` (MkDocs' serve --dirty; then with --full);
  the time from saving a change to one entry until the entry page and the aggregate
  pages served over HTTP all show it.

It then prints whether each target of issue 7 is met. Timings are never asserted by
tests: CI runs this once at a tiny N as a smoke test.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import datetime as dt
import gc
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic

if TYPE_CHECKING:
    from collections.abc import Callable

REPO = Path(__file__).resolve().parent.parent
TODAY = "2026-11-26"
KINDS = ("growthlog", "plain", "blog")
TARGETS_AT = (1000, 5000)


# -- the floor and the core ----------------------------------------------------------------


def floor(docs: Path) -> int:
    """Read every entry file and parse its front matter with CSafeLoader: the least any tool does."""
    count = 0
    for dirpath, _dirnames, filenames in os.walk(docs):
        for name in filenames:
            if not name.endswith(".md"):
                continue
            text = Path(dirpath, name).read_bytes().decode("utf-8")
            _, front, _body = text.split("---\n", 2)
            yaml.load(front, Loader=yaml.CSafeLoader)
            count += 1
    return count


def core(docs: Path) -> int:
    """What growthlog itself does in a publish build, without MkDocs: read, validate, aggregate, render."""
    from growthlog.entries.private_parts import PrivateParts
    from growthlog.entries.reader import EntryCache, read_journal
    from growthlog.journal.journal import Journal
    from growthlog.journal.settings import Mode, Settings
    from growthlog.pages.journal_pages import GENERATED_PAGES, reserved_urls
    from growthlog.pages.renderer import Renderer

    result = read_journal(docs, EntryCache(), reserved_urls())
    if result.errors:
        raise SystemExit(f"the synthetic journal has problems: {result.errors[0]}")
    journal = Journal(result.entries, Settings(today=dt.date.fromisoformat(TODAY), mode=Mode.PUBLISH))
    renderer = Renderer(journal)
    size = 0
    private_parts = PrivateParts(("admonition", "pymdownx.details", "attr_list", "md_in_html"))
    for page in GENERATED_PAGES:
        size += len(renderer.page(page))
    for entry in journal.entries:
        size += len(renderer.entry_header(entry)) + sum(
            len(part.text) for part in private_parts.of(entry.body)
        )
    return size


def timed(function: Callable[[Path], Any], docs: Path) -> float:
    """CPU seconds of one call: on a shared machine, time spent waiting for other processes is not ours."""
    gc.collect()
    start = time.process_time()
    function(docs)
    return time.process_time() - start


# -- builds --------------------------------------------------------------------------------


def base_config() -> dict[str, Any]:
    """The shipped mkdocs.yml: the same theme, features and Markdown extensions for every build."""
    config: dict[str, Any] = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = str(REPO / "theme_overrides")
    return config


def write_site(kind: str, entries: list[synthetic.SyntheticEntry], root: Path) -> Path:
    """A project folder for one kind of build; returns its mkdocs.yml."""
    docs = root / "docs"
    config = base_config()
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    if kind == "growthlog":
        synthetic.write_journal(entries, docs)
    elif kind == "plain":
        synthetic.write_plain(entries, docs)
        config["plugins"] = ["search"]
        config["nav"] = [{"Home": "index.md"}]
    else:
        synthetic.write_blog(entries, docs)
        config["plugins"] = ["search", "blog"]
        config["nav"] = [{"Home": "index.md"}, {"Blog": ["blog/index.md"]}]
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return config_file


def compile_growthlog() -> None:
    """Byte-compile growthlog's modules, as `pip install` does and as any build after a user's first one finds them.

    MkDocs, Material and the other libraries are byte-compiled when pip installs them; an editable
    install of growthlog is not, and the builds below run with PYTHONDONTWRITEBYTECODE (every run
    the same): without this, each growthlog build alone would compile its ~7,000 lines again.
    """
    import growthlog

    compileall.compile_dir(Path(growthlog.__file__).parent, quiet=1)


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update({"GROWTHLOG_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"})
    env.pop("GROWTHLOG_SHOW_PRIVATE", None)
    return env


def mkdocs_command() -> list[str]:
    return [sys.executable, "-m", "mkdocs"]


def build_once(config_file: Path) -> tuple[float, float, float]:
    """One `mkdocs build` in a fresh process: (wall seconds, CPU seconds, peak memory in MB)."""
    site = config_file.parent / "site"
    shutil.rmtree(site, ignore_errors=True)
    # Each kind of site gets its own temp folder, empty when the benchmark starts: growthlog keeps
    # its compiled templates there (and its entry cache in the site's folder, new too), so its
    # first build is a cold one, as on a fresh machine.
    temp = config_file.parent / "tmp"
    temp.mkdir(exist_ok=True)
    start = time.perf_counter()
    process = subprocess.Popen(
        [*mkdocs_command(), "build", "--quiet", "--strict", "-f", str(config_file)],
        cwd=config_file.parent,
        env={**child_env(), "TMPDIR": str(temp)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    assert process.stdout is not None
    output = process.stdout.read()
    # wait4 gives this child's own rusage (RUSAGE_CHILDREN would be the max over all children).
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"mkdocs build failed for {config_file}:\n{output.decode(errors='replace')}")
    cpu = usage.ru_utime + usage.ru_stime
    return elapsed, cpu, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


# -- preview -------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8", errors="replace"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


@dataclass
class Preview:
    """A `growthlog serve` subprocess on a journal, and what it printed."""

    config_file: Path
    dirty: bool
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    log_file: Path | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def __enter__(self) -> Preview:
        self.log_file = self.config_file.parent / f"serve-{'dirty' if self.dirty else 'full'}.log"
        # What users run: growthlog serve (MkDocs' serve, --dirty unless --full), on the same engine
        # as the builds above.
        command = [
            sys.executable,
            "-m",
            "growthlog",
            "serve",
            "-f",
            str(self.config_file),
            "--engine",
            "mkdocs",
        ]
        command += ["-a", f"127.0.0.1:{self.port}", *([] if self.dirty else ["--full"])]
        with self.log_file.open("wb") as log:
            self.process = subprocess.Popen(
                command, cwd=self.config_file.parent, env=child_env(), stdout=log, stderr=log
            )
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def log(self) -> str:
        assert self.log_file is not None
        return self.log_file.read_text(encoding="utf-8", errors="replace")

    def wait_until(self, check: Callable[[], bool], timeout: float) -> float:
        """Poll until `check()` holds; the seconds it took. The timeout only guards against a hang."""
        start = time.perf_counter()
        while not check():
            if self.process is not None and self.process.poll() is not None:
                raise SystemExit(f"growthlog serve exited:\n{self.log()}")
            if time.perf_counter() - start > timeout:
                raise SystemExit(f"growthlog serve did not show the change within {timeout} s:\n{self.log()}")
            time.sleep(0.02)
        return time.perf_counter() - start


def aggregate_urls() -> list[str]:
    """The generated pages an edit must show up on: timeline and question bank when they exist."""
    from growthlog.pages.journal_pages import GENERATED_PAGES

    return [page.url for page in GENERATED_PAGES if page.url.rstrip("/") in ("timeline", "questions")]


def edit_targets(docs: Path, count: int) -> list[Path]:
    """Entries whose rounds share an explicit application id, spread over the journal."""
    files = sorted(p for p in docs.rglob("*.md") if "\napplication: " in p.read_text(encoding="utf-8"))
    files = [p for p in files if "\ndraft: true" not in p.read_text(encoding="utf-8")]
    step = max(len(files) // (count + 1), 1)
    return [files[(i + 1) * step % len(files)] for i in range(count)]


def engine_cpu_seconds(parent: int) -> float | None:
    """CPU seconds (user + system) so far of the engine's serve that `growthlog serve` (`parent`) runs.

    A measure that other processes on the machine do not inflate, as they do the seconds from
    save to page. Read from Linux's /proc; None where there is none.
    """
    try:
        (child, *_) = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
        fields = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, ValueError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure_preview(config_file: Path, dirty: bool, edits: int) -> dict[str, Any]:
    """Seconds from saving an edit to the entry page and the aggregate pages all showing it."""
    from growthlog.entries.urls import entry_url

    docs = config_file.parent / "docs"
    targets = edit_targets(docs, edits)
    originals = {path: path.read_text(encoding="utf-8") for path in targets}
    seconds: list[float] = []
    cpu: list[float] = []
    rebuilds: list[str] = []
    try:
        with Preview(config_file, dirty) as preview:
            assert preview.process is not None
            home = preview.base
            preview.wait_until(lambda: "</html>" in fetch(home), timeout=600)
            for number, path in enumerate(targets):
                rel = path.relative_to(docs).as_posix()
                urls = [preview.base + entry_url(rel)] + [preview.base + u for u in aggregate_urls()]
                marker = f"Benchmark edit {number} {time.time_ns()}"
                text = originals[path]
                # A new first question and company: shown on the entry page, the question bank and the timeline.
                text = re.sub(r"^company: (.*)$", rf"company: \1 {marker}", text, count=1, flags=re.M)
                text = text.replace("questions:\n- q: ", f"questions:\n- q: {marker} ", 1)
                log_mark = len(preview.log())
                cpu_before = engine_cpu_seconds(preview.process.pid)
                start = time.perf_counter()
                path.write_text(text, encoding="utf-8")
                preview.wait_until(
                    lambda urls=urls, marker=marker: all(marker in fetch(u) for u in urls), 120
                )
                seconds.append(time.perf_counter() - start)
                time.sleep(1.0)  # let the server settle (a second change event, the livereload poll)
                cpu_after = engine_cpu_seconds(preview.process.pid)
                if cpu_before is not None and cpu_after is not None:
                    cpu.append(cpu_after - cpu_before)
                rebuilds += re.findall(r"growthlog: .*re-read.*", preview.log()[log_mark:])
    finally:
        for path, text in originals.items():
            path.write_text(text, encoding="utf-8")
    return {
        "seconds": seconds,
        "cpu": cpu,
        "cache": rebuilds[-1] if rebuilds else "(no cache line in the log)",
    }


# -- the report ----------------------------------------------------------------------------


def machine() -> str:
    model = platform.processor() or "unknown CPU"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    from importlib.metadata import version

    return (
        f"{model}, {os.cpu_count()} cores; Python {platform.python_version()}, "
        f"MkDocs {version('mkdocs')}, Material {version('mkdocs-material')}, "
        f"PyYAML {version('pyyaml')} (libyaml: {hasattr(yaml, 'CSafeLoader')})"
    )


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000], help="entry counts N")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (the median is shown)")
    parser.add_argument(
        "--blog-runs",
        type=int,
        help="runs of the (slow) blog build, 0 for none; default: --runs",
        default=None,
    )
    parser.add_argument("--preview-size", type=int, default=1000, help="N for the preview; 0 skips it")
    parser.add_argument("--preview-edits", type=int, default=5, help="edits timed per preview mode")
    parser.add_argument(
        "--only-preview",
        action="store_true",
        help="measure only the preview (at --preview-size), no core or builds",
    )
    parser.add_argument(
        "--preview-modes",
        choices=["both", "dirty", "full"],
        default="both",
        help="which serves the preview times: `growthlog serve` (dirty), `growthlog serve --full`, or both",
    )
    parser.add_argument("--keep", type=Path, help="write the journals here and keep them")
    args = parser.parse_args(argv)
    if args.only_preview:
        if args.preview_size <= 0:
            parser.error("--only-preview needs a --preview-size above 0")
        args.sizes = [args.preview_size]

    print(f"growthlog benchmark, {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC")
    print(f"Machine: {machine()}")
    blog_runs = args.runs if args.blog_runs is None else min(args.blog_runs, args.runs)
    print(f"Runs per figure: {args.runs} (median), blog builds {blog_runs}; each build in a fresh process.\n")

    compile_growthlog()
    work = args.keep or Path(tempfile.mkdtemp(prefix="growthlog-bench-"))
    rows: dict[int, dict[str, Any]] = {}
    preview: dict[str, dict[str, Any]] = {}
    try:
        for size in args.sizes:
            entries = synthetic.generate(size)
            if args.only_preview:
                journal = write_site("growthlog", entries, work / f"n{size}" / "growthlog")
                preview = preview_modes(journal, args.preview_modes, args.preview_edits, size)
                continue
            # --blog-runs 0: no blog site at all (its build takes minutes); its columns say "not run".
            kinds = [kind for kind in KINDS if kind != "blog" or blog_runs > 0]
            configs = {kind: write_site(kind, entries, work / f"n{size}" / kind) for kind in kinds}
            docs = configs["growthlog"].parent / "docs"
            row: dict[str, Any] = {"words": synthetic.word_count(entries)}
            floor(docs), core(docs)  # warm the file cache and the imports
            floors, cores = [], []
            for _ in range(args.runs):
                floors.append(timed(floor, docs))
                cores.append(timed(core, docs))
            row["floor"], row["core"] = statistics.median(floors), statistics.median(cores)
            walls: dict[str, list[float]] = {kind: [] for kind in kinds}
            cpus: dict[str, list[float]] = {kind: [] for kind in kinds}
            memory: dict[str, list[float]] = {kind: [] for kind in kinds}
            for kind in kinds:
                shutil.rmtree(configs[kind].parent / "tmp", ignore_errors=True)  # see build_once
            for run in range(args.runs):
                for kind in kinds:  # interleaved, so a slow moment of the machine hits every kind
                    if kind == "blog" and args.blog_runs is not None and run >= args.blog_runs:
                        continue
                    wall, cpu, megabytes = build_once(configs[kind])
                    walls[kind].append(wall)
                    cpus[kind].append(cpu)
                    memory[kind].append(megabytes)
            row["growthlog_cold"] = cpus["growthlog"][0]
            row["runs"] = "; ".join(
                f"{kind} " + ", ".join(f"{cpu:.2f}" for cpu in cpus[kind]) for kind in kinds
            )
            for kind in kinds:
                row[kind] = statistics.median(cpus[kind])
                row[f"{kind}_wall"] = statistics.median(walls[kind])
                row[f"{kind}_mb"] = max(memory[kind])
            rows[size] = row
            print(
                f"  N={size}: core {row['core']:.2f} s, floor {row['floor']:.2f} s; builds growthlog "
                f"{row['growthlog']:.1f} s, plain {row['plain']:.1f} s, blog {_seconds(row, 'blog', 1)}",
                flush=True,
            )
            if size == args.preview_size:
                preview = preview_modes(configs["growthlog"], args.preview_modes, args.preview_edits, size)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)

    print_report(rows, preview, args.preview_size)
    return 0


def preview_modes(config_file: Path, modes: str, edits: int, size: int) -> dict[str, dict[str, Any]]:
    """The preview timed in the chosen serve modes, each printed as it finishes."""
    preview: dict[str, dict[str, Any]] = {}
    for dirty in (True, False):
        if modes == ("full" if dirty else "dirty"):
            continue
        mode = "growthlog serve" if dirty else "growthlog serve --full"
        preview[mode] = measure_preview(config_file, dirty, edits)
        print(f"  N={size}: {mode}: {[round(s, 2) for s in preview[mode]['seconds']]}", flush=True)
    return preview


def print_report(
    rows: dict[int, dict[str, Any]], preview: dict[str, dict[str, Any]], preview_size: int
) -> None:
    if rows:
        print_build_tables(rows)
    if preview:
        print_preview_table(preview, preview_size)
    print_targets(rows, preview, preview_size)


def _seconds(row: dict[str, Any], kind: str, digits: int = 2) -> str:
    """A kind's median CPU seconds (wall seconds in brackets with two digits), or "not run"."""
    if kind not in row:
        return "not run"
    return f"{row[kind]:.{digits}f} s" + (f" ({row[f'{kind}_wall']:.2f})" if digits == 2 else "")


def _ratio(row: dict[str, Any], kind: str, other: str) -> str:
    return f"{row[kind] / row[other]:.2f}" if other in row else "-"


def _megabytes(row: dict[str, Any], kind: str) -> str:
    return f"{row[f'{kind}_mb']:.0f}" if kind in row else "-"


def print_build_tables(rows: dict[int, dict[str, Any]]) -> None:
    print("\n## Core (no MkDocs) against the floor (read + CSafeLoader), CPU seconds\n")
    print("| N | words/entry | floor | core | core / floor |")
    print("|---:|---:|---:|---:|---:|")
    for size, r in rows.items():
        print(
            f"| {size} | {r['words']:.0f} | {r['floor']:.3f} s | {r['core']:.3f} s | {r['core'] / r['floor']:.2f} |"
        )

    print(
        "\n## Full `mkdocs build`, each in a fresh process: median CPU seconds (wall seconds), peak memory\n"
    )
    print(
        "| N | growthlog | plain Material, short nav | Material blog "
        "| growthlog / plain | growthlog / blog | peak MB growthlog / plain / blog |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for size, r in rows.items():
        print(
            f"| {size} | {r['growthlog']:.2f} s ({r['growthlog_wall']:.2f}) "
            f"| {r['plain']:.2f} s ({r['plain_wall']:.2f}) | {_seconds(r, 'blog')} "
            f"| {r['growthlog'] / r['plain']:.2f} | {_ratio(r, 'growthlog', 'blog')} "
            f"| {r['growthlog_mb']:.0f} / {r['plain_mb']:.0f} / {_megabytes(r, 'blog')} |"
        )
    print(
        "\nThe first growthlog build of each N ran cold, as on a fresh clone or in CI: no entry cache "
        "(`.cache/growthlog/`, parsed entries kept from the last build) and no compiled templates. "
        "Each later build found both, as a user's next build does, and read no entry file again. "
        "The median includes the cold build. CPU seconds of every run, in order:\n"
    )
    for size, r in rows.items():
        print(
            f"- N={size}: first (cold) growthlog build {r['growthlog_cold']:.2f} s, "
            f"{r['growthlog_cold'] / r['plain']:.2f} x the plain median; {r['runs']}"
        )


def print_preview_table(preview: dict[str, dict[str, Any]], preview_size: int) -> None:
    if preview:
        print(
            f"\n## Preview at N={preview_size}: save an entry until its page and the aggregate pages show it\n"
        )
        print(
            "| mode | median | max | engine CPU per save (median, max) | edits | entry cache on the last rebuild |"
        )
        print("|---|---:|---:|---:|---:|---|")
        for mode, p in preview.items():
            s, cpu = p["seconds"], p["cpu"]
            cpu_cell = f"{statistics.median(cpu):.2f} s, {max(cpu):.2f} s" if cpu else "n/a"
            print(
                f"| `{mode}` | {statistics.median(s):.2f} s | {max(s):.2f} s | {cpu_cell} | {len(s)} | {p['cache']} |"
            )


def print_targets(
    rows: dict[int, dict[str, Any]], preview: dict[str, dict[str, Any]], preview_size: int
) -> None:
    print("\n## Targets\n")
    checks: list[tuple[str, str, bool]] = []
    for size in TARGETS_AT:
        r = rows.get(size)
        if r is None:
            continue
        checks += [
            (f"core / floor <= 2 at N={size}", f"{r['core'] / r['floor']:.2f}", r["core"] / r["floor"] <= 2),
            (
                f"growthlog / plain <= 1.15 at N={size}",
                f"{r['growthlog'] / r['plain']:.2f}",
                r["growthlog"] / r["plain"] <= 1.15,
            ),
        ]
        if "blog" in r:
            checks.append(
                (
                    f"growthlog / blog <= 0.35 at N={size}",
                    f"{r['growthlog'] / r['blog']:.2f}",
                    r["growthlog"] / r["blog"] <= 0.35,
                )
            )
    if 1000 in rows and 5000 in rows:
        scale = rows[5000]["growthlog"] / rows[1000]["growthlog"]
        checks.append(("build(5000) / build(1000) <= 5.5", f"{scale:.2f}", scale <= 5.5))
    if 5000 in rows:
        peak = rows[5000]["growthlog_mb"]
        checks.append(("peak memory at N=5000 < 400 MB", f"{peak:.0f} MB", peak < 400))
    if "growthlog serve" in preview and preview_size == 1000:
        slowest = max(preview["growthlog serve"]["seconds"])
        checks.append(("growthlog serve < 1.0 s at N=1000 (slowest edit)", f"{slowest:.2f} s", slowest < 1.0))
    if not checks:
        print("No target applies to these sizes (the targets are at N=1000 and 5000).")
        return
    print("| target | measured | |")
    print("|---|---:|---|")
    for name, value, ok in checks:
        print(f"| {name} | {value} | {verdict(ok)} |")
    met = sum(ok for _, _, ok in checks)
    print(f"\n{met} of {len(checks)} targets met.")


if __name__ == "__main__":
    raise SystemExit(main())
