/* test-loader.c: datasets from JSON and CSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "mc-bundled.h"
#include "mc-chart-kind.h"
#include "mc-loader.h"
#include "mc-loader-error.h"
#include "mc-text.h"

/* Helpers */

static double
days_of (int year,
         int month,
         int day)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (year, month, day, 0, 0, 0);

  return (double) (g_date_time_to_unix (date) / 86400);
}

static McDataset *
load_path (const char  *folder,
           const char  *name,
           GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", folder, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return mc_loader_load_file (file, NULL, error);
}

static McDataset *
load_good (const char *name)
{
  g_autoptr(GError) error = NULL;
  McDataset *dataset = load_path ("good", name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

static McColumn *
column (McDataset  *dataset,
        const char *id)
{
  McColumn *c = mc_dataset_lookup_column (dataset, id);

  if (c == NULL)
    g_error ("no column “%s”", id);
  return c;
}

/* @expected uses NAN for a missing value. */
static void
assert_values (McColumn     *c,
               const double *expected,
               guint         n)
{
  g_assert_cmpuint (mc_column_get_n_rows (c), ==, n);
  for (guint i = 0; i < n; i++)
    {
      if (isnan (expected[i]))
        g_assert_true (mc_column_is_missing (c, i));
      else
        g_assert_cmpfloat (mc_column_get_value (c, i), ==, expected[i]);
    }
}

static void
assert_strings (McColumn           *c,
                const char * const *expected,
                guint               n)
{
  g_assert_cmpuint (mc_column_get_n_rows (c), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (mc_column_get_string (c, i), ==, expected[i]);
}

static gboolean
has_warning (McDataset  *dataset,
             const char *fragment)
{
  const char * const *warnings = mc_dataset_get_warnings (dataset);

  for (guint i = 0; warnings[i] != NULL; i++)
    if (strstr (warnings[i], fragment) != NULL)
      return TRUE;
  return FALSE;
}

static guint
n_warnings (McDataset *dataset)
{
  return g_strv_length ((char **) mc_dataset_get_warnings (dataset));
}

/* The bundled datasets, checked against the article */

/* Element @i of a chart's list of columns @key, NULL beyond its end. */
static const char *
spec_column (const McChartSpec *spec,
             const char        *key,
             guint              i)
{
  GVariant *value = mc_chart_spec_get_option (spec, key);
  const char *id = NULL;

  if (value != NULL && i < g_variant_n_children (value))
    g_variant_get_child (value, i, "&s", &id);
  return id;
}

/* The article's story: Alibaba set apart from its peers, each
 * commitment's timeframe on its bar, the remainder of the shares said to
 * be computed. */
static void
assert_story_of_investment (McDataset *d)
{
  const McChartSpec *bars = mc_dataset_lookup_chart (d, "investment");
  const McChartSpec *pie = mc_dataset_lookup_chart (d, "market-share");
  g_autofree const char **bars_highlight = mc_chart_spec_get_strv (bars, "highlight");
  g_autofree const char **pie_highlight = mc_chart_spec_get_strv (pie, "highlight");

  g_assert_true (g_strv_equal (bars_highlight, (const char *[]) { "Alibaba", NULL }));
  g_assert_true (g_strv_equal (pie_highlight, (const char *[]) { "Alibaba", NULL }));
  g_assert_cmpstr (mc_chart_spec_get_string (bars, "notes"), ==, "timeframe");
  g_assert_nonnull (strstr (mc_chart_spec_get_string (pie, "other_label"), "computed"));
}

static void
test_bundled_cloud_investment (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) d = mc_bundled_lookup ("cloud-investment", &error);
  const char * const companies[] = {
    "Alibaba", "Amazon AWS", "Microsoft Azure", "Google Cloud", "Tencent Cloud"
  };
  const double investment[] = { 50, 35, 10, 50, 70 };
  const double timeframe[] = { 3, 5, NAN, NAN, 5 };
  const double global[] = { 4.5, 32, 23, 11, 2.6 };
  const double apac[] = { 17, NAN, NAN, NAN, NAN };
  const McChartSpec *pie;

  g_assert_no_error (error);
  g_assert_true (mc_dataset_get_bundled (d));
  g_assert_cmpstr (mc_dataset_get_id (d), ==, "cloud-investment");
  g_assert_cmpuint (mc_dataset_get_n_rows (d), ==, 5);
  g_assert_cmpuint (n_warnings (d), ==, 0);
  assert_strings (column (d, "company"), companies, 5);
  assert_values (column (d, "investment"), investment, 5);
  g_assert_cmpstr (mc_column_get_unit (column (d, "investment")), ==, "USD");
  g_assert_cmpint (mc_column_get_scale (column (d, "investment")), ==, MC_SCALE_BILLION);
  g_assert_cmpstr (mc_column_get_note (column (d, "investment"), 2), ==, "OpenAI partnership");
  g_assert_false (mc_column_is_estimate (column (d, "investment"), 2));
  assert_values (column (d, "timeframe"), timeframe, 5);
  g_assert_cmpstr (mc_column_get_note (column (d, "timeframe"), 2), ==, "Ongoing");
  g_assert_cmpstr (mc_column_get_note (column (d, "timeframe"), 3), ==, "Ongoing");
  g_assert_null (mc_column_get_note (column (d, "timeframe"), 0));
  assert_values (column (d, "global_share"), global, 5);
  g_assert_cmpstr (mc_column_get_unit (column (d, "global_share")), ==, "percent");
  assert_values (column (d, "apac_share"), apac, 5);

  g_assert_cmpuint (mc_dataset_get_n_charts (d), ==, 2);
  pie = mc_dataset_lookup_chart (d, "market-share");
  g_assert_nonnull (pie);
  g_assert_cmpstr (pie->type, ==, "pie");
  g_assert_true (mc_chart_spec_get_boolean (pie, "donut"));
  g_assert_true (mc_chart_spec_get_boolean (pie, "sort"));
  g_assert_cmpfloat (mc_chart_spec_get_number (pie, "total"), ==, 100);
  g_assert_cmpstr (mc_chart_spec_get_string (pie, "x"), ==, "company");
  g_assert_cmpstr (spec_column (pie, "y", 0), ==, "global_share");
  g_assert_null (spec_column (pie, "y", 1));
  g_assert_true (mc_chart_spec_get_boolean (mc_dataset_lookup_chart (d, "investment"), "sort"));
  g_assert_cmpstr (mc_dataset_lookup_chart (d, "investment")->type, ==, "bar");
  assert_story_of_investment (d);
}

static void
test_bundled_revenue (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) d = mc_bundled_lookup ("alibaba-cloud-revenue", &error);
  const double years[] = {
    days_of (2021, 1, 1), days_of (2022, 1, 1), days_of (2023, 1, 1), days_of (2024, 1, 1)
  };
  const double revenue[] = { 9.2, 11.8, 13.3, 15.4 };
  const double rank[] = { 3, 3, 3, 3 };
  const double apac[] = { 19, 17, 17, 17 };
  McColumn *rev;
  const McChartSpec *growth, *combo;

  g_assert_no_error (error);
  g_assert_true (mc_dataset_get_bundled (d));
  assert_values (column (d, "year"), years, 4);
  g_assert_cmpint (mc_column_get_date_precision (column (d, "year")), ==, MC_DATE_YEAR);
  rev = column (d, "revenue");
  assert_values (rev, revenue, 4);
  /* The whole 2024 row is the article's estimate. */
  for (guint i = 0; i < 3; i++)
    g_assert_false (mc_column_is_estimate (rev, i));
  g_assert_true (mc_column_is_estimate (rev, 3));
  g_assert_true (mc_column_is_estimate (column (d, "rank"), 3));
  g_assert_true (mc_column_is_estimate (column (d, "apac_share"), 3));
  g_assert_cmpstr (mc_column_get_note (rev, 3), ==, "Estimate");
  assert_values (column (d, "rank"), rank, 4);
  assert_values (column (d, "apac_share"), apac, 4);

  g_assert_cmpuint (mc_dataset_get_n_charts (d), ==, 4);
  combo = mc_dataset_lookup_chart (d, "revenue-and-growth");
  g_assert_cmpstr (combo->type, ==, "combo");
  g_assert_cmpstr (spec_column (combo, "y", 0), ==, "revenue");
  g_assert_cmpstr (spec_column (combo, "y2", 0), ==, "revenue");
  g_assert_cmpstr (mc_chart_spec_get_string (combo, "y2_transform"), ==, "growth");
  growth = mc_dataset_lookup_chart (d, "revenue-growth");
  g_assert_cmpstr (mc_chart_spec_get_string (growth, "transform"), ==, "growth");
  g_assert_false (mc_chart_spec_is_growth (mc_dataset_lookup_chart (d, "revenue")));
  g_assert_cmpstr (mc_dataset_lookup_chart (d, "apac-share")->type, ==, "line");
}

static GVariant *
annotation (const McChartSpec *chart,
            guint              i)
{
  GVariant *annotations = mc_chart_spec_get_option (chart, "annotations");

  g_assert_nonnull (annotations);
  g_assert_cmpuint (i, <, g_variant_n_children (annotations));
  return g_variant_get_child_value (annotations, i);
}

static const char *
annotation_label (const McChartSpec *chart,
                  guint              i)
{
  g_autoptr(GVariant) a = annotation (chart, i);
  const char *label = NULL;

  g_assert_true (g_variant_lookup (a, "label", "&s", &label));
  /* The annotation's text lives as long as the spec's option. */
  return label;
}

static void
assert_annotation (const McChartSpec *chart,
                   guint              i,
                   const char        *type,
                   const char        *x)
{
  g_autoptr(GVariant) a = annotation (chart, i);
  const char *found_type = NULL, *found_x = NULL;

  g_assert_true (g_variant_lookup (a, "type", "&s", &found_type));
  g_assert_cmpstr (found_type, ==, type);
  g_assert_true (g_variant_lookup (a, "x", "&s", &found_x));
  g_assert_cmpstr (found_x, ==, x);
}

static void
test_bundled_share_price (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) d = mc_bundled_lookup ("alibaba-share-price", &error);
  const double dates[] = { days_of (2024, 1, 1), days_of (2024, 2, 1), days_of (2025, 2, 1) };
  const double price[] = { 110, 130, 148 };
  const double cap[] = { 250, 300, 340 };
  const McChartSpec *chart;

  g_assert_no_error (error);
  assert_values (column (d, "date"), dates, 3);
  g_assert_cmpint (mc_column_get_date_precision (column (d, "date")), ==, MC_DATE_MONTH);
  assert_values (column (d, "price"), price, 3);
  g_assert_cmpstr (mc_column_get_unit (column (d, "price")), ==, "HKD");
  assert_values (column (d, "market_cap"), cap, 3);
  g_assert_cmpstr (mc_column_get_unit (column (d, "market_cap")), ==, "USD");
  g_assert_cmpint (mc_column_get_scale (column (d, "market_cap")), ==, MC_SCALE_BILLION);

  /* Two panels, not two value axes that invite comparing the lines;
   * the announcement and the rise after it marked. */
  chart = mc_dataset_lookup_chart (d, "price-and-market-cap");
  g_assert_cmpstr (spec_column (chart, "y", 0), ==, "price");
  g_assert_cmpstr (spec_column (chart, "y", 1), ==, "market_cap");
  g_assert_cmpstr (mc_chart_spec_get_string (chart, "panels"), ==, "series");
  assert_annotation (chart, 0, "event", "2025-02");
  assert_annotation (chart, 1, "callout", "2025-02");
  g_assert_nonnull (strstr (annotation_label (chart, 1), "14%"));
  g_assert_cmpstr (mc_dataset_get_source_date (d), ==, "2025-02");
}

