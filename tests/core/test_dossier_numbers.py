"""The numbers of the dossier's own documents (core.dossier.numbers)."""

from __future__ import annotations

import pytest

from doancoso.core.dossier.numbers import (
    NUMBERED,
    clean_numbers,
    duplicates,
    last_by_code,
    parse_number_options,
    unnumbered,
)
from doancoso.core.errors import ValidationError


def test_numbers_are_cleaned_and_empty_ones_left_out() -> None:
    assert clean_numbers({"bao-cao": "Số: 12-BC/ĐTN", "bang": "  ", "hoat-dong": None}) == {
        "bao-cao": "12-BC/ĐTN"
    }


def test_unnumbered_lists_the_chosen_parts_printing_a_blank_line() -> None:
    parts = ["to-trinh", "bao-cao", "bang", "bien-ban", "minh-chung", "doan-vien"]
    assert unnumbered(parts, {"bao-cao": "12-BC/ĐTN"}) == ["bang", "doan-vien"]
    assert "to-trinh" not in NUMBERED and "bien-ban" not in NUMBERED


def test_a_number_given_twice_is_named_with_the_first_document() -> None:
    found = duplicates({"bao-cao": "12-BC/ĐTN", "bang": "12-bc/đtn"}, "15-TTr/ĐTN")
    assert found == {"bang": "Số 12-bc/đtn đã dùng cho “Báo cáo tự đánh giá”."}
    assert duplicates({"bao-cao": "15-TTr/ĐTN"}, "Số: 15-TTr/ĐTN") == {
        "bao-cao": "Số 15-TTr/ĐTN đã dùng cho “Tờ trình đề nghị công nhận”."
    }


def test_the_highest_number_of_each_code_is_remembered() -> None:
    numbers = {"bao-cao": "12-BC/ĐTN", "bang": "13-BC/ĐTN", "ke-hoach": "09-BC/ĐTN",
               "doan-vien": "04-DS/ĐTN"}  # fmt: skip
    assert last_by_code(numbers) == {"BC": "13-BC/ĐTN", "DS": "04-DS/ĐTN"}


def test_number_options_of_the_command_line() -> None:
    ttr, numbers = parse_number_options(["15-TTr/ĐTN", "bao-cao=Số: 12-BC/ĐTN", "bang="])
    assert ttr == "15-TTr/ĐTN"
    assert numbers == {"bao-cao": "12-BC/ĐTN"}
    assert parse_number_options(["to-trinh=16-TTr/ĐTN"]) == ("16-TTr/ĐTN", {})
    with pytest.raises(ValidationError, match="bien-ban"):
        parse_number_options(["bien-ban=3-BB/ĐTN"])
    with pytest.raises(ValidationError, match="PHẦN=SỐ"):
        parse_number_options(["bao=12-BC/ĐTN"])
