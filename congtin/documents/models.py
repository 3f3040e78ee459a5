"""The official-document registry (văn bản): issuers, fields, documents, their files and relations.

A document's identity is (issuer, series, year, number), the rule of Decree 30/2020 Art. 15:
numbers restart every 1 January and are unique per issuer and per series (type code; công văn share
one series). ``year`` is the year printed in the symbol ("09/2017/NĐ-CP") when there is one, else the
year of the issue date ("2761/BNV-TC" of 09/06/2021 → 2021). Party documents are numbered per
congress term rather than per year; the year still tells two terms' "02-NQ/TW" apart in practice.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from congtin.documents.choices import (
    PARTY_TYPES_FOR_CODE,
    TYPES_FOR_ASSEMBLY,
    TYPES_FOR_CODE,
    TYPES_FOR_STANDING_COMMITTEE,
    DocumentStatus,
    DocumentType,
    OrganisationKind,
    RelationKind,
)
from congtin.documents.files import sniff_document_file, validate_document_file
from congtin.vietnamese import fold, format_date, nfc, slugify, unique_slug

if TYPE_CHECKING:
    from congtin.vietnamese.symbols import DocumentSymbol

# Decree 30/2020 cannot be older than the Party (1930); anything earlier is a typing error.
EARLIEST_DATE = dt.date(1930, 1, 1)
# Effective and expiry dates may lie ahead, but not decades ahead.
FAR_FUTURE_YEARS = 30

IDENTITY_CONSTRAINT = "documents_identity_unique"
IDENTITY_MESSAGE = _(
    "Đã có văn bản cùng cơ quan ban hành, cùng loại ký hiệu, cùng năm và cùng số trong cơ sở dữ liệu; "
    "không tạo trùng được."
)
PUBLISH_PERMISSION = "documents.publish_officialdocument"


def code_key(code: str) -> str:
    """Compare issuer codes as readers do: case and Ð/Đ look-alikes do not matter."""
    return nfc(code).replace("Ð", "Đ").upper()


class Organisation(models.Model):  # type: ignore[django-manager-missing]  # the plugin misses as_manager() FKs
    """An issuing body (cơ quan ban hành) as it was named when it issued; ``successor`` follows mergers.

    The 2025 reorganisation merged ministries (MOLISA into MOHA, MIC into MOST): a circular
    "…/TT-BTTTT" stays issued by Bộ Thông tin và Truyền thông, whose successor is Bộ Khoa học và
    Công nghệ.
    """

    abbreviation = models.CharField(
        _("tên viết tắt"),
        max_length=40,
        unique=True,
        help_text=_("Duy nhất trong danh mục, ví dụ BNV, CP, TTg, BCT (Bộ Chính trị)."),
    )
    symbol_code = models.CharField(
        _("ký hiệu trong số văn bản"),
        max_length=40,
        blank=True,
        help_text=_(
            "Ký hiệu cơ quan in trong số ký hiệu văn bản, nếu khác tên viết tắt: Bộ Chính trị và "
            "Ban Bí thư đều ký hiệu “TW”, Quốc hội ký hiệu “QH” kèm khóa."
        ),
    )
    name = models.CharField(_("tên đầy đủ"), max_length=255)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=255, blank=True)
    kind = models.CharField(_("loại cơ quan"), max_length=10, choices=OrganisationKind, default="state")
    successor = models.ForeignKey(
        "self",
        verbose_name=_("cơ quan kế thừa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
        help_text=_("Cơ quan tiếp nhận chức năng sau khi sáp nhập, hợp nhất hoặc đổi tên."),
    )
    dissolved_on = models.DateField(_("ngày thôi hoạt động"), null=True, blank=True)

    class Meta:
        verbose_name = _("cơ quan ban hành")
        verbose_name_plural = _("cơ quan ban hành")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.abbreviation})"

    @property
    def code(self) -> str:
        """The issuer code this body prints in document symbols."""
        return self.symbol_code or self.abbreviation

    def matches_code(self, code: str) -> bool:
        """Whether ``code`` from a symbol names this body ("QH13" names "QH": the term is a suffix)."""
        mine, theirs = code_key(self.code), code_key(code)
        return theirs == mine or (theirs.startswith(mine) and theirs[len(mine) :].isdigit())

    @property
    def current(self) -> Organisation:
        """The body that holds this one's functions today (itself when it was never merged)."""
        body: Organisation = self
        seen: set[int | None] = {self.pk}
        while body.successor is not None and body.successor_id not in seen:
            seen.add(body.successor_id)
            body = body.successor
        return body

    def clean(self) -> None:
        self.abbreviation = nfc(self.abbreviation.strip())
        self.symbol_code = nfc(self.symbol_code.strip())
        self.name = nfc(self.name.strip())
        body = self.successor
        seen = {self.pk} if self.pk else set()
        while body is not None:
            if body.pk in seen or body is self:
                raise ValidationError(
                    {"successor": gettext("Cơ quan kế thừa không được là chính cơ quan này (vòng lặp).")}
                )
            seen.add(body.pk)
            body = body.successor


