"""The core: storage, rules and services, free of Qt and reportlab (DESIGN.md, Layers).

- ``workspace.Workspace`` is the one way in: the GUI and the CLI open a data folder and call its
  services (``ws.members``, ``ws.events``, ``ws.youth``…), which take and return plain values.
- ``storage/`` owns the database: opening and migrating it, stamping every travelling row and
  collecting what each transaction changed (``storage/tracking.py``) into the workspace's change
  log (``changes.py``), which caches and views follow; nobody announces changes by hand.
- ``lang/`` (Vietnamese text and dates) and ``xlsx/`` (workbooks) are tools with no domain
  knowledge; each domain (``roster/``, ``lifecycle/``, ``youth/``, ``statistics/``, ``demo/``,
  and those to come) owns its rules, its service and its own import and export.
"""
