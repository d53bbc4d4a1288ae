"""``doancoso advice show ID`` and ``coordination show ID``: one record of criterion 3's register
with every value the app's dialog holds, its texts of several lines in full (the list gives them
on one line), the activity it is linked to and its evidence files; ``--format json`` the list's
object with ``files`` (and, for a programme, ``activity``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_run import cli
from doancoso.core.recognition.registers import ADVICE_TABLE
from doancoso.core.workspace import Workspace

INIT = ["--name", "Đoàn xã Tân Hưng", "--superior", "Tỉnh đoàn Cà Mau", "--commune", "Tân Hưng"]
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
UNKNOWN = "00000000-0000-0000-0000-000000000000"


@pytest.fixture
def folder(data_dir: Path) -> str:
    assert cli("init", "--data-dir", str(data_dir), *INIT)[0] == 0
    return str(data_dir)


def _only_id(folder: str, command: str) -> str:
    [row] = cli(command, "list", "--format", "json", "--data-dir", folder).json()
    record_id: str = row["id"]
    return record_id


def test_advice_show_prints_every_value(folder: str, tmp_path: Path) -> None:
    assert cli("advice", "add", "--date", "15/06/2025", "--title", "Tờ trình về kinh phí",
               "--number", "05-TTr/ĐTN", "--summary", "Đề nghị hỗ trợ kinh phí hoạt động hè.\n"
               "Dự kiến 5.000.000 đồng.", "--answer", "Đảng ủy đồng ý.", "--answer-date",
               "20/06/2025", "--data-dir", folder).code == 0  # fmt: skip
    record_id = _only_id(folder, "advice")
    photo = tmp_path / "to-trinh.png"
    photo.write_bytes(PNG)
    with Workspace.open(Path(folder)) as ws:
        ws.evidence.attach(ADVICE_TABLE, record_id, photo, "Tờ trình đã ký")
        [attached] = ws.evidence.attachments(ADVICE_TABLE, record_id)
    assert cli("advice", "show", record_id, "--data-dir", folder) == (0, (
        "Văn bản tham mưu “Tờ trình về kinh phí”\n"
        "  Ngày gửi: 15/06/2025\n"
        "  Số, ký hiệu: 05-TTr/ĐTN\n"
        "  Nội dung tóm tắt: Đề nghị hỗ trợ kinh phí hoạt động hè.\n"
        "    Dự kiến 5.000.000 đồng.\n"
        "  Trả lời của cấp ủy: Đảng ủy đồng ý.\n"
        "  Ngày trả lời: 20/06/2025\n"
        f"  Minh chứng: to-trinh.png — Tờ trình đã ký [{attached.sha256[:12]}]\n"
        f"  Mã: {record_id}\n"
    ), "")  # fmt: skip
    result = cli("advice", "show", record_id, "--format", "json", "--data-dir", folder)
    assert (result.code, result.err) == (0, "")
    assert result.json() == {
        "id": record_id, "date": "15/06/2025", "number": "05-TTr/ĐTN",
        "title": "Tờ trình về kinh phí",
        "summary": "Đề nghị hỗ trợ kinh phí hoạt động hè.\nDự kiến 5.000.000 đồng.",
        "answer": "Đảng ủy đồng ý.", "answer_date": "20/06/2025",
        "files": [{"sha256": attached.sha256, "name": "to-trinh.png",
                   "caption": "Tờ trình đã ký", "date": None, "size": len(PNG),
                   "lost": False}],
    }  # fmt: skip


def test_advice_show_marks_a_file_lost_from_the_store(folder: str, tmp_path: Path) -> None:
    assert cli("advice", "add", "--date", "15/06/2025", "--title", "Tờ trình về kinh phí",
               "--data-dir", folder).code == 0  # fmt: skip
    record_id = _only_id(folder, "advice")
    photo = tmp_path / "to-trinh.png"
    photo.write_bytes(PNG)
    with Workspace.open(Path(folder)) as ws:
        ws.evidence.attach(ADVICE_TABLE, record_id, photo, "Tờ trình đã ký")
        [attached] = ws.evidence.attachments(ADVICE_TABLE, record_id)
    attached.path.unlink()  # a backup restored without its evidence folder
    out = cli("advice", "show", record_id, "--data-dir", folder).out
    assert (
        f"  Minh chứng: to-trinh.png — Tờ trình đã ký [{attached.sha256[:12]}] "
        "(mất — lấy lại bằng lệnh doancoso restore-evidence)\n"
    ) in out
    result = cli("advice", "show", record_id, "--format", "json", "--data-dir", folder)
    assert [(f["name"], f["lost"]) for f in result.json()["files"]] == [("to-trinh.png", True)]


def test_advice_show_says_what_is_not_given(folder: str) -> None:
    assert cli("advice", "add", "--date", "15/06/2025", "--title", "Báo cáo thanh niên",
               "--data-dir", folder).code == 0  # fmt: skip
    record_id = _only_id(folder, "advice")
    assert cli("advice", "show", record_id, "--data-dir", folder).out == (
        "Văn bản tham mưu “Báo cáo thanh niên”\n"
        "  Ngày gửi: 15/06/2025\n"
        "  Số, ký hiệu: —\n"
        "  Nội dung tóm tắt: —\n"
        "  Trả lời của cấp ủy: Chưa trả lời\n"
        "  Ngày trả lời: —\n"
        "  Minh chứng: chưa có\n"
        f"  Mã: {record_id}\n"
    )


def test_coordination_show_prints_every_value(folder: str) -> None:
    added = cli("activity", "add", "--title", "Tuyên truyền pháp luật", "--date", "10/05/2025",
                "--format", "json", "--data-dir", folder)  # fmt: skip
    activity = added.json()["id"]
    assert cli("coordination", "add", "--date", "01/04/2025", "--end-date", "31/12/2025",
               "--partner", "Công an xã", "--title", "Quy chế phối hợp", "--content",
               "Tuyên truyền pháp luật cho thanh niên.", "--results", "4 buổi, 320 lượt.\n"
               "Không có vụ việc nào.", "--activity", activity,
               "--data-dir", folder).code == 0  # fmt: skip
    record_id = _only_id(folder, "coordination")
    assert cli("coordination", "show", record_id, "--data-dir", folder) == (0, (
        "Chương trình phối hợp “Quy chế phối hợp”\n"
        "  Cơ quan, đơn vị phối hợp: Công an xã\n"
        "  Thời gian: 01/04/2025 – 31/12/2025\n"
        "  Nội dung phối hợp: Tuyên truyền pháp luật cho thanh niên.\n"
        "  Kết quả: 4 buổi, 320 lượt.\n"
        "    Không có vụ việc nào.\n"
        f"  Hoạt động liên kết: 10/05/2025 – Tuyên truyền pháp luật [{activity}]\n"
        "  Minh chứng: chưa có\n"
        f"  Mã: {record_id}\n"
    ), "")  # fmt: skip
    result = cli("coordination", "show", record_id, "--format", "json", "--data-dir", folder)
    assert result.json() == {
        "id": record_id, "date": "01/04/2025", "end_date": "31/12/2025",
        "partner": "Công an xã", "title": "Quy chế phối hợp",
        "content": "Tuyên truyền pháp luật cho thanh niên.",
        "results": "4 buổi, 320 lượt.\nKhông có vụ việc nào.", "activity_id": activity,
        "activity": "10/05/2025 – Tuyên truyền pháp luật", "files": [],
    }  # fmt: skip
    # The activity deleted since: said, as the app's register leaves it out.
    with Workspace.open(Path(folder)) as ws:
        ws.activities.delete(activity)
    assert (
        f"  Hoạt động liên kết: không còn trong lịch [{activity}]\n"
        in cli("coordination", "show", record_id, "--data-dir", folder).out
    )


@pytest.mark.parametrize(
    ("command", "message"),
    [
        ("advice", f"Lỗi: Không có văn bản tham mưu nào mã “{UNKNOWN}”: xem mã ở cột cuối của "
         "lệnh doancoso advice list.\n"),
        ("coordination", f"Lỗi: Không có chương trình phối hợp nào mã “{UNKNOWN}”: xem mã ở cột "
         "cuối của lệnh doancoso coordination list.\n"),
    ],
)  # fmt: skip
def test_show_of_an_unknown_id_is_said(folder: str, command: str, message: str) -> None:
    assert cli(command, "show", UNKNOWN, "--data-dir", folder) == (1, "", message)


def test_a_long_paragraph_is_wrapped_under_its_label(folder: str) -> None:
    """A summary pasted as one long paragraph stays readable in an 80-column console."""
    summary = ("Đề nghị Đảng ủy xã quan tâm chỉ đạo Ủy ban nhân dân xã hỗ trợ kinh phí tổ chức "
               "các hoạt động hè cho thiếu nhi và thanh niên trên địa bàn.")  # fmt: skip
    assert cli("advice", "add", "--date", "15/06/2025", "--title", "Tờ trình",
               "--summary", summary, "--data-dir", folder).code == 0  # fmt: skip
    out = cli("advice", "show", _only_id(folder, "advice"), "--data-dir", folder).out
    assert (
        "  Nội dung tóm tắt: Đề nghị Đảng ủy xã quan tâm chỉ đạo Ủy ban nhân dân xã hỗ\n"
        "    trợ kinh phí tổ chức các hoạt động hè cho thiếu nhi và thanh niên trên địa\n"
        "    bàn.\n"
    ) in out