class Field(models.Model):
    """A lĩnh vực (policy area) documents are filed under."""

    name = models.CharField(_("tên lĩnh vực"), max_length=200, unique=True)
    slug = models.SlugField(_("đường dẫn"), max_length=200, unique=True, blank=True)

    class Meta:
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        self.name = nfc(self.name.strip())
        if not self.slug:
            self.slug = slugify(self.name, max_length=200)


class OfficialDocumentQuerySet(models.QuerySet["OfficialDocument"]):
    def published(self) -> OfficialDocumentQuerySet:
        return self.filter(is_published=True)

    def in_force(self) -> OfficialDocumentQuerySet:
        return self.filter(status__in=(DocumentStatus.IN_FORCE, DocumentStatus.PARTLY_EXPIRED))


class OfficialDocument(ClusterableModel):
    """One văn bản: the metadata Decree 42/2022 Art. 4(1)(a) requires a portal to show, and more."""

    doc_type = models.CharField(_("loại văn bản"), max_length=30, choices=DocumentType)
    printed_symbol = models.CharField(
        _("số, ký hiệu"),
        max_length=100,
        help_text=_("Như in trên văn bản, ví dụ 09/2017/NĐ-CP, 2761/BNV-TC, 02-NQ/TW."),
    )
    canonical_symbol = models.CharField(
        _("số ký hiệu chuẩn hóa"), max_length=100, db_index=True, editable=False
    )
    grammar = models.CharField(_("quy tắc ký hiệu"), max_length=20, editable=False)
    number = models.CharField(_("số"), max_length=10, editable=False)
    year = models.PositiveSmallIntegerField(
        _("năm"),
        blank=True,
        help_text=_(
            "Tự điền theo số ký hiệu hoặc ngày ban hành. Chỉ ghi tay khi biết năm mà chưa rõ ngày ban hành "
            "và số ký hiệu không ghi năm."
        ),
    )
    series = models.CharField(_("loại ký hiệu"), max_length=20, editable=False)
    issuer_code = models.CharField(_("ký hiệu cơ quan"), max_length=60, editable=False)
    issuer = models.ForeignKey(
        Organisation,
        verbose_name=_("cơ quan ban hành"),
        on_delete=models.PROTECT,
        related_name="documents",
        help_text=_("Cơ quan như tại thời điểm ban hành, kể cả khi nay đã sáp nhập."),
    )
    co_issuers = models.ManyToManyField(
        Organisation,
        verbose_name=_("cơ quan cùng ban hành"),
        blank=True,
        related_name="co_issued_documents",
    )
    signer = models.CharField(_("người ký"), max_length=200, blank=True)
    signer_position = models.CharField(
        _("chức vụ người ký"), max_length=200, blank=True, help_text=_("Ví dụ: KT. Bộ trưởng, Thứ trưởng.")
    )
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    effective_on = models.DateField(_("ngày có hiệu lực"), null=True, blank=True)
    expires_on = models.DateField(_("ngày hết hiệu lực"), null=True, blank=True)
    status = models.CharField(
        _("tình trạng hiệu lực"), max_length=30, choices=DocumentStatus, default=DocumentStatus.UNKNOWN
    )
    summary = models.TextField(_("trích yếu"), blank=True)
    fields = models.ManyToManyField(Field, verbose_name=_("lĩnh vực"), blank=True, related_name="documents")
    full_text = models.TextField(_("toàn văn"), blank=True)
    search_keys = models.TextField(_("khóa tra cứu số ký hiệu"), blank=True, editable=False)
    search_text = models.TextField(_("nội dung tra cứu"), blank=True, editable=False)
    is_published = models.BooleanField(
        _("công bố"),
        default=False,
        help_text=_("Chỉ văn bản đã công bố mới hiện trên cổng và trong API."),
    )
    first_published_at = models.DateTimeField(
        _("thời điểm công khai"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Lần đầu văn bản được công bố trên cổng; ghi vào danh mục thông tin phải công khai."),
    )
    slug = models.SlugField(
        _("đường dẫn"),
        max_length=120,
        blank=True,
        db_index=True,
        editable=False,
        help_text=_("Tự tạo từ số ký hiệu: /tiep-can-thong-tin/van-ban/09-2017-nd-cp/."),
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ngày cập nhật"), auto_now=True)

    objects = OfficialDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        ordering = ["-issued_on", "-pk"]
        permissions = [("publish_officialdocument", _("Có thể công bố văn bản"))]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "series", "year", "number"],
                name=IDENTITY_CONSTRAINT,
                violation_error_message=IDENTITY_MESSAGE,
            ),
            models.CheckConstraint(
                condition=Q(effective_on__isnull=True)
                | Q(issued_on__isnull=True)
                | Q(effective_on__gte=F("issued_on")),
                name="documents_effective_after_issue",
                violation_error_message=_("Ngày có hiệu lực không được trước ngày ban hành."),
            ),
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True)
                | Q(effective_on__isnull=True)
                | Q(expires_on__gt=F("effective_on")),
                name="documents_expiry_after_effect",
                violation_error_message=_("Ngày hết hiệu lực phải sau ngày có hiệu lực."),
            ),
        ]
        indexes = [models.Index(fields=["is_published", "-issued_on"], name="documents_published_idx")]

    def __str__(self) -> str:
        label = self.get_doc_type_display()
        return f"{label} {self.canonical_symbol or self.printed_symbol}"

    # -- instance behaviour --------------------------------------------------------------------

    @property
    def is_in_force(self) -> bool:
        return self.status in (DocumentStatus.IN_FORCE, DocumentStatus.PARTLY_EXPIRED)

    @property
    def url_slug(self) -> str:
        """The last segment of the entry's public address (its id when it has no slug yet)."""
        return self.slug or str(self.pk)

    @property
    def title(self) -> str:
        """The way Decree 30/2020 cites a document: type, number and symbol, then trích yếu."""
        return f"{self} {self.summary}".strip()

    def parsed_symbol(self) -> DocumentSymbol:
        """The printed symbol read by the symbol grammar; raises ``SymbolError`` when it cannot be."""
        from congtin.vietnamese.symbols import parse_symbol

        return parse_symbol(self.printed_symbol)

    def apply_symbol(self, symbol: DocumentSymbol) -> None:
        """Set the identity and lookup fields that follow from the symbol and the issue date."""
        from congtin.vietnamese.symbols import symbol_search_keys

        self.canonical_symbol = symbol.canonical
        self.grammar = str(symbol.grammar)
        self.number = symbol.number
        self.series = symbol.series
        self.issuer_code = symbol.issuer
        year = symbol.year or (self.issued_on.year if self.issued_on else None)
        if year is not None:
            self.year = year
        keys = sorted({fold(key) for key in symbol_search_keys(symbol.canonical)} | {fold(symbol.canonical)})
        self.search_keys = "|" + "|".join(keys) + "|"

    def refresh_search_text(self) -> None:
        parts = [self.canonical_symbol, self.get_doc_type_display(), self.summary, self.signer]
        if self.issuer_id is not None:
            parts += [self.issuer.name, self.issuer.abbreviation]
        self.search_text = fold(" ".join(p for p in parts if p))

    def identity_duplicate(self) -> OfficialDocument | None:
        """Another entry with this one's (issuer, series, year, number), if there is one."""
        if self.issuer_id is None or not self.number or self.year is None:
            return None
        return (
            OfficialDocument.objects.filter(
                issuer_id=self.issuer_id, series=self.series, year=self.year, number=self.number
            )
            .exclude(pk=self.pk)
            .first()
        )

    # -- validation ----------------------------------------------------------------------------

    def clean(self) -> None:
        """Every rule an entry must meet, whoever writes it: admin form, service or import.

        Also derives the identity fields from the printed symbol, so the admin form and the
        services store the same thing.
        """
        from congtin.vietnamese.symbols import SymbolError

        errors: dict[str, list[str]] = {}

        def error(field: str, message: str) -> None:
            errors.setdefault(field, []).append(message)

        self.printed_symbol = nfc(self.printed_symbol.strip())
        self.summary = nfc(self.summary.strip())
        self.signer = nfc(self.signer.strip())
        self.signer_position = nfc(self.signer_position.strip())
        symbol = None
        try:
            symbol = self.parsed_symbol()
        except SymbolError as exc:
            error(
                "printed_symbol",
                gettext("Số ký hiệu “%(symbol)s” không đọc được: %(reason)s")
                % {"symbol": self.printed_symbol, "reason": exc},
            )
        if symbol is not None:
            self.apply_symbol(symbol)
            self._check_symbol(symbol, error)
        self._check_dates(error)
        # Decree 42/2022 lists the date among what a portal shows, but a Party guidance known only by
        # its year still deserves a page: the date is left empty rather than invented.
        if self.is_published and not self.summary:
            error("summary", gettext("Văn bản công bố phải có trích yếu."))
        if symbol is not None and not errors:
            duplicate = self.identity_duplicate()
            if duplicate is not None:
                error(
                    "printed_symbol",
                    gettext(
                        "Đã có văn bản số %(symbol)s của %(issuer)s năm %(year)s trong cơ sở dữ liệu "
                        "(%(existing)s); không tạo trùng được."
                    )
                    % {
                        "symbol": duplicate.canonical_symbol,
                        "issuer": duplicate.issuer.name,
                        "year": duplicate.year,
                        "existing": duplicate.title,
                    },
                )
        if not errors and self.issuer_id is not None:
            self.refresh_search_text()
        if not errors and symbol is not None:
            self.slug = self._unique_slug(document_slug(symbol.canonical, None if symbol.year else self.year))
        if self.is_published and self.first_published_at is None:
            self.first_published_at = timezone.now()
        if errors:
            raise ValidationError(errors)

    def _unique_slug(self, base: str) -> str:
        """``base``, or ``base-2``… when another entry holds it; a slug already derived from ``base`` stays."""
        if self.slug == base or re.fullmatch(re.escape(base) + r"-[0-9]+", self.slug or ""):
            return self.slug
        others = OfficialDocument.objects.exclude(pk=self.pk)
        return unique_slug(base, lambda slug: others.filter(slug=slug).exists(), max_length=120)

    def _check_symbol(self, symbol: DocumentSymbol, error: Any) -> None:
        if symbol.year is None and self.issued_on is None and self.year is None:
            error(
                "issued_on",
                gettext(
                    "Số ký hiệu %(symbol)s không ghi năm: cần ngày ban hành (hoặc ít nhất năm ban hành) "
                    "để xác định văn bản, vì số văn bản bắt đầu lại từ 01 mỗi năm."
                )
                % {"symbol": symbol.canonical},
            )
        if self.year is not None and not EARLIEST_DATE.year <= self.year <= timezone.localdate().year:
            error(
                "year",
                gettext("Năm %(year)s không hợp lệ: phải từ %(first)s đến năm nay.")
                % {"year": self.year, "first": EARLIEST_DATE.year},
            )
        if symbol.year is not None and self.issued_on is not None and symbol.year != self.issued_on.year:
            error(
                "issued_on",
                gettext("Năm trong số ký hiệu (%(year)s) khác năm ban hành (%(date)s).")
                % {"year": symbol.year, "date": format_date(self.issued_on)},
            )
        allowed = allowed_types(symbol)
        if self.doc_type and allowed and self.doc_type not in allowed:
            error(
                "doc_type",
                gettext("Ký hiệu %(symbol)s là của %(allowed)s, không phải %(type)s.")
                % {
                    "symbol": symbol.canonical,
                    "allowed": ", ".join(str(DocumentType(t).label) for t in allowed),
                    "type": self.get_doc_type_display(),
                },
            )
        # A joint document ("55/2005/TTLT-BNV-VPCP") is filed under the first issuer it names.
        if self.issuer_id is not None and not self.issuer.matches_code(symbol.issuers[0]):
            error(
                "issuer",
                gettext(
                    "Cơ quan ban hành %(issuer)s (ký hiệu %(code)s) không khớp ký hiệu %(symbol_code)s "
                    "trong số %(symbol)s."
                )
                % {
                    "issuer": self.issuer.name,
                    "code": self.issuer.code,
                    "symbol_code": symbol.issuers[0],
                    "symbol": symbol.canonical,
                },
            )

    def _check_dates(self, error: Any) -> None:
        today = timezone.localdate()
        far = today.replace(year=today.year + FAR_FUTURE_YEARS, day=min(today.day, 28))
        labels = {
            "issued_on": gettext("Ngày ban hành"),
            "effective_on": gettext("Ngày có hiệu lực"),
            "expires_on": gettext("Ngày hết hiệu lực"),
        }
        for name, label in labels.items():
            value = getattr(self, name)
            if value is not None and value < EARLIEST_DATE:
                error(
                    name,
                    gettext("%(label)s %(date)s trước năm %(year)s: không thể có.")
                    % {"label": label, "date": format_date(value), "year": EARLIEST_DATE.year},
                )
            if value is not None and value > far:
                error(
                    name,
                    gettext("%(label)s %(date)s quá xa trong tương lai.")
                    % {"label": label, "date": format_date(value)},
                )
        if self.issued_on is not None and self.issued_on > today:
            error(
                "issued_on",
                gettext("Ngày ban hành %(date)s chưa tới.") % {"date": format_date(self.issued_on)},
            )
        if self.issued_on and self.effective_on and self.effective_on < self.issued_on:
            error(
                "effective_on",
                gettext("Ngày có hiệu lực (%(effective)s) không được trước ngày ban hành (%(issued)s).")
                % {"effective": format_date(self.effective_on), "issued": format_date(self.issued_on)},
            )
        if self.effective_on and self.expires_on and self.expires_on <= self.effective_on:
            error(
                "expires_on",
                gettext("Ngày hết hiệu lực (%(expires)s) phải sau ngày có hiệu lực (%(effective)s).")
                % {"expires": format_date(self.expires_on), "effective": format_date(self.effective_on)},
            )
        if self.issued_on and self.expires_on and self.expires_on <= self.issued_on:
            error(
                "expires_on",
                gettext("Ngày hết hiệu lực (%(expires)s) phải sau ngày ban hành (%(issued)s).")
                % {"expires": format_date(self.expires_on), "issued": format_date(self.issued_on)},
            )


