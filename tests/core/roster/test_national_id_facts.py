"""A CCCD says its holder's gender and birth year (after the province, a digit for the century
and the gender, then the year's last two digits): one that contradicts the ones entered is
warned about by the core (the form, the command line), never refused; the import's warning is
in ``spreadsheets/test_sheet_national_id_facts.py``."""

from __future__ import annotations

from datetime import date

import pytest

from doancoso.core.roster.rules import national_id_facts, national_id_mismatch_message
from doancoso.core.workspace import Workspace


def _said(gender: str, year: int) -> str:
    return (
        f"Số CCCD cho biết {gender}, sinh năm {year}: khác với giới tính hoặc năm sinh đã nhập. "
        "Hãy kiểm tra lại."
    )


@pytest.mark.parametrize(
    ("national_id", "facts"),
    [
        ("096098123456", ("male", 1998)),
        ("096198123456", ("female", 1998)),
        ("096205123456", ("male", 2005)),
        ("096305123456", ("female", 2005)),
        ("096400123456", ("male", 2100)),
        ("096501123456", ("female", 2101)),
        ("096600123456", ("male", 2200)),
        ("096700123456", ("female", 2200)),
        ("096899123456", ("male", 2399)),
        ("096999123456", ("female", 2399)),
        ("123456789", None),  # an old CMND says neither
        ("", None),
        ("09609812345a", None),
    ],
)
def test_the_century_and_gender_digit(national_id: str, facts: tuple[str, int] | None) -> None:
    assert national_id_facts(national_id) == facts


def test_the_warning_names_what_the_cccd_says() -> None:
    female_1995 = ("female", date(1995, 4, 2))
    assert national_id_mismatch_message("096098123456", *female_1995) == _said("nam", 1998)
    assert national_id_mismatch_message("096195123456", *female_1995) is None
    assert national_id_mismatch_message("096095123456", *female_1995) == _said("nam", 1995)
    assert national_id_mismatch_message("096198123456", *female_1995) == _said("nữ", 1998)
    assert national_id_mismatch_message("096303123456", "male", None) == _said("nữ", 2003)
    assert national_id_mismatch_message("096303123456", None, date(2003, 1, 1)) is None
    assert national_id_mismatch_message("096303123456", None, date(2004, 1, 1)) == _said("nữ", 2003)
    assert national_id_mismatch_message("123456789", "male", date(2004, 1, 1)) is None
    assert national_id_mismatch_message(None, "male", date(2004, 1, 1)) is None


def test_the_member_service_warns_but_saves(ws: Workspace) -> None:
    raw = {"full_name": "Lê Thị Hoa", "birth_date": "02/04/2005", "gender": "Nữ",
           "national_id": "096206123456"}  # fmt: skip
    assert ws.members.warnings(raw) == {"national_id": _said("nam", 2006)}
    assert ws.members.warnings({**raw, "national_id": "096305123456"}) == {}
    assert ws.members.warnings({**raw, "birth_date": "2006", "gender": "Nam"}) == {}
    member_id = ws.members.save(raw)
    assert ws.members.get(member_id).fields.national_id == "096206123456"


def test_a_cccd_typed_in_groups_is_checked_too(ws: Workspace) -> None:
    # The form takes "096 206 123 456" (spaces dropped on saving): the warning must not be lost
    raw = {"full_name": "Lê Thị Hoa", "birth_date": "02/04/2005", "gender": "Nữ",
           "national_id": "096 206 123 456"}  # fmt: skip
    assert ws.members.warnings(raw) == {"national_id": _said("nam", 2006)}
    member_id = ws.members.save(raw)
    assert ws.members.get(member_id).fields.national_id == "096206123456"
