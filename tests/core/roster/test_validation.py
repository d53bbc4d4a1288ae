"""Dates and the member form's validation: what is accepted, normalised, and the exact messages."""

from __future__ import annotations

import time
import unicodedata
from datetime import UTC, date, datetime

import pytest

from doancoso.core.errors import ValidationError
from doancoso.core.lang.dates import (
    DAY,
    YEAR,
    DateFormatError,
    add_years,
    format_vn_date,
    format_vn_datetime,
    parse_vn_date,
)
from doancoso.core.roster.validation import MEMBER_FIELD_NAMES, MemberFields, parse_member

TODAY = date(2025, 6, 1)
BAD_FORMAT = "Ngày phải viết dạng dd/mm/yyyy, ví dụ 05/03/2001."


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def errors_of(raw: dict[str, str]) -> dict[str, str]:
    with pytest.raises(ValidationError) as info:
        parse_member(raw, today=TODAY)
    return info.value.field_errors


def valid(**extra: str) -> MemberFields:
    return parse_member(
        {"full_name": "Nguyễn Văn Đạt", "birth_date": "05/03/2001", **extra}, today=TODAY
    )


# -- Dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("05/03/2001", date(2001, 3, 5)),
        ("5/3/2001", date(2001, 3, 5)),
        ("05-03-2001", date(2001, 3, 5)),
        ("05.03.2001", date(2001, 3, 5)),
        (" 29/02/2004 ", date(2004, 2, 29)),
    ],
)
def test_parse_vn_date_reads_day_first(text: str, expected: date) -> None:
    assert parse_vn_date(text) == (expected, DAY)


def test_parse_vn_date_year_only_when_allowed() -> None:
    assert parse_vn_date("2003", allow_year=True) == (date(2003, 1, 1), YEAR)
    with pytest.raises(DateFormatError, match="dd/mm/yyyy"):
        parse_vn_date("2003")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31/02/2001", "Ngày 31/02/2001 không có trên lịch."),
        ("29/02/2001", "Ngày 29/02/2001 không có trên lịch."),
        ("2001-03-05", BAD_FORMAT),  # ISO is not how dates are written here
        ("03/05/01", "Năm phải đủ 4 chữ số, ví dụ 03/05/2001."),  # the example as typed
        ("mùng 5 tháng 3", BAD_FORMAT),
        ("", BAD_FORMAT),
    ],
)
def test_parse_vn_date_errors(text: str, message: str) -> None:
    with pytest.raises(DateFormatError) as info:
        parse_vn_date(text, allow_year=True)
    assert str(info.value) == message


def test_format_vn_date() -> None:
    assert format_vn_date(date(2001, 3, 5)) == "05/03/2001"
    assert format_vn_date(date(2003, 1, 1), YEAR) == "2003"
    assert format_vn_date(None) == ""


def test_format_vn_datetime_is_the_date_then_the_minute(monkeypatch: pytest.MonkeyPatch) -> None:
    assert format_vn_datetime(datetime(2026, 12, 5, 6, 46, 39)) == "05/12/2026 06:46"
    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")  # a moment stored in UTC, shown in local time
    time.tzset()
    try:
        utc = datetime(2026, 12, 4, 23, 30, tzinfo=UTC)
        assert format_vn_datetime(utc) == "05/12/2026 06:30"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_add_years_from_29_february() -> None:
    assert add_years(date(2004, 2, 29), 15) == date(2019, 2, 28)
    assert add_years(date(2004, 2, 29), 16) == date(2020, 2, 29)


# -- A valid member ----------------------------------------------------------------------------


def test_minimal_member_is_name_and_birth_date() -> None:
    fields = valid()
    assert fields.full_name == "Nguyễn Văn Đạt"
    assert fields.birth_date == date(2001, 3, 5)
    assert fields.birth_precision == DAY
    assert fields.status == "active"
    assert fields.gender is None and fields.national_id is None and fields.phone is None


def test_birth_year_only_is_kept_as_year_precision() -> None:
    fields = valid(birth_date="2003")
    assert (fields.birth_date, fields.birth_precision) == (date(2003, 1, 1), YEAR)


def test_name_is_written_with_capitalised_words() -> None:
    assert valid(full_name="  NGUYỄN   văn  đạt ").full_name == "Nguyễn Văn Đạt"


def test_choices_accept_labels_and_codes() -> None:
    assert valid(gender="Nữ").gender == "female"
    assert valid(gender="nu").gender == "female"
    assert valid(gender="male").gender == "male"
    assert valid(status="Sinh hoạt tạm").status == "temporary"
    assert valid(book_status="Đã rút sổ").book_status == "withdrawn"


