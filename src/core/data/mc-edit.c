/* mc-edit.c: a change to a dataset that can apply and revert itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-edit.h"
#include "mc-edit-private.h"

#include <glib/gi18n.h>
#include <math.h>

/* An edit is a reference-counted struct holding a table of functions and
 * the data of its kind, not a GObject: it has no properties or signals to
 * offer, a history may hold thousands of them (one per cell typed), and a
 * new kind of edit (rename a column, set a chart option) is a static
 * table and a constructor, not a registered type. Counting references
 * lets a history and, say, the Undo menu share one edit. */
struct _McEdit
{
  const McEditClass *klass;
  gpointer           data;
  char              *label;
  grefcount          ref_count;
  gboolean           applied;
};

G_DEFINE_QUARK (mc-edit-error-quark, mc_edit_error)

/* Any edit */

/**
 * mc_edit_new:
 * @klass: what edits of this kind do; it must outlive the edit
 * @label: the edit as the Undo and Redo menu items name it, translated
 * @data: (transfer full): the edit's own data, freed with @klass->free
 *
 * Makes an edit of a new kind: the constructors of edits call this.
 *
 * Returns: (transfer full): the edit, not applied yet
 */
McEdit *
mc_edit_new (const McEditClass *klass,
             const char        *label,
             gpointer           data)
{
  McEdit *edit;

  g_return_val_if_fail (klass != NULL && klass->apply != NULL, NULL);
  g_return_val_if_fail (klass->revert != NULL, NULL);
  g_return_val_if_fail (label != NULL, NULL);

  edit = g_new0 (McEdit, 1);
  edit->klass = klass;
  edit->data = data;
  edit->label = g_strdup (label);
  g_ref_count_init (&edit->ref_count);
  return edit;
}

/**
 * mc_edit_ref:
 * @edit: an edit
 *
 * Returns: (transfer full): @edit
 */
McEdit *
mc_edit_ref (McEdit *edit)
{
  g_return_val_if_fail (edit != NULL, NULL);

  g_ref_count_inc (&edit->ref_count);
  return edit;
}

/**
 * mc_edit_unref:
 * @edit: (transfer full): an edit
 */
void
mc_edit_unref (McEdit *edit)
{
  g_return_if_fail (edit != NULL);

  if (!g_ref_count_dec (&edit->ref_count))
    return;
  if (edit->klass->free != NULL)
    edit->klass->free (edit->data);
  g_free (edit->label);
  g_free (edit);
}

/**
 * mc_edit_get_label:
 * @edit: an edit
 *
 * Returns: what the Undo and Redo menu items call @edit ("Edit Cell")
 */
const char *
mc_edit_get_label (McEdit *edit)
{
  g_return_val_if_fail (edit != NULL, NULL);

  return edit->label;
}

/**
 * mc_edit_get_applied:
 * @edit: an edit
 *
 * Returns: whether @edit was applied and not reverted since
 */
gboolean
mc_edit_get_applied (McEdit *edit)
{
  g_return_val_if_fail (edit != NULL, FALSE);

  return edit->applied;
}

/**
 * mc_edit_apply:
 * @edit: an edit that is not applied
 * @dataset: the dataset to change
 * @change: (out caller-allocates) (optional): what changed
 * @error: return location for an error in %MC_EDIT_ERROR
 *
 * Checks that @edit fits @dataset (its rows and columns exist, its values
 * have their column's type), then changes @dataset and keeps what it needs
 * to revert the change. If @edit does not fit, @dataset is left as it was.
 *
 * Returns: whether @edit was applied
 */
