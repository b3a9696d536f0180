/* mc-json-context.c: where the reading of a JSON document is, and what it says there
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib's tree is checked against a format while a path ("rows[3][1]")
 * is kept. Errors and warnings name the path and, looked up in the text
 * again (mc_json_scanner_locate_path()), the line and column of the value.
 * Typed getters check a member's JSON type and say what was found instead.
 */
#include "config.h"

#include "mc-json-context.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-loader-error.h"
#include "mc-text.h"

#define MAX_LOCATED_WARNINGS 20

void
mc_json_context_push_key (McJsonContext *ctx,
                          const char    *key)
{
  g_assert (ctx->depth < MC_JSON_MAX_PATH);
  ctx->path[ctx->depth++] = (McJsonPathElement) { key, 0 };
}

void
mc_json_context_push_index (McJsonContext *ctx,
                            guint          index)
{
  g_assert (ctx->depth < MC_JSON_MAX_PATH);
  ctx->path[ctx->depth++] = (McJsonPathElement) { NULL, index };
}

void
mc_json_context_pop (McJsonContext *ctx)
{
  g_assert (ctx->depth > 0);
  ctx->depth--;
}

static gboolean
is_identifier (const char *key)
{
  if (!g_ascii_isalpha (*key) && *key != '_')
    return FALSE;
  for (const char *p = key; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

/* "rows[3][1]", "columns[2].type", "charts[0][\"odd key\"]" */
static char *
path_to_string (const McJsonPathElement *path,
                guint                    n_path)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_path; i++)
    {
      g_autofree char *key = path[i].key ? mc_text_shown (path[i].key) : NULL;

      if (key == NULL)
        g_string_append_printf (out, "[%u]", path[i].index);
      else if (is_identifier (path[i].key))
        g_string_append_printf (out, "%s%s", i > 0 ? "." : "", key);
      else
        g_string_append_printf (out, "[\"%s\"]", key);
    }
  return g_string_free (out, FALSE);
}

/* "name:line:column: path: message" for the current path; @n_shown of its
 * elements are named in the text (a warning about an unknown key names
 * the object that holds the key, but points at the key). */
static char *
context_message_full (McJsonContext *ctx,
                      gboolean       at_key,
                      guint          n_shown,
                      const char    *message)
{
  g_autofree char *path = path_to_string (ctx->path, n_shown);
  g_autofree char *text = NULL;
  gsize offset = mc_json_scanner_locate_path (ctx->text, ctx->length, ctx->path, ctx->depth,
                                              at_key);
  guint line, column;

  mc_loader_position (ctx->text, ctx->length, offset, &line, &column);
  if (*path != '\0')
    text = g_strdup_printf ("%s: %s", path, message);
  else
    text = g_strdup (message);
  return mc_loader_format_message (ctx->name, line, column, text);
}

static char *
context_message (McJsonContext *ctx,
                 gboolean       at_key,
                 const char    *message)
{
  return context_message_full (ctx, at_key, ctx->depth, message);
}

G_GNUC_PRINTF (4, 0)
static gboolean
fail_valist (McJsonContext  *ctx,
             GError        **error,
             McLoaderError   code,
             const char     *format,
             va_list         args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);
  g_autofree char *full = context_message (ctx, FALSE, message);

  g_set_error_literal (error, MC_LOADER_ERROR, code, full);
  return FALSE;
}

/* Sets an error at the current path. */
gboolean
mc_json_context_fail (McJsonContext  *ctx,
                      GError        **error,
                      McLoaderError   code,
                      const char     *format,
                      ...)
{
  va_list args;

  va_start (args, format);
  fail_valist (ctx, error, code, format, args);
  va_end (args);
  return FALSE;
}

/* Sets an error at member @key of the object at the current path. */
gboolean
mc_json_context_fail_at (McJsonContext  *ctx,
                         const char     *key,
                         GError        **error,
                         McLoaderError   code,
                         const char     *format,
                         ...)
{
  va_list args;

  mc_json_context_push_key (ctx, key);
  va_start (args, format);
  fail_valist (ctx, error, code, format, args);
  va_end (args);
  mc_json_context_pop (ctx);
  return FALSE;
}

