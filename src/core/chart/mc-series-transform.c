/* mc-series-transform.c: what a chart spec changes in the series once
 * they are made: points in x order, the largest series and "Other",
 * series indexed to 100, shares of a total, distinct colours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mc-chart-model-private.h"
#include "mc-format.h"
#include "mc-scale.h"
#include "mc-transform.h"

#define MC_DERIVED_DECIMALS 1

static McSeries *
series_at (McChartModel *chart,
           guint         index)
{
  return g_ptr_array_index (chart->series, index);
}

/* Replaces the points of @series by those listed in @order. */
static void
series_reorder (McSeries    *series,
                const guint *order,
                guint        n)
{
  GArray *x = g_array_sized_new (FALSE, FALSE, sizeof (double), n);
  GArray *y = g_array_sized_new (FALSE, FALSE, sizeof (double), n);
  GArray *rows = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  GArray *estimate = g_array_sized_new (FALSE, FALSE, sizeof (guint8), n);

  for (guint i = 0; i < n; i++)
    {
      double px = mc_series_get_x (series, order[i]), py = mc_series_get_y (series, order[i]);
      guint row = mc_series_get_row (series, order[i]);
      guint8 flag = mc_series_is_estimate (series, order[i]);

      g_array_append_val (x, px);
      g_array_append_val (y, py);
      g_array_append_val (rows, row);
      g_array_append_val (estimate, flag);
    }
  g_clear_pointer (&series->x, g_array_unref);
  g_array_unref (series->y);
  g_clear_pointer (&series->rows, g_array_unref);
  g_clear_pointer (&series->estimate, g_array_unref);
  /* What the columns' summaries said holds of them in their order. */
  g_clear_pointer (&series->summary, mc_value_summary_unref);
  series->x_column = NULL;
  series->x = x;
  series->y = y;
  series->rows = rows;
  series->estimate = estimate;
  series->stats_known = FALSE;
}

/* Sorting */

static int
compare_by_x (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const McSeries *series = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;

  return mc_compare_keyed (mc_series_get_x (series, ia), ia, mc_series_get_x (series, ib), ib);
}

void
mc_chart_sort_series_by_x (McChartModel *chart)
{
  if (!mc_chart_spec_get_boolean (chart->spec, "sort") || chart->x_kind == MC_X_CATEGORY)
    return;
  for (guint s = 0; s < chart->series->len; s++)
    {
      McSeries *series = series_at (chart, s);
      guint n = mc_series_get_n_points (series);
      g_autofree guint *order = NULL;

      if (series->x_sorted)
        continue;
      order = g_new (guint, n + 1);
      for (guint i = 0; i < n; i++)
        order[i] = i;
      g_qsort_with_data (order, n, sizeof (guint), compare_by_x, series);
      series_reorder (series, order, n);
      series->x_sorted = TRUE;
    }
}

/* Folding into "Other" */

static double
series_weight (const McSeries *series)
{
  double total = 0;

  for (guint i = 0; i < mc_series_get_n_points (series); i++)
    if (!isnan (mc_series_get_y (series, i)))
      total += fabs (mc_series_get_y (series, i));
  return total;
}

