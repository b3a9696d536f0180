/* test-chart.c: the chart renderer: data preparation, layout, hit-testing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "mc-bundled.h"
#include "mc-chart-model.h"
#include "mc-export.h"
#include "mc-render-private.h"
#include "mc-test-view.h"

/* A dataset with a text column "name" and number columns "a", "b". */
static McDataset *
simple_dataset (const char * const *names,
                const double       *a,
                const double       *b,
                guint               n)
{
  McDataset *dataset = mc_dataset_new ("simple");
  McColumn *name = mc_column_new ("name", "Name", MC_COLUMN_STRING);
  McColumn *col_a = mc_column_new ("a", "Alpha", MC_COLUMN_NUMBER);
  McColumn *col_b = mc_column_new ("b", "Beta", MC_COLUMN_NUMBER);

  mc_dataset_set_title (dataset, "Simple");
  mc_dataset_set_source (dataset, "Test data", NULL, "2025-02");
  mc_column_set_unit (col_a, "USD");
  mc_column_set_scale (col_a, MC_SCALE_BILLION);
  mc_column_set_unit (col_b, "USD");
  mc_column_set_scale (col_b, MC_SCALE_BILLION);
  for (guint i = 0; i < n; i++)
    {
      mc_column_append_string (name, names[i]);
      mc_column_append_value (col_a, a[i]);
      mc_column_append_value (col_b, b ? b[i] : NAN);
    }
  g_assert_true (mc_dataset_add_column (dataset, name));
  g_assert_true (mc_dataset_add_column (dataset, col_a));
  g_assert_true (mc_dataset_add_column (dataset, col_b));
  return dataset;
}

/* Data preparation */

static void
test_chart_growth (void)
{
  g_autoptr(McDataset) dataset = mc_test_bundled ("alibaba-cloud-revenue");
  g_autoptr(McChartModel) bars = mc_test_bundled_chart (dataset, "revenue-growth");
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("growth-line", "line", "year", "revenue");
  g_autoptr(McChartModel) line = NULL;
  g_autoptr(GError) error = NULL;
  McSeries *series;

  /* Bars leave out 2021, which has nothing to compare with. */
  g_assert_cmpuint (mc_chart_model_get_n_categories (bars), ==, 3);
  g_assert_cmpstr (mc_chart_model_get_category (bars, 0), ==, "2022");
  series = mc_chart_model_get_series (bars, 0);
  g_assert_cmpuint (mc_series_get_n_points (series), ==, 3);
  g_assert_cmpfloat_with_epsilon (mc_series_get_y (series, 0), (11.8 / 9.2 - 1) * 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (mc_series_get_y (series, 0), 28.2608695652, 1e-8);
  g_assert_cmpfloat_with_epsilon (mc_series_get_y (series, 1), 12.7118644068, 1e-8);
  g_assert_cmpfloat_with_epsilon (mc_series_get_y (series, 2), 15.7894736842, 1e-8);
  g_assert_false (mc_series_is_estimate (series, 0));
  g_assert_false (mc_series_is_estimate (series, 1));
  g_assert_true (mc_series_is_estimate (series, 2));
  g_assert_cmpstr (mc_column_get_unit (series->column), ==, "percent");
  g_assert_cmpstr (mc_chart_model_get_series_name (bars, 0), ==, "Revenue growth");

  /* On a time axis, the first year is there without a value. */
  mc_chart_spec_set_string (spec, "transform", "growth");
  line = mc_chart_model_new (dataset, spec, &error);
  g_assert_no_error (error);
  series = mc_chart_model_get_series (line, 0);
  g_assert_cmpuint (mc_series_get_n_points (series), ==, 4);
  g_assert_true (isnan (mc_series_get_y (series, 0)));
  g_assert_false (mc_series_is_estimate (series, 0));
  g_assert_cmpfloat_with_epsilon (mc_series_get_y (series, 3), 15.7894736842, 1e-8);
}

/* A model is what it was made from: edits of the dataset afterwards,
 * even the removal of the columns it draws, change nothing it shows. */
static void
test_chart_model_snapshot (void)
{
  const char *names[] = { "A", "B", "C" };
  const double values[] = { 1, 2, 3 };
  g_autoptr(McDataset) dataset = simple_dataset (names, values, NULL, 3);
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("bars", "bar", "name", "a");
  g_autoptr(McChartModel) chart = mc_chart_model_new (dataset, spec, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  mc_test_render_layout (chart, 800, 500, FALSE);
  before = mc_chart_describe (chart, mc_test_view_marks (chart));
  mc_dataset_set_value (dataset, 1, 1, 200);
  mc_dataset_set_title (dataset, "Renamed");
  mc_column_free (mc_dataset_steal_column (dataset, 1));
  mc_column_free (mc_dataset_steal_column (dataset, 0));
  mc_test_render_layout (chart, 800, 500, FALSE);
  mc_test_check_layout (chart, 800, 500, "after edits");
  after = mc_chart_describe (chart, mc_test_view_marks (chart));
  g_assert_cmpstr (before, ==, after);
  g_assert_nonnull (strstr (after, "C highest at USD 3 bn"));
  g_assert_cmpstr (mc_chart_model_get_title (chart), ==, "bars");
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_CATEGORY_LABEL, "B"));
}

