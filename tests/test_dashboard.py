"""The engagement dashboard: the pure model, the widget driven by every selector, bad input."""

from __future__ import annotations

import datetime as dt
import html
import math

import numpy as np
import openpyxl
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from labkit import charts, data, schema, workspace
from labkit.dashboard import ALL, DashboardModel, median_ci
from labkit.errors import LabkitError
from labkit.widgets.dashboard import Dashboard


@pytest.fixture(scope="module")
def tables():
    names = ("posts", "accounts", "followers", "agencies")
    return {n: data.load(n, source=data.BUNDLED) for n in names}


@pytest.fixture(scope="module")
def base_model(tables):
    """The bundled posts prepared once; tests take copies."""
    return DashboardModel(tables["posts"], tables["accounts"], tables["followers"],
                          tables["agencies"])  # fmt: skip


def _model(base: DashboardModel, **filters) -> DashboardModel:
    return base.copy(**filters)


def _local_days(tables) -> pd.DataFrame:
    """Independent reference: every post with its agency and local day."""
    posts, accounts = tables["posts"], tables["accounts"]
    merged = posts.merge(accounts[["platform", "account", "agency_id", "tz"]],
                         on=["platform", "account"], how="left")  # fmt: skip
    local = pd.Series(index=merged.index, dtype="datetime64[ns]")
    for tz, idx in merged.groupby("tz", observed=True).groups.items():
        zone = schema.TIMEZONES[str(tz)]
        local.loc[idx] = merged.loc[idx, "published_at"].dt.tz_convert(zone).dt.tz_localize(None)
    merged["day"] = local.dt.normalize()
    merged["hour"] = local.dt.hour
    merged["key"] = merged["platform"].astype(str) + "/" + merged["account"].astype(str)
    return merged


# ---------------------------------------------------------------- statistics


def _coverage(n: int, j: int, k: int) -> float:
    """Exact coverage of (x_j, x_k) for the median (binomial ranks)."""
    return sum(math.comb(n, i) for i in range(j, k)) / 2**n


@pytest.mark.parametrize("n", [6, 10, 25, 100, 401])
def test_median_interval_covers_at_least_95_percent(n):
    values = pd.Series(np.arange(1, n + 1, dtype=float))
    row = median_ci(values).iloc[0]
    assert row["median"] == values.median() and row["n"] == n
    j, k = int(row["lower"]), int(row["upper"])  # the values are their ranks
    assert 1 <= j < k <= n
    assert _coverage(n, j, k) >= 0.94


def test_median_interval_by_hand_and_per_group():
    values = pd.Series([5.0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 100, np.nan, np.inf])
    groups = pd.Series(["a"] * 10 + ["b"] * 3)
    out = median_ci(values, groups)
    assert out.loc["a", "median"] == 5.5
    assert (out.loc["a", "lower"], out.loc["a", "upper"]) == (2.0, 9.0)  # x(2), x(9) for n = 10
    assert out.loc["b", "n"] == 1  # missing and infinite values are not counted
    assert np.isnan(out.loc["b", "lower"])  # below 6 values: no interval
    shuffled = median_ci(
        values.sample(frac=1, random_state=1), groups.sample(frac=1, random_state=1)
    )
    assert out.equals(shuffled)  # order of rows does not matter


# ---------------------------------------------------------------- the model


def test_default_view_compares_accounts_by_er_per_follower(tables, base_model):
    model = _model(base_model)
    assert model.copy(agency="AG01").filters["agency"] == "AG01"
    assert model.filters["agency"] == ALL  # a copy does not change the original
    view = model.view
    assert view.filters["denominator"] == "followers" and view.filters["breakdown"] == "account"
    assert view.posts == len(tables["posts"])
    assert len(view.table) == len(tables["accounts"])
    assert view.table["posts"].sum() == view.posts
    assert (view.table["n"] <= view.table["posts"]).all()
    assert view.percent and view.table.attrs["denominator"] == "followers"
    assert np.isfinite(view.table["median"]).all()
    assert (view.table["lower"].fillna(-1) <= view.table["median"]).all()
    assert "interaksi per pengikut" in view.title


