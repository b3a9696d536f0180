/* mc-transform.c: the rows a chart draws, as its spec transforms them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-transform.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mc-format.h"
#include "mc-row-keys.h"
#include "mc-scale.h"
#include "mc-sorted.h"
#include "mc-text.h"

/* Messages list at most this many values of a column. */
#define MAX_LISTED_VALUES 8

static const char * const aggregate_names[] = {
  "none", "sum", "mean", "median", "count", "first", "last", NULL
};

McAggregate
mc_transform_get_aggregate (const McChartSpec *spec)
{
  const char *name = mc_chart_spec_get_string (spec, "aggregate");

  for (guint i = 0; name != NULL && aggregate_names[i] != NULL; i++)
    if (g_str_equal (name, aggregate_names[i]))
      return (McAggregate) i;
  return MC_AGGREGATE_NONE;
}

static gboolean
fail (McSpecProblem  *where,
      const char     *key,
      int             index,
      GError        **error,
      const char     *message)
{
  *where = (McSpecProblem) { key, index, MC_SPEC_FAULT_VALUE };
  g_set_error_literal (error, MC_CHART_ERROR, MC_CHART_ERROR_INVALID, message);
  return FALSE;
}

/* Filters */

/* One value of "filter_values", read as a value of its column: "2024"
 * of a date column matches every day of 2024. */
typedef struct
{
  char            *text;
  double           number;     /* numbers, booleans (0, 1) and dates */
  McDatePrecision  precision;  /* dates: how much of the date it names */
} Matcher;

struct _McRowFilter
{
  const McColumn *column;
  GArray         *matchers;    /* Matcher */
};

static void
matcher_clear (gpointer data)
{
  g_free (((Matcher *) data)->text);
}

static gboolean
parse_boolean (const char *text,
               double     *value)
{
  if (g_ascii_strcasecmp (text, "true") == 0 || g_ascii_strcasecmp (text, "yes") == 0)
    *value = 1;
  else if (g_ascii_strcasecmp (text, "false") == 0 || g_ascii_strcasecmp (text, "no") == 0)
    *value = 0;
  else
    return FALSE;
  return TRUE;
}

/* Reads @text as a value of @column; FALSE when it can't be one. */
static gboolean
matcher_init (Matcher        *matcher,
              const McColumn *column,
              const char     *text)
{
  char *end = NULL;

  matcher->text = g_strdup (text);
  switch (mc_column_get_column_type (column))
    {
    case MC_COLUMN_NUMBER:
      matcher->number = g_ascii_strtod (text, &end);
      return end != text && *end == '\0' && isfinite (matcher->number);
    case MC_COLUMN_DATE:
      return mc_format_parse_iso_date (text, &matcher->number, &matcher->precision);
    case MC_COLUMN_BOOLEAN:
      return parse_boolean (text, &matcher->number);
    case MC_COLUMN_STRING:
    default:
      return TRUE;
    }
}

/* Whether two dates fall in the same year (quarter, month, day) of
 * @precision. */
static gboolean
same_period (double          a,
             double          b,
             McDatePrecision precision)
{
  int ya, ma, da, yb, mb, db;

  mc_days_to_ymd (a, &ya, &ma, &da);
  mc_days_to_ymd (b, &yb, &mb, &db);
  if (precision == MC_DATE_QUARTER)
    return ya == yb && (ma - 1) / 3 == (mb - 1) / 3;
  return ya == yb && (precision == MC_DATE_YEAR || ma == mb)
         && (precision != MC_DATE_DAY || da == db);
}

static gboolean
matcher_matches (const Matcher  *matcher,
                 const McColumn *column,
                 guint           row)
{
  double value;

  if (mc_column_is_missing (column, row))
    return FALSE;
  switch (mc_column_get_column_type (column))
    {
    case MC_COLUMN_STRING:
      return g_strcmp0 (mc_column_get_string (column, row), matcher->text) == 0;
    case MC_COLUMN_DATE:
      value = mc_column_get_value (column, row);
      return same_period (value, matcher->number, matcher->precision);
    case MC_COLUMN_NUMBER:
    case MC_COLUMN_BOOLEAN:
    default:
      return mc_column_get_value (column, row) == matcher->number;
    }
}

McRowFilter *
mc_row_filter_new (const McChartSpec *spec,
                   McDataset         *dataset)
{
  const char *id = mc_chart_spec_get_string (spec, "filter");
  g_autofree const char **values = mc_chart_spec_get_strv (spec, "filter_values");
  McColumn *column = id != NULL ? mc_dataset_lookup_column (dataset, id) : NULL;
  McRowFilter *filter;

  if (column == NULL || values == NULL)
    return NULL;
  filter = g_new0 (McRowFilter, 1);
  filter->column = column;
  filter->matchers = g_array_new (FALSE, TRUE, sizeof (Matcher));
  g_array_set_clear_func (filter->matchers, matcher_clear);
  for (guint i = 0; values[i] != NULL; i++)
    {
      Matcher matcher = { 0 };

      /* A value that can't be one of the column's matches no row. */
      if (matcher_init (&matcher, column, values[i]))
        g_array_append_val (filter->matchers, matcher);
      else
        matcher_clear (&matcher);
    }
  return filter;
}

