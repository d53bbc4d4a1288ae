"""Evidence files lost from the store taken back from a backup written to a USB stick, without
restoring its data ("Lấy lại tệp minh chứng bị mất từ USB…", ``doancoso restore-evidence``).

The files the records cite (not only detached ones) that the store lacks, or holds no longer
with their hash, are looked for in the backup's ``<name>.evidence`` folder
(:func:`.store.evidence_folder`); each is verified by its SHA-256 as it is copied into the
store (:meth:`~..evidence.store.EvidenceStore.take_back`: temporary name, flushed, renamed).
The database's records are only read: nothing but the store's missing files changes (and a
counter the service adds one to, so that an app open on the folder meanwhile sees it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..context import WorkspaceContext
from ..errors import AppError, StorageError
from ..lang.text import collation_key, vn_number
from ..storage.folder import os_reason
from .store import evidence_folder

ELSEWHERE = "Hãy lấy lại từ một bản sao lưu ra USB khác có {them} hoặc đính kèm lại tệp gốc."


@dataclass(frozen=True)
class TakenBack:
    """What a take-back did, each file named as the data check names it (its records' names,
    in the alphabet's order)."""

    taken: list[str] = field(default_factory=list)  # copied into the store
    absent: list[str] = field(default_factory=list)  # the backup does not have them either
    damaged: list[str] = field(default_factory=list)  # in the backup, but not with their hash


def _sorted(names: list[str]) -> list[str]:
    return sorted(dict.fromkeys(names), key=lambda name: (collation_key(name), name))


def take_back_evidence(ctx: WorkspaceContext, data_dir: Path, backup: Path) -> TakenBack:
    """Take back into ``data_dir``'s store the lost evidence files that the evidence folder of
    ``backup`` (a backup on a stick) holds sound; refused, nothing done, when ``backup`` has
    no such folder while files are lost."""
    from sqlalchemy import select

    from ..evidence.store import EvidenceStore
    from ..storage.models import EvidenceFile
    from .check import is_sha

    store = EvidenceStore(data_dir)
    with ctx.db.read() as session:
        rows = session.execute(
            select(EvidenceFile.sha256, EvidenceFile.original_name).where(
                EvidenceFile.deleted_at.is_(None)
            )
        ).all()
    cited: dict[str, list[str]] = {}
    for sha, name in rows:
        cited.setdefault(sha, []).append(name)
    lost = sorted(sha for sha in cited if not (is_sha(sha) and store.verify(sha)))
    if not lost:
        return TakenBack()
    folder = evidence_folder(backup)
    if not folder.is_dir():
        raise StorageError(
            f"Không có thư mục “{folder.name}” cạnh tệp sao lưu “{backup.name}”: chỉ bản sao lưu "
            "ra USB mới mang theo tệp minh chứng (trong thư mục đó). Hãy chọn một bản sao lưu ra "
            "USB. Chưa lấy lại tệp nào."
        )
    taken: list[str] = []
    absent: list[str] = []
    damaged: list[str] = []
    for sha in lost:
        source = folder / sha if is_sha(sha) else None
        if source is None or not source.is_file():
            absent += cited[sha]
            continue
        try:
            sound = store.take_back(source, sha)
        except AppError:
            raise
        except OSError as exc:  # the stick's file could not be opened (pulled out meanwhile)
            raise StorageError(
                f"Không đọc được tệp “{source}”: {os_reason(exc)}.", repr(exc)
            ) from exc
        (taken if sound else damaged).extend(cited[sha])
    return TakenBack(_sorted(taken), _sorted(absent), _sorted(damaged))


def _quoted(names: list[str]) -> str:
    return ", ".join(f"“{name}”" for name in names)


def taken_back_text(result: TakenBack, backup: Path) -> str:
    """What the dialog and the command say of ``result``: the files taken back, then those
    the backup does not have either and those it holds damaged, with what to do."""
    if not (result.taken or result.absent or result.damaged):
        return "Không có tệp minh chứng nào bị mất: không cần lấy lại tệp nào."
    lines = []
    if result.taken:
        lines.append(
            f"Đã lấy lại {vn_number(len(result.taken))} tệp minh chứng từ thư mục "
            f"“{evidence_folder(backup).name}”: {_quoted(result.taken)}."
        )
    else:
        lines.append("Chưa lấy lại được tệp minh chứng nào.")
    if result.absent:
        lines.append(
            f"Bản sao lưu này cũng không có {vn_number(len(result.absent))} tệp: "
            f"{_quoted(result.absent)}."
        )
    for name in result.damaged:
        lines.append(
            f"Tệp “{name}” trong bản sao lưu đã bị hỏng (nội dung không còn đúng như khi sao lưu) "
            "nên không được lấy lại."
        )
    if result.absent or result.damaged:
        them = "tệp đó" if len(result.absent) + len(result.damaged) == 1 else "các tệp đó"
        lines[-1] += " " + ELSEWHERE.format(them=them)
    return "\n".join(lines)
