/* mc-reader-records.c: the reader of JSON records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * JSON that is not a dataset file, as APIs and pandas write it: an array
 * of records ([{"date": …, "price": …}, …]), an object of column arrays
 * ({"date": […], "price": […]}), or records under a key ({"data": […]}):
 * the first array of records, or the one at the path the user gives
 * ("data.items"). The text is checked as strictly as a dataset file; the
 * records become a table in mc-records.c.
 */
#include "config.h"

#include "mc-reader.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "mc-json-scanner.h"
#include "mc-loader-error.h"
#include "mc-records.h"
#include "mc-text.h"

/* The deepest records looked for, and the longest path a user gives. */
#define MAX_PATH 16
/* Places of records a message lists. */
#define MAX_LISTED_PATHS 6

typedef struct
{
  const char         *name;
  const char         *text;
  gsize               length;
  McJsonPathElement   path[MAX_PATH + 3];   /* of the records, then of a cell */
  guint               depth;
  char               *path_text;
  GStrv               parts;                 /* of the path of the records */
  GPtrArray          *found;                 /* the paths of every array of records */
  /* The first of them: its path as text is no way back to it, when its
   * keys hold dots */
  JsonNode           *first;
  McJsonPathElement   first_path[MAX_PATH];
  guint               first_depth;
} Records;

/* Finding the records */

static char *
path_to_text (const McJsonPathElement *path,
              guint                    depth)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    {
      if (out->len > 0)
        g_string_append_c (out, '.');
      if (path[i].key != NULL)
        g_string_append (out, path[i].key);
      else
        g_string_append_printf (out, "%u", path[i].index);
    }
  return g_string_free (out, FALSE);
}

/* Every array of records under @node, breadth first: the first is the
 * one nearest the top. */
static void
find_all (Records  *records,
          JsonNode *node,
          guint     depth)
{
  g_autoptr(GList) members = NULL;

  if (depth >= MAX_PATH || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  members = json_object_get_members (json_node_get_object (node));
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *child = json_object_get_member (json_node_get_object (node), l->data);

      records->path[depth] = (McJsonPathElement) { l->data, 0 };
      if (!mc_records_are_rows (child))
        continue;
      g_ptr_array_add (records->found, path_to_text (records->path, depth + 1));
      if (records->first != NULL)
        continue;
      records->first = child;
      records->first_depth = depth + 1;
      memcpy (records->first_path, records->path, (depth + 1) * sizeof records->path[0]);
    }
  for (GList *l = members; l != NULL; l = l->next)
    {
      records->path[depth] = (McJsonPathElement) { l->data, 0 };
      find_all (records, json_object_get_member (json_node_get_object (node), l->data),
                depth + 1);
    }
}

/* Follows "data.items" (numbers are indexes into arrays) from @node,
 * keeping the path for messages. */
static JsonNode *
follow (Records     *records,
        JsonNode    *node,
        const char  *path)
{
  char **parts;

  g_strfreev (records->parts);
  parts = records->parts = g_strsplit (path, ".", 0);
  records->depth = 0;
  for (guint i = 0; parts[i] != NULL && node != NULL; i++)
    {
      guint64 index;

      if (records->depth >= MAX_PATH)
        return NULL;
      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          node = json_object_get_member (json_node_get_object (node), parts[i]);
          records->path[records->depth++] = (McJsonPathElement) { parts[i], 0 };
        }
      else if (JSON_NODE_HOLDS_ARRAY (node)
               && g_ascii_string_to_unsigned (parts[i], 10, 0, G_MAXUINT, &index, NULL)
               && index < json_array_get_length (json_node_get_array (node)))
        {
          node = json_array_get_element (json_node_get_array (node), index);
          records->path[records->depth++] = (McJsonPathElement) { NULL, (guint) index };
        }
      else
        return NULL;
    }
  return node;
}

/* The paths found, for a message: the first few, each shortened, since
 * the keys of a file may be as long as it likes. */
