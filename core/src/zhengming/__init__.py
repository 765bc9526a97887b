"""zhengming (正名): a pluggable engine for clarifying officials hit by untrue reports.

The public API for plugin authors and integrators.
"""

from .engine import Engine
from .errors import InvalidDocument, PluginError, Problem, RegistryError, UnknownJurisdiction, ZhengmingError
from .model import *
from .plugin.context import EvaluationContext
from .plugin.markers import Combine, hookimpl
from .plugin.registry import ENTRY_POINT_GROUP, JurisdictionRegistry, LoadProblem, load_registry
from .rules.dates import add_months
from .rules.filing import ListMatch, match_lists

__version__ = "0.1.0"
