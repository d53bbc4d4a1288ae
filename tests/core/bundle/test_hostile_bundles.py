"""Hostile and broken bundles (#17, "Hostile and broken files"): each is refused with its
Vietnamese message before any row or file is handed out; nothing is written anywhere (the
temporary folder stays empty, the bundle itself unchanged) and no path of the archive is used.
The same cases given to a real installation, its data and evidence store compared before and
after: test_hostile_imports.py (and the import wizard's, tests/ui/bundle)."""

from __future__ import annotations

import hashlib
import json
import random
import struct
import zipfile
from pathlib import Path
from typing import Any

import pytest
from bundle_sources import DictSource, member, sample_source

from bundle_crafting import build, central_entry, manifest_of, matching_manifest, members_of
from doancoso.core.bundle.container import (
    hold_bundle,
    open_bundle,
    read_manifest,
    write_bundle,
)
from doancoso.core.bundle.crypto import INCOMPLETE
from doancoso.core.bundle.errors import BundleError, NewerFormat, WrongPassword
from doancoso.core.bundle.limits import CHUNK_SIZE
from doancoso.core.bundle.reader import NOT_OURS, TRUNCATED

NOTHING = "Không có gì được thay đổi."


@pytest.fixture
def real(tmp_path: Path) -> dict[str, bytes]:
    source = sample_source(tmp_path / "kho")
    bundle = write_bundle(tmp_path / "that.dcs", source, password=None).path
    return members_of(bundle)


def refused(tmp_path: Path, bundle: Path, password: str | None = None) -> BundleError:
    """The error opening ``bundle`` gives, once it is checked that nothing was written and that
    the import wizard's way (the file held at its first step, then opened from what was held)
    refuses it with the same message, at the first step or the next."""
    work = tmp_path / "tam"
    work.mkdir(exist_ok=True)
    before = bundle.read_bytes()
    with pytest.raises(BundleError) as error, open_bundle(bundle, password, workdir=work):
        pass
    try:
        held = hold_bundle(bundle, password, workdir=work)
    except BundleError as exc:
        assert (type(exc), exc.message) == (type(error.value), error.value.message)
    else:
        try:
            with pytest.raises(BundleError) as again, open_bundle(held, password, workdir=work):
                pass
        finally:
            held.release()
        assert (type(again.value), again.value.message) == (
            type(error.value), error.value.message
        )  # fmt: skip
    assert list(work.iterdir()) == []
    assert bundle.read_bytes() == before
    return error.value


def _evidence_name(members: dict[str, bytes]) -> str:
    return next(name for name in members if name.startswith("evidence/"))


@pytest.mark.parametrize(
    "name",
    ["../thoat-ra.txt", "data/../../members.jsonl", "/etc/passwd", "\\Windows\\x", "C:\\x.dll"],
)
def test_dangerous_member_names(tmp_path: Path, real: dict[str, bytes], name: str) -> None:
    bundle = build(tmp_path / "b.dcs", {**real, name: b"x"})
    error = refused(tmp_path, bundle)
    assert error.message == f"Gói dữ liệu chứa mục có đường dẫn nguy hiểm (“{name}”). {NOT_OURS}"
    assert not (tmp_path / "thoat-ra.txt").exists()


def test_symlink_entry(tmp_path: Path, real: dict[str, bytes]) -> None:
    name = _evidence_name(real)
    bundle = build(tmp_path / "b.dcs", {**real, name: b"/etc/shadow"}, symlinks=(name,))
    assert refused(tmp_path, bundle).message == (
        f"Gói dữ liệu chứa một liên kết (symlink) “{name}”. {NOT_OURS}"
    )


def test_duplicated_name(tmp_path: Path, real: dict[str, bytes]) -> None:
    entries = [*real.items(), ("data/members.jsonl", b'{"id":"khac"}\n')]
    bundle = build(tmp_path / "b.dcs", entries)
    assert refused(tmp_path, bundle).message == (
        f"Gói dữ liệu chứa hai mục cùng tên “data/members.jsonl”. {NOT_OURS}"
    )


