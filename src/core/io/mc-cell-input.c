/* mc-cell-input.c: what a person types in a cell, read as the loader
 * reads a cell of its column
 *
 * The table builder reads the text, in a column of the same type and
 * unit, so that a typed cell follows the rules and gives the messages
 * of a cell in a file. Only numbers differ: people type them as their
 * locale writes them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-cell-input.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "mc-amount.h"
#include "mc-csv.h"
#include "mc-text.h"
#include "mc-table-builder.h"
#include "mc-writer.h"

G_DEFINE_QUARK (mc-cell-input-error-quark, mc_cell_input_error)

/* Numbers as the locale writes them */

/* Whether every @mark in @text stands between a digit and a group of
 * exactly three digits, as a digit group separator does. */
static gboolean
marks_groups (const char *text,
              char        mark)
{
  const char *p = strchr (text, mark);

  if (p == NULL)
    return FALSE;
  for (; p != NULL; p = strchr (p + 1, mark))
    if (p == text || !g_ascii_isdigit (p[-1]) || !g_ascii_isdigit (p[1])
        || !g_ascii_isdigit (p[2]) || !g_ascii_isdigit (p[3]) || g_ascii_isdigit (p[4]))
      return FALSE;
  return TRUE;
}

static void
remove_char (GString *text,
             char     c)
{
  char *p;

  while ((p = strchr (text->str, c)) != NULL)
    g_string_erase (text, p - text->str, 1);
}

/* "1.234,5" in German and "1,234.5" in English become "1234.5"; a point
 * that does not group digits ("9.2" in German) stays a decimal point, as
 * in files. Spaces, which some locales group digits with, go. */
static char *
delocalize_number (const char *text)
{
  const struct lconv *conv = localeconv ();
  char decimal = conv->decimal_point[0] != '\0' ? conv->decimal_point[0] : '.';
  GString *out = g_string_new (text);

  g_string_replace (out, "\xc2\xa0", "", 0);      /* no-break space */
  g_string_replace (out, "\xe2\x80\xaf", "", 0);  /* narrow no-break space */
  remove_char (out, ' ');
  if (decimal != '.' && strchr (out->str, decimal) != NULL)
    {
      if (marks_groups (out->str, '.'))
        remove_char (out, '.');
      g_strdelimit (out->str, (char[]) { decimal, '\0' }, '.');
    }
  else if (decimal == '.' && marks_groups (out->str, ','))
    remove_char (out, ',');
  else if (decimal != '.' && marks_groups (out->str, '.'))
    remove_char (out, '.');
  return g_string_free (out, FALSE);
}

/* Reading */

static void
report_message (gpointer        user_data,
                guint           column,
                McLoaderError   code,
                const char     *message,
                GError        **error)
{
  g_set_error_literal (error, MC_CELL_INPUT_ERROR, MC_CELL_INPUT_ERROR_INVALID, message);
}

/* A dataset of one empty column like @column, for the builder. */
static McDataset *
scratch_dataset (const McColumn *column,
                 McColumnType    type)
{
  McDataset *scratch = mc_dataset_new ("input");
  McColumn *copy = mc_column_new (mc_column_get_id (column), mc_column_get_label (column), type);

  mc_column_set_unit (copy, mc_column_get_unit (column));
  mc_dataset_add_column (scratch, copy);
  return scratch;
}

static void
take_value (McColumn    *read,
            McCellInput *input)
{
  input->type = mc_column_get_column_type (read);
  input->missing = mc_column_is_missing (read, 0);
  if (input->type == MC_COLUMN_STRING)
    input->string = g_strdup (mc_column_get_string (read, 0));
  else
    input->value = mc_column_get_value (read, 0);
  if (input->type == MC_COLUMN_NUMBER && !input->missing)
    input->decimals = mc_column_get_decimals (read, 0);
  input->precision = mc_column_get_date_precision (read);
}

/* Reads @text as a file's cell of a column like @column. */
static gboolean
read_cell (const McColumn  *column,
           const char      *text,
           McCellInput     *input,
           GError         **error)
{
  McColumnType type = mc_column_get_column_type (column);
  g_autoptr(McDataset) scratch = scratch_dataset (column, type);
  g_autoptr(McTableBuilder) builder = mc_table_builder_new_for_dataset (scratch, "input");

  mc_table_builder_set_reporter (builder, report_message, NULL);
  if (!mc_table_builder_append_cell (builder, 0, text, strlen (text), error))
    return FALSE;
  mc_table_builder_finish (builder);
  take_value (mc_dataset_get_column (scratch, 0), input);
  return TRUE;
}

