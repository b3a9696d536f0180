/* mc-chart-prepare.c: from a dataset and a chart spec to series ready to draw
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
#include <string.h>

#include "mc-chart-model-private.h"
#include "mc-format.h"
#include "mc-transform.h"

#define MC_GROWTH_DECIMALS 1

static GPtrArray *
series_array_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) mc_series_free);
}

/* The x column */

static McXKind
choose_x_kind (const McChartKind *kind,
               const McColumn    *x)
{
  McColumnType type = mc_column_get_column_type (x);

  if (kind->caps & MC_CHART_CAPS_CATEGORY_X)
    return MC_X_CATEGORY;
  if (type == MC_COLUMN_DATE)
    return MC_X_TIME;
  if (type == MC_COLUMN_NUMBER)
    return MC_X_NUMBER;
  return MC_X_CATEGORY;
}

/* The text of @x's cell in @row; its numbers with @decimals, which
 * mc_format_column_decimals() finds once for the many cells of a column
 * (it samples thousands of them). */
static char *
format_x_cell (const McColumn *x,
               guint           row,
               int             decimals)
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
      return mc_format_value (x, mc_column_get_value (x, row), decimals);
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
add_category_days (McChartModel *chart,
                   guint         row)
{
  double days = NAN;

  if (mc_column_get_column_type (chart->x_column) == MC_COLUMN_DATE)
    days = mc_column_get_value (chart->x_column, row);
  g_array_append_val (chart->category_days, days);
}

/* Categories: one per row, or one per distinct x of a long table. Fills
 * @row_category with the category of each row. */
