"""Compiled templates kept on disk between builds: reused only for the same source, file and options."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import jinja2
import pytest
from growthlog.pages.renderer import TemplateDiskCache, make_environment

if TYPE_CHECKING:
    from pathlib import Path


def environment(templates: Path, cache: Path) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        autoescape=True,
        bytecode_cache=TemplateDiskCache(str(cache)),
    )


def refuse_to_compile(*args: Any, **kwargs: Any) -> Any:
    raise AssertionError("compiled again")


def test_a_second_environment_loads_the_compiled_template_and_renders_the_same(tmp_path: Path) -> None:
    templates, cache = tmp_path / "templates", tmp_path / "cache"
    templates.mkdir()
    cache.mkdir()
    (templates / "page.html").write_text("<p>{{ name }}</p>", encoding="utf-8")
    first = environment(templates, cache).get_template("page.html").render(name="<Zoë & co>")
    assert first == "<p>&lt;Zoë &amp; co&gt;</p>"
    assert len(list(cache.glob("growthlog-*.cache"))) == 1

    again = environment(templates, cache)
    again.compile = refuse_to_compile  # type: ignore[method-assign]  # it must come from the cache
    assert again.get_template("page.html").render(name="<Zoë & co>") == first


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    templates, cache = tmp_path / "templates", tmp_path / "cache"
    templates.mkdir()
    cache.mkdir()
    (templates / "page.html").write_text("<p>{{ name }}</p>", encoding="utf-8")
    environment(templates, cache).get_template("page.html").render(name="x")
    (templates / "page.html").write_text("<h1>{{ name }}</h1>", encoding="utf-8")
    assert environment(templates, cache).get_template("page.html").render(name="x") == "<h1>x</h1>"


def test_the_key_depends_on_the_options_not_only_the_file() -> None:
    ours = TemplateDiskCache("/nowhere").get_cache_key("entry.html", "/t/entry.html")
    plain = jinja2.FileSystemBytecodeCache("/nowhere").get_cache_key("entry.html", "/t/entry.html")
    assert ours != plain


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text("<p>{{ name }}</p>", encoding="utf-8")
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("", encoding="utf-8")
    env = environment(templates, not_a_folder)
    assert env.get_template("page.html").render(name="x") == "<p>x</p>"


def test_growthlogs_environment_keeps_its_compiled_templates_when_a_private_temp_folder_exists() -> None:
    cache = make_environment().bytecode_cache
    if cache is None:
        pytest.skip("no private temp folder on this machine: templates are compiled every time")
    assert isinstance(cache, TemplateDiskCache)


def test_a_damaged_cache_file_is_compiled_over(tmp_path: Path) -> None:
    templates, cache = tmp_path / "templates", tmp_path / "cache"
    templates.mkdir()
    cache.mkdir()
    (templates / "page.html").write_text("<p>{{ name }}</p>", encoding="utf-8")
    environment(templates, cache).get_template("page.html")
    (stored,) = cache.glob("growthlog-*.cache")
    magic = stored.read_bytes()[:8]
    for damage in (b"", magic, magic + b"\x80\x05garbage", b"not even the magic"):
        stored.write_bytes(damage)
        assert environment(templates, cache).get_template("page.html").render(name="x") == "<p>x</p>"
