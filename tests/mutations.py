"""Byte-level damage for the fuzz tests of the readers of outside files (#12): seeded, so that a
run makes the same cases every time and a failing case can be replayed.

:func:`mutated` damages any file the way a disk, a transfer or a careless edit does; the
SQLite-aware :func:`sqlite_mutated` also aims at what SQLite's reader trusts: the header's sizes
and counters, the b-tree page headers and cell pointers, whole pages swapped or lost.
"""

from __future__ import annotations

import random
import re

# Bytes that parsers treat specially: markup, quotes, digits, separators, UTF-8 leads.
INTERESTING = b"\x00\xff\x7f\x80\xc3\xe2<>/\"'=&;,\t\r\n09-+.:eE"


_DIGITS = re.compile(rb"\d+")
HUGE = (2**15, 2**16 + 1, 2**20, 2**31 - 1, 2**31, 2**32 - 1, 2**32, 2**63, 10**20)


def mutated(data: bytes, rnd: random.Random) -> bytes:
    """``data`` damaged 1 to 4 times: a bit flipped, a byte parsers care about, a run deleted,
    repeated or inserted, a number made huge, the file cut short."""
    out = bytearray(data)
    for _ in range(rnd.randint(1, 4)):
        if not out:
            out += bytes([rnd.randrange(256)])
        at = rnd.randrange(len(out))
        kind = rnd.randrange(7)
        digits = _DIGITS.search(out, at) if kind == 6 else None
        if digits:  # a number made huge: a count, a size, a reference a reader may trust
            out[digits.start() : digits.end()] = str(rnd.choice(HUGE)).encode()
        elif kind == 0:  # flip a bit
            out[at] ^= 1 << rnd.randrange(8)
        elif kind == 1:  # a byte parsers care about
            out[at] = rnd.choice(INTERESTING)
        elif kind == 2:  # delete a run
            del out[at : at + rnd.randint(1, 64)]
        elif kind == 3:  # repeat a run
            run = out[at : at + rnd.randint(1, 64)]
            out[at:at] = run * rnd.randint(1, 8)
        elif kind == 4:  # insert random bytes
            out[at:at] = bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 16)))
        else:  # cut the file short
            del out[at:]
    return bytes(out)


# Fields of SQLite's 100-byte header: (offset, width). Page size, file format versions, reserved
# bytes, payload fractions, change counter, size in pages, freelist, schema cookie and format,
# cache size, autovacuum root, text encoding, user version, incremental vacuum, application id,
# version-valid-for, SQLite version.
_HEADER = ((16, 2), (18, 1), (19, 1), (20, 1), (21, 1), (22, 1), (23, 1), (24, 4), (28, 4),
           (32, 4), (36, 4), (40, 4), (44, 4), (48, 4), (52, 4), (56, 4), (60, 4), (64, 4),
           (68, 4), (92, 4), (96, 4))  # fmt: skip
# Fields of a b-tree page header (from its start; 100 on page 1): page type, first freeblock,
# cell count, cell content start, fragmented bytes, right-most child.
_PAGE = ((0, 1), (1, 2), (3, 2), (5, 2), (7, 1), (8, 4))
_VALUES = (0, 1, 2, 5, 10, 13, 0x7F, 0x80, 0xFF, 0x100, 0x200, 0xFFFF, 0x10000, 2**31 - 1,
           2**31, 2**32 - 1)  # fmt: skip


def _put(out: bytearray, at: int, width: int, value: int) -> None:
    if at + width <= len(out):
        out[at : at + width] = (value % (1 << (8 * width))).to_bytes(width, "big")


def sqlite_mutated(data: bytes, rnd: random.Random, page_size: int = 4096) -> bytes:
    """``data`` (an SQLite file) damaged where SQLite looks: 1 to 3 of a header field, a page
    header field or cell pointer set to an edge value, a page copied over another or dropped,
    a page's bytes scrambled, the file cut at a page boundary or grown; or :func:`mutated`."""
    if rnd.random() < 0.25:
        return mutated(data, rnd)
    out = bytearray(data)
    pages = max(1, len(out) // page_size)
    for _ in range(rnd.randint(1, 3)):
        page = rnd.randrange(pages)
        start = page * page_size
        header = start + (100 if page == 0 else 0)
        kind = rnd.randrange(8)
        if kind == 0:  # a header field
            at, width = rnd.choice(_HEADER)
            _put(out, at, width, rnd.choice(_VALUES))
        elif kind == 1:  # a b-tree page header field
            at, width = rnd.choice(_PAGE)
            _put(out, header + at, width, rnd.choice(_VALUES))
        elif kind == 2:  # a cell pointer (after a 12-byte header on interior pages, else 8)
            if header + 12 <= len(out):
                cells = min(max(int.from_bytes(out[header + 3 : header + 5], "big"), 1), 500)
                pointers = header + (12 if out[header] in (2, 5) else 8)
                _put(out, pointers + 2 * rnd.randrange(cells), 2, rnd.choice(_VALUES))
        elif kind == 3:  # a page copied over another
            other = rnd.randrange(pages) * page_size
            out[start : start + page_size] = out[other : other + page_size]
        elif kind == 4:  # a page lost: the following ones shift down
            del out[start : start + page_size]
        elif kind == 5:  # a page's bytes scrambled
            chunk = out[start : start + page_size]
            rnd.shuffle(chunk)
            out[start : start + page_size] = chunk
        elif kind == 6:  # cut at a page boundary
            del out[start:]
        else:  # grown by zeros or garbage
            grow = rnd.randint(1, 3) * page_size
            out += bytes(grow) if rnd.random() < 0.5 else rnd.randbytes(grow)
    return bytes(out)
