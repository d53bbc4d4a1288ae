"""Pages of the desktop interface."""