/* An amount as people write it ("$5 billion", "USD 35 bn", "(1,234)")
 * in a number column of the same unit, if any, in the column's scale:
 * "$5 billion" is 5 in a column of USD billions, "$5" too (what is typed
 * without a magnitude is in the column's scale, as the table shows it). */
static gboolean
read_amount (const McColumn  *column,
             const char      *text,
             McCellInput     *input,
             GError         **error)
{
  const char *decimal = localeconv ()->decimal_point;
  McDecimalMark mark = decimal[0] == ',' ? MC_DECIMAL_COMMA : MC_DECIMAL_POINT;
  const char *unit = mc_column_get_unit (column);
  McAmount amount;

  if (!mc_amount_parse (text, strlen (text), mark, &amount))
    return FALSE;
  if (amount.unit != NULL && g_strcmp0 (amount.unit, unit) != 0)
    {
      g_autofree char *name = mc_text_shown (mc_column_get_id (column));

      if (unit != NULL)
        /* Translators: "column “revenue” is in USD; “€5” is in EUR" */
        g_set_error (error, MC_CELL_INPUT_ERROR, MC_CELL_INPUT_ERROR_INVALID,
                     _("column “%s” is in %s; “%s” is in %s"), name,
                     mc_amount_unit_shown (unit), text, mc_amount_unit_shown (amount.unit));
      else
        /* Translators: "column “count” has no unit; “€5” is in EUR" */
        g_set_error (error, MC_CELL_INPUT_ERROR, MC_CELL_INPUT_ERROR_INVALID,
                     _("column “%s” has no unit; “%s” is in %s"), name, text,
                     mc_amount_unit_shown (amount.unit));
      return FALSE;
    }
  input->missing = FALSE;
  input->value = amount.number;
  if (amount.factor != 0)
    input->value *= amount.factor / mc_scale_get_factor (mc_column_get_scale (column));
  input->decimals = mc_amount_written_decimals (&amount, text, strlen (text), mark,
                                                mc_scale_get_factor (mc_column_get_scale (column)));
  return TRUE;
}

/**
 * mc_cell_input_read:
 *
 * Reads @text as a cell of @column. Numbers may be written as the
 * locale writes them ("1.234,5" in German) or as amounts ("$5 billion");
 * messages quote the text as typed.
 */
gboolean
mc_cell_input_read (const McColumn  *column,
                    const char      *text,
                    McCellInput     *input,
                    GError         **error)
{
  McColumnType type;
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *number = NULL;
  g_autoptr(GError) amount_error = NULL;

  g_return_val_if_fail (column != NULL && input != NULL, FALSE);

  type = mc_column_get_column_type (column);
  *input = (McCellInput) { type, TRUE, NAN, MC_DATE_DAY, NULL, MC_DECIMALS_UNKNOWN };
  if (type != MC_COLUMN_NUMBER)
    return read_cell (column, trimmed, input, error);
  number = delocalize_number (trimmed);
  if (read_cell (column, number, input, NULL)
      || read_amount (column, trimmed, input, &amount_error))
    return TRUE;
  if (amount_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&amount_error));
      return FALSE;
    }
  return read_cell (column, trimmed, input, error);
}

gboolean
mc_cell_input_read_number (const char *text,
                           double     *value)
{
  g_autoptr(McColumn) column = mc_column_new ("number", NULL, MC_COLUMN_NUMBER);
  g_auto(McCellInput) input = { 0 };

  g_return_val_if_fail (value != NULL, FALSE);

  if (!mc_cell_input_read (column, text, &input, NULL) || input.missing)
    return FALSE;
  *value = input.value;
  return TRUE;
}

void
mc_cell_input_clear (McCellInput *input)
{
  g_clear_pointer (&input->string, g_free);
}

McEdit *
mc_cell_input_make_edit (const McCellInput *input,
                         guint              row,
                         const char        *column_id)
{
  g_return_val_if_fail (input != NULL && column_id != NULL, NULL);

  if (input->missing)
    return mc_edit_new_set_missing (row, column_id);
  switch (input->type)
    {
    case MC_COLUMN_STRING:
      return mc_edit_new_set_string (row, column_id, input->string);
    case MC_COLUMN_DATE:
      return mc_edit_new_set_date (row, column_id, input->value, input->precision);
    case MC_COLUMN_NUMBER:
      return mc_edit_new_set_written_value (row, column_id, input->value, input->decimals);
    case MC_COLUMN_BOOLEAN:
    default:
      return mc_edit_new_set_value (row, column_id, input->value);
    }
}