@pytest.mark.parametrize(
    "typed", ["0912345678", "+84 912 345 678", "0912.345.678", "84912345678", "(091) 234-5678"]
)
def test_phone_is_normalised_to_digits(typed: str) -> None:
    assert valid(phone=typed).phone == "0912345678"


def test_national_id_12_or_9_digits_spaces_removed() -> None:
    assert valid(national_id="096 201 001 234").national_id == "096201001234"
    assert valid(national_id="381234567").national_id == "381234567"


def test_year_fields_are_integers() -> None:
    fields = valid(father_birth_year="1975", mother_birth_year=" 1978 ")
    assert (fields.father_birth_year, fields.mother_birth_year) == (1975, 1978)


def test_every_text_field_is_stored_in_nfc() -> None:
    decomposed = {
        "full_name": nfd("Thạch Thị Sa Rây"),
        "birth_date": "29/02/2004",
        "other_name": nfd("Út Rây"),
        "gender": nfd("Nữ"),
        "hometown": nfd("Trần Đề, Sóc Trăng"),
        "address_hamlet": nfd("Ấp Kênh Xáng"),
        "address_commune": nfd("Tân Hưng"),
        "address_province": nfd("Cà Mau"),
        "ethnicity": nfd("Khmer"),
        "religion": nfd("Phật giáo"),
        "occupation": nfd("Nuôi tôm"),
        "education": "12/12",
        "qualification": nfd("Trung cấp nông nghiệp"),
        "political_theory": nfd("Sơ cấp"),
        "foreign_language": nfd("Tiếng Anh"),
        "admission_place": nfd("Đoàn xã Tân Hưng"),
        "card_number": nfd("TĐ-001"),
        "book_number": nfd("Sổ 12"),
        "position": nfd("Ủy viên BCH"),
        "father_name": nfd("Thạch Sóc"),
        "mother_name": nfd("Danh Thị Mây"),
        "father_occupation": nfd("Làm ruộng"),
        "mother_occupation": nfd("Buôn bán"),
        "notes": nfd("Dòng một\r\nDòng hai"),
        "email": nfd("thạch@gmail.com"),  # not ASCII, but what was typed is kept (in NFC)
        "national_id_place": nfd("Cục Cảnh sát quản lý hành chính về trật tự xã hội"),
        "computer_skills": nfd("Cơ bản"),
        "admission_decision": nfd("12-NQ/ĐTN"),
        "association": nfd("Hội Liên hiệp Thanh niên Việt Nam"),
    }
    fields = parse_member(decomposed, today=TODAY)
    for name in MEMBER_FIELD_NAMES:
        value = getattr(fields, name)
        if isinstance(value, str):
            assert unicodedata.is_normalized("NFC", value), name
    assert fields.full_name == "Thạch Thị Sa Rây"
    assert fields.address_hamlet == "Ấp Kênh Xáng"
    assert fields.gender == "female"
    assert fields.notes == "Dòng một\nDòng hai"  # notes keep their line breaks
    texts = [n for n in decomposed if isinstance(getattr(fields, n), str) and n != "gender"]
    assert len(texts) >= 25


# -- Errors with their exact messages ----------------------------------------------------------


def test_empty_name_and_birth_date() -> None:
    assert errors_of({"full_name": "   ", "birth_date": ""}) == {
        "full_name": "Cần nhập họ và tên.",
        "birth_date": "Cần nhập ngày sinh.",
    }


def test_name_with_digits() -> None:
    assert errors_of({"full_name": "Nguyễn Văn 2", "birth_date": "05/03/2001"}) == {
        "full_name": "Họ và tên không được chứa chữ số."
    }


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("31/02/2001", "Ngày 31/02/2001 không có trên lịch."),
        ("2001-03-05", BAD_FORMAT),
        ("02/06/2025", "Ngày sinh không thể sau ngày hôm nay."),
        ("1850", "Năm sinh 1850 không hợp lý: chỉ nhận các năm 1900–2025."),
        ("15/06/0025", "Năm sinh 25 không hợp lý: chỉ nhận các năm 1900–2025."),
    ],
)
def test_bad_birth_date(typed: str, message: str) -> None:
    assert errors_of({"full_name": "Lê Văn An", "birth_date": typed}) == {"birth_date": message}


