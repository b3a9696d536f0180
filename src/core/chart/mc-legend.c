/* mc-legend.c: swatches and names of series, in rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "mc-render-private.h"

typedef struct
{
  PangoLayout *layout;
  double       width;
  double       height;
} LegendItem;

static void
legend_draw_swatch (McRender *r,
                    guint     series,
                    double    x,
                    double    y,
                    double    size)
{
  McSeries *data = mc_chart_model_get_series (r->chart, series);
  McColor color;

  mc_theme_get_color (r->theme, data->color, MC_COLOR_ROLE_FILL, &color);
  if (mc_render_is_dimmed (r, series, G_MAXUINT) && r->view->highlight_index < 0)
    mc_render_dim (r, &color);
  mc_render_set_color (r, &color);
  if (mc_render_series_visible (r, series))
    {
      cairo_rectangle (r->cr, x, y, size, size);
      cairo_fill (r->cr);
      return;
    }
  /* Hidden: an empty box in the series colour. */
  cairo_set_line_width (r->cr, r->line * 1.5);
  cairo_rectangle (r->cr, x + r->line * 0.75, y + r->line * 0.75,
                   size - r->line * 1.5, size - r->line * 1.5);
  cairo_stroke (r->cr);
}

/* Lays out the legend from the top of @area, drawing it unless only
 * @measuring; returns the height it takes. */
static double
legend_run (McRender     *r,
            const McRect *area,
            const guint  *series,
            guint         n_series,
            gboolean      measuring)
{
  double swatch = round (r->body * 0.8);
  double gap = r->unit * 1.5;
  double spacing = r->unit * 5;
  double x = area->x, y = area->y, row_height = 0;

  for (guint i = 0; i < n_series; i++)
    {
      McSeries *data = mc_chart_model_get_series (r->chart, series[i]);
      g_autoptr(PangoLayout) layout = mc_render_layout (r, data->name, MC_FONT_BODY,
                                                        MAX (1, area->width - swatch - gap), 1);
      McLegendHit hit;
      double w, h;

      mc_render_layout_size (layout, &w, &h);
      if (x > area->x && x + swatch + gap + w > area->x + area->width)
        {
          x = area->x;
          y += row_height + r->unit;
          row_height = 0;
        }
      if (!measuring)
        {
          legend_draw_swatch (r, series[i], x, y + (h - swatch) / 2, swatch);
          mc_render_show (r, layout, x + swatch + gap, y, 0, MC_TEXT_LEGEND,
                          mc_render_series_visible (r, series[i])
                          ? mc_theme_get_text (r->theme) : mc_theme_get_text_secondary (r->theme));
          hit.series = series[i];
          hit.box = (McRect) { x, y, swatch + gap + w, h };
          g_array_append_val (r->out->legend, hit);
        }
      x += swatch + gap + w + spacing;
      row_height = MAX (row_height, h);
    }
  return n_series ? y + row_height - area->y : 0;
}

/**
 * mc_render_legend:
 *
 * Lays out swatches and names of @series in rows at the top of @area.
 *
 * Returns: the height used
 */
double
mc_render_legend (McRender     *r,
                  const McRect *area,
                  const guint  *series,
                  guint         n_series)
{
  return legend_run (r, area, series, n_series, FALSE);
}

/**
 * mc_render_get_legend_place:
 *
 * Returns: where the chart's spec wants its legend
 */
McLegendPlace
mc_render_get_legend_place (McRender *r)
{
  static const char * const places[] = { "auto", "top", "bottom", "none" };
  const char *place = mc_chart_spec_get_string (r->chart->spec, "legend");

  for (guint i = 0; place != NULL && i < G_N_ELEMENTS (places); i++)
    if (g_str_equal (place, places[i]))
      return i;
  return MC_LEGEND_AUTO;
}

/**
 * mc_render_place_legend:
 * @area: the area left for the chart, which the legend takes its room
 *   from
 * @wanted: whether the kind would show a legend, for the automatic place
 *
 * Draws the legend of @series where the spec asks: at the top of @area
 * (also the automatic place, when @wanted), at its bottom, or nowhere.
 *
 * Returns: the height used
 */
double
mc_render_place_legend (McRender    *r,
                        McRect      *area,
                        const guint *series,
                        guint        n_series,
                        gboolean     wanted)
{
  McLegendPlace place = mc_render_get_legend_place (r);
  McRect at = *area;
  double used, room;

  if (place == MC_LEGEND_NONE || (place == MC_LEGEND_AUTO && !wanted) || n_series == 0)
    return 0;
  room = 3 * r->unit;
  if (place == MC_LEGEND_BOTTOM)
    {
      used = legend_run (r, area, series, n_series, TRUE);
      at.y = area->y + area->height - used;
      mc_render_legend (r, &at, series, n_series);
      area->height -= used + room;
      return used;
    }
  used = mc_render_legend (r, &at, series, n_series);
  area->y += used + room;
  area->height -= used + room;
  return used;
}
