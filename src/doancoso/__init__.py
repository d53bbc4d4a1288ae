"""doancoso: the desktop app of a grassroots Youth Union secretary (Đoàn cơ sở 3 chủ động)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("doancoso")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+source"
