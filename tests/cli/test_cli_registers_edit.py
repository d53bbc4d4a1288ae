"""``doancoso advice|coordination edit|delete`` and ``coordination --end-date``: the register of
criterion 3 corrected from the command line through the service and checks of the app's dialog;
each refusal says why in Vietnamese, exits 1 and changes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from cli_run import cli, usage_error
from doancoso.core.lang.dates import format_vn_date

INIT = ["--name", "Đoàn xã Tân Hưng", "--superior", "Tỉnh đoàn Cà Mau", "--commune", "Tân Hưng"]
UNKNOWN = "00000000-0000-0000-0000-000000000000"


@pytest.fixture
def folder(data_dir: Path) -> str:
    assert cli("init", "--data-dir", str(data_dir), *INIT)[0] == 0
    return str(data_dir)


def _listed(folder: str, command: str) -> list[dict[str, Any]]:
    result = cli(command, "list", "--format", "json", "--data-dir", folder)
    assert (result.code, result.err) == (0, "")
    rows: list[dict[str, Any]] = result.json()
    return rows


@pytest.fixture
def advice(folder: str) -> dict[str, Any]:
    assert cli("advice", "add", "--date", "15/06/2025", "--title", "Tờ trình về kinh phí",
               "--number", "05-TTr/ĐTN", "--answer", "Đồng ý", "--answer-date", "20/06/2025",
               "--data-dir", folder)[0] == 0  # fmt: skip
    [row] = _listed(folder, "advice")
    return row


@pytest.fixture
def programme(folder: str) -> dict[str, Any]:
    result = cli("coordination", "add", "--date", "01/04/2025", "--end-date", "31/03/2026",
                 "--partner", "Công an xã", "--title", "Quy chế phối hợp",
                 "--data-dir", folder)  # fmt: skip
    assert result == (0, "Đã ghi chương trình phối hợp “Quy chế phối hợp” với Công an xã.\n", "")
    [row] = _listed(folder, "coordination")
    return row


def test_a_programme_is_added_with_its_end_and_counts_in_each_year_it_runs(
    folder: str, programme: dict[str, Any]
) -> None:
    assert (programme["date"], programme["end_date"]) == ("01/04/2025", "31/03/2026")
    for year in ("2025", "2026"):
        assert cli("coordination", "list", "--year", year, "--data-dir", folder).out == (
            f"01/04/2025 – 31/03/2026  Công an xã: Quy chế phối hợp\t{programme['id']}\n"
        )


def test_an_end_before_the_start_is_refused_on_add(folder: str) -> None:
    result = cli("coordination", "add", "--date", "01/04/2025", "--end-date", "31/03/2025",
                 "--partner", "Công an xã", "--title", "Quy chế", "--data-dir", folder)  # fmt: skip
    assert result == (1, "", "Lỗi: Dữ liệu không hợp lệ:\n"
                      "  --end-date: Ngày kết thúc không thể trước ngày bắt đầu.\n")  # fmt: skip
    assert _listed(folder, "coordination") == []


def test_advice_edit_changes_only_what_it_is_given(folder: str, advice: dict[str, Any]) -> None:
    result = cli("advice", "edit", advice["id"], "--title", "Tờ trình về kinh phí hoạt động hè",
                 "--data-dir", folder)  # fmt: skip
    assert result == (0, "Đã sửa văn bản tham mưu “Tờ trình về kinh phí hoạt động hè”.\n", "")
    assert _listed(folder, "advice") == [{**advice, "title": "Tờ trình về kinh phí hoạt động hè"}]
    # An empty value clears an optional one.
    assert cli("advice", "edit", advice["id"], "--number", "", "--answer", "", "--answer-date",
               "", "--data-dir", folder).code == 0  # fmt: skip
    [row] = _listed(folder, "advice")
    assert (row["number"], row["answer"], row["answer_date"]) == (None, None, None)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--title", ""], "  --title: Cần nhập tên văn bản tham mưu."),
        (["--date", "31/02/2025"], "  --date: Ngày 31/02/2025 không có trên lịch."),
        (["--date", "21/06/2025"],
         "  --answer-date: Ngày trả lời không thể trước ngày gửi văn bản."),
        # two days ahead: after today even once the run has crossed midnight
        (["--answer-date", format_vn_date(dt.date.today() + dt.timedelta(days=2))],
         "  --answer-date: Ngày trả lời không thể sau hôm nay."),
    ],
)  # fmt: skip
def test_advice_edit_refusals_change_nothing(
    folder: str, advice: dict[str, Any], options: list[str], message: str
) -> None:
    result = cli("advice", "edit", advice["id"], *options, "--data-dir", folder)
    assert result == (1, "", f"Lỗi: Dữ liệu không hợp lệ:\n{message}\n")
    assert _listed(folder, "advice") == [advice]


def test_coordination_edit_sets_and_clears_the_end(folder: str, programme: dict[str, Any]) -> None:
    result = cli("coordination", "edit", programme["id"], "--end-date", "31/12/2025",
                 "--partner", "Công an xã Tân Hưng", "--data-dir", folder)  # fmt: skip
    assert result == (0, "Đã sửa chương trình phối hợp “Quy chế phối hợp” với Công an xã Tân "
                      "Hưng (01/04/2025 – 31/12/2025).\n", "")  # fmt: skip
    assert _listed(folder, "coordination") == [
        {**programme, "end_date": "31/12/2025", "partner": "Công an xã Tân Hưng"}
    ]
    assert cli("coordination", "list", "--year", "2026", "--data-dir", folder).out == (
        "Chưa có chương trình phối hợp nào trong năm 2026.\n"
    )
    assert cli("coordination", "edit", programme["id"], "--end-date", "",
               "--data-dir", folder).code == 0  # fmt: skip
    [row] = _listed(folder, "coordination")
    assert row["end_date"] is None


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--end-date", "31/03/2025"],
         "  --end-date: Ngày kết thúc không thể trước ngày bắt đầu."),
        (["--date", "01/05/2026"], "  --end-date: Ngày kết thúc không thể trước ngày bắt đầu."),
        (["--partner", " "], "  --partner: Cần nhập cơ quan, đơn vị phối hợp."),
        (["--title", ""], "  --title: Cần nhập tên chương trình phối hợp."),
        (["--end-date", "32/01/2026"], "  --end-date: Ngày 32/01/2026 không có trên lịch."),
    ],
)  # fmt: skip
def test_coordination_edit_refusals_change_nothing(
    folder: str, programme: dict[str, Any], options: list[str], message: str
) -> None:
    result = cli("coordination", "edit", programme["id"], *options, "--data-dir", folder)
    assert result == (1, "", f"Lỗi: Dữ liệu không hợp lệ:\n{message}\n")
    assert _listed(folder, "coordination") == [programme]


def test_delete_removes_the_record_from_the_register(
    folder: str, advice: dict[str, Any], programme: dict[str, Any]
) -> None:
    assert cli("advice", "delete", advice["id"], "--data-dir", folder) == (
        0, "Đã xóa văn bản tham mưu “Tờ trình về kinh phí” ngày 15/06/2025.\n", ""
    )  # fmt: skip
    assert cli("advice", "list", "--data-dir", folder).out == "Chưa có văn bản tham mưu nào.\n"
    assert cli("coordination", "delete", programme["id"], "--data-dir", folder) == (
        0, "Đã xóa chương trình phối hợp “Quy chế phối hợp” với Công an xã.\n", ""
    )  # fmt: skip
    assert _listed(folder, "coordination") == []
    # Deleted, it is unknown: not deleted twice, not edited.
    result = cli("advice", "delete", advice["id"], "--data-dir", folder)
    assert (result.code, result.out) == (1, "")
    assert result.err.startswith(f"Lỗi: Không có văn bản tham mưu nào mã “{advice['id']}”")


@pytest.mark.parametrize(
    ("command", "message"),
    [
        ("advice", f"Lỗi: Không có văn bản tham mưu nào mã “{UNKNOWN}”: xem mã ở cột cuối của "
         "lệnh doancoso advice list.\n"),
        ("coordination", f"Lỗi: Không có chương trình phối hợp nào mã “{UNKNOWN}”: xem mã ở cột "
         "cuối của lệnh doancoso coordination list.\n"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("action", [("delete",), ("edit", "--title", "Khác")])
def test_an_unknown_id_is_said_and_changes_nothing(
    folder: str, advice: dict[str, Any], programme: dict[str, Any], command: str, message: str,
    action: tuple[str, ...],
) -> None:  # fmt: skip
    before = _listed(folder, command)
    result = cli(command, action[0], UNKNOWN, *action[1:], "--data-dir", folder)
    assert result == (1, "", message)
    assert _listed(folder, command) == before


def test_a_link_to_a_deleted_activity_is_named_and_can_be_cleared(folder: str) -> None:
    """A programme linked to an activity deleted since could not be edited at all from the
    command line (the link is checked on every save and no option named it): the refusal names
    ``--activity``, and ``--activity ""`` unlinks it, as the app's dialog can."""
    from doancoso.core.workspace import Workspace

    added = cli("activity", "add", "--title", "Tuyên truyền pháp luật", "--date", "10/05/2025",
                "--format", "json", "--data-dir", folder)  # fmt: skip
    activity = added.json()["id"]
    assert cli("coordination", "add", "--date", "01/04/2025", "--partner", "Công an xã",
               "--title", "Quy chế phối hợp", "--activity", activity,
               "--data-dir", folder).code == 0  # fmt: skip
    [programme] = _listed(folder, "coordination")
    assert programme["activity_id"] == activity
    with Workspace.open(Path(folder)) as ws:
        ws.activities.delete(activity)
    result = cli("coordination", "edit", programme["id"], "--title", "Quy chế",
                 "--data-dir", folder)  # fmt: skip
    assert result == (1, "", "Lỗi: Dữ liệu không hợp lệ:\n"
                      "  --activity: Hoạt động liên kết không còn trong lịch.\n")  # fmt: skip
    assert _listed(folder, "coordination") == [programme]
    assert cli("coordination", "edit", programme["id"], "--title", "Quy chế", "--activity", "",
               "--data-dir", folder).code == 0  # fmt: skip
    assert _listed(folder, "coordination") == [
        {**programme, "title": "Quy chế", "activity_id": None}
    ]


