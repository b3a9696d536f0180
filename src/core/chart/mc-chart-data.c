/* mc-chart-data.c: from a dataset and a chart spec to series ready to draw
 *
 * Checks the spec against the columns, splits long tables into series,
 * applies the growth transform, assigns each entity its colour and
 * prepares the slices of pies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mc-chart-private.h"
#include "mc-format.h"

#define MC_PIE_MAX_SLICES 6
#define MC_GROWTH_DECIMALS 1

static void
series_free (gpointer data)
{
  McSeries *series = data;

  g_free (series->name);
  g_clear_pointer (&series->derived, mc_column_free);
  g_array_unref (series->x);
  g_array_unref (series->y);
  g_clear_pointer (&series->rows, g_array_unref);
  g_clear_pointer (&series->estimate, g_array_unref);
  g_clear_pointer (&series->blocks, g_array_unref);
  g_free (series);
}

static McSeries *
series_new (const char     *name,
            const McColumn *column,
            guint           axis,
            guint           reserve)
{
  McSeries *series = g_new0 (McSeries, 1);

  series->name = g_strdup (name);
  series->column = column;
  series->axis = axis;
  series->visible = TRUE;
  series->x_sorted = TRUE;
  series->x = g_array_sized_new (FALSE, FALSE, sizeof (double), reserve);
  series->y = g_array_sized_new (FALSE, FALSE, sizeof (double), reserve);
  series->rows = g_array_sized_new (FALSE, FALSE, sizeof (guint), reserve);
  series->estimate = g_array_sized_new (FALSE, FALSE, sizeof (guint8), reserve);
  return series;
}

static void
series_append (McSeries *series,
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

GPtrArray *
mc_chart_data_new_series_array (void)
{
  return g_ptr_array_new_with_free_func (series_free);
}

/* Validation */

static const McColumn *
lookup_column (McDataset          *dataset,
               const McChartSpec  *spec,
               const char         *id,
               gboolean            numeric,
               GError            **error)
{
  const McColumn *column = mc_dataset_lookup_column (dataset, id);

  if (column == NULL)
    {
      g_set_error (error, MC_CHART_ERROR, MC_CHART_ERROR_COLUMN,
                   _("Chart “%s”: there is no column “%s”"), spec->id, id);
      return NULL;
    }
  if (numeric && mc_column_get_column_type (column) != MC_COLUMN_NUMBER)
    {
      g_set_error (error, MC_CHART_ERROR, MC_CHART_ERROR_COLUMN,
                   _("Chart “%s”: column “%s” holds %s values, expected numbers"),
                   spec->id, id,
                   mc_column_type_to_string (mc_column_get_column_type (column)));
      return NULL;
    }
  return column;
}

static gboolean
check_spec (McDataset          *dataset,
            const McChartSpec  *spec,
            GError            **error)
{
  if (spec->x == NULL || spec->y == NULL || spec->y[0] == NULL)
    {
      g_set_error (error, MC_CHART_ERROR, MC_CHART_ERROR_COLUMN,
                   _("Chart “%s”: needs an x column and at least one y column"),
                   spec->id);
      return FALSE;
    }
  if (lookup_column (dataset, spec, spec->x, FALSE, error) == NULL)
    return FALSE;
  for (guint i = 0; spec->y[i]; i++)
    if (lookup_column (dataset, spec, spec->y[i], TRUE, error) == NULL)
      return FALSE;
  for (guint i = 0; spec->y2 && spec->y2[i]; i++)
    if (lookup_column (dataset, spec, spec->y2[i], TRUE, error) == NULL)
      return FALSE;
  if (spec->series && lookup_column (dataset, spec, spec->series, FALSE, error) == NULL)
    return FALSE;

  if (spec->y2 && spec->y2[0] && spec->type != MC_CHART_LINE)
    {
      g_set_error (error, MC_CHART_ERROR, MC_CHART_ERROR_INVALID,
                   _("Chart “%s”: only line charts can have a second y axis"), spec->id);
      return FALSE;
    }
  if (spec->series && spec->y2 && spec->y2[0])
    {
      g_set_error (error, MC_CHART_ERROR, MC_CHART_ERROR_INVALID,
                   _("Chart “%s”: a chart with a series column can't have a second y axis"),
                   spec->id);
      return FALSE;
    }
  if (spec->type == MC_CHART_PIE && (spec->y[1] != NULL || spec->series))
    {
      g_set_error (error, MC_CHART_ERROR, MC_CHART_ERROR_INVALID,
                   _("Chart “%s”: a pie chart shows exactly one y column"), spec->id);
      return FALSE;
    }
  return TRUE;
}

