"""The Qt desktop interface: a thin client of :class:`doancoso.core.workspace.Workspace`."""
