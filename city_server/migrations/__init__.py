"""Alembic migrations of the city server's database, shipped inside the package."""
