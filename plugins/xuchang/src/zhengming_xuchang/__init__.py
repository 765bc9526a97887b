"""许昌 Xuchang jurisdiction plugin for zhengming (the hooks live in :mod:`zhengming_xuchang.plugin`)."""