static void
test_bundled_order (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = mc_bundled_load_all (&error);
  const char * const ids[] = { "cloud-investment", "alibaba-cloud-revenue", "alibaba-share-price" };

  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < all->len; i++)
    {
      McDataset *d = g_ptr_array_index (all, i);
      g_autofree char *uri = g_file_get_uri (mc_dataset_get_file (d));

      g_assert_cmpstr (mc_dataset_get_id (d), ==, ids[i]);
      g_assert_true (mc_dataset_get_bundled (d));
      g_assert_true (g_str_has_prefix (uri, "resource:///io/github/marketcharts/MarketCharts/datasets/"));
    }
}

/* Datasets read twice are equal; any other is not. */
static void
test_bundled_equal (void)
{
  g_autoptr(McDataset) a = mc_bundled_lookup ("alibaba-cloud-revenue", NULL);
  g_autoptr(McDataset) b = mc_bundled_lookup ("alibaba-cloud-revenue", NULL);
  g_autoptr(McDataset) c = mc_bundled_lookup ("cloud-investment", NULL);

  g_assert_true (mc_dataset_equal (a, b));
  g_assert_false (mc_dataset_equal (a, c));
  mc_dataset_set_title (b, "Another title");
  g_assert_false (mc_dataset_equal (a, b));
  g_assert_true (mc_column_equal (mc_dataset_get_column (a, 1), mc_dataset_get_column (b, 1)));
  g_assert_false (mc_column_equal (mc_dataset_get_column (a, 1), mc_dataset_get_column (a, 2)));
}

