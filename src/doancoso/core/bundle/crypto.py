"""The encryption of a bundle: AES-256-GCM over the whole container in chunks (the STREAM
construction), the key from a password through scrypt. Only the ``cryptography`` library's
primitives; the composition is specified in docs/bundle-format.md ("Encryption").

An encrypted bundle is a small clear header, then the container cut into chunks of
``chunk_size`` bytes, each encrypted and authenticated on its own with the nonce
``prefix (7 bytes) ‖ counter (4 bytes, big-endian) ‖ last (1 byte: 1 on the last chunk)`` and
the whole header as associated data. A chunk moved, dropped, repeated or changed, the file cut
or grown, the header changed: each fails the authentication of some chunk. The header carries a
key check (16 bytes of scrypt's output besides the key), so that a wrong password is told apart
from a damaged file, and its own checksum, so that a damaged header is not taken for a wrong
password.

A file that ends early (a copy to the stick that did not finish) is told from a changed one: the
chunks before the end authenticate, and the piece at the end is not the container's last chunk
(:func:`_ending_problem`).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
import threading
import unicodedata
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from .errors import BundleError, NewerFormat, WrongPassword
from .limits import (
    CHUNK_SIZE,
    MAX_CHUNK_SIZE,
    MAX_SCRYPT_MEMORY,
    MAX_SCRYPT_WORK,
    MIN_CHUNK_SIZE,
    SCRYPT_LOG2_N,
    SCRYPT_P,
    SCRYPT_R,
)
from .manifest import NEWER_FORMAT, NOTHING_CHANGED

MAGIC = b"\x89DCS\r\n\x1a\n"
HEADER_VERSION = 1
KEY_PASSWORD = 1
KEY_RECIPIENT = 2
"""Reserved: a report encrypted to the superior body's X25519 public key (not written yet)."""
CIPHER_AES256GCM_STREAM = 1
_FIXED = struct.Struct(">8sBBBBI7sH")  # magic, version, key source, cipher, reserved, chunk,
# nonce prefix, length of the key-source block
_SCRYPT = struct.Struct(">BIIB16s16s")  # log2 n, r, p, salt length, salt, key check
_CHECK = 8  # bytes of SHA-256 closing the header
_TAG = 16
_MAX_KEY_BLOCK = 1024
MAX_CHUNKS = 2**32
_READ_BACK_BLOCK = 1024 * 1024

DAMAGED = (
    "Gói dữ liệu bị hỏng hoặc đã bị sửa đổi ({where}): hãy chép lại tệp từ USB, hoặc nhờ "
    f"người gửi xuất lại gói. {NOTHING_CHANGED}"
)
CHANGED_PART = "đoạn thứ {n} của tệp không còn như lúc xuất"
"""DAMAGED's ``where`` for a chunk that fails its authentication."""
INCOMPLETE = (
    "Tệp dữ liệu không đầy đủ: tệp bị thiếu phần cuối, thường do chép ra USB chưa xong (rút "
    "USB ra sớm hoặc việc chép bị ngắt giữa chừng). Hãy chép lại tệp từ máy đã xuất, hoặc nhờ "
    f"người gửi xuất lại gói. {NOTHING_CHANGED}"
)
_END_RECORD = b"PK\x05\x06"
"""The signature of the ZIP's end of central directory record, the container's last 22 bytes
(its writer adds no comment): the one thing this layer knows of what it carries."""
_END_RECORD_SIZE = 22
PASSWORD_NEEDED = "Gói dữ liệu này được mã hóa: hãy nhập mật khẩu để mở."
WRONG_PASSWORD = (
    "Mật khẩu không đúng: không mở được gói dữ liệu này. Mật khẩu phân biệt chữ hoa, chữ "
    f"thường và dấu; hãy hỏi lại người đã xuất gói. {NOTHING_CHANGED}"
)


class PasswordNeeded(WrongPassword):
    """An encrypted bundle opened without a password."""


class ReadBackMismatch(Exception):
    """A file read back is not, byte for byte, what an :class:`EncryptingWriter` wrote (the
    writer's caller says so in words: see container.py)."""


def damaged(where: str) -> BundleError:
    return BundleError(DAMAGED.format(where=where))


def incomplete() -> BundleError:
    return BundleError(INCOMPLETE)


def password_bytes(password: str) -> bytes:
    """The password as scrypt takes it: NFC (the same text typed by any Vietnamese keyboard
    gives the same key), UTF-8."""
    if not password:
        raise PasswordNeeded(PASSWORD_NEEDED)
    return unicodedata.normalize("NFC", password).encode("utf-8")


