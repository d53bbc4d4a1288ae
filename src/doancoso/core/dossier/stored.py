"""The last dossier built of each year, kept in the data folder for the report bundle (#17).

Each build of a year's recognition dossier (the dossier page, ``doancoso dossier -o``) also
copies the PDF it wrote to ``ho-so/ho-so-nam-<year>.pdf`` in the data folder, written
atomically (a temporary name, flushed, renamed): the report bundle of that year carries it, and
the export wizard says whether it will. The file's modification time is when it was built (the
rename keeps that of the copy). Only the last build of a year with every default part is kept
(:func:`missing_parts`): a build of only some of them would send the superior body an
incomplete dossier, so it leaves the one kept before as it was. A data folder that can only be
read keeps none.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..errors import AppError
from ..lang.dates import format_vn_datetime
from ..storage.files import written_atomically
from .check import DEFAULT_PARTS

log = logging.getLogger(__name__)

FOLDER = "ho-so"
PDF_MAGIC = b"%PDF-"


def file_name(year: int) -> str:
    """The kept dossier's name, also the name the report bundle gives it."""
    return f"ho-so-nam-{year}.pdf"


@dataclass(frozen=True)
class BuiltDossier:
    """The kept dossier of ``year``: the file, its size and when it was built (local time)."""

    year: int
    path: Path
    size: int
    built_at: datetime

    @property
    def file_name(self) -> str:
        return file_name(self.year)


def missing_parts(parts: Iterable[str]) -> list[str]:
    """The default parts not in ``parts`` (the parts chosen for a build), in their order. A
    build without any is a whole dossier, the one to keep: every default part chosen, in any
    order, optional ones added or not. A part chosen but left out of the PDF because it has
    nothing to show (no evidence file yet) counts as built: the dossier's contents name it and
    why."""
    chosen = set(parts)
    return [p for p in DEFAULT_PARTS if p not in chosen]


def built_dossier(data_dir: Path, year: int) -> BuiltDossier | None:
    """The last dossier built of ``year`` kept in ``data_dir``, or None."""
    path = Path(data_dir) / FOLDER / file_name(year)
    try:
        info = path.stat()
    except OSError:
        return None
    if not path.is_file() or info.st_size == 0:
        return None
    built_at = datetime.fromtimestamp(info.st_mtime).astimezone().replace(microsecond=0)
    return BuiltDossier(year, path, info.st_size, built_at)


def keep_built(data_dir: Path, year: int, pdf: Path) -> BuiltDossier | None:
    """Copy ``pdf`` (a whole dossier of ``year`` just built: :func:`missing_parts`) to the
    data folder, replacing the one kept before; None (logged) when it cannot be written: the
    build itself has succeeded, the report bundle then carries the dossier kept before, if any."""
    folder = Path(data_dir) / FOLDER
    try:
        folder.mkdir(exist_ok=True)
        with written_atomically(folder / file_name(year)) as temp:
            shutil.copyfile(pdf, temp)
            with open(temp, "r+b") as handle:
                os.fsync(handle.fileno())
    except (OSError, AppError) as exc:
        log.warning("could not keep the dossier of %s in the data folder: %s", year, exc)
        return None
    return built_dossier(data_dir, year)


def included_text(year: int, built: BuiltDossier | None) -> str:
    """What the export wizard says of the dossier a report bundle of ``year`` will carry."""
    if built is None:
        return f"Chưa tạo hồ sơ năm {year} có đủ các phần mặc định: gói báo cáo sẽ không kèm hồ sơ."
    when = format_vn_datetime(built.built_at)
    return (
        f"Kèm hồ sơ đề nghị công nhận năm {year} (tạo lúc {when}), bản gần nhất có đủ các phần "
        "mặc định."
    )


def partial_text(year: int, missing: Sequence[str], kept: BuiltDossier | None) -> str:
    """What a build without the default parts ``missing`` (:func:`missing_parts`) says of the
    report bundle: it is not kept, and what the bundle carries instead (``kept``, the whole one
    kept before, or none)."""
    text = (
        f"Hồ sơ này thiếu {len(missing)} phần mặc định nên không được lưu để kèm gói báo cáo "
        f"năm {year}: "
    )
    if kept is None:
        return text + "gói báo cáo sẽ không kèm hồ sơ cho đến khi tạo hồ sơ đủ các phần mặc định."
    when = format_vn_datetime(kept.built_at)
    return text + f"gói báo cáo vẫn kèm hồ sơ đủ các phần tạo lúc {when}."
