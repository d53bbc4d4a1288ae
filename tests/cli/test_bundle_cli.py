"""``doancoso bundle export | inspect | import`` (#17, "Command line"): the password from a file
only, the JSON shapes, a fresh folder taking a handover, conflicts exiting 1 without
``--on-conflict``, a dry run writing nothing, refused bundles exiting 1 with the message."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from io import StringIO
from pathlib import Path

import pytest

from breakage import snapshot
from bundle_cli import demo_home, export, write_password_file
from cli_run import cli
from doancoso import __version__
from doancoso.cli.bundles import _show_plan
from doancoso.core.bundle.merge import ImportPlan
from doancoso.core.bundle.rows import collect
from doancoso.core.lang.dates import format_vn_datetime
from doancoso.core.workspace import Workspace
from stored import organization_of


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return demo_home(tmp_path)


@pytest.fixture
def password_file(tmp_path: Path) -> Path:
    return write_password_file(tmp_path)


def _edit(folder: Path, member_id: str, **changes: str) -> None:
    with Workspace.open(folder) as ws:
        fields = dataclasses.asdict(ws.members.get(member_id).fields)
        raw = {
            k: v.strftime("%d/%m/%Y") if isinstance(v, dt.date) else "" if v is None else str(v)
            for k, v in fields.items()
        }
        if fields.get("birth_precision") == "year":
            raw["birth_date"] = str(fields["birth_date"].year)
        ws.members.save({**raw, **changes}, member_id)


def test_export_inspect_import_into_a_fresh_folder(
    home: Path, tmp_path: Path, password_file: Path
) -> None:
    bundle = tmp_path / "ban-giao.dcs"
    export(home, bundle, password_file)
    code, out, err = cli(
        "bundle", "inspect", str(bundle), "--password-file", str(password_file), "--format", "json"
    )
    assert (code, err) == (0, "")
    info = json.loads(out)
    with Workspace.open(home) as ws, collect(ws, "handover") as carried:
        organization = organization_of(ws)
        members = len(ws.members.ids())
        evidence_rows, evidence_files = carried.count("evidence_files"), carried.evidence_hashes()
    assert list(info) == ["format", "version", "kind", "organization", "year", "created_at",
                          "app_version", "encrypted", "counts", "live_counts", "member_statuses",
                          "dossier", "sha256"]  # fmt: skip
    assert info["sha256"] == hashlib.sha256(bundle.read_bytes()).hexdigest()
    assert info["format"] == "doancoso-bundle" and info["version"] == 1
    assert info["kind"] == "handover" and info["encrypted"] is True
    assert info["organization"]["name"] == organization.name
    assert info["app_version"] == __version__
    assert info["counts"]["members"] == members
    # the number of files, and the rows of the table of the same name under a key of their own
    assert info["counts"]["evidence_files"] == len(evidence_files) > 0
    assert info["counts"]["evidence_file_rows"] == evidence_rows > 0

    fresh = tmp_path / "may-moi"  # no init: a fresh installation takes the handover
    code, out, err = cli(
        "bundle",
        "import",
        str(bundle),
        "--password-file",
        str(password_file),
        "--format",
        "json",
        "--data-dir",
        str(fresh),
    )
    assert (code, err) == (0, ""), err
    result = json.loads(out)
    assert result["applied"] is True and result["conflicts"] == []
    assert result["new"]["members"] == members
    assert set(result) >= {"new", "updated", "deleted", "unchanged", "conflicts", "applied"}
    code, out, _ = cli(
        "bundle",
        "import",
        str(bundle),
        "--password-file",
        str(password_file),
        "--format",
        "json",
        "--data-dir",
        str(fresh),
    )
    again = json.loads(out)
    assert code == 0 and not any(again["new"].values()) and not any(again["updated"].values())
    assert again["unchanged"]["members"] == members
    code, out, _ = cli("check", "--data-dir", str(fresh))
    assert code == 0, out

    code, out, err = cli(
        "bundle", "import", str(bundle), "--password-file", str(password_file),
        "--data-dir", str(tmp_path / "may-moi-nua"),
    )  # fmt: skip
    assert (code, err) == (0, ""), err
    lines = out.splitlines()
    assert lines[0].startswith("Đã thêm: Thông tin Đoàn cơ sở 1, Chi đoàn ")
    assert f", Đoàn viên {members}, " in lines[0]
    assert lines[-2:] == [
        f"Tệp minh chứng chép vào máy: {len(evidence_files)} tệp",
        "Đã nhận bàn giao xong: dữ liệu trong tệp nay là dữ liệu của Đoàn cơ sở trong thư mục "
        "dữ liệu này.",
    ]

    code, out, err = cli("bundle", "inspect", str(bundle), "--password-file", str(password_file))
    assert code == 0
    assert out.splitlines()[:2] == [  # as the import wizard says it, in the export's words
        f"Tổ chức: {organization.name}",
        "Loại tệp: Bàn giao cho người kế nhiệm (toàn bộ dữ liệu)",
    ]
    assert out.splitlines()[4] == "Mật khẩu: Có (đã mở được)"
    assert out.splitlines()[-1] == f"SHA-256 của tệp: {info['sha256']}"


def test_passwords_are_never_taken_on_the_command_line(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "b.dcs"
    for argv in ([], ["--password", "abc", "--no-password"]):
        with pytest.raises(SystemExit) as exited:
            cli("bundle", "export", str(target), *argv, "--data-dir", str(home))
        assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "Lỗi cú pháp lệnh: cần một trong các tùy chọn: --password-file, --no-password" in err
    assert "Lỗi cú pháp lệnh: tham số không nhận ra: --password abc" in err
    empty = tmp_path / "rong.txt"
    empty.write_text("\nmật khẩu ở dòng hai\n", encoding="utf-8")
    code, _, err = cli(
        "bundle", "export", str(target), "--password-file", str(empty), "--data-dir", str(home)
    )
    assert code == 1
    assert err.strip() == f"Lỗi: Dòng đầu tiên của tệp mật khẩu “{empty}” trống."
    assert not target.exists()


def test_clear_export_and_refusals(home: Path, tmp_path: Path, password_file: Path) -> None:
    clear = tmp_path / "khong-ma-hoa.dcs"
    code, out, _ = cli("bundle", "export", str(clear), "--no-password", "--data-dir", str(home))
    assert code == 0
    assert "Lưu ý: gói không mã hóa, ai có tệp cũng đọc được dữ liệu cá nhân trong đó." in out
    code, out, _ = cli("bundle", "inspect", str(clear), "--format", "json")
    assert code == 0 and json.loads(out)["encrypted"] is False

    locked = tmp_path / "ma-hoa.dcs"
    export(home, locked, password_file)
    code, out, err = cli("bundle", "inspect", str(locked))
    assert (code, out) == (1, "")
    assert err.strip() == (
        "Lỗi: Gói dữ liệu này được mã hóa: hãy cho tệp chứa mật khẩu (dòng đầu tiên) bằng "
        "--password-file TỆP."
    )
    wrong = tmp_path / "sai.txt"
    wrong.write_text("mật khẩu khác\n", encoding="utf-8")
    other = tmp_path / "khac"
    code, out, err = cli(
        "bundle", "import", str(locked), "--password-file", str(wrong), "--data-dir", str(other)
    )
    assert (code, out) == (1, "")
    assert err.strip().startswith("Lỗi: Mật khẩu không đúng: không mở được gói dữ liệu này.")


def test_conflicts_dry_run_and_choices(home: Path, tmp_path: Path, password_file: Path) -> None:
    first = tmp_path / "1.dcs"
    export(home, first, password_file)
    away = tmp_path / "away"
    assert cli("bundle", "import", str(first), "--password-file", str(password_file),
               "--data-dir", str(away))[0] == 0  # fmt: skip
    with Workspace.open(home) as ws:
        member_id = ws.members.ids()[0]
    _edit(home, member_id, phone="0912000111")
    _edit(away, member_id, phone="0988000222")
    back = tmp_path / "2.dcs"
    export(away, back, password_file)
    before = snapshot(home)

    code, out, err = cli(
        "bundle",
        "import",
        str(back),
        "--password-file",
        str(password_file),
        "--dry-run",
        "--format",
        "json",
        "--data-dir",
        str(home),
    )
    assert code == 1  # the import it previews would stop on the conflict (#17)
    assert err.strip() == (
        "Lỗi: Có 1 bản ghi đã được sửa ở cả hai nơi kể từ lần trao đổi trước: khi nhập thật sẽ "
        "chưa nhập gì. Hãy chạy lại với --on-conflict mine (giữ bản của máy này) hoặc "
        "--on-conflict theirs (lấy bản trong tệp)."
    )
    plan = json.loads(out)
    assert plan["applied"] is False
    assert [(c["table"], c["id"]) for c in plan["conflicts"]] == [("members", member_id)]
    assert [f["name"] for f in plan["conflicts"][0]["fields"]] == ["phone"]

    code, out, err = cli(
        "bundle",
        "import",
        str(back),
        "--password-file",
        str(password_file),
        "--format",
        "json",
        "--data-dir",
        str(home),
    )
    assert code == 1
    assert json.loads(out)["applied"] is False
    assert err.strip() == (
        "Lỗi: Có 1 bản ghi đã được sửa ở cả hai nơi kể từ lần trao đổi trước: chưa nhập gì. "
        "Hãy chạy lại với --on-conflict mine (giữ bản của máy này) hoặc --on-conflict theirs "
        "(lấy bản trong tệp)."
    )
    after = snapshot(home)
    assert {k: v for k, v in after.items() if not k.startswith(("logs", ".goi-tam"))} == {
        k: v for k, v in before.items() if not k.startswith(("logs", ".goi-tam"))
    }

    code, out, err = cli(
        "bundle",
        "import",
        str(back),
        "--password-file",
        str(password_file),
        "--on-conflict",
        "theirs",
        "--data-dir",
        str(home),
    )
    assert code == 0, err
    assert out.splitlines()[-1] == ("Đã nhập xong gói dữ liệu (đã sao lưu dữ liệu trước khi nhập).")
    with Workspace.open(home) as ws:
        assert ws.members.get(member_id).fields.phone == "0988000222"


def test_merging_another_organisation(home: Path, tmp_path: Path) -> None:
    from doancoso.core.organization import OrganizationInfo

    other = tmp_path / "tan-loc"
    with Workspace.open(home) as ws:
        mine = next(
            m for m in ws.members.list() if m.national_id and not ws.members.get(m.id).fields.email
        )
        home_name = organization_of(ws).name
    with Workspace.open(other) as ws:
        ws.organization.create(OrganizationInfo(name="Đoàn xã Tân Lộc", superior_name="Tỉnh đoàn"))
        branch = ws.branches.create("Chi đoàn ấp Mới")
        assert mine.national_id is not None
        theirs = ws.members.save(
            {
                "full_name": "Lê Công Ẩn",
                "birth_date": mine.birth_date.strftime("%d/%m/%Y"),
                "branch_id": branch.id,
                "national_id": mine.national_id,
                "email": "an@tanloc.vn",
            }
        )
    bundle = tmp_path / "tan-loc.dcs"
    assert cli("bundle", "export", str(bundle), "--no-password", "--data-dir", str(other))[0] == 0
    code, out, err = cli("bundle", "import", str(bundle), "--data-dir", str(home))
    assert (code, out) == (1, "")
    assert err.strip() == (
        f"Lỗi: Tệp này là dữ liệu của “Đoàn xã Tân Lộc”, không phải của “{home_name}”. Nếu “Đoàn "
        f"xã Tân Lộc” sáp nhập vào “{home_name}”, hãy chạy lại với --merge-organization (thêm "
        "--dry-run để xem trước). Không có gì được ghi vào dữ liệu."
    )
    code, out, err = cli(
        "bundle",
        "import",
        str(bundle),
        "--merge-organization",
        "--dry-run",
        "--format",
        "json",
        "--data-dir",
        str(home),
    )
    assert code == 0, err
    plan = json.loads(out)
    assert plan["applied"] is False
    assert [(m["mine"], m["theirs"], m["reason"], m["filled"]) for m in plan["matches"]] == [
        (mine.id, theirs, "cccd", ["email"])
    ]
    code, out, err = cli(
        "bundle", "import", str(bundle), "--merge-organization", "--data-dir", str(home)
    )
    assert code == 0, err
    assert (
        f"Cùng một người: Lê Công Ẩn ({mine.birth_date:%d/%m/%Y}), trùng CCCD; lấy thêm từ "
        "tệp: Email"
    ) in out.splitlines()
    with Workspace.open(home) as ws:
        assert ws.members.get(mine.id).fields.email == "an@tanloc.vn"
    applied, undo = out.splitlines()[-2:]  # then how to go back to the backup (a merge's)
    assert applied == "Đã nhập xong gói dữ liệu (đã sao lưu dữ liệu trước khi nhập)."
    assert undo.startswith("Nếu sáp nhập nhầm: dữ liệu trước khi sáp nhập đã được sao lưu lúc ")


def test_the_counts_in_the_order_of_the_bien_ban_and_as_vietnamese_write_numbers() -> None:
    plan = ImportPlan(
        new={"attendance": 4599, "members": 5, "youths": 0}, unchanged={"members": 12000}
    )
    plan.applied = True
    out = StringIO()
    _show_plan(plan, out, dry_run=False)
    assert out.getvalue().splitlines() == [
        "Đã thêm: Đoàn viên 5, Điểm danh 4.599",  # as the biên bản lists them
        "Không đổi: Đoàn viên 12.000",  # nothing updated or deleted: not said, as in the wizard
        "Đã nhập xong gói dữ liệu (đã sao lưu dữ liệu trước khi nhập).",
    ]


def test_a_dry_run_says_only_the_counts_it_has() -> None:
    """A file whose records are all here already: no "Sẽ thêm: không có", "Sẽ cập nhật: không
    có"... lines, as the import wizard's result leaves out a count of none."""
    out = StringIO()
    _show_plan(ImportPlan(updated={"members": 2}, unchanged={"members": 0}), out, dry_run=True)
    assert out.getvalue().splitlines() == [
        "Sẽ cập nhật: Đoàn viên 2",
        "Chạy thử: chưa ghi gì vào dữ liệu.",
    ]


