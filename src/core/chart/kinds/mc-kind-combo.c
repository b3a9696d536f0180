/* mc-kind-combo.c: bars on the left value axis and a line on the right,
 * such as revenue and its growth in percent
 *
 * Both axes start at zero, as the bars must, and their zeros and grids
 * line up, so neither axis exaggerates and a negative growth falls
 * below the bars' baseline. Each axis title is coloured as what it
 * measures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mc-format.h"
#include "mc-render-private.h"

#define MC_COMBO_BAR_SHARE 0.62
#define MC_COMBO_GROUP_SHARE 0.78

typedef struct
{
  McRender     *r;
  McChartModel *chart;
  guint        *shown[2];     /* visible series of each axis */
  guint         n_shown[2];
  McLinearScale y[2];
  McRect        plot;
  double        band;
  guint        *order;        /* categories in their order */
  McLabelFit    fit;
  double        dot;
} Combo;

static McSeries *
shown_series (Combo *c,
              guint  axis,
              guint  i)
{
  return mc_chart_model_get_series (c->chart, c->shown[axis][i]);
}

static double
band_center (Combo  *c,
             double  category)
{
  return c->plot.x + (category + 0.5) * c->band;
}

/* Scales */

static void
axis_range (Combo  *c,
            guint   axis,
            double *lo,
            double *hi)
{
  *lo = *hi = 0;
  for (guint i = 0; i < c->n_shown[axis]; i++)
    {
      McSeries *series = shown_series (c, axis, i);

      for (guint p = 0; p < mc_series_get_n_points (series); p++)
        if (!isnan (mc_series_get_y (series, p)))
          {
            *lo = MIN (*lo, mc_series_get_y (series, p));
            *hi = MAX (*hi, mc_series_get_y (series, p));
          }
    }
  mc_render_annotations_domain (c->r, axis, lo, hi);
}

static double
ticks_width (Combo *c,
             guint  axis)
{
  if (c->n_shown[axis] == 0)
    return 0;
  return mc_render_value_ticks_width (c->r, &c->y[axis], shown_series (c, axis, 0));
}

/* The plot, both scales and the category labels: a few rounds until
 * they settle. */
static void
layout_plot (Combo        *c,
             const McRect *area)
{
  McRender *r = c->r;
  double lo[2], hi[2], label_h = mc_render_line_height (r, MC_FONT_BODY), gap = 2 * r->unit;
  guint n = MAX (1, mc_chart_model_get_n_categories (c->chart));

  for (guint axis = 0; axis < 2; axis++)
    axis_range (c, axis, &lo[axis], &hi[axis]);
  c->fit.height = label_h;
  c->plot.y = area->y + label_h / 2;
  for (guint pass = 0; pass < 3; pass++)
    {
      double left, right, overhang;

      double room[2];

      c->plot.height = MAX (1, area->y + area->height - gap - c->fit.height - c->plot.y);
      /* Room above the highest values for their labels. */
      for (guint axis = 0; axis < 2; axis++)
        room[axis] = hi[axis] + (hi[axis] - lo[axis]) * (label_h + 2 * r->unit)
                                / MAX (c->plot.height - label_h, 1);
      mc_linear_scale_init_aligned (c->y, lo, room, c->plot.height, 6 * r->body);
      left = ticks_width (c, 0) + gap;
      right = c->n_shown[1] > 0 ? ticks_width (c, 1) + gap : 0;
      c->plot.x = area->x + left;
      c->plot.width = MAX (1, area->width - left - right);
      c->band = c->plot.width / n;
      mc_render_fit_categories (r, c->order, c->band, area->height * 0.3, TRUE, &c->fit);
      overhang = mc_render_categories_left_overhang (r, &c->fit, c->order, c->band);
      if (c->plot.x < area->x + overhang)
        {
          c->plot.width -= area->x + overhang - c->plot.x;
          c->plot.x = area->x + overhang;
          c->band = c->plot.width / n;
        }
    }
  for (guint axis = 0; axis < 2; axis++)
    mc_linear_scale_set_range (&c->y[axis], c->plot.y + c->plot.height, c->plot.y);
}

/* Axis titles */

static void
axis_color (Combo   *c,
            guint    axis,
            McColor *color)
{
  if (c->n_shown[axis] == 1)
    mc_theme_get_color (c->r->theme, shown_series (c, axis, 0)->color, MC_COLOR_ROLE_TEXT, color);
  else
    *color = *mc_theme_get_text_secondary (c->r->theme);
}

