"""Synthetic, internally consistent data for demos, tests and benchmarks (``manage.py generate_data``).

Everything is drawn from one ``random.Random(seed)`` (and a Faker ``en_GB`` seeded from it), so the same
seed gives the same organisation, people, CRNs and names. The rows are written the way the services
would leave them (search keys, ``surname_key``/``pnc_key``, one open allocation, limited-access flags);
they are bulk-loaded rather than written through the services because the services audit every write
and 250,000 audited creations would take hours and fill the audit with fiction.

Modules: ``places`` (regions and PDUs), ``names`` (name pools), ``organisation`` (teams, staff, users),
``people`` (a person and everything hanging off them), ``history`` (their addresses, allocations,
circumstances and limited access), ``batch`` (the rows of one batch), ``bulk`` (fast loading and flushing),
``access`` (demo users and partner sharing) and ``generate`` (the phases, in order).
"""
