/* test-long-series.c: the shortcuts for series of millions of points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A line whose x and y columns have a value on every row shares them with
 * the dataset, knows its range and gaps from the start and decimates by
 * blocks of points. A row without an x makes the renderer copy the points
 * instead and take none of the shortcuts. Both must draw the very same
 * pixels, whole and zoomed, with gaps and without, and PNG export must
 * give back exactly what was drawn.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>

#include "mc-chart.h"
#include "mc-export.h"
#include "mc-test-view.h"
#include "mc-theme.h"

/* A random walk over @n days; with @gaps some values are missing, with
 * @extra_row one more row has no date. */
static McDataset *
walk (guint    n,
      gboolean gaps,
      gboolean extra_row)
{
  McDataset *dataset = mc_dataset_new ("walk");
  McColumn *day = mc_column_new ("day", "Day", MC_COLUMN_DATE);
  McColumn *value = mc_column_new ("value", "Value", MC_COLUMN_NUMBER);
  g_autoptr(McChartSpec) spec = NULL;
  GRand *rand = g_rand_new_with_seed (n);
  double v = 100;

  for (guint i = 0; i < n; i++)
    {
      v += g_rand_double_range (rand, -1, 1);
      mc_column_append_value (day, 19000 + i / 48.0);
      /* Plateaus make ties between the extremes of a column. */
      mc_column_append_value (value, gaps && i % 9973 < 40 ? NAN : floor (v * 4) / 4);
    }
  if (extra_row)
    {
      mc_column_append_value (day, NAN);
      mc_column_append_value (value, 1e6);
    }
  mc_dataset_add_column (dataset, day);
  mc_dataset_add_column (dataset, value);
  spec = mc_chart_spec_new ("walk", "line");
  mc_chart_spec_set_title (spec, "Walk");
  mc_chart_spec_set_string (spec, "x", "day");
  mc_chart_spec_set_strv (spec, "y", (const char *[]) { "value", NULL });
  mc_dataset_add_chart (dataset, g_steal_pointer (&spec));
  g_rand_free (rand);
  return dataset;
}

static void
assert_same_pixels (cairo_surface_t *a,
                    cairo_surface_t *b)
{
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);

  g_assert_cmpint (cairo_image_surface_get_width (a), ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (b));
  g_assert_cmpmem (cairo_image_surface_get_data (a), (gsize) stride * height,
                   cairo_image_surface_get_data (b), (gsize) stride * height);
}

