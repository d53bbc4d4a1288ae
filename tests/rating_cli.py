"""What the tests of ``doancoso rating`` share: running a command, bad usage, and a small
round (the ``ids`` fixture)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_run import CliResult
from cli_run import cli as run_cli
from doancoso.core.workspace import Workspace

YEAR = "2025"
CLOSED = (  # the command, not the app's button "Mở lại", which a terminal does not have
    "Lỗi: Đợt xếp loại năm 2025 đã kết thúc: mở lại đợt bằng lệnh “doancoso rating reopen --year "
    "2025” trước khi sửa.\n"
)


def cli(data_dir: Path, *argv: str) -> CliResult:
    """Run ``doancoso <group> <command> --data-dir DIR <rest>``."""
    return run_cli(*argv[:2], "--data-dir", str(data_dir), *argv[2:])


def usage(capsys: pytest.CaptureFixture[str], data_dir: Path, *argv: str) -> tuple[int, str]:
    """Bad usage: argparse exits 2 and writes to stderr."""
    with pytest.raises(SystemExit) as info:
        cli(data_dir, *argv)
    return int(str(info.value.code)), capsys.readouterr().err


@pytest.fixture
def ids(ws: Workspace) -> dict[str, str]:
    """Tân Hưng: An (95%, training Xuất sắc, proposed 1), Bình (72,5%), Tạm (temporary);
    Kênh Xáng: Dũng (40%, proposed 3)."""
    one = ws.branches.create("Chi đoàn ấp Tân Hưng").id
    two = ws.branches.create("Chi đoàn ấp Kênh Xáng").id

    def member(name: str, branch: str) -> str:
        return ws.members.save({"full_name": name, "birth_date": "05/03/2000",
                                "branch_id": branch, "admission_date": "01/01/2020"})  # fmt: skip

    found = {"An": member("Nguyễn Văn An", one), "Bình": member("Trần Thị Bình", one),
             "Tạm": member("Đỗ Văn Tạm", one), "Dũng": member("Phạm Văn Dũng", two)}  # fmt: skip
    ws.events.record(found["Tạm"], "temporary", "01/02/2025", home_organization="Đoàn phường 5",
                     period_start="01/02/2025")  # fmt: skip
    ws.rating.set(2025, found["An"], {"participation": 95, "training_result": "xuat-sac",
                                      "proposed_level": 1})  # fmt: skip
    ws.rating.set(2025, found["Bình"], {"participation": "72,5%"})
    ws.rating.set(2025, found["Dũng"], {"participation": 40, "proposed_level": 3})
    return found
