"""Demo users and cases for the console: two counties of 浙江 (龙游县 and 缙云县), named officers with a
known password, and 龙游's cases in every state the lifecycle demo reaches (clarification, accountability,
revisit education, false accusation, fault tolerance).

``seed(service)`` is what ``zhengming serve --demo`` and the browser tests call; it registers the users
through the same user administration as ``zhengming users add`` (audited) and works the cases through
:class:`~zhengming.lifecycle.CaseService`.
"""

from __future__ import annotations

import attrs

from ...labels import label
from ...lifecycle.demo import Demo
from ...lifecycle.service import CaseService
from ...lifecycle.users import add_user, change_user
from ...model import Level, Organ, Role
from ...security.passwords import hash_password

DEMO_PASSWORD = "zhengming-demo"
LONGYOU = "zhejiang.quzhou.longyou"
JINYUN = "zhejiang.lishui.jinyun"
ACTOR = "console-demo"


@attrs.frozen
class DemoUser:
    name: str
    jurisdiction: str
    organ: str
    level: str
    roles: tuple[str, ...]
    grants: tuple[str, ...] = ()

    def describe(self) -> str:
        roles = "、".join(label(Role(r)).zh for r in self.roles)
        return f"{label(Level(self.level)).zh}{label(Organ(self.organ)).zh} · {roles}"


COMMISSION, COUNTY = Organ.DISCIPLINE_COMMISSION.value, Level.COUNTY.value
# The officers people log in as: one seat each in 龙游县纪委监委, and one officer of 缙云县.
OFFICERS = (
    DemoUser("赵受理", LONGYOU, COMMISSION, COUNTY, ("petition_department",)),
    DemoUser("李承办", LONGYOU, COMMISSION, COUNTY, ("handling_department",)),
    DemoUser("王书记", LONGYOU, COMMISSION, COUNTY, ("commission_head",), ("custodian",)),
    DemoUser("周承办", JINYUN, COMMISSION, COUNTY, ("handling_department",)),
)


def add_officers(service: CaseService, password: str = DEMO_PASSWORD, officers=OFFICERS) -> list[DemoUser]:
    """Register ``officers`` with ``password`` (argon2id)."""
    for officer in officers:
        add_user(
            service.store,
            officer.name,
            officer.organ,
            officer.level,
            list(officer.roles),
            actor=ACTOR,
            jurisdiction=officer.jurisdiction,
            grants=list(officer.grants),
        )
        change_user(service.store, officer.name, actor=ACTOR, password_hash=hash_password(password))
    return list(officers)


class CountyDemo(Demo):
    """The lifecycle demo for one county, its users seated in that county; the seats the officers hold
    are taken by them, any other seat a step needs gets a user of its own (same password)."""

    def __init__(self, service: CaseService, jurisdiction: str, password: str):
        super().__init__(service)
        self.county = jurisdiction
        self.password = password
        self.extra: list[DemoUser] = []
        for officer in OFFICERS:
            if officer.jurisdiction == jurisdiction:
                for role in officer.roles:
                    self._users[(officer.organ, officer.level, role, 0)] = officer.name

    def user_for(self, organ, level, role, second=0):
        organ = organ or COMMISSION
        level = level or COUNTY
        key = (organ, level, role, second)
        if key not in self._users:
            name = f"龙游·{label(Level(level)).zh}{label(Organ(organ)).zh}·{label(Role(role)).zh}"
            name += f"（{second + 1}）" if second else ""
            user = DemoUser(name, self.county, organ, level, (role,))
            add_officers(self.service, self.password, (user,))
            self.extra.append(user)
            self._users[key] = name
        return self._users[key]


def seed(service: CaseService, password: str = DEMO_PASSWORD, *, cases: bool = True) -> list[DemoUser]:
    """Register the demo officers and, with ``cases``, work 龙游's demo cases; returns every user made."""
    users = add_officers(service, password)
    if not cases:
        return users
    demo = CountyDemo(service, LONGYOU, password)
    demo.jurisdiction(LONGYOU)
    return users + demo.extra
