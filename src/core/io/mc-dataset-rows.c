/* mc-dataset-rows.c: the rows of a dataset file, or of the CSV file it names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A cell is a JSON value of its column's type, null, or an object with
 * the value and its estimate flag and note. The values go to the table
 * builder, which appends them to the declared columns; rows in a CSV
 * file are read by mc-csv-data.c.
 */
#include "config.h"

#include "mc-dataset-rows.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-csv-data.h"
#include "mc-csv-reference.h"
#include "mc-json-scanner.h"
#include "mc-loader-buffer.h"
#include "mc-table-builder.h"
#include "mc-text.h"

/* Rows and cells */

typedef struct
{
  JsonNode   *value;
  gboolean    estimate;
  const char *note;
  gboolean    in_object;   /* the value sits in a {"value": ...} object */
} Cell;

static gboolean
read_cell_object (McJsonContext  *ctx,
                  JsonNode       *node,
                  Cell           *cell,
                  GError        **error)
{
  static const char * const known[] = { "value", "estimate", "note", NULL };
  JsonObject *object = json_node_get_object (node);

  if (!json_object_has_member (object, "value"))
    return mc_json_context_fail (ctx, error, MC_LOADER_ERROR_MISSING,
                                 _("a cell object needs a “value” (null when the value "
                                   "is missing)"));
  if (!mc_json_context_get_boolean (ctx, object, "estimate", &cell->estimate, error) ||
      !mc_json_context_get_string (ctx, object, "note", MC_JSON_OPTIONAL, &cell->note, error))
    return FALSE;
  mc_json_context_check_members (ctx, object, known);
  cell->value = json_object_get_member (object, "value");
  cell->in_object = TRUE;
  return TRUE;
}

static gboolean
cell_type_error (McJsonContext  *ctx,
                 McColumn       *column,
                 JsonNode       *value,
                 GError        **error)
{
  g_autofree char *found = mc_json_node_describe (value);
  g_autofree char *id = mc_text_shown (mc_column_get_id (column));

  switch (mc_column_get_column_type (column))
    {
    case MC_COLUMN_NUMBER:
      return mc_json_context_fail (ctx, error, MC_LOADER_ERROR_TYPE,
                                   _("column “%s” expects a number, found %s"), id, found);
    case MC_COLUMN_STRING:
      return mc_json_context_fail (ctx, error, MC_LOADER_ERROR_TYPE,
                                   _("column “%s” expects a string, found %s"), id, found);
    case MC_COLUMN_DATE:
      return mc_json_context_fail (ctx, error, MC_LOADER_ERROR_TYPE,
                                   _("column “%s” expects a date written as a string such as "
                                     "\"2024-02\", found %s"), id, found);
    case MC_COLUMN_BOOLEAN:
    default:
      return mc_json_context_fail (ctx, error, MC_LOADER_ERROR_TYPE,
                                   _("column “%s” expects true or false, found %s"), id, found);
    }
}

static gboolean
append_string_cell (McJsonContext   *ctx,
                    McTableBuilder  *builder,
                    guint            column,
                    JsonNode        *value,
                    GError         **error)
{
  const char *text = json_node_get_string (value);

  if (strlen (text) > MC_LOADER_MAX_STRING_LENGTH)
    return mc_json_context_fail (ctx, error, MC_LOADER_ERROR_TOO_LARGE,
                                 _("the text is longer than the limit of %d KiB for a cell"),
                                 MC_LOADER_MAX_STRING_LENGTH / 1024);
  mc_table_builder_append_string (builder, column, text);
  return TRUE;
}

static gboolean
count_number (JsonNode *number,
              gpointer  user_data)
{
  (*(guint *) user_data)++;
  return TRUE;
}

/* How many numbers @node holds, in all. */
static guint
count_numbers (JsonNode *node)
{
  guint n = 0;

  mc_json_node_foreach_number (node, count_number, &n);
  return n;
}

