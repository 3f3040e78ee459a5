"""Vietnamese unless the reader chose otherwise.

Django's LocaleMiddleware follows the browser's Accept-Language, which would show an English
portal to every visitor whose browser is set to English. A state portal speaks Vietnamese first;
English is shown only to someone who picked it with the language switch (Django's language cookie).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers


class VietnameseFirstLocaleMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        request.LANGUAGE_CODE = language
        # Only for this request: the worker thread goes back to its language afterwards, so whatever it
        # runs next outside a request (an e-mail, a task, an index update) is not in this reader's language.
        with translation.override(language):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ("Cookie",))
        return response