static void
test_bundled_unknown (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) d = mc_bundled_lookup ("no-such-dataset", &error);

  g_assert_null (d);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "cloud-investment"));
}

/* Dates */

static void
test_dates (void)
{
  static const struct {
    const char *text;
    int y, m, d;
    McDatePrecision precision;
  } good[] = {
    { "2024", 2024, 1, 1, MC_DATE_YEAR },
    { "2024-02", 2024, 2, 1, MC_DATE_MONTH },
    { "2024-02-15", 2024, 2, 15, MC_DATE_DAY },
    { "2024-02-29", 2024, 2, 29, MC_DATE_DAY },
    { "2000-02-29", 2000, 2, 29, MC_DATE_DAY },
    { "1969-12-31", 1969, 12, 31, MC_DATE_DAY },
    { "2024/02/15", 2024, 2, 15, MC_DATE_DAY },
    { " 2024-2 ", 2024, 2, 1, MC_DATE_MONTH },
    { "January 2024", 2024, 1, 1, MC_DATE_MONTH },
    { "Feb 2024", 2024, 2, 1, MC_DATE_MONTH },
    { "feb. 2024", 2024, 2, 1, MC_DATE_MONTH },
    { "Sept 2024", 2024, 9, 1, MC_DATE_MONTH },
    { "15 Feb 2024", 2024, 2, 15, MC_DATE_DAY },
    { "15 February 2024", 2024, 2, 15, MC_DATE_DAY },
    { "1st March 2024", 2024, 3, 1, MC_DATE_DAY },
    { "15-Feb-2024", 2024, 2, 15, MC_DATE_DAY },
    { "February 15, 2024", 2024, 2, 15, MC_DATE_DAY },
    { "Dec 31 2023", 2023, 12, 31, MC_DATE_DAY },
    { "Q1 2024", 2024, 1, 1, MC_DATE_QUARTER },
    { "2024-Q3", 2024, 7, 1, MC_DATE_QUARTER },
  };
  static const char * const bad[] = {
    "", "soon", "2024-13", "2024-00", "2024-02-30", "2023-02-29", "1900-02-29",
    "24", "20245", "2/15/2024", "15/02/2024", "2024-02-15x", "Febr 2024",
    "32 Jan 2024", "Jan 2024 2025", "2024-02-15T25:00", "2024-02/15", "0000",
    "2024-1-1-1", "Q0 2024", "2024-Q5", "2024-W05",
  };
  double days;
  McDatePrecision precision;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_test_message ("%s", good[i].text);
      g_assert_true (mc_loader_parse_date (good[i].text, &days, &precision));
      g_assert_cmpfloat (days, ==, days_of (good[i].y, good[i].m, good[i].d));
      g_assert_cmpint (precision, ==, good[i].precision);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      g_assert_false (mc_loader_parse_date (bad[i], &days, &precision));
    }

  /* A time of day is kept as a fraction of the day, in UTC. */
  g_assert_true (mc_loader_parse_date ("2024-02-15T18:00:00Z", &days, &precision));
  g_assert_cmpfloat (days, ==, days_of (2024, 2, 15) + 0.75);
  g_assert_true (mc_loader_parse_date ("2024-02-15T18:00+06:00", &days, NULL));
  g_assert_cmpfloat (days, ==, days_of (2024, 2, 15) + 0.5);
  g_assert_cmpint (precision, ==, MC_DATE_DAY);
}

/* Good files */

static void
test_good_csv_reference (void)
{
  g_autoptr(McDataset) d = load_good ("prices.json");
  const double dates[] = {
    days_of (2025, 2, 24), days_of (2025, 2, 25), days_of (2025, 2, 24), days_of (2025, 2, 25)
  };
  const double close[] = { 148.5, 146.25, 402.0, NAN };
  const double halted[] = { 0, 0, 0, 1 };
  const char * const symbols[] = { "9988", "9988", "0700", "0700" };

  g_assert_cmpuint (mc_dataset_get_n_columns (d), ==, 4);
  g_assert_cmpuint (mc_dataset_get_n_rows (d), ==, 4);
  assert_values (column (d, "date"), dates, 4);
  g_assert_cmpint (mc_column_get_date_precision (column (d, "date")), ==, MC_DATE_DAY);
  assert_strings (column (d, "symbol"), symbols, 4);
  assert_values (column (d, "close"), close, 4);
  assert_values (column (d, "halted"), halted, 4);
  g_assert_cmpstr (mc_dataset_get_source_url (d), ==, "https://example.org/prices");
  g_assert_true (has_warning (d, "prices.csv:1:19: column “volume” is not declared in "
                                 "prices.json and is ignored"));
  g_assert_cmpstr (mc_chart_spec_get_string (mc_dataset_lookup_chart (d, "close"), "series"), ==, "symbol");
}

