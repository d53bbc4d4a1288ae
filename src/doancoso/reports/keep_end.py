"""A document's end kept with its closing, so that the signature never stands alone on a page.

The closing (a total line, "Nơi nhận:" and the signature block) is one KeepTogether: when it
does not fit under the body's last table or paragraph, reportlab moves it whole to the next
page, where it stands alone, and an officer reading that page cannot tell what was signed.
:class:`KeepEnd` holds the body's last flowable and the closing: when both do not fit, the last
flowable is split so that its end (the table's last rows, the paragraph's last lines, a short
table kept with its heading) goes over to the next page with the closing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable, FrameBreak, KeepTogether, Spacer
from reportlab.platypus.doctemplate import NullActionFlowable

_FORCE_SPLIT = 0xFFFFFF  # reportlab's KeepTogether asks to be split the same way


class KeepEnd(Flowable):
    """``body``, ``between`` (spacers) and ``end`` (the closing), ``end`` never on a page
    without some of ``body``."""

    def __init__(self, body: Flowable, end: Flowable, between: Sequence[Flowable] = ()) -> None:
        super().__init__()
        self.body, self.end, self.between = body, end, tuple(between)

    @classmethod
    def of(cls, body: Sequence[Flowable], end: Flowable) -> list[Flowable]:
        """``body`` then ``end``: its last flowable but spacers, with the headings kept with it
        (keepWithNext), held with ``end``.

        The headings go inside: left outside, reportlab would put them and this flowable in a
        KeepTogether, which measures it as tall as its wrap says (it only asks to be split) and
        so always moves it to a new page."""
        last = len(body) - 1
        while last >= 0 and isinstance(body[last], Spacer):
            last -= 1
        if last < 0:
            return [*body, end]
        first = last
        while first > 0 and body[first - 1].getKeepWithNext():
            first -= 1
        kept = body[last]
        if first < last:  # as reportlab's own keepWithNext does it
            for heading in body[first:last]:
                heading.__dict__["keepWithNext"] = 0
            kept = KeepTogether(list(body[first : last + 1]))
        return [*body[:first], cls(kept, end, body[last + 1 :])]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return availWidth, _FORCE_SPLIT  # the frame then asks split() how to place both

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        # What is returned starts with an action, so that the document lays each piece out
        # anew (a KeepTogether first would otherwise be taken as a piece that must fit).
        return [NullActionFlowable(), *self._pieces(availWidth, availHeight)]

    def _pieces(self, width: float, avail: float) -> list[Flowable]:
        canv: Any = self.canv
        frame = getattr(self, "_frame", None)
        at_top = bool(getattr(frame, "_atTop", False))
        height = _height(self.body, canv, width, avail, spaced=False)
        needed = height  # with the space around it (one wrap: a long table's is costly)
        if not isinstance(self.body, KeepTogether):
            needed += self.body.getSpaceBefore() + self.body.getSpaceAfter()
        tail = [*self.between, self.end]
        if needed + sum(_height(f, canv, width, avail) for f in tail) <= avail:
            return [self.body, *tail]
        if isinstance(self.body, KeepTogether) and height <= avail:
            # A block kept together (a heading and its table) that fits alone goes whole to
            # the next page with the end; at the top of a page already, piece by piece.
            if not at_top:
                return [FrameBreak(), self]
            parts = list(self.body._content)  # type: ignore[attr-defined]
        else:
            parts = self._split_body(width, avail if height > avail else height - 1)
        kept = KeepEnd.of([*parts, *self.between], self.end) if len(parts) > 1 else []
        if not kept or isinstance(kept[0], KeepEnd):
            # Nothing to hold back: all of it to the next page, or, at the top of a page
            # already, as it comes (the end is then too tall to share any page with it).
            return [self.body, *tail] if at_top else [FrameBreak(), self]
        return kept

    def _split_body(self, width: float, limit: float) -> list[Flowable]:
        """The body split in ``limit``: just short of its height when it fits alone, which
        holds back its last piece (a paragraph's last line; a table's last rows, two at least,
        as its split keeps them together: :data:`~.tables.KEPT_ROWS`) to go over with the
        end."""
        self.body._frame = getattr(self, "_frame", None)  # type: ignore[attr-defined]
        try:
            return self.body.splitOn(self.canv, width, limit)
        finally:
            if hasattr(self.body, "_frame"):
                del self.body._frame


def _height(flowable: Flowable, canv: Any, width: float, avail: float, spaced: bool = True,
            ) -> float:  # fmt: skip
    """The height ``flowable`` takes in ``avail`` (with the space around it when ``spaced``);
    a KeepTogether's is that of its content (its own wrap only asks to be split)."""
    if isinstance(flowable, KeepTogether):
        content: list[Flowable] = flowable._content  # type: ignore[attr-defined]
        return sum(_height(f, canv, width, avail) for f in content)
    _, height = flowable.wrapOn(canv, width, avail)
    if not spaced:
        return float(height)
    return float(height + flowable.getSpaceBefore() + flowable.getSpaceAfter())
