from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponseServerError:
    # Rendered without the request, so no context processor runs: the database may be what failed.
    return HttpResponseServerError(loader.get_template("500.html").render())