static void
test_chart_errors (void)
{
  const char *names[] = { "A", "B" };
  const double values[] = { 1, 2 };
  g_autoptr(McDataset) dataset = simple_dataset (names, values, NULL, 2);
  struct { const char *x, *y; const char * type; gboolean y2; int code; } cases[] = {
    { "name", "missing", "bar", FALSE, MC_CHART_ERROR_COLUMN },
    { "missing", "a", "bar", FALSE, MC_CHART_ERROR_COLUMN },
    { "a", "name", "bar", FALSE, MC_CHART_ERROR_COLUMN },
    { "name", "a", "bar", TRUE, MC_CHART_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(McChartSpec) spec = mc_test_spec_new ("bad", cases[i].type, cases[i].x, cases[i].y);
      g_autoptr(GError) error = NULL;
      g_autoptr(McChartModel) chart = NULL;

      if (cases[i].y2)
        mc_test_set_columns (spec, "y2", "b");
      chart = mc_chart_model_new (dataset, spec, &error);
      g_assert_null (chart);
      g_assert_error (error, MC_CHART_ERROR, cases[i].code);
      /* The message names the chart. */
      g_assert_nonnull (strstr (error->message, "“bad”"));
    }
}

static void
test_chart_pie_negative (void)
{
  const char *names[] = { "Gains", "Losses" };
  const double values[] = { 10, -4 };
  g_autoptr(McDataset) dataset = simple_dataset (names, values, NULL, 2);
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("pie", "pie", "name", "a");
  g_autoptr(GError) error = NULL;
  g_autoptr(McChartModel) chart = mc_chart_model_new (dataset, spec, &error);

  g_assert_null (chart);
  g_assert_error (error, MC_CHART_ERROR, MC_CHART_ERROR_NEGATIVE);
  g_assert_nonnull (strstr (error->message, "Losses"));
}

static void
test_chart_pie_over_total (void)
{
  const char *names[] = { "A", "B" };
  const double values[] = { 60, 50 };
  g_autoptr(McDataset) dataset = simple_dataset (names, values, NULL, 2);
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("pie", "pie", "name", "a");
  g_autoptr(GError) error = NULL;
  g_autoptr(McChartModel) chart = NULL;

  mc_chart_spec_set_number (spec, "total", 100);
  chart = mc_chart_model_new (dataset, spec, &error);
  g_assert_null (chart);
  g_assert_error (error, MC_CHART_ERROR, MC_CHART_ERROR_INVALID);
}

/* The slices of a pie as drawn, clockwise from 12 o'clock. */
static GArray *
drawn_slices (McChartModel *chart)
{
  GArray *slices = g_array_new (FALSE, FALSE, sizeof (McMark));

  mc_test_render_layout (chart, 800, 500, FALSE);
  for (guint i = 0; i < mc_test_view_marks (chart)->marks->len; i++)
    {
      const McMark *mark = &g_array_index (mc_test_view_marks (chart)->marks, McMark, i);

      if (mark->shape == MC_MARK_SLICE)
        g_array_append_val (slices, *mark);
    }
  return slices;
}

static double
slice_fraction (const McMark *slice)
{
  return (slice->a1 - slice->a0) / (2 * G_PI);
}

static const char *
slice_name (McChartModel *chart,
            const McMark *slice)
{
  McSeries *series = mc_chart_model_get_series (chart, 0);

  if (slice->datum == G_MAXUINT)
    return slice->label;
  return mc_chart_model_get_category (chart, (guint) mc_series_get_x (series, slice->datum));
}

/* The y of the point nearest x @x, as the keyboard walks the points. */
static double
nearest_point_y (McMarks *marks,
                 double   x)
{
  double best = G_MAXDOUBLE, y = NAN;
  McChartItem item;

  if (!mc_hit_item_first (marks, &item))
    return NAN;
  do
    if (fabs (item.x - x) < best)
      {
        best = fabs (item.x - x);
        y = item.y;
      }
  while (mc_hit_item_move (marks, &item, MC_CHART_MOVE_NEXT));
  return y;
}

/* The labels of a line keep to one side of it where nothing is in the
 * way: the Asia-Pacific share, 19% then 17% three times, is labelled
 * above every point, not above and below by turns. (Below 500 pixels of
 * height the axis title takes the room above 19%, which then goes
 * under its point.) */
static void
test_chart_line_labels_one_side (void)
{
  g_autoptr(McDataset) dataset = mc_test_bundled ("alibaba-cloud-revenue");
  g_autoptr(McChartModel) chart = mc_test_bundled_chart (dataset, "apac-share");

  for (guint s = 0; s < MC_TEST_N_LAYOUT_SIZES; s++)
    {
      const Size *size = &mc_test_layout_sizes[s];
      McMarks *marks;
      guint n;
      const McTextBox *boxes;

      if (size->height < 500)
        continue;
      mc_test_render_layout (chart, size->width, size->height, FALSE);
      marks = mc_test_view_marks (chart);
      boxes = mc_marks_get_text_boxes (marks, &n);
      for (guint i = 0; i < n; i++)
        if (boxes[i].role == MC_TEXT_VALUE_LABEL)
          g_assert_cmpfloat (boxes[i].y + boxes[i].height, <=,
                             nearest_point_y (marks, boxes[i].x + boxes[i].width / 2));
    }
  mc_test_render_layout (chart, 800, 500, FALSE);
  g_assert_cmpuint (mc_test_view_count_boxes (chart, MC_TEXT_VALUE_LABEL), ==, 4);
}

static void
test_chart_pie_slices (void)
{
  g_autoptr(McDataset) dataset = mc_test_bundled ("cloud-investment");
  g_autoptr(McChartModel) pie = mc_test_bundled_chart (dataset, "market-share");
  g_autoptr(McChartModel) bars = mc_test_bundled_chart (dataset, "investment");
  g_autoptr(GArray) slices = drawn_slices (pie);
  McSeries *series = mc_chart_model_get_series (pie, 0);
  const char *expected[] = { "Amazon AWS", "Microsoft Azure", "Google Cloud", "Alibaba",
                             "Tencent Cloud", "Rest of market, computed" };
  double sum = 0;

  g_assert_cmpuint (slices->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < slices->len; i++)
    {
      const McMark *slice = &g_array_index (slices, McMark, i);
      gboolean other = slice->datum == G_MAXUINT;
      double value = other ? slice->value : mc_series_get_y (series, slice->datum);

      g_assert_cmpstr (slice_name (pie, slice), ==, expected[i]);
      sum += slice_fraction (slice);
      if (i > 0 && !other)
        g_assert_cmpfloat (value, <=,
                           mc_series_get_y (series, g_array_index (slices, McMark, i - 1).datum));
      /* The same company has the same colour as in the bar chart. */
      if (!other)
        g_assert_cmpuint (slice->color, ==,
                          mc_chart_model_get_category_color (bars, (guint) mc_series_get_x (series, slice->datum), 0));
    }
  /* Other is the remainder to the total, last. */
  g_assert_cmpuint (g_array_index (slices, McMark, 5).datum, ==, G_MAXUINT);
  g_assert_cmpfloat_with_epsilon (g_array_index (slices, McMark, 5).value,
                                  100 - (32 + 23 + 11 + 4.5 + 2.6), 1e-9);
  g_assert_cmpfloat_with_epsilon (sum, 1, 1e-12);
  /* Alibaba is the first company of the dataset: the first colour. */
  g_assert_cmpuint (mc_chart_model_get_category_color (bars, 0, 0), ==, 0);
}

static void
test_chart_pie_many_slices (void)
{
  const char *names[] = { "A", "B", "C", "D", "E", "F", "G", "H", "I", "J" };
  const double values[] = { 1, 10, 2, 9, 3, 8, 4, 7, 5, 6 };
  g_autoptr(McDataset) dataset = simple_dataset (names, values, NULL, 10);
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("pie", "pie", "name", "a");
  g_autoptr(GError) error = NULL;
  g_autoptr(McChartModel) chart = NULL;
  g_autoptr(GArray) slices = NULL;
  const McMark *other;
  McSeries *series;
  guint used = 0;

  mc_chart_spec_set_boolean (spec, "sort", TRUE);
  chart = mc_chart_model_new (dataset, spec, &error);
  g_assert_no_error (error);
  slices = drawn_slices (chart);
  series = mc_chart_model_get_series (chart, 0);
  /* Six slices plus Other, which folds the four smallest. */
  g_assert_cmpuint (slices->len, ==, 7);
  other = &g_array_index (slices, McMark, 6);
  g_assert_cmpuint (other->datum, ==, G_MAXUINT);
  g_assert_cmpfloat (other->value, ==, 1 + 2 + 3 + 4);
  g_assert_cmpfloat (mc_series_get_y (series, g_array_index (slices, McMark, 0).datum), ==, 10);
  /* Within one pie, no two slices share a colour. */
  for (guint i = 0; i < 6; i++)
    {
      guint color = g_array_index (slices, McMark, i).color;

      g_assert_false (used & (1u << color));
      used |= 1u << color;
    }
}

static McDataset *
long_table (void)
{
  McDataset *dataset = mc_dataset_new ("prices");
  McColumn *symbol = mc_column_new ("symbol", "Symbol", MC_COLUMN_STRING);
  McColumn *date = mc_column_new ("date", "Date", MC_COLUMN_DATE);
  McColumn *price = mc_column_new ("price", "Price", MC_COLUMN_NUMBER);
  const char *symbols[] = { "BABA", "AMZN", "MSFT" };

  mc_dataset_set_source (dataset, "Exchange", NULL, NULL);
  mc_column_set_unit (price, "USD");
  mc_column_set_date_precision (date, MC_DATE_DAY);
  for (guint day = 0; day < 30; day++)
    for (guint s = 0; s < G_N_ELEMENTS (symbols); s++)
      {
        mc_column_append_string (symbol, symbols[s]);
        mc_column_append_value (date, 19723 + day);
        mc_column_append_value (price, 100 + 50 * s + 10 * sin (day / 3.0 + s));
      }
  mc_dataset_add_column (dataset, symbol);
  mc_dataset_add_column (dataset, date);
  mc_dataset_add_column (dataset, price);
  return dataset;
}

static void
test_chart_long_table (void)
{
  g_autoptr(McDataset) dataset = long_table ();
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("prices", "line", "date", "price");
  g_autoptr(GError) error = NULL;
  g_autoptr(McChartModel) chart = NULL;

  mc_chart_spec_set_string (spec, "series", "symbol");
  chart = mc_chart_model_new (dataset, spec, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mc_chart_model_get_n_series (chart), ==, 3);
  g_assert_cmpstr (mc_chart_model_get_series_name (chart, 0), ==, "BABA");
  g_assert_cmpstr (mc_chart_model_get_series_name (chart, 2), ==, "MSFT");
  for (guint s = 0; s < 3; s++)
    {
      McSeries *series = mc_chart_model_get_series (chart, s);

      g_assert_cmpuint (mc_series_get_n_points (series), ==, 30);
      g_assert_true (series->x_sorted);
      g_assert_cmpfloat_with_epsilon (mc_series_get_y (series, 5),
                                      100 + 50 * s + 10 * sin (5 / 3.0 + s), 1e-9);
    }
  /* Three series: each line is named at its end. */
  mc_test_render_layout (chart, 800, 500, FALSE);
  mc_test_check_layout (chart, 800, 500, "long table");
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_SERIES_LABEL, "BABA"));
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_SERIES_LABEL, "MSFT"));
  g_assert_null (mc_test_view_find_box (chart, MC_TEXT_LEGEND, NULL));
}

/* Layout */

static void
test_chart_layout_bundled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) datasets = mc_bundled_load_all (&error);
  guint checked = 0;

  g_assert_no_error (error);
  for (guint d = 0; d < datasets->len; d++)
    {
      McDataset *dataset = g_ptr_array_index (datasets, d);

      for (guint c = 0; c < mc_dataset_get_n_charts (dataset); c++)
        {
          const McChartSpec *spec = mc_dataset_get_chart (dataset, c);
          g_autoptr(McChartModel) chart = mc_chart_model_new (dataset, spec, &error);
          g_autofree char *what = g_strdup_printf ("%s/%s", mc_dataset_get_id (dataset), spec->id);

          g_assert_no_error (error);
          mc_test_check_layouts (chart, what);
          checked += MC_TEST_N_LAYOUT_SIZES * 2;
          /* At a usual size every chart says what its values are:
           * panels of different units over each panel. */
          mc_test_render_layout (chart, 800, 500, FALSE);
          if (mc_chart_spec_get_string (spec, "panels") != NULL)
            g_assert_nonnull (strstr (mc_test_view_find_box (chart, MC_TEXT_PANEL_TITLE,
                                                             NULL)->text, "("));
          else if (g_strcmp0 (spec->type, "pie") != 0)
            g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_AXIS_TITLE, NULL));
          else
            g_assert_cmpuint (mc_test_view_count_boxes (chart, MC_TEXT_VALUE_LABEL), >=, 5);
        }
    }
  g_assert_cmpuint (checked, >=, 7 * MC_TEST_N_LAYOUT_SIZES * 2);
}

static void
test_chart_layout_device_scale (void)
{
  g_autoptr(McDataset) dataset = mc_test_bundled ("alibaba-share-price");
  g_autoptr(McChartModel) chart = mc_test_bundled_chart (dataset, "price-and-market-cap");
  g_autofree McTextBox *first = NULL;
  const McTextBox *second;
  guint n1, n2;
  cairo_surface_t *surface;

  surface = mc_test_render_image (chart, 800, 500, 1, FALSE);
  cairo_surface_destroy (surface);
  second = mc_marks_get_text_boxes (mc_test_view_marks (chart), &n1);
  first = g_memdup2 (second, sizeof (McTextBox) * n1);
  surface = mc_test_render_image (chart, 800, 500, 2.5, FALSE);
  cairo_surface_destroy (surface);
  second = mc_marks_get_text_boxes (mc_test_view_marks (chart), &n2);

  /* The same layout at any device scale. */
  g_assert_cmpuint (n1, ==, n2);
  for (guint i = 0; i < n1; i++)
    {
      g_assert_cmpfloat_with_epsilon (first[i].x, second[i].x, 0.01);
      g_assert_cmpfloat_with_epsilon (first[i].y, second[i].y, 0.01);
      g_assert_cmpfloat_with_epsilon (first[i].width, second[i].width, 0.01);
    }
}

/* A chart of the share price on the left axis and the market value on
 * the right. */