def document_slug(canonical: str, year: int | None) -> str:
    """The address of an entry: its symbol as a slug, with the year when the symbol prints none.

    "09/2017/NĐ-CP" → ``09-2017-nd-cp``; "2761/BNV-TC" of 2021 → ``2761-bnv-tc-2021``, since a number
    without a year comes back every year.
    """
    base = slugify(canonical, max_length=100) or "van-ban"
    return f"{base}-{year}" if year else base


def allowed_types(symbol: DocumentSymbol) -> tuple[DocumentType, ...]:
    """The document types the symbol's type code admits; empty when the code does not decide."""
    from congtin.vietnamese.symbols import Grammar

    if symbol.type_code:
        table = PARTY_TYPES_FOR_CODE if symbol.grammar == Grammar.PARTY else TYPES_FOR_CODE
        return table.get(code_key(symbol.type_code), ())
    if symbol.series == "UBTVQH":
        return TYPES_FOR_STANDING_COMMITTEE
    if symbol.series == "QH":
        return TYPES_FOR_ASSEMBLY
    if symbol.unit:
        return (DocumentType.CONG_VAN,)
    # An old symbol printing the issuer alone ("12/CP") was used for decrees and công văn alike.
    return ()


def attachment_upload_to(instance: DocumentAttachment, filename: str) -> str:
    # The stored name never comes from the uploader: the extension follows the sniffed type.
    extension = "docx" if instance.content_type.endswith("document") else "pdf"
    today = timezone.localdate()
    stem = slugify(instance.title or "tep-van-ban", max_length=60) or "tep-van-ban"
    return f"van-ban/{today:%Y/%m}/{stem}.{extension}"


