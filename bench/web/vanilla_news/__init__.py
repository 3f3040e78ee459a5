"""A minimal news app for the vanilla Wagtail site of the web bench (``bench.web``).

What a developer would add to a fresh ``wagtail start`` project to publish sections and articles: the
same fields as congtin's ``SectionPage`` and ``ArticlePage`` that the bench corpus fills, plain
Wagtail idioms (``child_of``, ``sibling_of``, ``live()``, a paginator) and templates that print the same
content. No caching, no query tuning beyond what a tutorial shows: it is the baseline.
"""
