"""The core: storage, rules and services, free of Qt and reportlab (DESIGN.md, Layers)."""