/* The x column */

static McXKind
choose_x_kind (const McChartSpec *spec,
               const McColumn    *x)
{
  McColumnType type = mc_column_get_column_type (x);

  if (spec->type == MC_CHART_BAR || spec->type == MC_CHART_PIE)
    return MC_X_CATEGORY;
  if (type == MC_COLUMN_DATE)
    return MC_X_TIME;
  if (type == MC_COLUMN_NUMBER)
    return MC_X_NUMBER;
  return MC_X_CATEGORY;
}

static char *
format_x_cell (const McColumn *x,
               guint           row)
{
  if (mc_column_is_missing (x, row))
    return g_strdup ("—");
  switch (mc_column_get_column_type (x))
    {
    case MC_COLUMN_STRING:
      return g_strdup (mc_column_get_string (x, row));
    case MC_COLUMN_DATE:
      return mc_format_date (mc_column_get_value (x, row), mc_column_get_date_precision (x));
    case MC_COLUMN_NUMBER:
      return mc_format_value (x, mc_column_get_value (x, row), -1);
    case MC_COLUMN_BOOLEAN:
    default:
      return mc_format_cell (x, row);
    }
}

static char *
format_key (const McColumn *column,
            guint           row)
{
  if (mc_column_get_column_type (column) == MC_COLUMN_STRING)
    return g_strdup (mc_column_get_string (column, row));
  return g_strdup_printf ("%.17g", mc_column_get_value (column, row));
}

static void
add_category_days (McChart *chart,
                   guint    row)
{
  double days = NAN;

  if (mc_column_get_column_type (chart->x_column) == MC_COLUMN_DATE)
    days = mc_column_get_value (chart->x_column, row);
  g_array_append_val (chart->category_days, days);
}

/* Categories: one per row, or one per distinct x of a long table. Fills
 * @row_category with the category of each row. */
static void
build_categories (McChart *chart,
                  guint   *row_category)
{
  guint n_rows = mc_dataset_get_n_rows (chart->dataset);
  g_autoptr(GHashTable) seen = NULL;

  chart->categories = g_ptr_array_new_with_free_func (g_free);
  chart->category_days = g_array_new (FALSE, FALSE, sizeof (double));
  if (chart->spec->series == NULL)
    {
      for (guint row = 0; row < n_rows; row++)
        {
          g_ptr_array_add (chart->categories, format_x_cell (chart->x_column, row));
          add_category_days (chart, row);
          row_category[row] = row;
        }
      return;
    }

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint row = 0; row < n_rows; row++)
    {
      char *key = format_key (chart->x_column, row);
      gpointer index;

      if (key == NULL)
        key = g_strdup ("");
      if (!g_hash_table_lookup_extended (seen, key, NULL, &index))
        {
          index = GUINT_TO_POINTER (chart->categories->len);
          g_ptr_array_add (chart->categories, format_x_cell (chart->x_column, row));
          add_category_days (chart, row);
          g_hash_table_insert (seen, key, index);
        }
      else
        g_free (key);
      row_category[row] = GPOINTER_TO_UINT (index);
    }
}

/* Series */

static double
point_x (McChart     *chart,
         const guint *row_category,
         guint        row)
{
  if (chart->x_kind == MC_X_CATEGORY)
    return row_category[row];
  return mc_column_get_value (chart->x_column, row);
}

/* Whether every row of a time or number chart has an x; on the way,
 * whether x is sorted and the range of y and its gaps. */
