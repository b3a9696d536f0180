/* test-default-chart.c: the chart an analyst would pick for a table that
 * declares none, and the notes that say why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "mc-chart-model-private.h"
#include "mc-loader.h"

/* The table @csv, read as a plain CSV file named @name, with its one
 * chart made into a model (so that the chart is one that draws). */
static McDataset *
load (const char *csv,
      const char *name)
{
  g_autoptr(GError) error = NULL;
  McDataset *dataset = mc_loader_load_data (csv, strlen (csv), name, NULL, &error);
  g_autoptr(McChartModel) chart = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (mc_dataset_get_n_charts (dataset), ==, 1);
  chart = mc_chart_model_new (dataset, mc_dataset_get_chart (dataset, 0), &error);
  g_assert_no_error (error);
  return dataset;
}

static const McChartSpec *
chart_of (McDataset *dataset)
{
  return mc_dataset_get_chart (dataset, 0);
}

static gboolean
has_note (McDataset  *dataset,
          const char *text)
{
  const char * const *notes = mc_dataset_get_notes (dataset);

  for (guint i = 0; notes[i] != NULL; i++)
    if (strstr (notes[i], text) != NULL)
      return TRUE;
  return FALSE;
}

static void
assert_note (McDataset  *dataset,
             const char *text)
{
  if (!has_note (dataset, text))
    g_error ("no note says “%s”", text);
}

static gboolean
has_warning (McDataset  *dataset,
             const char *text)
{
  const char * const *warnings = mc_dataset_get_warnings (dataset);

  for (guint i = 0; warnings[i] != NULL; i++)
    if (strstr (warnings[i], text) != NULL)
      return TRUE;
  return FALSE;
}

/* Daily prices, one row per weekday from 2 January 2024; @row writes
 * the rest of row @i. */
typedef void (*RowFunc) (GString *out,
                         guint    i,
                         gpointer data);

