"""Dates as the rules count them: working days (bank holidays excluded) and periods of months."""