static gboolean
scan_columns (const double *x_values,
              const double *y_values,
              guint         n_rows,
              McSeries     *series)
{
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
  gboolean sorted = TRUE, gaps = FALSE;
  g_autoptr(GArray) blocks = NULL;
  McSeriesBlock *block = NULL;

  if (n_rows >= 4 * MC_SERIES_BLOCK)
    {
      blocks = g_array_sized_new (FALSE, FALSE, sizeof (McSeriesBlock),
                                  n_rows / MC_SERIES_BLOCK + 1);
      g_array_set_size (blocks, (n_rows + MC_SERIES_BLOCK - 1) / MC_SERIES_BLOCK);
    }
  for (guint row = 0; row < n_rows; row++)
    {
      double y = y_values[row];

      if (isnan (x_values[row]))
        return FALSE;
      if (row > 0 && !(x_values[row] >= x_values[row - 1]))
        sorted = FALSE;
      if (blocks != NULL && row % MC_SERIES_BLOCK == 0)
        {
          block = &g_array_index (blocks, McSeriesBlock, row / MC_SERIES_BLOCK);
          block->low = block->high = G_MAXUINT;
        }
      if (isnan (y))
        {
          gaps = TRUE;
          continue;
        }
      lo = MIN (lo, y);
      hi = MAX (hi, y);
      if (block == NULL)
        continue;
      if (block->low == G_MAXUINT || y < y_values[block->low])
        block->low = row;
      if (block->high == G_MAXUINT || y > y_values[block->high])
        block->high = row;
    }
  series->x_sorted = sorted;
  series->stats_known = TRUE;
  series->y_gaps = gaps;
  series->y_min = lo <= hi ? lo : NAN;
  series->y_max = lo <= hi ? hi : NAN;
  series->blocks = sorted ? g_steal_pointer (&blocks) : NULL;
  return TRUE;
}

/* A series that is its columns: the x and y values are shared with the
 * dataset rather than copied (millions of rows: tens of megabytes). Only
 * when every row has an x and no transform changes the values. */
static gboolean
add_shared_series (McChart        *chart,
                   const McColumn *column,
                   const double   *x_values,
                   guint           axis,
                   guint           n_rows)
{
  McSeries *series;

  if (chart->spec->transform != MC_TRANSFORM_NONE)
    return FALSE;

  series = series_new (mc_column_get_label (column), column, axis, 0);
  if (!scan_columns (x_values, mc_column_get_values (column, NULL), n_rows, series))
    {
      series_free (series);
      return FALSE;
    }
  g_array_unref (series->x);
  g_array_unref (series->y);
  series->x = mc_column_ref_values (chart->x_column);
  series->y = mc_column_ref_values (column);
  /* Point i is row i. */
  g_clear_pointer (&series->rows, g_array_unref);
  if (mc_column_has_annotations (column))
    {
      g_array_set_size (series->estimate, n_rows);
      for (guint row = 0; row < n_rows; row++)
        series->estimate->data[row] = mc_column_is_estimate (column, row);
    }
  else
    g_clear_pointer (&series->estimate, g_array_unref);
  g_ptr_array_add (chart->series, series);
  return TRUE;
}

static void
add_column_series (McChart     *chart,
                   const char  *id,
                   guint        axis,
                   const guint *row_category)
{
  const McColumn *column = mc_dataset_lookup_column (chart->dataset, id);
  guint n_rows = mc_dataset_get_n_rows (chart->dataset);
  const double *values = mc_column_get_values (column, NULL);
  const double *x_values = chart->x_kind == MC_X_CATEGORY
                           ? NULL : mc_column_get_values (chart->x_column, NULL);
  gboolean annotated = mc_column_has_annotations (column);
  McSeries *series;
  double *xs, *ys;
  guint *rows;
  guint8 *estimates;
  guint n = 0;

  if (x_values != NULL && add_shared_series (chart, column, x_values, axis, n_rows))
    return;

  series = series_new (mc_column_get_label (column), column, axis, n_rows);

  /* Millions of rows: filled in place rather than point by point. */
  g_array_set_size (series->x, n_rows);
  g_array_set_size (series->y, n_rows);
  g_array_set_size (series->rows, n_rows);
  g_array_set_size (series->estimate, n_rows);
  xs = (double *) (gpointer) series->x->data;
  ys = (double *) (gpointer) series->y->data;
  rows = (guint *) (gpointer) series->rows->data;
  estimates = (guint8 *) series->estimate->data;

  for (guint row = 0; row < n_rows; row++)
    {
      double x = x_values != NULL ? x_values[row] : row_category[row];

      /* A point without an x can't be placed on a time or number axis. */
      if (isnan (x))
        continue;
      if (n > 0 && !(x >= xs[n - 1]))
        series->x_sorted = FALSE;
      xs[n] = x;
      ys[n] = values[row];
      rows[n] = row;
      estimates[n] = annotated && mc_column_is_estimate (column, row);
      n++;
    }

  g_array_set_size (series->x, n);
  g_array_set_size (series->y, n);
  g_array_set_size (series->rows, n);
  g_array_set_size (series->estimate, n);
  g_ptr_array_add (chart->series, series);
}

