"""The argument parser of every command: argparse with Vietnamese messages and exit code 2 for
bad usage."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from .common import EXIT_USAGE

_ARGPARSE_VI = {
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "tham số không nhận ra: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "lựa chọn không hợp lệ: %(value)r (chọn một trong %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ: %(value)r",
    "expected one argument": "cần một giá trị",
    "usage: ": "cách dùng: ",
    "show this help message and exit": "hiện trợ giúp này rồi thoát",
    "positional arguments": "tham số",
    "options": "tùy chọn",
}


def _translate(message: str) -> str:
    return _ARGPARSE_VI.get(message, message)


argparse._ = _translate  # type: ignore[attr-defined]  # Vietnamese messages for argparse itself


class Parser(argparse.ArgumentParser):
    """argparse with Vietnamese errors and exit code 2 for bad usage."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"Lỗi cú pháp lệnh: {message}\n")
