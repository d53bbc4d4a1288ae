"""``members event add|undo`` and ``members events``: a member's history from the command line,
through the core of the GUI's "Ghi sự kiện…" (its refusals, its messages), on a real data folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cli_run import cli, usage_error
from doancoso.core.workspace import Workspace

EVENT_KEYS = [
    "id", "kind", "kind_label", "date", "number", "place", "introducer_id", "introducer_name",
    "other_organization", "home_organization", "period_start", "period_end", "level",
    "level_label", "note", "status_after", "status_after_label", "dues_paid_until", "remarks",
]  # fmt: skip


@pytest.fixture
def folder(ws: Workspace, data_dir: Path) -> str:
    """Chi đoàn ấp 1 with An (born 2001), Anh (born 2002) and Bảy (born 1990, came of age);
    Lê Thị Tư in no chi đoàn."""
    branch = ws.branches.create("Chi đoàn ấp 1").id
    for name, birth in (
        ("Nguyễn Văn An", "05/03/2001"),
        ("Nguyễn Văn Anh", "05/03/2002"),
        ("Trần Văn Bảy", "01/01/1990"),
    ):
        ws.members.save({"full_name": name, "birth_date": birth, "branch_id": branch})
    ws.members.save({"full_name": "Lê Thị Tư", "birth_date": "09/09/2000"})
    ws.close()
    return str(data_dir)


def add(folder: str, member: str, *options: str) -> tuple[int, str, str]:
    return cli("members", "event", "add", member, *options, "--data-dir", folder)


def events(folder: str, member: str) -> dict[str, object]:
    result = cli("members", "events", member, "--format", "json", "--data-dir", folder)
    assert (result.code, result.err) == (0, ""), result.err
    data = result.json()
    assert isinstance(data, dict)
    return data


def history(folder: str, member: str) -> list[dict[str, object]]:
    found = events(folder, member)["events"]
    assert isinstance(found, list)
    return found


def member_id(folder: str, name: str) -> str:
    found = events(folder, name)["member_id"]
    assert isinstance(found, str)
    return found


def test_every_kind_is_recorded_and_read_back(folder: str) -> None:
    an = "Nguyễn Văn An"
    introducer = member_id(folder, "Nguyễn Văn Anh")
    steps = [
        ("Kết nạp Đoàn", "01/04/2018", ["--number", "12-QĐ/ĐTN", "--place", "Chi đoàn ấp 1",
                                        "--introducer", introducer],
         {"kind": "admission", "number": "12-QĐ/ĐTN", "place": "Chi đoàn ấp 1",
          "introducer_id": introducer, "introducer_name": "Nguyễn Văn Anh"}, "active"),
        ("temporary", "01/09/2019", ["--home-organization", "Đoàn trường Đại học Cần Thơ",
                                     "--period-start", "01/09/2019", "--period-end", "31/05/2020"],
         {"kind": "temporary", "home_organization": "Đoàn trường Đại học Cần Thơ",
          "period_start": "01/09/2019", "period_end": "31/05/2020"}, "temporary"),
        ("transfer_out", "01/06/2020", ["--other-organization", "Đoàn xã Tân Phú"],
         {"kind": "transfer_out", "other_organization": "Đoàn xã Tân Phú"}, "transferred_out"),
        ("chuyen sinh hoat den", "01/07/2021", ["--other-organization", "Đoàn xã Tân Phú"],
         {"kind": "transfer_in", "other_organization": "Đoàn xã Tân Phú"}, "active"),
        ("Kỷ luật", "02/01/2023", ["--level", "Khiển trách", "--note", "Vắng 3 kỳ sinh hoạt"],
         {"kind": "discipline", "level": "reprimand", "level_label": "Khiển trách",
          "note": "Vắng 3 kỳ sinh hoạt"}, "active"),
        ("Giới thiệu đoàn viên ưu tú cho Đảng", "03/03/2024", [],
         {"kind": "party_introduction"}, "active"),
        ("party_admission", "04/04/2025", ["--number", "45-QĐ/ĐU"],
         {"kind": "party_admission", "number": "45-QĐ/ĐU"}, "active"),
        ("Xóa tên", "05/05/2025", [], {"kind": "struck_off"}, "removed"),
    ]  # fmt: skip
    for kind, date, options, expected, status in steps:
        code, out, err = add(folder, an, "--kind", kind, "--date", date, *options)
        assert (code, err) == (0, ""), (kind, err)
        last = history(folder, an)[-1]
        assert {k: last[k] for k in expected} == expected
        assert last["date"] == date and last["status_after"] == status
        assert out.startswith(f"“{last['kind_label']}” ngày {date}", len("Đã ghi "))
    data = events(folder, an)
    assert data["status"] == "removed" and data["full_name"] == an
    assert [list(e) for e in history(folder, an)] == [EVENT_KEYS] * len(steps)

    # Bảy came of age: by his code, the JSON of the recording; then the table of his history.
    result = cli("members", "event", "add", "bay", "--kind", "matured", "--date", "31/12/2020",
                 "--number", "3-QĐ/ĐTN", "--format", "json", "--data-dir", folder)  # fmt: skip
    assert (result.code, result.err) == (0, "")
    recorded = result.json()
    assert list(recorded) == [*EVENT_KEYS, "member_id", "full_name", "status"]
    assert (recorded["kind_label"], recorded["date"], recorded["status"]) == (
        "Trưởng thành Đoàn",
        "31/12/2020",
        "matured",
    )
    table = cli("members", "events", "Trần Văn Bảy", "--data-dir", folder)
    assert (table.code, table.err) == (0, "")
    assert table.out == (
        "Đoàn viên Trần Văn Bảy — sinh 01/01/1990 — Chi đoàn ấp 1 — Đã trưởng thành Đoàn\n"
        "31/12/2020\tTrưởng thành Đoàn\t3-QĐ/ĐTN\t\tĐã trưởng thành Đoàn\n"
        "Tổng cộng: 1 sự kiện.\n"
    )


def test_the_text_of_an_admission_and_its_details(folder: str) -> None:
    nobody = "00000000-0000-4000-8000-000000000000"
    refused = add(folder, "Lê Thị Tư", "--kind", "admission", "--date", "26/03/2016",
                  "--introducer", nobody)  # fmt: skip
    assert refused == (1, "", "Lỗi: Dữ liệu không hợp lệ:\n  --introducer: Người giới thiệu "
                       "không có trong danh sách đoàn viên.\n")  # fmt: skip
    assert history(folder, "Lê Thị Tư") == []
    code, out, err = add(folder, "Lê Thị Tư", "--kind", "admission", "--date", "26/03/2016",
                         "--place", "Chi đoàn ấp 2", "--introducer", "Lê Văn Năm")  # fmt: skip
    assert (code, err) == (0, "")
    assert out == (
        "Đã ghi “Kết nạp Đoàn” ngày 26/03/2016 cho đoàn viên Lê Thị Tư. Trạng thái: Đang sinh "
        "hoạt.\n"
    )
    table = cli("members", "events", "le thi tu", "--data-dir", folder)
    assert table.out.splitlines()[1] == (
        "26/03/2016\tKết nạp Đoàn\t\tNơi kết nạp: Chi đoàn ấp 2; Người giới thiệu: Lê Văn Năm"
        "\tĐang sinh hoạt"
    )
    assert history(folder, "Lê Thị Tư")[0]["introducer_id"] is None


REFUSALS = [
    (["--kind", "transfer_out", "--date", "01/06/2020"],
     "Lỗi: Dữ liệu không hợp lệ:\n  --other-organization: Cần nhập tên đơn vị chuyển đến.\n"),
    (["--kind", "temporary", "--date", "01/06/2020"],
     "Lỗi: Dữ liệu không hợp lệ:\n  --home-organization: Cần nhập tên đơn vị gốc của đoàn viên.\n"),
    (["--kind", "discipline", "--date", "01/06/2020"],
     "Lỗi: Dữ liệu không hợp lệ:\n  --level: Cần chọn hình thức kỷ luật: Khiển trách, Cảnh cáo, "
     "Khai trừ.\n"),
    (["--kind", "Kỷ luật", "--date", "01/06/2020", "--level", "xyz"],
     "Lỗi: Dữ liệu không hợp lệ:\n  --level: Hình thức kỷ luật “xyz” không có; chọn một trong: "
     "Khiển trách, Cảnh cáo, Khai trừ.\n"),
    (["--kind", "temporary", "--date", "01/06/2020", "--home-organization", "Đoàn trường A",
      "--period-start", "01/06/2020", "--period-end", "01/01/2020"],
     "Lỗi: Dữ liệu không hợp lệ:\n  --period-end: Ngày kết thúc sinh hoạt tạm phải sau ngày bắt "
     "đầu.\n"),
    (["--kind", "struck_off", "--date", "31/02/2020"],
     "Lỗi: Dữ liệu không hợp lệ:\n  --date: Ngày 31/02/2020 không có trên lịch.\n"),
    (["--kind", "struck_off", "--date", "01/01/2999"],
     "Lỗi: Dữ liệu không hợp lệ:\n  --date: Ngày của sự kiện không thể sau ngày hôm nay.\n"),
    (["--kind", "matured", "--date", "01/06/2020"],
     "Lỗi: Dữ liệu không hợp lệ:\n  --date: Đoàn viên Nguyễn Văn An chưa đến tuổi trưởng thành "
     "Đoàn (30 tuổi): sinh 05/03/2001, đến năm 2031 mới tròn 30 tuổi.\n"),
    (["--kind", "admission", "--date", "01/06/2020"],
     "Lỗi: Đoàn viên Nguyễn Văn An đã có quyết định kết nạp Đoàn.\n"),
    (["--kind", "transfer_in", "--date", "01/06/2020", "--other-organization", "Đoàn xã B"],
     "Lỗi: Đoàn viên Nguyễn Văn An đang sinh hoạt tại đơn vị: không thể ghi nhận chuyển sinh "
     "hoạt đến.\n"),
    (["--kind", "Sáp nhập tổ chức Đoàn", "--date", "01/06/2020"],
     "Lỗi: Loại sự kiện “Sáp nhập tổ chức Đoàn” không có; chọn một trong: Kết nạp Đoàn, Chuyển "
     "sinh hoạt đến, Chuyển sinh hoạt đi, Sinh hoạt tạm, Kỷ luật, Xóa tên, Trưởng thành Đoàn, "
     "Giới thiệu đoàn viên ưu tú cho Đảng, Vào Đảng.\n"),
    (["--kind", "struck_off", "--date", "01/06/2020", "--level", "Cảnh cáo"],
     "Lỗi: --level không dùng cho sự kiện “Xóa tên”: chỉ dùng cho “Kỷ luật”.\n"),
    (["--kind", "transfer_out", "--date", "01/06/2020", "--place", "Ấp 1"],
     "Lỗi: --place không dùng cho sự kiện “Chuyển sinh hoạt đi”: chỉ dùng cho “Kết nạp Đoàn”.\n"),
    (["--kind", "transfer_out", "--date", "01/06/2020", "--other-organization", "Đoàn xã B",
      "--dues-paid-until", "6/2020a"],
     "Lỗi: Dữ liệu không hợp lệ:\n  --dues-paid-until: Tháng đã đóng đoàn phí phải viết dạng "
     "mm/yyyy, ví dụ 05/2026.\n"),
    (["--kind", "transfer_out", "--date", "01/06/2020", "--other-organization", "Đoàn xã B",
      "--dues-paid-until", "07/2020"],
     "Lỗi: Dữ liệu không hợp lệ:\n  --dues-paid-until: Tháng đã đóng đoàn phí (07/2020) không "
     "thể sau tháng chuyển sinh hoạt (06/2020).\n"),
    (["--kind", "transfer_out", "--date", "01/06/2020", "--other-organization", "Đoàn xã B",
      "--dues-paid-until", "03/2018"],
     "Lỗi: Dữ liệu không hợp lệ:\n  --dues-paid-until: Tháng đã đóng đoàn phí (03/2018) không "
     "thể trước ngày vào Đoàn của đoàn viên (01/04/2018).\n"),
    (["--kind", "transfer_in", "--date", "01/06/2020", "--other-organization", "Đoàn xã B",
      "--dues-paid-until", "05/2020"],
     "Lỗi: --dues-paid-until không dùng cho sự kiện “Chuyển sinh hoạt đến”: chỉ dùng cho "
     "“Chuyển sinh hoạt đi”.\n"),
    (["--kind", "discipline", "--date", "01/06/2020", "--level", "Khiển trách", "--remarks",
      "Tốt"],
     "Lỗi: --remarks không dùng cho sự kiện “Kỷ luật”: chỉ dùng cho “Chuyển sinh hoạt đi”.\n"),
]  # fmt: skip


@pytest.mark.parametrize(("options", "message"), REFUSALS)
def test_a_refused_event_is_said_and_changes_nothing(
    folder: str, options: list[str], message: str
) -> None:
    assert add(folder, "Nguyễn Văn An", "--kind", "admission", "--date", "01/04/2018")[0] == 0
    before = events(folder, "Nguyễn Văn An")
    assert add(folder, "Nguyễn Văn An", *options) == (1, "", message)
    assert events(folder, "Nguyễn Văn An") == before


def test_a_transfer_out_records_the_dues_and_the_remarks(folder: str) -> None:
    an = "Nguyễn Văn An"
    assert add(folder, an, "--kind", "admission", "--date", "01/04/2018")[0] == 0
    code, out, err = add(folder, an, "--kind", "Chuyển sinh hoạt đi", "--date", "15/06/2024",
                         "--other-organization", "Đoàn phường 5", "--dues-paid-until", "6/2024",
                         "--remarks", "Nhiệt tình, gương mẫu.\nHoàn thành tốt nhiệm vụ năm 2023.",
                         "--note", "Chuyển theo gia đình.")  # fmt: skip
    assert (code, err) == (0, ""), err
    last = history(folder, an)[-1]
    assert {k: last[k] for k in ("dues_paid_until", "remarks", "note")} == {
        "dues_paid_until": "06/2024",
        "remarks": "Nhiệt tình, gương mẫu.\nHoàn thành tốt nhiệm vụ năm 2023.",
        "note": "Chuyển theo gia đình.",
    }
    with Workspace.open(Path(folder)) as ws:  # what the GUI's history and the letter read
        info = ws.events.history(member_id(folder, an))[-1]
    assert (info.dues_paid_until, info.note) == (dt.date(2024, 6, 1), "Chuyển theo gia đình.")
    assert info.remarks == "Nhiệt tình, gương mẫu.\nHoàn thành tốt nhiệm vụ năm 2023."
    table = cli("members", "events", an, "--data-dir", folder)
    assert table.out.splitlines()[2] == (
        "15/06/2024\tChuyển sinh hoạt đi\t\tChuyển đi đến: Đoàn phường 5; Đã đóng đoàn phí đến "
        "tháng: 06/2024; Nhận xét: Nhiệt tình, gương mẫu. Hoàn thành tốt nhiệm vụ năm 2023.; "
        "Ghi chú: Chuyển theo gia đình.\tĐã chuyển sinh hoạt"
    )
    # Any other event has neither.
    first = history(folder, an)[0]
    assert (first["dues_paid_until"], first["remarks"]) == (None, None)


def test_a_member_who_left_can_only_come_back(folder: str) -> None:
    assert add(folder, "Lê Thị Tư", "--kind", "Xóa tên", "--date", "01/01/2024")[0] == 0
    refused = add(folder, "Lê Thị Tư", "--kind", "Kỷ luật", "--date", "01/02/2024", "--level",
                  "Cảnh cáo")  # fmt: skip
    assert refused == (1, "", "Lỗi: Đoàn viên Lê Thị Tư đã xóa tên: chỉ có thể ghi nhận “Chuyển "
                       "sinh hoạt đến”, không thể ghi nhận “Kỷ luật”.\n")  # fmt: skip
    assert len(history(folder, "Lê Thị Tư")) == 1


def test_the_member_named_by_words_of_their_name_or_refused(folder: str) -> None:
    # "Nguyễn Văn An" is also the start of "Nguyễn Văn Anh": the whole name decides.
    assert events(folder, "nguyen van an")["full_name"] == "Nguyễn Văn An"
    an, anh = member_id(folder, "Nguyễn Văn An"), member_id(folder, "Nguyễn Văn Anh")
    assert events(folder, an)["full_name"] == "Nguyễn Văn An"
    result = cli("members", "events", "Văn An", "--data-dir", folder)
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        "Lỗi: “Văn An” khớp với 2 đoàn viên: Nguyễn Văn An (sinh 05/03/2001, Chi đoàn ấp 1, mã "
        f"{an}); Nguyễn Văn Anh (sinh 05/03/2002, Chi đoàn ấp 1, mã {anh}). Hãy ghi mã đoàn viên "
        "hoặc họ tên đầy đủ hơn.\n"
    )
    assert add(folder, "Hoàng Văn Mười", "--kind", "struck_off", "--date", "01/01/2024") == (
        1, "", "Lỗi: Không tìm thấy đoàn viên “Hoàng Văn Mười”: ghi mã đoàn viên (id của “members "
        "list --format json”) hoặc họ tên.\n",
    )  # fmt: skip


def test_undo_deletes_the_last_event_and_replays_the_status(folder: str) -> None:
    tu = "Lê Thị Tư"
    assert add(folder, tu, "--kind", "admission", "--date", "26/03/2016")[0] == 0
    assert add(folder, tu, "--kind", "transfer_out", "--date", "01/06/2024",
               "--other-organization", "Đoàn phường 5")[0] == 0  # fmt: skip
    assert events(folder, tu)["status"] == "transferred_out"
    code, out, err = cli("members", "event", "undo", tu, "--data-dir", folder)
    assert (code, err) == (0, "")
    assert out == (
        "Đã xóa “Chuyển sinh hoạt đi” ngày 01/06/2024 của đoàn viên Lê Thị Tư. Trạng thái: "
        "Đang sinh hoạt.\n"
    )
    assert [e["kind"] for e in history(folder, tu)] == ["admission"]
    result = cli("members", "event", "undo", tu, "--format", "json", "--data-dir", folder)
    assert result.code == 0
    undone = result.json()
    assert list(undone) == ["deleted", "member_id", "full_name", "status"]
    assert (undone["deleted"]["kind"], undone["status"]) == ("admission", "active")
    assert list(undone["deleted"]) == EVENT_KEYS
    assert cli("members", "event", "undo", tu, "--data-dir", folder) == (
        1, "", "Lỗi: Đoàn viên Lê Thị Tư chưa có sự kiện nào.\n"
    )  # fmt: skip


def test_bad_usage_exits_2(folder: str, capsys: pytest.CaptureFixture[str]) -> None:
    err = usage_error(capsys, "members", "event", "add", "Lê Thị Tư", "--date", "01/01/2024",
                      "--data-dir", folder)  # fmt: skip
    assert err.endswith("thiếu tham số bắt buộc: --kind\n")
    err = usage_error(capsys, "members", "events", "", "--data-dir", folder)
    assert "cần mã hoặc họ tên một đoàn viên, không được để trống" in err
    err = usage_error(capsys, "members", "event", "--data-dir", folder)
    assert err.startswith("cách dùng: doancoso members event ")
    assert history(folder, "Lê Thị Tư") == []


def test_help_is_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli("members", "event", "add", "--help")
    words = " ".join(capsys.readouterr().out.split())
    assert "--level HÌNH_THỨC hình thức kỷ luật (bắt buộc khi Kỷ luật): Khiển trách, Cảnh cáo, " \
        "Khai trừ" in words  # fmt: skip
    assert "loại sự kiện: Kết nạp Đoàn, Chuyển sinh hoạt đến," in words
    assert "--dues-paid-until mm/yyyy" in words and "--remarks NHẬN_XÉT" in words


def test_undoing_a_return_puts_the_vacated_post_back(folder: str) -> None:
    """``members event undo`` deletes the return as "Xóa sự kiện" does: the post the return
    vacated comes back, and the history never showed it as a note."""
    an = "Nguyễn Văn An"
    with Workspace.open(Path(folder)) as ws:
        record = ws.members.get(member_id(folder, an))
        ws.members.save({"full_name": an, "birth_date": "05/03/2001", "position": "Bí thư",
                         "branch_id": record.fields.branch_id or ""}, record.id)  # fmt: skip
    assert add(folder, an, "--kind", "admission", "--date", "01/04/2018")[0] == 0
    for kind, day in (("transfer_out", "01/03/2024"), ("transfer_in", "01/09/2024")):
        code, _out, err = add(folder, an, "--kind", kind, "--date", day, "--note", "Theo gia đình.",
                              "--other-organization", "Đoàn xã Tân Lộc")  # fmt: skip
        assert (code, err) == (0, ""), err
    assert history(folder, an)[-1]["note"] == "Theo gia đình."
    with Workspace.open(Path(folder)) as ws:
        assert ws.members.get(member_id(folder, an)).fields.position is None
    undone = cli("members", "event", "undo", an, "--data-dir", folder)
    assert undone.out == (
        "Đã xóa “Chuyển sinh hoạt đến” ngày 01/09/2024 của đoàn viên Nguyễn Văn An. "
        "Trạng thái: Đã chuyển sinh hoạt.\n"
    )
    with Workspace.open(Path(folder)) as ws:
        assert ws.members.get(member_id(folder, an)).fields.position == "Bí thư"
