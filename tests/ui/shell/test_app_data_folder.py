"""The app given a data folder it cannot use says why in a message box and opens no window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from doancoso.ui.shell.app import run_app
from scripted import ScriptedPrompts


def test_a_file_as_data_folder_is_explained(tmp_path: Path, qapp: QApplication) -> None:
    plain = tmp_path / "ds.txt"
    plain.write_text("x")
    prompts = ScriptedPrompts()
    assert run_app(plain, prompts) == 1
    assert prompts.errors == [
        f"Thư mục dữ liệu “{plain}” là một tệp, không phải thư mục. "
        "Hãy chọn một thư mục để chứa dữ liệu."
    ]
    assert [w for w in qapp.topLevelWidgets() if w.isVisible()] == []
    assert plain.read_text() == "x"