def test_zero_denominator_is_missing_never_infinite(tables):
    posts = tables["posts"].head(50).copy()
    posts["reach"] = posts["reach"].astype("Int64")
    posts.loc[posts.index[:10], "reach"] = 0
    model = DashboardModel(posts, tables["accounts"], None, denominator="reach",
                           breakdown="platform")  # fmt: skip
    assert np.isfinite(model.view.table["median"]).all()
    have = (posts["reach"] > 0).fillna(False).sum()
    assert model.view.n == have


def test_without_followers_the_view_names_the_denominators_that_work(tables):
    posts = tables["posts"][tables["posts"]["platform"] == "instagram"]
    model = DashboardModel(posts, tables["accounts"].drop(columns="followers"))  # no counts
    assert model.filters["denominator"] == "reach"  # the default moves to what works
    view = model.set(denominator="followers")
    assert view.table.empty and view.n == 0
    assert "Penyebut 'pengikut' tidak tersedia" in view.message
    assert "jangkauan" in view.message and "tayangan" in view.message
    assert "impresi" not in view.message.split("bisa:")[1]  # Instagram reports no impressions
    assert view.figure().axes[0].texts[0].get_text() == view.message


def test_a_date_range_without_posts_is_an_empty_view_with_a_message(tables, base_model):
    model = _model(base_model, account="x/kanwilpwcempaka")  # dormant at the end
    view = model.set(start=model.last_day - dt.timedelta(days=5))
    assert view.posts == 0 and view.table.empty
    assert "Tidak ada unggahan untuk pilihan ini" in view.message
    assert view.export_xlsx().exists()  # an empty view still exports


def test_without_a_series_followers_are_the_end_of_period_count_and_the_chart_says_so(tables):
    posts = tables["posts"][tables["posts"]["platform"] == "youtube"]
    view = DashboardModel(posts, tables["accounts"]).view
    assert view.filters["denominator"] == "followers" and view.n == len(posts)
    assert "jumlah akhir periode" in view.subtitle


def test_single_post_account_is_low_n(tables):
    posts = tables["posts"].head(1)
    view = DashboardModel(posts, tables["accounts"], tables["followers"]).view
    assert len(view.table) == 1 and view.table["n"].iloc[0] == 1
    assert bool(view.table["low_n"].iloc[0]) and np.isnan(view.table["lower"].iloc[0])


@pytest.mark.parametrize(
    ("change", "listed"),
    [
        ({"metric": "retweets"}, "engagements, likes, comments, shares, saves"),
        ({"denominator": "fans"}, "followers, reach, impressions, views, none"),
        ({"breakdown": "kota"}, "account, platform, agency, content_type, weekday"),
        ({"agency": "AG99"}, "AG01"),
        ({"colour": "red"}, "agency, platform, account, start, end, metric"),
    ],
)
def test_unknown_names_list_the_valid_ones(tables, base_model, change, listed):
    model = _model(base_model)
    before = model.filters
    with pytest.raises(LabkitError, match=listed):
        model.set(**change)
    assert model.filters == before  # a rejected change leaves the filters as they were


def test_topic_breakdown_needs_tagged_posts(tables, base_model):
    model = _model(base_model)
    with pytest.raises(LabkitError, match="tag_topics"):
        model.set(breakdown="topic")
    posts = tables["posts"].head(200).assign(topic=["layanan", "kegiatan"] * 100)
    tagged = DashboardModel(posts, tables["accounts"], breakdown="topic", denominator="none")
    assert set(tagged.view.table["group"]) == {"layanan", "kegiatan"}


def test_bad_dates_are_clear_errors(tables, base_model):
    model = _model(base_model)
    with pytest.raises(LabkitError, match="TTTT-BB-HH"):
        model.set(start="kemarin")
    with pytest.raises(LabkitError, match="Tukar keduanya"):
        model.set(start="2026-05-01", end="2026-04-01")


# ---------------------------------------------------------------- the widget, every selector