def test_conflicts_print_empty_values_and_dates_as_the_wizard_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import time

    from doancoso.core.bundle.merge import Conflict, FieldDiff

    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    time.tzset()
    try:
        plan = ImportPlan()
        plan.conflicts.append(
            Conflict("members", "m1", "Đoàn viên Lê Ngọc Ái (17/04/1999)", [
                FieldDiff("deleted_at", "Đã xóa", None, "2026-12-05T09:04:12.345678"),
                FieldDiff("notes", "Ghi chú", "2024-05-01 chuyển về ấp Cái Đôi theo QĐ 12", ""),
                FieldDiff("birth_date", "Ngày sinh", "1999-04-17", "1999-04-18"),
            ])
        )  # fmt: skip
        out = StringIO()
        _show_plan(plan, out, dry_run=True)
    finally:
        monkeypatch.undo()
        time.tzset()
    assert out.getvalue().splitlines()[:2] == [  # no count of none before them
        "Xung đột (1 bản ghi bị xóa ở một nơi nhưng được sửa ở nơi kia):",
        # in words, as the wizard says it: never its deletion's time against "(trống)"
        "  - Máy kia (trong tệp) đã xóa “Đoàn viên Lê Ngọc Ái (17/04/1999)” lúc 05/12/2026 "
        "16:04; máy này vẫn giữ và đã sửa: Ghi chú “2024-05-01 chuyển về ấp Cái Đôi theo QĐ "
        "12”, Ngày sinh “17/04/1999” (--on-conflict mine: giữ lại; --on-conflict theirs: xóa).",
    ]