/* A long table: one series per distinct value of the series column, in
 * order of first appearance. */
static void
add_long_series (McChart     *chart,
                 const guint *row_category)
{
  const McColumn *column = mc_dataset_lookup_column (chart->dataset, chart->spec->y[0]);
  const McColumn *key_column = mc_dataset_lookup_column (chart->dataset, chart->spec->series);
  guint n_rows = mc_dataset_get_n_rows (chart->dataset);
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint row = 0; row < n_rows; row++)
    {
      g_autofree char *name = format_x_cell (key_column, row);
      double x = point_x (chart, row_category, row);
      gpointer found;
      McSeries *series;

      if (isnan (x) || mc_column_is_missing (key_column, row))
        continue;
      if (!g_hash_table_lookup_extended (index, name, NULL, &found))
        {
          found = GUINT_TO_POINTER (chart->series->len);
          g_ptr_array_add (chart->series, series_new (name, column, 0, 0));
          g_hash_table_insert (index, g_strdup (name), found);
        }
      series = g_ptr_array_index (chart->series, GPOINTER_TO_UINT (found));
      series_append (series, x, mc_column_get_value (column, row), row,
                     mc_column_is_estimate (column, row));
    }
}

/* Growth: the percent change against the previous point of the series.
 * The first point has none; an estimate on either side makes the change
 * an estimate. Nor does a change from zero or from a negative value: a
 * loss of 45 turning into a profit of 280 is no "−722 %". */
static void
apply_growth (McSeries *series)
{
  g_autofree char *label = NULL;
  double previous = NAN;
  gboolean previous_estimate = FALSE;

  for (guint i = 0; i < series->y->len; i++)
    {
      double *y = &g_array_index (series->y, double, i);
      guint8 *estimate = &g_array_index (series->estimate, guint8, i);
      double value = *y;
      gboolean is_estimate = *estimate;

      *y = (isnan (previous) || previous <= 0 || isnan (value))
           ? NAN : (value / previous - 1) * 100;
      *estimate = !isnan (*y) && (is_estimate || previous_estimate);
      previous = value;
      previous_estimate = is_estimate;
    }

  /* Translators: name of a derived series, as in "Revenue growth" */
  label = g_strdup_printf (C_("growth series", "%s growth"), series->name);
  series->derived = mc_column_new ("growth", label, MC_COLUMN_NUMBER);
  mc_column_set_unit (series->derived, "percent");
  series->column = series->derived;
  g_free (series->name);
  series->name = g_steal_pointer (&label);
  series->decimals = MC_GROWTH_DECIMALS;
}

/* On a category axis, the first category of a growth chart can never
 * have a value: leave it out rather than show an empty slot. */
static void
drop_first_category (McChart *chart)
{
  if (chart->categories->len == 0)
    return;
  g_ptr_array_remove_index (chart->categories, 0);
  g_array_remove_index (chart->category_days, 0);
  if (chart->category_colors && chart->category_colors->len > 0)
    g_array_remove_index (chart->category_colors, 0);
  for (guint s = 0; s < chart->series->len; s++)
    {
      McSeries *series = g_ptr_array_index (chart->series, s);
      guint keep = 0;

      for (guint i = 0; i < series->x->len; i++)
        {
          double x = g_array_index (series->x, double, i);

          if (x < 0.5)
            continue;
          g_array_index (series->x, double, keep) = x - 1;
          g_array_index (series->y, double, keep) = g_array_index (series->y, double, i);
          g_array_index (series->rows, guint, keep) = g_array_index (series->rows, guint, i);
          g_array_index (series->estimate, guint8, keep) =
            g_array_index (series->estimate, guint8, i);
          keep++;
        }
      g_array_set_size (series->x, keep);
      g_array_set_size (series->y, keep);
      g_array_set_size (series->rows, keep);
      g_array_set_size (series->estimate, keep);
    }
}

