"""The input boundary (``zhengming.boundary``): each limit and refusal, with its pointer or position."""

from __future__ import annotations

import pytest

from zhengming.boundary import LIMITS, Limits, capped, is_contract_date, read_document, read_line
from zhengming.errors import InvalidDocument, Problem
from zhengming.model import Text


def refusal(raw: bytes, name: str = "-", limits: Limits = LIMITS) -> list[str]:
    with pytest.raises(InvalidDocument) as caught:
        read_document(raw, name, limits)
    return [p.render("en") for p in caught.value.problems]


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("2024-02-29", True),
        ("2023-02-29", False),
        ("0000-01-01", False),
        ("0001-01-01", True),
        ("２０２４-０１-０１", False),
        ("2024-01-01\n", False),
        ("20240101", False),
        ("2024-W01-1", False),
        ("2024-13-01", False),
        (20240101, True),  # not a string: left to the type keyword
    ],
)
def test_contract_dates_are_ascii_real_days(value, ok):
    assert is_contract_date(value) is ok


def test_a_bom_is_tolerated_and_other_encodings_are_refused_with_a_position():
    assert read_document(b'\xef\xbb\xbf{"a": 1}', "x.json") == {"a": 1}
    assert refusal('{"a": 1}'.encode("utf-16")) == ["/: line 1 column 1: is UTF-16; the contract requires UTF-8"]
    assert refusal(b'{"a":\n "b\xff"}') == ["/: line 2 column 4: is not valid UTF-8 (column counted in bytes)"]


def test_limits_on_size_depth_members_and_integers():
    small = Limits(max_bytes=100, max_depth=3, max_items=4, max_int_digits=5)
    assert refusal(b" " * 101, limits=small) == ["/: the document is larger than 100 bytes"]
    assert refusal(b'{"a": [[[1]]]}', limits=small) == ["/a/0/0: nested deeper than 3 levels"]
    assert refusal(b'{"a": [1, 2, 3, 4, 5]}', limits=small) == ["/a: has 5 members (at most 4)"]
    assert refusal(b'{"a": 123456}', limits=small) == ["/a: an integer of 6 digits (at most 5)"]
    assert refusal(b"a: [[[1]]]", "x.yaml", small) == ["/: line 1 column 6: nested deeper than 3 levels"]
    assert refusal(b"a: 123_456", "x.yaml", small) == ["/a: an integer of 6 digits (at most 5)"]
    assert refusal(b"[" * 100_000) == ["/: nested deeper than 32 levels"]
    assert read_document(b'{"a": -12345}', "-", small) == {"a": -12345}


def test_yaml_refuses_aliases_tags_and_keys_that_are_not_text():
    assert refusal(b"a: &x 1\nb: *x\n", "x.yaml") == ["/: line 2 column 4: YAML aliases (*) are not allowed"]
    assert refusal(b"a: !!binary aGk=\n", "x.yaml") == ["/: line 1 column 4: YAML tags (!) are not allowed"]
    assert refusal(b"!!python/object:os.system x\n", "x.yaml") == ["/: line 1 column 1: YAML tags (!) are not allowed"]
    assert refusal(b"1: a\n", "x.yaml") == ["/1: a field name must be text"]
    assert read_document(b"d: 2024-01-01\n", "x.yaml") == {"d": "2024-01-01"}  # dates stay text


def test_parser_messages_never_quote_the_document():
    secret = "欧阳举报人"
    for raw, name in ((f"reporter: {{name: {secret}, x: [\n", "x.yaml"), (f'{{"reporter": "{secret}" x}}', "x.json")):
        (message,) = refusal(raw.encode(), name)
        assert secret not in message and "line" in message


def test_an_import_line_gives_its_column_and_notes_nan():
    with pytest.raises(InvalidDocument) as caught:
        read_line(b'{"a": }')
    assert caught.value.problems[0].render("en") == "/: column 7: JSON cannot be parsed: Expecting value"
    assert read_line(b'{"a": NaN}').plain is False and read_line(b'{"a": 1.5}').plain is True


def test_problems_are_capped_with_a_count_of_the_rest():
    problems = [Problem(f"/a/{n}", Text("x", "x")) for n in range(120)] * 2
    shown = capped(problems, 50)
    assert len(shown) == 51 and shown[-1].render("en") == "/: 70 more problem(s) not listed"
