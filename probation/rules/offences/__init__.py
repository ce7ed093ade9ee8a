"""Home Office offence codes by name (``descriptions``): the official descriptions and finding an
offence by the words of its description or by its code."""
