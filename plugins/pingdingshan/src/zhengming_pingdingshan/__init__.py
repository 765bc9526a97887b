"""平顶山 Pingdingshan jurisdiction plugin for zhengming (hooks in :mod:`zhengming_pingdingshan.plugin`).

:mod:`zhengming_pingdingshan.lushan` declares 鲁山县, a county that adopts the city's rules by forwarding them.
"""