@pytest.mark.parametrize(
    ("command", "options"),
    [
        ("advice", "--date, --title, --number, --summary, --summary-file, --answer, "
         "--answer-file, --answer-date"),
        ("coordination", "--date, --end-date, --partner, --title, --content, --content-file, "
         "--results, --results-file, --activity"),
    ],
)  # fmt: skip
def test_edit_with_nothing_to_change_is_bad_usage(
    folder: str, advice: dict[str, Any], programme: dict[str, Any], command: str, options: str,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    """``edit ID`` alone said "Đã sửa …" and changed nothing (an option forgotten in a script,
    or its name mistyped into the id's place)."""
    record = advice if command == "advice" else programme
    err = usage_error(capsys, command, "edit", record["id"], "--data-dir", folder)
    assert err.endswith(f"Lỗi cú pháp lệnh: cần ít nhất một trong {options}\n")
    assert _listed(folder, command) == [record]


def test_an_activity_id_that_names_no_activity_is_said_as_such(
    folder: str, programme: dict[str, Any]
) -> None:
    """The app picks the linked activity from a list; on the command line a mistyped id was
    refused as "Hoạt động liên kết không còn trong lịch" (as if deleted), and the id of one of
    its dates (the ``id`` of ``activity list --format json``, beside ``activity_id``) too,
    without saying which id it takes."""
    listed = cli("activity", "add", "--title", "Tuyên truyền pháp luật", "--date", "10/05/2025",
                 "--data-dir", folder).code  # fmt: skip
    assert listed == 0
    [date] = cli("activity", "list", "--from", "01/01/2025", "--format", "json",
                 "--data-dir", folder).json()  # fmt: skip
    result = cli("coordination", "edit", programme["id"], "--activity", date["id"],
                 "--data-dir", folder)  # fmt: skip
    assert result == (1, "", "Lỗi: Dữ liệu không hợp lệ:\n"
                      f"  --activity: “{date['id']}” là mã buổi ngày 10/05/2025 của hoạt động "
                      "“Tuyên truyền pháp luật”, không phải mã của hoạt động: hãy ghi "
                      f"“{date['activity_id']}” (activity_id trong activity list --format "
                      "json).\n")  # fmt: skip
    result = cli("coordination", "add", "--date", "01/05/2025", "--partner", "Trạm Y tế xã",
                 "--title", "Khám sức khỏe", "--activity", UNKNOWN,
                 "--data-dir", folder)  # fmt: skip
    assert result == (1, "", "Lỗi: Dữ liệu không hợp lệ:\n"
                      f"  --activity: Không có hoạt động nào mã “{UNKNOWN}” trong lịch: xem "
                      "activity_id trong activity list --format json.\n")  # fmt: skip
    assert _listed(folder, "coordination") == [programme]
    assert cli("coordination", "edit", programme["id"], "--activity", date["activity_id"],
               "--data-dir", folder).code == 0  # fmt: skip
    assert _listed(folder, "coordination") == [{**programme, "activity_id": date["activity_id"]}]


def test_several_records_are_deleted_at_once_or_none(
    folder: str, advice: dict[str, Any], programme: dict[str, Any]
) -> None:
    """The app deletes the records selected together; one id that names none deletes none."""
    assert cli("advice", "add", "--date", "20/06/2025", "--title", "Báo cáo thanh niên",
               "--data-dir", folder).code == 0  # fmt: skip
    other = next(r for r in _listed(folder, "advice") if r["id"] != advice["id"])
    result = cli("advice", "delete", advice["id"], UNKNOWN, other["id"], "--data-dir", folder)
    assert result == (1, "", f"Lỗi: Không có văn bản tham mưu nào mã “{UNKNOWN}”: xem mã ở cột "
                      "cuối của lệnh doancoso advice list.\n")  # fmt: skip
    assert _listed(folder, "advice") == [advice, other]
    result = cli("advice", "delete", advice["id"], other["id"], advice["id"], "--data-dir", folder)
    assert result == (0, "Đã xóa văn bản tham mưu “Tờ trình về kinh phí” ngày 15/06/2025.\n"
                      "Đã xóa văn bản tham mưu “Báo cáo thanh niên” ngày 20/06/2025.\n",
                      "")  # fmt: skip
    assert _listed(folder, "advice") == []
    assert _listed(folder, "coordination") == [programme]