@pytest.mark.parametrize(
    "name",
    ["readme.txt", "data/Members.jsonl", "evidence/abc", f"evidence/{'a' * 64}"],
    ids=["readme", "wrong-case", "short-hash", "well-formed"],
)
def test_a_file_added_to_a_real_bundle(tmp_path: Path, real: dict[str, bytes], name: str) -> None:
    """A doancoso bundle with one more file in it (added after the export): said in plain
    words, whether the name looks like a bundle's own or not."""
    bundle = build(tmp_path / "b.dcs", {**real, name: b"x"})
    assert refused(tmp_path, bundle).message == (
        f"Gói dữ liệu có thêm tệp “{name}” không do doancoso ghi vào. {NOT_OURS}"
    )


def test_a_folder_added_to_a_real_bundle(tmp_path: Path, real: dict[str, bytes]) -> None:
    bundle = build(tmp_path / "b.dcs", {**real, "anh/": b""})
    assert refused(tmp_path, bundle).message == (
        f"Gói dữ liệu có thêm thư mục “anh/” không do doancoso ghi vào. {NOT_OURS}"
    )


def test_a_zip_that_is_no_bundle_reads_as_any_other_file(tmp_path: Path) -> None:
    """Another program's ZIP renamed .dcs (no doancoso manifest) gets the message of a random
    file, never words about its members."""
    bundle = tmp_path / "tai-lieu.dcs"
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.writestr("a.txt", "Danh sách đoàn viên")
        archive.writestr("anh/", "")
    assert refused(tmp_path, bundle).message == (
        f"Tệp “tai-lieu.dcs” không phải là gói dữ liệu doancoso (.dcs). {NOTHING}"
    )


def test_member_of_the_manifest_missing(tmp_path: Path, real: dict[str, bytes]) -> None:
    name = _evidence_name(real)
    bundle = build(tmp_path / "b.dcs", {n: d for n, d in real.items() if n != name})
    assert refused(tmp_path, bundle).message == (
        f"Gói dữ liệu thiếu mục “{name}” có trong danh mục. {NOT_OURS}"
    )


def test_declared_size_differs_from_the_real_one(tmp_path: Path, real: dict[str, bytes]) -> None:
    manifest = manifest_of(real)
    size = manifest["members"]["data/members.jsonl"]["size"]
    manifest["members"]["data/members.jsonl"]["size"] = size + 1
    bundle = build(tmp_path / "b.dcs", real, manifest=manifest)
    assert refused(tmp_path, bundle).message == (
        "Kích thước của mục “data/members.jsonl” không khớp với danh mục (khai báo "
        f"{size + 1} byte, trong tệp {size} byte). {NOT_OURS}"
    )


def test_directory_size_differs_from_the_data(tmp_path: Path, real: dict[str, bytes]) -> None:
    """The ZIP's own directory lies about a stored member's size (and the manifest agrees with
    the lie): the data run out before the declared size."""
    name = _evidence_name(real)
    manifest = manifest_of(real)
    manifest["members"][name]["size"] += 100
    bundle = build(tmp_path / "b.dcs", real, manifest=manifest, stored=True)
    data = bytearray(bundle.read_bytes())
    at = central_entry(bytes(data), name)
    (size,) = struct.unpack("<I", data[at + 24 : at + 28])
    data[at + 24 : at + 28] = struct.pack("<I", size + 100)
    bundle.write_bytes(bytes(data))
    assert refused(tmp_path, bundle).message == (
        f"Kích thước thực của mục “{name}” ({size} byte) khác với danh mục ({size + 100} byte). "
        f"{NOT_OURS}"
    )


