"""Mutated rules and criteria files (#12): the rating rules and the criteria templates are
readers of outside files. Each mutated file is either accepted whole (and then works: a
template's checklist computes, a rules file's suggestions are given) or refused with the app's
typed error, never another exception, and a refused file changes nothing.

Mutations are of two kinds: bytes (flipped, set to what JSON parsers care about, runs deleted or
duplicated, the file cut short) and values (a value of the JSON tree replaced by one of another
type or a huge number), so that both the syntax and the rules of the format are exercised.
1,000 cases per kind in the normal run (seeded); DOANCOSO_FUZZ_CASES=N runs N per kind.
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

from doancoso.core.errors import AppError
from doancoso.core.rating.rules import default_rules, suggest
from doancoso.core.recognition.template import default_template, read_template_file
from doancoso.core.workspace import Workspace

CASES = max(1000, int(os.environ.get("DOANCOSO_FUZZ_CASES", "1000")))
SEED = int(os.environ.get("DOANCOSO_FUZZ_SEED", "15"))
INTERESTING = b'{}[]",:\\0123456789-+.eE \n\t\x00\xff\xc3tfn'
ODD_VALUES: list[Any] = [
    None, True, False, 0, -1, 10**20, 1e308, float("-inf"), "", "x" * 5000, [], {}, [None],
    {"key": "activities-done"}, "1", "3.1", "chu-nhat-xanh", "\u0301", 95.5,
]  # fmt: skip


def _bytes(data: bytes, rnd: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rnd.randint(1, 3)):
        at = rnd.randrange(max(1, len(out)))
        action = rnd.randrange(5)
        if action == 0 and out:
            out[at] ^= 1 << rnd.randrange(8)
        elif action == 1 and out:
            out[at] = rnd.choice(INTERESTING)
        elif action == 2:
            del out[at : at + rnd.randint(1, 40)]
        elif action == 3:
            out[at:at] = out[at : at + rnd.randint(1, 40)]
        else:
            del out[rnd.randrange(len(out) + 1) :]
    return bytes(out)


def _paths(tree: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(tree, dict):
        for key, value in tree.items():
            found += _paths(value, (*path, key))
    elif isinstance(tree, list):
        for index, value in enumerate(tree):
            found += _paths(value, (*path, index))
    return found


def _values(text: str, rnd: random.Random) -> bytes:
    tree = json.loads(text)
    for _ in range(rnd.randint(1, 2)):
        path = rnd.choice(_paths(tree)[1:])
        parent = tree
        for step in path[:-1]:
            parent = parent[step]
        if rnd.random() < 0.15 and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = rnd.choice(ODD_VALUES)
    return json.dumps(tree, ensure_ascii=False, indent=2).encode("utf-8")


def _cases(original: str, seed: int) -> list[tuple[str, bytes]]:
    rnd = random.Random(seed)
    data = original.encode("utf-8")
    made = [(f"bytes-{i}", _bytes(data, rnd)) for i in range(CASES)]
    return made + [(f"values-{i}", _values(original, rnd)) for i in range(CASES)]


def _run(cases: list[tuple[str, bytes]], attempt: Callable[[bytes], None]) -> tuple[int, int]:
    accepted = refused = 0
    for name, data in cases:
        try:
            attempt(data)
        except AppError as exc:
            assert exc.message, name
            refused += 1
        else:
            accepted += 1
    return accepted, refused


def test_mutated_rating_rules(ws: Workspace) -> None:
    before = ws.rating.rules()

    def attempt(data: bytes) -> None:
        text = data.decode("utf-8", errors="replace")
        try:
            rules = ws.rating.set_rules(text)
        except AppError:
            assert ws.rating.rules() == before  # refused: the rules in force stay
            raise
        for rate in (None, 0.0, 0.5, 0.9, 1.0):  # accepted: it works
            for discipline in (None, "reprimand", "warning"):
                assert suggest(rules, rate, discipline, "xuat-sac").reason
        ws.rating.reset_rules()

    accepted, refused = _run(_cases(default_rules().text, SEED), attempt)
    assert refused > CASES and accepted > 0  # both outcomes were exercised


def test_mutated_criteria_templates(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "tieu-chi.json"
    names = [t.name for t in ws.recognition.templates()]

    def attempt(data: bytes) -> None:
        path.write_bytes(data)
        template = read_template_file(path)  # AppError: nothing was stored
        assert [t.name for t in ws.recognition.templates()] == names
        assert template.items and {c.code for c in template.criteria} == {"1", "2", "3"}

    accepted, refused = _run(_cases(default_template().text, SEED + 1), attempt)
    assert refused > CASES // 2 and accepted > 0


def test_an_accepted_mutant_template_computes_its_checklist(ws: Workspace, tmp_path: Path) -> None:
    rnd = random.Random(SEED + 2)
    path = tmp_path / "tieu-chi.json"
    opened = 0
    for year in range(2000, 2101):
        path.write_bytes(_values(default_template().text, rnd))
        try:
            template = read_template_file(path)
        except AppError:
            continue
        data = json.loads(template.text)
        data["name"] = f"Bộ thử {year}"
        template = read_template_file(_write(path, data))
        ws.recognition.add_template(template)
        ws.recognition.open(year, template.name)
        view = ws.recognition.view(year)
        assert len(view.items) == len(template.items)
        view.missing()
        opened += 1
    assert opened >= 5


def _write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path