/* The decimals of the next number of the rows, as the text writes it. */
static int
written_decimals (McJsonContext *ctx)
{
  if (ctx->row_decimals == NULL || ctx->next_number >= ctx->row_decimals->len)
    return MC_DECIMALS_UNKNOWN;
  return ctx->row_decimals->data[ctx->next_number];
}

/* Appends the value of one cell to its column, whose type the JSON type
 * of the value must fit. */
static gboolean
append_value (McJsonContext   *ctx,
              McTableBuilder  *builder,
              guint            column,
              JsonNode        *value,
              GError         **error)
{
  McColumn *c = mc_dataset_get_column (ctx->dataset, column);

  if (JSON_NODE_HOLDS_NULL (value))
    {
      mc_table_builder_append_missing (builder, column);
      return TRUE;
    }

  switch (mc_column_get_column_type (c))
    {
    case MC_COLUMN_NUMBER:
      if (!mc_json_node_is_number (value))
        break;
      mc_table_builder_append_number (builder, column, json_node_get_double (value),
                                      written_decimals (ctx), NULL);
      return TRUE;
    case MC_COLUMN_STRING:
      if (!mc_json_node_is_string (value))
        break;
      return append_string_cell (ctx, builder, column, value, error);
    case MC_COLUMN_DATE:
      if (!mc_json_node_is_string (value))
        break;
      return mc_table_builder_append_date (builder, column, json_node_get_string (value),
                                           strlen (json_node_get_string (value)), error);
    case MC_COLUMN_BOOLEAN:
      if (!mc_json_node_is_boolean (value))
        break;
      mc_table_builder_append_boolean (builder, column, json_node_get_boolean (value));
      return TRUE;
    default:
      break;
    }
  return cell_type_error (ctx, c, value, error);
}

/* The numbers of a cell object that come before its value, in the
 * order of the text (json-glib keeps it). */
static guint
count_numbers_before_value (JsonNode *node)
{
  JsonObject *object = json_node_get_object (node);
  g_autoptr(GList) names = json_object_get_members (object);
  guint n = 0;

  for (GList *l = names; l != NULL && strcmp (l->data, "value") != 0; l = l->next)
    n += count_numbers (json_object_get_member (object, l->data));
  return n;
}

static gboolean
read_cell (McJsonContext   *ctx,
           McTableBuilder  *builder,
           guint            column,
           guint            row,
           JsonNode        *node,
           GError         **error)
{
  Cell cell = { node, FALSE, NULL, FALSE };
  guint first_number = ctx->next_number;
  gboolean ok;

  if (JSON_NODE_HOLDS_OBJECT (node) && !read_cell_object (ctx, node, &cell, error))
    return FALSE;

  if (cell.in_object)
    {
      mc_json_context_push_key (ctx, "value");
      first_number += count_numbers_before_value (node);
    }
  ctx->next_number = first_number;
  ok = append_value (ctx, builder, column, cell.value, error);
  ctx->next_number = first_number + count_numbers (node);
  if (cell.in_object)
    mc_json_context_pop (ctx);
  if (ok && (cell.estimate || cell.note != NULL))
    mc_column_set_annotation (mc_dataset_get_column (ctx->dataset, column), row,
                              cell.estimate, cell.note);
  return ok;
}

static gboolean
read_row (McJsonContext   *ctx,
          McTableBuilder  *builder,
          guint            row,
          JsonNode        *node,
          GError         **error)
{
  guint n_columns = mc_dataset_get_n_columns (ctx->dataset);
  JsonArray *cells;
  guint n_cells;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *found = mc_json_node_describe (node);

      return mc_json_context_fail (ctx, error, MC_LOADER_ERROR_TYPE,
                                   _("a row must be an array of cells, found %s"), found);
    }
  cells = json_node_get_array (node);
  n_cells = json_array_get_length (cells);
  if (n_cells != n_columns)
    return mc_json_context_fail (ctx, error, MC_LOADER_ERROR_SHAPE,
                                 _("row %u has %u cells, the columns declare %u"),
                                 row + 1, n_cells, n_columns);

  for (guint i = 0; i < n_cells; i++)
    {
      mc_json_context_push_index (ctx, i);
      if (!read_cell (ctx, builder, i, row, json_array_get_element (cells, i), error))
        return FALSE;
      mc_json_context_pop (ctx);
    }
  return TRUE;
}

