/* test-chart-interact.c: the zoom window, stepping from mark to mark and
 * colour vision simulation, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "mc-bundled.h"
#include "mc-chart-model.h"
#include "mc-hit.h"
#include "mc-loader.h"
#include "mc-test-view.h"
#include "mc-vision.h"

static McChartModel *
chart_new (McDataset  *dataset,
           const char *chart_id)
{
  g_autoptr(GError) error = NULL;
  McChartModel *chart = mc_chart_model_new (dataset, mc_dataset_lookup_chart (dataset, chart_id), &error);

  g_assert_no_error (error);
  return chart;
}

static void
render_at (McChartModel *chart,
           double        width,
           double        height)
{
  g_autoptr(McTheme) theme = mc_theme_new (MC_THEME_LIGHT);
  cairo_rectangle_t extents = { 0, 0, width, height };
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_t *cr = cairo_create (surface);

  mc_test_view_render (chart, cr, width, height, theme);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
render (McChartModel *chart)
{
  render_at (chart, 800, 500);
}

/* @n points of x = 0, 1, ... on a number axis, in two series. */
static McDataset *
numbers_dataset (guint n)
{
  g_autoptr(GError) error = NULL;
  GString *json = g_string_new ("{ \"format\": \"market-charts/1\", \"id\": \"n\", \"title\": \"N\","
                                "  \"columns\": [ { \"id\": \"x\", \"label\": \"X\", \"type\": \"number\" },"
                                "    { \"id\": \"a\", \"label\": \"A\", \"type\": \"number\" },"
                                "    { \"id\": \"b\", \"label\": \"B\", \"type\": \"number\" } ],"
                                "  \"rows\": [");
  McDataset *dataset;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s[%u, %u, %u]", i ? ", " : "", i, 100 + i, 50 + (i % 3));
  g_string_append (json, "], \"charts\": [ { \"id\": \"lines\", \"type\": \"line\", \"x\": \"x\","
                         "  \"y\": [\"a\", \"b\"] } ] }");
  dataset = mc_loader_load_data (json->str, json->len, "n.json", NULL, &error);
  g_assert_no_error (error);
  g_string_free (json, TRUE);
  return dataset;
}

static char *
item_label (McChartModel      *chart,
            const McChartItem *item)
{
  g_auto(McChartHit) hit = { 0 };

  g_assert_true (mc_hit_item_get_hit (mc_test_view_marks (chart), item, &hit));
  return g_strdup (hit.label);
}

static void
test_interact_bars (void)
{
  g_autoptr(McDataset) dataset = mc_bundled_lookup ("cloud-investment", NULL);
  g_autoptr(McChartModel) chart = chart_new (dataset, "investment");
  g_autofree char *label = NULL;
  McChartItem item, found;
  guint position, count, steps = 0;

  /* Nothing drawn, nothing to step to. */
  render_at (chart, 0, 0);
  g_assert_false (mc_hit_item_first (mc_test_view_marks (chart), &item));
  render (chart);
  g_assert_false (mc_chart_model_can_zoom (chart));
  g_assert_true (mc_hit_item_first (mc_test_view_marks (chart), &item));
  label = item_label (chart, &item);
  g_assert_cmpstr (label, ==, "Tencent Cloud");
  mc_hit_item_get_position (mc_test_view_marks (chart), &item, &position, &count);
  g_assert_cmpuint (position, ==, 1);
  g_assert_cmpuint (count, ==, 5);

  /* The item's anchor is on its bar, and the highlight takes its row. */
  g_assert_true (mc_hit_item_at (mc_test_view_marks (chart), item.x, item.y, &found));
  g_assert_cmpuint (found.index, ==, item.index);
  g_assert_cmpstr (mc_column_get_string (mc_dataset_lookup_column (dataset, "company"),
                                         item.index), ==, "Tencent Cloud");

  while (mc_hit_item_move (mc_test_view_marks (chart), &item, MC_CHART_MOVE_NEXT))
    steps++;
  g_assert_cmpuint (steps, ==, 4);
  mc_hit_item_get_position (mc_test_view_marks (chart), &item, &position, &count);
  g_assert_cmpuint (position, ==, 5);
  g_assert_false (mc_hit_item_move (mc_test_view_marks (chart), &item, MC_CHART_MOVE_SERIES_UP));
  g_assert_true (mc_hit_item_move (mc_test_view_marks (chart), &item, MC_CHART_MOVE_FIRST));
  g_assert_false (mc_hit_item_move (mc_test_view_marks (chart), &item, MC_CHART_MOVE_PREVIOUS));
}

/* The hit of the bar of @company. */
static char *
bar_value (McChartModel *chart,
           McDataset    *dataset,
           const char   *company)
{
  const McColumn *names = mc_dataset_lookup_column (dataset, "provider");
  McChartItem item;

  g_assert_true (mc_hit_item_first (mc_test_view_marks (chart), &item));
  do
    {
      if (g_strcmp0 (mc_column_get_string (names, item.index), company) == 0)
        {
          g_auto(McChartHit) hit = { 0 };

          g_assert_true (mc_hit_item_get_hit (mc_test_view_marks (chart), &item, &hit));
          return g_strdup (hit.value);
        }
    }
  while (mc_hit_item_move (mc_test_view_marks (chart), &item, MC_CHART_MOVE_NEXT));
  g_assert_not_reached ();
}

