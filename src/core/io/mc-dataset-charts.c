/* mc-dataset-charts.c: the charts of a dataset file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading a chart checks what only the file can tell: the JSON types of
 * its keys, unknown keys, and options its kind ignores. What the chart
 * means (its columns, the rules of its kind) is checked once the rows are
 * read, by mc_chart_spec_check(), with the data. Options are read
 * generically, by the type the chart kinds give them.
 */
#include "config.h"

#include "mc-dataset-charts.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-annotation.h"
#include "mc-chart-kind.h"
#include "mc-extras.h"
#include "mc-ids.h"
#include "mc-text.h"

/* A column id, or one or more of them: "y": "price", "y": ["a", "b"];
 * the same for texts: "filter_values": ["2023", "2024"]. */
static GVariant *
read_list_option (McJsonContext       *ctx,
                  const McOptionInfo  *info,
                  JsonNode            *node,
                  GError             **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean columns = info->type == MC_OPTION_COLUMNS;
  g_auto(GStrv) ids = NULL;
  JsonArray *array;

  if (mc_json_node_is_string (node))
    g_strv_builder_add (builder, json_node_get_string (node));
  else if (!JSON_NODE_HOLDS_ARRAY (node) ||
           json_array_get_length (array = json_node_get_array (node)) == 0)
    {
      mc_json_context_wrong_type (ctx, error, info->key, node,
                                  columns ? _("a column id or a non-empty array of column ids")
                                          : _("a string or a non-empty array of strings"));
      return NULL;
    }
  else
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonNode *element = json_array_get_element (array, i);

        if (!mc_json_node_is_string (element))
          {
            mc_json_context_push_index (ctx, i);
            mc_json_context_wrong_type (ctx, error, info->key, element,
                                        columns ? _("an array of column ids")
                                                : _("an array of strings"));
            mc_json_context_pop (ctx);
            return NULL;
          }
        g_strv_builder_add (builder, json_node_get_string (element));
      }
  ids = g_strv_builder_end (builder);
  return g_variant_new_strv ((const char * const *) ids, -1);
}

/* Names of series or categories: "highlight": ["Alibaba", "Tencent"]. */
static GVariant *
read_names_option (McJsonContext  *ctx,
                   const char     *key,
                   JsonNode       *node,
                   GError        **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  JsonArray *array;

  if (mc_json_node_is_string (node))
    g_strv_builder_add (builder, json_node_get_string (node));
  else if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      mc_json_context_wrong_type (ctx, error, key, node, _("a name or an array of names"));
      return NULL;
    }
  else
    for (guint i = 0; i < json_array_get_length (array = json_node_get_array (node)); i++)
      {
        JsonNode *element = json_array_get_element (array, i);

        if (!mc_json_node_is_string (element))
          {
            mc_json_context_push_index (ctx, i);
            mc_json_context_wrong_type (ctx, error, key, element, _("an array of names"));
            mc_json_context_pop (ctx);
            return NULL;
          }
        g_strv_builder_add (builder, json_node_get_string (element));
      }
  names = g_strv_builder_end (builder);
  return g_variant_new_strv ((const char * const *) names, -1);
}

/* A colour by name: "colors": { "Alibaba": "orange" }. */
static GVariant *
read_colors_option (McJsonContext  *ctx,
                    const char     *key,
                    JsonNode       *node,
                    GError        **error)
{
  g_autoptr(GVariantBuilder) builder = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      mc_json_context_wrong_type (ctx, error, key, node,
                                  _("an object of colours by name, such as "
                                    "{\"Alibaba\": \"orange\"}"));
      return NULL;
    }
  object = json_node_get_object (node);
  builder = g_variant_builder_new (G_VARIANT_TYPE ("a{ss}"));
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *color = json_object_get_member (object, l->data);

      if (!mc_json_node_is_string (color))
        {
          mc_json_context_push_key (ctx, l->data);
          mc_json_context_wrong_type (ctx, error, l->data, color, _("the name of a colour"));
          mc_json_context_pop (ctx);
          return NULL;
        }
      g_variant_builder_add (builder, "{ss}", (const char *) l->data,
                             json_node_get_string (color));
    }
  return g_variant_builder_end (builder);
}

/* One annotation: its keys as texts and numbers, then checked on its
 * own, so that an error points at the key at fault. */
