"""The distributions lab."""
