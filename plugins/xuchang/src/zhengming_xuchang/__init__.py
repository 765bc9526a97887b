"""zhengming jurisdiction plugin for xuchang (rules not yet encoded)."""
