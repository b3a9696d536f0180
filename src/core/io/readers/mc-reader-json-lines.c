/* mc-reader-json-lines.c: the reader of JSON Lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One JSON object per line (JSON Lines, NDJSON), as logs and data
 * exports write records: each line is checked as strictly as a dataset
 * file, with its own line number in messages; the records become a
 * table in mc-records.c.
 */
#include "config.h"

#include "mc-reader.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "mc-json-scanner.h"
#include "mc-loader-error.h"
#include "mc-records.h"

typedef struct
{
  const char *name;
  const char *text;
  gsize       length;
  GArray     *starts;   /* gsize: where each record's line starts */
  GArray     *lines;    /* guint: its line number */
  GPtrArray  *rows;     /* JsonNode */
  GHashTable *decimals; /* of their numbers (McRecordsInput); NULL: unknown */
} Lines;

static gsize
line_end (const char *text,
          gsize       length,
          gsize       start)
{
  const char *end = memchr (text + start, '\n', length - start);

  return end ? (gsize) (end - text) : length;
}

static gboolean
is_blank (const char *text,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
check_line (Lines       *lines,
            const char  *text,
            gsize        length,
            guint        number,
            GError     **error)
{
  g_autoptr(GArray) duplicates = NULL;

  return mc_json_scanner_check_line (lines->name, text, length, number, &duplicates, error);
}

/* The decimals of the numbers of @row, whose line is @text. */
static void
add_decimals (Lines      *lines,
              JsonNode   *row,
              const char *text,
              gsize       length)
{
  g_autoptr(GHashTable) found = NULL;
  GHashTableIter iter;
  gpointer node, decimals;

  if (lines->decimals == NULL)
    return;
  found = mc_records_find_decimals (row, text, length, 0);
  if (found == NULL)
    {
      g_clear_pointer (&lines->decimals, g_hash_table_unref);
      return;
    }
  g_hash_table_iter_init (&iter, found);
  while (g_hash_table_iter_next (&iter, &node, &decimals))
    g_hash_table_insert (lines->decimals, node, decimals);
}

static gboolean
add_line (Lines       *lines,
          gsize        start,
          gsize        length,
          guint        number,
          GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  const char *text = lines->text + start;
  JsonNode *root;

  if (!check_line (lines, text, length, number, error))
    return FALSE;
  if (!json_parser_load_from_data (parser, text, length, NULL))
    return FALSE;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      mc_loader_set_error (error, MC_LOADER_ERROR_TYPE, lines->name, number, 1,
                           _("each line must hold one record, a JSON object ({…})"));
      return FALSE;
    }
  if (lines->rows->len >= MC_LOADER_MAX_ROWS)
    {
      mc_loader_set_error (error, MC_LOADER_ERROR_TOO_LARGE, lines->name, number, 1,
                           _("more than %d rows; that is the limit"), MC_LOADER_MAX_ROWS);
      return FALSE;
    }
  g_ptr_array_add (lines->rows, json_node_copy (root));
  add_decimals (lines, g_ptr_array_index (lines->rows, lines->rows->len - 1), text, length);
  g_array_append_val (lines->starts, start);
  g_array_append_val (lines->lines, number);
  return TRUE;
}

static gboolean
read_lines (Lines         *lines,
            GCancellable  *cancellable,
            GError       **error)
{
  guint number = 1;

  if (!mc_loader_check_text (lines->name, lines->text, lines->length, error))
    return FALSE;
  for (gsize start = 0; start < lines->length; number++)
    {
      gsize end = line_end (lines->text, lines->length, start);

      if (number % 65536 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!is_blank (lines->text + start, end - start)
          && !add_line (lines, start, end - start, number, error))
        return FALSE;
      start = end + 1;
    }
  if (lines->rows->len > 0)
    return TRUE;
  mc_loader_set_error (error, MC_LOADER_ERROR_SYNTAX, lines->name, 0, 0,
                       _("the file is empty"));
  return FALSE;
}

static char *
locate (gpointer            user_data,
        guint               row,
        const char * const *path)
{
  Lines *lines = user_data;
  McJsonPathElement elements[8];
  gsize start = g_array_index (lines->starts, gsize, row);
  gsize length = line_end (lines->text, lines->length, start) - start;
  guint depth = 0, line, column;

  for (; path[depth] != NULL && depth < G_N_ELEMENTS (elements); depth++)
    elements[depth] = (McJsonPathElement) { path[depth], 0 };
  mc_loader_position (lines->text + start, length,
                      mc_json_scanner_locate_path (lines->text + start, length, elements,
                                                   depth, FALSE),
                      &line, &column);
  return g_strdup_printf ("%s:%u:%u", lines->name, g_array_index (lines->lines, guint, row),
                          column);
}

static McDataset *
load (const McReaderInput  *input,
      GError              **error)
{
  Lines lines = { input->name, input->data, input->length, };
  McRecordsInput table = { input->name, NULL, NULL, locate, &lines, input->cancellable };
  McDataset *dataset = NULL;

  if (lines.length >= 3 && memcmp (lines.text, "\xEF\xBB\xBF", 3) == 0)
    lines.text += 3, lines.length -= 3;
  lines.starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  lines.lines = g_array_new (FALSE, FALSE, sizeof (guint));
  lines.rows = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  lines.decimals = g_hash_table_new (NULL, NULL);
  if (read_lines (&lines, input->cancellable, error))
    {
      table.rows = lines.rows;
      table.decimals = lines.decimals;
      dataset = mc_records_load (&table, error);
    }
  g_clear_pointer (&lines.decimals, g_hash_table_unref);
  g_array_unref (lines.starts);
  g_array_unref (lines.lines);
  g_ptr_array_unref (lines.rows);
  return dataset;
}

/* A first line that is a whole JSON object, and a second that starts
 * another. */
static gboolean
sniff (const char *head,
       gsize       length)
{
  gsize end = line_end (head, length, 0);
  gsize next = end + 1;
  g_autoptr(GArray) duplicates = NULL;

  while (next < length && g_ascii_isspace (head[next]))
    next++;
  if (next >= length || head[next] != '{' || is_blank (head, end))
    return FALSE;
  return mc_json_scanner_check_syntax ("", head, end, &duplicates, NULL)
         && memchr (head, '{', end) != NULL;
}

static const char * const suffixes[] = { ".jsonl", ".ndjson", ".json", NULL };
static const char * const mime_types[] = {
  "application/jsonl", "application/x-ndjson", NULL
};

const McReader mc_reader_json_lines = {
  .id = "json-lines",
  .name = N_("JSON Lines"),
  .suffixes = suffixes,
  .mime_types = mime_types,
  .sniff = sniff,
  .max_size = MC_LOADER_MAX_JSON_SIZE,
  .load = load,
};
