"""Demo station databases: realistic, clearly marked and repeatable data for trying the app."""

from station_app.demo.dates import REFERENCE_DATE
from station_app.demo.generator import (
    ALWAYS_PRESENT_NAME,
    DEFAULT_SEED,
    DEMO_DISPLAY_NAME,
    DEMO_PASSWORD,
    SCALE,
    STANDARD,
    DemoSize,
    generate_demo_database,
    referral_serials,
)
from station_app.demo.places import DEMO_MARK
from station_app.demo.rows import DEMO_USERNAME

__all__ = [
    "ALWAYS_PRESENT_NAME",
    "DEFAULT_SEED",
    "DEMO_DISPLAY_NAME",
    "DEMO_MARK",
    "DEMO_PASSWORD",
    "DEMO_USERNAME",
    "REFERENCE_DATE",
    "SCALE",
    "STANDARD",
    "DemoSize",
    "generate_demo_database",
    "referral_serials",
]
