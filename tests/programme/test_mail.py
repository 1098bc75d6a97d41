"""The programme's e-mail helper: rendered at once, sent only after the commit."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import transaction

from kosmos.programme.mail import send_after_commit


class _Event:
    title = "Fachtag Eingliederung"


def _send() -> None:
    send_after_commit(subject="Betreff", template="programme/email/moved_up.txt",
                      context={"event": _Event(), "name": "Kim Muster", "link": "https://example.org/w"},
                      recipients=["kim@example.org"])


@pytest.mark.django_db(transaction=True)
def test_mail_is_sent_after_the_commit() -> None:
    with transaction.atomic():
        _send()
        assert mail.outbox == []
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["kim@example.org"]
    assert "Kim Muster" in mail.outbox[0].body


@pytest.mark.django_db(transaction=True)
def test_no_mail_when_the_transaction_rolls_back() -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        _send()
        raise RuntimeError
    assert mail.outbox == []
