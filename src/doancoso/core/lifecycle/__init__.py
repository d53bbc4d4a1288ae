"""A member's standing over time: the events and the rules that replay them."""
