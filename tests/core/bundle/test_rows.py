"""collect(): every travelling row of the organisation as JSON values, in one read transaction,
with the evidence files it names; a report bundle holds only its year."""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from doancoso.core.bundle.rows import DictSource, collect, columns_of, travelling_tables
from doancoso.core.errors import AppError
from doancoso.core.workspace import DATABASE_FILE, Workspace


def _count(ws: Workspace, sql: str) -> int:
    conn = sqlite3.connect(ws.db.path)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def test_a_handover_carries_every_travelling_row_with_every_column(home: Workspace) -> None:
    member_id = home.members.list()[0].id
    home.members.delete([member_id])  # a tombstone travels too
    with collect(home, "handover") as snap:
        assert snap.tables() == list(travelling_tables())
        for table in snap.tables():
            rows = list(snap.rows(table))
            assert len(rows) == _count(home, f"SELECT count(*) FROM {table}"), table
            assert snap.manifest["counts"][table] == len(rows)
            for row in rows:
                assert list(row) == list(columns_of(table))
                json.dumps(row)  # JSON values only
        members = {m["id"]: m for m in snap.rows("members")}
        assert members[member_id]["deleted_at"] is not None
        some = next(iter(members.values()))
        assert isinstance(some["birth_date"], str) and len(some["birth_date"]) == 10
        assert "T" in some["created_at"] and isinstance(some["revision"], int)
        org = home.organization.get()
        assert org is not None
        assert snap.manifest["organization"] == {"id": org.id, "name": org.name}
        assert snap.manifest["kind"] == "handover"
        assert snap.manifest["installation_id"] == home.db.installation_id
        assert snap.manifest["exchange"] == {"installation": home.db.installation_id, "agreed": {}}
        named = {e["sha256"] for e in snap.rows("evidence_files") if e["deleted_at"] is None}
        assert named and set(snap.evidence_hashes()) == named
        assert snap.manifest["evidence_files"] == len(named)
        for sha in named:
            assert hashlib.sha256(snap.evidence(sha).read_bytes()).hexdigest() == sha
        settings = list(snap.rows("occurrences"))
        assert all(isinstance(o["attendance_taken"], bool) for o in settings)


def test_a_report_holds_only_its_year(home: Workspace) -> None:
    year = home.plans.years()[0]
    with collect(home, "report", year) as snap:
        assert "settings" not in snap.tables() and "criteria_templates" not in snap.tables()
        assert {p["year"] for p in snap.rows("plans")} == {year}
        days = {o["day"][:4] for o in snap.rows("occurrences")}
        assert days == {str(year)}
        assert {r["year"] for r in snap.rows("rating_rounds")} == {year}
        assert len(list(snap.rows("members"))) == _count(home, "SELECT count(*) FROM members")
        assert snap.manifest["kind"] == "report" and snap.manifest["year"] == year
        everything = _count(home, "SELECT count(*) FROM rating_rounds")
        assert everything > len(list(snap.rows("rating_rounds")))
    with pytest.raises(AppError, match="Gói báo cáo cần chọn năm báo cáo."):
        collect(home, "report", None)


def test_a_snapshot_reads_the_data_as_they_were_when_it_began(home: Workspace) -> None:
    from bundle_sync import edit

    member = home.members.list()[0]
    with collect(home, "handover") as snap:
        edit(home, member.id, full_name="Tên Đã Đổi")
        names = {m["id"]: m["full_name"] for m in snap.rows("members")}
        assert names[member.id] == member.full_name
    with collect(home, "handover") as snap:
        names = {m["id"]: m["full_name"] for m in snap.rows("members")}
        assert names[member.id] == "Tên Đã Đổi"


def test_a_live_attachment_whose_file_is_gone_is_refused(home: Workspace) -> None:
    with collect(home, "handover") as snap:
        sha = snap.evidence_hashes()[0]
    (home.data_dir / "evidence" / sha).unlink()
    with pytest.raises(AppError) as caught:
        collect(home, "handover")
    assert "không còn trong kho minh chứng nên không đóng gói được" in caught.value.message


