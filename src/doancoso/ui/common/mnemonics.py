"""Alt letters chosen from a text, for labels and buttons built from words not known when the
code was written (a dossier's documents) or that callers pass in (a question's answers).

Only a letter a key types can be one: "Đ", "ồ", "ả" are none (Qt would wait for Alt+Đ, a key a
Vietnamese user's keyboard does not have), so "Đồng ý" takes N ("Đồ&ng ý") as the app's own
buttons do, and a "Đ" never clashes with a "D" since it is never a letter.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def letter_places(name: str) -> list[int]:
    """Where in ``name`` an Alt letter may go, in order of preference: the start of a word, then
    any other letter (a letter a key types: "Đ", "ả" are none)."""
    starts = [i for i, c in enumerate(name) if i == 0 or name[i - 1] == " "]
    places = starts + [i for i in range(len(name)) if i not in starts]
    return [i for i in places if name[i].isascii() and name[i].isalpha()]


def lettered_names(names: Mapping[str, str], taken: str) -> dict[str, str]:
    """Each of ``names`` (key → name) as a label with an Alt letter of its own, none of
    ``taken``: the names with the fewest letters to choose from served first, each its first
    place free (:func:`letter_places`); a name left without a free letter has none."""
    used = set(taken.upper())
    places = {key: letter_places(name) for key, name in names.items()}
    lettered: dict[str, str] = {}
    for key in sorted(names, key=lambda k: len({names[k][i].upper() for i in places[k]})):
        name = names[key]
        free = [i for i in places[key] if name[i].upper() not in used]
        if free:
            used.add(name[free[0]].upper())
        lettered[key] = f"{name[: free[0]]}&{name[free[0] :]}" if free else name
    return {key: lettered[key] for key in names}


def given_letter(text: str) -> str:
    """The Alt letter ``text`` was given ("&" before it; "&&" is a plain "&"), upper case, or
    ""."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].upper() if 0 <= at < len(plain) - 1 else ""


def lettered_texts(texts: Sequence[str]) -> list[str]:
    """``texts`` (the buttons of one window) each with an Alt letter of its own: those given one
    by their caller ("&Lưu") keep it, the others take a free one (:func:`lettered_names`)."""
    given = [given_letter(text) for text in texts]
    unlettered = {str(i): text for i, text in enumerate(texts) if not given[i]}
    chosen = lettered_names(unlettered, "".join(given))
    return [chosen.get(str(i), text) for i, text in enumerate(texts)]