gboolean
mc_row_filter_keeps (const McRowFilter *filter,
                     guint              row)
{
  if (filter == NULL)
    return TRUE;
  for (guint i = 0; i < filter->matchers->len; i++)
    if (matcher_matches (&g_array_index (filter->matchers, Matcher, i), filter->column, row))
      return TRUE;
  return FALSE;
}

void
mc_row_filter_free (McRowFilter *filter)
{
  if (filter == NULL)
    return;
  g_array_unref (filter->matchers);
  g_free (filter);
}

gboolean
mc_transform_find_row (McDataset  *dataset,
                       const char *column_id,
                       const char *text,
                       guint      *row)
{
  McColumn *column = mc_dataset_lookup_column (dataset, column_id);
  Matcher matcher = { 0 };
  gboolean found = FALSE;

  if (column == NULL || text == NULL)
    return FALSE;
  if (matcher_init (&matcher, column, text))
    for (guint i = 0; i < mc_column_get_n_rows (column) && !found; i++)
      if (matcher_matches (&matcher, column, i))
        {
          *row = i;
          found = TRUE;
        }
  matcher_clear (&matcher);
  return found;
}

/* "Female, Male" */
static char *
list_values (const McColumn *column)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GString *out = g_string_new (NULL);

  for (guint row = 0; row < mc_column_get_n_rows (column); row++)
    {
      g_autofree char *cell = NULL;
      g_autofree char *shown = NULL;

      if (mc_column_is_missing (column, row))
        continue;
      cell = mc_format_cell (column, row);
      if (g_hash_table_contains (seen, cell))
        continue;
      if (g_hash_table_size (seen) == MAX_LISTED_VALUES)
        {
          g_string_append (out, _(", …"));
          break;
        }
      shown = mc_text_shown (cell);
      g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", shown);
      g_hash_table_add (seen, g_steal_pointer (&cell));
    }
  return g_string_free (out, FALSE);
}

static gboolean
value_found (const Matcher  *matcher,
             const McColumn *column)
{
  for (guint row = 0; row < mc_column_get_n_rows (column); row++)
    if (matcher_matches (matcher, column, row))
      return TRUE;
  return FALSE;
}

/* Each value of "filter_values" must be found in the column: a value that
 * is not (a typo, another spelling) would silently draw nothing. */
static gboolean
check_filter_value (const McColumn  *column,
                    const char      *text,
                    int              index,
                    McSpecProblem   *where,
                    GError         **error)
{
  Matcher matcher = { 0 };
  g_autofree char *text_shown = mc_text_shown (text);
  g_autofree char *id_shown = mc_text_shown (mc_column_get_id (column));
  g_autofree char *message = NULL;
  gboolean valid = matcher_init (&matcher, column, text);
  gboolean found = valid && value_found (&matcher, column);

  matcher_clear (&matcher);
  if (found)
    return TRUE;
  if (!valid)
    /* Translators: “abc” is not a value of column “year”, which holds dates */
    message = g_strdup_printf (_("“%s” is not a value of column “%s”, which holds %s"),
                               text_shown, id_shown,
                               mc_column_type_to_string (mc_column_get_column_type (column)));
  else
    {
      g_autofree char *values = list_values (column);

      /* Translators: no row has “Femal” in column “sex”; its values are:
       * “Female”, “Male” */
      message = g_strdup_printf (_("no row has “%s” in column “%s”; its values are: %s"),
                                 text_shown, id_shown, values);
    }
  return fail (where, "filter_values", index, error, message);
}

static gboolean
check_filter (const McChartSpec  *spec,
              McDataset          *dataset,
              McSpecProblem      *where,
              GError            **error)
{
  const char *id = mc_chart_spec_get_string (spec, "filter");
  g_autofree const char **values = mc_chart_spec_get_strv (spec, "filter_values");
  McColumn *column;

  if (id == NULL && values == NULL)
    return TRUE;
  if (values == NULL)
    return fail (where, "filter", -1, error,
                 _("“filter” needs “filter_values”, the values of the rows to draw"));
  if (id == NULL)
    return fail (where, "filter_values", -1, error,
                 _("“filter_values” needs “filter”, the column whose values they are"));
  column = mc_dataset_lookup_column (dataset, id);
  for (guint i = 0; column != NULL && values[i] != NULL; i++)
    if (!check_filter_value (column, values[i], (int) i, where, error))
      return FALSE;
  return TRUE;
}

/* Months */

static const char * const month_names[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
};

/* 1 to 12, or 0 when @row holds no month. */
static int
month_at (const McColumn *column,
          guint           row)
{
  if (mc_column_is_missing (column, row))
    return 0;
  if (mc_column_get_column_type (column) == MC_COLUMN_NUMBER)
    {
      double value = mc_column_get_value (column, row);

      return value >= 1 && value <= 12 && value == floor (value) ? (int) value : 0;
    }
  if (mc_column_get_column_type (column) == MC_COLUMN_STRING)
    {
      const char *text = mc_column_get_string (column, row);

      /* "Jan", "January", "jan." */
      for (guint m = 0; m < G_N_ELEMENTS (month_names); m++)
        if (g_ascii_strncasecmp (text, month_names[m], 3) == 0)
          return (int) m + 1;
    }
  return 0;
}

