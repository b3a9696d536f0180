/* mc-chart-series.c: the series and categories of a chart model, and the
 * columns it reads them from
 *
 * What a model's preparation builds and everything after it reads: the
 * kinds, the renderer, hit-testing and descriptions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "mc-chart-model-private.h"
#include "mc-format.h"
#include "mc-scale.h"
#include "mc-sorted.h"

const McColumn *
mc_chart_model_get_column (McChartModel *chart,
                           const char   *id)
{
  McColumn *column = g_hash_table_lookup (chart->columns, id);
  const McColumn *original;

  if (column != NULL)
    return column;
  original = mc_dataset_lookup_column (chart->data, id);
  if (original == NULL)
    return NULL;
  /* The summary is made on the dataset's column, so that every model of
   * it (one per chart, a new one after each edit) shares it. */
  if (mc_column_get_column_type (original) != MC_COLUMN_STRING)
    mc_column_get_summary (original);
  column = mc_column_snapshot (original);
  g_hash_table_insert (chart->columns, (gpointer) mc_column_get_id (column), column);
  return column;
}

const McColumn *
mc_chart_model_get_x_column (McChartModel *chart)
{
  g_return_val_if_fail (MC_IS_CHART_MODEL (chart), NULL);
  return chart->x_column;
}

/* Series and categories */

void
mc_series_free (McSeries *series)
{

  g_free (series->name);
  g_clear_pointer (&series->derived, mc_column_free);
  g_clear_pointer (&series->x, g_array_unref);
  g_array_unref (series->y);
  g_clear_pointer (&series->rows, g_array_unref);
  g_clear_pointer (&series->estimate, g_array_unref);
  g_clear_pointer (&series->summary, mc_value_summary_unref);
  g_clear_pointer (&series->gaps, g_array_unref);
  g_free (series);
}

static GArray *
array_ref_or_null (GArray *array)
{
  return array != NULL ? g_array_ref (array) : NULL;
}

/* A copy of @series whose values (and their summary) are its own, to
 * change; its x, rows, estimates and gaps, which no longer change once a
 * series is made, are shared. Its columns are the ones it had (the
 * caller's to point at others). It has no derived column: one that
 * @series made is the caller's to make again. */
McSeries *
mc_series_copy (const McSeries *series)
{
  McSeries *copy = g_new (McSeries, 1);

  *copy = *series;
  copy->derived = NULL;
  copy->name = g_strdup (series->name);
  copy->x = array_ref_or_null (series->x);
  copy->y = g_array_copy (series->y);
  copy->rows = array_ref_or_null (series->rows);
  copy->estimate = array_ref_or_null (series->estimate);
  copy->summary = series->summary != NULL ? mc_value_summary_copy (series->summary) : NULL;
  copy->gaps = array_ref_or_null (series->gaps);
  return copy;
}

McSeries *
mc_series_new (const char     *name,
               const McColumn *column,
               guint           axis,
               guint           reserve)
{
  McSeries *series = g_new0 (McSeries, 1);

  series->name = g_strdup (name);
  series->column = column;
  series->axis = axis;
  series->x_sorted = TRUE;
  series->x = g_array_sized_new (FALSE, FALSE, sizeof (double), reserve);
  series->y = g_array_sized_new (FALSE, FALSE, sizeof (double), reserve);
  series->rows = g_array_sized_new (FALSE, FALSE, sizeof (guint), reserve);
  series->estimate = g_array_sized_new (FALSE, FALSE, sizeof (guint8), reserve);
  return series;
}

void
mc_series_append (McSeries *series,
                  double    x,
                  double    y,
                  guint     row,
                  gboolean  estimate)
{
  guint8 flag = estimate ? 1 : 0;
  guint n = series->x->len;

  if (n > 0 && !(x >= g_array_index (series->x, double, n - 1)))
    series->x_sorted = FALSE;
  g_array_append_val (series->x, x);
  g_array_append_val (series->y, y);
  g_array_append_val (series->rows, row);
  g_array_append_val (series->estimate, flag);
}

/* Where the point of @row is in @series. Its rows rise, unless the spec
 * sorted its points by x: then they are looked through. */