static int
compare_weights (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const double *weights = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;

  if (weights[ia] != weights[ib])
    return weights[ia] > weights[ib] ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

/* Values that are amounts add up; averages, medians, prices and rates
 * do not, and their Other is the mean of the others. */
static gboolean
fold_by_mean (McChartModel *chart)
{
  McAggregate aggregate = mc_transform_get_aggregate (chart->spec);

  return aggregate == MC_AGGREGATE_MEAN || aggregate == MC_AGGREGATE_MEDIAN;
}

static char *
other_name (guint    n_folded,
            gboolean mean)
{
  if (mean)
    /* Translators: a series that stands for the series left out of a
     * chart: the mean of their values, as in "Other (58 series, mean)" */
    return g_strdup_printf (ngettext ("Other (%u series, mean)", "Other (%u series, mean)",
                                      n_folded), n_folded);
  /* Translators: a series that stands for the series left out of a chart:
   * the sum of their values, as in "Other (58 series, sum)" */
  return g_strdup_printf (ngettext ("Other (%u series, sum)", "Other (%u series, sum)",
                                    n_folded), n_folded);
}

typedef struct
{
  double   sum;
  guint    count;
  guint    row;
  gboolean estimate;
} OtherPoint;

/* One series of the sums (or means) of @folded at each of their x. */
static McSeries *
other_series (McChartModel *chart,
              GPtrArray    *folded)
{
  McSeries *first = g_ptr_array_index (folded, 0);
  gboolean mean = fold_by_mean (chart);
  g_autofree char *name = other_name (folded->len, mean);
  g_autoptr(GHashTable) points = g_hash_table_new_full (g_double_hash, g_double_equal,
                                                        g_free, g_free);
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
  McSeries *other = mc_series_new (name, first->column, first->axis, 0);

  for (guint s = 0; s < folded->len; s++)
    {
      McSeries *series = g_ptr_array_index (folded, s);

      for (guint i = 0; i < mc_series_get_n_points (series); i++)
        {
          double x = mc_series_get_x (series, i), y = mc_series_get_y (series, i);
          OtherPoint *point = g_hash_table_lookup (points, &x);

          if (point == NULL)
            {
              point = g_new0 (OtherPoint, 1);
              point->row = mc_series_get_row (series, i);
              g_hash_table_insert (points, g_memdup2 (&x, sizeof x), point);
              g_array_append_val (xs, x);
            }
          if (isnan (y))
            continue;
          point->sum += y;
          point->count++;
          point->estimate = point->estimate || mc_series_is_estimate (series, i);
        }
    }
  g_array_sort (xs, mc_compare_doubles);
  for (guint i = 0; i < xs->len; i++)
    {
      OtherPoint *point = g_hash_table_lookup (points, &g_array_index (xs, double, i));
      double value = point->count == 0 ? NAN : mean ? point->sum / point->count : point->sum;

      mc_series_append (other, g_array_index (xs, double, i), value, point->row,
                        point->estimate);
    }
  other->color = MC_THEME_NEUTRAL;
  return other;
}

void
mc_chart_clear_fold (McChartModel *chart)
{
  g_clear_pointer (&chart->fold_kept, g_array_unref);
  g_clear_pointer (&chart->fold_weights, g_array_unref);
  g_clear_pointer (&chart->folded, g_ptr_array_unref);
  g_clear_pointer (&chart->other_values, g_array_unref);
}

/* What the fold made, kept for edits to mend: whether each series was
 * kept, and its weight. The folded series keep their x and rows; their
 * values are the table's, read again where an edit needs them. Other's
 * own values are kept where the series will be indexed: an edit of its
 * base indexes them all again. */
static void
keep_fold (McChartModel   *chart,
           GPtrArray      *folded,
           double         *weights,
           gboolean       *kept,
           guint           n,
           const McSeries *other)
{
  mc_chart_clear_fold (chart);
  if (mc_chart_spec_is_indexed (chart->spec))
    chart->other_values = g_array_copy (other->y);
  chart->fold_kept = g_array_sized_new (FALSE, FALSE, sizeof (gboolean), n);
  g_array_append_vals (chart->fold_kept, kept, n);
  chart->fold_weights = g_array_sized_new (FALSE, FALSE, sizeof (double), n);
  g_array_append_vals (chart->fold_weights, weights, n);
  /* Their columns are this model's, which later models don't hold. */
  for (guint f = 0; f < folded->len; f++)
    ((McSeries *) g_ptr_array_index (folded, f))->column = NULL;
  chart->folded = g_ptr_array_ref (folded);
}

/* Whether the first @keep series by @weights (double) are those @kept
 * (gboolean): mc_chart_fold_series() keeps them. */
static gboolean
keeps (GArray *weights,
       GArray *kept,
       guint   keep)
{
  guint n = weights->len;
  g_autofree guint *order = g_new (guint, MAX (n, 1));

  for (guint s = 0; s < n; s++)
    order[s] = s;
  g_qsort_with_data (order, n, sizeof (guint), compare_weights, weights->data);
  for (guint i = 0; i < keep; i++)
    if (!g_array_index (kept, gboolean, order[i]))
      return FALSE;
  return TRUE;
}

/**
 * mc_chart_fold_series:
 *
 * With "top": N, keeps the N series with the largest totals (of their
 * values' sizes), in their order, and folds the others into one series
 * named for how it was computed: their sum, or their mean when the
 * chart aggregates by mean or median.
 */
void
mc_chart_fold_series (McChartModel *chart)
{
  double top = mc_chart_spec_get_number (chart->spec, "top");
  guint n = chart->series->len, keep;
  g_autofree double *weights = NULL;
  g_autofree guint *order = NULL;
  g_autofree gboolean *kept = NULL;
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GPtrArray) folded = NULL;

  if (isnan (top) || top < 1 || n <= top + 1)
    return;
  keep = (guint) top;
  weights = g_new (double, n);
  order = g_new (guint, n);
  kept = g_new0 (gboolean, n);
  for (guint s = 0; s < n; s++)
    {
      weights[s] = series_weight (series_at (chart, s));
      order[s] = s;
    }
  g_qsort_with_data (order, n, sizeof (guint), compare_weights, weights);
  for (guint i = 0; i < keep; i++)
    kept[order[i]] = TRUE;

  series = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_series_free);
  folded = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_series_free);
  for (guint s = 0; s < n; s++)
    g_ptr_array_add (kept[s] ? series : folded, series_at (chart, s));
  g_ptr_array_add (series, other_series (chart, folded));
  /* The kept and folded arrays own the series from now on. */
  g_ptr_array_set_free_func (chart->series, NULL);
  g_ptr_array_unref (chart->series);
  chart->series = g_steal_pointer (&series);
  keep_fold (chart, folded, weights, kept, n, series_at (chart, chart->series->len - 1));
}