static char *
list_found (Records *records)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < records->found->len && i < MAX_LISTED_PATHS; i++)
    {
      g_autofree char *shown = mc_text_shown (g_ptr_array_index (records->found, i));

      if (i > 0)
        g_string_append (out, ", ");
      /* Translators: a place of records in a list of them, quoted */
      g_string_append_printf (out, _("“%s”"), shown);
    }
  if (records->found->len > MAX_LISTED_PATHS)
    g_string_append_printf (out, ngettext (", … (%u place in all)", ", … (%u places in all)",
                                           records->found->len),
                            records->found->len);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static JsonNode *
find_given (Records      *records,
            JsonNode     *root,
            const char   *given,
            GError      **error)
{
  g_autofree char *shown = mc_text_shown (given);
  g_autofree char *found = NULL;
  JsonNode *node = follow (records, root, given);

  if (node != NULL && (mc_records_are_rows (node) || (JSON_NODE_HOLDS_OBJECT (node)
                       && mc_records_are_columns (json_node_get_object (node)))))
    return node;
  find_all (records, root, 0);
  found = list_found (records);
  if (records->found->len > 0)
    mc_loader_set_error (error, MC_LOADER_ERROR_MISSING, records->name, 0, 0,
                         _("there are no records at “%s”; the file has records at %s"),
                         shown, found);
  else
    mc_loader_set_error (error, MC_LOADER_ERROR_MISSING, records->name, 0, 0,
                         _("there are no records at “%s”, nor anywhere else in the file"),
                         shown);
  return NULL;
}

/* The first array of records; the others are named in a warning, which
 * the dataset gets once it is made. */
static JsonNode *
find_first (Records     *records,
            JsonNode    *root,
            GError     **error)
{
  find_all (records, root, 0);
  if (records->found->len == 0)
    {
      mc_loader_set_error (error, MC_LOADER_ERROR_MISSING, records->name, 1, 1,
                           _("found no records: JSON data is read as an array of "
                             "objects ([{\"date\": …, \"price\": …}, …]), an object of "
                             "arrays ({\"date\": […], \"price\": […]}) or a dataset "
                             "(\"format\": \"market-charts/1\")"));
      return NULL;
    }
  memcpy (records->path, records->first_path, records->first_depth * sizeof records->path[0]);
  records->depth = records->first_depth;
  return records->first;
}

static JsonNode *
find_records (Records              *records,
              JsonNode             *root,
              const McLoadOptions  *options,
              GError              **error)
{
  records->depth = 0;
  if (options->records != NULL)
    return find_given (records, root, options->records, error);
  if (JSON_NODE_HOLDS_ARRAY (root))
    return root;
  if (JSON_NODE_HOLDS_OBJECT (root) && mc_records_are_columns (json_node_get_object (root)))
    return root;
  return find_first (records, root, error);
}

/* Messages */

static char *
locate (gpointer            user_data,
        guint               row,
        const char * const *path)
{
  Records *records = user_data;
  McJsonPathElement full[MAX_PATH + 3];
  guint depth = records->depth;
  gboolean columns = records->path_text == NULL;
  gsize offset;
  guint line, column;

  memcpy (full, records->path, depth * sizeof full[0]);
  /* Rows: [row].key; columns: .key[row] */
  if (!columns)
    full[depth++] = (McJsonPathElement) { NULL, row };
  for (guint i = 0; path[i] != NULL && depth < G_N_ELEMENTS (full) - 1; i++)
    full[depth++] = (McJsonPathElement) { path[i], 0 };
  if (columns && path[0] != NULL)
    full[depth++] = (McJsonPathElement) { NULL, row };
  offset = mc_json_scanner_locate_path (records->text, records->length, full, depth, FALSE);
  mc_loader_position (records->text, records->length, offset, &line, &column);
  return g_strdup_printf ("%s:%u:%u", records->name, line, column);
}

