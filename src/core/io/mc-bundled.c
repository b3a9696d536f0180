/* mc-bundled.c: the datasets compiled into the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-bundled.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-loader.h"

/* From the resource bundle that data/meson.build compiles into the core
 * library. Referring to it also keeps the linker from dropping the bundle
 * (and its automatic registration) out of the static library. */
GResource *mc_datasets_get_resource (void);

/* The order of the sidebar: the article's story, from the investment to
 * the share price. Datasets not listed here follow, sorted by id. */
static const char * const preferred_order[] = {
  "cloud-investment",
  "alibaba-cloud-revenue",
  "alibaba-share-price",
};

static int
order_of (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (preferred_order); i++)
    if (g_str_equal (preferred_order[i], id))
      return i;
  return G_N_ELEMENTS (preferred_order);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  const char *id_a = *(const char * const *) a;
  const char *id_b = *(const char * const *) b;
  int order_a = order_of (id_a);
  int order_b = order_of (id_b);

  if (order_a != order_b)
    return order_a - order_b;
  return strcmp (id_a, id_b);
}

/* The ids of the bundled datasets, in display order. */
static GPtrArray *
list_ids (GError **error)
{
  g_auto(GStrv) names = NULL;
  GPtrArray *ids;

  g_return_val_if_fail (mc_datasets_get_resource () != NULL, NULL);

  names = g_resources_enumerate_children (MC_BUNDLED_RESOURCE_PATH,
                                          G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (names == NULL)
    return NULL;

  ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".json"))
      g_ptr_array_add (ids, g_strndup (names[i], strlen (names[i]) - strlen (".json")));
  g_ptr_array_sort (ids, compare_ids);
  return ids;
}

/**
 * mc_bundled_get_file:
 * @id: a dataset id
 *
 * Returns: (transfer full): the resource:// file of a bundled dataset
 *   (which may not exist)
 */
GFile *
mc_bundled_get_file (const char *id)
{
  g_autofree char *uri = NULL;

  g_return_val_if_fail (id != NULL, NULL);

  uri = g_strdup_printf ("resource://" MC_BUNDLED_RESOURCE_PATH "/%s.json", id);
  return g_file_new_for_uri (uri);
}

static McDataset *
load_bundled (const char  *id,
              GError     **error)
{
  g_autoptr(GFile) file = mc_bundled_get_file (id);
  McDataset *dataset = mc_loader_load_file (file, NULL, error);

  if (dataset != NULL)
    mc_dataset_set_bundled (dataset, TRUE);
  return dataset;
}

/**
 * mc_bundled_load_all:
 * @error: return location for an error
 *
 * Loads every bundled dataset, in display order: cloud-investment,
 * alibaba-cloud-revenue, alibaba-share-price, then any others by id.
 *
 * Returns: (transfer full) (element-type McDataset): the datasets
 */
GPtrArray *
mc_bundled_load_all (GError **error)
{
  g_autoptr(GPtrArray) ids = list_ids (error);
  g_autoptr(GPtrArray) datasets = NULL;

  if (ids == NULL)
    return NULL;

  datasets = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < ids->len; i++)
    {
      McDataset *dataset = load_bundled (g_ptr_array_index (ids, i), error);

      if (dataset == NULL)
        return NULL;
      g_ptr_array_add (datasets, dataset);
    }
  return g_steal_pointer (&datasets);
}

/**
 * mc_bundled_lookup:
 * @id: a dataset id, e.g. "alibaba-share-price"
 * @error: return location for an error (%G_IO_ERROR_NOT_FOUND when there
 *   is no such bundled dataset)
 *
 * Returns: (transfer full): the bundled dataset, or %NULL
 */
McDataset *
mc_bundled_lookup (const char  *id,
                   GError     **error)
{
  g_autoptr(GPtrArray) ids = NULL;

  g_return_val_if_fail (id != NULL, NULL);

  ids = list_ids (error);
  if (ids == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    if (g_str_equal (g_ptr_array_index (ids, i), id))
      return load_bundled (id, error);

  g_ptr_array_add (ids, NULL);
  {
    g_autofree char *known = g_strjoinv (", ", (char **) ids->pdata);

    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("There is no bundled dataset “%s”; the bundled datasets are: %s"),
                 id, known);
  }
  return NULL;
}
