"""Hand-written training data for the utterance labeller (see README.md)."""
