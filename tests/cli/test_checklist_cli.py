"""``doancoso checklist`` and the register of advice and coordination from the command line:
the JSON of issue #15, evidence attached once and refused by content, templates in and out."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from io import StringIO
from pathlib import Path

import pytest

from cli_run import cli
from doancoso.cli.main import run
from doancoso.core.lang.dates import format_vn_date

INIT = ["--name", "Đoàn xã Tân Hưng", "--superior", "Tỉnh đoàn Cà Mau", "--commune", "Tân Hưng"]
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


@pytest.fixture
def folder(data_dir: Path) -> str:
    assert cli("init", "--data-dir", str(data_dir), *INIT)[0] == 0
    return str(data_dir)


def _show(folder: str) -> dict[str, object]:
    code, out, _ = cli(
        "checklist", "show", "--year", "2025", "--format", "json", "--data-dir", folder
    )
    assert code == 0
    data = json.loads(out)
    assert isinstance(data, dict)
    return data


def _open(folder: str, year: str) -> None:
    """Open the year's checklist (its default template) as ``checklist set`` does: ``show``
    refuses a year not opened."""
    assert cli("checklist", "set", "1.1", "--year", year, "--note", "Đã họp triển khai.",
               "--data-dir", folder)[0] == 0  # fmt: skip


def _register(folder: str, command: str, *options: str) -> str:
    """What ``COMMAND list`` prints, each record's line without the id that ends it (after a
    tab), checked to be the id of a record of the register."""
    ids = {row["id"] for row in json.loads(cli(command, "list", "--format", "json",
                                               "--data-dir", folder).out)}  # fmt: skip
    lines = []
    for line in cli(command, "list", *options, "--data-dir", folder).out.splitlines():
        text, tab, record_id = line.rpartition("\t")
        if tab:
            assert record_id in ids
        lines.append(text if tab else line)
    return "".join(f"{line}\n" for line in lines)


def test_set_attach_detach_and_the_json(folder: str, tmp_path: Path) -> None:
    photo = tmp_path / "anh-ra-quan.png"
    photo.write_bytes(PNG)
    assert cli("checklist", "set", "1.3", "--year", "2025", "--status", "dat", "--note",
               "Đã triển khai chương trình rèn luyện.", "--data-dir", folder)[0] == 0  # fmt: skip
    code, out, _ = cli("checklist", "attach", "1.3", "--year", "2025", str(photo), "--caption",
                       "Ảnh ra quân", "--data-dir", folder)  # fmt: skip
    assert (code, out) == (0, "Đã đính kèm “anh-ra-quan.png” vào mục 1.3 năm 2025.\n")
    # The same file again: told, nothing added (listed twice, it would be annexed twice).
    code, out, err = cli("checklist", "attach", "1.3", "--year", "2025", str(photo),
                         "--data-dir", folder)  # fmt: skip
    assert (code, out, err) == (1, "", "Lỗi: Tệp “anh-ra-quan.png” đã được đính kèm vào mục 1.3 "
                                "(“Ảnh ra quân”): không đính kèm lần nữa.\n")  # fmt: skip
    data = _show(folder)
    assert data["year"] == 2025
    assert data["template"] == {
        "name": "Tiêu chí “Đoàn cơ sở 3 chủ động” (mặc định)",
        "source": "Hướng dẫn 18-HD/TWĐTN-BTC ngày 24/05/2023 và hướng dẫn của các tỉnh",
    }
    items = {i["code"]: i for i in data["items"]}  # type: ignore[attr-defined]
    item = items["1.3"]
    assert (item["criterion"], item["status"], item["note"], item["points"]) == (
        "1", "dat", "Đã triển khai chương trình rèn luyện.", None,
    )  # fmt: skip
    assert [(f["name"], f["caption"], f["size"]) for f in item["evidence"]] == [
        ("anh-ra-quan.png", "Ảnh ra quân", len(PNG)),
    ]
    assert items["3.1"]["indicators"] == [{"key": "advice-count", "label": "Số văn bản tham mưu "
        "cấp ủy trong năm", "value": 0.0, "threshold": 1.0, "met": False, "due": True}]  # fmt: skip
    summary = data["summary"]
    assert (summary["met"], summary["total"]) == (1, 14)  # type: ignore[index]
    assert len(list((Path(folder) / "evidence").iterdir())) == 1
    sha = item["evidence"][0]["sha256"]
    code, out, _ = cli("checklist", "detach", "1.3", "--year", "2025", sha, "--data-dir", folder)
    assert (code, out) == (0, "Đã gỡ 1 tệp minh chứng khỏi mục 1.3 năm 2025.\n")


def test_a_file_is_detached_by_the_short_hash_show_prints(folder: str, tmp_path: Path) -> None:
    photo, scan = tmp_path / "anh.png", tmp_path / "bien-ban.pdf"
    photo.write_bytes(PNG)
    scan.write_bytes(b"%PDF-1.4\n" + b"\x00" * 40)
    for path in (photo, scan):
        assert cli("checklist", "attach", "1.3", "--year", "2025", str(path),
                   "--data-dir", folder)[0] == 0  # fmt: skip
    code, out, _ = cli("checklist", "show", "--year", "2025", "--data-dir", folder)
    line = next(line for line in out.splitlines() if "Minh chứng: anh.png" in line)
    short = line.rsplit("[", 1)[1].rstrip("]")  # what the secretary reads and types
    assert len(short) == 12
    code, out, err = cli("checklist", "detach", "1.3", "--year", "2025", short.upper(),
                         "--data-dir", folder)  # fmt: skip
    assert (code, out, err) == (0, "Đã gỡ 1 tệp minh chứng khỏi mục 1.3 năm 2025.\n", "")
    (item,) = [i for i in _show(folder)["items"] if i["code"] == "1.3"]  # type: ignore[attr-defined]
    assert [f["name"] for f in item["evidence"]] == ["bien-ban.pdf"]
    code, out, err = cli("checklist", "detach", "1.3", "--year", "2025", "abc",
                         "--data-dir", folder)  # fmt: skip
    assert (code, out) == (1, "")
    assert err == (
        "Lỗi: Hãy ghi mã SHA-256 của tệp, hoặc ít nhất 8 ký tự đầu của nó như lệnh "
        "“doancoso checklist show” in ra.\n"
    )


def test_show_marks_a_file_lost_from_the_store(folder: str, tmp_path: Path) -> None:
    photo, scan = tmp_path / "anh.png", tmp_path / "bien-ban.pdf"
    photo.write_bytes(PNG)
    scan.write_bytes(b"%PDF-1.4\n" + b"\x00" * 40)
    for path in (photo, scan):
        assert cli("checklist", "attach", "1.3", "--year", "2025", str(path),
                   "--data-dir", folder)[0] == 0  # fmt: skip
    (item,) = [i for i in _show(folder)["items"] if i["code"] == "1.3"]  # type: ignore[attr-defined]
    hashes = {f["name"]: f["sha256"] for f in item["evidence"]}
    (Path(folder) / "evidence" / hashes["anh.png"]).unlink()  # deleted by hand
    code, out, _ = cli("checklist", "show", "--year", "2025", "--data-dir", folder)
    assert code == 0
    assert [line for line in out.splitlines() if "Minh chứng:" in line] == [
        f"        Minh chứng: anh.png [{hashes['anh.png'][:12]}] (mất — lấy lại bằng lệnh "
        "doancoso restore-evidence)",
        f"        Minh chứng: bien-ban.pdf [{hashes['bien-ban.pdf'][:12]}]",
    ]
    # "Còn thiếu" names it, in the words of the dossier's check (``dossier --check``).
    lost = (
        "Mục 1.3: tệp minh chứng “anh.png” không còn trong thư mục dữ liệu hoặc đã bị hỏng, "
        "nên chưa lập được hồ sơ. Hãy lấy lại từ một bản sao lưu ra USB có tệp đó (“Lấy lại "
        "tệp minh chứng bị mất từ USB…” trong “Sao lưu và khôi phục…”, lệnh doancoso "
        "restore-evidence) hoặc đính kèm lại tệp gốc ở mục 1.3, trang “3 chủ động”."
    )
    assert [line for line in out.splitlines() if "1.3" in line and line.startswith("  - ")] == [
        "  - Mục 1.3 chưa tự đánh giá.",
        f"  - {lost}",
    ]
    assert [m for m in _show(folder)["summary"]["missing"] if "1.3" in m] == [  # type: ignore[index]
        "Mục 1.3 chưa tự đánh giá.",
        lost,
    ]
    checked = cli("dossier", "--year", "2025", "--check", "--data-dir", folder).out
    assert checked.count("tệp minh chứng “anh.png” không còn") == 1
    (item,) = [i for i in _show(folder)["items"] if i["code"] == "1.3"]  # type: ignore[attr-defined]
    assert [(f["name"], f["lost"]) for f in item["evidence"]] == [
        ("anh.png", True),
        ("bien-ban.pdf", False),
    ]


def test_a_file_of_the_wrong_kind_exits_1_and_changes_nothing(folder: str, tmp_path: Path) -> None:
    _open(folder, "2025")  # a year not opened stays so (test_checklist_cli_refused_file.py)
    fake = tmp_path / "bao-cao.pdf"
    fake.write_bytes(b"MZ not a pdf")
    code, out, err = cli(
        "checklist", "attach", "1.3", "--year", "2025", str(fake), "--data-dir", folder
    )
    assert (code, out) == (1, "")
    assert "Tệp “bao-cao.pdf” không phải PDF, ảnh JPEG hoặc PNG" in err
    assert not (Path(folder) / "evidence").exists() or not list(
        (Path(folder) / "evidence").iterdir()
    )
    assert [i["evidence"] for i in _show(folder)["items"] if i["code"] == "1.3"] == [[]]  # type: ignore[attr-defined]


def test_the_current_folder_given_for_the_file_is_named(
    folder: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'checklist attach 1.1 .' said "“” không phải là một tệp."."""
    monkeypatch.chdir(tmp_path)
    code, out, err = cli("checklist", "attach", "1.1", ".", "--year", "2025", "--data-dir", folder)
    assert (code, out, err) == (1, "", "Lỗi: “.” không phải là một tệp.\n")


