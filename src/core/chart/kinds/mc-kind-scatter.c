/* mc-kind-scatter.c: scatter and bubble charts
 *
 * One dot per row at its x and y, both number axes; a "size" column
 * makes bubbles whose areas are proportional to its values, with a key
 * of sizes; a "series" column colours the dots by category, with a
 * legend; a "label" column names the points, of which a few are labelled
 * on the chart. Clouds too dense for single dots to be told apart are
 * drawn as squares shaded by the number of points in them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mc-format.h"
#include "mc-parallel.h"
#include "mc-render-private.h"

/* Without a "labels" list, charts of up to this many points label them
 * all (where the names fit). */
#define MC_SCATTER_LABEL_ALL 15
/* Dots merge into density squares when they would cover more than this
 * share of the plot. */
#define MC_SCATTER_MAX_COVER 0.3
/* The largest bubble's radius, as a share of the shorter side of the
 * body of the chart. */
#define MC_BUBBLE_SHARE 0.05
#define MC_BUBBLE_ALPHA 0.72
/* An axis includes zero when the data comes this close to it, as lines
 * do. */
#define MC_SCATTER_ZOOM_THRESHOLD 0.4

/* What a scatter chart knows of the points of a series that are
 * drawn, found once for the model rather than on every render (a
 * million points). */
typedef struct
{
  guint  n_drawn;
  double x_lo, x_hi;            /* NAN when none is drawn */
  double y_lo, y_hi;
} SeriesPoints;

/* What a scatter chart prepares: the columns of sizes and names, and
 * the points of each series. */
typedef struct
{
  const McColumn *size;
  const McColumn *label;
  double          size_max;
  int             size_decimals;
  GStrv           named;        /* "labels": the points to name */
  guint8         *in_colour;    /* by row, under a "highlight" of points
                                 * by their names (when it names no
                                 * series): whether its point is one it
                                 * names; else NULL */
  SeriesPoints   *points;       /* by series */
} ScatterData;

typedef struct
{
  McRender          *r;
  McChartModel      *chart;
  const ScatterData *data;
  guint             *visible;
  guint              n_visible;
  McLinearScale      x;
  McLinearScale      y;
  McRect             plot;
  double             dot;          /* radius of a dot without size */
  double             max_radius;   /* of the largest bubble */
  gboolean           log_x;
  gboolean           log_y;
} Scatter;

typedef struct
{
  guint  series;
  guint  point;
  double radius;
} Dot;

static McSeries *
visible_series (Scatter *s,
                guint    i)
{
  return mc_chart_model_get_series (s->chart, s->visible[i]);
}

/* Preparing */

static void
scatter_data_free (gpointer data)
{
  ScatterData *scatter = data;

  g_strfreev (scatter->named);
  g_free (scatter->in_colour);
  g_free (scatter->points);
  g_free (scatter);
}

/* The x values of @series as an array, or NULL when they are an even
 * progression, read one by one rather than made. */
static const double *
series_xs (const McSeries *series)
{
  if (mc_series_get_x_progression (series, NULL, NULL))
    return NULL;
  return mc_series_get_xs (series);
}

static inline double
x_at (const McSeries *series,
      const double   *xs,
      guint           point)
{
  return xs != NULL ? xs[point] : mc_series_get_x (series, point);
}

/* Whether a point has all it needs to be drawn. */
static inline gboolean
drawn_at (const ScatterData *data,
          const McSeries    *series,
          double             x,
          double             y,
          guint              point)
{
  if (isnan (y) || !isfinite (x))
    return FALSE;
  return data->size == NULL
         || mc_column_get_value (data->size, mc_series_get_row (series, point)) > 0;
}

static void
find_points (ScatterData  *data,
             McChartModel *chart)
{
  guint n_series = mc_chart_model_get_n_series (chart);

  data->points = g_new (SeriesPoints, MAX (n_series, 1));
  for (guint s = 0; s < n_series; s++)
    {
      const McSeries *series = mc_chart_model_get_series (chart, s);
      const double *xs = series_xs (series);
      const double *ys = (const double *) (gpointer) series->y->data;
      SeriesPoints points = { 0, NAN, NAN, NAN, NAN };

      for (guint i = 0; i < mc_series_get_n_points (series); i++)
        {
          double x = x_at (series, xs, i), y = ys[i];

          if (!drawn_at (data, series, x, y, i))
            continue;
          if (points.n_drawn++ == 0)
            {
              points.x_lo = points.x_hi = x;
              points.y_lo = points.y_hi = y;
              continue;
            }
          points.x_lo = MIN (points.x_lo, x);
          points.x_hi = MAX (points.x_hi, x);
          points.y_lo = MIN (points.y_lo, y);
          points.y_hi = MAX (points.y_hi, y);
        }
      data->points[s] = points;
    }
}

