"""``doancoso rating import`` on the demo's two "Nguyễn Thùy Anh", one in Chi đoàn ấp Bào Sen and
one in Chi đoàn ấp Kênh Xáng: its report names each with their chi đoàn, as the app's
confirmation does, so that the secretary knows whose level changes and whose row is refused."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl

from doancoso.core.workspace import Workspace
from rating_cli import cli

TODAY = dt.date(2026, 11, 20)  # the demo as it stands then: the 2026 round open
NAME = "Nguyễn Thùy Anh"


def test_the_import_report_tells_namesakes_apart(
    empty_ws: Workspace, data_dir: Path, tmp_path: Path
) -> None:
    empty_ws.generate_demo(members=300, seed=1, today=TODAY)
    exported = tmp_path / "xep-loai.xlsx"
    assert cli(data_dir, "rating", "export", "--year", "2026", str(exported)).code == 0
    book = openpyxl.load_workbook(exported)
    sheet = book.active
    assert sheet is not None
    columns = {cell.value: cell.column for cell in sheet[3]}
    rows = {
        row[columns["Chi đoàn"] - 1].value: row[0].row
        for row in sheet.iter_rows(min_row=4)
        if row[columns["Họ và tên"] - 1].value == NAME
    }
    assert sorted(rows) == ["Chi đoàn ấp Bào Sen", "Chi đoàn ấp Kênh Xáng"]
    bao_sen, kenh_xang = rows["Chi đoàn ấp Bào Sen"], rows["Chi đoàn ấp Kênh Xáng"]
    proposed = columns["Chi đoàn đề nghị"]
    assert sheet.cell(bao_sen, proposed).value == "Hoàn thành xuất sắc nhiệm vụ"  # the demo's
    sheet.cell(bao_sen, proposed).value = "Hoàn thành tốt nhiệm vụ"
    sheet.cell(kenh_xang, proposed).value = "Khá"
    filled = tmp_path / "da-dien.xlsx"
    book.save(filled)

    code, out, err = cli(data_dir, "rating", "import", "--year", "2026", str(filled), "--dry-run",
                         "--skip-rejected")  # fmt: skip
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[1:3] == [
        f"Dòng {bao_sen}: Nguyễn Thùy Anh (Chi đoàn ấp Bào Sen) — Chi đoàn đề nghị: Hoàn thành "
        "xuất sắc nhiệm vụ → Hoàn thành tốt nhiệm vụ.",
        f"Dòng {kenh_xang} [bị loại]: Nguyễn Thùy Anh (Chi đoàn ấp Kênh Xáng) — “Khá” ở cột "
        "“Chi đoàn đề nghị” không phải mức xếp loại (cần 1–4 hoặc tên mức: Hoàn thành xuất sắc "
        "nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ).",
    ]
    assert lines[3].startswith("Thay đổi: 1 đoàn viên, không đổi: ")
    assert lines[3].endswith(", bị loại: 1.")
    assert lines[4:] == ["Chạy thử: chưa ghi gì."]

    # The JSON names them as the text does ("who"), beside the name in the sheet.
    code, out, err = cli(data_dir, "rating", "import", "--year", "2026", str(filled), "--dry-run",
                         "--format", "json", "--skip-rejected")  # fmt: skip
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert [(r["row"], r["full_name"], r["who"]) for r in report["changed"]] == [
        (bao_sen, NAME, "Nguyễn Thùy Anh (Chi đoàn ấp Bào Sen)")
    ]
    assert [(r["row"], r["full_name"], r["who"]) for r in report["refused"]] == [
        (kenh_xang, NAME, "Nguyễn Thùy Anh (Chi đoàn ấp Kênh Xáng)")
    ]