static PangoLayout *
axis_title_layout (Combo  *c,
                   guint   axis,
                   double  max_width)
{
  g_autofree McSeries **series = g_new (McSeries *, c->n_shown[axis] + 1);
  g_autofree char *text = NULL;

  for (guint i = 0; i < c->n_shown[axis]; i++)
    series[i] = shown_series (c, axis, i);
  text = mc_render_axis_title (c->r, series, c->n_shown[axis]);
  return text != NULL ? mc_render_layout (c->r, text, MC_FONT_BODY, max_width, 1) : NULL;
}

/* "Revenue (USD bn)" at the left, "Revenue growth (%)" at the right,
 * or under it when both don't fit on one row. Returns their height. */
static double
draw_axis_titles (Combo        *c,
                  const McRect *area)
{
  McRender *r = c->r;
  g_autoptr(PangoLayout) left = axis_title_layout (c, 0, area->width);
  g_autoptr(PangoLayout) right = axis_title_layout (c, 1, area->width);
  double lw = 0, lh = 0, rw = 0, rh = 0, right_y = area->y;
  McColor color;

  if (left != NULL)
    {
      mc_render_layout_size (left, &lw, &lh);
      axis_color (c, 0, &color);
      mc_render_show (r, left, area->x, area->y, 0, MC_TEXT_AXIS_TITLE, &color);
    }
  if (right != NULL)
    {
      mc_render_layout_size (right, &rw, &rh);
      if (lw + rw + 4 * r->unit > area->width)
        right_y += lh + r->unit;
      axis_color (c, 1, &color);
      mc_render_show (r, right, area->x + area->width - rw, right_y, 0, MC_TEXT_AXIS_TITLE,
                      &color);
    }
  return MAX (area->y + lh, right_y + rh) - area->y;
}

/* Bars */

static McRect
bar_rect (Combo  *c,
          guint   index,
          double  category,
          double  value)
{
  guint n = c->n_shown[0];
  double group = c->band * (n > 1 ? MC_COMBO_GROUP_SHARE : MC_COMBO_BAR_SHARE);
  double thick = group / MAX (1, n);
  double p0 = mc_linear_scale_map (&c->y[0], 0), p1 = mc_linear_scale_map (&c->y[0], value);

  return (McRect) { band_center (c, category) - group / 2 + index * thick, MIN (p0, p1), thick,
                    fabs (p1 - p0) };
}

static void
add_point_mark (Combo        *c,
                guint         series,
                guint         point,
                McMarkShape   shape,
                const McRect *box)
{
  McSeries *data = mc_chart_model_get_series (c->chart, series);
  McMark mark = { 0 };

  mark.shape = shape;
  mark.series = series;
  mark.point = point;
  mark.row = mc_series_get_row (data, point);
  mark.datum = point;
  mark.color = data->color;
  mark.order = mc_series_get_x (data, point);
  mark.box = *box;
  mc_render_add_mark (c->r, &mark);
}

static void
series_colors (Combo          *c,
               guint           series,
               guint           row,
               McColor        *fill,
               McColor        *stroke)
{
  guint color = mc_chart_model_get_series (c->chart, series)->color;

  mc_theme_get_color (c->r->theme, color, MC_COLOR_ROLE_FILL, fill);
  mc_theme_get_color (c->r->theme, color, MC_COLOR_ROLE_STROKE, stroke);
  if (mc_render_is_dimmed (c->r, series, row))
    {
      mc_render_dim (c->r, fill);
      mc_render_dim (c->r, stroke);
    }
}

static void
draw_bars (Combo *c)
{
  for (guint i = 0; i < c->n_shown[0]; i++)
    {
      McSeries *series = shown_series (c, 0, i);

      for (guint p = 0; p < mc_series_get_n_points (series); p++)
        {
          McRect rect, box;
          McColor fill, stroke;

          /* Missing values are gaps, never zero-height bars. */
          if (isnan (mc_series_get_y (series, p)))
            continue;
          rect = bar_rect (c, i, mc_series_get_x (series, p), mc_series_get_y (series, p));
          box = mc_render_snap_rect (c->r, &rect);
          series_colors (c, c->shown[0][i], mc_series_get_row (series, p), &fill, &stroke);
          mc_render_bar (c->r, &box, &fill, &stroke, mc_series_is_estimate (series, p));
          add_point_mark (c, c->shown[0][i], p, MC_MARK_RECT, &rect);
        }
    }
}

