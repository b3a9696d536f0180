/* mc-axes.c: value axes, category labels and the zoom window; how x
 * positions and values map to pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mc-format.h"
#include "mc-render-private.h"
#include "mc-scale.h"

#define MC_LABEL_ANGLE (-G_PI / 4)

/* Mapping */

double
mc_axes_map_x (const McAxes *axes,
               double        x)
{
  switch (axes->x_kind)
    {
    case MC_X_TIME:
      return mc_time_scale_map (&axes->x_time, x);
    case MC_X_NUMBER:
      return mc_linear_scale_map (&axes->x_linear, x);
    case MC_X_CATEGORY:
    default:
      return axes->plot.x + (x + 0.5) * axes->x_band;
    }
}

double
mc_axes_map_value (const McAxes *axes,
                   guint         axis,
                   double        value)
{
  return mc_linear_scale_map (&axes->y[axis], value);
}

void
mc_render_panel_domain (McRender *r,
                        double   *lo,
                        double   *hi,
                        gboolean *zero)
{
  McPanel *panel = r->panel;

  if (panel == NULL || !panel->shared || isnan (*lo) || isnan (*hi))
    return;
  if (panel->measuring)
    {
      panel->lo = panel->has_domain ? MIN (panel->lo, *lo) : *lo;
      panel->hi = panel->has_domain ? MAX (panel->hi, *hi) : *hi;
      panel->zero = panel->zero || *zero;
      panel->has_domain = TRUE;
      return;
    }
  if (!panel->has_domain)
    return;
  *lo = MIN (*lo, panel->lo);
  *hi = MAX (*hi, panel->hi);
  *zero = *zero || panel->zero;
}

/**
 * mc_render_value_scale:
 * @headroom: pixels wanted above the highest value (and below the lowest
 *   negative one) for value labels; 0 for none
 *
 * A value scale for data in [@lo, @hi] over @length pixels. Room for
 * labels is added only when it costs little, and never above a maximum
 * the chart's spec sets: a scale stretched much
 * further (a small plot rounding 21 up to 40) would flatten the data more
 * than a missing label hurts.
 */
void
mc_render_value_scale (McRender      *r,
                       McLinearScale *scale,
                       double         lo,
                       double         hi,
                       gboolean       include_zero,
                       double         length,
                       double         headroom)
{
  McLinearScale plain, stretched;
  /* Short axes (small multiples) keep three intervals or so, rather
   * than two so wide that half the axis is empty. */
  double spacing = MIN (6 * r->body, MAX (length / 3, 2.5 * r->body));
  double span, share, room_lo, room_hi;

  mc_render_panel_domain (r, &lo, &hi, &include_zero);
  room_lo = lo;
  room_hi = hi;
  mc_render_init_value_scale (r, &plain, lo, hi, include_zero, length, spacing);
  *scale = plain;
  /* A maximum the spec sets is where the axis ends. */
  if (headroom <= 0 || isnan (lo) || isnan (hi) || length <= 3 * headroom
      || mc_chart_spec_has_option (r->chart->spec, "max"))
    return;

  span = (include_zero ? MAX (hi, 0) - MIN (lo, 0) : hi - lo);
  share = headroom / (length - headroom * ((hi > 0) + (lo < 0)));
  if (hi > 0)
    room_hi += span * share;
  if (lo < 0 && include_zero)
    room_lo -= span * share;
  mc_linear_scale_init (&stretched, room_lo, room_hi, include_zero, length, spacing);
  if (stretched.max - stretched.min <= 1.3 * (plain.max - plain.min))
    *scale = stretched;
}

/**
 * mc_render_log_scale:
 *
 * A logarithmic value scale for positive data in [@lo, @hi] over
 * @length pixels.
 */
void
mc_render_log_scale (McRender      *r,
                     McLinearScale *scale,
                     double         lo,
                     double         hi,
                     double         length)
{
  gboolean zero = FALSE;

  mc_render_panel_domain (r, &lo, &hi, &zero);
  mc_linear_scale_init_log (scale, lo, hi, length, 6 * r->body);
}

/* "Share price (HKD), log scale": a logarithmic axis says so, since
 * equal steps on it are equal ratios, not equal amounts. */
