/* test-chart-forms.c: the transforms of a chart's rows and series, the
 * logarithmic axis, and the chart forms of market data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "mc-chart-kind.h"
#include "mc-chart-model.h"
#include "mc-describe.h"
#include "mc-document.h"
#include "mc-export.h"
#include "mc-hit.h"
#include "mc-loader.h"
#include "mc-render-private.h"
#include "mc-scale.h"
#include "mc-test-data.h"
#include "mc-test-view.h"
#include "mc-vision.h"

/* Datasets */

static McColumn *
number_column (const char *id,
               const char *label,
               const char *unit)
{
  McColumn *column = mc_column_new (id, label, MC_COLUMN_NUMBER);

  mc_column_set_unit (column, unit);
  return column;
}

static McColumn *
date_column (const char      *id,
             McDatePrecision  precision)
{
  McColumn *column = mc_column_new (id, id, MC_COLUMN_DATE);

  mc_column_set_date_precision (column, precision);
  return column;
}

static McDataset *
dataset_new (const char *title)
{
  McDataset *dataset = mc_dataset_new ("test");

  mc_dataset_set_title (dataset, title);
  mc_dataset_set_source (dataset, "Test data", NULL, NULL);
  return dataset;
}

/* People by year (2000 to 2019), age (0 to 24) and sex: 1,000 rows. */
static McDataset *
form_dataset (const char *name)
{
  return mc_test_load ("forms", name);
}

static McDataset *
population (void)
{
  McDataset *dataset = dataset_new ("Population");
  McColumn *year = date_column ("year", MC_DATE_YEAR);
  McColumn *age = number_column ("age", "Age", NULL);
  McColumn *sex = mc_column_new ("sex", "Sex", MC_COLUMN_STRING);
  McColumn *people = number_column ("people", "People", NULL);

  for (int y = 2000; y < 2020; y++)
    for (int a = 0; a < 25; a++)
      for (int s = 0; s < 2; s++)
        {
          mc_column_append_value (year, mc_days_from_ymd (y, 1, 1));
          mc_column_append_value (age, a);
          mc_column_append_string (sex, s == 0 ? "Female" : "Male");
          mc_column_append_value (people, 1000 + 10 * (y - 2000) + a + s * 7);
        }
  mc_dataset_add_column (dataset, year);
  mc_dataset_add_column (dataset, age);
  mc_dataset_add_column (dataset, sex);
  mc_dataset_add_column (dataset, people);
  return dataset;
}

/* A long table of @n_series tickers over 30 days; ticker i is worth
 * about (i + 1) × 10. */
static McDataset *
tickers (guint n_series)
{
  McDataset *dataset = dataset_new ("Prices");
  McColumn *date = date_column ("date", MC_DATE_DAY);
  McColumn *ticker = mc_column_new ("ticker", "Ticker", MC_COLUMN_STRING);
  McColumn *close = number_column ("close", "Close", "USD");

  for (guint i = 0; i < n_series; i++)
    for (guint d = 0; d < 30; d++)
      {
        g_autofree char *name = g_strdup_printf ("T%02u", i);

        mc_column_append_value (date, mc_days_from_ymd (2024, 3, 1) + d);
        mc_column_append_string (ticker, name);
        mc_column_append_value (close, (i + 1) * 10 + sin (d + i));
      }
  mc_dataset_add_column (dataset, date);
  mc_dataset_add_column (dataset, ticker);
  mc_dataset_add_column (dataset, close);
  return dataset;
}

static McChartModel *
chart_new (McDataset   *dataset,
           McChartSpec *spec)
{
  g_autoptr(GError) error = NULL;
  McChartModel *chart = mc_chart_model_new (dataset, spec, &error);

  g_assert_no_error (error);
  return chart;
}

/* The error of making @spec's chart, which must fail. */
static char *
chart_error (McDataset   *dataset,
             McChartSpec *spec)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McChartModel) chart = mc_chart_model_new (dataset, spec, &error);

  g_assert_null (chart);
  g_assert_error (error, MC_CHART_ERROR, error->code);
  return g_strdup (error->message);
}

static void
assert_error_contains (McDataset   *dataset,
                       McChartSpec *spec,
                       const char  *expected)
{
  g_autofree char *message = chart_error (dataset, spec);

  if (strstr (message, expected) == NULL)
    g_error ("“%s” does not contain “%s”", message, expected);
}

static double
sum_people (McDataset  *dataset,
            int         year,
            const char *sex)
{
  McColumn *years = mc_dataset_lookup_column (dataset, "year");
  McColumn *sexes = mc_dataset_lookup_column (dataset, "sex");
  McColumn *people = mc_dataset_lookup_column (dataset, "people");
  double days = mc_days_from_ymd (year, 1, 1), total = 0;

  for (guint row = 0; row < mc_dataset_get_n_rows (dataset); row++)
    if (mc_column_get_value (years, row) == days
        && g_strcmp0 (mc_column_get_string (sexes, row), sex) == 0)
      total += mc_column_get_value (people, row);
  return total;
}

/* Transforms of rows */

/* 1,000 rows of year × age × sex × people become people by year and
 * sex: one line per sex, one point per year, the sum over the ages. */
static void
test_forms_aggregate (void)
{
  g_autoptr(McDataset) dataset = population ();
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("people", "line", "year", "people");
  g_autoptr(McChartModel) chart = NULL;

  mc_chart_spec_set_string (spec, "series", "sex");
  mc_chart_spec_set_string (spec, "aggregate", "sum");
  chart = chart_new (dataset, spec);
  g_assert_cmpuint (mc_chart_model_get_n_series (chart), ==, 2);
  g_assert_cmpstr (mc_chart_model_get_series_name (chart, 0), ==, "Female");
  for (guint s = 0; s < 2; s++)
    {
      McSeries *series = mc_chart_model_get_series (chart, s);

      g_assert_cmpuint (mc_series_get_n_points (series), ==, 20);
      g_assert_true (series->x_sorted);
      for (guint i = 0; i < 20; i++)
        g_assert_cmpfloat_with_epsilon (mc_series_get_y (series, i),
                                        sum_people (dataset, 2000 + i, series->name), 1e-9);
    }
  /* The dataset itself is not touched. */
  g_assert_cmpuint (mc_dataset_get_n_rows (dataset), ==, 1000);

  /* The mean, and a count of rows. */
  mc_chart_spec_set_string (spec, "aggregate", "mean");
  g_clear_object (&chart);
  chart = chart_new (dataset, spec);
  g_assert_cmpfloat_with_epsilon (mc_series_get_y (mc_chart_model_get_series (chart, 1), 0),
                                  sum_people (dataset, 2000, "Male") / 25, 1e-9);
  mc_chart_spec_set_string (spec, "aggregate", "count");
  g_clear_object (&chart);
  chart = chart_new (dataset, spec);
  g_assert_cmpfloat (mc_series_get_y (mc_chart_model_get_series (chart, 0), 5), ==, 25);
  g_assert_cmpstr (mc_column_get_label (mc_chart_model_get_series (chart, 0)->column), ==,
                   "Count of People");
  mc_test_check_layouts (chart, "count");
}

/* The points of series @name of an aggregated chart: x, then y. */
static void
assert_points (McChartModel *chart,
               const char   *name,
               const double *expected,
               guint         n_points)
{
  for (guint s = 0; s < mc_chart_model_get_n_series (chart); s++)
    {
      McSeries *series = mc_chart_model_get_series (chart, s);

      if (g_strcmp0 (series->name, name) != 0)
        continue;
      g_assert_cmpuint (mc_series_get_n_points (series), ==, n_points);
      for (guint i = 0; i < n_points; i++)
        {
          g_assert_cmpfloat (mc_series_get_x (series, i), ==, expected[2 * i]);
          g_assert_cmpfloat (mc_series_get_y (series, i), ==, expected[2 * i + 1]);
        }
      return;
    }
  g_error ("no series “%s”", name);
}

/* Rows of days out of order, or in order (their x together), of two
 * names, grouped: each group's present values in the order of their
 * rows, rows without a day or a name in none, the groups in the order
 * of their days, and an estimate among a group's values making its
 * aggregate one. */
static void
assert_aggregate_groups (gboolean in_order)
{
  static const struct { double day; const char *name; double value; } rows[] = {
    { 3, "A", 5 }, { 1, "B", 2 }, { 1, "A", 7 }, { 3, "A", NAN }, { 2, "A", 4 },
    { 1, "A", 1 }, { NAN, "A", 100 }, { 2, NULL, 50 }, { 3, "A", 9 }, { 1, "B", 6 },
  };
  /* The same rows by day, in their order within a day; the row without
   * a day where it was */
  static const guint by_day[] = { 1, 2, 5, 9, 4, 6, 7, 0, 3, 8 };
  static const struct { const char *aggregate; double a[6]; double b[2]; } expected[] = {
    { "first", { 1, 7, 2, 4, 3, 5 }, { 1, 2 } },
    { "last", { 1, 1, 2, 4, 3, 9 }, { 1, 6 } },
    { "median", { 1, 4, 2, 4, 3, 7 }, { 1, 4 } },
    { "sum", { 1, 8, 2, 4, 3, 14 }, { 1, 8 } },
    { "count", { 1, 2, 2, 1, 3, 2 }, { 1, 2 } },
  };
  g_autoptr(McDataset) dataset = dataset_new ("Groups");
  McColumn *day = number_column ("day", "Day", NULL);
  McColumn *name = mc_column_new ("name", "Name", MC_COLUMN_STRING);
  McColumn *value = number_column ("value", "Value", NULL);
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("groups", "line", "day", "value");

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      guint r = in_order ? by_day[i] : i;

      mc_column_append_value (day, rows[r].day);
      if (rows[r].name != NULL)
        mc_column_append_string (name, rows[r].name);
      else
        mc_column_append_missing (name);
      mc_column_append_value (value, rows[r].value);
      /* The estimate is of day 2 of A */
      if (r == 4)
        mc_column_set_annotation (value, i, TRUE, NULL);
    }
  mc_dataset_add_column (dataset, day);
  mc_dataset_add_column (dataset, name);
  mc_dataset_add_column (dataset, value);
  mc_chart_spec_set_string (spec, "series", "name");
  for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
    {
      g_autoptr(McChartModel) chart = NULL;
      McSeries *a;

      mc_chart_spec_set_string (spec, "aggregate", expected[e].aggregate);
      chart = chart_new (dataset, spec);
      g_assert_cmpuint (mc_chart_model_get_n_series (chart), ==, 2);
      assert_points (chart, "A", expected[e].a, 3);
      assert_points (chart, "B", expected[e].b, 1);
      a = g_str_equal (mc_chart_model_get_series (chart, 0)->name, "A")
          ? mc_chart_model_get_series (chart, 0) : mc_chart_model_get_series (chart, 1);
      g_assert_cmpint (mc_series_is_estimate (a, 1), ==, e != 4);
      g_assert_false (mc_series_is_estimate (a, 0));
      g_assert_false (mc_series_is_estimate (a, 2));
    }
}

static void
test_forms_aggregate_groups (void)
{
  assert_aggregate_groups (FALSE);
  assert_aggregate_groups (TRUE);
}

static void
test_forms_filter (void)
{
  g_autoptr(McDataset) dataset = population ();
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("people", "bar", "year", "people");
  const char *values[] = { "Male", NULL };
  const char *typo[] = { "Male", "Femal", NULL };
  const char *years[] = { "2004", "2005", NULL };
  g_autoptr(McChartModel) chart = NULL;
  McSeries *series;

  mc_chart_spec_set_string (spec, "aggregate", "sum");
  mc_chart_spec_set_string (spec, "filter", "sex");
  mc_chart_spec_set_strv (spec, "filter_values", values);
  chart = chart_new (dataset, spec);
  series = mc_chart_model_get_series (chart, 0);
  g_assert_cmpuint (mc_chart_model_get_n_categories (chart), ==, 20);
  g_assert_cmpfloat_with_epsilon (mc_series_get_y (series, 3), sum_people (dataset, 2003, "Male"),
                                  1e-9);

  /* A value no row has is a mistake to point out, with the values there
   * are. */
  mc_chart_spec_set_strv (spec, "filter_values", typo);
  assert_error_contains (dataset, spec, "no row has “Femal” in column “sex”; its values are: "
                                        "Female, Male");

  /* Dates match at the precision written: "2004" is the year. */
  mc_chart_spec_set_string (spec, "filter", "year");
  mc_chart_spec_set_strv (spec, "filter_values", years);
  mc_chart_spec_set_string (spec, "series", "sex");
  g_clear_object (&chart);
  chart = chart_new (dataset, spec);
  g_assert_cmpuint (mc_chart_model_get_n_categories (chart), ==, 2);
  g_assert_cmpstr (mc_chart_model_get_category (chart, 1), ==, "2005");

  /* Each half of the pair needs the other. */
  mc_chart_spec_set_option (spec, "filter_values", NULL);
  assert_error_contains (dataset, spec, "“filter” needs “filter_values”");
}

/* A quarter keeps the days of its three months. */
static void
test_forms_filter_quarter (void)
{
  g_autoptr(McDataset) dataset = form_dataset ("ohlc-daily.json");
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("q4", "line", "date", "close");
  const char *quarter[] = { "2024-Q4", NULL };
  g_autoptr(McChartModel) chart = NULL;
  McSeries *series;
  int y, m, d;

  mc_chart_spec_set_string (spec, "filter", "date");
  mc_chart_spec_set_strv (spec, "filter_values", quarter);
  chart = chart_new (dataset, spec);
  series = mc_chart_model_get_series (chart, 0);
  g_assert_cmpuint (mc_series_get_n_points (series), >, 50);
  for (guint i = 0; i < mc_series_get_n_points (series); i++)
    {
      mc_days_to_ymd (mc_series_get_x (series, i), &y, &m, &d);
      g_assert_cmpint (y, ==, 2024);
      g_assert_cmpint (m, >=, 10);
    }
}