def test_advice_and_coordination_count_in_the_indicators(folder: str) -> None:
    title = "Tờ trình về công tác thanh niên"
    assert cli("advice", "add", "--date", "15/06/2025", "--title", title,
               "--number", "05-TTr/ĐTN", "--data-dir", folder)[0] == 0  # fmt: skip
    assert cli("coordination", "add", "--date", "01/04/2025", "--partner", "Công an xã",
               "--title", "Quy chế phối hợp", "--data-dir", folder)[0] == 0  # fmt: skip
    assert _register(folder, "advice", "--year", "2025") == (
        "15/06/2025  05-TTr/ĐTN  Tờ trình về công tác thanh niên\n"
    )
    assert _register(folder, "coordination") == "01/04/2025  Công an xã: Quy chế phối hợp\n"
    # A year with none is said to be that year's, not the register's as a whole.
    assert cli("advice", "list", "--year", "2024", "--data-dir", folder)[1] == (
        "Chưa có văn bản tham mưu nào trong năm 2024.\n"
    )
    assert cli("coordination", "list", "--year", "2024", "--data-dir", folder)[1] == (
        "Chưa có chương trình phối hợp nào trong năm 2024.\n"
    )
    _open(folder, "2025")
    items = {i["code"]: i for i in _show(folder)["items"]}  # type: ignore[attr-defined]
    assert [i["met"] for i in items["3.1"]["indicators"]] == [True]
    assert [i["met"] for i in items["3.3"]["indicators"]] == [True]
    code, _, err = cli(
        "advice", "add", "--date", "31/02/2025", "--title", "X", "--data-dir", folder
    )
    assert (code, err.strip()) == (
        1, "Lỗi: Dữ liệu không hợp lệ:\n  --date: Ngày 31/02/2025 không có trên lịch."
    )  # fmt: skip


