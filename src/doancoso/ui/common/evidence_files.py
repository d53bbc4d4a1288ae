"""What every list of evidence files in the GUI shares: the detach the undo history sees, a
file's size in words, and a copy under its own name for the system's viewer (the store's files
are named by their hash, with no extension)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Sequence
from pathlib import Path

from ...core.evidence.service import Attachment, EvidenceService
from ...core.workspace import Workspace
from ..shell.undo import SoftDeleting

FILE_FILTERS = "Ảnh và PDF (*.jpg *.jpeg *.png *.pdf);;Tất cả các tệp (*)"
EXTENSIONS = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}
VIEW_FOLDER = "doancoso-minh-chung"
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


class _Detaching:
    """The evidence service seen by the undo history: delete = detach, restore = reattach."""

    def __init__(self, evidence: EvidenceService) -> None:
        self._evidence = evidence

    def delete(self, ids: Sequence[str]) -> int:
        return self._evidence.detach(list(ids))

    def restore(self, ids: Sequence[str]) -> int:
        return self._evidence.reattach(list(ids))


def evidence_service(ws: Workspace) -> SoftDeleting:
    return _Detaching(ws.evidence)


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(size // 1024, 1)} KB"
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")


def viewable_copy(attachment: Attachment, under: Path) -> Path:
    """A copy of a stored file under its original name (with its type's extension) in a
    folder of ``under`` (the system's temporary folder), for the system's viewer."""
    folder = under / attachment.sha256[:16]
    folder.mkdir(parents=True, exist_ok=True)
    name = _UNSAFE.sub("_", attachment.original_name).strip(" .") or "minh-chung"
    extension = EXTENSIONS.get(attachment.media_type, "")
    if extension and not name.lower().endswith((extension, ".jpeg")):
        name += extension
    target = folder / name
    if not target.is_file() or target.stat().st_size != attachment.size:
        shutil.copyfile(attachment.path, target)
    return target