static void
test_good_bom_crlf (void)
{
  g_autoptr(McDataset) d = load_good ("bom-crlf.csv");
  const char * const regions[] = { "Asia-Pacific", "Europe, Middle East", "Americas" };
  const double revenue[] = { 9.2, 4.5, 12.5 };
  const double growth[] = { 12, -3.5, 0 };
  McColumn *first = mc_dataset_get_column (d, 0);
  const McChartSpec *chart;

  g_assert_cmpstr (mc_column_get_id (first), ==, "region");
  g_assert_cmpstr (mc_column_get_label (first), ==, "Region");
  assert_strings (first, regions, 3);
  g_assert_cmpstr (mc_column_get_id (mc_dataset_get_column (d, 1)), ==, "revenue_usd_bn");
  /* The unit in the header becomes the column's unit and scale. */
  g_assert_cmpstr (mc_column_get_label (mc_dataset_get_column (d, 1)), ==, "Revenue");
  g_assert_cmpstr (mc_column_get_unit (column (d, "revenue_usd_bn")), ==, "USD");
  g_assert_cmpint (mc_column_get_scale (column (d, "revenue_usd_bn")), ==, MC_SCALE_BILLION);
  assert_values (column (d, "revenue_usd_bn"), revenue, 3);
  assert_values (column (d, "growth"), growth, 3);
  g_assert_cmpstr (mc_column_get_unit (column (d, "growth")), ==, "percent");

  g_assert_cmpstr (mc_dataset_get_id (d), ==, "bom-crlf");
  g_assert_cmpstr (mc_dataset_get_title (d), ==, "Bom crlf");
  g_assert_cmpuint (mc_dataset_get_n_charts (d), ==, 1);
  chart = mc_dataset_get_chart (d, 0);
  g_assert_cmpstr (chart->type, ==, "bar");
  g_assert_cmpstr (mc_chart_spec_get_string (chart, "x"), ==, "region");
  /* USD bn and percentages don't share an axis: the first is charted. */
  g_assert_cmpuint (mc_chart_spec_get_strv_length (chart, "y"), ==, 1);
  g_assert_cmpstr (spec_column (chart, "y", 0), ==, "revenue_usd_bn");
}

static void
test_good_quoted (void)
{
  g_autoptr(McDataset) d = load_good ("quoted.csv");
  const char * const companies[] = {
    "Alibaba", "Microsoft \"Azure\"", "Google Cloud", "Tencent Cloud"
  };
  const char * const comments[] = {
    "AI, Cloud Computing, Cybersecurity", "Line one\nline two", NULL, "plain text"
  };
  const double investment[] = { 50, 10, 50, 70 };

  assert_strings (column (d, "company"), companies, 4);
  assert_strings (column (d, "comment"), comments, 4);
  assert_values (column (d, "investment"), investment, 4);
}

static void
test_good_written_dates (void)
{
  g_autoptr(McDataset) d = load_good ("written-dates.csv");
  const double when[] = {
    days_of (2024, 1, 1), days_of (2024, 2, 1), days_of (2024, 2, 15),
    days_of (2024, 2, 16), days_of (2024, 3, 3)
  };
  McColumn *c = column (d, "when");
  const McChartSpec *chart;

  g_assert_cmpint (mc_column_get_column_type (c), ==, MC_COLUMN_DATE);
  g_assert_cmpint (mc_column_get_date_precision (c), ==, MC_DATE_DAY);
  assert_values (c, when, 5);

  chart = mc_dataset_get_chart (d, 0);
  g_assert_cmpstr (chart->type, ==, "line");
  g_assert_cmpstr (mc_chart_spec_get_string (chart, "x"), ==, "when");
  g_assert_cmpstr (spec_column (chart, "y", 0), ==, "value");
}

static void
test_good_booleans (void)
{
  g_autoptr(McDataset) d = load_good ("booleans.csv");
  const double listed[] = { 1, 1, 0, NAN };
  const double profitable[] = { 1, 1, 0, 0 };
  const double rating[] = { 4, 5, NAN, 2 };

  g_assert_cmpint (mc_column_get_column_type (column (d, "listed")), ==, MC_COLUMN_BOOLEAN);
  assert_values (column (d, "listed"), listed, 4);
  assert_values (column (d, "profitable"), profitable, 4);
  assert_values (column (d, "rating"), rating, 4);
  g_assert_cmpstr (mc_dataset_get_chart (d, 0)->type, ==, "bar");
  g_assert_cmpstr (spec_column (mc_dataset_get_chart (d, 0), "y", 0), ==, "rating");
}

static void
test_good_tidy (void)
{
  g_autoptr(McDataset) d = load_good ("tidy.csv");
  const McChartSpec *chart = mc_dataset_get_chart (d, 0);

  g_assert_cmpuint (mc_dataset_get_n_rows (d), ==, 9);
  g_assert_cmpstr (chart->type, ==, "line");
  g_assert_cmpstr (mc_chart_spec_get_string (chart, "x"), ==, "date");
  g_assert_cmpstr (spec_column (chart, "y", 0), ==, "price");
  g_assert_null (spec_column (chart, "y", 1));
  g_assert_cmpstr (mc_chart_spec_get_string (chart, "series"), ==, "symbol");
}

static void
test_good_pasted (void)
{
  g_autoptr(McDataset) d = load_good ("pasted.tsv");
  const char * const companies[] = { "Amazon AWS", "Microsoft Azure", "Google Cloud" };
  const double share[] = { 32, 23, 11 };

  assert_strings (column (d, "company"), companies, 3);
  assert_values (column (d, "share"), share, 3);
  g_assert_cmpstr (mc_dataset_get_chart (d, 0)->type, ==, "bar");
}

