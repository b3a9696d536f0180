/* mc-chart-layout.c: the parts every chart shares
 *
 * The frame (title, subtitle, source line), the legend, value axes with
 * their grid, and category labels that wrap, rotate, ellipsize or thin out
 * so that they never overlap.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mc-render-private.h"
#include "mc-format.h"
#include "mc-scale.h"

/* The plot keeps at least this share of the height when the subtitle is
 * shown; below it, small canvases drop the subtitle. */
#define MC_MIN_BODY_SHARE 0.6
#define MC_LABEL_ANGLE (-G_PI / 4)

/* Frame */

static char *
source_text (McDataset *dataset)
{
  const char *name = mc_dataset_get_source_name (dataset);
  const char *date = mc_dataset_get_source_date (dataset);
  g_autofree char *when = NULL;
  double days;
  McDatePrecision precision;

  if (name == NULL || *name == '\0')
    return NULL;
  if (date == NULL || *date == '\0')
    /* Translators: the source line under a chart */
    return g_strdup_printf (_("Source: %s"), name);
  if (mc_format_parse_iso_date (date, &days, &precision))
    when = mc_format_date (days, precision);
  else
    when = g_strdup (date);
  /* Translators: the source line under a chart: source name, date */
  return g_strdup_printf (_("Source: %s, %s"), name, when);
}

static double
frame_footer (McRender *r,
              double    width)
{
  g_autofree char *text = source_text (r->chart->dataset);
  g_autoptr(PangoLayout) layout = NULL;
  double w, h;

  if (text == NULL)
    return r->height - r->pad;
  layout = mc_render_layout (r, text, MC_FONT_SMALL, width, 2);
  mc_render_layout_size (layout, &w, &h);
  mc_render_show (r, layout, r->pad, r->height - r->pad - h, 0, MC_TEXT_SOURCE,
                  mc_theme_get_text_secondary (r->theme));
  return r->height - r->pad - h;
}

void
mc_render_frame (McRender *r)
{
  const McChartSpec *spec = r->chart->spec;
  double width = MAX (1, r->width - 2 * r->pad);
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) subtitle = NULL;
  double w, h, sub_h = 0, top, bottom;

  title = mc_render_layout (r, mc_chart_get_title (r->chart), MC_FONT_TITLE, width, 2);
  mc_render_layout_size (title, &w, &h);
  mc_render_show (r, title, r->pad, r->pad, 0, MC_TEXT_TITLE, mc_theme_get_text (r->theme));
  top = r->pad + h;

  bottom = frame_footer (r, width) - 4 * r->unit;

  if (spec->subtitle && *spec->subtitle)
    {
      subtitle = mc_render_layout (r, spec->subtitle, MC_FONT_BODY, width, 2);
      mc_render_layout_size (subtitle, &w, &sub_h);
      if (bottom - (top + r->unit + sub_h + 4 * r->unit) >= MC_MIN_BODY_SHARE * r->height)
        {
          mc_render_show (r, subtitle, r->pad, top + r->unit, 0, MC_TEXT_SUBTITLE,
                          mc_theme_get_text_secondary (r->theme));
          top += r->unit + sub_h;
        }
    }
  top += 4 * r->unit;

  r->body_area.x = r->pad;
  r->body_area.y = top;
  r->body_area.width = width;
  r->body_area.height = MAX (0, bottom - top);
}

void
mc_render_empty (McRender     *r,
                 const McRect *area,
                 gboolean      has_data)
{
  g_autoptr(PangoLayout) layout = NULL;
  McTextBox box;
  double w, h;

  layout = mc_render_layout (r, has_data ? _("Too small to draw") : _("No data to show"),
                             MC_FONT_BODY, area->width, 1);
  mc_render_layout_size (layout, &w, &h);
  box = mc_render_box_for (layout, area->x + (area->width - w) / 2,
                           area->y + (area->height - h) / 2, 0);
  if (area->height >= h && mc_render_box_is_free (r, &box))
    mc_render_show (r, layout, box.x, box.y, 0, MC_TEXT_NOTE,
                    mc_theme_get_text_secondary (r->theme));
}

