from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    JOBCENTER = "jobcenter", _("Jobcenter")
    AGENCY = "agency", _("Employment agency")
    PROGRAMME_OFFICE = "programme_office", _("Programme office")


class OrganisationForm(models.TextChoices):
    GE = "ge", _("Joint institution (gE)")
    ZKT = "zkt", _("Licensed municipal provider (zkT)")


class FederalState(models.TextChoices):
    BW = "BW", "Baden-Württemberg"
    BY = "BY", "Bayern"
    BE = "BE", "Berlin"
    BB = "BB", "Brandenburg"
    HB = "HB", "Bremen"
    HH = "HH", "Hamburg"
    HE = "HE", "Hessen"
    MV = "MV", "Mecklenburg-Vorpommern"
    NI = "NI", "Niedersachsen"
    NW = "NW", "Nordrhein-Westfalen"
    RP = "RP", "Rheinland-Pfalz"
    SL = "SL", "Saarland"
    SN = "SN", "Sachsen"
    ST = "ST", "Sachsen-Anhalt"
    SH = "SH", "Schleswig-Holstein"
    TH = "TH", "Thüringen"


class Organisation(models.Model):
    """A Jobcenter, an employment agency or the programme office: the tenant."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    form = models.CharField(_("form of organisation"), max_length=3, choices=OrganisationForm.choices, blank=True)
    state = models.CharField(_("federal state"), max_length=2, choices=FederalState.choices, blank=True)
    staff_count = models.PositiveIntegerField(_("number of staff"), null=True, blank=True)
    bg_count = models.PositiveIntegerField(_("number of benefit communities"), null=True, blank=True)
    unemployment_rate = models.DecimalField(
        _("unemployment rate (%)"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    unemployment_month = models.DateField(_("month of the unemployment rate"), null=True, blank=True)
    region_description = models.TextField(_("region and labour market"), blank=True)
    project_topic = models.CharField(_("project topic"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="jobcenter") | models.Q(form=""),
                name="organisation_form_only_for_jobcenters",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_jobcenter(self) -> bool:
        return self.kind == OrganisationKind.JOBCENTER

    @property
    def serves_customers(self) -> bool:
        """Jobcenters and Agenturen have offices and a labour market; the programme office has neither."""
        return self.kind in (OrganisationKind.JOBCENTER, OrganisationKind.AGENCY)


class Office(models.Model):
    """A Geschäftsstelle (branch office) of an organisation."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="offices")
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["name"]
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="office_unique_name")]

    def __str__(self) -> str:
        return self.name