/* A year column and a month column date each row of a monthly series. */
static void
test_forms_month (void)
{
  g_autoptr(McDataset) dataset = dataset_new ("Sales by industry");
  McColumn *year = number_column ("year", "Year", NULL);
  McColumn *month = mc_column_new ("month", "Month", MC_COLUMN_STRING);
  McColumn *sales = number_column ("sales", "Sales", "USD");
  static const char *names[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("sales", "line", "year", "sales");
  g_autoptr(McChartModel) chart = NULL;
  McSeries *series;
  int y, m, d;

  for (guint i = 0; i < 24; i++)
    {
      mc_column_append_value (year, 2023 + i / 12);
      mc_column_append_string (month, names[i % 12]);
      mc_column_append_value (sales, 100 + i);
    }
  mc_dataset_add_column (dataset, year);
  mc_dataset_add_column (dataset, month);
  mc_dataset_add_column (dataset, sales);
  mc_chart_spec_set_string (spec, "month", "month");
  chart = chart_new (dataset, spec);
  series = mc_chart_model_get_series (chart, 0);
  g_assert_cmpuint (mc_series_get_n_points (series), ==, 24);
  g_assert_cmpint (mc_column_get_column_type (mc_chart_model_get_x_column (chart)), ==,
                   MC_COLUMN_DATE);
  g_assert_cmpint (mc_column_get_date_precision (mc_chart_model_get_x_column (chart)), ==,
                   MC_DATE_MONTH);
  mc_days_to_ymd (mc_series_get_x (series, 14), &y, &m, &d);
  g_assert_cmpint (y, ==, 2024);
  g_assert_cmpint (m, ==, 3);

  /* A cell that is no month is named with its row. */
  mc_dataset_set_string (dataset, 4, 1, "Mai");
  assert_error_contains (dataset, spec, "row 5: “Mai” is not a month");
}

/* Transforms of series */

static void
test_forms_top (void)
{
  g_autoptr(McDataset) dataset = tickers (10);
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("prices", "line", "date", "close");
  g_autoptr(McChartModel) chart = NULL;
  McSeries *other;
  guint used = 0;

  mc_chart_spec_set_string (spec, "series", "ticker");
  mc_chart_spec_set_number (spec, "top", 3);
  chart = chart_new (dataset, spec);
  /* The three largest, in their order, and the seven others summed. */
  g_assert_cmpuint (mc_chart_model_get_n_series (chart), ==, 4);
  g_assert_cmpstr (mc_chart_model_get_series_name (chart, 0), ==, "T07");
  g_assert_cmpstr (mc_chart_model_get_series_name (chart, 2), ==, "T09");
  g_assert_cmpstr (mc_chart_model_get_series_name (chart, 3), ==, "Other (7 series, sum)");
  other = mc_chart_model_get_series (chart, 3);
  g_assert_cmpuint (mc_series_get_n_points (other), ==, 30);
  g_assert_cmpfloat_with_epsilon (mc_series_get_y (other, 0),
                                  (10 + 20 + 30 + 40 + 50 + 60 + 70)
                                  + sin (0) + sin (1) + sin (2) + sin (3) + sin (4) + sin (5)
                                  + sin (6), 1e-9);
  g_assert_cmpuint (other->color, ==, MC_THEME_NEUTRAL);
  /* No two series share a colour. */
  for (guint s = 0; s < 3; s++)
    {
      guint color = mc_chart_model_get_series (chart, s)->color;

      g_assert_false (used & (1u << color));
      used |= 1u << color;
    }
  /* Averages fold into their mean. */
  mc_chart_spec_set_string (spec, "aggregate", "mean");
  g_clear_object (&chart);
  chart = chart_new (dataset, spec);
  g_assert_cmpstr (mc_chart_model_get_series_name (chart, 3), ==, "Other (7 series, mean)");
  mc_test_check_layouts (chart, "top 3");

  mc_chart_spec_set_number (spec, "top", 2.5);
  assert_error_contains (dataset, spec, "“top” is how many series to keep");
}

/* A ticker keeps its colour across the charts of a dataset, but two
 * series of one chart never share one: T00 and T07, the first and the
 * eighth ticker, would both take the first of seven colours. */
static void
test_forms_distinct_colors (void)
{
  g_autoptr(McDataset) dataset = tickers (8);
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("prices", "line", "date", "close");
  const char *pair[] = { "T00", "T07", NULL };
  const char *fourth[] = { "T03", NULL };
  g_autoptr(McChartModel) chart = NULL;
  g_autoptr(McChartModel) alone = NULL;

  mc_chart_spec_set_string (spec, "series", "ticker");
  mc_chart_spec_set_string (spec, "filter", "ticker");
  mc_chart_spec_set_strv (spec, "filter_values", pair);
  chart = chart_new (dataset, spec);
  g_assert_cmpuint (mc_chart_model_get_n_series (chart), ==, 2);
  g_assert_cmpuint (mc_chart_model_get_series (chart, 0)->color, ==, 0);
  g_assert_cmpuint (mc_chart_model_get_series (chart, 1)->color, !=, 0);
  /* Alone in a chart, the fourth ticker keeps the fourth colour. */
  mc_chart_spec_set_strv (spec, "filter_values", fourth);
  alone = chart_new (dataset, spec);
  g_assert_cmpuint (mc_chart_model_get_n_series (alone), ==, 1);
  g_assert_cmpuint (mc_chart_model_get_series (alone, 0)->color, ==, 3);
}

/* The long series of a long table know their range, gaps and extremes
 * as series of columns do (from a summary of their own values): the
 * range and gaps those of their points, the extremes of any run of
 * them the first lowest and highest. */
static void
test_forms_long_series_summary (void)
{
  g_autoptr(McDataset) dataset = dataset_new ("Prices");
  McColumn *date = date_column ("date", MC_DATE_DAY);
  McColumn *ticker = mc_column_new ("ticker", "Ticker", MC_COLUMN_STRING);
  McColumn *close = number_column ("close", "Close", "USD");
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("prices", "line", "date", "close");
  g_autoptr(McChartModel) chart = NULL;
  GRand *rand = g_rand_new_with_seed (7);

  for (guint d = 0; d < 6000; d++)
    for (guint i = 0; i < 2; i++)
      {
        mc_column_append_value (date, mc_days_from_ymd (2000, 1, 1) + d);
        mc_column_append_string (ticker, i == 0 ? "AAA" : "BBB");
        /* The second ticker has a stretch without prices. */
        mc_column_append_value (close, i == 1 && d >= 3000 && d < 3010
                                       ? NAN : 10 * (i + 1) + g_rand_int_range (rand, 0, 50));
      }
  mc_dataset_add_column (dataset, date);
  mc_dataset_add_column (dataset, ticker);
  mc_dataset_add_column (dataset, close);
  mc_chart_spec_set_string (spec, "series", "ticker");
  chart = chart_new (dataset, spec);
  g_assert_cmpuint (mc_chart_model_get_n_series (chart), ==, 2);
  for (guint s = 0; s < 2; s++)
    {
      McSeries *series = mc_chart_model_get_series (chart, s);
      const double *y = (const double *) (gpointer) series->y->data;
      double lo = NAN, hi = NAN;
      gboolean gaps = FALSE;

      g_assert_nonnull (series->summary);
      g_assert_true (series->stats_known);
      for (guint p = 0; p < series->y->len; p++)
        {
          gaps = gaps || isnan (y[p]);
          lo = isnan (lo) || y[p] < lo ? (isnan (y[p]) ? lo : y[p]) : lo;
          hi = isnan (hi) || y[p] > hi ? (isnan (y[p]) ? hi : y[p]) : hi;
        }
      g_assert_cmpint (series->y_gaps, ==, gaps);
      g_assert_cmpint (gaps, ==, s == 1);
      g_assert_cmpfloat (series->y_min, ==, lo);
      g_assert_cmpfloat (series->y_max, ==, hi);
      for (guint q = 0; q < 50; q++)
        {
          guint from = g_rand_int_range (rand, 0, 5000), to = from + g_rand_int_range (rand, 1, 1000);
          guint low, high, slow_low = G_MAXUINT, slow_high = G_MAXUINT;

          mc_value_summary_extremes (series->summary, y, from, to, &low, &high);
          for (guint p = from; p < to; p++)
            {
              if (isnan (y[p]))
                continue;
              if (slow_low == G_MAXUINT || y[p] < y[slow_low])
                slow_low = p;
              if (slow_high == G_MAXUINT || y[p] > y[slow_high])
                slow_high = p;
            }
          g_assert_cmpuint (low, ==, slow_low);
          g_assert_cmpuint (high, ==, slow_high);
        }
    }
  g_rand_free (rand);
}

static void
test_forms_index (void)
{
  g_autoptr(McDataset) dataset = tickers (3);
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("prices", "line", "date", "close");
  g_autoptr(McChartModel) chart = NULL;

  mc_chart_spec_set_string (spec, "series", "ticker");
  mc_chart_spec_set_string (spec, "transform", "index");
  chart = chart_new (dataset, spec);
  for (guint s = 0; s < 3; s++)
    {
      McSeries *series = mc_chart_model_get_series (chart, s);

      g_assert_cmpfloat_with_epsilon (mc_series_get_y (series, 0), 100, 1e-9);
      g_assert_cmpfloat_with_epsilon (mc_series_get_y (series, 5),
                                      ((s + 1) * 10 + sin (5 + s)) / ((s + 1) * 10 + sin (s))
                                      * 100, 1e-9);
    }
  g_assert_cmpstr (mc_column_get_label (mc_chart_model_get_series (chart, 2)->column), ==,
                   "Index (1 Mar 2024 = 100)");
  mc_test_render_layout (chart, 800, 500, FALSE);
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_AXIS_TITLE, "Index (1 Mar 2024 = 100)"));

  /* At a chosen date. */
  mc_chart_spec_set_string (spec, "index_at", "2024-03-10");
  g_clear_object (&chart);
  chart = chart_new (dataset, spec);
  g_assert_cmpfloat_with_epsilon (mc_series_get_y (mc_chart_model_get_series (chart, 1), 9),
                                  100, 1e-9);
  mc_chart_spec_set_string (spec, "index_at", "2023-03-10");
  assert_error_contains (dataset, spec, "no row has “2023-03-10” in column “date”");
}

/* A row of ticker @name at day @day of March 2024 (missing: NAN). */
static void
append_price (McDataset  *dataset,
              const char *name,
              int         day,
              double      close)
{
  mc_column_append_value (mc_dataset_lookup_column (dataset, "date"),
                          mc_days_from_ymd (2024, 3, 1) + day);
  mc_column_append_string (mc_dataset_lookup_column (dataset, "ticker"), name);
  mc_column_append_value (mc_dataset_lookup_column (dataset, "close"), close);
}

/* The y of @chart's series @s at day @day of March 2024, at its last
 * point there. */
static double
indexed_at (McChartModel *chart,
            guint         s,
            int           day)
{
  McSeries *series = mc_chart_model_get_series (chart, s);
  double x = mc_days_from_ymd (2024, 3, 1) + day, y = NAN;

  for (guint i = 0; i < mc_series_get_n_points (series); i++)
    if (mc_series_get_x (series, i) == x)
      y = mc_series_get_y (series, i);
  return y;
}

/* Series indexed where they all first have a value: A from the 8th, B
 * from the 8th too but with a missing value before its value of the
 * 9th, C (out of order) from the 4th but not on the 8th. */
static void
test_forms_index_common_x (void)
{
  g_autoptr(McDataset) dataset = tickers (0);
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("prices", "line", "date", "close");
  g_autoptr(McChartModel) chart = NULL;

  for (int d = 0; d < 100; d++)
    append_price (dataset, "A", d, d < 7 ? NAN : 10 + d);
  for (int d = 0; d < 100; d++)
    {
      if (d == 8)
        append_price (dataset, "B", d, NAN);
      append_price (dataset, "B", d, d < 7 ? NAN : 20 + d);
    }
  for (int d = 99; d >= 0; d--)
    append_price (dataset, "C", d, d < 3 || d == 7 ? NAN : 30 + d);
  mc_chart_spec_set_string (spec, "series", "ticker");
  mc_chart_spec_set_string (spec, "transform", "index");
  chart = chart_new (dataset, spec);
  for (guint s = 0; s < 3; s++)
    g_assert_cmpfloat_with_epsilon (indexed_at (chart, s, 8), 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (indexed_at (chart, 2, 20), 50.0 / 38 * 100, 1e-9);
  g_assert_cmpstr (mc_column_get_label (mc_chart_model_get_series (chart, 0)->column), ==,
                   "Index (9 Mar 2024 = 100)");

  /* C's values end before A's begin: its rows, from 201, are days 99
   * down to 0. */
  for (int d = 5; d < 100; d++)
    mc_column_set_missing (mc_dataset_lookup_column (dataset, "close"), 201 + (99 - d));
  g_clear_object (&chart);
  assert_error_contains (dataset, spec, "there is no x where every series has a value");
}

static void
test_forms_percent (void)
{
  g_autoptr(McDataset) dataset = tickers (4);
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("shares", "area", "date", "close");
  g_autoptr(McChartModel) chart = NULL;

  mc_chart_spec_set_string (spec, "series", "ticker");
  mc_chart_spec_set_boolean (spec, "percent", TRUE);
  chart = chart_new (dataset, spec);
  for (guint i = 0; i < 30; i++)
    {
      double total = 0;

      for (guint s = 0; s < 4; s++)
        total += mc_series_get_y (mc_chart_model_get_series (chart, s), i);
      g_assert_cmpfloat_with_epsilon (total, 100, 1e-9);
    }
  mc_test_render_layout (chart, 800, 500, FALSE);
  g_assert_true (mc_test_view_marks (chart)->axes.stacked);
  g_assert_cmpfloat (mc_test_view_marks (chart)->axes.y[0].max, ==, 100);
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_AXIS_TITLE, "Share of the total (%)"));

  /* Shares of negative values mean nothing. */
  mc_dataset_set_value (dataset, 7, 2, -1);
  assert_error_contains (dataset, spec, "row 8 of column “close” is −1; shares of a total "
                                        "need values of zero or more");
}

