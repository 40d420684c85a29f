"""Errors a service raises besides `mesodesk.domain.validation.ValidationError`."""

from __future__ import annotations

MESSAGE_MAX = 500  # a message quoting a pasted page must not flood the dialog


class ServiceError(Exception):
    """Base class: the message is written for the person at the desk."""

    def __init__(self, message: object = "", *args: object) -> None:
        if isinstance(message, str) and len(message) > MESSAGE_MAX:
            message = message[:MESSAGE_MAX] + "…"
        super().__init__(message, *args)


class NotFound(ServiceError, LookupError):
    pass


class Conflict(ServiceError):
    """Someone else changed the record since it was loaded, or the record is locked."""


class PermissionDenied(ServiceError):
    pass


class BadValue(ServiceError, ValueError):
    """A value reached the database that it cannot hold or compare (too large, wrong kind).

    The rules refuse such values with a message per field; this is the safety net behind
    them (`Store.reading`/`writing`), so a value no rule thought of is still refused cleanly.
    """


def in_words(exc: BaseException) -> str:
    """An error for the person at the desk: a database error in the driver's words, not the
    statement it ran (which can quote a whole row)."""
    from sqlalchemy.exc import DBAPIError

    if isinstance(exc, DBAPIError):
        return f"database error: {exc.orig}"
    return str(exc) or exc.__class__.__name__
