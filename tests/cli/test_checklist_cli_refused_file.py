"""``checklist attach ITEM FILE --year Y`` with a file the evidence store refuses (not a PDF,
JPEG or PNG; empty; over the size limit), for a year whose checklist was never opened: refused
with the store's Vietnamese message, and the year stays unopened (it was opened with the
default template before the file was read, as ``checklist set`` did before ce74123e)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_run import cli
from doancoso.core.workspace import Workspace

INIT = ["--name", "Đoàn xã Tân Hưng", "--superior", "Tỉnh đoàn Cà Mau"]
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def folder(data_dir: Path) -> Path:
    """A folder set up, the checklist of 2025 opened, evidence files limited to 1 MB."""
    assert cli("init", "--data-dir", str(data_dir), *INIT).code == 0
    assert cli("checklist", "set", "1.1", "--status", "dat", "--year", "2025",
               "--data-dir", str(data_dir)).code == 0  # fmt: skip
    with Workspace.open(data_dir) as ws:
        ws.evidence.set_max_size_mb(1)
    return data_dir


@pytest.mark.parametrize(
    ("name", "content", "refusal"),
    [
        ("bien-ban.txt", "Biên bản họp chi đoàn".encode(),
         "Tệp “bien-ban.txt” không phải PDF, ảnh JPEG hoặc PNG (kiểm tra theo nội dung tệp, "
         "không theo phần mở rộng). Hãy lưu lại ở một trong các dạng đó."),
        ("anh.png", b"", "Tệp “anh.png” rỗng."),
        ("anh-lon.png", PNG + bytes(1536 * 1024),
         "Tệp “anh-lon.png” nặng 1,5 MB, quá giới hạn 1,0 MB cho một tệp minh chứng. Hãy nén "
         "hoặc chụp lại với độ phân giải thấp hơn."),
    ],
)  # fmt: skip
def test_a_refused_file_leaves_the_year_unopened(
    folder: Path, tmp_path: Path, name: str, content: bytes, refusal: str
) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    result = cli("checklist", "attach", "1.2", str(source), "--year", "2027",
                 "--data-dir", str(folder))  # fmt: skip
    assert (result.code, result.out, result.err) == (1, "", f"Lỗi: {refusal}\n")
    with Workspace.open(folder) as ws:
        assert ws.recognition.years() == [2025] and ws.recognition.opened(2027) is None
    assert sorted(p.name for p in (folder / "evidence").glob("*")) == []


def test_a_good_file_opens_the_year_and_is_attached(folder: Path, tmp_path: Path) -> None:
    source = tmp_path / "anh.png"
    source.write_bytes(PNG + bytes(64))
    result = cli("checklist", "attach", "1.2", str(source), "--year", "2027",
                 "--data-dir", str(folder))  # fmt: skip
    assert (result.code, result.err) == (0, "")
    assert result.out == "Đã đính kèm “anh.png” vào mục 1.2 năm 2027.\n"
    with Workspace.open(folder) as ws:
        assert ws.recognition.years() == [2025, 2027]
