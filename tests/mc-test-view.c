/* mc-test-view.c: a chart as a view shows it, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-test-view.h"

#include <math.h>

#include "mc-bundled.h"

static void
options_free (gpointer data)
{
  McViewOptions *options = data;

  mc_view_options_clear (options);
  g_free (options);
}

McViewOptions *
mc_test_view_options (McChartModel *chart)
{
  McViewOptions *options = g_object_get_data (G_OBJECT (chart), "mc-test-view-options");

  if (options == NULL)
    {
      options = g_new0 (McViewOptions, 1);
      mc_view_options_init (options);
      g_object_set_data_full (G_OBJECT (chart), "mc-test-view-options", options, options_free);
    }
  return options;
}

McMarks *
mc_test_view_render (McChartModel  *chart,
                     cairo_t       *cr,
                     double         width,
                     double         height,
                     const McTheme *theme)
{
  McMarks *marks = mc_chart_render (chart, mc_test_view_options (chart), cr, width, height,
                                                                 theme);

  g_object_set_data_full (G_OBJECT (chart), "mc-test-view-marks", marks,
                          (GDestroyNotify) mc_marks_unref);
  return marks;
}

McMarks *
mc_test_view_marks (McChartModel *chart)
{
  return g_object_get_data (G_OBJECT (chart), "mc-test-view-marks");
}

McDataset *
mc_test_bundled (const char *id)
{
  g_autoptr(GError) error = NULL;
  McDataset *dataset = mc_bundled_lookup (id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

McChartModel *
mc_test_bundled_chart (McDataset  *dataset,
                       const char *chart_id)
{
  g_autoptr(GError) error = NULL;
  const McChartSpec *spec = mc_dataset_lookup_chart (dataset, chart_id);
  McChartModel *chart;

  g_assert_nonnull (spec);
  chart = mc_chart_model_new (dataset, spec, &error);
  g_assert_no_error (error);
  return chart;
}

/* @columns: ids separated by commas */
void
mc_test_set_columns (McChartSpec *spec,
                     const char  *key,
                     const char  *columns)
{
  g_auto(GStrv) ids = g_strsplit (columns, ",", -1);

  mc_chart_spec_set_strv (spec, key, (const char * const *) ids);
}

McChartSpec *
mc_test_spec_new (const char *id,
                  const char *type,
                  const char *x,
                  const char *y)
{
  McChartSpec *spec = mc_chart_spec_new (id, type);

  mc_chart_spec_set_title (spec, id);
  mc_chart_spec_set_string (spec, "x", x);
  mc_test_set_columns (spec, "y", y);
  return spec;
}

cairo_surface_t *
mc_test_render_image (McChartModel *chart,
                      double        width,
                      double        height,
                      double        scale,
                      gboolean      dark)
{
  g_autoptr(McTheme) theme = mc_theme_new (dark ? MC_THEME_DARK : MC_THEME_LIGHT);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int) ceil (width * scale),
                                                         (int) ceil (height * scale));
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  mc_test_view_render (chart, cr, width, height, theme);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Lays out without rasterising: a recording surface is enough. */
void
mc_test_render_layout (McChartModel *chart,
                       double        width,
                       double        height,
                       gboolean      dark)
{
  g_autoptr(McTheme) theme = mc_theme_new (dark ? MC_THEME_DARK : MC_THEME_LIGHT);
  cairo_rectangle_t extents = { 0, 0, width, height };
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_t *cr = cairo_create (surface);

  mc_test_view_render (chart, cr, width, height, theme);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

const McTextBox *
mc_test_find_box (McChartModel *chart,
                  McTextRole    role,
                  const char   *text)
{
  guint n;
  const McTextBox *boxes = mc_marks_get_text_boxes (mc_test_view_marks (chart), &n);

  for (guint i = 0; i < n; i++)
    if (boxes[i].role == role && (text == NULL || g_strcmp0 (boxes[i].text, text) == 0))
      return &boxes[i];
  return NULL;
}

guint
mc_test_count_boxes (McChartModel *chart,
                     McTextRole    role)
{
  guint n, count = 0;
  const McTextBox *boxes = mc_marks_get_text_boxes (mc_test_view_marks (chart), &n);

  for (guint i = 0; i < n; i++)
    count += boxes[i].role == role;
  return count;
}

/* No two texts overlap, all are inside the canvas, title and source are
 * there. */
void
mc_test_check_layout (McChartModel *chart,
                      double        width,
                      double        height,
                      const char   *what)
{
  guint n;
  const McTextBox *boxes = mc_marks_get_text_boxes (mc_test_view_marks (chart), &n);

  for (guint i = 0; i < n; i++)
    {
      double x0, y0, x1, y1;

      mc_text_box_get_bounds (&boxes[i], &x0, &y0, &x1, &y1);
      if (x0 < -0.5 || y0 < -0.5 || x1 > width + 0.5 || y1 > height + 0.5)
        g_error ("%s at %gx%g: “%s” (%g,%g)-(%g,%g) leaves the canvas",
                 what, width, height, boxes[i].text, x0, y0, x1, y1);
      for (guint j = i + 1; j < n; j++)
        if (mc_text_box_overlaps (&boxes[i], &boxes[j]))
          g_error ("%s at %gx%g: “%s” overlaps “%s”", what, width, height,
                   boxes[i].text, boxes[j].text);
    }
  g_assert_nonnull (mc_test_find_box (chart, MC_TEXT_TITLE, NULL));
  g_assert_nonnull (mc_test_find_box (chart, MC_TEXT_SOURCE, NULL));
}

const Size mc_test_layout_sizes[MC_TEST_N_LAYOUT_SIZES] = {
  { 320, 240 }, { 800, 500 }, { 2400, 1500 }, { 333, 517 }, { 1001, 301 },
  { 640, 640 }, { 4000, 3000 }, { 100, 100 }, { 1280, 720 }, { 480, 900 },
};


void
mc_test_check_layouts (McChartModel *chart,
                       const char   *what)
{
  for (guint s = 0; s < MC_TEST_N_LAYOUT_SIZES; s++)
    for (int dark = 0; dark <= 1; dark++)
      {
        const Size *size = &mc_test_layout_sizes[s];

        mc_test_render_layout (chart, size->width, size->height, dark);
        mc_test_check_layout (chart, size->width, size->height, what);
      }
}
