"""What of the surveys is findable: a survey's title, introduction, sections and question texts.

Never responses, free-text answers or results: those stay behind their own pages and the
anonymity rules.
"""

from __future__ import annotations

from collections.abc import Iterable

from kosmos.core.search import Document, Provider, join, parent
from kosmos.surveys.models import Question, Section, Survey


class SurveySearch(Provider):
    roots = (Survey,)
    dependants = {
        Section: lambda section: parent(section, "survey"),
        Question: lambda question: parent(question, "survey"),
    }

    def queryset(self, model: type) -> object:
        return Survey.objects.prefetch_related("sections", "questions")

    def documents(self, survey: Survey) -> Iterable[Document]:
        sections = list(survey.sections.all())
        questions = list(survey.questions.all())
        body = join(
            survey.intro,
            *(join(s.title, s.intro) for s in sections),
            *(join(q.text, q.help_text) for q in questions),
        )
        yield Document(
            organisation_id=survey.organisation_id,
            object_type="surveys.survey",
            object_id=str(survey.public_id),
            title=survey.title,
            body=body,
            url_name="org:survey_detail",
            url_kwargs={"survey_id": survey.public_id},
            permission="surveys.view",
            updated=survey.created_at,
        )


PROVIDER = SurveySearch()
