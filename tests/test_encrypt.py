"""Optional password protection (the `[encrypt]` extra, mkdocs.encrypt.yml) and the Pages workflow."""

from __future__ import annotations

import importlib.util
import shutil

import pytest
import yaml
from conftest import REPO, Journal, site_text
from growthlog.entries.reader import read_journal
from growthlog.privacy.secrets import phrases
from test_publish_mode import SAMPLE_PRIVATE, found_anywhere

needs_encrypt = pytest.mark.skipif(
    importlib.util.find_spec("encryptcontent") is None,
    reason="the [encrypt] extra (mkdocs-encryptcontent-plugin) is not installed; pip install -e '.[encrypt]'",
)


class _EnvLoader(yaml.SafeLoader):
    """Reads mkdocs.yml files with their `!ENV` tags (as plain values)."""


_EnvLoader.add_constructor("!ENV", lambda loader, node: f"!ENV {loader.construct_sequence(node)}")  # type: ignore[arg-type]


def load(name: str) -> dict[str, object]:
    data = yaml.load((REPO / name).read_text(encoding="utf-8"), Loader=_EnvLoader)
    assert isinstance(data, dict)
    return data


def public_text(journal: Journal) -> list[str]:
    """The reflection text of every published entry of a journal: what a password must hide."""
    texts: list[str] = []
    for e in read_journal(journal.entries).entries:
        if e.draft:
            continue
        texts += [*e.went_well, *e.fell_short, *(lesson.text for lesson in e.lessons)]
        texts += [q.q for q in e.questions] + ([e.feedback.text] if e.feedback else [])
        texts += list(phrases(e.body))
    return [t for t in texts if len(t) > 12]


@needs_encrypt
def test_with_a_password_no_entry_text_is_readable_anywhere_in_the_site(
    sample_journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(REPO / "mkdocs.encrypt.yml", sample_journal.root / "mkdocs.encrypt.yml")
    monkeypatch.setenv("GROWTHLOG_PASSWORD", "correct horse battery staple 1978")
    site = sample_journal.build(config_name="mkdocs.encrypt.yml")

    texts = public_text(sample_journal)
    assert len(texts) > 150
    assert found_anywhere(site, texts) == []
    assert found_anywhere(site, SAMPLE_PRIVATE) == []
    # The site is really there, encrypted: every entry page holds the decryption form.
    offer = (site / "2026/11/2026-11-20-tidewater-energy-offer/index.html").read_text(encoding="utf-8")
    assert 'id="mkdocs-encrypted-content"' in offer and "decrypt-contents.js" in offer
    # What stays readable, as the README says: the nav's page names and neutral entry titles.
    assert "<title>Entry of 20 Nov 2026 - Growth journal</title>" in offer
    assert found_anywhere(site, ["Tidewater Energy", "Senior Backend Engineer, Grid Platform"]) == []
    assert "Timeline" in offer and "Questions" in offer
    # The search index keeps no protected page.
    assert '"docs": []' in (site / "search/search_index.json").read_text(encoding="utf-8")
    # The password is nowhere in the site.
    assert all("correct horse" not in text for _, text in site_text(site)())


def test_the_password_never_comes_from_the_config_files() -> None:
    encrypt = load("mkdocs.encrypt.yml")
    assert encrypt["INHERIT"] == "mkdocs.yml"
    plugins = encrypt["plugins"]
    assert isinstance(plugins, list)
    options = next(p["encryptcontent"] for p in plugins if isinstance(p, dict) and "encryptcontent" in p)
    assert options["global_password"] == "!ENV ['GROWTHLOG_PASSWORD', '']"
    assert "encryptcontent" not in str(load("mkdocs.yml")["plugins"])


def test_the_encrypt_config_repeats_every_plugin_of_mkdocs_yml_with_its_options() -> None:
    """INHERIT replaces the plugins list: mkdocs.encrypt.yml must keep mkdocs.yml's plugins as they are."""
    base = load("mkdocs.yml")["plugins"]
    encrypt = load("mkdocs.encrypt.yml")["plugins"]
    assert isinstance(base, list) and isinstance(encrypt, list)
    assert encrypt[: len(base)] == base
    assert "encryptcontent" in encrypt[-1]  # last: it encrypts what growthlog rendered


def test_pyproject_offers_the_encrypt_extra_and_tests_install_it() -> None:
    import tomllib

    extras = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    assert any(dep.startswith("mkdocs-encryptcontent-plugin") for dep in extras["encrypt"])
    assert any(dep.startswith("mkdocs-encryptcontent-plugin") for dep in extras["test"])


# -- the GitHub Pages workflow ----------------------------------------------------------


def test_the_publish_workflow_builds_in_publish_mode_and_deploys_with_pages_actions() -> None:
    workflow = yaml.safe_load((REPO / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"]["group"] == "pages"
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["env"]["GROWTHLOG_SHOW_PRIVATE"] == "0"
    steps = build["steps"] + deploy["steps"]
    uses = [step["uses"] for step in steps if "uses" in step]
    assert [u.split("@")[0] for u in uses] == [
        "actions/checkout",
        "actions/setup-python",
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ]
    for use in uses:  # pinned: a major version tag at least, never a branch
        version = use.split("@")[1]
        assert version[0] == "v" and version[1:].split(".")[0].isdigit(), use
    setup = next(step for step in steps if step.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["cache"] == "pip"
    runs = "\n".join(step.get("run", "") for step in steps)
    # Strict unless the repository allows warnings (run for real in test_gates.py).
    assert 'strict="--strict"' in runs and "mkdocs build $strict" in runs and "gh-deploy" not in runs
    # The leak scan runs on what the build wrote, before the upload.
    names = [step.get("name", step.get("uses", "")) for step in steps]
    assert "growthlog scan site" in runs
    upload = next(i for i, name in enumerate(names) if name.startswith("actions/upload-pages-artifact"))
    assert names.index("Scan the site for private data") < upload
    # Material's notices (its end of life among them) are not hidden from the log.
    assert "NO_MKDOCS_2_WARNING" not in (REPO / ".github/workflows/publish.yml").read_text(encoding="utf-8")
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"


def test_the_readme_explains_publishing_privately() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Publishing privately", 1)[1].split("\n## ", 1)[0]
    for words in ("GitHub Enterprise Cloud", "public", "GROWTHLOG_PASSWORD", "growthlog publish", "rotate"):
        assert words in section, words