static gpointer
scatter_prepare (McChartModel  *chart,
                 GError       **error)
{
  ScatterData *data = g_new0 (ScatterData, 1);
  const char *size = mc_chart_spec_get_string (chart->spec, "size");
  const char *label = mc_chart_spec_get_string (chart->spec, "label");
  g_autofree const char **named = mc_chart_spec_get_strv (chart->spec, "labels");

  data->size = size != NULL ? mc_chart_model_get_column (chart, size) : NULL;
  data->label = label != NULL ? mc_chart_model_get_column (chart, label) : NULL;
  data->named = g_strdupv ((char **) named);
  /* A highlight that names no series names points: "China" of a cloud
   * of countries. */
  if (data->label != NULL && !chart->highlighted)
    {
      g_autofree const char **highlight = mc_chart_spec_get_strv (chart->spec, "highlight");

      /* Once per model, not for every point of every render. */
      if (highlight != NULL && highlight[0] != NULL)
        {
          guint n_rows = mc_column_get_n_rows (data->label);

          data->in_colour = g_new0 (guint8, n_rows);
          for (guint row = 0; row < n_rows; row++)
            data->in_colour[row] = !mc_column_is_missing (data->label, row)
                                   && g_strv_contains (highlight,
                                                       mc_column_get_string (data->label, row));
        }
    }
  data->size_decimals = data->size != NULL ? mc_format_column_decimals (data->size) : 0;
  for (guint row = 0; data->size != NULL && row < mc_column_get_n_rows (data->size); row++)
    if (isfinite (mc_column_get_value (data->size, row)))
      data->size_max = MAX (data->size_max, mc_column_get_value (data->size, row));
  find_points (data, chart);
  return data;
}

/* Points and their sizes */

static double
size_value (Scatter        *s,
            const McSeries *series,
            guint           point)
{
  if (s->data->size == NULL)
    return NAN;
  return mc_column_get_value (s->data->size, mc_series_get_row (series, point));
}

/* Areas proportional to the values: the radius goes with the root. */
static double
radius_for (Scatter *s,
            double   size)
{
  if (s->data->size == NULL)
    return s->dot;
  if (!(size > 0) || !(s->data->size_max > 0))
    return 0;
  return MAX (s->max_radius * sqrt (size / s->data->size_max), s->r->line);
}

/* Whether a point has all it needs to be drawn. */
static gboolean
point_drawn (Scatter        *s,
             const McSeries *series,
             guint           point)
{
  return drawn_at (s->data, series, mc_series_get_x (series, point),
                   mc_series_get_y (series, point), point);
}

static const char *
point_name (Scatter        *s,
            const McSeries *series,
            guint           point)
{
  guint row = mc_series_get_row (series, point);

  if (s->data->label == NULL || mc_column_is_missing (s->data->label, row))
    return NULL;
  return mc_column_get_string (s->data->label, row);
}

static guint
count_points (Scatter *s)
{
  guint n = 0;

  for (guint v = 0; v < s->n_visible; v++)
    n += s->data->points[s->visible[v]].n_drawn;
  return n;
}

static void
widen (double *lo,
       double *hi,
       double  value)
{
  *lo = isnan (*lo) ? value : MIN (*lo, value);
  *hi = isnan (*hi) ? value : MAX (*hi, value);
}

static void
data_ranges (Scatter *s,
             double  *x_lo,
             double  *x_hi,
             double  *y_lo,
             double  *y_hi)
{
  *x_lo = *x_hi = *y_lo = *y_hi = NAN;
  for (guint v = 0; v < s->n_visible; v++)
    {
      const SeriesPoints *points = &s->data->points[s->visible[v]];

      if (points->n_drawn == 0)
        continue;
      widen (x_lo, x_hi, points->x_lo);
      widen (x_lo, x_hi, points->x_hi);
      widen (y_lo, y_hi, points->y_lo);
      widen (y_lo, y_hi, points->y_hi);
    }
}

/* Scales */

/* A number axis over [@lo, @hi]: logarithmic, or through zero where the
 * data comes near it, else zoomed with a margin. */
static void
init_scale (Scatter       *s,
            McLinearScale *scale,
            gboolean       log,
            double         lo,
            double         hi,
            double         length)
{
  gboolean zero;

  if (log)
    {
      mc_render_log_scale (s->r, scale, lo, hi, length);
      return;
    }
  zero = isnan (lo) || (lo >= 0 ? lo <= MC_SCATTER_ZOOM_THRESHOLD * hi
                                : hi >= MC_SCATTER_ZOOM_THRESHOLD * lo || hi >= 0);
  if (!zero)
    {
      double margin = (hi - lo) * 0.05;

      lo -= margin;
      hi += margin;
    }
  mc_linear_scale_init (scale, lo, hi, zero, length, 6 * s->r->body);
}

static double
last_x_label_half_width (Scatter *s)
{
  guint n = mc_linear_scale_get_n_ticks (&s->x);
  g_autofree char *text = mc_format_tick (s->chart->x_column,
                                         mc_linear_scale_get_tick (&s->x, n - 1),
                                         mc_linear_scale_get_tick_step (&s->x, n - 1));

  return mc_render_text_width (s->r, text, MC_FONT_BODY, NULL) / 2;
}

/* The plot, the scales and the tick labels depend on each other: a few
 * rounds until they settle. Bubbles keep clear of the plot's edges. */
static void
layout_plot (Scatter      *s,
             const McRect *area,
             double        bottom_reserve)
{
  McRender *r = s->r;
  McSeries *first = visible_series (s, 0);
  double x_lo, x_hi, y_lo, y_hi, tick_h, gap = 2 * r->unit;
  double pad = MAX (s->max_radius, s->dot) + r->line;

  data_ranges (s, &x_lo, &x_hi, &y_lo, &y_hi);
  mc_render_text_width (r, "0", MC_FONT_BODY, &tick_h);
  s->plot = (McRect) { area->x, area->y + tick_h / 2, area->width, 1 };
  s->plot.height = MAX (1, area->y + area->height - bottom_reserve - s->plot.y);
  for (guint pass = 0; pass < 3; pass++)
    {
      double left;

      init_scale (s, &s->y, s->log_y, y_lo, y_hi, MAX (1, s->plot.height - 2 * pad));
      left = mc_render_value_ticks_width (r, &s->y, first) + gap;
      s->plot.x = area->x + left;
      s->plot.width = MAX (1, area->width - left);
      init_scale (s, &s->x, s->log_x, x_lo, x_hi, MAX (1, s->plot.width - 2 * pad));
      s->plot.width = MAX (1, s->plot.width - MAX (0, last_x_label_half_width (s) - pad));
    }
  mc_linear_scale_set_range (&s->y, s->plot.y + s->plot.height - pad, s->plot.y + pad);
  mc_linear_scale_set_range (&s->x, s->plot.x + pad, s->plot.x + s->plot.width - pad);
}