def test_every_selector_changes_chart_table_and_n_consistently(tables, base_model):
    ref = _local_days(tables)
    dash = Dashboard(_model(base_model))
    c = dash.controls
    assert set(c) == {"agency", "platform", "account", "start", "end", "metric", "denominator",
                      "breakdown"}  # fmt: skip

    def consistent(expected_posts: int) -> None:
        view = dash.view
        assert view.posts == expected_posts
        assert dash.table["posts"].sum() == expected_posts
        assert dash.table is view.table
        bars = dash.figure.axes[0].patches
        if view.kind == "bar":
            widths = [b.get_width() for b in bars[: len(view.chart_data)]]
            assert widths == pytest.approx(view.chart_data["median"].fillna(0).tolist())
        assert dash._table.value.count("<tr class=") == len(view.table)

    png = dash._chart.value
    # agency
    c["agency"].value = "AG05"
    agency_posts = ref[ref["agency_id"] == "AG05"]
    consistent(len(agency_posts))
    assert set(dash.table["group"]) == set(agency_posts["key"])
    assert dash._chart.value != png
    assert [v for _, v in c["platform"].options][1:] == [
        p for p in schema.PLATFORMS if p in set(agency_posts["platform"].astype(str))
    ]
    # platform
    c["platform"].value = "instagram"
    ig = agency_posts[agency_posts["platform"] == "instagram"]
    consistent(len(ig))
    assert all(g.startswith("instagram/") for g in dash.table["group"])
    assert [v for _, v in c["account"].options][1:] == sorted(set(ig["key"]))
    # account
    account = sorted(set(ig["key"]))[0]
    c["account"].value = account
    one = ig[ig["key"] == account]
    consistent(len(one))
    assert dash.table["group"].tolist() == [account]
    # breakdown: weekday and hour (heat map), with low-n cells
    c["breakdown"].value = "weekday_hour"
    consistent(len(one))
    assert (
        dash.view.kind == "heatmap"
        and len(dash.table) == one.groupby([one["day"].dt.day_of_week, "hour"]).ngroups
    )
    low = dash.table[dash.table["low_n"]]
    assert len(low) > 0 and (low["n"] < dash.model.min_n).all()
    assert (dash.table.loc[~dash.table["low_n"], "n"] >= dash.model.min_n).all()
    (grey,) = [c for c in dash.figure.axes[0].collections if c.get_hatch() == charts.LOW_N_HATCH]
    assert len(grey.get_paths()) == len(low)
    assert to_hex(grey.get_facecolor()[0]).upper() == charts.LOW_N_COLOR
    assert dash._table.value.count('class="low-n"') == len(low)
    assert "jangan dibandingkan" in dash._table.value
    # breakdown: weekday (bars)
    c["breakdown"].value = "weekday"
    consistent(len(one))
    by_day = one.groupby(one["day"].dt.day_of_week).size()
    assert dash.table.set_index("key")["posts"].sort_index().tolist() == by_day.tolist()
    lows = dash.table["low_n"].to_numpy()
    bars = dash.figure.axes[0].patches[: len(dash.table)]
    assert [to_hex(b.get_facecolor()).upper() == charts.LOW_N_COLOR for b in bars] == list(lows)
    # date range: start, then end
    start, end = dt.date(2026, 3, 1), dt.date(2026, 5, 31)
    c["start"].value = start
    consistent(int((one["day"] >= pd.Timestamp(start)).sum()))
    c["end"].value = end
    in_range = one[(one["day"] >= pd.Timestamp(start)) & (one["day"] <= pd.Timestamp(end))]
    consistent(len(in_range))
    assert dash.filters["start"] == start and dash.filters["end"] == end
    # metric: likes are part of engagements, so every median is at most the engagement one
    er = dash.table.set_index("group")["median"]
    c["metric"].value = "likes"
    consistent(len(in_range))
    likes = dash.table.set_index("group")["median"]
    assert (likes <= er.reindex(likes.index) + 1e-9).all() and (likes < er).any()
    # denominator: none gives the raw median of likes per weekday, checked by hand
    c["denominator"].value = "none"
    consistent(len(in_range))
    by_hand = in_range.groupby(in_range["day"].dt.day_of_week)["likes"].median()
    got = dash.table.set_index("key")["median"].sort_index()
    assert got.tolist() == pytest.approx(by_hand.astype(float).tolist())
    assert dash.table["n"].sum() == in_range["likes"].notna().sum()
    assert not dash.view.percent and "suka per unggahan" in dash.view.title
    c["denominator"].value = "reach"
    consistent(len(in_range))
    assert dash.table["n"].sum() == ((in_range["reach"] > 0) & in_range["likes"].notna()).sum()
    # changing the agency resets platform and account it no longer has
    c["agency"].value = "AG11"  # BPBD: no TikTok, and not this account
    assert dash.filters["account"] == ALL and c["account"].value == ALL
    assert dash.filters["platform"] == "instagram"  # AG11 is on Instagram too
    assert dash.last_update_seconds > 0