static char *
daily_table (const char *header,
             guint       n_days,
             gboolean    newest_first,
             RowFunc     row,
             gpointer    data)
{
  GString *out = g_string_new (header);
  g_autoptr(GDateTime) start = g_date_time_new_utc (2024, 1, 2, 0, 0, 0);

  g_string_append_c (out, '\n');
  for (guint k = 0; k < n_days; k++)
    {
      guint i = newest_first ? n_days - 1 - k : k;
      g_autoptr(GDateTime) day = g_date_time_add_days (start, i);
      g_autofree char *iso = g_date_time_format (day, "%Y-%m-%d");

      g_string_append_printf (out, "%s,", iso);
      row (out, i, data);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
ohlc_row (GString *out,
          guint    i,
          gpointer data)
{
  double close = 100 + 10 * sin (i / 5.0);

  g_string_append_printf (out, "%.2f,%.2f,%.2f,%.2f,%.2f,%u,%.2f", close - 1, close + 2, close - 2,
                          close, close * 0.98, 1000000 + i * 1000, sin (i) * 2);
}

/* Open, high, low and close become candles, the volume their panel; the
 * rest is named as left out. */
static void
test_default_candles (void)
{
  g_autofree char *csv = daily_table ("Date,Open,High,Low,Close,Adj Close,Volume,Return (%)",
                                      60, TRUE, ohlc_row, NULL);
  g_autoptr(McDataset) dataset = load (csv, "9988.HK.csv");
  const McChartSpec *spec = chart_of (dataset);

  g_assert_cmpstr (spec->type, ==, "candlestick");
  g_assert_cmpstr (mc_chart_spec_get_string (spec, "close"), ==, "close");
  g_assert_cmpstr (mc_chart_spec_get_string (spec, "volume"), ==, "volume");
  g_assert_cmpstr (mc_chart_spec_get_string (spec, "x"), ==, "date");
  assert_note (dataset, "a candlestick chart");
  g_assert_true (has_warning (dataset, "column “Adj Close” is not in the default chart"));
  g_assert_true (has_warning (dataset, "column “Return” is not in the default chart"));
}

static void
ticker_row (GString *out,
            guint    i,
            gpointer data)
{
  const char *ticker = data;

  g_string_append_printf (out, "%s,%.2f", ticker, (ticker[0] == 'A' ? 20 : 150) + sin (i));
}

/* Tidy prices of tickers of different sizes: one line each, indexed. */
static void
test_default_tickers (void)
{
  g_autofree char *a = daily_table ("date,symbol,close", 40, FALSE, ticker_row, "AAA");
  g_autofree char *b = daily_table ("", 40, FALSE, ticker_row, "BBB");
  g_autofree char *csv = g_strconcat (a, b + 1, NULL);
  g_autoptr(McDataset) dataset = load (csv, "prices.csv");
  const McChartSpec *spec = chart_of (dataset);

  g_assert_cmpstr (spec->type, ==, "line");
  g_assert_cmpstr (mc_chart_spec_get_string (spec, "series"), ==, "symbol");
  g_assert_cmpstr (mc_chart_spec_get_string (spec, "transform"), ==, "index");
  assert_note (dataset, "indexed to 100");
  g_assert_false (mc_chart_spec_has_option (spec, "sort"));
}

/* A long table of @n_tickers tickers' prices ("AAA", "BBB", "CCC"…),
 * day after day: @repeat, when not NULL, is one more row; with @swapped
 * the second ticker's rows of days 5 and 6 change places; the first
 * ticker's prices start at @first and are ten times more from its
 * second day. */
static McDataset *
long_prices (guint       n_tickers,
             const char *repeat,
             gboolean    swapped,
             double      first)
{
  g_autoptr(GString) csv = g_string_new ("date,symbol,close\n");

  for (guint day = 1; day <= 28; day++)
    for (guint k = 0; k < n_tickers; k++)
      {
        guint shown = swapped && k == 1 && (day == 5 || day == 6) ? 11 - day : day;
        double close = k == 0 ? (day == 1 ? first : 10 * first) + day : 100 + day;
        char ticker = 'A' + k;

        g_string_append_printf (csv, "2024-02-%02u,%c%c%c,%.2f\n", shown, ticker, ticker, ticker,
                                close);
      }
  if (repeat != NULL)
    g_string_append_printf (csv, "%s\n", repeat);
  return load (csv->str, "long.csv");
}

/* Rows of a long table found by their date and ticker together: the
 * same day of other tickers is no duplicate, the same day and ticker
 * is, next to the last or anywhere; the order of the rows is each
 * ticker's; the sizes compared are the tickers' first prices. */
static void
test_default_long_keys (void)
{
  g_autoptr(McDataset) plain = long_prices (3, NULL, FALSE, 100);
  g_autoptr(McDataset) repeated = long_prices (3, "2024-02-10,BBB,50", FALSE, 100);
  g_autoptr(McDataset) repeated_last = long_prices (3, "2024-02-28,CCC,50", FALSE, 100);
  g_autoptr(McDataset) missing = long_prices (3, "2024-02-10,,50", FALSE, 100);
  g_autoptr(McDataset) swapped = long_prices (3, NULL, TRUE, 100);
  g_autoptr(McDataset) small_first = long_prices (3, NULL, FALSE, 10);
  const McChartSpec *spec = chart_of (plain);

  g_assert_cmpstr (spec->type, ==, "line");
  g_assert_cmpstr (mc_chart_spec_get_string (spec, "series"), ==, "symbol");
  g_assert_false (mc_chart_spec_has_option (spec, "aggregate"));
  g_assert_false (mc_chart_spec_has_option (spec, "sort"));
  /* 100 and 101 to start with, though the first ticker then goes to
   * a thousand */
  g_assert_false (mc_chart_spec_has_option (spec, "transform"));
  g_assert_cmpstr (mc_chart_spec_get_string (chart_of (repeated), "aggregate"), ==, "mean");
  g_assert_cmpstr (mc_chart_spec_get_string (chart_of (repeated_last), "aggregate"), ==, "mean");
  g_assert_false (mc_chart_spec_has_option (chart_of (missing), "aggregate"));
  g_assert_false (mc_chart_spec_has_option (chart_of (missing), "sort"));
  g_assert_true (mc_chart_spec_get_boolean (chart_of (swapped), "sort"));
  g_assert_cmpstr (mc_chart_spec_get_string (chart_of (small_first), "transform"), ==, "index");
}

/* The same questions of long tables of more tickers. Ten are a panel
 * each: rows of the same day and ticker are averaged, a ticker's rows
 * out of order sorted, the sizes compared those of the first prices.
 * Twenty are the seven largest and the mean of the others, an
 * aggregate: the note says whether rows of the same day and ticker
 * are among them. */
static void
test_default_long_keys_many (void)
{
  g_autoptr(McDataset) plain = long_prices (10, NULL, FALSE, 100);
  g_autoptr(McDataset) repeated = long_prices (10, "2024-02-10,BBB,50", FALSE, 100);
  g_autoptr(McDataset) swapped = long_prices (10, NULL, TRUE, 100);
  g_autoptr(McDataset) small_first = long_prices (10, NULL, FALSE, 10);
  g_autoptr(McDataset) plain_20 = long_prices (20, NULL, FALSE, 100);
  g_autoptr(McDataset) repeated_last_20 = long_prices (20, "2024-02-28,TTT,50", FALSE, 100);
  g_autoptr(McDataset) missing_20 = long_prices (20, "2024-02-10,,50", FALSE, 100);
  g_autoptr(McDataset) swapped_20 = long_prices (20, NULL, TRUE, 100);
  const McChartSpec *spec = chart_of (plain);

  g_assert_cmpstr (spec->type, ==, "line");
  g_assert_cmpstr (mc_chart_spec_get_string (spec, "series"), ==, "symbol");
  g_assert_cmpstr (mc_chart_spec_get_string (spec, "panels"), ==, "series");
  g_assert_false (mc_chart_spec_has_option (spec, "aggregate"));
  g_assert_false (mc_chart_spec_has_option (spec, "sort"));
  g_assert_false (mc_chart_spec_has_option (spec, "transform"));
  g_assert_cmpstr (mc_chart_spec_get_string (chart_of (repeated), "aggregate"), ==, "mean");
  g_assert_true (mc_chart_spec_get_boolean (chart_of (swapped), "sort"));
  g_assert_false (mc_chart_spec_has_option (chart_of (swapped), "aggregate"));
  g_assert_cmpstr (mc_chart_spec_get_string (chart_of (small_first), "transform"), ==, "index");

  g_assert_cmpint (mc_chart_spec_get_number (chart_of (plain_20), "top"), ==, 7);
  g_assert_false (has_note (plain_20, "are averaged"));
  assert_note (repeated_last_20, "are averaged");
  g_assert_false (has_note (missing_20, "are averaged"));
  g_assert_false (has_note (swapped_20, "are averaged"));
}

static void
value_row (GString *out,
           guint    i,
           gpointer data)
{
  g_string_append_printf (out, "%u", 100 + i);
}

/* Rows newest first make a line from the oldest. */
static void
test_default_sorted (void)
{
  g_autofree char *csv = daily_table ("Date,Visitors", 30, TRUE, value_row, NULL);
  g_autoptr(McDataset) dataset = load (csv, "visitors.csv");
  const McChartSpec *spec = chart_of (dataset);

  g_assert_cmpstr (spec->type, ==, "line");
  g_assert_true (mc_chart_spec_get_boolean (spec, "sort"));
  assert_note (dataset, "not in the order of their dates");
}

static gboolean
aggregates (const char *csv)
{
  g_autoptr(McDataset) dataset = load (csv, "visitors.csv");

  return mc_chart_spec_has_option (chart_of (dataset), "aggregate");
}

static void
shuffled_row (GString *out,
              guint    i,
              gpointer data)
{
  g_string_append_printf (out, "%.2f", 100 + 0.37 * i);
}

/* Rows of the same date are combined, found without a text of each
 * value: dates in order (an even progression) or not. */
static void
test_default_same_x (void)
{
  g_autofree char *sorted = daily_table ("Date,Visitors", 30, FALSE, shuffled_row, NULL);
  g_autofree char *newest = daily_table ("Date,Visitors", 30, TRUE, shuffled_row, NULL);
  g_autofree char *sorted_twice = g_strconcat (sorted, "2024-01-31,7.5\n", NULL);
  g_autofree char *newest_twice = g_strconcat (newest, "2024-01-15,7.5\n", NULL);
  g_autofree char *first_twice = g_strconcat (newest, "2024-01-02,7.5\n", NULL);

  g_assert_false (aggregates (sorted));
  g_assert_false (aggregates (newest));
  g_assert_true (aggregates (sorted_twice));
  g_assert_true (aggregates (newest_twice));
  g_assert_true (aggregates (first_twice));
}

/* A year and a month column date the rows of a monthly series; more
 * than eight industries are the seven largest and the rest as one. */
static void
test_default_months (void)
{
  GString *csv = g_string_new ("year,month,industry,jobs\n");
  g_autoptr(McDataset) dataset = NULL;
  g_autoptr(McChartModel) chart = NULL;
  const McChartSpec *spec;

  for (guint y = 2022; y <= 2023; y++)
    for (guint m = 1; m <= 12; m++)
      for (guint i = 0; i < 10; i++)
        g_string_append_printf (csv, "%u,%u,Industry %c,%u\n", y, m, 'A' + i, 1000 * (i + 1) + m);
  dataset = load (csv->str, "jobs.csv");
  g_string_free (csv, TRUE);
  spec = chart_of (dataset);
  g_assert_cmpstr (spec->type, ==, "line");
  g_assert_cmpstr (mc_chart_spec_get_string (spec, "x"), ==, "year");
  g_assert_cmpstr (mc_chart_spec_get_string (spec, "month"), ==, "month");
  g_assert_cmpstr (mc_chart_spec_get_string (spec, "series"), ==, "industry");
  g_assert_cmpfloat (mc_chart_spec_get_number (spec, "top"), ==, 7);
  g_assert_false (mc_chart_spec_has_option (spec, "aggregate"));
  assert_note (dataset, "date the rows together");
  chart = mc_chart_model_new (dataset, spec, NULL);
  g_assert_cmpuint (mc_chart_model_get_n_series (chart), ==, 8);
  g_assert_cmpuint (mc_series_get_n_points (mc_chart_model_get_series (chart, 0)), ==, 24);
}

/* People by year, age and sex: a line per sex, the ages added up; ages
 * are groups, not values. */
static void
test_default_population (void)
{
  GString *csv = g_string_new ("Year,Age,Sex,Population\n");
  g_autoptr(McDataset) dataset = NULL;
  const McChartSpec *spec;

  for (guint y = 2000; y < 2010; y++)
    for (guint a = 0; a < 50; a++)
      for (guint s = 0; s < 2; s++)
        g_string_append_printf (csv, "%u,%u,%s,%u\n", y, a, s ? "Male" : "Female", 1000 + a);
  dataset = load (csv->str, "population.csv");
  g_string_free (csv, TRUE);
  spec = chart_of (dataset);
  g_assert_cmpstr (spec->type, ==, "line");
  g_assert_cmpstr (mc_chart_spec_get_string (spec, "series"), ==, "sex");
  g_assert_cmpstr (mc_chart_spec_get_string (spec, "aggregate"), ==, "sum");
  assert_note (dataset, "“Age” holds whole numbers that name groups");
  assert_note (dataset, "are added up");
}

/* Named rows with two measures: a scatter, a third measure sizing the
 * bubbles, codes of clusters colouring them. */
static void
test_default_scatter (void)
{
  GString *csv = g_string_new ("country,gdp_per_capita (USD),life_expectancy (years),"
                               "population,cluster\n");
  g_autoptr(McDataset) dataset = NULL;
  const McChartSpec *spec;

  for (guint i = 0; i < 24; i++)
    g_string_append_printf (csv, "Country %u,%u,%.1f,%u,%u\n", i, 1000 + 997 * i * i,
                            55 + 0.9 * i, 5 + i * 3, 1 + i % 3);
  dataset = load (csv->str, "countries.csv");
  g_string_free (csv, TRUE);
  spec = chart_of (dataset);
  g_assert_cmpstr (spec->type, ==, "scatter");
  g_assert_cmpstr (mc_chart_spec_get_string (spec, "x"), ==, "gdp_per_capita_usd");
  g_assert_cmpstr (mc_chart_spec_get_string (spec, "label"), ==, "country");
  g_assert_cmpstr (mc_chart_spec_get_string (spec, "size"), ==, "population");
  g_assert_cmpstr (mc_chart_spec_get_string (spec, "series"), ==, "cluster");
  assert_note (dataset, "a scatter chart");
}

static void
weather_row (GString *out,
             guint    i,
             gpointer data)
{
  g_string_append_printf (out, "%.1f,%.1f,%.1f", 5 + sin (i / 9.0) * 10, fabs (sin (i)) * 4,
                          10 + cos (i) * 5);
}

/* Columns in different units never share an axis: one panel each. */
static void
test_default_units (void)
{
  g_autofree char *csv = daily_table ("time,temperature (°C),precipitation (mm),wind (km/h)",
                                      90, FALSE, weather_row, NULL);
  g_autoptr(McDataset) dataset = load (csv, "weather.csv");
  const McChartSpec *spec = chart_of (dataset);

  g_assert_cmpstr (spec->type, ==, "line");
  g_assert_cmpstr (mc_chart_spec_get_string (spec, "panels"), ==, "unit");
  g_assert_cmpuint (mc_chart_spec_get_strv_length (spec, "y"), ==, 3);
  assert_note (dataset, "one panel per unit");
}

/* A table of @n_rows named rows ("Company 0", …) and @columns of
 * numbers after the name. */
static char *
named_rows (guint       n_rows,
            const char *columns)
{
  GString *out = g_string_new ("company,");

  g_string_append_printf (out, "%s\n", columns);
  for (guint i = 0; i < n_rows; i++)
    {
      g_string_append_printf (out, "Company %u", i);
      for (const char *c = columns; c != NULL; c = strchr (c + 1, ','))
        g_string_append_printf (out, ",%u", (i * 7919 + (guint) (c - columns)) % 100003);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* Ten thousand named rows are still bars; more would be bars thinner
 * than a pixel, seconds to lay out at each frame: the numbers alone
 * make the chart where they can, and a warning says why there is none
 * where they can't. */
static void
test_default_too_many_bars (void)
{
  g_autofree char *ten_thousand = named_rows (10000, "revenue");
  g_autofree char *more = named_rows (10001, "revenue");
  g_autofree char *more_two = named_rows (10001, "revenue,profit");
  g_autoptr(McDataset) bars = load (ten_thousand, "companies.csv");
  g_autoptr(McDataset) two = load (more_two, "companies.csv");
  g_autoptr(McDataset) none = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (chart_of (bars)->type, ==, "bar");
  assert_note (bars, "“Company” names categories: a bar chart");

  g_assert_cmpstr (chart_of (two)->type, ==, "scatter");
  assert_note (two, "“Company” has more than 10000 values: too many bars for one chart");

  none = mc_loader_load_data (more, strlen (more), "companies.csv", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mc_dataset_get_n_charts (none), ==, 0);
  g_assert_true (has_warning (none, "companies.csv: no chart could be chosen: “Company” has "
                              "more than 10000 values, too many bars for one chart"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/default-chart/candles", test_default_candles);
  g_test_add_func ("/mc/default-chart/tickers", test_default_tickers);
  g_test_add_func ("/mc/default-chart/long-keys", test_default_long_keys);
  g_test_add_func ("/mc/default-chart/long-keys-many", test_default_long_keys_many);
  g_test_add_func ("/mc/default-chart/sorted", test_default_sorted);
  g_test_add_func ("/mc/default-chart/same-x", test_default_same_x);
  g_test_add_func ("/mc/default-chart/months", test_default_months);
  g_test_add_func ("/mc/default-chart/population", test_default_population);
  g_test_add_func ("/mc/default-chart/scatter", test_default_scatter);
  g_test_add_func ("/mc/default-chart/units", test_default_units);
  g_test_add_func ("/mc/default-chart/too-many-bars", test_default_too_many_bars);

  return g_test_run ();
}
