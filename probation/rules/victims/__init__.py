"""The statutory victim contact scheme (victims.md): who is in it and when the victim must hear from us."""
