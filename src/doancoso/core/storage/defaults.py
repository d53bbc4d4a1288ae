"""Column defaults a domain also names, in a module without SQLAlchemy: the domains' rules
take them from here, and the command line's parser, which loads those rules, stays free of the
database's libraries (``tests/cli/test_cli_startup.py``)."""

from __future__ import annotations

COMING_OF_AGE = 30
"""The age at which members come of age (trưởng thành Đoàn) an organisation starts with: its
column's default (``models.roster.Organization.coming_of_age``). The roster's rules take it from
here (``roster.rules.COMING_OF_AGE``), since storage knows no domain (DESIGN.md, Layers)."""
