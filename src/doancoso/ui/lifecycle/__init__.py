"""Members' events: the event dialog, timeline, coming of age, temporary stays, Party."""
