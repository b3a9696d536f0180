/* mc-dataset.c: a table of typed columns with its metadata and the
 * specifications of its charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-dataset.h"

#include <math.h>

#include "mc-string-util.h"

struct _McDataset
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  char       *description;
  char       *source_name;
  char       *source_url;
  char       *source_date;
  GFile      *file;
  gboolean    bundled;
  GPtrArray  *columns;   /* McColumn */
  GPtrArray  *charts;    /* McChartSpec */
  GPtrArray  *warnings;  /* char *, NULL-terminated */
};

G_DEFINE_FINAL_TYPE (McDataset, mc_dataset, G_TYPE_OBJECT)

/* Dataset */

static void
mc_dataset_finalize (GObject *object)
{
  McDataset *self = MC_DATASET (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->description);
  g_free (self->source_name);
  g_free (self->source_url);
  g_free (self->source_date);
  g_clear_object (&self->file);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->charts, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (mc_dataset_parent_class)->finalize (object);
}

static void
mc_dataset_class_init (McDatasetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_dataset_finalize;
}

static void
mc_dataset_init (McDataset *self)
{
  self->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_column_free);
  self->charts = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_chart_spec_free);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->warnings, NULL);
}

McDataset *
mc_dataset_new (const char *id)
{
  McDataset *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (MC_TYPE_DATASET, NULL);
  self->id = g_strdup (id);
  return self;
}

const char *
mc_dataset_get_id (McDataset *self)
{
  g_return_val_if_fail (MC_IS_DATASET (self), NULL);
  return self->id;
}

const char *
mc_dataset_get_title (McDataset *self)
{
  g_return_val_if_fail (MC_IS_DATASET (self), NULL);
  return self->title ? self->title : self->id;
}

void
mc_dataset_set_title (McDataset  *self,
                      const char *title)
{
  g_return_if_fail (MC_IS_DATASET (self));
  mc_set_str (&self->title, title);
}

const char *
mc_dataset_get_description (McDataset *self)
{
  g_return_val_if_fail (MC_IS_DATASET (self), NULL);
  return self->description;
}

void
mc_dataset_set_description (McDataset  *self,
                            const char *description)
{
  g_return_if_fail (MC_IS_DATASET (self));
  mc_set_str (&self->description, description);
}

const char *
mc_dataset_get_source_name (McDataset *self)
{
  g_return_val_if_fail (MC_IS_DATASET (self), NULL);
  return self->source_name;
}

const char *
mc_dataset_get_source_url (McDataset *self)
{
  g_return_val_if_fail (MC_IS_DATASET (self), NULL);
  return self->source_url;
}

const char *
mc_dataset_get_source_date (McDataset *self)
{
  g_return_val_if_fail (MC_IS_DATASET (self), NULL);
  return self->source_date;
}

void
mc_dataset_set_source (McDataset  *self,
                       const char *name,
                       const char *url,
                       const char *date)
{
  g_return_if_fail (MC_IS_DATASET (self));
  mc_set_str (&self->source_name, name);
  mc_set_str (&self->source_url, url);
  mc_set_str (&self->source_date, date);
}

GFile *
mc_dataset_get_file (McDataset *self)
{
  g_return_val_if_fail (MC_IS_DATASET (self), NULL);
  return self->file;
}

void
mc_dataset_set_file (McDataset *self,
                     GFile     *file)
{
  g_return_if_fail (MC_IS_DATASET (self));
  g_set_object (&self->file, file);
}

gboolean
mc_dataset_get_bundled (McDataset *self)
{
  g_return_val_if_fail (MC_IS_DATASET (self), FALSE);
  return self->bundled;
}

void
mc_dataset_set_bundled (McDataset *self,
                        gboolean   bundled)
{
  g_return_if_fail (MC_IS_DATASET (self));
  self->bundled = !!bundled;
}

guint
mc_dataset_get_n_rows (McDataset *self)
{
  g_return_val_if_fail (MC_IS_DATASET (self), 0);

  if (self->columns->len == 0)
    return 0;
  return mc_column_get_n_rows (g_ptr_array_index (self->columns, 0));
}

guint
mc_dataset_get_n_columns (McDataset *self)
{
  g_return_val_if_fail (MC_IS_DATASET (self), 0);
  return self->columns->len;
}

McColumn *
mc_dataset_get_column (McDataset *self,
                       guint      index)
{
  g_return_val_if_fail (MC_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->columns->len, NULL);
  return g_ptr_array_index (self->columns, index);
}

