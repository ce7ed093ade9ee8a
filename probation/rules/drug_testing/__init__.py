"""Drug and alcohol testing rules (drug-testing.md): legal bases, the substances each may test, result
states and the officer's decisions, the DRR testing schedule and alcohol monitoring days."""
