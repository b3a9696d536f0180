/* mc-reader-dataset.c: the reader of the dataset format, version 1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading happens in three steps:
 *
 * 1. A strict scan of the text (mc-json-scanner.c), with our own messages
 *    and exact positions, which also keeps json-glib from what it should
 *    not see.
 * 2. json-glib builds the tree.
 * 3. The tree is checked against the format (docs/dataset-format.md) while
 *    a path ("rows[3][1]") is kept (mc-json-context.c). The header,
 *    columns and rows are read here, the charts in mc-dataset-charts.c,
 *    rows in a CSV file in mc-csv-data.c.
 */
#include "config.h"

#include "mc-loader.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "mc-csv-reference.h"
#include "mc-dataset-charts.h"
#include "mc-json-context.h"
#include "mc-loader-private.h"
#include "mc-text.h"

#define FORMAT_VERSION_1 "market-charts/1"

/* Header: format, id, title, description, source */

static gboolean
check_format (McJsonContext  *ctx,
              JsonObject     *root,
              GError        **error)
{
  g_autofree char *format_shown = NULL;
  const char *format;

  if (!json_object_has_member (root, "format"))
    return mc_json_context_fail (ctx, error, MC_LOADER_ERROR_MISSING,
                                 _("missing key “format”; a dataset starts with "
                                   "\"format\": \"%s\""), FORMAT_VERSION_1);
  if (!mc_json_context_get_string (ctx, root, "format", MC_JSON_REQUIRED, &format, error))
    return FALSE;
  if (g_str_equal (format, FORMAT_VERSION_1))
    return TRUE;

  format_shown = mc_text_shown (format);
  mc_json_context_push_key (ctx, "format");
  if (g_str_has_prefix (format, "market-charts/"))
    mc_json_context_fail (ctx, error, MC_LOADER_ERROR_VERSION,
                          _("unsupported format version “%s”; this version of Market Charts "
                            "reads “%s” (the file may come from a newer version)"),
                          format_shown, FORMAT_VERSION_1);
  else
    mc_json_context_fail (ctx, error, MC_LOADER_ERROR_VERSION,
                          _("unknown format “%s”; this version of Market Charts reads “%s”"),
                          format_shown, FORMAT_VERSION_1);
  mc_json_context_pop (ctx);
  return FALSE;
}

static gboolean
check_id (McJsonContext  *ctx,
          JsonObject     *root,
          const char    **id,
          GError        **error)
{
  g_autofree char *id_shown = NULL;

  if (!mc_json_context_get_string (ctx, root, "id", MC_JSON_REQUIRED, id, error))
    return FALSE;
  if (mc_id_is_valid (*id))
    return TRUE;

  id_shown = mc_text_shown (*id);
  mc_json_context_push_key (ctx, "id");
  mc_json_context_fail (ctx, error, MC_LOADER_ERROR_VALUE,
                        _("the id “%s” may only contain letters, digits, “-” and “_”"), id_shown);
  mc_json_context_pop (ctx);
  return FALSE;
}