static GVariant *
read_annotation (McJsonContext  *ctx,
                 JsonNode       *node,
                 GError        **error)
{
  g_autoptr(GVariantBuilder) builder = g_variant_builder_new (G_VARIANT_TYPE_VARDICT);
  g_autoptr(GList) members = NULL;
  g_autoptr(GVariant) annotation = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *key;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      mc_json_context_wrong_type (ctx, error, "annotations", node,
                                  _("an object such as {\"type\": \"event\", \"x\": "
                                    "\"2025-02\", \"label\": \"…\"}"));
      return NULL;
    }
  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *member = json_object_get_member (object, l->data);

      if (mc_json_node_is_string (member))
        g_variant_builder_add (builder, "{sv}", (const char *) l->data,
                               g_variant_new_string (json_node_get_string (member)));
      else if (mc_json_node_is_number (member))
        g_variant_builder_add (builder, "{sv}", (const char *) l->data,
                               g_variant_new_double (json_node_get_double (member)));
      else
        {
          mc_json_context_push_key (ctx, l->data);
          mc_json_context_wrong_type (ctx, error, l->data, member, _("a text or a number"));
          mc_json_context_pop (ctx);
          return NULL;
        }
    }
  annotation = g_variant_ref_sink (g_variant_builder_end (builder));
  if (mc_annotation_check_fields (annotation, &key, &local_error))
    return g_steal_pointer (&annotation);
  if (key != NULL)
    mc_json_context_push_key (ctx, key);
  mc_json_context_fail (ctx, error, MC_LOADER_ERROR_VALUE, "%s", local_error->message);
  if (key != NULL)
    mc_json_context_pop (ctx);
  return NULL;
}

/* "annotations": [{ "type": "event", "x": "2025-02", "label": "…" }] */
static GVariant *
read_annotations_option (McJsonContext  *ctx,
                         JsonNode       *node,
                         GError        **error)
{
  g_autoptr(GVariantBuilder) builder = g_variant_builder_new (MC_ANNOTATIONS_VARIANT_TYPE);
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      mc_json_context_wrong_type (ctx, error, "annotations", node, _("an array of annotations"));
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      GVariant *annotation;

      mc_json_context_push_index (ctx, i);
      annotation = read_annotation (ctx, json_array_get_element (array, i), error);
      mc_json_context_pop (ctx);
      if (annotation == NULL)
        return NULL;
      g_variant_builder_add_value (builder, annotation);
      g_variant_unref (annotation);
    }
  return g_variant_builder_end (builder);
}

/* The value of option @info at the current path, of the type it takes. */
static GVariant *
read_option (McJsonContext       *ctx,
             const McOptionInfo  *info,
             JsonNode            *node,
             GError             **error)
{
  switch (info->type)
    {
    case MC_OPTION_COLUMNS:
    case MC_OPTION_TEXTS:
      return read_list_option (ctx, info, node, error);
    case MC_OPTION_NAMES:
      return read_names_option (ctx, info->key, node, error);
    case MC_OPTION_COLORS:
      return read_colors_option (ctx, info->key, node, error);
    case MC_OPTION_ANNOTATIONS:
      return read_annotations_option (ctx, node, error);
    case MC_OPTION_BOOLEAN:
      if (mc_json_node_is_boolean (node))
        return g_variant_new_boolean (json_node_get_boolean (node));
      mc_json_context_wrong_type (ctx, error, info->key, node, _("true or false"));
      return NULL;
    case MC_OPTION_NUMBER:
      if (mc_json_node_is_number (node))
        return g_variant_new_double (json_node_get_double (node));
      mc_json_context_wrong_type (ctx, error, info->key, node, _("a number"));
      return NULL;
    case MC_OPTION_COLUMN:
    case MC_OPTION_TEXT:
    case MC_OPTION_CHOICE:
    default:
      if (!mc_json_node_is_string (node))
        mc_json_context_wrong_type (ctx, error, info->key, node, _("a string"));
      else if (strlen (json_node_get_string (node)) > MC_LOADER_MAX_STRING_LENGTH)
        mc_json_context_fail (ctx, error, MC_LOADER_ERROR_TOO_LARGE,
                              _("the text is longer than the limit of %d KiB"),
                              MC_LOADER_MAX_STRING_LENGTH / 1024);
      else
        return g_variant_new_string (json_node_get_string (node));
      return NULL;
    }
}

/* Options that another kind takes are kept (a file saved again keeps
 * them) but ignored, with a warning: a "donut" on a bar chart. */
static void
warn_foreign_option (McJsonContext     *ctx,
                     const McChartKind *kind,
                     const char        *key)
{
  g_autofree char *message = NULL;

  message = g_strdup_printf (_("“%s” does not apply to %s and is ignored"),
                             key, _(kind->name));
  mc_json_context_push_key (ctx, key);
  mc_json_context_warn (ctx, message);
  mc_json_context_pop (ctx);
}

