"""The encryption layer of bundles (core/bundle/crypto.py): the header's layout, the STREAM
chunks, the password. Every change of an encrypted file (a byte, a chunk moved, dropped or
added, the file cut or grown) is refused; a wrong password says so, a damaged file says so."""

from __future__ import annotations

import hashlib
import io
import os
import struct
import time
import unicodedata

import pytest

from doancoso.core.bundle.crypto import (
    CHANGED_PART,
    DAMAGED,
    INCOMPLETE,
    MAGIC,
    PASSWORD_NEEDED,
    WRONG_PASSWORD,
    EncryptingWriter,
    PasswordNeeded,
    ReadBackMismatch,
    decrypt,
    read_header,
)
from doancoso.core.bundle.errors import BundleError, NewerFormat, WrongPassword
from doancoso.core.bundle.manifest import NEWER_FORMAT

PASSWORD = "Tân Hưng 2026!"
CHUNK = 1024
HEADER = 75  # 25 fixed bytes, a 42-byte scrypt block, an 8-byte checksum


def encrypt(plain: bytes, password: str = PASSWORD, *, chunk: int = CHUNK, n: int = 10) -> bytes:
    out = io.BytesIO()
    writer = EncryptingWriter(out, password, chunk_size=chunk, log2_n=n)
    for start in range(0, len(plain), 700):  # writes of another size than the chunks
        writer.write(plain[start : start + 700])
    writer.finish()
    return out.getvalue()


def decrypted(data: bytes, password: str | None = PASSWORD) -> bytes:
    out = io.BytesIO()
    decrypt(io.BytesIO(data), out, password)
    return out.getvalue()


def damaged(where: str) -> str:
    return DAMAGED.format(where=where)


END_RECORD = b"PK\x05\x06" + bytes(18)
"""What a container ends with: the ZIP's end record, without a comment."""
PLAIN = (bytes(range(256)) * 13)[:3310] + END_RECORD  # 3,332 bytes: three whole chunks and a
# short one, ending like a container


def changed_part(n: int) -> str:
    return damaged(CHANGED_PART.format(n=n))