/* The year of @row of a year column: a date column of years, or whole
 * numbers from 1000 to 9999; 0 when there is none. */
static int
year_at (const McColumn *column,
         guint           row)
{
  double value;
  int year, month, day;

  if (mc_column_is_missing (column, row))
    return 0;
  value = mc_column_get_value (column, row);
  if (mc_column_get_column_type (column) == MC_COLUMN_DATE)
    {
      mc_days_to_ymd (value, &year, &month, &day);
      return year;
    }
  if (mc_column_get_column_type (column) == MC_COLUMN_NUMBER && value == floor (value)
      && value >= 1000 && value <= 9999)
    return (int) value;
  return 0;
}

static gboolean
holds_years (const McColumn *column)
{
  McColumnType type = mc_column_get_column_type (column);

  if (type == MC_COLUMN_DATE)
    return mc_column_get_date_precision (column) == MC_DATE_YEAR;
  return type == MC_COLUMN_NUMBER;
}

static gboolean
check_month (const McChartSpec  *spec,
             McDataset          *dataset,
             const char         *x_id,
             McSpecProblem      *where,
             GError            **error)
{
  const char *id = mc_chart_spec_get_string (spec, "month");
  McColumn *column = id != NULL ? mc_dataset_lookup_column (dataset, id) : NULL;
  McColumn *x = x_id != NULL ? mc_dataset_lookup_column (dataset, x_id) : NULL;

  if (column == NULL || x == NULL)
    return TRUE;
  if (!holds_years (x))
    {
      g_autofree char *x_shown = mc_text_shown (x_id);
      g_autofree char *message =
        g_strdup_printf (_("“month” dates each row with the year in “x”, but column “%s” "
                           "holds no years"), x_shown);

      return fail (where, "month", -1, error, message);
    }
  for (guint row = 0; row < mc_dataset_get_n_rows (dataset); row++)
    if (!mc_column_is_missing (column, row) && month_at (column, row) == 0)
      {
        g_autofree char *cell = mc_format_cell (column, row);
        g_autofree char *cell_shown = mc_text_shown (cell);
        g_autofree char *message =
          /* Translators: row 5: “Mai” is not a month; expected 1 to 12 or
           * the English name of a month */
          g_strdup_printf (_("row %u: “%s” is not a month; expected 1 to 12 or the English "
                             "name of a month"), row + 1, cell_shown);

        return fail (where, "month", -1, error, message);
      }
  return TRUE;
}

/* "index_at" names an x of the chart. */
static gboolean
check_index_at (const McChartSpec  *spec,
                McDataset          *dataset,
                const char         *x_id,
                McSpecProblem      *where,
                GError            **error)
{
  const char *text = mc_chart_spec_get_string (spec, "index_at");
  McColumn *x = x_id != NULL ? mc_dataset_lookup_column (dataset, x_id) : NULL;
  g_autofree char *text_shown = NULL;
  g_autofree char *x_shown = NULL;
  g_autofree char *message = NULL;
  guint row;

  if (text == NULL || x == NULL || mc_transform_find_row (dataset, x_id, text, &row))
    return TRUE;
  text_shown = mc_text_shown (text);
  x_shown = mc_text_shown (x_id);
  /* Translators: no row has “2023-01-05” in column “date”, the x of the chart */
  message = g_strdup_printf (_("no row has “%s” in column “%s”, the x of the chart"),
                             text_shown, x_shown);
  return fail (where, "index_at", -1, error, message);
}

static gboolean
check_top (const McChartSpec  *spec,
           McSpecProblem      *where,
           GError            **error)
{
  double top = mc_chart_spec_get_number (spec, "top");
  g_autofree char *message = NULL;

  if (isnan (top) || (top >= 1 && top <= G_MAXINT && top == floor (top)))
    return TRUE;
  message = g_strdup_printf (_("“top” is how many series to keep: a whole number of at "
                               "least 1, found %g"), top);
  return fail (where, "top", -1, error, message);
}

/**
 * mc_transform_check:
 * @x_id: the chart's x column
 */
gboolean
mc_transform_check (const McChartSpec  *spec,
                    McDataset          *dataset,
                    const char         *x_id,
                    McSpecProblem      *where,
                    GError            **error)
{
  return check_filter (spec, dataset, where, error)
         && check_month (spec, dataset, x_id, where, error)
         && check_index_at (spec, dataset, x_id, where, error)
         && check_top (spec, where, error);
}

/* Applying */

static McColumn *
column_like (const McColumn *column,
             McColumnType    type)
{
  McColumn *copy = mc_column_new (mc_column_get_id (column), mc_column_get_label (column), type);

  if (type == mc_column_get_column_type (column))
    {
      mc_column_set_unit (copy, mc_column_get_unit (column));
      mc_column_set_scale (copy, mc_column_get_scale (column));
      mc_column_set_date_precision (copy, mc_column_get_date_precision (column));
    }
  mc_column_set_description (copy, mc_column_get_description (column));
  return copy;
}

static void
append_cell (McColumn       *to,
             const McColumn *from,
             guint           row)
{
  if (mc_column_is_missing (from, row))
    mc_column_append_missing (to);
  else if (mc_column_get_column_type (from) == MC_COLUMN_STRING)
    mc_column_append_string (to, mc_column_get_string (from, row));
  else
    mc_column_append_written (to, mc_column_get_value (from, row),
                              mc_column_get_decimals (from, row));
  if (mc_column_is_estimate (from, row) || mc_column_get_note (from, row) != NULL)
    mc_column_set_annotation (to, mc_column_get_n_rows (to) - 1,
                              mc_column_is_estimate (from, row), mc_column_get_note (from, row));
}