static McChartModel *
dual_axis_chart (McDataset *dataset)
{
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("dual", "line", "date", "price");
  g_autoptr(GError) error = NULL;
  McChartModel *chart;

  mc_test_set_columns (spec, "y2", "market_cap");
  chart = mc_chart_model_new (dataset, spec, &error);
  g_assert_no_error (error);
  return chart;
}

/* Where the points of @series sit in the height of the plot, 0 at the
 * bottom and 1 at the top. */
static void
point_heights (McChartModel *chart,
               guint         series,
               double       *heights)
{
  McAxes *axes = &mc_test_view_marks (chart)->axes;
  McSeries *values = mc_chart_model_get_series (chart, series);

  for (guint p = 0; p < mc_series_get_n_points (values); p++)
    heights[p] = (axes->plot.y + axes->plot.height
                  - mc_linear_scale_map (&axes->y[values->axis], mc_series_get_y (values, p)))
                 / axes->plot.height;
}

static void
test_chart_dual_axis (void)
{
  g_autoptr(McDataset) dataset = mc_test_bundled ("alibaba-share-price");
  g_autoptr(McChartModel) chart = dual_axis_chart (dataset);
  double first[2][3], heights[2][3];

  mc_test_render_layout (chart, 800, 500, FALSE);
  /* Both axes name their units. */
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_AXIS_TITLE, "Share price (HKD)"));
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_AXIS_TITLE,
                                           "Market capitalisation (USD bn)"));
  g_assert_cmpuint (mc_chart_model_get_n_series (chart), ==, 2);
  g_assert_cmpuint (mc_test_view_marks (chart)->axes.y[1].n_intervals, ==,
                    mc_test_view_marks (chart)->axes.y[0].n_intervals);
  point_heights (chart, 0, first[0]);
  point_heights (chart, 1, first[1]);

  /* Price and market value move together: both axes start at zero, and
   * their scales come from the data alone, so that the lines keep their
   * places, their order and their crossings at every size; neither axis
   * is more than a fifth empty. */
  for (guint s = 0; s < MC_TEST_N_LAYOUT_SIZES; s++)
    {
      const Size *size = &mc_test_layout_sizes[s];
      McAxes *axes;

      mc_test_render_layout (chart, size->width, size->height, FALSE);
      axes = &mc_test_view_marks (chart)->axes;
      if (!axes->has_plot)
        continue;
      mc_test_check_layout (chart, size->width, size->height, "two axes");
      g_assert_cmpfloat (axes->y[0].min, ==, 0);
      g_assert_cmpfloat (axes->y[1].min, ==, 0);
      g_assert_cmpfloat (148 / axes->y[0].max, >=, 0.8);
      g_assert_cmpfloat (340 / axes->y[1].max, >=, 0.8);
      point_heights (chart, 0, heights[0]);
      point_heights (chart, 1, heights[1]);
      for (guint p = 0; p < 3; p++)
        {
          g_assert_cmpfloat_with_epsilon (heights[0][p], first[0][p], 1e-9);
          g_assert_cmpfloat_with_epsilon (heights[1][p], first[1][p], 1e-9);
          /* Market value above the price, as at 800 × 500. */
          g_assert_cmpfloat (heights[1][p], >, heights[0][p]);
        }
    }
}

/* A line across a year without data, between monthly points, is
 * dotted and says so; bars of those dates have their axis broken. */
static void
test_chart_gaps (void)
{
  g_autoptr(McDataset) dataset = mc_test_bundled ("alibaba-share-price");
  g_autoptr(McChartModel) line = dual_axis_chart (dataset);
  g_autoptr(McChartSpec) bar_spec = mc_test_spec_new ("bars", "bar", "date", "market_cap");
  g_autoptr(McChartSpec) plain_spec = mc_test_spec_new ("plain", "line", "date", "price");
  g_autoptr(McChartModel) bars = mc_chart_model_new (dataset, bar_spec, NULL);
  g_autoptr(McChartModel) plain = NULL;
  g_autofree char *line_summary = NULL;
  g_autofree char *bar_summary = NULL;
  const double steps[] = { 0, 31, 60, 91, 456 };

  g_assert_cmpfloat (mc_usual_step (steps, 5), ==, 31);
  /* A lone step is the usual one (two monthly candles are a month
   * wide); one point has none. */
  g_assert_cmpfloat (mc_usual_step (steps, 2), ==, 31);
  g_assert_true (isnan (mc_usual_step (steps, 1)));
  g_assert_true (mc_series_is_gap (mc_chart_model_get_series (line, 0), 1));
  g_assert_false (mc_series_is_gap (mc_chart_model_get_series (line, 0), 0));
  /* The line of the other axis, over the same dates, has the same gap */
  g_assert_true (mc_series_is_gap (mc_chart_model_get_series (line, 1), 1));
  g_assert_false (mc_series_is_gap (mc_chart_model_get_series (line, 1), 0));

  mc_test_render_layout (line, 800, 500, FALSE);
  g_assert_cmpuint (mc_test_view_count_boxes (line, MC_TEXT_NOTE), ==, 1);
  g_assert_nonnull (mc_test_view_find_box (line, MC_TEXT_NOTE, "no data"));
  line_summary = mc_chart_describe (line, mc_test_view_marks (line));
  g_assert_nonnull (strstr (line_summary, ", no data from Feb 2024 to Feb 2025"));

  /* Switched off, the line is plain. */
  mc_chart_spec_set_boolean (plain_spec, "mark_gaps", FALSE);
  plain = mc_chart_model_new (dataset, plain_spec, NULL);
  mc_test_render_layout (plain, 800, 500, FALSE);
  g_assert_null (mc_test_view_find_box (plain, MC_TEXT_NOTE, "no data"));

  g_assert_true (mc_chart_model_category_break (bars, 1));
  g_assert_false (mc_chart_model_category_break (bars, 0));
  mc_test_render_layout (bars, 800, 500, FALSE);
  g_assert_nonnull (mc_test_view_find_box (bars, MC_TEXT_NOTE, "no data"));
  bar_summary = mc_chart_describe (bars, mc_test_view_marks (bars));
  g_assert_nonnull (strstr (bar_summary, ", no data between Feb 2024 and Feb 2025"));
}

static void
test_chart_estimates (void)
{
  g_autoptr(McDataset) dataset = mc_test_bundled ("alibaba-cloud-revenue");
  g_autoptr(McChartModel) chart = mc_test_bundled_chart (dataset, "revenue");

  mc_test_render_layout (chart, 800, 500, FALSE);
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_NOTE, "Est."));
  /* The unit once, on the first bar; the axis names it too. */
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_VALUE_LABEL, "USD 9.2 bn"));
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_VALUE_LABEL, "15.4"));
  g_assert_null (mc_test_view_find_box (chart, MC_TEXT_VALUE_LABEL, "USD 15.4 bn"));
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_AXIS_TITLE, "Revenue (USD bn)"));
}

/* Whether a text of @chart's last render says "Est.". */
static gboolean
says_estimate (McChartModel *chart)
{
  guint n;
  const McTextBox *boxes = mc_marks_get_text_boxes (mc_test_view_marks (chart), &n);

  for (guint i = 0; i < n; i++)
    if (strstr (boxes[i].text, "Est.") != NULL)
      return TRUE;
  return FALSE;
}

/* The article's whole 2024 row is an estimate: every chart of it says so
 * at its figures, at the smallest size too; the growth line of the combo
 * labels its estimate on a patch over the bar. */
static void
test_chart_estimates_everywhere (void)
{
  g_autoptr(McDataset) dataset = mc_test_bundled ("alibaba-cloud-revenue");
  g_autoptr(McChartModel) combo = mc_test_bundled_chart (dataset, "revenue-and-growth");

  for (guint c = 0; c < mc_dataset_get_n_charts (dataset); c++)
    {
      const McChartSpec *spec = mc_dataset_get_chart (dataset, c);
      g_autoptr(McChartModel) chart = mc_chart_model_new (dataset, spec, NULL);

      mc_test_render_layout (chart, 800, 500, FALSE);
      g_assert_true (says_estimate (chart));
      mc_test_render_layout (chart, 320, 240, TRUE);
      g_assert_true (says_estimate (chart));
    }
  mc_test_render_layout (combo, 800, 500, FALSE);
  g_assert_nonnull (mc_test_view_find_box (combo, MC_TEXT_VALUE_LABEL, "15.8% Est."));
  g_assert_nonnull (mc_test_view_find_box (combo, MC_TEXT_VALUE_LABEL, "12.7%"));
}

static void
test_chart_horizontal_when_long (void)
{
  const char *names[] = { "International Business Machines", "Amazon Web Services",
                          "Microsoft Azure Cloud Platform", "Google Cloud Platform",
                          "Alibaba Cloud Intelligence", "Tencent Cloud Computing" };
  const double values[] = { 5, 35, 10, 50, 50, 70 };
  g_autoptr(McDataset) dataset = simple_dataset (names, values, NULL, 6);
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("long", "bar", "name", "a");
  g_autoptr(McChartModel) chart = mc_chart_model_new (dataset, spec, NULL);
  g_autofree char *summary = NULL;

  mc_test_render_layout (chart, 480, 360, FALSE);
  mc_test_check_layout (chart, 480, 360, "long labels");
  g_assert_true (mc_test_view_marks (chart)->axes.horizontal);
  summary = mc_chart_describe (chart, mc_test_view_marks (chart));
  g_assert_true (g_str_has_prefix (summary, "Horizontal bar chart"));
  /* Without an axis the labels carry the unit: the first bar's, once. */
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_VALUE_LABEL, "USD 5 bn"));
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_VALUE_LABEL, "70"));

  /* Wide enough, the same labels fit under vertical bars. */
  mc_test_render_layout (chart, 2400, 900, FALSE);
  g_assert_false (mc_test_view_marks (chart)->axes.horizontal);
}