/* Indexing */

/* The first point of @series at @x with a value. A sorted series is
 * searched, not walked: finding where long series meet asks this of
 * every point. */
static gboolean
series_point_at (const McSeries *series,
                 double          x,
                 guint          *point)
{
  guint n = mc_series_get_n_points (series);
  guint i = series->x_sorted ? mc_series_find_x (series, x) : 0;

  for (; i < n; i++)
    {
      double point_x = mc_series_get_x (series, i);

      if (point_x == x && !isnan (mc_series_get_y (series, i)))
        {
          *point = i;
          return TRUE;
        }
      if (series->x_sorted && point_x > x)
        break;
    }
  return FALSE;
}

/* The x of @series where it has a value, sorted: what a series out of
 * order is searched in. */
static GArray *
sorted_valued_xs (const McSeries *series)
{
  guint n = mc_series_get_n_points (series);
  GArray *xs = g_array_sized_new (FALSE, FALSE, sizeof (double), n);

  for (guint i = 0; i < n; i++)
    if (!isnan (mc_series_get_y (series, i)))
      {
        double x = mc_series_get_x (series, i);

        g_array_append_val (xs, x);
      }
  g_array_sort (xs, mc_compare_doubles);
  return xs;
}

static void
free_sorted_xs (gpointer xs)
{
  if (xs != NULL)
    g_array_unref (xs);
}

static gboolean
sorted_contains (GArray *xs,
                 double  x)
{
  guint lo = 0, hi = xs->len;

  while (lo < hi)
    {
      guint middle = lo + (hi - lo) / 2;

      if (g_array_index (xs, double, middle) < x)
        lo = middle + 1;
      else
        hi = middle;
    }
  return lo < xs->len && g_array_index (xs, double, lo) == x;
}

/* Whether the series @s (not the first) has a value at @x; @unsorted
 * holds the sorted x of those out of order. */
static gboolean
has_value_at (McChartModel *chart,
              GPtrArray    *unsorted,
              guint         s,
              double        x)
{
  GArray *xs = g_ptr_array_index (unsorted, s);
  guint point;

  if (xs != NULL)
    return sorted_contains (xs, x);
  return series_point_at (series_at (chart, s), x, &point);
}

/* The first x, in order, where every series has a value. Each point of
 * the first series is sought in the others: by binary search, so that
 * long series meet in n log n steps rather than n². */
