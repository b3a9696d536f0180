/* mc-chart-spec.c: one chart of a dataset, as its file declares it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-chart-spec.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mc-extras.h"
#include "mc-string-util.h"

static GHashTable *
options_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify) g_variant_unref);
}

/**
 * mc_chart_spec_new:
 * @id: (nullable): the chart's id
 * @type: (nullable): the id of its chart kind
 *
 * Returns: (transfer full): a spec without texts or options
 */
McChartSpec *
mc_chart_spec_new (const char *id,
                   const char *type)
{
  McChartSpec *spec = g_new0 (McChartSpec, 1);

  spec->id = g_strdup (id);
  spec->type = g_strdup (type);
  spec->options = options_new ();
  return spec;
}

McChartSpec *
mc_chart_spec_copy (const McChartSpec *spec)
{
  McChartSpec *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (spec != NULL, NULL);

  copy = mc_chart_spec_new (spec->id, spec->type);
  copy->title = g_strdup (spec->title);
  copy->subtitle = g_strdup (spec->subtitle);
  copy->extras = mc_extras_copy (spec->extras);
  g_hash_table_iter_init (&iter, spec->options);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->options, g_strdup (key), g_variant_ref (value));
  return copy;
}

void
mc_chart_spec_free (McChartSpec *spec)
{
  if (spec == NULL)
    return;

  g_free (spec->id);
  g_free (spec->type);
  g_free (spec->title);
  g_free (spec->subtitle);
  g_hash_table_unref (spec->options);
  g_clear_pointer (&spec->extras, g_hash_table_unref);
  g_free (spec);
}

gboolean
mc_chart_spec_equal (const McChartSpec *a,
                     const McChartSpec *b)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (g_strcmp0 (a->id, b->id) != 0 || g_strcmp0 (a->type, b->type) != 0
      || g_strcmp0 (a->title, b->title) != 0 || g_strcmp0 (a->subtitle, b->subtitle) != 0
      || g_hash_table_size (a->options) != g_hash_table_size (b->options)
      || !mc_extras_equal (a->extras, b->extras))
    return FALSE;
  g_hash_table_iter_init (&iter, a->options);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GVariant *other = g_hash_table_lookup (b->options, key);

      if (other == NULL || !g_variant_equal (value, other))
        return FALSE;
    }
  return TRUE;
}

void
mc_chart_spec_set_title (McChartSpec *spec,
                         const char  *title)
{
  g_return_if_fail (spec != NULL);
  mc_set_str (&spec->title, title);
}

void
mc_chart_spec_set_subtitle (McChartSpec *spec,
                            const char  *subtitle)
{
  g_return_if_fail (spec != NULL);
  mc_set_str (&spec->subtitle, subtitle);
}

/* Options */

GVariant *
mc_chart_spec_get_option (const McChartSpec *spec,
                          const char        *key)
{
  g_return_val_if_fail (spec != NULL && key != NULL, NULL);
  return g_hash_table_lookup (spec->options, key);
}

void
mc_chart_spec_set_option (McChartSpec *spec,
                          const char  *key,
                          GVariant    *value)
{
  g_return_if_fail (spec != NULL && key != NULL);

  if (value == NULL)
    g_hash_table_remove (spec->options, key);
  else
    g_hash_table_replace (spec->options, g_strdup (key), g_variant_ref_sink (value));
}

gboolean
mc_chart_spec_has_option (const McChartSpec *spec,
                          const char        *key)
{
  return mc_chart_spec_get_option (spec, key) != NULL;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

char **
mc_chart_spec_list_options (const McChartSpec *spec)
{
  guint n;
  char **keys;

  g_return_val_if_fail (spec != NULL, NULL);

  keys = (char **) g_hash_table_get_keys_as_array (spec->options, &n);
  for (guint i = 0; i < n; i++)
    keys[i] = g_strdup (keys[i]);
  qsort (keys, n, sizeof *keys, compare_keys);
  return keys;
}

/* Typed shortcuts */

static GVariant *
get_typed (const McChartSpec  *spec,
           const char         *key,
           const GVariantType *type)
{
  GVariant *value = mc_chart_spec_get_option (spec, key);

  return value != NULL && g_variant_is_of_type (value, type) ? value : NULL;
}

const char *
mc_chart_spec_get_string (const McChartSpec *spec,
                          const char        *key)
{
  GVariant *value = get_typed (spec, key, G_VARIANT_TYPE_STRING);

  return value ? g_variant_get_string (value, NULL) : NULL;
}

gboolean
mc_chart_spec_get_boolean (const McChartSpec *spec,
                           const char        *key)
{
  GVariant *value = get_typed (spec, key, G_VARIANT_TYPE_BOOLEAN);

  return value ? g_variant_get_boolean (value) : FALSE;
}

double
mc_chart_spec_get_number (const McChartSpec *spec,
                          const char        *key)
{
  GVariant *value = get_typed (spec, key, G_VARIANT_TYPE_DOUBLE);

  return value ? g_variant_get_double (value) : NAN;
}

const char **
mc_chart_spec_get_strv (const McChartSpec *spec,
                        const char        *key)
{
  GVariant *value = get_typed (spec, key, G_VARIANT_TYPE_STRING_ARRAY);

  return value ? g_variant_get_strv (value, NULL) : NULL;
}

guint
mc_chart_spec_get_strv_length (const McChartSpec *spec,
                               const char        *key)
{
  GVariant *value = get_typed (spec, key, G_VARIANT_TYPE_STRING_ARRAY);

  return value ? (guint) g_variant_n_children (value) : 0;
}

void
mc_chart_spec_set_string (McChartSpec *spec,
                          const char  *key,
                          const char  *value)
{
  mc_chart_spec_set_option (spec, key, value ? g_variant_new_string (value) : NULL);
}

void
mc_chart_spec_set_boolean (McChartSpec *spec,
                           const char  *key,
                           gboolean     value)
{
  mc_chart_spec_set_option (spec, key, g_variant_new_boolean (value));
}

void
mc_chart_spec_set_number (McChartSpec *spec,
                          const char  *key,
                          double       value)
{
  mc_chart_spec_set_option (spec, key, g_variant_new_double (value));
}

void
mc_chart_spec_set_strv (McChartSpec        *spec,
                        const char         *key,
                        const char * const *value)
{
  mc_chart_spec_set_option (spec, key, value ? g_variant_new_strv (value, -1) : NULL);
}
