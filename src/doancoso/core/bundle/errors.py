"""The errors of bundles: every refusal of a bundle file carries a Vietnamese message.

A bundle that is refused changes nothing: the readers verify the whole file (password, sizes,
hashes, names) before any row is handed out, and the writer leaves nothing under the final name.
"""

from __future__ import annotations

from ..errors import ImportFileError


class BundleError(ImportFileError):
    """A bundle that cannot be read or written; ``message`` says why, in Vietnamese."""


class WrongPassword(BundleError):
    """The password does not open this encrypted bundle (or none was given)."""


class NewerFormat(BundleError):
    """A bundle made by a newer version of the app, in a format this version cannot read."""


class BundleWriteError(BundleError):
    """A bundle could not be written (a full or pulled-out stick, a FAT32 size limit...);
    nothing was left under the target's name."""
