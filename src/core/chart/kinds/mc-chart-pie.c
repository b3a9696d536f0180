/* mc-chart-pie.c: pies and donuts with a table of names and shares
 *
 * Slices start at 12 o'clock and run clockwise, largest first when the
 * chart is sorted, "Other" last in grey. Names and percentages sit in a
 * table beside (or under) the pie, in the slices' colours: labels around
 * a pie collide as soon as slices get thin, a table never does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mc-chart-private.h"
#include "mc-format.h"

#define MC_DONUT_HOLE 0.58
#define MC_ESTIMATE_LIGHTEN 0.6

typedef struct
{
  McRender    *r;
  McChart     *chart;
  GArray      *slices;
  PangoLayout **names;
  PangoLayout **values;
  double       name_width;
  double       value_width;
  double       row_height;
  double       swatch;
  double       cx, cy, radius;
  double       table_x, table_y;
} Pie;

static McSlice *
slice_at (Pie   *p,
          guint  i)
{
  return &g_array_index (p->slices, McSlice, i);
}

static char *
slice_value_text (Pie           *p,
                  const McSlice *slice)
{
  McSeries *series = mc_chart_get_series_data (p->chart, 0);
  const char *unit = mc_column_get_unit (series->column);
  double percent = slice->fraction * 100;
  g_autofree char *share = NULL;
  g_autofree char *number = mc_format_number (percent, mc_format_value_decimals (percent, 1));
  g_autofree char *value = NULL;

  /* Translators: a percentage; write "%s %%" if your language puts a
   * space before the percent sign */
  share = g_strdup_printf (_("%s%%"), number);
  if (g_strcmp0 (unit, "percent") == 0 || g_strcmp0 (unit, "%") == 0)
    {
      /* Shares of 100: the value is the percentage. */
      if (fabs (p->chart->pie_whole - 100) < 1e-9)
        return mc_series_format_value (series, slice->value, TRUE);
      return g_steal_pointer (&share);
    }
  value = mc_series_format_value (series, slice->value, TRUE);
  /* Translators: a pie slice's value and its share, as in "USD 50 bn · 23%" */
  return g_strdup_printf (_("%s · %s"), value, share);
}

static const char *
slice_name (Pie           *p,
            const McSlice *slice)
{
  return mc_chart_get_category (p->chart, slice->other ? G_MAXUINT : slice->category);
}

static void
slice_color (Pie           *p,
             const McSlice *slice,
             McColorRole    role,
             McColor       *color)
{
  if (slice->other)
    mc_theme_get_other_color (p->r->theme, role, color);
  else
    mc_theme_get_color (p->r->theme, slice->color, role, color);
  if (mc_render_is_dimmed (p->r, 0, slice->row))
    mc_render_dim (p->r, color);
}

/* The table */

static void
measure_table (Pie    *p,
               double  max_name_width)
{
  McRender *r = p->r;

  p->name_width = p->value_width = p->row_height = 0;
  for (guint i = 0; i < p->slices->len; i++)
    {
      g_autofree char *value = slice_value_text (p, slice_at (p, i));
      double w, h;

      g_clear_object (&p->names[i]);
      g_clear_object (&p->values[i]);
      p->names[i] = mc_render_layout (r, slice_name (p, slice_at (p, i)), MC_FONT_BODY,
                                      max_name_width, 1);
      p->values[i] = mc_render_layout (r, value, MC_FONT_BODY_BOLD, -1, 0);
      mc_render_layout_size (p->names[i], &w, &h);
      p->name_width = MAX (p->name_width, w);
      p->row_height = MAX (p->row_height, h);
      mc_render_layout_size (p->values[i], &w, &h);
      p->value_width = MAX (p->value_width, w);
    }
  p->row_height += 1.5 * r->unit;
}

static double
table_width (Pie *p)
{
  return p->swatch + 2 * p->r->unit + p->name_width + 4 * p->r->unit + p->value_width;
}

static double
table_height (Pie *p)
{
  return p->slices->len * p->row_height - 1.5 * p->r->unit;
}