static void
compare_paths (gboolean gaps)
{
  g_autoptr(McDataset) shared_data = walk (400000, gaps, FALSE);
  g_autoptr(McDataset) copied_data = walk (400000, gaps, TRUE);
  g_autoptr(McChartModel) shared = mc_chart_model_new (shared_data, mc_dataset_get_chart (shared_data, 0),
                                            NULL);
  g_autoptr(McChartModel) copied = mc_chart_model_new (copied_data, mc_dataset_get_chart (copied_data, 0),
                                            NULL);
  /* The whole series, then windows that start and end anywhere in a
   * block. */
  const double windows[][2] = { { NAN, NAN }, { 19000.3, 26000.7 }, { 19123.456, 19124.9 } };

  g_assert_nonnull (shared);
  g_assert_nonnull (copied);
  for (guint w = 0; w < G_N_ELEMENTS (windows); w++)
    {
      cairo_surface_t *a, *b;

      mc_view_options_set_x_window (mc_test_view_options (shared), windows[w][0], windows[w][1]);
      mc_view_options_set_x_window (mc_test_view_options (copied), windows[w][0], windows[w][1]);
      a = mc_test_view_draw (shared, 400, 300);
      b = mc_test_view_draw (copied, 400, 300);
      assert_same_pixels (a, b);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
}

static void
test_shared_and_copied (void)
{
  compare_paths (FALSE);
}

static void
test_shared_and_copied_gaps (void)
{
  compare_paths (TRUE);
}

/* The PNG writer: opaque charts as RGB, transparent ones as RGBA, both
 * decoded back to what was drawn (straight alpha rounds premultiplied
 * colours by at most one step, as with cairo's own writer). */
static void
png_round_trip (McChartModel *chart,
                int           opaque_color_type)
{
  g_autofree char *dir = g_dir_make_tmp ("mc-long-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);

  for (guint transparent = 0; transparent < 2; transparent++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(McTheme) theme = mc_theme_new (MC_THEME_LIGHT);
      McExportOptions options;
      cairo_surface_t *expected, *decoded;
      const guint32 *a, *b;
      cairo_t *cr;

      mc_export_options_init (&options);
      options.transparent = transparent;
      g_assert_true (mc_export_chart (chart, file, MC_EXPORT_PNG, &options, &error));
      g_assert_no_error (error);
      {
        g_autofree char *contents = NULL;
        gsize length = 0;

        /* The colour type in the header: 2 RGB, 3 palette, 6 RGBA. */
        g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
        g_assert_cmpuint (length, >, 26);
        g_assert_cmpint (contents[25], ==, transparent ? 6 : opaque_color_type);
      }

      expected = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 500);
      cr = cairo_create (expected);
      mc_theme_set_transparent (theme, transparent);
      mc_test_view_render (chart, cr, 800, 500, theme);
      cairo_destroy (cr);
      cairo_surface_flush (expected);

      decoded = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (decoded), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_format (decoded), ==,
                       transparent ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24);
      g_assert_cmpint (cairo_image_surface_get_stride (decoded), ==, 800 * 4);
      g_assert_cmpint (cairo_image_surface_get_stride (expected), ==, 800 * 4);
      a = (const guint32 *) (gpointer) cairo_image_surface_get_data (expected);
      b = (const guint32 *) (gpointer) cairo_image_surface_get_data (decoded);
      for (guint i = 0; i < 800 * 500; i++)
        {
          if (!transparent)
            {
              /* RGB24 leaves the top byte undefined. */
              g_assert_cmphex (a[i] & 0xffffff, ==, b[i] & 0xffffff);
              continue;
            }
          for (guint shift = 0; shift < 32; shift += 8)
            g_assert_cmpint (ABS ((int) ((a[i] >> shift) & 0xff) - (int) ((b[i] >> shift) & 0xff)),
                             <=, 1);
        }
      cairo_surface_destroy (expected);
      cairo_surface_destroy (decoded);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_png_round_trip (void)
{
  g_autoptr(McDataset) line_data = walk (5000, TRUE, FALSE);
  g_autoptr(McChartModel) line = mc_chart_model_new (line_data, mc_dataset_get_chart (line_data, 0), NULL);
  g_autoptr(McDataset) bar_data = mc_dataset_new ("bars");
  g_autoptr(McChartSpec) spec = NULL;
  McColumn *name = mc_column_new ("name", "Name", MC_COLUMN_STRING);
  McColumn *value = mc_column_new ("value", "Value", MC_COLUMN_NUMBER);
  g_autoptr(McChartModel) bars = NULL;

  /* A line of thousands of points has more colours than a palette. */
  png_round_trip (line, 2);

  /* Five flat bars have a few dozen, with their antialiased edges. */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *label = g_strdup_printf ("Company %u", i + 1);

      mc_column_append_string (name, label);
      mc_column_append_value (value, 10 * (i + 1));
    }
  mc_dataset_add_column (bar_data, name);
  mc_dataset_add_column (bar_data, value);
  spec = mc_chart_spec_new ("bars", "bar");
  mc_chart_spec_set_title (spec, "Bars");
  mc_chart_spec_set_string (spec, "x", "name");
  mc_chart_spec_set_strv (spec, "y", (const char *[]) { "value", NULL });
  mc_dataset_add_chart (bar_data, g_steal_pointer (&spec));
  bars = mc_chart_model_new (bar_data, mc_dataset_get_chart (bar_data, 0), NULL);
  g_assert_nonnull (bars);
  png_round_trip (bars, 3);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/long-series/shared-and-copied", test_shared_and_copied);
  g_test_add_func ("/mc/long-series/shared-and-copied-gaps", test_shared_and_copied_gaps);
  g_test_add_func ("/mc/long-series/png-round-trip", test_png_round_trip);

  return g_test_run ();
}
