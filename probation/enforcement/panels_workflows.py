"""The breach and recall panel on the sentence page: registered with probation.core.panels."""
