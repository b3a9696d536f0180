/* fuzz-render.c: load arbitrary data, then draw and hit-test its charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Input layout: byte 0 chooses the width, byte 1 the height, byte 2 holds
 * flags (which extra renders to make); the rest is a dataset file, JSON
 * or CSV as its content says. Every chart of the dataset is drawn on a
 * cairo image surface in the light and the dark theme, then hit-tested at
 * a few points.
 */
#include "config.h"

#include <cairo.h>
#include <math.h>
#include <string.h>

#include "fuzz-common.h"
#include "mc-chart-model.h"
#include "mc-loader.h"
#include "mc-test-view.h"

#define HEADER_SIZE 3
/* Datasets may declare many charts; the first ones are enough. */
#define MAX_CHARTS 8

enum
{
  FLAG_HIDE_FIRST_SERIES = 1 << 0,
  FLAG_HIGHLIGHT_HIT     = 1 << 1,
  FLAG_DEVICE_SCALE      = 1 << 2,
  FLAG_TRANSPARENT       = 1 << 3,
};

typedef struct
{
  int    width;       /* 1..1531 */
  int    height;      /* 1..1021 */
  guint8 flags;
  double probe_x;     /* a point to hit-test, from the last bytes */
  double probe_y;
} Params;

static void
check_hit (McChartModel     *chart,
           const McChartHit *hit)
{
  if (hit->kind == MC_CHART_HIT_NONE)
    return;

  g_assert_cmpuint (hit->series, <, MAX (mc_chart_model_get_n_series (chart), 1));
  g_assert_cmpuint (hit->index, <=, mc_dataset_get_n_rows (mc_chart_model_get_dataset (chart)));
  if (hit->series_name != NULL)
    g_assert_true (g_utf8_validate (hit->series_name, -1, NULL));
  if (hit->label != NULL)
    g_assert_true (g_utf8_validate (hit->label, -1, NULL));
  if (hit->value != NULL)
    g_assert_true (g_utf8_validate (hit->value, -1, NULL));
  if (hit->note != NULL)
    g_assert_true (g_utf8_validate (hit->note, -1, NULL));
}

/* Hit-tests the centre, the corners, a few inner points and the probe;
 * highlights the last mark found when asked to. */
static void
hit_test (McChartModel *chart,
          const Params *p)
{
  const double points[][2] = {
    { 0.5, 0.5 }, { 0, 0 }, { 1, 1 }, { 0.25, 0.75 }, { 0.75, 0.25 }, { 0.5, 0.9 },
  };
  int series = -1, index = -1;

  for (guint i = 0; i <= G_N_ELEMENTS (points); i++)
    {
      g_auto(McChartHit) hit = { 0, };
      double x = i < G_N_ELEMENTS (points) ? points[i][0] * p->width : p->probe_x;
      double y = i < G_N_ELEMENTS (points) ? points[i][1] * p->height : p->probe_y;

      if (mc_hit_test (mc_test_view_marks (chart), x, y, &hit))
        {
          g_assert_cmpint (hit.kind, !=, MC_CHART_HIT_NONE);
          check_hit (chart, &hit);
          if (hit.kind == MC_CHART_HIT_MARK)
            {
              series = hit.series;
              index = hit.index;
            }
        }
    }
  if (p->flags & FLAG_HIGHLIGHT_HIT)
    mc_view_options_set_highlight (mc_test_view_options (chart), series, index);
}

static void
check_text_boxes (McChartModel *chart)
{
  guint n_boxes = 0;
  const McTextBox *boxes = mc_marks_get_text_boxes (mc_test_view_marks (chart), &n_boxes);

  for (guint i = 0; i < n_boxes; i++)
    {
      g_assert_nonnull (boxes[i].text);
      g_assert_true (g_utf8_validate (boxes[i].text, -1, NULL));
      g_assert_true (isfinite (boxes[i].x) && isfinite (boxes[i].y));
      g_assert_true (isfinite (boxes[i].width) && isfinite (boxes[i].height));
    }
}

static void
render (McChartModel   *chart,
        const Params   *p,
        McThemeVariant  variant)
{
  g_autoptr(McTheme) theme = mc_theme_new (variant);
  double scale = (p->flags & FLAG_DEVICE_SCALE) ? 2 : 1;
  cairo_surface_t *surface;
  cairo_t *cr;

  mc_theme_set_transparent (theme, (p->flags & FLAG_TRANSPARENT) != 0);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, p->width * scale,
                                        p->height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  mc_test_view_render (chart, cr, p->width, p->height, theme);
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    g_error ("the render left cairo in error: %s", cairo_status_to_string (cairo_status (cr)));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
check_series (McChartModel *chart)
{
  g_autoptr(McTheme) theme = mc_theme_new (MC_THEME_LIGHT);

  for (guint i = 0; i < mc_chart_model_get_n_series (chart); i++)
    {
      const char *name = mc_chart_model_get_series_name (chart, i);
      McColor color;

      g_assert_true (name == NULL || g_utf8_validate (name, -1, NULL));
      mc_chart_model_get_series_color (chart, i, theme, &color);
      g_assert_true (color.red >= 0 && color.red <= 1 && color.alpha >= 0 && color.alpha <= 1);
    }
}

static void
fuzz_chart (McDataset         *dataset,
            const McChartSpec *spec,
            const Params      *p)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McChartModel) chart = mc_chart_model_new (dataset, spec, &error);
  g_autofree char *description = NULL;

  if (chart == NULL)
    {
      fuzz_check_error (error, MC_CHART_ERROR, NULL);
      return;
    }

  description = mc_chart_describe (chart, mc_test_view_marks (chart));
  g_assert_true (description != NULL && g_utf8_validate (description, -1, NULL));
  check_series (chart);

  render (chart, p, MC_THEME_LIGHT);
  check_text_boxes (chart);
  hit_test (chart, p);
  render (chart, p, MC_THEME_DARK);
  hit_test (chart, p);

  if ((p->flags & FLAG_HIDE_FIRST_SERIES) && mc_chart_model_get_n_series (chart) > 0)
    {
      mc_view_options_set_series_visible (mc_test_view_options (chart), 0, FALSE);
      render (chart, p, MC_THEME_LIGHT);
      hit_test (chart, p);
    }
}

static void
read_params (const uint8_t *data,
             size_t         size,
             Params        *p)
{
  p->width = 1 + data[0] * 6;
  p->height = 1 + data[1] * 4;
  p->flags = data[2];
  p->probe_x = (double) data[size - 1] / 255 * p->width;
  p->probe_y = (double) data[size - 2] / 255 * p->height;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) dataset = NULL;
  Params p;

  fuzz_init ();
  if (size < HEADER_SIZE)
    return 0;

  read_params (data, size, &p);
  dataset = mc_loader_load_data ((const char *) data + HEADER_SIZE, size - HEADER_SIZE,
                                 "fuzz", fuzz_get_base (), &error);
  if (dataset == NULL)
    {
      fuzz_check_error (error, MC_LOADER_ERROR, NULL);
      fuzz_check_names_file (error, "fuzz");
      return 0;
    }

  for (guint i = 0; i < mc_dataset_get_n_charts (dataset) && i < MAX_CHARTS; i++)
    fuzz_chart (dataset, mc_dataset_get_chart (dataset, i), &p);
  return 0;
}
