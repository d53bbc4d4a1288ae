"""Step 2 of the import wizard (import_wizard.py): what the file is.

At left the organisation, kind, date, app and format version, whether it had a password and its
SHA-256 (as the biên bản bàn giao prints it, to compare); a report's built dossier, saved by
"Lưu hồ sơ (PDF)…"; the notice about whose data it is and, for another organisation's, the
choice to merge it in. At right the records it holds, a row each, as the biên bản lists them.
The wizard decides what the notice says and what the buttons do; this page shows the file.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.bundle.about import ABOUT_LABELS, about_values
from ...core.bundle.labels import ALL_ROWS_HEADER, ALL_ROWS_NOTE, moment_text
from ...core.bundle.manifest import live_counts
from ...core.bundle.service import BundleInfo
from ...core.lang.text import size_text
from ...reports.handover import EVIDENCE_FILES, LIVE_NOTE, count_lines, sha256_lines
from .counts import CountsTable
from .password import ERROR_STYLE, NOTICE_STYLE

ABOUT_KEYS = ("organization", "kind", "created", "version", "encrypted")
"""The keys in :attr:`BundleInfoPage.info_labels` of what :data:`ABOUT_LABELS` name, in order."""


class BundleInfoPage(QWidget):
    """What the file is at left; at right, the records it holds, a row each (as many as the
    biên bản bàn giao lists: all of them shown at 1366×768)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        columns = QHBoxLayout(self)
        layout = QVBoxLayout()
        self.info_form = QFormLayout()
        self.info_labels: dict[str, QLabel] = {}
        for key, label in (*zip(ABOUT_KEYS, ABOUT_LABELS, strict=True),
                           ("sha256", "Mã SHA-256:")):  # fmt: skip
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.info_labels[key] = value
            self.info_form.addRow(label, value)
        self.info_labels["sha256"].setStyleSheet("font-family: monospace;")
        self.info_labels["sha256"].setToolTip(
            "Đối chiếu với mã ghi trong biên bản bàn giao: trùng khớp là đúng tệp đã giao."
        )
        layout.addLayout(self.info_form)
        dossier_row = QHBoxLayout()  # a report's built dossier: saved from here, kept nowhere
        self.dossier_label = QLabel()
        self.dossier_label.setWordWrap(True)
        self.dossier_button = QPushButton("Lưu &hồ sơ (PDF)…")
        self.dossier_button.setAutoDefault(False)
        dossier_row.addWidget(self.dossier_label, 1)
        dossier_row.addWidget(self.dossier_button)
        self.dossier_box = QWidget()
        self.dossier_box.setLayout(dossier_row)
        dossier_row.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.dossier_box)
        self.foreign_notice = QLabel()
        self.foreign_notice.setWordWrap(True)
        self.foreign_notice.setStyleSheet(NOTICE_STYLE)
        layout.addWidget(self.foreign_notice)
        self.merge_box = QCheckBox()
        layout.addWidget(self.merge_box)
        self.info_error = QLabel()
        self.info_error.setWordWrap(True)
        self.info_error.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.info_error)
        layout.addStretch(1)
        counts = QVBoxLayout()
        self.counts_table = CountsTable(("Loại dữ liệu", "Số lượng"))
        counts.addWidget(self.counts_table)
        self.counts_note = QLabel()
        self.counts_note.setWordWrap(True)
        counts.addWidget(self.counts_note)
        counts.addStretch(1)
        columns.addLayout(layout, 3)
        columns.addLayout(counts, 2)

    def show_file(self, info: BundleInfo, digest: str) -> None:
        """The file's manifest ``info`` and its SHA-256 ``digest``, its counts and its dossier."""
        labels = self.info_labels
        labels["sha256"].setText("\n".join(sha256_lines(digest)))  # as the biên bản prints it
        for key, value in zip(ABOUT_KEYS, about_values(info), strict=True):
            labels[key].setText(value)
        self._show_counts(info)
        self._show_dossier(info)

    def _show_counts(self, info: BundleInfo) -> None:
        """The records the file holds, as the biên bản bàn giao prints them: those not deleted,
        members by status; a file written before bundles carried those figures shows every
        row, deleted ones included, and says so (as its biên bản printed them)."""
        live = live_counts(info.manifest)
        if live is not None:
            lines = count_lines(live.tables, live.member_statuses)
            rows: list[tuple[Any, ...]] = [(("    " if d else "") + n, c) for n, c, d in lines]
            header, note = "Số lượng", LIVE_NOTE
        else:
            rows = [(name, n) for name, n, _detail in count_lines(info.counts)]
            header, note = ALL_ROWS_HEADER, ALL_ROWS_NOTE
        rows.append((EVIDENCE_FILES, info.evidence_files))
        self.counts_table.setHorizontalHeaderLabels(["Loại dữ liệu", header])
        self.counts_note.setText(note)
        self.counts_table.fill(rows)

    def _show_dossier(self, info: BundleInfo) -> None:
        dossier = info.manifest.dossier
        self.dossier_box.setVisible(dossier is not None)
        if dossier is not None:
            self.dossier_label.setText(
                f"Kèm hồ sơ đề nghị công nhận năm {dossier.year} (tạo lúc "
                f"{moment_text(dossier.built_at)}, {size_text(dossier.size)})."
            )