/* Rows newest first make a line only in the order of their dates. */
static void
test_forms_sort (void)
{
  g_autoptr(McDataset) dataset = dataset_new ("Newest first");
  McColumn *date = date_column ("date", MC_DATE_DAY);
  McColumn *close = number_column ("close", "Close", "USD");
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("close", "line", "date", "close");
  g_autoptr(McChartModel) chart = NULL;
  McSeries *series;

  for (int d = 9; d >= 0; d--)
    {
      mc_column_append_value (date, mc_days_from_ymd (2024, 5, 1) + d);
      mc_column_append_value (close, 100 + d);
    }
  mc_dataset_add_column (dataset, date);
  mc_dataset_add_column (dataset, close);
  chart = chart_new (dataset, spec);
  g_assert_false (mc_chart_model_get_series (chart, 0)->x_sorted);
  mc_chart_spec_set_boolean (spec, "sort", TRUE);
  g_clear_object (&chart);
  chart = chart_new (dataset, spec);
  series = mc_chart_model_get_series (chart, 0);
  g_assert_true (series->x_sorted);
  for (guint i = 0; i < 10; i++)
    {
      g_assert_cmpfloat (mc_series_get_y (series, i), ==, 100 + i);
      g_assert_cmpuint (mc_series_get_row (series, i), ==, 9 - i);
    }
}

/* Logarithmic axes */

static void
test_forms_log (void)
{
  g_autoptr(McDataset) dataset = tickers (3);
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("prices", "line", "date", "close");
  g_autoptr(McChartModel) chart = NULL;
  McAxes *axes;

  mc_chart_spec_set_string (spec, "series", "ticker");
  mc_chart_spec_set_boolean (spec, "log", TRUE);
  chart = chart_new (dataset, spec);
  mc_test_render_layout (chart, 800, 500, FALSE);
  axes = &mc_test_view_marks (chart)->axes;
  g_assert_true (axes->y[0].log);
  /* Equal ratios, equal lengths: 10 to 20 as long as 15 to 30. */
  g_assert_cmpfloat_with_epsilon (mc_axes_map_value (axes, 0, 10) - mc_axes_map_value (axes, 0, 20),
                                  mc_axes_map_value (axes, 0, 15) - mc_axes_map_value (axes, 0, 30),
                                  1e-6);
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_AXIS_TITLE, "Close (USD), log scale"));
  mc_test_check_layouts (chart, "log");

  /* Bars and areas show values by their length: refused, saying why. */
  g_free (spec->type);
  spec->type = g_strdup ("bar");
  assert_error_contains (dataset, spec, "“log” (a logarithmic value axis) is only for line "
                                        "charts");
  assert_error_contains (dataset, spec, "the length of a bar or an area shows its value");

  /* Zero has no place on a log axis: its row is named. */
  g_free (spec->type);
  spec->type = g_strdup ("line");
  mc_dataset_set_value (dataset, 41, 2, 0);
  assert_error_contains (dataset, spec, "row 42 of column “close” is 0; a logarithmic axis "
                                        "shows only values above zero");
}

/* The forms of market data */

/* Every dataset of tests/data/forms, loaded. */
static GPtrArray *
form_datasets (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "forms", NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  GPtrArray *datasets = g_ptr_array_new_with_free_func (g_object_unref);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      McDataset *dataset;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      dataset = form_dataset (name);
      g_assert_cmpuint (mc_dataset_get_n_charts (dataset), >, 0);
      g_ptr_array_add (datasets, dataset);
    }
  g_assert_cmpuint (datasets->len, >=, 9);
  return datasets;
}

/* The keyboard walks every chart from its first mark to its last, and
 * every mark it reaches says what it shows. */
static void
check_walk (McChartModel *chart,
            const char   *what)
{
  McMarks *marks = mc_test_view_marks (chart);
  McChartItem item;
  guint steps = 0;

  if (!mc_hit_item_first (marks, &item))
    g_error ("%s: nothing to walk", what);
  do
    {
      g_auto(McChartHit) hit = { 0 };

      g_assert_true (mc_hit_item_get_hit (marks, &item, &hit));
      g_assert_nonnull (hit.label);
      g_assert_nonnull (hit.value);
      g_assert_true (g_utf8_validate (hit.value, -1, NULL));
      steps++;
    }
  while (steps < 5000 && mc_hit_item_move (marks, &item, MC_CHART_MOVE_NEXT));
  g_assert_cmpuint (steps, >=, 2);
}

/* The layout invariant for every chart of the forms' datasets, at every
 * size in both themes; at the usual size each has marks to hit and
 * walk, and a summary. */
static void
test_forms_layouts (void)
{
  g_autoptr(GPtrArray) datasets = form_datasets ();
  guint charts = 0;

  for (guint d = 0; d < datasets->len; d++)
    {
      McDataset *dataset = g_ptr_array_index (datasets, d);

      for (guint c = 0; c < mc_dataset_get_n_charts (dataset); c++)
        {
          const McChartSpec *spec = mc_dataset_get_chart (dataset, c);
          g_autoptr(McChartModel) chart = chart_new (dataset, (McChartSpec *) spec);
          g_autofree char *what = g_strdup_printf ("%s/%s", mc_dataset_get_id (dataset), spec->id);
          g_autofree char *summary = NULL;

          mc_test_check_layouts (chart, what);
          mc_test_render_layout (chart, 800, 500, FALSE);
          /* Every chart says what its values are: over its axis, or over
           * each panel of a unit. */
          if (mc_test_view_find_box (chart, MC_TEXT_AXIS_TITLE, NULL) == NULL
              && mc_test_view_find_box (chart, MC_TEXT_PANEL_TITLE, NULL) == NULL)
            g_error ("%s: no axis title", what);
          check_walk (chart, what);
          summary = mc_chart_describe (chart, mc_test_view_marks (chart));
          g_test_message ("%s: %s", what, summary);
          g_assert_true (strlen (summary) > 20);
          charts++;
        }
    }
  g_assert_cmpuint (charts, >=, 20);
}

static McChartModel *
form_chart (McDataset  *dataset,
            const char *id)
{
  return chart_new (dataset, (McChartSpec *) mc_dataset_lookup_chart (dataset, id));
}

static const McMark *
find_mark (McChartModel *chart,
           guint         color)
{
  McMarks *marks = mc_test_view_marks (chart);

  for (guint i = 0; i < marks->marks->len; i++)
    {
      const McMark *mark = &g_array_index (marks->marks, McMark, i);

      if (mark->color == color && !mark->alias)
        return mark;
    }
  return NULL;
}

/* What the pointer over candle @mark shows: its period and its prices
 * (marks of candles leave them to the kind, to write when asked). */
static void
candle_hit (McChartModel *chart,
            const McMark *mark,
            McChartHit   *hit)
{
  mc_chart_hit_clear (hit);
  g_assert_true (mc_hit_test (mc_test_view_marks (chart), mark->box.x + mark->box.width / 2,
                              mark->box.y + mark->box.height / 2, hit));
  g_assert_cmpuint (hit->index, ==, mark->row);
}

/* The pointer over candle @mark shows @label, and prices starting with
 * @value_start. */
static void
assert_candle_says (McChartModel *chart,
                    const McMark *mark,
                    const char   *label,
                    const char   *value_start)
{
  g_auto(McChartHit) hit = { 0 };

  candle_hit (chart, mark, &hit);
  g_assert_cmpstr (hit.label, ==, label);
  if (!g_str_has_prefix (hit.value, value_start))
    g_error ("%s: “%s”, expected “%s…”", label, hit.value, value_start);
}

/* The pixel at (@x, @y) of @surface, as 0xRRGGBB. */
static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(const guint32 *) (gconstpointer) (data + (int) y * stride + 4 * (int) x) & 0xffffff;
}

/* Candles: daily where they are wide enough, combined by weeks where
 * days would be thinner than 3 px, saying so; a candle's bubble gives
 * its prices. */
static void
test_forms_candles (void)
{
  g_autoptr(McDataset) dataset = form_dataset ("ohlc-daily.json");
  g_autoptr(McChartModel) chart = form_chart (dataset, "candles");
  McColumn *dates = mc_dataset_lookup_column (dataset, "date");
  g_auto(McChartHit) hit = { 0 };
  const McMark *mark;

  mc_test_render_layout (chart, 800, 500, FALSE);
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_NOTE,
                                           "Weekly candles: too many days to show one by one"));
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_AXIS_TITLE, "Volume (millions)"));
  mark = find_mark (chart, MC_COLOR_UP);
  g_assert_nonnull (mark);
  /* Two years of weeks: about 105 candles, each with its volume bar. */
  g_assert_cmpuint (mc_test_view_marks (chart)->marks->len, >=, 2 * 100);
  candle_hit (chart, mark, &hit);
  g_assert_true (g_str_has_prefix (hit.label, "Week of "));
  g_assert_cmpstr (hit.series_name, ==, "Price (HKD)");
  g_assert_true (g_str_has_prefix (hit.value, "open "));
  g_assert_nonnull (strstr (hit.value, "; volume "));

  /* Zoomed into a month, the candles are days and the note goes. */
  mc_view_options_set_x_window (mc_test_view_options (chart),
                                mc_column_get_value (dates, 400), mc_column_get_value (dates, 420));
  mc_test_render_layout (chart, 800, 500, FALSE);
  g_assert_null (mc_test_view_find_box (chart, MC_TEXT_NOTE, NULL));
  mark = find_mark (chart, MC_COLOR_DOWN);
  g_assert_nonnull (mark);
  candle_hit (chart, mark, &hit);
  g_assert_false (g_str_has_prefix (hit.label, "Week of "));
  g_assert_true (mc_marks_get_plot_area (mc_test_view_marks (chart), &(double) { 0 },
                                         &(double) { 0 }, &(double) { 0 }, &(double) { 0 }));
}

/* A table read as the loader reads a file called @name. */
static McDataset *
load_table (const char *text,
            gsize       length,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  McDataset *dataset = mc_loader_load_data (text, length, name, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

/* The chart a table of prices opens as: candles. */
static McChartModel *
default_candles (McDataset *dataset)
{
  McChartModel *chart = chart_new (dataset, (McChartSpec *) mc_dataset_get_chart (dataset, 0));

  g_assert_cmpstr (mc_chart_model_get_kind (chart)->id, ==, "candlestick");
  return chart;
}

/* The marks of the candles drawn, in order, without their volume bars. */
static GPtrArray *
candle_marks (McChartModel *chart)
{
  McMarks *marks = mc_test_view_marks (chart);
  GPtrArray *candles = g_ptr_array_new ();

  for (guint i = 0; i < marks->marks->len; i++)
    {
      const McMark *mark = &g_array_index (marks->marks, McMark, i);

      if (!mark->alias && (mark->color == MC_COLOR_UP || mark->color == MC_COLOR_DOWN))
        g_ptr_array_add (candles, (gpointer) mark);
    }
  return candles;
}

/* Thirty years of daily prices drawn 800 px wide are 120 quarterly
 * candles, each the first open, the highest high, the lowest low and the
 * last close of its quarter's days. */
static void
test_forms_candles_quarters (void)
{
  g_autoptr(GString) csv = g_string_new ("date,open,high,low,close,volume\n");
  g_autoptr(McDataset) dataset = NULL;
  g_autoptr(McChartModel) chart = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) candles = NULL;
  GDate *date = g_date_new_dmy (1, G_DATE_JANUARY, 1990);
  double open = NAN, high = -INFINITY, low = INFINITY;

  for (guint i = 0; g_date_get_year (date) < 2020; i++)
    {
      /* Whole prices of many values, under a thousand */
      double day_open = 100 + i * 7919 % 787;
      double day_high = day_open + 1 + i % 13, day_low = day_open - 1 - i % 11;
      double day_close = day_open + (double) (i % 3) - 1;
      GDateMonth month = g_date_get_month (date);
      char text[16];

      g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
      g_string_append_printf (csv, "%s,%g,%g,%g,%g,%u\n", text, day_open, day_high,
                              day_low, day_close, 1000 + i * 37 % 5000);
      if (isnan (open))
        open = day_open;
      high = MAX (high, day_high);
      low = MIN (low, day_low);
      g_date_add_days (date, 1);
      /* The last day of a quarter */
      if (g_date_get_month (date) != month && month % 3 == 0)
        {
          g_ptr_array_add (texts, g_strdup_printf ("open %g · high %g · low %g · close %g; "
                                                   "volume ", open, high, low, day_close));
          open = NAN, high = -INFINITY, low = INFINITY;
        }
    }
  g_date_free (date);
  dataset = load_table (csv->str, csv->len, "thirty.csv");
  chart = default_candles (dataset);
  mc_test_render_layout (chart, 800, 500, FALSE);
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_NOTE,
                                           "Quarterly candles: too many days to show one by one"));
  candles = candle_marks (chart);
  g_assert_cmpuint (candles->len, ==, 120);
  g_assert_cmpuint (texts->len, ==, 120);
  for (guint i = 0; i < candles->len; i++)
    {
      g_autofree char *label = g_strdup_printf ("Q%u %u", i % 4 + 1, 1990 + i / 4);

      assert_candle_says (chart, g_ptr_array_index (candles, i), label,
                          g_ptr_array_index (texts, i));
    }
}

