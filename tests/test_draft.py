"""The JSON draft: its schema in step with the model, errors naming the JSON path, edits kept."""

from __future__ import annotations

import copy
import dataclasses
import json
import typing

import pytest

from briefgen import model
from briefgen.draft import draft_dict, load_draft, parse_draft, schema
from briefgen.errors import InputError

from .renderers.briefs import plan

DRAFT = draft_dict(plan())


def edited(change) -> bytes:
    data = copy.deepcopy(DRAFT)
    change(data)
    return json.dumps(data).encode()


def setter(path, value):
    def change(data):
        *parents, last = path
        for key in parents:
            data = data[key]
        data[last] = value

    return change


def deleter(path):
    def change(data):
        *parents, last = path
        for key in parents:
            data = data[key]
        del data[last]

    return change


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            setter(("quotes", 1, "speaker"), 7),
            "$.quotes[1].speaker: expected string or null, got integer",
        ),
        (
            setter(("key_points", 0, "sentence_index"), "12"),
            "$.key_points[0].sentence_index: expected integer, got string",
        ),
        (setter(("figures", 0, "value"), True), "$.figures[0].value: expected a number or null"),
        (setter(("key_points", 1, "text"), ""), "$.key_points[1].text: must not be empty"),
        (deleter(("quotes", 0, "text")), "$.quotes[0].text: missing"),
        (deleter(("title",)), "$.title: missing"),
        (setter(("title",), None), "$.title: expected string, got null"),
        (setter(("key_points", 2, "txt"), "typo"), "$.key_points[2].txt: unknown key"),
        (setter(("colour",), "red"), "$.colour: unknown key"),
        (setter(("quotes",), {"text": "x"}), "$.quotes: expected array, got object"),
        (setter(("key_points", 0), "just text"), "$.key_points[0]: expected object, got string"),
        (setter(("version",), 2), "$.version: draft version 2 is not supported"),
        (setter(("quotes", 0, "start"), -1), "$.quotes[0].start: must be 0 or more, not -1"),
        (
            setter(("key_points", 1, "source"), 3),
            "$.key_points[1].source: no source 3 in $.sources",
        ),
        (deleter(("version",)), "$.version: missing"),
        (setter(("schema",), "other"), '$.schema: expected "briefgen/brief"'),
    ],
)
def test_invalid_draft_names_the_json_path(change, message):
    with pytest.raises(InputError) as exc:
        parse_draft(edited(change), "draft.json")
    assert str(exc.value).startswith("draft.json: ")
    assert message in str(exc.value)
    assert exc.value.exit_code == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"{not json", "not valid JSON: Expecting property name"),
        (b"[1, 2]", "expected a briefgen"),
        (b'{"title": "\xff"}', "not UTF-8"),
        (b"", "not valid JSON"),
    ],
)
def test_unreadable_draft(data, message):
    with pytest.raises(InputError, match=message):
        parse_draft(data, "draft.json")


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_draft(tmp_path / "missing.json")
    with pytest.raises(InputError, match="is a folder"):
        load_draft(tmp_path)


def test_edits_are_read_back_as_made():
    def edit(data):
        data["title"] = "A title of my own"
        data["key_points"].reverse()
        del data["key_points"][0]
        data["key_points"][0]["text"] = "Rewritten by the analyst."
        data["quotes"] = data["quotes"][:1]
        data["quotes"][0]["speaker"] = None

    brief = parse_draft(edited(edit)).brief
    original = plan().brief
    assert brief.title == "A title of my own"
    assert [p.text for p in brief.key_points] == [
        "Rewritten by the analyst.",
        original.key_points[0].text,
    ]
    assert brief.key_points[0].sentence_index == original.key_points[1].sentence_index
    assert [q.speaker for q in brief.quotes] == [None]


def test_schema_matches_the_model():
    """Every field of the Brief's records is in the schema, required when it has no default."""
    defs = schema()["$defs"]
    records = {"Brief": (model.Brief, schema())} | {
        name: (getattr(model, name), defs[name]) for name in defs
    }
    for name, (cls, part) in records.items():
        fields = {f.name: f for f in dataclasses.fields(cls)}
        extra = {"schema", "layout", "paper"} if cls is model.Brief else set()
        assert set(part["properties"]) == set(fields) | extra, name
        required = {
            n
            for n, f in fields.items()
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        }
        assert set(part["required"]) - {"schema", "version"} == required, name
    hints = typing.get_type_hints(model.Brief)
    for name in ("key_points", "quotes", "figures", "people", "events", "sources"):
        item = typing.get_args(hints[name])[0].__name__
        assert schema()["properties"][name]["items"] == {"$ref": f"#/$defs/{item}"}


def test_schema_is_valid_and_a_draft_passes_it():
    import jsonschema

    jsonschema.Draft202012Validator.check_schema(schema())
    jsonschema.validate(DRAFT, schema())


@pytest.mark.parametrize("author", ["Europe desk", 'Zoë <b>"Ångström"</b> ✓', None])
def test_the_authors_name_survives_the_round_trip(author):
    the_plan = plan()
    the_plan = dataclasses.replace(
        the_plan, brief=dataclasses.replace(the_plan.brief, author=author)
    )
    data = draft_dict(the_plan)
    assert data["author"] == author
    assert parse_draft(json.dumps(data, ensure_ascii=False).encode()).brief.author == author


def test_a_draft_written_before_the_author_field_still_loads():
    old = copy.deepcopy(DRAFT)
    del old["author"]
    brief = parse_draft(json.dumps(old).encode()).brief
    assert brief.author is None and brief.title == DRAFT["title"]


@pytest.mark.parametrize(
    ("value", "message"),
    [(7, "$.author: expected string or null, got integer"),
     (["A", "B"], "$.author: expected string or null, got array")],
)
def test_a_bad_author_names_its_path(value, message):
    with pytest.raises(InputError) as caught:
        parse_draft(edited(setter(("author",), value)), "draft.json")
    assert str(caught.value) == f"draft.json: {message}"