def test_members_must_be_old_enough_to_be_admitted_today() -> None:
    """The rule of the import, in the form and on the command line: from 15 years and 1 day
    (today is 01/06/2025); a birth known by its year counts by the year."""
    assert errors_of({"full_name": "Lê Văn An", "birth_date": "01/06/2025"}) == {
        "birth_date": "Chưa đủ tuổi vào Đoàn: sinh 01/06/2025, đủ 15 tuổi + 1 ngày vào 02/06/2040."
    }
    assert errors_of({"full_name": "Lê Văn An", "birth_date": "01/06/2010"}) == {
        "birth_date": "Chưa đủ tuổi vào Đoàn: sinh 01/06/2010, đủ 15 tuổi + 1 ngày vào 02/06/2025."
    }
    assert valid(birth_date="31/05/2010").birth_date == date(2010, 5, 31)
    assert errors_of({"full_name": "Lê Văn An", "birth_date": "2010"}) == {
        "birth_date": "Chưa đủ tuổi vào Đoàn: sinh năm 2010, đủ 16 tuổi vào năm 2026."
    }
    assert valid(birth_date="2009").birth_date == date(2009, 1, 1)


def _admission_error(birth: str, admitted: str) -> dict[str, str]:
    return errors_of({"full_name": "Lê Văn An", "birth_date": birth, "admission_date": admitted})


def test_admission_at_exactly_15_years_is_refused() -> None:
    assert _admission_error("05/03/2001", "05/03/2016") == {
        "admission_date": "Tuổi vào Đoàn phải từ 16 (đủ 15 tuổi + 1 ngày) đến 30: "
        "sinh 05/03/2001, vào Đoàn 05/03/2016."
    }


def test_admission_at_15_years_and_one_day_is_accepted() -> None:
    assert valid(admission_date="06/03/2016").admission_date == date(2016, 3, 6)


def test_admission_on_the_eve_of_the_31st_birthday_is_accepted() -> None:
    assert valid(birth_date="05/03/1993", admission_date="04/03/2024").admission_date == date(
        2024, 3, 4
    )


def test_admission_at_31_is_refused() -> None:
    assert _admission_error("05/03/1993", "05/03/2024") == {
        "admission_date": "Tuổi vào Đoàn phải từ 16 (đủ 15 tuổi + 1 ngày) đến 30: "
        "sinh 05/03/1993, vào Đoàn 05/03/2024."
    }


def test_admission_in_the_future_is_refused() -> None:
    assert _admission_error("05/03/2001", "02/06/2025") == {
        "admission_date": "Ngày vào Đoàn không thể sau ngày hôm nay."
    }


def _party_error(birth: str, joined: str) -> dict[str, str]:
    return errors_of({"full_name": "Lê Văn An", "birth_date": birth, "party_date": joined})


def test_party_admission_on_the_eve_of_the_18th_birthday_is_refused() -> None:
    assert _party_error("05/03/2001", "04/03/2019") == {
        "party_date": "Tuổi vào Đảng phải từ đủ 18 tuổi: sinh 05/03/2001, vào Đảng 04/03/2019."
    }
    assert valid(party_date="05/03/2019").party_date == date(2019, 3, 5)  # the birthday


def test_party_admission_of_a_birth_known_by_its_year() -> None:
    assert _party_error("2001", "31/12/2018") == {
        "party_date": "Tuổi vào Đảng phải từ đủ 18 tuổi: sinh 2001, vào Đảng 31/12/2018."
    }
    assert valid(birth_date="2001", party_date="01/01/2019").party_date == date(2019, 1, 1)


def test_party_admission_in_the_future_is_refused() -> None:
    assert _party_error("05/03/2001", "02/06/2025") == {
        "party_date": "Ngày vào Đảng không thể sau ngày hôm nay."
    }


@pytest.mark.parametrize("typed", ["12345678901", "1234567890123", "09620100123A", "12345678"])
def test_national_id_must_be_12_or_9_digits(typed: str) -> None:
    assert errors_of(
        {"full_name": "Lê Văn An", "birth_date": "05/03/2001", "national_id": typed}
    ) == {"national_id": "Số CCCD phải gồm đúng 12 chữ số (CMND cũ: 9 chữ số)."}


