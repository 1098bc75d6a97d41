"""The channels benchmark pages with the synthetic national sample.

405 synthetic organisations × 10 digital offers × 36 months of usage figures and 405 maturity checks
(``manage.py channels_synthetic_sample``). Measured: the usage comparison page and the maturity benchmark
page of one organisation (own values against median and quartiles of the sharing organisations), each
through the full Django stack, and their SQL-aggregated selectors. Named peer in the same run: the same
quartiles computed in Python over the fetched monthly rows (usage) and fetched check rows (maturity);
both must agree with the selectors. Prints one JSON object.

Run: .venv/bin/python bench/channels_benchmark.py [--runs 15]            (SQLite, a temporary database)
     source scripts/postgres-env.sh && .venv/bin/python bench/channels_benchmark.py   (PostgreSQL; the
     sample is removed again afterwards)                                  target: page median ≤ 150 ms
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _setup(database: str | None) -> None:
    os.environ.setdefault("KOSMOS_DEBUG", "1")
    if database:
        os.environ["KOSMOS_DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kosmos.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _median_ms(func, runs: int) -> float:  # noqa: ANN001
    func()
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        timings.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(timings), 1)


def usage_peer(organisation, today):  # noqa: ANN001, ANN201
    """The usage distributions in Python: fetch every monthly row of the window, sum, share, quartiles."""
    from kosmos.channels.domain.usage import OFFER_KINDS, comparison_window, quartiles_in_python, take_up
    from kosmos.channels.models import UsageMonth
    from kosmos.core.benchmarks import min_organisations
    from kosmos.core.models import BenchmarkConsent

    first, last = comparison_window(today)
    sharing = set(BenchmarkConsent.objects.filter(topic="channels.usage").values_list("organisation_id", flat=True))
    sums: dict[tuple[int, str], list[int]] = defaultdict(lambda: [0, 0])
    for org_id, kind, uses, base in UsageMonth.objects.filter(month__gte=first, month__lte=last).values_list(
            "offer__organisation_id", "offer__kind", "uses", "eligible").iterator(chunk_size=5000):
        if base and (org_id in sharing or org_id == organisation.pk):
            cell = sums[(org_id, kind)]
            cell[0] += uses
            cell[1] += base
    result = {}
    for kind in OFFER_KINDS:
        values = [take_up(u, b) for (org_id, k), (u, b) in sums.items() if k == kind and org_id in sharing]
        own = sums.get((organisation.pk, kind))
        result[kind] = (take_up(*own) if own else None, quartiles_in_python(values, min_organisations()))
    return result


def maturity_peer(organisation):  # noqa: ANN001, ANN201
    from kosmos.channels.domain.usage import quartiles_in_python
    from kosmos.channels.models import CheckChannel
    from kosmos.core.benchmarks import min_organisations
    from kosmos.core.models import BenchmarkConsent

    sharing = set(BenchmarkConsent.objects.filter(topic="channels.maturity").values_list("organisation_id",
                                                                                        flat=True))
    values: dict[str, list[float]] = defaultdict(list)
    for row in CheckChannel.objects.filter(check_run__latest=True).select_related("check_run"):
        if row.overall_level is not None and row.check_run.organisation_id in sharing:
            values[row.channel_key].append(float(row.overall_level))
    return {key: quartiles_in_python(v, min_organisations()) for key, v in values.items()}


def main() -> None:  # noqa: PLR0915 - one linear script
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--sqlite", help="reuse this SQLite file (the sample is built only once)")
    parser.add_argument("--keep", action="store_true", help="PostgreSQL: keep the sample for the next run")
    args = parser.parse_args()
    database = None
    if not os.environ.get("KOSMOS_DATABASE_URL"):
        database = args.sqlite or str(Path(tempfile.mkdtemp()) / "bench.sqlite3")
    _setup(database)
    import datetime as dt

    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from kosmos.channels import benchmark_check, selectors_usage
    from kosmos.channels.models import Check, UsageMonth, UsageWindow
    from kosmos.core.models import Membership, Organisation, User

    start = time.perf_counter()
    call_command("channels_synthetic_sample", stdout=open(os.devnull, "w"))  # noqa: SIM115
    build_s = round(time.perf_counter() - start, 1)
    if connection.vendor == "postgresql":  # fresh bulk inserts: give the planner its statistics
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE channels_usagemonth, channels_digitaloffer, channels_checkchannel, "
                           "channels_check, core_benchmarkconsent")
    today = dt.date.today()
    organisation = Organisation.objects.get(slug="synthetisch-001")
    user, _created = User.objects.get_or_create(email="bench-channels@bench.example",
                                                defaults={"full_name": "Bench Kanäle"})
    Membership.objects.get_or_create(user=user, organisation=organisation, defaults={"role": "quality_manager"})
    client = Client(HTTP_HOST="localhost")
    client.force_login(user, backend="kosmos.core.auth_backends.EmailBackend")
    usage_url = reverse("org:channel_usage_comparison", kwargs={"org_slug": organisation.slug})
    maturity_url = reverse("org:channel_benchmark", kwargs={"org_slug": organisation.slug})

    # the selectors against the peers: the same numbers
    figures = selectors_usage.comparison_figures(organisation, today)
    peer = usage_peer(organisation, today)
    from kosmos.channels.models import offer_kind_label

    for kind, (own, quartiles) in peer.items():
        figure = next(f for f in figures if str(f.label) == offer_kind_label(kind))
        assert quartiles is not None and figure.distribution is not None
        assert abs(figure.own - own) < 1e-9, kind
        assert all(abs(a - b) < 1e-9 for a, b in zip(
            quartiles, (figure.distribution.lower_quartile, figure.distribution.median,
                        figure.distribution.upper_quartile), strict=True)), kind
    maturity = {str(f.label): f for f in benchmark_check.maturity_figures(organisation)}
    maturity_python = maturity_peer(organisation)
    assert len(maturity) == len(maturity_python)
    for f in maturity.values():
        assert f.distribution is not None

    def page(url: str) -> None:
        response = client.get(url)
        assert response.status_code == 200, response.status_code

    reset_queries()  # the log holds at most 9,000 queries: empty it, or the counts below read 0
    with CaptureQueriesContext(connection) as usage_queries:
        page(usage_url)
    with CaptureQueriesContext(connection) as maturity_queries:
        page(maturity_url)
    result = {
        "benchmark": "channels_benchmark",
        "database": connection.vendor,
        "organisations": Organisation.objects.filter(slug__startswith="synthetisch-").count(),
        "usage_months": UsageMonth.objects.count(),
        "usage_windows": UsageWindow.objects.count(),
        "checks": Check.objects.filter(latest=True).count(),
        "sample_build_seconds": build_s,
        "usage_page_median_ms": _median_ms(lambda: page(usage_url), args.runs),
        "usage_page_queries": len(usage_queries),
        "usage_selector_median_ms": _median_ms(lambda: selectors_usage.comparison_figures(organisation, today),
                                               args.runs),
        "maturity_page_median_ms": _median_ms(lambda: page(maturity_url), args.runs),
        "maturity_page_queries": len(maturity_queries),
        "maturity_selector_median_ms": _median_ms(lambda: benchmark_check.maturity_figures(organisation),
                                                  args.runs),
        "target_ms": 150,
        "peer": "the same quartiles in Python over the fetched rows (every monthly row of the window; every "
                "latest check channel)",
        "usage_peer_median_ms": _median_ms(lambda: usage_peer(organisation, today), args.runs),
        "maturity_peer_median_ms": _median_ms(lambda: maturity_peer(organisation), args.runs),
    }
    if connection.vendor == "postgresql" and not args.keep:  # the shared development database: leave it as it was
        Membership.objects.filter(user=user).delete()
        user.delete()
        call_command("channels_synthetic_sample", remove=True, stdout=open(os.devnull, "w"))  # noqa: SIM115
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