static gboolean
read_source (McJsonContext  *ctx,
             JsonObject     *root,
             GError        **error)
{
  static const char * const known[] = { "name", "url", "date", NULL };
  JsonNode *node;
  JsonObject *source;
  const char *name, *url, *date;
  gboolean ok;

  if (!mc_json_context_get_container (ctx, root, "source", MC_JSON_OPTIONAL, JSON_NODE_OBJECT,
                                      &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  source = json_node_get_object (node);
  mc_json_context_push_key (ctx, "source");
  mc_json_context_check_members (ctx, source, known);
  ok = mc_json_context_get_string (ctx, source, "name", MC_JSON_OPTIONAL, &name, error) &&
       mc_json_context_get_string (ctx, source, "url", MC_JSON_OPTIONAL, &url, error) &&
       mc_json_context_get_string (ctx, source, "date", MC_JSON_OPTIONAL, &date, error);
  mc_json_context_pop (ctx);
  if (ok)
    mc_dataset_set_source (ctx->dataset, name, url, date);
  return ok;
}

/* Columns */

static char *
list_names (const char * const *names,
            guint               n_names)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_names; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", names[i]);
  return g_string_free (out, FALSE);
}

static gboolean
read_column_type (McJsonContext  *ctx,
                  JsonObject     *object,
                  McColumnType   *type,
                  GError        **error)
{
  static const char * const names[] = { "string", "number", "date", "boolean" };
  const char *name;
  g_autofree char *valid = NULL;
  g_autofree char *name_shown = NULL;

  if (!mc_json_context_get_string (ctx, object, "type", MC_JSON_REQUIRED, &name, error))
    return FALSE;
  if (mc_column_type_from_string (name, type))
    return TRUE;

  valid = list_names (names, G_N_ELEMENTS (names));
  name_shown = mc_text_shown (name);
  mc_json_context_push_key (ctx, "type");
  mc_json_context_fail (ctx, error, MC_LOADER_ERROR_VALUE,
                        _("unknown column type “%s”; expected one of: %s"), name_shown, valid);
  mc_json_context_pop (ctx);
  return FALSE;
}

static gboolean
read_scale (McJsonContext  *ctx,
            JsonObject     *object,
            McScale        *scale,
            GError        **error)
{
  static const char * const names[] = { "none", "thousand", "million", "billion", "trillion" };
  const char *name;
  g_autofree char *valid = NULL;
  g_autofree char *name_shown = NULL;

  *scale = MC_SCALE_NONE;
  if (!mc_json_context_get_string (ctx, object, "scale", MC_JSON_OPTIONAL, &name, error))
    return FALSE;
  if (name == NULL || mc_scale_from_string (name, scale))
    return TRUE;

  valid = list_names (names, G_N_ELEMENTS (names));
  name_shown = mc_text_shown (name);
  mc_json_context_push_key (ctx, "scale");
  mc_json_context_fail (ctx, error, MC_LOADER_ERROR_VALUE,
                        _("unknown scale “%s”; expected one of: %s"), name_shown, valid);
  mc_json_context_pop (ctx);
  return FALSE;
}

static gboolean
check_column_id (McJsonContext  *ctx,
                 const char     *id,
                 GError        **error)
{
  int previous;
  gboolean ok = TRUE;

  mc_json_context_push_key (ctx, "id");
  previous = mc_dataset_get_column_index (ctx->dataset, id);
  if (*id == '\0')
    ok = mc_json_context_fail (ctx, error, MC_LOADER_ERROR_VALUE,
                               _("a column id cannot be empty"));
  else if (previous >= 0)
    {
      g_autofree char *id_shown = mc_text_shown (id);

      ok = mc_json_context_fail (ctx, error, MC_LOADER_ERROR_DUPLICATE,
                                 _("duplicate column id “%s”; columns[%d] already uses it"),
                                 id_shown, previous);
    }
  mc_json_context_pop (ctx);
  return ok;
}

static gboolean
read_column (McJsonContext  *ctx,
             JsonNode       *node,
             GError        **error)
{
  static const char * const known[] = {
    "id", "label", "type", "unit", "scale", "description", NULL
  };
  JsonObject *object;
  const char *id, *label, *unit, *description;
  McColumnType type;
  McScale scale;
  McColumn *column;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *found = mc_json_node_describe (node);

      return mc_json_context_fail (ctx, error, MC_LOADER_ERROR_TYPE,
                                   _("a column must be an object such as {\"id\": \"price\", "
                                     "\"type\": \"number\"}, found %s"), found);
    }
  object = json_node_get_object (node);
  if (!mc_json_context_get_string (ctx, object, "id", MC_JSON_REQUIRED, &id, error) ||
      !check_column_id (ctx, id, error) ||
      !mc_json_context_get_string (ctx, object, "label", MC_JSON_OPTIONAL, &label, error) ||
      !read_column_type (ctx, object, &type, error) ||
      !mc_json_context_get_string (ctx, object, "unit", MC_JSON_OPTIONAL, &unit, error) ||
      !read_scale (ctx, object, &scale, error) ||
      !mc_json_context_get_string (ctx, object, "description", MC_JSON_OPTIONAL, &description,
                                   error))
    return FALSE;
  mc_json_context_check_members (ctx, object, known);

  column = mc_column_new (id, label, type);
  mc_column_set_unit (column, unit && *unit ? unit : NULL);
  mc_column_set_scale (column, scale);
  mc_column_set_description (column, description);
  mc_dataset_add_column (ctx->dataset, column);
  return TRUE;
}

