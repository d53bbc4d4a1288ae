"""``doancoso bundle import --merge-organization`` (#17 walkthrough): the dry run counts what the
import writes, the same figures the GUI shows (one plan), and says in words what becomes of
their plan, checklist and rating rounds of our years."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bundle_sync import edit
from calendar_cli import in_folder
from doancoso.core.organization import OrganizationInfo
from doancoso.core.workspace import Workspace

THIS_YEAR = dt.date.today().year
"""The demo's year (it holds this year's plan, checklist and open round, and last year's
closed round)."""
LAST_YEAR = THIS_YEAR - 1


def test_the_dry_run_counts_what_the_merge_writes(tmp_path: Path) -> None:
    home, other = tmp_path / "home", tmp_path / "tan-loc"
    with Workspace.open(home) as ws:
        ws.generate_demo(members=25, seed=5)
        mine = next(m for m in ws.members.list() if m.national_id)
        ours_phone = ws.members.get(mine.id).fields.phone
    with Workspace.open(other) as ws:
        ws.generate_demo(members=15, seed=9)
        info = ws.organization.get()
        assert info is not None
        ws.organization.update(OrganizationInfo(**{**info.__dict__, "name": "Đoàn xã Tân Lộc"}))
        assert mine.national_id is not None
        ws.members.save(
            {"full_name": "Lê Công Ẩn", "birth_date": mine.birth_date.strftime("%d/%m/%Y"),
             "national_id": mine.national_id, "email": "an@tanloc.vn", "phone": "0900000001"}
        )  # fmt: skip
        deleted = ws.members.list()[3]
        ws.members.delete([deleted.id])
    bundle = tmp_path / "tan-loc.dcs"
    assert in_folder(other, "bundle", "export", str(bundle), "--no-password").code == 0

    dry = in_folder(home, "bundle", "import", str(bundle), "--merge-organization", "--dry-run",
                    "--format", "json")  # fmt: skip
    assert dry.code == 0, dry.err
    preview = dry.json()
    assert preview["new"]["members"] == 14  # 15 and Lê Công Ẩn, less the deleted and the matched
    assert preview["updated"] == {"members": 1}  # ours took their email
    assert [(m["mine"], m["filled"]) for m in preview["matches"]] == [
        (mine.id, ["email"] if ours_phone else ["phone", "email"])
    ]
    assert preview["matches"][0]["theirs_member"]["full_name"] == "Lê Công Ẩn"
    assert [(y["table"], y["year"]) for y in preview["years"]] == [
        ("rating_rounds", LAST_YEAR), ("plans", THIS_YEAR), ("checklists", THIS_YEAR),
        ("rating_rounds", THIS_YEAR),
    ]  # fmt: skip

    text = in_folder(home, "bundle", "import", str(bundle), "--merge-organization", "--dry-run")
    assert (
        f"Kế hoạch năm {THIS_YEAR}: giữ kế hoạch của máy này; không nhận kế hoạch năm "
        f"{THIS_YEAR} của Đoàn xã Tân Lộc (7 chỉ tiêu)."
    ) in text.out.splitlines()

    done = in_folder(home, "bundle", "import", str(bundle), "--merge-organization",
                     "--format", "json")  # fmt: skip
    assert done.code == 0, done.err
    result = done.json()
    assert result["applied"] is True
    for key in ("new", "updated", "deleted", "years"):
        assert result[key] == preview[key], key
    with Workspace.open(home) as ws:
        assert len(ws.members.ids()) == 25 + preview["new"]["members"]
        assert ws.members.get(mine.id).fields.email == "an@tanloc.vn"


def test_files_of_their_checklist_not_taken_are_not_copied_and_the_counts_say_so(
    tmp_path: Path,
) -> None:
    import os

    from doancoso.core.evidence.store import EvidenceStore

    home, other = tmp_path / "home", tmp_path / "tan-loc"
    with Workspace.open(home) as ws:
        ws.generate_demo(members=10, seed=5)
    with Workspace.open(other) as ws:
        ws.generate_demo(members=10, seed=9)
        info = ws.organization.get()
        assert info is not None
        ws.organization.update(OrganizationInfo(**{**info.__dict__, "name": "Đoàn xã Tân Lộc"}))
        year = dt.date.today().year
        codes = [item.code for item in ws.recognition.view(year).template.items]
        for i in range(2):  # their checklist of a year home has one of: not taken
            path = tmp_path / f"bien-ban-{i}.pdf"
            path.write_bytes(b"%PDF-1.4\n" + os.urandom(5000))
            ws.recognition.attach(year, codes[i], path, "Biên bản")
    bundle = tmp_path / "tan-loc.dcs"
    assert in_folder(other, "bundle", "export", str(bundle), "--no-password").code == 0
    store = EvidenceStore(home).folder
    before = {p.name for p in store.iterdir()}

    dry = in_folder(home, "bundle", "import", str(bundle), "--merge-organization", "--dry-run",
                    "--format", "json")  # fmt: skip
    assert dry.code == 0, dry.err
    done = in_folder(home, "bundle", "import", str(bundle), "--merge-organization")
    assert done.code == 0, done.err
    copied = {p.name for p in store.iterdir()} - before
    assert dry.json()["new"]["evidence_files"] == len(copied) == 0
    assert "Tệp minh chứng không chép (chỉ thuộc các bản ghi không nhận): 2 tệp" in (
        done.out.splitlines()
    )


def test_the_merge_says_which_backup_to_restore_if_it_was_a_mistake(tmp_path: Path) -> None:
    """The command's output of a sáp nhập names the backup taken before it and the command
    that brings the data back to it; the dry run, which writes nothing, does not; the JSON
    gives the backup's path."""
    home, other = tmp_path / "home", tmp_path / "tan-loc"
    with Workspace.open(home) as ws:
        ws.generate_demo(members=10, seed=5)
        count = len(ws.members.ids())
    with Workspace.open(other) as ws:
        ws.generate_demo(members=10, seed=9)
        info = ws.organization.get()
        assert info is not None
        ws.organization.update(OrganizationInfo(**{**info.__dict__, "name": "Đoàn xã Tân Lộc"}))
    bundle = tmp_path / "tan-loc.dcs"
    assert in_folder(other, "bundle", "export", str(bundle), "--no-password").code == 0

    dry = in_folder(home, "bundle", "import", str(bundle), "--merge-organization", "--dry-run")
    assert dry.code == 0, dry.err
    assert "sáp nhập nhầm" not in dry.out
    done = in_folder(home, "bundle", "import", str(bundle), "--merge-organization")
    assert done.code == 0, done.err
    with Workspace.open(home) as ws:
        (backup,) = [b for b in ws.backups.list() if b.reason == "truoc-nhap-goi"]
        assert backup.members == count < len(ws.members.ids())
    when = f"{backup.taken_at:%H:%M} ngày {backup.taken_at:%d/%m/%Y}"
    assert done.out.splitlines()[-1] == (
        f"Nếu sáp nhập nhầm: dữ liệu trước khi sáp nhập đã được sao lưu lúc {when} vào "
        f"“{backup.path}”. Để quay lại như trước khi sáp nhập, chạy lệnh: doancoso restore "
        f'--data-dir "{home}" "{backup.path}" (hoặc trong ứng dụng: Tệp → Sao lưu và khôi '
        "phục…). Những gì nhập hoặc sửa sau khi sáp nhập sẽ không còn."
    )


