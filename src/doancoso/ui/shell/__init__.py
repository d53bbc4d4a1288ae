"""The shell of the desktop app: application, main window, tasks, signals, prompts, state, undo."""
