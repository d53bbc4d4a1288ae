"""Hostile and broken bundles of #17 ("Hostile and broken files") made from a real handover, each
with the exact Vietnamese message it is refused with, for the tests that give them to a real
installation (tests/core/bundle/test_hostile_imports.py: the core, the import wizard's steps and
the CLI; tests/ui/bundle/test_bundle_import_hostile.py: the import wizard itself).

:func:`make_sources` makes, once, the receiving installation (a handover of the organisation
taken earlier) and the organisation's newer bundles: 40 demo members and their records, three
evidence files the receiver lacks (an import stages those in its store as it verifies them, so a
refusal after that point must take them away again). Each :class:`Case` makes one bundle from
them, and may first prepare the receiver's copy (another organisation's row in it)."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bundle_crafting import build, manifest_of, matching_manifest, members_of
from bundle_sync import carry
from data_state import data_state
from doancoso.core.errors import ImportFileError
from doancoso.core.workspace import Workspace

PASSWORD = "Bàn giao tháng 12/2026"
NOTHING = "Không có gì được thay đổi."
NOT_OURS = f"Tệp đã bị sửa đổi hoặc không do doancoso tạo ra. {NOTHING}"
NOT_WRITTEN = "Không có gì được ghi vào dữ liệu."


@dataclass(frozen=True)
class Sources:
    """Made once for a test module: the receiving installation's folder (to be copied by each
    test), the organisation's real bundle (its members) and an encrypted one."""

    receiver: Path
    real: dict[str, bytes]
    encrypted: Path


def make_sources(root: Path) -> Sources:
    """The organisation (40 demo members) exported after its handover to the receiver and
    three evidence files more: the sources of every case."""
    with Workspace.open(root / "home") as home, Workspace.open(root / "receiver") as receiver:
        home.generate_demo(members=40, seed=3)
        carry(home, receiver)
        assert any((root / "receiver" / "evidence").iterdir())
        member_id = home.members.list()[0].id
        for i in range(3):  # new files since the last exchange: the receiver lacks them
            scan = root / f"scan-{i}.pdf"
            scan.write_bytes(b"%PDF-1.4\n" + bytes([i]) * 5000 + b"\n%%EOF\n")
            home.evidence.attach("members", member_id, scan, caption=f"Biên bản {i + 1}")
        clear = home.bundles.export(root / "that.dcs", password=None).path
        encrypted = home.bundles.export(root / "locked.dcs", password=PASSWORD).path
    real = members_of(clear)
    lacking = [
        name
        for name in real
        if name.startswith("evidence/")
        and not (root / "receiver" / "evidence" / name.removeprefix("evidence/")).exists()
    ]
    assert len(lacking) == 3
    return Sources(root / "receiver", real, encrypted)


@dataclass(frozen=True)
class Case:
    """A hostile bundle: made by ``make`` (given the module's sources, a folder for the file and
    the receiver's data folder, which it may prepare), opened with ``password``."""

    make: Callable[[Sources, Path, Path], tuple[Path, str]]
    password: str | None = None


def _lines(real: dict[str, bytes], table: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in real[f"data/{table}.jsonl"].splitlines()]


def _with_tables(real: dict[str, bytes], **tables: list[dict[str, Any]]) -> dict[str, bytes]:
    """``real`` with the rows of ``tables`` replaced (and a manifest that matches them: the
    hashes right, the rows wrong)."""
    members = dict(real)
    for table, rows in tables.items():
        members[f"data/{table}.jsonl"] = b"".join(
            json.dumps(row, ensure_ascii=False).encode() + b"\n" for row in rows
        )
    members["manifest.json"] = json.dumps(
        matching_manifest(members, manifest_of(real)), ensure_ascii=False
    ).encode()
    return members


def _last_evidence(real: dict[str, bytes]) -> str:
    return [name for name in real if name.startswith("evidence/")][-1]


def _rows_refused(table: str, label: str, row: dict[str, Any], what: str) -> str:
    """The refusal of a person's ``row``: named by full name, and birth date unless that is
    what is wrong with it."""
    where = f"dòng của {row['full_name']}"
    born = row["birth_date"]
    if "birth_date" not in what:
        where += (
            f" (sinh {born[0:4]})"
            if row["birth_precision"] == "year"
            else (f" (sinh {born[8:10]}/{born[5:7]}/{born[0:4]})")
        )
    return (
        f"Tệp dữ liệu có dòng không hợp lệ ở bảng “{label}” ({table}), {where}: {what}. "
        f"{NOT_WRITTEN}"
    )


