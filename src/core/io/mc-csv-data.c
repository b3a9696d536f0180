/* mc-csv-data.c: the rows of a dataset file's declared columns, from a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A dataset file declares its columns and their types, and may keep its
 * rows in a CSV file whose header names the column ids, in any order.
 * The cells go to the table builder, which converts them by the declared
 * types.
 */
#include "config.h"

#include "mc-csv-data.h"

#include <glib/gi18n.h>

#include "mc-csv-fast.h"
#include "mc-csv-rows.h"
#include "mc-loader-error.h"
#include "mc-table-builder.h"
#include "mc-text.h"

/* Header names listed in a message about a missing column. */
#define MAX_LISTED_NAMES 12

/* The names of the header for a message: the first few, each shortened,
 * since a header may hold thousands of long names. */
static char *
header_names (McCsvRows *rows)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < rows->n_header && i < MAX_LISTED_NAMES; i++)
    {
      gsize length;
      const char *text = mc_csv_rows_get_cell (rows, i, &length);
      g_autofree char *shown = mc_text_shorten (text, length, 40);

      g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", shown);
    }
  if (rows->n_header > MAX_LISTED_NAMES)
    g_string_append_printf (out, ngettext (", … (%u name in all)", ", … (%u names in all)",
                                           rows->n_header),
                            rows->n_header);
  return g_string_free (out, FALSE);
}

static void
warn_undeclared (McCsvRows  *rows,
                 McDataset  *dataset,
                 guint       index,
                 const char *id,
                 const char *json_name)
{
  g_autofree char *message = NULL;
  g_autofree char *full = NULL;
  g_autofree char *id_shown = mc_text_shown (id);

  message = g_strdup_printf (_("column “%s” is not declared in %s and is ignored"),
                             id_shown, json_name);
  full = mc_csv_rows_format_at (rows, index, message);
  mc_dataset_add_warning (dataset, full);
}

static gboolean
check_all_mapped (McCsvRows   *rows,
                  McDataset   *dataset,
                  const char  *json_name,
                  const int   *map,
                  GError     **error)
{
  for (guint i = 0; i < mc_dataset_get_n_columns (dataset); i++)
    {
      const char *missing_id = mc_column_get_id (mc_dataset_get_column (dataset, i));
      g_autofree char *missing_shown = NULL;
      g_autofree char *names = NULL;

      if (map[i] >= 0)
        continue;
      /* Ids may be long: keep the message short enough to read. */
      missing_shown = mc_text_shown (missing_id);
      names = header_names (rows);
      mc_loader_set_error (error, MC_LOADER_ERROR_MISSING, rows->name, 1, 1,
                           _("the header has no column “%s”, which %s declares; "
                             "the header is: %s"),
                           missing_shown, json_name, names);
      return FALSE;
    }
  return TRUE;
}

/* Maps each declared column to its field in the header; @warn of the
 * fields that are not declared. */
static gboolean
map_header (McCsvRows   *rows,
            McDataset   *dataset,
            const char  *json_name,
            int         *map,
            gboolean     warn,
            GError     **error)
{
  for (guint i = 0; i < mc_dataset_get_n_columns (dataset); i++)
    map[i] = -1;

  for (guint f = 0; f < rows->n_header; f++)
    {
      gsize length;
      const char *text = mc_csv_rows_get_cell (rows, f, &length);
      g_autofree char *id = g_strndup (text, length);
      int index = mc_dataset_get_column_index (dataset, id);

      if (index >= 0 && map[index] >= 0)
        {
          g_autofree char *shown = mc_text_shorten (id, length, 60);
          g_autofree char *message =
            g_strdup_printf (_("the header names column “%s” twice"), shown);

          mc_csv_rows_set_error_at (rows, f, MC_LOADER_ERROR_DUPLICATE, message, error);
          return FALSE;
        }
      if (index >= 0)
        map[index] = f;
      else if (warn)
        warn_undeclared (rows, dataset, f, id, json_name);
    }
  return check_all_mapped (rows, dataset, json_name, map, error);
}

/* Whether the rows may be read the fast way: every declared column is of
 * numbers or dates (other CSV columns are read, only to be dropped). */
static gboolean
fast_types (McDataset *dataset)
{
  for (guint i = 0; i < mc_dataset_get_n_columns (dataset); i++)
    {
      McColumnType type = mc_column_get_column_type (mc_dataset_get_column (dataset, i));

      if (type != MC_COLUMN_NUMBER && type != MC_COLUMN_DATE)
        return FALSE;
    }
  return TRUE;
}

/* The rows of a CSV file of numbers and dates from @source, read the fast
 * way into a new table whose values the declared columns take, if each
 * is of its column's type; else the general reader reads the cells. A
 * long series kept in a CSV file loads as fast as that file opened on its
 * own. */