static void
test_good_years (void)
{
  g_autoptr(McDataset) d = load_good ("years.csv");
  McColumn *year = column (d, "year");
  const double share[] = { 19, 17, 17, 17 };
  const McChartSpec *chart = mc_dataset_get_chart (d, 0);

  g_assert_cmpint (mc_column_get_column_type (year), ==, MC_COLUMN_DATE);
  g_assert_cmpint (mc_column_get_date_precision (year), ==, MC_DATE_YEAR);
  g_assert_cmpfloat (mc_column_get_value (year, 3), ==, days_of (2024, 1, 1));
  assert_values (column (d, "apac_share"), share, 4);
  g_assert_cmpstr (mc_column_get_unit (column (d, "apac_share")), ==, "percent");
  g_assert_cmpstr (chart->type, ==, "line");
  g_assert_cmpstr (mc_chart_spec_get_string (chart, "x"), ==, "year");
  /* Revenue and a percentage don't share an axis: a panel each. */
  g_assert_cmpuint (mc_chart_spec_get_strv_length (chart, "y"), ==, 2);
  g_assert_cmpstr (spec_column (chart, "y", 0), ==, "revenue");
  g_assert_cmpstr (mc_chart_spec_get_string (chart, "panels"), ==, "unit");
}

static void
test_good_unknown_keys (void)
{
  g_autoptr(McDataset) d = load_good ("unknown-keys.json");
  const McChartSpec *chart = mc_dataset_get_chart (d, 0);

  g_assert_cmpuint (n_warnings (d), ==, 6);
  g_assert_true (has_warning (d, "unknown-keys.json:5:3: unknown key “author” is ignored"));
  g_assert_true (has_warning (d, "unknown-keys.json:6:31: source: unknown key “licence”"));
  g_assert_true (has_warning (d, "unknown-keys.json:8:37: columns[0]: unknown key “colour”"));
  g_assert_true (has_warning (d, "unknown-keys.json:12:30: rows[0][1]: unknown key “comment”"));
  g_assert_true (has_warning (d, "unknown-keys.json:16:50: charts[0]: unknown key “frames”"));
  g_assert_true (has_warning (d, "unknown-keys.json:16:67: charts[0].donut: “donut” does not apply to a bar chart"));

  g_assert_cmpfloat (mc_column_get_value (column (d, "value"), 0), ==, 1.5);
  g_assert_true (mc_column_is_missing (column (d, "value"), 1));
  g_assert_cmpint (mc_column_get_scale (column (d, "value")), ==, MC_SCALE_MILLION);
  g_assert_cmpint (mc_column_get_date_precision (column (d, "year")), ==, MC_DATE_MONTH);
  g_assert_cmpstr (mc_chart_spec_get_x (chart, d), ==, "year");
  g_assert_cmpstr (chart->title, ==, "Unknown keys");
}

static void
test_good_no_charts (void)
{
  g_autoptr(McDataset) d = load_good ("no-charts.json");
  const McChartSpec *chart;

  g_assert_cmpuint (mc_dataset_get_n_charts (d), ==, 1);
  chart = mc_dataset_get_chart (d, 0);
  g_assert_cmpstr (chart->type, ==, "bar");
  g_assert_cmpstr (mc_chart_spec_get_string (chart, "x"), ==, "company");
  g_assert_cmpstr (spec_column (chart, "y", 0), ==, "investment");
  /* The share, in another unit, is left out of the default chart. */
  g_assert_null (spec_column (chart, "y", 1));
}

