"""The intake form, generated from the case JSON Schema (``schemas/case.schema.json``).

Every input is named by the JSON pointer of the field it fills (``/subject/name``), so the problems the
validator reports (pointer + message, exactly what ``zhengming case open`` prints) land beside their
field. Labels are Chinese (English on request) with the schema's policy term as help; choices carry the
names of the contract's codes. The reporter's identity has its own sealed section (``/reporter/...``).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ...errors import Problem
from ...labels import _BY_MEMBER
from ...model import Text
from ...validation.schemas import CASE_SCHEMA, load_schema

KINDS = ("clarification", "false_accusation", "fault_tolerance", "accountability", "disciplined_revisit")
ALLEGATION_ROWS = 3
SKIPPED = frozenset({"kind", "local"})

# Field names (by the last key of the pointer, or the whole pointer without indexes where it differs).
LABELS: dict[str, Text] = {
    "jurisdiction": Text("管辖地区", "jurisdiction"),
    "as_of": Text("适用规则日期", "rules as of"),
    "case_id": Text("案件编号", "case id"),
    "subject": Text("对象", "subject"),
    "subject/kind": Text("对象类别", "kind"),
    "subject/name": Text("姓名或名称", "name"),
    "subject/management_level": Text("干部管理权限", "management level"),
    "subject/is_unit_principal": Text("部门管理正职领导干部", "head of a department"),
    "subject/position": Text("职务类别", "position"),
    "report": Text("检举控告", "report"),
    "report/received_on": Text("收到日期", "received on"),
    "report/real_name": Text("实名举报", "real-name report"),
    "report/channel": Text("举报渠道", "channel"),
    "handling": Text("承办机关", "handling organ"),
    "handling/organ": Text("机关", "organ"),
    "handling/level": Text("层级", "level"),
    "handling/verification_concluded_on": Text("核查了结日期", "verification concluded on"),
    "handling/closed_by_letter_inquiry": Text("函询了结", "closed by written inquiry"),
    "handling/review_found_wrongful_treatment": Text("复审复核认定受不公正对待", "wrongful treatment found on review"),
    "allegations": Text("反映的问题", "allegations"),
    "allegations/id": Text("编号", "id"),
    "allegations/summary": Text("问题摘要", "summary"),
    "allegations/finding": Text("核查结论", "finding"),
    "allegations/disposition_form": Text("四种形态", "disposition form"),
    "allegations/main": Text("主要问题", "principal issue"),
    "allegations/minor": Text("一般问题", "minor matter"),
    "impact": Text("影响", "impact"),
    "impact/on_selection": Text("影响选拔任用", "affects selection"),
    "impact/on_election": Text("影响换届选举", "affects an election"),
    "impact/on_award": Text("影响评先评优", "affects awards"),
    "impact/on_rotation": Text("影响交流任职", "affects rotation"),
    "impact/on_integrity_opinion": Text("待出具廉政意见", "integrity opinion pending"),
    "impact/rights_infringed": Text("权利受侵害或工作生活受影响", "rights infringed"),
    "impact/scope": Text("不良影响范围", "reach of the impact"),
    "circumstances": Text("情形", "circumstances"),
    "circumstances/repeat_after_conclusion": Text("已有结论后重复举报", "repeated after a conclusion"),
    "circumstances/false_accusation_found": Text("受到诬告陷害", "falsely accused"),
    "circumstances/pending_other_clues": Text("尚有其他线索待核查", "other clues pending"),
    "circumstances/subject_applied": Text("本人书面申请澄清", "subject applied"),
    "circumstances/application_received_on": Text("申请收到日期", "application received on"),
    "circumstances/key_juncture": Text("处于关键节点", "at a key juncture"),
    "circumstances/suspected_false_accusation": Text("疑似诬告陷害（从快处置）", "suspected false accusation"),
    "circumstances/organ_deems_necessary": Text("机关认为需要澄清", "organ deems it necessary"),
    "accuser": Text("诬告者", "accuser"),
    "accuser/kind": Text("身份", "kind"),
    "accuser/intent": Text("主观故意", "intent"),
    "accuser/count": Text("人数", "how many"),
    "investigating_organ": Text("调查机关", "investigating organ"),
    "filing": Text("容错免责备案", "filing"),
    "filing/timing": Text("备案时间", "timing"),
    "filing/claimed_items": Text("主张的容错情形（编号，逗号分隔）", "claimed items (ids, comma-separated)"),
    "filing/facts": Text("事实", "facts"),
    "filing/subject": Text("备案对象", "subject"),
    "unit": Text("单位", "unit"),
    "unit/kind": Text("单位类别", "unit kind"),
    "shortfall": Text("问题情形", "shortfall"),
    "facts": Text("事实", "facts"),
    "probation": Text("考验期", "probation"),
    "discipline": Text("处分", "discipline"),
    "discipline/decided_on": Text("处分决定日期", "decided on"),
    "accuser/party_member": Text("同时是党员", "also a party member"),
    "shortfall/consecutive_last": Text("连续排名末位次数", "times ranked last in a row"),
    "probation/rectified": Text("按期整改到位", "rectified in time"),
    "probation/started_on": Text("谈话提醒日期（考验期开始）", "reminder talk held on"),
}
CHOICES: dict[str, Text] = {
    "person": Text("个人", "person"),
    "organization": Text("组织（单位）", "organization"),
    "letter": Text("来信", "letter"),
    "visit": Text("来访", "visit"),
    "online": Text("网络举报", "online"),
    "phone": Text("电话举报", "phone"),
    "referral": Text("转办", "referral"),
    "other": Text("其他", "other"),
    "before": Text("事前备案", "before"),
    "after": Text("事后备案", "after"),
    "none": Text("无", "none"),
    "minor": Text("较小", "minor"),
    "major": Text("重大", "major"),
    "party_member": Text("党员", "party member"),
    "public_official": Text("公职人员", "public official"),
    "leading_cadre": Text("党政领导干部", "leading cadre"),
    "citizen": Text("群众", "citizen"),
    "1": Text("第一种形态", "form 1"),
    "2": Text("第二种形态", "form 2"),
    "3": Text("第三种形态", "form 3"),
    "4": Text("第四种形态", "form 4"),
}
REPORTER_FIELDS = (
    ("name", Text("举报人姓名", "name")),
    ("phone", Text("联系电话", "phone")),
    ("id_number", Text("身份证号码", "ID number")),
    ("address", Text("联系地址", "address")),
)


@attrs.frozen
class Field:
    """One input: its pointer (the form name), widget, label, help (policy term) and choices."""

    pointer: str
    widget: str  # text, date, number, checkbox, select, tristate, list
    label: Text
    help: str = ""
    choices: tuple[tuple[str, Text], ...] = ()
    required: bool = False
    default: Any = None


@attrs.frozen
class Section:
    pointer: str
    label: Text
    fields: tuple[Field, ...]
    help: str = ""
    rows: tuple[tuple[Field, ...], ...] = ()  # an array of objects: one tuple of fields per row


def _resolve(node: Mapping[str, Any], base: str = CASE_SCHEMA) -> dict[str, Any]:
    """Follow ``$ref`` (within ``base``, the schema file the node is in, or into another file) and ``anyOf``
    with null. The result remembers its file under ``__base__``, for resolving its children."""
    base = node.get("__base__", base)
    while "$ref" in node:
        ref = node["$ref"]
        file, _, path = ref.partition("#")
        base = file or base
        target: Any = load_schema(base)
        for key in path.strip("/").split("/"):
            target = target[key]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    node = {**node, "__base__": base}
    if "anyOf" in node:
        options = [_resolve(o, base) for o in node["anyOf"]]
        real = [o for o in options if o.get("type") != "null"]
        if len(real) == 1:
            merged = {**real[0], **{k: v for k, v in node.items() if k not in ("anyOf", "__base__")}}
            merged["nullable"] = True
            return merged
    return node


def _child(parent: Mapping[str, Any], node: Mapping[str, Any]) -> dict[str, Any]:
    return _resolve(node, parent.get("__base__", CASE_SCHEMA))


GENERIC: dict[str, Text] = {
    "organ": Text("机关", "organ"),
    "level": Text("层级", "level"),
    "kind": Text("类别", "kind"),
    "name": Text("姓名或名称", "name"),
    "management_level": Text("干部管理权限", "management level"),
}


def _label(path: str, term: str = "", pointer: str | None = None) -> Text:
    """The field's name: the project's vocabulary of fields (:mod:`zhengming.field_labels`, the names an
    amendment's changes are shown with), else ours, else the schema's Chinese term, else its key."""
    from ...field_labels import FIELDS, pattern_of

    named = FIELDS.get(pattern_of(pointer if pointer is not None else "/" + path))
    if named is not None:
        return named
    key = path.rsplit("/", 1)[-1]
    english = key.replace("_", " ")
    return LABELS.get(path) or GENERIC.get(key) or (Text(term, english) if term else Text(key, english))


def _choice_label(value: Any) -> Text:
    key = str(value)
    if key in CHOICES:
        return CHOICES[key]
    for (_, member_value), text in _BY_MEMBER.items():
        if member_value == key:
            return text
    return Text(key, key)


def _help(node: Mapping[str, Any]) -> str:
    """The policy term the schema gives the field (its Chinese words only)."""
    from .present import cjk_term

    return cjk_term(node.get("description") or "")


def _field(pointer: str, path: str, node: Mapping[str, Any], required: bool) -> Field:
    node = _resolve(node)  # a child already carries the file it is in (``__base__``)
    help_ = _help(node)
    label = _label(path, help_, pointer)
    if label.zh == help_:  # named by the policy term itself: not twice
        help_ = ""
    kind = node.get("type")
    types = set(kind) if isinstance(kind, list) else {kind}
    if "enum" in node:
        values = [v for v in node["enum"] if v is not None]
        help_ = "" if "·" in help_ else help_  # a term that only lists the choices: they are in the list
        return Field(
            pointer,
            "select",
            label,
            help_,
            tuple((str(v), _choice_label(v)) for v in values),
            required,
            node.get("default"),
        )
    if "boolean" in types and "null" in types:
        return Field(pointer, "tristate", label, help_, (), required, node.get("default"))
    if "boolean" in types:
        return Field(pointer, "checkbox", label, help_, (), required, node.get("default", False))
    if "integer" in types:
        return Field(pointer, "number", label, help_, (), required, node.get("default"))
    if "array" in types:
        return Field(pointer, "list", label, help_, (), required, None)
    if node.get("format") == "date" or path.endswith("_on") or path == "as_of":
        return Field(pointer, "date", label, help_, (), required, None)
    return Field(pointer, "text", label, help_, (), required, None)


def sections(kind: str) -> list[Section]:
    """The form of a case ``kind``: a general section, then one per object of the schema."""
    schema = _resolve(load_schema(CASE_SCHEMA)["$defs"][kind])
    general: list[Field] = []
    out: list[Section] = []
    required = set(schema.get("required", ()))
    for key, raw in schema["properties"].items():
        if key in SKIPPED:
            continue
        node = _child(schema, raw)
        if node.get("type") == "object" and "properties" in node:
            out.append(_object_section(f"/{key}", key, node, key in required))
        elif node.get("type") == "array" and "properties" in _child(node, node.get("items", {})):
            item = _child(node, node["items"])
            rows = tuple(
                tuple(
                    _field(f"/{key}/{i}/{k}", f"{key}/{k}", _child(item, v), k in set(item.get("required", ())))
                    for k, v in item["properties"].items()
                )
                for i in range(ALLEGATION_ROWS)
            )
            out.append(Section(f"/{key}", _label(key), (), _help(node), rows))
        else:
            general.append(_field(f"/{key}", key, node, key in required))
    return [Section("", Text("基本信息", "general"), tuple(general)), *out]


def _object_section(pointer: str, path: str, node: Mapping[str, Any], required: bool) -> Section:
    fields: list[Field] = []
    needed = set(node.get("required", ()))
    for key, raw in node["properties"].items():
        child = _child(node, raw)
        if child.get("type") == "object" and "properties" in child:  # one level down: flattened with a prefix
            for sub, sub_raw in child["properties"].items():
                sub_node = _child(child, sub_raw)
                required_here = sub in set(child.get("required", ()))
                fields.append(_field(f"{pointer}/{key}/{sub}", f"{path}/{key}/{sub}", sub_node, required_here))
        else:
            fields.append(_field(f"{pointer}/{key}", f"{path}/{key}", child, key in needed))
    return Section(pointer, _label(path), tuple(fields), _help(node))


def all_fields(form: Iterable[Section]) -> list[Field]:
    return [f for s in form for f in (*s.fields, *(f for row in s.rows for f in row))]


# --- form data → intake document -------------------------------------------------------------


def _set(document: dict[str, Any], pointer: str, value: Any) -> None:
    keys = pointer.strip("/").split("/")
    node: Any = document
    for key, following in itertools.pairwise(keys):
        if isinstance(node, list):
            index = int(key)
            while len(node) <= index:
                node.append({})
            node = node[index]
        else:
            node = node.setdefault(key, [] if following.isdigit() else {})
    node[keys[-1]] = value


def _value(field: Field, raw: str | None) -> Any:
    """A typed value from what the browser sent (``None``: leave the field out)."""
    if field.widget == "checkbox":
        return raw is not None
    if raw is None or raw.strip() == "":
        return None
    raw = raw.strip()
    if field.widget == "tristate":
        return {"true": True, "false": False}.get(raw)
    if field.widget == "number" or (field.widget == "select" and raw.isdigit()):
        try:
            return int(raw)
        except ValueError:
            return raw  # the validator names it: "… is not of type 'integer'"
    if field.widget == "list":
        return [item.strip() for item in raw.replace("，", ",").split(",") if item.strip()]
    return raw


def document_from_form(kind: str, form: Mapping[str, str]) -> dict[str, Any]:
    """The intake document a submitted form describes: empty fields left out, empty rows dropped, a section
    with nothing filled in left out (an unticked box is ``false``); the reporter's identity under ``reporter``."""
    document: dict[str, Any] = {"kind": kind}
    for section in sections(kind):
        if section.rows:
            items = []
            for row in section.rows:
                item: dict[str, Any] = {}
                for field in row:
                    value = _value(field, form.get(field.pointer))
                    if value not in (None, False):
                        item[field.pointer.rsplit("/", 1)[-1]] = value
                if item:
                    items.append(item)
            document[section.pointer.strip("/")] = items
            continue
        values = {f.pointer: _value(f, form.get(f.pointer)) for f in section.fields}
        if section.pointer and all(v is None for v in values.values()):
            continue  # nothing given at all (unticked boxes are given: False)
        for pointer, value in values.items():
            if value is not None:
                _set(document, pointer, value)
    reporter = {
        key: form[f"/reporter/{key}"].strip() for key, _ in REPORTER_FIELDS if form.get(f"/reporter/{key}", "").strip()
    }
    if reporter:
        document["reporter"] = reporter
    return document


def form_values(document: Mapping[str, Any]) -> dict[str, Any]:
    """Pointer → value of a document, to fill the form again (booleans as themselves, lists joined)."""
    values: dict[str, Any] = {}

    def walk(node: Any, pointer: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, f"{pointer}/{key}")
        elif isinstance(node, list) and all(isinstance(v, dict) for v in node) and node:
            for index, value in enumerate(node):
                walk(value, f"{pointer}/{index}")
        elif isinstance(node, list):
            values[pointer] = ", ".join(map(str, node))
        else:
            values[pointer] = node

    walk(document, "")
    return values


def problems_by_field(form: Iterable[Section], problems: Iterable[Problem]) -> dict[str, list[Problem]]:
    """Each problem under the input its pointer names, else under the nearest section or field above it,
    else under ``""`` (the top of the form)."""
    form = list(form)
    known = (
        {f.pointer for f in all_fields(form)}
        | {s.pointer for s in form}
        | {f"/reporter/{k}" for k, _ in REPORTER_FIELDS}
    )
    placed: dict[str, list[Problem]] = {}
    for problem in problems:
        pointer = problem.pointer
        while pointer and pointer not in known:
            pointer = pointer.rsplit("/", 1)[0]
        placed.setdefault(pointer, []).append(problem)
    return placed


def facts(kind: str, document: Mapping[str, Any]) -> list[tuple[Text, list[tuple[Text, Any]]]]:
    """The case document as people read it: per section of the form, (label, value) of every field that
    has a value — a choice by its name, a box as 是/否 (``True``/``False``), a list joined."""
    values = form_values(document)
    shown = []
    for section in sections(kind):
        rows = []
        for field in (*section.fields, *(f for row in section.rows for f in row)):
            value = values.get(field.pointer)
            if value is None or value == "" or (field.widget == "checkbox" and value is False):
                continue
            if field.widget == "select":
                value = next((label for code, label in field.choices if code == str(value)), value)
            label = field.label
            if section.rows:  # an allegation's field: say which one
                index = int(field.pointer.split("/")[2]) + 1
                label = Text(f"第{index}项 {label.zh}", f"#{index} {label.en}")
            rows.append((label, value))
        if rows:
            shown.append((section.label, rows))
    return shown


def field_label(kind: str, pointer: str) -> Text:
    """The name a person knows a field of the document by (``/allegations/0/finding`` → 第1项 核查结论)."""
    fields = {f.pointer: f for f in all_fields(sections(kind))}
    if pointer in fields:
        label = fields[pointer].label
        parts = pointer.split("/")
        if len(parts) > 3 and parts[2].isdigit():
            index = int(parts[2]) + 1
            return Text(f"第{index}项 {label.zh}", f"#{index} {label.en}")
        return label
    key = pointer.strip("/").split("/")[0] if pointer.strip("/") else ""
    return _label(key) if key else Text("案件", "case")
