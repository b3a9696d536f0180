/* mc-chart.c: lays out and draws one chart of a dataset on any cairo_t
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-chart-model.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mc-render-private.h"
#include "mc-format.h"

/* Body text is 1.6 % of the width at 800 px, clamped; everything else
 * (spacing, lines, ticks) scales with it. */
#define MC_BODY_FRACTION 0.016
#define MC_BODY_MIN 10.0
#define MC_BODY_MAX 40.0
#define MC_DIM_AMOUNT 0.7

G_DEFINE_FINAL_TYPE (McChart, mc_chart, G_TYPE_OBJECT)

static McRenderState *
render_state_new (void)
{
  McRenderState *state = g_new0 (McRenderState, 1);

  state->boxes = g_array_new (FALSE, TRUE, sizeof (McTextBox));
  state->strings = g_string_chunk_new (256);
  state->marks = g_array_new (FALSE, TRUE, sizeof (McMark));
  state->legend = g_array_new (FALSE, TRUE, sizeof (McLegendHit));
  return state;
}

static void
render_state_free (McRenderState *state)
{
  if (state == NULL)
    return;
  g_array_unref (state->boxes);
  g_string_chunk_free (state->strings);
  g_array_unref (state->marks);
  g_array_unref (state->legend);
  g_free (state);
}

static void
mc_chart_finalize (GObject *object)
{
  McChart *self = MC_CHART (object);

  g_clear_object (&self->dataset);
  g_clear_pointer (&self->spec, mc_chart_spec_free);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->category_days, g_array_unref);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->category_colors, g_array_unref);
  if (self->prepared != NULL && self->kind->free_prepared != NULL)
    self->kind->free_prepared (self->prepared);
  g_clear_pointer (&self->state, render_state_free);

  G_OBJECT_CLASS (mc_chart_parent_class)->finalize (object);
}

static void
mc_chart_class_init (McChartClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_chart_finalize;
}

static void
mc_chart_init (McChart *self)
{
  self->highlight_series = -1;
  self->highlight_index = -1;
  self->decimate = TRUE;
}

/**
 * mc_chart_new:
 * @dataset: the data
 * @spec: which columns to draw and how; copied
 * @error: return location for an error in %MC_CHART_ERROR
 *
 * Checks @spec against the columns of @dataset and prepares the series
 * (long tables split by their series column, the growth transform, pie
 * slices with their remainder).
 *
 * Returns: (transfer full): the chart, or %NULL with @error set
 */
