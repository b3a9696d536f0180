/* mc-csv-rows.c: the rows of a CSV file, as cells with positions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the CSV readers of the loader share: the header, rows of the
 * header's length, cells without the spaces around unquoted ones, and
 * messages at the position of a cell. The rows walk the buffer in place;
 * a cell is a pointer and a length into it.
 */
#include "config.h"

#include "mc-csv-rows.h"

#include <glib/gi18n.h>

#include "mc-loader-error.h"
#include "mc-table-builder-private.h"

/* @separator: MC_CSV_SEPARATOR_AUTO to find it from the first lines */
void
mc_csv_rows_init (McCsvRows    *rows,
                  const char   *name,
                  const char   *text,
                  gsize         length,
                  char          separator,
                  GCancellable *cancellable)
{
  *rows = (McCsvRows) { name, NULL, cancellable, 0, 0, NULL };
  rows->reader = mc_csv_reader_new (text, length, separator);
}

void
mc_csv_rows_clear (McCsvRows *rows)
{
  g_clear_pointer (&rows->reader, mc_csv_reader_free);
}

/* Turns an MC_CSV_ERROR ("line:col: message") into an MC_LOADER_ERROR. */
static void
propagate_csv_error (GError     **error,
                     GError      *csv_error,
                     const char  *name)
{
  McLoaderError code = MC_LOADER_ERROR_SYNTAX;

  if (csv_error->domain == MC_CSV_ERROR && csv_error->code == MC_CSV_ERROR_TOO_LARGE)
    code = MC_LOADER_ERROR_TOO_LARGE;
  else if (csv_error->domain != MC_CSV_ERROR)
    {
      g_propagate_error (error, csv_error);
      return;
    }

  /* The CSV reader's messages already start with "line:column: ". */
  g_set_error (error, MC_LOADER_ERROR, code, "%s:%s", name, csv_error->message);
  g_error_free (csv_error);
}

static inline gboolean
next_row (McCsvRows  *rows,
          gboolean   *have_row,
          GError    **error)
{
  GError *csv_error = NULL;

  if (rows->n_rows % MC_CSV_ROWS_CANCEL_CHECK == MC_CSV_ROWS_CANCEL_CHECK - 1)
    {
      if (g_cancellable_set_error_if_cancelled (rows->cancellable, error))
        return FALSE;
      mc_load_progress_set_rows (rows->progress, rows->n_rows);
    }

  *have_row = mc_csv_reader_next_row (rows->reader, &csv_error);
  if (csv_error != NULL)
    {
      propagate_csv_error (error, csv_error, rows->name);
      return FALSE;
    }
  if (!*have_row)
    mc_load_progress_set_rows (rows->progress, rows->n_rows);
  return TRUE;
}

/**
 * mc_csv_rows_read_header:
 *
 * Reads the first row, which names the columns; the next rows are data.
 */
gboolean
mc_csv_rows_read_header (McCsvRows  *rows,
                         GError    **error)
{
  gboolean have_row;

  if (!next_row (rows, &have_row, error))
    return FALSE;
  if (!have_row)
    {
      mc_loader_set_error (error, MC_LOADER_ERROR_SYNTAX, rows->name, 0, 0,
                           _("the file is empty; a CSV file starts with a header "
                             "row naming its columns"));
      return FALSE;
    }
  rows->n_header = mc_csv_reader_get_n_fields (rows->reader);
  rows->n_rows = 0;
  return TRUE;
}

/* Goes back to the first row after the header, to read the rows again. */
gboolean
mc_csv_rows_rewind (McCsvRows  *rows,
                    GError    **error)
{
  mc_csv_reader_rewind (rows->reader);
  rows->n_rows = 0;
  return mc_csv_rows_read_header (rows, error);
}

/* Which separator was assumed, for a row that does not fit. */
static const char *
describe_separator (char separator)
{
  switch (separator)
    {
    case ';': return _("fields separated by semicolons");
    case '\t': return _("fields separated by tabs");
    case '|': return _("fields separated by “|”");
    case ',':
    default: return _("fields separated by commas");
    }
}

static gboolean
check_row (McCsvRows  *rows,
           GError    **error)
{
  guint n_fields = mc_csv_reader_get_n_fields (rows->reader);
  guint line, column;

  if (++rows->n_rows > MC_LOADER_MAX_ROWS)
    {
      mc_loader_set_error (error, MC_LOADER_ERROR_TOO_LARGE, rows->name,
                           mc_csv_reader_get_line (rows->reader), 1,
                           _("more than %d rows; that is the limit"),
                           MC_LOADER_MAX_ROWS);
      return FALSE;
    }
  if (n_fields == rows->n_header)
    return TRUE;

  if (n_fields > rows->n_header)
    mc_csv_reader_get_field_position (rows->reader, rows->n_header, &line, &column);
  else
    mc_csv_reader_get_end_position (rows->reader, &line, &column);
  mc_loader_set_error (error, MC_LOADER_ERROR_SHAPE, rows->name, line, column,
                       ngettext ("this row has %u field, the header has %u (%s)",
                                 "this row has %u fields, the header has %u (%s)",
                                 n_fields),
                       n_fields, rows->n_header,
                       describe_separator (mc_csv_reader_get_separator (rows->reader)));
  return FALSE;
}

