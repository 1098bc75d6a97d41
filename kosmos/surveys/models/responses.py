"""What respondents answered, stored so that nobody can tell who answered or when.

A response has a random UUID (no sequence that reveals the order of submissions), the day
(never the time), the language, and the codes of its group answers. It has no IP address,
no user agent and no key to a token.

Answers are laid out for aggregation in SQL: every answer row repeats the group codes of its
response (``g1``–``g3``: the chosen option's code of the survey's first, second and third
group question; 0 = not answered), so that a filtered count is one range of one index::

    SELECT g1, g2, g3, question_id, value, COUNT(*) FROM surveys_answer
    WHERE wave_id = ? [AND g1 = ?] [AND g2 = ?] GROUP BY g1, g2, g3, question_id, value

reads only the index ``answer_aggregation`` (wave, g1, g2, g3, question, value), in index
order, without touching the table. The group questions themselves have no answer rows; their
answers are the columns g1–g3 of the response.
"""

from __future__ import annotations

import uuid

from django.db import models

from kosmos.surveys.models.structure import Question, Wave


class Response(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="responses", db_index=False)
    submitted_on = models.DateField()  # the day only: never a time
    language = models.CharField(max_length=12, default="de")
    g1 = models.PositiveSmallIntegerField(default=0)
    g2 = models.PositiveSmallIntegerField(default=0)
    g3 = models.PositiveSmallIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["wave", "g1", "g2", "g3"], name="response_group_cells")]

    def __str__(self) -> str:
        return "Response"  # no id: nothing that could be quoted next to a token



class Answer(models.Model):
    """One chosen option, or one number. A multiple-choice question answered with at least one
    option also has a row with value 0 (``ANSWERED``), so that its n is counted in the same query."""

    ANSWERED = 0

    pk = models.CompositePrimaryKey("response", "question", "value")
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, db_index=False, related_name="+")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, db_index=False, related_name="+")
    value = models.IntegerField()
    g1 = models.PositiveSmallIntegerField(default=0)
    g2 = models.PositiveSmallIntegerField(default=0)
    g3 = models.PositiveSmallIntegerField(default=0)

    class Meta:
        indexes = [
            models.Index(fields=["wave", "g1", "g2", "g3", "question", "value"], name="answer_aggregation"),
        ]

    def __str__(self) -> str:
        return f"Answer {self.value}"



class AnswerCube(models.Model):
    """The answer counts of an *ended* wave per group cell, question and value, built once from
    ``Answer`` with one grouped INSERT … SELECT (``kosmos.surveys.results.ensure_cube``).

    An ended wave receives no answers any more, so its counts never change; every results page,
    filter and export of it then sums a few thousand rows instead of scanning a million. Rows
    with ``question`` NULL hold the number of responses per group cell. An ended wave is final
    (``do_update_wave`` refuses to change it), so the cube never goes stale.
    """

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="+")
    g1 = models.PositiveSmallIntegerField(default=0)
    g2 = models.PositiveSmallIntegerField(default=0)
    g3 = models.PositiveSmallIntegerField(default=0)
    question = models.ForeignKey(Question, null=True, on_delete=models.CASCADE, db_index=False, related_name="+")
    value = models.IntegerField()
    n = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["wave", "g1", "g2", "g3"], name="answer_cube_cells")]

    def __str__(self) -> str:
        return f"{self.n}"


class TextAnswer(models.Model):
    """A free-text answer; shown only for groups of at least K responses, in random order."""

    pk = models.CompositePrimaryKey("response", "question")
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="text_answers")
    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, db_index=False, related_name="+")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, db_index=False, related_name="+")
    text = models.TextField()
    g1 = models.PositiveSmallIntegerField(default=0)
    g2 = models.PositiveSmallIntegerField(default=0)
    g3 = models.PositiveSmallIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["wave", "question", "g1", "g2", "g3"], name="text_answer_lookup")]

    def __str__(self) -> str:
        return "Text answer"
