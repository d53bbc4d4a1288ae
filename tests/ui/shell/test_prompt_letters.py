"""Every question the app asks answers by its Alt letters: each button of the real question box
has a letter of its own, chosen from its text when the caller gave none ("Đồ&ng ý", "&Không"),
and Alt+letter answers with that button.

The questions are found in the code (every ``prompts.confirm`` and ``prompts.ask`` under
``doancoso/ui``, their answers read from the call), so that a question added later is checked
too; an answer the walk cannot read fails the test, naming the call."""

from __future__ import annotations

import ast
import contextlib
import importlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

import doancoso.ui
from doancoso.ui.common.mnemonics import lettered_texts
from doancoso.ui.shell.prompts import Prompts
from mnemonics import mnemonic, press_alt

UI = Path(doancoso.ui.__file__).parent
DEFAULT_CONFIRM = ("Đồng ý", "Không")
FILLED = "12"
"""What an f-string's field stands for when the answer is read from the code."""
LEFT_OPEN = "(the letter left the box open)"


class Unread(Exception):
    """An answer the walk cannot read from the code."""


def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _value(node: ast.expr, call: ast.Call, parents: dict[ast.AST, ast.AST], module: str) -> object:
    """The value of ``node`` written at ``call``: a string, an f-string (its fields
    :data:`FILLED`), a list or tuple of them, or a name assigned so in the enclosing function or
    at the module's level."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(str(_value(v, call, parents, module)) if isinstance(v, ast.Constant)
                       else FILLED for v in node.values)  # fmt: skip
    if isinstance(node, ast.List | ast.Tuple):
        return [_value(element, call, parents, module) for element in node.elts]
    if isinstance(node, ast.Name):
        scope: ast.AST | None = call
        while scope is not None and not isinstance(scope, ast.FunctionDef):
            scope = parents.get(scope)
        for statement in ast.walk(scope) if scope is not None else ():
            if (isinstance(statement, ast.Assign)
                    and any(isinstance(t, ast.Name) and t.id == node.id
                            for t in statement.targets)):  # fmt: skip
                return _value(statement.value, call, parents, module)
        found = getattr(importlib.import_module(module), node.id, None)
        if found is not None:
            return list(found) if isinstance(found, tuple | list) else found
    raise Unread(ast.unparse(node))


def app_questions() -> Iterator[tuple[str, str, list[str]]]:
    """(where, "confirm" or "ask", the answers) of every question asked under ``doancoso/ui``."""
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = _parents(tree)
        module = "doancoso.ui." + ".".join(path.relative_to(UI).with_suffix("").parts)
        for call in ast.walk(tree):
            if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                    and call.func.attr in ("confirm", "ask")
                    and ast.unparse(call.func.value).endswith("prompts")):  # fmt: skip
                continue
            where = f"{path.relative_to(UI)}:{call.lineno}"
            keywords = {k.arg: k.value for k in call.keywords}
            try:
                if call.func.attr == "confirm":
                    answers = [
                        str(_value(keywords[k], call, parents, module)) if k in keywords else d
                        for k, d in zip(("yes", "no"), DEFAULT_CONFIRM, strict=True)
                    ]
                else:
                    node = keywords.get("answers") or call.args[3]
                    value = _value(node, call, parents, module)
                    assert isinstance(value, list), where
                    answers = [str(a) for a in value]
            except Unread as exc:
                raise AssertionError(f"{where}: the answers {exc} cannot be read") from exc
            yield where, call.func.attr, answers


QUESTIONS = list(app_questions())


def test_the_walk_finds_the_app_s_questions() -> None:
    """The walk reads what it should: the default answers, a caller's, an ask's list."""
    found = {(where.split(":")[0], kind, tuple(answers)) for where, kind, answers in QUESTIONS}
    assert ("roster/page.py", "confirm", DEFAULT_CONFIRM) in found
    assert ("shell/app.py", "confirm", ("Khôi phục", "Thiết lập mới")) in found
    assert ("shell/main_window.py", "ask", ("Lưu và đóng", "Đóng, không lưu", "Ở lại")) in found
    assert ("rating/bulk.py", "confirm", ("Lấy cho 12 đoàn viên", "Quay lại")) in found
    assert len(QUESTIONS) >= 50


def test_letters_are_chosen_from_the_text() -> None:
    """The first free letter a key types, a word's first preferred: "Đ" and "Ở" are none, a
    caller's own letter is kept and taken from the others."""
    assert lettered_texts(["Đồng ý", "Không"]) == ["Đồ&ng ý", "&Không"]
    assert lettered_texts(["Bỏ thay đổi", "Ở lại"]) == ["&Bỏ thay đổi", "Ở &lại"]
    assert lettered_texts(["Đóng", "Dời lại"]) == ["Đó&ng", "&Dời lại"]  # "Đ" takes no D
    assert lettered_texts(["&Lưu", "Lấy về"]) == ["&Lưu", "Lấy &về"]
    assert lettered_texts(["Sửa", "Để sau"]) == ["&Sửa", "Để s&au"]