static gboolean
read_columns (McJsonContext  *ctx,
              JsonObject     *root,
              GError        **error)
{
  JsonNode *node;
  JsonArray *array;
  guint n;

  if (!mc_json_context_get_container (ctx, root, "columns", MC_JSON_REQUIRED, JSON_NODE_ARRAY,
                                      &node, error))
    return FALSE;

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  mc_json_context_push_key (ctx, "columns");
  if (n == 0)
    return mc_json_context_fail (ctx, error, MC_LOADER_ERROR_MISSING,
                                 _("“columns” is empty; a dataset needs at least one column"));
  if (n > MC_LOADER_MAX_COLUMNS)
    return mc_json_context_fail (ctx, error, MC_LOADER_ERROR_TOO_LARGE,
                                 _("%u columns; the limit is %d"), n, MC_LOADER_MAX_COLUMNS);
  for (guint i = 0; i < n; i++)
    {
      mc_json_context_push_index (ctx, i);
      if (!read_column (ctx, json_array_get_element (array, i), error))
        return FALSE;
      mc_json_context_pop (ctx);
    }
  mc_json_context_pop (ctx);
  return TRUE;
}

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
append_string_cell (McJsonContext  *ctx,
                    McColumn       *column,
                    JsonNode       *value,
                    GError        **error)
{
  const char *text = json_node_get_string (value);

  if (strlen (text) > MC_LOADER_MAX_STRING_LENGTH)
    return mc_json_context_fail (ctx, error, MC_LOADER_ERROR_TOO_LARGE,
                                 _("the text is longer than the limit of %d KiB for a cell"),
                                 MC_LOADER_MAX_STRING_LENGTH / 1024);
  mc_column_append_string (column, text);
  return TRUE;
}

static gboolean
append_date_cell (McJsonContext    *ctx,
                  McColumn         *column,
                  JsonNode         *value,
                  McDatePrecision  *finest,
                  GError          **error)
{
  const char *text = json_node_get_string (value);
  McDatePrecision precision;
  double days;

  if (!mc_date_text_parse (text, strlen (text), &days, &precision))
    {
      g_autofree char *quoted = mc_loader_describe_text (text, strlen (text));

      return mc_json_context_fail (ctx, error, MC_LOADER_ERROR_VALUE,
                                   _("%s is not a date; expected e.g. 2024, 2024-02 or 2024-02-15"),
                                   quoted);
    }
  *finest = MAX (*finest, precision);
  mc_column_append_value (column, days);
  return TRUE;
}

/* Appends the value of one cell to its column. */
static gboolean
append_value (McJsonContext    *ctx,
              McColumn         *column,
              JsonNode         *value,
              McDatePrecision  *finest,
              GError          **error)
{
  if (JSON_NODE_HOLDS_NULL (value))
    {
      mc_column_append_missing (column);
      return TRUE;
    }

  switch (mc_column_get_column_type (column))
    {
    case MC_COLUMN_NUMBER:
      if (!mc_json_node_is_number (value))
        break;
      mc_column_append_value (column, json_node_get_double (value));
      return TRUE;
    case MC_COLUMN_STRING:
      if (!mc_json_node_is_string (value))
        break;
      return append_string_cell (ctx, column, value, error);
    case MC_COLUMN_DATE:
      if (!mc_json_node_is_string (value))
        break;
      return append_date_cell (ctx, column, value, finest, error);
    case MC_COLUMN_BOOLEAN:
      if (!mc_json_node_is_boolean (value))
        break;
      mc_column_append_value (column, json_node_get_boolean (value) ? 1 : 0);
      return TRUE;
    default:
      break;
    }
  return cell_type_error (ctx, column, value, error);
}

