/* mc-chart-model.c: one chart of a dataset, prepared for drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-chart-model.h"

#include <math.h>

#include "mc-chart-model-private.h"

G_DEFINE_FINAL_TYPE (McChartModel, mc_chart_model, G_TYPE_OBJECT)

static void find_x_extent (McChartModel *chart);

static void
mc_chart_model_finalize (GObject *object)
{
  McChartModel *self = MC_CHART_MODEL (object);

  g_clear_object (&self->dataset);
  g_clear_object (&self->data);
  g_clear_pointer (&self->data_origin, mc_table_origin_unref);
  g_clear_pointer (&self->columns, g_hash_table_unref);
  g_free (self->title);
  g_free (self->source_name);
  g_free (self->source_date);
  g_clear_pointer (&self->spec, mc_chart_spec_free);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->category_days, g_array_unref);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->category_colors, g_array_unref);
  g_clear_pointer (&self->annotations, g_array_unref);
  mc_chart_clear_fold (self);
  if (self->prepared != NULL && self->kind->free_prepared != NULL)
    self->kind->free_prepared (self->prepared);

  G_OBJECT_CLASS (mc_chart_model_parent_class)->finalize (object);
}

static void
mc_chart_model_class_init (McChartModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_chart_model_finalize;
}

static void
mc_chart_model_init (McChartModel *self)
{
  self->columns = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) mc_column_free);
}

/* Texts the frame shows, as they are now. */
static void
copy_texts (McChartModel *self)
{
  const char *title = self->spec->title;

  if (title == NULL || *title == '\0')
    title = mc_dataset_get_title (self->dataset);
  self->title = g_strdup (title);
  /* A chart may name a source of its own, without a date. */
  self->source_name = g_strdup (mc_chart_spec_get_string (self->spec, "source"));
  if (self->source_name != NULL && *self->source_name != '\0')
    return;
  g_free (self->source_name);
  self->source_name = g_strdup (mc_dataset_get_source_name (self->dataset));
  self->source_date = g_strdup (mc_dataset_get_source_date (self->dataset));
}

/**
 * mc_chart_model_new:
 * @dataset: the data
 * @spec: which columns to draw and how; copied
 * @error: return location for an error in %MC_CHART_ERROR
 *
 * Checks @spec against the columns of @dataset and prepares the series
 * (long tables split by their series column, the growth transform, pie
 * slices with their remainder).
 *
 * Returns: (transfer full): the model, or %NULL with @error set
 */
