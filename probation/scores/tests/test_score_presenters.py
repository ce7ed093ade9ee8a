"""What the scores page shows of the inputs (issue 10 item 7: an offence with its description)."""

from probation.scores.presenters import input_display


def test_the_current_offence_shows_its_code_and_official_description():
    assert input_display("current_offence_code", "00301") == "00301: Making threats to kill"
    assert input_display("current_offence_code", "00000") == "00000 (no official description)"
    assert input_display("current_offence_code", None) == "Not given"
    assert input_display("total_sanctions", 3) == "3"