/* Ten days of prices by the minute are ten daily candles, not fourteen
 * thousand candles each drawn a day wide; zoomed into two hours, one
 * candle a minute. Their volumes are in the scale of those shown:
 * millions a day, thousands a minute. */
static void
test_forms_candles_minutes (void)
{
  g_autoptr(GString) csv = g_string_new ("time,open,high,low,close,volume\n");
  g_autoptr(McDataset) dataset = NULL;
  g_autoptr(McChartModel) chart = NULL;
  g_autoptr(GPtrArray) candles = NULL;

  for (guint i = 0; i < 10 * 24 * 60; i++)
    {
      double open = 100 + i * 7919 % 787;

      g_string_append_printf (csv, "2024-03-%02uT%02u:%02u:00,%g,%g,%g,%g,%u\n", 1 + i / 1440,
                              i / 60 % 24, i % 60, open, open + 1 + i % 13, open - 1 - i % 11,
                              open + (double) (i % 3) - 1, 1000 + i * 37 % 5000);
    }
  dataset = load_table (csv->str, csv->len, "minutes.csv");
  chart = default_candles (dataset);
  mc_test_render_layout (chart, 800, 500, FALSE);
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_NOTE, "Daily candles: too many "
                                           "prices in a day to show one by one"));
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_AXIS_TITLE, "Volume (millions)"));
  candles = candle_marks (chart);
  g_assert_cmpuint (candles->len, ==, 10);
  for (guint i = 0; i < candles->len; i++)
    {
      g_auto(McChartHit) hit = { 0 };
      g_autofree char *label = g_strdup_printf ("%u Mar 2024", i + 1);

      candle_hit (chart, g_ptr_array_index (candles, i), &hit);
      g_assert_cmpstr (hit.label, ==, label);
    }

  /* 2 March, 10:00 to 12:00 */
  mc_view_options_set_x_window (mc_test_view_options (chart), 19784 + 10 / 24.0,
                                19784 + 12 / 24.0);
  mc_test_render_layout (chart, 800, 500, FALSE);
  g_assert_null (mc_test_view_find_box (chart, MC_TEXT_NOTE, NULL));
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_AXIS_TITLE, "Volume (thousands)"));
  g_clear_pointer (&candles, g_ptr_array_unref);
  candles = candle_marks (chart);
  /* 121 minutes, the candles cut by the window's edges not counted */
  g_assert_cmpuint (candles->len, >=, 119);
  g_assert_cmpuint (candles->len, <=, 121);
}

/* Ninety-nine days of prices by the minute, combined by day on every
 * processor: a day cut by the border of two parts is one candle still,
 * with the first open, the highest high, the lowest low and the last
 * close of its minutes. With the rows of the second part first, each
 * part in order but not the two, the candles are the same. */
static void
test_forms_candles_parts (void)
{
  /* Two parts cut the fiftieth day in half. */
  const guint n_days = 99, per_day = 1440, half = n_days * per_day / 2;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  for (guint day = 0; day < n_days; day++)
    {
      double open = NAN, high = -INFINITY, low = INFINITY, close = NAN;
      g_autoptr(GDateTime) start = g_date_time_new_utc (2024, 1, 1, 0, 0, 0);
      g_autoptr(GDateTime) date = g_date_time_add_days (start, day);
      g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

      for (guint minute = 0; minute < per_day; minute++)
        {
          guint i = day * per_day + minute;
          double price = 100 + i * 7919 % 787;

          g_ptr_array_add (lines, g_strdup_printf ("%sT%02u:%02u:00,%g,%g,%g,%g\n", text,
                                                   minute / 60, minute % 60, price,
                                                   price + 1 + i % 13, price - 1 - i % 11,
                                                   price));
          if (isnan (open))
            open = price;
          high = MAX (high, price + 1 + i % 13);
          low = MIN (low, price - 1 - i % 11);
          close = price;
        }
      g_ptr_array_add (texts, g_strdup_printf ("open %g · high %g · low %g · close %g", open,
                                               high, low, close));
    }
  for (guint swapped = 0; swapped < 2; swapped++)
    {
      g_autoptr(GString) csv = g_string_new ("time,open,high,low,close\n");
      g_autoptr(McDataset) dataset = NULL;
      g_autoptr(McChartModel) chart = NULL;
      g_autoptr(GPtrArray) candles = NULL;

      for (guint i = 0; i < lines->len; i++)
        g_string_append (csv, g_ptr_array_index (lines, swapped ? (i + half) % lines->len : i));
      dataset = load_table (csv->str, csv->len, "minutes.csv");
      chart = default_candles (dataset);
      mc_test_render_layout (chart, 1200, 500, FALSE);
      g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_NOTE, "Daily candles: too many "
                                               "prices in a day to show one by one"));
      candles = candle_marks (chart);
      g_assert_cmpuint (candles->len, ==, n_days);
      for (guint i = 0; i < candles->len; i++)
        {
          g_auto(McChartHit) hit = { 0 };

          candle_hit (chart, g_ptr_array_index (candles, i), &hit);
          if (g_strcmp0 (hit.value, g_ptr_array_index (texts, i)) != 0)
            g_error ("%s: “%s”, expected “%s”", hit.label, hit.value,
                     (char *) g_ptr_array_index (texts, i));
        }
    }
}

/* Two months of prices are two candles a month wide, not slivers of a
 * day: one gap between rows is their usual gap. */
static void
test_forms_candles_two_rows (void)
{
  static const char csv[] = "date,open,high,low,close\n"
                            "2024-01-01,10,12,9,11\n"
                            "2024-02-01,11,13,10,10\n";
  g_autoptr(McDataset) dataset = load_table (csv, strlen (csv), "two.csv");
  g_autoptr(McChartModel) chart = default_candles (dataset);
  const McMark *up, *down;

  mc_test_render_layout (chart, 800, 500, FALSE);
  up = find_mark (chart, MC_COLOR_UP);
  down = find_mark (chart, MC_COLOR_DOWN);
  g_assert_nonnull (up);
  g_assert_nonnull (down);
  g_assert_cmpfloat (up->box.width, >, 100);
  g_assert_cmpfloat (down->box.width, >, 100);
}

/* Rises are hollow and falls filled, so they differ without colour:
 * in greyscale too. */
static void
test_forms_candles_vision (void)
{
  g_autoptr(McDataset) dataset = form_dataset ("ohlc-daily.json");
  g_autoptr(McChartModel) chart = form_chart (dataset, "candles");
  McColumn *dates = mc_dataset_lookup_column (dataset, "date");
  McColumn *open = mc_dataset_lookup_column (dataset, "open");
  McColumn *close = mc_dataset_lookup_column (dataset, "close");
  g_autoptr(McTheme) theme = mc_theme_new (MC_THEME_LIGHT);
  McColor background = *mc_theme_get_background (theme);
  guint32 paper = ((guint32) lround (background.red * 255) << 16)
                  | ((guint32) lround (background.green * 255) << 8)
                  | (guint32) lround (background.blue * 255);
  cairo_surface_t *surface;
  guint checked[2] = { 0, 0 };
  McMarks *marks;

  mc_view_options_set_x_window (mc_test_view_options (chart),
                                mc_column_get_value (dates, 400), mc_column_get_value (dates, 415));
  surface = mc_test_render_image (chart, 800, 500, 1, FALSE);
  mc_vision_transform_surface (MC_VISION_GREYSCALE, surface);
  marks = mc_test_view_marks (chart);
  for (guint i = 0; i < marks->marks->len; i++)
    {
      const McMark *mark = &g_array_index (marks->marks, McMark, i);
      double o = mc_column_get_value (open, mark->row), c = mc_column_get_value (close, mark->row);
      double top = mc_axes_map_value (&marks->axes, 0, MAX (o, c));
      double bottom = mc_axes_map_value (&marks->axes, 0, MIN (o, c));
      gboolean rose = c >= o;

      /* Bodies tall enough to have an inside, not cut by the window. */
      if (mark->alias || bottom - top < 8 || mark->box.x < marks->axes.plot.x)
        continue;
      if (rose)
        g_assert_cmphex (pixel_at (surface, mark->box.x + mark->box.width / 2, (top + bottom) / 2),
                         ==, paper);
      else
        g_assert_cmphex (pixel_at (surface, mark->box.x + mark->box.width / 2, (top + bottom) / 2),
                         !=, paper);
      checked[rose]++;
    }
  g_assert_cmpuint (checked[0], >, 0);
  g_assert_cmpuint (checked[1], >, 0);
  cairo_surface_destroy (surface);
}

/* A row whose prices make no candle is refused at its row. */
static void
test_forms_candles_bad_row (void)
{
  g_autoptr(McDataset) dataset = form_dataset ("ohlc-daily.json");
  McChartSpec *spec = (McChartSpec *) mc_dataset_lookup_chart (dataset, "candles");

  mc_dataset_set_value (dataset, 6, 2, 10);
  assert_error_contains (dataset, spec, "row 7: the high, 10, is below the open");
  g_free (spec->type);
  spec->type = g_strdup ("bar");
  assert_error_contains (dataset, spec, "missing key “y”");
}

/* The error of @dataset's candles, which must be the check's: the
 * model leaves the check of each row to the candles' reading of them. */
static void
assert_candles_refused (McDataset  *dataset,
                        const char *expected)
{
  McChartSpec *spec = (McChartSpec *) mc_dataset_get_chart (dataset, 0);
  g_autofree char *message = chart_error (dataset, spec);
  g_autoptr(GError) check_error = NULL;
  g_autofree char *checked = NULL;

  g_assert_false (mc_chart_spec_check (spec, dataset, NULL, &check_error));
  checked = g_strdup_printf ("Chart “%s”: %s", spec->id, check_error->message);
  g_assert_cmpstr (message, ==, checked);
  if (strstr (message, expected) == NULL)
    g_error ("“%s” does not contain “%s”", message, expected);
}

/* 140,000 minutes of prices, the second half first when @swapped. */
static McDataset *
minutes_table (gboolean swapped)
{
  const guint n_rows = 140000;
  g_autoptr(GString) csv = g_string_new ("time,open,high,low,close\n");

  for (guint k = 0; k < n_rows; k++)
    {
      guint i = swapped ? (k + n_rows / 2) % n_rows : k;
      double price = 100 + i % 50;

      g_string_append_printf (csv, "2024-%02u-%02uT%02u:%02u:00,%g,%g,%g,%g\n",
                              1 + i / (1440 * 28), 1 + i / 1440 % 28, i / 60 % 24, i % 60,
                              price, price + 2, price - 2, price + 1);
    }
  return load_table (csv->str, csv->len, "minutes.csv");
}

/* Each row's prices are checked where the candles read them, in either
 * part of the rows and in rows out of order, with the check's message;
 * a row with a missing price is checked too, and a row the filter
 * leaves out is not. */
static void
test_forms_candles_row_check (void)
{
  for (guint swapped = 0; swapped < 2; swapped++)
    {
      g_autoptr(McDataset) dataset = minutes_table (swapped);
      g_autoptr(McChartModel) chart = default_candles (dataset);
      McChartSpec *spec = (McChartSpec *) mc_dataset_get_chart (dataset, 0);

      /* In the second part: the high below the open */
      mc_dataset_set_value (dataset, 120000, 2, 10);
      assert_candles_refused (dataset, "row 120001: the high, 10, is below the open");
      mc_dataset_set_value (dataset, 120000, 2, 1000);
      g_clear_object (&chart);
      chart = chart_new (dataset, spec);
      /* A missing high: the low still above the open */
      mc_column_set_missing (mc_dataset_get_column (dataset, 2), 100000);
      mc_dataset_set_value (dataset, 100000, 3, 999);
      assert_candles_refused (dataset, "row 100001: the low, 999, is above the open");
      /* Left out by the filter */
      mc_chart_spec_set_string (spec, "filter", "close");
      mc_chart_spec_set_strv (spec, "filter_values", (const char *[]) { "102", NULL });
      g_clear_object (&chart);
      chart = chart_new (dataset, spec);
    }
}

/* An edit of @document that sets the close of @row to @close: whether
 * the document let it through, and its message in @message if not. */
static gboolean
set_close (McDocument  *document,
           guint        row,
           double       close,
           char       **message)
{
  g_autoptr(McEdit) edit = mc_edit_new_set_value (row, "close", close);
  g_autoptr(GError) error = NULL;

  if (mc_document_apply (document, edit, &error))
    return TRUE;
  g_assert_error (error, MC_EDIT_ERROR, MC_EDIT_ERROR_CHECK);
  *message = g_strdup (error->message);
  return FALSE;
}

/* After an edit it let through, the document checks only the rows of the
 * next edit of cells: which must still catch a candle that edit breaks.
 * A dataset that was never checked is checked whole: an edit elsewhere
 * does not hide a bad row it had when it was read. */