/* Axes */

static void
draw_axes (Scatter *s)
{
  McRender *r = s->r;
  double bottom = mc_render_snap (r, s->plot.y + s->plot.height, r->line);

  mc_render_value_grid (r, &s->y, &s->plot, TRUE, FALSE);
  mc_render_set_color (r, mc_theme_get_axis (r->theme));
  cairo_set_line_width (r->cr, r->line);
  cairo_move_to (r->cr, s->plot.x, bottom);
  cairo_line_to (r->cr, s->plot.x + s->plot.width, bottom);
  cairo_stroke (r->cr);
  mc_render_value_ticks (r, &s->y, visible_series (s, 0), &s->plot, FALSE,
                         mc_theme_get_text_secondary (r->theme));
  mc_render_x_value_ticks (r, &s->x, s->chart->x_column, &s->plot);
}

static PangoLayout *
title_layout (Scatter    *s,
              char       *text,
              gboolean    log)
{
  g_autofree char *owned = text;
  g_autofree char *shown = log ? mc_render_log_title (text) : g_strdup (text);

  return mc_render_layout (s->r, shown, MC_FONT_BODY, s->r->body_area.width, 1);
}

static PangoLayout *
y_title_layout (Scatter *s)
{
  g_autofree McSeries **series = g_new (McSeries *, s->n_visible + 1);

  for (guint v = 0; v < s->n_visible; v++)
    series[v] = visible_series (s, v);
  return title_layout (s, mc_render_axis_title (s->r, series, s->n_visible), s->log_y);
}

/* The x axis's title under its tick labels, at its right end. */
static void
draw_x_title (Scatter     *s,
              PangoLayout *layout,
              double       y)
{
  double w, h;

  mc_render_layout_size (layout, &w, &h);
  mc_render_show (s->r, layout, MAX (s->r->body_area.x, s->plot.x + s->plot.width - w), y, 0,
                  MC_TEXT_AXIS_TITLE, mc_theme_get_text_secondary (s->r->theme));
}

/* Dots */

static int
compare_dots (gconstpointer a,
              gconstpointer b)
{
  const Dot *da = a, *db = b;

  /* The largest bubbles first, so that none hides a smaller one. */
  if (da->radius != db->radius)
    return da->radius > db->radius ? -1 : 1;
  if (da->series != db->series)
    return da->series < db->series ? -1 : 1;
  return da->point < db->point ? -1 : da->point > db->point;
}

/* Whether the spec's highlight of points leaves @dot out, in grey. */
static gboolean
dot_greyed (Scatter   *s,
            const Dot *dot)
{
  McSeries *series = mc_chart_model_get_series (s->chart, dot->series);

  return s->data->in_colour != NULL
         && !s->data->in_colour[mc_series_get_row (series, dot->point)];
}

/* The dots to draw, or only those a highlight keeps in colour. */
static GArray *
collect_dots (Scatter  *s,
              gboolean  highlighted_only)
{
  GArray *dots = g_array_new (FALSE, FALSE, sizeof (Dot));

  for (guint v = 0; v < s->n_visible; v++)
    {
      McSeries *series = visible_series (s, v);

      for (guint i = 0; i < mc_series_get_n_points (series); i++)
        if (point_drawn (s, series, i))
          {
            Dot dot = { s->visible[v], i, radius_for (s, size_value (s, series, i)) };

            if (!highlighted_only || !dot_greyed (s, &dot))
              g_array_append_val (dots, dot);
          }
    }
  g_array_sort (dots, compare_dots);
  return dots;
}

/* "81.2 years; GDP per capita: USD 45,000; Population: 83 m" */
static char *
point_text (Scatter        *s,
            const McSeries *series,
            guint           point,
            gboolean        with_x)
{
  GString *text = g_string_new (NULL);
  g_autofree char *y = mc_series_format_point (series, point, TRUE);

  g_string_append (text, y);
  if (with_x)
    {
      g_autofree char *x = mc_chart_model_format_x (s->chart, series, point);

      /* Translators: in the value of a scatter point: "; GDP per capita:
       * USD 45,000" */
      g_string_append_printf (text, _("; %s: %s"), mc_column_get_label (s->chart->x_column), x);
    }
  if (s->data->size != NULL)
    {
      double value = size_value (s, series, point);
      int decimals = mc_format_value_decimals (value, s->data->size_decimals);
      g_autofree char *size = mc_format_value (s->data->size, value, decimals);

      g_string_append_printf (text, _("; %s: %s"), mc_column_get_label (s->data->size), size);
    }
  return g_string_free (text, FALSE);
}

static void
add_dot_mark (Scatter    *s,
              const Dot  *dot,
              double      cx,
              double      cy)
{
  McSeries *series = mc_chart_model_get_series (s->chart, dot->series);
  const char *name = point_name (s, series, dot->point);
  g_autofree char *text = point_text (s, series, dot->point, name != NULL);
  double radius = MAX (dot->radius, s->dot);
  McMark mark = { 0 };

  mark.shape = MC_MARK_POINT;
  mark.series = dot->series;
  mark.point = dot->point;
  mark.row = mc_series_get_row (series, dot->point);
  mark.datum = dot->point;
  mark.color = series->color;
  mark.order = cx;
  mark.label = mc_render_intern (s->r, name);
  mark.text = mc_render_intern (s->r, text);
  mark.box = (McRect) { cx - radius, cy - radius, 2 * radius, 2 * radius };
  mc_render_add_mark (s->r, &mark);
}

