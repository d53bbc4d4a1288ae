"""``doancoso checklist caption``: a checklist item's evidence file captioned and dated later, as
the app's "Chú thích…" dialog does, through the same service and checks; each refusal is said
in Vietnamese, exits 1 and changes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cli_run import cli, usage_error
from doancoso.core.evidence.service import Attachment
from doancoso.core.lang.dates import format_vn_date
from doancoso.core.workspace import Workspace

INIT = ["--name", "Đoàn xã Tân Hưng", "--superior", "Tỉnh đoàn Cà Mau", "--commune", "Tân Hưng"]
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


@pytest.fixture
def folder(data_dir: Path, tmp_path: Path) -> str:
    assert cli("init", "--data-dir", str(data_dir), *INIT).code == 0
    photo = tmp_path / "ảnh-ra-quân.png"
    photo.write_bytes(PNG)
    assert cli("checklist", "attach", "1.3", "--year", "2025", str(photo), "--caption",
               "Ảnh ra quân", "--data-dir", str(data_dir)).code == 0  # fmt: skip
    return str(data_dir)


def _files(folder: str) -> list[Attachment]:
    with Workspace.open(Path(folder)) as ws:
        (item,) = [v for v in ws.recognition.view(2025).items if v.item.code == "1.3"]
        return list(item.files)


def test_caption_and_date_a_file_as_the_app_does(folder: str) -> None:
    [attached] = _files(folder)
    result = cli("checklist", "caption", "1.3", attached.sha256[:8].upper(), "--year", "2025",
                 "--caption", "Ảnh lễ ra quân", "--taken-on", "02/04/2025",
                 "--data-dir", folder)  # fmt: skip
    assert result == (0, "Đã lưu chú thích tệp “ảnh-ra-quân.png” của mục 1.3 năm 2025.\n", "")
    [saved] = _files(folder)
    assert (saved.caption, saved.taken_on) == ("Ảnh lễ ra quân", dt.date(2025, 4, 2))
    shown = (
        f"        Minh chứng: ảnh-ra-quân.png — Ảnh lễ ra quân (02/04/2025) "
        f"[{attached.sha256[:12]}]\n"
    )
    assert shown in cli("checklist", "show", "--year", "2025", "--data-dir", folder).out
    # Only what is given changes; an empty value clears it.
    assert cli("checklist", "caption", "1.3", attached.sha256, "--year", "2025",
               "--taken-on", "", "--data-dir", folder).code == 0  # fmt: skip
    [saved] = _files(folder)
    assert (saved.caption, saved.taken_on) == ("Ảnh lễ ra quân", None)
    assert cli("checklist", "caption", "1.3", attached.sha256, "--year", "2025",
               "--caption", "", "--data-dir", folder).code == 0  # fmt: skip
    [saved] = _files(folder)
    assert (saved.caption, saved.taken_on) == (None, None)
    # A file without caption or date is printed as ``advice show`` prints one: no empty dash.
    shown = f"        Minh chứng: ảnh-ra-quân.png [{attached.sha256[:12]}]\n"
    assert shown in cli("checklist", "show", "--year", "2025", "--data-dir", folder).out


@pytest.mark.parametrize(
    ("item", "sha", "options", "message"),
    [
        ("1.3", None, ["--taken-on", "31/02/2025"],
         "Dữ liệu không hợp lệ:\n  --taken-on: Ngày 31/02/2025 không có trên lịch."),
        # two days ahead: after today even once the run has crossed midnight
        ("1.3", None, ["--taken-on", format_vn_date(dt.date.today() + dt.timedelta(days=2))],
         "Dữ liệu không hợp lệ:\n  --taken-on: Ngày của minh chứng không thể sau hôm nay."),
        ("1.3", "abc", [], "Hãy ghi mã SHA-256 của tệp, hoặc ít nhất 8 ký tự đầu của nó như "
         "lệnh “doancoso checklist show” in ra."),
        ("1.3", "00000000", [], "Mục 1.3 không có tệp minh chứng 00000000…."),
        ("1.1", None, [], "Mục 1.1 không có tệp minh chứng {short}…."),
    ],
)  # fmt: skip
def test_a_refused_caption_changes_nothing(
    folder: str, item: str, sha: str | None, options: list[str], message: str
) -> None:
    [attached] = _files(folder)
    result = cli("checklist", "caption", item, sha or attached.sha256, "--year", "2025",
                 "--caption", "Khác", *options, "--data-dir", folder)  # fmt: skip
    said = message.format(short=attached.sha256[:12])
    assert result == (1, "", f"Lỗi: {said}\n")
    assert _files(folder) == [attached]


def test_caption_with_nothing_to_change_is_bad_usage(
    folder: str, capsys: pytest.CaptureFixture[str]
) -> None:
    [attached] = _files(folder)
    err = usage_error(capsys, "checklist", "caption", "1.3", attached.sha256, "--year", "2025",
                      "--data-dir", folder)  # fmt: skip
    assert err.endswith("Lỗi cú pháp lệnh: cần ít nhất một trong --caption, --taken-on\n")
    assert _files(folder) == [attached]


def test_show_gives_the_date_of_a_file(folder: str) -> None:
    """``checklist caption --taken-on`` set a date that ``checklist show`` never printed, in
    neither form: it is given, as ``advice show`` gives it."""
    [attached] = _files(folder)
    assert cli("checklist", "caption", "1.3", attached.sha256, "--year", "2025",
               "--taken-on", "02/04/2025", "--data-dir", folder).code == 0  # fmt: skip
    out = cli("checklist", "show", "--year", "2025", "--data-dir", folder).out
    shown = (
        f"        Minh chứng: ảnh-ra-quân.png — Ảnh ra quân (02/04/2025) [{attached.sha256[:12]}]\n"
    )
    assert shown in out
    data = cli("checklist", "show", "--year", "2025", "--format", "json",
               "--data-dir", folder).json()  # fmt: skip
    (item,) = [i for i in data["items"] if i["code"] == "1.3"]
    assert [(f["caption"], f["date"]) for f in item["evidence"]] == [("Ảnh ra quân", "02/04/2025")]