static void
test_forms_candles_edits_checked (void)
{
  static const char good[] = "date,open,high,low,close\n2024-01-01,10,12,9,11\n"
                             "2024-01-02,11,15,10,12\n2024-01-03,12,13,8,12\n"
                             "2024-01-04,12,14,11,13\n";
  static const char bad[] = "date,open,high,low,close\n2024-01-01,10,12,9,11\n"
                            "2024-01-02,11,15,10,20\n2024-01-03,12,13,8,12\n";
  g_autoptr(McDataset) dataset = load_table (good, sizeof good - 1, "good.csv");
  g_autoptr(McDataset) bad_dataset = load_table (bad, sizeof bad - 1, "bad.csv");
  g_autoptr(McDocument) document = mc_document_new (dataset);
  g_autoptr(McDocument) bad_document = mc_document_new (bad_dataset);
  g_autofree char *message = NULL;
  g_autofree char *bad_message = NULL;

  mc_document_set_check (document, mc_chart_check_document);
  g_assert_true (set_close (document, 0, 11.5, NULL));
  g_assert_true (set_close (document, 3, 13.5, NULL));
  g_assert_false (set_close (document, 2, 14, &message));
  g_assert_nonnull (strstr (message, "row 3: the high, 13, is below the close, 14"));
  g_assert_cmpfloat (mc_column_get_value (mc_dataset_lookup_column (dataset, "close"), 2), ==, 12);
  g_assert_true (set_close (document, 2, 12.5, NULL));

  mc_document_set_check (bad_document, mc_chart_check_document);
  g_assert_false (set_close (bad_document, 0, 11.5, &bad_message));
  g_assert_nonnull (strstr (bad_message, "row 2: the high, 15, is below the close, 20"));
}

/* 400 days of prices by the minute in trading hours, with volumes. */
static McDataset *
trading_minutes (void)
{
  g_autoptr(GString) csv = g_string_new ("time,open,high,low,close,volume\n");
  g_autoptr(GDateTime) start = g_date_time_new_utc (2023, 1, 2, 0, 0, 0);
  double price = 100;

  for (guint day = 0; day < 400; day++)
    {
      g_autoptr(GDateTime) date = g_date_time_add_days (start, day);
      g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

      for (guint minute = 0; minute < 390; minute++)
        {
          guint i = day * 390 + minute;
          double close = 100 + (double) (i * 7919 % 2000) / 10;

          g_string_append_printf (csv, "%sT%02u:%02u:00,%.1f,%.1f,%.1f,%.1f,%u\n", text,
                                  9 + (30 + minute) / 60, (30 + minute) % 60, price,
                                  MAX (price, close) + 0.5, MIN (price, close) - 0.4, close,
                                  1000 + i * 37 % 5000);
          price = close;
        }
    }
  return load_table (csv->str, csv->len, "minutes.csv");
}

static void
keep_change (McDocument     *document,
             const McChange *change,
             McChange       *kept)
{
  *kept = *change;
}

/* What a view of @chart shows and says at @width: its pixels, and the
 * label and prices of every candle, with the period's note. */
static char *
candles_as_seen (McChartModel *chart,
                 double        width,
                 double        lo,
                 double        hi)
{
  cairo_surface_t *surface;
  GString *seen = g_string_new (NULL);
  g_autoptr(GPtrArray) candles = NULL;
  const McTextBox *note;

  g_autofree char *pixels = NULL;

  mc_view_options_set_x_window (mc_test_view_options (chart), lo, hi);
  surface = mc_test_render_image (chart, width, 400, 1, FALSE);
  pixels = g_compute_checksum_for_data (G_CHECKSUM_SHA1, cairo_image_surface_get_data (surface),
                                        cairo_image_surface_get_stride (surface) * 400);
  cairo_surface_destroy (surface);
  mc_test_render_layout (chart, width, 400, FALSE);
  note = mc_test_view_find_box (chart, MC_TEXT_NOTE, NULL);
  g_string_append_printf (seen, "%s\n%s\n", note != NULL ? note->text : "", pixels);
  candles = candle_marks (chart);
  for (guint i = 0; i < candles->len; i++)
    {
      g_auto(McChartHit) hit = { 0 };

      candle_hit (chart, g_ptr_array_index (candles, i), &hit);
      g_string_append_printf (seen, "%s: %s\n", hit.label, hit.value);
    }
  return g_string_free (seen, FALSE);
}

typedef struct
{
  guint       row;
  const char *column;
  double      delta;      /* NAN: the cell made missing */
} PriceEdit;

/* Full, or from row @lo to row @hi */
typedef struct
{
  double width;
  guint  lo;
  guint  hi;
} CandleView;

/* Applies @edit to @document, then makes @spec's chart of its dataset
 * twice: mended from @before (@change followed the edit), returned, and
 * anew, in @made. */
static McChartModel *
apply_and_make_both (McDocument        *document,
                     const McChartSpec *spec,
                     McChartModel      *before,
                     McEdit            *edit,
                     const McChange    *change,
                     McChartModel     **made)
{
  McDataset *dataset = mc_document_get_dataset (document);
  g_autoptr(GError) error = NULL;
  McChartModel *mended;

  if (!mc_document_apply (document, edit, &error))
    g_error ("%s", error->message);
  mended = mc_chart_model_new_edited (before, dataset, spec, change, &error);
  g_assert_no_error (error);
  *made = chart_new (dataset, (McChartSpec *) spec);
  return mended;
}

/* Applies @edit to @document, and compares the chart of candles mended
 * from @before with one made anew, as @views show them (adding the
 * notes of the periods seen to @notes). Returns the mended chart. */
static McChartModel *
assert_edit_mended_as_made (McDocument       *document,
                            McChartModel     *before,
                            McEdit           *edit,
                            const McChange   *change,
                            const CandleView *views,
                            guint             n_views,
                            GHashTable       *notes)
{
  McDataset *dataset = mc_document_get_dataset (document);
  const McChartSpec *spec = mc_dataset_get_chart (dataset, 0);
  McColumn *times = mc_dataset_lookup_column (dataset, mc_chart_spec_get_x (spec, dataset));
  g_autoptr(McChartModel) made = NULL;
  g_autoptr(McChartModel) mended = apply_and_make_both (document, spec, before, edit, change,
                                                        &made);

  for (guint v = 0; v < n_views; v++)
    {
      double lo = views[v].hi > 0 ? mc_column_get_value (times, views[v].lo) : NAN;
      double hi = views[v].hi > 0 ? mc_column_get_value (times, views[v].hi) : NAN;
      g_autofree char *seen_mended = candles_as_seen (mended, views[v].width, lo, hi);
      g_autofree char *seen_made = candles_as_seen (made, views[v].width, lo, hi);

      g_assert_cmpstr (seen_mended, ==, seen_made);
      g_hash_table_add (notes, g_strndup (seen_made, strchr (seen_made, '\n') - seen_made));
    }
  return g_steal_pointer (&mended);
}

/* A document of @dataset whose edits @change follows. */
static McDocument *
document_for_edits (McDataset *dataset,
                    McChange  *change)
{
  McDocument *document = mc_document_new (dataset);

  mc_document_set_check (document, mc_chart_check_document);
  g_signal_connect (document, "changed", G_CALLBACK (keep_change), change);
  return document;
}

/* Applies @edits to @dataset's document one after the other, and after
 * each compares the chart of candles mended from the one before with
 * one made anew, as @views show them. Returns the notes of the periods
 * seen. */
static GHashTable *
assert_mended_as_made (McDataset        *dataset,
                       const PriceEdit  *edits,
                       guint             n_edits,
                       const CandleView *views,
                       guint             n_views)
{
  McChange change = { 0 };
  g_autoptr(McDocument) document = document_for_edits (dataset, &change);
  const McChartSpec *spec = mc_dataset_get_chart (dataset, 0);
  g_autoptr(McChartModel) before = chart_new (dataset, (McChartSpec *) spec);
  GHashTable *notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint e = 0; e < n_edits; e++)
    {
      McColumn *column = mc_dataset_lookup_column (dataset, edits[e].column);
      g_autoptr(McEdit) edit = NULL;
      McChartModel *mended;

      if (isnan (edits[e].delta))
        edit = mc_edit_new_set_missing (edits[e].row, edits[e].column);
      else
        edit = mc_edit_new_set_value (edits[e].row, edits[e].column,
                                      mc_column_get_value (column, edits[e].row) + edits[e].delta);
      mended = assert_edit_mended_as_made (document, before, edit, &change, views, n_views, notes);
      g_clear_object (&before);
      before = mended;
    }
  return notes;
}

/* After an edit of prices or volumes, a chart of candles mended from
 * the one before it draws and says what one made anew does: at the
 * widths and zooms that show minutes, days, weeks and months, after
 * edits of every column, of rows at a day's edges, of a volume then
 * missing, and of a close then missing (which is made anew). */
static void
test_forms_candles_mended (void)
{
  static const PriceEdit edits[] = {
    { 0, "close", 0.2 }, { 389, "high", 3 }, { 390, "low", -5 }, { 77777, "volume", 40000 },
    { 155999, "close", -0.3 }, { 100000, "open", 0.1 }, { 45000, "high", 20 },
    { 45001, "low", -30 }, { 120000, "volume", 0 }, { 4242, "volume", NAN },
    { 4243, "close", NAN }, { 4244, "close", 0.1 },
  };
  static const CandleView views[] = {
    { 1200, 0, 0 }, { 400, 0, 0 }, { 180, 0, 0 }, { 900, 10 * 390, 40 * 390 },
    { 900, 300 * 390, 300 * 390 + 120 },
  };
  g_autoptr(McDataset) dataset = trading_minutes ();
  g_autoptr(GHashTable) notes = assert_mended_as_made (dataset, edits, G_N_ELEMENTS (edits),
                                                       views, G_N_ELEMENTS (views));

  /* Minutes one by one, days, weeks and months were all seen. */
  g_assert_cmpuint (g_hash_table_size (notes), ==, 4);
  g_assert_true (g_hash_table_contains (notes, ""));
}

/* The rest of the row of ticker @k on @day, after its date and name. */
typedef void (*TickerRowFunc) (GString *csv,
                               guint    day,
                               guint    k);

/* A long table of three tickers, from 1 January @year: @header, then
 * a row for each ticker each day of @n_days. */
static McDataset *
tickers_table (const char    *header,
               guint          year,
               guint          n_days,
               TickerRowFunc  row,
               const char    *name)
{
  static const char * const tickers[] = { "AAA", "BBB", "CCC" };
  g_autoptr(GString) csv = g_string_new (header);
  g_autoptr(GDateTime) start = g_date_time_new_utc (year, 1, 1, 0, 0, 0);

  for (guint day = 0; day < n_days; day++)
    {
      g_autoptr(GDateTime) date = g_date_time_add_days (start, day);
      g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

      for (guint k = 0; k < G_N_ELEMENTS (tickers); k++)
        {
          g_string_append_printf (csv, "%s,%s,", text, tickers[k]);
          row (csv, day, k);
          g_string_append_c (csv, '\n');
        }
    }
  return load_table (csv->str, csv->len, name);
}

static void
candle_row (GString *csv,
            guint    day,
            guint    k)
{
  double open = 50 * (k + 1) + (double) ((day * 7919 + k) % 300) / 10;
  double close = 50 * (k + 1) + (double) ((day * 104729 + k) % 300) / 10;

  g_string_append_printf (csv, "%.1f,%.1f,%.1f,%.1f,%u", open, MAX (open, close) + 1,
                          MIN (open, close) - 1, close, 1000 + (day * 37 + k) % 5000);
}

/* Daily prices of three tickers, a row for each ticker each day: the
 * default chart shows the first ticker's candles. */
static McDataset *
tickers_daily (void)
{
  return tickers_table ("date,symbol,open,high,low,close,volume\n", 2020, 600, candle_row,
                        "tickers.csv");
}

/* Candles of one ticker of a long table keep some of its rows: after an
 * edit of a row they keep, or of one they leave out, of a price or a
 * volume, of a note, and of the ticker of a row (which changes the rows
 * kept), the chart mended from the one before draws what one made anew
 * does. */
static void
test_forms_candles_mended_filtered (void)
{
  static const PriceEdit edits[] = {
    { 0, "close", 0.2 }, { 3, "high", 3 }, { 1, "close", 5 }, { 903, "low", -2 },
    { 900, "volume", 100 }, { 902, "open", 0.1 }, { 1500, "close", NAN }, { 1503, "close", 0.1 },
    { 1797, "open", -0.3 },
  };
  static const CandleView views[] = {
    { 1200, 0, 0 }, { 300, 0, 0 }, { 900, 30, 300 },
  };
  g_autoptr(McDataset) dataset = tickers_daily ();
  const McChartSpec *spec = mc_dataset_get_chart (dataset, 0);
  g_autoptr(GHashTable) notes = NULL;
  g_autoptr(GHashTable) more_notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  McChange change = { 0 };
  g_autoptr(McDocument) document = NULL;
  g_autoptr(McChartModel) before = NULL;
  McEdit *more[] = {
    mc_edit_new_set_note (3, "close", "an estimate"),
    mc_edit_new_set_string (6, "symbol", "BBB"),
    mc_edit_new_set_string (7, "symbol", "AAA"),
    mc_edit_new_set_value (9, "volume", 1234),
  };

  g_assert_cmpstr (spec->type, ==, "candlestick");
  g_assert_cmpstr (mc_chart_spec_get_string (spec, "filter"), ==, "symbol");
  notes = assert_mended_as_made (dataset, edits, G_N_ELEMENTS (edits), views,
                                 G_N_ELEMENTS (views));
  document = document_for_edits (dataset, &change);
  before = chart_new (dataset, (McChartSpec *) spec);
  for (guint e = 0; e < G_N_ELEMENTS (more); e++)
    {
      McChartModel *mended = assert_edit_mended_as_made (document, before, more[e], &change, views,
                                                         G_N_ELEMENTS (views), more_notes);

      g_clear_object (&before);
      before = mended;
      mc_edit_unref (more[e]);
    }
}