@pytest.mark.parametrize("command", [("show",), ("show", "--format", "json"),
                                     ("detach", "1.3", "0123456789ab")])  # fmt: skip
def test_a_mistyped_year_of_the_checklist_is_refused(folder: str, command: tuple[str, ...]) -> None:
    """ "--year 25" is not shown as an empty checklist of the year 25 (nor "not opened")."""
    code, out, err = cli("checklist", *command, "--year", "25", "--data-dir", folder)
    assert (code, out, err) == (
        1,
        "",
        "Lỗi: Dữ liệu không hợp lệ:\n  --year: Năm 25 không hợp lệ: chỉ nhận các năm 2000–2100.\n",
    )


def test_a_title_pasted_decomposed_is_said_back_in_nfc(folder: str) -> None:
    """Text copied from some PDFs or a Mac is decomposed (NFD): stored and said in NFC."""
    title, partner = "Tờ trình về công tác thanh niên", "Hội Liên hiệp Phụ nữ xã"
    decomposed = unicodedata.normalize("NFD", title)
    assert decomposed != title
    code, out, err = cli("advice", "add", "--date", "15/06/2025", "--title", decomposed,
                         "--data-dir", folder)  # fmt: skip
    assert (code, out, err) == (0, f"Đã ghi văn bản tham mưu “{title}”.\n", "")
    code, out, err = cli("coordination", "add", "--date", "01/04/2025", "--partner",
                         unicodedata.normalize("NFD", partner), "--title", decomposed,
                         "--data-dir", folder)  # fmt: skip
    assert (code, err) == (0, "")
    assert out == f"Đã ghi chương trình phối hợp “{title}” với {partner}.\n"


