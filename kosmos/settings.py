"""Django settings for Qualitätskosmos.

All configuration comes from environment variables (see docs/betrieb.md for the
reference). A missing or malformed value in production stops start-up with a
message that names the variable.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from kosmos.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

DEBUG = env_bool("KOSMOS_DEBUG", False)
# Demo accounts (and their documented passwords) only work in development mode. Kept apart from
# DEBUG because test runners switch DEBUG off while still running the development configuration.
KOSMOS_DEMO_ACCOUNTS = DEBUG
TESTING = "pytest" in sys.modules

# --- secrets and hosts ------------------------------------------------------
if DEBUG:
    SECRET_KEY = env_str("KOSMOS_SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production-" + "x" * 20)
else:
    SECRET_KEY = env_str("KOSMOS_SECRET_KEY", required=True)
    if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("dev-only"):
        raise ImproperlyConfigured(
            "KOSMOS_SECRET_KEY must be a random value of at least 50 characters in production."
        )

ALLOWED_HOSTS = env_list("KOSMOS_ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("KOSMOS_ALLOWED_HOSTS must list the host names the platform is served under.")
CSRF_TRUSTED_ORIGINS = env_list("KOSMOS_CSRF_TRUSTED_ORIGINS", [])
# Empty: absolute links follow the request (kosmos/core/urls_absolute.py).
BASE_URL = env_str("KOSMOS_BASE_URL", "").rstrip("/")

# --- applications ------------------------------------------------------------
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "kosmos.core",
    "kosmos.surveys",
    "kosmos.assessments",
    "kosmos.improvement",
    "kosmos.language",
    "kosmos.workinggroups",
    "kosmos.training",
    "kosmos.processes",
    "kosmos.knowledge",
    "kosmos.channels",
    "kosmos.practice",
    "kosmos.programme",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
    "kosmos.core.middleware.SecondFactorMiddleware",
    "kosmos.core.middleware.OrganisationMiddleware",
    "kosmos.core.not_found.PublicNotFoundMiddleware",
]

ROOT_URLCONF = "kosmos.urls"
WSGI_APPLICATION = "kosmos.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "kosmos" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kosmos.core.context_processors.platform",
            ],
        },
    },
]

FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# --- database ------------------------------------------------------------------
VAR_DIR.mkdir(exist_ok=True)
_DATABASE_URL = env_str("KOSMOS_DATABASE_URL", f"sqlite:///{VAR_DIR / 'kosmos.sqlite3'}")
try:
    DATABASES = {"default": dj_database_url.parse(_DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
except Exception as exc:  # dj_database_url raises several types for a bad URL
    raise ImproperlyConfigured(f"KOSMOS_DATABASE_URL is not a valid database URL: {exc}") from exc
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # A file (not memory) so that subprocesses such as gunicorn in the tests see it; one per
    # test process so that parallel runs do not share it.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- authentication ------------------------------------------------------------
AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "kosmos.core.auth_backends.EmailBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# django-axes: throttle after 5 failures, per account and address.
AXES_FAILURE_LIMIT = env_int("KOSMOS_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = env_int("KOSMOS_LOGIN_COOLOFF_MINUTES", 15, minimum=1) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_IPWARE_PROXY_COUNT = env_int("KOSMOS_PROXY_COUNT", 0, minimum=0)
AXES_VERBOSE = False

# Second factor (TOTP): users may enrol; this makes it mandatory for the listed roles.
OTP_TOTP_ISSUER = "Qualitätskosmos"
KOSMOS_OTP_REQUIRED = env_bool("KOSMOS_OTP_REQUIRED", False)

# Invitations
KOSMOS_INVITATION_DAYS = env_int("KOSMOS_INVITATION_DAYS", 7, minimum=1, maximum=30)

# Figures across organisations are shown only where at least this many contribute (never below 3:
# kosmos.core.domain.benchmark.LOWEST_MIN_ORGANISATIONS).
KOSMOS_BENCHMARK_MIN_ORGANISATIONS = env_int("KOSMOS_BENCHMARK_MIN_ORGANISATIONS", 5, minimum=3)

# Uploaded office files (.docx, .odt, .xlsx) are refused before parsing beyond these limits
# (zip bombs, kosmos.core.documents.office).
KOSMOS_OFFICE_MAX_UNPACKED_MB = env_int("KOSMOS_OFFICE_MAX_UNPACKED_MB", 20, minimum=1)
KOSMOS_OFFICE_MAX_RATIO = env_int("KOSMOS_OFFICE_MAX_RATIO", 100, minimum=10)
KOSMOS_OFFICE_MAX_MEMBERS = env_int("KOSMOS_OFFICE_MAX_MEMBERS", 2000, minimum=10)
KOSMOS_OFFICE_PARSE_SECONDS = env_int("KOSMOS_OFFICE_PARSE_SECONDS", 10, minimum=1)

# --- sessions and security -----------------------------------------------------
SESSION_COOKIE_AGE = env_int("KOSMOS_SESSION_IDLE_MINUTES", 120, minimum=5) * 60
SESSION_SAVE_EVERY_REQUEST = True  # the age counts from the last request: expiry after inactivity
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("KOSMOS_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = env_int("KOSMOS_HSTS_SECONDS", 31_536_000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

# --- e-mail ------------------------------------------------------------------------


def _email_settings(url: str) -> dict[str, object]:
    parsed = urlparse(url)
    if parsed.scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if parsed.scheme == "locmem":
        return {"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    if parsed.scheme in {"smtp", "smtps"}:
        if not parsed.hostname:
            raise ImproperlyConfigured("KOSMOS_EMAIL_URL must name the SMTP host, e.g. smtp://user:pass@host:587.")
        options = parse_qs(parsed.query)
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": parsed.hostname,
            "EMAIL_PORT": parsed.port or (465 if parsed.scheme == "smtps" else 587),
            "EMAIL_HOST_USER": unquote(parsed.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parsed.password or ""),
            "EMAIL_USE_SSL": parsed.scheme == "smtps",
            "EMAIL_USE_TLS": parsed.scheme == "smtp" and options.get("tls", ["1"])[0] not in {"0", "false"},
            "EMAIL_TIMEOUT": 20,
        }
    raise ImproperlyConfigured(
        f"KOSMOS_EMAIL_URL has an unknown scheme {parsed.scheme!r}; use console://, smtp:// or smtps://."
    )


_email_url = env_str("KOSMOS_EMAIL_URL", "console://" if DEBUG else "")
if not _email_url:
    raise ImproperlyConfigured("KOSMOS_EMAIL_URL must be set in production, e.g. smtp://user:pass@host:587.")
globals().update(_email_settings(_email_url))
DEFAULT_FROM_EMAIL = env_str("KOSMOS_DEFAULT_FROM_EMAIL", "Qualitätskosmos <noreply@localhost>")
# Where reports of barriers from the accessibility statement go (BITV 2.0 feedback mechanism).
ACCESSIBILITY_CONTACT = env_str("KOSMOS_ACCESSIBILITY_CONTACT", "barrierefreiheit@localhost" if DEBUG else "")
if not ACCESSIBILITY_CONTACT:
    raise ImproperlyConfigured(
        "KOSMOS_ACCESSIBILITY_CONTACT must be set in production: the e-mail address that receives reports "
        "of barriers from the accessibility statement (BITV 2.0)."
    )

# --- language and time -------------------------------------------------------------
LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch")]
USE_I18N = True
TIME_ZONE = "Europe/Berlin"
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "kosmos" / "locale"]
FORMAT_MODULE_PATH = ["kosmos.formats"]

# --- static files ------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "kosmos" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = Path(env_str("KOSMOS_MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/media/"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("KOSMOS_LOG_LEVEL", "WARNING")},
}
