"""The segmentation lab."""
