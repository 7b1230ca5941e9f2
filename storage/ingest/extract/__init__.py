"""Meaning layer: one news Item in, one EventCandidate (or None) out. Pure functions."""