McChart *
mc_chart_new (McDataset          *dataset,
              const McChartSpec  *spec,
              GError            **error)
{
  g_autoptr(McChart) self = NULL;

  g_return_val_if_fail (MC_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (MC_TYPE_CHART, NULL);
  self->dataset = g_object_ref (dataset);
  self->spec = mc_chart_spec_copy (spec);
  if (self->spec->id == NULL)
    self->spec->id = g_strdup ("chart");
  self->kind = mc_chart_kind_lookup (self->spec->type);
  if (!mc_chart_data_prepare (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

McDataset *
mc_chart_get_dataset (McChart *chart)
{
  g_return_val_if_fail (MC_IS_CHART (chart), NULL);
  return chart->dataset;
}

const McChartSpec *
mc_chart_get_spec (McChart *chart)
{
  g_return_val_if_fail (MC_IS_CHART (chart), NULL);
  return chart->spec;
}

const char *
mc_chart_get_title (McChart *chart)
{
  g_return_val_if_fail (MC_IS_CHART (chart), NULL);

  if (chart->spec->title && *chart->spec->title)
    return chart->spec->title;
  return mc_dataset_get_title (chart->dataset);
}

const McColumn *
mc_chart_get_x_column (McChart *chart)
{
  g_return_val_if_fail (MC_IS_CHART (chart), NULL);
  return chart->x_column;
}

gboolean
mc_chart_can_hide_series (McChart *chart)
{
  g_return_val_if_fail (MC_IS_CHART (chart), FALSE);
  return (chart->kind->caps & MC_CHART_CAPS_HIDE_SERIES) != 0;
}

/* Series and categories */

McSeries *
mc_chart_get_series_data (McChart *chart,
                          guint    index)
{
  g_return_val_if_fail (index < chart->series->len, NULL);
  return g_ptr_array_index (chart->series, index);
}

guint
mc_chart_get_n_categories (McChart *chart)
{
  return chart->categories ? chart->categories->len : 0;
}

const char *
mc_chart_get_category (McChart *chart,
                       guint    index)
{
  g_return_val_if_fail (chart->categories != NULL && index < chart->categories->len, "");
  return g_ptr_array_index (chart->categories, index);
}

double
mc_chart_get_category_days (McChart *chart,
                            guint    index)
{
  if (chart->category_days == NULL || index >= chart->category_days->len)
    return NAN;
  return g_array_index (chart->category_days, double, index);
}

guint
mc_chart_get_category_color (McChart *chart,
                             guint    category,
                             guint    series)
{
  if (chart->color_by_category && category < chart->category_colors->len)
    return g_array_index (chart->category_colors, guint, category);
  return mc_chart_get_series_data (chart, series)->color;
}

guint
mc_series_get_n_points (const McSeries *series)
{
  return series->y->len;
}

double
mc_series_get_x (const McSeries *series,
                 guint           index)
{
  return g_array_index (series->x, double, index);
}

double
mc_series_get_y (const McSeries *series,
                 guint           index)
{
  return g_array_index (series->y, double, index);
}

gboolean
mc_series_is_estimate (const McSeries *series,
                       guint           index)
{
  return series->estimate != NULL && g_array_index (series->estimate, guint8, index) != 0;
}

char *
mc_series_format_value (const McSeries *series,
                        double          value,
                        gboolean        with_unit)
{
  const char *unit = mc_column_get_unit (series->column);
  int decimals = series->decimals;

  /* Labels need no more than four significant digits: 1753, 15.4,
   * 0.254, whatever the data carries. */
  if (value != 0 && isfinite (value))
    {
      int cap = MAX (0, 3 - (int) floor (log10 (fabs (value))));
      double scale = pow (10, MIN (cap, decimals));

      decimals = mc_format_value_decimals (round (value * scale) / scale, MIN (cap, decimals));
    }
  else
    decimals = 0;

  if (with_unit || g_strcmp0 (unit, "percent") == 0 || g_strcmp0 (unit, "%") == 0)
    return mc_format_value (series->column, value, decimals);
  return mc_format_amount (series->column, value, decimals);
}

char *
mc_chart_format_x (McChart        *chart,
                   const McSeries *series,
                   guint           index)
{
  double x = mc_series_get_x (series, index);

  switch (chart->x_kind)
    {
    case MC_X_CATEGORY:
      return g_strdup (mc_chart_get_category (chart, (guint) x));
    case MC_X_TIME:
      return mc_format_date (x, mc_column_get_date_precision (chart->x_column));
    case MC_X_NUMBER:
    default:
      return mc_format_value (chart->x_column, x, -1);
    }
}

void
mc_chart_set_decimation (McChart  *chart,
                         gboolean  decimate)
{
  g_return_if_fail (MC_IS_CHART (chart));
  chart->decimate = !!decimate;
}

guint
mc_chart_get_n_series (McChart *chart)
{
  g_return_val_if_fail (MC_IS_CHART (chart), 0);
  return chart->series->len;
}

const char *
mc_chart_get_series_name (McChart *chart,
                          guint    series)
{
  g_return_val_if_fail (MC_IS_CHART (chart), NULL);
  g_return_val_if_fail (series < chart->series->len, NULL);
  return mc_chart_get_series_data (chart, series)->name;
}

void
mc_chart_get_series_color (McChart       *chart,
                           guint          series,
                           const McTheme *theme,
                           McColor       *color)
{
  g_return_if_fail (MC_IS_CHART (chart));
  g_return_if_fail (series < chart->series->len);
  g_return_if_fail (theme != NULL && color != NULL);

  mc_theme_get_color (theme, mc_chart_get_series_data (chart, series)->color,
                      MC_COLOR_ROLE_FILL, color);
}

gboolean
mc_chart_get_series_visible (McChart *chart,
                             guint    series)
{
  g_return_val_if_fail (MC_IS_CHART (chart), FALSE);
  g_return_val_if_fail (series < chart->series->len, FALSE);
  return mc_chart_get_series_data (chart, series)->visible;
}

void
mc_chart_set_series_visible (McChart  *chart,
                             guint     series,
                             gboolean  visible)
{
  g_return_if_fail (MC_IS_CHART (chart));
  g_return_if_fail (series < chart->series->len);

  /* A pie is one whole: hiding part of it would change every share. */
  if (!mc_chart_can_hide_series (chart))
    return;
  mc_chart_get_series_data (chart, series)->visible = !!visible;
}

void
mc_chart_set_highlight (McChart *chart,
                        int      series,
                        int      index)
{
  g_return_if_fail (MC_IS_CHART (chart));

  chart->highlight_series = series < 0 ? -1 : series;
  chart->highlight_index = series < 0 || index < 0 ? -1 : index;
}

/* Rendering */

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
              McChart       *chart,
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
  r->show_values = TRUE;
  r->pango = create_pango_context (cr);
  r->state = render_state_new ();
  r->state->width = width;
  r->state->height = height;
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

/**
 * mc_chart_render:
 * @chart: the chart
 * @cr: where to draw
 * @width: width in user units (CSS pixels)
 * @height: height in user units
 * @theme: colours and fonts
 *
 * Draws the whole chart: title, subtitle, axes, marks, labels, legend and
 * source line, laid out for this size. The geometry is kept for
 * mc_chart_hit_test() and mc_chart_get_text_boxes().
 */
void
mc_chart_render (McChart       *chart,
                 cairo_t       *cr,
                 double         width,
                 double         height,
                 const McTheme *theme)
{
  McRender r = { 0 };

  g_return_if_fail (MC_IS_CHART (chart));
  g_return_if_fail (cr != NULL && theme != NULL);

  if (!(width >= 1 && height >= 1) || !isfinite (width) || !isfinite (height))
    return;

  render_setup (&r, chart, cr, width, height, theme);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  render_background (&r);
  mc_render_frame (&r);

  chart->kind->draw (&r);
  cairo_restore (cr);

  g_object_unref (r.pango);
  g_clear_pointer (&chart->state, render_state_free);
  chart->state = r.state;
}

const McTextBox *
mc_chart_get_text_boxes (McChart *chart,
                         guint   *n_boxes)
{
  g_return_val_if_fail (MC_IS_CHART (chart), NULL);

  if (chart->state == NULL)
    {
      if (n_boxes)
        *n_boxes = 0;
      return NULL;
    }
  if (n_boxes)
    *n_boxes = chart->state->boxes->len;
  return (const McTextBox *) (gpointer) chart->state->boxes->data;
}

/* Text boxes: rectangles turned around their corner */

static void
box_corners (const McTextBox *box,
             double           xs[4],
             double           ys[4])
{
  double c = cos (box->angle), s = sin (box->angle);
  double lx[4] = { 0, box->width, box->width, 0 };
  double ly[4] = { 0, 0, box->height, box->height };

  for (guint i = 0; i < 4; i++)
    {
      xs[i] = box->x + lx[i] * c - ly[i] * s;
      ys[i] = box->y + lx[i] * s + ly[i] * c;
    }
}

void
mc_text_box_get_bounds (const McTextBox *box,
                        double          *x0,
                        double          *y0,
                        double          *x1,
                        double          *y1)
{
  double xs[4], ys[4];

  g_return_if_fail (box != NULL);

  box_corners (box, xs, ys);
  *x0 = *x1 = xs[0];
  *y0 = *y1 = ys[0];
  for (guint i = 1; i < 4; i++)
    {
      *x0 = MIN (*x0, xs[i]);
      *x1 = MAX (*x1, xs[i]);
      *y0 = MIN (*y0, ys[i]);
      *y1 = MAX (*y1, ys[i]);
    }
}

/* Separating axis test on the two edge directions of each box. */
static gboolean
boxes_separated_along (const double  axs[4],
                       const double  ays[4],
                       const double  bxs[4],
                       const double  bys[4],
                       double        nx,
                       double        ny)
{
  double amin = G_MAXDOUBLE, amax = -G_MAXDOUBLE;
  double bmin = G_MAXDOUBLE, bmax = -G_MAXDOUBLE;
  const double tolerance = 0.05;

  for (guint i = 0; i < 4; i++)
    {
      double pa = axs[i] * nx + ays[i] * ny;
      double pb = bxs[i] * nx + bys[i] * ny;

      amin = MIN (amin, pa);
      amax = MAX (amax, pa);
      bmin = MIN (bmin, pb);
      bmax = MAX (bmax, pb);
    }
  return amax <= bmin + tolerance || bmax <= amin + tolerance;
}

gboolean
mc_text_box_overlaps (const McTextBox *a,
                      const McTextBox *b)
{
  double axs[4], ays[4], bxs[4], bys[4];
  const double angles[] = { a->angle, a->angle + G_PI_2, b->angle, b->angle + G_PI_2 };

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->width <= 0 || a->height <= 0 || b->width <= 0 || b->height <= 0)
    return FALSE;
  box_corners (a, axs, ays);
  box_corners (b, bxs, bys);
  for (guint i = 0; i < G_N_ELEMENTS (angles); i++)
    if (boxes_separated_along (axs, ays, bxs, bys, cos (angles[i]), sin (angles[i])))
      return FALSE;
  return TRUE;
}

/* Highlighting */

gboolean
mc_render_is_dimmed (McRender *r,
                     guint     series,
                     guint     index)
{
  McChart *chart = r->chart;

  if (chart->highlight_series < 0)
    return FALSE;
  if ((guint) chart->highlight_series != series)
    return TRUE;
  return chart->highlight_index >= 0 && (guint) chart->highlight_index != index;
}

void
mc_render_dim (McRender *r,
               McColor  *color)
{
  mc_color_mix (color, mc_theme_get_background (r->theme), MC_DIM_AMOUNT, color);
}

/* Hit-testing */

static void
hit_fill_point (McChart    *chart,
                McChartHit *hit,
                guint       series_index,
                guint       point)
{
  McSeries *series = mc_chart_get_series_data (chart, series_index);
  double value = mc_series_get_y (series, point);
  guint row = mc_series_get_row (series, point);
  const McColumn *note_column = series->derived ? NULL : series->column;
  int decimals = series->derived ? series->decimals : 6;

  hit->kind = MC_CHART_HIT_MARK;
  hit->series = series_index;
  hit->index = row;
  hit->series_name = g_strdup (series->name);
  hit->label = mc_chart_format_x (chart, series, point);
  hit->value = mc_format_value (series->column, value, mc_format_value_decimals (value, decimals));
  hit->raw_value = value;
  hit->estimate = mc_series_is_estimate (series, point);
  hit->note = note_column ? g_strdup (mc_column_get_note (note_column, row)) : NULL;
}

/* A value the kind computed, such as the Other slice of a pie. */
static void
hit_fill_computed (McChart      *chart,
                   McChartHit   *hit,
                   const McMark *mark)
{
  McSeries *series = mc_chart_get_series_data (chart, mark->series);

  hit->kind = MC_CHART_HIT_MARK;
  hit->series = mark->series;
  hit->index = mark->row;
  hit->series_name = g_strdup (series->name);
  hit->label = g_strdup (mark->label);
  hit->value = mc_series_format_value (series, mark->value, TRUE);
  hit->raw_value = mark->value;
}

static gboolean
point_in_rect (const McRect *rect,
               double        x,
               double        y)
{
  return x >= rect->x && x <= rect->x + rect->width
         && y >= rect->y && y <= rect->y + rect->height;
}

static gboolean
point_in_slice (const McMark *mark,
                double        x,
                double        y)
{
  double dx = x - mark->cx, dy = y - mark->cy;
  double distance = hypot (dx, dy);
  double angle = atan2 (dy, dx);

  if (distance < mark->r0 || distance > mark->r1)
    return FALSE;
  while (angle < mark->a0)
    angle += 2 * G_PI;
  return angle <= mark->a1;
}

static gboolean
hit_test_marks (McChart    *chart,
                double      x,
                double      y,
                McChartHit *hit)
{
  McRenderState *state = chart->state;

  /* Last drawn first: it is on top. */
  for (guint i = state->marks->len; i > 0; i--)
    {
      const McMark *mark = &g_array_index (state->marks, McMark, i - 1);

      if (mark->shape == MC_MARK_SLICE ? !point_in_slice (mark, x, y)
                                       : !point_in_rect (&mark->box, x, y))
        continue;
      if (mark->datum == G_MAXUINT)
        hit_fill_computed (chart, hit, mark);
      else
        hit_fill_point (chart, hit, mark->series, mark->datum);
      hit->outline = mark->shape == MC_MARK_RECT;
      hit->x = mark->box.x;
      hit->y = mark->box.y;
      hit->width = mark->box.width;
      hit->height = mark->box.height;
      return TRUE;
    }
  return FALSE;
}

static gboolean
hit_test_legend (McChart    *chart,
                 double      x,
                 double      y,
                 McChartHit *hit)
{
  McRenderState *state = chart->state;

  for (guint i = 0; i < state->legend->len; i++)
    {
      const McLegendHit *entry = &g_array_index (state->legend, McLegendHit, i);
      McSeries *series;

      if (!point_in_rect (&entry->box, x, y))
        continue;
      series = mc_chart_get_series_data (chart, entry->series);
      hit->kind = MC_CHART_HIT_LEGEND;
      hit->series = entry->series;
      hit->series_name = g_strdup (series->name);
      hit->label = g_strdup (series->name);
      hit->raw_value = NAN;
      hit->x = entry->box.x;
      hit->y = entry->box.y;
      hit->width = entry->box.width;
      hit->height = entry->box.height;
      return TRUE;
    }
  return FALSE;
}

static double
state_map_x (McRenderState *state,
             double         x)
{
  switch (state->x_kind)
    {
    case MC_X_TIME:
      return mc_time_scale_map (&state->x_time, x);
    case MC_X_NUMBER:
      return mc_linear_scale_map (&state->x_linear, x);
    case MC_X_CATEGORY:
    default:
      return state->plot.x + (x + 0.5) * state->x_band;
    }
}

/* The point of @series nearest to @px in x, skipping missing values. */
static gboolean
nearest_point (McRenderState  *state,
               const McSeries *series,
               double          px,
               guint          *point)
{
  guint n = mc_series_get_n_points (series);
  guint lo = 0, hi = n;
  double best = G_MAXDOUBLE;
  gboolean found = FALSE;

  if (n == 0)
    return FALSE;
  if (series->x_sorted)
    {
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (state_map_x (state, mc_series_get_x (series, mid)) < px)
            lo = mid + 1;
          else
            hi = mid;
        }
      /* Look around the insertion point for the nearest present value. */
      for (guint i = lo > 64 ? lo - 64 : 0; i < MIN (n, lo + 64); i++)
        {
          double d = fabs (state_map_x (state, mc_series_get_x (series, i)) - px);

          if (!isnan (mc_series_get_y (series, i)) && d < best)
            best = d, *point = i, found = TRUE;
        }
      return found;
    }
  for (guint i = 0; i < n; i++)
    {
      double d = fabs (state_map_x (state, mc_series_get_x (series, i)) - px);

      if (!isnan (mc_series_get_y (series, i)) && d < best)
        best = d, *point = i, found = TRUE;
    }
  return found;
}

/* The values a point spans: its own, or in a stacked area its band, from
 * the visible layers below it that have a value there to that sum plus
 * its own (the rule the renderer draws by). */
static void
point_span (McChart *chart,
            guint    series_index,
            guint    point,
            double  *base,
            double  *top)
{
  double value = mc_series_get_y (mc_chart_get_series_data (chart, series_index), point);

  *base = 0;
  for (guint s = 0; chart->state->stacked && s < series_index; s++)
    {
      McSeries *below = mc_chart_get_series_data (chart, s);

      if (below->visible && point < mc_series_get_n_points (below)
          && !isnan (mc_series_get_y (below, point)))
        *base += mc_series_get_y (below, point);
    }
  *top = *base + value;
  if (!chart->state->stacked)
    *base = value;
}

/* How far @y is from the span of a point in pixels: 0 inside a band. */
static double
span_distance (const McLinearScale *scale,
               double               base,
               double               top,
               double               y)
{
  double a = mc_linear_scale_map (scale, base), b = mc_linear_scale_map (scale, top);

  if (y >= MIN (a, b) && y <= MAX (a, b))
    return 0;
  return MIN (fabs (y - a), fabs (y - b));
}

static gboolean
hit_test_points (McChart    *chart,
                 double      x,
                 double      y,
                 McChartHit *hit)
{
  McRenderState *state = chart->state;
  double tolerance = MAX (24, state->x_band / 2);
  double best_dx = G_MAXDOUBLE, best_dy = G_MAXDOUBLE;
  guint best_series = 0, best_point = 0;
  gboolean found = FALSE;

  if (!state->has_plot
      || x < state->plot.x - tolerance || x > state->plot.x + state->plot.width + tolerance
      || y < state->plot.y - tolerance || y > state->plot.y + state->plot.height + tolerance)
    return FALSE;

  for (guint s = 0; s < chart->series->len; s++)
    {
      McSeries *series = mc_chart_get_series_data (chart, s);
      guint point;
      double dx, dy, base, top;

      if (!series->visible || !nearest_point (state, series, x, &point))
        continue;
      dx = round (fabs (state_map_x (state, mc_series_get_x (series, point)) - x) * 2) / 2;
      point_span (chart, s, point, &base, &top);
      dy = span_distance (&state->y[series->axis], base, top, y);
      if (dx < best_dx || (dx == best_dx && dy < best_dy))
        {
          best_dx = dx, best_dy = dy;
          best_series = s, best_point = point;
          found = TRUE;
        }
    }
  if (!found || best_dx > tolerance)
    return FALSE;

  {
    McSeries *series = mc_chart_get_series_data (chart, best_series);
    double px = state_map_x (state, mc_series_get_x (series, best_point));
    double r = MAX (6, state->plot.height * 0.02);
    double base, top, py;

    point_span (chart, best_series, best_point, &base, &top);
    py = mc_linear_scale_map (&state->y[series->axis], top);

    hit_fill_point (chart, hit, best_series, best_point);
    hit->x = px - r;
    hit->y = py - r;
    hit->width = hit->height = 2 * r;
  }
  return TRUE;
}

/**
 * mc_chart_hit_test:
 * @chart: a chart that has been rendered
 * @x: x in the coordinates of the last render
 * @y: y
 * @hit: (out caller-allocates): what is there; clear it with
 *   mc_chart_hit_clear()
 *
 * Returns: %TRUE if something is under the point
 */
gboolean
mc_chart_hit_test (McChart    *chart,
                   double      x,
                   double      y,
                   McChartHit *hit)
{
  g_return_val_if_fail (MC_IS_CHART (chart), FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  memset (hit, 0, sizeof *hit);
  hit->raw_value = NAN;
  if (chart->state == NULL)
    return FALSE;
  if (hit_test_legend (chart, x, y, hit) || hit_test_marks (chart, x, y, hit)
      || hit_test_points (chart, x, y, hit))
    return TRUE;
  mc_chart_hit_clear (hit);
  return FALSE;
}

void
mc_chart_hit_clear (McChartHit *hit)
{
  if (hit == NULL)
    return;
  g_clear_pointer (&hit->series_name, g_free);
  g_clear_pointer (&hit->label, g_free);
  g_clear_pointer (&hit->value, g_free);
  g_clear_pointer (&hit->note, g_free);
  hit->kind = MC_CHART_HIT_NONE;
  hit->raw_value = NAN;
}
