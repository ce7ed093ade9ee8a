"""Contact types and appointment outcomes, as data (enforcement.md, "Contacts and appointments")."""
