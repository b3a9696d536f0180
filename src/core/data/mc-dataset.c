/* mc-dataset.c: a table of typed columns with its metadata and the
 * specifications of its charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-dataset.h"

#include <math.h>

#include "mc-extras.h"
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
  char       *reader;
  char       *rows_file;
  GHashTable *extras;    /* unknown keys; created on demand */
  GPtrArray  *columns;   /* McColumn */
  GPtrArray  *charts;    /* McChartSpec */
  GPtrArray  *warnings;  /* char *, NULL-terminated */
  GPtrArray  *notes;     /* char *, NULL-terminated */
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
  g_free (self->reader);
  g_free (self->rows_file);
  g_clear_pointer (&self->extras, g_hash_table_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->charts, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);

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
  self->notes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->notes, NULL);
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

/**
 * mc_dataset_copy:
 * @self: a dataset
 *
 * A copy of everything @self holds, where it was read from and its
 * warnings included. Columns share their values with @self until one of
 * them changes (copy-on-write), so that a copy of millions of rows is
 * cheap: a draft is written from one in a thread while edits go on.
 *
 * Returns: (transfer full): the copy
 */
McDataset *
mc_dataset_copy (McDataset *self)
{
  McDataset *copy;

  g_return_val_if_fail (MC_IS_DATASET (self), NULL);

  copy = mc_dataset_new (self->id);
  copy->title = g_strdup (self->title);
  copy->description = g_strdup (self->description);
  mc_dataset_set_source (copy, self->source_name, self->source_url, self->source_date);
  g_set_object (&copy->file, self->file);
  copy->bundled = self->bundled;
  copy->reader = g_strdup (self->reader);
  copy->rows_file = g_strdup (self->rows_file);
  copy->extras = mc_extras_copy (self->extras);
  for (guint i = 0; i < self->columns->len; i++)
    g_ptr_array_add (copy->columns, mc_column_snapshot (g_ptr_array_index (self->columns, i)));
  for (guint i = 0; i < self->charts->len; i++)
    g_ptr_array_add (copy->charts, mc_chart_spec_copy (g_ptr_array_index (self->charts, i)));
  for (guint i = 0; self->warnings->pdata[i] != NULL; i++)
    mc_dataset_add_warning (copy, self->warnings->pdata[i]);
  return copy;
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

const char *
mc_dataset_get_reader (McDataset *self)
{
  g_return_val_if_fail (MC_IS_DATASET (self), NULL);
  return self->reader;
}

void
mc_dataset_set_reader (McDataset  *self,
                       const char *reader)
{
  g_return_if_fail (MC_IS_DATASET (self));
  mc_set_str (&self->reader, reader);
}

const char *
mc_dataset_get_rows_file (McDataset *self)
{
  g_return_val_if_fail (MC_IS_DATASET (self), NULL);
  return self->rows_file;
}

void
mc_dataset_set_rows_file (McDataset  *self,
                          const char *name)
{
  g_return_if_fail (MC_IS_DATASET (self));
  mc_set_str (&self->rows_file, name);
}

GHashTable *
mc_dataset_get_extras (McDataset *self)
{
  g_return_val_if_fail (MC_IS_DATASET (self), NULL);
  return self->extras;
}

void
mc_dataset_set_extra (McDataset  *self,
                      const char *key,
                      const char *json)
{
  g_return_if_fail (MC_IS_DATASET (self));
  mc_extras_set (&self->extras, key, json);
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

/* Changing cells, rows and columns. Charts are left as they are: whether
 * they still fit the data is for the caller to check. */

static McColumn *
mc_dataset_get_cell_column (McDataset *self,
                            guint      row,
                            guint      column)
{
  g_return_val_if_fail (MC_IS_DATASET (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  g_return_val_if_fail (row < mc_dataset_get_n_rows (self), NULL);

  return g_ptr_array_index (self->columns, column);
}

/**
 * mc_dataset_set_value:
 * @self: a dataset
 * @row: a row
 * @column: the index of a number, date or boolean column
 * @value: the new value, NAN for missing
 *
 * Sets the value of a cell, keeping its annotation.
 */
void
mc_dataset_set_value (McDataset *self,
                      guint      row,
                      guint      column,
                      double     value)
{
  mc_dataset_set_written_value (self, row, column, value, MC_DECIMALS_UNKNOWN);
}

/**
 * mc_dataset_set_written_value:
 * @decimals: the decimals @value was written with, MC_DECIMALS_UNKNOWN
 *   when unknown
 *
 * Same as mc_dataset_set_value(), for a value as someone wrote it.
 */
void
mc_dataset_set_written_value (McDataset *self,
                              guint      row,
                              guint      column,
                              double     value,
                              int        decimals)
{
  McColumn *cells = mc_dataset_get_cell_column (self, row, column);

  if (cells != NULL)
    mc_column_set_written_value (cells, row, value, decimals);
}

/**
 * mc_dataset_set_string:
 * @self: a dataset
 * @row: a row
 * @column: the index of a string column
 * @value: (nullable): the new string, NULL for missing
 *
 * Sets the string of a cell, keeping its annotation.
 */
void
mc_dataset_set_string (McDataset  *self,
                       guint       row,
                       guint       column,
                       const char *value)
{
  McColumn *cells = mc_dataset_get_cell_column (self, row, column);

  if (cells != NULL)
    mc_column_set_string (cells, row, value);
}

/**
 * mc_dataset_set_missing:
 * @self: a dataset
 * @row: a row
 * @column: the index of a column
 *
 * Makes the value of a cell missing, keeping its annotation.
 */
void
mc_dataset_set_missing (McDataset *self,
                        guint      row,
                        guint      column)
{
  McColumn *cells = mc_dataset_get_cell_column (self, row, column);

  if (cells != NULL)
    mc_column_set_missing (cells, row);
}

/**
 * mc_dataset_set_annotation:
 * @self: a dataset
 * @row: a row
 * @column: the index of a column
 * @estimate: whether the value is an estimate
 * @note: (nullable): a note on the value
 *
 * Sets whether a cell is an estimate and its note; %FALSE and %NULL clear
 * its annotation.
 */
void
mc_dataset_set_annotation (McDataset  *self,
                           guint       row,
                           guint       column,
                           gboolean    estimate,
                           const char *note)
{
  McColumn *cells = mc_dataset_get_cell_column (self, row, column);

  if (cells != NULL)
    mc_column_set_annotation (cells, row, estimate, note);
}

/**
 * mc_dataset_insert_rows:
 * @self: a dataset
 * @index: where the new rows go, from 0 to the number of rows
 * @n_rows: how many rows to insert
 *
 * Inserts @n_rows rows of missing values before row @index.
 */
void
mc_dataset_insert_rows (McDataset *self,
                        guint      index,
                        guint      n_rows)
{
  g_return_if_fail (MC_IS_DATASET (self));
  g_return_if_fail (index <= mc_dataset_get_n_rows (self));

  for (guint i = 0; i < self->columns->len; i++)
    mc_column_insert_missing (g_ptr_array_index (self->columns, i), index, n_rows);
}

/**
 * mc_dataset_copy_rows:
 * @self: a dataset
 * @index: the first row to copy
 * @n_rows: how many rows to copy
 *
 * The cells of @n_rows rows from @index, with their annotations, such as
 * rows about to be removed, for mc_dataset_insert_rows_from().
 *
 * Returns: (transfer full) (element-type McColumn): one column per column
 *   of @self, in order, each holding those rows (see mc_column_copy_rows())
 */
GPtrArray *
mc_dataset_copy_rows (McDataset *self,
                      guint      index,
                      guint      n_rows)
{
  GPtrArray *rows;

  g_return_val_if_fail (MC_IS_DATASET (self), NULL);

  rows = g_ptr_array_new_full (self->columns->len, (GDestroyNotify) mc_column_free);
  for (guint i = 0; i < self->columns->len; i++)
    g_ptr_array_add (rows, mc_column_copy_rows (g_ptr_array_index (self->columns, i),
                                                index, n_rows));
  return rows;
}

/**
 * mc_dataset_insert_rows_from:
 * @self: a dataset
 * @index: where the rows go, from 0 to the number of rows
 * @rows: (element-type McColumn): one column per column of @self, of the
 *   same types and as many rows each, as from mc_dataset_copy_rows()
 *
 * Inserts a copy of the cells of @rows, with their annotations, before row
 * @index: the inverse of mc_dataset_remove_rows() after
 * mc_dataset_copy_rows().
 */
void
mc_dataset_insert_rows_from (McDataset *self,
                             guint      index,
                             GPtrArray *rows)
{
  g_return_if_fail (MC_IS_DATASET (self));
  g_return_if_fail (rows != NULL && rows->len == self->columns->len);
  g_return_if_fail (index <= mc_dataset_get_n_rows (self));

  for (guint i = 0; i < self->columns->len; i++)
    mc_column_insert_rows (g_ptr_array_index (self->columns, i), index,
                           g_ptr_array_index (rows, i));
}

/**
 * mc_dataset_remove_rows:
 * @self: a dataset
 * @index: the first row to remove
 * @n_rows: how many rows to remove
 *
 * Removes @n_rows rows from @index, with their annotations.
 */
void
mc_dataset_remove_rows (McDataset *self,
                        guint      index,
                        guint      n_rows)
{
  g_return_if_fail (MC_IS_DATASET (self));
  g_return_if_fail (index <= mc_dataset_get_n_rows (self));
  g_return_if_fail (n_rows <= mc_dataset_get_n_rows (self) - index);

  for (guint i = 0; i < self->columns->len; i++)
    mc_column_remove_rows (g_ptr_array_index (self->columns, i), index, n_rows);
}

/**
 * mc_dataset_insert_column:
 * @self: a dataset
 * @index: where the column goes, from 0 to the number of columns
 * @column: (transfer full): the column
 *
 * Inserts @column before the column at @index. It fails, freeing @column,
 * if its id is taken or, unless @self has no columns, if it does not have
 * as many rows as @self.
 *
 * Returns: whether @column was inserted
 */
gboolean
mc_dataset_insert_column (McDataset *self,
                          guint      index,
                          McColumn  *column)
{
  g_return_val_if_fail (MC_IS_DATASET (self), FALSE);
  g_return_val_if_fail (column != NULL, FALSE);
  g_return_val_if_fail (index <= self->columns->len, FALSE);

  if (mc_dataset_get_column_index (self, mc_column_get_id (column)) >= 0
      || (self->columns->len > 0
          && mc_column_get_n_rows (column) != mc_dataset_get_n_rows (self)))
    {
      mc_column_free (column);
      return FALSE;
    }
  g_ptr_array_insert (self->columns, index, column);
  return TRUE;
}

/**
 * mc_dataset_steal_column:
 * @self: a dataset
 * @index: the index of a column
 *
 * Removes the column at @index and gives it to the caller, who may put it
 * back with mc_dataset_insert_column().
 *
 * Returns: (transfer full): the column
 */
McColumn *
mc_dataset_steal_column (McDataset *self,
                         guint      index)
{
  g_return_val_if_fail (MC_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->columns->len, NULL);

  return g_ptr_array_steal_index (self->columns, index);
}

/**
 * mc_dataset_move_column:
 * @self: a dataset
 * @from: the index of a column
 * @to: its index once moved
 */
void
mc_dataset_move_column (McDataset *self,
                        guint      from,
                        guint      to)
{
  g_return_if_fail (MC_IS_DATASET (self));
  g_return_if_fail (from < self->columns->len && to < self->columns->len);

  g_ptr_array_insert (self->columns, to, g_ptr_array_steal_index (self->columns, from));
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

int
mc_dataset_get_chart_index (McDataset  *self,
                            const char *id)
{
  g_return_val_if_fail (MC_IS_DATASET (self), -1);

  for (guint i = 0; id != NULL && i < self->charts->len; i++)
    {
      const McChartSpec *spec = g_ptr_array_index (self->charts, i);

      if (g_strcmp0 (spec->id, id) == 0)
        return i;
    }
  return -1;
}

const McChartSpec *
mc_dataset_lookup_chart (McDataset  *self,
                         const char *id)
{
  int index = mc_dataset_get_chart_index (self, id);

  return index < 0 ? NULL : g_ptr_array_index (self->charts, index);
}

gboolean
mc_dataset_add_chart (McDataset   *self,
                      McChartSpec *spec)
{
  g_return_val_if_fail (MC_IS_DATASET (self), FALSE);

  return mc_dataset_insert_chart (self, self->charts->len, spec);
}

gboolean
mc_dataset_insert_chart (McDataset   *self,
                         guint        index,
                         McChartSpec *spec)
{
  g_return_val_if_fail (MC_IS_DATASET (self), FALSE);
  g_return_val_if_fail (spec != NULL && spec->id != NULL, FALSE);
  g_return_val_if_fail (index <= self->charts->len, FALSE);

  if (mc_dataset_lookup_chart (self, spec->id) != NULL)
    {
      mc_chart_spec_free (spec);
      return FALSE;
    }
  g_ptr_array_insert (self->charts, index, spec);
  return TRUE;
}

McChartSpec *
mc_dataset_steal_chart (McDataset *self,
                        guint      index)
{
  g_return_val_if_fail (MC_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->charts->len, NULL);

  return g_ptr_array_steal_index (self->charts, index);
}

McChartSpec *
mc_dataset_replace_chart (McDataset   *self,
                          guint        index,
                          McChartSpec *spec)
{
  McChartSpec *old;

  g_return_val_if_fail (MC_IS_DATASET (self), NULL);
  g_return_val_if_fail (spec != NULL && spec->id != NULL, NULL);
  g_return_val_if_fail (index < self->charts->len, NULL);

  old = g_ptr_array_index (self->charts, index);
  self->charts->pdata[index] = spec;
  return old;
}

void
mc_dataset_move_chart (McDataset *self,
                       guint      from,
                       guint      to)
{
  g_return_if_fail (MC_IS_DATASET (self));
  g_return_if_fail (from < self->charts->len && to < self->charts->len);

  g_ptr_array_insert (self->charts, to, g_ptr_array_steal_index (self->charts, from));
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

const char * const *
mc_dataset_get_notes (McDataset *self)
{
  g_return_val_if_fail (MC_IS_DATASET (self), NULL);
  return (const char * const *) self->notes->pdata;
}

void
mc_dataset_add_note (McDataset  *self,
                     const char *message)
{
  g_return_if_fail (MC_IS_DATASET (self));
  g_return_if_fail (message != NULL);

  self->notes->pdata[self->notes->len - 1] = g_strdup (message);
  g_ptr_array_add (self->notes, NULL);
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
      || a->columns->len != b->columns->len || a->charts->len != b->charts->len
      || !mc_extras_equal (a->extras, b->extras))
    return FALSE;
  for (guint i = 0; i < a->columns->len; i++)
    if (!mc_column_equal (g_ptr_array_index (a->columns, i), g_ptr_array_index (b->columns, i)))
      return FALSE;
  for (guint i = 0; i < a->charts->len; i++)
    if (!mc_chart_spec_equal (g_ptr_array_index (a->charts, i), g_ptr_array_index (b->charts, i)))
      return FALSE;
  return TRUE;
}