static McCsvFastResult
read_fast (McCsvRows                *rows,
           McTableBuilder           *builder,
           const int                *map,
           const McLineBlocksSource *source,
           GError                  **error)
{
  g_autoptr(McTableBuilder) table = mc_table_builder_new (rows->name);
  McDataset *dataset = mc_table_builder_get_dataset (builder);
  McCsvFastResult result;
  guint n_rows;

  for (guint f = 0; f < rows->n_header; f++)
    mc_table_builder_add_column (table, "", 0);
  result = mc_csv_fast_read (rows, table, source, &n_rows, error);
  if (result != MC_CSV_FAST_DONE)
    return result;
  /* Rows read but not taken are not counted: the general reader reads
   * them again, against the same limit. */
  for (guint i = 0; i < mc_dataset_get_n_columns (dataset); i++)
    if (!mc_table_builder_can_take_kept (builder, i, table, map[i]))
      return MC_CSV_FAST_GAVE_UP;
  for (guint i = 0; i < mc_dataset_get_n_columns (dataset); i++)
    mc_table_builder_take_kept (builder, i, table, map[i]);
  rows->n_rows = n_rows;
  return MC_CSV_FAST_DONE;
}

/* The rows after the header, the fast way if they allow, else cell by
 * cell. */
static gboolean
read_rows (McCsvRows      *rows,
           McTableBuilder *builder,
           const int      *map,
           const char     *text,
           gsize           length,
           GError        **error)
{
  gsize offset = mc_csv_reader_get_offset (rows->reader);
  McLineBlocksSource source = { text + offset, length - offset, NULL, length - offset,
                                rows->name, NULL, rows->cancellable };
  McDataset *dataset = mc_table_builder_get_dataset (builder);

  switch (fast_types (dataset) ? read_fast (rows, builder, map, &source, error)
                               : MC_CSV_FAST_GAVE_UP)
    {
    case MC_CSV_FAST_DONE:
      return TRUE;
    case MC_CSV_FAST_FAILED:
      return FALSE;
    case MC_CSV_FAST_GAVE_UP:
    default:
      return mc_csv_rows_fill (rows, builder, map, error);
    }
}

/**
 * mc_csv_data_read_stream:
 * @head: the first bytes of the CSV file
 * @stream: (nullable): the rest of it; NULL when @head is the whole file,
 *   mapped as @mapped
 * @gave_up: (out): set when the rows are to be read from the whole text
 *   with mc_csv_data_read() instead, in which case nothing else happened
 *
 * Fills the declared columns of @dataset, all of numbers and dates, from
 * a CSV file of numbers and dates while it arrives, never whole in
 * memory, as mc_csv_data_read() does from its whole text.
 */
gboolean
mc_csv_data_read_stream (McDataset     *dataset,
                         const char    *name,
                         const char    *json_name,
                         const char    *head,
                         gsize          head_length,
                         GInputStream  *stream,
                         McMappedFile  *mapped,
                         GCancellable  *cancellable,
                         gboolean      *gave_up,
                         GError       **error)
{
  g_autoptr(McTableBuilder) builder = mc_table_builder_new_for_dataset (dataset, name);
  g_autofree int *map = g_new (int, mc_dataset_get_n_columns (dataset));
  McLineBlocksSource source = { NULL, 0, stream, 0, name, NULL, cancellable, mapped };
  McCsvRows rows;
  gsize offset;
  gboolean ok = FALSE;

  *gave_up = TRUE;
  if (!fast_types (dataset))
    return FALSE;
  mc_csv_rows_init (&rows, name, head, head_length, MC_CSV_SEPARATOR_AUTO, cancellable);
  /* A header that is not whole in the head, or wrong, is for the whole
   * text to read and report. */
  offset = mc_csv_rows_read_header (&rows, NULL) && map_header (&rows, dataset, json_name, map,
                                                                FALSE, NULL)
           ? mc_csv_reader_get_offset (rows.reader) : head_length;
  if (offset < head_length)
    {
      source.head = head + offset;
      source.head_length = head_length - offset;
      source.max_length = MC_LOADER_MAX_CSV_SIZE - MIN (offset, MC_LOADER_MAX_CSV_SIZE);
      switch (read_fast (&rows, builder, map, &source, error))
        {
        case MC_CSV_FAST_DONE:
          *gave_up = FALSE;
          ok = map_header (&rows, dataset, json_name, map, TRUE, error);
          mc_table_builder_finish (builder);
          break;
        case MC_CSV_FAST_FAILED:
          *gave_up = FALSE;
          break;
        case MC_CSV_FAST_GAVE_UP:
        default:
          break;
        }
    }
  mc_csv_rows_clear (&rows);
  return ok;
}

/**
 * mc_csv_data_read:
 * @dataset: a dataset with declared columns and no rows
 * @name: the CSV file, for messages
 * @json_name: the dataset file, for messages
 *
 * Fills the declared columns of @dataset from CSV text whose header row
 * names column ids. Extra CSV columns are ignored with a warning.
 */
gboolean
mc_csv_data_read (McDataset     *dataset,
                  const char    *name,
                  const char    *json_name,
                  const char    *text,
                  gsize          length,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(McTableBuilder) builder = mc_table_builder_new_for_dataset (dataset, name);
  g_autofree int *map = g_new (int, mc_dataset_get_n_columns (dataset));
  McCsvRows rows;
  gboolean ok;

  mc_csv_rows_init (&rows, name, text, length, MC_CSV_SEPARATOR_AUTO, cancellable);
  ok = mc_csv_rows_read_header (&rows, error)
       && map_header (&rows, dataset, json_name, map, TRUE, error)
       && read_rows (&rows, builder, map, text, length, error);
  if (ok)
    mc_table_builder_finish (builder);
  mc_csv_rows_clear (&rows);
  return ok;
}
