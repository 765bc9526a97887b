"""Helpers rules are written with: shared reason sentences, date arithmetic and list matching."""
