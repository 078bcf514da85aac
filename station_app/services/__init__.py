"""Use cases of the station: each opens and owns its transaction; no Qt here."""