def test_a_dict_source_holds_a_snapshot_in_memory(home: Workspace, tmp_path: Path) -> None:
    with collect(home, "handover") as snap:
        held = DictSource.of(snap)
        assert held.tables() == snap.tables()
        assert list(held.rows("members")) == list(snap.rows("members"))
        assert held.evidence_hashes() == snap.evidence_hashes()
    held.table("members")[0]["full_name"] = "Đổi trong bộ nhớ"
    assert next(held.rows("members"))["full_name"] == "Đổi trong bộ nhớ"


def test_rows_are_read_column_by_column_into_the_json_form_of_each_value(
    home: Workspace,
) -> None:
    """A snapshot converts a chunk of rows column by column; every value is what ``to_json``
    makes of it one by one (dates and times in ISO form, booleans as true/false)."""
    from doancoso.core.bundle.rows import to_json

    with collect(home, "handover") as snapshot:
        carried = {table: list(snapshot.rows(table)) for table in snapshot.tables()}
    with contextlib.closing(sqlite3.connect(home.data_dir / DATABASE_FILE)) as conn:
        for table, rows in carried.items():
            kinds = columns_of(table)
            raw = conn.execute(f"SELECT {', '.join(kinds)} FROM {table} ORDER BY rowid").fetchall()
            one_by_one = [
                {n: to_json(v, kinds[n]) for n, v in zip(kinds, values, strict=True)}
                for values in raw
            ]
            assert rows == one_by_one, table
            for row in rows:  # and of the same types, not only equal (True == 1)
                assert [type(v) for v in row.values()] == [
                    type(to_json(v, k)) for v, k in zip(row.values(), kinds.values(), strict=True)
                ]
    assert len(carried["members"]) == 40
    assert {type(r["attendance_taken"]) for r in carried["occurrences"]} == {bool}
    assert {type(r["created_at"]) for r in carried["members"]} == {str}


def test_rows_encoded_a_column_at_a_time_are_the_same_bytes(home: Workspace) -> None:
    """The writer encodes a snapshot's rows a column at a time: byte for byte the JSON lines
    it writes of the same rows one at a time, for every table."""
    from doancoso.core.bundle.writer import _encoded, _encoded_columns

    with collect(home, "handover") as snap:
        for table in snap.tables():
            by_row = list(_encoded(snap.rows(table), table))
            by_column = list(_encoded_columns(snap.columns(table), table))
            assert b"".join(by_column) == b"".join(by_row), table
            lines = b"".join(by_row).count(b"\n")
            assert lines == snap.manifest["counts"][table]
            assert [json.loads(line) for line in b"".join(by_column).splitlines()] == list(
                snap.rows(table)
            )


def test_rows_made_by_sqlite_are_the_same_bytes(home: Workspace) -> None:
    """The snapshot has SQLite write its rows' JSON lines (``json_lines``): byte for byte the
    lines the writer makes of the same rows one at a time, for every table; the members' chunk
    made by SQLite, the ratings' (a REAL, which SQLite writes with 15 digits) in Python."""
    from doancoso.core.bundle.writer import _encoded, _encoded_source

    with collect(home, "handover") as snap:
        for table in snap.tables():
            by_row = b"".join(_encoded(snap.rows(table), table))
            assert b"".join(_encoded_source(snap, table)) == by_row, table
        made = {t: [type(c) for c in snap.json_lines(t)] for t in ("members", "ratings")}
    assert made == {"members": [bytes], "ratings": [tuple]}