static McChartModel *
model_new (McDataset          *dataset,
           const McChartSpec  *spec,
           McChartModel       *before,
           const McChange     *change,
           GError            **error)
{
  g_autoptr(McChartModel) self = NULL;

  g_return_val_if_fail (MC_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (MC_TYPE_CHART_MODEL, NULL);
  self->dataset = g_object_ref (dataset);
  self->spec = mc_chart_spec_copy (spec);
  if (self->spec->id == NULL)
    self->spec->id = g_strdup ("chart");
  self->kind = mc_chart_kind_lookup (self->spec->type);
  copy_texts (self);
  if (!mc_chart_data_prepare (self, before, change, error))
    return NULL;
  find_x_extent (self);
  return g_steal_pointer (&self);
}

McChartModel *
mc_chart_model_new (McDataset          *dataset,
                    const McChartSpec  *spec,
                    GError            **error)
{
  return model_new (dataset, spec, NULL, NULL, error);
}

/**
 * mc_chart_model_new_edited:
 * @before: (nullable): a model made of @dataset as it was just before
 *   the edit (after every edit before it), such as the chart shown
 * @dataset: the data, as the edit left it
 * @spec: which columns to draw and how; copied
 * @change: what the edit changed
 * @error: return location for an error in %MC_CHART_ERROR
 *
 * mc_chart_model_new(), with what @before holds used again where the
 * kind can: after an edit of a price, candles mend the day, week, month,
 * quarter and year of its row rather than read every row again. The
 * model is the same as mc_chart_model_new() would make.
 *
 * Returns: (transfer full): the model, or %NULL with @error set
 */
McChartModel *
mc_chart_model_new_edited (McChartModel       *before,
                           McDataset          *dataset,
                           const McChartSpec  *spec,
                           const McChange     *change,
                           GError            **error)
{
  g_return_val_if_fail (before == NULL || MC_IS_CHART_MODEL (before), NULL);

  return model_new (dataset, spec, before, change, error);
}

McDataset *
mc_chart_model_get_dataset (McChartModel *chart)
{
  g_return_val_if_fail (MC_IS_CHART_MODEL (chart), NULL);
  return chart->dataset;
}

const McChartSpec *
mc_chart_model_get_spec (McChartModel *chart)
{
  g_return_val_if_fail (MC_IS_CHART_MODEL (chart), NULL);
  return chart->spec;
}

const char *
mc_chart_model_get_title (McChartModel *chart)
{
  g_return_val_if_fail (MC_IS_CHART_MODEL (chart), NULL);
  return chart->title;
}

const char *
mc_chart_model_get_source_name (McChartModel *chart)
{
  return chart->source_name;
}

const char *
mc_chart_model_get_source_date (McChartModel *chart)
{
  return chart->source_date;
}

const McChartKind *
mc_chart_model_get_kind (McChartModel *chart)
{
  g_return_val_if_fail (MC_IS_CHART_MODEL (chart), NULL);
  return chart->kind;
}

gboolean
mc_chart_model_can_hide_series (McChartModel *chart)
{
  g_return_val_if_fail (MC_IS_CHART_MODEL (chart), FALSE);
  return (chart->kind->caps & MC_CHART_CAPS_HIDE_SERIES) != 0;
}

guint
mc_chart_model_get_n_series (McChartModel *chart)
{
  g_return_val_if_fail (MC_IS_CHART_MODEL (chart), 0);
  return chart->series->len;
}

const char *
mc_chart_model_get_series_name (McChartModel *chart,
                                guint         series)
{
  g_return_val_if_fail (MC_IS_CHART_MODEL (chart), NULL);
  g_return_val_if_fail (series < chart->series->len, NULL);
  return mc_chart_model_get_series (chart, series)->name;
}

void
mc_chart_model_get_series_color (McChartModel  *chart,
                                 guint          series,
                                 const McTheme *theme,
                                 McColor       *color)
{
  g_return_if_fail (MC_IS_CHART_MODEL (chart));
  g_return_if_fail (series < chart->series->len);
  g_return_if_fail (theme != NULL && color != NULL);

  mc_theme_get_color (theme, mc_chart_model_get_series (chart, series)->color,
                      MC_COLOR_ROLE_FILL, color);
}

/* Zooming */

static gboolean
has_continuous_x (McChartModel *chart)
{
  return (chart->kind->caps & MC_CHART_CAPS_ZOOM_X)
         && (chart->x_kind == MC_X_TIME || chart->x_kind == MC_X_NUMBER);
}

/* The x of the first (or, with @step -1, the last) present value of a
 * series whose x never decreases: from its ends, not through it all. */
static double
sorted_end_x (const McSeries *series,
              int             step)
{
  guint n = mc_series_get_n_points (series);

  for (guint k = 0; k < n; k++)
    {
      guint i = step > 0 ? k : n - 1 - k;

      if (!isnan (mc_series_get_y (series, i)) && isfinite (mc_series_get_x (series, i)))
        return mc_series_get_x (series, i);
    }
  return NAN;
}

static void
extend_range (double *lo,
              double *hi,
              double  x)
{
  if (isnan (x))
    return;
  *lo = isnan (*lo) ? x : MIN (*lo, x);
  *hi = isnan (*hi) ? x : MAX (*hi, x);
}

/* Once, while the model is made: zooming asks for it on every step. */
static void
find_x_extent (McChartModel *chart)
{
  chart->x_min = chart->x_max = NAN;
  if (!has_continuous_x (chart))
    return;
  for (guint s = 0; s < chart->series->len; s++)
    {
      McSeries *series = mc_chart_model_get_series (chart, s);

      if (series->x_sorted)
        {
          extend_range (&chart->x_min, &chart->x_max, sorted_end_x (series, 1));
          extend_range (&chart->x_min, &chart->x_max, sorted_end_x (series, -1));
          continue;
        }
      for (guint i = 0; i < mc_series_get_n_points (series); i++)
        if (!isnan (mc_series_get_y (series, i)) && isfinite (mc_series_get_x (series, i)))
          extend_range (&chart->x_min, &chart->x_max, mc_series_get_x (series, i));
    }
}

/**
 * mc_chart_model_get_x_extent:
 * @chart: a chart model
 * @min: (out): the smallest x of a present value
 * @max: (out): the largest
 *
 * Returns: %FALSE if the chart has no continuous x axis or no data
 */
gboolean
mc_chart_model_get_x_extent (McChartModel *chart,
                             double       *min,
                             double       *max)
{
  g_return_val_if_fail (MC_IS_CHART_MODEL (chart), FALSE);

  if (isnan (chart->x_min))
    return FALSE;
  *min = chart->x_min;
  *max = chart->x_max;
  return TRUE;
}

gboolean
mc_chart_model_can_zoom (McChartModel *chart)
{
  double min, max;

  g_return_val_if_fail (MC_IS_CHART_MODEL (chart), FALSE);
  return mc_chart_model_get_x_extent (chart, &min, &max) && max > min;
}