static void
finish_series (McChart *chart)
{
  for (guint s = 0; s < chart->series->len; s++)
    {
      McSeries *series = g_ptr_array_index (chart->series, s);

      if (chart->spec->transform == MC_TRANSFORM_GROWTH)
        apply_growth (series);
      else
        series->decimals = mc_format_column_decimals (series->column);
      for (guint i = 0; series->estimate != NULL && i < series->estimate->len; i++)
        if (g_array_index (series->estimate, guint8, i))
          chart->has_estimates = TRUE;
    }
  if (chart->spec->transform == MC_TRANSFORM_GROWTH && chart->x_kind == MC_X_CATEGORY)
    drop_first_category (chart);
}

static void
build_series (McChart *chart)
{
  guint n_rows = mc_dataset_get_n_rows (chart->dataset);
  g_autofree guint *row_category = g_new0 (guint, MAX (n_rows, 1));

  if (chart->x_kind == MC_X_CATEGORY)
    build_categories (chart, row_category);
  chart->series = mc_chart_data_new_series_array ();

  if (chart->spec->series)
    add_long_series (chart, row_category);
  else
    {
      for (guint i = 0; chart->spec->y[i]; i++)
        add_column_series (chart, chart->spec->y[i], 0, row_category);
      for (guint i = 0; chart->spec->y2 && chart->spec->y2[i]; i++)
        add_column_series (chart, chart->spec->y2[i], 1, row_category);
    }
}

/* Colours: an entity keeps its colour across the charts of a dataset. The
 * entities are the names that tell marks apart: the categories of charts
 * coloured by category, the series of charts with several series. Each
 * gets the next palette colour in dataset order. */

/* A text that names a period rather than an entity: it holds a year
 * ("Q1 2024", "FY2023", "2023/24", "H2 2022"). */
static gboolean
names_period (const char *text)
{
  guint digits = 0;

  for (const char *p = text; p && *p; p++)
    {
      if (!g_ascii_isdigit (*p))
        {
          digits = 0;
          continue;
        }
      if (++digits == 4 && (p[-3] == '1' || p[-3] == '2') && !g_ascii_isdigit (p[1]))
        return TRUE;
    }
  return FALSE;
}

/* Periods are not entities: quarters in four colours would say they are
 * four different things. */
static gboolean
column_names_periods (const McColumn *column)
{
  for (guint row = 0; row < mc_column_get_n_rows (column); row++)
    if (!mc_column_is_missing (column, row)
        && !names_period (mc_column_get_string (column, row)))
      return FALSE;
  return TRUE;
}

static gboolean
spec_colors_by_category (McDataset         *dataset,
                         const McChartSpec *spec)
{
  const McColumn *x = mc_dataset_lookup_column (dataset, spec->x);
  guint n_y = spec->y ? g_strv_length (spec->y) : 0;

  if (x == NULL || mc_column_get_column_type (x) != MC_COLUMN_STRING || spec->series)
    return FALSE;
  if (spec->type == MC_CHART_PIE)
    return TRUE;
  return spec->type == MC_CHART_BAR && n_y == 1 && (spec->y2 == NULL || spec->y2[0] == NULL)
         && mc_dataset_get_n_rows (dataset) <= MC_CHART_MAX_CATEGORY_COLORS
         && !column_names_periods (x);
}

static void
add_entity (GHashTable *entities,
            const char *name)
{
  if (name && !g_hash_table_contains (entities, name))
    g_hash_table_insert (entities, g_strdup (name),
                         GUINT_TO_POINTER (g_hash_table_size (entities)));
}

static void
add_column_entities (GHashTable *entities,
                     McDataset  *dataset,
                     const char *id)
{
  const McColumn *column = mc_dataset_lookup_column (dataset, id);

  if (column == NULL)
    return;
  for (guint row = 0; row < mc_column_get_n_rows (column); row++)
    if (!mc_column_is_missing (column, row))
      {
        g_autofree char *name = format_x_cell (column, row);

        add_entity (entities, name);
      }
}

