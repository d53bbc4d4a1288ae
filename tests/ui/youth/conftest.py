"""Youth register GUI tests: a small register and its page, PDF fonts (their scripted prompts
are tests/ui/conftest.py's)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.shell.undo import UndoHistory
from doancoso.ui.youth.page import YouthPage
from scripted import ScriptedPrompts, synchronous_core

YOUTHS: tuple[tuple[str, str, str, str, dict[str, str]], ...] = (
    # name, birth, gender, hamlet, extra
    (
        "Nguyễn Thị Thủy",
        "12/03/2004",
        "Nữ",
        "Ấp Tân Hưng",
        {"in_hardship": "1", "hardship_kind": "Hộ nghèo"},
    ),
    ("Trần Thị Thuỷ", "2005", "Nữ", "Ấp Kênh Xáng", {"away_place": "TP. Hồ Chí Minh"}),
    ("Lê Văn An", "01/01/2003", "Nam", "Ấp Tân Hưng", {"phone": "0912345678"}),
    ("Phạm Minh Bảo", "20/10/2006", "Nam", "ấp tân hưng", {}),
    ("Đặng Thu Hà", "05/05/2002", "Nữ", "Ấp Kênh Xáng", {"working_away": "1"}),
)


@pytest.fixture
def youth_ws(ws: Workspace) -> Workspace:
    """Tân Hưng with one chi đoàn, two members and five young people."""
    branch = ws.branches.create("Chi đoàn ấp Tân Hưng").id
    quynh = ws.members.save({"full_name": "Nguyễn Thị Như Quỳnh", "birth_date": "05/03/1996",
                             "gender": "Nữ", "branch_id": branch})  # fmt: skip
    ws.members.save({"full_name": "Võ Văn Tùng", "birth_date": "01/02/1998", "gender": "Nam"})
    for name, birth, gender, hamlet, extra in YOUTHS:
        raw = {"full_name": name, "birth_date": birth, "gender": gender, "hamlet": hamlet, **extra}
        if name == "Nguyễn Thị Thủy":
            raw["follow_up_member_id"] = quynh
        ws.youth.save(raw)
    return ws


@pytest.fixture
def page(qtbot: QtBot, youth_ws: Workspace, prompts: ScriptedPrompts) -> YouthPage:
    """The youth register's page over :func:`youth_ws`, on a synchronous core."""
    core = synchronous_core(youth_ws, prompts)
    widget = YouthPage(core, UndoHistory(core))
    qtbot.addWidget(widget)
    return widget


def _pdf_fonts(path: Path) -> dict[str, bool]:
    """Every font of the PDF: base name -> embedded (FontFile2)."""
    from pypdf import PdfReader

    found: dict[str, bool] = {}
    for page in PdfReader(str(path)).pages:
        resources: Any = page.get("/Resources") or {}
        fonts: Any = resources.get_object().get("/Font") or {}
        for ref in fonts.get_object().values():
            font = ref.get_object()
            holder = font
            if font.get("/Subtype") == "/Type0":
                holder = font["/DescendantFonts"][0].get_object()
            descriptor = holder.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            name = str(font["/BaseFont"]).lstrip("/").split("+")[-1]
            found[name] = found.get(name, True) and "/FontFile2" in descriptor
    return found


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


@pytest.fixture
def pdf_fonts() -> Callable[[Path], dict[str, bool]]:
    return _pdf_fonts


@pytest.fixture
def pdf_text() -> Callable[[Path], str]:
    return _pdf_text
