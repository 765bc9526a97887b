"""The 济南 plugin (entry point ``jinan`` → :data:`JINAN`): its metadata and the hooks of each module.

Outside 第五条's scope (a province-managed cadre) the approval, methods and notifications hooks let the
parent answer, and the trigger says why.
"""

from __future__ import annotations

from zhengming import Jurisdiction, JurisdictionLevel, Text
from zhengming.rules import declare

from . import approval, false_accusation, methods, trigger
from .source import DOCUMENT

JINAN = declare(
    Jurisdiction(id="jinan", names=Text("济南市", "Jinan"), level=JurisdictionLevel.CITY, documents=(DOCUMENT,)),
    trigger.trigger,
    approval.approval,
    methods.methods,
    methods.notifications,
    false_accusation.adjust,
)