@pytest.mark.parametrize("command", ["advice", "coordination"])
@pytest.mark.parametrize("year", ["0", "25", "10000"])
def test_a_mistyped_year_of_a_register_list_is_refused(
    folder: str, command: str, year: str
) -> None:
    code, out, err = cli(command, "list", "--year", year, "--data-dir", folder)
    assert (code, out, err) == (
        1, "", f"Lỗi: Dữ liệu không hợp lệ:\n  --year: Năm {year} không hợp lệ: chỉ nhận "
        "các năm 2000–2100.\n"
    )  # fmt: skip


def test_templates_in_and_out(folder: str, tmp_path: Path) -> None:
    exported = tmp_path / "mac-dinh.json"
    name = "Tiêu chí “Đoàn cơ sở 3 chủ động” (mặc định)"
    assert cli("checklist", "template", "export", name, str(exported), "--data-dir", folder)[0] == 0
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["name"], data["province"] = "Bộ tiêu chí Cà Mau", "Cà Mau"
    province = tmp_path / "ca-mau.json"
    province.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, _ = cli("checklist", "template", "import", str(province), "--data-dir", folder)
    assert (code, out) == (0, "Đã nhập bộ tiêu chí “Bộ tiêu chí Cà Mau” (14 mục).\n")
    listed = cli("checklist", "template", "list", "--data-dir", folder)[1].splitlines()
    source = "Hướng dẫn 18-HD/TWĐTN-BTC ngày 24/05/2023 và hướng dẫn của các tỉnh"
    assert listed[1] == f"Bộ tiêu chí Cà Mau — Cà Mau (14 mục; {source})"
    province.write_text('{"format": "doancoso-criteria", "version": 3}', encoding="utf-8")
    code, _, err = cli("checklist", "template", "import", str(province), "--data-dir", folder)
    assert code == 1 and "phiên bản 1" in err
    assert len(cli("checklist", "template", "list", "--data-dir", folder)[1].splitlines()) == 2


def test_a_file_named_on_a_mac_is_said_back_in_nfc(folder: str, tmp_path: Path) -> None:
    """A file copied from a Mac has a decomposed (NFD) name: stored and said in NFC."""
    name = "Ảnh ra quân ấp Tân Lộc.png"
    decomposed = unicodedata.normalize("NFD", name)
    photo = tmp_path / decomposed
    photo.write_bytes(PNG)
    code, out, _ = cli("checklist", "attach", "1.3", "--year", "2025", str(photo),
                       "--data-dir", folder)  # fmt: skip
    assert (code, out) == (0, f"Đã đính kèm “{name}” vào mục 1.3 năm 2025.\n")
    (item,) = [i for i in _show(folder)["items"] if i["code"] == "1.3"]  # type: ignore[attr-defined]
    assert [f["name"] for f in item["evidence"]] == [name]


def test_a_status_is_given_by_its_vietnamese_name_or_its_code(folder: str) -> None:
    """As every level or status of the command line (DESIGN.md, "The command line")."""
    for item_code, status in (("1.1", "Đạt"), ("1.2", "không áp dụng"), ("1.3", "chua-dat")):
        said = cli("checklist", "set", item_code, "--year", "2025", "--status", status,
                   "--data-dir", folder)  # fmt: skip
        assert said == (0, f"Đã cập nhật mục {item_code} năm 2025.\n", "")
    items = {i["code"]: i["status"] for i in _show(folder)["items"]}  # type: ignore[attr-defined]
    assert (items["1.1"], items["1.2"], items["1.3"]) == ("dat", "khong-ap-dung", "chua-dat")
    code, out, err = cli("checklist", "set", "1.4", "--year", "2025", "--status", "Tốt",
                         "--data-dir", folder)  # fmt: skip
    assert (code, out) == (1, "")
    assert err == (
        "Lỗi: Dữ liệu không hợp lệ:\n"
        "  --status: Đánh giá phải là: Đạt, Chưa đạt, Không áp dụng, Chưa đánh giá.\n"
    )
    assert [i["status"] for i in _show(folder)["items"] if i["code"] == "1.4"] == [  # type: ignore[attr-defined]
        "chua-danh-gia"
    ]


