"""The classification lab."""
