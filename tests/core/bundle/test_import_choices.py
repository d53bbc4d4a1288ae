"""A member's or a young person's field the forms fill from a fixed list (trạng thái, giới tính,
tình trạng sổ, ngày sinh đủ hay chỉ năm) holds one of its codes in a crafted bundle too: any
other value (a label typed in place of the code, a made-up one) is refused in Vietnamese, naming
the person, the field and the values it may hold, and the installation is left as it was. So is
the status of an activity's date and the self-assessment of a checklist item."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from hostile_bundles import NOT_WRITTEN, Sources, make_sources, refused_both_ways, spoiled

PERSON = {"full_name": "Lê Thị Hoa", "birth_date": "2000-02-29", "birth_precision": "day"}
WHERE = "dòng của Lê Thị Hoa (sinh 29/02/2000)"
STATUSES = (
    "active (Đang sinh hoạt), temporary (Sinh hoạt tạm), transferred_out (Đã chuyển sinh "
    "hoạt), matured (Đã trưởng thành Đoàn), expelled (Bị khai trừ), removed (Đã xóa tên)"
)
CASES: dict[str, tuple[str, dict[str, Any], str]] = {
    "member-status-label": (
        "members",
        {**PERSON, "status": "Đang sinh hoạt"},
        f"bảng “Đoàn viên” (members), {WHERE}: “Trạng thái” phải là một trong: "
        f"{STATUSES}; không phải 'Đang sinh hoạt'",
    ),
    "member-gender-made-up": (
        "members",
        {**PERSON, "gender": "x"},
        f"bảng “Đoàn viên” (members), {WHERE}: “Giới tính” phải là một trong: "
        "male (Nam), female (Nữ); không phải 'x'",
    ),
    "member-book-status": (
        "members",
        {**PERSON, "book_status": "lost"},
        f"bảng “Đoàn viên” (members), {WHERE}: “Tình trạng sổ đoàn viên” "
        "phải là một trong: held (Chi đoàn đang giữ), withdrawn (Đã rút sổ); không phải 'lost'",
    ),
    "youth-gender-label": (
        "youths",
        {**PERSON, "gender": "Nữ"},
        f"bảng “Thanh niên” (youths), {WHERE}: “Giới tính” phải là một trong: "
        "male (Nam), female (Nữ); không phải 'Nữ'",
    ),
    "youth-birth-precision": (
        "youths",
        {**PERSON, "birth_precision": "month"},
        f"bảng “Thanh niên” (youths), {WHERE}: “Cách ghi ngày sinh” phải "
        "là một trong: day (đủ ngày, tháng, năm), year (chỉ biết năm sinh); không phải 'month'",
    ),
}


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Sources:
    return make_sources(tmp_path_factory.mktemp("choices"))


@pytest.mark.parametrize("case", list(CASES))
def test_a_code_outside_the_forms_choices_is_refused(
    sources: Sources, tmp_path: Path, case: str
) -> None:
    table, change, where_what = CASES[case]
    assert refused_both_ways(*spoiled(sources, tmp_path, table, change)) == (
        f"Tệp dữ liệu có dòng không hợp lệ ở {where_what}. {NOT_WRITTEN}"
    )


def _first_id(sources: Sources, table: str) -> str:
    first = json.loads(sources.real[f"data/{table}.jsonl"].splitlines()[0])
    return str(first["id"])


STATUS_CASES: dict[str, tuple[str, str, str]] = {
    # an activity's date: the calendar's codes
    "occurrence-status-label": (
        "occurrences",
        "Đã thực hiện",
        "bảng “Buổi hoạt động” (occurrences), dòng {id}: “Trạng thái” phải là "
        "một trong: du-kien (Dự kiến), da-thuc-hien (Đã thực hiện), hoan (Hoãn), huy (Hủy); "
        "không phải 'Đã thực hiện'",
    ),
    # a checklist item's self-assessment: the checklist's codes
    "checklist-status-made-up": (
        "checklist_answers",
        "xuat-sac",
        "bảng “Đánh giá tiêu chí” (checklist_answers), dòng {id}: “Trạng thái” "
        "phải là một trong: dat (Đạt), chua-dat (Chưa đạt), khong-ap-dung (Không áp dụng), "
        "chua-danh-gia (Chưa đánh giá); không phải 'xuat-sac'",
    ),
}


@pytest.mark.parametrize("case", list(STATUS_CASES))
def test_a_status_outside_its_codes_is_refused(sources: Sources, tmp_path: Path, case: str) -> None:
    table, status, where_what = STATUS_CASES[case]
    assert refused_both_ways(*spoiled(sources, tmp_path, table, {"status": status})) == (
        f"Tệp dữ liệu có dòng không hợp lệ ở "
        f"{where_what.format(id=_first_id(sources, table))}. {NOT_WRITTEN}"
    )