/* Category labels of many dates: rotated or thinned, never overlapping. */
static void
test_chart_many_categories (void)
{
  McDataset *dataset = mc_dataset_new ("months");
  McColumn *date = mc_column_new ("month", "Month", MC_COLUMN_DATE);
  McColumn *value = mc_column_new ("value", "Value", MC_COLUMN_NUMBER);
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("months", "bar", "month", "value");
  g_autoptr(McChartModel) chart = NULL;

  mc_dataset_set_source (dataset, "Test", NULL, NULL);
  mc_column_set_date_precision (date, MC_DATE_MONTH);
  for (int m = 0; m < 48; m++)
    {
      mc_column_append_value (date, mc_days_from_ymd (2020 + m / 12, m % 12 + 1, 1));
      mc_column_append_value (value, 10 + m % 7);
    }
  mc_dataset_add_column (dataset, date);
  mc_dataset_add_column (dataset, value);
  chart = mc_chart_model_new (dataset, spec, NULL);
  mc_test_check_layouts (chart, "48 months");
  mc_test_render_layout (chart, 800, 500, FALSE);
  g_assert_cmpuint (mc_test_view_count_boxes (chart, MC_TEXT_CATEGORY_LABEL), >=, 8);
  g_object_unref (dataset);
}

static void
test_chart_negative_bars (void)
{
  const char *names[] = { "North", "South", "East" };
  const double values[] = { -5, 10, -2 };
  g_autoptr(McDataset) dataset = simple_dataset (names, values, NULL, 3);
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("signed", "bar", "name", "a");
  g_autoptr(McChartModel) chart = mc_chart_model_new (dataset, spec, NULL);
  const McMark *north, *south;

  mc_test_render_layout (chart, 800, 500, FALSE);
  mc_test_check_layout (chart, 800, 500, "negative bars");
  g_assert_cmpuint (mc_test_view_marks (chart)->marks->len, ==, 3);
  north = &g_array_index (mc_test_view_marks (chart)->marks, McMark, 0);
  south = &g_array_index (mc_test_view_marks (chart)->marks, McMark, 1);
  /* Both bars meet at the zero line: one hangs from it, one stands on it. */
  g_assert_cmpfloat_with_epsilon (north->box.y, south->box.y + south->box.height, 0.01);
  g_assert_cmpfloat (north->box.height, >, 0);
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_TICK_LABEL, "0"));
}

static void
test_chart_missing_values (void)
{
  const char *names[] = { "A", "B", "C" };
  const double values[] = { 5, NAN, 7 };
  g_autoptr(McDataset) dataset = simple_dataset (names, values, NULL, 3);
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("gaps", "bar", "name", "a");
  g_autoptr(McChartModel) chart = mc_chart_model_new (dataset, spec, NULL);
  g_autofree char *summary = NULL;
  McChartHit hit;

  mc_test_render_layout (chart, 800, 500, FALSE);
  /* A missing value is a gap: no bar, no zero. */
  g_assert_cmpuint (mc_test_view_marks (chart)->marks->len, ==, 2);
  summary = mc_chart_describe (chart, mc_test_view_marks (chart));
  g_assert_nonnull (strstr (summary, "A lowest at USD 5 bn"));
  {
    const McTextBox *label = mc_test_view_find_box (chart, MC_TEXT_CATEGORY_LABEL, "B");

    g_assert_nonnull (label);
    g_assert_false (mc_hit_test (mc_test_view_marks (chart), label->x + label->width / 2, label->y - 5, &hit));
  }
}

/* Unusual data never crashes, overlaps or leaves the canvas. */
static void
test_chart_edge_cases (void)
{
  const char *names[] = { "A", "B", "C", "D" };
  const double cases[][4] = {
    { NAN, NAN, NAN, NAN },
    { 5, 5, 5, 5 },
    { 0, 0, 0, 0 },
    { -1e-9, -3e-9, -2e-9, -5e-9 },
    { 1e15, 2e15, 3.5e15, 1e14 },
    { 1e-7, 2e-7, 0, 3e-7 },
    { -40, 60, NAN, -20 },
    { 123456789.123, 1, 2, 3 },
  };
  const char * const types[] = { "bar", "line", "area", "pie" };
  const Size sizes[] = { { 100, 100 }, { 320, 240 }, { 800, 500 }, { 150, 900 } };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (guint n = 0; n <= 4; n += 1)
      {
        g_autoptr(McDataset) dataset = simple_dataset (names, cases[c], cases[c], n);

        for (guint t = 0; t < G_N_ELEMENTS (types); t++)
          for (int horizontal = 0; horizontal <= 1; horizontal++)
            {
              g_autoptr(McChartSpec) spec = mc_test_spec_new ("edge", types[t], "name", "a");
              g_autoptr(McChartModel) chart = NULL;
              g_autoptr(GError) error = NULL;

              mc_chart_spec_set_boolean (spec, "horizontal", horizontal);
              mc_chart_spec_set_boolean (spec, "stacked", horizontal);
              if (horizontal && g_strcmp0 (types[t], "pie") != 0)
                mc_test_set_columns (spec, "y", "a,b");
              chart = mc_chart_model_new (dataset, spec, &error);
              if (chart == NULL)
                {
                  /* Only pies refuse data: negative, or nothing positive. */
                  g_assert_cmpstr (types[t], ==, "pie");
                  g_assert_error (error, MC_CHART_ERROR, error->code);
                  continue;
                }
              for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
                {
                  g_autofree char *summary = NULL;

                  mc_test_render_layout (chart, sizes[s].width, sizes[s].height, FALSE);
                  mc_test_check_layout (chart, sizes[s].width, sizes[s].height, "edge case");
                  summary = mc_chart_describe (chart, mc_test_view_marks (chart));
                  g_assert_nonnull (summary);
                }
            }
      }
}

/* Hit-testing */

static void
test_chart_hit_bar (void)
{
  g_autoptr(McDataset) dataset = mc_test_bundled ("cloud-investment");
  g_autoptr(McChartModel) chart = mc_test_bundled_chart (dataset, "investment");
  const char *companies[] = { "Tencent Cloud", "Alibaba", "Microsoft Azure" };
  const char *values[] = { "USD 70 bn", "USD 50 bn", "USD 10 bn" };
  const double raw[] = { 70, 50, 10 };
  const guint rows[] = { 4, 0, 2 };
  McChartHit hit;

  mc_test_render_layout (chart, 800, 500, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (companies); i++)
    {
      const McTextBox *label = mc_test_view_find_box (chart, MC_TEXT_CATEGORY_LABEL, companies[i]);
      g_auto (McChartHit) found = { 0 };
      double x, y;

      g_assert_nonnull (label);
      x = label->x + label->width / 2;
      y = label->y - 12;
      g_assert_true (mc_hit_test (mc_test_view_marks (chart), x, y, &found));
      g_assert_cmpint (found.kind, ==, MC_CHART_HIT_MARK);
      g_assert_cmpstr (found.label, ==, companies[i]);
      g_assert_cmpstr (found.value, ==, values[i]);
      g_assert_cmpstr (found.series_name, ==, "Investment");
      g_assert_cmpfloat (found.raw_value, ==, raw[i]);
      g_assert_cmpuint (found.index, ==, rows[i]);
      g_assert_true (x >= found.x && x <= found.x + found.width);
      g_assert_true (y >= found.y && y <= found.y + found.height);
    }
  /* The note of a cell comes along. */
  {
    const McTextBox *label = mc_test_view_find_box (chart, MC_TEXT_CATEGORY_LABEL,
                                                    "Microsoft Azure");
    g_auto (McChartHit) found = { 0 };

    g_assert_true (mc_hit_test (mc_test_view_marks (chart), label->x + label->width / 2, label->y - 12, &found));
    g_assert_cmpstr (found.note, ==, "OpenAI partnership");
  }
  g_assert_false (mc_hit_test (mc_test_view_marks (chart), 2, 2, &hit));
  g_assert_cmpint (hit.kind, ==, MC_CHART_HIT_NONE);
}

static void
test_chart_hit_line (void)
{
  g_autoptr(McDataset) dataset = mc_test_bundled ("alibaba-cloud-revenue");
  g_autoptr(McChartModel) chart = mc_test_bundled_chart (dataset, "apac-share");
  const McTextBox *tick;
  g_auto (McChartHit) hit = { 0 };
  McMarks *state;

  mc_test_render_layout (chart, 800, 500, FALSE);
  state = mc_test_view_marks (chart);
  tick = mc_test_view_find_box (chart, MC_TEXT_TICK_LABEL, "2023");
  g_assert_nonnull (tick);
  /* Near the 2023 point in x, anywhere over the plot. */
  g_assert_true (mc_hit_test (mc_test_view_marks (chart), tick->x + tick->width / 2 + 6,
                                    state->axes.plot.y + state->axes.plot.height / 2, &hit));
  g_assert_cmpstr (hit.label, ==, "2023");
  g_assert_cmpstr (hit.value, ==, "17%");
  g_assert_cmpuint (hit.index, ==, 2);
}