static gboolean
read_kind_options (McJsonContext      *ctx,
                   JsonObject         *object,
                   const McChartKind  *kind,
                   McChartSpec        *spec,
                   GError            **error)
{
  g_autofree const McOptionInfo **options = mc_chart_kind_list_options (kind);

  for (guint i = 0; options[i] != NULL; i++)
    {
      const McOptionInfo *info = options[i];
      JsonNode *node = json_object_get_member (object, info->key);
      GVariant *value;

      /* Each key once, as the first kind that takes it reads it. */
      if (node == NULL || JSON_NODE_HOLDS_NULL (node)
          || mc_chart_option_lookup (info->key) != info
          || mc_chart_spec_has_option (spec, info->key))
        continue;
      mc_json_context_push_key (ctx, info->key);
      value = read_option (ctx, info, node, error);
      mc_json_context_pop (ctx);
      if (value == NULL)
        return FALSE;
      mc_chart_spec_set_option (spec, info->key, value);
    }
  return TRUE;
}

static gboolean
read_chart_options (McJsonContext      *ctx,
                    JsonObject         *object,
                    const McChartKind  *kind,
                    McChartSpec        *spec,
                    GError            **error)
{
  const McChartKind * const *kinds = mc_chart_kinds_get_all ();

  for (guint k = 0; kinds[k] != NULL; k++)
    if (!read_kind_options (ctx, object, kinds[k], spec, error))
      return FALSE;
  return TRUE;
}

static void
warn_foreign_options (McJsonContext     *ctx,
                      const McChartKind *kind,
                      McChartSpec       *spec)
{
  g_auto(GStrv) keys = mc_chart_spec_list_options (spec);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      const McOptionInfo *info = mc_chart_option_lookup (keys[i]);

      /* A strict option is an error, which the check of the chart gives. */
      if (mc_chart_kind_get_option (kind, keys[i]) == NULL && !(info->flags & MC_OPTION_STRICT))
        warn_foreign_option (ctx, kind, keys[i]);
    }
}

static gboolean
read_chart_type (McJsonContext      *ctx,
                 JsonObject         *object,
                 const McChartKind **kind,
                 GError            **error)
{
  g_autofree char *valid = NULL;
  g_autofree char *name_shown = NULL;
  const char *name;

  if (!mc_json_context_get_string (ctx, object, "type", MC_JSON_REQUIRED, &name, error))
    return FALSE;
  *kind = mc_chart_kind_lookup (name);
  if (*kind != NULL)
    return TRUE;

  valid = mc_chart_kinds_list_ids ();
  name_shown = mc_text_shown (name);
  return mc_json_context_fail_at (ctx, "type", error, MC_LOADER_ERROR_VALUE,
                                  _("unknown chart type “%s”; expected one of: %s"),
                                  name_shown, valid);
}

static gboolean
read_chart_id (McJsonContext  *ctx,
               JsonObject     *object,
               const char    **id,
               GError        **error)
{
  g_autofree char *id_shown = NULL;

  if (!mc_json_context_get_string (ctx, object, "id", MC_JSON_REQUIRED, id, error))
    return FALSE;

  id_shown = mc_text_shown (*id);
  if (!mc_id_is_valid (*id))
    return mc_json_context_fail_at (ctx, "id", error, MC_LOADER_ERROR_VALUE,
                                    _("the chart id “%s” may only contain letters, digits, "
                                      "“-” and “_”"), id_shown);
  if (mc_dataset_lookup_chart (ctx->dataset, *id) != NULL)
    return mc_json_context_fail_at (ctx, "id", error, MC_LOADER_ERROR_DUPLICATE,
                                    _("duplicate chart id “%s”"), id_shown);
  return TRUE;
}

static gboolean
read_chart_texts (McJsonContext  *ctx,
                  JsonObject     *object,
                  McChartSpec    *spec,
                  GError        **error)
{
  const char *title, *subtitle;

  if (!mc_json_context_get_string (ctx, object, "title", MC_JSON_OPTIONAL, &title, error) ||
      !mc_json_context_get_string (ctx, object, "subtitle", MC_JSON_OPTIONAL, &subtitle, error))
    return FALSE;

  mc_chart_spec_set_title (spec, title ? title : mc_dataset_get_title (ctx->dataset));
  mc_chart_spec_set_subtitle (spec, subtitle);
  return TRUE;
}