FIXTURES = Path(__file__).parent.parent / "fixtures"


def _roster_with_a_deleted_member(ws: Workspace, bundle: Path) -> str:
    """Three members (one "sinh hoạt tạm") and a deleted fourth, exported without a password;
    the moment the bundle was made, as ``inspect`` says it."""
    branch = ws.branches.create("Chi đoàn ấp Bà Điều").id
    for name, status in (("Nguyễn Văn An", "active"), ("Trần Thị Bích", "active"),
                         ("Lê Ngọc Ái", "temporary"), ("Võ Văn Đi", "active")):  # fmt: skip
        member = ws.members.save({"full_name": name, "birth_date": "01/01/2000",
                                  "branch_id": branch, "status": status})  # fmt: skip
    ws.members.delete([member])  # a tombstone travels, but is no member
    created = ws.bundles.export(bundle, kind="handover", password=None).info.created_at
    return format_vn_datetime(dt.datetime.fromisoformat(created))


def test_inspect_says_the_live_counts_and_the_members_by_status(
    ws: Workspace, tmp_path: Path
) -> None:
    bundle = tmp_path / "ban-giao.dcs"
    created = _roster_with_a_deleted_member(ws, bundle)
    code, out, err = cli("bundle", "inspect", str(bundle))
    assert (code, err) == (0, "")
    digest = hashlib.sha256(bundle.read_bytes()).hexdigest()
    assert out.splitlines() == [
        "Tổ chức: Đoàn xã Tân Hưng",
        "Loại tệp: Bàn giao cho người kế nhiệm (toàn bộ dữ liệu)",
        f"Ngày tạo: {created}",
        f"Phiên bản: doancoso {__version__}, định dạng tệp phiên bản 1",
        "Mật khẩu: Không mã hóa",
        "Số bản ghi đang có (không tính đã xóa): Thông tin Đoàn cơ sở 1, Chi đoàn 1, Đoàn viên 3",
        "Đoàn viên theo tình trạng: Đang sinh hoạt 2, Sinh hoạt tạm 1",
        "Số bản ghi (kể cả đã xóa): Thông tin Đoàn cơ sở 1, Chi đoàn 1, Đoàn viên 4",
        "Tệp minh chứng: 0",
        f"SHA-256 của tệp: {digest}",
    ]

    code, out, err = cli("bundle", "inspect", str(bundle), "--format", "json")
    assert (code, err) == (0, "")
    info = json.loads(out)
    live = {table: 0 for table in info["counts"]} | {
        "organizations": 1, "branches": 1, "members": 3,
    }  # fmt: skip
    assert info["counts"] == live | {"members": 4}
    assert info["live_counts"] == live  # the keys of counts, deleted rows left out
    assert info["member_statuses"] == {"active": 2, "temporary": 1}