static void
build_categories (McChartModel *chart,
                  guint        *row_category)
{
  guint n_rows = mc_dataset_get_n_rows (chart->data);
  int decimals = chart->x_decimals;
  g_autoptr(GHashTable) seen = NULL;

  chart->categories = g_ptr_array_new_with_free_func (g_free);
  chart->category_days = g_array_new (FALSE, FALSE, sizeof (double));
  if (!mc_chart_spec_has_option (chart->spec, "series"))
    {
      for (guint row = 0; row < n_rows; row++)
        {
          g_ptr_array_add (chart->categories, format_x_cell (chart->x_column, row, decimals));
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
          g_ptr_array_add (chart->categories, format_x_cell (chart->x_column, row, decimals));
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
point_x (McChartModel *chart,
         const guint  *row_category,
         guint         row)
{
  if (chart->x_kind == MC_X_CATEGORY)
    return row_category[row];
  return mc_column_get_value (chart->x_column, row);
}

/* What a series that is its columns knows from their summaries, made
 * while they were read (or once, for all the charts of the dataset):
 * whether x is sorted, the range and gaps of y, its level of detail. */
static void
take_summaries (McSeries             *series,
                const McValueSummary *x_summary,
                const McValueSummary *y_summary)
{
  series->x_sorted = mc_value_summary_is_sorted (x_summary);
  series->stats_known = TRUE;
  series->y_gaps = mc_value_summary_get_n_missing (y_summary) > 0;
  mc_value_summary_get_range (y_summary, &series->y_min, &series->y_max);
  series->summary = mc_value_summary_ref ((McValueSummary *) y_summary);
}

/* Whether the spec changes the values or the order of the points, which
 * a series that shares its column's values can't do. */
static gboolean
spec_changes_values (const McChartSpec *spec)
{
  return mc_chart_spec_is_growth (spec) || mc_chart_spec_is_indexed (spec)
         || mc_chart_spec_get_boolean (spec, "percent") || mc_chart_spec_get_boolean (spec, "sort")
         || mc_chart_spec_has_option (spec, "y2_transform");
}

/* A series that is its columns: the x and y values are shared with the
 * dataset rather than copied (millions of rows: tens of megabytes), and
 * an x that is a progression stays one. Only when every row has an x and
 * no transform changes the values. */
static gboolean
add_shared_series (McChartModel   *chart,
                   const McColumn *column,
                   guint           axis,
                   guint           n_rows)
{
  const McValueSummary *x_summary = mc_column_get_summary (chart->x_column);
  McSeries *series;

  if (spec_changes_values (chart->spec) || mc_value_summary_get_n_missing (x_summary) > 0)
    return FALSE;

  series = mc_series_new (mc_column_get_label (column), column, axis, 0);
  take_summaries (series, x_summary, mc_column_get_summary (column));
  g_clear_pointer (&series->x, g_array_unref);
  series->x_column = chart->x_column;
  g_array_unref (series->y);
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
add_column_series (McChartModel *chart,
                   const char   *id,
                   guint         axis,
                   const guint  *row_category)
{
  const McColumn *column = mc_chart_model_get_column (chart, id);
  guint n_rows = mc_dataset_get_n_rows (chart->data);
  const double *values, *x_values;
  gboolean annotated = mc_column_has_annotations (column);
  McSeries *series;
  double *xs, *ys;
  guint *rows;
  guint8 *estimates;
  guint n = 0;

  if (chart->x_kind != MC_X_CATEGORY && add_shared_series (chart, column, axis, n_rows))
    return;
  values = mc_column_get_values (column, NULL);
  x_values = chart->x_kind == MC_X_CATEGORY ? NULL : mc_column_get_values (chart->x_column, NULL);

  series = mc_series_new (mc_column_get_label (column), column, axis, n_rows);

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

/* The name of the series of @row: the text of its series column, or for
 * codes that are numbers the column's label with it, "cluster 4", since
 * "4" alone says nothing. */
static char *
series_name (const McColumn *column,
             guint           row,
             int             decimals)
{
  g_autofree char *value = format_x_cell (column, row, decimals);

  if (mc_column_get_column_type (column) != MC_COLUMN_NUMBER)
    return g_steal_pointer (&value);
  /* Translators: the name of a series of the rows whose code is a number:
   * "cluster 4" */
  return g_strdup_printf (C_("series of a code", "%s %s"), mc_column_get_label (column), value);
}

/* The series of the rows of a long table, by their series column */
typedef struct
{
  const McColumn *key_column;
  int             decimals;      /* of its numbers */
  GHashTable     *names;         /* of numbers: name → series */
  const guint    *codes;         /* of texts: their codes, */
  guint          *series_of;     /* and the series of each code, or G_MAXUINT */
} RowSeries;

/* The series of @row of a long table by its series column, its place
 * in @series_index: found by its text's code, or by its name, which is
 * made for each row of a column of numbers (series_name()). Adds a
 * series for a new name. */
static void
row_series (McChartModel   *chart,
            RowSeries      *by,
            const McColumn *column,
            guint           row,
            guint          *series_index)
{
  g_autofree char *name = NULL;
  gpointer found;

  if (by->codes != NULL)
    {
      guint *series = &by->series_of[by->codes[row]];

      if (*series == G_MAXUINT)
        {
          *series = chart->series->len;
          g_ptr_array_add (chart->series,
                           mc_series_new (mc_column_get_string (by->key_column, row), column,
                                          0, 0));
        }
      *series_index = *series;
      return;
    }
  name = series_name (by->key_column, row, by->decimals);
  if (!g_hash_table_lookup_extended (by->names, name, NULL, &found))
    {
      found = GUINT_TO_POINTER (chart->series->len);
      g_ptr_array_add (chart->series, mc_series_new (name, column, 0, 0));
      g_hash_table_insert (by->names, g_steal_pointer (&name), found);
    }
  *series_index = GPOINTER_TO_UINT (found);
}

/* Room for @n points in @series, whose arrays are then filled in place */
static void
series_set_size (McSeries *series,
                 guint     n)
{
  g_array_set_size (series->x, n);
  g_array_set_size (series->y, n);
  g_array_set_size (series->rows, n);
  g_array_set_size (series->estimate, n);
}

/* A long table: one series per distinct value of the series column, in
 * order of first appearance. The series of each row is found first and
 * the points counted, then each series' arrays are filled in place: a
 * million points appended one by one took twice as long. */
static void
add_long_series (McChartModel *chart,
                 const guint  *row_category)
{
  g_autofree const char **y = mc_chart_spec_get_strv (chart->spec, "y");
  const McColumn *column = mc_chart_model_get_column (chart, y[0]);
  const McColumn *key_column =
    mc_chart_model_get_column (chart, mc_chart_spec_get_string (chart->spec, "series"));
  guint n_rows = mc_dataset_get_n_rows (chart->data), first_series = chart->series->len;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree guint *series_of = NULL;
  g_autofree guint *series_of_row = g_new (guint, MAX (n_rows, 1));
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (guint));
  const double *values = mc_column_get_values (column, NULL);
  gboolean annotated = mc_column_has_annotations (column);
  RowSeries by = { key_column, mc_format_column_decimals (key_column), names, NULL, NULL };

  if (mc_column_get_column_type (key_column) == MC_COLUMN_STRING)
    {
      const McTextCodes *codes = mc_column_get_text_codes (key_column);
      guint n_texts = mc_text_codes_get_n_texts (codes);

      by.codes = mc_text_codes_get_codes (codes);
      by.series_of = series_of = g_new (guint, MAX (n_texts, 1));
      memset (series_of, 0xff, MAX (n_texts, 1) * sizeof (guint));
    }
  for (guint row = 0; row < n_rows; row++)
    {
      double x = point_x (chart, row_category, row);
      guint s;

      series_of_row[row] = G_MAXUINT;
      if (isnan (x) || mc_column_is_missing (key_column, row))
        continue;
      row_series (chart, &by, column, row, &s);
      s -= first_series;
      if (s >= counts->len)
        g_array_set_size (counts, s + 1);
      g_array_index (counts, guint, s)++;
      series_of_row[row] = s;
    }
  for (guint s = 0; s < counts->len; s++)
    series_set_size (g_ptr_array_index (chart->series, first_series + s),
                     g_array_index (counts, guint, s));
  /* counts now counts the points placed */
  memset (counts->data, 0, counts->len * sizeof (guint));
  for (guint row = 0; row < n_rows; row++)
    {
      McSeries *series;
      guint s = series_of_row[row], n;
      double x;

      if (s == G_MAXUINT)
        continue;
      series = g_ptr_array_index (chart->series, first_series + s);
      n = g_array_index (counts, guint, s)++;
      x = point_x (chart, row_category, row);
      if (n > 0 && !(x >= g_array_index (series->x, double, n - 1)))
        series->x_sorted = FALSE;
      g_array_index (series->x, double, n) = x;
      g_array_index (series->y, double, n) = values[row];
      g_array_index (series->rows, guint, n) = row;
      g_array_index (series->estimate, guint8, n) = annotated && mc_column_is_estimate (column, row);
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
  series->computed = TRUE;
  g_free (series->name);
  series->name = g_steal_pointer (&label);
  series->decimals = MC_GROWTH_DECIMALS;
}

/* On a category axis, the first category of a growth chart can never
 * have a value: leave it out rather than show an empty slot. */
static void
drop_first_category (McChartModel *chart)
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

/* Growth of every series ("transform"), or of those on the right axis
 * ("y2_transform": bars of revenue, a line of its growth). */
static gboolean
series_is_growth (McChartModel   *chart,
                  const McSeries *series)
{
  return mc_chart_spec_is_growth (chart->spec)
         || (series->axis == 1
             && g_strcmp0 (mc_chart_spec_get_string (chart->spec, "y2_transform"), "growth") == 0);
}

static void
finish_series (McChartModel *chart)
{
  const McSeries *gaps_found = NULL;

  for (guint s = 0; s < chart->series->len; s++)
    {
      McSeries *series = g_ptr_array_index (chart->series, s);

      if (series_is_growth (chart, series))
        apply_growth (series);
      else
        series->decimals = mc_format_column_decimals (series->column);
      for (guint i = 0; series->estimate != NULL && i < series->estimate->len; i++)
        if (g_array_index (series->estimate, guint8, i))
          chart->has_estimates = TRUE;
      if (chart->kind->caps & MC_CHART_CAPS_LINE_GAPS && chart->x_kind != MC_X_CATEGORY
          && !mc_series_share_gaps (series, gaps_found))
        {
          mc_series_find_gaps (series);
          gaps_found = series;
        }
    }
  if (mc_chart_spec_is_growth (chart->spec) && chart->x_kind == MC_X_CATEGORY)
    drop_first_category (chart);
}

static void
build_series (McChartModel *chart)
{
  guint n_rows = mc_dataset_get_n_rows (chart->data);
  g_autofree guint *row_category = NULL;
  const McOptionInfo * const *options = chart->kind->options;

  /* Only categories need it: for a time or number axis it would be
   * megabytes of zeros made again for every model. */
  if (chart->x_kind == MC_X_CATEGORY)
    {
      row_category = g_new0 (guint, MAX (n_rows, 1));
      build_categories (chart, row_category);
    }
  chart->series = series_array_new ();

  if (mc_chart_spec_has_option (chart->spec, "series"))
    {
      add_long_series (chart, row_category);
      return;
    }
  /* The columns of the options the kind plots as series ("y", "y2",
   * "close"), in the order of its options. */
  for (guint o = 0; options[o] != NULL; o++)
    {
      g_autofree const char **ids = NULL;
      guint axis = (options[o]->flags & MC_OPTION_RIGHT) ? 1 : 0;

      if (!(options[o]->flags & MC_OPTION_SERIES))
        continue;
      ids = mc_chart_spec_get_strv (chart->spec, options[o]->key);
      if (ids == NULL && mc_chart_spec_get_string (chart->spec, options[o]->key) != NULL)
        add_column_series (chart, mc_chart_spec_get_string (chart->spec, options[o]->key), axis,
                           row_category);
      for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
        add_column_series (chart, ids[i], axis, row_category);
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
  const McChartKind *kind = mc_chart_kind_lookup (spec->type);
  const McColumn *x = mc_dataset_lookup_column (dataset, mc_chart_spec_get_x (spec, dataset));

  if (kind == NULL || x == NULL || mc_column_get_column_type (x) != MC_COLUMN_STRING
      || mc_chart_spec_has_option (spec, "series"))
    return FALSE;
  if (kind->caps & MC_CHART_CAPS_CATEGORY_COLORS)
    return TRUE;
  return (kind->caps & MC_CHART_CAPS_FEW_CATEGORY_COLORS)
         && mc_chart_spec_get_strv_length (spec, "y") == 1
         && !mc_chart_spec_has_option (spec, "y2")
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
  int decimals;

  if (column == NULL)
    return;
  decimals = mc_format_column_decimals (column);
  if (mc_column_get_column_type (column) == MC_COLUMN_STRING)
    {
      const McTextCodes *codes = mc_column_get_text_codes (column);

      /* Each text once, in the order first met: its own name */
      for (guint code = 0; code < mc_text_codes_get_n_texts (codes); code++)
        add_entity (entities, mc_text_codes_get_text (codes, code));
      return;
    }
  for (guint row = 0; row < mc_column_get_n_rows (column); row++)
    if (!mc_column_is_missing (column, row))
      {
        g_autofree char *name = series_name (column, row, decimals);

        add_entity (entities, name);
      }
}

static void
add_spec_entities (GHashTable        *entities,
                   McDataset         *dataset,
                   const McChartSpec *spec)
{
  guint n_series = mc_chart_spec_get_strv_length (spec, "y")
                   + mc_chart_spec_get_strv_length (spec, "y2");

  if (mc_chart_spec_has_option (spec, "series"))
    add_column_entities (entities, dataset, mc_chart_spec_get_string (spec, "series"));
  else if (spec_colors_by_category (dataset, spec))
    add_column_entities (entities, dataset, mc_chart_spec_get_x (spec, dataset));
  else if (n_series > 1)
    {
      g_autofree const char **y = mc_chart_spec_get_strv (spec, "y");
      g_autofree const char **y2 = mc_chart_spec_get_strv (spec, "y2");
      const char **lists[] = { y, y2 };

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
assign_colors (McChartModel *chart)
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
                             && spec_colors_by_category (chart->data, chart->spec);
  for (guint c = 0; chart->categories && c < chart->categories->len; c++)
    {
      guint color = entity_color (entities, g_ptr_array_index (chart->categories, c));

      g_array_append_val (chart->category_colors, color);
    }
}

/* Colours the spec chooses, and its highlight: after any transform, by
 * the names its legend and labels show. */

/* Whether @name is category @c: *index is set, else the series. */
static gboolean
find_category (McChartModel *chart,
               const char   *name,
               guint        *index)
{
  for (guint c = 0; chart->categories != NULL && c < chart->categories->len; c++)
    if (g_strcmp0 (g_ptr_array_index (chart->categories, c), name) == 0)
      {
        *index = c;
        return TRUE;
      }
  return FALSE;
}

static McSeries *
find_series (McChartModel *chart,
             const char   *name)
{
  for (guint s = 0; s < chart->series->len; s++)
    {
      McSeries *series = g_ptr_array_index (chart->series, s);

      if (g_strcmp0 (series->name, name) == 0)
        return series;
    }
  return NULL;
}

/* The palette index of each thing the chart colours: its categories,
 * or its series. */
static guint *
color_slot (McChartModel *chart,
            guint         index)
{
  if (chart->color_by_category)
    return &g_array_index (chart->category_colors, guint, index);
  return &((McSeries *) g_ptr_array_index (chart->series, index))->color;
}

static guint
n_color_slots (McChartModel *chart)
{
  return chart->color_by_category ? chart->category_colors->len : chart->series->len;
}

static const char *
color_slot_name (McChartModel *chart,
                 guint         index)
{
  if (chart->color_by_category)
    return g_ptr_array_index (chart->categories, index);
  return ((McSeries *) g_ptr_array_index (chart->series, index))->name;
}

/* A chosen colour is that thing's alone: another that had it by default
 * takes a colour the chart does not use yet, where there is one. */
static void
make_room_for_chosen (McChartModel *chart,
                      GVariant     *colors)
{
  guint n = n_color_slots (chart);
  guint64 used = 0;

  for (guint i = 0; i < n; i++)
    used |= G_GUINT64_CONSTANT (1) << (*color_slot (chart, i) % MC_CHART_PALETTE_SIZE);
  for (guint i = 0; i < n; i++)
    {
      guint *color = color_slot (chart, i);
      gboolean clashes = FALSE;

      if (g_variant_lookup (colors, color_slot_name (chart, i), "&s", NULL))
        continue;
      for (guint j = 0; j < n; j++)
        clashes |= j != i && *color_slot (chart, j) == *color
                   && g_variant_lookup (colors, color_slot_name (chart, j), "&s", NULL);
      for (guint free = 0; clashes && free < MC_CHART_PALETTE_SIZE; free++)
        if (!(used & (G_GUINT64_CONSTANT (1) << free)))
          {
            *color = free;
            used |= G_GUINT64_CONSTANT (1) << free;
            break;
          }
    }
}

static void
apply_chosen_colors (McChartModel *chart)
{
  GVariant *colors = mc_chart_spec_get_option (chart->spec, "colors");
  const char *color_name;
  guint color;

  if (colors == NULL || !g_variant_is_of_type (colors, G_VARIANT_TYPE ("a{ss}")))
    return;
  for (guint i = 0; i < n_color_slots (chart); i++)
    if (g_variant_lookup (colors, color_slot_name (chart, i), "&s", &color_name)
        && mc_theme_color_from_name (color_name, &color))
      *color_slot (chart, i) = color;
  make_room_for_chosen (chart, colors);
}

/* A highlight of categories: the chart's categories have a colour each,
 * or it draws one series of them. */
static gboolean
highlights_categories (McChartModel *chart)
{
  return chart->categories != NULL && (chart->color_by_category || chart->series->len == 1);
}

/* Whether any of @names is one the chart could highlight: a highlight
 * of names it does not draw leaves it as it is rather than all grey. */
static gboolean
highlights_any (McChartModel  *chart,
                const char   **names)
{
  g_auto(GStrv) known = mc_chart_model_list_highlight_names (chart);

  for (guint i = 0; names[i] != NULL; i++)
    if (g_strv_contains ((const char * const *) known, names[i]))
      return TRUE;
  return FALSE;
}

/* What is not highlighted turns the neutral grey; one series of
 * categories becomes a series coloured by category to do so. */
static void
apply_highlight (McChartModel *chart)
{
  g_autofree const char **names = mc_chart_spec_get_strv (chart->spec, "highlight");

  if (names == NULL || names[0] == NULL || !highlights_any (chart, names))
    return;
  chart->highlighted = TRUE;
  if (!highlights_categories (chart))
    {
      for (guint s = 0; s < chart->series->len; s++)
        {
          McSeries *series = g_ptr_array_index (chart->series, s);

          if (!g_strv_contains (names, series->name))
            series->color = MC_THEME_NEUTRAL;
        }
      return;
    }
  for (guint c = 0; c < chart->categories->len; c++)
    {
      guint *color = &g_array_index (chart->category_colors, guint, c);

      if (!chart->color_by_category)
        *color = ((McSeries *) g_ptr_array_index (chart->series, 0))->color;
      if (!g_strv_contains (names, g_ptr_array_index (chart->categories, c)))
        *color = MC_THEME_NEUTRAL;
    }
  chart->color_by_category = TRUE;
}

static GStrv
series_names (McChartModel *chart)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint s = 0; s < chart->series->len; s++)
    g_strv_builder_add (builder, ((McSeries *) g_ptr_array_index (chart->series, s))->name);
  return g_strv_builder_end (builder);
}

static GStrv
category_names (McChartModel *chart)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint c = 0; c < chart->categories->len; c++)
    g_strv_builder_add (builder, g_ptr_array_index (chart->categories, c));
  return g_strv_builder_end (builder);
}

/**
 * mc_chart_model_list_color_names:
 * @model: a chart
 *
 * The names the chart's "colors" option gives colours to: its categories
 * when each has a colour of its own (the slices of a pie), else its
 * series.
 *
 * Returns: (transfer full): the names, in the order the chart has them
 */
char **
mc_chart_model_list_color_names (McChartModel *model)
{
  g_return_val_if_fail (MC_IS_CHART_MODEL (model), NULL);

  return model->colors_by_category ? category_names (model) : series_names (model);
}

/**
 * mc_chart_model_get_name_color:
 * @model: a chart
 * @name: a name of mc_chart_model_list_color_names()
 * @color: (out): the palette index it is drawn in, or %MC_THEME_NEUTRAL
 *
 * Returns: whether @model has @name
 */
gboolean
mc_chart_model_get_name_color (McChartModel *model,
                               const char   *name,
                               guint        *color)
{
  McSeries *series;
  guint c;

  g_return_val_if_fail (MC_IS_CHART_MODEL (model), FALSE);

  if (model->colors_by_category && find_category (model, name, &c))
    {
      *color = g_array_index (model->category_colors, guint, c);
      return TRUE;
    }
  series = find_series (model, name);
  if (model->colors_by_category || series == NULL)
    return FALSE;
  *color = series->color;
  return TRUE;
}

/**
 * mc_chart_model_list_highlight_names:
 * @model: a chart
 *
 * Returns: (transfer full): the names the chart's "highlight" option
 *   chooses among: its categories when it draws one series of them or
 *   colours each, else its series
 */
char **
mc_chart_model_list_highlight_names (McChartModel *model)
{
  g_return_val_if_fail (MC_IS_CHART_MODEL (model), NULL);

  return highlights_categories (model) ? category_names (model) : series_names (model);
}

/* Annotations: where each lies on the axes of this chart. */

static void
annotation_clear (gpointer data)
{
  McAnnotation *annotation = data;

  g_free (annotation->label);
}

/* The place of x value @x: on a category axis the index of its
 * category, else its date or number. */
static gboolean
resolve_x (McChartModel *chart,
           GVariant     *x,
           double       *position)
{
  g_autofree char *text = NULL;
  double days;
  guint row, c;

  if (x == NULL)
    return FALSE;
  if (chart->x_kind != MC_X_CATEGORY)
    {
      if (mc_annotation_x_position (x, chart->x_column, position))
        return TRUE;
      text = mc_annotation_x_to_string (x);
      if (!mc_transform_find_row (chart->data, mc_column_get_id (chart->x_column), text, &row))
        return FALSE;
      *position = mc_column_get_value (chart->x_column, row);
      return !isnan (*position);
    }
  text = mc_annotation_x_to_string (x);
  if (mc_transform_find_row (chart->data, mc_column_get_id (chart->x_column), text, &row))
    {
      g_autofree char *name = format_x_cell (chart->x_column, row, chart->x_decimals);

      if (find_category (chart, name, &c))
        {
          *position = c;
          return TRUE;
        }
    }
  if (!mc_annotation_x_position (x, chart->x_column, &days))
    return FALSE;
  for (c = 0; c < chart->category_days->len; c++)
    if (g_array_index (chart->category_days, double, c) == days)
      {
        *position = c;
        return TRUE;
      }
  return FALSE;
}

/* The series a callout names, by name or column id; the first without
 * a name. */
static gboolean
resolve_series (McChartModel *chart,
                const char   *name,
                guint        *index)
{
  for (guint s = 0; s < chart->series->len; s++)
    {
      McSeries *series = g_ptr_array_index (chart->series, s);

      if (name == NULL || g_strcmp0 (series->name, name) == 0
          || g_strcmp0 (mc_column_get_id (series->column), name) == 0)
        {
          *index = s;
          return TRUE;
        }
    }
  return FALSE;
}

/* The point of a callout: its series' point at its x, with a value. */
static gboolean
resolve_point (McChartModel  *chart,
               McAnnotation  *annotation,
               const char    *series_name)
{
  McSeries *series;

  if (!resolve_series (chart, series_name, &annotation->series))
    return FALSE;
  series = g_ptr_array_index (chart->series, annotation->series);
  for (guint i = 0; i < mc_series_get_n_points (series); i++)
    if (mc_series_get_x (series, i) == annotation->x0 && !isnan (mc_series_get_y (series, i)))
      {
        annotation->point = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
resolve_annotation (McChartModel           *chart,
                    const McAnnotationSpec *spec,
                    McAnnotation           *annotation)
{
  annotation->type = spec->type;
  annotation->x0 = annotation->x1 = annotation->v0 = annotation->v1 = NAN;
  annotation->axis = spec->right ? 1 : 0;
  switch (spec->type)
    {
    case MC_ANNOTATION_EVENT:
      return resolve_x (chart, spec->x, &annotation->x0);
    case MC_ANNOTATION_CALLOUT:
      return resolve_x (chart, spec->x, &annotation->x0)
             && resolve_point (chart, annotation, spec->series);
    case MC_ANNOTATION_RANGE:
      return resolve_x (chart, spec->from, &annotation->x0)
             && resolve_x (chart, spec->to, &annotation->x1);
    case MC_ANNOTATION_LINE:
      annotation->v0 = spec->value;
      return isfinite (spec->value);
    case MC_ANNOTATION_BAND:
    case MC_N_ANNOTATION_TYPES:
    default:
      annotation->v0 = g_variant_get_double (spec->from);
      annotation->v1 = g_variant_get_double (spec->to);
      return TRUE;
    }
}

/* The annotations of the spec that can be placed on this chart: one at
 * the first year of growth rates, which have none there, cannot. */
static void
resolve_annotations (McChartModel *chart)
{
  GVariant *annotations = mc_chart_spec_get_option (chart->spec, "annotations");

  chart->annotations = g_array_new (FALSE, TRUE, sizeof (McAnnotation));
  g_array_set_clear_func (chart->annotations, annotation_clear);
  if (annotations == NULL || mc_chart_kind_get_option (chart->kind, "annotations") == NULL)
    return;
  for (gsize i = 0; i < g_variant_n_children (annotations); i++)
    {
      g_autoptr(GVariant) child = g_variant_get_child_value (annotations, i);
      g_auto(McAnnotationSpec) spec = { 0 };
      McAnnotation annotation = { 0 };

      mc_annotation_spec_read (child, &spec);
      if (!resolve_annotation (chart, &spec, &annotation))
        continue;
      annotation.label = g_strdup (spec.label);
      g_array_append_val (chart->annotations, annotation);
    }
}

/* The largest scale, from millions up, at or below @largest. */
static McScale
scale_below (double largest)
{
  for (McScale scale = MC_SCALE_TRILLION; scale >= MC_SCALE_MILLION; scale--)
    if (largest >= mc_scale_get_factor (scale))
      return scale;
  return MC_SCALE_NONE;
}

/* Amounts of a unit in a column of no scale, such as dollars counted one
 * by one (3,000,000,000 … 20,000,000,000), are shown in the largest scale
 * below their largest value: USD 3 bn … 20 bn, on an axis of 0 to 20
 * "USD bn". Chosen once, from the values, for every size, label and
 * tick of the chart; the values stay as they are. */
static void
choose_display_scales (McChartModel *chart)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, chart->columns);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      McColumn *column = value;
      const char *unit = mc_column_get_unit (column);
      double lo, hi;

      if (mc_column_get_column_type (column) != MC_COLUMN_NUMBER
          || mc_column_get_scale (column) != MC_SCALE_NONE
          || unit == NULL || *unit == '\0'
          || g_str_equal (unit, "percent") || g_str_equal (unit, "%")
          || !mc_value_summary_get_range (mc_column_get_summary (column), &lo, &hi))
        continue;
      mc_column_set_display_scale (column, scale_below (MAX (fabs (lo), fabs (hi))));
    }
}

/* Whether @before, the model just before @change, drew the same spec
 * over the same dataset after an edit of cells: what it made may be
 * mended rather than made again. */
static gboolean
edited_from (McChartModel   *chart,
             McChartModel   *before,
             const McChange *change)
{
  return before != NULL && change != NULL && change->what == MC_CHANGE_CELLS
         && before->dataset == chart->dataset && before->kind == chart->kind
         && mc_chart_spec_equal (before->spec, chart->spec);
}

/* Whether both models draw the dataset's rows as they are, or this one
 * the table of @before mended (make_data()). */
static gboolean
same_rows (McChartModel *chart,
           McChartModel *before)
{
  return (before->data == before->dataset && chart->data == chart->dataset)
         || chart->data_mended;
}

/* Whether the table @before drew, some rows of the dataset, may be
 * mended after @change rather than made again. */
static gboolean
can_mend_data (McChartModel   *chart,
               McChartModel   *before,
               const McChange *change)
{
  return edited_from (chart, before, change) && before->data_origin != NULL;
}

/* The table the chart draws: mended from the one @before drew after
 * @change where it can be, else made. */
static void
make_data (McChartModel   *chart,
           McChartModel   *before,
           const McChange *change,
           const char     *x_id)
{
  if (can_mend_data (chart, before, change)
      && (chart->data = mc_transform_mend (chart->spec, before->data, before->data_origin,
                                           chart->dataset, change, &chart->data_change)) != NULL)
    {
      chart->data_origin = mc_table_origin_ref (before->data_origin);
      chart->data_mended = TRUE;
      return;
    }
  chart->data = mc_transform_apply (chart->spec, chart->dataset, x_id, &chart->data_origin);
}

/* Once their values are final: after growth, shares and indexes. */
static void
summarise_series (McChartModel *chart)
{
  for (guint s = 0; s < chart->series->len; s++)
    {
      McSeries *series = g_ptr_array_index (chart->series, s);

      if (series->summary == NULL && mc_series_get_n_points (series) >= MC_SUMMARISED_POINTS)
        mc_series_summarise (series);
    }
}

/* Series mended after an edit */

/* Options whose series are more than the rows' values as they are:
 * their series are made again after any edit. Series indexed to 100
 * are mended ("transform": "index", "index_at"): each value is its
 * own, over its series' base; and so are points sorted by their x
 * ("sort" on a time or number axis), which an edit of a value leaves
 * where they are; the series of an aggregate, whose table is mended
 * (mc_transform_mend()); and those "top" keeps, and Other, while the
 * same series stay the largest (mc_chart_mend_fold()). */
static const char * const remade_by[] = {
  "percent", "growth", "y2", "y2_transform", "month", NULL
};

/* Whether no chart of the dataset names its series or categories by
 * @id: an edit of it leaves the colours of every chart as they were. */
static gboolean
names_nothing (McDataset  *dataset,
               const char *id)
{
  for (guint i = 0; i < mc_dataset_get_n_charts (dataset); i++)
    {
      const McChartSpec *spec = mc_dataset_get_chart (dataset, i);

      if (g_strcmp0 (mc_chart_spec_get_string (spec, "series"), id) == 0
          || g_strcmp0 (mc_chart_spec_get_x (spec, dataset), id) == 0)
        return FALSE;
    }
  return TRUE;
}

/* Whether the series of @before, lines of a long table, may be mended
 * after @change rather than made again from every row: an edit of one
 * value of the one column they draw, which names nothing, by the same
 * spec over the same rows, without options that make more of the
 * values than themselves, and for a kind that prepares nothing more. */
static gboolean
can_mend_series (McChartModel   *chart,
                 McChartModel   *before,
                 const McChange *change)
{
  g_autofree const char **y = NULL;
  const char *edited;

  if (!edited_from (chart, before, change) || !same_rows (chart, before)
      || change->n_rows != 1 || change->column < 0 || before->series == NULL
      || before->categories != NULL || chart->kind->prepare != NULL
      || !mc_chart_spec_has_option (chart->spec, "series"))
    return FALSE;
  for (guint i = 0; remade_by[i] != NULL; i++)
    if (mc_chart_spec_has_option (chart->spec, remade_by[i]))
      return FALSE;
  /* Of the transforms, an index; of sorts, one by x */
  if ((mc_chart_spec_has_option (chart->spec, "transform")
       && !mc_chart_spec_is_indexed (chart->spec))
      || (mc_chart_spec_get_boolean (chart->spec, "sort") && chart->x_kind == MC_X_CATEGORY))
    return FALSE;
  y = mc_chart_spec_get_strv (chart->spec, "y");
  edited = mc_column_get_id (mc_dataset_get_column (chart->dataset, change->column));
  return y != NULL && y[0] != NULL && y[1] == NULL && g_str_equal (edited, y[0])
         && names_nothing (chart->dataset, edited);
}

/* Whether the value of @row in @values is present, or an estimate, as
 * it was in @before: else the edit changes more than one point (where
 * series are indexed, which values Other combines). */
static gboolean
same_kind_of_value (const McColumn *before,
                    const McColumn *values,
                    guint           row)
{
  return isnan (mc_column_get_value (before, row)) == isnan (mc_column_get_value (values, row))
         && mc_column_is_estimate (before, row) == mc_column_is_estimate (values, row);
}

/* The point of @row takes its value in @values, the column of the
 * model's table the series draw. mend_series() made sure the value is
 * present or missing, and an estimate or not, as before; a missing one
 * stays FALSE (the series are made again, as for any value made
 * missing). A series indexed to 100 takes it over its base; if the
 * point is its base, every value of the series is indexed again. */
static gboolean
mend_point (McChartModel   *chart,
            McSeries       *series,
            const McColumn *values,
            guint           point,
            guint           row)
{
  double value = mc_column_get_value (values, row);
  gboolean indexed = mc_chart_spec_is_indexed (chart->spec);

  if (isnan (value))
    return FALSE;
  if (indexed && point == series->index_point)
    return mc_series_reindex (series, values, value);
  mc_series_set_y (series, point, indexed ? mc_series_rebase (series, value) : value);
  return TRUE;
}

/* The series of @before, copied with the point of the edited row
 * changed; FALSE when they must be made again. */
static gboolean
mend_series (McChartModel   *chart,
             McChartModel   *before,
             const McChange *change)
{
  const McChange *edit = chart->data_mended ? &chart->data_change : change;
  const char *id = mc_column_get_id (mc_dataset_get_column (chart->dataset, change->column));
  const McColumn *values = mc_chart_model_get_column (chart, id);
  gboolean indexed = mc_chart_spec_is_indexed (chart->spec);
  gboolean sorted = mc_chart_spec_get_boolean (chart->spec, "sort");
  /* Indexed series keep theirs, a transform's */
  int decimals = indexed ? 0 : mc_format_column_decimals (values);
  g_autoptr(GPtrArray) series = series_array_new ();
  /* Other, last, is of the rows of other series */
  guint n_own = before->series->len - (before->folded != NULL);

  if (edit->n_rows == 1
      && !same_kind_of_value (mc_chart_model_get_column (before, id), values, edit->row))
    return FALSE;
  for (guint s = 0; s < before->series->len; s++)
    {
      const McSeries *old = g_ptr_array_index (before->series, s);
      McSeries *copy;
      guint point;

      if (old->derived != NULL && !indexed)
        return FALSE;
      copy = mc_series_copy (old);
      g_ptr_array_add (series, copy);
      /* The model's own snapshots of the columns */
      if (!indexed)
        {
          copy->column = values;
          copy->decimals = decimals;
        }
      if (old->x_column != NULL)
        copy->x_column = chart->x_column;
      if (edit->n_rows == 1 && s < n_own && mc_series_find_row (copy, edit->row, !sorted, &point)
          && !mend_point (chart, copy, values, point, edit->row))
        return FALSE;
    }
  chart->series = g_steal_pointer (&series);
  if (before->folded != NULL && !mc_chart_mend_fold (chart, before, values, edit, !sorted))
    {
      g_clear_pointer (&chart->series, g_ptr_array_unref);
      mc_chart_clear_fold (chart);
      return FALSE;
    }
  if (indexed)
    mc_chart_set_index_column (chart, before->index_x);
  chart->has_estimates = before->has_estimates;
  chart->category_colors = g_array_copy (before->category_colors);
  chart->color_by_category = before->color_by_category;
  chart->colors_by_category = before->colors_by_category;
  chart->highlighted = before->highlighted;
  return TRUE;
}

/* The table the chart draws, its x column and its series. */
static gboolean
build_model (McChartModel    *chart,
             McChartModel    *before,
             const McChange  *change,
             GError         **error)
{
  const char *x_id = mc_chart_spec_get_x (chart->spec, chart->dataset);

  make_data (chart, before, change, x_id);
  chart->x_column = mc_chart_model_get_column (chart, x_id);
  chart->x_kind = choose_x_kind (chart->kind, chart->x_column);
  /* Labels of x write as many decimals as its column has: counted once,
   * not for every point, category or annotation named. */
  chart->x_decimals = mc_format_column_decimals (chart->x_column);
  if (can_mend_series (chart, before, change) && mend_series (chart, before, change))
    {
      chart->series_mended = TRUE;
      choose_display_scales (chart);
      resolve_annotations (chart);
      return TRUE;
    }
  build_series (chart);
  choose_display_scales (chart);
  mc_chart_sort_series_by_x (chart);
  assign_colors (chart);
  mc_chart_fold_series (chart);
  mc_chart_distinct_colors (chart);
  finish_series (chart);
  mc_chart_share_series (chart);
  if (!mc_chart_index_series (chart, error))
    return FALSE;
  chart->colors_by_category = chart->color_by_category;
  apply_chosen_colors (chart);
  apply_highlight (chart);
  resolve_annotations (chart);
  summarise_series (chart);
  return TRUE;
}

static gboolean
chart_error (McChartModel  *chart,
             const GError  *local_error,
             GError       **error)
{
  g_set_error (error, MC_CHART_ERROR, local_error->code,
               /* Translators: an error of one chart: its id, what is wrong */
               _("Chart “%s”: %s"), chart->spec->id, local_error->message);
  return FALSE;
}

/* The check of the spec: of each row too, unless the kind's prepare
 * checks the rows as it reads them, which it can when they are the
 * dataset's rows as they are rather than totals of them. That spares
 * an edit of a million rows one more reading of them all. */
static gboolean
check_spec (McChartModel  *chart,
            GError       **error)
{
  if (chart->kind->check_rows != NULL
      && mc_transform_get_aggregate (chart->spec) == MC_AGGREGATE_NONE)
    return mc_chart_spec_check_but_rows (chart->spec, chart->dataset, NULL, error);
  return mc_chart_spec_check (chart->spec, chart->dataset, NULL, error);
}

gboolean
mc_chart_model_check_rows (McChartModel  *chart,
                           GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (chart->kind->check_rows (chart->spec, chart->dataset, 0, G_MAXUINT,
                               &(McSpecProblem) { 0 }, &local_error))
    return TRUE;
  return chart_error (chart, local_error, error);
}

/* Whether the kind may mend what it prepared for @before after
 * @change: an edit of cells of the same dataset, drawn by the same spec
 * from its rows as they are, or from some of them, whose table was
 * mended (then @change is the edit in that table's rows). */
static gboolean
can_mend (McChartModel   *chart,
          McChartModel   *before,
          const McChange *change)
{
  return edited_from (chart, before, change) && same_rows (chart, before)
         && chart->kind->mend != NULL && before->prepared != NULL;
}

static gpointer
prepare_kind (McChartModel    *chart,
              McChartModel    *before,
              const McChange  *change,
              GError         **error)
{
  gpointer mended;

  if (chart->data_mended)
    change = &chart->data_change;
  if (can_mend (chart, before, change)
      && (mended = chart->kind->mend (chart, before->prepared, change)) != NULL)
    return mended;
  return chart->kind->prepare (chart, error);
}

gboolean
mc_chart_data_prepare (McChartModel    *chart,
                       McChartModel    *before,
                       const McChange  *change,
                       GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!check_spec (chart, &local_error) || !build_model (chart, before, change, &local_error))
    return chart_error (chart, local_error, error);
  if (chart->series->len == 0)
    {
      g_set_error (error, MC_CHART_ERROR, MC_CHART_ERROR_NO_DATA,
                   _("Chart “%s”: there is no data to draw"), chart->spec->id);
      return FALSE;
    }
  if (chart->kind->prepare != NULL
      && (chart->prepared = prepare_kind (chart, before, change, error)) == NULL)
    return FALSE;
  /* Once the kind has its categories: every render asks where the
   * dates of bars break, and a step found anew for each bar would make
   * a long chart's renders quadratic. */
  chart->category_step = chart->category_days == NULL ? NAN
    : mc_usual_step ((const double *) (gpointer) chart->category_days->data,
                     chart->category_days->len);
  return TRUE;
}
