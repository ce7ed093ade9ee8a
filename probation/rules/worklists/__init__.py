"""The dates and outlooks behind the officer's and team manager's day lists."""