static gboolean
read_cell (McJsonContext    *ctx,
           McColumn         *column,
           guint             row,
           JsonNode         *node,
           McDatePrecision  *finest,
           GError          **error)
{
  Cell cell = { node, FALSE, NULL, FALSE };
  gboolean ok;

  if (JSON_NODE_HOLDS_OBJECT (node) && !read_cell_object (ctx, node, &cell, error))
    return FALSE;

  if (cell.in_object)
    mc_json_context_push_key (ctx, "value");
  ok = append_value (ctx, column, cell.value, finest, error);
  if (cell.in_object)
    mc_json_context_pop (ctx);
  if (ok && (cell.estimate || cell.note != NULL))
    mc_column_set_annotation (column, row, cell.estimate, cell.note);
  return ok;
}

static gboolean
read_row (McJsonContext    *ctx,
          guint             row,
          JsonNode         *node,
          McDatePrecision  *finest,
          GError          **error)
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
      if (!read_cell (ctx, mc_dataset_get_column (ctx->dataset, i), row,
                      json_array_get_element (cells, i), &finest[i], error))
        return FALSE;
      mc_json_context_pop (ctx);
    }
  return TRUE;
}

static void
set_date_precisions (McDataset             *dataset,
                     const McDatePrecision *finest)
{
  for (guint i = 0; i < mc_dataset_get_n_columns (dataset); i++)
    {
      McColumn *column = mc_dataset_get_column (dataset, i);

      if (mc_column_get_column_type (column) == MC_COLUMN_DATE &&
          mc_column_get_n_rows (column) > 0)
        mc_column_set_date_precision (column, finest[i]);
    }
}

