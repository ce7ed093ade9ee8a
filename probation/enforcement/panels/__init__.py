"""Panels enforcement adds to lower apps' pages through probation.core.panels (the sentence page's
compliance panel and its breach and recall panel); apps.ready() registers them in the
order the page shows them."""