static void
test_good_duplicate_headers (void)
{
  g_autoptr(McDataset) d = load_good ("duplicate-headers.csv");
  const char * const ids[] = { "name", "value", "name_2", "column_4", "value_2" };

  g_assert_cmpuint (mc_dataset_get_n_columns (d), ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpstr (mc_column_get_id (mc_dataset_get_column (d, i)), ==, ids[i]);
  g_assert_cmpstr (mc_column_get_label (mc_dataset_get_column (d, 3)), ==, "Column 4");
  /* An all-empty column is a string column. */
  g_assert_cmpint (mc_column_get_column_type (mc_dataset_get_column (d, 3)), ==, MC_COLUMN_STRING);
}

/* Units written in plain CSV headers */

static McDataset *
load_csv_text (const char *csv,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  McDataset *d = mc_loader_load_data (csv, strlen (csv), name, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (d);
  return d;
}

static void
assert_unit (McDataset  *d,
             const char *id,
             const char *label,
             const char *unit,
             McScale     scale)
{
  McColumn *c = column (d, id);

  g_assert_cmpstr (mc_column_get_label (c), ==, label);
  g_assert_cmpstr (mc_column_get_unit (c), ==, unit);
  g_assert_cmpint (mc_column_get_scale (c), ==, scale);
}

static void
test_header_units (void)
{
  static const char csv[] =
    "Region,Revenue (USD m),Share (%),Price (HKD),Users (millions),Cap (USD bn),"
    "Cost (adjusted),Length (m),Rate (percent),Growth (%),Name (USD m)\n"
    "North,1200,17,148,3,9,5,7,2,4%,a\n"
    "South,800,19,150,4,10,6,8,3,5%,b\n";
  g_autoptr(McDataset) d = load_csv_text (csv, "units.csv");

  assert_unit (d, "revenue_usd_m", "Revenue", "USD", MC_SCALE_MILLION);
  assert_unit (d, "share", "Share", "percent", MC_SCALE_NONE);
  assert_unit (d, "price_hkd", "Price", "HKD", MC_SCALE_NONE);
  assert_unit (d, "users_millions", "Users", NULL, MC_SCALE_MILLION);
  assert_unit (d, "cap_usd_bn", "Cap", "USD", MC_SCALE_BILLION);
  assert_unit (d, "rate_percent", "Rate", "percent", MC_SCALE_NONE);
  assert_unit (d, "growth", "Growth", "percent", MC_SCALE_NONE);
  g_assert_cmpfloat (mc_column_get_value (column (d, "growth"), 1), ==, 5);
  /* Words that are not certainly units, and text columns, stay as
   * written. */
  assert_unit (d, "cost_adjusted", "Cost (adjusted)", NULL, MC_SCALE_NONE);
  assert_unit (d, "length_m", "Length (m)", NULL, MC_SCALE_NONE);
  assert_unit (d, "name_usd_m", "Name (USD m)", NULL, MC_SCALE_NONE);
}

/* Header rows of merged cells put a unit before the years of several
 * columns; programs end ids with theirs. A scale alone at the end of an
 * id could be anything, and stays. */
static void
test_header_units_elsewhere (void)
{
  static const char csv[] =
    "region,Share (%) 2023,revenue_usd_bn,price_hkd,margin_pct,users_m,rmb_total\n"
    "North,17,1.5,148,12,3,5\n"
    "South,19,2.5,150,13,4,6\n";
  g_autoptr(McDataset) d = load_csv_text (csv, "ids.csv");

  assert_unit (d, "share_2023", "Share 2023", "percent", MC_SCALE_NONE);
  /* The ids keep the header; the labels read as words. */
  assert_unit (d, "region", "Region", NULL, MC_SCALE_NONE);
  assert_unit (d, "revenue_usd_bn", "Revenue", "USD", MC_SCALE_BILLION);
  assert_unit (d, "price_hkd", "Price", "HKD", MC_SCALE_NONE);
  assert_unit (d, "margin_pct", "Margin", "percent", MC_SCALE_NONE);
  assert_unit (d, "users_m", "Users m", NULL, MC_SCALE_NONE);
  assert_unit (d, "rmb_total", "RMB total", NULL, MC_SCALE_NONE);
}

/* Dates written in numbers take their order from the one of them whose
 * day is above 12: American, European and German files alike. A column
 * where no date tells stays text, and says why; one that mixes the two
 * orders is text too. */
static void
test_numeric_dates (void)
{
  g_autoptr(McDataset) us = load_csv_text ("date,price\n12/29/2023,10\n1/2/2024,11\n", "us.csv");
  g_autoptr(McDataset) eu = load_csv_text ("date,price\n29/12/2023,10\n02/01/2024,11\n", "eu.csv");
  g_autoptr(McDataset) de = load_csv_text ("Datum;Kurs\n02.01.2024;11\n29.12.2023;10\n", "de.csv");
  g_autoptr(McDataset) either = load_csv_text ("date,price\n01/02/2024,11\n01/03/2024,12\n",
                                               "either.csv");
  g_autoptr(McDataset) mixed = load_csv_text ("date,price\n13/01/2024,11\n14/01/2024,12\n"
                                              "01/15/2024,13\n", "mixed.csv");
  McColumn *date;

  date = mc_dataset_get_column (us, 0);
  g_assert_cmpint (mc_column_get_column_type (date), ==, MC_COLUMN_DATE);
  g_assert_cmpfloat (mc_column_get_value (date, 1), ==, 19724);    /* 2024-01-02 */
  date = mc_dataset_get_column (eu, 0);
  g_assert_cmpint (mc_column_get_column_type (date), ==, MC_COLUMN_DATE);
  g_assert_cmpfloat (mc_column_get_value (date, 1), ==, 19724);
  date = mc_dataset_get_column (de, 0);
  g_assert_cmpint (mc_column_get_column_type (date), ==, MC_COLUMN_DATE);
  g_assert_cmpfloat (mc_column_get_value (date, 0), ==, 19724);
  g_assert_cmpint (mc_column_get_date_precision (date), ==, MC_DATE_DAY);

  g_assert_cmpint (mc_column_get_column_type (mc_dataset_get_column (either, 0)), ==,
                   MC_COLUMN_STRING);
  g_assert_true (has_warning (either, "its dates, such as “01/02/2024”, could be day/month or "
                                      "month/day"));
  g_assert_cmpint (mc_column_get_column_type (mc_dataset_get_column (mixed, 0)), ==,
                   MC_COLUMN_STRING);
  g_assert_true (has_warning (mixed, "“01/15/2024” is not a number, a date or an amount"));
}

/* A default chart doesn't put columns of very different sizes, or of
 * different units, on one axis. */
static void
test_default_chart_magnitudes (void)
{
  static const char mixed[] =
    "Region,Revenue (USD m),Customers,Cost (USD m)\n"
    "Southeast Asia,1200,30,900\n"
    "Europe,700,18,650\n"
    "Mainland China,5100,,4000\n";
  static const char similar[] = "Region,Revenue,Cost\nNorth,1200,900\nSouth,80,70\n";
  g_autoptr(McDataset) d = load_csv_text (mixed, "longnames.csv");
  g_autoptr(McDataset) s = load_csv_text (similar, "similar.csv");
  const McChartSpec *chart = mc_dataset_get_chart (d, 0);

  g_assert_cmpstr (chart->type, ==, "bar");
  g_assert_cmpuint (mc_chart_spec_get_strv_length (chart, "y"), ==, 2);
  g_assert_cmpstr (spec_column (chart, "y", 0), ==, "revenue_usd_m");
  g_assert_cmpstr (spec_column (chart, "y", 1), ==, "cost_usd_m");

  chart = mc_dataset_get_chart (s, 0);
  g_assert_cmpuint (mc_chart_spec_get_strv_length (chart, "y"), ==, 2);
}

/* In memory */

static void
test_load_data (void)
{
  static const char json[] =
    "{ \"format\": \"market-charts/1\", \"id\": \"m\", \"title\": \"M\",\n"
    "  \"columns\": [ { \"id\": \"v\", \"type\": \"number\" } ],\n"
    "  \"data\": { \"csv\": \"values.csv\" } }\n";
  static const char csv[] = "a,b\n1,2\n3,4\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) from_json = NULL;
  g_autoptr(McDataset) from_csv = NULL;
  g_autoptr(McDataset) sniffed = NULL;

  from_json = mc_loader_load_data (json, strlen (json), "memory.json", NULL, &error);
  g_assert_null (from_json);
  g_assert_error (error, MC_LOADER_ERROR, MC_LOADER_ERROR_PATH);
  g_assert_true (g_str_has_prefix (error->message, "memory.json:3:20: data.csv: "));
  g_clear_error (&error);

  from_csv = mc_loader_load_data (csv, strlen (csv), "pasted data", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mc_dataset_get_n_rows (from_csv), ==, 2);
  g_assert_cmpstr (mc_dataset_get_chart (from_csv, 0)->type, ==, "line");
  g_assert_cmpstr (mc_chart_spec_get_string (mc_dataset_get_chart (from_csv, 0), "x"), ==, "a");

  /* Without an extension the content decides. */
  sniffed = mc_loader_load_data ("\n  {\"format\": 2}", 16, "clipboard", NULL, &error);
  g_assert_null (sniffed);
  g_assert_error (error, MC_LOADER_ERROR, MC_LOADER_ERROR_TYPE);
  g_assert_cmpstr (error->message, ==,
                   "clipboard:2:14: format: “format” must be a string, found a number (2)");
}

static void
test_duplicate_keys (void)
{
  static const char json[] =
    "{ \"format\": \"market-charts/1\", \"id\": \"d\", \"title\": \"First\",\n"
    "  \"title\": \"Second\",\n"
    "  \"columns\": [ { \"id\": \"v\", \"type\": \"number\", \"type\": \"number\" } ],\n"
    "  \"rows\": [[1], [2]] }\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) d = mc_loader_load_data (json, strlen (json), "dup.json", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (mc_dataset_get_title (d), ==, "Second");
  g_assert_cmpuint (n_warnings (d), ==, 3);
  /* One number column alone cannot make a chart. */
  g_assert_cmpuint (mc_dataset_get_n_charts (d), ==, 0);
  g_assert_true (has_warning (d, "dup.json: no chart could be chosen"));
  g_assert_true (has_warning (d, "dup.json:2:3: the key \"title\" appears twice in the same "
                                 "object; only the last one counts"));
  g_assert_true (has_warning (d, "dup.json:3:47: the key \"type\" appears twice"));
}

/* Limits */

static void
test_limit_json_size (void)
{
  gsize length = MC_LOADER_MAX_JSON_SIZE + 1;
  g_autofree char *data = g_malloc (length);
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) d = NULL;

  memset (data, ' ', length);
  data[0] = '{';
  d = mc_loader_load_data (data, length, "huge.json", NULL, &error);
  g_assert_null (d);
  g_assert_error (error, MC_LOADER_ERROR, MC_LOADER_ERROR_TOO_LARGE);
  /* The size is formatted by GLib, with a non-breaking space. */
  g_assert_true (g_str_has_prefix (error->message, "huge.json: the file is 64.0"));
  g_assert_true (g_str_has_suffix (error->message, "MiB (67108865 bytes); the limit is 64 MiB"));
}

static void
test_limit_csv_size (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mc-loader-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(McDataset) d = NULL;
  int fd;

  g_assert_no_error (error);
  path = g_build_filename (dir, "sparse.csv", NULL);
  fd = g_open (path, O_CREAT | O_WRONLY, 0600);
  g_assert_cmpint (fd, >=, 0);
  /* A sparse file: no disk space, but its size is over the limit. */
  g_assert_cmpint (ftruncate (fd, (off_t) MC_LOADER_MAX_CSV_SIZE + 1), ==, 0);
  close (fd);

  file = g_file_new_for_path (path);
  d = mc_loader_load_file (file, NULL, &error);
  g_assert_null (d);
  g_assert_error (error, MC_LOADER_ERROR, MC_LOADER_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "sparse.csv: the file is 1.0"));
  g_assert_true (g_str_has_suffix (error->message, "GiB (1073741825 bytes); the limit is 1 GiB"));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_limit_csv_columns (void)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) d = NULL;

  for (guint i = 0; i <= MC_LOADER_MAX_COLUMNS; i++)
    g_string_append_printf (csv, "%sc%u", i ? "," : "", i);
  g_string_append (csv, "\n");
  d = mc_loader_load_data (csv->str, csv->len, "wide.csv", NULL, &error);
  g_assert_null (d);
  g_assert_error (error, MC_LOADER_ERROR, MC_LOADER_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "more than 4096 fields in a row"));
  g_assert_true (g_str_has_prefix (error->message, "wide.csv:1:"));
}