static void
test_chart_hit_pie (void)
{
  g_autoptr(McDataset) dataset = mc_test_bundled ("cloud-investment");
  g_autoptr(McChartModel) chart = mc_test_bundled_chart (dataset, "market-share");
  guint slices = 0;

  mc_test_render_layout (chart, 800, 500, FALSE);
  for (guint i = 0; i < mc_test_view_marks (chart)->marks->len; i++)
    {
      const McMark *mark = &g_array_index (mc_test_view_marks (chart)->marks, McMark, i);
      double angle = (mark->a0 + mark->a1) / 2, radius = (mark->r0 + mark->r1) / 2;
      g_auto (McChartHit) hit = { 0 };
      double value;

      if (mark->shape != MC_MARK_SLICE)
        continue;
      slices++;
      value = mark->datum == G_MAXUINT
              ? mark->value : mc_series_get_y (mc_chart_model_get_series (chart, 0), mark->datum);
      g_assert_true (mc_hit_test (mc_test_view_marks (chart), mark->cx + radius * cos (angle),
                                        mark->cy + radius * sin (angle), &hit));
      g_assert_cmpfloat_with_epsilon (hit.raw_value, value, 1e-9);
      if (mark->datum == G_MAXUINT)
        {
          g_assert_cmpstr (hit.label, ==, "Rest of market, computed");
          g_assert_cmpstr (hit.value, ==, "26.9%");
        }
    }
  g_assert_cmpuint (slices, ==, 6);
  /* The first slice starts at 12 o'clock: it is Amazon's, the largest. */
  {
    const McMark *first = NULL;
    g_auto (McChartHit) hit = { 0 };

    for (guint i = 0; i < mc_test_view_marks (chart)->marks->len && first == NULL; i++)
      if (g_array_index (mc_test_view_marks (chart)->marks, McMark, i).shape == MC_MARK_SLICE)
        first = &g_array_index (mc_test_view_marks (chart)->marks, McMark, i);
    g_assert_true (mc_hit_test (mc_test_view_marks (chart), first->cx + 3, first->cy - first->r1 + 4, &hit));
    g_assert_cmpstr (hit.label, ==, "Amazon AWS");
    g_assert_cmpstr (hit.value, ==, "32%");
  }
  /* A row of the table hits its slice too. */
  {
    const McTextBox *row = mc_test_view_find_box (chart, MC_TEXT_LEGEND, "Alibaba");
    g_auto (McChartHit) hit = { 0 };

    g_assert_true (mc_hit_test (mc_test_view_marks (chart), row->x + 2, row->y + row->height / 2, &hit));
    g_assert_cmpstr (hit.value, ==, "4.5%");
  }
}

/* Highlight and hidden series */

static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(const guint32 *) (gconstpointer) (data + (int) y * stride + (int) x * 4);
}

static void
test_chart_highlight (void)
{
  g_autoptr(McDataset) dataset = mc_test_bundled ("cloud-investment");
  g_autoptr(McChartModel) chart = mc_test_bundled_chart (dataset, "investment");
  cairo_surface_t *normal, *highlighted;
  const McTextBox *tencent, *alibaba;
  double tx, ty, ax, ay;

  normal = mc_test_render_image (chart, 800, 500, 1, FALSE);
  tencent = mc_test_view_find_box (chart, MC_TEXT_CATEGORY_LABEL, "Tencent Cloud");
  alibaba = mc_test_view_find_box (chart, MC_TEXT_CATEGORY_LABEL, "Alibaba");
  tx = tencent->x + tencent->width / 2, ty = tencent->y - 12;
  ax = alibaba->x + alibaba->width / 2, ay = alibaba->y - 12;

  /* Highlight Tencent (row 4): the others are dimmed, it stays. */
  mc_view_options_set_highlight (mc_test_view_options (chart), 0, 4);
  highlighted = mc_test_render_image (chart, 800, 500, 1, FALSE);
  g_assert_cmphex (pixel_at (normal, tx, ty), ==, pixel_at (highlighted, tx, ty));
  g_assert_cmphex (pixel_at (normal, ax, ay), !=, pixel_at (highlighted, ax, ay));
  /* Dimmed means lighter on white. */
  g_assert_cmpuint (pixel_at (highlighted, ax, ay) & 0xff, >, pixel_at (normal, ax, ay) & 0xff);
  cairo_surface_destroy (highlighted);

  mc_view_options_set_highlight (mc_test_view_options (chart), -1, -1);
  highlighted = mc_test_render_image (chart, 800, 500, 1, FALSE);
  g_assert_cmphex (pixel_at (normal, ax, ay), ==, pixel_at (highlighted, ax, ay));
  cairo_surface_destroy (highlighted);
  cairo_surface_destroy (normal);
}

/* Highlights name dataset rows, as hits do, also where bars and rows
 * don't line up (growth has no bar for the first year). */
static void
test_chart_highlight_rows (void)
{
  g_autoptr(McDataset) dataset = mc_test_bundled ("alibaba-cloud-revenue");
  g_autoptr(McChartModel) chart = mc_test_bundled_chart (dataset, "revenue-growth");
  cairo_surface_t *normal, *highlighted;
  const McTextBox *last, *first;
  g_auto (McChartHit) hit = { 0 };
  double lx, ly, fx, fy;

  normal = mc_test_render_image (chart, 800, 500, 1, FALSE);
  last = mc_test_view_find_box (chart, MC_TEXT_CATEGORY_LABEL, "2024");
  first = mc_test_view_find_box (chart, MC_TEXT_CATEGORY_LABEL, "2022");
  lx = last->x + last->width / 2, ly = last->y - 12;
  fx = first->x + first->width / 2, fy = first->y - 12;
  g_assert_true (mc_hit_test (mc_test_view_marks (chart), lx, ly, &hit));
  g_assert_cmpuint (hit.index, ==, 3);
  g_assert_true (hit.estimate);

  mc_view_options_set_highlight (mc_test_view_options (chart), hit.series, hit.index);
  highlighted = mc_test_render_image (chart, 800, 500, 1, FALSE);
  g_assert_cmphex (pixel_at (normal, lx, ly), ==, pixel_at (highlighted, lx, ly));
  g_assert_cmphex (pixel_at (normal, fx, fy), !=, pixel_at (highlighted, fx, fy));
  cairo_surface_destroy (highlighted);
  cairo_surface_destroy (normal);
}

static void
test_chart_hidden_series (void)
{
  const char *names[] = { "2022", "2023", "2024" };
  const double a[] = { 10, 12, 14 };
  const double b[] = { 80, 90, 100 };
  g_autoptr(McDataset) dataset = simple_dataset (names, a, b, 3);
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("grouped", "bar", "name", "a");
  g_autoptr(McChartModel) chart = NULL;
  g_auto (McChartHit) hit = { 0 };
  const McTextBox *legend;

  mc_test_set_columns (spec, "y", "a,b");
  chart = mc_chart_model_new (dataset, spec, NULL);
  mc_test_render_layout (chart, 800, 500, FALSE);
  mc_test_check_layout (chart, 800, 500, "grouped");
  g_assert_cmpuint (mc_test_view_marks (chart)->marks->len, ==, 6);
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_VALUE_LABEL, "100"));

  /* The legend entry is a hit, for toggling. */
  legend = mc_test_view_find_box (chart, MC_TEXT_LEGEND, "Beta");
  g_assert_nonnull (legend);
  g_assert_true (mc_hit_test (mc_test_view_marks (chart), legend->x + 2, legend->y + 2, &hit));
  g_assert_cmpint (hit.kind, ==, MC_CHART_HIT_LEGEND);
  g_assert_cmpuint (hit.series, ==, 1);

  /* Hidden, Beta leaves the bars and the value axis, not the legend. */
  mc_view_options_set_series_visible (mc_test_view_options (chart), 1, FALSE);
  g_assert_false (mc_view_options_get_series_visible (mc_test_view_options (chart), 1));
  mc_test_render_layout (chart, 800, 500, FALSE);
  mc_test_check_layout (chart, 800, 500, "grouped, one hidden");
  g_assert_cmpuint (mc_test_view_marks (chart)->marks->len, ==, 3);
  g_assert_null (mc_test_view_find_box (chart, MC_TEXT_TICK_LABEL, "100"));
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_LEGEND, "Beta"));
}

/* Gaps in areas */

/* Quarterly revenue with gaps, as in a held-out dataset: Cloud misses
 * April, Commerce misses July. */
static McDataset *
gaps_dataset (void)
{
  McDataset *dataset = mc_dataset_new ("gaps");
  McColumn *quarter = mc_column_new ("q", "Quarter", MC_COLUMN_DATE);
  McColumn *cloud = mc_column_new ("a", "Cloud", MC_COLUMN_NUMBER);
  McColumn *commerce = mc_column_new ("b", "Commerce", MC_COLUMN_NUMBER);
  const double a[] = { 3.1, NAN, 3.4, 3.6, 3.9 };
  const double b[] = { 10, 11, NAN, 12.5, 13 };

  mc_dataset_set_source (dataset, "Test data", NULL, NULL);
  mc_column_set_date_precision (quarter, MC_DATE_MONTH);
  for (guint i = 0; i < G_N_ELEMENTS (a); i++)
    {
      mc_column_append_value (quarter, mc_days_from_ymd (2023 + i / 4, (i % 4) * 3 + 1, 1));
      mc_column_append_value (cloud, a[i]);
      mc_column_append_value (commerce, b[i]);
    }
  mc_dataset_add_column (dataset, quarter);
  mc_dataset_add_column (dataset, cloud);
  mc_dataset_add_column (dataset, commerce);
  return dataset;
}

static gboolean
pixel_is_background (cairo_surface_t *surface,
                     McChartModel    *chart,
                     double           days,
                     double           value,
                     double           dx)
{
  McMarks *state = mc_test_view_marks (chart);
  double x = mc_time_scale_map (&state->axes.x_time, days) + dx;
  double y = mc_linear_scale_map (&state->axes.y[0], value);

  return (pixel_at (surface, x, y) & 0xffffff) == 0xffffff;
}

/* Every present value of a stacked area shows, also where its
 * neighbours are missing; a missing value is a gap, not a zero. */