static void
draw_table (Pie *p)
{
  McRender *r = p->r;

  for (guint i = 0; i < p->slices->len; i++)
    {
      McSlice *slice = slice_at (p, i);
      double y = p->table_y + i * p->row_height;
      double nw, nh, vw, vh;
      McColor fill;
      McMark mark = { MC_MARK_RECT, 0, i };

      mc_render_layout_size (p->names[i], &nw, &nh);
      mc_render_layout_size (p->values[i], &vw, &vh);
      slice_color (p, slice, MC_COLOR_ROLE_FILL, &fill);
      mc_render_set_color (r, &fill);
      cairo_rectangle (r->cr, p->table_x, y + (nh - p->swatch) / 2, p->swatch, p->swatch);
      cairo_fill (r->cr);
      mc_render_show (r, p->names[i], p->table_x + p->swatch + 2 * r->unit, y, 0,
                      MC_TEXT_LEGEND, mc_theme_get_text (r->theme));
      mc_render_show (r, p->values[i], p->table_x + table_width (p) - vw, y, 0,
                      MC_TEXT_VALUE_LABEL, mc_theme_get_text (r->theme));
      mark.box = (McRect) { p->table_x, y, table_width (p), nh };
      mc_render_add_mark (r, &mark);
    }
}

/* The pie */

static void
slice_path (Pie    *p,
            double  a0,
            double  a1,
            double  inner)
{
  cairo_t *cr = p->r->cr;

  cairo_new_path (cr);
  cairo_arc (cr, p->cx, p->cy, p->radius, a0, a1);
  if (inner > 0)
    cairo_arc_negative (cr, p->cx, p->cy, inner, a1, a0);
  else
    cairo_line_to (cr, p->cx, p->cy);
  cairo_close_path (cr);
}

/* The bounding box of a ring sector: its corners and any compass point
 * its arc passes. */
static McRect
slice_bounds (Pie    *p,
              double  a0,
              double  a1,
              double  inner)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  double angles[8];
  guint n = 0;

  angles[n++] = a0;
  angles[n++] = a1;
  for (int k = -4; k <= 8 && n < G_N_ELEMENTS (angles); k++)
    if (k * G_PI_2 > a0 && k * G_PI_2 < a1)
      angles[n++] = k * G_PI_2;
  for (guint i = 0; i < n; i++)
    for (int ring = 0; ring <= 1; ring++)
      {
        double radius = ring ? p->radius : inner;
        double x = p->cx + radius * cos (angles[i]), y = p->cy + radius * sin (angles[i]);

        x0 = MIN (x0, x), x1 = MAX (x1, x);
        y0 = MIN (y0, y), y1 = MAX (y1, y);
      }
  return (McRect) { x0, y0, x1 - x0, y1 - y0 };
}

static void
hatch_slice (Pie           *p,
             const McColor *color)
{
  McRect box = { p->cx - p->radius, p->cy - p->radius, 2 * p->radius, 2 * p->radius };

  cairo_save (p->r->cr);
  cairo_clip (p->r->cr);
  mc_render_hatch (p->r, &box, color);
  cairo_restore (p->r->cr);
}

static void
draw_slice (Pie     *p,
            guint    index,
            double   a0,
            double   a1,
            double   inner)
{
  McRender *r = p->r;
  McSlice *slice = slice_at (p, index);
  McMark mark = { MC_MARK_SLICE, 0, index };
  McColor fill, stroke;

  slice_color (p, slice, MC_COLOR_ROLE_FILL, &fill);
  slice_color (p, slice, MC_COLOR_ROLE_STROKE, &stroke);
  if (slice->estimate)
    mc_color_mix (&fill, mc_theme_get_background (r->theme), MC_ESTIMATE_LIGHTEN, &fill);
  slice_path (p, a0, a1, inner);
  mc_render_set_color (r, &fill);
  cairo_fill_preserve (r->cr);
  if (slice->estimate)
    hatch_slice (p, &stroke);
  cairo_new_path (r->cr);

  mark.box = slice_bounds (p, a0, a1, inner);
  mark.cx = p->cx;
  mark.cy = p->cy;
  mark.r0 = inner;
  mark.r1 = p->radius;
  mark.a0 = a0;
  mark.a1 = a1;
  mc_render_add_mark (r, &mark);
}