def test_inspect_says_an_older_bundle_counts_deleted_rows(tmp_path: Path) -> None:
    password = tmp_path / "mat-khau.txt"
    password.write_text("Bàn giao dữ liệu phiên bản 1\n", encoding="utf-8")  # bundle-v1-make.py
    bundle = FIXTURES / "bundle-v1.dcs"
    code, out, err = cli("bundle", "inspect", str(bundle), "--password-file", str(password))
    assert (code, err) == (0, "")
    assert out.splitlines()[5:8] == [
        "Số bản ghi (kể cả đã xóa): Thông tin Đoàn cơ sở 1, Chi đoàn 3, Đoàn viên 8, Quá trình "
        "sinh hoạt của đoàn viên 8, Thanh niên 10, Kế hoạch 1, Chỉ tiêu kế hoạch 7, Hoạt động "
        "13, Buổi hoạt động 46, Điểm danh 142, Biên bản sinh hoạt 11, Đợt xếp loại 2, Xếp loại "
        "đoàn viên 10, Xếp loại chi đoàn 3, Bảng tự đánh giá “3 chủ động” 1, Đánh giá tiêu chí "
        "10, Văn bản tham mưu 2, Hoạt động phối hợp 2, Lượt đính kèm minh chứng 11",
        "Tệp do phiên bản doancoso cũ hơn tạo ra: số bản ghi gồm cả các bản ghi đã xóa, như biên "
        "bản bàn giao của tệp này đã in.",
        "Tệp minh chứng: 10",
    ]
    code, out, err = cli(
        "bundle", "inspect", str(bundle), "--password-file", str(password), "--format", "json"
    )
    assert (code, err) == (0, "")
    info = json.loads(out)
    assert "live_counts" not in info and "member_statuses" not in info
    assert list(info)[-3:] == ["counts", "dossier", "sha256"] and info["dossier"] is None


