"""The errors of bundles: every refusal of a bundle file carries a Vietnamese message.

A bundle that is refused changes nothing: the readers verify the whole file (password, sizes,
hashes, names) before any row is handed out, and the writer leaves nothing under the final name.
"""

from __future__ import annotations

from ..errors import ImportFileError

OLDER_FILE_KEPT = "Tệp cũ cùng tên (nếu có) vẫn còn nguyên; không có tệp dở dang nào được để lại."
"""Said after a write that failed: an older bundle under the target's name is never touched
(the new one is renamed over it only once verified), and the temporary file is removed (when it
cannot be, :func:`~doancoso.core.bundle.disks.partial_left` is said instead)."""


class BundleError(ImportFileError):
    """A bundle that cannot be read or written; ``message`` says why, in Vietnamese."""


class NotABundle(BundleError):
    """A file that is no doancoso bundle at all: a random file, another program's ZIP."""


class WrongPassword(BundleError):
    """The password does not open this encrypted bundle (or none was given)."""


class NewerFormat(BundleError):
    """A bundle made by a newer version of the app, in a format this version cannot read."""


class BundleWriteError(BundleError):
    """A bundle could not be written (a full or pulled-out stick, a FAT32 size limit...);
    nothing was left under the target's name."""
