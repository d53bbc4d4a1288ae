"""The built dossier in the report bundle (#17, "Export": "report … and the built dossier PDF if
there is one"): the last dossier built of the year travels as the member ``dossier.pdf``,
hashed and described by the manifest (format version 2, only then); the receiver saves it
byte for byte; a dossier changed, missing, or described wrongly is refused like any member."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import pytest

from breakage import snapshot
from bundle_crafting import build, manifest_of, matching_manifest, members_of
from bundle_sync import DEMO_DAY
from doancoso.core.bundle.container import hold_bundle, open_bundle, read_manifest
from doancoso.core.bundle.errors import BundleError
from doancoso.core.dossier.stored import built_dossier, included_text, keep_built
from doancoso.core.workspace import Workspace
from dossier_data import evidence_pdf

PASSWORD = "Báo cáo Tỉnh đoàn 2026"
YEAR = DEMO_DAY.year  # the demo's year
NOTHING = "Không có gì được thay đổi."


def _malformed(detail: str) -> str:
    return (
        f"Danh mục của gói dữ liệu (manifest.json) không hợp lệ: {detail}. Tệp đã bị sửa đổi "
        f"hoặc không do doancoso tạo ra. {NOTHING}"
    )


@pytest.fixture
def built(home: Workspace, tmp_path: Path) -> Path:
    """A dossier of the demo's year, kept as a build keeps it, built at 14:30 on 1 December."""
    pdf = evidence_pdf(tmp_path / "ho-so-da-tao.pdf", pages=2)
    kept = keep_built(home.data_dir, YEAR, pdf)
    assert kept is not None and kept.path.read_bytes() == pdf.read_bytes()
    moment = dt.datetime(YEAR, 12, 1, 14, 30).timestamp()
    os.utime(kept.path, (moment, moment))
    return pdf


def test_a_report_bundle_carries_the_years_dossier_and_the_receiver_saves_it(
    home: Workspace, built: Path, tmp_path: Path
) -> None:
    kept = home.bundles.dossier(YEAR)
    assert kept is not None and kept.size == built.stat().st_size
    assert included_text(YEAR, kept) == (
        f"Kèm hồ sơ đề nghị công nhận năm {YEAR} (tạo lúc 01/12/{YEAR} 14:30), bản gần nhất "
        "có đủ các phần mặc định."
    )
    result = home.bundles.export(tmp_path / "bao-cao.dcs", kind="report", year=YEAR,
                                 password=PASSWORD)  # fmt: skip
    sha256 = hashlib.sha256(built.read_bytes()).hexdigest()
    built_at = dt.datetime(YEAR, 12, 1, 14, 30).astimezone().isoformat()
    expected = {"year": YEAR, "file_name": f"ho-so-nam-{YEAR}.pdf", "built_at": built_at,
                "size": built.stat().st_size, "sha256": sha256}  # fmt: skip
    assert result.info.version == 2
    assert result.info.to_json()["dossier"] == expected
    assert result.info.manifest.members["dossier.pdf"].sha256 == sha256

    receiver = Workspace.open(tmp_path / "tinh-doan")  # any data folder: nothing is written
    try:
        info = receiver.bundles.inspect(result.path, PASSWORD)
        assert info.to_json()["dossier"] == expected
        saved = receiver.bundles.save_dossier(result.path, PASSWORD, tmp_path / "nhan.pdf")
        assert saved.to_json() == expected
        assert (tmp_path / "nhan.pdf").read_bytes() == built.read_bytes()
        held = receiver.bundles.hold(result.path, PASSWORD)
        try:
            receiver.bundles.save_dossier(held, None, tmp_path / "nhan-2.pdf")
        finally:
            held.release()
        assert (tmp_path / "nhan-2.pdf").read_bytes() == built.read_bytes()
        assert not (receiver.data_dir / "ho-so").exists()
    finally:
        receiver.close()
    # the same organisation's other copy imports it: the rows; the dossier stays in the bundle
    clear = home.bundles.export(tmp_path / "bao-cao-ro.dcs", kind="report", year=YEAR,
                                password=None)  # fmt: skip
    assert members_of(clear.path)["dossier.pdf"] == built.read_bytes()
    before = sorted(p.name for p in (home.data_dir / "ho-so").iterdir())
    assert home.bundles.apply(clear.path, None).applied
    assert sorted(p.name for p in (home.data_dir / "ho-so").iterdir()) == before


def test_without_a_dossier_built_a_bundle_stays_of_version_1(
    home: Workspace, built: Path, tmp_path: Path
) -> None:
    other_year = YEAR - 1
    assert home.bundles.dossier(other_year) is None
    assert included_text(other_year, None) == (
        f"Chưa tạo hồ sơ năm {other_year} có đủ các phần mặc định: gói báo cáo sẽ không kèm hồ sơ."
    )
    report = home.bundles.export(tmp_path / "a.dcs", kind="report", year=other_year,
                                 password=None)  # fmt: skip
    handover = home.bundles.export(tmp_path / "b.dcs", password=None)  # a report's only
    for result in (report, handover):
        assert result.info.version == 1 and result.info.to_json()["dossier"] is None
        assert "dossier.pdf" not in members_of(result.path)
        assert "dossier" not in manifest_of(members_of(result.path))
    with pytest.raises(BundleError) as error:
        home.bundles.save_dossier(report.path, None, tmp_path / "x.pdf")
    assert error.value.message == "Gói dữ liệu này không kèm hồ sơ đề nghị công nhận."
    assert not (tmp_path / "x.pdf").exists()