int
mc_dataset_get_column_index (McDataset  *self,
                             const char *id)
{
  g_return_val_if_fail (MC_IS_DATASET (self), -1);

  for (guint i = 0; id != NULL && i < self->columns->len; i++)
    {
      McColumn *column = g_ptr_array_index (self->columns, i);

      if (g_str_equal (mc_column_get_id (column), id))
        return i;
    }
  return -1;
}

McColumn *
mc_dataset_lookup_column (McDataset  *self,
                          const char *id)
{
  int index = mc_dataset_get_column_index (self, id);

  return index < 0 ? NULL : g_ptr_array_index (self->columns, index);
}

gboolean
mc_dataset_add_column (McDataset *self,
                       McColumn  *column)
{
  g_return_val_if_fail (MC_IS_DATASET (self), FALSE);
  g_return_val_if_fail (column != NULL, FALSE);

  if (mc_dataset_get_column_index (self, mc_column_get_id (column)) >= 0)
    {
      mc_column_free (column);
      return FALSE;
    }
  g_ptr_array_add (self->columns, column);
  return TRUE;
}

guint
mc_dataset_get_n_charts (McDataset *self)
{
  g_return_val_if_fail (MC_IS_DATASET (self), 0);
  return self->charts->len;
}

const McChartSpec *
mc_dataset_get_chart (McDataset *self,
                      guint      index)
{
  g_return_val_if_fail (MC_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->charts->len, NULL);
  return g_ptr_array_index (self->charts, index);
}

const McChartSpec *
mc_dataset_lookup_chart (McDataset  *self,
                         const char *id)
{
  g_return_val_if_fail (MC_IS_DATASET (self), NULL);

  for (guint i = 0; id != NULL && i < self->charts->len; i++)
    {
      const McChartSpec *spec = g_ptr_array_index (self->charts, i);

      if (g_strcmp0 (spec->id, id) == 0)
        return spec;
    }
  return NULL;
}

gboolean
mc_dataset_add_chart (McDataset   *self,
                      McChartSpec *spec)
{
  g_return_val_if_fail (MC_IS_DATASET (self), FALSE);
  g_return_val_if_fail (spec != NULL && spec->id != NULL, FALSE);

  if (mc_dataset_lookup_chart (self, spec->id) != NULL)
    {
      mc_chart_spec_free (spec);
      return FALSE;
    }
  g_ptr_array_add (self->charts, spec);
  return TRUE;
}

const char * const *
mc_dataset_get_warnings (McDataset *self)
{
  g_return_val_if_fail (MC_IS_DATASET (self), NULL);
  return (const char * const *) self->warnings->pdata;
}

void
mc_dataset_add_warning (McDataset  *self,
                        const char *message)
{
  g_return_if_fail (MC_IS_DATASET (self));
  g_return_if_fail (message != NULL);

  /* Keep the array NULL-terminated. */
  self->warnings->pdata[self->warnings->len - 1] = g_strdup (message);
  g_ptr_array_add (self->warnings, NULL);
}

/**
 * mc_dataset_equal:
 *
 * Returns: whether @a and @b hold the same data, metadata and charts.
 *   Where they were read from and the warnings of reading them do not
 *   count.
 */
gboolean
mc_dataset_equal (McDataset *a,
                  McDataset *b)
{
  g_return_val_if_fail (MC_IS_DATASET (a) && MC_IS_DATASET (b), FALSE);

  if (g_strcmp0 (a->id, b->id) != 0 || g_strcmp0 (a->title, b->title) != 0
      || g_strcmp0 (a->description, b->description) != 0
      || g_strcmp0 (a->source_name, b->source_name) != 0
      || g_strcmp0 (a->source_url, b->source_url) != 0
      || g_strcmp0 (a->source_date, b->source_date) != 0
      || a->columns->len != b->columns->len || a->charts->len != b->charts->len)
    return FALSE;
  for (guint i = 0; i < a->columns->len; i++)
    if (!mc_column_equal (g_ptr_array_index (a->columns, i), g_ptr_array_index (b->columns, i)))
      return FALSE;
  for (guint i = 0; i < a->charts->len; i++)
    if (!mc_chart_spec_equal (g_ptr_array_index (a->charts, i), g_ptr_array_index (b->charts, i)))
      return FALSE;
  return TRUE;
}
