"""The station core every front end shares: the session doorway, permissions and change events."""
