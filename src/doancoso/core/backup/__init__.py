"""Backups, checks and recovery, so that nothing is ever lost (issue #12).

``store.py`` takes, lists, verifies and rotates the backups of a data folder; the workspace's
``ws.backups`` (``service.py``) takes them when the app's actions call for one.
"""