/* The values of @rows of @column, a column of numbers or dates without
 * annotations, into @out at once, as append_cell() would append them
 * one by one: a chart of one ticker of a long table gathers hundreds of
 * thousands of them after every edit. */
static void
gather_values (McColumn       *out,
               const McColumn *column,
               GArray         *rows)
{
  const double *from = mc_column_get_values (column, NULL);
  gboolean numbers = mc_column_get_column_type (column) == MC_COLUMN_NUMBER;
  GArray *values = g_array_sized_new (FALSE, FALSE, sizeof (double), rows->len);
  McDecimals decimals;

  mc_decimals_init (&decimals);
  g_array_set_size (values, rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      guint row = g_array_index (rows, guint, i);
      double value = from[row];

      if (isnan (value))
        {
          value = NAN;
          mc_decimals_append_missing (&decimals);
        }
      else if (numbers)
        mc_decimals_append (&decimals, i, mc_column_get_decimals (column, row));
      g_array_index (values, double, i) = value;
    }
  mc_column_take_values (out, values);
  if (numbers)
    mc_column_take_decimals (out, &decimals);
  mc_decimals_clear (&decimals);
}

/* The rows @rows of @column, in that order. */
static McColumn *
gather_column (const McColumn *column,
               GArray         *rows)
{
  McColumnType type = mc_column_get_column_type (column);
  McColumn *out = column_like (column, type);

  if ((type == MC_COLUMN_NUMBER || type == MC_COLUMN_DATE) && !mc_column_has_annotations (column))
    {
      gather_values (out, column, rows);
      return out;
    }
  if (type == MC_COLUMN_STRING && !mc_column_has_annotations (column))
    {
      mc_column_gather_strings (out, column, (const guint *) (gpointer) rows->data, rows->len);
      return out;
    }
  for (guint i = 0; i < rows->len; i++)
    append_cell (out, column, g_array_index (rows, guint, i));
  return out;
}

/* The years of @years with the months of @months: the first of each
 * month, at month precision. */
static McColumn *
month_column (const McColumn *years,
              const McColumn *months,
              GArray         *rows)
{
  McColumn *out = column_like (years, MC_COLUMN_DATE);

  mc_column_set_date_precision (out, MC_DATE_MONTH);
  for (guint i = 0; i < rows->len; i++)
    {
      guint row = g_array_index (rows, guint, i);
      int year = year_at (years, row), month = month_at (months, row);

      if (year > 0 && month > 0)
        mc_column_append_value (out, mc_days_from_ymd (year, month, 1));
      else
        mc_column_append_missing (out);
    }
  return out;
}

static GArray *
kept_rows (const McChartSpec *spec,
           McDataset         *dataset)
{
  g_autoptr(McRowFilter) filter = mc_row_filter_new (spec, dataset);
  guint n_rows = mc_dataset_get_n_rows (dataset);
  GArray *rows = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_rows);

  for (guint row = 0; row < n_rows; row++)
    if (mc_row_filter_keeps (filter, row))
      g_array_append_val (rows, row);
  return rows;
}

static McDataset *
dataset_like (McDataset *dataset)
{
  McDataset *out = mc_dataset_new (mc_dataset_get_id (dataset));

  mc_dataset_set_title (out, mc_dataset_get_title (dataset));
  mc_dataset_set_source (out, mc_dataset_get_source_name (dataset),
                         mc_dataset_get_source_url (dataset),
                         mc_dataset_get_source_date (dataset));
  return out;
}

/* The kept @rows of every column, the x column dated by its month. */
static McDataset *
select_rows (const McChartSpec *spec,
             McDataset         *dataset,
             const char        *x_id,
             GArray            *rows)
{
  McDataset *out = dataset_like (dataset);
  McColumn *months = NULL;

  if (mc_chart_spec_get_string (spec, "month") != NULL)
    months = mc_dataset_lookup_column (dataset, mc_chart_spec_get_string (spec, "month"));
  for (guint i = 0; i < mc_dataset_get_n_columns (dataset); i++)
    {
      McColumn *column = mc_dataset_get_column (dataset, i);

      if (months != NULL && g_strcmp0 (mc_column_get_id (column), x_id) == 0)
        mc_dataset_add_column (out, month_column (column, months, rows));
      else
        mc_dataset_add_column (out, gather_column (column, rows));
    }
  return out;
}

/* Aggregating */

/* The rows of one x (and series). */
typedef struct
{
  double     x;            /* NAN for a text */
  guint      first_row;
  guint      n_rows;
  guint      start;        /* of its rows in Aggregation's rows */
  guint      found;        /* its place in the order groups were found */
} Group;

typedef struct
{
  McDataset      *table;
  const McColumn *x;
  const McColumn *series;
  GPtrArray      *columns;   /* McColumn *, aggregated */
  GArray         *groups;    /* Group */
  guint          *rows;      /* those of each group in turn, in order */
  McAggregate     aggregate;
} Aggregation;

