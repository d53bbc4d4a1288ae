"""The yearly work plan: its targets, their progress, its registration with the superior body."""
