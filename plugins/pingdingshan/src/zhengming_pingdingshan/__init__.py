"""zhengming jurisdiction plugin for pingdingshan (rules not yet encoded)."""
