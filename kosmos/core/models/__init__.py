from kosmos.core.models.audit import AuditEvent
from kosmos.core.models.comparisons import BenchmarkConsent
from kosmos.core.models.organisations import Office, Organisation
from kosmos.core.models.people import AdviserAssignment, Invitation, Membership, User
from kosmos.core.models.search import SearchDocument as SearchDocument  # re-exported

__all__ = [
    "AdviserAssignment",
    "AuditEvent",
    "BenchmarkConsent",
    "Invitation",
    "Membership",
    "Office",
    "Organisation",
    "User",
]
