"""济南 Jinan jurisdiction plugin for zhengming (the hooks live in :mod:`zhengming_jinan.plugin`)."""