def test_the_merge_json_gives_the_backup_taken_before_it(tmp_path: Path) -> None:
    home, other = tmp_path / "home", tmp_path / "tan-loc"
    with Workspace.open(home) as ws:
        ws.generate_demo(members=5, seed=5)
    with Workspace.open(other) as ws:
        ws.generate_demo(members=5, seed=9)
        info = ws.organization.get()
        assert info is not None
        ws.organization.update(OrganizationInfo(**{**info.__dict__, "name": "Đoàn xã Tân Lộc"}))
    bundle = tmp_path / "tan-loc.dcs"
    assert in_folder(other, "bundle", "export", str(bundle), "--no-password").code == 0
    dry = in_folder(home, "bundle", "import", str(bundle), "--merge-organization", "--dry-run",
                    "--format", "json")  # fmt: skip
    assert "backup" not in dry.json()
    done = in_folder(home, "bundle", "import", str(bundle), "--merge-organization",
                     "--format", "json")  # fmt: skip
    assert done.code == 0, done.err
    with Workspace.open(home) as ws:
        (backup,) = [b for b in ws.backups.list() if b.reason == "truoc-nhap-goi"]
    assert done.json()["backup"] == str(backup.path)


def test_the_merge_events_are_counted_apart_from_the_files_history(tmp_path: Path) -> None:
    """The dry run's "Sẽ thêm" counts the history rows the file holds; the event "Sáp nhập tổ
    chức Đoàn" written in each member's history is said on a line of its own."""
    import contextlib
    import sqlite3

    home, other = tmp_path / "home", tmp_path / "tan-loc"
    with Workspace.open(home) as ws:
        ws.generate_demo(members=5, seed=5)
    with Workspace.open(other) as ws:
        ws.generate_demo(members=8, seed=9)
        info = ws.organization.get()
        assert info is not None
        ws.organization.update(OrganizationInfo(**{**info.__dict__, "name": "Đoàn xã Tân Lộc"}))
        brought = len([m for m in ws.members.list() if m.status in ("active", "temporary")])
        with contextlib.closing(sqlite3.connect(ws.db.path)) as db:
            in_file = db.execute("SELECT count(*) FROM member_events").fetchone()[0]
    bundle = tmp_path / "tan-loc.dcs"
    assert in_folder(other, "bundle", "export", str(bundle), "--no-password").code == 0
    dry = in_folder(home, "bundle", "import", str(bundle), "--merge-organization", "--dry-run")
    assert dry.code == 0, dry.err
    lines = dry.out.splitlines()
    assert f"Quá trình sinh hoạt của đoàn viên {in_file}" in lines[0]
    assert lines[1] == (
        f"Sẽ ghi thêm sự kiện “Sáp nhập tổ chức Đoàn” vào quá trình sinh hoạt của {brought} "
        "đoàn viên (không tính trong số trên)."
    )
    done = in_folder(home, "bundle", "import", str(bundle), "--merge-organization")
    assert done.code == 0, done.err
    assert done.out.splitlines()[1] == (
        f"Đã ghi thêm sự kiện “Sáp nhập tổ chức Đoàn” vào quá trình sinh hoạt của {brought} "
        "đoàn viên (không tính trong số trên)."
    )


