"""File names that Windows 10 and a FAT32 or exFAT USB stick accept, for every file the app
writes under a name taken from data, or offers in a save dialog: an evidence file's original name
(typed on another PC, on another system, carried in a bundle), an organisation's, a chi đoàn's, a
member's or a template's name, a bundle's name.

One rule (:func:`windows_name`): the characters Windows refuses become readable ones (``/``,
``\\`` and ``|`` a ``-``, as in a date "05-12-2026"; ``": "`` a ``" - "`` and any other ``:`` a
``-``; ``"`` a ``'``; ``<`` and ``>`` brackets; ``?`` and ``*`` dropped; control characters
dropped); a device name (``CON``, ``PRN``, ``AUX``, ``NUL``, ``COM1``–``COM9``,
``LPT1``–``LPT9``, with or without an extension, in any case) gets a ``_`` after it; no name
starts or ends with a dot or a space; a name holds at most 255 UTF-16 units, and a file's whole
path at most 259 (the classic ``MAX_PATH`` of 260 with its final NUL, which Windows 10 applies
unless long paths were switched on): the stem is shortened, the extension kept. A name the app
offers in a save dialog, before the folder is known, holds at most :data:`SHORT_NAME` units
(:func:`offered_name`, which shortens the part taken from data and keeps the end the app writes,
such as a date), so that a folder of usual depth leaves it within the path's cap. Text
stays NFC, Vietnamese letters and tones kept. Names that Windows and FAT take for one (equal but
for case) are told apart as Windows does, ``" (2)"`` before the extension (:func:`free_name`).
ASCII file names of words (``"danh-sach-doan-vien.xlsx"``) come from
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
SHORT_NAME = 120
"""The most UTF-16 units of a name the app offers in a save dialog: Documents on Windows
(``C:\\Users\\<name>\\Documents``, about 30) or a stick's folders several deep leave it within
:data:`MAX_PATH`."""

_REFUSED = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
"""What Windows refuses in a name; none is left once :data:`_READABLE` and :func:`nfc` ran."""
_COLON_SPACED = re.compile(r"\s*:\s+")
_READABLE = str.maketrans(
    {"/": "-", "\\": "-", "|": "-", ":": "-", '"': "'", "<": "(", ">": ")", "?": "", "*": ""}
)
_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{port}{n}" for port in ("COM", "LPT") for n in "123456789\u00b9\u00b2\u00b3"}
)
_CUT_ENDS = " .-_"
"""What a shortened name does not end with: a word's dash left alone says nothing."""
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


def readable(name: str) -> str:
    """``name`` NFC with the characters Windows refuses replaced as a reader would write them
    (see the module docstring): ``"Chi đoàn 1/5"`` -> ``"Chi đoàn 1-5"``, ``"Hội nghị: tổng
    kết?"`` -> ``"Hội nghị - tổng kết"``; spaces collapsed, none at either end."""
    text = _COLON_SPACED.sub(" - ", nfc(name)).translate(_READABLE)
    return _REFUSED.sub("", nfc(text))


def _fit(text: str, room: int, empty: str) -> str:
    """``text`` in at most ``room`` UTF-16 units: its stem shortened, its extension kept."""
    if utf16_units(text) <= room:
        return text
    stem, extension = _split(text)
    stem = _cut(stem, max(room - utf16_units(extension), 1)).rstrip(_CUT_ENDS)
    return (stem or _cut(empty, room)) + extension


def windows_name(name: str, empty: str = "tep", room: int = MAX_NAME) -> str:
    """``name`` as a name Windows and a FAT32/exFAT stick accept (see the module docstring), in
    at most ``room`` UTF-16 units: ``"CON.jpg"`` -> ``"CON_.jpg"``, ``"a: b?.pdf"`` ->
    ``"a - b.pdf"``, ``"ảnh."`` -> ``"ảnh"``, ``"../x"`` -> ``"-x"``; a long name keeps its
    start and its extension. ``empty`` when nothing of ``name`` is left, before the extension
    when only that is (``"?.pdf"`` -> ``"tep.pdf"``)."""
    text = readable(name).rstrip(" .")
    extension = _EXTENSION.search(text)
    if extension is not None and not text[: extension.start()].strip(" ."):
        text = empty + extension.group()  # ".pdf", "?.pdf": the extension only
    text = _fit(_not_device(text.lstrip(" .") or empty), room, empty)
    return _fit(_not_device(text), room, empty)  # cut short, it may have become one


def _not_device(text: str) -> str:
    """``text`` with a ``_`` after its part before the first dot if that is a device name."""
    device, dot, rest = text.partition(".")
    if device.rstrip(" ").upper() in _DEVICES:
        return f"{device}_{dot}{rest}"
    return text


def offered_name(name: str, end: str = "", empty: str = "tep", room: int = SHORT_NAME) -> str:
    """The name a save dialog offers: ``name`` (it holds what was taken from data: an
    organisation's, a chi đoàn's, a file's name) then ``end`` (what the app writes after it: a
    kind, a date, the extension), as :func:`windows_name` in at most ``room`` UTF-16 units
    (:data:`SHORT_NAME`: the folder is not known yet), ``name`` shortened, never ``end``:
    ``offered_name("doancoso-" + slug(org), "-ban-giao-07-12-2026.dcs")``."""
    if not end:
        return windows_name(name, empty, room)
    start = readable(name).rstrip(" .")  # "Bàn giao." + ".pdf": no ".." before the end
    if "." in start:  # "CON.x" + "-ban-giao": a device name, made one no more before any cut
        start = _not_device(start)
    if utf16_units(windows_name(start + end, empty)) > room:
        start = _cut(start, max(room - utf16_units(readable(end)), 1)).rstrip(_CUT_ENDS)
    return windows_name(start + end, empty, room)


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