/* Whether @row has an x, and a series when the groups are by series:
 * a row without belongs to no group. */
static gboolean
has_group (const Aggregation *a,
           guint              row)
{
  return !mc_column_is_missing (a->x, row)
         && (a->series == NULL || !mc_column_is_missing (a->series, row));
}

/* A new group, of @row's x and series. Returns its number. */
static guint
add_group (Aggregation *a,
           guint        row)
{
  Group group = { NAN, row, 0, 0, a->groups->len };

  if (mc_column_get_column_type (a->x) != MC_COLUMN_STRING)
    group.x = mc_column_get_value (a->x, row);
  g_array_append_val (a->groups, group);
  return group.found;
}

/* Whether the rows' x (numbers or dates) never decrease, and those
 * equal are the same key (not a zero and a negative zero): then the
 * rows of each x are together, as in most tables of dates. */
static gboolean
x_in_order (const Aggregation *a)
{
  guint n_rows = mc_dataset_get_n_rows (a->table);
  gboolean any = FALSE;
  double previous = 0;

  if (mc_column_get_column_type (a->x) == MC_COLUMN_STRING)
    return FALSE;
  for (guint row = 0; row < n_rows; row++)
    {
      double x = mc_column_get_value (a->x, row);

      if (!has_group (a, row))
        continue;
      if (any && !(previous < x) && !mc_row_keys_same_value (previous, x))
        return FALSE;
      previous = x;
      any = TRUE;
    }
  return TRUE;
}

/* The groups of rows in the order of their x: a row is of the group its
 * series last had, when that group is of its x, else of a new one. The
 * series are numbered (a thousand tickers) rather than every group
 * kept in a table of keys (a million), which took three times as long;
 * texts are numbered once for the column. */
static guint *
find_groups_in_order (Aggregation *a)
{
  guint n_rows = mc_dataset_get_n_rows (a->table), n_series = 1;
  g_autofree guint *series =
    a->series != NULL ? mc_row_keys_number ((McColumn *) a->series, &n_series) : NULL;
  g_autofree guint *last_group = g_new (guint, MAX (n_series, 1));
  guint *group_of_row = g_new (guint, MAX (n_rows, 1));

  memset (last_group, 0xff, MAX (n_series, 1) * sizeof (guint));
  for (guint row = 0; row < n_rows; row++)
    {
      guint *group;

      group_of_row[row] = G_MAXUINT;
      if (!has_group (a, row))
        continue;
      /* A row with a series has a number */
      group = &last_group[series != NULL ? series[row] : 0];
      if (*group == G_MAXUINT
          || !mc_row_keys_same_value (g_array_index (a->groups, Group, *group).x,
                                      mc_column_get_value (a->x, row)))
        *group = add_group (a, row);
      group_of_row[row] = *group;
      g_array_index (a->groups, Group, *group).n_rows++;
    }
  return group_of_row;
}

/* The group of each row (G_MAXUINT for a row without its x, or its
 * series, which belongs to none), found by the rows' cells themselves:
 * a million rows are a million groups when no two share an x and a
 * series. */
static guint *
find_groups (Aggregation *a)
{
  McColumn *key_columns[] = { (McColumn *) a->x, (McColumn *) a->series };
  guint n_rows = mc_dataset_get_n_rows (a->table);
  g_autofree McRowKey *keys = NULL;
  g_autoptr(GHashTable) index = NULL;
  guint *group_of_row;

  if (x_in_order (a))
    return find_groups_in_order (a);
  keys = mc_row_keys_new (key_columns, a->series != NULL ? 2 : 1);
  index = g_hash_table_new (mc_row_key_hash, mc_row_key_equal);
  group_of_row = g_new (guint, MAX (n_rows, 1));
  for (guint row = 0; row < n_rows; row++)
    {
      gpointer found;

      group_of_row[row] = G_MAXUINT;
      if (!has_group (a, row))
        continue;
      if (!g_hash_table_lookup_extended (index, &keys[row], NULL, &found))
        {
          found = GUINT_TO_POINTER (add_group (a, row));
          g_hash_table_insert (index, &keys[row], found);
        }
      group_of_row[row] = GPOINTER_TO_UINT (found);
      g_array_index (a->groups, Group, group_of_row[row]).n_rows++;
    }
  return group_of_row;
}

/* The rows of every group, group after group. Returns the group of each
 * row, as find_groups() found them. */
static guint *
collect_groups (Aggregation *a)
{
  guint *group_of_row = find_groups (a);
  guint n_rows = mc_dataset_get_n_rows (a->table), n_grouped = 0;

  for (guint g = 0; g < a->groups->len; g++)
    {
      Group *group = &g_array_index (a->groups, Group, g);

      group->start = n_grouped;
      n_grouped += group->n_rows;
      group->n_rows = 0;
    }
  a->rows = g_new (guint, MAX (n_grouped, 1));
  for (guint row = 0; row < n_rows; row++)
    if (group_of_row[row] != G_MAXUINT)
      {
        Group *group = &g_array_index (a->groups, Group, group_of_row[row]);

        a->rows[group->start + group->n_rows++] = row;
      }
  return group_of_row;
}

/* The present values of @column in a group's @n_rows @rows, in their
 * order, into @values; whether one of them is an estimate. */