static void
test_chart_area_gaps (void)
{
  g_autoptr(McDataset) dataset = gaps_dataset ();
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("stacked", "area", "q", "a");
  g_autoptr(McChartModel) chart = NULL;
  double jan = mc_days_from_ymd (2023, 1, 1), apr = mc_days_from_ymd (2023, 4, 1);
  double jul = mc_days_from_ymd (2023, 7, 1);
  cairo_surface_t *surface;

  mc_test_set_columns (spec, "y", "a,b");
  mc_chart_spec_set_boolean (spec, "stacked", TRUE);
  chart = mc_chart_model_new (dataset, spec, NULL);
  surface = mc_test_render_image (chart, 800, 500, 1, FALSE);
  mc_test_check_layout (chart, 800, 500, "stacked gaps");
  /* January has no neighbour in either layer: both show, stacked. */
  g_assert_false (pixel_is_background (surface, chart, jan, 1.5, 1));
  g_assert_false (pixel_is_background (surface, chart, jan, 3.1 + 8, 1));
  /* April's Commerce stands on what is known below it. */
  g_assert_false (pixel_is_background (surface, chart, apr, 5.5, 0));
  g_assert_true (pixel_is_background (surface, chart, apr, 12, 0));
  /* July has no Commerce: nothing over Cloud. */
  g_assert_false (pixel_is_background (surface, chart, jul, 1.5, 1));
  g_assert_true (pixel_is_background (surface, chart, jul, 8, 1));
  cairo_surface_destroy (surface);
  /* Hovering a band names its layer, also where a lower layer's value
   * is nearer to the pointer than the band's own. */
  {
    McMarks *state = mc_test_view_marks (chart);
    g_auto (McChartHit) hit = { 0 };

    g_assert_true (mc_hit_test (mc_test_view_marks (chart), mc_time_scale_map (&state->axes.x_time, jan),
                                      mc_linear_scale_map (&state->axes.y[0], 4.5), &hit));
    g_assert_cmpstr (hit.series_name, ==, "Commerce");
    g_assert_cmpstr (hit.label, ==, "Jan 2023");
  }

  /* Unstacked and too long for markers, a lone point still shows. */
  g_clear_object (&dataset);
  dataset = mc_dataset_new ("long-gaps");
  {
    McColumn *quarter = mc_column_new ("q", "Quarter", MC_COLUMN_DATE);
    McColumn *cloud = mc_column_new ("a", "Cloud", MC_COLUMN_NUMBER);

    mc_column_set_date_precision (quarter, MC_DATE_MONTH);
    for (guint i = 0; i < 24; i++)
      {
        mc_column_append_value (quarter, mc_days_from_ymd (2023 + i / 4, (i % 4) * 3 + 1, 1));
        mc_column_append_value (cloud, i == 0 ? 3.1 : i == 1 ? NAN : 3 + i % 3);
      }
    mc_dataset_add_column (dataset, quarter);
    mc_dataset_add_column (dataset, cloud);
  }
  mc_test_set_columns (spec, "y", "a");
  mc_chart_spec_set_boolean (spec, "stacked", FALSE);
  g_clear_object (&chart);
  chart = mc_chart_model_new (dataset, spec, NULL);
  surface = mc_test_render_image (chart, 800, 500, 1, FALSE);
  g_assert_false (pixel_is_background (surface, chart, jan, 3.1, 1));
  cairo_surface_destroy (surface);
}

/* Labels under an axis */

/* A line over x from 0 to 1,000,000: the label of the last tick, at the
 * end of the axis, is wider than the padding beside it. */
static McDataset *
wide_x_dataset (void)
{
  McDataset *dataset = mc_dataset_new ("wide-x");
  McColumn *step = mc_column_new ("step", "Step", MC_COLUMN_NUMBER);
  McColumn *value = mc_column_new ("value", "Value", MC_COLUMN_NUMBER);

  mc_dataset_set_source (dataset, "Simulation", NULL, NULL);
  for (guint i = 0; i <= 100; i++)
    {
      mc_column_append_value (step, i * 10000.0);
      mc_column_append_value (value, 100 + 20 * sin (i / 8.0));
    }
  mc_dataset_add_column (dataset, step);
  mc_dataset_add_column (dataset, value);
  return dataset;
}

/* Whether columns [@x0, @x1) of @surface are white over the rows of
 * @box. */
static gboolean
columns_are_background (cairo_surface_t *surface,
                        const McTextBox *box,
                        int              x0,
                        int              x1)
{
  for (int y = (int) floor (box->y); y < (int) ceil (box->y + box->height); y++)
    for (int x = x0; x < x1; x++)
      if ((pixel_at (surface, x, y) & 0xffffff) != 0xffffff)
        return FALSE;
  return TRUE;
}

/* The first and last labels under an axis, centred on ticks at its
 * ends, keep the chart's outer padding (where the title stands) between
 * them and the image's edges, and still stand on their ticks. */
static void
test_chart_x_labels_padding (void)
{
  g_autoptr(McDataset) dataset = wide_x_dataset ();
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("wide", "line", "step", "value");
  g_autoptr(McChartModel) chart = mc_chart_model_new (dataset, spec, NULL);
  cairo_surface_t *surface = mc_test_render_image (chart, 800, 500, 1, FALSE);
  McMarks *marks = mc_test_view_marks (chart);
  const McTextBox *title = mc_test_view_find_box (chart, MC_TEXT_TITLE, NULL);
  const McTextBox *boxes, *first = NULL, *last = NULL;
  int pad = (int) round (title->x);
  guint n;

  mc_test_check_layout (chart, 800, 500, "a wide x axis");
  boxes = mc_marks_get_text_boxes (marks, &n);
  for (guint i = 0; i < n; i++)
    if (boxes[i].role == MC_TEXT_TICK_LABEL
        && boxes[i].y > marks->axes.plot.y + marks->axes.plot.height)
      {
        if (first == NULL || boxes[i].x < first->x)
          first = &boxes[i];
        if (last == NULL || boxes[i].x > last->x)
          last = &boxes[i];
      }
  g_assert_nonnull (first);
  g_assert_nonnull (last);
  g_assert_cmpfloat_with_epsilon (last->x + last->width / 2,
                                  mc_linear_scale_map (&marks->axes.x_linear, 1e6), 0.5);
  g_assert_cmpfloat (last->x + last->width, <=, 800 - pad + 0.5);
  g_assert_cmpfloat (first->x, >=, pad - 0.5);
  g_assert_true (columns_are_background (surface, last, 800 - pad, 800));
  g_assert_true (columns_are_background (surface, first, 0, pad));
  cairo_surface_destroy (surface);

  /* Zoomed in and panned, ticks come and go at the end of the axis; the
   * plot keeps its width, so the line does not stretch under the
   * pointer. */
  {
    double width = marks->axes.plot.width;
    const double windows[][2] = { { 0, 500000 }, { 480000, 1000000 }, { 475000, 995000 },
                                  { 470000, 990000 } };

    for (guint w = 0; w < G_N_ELEMENTS (windows); w++)
      {
        mc_view_options_set_x_window (mc_test_view_options (chart), windows[w][0],
                                      windows[w][1]);
        mc_test_render_layout (chart, 800, 500, FALSE);
        g_assert_cmpfloat_with_epsilon (mc_test_view_marks (chart)->axes.plot.width, width, 1e-9);
        mc_test_check_layout (chart, 800, 500, "a wide x axis, zoomed in");
      }
  }
}

/* A value axis always says what its numbers are. */
static void
test_chart_axis_titles (void)
{
  const char *names[] = { "North", "South" };
  const double a[] = { 1200, 800 };
  const double b[] = { 30, 12 };
  g_autoptr(McDataset) prices = long_table ();
  g_autoptr(McDataset) simple = simple_dataset (names, a, b, 2);
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("prices", "line", "date", "price");
  g_autoptr(McChartSpec) bars = mc_test_spec_new ("bars", "bar", "name", "a");
  g_autoptr(McChartModel) chart = NULL;
  McColumn *beta = mc_dataset_lookup_column (simple, "b");

  /* The lines of a long table: the value column's label and unit. */
  mc_chart_spec_set_string (spec, "series", "symbol");
  chart = mc_chart_model_new (prices, spec, NULL);
  mc_test_render_layout (chart, 800, 500, FALSE);
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_AXIS_TITLE, "Price (USD)"));
  /* A model is made from the data as it is: change it, make another. */
  mc_column_set_unit (mc_dataset_lookup_column (prices, "price"), NULL);
  g_clear_object (&chart);
  chart = mc_chart_model_new (prices, spec, NULL);
  mc_test_render_layout (chart, 800, 500, FALSE);
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_AXIS_TITLE, "Price"));

  /* Two columns in one unit: the unit; in different units: both. */
  mc_test_set_columns (bars, "y", "a,b");
  g_clear_object (&chart);
  chart = mc_chart_model_new (simple, bars, NULL);
  mc_test_render_layout (chart, 800, 500, FALSE);
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_AXIS_TITLE, "USD bn"));
  mc_column_set_unit (beta, NULL);
  mc_column_set_scale (beta, MC_SCALE_NONE);
  g_clear_object (&chart);
  chart = mc_chart_model_new (simple, bars, NULL);
  mc_test_render_layout (chart, 800, 500, FALSE);
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_AXIS_TITLE, "Alpha (USD bn), Beta"));
}

/* Bars that say what they are */

static McDataset *
quarters_dataset (void)
{
  const char *quarters[] = { "Q1 2023", "Q2 2023", "Q3 2023", "Q4 2023", "Q1 2024" };
  const double cloud[] = { 3.1, NAN, 3.4, 3.6, 3.9 };
  const double retail[] = { 340, 310, -45, 280, -20 };

  return simple_dataset (quarters, retail, cloud, 5);
}

/* Growth against zero or a loss has no meaning; quarters are periods,
 * not entities, and share one colour. */