class DocumentAttachment(Orderable):
    """A PDF or DOCX file of a document; its type is read from its bytes, never from its name."""

    document = ParentalKey(
        OfficialDocument, verbose_name=_("văn bản"), on_delete=models.CASCADE, related_name="attachments"
    )
    title = models.CharField(_("tên tệp"), max_length=255, help_text=_("Ví dụ: Toàn văn, Phụ lục I."))
    file = models.FileField(_("tệp"), upload_to=attachment_upload_to, validators=[validate_document_file])
    content_type = models.CharField(_("định dạng"), max_length=100, editable=False)
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"), default=0, editable=False)

    panels = [FieldPanel("title"), FieldPanel("file")]

    class Meta(Orderable.Meta):
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")

    def __str__(self) -> str:
        return self.title

    @property
    def extension(self) -> str:
        return "docx" if self.content_type.endswith("document") else "pdf"

    @property
    def download_name(self) -> str:
        symbol = slugify(self.document.canonical_symbol or "van-ban", max_length=60)
        stem = slugify(self.title, max_length=60)
        return f"{symbol}-{stem}.{self.extension}" if stem else f"{symbol}.{self.extension}"

    def clean(self) -> None:
        self.title = nfc(self.title.strip())
        if not self.file:
            return
        try:
            sniffed = sniff_document_file(self.file)
        except ValidationError:
            # The field validator reports it; without a type the file cannot be stored anyway.
            return
        self.content_type = sniffed.content_type
        self.size = sniffed.size


