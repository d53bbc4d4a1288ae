"""The local youth register and its export."""