def test_a_table_of_more_columns_than_sqlite_functions_take_encoded_in_python(
    home: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``json_object`` takes at most 127 arguments in most SQLite builds: a table of more than
    63 columns (the members have 50 today) is encoded by Python, to the same bytes."""
    from doancoso.core.bundle import rows
    from doancoso.core.bundle.writer import _encoded, _encoded_source

    monkeypatch.setattr(rows, "SQL_FUNCTION_ARGUMENTS", 2 * len(columns_of("members")) - 1)
    with collect(home, "handover") as snap:
        made = {t: [type(c) for c in snap.json_lines(t)] for t in ("members", "branches")}
        assert made == {"members": [tuple], "branches": [bytes]}
        one_by_one = b"".join(_encoded(snap.rows("members"), "members"))
        assert b"".join(_encoded_source(snap, "members")) == one_by_one


def test_awkward_stored_values_made_by_sqlite_or_in_python(home: Workspace) -> None:
    """Values SQLite would write otherwise than the writer (a number in a text column, a time
    with no fraction of a second or with an offset) send their chunk of 1,000 rows to the
    Python encoder; a boolean stored as 2 SQLite writes ``true`` as Python does. The file's
    bytes are the same either way, texts with quotes, control characters and any Unicode
    included, as the rows one at a time make them. A time that is no date and time stops the
    export as it did before."""
    from doancoso.core.bundle.writer import _encoded, _encoded_source

    members = [m.id for m in home.members.list()]
    odd = 'Nguyễn "Văn" \\ A\n\t\x00\x1f\x7f\u2028 😀 %s {}'
    update = "UPDATE members SET {} WHERE id = ?"
    changes = [
        (update.format("full_name = ?, notes = ?"), (odd, "Ghi\r\nchú", members[0])),
        (update.format("notes = 12345"), (members[1],)),
        (update.format("created_at = '2026-01-02 03:04:05.000000'"), (members[2],)),
        (update.format("updated_at = '2026-01-02 03:04:05.5+0700'"), (members[3],)),
        ("UPDATE occurrences SET attendance_taken = 2 WHERE rowid = 1", ()),
    ]
    with contextlib.closing(sqlite3.connect(home.db.path)) as conn:
        for sql, params in changes:
            with conn:
                conn.execute(sql, params)
    with collect(home, "handover") as snap:
        made = {t: [type(c) for c in snap.json_lines(t)] for t in ("members", "occurrences")}
        assert made == {"members": [tuple], "occurrences": [bytes]}
        for table in made:
            one_by_one = b"".join(_encoded(snap.rows(table), table))
            assert b"".join(_encoded_source(snap, table)) == one_by_one, table
        lines = b"".join(_encoded_source(snap, "members")).decode("utf-8").split("\n")[:-1]
        taken = b"".join(_encoded_source(snap, "occurrences"))
    assert b'"attendance_taken":true' in taken
    rows = {row["id"]: row for row in map(json.loads, lines)}
    assert rows[members[0]]["full_name"] == odd
    assert rows[members[1]]["notes"] == "12345"
    assert rows[members[2]]["created_at"] == "2026-01-02T03:04:05"
    assert rows[members[3]]["updated_at"] == "2026-01-02T03:04:05.500000+07:00"
    with contextlib.closing(sqlite3.connect(home.db.path)) as conn, conn:
        conn.execute(
            "UPDATE members SET created_at = '2026-02-29 10:00:00.123456' WHERE id = ?",
            (members[4],),
        )
    with collect(home, "handover") as snap:
        with pytest.raises(ValueError) as by_row:
            list(_encoded(snap.rows("members"), "members"))
        with pytest.raises(ValueError) as by_sqlite:
            list(_encoded_source(snap, "members"))
    assert str(by_sqlite.value) == str(by_row.value) == "day is out of range for month"
    with contextlib.closing(sqlite3.connect(home.db.path)) as conn, conn:
        restored = ["notes = NULL", "created_at = updated_at", "updated_at = created_at"]
        for i, sound in enumerate([*restored, "created_at = updated_at"], 1):
            conn.execute(update.format(sound), (members[i],))
    with collect(home, "handover") as snap:
        assert [type(c) for c in snap.json_lines("members")] == [bytes]
    with contextlib.closing(sqlite3.connect(home.db.path)) as conn, conn:
        conn.execute(  # a text that is not UTF-8 (SQLite would copy its bytes into the line)
            update.format("notes = CAST(x'4e67c3' AS TEXT)"), (members[4],)
        )
    with collect(home, "handover") as snap:
        with pytest.raises(sqlite3.OperationalError) as unread_by_row:
            list(_encoded(snap.rows("members"), "members"))
        with pytest.raises(sqlite3.OperationalError) as unread_by_sqlite:
            list(_encoded_source(snap, "members"))
    assert str(unread_by_sqlite.value) == str(unread_by_row.value)
    assert str(unread_by_row.value).startswith("Could not decode to UTF-8")


def test_awkward_values_encoded_a_column_at_a_time() -> None:
    """Newlines, quotes, percent signs, separators in text, big and odd numbers, nulls: each
    line as the row-by-row encoder makes it; a value that is no JSON scalar falls back to it;
    NaN stops the export with the same message either way."""
    from doancoso.core.bundle.errors import BundleError
    from doancoso.core.bundle.writer import _encoded, _lines_of_columns

    names = ["id", "ghi_chu", "so", "co"]
    columns: list[list[object]] = [
        ["a", "b", "c", "d", "e"],
        ["dòng 1\ndòng 2", 'có "ngoặc" và \\', "%s %d %% {}", "\u2028,\n:", None],
        [10**30, -0.0, 1e-300, 2.5, None],
        [True, False, None, True, False],
    ]
    rows = [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]
    expected = b"".join(_encoded(iter(rows), "members")).decode("utf-8").split("\n")[:-1]
    assert _lines_of_columns(names, columns, "members") == expected
    nested: list[list[Any]] = [*columns[:3], [[1, 2], {"a": 1, "b": 2}, [], {}, [3]]]
    rows = [dict(zip(names, values, strict=True)) for values in zip(*nested, strict=True)]
    expected = b"".join(_encoded(iter(rows), "members")).decode("utf-8").split("\n")[:-1]
    assert _lines_of_columns(names, nested, "members") == expected
    with pytest.raises(BundleError) as by_column:
        _lines_of_columns(["id", "so"], [["a", "b"], [1.0, float("nan")]], "members")
    with pytest.raises(BundleError) as by_row:
        list(_encoded(iter([{"id": "a", "so": 1.0}, {"id": "b", "so": float("nan")}]), "members"))
    assert by_column.value.message == by_row.value.message
    assert by_column.value.message.startswith(
        "Một bản ghi của bảng “Đoàn viên” (members) không ghi được vào gói dữ liệu"
    )


def test_large_tables_encoded_a_column_at_a_time_in_several_batches() -> None:
    from doancoso.core.bundle.writer import _encoded, _encoded_columns

    names = ["id", "ho_ten"]
    chunks = [
        (names, [[f"{c}-{i}" for i in range(1000)], [f"Nguyễn Văn {i} " * 40 for i in range(1000)]])
        for c in range(3)
    ]
    rows = [dict(zip(n, v, strict=True)) for n, cols in chunks for v in zip(*cols, strict=True)]
    by_column = list(_encoded_columns(iter(chunks), "members"))
    assert len(by_column) >= 2
    assert b"".join(by_column) == b"".join(_encoded(iter(rows), "members"))
    assert b"".join(by_column).count(b"\n") == 3000


def test_the_manifest_counts_live_records_and_members_by_status(home: Workspace) -> None:
    from doancoso.core.bundle.manifest import dumps, live_counts, parse_manifest

    with collect(home, "handover") as snap:
        total = snap.count("members")
    gone = home.members.list()[0].id
    home.members.delete([gone])
    with collect(home, "handover") as snap:
        fields = snap.manifest
    assert fields["counts"]["members"] == total  # the tombstone travels and is counted here
    assert fields["live_counts"]["members"] == total - 1
    statuses = fields["member_statuses"]
    assert sum(statuses.values()) == total - 1 and set(statuses) <= {
        "active", "temporary", "transferred_out", "matured", "expelled", "removed"
    }  # fmt: skip
    data = {f"data/{t}.jsonl": {"sha256": "0" * 64, "size": 1} for t in fields["counts"]}
    manifest = {
        **fields, "evidence_files": 0, "format": "doancoso-bundle", "version": 1,
        "created_at": "2026-12-05T16:04:00+07:00", "app_version": "x", "members": data,
    }  # fmt: skip
    live = live_counts(parse_manifest(dumps(manifest)))
    assert live is not None and live.tables == fields["live_counts"]
    assert live.member_statuses == statuses
    for broken in ({"live_counts": {"members": 1}}, {"member_statuses": {"active": -1}},
                   {"live_counts": None}):  # fmt: skip
        assert live_counts(parse_manifest(dumps({**manifest, **broken}))) is None