static void
test_chart_growth_signs (void)
{
  g_autoptr(McDataset) dataset = quarters_dataset ();
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("growth", "bar", "name", "a");
  g_autoptr(McChartModel) chart = NULL;
  McSeries *series;

  mc_chart_spec_set_string (spec, "transform", "growth");
  chart = mc_chart_model_new (dataset, spec, NULL);
  series = mc_chart_model_get_series (chart, 0);
  g_assert_cmpfloat_with_epsilon (mc_series_get_y (series, 0), (310.0 / 340 - 1) * 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (mc_series_get_y (series, 1), (-45.0 / 310 - 1) * 100, 1e-9);
  g_assert_true (isnan (mc_series_get_y (series, 2)));
  g_assert_false (chart->color_by_category);

  /* Companies are entities: one colour each. */
  {
    const char *names[] = { "Alibaba", "Tencent", "Amazon" };
    const double values[] = { 50, 70, 35 };
    g_autoptr(McDataset) companies = simple_dataset (names, values, NULL, 3);
    g_autoptr(McChartSpec) bars = mc_test_spec_new ("bars", "bar", "name", "a");
    g_autoptr(McChartModel) colored = mc_chart_model_new (companies, bars, NULL);

    g_assert_true (colored->color_by_category);
  }
}

static gboolean
rects_cross (const McRect    *rect,
             const McTextBox *box)
{
  return box->x < rect->x + rect->width - 0.01 && rect->x < box->x + box->width - 0.01
         && box->y < rect->y + rect->height - 0.01 && rect->y < box->y + box->height - 0.01;
}

static gboolean
rect_holds (const McRect    *rect,
            const McTextBox *box)
{
  return box->x >= rect->x - 0.01 && box->x + box->width <= rect->x + rect->width + 0.01
         && box->y >= rect->y - 0.01 && box->y + box->height <= rect->y + rect->height + 0.01;
}

/* Value labels of grouped bars never reach over a neighbouring bar, and
 * a missing bar says it is missing. */
static void
test_chart_grouped_labels (void)
{
  g_autoptr(McDataset) dataset = quarters_dataset ();
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("grouped", "bar", "name", "a");
  g_autoptr(McChartModel) chart = NULL;
  const Size sizes[] = { { 320, 240 }, { 800, 500 }, { 2400, 1500 } };

  mc_test_set_columns (spec, "y", "b,a");
  chart = mc_chart_model_new (dataset, spec, NULL);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      guint n;
      const McTextBox *boxes;

      mc_test_render_layout (chart, sizes[s].width, sizes[s].height, FALSE);
      mc_test_check_layout (chart, sizes[s].width, sizes[s].height, "grouped");
      boxes = mc_marks_get_text_boxes (mc_test_view_marks (chart), &n);
      for (guint i = 0; i < n; i++)
        for (guint m = 0; m < mc_test_view_marks (chart)->marks->len; m++)
          {
            const McMark *mark = &g_array_index (mc_test_view_marks (chart)->marks, McMark, m);

            if (boxes[i].role != MC_TEXT_VALUE_LABEL && boxes[i].role != MC_TEXT_NOTE)
              continue;
            if (rects_cross (&mark->box, &boxes[i]) && !rect_holds (&mark->box, &boxes[i]))
              g_error ("at %gx%g “%s” covers a bar", sizes[s].width, sizes[s].height,
                       boxes[i].text);
          }
    }
  mc_test_render_layout (chart, 800, 500, FALSE);
  g_assert_cmpuint (mc_test_view_count_boxes (chart, MC_TEXT_VALUE_LABEL), ==, 9);
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_NOTE, "n/a"));
}

/* Horizontal bars too thin for value labels get an axis: bars without
 * numbers would say nothing. */
static void
test_chart_horizontal_axis (void)
{
  McDataset *dataset = mc_dataset_new ("countries");
  McColumn *name = mc_column_new ("name", "Country", MC_COLUMN_STRING);
  McColumn *value = mc_column_new ("a", "Spending", MC_COLUMN_NUMBER);
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("many", "bar", "name", "a");
  g_autoptr(McChartModel) chart = NULL;

  mc_dataset_set_source (dataset, "Test", NULL, NULL);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *country = g_strdup_printf ("Country %u", i + 1);

      mc_column_append_string (name, country);
      mc_column_append_value (value, 3000.0 / (i + 1));
    }
  mc_dataset_add_column (dataset, name);
  mc_dataset_add_column (dataset, value);
  mc_chart_spec_set_boolean (spec, "horizontal", TRUE);
  chart = mc_chart_model_new (dataset, spec, NULL);
  for (guint s = 0; s < MC_TEST_N_LAYOUT_SIZES; s++)
    {
      const Size *size = &mc_test_layout_sizes[s];

      mc_test_render_layout (chart, size->width, size->height, FALSE);
      mc_test_check_layout (chart, size->width, size->height, "20 countries");
      if (mc_test_view_count_boxes (chart, MC_TEXT_CATEGORY_LABEL) > 0)
        g_assert_true (mc_test_view_count_boxes (chart, MC_TEXT_VALUE_LABEL) == 20
                       || mc_test_view_count_boxes (chart, MC_TEXT_TICK_LABEL) >= 2);
    }
  mc_test_render_layout (chart, 800, 500, FALSE);
  g_assert_cmpuint (mc_test_view_count_boxes (chart, MC_TEXT_TICK_LABEL), >=, 3);
  g_object_unref (dataset);
}

/* A horizontal bar chart of @n countries, the second named @second. */
static McChartModel *
countries_chart (McDataset  **dataset,
                 guint        n,
                 const char  *second)
{
  McColumn *name = mc_column_new ("name", "Country", MC_COLUMN_STRING);
  McColumn *value = mc_column_new ("a", "Spending", MC_COLUMN_NUMBER);
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("many", "bar", "name", "a");

  *dataset = mc_dataset_new ("countries");
  mc_dataset_set_source (*dataset, "Test", NULL, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *country = g_strdup_printf ("Country %u", i + 1);

      mc_column_append_string (name, i == 1 ? second : country);
      mc_column_append_value (value, 3000.0 / (i + 1));
    }
  mc_dataset_add_column (*dataset, name);
  mc_dataset_add_column (*dataset, value);
  mc_chart_spec_set_boolean (spec, "horizontal", TRUE);
  return mc_chart_model_new (*dataset, spec, NULL);
}

/* Rows too thin for a label each label every so many rows, and the
 * labels' column is as wide as those drawn: a long name in a row left
 * unlabelled takes no room from the bars. */
static void
test_chart_horizontal_labels_drawn (void)
{
  g_autoptr(McDataset) plain = NULL;
  g_autoptr(McDataset) long_name = NULL;
  g_autoptr(McChartModel) plain_chart = countries_chart (&plain, 600, "Country 2");
  g_autoptr(McChartModel) long_chart =
    countries_chart (&long_name, 600, "The long name of a country in a row never labelled");
  const McTextBox *first, *first_beside_long;

  mc_test_render_layout (plain_chart, 800, 500, FALSE);
  mc_test_render_layout (long_chart, 800, 500, FALSE);
  g_assert_null (mc_test_view_find_box (long_chart, MC_TEXT_CATEGORY_LABEL, "The long name"));
  first = mc_test_view_find_box (plain_chart, MC_TEXT_CATEGORY_LABEL, "Country 1");
  first_beside_long = mc_test_view_find_box (long_chart, MC_TEXT_CATEGORY_LABEL, "Country 1");
  g_assert_nonnull (first);
  g_assert_nonnull (first_beside_long);
  g_assert_cmpfloat (first_beside_long->x, ==, first->x);
  g_assert_cmpuint (mc_test_view_count_boxes (long_chart, MC_TEXT_CATEGORY_LABEL), ==,
                    mc_test_view_count_boxes (plain_chart, MC_TEXT_CATEGORY_LABEL));
}

/* Data with gaps, negatives and estimates, in every chart type that fits
 * it: nothing overlaps or leaves the canvas at any size. */
static void
test_chart_layout_gaps (void)
{
  g_autoptr(McDataset) gaps = gaps_dataset ();
  g_autoptr(McDataset) quarters = quarters_dataset ();
  const struct { McDataset *dataset; const char * type; const char *x; const char *y;
                 gboolean stacked; } cases[] = {
    { gaps, "line", "q", "a,b", FALSE },
    { gaps, "bar", "q", "a,b", FALSE },
    { gaps, "area", "q", "a,b", TRUE },
    { gaps, "area", "q", "a,b", FALSE },
    { quarters, "bar", "name", "a,b", TRUE },
    { quarters, "line", "name", "a", FALSE },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(McChartSpec) spec = mc_test_spec_new ("gaps", cases[c].type, cases[c].x, "a");
      g_autoptr(McChartModel) chart = NULL;

      mc_test_set_columns (spec, "y", cases[c].y);
      mc_chart_spec_set_boolean (spec, "stacked", cases[c].stacked);
      chart = mc_chart_model_new (cases[c].dataset, spec, NULL);
      g_assert_nonnull (chart);
      {
        g_autofree char *what = g_strdup_printf ("case %u", c);

        mc_test_check_layouts (chart, what);
      }
    }
}

static void
test_chart_describe (void)
{
  g_autoptr(McDataset) investment = mc_test_bundled ("cloud-investment");
  g_autoptr(McChartModel) bars = mc_test_bundled_chart (investment, "investment");
  g_autoptr(McChartModel) pie = mc_test_bundled_chart (investment, "market-share");
  g_autoptr(McDataset) prices = mc_test_bundled ("alibaba-share-price");
  g_autoptr(McChartModel) line = mc_test_bundled_chart (prices, "price-and-market-cap");
  g_autofree char *a = mc_chart_describe (bars, mc_test_view_marks (bars));
  g_autofree char *b = mc_chart_describe (pie, mc_test_view_marks (pie));
  g_autofree char *c = mc_chart_describe (line, mc_test_view_marks (line));

  g_assert_cmpstr (a, ==, "Bar chart, Alibaba’s USD 50 bn is among the largest AI and cloud "
                          "commitments, 5 bars, "
                          "Tencent Cloud highest at USD 70 bn, "
                          "Microsoft Azure lowest at USD 10 bn");
  g_assert_true (g_str_has_prefix (b, "Donut chart, Alibaba holds 4.5% of the global cloud market, "
                                      "6 slices, "
                                      "Amazon AWS 32%"));
  g_assert_nonnull (strstr (b, "Rest of market, computed 26.9%"));
  g_assert_nonnull (strstr (c, "Jan 2024 to Feb 2025"));
  g_assert_nonnull (strstr (c, "Share price highest HKD 148 in Feb 2025"));
}

/* Long series */

typedef struct
{
  GArray *points;
} Collected;

static void
collect (double   x,
         double   y,
         gpointer user_data)
{
  double point[2] = { x, y };

  g_array_append_vals (((Collected *) user_data)->points, point, 1);
}

