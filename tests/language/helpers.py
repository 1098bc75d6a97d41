"""Shared helpers for the tests of the language pages (texts, upload files, library templates)."""

from __future__ import annotations

import io
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kosmos.language import services
from kosmos.language.models import LetterTemplate

OFFICIALESE = (
    "Sehr geehrte Damen und Herren,\n\n"
    "hiermit werden Sie aufgefordert, die nachstehend aufgeführten Unterlagen unverzüglich vorzulegen, "
    "da andernfalls gemäß § 66 SGB I die Leistungen ganz oder teilweise versagt werden können, sofern die "
    "Voraussetzungen für die Gewährung der Leistung nicht nachgewiesen werden.\n\n"
    "Die Vorlage ist zwingend erforderlich.\n\nMit freundlichen Grüßen\nIhr Jobcenter"
)
PLAIN = (
    "Guten Tag,\n\nbitte schicken Sie uns Ihre Kontoauszüge bis zum 15. Mai. "
    "Wir brauchen die Auszüge, um Ihr Geld zu berechnen. Haben Sie Fragen? Rufen Sie uns an.\n\n"
    "Freundliche Grüße\nIhr Jobcenter"
)
MIDDLE = (
    "Sehr geehrte Damen und Herren,\n\nbitte reichen Sie die Kontoauszüge bis zum 15. Mai ein. "
    "Die Unterlagen werden für die Berechnung der Leistungen benötigt, da ohne sie keine Entscheidung "
    "getroffen werden kann.\n\nMit freundlichen Grüßen\nIhr Jobcenter"
)


def url(name: str, world: Any, **kwargs: Any) -> str:
    return reverse(name, kwargs={"org_slug": world.freiburg.slug, **kwargs})


def docx_bytes(*paragraphs: str) -> bytes:
    from docx import Document

    document = Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def odt_bytes(*paragraphs: str) -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    document = OpenDocumentText()
    for paragraph in paragraphs:
        document.text.addElement(P(text=paragraph))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def make_template(
    world: Any,
    name: str = "Mitwirkungsaufforderung",
    texts: tuple[str, ...] = (OFFICIALESE,),
    *,
    organisation: Any = None,
    category: str = "cooperation",
    text_type: str = "brief",
) -> LetterTemplate:
    """A library template with one version per text (the first text is version 1)."""
    organisation = organisation or world.freiburg
    template = services.do_create_template(
        acting_user=world.qm,
        organisation=organisation,
        name=name,
        category=category,
        text_type=text_type,
        text=texts[0],
    )
    for text in texts[1:]:
        services.do_add_version(acting_user=world.qm, template=template, text=text)
    template.refresh_from_db()
    return template