/**
 * mc_csv_rows_next:
 * @have_row: (out): %FALSE at the end of the file
 *
 * Reads the next row, which must have as many fields as the header.
 */
gboolean
mc_csv_rows_next (McCsvRows  *rows,
                  gboolean   *have_row,
                  GError    **error)
{
  if (!next_row (rows, have_row, error))
    return FALSE;
  return !*have_row || check_row (rows, error);
}

char *
mc_csv_rows_format_at (McCsvRows  *rows,
                       guint       index,
                       const char *message)
{
  guint line, column;

  mc_csv_reader_get_field_position (rows->reader, index, &line, &column);
  return mc_loader_format_message (rows->name, line, column, message);
}

void
mc_csv_rows_set_error_at (McCsvRows      *rows,
                          guint           index,
                          McLoaderError   code,
                          const char     *message,
                          GError        **error)
{
  guint line, column;

  mc_csv_reader_get_field_position (rows->reader, index, &line, &column);
  mc_loader_set_error (error, code, rows->name, line, column, "%s", message);
}

/* "name:line:column" of field @index of the current row, for the
 * builder's warnings. */
char *
mc_csv_rows_locate (gpointer rows,
                    guint    index)
{
  McCsvRows *self = rows;
  guint line, column;

  mc_csv_reader_get_field_position (self->reader, index, &line, &column);
  return g_strdup_printf ("%s:%u:%u", self->name, line, column);
}

/* Filling columns */

typedef struct
{
  McCsvRows *rows;
  const int *map;
} Fill;

static void
report_cell (gpointer        user_data,
             guint           column,
             McLoaderError   code,
             const char     *message,
             GError        **error)
{
  Fill *fill = user_data;

  mc_csv_rows_set_error_at (fill->rows, fill->map[column], code, message, error);
}

/* Hands the cells of the remaining rows to @builder, to infer or to
 * append: column i takes field map[i] (field i without a map), none when
 * map[i] is -1. Inline, so that each caller has a loop of its own,
 * without the tests for the other. */
static inline gboolean
feed_rows (McCsvRows       *rows,
           McTableBuilder  *builder,
           const int       *map,
           gboolean         infer,
           GError         **error)
{
  McTableColumn *columns = mc_table_builder_get_columns (builder);
  guint n_columns = mc_table_builder_get_n_columns (builder);
  gboolean have_row;

  for (;;)
    {
      if (!mc_csv_rows_next (rows, &have_row, error))
        return FALSE;
      if (!have_row)
        return TRUE;
      for (guint i = 0; i < n_columns; i++)
        {
          guint field = map ? (guint) map[i] : i;
          gsize length;
          const char *text;

          if ((map && map[i] < 0) || (infer && !mc_table_column_wants_cell (&columns[i])))
            continue;
          text = mc_csv_rows_get_cell (rows, field, &length);
          if (infer)
            mc_table_builder_infer_cell (builder, i, text, length);
          else if (!mc_table_builder_append_cell (builder, i, text, length, error))
            return FALSE;
        }
    }
}

/**
 * mc_csv_rows_infer:
 *
 * Hands every cell of the remaining rows to @builder, to infer the types
 * of its columns, one per field.
 */
gboolean
mc_csv_rows_infer (McCsvRows       *rows,
                   McTableBuilder  *builder,
                   GError         **error)
{
  gboolean ok;

  mc_table_builder_set_locator (builder, mc_csv_rows_locate, rows);
  ok = feed_rows (rows, builder, NULL, TRUE, error);
  mc_table_builder_set_locator (builder, NULL, NULL);
  return ok;
}

/**
 * mc_csv_rows_fill:
 * @map: for each column of @builder, the field that holds its cells, or
 *   -1 for a column that takes none
 *
 * Appends the cells of the remaining rows to the columns of @builder;
 * a cell it cannot take is an error at the cell's position.
 */
gboolean
mc_csv_rows_fill (McCsvRows       *rows,
                  McTableBuilder  *builder,
                  const int       *map,
                  GError         **error)
{
  Fill fill = { rows, map };
  gboolean ok;

  mc_table_builder_set_reporter (builder, report_cell, &fill);
  ok = feed_rows (rows, builder, map, FALSE, error);
  mc_table_builder_set_reporter (builder, NULL, NULL);
  return ok;
}