@dataclass(frozen=True)
class Header:
    chunk_size: int
    nonce_prefix: bytes
    log2_n: int
    r: int
    p: int
    salt: bytes
    key_check: bytes
    raw: bytes
    """The header's exact bytes: the associated data of every chunk."""

    def key(self, password: str) -> bytes:
        """The AES key from ``password``; :class:`WrongPassword` when the key check fails."""
        derived = _derive(password, self.salt, self.log2_n, self.r, self.p)
        if not hmac.compare_digest(derived[32:48], self.key_check):
            raise WrongPassword(WRONG_PASSWORD)
        return derived[:32]


def _derive(password: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    secret = password_bytes(password)
    return Scrypt(salt=salt, length=64, n=2**log2_n, r=r, p=p).derive(secret)


def new_header(
    password: str, *, chunk_size: int = CHUNK_SIZE, log2_n: int = SCRYPT_LOG2_N
) -> tuple[Header, bytes]:
    """A fresh header (random salt and nonce prefix) for ``password``, and the AES key."""
    salt = os.urandom(16)
    derived = _derive(password, salt, log2_n, SCRYPT_R, SCRYPT_P)
    key_block = _SCRYPT.pack(log2_n, SCRYPT_R, SCRYPT_P, 16, salt, derived[32:48])
    prefix = os.urandom(7)
    fixed = _FIXED.pack(
        MAGIC,
        HEADER_VERSION,
        KEY_PASSWORD,
        CIPHER_AES256GCM_STREAM,
        0,
        chunk_size,
        prefix,
        len(key_block),
    )
    body = fixed + key_block
    raw = body + hashlib.sha256(body).digest()[:_CHECK]
    header = Header(chunk_size, prefix, log2_n, SCRYPT_R, SCRYPT_P, salt, derived[32:48], raw)
    return header, derived[:32]


def _read_exact(source: BinaryIO, size: int) -> bytes:
    parts = []
    while size > 0:
        part = source.read(size)
        if not part:
            break
        parts.append(part)
        size -= len(part)
    return b"".join(parts)


def read_header(source: BinaryIO) -> Header:
    """The header at the start of ``source`` (left positioned on the first chunk)."""
    fixed = _read_exact(source, _FIXED.size)
    if not fixed or not fixed.startswith(MAGIC[: len(fixed)]):
        raise damaged("phần đầu không hợp lệ")
    if len(fixed) < _FIXED.size:
        raise incomplete()
    _, version, key_source, cipher, reserved, chunk_size, prefix, length = _FIXED.unpack(fixed)
    if length > _MAX_KEY_BLOCK:
        raise damaged("phần đầu không hợp lệ")
    rest = _read_exact(source, length + _CHECK)
    if len(rest) < length + _CHECK:
        raise incomplete()
    body = fixed + rest[:length]
    if not hmac.compare_digest(hashlib.sha256(body).digest()[:_CHECK], rest[length:]):
        raise damaged("phần đầu không khớp mã kiểm tra")
    if version > HEADER_VERSION or cipher != CIPHER_AES256GCM_STREAM or key_source != 1:
        raise NewerFormat(
            f"{NEWER_FORMAT} (Gói được mã hóa theo cách mà phiên bản này chưa đọc được.) "
            f"{NOTHING_CHANGED}"
        )
    if version < 1 or reserved != 0 or length != _SCRYPT.size:
        raise damaged("phần đầu không hợp lệ")
    if not MIN_CHUNK_SIZE <= chunk_size <= MAX_CHUNK_SIZE:
        raise damaged("kích thước khối không hợp lệ")
    log2_n, r, p, salt_length, salt, key_check = _SCRYPT.unpack(rest[:length])
    if (
        salt_length != 16
        or not 10 <= log2_n <= 24
        or not 1 <= r <= 64
        or not 1 <= p <= 16
        or 128 * (2**log2_n) * r > MAX_SCRYPT_MEMORY
        or (2**log2_n) * r * p > MAX_SCRYPT_WORK
    ):
        raise damaged("tham số tạo khóa vượt giới hạn")
    return Header(chunk_size, prefix, log2_n, r, p, salt, key_check, fixed + rest)


def _nonce(prefix: bytes, counter: int, last: bool) -> bytes:
    if counter >= MAX_CHUNKS:
        raise BundleError(f"Gói dữ liệu quá lớn để mã hóa. {NOTHING_CHANGED}")
    return prefix + counter.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


class EncryptingWriter:
    """A write-only stream: what is written to it goes encrypted into ``out``, chunk by chunk.
    :meth:`finish` seals the last chunk; a stream never finished is not a valid bundle.

    The key is derived (scrypt, about a tenth of a second) on a thread of its own from the
    moment the writer is made, while its caller prepares what it will write; the header goes
    out with the first sealed chunk. :meth:`check_file` reads back a file written by it."""

    def __init__(
        self,
        out: BinaryIO,
        password: str,
        *,
        chunk_size: int = CHUNK_SIZE,
        log2_n: int = SCRYPT_LOG2_N,
    ) -> None:
        password_bytes(password)  # an empty password refused at once, on the caller's thread
        self._keying: list[tuple[Header, bytes] | BaseException] = []

        def derive() -> None:
            try:
                self._keying.append(new_header(password, chunk_size=chunk_size, log2_n=log2_n))
            except BaseException as exc:  # handed to the writer's thread by _keyed
                self._keying.append(exc)

        self._deriving = threading.Thread(target=derive, name="doancoso-scrypt", daemon=True)
        self._deriving.start()
        self._aes: AESGCM | None = None
        self._header: Header | None = None
        self._out = out
        self._chunk = chunk_size
        self._buffer = bytearray()
        self._counter = 0
        self._position = 0
        self._sealed = 0  # bytes written to ``out``: the header and the sealed chunks
        self._finished = False

    @property
    def header(self) -> Header:
        return self._keyed()[0]

    def _keyed(self) -> tuple[Header, AESGCM]:
        if self._aes is None or self._header is None:
            self._deriving.join()
            found = self._keying[0]
            if isinstance(found, BaseException):
                raise found
            self._header, key = found
            self._aes = AESGCM(key)
            self._out.write(self._header.raw)
            self._sealed = len(self._header.raw)
        return self._header, self._aes

    def _seal(self, data: bytes | bytearray | memoryview, last: bool) -> bytes:
        header, aes = self._keyed()
        nonce = _nonce(header.nonce_prefix, self._counter, last)
        sealed = aes.encrypt(nonce, data, header.raw)
        self._sealed += len(sealed)
        self._counter += 1
        return sealed

    def write(self, data: bytes | bytearray | memoryview) -> int:
        if self._finished:
            raise ValueError("write after finish")
        sealed: list[bytes] = []
        with memoryview(data) as view, view.cast("B") as octets:
            size = octets.nbytes
            start = 0
            if self._buffer and len(self._buffer) + size > self._chunk:
                start = self._chunk - len(self._buffer)
                self._buffer += octets[:start]
                sealed.append(self._seal(self._buffer, last=False))
                self._buffer.clear()
            # Whole chunks straight from ``data``, keeping at least one byte for the last one.
            while size - start > self._chunk:
                sealed.append(self._seal(octets[start : start + self._chunk], last=False))
                start += self._chunk
            self._buffer += octets[start:]
        if sealed:  # one write of what this call sealed (1 MiB of evidence: 16 chunks)
            self._out.write(sealed[0] if len(sealed) == 1 else b"".join(sealed))
        self._position += size
        return size

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = 0) -> int:
        raise OSError("an encrypted bundle is written in one pass")

    def seekable(self) -> bool:
        return False

    def flush(self) -> None:
        self._out.flush()

    def finish(self) -> None:
        """Seal the last chunk (empty only when nothing at all was written)."""
        if not self._finished:
            self._out.write(self._seal(self._buffer, last=True))
            self._buffer.clear()
            self._finished = True
            self._out.flush()

    def check_file(self, source: BinaryIO, progress: Callable[[int], None] | None = None) -> str:
        """Read back, from ``source``, the file this (finished) writer wrote, and return its
        SHA-256. Every chunk is decrypted with the key and its tag checked, with the counter
        and the last flag it was sealed with; the header must be the very bytes written and the
        file neither shorter nor longer: any byte that differs from what was written fails a
        tag or a comparison (:class:`ReadBackMismatch`, saying where). ``progress(done)``
        counts the bytes read."""
        if not self._finished:
            raise ValueError("check before finish")
        header, aes = self._keyed()
        digest = hashlib.sha256()
        head = _read_exact(source, len(header.raw))
        if head != header.raw:
            raise ReadBackMismatch("the header differs")
        done, segment = len(head), self._chunk + _TAG
        per_block = max(1, _READ_BACK_BLOCK // segment)
        counter = 0
        with (
            ThreadPoolExecutor(1, thread_name_prefix="doancoso-doc-lai") as reading,
            ThreadPoolExecutor(1, thread_name_prefix="doancoso-bam") as hashing,
        ):  # three stages at once: the stick read, the bytes read hashed, the chunks checked
            ahead = reading.submit(_read_exact, source, segment * per_block)
            hashed = hashing.submit(digest.update, head)
            while counter < self._counter:
                block = ahead.result()
                if not block:
                    break
                ahead = reading.submit(_read_exact, source, segment * per_block)
                hashed = hashing.submit(digest.update, block)  # in order: one thread
                with memoryview(block) as view:
                    for start in range(0, len(view), segment):
                        if counter == self._counter:
                            raise ReadBackMismatch("longer than written")
                        last = counter == self._counter - 1
                        nonce = _nonce(header.nonce_prefix, counter, last)
                        try:
                            aes.decrypt(nonce, view[start : start + segment], header.raw)
                        except InvalidTag:
                            raise ReadBackMismatch(f"chunk {counter} fails its tag") from None
                        counter += 1
                done += len(block)
                if progress is not None:
                    progress(done)
            rest = ahead.result()
            hashed.result()
        if counter != self._counter or done != self._sealed or rest or source.read(1):
            raise ReadBackMismatch(f"{done} bytes read, {self._sealed} written")
        return digest.hexdigest()


def is_encrypted(head: bytes) -> bool:
    return head.startswith(MAGIC)


def decrypt(
    source: BinaryIO,
    out: BinaryIO,
    password: str | None,
    *,
    progress: Callable[[int], None] | None = None,
) -> Header:
    """Decrypt the bundle read from ``source`` into ``out``, checking every chunk; raises
    :class:`WrongPassword` or a :class:`BundleError` (``out`` then holds a prefix to discard)."""
    header = read_header(source)
    if not password:
        raise PasswordNeeded(PASSWORD_NEEDED)
    aes = AESGCM(header.key(password))
    segment = header.chunk_size + _TAG
    pending = _read_exact(source, segment)
    counter = 0
    done = len(header.raw)
    tail = b""  # the last bytes decrypted: where the container's end record may begin
    while True:
        following = _read_exact(source, segment) if len(pending) == segment else b""
        last = not following
        if len(pending) < _TAG:
            raise incomplete()
        try:
            plain = aes.decrypt(_nonce(header.nonce_prefix, counter, last), pending, header.raw)
        except InvalidTag:
            if last:
                raise _ending_problem(aes, header, counter, pending, tail) from None
            raise damaged(CHANGED_PART.format(n=counter + 1)) from None
        out.write(plain)
        tail = (tail + plain)[-_END_RECORD_SIZE:]
        done += len(pending)
        if progress is not None:
            progress(done)
        counter += 1
        if last:
            return header
        pending = following


def _ending_problem(
    aes: AESGCM, header: Header, counter: int, piece: bytes, tail: bytes
) -> BundleError:
    """Why ``piece``, the end of the file and chunk ``counter``, fails as the last chunk: the
    file ends before the container does (a copy that did not finish: :data:`INCOMPLETE`), or
    the last chunk was changed (:data:`DAMAGED`).

    A piece that authenticates as a chunk that is not the last is a whole chunk: the chunks
    after it are missing. Otherwise the piece is either a chunk cut short or the real last
    chunk changed (a byte changed or added); the tag cannot tell, the content can: the real
    last chunk ends with the container's end record (the ZIP's, 22 bytes), while a cut chunk
    deciphered as the last one gives noise, and a cut last chunk lacks the record's end. The
    keystream comes from AES-GCM itself (the encryption of zeros under the same nonce);
    nothing read this way is used but to choose the message."""
    prefix = header.nonce_prefix
    if len(piece) == header.chunk_size + _TAG:
        try:
            aes.decrypt(_nonce(prefix, counter, False), piece, header.raw)
        except InvalidTag:
            pass
        else:
            return incomplete()
    size = len(piece) - _TAG
    stream = aes.encrypt(_nonce(prefix, counter, True), bytes(size), header.raw)[:size]
    deciphered = (int.from_bytes(piece[:size]) ^ int.from_bytes(stream)).to_bytes(size)
    ending = tail + deciphered
    record = ending.rfind(_END_RECORD)
    if record >= 0 and len(ending) - record >= _END_RECORD_SIZE:
        return damaged(CHANGED_PART.format(n=counter + 1))
    return incomplete()