def test_a_read_only_or_failing_data_folder_keeps_no_dossier(tmp_path: Path) -> None:
    pdf = evidence_pdf(tmp_path / "a.pdf", pages=1)
    blocked = tmp_path / "du-lieu"
    blocked.mkdir()
    (blocked / "ho-so").write_text("not a folder")  # the folder cannot be made
    assert keep_built(blocked, 2026, pdf) is None
    assert built_dossier(blocked, 2026) is None
    assert (blocked / "ho-so").read_text() == "not a folder"


@pytest.fixture
def carried(home: Workspace, built: Path, tmp_path: Path) -> dict[str, bytes]:
    bundle = home.bundles.export(tmp_path / "ro.dcs", kind="report", year=YEAR, password=None)
    return members_of(bundle.path)


def _refused(tmp_path: Path, bundle: Path) -> str:
    """The message opening ``bundle`` gives, the same held; nothing written to the folder."""
    work = tmp_path / "tam"
    work.mkdir(exist_ok=True)
    before = snapshot(tmp_path / "home")
    with pytest.raises(BundleError) as error, open_bundle(bundle, None, workdir=work):
        pass
    try:
        held = hold_bundle(bundle, None, workdir=work)
    except BundleError as exc:
        assert exc.message == error.value.message
    else:
        held.release()
        with pytest.raises(BundleError) as again, open_bundle(held, None, workdir=work):
            pass
        assert again.value.message == error.value.message
    assert list(work.iterdir()) == [] and snapshot(tmp_path / "home") == before
    return error.value.message


def test_a_changed_dossier_is_refused_and_never_saved(
    carried: dict[str, bytes], tmp_path: Path, home: Workspace
) -> None:
    changed = dict(carried)
    data = bytearray(changed["dossier.pdf"])
    data[len(data) // 2] ^= 1
    changed["dossier.pdf"] = bytes(data)
    bundle = build(tmp_path / "sua.dcs", changed)  # the manifest as it was
    assert _refused(tmp_path, bundle) == (
        "Mục “dossier.pdf” không khớp mã kiểm tra SHA-256: gói dữ liệu bị hỏng. Tệp đã bị sửa "
        f"đổi hoặc không do doancoso tạo ra. {NOTHING}"
    )
    with pytest.raises(BundleError):
        home.bundles.save_dossier(bundle, None, tmp_path / "nhan.pdf")
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf") == ["ho-so-da-tao.pdf"]


@pytest.mark.parametrize(
    ("change", "detail"),
    [
        ("no_field", "hồ sơ đề nghị công nhận kèm theo không khớp với các mục trong gói"),
        ("no_member", "hồ sơ đề nghị công nhận kèm theo không khớp với các mục trong gói"),
        ("version_1", "gói phiên bản 1 không kèm hồ sơ đề nghị công nhận"),
        ("other_year", "hồ sơ kèm theo không phải của năm báo cáo"),
        ("path_name", "tên tệp hồ sơ kèm theo không hợp lệ"),
        ("other_hash", "mã kiểm tra hoặc kích thước của hồ sơ kèm theo không khớp"),
        ("bad_time", "thời điểm tạo hồ sơ kèm theo không hợp lệ"),
    ],
)
def test_a_dossier_described_wrongly_is_refused(
    carried: dict[str, bytes], tmp_path: Path, change: str, detail: str
) -> None:
    members = dict(carried)
    manifest = manifest_of(members)
    dossier = dict(manifest["dossier"])
    if change == "no_member":
        del members["dossier.pdf"]
    manifest = matching_manifest(members, manifest)
    if change == "no_field":
        del manifest["dossier"]
    elif change == "version_1":
        manifest["version"] = 1
    elif change == "other_year":
        manifest["dossier"] = {**dossier, "year": YEAR - 1}
    elif change == "path_name":
        manifest["dossier"] = {**dossier, "file_name": "../../ho-so.pdf"}
    elif change == "other_hash":
        manifest["dossier"] = {**dossier, "sha256": "0" * 64}
    elif change == "bad_time":
        manifest["dossier"] = {**dossier, "built_at": "hôm qua"}
    bundle = build(tmp_path / "sai.dcs", members, manifest=manifest)
    assert _refused(tmp_path, bundle) == _malformed(detail)
    with pytest.raises(BundleError):
        read_manifest(bundle, None)


def test_a_dossier_that_is_not_a_pdf_is_not_saved(
    carried: dict[str, bytes], tmp_path: Path, home: Workspace
) -> None:
    members = {**carried, "dossier.pdf": b"MZ\x90\x00 not a pdf at all"}
    manifest = matching_manifest(members, manifest_of(carried))
    manifest["dossier"] = {**manifest["dossier"], **manifest["members"]["dossier.pdf"]}
    bundle = build(tmp_path / "exe.dcs", members, manifest=manifest)
    with pytest.raises(BundleError) as error:
        home.bundles.save_dossier(bundle, None, tmp_path / "nhan.pdf")
    assert error.value.message == (
        "Hồ sơ kèm theo gói dữ liệu không phải tệp PDF: tệp đã bị sửa đổi hoặc không do "
        "doancoso tạo ra. Không có tệp nào được ghi."
    )
    assert not (tmp_path / "nhan.pdf").exists()
    assert [p.name for p in tmp_path.iterdir() if "nhan" in p.name] == []
