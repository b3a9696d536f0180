/* mc-render.c: draws one chart on any cairo_t
 *
 * Sets up the sizes of a render from its canvas (text, spacing and lines
 * grow with it), draws the frame every chart shares, and leaves the rest
 * to the chart's kind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-render.h"

#include <math.h>

#include "mc-render-private.h"

/* Body text is 1.6 % of the width at 800 px, clamped; everything else
 * (spacing, lines, ticks) scales with it. */
#define MC_BODY_FRACTION 0.016
#define MC_BODY_MIN 10.0
#define MC_BODY_MAX 40.0

static double
device_scale (cairo_t *cr)
{
  double dx = 1, dy = 0;

  cairo_user_to_device_distance (cr, &dx, &dy);
  return MAX (hypot (dx, dy), 0.01);
}

/* Files with no pixels: no snapping to a pixel grid. A recording surface
 * (GTK's cairo nodes) is replayed onto pixels, so it is not one. */
static gboolean
is_vector_surface (cairo_t *cr)
{
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
    case CAIRO_SURFACE_TYPE_SCRIPT:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Pixel columns per user unit for decimating long lines. A recording
 * surface may be replayed at any scale: assume a HiDPI screen. */
static double
columns_per_unit (cairo_t *cr,
                  double   scale)
{
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_RECORDING:
      return MAX (2, scale);
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
    case CAIRO_SURFACE_TYPE_SCRIPT:
      return 2;
    default:
      return scale;
    }
}

/* Text metrics must not depend on the surface or its scale, so the widget
 * and every export lay out identically: no hinting of metrics, no
 * rounding of glyph positions. */
static PangoContext *
create_pango_context (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
  return context;
}

static void
render_setup (McRender      *r,
              McChartModel  *chart,
              cairo_t       *cr,
              double         width,
              double         height,
              const McTheme *theme)
{
  double shorter = MIN (width, height);

  r->chart = chart;
  r->cr = cr;
  r->theme = theme;
  r->width = width;
  r->height = height;
  r->body = CLAMP (MC_BODY_FRACTION * MIN (width, height * 1.6), MC_BODY_MIN, MC_BODY_MAX);
  /* The 4 px grid at a body size of 12.8 px. */
  r->unit = r->body / 3.2;
  r->pad = MAX (8, round (0.035 * shorter / r->unit) * r->unit);
  r->line = MAX (1.0, r->body / 12.8);
  r->device_scale = device_scale (cr);
  r->vector = is_vector_surface (cr);
  r->columns = columns_per_unit (cr, r->device_scale);
  r->show_values = mc_chart_spec_get_flag (chart->spec, &mc_chart_option_value_labels);
  r->pango = create_pango_context (cr);
}

static void
render_background (McRender *r)
{
  if (mc_theme_get_transparent (r->theme))
    return;
  mc_render_set_color (r, mc_theme_get_background (r->theme));
  cairo_rectangle (r->cr, 0, 0, r->width, r->height);
  cairo_fill (r->cr);
}

/* The options as drawn: a zoom window only where the chart zooms. */
static void
effective_options (McChartModel        *chart,
                   const McViewOptions *options,
                   McViewOptions       *view)
{
  if (options != NULL)
    mc_view_options_copy (view, options);
  else
    mc_view_options_init (view);
  if (!mc_chart_model_can_zoom (chart))
    mc_view_options_set_x_window (view, NAN, NAN);
}

/**
 * mc_chart_render:
 * @chart: the chart
 * @options: (nullable): what the view shows of it; %NULL for everything
 * @cr: where to draw
 * @width: width in user units (CSS pixels)
 * @height: height in user units
 * @theme: colours and fonts
 *
 * Draws the whole chart: title, subtitle, axes, marks, labels, legend and
 * source line, laid out for this size.
 *
 * Returns: (transfer full): what was drawn where, for hit-testing and
 *   the keyboard (mc-hit.h); empty when the size is too small to draw
 */
McMarks *
mc_chart_render (McChartModel        *chart,
                 const McViewOptions *options,
                 cairo_t             *cr,
                 double               width,
                 double               height,
                 const McTheme       *theme)
{
  g_auto(McViewOptions) view = { 0 };
  McRender r = { 0 };

  g_return_val_if_fail (MC_IS_CHART_MODEL (chart), NULL);
  g_return_val_if_fail (cr != NULL && theme != NULL, NULL);

  effective_options (chart, options, &view);
  if (!(width >= 1 && height >= 1) || !isfinite (width) || !isfinite (height))
    return mc_marks_new (chart, &view, MAX (0, width), MAX (0, height));

  render_setup (&r, chart, cr, width, height, theme);
  r.out = mc_marks_new (chart, &view, width, height);
  r.view = &r.out->view;
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  render_background (&r);
  mc_render_frame (&r);
  chart->kind->draw (&r, chart->prepared, r.out);
  cairo_restore (cr);

  g_object_unref (r.pango);
  return r.out;
}