static void
close_row (GString *csv,
           guint    day,
           guint    k)
{
  g_string_append_printf (csv, "%.2f", 100 + k + (double) ((day * 7919 + k * 104729) % 3000) / 100);
}

/* Daily closes of three tickers, a row for each ticker each day, long
 * enough for their series to be summarised. */
static McDataset *
tickers_closes (void)
{
  return tickers_table ("date,ticker,close\n", 2000, 5000, close_row, "closes.csv");
}

/* The PNG of @chart: its pixels. */
static GBytes *
chart_png (McChartModel *chart)
{
  g_autoptr(GError) error = NULL;
  GBytes *png = mc_export_chart_to_bytes (chart, MC_EXPORT_PNG, NULL, &error);

  g_assert_no_error (error);
  return png;
}

/* Whether two charts' series hold the same values, bit for bit. */
static void
assert_same_values (McChartModel *mended,
                    McChartModel *made,
                    guint         e)
{
  g_assert_cmpuint (mc_chart_model_get_n_series (mended), ==, mc_chart_model_get_n_series (made));
  for (guint s = 0; s < mc_chart_model_get_n_series (made); s++)
    {
      McSeries *a = mc_chart_model_get_series (mended, s), *b = mc_chart_model_get_series (made, s);

      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_cmpuint (mc_series_get_n_points (a), ==, mc_series_get_n_points (b));
      if (memcmp (a->y->data, b->y->data, b->y->len * sizeof (double)) != 0)
        g_error ("edit %u: the mended series “%s” holds other values", e, b->name);
      g_assert_cmpstr (mc_column_get_label (a->column), ==, mc_column_get_label (b->column));
      g_assert_cmpint (a->decimals, ==, b->decimals);
    }
}

/* Applies edit @e, @edit, to @document's @dataset, and compares the
 * chart of @spec mended from @before (@change followed the edit) with
 * one made anew: the same values, bit for bit, and the same pixels.
 * Returns the mended chart. */
static McChartModel *
assert_edit_mended_like_made (McDocument     *document,
                              McChartSpec    *spec,
                              McChartModel   *before,
                              McEdit         *edit,
                              const McChange *change,
                              guint           e)
{
  g_autoptr(McChartModel) made = NULL;
  g_autoptr(McChartModel) mended = apply_and_make_both (document, spec, before, edit, change,
                                                        &made);
  g_autoptr(GBytes) seen_mended = NULL;
  g_autoptr(GBytes) seen_made = NULL;

  assert_same_values (mended, made, e);
  seen_mended = chart_png (mended);
  seen_made = chart_png (made);
  if (!g_bytes_equal (seen_mended, seen_made))
    g_error ("edit %u: the mended chart draws otherwise", e);
  return g_steal_pointer (&mended);
}

/* After edits of a long table drawn as a line per ticker, as @spec_of
 * the dataset's chart draws it, the chart made from the one before it
 * draws what one made anew does: edits of a close in the middle, at the
 * first and the last row, its extremes, a note, an estimate, a close
 * made missing and given again, a date and a ticker (which make the
 * series again), and which of them mended the series. */
static void
assert_lines_mended (McDataset   *(*dataset_of) (void),
                     McChartSpec *(*spec_of) (const McChartSpec *spec))
{
  g_autoptr(McDataset) dataset = dataset_of ();
  g_autoptr(McChartSpec) spec = spec_of (mc_dataset_get_chart (dataset, 0));
  McChange change = { 0 };
  g_autoptr(McDocument) document = document_for_edits (dataset, &change);
  g_autoptr(McChartModel) before = chart_new (dataset, spec);
  McEdit *edits[] = {
    mc_edit_new_set_value (7501, "close", 120.5),
    mc_edit_new_set_value (0, "close", 99.25),
    mc_edit_new_set_value (14999, "close", 101),
    mc_edit_new_set_value (3004, "close", 1000),
    mc_edit_new_set_value (3007, "close", 1),
    mc_edit_new_set_note (3010, "close", "an estimate"),
    mc_edit_new_set_estimate (3013, "close", TRUE),
    mc_edit_new_set_missing (6001, "close"),
    mc_edit_new_set_value (6001, "close", 110),
    mc_edit_new_set_value (6004, "close", 110.123),
    mc_edit_new_set_string (9000, "ticker", "CCC"),
    mc_edit_new_set_value (9002, "close", 104),
    mc_edit_new_set_value (1, "close", 98.5),
  };
  /* All but the estimate, the close made missing and given again, and
   * the ticker are mended; so are the edits of the base of a series
   * indexed to 100 (rows 0 and 1, 3007 at the later date, 14999 newest
   * first), which index the series again. */
  const char *series_mended = "yyyyyynnnynyy";

  g_assert_cmpstr (spec->type, ==, "line");
  g_assert_cmpstr (mc_chart_spec_get_string (spec, "series"), ==, "ticker");
  for (guint e = 0; e < G_N_ELEMENTS (edits); e++)
    {
      McChartModel *mended = assert_edit_mended_like_made (document, spec, before, edits[e],
                                                           &change, e);

      if (mended->series_mended != (series_mended[e] == 'y'))
        g_error ("edit %u: the series were %s", e, mended->series_mended ? "mended" : "made again");
      g_clear_object (&before);
      before = mended;
      mc_edit_unref (edits[e]);
    }
}

static McChartSpec *
as_it_is (const McChartSpec *spec)
{
  g_assert_false (mc_chart_spec_has_option (spec, "transform"));
  return mc_chart_spec_copy (spec);
}

static McChartSpec *
indexed (const McChartSpec *spec)
{
  McChartSpec *copy = mc_chart_spec_copy (spec);

  mc_chart_spec_set_string (copy, "transform", "index");
  return copy;
}

/* Indexed at a later date, whose rows are edited (3006 to 3008) */
static McChartSpec *
indexed_later (const McChartSpec *spec)
{
  McChartSpec *copy = indexed (spec);

  mc_chart_spec_set_string (copy, "index_at", "2002-09-29");
  return copy;
}

/* Points in the order of their dates, rows newest first */
static McChartSpec *
sorted (const McChartSpec *spec)
{
  McChartSpec *copy = mc_chart_spec_copy (spec);

  mc_chart_spec_set_boolean (copy, "sort", TRUE);
  return copy;
}

static McChartSpec *
sorted_indexed (const McChartSpec *spec)
{
  McChartSpec *copy = indexed (spec);

  mc_chart_spec_set_boolean (copy, "sort", TRUE);
  return copy;
}

/* The same closes, the last day first */
static McDataset *
tickers_closes_newest_first (void)
{
  g_autoptr(McDataset) oldest_first = tickers_closes ();
  g_autoptr(GString) csv = g_string_new ("date,ticker,close\n");
  guint n_rows = mc_dataset_get_n_rows (oldest_first);

  McColumn *date = mc_dataset_lookup_column (oldest_first, "date");
  McColumn *ticker = mc_dataset_lookup_column (oldest_first, "ticker");
  McColumn *close = mc_dataset_lookup_column (oldest_first, "close");

  for (guint row = n_rows; row-- > 0;)
    {
      int year, month, day;

      mc_days_to_ymd (mc_column_get_value (date, row), &year, &month, &day);
      g_string_append_printf (csv, "%04d-%02d-%02d,%s,%.2f\n", year, month, day,
                              mc_column_get_string (ticker, row), mc_column_get_value (close, row));
    }
  return load_table (csv->str, csv->len, "newest.csv");
}

static void
test_forms_lines_mended (void)
{
  assert_lines_mended (tickers_closes, as_it_is);
  assert_lines_mended (tickers_closes, indexed);
  assert_lines_mended (tickers_closes, indexed_later);
  assert_lines_mended (tickers_closes_newest_first, sorted);
  assert_lines_mended (tickers_closes_newest_first, sorted_indexed);
}

/* Folding and aggregates mended */

#define FOLD_TICKERS 12
#define FOLD_DAYS 300

/* The rows of fold_closes() before @day, counted from the first day */
static guint
fold_rows_before (guint day)
{
  /* Days 3, 13, 23… have two rows a ticker */
  return (day + (day + 6) / 10) * FOLD_TICKERS;
}

/* The row of @ticker on @day in fold_closes(), the @second of its
 * rows on days that have two: the last day comes first. */
static guint
fold_row (guint    day,
          guint    ticker,
          gboolean second)
{
  return fold_rows_before (FOLD_DAYS) - fold_rows_before (day + 1)
         + (second ? FOLD_TICKERS : 0) + ticker;
}

/* Daily closes of twelve tickers of prices of different sizes, the
 * last day first, a row for each ticker each day and a second row for
 * each on days 3, 13, 23…: a chart of them by @aggregate (when not
 * NULL) combines each day's rows of a ticker, and keeps the largest
 * three as lines of their own. */
static McDataset *
fold_closes (const char *aggregate,
             gboolean    index)
{
  g_autoptr(GString) csv = g_string_new ("date,ticker,close\n");
  g_autoptr(GDateTime) start = g_date_time_new_utc (2020, 1, 1, 0, 0, 0);
  g_autoptr(McDataset) dataset = NULL;
  g_autoptr(McChartSpec) spec = NULL;

  for (guint day = FOLD_DAYS; day-- > 0;)
    {
      g_autoptr(GDateTime) date = g_date_time_add_days (start, day);
      g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

      for (guint copy = 0; copy < (day % 10 == 3 ? 2 : 1); copy++)
        for (guint k = 0; k < FOLD_TICKERS; k++)
          g_string_append_printf (csv, "%s,T%02u,%.2f\n", text, k,
                                  10.0 * (k + 1) * (k + 1) + copy
                                  + (double) ((day * 7919 + k * 104729) % 1000) / 100);
    }
  /* And a row without a ticker */
  g_string_append (csv, "2020-01-05,,55.5\n");
  dataset = load_table (csv->str, csv->len, "fold.csv");
  g_assert_cmpuint (mc_dataset_get_n_rows (dataset), ==, fold_rows_before (FOLD_DAYS) + 1);
  spec = mc_test_spec_new ("closes", "line", "date", "close");
  mc_chart_spec_set_string (spec, "series", "ticker");
  if (aggregate != NULL)
    mc_chart_spec_set_string (spec, "aggregate", aggregate);
  else
    mc_chart_spec_set_boolean (spec, "sort", TRUE);
  if (index)
    mc_chart_spec_set_string (spec, "transform", "index");
  /* In place of the chart the table opens with */
  while (mc_dataset_get_n_charts (dataset) > 0)
    mc_chart_spec_free (mc_dataset_steal_chart (dataset, 0));
  g_assert_true (mc_dataset_add_chart (dataset, g_steal_pointer (&spec)));
  return g_steal_pointer (&dataset);
}

/* After each of a run of edits of fold_closes() as @aggregate combines
 * it (or sorted by date without), with "top": 3 when @top, the chart
 * mended from the one before it draws what one made anew does, bit for
 * bit. Where @tables_mended says 'y' for an edit, its aggregate table
 * was mended; where @folds_mended does, so was its fold. The edits: of
 * a kept ticker, of the row without a ticker (which no line draws), of
 * a folded one (and of a day with two rows), of the first and the last
 * rows, one that brings a folded ticker into the top three and one
 * that takes it out, an estimate, a close made missing and given again,
 * a missing close of a day with two rows, a ticker, a note, and the
 * first day of a kept ticker (its base, when indexed). */
static void
assert_folds_mended (const char *aggregate,
                     gboolean    top,
                     gboolean    index,
                     const char *tables_mended,
                     const char *folds_mended)
{
  g_autoptr(McDataset) dataset = fold_closes (aggregate, index);
  McChartSpec *spec = (McChartSpec *) mc_dataset_get_chart (dataset, 0);
  McChange change = { 0 };
  g_autoptr(McDocument) document = NULL;
  g_autoptr(McChartModel) before = NULL;
  McEdit *edits[] = {
    mc_edit_new_set_value (fold_row (150, 10, FALSE), "close", 1020.5),
    mc_edit_new_set_value (fold_rows_before (FOLD_DAYS), "close", 56),
    mc_edit_new_set_value (fold_row (153, 2, TRUE), "close", 92.25),
    mc_edit_new_set_value (fold_row (0, 5, FALSE), "close", 371),
    mc_edit_new_set_value (fold_row (FOLD_DAYS - 1, 11, FALSE), "close", 1444),
    mc_edit_new_set_value (fold_row (200, 0, FALSE), "close", 1e6),
    mc_edit_new_set_value (fold_row (200, 0, FALSE), "close", 15),
    mc_edit_new_set_estimate (fold_row (120, 3, FALSE), "close", TRUE),
    mc_edit_new_set_missing (fold_row (121, 4, FALSE), "close"),
    mc_edit_new_set_value (fold_row (121, 4, FALSE), "close", 250),
    mc_edit_new_set_missing (fold_row (133, 4, TRUE), "close"),
    mc_edit_new_set_string (fold_row (140, 6, FALSE), "ticker", "T07"),
    mc_edit_new_set_value (fold_row (141, 7, FALSE), "close", 640),
    mc_edit_new_set_note (fold_row (160, 1, FALSE), "close", "a note"),
    mc_edit_new_set_value (fold_row (0, 11, FALSE), "close", 1300),
  };

  if (top)
    mc_chart_spec_set_number (spec, "top", 3);
  document = document_for_edits (dataset, &change);
  before = chart_new (dataset, spec);
  g_assert_cmpuint (mc_chart_model_get_n_series (before), ==, top ? 4 : FOLD_TICKERS);
  g_assert_cmpuint (strlen (tables_mended), ==, G_N_ELEMENTS (edits));
  g_assert_cmpuint (strlen (folds_mended), ==, G_N_ELEMENTS (edits));

  for (guint e = 0; e < G_N_ELEMENTS (edits); e++)
    {
      McChartModel *mended = assert_edit_mended_like_made (document, spec, before, edits[e],
                                                           &change, e);

      if (mended->data_mended != (tables_mended[e] == 'y'))
        g_error ("edit %u: the table was %s", e, mended->data_mended ? "mended" : "made again");
      if ((mended->folded != NULL && mended->folded == before->folded) != (folds_mended[e] == 'y'))
        g_error ("edit %u: the fold was not as expected", e);
      g_clear_object (&before);
      before = mended;
      mc_edit_unref (edits[e]);
    }
}