/* Warns about an unknown key under the current path. */
static void
warn_unknown_key (McJsonContext *ctx,
                  const char    *key)
{
  g_autofree char *message = NULL;
  g_autofree char *full = NULL;
  g_autofree char *key_shown = NULL;

  if (ctx->n_warnings >= MAX_LOCATED_WARNINGS)
    {
      ctx->n_unlocated_warnings++;
      return;
    }
  ctx->n_warnings++;
  key_shown = mc_text_shown (key);
  message = g_strdup_printf (_("unknown key “%s” is ignored"), key_shown);
  mc_json_context_push_key (ctx, key);
  full = context_message_full (ctx, TRUE, ctx->depth - 1, message);
  mc_json_context_pop (ctx);
  mc_dataset_add_warning (ctx->dataset, full);
}

void
mc_json_context_warn (McJsonContext *ctx,
                      const char    *message)
{
  g_autofree char *full = NULL;

  if (ctx->n_warnings >= MAX_LOCATED_WARNINGS)
    {
      ctx->n_unlocated_warnings++;
      return;
    }
  ctx->n_warnings++;
  full = context_message (ctx, TRUE, message);
  mc_dataset_add_warning (ctx->dataset, full);
}

void
mc_json_context_check_members (McJsonContext      *ctx,
                               JsonObject         *object,
                               const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      warn_unknown_key (ctx, l->data);
}

void
mc_json_keep_unknown_members (JsonObject         *object,
                              const char * const *known,
                              McJsonKeepFunc      keep,
                              gpointer            target)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      {
        g_autofree char *json = json_to_string (json_object_get_member (object, l->data), FALSE);

        keep (target, l->data, json);
      }
}

/* "a number (3)", "a string (“x”)", "an array", ... */
char *
mc_json_node_describe (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return g_strdup (_("an object"));
    case JSON_NODE_ARRAY:
      return g_strdup (_("an array"));
    case JSON_NODE_NULL:
      return g_strdup (_("null"));
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      {
        const char *text = json_node_get_string (node);
        g_autofree char *quoted = mc_loader_describe_text (text, strlen (text));

        return g_strdup_printf (_("a string (%s)"), quoted);
      }
    case G_TYPE_BOOLEAN:
      return g_strdup_printf (_("a boolean (%s)"),
                              json_node_get_boolean (node) ? "true" : "false");
    default:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        g_ascii_formatd (buffer, sizeof buffer, "%.15g", json_node_get_double (node));
        return g_strdup_printf (_("a number (%s)"), buffer);
      }
    }
}

gboolean
mc_json_node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

