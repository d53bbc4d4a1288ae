"""File names that Windows 10 and a FAT32 or exFAT USB stick accept, for every file the app
writes under a name taken from data: an evidence file's original name (typed on another PC, on
another system, carried in a bundle), an organisation's, a member's or a template's name.

One rule (:func:`windows_name`): the characters Windows refuses (``< > : " / \\ | ? *`` and
control characters) become ``_``; a device name (``CON``, ``PRN``, ``AUX``, ``NUL``,
``COM1``–``COM9``, ``LPT1``–``LPT9``, with or without an extension, in any case) gets a ``_``
after it; no name starts or ends with a dot or a space; a name holds at most 255 UTF-16 units,
and a file's whole path at most 259 (the classic ``MAX_PATH`` of 260 with its final NUL, which
Windows 10 applies unless long paths were switched on): the stem is shortened, the extension
kept. Text stays NFC, Vietnamese letters and tones kept. Names that Windows and FAT take for one
(equal but for case) are told apart as Windows does, ``" (2)"`` before the extension
(:func:`free_name`). ASCII file names of words (``"danh-sach-doan-vien.xlsx"``) come from
:func:`~doancoso.core.lang.text.slug`; a name made of a slug goes through here too.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from .text import nfc

MAX_NAME = 255
"""The most UTF-16 units of one name on NTFS, FAT32 (long names) and exFAT."""
MAX_PATH = 259
"""The most UTF-16 units of a whole path Windows 10 opens by default (MAX_PATH less its NUL)."""
MIN_ROOM = 32
"""The room a name keeps when its folder's path leaves less (a name cut shorter says nothing)."""

_REFUSED = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{port}{n}" for port in ("COM", "LPT") for n in "123456789\u00b9\u00b2\u00b3"}
)
_EXTENSION = re.compile(r"\.[0-9A-Za-z]{1,10}$")


def utf16_units(text: str) -> int:
    """How many UTF-16 code units Windows stores for ``text`` (2 for a character beyond the
    BMP, such as an emoji)."""
    return len(text) + sum(ord(ch) > 0xFFFF for ch in text)


def _cut(text: str, room: int) -> str:
    """``text``'s start in at most ``room`` UTF-16 units, never half a character."""
    used = 0
    for index, ch in enumerate(text):
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > room:
            return text[:index]
    return text


def _split(name: str) -> tuple[str, str]:
    """A name's stem and its extension (``".jpg"``; empty when it has none)."""
    found = _EXTENSION.search(name)
    if found is None or found.start() == 0:
        return name, ""
    return name[: found.start()], found.group()


def windows_name(name: str, empty: str = "tep", room: int = MAX_NAME) -> str:
    """``name`` as a name Windows and a FAT32/exFAT stick accept (see the module docstring), in
    at most ``room`` UTF-16 units: ``"CON.jpg"`` -> ``"CON_.jpg"``, ``"a:b?.pdf"`` ->
    ``"a_b_.pdf"``, ``"ảnh."`` -> ``"ảnh"``, ``"../x"`` -> ``"_x"``; a long name keeps its
    start and its extension. ``empty`` when nothing of ``name`` is left."""
    text = _REFUSED.sub("_", nfc(name)).strip(" .")
    if not text:
        text = empty
    device, dot, rest = text.partition(".")
    if device.rstrip(" ").upper() in _DEVICES:
        text = f"{device}_{dot}{rest}"
    if utf16_units(text) <= room:
        return text
    stem, extension = _split(text)
    stem = _cut(stem, max(room - utf16_units(extension), 1)).rstrip(" .")
    return (stem or _cut(empty, room)) + extension


def room_in(folder: Path) -> int:
    """How many UTF-16 units a name of a file in ``folder`` may hold: the path's cap less the
    folder's own path and its separator, at most :data:`MAX_NAME`, at least :data:`MIN_ROOM`."""
    left = MAX_PATH - utf16_units(str(folder.absolute())) - 1
    return max(MIN_ROOM, min(MAX_NAME, left))


def name_key(name: str) -> str:
    """What Windows and FAT compare of two names: one file for both when equal (case and the
    composed or decomposed form of a letter ignored)."""
    return unicodedata.normalize("NFC", name).casefold()


def free_name(name: str, taken: Iterable[str], room: int = MAX_NAME) -> str:
    """``name`` (already a :func:`windows_name`) if no name of ``taken`` is the same file on
    Windows (:func:`name_key`), else the first of ``"name (2).ext"``, ``"name (3).ext"``… that
    is free, its stem shortened to keep within ``room``."""
    keys = {name_key(other) for other in taken}
    if name_key(name) not in keys:
        return name
    stem, extension = _split(name)
    number = 2
    while True:
        tail = f" ({number}){extension}"
        candidate = _cut(stem, max(room - utf16_units(tail), 1)).rstrip(" .") + tail
        if name_key(candidate) not in keys:
            return candidate
        number += 1


def name_in_folder(folder: Path, name: str, empty: str = "tep") -> Path:
    """Where a file named ``name`` goes in ``folder``: :func:`windows_name` within the room the
    folder's path leaves (:func:`room_in`), made free of the names already there
    (:func:`free_name`: ``"Ảnh (2).jpg"`` beside ``"ảnh.JPG"``)."""
    room = room_in(folder)
    fitted = windows_name(name, empty, room)
    try:
        present = os.listdir(folder)
    except FileNotFoundError:
        present = []
    return folder / free_name(fitted, present, room)
