"""The command line: the same core as the GUI, headless."""
