from __future__ import annotations

from django.conf import settings
from django.contrib.auth.backends import ModelBackend


class EmailBackend(ModelBackend):
    """Log in with the e-mail address; demo accounts only work in development mode."""

    def user_can_authenticate(self, user) -> bool:  # noqa: ANN001 - a User
        if getattr(user, "is_demo", False) and not settings.KOSMOS_DEMO_ACCOUNTS:
            return False
        return super().user_can_authenticate(user)