char *
mc_render_log_title (const char *title)
{
  /* Translators: an axis title on a logarithmic axis, as in "Share price
   * (HKD), log scale" */
  return g_strdup_printf (_("%s, log scale"), title);
}

/**
 * mc_render_value_limits:
 * @lo: (inout): the lowest value the axis shows, from the data
 * @hi: (inout): the highest
 *
 * Puts the limits the chart's spec sets for its value axis ("min",
 * "max") in place of the data's.
 *
 * Returns: whether the spec sets a limit
 */
gboolean
mc_render_value_limits (McRender *r,
                        double   *lo,
                        double   *hi)
{
  double min = mc_chart_spec_get_number (r->chart->spec, "min");
  double max = mc_chart_spec_get_number (r->chart->spec, "max");

  if (!isnan (min))
    *lo = min;
  if (!isnan (max))
    *hi = max;
  /* A minimum above all the data still makes an axis, empty. */
  if (!isnan (*lo) && !(*hi > *lo))
    *hi = *lo + MAX (1, fabs (*lo) * 0.1);
  return !isnan (min) || !isnan (max);
}

/* An axis from @lo to @hi exactly, when some 1-2-5 × 10^n step divides
 * it into intervals about @spacing pixels long: limits a person sets are
 * where the axis ends, if ticks can end there. */
static gboolean
exact_scale (McLinearScale *scale,
             double         lo,
             double         hi,
             double         length,
             double         spacing)
{
  guint best = 0;
  double best_miss = G_MAXDOUBLE;

  for (guint n = 2; n <= 12; n++)
    {
      double step = (hi - lo) / n;
      double miss = fabs (length / n - spacing);

      if (fabs (mc_nice_step (step * (1 - 1e-9)) - step) > 1e-9 * step
          || fabs (lo / step - round (lo / step)) > 1e-6 || miss >= best_miss)
        continue;
      best = n;
      best_miss = miss;
    }
  if (best == 0)
    return FALSE;
  *scale = (McLinearScale) { 0 };
  scale->min = lo;
  scale->max = hi;
  scale->n_intervals = best;
  scale->step = (hi - lo) / best;
  mc_linear_scale_set_range (scale, 0, 1);
  return TRUE;
}

/**
 * mc_render_init_value_scale:
 *
 * mc_linear_scale_init() for a value axis: when the chart's spec sets
 * its limits, and both ends are known (a limit, or zero where the axis
 * keeps it), the axis ends exactly there if ticks can.
 */
void
mc_render_init_value_scale (McRender      *r,
                            McLinearScale *scale,
                            double         lo,
                            double         hi,
                            gboolean       include_zero,
                            double         length,
                            double         spacing)
{
  const McChartSpec *spec = r->chart->spec;
  gboolean has_min = mc_chart_spec_has_option (spec, "min");
  gboolean has_max = mc_chart_spec_has_option (spec, "max");

  if (include_zero && !isnan (lo))
    {
      lo = MIN (lo, 0);
      hi = MAX (hi, 0);
    }
  if ((has_min || has_max) && (has_min || lo == 0) && (has_max || hi == 0) && hi > lo
      && exact_scale (scale, lo, hi, length, spacing))
    return;
  mc_linear_scale_init (scale, lo, hi, include_zero, length, spacing);
}

/* Marks beyond limits the spec sets end at the top and bottom of the
 * plot, give or take @margin: room for the markers of points right on a
 * limit. */
void
mc_render_clip_plot (McRender     *r,
                     const McRect *plot,
                     double        margin)
{
  cairo_rectangle (r->cr, 0, plot->y - margin, r->width, plot->height + 2 * margin);
  cairo_clip (r->cr);
}

/* Value axes */

/* A scale named in full, for an axis whose numbers have no unit: "m"
 * alone could be metres. */