gboolean
mc_series_find_row (const McSeries *series,
                    guint           row,
                    gboolean        rows_rise,
                    guint          *point)
{
  guint n = mc_series_get_n_points (series);

  if (series->rows == NULL)
    {
      /* Point i is row i */
      *point = row;
      return row < n;
    }
  if (rows_rise)
    return mc_sorted_find_uint ((const guint *) (gpointer) series->rows->data, n, row, point);
  for (*point = 0; *point < n; (*point)++)
    if (mc_series_get_row (series, *point) == row)
      return TRUE;
  return FALSE;
}

void
mc_series_summarise (McSeries *series)
{
  guint n_points = mc_series_get_n_points (series);

  g_clear_pointer (&series->summary, mc_value_summary_unref);
  series->stats_known = FALSE;
  if (n_points < MC_SUMMARISED_POINTS)
    return;
  series->summary = mc_value_summary_new_for_values ((const double *) (gpointer) series->y->data,
                                                     n_points);
  series->stats_known = TRUE;
  series->y_gaps = mc_value_summary_get_n_missing (series->summary) > 0;
  mc_value_summary_get_range (series->summary, &series->y_min, &series->y_max);
}

/* The value of @point becomes @value, and the range of @series follows:
 * its summary mended, or found again when it is next asked. */
void
mc_series_set_y (McSeries *series,
                 guint     point,
                 double    value)
{
  double old_value = g_array_index (series->y, double, point);

  g_array_index (series->y, double, point) = value;
  if (series->summary != NULL)
    {
      mc_value_summary_update (series->summary, (const double *) (gpointer) series->y->data,
                               point, old_value);
      mc_value_summary_get_range (series->summary, &series->y_min, &series->y_max);
    }
  else
    series->stats_known = FALSE;
}

/* Gaps: stretches without data */

/* Steps of long series are sampled: the median of a few thousand is the
 * median of them all, near enough. */
#define MC_STEP_SAMPLE 4096

double
mc_usual_step (const double *x,
               guint         n)
{
  g_autoptr(GArray) steps = NULL;
  guint every;

  if (n < 2)
    return NAN;
  steps = g_array_sized_new (FALSE, FALSE, sizeof (double), MIN (n, MC_STEP_SAMPLE));
  every = MAX (1, (n - 1) / MC_STEP_SAMPLE);
  for (guint i = 0; i + 1 < n; i += every)
    {
      double step = x[i + 1] - x[i];

      if (step > 0 && isfinite (step))
        g_array_append_val (steps, step);
    }
  if (steps->len == 0)
    return NAN;
  g_array_sort (steps, mc_compare_doubles);
  return g_array_index (steps, double, (steps->len - 1) / 2);
}

void
mc_series_find_gaps (McSeries *series)
{
  const double *x;
  guint n = mc_series_get_n_points (series);
  double usual;

  g_clear_pointer (&series->gaps, g_array_unref);
  /* An even progression (row numbers, every day) has no stretch without
   * data, and is not made into an array to find that out. */
  if (!series->x_sorted || mc_series_get_x_progression (series, NULL, NULL))
    return;
  x = mc_series_get_xs (series);
  if (isnan (usual = mc_usual_step (x, n)))
    return;
  for (guint i = 0; i + 1 < n; i++)
    if (x[i + 1] - x[i] > MC_GAP_FACTOR * usual)
      {
        if (series->gaps == NULL)
          series->gaps = g_array_new (FALSE, FALSE, sizeof (guint));
        g_array_append_val (series->gaps, i);
      }
}

/**
 * mc_series_share_gaps:
 * @other: (nullable): a series whose gaps were found
 *
 * Gives @series the gaps of @other where their points are the same:
 * both the values of one x column, as many of them. The lines of one
 * table's columns (open, high, low and close over a million minutes)
 * find their gaps once, not once a line.
 *
 * Returns: whether @series has @other's gaps
 */
