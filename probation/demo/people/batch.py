"""The rows drawn for one batch of people, table by table, before ``bulk`` writes them.

Its own module so ``people`` (the person) and ``history`` (what happened around them) both fill it
without importing each other.
"""

from dataclasses import dataclass, field


@dataclass
class Batch:
    person: list[dict] = field(default_factory=list)
    alias: list[dict] = field(default_factory=list)
    address: list[dict] = field(default_factory=list)
    allocation: list[dict] = field(default_factory=list)
    circumstance: list[dict] = field(default_factory=list)
    disability: list[dict] = field(default_factory=list)
    searchkey: list[tuple[int, str]] = field(default_factory=list)
    exclusion: list[dict] = field(default_factory=list)
    restriction: list[dict] = field(default_factory=list)