@pytest.mark.parametrize("typed", ["12", "912345678", "09123456789012", "0912abc678"])
def test_bad_phone(typed: str) -> None:
    assert errors_of({"full_name": "Lê Văn An", "birth_date": "05/03/2001", "phone": typed}) == {
        "phone": "Số điện thoại không hợp lệ (10 chữ số, bắt đầu bằng 0, ví dụ 0912345678)."
    }


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("75", "Năm phải đủ 4 chữ số, ví dụ 1975."),  # as a member's birth year is told
        ("82", "Năm phải đủ 4 chữ số, ví dụ 1982."),
        ("998", "Năm phải đủ 4 chữ số, ví dụ 1998."),
        ("năm 1975", "Năm sinh phải là số có 4 chữ số, ví dụ 1975."),
        ("7", "Năm sinh phải là số có 4 chữ số, ví dụ 1975."),
        ("1899", "Năm sinh 1899 không hợp lý: chỉ nhận các năm 1900–2025."),
        ("2026", "Năm sinh 2026 không hợp lý: chỉ nhận các năm 1900–2025."),
    ],
)
def test_bad_parent_birth_year(typed: str, message: str) -> None:
    """A year of four digits out of range is told the years taken, not "4 chữ số"."""
    assert errors_of(
        {"full_name": "Lê Văn An", "birth_date": "05/03/2001", "mother_birth_year": typed}
    ) == {"mother_birth_year": message}


def test_a_parent_born_in_75_is_not_told_of_2075() -> None:
    """A year of birth is never after today: the example is the nearest year before (2075 is
    nearer 2026 than 1975)."""
    with pytest.raises(ValidationError) as info:
        parse_member(
            {"full_name": "Lê Văn An", "birth_date": "75", "father_birth_year": "75"},
            today=date(2026, 12, 7),
        )
    assert info.value.field_errors == {
        "birth_date": "Năm phải đủ 4 chữ số, ví dụ 1975.",
        "father_birth_year": "Năm phải đủ 4 chữ số, ví dụ 1975.",
    }


def test_unknown_choice_says_what_was_given_and_lists_the_labels() -> None:
    """Not "Giá trị không hợp lệ: Nam, Nữ.", which read as if Nam and Nữ were the wrong ones."""
    typed = unicodedata.normalize("NFD", "khác")
    assert errors_of(
        {
            "full_name": "Lê Văn An",
            "birth_date": "05/03/2001",
            "gender": typed,
            "status": "xyz",
            "book_status": "mất",
        }
    ) == {
        "gender": "Giới tính “khác” không có; chọn một trong: Nam, Nữ.",
        "status": "Trạng thái “xyz” không có; chọn một trong: Đang sinh hoạt, Sinh hoạt tạm, "
        "Đã chuyển sinh hoạt, Đã trưởng thành Đoàn, Bị khai trừ, Đã xóa tên.",
        "book_status": "Tình trạng sổ đoàn viên “mất” không có; chọn một trong: "
        "Chi đoàn đang giữ, Đã rút sổ.",
    }


def test_every_problem_is_reported_at_once() -> None:
    errors = errors_of(
        {
            "full_name": "",
            "birth_date": "31/02/2001",
            "national_id": "123",
            "phone": "12",
            "gender": "X",
            "party_date": "2020-01-01",
            "father_birth_year": "19x5",
        }
    )
    expected = {"full_name", "birth_date", "national_id", "phone", "gender", "party_date"}
    assert set(errors) == expected | {"father_birth_year"}
    assert errors["party_date"] == BAD_FORMAT


# -- Fields of the union's member template -----------------------------------------------------


def test_member_template_fields_are_kept() -> None:
    fields = valid(
        member_code=" 123 4567 ",
        email="nguyenvandat@gmail.com",
        national_id_date="10/05/2021",
        national_id_place="Cục Cảnh sát quản lý hành chính về trật tự xã hội",
        computer_skills="Cơ bản",
        admission_decision="12-NQ/ĐTN",
        association="Hội Liên hiệp Thanh niên Việt Nam",
    )
    assert (fields.member_code, fields.email, fields.national_id_date) == (
        "1234567",
        "nguyenvandat@gmail.com",
        date(2021, 5, 10),
    )
    assert (fields.computer_skills, fields.admission_decision, fields.association) == (
        "Cơ bản",
        "12-NQ/ĐTN",
        "Hội Liên hiệp Thanh niên Việt Nam",
    )


@pytest.mark.parametrize("typed", ["123456", "12345678", "12345a7", "086201000123"])
def test_member_code_must_be_7_digits(typed: str) -> None:
    assert errors_of(
        {"full_name": "Lê Văn An", "birth_date": "05/03/2001", "member_code": typed}
    ) == {"member_code": "Mã định danh đoàn viên phải gồm đúng 7 chữ số."}


