"""Measured performance of the station app on the benchmark-size database."""