def test_our_closed_round_is_kept_closed_and_the_dry_run_says_what_was_not_taken(
    tmp_path: Path,
) -> None:
    """Last year's round is closed on both (the demo's): the dry run says their ratings of that
    year are not taken and why; the import leaves our closed round's ratings as they were."""
    import contextlib
    import sqlite3

    def closed_round(folder: Path) -> list[tuple[object, ...]]:
        with contextlib.closing(sqlite3.connect(folder / "doancoso.sqlite")) as db:
            return [
                row
                for table in ("ratings", "branch_ratings")
                for row in db.execute(
                    f"SELECT x.* FROM {table} x JOIN rating_rounds r ON r.id = x.round_id"
                    " WHERE r.year = ? AND r.deleted_at IS NULL AND x.deleted_at IS NULL"
                    " ORDER BY x.id",
                    (LAST_YEAR,),
                ).fetchall()
            ]

    home, other = tmp_path / "home", tmp_path / "tan-loc"
    with Workspace.open(home) as ws:
        ws.generate_demo(members=10, seed=5)
        assert LAST_YEAR in ws.rating.closed_years()
    with Workspace.open(other) as ws:
        ws.generate_demo(members=10, seed=9)
        info = ws.organization.get()
        assert info is not None
        ws.organization.update(OrganizationInfo(**{**info.__dict__, "name": "Đoàn xã Tân Lộc"}))
    theirs = closed_round(other)
    assert theirs
    bundle = tmp_path / "tan-loc.dcs"
    assert in_folder(other, "bundle", "export", str(bundle), "--no-password").code == 0
    before = closed_round(home)

    dry = in_folder(home, "bundle", "import", str(bundle), "--merge-organization", "--dry-run")
    assert dry.code == 0, dry.err
    (line,) = [x for x in dry.out.splitlines() if x.startswith(f"Đợt xếp loại năm {LAST_YEAR}")]
    assert line.startswith(
        f"Đợt xếp loại năm {LAST_YEAR}: đợt của máy này đã kết thúc nên được giữ nguyên; không "
        "nhận "
    )
    assert line.endswith(
        "của Đoàn xã Tân Lộc (kết quả của đợt đã kết thúc không được thay đổi; muốn nhận thì mở "
        f"lại đợt bằng lệnh “doancoso rating reopen --year {LAST_YEAR}” rồi nhập lại tệp)."
    )
    json_dry = in_folder(home, "bundle", "import", str(bundle), "--merge-organization",
                         "--dry-run", "--format", "json")  # fmt: skip
    (record,) = [y for y in json_dry.json()["years"]
                 if (y["table"], y["year"]) == ("rating_rounds", LAST_YEAR)]  # fmt: skip
    assert record["closed"] is True and record["joined"] == {}
    assert sum(record["dropped"].values()) == len(theirs)

    done = in_folder(home, "bundle", "import", str(bundle), "--merge-organization")
    assert done.code == 0, done.err
    assert line in done.out.splitlines()
    assert closed_round(home) == before


