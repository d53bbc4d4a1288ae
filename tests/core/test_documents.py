"""What a printed document's secretary sets (core.documents): numbers, place, recipients."""

from __future__ import annotations

from datetime import date

from doancoso.core.documents import (
    blank_number,
    branch_recipients,
    clean_number,
    default_recipients,
    first_number,
    next_number,
    place_and_date,
    place_name,
    printed_recipients,
    recipient_lines,
)
from doancoso.core.organization import OrganizationInfo

ORG = OrganizationInfo(name="Đoàn xã Tân Hưng", superior_name="Tỉnh đoàn Cà Mau")


def test_next_number_keeps_the_form_and_the_width() -> None:
    assert next_number("15-DS/ĐTN") == "16-DS/ĐTN"
    assert next_number("09-BC/ĐTN") == "10-BC/ĐTN"
    assert next_number("99-KH/ĐTN") == "100-KH/ĐTN"
    assert next_number("Số: 3-TB/ĐTN") == "4-TB/ĐTN"
    assert next_number("DS/ĐTN") == ""
    assert next_number("") == ""


def test_first_number_of_a_new_year() -> None:
    assert first_number("15-DS/ĐTN") == "01-DS/ĐTN"
    assert first_number("123-BC/ĐTN") == "001-BC/ĐTN"
    assert first_number("DS") == ""


def test_a_blank_number_keeps_the_type_and_the_issuer() -> None:
    assert blank_number("BC") == "-BC/ĐTN"
    assert blank_number("TTr") == "-TTr/ĐTN"
    assert blank_number("") == ""


def test_clean_number_drops_the_label() -> None:
    assert clean_number("  Số: 15-DS/ĐTN ") == "15-DS/ĐTN"
    assert clean_number("số 15-DS/ĐTN") == "15-DS/ĐTN"
    assert clean_number("15-DS/ĐTN") == "15-DS/ĐTN"
    assert clean_number(None) == ""


def test_place_falls_back_to_the_province_and_may_be_empty() -> None:
    assert place_name(OrganizationInfo("X", "Y", commune="xã Tân Hưng", province="Cà Mau")) == (
        "Tân Hưng"
    )
    assert place_name(OrganizationInfo("X", "Y", province="Cà Mau")) == "Cà Mau"
    assert place_name(ORG) == ""
    assert place_and_date("", date(2026, 12, 5)) == "ngày 05 tháng 12 năm 2026"
    assert place_and_date("Tân Hưng", date(2026, 12, 5)) == "Tân Hưng, ngày 05 tháng 12 năm 2026"


def test_recipients_as_printed() -> None:
    assert default_recipients(ORG) == ("Tỉnh đoàn Cà Mau (b/c);", "Lưu VP.")
    assert printed_recipients(default_recipients(ORG)) == [
        "- Tỉnh đoàn Cà Mau (b/c);",
        "- Lưu VP.",
    ]
    typed = recipient_lines(" - Như trên\n\n– Đảng ủy xã (b/c),\n-Lưu VP \n")
    assert typed == ("- Như trên", "– Đảng ủy xã (b/c),", "-Lưu VP")
    assert printed_recipients(typed) == ["- Như trên;", "- Đảng ủy xã (b/c);", "- Lưu VP."]
    assert printed_recipients(["Chi đoàn ấp Tân Hưng", "Lưu."]) == [
        "- Chi đoàn ấp Tân Hưng;",
        "- Lưu.",
    ]
    assert printed_recipients([]) == ["- Lưu VP."]
    assert printed_recipients(["Như trên."]) == ["- Như trên;", "- Lưu VP."]


def test_a_chi_doan_reports_to_its_own_union() -> None:
    assert branch_recipients(ORG) == ("BCH Đoàn xã Tân Hưng (b/c);", "Lưu.")
    assert printed_recipients(branch_recipients(ORG)) == [
        "- BCH Đoàn xã Tân Hưng (b/c);",
        "- Lưu.",
    ]
    named = OrganizationInfo(name="Ban Chấp hành Đoàn xã Tân Hưng", superior_name="Tỉnh đoàn")
    assert branch_recipients(named) == ("Ban Chấp hành Đoàn xã Tân Hưng (b/c);", "Lưu.")
