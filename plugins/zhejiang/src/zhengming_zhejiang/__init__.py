"""浙江 Zhejiang jurisdiction plugins for zhengming: the province and the cities and counties its sources name.

:mod:`.province` is the ``zhejiang`` plugin (a module of hooks); the cities and counties are declared as
data in :mod:`.tree` (metadata plus the hooks their own source sets). The rules are plain functions in
:mod:`.clarification`, :mod:`.false_accusation` and :mod:`.local`.
"""