/* The line */

static double
line_y (Combo          *c,
        const McSeries *series,
        guint           point)
{
  return mc_linear_scale_map (&c->y[1], mc_series_get_y (series, point));
}

static void
stroke_segment (Combo          *c,
                const McSeries *series,
                guint           from,
                guint           to,
                const McColor  *color)
{
  McRender *r = c->r;
  double width = 2 * r->line;
  double dash[] = { 2.5 * width, 2 * width };

  cairo_move_to (r->cr, band_center (c, mc_series_get_x (series, from)), line_y (c, series, from));
  cairo_line_to (r->cr, band_center (c, mc_series_get_x (series, to)), line_y (c, series, to));
  mc_render_set_color (r, color);
  cairo_set_line_width (r->cr, width);
  /* A segment into or out of an estimate is dashed. */
  if (mc_series_is_estimate (series, from) || mc_series_is_estimate (series, to))
    cairo_set_dash (r->cr, dash, 2, 0);
  cairo_stroke (r->cr);
  cairo_set_dash (r->cr, NULL, 0, 0);
}

static void
draw_marker (Combo          *c,
             guint           series_index,
             const McSeries *series,
             guint           point)
{
  McRender *r = c->r;
  double x = band_center (c, mc_series_get_x (series, point)), y = line_y (c, series, point);
  McRect box = { x - c->dot, y - c->dot, 2 * c->dot, 2 * c->dot };
  gboolean estimate = mc_series_is_estimate (series, point);
  McColor fill, stroke;

  series_colors (c, series_index, mc_series_get_row (series, point), &fill, &stroke);
  cairo_new_path (r->cr);
  cairo_arc (r->cr, x, y, c->dot, 0, 2 * G_PI);
  mc_render_set_color (r, estimate ? mc_theme_get_background (r->theme) : &stroke);
  cairo_fill_preserve (r->cr);
  mc_render_set_color (r, estimate ? &stroke : mc_theme_get_background (r->theme));
  cairo_set_line_width (r->cr, r->line * 1.5);
  cairo_stroke (r->cr);
  add_point_mark (c, series_index, point, MC_MARK_POINT, &box);
}

/* Segments between neighbouring points, dashed into estimates, none
 * across a gap; the markers on top, ringed in the background colour,
 * hollow for estimates. */
static void
draw_line (Combo *c,
           guint  index)
{
  McRender *r = c->r;
  guint series_index = c->shown[1][index];
  McSeries *series = shown_series (c, 1, index);
  guint n = mc_series_get_n_points (series);
  McColor fill, stroke;

  series_colors (c, series_index, G_MAXUINT, &fill, &stroke);
  cairo_set_line_cap (r->cr, CAIRO_LINE_CAP_ROUND);
  for (guint p = 0; p + 1 < n; p++)
    if (!isnan (mc_series_get_y (series, p)) && !isnan (mc_series_get_y (series, p + 1)))
      stroke_segment (c, series, p, p + 1, &stroke);
  for (guint p = 0; p < n; p++)
    if (!isnan (mc_series_get_y (series, p)))
      draw_marker (c, series_index, series, p);
}

/* Whether @box covers a mark (a bar, a point) other than @own; with
 * @over_bars, a point of its own series only. */
static gboolean
box_covers_marks (Combo           *c,
                  const McTextBox *box,
                  guint            series,
                  guint            point,
                  gboolean         over_bars)
{
  GArray *marks = c->r->out->marks;

  for (guint i = 0; i < marks->len; i++)
    {
      const McMark *mark = &g_array_index (marks, McMark, i);

      if (over_bars && mark->series != series)
        continue;
      if ((mark->series != series || mark->point != point)
          && box->x < mark->box.x + mark->box.width && mark->box.x < box->x + box->width
          && box->y < mark->box.y + mark->box.height && mark->box.y < box->y + box->height)
        return TRUE;
    }
  return FALSE;
}

/* A patch of the background under a label that stands on a bar, so
 * that it reads on the bar's colour. */
