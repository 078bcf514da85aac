"""Alembic migrations of the station database, shipped inside the package."""

# The newest revision in versions/ (a test checks it against Alembic's own reading), so that
# opening an up-to-date database needs no Alembic at all.
HEAD_REVISION = "0011"
