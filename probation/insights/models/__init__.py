from probation.insights.models.figures import (
    COUNTRY_CODE,
    AggregationRun,
    AreaFigure,
    AreaLevel,
    EqualityFigure,
    Measure,
)

__all__ = ["COUNTRY_CODE", "AggregationRun", "AreaFigure", "AreaLevel", "EqualityFigure", "Measure"]
