/* mc-default-chart.c: the chart a dataset without declared charts gets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the table builder's work: once it has decided what the columns
 * hold, it chooses a chart for them. A dataset file that declares no chart
 * gets one the same way.
 */
#include "config.h"

#include "mc-default-chart.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mc-loader-error.h"
#include "mc-text.h"

/* A long table: one series per distinct value of @column, which repeats. */
static gboolean
is_series_column (McColumn *column)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_rows = mc_column_get_n_rows (column);

  for (guint i = 0; i < n_rows; i++)
    {
      const char *value = mc_column_get_string (column, i);

      if (value == NULL)
        continue;
      g_hash_table_add (seen, (gpointer) value);
      if (g_hash_table_size (seen) > 24)
        return FALSE;
    }
  return g_hash_table_size (seen) >= 2 && n_rows >= 2 * g_hash_table_size (seen);
}

static char **
column_ids (GPtrArray *columns,
            guint      from,
            guint      max)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **ids;

  for (guint i = from; i < columns->len && i < from + max; i++)
    g_strv_builder_add (builder, mc_column_get_id (g_ptr_array_index (columns, i)));
  ids = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return ids;
}

/* A default chart shows at most this many number columns. */
#define MAX_SERIES 6

/* Columns whose largest values differ more than this many times don't
 * share a value axis: the smaller ones would be slivers. */
#define MAX_MAGNITUDE_RATIO 20.0

static double
largest_magnitude (McColumn *column)
{
  guint n;
  const double *values = mc_column_get_values (column, &n);
  double largest = 0;

  for (guint i = 0; i < n; i++)
    if (isfinite (values[i]))
      largest = MAX (largest, fabs (values[i]));
  return largest;
}

/* Whether @a and @b can be read on one axis: the same unit and scale,
 * and values of a similar size. */
static gboolean
columns_comparable (McColumn *a,
                    McColumn *b)
{
  double ma = largest_magnitude (a), mb = largest_magnitude (b);

  if (g_strcmp0 (mc_column_get_unit (a), mc_column_get_unit (b)) != 0
      || mc_column_get_scale (a) != mc_column_get_scale (b))
    return FALSE;
  if (ma == 0 || mb == 0)
    return TRUE;
  return MAX (ma, mb) / MIN (ma, mb) <= MAX_MAGNITUDE_RATIO;
}

/* The number columns from @from on that a default chart shows with the
 * one at @from. A designer would not put "Revenue (USD m)" and
 * "Customers" on one axis: the second column, 200 times smaller, would
 * be invisible, and one of them would be read in the other's unit. The
 * others stay in the dataset for charts the user declares. */
static void
keep_comparable (GPtrArray *numbers,
                 guint      from,
                 GPtrArray *left_out)
{
  McColumn *first;

  if (from >= numbers->len)
    return;
  first = g_ptr_array_index (numbers, from);
  for (guint i = numbers->len; i > from + 1; i--)
    if (!columns_comparable (first, g_ptr_array_index (numbers, i - 1)))
      g_ptr_array_insert (left_out, 0, g_ptr_array_steal_index (numbers, i - 1));
}

/* Nothing is lost silently: the number columns the chart does not show
 * are named, with the reason. */
static void
warn_left_out (McDataset  *dataset,
               const char *name,
               McColumn   *first,
               GPtrArray  *left_out,
               GPtrArray  *beyond)
{
  for (guint i = 0; i < left_out->len + beyond->len; i++)
    {
      gboolean too_many = i >= left_out->len;
      McColumn *column = too_many ? g_ptr_array_index (beyond, i - left_out->len)
                                  : g_ptr_array_index (left_out, i);
      g_autofree char *label = mc_text_shown (mc_column_get_label (column));
      g_autofree char *other = mc_text_shown (mc_column_get_label (first));
      g_autofree char *message = NULL;
      g_autofree char *full = NULL;

      if (too_many)
        message = g_strdup_printf (_("column “%s” is not in the default chart, which shows "
                                     "at most %d columns"), label, MAX_SERIES);
      else
        /* Translators: "column “Customers” is not in the default chart: its unit or
         * size differs from “Revenue”’s, which would make one of them unreadable" */
        message = g_strdup_printf (_("column “%s” is not in the default chart: its unit or "
                                     "size differs from “%s”’s, which would make one of "
                                     "them unreadable"), label, other);
      full = mc_loader_format_message (name, 0, 0, message);
      mc_dataset_add_warning (dataset, full);
    }
}

