"""The workbench lab."""
