/* mc-edit-columns.c: edits of columns: adding, deleting, moving,
 * renaming, and changing a column's unit, scale or type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-edit.h"
#include "mc-edit-private.h"

#include <glib/gi18n.h>

static void
column_change (guint     index,
               McChange *change)
{
  *change = (McChange) { MC_CHANGE_COLUMNS, 0, 0, (int) index, -1 };
}

/* Adding a column */

typedef struct
{
  guint         index;
  char         *id;
  char         *label;
  McColumnType  type;
} InsertColumn;

static gboolean
check_new_id (McDataset   *dataset,
              const char  *id,
              GError     **error)
{
  g_autofree char *shown = NULL;

  if (*id == '\0')
    {
      g_set_error_literal (error, MC_EDIT_ERROR, MC_EDIT_ERROR_VALUE,
                           _("A column needs a name"));
      return FALSE;
    }
  if (mc_dataset_get_column_index (dataset, id) < 0)
    return TRUE;
  shown = mc_edit_shown_id (id);
  g_set_error (error, MC_EDIT_ERROR, MC_EDIT_ERROR_DUPLICATE,
               _("There is already a column “%s”"), shown);
  return FALSE;
}

static gboolean
insert_column_apply (gpointer    data,
                     McDataset  *dataset,
                     McChange   *change,
                     GError    **error)
{
  InsertColumn *self = data;
  guint n_columns = mc_dataset_get_n_columns (dataset);
  guint n_rows = mc_dataset_get_n_rows (dataset);
  McColumn *column;

  if (!check_new_id (dataset, self->id, error))
    return FALSE;
  if (self->index > n_columns)
    {
      g_set_error (error, MC_EDIT_ERROR, MC_EDIT_ERROR_COLUMN,
                   ngettext ("A column cannot go at place %u: the table has %u column",
                             "A column cannot go at place %u: the table has %u columns",
                             n_columns),
                   self->index + 1, n_columns);
      return FALSE;
    }

  column = mc_column_new (self->id, self->label, self->type);
  mc_column_insert_missing (column, 0, n_rows);
  mc_dataset_insert_column (dataset, self->index, column);
  column_change (self->index, change);
  return TRUE;
}

static void
insert_column_revert (gpointer   data,
                      McDataset *dataset,
                      McChange  *change)
{
  InsertColumn *self = data;

  mc_column_free (mc_dataset_steal_column (dataset, self->index));
  column_change (self->index, change);
}

static void
insert_column_free (gpointer data)
{
  InsertColumn *self = data;

  g_free (self->id);
  g_free (self->label);
  g_free (self);
}

static const McEditClass insert_column_class = {
  insert_column_apply,
  insert_column_revert,
  NULL,
  insert_column_free,
};

/**
 * mc_edit_new_insert_column:
 * @index: where the column goes, from 0 to the number of columns
 * @id: the id of the new column, not taken by another
 * @label: (nullable): what people read; %NULL for the id
 * @type: what the column holds
 *
 * Returns: (transfer full): an edit that inserts a column of missing
 *   values
 */
McEdit *
mc_edit_new_insert_column (guint         index,
                           const char   *id,
                           const char   *label,
                           McColumnType  type)
{
  InsertColumn *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_new0 (InsertColumn, 1);
  self->index = index;
  self->id = g_strdup (id);
  self->label = g_strdup (label);
  self->type = type;
  /* Translators: an action to undo or redo, as in “Undo Add Column” */
  return mc_edit_new (&insert_column_class, _("Add Column"), self);
}

/* Deleting a column: the edit keeps it, to put it back. */

typedef struct
{
  char     *id;
  guint     index;
  McColumn *removed;
} RemoveColumn;

static gboolean
remove_column_apply (gpointer    data,
                     McDataset  *dataset,
                     McChange   *change,
                     GError    **error)
{
  RemoveColumn *self = data;

  if (!mc_edit_lookup_column (dataset, self->id, &self->index, error))
    return FALSE;
  if (mc_dataset_get_n_columns (dataset) == 1)
    {
      g_set_error_literal (error, MC_EDIT_ERROR, MC_EDIT_ERROR_COLUMN,
                           _("The last column cannot be deleted: a table needs at least one"));
      return FALSE;
    }

  self->removed = mc_dataset_steal_column (dataset, self->index);
  column_change (self->index, change);
  return TRUE;
}

static void
remove_column_revert (gpointer   data,
                      McDataset *dataset,
                      McChange  *change)
{
  RemoveColumn *self = data;

  mc_dataset_insert_column (dataset, self->index, g_steal_pointer (&self->removed));
  column_change (self->index, change);
}

static void
remove_column_free (gpointer data)
{
  RemoveColumn *self = data;

  g_free (self->id);
  g_clear_pointer (&self->removed, mc_column_free);
  g_free (self);
}

static const McEditClass remove_column_class = {
  remove_column_apply,
  remove_column_revert,
  NULL,
  remove_column_free,
};

