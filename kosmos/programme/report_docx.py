"""The results report as DOCX (python-docx), with the same outline as the PDF.

Word headings 1 and 2 carry the chapters and sections, so Word's navigation pane and a generated
table of contents work; the report title is the document title (core properties) and a Title
paragraph. Tables get a header row.
"""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from kosmos.programme.report import ProfileBlock, ReportData

FORMS = {"ge": "gE", "zkt": "zkT"}


def _paragraphs(document, text: str) -> None:  # noqa: ANN001
    for block in [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]:
        document.add_paragraph(block)


def _table(document, header: list[str], rows: list[list[str]]) -> None:  # noqa: ANN001
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = str(text)


def _profile(document, block: ProfileBlock) -> None:  # noqa: ANN001
    profile, organisation = block.profile, block.profile.organisation
    document.add_paragraph(profile.title).runs[0].bold = True
    facts = f"{organisation.name} ({FORMS.get(organisation.form, '–')}"
    if organisation.state:
        facts += f", {organisation.get_state_display()}"
    facts += ")"
    if organisation.staff_count:
        facts += "; " + ngettext("%(count)d member of staff", "%(count)d staff",
                                 organisation.staff_count) % {"count": organisation.staff_count}
    document.add_paragraph(facts)
    sections = [
        (_("Topic field"), [block.topic_title]),
        (_("Starting situation"), [profile.starting_situation] if profile.starting_situation else []),
        (_("Goals"), profile.goal_lines),
        (_("Timeline"), [f"{m.period}: {m.title}" for m in block.milestones]),
        (_("Results"), profile.result_lines),
        (_("Lessons learned"), [profile.lessons_learned] if profile.lessons_learned else []),
        (_("Contact"), [profile.contact_role] if profile.contact_role else []),
        (_("Materials"), [f"{m.title} ({m.url})" if m.url else m.title for m in block.materials]),
    ]
    for label, lines in sections:
        if not lines:
            continue
        document.add_paragraph(label).runs[0].bold = True
        style = "List Bullet" if len(lines) > 1 else None
        for line in lines:
            document.add_paragraph(line, style=style)


def render_docx(report: ReportData) -> bytes:
    from docx import Document

    call = report.call
    document = Document()
    title = f"{_('Results report')}: {call.title}"
    document.core_properties.title = title
    document.core_properties.author = _("Programme office")
    document.core_properties.language = "de-DE"
    document.add_heading(title, level=0)
    document.add_paragraph(_("Generated on %(date)s.") % {"date": report.generated_at.strftime("%d.%m.%Y")})
    for heading in report.headings:
        document.add_heading(f"{heading.entry.number} {heading.title}", level=heading.entry.level)
        if heading.text:
            _paragraphs(document, heading.text)
        kind = heading.entry.kind
        if kind == "course":
            facts = report.facts
            document.add_paragraph(ngettext(
                "On the platform: %(count)d application from %(states)d federal states (%(ge)d gE, %(zkt)d zkT).",
                "On the platform: %(count)d applications from %(states)d federal states (%(ge)d gE, %(zkt)d zkT).",
                facts.applications) % {"count": facts.applications, "states": facts.states,
                                       "ge": facts.applications_ge, "zkt": facts.applications_zkt})
            if report.selected:
                _table(document, [_("Jobcenter"), _("Form"), _("Topic field")],
                       [[a.organisation.name, FORMS.get(a.organisation.form, "–"), a.topic.name if a.topic else "–"]
                        for a in report.selected])
            if report.events:
                document.add_paragraph("")
                _table(document, [_("Workshop"), _("Date"), pgettext("workshop", "Participants"), _("Organisations")],
                       [[e.title, e.starts_at.strftime("%d.%m.%Y"), e.participant_count, e.organisation_count]
                        for e in report.events])
        elif kind == "examples":
            for block in heading.blocks:
                document.add_paragraph(f"{block.profile.organisation.name}: {block.profile.title} "
                                       f"({_('see %(number)s') % {'number': block.number}})", style="List Bullet")
        elif kind == "profile":
            for block in heading.blocks:
                _profile(document, block)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