static gboolean
first_common_x (McChartModel *chart,
                double       *x)
{
  McSeries *first = series_at (chart, 0);
  g_autoptr(GPtrArray) unsorted = g_ptr_array_new_with_free_func (free_sorted_xs);
  gboolean found = FALSE;
  double best = 0;

  g_ptr_array_add (unsorted, NULL);
  for (guint s = 1; s < chart->series->len; s++)
    {
      const McSeries *series = series_at (chart, s);

      g_ptr_array_add (unsorted, series->x_sorted ? NULL : sorted_valued_xs (series));
    }
  for (guint i = 0; i < mc_series_get_n_points (first); i++)
    {
      double candidate = mc_series_get_x (first, i);
      gboolean everywhere = !isnan (mc_series_get_y (first, i));

      if (found && !(candidate < best))
        continue;
      for (guint s = 1; s < chart->series->len && everywhere; s++)
        everywhere = has_value_at (chart, unsorted, s, candidate);
      if (everywhere)
        {
          best = candidate;
          found = TRUE;
        }
    }
  *x = best;
  return found;
}

/* The x of "index_at": the x of the first row whose x reads as it. */
static gboolean
index_x (McChartModel *chart,
         double       *x)
{
  const char *text = mc_chart_spec_get_string (chart->spec, "index_at");
  guint row;

  if (text == NULL)
    return first_common_x (chart, x);
  if (!mc_transform_find_row (chart->data, mc_column_get_id (chart->x_column), text, &row))
    return FALSE;
  for (guint s = 0; s < chart->series->len; s++)
    {
      McSeries *series = series_at (chart, s);

      for (guint i = 0; i < mc_series_get_n_points (series); i++)
        if (mc_series_get_row (series, i) == row)
          {
            *x = mc_series_get_x (series, i);
            return TRUE;
          }
    }
  return FALSE;
}

static McColumn *
index_column (McChartModel *chart,
              double        x)
{
  g_autofree char *base = NULL;
  g_autofree char *label = NULL;
  McColumn *column;

  if (chart->x_kind == MC_X_CATEGORY)
    base = g_strdup (g_ptr_array_index (chart->categories, (guint) x));
  else if (chart->x_kind == MC_X_TIME)
    base = mc_format_date (x, mc_column_get_date_precision (chart->x_column));
  else
    base = mc_format_value (chart->x_column, x, chart->x_decimals);
  /* Translators: the values of series indexed to 100 at one x, as in
   * "Index (2 Jan 2024 = 100)" */
  label = g_strdup_printf (_("Index (%s = 100)"), base);
  column = mc_column_new ("index", label, MC_COLUMN_NUMBER);
  return column;
}

double
mc_series_rebase (const McSeries *series,
                  double          value)
{
  return value / series->index_base * 100;
}

/* @series indexed to 100 over @base: each point the value of its row
 * in @values, or where its values are its own (Other's, or those of a
 * series indexed the first time), its value in @own (one a point). */
static gboolean
reindex (McSeries       *series,
         const McColumn *values,
         const GArray   *own,
         double          base)
{
  if (!(base > 0))
    return FALSE;
  series->index_base = base;
  for (guint i = 0; i < mc_series_get_n_points (series); i++)
    {
      double value = own != NULL ? g_array_index (own, double, i)
                                 : mc_column_get_value (values, mc_series_get_row (series, i));

      g_array_index (series->y, double, i) = mc_series_rebase (series, value);
    }
  mc_series_summarise (series);
  return TRUE;
}

gboolean
mc_series_reindex (McSeries       *series,
                   const McColumn *values,
                   double          base)
{
  return reindex (series, values, NULL, base);
}

static gboolean
index_one (McSeries  *series,
           double     x,
           GError   **error)
{
  guint point;
  double base = 0;

  if (series_point_at (series, x, &point))
    base = mc_series_get_y (series, point);
  if (!(base > 0))
    {
      g_set_error (error, MC_CHART_ERROR, MC_CHART_ERROR_INVALID,
                   _("series “%s” has no value above zero where the series are indexed "
                     "to 100; choose another “index_at”"), series->name);
      return FALSE;
    }
  series->index_point = point;
  series->decimals = MC_DERIVED_DECIMALS;
  return reindex (series, NULL, series->y, base);
}