/* The keys a chart may have: its own and those of every kind. */
static char **
chart_keys (void)
{
  const McChartKind * const *kinds = mc_chart_kinds_get_all ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_add_many (builder, "id", "type", "title", "subtitle", NULL);
  for (guint k = 0; kinds[k] != NULL; k++)
    {
      g_autofree const McOptionInfo **options = mc_chart_kind_list_options (kinds[k]);

      for (guint i = 0; options[i] != NULL; i++)
        g_strv_builder_add (builder, options[i]->key);
    }
  return g_strv_builder_end (builder);
}

static void
keep_chart_key (gpointer    target,
                const char *key,
                const char *json)
{
  McChartSpec *spec = target;

  mc_extras_set (&spec->extras, key, json);
}

static gboolean
read_chart (McJsonContext  *ctx,
            JsonNode       *node,
            GError        **error)
{
  g_autoptr(McChartSpec) spec = NULL;
  g_auto(GStrv) known = chart_keys ();
  const McChartKind *kind;
  JsonObject *object;
  const char *id;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *found = mc_json_node_describe (node);

      return mc_json_context_fail (ctx, error, MC_LOADER_ERROR_TYPE,
                                   _("a chart must be an object, found %s"), found);
    }
  object = json_node_get_object (node);
  if (!read_chart_id (ctx, object, &id, error) ||
      !read_chart_type (ctx, object, &kind, error))
    return FALSE;
  spec = mc_chart_spec_new (id, kind->id);
  if (!read_chart_texts (ctx, object, spec, error) ||
      !read_chart_options (ctx, object, kind, spec, error))
    return FALSE;
  mc_json_context_check_members (ctx, object, (const char * const *) known);
  mc_json_keep_unknown_members (object, (const char * const *) known, keep_chart_key, spec);
  warn_foreign_options (ctx, kind, spec);

  mc_dataset_add_chart (ctx->dataset, g_steal_pointer (&spec));
  return TRUE;
}

/**
 * mc_dataset_charts_read:
 *
 * Reads the "charts" of a dataset file into specs of its dataset.
 */
gboolean
mc_dataset_charts_read (McJsonContext  *ctx,
                        JsonObject     *root,
                        GError        **error)
{
  JsonNode *node;
  JsonArray *array;

  if (!mc_json_context_get_container (ctx, root, "charts", MC_JSON_OPTIONAL, JSON_NODE_ARRAY,
                                      &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  array = json_node_get_array (node);
  mc_json_context_push_key (ctx, "charts");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      mc_json_context_push_index (ctx, i);
      if (!read_chart (ctx, json_array_get_element (array, i), error))
        return FALSE;
      mc_json_context_pop (ctx);
    }
  mc_json_context_pop (ctx);
  return TRUE;
}

static McLoaderError
fault_error_code (McSpecFault fault)
{
  switch (fault)
    {
    case MC_SPEC_FAULT_MISSING:
      return MC_LOADER_ERROR_MISSING;
    case MC_SPEC_FAULT_REFERENCE:
      return MC_LOADER_ERROR_REFERENCE;
    case MC_SPEC_FAULT_VALUE:
    default:
      return MC_LOADER_ERROR_VALUE;
    }
}

/* Whether the key @key of chart @index is written as an array in the
 * file: a fault in one element is pointed at that element. */
static gboolean
chart_key_is_array (JsonObject *root,
                    guint       index,
                    const char *key)
{
  JsonArray *charts = json_object_get_array_member (root, "charts");
  JsonObject *chart = json_array_get_object_element (charts, index);
  JsonNode *node = json_object_get_member (chart, key);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node);
}

/**
 * mc_dataset_charts_check:
 *
 * Checks each chart with the data, once the rows are read, and points
 * an error at the key that causes it.
 */
gboolean
mc_dataset_charts_check (McJsonContext  *ctx,
                         JsonObject     *root,
                         GError        **error)
{
  for (guint i = 0; i < mc_dataset_get_n_charts (ctx->dataset); i++)
    {
      g_autoptr(GError) chart_error = NULL;
      McSpecProblem problem;
      guint depth = ctx->depth;

      if (mc_chart_spec_check (mc_dataset_get_chart (ctx->dataset, i), ctx->dataset,
                               &problem, &chart_error))
        continue;
      mc_json_context_push_key (ctx, "charts");
      mc_json_context_push_index (ctx, i);
      if (problem.key != NULL)
        mc_json_context_push_key (ctx, problem.key);
      if (problem.key != NULL && problem.index >= 0 && chart_key_is_array (root, i, problem.key))
        mc_json_context_push_index (ctx, problem.index);
      mc_json_context_fail (ctx, error, fault_error_code (problem.fault), "%s",
                            chart_error->message);
      ctx->depth = depth;
      return FALSE;
    }
  return TRUE;
}