static gboolean
gather_group_values (const guint    *rows,
                     guint           n_rows,
                     const McColumn *column,
                     GArray         *values)
{
  gboolean estimate = FALSE;

  g_array_set_size (values, 0);
  for (guint i = 0; i < n_rows; i++)
    {
      guint row = rows[i];
      double value = mc_column_get_value (column, row);

      if (isnan (value))
        continue;
      g_array_append_val (values, value);
      estimate = estimate || mc_column_is_estimate (column, row);
    }
  return estimate;
}

/* The aggregate of present values; missing (NAN) when there are none,
 * except for their count. */
static double
aggregate_values (GArray      *values,
                  McAggregate  aggregate)
{
  const double *v = (const double *) (gpointer) values->data;
  double sum = 0;

  if (aggregate == MC_AGGREGATE_COUNT)
    return values->len;
  if (values->len == 0)
    return NAN;
  for (guint i = 0; i < values->len; i++)
    sum += v[i];
  switch (aggregate)
    {
    case MC_AGGREGATE_MEAN:
      return sum / values->len;
    case MC_AGGREGATE_MEDIAN:
      g_array_sort (values, mc_compare_doubles);
      return values->len % 2 ? v[values->len / 2]
                             : (v[values->len / 2 - 1] + v[values->len / 2]) / 2;
    case MC_AGGREGATE_FIRST:
      return v[0];
    case MC_AGGREGATE_LAST:
      return v[values->len - 1];
    case MC_AGGREGATE_SUM:
    case MC_AGGREGATE_COUNT:
    case MC_AGGREGATE_NONE:
    default:
      return sum;
    }
}

static int
compare_groups_by_x (gconstpointer a,
                     gconstpointer b)
{
  const Group *x = a, *y = b;

  return mc_compare_keyed (x->x, x->first_row, y->x, y->first_row);
}

/* Groups in the order of their x, as a line runs; those of one x in the
 * order they first appear. Rows in that order already (most tables of
 * dates) need no sort. */
static void
sort_groups_by_x (GArray *groups)
{
  for (guint g = 1; g < groups->len; g++)
    if (compare_groups_by_x (&g_array_index (groups, Group, g - 1),
                             &g_array_index (groups, Group, g)) > 0)
      {
        g_array_sort (groups, compare_groups_by_x);
        return;
      }
}

/* A count is of rows, not of the column's unit. */
static McColumn *
aggregate_column_like (const McColumn *column,
                       McAggregate     aggregate)
{
  g_autofree char *label = NULL;
  McColumn *out;

  if (aggregate != MC_AGGREGATE_COUNT)
    return column_like (column, MC_COLUMN_NUMBER);
  /* Translators: the values of an aggregated column: "Count of people" */
  label = g_strdup_printf (_("Count of %s"), mc_column_get_label (column));
  out = mc_column_new (mc_column_get_id (column), label, MC_COLUMN_NUMBER);
  return out;
}

/* The aggregates of @values_of, a group to a row, made at once as
 * mc_column_append_value() would append them one by one (a million
 * groups, when no two rows share a date and a ticker); @values is room
 * for a group's values. */
static McColumn *
aggregate_column (const Aggregation *a,
                  const McColumn    *values_of,
                  GArray            *values)
{
  McColumn *column = aggregate_column_like (values_of, a->aggregate);
  GArray *aggregates = g_array_sized_new (FALSE, FALSE, sizeof (double), a->groups->len);
  g_autoptr(GArray) estimates = g_array_new (FALSE, FALSE, sizeof (guint));
  McDecimals decimals;

  mc_decimals_init (&decimals);
  g_array_set_size (aggregates, a->groups->len);
  for (guint g = 0; g < a->groups->len; g++)
    {
      const Group *group = &g_array_index (a->groups, Group, g);
      gboolean estimate = gather_group_values (a->rows + group->start, group->n_rows,
                                               values_of, values);
      double value = aggregate_values (values, a->aggregate);

      if (isnan (value))
        mc_decimals_append_missing (&decimals);
      else
        mc_decimals_append (&decimals, g, MC_DECIMALS_UNKNOWN);
      g_array_index (aggregates, double, g) = value;
      if (estimate && a->aggregate != MC_AGGREGATE_COUNT)
        g_array_append_val (estimates, g);
    }
  mc_column_take_values (column, aggregates);
  mc_column_take_decimals (column, &decimals);
  mc_decimals_clear (&decimals);
  for (guint i = 0; i < estimates->len; i++)
    mc_column_set_annotation (column, g_array_index (estimates, guint, i), TRUE, NULL);
  return column;
}

static McDataset *
aggregation_table (Aggregation *a)
{
  McDataset *out = dataset_like (a->table);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint g = 0; g < a->groups->len; g++)
    g_array_append_val (rows, g_array_index (a->groups, Group, g).first_row);
  mc_dataset_add_column (out, gather_column (a->x, rows));
  if (a->series != NULL)
    mc_dataset_add_column (out, gather_column (a->series, rows));
  for (guint c = 0; c < a->columns->len; c++)
    mc_dataset_add_column (out, aggregate_column (a, g_ptr_array_index (a->columns, c), values));
  return out;
}

/* Where the rows of a table come from */

