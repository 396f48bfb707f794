"""Jinja's template class with a cheaper check on each ``{% from ... import ... %}``.

Every import in a template asks whether the importing page has globals the
imported template lacks (then the macros must be made again with them). Jinja
answers with ``set - ChainMap.keys()``, which tests each name against each map
in Python: on a form page, with about 27 imports, that was about a tenth of the
page's CPU. ``set.difference(ChainMap)`` gives the same set from one pass over
the ChainMap's keys.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Template
from jinja2.runtime import Context


class QuickImportTemplate(Template):
    """A template whose default module is found as Jinja finds it, with a faster set difference."""

    def _get_default_module(self, ctx: Context | None = None) -> Any:
        if self.environment.is_async:
            return super()._get_default_module(ctx)
        if ctx is not None:
            keys = ctx.globals_keys.difference(self.globals)
            if keys:
                return self.make_module({k: ctx.parent[k] for k in keys})
        if self._module is None:
            self._module = self.make_module()
        return self._module