def test_show_gives_the_points_when_the_template_has_them(folder: str, tmp_path: Path) -> None:
    from doancoso.core.recognition.template import default_template

    data = json.loads(default_template().text)
    data["name"] = "Bộ tiêu chí có điểm"
    data["criteria"][0]["items"][0]["points"] = 10
    data["criteria"][0]["items"][1]["points"] = 5
    data["criteria"][1]["items"][0]["points"] = 20
    path = tmp_path / "tieu-chi.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert cli("checklist", "template", "import", str(path), "--data-dir", folder)[0] == 0
    from doancoso.core.workspace import Workspace

    ws = Workspace.open(Path(folder))
    try:
        ws.recognition.open(2025, "Bộ tiêu chí có điểm")
    finally:
        ws.close()
    assert cli("checklist", "set", "1.1", "--year", "2025", "--status", "dat", "--points", "8,5",
               "--data-dir", folder)[0] == 0  # fmt: skip
    code, out, _ = cli("checklist", "show", "--year", "2025", "--data-dir", folder)
    lines = out.splitlines()
    heading = next(line for line in lines if line.startswith("Tiêu chí 1. "))
    assert heading.endswith("ở địa phương, đơn vị (1/7 đạt; 8,5/15 điểm)")
    assert any(line.startswith("  1.1  [Đạt]  8,5/10 điểm  Danh sách") for line in lines)
    assert any(line.startswith("  1.2  [Chưa đánh giá]  —/5 điểm  Nhận xét") for line in lines)
    assert "Đạt 1/14 mục; 8,5/35 điểm." in lines
    summary = _show(folder)["summary"]
    assert summary["points"] == {"given": 8.5, "possible": 35.0}  # type: ignore[index]


