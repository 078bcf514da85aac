"""Follow-ups at the counter: the dialog that records a contact with a resident."""

from station_app.ui.counter.follow_ups.contact_dialog import ContactDialog

__all__ = ["ContactDialog"]