/* A share written 36.0 is labelled 36.0%, beside 35.8%, as the source
 * wrote it, and so is its value when the pointer is on its bar; one
 * written 32 stays 32%. The same from a dataset file and a CSV table. */
static void
test_interact_written_decimals (void)
{
  const char *json =
    "{ \"format\": \"market-charts/1\", \"id\": \"share\", \"title\": \"Share\","
    "  \"columns\": [ { \"id\": \"provider\", \"type\": \"string\" },"
    "    { \"id\": \"share\", \"type\": \"number\", \"unit\": \"percent\" } ],"
    "  \"rows\": [ [\"A\", 36.0], [\"B\", { \"value\": 35.8, \"note\": \"n\" }],"
    "    [\"C\", 32] ] }";
  const char *csv = "provider,share\nA,36.0%\nB,35.8%\nC,32%\n";
  const char *texts[] = { json, csv };
  const char *names[] = { "share.json", "share.csv" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(McDataset) dataset = mc_loader_load_data (texts[i], strlen (texts[i]),
                                                          names[i], NULL, &error);
      g_autoptr(McChartSpec) spec = mc_test_spec_new ("bars", "bar", "provider", "share");
      g_autoptr(McChartModel) chart = NULL;
      g_autofree char *a = NULL;
      g_autofree char *c = NULL;

      g_assert_no_error (error);
      chart = mc_chart_model_new (dataset, spec, &error);
      g_assert_no_error (error);
      render (chart);
      g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_VALUE_LABEL, "36.0%"));
      g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_VALUE_LABEL, "35.8%"));
      g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_VALUE_LABEL, "32%"));
      a = bar_value (chart, dataset, "A");
      c = bar_value (chart, dataset, "C");
      g_assert_cmpstr (a, ==, "36.0%");
      g_assert_cmpstr (c, ==, "32%");
    }
}