/* Colours and marks */

void
mc_render_series_color (McRender    *r,
                        guint        series,
                        guint        category,
                        McColorRole  role,
                        McColor     *color)
{
  guint index = mc_chart_get_category_color (r->chart, category, series);

  mc_theme_get_color (r->theme, index, role, color);
}

void
mc_render_add_mark (McRender     *r,
                    const McMark *mark)
{
  g_array_append_val (r->state->marks, *mark);
}

const char *
mc_render_intern (McRender   *r,
                  const char *text)
{
  return text ? g_string_chunk_insert (r->state->strings, text) : NULL;
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

/**
 * mc_render_value_scale:
 * @headroom: pixels wanted above the highest value (and below the lowest
 *   negative one) for value labels; 0 for none
 *
 * A value scale for data in [@lo, @hi] over @length pixels. Room for
 * labels is added only when it costs little: a scale stretched much
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
  double span, share, room_lo = lo, room_hi = hi;

  mc_linear_scale_init (&plain, lo, hi, include_zero, length, 6 * r->body);
  *scale = plain;
  if (headroom <= 0 || isnan (lo) || isnan (hi) || length <= 3 * headroom)
    return;

  span = (include_zero ? MAX (hi, 0) - MIN (lo, 0) : hi - lo);
  share = headroom / (length - headroom * ((hi > 0) + (lo < 0)));
  if (hi > 0)
    room_hi += span * share;
  if (lo < 0 && include_zero)
    room_lo -= span * share;
  mc_linear_scale_init (&stretched, room_lo, room_hi, include_zero, length, 6 * r->body);
  if (stretched.max - stretched.min <= 1.3 * (plain.max - plain.min))
    *scale = stretched;
}

/* Legend */

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
  McSeries *data = mc_chart_get_series_data (r->chart, series);
  McColor color;

  mc_theme_get_color (r->theme, data->color, MC_COLOR_ROLE_FILL, &color);
  if (mc_render_is_dimmed (r, series, G_MAXUINT) && r->chart->highlight_index < 0)
    mc_render_dim (r, &color);
  mc_render_set_color (r, &color);
  if (data->visible)
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
  double swatch = round (r->body * 0.8);
  double gap = r->unit * 1.5;
  double spacing = r->unit * 5;
  double x = area->x, y = area->y, row_height = 0;

  for (guint i = 0; i < n_series; i++)
    {
      McSeries *data = mc_chart_get_series_data (r->chart, series[i]);
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
      legend_draw_swatch (r, series[i], x, y + (h - swatch) / 2, swatch);
      mc_render_show (r, layout, x + swatch + gap, y, 0, MC_TEXT_LEGEND,
                      data->visible ? mc_theme_get_text (r->theme)
                                    : mc_theme_get_text_secondary (r->theme));
      hit.series = series[i];
      hit.box = (McRect) { x, y, swatch + gap + w, h };
      g_array_append_val (r->state->legend, hit);
      x += swatch + gap + w + spacing;
      row_height = MAX (row_height, h);
    }
  return n_series ? y + row_height - area->y : 0;
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
 * Returns: (nullable): the title
 */
char *
mc_render_axis_title (McRender         *r,
                      McSeries * const *series,
                      guint             n_series)
{
  g_autofree char *unit = NULL;
  GString *text;

  if (n_series == 0)
    return NULL;
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
                                              scale->step);
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

  for (guint i = 0; i < mc_linear_scale_get_n_ticks (scale); i++)
    {
      double tick = mc_linear_scale_get_tick (scale, i);
      g_autofree char *text = mc_format_tick (series->column, tick, scale->step);
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
  McChart *chart = r->chart;
  McDatePrecision precision = mc_column_get_date_precision (chart->x_column);
  double days = mc_chart_get_category_days (chart, order[i]);
  int y, m, d, py, pm, pd;

  /* A few dates read best in full. */
  if (isnan (days) || precision == MC_DATE_YEAR
      || (every == 1 && mc_chart_get_n_categories (chart) <= 6))
    return g_strdup (mc_chart_get_category (chart, order[i]));
  if (i < every || isnan (mc_chart_get_category_days (chart, order[i - every])))
    return mc_format_date (days, precision);

  mc_days_to_ymd (days, &y, &m, &d);
  mc_days_to_ymd (mc_chart_get_category_days (chart, order[i - every]), &py, &pm, &pd);
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
category_layout (McRender          *r,
                 const guint       *order,
                 guint              i,
                 const McLabelFit  *fit)
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
      if (fit->every >= mc_chart_get_n_categories (r->chart))
        return mc_render_layout (r, text, MC_FONT_BODY, fit->max_width, 1);
      return mc_render_layout (r, text, MC_FONT_BODY, -1, 0);
    }
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
  for (guint i = 0; i < mc_chart_get_n_categories (r->chart); i += fit->every)
    {
      g_autoptr(PangoLayout) layout = category_layout (r, order, i, fit);
      double w, h;

      mc_render_layout_size (layout, &w, &h);
      if (w > fit->max_width || pango_layout_is_ellipsized (layout)
          || pango_layout_get_line_count (layout) > lines)
        return FALSE;
      fit->height = MAX (fit->height, h);
    }
  return TRUE;
}

