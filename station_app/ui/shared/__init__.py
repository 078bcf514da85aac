"""Widgets, the task runner, the change relay and the texts every Qt front end shares."""