def test_round_trip_any_length() -> None:
    for size in (0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, len(PLAIN)):
        data = encrypt(PLAIN[:size])
        chunks = max(1, -(-size // CHUNK))
        assert len(data) == HEADER + size + 16 * chunks
        assert decrypted(data) == PLAIN[:size]


def test_header_layout() -> None:
    data = encrypt(PLAIN)
    assert data[:8] == MAGIC == b"\x89DCS\r\n\x1a\n"
    version, key_source, cipher, reserved, chunk = struct.unpack(">BBBBI", data[8:16])
    assert (version, key_source, cipher, reserved, chunk) == (1, 1, 1, 0, CHUNK)
    assert struct.unpack(">H", data[23:25]) == (42,)
    log2_n, r, p, salt_length = struct.unpack(">BIIB", data[25:35])
    assert (log2_n, r, p, salt_length) == (10, 8, 1, 16)
    assert data[67:75] == hashlib.sha256(data[:67]).digest()[:8]
    header = read_header(io.BytesIO(data))
    assert header.raw == data[:HEADER] and header.nonce_prefix == data[16:23]
    other = encrypt(PLAIN)
    assert other[16:23] != data[16:23] and other[35:51] != data[35:51]  # fresh prefix and salt


def test_default_scrypt_cost_is_2_15_and_about_a_tenth_of_a_second() -> None:
    out = io.BytesIO()
    started = time.perf_counter()
    EncryptingWriter(out, PASSWORD).finish()
    elapsed = time.perf_counter() - started
    assert struct.unpack(">BIIB", out.getvalue()[25:35]) == (15, 8, 1, 16)
    assert elapsed < 2.0  # about 0.12 s on the machine of the last run (docs/bundle-format.md)


def test_wrong_or_missing_password() -> None:
    data = encrypt(PLAIN)
    with pytest.raises(WrongPassword) as wrong:
        decrypted(data, "Tân Hưng 2025!")
    assert wrong.value.message == WRONG_PASSWORD
    assert wrong.value.message.startswith("Mật khẩu không đúng: không mở được gói dữ liệu này.")
    for missing in (None, ""):
        with pytest.raises(PasswordNeeded) as needed:
            decrypted(data, missing)
        assert needed.value.message == PASSWORD_NEEDED


def test_password_is_compared_in_nfc() -> None:
    data = encrypt(PLAIN, unicodedata.normalize("NFC", PASSWORD))
    assert decrypted(data, unicodedata.normalize("NFD", PASSWORD)) == PLAIN


def test_every_flipped_byte_is_refused_as_damage_not_as_a_wrong_password() -> None:
    data = encrypt(PLAIN[-(CHUNK + 76) :])  # a whole chunk and a short one: 1,207 bytes
    last = HEADER + CHUNK + 16
    # A changed signature of the end record is what the end of a cut file looks like.
    signature = range(last + 76 - 22, last + 76 - 18)
    for at in range(len(data)):
        flipped = bytearray(data)
        flipped[at] ^= 0x01 << (at % 8)
        with pytest.raises(BundleError) as refused:
            decrypted(bytes(flipped))
        assert not isinstance(refused.value, WrongPassword), at
        message = refused.value.message
        if at in signature:
            assert message == INCOMPLETE, at
        elif at >= last:
            assert message == changed_part(2), at
        elif at >= HEADER:
            assert message == changed_part(1), at
        else:
            assert message.startswith("Gói dữ liệu bị hỏng hoặc đã bị sửa đổi (phần đầu "), at


def _segments(data: bytes) -> list[bytes]:
    body = data[HEADER:]
    return [body[i : i + CHUNK + 16] for i in range(0, len(body), CHUNK + 16)]


def test_truncation_reordering_dropping_and_appending_fail() -> None:
    data = encrypt(PLAIN)
    head, segments = data[:HEADER], _segments(data)
    assert len(segments) == 4
    cases = {
        "cut at a chunk boundary": head + b"".join(segments[:2]),
        "last chunk dropped": head + b"".join(segments[:3]),
        "cut inside the last chunk": data[:-5],
        "two chunks swapped": head + segments[1] + segments[0] + b"".join(segments[2:]),
        "a chunk repeated": head + segments[0] + b"".join(segments),
        "one byte appended": data + b"\x00",
        "a chunk appended": data + segments[1],
        "only the header": head,
        "header cut": data[:40],
    }
    for case, changed in cases.items():
        with pytest.raises(BundleError) as refused:
            decrypted(changed)
        assert not isinstance(refused.value, WrongPassword), case
    said = {}
    for case, changed in cases.items():
        with pytest.raises(BundleError) as refused:
            decrypted(changed)
        said[case] = refused.value.message
    assert said == {
        "cut at a chunk boundary": INCOMPLETE,
        "last chunk dropped": INCOMPLETE,
        "cut inside the last chunk": INCOMPLETE,
        "two chunks swapped": changed_part(1),
        "a chunk repeated": changed_part(2),
        "one byte appended": changed_part(4),
        "a chunk appended": changed_part(4),
        "only the header": INCOMPLETE,
        "header cut": INCOMPLETE,
    }
    assert INCOMPLETE == (
        "Tệp dữ liệu không đầy đủ: tệp bị thiếu phần cuối, thường do chép ra USB chưa xong (rút "
        "USB ra sớm hoặc việc chép bị ngắt giữa chừng). Hãy chép lại tệp từ máy đã xuất, hoặc "
        "nhờ người gửi xuất lại gói. Không có gì được thay đổi."
    )


def test_a_file_cut_anywhere_after_the_header_says_it_is_incomplete() -> None:
    data = encrypt(PLAIN)
    for end in range(HEADER, len(data)):
        with pytest.raises(BundleError) as refused:
            decrypted(data[:end])
        assert refused.value.message == INCOMPLETE, end


def _with_header(data: bytes, offset: int, value: bytes) -> bytes:
    """``data`` with header bytes changed at ``offset`` and the header's checksum redone (as
    a crafted file would)."""
    out = bytearray(data)
    out[offset : offset + len(value)] = value
    out[67:75] = hashlib.sha256(bytes(out[:67])).digest()[:8]
    return bytes(out)


def test_a_newer_cipher_or_key_source_asks_to_update() -> None:
    data = encrypt(PLAIN)
    for offset, value in ((8, b"\x02"), (9, b"\x02"), (10, b"\x07")):
        with pytest.raises(NewerFormat) as newer:
            decrypted(_with_header(data, offset, value))
        assert newer.value.message.startswith(NEWER_FORMAT)


def test_crafted_parameters_are_bounded_before_any_work() -> None:
    data = encrypt(PLAIN)
    crafted = {
        "scrypt n = 2^30 (128 GiB)": (25, b"\x1e"),
        "scrypt r = 2^20": (26, struct.pack(">I", 2**20)),
        "scrypt p = 2^31": (30, struct.pack(">I", 2**31)),
        "chunk of 4 GiB": (12, struct.pack(">I", 2**32 - 1)),
        "chunk of 1 byte": (12, struct.pack(">I", 1)),
    }
    for case, (offset, value) in crafted.items():
        started = time.perf_counter()
        with pytest.raises(BundleError) as refused:
            decrypted(_with_header(data, offset, value))
        assert time.perf_counter() - started < 1.0, case
        assert not isinstance(refused.value, WrongPassword), case
    with pytest.raises(BundleError) as refused:
        decrypted(_with_header(data, 25, b"\x1e"))
    assert refused.value.message == damaged("tham số tạo khóa vượt giới hạn")


def test_a_changed_nonce_prefix_with_a_redone_checksum_still_fails() -> None:
    data = encrypt(PLAIN)
    with pytest.raises(BundleError) as refused:
        decrypted(_with_header(data, 16, os.urandom(7)))
    assert refused.value.message == changed_part(1)
    assert refused.value.message == (
        "Gói dữ liệu bị hỏng hoặc đã bị sửa đổi (đoạn thứ 1 của tệp không còn như lúc xuất): "
        "hãy chép lại tệp từ USB, hoặc nhờ người gửi xuất lại gói. Không có gì được thay đổi."
    )


def test_large_writes_are_chunked_without_holding_them() -> None:
    plain = os.urandom(5 * 1024 * 1024 + 3)
    out = io.BytesIO()
    writer = EncryptingWriter(out, PASSWORD, log2_n=10)
    writer.write(plain)
    assert writer.tell() == len(plain)
    writer.finish()
    assert decrypted(out.getvalue()) == plain


def test_the_writer_checks_what_it_wrote() -> None:
    """``check_file`` reads back what the writer wrote: its SHA-256 when byte for byte the same;
    a byte changed anywhere (header, a chunk, a tag), a file cut or grown by one byte or by a
    whole chunk: refused."""
    out = io.BytesIO()
    writer = EncryptingWriter(out, PASSWORD, chunk_size=CHUNK, log2_n=10)
    writer.write(PLAIN)
    with pytest.raises(ValueError, match="check before finish"):
        writer.check_file(io.BytesIO(out.getvalue()))
    writer.finish()
    data = out.getvalue()
    seen: list[int] = []
    assert writer.check_file(io.BytesIO(data), seen.append) == hashlib.sha256(data).hexdigest()
    assert seen[-1] == len(data) == HEADER + len(PLAIN) + 4 * 16
    assert writer.header.raw == data[:HEADER]
    changed = [
        data[:i] + bytes([data[i] ^ 1]) + data[i + 1 :]
        for i in (0, 40, HEADER, 2000, len(data) - 1)
    ]
    segment = CHUNK + 16
    changed += [
        data[:-1],
        data + b"\0",
        data[: HEADER + 3 * segment],  # the last chunk dropped
        data + data[HEADER : HEADER + segment],  # a chunk repeated at the end
        data[:HEADER] + data[HEADER + segment : HEADER + 2 * segment] + data[HEADER + segment :],
    ]
    for other in changed:
        with pytest.raises(ReadBackMismatch):
            writer.check_file(io.BytesIO(other))


def test_the_key_is_derived_while_the_caller_works() -> None:
    """The key comes from scrypt on a thread of its own: making the writer returns at once;
    an empty password is refused at once, on the caller's thread."""
    started = time.perf_counter()
    writer = EncryptingWriter(io.BytesIO(), PASSWORD)  # 2^15: about a tenth of a second
    made = time.perf_counter() - started
    writer.finish()
    took = time.perf_counter() - started
    assert made < took / 2
    with pytest.raises(PasswordNeeded):
        EncryptingWriter(io.BytesIO(), "")
