"""Errors a service raises besides `mesodesk.domain.validation.ValidationError`."""

from __future__ import annotations


class ServiceError(Exception):
    """Base class: the message is written for the person at the desk."""


class NotFound(ServiceError, LookupError):
    pass


class Conflict(ServiceError):
    """Someone else changed the record since it was loaded, or the record is locked."""


class PermissionDenied(ServiceError):
    pass
