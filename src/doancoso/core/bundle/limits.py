"""What a bundle reader accepts, checked before a byte of a member is trusted (zip bombs, huge
declared sizes, absurd counts). A real organisation's handover is far below each: 100,000
members make about 200 MB of rows; evidence files are 50 MB at most each (the store's limit)."""

from __future__ import annotations

FORMAT_NAME = "doancoso-bundle"
FORMAT_VERSION = 2
"""The newest version this app writes; it reads every version from 1 to this one. A bundle is
written with the lowest version that holds what it carries: 1, or 2 for a report bundle that
carries the built dossier (the member ``dossier.pdf``), so that an older app still reads every
other bundle."""
BASE_VERSION = 1
DOSSIER_VERSION = 2

MAX_MEMBERS = 500_000
"""Entries in the container: the manifest, one file per table, one per evidence file."""
MAX_MANIFEST_SIZE = 64 * 1024 * 1024
MAX_MEMBER_SIZE = 4 * 1024 * 1024 * 1024
"""One table's rows or one evidence file, uncompressed."""
MAX_TOTAL_SIZE = 64 * 1024 * 1024 * 1024
"""Every member together, uncompressed (what a reader may be made to read and hash)."""
MAX_RATIO = 200
"""Uncompressed to compressed size of a member above :data:`RATIO_FROM` bytes: rows compress
about ten to twenty times; a zip bomb a thousand times and more."""
RATIO_FROM = 1024 * 1024
MAX_LINE = 16 * 1024 * 1024
"""One row, as a line of JSON."""
MAX_JSON_DEPTH = 64

# The encryption layer (crypto.py).
CHUNK_SIZE = 64 * 1024
MIN_CHUNK_SIZE = 1024
MAX_CHUNK_SIZE = 4 * 1024 * 1024
SCRYPT_LOG2_N = 15
SCRYPT_R = 8
SCRYPT_P = 1
MAX_SCRYPT_MEMORY = 256 * 1024 * 1024
"""A header may ask for stronger scrypt parameters than ours, up to this much memory
(128·n·r bytes), so that a crafted header cannot make the reader allocate gigabytes."""
MAX_SCRYPT_WORK = 2**22
"""n·r·p at most (ours: 2^18): about 16 times our own cost."""

FAT_MAX_FILE = 4 * 1024 * 1024 * 1024 - 1
"""The largest file a FAT32 (or FAT16) drive holds."""
