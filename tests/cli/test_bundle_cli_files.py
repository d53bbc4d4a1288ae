"""``doancoso bundle export | inspect | import`` and the files named to them: a name written as
given, a folder refused, Vietnamese numbers in the counts, a fresh folder left as found, a blank
path bad usage (split from test_bundle_cli.py)."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest

from bundle_cli import demo_home, export, write_password_file
from bundle_gui import PASSWORD as BUNDLE_PASSWORD
from cli_run import cli
from doancoso.cli.main import run
from doancoso.core.lang.text import vn_number
from doancoso.core.workspace import Workspace


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return demo_home(tmp_path)


@pytest.fixture
def password_file(tmp_path: Path) -> Path:
    return write_password_file(tmp_path)


def test_export_names_the_file_as_written_even_with_a_comma(
    home: Path, tmp_path: Path, password_file: Path
) -> None:
    folder = tmp_path / "Bàn giao, tháng 12"
    folder.mkdir()
    target = folder / "ban-giao,2026.dcs"
    code, out, err = cli("bundle", "export", str(target), "--password-file", str(password_file),
                         "--data-dir", str(home))  # fmt: skip
    assert (code, err) == (0, "")
    size = target.stat().st_size
    assert out.splitlines()[0] == (
        f"Đã ghi và đọc lại kiểm tra gói dữ liệu “{target}” ({vn_number(size)} byte)."
    )


def test_a_folder_given_for_the_file_is_said_to_be_a_folder(
    home: Path, tmp_path: Path, password_file: Path
) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    for overwrite in ((), ("--overwrite",)):  # never advised to overwrite a folder
        code, out, err = cli("bundle", "export", str(stick), "--password-file",
                             str(password_file), "--data-dir", str(home), *overwrite)  # fmt: skip
        assert (code, out) == (1, "")
        assert err == (
            f"Lỗi: “{stick}” là một thư mục: hãy ghi cả tên tệp, ví dụ "
            f"“{stick / 'ban-giao.dcs'}”. Không có tệp nào được ghi.\n"
        )
    assert list(stick.iterdir()) == []


def test_many_conflicts_are_counted_as_vietnamese_write_numbers(tmp_path: Path) -> None:
    from bundle_sync import both_changed

    mine, theirs, bundle = both_changed(tmp_path, 1050)
    mine.close()
    theirs.close()
    password = tmp_path / "mk.txt"
    password.write_text(BUNDLE_PASSWORD, encoding="utf-8")
    code, out, err = cli("bundle", "import", str(bundle), "--password-file", str(password),
                         "--data-dir", str(tmp_path / "cua-toi"))  # fmt: skip
    assert code == 1
    assert "\nXung đột (1.050 bản ghi sửa ở cả hai nơi):\n" in out
    assert err.startswith("Lỗi: Có 1.050 bản ghi đã được sửa ở cả hai nơi kể từ lần trao đổi")


def test_the_evidence_files_are_counted_as_vietnamese_write_numbers(
    tmp_path: Path, password_file: Path
) -> None:
    from doancoso.core.organization import OrganizationInfo

    home = tmp_path / "home"
    with Workspace.open(home) as ws:
        ws.organization.create(OrganizationInfo(name="Đoàn xã Tân Hưng",
                                                superior_name="Tỉnh đoàn Cà Mau"))  # fmt: skip
        member = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000"})
        for i in range(1001):  # the photos of a year's activities
            scan = tmp_path / f"anh-{i}.pdf"
            scan.write_bytes(b"%PDF-1.4\n" + str(i).encode() + b"\n%%EOF\n")
            ws.evidence.attach("members", member, scan)
    target = tmp_path / "b.dcs"
    export(home, target, password_file)
    code, out, err = cli("bundle", "inspect", str(target), "--password-file", str(password_file))
    assert (code, err) == (0, "")
    assert "\nTệp minh chứng: 1.001\n" in out


def test_an_import_that_applies_nothing_leaves_a_fresh_folder_as_it_found_it(
    home: Path, tmp_path: Path, password_file: Path
) -> None:
    """A refused bundle, a wrong password or a dry run into a folder with no data create
    nothing there (no empty database to be taken for a setup); the real import keeps its data."""
    bundle = tmp_path / "ban-giao.dcs"
    export(home, bundle, password_file)
    junk = tmp_path / "rac.dcs"
    junk.write_bytes(b"junk")
    wrong = tmp_path / "sai.txt"
    wrong.write_text("Mật khẩu sai hoàn toàn 2026", encoding="utf-8")
    missing = tmp_path / "chua-co"
    empty = tmp_path / "trong"
    empty.mkdir()
    (empty / "ghi-chu.txt").write_text("của người dùng", encoding="utf-8")
    cases = [
        (junk, password_file, (), 1),
        (bundle, wrong, (), 1),
        (bundle, password_file, ("--dry-run",), 0),
    ]
    for folder in (missing, empty):
        for file, password, extra, expected in cases:
            code, out, err = cli("bundle", "import", str(file), "--password-file", str(password),
                                 *extra, "--data-dir", str(folder))  # fmt: skip
            assert code == expected, err
            if folder == missing:
                assert not folder.exists()
            else:
                assert sorted(p.name for p in folder.iterdir()) == ["ghi-chu.txt"]
    assert "Không có gì được thay đổi." in cli(
        "bundle", "import", str(junk), "--password-file", str(password_file), "--data-dir",
        str(missing),
    )[2]  # fmt: skip
    code, out, err = cli("bundle", "import", str(bundle), "--password-file", str(password_file),
                         "--data-dir", str(missing))  # fmt: skip
    assert (code, err) == (0, "")
    with Workspace.open(missing, create=False) as ws:
        assert ws.has_organization and len(ws.members.ids()) > 0


BLANK_FILE = "cần tên một tệp, không được để trống"


@pytest.mark.parametrize("blank", ["", " "])
@pytest.mark.parametrize(
    ("command", "message"),
    [
        (["export", "{blank}", "--no-password"], f"tham số TỆP.dcs: {BLANK_FILE}"),
        (["inspect", "{blank}"], f"tham số TỆP.dcs: {BLANK_FILE}"),
        (["import", "{blank}", "--dry-run"], f"tham số TỆP.dcs: {BLANK_FILE}"),
        (
            ["import", "x.dcs", "--password-file", "{blank}"],
            f"tùy chọn --password-file: {BLANK_FILE}",
        ),
        (
            ["export", "x.dcs", "--password-file", "{blank}"],
            f"tùy chọn --password-file: {BLANK_FILE}",
        ),
        (
            ["inspect", "x.dcs", "--save-dossier", "{blank}"],
            f"tùy chọn --save-dossier: {BLANK_FILE}",
        ),
    ],
)
def test_a_blank_path_is_bad_usage_not_the_current_folder(
    home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    message: str,
    blank: str,
) -> None:
    """``bundle inspect ""`` said "“.” là một thư mục"; a blank path (a script's unset variable)
    is bad usage, exit 2, as in every other command, and nothing is written."""
    here = tmp_path / "script"
    here.mkdir()
    monkeypatch.chdir(here)
    backups = sorted((home / "backups").glob("*"))
    argv = [arg.format(blank=blank) for arg in command]
    out = StringIO()
    with pytest.raises(SystemExit) as info:
        run(["bundle", *argv, "--data-dir", str(home)], out=out, err=StringIO())
    assert (info.value.code, out.getvalue()) == (2, "")
    err = capsys.readouterr().err
    assert err.startswith("cách dùng: doancoso bundle ")
    assert err.endswith(f"\nLỗi cú pháp lệnh: {message}\n")
    assert list(here.iterdir()) == []
    assert sorted((home / "backups").glob("*")) == backups


@pytest.mark.parametrize("name", ["ban-giao.txt", "ban-giao", "ban-giao.dcs.zip"])
def test_export_to_a_name_without_dcs_is_refused_writing_nothing(
    home: Path, tmp_path: Path, password_file: Path, name: str
) -> None:
    """``bundle export x.txt`` wrote a bundle the import wizard's file list ("*.dcs") does not
    show: the secretary could not find it on the stick. Refused, as the other commands' files
    with a wrong extension, even with --overwrite over a file of hers, which is left as it was."""
    stick = tmp_path / "usb"
    stick.mkdir()
    (stick / "ban-giao.txt").write_text("ghi chú của Bí thư", encoding="utf-8")
    code, out, err = cli("bundle", "export", str(stick / name), "--password-file",
                         str(password_file), "--data-dir", str(home), "--overwrite")  # fmt: skip
    assert (code, out, err) == (1, "", f"Lỗi: Gói dữ liệu phải có đuôi .dcs: {name}\n")
    assert sorted(p.name for p in stick.iterdir()) == ["ban-giao.txt"]
    assert (stick / "ban-giao.txt").read_text(encoding="utf-8") == "ghi chú của Bí thư"


def test_inspect_saving_its_dossier_without_pdf_is_refused(
    home: Path, tmp_path: Path, password_file: Path
) -> None:
    """--save-dossier ho-so.txt: the dossier is a PDF, which no program opens by that name."""
    bundle = tmp_path / "bao-cao.dcs"
    export(home, bundle, password_file)
    saved = tmp_path / "ho-so.txt"
    code, out, err = cli("bundle", "inspect", str(bundle), "--password-file",
                         str(password_file), "--save-dossier", str(saved))  # fmt: skip
    assert (code, out, err) == (1, "", "Lỗi: Tệp PDF phải có đuôi .pdf: ho-so.txt\n")
    assert not saved.exists()


def test_export_into_a_file_taken_for_a_folder_names_that_file(
    home: Path, tmp_path: Path, password_file: Path
) -> None:
    """``bundle export usb/b.dcs`` where "usb" is a file: "thư mục không tồn tại" had her look
    for a folder; the file in the way is named."""
    usb = tmp_path / "usb"
    usb.write_text("ghi chú của Bí thư", encoding="utf-8")
    code, out, err = cli("bundle", "export", str(usb / "b.dcs"), "--password-file",
                         str(password_file), "--data-dir", str(home))  # fmt: skip
    assert (code, out) == (1, "")
    assert err == (
        f"Lỗi: Không ghi được gói dữ liệu “{usb / 'b.dcs'}”: “{usb}” là một tệp, không phải "
        "thư mục.\n"
    )
    assert usb.read_text(encoding="utf-8") == "ghi chú của Bí thư"