YEAR = str(dt.date.today().year)  # the demo's year


def test_export_takes_the_wizards_password_rule(home: Path, tmp_path: Path) -> None:
    target = tmp_path / "b.dcs"
    for password, message in [
        ("abc", "Mật khẩu là một dãy liên tiếp trên bàn phím hoặc dãy số."),
        ("Tq7#xz", "Mật khẩu quá ngắn: cần ít nhất 8 ký tự."),
        ("matkhau123", "Mật khẩu này nằm trong danh sách mật khẩu phổ biến, bị dò ra ngay."),
        ("12/03/1998", "Mật khẩu là một ngày tháng (như ngày sinh), dễ bị đoán."),
    ]:
        weak = tmp_path / "yeu.txt"
        weak.write_text(f"{password}\n", encoding="utf-8")
        code, out, err = cli("bundle", "export", str(target), "--password-file", str(weak),
                             "--data-dir", str(home))  # fmt: skip
        assert (code, out, err) == (1, "", f"Lỗi: {message}\n")
        assert list(tmp_path.glob("*.dcs*")) == [] and list(tmp_path.glob(".b.dcs*")) == []


def test_a_year_goes_with_a_report_and_an_unfinished_one_is_said_so(
    home: Path, tmp_path: Path, password_file: Path
) -> None:
    target = tmp_path / "b.dcs"
    before = snapshot(home)
    common = ("--password-file", str(password_file), "--data-dir", str(home))
    code, out, err = cli("bundle", "export", str(target), "--kind", "handover", "--year", YEAR,
                         *common)  # fmt: skip
    assert (code, out) == (1, "")
    assert err == (
        "Lỗi: Gói bàn giao chứa toàn bộ dữ liệu, không theo năm: chỉ gói báo cáo cấp trên mới "
        "chọn năm. Không có tệp nào được ghi.\n"
    )
    assert list(tmp_path.glob("*.dcs")) == []
    after = snapshot(home)
    assert {k: v for k, v in after.items() if not k.startswith(("logs", ".goi-tam"))} == {
        k: v for k, v in before.items() if not k.startswith(("logs", ".goi-tam"))
    }
    # a year with nothing of its own: the export wizard's notice, and the report all the same
    # (it carries the roster and the youth register whole)
    code, out, err = cli("bundle", "export", str(target), "--kind", "report", "--year", "2001",
                         *common)  # fmt: skip
    assert (code, err) == (0, "")
    assert out.endswith(
        "Lưu ý: dữ liệu năm 2001 chưa hoàn tất:\n"
        "– Chưa có kế hoạch công tác năm 2001.\n"
        "– Chưa có đợt đánh giá, xếp loại năm 2001.\n"
        "Cấp trên sẽ nhận dữ liệu như hiện có.\n"
    )
    code, out, err = cli("bundle", "export", str(tmp_path / "c.dcs"), "--kind", "report",
                         "--year", "2001", "--format", "json", *common)  # fmt: skip
    assert (code, err) == (0, "")
    assert json.loads(out)["unfinished"] == [
        "Chưa có kế hoạch công tác năm 2001.", "Chưa có đợt đánh giá, xếp loại năm 2001."
    ]  # fmt: skip
    with Workspace.open(home) as ws:
        ws.plans.register(int(YEAR), "da-duyet", dt.date.today().strftime("%d/%m/%Y"), "15/ĐK-TĐ")
        ws.rating.close(int(YEAR))
    code, out, err = cli("bundle", "export", str(tmp_path / "d.dcs"), "--kind", "report",
                         "--year", YEAR, "--format", "json", *common)  # fmt: skip
    assert (code, err) == (0, "")
    assert json.loads(out)["unfinished"] == []