static void
add_spec_entities (GHashTable        *entities,
                   McDataset         *dataset,
                   const McChartSpec *spec)
{
  guint n_series = (spec->y ? g_strv_length (spec->y) : 0)
                   + (spec->y2 ? g_strv_length (spec->y2) : 0);

  if (spec->series)
    add_column_entities (entities, dataset, spec->series);
  else if (spec_colors_by_category (dataset, spec))
    add_column_entities (entities, dataset, spec->x);
  else if (n_series > 1)
    {
      char **lists[] = { spec->y, spec->y2 };

      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        for (guint i = 0; lists[l] && lists[l][i]; i++)
          {
            const McColumn *column = mc_dataset_lookup_column (dataset, lists[l][i]);

            if (column)
              add_entity (entities, mc_column_get_label (column));
          }
    }
}

GHashTable *
mc_chart_data_collect_entities (McDataset         *dataset,
                                const McChartSpec *spec)
{
  GHashTable *entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < mc_dataset_get_n_charts (dataset); i++)
    add_spec_entities (entities, dataset, mc_dataset_get_chart (dataset, i));
  /* A chart that is not (yet) part of the dataset adds its own names. */
  add_spec_entities (entities, dataset, spec);
  return entities;
}

static guint
entity_color (GHashTable *entities,
              const char *name)
{
  gpointer index;

  if (name && g_hash_table_lookup_extended (entities, name, NULL, &index))
    return GPOINTER_TO_UINT (index);
  return 0;
}

static void
assign_colors (McChart *chart)
{
  g_autoptr(GHashTable) entities = mc_chart_data_collect_entities (chart->dataset, chart->spec);

  /* Before any transform renames them: a growth series has the colour
   * of the column it derives from. */
  for (guint s = 0; s < chart->series->len; s++)
    {
      McSeries *series = g_ptr_array_index (chart->series, s);

      series->color = entity_color (entities, series->name);
    }

  chart->category_colors = g_array_new (FALSE, TRUE, sizeof (guint));
  chart->color_by_category = chart->categories != NULL
                             && spec_colors_by_category (chart->dataset, chart->spec);
  for (guint c = 0; chart->categories && c < chart->categories->len; c++)
    {
      guint color = entity_color (entities, g_ptr_array_index (chart->categories, c));

      g_array_append_val (chart->category_colors, color);
    }
}

/* Pies */

static guint
mc_chart_data_max_category (GArray *slices)
{
  guint max = 0;

  for (guint i = 0; i < slices->len; i++)
    max = MAX (max, g_array_index (slices, McSlice, i).category);
  return max;
}

static int
compare_slices (gconstpointer a,
                gconstpointer b)
{
  const McSlice *sa = a;
  const McSlice *sb = b;

  if (sa->value != sb->value)
    return sa->value < sb->value ? 1 : -1;
  return (int) sa->category - (int) sb->category;
}

static gboolean
collect_slices (McChart  *chart,
                GArray   *slices,
                double   *sum,
                GError  **error)
{
  McSeries *series = g_ptr_array_index (chart->series, 0);

  *sum = 0;
  for (guint i = 0; i < series->y->len; i++)
    {
      McSlice slice = { 0 };
      double value = g_array_index (series->y, double, i);

      if (isnan (value))
        continue;
      if (value < 0 || isinf (value))
        {
          g_autofree char *text = mc_series_format_value (series, value, TRUE);

          g_set_error (error, MC_CHART_ERROR, MC_CHART_ERROR_NEGATIVE,
                       _("Chart “%s”: a pie can't show the negative value %s of “%s”"),
                       chart->spec->id, text,
                       mc_chart_get_category (chart, (guint) mc_series_get_x (series, i)));
          return FALSE;
        }
      slice.category = (guint) g_array_index (series->x, double, i);
      slice.row = mc_series_get_row (series, i);
      slice.value = value;
      slice.estimate = mc_series_is_estimate (series, i);
      slice.color = g_array_index (chart->category_colors, guint, slice.category);
      g_array_append_val (slices, slice);
      *sum += value;
    }
  return TRUE;
}