static const char *
scale_name (McScale scale)
{
  switch (scale)
    {
    /* Translators: an axis unit, as in "Users (thousands)" */
    case MC_SCALE_THOUSAND: return C_("axis scale", "thousands");
    /* Translators: an axis unit, as in "Users (millions)" */
    case MC_SCALE_MILLION: return C_("axis scale", "millions");
    /* Translators: an axis unit, as in "Users (billions)" */
    case MC_SCALE_BILLION: return C_("axis scale", "billions");
    /* Translators: an axis unit, as in "Users (trillions)" */
    case MC_SCALE_TRILLION: return C_("axis scale", "trillions");
    case MC_SCALE_NONE:
    default:
      return NULL;
    }
}

static char *
axis_unit (const McColumn *column)
{
  char *unit = mc_format_unit (column);
  McScale scale = mc_column_get_scale (column);

  /* Only where the unit is the bare suffix: languages that count in
   * ten thousands name their own units. */
  if (mc_column_get_unit (column) == NULL && scale_name (scale) != NULL
      && g_strcmp0 (unit, mc_format_scale_suffix (scale)) == 0)
    {
      g_free (unit);
      unit = g_strdup (scale_name (scale));
    }
  return unit;
}

static char *
measure_with_unit (const char     *measure,
                   const McColumn *column)
{
  g_autofree char *unit = axis_unit (column);

  if (unit == NULL)
    return g_strdup (measure);
  /* Translators: an axis title: the measure and its unit, as in
   * "Revenue (USD bn)" */
  return g_strdup_printf (_("%s (%s)"), measure, unit);
}

/* "GDP per capita (USD)": the title of an axis of one column. */
char *
mc_render_column_title (const McColumn *column)
{
  return measure_with_unit (mc_column_get_label (column), column);
}

/**
 * mc_render_axis_title_above:
 *
 * Shows @layout, an axis title, at the top left of @area, which then
 * starts under it.
 */
void
mc_render_axis_title_above (McRender    *r,
                            PangoLayout *layout,
                            McRect      *area)
{
  double w, h;

  mc_render_layout_size (layout, &w, &h);
  mc_render_show (r, layout, area->x, area->y, 0, MC_TEXT_AXIS_TITLE,
                  mc_theme_get_text_secondary (r->theme));
  area->y += h + 2 * r->unit;
  area->height -= h + 2 * r->unit;
}

/* Whether all @series show the values of one column (a long table split
 * by its series column), or all have the same unit. */
static gboolean
series_share_column (McSeries * const *series,
                     guint             n_series)
{
  for (guint i = 1; i < n_series; i++)
    if (series[i]->column != series[0]->column)
      return FALSE;
  return TRUE;
}

static char *
series_common_unit (McSeries * const *series,
                    guint             n_series)
{
  g_autofree char *unit = axis_unit (series[0]->column);

  for (guint i = 1; i < n_series && unit != NULL; i++)
    {
      g_autofree char *other = axis_unit (series[i]->column);

      if (g_strcmp0 (unit, other) != 0)
        g_clear_pointer (&unit, g_free);
    }
  return g_steal_pointer (&unit);
}

static char *
measures_title (McSeries * const *series,
                guint             n_series)
{
  g_autofree char *unit = NULL;
  GString *text;

  if (n_series == 1)
    return measure_with_unit (series[0]->name, series[0]->column);
  if (series_share_column (series, n_series))
    return measure_with_unit (mc_column_get_label (series[0]->column), series[0]->column);
  unit = series_common_unit (series, n_series);
  if (unit != NULL)
    return g_steal_pointer (&unit);

  text = g_string_new (NULL);
  for (guint i = 0; i < n_series; i++)
    {
      g_autofree char *measure = NULL;
      gboolean repeated = FALSE;

      for (guint j = 0; j < i && !repeated; j++)
        repeated = series[j]->column == series[i]->column;
      if (repeated)
        continue;
      measure = measure_with_unit (mc_column_get_label (series[i]->column), series[i]->column);
      if (text->len > 0)
        /* Translators: separates the measures named in an axis title,
         * as in "Revenue (USD m), Customers" */
        g_string_append (text, _(", "));
      g_string_append (text, measure);
    }
  return g_string_free (text, FALSE);
}