/* A cell the builder cannot take (a string that is not a date) is
 * reported at its path. */
static void
report_cell (gpointer        user_data,
             guint           column,
             McLoaderError   code,
             const char     *message,
             GError        **error)
{
  mc_json_context_fail (user_data, error, code, "%s", message);
}

static gboolean
read_each_row (McJsonContext   *ctx,
               McTableBuilder  *builder,
               JsonArray       *rows,
               GError         **error)
{
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      if (i % 4096 == 4095 && g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
        return FALSE;
      mc_json_context_push_index (ctx, i);
      if (!read_row (ctx, builder, i, json_array_get_element (rows, i), error))
        return FALSE;
      mc_json_context_pop (ctx);
    }
  return TRUE;
}

/* The decimals of the numbers of the rows at the context's path, as the
 * text writes them; none when the text and the rows json-glib read do
 * not hold as many numbers. */
static void
find_row_decimals (McJsonContext *ctx,
                   JsonNode      *rows)
{
  gsize offset;

  ctx->next_number = 0;
  if (ctx->text == NULL)
    return;
  offset = mc_json_scanner_locate_path (ctx->text, ctx->length, ctx->path, ctx->depth, FALSE);
  ctx->row_decimals = mc_json_scanner_number_decimals (ctx->text, ctx->length, offset);
  if (ctx->row_decimals != NULL && ctx->row_decimals->len != count_numbers (rows))
    g_clear_pointer (&ctx->row_decimals, g_byte_array_unref);
}

static gboolean
read_rows (McJsonContext  *ctx,
           JsonNode       *node,
           GError        **error)
{
  g_autoptr(McTableBuilder) builder = NULL;
  JsonArray *rows = json_node_get_array (node);
  guint n_rows = json_array_get_length (rows);
  gboolean ok;

  mc_json_context_push_key (ctx, "rows");
  if (n_rows > MC_LOADER_MAX_ROWS)
    return mc_json_context_fail (ctx, error, MC_LOADER_ERROR_TOO_LARGE,
                                 _("%u rows; the limit is %d"), n_rows, MC_LOADER_MAX_ROWS);

  builder = mc_table_builder_new_for_dataset (ctx->dataset, ctx->name);
  mc_table_builder_set_reporter (builder, report_cell, ctx);
  find_row_decimals (ctx, node);
  ok = read_each_row (ctx, builder, rows, error);
  g_clear_pointer (&ctx->row_decimals, g_byte_array_unref);
  if (!ok)
    return FALSE;
  mc_json_context_pop (ctx);
  mc_table_builder_finish (builder);
  return TRUE;
}

/* Data in a CSV file */

/* A long CSV file of numbers and dates, read while it arrives, never
 * whole in memory; FALSE with @gave_up where it must be read whole. */
static gboolean
stream_csv (McJsonContext  *ctx,
            GFile          *file,
            const char     *name,
            gboolean       *gave_up,
            GError        **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(McMappedFile) mapped = NULL;
  g_autofree char *head = NULL;
  gsize length = 0;

  *gave_up = TRUE;
  if (mc_loader_regular_file_size (file, ctx->cancellable) <= MC_LOADER_STREAM_HEAD_SIZE)
    return FALSE;
  /* Mapped where it can be: read without a copy */
  mapped = mc_mapped_file_new (file, MC_LOADER_STREAM_HEAD_SIZE + 1, G_MAXSIZE);
  if (mapped != NULL)
    {
      const char *contents = mc_mapped_file_get_contents (mapped, &length);

      return mc_csv_data_read_stream (ctx->dataset, name, ctx->name, contents, length, NULL,
                                      mapped, ctx->cancellable, gave_up, error);
    }
  if ((stream = mc_loader_read_head (file, ctx->cancellable, &head, &length)) == NULL
      || length < MC_LOADER_STREAM_HEAD_SIZE)
    return FALSE;
  return mc_csv_data_read_stream (ctx->dataset, name, ctx->name, head, length, stream, NULL,
                                  ctx->cancellable, gave_up, error);
}