/* Pasting a block */

static McEdit *
paste_cell (McDataset   *dataset,
            guint        row,
            guint        column,
            McCsvReader *reader,
            guint        field,
            GError     **error)
{
  McColumn *target = mc_dataset_get_column (dataset, column);
  g_autofree char *text = mc_csv_reader_dup_field (reader, field);
  g_auto(McCellInput) input = { 0 };
  g_autoptr(GError) local_error = NULL;

  if (mc_cell_input_read (target, text, &input, &local_error))
    return mc_cell_input_make_edit (&input, row, mc_column_get_id (target));
  g_set_error (error, MC_CELL_INPUT_ERROR, MC_CELL_INPUT_ERROR_INVALID,
               /* Translators: a pasted cell that does not fit its column:
                * the row, counted from 1, the column's label, and what is
                * wrong */
               _("Row %u, column “%s”: %s"), row + 1, mc_column_get_label (target),
               local_error->message);
  return NULL;
}

static gboolean
paste_row (McDataset    *dataset,
           guint         row,
           guint         column,
           McCsvReader  *reader,
           GPtrArray    *edits,
           GError      **error)
{
  guint n_fields = mc_csv_reader_get_n_fields (reader);
  guint n_columns = mc_dataset_get_n_columns (dataset);

  if (column + n_fields > n_columns)
    {
      g_set_error (error, MC_CELL_INPUT_ERROR, MC_CELL_INPUT_ERROR_INVALID,
                   ngettext ("The pasted cells are %u column wide; from this column on the "
                             "table has %u",
                             "The pasted cells are %u columns wide; from this column on the "
                             "table has %u", n_fields),
                   n_fields, n_columns - column);
      return FALSE;
    }
  for (guint i = 0; i < n_fields; i++)
    {
      McEdit *edit = paste_cell (dataset, row, column + i, reader, i, error);

      if (edit == NULL)
        return FALSE;
      g_ptr_array_add (edits, edit);
    }
  return TRUE;
}

/* The rows the block adds at the end of the table come first. */
static void
add_missing_rows (McDataset *dataset,
                  guint      row,
                  guint      n_rows,
                  GPtrArray *edits)
{
  guint n = mc_dataset_get_n_rows (dataset);

  if (row + n_rows > n)
    g_ptr_array_insert (edits, 0, mc_edit_new_insert_rows (n, row + n_rows - n));
}

McEdit *
mc_cell_input_paste (McDataset   *dataset,
                     guint        row,
                     guint        column,
                     const char  *text,
                     GError     **error)
{
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_edit_unref);
  g_autoptr(McCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  guint n_rows = 0;

  g_return_val_if_fail (MC_IS_DATASET (dataset) && text != NULL, NULL);
  g_return_val_if_fail (column < mc_dataset_get_n_columns (dataset), NULL);

  reader = mc_csv_reader_new (text, strlen (text), MC_CSV_SEPARATOR_AUTO);
  while (mc_csv_reader_next_row (reader, &local_error))
    if (!paste_row (dataset, row + n_rows++, column, reader, edits, error))
      return NULL;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (edits->len == 0)
    {
      g_set_error_literal (error, MC_CELL_INPUT_ERROR, MC_CELL_INPUT_ERROR_INVALID,
                           _("There are no cells to paste"));
      return NULL;
    }
  add_missing_rows (dataset, row, n_rows, edits);
  /* Translators: an action to undo or redo, as in “Undo Paste Cells” */
  return mc_edit_new_group (edits, _("Paste Cells"));
}

/* The text to edit */

char *
mc_cell_input_text (const McColumn *column,
                    guint           row)
{
  const char *decimal = localeconv ()->decimal_point;
  g_autofree char *text = NULL;
  GString *out;

  g_return_val_if_fail (column != NULL, NULL);

  text = mc_writer_cell_text (column, row);
  if (mc_column_get_column_type (column) != MC_COLUMN_NUMBER
      || decimal[0] == '\0' || g_strcmp0 (decimal, ".") == 0)
    return g_steal_pointer (&text);
  /* Without digit groups, so that it reads back in any locale. */
  out = g_string_new (text);
  g_string_replace (out, ".", decimal, 1);
  return g_string_free (out, FALSE);
}
