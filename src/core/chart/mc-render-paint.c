/* mc-render-paint.c: colours of marks, dimming by the view's highlight,
 * hatching, the pixel grid, and recording what was drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "mc-render-private.h"

/* How far dimmed marks fade into the background. */
#define MC_DIM_AMOUNT 0.7
/* How much lighter an estimated bar is. */
#define MC_ESTIMATE_LIGHTEN 0.6

void
mc_render_series_color (McRender    *r,
                        guint        series,
                        guint        category,
                        McColorRole  role,
                        McColor     *color)
{
  guint index = mc_chart_model_get_category_color (r->chart, category, series);

  mc_theme_get_color (r->theme, index, role, color);
}

void
mc_render_add_mark (McRender     *r,
                    const McMark *mark)
{
  g_array_append_val (r->out->marks, *mark);
}

const char *
mc_render_intern (McRender   *r,
                  const char *text)
{
  return text ? g_string_chunk_insert (r->out->strings, text) : NULL;
}

double
mc_render_snap (McRender *r,
                double    coordinate,
                double    width)
{
  double device_width = width * r->device_scale;

  if (r->vector)
    return coordinate;
  /* Odd device widths sit on pixel centres, even ones on pixel edges. */
  if ((int) round (device_width) % 2 == 1)
    return (floor (coordinate * r->device_scale) + 0.5) / r->device_scale;
  return round (coordinate * r->device_scale) / r->device_scale;
}

McRect
mc_render_snap_rect (McRender     *r,
                     const McRect *rect)
{
  double x0 = rect->x, y0 = rect->y;
  double x1 = rect->x + rect->width, y1 = rect->y + rect->height;

  if (r->vector)
    return *rect;
  x0 = round (x0 * r->device_scale) / r->device_scale;
  y0 = round (y0 * r->device_scale) / r->device_scale;
  x1 = round (x1 * r->device_scale) / r->device_scale;
  y1 = round (y1 * r->device_scale) / r->device_scale;
  return (McRect) { x0, y0, MAX (x1 - x0, rect->width > 0 ? 1 / r->device_scale : 0), y1 - y0 };
}

/**
 * mc_render_bar:
 *
 * A bar filled with @fill, or an estimate: lighter, hatched, outlined.
 * A fill too light to stand out from the background gets an edge.
 */
void
mc_render_bar (McRender      *r,
               const McRect  *box,
               const McColor *fill,
               const McColor *stroke,
               gboolean       estimate)
{
  if (box->width <= 0 || box->height <= 0)
    return;
  if (estimate)
    {
      McColor light;

      mc_color_mix (fill, mc_theme_get_background (r->theme), MC_ESTIMATE_LIGHTEN, &light);
      mc_render_set_color (r, &light);
      cairo_rectangle (r->cr, box->x, box->y, box->width, box->height);
      cairo_fill (r->cr);
      mc_render_hatch (r, box, stroke);
    }
  else
    {
      mc_render_set_color (r, fill);
      cairo_rectangle (r->cr, box->x, box->y, box->width, box->height);
      cairo_fill (r->cr);
      if (mc_color_contrast_ratio (fill, mc_theme_get_background (r->theme)) >= 2)
        return;
    }
  mc_render_set_color (r, stroke);
  cairo_set_line_width (r->cr, r->line);
  cairo_rectangle (r->cr, box->x + r->line / 2, box->y + r->line / 2,
                   MAX (0, box->width - r->line), MAX (0, box->height - r->line));
  cairo_stroke (r->cr);
}

void
mc_render_hatch (McRender      *r,
                 const McRect  *rect,
                 const McColor *color)
{
  cairo_t *cr = r->cr;
  double spacing = 1.5 * r->unit;
  double span = rect->width + rect->height;

  cairo_save (cr);
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  cairo_clip (cr);
  mc_render_set_color (r, color);
  cairo_set_line_width (cr, r->line);
  /* Lines at 45°, anchored to the page so neighbouring bars line up. */
  for (double d = floor ((rect->x + rect->y) / spacing) * spacing;
       d <= rect->x + rect->y + span; d += spacing)
    {
      cairo_move_to (cr, d - rect->y - rect->height - 1, rect->y + rect->height + 1);
      cairo_line_to (cr, d - rect->y + 1, rect->y - 1);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Highlighting */

gboolean
mc_render_is_dimmed (McRender *r,
                     guint     series,
                     guint     index)
{
  const McViewOptions *view = r->view;

  if (view->highlight_series < 0)
    return FALSE;
  if ((guint) view->highlight_series != series)
    return TRUE;
  return view->highlight_index >= 0 && (guint) view->highlight_index != index;
}

void
mc_render_dim (McRender *r,
               McColor  *color)
{
  mc_color_mix (color, mc_theme_get_background (r->theme), MC_DIM_AMOUNT, color);
}

gboolean
mc_render_series_visible (McRender *r,
                          guint     series)
{
  return !mc_chart_model_can_hide_series (r->chart)
         || mc_view_options_get_series_visible (r->view, series);
}