static void
draw_label_patch (McRender        *r,
                  const McTextBox *box)
{
  double pad = r->unit / 2;

  mc_render_set_color (r, mc_theme_get_background (r->theme));
  cairo_rectangle (r->cr, box->x - pad, box->y, box->width + 2 * pad, box->height);
  cairo_fill (r->cr);
}

/* A value label over its mark (under a dip of the line, which does not
 * check the segments under it, or a negative bar), else on the other
 * side, where it is free of text and marks. A point of the line where
 * both sides are on bars is labelled on a patch over the bar rather
 * than not at all: its value is on the axis less read. */
static void
draw_value_label (Combo          *c,
                  guint           series_index,
                  guint           point,
                  double          x,
                  double          y,
                  double          clearance,
                  gboolean        below_first)
{
  McRender *r = c->r;
  McSeries *series = mc_chart_model_get_series (c->chart, series_index);
  g_autofree char *value = mc_series_format_point (series, point, FALSE);
  g_autofree char *text = mc_series_is_estimate (series, point)
                          /* Translators: a value label followed by the estimate mark */
                          ? g_strdup_printf (_("%s Est."), value) : g_strdup (value);
  g_autoptr(PangoLayout) layout = mc_render_layout (r, text, MC_FONT_BODY, -1, 0);
  double w, h;

  mc_render_layout_size (layout, &w, &h);
  for (int over_bars = 0; over_bars <= (series->axis == 1); over_bars++)
    for (int side = 0; side <= 1; side++)
      {
        gboolean below = (side == 1) != below_first;
        double ty = below ? y + clearance + r->unit : y - clearance - r->unit - h;
        McTextBox box = mc_render_box_for (layout, x - w / 2, ty, 0);

        if (w > c->band || ty < c->plot.y - h / 2 || ty + h > c->plot.y + c->plot.height
            || !mc_render_value_label_is_clear (r, &box)
            || box_covers_marks (c, &box, series_index, point, over_bars))
          continue;
        if (over_bars)
          draw_label_patch (r, &box);
        mc_render_show (r, layout, box.x, box.y, 0, MC_TEXT_VALUE_LABEL,
                        mc_theme_get_text (r->theme));
        return;
      }
}

/* The values of a single line and a single series of bars: the line's
 * first, since its points have fewer places to go. */
static void
draw_value_labels (Combo *c)
{
  McRender *r = c->r;

  if (!r->show_values || c->plot.height < 8 * r->body)
    return;
  for (guint axis = 2; axis > 0; axis--)
    {
      McSeries *series;

      if (c->n_shown[axis - 1] != 1)
        continue;
      series = shown_series (c, axis - 1, 0);
      for (guint p = 0; p < mc_series_get_n_points (series); p++)
        {
          double x = band_center (c, mc_series_get_x (series, p));
          double value = mc_series_get_y (series, p);

          if (isnan (value))
            continue;
          if (axis == 2)
            draw_value_label (c, c->shown[1][0], p, x, line_y (c, series, p), c->dot,
                              mc_series_is_dip (series, p));
          else
            draw_value_label (c, c->shown[0][0], p, x, mc_linear_scale_map (&c->y[0], value), 0,
                              value < 0);
        }
    }
}

/* Drawing */

static void
draw_plot (Combo *c)
{
  McRender *r = c->r;
  McAnnotationFrame frame = { .axes = &r->out->axes };
  McColor color;

  /* The scales as drawn, for annotations and whoever reads values off
   * the render. */
  r->out->axes.plot = c->plot;
  r->out->axes.x_kind = MC_X_CATEGORY;
  r->out->axes.x_band = c->band;
  r->out->axes.y[0] = c->y[0];
  r->out->axes.y[1] = c->y[1];
  mc_render_value_grid (r, &c->y[0], &c->plot, TRUE, TRUE);
  mc_render_annotations_under (r, &frame);
  draw_bars (c);
  for (guint i = 0; i < c->n_shown[1]; i++)
    draw_line (c, i);
  axis_color (c, 0, &color);
  if (c->n_shown[0] > 0)
    mc_render_value_ticks (r, &c->y[0], shown_series (c, 0, 0), &c->plot, FALSE, &color);
  axis_color (c, 1, &color);
  if (c->n_shown[1] > 0)
    mc_render_value_ticks (r, &c->y[1], shown_series (c, 1, 0), &c->plot, TRUE, &color);
  mc_render_categories (r, &c->fit, c->order, c->plot.x + c->band / 2, c->band,
                        c->plot.y + c->plot.height + 2 * r->unit);
  draw_value_labels (c);
  mc_render_annotations_over (r, &frame);
}

