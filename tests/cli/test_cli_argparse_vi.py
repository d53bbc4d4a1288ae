"""argparse speaks Vietnamese in our commands, and only there: help, usage and the errors a user
meets, with exit code 2; argparse itself (``argparse._``) is left as the standard library made
it."""

from __future__ import annotations

import argparse
import gettext
import re
from io import StringIO

import pytest

from doancoso.cli.main import build_parser, run
from doancoso.cli.parser import vietnamese_error

TOP_USAGE = "cách dùng: doancoso [-h] [--version] [--self-test] [--data-dir THƯ_MỤC] LỆNH ...\n"
LIST_USAGE = (
    "cách dùng: doancoso members list [-h] [--data-dir THƯ_MỤC] [--search TỪ_KHÓA] "
    "[--branch TÊN]\n"
    "                                 [--status TRẠNG_THÁI] [--gender GIỚI_TÍNH]\n"
    "                                 [--format {table,json}]\n"
)


@pytest.fixture(autouse=True)
def _width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")  # argparse wraps help to the terminal's width


def _exit(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        run(list(argv), out=StringIO(), err=StringIO())
    captured = capsys.readouterr()
    assert isinstance(info.value.code, int)
    return info.value.code, captured.out, captured.err


def test_argparse_itself_is_left_alone(capsys: pytest.CaptureFixture[str]) -> None:
    build_parser()
    assert vars(argparse)["_"] is gettext.gettext
    plain = argparse.ArgumentParser(prog="plain")
    plain.add_argument("--name", required=True)
    with pytest.raises(SystemExit):
        plain.parse_args([])
    assert capsys.readouterr().err == (
        "usage: plain [-h] --name NAME\n"
        "plain: error: the following arguments are required: --name\n"
    )


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _exit(capsys, "--help")
    assert (code, err) == (0, "")
    assert out == TOP_USAGE + (
        "\n"
        "Quản lý Đoàn cơ sở 3 chủ động.\n"
        "\n"
        "tham số:\n"
        "  LỆNH\n"
        "    init              thiết lập thông tin Đoàn cơ sở\n"
        "    demo              tạo dữ liệu mẫu để dùng thử\n"
        "    members           danh sách đoàn viên\n"
        "    backup            sao lưu dữ liệu ngay\n"
        "    backups           danh sách các bản sao lưu\n"
        "    check             sao lưu rồi kiểm tra dữ liệu\n"
        "    restore           khôi phục dữ liệu từ một bản sao lưu\n"
        "    restore-evidence  lấy lại tệp minh chứng bị mất từ bản sao lưu ra USB\n"
        "    plan              kế hoạch công tác năm\n"
        "    activity          hoạt động, lịch và điểm danh\n"
        "    participation     tỉ lệ tham gia hoạt động của đoàn viên trong năm\n"
        "    calendar          lịch hoạt động cho điện thoại (.ics)\n"
        "    checklist         bảng tự đánh giá “3 chủ động”\n"
        "    advice            văn bản tham mưu cấp ủy\n"
        "    coordination      chương trình phối hợp\n"
        "    rating            đánh giá, xếp loại đoàn viên hằng năm\n"
        "    dossier           hồ sơ đề nghị công nhận “3 chủ động”\n"
        "    bundle            gói dữ liệu chép qua USB (bàn giao, báo cáo)\n"
        "\n"
        "tùy chọn:\n"
        "  -h, --help          hiện trợ giúp này rồi thoát\n"
        "  --version           hiện số phiên bản rồi thoát\n"
        "  --self-test         tự kiểm tra ứng dụng (không giao diện) rồi thoát\n"
        "  --data-dir THƯ_MỤC  thư mục dữ liệu (mặc định: thư mục dữ liệu của người dùng)\n"
    )


def test_group_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _exit(capsys, "members", "-h")
    assert (code, err) == (0, "")
    assert out == (
        "cách dùng: doancoso members [-h] [--data-dir THƯ_MỤC] LỆNH ...\n"
        "\n"
        "tham số:\n"
        "  LỆNH\n"
        "    list               liệt kê đoàn viên\n"
        "    add                thêm một đoàn viên\n"
        "    edit               sửa thông tin một đoàn viên (chỉ các giá trị được nêu)\n"
        "    import             nhập đoàn viên từ tệp Excel (.xlsx, .xls) hoặc CSV\n"
        "    export             xuất danh sách đoàn viên ra tệp .xlsx hoặc .csv\n"
        "    print              in danh sách đoàn viên ra tệp PDF\n"
        "    print-transfer     in giấy giới thiệu sinh hoạt Đoàn của một đoàn viên chuyển đi\n"
        "    print-coming-of-age\n"
        "                       in danh sách đoàn viên trưởng thành Đoàn của một năm ra tệp PDF\n"
        "    event              ghi sự kiện của đoàn viên, hoặc xóa sự kiện cuối\n"
        "    events             quá trình (các sự kiện) của một đoàn viên\n"
        "\n"
        "tùy chọn:\n"
        "  -h, --help           hiện trợ giúp này rồi thoát\n"
        "  --data-dir THƯ_MỤC   thư mục dữ liệu (mặc định: thư mục dữ liệu của người dùng)\n"
    )


def test_missing_required_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _exit(capsys, "init", "--commune", "Tân Hưng")
    assert (code, out) == (2, "")
    assert err == (
        "cách dùng: doancoso init [-h] [--data-dir THƯ_MỤC] --name TÊN --superior TÊN\n"
        "                         [--superior-short TÊN_TẮT] [--commune XÃ] [--province TỈNH]\n"
        "                         [--secretary HỌ_TÊN] [--coming-of-age N] [--ignore-backups]\n"
        "Lỗi cú pháp lệnh: thiếu tham số bắt buộc: --name, --superior\n"
    )


def test_unknown_argument(capsys: pytest.CaptureFixture[str]) -> None:
    """An option the subcommand does not take is refused with the subcommand's usage line (its
    options, where the mistake is), not the top one's, which lists none of them."""
    code, out, err = _exit(capsys, "members", "list", "--bogus", "x")
    assert (code, out) == (2, "")
    assert err == LIST_USAGE + "Lỗi cú pháp lệnh: tham số không nhận ra: --bogus x\n"


def test_option_of_another_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _exit(capsys, "restore", "saoluu.sqlite", "--format", "json")
    assert (code, out) == (2, "")
    assert err == (
        "cách dùng: doancoso restore [-h] [--data-dir THƯ_MỤC] [--other-organization] "
        "TỆP_SAO_LƯU\n"
        "Lỗi cú pháp lệnh: tham số không nhận ra: --format json\n"
    )


def test_unknown_argument_of_a_group(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _exit(capsys, "plan", "--bogus", "show", "--year", "2026")
    assert (code, out) == (2, "")
    assert err == (
        "cách dùng: doancoso plan [-h] [--data-dir THƯ_MỤC] LỆNH ...\n"
        "Lỗi cú pháp lệnh: tham số không nhận ra: --bogus\n"
    )


def test_unknown_argument_before_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _exit(capsys, "--bogus", "members", "list")
    assert (code, out) == (2, "")
    assert err == TOP_USAGE + "Lỗi cú pháp lệnh: tham số không nhận ra: --bogus\n"


def test_invalid_choice(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _exit(capsys, "members", "list", "--format", "xml")
    assert (code, out) == (2, "")
    assert err == LIST_USAGE + (
        "Lỗi cú pháp lệnh: tùy chọn --format: lựa chọn không hợp lệ “xml” "
        "(chọn một trong: table, json)\n"
    )


def test_unknown_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _exit(capsys, "memebers")
    assert code == 2
    assert err == TOP_USAGE + (
        "Lỗi cú pháp lệnh: tham số LỆNH: lựa chọn không hợp lệ “memebers” "
        "(chọn một trong: init, demo, members, backup, backups, check, restore, "
        "restore-evidence, plan, activity, participation, calendar, checklist, advice, "
        "coordination, rating, dossier, bundle)\n"
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ("demo", "--members", "ba"),
            "tùy chọn --members: giá trị không hợp lệ “ba” (cần một số nguyên)",
        ),
        (("demo", "--members"), "tùy chọn --members: cần một giá trị"),
        (
            ("members", "add", "--na", "An", "--birth", "2001"),
            "tùy chọn “--na” chưa rõ: có thể là --name, --national-id",
        ),
        (("members",), "thiếu tham số bắt buộc: LỆNH"),
        (("members", "import"), "thiếu tham số bắt buộc: TỆP"),
        (("members", "print"), "thiếu tham số bắt buộc: -o/--output"),
    ],
)
def test_bad_usage_in_vietnamese(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
) -> None:
    code, out, err = _exit(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.startswith("cách dùng: doancoso ")
    assert err.endswith(f"\nLỗi cú pháp lệnh: {message}\n")


def _subparsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """``parser`` and every parser under it."""
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                found += _subparsers(sub)
    return found


ENGLISH_PLACEHOLDER = re.compile(r"\b(?:DATA_DIR|OUTPUT|NAME|SEARCH|BRANCH|STATUS|GENDER|BIRTH|"
                                 r"SHEET|NUMBER|MEMBERS|SEED|SUPERIOR\w*|COMMUNE|PROVINCE|"
                                 r"SECRETARY|NATIONAL_ID|PHONE|ADMISSION_\w+|POSITION|ETHNICITY|"
                                 r"RELIGION|YEAR|PLACE|DATE|PARTICIPATION|SELF|PROPOSED|"
                                 r"DECIDED|REMARK|TRAINING)\b")  # fmt: skip


@pytest.mark.parametrize("group", ["init", "demo", "members", "backup", "backups", "check",
                                   "restore", "restore-evidence", "dossier", "activity",
                                   "participation", "calendar", "checklist", "advice",
                                   "coordination", "bundle", "rating", "plan"])  # fmt: skip
def test_usage_lines_use_vietnamese_placeholders(group: str) -> None:
    """What a value stands for is written in Vietnamese (``--branch TÊN``), never argparse's
    English default taken from the option's name (``--branch BRANCH``, ``--data-dir
    DATA_DIR``)."""
    top = build_parser()
    [command] = [a for a in top._actions if isinstance(a, argparse._SubParsersAction)]
    for parser in _subparsers(command.choices[group]):
        usage = parser.format_usage()
        assert ENGLISH_PLACEHOLDER.search(usage) is None, usage


@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [  # the templates of other Python versions: choices quoted or not, a suggestion (3.14)
        (
            "argument --format: invalid choice: 'xml' (choose from table, json)",
            "tùy chọn --format: lựa chọn không hợp lệ “xml” (chọn một trong: table, json)",
        ),
        (
            "argument --format: invalid choice: 'jsn', maybe you meant 'json'? "
            "(choose from 'table', 'json')",
            "tùy chọn --format: lựa chọn không hợp lệ “jsn” (chọn một trong: table, json)",
        ),
        (
            "argument --self-test: ignored explicit argument 'yes'",
            "tùy chọn --self-test: không nhận giá trị “yes”",
        ),
        ("argument -x: not allowed with argument -y", "tùy chọn -x: không dùng cùng với -y"),
        ("something new", "something new"),
    ],
)
def test_messages_of_other_versions(english: str, vietnamese: str) -> None:
    assert vietnamese_error(english) == vietnamese
