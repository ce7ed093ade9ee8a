"""How the structured proposal reads on the page."""

from probation.reports.presenters.writing import proposed_sentence_text


def test_a_suspended_sentence_reads_with_its_term_period_and_requirements():
    proposed = {
        "sentence_type": "suspended_sentence_order",
        "length_months": 18,
        "custodial_months": 6,
        "requirements": [{"type": "curfew", "amount": 8}, {"type": "residence", "amount": None}],
    }

    assert proposed_sentence_text(proposed) == (
        "Suspended sentence order, custodial term 6 months, suspended for 18 months: Curfew 8 hours a day; Residence"
    )


def test_custody_and_nothing_proposed():
    assert proposed_sentence_text({"sentence_type": "custodial", "custodial_months": 14}) == (
        "Immediate custody, custodial term 14 months"
    )
    assert proposed_sentence_text({}) == ""
    assert proposed_sentence_text({"sentence_type": "fine"}) == ""
