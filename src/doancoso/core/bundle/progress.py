"""One progress bar over the phases of a long bundle operation (issue #17).

``report(done, total)`` is the GUI's (it raises ``TaskCancelled`` after "Hủy"): a
:class:`Stages` hands each phase a report of its own (any ``total``) mapped onto its share of
one bar of :data:`SCALE` steps, so that the bar moves from the opening of the bundle to the
last step before the commit, and "Hủy" works all along. The class lives in
:mod:`doancoso.core.progress`, shared with the other long jobs (the spreadsheet imports).
"""

from __future__ import annotations

from ..progress import SCALE, Report, Stages

__all__ = ["SCALE", "Report", "Stages"]