gboolean
mc_json_node_is_boolean (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

gboolean
mc_json_node_is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

gboolean
mc_json_context_wrong_type (McJsonContext  *ctx,
                            GError        **error,
                            const char     *key,
                            JsonNode       *node,
                            const char     *expected)
{
  g_autofree char *found = mc_json_node_describe (node);

  return mc_json_context_fail (ctx, error, MC_LOADER_ERROR_TYPE, _("“%s” must be %s, found %s"),
                               key, expected, found);
}

static gboolean
missing_key (McJsonContext  *ctx,
             GError        **error,
             const char     *key)
{
  return mc_json_context_fail (ctx, error, MC_LOADER_ERROR_MISSING, _("missing key “%s”"), key);
}

/* Gets an optional or required string member; null counts as absent for
 * optional members. */
gboolean
mc_json_context_get_string (McJsonContext  *ctx,
                            JsonObject     *object,
                            const char     *key,
                            McJsonNeed      need,
                            const char    **value,
                            GError        **error)
{
  JsonNode *node = json_object_get_member (object, key);
  gboolean ok = TRUE;

  *value = NULL;
  if (node == NULL || (JSON_NODE_HOLDS_NULL (node) && need == MC_JSON_OPTIONAL))
    return need == MC_JSON_OPTIONAL || missing_key (ctx, error, key);

  mc_json_context_push_key (ctx, key);
  if (!mc_json_node_is_string (node))
    ok = mc_json_context_wrong_type (ctx, error, key, node, _("a string"));
  else if (strlen (json_node_get_string (node)) > MC_LOADER_MAX_STRING_LENGTH)
    ok = mc_json_context_fail (ctx, error, MC_LOADER_ERROR_TOO_LARGE,
                               _("the text is longer than the limit of %d KiB"),
                               MC_LOADER_MAX_STRING_LENGTH / 1024);
  else
    *value = json_node_get_string (node);
  mc_json_context_pop (ctx);
  return ok;
}

gboolean
mc_json_context_get_boolean (McJsonContext  *ctx,
                             JsonObject     *object,
                             const char     *key,
                             gboolean       *value,
                             GError        **error)
{
  JsonNode *node = json_object_get_member (object, key);
  gboolean ok = TRUE;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  mc_json_context_push_key (ctx, key);
  if (mc_json_node_is_boolean (node))
    *value = json_node_get_boolean (node);
  else
    ok = mc_json_context_wrong_type (ctx, error, key, node, _("true or false"));
  mc_json_context_pop (ctx);
  return ok;
}

gboolean
mc_json_context_get_container (McJsonContext  *ctx,
                               JsonObject     *object,
                               const char     *key,
                               McJsonNeed      need,
                               JsonNodeType    type,
                               JsonNode      **value,
                               GError        **error)
{
  JsonNode *node = json_object_get_member (object, key);
  gboolean ok = TRUE;

  *value = NULL;
  if (node == NULL || (JSON_NODE_HOLDS_NULL (node) && need == MC_JSON_OPTIONAL))
    return need == MC_JSON_OPTIONAL || missing_key (ctx, error, key);

  mc_json_context_push_key (ctx, key);
  if (JSON_NODE_TYPE (node) == type)
    *value = node;
  else
    ok = mc_json_context_wrong_type (ctx, error, key, node,
                                     type == JSON_NODE_OBJECT ? _("an object") : _("an array"));
  mc_json_context_pop (ctx);
  return ok;
}

void
mc_json_context_add_summary_warning (McJsonContext *ctx)
{
  g_autofree char *message = NULL;
  g_autofree char *full = NULL;

  if (ctx->n_unlocated_warnings == 0)
    return;
  message = g_strdup_printf (ngettext ("%u more warning like the ones above",
                                       "%u more warnings like the ones above",
                                       ctx->n_unlocated_warnings),
                             ctx->n_unlocated_warnings);
  full = mc_loader_format_message (ctx->name, 0, 0, message);
  mc_dataset_add_warning (ctx->dataset, full);
}

/* Warns about the keys that the scan found twice in an object. */
void
mc_json_context_warn_duplicate_keys (McJsonContext *ctx)
{
  GArray *duplicates = ctx->duplicates;

  for (guint i = 0; duplicates != NULL && i < duplicates->len; i++)
    {
      gsize offset = g_array_index (duplicates, gsize, i);
      const char *key = ctx->text + offset;
      gsize length = strcspn (key + 1, "\"") + 2;
      g_autofree char *message = NULL;
      g_autofree char *full = NULL;
      guint line, column;

      if (ctx->n_warnings >= MAX_LOCATED_WARNINGS)
        {
          ctx->n_unlocated_warnings++;
          continue;
        }
      ctx->n_warnings++;
      mc_loader_position (ctx->text, ctx->length, offset, &line, &column);
      message = g_strdup_printf (_("the key %.*s appears twice in the same object; "
                                   "only the last one counts"), (int) MIN (length, 60), key);
      full = mc_loader_format_message (ctx->name, line, column, message);
      mc_dataset_add_warning (ctx->dataset, full);
    }
}

gboolean
mc_json_node_foreach_number (JsonNode         *node,
                             McJsonNumberFunc  func,
                             gpointer          user_data)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) names = json_object_get_members (object);

      for (GList *l = names; l != NULL; l = l->next)
        if (!mc_json_node_foreach_number (json_object_get_member (object, l->data), func,
                                          user_data))
          return FALSE;
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!mc_json_node_foreach_number (json_array_get_element (array, i), func, user_data))
          return FALSE;
    }
  else if (mc_json_node_is_number (node))
    return func (node, user_data);
  return TRUE;
}
