"""The regression lab."""