static void
combo_setup (Combo    *c,
             McRender *r)
{
  guint n = mc_chart_model_get_n_series (r->chart);
  guint n_categories = mc_chart_model_get_n_categories (r->chart);

  c->r = r;
  c->chart = r->chart;
  c->dot = MAX (2.5, r->body * 0.3);
  for (guint axis = 0; axis < 2; axis++)
    c->shown[axis] = g_new (guint, n + 1);
  for (guint s = 0; s < n; s++)
    if (mc_render_series_visible (r, s))
      {
        guint axis = mc_chart_model_get_series (r->chart, s)->axis;

        c->shown[axis][c->n_shown[axis]++] = s;
      }
  c->order = g_new (guint, n_categories + 1);
  for (guint i = 0; i < n_categories; i++)
    c->order[i] = i;
}

static void
combo_draw (McRender      *r,
            gconstpointer  prepared,
            McMarks       *out)
{
  Combo c = { 0 };
  McRect area = r->body_area;

  combo_setup (&c, r);
  if (c.n_shown[0] + c.n_shown[1] == 0 || mc_chart_model_get_n_categories (c.chart) == 0
      || area.height < 6 * r->body || area.width < 8 * r->body)
    mc_render_empty (r, &area, c.n_shown[0] + c.n_shown[1] > 0);
  else
    {
      double titles = draw_axis_titles (&c, &area);

      area.y += titles + 2 * r->unit;
      area.height -= titles + 2 * r->unit;
      layout_plot (&c, &area);
      draw_plot (&c);
    }
  for (guint axis = 0; axis < 2; axis++)
    g_free (c.shown[axis]);
  g_free (c.order);
}

/* Describing */

static char *
combo_describe (McChartModel  *chart,
                gconstpointer  prepared,
                McMarks       *marks)
{
  /* Translators: a chart of bars on the left axis and a line on the
   * right one */
  GString *out = mc_describe_begin (chart, _("Bars and a line"));

  mc_describe_append_series (chart, out);
  return g_string_free (out, FALSE);
}

static const char * const y2_transform_choices[] = { "none", "growth", NULL };
/* Translators: what the line of a chart of bars and a line shows */
static const char * const y2_transform_labels[] = { N_("Values"), N_("Growth Rates"), NULL };

static const McOptionInfo combo_option_y = {
  "y", MC_OPTION_COLUMNS,
  MC_OPTION_REQUIRED | MC_OPTION_NUMERIC | MC_OPTION_SERIES | MC_OPTION_ON_AXIS,
  N_("the columns drawn as bars, on the left axis"), NULL, NULL, NULL, N_("Bars")
};

static const McOptionInfo combo_option_y2 = {
  "y2", MC_OPTION_COLUMNS,
  MC_OPTION_REQUIRED | MC_OPTION_NUMERIC | MC_OPTION_STRICT | MC_OPTION_SERIES | MC_OPTION_RIGHT
  | MC_OPTION_ON_AXIS,
  N_("the columns drawn as a line, on the right axis"), NULL, NULL,
  N_("a chart of bars and a line needs “y2”, the columns of the line"), N_("Line")
};

static const McOptionInfo combo_option_y2_transform = {
  "y2_transform", MC_OPTION_CHOICE, 0,
  N_("“growth”: the line shows the percent change of its column against the previous "
     "row, such as revenue in bars and its growth in a line"),
  y2_transform_choices, N_("expected “growth” or “none”"), NULL, N_("Line Shows"),
  y2_transform_labels
};

static const McOptionInfo * const combo_options[] = {
  &mc_chart_option_x,
  &combo_option_y,
  &combo_option_y2,
  &combo_option_y2_transform,
  MC_CHART_OPTIONS_ROWS,
  &mc_chart_option_value_labels,
  &mc_chart_option_annotations,
  NULL
};

const McChartKind mc_chart_kind_combo = {
  .id = "combo",
  .name = N_("a chart of bars and a line"),
  .plural = N_("charts of bars and a line"),
  .label = N_("Bars and a Line"),
  .caps = MC_CHART_CAPS_CATEGORY_X | MC_CHART_CAPS_HIDE_SERIES,
  .options = combo_options,
  .draw = combo_draw,
  .describe = combo_describe,
};
