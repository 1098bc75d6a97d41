"""Figures across organisations: distributions only from K organisations on, with complementary
suppression (kosmos/core/domain/benchmark.py), and the setting that gives K."""

from __future__ import annotations

import runpy
import statistics
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from hypothesis import given, settings
from hypothesis import strategies as st

from kosmos.core.domain import benchmark
from kosmos.core.domain.benchmark import breakdown, distribution, shown_groups

SETTINGS_FILE = Path(__file__).resolve().parents[2] / "kosmos" / "settings.py"

values_st = st.dictionaries(
    st.integers(min_value=1, max_value=10_000),
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False),
    max_size=40,
)
k_st = st.integers(min_value=3, max_value=8)


# --------------------------------------------------------------------------- one distribution


def test_five_organisations_give_median_and_quartiles() -> None:
    result = distribution({"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}, k=5)
    assert result is not None
    assert (result.n, result.lower_quartile, result.median, result.upper_quartile) == (5, 2.0, 3.0, 4.0)
    assert result.minimum is None and result.maximum is None


def test_four_organisations_are_suppressed() -> None:
    assert distribution({"a": 1, "b": 2, "c": 3, "d": 4}, k=5) is None


def test_organisations_without_a_value_do_not_count() -> None:
    assert distribution({"a": 1, "b": 2, "c": 3, "d": 4, "e": None}, k=5) is None


def test_extremes_only_from_twice_k_organisations() -> None:
    nine = {i: float(i) for i in range(9)}
    ten = {i: float(i) for i in range(10)}
    assert distribution(nine, k=5, extremes=True).minimum is None
    result = distribution(ten, k=5, extremes=True)
    assert (result.minimum, result.maximum) == (0.0, 9.0)


@pytest.mark.parametrize("k", [0, 1, 2, -5])
def test_k_below_three_is_refused(k: int) -> None:
    with pytest.raises(ValueError, match="at least 3"):
        distribution({i: i for i in range(10)}, k=k)


def test_not_finite_values_are_refused() -> None:
    with pytest.raises(ValueError, match="finite"):
        distribution({i: float("nan") if i == 2 else i for i in range(6)}, k=5)


def test_position_of_an_own_value() -> None:
    result = distribution({i: float(i) for i in range(1, 10)}, k=5)
    assert [result.position(v) for v in (1, 5, 9)] == ["below", "middle", "above"]


@settings(max_examples=200, deadline=None)
@given(values_st, k_st, st.booleans())
def test_distribution_properties(values: dict[int, float], k: int, extremes: bool) -> None:
    result = distribution(values, k=k, extremes=extremes)
    if len(values) < k:
        assert result is None
        return
    assert result is not None
    assert result.n == len(values)
    assert result.lower_quartile <= result.median <= result.upper_quartile
    assert result.median == pytest.approx(statistics.median(values.values()))
    assert min(values.values()) <= result.lower_quartile and result.upper_quartile <= max(values.values())
    if extremes and len(values) >= 2 * k:
        assert (result.minimum, result.maximum) == (min(values.values()), max(values.values()))
    else:
        assert result.minimum is None and result.maximum is None
    # The order in which organisations come does not matter.
    assert distribution(dict(reversed(list(values.items()))), k=k, extremes=extremes) == result


# --------------------------------------------------------------------------- breakdowns


def test_the_issue_example_total_seven_ge_five_zkt_two() -> None:
    values = {i: float(i) for i in range(7)}
    group_of = {i: ("ge" if i < 5 else "zkt") for i in range(7)}
    result = breakdown(values, group_of, k=5)
    assert result.total is not None and result.total.n == 7
    assert result.groups == {"ge": None, "zkt": None}


def test_two_large_groups_are_both_shown() -> None:
    values = {i: float(i) for i in range(12)}
    group_of = {i: ("ge" if i < 6 else "zkt") for i in range(12)}
    result = breakdown(values, group_of, k=5)
    assert result.groups["ge"].n == 6 and result.groups["zkt"].n == 6
    assert result.suppressed == []


def test_organisations_without_a_group_protect_like_a_hidden_group() -> None:
    values = {i: float(i) for i in range(7)}
    group_of = {i: "ge" for i in range(5)}  # two organisations have no form
    assert breakdown(values, group_of, k=5).groups == {"ge": None}


def test_a_small_group_hides_the_smallest_other_group_only() -> None:
    sizes = {"a": 2, "b": 5, "c": 9}
    assert shown_groups(16, sizes, k=5) == {"c"}


def test_named_groups_without_organisations_are_reported_suppressed() -> None:
    values = {i: float(i) for i in range(10)}
    result = breakdown(values, dict.fromkeys(range(10), "ge"), k=5, groups=("ge", "zkt"))
    assert result.groups["ge"].n == 10 and result.groups["zkt"] is None


def test_groups_must_add_up() -> None:
    with pytest.raises(ValueError, match="add up"):
        shown_groups(10, {"a": 5}, k=5)


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(st.integers(0, 500), st.sampled_from(["ge", "zkt", "agentur", None]), max_size=40),
    k_st,
)
def test_breakdown_never_reveals_fewer_than_k(group_of: dict[int, str | None], k: int) -> None:
    values = {key: float(key) for key in group_of}
    result = breakdown(values, group_of, k=k)
    sizes: dict[str | None, int] = {}
    for name in group_of.values():
        sizes[name] = sizes.get(name, 0) + 1
    shown = {name for name, dist in result.groups.items() if dist is not None}
    # Every shown group has K organisations; what the shown groups leave of the total (the
    # suppressed groups and the organisations without a group, together) is nobody or K or more.
    assert all(sizes[name] >= k for name in shown)
    if result.total is None:
        assert not shown
        assert len(values) < k
    else:
        rest = len(values) - sum(sizes[name] for name in shown)
        assert rest == 0 or rest >= k
    # Nothing is suppressed without need: a group of K or more next to a hidden rest of K or
    # more (or none) stays shown.
    if result.total is not None and all(n >= k for name, n in sizes.items() if name is not None) and (
        sizes.get(None, 0) == 0 or sizes.get(None, 0) >= k
    ):
        assert shown == {name for name in sizes if name is not None}


# --------------------------------------------------------------------------- the setting


def _settings_with(monkeypatch: pytest.MonkeyPatch, value: str | None) -> dict[str, object]:
    monkeypatch.setenv("KOSMOS_DEBUG", "1")
    if value is None:
        monkeypatch.delenv("KOSMOS_BENCHMARK_MIN_ORGANISATIONS", raising=False)
    else:
        monkeypatch.setenv("KOSMOS_BENCHMARK_MIN_ORGANISATIONS", value)
    return runpy.run_path(str(SETTINGS_FILE))


def test_setting_defaults_to_five(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _settings_with(monkeypatch, None)["KOSMOS_BENCHMARK_MIN_ORGANISATIONS"] == 5
    assert benchmark.DEFAULT_MIN_ORGANISATIONS == 5


def test_setting_accepts_three_and_more(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _settings_with(monkeypatch, "3")["KOSMOS_BENCHMARK_MIN_ORGANISATIONS"] == 3
    assert _settings_with(monkeypatch, "8")["KOSMOS_BENCHMARK_MIN_ORGANISATIONS"] == 8


@pytest.mark.parametrize("value", ["2", "0", "fünf"])
def test_setting_below_three_fails_loudly(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    with pytest.raises(ImproperlyConfigured, match="KOSMOS_BENCHMARK_MIN_ORGANISATIONS"):
        _settings_with(monkeypatch, value)


def test_django_wrapper_reads_the_setting(settings) -> None:  # noqa: ANN001 - pytest-django fixture
    from kosmos.core import benchmarks

    values = {i: float(i) for i in range(4)}
    settings.KOSMOS_BENCHMARK_MIN_ORGANISATIONS = 5
    assert benchmarks.distribution(values) is None
    settings.KOSMOS_BENCHMARK_MIN_ORGANISATIONS = 3
    assert benchmarks.distribution(values).n == 4
    settings.KOSMOS_BENCHMARK_MIN_ORGANISATIONS = 2  # e.g. set in a test: refused all the same
    with pytest.raises(ValueError):
        benchmarks.distribution(values)
