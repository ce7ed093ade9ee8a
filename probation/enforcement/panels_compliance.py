"""The compliance panel on the sentence page: registered with probation.core.panels."""