def test_zip_bomb_by_ratio(tmp_path: Path, real: dict[str, bytes]) -> None:
    rows = b'{"id":"x"}\n' * 1_000_000  # 11 MB that deflate makes about 20 KB
    members = {**real, "data/members.jsonl": rows}
    bundle = build(
        tmp_path / "b.dcs", members, manifest=matching_manifest(members, manifest_of(real))
    )
    message = refused(tmp_path, bundle).message
    assert message.startswith(f"Mục “data/members.jsonl” có tỉ lệ nén bất thường ({len(rows)} byte")
    assert message.endswith(f"có thể là tệp độc hại (“bom zip”). {NOT_OURS}")


def test_zip_bomb_by_total_size(tmp_path: Path, real: dict[str, bytes]) -> None:
    """Many members each under the ratio's threshold, together far more than the file."""
    members = dict(real)
    for i in range(40):
        content = bytes([i]) * (1024 * 1024)  # 1 MiB each, a thousand times smaller packed
        members[f"evidence/{hashlib.sha256(content).hexdigest()}"] = content
    bundle = build(
        tmp_path / "b.dcs", members, manifest=matching_manifest(members, manifest_of(real))
    )
    message = refused(tmp_path, bundle).message
    assert message.startswith("Gói dữ liệu khai báo ")
    assert message.endswith(f"vượt giới hạn cho phép (có thể là “bom zip”). {NOT_OURS}")


def test_hash_mismatch(tmp_path: Path, real: dict[str, bytes]) -> None:
    changed = real["data/members.jsonl"].replace(b"Nguy\xe1\xbb\x85n", b"Nguy\xe1\xbb\x87n", 1)
    assert changed != real["data/members.jsonl"] and len(changed) == len(real["data/members.jsonl"])
    bundle = build(tmp_path / "b.dcs", {**real, "data/members.jsonl": changed})
    assert refused(tmp_path, bundle).message == (
        f"Mục “data/members.jsonl” không khớp mã kiểm tra SHA-256: gói dữ liệu bị hỏng. {NOT_OURS}"
    )


def test_evidence_whose_content_is_not_its_name(tmp_path: Path, real: dict[str, bytes]) -> None:
    name = _evidence_name(real)
    other = {**real, name: real[name][:-1] + b"!"}
    manifest = matching_manifest(other, manifest_of(real))  # the manifest hashes the new bytes
    bundle = build(tmp_path / "b.dcs", other, manifest=manifest)
    assert refused(tmp_path, bundle).message == (
        "Danh mục của gói dữ liệu (manifest.json) không hợp lệ: tệp minh chứng "
        f"“{name}” không mang tên theo mã của nó. Tệp đã bị sửa đổi hoặc không do doancoso tạo "
        f"ra. {NOTHING}"
    )