gboolean
mc_series_share_gaps (McSeries       *series,
                      const McSeries *other)
{
  if (other == NULL || series->x != NULL || other->x != NULL
      || series->x_column != other->x_column || series->x_sorted != other->x_sorted
      || mc_series_get_n_points (series) != mc_series_get_n_points (other))
    return FALSE;
  g_clear_pointer (&series->gaps, g_array_unref);
  series->gaps = array_ref_or_null (other->gaps);
  return TRUE;
}

gboolean
mc_chart_model_category_break (McChartModel *chart,
                               guint         category)
{
  const double *days = (const double *) (gpointer) chart->category_days->data;
  guint n = chart->category_days->len;
  double usual = chart->category_step;

  if (category + 1 >= n || isnan (days[category]) || isnan (days[category + 1]))
    return FALSE;
  return !isnan (usual) && days[category + 1] - days[category] > MC_GAP_FACTOR * usual;
}

gboolean
mc_series_is_gap (const McSeries *series,
                  guint           point)
{
  return series->gaps != NULL
         && mc_sorted_find_uint ((const guint *) (gpointer) series->gaps->data, series->gaps->len,
                                 point, NULL);
}

McSeries *
mc_chart_model_get_series (McChartModel *chart,
                           guint         index)
{
  g_return_val_if_fail (index < chart->series->len, NULL);
  return g_ptr_array_index (chart->series, index);
}

guint
mc_chart_model_get_n_categories (McChartModel *chart)
{
  return chart->categories ? chart->categories->len : 0;
}

const char *
mc_chart_model_get_category (McChartModel *chart,
                             guint         index)
{
  g_return_val_if_fail (chart->categories != NULL && index < chart->categories->len, "");
  return g_ptr_array_index (chart->categories, index);
}

double
mc_chart_model_get_category_days (McChartModel *chart,
                                  guint         index)
{
  if (chart->category_days == NULL || index >= chart->category_days->len)
    return NAN;
  return g_array_index (chart->category_days, double, index);
}

guint
mc_chart_model_get_category_color (McChartModel *chart,
                                   guint         category,
                                   guint         series)
{
  if (chart->color_by_category && category < chart->category_colors->len)
    return g_array_index (chart->category_colors, guint, category);
  return mc_chart_model_get_series (chart, series)->color;
}

/* Whether the spec's highlight leaves category @category of series
 * @series out, in grey: for kinds that colour their marks their own way
 * (a waterfall's rises and falls). */
gboolean
mc_chart_model_greys (McChartModel *chart,
                      guint         category,
                      guint         series)
{
  return chart->highlighted
         && mc_chart_model_get_category_color (chart, category, series) == MC_THEME_NEUTRAL;
}

/* Whether point @point lies below its neighbours, on average: its label
 * then goes under it, away from the line that rises on either side. */
gboolean
mc_series_is_dip (const McSeries *series,
                  guint           point)
{
  double y = mc_series_get_y (series, point), sum = 0;
  guint n = 0;

  if (point > 0 && !isnan (mc_series_get_y (series, point - 1)))
    sum += mc_series_get_y (series, point - 1), n++;
  if (point + 1 < mc_series_get_n_points (series)
      && !isnan (mc_series_get_y (series, point + 1)))
    sum += mc_series_get_y (series, point + 1), n++;
  return n > 0 && y < sum / n;
}

/* The side of a line its labels keep, so that they read as one row:
 * below it when most of its points are dips, else above. */
gboolean
mc_series_mostly_dips (const McSeries *series)
{
  guint dips = 0, n = 0;

  for (guint i = 0; i < mc_series_get_n_points (series); i++)
    if (!isnan (mc_series_get_y (series, i)))
      {
        dips += mc_series_is_dip (series, i);
        n++;
      }
  return dips * 2 > n;
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
  if (series->x == NULL)
    return mc_column_get_value (series->x_column, index);
  return g_array_index (series->x, double, index);
}

gboolean
mc_series_get_x_progression (const McSeries *series,
                             double         *start,
                             double         *step)
{
  return series->x == NULL && mc_column_get_progression (series->x_column, start, step);
}

