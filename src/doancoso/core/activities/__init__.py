"""Activities, the calendar and attendance (criterion 2 in action)."""