/**
 * mc_chart_index_series:
 *
 * With "transform": "index", every series divided by its value at the
 * "index_at" x (by default the first x where every series has a value)
 * and multiplied by 100, so that prices of different sizes compare.
 * The series share one column, "Index (2 Jan 2024 = 100)".
 */
gboolean
mc_chart_index_series (McChartModel  *chart,
                       GError       **error)
{
  double x;

  if (!mc_chart_spec_is_indexed (chart->spec) || chart->series->len == 0)
    return TRUE;
  if (!index_x (chart, &x))
    {
      g_set_error_literal (error, MC_CHART_ERROR, MC_CHART_ERROR_INVALID,
                           _("there is no x where every series has a value, to index "
                             "them to 100; choose one with “index_at”"));
      return FALSE;
    }
  for (guint s = 0; s < chart->series->len; s++)
    if (!index_one (series_at (chart, s), x, error))
      return FALSE;
  mc_chart_set_index_column (chart, x);
  return TRUE;
}

void
mc_chart_set_index_column (McChartModel *chart,
                           double        x)
{
  McSeries *first = series_at (chart, 0);

  chart->index_x = x;
  first->derived = index_column (chart, x);
  for (guint s = 0; s < chart->series->len; s++)
    series_at (chart, s)->column = first->derived;
}

/* The fold mended after an edit */

/* The place, among all the series made, of the @nth series kept (or
 * folded, when not @kept). */
static guint
made_as (GArray   *fold_kept,
         gboolean  kept,
         guint     nth)
{
  for (guint s = 0; s < fold_kept->len; s++)
    if (!g_array_index (fold_kept, gboolean, s) == !kept && nth-- == 0)
      return s;
  g_return_val_if_reached (0);
}

/* The weight of @series, of its points' values in @values now:
 * series_weight() of the series made anew. */
static double
weight_in (const McSeries *series,
           const McColumn *values)
{
  double total = 0;

  for (guint i = 0; i < mc_series_get_n_points (series); i++)
    {
      double value = mc_column_get_value (values, mc_series_get_row (series, i));

      if (!isnan (value))
        total += fabs (value);
    }
  return total;
}

/* Other's point at @x, as other_series() makes it of the folded
 * series' values in @values now: their sum (or mean) in the same
 * order, indexed as Other is; at Other's base, every point indexed
 * again. FALSE where the index can't be made (a base not above zero). */
static gboolean
mend_other_point (McChartModel   *chart,
                  const McColumn *values,
                  double          x)
{
  McSeries *other = series_at (chart, chart->series->len - 1);
  double sum = 0, value;
  guint count = 0, point;

  if (!series_point_at (other, x, &point))
    return TRUE;
  for (guint f = 0; f < chart->folded->len; f++)
    {
      const McSeries *series = g_ptr_array_index (chart->folded, f);
      guint n = mc_series_get_n_points (series);

      /* A sorted series' points at @x are together */
      for (guint i = series->x_sorted ? mc_series_find_x (series, x) : 0; i < n; i++)
        {
          double point_x = mc_series_get_x (series, i);

          if (point_x == x)
            {
              double y = mc_column_get_value (values, mc_series_get_row (series, i));

              if (!isnan (y))
                sum += y, count++;
            }
          else if (series->x_sorted && point_x > x)
            break;
        }
    }
  value = count == 0 ? NAN : fold_by_mean (chart) ? sum / count : sum;
  if (chart->other_values != NULL)
    {
      /* Shared with the model before the edit */
      GArray *values_now = g_array_copy (chart->other_values);

      g_array_unref (chart->other_values);
      chart->other_values = values_now;
      g_array_index (values_now, double, point) = value;
      if (point == other->index_point)
        return reindex (other, NULL, values_now, value);
      value = mc_series_rebase (other, value);
    }
  mc_series_set_y (other, point, value);
  return TRUE;
}

