/* mc-test-view.c: a chart as a view shows it, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-test-view.h"

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

const McTextBox *
mc_test_view_find_box (McChartModel *chart,
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
mc_test_view_count_boxes (McChartModel *chart,
                          McTextRole    role)
{
  guint n, count = 0;
  const McTextBox *boxes = mc_marks_get_text_boxes (mc_test_view_marks (chart), &n);

  for (guint i = 0; i < n; i++)
    count += boxes[i].role == role;
  return count;
}

cairo_surface_t *
mc_test_view_draw (McChartModel *chart,
                   int           width,
                   int           height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  g_autoptr(McTheme) theme = mc_theme_new (MC_THEME_LIGHT);
  cairo_t *cr = cairo_create (surface);

  mc_test_view_render (chart, cr, width, height, theme);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

void
mc_test_view_check_texts (McChartModel *chart,
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
}