static void
warn_other_records (Records   *records,
                    McDataset *dataset)
{
  g_autofree char *others = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *message = NULL;
  g_autofree char *full = NULL;

  if (records->found->len < 2)
    return;
  g_ptr_array_remove_index (records->found, 0);
  others = list_found (records);
  shown = mc_text_shown (records->path_text);
  message = g_strdup_printf (_("the records are read from “%s”; the file has more at %s"),
                             shown, others);
  full = mc_loader_format_message (records->name, 0, 0, message);
  mc_dataset_add_warning (dataset, full);
}

static McDataset *
load_records (Records              *records,
              JsonNode             *node,
              const McReaderInput  *input,
              GError              **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  McRecordsInput table = { input->name, NULL, NULL, locate, records, input->cancellable };
  gsize offset = mc_json_scanner_locate_path (records->text, records->length, records->path,
                                              records->depth, FALSE);
  g_autoptr(GHashTable) decimals = mc_records_find_decimals (node, records->text,
                                                             records->length, offset);
  McDataset *dataset;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      rows = g_ptr_array_sized_new (json_array_get_length (array));
      for (guint i = 0; i < json_array_get_length (array); i++)
        g_ptr_array_add (rows, json_array_get_element (array, i));
      table.rows = rows;
      records->path_text = path_to_text (records->path, records->depth);
    }
  else
    table.columns = json_node_get_object (node);

  table.decimals = decimals;
  dataset = mc_records_load (&table, error);
  if (dataset != NULL)
    warn_other_records (records, dataset);
  return dataset;
}

static JsonNode *
parse (JsonParser           *parser,
       const McReaderInput  *input,
       Records              *records,
       GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) duplicates = NULL;

  if (records->length >= 3 && memcmp (records->text, "\xEF\xBB\xBF", 3) == 0)
    records->text += 3, records->length -= 3;
  if (!mc_loader_check_text (input->name, records->text, records->length, error) ||
      !mc_json_scanner_check_syntax (input->name, records->text, records->length, &duplicates,
                                     error))
    return NULL;
  if (!json_parser_load_from_data (parser, records->text, records->length, &local_error))
    {
      mc_loader_set_error (error, MC_LOADER_ERROR_SYNTAX, input->name, 0, 0, "%s",
                           local_error->message);
      return NULL;
    }
  return json_parser_get_root (parser);
}

static McDataset *
load (const McReaderInput  *input,
      GError              **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  Records records = { input->name, input->data, input->length, };
  McDataset *dataset = NULL;
  JsonNode *root, *node;

  records.found = g_ptr_array_new_with_free_func (g_free);
  root = parse (parser, input, &records, error);
  node = root ? find_records (&records, root, input->options, error) : NULL;
  if (node != NULL)
    dataset = load_records (&records, node, input, error);
  g_ptr_array_unref (records.found);
  g_free (records.path_text);
  g_strfreev (records.parts);
  return dataset;
}

/* An array, or an object that is not a dataset file (which has a format
 * or columns). Its members are looked for only in valid JSON within the
 * size limit: the dataset reader says what is wrong with the rest. */
static gboolean
sniff (const char *head,
       gsize       length)
{
  g_autoptr(GArray) duplicates = NULL;
  gsize i = 0;

  if (length >= 3 && memcmp (head, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (head[i]))
    i++;
  if (i < length && head[i] == '[')
    return TRUE;
  if (i >= length || head[i] != '{' || length > MC_LOADER_MAX_JSON_SIZE
      || !g_utf8_validate_len (head + i, length - i, NULL)
      || !mc_json_scanner_check_syntax ("", head + i, length - i, &duplicates, NULL))
    return FALSE;
  return !mc_json_scanner_has_member (head + i, length - i, "format")
         && !mc_json_scanner_has_member (head + i, length - i, "columns");
}

static const char * const suffixes[] = { ".json", NULL };
static const char * const mime_types[] = { "application/json", NULL };

const McReader mc_reader_records = {
  .id = "records",
  .name = N_("JSON records"),
  .suffixes = suffixes,
  .mime_types = mime_types,
  .sniff = sniff,
  .max_size = MC_LOADER_MAX_JSON_SIZE,
  .load = load,
};
