"""The office service over HTTP (``zhengming serve``): a JSON API under ``/api`` and, when installed,
the console under ``/``. Both call the same application layer as the command line
(:class:`~zhengming.lifecycle.CaseService`, :class:`~zhengming.lifecycle.custody.Custody`, the security
package); this package only maps HTTP onto it: authentication (tokens and browser sessions), CSRF,
problem details (RFC 9457), ``ETag``/``If-Match``, paging and time zones.
"""

from .app import create_app
