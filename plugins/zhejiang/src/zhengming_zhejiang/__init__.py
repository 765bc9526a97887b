"""浙江 Zhejiang jurisdiction plugins for zhengming: the province and the cities and counties its sources name.

One module per jurisdiction id (the entry point's name): :mod:`.province` (``zhejiang``),
:mod:`.hangzhou`, :mod:`.ningbo` and :mod:`.ningbo_jiangbei`, and so on. Shared rules are plain
functions in :mod:`.clarification`, :mod:`.false_accusation` and :mod:`.local`.
"""