static void
test_interact_window (void)
{
  g_autoptr(McDataset) dataset = numbers_dataset (11);
  g_autoptr(McChartModel) chart = chart_new (dataset, "lines");
  double min, max, x, y, w, h;
  McChartItem item, other;

  g_assert_true (mc_chart_model_can_zoom (chart));
  g_assert_true (mc_chart_model_get_x_extent (chart, &min, &max));
  g_assert_cmpfloat (min, ==, 0);
  g_assert_cmpfloat (max, ==, 10);

  /* The number axis ends exactly on the window. */
  mc_view_options_set_x_window (mc_test_view_options (chart), 2.5, 7.5);
  g_assert_true (mc_view_options_get_x_window (mc_test_view_options (chart), &min, &max));
  render (chart);
  g_assert_true (mc_marks_get_plot_area (mc_test_view_marks (chart), &x, &y, &w, &h));
  g_assert_cmpfloat_with_epsilon (mc_marks_get_x_at (mc_test_view_marks (chart), x), 2.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (mc_marks_get_x_at (mc_test_view_marks (chart), x + w), 7.5, 1e-9);

  /* Only points inside are items: x = 3 .. 7. */
  g_assert_true (mc_hit_item_first (mc_test_view_marks (chart), &item));
  g_assert_cmpuint (item.point, ==, 3);
  g_assert_true (mc_hit_item_move (mc_test_view_marks (chart), &item, MC_CHART_MOVE_LAST));
  g_assert_cmpuint (item.point, ==, 7);
  g_assert_false (mc_hit_item_move (mc_test_view_marks (chart), &item, MC_CHART_MOVE_NEXT));
  g_assert_false (mc_hit_item_at (mc_test_view_marks (chart), x - 20, y + h / 2, &other));

  /* Down from the upper line goes to the lower one at the same x. */
  other = item;
  g_assert_true (mc_hit_item_move (mc_test_view_marks (chart), &other, MC_CHART_MOVE_SERIES_DOWN));
  g_assert_cmpuint (other.series, ==, 1);
  g_assert_cmpuint (other.point, ==, 7);
  g_assert_cmpfloat (other.y, >, item.y);
  g_assert_true (mc_hit_item_move (mc_test_view_marks (chart), &other, MC_CHART_MOVE_SERIES_UP));
  g_assert_cmpuint (other.series, ==, 0);

  /* Hiding a series drops its items. */
  mc_view_options_set_series_visible (mc_test_view_options (chart), 1, FALSE);
  other.series = 1;
  render (chart);
  g_assert_false (mc_hit_item_update (mc_test_view_marks (chart), &other));

  mc_view_options_set_x_window (mc_test_view_options (chart), NAN, NAN);
  g_assert_false (mc_view_options_get_x_window (mc_test_view_options (chart), NULL, NULL));
  render (chart);
  g_assert_true (mc_hit_item_first (mc_test_view_marks (chart), &item));
  g_assert_cmpuint (item.point, ==, 0);
}

static void
test_interact_pages (void)
{
  g_autoptr(McDataset) dataset = numbers_dataset (1000);
  g_autoptr(McChartModel) chart = chart_new (dataset, "lines");
  McChartItem item;

  render (chart);
  g_assert_true (mc_hit_item_first (mc_test_view_marks (chart), &item));
  g_assert_true (mc_hit_item_move (mc_test_view_marks (chart), &item, MC_CHART_MOVE_PAGE_NEXT));
  g_assert_cmpuint (item.point, ==, 100);
  g_assert_true (mc_hit_item_move (mc_test_view_marks (chart), &item, MC_CHART_MOVE_PAGE_PREVIOUS));
  g_assert_cmpuint (item.point, ==, 0);
  g_assert_true (mc_hit_item_move (mc_test_view_marks (chart), &item, MC_CHART_MOVE_LAST));
  g_assert_cmpuint (item.point, ==, 999);
}

static void
test_vision_colors (void)
{
  for (McVision v = MC_VISION_NORMAL; v <= MC_VISION_GREYSCALE; v++)
    {
      McColor grey = { 0.5, 0.5, 0.5, 1 }, white = { 1, 1, 1, 0.5 };

      mc_vision_transform_color (v, &grey);
      mc_vision_transform_color (v, &white);
      g_assert_cmpfloat_with_epsilon (grey.red, 0.5, 2e-3);
      g_assert_cmpfloat_with_epsilon (grey.green, 0.5, 2e-3);
      g_assert_cmpfloat_with_epsilon (grey.blue, 0.5, 2e-3);
      g_assert_cmpfloat_with_epsilon (white.red + white.green + white.blue, 3, 3e-3);
      g_assert_cmpfloat (white.alpha, ==, 0.5);
      g_assert_nonnull (mc_vision_get_label (v));
    }

  /* Red and green, told apart by hue alone, come close without red or
   * green cones; blue and yellow stay apart. */
  for (McVision v = MC_VISION_PROTANOPIA; v <= MC_VISION_DEUTERANOPIA; v++)
    {
      McColor red = { 0.8, 0.3, 0.2, 1 }, green = { 0.45, 0.45, 0.2, 1 };

      mc_vision_transform_color (v, &red);
      mc_vision_transform_color (v, &green);
      g_assert_cmpfloat (fabs (red.red - green.red) + fabs (red.green - green.green), <, 0.3);
    }
  {
    McColor blue = { 0, 0.45, 0.7, 1 };

    mc_vision_transform_color (MC_VISION_GREYSCALE, &blue);
    g_assert_cmpfloat (blue.red, ==, blue.green);
    g_assert_cmpfloat (blue.green, ==, blue.blue);
  }
  {
    g_autoptr(GEnumClass) klass = g_type_class_ref (MC_TYPE_VISION);

    g_assert_cmpint (g_enum_get_value_by_nick (klass, "tritanopia")->value, ==,
                     MC_VISION_TRITANOPIA);
  }
}

static void
test_vision_surface (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 3, 1);
  guint32 *pixels;
  McColor expected = { 0xd5 / 255.0, 0x5e / 255.0, 0, 1 };

  pixels = (guint32 *) (gpointer) cairo_image_surface_get_data (surface);
  pixels[0] = 0xffd55e00;     /* vermillion, opaque */
  pixels[1] = 0x80404040;     /* half-transparent grey, premultiplied */
  pixels[2] = 0;              /* transparent */
  cairo_surface_mark_dirty (surface);

  mc_vision_transform_surface (MC_VISION_DEUTERANOPIA, surface);
  mc_vision_transform_color (MC_VISION_DEUTERANOPIA, &expected);
  g_assert_cmpint (abs ((int) ((pixels[0] >> 16) & 0xff) - (int) lround (expected.red * 255)), <=, 1);
  g_assert_cmpint (abs ((int) ((pixels[0] >> 8) & 0xff) - (int) lround (expected.green * 255)), <=, 1);
  g_assert_cmpint (abs ((int) (pixels[0] & 0xff) - (int) lround (expected.blue * 255)), <=, 1);
  g_assert_cmphex (pixels[0] >> 24, ==, 0xff);
  g_assert_cmphex (pixels[1] >> 24, ==, 0x80);
  g_assert_cmpint (abs ((int) ((pixels[1] >> 16) & 0xff) - 0x40), <=, 1);
  g_assert_cmphex (pixels[2], ==, 0);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/chart-interact/bars", test_interact_bars);
  g_test_add_func ("/mc/chart-interact/window", test_interact_window);
  g_test_add_func ("/mc/chart-interact/written-decimals", test_interact_written_decimals);
  g_test_add_func ("/mc/chart-interact/pages", test_interact_pages);
  g_test_add_func ("/mc/vision/colors", test_vision_colors);
  g_test_add_func ("/mc/vision/surface", test_vision_surface);

  return g_test_run ();
}
