"""The statistics area: page and charts."""