static McChartSpec *
choose_chart (McDataset  *dataset,
              const char *name)
{
  g_autoptr(GPtrArray) numbers = g_ptr_array_new ();
  g_autoptr(GPtrArray) left_out = g_ptr_array_new ();
  g_autoptr(GPtrArray) beyond = g_ptr_array_new ();
  guint from;
  McColumn *date = NULL, *string = NULL;
  guint n_strings = 0;
  McColumn *x;
  g_auto(GStrv) y = NULL;
  McChartSpec *spec;

  for (guint i = 0; i < mc_dataset_get_n_columns (dataset); i++)
    {
      McColumn *column = mc_dataset_get_column (dataset, i);

      switch (mc_column_get_column_type (column))
        {
        case MC_COLUMN_NUMBER: g_ptr_array_add (numbers, column); break;
        case MC_COLUMN_DATE: date = date ? date : column; break;
        case MC_COLUMN_STRING: string = string ? string : column; n_strings++; break;
        case MC_COLUMN_BOOLEAN: default: break;
        }
    }
  if (numbers->len == 0 || (date == NULL && string == NULL && numbers->len < 2))
    return NULL;
  from = date == NULL && string == NULL ? 1 : 0;
  keep_comparable (numbers, from, left_out);
  for (guint i = from + MAX_SERIES; i < numbers->len; i++)
    g_ptr_array_add (beyond, g_ptr_array_index (numbers, i));
  if (name != NULL)
    warn_left_out (dataset, name, g_ptr_array_index (numbers, from), left_out, beyond);

  if (date != NULL)
    {
      spec = mc_chart_spec_new ("chart", "line");
      x = date;
      y = column_ids (numbers, 0, MAX_SERIES);
      if (n_strings == 1 && numbers->len == 1 && is_series_column (string))
        mc_chart_spec_set_string (spec, "series", mc_column_get_id (string));
    }
  else if (string != NULL)
    {
      spec = mc_chart_spec_new ("chart", "bar");
      x = string;
      y = column_ids (numbers, 0, MAX_SERIES);
    }
  else
    {
      spec = mc_chart_spec_new ("chart", "line");
      x = g_ptr_array_index (numbers, 0);
      y = column_ids (numbers, 1, MAX_SERIES);
    }
  mc_chart_spec_set_title (spec, mc_dataset_get_title (dataset));
  mc_chart_spec_set_string (spec, "x", mc_column_get_id (x));
  mc_chart_spec_set_strv (spec, "y", (const char * const *) y);
  return spec;
}

/**
 * mc_default_chart_add:
 *
 * Adds the chart a dataset without declared charts gets: a line over the
 * first date column (one series per value of a string column for long
 * tables), else bars over the first string column, else a line over the
 * first number column. The value columns are the number columns, at most 6,
 * that can share an axis with the first: same unit, values at most 20
 * times larger or smaller.
 */
void
mc_default_chart_add (McDataset  *dataset,
                      const char *name)
{
  McChartSpec *spec = choose_chart (dataset, name);

  if (spec == NULL)
    {
      g_autofree char *message =
        mc_loader_format_message (name, 0, 0, _("no chart could be chosen: the data "
                                                "needs a number column and a column "
                                                "to plot it against"));
      mc_dataset_add_warning (dataset, message);
      return;
    }
  mc_dataset_add_chart (dataset, spec);
}

McChartSpec *
mc_default_chart_new (McDataset *dataset)
{
  McChartSpec *spec;

  g_return_val_if_fail (MC_IS_DATASET (dataset), NULL);

  /* A chart added by hand warns of nothing: the dataset stays as it is. */
  spec = choose_chart (dataset, NULL);
  for (guint n = 2; spec != NULL && mc_dataset_lookup_chart (dataset, spec->id) != NULL; n++)
    {
      g_free (spec->id);
      spec->id = g_strdup_printf ("chart-%u", n);
    }
  return spec;
}