def _dangerous(name: str) -> Callable[[Sources, Path, Path], tuple[Path, str]]:
    def make(src: Sources, folder: Path, _receiver: Path) -> tuple[Path, str]:
        bundle = build(folder / "b.dcs", {**src.real, name: b"x"})
        return bundle, f"Gói dữ liệu chứa mục có đường dẫn nguy hiểm (“{name}”). {NOT_OURS}"

    return make


def _symlink(src: Sources, folder: Path, _receiver: Path) -> tuple[Path, str]:
    name = _last_evidence(src.real)
    bundle = build(folder / "b.dcs", {**src.real, name: b"/etc/shadow"}, symlinks=(name,))
    return bundle, f"Gói dữ liệu chứa một liên kết (symlink) “{name}”. {NOT_OURS}"


def _duplicated(src: Sources, folder: Path, _receiver: Path) -> tuple[Path, str]:
    entries = [*src.real.items(), ("data/members.jsonl", b'{"id":"khac"}\n')]
    bundle = build(folder / "b.dcs", entries)
    return bundle, f"Gói dữ liệu chứa hai mục cùng tên “data/members.jsonl”. {NOT_OURS}"


def _unknown_member(src: Sources, folder: Path, _receiver: Path) -> tuple[Path, str]:
    name = f"evidence/{'a' * 64}"
    bundle = build(folder / "b.dcs", {**src.real, name: b"x"})
    return bundle, f"Gói dữ liệu có thêm tệp “{name}” không do doancoso ghi vào. {NOT_OURS}"


def _declared_size(src: Sources, folder: Path, _receiver: Path) -> tuple[Path, str]:
    name = _last_evidence(src.real)
    manifest = manifest_of(src.real)
    size = manifest["members"][name]["size"]
    manifest["members"][name]["size"] = size + 1
    bundle = build(folder / "b.dcs", src.real, manifest=manifest)
    return bundle, (
        f"Kích thước của mục “{name}” không khớp với danh mục (khai báo {size + 1} byte, trong "
        f"tệp {size} byte). {NOT_OURS}"
    )


def _bomb_by_ratio(src: Sources, folder: Path, _receiver: Path) -> tuple[Path, str]:
    rows = b'{"id":"x"}\n' * 1_000_000  # 11 MB that deflate makes about 20 KB
    members = {**src.real, "data/members.jsonl": rows}
    bundle = build(
        folder / "b.dcs", members, manifest=matching_manifest(members, manifest_of(src.real))
    )
    with zipfile.ZipFile(bundle) as archive:
        packed = archive.getinfo("data/members.jsonl").compress_size
    return bundle, (
        f"Mục “data/members.jsonl” có tỉ lệ nén bất thường ({len(rows)} byte nén còn {packed} "
        f"byte): có thể là tệp độc hại (“bom zip”). {NOT_OURS}"
    )


def _bomb_by_total(src: Sources, folder: Path, _receiver: Path) -> tuple[Path, str]:
    members = dict(src.real)
    for i in range(40):
        content = bytes([i]) * (1024 * 1024)  # 1 MiB each, a thousand times smaller packed
        members[f"evidence/{hashlib.sha256(content).hexdigest()}"] = content
    bundle = build(
        folder / "b.dcs", members, manifest=matching_manifest(members, manifest_of(src.real))
    )
    with zipfile.ZipFile(bundle) as archive:  # the manifest included
        declared = sum(info.file_size for info in archive.infolist())
    return bundle, (
        f"Gói dữ liệu khai báo {declared} byte dữ liệu, vượt giới hạn cho phép (có thể là "
        f"“bom zip”). {NOT_OURS}"
    )


