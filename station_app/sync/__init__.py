"""The station's side of the sync with the city server (no Qt): enrolment and credentials."""