static void
test_forms_folds_mended (void)
{
  assert_folds_mended ("mean", TRUE, FALSE, "yyyyyyynnnynyyy", "yyyyynnnnnynyyy");
  assert_folds_mended ("mean", TRUE, TRUE, "yyyyyyynnnynyyy", "yyyyynnnnnynyyy");
  assert_folds_mended ("sum", TRUE, FALSE, "yyyyyyynnnynyyy", "yyyyynnnnnynyyy");
  assert_folds_mended ("median", FALSE, FALSE, "yyyyyyynnnynyyy", "nnnnnnnnnnnnnnn");
  /* A count is of rows, with or without their estimates and values */
  assert_folds_mended ("count", FALSE, FALSE, "yyyyyyyyyyynyyy", "nnnnnnnnnnnnnnn");
  assert_folds_mended ("first", FALSE, FALSE, "yyyyyyynnnynyyy", "nnnnnnnnnnnnnnn");
  assert_folds_mended ("last", TRUE, FALSE, "yyyyyyynnnynyyy", "yyyyynnnnnynyyy");
  /* Rows as they are: a value made missing changes Other's count */
  assert_folds_mended (NULL, TRUE, FALSE, "nnnnnnnnnnnnnnn", "yyyyynnnnnnnyyy");
}

/* The same for daily prices, whose days are their rows: weeks, months,
 * quarters and years mended, and days shown one by one. */
static void
test_forms_candles_mended_daily (void)
{
  static const PriceEdit edits[] = {
    { 0, "close", 0.2 }, { 2999, "high", 3 }, { 1500, "low", -5 }, { 1501, "volume", 40000 },
    { 31, "open", 0.1 }, { 777, "volume", NAN }, { 778, "close", NAN }, { 779, "close", 0.1 },
  };
  static const CandleView views[] = {
    { 1200, 0, 0 }, { 400, 0, 0 }, { 180, 0, 0 }, { 120, 0, 0 }, { 900, 1400, 1460 },
  };
  g_autoptr(GString) csv = g_string_new ("date,open,high,low,close,volume\n");
  g_autoptr(GDate) date = g_date_new_dmy (2, 1, 2012);
  g_autoptr(McDataset) dataset = NULL;
  g_autoptr(GHashTable) notes = NULL;

  for (guint i = 0; i < 3000; i++)
    {
      double open = 100 + i * 7919 % 500 / 10.0;
      char text[16];

      g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
      g_string_append_printf (csv, "%s,%.1f,%.1f,%.1f,%.1f,%u\n", text, open, open + 2, open - 2,
                              open + 1, 1000 + i * 37 % 5000);
      g_date_add_days (date, 1);
    }
  dataset = load_table (csv->str, csv->len, "days.csv");
  notes = assert_mended_as_made (dataset, edits, G_N_ELEMENTS (edits), views,
                                 G_N_ELEMENTS (views));
  /* Days one by one, and at least three longer periods */
  g_assert_true (g_hash_table_contains (notes, ""));
  g_assert_cmpuint (g_hash_table_size (notes), >=, 4);
}

/* The same with a second row on every fifth day, the candles of each
 * day's mean prices: the aggregate's table, whose columns are not the
 * dataset's (the date first, no exchange), is mended after an edit, and
 * the candles from it, as they are made anew. */
static void
test_forms_candles_mended_aggregated (void)
{
  static const PriceEdit edits[] = {
    { 0, "close", 0.2 }, { 3599, "high", 3 }, { 1500, "low", -5 }, { 1501, "volume", 40000 },
    { 6, "open", 0.1 }, { 5, "close", -0.3 }, { 777, "volume", NAN }, { 778, "close", NAN },
    { 779, "close", 0.1 },
  };
  static const CandleView views[] = { { 1200, 0, 0 }, { 400, 0, 0 }, { 900, 1400, 1460 } };
  g_autoptr(GString) csv = g_string_new ("open,date,high,low,close,volume,exchange\n");
  g_autoptr(GDate) date = g_date_new_dmy (2, 1, 2012);
  g_autoptr(McDataset) dataset = NULL;
  g_autoptr(GHashTable) notes = NULL;
  McChartSpec *spec;

  for (guint i = 0; i < 3000; i++)
    {
      char text[16];

      g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
      for (guint copy = 0; copy < (i % 5 == 0 ? 2 : 1); copy++)
        {
          double open = 100 + i * 7919 % 500 / 10.0 + copy * 0.5;

          g_string_append_printf (csv, "%.1f,%s,%.1f,%.1f,%.1f,%u,XNYS\n", open, text,
                                  open + 2, open - 2, open + 1, 1000 + i * 37 % 5000);
        }
      g_date_add_days (date, 1);
    }
  dataset = load_table (csv->str, csv->len, "days.csv");
  g_assert_cmpuint (mc_dataset_get_n_rows (dataset), ==, 3600);
  spec = mc_chart_spec_copy (mc_dataset_get_chart (dataset, 0));
  g_assert_cmpstr (spec->type, ==, "candlestick");
  mc_chart_spec_set_string (spec, "aggregate", "mean");
  mc_chart_spec_free (mc_dataset_steal_chart (dataset, 0));
  g_assert_true (mc_dataset_add_chart (dataset, spec));
  notes = assert_mended_as_made (dataset, edits, G_N_ELEMENTS (edits), views,
                                 G_N_ELEMENTS (views));
  g_assert_cmpuint (g_hash_table_size (notes), >=, 2);
}

/* Four centuries of monthly prices are too many years for yearly
 * candles 800 px wide: the candles are of ten years, "1700–1709", each
 * the first open, the highest high, the lowest low and the last close of
 * its decade; 150 px wide, of a hundred years. Both are mended after an
 * edit as they are made anew. */
static void
test_forms_candles_decades (void)
{
  static const PriceEdit edits[] = { { 130, "high", 1000 }, { 2401, "low", -90 } };
  static const CandleView views[] = { { 800, 0, 0 }, { 150, 0, 0 } };
  g_autoptr(GString) csv = g_string_new ("date,open,high,low,close,volume\n");
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(McDataset) dataset = NULL;
  g_autoptr(McChartModel) chart = NULL;
  g_autoptr(GPtrArray) candles = NULL;
  g_autoptr(GHashTable) notes = NULL;
  double open = NAN, high = -INFINITY, low = INFINITY;

  for (guint i = 0; i < 400 * 12; i++)
    {
      double month_open = 100 + i * 7919 % 787;
      double month_high = month_open + 1 + i % 13, month_low = month_open - 1 - i % 11;
      double month_close = month_open + (double) (i % 3) - 1;

      g_string_append_printf (csv, "%u-%02u-15,%g,%g,%g,%g,%u\n", 1700 + i / 12, i % 12 + 1,
                              month_open, month_high, month_low, month_close, 1000 + i % 50);
      if (isnan (open))
        open = month_open;
      high = MAX (high, month_high);
      low = MIN (low, month_low);
      /* The last month of a decade */
      if (i % 120 == 119)
        {
          g_ptr_array_add (texts, g_strdup_printf ("open %g · high %g · low %g · close %g; "
                                                   "volume ", open, high, low, month_close));
          open = NAN, high = -INFINITY, low = INFINITY;
        }
    }
  dataset = load_table (csv->str, csv->len, "centuries.csv");
  chart = default_candles (dataset);
  mc_test_render_layout (chart, 800, 500, FALSE);
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_NOTE, "Candles of ten years: too many "
                                           "years to show one by one"));
  candles = candle_marks (chart);
  g_assert_cmpuint (candles->len, ==, 40);
  for (guint i = 0; i < candles->len; i++)
    {
      g_autofree char *label = g_strdup_printf ("%u–%u", 1700 + i * 10, 1709 + i * 10);

      assert_candle_says (chart, g_ptr_array_index (candles, i), label,
                          g_ptr_array_index (texts, i));
    }
  g_clear_pointer (&candles, g_ptr_array_unref);

  mc_test_render_layout (chart, 150, 500, FALSE);
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_NOTE, "Candles of a hundred years: "
                                           "too many years to show one by one"));
  candles = candle_marks (chart);
  g_assert_cmpuint (candles->len, ==, 4);
  assert_candle_says (chart, g_ptr_array_index (candles, 3), "2000–2099", "open ");

  notes = assert_mended_as_made (dataset, edits, G_N_ELEMENTS (edits), views,
                                 G_N_ELEMENTS (views));
  g_assert_cmpuint (g_hash_table_size (notes), ==, 2);
}

/* The summary of the describe test's candles, drawn. */
static char *
candles_summary (McDataset *dataset)
{
  g_autoptr(McChartModel) chart = default_candles (dataset);

  mc_test_render_layout (chart, 800, 500, FALSE);
  return mc_chart_describe (chart, mc_test_view_marks (chart));
}

/* The summary of candles names the first highest high and the first
 * lowest low in time order: of rows in order (found through the
 * columns' summaries), of rows in another order or without a price, and
 * after an edit. */
static void
test_forms_candles_describe (void)
{
  static const char header[] = "date,open,high,low,close\n";
  static const char *rows[] = {
    "2024-01-01,10,12,9,11\n", "2024-01-02,11,15,10,12\n", "2024-01-03,12,13,8,12\n",
    "2024-01-04,12,15,8,13\n", "2024-01-05,13,14,10,13\n",
  };
  static const guint shuffled[] = { 3, 1, 0, 4, 2 };

  for (guint order = 0; order < 2; order++)
    {
      g_autoptr(GString) csv = g_string_new (header);
      g_autoptr(McDataset) dataset = NULL;
      g_autofree char *summary = NULL;
      g_autofree char *edited = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        g_string_append (csv, rows[order == 0 ? i : shuffled[i]]);
      /* A row without its high is no candle: its low is not the lowest. */
      if (order == 1)
        g_string_append (csv, "2024-01-06,13,,2,13\n");
      dataset = load_table (csv->str, csv->len, "describe.csv");
      summary = candles_summary (dataset);
      g_test_message ("%s", summary);
      g_assert_nonnull (strstr (summary, "1 Jan 2024 to 5 Jan 2024"));
      g_assert_nonnull (strstr (summary, "highest 15 on 2 Jan 2024"));
      g_assert_nonnull (strstr (summary, "lowest 8 on 3 Jan 2024"));

      /* 5 January's high, in whichever row it is, raised above them all */
      for (guint row = 0; row < mc_dataset_get_n_rows (dataset); row++)
        if (mc_column_get_value (mc_dataset_get_column (dataset, 2), row) == 14)
          mc_dataset_set_value (dataset, row, 2, 20);
      edited = candles_summary (dataset);
      g_assert_nonnull (strstr (edited, "highest 20 on 5 Jan 2024"));
    }
}

/* Bubbles: the area of each is proportional to its size; named points
 * are labelled, and a dot's bubble names it and gives its values. */
static void
test_forms_bubbles (void)
{
  g_autoptr(McDataset) dataset = form_dataset ("countries.json");
  g_autoptr(McChartModel) chart = form_chart (dataset, "bubbles");
  McMarks *marks;
  McColumn *population = mc_dataset_lookup_column (dataset, "population");
  const McMark *china = NULL, *germany = NULL;
  g_auto(McChartHit) hit = { 0 };

  mc_test_render_layout (chart, 800, 500, FALSE);
  marks = mc_test_view_marks (chart);
  for (guint i = 0; i < marks->marks->len; i++)
    {
      const McMark *mark = &g_array_index (marks->marks, McMark, i);

      g_assert_cmpint (mark->shape, ==, MC_MARK_POINT);
      if (g_strcmp0 (mark->label, "China") == 0)
        china = mark;
      if (g_strcmp0 (mark->label, "Germany") == 0)
        germany = mark;
    }
  g_assert_nonnull (china);
  g_assert_nonnull (germany);
  g_assert_cmpfloat_with_epsilon (china->box.width * china->box.width
                                  / (germany->box.width * germany->box.width),
                                  mc_column_get_value (population, china->row)
                                  / mc_column_get_value (population, germany->row), 1e-6);
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_VALUE_LABEL, "China"));
  g_assert_null (mc_test_view_find_box (chart, MC_TEXT_VALUE_LABEL, "Kenya"));
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_LEGEND, "Population"));
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_AXIS_TITLE,
                                           "GDP per capita (USD), log scale"));
  g_assert_true (mc_hit_test (marks, china->box.x + china->box.width / 2,
                              china->box.y + china->box.height / 2, &hit));
  g_assert_cmpstr (hit.label, ==, "China");
  g_assert_nonnull (strstr (hit.value, "GDP per capita: USD"));
  g_assert_nonnull (strstr (hit.value, "Population: "));
}

