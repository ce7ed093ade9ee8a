"""Demo court lists (``manage.py generate_court_lists``): courts for the demo court officer's region and
lists for the next few sitting days, imported and partly matched through the court app's own services."""