def test_a_mistyped_year_is_refused_naming_it(
    home: Path, tmp_path: Path, password_file: Path
) -> None:
    """The years the export wizard offers, 2000 to next year; another is said as typed, not
    blamed on a tampered file, and nothing is written."""
    before = snapshot(home)
    common = ("--password-file", str(password_file), "--data-dir", str(home))
    last = dt.date.today().year + 1
    for typed in ("31", "1999", str(last + 1)):
        code, out, err = cli("bundle", "export", str(tmp_path / "b.dcs"), "--kind", "report",
                             "--year", typed, *common)  # fmt: skip
        assert (code, out) == (1, "")
        assert err == (
            "Lỗi: Dữ liệu không hợp lệ:\n"
            f"  --year: Năm {typed} không hợp lệ: gói báo cáo cấp trên chỉ chọn được các năm "
            f"2000–{last}. Không có tệp nào được ghi.\n"
        )
    assert list(tmp_path.glob("*.dcs")) == []
    after = snapshot(home)
    assert {k: v for k, v in after.items() if not k.startswith("logs")} == {
        k: v for k, v in before.items() if not k.startswith("logs")
    }
    for year in ("2000", str(last)):
        code, _, err = cli("bundle", "export", str(tmp_path / f"{year}.dcs"), "--kind", "report",
                           "--year", year, *common)  # fmt: skip
        assert (code, err) == (0, "")


