"""An evidence file opened in the system's viewer is copied under a name Windows 10 accepts,
whatever name it was attached under (on another system, carried in a bundle): the viewer gets
that copy, with the stored content."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl

from doancoso.core.evidence.service import Attachment
from doancoso.core.workspace import Workspace
from doancoso.ui.common.evidence_files import view_copy_path
from doancoso.ui.recognition.page import RecognitionPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


@pytest.mark.parametrize(
    ("attached", "opened"),
    [
        ("CON.png", "CON_.png"),
        ("a:b?.png", "a-b.png"),
        ("ảnh.", "ảnh.png"),
        ("nul", "nul_.png"),
    ],
)
def test_a_file_attached_under_a_name_windows_refuses_opens_under_one_it_accepts(
    page: RecognitionPage, ws: Workspace, tmp_path: Path, attached: str, opened: str
) -> None:
    source = tmp_path / "tu-may-khac" / attached  # a name Linux accepts, Windows does not
    source.parent.mkdir()
    source.write_bytes(PNG)
    ws.recognition.attach(2025, "1.6", source)
    page.refresh()
    page.select_item("1.6")
    files = page.item_panel.files
    shown: list[QUrl] = []
    files.open_url = shown.append
    files.view_folder = tmp_path / "xem"
    files.view.setCurrentIndex(files.model.index(0))
    files.open_button.click()
    copy = Path(shown[0].toLocalFile())
    assert copy == tmp_path / "xem" / hashlib.sha256(PNG).hexdigest()[:16] / opened
    assert copy.read_bytes() == PNG


def _attachment(name: str) -> Attachment:
    sha = hashlib.sha256(name.encode()).hexdigest()
    return Attachment("id", sha, name, "application/pdf", 1, None, None, Path(sha))


def test_a_long_name_from_a_bundle_is_cut_to_the_path_windows_opens(tmp_path: Path) -> None:
    """A name of 300 characters (the most a record keeps): the copy's whole path within 259
    UTF-16 units, the name's start and the extension kept."""
    name = ("Biên bản họp chi đoàn ấp Tân Hưng " * 10)[:296] + ".pdf"
    attachment = _attachment(name)
    under = tmp_path / "doancoso-tam" / "phien-1"
    path = view_copy_path(attachment, under)
    folder = under / attachment.sha256[:16]
    assert path == folder / (name[: 259 - len(str(folder)) - 1 - 4].rstrip() + ".pdf")
    assert len(str(path)) <= 259
