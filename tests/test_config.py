"""Defaults: flag > environment > ./briefgen.toml > user config > built-in; bad files named."""

from __future__ import annotations

import pytest

from briefgen.config import Defaults, load_defaults
from briefgen.errors import InputError


@pytest.fixture
def places(tmp_path):
    cwd, user = tmp_path / "work", tmp_path / "user"
    cwd.mkdir()
    user.mkdir()
    return cwd, user


def load(places, environ=None):
    cwd, user = places
    return load_defaults(cwd=cwd, user_dir=user, environ=environ or {})


@pytest.mark.parametrize(
    ("user", "local", "environ", "expected"),
    [
        (None, None, {}, Defaults()),
        ('layout = "memo"', None, {}, Defaults(layout="memo")),
        (
            'layout = "memo"\npaper = "a4"',
            'layout = "executive"',
            {},
            Defaults(layout="executive", paper="a4"),
        ),
        (
            'layout = "memo"',
            'layout = "executive"',
            {"BRIEFGEN_LAYOUT": "meeting"},
            Defaults(layout="meeting"),
        ),
        (
            None,
            'marking = "OFFICIAL"\nauthor = "Desk"',
            {"BRIEFGEN_AUTHOR": "Env Desk"},
            Defaults(marking="OFFICIAL", author="Env Desk"),
        ),
        (None, 'paper = "Letter"', {"BRIEFGEN_PAPER": " "}, Defaults(paper="letter")),
    ],
    ids=["built-in", "user", "local-over-user", "env-over-files", "env-author", "blank-env"],
)
def test_precedence(places, user, local, environ, expected):
    cwd, user_dir = places
    if user is not None:
        (user_dir / "briefgen.toml").write_text(user)
    if local is not None:
        (cwd / "briefgen.toml").write_text(local)
    assert load(places, environ) == expected


def test_flags_override_everything(places):
    (places[0] / "briefgen.toml").write_text('layout = "memo"\nmarking = "OFFICIAL"')
    got = load(places, {"BRIEFGEN_PAPER": "a4"}).override(layout="executive", paper=None)
    assert got == Defaults(layout="executive", paper="a4", marking="OFFICIAL")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('layuot = "memo"', "unknown key 'layuot'"),
        ("paper = 4", "key 'paper': expected a string, got int"),
        ('paper = "a5"', "key 'paper': expected one of a4, letter"),
        ("layout = [", "not valid TOML"),
        ("[defaults]\nlayout = 'memo'", "unknown key 'defaults'"),
    ],
)
def test_bad_file_names_file_and_key(places, text, message):
    path = places[0] / "briefgen.toml"
    path.write_text(text)
    with pytest.raises(InputError) as exc:
        load(places)
    assert str(path) in str(exc.value) and message in str(exc.value)
    assert exc.value.exit_code == 2


def test_bad_environment_names_the_variable(places):
    with pytest.raises(InputError, match="BRIEFGEN_PAPER.*expected one of a4, letter"):
        load(places, {"BRIEFGEN_PAPER": "tabloid"})


def test_same_folder_is_read_once(tmp_path):
    (tmp_path / "briefgen.toml").write_text('author = "Me"')
    assert load_defaults(cwd=tmp_path, user_dir=tmp_path, environ={}) == Defaults(author="Me")
