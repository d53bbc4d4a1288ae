"""Two threads on the core's caches at once, as the GUI thread (painting) and the worker
(writing) use them: no error, no duplicate, and the index ends equal to a fresh load."""

from __future__ import annotations

import threading
from pathlib import Path

from doancoso.core.roster.service import MemberFilter
from doancoso.core.workspace import Workspace

GIVEN = ("Thử", "Thức", "Thư", "Thuận", "Thụy")


def test_reads_and_writes_from_two_threads_keep_the_index_right(
    demo_ws: Workspace, data_dir: Path
) -> None:
    ws = demo_ws
    assert ws.members.count() > 0
    errors: list[BaseException] = []
    done = threading.Event()

    def write() -> None:
        try:
            added: list[str] = []
            for n in range(150):
                given = GIVEN[n % len(GIVEN)]
                birth = f"{1 + n % 28:02d}/01/2000"
                added.append(
                    ws.members.save({"full_name": f"Nguyễn Văn {given}", "birth_date": birth})
                )
                if n % 3 == 2:
                    ws.members.delete(added[-2:])
                if n % 10 == 9:
                    ws.members.restore(added[-2:-1])
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            done.set()

    def read() -> None:
        try:
            while not done.is_set():
                ids = ws.members.ids(MemberFilter(search="thu"))
                assert len(ids) == len(set(ids)), "duplicate ids in the index"
                ws.members.count()
                ws.members.rows(ws.members.ids(sort="birth_date")[:50])
                ws.statistics.roster()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write), threading.Thread(target=read)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    every = ws.members.ids(MemberFilter(statuses=()))
    assert len(every) == len(set(every))
    with Workspace.open(data_dir) as fresh:  # loads its index from the database
        assert fresh.members.ids(MemberFilter(statuses=())) == every
        assert fresh.statistics.roster().total == ws.statistics.roster().total
