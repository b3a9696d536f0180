/* test-long-series.c: the shortcuts for series of millions of points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A line whose x and y columns have a value on every row shares them with
 * the dataset, knows its range and gaps from the start and decimates by
 * blocks of points. A row without an x makes the renderer copy the points
 * instead and take none of the shortcuts. Both must draw the very same
 * pixels, whole and zoomed, with gaps and without, and PNG export must
 * give back exactly what was drawn. A decimated line is drawn on images
 * by a rasteriser of its own, within a stated tolerance of cairo's
 * stroke of the same points.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>

#include "mc-chart.h"
#include "mc-export.h"
#include "mc-line-raster.h"
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

/* A decimated line: per pixel column of @width, the first, lowest,
 * highest and last point of a random walk; then a sparse zigzag. */
static GArray *
decimated_walk (int    width,
                double scale)
{
  GArray *xy = g_array_new (FALSE, FALSE, sizeof (double));
  GRand *rand = g_rand_new_with_seed (width);
  double v = 0;

  for (int c = 0; c < width * scale; c++)
    {
      double first = v, low = v, high = v;
      double picks[4][2];

      for (int k = 0; k < 300; k++)
        {
          v += g_rand_double_range (rand, -1.5, 1.5);
          low = MIN (low, v);
          high = MAX (high, v);
        }
      picks[0][0] = c + 0.1, picks[0][1] = first;
      picks[1][0] = c + 0.4, picks[1][1] = low;
      picks[2][0] = c + 0.6, picks[2][1] = high;
      picks[3][0] = c + 0.9, picks[3][1] = v;
      for (guint p = 0; p < 4; p++)
        {
          double x = picks[p][0] / scale, y = 150 + picks[p][1] * 0.5 / scale;

          g_array_append_val (xy, x);
          g_array_append_val (xy, y);
        }
    }
  for (int i = 0; i < 12; i++)
    {
      double x = width + 20 + 15 * i, y = 100 + (i % 2 ? 60 : -60) + 7.3 * i;

      g_array_append_val (xy, x);
      g_array_append_val (xy, y);
    }
  g_rand_free (rand);
  return xy;
}

/* The line drawn on a white image of @width × 300 at @scale, by cairo's
 * stroke or by the rasteriser, in a clip and moved by @dx. */