static void
draw_dot (Scatter   *s,
          const Dot *dot)
{
  McRender *r = s->r;
  McSeries *series = mc_chart_model_get_series (s->chart, dot->series);
  double cx = mc_linear_scale_map (&s->x, mc_series_get_x (series, dot->point));
  double cy = mc_linear_scale_map (&s->y, mc_series_get_y (series, dot->point));
  guint color = dot_greyed (s, dot) ? MC_THEME_NEUTRAL : series->color;
  McColor fill, stroke;

  mc_theme_get_color (r->theme, color, MC_COLOR_ROLE_FILL, &fill);
  mc_theme_get_color (r->theme, color, MC_COLOR_ROLE_STROKE, &stroke);
  if (mc_render_is_dimmed (r, dot->series, mc_series_get_row (series, dot->point)))
    {
      mc_render_dim (r, &fill);
      mc_render_dim (r, &stroke);
    }
  cairo_new_path (r->cr);
  cairo_arc (r->cr, cx, cy, dot->radius, 0, 2 * G_PI);
  /* Estimates are hollow, as on lines; bubbles are see-through, so
   * that those behind show; dots are ringed in the background. */
  if (mc_series_is_estimate (series, dot->point))
    mc_render_set_color (r, mc_theme_get_background (r->theme));
  else if (s->data->size != NULL)
    cairo_set_source_rgba (r->cr, fill.red, fill.green, fill.blue, MC_BUBBLE_ALPHA);
  else
    mc_render_set_color (r, &fill);
  cairo_fill_preserve (r->cr);
  if (s->data->size == NULL && !mc_series_is_estimate (series, dot->point))
    mc_render_set_color (r, mc_theme_get_background (r->theme));
  else
    mc_render_set_color (r, &stroke);
  cairo_set_line_width (r->cr, r->line);
  cairo_stroke (r->cr);
  add_dot_mark (s, dot, cx, cy);
}

/* Whether @box covers a dot other than the one at @own. */
static gboolean
box_covers_dots (Scatter         *s,
                 const McTextBox *box,
                 const McRect    *own)
{
  GArray *marks = s->r->out->marks;

  for (guint i = 0; i < marks->len; i++)
    {
      const McMark *mark = &g_array_index (marks, McMark, i);

      if (mark->shape == MC_MARK_POINT && memcmp (&mark->box, own, sizeof *own) != 0
          && box->x < mark->box.x + mark->box.width && mark->box.x < box->x + box->width
          && box->y < mark->box.y + mark->box.height && mark->box.y < box->y + box->height)
        return TRUE;
    }
  return FALSE;
}

/* Names beside their points: right of them, else left, above or
 * below, where the place is free of text and dots and inside the
 * plot. */
static void
draw_point_name (Scatter   *s,
                 const Dot *dot)
{
  McRender *r = s->r;
  McSeries *series = mc_chart_model_get_series (s->chart, dot->series);
  const char *name = point_name (s, series, dot->point);
  double cx = mc_linear_scale_map (&s->x, mc_series_get_x (series, dot->point));
  double cy = mc_linear_scale_map (&s->y, mc_series_get_y (series, dot->point));
  double radius = MAX (dot->radius, s->dot), gap = radius + r->unit, w, h;
  McRect own = { cx - radius, cy - radius, 2 * radius, 2 * radius };
  g_autoptr(PangoLayout) layout = NULL;

  if (name == NULL)
    return;
  layout = mc_render_layout (r, name, MC_FONT_SMALL, s->plot.width / 3, 1);
  mc_render_layout_size (layout, &w, &h);
  {
    const double places[][2] = {
      { cx + gap, cy - h / 2 }, { cx - gap - w, cy - h / 2 },
      { cx - w / 2, cy - gap - h }, { cx - w / 2, cy + gap },
    };

    for (guint p = 0; p < G_N_ELEMENTS (places); p++)
      {
        McTextBox box = mc_render_box_for (layout, places[p][0], places[p][1], 0);

        if (box.x < s->plot.x || box.x + w > s->plot.x + s->plot.width
            || box.y < s->plot.y - h / 2 || box.y + h > s->plot.y + s->plot.height
            || !mc_render_box_is_clear (r, &box, r->unit / 2) || box_covers_dots (s, &box, &own))
          continue;
        mc_render_show (r, layout, box.x, box.y, 0, MC_TEXT_VALUE_LABEL,
                        mc_theme_get_text (r->theme));
        return;
      }
  }
}

static gboolean
is_named (Scatter   *s,
          const Dot *dot,
          guint      n_dots)
{
  McSeries *series = mc_chart_model_get_series (s->chart, dot->series);
  const char *name = point_name (s, series, dot->point);

  if (name == NULL)
    return FALSE;
  if (s->data->in_colour != NULL && !dot_greyed (s, dot))
    return TRUE;
  if (s->data->named != NULL)
    return g_strv_contains ((const char * const *) s->data->named, name);
  return n_dots <= MC_SCATTER_LABEL_ALL;
}

