"""zhengming (正名): a pluggable engine for clarifying officials hit by untrue reports.

The public API for plugin authors and integrators.
"""

from .context import EvaluationContext
from .dates import add_months
from .engine import Engine
from .errors import InvalidDocument, PluginError, Problem, RegistryError, UnknownJurisdiction, ZhengmingError
from .filing import ListMatch, match_lists
from .markers import Combine, hookimpl
from .model import *
from .registry import ENTRY_POINT_GROUP, JurisdictionRegistry, LoadProblem, load_registry

__version__ = "0.1.0"
