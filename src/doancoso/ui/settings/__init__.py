"""The settings area and the first-start setup."""