/* The grey dots a highlight leaves out first, under the others. */
static void
draw_dots (Scatter *s)
{
  g_autoptr(GArray) dots = collect_dots (s, FALSE);

  for (int greyed = 1; greyed >= 0; greyed--)
    for (guint i = 0; i < dots->len; i++)
      if (dot_greyed (s, &g_array_index (dots, Dot, i)) == greyed)
        draw_dot (s, &g_array_index (dots, Dot, i));
  /* The names of the largest first: they matter most. */
  for (guint i = 0; s->r->show_values && i < dots->len; i++)
    if (is_named (s, &g_array_index (dots, Dot, i), dots->len))
      draw_point_name (s, &g_array_index (dots, Dot, i));
}

/* Density */

/* A square of a dense chart: how many points fall in it, and of which
 * series most of them are, which gives its colour. */
typedef struct
{
  guint count;
  guint series;
} Cell;

/* The ranges a cell covers, for its value bubble. */
static char *
cell_label (Scatter *s,
            double   x0,
            double   y0,
            double   side)
{
  McSeries *first = visible_series (s, 0);
  int decimals = s->chart->x_decimals;
  g_autofree char *xa = mc_format_value (s->chart->x_column, mc_linear_scale_invert (&s->x, x0),
                                         decimals);
  g_autofree char *xb = mc_format_value (s->chart->x_column,
                                         mc_linear_scale_invert (&s->x, x0 + side), decimals);
  g_autofree char *ya = mc_series_format_value (first, mc_linear_scale_invert (&s->y, y0 + side),
                                                TRUE);
  g_autofree char *yb = mc_series_format_value (first, mc_linear_scale_invert (&s->y, y0), TRUE);

  /* Translators: the ranges of a square of a dense scatter chart: "x
   * 10 to 12, y 5 to 6" */
  return g_strdup_printf (_("%s %s to %s, %s %s to %s"), mc_column_get_label (s->chart->x_column),
                          xa, xb, first->name, ya, yb);
}

static void
draw_cell (Scatter    *s,
           const Cell *cell,
           double      x0,
           double      y0,
           double      side,
           guint       max_count)
{
  McRender *r = s->r;
  McSeries *series = mc_chart_model_get_series (s->chart, cell->series);
  double strength = log1p (cell->count) / log1p (max_count);
  g_autofree char *label = cell_label (s, x0, y0, side);
  g_autofree char *text = g_strdup_printf (ngettext ("%u point", "%u points", cell->count),
                                           cell->count);
  /* Under a highlight of points, the cloud is the grey they stand out
   * from. */
  guint color_index = s->data->in_colour != NULL ? MC_THEME_NEUTRAL : series->color;
  McColor color;
  McMark mark = { 0 };

  mc_theme_get_color (r->theme, color_index, MC_COLOR_ROLE_FILL, &color);
  if (mc_render_is_dimmed (r, cell->series, G_MAXUINT))
    mc_render_dim (r, &color);
  cairo_set_source_rgba (r->cr, color.red, color.green, color.blue, 0.15 + 0.85 * strength);
  cairo_rectangle (r->cr, x0, y0, side, side);
  cairo_fill (r->cr);

  mark.shape = MC_MARK_RECT;
  mark.series = cell->series;
  mark.point = (guint) ((x0 - s->plot.x) / side) * 65536 + (guint) ((y0 - s->plot.y) / side);
  mark.row = mc_dataset_get_n_rows (s->chart->data);
  mark.datum = G_MAXUINT;
  mark.color = color_index;
  mark.value = cell->count;
  mark.order = x0 + (y0 - s->plot.y) / (s->plot.height + 1);
  mark.label = mc_render_intern (r, label);
  mark.text = mc_render_intern (r, text);
  mark.box = (McRect) { x0, y0, side, side };
  mc_render_add_mark (r, &mark);
}

/* Clouds of fewer points than this a part are counted on one thread. */
#define MIN_POINTS_PER_PART 100000

/* The squares' counts of the points of a part of each visible series. */
typedef struct
{
  Scatter        *s;
  double          side;
  guint           cols;
  guint           rows;
  const double  **xs;      /* of each visible series, as series_xs() */
  guint          *counts[MC_PARALLEL_MAX_PARTS];
} CellCounts;

static void
count_cells_part (guint    part,
                  guint    n_parts,
                  gpointer user_data)
{
  CellCounts *cells = user_data;
  Scatter *s = cells->s;
  guint *counts = cells->counts[part];

  for (guint v = 0; v < s->n_visible; v++)
    {
      McSeries *series = visible_series (s, v);
      const double *xs = cells->xs[v];
      const double *ys = (const double *) (gpointer) series->y->data;
      guint n = mc_series_get_n_points (series);
      guint to = (guint) ((guint64) n * (part + 1) / n_parts);

      for (guint i = (guint) ((guint64) n * part / n_parts); i < to; i++)
        {
          double x = x_at (series, xs, i), cx, cy;
          guint col, row;

          if (!drawn_at (s->data, series, x, ys[i], i))
            continue;
          cx = mc_linear_scale_map (&s->x, x);
          cy = mc_linear_scale_map (&s->y, ys[i]);
          col = (guint) CLAMP ((cx - s->plot.x) / cells->side, 0, cells->cols - 1);
          row = (guint) CLAMP ((cy - s->plot.y) / cells->side, 0, cells->rows - 1);
          counts[((gsize) row * cells->cols + col) * s->n_visible + v]++;
        }
    }
}

/* The cell of each point, counted by visible series; a million points
 * on every processor at once, each part in squares of its own, added up
 * after. */
