"""zhengming jurisdiction plugin for zhejiang (rules not yet encoded)."""
