"""The policy text this plugin encodes; it cites itself: ``article("第四条（一）")``."""

from datetime import date

from zhengming import SourceDocument

DOCUMENT = SourceDocument(
    title="关于建立干部澄清保护机制的实施办法（试行）",
    issuer="中共济南市委办公厅",
    in_force_from=date(2019, 12, 13),  # 第十六条: 自印发之日起施行 (印发 2019-12-13)
)
article = DOCUMENT.cite
