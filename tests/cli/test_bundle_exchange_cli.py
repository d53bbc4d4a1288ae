"""``doancoso bundle import`` between copies (issue #17's walkthrough): a folder that ran ``init``
before the handover came takes it with ``--replace-setup``, ending as a fresh handover does; a
folder with data refuses a namesake saying they are two organisations; the same chi đoàn or the
same person added on both copies is refused naming them, with nothing written; the plan of
one year made on both (its title set) waits for ``--on-conflict``, which keeps one."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from bundle_sync import edit
from cli_run import cli
from doancoso.core.bundle.rows import collect
from doancoso.core.lang.dates import format_vn_datetime
from doancoso.core.workspace import Workspace
from stored import plan_of

DEMO_DAY = dt.date(2026, 11, 20)
"""The day the demo stands on: late in its year, its round of the year open with ratings (on
2 January the year's round has none: no attendance yet)."""
YEAR = DEMO_DAY.year + 1
"""A year the demo holds no plan of (it holds its year's and the one before)."""


def rows(folder: Path) -> dict[str, list[dict[str, object]]]:
    with Workspace.open(folder) as ws, collect(ws, "handover") as snapshot:
        return {t: list(snapshot.rows(t)) for t in snapshot.tables()}


def by_id(tables: dict[str, list[dict[str, object]]]) -> dict[str, list[dict[str, object]]]:
    """Each table's rows in the order of their ids (two copies store them in their own)."""
    return {t: sorted(found, key=lambda r: str(r["id"])) for t, found in tables.items()}


def created_day(folder: Path) -> str:
    with Workspace.open(folder) as ws, ws.db.raw() as cursor:
        cursor.execute("SELECT created_at FROM organizations")
        (created,) = cursor.fetchone()
    return f"{created[8:10]}/{created[5:7]}/{created[0:4]}"


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    """A clear handover of “Đoàn xã Tân Hưng” (demo data)."""
    folder = tmp_path / "home"
    with Workspace.open(folder) as ws:
        ws.generate_demo(members=12, seed=8, today=DEMO_DAY)
    target = tmp_path / "ban-giao.dcs"
    code, _out, err = cli("bundle", "export", str(target), "--no-password", "--data-dir",
                          str(folder))  # fmt: skip
    assert code == 0, err
    return target


def _init(folder: Path) -> None:
    code, _out, err = cli("init", "--data-dir", str(folder), "--name", "Đoàn xã Tân Hưng",
                          "--superior", "Huyện Đoàn Cái Nước")  # fmt: skip
    assert code == 0, err


def test_a_folder_set_up_first_takes_the_handover_with_replace_setup(
    tmp_path: Path, bundle: Path
) -> None:
    folder = tmp_path / "ke-nhiem"
    _init(folder)
    before = rows(folder)
    code, out, err = cli("bundle", "import", str(bundle), "--data-dir", str(folder))
    assert (code, out) == (1, "")
    assert err.strip() == (
        f"Lỗi: Tệp này là dữ liệu của “Đoàn xã Tân Hưng” (lập ngày {created_day(tmp_path / 'home')}"
        f"), còn máy này mới chỉ có phần thiết lập ban đầu của “Đoàn xã Tân Hưng” (lập ngày "
        f"{created_day(folder)}), chưa có chi đoàn, đoàn viên hay dữ liệu nào khác. Để nhận bàn "
        "giao thay cho phần thiết lập đó, hãy chạy lại với --replace-setup (thêm --dry-run để "
        "xem trước). Không có gì được ghi vào dữ liệu."
    )
    assert rows(folder) == before
    code, out, err = cli("bundle", "import", str(bundle), "--data-dir", str(folder),
                         "--replace-setup", "--dry-run", "--format", "json")  # fmt: skip
    assert (code, err) == (0, "")
    shown = json.loads(out)
    assert shown["replaced_setup"] == "Đoàn xã Tân Hưng" and not shown["applied"]
    assert shown["new"]["members"] == 12
    assert rows(folder) == before
    code, out, err = cli("bundle", "import", str(bundle), "--data-dir", str(folder),
                         "--replace-setup")  # fmt: skip
    assert (code, err) == (0, "")
    assert out.endswith(
        "Đã nhận bàn giao xong: dữ liệu trong tệp nay là dữ liệu của Đoàn cơ sở trong thư mục "
        "dữ liệu này.\n"
    )
    fresh = tmp_path / "may-moi"
    assert cli("bundle", "import", str(bundle), "--data-dir", str(fresh))[0] == 0
    assert rows(folder) == rows(fresh) == rows(tmp_path / "home")


def test_the_same_chi_doan_and_person_added_on_both_copies_are_refused_naming_them(
    tmp_path: Path, bundle: Path
) -> None:
    office, home = tmp_path / "van-phong", tmp_path / "o-nha"
    for folder in (office, home):
        assert cli("bundle", "import", str(bundle), "--data-dir", str(folder))[0] == 0
    person = {"full_name": "Huỳnh Thị Mai", "birth_date": "21/07/2003",
              "national_id": "096303001234"}  # fmt: skip
    with Workspace.open(office) as ws:
        ours = ws.branches.create("Chi đoàn 1")
        mine = ws.members.save({**person, "branch_id": ours.id})
        branch_day = created_day_of(ws, "branches", ours.id)
    with Workspace.open(home) as ws:
        theirs = ws.branches.create("Chi đoàn 1")
        ws.members.save({**person, "branch_id": theirs.id, "phone": "0918123456"})
        their_day = created_day_of(ws, "branches", theirs.id)
    from_home = tmp_path / "tu-nha.dcs"  # written by refused_both_ways
    assert refused_both_ways(home, office, tmp_path) == (
        "Lỗi: Chi đoàn mới trong tệp trùng tên với chi đoàn đã có trên máy này (cùng một chi "
        "đoàn được thêm riêng ở cả hai máy); nhận tệp sẽ thành hai chi đoàn cùng tên:\n"
        f"• “Chi đoàn 1”: thêm trên máy này ngày {branch_day}, trong tệp thêm ngày "
        f"{their_day}.\n"
        "Hãy giữ một: trên máy này đổi tên chi đoàn đó (ví dụ thêm “(máy này)”) rồi nhận "
        "lại tệp, sau đó ở trang Chi đoàn dùng “Gộp vào…” để gộp nó vào chi đoàn vừa nhận; "
        "ở lần trao đổi sau, máy kia cũng nhận được việc gộp này. Không có gì được ghi vào "
        "dữ liệu."
    )
    with Workspace.open(office) as ws:
        ws.branches.rename(ours.id, "Chi đoàn 1 (máy này)")
    code, out, err = cli("bundle", "import", str(from_home), "--data-dir", str(office))
    assert (code, out) == (1, "")
    assert err.strip().startswith(
        "Lỗi: Tệp có đoàn viên mới trùng Số CCCD hoặc mã định danh với đoàn viên đã có trên máy "
        "này — cùng một người được nhập riêng ở cả hai máy:\n• Số CCCD 096303001234 — trên máy "
        "này: Huỳnh Thị Mai, sinh 21/07/2003, Số CCCD 096303001234, Chi đoàn 1 (máy này); trong "
        "tệp: Huỳnh Thị Mai, sinh 21/07/2003, Số CCCD 096303001234, Chi đoàn 1.\nMỗi người chỉ "
        "giữ một bản:"
    )
    with Workspace.open(office) as ws:
        ws.members.delete([mine])
    code, out, err = cli("bundle", "import", str(from_home), "--data-dir", str(office))
    assert (code, err) == (0, "")
    with Workspace.open(office) as ws:
        assert [m.full_name for m in ws.members.list()].count("Huỳnh Thị Mai") == 1


def created_day_of(ws: Workspace, table: str, row_id: str) -> str:
    with ws.db.raw() as cursor:
        cursor.execute(f"SELECT created_at FROM {table} WHERE id = ?", (row_id,))
        (created,) = cursor.fetchone()
    return f"{created[8:10]}/{created[5:7]}/{created[0:4]}"


def refused_both_ways(home: Path, office: Path, tmp_path: Path) -> str:
    """``home``'s bundle given to ``office``, as a dry run and for real: the same refusal both
    times (exit 1, nothing on stdout, nothing written); its message."""
    from_home = tmp_path / "tu-nha.dcs"
    assert cli("bundle", "export", str(from_home), "--no-password", "--data-dir",
               str(home))[0] == 0  # fmt: skip
    before = rows(office)
    said = []
    for dry in ((), ("--dry-run",)):
        code, out, err = cli("bundle", "import", str(from_home), "--data-dir", str(office), *dry)
        assert (code, out) == (1, "")
        said.append(err.strip())
    assert rows(office) == before
    assert said[0] == said[1]
    return said[0]


def test_the_plan_of_a_year_made_on_both_copies_waits_for_on_conflict_then_keeps_one(
    tmp_path: Path, bundle: Path
) -> None:
    office, home = tmp_path / "van-phong", tmp_path / "o-nha"
    for folder in (office, home):
        assert cli("bundle", "import", str(bundle), "--data-dir", str(folder))[0] == 0
    days, ids = [], []
    for folder, targets in ((office, ("Kết nạp 20 đoàn viên mới",)), (home, ())):
        with Workspace.open(folder) as ws:
            made = ws.plans.create(YEAR, title=f"Kế hoạch công tác năm {YEAR}")
            for text in targets:
                ws.plans.add_target(YEAR, {"text": text}, ws.activities.kind_names())
            days.append(created_day_of(ws, "plans", made.id))
            ids.append(made.id)
    from_home = tmp_path / "tu-nha.dcs"
    assert cli("bundle", "export", str(from_home), "--no-password", "--data-dir",
               str(home))[0] == 0  # fmt: skip
    before = rows(office)
    for dry, what in (((), "chưa nhập gì"), (("--dry-run",), "khi nhập thật sẽ chưa nhập gì")):
        code, out, err = cli("bundle", "import", str(from_home), "--data-dir", str(office), *dry)
        assert (code, err.strip()) == (1, (
            f"Lỗi: Có 1 bản ghi mỗi máy có một bản riêng mà chỉ giữ được một: {what}. Hãy chạy "
            "lại với --on-conflict mine (giữ bản của máy này) hoặc --on-conflict theirs (lấy "
            "bản trong tệp)."
        ))  # fmt: skip
        assert rows(office) == before
    assert (
        "Xung đột (1 bản ghi mỗi máy có một bản riêng):\n"  # counted by what they are
        f"  - Kế hoạch công tác năm {YEAR} (mỗi máy một bản riêng, chỉ giữ được một): máy này: "
        f"“Kế hoạch công tác năm {YEAR}”, lập ngày {days[0]}, 1 chỉ tiêu; trong tệp: “Kế hoạch "
        f"công tác năm {YEAR}”, lập ngày {days[1]}, chưa có chỉ tiêu\n"
    ) in out
    code, out, _err = cli("bundle", "import", str(from_home), "--dry-run", "--format", "json",
                          "--data-dir", str(office))  # fmt: skip
    (conflict,) = json.loads(out)["conflicts"]
    assert (conflict["table"], conflict["id"], conflict["mine_id"]) == ("plans", ids[1], ids[0])
    assert [f["name"] for f in conflict["fields"]] == ["record"]
    # The office keeps its plan; the home copy, given the office's file, deletes its own.
    code, _out, err = cli("bundle", "import", str(from_home), "--on-conflict", "mine",
                          "--data-dir", str(office))  # fmt: skip
    assert (code, err) == (0, "")
    from_office = tmp_path / "tu-van-phong.dcs"
    assert cli("bundle", "export", str(from_office), "--no-password", "--data-dir",
               str(office))[0] == 0  # fmt: skip
    code, out, err = cli("bundle", "import", str(from_office), "--format", "json",
                         "--data-dir", str(home))  # fmt: skip
    assert (code, err) == (0, "")
    assert json.loads(out)["deleted"] == {"plans": 1}
    assert by_id(rows(home)) == by_id(rows(office))
    with Workspace.open(home) as ws:
        kept = plan_of(ws, YEAR)
        assert (kept.id, [t.text for t in kept.targets]) == (ids[0], ["Kết nạp 20 đoàn viên mới"])


def test_plans_chosen_crosswise_are_told_and_one_kept_on_both(tmp_path: Path, bundle: Path) -> None:
    """Each copy took the other's file made before either import, each keeping its own plan:
    the next import keeps one of the two (the smaller id) and says so, in words and in JSON."""
    office, home = tmp_path / "van-phong", tmp_path / "o-nha"
    ids = []
    for folder in (office, home):
        assert cli("bundle", "import", str(bundle), "--data-dir", str(folder))[0] == 0
        with Workspace.open(folder) as ws:
            ids.append(ws.plans.create(YEAR, title=f"Kế hoạch của {folder.name}").id)
    files = [tmp_path / "tu-van-phong.dcs", tmp_path / "tu-nha.dcs"]
    for folder, file in zip((office, home), files, strict=True):
        assert cli("bundle", "export", str(file), "--no-password", "--data-dir",
                   str(folder))[0] == 0  # fmt: skip
    for folder, file in ((office, files[1]), (home, files[0])):
        code, _out, err = cli("bundle", "import", str(file), "--on-conflict", "mine",
                              "--data-dir", str(folder))  # fmt: skip
        assert (code, err) == (0, "")
    again = tmp_path / "lan-hai.dcs"
    assert cli("bundle", "export", str(again), "--no-password", "--data-dir", str(home))[0] == 0
    where = "của máy này" if ids[0] < ids[1] else "trong tệp"
    note = (
        f"Kế hoạch công tác năm {YEAR}: mỗi máy đã chọn giữ một bản khác nhau trước khi nhận tệp "
        f"của máy kia, nên bản {where} được giữ lại trên cả hai máy (để năm đó không mất cả hai "
        "bản); bản kia vẫn bị xóa như đã chọn."
    )
    code, out, _err = cli("bundle", "import", str(again), "--dry-run", "--data-dir", str(office))
    assert code == 0 and f"\n{note}\nChạy thử: chưa ghi gì vào dữ liệu.\n" in out
    code, out, err = cli("bundle", "import", str(again), "--format", "json", "--data-dir",
                         str(office))  # fmt: skip
    assert (code, err) == (0, "")
    assert json.loads(out)["notes"] == [note]
    with Workspace.open(office) as ws:
        assert plan_of(ws, YEAR).id == min(ids)


def test_a_round_closed_here_keeps_its_ratings_and_the_dry_run_says_so(
    tmp_path: Path, bundle: Path
) -> None:
    """The demo's round of its year closed here; the other copy, its round still open, changes a
    member's level: the dry run and the import say that our closed round keeps its ratings and
    how to take the file's; reopened here, the same file takes them."""
    import contextlib
    import sqlite3

    year = DEMO_DAY.year
    home, away = tmp_path / "home", tmp_path / "away"
    assert cli("bundle", "import", str(bundle), "--data-dir", str(away))[0] == 0

    def levels(folder: Path) -> list[tuple[object, ...]]:
        with contextlib.closing(sqlite3.connect(folder / "doancoso.sqlite")) as db:
            return db.execute(
                "SELECT x.id, x.decided_level FROM ratings x JOIN rating_rounds r"
                " ON r.id = x.round_id WHERE r.year = ? ORDER BY x.id",
                (year,),
            ).fetchall()

    (rating_id, level), *_ = levels(away)
    with Workspace.open(home) as ws:
        ws.rating.close(year)
    with Workspace.open(away) as ws, ws.db.raw() as cursor:
        cursor.execute("SELECT member_id FROM ratings WHERE id = ?", (rating_id,))
        (member_id,) = cursor.fetchone()
    with Workspace.open(away) as ws:
        ws.rating.set(year, member_id, {"decided_level": 1 if level != 1 else 2})
    changed = tmp_path / "tu-may-kia.dcs"
    code, _out, err = cli("bundle", "export", str(changed), "--no-password", "--data-dir",
                          str(away))  # fmt: skip
    assert code == 0, err
    before = levels(home)
    note = (
        f"Đợt xếp loại năm {year}: đợt của máy này đã kết thúc nên được giữ nguyên; không nhận "
        "1 xếp loại đoàn viên có thay đổi trong tệp (kết quả của đợt đã kết thúc không được thay "
        f"đổi; muốn nhận thì mở lại đợt bằng lệnh “doancoso rating reopen --year {year}” rồi "
        "nhập lại tệp)."
    )

    code, out, err = cli("bundle", "import", str(changed), "--dry-run", "--data-dir", str(home))
    assert code == 0, err
    assert note in out.splitlines() and out.endswith("Chạy thử: chưa ghi gì vào dữ liệu.\n")
    code, out, err = cli("bundle", "import", str(changed), "--dry-run", "--format", "json",
                         "--data-dir", str(home))  # fmt: skip
    assert code == 0, err
    assert note in json.loads(out)["notes"]
    code, out, err = cli("bundle", "import", str(changed), "--data-dir", str(home))
    assert code == 0, err
    assert note in out.splitlines()
    assert levels(home) == before

    with Workspace.open(home) as ws:
        ws.rating.reopen(year)
    code, out, err = cli("bundle", "import", str(changed), "--data-dir", str(home))
    assert code == 0, err
    assert note not in out.splitlines()
    assert levels(home) == levels(away) != before


def test_a_member_deleted_here_and_changed_there_is_said_in_words(
    tmp_path: Path, bundle: Path
) -> None:
    """A member deleted on the office's copy and given a note on the home copy: the dry run
    says so in words, with what each --on-conflict does to the member, and counts it apart from
    the members changed on both; the refusal counts them the same way; "mine" keeps the
    deletion. It read "Đã xóa: máy này “20/11/2026 08:00”, trong tệp “(trống)”", counted among
    the records "changed on both sides", and "giữ bản của máy này" did not say it deletes."""
    office, home = tmp_path / "van-phong", tmp_path / "o-nha"
    for folder in (office, home):
        assert cli("bundle", "import", str(bundle), "--data-dir", str(folder))[0] == 0
    with Workspace.open(office) as ws:
        gone, both = ws.members.list()[:2]
        ws.members.delete([gone.id])
        edit(ws, both.id, phone="0911111111")
        with ws.db.raw() as cursor:
            cursor.execute("SELECT deleted_at FROM members WHERE id = ?", (gone.id,))
            (deleted_at,) = cursor.fetchone()
    with Workspace.open(home) as ws:
        edit(ws, gone.id, notes="Đi làm ăn xa Bình Dương")
        edit(ws, both.id, phone="0922222222")
    from_home = tmp_path / "tu-nha.dcs"
    assert cli("bundle", "export", str(from_home), "--no-password", "--data-dir",
               str(home))[0] == 0  # fmt: skip
    when = format_vn_datetime(dt.datetime.fromisoformat(str(deleted_at)).replace(tzinfo=dt.UTC))
    code, out, err = cli("bundle", "import", str(from_home), "--dry-run", "--data-dir",
                         str(office))  # fmt: skip
    assert code == 1
    assert (
        "Xung đột (1 bản ghi sửa ở cả hai nơi, 1 bản ghi bị xóa ở một nơi nhưng được sửa ở nơi "
        "kia):\n"
    ) in out
    assert (
        f"  - Máy này đã xóa “Đoàn viên {gone.full_name} ({gone.birth_date:%d/%m/%Y})” lúc "
        f"{when}; máy kia (trong tệp) vẫn giữ và đã sửa: Ghi chú “Đi làm ăn xa Bình Dương” "
        "(--on-conflict mine: xóa; --on-conflict theirs: giữ lại).\n"
    ) in out
    assert err.strip() == (
        "Lỗi: Có 1 bản ghi đã được sửa ở cả hai nơi kể từ lần trao đổi trước và 1 bản ghi bị "
        "xóa ở một nơi nhưng được sửa ở nơi kia: khi nhập thật sẽ chưa nhập gì. Hãy chạy lại "
        "với --on-conflict mine (giữ bản của máy này) hoặc --on-conflict theirs (lấy bản "
        "trong tệp)."
    )
    code, _out, err = cli("bundle", "import", str(from_home), "--on-conflict", "mine",
                          "--data-dir", str(office))  # fmt: skip
    assert (code, err) == (0, "")
    with Workspace.open(office) as ws:
        assert gone.id not in ws.members.ids()
        assert ws.members.get(both.id).fields.phone == "0911111111"


def test_a_file_imported_again_says_that_nothing_changed(tmp_path: Path, bundle: Path) -> None:
    """The same file given twice (the stick still holds last week's): the second import says
    nothing changed, as the import wizard says it, not "Đã nhập xong", which had the secretary
    look for what it brought; the rows are as they were. It takes no "truoc-nhap-goi" backup
    (one of megabytes at each such import, burying those worth keeping): the exchange it
    records alone (the file's maker seen again) is no work of the secretary's to keep."""
    office = tmp_path / "van-phong"
    assert cli("bundle", "import", str(bundle), "--data-dir", str(office))[0] == 0
    before = rows(office)
    backups = sorted((office / "backups").iterdir())
    assert [p.name.startswith("truoc-nhap-goi-") for p in backups] == [True]
    code, out, err = cli("bundle", "import", str(bundle), "--data-dir", str(office))
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == (
        "Dữ liệu trong tệp đã có đủ trong thư mục dữ liệu này: không có gì thay đổi."
    )
    assert out.startswith("Không đổi: Thông tin Đoàn cơ sở 1, Chi đoàn 3, Đoàn viên 12, ")
    assert rows(office) == before
    assert sorted((office / "backups").iterdir()) == backups
    with Workspace.open(office) as ws, ws.db.read() as session:
        imports = session.connection().exec_driver_sql("SELECT imports FROM exchange_peers")
        assert imports.scalars().all() == [2]  # the exchange recorded all the same