class DocumentRelation(models.Model):
    """One directed relation: ``source`` <kind> ``target`` ("13/2018/NĐ-CP quy định chi tiết 104/2016/QH13").

    A document's page lists both directions from these rows: its outgoing rows with the kind's
    forward label and the rows pointing at it with the inverse label (see ``choices.RELATION_LABELS``).
    """

    source = ParentalKey(
        OfficialDocument,
        verbose_name=_("văn bản tác động"),
        on_delete=models.CASCADE,
        related_name="relations_out",
    )
    kind = models.CharField(_("quan hệ"), max_length=30, choices=RelationKind)
    target = models.ForeignKey(
        OfficialDocument,
        verbose_name=_("văn bản được tác động"),
        on_delete=models.CASCADE,
        related_name="relations_in",
    )
    note = models.CharField(
        _("ghi chú"), max_length=255, blank=True, help_text=_("Ví dụ: sửa đổi Điều 5, bãi bỏ khoản 2 Điều 7.")
    )

    class Meta:
        verbose_name = _("quan hệ văn bản")
        verbose_name_plural = _("quan hệ văn bản")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target", "kind"],
                name="documents_relation_unique",
                violation_error_message=_("Quan hệ này giữa hai văn bản đã có."),
            ),
            models.CheckConstraint(
                condition=~Q(source=F("target")),
                name="documents_relation_not_self",
                violation_error_message=_("Văn bản không thể có quan hệ với chính nó."),
            ),
        ]

    panels = [FieldPanel("kind"), FieldPanel("target"), FieldPanel("note")]

    def __str__(self) -> str:
        return f"{self.source} {self.get_kind_display()} {self.target}"

    def clean(self) -> None:
        source: OfficialDocument | None = getattr(self, "source", None)
        if self.target_id is None or source is None:
            return
        target = self.target
        if source.pk is not None and source.pk == target.pk:
            raise ValidationError({"target": gettext("Văn bản không thể có quan hệ với chính nó.")})
        if source.issued_on and target.issued_on and source.issued_on < target.issued_on:
            raise ValidationError(
                {
                    "target": gettext(
                        "%(source)s (ngày %(source_date)s) ban hành trước %(target)s (ngày %(target_date)s) "
                        "nên không thể %(kind)s văn bản đó."
                    )
                    % {
                        "source": source,
                        "source_date": format_date(source.issued_on),
                        "target": target,
                        "target_date": format_date(target.issued_on),
                        "kind": self.get_kind_display(),
                    }
                }
            )


