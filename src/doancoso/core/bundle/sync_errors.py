"""Errors of the merge of bundles (the container's own are in :mod:`.errors`).

Like ``BundleError``, each derives from :class:`~doancoso.core.errors.ImportFileError`, which
the window and the command line show as a refusal; each message is Vietnamese and says that
nothing was written.
"""

from __future__ import annotations

from ..errors import ImportFileError

_NOTHING_WRITTEN = "Không có gì được ghi vào dữ liệu."  # validate.NOTHING_WRITTEN (imports this)


class SyncError(ImportFileError):
    """A bundle whose rows cannot be merged into this data; nothing was written."""


class ForeignBundle(SyncError):
    """A bundle of another organisation, without the choice to merge it in (sáp nhập) or to
    take it in place of a setup that is all this copy holds: ``theirs`` and ``mine`` are the
    two organisations' names; ``situation`` says whose data the file and this copy hold
    (firststart.py); the message adds what to do in the window, :meth:`for_command_line` what
    to do there."""

    def __init__(self, situation: str, theirs: str, mine: str, *, setup_only: bool = False) -> None:
        self.situation = situation
        self.theirs = theirs
        self.mine = mine
        self.setup_only = setup_only
        super().__init__(f"{situation} {self._remedy(False)} {_NOTHING_WRITTEN}")

    def for_command_line(self) -> str:
        return f"{self.situation} {self._remedy(True)} {_NOTHING_WRITTEN}"

    def _remedy(self, command_line: bool) -> str:
        if self.setup_only:
            how = (
                "hãy chạy lại với --replace-setup (thêm --dry-run để xem trước)"
                if command_line
                else "hãy nhận lại tệp bằng “Nhận dữ liệu từ USB…” và đồng ý thay"
            )
            return f"Để nhận bàn giao thay cho phần thiết lập đó, {how}."
        how = (
            "hãy chạy lại với --merge-organization (thêm --dry-run để xem trước)"
            if command_line
            else "hãy chọn “Sáp nhập tổ chức” để đưa dữ liệu vào"
        )
        if self.theirs.casefold() == self.mine.casefold():
            return f"Nếu đó thật ra là cùng một Đoàn cơ sở được thiết lập hai lần, {how}."
        return f"Nếu “{self.theirs}” sáp nhập vào “{self.mine}”, {how}."


class InvalidRows(SyncError):
    """A row of the bundle that this version cannot take: unknown table or column, a value of
    the wrong type, an id that collides, an evidence file named but absent."""


class UnresolvedConflicts(SyncError):
    """Rows changed on both sides since the last exchange, with no choice made for them."""