def test_widget_shows_an_error_and_keeps_the_view(tables, base_model):
    dash = Dashboard(_model(base_model))
    before = dash.table
    dash.controls["start"].value = dt.date(2026, 9, 30)
    dash.controls["end"].value = dt.date(2026, 1, 1)
    assert "Tukar keduanya" in dash._message.value
    assert dash.controls["end"].value == dash.filters["end"]  # the selector shows the model again
    dash.set(start=None, end=None)
    assert dash.table.equals(before)


def test_set_from_code_moves_the_selectors(tables, base_model):
    dash = Dashboard(_model(base_model))
    view = dash.set(agency="AG03", breakdown="content_type", denominator="views")
    assert dash.controls["agency"].value == "AG03"
    assert dash.controls["breakdown"].value == "content_type"
    assert view is dash.view and set(dash.table["group"]) <= set(schema.CONTENT_TYPES)


def test_exports_of_the_current_view(tables, base_model):
    posts = tables["posts"].head(300).copy()
    evil = '=HYPERLINK("http://x","klik")'  # a topic label from a hostile keyword file
    posts["topic"] = ["layanan"] * 280 + [evil] * 20
    dash = Dashboard(DashboardModel(posts, tables["accounts"], denominator="none",
                                    breakdown="topic"))  # fmt: skip
    saved = dash.export_png()
    folder = workspace.work_dir() / "exports" / charts.CHARTS_DIR
    assert saved.png.parent == folder and saved.png.exists() and saved.svg.exists()
    assert "Tersimpan" in dash._status.value
    path = dash.export_xlsx()
    assert path.parent == workspace.work_dir() / "exports" and path.suffix == ".xlsx"
    wb = openpyxl.load_workbook(path)
    table, filters, terms = wb.worksheets
    assert [c.value for c in terms[1]] == ["term", "definition"] and terms.max_row > 3
    header = [c.value for c in table[1]]
    assert header[:2] == ["group", "median_engagements_per_none"] and "n" in header
    cells = [c.value for c in table["A"]]
    assert any(isinstance(v, str) and v.startswith("'=HYPERLINK") for v in cells)  # formula-safe
    assert all(c.data_type != "f" for row in table.iter_rows() for c in row)
    assert {r[0].value: r[1].value for r in filters.iter_rows(min_row=2)}["metric"] == "engagements"
    n_col = header.index("n")
    assert sum(r[n_col].value for r in table.iter_rows(min_row=2)) == dash.view.n


def test_every_term_shown_links_to_its_one_definition(tables, base_model):
    from labkit import engagement
    from labkit.widgets.dashboard import Dashboard

    view = _model(base_model, denominator="reach").view
    terms = view.terms()
    assert list(terms["id"]) == [
        "engagements", "engagement_rate", "reach", "median", "confidence_interval", "n", "low_n",
    ]  # fmt: skip
    assert (
        terms.set_index("id").loc["reach", "definition"]
        == engagement.GLOSSARY["reach"]["definition"]["id"]
    )
    dash = Dashboard(_model(base_model, denominator="followers"))
    assert "followers_at_posting" in list(dash.view.terms()["id"])
    shown = dash._table.value
    for definition in dash.view.terms()["definition"]:
        assert html.escape(definition) in shown
    summary = engagement.summary(tables["posts"].head(200), "platform", accounts=tables["accounts"])
    assert summary.attrs["glossary"][:2] == ["engagement_rate", "followers_at_posting"]
    assert set(engagement.glossary_terms(*summary.attrs["glossary"])["id"]) <= set(
        engagement.GLOSSARY
    )


def test_a_view_kept_from_before_a_change_still_draws_its_own_chart(tables, base_model):
    dash = Dashboard(_model(base_model))
    old = dash.set(breakdown="platform")
    dash.set(breakdown="weekday")  # the widget redraws its one figure for the new view
    ax = old.figure().axes[0]
    shown = {t.get_text() for t in ax.get_yticklabels()}
    assert shown == set(old.chart_data["group"])