class DocumentCitation(models.Model):
    """One citation of a document in published content: where it is, what it names, what it resolves to.

    Written by ``services.citations_index`` when an article is published or an entry is saved, and
    cleared when the article is unpublished, so public pages read links instead of finding them.
    The source is either a page (an article) or a registry entry (its full text). ``start``/``end`` are
    offsets into the passage at ``location`` as it was stored when indexed (``source_hash``); they are
    empty when the citation cannot carry a link of its own (inside an existing link, across a tag).
    """

    source_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("trang trích dẫn"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    source_document = models.ForeignKey(
        OfficialDocument,
        verbose_name=_("văn bản trích dẫn"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="citations_made",
    )
    location = models.CharField(_("vị trí"), max_length=200)
    source_hash = models.CharField(_("dấu vân nội dung"), max_length=32)
    position = models.PositiveIntegerField(_("thứ tự"), default=0)
    start = models.PositiveIntegerField(_("bắt đầu"), null=True, blank=True)
    end = models.PositiveIntegerField(_("kết thúc"), null=True, blank=True)
    printed = models.CharField(_("số ký hiệu như in"), max_length=200)
    canonical = models.CharField(_("số ký hiệu chuẩn hóa"), max_length=100, db_index=True)
    type_name = models.CharField(_("loại văn bản theo trích dẫn"), max_length=100, blank=True)
    issued_on = models.DateField(_("ngày ban hành theo trích dẫn"), null=True, blank=True)
    document = models.ForeignKey(
        OfficialDocument,
        verbose_name=_("văn bản được trích dẫn"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="citations",
    )

    class Meta:
        verbose_name = _("trích dẫn văn bản")
        verbose_name_plural = _("trích dẫn văn bản")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(source_page__isnull=False, source_document__isnull=True)
                | Q(source_page__isnull=True, source_document__isnull=False),
                name="documents_citation_one_source",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.location}: {self.printed}"

    @property
    def linkable(self) -> bool:
        return self.start is not None and self.end is not None


# The page type lives in its own module; importing it here registers it with the app.
from congtin.documents.pages import AccessToInformationPage  # noqa: E402, F401
