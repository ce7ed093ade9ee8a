from probation.drug_testing.models.records import DrugTest, DrugTestEvent, SubstanceResult

__all__ = ["DrugTest", "DrugTestEvent", "SubstanceResult"]