static guint *
count_cells (Scatter *s,
             double   side,
             guint    cols,
             guint    rows)
{
  gsize n_counts = (gsize) cols * rows * s->n_visible;
  g_autofree const double **xs = g_new (const double *, s->n_visible);
  CellCounts cells = { s, side, cols, rows, xs, { NULL, } };
  /* Each part adds a grid of squares to add up: no more parts than
   * there are points for several times those squares. */
  guint n_points = count_points (s);
  guint n_parts = mc_parallel_count_parts (MIN (n_points / MIN_POINTS_PER_PART,
                                                n_points / (4 * n_counts)));

  /* Found here: a column may make its values when first asked. */
  for (guint v = 0; v < s->n_visible; v++)
    xs[v] = series_xs (visible_series (s, v));
  for (guint part = 0; part < n_parts; part++)
    cells.counts[part] = g_new0 (guint, n_counts);
  mc_parallel_run (n_parts, count_cells_part, &cells);
  for (guint part = 1; part < n_parts; part++)
    {
      for (gsize i = 0; i < n_counts; i++)
        cells.counts[0][i] += cells.counts[part][i];
      g_free (cells.counts[part]);
    }
  return cells.counts[0];
}

static Cell
cell_at (Scatter     *s,
         const guint *counts,
         gsize        index)
{
  Cell cell = { 0, s->visible[0] };
  guint most = 0;

  for (guint v = 0; v < s->n_visible; v++)
    {
      guint n = counts[index * s->n_visible + v];

      cell.count += n;
      if (n > most)
        {
          most = n;
          cell.series = s->visible[v];
        }
    }
  return cell;
}

/* The points a highlight names, drawn one by one over the squares of a
 * dense chart, with their names: a few among millions. */
static void
draw_highlighted_dots (Scatter *s)
{
  g_autoptr(GArray) dots = NULL;

  if (s->data->in_colour == NULL)
    return;
  dots = collect_dots (s, TRUE);
  for (guint i = 0; i < dots->len; i++)
    draw_dot (s, &g_array_index (dots, Dot, i));
  /* Names for a few of them; hundreds would bury the chart. */
  for (guint i = 0; s->r->show_values && dots->len <= MC_SCATTER_LABEL_ALL && i < dots->len; i++)
    draw_point_name (s, &g_array_index (dots, Dot, i));
}

/* Squares of the plot shaded by how many points fall in them, coloured
 * by the series most of them belong to (grey under a highlight of
 * points, which are drawn over them). */
static void
draw_density (Scatter *s)
{
  McRender *r = s->r;
  double side = MAX (2 * s->dot, 3 * r->unit);
  guint cols = MAX (1, (guint) ceil (s->plot.width / side));
  guint rows = MAX (1, (guint) ceil (s->plot.height / side));
  g_autofree guint *counts = count_cells (s, side, cols, rows);
  guint max_count = 1;

  for (gsize i = 0; i < (gsize) cols * rows; i++)
    max_count = MAX (max_count, cell_at (s, counts, i).count);
  for (guint row = 0; row < rows; row++)
    for (guint col = 0; col < cols; col++)
      {
        Cell cell = cell_at (s, counts, (gsize) row * cols + col);

        if (cell.count > 0)
          draw_cell (s, &cell, s->plot.x + col * side, s->plot.y + row * side,
                     MIN (side, s->plot.width - col * side), max_count);
      }
  draw_highlighted_dots (s);
}

/* Whether the dots would cover too much of @plot to be told apart. */
static gboolean
too_dense (Scatter      *s,
           const McRect *plot)
{
  double cover = count_points (s) * G_PI * s->dot * s->dot;

  return s->data->size == NULL && cover > MC_SCATTER_MAX_COVER * plot->width * plot->height;
}

/* The key of sizes */

/* The largest of 1, 2 and 5 × 10^n at most @value. */
static double
nice_below (double value)
{
  double magnitude = pow (10, floor (log10 (value)));

  if (5 * magnitude <= value * (1 + 1e-9))
    return 5 * magnitude;
  return 2 * magnitude <= value * (1 + 1e-9) ? 2 * magnitude : magnitude;
}

/* "Population ○ 1 bn ○ 200 m ○ 50 m": circles of round sizes, outlined,
 * in a row at the top of @area. Returns the height used. */
static double
draw_size_key (Scatter      *s,
               const McRect *area)
{
  McRender *r = s->r;
  g_autoptr(PangoLayout) title = NULL;
  double values[3], x = area->x, w, h, height;
  McColor color = *mc_theme_get_text_secondary (r->theme);

  if (s->data->size == NULL || !(s->data->size_max > 0))
    return 0;
  values[0] = nice_below (s->data->size_max);
  values[1] = nice_below (values[0] / 4);
  values[2] = nice_below (values[0] / 16);
  height = 2 * radius_for (s, values[0]);
  title = mc_render_layout (r, mc_column_get_label (s->data->size), MC_FONT_BODY,
                            area->width / 3, 1);
  mc_render_layout_size (title, &w, &h);
  height = MAX (height, h);
  mc_render_show (r, title, x, area->y + (height - h) / 2, 0, MC_TEXT_LEGEND, &color);
  x += w + 2 * r->unit;
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      double radius = radius_for (s, values[i]);
      g_autofree char *text = mc_format_value (s->data->size, values[i],
                                               mc_format_value_decimals (values[i], 3));
      g_autoptr(PangoLayout) layout = mc_render_layout (r, text, MC_FONT_BODY, -1, 0);
      double tw, th;

      mc_render_layout_size (layout, &tw, &th);
      if (radius < 2 * r->line || x + 2 * radius + r->unit + tw > area->x + area->width)
        break;
      mc_render_set_color (r, &color);
      cairo_set_line_width (r->cr, r->line);
      cairo_new_path (r->cr);
      cairo_arc (r->cr, x + radius, area->y + height / 2, radius, 0, 2 * G_PI);
      cairo_stroke (r->cr);
      x += 2 * radius + r->unit;
      mc_render_show (r, layout, x, area->y + (height - th) / 2, 0, MC_TEXT_LEGEND, &color);
      x += tw + 4 * r->unit;
    }
  return height;
}

