"""The lengths check belongs to storage, which knows no domain (DESIGN.md, Layers): it reads the
limits from the models and from its own tables, and the domains that also know which columns
hold codes or derived keys (the bundle's validation and walk) agree with it."""

from __future__ import annotations

import json
import subprocess
import sys

from doancoso.core.bundle.validate import CHOICES
from doancoso.core.bundle.walk import DERIVED
from doancoso.core.roster import rules as roster_rules
from doancoso.core.roster.validation import LONGEST_FULL_NAME
from doancoso.core.roster.vocab import GENDERS, STATUSES
from doancoso.core.storage import lengths
from doancoso.core.workspace import Workspace

_PROBE = """
import json, sys
import doancoso.core.storage.models
before = set(sys.modules)
from doancoso.core.storage.lengths import text_limits, carried_limits, too_long

text_limits("members"), carried_limits("activities"), too_long("youths", {"address": "x" * 301})
print(json.dumps(sorted(n for n in set(sys.modules) - before if n.startswith("doancoso."))))
"""
_MODELS_PROBE = """
import json, sys
import doancoso.core.storage.models
print(json.dumps(sorted(n for n in sys.modules if n.startswith("doancoso.core."))))
"""
STORAGE = ("doancoso.core.storage", "doancoso.core.lang", "doancoso.core.errors")


def _outside_storage(loaded: list[str]) -> list[str]:
    """The modules of ``loaded`` that are neither storage nor what storage uses."""
    return [n for n in loaded if not any(n == p or n.startswith(f"{p}.") for p in STORAGE)]


def _loaded(probe: str) -> list[str]:
    """The modules of the app that ``probe`` printed as loaded, run in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    return list(json.loads(done.stdout))


def test_the_limits_and_their_check_load_no_domain() -> None:
    loaded = _loaded(_PROBE)
    assert "doancoso.core.storage.lengths" in loaded
    assert _outside_storage(loaded) == []


def test_the_models_load_no_domain() -> None:
    """The models hold their columns' defaults themselves (a new organisation's coming of age:
    30), which the domains take from them, not the reverse."""
    loaded = _loaded(_MODELS_PROBE)
    assert "doancoso.core.storage.models.roster" in loaded
    assert _outside_storage(loaded) == []
    assert roster_rules.COMING_OF_AGE == 30


def test_the_codes_and_derived_columns_are_those_the_bundle_knows() -> None:
    assert {(table, name) for table, names in CHOICES.items() for name in names} == set(
        lengths.CODES
    )
    assert CHOICES["members"]["gender"] is CHOICES["youths"]["gender"] is GENDERS
    assert list(CHOICES["members"]) == ["status", "gender", "book_status", "birth_precision"]
    assert CHOICES["members"]["status"] is STATUSES
    assert {(table, name) for table, names in DERIVED.items() for name in names} == lengths.DERIVED
    assert lengths.LONGEST_FULL_NAME == LONGEST_FULL_NAME == 100


def test_a_refusal_names_the_field_as_the_forms_do(ws: Workspace) -> None:
    assert lengths.too_long("youths", {"address": "x" * 301}) == {
        "address": "Địa chỉ dài 301 ký tự, quá 300 ký tự cho phép."
    }
