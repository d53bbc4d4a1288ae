"""A handover taken into an empty data folder (a new installation) holding two live chi đoàn of
one name once NFC and the roster's comparison (case, tones, spaces) are applied: refused, by the
core and by ``doancoso bundle import``, naming both names as the app would show them, and
nothing written."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from bundle_crafting import build, manifest_of, matching_manifest, members_of
from cli_run import cli
from data_state import data_state
from doancoso.core.errors import ImportFileError
from doancoso.core.workspace import Workspace

TYPED = unicodedata.normalize("NFD", "  chi đoàn  ấp  TÂN HƯNG ")
"""A second chi đoàn's name as a file made by hand holds it: decomposed, spaces doubled."""


def _message() -> str:
    return (
        "Tệp dữ liệu có dòng không hợp lệ ở bảng “Chi đoàn” (branches), dòng của chi đoàn "
        "“chi đoàn ấp TÂN HƯNG”: Đã có chi đoàn tên “Chi đoàn ấp Tân Hưng” (hãy đổi "
        "tên một trong hai chi đoàn trên máy đã tạo tệp rồi tạo lại tệp). Không có gì được ghi "
        "vào dữ liệu."
    )


@pytest.fixture
def handover(tmp_path: Path) -> tuple[Path, str]:
    """A clear handover of demo data whose chi đoàn after “Chi đoàn ấp Tân Hưng” is renamed
    :data:`TYPED`; the bundle and that chi đoàn's id."""
    home = tmp_path / "home"
    with Workspace.open(home) as ws:
        ws.generate_demo(members=12, seed=8)
        real = members_of(ws.bundles.export(tmp_path / "that.dcs", password=None).path)
    rows = [json.loads(line) for line in real["data/branches.jsonl"].splitlines()]
    first = next(i for i, r in enumerate(rows) if r["name"] == "Chi đoàn ấp Tân Hưng")
    renamed = rows[first + 1]
    renamed["name"] = TYPED
    members = dict(real)
    members["data/branches.jsonl"] = b"".join(
        json.dumps(row, ensure_ascii=False).encode() + b"\n" for row in rows
    )
    members["manifest.json"] = json.dumps(
        matching_manifest(members, manifest_of(real)), ensure_ascii=False
    ).encode()
    return build(tmp_path / "tay.dcs", members), str(renamed["id"])


def test_the_core_refuses_two_chi_doan_of_one_name_into_a_new_folder(
    tmp_path: Path, handover: tuple[Path, str]
) -> None:
    bundle, _ = handover
    with Workspace.open(tmp_path / "moi") as ws:
        before = data_state(ws.data_dir)
        with pytest.raises(ImportFileError) as shown:
            ws.bundles.preview(bundle, None)
        with pytest.raises(ImportFileError) as applied:
            ws.bundles.apply(bundle, None)
        assert data_state(ws.data_dir) == before
    assert shown.value.message == applied.value.message == _message()


def test_the_command_line_refuses_two_chi_doan_of_one_name_into_a_new_folder(
    tmp_path: Path, handover: tuple[Path, str]
) -> None:
    bundle, _ = handover
    folder = tmp_path / "moi"
    Workspace.open(folder).close()
    before = data_state(folder)
    for dry in ((), ("--dry-run",)):
        result = cli("bundle", "import", str(bundle), *dry, "--data-dir", str(folder))
        assert (result.code, result.out, result.err) == (1, "", f"Lỗi: {_message()}\n")
    assert data_state(folder) == before
