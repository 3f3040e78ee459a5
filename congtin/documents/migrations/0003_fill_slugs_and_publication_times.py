"""Give entries saved before slugs existed their address, and published ones a publication time."""

from django.db import migrations

from congtin.vietnamese import SymbolError, parse_symbol, slugify


def fill(apps, schema_editor):
    OfficialDocument = apps.get_model("documents", "OfficialDocument")
    taken = set(OfficialDocument.objects.exclude(slug="").values_list("slug", flat=True))
    for document in OfficialDocument.objects.filter(slug="").order_by("pk"):
        # Same rule as models.document_slug: the year joins a symbol that prints none.
        base = slugify(document.canonical_symbol, max_length=100) or "van-ban"
        try:
            printed_year = parse_symbol(document.canonical_symbol).year
        except SymbolError:
            printed_year = None
        if printed_year is None and document.year:
            base = f"{base}-{document.year}"
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        taken.add(slug)
        document.slug = slug
        document.save(update_fields=["slug"])
    for document in OfficialDocument.objects.filter(is_published=True, first_published_at__isnull=True):
        document.first_published_at = document.updated_at
        document.save(update_fields=["first_published_at"])


class Migration(migrations.Migration):
    dependencies = [("documents", "0002_citations_and_access_to_information")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