@pytest.mark.parametrize("typed", ["an", "an@gmail", "an @gmail.com", "@gmail.com", "a@b@c.vn"])
def test_bad_email(typed: str) -> None:
    assert errors_of({"full_name": "Lê Văn An", "birth_date": "05/03/2001", "email": typed}) == {
        "email": "Địa chỉ email không hợp lệ (ví dụ: nguyenvanan@gmail.com)."
    }


def test_national_id_issue_date_between_birth_and_today() -> None:
    base = {"full_name": "Lê Văn An", "birth_date": "05/03/2001"}
    assert errors_of({**base, "national_id_date": "02/06/2025"}) == {
        "national_id_date": "Ngày cấp CCCD không thể sau ngày hôm nay."
    }
    assert errors_of({**base, "national_id_date": "04/03/2001"}) == {
        "national_id_date": "Ngày cấp CCCD không thể trước ngày sinh."
    }
    assert errors_of({**base, "national_id_date": "31/02/2020"}) == {
        "national_id_date": "Ngày 31/02/2020 không có trên lịch."
    }


# -- Admissions from before today's rules (history, not an error) ------------------------------


def test_an_admission_before_todays_rules_outside_todays_ages_is_kept() -> None:
    """Admitted at 14 in 2005 and at 32 in 2010: under the rules of the time, before those of
    28/06/2013; the dates are kept (the warning is MemberService.warnings')."""
    assert valid(birth_date="10/09/1990", admission_date="20/05/2005").admission_date == date(
        2005, 5, 20
    )
    assert valid(birth_date="01/01/1978", admission_date="01/01/2010").admission_date == date(
        2010, 1, 1
    )
    assert valid(birth_date="1990", admission_date="27/06/2013").admission_date == date(2013, 6, 27)


def test_todays_ages_apply_from_the_day_todays_rules_took_effect() -> None:
    assert _admission_error("01/01/2000", "28/06/2013") == {
        "admission_date": "Tuổi vào Đoàn phải từ 16 (đủ 15 tuổi + 1 ngày) đến 30: "
        "sinh 01/01/2000, vào Đoàn 28/06/2013."
    }


def test_an_admission_before_the_birth_date_is_refused_whatever_its_date() -> None:
    assert _admission_error("10/09/1990", "01/01/1990") == {
        "admission_date": "Ngày vào Đoàn không thể trước ngày sinh."
    }
    assert _admission_error("1990", "31/12/1989") == {
        "admission_date": "Ngày vào Đoàn không thể trước ngày sinh."
    }


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("H'Hen Niê", "H'Hen Niê"),  # Ê Đê names: each part after the apostrophe is capitalised
        ("h’hen niê", "H’Hen Niê"),
        ("Y-Moan Ênuôl", "Y-Moan Ênuôl"),
        ("KSOR H'BIA", "Ksor H'Bia"),
        ("NGUYỄN văn an", "Nguyễn Văn An"),
    ],
)
def test_ethnic_minority_names_keep_the_capital_after_an_apostrophe_or_hyphen(
    typed: str, stored: str
) -> None:
    assert parse_member({"full_name": typed, "birth_date": "05/03/2001"}).full_name == stored


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("bí thư", "Bí thư"),
        ("PHÓ BÍ THƯ", "Phó Bí thư"),
        ("Uỷ viên BCH", "Ủy viên BCH"),  # the new tone placement
        ("Ủy viên Ban Chấp hành chi đoàn", "Ủy viên BCH"),  # the member template's words
        ("Tổ trưởng", "Tổ trưởng"),  # not one of the union's positions: kept as typed
    ],
)
def test_a_position_typed_is_stored_as_the_roster_names_it(typed: str, stored: str) -> None:
    # As the import stores it: the roster sorts by position and the form's list shows it
    assert valid(position=typed).position == stored


def test_digits_of_other_scripts_are_stored_as_plain_digits() -> None:
    """A CCCD, code, phone or year pasted in full-width digits (from a web page, a PDF) is
    stored in plain digits, so that it is found by search and by the check of a CCCD used
    twice, as typed."""
    fields = valid(
        national_id="０９６ ２０１ ００１ ２３４",
        member_code="１２３４５６７",
        phone="０９１２ ３４５ ６７８",
        father_birth_year="１９７５",
    )
    assert (fields.national_id, fields.member_code, fields.phone, fields.father_birth_year) == (
        "096201001234", "1234567", "0912345678", 1975,
    )  # fmt: skip
