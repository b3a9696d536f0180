/* mc-records.c: JSON records made into a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What APIs and pandas write: an array of records, one object per row,
 * whose members are the columns (nested objects flatten to dotted names,
 * "price.close"), or an object of column arrays. Nulls and missing
 * members are missing values; numbers, booleans and strings go to the
 * table builder as they are, which decides what the columns hold ("$50
 * billion" in a string is an amount, "2024-02-15T09:30:00Z" a date).
 */
#include "config.h"

#include "mc-records.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-json-context.h"
#include "mc-json-scanner.h"
#include "mc-table-builder.h"
#include "mc-text.h"

/* Readers of many rows check for cancellation after this many. */
#define CANCEL_CHECK 65536

typedef struct
{
  const McRecordsInput *input;
  GPtrArray            *paths;     /* GStrv: the members of each column */
  GHashTable           *names;     /* "a.b" → its column */
  guint                 n_rows;
  guint                 row;       /* at hand, for messages */
} Table;

static void
table_clear (Table *table)
{
  g_clear_pointer (&table->paths, g_ptr_array_unref);
  g_clear_pointer (&table->names, g_hash_table_unref);
}

/* Columns */

static gboolean
add_column (Table               *table,
            const char * const  *path,
            GError             **error)
{
  g_autofree char *name = g_strjoinv (".", (char **) path);

  if (g_hash_table_contains (table->names, name))
    return TRUE;
  if (table->paths->len >= MC_LOADER_MAX_COLUMNS)
    {
      mc_loader_set_error (error, MC_LOADER_ERROR_TOO_LARGE, table->input->name, 0, 0,
                           _("more than %d columns; that is the limit"),
                           MC_LOADER_MAX_COLUMNS);
      return FALSE;
    }
  g_hash_table_insert (table->names, g_steal_pointer (&name),
                       GUINT_TO_POINTER (table->paths->len));
  g_ptr_array_add (table->paths, g_strdupv ((char **) path));
  return TRUE;
}

/* The members of @object, nested objects flattened, in the order they
 * first come. */
static gboolean
add_members (Table       *table,
             JsonObject  *object,
             GPtrArray   *prefix,
             GError     **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (object, l->data);
      gboolean ok;

      g_ptr_array_add (prefix, l->data);
      if (JSON_NODE_HOLDS_OBJECT (node) && json_object_get_size (json_node_get_object (node)) > 0)
        ok = add_members (table, json_node_get_object (node), prefix, error);
      else
        {
          g_ptr_array_add (prefix, NULL);
          ok = add_column (table, (const char * const *) prefix->pdata, error);
          g_ptr_array_remove_index (prefix, prefix->len - 1);
        }
      g_ptr_array_remove_index (prefix, prefix->len - 1);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
row_error (Table       *table,
           guint        row,
           JsonNode    *node,
           GError     **error)
{
  const char *none[] = { NULL };
  g_autofree char *where = table->input->locate (table->input->locate_data, row, none);
  g_autofree char *type = mc_json_node_describe (node);

  g_set_error (error, MC_LOADER_ERROR, MC_LOADER_ERROR_TYPE,
               _("%s: record %u must be an object ({…}) whose members are its "
                 "columns, found %s"), where, row + 1, type);
  return FALSE;
}

static gboolean
find_row_columns (Table   *table,
                  GError **error)
{
  g_autoptr(GPtrArray) prefix = g_ptr_array_new ();
  GPtrArray *rows = table->input->rows;

  for (guint i = 0; i < rows->len; i++)
    {
      JsonNode *node = g_ptr_array_index (rows, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return row_error (table, i, node, error);
      if (!add_members (table, json_node_get_object (node), prefix, error))
        return FALSE;
    }
  table->n_rows = rows->len;
  return TRUE;
}

static gboolean
find_array_columns (Table   *table,
                    GError **error)
{
  g_autoptr(GList) members = json_object_get_members (table->input->columns);
  const char *first = NULL;

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonArray *array = json_object_get_array_member (table->input->columns, l->data);
      const char *path[] = { l->data, NULL };
      guint n = json_array_get_length (array);

      if (first != NULL && n != table->n_rows)
        {
          g_autofree char *where = table->input->locate (table->input->locate_data, 0, path);
          g_autofree char *a = mc_text_shown (l->data);
          g_autofree char *b = mc_text_shown (first);

          g_set_error (error, MC_LOADER_ERROR, MC_LOADER_ERROR_SHAPE,
                       _("%s: column “%s” has %u values, column “%s” has %u"),
                       where, a, n, b, table->n_rows);
          return FALSE;
        }
      first = l->data;
      table->n_rows = n;
      if (!add_column (table, path, error))
        return FALSE;
    }
  return TRUE;
}

/* Cells */

static JsonNode *
get_cell (Table *table,
          guint  row,
          guint  column)
{
  char **path = g_ptr_array_index (table->paths, column);
  JsonNode *node;

  if (table->input->columns != NULL)
    return json_array_get_element (json_object_get_array_member (table->input->columns,
                                                                 path[0]), row);
  node = g_ptr_array_index (table->input->rows, row);
  for (guint i = 0; path[i] != NULL; i++)
    {
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return NULL;
      node = json_object_get_member (json_node_get_object (node), path[i]);
      if (node == NULL)
        return NULL;
    }
  return node;
}

/* The text of a value that is not a string: a number as JSON wrote it
 * (near enough), an array as JSON. */
static char *
dup_value_text (JsonNode *node)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) != G_TYPE_STRING
      && json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g",
                                      json_node_get_double (node)));
  return json_to_string (node, FALSE);
}

