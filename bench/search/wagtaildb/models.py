from django.db import models
from wagtail.search import index


class BenchDocument(index.Indexed, models.Model):
    """A document with the search fields an ``ArticlePage`` gives Wagtail: title (boost 2, also
    autocomplete) and body."""

    doc_id = models.CharField(max_length=200, unique=True)
    title = models.TextField()
    body = models.TextField()

    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("body"),
    ]

    class Meta:
        app_label = "bench_search"

    def __str__(self) -> str:
        return self.doc_id
