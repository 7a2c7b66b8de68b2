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


# -- a cache someone else could have written is never loaded (compiled code runs when loaded) ------


def planted(tmp_path: Path) -> tuple[Path, Path]:
    """Templates and a cache folder holding their compiled code, as a first build leaves them."""
    templates, cache = tmp_path / "templates", tmp_path / "cache"
    templates.mkdir()
    cache.mkdir(mode=0o700)
    (templates / "page.html").write_text("<p>{{ name }}</p>", encoding="utf-8")
    environment(templates, cache).get_template("page.html")
    return templates, cache


def compiled_again(templates: Path, cache: Path) -> bool:
    env = environment(templates, cache)
    compiled: list[str] = []
    original = env.compile

    def counting(*args: Any, **kwargs: Any) -> Any:
        compiled.append("yes")
        return original(*args, **kwargs)

    env.compile = counting  # type: ignore[method-assign]
    assert env.get_template("page.html").render(name="x") == "<p>x</p>"
    return bool(compiled)


def test_the_cache_is_used_from_the_users_own_private_folder(tmp_path: Path) -> None:
    templates, cache = planted(tmp_path)
    assert not compiled_again(templates, cache)


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o702])
def test_a_folder_others_can_write_is_neither_read_nor_written(tmp_path: Path, mode: int) -> None:
    templates, cache = planted(tmp_path)
    cache.chmod(mode)
    assert compiled_again(templates, cache)
    (stored,) = cache.glob("growthlog-*.cache")
    before = stored.stat().st_mtime_ns
    (templates / "page.html").write_text("<p>{{ name }}</p>\n", encoding="utf-8")
    assert compiled_again(templates, cache)
    assert stored.stat().st_mtime_ns == before  # nothing written there either


def test_a_file_others_can_write_or_a_link_is_not_read(tmp_path: Path) -> None:
    templates, cache = planted(tmp_path)
    (stored,) = cache.glob("growthlog-*.cache")
    stored.chmod(0o666)
    assert compiled_again(templates, cache)
    # A link in its place, to a copy of the right code elsewhere: never followed.
    elsewhere = tmp_path / "elsewhere.cache"
    elsewhere.write_bytes(stored.read_bytes())
    elsewhere.chmod(0o600)
    stored.unlink()
    stored.symlink_to(elsewhere)
    assert compiled_again(templates, cache)


def test_a_cache_folder_that_is_a_link_is_not_used(tmp_path: Path) -> None:
    templates, cache = planted(tmp_path)
    link = tmp_path / "link"
    link.symlink_to(cache)
    assert compiled_again(templates, link)


def test_growthlogs_own_folder_is_made_private_and_a_planted_one_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    from growthlog.pages import renderer

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    folder = renderer.default_cache_folder()
    assert folder.parent == tmp_path
    assert renderer.template_cache_problem() is None  # not there yet: it will be made private
    TemplateDiskCache().dump_bytecode(_bucket())
    assert folder.stat().st_mode & 0o777 == 0o700
    folder.chmod(0o777)
    problem = renderer.template_cache_problem()
    assert problem is not None and "writable by other users" in problem


def _bucket() -> Any:
    from jinja2.bccache import Bucket

    bucket = Bucket(jinja2.Environment(), "key", "checksum")
    bucket.code = compile("x = 1", "<t>", "exec")
    return bucket
