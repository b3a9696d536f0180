/* mc-extras.c: keys of a dataset file that this version does not know
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-extras.h"

#include <stdlib.h>
#include <string.h>

/**
 * mc_extras_set:
 * @extras: (inout) (nullable): the table, made on the first key
 * @key: an unknown key
 * @json: (nullable): its value as JSON text; %NULL removes the key
 */
void
mc_extras_set (GHashTable **extras,
               const char  *key,
               const char  *json)
{
  g_return_if_fail (extras != NULL && key != NULL);

  if (json == NULL)
    {
      if (*extras != NULL)
        g_hash_table_remove (*extras, key);
      return;
    }
  if (*extras == NULL)
    *extras = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_replace (*extras, g_strdup (key), g_strdup (json));
}

const char *
mc_extras_get (GHashTable *extras,
               const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return extras != NULL ? g_hash_table_lookup (extras, key) : NULL;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

char **
mc_extras_list (GHashTable *extras)
{
  guint n = 0;
  char **keys;

  if (extras == NULL)
    return g_new0 (char *, 1);
  keys = (char **) g_hash_table_get_keys_as_array (extras, &n);
  for (guint i = 0; i < n; i++)
    keys[i] = g_strdup (keys[i]);
  qsort (keys, n, sizeof *keys, compare_keys);
  return keys;
}

GHashTable *
mc_extras_copy (GHashTable *extras)
{
  GHashTable *copy = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (extras == NULL)
    return NULL;
  g_hash_table_iter_init (&iter, extras);
  while (g_hash_table_iter_next (&iter, &key, &value))
    mc_extras_set (&copy, key, value);
  return copy;
}

static guint
extras_size (GHashTable *extras)
{
  return extras != NULL ? g_hash_table_size (extras) : 0;
}

gboolean
mc_extras_equal (GHashTable *a,
                 GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (extras_size (a) != extras_size (b))
    return FALSE;
  if (extras_size (a) == 0)
    return TRUE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, mc_extras_get (b, key)) != 0)
      return FALSE;
  return TRUE;
}