def test_a_member_code_one_of_ours_holds_is_refused_naming_both_people(tmp_path: Path) -> None:
    """``--merge-organization``: a person of the file, not the same as ours (their CCCD
    differ), holding the mã định danh of one of ours is refused with both people named (name,
    birth date; the year alone of one born in a year only), not ids."""
    home, other = tmp_path / "home", tmp_path / "tan-loc"
    with Workspace.open(home) as ws:
        ws.generate_demo(members=10, seed=5)
        mine = next(m for m in ws.members.list() if m.national_id)
        edit(ws, mine.id, member_code="9876543")
    with Workspace.open(other) as ws:
        ws.organization.create(OrganizationInfo(name="Đoàn xã Tân Lộc", superior_name="Tỉnh đoàn"))
        theirs = ws.members.save(
            {"full_name": "Trần Văn Bé", "birth_date": "2003", "member_code": "9876543",
             "national_id": "096203009999"}
        )  # fmt: skip
    bundle = tmp_path / "tan-loc.dcs"
    assert in_folder(other, "bundle", "export", str(bundle), "--no-password").code == 0

    refused = in_folder(home, "bundle", "import", str(bundle), "--merge-organization")
    assert refused.code == 1
    assert refused.err.strip() == (
        "Lỗi: Đoàn viên Trần Văn Bé (2003) trong tệp có Mã định danh đoàn viên “9876543” trùng "
        f"với Đoàn viên {mine.full_name} ({mine.birth_date:%d/%m/%Y}) trên máy này. Hãy sửa hoặc "
        "xóa một trong hai rồi nhập lại. Không có gì được ghi vào dữ liệu."
    )
    assert theirs not in refused.err and mine.id not in refused.err
    with Workspace.open(home) as ws:
        assert len(ws.members.ids()) == 10


def test_the_dry_run_says_a_person_matched_by_member_code(tmp_path: Path) -> None:
    """The same mã định danh, the name written differently: one person, said as such (JSON
    ``reason`` ``member_code``; in words "trùng mã định danh")."""
    home, other = tmp_path / "home", tmp_path / "tan-loc"
    with Workspace.open(home) as ws:
        ws.generate_demo(members=10, seed=5)
        hoa = ws.members.save(
            {"full_name": "Nguyễn Thị Hoa", "birth_date": "05/03/2001", "member_code": "8800001"}
        )
    with Workspace.open(other) as ws:
        ws.organization.create(OrganizationInfo(name="Đoàn xã Tân Lộc", superior_name="Tỉnh đoàn"))
        ws.members.save(
            {"full_name": "Nguyễn Thị Hòa", "birth_date": "03/05/2001", "member_code": "8800001"}
        )
    bundle = tmp_path / "tan-loc.dcs"
    assert in_folder(other, "bundle", "export", str(bundle), "--no-password").code == 0

    dry = in_folder(home, "bundle", "import", str(bundle), "--merge-organization", "--dry-run",
                    "--format", "json")  # fmt: skip
    assert dry.code == 0, dry.err
    assert [(m["mine"], m["reason"]) for m in dry.json()["matches"]] == [(hoa, "member_code")]
    text = in_folder(home, "bundle", "import", str(bundle), "--merge-organization", "--dry-run")
    assert text.code == 0, text.err
    assert (
        "Cùng một người: Nguyễn Thị Hòa (03/05/2001), trùng mã định danh" in text.out.splitlines()
    )


def test_the_dry_run_names_a_person_born_in_a_known_year_only_by_that_year(
    tmp_path: Path,
) -> None:
    home, other = tmp_path / "home", tmp_path / "tan-loc"
    with Workspace.open(home) as ws:
        ws.organization.create(OrganizationInfo(name="Đoàn xã Tân Hưng", superior_name="Tỉnh đoàn"))
        ws.members.save({"full_name": "Lê Công Ẩn", "birth_date": "2000"})
    with Workspace.open(other) as ws:
        ws.organization.create(OrganizationInfo(name="Đoàn xã Tân Lộc", superior_name="Tỉnh đoàn"))
        ws.members.save({"full_name": "Lê Công Ẩn", "birth_date": "2000"})
    bundle = tmp_path / "tan-loc.dcs"
    assert in_folder(other, "bundle", "export", str(bundle), "--no-password").code == 0

    text = in_folder(home, "bundle", "import", str(bundle), "--merge-organization", "--dry-run")
    assert text.code == 0, text.err
    assert "Cùng một người: Lê Công Ẩn (2000), trùng họ tên và ngày sinh" in text.out.splitlines()