static gboolean
read_rows (McJsonContext  *ctx,
           JsonNode       *node,
           GError        **error)
{
  JsonArray *rows = json_node_get_array (node);
  guint n_rows = json_array_get_length (rows);
  g_autofree McDatePrecision *finest = NULL;

  mc_json_context_push_key (ctx, "rows");
  if (n_rows > MC_LOADER_MAX_ROWS)
    return mc_json_context_fail (ctx, error, MC_LOADER_ERROR_TOO_LARGE,
                                 _("%u rows; the limit is %d"), n_rows, MC_LOADER_MAX_ROWS);

  finest = g_new0 (McDatePrecision, mc_dataset_get_n_columns (ctx->dataset));
  for (guint i = 0; i < n_rows; i++)
    {
      if (i % 4096 == 4095 && g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
        return FALSE;
      mc_json_context_push_index (ctx, i);
      if (!read_row (ctx, i, json_array_get_element (rows, i), finest, error))
        return FALSE;
      mc_json_context_pop (ctx);
    }
  mc_json_context_pop (ctx);
  set_date_precisions (ctx->dataset, finest);
  return TRUE;
}

/* Data in a CSV file */

static gboolean
load_csv (McJsonContext  *ctx,
          GFile          *file,
          GError        **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GError) local_error = NULL;
  McLoaderBuffer buffer;
  gboolean ok;

  if (!mc_loader_buffer_load (&buffer, file, name, MC_LOADER_MAX_CSV_SIZE,
                              ctx->cancellable, &local_error))
    {
      if (local_error->domain == MC_LOADER_ERROR)
        return mc_json_context_fail (ctx, error, local_error->code, "%s", local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  ok = mc_loader_read_csv_data (ctx->dataset, name, ctx->name, buffer.data,
                                buffer.length, ctx->cancellable, error);
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
  mc_json_context_pop (ctx);
  mc_json_context_pop (ctx);
  return ok;
}

static gboolean
read_table (McJsonContext  *ctx,
            JsonObject     *root,
            GError        **error)
{
  JsonNode *rows, *data;

  if (!mc_json_context_get_container (ctx, root, "rows", MC_JSON_OPTIONAL, JSON_NODE_ARRAY, &rows,
                                      error) ||
      !mc_json_context_get_container (ctx, root, "data", MC_JSON_OPTIONAL, JSON_NODE_OBJECT, &data,
                                      error))
    return FALSE;

  if (rows != NULL && data != NULL)
    {
      mc_json_context_push_key (ctx, "data");
      mc_json_context_fail (ctx, error, MC_LOADER_ERROR_VALUE,
                            _("a dataset has either “rows” or “data”, not both"));
      mc_json_context_pop (ctx);
      return FALSE;
    }
  if (rows == NULL && data == NULL)
    return mc_json_context_fail (ctx, error, MC_LOADER_ERROR_MISSING,
                                 _("missing key “rows” (or “data” naming a CSV file)"));
  if (rows != NULL)
    return read_rows (ctx, rows, error);
  return read_data (ctx, data, error);
}

/* The whole document */

static gboolean
read_texts (McJsonContext  *ctx,
            JsonObject     *root,
            GError        **error)
{
  const char *title, *description;

  if (!mc_json_context_get_string (ctx, root, "title", MC_JSON_REQUIRED, &title, error) ||
      !mc_json_context_get_string (ctx, root, "description", MC_JSON_OPTIONAL, &description,
                                   error))
    return FALSE;

  mc_dataset_set_title (ctx->dataset, title);
  mc_dataset_set_description (ctx->dataset, description);
  return TRUE;
}

static McDataset *
read_document (McJsonContext  *ctx,
               JsonNode       *root_node,
               GError        **error)
{
  static const char * const known[] = {
    "format", "id", "title", "description", "source", "columns", "rows", "data",
    "charts", NULL
  };
  g_autoptr(McDataset) dataset = NULL;
  JsonObject *root;
  const char *id;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      g_autofree char *found = mc_json_node_describe (root_node);

      mc_json_context_fail (ctx, error, MC_LOADER_ERROR_TYPE,
                            _("a dataset must be a JSON object ({ … }), found %s"), found);
      return NULL;
    }
  root = json_node_get_object (root_node);
  if (!check_format (ctx, root, error) || !check_id (ctx, root, &id, error))
    return NULL;

  ctx->dataset = dataset = mc_dataset_new (id);
  mc_json_context_warn_duplicate_keys (ctx);
  mc_json_context_check_members (ctx, root, known);
  if (!read_texts (ctx, root, error) ||
      !read_source (ctx, root, error) ||
      !read_columns (ctx, root, error) ||
      !mc_dataset_charts_read (ctx, root, error) ||
      !read_table (ctx, root, error) ||
      !mc_dataset_charts_check (ctx, root, error))
    return NULL;

  if (mc_dataset_get_n_charts (dataset) == 0)
    mc_default_chart_add (dataset, ctx->name);
  mc_json_context_add_summary_warning (ctx);
  return g_steal_pointer (&dataset);
}

/**
 * mc_loader_load_json:
 *
 * Loads a dataset in the JSON format. @base is the folder for CSV
 * references (nullable).
 */
McDataset *
mc_loader_load_json (const char    *name,
                     const char    *text,
                     gsize          length,
                     GFile         *base,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) duplicates = NULL;
  McJsonContext ctx = { name, };

  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    text += 3, length -= 3;
  if (!mc_loader_check_text (name, text, length, error) ||
      !mc_json_scanner_check_syntax (name, text, length, &duplicates, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, length, &local_error))
    {
      /* The strict scan accepts only what json-glib reads, so this is a
       * last resort; json-glib's message carries its own position. */
      mc_loader_set_error (error, MC_LOADER_ERROR_SYNTAX, name, 0, 0,
                           "%s", local_error->message);
      return NULL;
    }

  ctx.text = text;
  ctx.length = length;
  ctx.base = base;
  ctx.cancellable = cancellable;
  ctx.duplicates = duplicates;
  return read_document (&ctx, json_parser_get_root (parser), error);
}