def test_an_existing_file_is_written_over_only_with_overwrite(
    home: Path, tmp_path: Path, password_file: Path
) -> None:
    target = tmp_path / "b.dcs"
    target.write_bytes(b"an older bundle")
    common = ("--password-file", str(password_file), "--data-dir", str(home))
    code, out, err = cli("bundle", "export", str(target), *common)
    assert (code, out) == (1, "")
    assert err == (
        f"Lỗi: Đã có tệp “{target}”. Hãy chọn tên khác, hoặc thêm --overwrite để ghi đè lên "
        "tệp đó.\n"
    )
    assert target.read_bytes() == b"an older bundle"
    code, out, err = cli("bundle", "export", str(target), "--overwrite", *common)
    assert (code, err) == (0, "")
    code, out, err = cli("bundle", "inspect", str(target), "--password-file", str(password_file))
    assert code == 0 and "\nMật khẩu: Có (đã mở được)\n" in out


def test_import_json_counts_evidence_files_as_inspect_does(
    home: Path, tmp_path: Path, password_file: Path
) -> None:
    bundle = tmp_path / "b.dcs"
    export(home, bundle, password_file)
    code, out, _ = cli("bundle", "inspect", str(bundle), "--password-file", str(password_file),
                       "--format", "json")  # fmt: skip
    counts = json.loads(out)["counts"]
    files, rows = counts["evidence_files"], counts["evidence_file_rows"]
    assert files > 0 and rows > 0
    fresh = str(tmp_path / "may-moi")
    take = ("bundle", "import", str(bundle), "--password-file", str(password_file), "--format",
            "json", "--data-dir", fresh)  # fmt: skip
    for argv, new_files, present in [((*take, "--dry-run"), files, 0), (take, files, 0),
                                     (take, 0, files)]:  # fmt: skip
        code, out, err = cli(*argv)
        assert (code, err) == (0, "")
        result = json.loads(out)
        assert result["new"]["evidence_files"] == new_files
        assert result["unchanged"]["evidence_files"] == present
        taken = result["new"].get("evidence_file_rows", 0)
        kept = result["unchanged"].get("evidence_file_rows", 0)
        assert taken + kept == rows
        for key in ("updated", "deleted"):
            assert "evidence_files" not in result[key]