/* Thin gaps in the background colour keep neighbouring slices apart. */
static void
draw_separators (Pie    *p,
                 double  inner)
{
  McRender *r = p->r;
  double angle = -G_PI_2;

  if (p->slices->len < 2)
    return;
  mc_render_set_color (r, mc_theme_get_background (r->theme));
  cairo_set_line_width (r->cr, 1.5 * r->line);
  for (guint i = 0; i < p->slices->len; i++)
    {
      cairo_move_to (r->cr, p->cx + inner * cos (angle), p->cy + inner * sin (angle));
      cairo_line_to (r->cr, p->cx + p->radius * cos (angle), p->cy + p->radius * sin (angle));
      angle += slice_at (p, i)->fraction * 2 * G_PI;
    }
  if (mc_theme_get_transparent (r->theme))
    cairo_set_operator (r->cr, CAIRO_OPERATOR_CLEAR);
  cairo_stroke (r->cr);
  cairo_set_operator (r->cr, CAIRO_OPERATOR_OVER);
}

static void
draw_pie (Pie *p)
{
  double inner = p->chart->spec->donut ? p->radius * MC_DONUT_HOLE : 0;
  double angle = -G_PI_2;

  for (guint i = 0; i < p->slices->len; i++)
    {
      double sweep = slice_at (p, i)->fraction * 2 * G_PI;

      draw_slice (p, i, angle, angle + sweep, inner);
      angle += sweep;
    }
  draw_separators (p, inner);
}

/* Layout: the table beside the pie when the canvas is wide, under it
 * when it is tall; whichever leaves the bigger pie. */
static gboolean
layout_pie (Pie          *p,
            const McRect *area)
{
  McRender *r = p->r;
  double gap = 6 * r->unit;
  double side, below, tw, th;

  measure_table (p, area->width * 0.45);
  tw = table_width (p);
  if (tw > area->width)
    {
      /* Narrow: names get what the shares leave of the width. */
      double names = area->width - (tw - p->name_width);

      if (names < r->body)
        return FALSE;
      measure_table (p, names);
      tw = table_width (p);
    }
  th = table_height (p);
  side = MIN (area->height, area->width - tw - gap);
  below = MIN (area->width, area->height - th - gap);
  if (th > area->height && tw > area->width)
    return FALSE;

  if (side >= below && th <= area->height)
    {
      double group = side + gap + tw;

      p->radius = side / 2;
      p->cx = area->x + (area->width - group) / 2 + p->radius;
      p->cy = area->y + area->height / 2;
      p->table_x = p->cx + p->radius + gap;
      p->table_y = p->cy - th / 2;
    }
  else
    {
      p->radius = below / 2;
      p->cx = area->x + area->width / 2;
      p->cy = area->y + p->radius;
      p->table_x = area->x + (area->width - tw) / 2;
      p->table_y = area->y + 2 * p->radius + gap;
    }
  return p->radius >= 1.5 * r->body;
}

void
mc_render_pie (McRender *r)
{
  Pie p = { 0 };
  McRect area = r->body_area;

  p.r = r;
  p.chart = r->chart;
  p.slices = r->chart->slices;
  p.swatch = round (r->body * 0.8);
  p.names = g_new0 (PangoLayout *, p.slices->len + 1);
  p.values = g_new0 (PangoLayout *, p.slices->len + 1);

  if (p.slices->len == 0 || !layout_pie (&p, &area))
    mc_render_empty (r, &area, p.slices->len > 0);
  else
    {
      draw_pie (&p);
      draw_table (&p);
    }

  for (guint i = 0; i < p.slices->len; i++)
    {
      g_clear_object (&p.names[i]);
      g_clear_object (&p.values[i]);
    }
  g_free (p.names);
  g_free (p.values);
}