/* A string, or the JSON text of an array. */
static const char *
node_text (JsonNode  *node,
           char     **owned)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  *owned = json_to_string (node, FALSE);
  return *owned;
}

static gboolean
is_number (JsonNode *node)
{
  GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_NONE;

  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

/* The decimals @node, a number, is written with: an integer has none. */
static int
number_decimals (Table    *table,
                 JsonNode *node)
{
  GHashTable *decimals = table->input->decimals;

  if (decimals == NULL)
    return MC_DECIMALS_UNKNOWN;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return 0;
  return GPOINTER_TO_INT (g_hash_table_lookup (decimals, node)) - 1;
}

static gboolean
is_boolean (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

static gboolean
check_length (Table       *table,
              guint        column,
              const char  *text,
              GError     **error)
{
  g_autofree char *where = NULL;

  if (strlen (text) <= MC_LOADER_MAX_STRING_LENGTH)
    return TRUE;
  where = table->input->locate (table->input->locate_data, table->row,
                                g_ptr_array_index (table->paths, column));
  g_set_error (error, MC_LOADER_ERROR, MC_LOADER_ERROR_TOO_LARGE,
               _("%s: the text is longer than the limit of %d KiB"), where,
               MC_LOADER_MAX_STRING_LENGTH / 1024);
  return FALSE;
}

static gboolean
infer_node (Table           *table,
            McTableBuilder  *builder,
            guint            column,
            JsonNode        *node,
            GError         **error)
{
  g_autofree char *text = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    mc_table_builder_infer_cell (builder, column, "", 0);
  else if (is_boolean (node))
    mc_table_builder_infer_boolean (builder, column, json_node_get_boolean (node));
  else if (is_number (node))
    {
      text = dup_value_text (node);
      mc_table_builder_infer_number (builder, column, json_node_get_double (node),
                                     number_decimals (table, node), NULL, text);
    }
  else
    {
      const char *string = node_text (node, &text);

      if (!check_length (table, column, string, error))
        return FALSE;
      mc_table_builder_infer_cell (builder, column, string, strlen (string));
    }
  return TRUE;
}

static gboolean
append_node (Table           *table,
             McTableBuilder  *builder,
             guint            column,
             JsonNode        *node,
             GError         **error)
{
  g_autofree char *text = NULL;
  const char *string;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    mc_table_builder_append_missing (builder, column);
  else if (is_boolean (node))
    mc_table_builder_append_boolean (builder, column, json_node_get_boolean (node));
  else if (is_number (node))
    {
      text = dup_value_text (node);
      mc_table_builder_append_number (builder, column, json_node_get_double (node),
                                      number_decimals (table, node), text);
    }
  else
    {
      string = node_text (node, &text);
      return mc_table_builder_append_cell (builder, column, string, strlen (string), error);
    }
  return TRUE;
}

/* Where the builder's messages are: the cell at hand. */
static char *
locate_cell (gpointer user_data,
             guint    column)
{
  Table *table = user_data;

  return table->input->locate (table->input->locate_data, table->row,
                               g_ptr_array_index (table->paths, column));
}

static void
report_cell (gpointer        user_data,
             guint           column,
             McLoaderError   code,
             const char     *message,
             GError        **error)
{
  g_autofree char *where = locate_cell (user_data, column);

  g_set_error (error, MC_LOADER_ERROR, code, "%s: %s", where, message);
}

static gboolean
check_cancelled (Table   *table,
                 GError **error)
{
  return table->row % CANCEL_CHECK != 0
         || !g_cancellable_set_error_if_cancelled (table->input->cancellable, error);
}

static gboolean
infer_rows (Table           *table,
            McTableBuilder  *builder,
            GError         **error)
{
  for (table->row = 0; table->row < table->n_rows; table->row++)
    {
      if (!check_cancelled (table, error))
        return FALSE;
      for (guint c = 0; c < table->paths->len; c++)
        if (mc_table_builder_wants_cell (builder, c)
            && !infer_node (table, builder, c, get_cell (table, table->row, c), error))
          return FALSE;
    }
  return TRUE;
}

static gboolean
append_rows (Table           *table,
             McTableBuilder  *builder,
             GError         **error)
{
  for (table->row = 0; table->row < table->n_rows; table->row++)
    {
      if (!check_cancelled (table, error))
        return FALSE;
      for (guint c = 0; c < table->paths->len; c++)
        if (mc_table_builder_needs_cells (builder, c)
            && !append_node (table, builder, c, get_cell (table, table->row, c), error))
          return FALSE;
    }
  return TRUE;
}

static gboolean
check_shape (Table   *table,
             GError **error)
{
  if (table->n_rows > MC_LOADER_MAX_ROWS)
    {
      mc_loader_set_error (error, MC_LOADER_ERROR_TOO_LARGE, table->input->name, 0, 0,
                           _("more than %d rows; that is the limit"), MC_LOADER_MAX_ROWS);
      return FALSE;
    }
  if (table->n_rows > 0 && table->paths->len > 0)
    return TRUE;
  mc_loader_set_error (error, MC_LOADER_ERROR_SHAPE, table->input->name, 0, 0,
                       _("the records are empty: there is no row with a value"));
  return FALSE;
}

static McDataset *
build (Table           *table,
       McTableBuilder  *builder,
       GError         **error)
{
  for (guint c = 0; c < table->paths->len; c++)
    {
      g_autofree char *header = g_strjoinv (".", g_ptr_array_index (table->paths, c));

      mc_table_builder_add_column (builder, header, strlen (header));
    }
  mc_table_builder_set_locator (builder, locate_cell, table);
  mc_table_builder_set_reporter (builder, report_cell, table);
  if (!infer_rows (table, builder, error))
    return NULL;
  mc_table_builder_decide (builder);
  if (!append_rows (table, builder, error))
    return NULL;
  mc_table_builder_finish (builder);
  mc_table_builder_set_locator (builder, NULL, NULL);
  mc_table_builder_set_reporter (builder, NULL, NULL);
  return g_object_ref (mc_table_builder_get_dataset (builder));
}

/**
 * mc_records_load:
 *
 * Makes the records of @input a table whose column types, units and
 * default chart the table builder infers, as for a plain CSV file.
 *
 * Returns: (transfer full): the dataset, or %NULL with @error set
 */
McDataset *
mc_records_load (const McRecordsInput  *input,
                 GError               **error)
{
  g_autoptr(McTableBuilder) builder = mc_table_builder_new (input->name);
  Table table = { input, };
  McDataset *dataset = NULL;

  g_return_val_if_fail ((input->rows == NULL) != (input->columns == NULL), NULL);

  table.paths = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if ((input->rows ? find_row_columns (&table, error) : find_array_columns (&table, error))
      && check_shape (&table, error))
    dataset = build (&table, builder, error);
  table_clear (&table);
  return dataset;
}

gboolean
mc_records_are_columns (JsonObject *object)
{
  g_autoptr(GList) members = json_object_get_members (object);

  if (members == NULL)
    return FALSE;
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (object, l->data);
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return FALSE;
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
          return FALSE;
    }
  return TRUE;
}

gboolean
mc_records_are_rows (JsonNode *node)
{
  return JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0
         && JSON_NODE_HOLDS_OBJECT (json_array_get_element (json_node_get_array (node), 0));
}

typedef struct
{
  GByteArray *decimals;   /* of the numbers, in the order of the text */
  guint       next;
  GHashTable *table;
} DecimalsMap;

/* Takes the decimals of the next number of the text for @number; the
 * nodes of those with a point or an exponent go in the table. FALSE
 * when the text has no more. */
static gboolean
map_decimals (JsonNode *number,
              gpointer  user_data)
{
  DecimalsMap *map = user_data;

  if (map->next >= map->decimals->len)
    return FALSE;
  if (json_node_get_value_type (number) == G_TYPE_DOUBLE)
    g_hash_table_insert (map->table, number, GINT_TO_POINTER (map->decimals->data[map->next] + 1));
  map->next++;
  return TRUE;
}

GHashTable *
mc_records_find_decimals (JsonNode   *node,
                          const char *text,
                          gsize       length,
                          gsize       offset)
{
  g_autoptr(GByteArray) decimals = mc_json_scanner_number_decimals (text, length, offset);
  g_autoptr(GHashTable) table = g_hash_table_new (NULL, NULL);
  DecimalsMap map = { decimals, 0, table };

  g_return_val_if_fail (node != NULL && text != NULL, NULL);

  /* A key written twice keeps one value, and then the counts differ. */
  if (decimals == NULL || !mc_json_node_foreach_number (node, map_decimals, &map)
      || map.next != decimals->len)
    return NULL;
  return g_steal_pointer (&table);
}