gboolean
mc_chart_mend_fold (McChartModel   *chart,
                    McChartModel   *before,
                    const McColumn *values,
                    const McChange *edit,
                    gboolean        rows_rise)
{
  guint n_kept = chart->series->len - 1, row = edit->row, point, made = 0;
  const McSeries *edited = NULL;

  chart->fold_kept = g_array_ref (before->fold_kept);
  chart->fold_weights = g_array_copy (before->fold_weights);
  chart->folded = g_ptr_array_ref (before->folded);
  if (before->other_values != NULL)
    chart->other_values = g_array_ref (before->other_values);
  if (edit->n_rows != 1)
    return TRUE;
  for (guint k = 0; k < n_kept && edited == NULL; k++)
    if (mc_series_find_row (series_at (chart, k), row, rows_rise, &point))
      edited = series_at (chart, k), made = made_as (chart->fold_kept, TRUE, k);
  for (guint f = 0; f < chart->folded->len && edited == NULL; f++)
    if (mc_series_find_row (g_ptr_array_index (chart->folded, f), row, rows_rise, &point))
      edited = g_ptr_array_index (chart->folded, f), made = made_as (chart->fold_kept, FALSE, f);
  if (edited == NULL)
    return TRUE;
  g_array_index (chart->fold_weights, double, made) = weight_in (edited, values);
  if (!keeps (chart->fold_weights, chart->fold_kept, n_kept))
    return FALSE;
  return g_array_index (chart->fold_kept, gboolean, made)
         || mend_other_point (chart, values, mc_series_get_x (edited, point));
}

/* Shares */

/**
 * mc_chart_share_series:
 *
 * With "percent", each value divided by the total of the values at its
 * x and multiplied by 100. The series share one column, in percent.
 */
void
mc_chart_share_series (McChartModel *chart)
{
  g_autoptr(GHashTable) totals = NULL;
  McSeries *first;

  if (!mc_chart_spec_get_boolean (chart->spec, "percent") || chart->series->len == 0)
    return;
  totals = g_hash_table_new_full (g_double_hash, g_double_equal, g_free, g_free);
  for (guint s = 0; s < chart->series->len; s++)
    for (guint i = 0; i < mc_series_get_n_points (series_at (chart, s)); i++)
      {
        McSeries *series = series_at (chart, s);
        double x = mc_series_get_x (series, i), y = mc_series_get_y (series, i);
        double *total = g_hash_table_lookup (totals, &x);

        if (total == NULL)
          {
            total = g_new0 (double, 1);
            g_hash_table_insert (totals, g_memdup2 (&x, sizeof x), total);
          }
        if (!isnan (y))
          *total += y;
      }
  first = series_at (chart, 0);
  first->derived = mc_column_new ("share", _("Share of the total"), MC_COLUMN_NUMBER);
  mc_column_set_unit (first->derived, "percent");
  for (guint s = 0; s < chart->series->len; s++)
    {
      McSeries *series = series_at (chart, s);

      for (guint i = 0; i < mc_series_get_n_points (series); i++)
        {
          double x = mc_series_get_x (series, i);
          double *total = g_hash_table_lookup (totals, &x);
          double *y = &g_array_index (series->y, double, i);

          *y = *total > 0 ? *y / *total * 100 : NAN;
        }
      series->column = first->derived;
      series->stats_known = FALSE;
      series->decimals = MC_DERIVED_DECIMALS;
    }
}

/* Colours */

/**
 * mc_chart_distinct_colors:
 *
 * Series keep the colour of their entity across the charts of a
 * dataset, but two series of one chart never share one: the second
 * takes the first palette colour no other series of the chart has.
 */
void
mc_chart_distinct_colors (McChartModel *chart)
{
  guint used = 0;

  for (guint s = 0; s < chart->series->len; s++)
    {
      McSeries *series = series_at (chart, s);
      guint color;

      if (series->color == MC_THEME_NEUTRAL)
        continue;
      color = series->color % MC_CHART_PALETTE_SIZE;
      if (used & (1u << color))
        for (color = 0; color < MC_CHART_PALETTE_SIZE && (used & (1u << color)); color++)
          ;
      /* More series than colours: the palette comes round again. */
      series->color = color % MC_CHART_PALETTE_SIZE;
      used |= 1u << series->color;
      if (used == (1u << MC_CHART_PALETTE_SIZE) - 1)
        used = 0;
    }
}
