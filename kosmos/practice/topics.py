"""Topic keys: under which key a profile appears on other modules' pages ("who else worked on this").

Any module page includes ``{% load practice_related %}{% related_profiles "<key>" %}``. The map
from a profile's topic field to its default keys is data; the Jobcenter may add more keys.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

TOPIC_KEYS = {
    "health": _("Health promotion"),
    "digital": _("Digitalisation"),
    "channels": _("Communication channels"),
    "survey": _("Surveys"),
    "assessment": _("Self-assessment"),
    "improvement": _("Improvement projects"),
    "language": _("Comprehensible language"),
    "training": _("Training"),
    "processes": _("Processes"),
    "workinggroups": _("Working groups"),
}

# Default topic keys by topic field (``TopicField``).
FIELD_KEYS = {
    "efqm": ("assessment", "improvement"),
    "digital": ("digital", "channels"),
    "health": ("health",),
    "fbw": ("processes",),
    "language": ("language",),
    "channels": ("channels", "digital"),
}
