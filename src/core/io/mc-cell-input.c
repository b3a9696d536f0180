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

#include <locale.h>
#include <math.h>
#include <string.h>

#include "mc-cell.h"
#include "mc-date-text.h"
#include "mc-table-builder.h"

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
  input->precision = mc_column_get_date_precision (read);
}

gboolean
mc_cell_input_read (const McColumn  *column,
                    const char      *text,
                    McCellInput     *input,
                    GError         **error)
{
  McColumnType type = mc_column_get_column_type (column);
  g_autoptr(McDataset) scratch = scratch_dataset (column, type);
  g_autoptr(McTableBuilder) builder = NULL;
  g_autofree char *number = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  g_return_val_if_fail (column != NULL && input != NULL, FALSE);

  *input = (McCellInput) { type, TRUE, NAN, MC_DATE_DAY, NULL };
  builder = mc_table_builder_new_for_dataset (scratch, "input");
  mc_table_builder_set_reporter (builder, report_message, NULL);
  if (type == MC_COLUMN_NUMBER)
    text = number = delocalize_number (trimmed);
  else
    text = trimmed;
  if (!mc_table_builder_append_cell (builder, 0, text, strlen (text), error))
    return FALSE;
  mc_table_builder_finish (builder);
  take_value (mc_dataset_get_column (scratch, 0), input);
  return TRUE;
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
    case MC_COLUMN_BOOLEAN:
    default:
      return mc_edit_new_set_value (row, column_id, input->value);
    }
}

/* The text to edit */

char *
mc_cell_input_text (const McColumn *column,
                    guint           row)
{
  const char *decimal = localeconv ()->decimal_point;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double value;

  g_return_val_if_fail (column != NULL, NULL);

  if (mc_column_is_missing (column, row))
    return g_strdup ("");
  if (mc_column_get_column_type (column) == MC_COLUMN_STRING)
    return g_strdup (mc_column_get_string (column, row));
  value = mc_column_get_value (column, row);
  switch (mc_column_get_column_type (column))
    {
    case MC_COLUMN_DATE:
      return mc_date_text_format (value, mc_column_get_date_precision (column));
    case MC_COLUMN_BOOLEAN:
      return g_strdup (value != 0 ? "true" : "false");
    case MC_COLUMN_NUMBER:
    default:
      {
        GString *out = g_string_new (mc_cell_format_number (buffer, value));

        /* Without digit groups, so that it reads back in any locale. */
        if (decimal[0] != '\0' && g_strcmp0 (decimal, ".") != 0)
          g_string_replace (out, ".", decimal, 1);
        return g_string_free (out, FALSE);
      }
    }
}
