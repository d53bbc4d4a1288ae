"""Ordered ids with their rows fetched lazily: the storage behind the big table models.

A model holds only the ids the core returned, in order; rows are read ``block`` at a time when
the view paints them and kept in a small LRU cache, so a table of 100,000 members never asks
the core for more than a screenful at once.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Generic, Protocol, TypeVar


class HasId(Protocol):
    @property
    def id(self) -> str: ...


Row = TypeVar("Row", bound=HasId)


class LazyRows(Generic[Row]):
    """``ids`` in display order; :meth:`row` fetches through ``fetch(ids) -> rows`` in blocks."""

    def __init__(
        self, fetch: Callable[[Sequence[str]], list[Row]], block: int = 200, max_blocks: int = 40
    ) -> None:
        self.ids: list[str] = []
        self._fetch = fetch
        self._block = block
        self._max_blocks = max_blocks
        self._blocks: OrderedDict[int, dict[str, Row]] = OrderedDict()

    def reset(self, ids: list[str]) -> None:
        """New ids (a new query); every cached row is dropped."""
        self.ids = ids
        self._blocks.clear()

    def forget_rows(self) -> None:
        """Keep the ids, read the rows again when next shown (their content changed)."""
        self._blocks.clear()

    def row(self, position: int) -> Row | None:
        """The row at ``position`` (None if the record vanished since the ids were read)."""
        index = position // self._block
        rows = self._blocks.get(index)
        if rows is None:
            chunk = self.ids[index * self._block : (index + 1) * self._block]
            rows = {r.id: r for r in self._fetch(chunk)}
            self._blocks[index] = rows
            if len(self._blocks) > self._max_blocks:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(index)
        return rows.get(self.ids[position])

    def position_of(self, record_id: str) -> int | None:
        try:
            return self.ids.index(record_id)
        except ValueError:
            return None