def test_truncated_files(tmp_path: Path, real: dict[str, bytes]) -> None:
    whole = build(tmp_path / "whole.dcs", real).read_bytes()
    for cut in (len(whole) - 1, len(whole) - 30, len(whole) // 2, 100, 3):
        bundle = tmp_path / f"cut-{cut}.dcs"
        bundle.write_bytes(whole[:cut])
        assert refused(tmp_path, bundle).message == TRUNCATED, cut


def test_not_a_bundle_and_empty_file(tmp_path: Path) -> None:
    text = tmp_path / "danh-sach.dcs"
    text.write_text("Họ và tên;Ngày sinh\n", encoding="utf-8")
    assert refused(tmp_path, text).message == (
        f"Tệp “danh-sach.dcs” không phải là gói dữ liệu doancoso (.dcs). {NOTHING}"
    )
    empty = tmp_path / "rong.dcs"
    empty.write_bytes(b"")
    assert refused(tmp_path, empty).message == (
        f"Tệp “rong.dcs” rỗng (0 byte): có thể việc chép ra USB chưa xong. {NOTHING}"
    )
    missing = tmp_path / "khong-co.dcs"
    with pytest.raises(BundleError) as error:
        read_manifest(missing, None)
    assert error.value.message == (
        f"Không mở được gói dữ liệu “{missing}”: đường dẫn không tồn tại. {NOTHING}"
    )


def test_newer_format_version(tmp_path: Path, real: dict[str, bytes]) -> None:
    manifest = {**manifest_of(real), "version": 3, "something_new": {"x": 1}}
    bundle = build(tmp_path / "b.dcs", real, manifest=manifest)
    error = refused(tmp_path, bundle)
    assert isinstance(error, NewerFormat)
    assert error.message == (
        "Gói dữ liệu được tạo bởi phiên bản doancoso mới hơn: hãy cập nhật ứng dụng. (Gói "
        "dùng định dạng phiên bản 3; phiên bản ứng dụng này đọc được đến phiên bản 2.) "
        f"{NOTHING}"
    )


def _malformed(detail: str) -> str:
    return (
        f"Danh mục của gói dữ liệu (manifest.json) không hợp lệ: {detail}. Tệp đã bị sửa đổi "
        f"hoặc không do doancoso tạo ra. {NOTHING}"
    )


def _manifest_bytes(real: dict[str, bytes], change: Any) -> bytes:
    manifest = manifest_of(real)
    change(manifest)
    return json.dumps(manifest).encode()


MALFORMED: list[tuple[str, Any, str]] = [
    ("not JSON", lambda r: b'{"format": "doancoso-bundle",', "không phải JSON đúng cú pháp"),
    ("a list", lambda r: b"[1, 2]", "không phải một đối tượng JSON"),
    ("NaN", lambda r: r["manifest.json"].replace(b'"year": null', b'"year": NaN'),
     "không phải JSON đúng cú pháp"),
    ("a duplicated key", lambda r: r["manifest.json"].replace(b"{", b'{"kind": "report", ', 1),
     "không phải JSON đúng cú pháp"),
    ("not UTF-8", lambda r: r["manifest.json"].replace("Đoàn".encode(), b"\xc4", 1),
     "không phải JSON đúng cú pháp"),
    ("deep nesting", lambda r: b"[" * 100_000 + b"]" * 100_000, "không phải JSON đúng cú pháp"),
    ("version as text", lambda r: _manifest_bytes(r, lambda m: m.update(version="1")),
     "phiên bản định dạng không hợp lệ"),
    ("unknown kind", lambda r: _manifest_bytes(r, lambda m: m.update(kind="backup")),
     "loại gói không phải “handover” hay “report”"),
    ("no organisation", lambda r: _manifest_bytes(r, lambda m: m.pop("organization")),
     "thiếu tổ chức Đoàn"),
    ("empty organisation name",
     lambda r: _manifest_bytes(r, lambda m: m["organization"].update(name=" ")),
     "thiếu tên tổ chức Đoàn"),
    ("bad created_at", lambda r: _manifest_bytes(r, lambda m: m.update(created_at="hôm qua")),
     "thời điểm tạo không hợp lệ"),
    ("negative count",
     lambda r: _manifest_bytes(r, lambda m: m["counts"].update(members=-1)),
     "số bản ghi của bảng “Đoàn viên” (members) phải là một số nguyên không âm"),
    ("a count for a missing table",
     lambda r: _manifest_bytes(r, lambda m: m["counts"].update(ghost=0)),
     "số bản ghi không khớp với các bảng trong gói"),
    ("a size as a float",
     lambda r: _manifest_bytes(r, lambda m: m["members"]["data/members.jsonl"].update(size=1.5)),
     "kích thước của mục “data/members.jsonl” phải là một số nguyên không âm"),
    ("a bad hash",
     lambda r: _manifest_bytes(r, lambda m: m["members"]["data/members.jsonl"].update(sha256="x")),
     "mã kiểm tra của mục “data/members.jsonl” không hợp lệ"),
    ("a dangerous member in the list",
     lambda r: _manifest_bytes(r, lambda m: m["members"].update({"../x": {}})),
     "mục “../x” không được phép"),
    ("evidence count", lambda r: _manifest_bytes(r, lambda m: m.update(evidence_files=5)),
     "số tệp minh chứng không khớp với các tệp trong gói"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "make", "detail"), MALFORMED, ids=[c[0] for c in MALFORMED])
def test_malformed_manifest(
    tmp_path: Path, real: dict[str, bytes], case: str, make: Any, detail: str
) -> None:
    bundle = build(tmp_path / "b.dcs", {**real, "manifest.json": make(real)})
    assert refused(tmp_path, bundle).message == _malformed(detail), case


def test_not_our_format_and_no_manifest(tmp_path: Path, real: dict[str, bytes]) -> None:
    """A manifest of another format, or none: no doancoso bundle, said as of a random file."""
    other = _manifest_bytes(real, lambda m: m.update(format="keepass"))
    bundle = build(tmp_path / "b.dcs", {**real, "manifest.json": other, "a.txt": b"x"})
    assert refused(tmp_path, bundle).message == (
        f"Tệp “b.dcs” không phải là gói dữ liệu doancoso (.dcs). {NOTHING}"
    )
    bundle = build(tmp_path / "c.dcs", {n: d for n, d in real.items() if n != "manifest.json"})
    assert refused(tmp_path, bundle).message == (
        f"Tệp “c.dcs” không phải là gói dữ liệu doancoso (.dcs). {NOTHING}"
    )


def test_zip_encrypted_member(tmp_path: Path, real: dict[str, bytes]) -> None:
    bundle = build(tmp_path / "b.dcs", real)
    data = bytearray(bundle.read_bytes())
    at = central_entry(bytes(data), "data/members.jsonl")
    data[at + 8] |= 0x01  # the central directory's "encrypted" flag
    bundle.write_bytes(bytes(data))
    assert refused(tmp_path, bundle).message == (
        f"Mục “data/members.jsonl” của gói dữ liệu được mã hóa theo cách không hỗ trợ. {NOT_OURS}"
    )


def test_line_count_differs_from_the_manifest(tmp_path: Path, real: dict[str, bytes]) -> None:
    manifest = manifest_of(real)
    manifest["counts"]["members"] += 1
    bundle = build(tmp_path / "b.dcs", real, manifest=manifest)
    assert refused(tmp_path, bundle).message == (
        f"Số dòng của bảng “Đoàn viên” (members) (30) khác với danh mục (31). {NOT_OURS}"
    )


@pytest.mark.parametrize(
    ("line", "what"),
    [
        (b'{"id": "x", "ten": ', "không phải JSON hợp lệ"),
        (b'["id", "x"]', "không phải một đối tượng JSON"),
        (b'{"score": Infinity}', "không phải JSON hợp lệ"),
        (b'{"ten": "\xff"}', "không phải JSON hợp lệ"),
        (b'{"id": "x"} {"id": "y"}', "không phải JSON hợp lệ"),  # two rows on one line
        (b'{"id": "x",\n"ten": "An"}', "không phải JSON hợp lệ"),  # one row on two lines
        (b'{"id": "x", "ten": "A\nn"}', "không phải JSON hợp lệ"),  # a text on two lines
        (b"[" * 100_000, "không phải JSON hợp lệ"),  # nested deeper than Python goes
    ],
)
def test_a_bad_row_is_refused_while_reading(
    tmp_path: Path, real: dict[str, bytes], line: bytes, what: str
) -> None:
    """A crafted bundle whose hashes match its bad rows: the rows are parsed as they are
    read (within the import's one transaction, which the error rolls back)."""
    rows = real["data/members.jsonl"].split(b"\n")
    rows[1] = line
    members = {**real, "data/members.jsonl": b"\n".join(rows)}
    bundle = build(
        tmp_path / "b.dcs", members, manifest=matching_manifest(members, manifest_of(real))
    )
    with open_bundle(bundle, None, workdir=tmp_path) as reader:
        read = reader.rows("members")
        assert next(read)["id"] == "00000000-0000-4000-8000-000000000000"
        with pytest.raises(BundleError) as error:
            next(read)
    assert error.value.message == (
        f"Dòng 2 của bảng “Đoàn viên” (members) trong gói dữ liệu {what}. {NOT_OURS}"
    )


def test_spaces_around_a_row_are_read_past(tmp_path: Path, real: dict[str, bytes]) -> None:
    """JSON allows spaces, tabs and a carriage return (a line ending edited on Windows) around
    a value: such a row reads as the same row, among rows that have none."""
    lines = real["data/members.jsonl"].split(b"\n")
    spaced = [b" \t" + lines[1] + b" \r", lines[2] + b"\r"]
    members = {**real, "data/members.jsonl": b"\n".join([lines[0], *spaced, *lines[3:]])}
    bundle = build(
        tmp_path / "b.dcs", members, manifest=matching_manifest(members, manifest_of(real))
    )
    with open_bundle(bundle, None, workdir=tmp_path) as reader:
        read = list(reader.rows("members"))
    assert read == [json.loads(line) for line in lines[:-1]]


def test_wrong_password_and_flipped_byte_through_open(tmp_path: Path) -> None:
    source = sample_source(tmp_path / "kho")
    bundle = write_bundle(tmp_path / "b.dcs", source, password="đúng", kdf_log2_n=10).path
    error = refused(tmp_path, bundle, "sai")
    assert isinstance(error, WrongPassword)
    assert refused(tmp_path, bundle, None).message == (
        "Gói dữ liệu này được mã hóa: hãy nhập mật khẩu để mở."
    )
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0x40
    bundle.write_bytes(bytes(data))
    error = refused(tmp_path, bundle, "đúng")
    assert not isinstance(error, WrongPassword)
    assert error.message.startswith("Gói dữ liệu bị hỏng hoặc đã bị sửa đổi (đoạn thứ ")
    assert error.message.endswith(
        " của tệp không còn như lúc xuất): hãy chép lại tệp từ USB, hoặc nhờ người gửi xuất lại "
        "gói. Không có gì được thay đổi."
    )


def test_a_truncated_encrypted_bundle_says_the_copy_is_incomplete(tmp_path: Path) -> None:
    photo = b"\xff\xd8\xff" + random.Random(7).randbytes(3 * CHUNK_SIZE)  # three chunks more
    source = DictSource({"members": [member(i) for i in range(30)]}, [photo], folder=tmp_path)
    whole = write_bundle(tmp_path / "b.dcs", source, password="đúng", kdf_log2_n=10).path
    data = whole.read_bytes()
    chunk = CHUNK_SIZE + 16
    assert len(data) > 75 + 2 * chunk
    # Cut inside a chunk, at a chunk's end, inside the last chunk, in the header.
    for end in (75 + chunk // 2, 75 + chunk, len(data) - 1, len(data) - 20, 60):
        cut = tmp_path / f"cut-{end}.dcs"
        cut.write_bytes(data[:end])
        assert refused(tmp_path, cut, "đúng").message == INCOMPLETE, end
    assert INCOMPLETE.startswith("Tệp dữ liệu không đầy đủ: tệp bị thiếu phần cuối, thường do "
                                 "chép ra USB chưa xong")  # fmt: skip


def test_inspect_refuses_as_open_does(tmp_path: Path, real: dict[str, bytes]) -> None:
    bundle = build(tmp_path / "b.dcs", {**real, "../x": b""})
    with pytest.raises(BundleError) as error:
        read_manifest(bundle, None)
    assert "đường dẫn nguy hiểm" in error.value.message
    with zipfile.ZipFile(bundle) as archive:  # the crafted file really holds the name
        assert "../x" in archive.namelist()