/* Drawing */

static double
place_legends (Scatter *s,
               McRect  *area)
{
  McRender *r = s->r;
  double used;

  mc_render_legend_above (r, area);
  used = draw_size_key (s, area);
  if (used > 0)
    {
      area->y += used + 3 * r->unit;
      area->height -= used + 3 * r->unit;
    }
  return used;
}

static void
scatter_setup (Scatter       *s,
               McRender      *r,
               gconstpointer  prepared)
{
  guint n = mc_chart_model_get_n_series (r->chart);

  s->r = r;
  s->chart = r->chart;
  s->data = prepared;
  s->visible = g_new (guint, n + 1);
  for (guint i = 0; i < n; i++)
    if (mc_render_series_visible (r, i))
      s->visible[s->n_visible++] = i;
  s->dot = MAX (2.5, r->body * 0.3);
  s->max_radius = MAX (4 * s->dot, MC_BUBBLE_SHARE * MIN (r->body_area.width,
                                                            r->body_area.height));
  s->log_x = mc_chart_spec_get_boolean (s->chart->spec, "log_x");
  s->log_y = mc_chart_spec_get_boolean (s->chart->spec, "log");
}

/* A note at the right of the axis title's row, where it is free. */
static void
draw_note (Scatter    *s,
           const char *text,
           double      y)
{
  McRender *r = s->r;
  g_autoptr(PangoLayout) layout = mc_render_layout (r, text, MC_FONT_SMALL, -1, 0);
  McTextBox box;
  double w, h;

  mc_render_layout_size (layout, &w, &h);
  box = mc_render_box_for (layout, r->body_area.x + r->body_area.width - w, y, 0);
  if (box.x >= r->body_area.x && mc_render_box_is_clear (r, &box, r->unit))
    mc_render_show (r, layout, box.x, box.y, 0, MC_TEXT_NOTE,
                    mc_theme_get_text_secondary (r->theme));
}

static void
render_plot (Scatter *s,
             McRect  *area)
{
  McRender *r = s->r;
  g_autoptr(PangoLayout) y_title = y_title_layout (s);
  g_autoptr(PangoLayout) x_title = title_layout (s, mc_render_column_title (s->chart->x_column),
                                                 s->log_x);
  double w, h, tick_h, gap = 2 * r->unit;
  double title_y = area->y;
  gboolean dense = too_dense (s, area);

  mc_render_axis_title_above (r, y_title, area);
  if (dense)
    draw_note (s, _("Too many points to show one by one: darker squares hold more"), title_y);
  mc_render_text_width (r, "0", MC_FONT_BODY, &tick_h);
  mc_render_layout_size (x_title, &w, &h);
  layout_plot (s, area, 2 * gap + tick_h + r->unit + h);
  draw_axes (s);
  draw_x_title (s, x_title, s->plot.y + s->plot.height + 2 * gap + tick_h + r->unit);
  cairo_save (r->cr);
  cairo_rectangle (r->cr, s->plot.x, s->plot.y, s->plot.width, s->plot.height);
  cairo_clip (r->cr);
  if (too_dense (s, &s->plot))
    draw_density (s);
  else
    draw_dots (s);
  cairo_restore (r->cr);
}

static void
scatter_draw (McRender      *r,
              gconstpointer  prepared,
              McMarks       *out)
{
  Scatter s = { 0 };
  McRect area = r->body_area;

  scatter_setup (&s, r, prepared);
  place_legends (&s, &area);
  if (s.n_visible == 0 || count_points (&s) == 0
      || area.height < 6 * r->body || area.width < 8 * r->body)
    mc_render_empty (r, &area, s.n_visible > 0 && count_points (&s) > 0);
  else
    render_plot (&s, &area);
  g_free (s.visible);
}

/* Describing */

/* Pearson's correlation of x and y over every point. */
static double
correlation (McChartModel *chart)
{
  double n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;

  for (guint s = 0; s < mc_chart_model_get_n_series (chart); s++)
    {
      McSeries *series = mc_chart_model_get_series (chart, s);

      for (guint i = 0; i < mc_series_get_n_points (series); i++)
        {
          double x = mc_series_get_x (series, i), y = mc_series_get_y (series, i);

          if (isnan (x) || isnan (y))
            continue;
          n++, sx += x, sy += y, sxx += x * x, syy += y * y, sxy += x * y;
        }
    }
  if (n < 3 || n * sxx - sx * sx <= 0 || n * syy - sy * sy <= 0)
    return NAN;
  return (n * sxy - sx * sy) / sqrt ((n * sxx - sx * sx) * (n * syy - sy * sy));
}

static const char *
correlation_words (double r)
{
  if (isnan (r) || fabs (r) < 0.2)
    return _("no clear relation between them");
  if (r > 0)
    return fabs (r) >= 0.6 ? _("the higher one, the higher the other, closely")
                           : _("the higher one, the higher the other, loosely");
  return fabs (r) >= 0.6 ? _("the higher one, the lower the other, closely")
                         : _("the higher one, the lower the other, loosely");
}

