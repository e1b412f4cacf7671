"""Ingest: the seed's hard-wrapped format, headings, date lines, offsets, bad input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.ingest import detect_language, iter_articles, parse_article, read_article

WRAPPED = """ date 2024-03-05 De minister van Buitenlandse Zaken sprak dinsdag in Brussel met zijn

collega's over de oorlog en de

gevolgen voor de regio.

Een nieuwe koers

Daarna reisde hij door naar Warschau, waar hij een ontmoeting had met de

Poolse premier.
"""

PARAGRAPHS = """date 2023-11

Eerste alinea, die helemaal op één regel staat en eindigt met een punt.

Korte kop

Tweede alinea op één regel, ook met een punt aan het eind.
"""


def test_wrapped_lines_are_joined_and_headings_kept_apart():
    doc = parse_article(WRAPPED, "w1")
    assert doc.date == "2024-03-05"
    assert "met zijn collega's over de oorlog en de gevolgen voor de regio." in doc.text
    assert [doc.text[a:b] for a, b in doc.headings] == ["Een nieuwe koers"]
    assert "\n\nEen nieuwe koers\n\nDaarna reisde" in doc.text


def test_paragraph_per_line_keeps_paragraph_breaks():
    doc = parse_article(PARAGRAPHS, "p1")
    assert doc.date == "2023-11"
    assert doc.text.count("\n\n") == 2
    assert [doc.text[a:b] for a, b in doc.headings] == ["Korte kop"]


def test_a_long_first_line_without_full_stop_is_a_headline():
    text = (
        "date 2024-05-02\n\n"
        "Chile tells Peruvian, Bolivian and Argentine fishing fleets to leave its waters now\n\n"
        "Speaking in Santiago, the minister said the fleets had ignored warnings.\n"
    )
    doc = parse_article(text, "h1")
    assert [doc.text[a:b] for a, b in doc.headings] == [
        "Chile tells Peruvian, Bolivian and Argentine fishing fleets to leave its waters now"
    ]
    assert "now\n\nSpeaking" in doc.text


def test_a_long_line_without_full_stop_later_in_the_text_is_no_headline():
    text = (
        "date 2024-05-02\n\nKop\n\n"
        "The minister said that the fleets had ignored warnings and that the navy would\n"
        "Escort them out of the zone.\n"
    )
    doc = parse_article(text, "h2")
    assert "would Escort" in doc.text


@pytest.mark.parametrize(
    "needle", ["Brussel", "Warschau", "gevolgen voor de regio", "Poolse premier"]
)
def test_offsets_point_into_the_original_file(needle):
    doc = parse_article(WRAPPED, "w1")
    start = doc.text.index(needle)
    begin, end = doc.source_span(start, start + len(needle))
    assert WRAPPED[begin:end] == needle


def test_span_across_a_line_break_maps_to_the_wrapped_original():
    doc = parse_article(WRAPPED, "w1")
    start = doc.text.index("zijn collega's")
    begin, end = doc.source_span(start, start + len("zijn collega's"))
    assert WRAPPED[begin:end].split() == ["zijn", "collega's"]


@pytest.mark.parametrize(
    ("raw", "date", "text"),
    [
        ("2024-05-02\n\nDe minister reisde af.\n", "2024-05-02", "De minister reisde af."),
        # a year opening the text is no date line
        ("2024 was een zwaar jaar.\n", None, "2024 was een zwaar jaar."),
    ],
)
def test_a_bare_iso_date_on_the_first_line(raw, date, text):
    doc = parse_article(raw, "b1")
    assert (doc.date, doc.text) == (date, text)


def test_article_without_date_line():
    doc = parse_article("The president met the prime minister on Monday.\n", "e1")
    assert doc.date is None and doc.lang == "en"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("De president heeft de premier van het land gisteren ontmoet in de hoofdstad.", "nl"),
        ("The president met the prime minister of the country in the capital.", "en"),
        # Short English with Dutch-looking function words ("met", "in", "op"):
        ("The minister met her counterpart in Lagos on Friday.", "en"),
        ("Ghana and Togo met in Accra.", "en"),
        ("De minister sprak met haar ambtgenoot in Lagos.", "nl"),
        ("Zij ontmoetten elkaar op vrijdag in Accra.", "nl"),
    ],
)
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_unsupported_language_is_reported_and_read_as_the_closer_one(caplog):
    text = "Der Bundeskanzler hat am Montag den französischen Präsidenten in Berlin empfangen."
    with caplog.at_level("WARNING"):
        lang = detect_language(text, "berlin.txt")
    assert lang in {"nl", "en"}
    assert "berlin.txt looks German" in caplog.text


def test_text_without_letters_is_dutch():
    assert detect_language("2025 - 12 - 01 ...") == "nl"


def test_seed_article_reads(tmp_path):
    seed = Path(__file__).parent.parent / "seeds" / "000_37acdb231196126e.txt"
    doc = read_article(seed)
    assert doc.id == "000_37acdb231196126e" and doc.date == "2025-09-07" and doc.lang == "nl"
    assert [doc.text[a:b] for a, b in doc.headings] == [
        "Van paria naar gesprekspartner",
        "Symboliek in Beijing",
        "De open vraag",
    ]
    assert "wereldleiders in Beijing." in doc.text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x00\x01\x02binary", "binary"),
        (b"caf\xe9 au lait", "UTF-8"),
        (b"date 2024-01-01\n\n", "no text"),
    ],
)
def test_bad_files_give_one_line_errors(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        read_article(path)
    assert "\n" not in str(info.value)


def test_missing_file_and_empty_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(iter_articles([tmp_path / "nope.txt"]))
    with pytest.raises(InputError, match="no article files"):
        list(iter_articles([tmp_path]))


def test_bad_file_in_folder_is_skipped_not_fatal(tmp_path):
    (tmp_path / "good.txt").write_text("date 2024-01-02\n\nDe premier sprak met de president.\n")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x00")
    docs = list(iter_articles([tmp_path]))
    assert [d.id for d in docs] == ["good"]


@pytest.mark.parametrize(
    "raw",
    [
        "date 2024-03-01\r\n\r\nDe premier sprak met de koning.\r\nDaarna vertrok hij.\r\n",
        "\ufeffdate 2024-03-01\n\nDe premier sprak met de koning.\nDaarna vertrok hij.\n",
        "\ufeffdate 2024-03-01\r\n\r\nDe premier sprak\r\nmet de koning.\r\nDaarna vertrok hij.",
    ],
)
def test_offsets_index_the_file_with_crlf_and_bom(tmp_path, raw):
    path = tmp_path / "a.txt"
    path.write_bytes(raw.encode("utf-8"))
    doc = read_article(path)
    assert doc.date == "2024-03-01" and "\r" not in doc.text and "\ufeff" not in doc.text
    for word in ("koning", "vertrok"):
        at = doc.text.index(word)
        start = doc.offsets[at]
        assert raw[start : start + len(word)] == word


def test_control_characters_become_spaces_and_invisible_ones_go():
    raw = "Mac\u00adron sprak\x00met Sch\u200bolz\x07 in Ber\u200dlijn.\x1b\n"
    doc = parse_article(raw, "c")
    assert doc.text == "Macron sprak met Scholz  in Berlijn."
    at = doc.text.index("Scholz")
    assert raw[doc.offsets[at] : doc.offsets[at + 5] + 1] == "Sch\u200bolz"


def test_utf16_text_with_its_mark_is_read(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes("date 2024-01-02\r\n\r\nDe premier sprak met de koning.\r\n".encode("utf-16"))
    doc = read_article(path)
    assert doc.date == "2024-01-02" and doc.text == "De premier sprak met de koning."


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path, monkeypatch):
    (tmp_path / "ok.txt").write_text("De premier sprak met de koning.", encoding="utf-8")
    real_walk = os.walk

    def walk(top, onerror=None):
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "locked")))
        yield from real_walk(top, onerror=onerror)

    monkeypatch.setattr("kg.ingest.os.walk", walk)
    errors: list = []
    docs = list(iter_articles([tmp_path], on_error=lambda source, why: errors.append(why)))
    assert [d.id for d in docs] == ["ok"]
    assert errors == [f"{tmp_path / 'locked'}: folder cannot be read (Permission denied)"]


@pytest.mark.parametrize("line", ["2019-13-45", "date 2025-02-30", "date 2024-00"])
def test_an_impossible_date_line_leaves_the_article_undated(line, caplog):
    doc = parse_article(f"{line}\n\nDe premier sprak met de koning.\n", "d")
    assert doc.date is None and doc.text == "De premier sprak met de koning."
    assert "no date" in caplog.text


def test_a_jsonl_corpus_is_one_article_a_line(tmp_path):
    corpus = tmp_path / "wire.jsonl"
    corpus.write_text(
        '{"id": "w1", "text": "De premier sprak met de koning.", "date": "2024-02-03"}\n'
        "\n"
        '{"id": "w2", "text": "The minister met the king.", "lang": "en", "url": "https://x/2"}\n'
        '{"id": "w3", "text": "date 2020-01-01\\n\\nGeen datum uit de regel.", "date": "2021"}\n'
        '{"id": "bad", "date": "2024-02-03"}\n'
        '["not", "an", "object"]\n'
        '{"id": "w1", "text": "Dezelfde id nogmaals."}\n',
        encoding="utf-8",
    )
    errors: list = []
    docs = list(iter_articles([corpus], on_error=lambda source, why: errors.append(why)))
    assert [(d.id, d.date, d.lang) for d in docs] == [
        ("w1", "2024-02-03", "nl"),
        ("w2", None, "en"),
        ("w3", "2021", "nl"),
    ]
    assert docs[1].source == "https://x/2" and docs[0].source == f"{corpus}:1"
    assert docs[2].text == "Geen datum uit de regel."
    assert [e.split(": ", 1)[1] for e in errors] == [
        "field 'text' missing or not a string",
        "an article is a JSON object with id and text",
        "article id 'w1' is already taken by "
        + f"{corpus}:1 in this batch; rename one of the files",
    ]


def test_a_given_date_must_be_a_date():
    with pytest.raises(InputError, match="is not YYYY"):
        parse_article("Tekst.", "x", date="2024-02-30")


@pytest.mark.parametrize("raw", ["\u200b", "date 2024-01-01\n\n\u200b\u00ad\n", "\ufeff\u200e\n"])
def test_an_article_of_invisible_characters_only_is_empty(raw):
    with pytest.raises(InputError, match=r"no visible text|empty"):
        parse_article(raw, "x")


def test_mojibake_is_repaired_and_offsets_still_point_into_the_file():
    raw = "date 2024-01-01\n\nDe premier van BelgiÃ« sprak met SÃ¸ren Ã˜stergaard.\n"
    doc = parse_article(raw, "m", lang="nl")
    assert "van België sprak met Søren Østergaard." in doc.text
    start = doc.text.index("sprak")
    begin, end = doc.source_span(start, start + len("sprak met Søren"))
    assert raw[begin:end] == "sprak met SÃ¸ren"


@given(
    st.text(
        alphabet=st.sampled_from(
            list(
                "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPRSTUVWZ "
                "éëèêáàäöüïçñøåß.,;:!?'’“”\"-–—()0123456789"
            )
        ),
        min_size=1,
        max_size=80,
    )
)
@settings(max_examples=200, derandomize=True)
def test_clean_text_is_never_changed_by_the_mojibake_repair(line):
    from kg.ingest import _repair_mojibake

    assert _repair_mojibake(line)[0] == line
