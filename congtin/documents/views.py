"""Serving a registry entry's files to the public."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from congtin.documents.models import DocumentAttachment


@require_GET
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    """Send an attachment as a download, never as a page the browser might run.

    The content type is the one read from the file's bytes at upload; ``nosniff`` stops the
    browser from guessing another, and the ``sandbox`` policy strips scripts and same-origin rights
    should a browser display the file anyway. Files of unpublished entries are for staff only.
    """
    attachment = get_object_or_404(DocumentAttachment.objects.select_related("document"), pk=pk)
    if not attachment.document.is_published and not request.user.has_perm(
        "documents.change_officialdocument"
    ):
        raise Http404
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.download_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cache-Control"] = (
        "private, no-cache" if not attachment.document.is_published else "public, max-age=3600"
    )
    return response
