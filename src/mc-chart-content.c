/* mc-chart-content.c: a chart for the clipboard and drag and drop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-chart-content.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mc-format.h"

static void
append_field (GString    *out,
              const char *text,
              char        separator)
{
  if (text == NULL)
    return;

  /* Tab-separated text has no quoting: tabs and line breaks in a field
   * become spaces, as spreadsheets do when they copy such a cell. */
  if (separator == '\t')
    {
      for (const char *p = text; *p != '\0'; p++)
        g_string_append_c (out, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
      return;
    }

  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* The unit of the stored values, which the cells copy as they are (in
 * Chinese "十亿美元", not the "亿美元" of tables and axes). */
static char *
dup_header (const McColumn *column)
{
  const char *label = mc_column_get_label (column);
  g_autofree char *unit = mc_format_data_unit (column);

  if (label == NULL || label[0] == '\0')
    label = mc_column_get_id (column);
  if (unit == NULL)
    return g_strdup (label);

  /* Translators: a column header of copied data: "LABEL (UNIT)" */
  return g_strdup_printf (_("%s (%s)"), label, unit);
}

static char *
dup_iso_date (double          days,
              McDatePrecision precision)
{
  switch (precision)
    {
    case MC_DATE_YEAR:
      return mc_format_date_with (days, "%Y");
    case MC_DATE_MONTH:
      return mc_format_date_with (days, "%Y-%m");
    case MC_DATE_DAY:
    default:
      return mc_format_date_with (days, "%Y-%m-%d");
    }
}

/* A cell as data, not as prose: no units, no grouping, '.' decimals. */
static char *
dup_cell (const McColumn *column,
          guint           row)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double value;

  if (mc_column_is_missing (column, row))
    return NULL;

  switch (mc_column_get_column_type (column))
    {
    case MC_COLUMN_STRING:
      return g_strdup (mc_column_get_string (column, row));
    case MC_COLUMN_BOOLEAN:
      return g_strdup (mc_column_get_value (column, row) != 0 ? "true" : "false");
    case MC_COLUMN_DATE:
      return dup_iso_date (mc_column_get_value (column, row),
                           mc_column_get_date_precision (column));
    case MC_COLUMN_NUMBER:
    default:
      value = mc_column_get_value (column, row);
      if (!isfinite (value))
        return NULL;
      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
    }
}

char *
mc_chart_content_dup_table (McDataset *dataset,
                            char       separator)
{
  guint n_columns;
  guint n_rows;
  GString *out;

  g_return_val_if_fail (MC_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (separator == ',' || separator == '\t', NULL);

  n_columns = mc_dataset_get_n_columns (dataset);
  n_rows = mc_dataset_get_n_rows (dataset);
  out = g_string_new (NULL);

  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *header = dup_header (mc_dataset_get_column (dataset, c));

      if (c > 0)
        g_string_append_c (out, separator);
      append_field (out, header, separator);
    }
  g_string_append (out, "\r\n");

  for (guint r = 0; r < n_rows; r++)
    {
      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *cell = dup_cell (mc_dataset_get_column (dataset, c), r);

          if (c > 0)
            g_string_append_c (out, separator);
          append_field (out, cell, separator);
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free (out, FALSE);
}

GdkContentProvider *
mc_chart_content_new (McChartModel           *chart,
                      const McExportOptions  *options,
                      GError                **error)
{
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autofree char *tsv = NULL;
  McDataset *dataset;
  char *text;
  GdkContentProvider *providers[4];

  g_return_val_if_fail (MC_IS_CHART_MODEL (chart), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  png = mc_export_chart_to_bytes (chart, MC_EXPORT_PNG, options, error);
  if (png == NULL)
    return NULL;
  svg = mc_export_chart_to_bytes (chart, MC_EXPORT_SVG, options, error);
  if (svg == NULL)
    return NULL;

  dataset = mc_chart_model_get_dataset (chart);
  text = mc_chart_content_dup_table (dataset, ',');
  csv = g_bytes_new_take (text, strlen (text));
  tsv = mc_chart_content_dup_table (dataset, '\t');

  providers[0] = gdk_content_provider_new_for_bytes ("image/png", png);
  providers[1] = gdk_content_provider_new_for_bytes ("image/svg+xml", svg);
  providers[2] = gdk_content_provider_new_for_bytes ("text/csv", csv);
  providers[3] = gdk_content_provider_new_typed (G_TYPE_STRING, tsv);

  return gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
}