def _hash_mismatch(src: Sources, folder: Path, _receiver: Path) -> tuple[Path, str]:
    """The last evidence file changed (same size), the manifest not: found once the files
    before it are staged in the store."""
    name = _last_evidence(src.real)
    changed = src.real[name][:-1] + bytes([src.real[name][-1] ^ 1])
    bundle = build(folder / "b.dcs", {**src.real, name: changed})
    return bundle, f"Mục “{name}” không khớp mã kiểm tra SHA-256: gói dữ liệu bị hỏng. {NOT_OURS}"


def _truncated(src: Sources, folder: Path, _receiver: Path) -> tuple[Path, str]:
    whole = build(folder / "whole.dcs", src.real).read_bytes()
    bundle = folder / "b.dcs"
    bundle.write_bytes(whole[: len(whole) - 30])
    return bundle, (
        "Gói dữ liệu bị cắt cụt hoặc hỏng (có thể do chép ra USB chưa xong): hãy chép lại tệp "
        f"hoặc xuất lại gói. {NOTHING}"
    )


def _newer_version(src: Sources, folder: Path, _receiver: Path) -> tuple[Path, str]:
    manifest = {**manifest_of(src.real), "version": 3, "something_new": {"x": 1}}
    bundle = build(folder / "b.dcs", src.real, manifest=manifest)
    return bundle, (
        "Gói dữ liệu được tạo bởi phiên bản doancoso mới hơn: hãy cập nhật ứng dụng. (Gói "
        "dùng định dạng phiên bản 3; phiên bản ứng dụng này đọc được đến phiên bản 2.) "
        f"{NOTHING}"
    )


def _spoiled_member(column: str, value: Any, what: str) -> Callable[..., tuple[Path, str]]:
    def make(src: Sources, folder: Path, _receiver: Path) -> tuple[Path, str]:
        rows = _lines(src.real, "members")
        rows[5][column] = value
        bundle = build(folder / "b.dcs", _with_tables(src.real, members=rows))
        return bundle, _rows_refused("members", "Đoàn viên", rows[5], what)

    return make


def _id_of_another_table(src: Sources, folder: Path, _receiver: Path) -> tuple[Path, str]:
    """A new member whose id is a branch's, that branch left out of the bundle (the receiver
    holds it)."""
    members, branches = _lines(src.real, "members"), _lines(src.real, "branches")
    branch_id = branches.pop(0)["id"]
    new = dict(members[0], id=branch_id, national_id=None, member_code=None)
    members.append(new)
    bundle = build(folder / "b.dcs", _with_tables(src.real, members=members, branches=branches))
    return bundle, _rows_refused(
        "members", "Đoàn viên", new, "mã dòng trùng với một dòng của bảng “Chi đoàn”"
    )


def _id_of_another_organisation(src: Sources, folder: Path, receiver: Path) -> tuple[Path, str]:
    """The receiver holds a second organisation (as a superior body's database does) that owns
    a row of the bundle's id."""
    from sqlalchemy import insert

    from doancoso.core.storage.models import Organization, Youth

    young = _lines(src.real, "youths")[0]
    foreign = young["id"]
    with Workspace.open(receiver) as ws, ws.db.transaction() as session:
        session.execute(
            insert(Organization),
            [{"id": "org-khac", "name": "Đoàn phường 1", "superior_name": "Thành đoàn"}],
        )
        table = Youth.__table__
        session.execute(
            table.update().where(table.c.id == foreign).values(organization_id="org-khac")  # type: ignore[attr-defined]
        )
    bundle = build(folder / "b.dcs", src.real)
    return bundle, _rows_refused(
        "youths", "Thanh niên", young, "mã dòng trùng với một dòng của một Đoàn cơ sở khác"
    )


def _encrypted(src: Sources, folder: Path, _receiver: Path) -> tuple[Path, str]:
    bundle = folder / "b.dcs"
    shutil.copyfile(src.encrypted, bundle)
    return bundle, (
        "Mật khẩu không đúng: không mở được gói dữ liệu này. Mật khẩu phân biệt chữ hoa, chữ "
        f"thường và dấu; hãy hỏi lại người đã xuất gói. {NOTHING}"
    )