static void
test_chart_decimate_run (void)
{
  guint n = 20000;
  g_autofree double *px = g_new (double, n);
  g_autofree double *py = g_new (double, n);
  GRand *rand = g_rand_new_with_seed (7);
  Collected out = { g_array_new (FALSE, FALSE, sizeof (double) * 2) };
  double walk = 0;
  guint k = 0;

  for (guint i = 0; i < n; i++)
    {
      walk += g_rand_double_range (rand, -1, 1);
      px[i] = i * 0.01;       /* 100 points per pixel column */
      py[i] = walk;
    }
  mc_decimate_run (px, py, n, 1, collect, &out);
  g_assert_cmpuint (out.points->len, <=, 4 * 200);
  g_assert_cmpuint (out.points->len, >=, 2 * 200);

  /* Per column: first and last kept, extremes kept, order kept. */
  for (guint column = 0; column < 200; column++)
    {
      double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE, out_lo = G_MAXDOUBLE, out_hi = -G_MAXDOUBLE;
      guint start = k;

      for (guint i = column * 100; i < column * 100 + 100; i++)
        lo = MIN (lo, py[i]), hi = MAX (hi, py[i]);
      while (k < out.points->len && floor (g_array_index (out.points, double, 2 * k)) == column)
        {
          double x = ((double *) out.points->data)[2 * k];
          double y = ((double *) out.points->data)[2 * k + 1];

          if (k > 0)
            g_assert_cmpfloat (x, >=, ((double *) out.points->data)[2 * (k - 1)]);
          out_lo = MIN (out_lo, y), out_hi = MAX (out_hi, y);
          k++;
        }
      g_assert_cmpfloat (out_lo, ==, lo);
      g_assert_cmpfloat (out_hi, ==, hi);
      g_assert_cmpfloat (((double *) out.points->data)[2 * start + 1], ==, py[column * 100]);
      g_assert_cmpfloat (((double *) out.points->data)[2 * (k - 1) + 1], ==, py[column * 100 + 99]);
    }
  g_assert_cmpuint (k, ==, out.points->len);
  g_array_unref (out.points);
  g_rand_free (rand);
}

static McDataset *
random_walk (guint n,
             guint seed)
{
  McDataset *dataset = mc_dataset_new ("walk");
  McColumn *day = mc_column_new ("day", "Day", MC_COLUMN_DATE);
  McColumn *value = mc_column_new ("value", "Value", MC_COLUMN_NUMBER);
  GRand *rand = g_rand_new_with_seed (seed);
  double walk = 100;

  mc_dataset_set_source (dataset, "Simulation", NULL, NULL);
  mc_column_set_unit (value, "HKD");
  for (guint i = 0; i < n; i++)
    {
      walk += g_rand_double_range (rand, -1, 1);
      mc_column_append_value (day, i / 24.0);
      mc_column_append_value (value, walk);
    }
  mc_dataset_add_column (dataset, day);
  mc_dataset_add_column (dataset, value);
  g_rand_free (rand);
  return dataset;
}

/* Decimated and full drawings of a long line give the same picture. */
static void
test_chart_decimation_pixels (void)
{
  g_autoptr(McDataset) dataset = random_walk (30000, 3);
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("walk", "line", "day", "value");
  g_autoptr(McChartModel) chart = mc_chart_model_new (dataset, spec, NULL);
  cairo_surface_t *fast, *full;
  const guint8 *a, *b;
  int stride, height, width;
  guint differing = 0, total;
  int worst = 0;

  fast = mc_test_render_image (chart, 400, 300, 1, FALSE);
  mc_test_view_options (chart)->every_point = TRUE;
  full = mc_test_render_image (chart, 400, 300, 1, FALSE);
  a = cairo_image_surface_get_data (fast);
  b = cairo_image_surface_get_data (full);
  stride = cairo_image_surface_get_stride (fast);
  width = cairo_image_surface_get_width (fast);
  height = cairo_image_surface_get_height (fast);
  total = width * height;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width * 4; x++)
      {
        int d = abs ((int) a[y * stride + x] - (int) b[y * stride + x]);

        worst = MAX (worst, d);
        differing += (x % 4 == 0) && d > 40;
      }
  g_test_message ("decimation: worst channel difference %d, %u of %u pixels differ by more "
                  "than 40", worst, differing, total);
  /* Antialiasing of the joins differs a little, the shape not at all. */
  g_assert_cmpuint (differing, <=, total / 200);
  cairo_surface_destroy (fast);
  cairo_surface_destroy (full);
}

static void
test_chart_million_points (void)
{
  g_autoptr(McDataset) dataset = random_walk (1000000, 11);
  g_autoptr(McChartSpec) spec = mc_test_spec_new ("walk", "line", "day", "value");
  g_autoptr(McChartModel) chart = mc_chart_model_new (dataset, spec, NULL);
  g_autoptr(GTimer) timer = g_timer_new ();
  cairo_surface_t *surface = mc_test_render_image (chart, 800, 500, 1, FALSE);
  double seconds = g_timer_elapsed (timer, NULL);
  g_auto (McChartHit) hit = { 0 };

  g_test_message ("a million points drawn in %.3f s", seconds);
  /* Generous: sanitizers and busy machines are slow. */
  g_assert_cmpfloat (seconds, <, 20);
  mc_test_check_layout (chart, 800, 500, "a million points");
  g_assert_true (mc_hit_test (mc_test_view_marks (chart), mc_test_view_marks (chart)->axes.plot.x + 100,
                                    mc_test_view_marks (chart)->axes.plot.y + 10, &hit));
  g_assert_cmpint (hit.kind, ==, MC_CHART_HIT_MARK);
  cairo_surface_destroy (surface);

  /* Decimated, a million points make a small SVG. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) svg = mc_export_chart_to_bytes (chart, MC_EXPORT_SVG, NULL, &error);

    g_assert_no_error (error);
    g_test_message ("SVG of a million points: %" G_GSIZE_FORMAT " bytes", g_bytes_get_size (svg));
    g_assert_cmpuint (g_bytes_get_size (svg), <, 1024 * 1024);
  }
}

/* Golden images */

static void
test_chart_golden (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) datasets = NULL;
  gboolean update = g_getenv ("MC_UPDATE_GOLDEN") != NULL;

  if (!mc_test_golden_ready (update))
    return;
  datasets = mc_bundled_load_all (&error);
  g_assert_no_error (error);
  for (guint d = 0; d < datasets->len; d++)
    mc_test_compare_golden_charts (g_ptr_array_index (datasets, d), update);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/chart/growth", test_chart_growth);
  g_test_add_func ("/mc/chart/errors", test_chart_errors);
  g_test_add_func ("/mc/chart/pie-negative", test_chart_pie_negative);
  g_test_add_func ("/mc/chart/pie-over-total", test_chart_pie_over_total);
  g_test_add_func ("/mc/chart/model-snapshot", test_chart_model_snapshot);
  g_test_add_func ("/mc/chart/line-labels-one-side", test_chart_line_labels_one_side);
  g_test_add_func ("/mc/chart/pie-slices", test_chart_pie_slices);
  g_test_add_func ("/mc/chart/pie-many-slices", test_chart_pie_many_slices);
  g_test_add_func ("/mc/chart/long-table", test_chart_long_table);
  g_test_add_func ("/mc/chart/layout-bundled", test_chart_layout_bundled);
  g_test_add_func ("/mc/chart/layout-device-scale", test_chart_layout_device_scale);
  g_test_add_func ("/mc/chart/dual-axis", test_chart_dual_axis);
  g_test_add_func ("/mc/chart/gaps", test_chart_gaps);
  g_test_add_func ("/mc/chart/estimates", test_chart_estimates);
  g_test_add_func ("/mc/chart/estimates-everywhere", test_chart_estimates_everywhere);
  g_test_add_func ("/mc/chart/horizontal-when-long", test_chart_horizontal_when_long);
  g_test_add_func ("/mc/chart/horizontal-labels-drawn", test_chart_horizontal_labels_drawn);
  g_test_add_func ("/mc/chart/many-categories", test_chart_many_categories);
  g_test_add_func ("/mc/chart/negative-bars", test_chart_negative_bars);
  g_test_add_func ("/mc/chart/missing-values", test_chart_missing_values);
  g_test_add_func ("/mc/chart/edge-cases", test_chart_edge_cases);
  g_test_add_func ("/mc/chart/hit-bar", test_chart_hit_bar);
  g_test_add_func ("/mc/chart/hit-line", test_chart_hit_line);
  g_test_add_func ("/mc/chart/hit-pie", test_chart_hit_pie);
  g_test_add_func ("/mc/chart/highlight", test_chart_highlight);
  g_test_add_func ("/mc/chart/highlight-rows", test_chart_highlight_rows);
  g_test_add_func ("/mc/chart/hidden-series", test_chart_hidden_series);
  g_test_add_func ("/mc/chart/area-gaps", test_chart_area_gaps);
  g_test_add_func ("/mc/chart/x-labels-padding", test_chart_x_labels_padding);
  g_test_add_func ("/mc/chart/axis-titles", test_chart_axis_titles);
  g_test_add_func ("/mc/chart/growth-signs", test_chart_growth_signs);
  g_test_add_func ("/mc/chart/grouped-labels", test_chart_grouped_labels);
  g_test_add_func ("/mc/chart/horizontal-axis", test_chart_horizontal_axis);
  g_test_add_func ("/mc/chart/layout-gaps", test_chart_layout_gaps);
  g_test_add_func ("/mc/chart/describe", test_chart_describe);
  g_test_add_func ("/mc/chart/decimate-run", test_chart_decimate_run);
  g_test_add_func ("/mc/chart/decimation-pixels", test_chart_decimation_pixels);
  g_test_add_func ("/mc/chart/million-points", test_chart_million_points);
  g_test_add_func ("/mc/chart/golden", test_chart_golden);

  return g_test_run ();
}