/**
 * mc_edit_new_remove_column:
 * @id: the id of a column
 *
 * Returns: (transfer full): an edit that deletes a column, and puts it
 *   back with its values and annotations when reverted
 */
McEdit *
mc_edit_new_remove_column (const char *id)
{
  RemoveColumn *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_new0 (RemoveColumn, 1);
  self->id = g_strdup (id);
  /* Translators: an action to undo or redo, as in “Undo Delete Column” */
  return mc_edit_new (&remove_column_class, _("Delete Column"), self);
}

/* Moving a column */

typedef struct
{
  char  *id;
  guint  from;
  guint  to;
} MoveColumn;

static gboolean
move_column_apply (gpointer    data,
                   McDataset  *dataset,
                   McChange   *change,
                   GError    **error)
{
  MoveColumn *self = data;
  guint n_columns = mc_dataset_get_n_columns (dataset);

  if (!mc_edit_lookup_column (dataset, self->id, &self->from, error))
    return FALSE;
  if (self->to >= n_columns)
    {
      g_set_error (error, MC_EDIT_ERROR, MC_EDIT_ERROR_COLUMN,
                   ngettext ("A column cannot go at place %u: the table has %u column",
                             "A column cannot go at place %u: the table has %u columns",
                             n_columns),
                   self->to + 1, n_columns);
      return FALSE;
    }

  mc_dataset_move_column (dataset, self->from, self->to);
  column_change (self->to, change);
  change->column = -1;
  return TRUE;
}

static void
move_column_revert (gpointer   data,
                    McDataset *dataset,
                    McChange  *change)
{
  MoveColumn *self = data;

  mc_dataset_move_column (dataset, self->to, self->from);
  column_change (self->from, change);
  change->column = -1;
}

static void
move_column_free (gpointer data)
{
  MoveColumn *self = data;

  g_free (self->id);
  g_free (self);
}

static const McEditClass move_column_class = {
  move_column_apply,
  move_column_revert,
  NULL,
  move_column_free,
};

/**
 * mc_edit_new_move_column:
 * @id: the id of a column
 * @to: its index once moved
 *
 * Returns: (transfer full): an edit that moves a column
 */
McEdit *
mc_edit_new_move_column (const char *id,
                         guint       to)
{
  MoveColumn *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_new0 (MoveColumn, 1);
  self->id = g_strdup (id);
  self->to = to;
  /* Translators: an action to undo or redo, as in “Undo Move Column” */
  return mc_edit_new (&move_column_class, _("Move Column"), self);
}

/* A column's label, unit or scale. Each is kept as text (a scale by its
 * name in dataset files), so that one kind of edit serves them all. */

typedef enum
{
  COLUMN_LABEL,
  COLUMN_UNIT,
  COLUMN_SCALE,
} ColumnField;

typedef struct
{
  char        *id;
  ColumnField  field;
  char        *value;
  char        *old_value;
} SetColumnField;

static const char *
column_field_get (McColumn    *column,
                  ColumnField  field)
{
  switch (field)
    {
    case COLUMN_LABEL:
      return mc_column_get_label (column);
    case COLUMN_UNIT:
      return mc_column_get_unit (column);
    case COLUMN_SCALE:
    default:
      return mc_scale_to_string (mc_column_get_scale (column));
    }
}

static void
column_field_set (McColumn    *column,
                  ColumnField  field,
                  const char  *value)
{
  McScale scale = MC_SCALE_NONE;

  switch (field)
    {
    case COLUMN_LABEL:
      mc_column_set_label (column, value);
      break;
    case COLUMN_UNIT:
      mc_column_set_unit (column, value != NULL && *value != '\0' ? value : NULL);
      break;
    case COLUMN_SCALE:
    default:
      mc_scale_from_string (value, &scale);
      mc_column_set_scale (column, scale);
      break;
    }
}

static gboolean
set_column_field_apply (gpointer    data,
                        McDataset  *dataset,
                        McChange   *change,
                        GError    **error)
{
  SetColumnField *self = data;
  McColumn *column;
  guint index;

  if (!mc_edit_lookup_column (dataset, self->id, &index, error))
    return FALSE;

  column = mc_dataset_get_column (dataset, index);
  g_free (self->old_value);
  self->old_value = g_strdup (column_field_get (column, self->field));
  column_field_set (column, self->field, self->value);
  column_change (index, change);
  return TRUE;
}

static void
set_column_field_revert (gpointer   data,
                         McDataset *dataset,
                         McChange  *change)
{
  SetColumnField *self = data;
  int index = mc_dataset_get_column_index (dataset, self->id);

  g_return_if_fail (index >= 0);

  column_field_set (mc_dataset_get_column (dataset, index), self->field, self->old_value);
  column_change (index, change);
}