def _flipped_byte(src: Sources, folder: Path, _receiver: Path) -> tuple[Path, str]:
    data = bytearray(src.encrypted.read_bytes())
    data[len(data) // 2] ^= 0x40
    bundle = folder / "b.dcs"
    bundle.write_bytes(bytes(data))
    chunk = (len(data) // 2 - 75) // (64 * 1024 + 16) + 1
    return bundle, (
        f"Gói dữ liệu bị hỏng hoặc đã bị sửa đổi (đoạn thứ {chunk} của tệp không còn như lúc "
        "xuất): hãy chép lại tệp từ USB, hoặc nhờ người gửi xuất lại gói. Không có gì được "
        "thay đổi."
    )


CASES: dict[str, Case] = {
    "dot-dot": Case(_dangerous("../thoat-ra.txt")),
    "dot-dot-inside": Case(_dangerous("data/../../members.jsonl")),
    "absolute": Case(_dangerous("/etc/passwd")),
    "absolute-windows": Case(_dangerous("C:\\x.dll")),
    "symlink": Case(_symlink),
    "duplicated-name": Case(_duplicated),
    "unknown-member": Case(_unknown_member),
    "declared-size": Case(_declared_size),
    "zip-bomb-ratio": Case(_bomb_by_ratio),
    "zip-bomb-total": Case(_bomb_by_total),
    "hash-mismatch": Case(_hash_mismatch),
    "truncated": Case(_truncated),
    "newer-version": Case(_newer_version),
    "unknown-column": Case(
        _spoiled_member(
            "luong", 5_000_000,
            "cột “luong” không có trong bảng này (gói có thể được tạo bởi phiên bản doancoso "
            "mới hơn: hãy cập nhật ứng dụng)",
        )
    ),
    "wrong-type-date": Case(
        _spoiled_member(
            "birth_date", "05/03/2001",
            "cột “birth_date” phải là ngày (yyyy-mm-dd), không phải '05/03/2001'",
        )
    ),
    "wrong-type-number": Case(
        _spoiled_member("revision", "2", "cột “revision” phải là số nguyên, không phải '2'")
    ),
    "id-of-another-table": Case(_id_of_another_table),
    "id-of-another-organisation": Case(_id_of_another_organisation),
    "wrong-password": Case(_encrypted, password="Bàn giao tháng 11/2026"),
    "flipped-byte": Case(_flipped_byte, password=PASSWORD),
}  # fmt: skip


def prepared(sources: Sources, tmp_path: Path, case: str) -> tuple[Path, Path, str]:
    """A copy of the receiving installation under ``tmp_path`` and the bundle of ``case`` on a
    stick beside it: the receiver, the bundle and the exact message it is refused with."""
    receiver = tmp_path / "receiver"
    shutil.copytree(sources.receiver, receiver)
    stick = tmp_path / "usb"
    stick.mkdir()
    bundle, message = CASES[case].make(sources, stick, receiver)
    return receiver, bundle, message


def spoiled(
    sources: Sources, tmp_path: Path, table: str, change: dict[str, Any]
) -> tuple[Path, Path]:
    """A copy of the receiving installation under ``tmp_path`` and, on a stick beside it, the
    organisation's bundle with ``change`` made to the first row of ``table`` (its manifest
    matching): the receiver and the bundle."""
    receiver = tmp_path / "receiver"
    shutil.copytree(sources.receiver, receiver)
    stick = tmp_path / "usb"
    stick.mkdir()
    rows = _lines(sources.real, table)
    rows[0].update(change)
    return receiver, build(stick / "b.dcs", _with_tables(sources.real, **{table: rows}))


def refused_both_ways(receiver: Path, bundle: Path) -> str:
    """The message ``bundle`` is refused with, the same by the dry run and by the import, the
    installation ``receiver`` checked unchanged and nothing left in its work folder."""
    before = data_state(receiver)
    messages = []
    with Workspace.open(receiver) as ws:
        for attempt in (ws.bundles.preview, ws.bundles.apply):
            with pytest.raises(ImportFileError) as error:
                attempt(bundle, None)
            messages.append(error.value.message)
    assert messages[0] == messages[1]
    assert data_state(receiver) == before
    assert no_leftovers(receiver)
    return messages[0]


def no_leftovers(receiver: Path) -> bool:
    """Whether the import left nothing in the receiver's bundle work folder."""
    leftovers = receiver / ".goi-tam"
    return not leftovers.exists() or list(leftovers.iterdir()) == []
