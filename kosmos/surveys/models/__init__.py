"""Models of the survey module.

``structure``: what is asked (survey, sections, questions, choices) and when (waves).
``responses``: what was answered, stored so that nobody can tell who answered.
``access``: how respondents get in (one-time tokens, invitations, resume drafts),
kept apart from the responses with no key to join them.
"""

from kosmos.surveys.models.access import (
    ResumeDraft,
    SubmissionNonce,
    SurveyInvitation,
    Token,
    TokenBatch,
    TokenBatchKind,
)
from kosmos.surveys.models.releases import ReleasedText
from kosmos.surveys.models.responses import Answer, AnswerCube, Response, TextAnswer
from kosmos.surveys.models.structure import (
    Audience,
    Choice,
    Question,
    QuestionKind,
    Section,
    Survey,
    Wave,
    WaveMode,
    WaveState,
    WaveStatus,
)

__all__ = [
    "Answer",
    "AnswerCube",
    "Audience",
    "Choice",
    "Question",
    "QuestionKind",
    "ReleasedText",
    "Response",
    "ResumeDraft",
    "Section",
    "SubmissionNonce",
    "Survey",
    "SurveyInvitation",
    "TextAnswer",
    "Token",
    "TokenBatch",
    "TokenBatchKind",
    "Wave",
    "WaveMode",
    "WaveState",
    "WaveStatus",
]