gboolean
mc_edit_apply (McEdit     *edit,
               McDataset  *dataset,
               McChange   *change,
               GError    **error)
{
  McChange unused;

  g_return_val_if_fail (edit != NULL, FALSE);
  g_return_val_if_fail (MC_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (!edit->applied, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!edit->klass->apply (edit->data, dataset, change ? change : &unused, error))
    return FALSE;
  edit->applied = TRUE;
  return TRUE;
}

/**
 * mc_edit_revert:
 * @edit: an applied edit
 * @dataset: the dataset @edit was applied to, as @edit left it
 * @change: (out caller-allocates) (optional): what changed
 *
 * Puts @dataset back as it was before @edit was applied.
 */
void
mc_edit_revert (McEdit    *edit,
                McDataset *dataset,
                McChange  *change)
{
  McChange unused;

  g_return_if_fail (edit != NULL);
  g_return_if_fail (MC_IS_DATASET (dataset));
  g_return_if_fail (edit->applied);

  edit->klass->revert (edit->data, dataset, change ? change : &unused);
  edit->applied = FALSE;
}

/**
 * mc_edit_merge:
 * @edit: an applied edit
 * @next: an edit applied right after @edit
 *
 * Folds @next into @edit where their kind allows it (typing in one cell
 * twice), so that reverting @edit reverts both; @next must then not be
 * reverted on its own.
 *
 * Returns: whether @next was folded into @edit
 */
gboolean
mc_edit_merge (McEdit *edit,
               McEdit *next)
{
  g_return_val_if_fail (edit != NULL && next != NULL, FALSE);
  g_return_val_if_fail (edit->applied && next->applied, FALSE);

  if (edit == next || edit->klass != next->klass || edit->klass->merge == NULL)
    return FALSE;
  return edit->klass->merge (edit->data, next->data);
}

/* Checks shared by the kinds of edits */

/* Column ids come from files and can be of any length and bytes: messages
 * quote at most 60 characters of them. */
char *
mc_edit_shown_id (const char *id)
{
  g_autofree char *valid = g_utf8_make_valid (id, -1);
  g_autofree char *start = NULL;

  if (g_utf8_strlen (valid, -1) <= 60)
    return g_steal_pointer (&valid);
  start = g_utf8_substring (valid, 0, 60);
  return g_strconcat (start, "…", NULL);
}

gboolean
mc_edit_lookup_column (McDataset   *dataset,
                       const char  *id,
                       guint       *index,
                       GError     **error)
{
  int found = mc_dataset_get_column_index (dataset, id);
  g_autofree char *shown = NULL;

  if (found >= 0)
    {
      *index = found;
      return TRUE;
    }
  shown = mc_edit_shown_id (id);
  g_set_error (error, MC_EDIT_ERROR, MC_EDIT_ERROR_COLUMN,
               _("There is no column “%s”"), shown);
  return FALSE;
}

/* Checks that the @n_rows rows from @row exist, naming the first that
 * does not. */
gboolean
mc_edit_check_rows (McDataset  *dataset,
                    guint       row,
                    guint       n_rows,
                    GError    **error)
{
  guint n = mc_dataset_get_n_rows (dataset);

  if (row < n && n_rows <= n - row)
    return TRUE;
  g_set_error (error, MC_EDIT_ERROR, MC_EDIT_ERROR_ROW,
               /* Translators: the first %u is a row number, counted from 1 */
               ngettext ("Row %u does not exist: the table has %u row",
                         "Row %u does not exist: the table has %u rows", n),
               MAX (row, n) + 1, n);
  return FALSE;
}

/* Edits of a cell. The edit keeps the whole cell it replaced, value and
 * annotation, so that an edit of the annotation only (mark as estimate)
 * would differ in what it writes, not in how it reverts. */

typedef enum
{
  CELL_VALUE,
  CELL_STRING,
  CELL_MISSING,
} CellKind;

typedef struct
{
  CellKind  kind;
  double    value;
  char     *string;
  int       decimals;       /* as @value was written; MC_DECIMALS_UNKNOWN */
} CellValue;

/* A cell an edit writes, and the annotation it found there. */
typedef struct
{
  guint      row;
  char      *column_id;
  gboolean   old_estimate;
  char      *old_note;
} CellPlace;

typedef struct
{
  CellPlace  place;
  CellValue  new_value;
  CellValue  old_value;     /* as apply() found it */
  int        precision;     /* a date's, which the column may need; -1 */
  McDatePrecision old_precision;
} SetCell;

static void
cell_place_init (CellPlace  *place,
                 guint       row,
                 const char *column_id)
{
  place->row = row;
  place->column_id = g_strdup (column_id);
}

static void
cell_place_clear (CellPlace *place)
{
  g_free (place->column_id);
  g_free (place->old_note);
}

static gboolean
cell_place_equal (const CellPlace *place,
                  const CellPlace *other)
{
  return place->row == other->row && g_strcmp0 (place->column_id, other->column_id) == 0;
}

/* The column of the cell, when the cell exists, with the annotation it
 * has kept in @place. */
static McColumn *
cell_place_find (CellPlace  *place,
                 McDataset  *dataset,
                 guint      *index,
                 GError    **error)
{
  McColumn *column;

  if (!mc_edit_lookup_column (dataset, place->column_id, index, error)
      || !mc_edit_check_rows (dataset, place->row, 1, error))
    return NULL;
  column = mc_dataset_get_column (dataset, *index);
  place->old_estimate = mc_column_is_estimate (column, place->row);
  g_free (place->old_note);
  place->old_note = g_strdup (mc_column_get_note (column, place->row));
  return column;
}

static void
cell_place_change (const CellPlace *place,
                   guint            column,
                   McChange        *change)
{
  *change = (McChange) { MC_CHANGE_CELLS, place->row, 1, column, -1 };
}

/* Puts back the annotation the cell had. */
static void
cell_place_restore (const CellPlace *place,
                    McDataset       *dataset,
                    guint            column,
                    McChange        *change)
{
  mc_dataset_set_annotation (dataset, place->row, column, place->old_estimate, place->old_note);
  cell_place_change (place, column, change);
}

static void
cell_value_set (CellValue       *dest,
                const CellValue *source)
{
  g_free (dest->string);
  dest->kind = source->kind;
  dest->value = source->value;
  dest->string = g_strdup (source->string);
  dest->decimals = source->decimals;
}

/* Whole sentences per type, so that translators need not assemble them. */
static void
set_type_error (GError       **error,
                McColumnType   type,
                const char    *shown)
{
  switch (type)
    {
    case MC_COLUMN_STRING:
      g_set_error (error, MC_EDIT_ERROR, MC_EDIT_ERROR_TYPE,
                   _("Column “%s” holds text, not numbers"), shown);
      break;
    case MC_COLUMN_NUMBER:
      g_set_error (error, MC_EDIT_ERROR, MC_EDIT_ERROR_TYPE,
                   _("Column “%s” holds numbers, not text"), shown);
      break;
    case MC_COLUMN_DATE:
      g_set_error (error, MC_EDIT_ERROR, MC_EDIT_ERROR_TYPE,
                   _("Column “%s” holds dates, not text"), shown);
      break;
    case MC_COLUMN_BOOLEAN:
    default:
      g_set_error (error, MC_EDIT_ERROR, MC_EDIT_ERROR_TYPE,
                   _("Column “%s” holds true or false, not text"), shown);
      break;
    }
}

static gboolean
check_type (McColumn         *column,
            const CellValue  *cell,
            GError          **error)
{
  McColumnType type = mc_column_get_column_type (column);
  g_autofree char *shown = NULL;

  if (cell->kind == CELL_MISSING || (cell->kind == CELL_STRING) == (type == MC_COLUMN_STRING))
    return TRUE;
  shown = mc_edit_shown_id (mc_column_get_id (column));
  set_type_error (error, type, shown);
  return FALSE;
}

static gboolean
check_value (McColumn         *column,
             const CellValue  *cell,
             GError          **error)
{
  g_autofree char *shown = NULL;

  if (cell->kind != CELL_VALUE || isnan (cell->value))
    return TRUE;
  shown = mc_edit_shown_id (mc_column_get_id (column));
  if (isinf (cell->value))
    {
      g_set_error (error, MC_EDIT_ERROR, MC_EDIT_ERROR_VALUE,
                   _("Column “%s” cannot hold an infinite number"), shown);
      return FALSE;
    }
  if (mc_column_get_column_type (column) == MC_COLUMN_BOOLEAN
      && cell->value != 0 && cell->value != 1)
    {
      g_set_error (error, MC_EDIT_ERROR, MC_EDIT_ERROR_VALUE,
                   _("Column “%s” holds true or false (1 or 0), not %g"),
                   shown, cell->value);
      return FALSE;
    }
  return TRUE;
}

static void
write_cell (McDataset       *dataset,
            guint            row,
            guint            column,
            const CellValue *cell)
{
  switch (cell->kind)
    {
    case CELL_VALUE:
      mc_dataset_set_written_value (dataset, row, column, cell->value, cell->decimals);
      break;
    case CELL_STRING:
      mc_dataset_set_string (dataset, row, column, cell->string);
      break;
    case CELL_MISSING:
    default:
      mc_dataset_set_missing (dataset, row, column);
      break;
    }
}

static void
set_cell_save (SetCell  *self,
               McColumn *column)
{
  CellValue old = { CELL_VALUE, NAN, NULL, MC_DECIMALS_UNKNOWN };

  if (mc_column_get_column_type (column) == MC_COLUMN_STRING)
    {
      old.kind = CELL_STRING;
      old.string = (char *) mc_column_get_string (column, self->place.row);
    }
  else
    {
      old.value = mc_column_get_value (column, self->place.row);
      old.decimals = mc_column_get_decimals (column, self->place.row);
    }
  cell_value_set (&self->old_value, &old);
  self->old_precision = mc_column_get_date_precision (column);
}

/* A date column is as precise as its most precise date: a day typed in a
 * column of months makes it a column of days. */
static void
set_cell_widen_precision (SetCell  *self,
                          McColumn *column)
{
  if (mc_column_get_column_type (column) == MC_COLUMN_DATE
      && self->precision > (int) mc_column_get_date_precision (column))
    mc_column_set_date_precision (column, self->precision);
}

static gboolean
set_cell_apply (gpointer    data,
                McDataset  *dataset,
                McChange   *change,
                GError    **error)
{
  SetCell *self = data;
  McColumn *column;
  guint index;

  column = cell_place_find (&self->place, dataset, &index, error);
  if (column == NULL
      || !check_type (column, &self->new_value, error)
      || !check_value (column, &self->new_value, error))
    return FALSE;

  set_cell_save (self, column);
  write_cell (dataset, self->place.row, index, &self->new_value);
  set_cell_widen_precision (self, column);
  cell_place_change (&self->place, index, change);
  return TRUE;
}

static void
set_cell_revert (gpointer   data,
                 McDataset *dataset,
                 McChange  *change)
{
  SetCell *self = data;
  int index = mc_dataset_get_column_index (dataset, self->place.column_id);

  g_return_if_fail (index >= 0);

  write_cell (dataset, self->place.row, index, &self->old_value);
  mc_column_set_date_precision (mc_dataset_get_column (dataset, index), self->old_precision);
  cell_place_restore (&self->place, dataset, index, change);
}

/* Typing in a cell again right after is one step: the first edit keeps
 * the cell as it was and takes the value typed last. */
static gboolean
set_cell_merge (gpointer      data,
                gconstpointer next)
{
  SetCell *self = data;
  const SetCell *other = next;

  if (!cell_place_equal (&self->place, &other->place))
    return FALSE;
  cell_value_set (&self->new_value, &other->new_value);
  self->precision = MAX (self->precision, other->precision);
  return TRUE;
}

static void
set_cell_free (gpointer data)
{
  SetCell *self = data;

  cell_place_clear (&self->place);
  g_free (self->new_value.string);
  g_free (self->old_value.string);
  g_free (self);
}

static const McEditClass set_cell_class = {
  set_cell_apply,
  set_cell_revert,
  set_cell_merge,
  set_cell_free,
};

static McEdit *
set_cell_new (guint            row,
              const char      *column_id,
              const CellValue *value)
{
  SetCell *self = g_new0 (SetCell, 1);

  cell_place_init (&self->place, row, column_id);
  self->precision = -1;
  cell_value_set (&self->new_value, value);
  /* Translators: an action to undo or redo, as in “Undo Edit Cell” */
  return mc_edit_new (&set_cell_class, _("Edit Cell"), self);
}

/**
 * mc_edit_new_set_value:
 * @row: a row of the dataset
 * @column_id: the id of a number, date or boolean column
 * @value: the new value (days since 1970-01-01 for a date, 0 or 1 for a
 *   boolean), NAN for missing
 *
 * Returns: (transfer full): an edit that sets the value of a cell and
 *   keeps its annotation
 */
McEdit *
mc_edit_new_set_value (guint       row,
                       const char *column_id,
                       double      value)
{
  return mc_edit_new_set_written_value (row, column_id, value, MC_DECIMALS_UNKNOWN);
}

/**
 * mc_edit_new_set_written_value:
 * @decimals: the decimals @value was typed with ("36.0": 1), which the
 *   table and labels then show; MC_DECIMALS_UNKNOWN when unknown
 *
 * Same as mc_edit_new_set_value(), for a number as someone wrote it.
 *
 * Returns: (transfer full): the edit
 */
McEdit *
mc_edit_new_set_written_value (guint       row,
                               const char *column_id,
                               double      value,
                               int         decimals)
{
  CellValue cell = { CELL_VALUE, value, NULL, decimals };

  g_return_val_if_fail (column_id != NULL, NULL);

  return set_cell_new (row, column_id, &cell);
}

/**
 * mc_edit_new_set_date:
 * @row: a row of the dataset
 * @column_id: the id of a date column
 * @days: the date, in days since 1970-01-01
 * @precision: how finely it is known; a column of coarser dates becomes
 *   this precise, and is put back when the edit is reverted
 *
 * Returns: (transfer full): an edit that sets the date of a cell and
 *   keeps its annotation
 */
McEdit *
mc_edit_new_set_date (guint            row,
                      const char      *column_id,
                      double           days,
                      McDatePrecision  precision)
{
  McEdit *edit = mc_edit_new_set_value (row, column_id, days);
  SetCell *self;

  g_return_val_if_fail (edit != NULL, NULL);

  self = edit->data;
  self->precision = precision;
  return edit;
}

/**
 * mc_edit_new_set_string:
 * @row: a row of the dataset
 * @column_id: the id of a string column
 * @value: (nullable): the new string, NULL for missing
 *
 * Returns: (transfer full): an edit that sets the string of a cell and
 *   keeps its annotation
 */
McEdit *
mc_edit_new_set_string (guint       row,
                        const char *column_id,
                        const char *value)
{
  CellValue cell = { CELL_STRING, NAN, (char *) value, MC_DECIMALS_UNKNOWN };

  g_return_val_if_fail (column_id != NULL, NULL);

  return set_cell_new (row, column_id, &cell);
}

/**
 * mc_edit_new_set_missing:
 * @row: a row of the dataset
 * @column_id: the id of a column
 *
 * Returns: (transfer full): an edit that makes the value of a cell
 *   missing and keeps its annotation
 */
McEdit *
mc_edit_new_set_missing (guint       row,
                         const char *column_id)
{
  CellValue cell = { CELL_MISSING, NAN, NULL, MC_DECIMALS_UNKNOWN };

  g_return_val_if_fail (column_id != NULL, NULL);

  return set_cell_new (row, column_id, &cell);
}

/* Edits of rows */

typedef struct
{
  guint      index;
  guint      n_rows;
  GPtrArray *removed;   /* McColumn: the removed rows, while removed */
} Rows;

static void
rows_free (gpointer data)
{
  Rows *self = data;

  g_clear_pointer (&self->removed, g_ptr_array_unref);
  g_free (self);
}

static McEdit *
rows_new (const McEditClass *klass,
          const char        *label,
          guint              index,
          guint              n_rows)
{
  Rows *self;

  g_return_val_if_fail (n_rows > 0, NULL);

  self = g_new0 (Rows, 1);
  self->index = index;
  self->n_rows = n_rows;
  return mc_edit_new (klass, label, self);
}

static void
rows_change (Rows         *self,
             McChangeWhat  what,
             McChange     *change)
{
  *change = (McChange) { what, self->index, self->n_rows, -1, -1 };
}

static gboolean
insert_rows_apply (gpointer    data,
                   McDataset  *dataset,
                   McChange   *change,
                   GError    **error)
{
  Rows *self = data;
  guint n = mc_dataset_get_n_rows (dataset);

  if (mc_dataset_get_n_columns (dataset) == 0)
    {
      g_set_error_literal (error, MC_EDIT_ERROR, MC_EDIT_ERROR_COLUMN,
                           _("Rows cannot be inserted in a table without columns"));
      return FALSE;
    }
  if (self->index > n || self->n_rows > G_MAXUINT - n)
    {
      g_set_error (error, MC_EDIT_ERROR, MC_EDIT_ERROR_ROW,
                   /* Translators: the first %u is a row number, counted from 1 */
                   ngettext ("Rows cannot be inserted before row %u: the table has %u row",
                             "Rows cannot be inserted before row %u: the table has %u rows", n),
                   self->index + 1, n);
      return FALSE;
    }

  mc_dataset_insert_rows (dataset, self->index, self->n_rows);
  rows_change (self, MC_CHANGE_ROWS_INSERTED, change);
  return TRUE;
}

static void
insert_rows_revert (gpointer   data,
                    McDataset *dataset,
                    McChange  *change)
{
  Rows *self = data;

  mc_dataset_remove_rows (dataset, self->index, self->n_rows);
  rows_change (self, MC_CHANGE_ROWS_REMOVED, change);
}

static const McEditClass insert_rows_class = {
  insert_rows_apply,
  insert_rows_revert,
  NULL,
  rows_free,
};

/**
 * mc_edit_new_insert_rows:
 * @index: where the rows go, from 0 to the number of rows of the dataset
 * @n_rows: how many rows to insert, at least 1
 *
 * Returns: (transfer full): an edit that inserts @n_rows rows of missing
 *   values before row @index
 */
McEdit *
mc_edit_new_insert_rows (guint index,
                         guint n_rows)
{
  return rows_new (&insert_rows_class,
                   /* Translators: an action to undo or redo, as in “Undo Insert Row” */
                   ngettext ("Insert Row", "Insert Rows", n_rows),
                   index, n_rows);
}

static gboolean
remove_rows_apply (gpointer    data,
                   McDataset  *dataset,
                   McChange   *change,
                   GError    **error)
{
  Rows *self = data;

  if (!mc_edit_check_rows (dataset, self->index, self->n_rows, error))
    return FALSE;

  g_clear_pointer (&self->removed, g_ptr_array_unref);
  self->removed = mc_dataset_copy_rows (dataset, self->index, self->n_rows);
  mc_dataset_remove_rows (dataset, self->index, self->n_rows);
  rows_change (self, MC_CHANGE_ROWS_REMOVED, change);
  return TRUE;
}

static void
remove_rows_revert (gpointer   data,
                    McDataset *dataset,
                    McChange  *change)
{
  Rows *self = data;

  g_return_if_fail (self->removed != NULL);

  mc_dataset_insert_rows_from (dataset, self->index, self->removed);
  g_clear_pointer (&self->removed, g_ptr_array_unref);
  rows_change (self, MC_CHANGE_ROWS_INSERTED, change);
}

static const McEditClass remove_rows_class = {
  remove_rows_apply,
  remove_rows_revert,
  NULL,
  rows_free,
};

/**
 * mc_edit_new_remove_rows:
 * @index: the first row to remove
 * @n_rows: how many rows to remove, at least 1
 *
 * Returns: (transfer full): an edit that removes @n_rows rows from
 *   @index, and puts back their cells and annotations when reverted
 */
McEdit *
mc_edit_new_remove_rows (guint index,
                         guint n_rows)
{
  return rows_new (&remove_rows_class,
                   /* Translators: an action to undo or redo, as in “Undo Delete Row” */
                   ngettext ("Delete Row", "Delete Rows", n_rows),
                   index, n_rows);
}

/* Moving rows: they are taken out and put back at their new place, with
 * their annotations. @to is where the first of them ends up. */

typedef struct
{
  guint index;
  guint n_rows;
  guint to;
} MoveRows;

static void
move_rows_run (McDataset *dataset,
               guint      from,
               guint      n_rows,
               guint      to)
{
  g_autoptr(GPtrArray) rows = mc_dataset_copy_rows (dataset, from, n_rows);

  mc_dataset_remove_rows (dataset, from, n_rows);
  mc_dataset_insert_rows_from (dataset, to, rows);
}

static void
move_rows_change (MoveRows *self,
                  McChange *change)
{
  guint first = MIN (self->index, self->to);
  guint last = MAX (self->index, self->to) + self->n_rows;

  *change = (McChange) { MC_CHANGE_CELLS, first, last - first, -1, -1 };
}

static gboolean
move_rows_apply (gpointer    data,
                 McDataset  *dataset,
                 McChange   *change,
                 GError    **error)
{
  MoveRows *self = data;

  if (!mc_edit_check_rows (dataset, self->index, self->n_rows, error)
      || !mc_edit_check_rows (dataset, self->to, self->n_rows, error))
    return FALSE;

  move_rows_run (dataset, self->index, self->n_rows, self->to);
  move_rows_change (self, change);
  return TRUE;
}

static void
move_rows_revert (gpointer   data,
                  McDataset *dataset,
                  McChange  *change)
{
  MoveRows *self = data;

  move_rows_run (dataset, self->to, self->n_rows, self->index);
  move_rows_change (self, change);
}

static const McEditClass move_rows_class = {
  move_rows_apply,
  move_rows_revert,
  NULL,
  g_free,
};

/**
 * mc_edit_new_move_rows:
 * @index: the first row to move
 * @n_rows: how many rows to move, at least 1
 * @to: the index of the first of them once moved
 *
 * Returns: (transfer full): an edit that moves @n_rows rows, with their
 *   annotations
 */
McEdit *
mc_edit_new_move_rows (guint index,
                       guint n_rows,
                       guint to)
{
  MoveRows *self;

  g_return_val_if_fail (n_rows > 0, NULL);

  self = g_new0 (MoveRows, 1);
  self->index = index;
  self->n_rows = n_rows;
  self->to = to;
  /* Translators: an action to undo or redo, as in “Undo Move Row” */
  return mc_edit_new (&move_rows_class, ngettext ("Move Row", "Move Rows", n_rows), self);
}

/* Annotations of a cell: whether it is an estimate, and its note. An
 * edit sets one of the two and keeps the other. */

typedef struct
{
  CellPlace  place;
  gboolean   sets_note;
  gboolean   estimate;
  char      *note;
} SetAnnotation;

static gboolean
set_annotation_apply (gpointer    data,
                      McDataset  *dataset,
                      McChange   *change,
                      GError    **error)
{
  SetAnnotation *self = data;
  CellPlace *place = &self->place;
  guint index;

  if (cell_place_find (place, dataset, &index, error) == NULL)
    return FALSE;
  mc_dataset_set_annotation (dataset, place->row, index,
                             self->sets_note ? place->old_estimate : self->estimate,
                             self->sets_note ? self->note : place->old_note);
  cell_place_change (place, index, change);
  return TRUE;
}

static void
set_annotation_revert (gpointer   data,
                       McDataset *dataset,
                       McChange  *change)
{
  SetAnnotation *self = data;
  int index = mc_dataset_get_column_index (dataset, self->place.column_id);

  g_return_if_fail (index >= 0);

  cell_place_restore (&self->place, dataset, index, change);
}

/* Typing a note is one step. */
static gboolean
set_annotation_merge (gpointer      data,
                      gconstpointer next)
{
  SetAnnotation *self = data;
  const SetAnnotation *other = next;

  if (!self->sets_note || !other->sets_note || !cell_place_equal (&self->place, &other->place))
    return FALSE;
  g_free (self->note);
  self->note = g_strdup (other->note);
  return TRUE;
}

static void
set_annotation_free (gpointer data)
{
  SetAnnotation *self = data;

  cell_place_clear (&self->place);
  g_free (self->note);
  g_free (self);
}

static const McEditClass set_annotation_class = {
  set_annotation_apply,
  set_annotation_revert,
  set_annotation_merge,
  set_annotation_free,
};

static SetAnnotation *
set_annotation_new (guint       row,
                    const char *column_id)
{
  SetAnnotation *self = g_new0 (SetAnnotation, 1);

  cell_place_init (&self->place, row, column_id);
  return self;
}

/**
 * mc_edit_new_set_estimate:
 * @row: a row of the dataset
 * @column_id: the id of a column
 * @estimate: whether the cell's value is an estimate
 *
 * Returns: (transfer full): an edit that marks a cell as an estimate, or
 *   not, and keeps its value and note
 */
McEdit *
mc_edit_new_set_estimate (guint       row,
                          const char *column_id,
                          gboolean    estimate)
{
  SetAnnotation *self;

  g_return_val_if_fail (column_id != NULL, NULL);

  self = set_annotation_new (row, column_id);
  self->estimate = !!estimate;
  return mc_edit_new (&set_annotation_class,
                      /* Translators: actions to undo or redo, as in “Undo Mark as Estimate” */
                      estimate ? _("Mark as Estimate") : _("Unmark Estimate"), self);
}

/**
 * mc_edit_new_set_note:
 * @row: a row of the dataset
 * @column_id: the id of a column
 * @note: (nullable): the note; %NULL or "" removes it
 *
 * Returns: (transfer full): an edit that sets the note of a cell and
 *   keeps its value and whether it is an estimate
 */
McEdit *
mc_edit_new_set_note (guint       row,
                      const char *column_id,
                      const char *note)
{
  SetAnnotation *self;

  g_return_val_if_fail (column_id != NULL, NULL);

  self = set_annotation_new (row, column_id);
  self->sets_note = TRUE;
  self->note = note != NULL && *note != '\0' ? g_strdup (note) : NULL;
  /* Translators: an action to undo or redo, as in “Undo Edit Note” */
  return mc_edit_new (&set_annotation_class, _("Edit Note"), self);
}
