"""Layout files: the built-ins load, user layouts load from a folder, errors name file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.errors import LayoutError
from briefgen.layout import DEFAULT_LAYOUT, available_layouts, load_layout
from briefgen.layout.spec import PAPER_SIZES, builtin_layouts_dir

BUILTIN = builtin_layouts_dir()


def test_builtins_are_listed_with_descriptions():
    layouts = available_layouts()
    assert {"memo", "executive", "meeting"} <= set(layouts)
    assert all(desc and not desc.startswith("(invalid") for desc in layouts.values())
    assert DEFAULT_LAYOUT in layouts


@pytest.mark.parametrize(
    ("name", "columns", "blocks"),
    [
        ("memo", 1, {"bottom_line", "key_points", "quotes", "figures", "sources"}),
        ("executive", 2, {"key_points", "figures", "quotes", "people"}),
        ("meeting", 2, {"bottom_line", "people", "key_points", "events", "notes"}),
    ],
)
def test_builtin_layouts_have_their_use(name, columns, blocks):
    layout = load_layout(name)
    assert layout.columns == columns
    assert blocks <= {b.name for b in layout.blocks}
    assert layout.min_size <= layout.base_size


def test_memo_has_a_marking_and_executive_a_side_panel():
    assert load_layout("memo").marking
    exe = load_layout("executive")
    assert {b.name for b in exe.region_blocks("side")} >= {"figures", "quotes", "people"}
    assert exe.block("key_points").region == "main"


def test_none_means_the_default():
    assert load_layout(None).name == DEFAULT_LAYOUT


@pytest.mark.parametrize(("paper", "expected"),
                         [("A4", "A4"), ("letter", "Letter"), ("US-Letter", "Letter")])
def test_paper_override(paper, expected):
    layout = load_layout("memo", paper=paper)
    assert layout.paper == expected
    assert layout.page_size == PAPER_SIZES[expected]


def test_bad_paper_override():
    with pytest.raises(LayoutError, match="paper must be A4 or Letter"):
        load_layout("memo", paper="A5")


def test_unknown_layout_lists_valid_ones():
    with pytest.raises(LayoutError, match="unknown layout 'nope'.*executive.*meeting.*memo"):
        load_layout("nope")


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


MINIMAL = """
name = "mine"
description = "my layout"
[blocks.key_points]
region = "main"
heading = "Points"
"""


def test_user_layout_folder(tmp_path):
    _write(tmp_path, "mine.toml", MINIMAL)
    assert available_layouts(tmp_path)["mine"] == "my layout"
    layout = load_layout("mine", layouts_dir=tmp_path)
    assert layout.blocks[0].heading == "Points"


def test_yaml_layout(tmp_path):
    pytest.importorskip("yaml")
    path = _write(tmp_path, "y.yaml", "name: y\nblocks:\n  key_points: {region: main, max: 4}\n")
    assert load_layout(str(path)).block("key_points").max == 4


def test_user_layout_folder_missing(tmp_path):
    with pytest.raises(LayoutError, match="layouts folder not found"):
        load_layout("memo", layouts_dir=tmp_path / "absent")


@pytest.mark.parametrize(
    ("text", "key", "why"),
    [
        ('[page]\npaper = "A5"\n', "page.paper", "A4 or Letter"),
        ("[page]\nmargins = [10, 10]\n", "page.margins", "4 numbers"),
        ("[page]\nmargins = [10, 10, 10, 100]\n", "page.margins", "4 numbers"),
        ("[fonts]\nbase_size = 30\n", "fonts.base_size", "between"),
        ('[fonts]\nbase_size = "big"\n', "fonts.base_size", "expected a number"),
        ("[fonts]\nbase_size = 8\nmin_size = 9\n", "fonts.min_size", "must not exceed"),
        ('[colours]\naccent = "blue"\n', "colours.accent", "colour like"),
        ('[colours]\nsparkle = "#ffffff"\n', "colours.sparkle", "unknown colour"),
        ("[regions]\ncolumns = 3\n", "regions.columns", "between 1 and 2"),
        ('[blocks.gossip]\nregion = "main"\n', "blocks.gossip", "unknown block"),
        ('[blocks.quotes]\nregion = "side"\n', "blocks.quotes.region", "expected one of"),
        ('[blocks.quotes]\nregion = "main"\nmin = 5\nmax = 2\n', "blocks.quotes.min",
         "must not exceed"),
        ('[blocks.quotes]\nregion = "main"\ncolour = "red"\n', "blocks.quotes.colour",
         "unknown key"),
        ('[fit]\ndrop_order = ["people"]\n', "fit.drop_order", "not a block"),
        ('[header]\nlogo = "missing.png"\n', "header.logo", "image not found"),
        ("tilte = 'typo'\n", "tilte", "unknown key"),
    ],
)
def test_invalid_layout_names_file_and_key(tmp_path, text, key, why):
    base = "" if "[blocks." in text else '[blocks.key_points]\nregion = "main"\n'
    path = _write(tmp_path, "bad.toml", text + "\n" + base)
    with pytest.raises(LayoutError) as info:
        load_layout(str(path))
    message = str(info.value)
    assert str(path) in message and f"'{key}'" in message and why in message
    assert "\n" not in message


def test_syntax_error_names_file(tmp_path):
    path = _write(tmp_path, "broken.toml", "[page\n")
    with pytest.raises(LayoutError, match=r"broken\.toml: not valid TOML"):
        load_layout(str(path))


def test_layout_needs_blocks(tmp_path):
    path = _write(tmp_path, "empty.toml", 'name = "e"\n')
    with pytest.raises(LayoutError, match="'blocks'"):
        load_layout(str(path))


@pytest.mark.parametrize("name", ["memo", "executive", "meeting"])
def test_builtin_files_exist(name):
    assert (BUILTIN / f"{name}.toml").is_file()


def test_a_file_with_a_bom_loads(tmp_path):
    path = _write(tmp_path, "bom.toml", "\ufeff" + MINIMAL)
    assert load_layout(str(path)).name == "mine"


def test_a_name_is_not_mistaken_for_a_file_in_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "memo").write_text("not a layout", encoding="utf-8")
    assert load_layout("memo").name == "memo"


def test_missing_layout_file():
    with pytest.raises(LayoutError, match="layout file not found"):
        load_layout("no/such/layout.toml")


def test_logo_must_be_an_image(tmp_path):
    (tmp_path / "logo.png").write_text("not an image", encoding="utf-8")
    path = _write(tmp_path, "l.toml", '[header]\nlogo = "logo.png"\n' + MINIMAL.replace(
        'name = "mine"\ndescription = "my layout"\n', ""))
    with pytest.raises(LayoutError, match="'header.logo': not an image"):
        load_layout(str(path))
