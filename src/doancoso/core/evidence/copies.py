"""Copies of evidence files outside the store, under their own names (the store names them by
their hash, with no extension): for the system's viewer, and into a folder the secretary
chooses (a USB stick taken to the superior body, to a print shop).

A copy's name is the file's original name as Windows 10 and a FAT32/exFAT stick accept it
(:mod:`..lang.filenames`: a name attached on another system or carried in a bundle may be
``CON.jpg`` or ``a:b?.pdf``), with its type's extension, within the path Windows opens. Two files
whose names Windows takes for one (``Ảnh.jpg`` and ``ảnh.JPG``), or a name a file already in the
folder has, are told apart as Windows does: ``ảnh (2).JPG``; nothing in the folder is replaced.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import StorageError
from ..lang.filenames import MAX_NAME, free_name, room_in, windows_name
from ..progress import BytesDone
from ..storage.files import left_behind
from ..storage.folder import os_reason, write_remedy
from .store import EvidenceStore, lost_file_message

if TYPE_CHECKING:
    from .service import Attachment

EXTENSIONS = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}
"""The extension a copy's name gets when its original name lacks its type's."""
NO_NAME = "minh-chung"


def copy_name(original_name: str, media_type: str, room: int = MAX_NAME) -> str:
    """The name of a copy of a file attached as ``original_name``, of type ``media_type``: one
    Windows accepts in ``room`` UTF-16 units, ending with the type's extension
    (``"ảnh."`` -> ``"ảnh.png"``, ``"CON.jpg"`` -> ``"CON_.jpg"``)."""
    name = windows_name(original_name, NO_NAME)
    extension = EXTENSIONS.get(media_type, "")
    if extension and not name.lower().endswith((extension, ".jpeg")):
        name += extension
    return windows_name(name, NO_NAME, room)


def copy_to_folder(
    store: EvidenceStore,
    files: Sequence[Attachment],
    folder: Path,
    report: Callable[[int, int], object] | None = None,
) -> list[Path]:
    """Copy ``files`` into ``folder`` (made if missing) under their :func:`copy_name`, none
    taking the name of a file there or of one copied before it (:func:`free_name`); each is
    flushed and read back with its hash before it gets its name
    (:meth:`EvidenceStore.copy_out`). Returns the copies, in the order of ``files``.
    ``report(done, total)`` in bytes after each chunk (it may stop the copy by raising).

    A stored file gone or changed, or a folder that cannot be written (a stick full, pulled
    out, write-protected), stops the copy with a :class:`StorageError` naming the file; the
    copies made before it stay (each one whole)."""
    copied = BytesDone(sum(f.size for f in files), report)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        taken = os.listdir(folder)
    except OSError as exc:
        raise StorageError(
            f"Không chép được tệp minh chứng vào “{folder}”: {os_reason(exc)}. {write_remedy(exc)}"
        ) from exc
    room = room_in(folder)
    written: list[Path] = []
    for file in files:
        if not store.has(file.sha256):
            raise StorageError(lost_file_message(file.original_name))
        name = free_name(copy_name(file.original_name, file.media_type, room), taken, room)
        try:
            written.append(store.copy_out(file.sha256, folder, copied, name=name))
        except OSError as exc:
            if not store.verify(file.sha256):
                raise StorageError(lost_file_message(file.original_name)) from exc
            reason = os_reason(exc) if exc.errno else "bản chép không đọc lại được đúng"
            done_before = f" {len(written)} tệp trước đó đã chép xong." if written else ""
            raise StorageError(
                f"Không chép được tệp “{file.original_name}” vào “{folder}”: {reason}. "
                f"{write_remedy(exc)}{leftover_said(exc)}{done_before}"
            ) from exc
        taken.append(name)
    return written


def leftover_said(error: BaseException) -> str:
    """What a copy stopped by ``error`` says of the temporary file it could not remove (a stick
    pulled out for good), or nothing when none was left."""
    left = left_behind(error)
    if left is None:
        return ""
    return (
        f" Tệp dở dang “{left.name}” có thể còn trên USB: đó không phải tệp minh chứng, có thể "
        "xóa đi; lần chép sau vào thư mục này sẽ tự xóa nó."
    )
