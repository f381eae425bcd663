"""Tests of the plain-text reader: encodings, header conventions, paragraphs, lists, headings."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.errors import InputError
from briefgen.ingest.text import decode_text, read_text, strip_dateline

from .helpers import assert_well_formed

SAMPLE = "NATO’s chief said “we pledged €20bn — more than ever”. Café naïve résumé.\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (SAMPLE.encode("utf-8"), SAMPLE),
        (SAMPLE.encode("utf-8-sig"), SAMPLE),
        (SAMPLE.encode("utf-16"), SAMPLE),  # with BOM
        (SAMPLE.encode("utf-16-le"), SAMPLE),  # without BOM
        (SAMPLE.encode("utf-16-be"), SAMPLE),
        (SAMPLE.encode("utf-32"), SAMPLE),
        (SAMPLE.encode("cp1252"), SAMPLE),
        ("Allies pledged €20bn “today”.".encode("cp1252"), "Allies pledged €20bn “today”."),
        # UTF-8 once mis-decoded as cp1252 and saved again
        (SAMPLE.encode("utf-8").decode("latin-1").encode("utf-8"), SAMPLE),
        ("Привет".encode().decode("cp1252").encode("utf-8"), "Привет"),
        ("»ÜBER« und »Ü»".encode(), "»ÜBER« und »Ü»"),
        ("São Paulo, l’été, ça".encode(), "São Paulo, l’été, ça"),
        (
            "Zażółć gęślą jaźń, powiedział Kościelny w piątek.".encode("cp1250"),
            "Zażółć gęślą jaźń, powiedział Kościelny w piątek.",
        ),
        (
            "Министр сказал, что переговоры продолжатся в пятницу.".encode("cp1251"),
            "Министр сказал, что переговоры продолжатся в пятницу.",
        ),
    ],
)
def test_decode_text_reads_encodings_without_mojibake(data: bytes, expected: str) -> None:
    assert decode_text(data, "a.txt") == expected


def test_decode_text_repairs_mojibake_around_a_lost_byte() -> None:
    mangled = SAMPLE.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8")
    text = decode_text(mangled, "a.txt")
    assert "NATO’s chief said “we pledged €20bn — more than ever" in text
    assert "Café naïve résumé." in text


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01\x02\x03binary\x00\xff\xfe\x00\x10",
        bytes(range(256)) * 4,
        b"abc\x01\x02\x03\x04\x05",
    ],
)
def test_decode_text_rejects_binary_naming_the_file(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^a\.txt: .*binary"):
        decode_text(data, "a.txt")


@pytest.mark.parametrize(
    ("header", "title", "date", "author", "outlet"),
    [
        (" date 2025-04-04 By Eurasia Review\n\n", None, "2025-04-04", None, "Eurasia Review"),
        ("date 2025-04-04\n\n", None, "2025-04-04", None, None),
        ("Ministers meet in Brussels\n\n", "Ministers meet in Brussels", None, None, None),
        (
            "Ministers meet in Brussels\nBy Jane Smith\n4 April 2025\n\n",
            "Ministers meet in Brussels",
            "2025-04-04",
            "Jane Smith",
            None,
        ),
        (
            "Ministers meet\n\nBy Jane Smith and John Doe, Reuters\n\nPublished: April 4, 2025\n\n",
            "Ministers meet",
            "2025-04-04",
            "Jane Smith and John Doe",
            None,
        ),
        ("By JANE SMITH\n\n", None, None, "JANE SMITH", None),
        (
            "4 April 2025\nMinisters meet\nBy Jane Smith\n\n",
            "Ministers meet",
            "2025-04-04",
            "Jane Smith",
            None,
        ),
        (
            "Anglers 'could face prosecution'\n\n",
            "Anglers 'could face prosecution'",
            None,
            None,
            None,
        ),
        (
            "Could rivalry overshadow election?\n\n",
            "Could rivalry overshadow election?",
            None,
            None,
            None,
        ),
        ("Friday 4 April 2025 10:32 BST\n\n", None, "2025-04-04", None, None),
        ("", None, None, None, None),
    ],
)
def test_read_text_reads_header_conventions(
    header: str, title: str | None, date: str | None, author: str | None, outlet: str | None
) -> None:
    body = "NATO Foreign Ministers met in Brussels on Friday.\n\nThey discussed Ukraine."
    doc = read_text((header + body).encode(), "a.txt")
    assert (doc.title, doc.date, doc.author, doc.outlet) == (title, date, author, outlet)
    assert (
        doc.text == "NATO Foreign Ministers met in Brussels on Friday.\n\nThey discussed Ukraine."
    )
    assert_well_formed(doc)


@pytest.mark.parametrize(
    "first",
    [
        "By the end of the week ministers had agreed on new spending targets.",
        "On 4 April 2025 NATO ministers met in Brussels.",
        "NATO Foreign Ministers wrapped up two days of meetings in Brussels on Friday.",
        'He said: "We will not give up."',
        "“This poses risks to us all.”",
    ],
)
def test_read_text_keeps_sentences_that_look_like_header_lines(first: str) -> None:
    doc = read_text(f"{first}\n\nThey discussed Ukraine.".encode(), "a.txt")
    assert doc.blocks[0].text == first
    assert doc.title is None and doc.author is None


@pytest.mark.parametrize(
    ("text", "rest", "outlet"),
    [
        ("LONDON (Reuters) - Britain said", "Britain said", "Reuters"),
        ("WASHINGTON, April 4 (AP) — The US said", "The US said", "AP"),
        ("KYIV, Ukraine — Officials said", "Officials said", None),
        ("BRUSSELS -- Ministers met", "Ministers met", None),
        ("NATO Foreign Ministers met - briefly", "NATO Foreign Ministers met - briefly", None),
        ("(CNN)ESPN's Britt McHenry said", "ESPN's Britt McHenry said", "CNN"),
        ('(CNN)"A long, long, time ago..."', '"A long, long, time ago..."', "CNN"),
        ("Boston (CNN)Guilty across the board.", "Guilty across the board.", "CNN"),
        ("New York (AP) — Stocks fell", "Stocks fell", "AP"),
        ("Apple (AAPL) shares fell on Monday", "Apple (AAPL) shares fell on Monday", None),
        ("The alliance (NATO) said", "The alliance (NATO) said", None),
        ("LEEDS, 3 March 2025 – Northfield Water said", "Northfield Water said", None),
        ("PARIS, March 4, 2025 — Officials said", "Officials said", None),
        (
            "Ministers met in LONDON (Reuters) - today",
            "Ministers met in LONDON (Reuters) - today",
            None,
        ),
    ],
)
def test_strip_dateline(text: str, rest: str, outlet: str | None) -> None:
    assert strip_dateline(text) == (rest, outlet)


RELEASE = (
    "FOR IMMEDIATE RELEASE\n\nNorthfield Water announces £240m pipe renewal\n\n"
    "LEEDS, 3 March 2025 – Northfield Water today announced a £240m programme.\n\n"
    "• 1,100 kilometres of mains will be replaced.\n\nThe regulator approved it.\n\n"
    "Notes to editors:\n\n- Northfield Water supplies 2.1 million customers.\n\n"
    "Media contact: Tom Briggs, 0113 496 0000\n\n###\n"
)


def test_read_text_reads_a_press_release_without_its_furniture() -> None:
    doc = read_text(RELEASE.encode(), "release.txt")
    assert doc.title == "Northfield Water announces £240m pipe renewal"
    assert doc.date == "2025-03-03"  # from the dated dateline
    assert [b.text for b in doc.blocks] == [
        "Northfield Water today announced a £240m programme.",
        "1,100 kilometres of mains will be replaced.",
        "The regulator approved it.",
    ]


@pytest.mark.parametrize(
    ("box", "headings"),
    [
        # a match's date, venue and kick-off: facts, not three empty sections
        (["Saturday 20 November", "Lansdowne Road, Dublin", "1300 GMT"], []),
        (["Playing colours:", "All black", "The Haka and more!", "The All Blacks"], []),
        # a chapter and its section are headings; so is one heading alone
        (["SPORT", "Clyde 0-5 Celtic"], ["SPORT", "Clyde 0-5 Celtic"]),
        (["Background"], ["Background"]),
        # a time or a date alone is never a heading
        (["1300 GMT"], []),
        (["7.30pm"], []),
        (["4 April 2025"], []),
    ],
)
def test_read_text_tells_headings_from_fact_boxes(box: list[str], headings: list[str]) -> None:
    text = "Opening paragraph of the story.\n\n" + "\n\n".join(box) + "\n\nThe match report."
    doc = read_text(text.encode(), "a.txt")
    assert [b.text for b in doc.blocks if b.kind == "heading"] == headings
    assert [b.text for b in doc.blocks][1:-1] == box  # nothing is lost


def test_read_text_removes_dateline_and_takes_its_outlet() -> None:
    doc = read_text(b"LONDON (Reuters) - Britain said on Friday it would act.\n\nMore.", "a.txt")
    assert doc.outlet == "Reuters"
    assert doc.blocks[0].text == "Britain said on Friday it would act."


def test_read_text_finds_paragraphs_lists_and_headings() -> None:
    text = (
        "Opening paragraph that is wrapped\nacross two lines with a well-\nknown word.\r\n\r\n"
        "Background\n\n"
        "- first point\n* second point\n  continued here\n1. numbered point\n\n\n\n"
        "Closing paragraph.\n"
    )
    doc = read_text(text.encode(), "a.txt")
    assert [(b.kind, b.text, b.section) for b in doc.blocks] == [
        (
            "paragraph",
            "Opening paragraph that is wrapped across two lines with a well-known word.",
            None,
        ),
        ("heading", "Background", "Background"),
        ("list_item", "first point", "Background"),
        ("list_item", "second point continued here", "Background"),
        ("list_item", "numbered point", "Background"),
        ("paragraph", "Closing paragraph.", "Background"),
    ]
    assert_well_formed(doc)


@pytest.mark.parametrize(
    "body",
    ["<script>alert(1)</script> said {{ 7*7 }} and {% raw %} ${HOME} $(rm -rf /) **not bold**"],
)
def test_read_text_never_evaluates_markup(body: str) -> None:
    doc = read_text(f"First paragraph.\n\n{body}".encode(), "a.txt")
    assert doc.blocks[1].text == body


@pytest.mark.parametrize("data", [b"date 2025-04-04 By Eurasia Review\n\n", b"\n \n\t\n"])
def test_read_text_without_body_raises(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^a\.txt: no readable text"):
        read_text(data, "a.txt")


def test_read_text_reads_the_seed(seed_path) -> None:
    doc = read_text(seed_path.read_bytes(), str(seed_path))
    assert (doc.date, doc.outlet, doc.title, doc.format) == (
        "2025-04-04",
        "Eurasia Review",
        None,
        "txt",
    )
    assert len(doc.blocks) == 7 and {b.kind for b in doc.blocks} == {"paragraph"}
    assert doc.text.startswith("NATO Foreign Ministers wrapped up two days")
    assert "more than 20 billion euros" in doc.text
    assert "“Through the years" in doc.blocks[-1].text
    assert_well_formed(doc)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_read_text_any_text_gives_a_well_formed_document_or_input_error(text: str) -> None:
    try:
        doc = read_text(text.encode("utf-8"), "a.txt")
    except InputError as exc:
        assert str(exc).startswith("a.txt: ")
    else:
        assert_well_formed(doc)