const double *
mc_series_get_xs (const McSeries *series)
{
  if (series->x == NULL)
    return mc_column_get_values (series->x_column, NULL);
  return (const double *) (gpointer) series->x->data;
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

/* @value with exactly @decimals decimals, with its unit where asked or
 * where it is a percentage. */
static char *
format_with_decimals (const McSeries *series,
                      double          value,
                      int             decimals,
                      gboolean        with_unit)
{
  const char *unit = mc_column_get_unit (series->column);

  if (with_unit || g_strcmp0 (unit, "percent") == 0 || g_strcmp0 (unit, "%") == 0)
    return mc_format_value (series->column, value, decimals);
  return mc_format_amount (series->column, value, decimals);
}

/* The most decimals a label of @value shows: no more than four
 * significant digits (1753, 15.4, 0.254). */
static int
significant_decimals (double value)
{
  if (value == 0 || !isfinite (value))
    return G_MAXINT;
  return MAX (0, 3 - (int) floor (log10 (fabs (value))));
}

char *
mc_series_format_row_value (const McSeries *series,
                            guint           row,
                            double          value,
                            gboolean        with_unit)
{
  const McColumn *column = series->column;
  int written = MC_DECIMALS_UNKNOWN;

  /* Only a value the column holds as written, in its own scale. */
  if (row < mc_column_get_n_rows (column) && mc_column_get_value (column, row) == value
      && mc_column_get_display_scale (column) <= mc_column_get_scale (column))
    written = mc_column_get_decimals (column, row);
  /* Four significant digits at most, as every label: a value written
   * with more is rounded as when its decimals are unknown. */
  if (written == MC_DECIMALS_UNKNOWN || written > significant_decimals (value))
    return mc_series_format_value (series, value, with_unit);
  return format_with_decimals (series, value, written, with_unit);
}

char *
mc_series_format_point (const McSeries *series,
                        guint           index,
                        gboolean        with_unit)
{
  return mc_series_format_row_value (series, mc_series_get_row (series, index),
                                     mc_series_get_y (series, index), with_unit);
}

char *
mc_series_format_value (const McSeries *series,
                        double          value,
                        gboolean        with_unit)
{
  int decimals = series->decimals;

  /* Labels need no more than four significant digits: 1753, 15.4,
   * 0.254, whatever the data carries. */
  if (value != 0 && isfinite (value))
    {
      int cap = 3 - (int) floor (log10 (fabs (value)));
      double scale;

      /* Dollars shown in bn: 12,345,678,901 reads "12.35". */
      if (cap < 0 && mc_column_get_display_scale (series->column)
                     > mc_column_get_scale (series->column))
        value = round (value * pow (10, cap)) / pow (10, cap);
      cap = MAX (0, cap);
      scale = pow (10, MIN (cap, decimals));

      decimals = mc_format_value_decimals (round (value * scale) / scale, MIN (cap, decimals));
    }
  else
    decimals = 0;
  return format_with_decimals (series, value, decimals, with_unit);
}

char *
mc_chart_model_format_x (McChartModel   *chart,
                         const McSeries *series,
                         guint           index)
{
  double x = mc_series_get_x (series, index);

  switch (chart->x_kind)
    {
    case MC_X_CATEGORY:
      return g_strdup (mc_chart_model_get_category (chart, (guint) x));
    case MC_X_TIME:
      return mc_format_date (x, mc_column_get_date_precision (chart->x_column));
    case MC_X_NUMBER:
    default:
      return mc_format_value (chart->x_column, x, chart->x_decimals);
    }
}

guint
mc_series_find_x (const McSeries *series,
                  double          x)
{
  guint lo = 0, hi = mc_series_get_n_points (series);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (mc_series_get_x (series, mid) < x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

void
mc_series_window_points (const McSeries      *series,
                         const McViewOptions *view,
                         guint               *start,
                         guint               *end)
{
  guint n = mc_series_get_n_points (series);
  guint lo, hi = n;

  *start = 0;
  *end = n;
  if (!view->has_x_window || !series->x_sorted)
    return;
  lo = mc_series_find_x (series, view->x_window_min);
  *start = lo > 0 ? lo - 1 : 0;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (mc_series_get_x (series, mid) <= view->x_window_max)
        lo = mid + 1;
      else
        hi = mid;
    }
  *end = MIN (n, lo + 1);
}
