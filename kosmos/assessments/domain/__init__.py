"""Pure domain logic of the assessments module (no Django imports).

Modules:

- ``model_data``  – load and validate the JSON model data (EFQM 2020, CAF 2020, question catalogue)
- ``structures``  – the immutable value objects the loader builds (model, criteria, units, catalogue)
- ``Hint`` (``kosmos.core.hints``) is the value type of the warnings all checks return
- ``scoring``     – rounding, RADAR proposals, criterion/total aggregation, scale conversion, CAF panels,
                    bands, star reference levels and the calibration warning
- ``consensus``   – statistics over individual ratings and merging of strengths/improvement texts
- ``composition`` – checks of the assessment group (size, diversity, competence)
- ``balance``     – checks of the question set per method
- ``timeline``    – milestone templates per method and spreading them over a project period
- ``charts``      – SVG radar chart and ecosystem map (string output, CSP-safe)

User-facing strings are English source strings marked for the catalogue (``kosmos.core.domain.i18n``); the
Django layer translates them. Model data (criterion names, questions) is German. Everything here is
deterministic and side-effect free except for reading the packaged JSON files in ``model_data``.
"""