struct _McTableOrigin
{
  gatomicrefcount  ref_count;
  guint            n_rows;          /* of the dataset */
  /* A filter's: the dataset's rows the table holds, in order */
  GArray          *kept;
  /* An aggregate's: the group, which is the table's row, of each of the
   * dataset's rows (G_MAXUINT for none); the rows of group g are
   * counts[g] rows from rows[starts[g]] on, in their order; the values
   * it combined are the table's columns from first_combined on. */
  McAggregate      aggregate;
  guint            first_combined;
  guint           *group_of_row;
  guint           *rows;
  guint           *starts;
  guint           *counts;
};

McTableOrigin *
mc_table_origin_ref (McTableOrigin *origin)
{
  g_return_val_if_fail (origin != NULL, NULL);

  g_atomic_ref_count_inc (&origin->ref_count);
  return origin;
}

void
mc_table_origin_unref (McTableOrigin *origin)
{
  g_return_if_fail (origin != NULL);

  if (!g_atomic_ref_count_dec (&origin->ref_count))
    return;
  g_clear_pointer (&origin->kept, g_array_unref);
  g_free (origin->group_of_row);
  g_free (origin->rows);
  g_free (origin->starts);
  g_free (origin->counts);
  g_free (origin);
}

static McTableOrigin *
table_origin_new (guint n_rows)
{
  McTableOrigin *origin = g_new0 (McTableOrigin, 1);

  g_atomic_ref_count_init (&origin->ref_count);
  origin->n_rows = n_rows;
  return origin;
}

/* The origin of an aggregate's table, from its groups in the table's
 * order: it takes the rows and @group_of_row, by the order the groups
 * were found. */
static McTableOrigin *
aggregation_origin (Aggregation *a,
                    guint       *group_of_row)
{
  guint n_rows = mc_dataset_get_n_rows (a->table), n_groups = a->groups->len;
  McTableOrigin *origin = table_origin_new (n_rows);
  g_autofree guint *place = g_new (guint, MAX (n_groups, 1));

  origin->aggregate = a->aggregate;
  origin->first_combined = a->series != NULL ? 2 : 1;
  origin->starts = g_new (guint, MAX (n_groups, 1));
  origin->counts = g_new (guint, MAX (n_groups, 1));
  for (guint g = 0; g < n_groups; g++)
    {
      const Group *group = &g_array_index (a->groups, Group, g);

      origin->starts[g] = group->start;
      origin->counts[g] = group->n_rows;
      place[group->found] = g;
    }
  for (guint row = 0; row < n_rows; row++)
    if (group_of_row[row] != G_MAXUINT)
      group_of_row[row] = place[group_of_row[row]];
  origin->group_of_row = group_of_row;
  origin->rows = g_steal_pointer (&a->rows);
  return origin;
}

/* One row per x (and series): every number column but those two
 * aggregated, the others left out. @origin, if not NULL, gets where
 * its rows come from. */
static McDataset *
aggregate_rows (const McChartSpec  *spec,
                McDataset          *table,
                const char         *x_id,
                McAggregate         aggregate,
                McTableOrigin     **origin)
{
  const char *series_id = mc_chart_spec_get_string (spec, "series");
  Aggregation a = { 0 };
  g_autofree guint *group_of_row = NULL;
  McDataset *out;

  a.table = table;
  a.x = mc_dataset_lookup_column (table, x_id);
  a.series = series_id != NULL ? mc_dataset_lookup_column (table, series_id) : NULL;
  a.aggregate = aggregate;
  a.columns = g_ptr_array_new ();
  a.groups = g_array_new (FALSE, TRUE, sizeof (Group));
  for (guint i = 0; i < mc_dataset_get_n_columns (table); i++)
    {
      McColumn *column = mc_dataset_get_column (table, i);

      if (column != a.x && column != a.series
          && mc_column_get_column_type (column) == MC_COLUMN_NUMBER)
        g_ptr_array_add (a.columns, column);
    }
  group_of_row = collect_groups (&a);
  /* Dates and numbers in their order, as a line runs; categories in the
   * order they first appear. */
  if (mc_column_get_column_type (a.x) != MC_COLUMN_STRING)
    sort_groups_by_x (a.groups);
  out = aggregation_table (&a);
  if (origin != NULL)
    *origin = aggregation_origin (&a, g_steal_pointer (&group_of_row));
  g_ptr_array_unref (a.columns);
  g_array_unref (a.groups);
  g_free (a.rows);
  return out;
}

/* Whether the table of @spec is some rows of the dataset as they are. */
static gboolean
selects_only (const McChartSpec *spec)
{
  return mc_chart_spec_get_string (spec, "filter") != NULL
         && mc_chart_spec_get_string (spec, "month") == NULL
         && mc_transform_get_aggregate (spec) == MC_AGGREGATE_NONE;
}

