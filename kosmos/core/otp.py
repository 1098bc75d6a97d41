"""Second factor (TOTP) rules, built on django-otp."""

from __future__ import annotations

from typing import Literal

from django.conf import settings
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from kosmos.core.roles import PlatformRole, Role


def second_factor_mandatory(user) -> bool:  # noqa: ANN001 - a User
    """Programme office and quality managers must use a second factor when the setting is on."""
    if not settings.KOSMOS_OTP_REQUIRED:
        return False
    if user.platform_role == PlatformRole.PROGRAMME_OFFICE:
        return True
    return user.memberships.filter(role=Role.QUALITY_MANAGER).exists()


def needs_second_factor(user) -> Literal["verify", "setup", ""]:  # noqa: ANN001 - a User
    if user.is_verified():
        return ""
    if user_has_device(user, confirmed=True):
        return "verify"
    if second_factor_mandatory(user):
        return "setup"
    return ""


def confirmed_device(user) -> TOTPDevice | None:  # noqa: ANN001 - a User
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()