static double
line_height (McRender *r)
{
  g_autoptr(PangoLayout) layout = mc_render_layout (r, "Ag", MC_FONT_BODY, -1, 0);
  double w, h;

  mc_render_layout_size (layout, &w, &h);
  return h;
}

/* Rotated labels: as long as fits @max_height, ellipsized beyond. */
static gboolean
categories_fit_rotated (McRender    *r,
                        const guint *order,
                        double       band,
                        double       max_height,
                        McLabelFit  *fit)
{
  double h = line_height (r);
  double s = sin (G_PI / 4);
  double longest = 0;

  if (band * s < h + r->unit * 0.5 || max_height < h * 1.5)
    return FALSE;

  fit->mode = MC_LABELS_ROTATED;
  fit->max_width = MAX (h, (max_height - h * s) / s);
  for (guint i = 0; i < mc_chart_get_n_categories (r->chart); i += fit->every)
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
  McChart *chart = r->chart;
  McDatePrecision precision = mc_column_get_date_precision (chart->x_column);

  if (isnan (mc_chart_get_category_days (chart, 0)) || precision == MC_DATE_DAY)
    return every + 1;
  if (precision == MC_DATE_MONTH)
    {
      for (guint i = 0; i < G_N_ELEMENTS (months); i++)
        if (months[i] > every)
          return months[i];
      return (every / 12 + 1) * 12;
    }
  return (guint) mc_nice_step (every + 1);
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
  guint n = MAX (1, mc_chart_get_n_categories (r->chart));
  gboolean dates = !isnan (mc_chart_get_category_days (r->chart, 0));

  /* Dates are thinned, never turned, as on a time axis. */
  allow_rotate = allow_rotate && !dates;
  for (guint every = 1; every < n; every = next_every (r, every))
    {
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
  fit->height = line_height (r);
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

  for (guint i = 0; i < mc_chart_get_n_categories (r->chart); i += fit->every)
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

  for (guint i = 0; i < mc_chart_get_n_categories (r->chart); i += fit->every)
    {
      g_autoptr(PangoLayout) layout = category_layout (r, order, i, fit);
      double cx = first_center + i * band;
      McTextBox box;
      double w, h;

      mc_render_layout_size (layout, &w, &h);
      if (fit->mode == MC_LABELS_ROTATED)
        box = rotated_box (layout, cx, y);
      else
        box = mc_render_box_for (layout, CLAMP (cx - w / 2, 0, MAX (0, r->width - w)), y, 0);
      if (mc_render_box_is_free (r, &box))
        mc_render_show (r, layout, box.x, box.y, box.angle, MC_TEXT_CATEGORY_LABEL, color);
    }
}
