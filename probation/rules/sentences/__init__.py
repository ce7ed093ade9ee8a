"""Rules of the sentence itself that are not enforcement: requirement amounts and progress, licences and
their conditions (enforcement.md, "Community order requirements" and "Licences and recall")."""
