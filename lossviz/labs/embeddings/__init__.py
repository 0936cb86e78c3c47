"""The embeddings lab."""
