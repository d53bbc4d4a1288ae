"""Statistics of the roster and the youth register, and their export."""