/* Thousands of points merge into squares shaded by their count. */
static void
test_forms_density (void)
{
  g_autoptr(McDataset) dataset = form_dataset ("returns-cloud.json");
  g_autoptr(McChartModel) chart = form_chart (dataset, "cloud");
  McMarks *marks;
  guint total = 0;

  mc_test_render_layout (chart, 800, 500, FALSE);
  marks = mc_test_view_marks (chart);
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_NOTE, NULL));
  for (guint i = 0; i < marks->marks->len; i++)
    {
      const McMark *mark = &g_array_index (marks->marks, McMark, i);

      g_assert_cmpint (mark->shape, ==, MC_MARK_RECT);
      total += (guint) mark->value;
    }
  /* Every point is in one square. */
  g_assert_cmpuint (total, ==, 2500);
  g_assert_cmpuint (marks->marks->len, <, 2500);

  /* At 4000 × 3000 there is room for the dots themselves. */
  mc_test_render_layout (chart, 4000, 3000, FALSE);
  g_assert_cmpuint (mc_test_view_marks (chart)->marks->len, ==, 2500);
}

/* A cloud of hundreds of thousands of points is counted in parts, on
 * several threads where there are processors for them: every point is
 * still in exactly one square, and in the one its place says. */
static void
test_forms_density_parts (void)
{
  const guint n_points = 300001;
  g_autoptr(McDataset) dataset = dataset_new ("Cloud");
  McColumn *x = number_column ("x", "X", NULL);
  McColumn *y = number_column ("y", "Y", NULL);
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("cloud", "scatter", "x", "y");
  g_autoptr(McChartModel) chart = NULL;
  McMarks *marks;
  guint total = 0, bottom_left = 0;

  /* Two thirds of the points at one place, the rest spread evenly. */
  for (guint i = 0; i < n_points; i++)
    {
      gboolean spread = i % 3 == 0;

      mc_column_append_value (x, spread ? (double) (i % 1000) : 0);
      mc_column_append_value (y, spread ? (double) (i / 1000 % 300) : 0);
    }
  mc_dataset_add_column (dataset, x);
  mc_dataset_add_column (dataset, y);
  chart = chart_new (dataset, spec);
  mc_test_render_layout (chart, 800, 500, FALSE);
  marks = mc_test_view_marks (chart);
  for (guint i = 0; i < marks->marks->len; i++)
    {
      const McMark *mark = &g_array_index (marks->marks, McMark, i);

      g_assert_cmpint (mark->shape, ==, MC_MARK_RECT);
      total += (guint) mark->value;
      bottom_left = MAX (bottom_left, (guint) mark->value);
    }
  g_assert_cmpuint (total, ==, n_points);
  /* The square at (0, 0) holds the two thirds, and a few spread ones. */
  g_assert_cmpuint (bottom_left, >=, n_points - n_points / 3 - 1);
  g_assert_cmpuint (bottom_left, <, n_points - n_points / 3 + 100);
}

/* A highlight of points in a dense cloud: the squares turn grey and the
 * points it names are drawn over them, in colour; hundreds of them go
 * without their names. */
static void
test_forms_density_highlight (void)
{
  g_autoptr(McDataset) dataset = form_dataset ("returns-cloud.json");
  McChartSpec *spec = (McChartSpec *) mc_dataset_lookup_chart (dataset, "cloud");
  const char *up[] = { "Up day", NULL };
  const McColumn *day = mc_dataset_lookup_column (dataset, "day");
  g_autoptr(McChartModel) chart = NULL;
  McMarks *marks;
  guint up_days = 0, squares = 0, dots = 0;

  for (guint row = 0; row < mc_column_get_n_rows (day); row++)
    up_days += g_strcmp0 (mc_column_get_string (day, row), "Up day") == 0;
  mc_chart_spec_set_string (spec, "label", "day");
  mc_chart_spec_set_strv (spec, "highlight", up);
  chart = form_chart (dataset, "cloud");
  mc_test_render_layout (chart, 800, 500, FALSE);
  marks = mc_test_view_marks (chart);
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_NOTE, NULL));
  for (guint i = 0; i < marks->marks->len; i++)
    {
      const McMark *mark = &g_array_index (marks->marks, McMark, i);

      if (mark->shape == MC_MARK_RECT)
        {
          g_assert_cmpuint (mark->color, ==, MC_THEME_NEUTRAL);
          squares++;
          continue;
        }
      g_assert_cmpstr (mark->label, ==, "Up day");
      g_assert_cmpuint (mark->color, !=, MC_THEME_NEUTRAL);
      dots++;
    }
  g_assert_cmpuint (squares, >, 0);
  g_assert_cmpuint (up_days, >, 100);
  g_assert_cmpuint (dots, ==, up_days);
  g_assert_null (mc_test_view_find_box (chart, MC_TEXT_VALUE_LABEL, "Up day"));
}

/* The steps of a bridge run from the start to the end total. */
static void
test_forms_waterfall (void)
{
  g_autoptr(McDataset) dataset = form_dataset ("revenue-bridge.json");
  g_autoptr(McChartModel) chart = form_chart (dataset, "bridge");
  McChartSpec *spec = (McChartSpec *) mc_dataset_lookup_chart (dataset, "bridge");
  const char *typo[] = { "Subtotl", NULL };
  McMarks *marks;
  const McMark *end;
  g_auto(McChartHit) hit = { 0 };

  mc_test_render_layout (chart, 800, 500, FALSE);
  marks = mc_test_view_marks (chart);
  g_assert_cmpuint (marks->marks->len, ==, 8);
  end = &g_array_index (marks->marks, McMark, 7);
  g_assert_cmpstr (end->label, ==, "FY2024");
  g_assert_cmpfloat_with_epsilon (end->value, 11.8 + 2.1 + 1.4 - 0.6 - 0.4 - 0.3, 1e-9);
  g_assert_cmpuint (end->color, ==, MC_THEME_NEUTRAL);
  g_assert_cmpuint (g_array_index (marks->marks, McMark, 3).color, ==, MC_COLOR_DOWN);
  g_assert_true (mc_hit_test (marks, end->box.x + 2, end->box.y + 2, &hit));
  g_assert_cmpstr (hit.value, ==, "USD 14 bn Est.");
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_VALUE_LABEL, "−0.6"));
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_VALUE_LABEL, "+1.4 Est."));

  mc_chart_spec_set_strv (spec, "totals", typo);
  assert_error_contains (dataset, spec, "no row is named “Subtotl” in column “step”");
}

/* Bars and a line: both axes start at zero, and their zeros and grids
 * line up. */
static void
test_forms_combo (void)
{
  g_autoptr(McDataset) dataset = form_dataset ("revenue-growth.json");
  g_autoptr(McChartModel) chart = form_chart (dataset, "combo");
  McAxes *axes;

  g_assert_cmpuint (mc_chart_model_get_n_series (chart), ==, 2);
  g_assert_cmpstr (mc_chart_model_get_series_name (chart, 1), ==, "Revenue growth");
  for (guint s = 0; s < MC_TEST_N_LAYOUT_SIZES; s++)
    {
      mc_test_render_layout (chart, mc_test_layout_sizes[s].width,
                             mc_test_layout_sizes[s].height, FALSE);
      axes = &mc_test_view_marks (chart)->axes;
      if (mc_test_view_marks (chart)->marks->len == 0)
        continue;
      g_assert_cmpfloat (axes->y[0].min, <, 0);
      g_assert_cmpuint (axes->y[0].n_intervals, ==, axes->y[1].n_intervals);
      g_assert_cmpfloat_with_epsilon (mc_axes_map_value (axes, 0, 0),
                                      mc_axes_map_value (axes, 1, 0), 1e-6);
    }
  mc_test_render_layout (chart, 800, 500, FALSE);
  /* The rates are the chart's, not the data's: the axis says so. */
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_AXIS_TITLE,
                                           "Revenue growth (%), computed"));
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_VALUE_LABEL, "−5.1%"));
}

/* Small multiples: one value axis where the unit is shared, labelled at
 * the left only; x labels under the lowest panels; the pointer finds a
 * point in the panel it is over. */
static void
test_forms_panels (void)
{
  g_autoptr(McDataset) dataset = form_dataset ("tickers.json");
  g_autoptr(McChartModel) chart = form_chart (dataset, "panels");
  McMarks *marks;
  g_auto(McChartHit) hit = { 0 };
  const McAxes *first, *last;
  const McTextBox *boxes;
  guint n_boxes;

  mc_test_render_layout (chart, 800, 500, FALSE);
  marks = mc_test_view_marks (chart);
  g_assert_nonnull (marks->panels);
  g_assert_cmpuint (marks->panels->len, ==, 6);
  g_assert_cmpuint (mc_test_view_count_boxes (chart, MC_TEXT_PANEL_TITLE), ==, 6);
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_AXIS_TITLE, "Close (USD)"));
  first = &g_array_index (marks->panels, McAxes, 0);
  last = &g_array_index (marks->panels, McAxes, 5);
  g_assert_cmpfloat (first->y[0].min, ==, last->y[0].min);
  g_assert_cmpfloat (first->y[0].max, ==, last->y[0].max);
  g_assert_cmpfloat (first->plot.width, ==, last->plot.width);
  /* Three panels a row, two rows: tick labels of values only at the
   * left, of dates only under the second row. */
  boxes = mc_marks_get_text_boxes (marks, &n_boxes);
  for (guint i = 0; i < n_boxes; i++)
    if (boxes[i].role == MC_TEXT_TICK_LABEL && boxes[i].x > first->plot.x + first->plot.width)
      g_assert_cmpfloat (boxes[i].y, >, last->plot.y + last->plot.height);
  g_assert_true (mc_hit_test (marks, last->plot.x + last->plot.width / 2,
                              last->plot.y + last->plot.height / 2, &hit));
  g_assert_cmpstr (hit.series_name, ==, "NTES");
}

/* Each chart of the forms as it looked when its image was made (and
 * looked at): MC_UPDATE_GOLDEN=1 draws them again. */
static void
test_forms_golden (void)
{
  g_autoptr(GPtrArray) datasets = NULL;
  gboolean update = g_getenv ("MC_UPDATE_GOLDEN") != NULL;

  if (!mc_test_golden_ready (update))
    return;
  datasets = form_datasets ();
  for (guint d = 0; d < datasets->len; d++)
    mc_test_compare_golden_charts (g_ptr_array_index (datasets, d), update);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/forms/aggregate", test_forms_aggregate);
  g_test_add_func ("/mc/forms/filter", test_forms_filter);
  g_test_add_func ("/mc/forms/filter-quarter", test_forms_filter_quarter);
  g_test_add_func ("/mc/forms/month", test_forms_month);
  g_test_add_func ("/mc/forms/top", test_forms_top);
  g_test_add_func ("/mc/forms/distinct-colors", test_forms_distinct_colors);
  g_test_add_func ("/mc/forms/long-series-summary", test_forms_long_series_summary);
  g_test_add_func ("/mc/forms/aggregate-groups", test_forms_aggregate_groups);
  g_test_add_func ("/mc/forms/index", test_forms_index);
  g_test_add_func ("/mc/forms/index-common-x", test_forms_index_common_x);
  g_test_add_func ("/mc/forms/percent", test_forms_percent);
  g_test_add_func ("/mc/forms/sort", test_forms_sort);
  g_test_add_func ("/mc/forms/log", test_forms_log);
  g_test_add_func ("/mc/forms/candles", test_forms_candles);
  g_test_add_func ("/mc/forms/candles-vision", test_forms_candles_vision);
  g_test_add_func ("/mc/forms/candles-bad-row", test_forms_candles_bad_row);
  g_test_add_func ("/mc/forms/candles-row-check", test_forms_candles_row_check);
  g_test_add_func ("/mc/forms/candles-edits-checked", test_forms_candles_edits_checked);
  g_test_add_func ("/mc/forms/candles-mended", test_forms_candles_mended);
  g_test_add_func ("/mc/forms/candles-mended-daily", test_forms_candles_mended_daily);
  g_test_add_func ("/mc/forms/candles-mended-filtered", test_forms_candles_mended_filtered);
  g_test_add_func ("/mc/forms/lines-mended", test_forms_lines_mended);
  g_test_add_func ("/mc/forms/folds-mended", test_forms_folds_mended);
  g_test_add_func ("/mc/forms/candles-mended-aggregated", test_forms_candles_mended_aggregated);
  g_test_add_func ("/mc/forms/candles-decades", test_forms_candles_decades);
  g_test_add_func ("/mc/forms/candles-two-rows", test_forms_candles_two_rows);
  g_test_add_func ("/mc/forms/candles-quarters", test_forms_candles_quarters);
  g_test_add_func ("/mc/forms/candles-minutes", test_forms_candles_minutes);
  g_test_add_func ("/mc/forms/candles-describe", test_forms_candles_describe);
  g_test_add_func ("/mc/forms/candles-parts", test_forms_candles_parts);
  g_test_add_func ("/mc/forms/bubbles", test_forms_bubbles);
  g_test_add_func ("/mc/forms/density", test_forms_density);
  g_test_add_func ("/mc/forms/density-highlight", test_forms_density_highlight);
  g_test_add_func ("/mc/forms/density-parts", test_forms_density_parts);
  g_test_add_func ("/mc/forms/waterfall", test_forms_waterfall);
  g_test_add_func ("/mc/forms/combo", test_forms_combo);
  g_test_add_func ("/mc/forms/panels", test_forms_panels);
  g_test_add_func ("/mc/forms/layouts", test_forms_layouts);
  g_test_add_func ("/mc/forms/golden", test_forms_golden);

  return g_test_run ();
}
