"""A text that starts with "=" (or "+", "-", "@") is written as the text it is: never a formula
in the .xlsx (Err:509 or #NAME? on screen, the value lost on re-import), never prefixed in the
CSV (which exists to carry the data to other programs and back), and both files read back by
our own import unchanged."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pytest
from dirty_data import TODAY
from openpyxl import load_workbook
from xlsx_package import package_problems

from doancoso.core.roster.spreadsheets import UNCHANGED
from doancoso.core.workspace import Workspace

NOTE = "=> chuyển về ấp 3"
OCCUPATION = "=Làm ruộng"
HOMETOWN = "-Tân Hưng"
RELIGION = "+Không"
ETHNICITY = "=Kinh"
BRANCH = "@Chi đoàn ấp 3"
HARDSHIP = "=nghèo"
YOUTH_NOTE = "=> đã đi làm ăn xa"
HEADERS = ["Ghi chú", "Nghề nghiệp", "Quê quán", "Tôn giáo", "Dân tộc", "Chi đoàn"]
TEXTS = [NOTE, OCCUPATION, HOMETOWN, RELIGION, ETHNICITY, BRANCH]


@pytest.fixture
def eq_ws(ws: Workspace) -> Workspace:
    branch = ws.branches.create(BRANCH).id
    ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/02/2000", "gender": "Nam",
                     "branch_id": branch, "notes": NOTE, "occupation": OCCUPATION,
                     "hometown": HOMETOWN, "religion": RELIGION, "ethnicity": ETHNICITY,
                     "national_id": "086201000123"})  # fmt: skip
    ws.youth.save({"full_name": "Trần Thị Bích", "birth_date": "12/10/2003", "gender": "Nữ",
                   "hardship_kind": HARDSHIP, "occupation": OCCUPATION,
                   "notes": YOUTH_NOTE})  # fmt: skip
    return ws


def _sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode()


def _by_header(path: Path) -> dict[object, object]:
    book = load_workbook(path)
    rows = list(book.active.iter_rows(values_only=True))
    book.close()
    return dict(zip(rows[2], rows[3], strict=True))


def test_roster_xlsx_keeps_the_texts(eq_ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "ds.xlsx"
    eq_ws.spreadsheets.export_members(path)
    assert "<f>" not in _sheet_xml(path) and "<f " not in _sheet_xml(path)
    assert package_problems(path) == []
    an = _by_header(path)
    assert [an[h] for h in HEADERS] == TEXTS
    preview = eq_ws.spreadsheets.preview_import(path)
    assert [r.action for r in preview.rows] == [UNCHANGED]


def test_roster_csv_writes_the_texts_as_they_are(eq_ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    eq_ws.spreadsheets.export_members(path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header, an = list(csv.reader(handle))
    row = dict(zip(header, an, strict=True))
    assert [row[h] for h in HEADERS] == TEXTS
    preview = eq_ws.spreadsheets.preview_import(path)
    assert [r.action for r in preview.rows] == [UNCHANGED]


def test_youth_xlsx_keeps_the_texts(eq_ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "tn.xlsx"
    eq_ws.spreadsheets.export_youth(path)
    assert "<f>" not in _sheet_xml(path)
    assert package_problems(path) == []
    bich = _by_header(path)
    assert (bich["Hoàn cảnh khó khăn"], bich["Nghề nghiệp"], bich["Ghi chú"]) == (
        HARDSHIP, OCCUPATION, YOUTH_NOTE,
    )  # fmt: skip


def test_statistics_xlsx_keeps_the_labels(eq_ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "tk.xlsx"
    eq_ws.spreadsheets.export_statistics(path, TODAY)
    assert "<f>" not in _sheet_xml(path)
    assert package_problems(path) == []
    book = load_workbook(path)
    labels = {row[1] for row in book.active.iter_rows(values_only=True)}
    book.close()
    assert {ETHNICITY, RELIGION, BRANCH} <= labels
