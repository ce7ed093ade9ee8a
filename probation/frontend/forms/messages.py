"""Error messages built from a field's label that read as sentences (issue 10 item 8: "Enter the who
is at risk" was not one).

GOV.UK's pattern is "Enter [whatever it is]" / "Select [whatever it is]". Gluing "the" to a label
breaks when the label is a question ("Who is at risk"), already has an article ("The reason") or
starts with an abbreviation ("PNC number", "RoSH level"), which lower-casing would mangle.
"""

QUESTION_WORDS = frozenset({"who", "what", "when", "where", "which", "why", "how", "whether"})
ARTICLES = frozenset({"the", "a", "an", "any", "each", "every"})


def _word(word: str) -> str:
    """Lower-case an ordinary capitalised word; keep abbreviations (PNC, RoSH, OASys) as written."""
    return word if any(c.isupper() for c in word[1:]) else word.lower()


def label_phrase(label: str) -> str:
    """The label as the object of "Enter"/"Select": "the offence date", "who is at risk"."""
    words = [_word(w) for w in " ".join(str(label).split()).split(" ") if w]
    if not words:
        return ""
    if words[0] in QUESTION_WORDS or words[0] in ARTICLES:
        return " ".join(words)
    return " ".join(["the", *words])


def enter(label: str) -> str:
    return f"Enter {label_phrase(label)}"


def select(label: str) -> str:
    return f"Select {label_phrase(label)}"
