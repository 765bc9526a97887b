"""The national texts the core's defaults encode, cited as ``core default`` per the contract."""

from zhengming.model import Citation

CORE_DEFAULT = "core default"
CCDI_2020 = "中央纪委国家监委《关于做好失实检举控告澄清工作的意见》（2020）"


def cite(article: str) -> tuple[Citation, ...]:
    return (Citation(document=CORE_DEFAULT, article=article),)


TRIGGER = cite(f"{CCDI_2020}：适用情形（失实检举控告对当事人工作、生活或在社会上造成不良影响的，应当予以澄清）")
PRINCIPLES = cite(f"{CCDI_2020}：主要原则（分级负责、谁核实谁澄清，认真履行审批手续）")
METHODS = cite(f"{CCDI_2020}：主要方式（书面、当面、会议、通报；使用当面、会议、通报的，同时使用书面澄清）")
NO_DEADLINE = cite(f"{CCDI_2020}：未规定决定是否澄清的期限")
NO_FAST_TRACK = cite(f"{CCDI_2020}：未规定快查快办通道")
NO_REVISIT = cite(f"{CCDI_2020}：未规定澄清后回访")
FALSE_ACCUSATION = cite(
    "《中国共产党纪律处分条例》《纪检监察机关处理检举控告工作规则》：诬告陷害须故意捏造事实并造成不良影响，区别于错告、检举失实"
)
TRACE_REPORTER = cite("《纪检监察机关处理检举控告工作规则》：举报人信息严格保密，仅县级以上纪检监察机关经批准方可追查")
FAULT_TOLERANCE = cite(
    "中办《关于进一步激励广大干部新时代新担当新作为的意见》（2018）：三个区分开来（无本地清单时个案研判）"
)
ACCOUNTABILITY = cite("《中国共产党问责条例》（2019）：问责应当依规依纪、实事求是（无本地提醒式问责规则时个案研判）")
NO_DISCIPLINED_REVISIT = cite(f"{CCDI_2020}：未规定受处分干部回访教育")
REMEDIED = cite(
    "《中国共产党问责条例》（2019）：及时采取补救措施，有效挽回损失或者消除不良影响的，可以从轻或者减轻问责"
)
