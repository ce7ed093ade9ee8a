"""Sentence plan rules (interventions.md § Sentence plan): areas of need and suggested goals, goal and
step content, the person's agreement, the first plan's due date and the review triggers, and what
changed between two agreed versions. Plain values in, plain values out; no Django."""
