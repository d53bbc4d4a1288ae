"""``doancoso advice|coordination attach|detach|caption``: the evidence files of a record of
criterion 3's register, as the app's files panel attaches them ("Đính kèm tệp…"), captions and
dates them ("Chú thích…") and detaches them ("Gỡ khỏi đây"), through the same services and checks;
each refusal is said in Vietnamese, exits 1 and changes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cli_run import cli, usage_error
from doancoso.core.evidence.service import Attachment
from doancoso.core.lang.dates import format_vn_date
from doancoso.core.recognition.registers import ADVICE_TABLE, COORDINATION_TABLE
from doancoso.core.workspace import Workspace

INIT = ["--name", "Đoàn xã Tân Hưng", "--superior", "Tỉnh đoàn Cà Mau", "--commune", "Tân Hưng"]
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
TABLES = {"advice": ADVICE_TABLE, "coordination": COORDINATION_TABLE}
NAMED = {"advice": "văn bản tham mưu “Tờ trình về kinh phí”",
         "coordination": "chương trình phối hợp “Quy chế phối hợp”"}  # fmt: skip


@pytest.fixture
def folder(data_dir: Path) -> str:
    assert cli("init", "--data-dir", str(data_dir), *INIT)[0] == 0
    assert cli("advice", "add", "--date", "15/06/2025", "--title", "Tờ trình về kinh phí",
               "--data-dir", str(data_dir)).code == 0  # fmt: skip
    assert cli("coordination", "add", "--date", "01/04/2025", "--partner", "Công an xã",
               "--title", "Quy chế phối hợp", "--data-dir", str(data_dir)).code == 0  # fmt: skip
    return str(data_dir)


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "ảnh-ra-quân.png"
    path.write_bytes(PNG)
    return path


def _id(folder: str, command: str) -> str:
    [row] = cli(command, "list", "--format", "json", "--data-dir", folder).json()
    record_id: str = row["id"]
    return record_id


def _files(folder: str, command: str) -> list[Attachment]:
    with Workspace.open(Path(folder)) as ws:
        return ws.evidence.attachments(TABLES[command], _id(folder, command))


@pytest.mark.parametrize("command", ["advice", "coordination"])
def test_attach_with_a_caption_then_detach(folder: str, photo: Path, command: str) -> None:
    record_id = _id(folder, command)
    result = cli(command, "attach", record_id, str(photo), "--caption", "Ảnh lễ ra quân",
                 "--data-dir", folder)  # fmt: skip
    assert result == (0, f"Đã đính kèm “ảnh-ra-quân.png” vào {NAMED[command]}.\n", "")
    [attached] = _files(folder, command)
    assert (attached.original_name, attached.caption, attached.taken_on) == (
        "ảnh-ra-quân.png", "Ảnh lễ ra quân", None
    )  # fmt: skip
    assert (
        f"  Minh chứng: ảnh-ra-quân.png — Ảnh lễ ra quân [{attached.sha256[:12]}]\n"
        in cli(command, "show", record_id, "--data-dir", folder).out
    )
    # The same file again: said, not listed twice (the dossier would annex it twice).
    again = cli(command, "attach", record_id, str(photo), "--data-dir", folder)
    assert again == (1, "", f"Lỗi: Tệp “ảnh-ra-quân.png” đã được đính kèm vào {NAMED[command]} "
                     "(“Ảnh lễ ra quân”): không đính kèm lần nữa.\n")  # fmt: skip
    assert _files(folder, command) == [attached]
    result = cli(command, "detach", record_id, attached.sha256[:12].upper(), "--data-dir", folder)
    assert result == (0, f"Đã gỡ 1 tệp minh chứng khỏi {NAMED[command]}.\n", "")
    assert _files(folder, command) == []


@pytest.mark.parametrize("command", ["advice", "coordination"])
def test_caption_and_date_a_file_as_the_app_does(folder: str, photo: Path, command: str) -> None:
    record_id = _id(folder, command)
    assert cli(command, "attach", record_id, str(photo), "--data-dir", folder).code == 0
    [attached] = _files(folder, command)
    shown = f"  Minh chứng: ảnh-ra-quân.png [{attached.sha256[:12]}]\n"
    assert shown in cli(command, "show", record_id, "--data-dir", folder).out
    result = cli(command, "caption", record_id, attached.sha256[:8], "--caption",
                 "Ảnh lễ ký kết", "--taken-on", "02/04/2025", "--data-dir", folder)  # fmt: skip
    assert result == (0, f"Đã lưu chú thích tệp “ảnh-ra-quân.png” của {NAMED[command]}.\n", "")
    [saved] = _files(folder, command)
    assert (saved.caption, saved.taken_on) == ("Ảnh lễ ký kết", dt.date(2025, 4, 2))
    shown = f"  Minh chứng: ảnh-ra-quân.png — Ảnh lễ ký kết (02/04/2025) [{attached.sha256[:12]}]\n"
    assert shown in cli(command, "show", record_id, "--data-dir", folder).out
    # Only what is given changes; an empty value clears it.
    assert cli(command, "caption", record_id, attached.sha256, "--taken-on", "",
               "--data-dir", folder).code == 0  # fmt: skip
    [saved] = _files(folder, command)
    assert (saved.caption, saved.taken_on) == ("Ảnh lễ ký kết", None)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--taken-on", "31/02/2025"], "  --taken-on: Ngày 31/02/2025 không có trên lịch."),
        # two days ahead: after today even once the run has crossed midnight
        (["--taken-on", format_vn_date(dt.date.today() + dt.timedelta(days=2))],
         "  --taken-on: Ngày của minh chứng không thể sau hôm nay."),
    ],
)  # fmt: skip
def test_a_bad_date_of_a_file_changes_nothing(
    folder: str, photo: Path, options: list[str], message: str
) -> None:
    record_id = _id(folder, "advice")
    assert cli("advice", "attach", record_id, str(photo), "--caption", "Tờ trình",
               "--data-dir", folder).code == 0  # fmt: skip
    [attached] = _files(folder, "advice")
    result = cli("advice", "caption", record_id, attached.sha256, "--caption", "Khác", *options,
                 "--data-dir", folder)  # fmt: skip
    assert result == (1, "", f"Lỗi: Dữ liệu không hợp lệ:\n{message}\n")
    assert _files(folder, "advice") == [attached]


@pytest.mark.parametrize(
    ("sha256", "message"),
    [
        ("abc", "Lỗi: Hãy ghi mã SHA-256 của tệp, hoặc ít nhất 8 ký tự đầu của nó như lệnh "
         "“doancoso advice show” in ra.\n"),
        ("0123456789ab", "Lỗi: Văn bản tham mưu “Tờ trình về kinh phí” không có tệp minh chứng "
         "0123456789ab….\n"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("action", [("detach",), ("caption", "--caption", "Khác")])
def test_a_file_the_record_does_not_have_is_said(
    folder: str, photo: Path, sha256: str, message: str, action: tuple[str, ...]
) -> None:
    record_id = _id(folder, "advice")
    assert cli("advice", "attach", record_id, str(photo), "--data-dir", folder).code == 0
    before = _files(folder, "advice")
    result = cli("advice", action[0], record_id, sha256, *action[1:], "--data-dir", folder)
    assert result == (1, "", message)
    assert _files(folder, "advice") == before


def test_a_file_of_another_record_is_not_taken(folder: str, photo: Path) -> None:
    """The programme's photo is not the advice's: its hash names no file of the advice."""
    programme = _id(folder, "coordination")
    assert cli("coordination", "attach", programme, str(photo), "--data-dir", folder).code == 0
    [attached] = _files(folder, "coordination")
    result = cli("advice", "detach", _id(folder, "advice"), attached.sha256, "--data-dir", folder)
    assert result == (1, "", "Lỗi: Văn bản tham mưu “Tờ trình về kinh phí” không có tệp minh "
                      f"chứng {attached.sha256[:12]}….\n")  # fmt: skip
    assert _files(folder, "coordination") == [attached]


def test_a_file_that_is_not_evidence_is_refused(folder: str, tmp_path: Path) -> None:
    text = tmp_path / "ghi-chu.txt"
    text.write_text("Ghi chú", encoding="utf-8")
    result = cli("advice", "attach", _id(folder, "advice"), str(text), "--data-dir", folder)
    assert (result.code, result.out) == (1, "")
    assert result.err.startswith("Lỗi: Tệp “ghi-chu.txt”")
    assert _files(folder, "advice") == []


@pytest.mark.parametrize("action", [("attach", "anh.png"), ("detach", "0123456789ab"),
                                    ("caption", "0123456789ab", "--caption", "X")])  # fmt: skip
def test_an_unknown_record_is_said(folder: str, action: tuple[str, ...]) -> None:
    unknown = "00000000-0000-0000-0000-000000000000"
    result = cli("coordination", action[0], unknown, *action[1:], "--data-dir", folder)
    assert result == (1, "", f"Lỗi: Không có chương trình phối hợp nào mã “{unknown}”: xem mã "
                      "ở cột cuối của lệnh doancoso coordination list.\n")  # fmt: skip


def test_caption_with_nothing_to_change_is_bad_usage(
    folder: str, photo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record_id = _id(folder, "advice")
    assert cli("advice", "attach", record_id, str(photo), "--data-dir", folder).code == 0
    [attached] = _files(folder, "advice")
    err = usage_error(capsys, "advice", "caption", record_id, attached.sha256,
                      "--data-dir", folder)  # fmt: skip
    assert err.endswith("Lỗi cú pháp lệnh: cần ít nhất một trong --caption, --taken-on\n")
    assert _files(folder, "advice") == [attached]
