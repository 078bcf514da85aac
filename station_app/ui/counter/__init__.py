"""The counter front end: the main window, its pages and dialogs for the station workers."""