/* At most six slices: the smallest of the rest go into Other. */
static double
fold_small_slices (GArray *slices)
{
  g_autoptr(GArray) by_size = NULL;
  g_autofree gboolean *keep = NULL;
  double folded = 0;

  if (slices->len <= MC_PIE_MAX_SLICES + 1)
    return 0;

  by_size = g_array_copy (slices);
  g_array_sort (by_size, compare_slices);
  keep = g_new0 (gboolean, slices->len + (gsize) mc_chart_data_max_category (slices) + 1);
  for (guint i = 0; i < MC_PIE_MAX_SLICES; i++)
    keep[g_array_index (by_size, McSlice, i).category] = TRUE;

  for (guint i = 0; i < slices->len; )
    {
      McSlice *slice = &g_array_index (slices, McSlice, i);

      if (keep[slice->category])
        {
          i++;
          continue;
        }
      folded += slice->value;
      g_array_remove_index (slices, i);
    }
  return folded;
}

/* Gives slices that share a palette colour (more entities than colours)
 * colours no other slice of this pie uses. */
static void
unique_slice_colors (GArray *slices)
{
  guint used = 0;

  for (guint i = 0; i < slices->len; i++)
    {
      McSlice *slice = &g_array_index (slices, McSlice, i);
      guint color = slice->color % MC_CHART_PALETTE_SIZE;

      if (used & (1u << color))
        for (color = 0; color < MC_CHART_PALETTE_SIZE && (used & (1u << color)); color++)
          ;
      slice->color = color % MC_CHART_PALETTE_SIZE;
      used |= 1u << slice->color;
    }
}

static gboolean
build_slices (McChart  *chart,
              GError  **error)
{
  g_autoptr(GArray) slices = g_array_new (FALSE, TRUE, sizeof (McSlice));
  double sum, whole, other;

  if (!collect_slices (chart, slices, &sum, error))
    return FALSE;

  whole = isfinite (chart->spec->total) && chart->spec->total > 0 ? chart->spec->total : sum;
  if (sum > whole * (1 + 1e-9))
    {
      McSeries *series = g_ptr_array_index (chart->series, 0);
      g_autofree char *sum_text = mc_series_format_value (series, sum, TRUE);
      g_autofree char *whole_text = mc_series_format_value (series, whole, TRUE);

      g_set_error (error, MC_CHART_ERROR, MC_CHART_ERROR_INVALID,
                   _("Chart “%s”: the slices add up to %s, more than the total %s"),
                   chart->spec->id, sum_text, whole_text);
      return FALSE;
    }
  if (whole <= 0)
    {
      g_set_error (error, MC_CHART_ERROR, MC_CHART_ERROR_NO_DATA,
                   _("Chart “%s”: the pie has no positive values"), chart->spec->id);
      return FALSE;
    }

  other = fold_small_slices (slices) + MAX (0, whole - sum);
  if (chart->spec->sort)
    g_array_sort (slices, compare_slices);
  unique_slice_colors (slices);
  if (other > whole * 1e-9)
    {
      McSlice slice = { 0 };

      slice.category = chart->categories->len;
      slice.row = mc_dataset_get_n_rows (chart->dataset);
      slice.value = other;
      slice.other = TRUE;
      g_array_append_val (slices, slice);
    }
  for (guint i = 0; i < slices->len; i++)
    g_array_index (slices, McSlice, i).fraction = g_array_index (slices, McSlice, i).value / whole;

  chart->pie_whole = whole;
  chart->slices = g_steal_pointer (&slices);
  return TRUE;
}

gboolean
mc_chart_data_prepare (McChart  *chart,
                       GError  **error)
{
  if (!check_spec (chart->dataset, chart->spec, error))
    return FALSE;

  chart->x_column = mc_dataset_lookup_column (chart->dataset, chart->spec->x);
  chart->x_kind = choose_x_kind (chart->spec, chart->x_column);
  build_series (chart);
  assign_colors (chart);
  finish_series (chart);

  if (chart->series->len == 0)
    {
      g_set_error (error, MC_CHART_ERROR, MC_CHART_ERROR_NO_DATA,
                   _("Chart “%s”: there is no data to draw"), chart->spec->id);
      return FALSE;
    }
  if (chart->spec->type == MC_CHART_PIE)
    return build_slices (chart, error);
  return TRUE;
}
