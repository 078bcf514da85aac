"""Printing in the Qt front ends: the preview, the printer and batches of documents."""
