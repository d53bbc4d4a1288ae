"""doancoso: the desktop app of a grassroots Youth Union secretary (Đoàn cơ sở 3 chủ động)."""

# The one place the version is written: pyproject.toml reads it from here. A constant, not
# importlib.metadata, which costs about 70 ms at every start.
__version__ = "0.1.0"