def _answer_by_letter(qtbot: QtBot, index: int, seen: list[list[str]]) -> None:
    """Once the question box is shown and active: its buttons' texts into ``seen``, then
    Alt+the letter of button ``index``. A box the letter left open is closed (Esc's answer)
    rather than left waiting, and :data:`LEFT_OPEN` added to ``seen``."""

    def answer(tries: int = 200) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isActiveWindow():
            assert tries, "no question box shown"
            QTimer.singleShot(10, lambda: answer(tries - 1))
            return
        texts = [b.text() for b in box.buttons()]
        seen.append(texts)
        letter = mnemonic(texts[index])
        if letter:
            press_alt(qtbot, getattr(Qt.Key, f"Key_{letter[-1]}"))  # "Alt+N"
            with contextlib.suppress(qtbot.TimeoutError):  # the button's click is animated
                qtbot.waitUntil(lambda: not box.isVisible(), timeout=2000)
        if box.isVisible():
            seen.append([LEFT_OPEN])
            box.reject()

    QTimer.singleShot(0, answer)


def _ask(kind: str, answers: list[str]) -> Callable[[], int]:
    prompts = Prompts()
    if kind == "confirm":
        return lambda: int(not prompts.confirm(None, "Câu hỏi", "?", yes=answers[0],
                                               no=answers[1]))  # fmt: skip
    return lambda: prompts.ask(None, "Câu hỏi", "?", answers)


@pytest.mark.qt_log_ignore("propagateSizeHints")  # real message boxes on the offscreen platform
@pytest.mark.parametrize(("where", "kind", "answers"), QUESTIONS, ids=[q[0] for q in QUESTIONS])
def test_every_question_answers_by_its_letters(
    qtbot: QtBot, where: str, kind: str, answers: list[str]
) -> None:
    ask = _ask(kind, answers)
    for index in range(len(answers)):
        seen: list[list[str]] = []
        _answer_by_letter(qtbot, index, seen)
        answered = ask()
        (texts,) = seen
        assert [t.replace("&", "") for t in texts] == answers  # the words as the caller wrote
        letters = [mnemonic(t) for t in texts]
        assert all(letters) and len(set(letters)) == len(letters), (where, texts)
        assert answered == index, (where, texts)


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_form_warning_answers_by_its_letters(qtbot: QtBot) -> None:
    seen: list[list[str]] = []
    _answer_by_letter(qtbot, 0, seen)
    assert Prompts().save_anyway(None, ["Tuổi 45 lớn hơn tuổi đoàn viên."])
    assert seen == [["&Vẫn lưu", "&Quay lại"]]


@pytest.mark.qt_log_ignore("propagateSizeHints")
@pytest.mark.parametrize("kind", ["error", "information"])
def test_a_message_closes_by_its_letter(qtbot: QtBot, kind: str) -> None:
    """ "Đón&g", as the app's other "Đóng" buttons: Alt+G closes it."""
    seen: list[list[str]] = []
    _answer_by_letter(qtbot, 0, seen)
    show = Prompts().error if kind == "error" else Prompts().information
    show(None, "Không lưu được", "Ổ đĩa đầy.")
    assert seen == [["Đón&g"]]
