"""The yearly work plan ("Kế hoạch"): its texts, its targets and their progress, its
registration with the superior body, the printed plan (KH) and report of results (BC)."""
