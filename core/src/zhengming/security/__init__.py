"""Who is acting: password hashes, API tokens, the authenticated principal, and separation of duties.

The lifecycle service takes user names from its caller; this package is how a caller (the command
line, later the HTTP API) establishes that name: a user's own token, or an administrator's explicit
local mode, recorded as such. Imports SQLAlchemy.
"""

from .principal import LOCAL_ADMIN_PREFIX, Principal, local_admin
from .tokens import SCOPES, authenticate, issue_token, list_tokens, revoke_token