/* Typing a label or a unit is one step. */
static gboolean
set_column_field_merge (gpointer      data,
                        gconstpointer next)
{
  SetColumnField *self = data;
  const SetColumnField *other = next;

  if (self->field != other->field || g_strcmp0 (self->id, other->id) != 0)
    return FALSE;
  g_free (self->value);
  self->value = g_strdup (other->value);
  return TRUE;
}

static void
set_column_field_free (gpointer data)
{
  SetColumnField *self = data;

  g_free (self->id);
  g_free (self->value);
  g_free (self->old_value);
  g_free (self);
}

static const McEditClass set_column_field_class = {
  set_column_field_apply,
  set_column_field_revert,
  set_column_field_merge,
  set_column_field_free,
};

static McEdit *
set_column_field_new (const char  *id,
                      ColumnField  field,
                      const char  *value,
                      const char  *label)
{
  SetColumnField *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_new0 (SetColumnField, 1);
  self->id = g_strdup (id);
  self->field = field;
  self->value = g_strdup (value);
  return mc_edit_new (&set_column_field_class, label, self);
}

/**
 * mc_edit_new_set_column_label:
 * @id: the id of a column
 * @label: (nullable): what people read; %NULL or "" for the id
 *
 * Renames a column as people read it. Its id, which charts use, stays.
 *
 * Returns: (transfer full): the edit
 */
McEdit *
mc_edit_new_set_column_label (const char *id,
                              const char *label)
{
  /* Translators: an action to undo or redo, as in “Undo Rename Column” */
  return set_column_field_new (id, COLUMN_LABEL, label, _("Rename Column"));
}

/**
 * mc_edit_new_set_column_unit:
 * @id: the id of a column
 * @unit: (nullable): "USD", "percent", …; %NULL or "" for none
 *
 * Returns: (transfer full): the edit
 */
McEdit *
mc_edit_new_set_column_unit (const char *id,
                             const char *unit)
{
  /* Translators: an action to undo or redo, as in “Undo Change Unit” */
  return set_column_field_new (id, COLUMN_UNIT, unit, _("Change Unit"));
}

/**
 * mc_edit_new_set_column_scale:
 * @id: the id of a column
 * @scale: the multiplier its numbers are written in
 *
 * Returns: (transfer full): the edit
 */
McEdit *
mc_edit_new_set_column_scale (const char *id,
                              McScale     scale)
{
  return set_column_field_new (id, COLUMN_SCALE, mc_scale_to_string (scale),
                               /* Translators: an action to undo or redo, as in
                                * “Undo Change Scale” */
                               _("Change Scale"));
}

/* Replacing a column by another of the same id: applying and reverting
 * both swap the column of the dataset with the one the edit holds. */

typedef struct
{
  McColumn *column;
} ReplaceColumn;

static gboolean
replace_column_swap (ReplaceColumn  *self,
                     McDataset      *dataset,
                     McChange       *change,
                     GError        **error)
{
  guint index;

  if (!mc_edit_lookup_column (dataset, mc_column_get_id (self->column), &index, error))
    return FALSE;
  if (mc_column_get_n_rows (self->column) != mc_dataset_get_n_rows (dataset))
    {
      g_autofree char *shown = mc_edit_shown_id (mc_column_get_id (self->column));

      g_set_error (error, MC_EDIT_ERROR, MC_EDIT_ERROR_ROW,
                   _("The new column “%s” does not have as many rows as the table"), shown);
      return FALSE;
    }

  {
    McColumn *old = mc_dataset_steal_column (dataset, index);

    mc_dataset_insert_column (dataset, index, self->column);
    self->column = old;
  }
  column_change (index, change);
  return TRUE;
}

static gboolean
replace_column_apply (gpointer    data,
                      McDataset  *dataset,
                      McChange   *change,
                      GError    **error)
{
  return replace_column_swap (data, dataset, change, error);
}

static void
replace_column_revert (gpointer   data,
                       McDataset *dataset,
                       McChange  *change)
{
  replace_column_swap (data, dataset, change, NULL);
}

static void
replace_column_free (gpointer data)
{
  ReplaceColumn *self = data;

  mc_column_free (self->column);
  g_free (self);
}

static const McEditClass replace_column_class = {
  replace_column_apply,
  replace_column_revert,
  NULL,
  replace_column_free,
};

/**
 * mc_edit_new_replace_column:
 * @column: (transfer full): the new column, with the id of the one it
 *   replaces and as many rows as the dataset
 * @label: the edit as the Undo and Redo menu items name it, translated
 *
 * For changes that make a new column, such as a change of type, whose
 * values io/mc-column-convert.c reads again as the loader would.
 *
 * Returns: (transfer full): an edit that puts @column in place of the
 *   column of its id, and puts that one back when reverted
 */
McEdit *
mc_edit_new_replace_column (McColumn   *column,
                            const char *label)
{
  ReplaceColumn *self;

  g_return_val_if_fail (column != NULL && label != NULL, NULL);

  self = g_new0 (ReplaceColumn, 1);
  self->column = column;
  return mc_edit_new (&replace_column_class, label, self);
}