static char *
scatter_describe (McChartModel  *chart,
                  gconstpointer  prepared,
                  McMarks       *marks)
{
  const ScatterData *data = prepared;
  McSeries *first = mc_chart_model_get_series (chart, 0);
  GString *out = mc_describe_begin (chart, data->size != NULL ? _("Bubble chart")
                                                              : _("Scatter chart"));
  guint n = 0;

  for (guint s = 0; s < mc_chart_model_get_n_series (chart); s++)
    n += mc_series_get_n_points (mc_chart_model_get_series (chart, s));
  /* Translators: in a chart summary: ", 63 points, Life expectancy
   * against GDP per capita: the higher one, the higher the other" */
  g_string_append_printf (out, ngettext (", %u point, %s against %s: %s",
                                         ", %u points, %s against %s: %s", n),
                          n, mc_column_get_label (first->column),
                          mc_column_get_label (chart->x_column),
                          correlation_words (correlation (chart)));
  if (data->size != NULL)
    /* Translators: in a chart summary: "; the areas of the bubbles show
     * Population" */
    g_string_append_printf (out, _("; the areas of the bubbles show %s"),
                            mc_column_get_label (data->size));
  if (mc_chart_model_get_n_series (chart) > 1)
    /* Translators: in a chart summary: "; 4 colours: Asia, Europe, …" */
    g_string_append_printf (out, ngettext ("; %u colour", "; %u colours",
                                           mc_chart_model_get_n_series (chart)),
                            mc_chart_model_get_n_series (chart));
  return g_string_free (out, FALSE);
}

/* Checking */

static gboolean
scatter_check (const McChartSpec  *spec,
               McDataset          *dataset,
               McSpecProblem      *problem,
               GError            **error)
{
  guint n_y = mc_chart_spec_get_strv_length (spec, "y");
  const char *size = mc_chart_spec_get_string (spec, "size");
  const char *label = mc_chart_spec_get_string (spec, "label");
  McColumn *label_column = label != NULL ? mc_dataset_lookup_column (dataset, label) : NULL;

  if (n_y != 1)
    {
      *problem = (McSpecProblem) { "y", -1, MC_SPEC_FAULT_VALUE };
      g_set_error (error, MC_CHART_ERROR, MC_CHART_ERROR_INVALID,
                   _("a scatter chart plots one “y” column against “x”; found %u"), n_y);
      return FALSE;
    }
  if (label_column != NULL && mc_column_get_column_type (label_column) != MC_COLUMN_STRING)
    {
      *problem = (McSpecProblem) { "label", -1, MC_SPEC_FAULT_VALUE };
      g_set_error_literal (error, MC_CHART_ERROR, MC_CHART_ERROR_COLUMN,
                           _("the “label” column names the points: it must hold text"));
      return FALSE;
    }
  if (mc_chart_spec_get_boolean (spec, "log_x")
      && !mc_chart_spec_check_positive (spec, dataset, mc_chart_spec_get_string (spec, "x"), FALSE,
                                        "log_x",
                                        _("a logarithmic axis shows only values above zero"),
                                        problem, error))
    return FALSE;
  return size == NULL
         || mc_chart_spec_check_positive (spec, dataset, size, TRUE, "size",
                                          _("the area of a bubble shows a size, which is zero "
                                            "or more"), problem, error);
}

static const McOptionInfo scatter_option_x = {
  "x", MC_OPTION_COLUMN, MC_OPTION_REQUIRED | MC_OPTION_NUMERIC,
  N_("the column of numbers on the horizontal axis"), NULL, NULL,
  N_("a scatter chart needs “x”, the column of numbers on its horizontal axis"),
  N_("Horizontal Axis")
};

static const McOptionInfo scatter_option_size = {
  "size", MC_OPTION_COLUMN, MC_OPTION_NUMERIC,
  N_("a column of sizes: bubbles whose areas show its values"), NULL, NULL, NULL, N_("Bubble Sizes")
};

static const McOptionInfo scatter_option_label = {
  "label", MC_OPTION_COLUMN, 0, N_("a column of text that names each point"),
  NULL, NULL, NULL, N_("Point Names")
};

static const McOptionInfo scatter_option_labels = {
  "labels", MC_OPTION_TEXTS, 0,
  N_("the points to name on the chart, by their “label”; without it, all of a few points"),
  NULL, NULL, NULL, N_("Points Named"), NULL, NULL,
  "label"
};

static const McOptionInfo scatter_option_series = {
  "series", MC_OPTION_COLUMN, 0, N_("a column whose values colour the points, with a legend"),
  NULL, NULL, NULL, N_("Colours From Column")
};

static const McOptionInfo scatter_option_log_x = {
  "log_x", MC_OPTION_BOOLEAN, 0, N_("a logarithmic horizontal axis"), NULL, NULL, NULL,
  N_("Logarithmic Horizontal Axis")
};

static const McOptionInfo * const scatter_options[] = {
  &scatter_option_x,
  &mc_chart_option_y,
  &scatter_option_size,
  &scatter_option_label,
  &scatter_option_labels,
  &scatter_option_series,
  &mc_chart_option_log,
  &scatter_option_log_x,
  &mc_chart_option_filter,
  &mc_chart_option_filter_values,
  &mc_chart_option_legend,
  NULL
};

const McChartKind mc_chart_kind_scatter = {
  .id = "scatter",
  .name = N_("a scatter chart"),
  .plural = N_("scatter charts"),
  .label = N_("Scatter Chart"),
  .caps = MC_CHART_CAPS_HIDE_SERIES,
  .options = scatter_options,
  .check = scatter_check,
  .prepare = scatter_prepare,
  .free_prepared = scatter_data_free,
  .draw = scatter_draw,
  .describe = scatter_describe,
};