def test_set_with_nothing_to_set_is_bad_usage(
    folder: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """'checklist set 1.1 --year 2025' said "Đã cập nhật mục 1.1 năm 2025." and changed nothing,
    as if the options had been taken."""
    assert cli("checklist", "set", "1.1", "--year", "2025", "--status", "Đạt",
               "--data-dir", folder)[0] == 0  # fmt: skip
    before = _show(folder)
    out = StringIO()
    with pytest.raises(SystemExit) as info:
        run(["checklist", "set", "1.1", "--year", "2025", "--data-dir", folder], out=out)
    assert (info.value.code, out.getvalue()) == (2, "")
    assert capsys.readouterr().err.endswith(
        "\nLỗi cú pháp lệnh: cần ít nhất một trong --status, --points, --note\n"
    )
    assert _show(folder) == before


def test_an_advice_sent_after_today_is_refused(folder: str) -> None:
    """ "15/06/2099", a year mistyped, was saved: a document sent in a year to come, counted in
    that year's dossier."""
    tomorrow = format_vn_date(dt.date.today() + dt.timedelta(days=1))
    for day in ("15/06/2099", tomorrow):
        code, out, err = cli(
            "advice", "add", "--date", day, "--title", "Tờ trình", "--data-dir", folder
        )
        assert (code, out, err) == (
            1, "", "Lỗi: Dữ liệu không hợp lệ:\n  --date: Ngày gửi văn bản không thể sau hôm nay.\n"
        )  # fmt: skip
    assert cli("advice", "list", "--data-dir", folder)[1] == "Chưa có văn bản tham mưu nào.\n"
    today = format_vn_date(dt.date.today())
    assert cli("advice", "add", "--date", today, "--title", "Tờ trình", "--data-dir", folder) == (
        0, "Đã ghi văn bản tham mưu “Tờ trình”.\n", ""
    )  # fmt: skip


def test_the_registers_list_as_json(folder: str) -> None:
    """``advice list`` and ``coordination list`` took no ``--format json``, which every listing
    command takes: the records' fields, dates dd/mm/yyyy (null when none), ``[]`` when empty."""
    assert cli("advice", "add", "--date", "15/06/2025", "--title", "Tờ trình về thanh niên",
               "--number", "05-TTr/ĐTN", "--answer", "Đồng ý",
               "--data-dir", folder)[0] == 0  # fmt: skip
    assert cli("coordination", "add", "--date", "01/04/2025", "--partner", "Công an xã",
               "--title", "Quy chế phối hợp", "--data-dir", folder)[0] == 0  # fmt: skip
    code, out, err = cli("advice", "list", "--format", "json", "--data-dir", folder)
    assert (code, err) == (0, "")
    [advice] = json.loads(out)
    assert isinstance(advice.pop("id"), str)
    assert advice == {"date": "15/06/2025", "number": "05-TTr/ĐTN",
                      "title": "Tờ trình về thanh niên", "summary": None, "answer": "Đồng ý",
                      "answer_date": None}  # fmt: skip
    code, out, err = cli("coordination", "list", "--year", "2025", "--format", "json",
                         "--data-dir", folder)  # fmt: skip
    assert (code, err) == (0, "")
    [coordination] = json.loads(out)
    assert isinstance(coordination.pop("id"), str)
    assert coordination == {"date": "01/04/2025", "end_date": None, "partner": "Công an xã",
                            "title": "Quy chế phối hợp", "content": None, "results": None,
                            "activity_id": None}  # fmt: skip
    for command in ("advice", "coordination"):
        assert cli(command, "list", "--year", "2024", "--format", "json",
                   "--data-dir", folder) == (0, "[]\n", "")  # fmt: skip


def test_next_years_plan_made_in_advance_is_not_due(folder: str) -> None:
    """``checklist show`` of next year, its plan made in advance: item 2.2 read "Đạt 0/1 chỉ
    tiêu của kế hoạch. (chưa đạt)" and was listed as missing; it says "chưa đến kỳ", as ``plan
    show`` does, and the JSON gives neither a value nor a verdict (same keys)."""
    year = str(dt.date.today().year + 1)
    assert cli("plan", "new", "--year", year, "--data-dir", folder)[0] == 0
    target = ("--text", "Kết nạp 20 đoàn viên", "--planned", "20", "--measure", "admissions")
    assert cli("plan", "target", "add", "--year", year, *target, "--data-dir", folder)[0] == 0
    _open(folder, year)
    code, out, _ = cli("checklist", "show", "--year", year, "--data-dir", folder)
    assert code == 0
    assert (
        "        Chỉ số: Tỉ lệ chỉ tiêu kế hoạch đã đạt (%): Kế hoạch có 1 chỉ tiêu, chưa đến kỳ "
        f"đánh giá: năm {year} chưa bắt đầu. (chưa đến kỳ)\n"
    ) in out
    assert "Mục 2.2: chỉ số" not in out
    code, out, _ = cli("checklist", "show", "--year", year, "--format", "json",
                       "--data-dir", folder)  # fmt: skip
    items = {i["code"]: i for i in json.loads(out)["items"]}
    assert items["2.2"]["indicators"] == [{"key": "targets-met", "label": "Tỉ lệ chỉ tiêu kế "
        "hoạch đã đạt (%)", "value": None, "threshold": 80.0, "met": None,
        "due": False}]  # fmt: skip


def test_an_answer_on_several_lines_stays_on_its_records_line(folder: str) -> None:
    """The Party committee's answer, typed on several lines in the app, broke ``advice list``:
    its next lines started at the margin as if they were other records. One line a record."""
    answer = "Đảng ủy đồng ý.\nGiao UBND xã bố trí 5.000.000 đồng.\n\nBáo cáo trước 30/11."
    assert cli("advice", "add", "--date", "15/06/2025", "--title", "Tờ trình về kinh phí",
               "--answer", answer, "--data-dir", folder)[0] == 0  # fmt: skip
    assert cli("advice", "add", "--date", "20/06/2025", "--title", "Báo cáo thanh niên",
               "--data-dir", folder)[0] == 0  # fmt: skip
    assert _register(folder, "advice") == (
        "15/06/2025  Tờ trình về kinh phí — trả lời: Đảng ủy đồng ý. / Giao UBND xã bố trí "
        "5.000.000 đồng. / Báo cáo trước 30/11.\n"
        "20/06/2025  Báo cáo thanh niên\n"
    )


def test_a_programme_is_listed_with_its_period(folder: str) -> None:
    """A programme from 01/04/2025 to 31/03/2026 (as the app records it) was listed under
    ``--year 2026`` as "01/04/2025  …", seemingly of another year; it is listed with its
    period, as the register of the app shows it."""
    from doancoso.core.workspace import Workspace

    programme = {"day": "01/04/2025", "end_day": "31/03/2026", "partner": "Công an xã",
                 "title": "Quy chế phối hợp"}  # fmt: skip
    with Workspace.open(Path(folder)) as ws:
        ws.registers.save_coordination(programme)
    assert cli("coordination", "add", "--date", "10/05/2026", "--partner", "Trạm Y tế xã",
               "--title", "Khám sức khỏe sinh sản", "--data-dir", folder)[0] == 0  # fmt: skip
    assert _register(folder, "coordination", "--year", "2026") == (
        "01/04/2025 – 31/03/2026  Công an xã: Quy chế phối hợp\n"
        "10/05/2026  Trạm Y tế xã: Khám sức khỏe sinh sản\n"
    )


def test_a_criterion_whose_items_all_do_not_apply_reads_no_zero_over_zero(folder: str) -> None:
    """Every item of criterion 3 "Không áp dụng": ``checklist show`` headed it "(0/0 đạt)"."""
    for item_code in ("3.1", "3.2", "3.3"):
        assert cli("checklist", "set", item_code, "--year", "2025", "--status", "khong-ap-dung",
                   "--data-dir", folder)[0] == 0  # fmt: skip
    code, out, _ = cli("checklist", "show", "--year", "2025", "--data-dir", folder)
    assert code == 0
    assert "0/0" not in out
    assert (
        "Tiêu chí 3. Chủ động tham mưu với cấp ủy, phối hợp với chính quyền, các đoàn thể và các "
        "tổ chức liên quan (không có mục được tính)\n"
    ) in out
    assert "\nĐạt 0/11 mục.\n" in out


def test_the_table_prints_each_items_narrative_wrapped_under_it(folder: str) -> None:
    """``checklist show`` printed an item's status and files but not what the union did for it
    (the JSON's "note"): the narrative is printed under its item, wrapped to 80 columns."""
    note = (
        "Tổ chức 12 buổi sinh hoạt chi đoàn theo chủ đề hằng tháng tại 4 ấp, có sự tham gia của "
        "Hội Nông dân xã.\nLập danh sách 37 thanh niên có hoàn cảnh khó khăn."
    )
    assert cli("checklist", "set", "1.3", "--year", "2025", "--note", note,
               "--data-dir", folder)[0] == 0  # fmt: skip
    code, out, err = cli("checklist", "show", "--year", "2025", "--data-dir", folder)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    [at] = [i for i, line in enumerate(lines) if line.startswith("  1.3  ")]
    assert lines[at + 1 : at + 4] == [
        "        Những việc đã làm: Tổ chức 12 buổi sinh hoạt chi đoàn theo chủ đề hằng",
        "          tháng tại 4 ấp, có sự tham gia của Hội Nông dân xã.",
        "          Lập danh sách 37 thanh niên có hoàn cảnh khó khăn.",
    ]
    assert lines[at + 4].startswith("        Hồ sơ: ")  # the item's records follow, as before
    assert "Những việc đã làm" not in out.replace(lines[at + 1], "")  # no other item has one


@pytest.mark.parametrize("form", [(), ("--format", "json")])
def test_show_of_a_year_not_opened_says_so(folder: str, form: tuple[str, ...]) -> None:
    """A year never opened is not printed as a table of items "Chưa đánh giá": it is said not
    opened, with the ways to open it; nothing is opened by asking."""
    code, out, err = cli("checklist", "show", "--year", "2027", *form, "--data-dir", folder)
    assert (code, out, err) == (
        1,
        "",
        "Lỗi: Năm 2027 chưa có bảng tự đánh giá “3 chủ động”. Mở bảng ở trang “3 chủ động” "
        "(chọn bộ tiêu chí), hoặc tự đánh giá một mục bằng lệnh doancoso checklist set MÃ "
        "--year 2027 --status ĐÁNH_GIÁ (bảng mở theo bộ tiêu chí mặc định).\n",
    )
    assert cli("checklist", "show", "--year", "2027", "--data-dir", folder).code == 1
    assert cli("checklist", "set", "1.1", "--year", "2027", "--status", "dat",
               "--data-dir", folder).code == 0  # fmt: skip
    code, out, err = cli("checklist", "show", "--year", "2027", *form, "--data-dir", folder)
    assert (code, err) == (0, "")
    assert "2027" in out
