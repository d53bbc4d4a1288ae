"""Which build of a year's dossier is kept for the report bundle (#17): only one with every
default part (a part chosen but left out for having nothing to show still counts). A build of
only some parts leaves the kept file byte for byte as it was, so the superior body never
receives an incomplete dossier, and says what the bundle carries instead."""

from __future__ import annotations

import os
from pathlib import Path

from pypdf import PdfReader

from bundle_crafting import members_of
from doancoso.core.dossier.check import DEFAULT_PARTS
from doancoso.core.dossier.stored import included_text, partial_text
from doancoso.core.lang.dates import format_vn_datetime
from doancoso.core.workspace import Workspace
from doancoso.reports.dossier.build import build_dossier
from dossier_data import ISSUED

YEAR = ISSUED.year
KEPT = Path("ho-so") / f"ho-so-nam-{YEAR}.pdf"
SOME = ["to-trinh", "bao-cao", "bang"]


def test_a_whole_build_is_kept_and_a_partial_one_after_it_changes_nothing(
    ws: Workspace, tmp_path: Path
) -> None:
    # a member: the whole dossier lists them, beyond the SOME parts
    ws.members.save({"full_name": "Nguyễn Thị An", "birth_date": "01/01/2000",
                     "status": "active"})  # fmt: skip
    whole = build_dossier(ws, tmp_path / "du.pdf", YEAR, issued_on=ISSUED)
    kept = ws.data_dir / KEPT
    # No evidence file yet: the annex is left out, and the dossier is still whole.
    assert ("Phụ lục minh chứng", "Chưa có tệp minh chứng nào.") in whole.omitted
    assert "minh-chung" not in whole.parts
    assert whole.whole and whole.missing == () and whole.kept_before is None
    assert whole.kept is not None and whole.kept.path == kept
    full = kept.read_bytes()
    assert full == (tmp_path / "du.pdf").read_bytes()
    moment = os.stat(kept).st_mtime_ns

    # The default parts in another order, an optional one added: whole too, kept.
    reordered = ["thong-ke", *reversed(DEFAULT_PARTS)]
    again = build_dossier(ws, tmp_path / "du-2.pdf", YEAR, reordered, issued_on=ISSUED)
    assert again.whole and again.kept is not None
    assert kept.read_bytes() == (tmp_path / "du-2.pdf").read_bytes() != full
    full, moment = kept.read_bytes(), os.stat(kept).st_mtime_ns

    partial = build_dossier(ws, tmp_path / "mot-phan.pdf", YEAR, SOME, issued_on=ISSUED)
    assert not partial.whole and partial.kept is None
    assert partial.missing == tuple(p for p in DEFAULT_PARTS if p not in SOME)
    assert len(PdfReader(tmp_path / "mot-phan.pdf").pages) < len(PdfReader(kept).pages)
    assert kept.read_bytes() == full and os.stat(kept).st_mtime_ns == moment
    assert sorted(p.name for p in kept.parent.iterdir()) == [KEPT.name]
    assert partial.kept_before is not None and partial.kept_before.path == kept
    when = format_vn_datetime(partial.kept_before.built_at)
    assert partial_text(YEAR, partial.missing, partial.kept_before) == (
        f"Hồ sơ này thiếu {len(DEFAULT_PARTS) - 3} phần mặc định nên không được lưu để kèm gói "
        f"báo cáo năm {YEAR}: gói báo cáo vẫn kèm hồ sơ đủ các phần tạo lúc {when}."
    )

    # The report bundle carries the whole dossier, page for page.
    carried = ws.bundles.dossier(YEAR)
    assert included_text(YEAR, carried) == (
        f"Kèm hồ sơ đề nghị công nhận năm {YEAR} (tạo lúc {when}), bản gần nhất có đủ các phần "
        "mặc định."
    )
    bundle = ws.bundles.export(tmp_path / "bao-cao.dcs", kind="report", year=YEAR, password=None)
    assert bundle.info.version == 2
    assert members_of(bundle.path)["dossier.pdf"] == full
    saved = ws.bundles.save_dossier(bundle.path, None, tmp_path / "nhan.pdf")
    assert saved.size == len(full)
    assert len(PdfReader(tmp_path / "nhan.pdf").pages) == len(
        PdfReader(tmp_path / "du-2.pdf").pages
    )


def test_a_partial_build_with_none_kept_keeps_nothing(ws: Workspace, tmp_path: Path) -> None:
    partial = build_dossier(ws, tmp_path / "mot-phan.pdf", YEAR, ["to-trinh"], issued_on=ISSUED)
    assert (tmp_path / "mot-phan.pdf").is_file()
    assert partial.kept is None and partial.kept_before is None
    assert not (ws.data_dir / "ho-so").exists()
    assert partial_text(YEAR, partial.missing, None) == (
        f"Hồ sơ này thiếu {len(DEFAULT_PARTS) - 1} phần mặc định nên không được lưu để kèm gói "
        f"báo cáo năm {YEAR}: gói báo cáo sẽ không kèm hồ sơ cho đến khi tạo hồ sơ đủ các phần "
        "mặc định."
    )
    assert ws.bundles.dossier(YEAR) is None
    assert included_text(YEAR, None) == (
        f"Chưa tạo hồ sơ năm {YEAR} có đủ các phần mặc định: gói báo cáo sẽ không kèm hồ sơ."
    )
    bundle = ws.bundles.export(tmp_path / "bao-cao.dcs", kind="report", year=YEAR, password=None)
    assert bundle.info.version == 1 and "dossier.pdf" not in members_of(bundle.path)