static void
test_limit_depth_exact (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"market-charts/1\", \"x\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) d = NULL;

  /* 64 levels in all is allowed: the next error is a schema one. */
  for (guint i = 0; i < 63; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < 63; i++)
    g_string_append_c (json, ']');
  g_string_append (json, "}");
  d = mc_loader_load_data (json->str, json->len, "deep.json", NULL, &error);
  g_assert_null (d);
  g_assert_error (error, MC_LOADER_ERROR, MC_LOADER_ERROR_MISSING);
}

/* The bad-file corpus */

typedef struct
{
  char *file;
  char *code;
  char *where;
  char *fragment;
} BadCase;

static void
bad_case_free (gpointer data)
{
  BadCase *c = data;

  g_free (c->file);
  g_free (c->code);
  g_free (c->where);
  g_free (c->fragment);
  g_free (c);
}

static const char *
code_name (int code)
{
  static const char * const names[] = {
    "IO", "TOO_LARGE", "SYNTAX", "VERSION", "MISSING", "TYPE", "VALUE",
    "REFERENCE", "DUPLICATE", "SHAPE", "PATH", "CHOICE", "FORMAT",
  };

  g_assert_cmpint (code, >=, 0);
  g_assert_cmpint (code, <, G_N_ELEMENTS (names));
  return names[code];
}

static void
test_bad_file (gconstpointer data)
{
  const BadCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) d = load_path ("bad", c->file, &error);

  g_assert_null (d);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (error->domain == MC_LOADER_ERROR);
  g_assert_cmpstr (code_name (error->code), ==, c->code);
  if (!g_str_has_prefix (error->message, c->where))
    g_error ("“%s” does not start with “%s”", error->message, c->where);
  if (strstr (error->message, c->fragment) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, c->fragment);
}

static GPtrArray *
read_manifest (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", "expected.txt", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *cases = g_ptr_array_new_with_free_func (bad_case_free);

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      BadCase *c;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      c = g_new0 (BadCase, 1);
      c->file = g_strdup (fields[0]);
      c->code = g_strdup (fields[1]);
      c->where = g_strdup (fields[2]);
      c->fragment = g_strdup (fields[3]);
      g_ptr_array_add (cases, c);
    }
  return cases;
}