/* A CSV file that could not be read is an error at the dataset file's
 * reference to it, whether it was read whole or while it arrived; an
 * error in its rows names the CSV file's own line and is left as it is. */
static gboolean
fail_reading (McJsonContext  *ctx,
              GError        **error,
              GError         *read_error)
{
  if (read_error->domain == MC_LOADER_ERROR)
    return mc_json_context_fail (ctx, error, read_error->code, "%s", read_error->message);
  g_propagate_error (error, g_error_copy (read_error));
  return FALSE;
}

static gboolean
load_csv (McJsonContext  *ctx,
          GFile          *file,
          GError        **error)
{
  g_autofree char *name = mc_text_file_name (file);
  g_autoptr(GError) local_error = NULL;
  McLoaderBuffer buffer;
  gboolean ok, gave_up;

  ok = stream_csv (ctx, file, name, &gave_up, &local_error);
  if (!gave_up)
    {
      if (ok)
        return TRUE;
      if (g_error_matches (local_error, MC_LOADER_ERROR, MC_LOADER_ERROR_IO))
        return fail_reading (ctx, error, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!mc_loader_buffer_load (&buffer, file, name, MC_LOADER_MAX_CSV_SIZE, NULL,
                              ctx->cancellable, &local_error))
    return fail_reading (ctx, error, local_error);
  ok = mc_csv_data_read (ctx->dataset, name, ctx->name, buffer.data, buffer.length,
                         ctx->cancellable, error);
  mc_loader_buffer_clear (&buffer);
  return ok;
}

static gboolean
read_data (McJsonContext  *ctx,
           JsonNode       *node,
           GError        **error)
{
  static const char * const known[] = { "csv", NULL };
  JsonObject *object = json_node_get_object (node);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *path;
  gboolean ok;

  mc_json_context_push_key (ctx, "data");
  mc_json_context_check_members (ctx, object, known);
  if (!mc_json_context_get_string (ctx, object, "csv", MC_JSON_REQUIRED, &path, error))
    return FALSE;

  mc_json_context_push_key (ctx, "csv");
  file = mc_csv_reference_resolve (ctx->base, path, &local_error);
  if (file == NULL)
    ok = mc_json_context_fail (ctx, error, local_error->code, "%s", local_error->message);
  else
    ok = load_csv (ctx, file, error);
  /* Saved again, the rows go back to the same file. */
  if (ok)
    mc_dataset_set_rows_file (ctx->dataset, path);
  mc_json_context_pop (ctx);
  mc_json_context_pop (ctx);
  return ok;
}

/**
 * mc_dataset_rows_read:
 *
 * Reads the rows of a dataset file, or of the CSV file it names, into the
 * columns it declared.
 */
gboolean
mc_dataset_rows_read (McJsonContext  *ctx,
                      JsonObject     *root,
                      GError        **error)
{
  JsonNode *rows, *data;

  if (!mc_json_context_get_container (ctx, root, "rows", MC_JSON_OPTIONAL,
                                      JSON_NODE_ARRAY, &rows, error) ||
      !mc_json_context_get_container (ctx, root, "data", MC_JSON_OPTIONAL,
                                      JSON_NODE_OBJECT, &data, error))
    return FALSE;

  if (rows != NULL && data != NULL)
    {
      mc_json_context_fail_at (ctx, "data", error, MC_LOADER_ERROR_VALUE,
                               _("a dataset has either “rows” or “data”, not both"));
      return FALSE;
    }
  if (rows == NULL && data == NULL)
    return mc_json_context_fail (ctx, error, MC_LOADER_ERROR_MISSING,
                                 _("missing key “rows” (or “data” naming a CSV file)"));
  if (rows != NULL)
    return read_rows (ctx, rows, error);
  return read_data (ctx, data, error);
}
