from django.db import models

from probation.people.models.person import Person


class CircumstanceType(models.TextChoices):
    ACCOMMODATION = "accommodation", "Accommodation"
    EMPLOYMENT = "employment", "Employment"
    EDUCATION = "education", "Education and training"
    BENEFITS = "benefits", "Benefits"
    RELATIONSHIP = "relationship", "Relationship"
    DEPENDANTS = "dependants", "Dependants and caring responsibilities"
    HEALTH = "health", "Physical or mental health"
    SUBSTANCE_MISUSE = "substance", "Drug or alcohol misuse"
    VETERAN = "veteran", "Armed forces veteran"
    PREGNANCY = "pregnancy", "Pregnancy"
    CARE_LEAVER = "care_leaver", "Care leaver"
    IMMIGRATION = "immigration", "Immigration status"


class Circumstance(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="circumstances")
    circumstance_type = models.CharField("Type", max_length=20, choices=CircumstanceType.choices)
    detail = models.CharField(max_length=200, blank=True)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    evidenced = models.BooleanField(default=False)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-start_date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("start_date")),
                name="circumstance_end_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.get_circumstance_type_display()


class DisabilityType(models.TextChoices):
    HEARING = "hearing", "Hearing difficulties"
    VISUAL = "visual", "Visual impairment"
    MOBILITY = "mobility", "Reduced mobility"
    LEARNING_DIFFICULTY = "learning_difficulty", "Learning difficulty"
    LEARNING_DISABILITY = "learning_disability", "Learning disability"
    MENTAL_HEALTH = "mental_health", "Mental health condition"
    NEURODIVERGENT = "neurodivergent", "Neurodivergent condition"
    LONG_TERM_CONDITION = "long_term", "Long-term health condition"
    SPEECH = "speech", "Speech impairment"
    OTHER = "other", "Other"


class Disability(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="disabilities")
    disability_type = models.CharField("Type", max_length=20, choices=DisabilityType.choices)
    adjustments = models.TextField("Reasonable adjustments", blank=True)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        verbose_name_plural = "disabilities"
        ordering = ["-start_date", "-id"]

    def __str__(self) -> str:
        return self.get_disability_type_display()
