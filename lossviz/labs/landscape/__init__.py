"""The landscape lab."""
