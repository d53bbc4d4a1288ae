"""The app's resources (fonts and their licence), installed as the package ``doancoso.resources``.

They live at the top of the repository, outside ``src/``; ``pyproject.toml`` maps the package to
this folder (``package-dir``) and ``setup.py`` lists it, so one lookup,
:func:`doancoso.paths.resources_dir`, finds them from a checkout (editable install), a wheel and
the frozen bundle. A new folder of resources needs its glob in ``[tool.setuptools.package-data]``.
"""