static cairo_surface_t *
stroke_line (GArray   *xy,
             int       width,
             double    scale,
             double    dx,
             gboolean  raster)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (width + 220) * scale, 300 * scale);
  const double *points = (const double *) (gpointer) xy->data;
  guint n = xy->len / 2;
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_rectangle (cr, 5, 10, width + 190, 270);
  cairo_clip (cr);
  cairo_translate (cr, dx, 0);
  cairo_set_source_rgb (cr, 0, 0.447, 0.698);
  if (raster)
    mc_line_raster_stroke (cr, points, n, 2.4);
  else
    {
      for (guint i = 0; i < n; i++)
        cairo_line_to (cr, points[2 * i], points[2 * i + 1]);
      cairo_set_line_width (cr, 2.4);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Every channel of every pixel within 32 of 255 levels of cairo's
 * stroke, and no more than 1 in @one_in of the line's pixels beyond 16. */
static void
assert_surfaces_within (cairo_surface_t *expected,
                        cairo_surface_t *drawn,
                        guint            one_in)
{
  const guint8 *a = cairo_image_surface_get_data (expected);
  const guint8 *b = cairo_image_surface_get_data (drawn);
  int stride = cairo_image_surface_get_stride (expected);
  int width = cairo_image_surface_get_width (expected);
  guint ink = 0, over = 0;
  int worst = 0;

  for (int y = 0; y < cairo_image_surface_get_height (expected); y++)
    for (int x = 0; x < width; x++)
      {
        const guint8 *p = a + y * stride + 4 * x, *q = b + y * stride + 4 * x;
        int d = 0;

        for (int k = 0; k < 3; k++)
          d = MAX (d, abs ((int) p[k] - (int) q[k]));
        ink += p[0] != 255 || q[0] != 255;
        over += d > 16;
        worst = MAX (worst, d);
      }
  g_test_message ("raster: worst difference %d, %u of %u line pixels over 16", worst, over, ink);
  g_assert_cmpuint (ink, >, 1000);
  g_assert_cmpint (worst, <=, 32);
  /* ...and it was the rasteriser that drew: cairo's own stroke differs
   * from itself by nothing. */
  g_assert_cmpint (worst, >, 0);
  g_assert_cmpuint (over, <=, ink / one_in);
}

/* The line @xy, 600 px wide at @scale and moved by @dx, drawn by the
 * rasteriser within the tolerance of assert_surfaces_within(). */
static void
assert_within_tolerance (GArray *xy,
                         double  scale,
                         double  dx,
                         guint   one_in)
{
  cairo_surface_t *expected = stroke_line (xy, 600, scale, dx, FALSE);
  cairo_surface_t *drawn = stroke_line (xy, 600, scale, dx, TRUE);

  assert_surfaces_within (expected, drawn, one_in);
  cairo_surface_destroy (expected);
  cairo_surface_destroy (drawn);
}

static void
test_raster_tolerance (void)
{
  const double scales[] = { 1, 2 };

  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    {
      g_autoptr(GArray) xy = decimated_walk (600, scales[s]);

      assert_within_tolerance (xy, scales[s], 3.25, 200);
    }
}

/* A line of @width px of noise, a point every @step px: what a chart
 * of daily returns draws undecimated, its segments zigzagging. */
static GArray *
zigzag (int    width,
        double step)
{
  GArray *xy = g_array_new (FALSE, FALSE, sizeof (double));
  GRand *rand = g_rand_new_with_seed ((guint32) (step * 100));

  for (double x = 10; x < width; x += step)
    {
      double y = 150 + g_rand_double_range (rand, -100, 100);

      g_array_append_val (xy, x);
      g_array_append_val (xy, y);
    }
  g_rand_free (rand);
  return xy;
}

/* Lines of a point every two pixels or closer, and lines that zigzag,
 * are drawn by the rasteriser undecimated (mc-kind-line.c): every pixel
 * within the same 32 levels, but the spikes of noise a point a pixel
 * apart put up to 1 in 135 of the line's pixels beyond 16 (sampled at
 * eight places per pixel, a spike's tip narrower than that is missed or
 * widened), so 1 in 100 may be. */
static void
test_raster_tolerance_zigzag (void)
{
  const double steps[] = { 0.7, 1.0, 1.3, 2.0, 4.0, 9.0, 16.0 };
  const double scales[] = { 1, 2 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
      {
        g_autoptr(GArray) xy = zigzag (600, steps[i]);

        assert_within_tolerance (xy, scales[s], 0.5, 100);
      }
}

/* Where the rasteriser does not draw (a rotation, a vector surface),
 * cairo strokes: the very same pixels. */
static void
test_raster_elsewhere (void)
{
  g_autoptr(GArray) xy = decimated_walk (100, 1);
  const double *points = (const double *) (gpointer) xy->data;
  cairo_surface_t *surfaces[2];

  for (guint raster = 0; raster < 2; raster++)
    {
      cairo_t *cr;

      surfaces[raster] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
      cr = cairo_create (surfaces[raster]);
      cairo_rotate (cr, 0.1);
      if (raster)
        mc_line_raster_stroke (cr, points, xy->len / 2, 2);
      else
        {
          for (guint i = 0; i < xy->len / 2; i++)
            cairo_line_to (cr, points[2 * i], points[2 * i + 1]);
          cairo_set_line_width (cr, 2);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_stroke (cr);
        }
      cairo_destroy (cr);
      cairo_surface_flush (surfaces[raster]);
    }
  assert_same_pixels (surfaces[0], surfaces[1]);
  cairo_surface_destroy (surfaces[0]);
  cairo_surface_destroy (surfaces[1]);
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
  g_test_add_func ("/mc/long-series/raster-tolerance", test_raster_tolerance);
  g_test_add_func ("/mc/long-series/raster-tolerance-zigzag", test_raster_tolerance_zigzag);
  g_test_add_func ("/mc/long-series/raster-elsewhere", test_raster_elsewhere);

  return g_test_run ();
}
