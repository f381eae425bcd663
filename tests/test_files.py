"""Output names, no silent overwrite, atomic writes that leave nothing partial behind."""

from __future__ import annotations

import errno
import os

import pytest

from briefgen.errors import RenderError
from briefgen.files import output_stem, slugify, write_outputs


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("NATO Foreign Ministers meet", "nato-foreign-ministers-meet"),
        ("Élysée: «Paris» talks €20bn", "elysee-paris-talks-20bn"),
        ("Москва", ""),
        ("a b c d e f g h i j", "a-b-c-d-e-f-g-h"),
    ],
)
def test_slugify(text, slug):
    assert slugify(text) == slug


@pytest.mark.parametrize(
    ("date", "name", "title", "stem"),
    [
        (
            "2025-04-04",
            "seeds/nato-foreign-ministers-2025-04-04.txt",
            None,
            "2025-04-04-nato-foreign-ministers",
        ),
        (None, "report.pdf", "Ignored", "report"),
        ("2025-01-02", "-", "Budget talks resume", "2025-01-02-budget-talks-resume"),
        (None, "https://example.org/a", None, "briefing"),
    ],
)
def test_output_stem(date, name, title, stem):
    assert output_stem(date, name, title) == stem


def test_write_outputs_writes_all_files(tmp_path):
    paths = write_outputs({"a.pdf": b"%PDF", "a.docx": b"PK"}, tmp_path / "out")
    assert [p.read_bytes() for p in paths] == [b"%PDF", b"PK"]
    assert sorted(os.listdir(tmp_path / "out")) == ["a.docx", "a.pdf"]


def test_existing_file_stops_before_anything_is_written(tmp_path):
    (tmp_path / "a.docx").write_bytes(b"old")
    with pytest.raises(RenderError, match=r"a\.docx already exists; use --force"):
        write_outputs({"a.pdf": b"%PDF", "a.docx": b"new"}, tmp_path)
    assert sorted(os.listdir(tmp_path)) == ["a.docx"]
    assert (tmp_path / "a.docx").read_bytes() == b"old"


def test_overwrite_replaces(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"old")
    write_outputs({"a.pdf": b"new"}, tmp_path, overwrite=True)
    assert (tmp_path / "a.pdf").read_bytes() == b"new"


def test_disk_full_leaves_no_partial_or_temporary_file(tmp_path, monkeypatch):
    calls = []

    def full(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(RenderError, match="disk full"):
        write_outputs({"a.pdf": b"%PDF", "a.docx": b"PK"}, tmp_path)
    assert os.listdir(tmp_path) == []


def test_output_folder_that_is_a_file(tmp_path):
    (tmp_path / "out").write_text("x")
    with pytest.raises(RenderError, match="cannot create output folder|not a folder"):
        write_outputs({"a.pdf": b"%PDF"}, tmp_path / "out")
