"""The guide lab."""
