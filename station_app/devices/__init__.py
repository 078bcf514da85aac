"""Devices at the counter and the kiosk (the ID-card reader); no Qt here."""
