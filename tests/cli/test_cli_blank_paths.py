"""A blank file or folder argument (``-o "$OUT"`` or ``--to "$USB"`` with the variable unset in
a script) is bad usage, exit 2, and nothing is written: ``backup --to ""`` wrote the backup
into whatever folder the script ran in, and ``members print -o ""`` and ``dossier -o ""`` said
the file "đang được chương trình khác sử dụng"."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest

from doancoso.cli.main import run
from doancoso.core.workspace import Workspace

FILE = "cần tên một tệp, không được để trống"
FOLDER = "cần tên một thư mục, không được để trống"

# Each command with a blank path, and how the message names the argument.
COMMANDS = [
    (["backup", "--to", "{blank}"], f"tùy chọn --to: {FOLDER}"),
    (["restore", "{blank}"], f"tham số TỆP_SAO_LƯU: {FILE}"),
    (["members", "print", "-o", "{blank}"], f"tùy chọn -o/--output: {FILE}"),
    (["members", "export", "{blank}"], f"tham số TỆP: {FILE}"),
    (["members", "import", "{blank}"], f"tham số TỆP: {FILE}"),
    (["dossier", "--year", "2026", "-o", "{blank}"], f"tùy chọn -o/--output: {FILE}"),
    (["calendar", "export", "{blank}"], f"tham số TỆP: {FILE}"),
    (["activity", "attend", "abc", "--file", "{blank}"], f"tùy chọn --file: {FILE}"),
    (["checklist", "attach", "1.1", "{blank}", "--year", "2026"], f"tham số TỆP: {FILE}"),
    (["checklist", "template", "import", "{blank}"], f"tham số TỆP: {FILE}"),
    (["checklist", "template", "export", "Mẫu", "{blank}"], f"tham số TỆP: {FILE}"),
    (["plan", "print", "--year", "2026", "-o", "{blank}"], f"tùy chọn -o/--output: {FILE}"),
    (
        ["rating", "print", "--year", "2026", "--document", "phieu", "-o", "{blank}"],
        f"tùy chọn -o/--output: {FILE}",
    ),
    (["rating", "export", "--year", "2026", "{blank}"], f"tham số TỆP: {FILE}"),
    (["rating", "import", "--year", "2026", "{blank}"], f"tham số TỆP: {FILE}"),
]


@pytest.mark.parametrize("blank", ["", " "])
@pytest.mark.parametrize(("command", "message"), COMMANDS)
def test_a_blank_path_is_bad_usage_and_writes_nothing(
    ws: Workspace,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    message: str,
    blank: str,
) -> None:
    ws.members.save({"full_name": "Lê Văn An", "birth_date": "05/03/2001"})
    ws.close()
    here = tmp_path / "script"  # where the script runs
    here.mkdir()
    monkeypatch.chdir(here)
    backups = sorted((data_dir / "backups").glob("*"))
    argv = [arg.format(blank=blank) for arg in command]
    out = StringIO()
    with pytest.raises(SystemExit) as info:
        run([*argv, "--data-dir", str(data_dir)], out=out, err=StringIO())
    assert (info.value.code, out.getvalue()) == (2, "")
    err = capsys.readouterr().err
    assert err.startswith("cách dùng: doancoso ")
    assert err.endswith(f"\nLỗi cú pháp lệnh: {message}\n")
    assert list(here.iterdir()) == []
    assert sorted((data_dir / "backups").glob("*")) == backups
    with Workspace.open(data_dir) as again:
        assert again.members.count() == 1