def test_a_report_carries_the_dossier_and_inspect_saves_it(
    home: Path, tmp_path: Path, password_file: Path
) -> None:
    from doancoso.core.dossier.stored import keep_built
    from dossier_data import evidence_pdf

    pdf = evidence_pdf(tmp_path / "ho-so.pdf", pages=2)
    assert keep_built(home, int(YEAR), pdf) is not None
    bundle = tmp_path / "bao-cao.dcs"
    code, out, err = cli("bundle", "export", str(bundle), "--kind", "report", "--year", YEAR,
                         "--password-file", str(password_file), "--format", "json",
                         "--data-dir", str(home))  # fmt: skip
    assert (code, err) == (0, "")
    exported = json.loads(out)
    sha256 = hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert exported["version"] == 2
    assert exported["dossier"]["sha256"] == sha256
    assert exported["dossier"]["file_name"] == f"ho-so-nam-{YEAR}.pdf"
    inspect = ("bundle", "inspect", str(bundle), "--password-file", str(password_file))
    code, out, _ = cli(*inspect, "--format", "json")
    assert code == 0 and json.loads(out)["dossier"] == exported["dossier"]
    saved = tmp_path / "nhan" / "ho-so-nhan.pdf"
    saved.parent.mkdir()
    code, out, err = cli(*inspect)
    assert (code, err) == (0, "")
    assert out.splitlines()[1] == f"Loại tệp: Báo cáo cấp trên, năm {YEAR}"
    built_at = format_vn_datetime(dt.datetime.fromisoformat(exported["dossier"]["built_at"]))
    size = f"{pdf.stat().st_size:,}".replace(",", ".")
    said = (
        f"Kèm hồ sơ đề nghị công nhận năm {YEAR} (tạo lúc {built_at}; ho-so-nam-{YEAR}.pdf, "
        f"{size} byte).\n"
    )
    assert said in out
    assert out.endswith("Để lưu hồ sơ kèm theo ra tệp PDF: thêm --save-dossier TỆP.pdf.\n")
    code, out, err = cli(*inspect, "--save-dossier", str(saved))
    assert (code, err) == (0, "") and said in out
    assert out.endswith(f"Đã lưu hồ sơ đề nghị công nhận kèm theo vào “{saved}”.\n")
    assert saved.read_bytes() == pdf.read_bytes()
    code, out, err = cli(*inspect, "--save-dossier", str(saved))  # never silently over a file
    assert (code, out) == (1, "") and "--overwrite" in err
    code, _, err = cli(*inspect, "--save-dossier", str(saved), "--overwrite")
    assert (code, err) == (0, "") and saved.read_bytes() == pdf.read_bytes()

    handover = tmp_path / "ban-giao.dcs"
    export(home, handover, password_file)
    code, out, _ = cli("bundle", "inspect", str(handover), "--password-file", str(password_file),
                       "--format", "json")  # fmt: skip
    assert json.loads(out)["dossier"] is None and json.loads(out)["version"] == 1
    code, out, err = cli("bundle", "inspect", str(handover), "--password-file",
                         str(password_file), "--save-dossier", str(tmp_path / "x.pdf"))  # fmt: skip
    assert (code, out, err) == (1, "", "Lỗi: Gói dữ liệu này không kèm hồ sơ đề nghị công nhận.\n")
    assert not (tmp_path / "x.pdf").exists()


def test_on_conflict_mine_keeps_the_field_only_the_file_changed(
    home: Path, tmp_path: Path, password_file: Path
) -> None:
    """Both copies changed a member since they last exchanged: the phone on both, the hamlet
    only on the other copy. ``--on-conflict mine`` keeps this copy's phone and takes the
    hamlet; the JSON says who changed each field."""
    first, back, away = tmp_path / "1.dcs", tmp_path / "2.dcs", tmp_path / "away"
    export(home, first, password_file)
    assert cli("bundle", "import", str(first), "--password-file", str(password_file),
               "--data-dir", str(away))[0] == 0  # fmt: skip
    export(away, back, password_file)
    assert cli("bundle", "import", str(back), "--password-file", str(password_file),
               "--data-dir", str(home))[0] == 0  # fmt: skip
    with Workspace.open(home) as ws:
        member_id = ws.members.ids()[0]
        old_hamlet = ws.members.get(member_id).fields.address_hamlet
    _edit(home, member_id, phone="0912000111")
    _edit(away, member_id, phone="0988000222", address_hamlet="Ấp Cái Đôi")
    third = tmp_path / "3.dcs"
    export(away, third, password_file)

    code, out, err = cli("bundle", "import", str(third), "--password-file", str(password_file),
                         "--dry-run", "--data-dir", str(home))  # fmt: skip
    assert code == 1
    line = next(x for x in out.splitlines() if x.startswith("  - "))
    assert line.endswith(
        f": Ấp/thôn/khóm: máy này “{old_hamlet or '(trống)'}”, trong tệp “Ấp Cái Đôi” (chỉ máy "
        "kia sửa); Điện thoại: máy này “0912000111”, trong tệp “0988000222” (cả hai cùng sửa)"
    )
    code, out, err = cli("bundle", "import", str(third), "--password-file", str(password_file),
                         "--on-conflict", "mine", "--format", "json",
                         "--data-dir", str(home))  # fmt: skip
    assert code == 0, err
    result = json.loads(out)
    [conflict] = result["conflicts"]
    assert [(f["name"], f["changed"]) for f in conflict["fields"]] == [
        ("address_hamlet", "theirs"), ("phone", "both"),
    ]  # fmt: skip
    assert result["applied"] is True and conflict["automatic"] is False
    with Workspace.open(home) as ws:
        fields = ws.members.get(member_id).fields
        assert (fields.phone, fields.address_hamlet) == ("0912000111", "Ấp Cái Đôi")
