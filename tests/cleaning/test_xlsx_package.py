"""No repair prompt in Excel: each .xlsx export is checked as the zip package it is (see
:mod:`xlsx_package`), for a demo roster and for a database holding control characters and a
note longer than a cell; the checks themselves are shown to catch each fault."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from dirty_data import TODAY
from xlsx_package import package_problems

from doancoso.core.workspace import Workspace

EXPORTS: dict[str, Callable[[Workspace, Path], object]] = {
    "roster": lambda ws, path: ws.spreadsheets.export_members(path),
    "member-template": lambda ws, path: ws.spreadsheets.export_members(path, layout="mau-dsdv"),
    "youth": lambda ws, path: ws.spreadsheets.export_youth(path),
    "statistics": lambda ws, path: ws.spreadsheets.export_statistics(path, TODAY),
}


@pytest.mark.parametrize("kind", EXPORTS)
def test_demo_exports_are_sound(demo_ws: Workspace, tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"{kind}.xlsx"
    EXPORTS[kind](demo_ws, path)
    assert package_problems(path) == []


@pytest.mark.parametrize("kind", EXPORTS)
def test_exports_of_dirty_data_are_sound(dirty_ws: Workspace, tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"{kind}.xlsx"
    EXPORTS[kind](dirty_ws, path)
    assert package_problems(path) == []


def test_the_parts_we_write(demo_ws: Workspace, tmp_path: Path) -> None:
    """What the checks above rely on: the roster's print titles name its own sheet, and the
    worksheet holds the elements we set, in the schema's order."""
    path = tmp_path / "ds.xlsx"
    demo_ws.spreadsheets.export_members(path)
    with zipfile.ZipFile(path) as archive:
        workbook = archive.read("xl/workbook.xml").decode()
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert ">'Đoàn viên'!$3:$3</definedName>" in workbook
    tags = re.findall(r"<(\w+)[ >/]", sheet)
    top = [t for t in dict.fromkeys(tags) if t in {
        "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData",
        "mergeCells", "printOptions", "pageMargins", "pageSetup"}]  # fmt: skip
    assert top == ["sheetPr", "sheetViews", "sheetFormatPr", "cols", "sheetData", "mergeCells",
                   "printOptions", "pageMargins", "pageSetup"]  # fmt: skip


# -- the checks catch each fault -------------------------------------------------------------


@pytest.fixture
def good(ws: Workspace, tmp_path: Path) -> Path:
    ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/02/2000"})
    path = tmp_path / "good.xlsx"
    ws.spreadsheets.export_members(path)
    assert package_problems(path) == []
    return path


def _changed(good: Path, part: str, change: Callable[[str], str] | None) -> Path:
    """A copy of ``good`` with ``part`` rewritten by ``change`` (left out when None)."""
    path = good.with_name("changed.xlsx")
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == part:
                if change is None:
                    continue
                data = change(data.decode()).encode()
            target.writestr(info, data)
    return path


SHEET = "xl/worksheets/sheet1.xml"
FAULTS = [
    (SHEET, lambda x: x.replace("</row>", "<bad></row>", 1), "not well-formed XML"),
    ("[Content_Types].xml", lambda x: re.sub(r'<Override PartName="/xl/worksheets[^>]*/>', "", x),
     "xl/worksheets/sheet1.xml: content type is not a worksheet's"),
    ("[Content_Types].xml", lambda x: x.replace('Extension="rels"', 'Extension="x"'),
     "_rels/.rels: no content type"),
    ("xl/styles.xml", None, "relationship rId2 to a missing part"),
    ("xl/workbook.xml", lambda x: x.replace('name="Đoàn viên"', 'name="Đoàn viên [2026]"'),
     "sheet name 'Đoàn viên [2026]' is not allowed"),
    ("xl/workbook.xml", lambda x: x.replace("'Đoàn viên'!$3:$3", "'Thống kê'!$3:$3"),
     "point at another sheet"),
    ("xl/workbook.xml", lambda x: x.replace("'Đoàn viên'!$3:$3", "Đoàn viên!$3:$3"),
     "are not of the form"),
    (SHEET, lambda x: x.replace('<mergeCell ref="A1:Q1" />', '<mergeCell ref="A1:C2" />'),
     "overlap"),
    (SHEET, lambda x: x.replace("<sheetViews>", '<dimension ref="A1:B2" /><sheetViews>'),
     "dimension A1:B2 misses"),
    (SHEET, lambda x: x.replace("Nguyễn Văn An", "x" * 32_768), "text of 32768 characters"),
    (SHEET, lambda x: x.replace("Nguyễn Văn An", "Nguyễn&#x1F;Văn An"), "not well-formed XML"),
    (SHEET, lambda x: re.sub(r"(<mergeCells.*</mergeCells>)(.*)(</worksheet>)", r"\2\1\3", x),
     "<mergeCells> after <pageSetup> (schema order)"),
    (SHEET, lambda x: x.replace('topLeftCell="C4"', 'topLeftCell="B2"'), "frozen pane 2x3"),
    (SHEET, lambda x: x.replace('<row r="4">', '<row r="2">'), "row 2 after row 3"),
    (SHEET, lambda x: x.replace('t="inlineStr"><is><t>Nguyễn Văn An</t></is>', "><f>A1</f>"),
     "cell B4 holds a formula"),
]  # fmt: skip


@pytest.mark.parametrize(("part", "change", "message"), FAULTS)
def test_each_fault_is_found(
    good: Path, part: str, change: Callable[[str], str] | None, message: str
) -> None:
    problems = package_problems(_changed(good, part, change))
    assert any(message in p for p in problems), problems


def test_a_rewritten_but_unchanged_copy_is_sound(good: Path) -> None:
    assert package_problems(_changed(good, "no such part", None)) == []