static void
test_bad_corpus_size (gconstpointer data)
{
  const GPtrArray *cases = data;

  g_assert_cmpuint (cases->len, >=, 45);
}

/* Locale independence */

static void
test_locale (void)
{
  static const char *const comma_locales[] = { "de_DE.UTF-8", "fr_FR.UTF-8", "nl_NL.UTF-8", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) before = NULL;
  g_autoptr(McDataset) after = NULL;
  g_autofree char *saved = NULL;
  const char *numeric = setlocale (LC_NUMERIC, NULL);
  gboolean switched = FALSE;

  /* tests/meson.build runs the tests under LC_ALL=C.UTF-8 (and sets
   * G_TEST_SRCDIR, which tells a run by meson from a run by hand). */
  if (g_getenv ("G_TEST_SRCDIR") != NULL)
    {
      g_assert_cmpstr (g_getenv ("LC_ALL"), ==, "C.UTF-8");
      g_assert_true (g_str_equal (numeric, "C.UTF-8") || g_str_equal (numeric, "C.utf8"));
    }

  before = mc_bundled_lookup ("alibaba-cloud-revenue", &error);
  g_assert_no_error (error);

  saved = g_strdup (numeric);
  for (guint i = 0; comma_locales[i] != NULL && !switched; i++)
    switched = setlocale (LC_ALL, comma_locales[i]) != NULL;
  if (!switched)
    {
      g_test_skip ("no locale with a decimal comma is installed");
      return;
    }

  after = mc_bundled_lookup ("alibaba-cloud-revenue", &error);
  setlocale (LC_ALL, saved);
  g_assert_no_error (error);
  g_assert_cmpfloat (mc_column_get_value (column (after, "revenue"), 0), ==, 9.2);
  g_assert_cmpfloat (mc_column_get_value (column (after, "revenue"), 3),
                     ==, mc_column_get_value (column (before, "revenue"), 3));
}

/* A file's name as long as another file's text makes it is named in a
 * message by its start and its end, the extension; names of any usual
 * length whole. */
static void
test_long_file_name (void)
{
  g_autoptr(GString) name = g_string_new ("prices-");
  g_autofree char *message = NULL;
  g_autofree char *usual = mc_loader_format_message ("prices.csv", 3, 1, "a problem");
  g_autofree char *accents = mc_text_shorten_middle ("ééééééééééx", 5);

  for (guint i = 0; i < 1000; i++)
    g_string_append (name, "é");
  g_string_append (name, "-2024.csv");
  message = mc_loader_format_message (name->str, 3, 1, "a problem");
  g_assert_true (g_str_has_prefix (message, "prices-éé"));
  g_assert_nonnull (strstr (message, "é…é"));
  g_assert_true (g_str_has_suffix (message, "éé-2024.csv:3:1: a problem"));
  g_assert_cmpint (g_utf8_strlen (message, -1), ==,
                   MC_TEXT_MAX_FILE_NAME + strlen (":3:1: a problem"));
  g_assert_cmpstr (usual, ==, "prices.csv:3:1: a problem");
  g_assert_cmpstr (accents, ==, "éé…éx");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) bad = NULL;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/loader/bundled/cloud-investment", test_bundled_cloud_investment);
  g_test_add_func ("/mc/loader/bundled/revenue", test_bundled_revenue);
  g_test_add_func ("/mc/loader/bundled/share-price", test_bundled_share_price);
  g_test_add_func ("/mc/loader/bundled/order", test_bundled_order);
  g_test_add_func ("/mc/loader/bundled/unknown", test_bundled_unknown);
  g_test_add_func ("/mc/loader/bundled/equal", test_bundled_equal);
  g_test_add_func ("/mc/loader/dates", test_dates);
  g_test_add_func ("/mc/loader/good/csv-reference", test_good_csv_reference);
  g_test_add_func ("/mc/loader/good/bom-crlf", test_good_bom_crlf);
  g_test_add_func ("/mc/loader/good/quoted", test_good_quoted);
  g_test_add_func ("/mc/loader/good/written-dates", test_good_written_dates);
  g_test_add_func ("/mc/loader/good/booleans", test_good_booleans);
  g_test_add_func ("/mc/loader/good/tidy", test_good_tidy);
  g_test_add_func ("/mc/loader/good/pasted", test_good_pasted);
  g_test_add_func ("/mc/loader/good/years", test_good_years);
  g_test_add_func ("/mc/loader/good/unknown-keys", test_good_unknown_keys);
  g_test_add_func ("/mc/loader/good/no-charts", test_good_no_charts);
  g_test_add_func ("/mc/loader/good/duplicate-headers", test_good_duplicate_headers);
  g_test_add_func ("/mc/loader/header-units", test_header_units);
  g_test_add_func ("/mc/loader/header-units-elsewhere", test_header_units_elsewhere);
  g_test_add_func ("/mc/loader/numeric-dates", test_numeric_dates);
  g_test_add_func ("/mc/loader/default-chart-magnitudes", test_default_chart_magnitudes);
  g_test_add_func ("/mc/loader/load-data", test_load_data);
  g_test_add_func ("/mc/loader/duplicate-keys", test_duplicate_keys);
  g_test_add_func ("/mc/loader/limit/json-size", test_limit_json_size);
  g_test_add_func ("/mc/loader/limit/csv-size", test_limit_csv_size);
  g_test_add_func ("/mc/loader/limit/csv-columns", test_limit_csv_columns);
  g_test_add_func ("/mc/loader/limit/depth-exact", test_limit_depth_exact);
  g_test_add_func ("/mc/loader/locale", test_locale);
  g_test_add_func ("/mc/loader/long-file-name", test_long_file_name);

  bad = read_manifest ();
  g_test_add_data_func ("/mc/loader/bad/corpus-size", bad, test_bad_corpus_size);
  for (guint i = 0; i < bad->len; i++)
    {
      const BadCase *c = g_ptr_array_index (bad, i);
      g_autofree char *test_path = g_strdup_printf ("/mc/loader/bad/%s", c->file);

      g_test_add_data_func (test_path, c, test_bad_file);
    }

  return g_test_run ();
}