/**
 * mc_render_axis_title:
 * @series: the visible series the axis measures
 *
 * What the numbers of a value axis are, so that none is read in the
 * wrong unit: for one series its name and unit, "Revenue (USD bn)", or
 * the name alone; for the series of one column (one line per ticker of
 * a long table) the column's label and unit, "close"; for columns in one
 * unit the unit, "USD bn", since the legend names the series; for columns
 * in different units or none, each label with its unit, "Revenue (USD m),
 * Customers".
 *
 * Rates the chart computed (growth) say so: "Revenue growth (%),
 * computed".
 *
 * Returns: (nullable): the title
 */
char *
mc_render_axis_title (McRender         *r,
                      McSeries * const *series,
                      guint             n_series)
{
  g_autofree char *title = NULL;

  /* Small multiples name their measure once, above their panels. */
  if (n_series == 0 || r->panel != NULL)
    return NULL;
  title = measures_title (series, n_series);
  if (!series[0]->computed)
    return g_steal_pointer (&title);
  /* Translators: the axis title of rates the chart computed from the
   * data, as in "Revenue growth (%), computed" */
  return g_strdup_printf (_("%s, computed"), title);
}

void
mc_render_value_grid (McRender            *r,
                      const McLinearScale *scale,
                      const McRect        *plot,
                      gboolean             horizontal,
                      gboolean             zero_is_baseline)
{
  cairo_t *cr = r->cr;
  guint n = mc_linear_scale_get_n_ticks (scale);

  cairo_save (cr);
  cairo_set_line_width (cr, r->line);
  for (guint i = 0; i < n; i++)
    {
      double tick = mc_linear_scale_get_tick (scale, i);
      double p = mc_render_snap (r, mc_linear_scale_map (scale, tick), r->line);
      gboolean zero = tick == 0 && zero_is_baseline;

      mc_render_set_color (r, zero ? mc_theme_get_axis (r->theme) : mc_theme_get_grid (r->theme));
      if (horizontal)
        {
          cairo_move_to (cr, plot->x, p);
          cairo_line_to (cr, plot->x + plot->width, p);
        }
      else
        {
          cairo_move_to (cr, p, plot->y);
          cairo_line_to (cr, p, plot->y + plot->height);
        }
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

double
mc_render_value_ticks_width (McRender            *r,
                             const McLinearScale *scale,
                             const McSeries      *series)
{
  double max = 0;

  for (guint i = 0; i < mc_linear_scale_get_n_ticks (scale); i++)
    {
      g_autofree char *text = mc_format_tick (series->column, mc_linear_scale_get_tick (scale, i),
                                              mc_linear_scale_get_tick_step (scale, i));
      g_autoptr(PangoLayout) layout = mc_render_layout (r, text, MC_FONT_BODY, -1, 0);
      double w, h;

      mc_render_layout_size (layout, &w, &h);
      max = MAX (max, w);
    }
  return max;
}

/* Tick labels beside a vertical value axis, centred on their ticks. A
 * label that would touch another text is left out. */
void
mc_render_value_ticks (McRender            *r,
                       const McLinearScale *scale,
                       const McSeries      *series,
                       const McRect        *plot,
                       gboolean             right,
                       const McColor       *color)
{
  double gap = 2 * r->unit;

  /* Panels of one scale: only those at the left say its values. */
  if (r->panel != NULL && r->panel->hide_y_labels && !right)
    return;
  for (guint i = 0; i < mc_linear_scale_get_n_ticks (scale); i++)
    {
      double tick = mc_linear_scale_get_tick (scale, i);
      g_autofree char *text = mc_format_tick (series->column, tick,
                                              mc_linear_scale_get_tick_step (scale, i));
      g_autoptr(PangoLayout) layout = mc_render_layout (r, text, MC_FONT_BODY, -1, 0);
      double w, h, x, y;
      McTextBox box;

      mc_render_layout_size (layout, &w, &h);
      x = right ? plot->x + plot->width + gap : plot->x - gap - w;
      y = mc_linear_scale_map (scale, tick) - h / 2;
      box = mc_render_box_for (layout, x, y, 0);
      if (mc_render_box_is_free (r, &box))
        mc_render_show (r, layout, x, y, 0, MC_TEXT_TICK_LABEL, color);
    }
}

/* Ticks below a horizontal axis */

/**
 * mc_render_time_scale:
 *
 * A time axis over [@lo, @hi] along @plot, its ticks far enough apart
 * for their labels: from the width of a typical label, widened until no
 * two labels touch.
 */
void
mc_render_time_scale (McRender        *r,
                      McTimeScale     *scale,
                      double           lo,
                      double           hi,
                      McDatePrecision  precision,
                      const McRect    *plot)
{
  double spacing = mc_render_text_width (r, "Sep 2024", MC_FONT_BODY, NULL) + 3 * r->unit;

  for (guint attempt = 0; attempt < 8; attempt++, spacing *= 1.4)
    {
      gboolean overlap = FALSE;
      double previous_right = -G_MAXDOUBLE;

      mc_time_scale_init (scale, lo, hi, precision, plot->width, spacing);
      mc_time_scale_set_range (scale, plot->x, plot->x + plot->width);
      for (guint i = 0; i < scale->n_ticks && !overlap; i++)
        {
          g_autofree char *label = mc_time_scale_get_label (scale, i);
          double w = mc_render_text_width (r, label, MC_FONT_BODY, NULL);
          double cx = mc_time_scale_map (scale, scale->ticks[i]);

          overlap = cx - w / 2 < previous_right + 2 * r->unit;
          previous_right = cx + w / 2;
        }
      if (!overlap)
        return;
    }
}

/* The ticks of a time axis under the plot. */
void
mc_render_x_time_ticks (McRender          *r,
                        const McTimeScale *scale,
                        const McRect      *plot)
{
  for (guint i = 0; i < scale->n_ticks; i++)
    {
      g_autofree char *label = mc_time_scale_get_label (scale, i);

      mc_render_x_tick (r, plot, mc_time_scale_map (scale, scale->ticks[i]), label);
    }
}

/**
 * mc_render_x_tick:
 *
 * A tick under the plot at @x and its label centred on it, left out
 * where it would touch another text.
 */
void
mc_render_x_tick (McRender     *r,
                  const McRect *plot,
                  double        x,
                  const char   *text)
{
  g_autoptr(PangoLayout) layout = mc_render_layout (r, text, MC_FONT_BODY, -1, 0);
  double p = mc_render_snap (r, x, r->line), bottom = plot->y + plot->height;
  McTextBox box;
  double w, h;

  /* Panels over one another: only the lowest labels the axis. */
  if (r->panel != NULL && r->panel->hide_x_labels)
    return;
  mc_render_set_color (r, mc_theme_get_axis (r->theme));
  cairo_set_line_width (r->cr, r->line);
  cairo_move_to (r->cr, p, bottom);
  cairo_line_to (r->cr, p, bottom + r->unit);
  cairo_stroke (r->cr);
  mc_render_layout_size (layout, &w, &h);
  /* The first and last labels, centred on ticks near the plot's ends,
   * may reach past them: they stay inside the outer padding. */
  box = mc_render_box_for (layout, mc_render_text_x_in_padding (r, x - w / 2, w),
                           bottom + 2 * r->unit, 0);
  if (mc_render_box_is_free (r, &box))
    mc_render_show (r, layout, box.x, box.y, 0, MC_TEXT_TICK_LABEL,
                    mc_theme_get_text_secondary (r->theme));
}

/* The ticks of a number axis under the plot, labelled as values of
 * @column. */
void
mc_render_x_value_ticks (McRender            *r,
                         const McLinearScale *scale,
                         const McColumn      *column,
                         const McRect        *plot)
{
  for (guint i = 0; i < mc_linear_scale_get_n_ticks (scale); i++)
    {
      double tick = mc_linear_scale_get_tick (scale, i);
      g_autofree char *label = mc_format_tick (column, tick,
                                               mc_linear_scale_get_tick_step (scale, i));

      if (tick < scale->min || tick > scale->max)
        continue;
      mc_render_x_tick (r, plot, mc_linear_scale_map (scale, tick), label);
    }
}

/* Category labels */

/* The label of the category shown at position @i of @order, when every
 * @every-th one is shown: dates write their year only on the first label
 * and where it changes ("Jan 2020", "Mar", ..., "2021"), as time axes do. */
static char *
category_text (McRender    *r,
               const guint *order,
               guint        i,
               guint        every)
{
  McChartModel *chart = r->chart;
  McDatePrecision precision = mc_column_get_date_precision (chart->x_column);
  double days = mc_chart_model_get_category_days (chart, order[i]);
  int y, m, d, py, pm, pd;

  /* A few dates read best in full. */
  if (isnan (days) || precision == MC_DATE_YEAR
      || (every == 1 && mc_chart_model_get_n_categories (chart) <= 6))
    return g_strdup (mc_chart_model_get_category (chart, order[i]));
  if (i < every || isnan (mc_chart_model_get_category_days (chart, order[i - every])))
    return mc_format_date (days, precision);

  mc_days_to_ymd (days, &y, &m, &d);
  mc_days_to_ymd (mc_chart_model_get_category_days (chart, order[i - every]), &py, &pm, &pd);
  if (precision == MC_DATE_QUARTER)
    return mc_format_quarter (days, y != py);
  if (precision == MC_DATE_MONTH)
    {
      if (y == py)
        /* Translators: a month label after the first on a category axis */
        return mc_format_date_with (days, C_("axis date", "%b"));
      return m == 1 ? mc_format_date_with (days, "%Y") : mc_format_date (days, precision);
    }
  if (y == py)
    /* Translators: a day label after the first on a category axis */
    return mc_format_date_with (days, C_("axis date", "%-d %b"));
  return mc_format_date (days, precision);
}

static PangoLayout *
category_layout (McRender         *r,
                 const guint      *order,
                 guint             i,
                 const McLabelFit *fit)
{
  g_autofree char *text = category_text (r, order, i, fit->every);

  switch (fit->mode)
    {
    case MC_LABELS_WRAPPED:
      {
        PangoLayout *layout = mc_render_layout (r, text, MC_FONT_BODY, fit->max_width, 2);

        pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
        return layout;
      }
    case MC_LABELS_ROTATED:
      return mc_render_layout (r, text, MC_FONT_BODY, fit->max_width, 1);
    case MC_LABELS_FLAT:
    default:
      /* Only when even one label in all the width doesn't fit does a
       * flat label get cut. */
      if (fit->every >= mc_chart_model_get_n_categories (r->chart))
        return mc_render_layout (r, text, MC_FONT_BODY, fit->max_width, 1);
      return mc_render_layout (r, text, MC_FONT_BODY, -1, 0);
    }
}

/* Whether @layout was wrapped only where a line may break (a space, a
 * dash), not inside a word ("FY201" over "8"). */
static gboolean
breaks_between_words (PangoLayout *layout)
{
  const PangoLogAttr *attrs;
  const char *text = pango_layout_get_text (layout);
  int n_attrs;
  GSList *lines = pango_layout_get_lines_readonly (layout);

  attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  for (GSList *l = lines != NULL ? lines->next : NULL; l != NULL; l = l->next)
    {
      const PangoLayoutLine *line = l->data;
      glong offset = g_utf8_pointer_to_offset (text, text + line->start_index);

      if (offset < n_attrs && !attrs[offset].is_line_break)
        return FALSE;
    }
  return TRUE;
}

/* Do the labels shown fit @fit->max_width in @fit->mode, without being
 * cut? */
static gboolean
categories_fit (McRender    *r,
                const guint *order,
                McLabelFit  *fit)
{
  int lines = fit->mode == MC_LABELS_WRAPPED ? 2 : 1;

  fit->height = 0;
  for (guint i = 0; i < mc_chart_model_get_n_categories (r->chart); i += fit->every)
    {
      g_autoptr(PangoLayout) layout = category_layout (r, order, i, fit);
      int line_count = pango_layout_get_line_count (layout);
      double w, h;

      mc_render_layout_size (layout, &w, &h);
      if (w > fit->max_width || pango_layout_is_ellipsized (layout) || line_count > lines
          || !breaks_between_words (layout))
        return FALSE;
      fit->height = MAX (fit->height, h);
    }
  return TRUE;
}

/* Rotated labels: as long as fits @max_height, ellipsized beyond. */
static gboolean
categories_fit_rotated (McRender    *r,
                        const guint *order,
                        double       band,
                        double       max_height,
                        McLabelFit  *fit)
{
  double h = mc_render_line_height (r, MC_FONT_BODY);
  double s = sin (G_PI / 4);
  double longest = 0;

  if (band * s < h + r->unit * 0.5 || max_height < h * 1.5)
    return FALSE;

  fit->mode = MC_LABELS_ROTATED;
  fit->max_width = MAX (h, (max_height - h * s) / s);
  for (guint i = 0; i < mc_chart_model_get_n_categories (r->chart); i += fit->every)
    {
      g_autoptr(PangoLayout) layout = category_layout (r, order, i, fit);
      double w, lh;

      mc_render_layout_size (layout, &w, &lh);
      longest = MAX (longest, w);
    }
  fit->height = longest * s + h * s;
  return TRUE;
}

/* The next step when thinning labels out: months by 2, 3, 4, 6 or 12,
 * years by 2, 5, 10, ... so that the labels shown fall on round dates. */
static guint
next_every (McRender *r,
            guint     every)
{
  static const guint months[] = { 1, 2, 3, 4, 6, 12 };
  static const guint quarters[] = { 1, 2, 4 };
  McChartModel *chart = r->chart;
  McDatePrecision precision = mc_column_get_date_precision (chart->x_column);

  if (isnan (mc_chart_model_get_category_days (chart, 0)) || precision == MC_DATE_DAY)
    return every + 1;
  if (precision == MC_DATE_MONTH)
    {
      for (guint i = 0; i < G_N_ELEMENTS (months); i++)
        if (months[i] > every)
          return months[i];
      return (every / 12 + 1) * 12;
    }
  if (precision == MC_DATE_QUARTER)
    {
      for (guint i = 0; i < G_N_ELEMENTS (quarters); i++)
        if (quarters[i] > every)
          return quarters[i];
      return (every / 4 + 1) * 4;
    }
  return (guint) mc_nice_step (every + 1);
}

/* The fewest categories to a label at which the first label could fit
 * at all, flat, on two lines or turned: at fewer, every try fails on
 * it, so thousands of categories need not be tried thousands of times.
 * Generous: a label on two lines is at least half as wide as on one;
 * this allows a quarter. */
static double
least_every (McRender    *r,
             const guint *order,
             double       band,
             gboolean     allow_rotate)
{
  /* The first label's text whenever labels are thinned (category_text()) */
  g_autofree char *text = category_text (r, order, 0, 2);
  g_autoptr(PangoLayout) layout = mc_render_layout (r, text, MC_FONT_BODY, -1, 0);
  double w, h, least;

  mc_render_layout_size (layout, &w, &h);
  least = (w / 4 + r->unit) / band;
  if (allow_rotate)
    least = MIN (least, (mc_render_line_height (r, MC_FONT_BODY) + r->unit * 0.5)
                        / (band * sin (G_PI / 4)));
  return least;
}

/**
 * mc_render_fit_categories:
 * @order: categories in display order
 * @band: pixels per category
 * @max_height: the most the labels may take below the axis
 *
 * Chooses how category labels fit: flat, wrapped on two lines, rotated by
 * 45° and ellipsized, and only then every other (third, ...) label.
 *
 * Returns: %FALSE if the labels need more than flat or wrapped text at
 *   every category (bars can then turn horizontal); @fit is filled in
 *   either way
 */
gboolean
mc_render_fit_categories (McRender    *r,
                          const guint *order,
                          double       band,
                          double       max_height,
                          gboolean     allow_rotate,
                          McLabelFit  *fit)
{
  guint n = MAX (1, mc_chart_model_get_n_categories (r->chart));
  gboolean dates = !isnan (mc_chart_model_get_category_days (r->chart, 0));
  double least;

  /* Dates are thinned, never turned, as on a time axis. */
  allow_rotate = allow_rotate && !dates;
  least = least_every (r, order, MAX (band, 1e-9), allow_rotate);
  for (guint every = 1; every < n; every = next_every (r, every))
    {
      if (every > 1 && every < least)
        continue;
      fit->every = every;
      fit->max_width = band * every - r->unit;
      fit->mode = MC_LABELS_FLAT;
      if (categories_fit (r, order, fit))
        return every == 1;
      fit->mode = MC_LABELS_WRAPPED;
      if (categories_fit (r, order, fit) && fit->height <= max_height)
        return every == 1;
      if (allow_rotate && categories_fit_rotated (r, order, band * every, max_height, fit))
        return FALSE;
    }

  /* Nothing else fits: the first label alone, cut to the width. */
  fit->every = n;
  fit->mode = MC_LABELS_FLAT;
  fit->max_width = MAX (1, band * n - r->unit);
  fit->height = mc_render_line_height (r, MC_FONT_BODY);
  return n == 1;
}

/* The box of a rotated label whose end sits just right of @cx, with its
 * top at @y. */
static McTextBox
rotated_box (PangoLayout *layout,
             double       cx,
             double       y)
{
  McTextBox box;
  double w, h, x0, y0, x1, y1;
  double c = cos (MC_LABEL_ANGLE), s = sin (MC_LABEL_ANGLE);

  mc_render_layout_size (layout, &w, &h);
  /* Put the middle of the text's end on the tick, then move the whole
   * box down so its highest corner is at @y. */
  box = mc_render_box_for (layout, cx - (c * w - s * h / 2), -(s * w + c * h / 2),
                           MC_LABEL_ANGLE);
  mc_text_box_get_bounds (&box, &x0, &y0, &x1, &y1);
  box.y += y - y0;
  return box;
}

/* How far the labels reach left of the first band. */
double
mc_render_categories_left_overhang (McRender         *r,
                                    const McLabelFit *fit,
                                    const guint      *order,
                                    double            band)
{
  double overhang = 0;

  for (guint i = 0; i < mc_chart_model_get_n_categories (r->chart); i += fit->every)
    {
      g_autoptr(PangoLayout) layout = category_layout (r, order, i, fit);
      double w, h, left;

      mc_render_layout_size (layout, &w, &h);
      if (fit->mode == MC_LABELS_ROTATED)
        left = w * cos (G_PI / 4) + h * sin (G_PI / 4) - (i + 0.5) * band;
      else
        left = MIN (w, fit->max_width) / 2 - (i + 0.5) * band;
      overhang = MAX (overhang, left);
    }
  return overhang;
}

/* Draws the labels, centred under their bands from @first_center on, with
 * their tops at @y. */
void
mc_render_categories (McRender         *r,
                      const McLabelFit *fit,
                      const guint      *order,
                      double            first_center,
                      double            band,
                      double            y)
{
  const McColor *color = mc_theme_get_text_secondary (r->theme);

  if (r->panel != NULL && r->panel->hide_x_labels)
    return;
  for (guint i = 0; i < mc_chart_model_get_n_categories (r->chart); i += fit->every)
    {
      g_autoptr(PangoLayout) layout = category_layout (r, order, i, fit);
      double cx = first_center + i * band;
      McTextBox box;
      double w, h;

      mc_render_layout_size (layout, &w, &h);
      if (fit->mode == MC_LABELS_ROTATED)
        box = rotated_box (layout, cx, y);
      else
        box = mc_render_box_for (layout, mc_render_text_x_in_padding (r, cx - w / 2, w), y, 0);
      if (mc_render_box_is_free (r, &box))
        mc_render_show (r, layout, box.x, box.y, box.angle, MC_TEXT_CATEGORY_LABEL, color);
    }
}

/* The zoom window */

/* A number axis ends on the window, not on the nice ticks around it, or
 * zooming would jump from tick to tick. */
void
mc_render_fit_x_window (McRender      *r,
                        McLinearScale *scale)
{
  double first;

  if (!r->view->has_x_window || !(scale->step > 0))
    return;
  scale->min = r->view->x_window_min;
  scale->max = r->view->x_window_max;
  first = round (scale->min / scale->step) * scale->step;
  scale->n_intervals = (guint) MAX (0, ceil ((scale->max - first) / scale->step));
}

void
mc_render_clip_x_window (McRender     *r,
                         const McRect *plot)
{
  if (!r->view->has_x_window)
    return;
  cairo_rectangle (r->cr, plot->x, 0, plot->width, r->height);
  cairo_clip (r->cr);
}
