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
 *    a path ("rows[3][1]") is kept (mc-json-context.c). The header and
 *    columns are read here, the rows in mc-dataset-rows.c and the charts
 *    in mc-dataset-charts.c.
 */
#include "config.h"

#include "mc-reader.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "mc-dataset-charts.h"
#include "mc-dataset-rows.h"
#include "mc-default-chart.h"
#include "mc-ids.h"
#include "mc-json-context.h"
#include "mc-loader-error.h"
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
  if (g_str_has_prefix (format, "market-charts/"))
    return mc_json_context_fail_at (ctx, "format", error, MC_LOADER_ERROR_VERSION,
                                    _("unsupported format version “%s”; this version of "
                                      "Market Charts reads “%s” (the file may come from a "
                                      "newer version)"),
                                    format_shown, FORMAT_VERSION_1);
  return mc_json_context_fail_at (ctx, "format", error, MC_LOADER_ERROR_VERSION,
                                  _("unknown format “%s”; this version of Market Charts "
                                    "reads “%s”"),
                                  format_shown, FORMAT_VERSION_1);
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
  return mc_json_context_fail_at (ctx, "id", error, MC_LOADER_ERROR_VALUE,
                                  _("the id “%s” may only contain letters, digits, “-” and "
                                    "“_”"), id_shown);
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

/* Unknown keys, kept for the writer */

static void
keep_dataset_key (gpointer    target,
                  const char *key,
                  const char *json)
{
  mc_dataset_set_extra (target, key, json);
}

static void
keep_column_key (gpointer    target,
                 const char *key,
                 const char *json)
{
  mc_column_set_extra (target, key, json);
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
  return mc_json_context_fail_at (ctx, "type", error, MC_LOADER_ERROR_VALUE,
                                  _("unknown column type “%s”; expected one of: %s"),
                                  name_shown, valid);
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
  return mc_json_context_fail_at (ctx, "scale", error, MC_LOADER_ERROR_VALUE,
                                  _("unknown scale “%s”; expected one of: %s"),
                                  name_shown, valid);
}

static gboolean
check_column_id (McJsonContext  *ctx,
                 const char     *id,
                 GError        **error)
{
  int previous = mc_dataset_get_column_index (ctx->dataset, id);
  g_autofree char *id_shown = NULL;

  if (*id == '\0')
    return mc_json_context_fail_at (ctx, "id", error, MC_LOADER_ERROR_VALUE,
                                    _("a column id cannot be empty"));
  if (previous < 0)
    return TRUE;
  id_shown = mc_text_shown (id);
  return mc_json_context_fail_at (ctx, "id", error, MC_LOADER_ERROR_DUPLICATE,
                                  _("duplicate column id “%s”; columns[%d] already uses it"),
                                  id_shown, previous);
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
  mc_json_keep_unknown_members (object, known, keep_column_key, column);
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
  mc_json_keep_unknown_members (root, known, keep_dataset_key, dataset);
  if (!read_texts (ctx, root, error) ||
      !read_source (ctx, root, error) ||
      !read_columns (ctx, root, error) ||
      !mc_dataset_charts_read (ctx, root, error) ||
      !mc_dataset_rows_read (ctx, root, error) ||
      !mc_dataset_charts_check (ctx, root, error))
    return NULL;

  if (mc_dataset_get_n_charts (dataset) == 0)
    mc_default_chart_add (dataset, ctx->name);
  mc_json_context_add_summary_warning (ctx);
  return g_steal_pointer (&dataset);
}

/* Loads a dataset in the JSON format; its CSV references are resolved
 * in the folder of @input (none: they are an error). */
static McDataset *
load (const McReaderInput  *input,
      GError              **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) duplicates = NULL;
  const char *name = input->name;
  const char *text = input->data;
  gsize length = input->length;
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
  ctx.base = input->base;
  ctx.cancellable = input->cancellable;
  ctx.duplicates = duplicates;
  return read_document (&ctx, json_parser_get_root (parser), error);
}

/* A JSON object: the text starts with '{', after a byte-order mark and
 * spaces. */
static gboolean
sniff (const char *head,
       gsize       length)
{
  gsize i = 0;

  if (length >= 3 && memcmp (head, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (head[i]))
    i++;
  return i < length && head[i] == '{';
}

static const char * const suffixes[] = { ".json", NULL };
static const char * const mime_types[] = { "application/json", NULL };

const McReader mc_reader_dataset = {
  .id = "dataset",
  .name = N_("Market Charts dataset"),
  .suffixes = suffixes,
  .mime_types = mime_types,
  .sniff = sniff,
  .max_size = MC_LOADER_MAX_JSON_SIZE,
  .load = load,
};
