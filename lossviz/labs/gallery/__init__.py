"""The gallery lab."""
