"""The public deadline calculator (tính thời hạn): which day a request received on a given day is due."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from congtin.cases import queries
from congtin.cases.forms import DeadlineCalculatorForm
from congtin.vietnamese.dates import weekday_name


@require_GET
def deadline_calculator(request: HttpRequest) -> HttpResponse:
    if not request.GET:
        return render(request, "cases/deadline_calculator.html", {"form": DeadlineCalculatorForm()})
    form = DeadlineCalculatorForm(request.GET)
    if not form.is_valid():
        return render(request, "cases/deadline_calculator.html", {"form": form}, status=400)
    preview = queries.deadline_preview(
        case_type=form.cleaned_data["case_type"], received_on=form.cleaned_data["received_on"]
    )
    context = {
        "form": form,
        "preview": preview,
        "case_type": form.cleaned_data["case_type"],
        "due_weekday": weekday_name(preview.due_on).lower() if preview.due_on else "",
    }
    return render(request, "cases/deadline_calculator.html", context)
