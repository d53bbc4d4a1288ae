"""A dossier whose evidence files are lost from the store is refused, every lost file named
(not only the first) with the way to get it back, and nothing written: neither the file asked
for nor the year's dossier kept for the report bundle. The build verifies each file by its hash
(the check reads sizes only): a file changed in place, at the same size, is refused too."""

from __future__ import annotations

from pathlib import Path

import pytest

from doancoso.core.dossier.check import check
from doancoso.core.dossier.stored import built_dossier
from doancoso.core.errors import AppError
from doancoso.core.evidence.store import EvidenceStore
from doancoso.core.workspace import Workspace
from doancoso.reports.dossier.build import build_dossier
from dossier_data import ISSUED

WAY_BACK = (
    "Hãy lấy lại từ một bản sao lưu ra USB có {them} (“Lấy lại tệp minh chứng bị mất từ USB…” "
    "trong “Sao lưu và khôi phục…”, lệnh doancoso restore-evidence) hoặc đính kèm lại tệp gốc ở "
    "trang “3 chủ động”; chưa ghi gì."
)


def test_every_lost_file_is_named_and_nothing_is_written(
    dossier_ws: Workspace, tmp_path: Path
) -> None:
    kept = build_dossier(dossier_ws, tmp_path / "truoc.pdf", 2025, issued_on=ISSUED).kept
    assert kept is not None
    before = kept.path.read_bytes()
    for path in EvidenceStore(dossier_ws.data_dir).folder.iterdir():
        path.unlink()
    target = tmp_path / "ho-so.pdf"
    with pytest.raises(AppError) as raised:
        build_dossier(dossier_ws, target, 2025, issued_on=ISSUED)
    assert str(raised.value) == (
        "Chưa lập được hồ sơ: 2 tệp minh chứng không còn trong thư mục dữ liệu hoặc đã bị "
        "hỏng:\n"
        "• “bien-ban.pdf” (Minh chứng 1.1.1)\n"
        "• “anh.jpg” (Minh chứng 1.2.1)\n" + WAY_BACK.format(them="các tệp đó")
    )
    assert not target.exists()
    found = built_dossier(dossier_ws.data_dir, 2025)
    assert found is not None and found.path.read_bytes() == before


def test_a_file_changed_at_the_same_size_is_refused_by_the_build(
    dossier_ws: Workspace, tmp_path: Path
) -> None:
    photo = next(a for v in dossier_ws.recognition.view(2025, ISSUED).items for a in v.files
                 if a.original_name == "anh.jpg")  # fmt: skip
    data = bytearray(photo.path.read_bytes())
    data[-3] ^= 0xFF  # one byte flipped by a worn disk: the size is the same
    photo.path.write_bytes(bytes(data))
    # The check reads sizes only (it runs at every change of the page): it cannot tell.
    assert not [g for g in check(dossier_ws, 2025, as_of=ISSUED) if g.lost is not None]
    target = tmp_path / "ho-so.pdf"
    with pytest.raises(AppError) as raised:
        build_dossier(dossier_ws, target, 2025, issued_on=ISSUED)
    assert str(raised.value) == (
        "Chưa lập được hồ sơ: 1 tệp minh chứng không còn trong thư mục dữ liệu hoặc đã bị "
        "hỏng:\n• “anh.jpg” (Minh chứng 1.2.1)\n" + WAY_BACK.format(them="tệp đó")
    )
    assert not target.exists()