McDataset *
mc_transform_apply (const McChartSpec  *spec,
                    McDataset          *dataset,
                    const char         *x_id,
                    McTableOrigin     **origin)
{
  McAggregate aggregate = mc_transform_get_aggregate (spec);
  gboolean selects = mc_chart_spec_get_string (spec, "filter") != NULL
                     || mc_chart_spec_get_string (spec, "month") != NULL;
  g_autoptr(McDataset) selected = NULL;
  g_autoptr(GArray) kept = NULL;

  g_return_val_if_fail (spec != NULL && MC_IS_DATASET (dataset), NULL);

  if (origin != NULL)
    *origin = NULL;
  if (!selects && aggregate == MC_AGGREGATE_NONE)
    return g_object_ref (dataset);
  /* An aggregate of every row reads them where they are: a copy of a
   * million rows would cost more than the aggregate. */
  if (!selects)
    selected = g_object_ref (dataset);
  else
    {
      kept = kept_rows (spec, dataset);
      selected = select_rows (spec, dataset, x_id, kept);
    }
  if (selects_only (spec) && origin != NULL)
    {
      *origin = table_origin_new (mc_dataset_get_n_rows (dataset));
      (*origin)->kept = g_steal_pointer (&kept);
    }
  if (aggregate == MC_AGGREGATE_NONE || x_id == NULL
      || mc_dataset_lookup_column (selected, x_id) == NULL)
    return g_steal_pointer (&selected);
  return aggregate_rows (spec, selected, x_id, aggregate, selects ? NULL : origin);
}

/* Cell @row of @to becomes cell @from_row of @from, as append_cell()
 * appends it. */
static void
set_cell (McColumn       *to,
          guint           row,
          const McColumn *from,
          guint           from_row)
{
  if (mc_column_is_missing (from, from_row))
    mc_column_set_missing (to, row);
  else if (mc_column_get_column_type (from) == MC_COLUMN_STRING)
    mc_column_set_string (to, row, mc_column_get_string (from, from_row));
  else
    mc_column_set_written_value (to, row, mc_column_get_value (from, from_row),
                                 mc_column_get_decimals (from, from_row));
  mc_column_set_annotation (to, row, mc_column_is_estimate (from, from_row),
                            mc_column_get_note (from, from_row));
}

static McDataset *
mend_selection (const McChartSpec *spec,
                McDataset         *before,
                GArray            *rows,
                McDataset         *dataset,
                const McChange    *change,
                McChange          *changed)
{
  McColumn *edited = mc_dataset_get_column (dataset, change->column);
  McDataset *mended;
  guint index;

  if (!selects_only (spec)
      || mc_dataset_get_n_columns (before) != mc_dataset_get_n_columns (dataset))
    return NULL;
  /* The rows kept are those of the filter's column as it was. */
  if (g_strcmp0 (mc_column_get_id (edited), mc_chart_spec_get_string (spec, "filter")) == 0)
    return NULL;
  changed->column = change->column;
  if (!mc_sorted_find_uint ((const guint *) (gpointer) rows->data, rows->len, change->row, &index))
    return g_object_ref (before);
  mended = mc_dataset_copy (before);
  set_cell (mc_dataset_get_column (mended, change->column), index, edited, change->row);
  changed->row = index;
  changed->n_rows = 1;
  return mended;
}

/* The value of the edited cell's group combined again, as
 * aggregation_table() combines it: an edit of a column the table leaves
 * out, or of a row in no group, changes nothing. */
static McDataset *
mend_aggregate (McDataset      *before,
                McTableOrigin  *origin,
                McDataset      *dataset,
                const McChange *change,
                McChange       *changed)
{
  const McColumn *edited = mc_dataset_get_column (dataset, change->column);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  const McColumn *combined;
  McDataset *mended;
  guint group;
  int index;
  gboolean estimate;
  double old_value, value;

  if (mc_dataset_get_n_rows (dataset) != origin->n_rows || change->row >= origin->n_rows)
    return NULL;
  index = mc_dataset_get_column_index (before, mc_column_get_id (edited));
  if (index < 0)
    return g_object_ref (before);
  /* The groups are those of x and the series as they were. */
  if ((guint) index < origin->first_combined)
    return NULL;
  changed->column = index;
  group = origin->group_of_row[change->row];
  if (group == G_MAXUINT)
    return g_object_ref (before);
  estimate = gather_group_values (origin->rows + origin->starts[group], origin->counts[group],
                                  edited, values)
             && origin->aggregate != MC_AGGREGATE_COUNT;
  value = aggregate_values (values, origin->aggregate);
  combined = mc_dataset_get_column (before, index);
  old_value = mc_column_get_value (combined, group);
  if (isnan (old_value) != isnan (value) || estimate != mc_column_is_estimate (combined, group))
    return NULL;
  mended = mc_dataset_copy (before);
  mc_column_set_value (mc_dataset_get_column (mended, index), group, value);
  changed->row = group;
  changed->n_rows = 1;
  return mended;
}

McDataset *
mc_transform_mend (const McChartSpec *spec,
                   McDataset         *before,
                   McTableOrigin     *origin,
                   McDataset         *dataset,
                   const McChange    *change,
                   McChange          *changed)
{
  g_return_val_if_fail (MC_IS_DATASET (before) && origin != NULL && change != NULL, NULL);

  if (change->what != MC_CHANGE_CELLS || change->n_rows != 1
      || change->column < 0 || (guint) change->column >= mc_dataset_get_n_columns (dataset))
    return NULL;
  *changed = (McChange) { MC_CHANGE_CELLS, 0, 0, -1, -1 };
  if (origin->kept != NULL)
    return mend_selection (spec, before, origin->kept, dataset, change, changed);
  return mend_aggregate (before, origin, dataset, change, changed);
}
