/* mc-row-keys.c: rows as keys of hash tables, by their cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-row-keys.h"

#include <math.h>
#include <string.h>

gboolean
mc_row_keys_same_value (double a,
                        double b)
{
  if (signbit (a) != signbit (b))
    return FALSE;
  return a == b || (isnan (a) && isnan (b));
}

static guint
cell_hash (McColumn *column,
           guint     row)
{
  double value;
  guint64 bits;

  if (mc_column_get_column_type (column) == MC_COLUMN_STRING)
    {
      const char *text = mc_column_get_string (column, row);

      return g_str_hash (text != NULL ? text : "");
    }
  value = mc_column_get_value (column, row);
  if (isnan (value))
    return signbit (value) ? 1 : 0;
  memcpy (&bits, &value, sizeof bits);
  return (guint) (bits ^ (bits >> 32));
}

gboolean
mc_row_keys_same_cell (McColumn *column,
                       guint     a,
                       guint     b)
{
  const char *x, *y;

  if (mc_column_get_column_type (column) != MC_COLUMN_STRING)
    return mc_row_keys_same_value (mc_column_get_value (column, a),
                                   mc_column_get_value (column, b));
  x = mc_column_get_string (column, a);
  y = mc_column_get_string (column, b);
  return g_str_equal (x != NULL ? x : "", y != NULL ? y : "");
}

guint
mc_row_key_hash (gconstpointer key)
{
  return ((const McRowKey *) key)->hash;
}

gboolean
mc_row_key_equal (gconstpointer a,
                  gconstpointer b)
{
  const McRowKey *x = a, *y = b;

  for (guint i = 0; i < x->n_columns; i++)
    if (!mc_row_keys_same_cell (x->columns[i], x->row, y->row))
      return FALSE;
  return TRUE;
}

McRowKey *
mc_row_keys_new (McColumn *const *columns,
                 guint            n_columns)
{
  guint n_rows = mc_column_get_n_rows (columns[0]);
  McRowKey *keys = g_new (McRowKey, MAX (n_rows, 1));

  for (guint row = 0; row < n_rows; row++)
    {
      guint hash = 0;

      for (guint i = 0; i < n_columns; i++)
        hash = hash * 31 + cell_hash (columns[i], row);
      keys[row] = (McRowKey) { columns, n_columns, row, hash };
    }
  return keys;
}

/* Texts by their codes; a missing one as an empty one, whose number
 * follows the codes when no cell holds an empty text. */
static guint *
number_texts (McColumn *column,
              guint    *n_numbers)
{
  const McTextCodes *codes = mc_column_get_text_codes (column);
  const guint *code = mc_text_codes_get_codes (codes);
  guint n_rows = mc_column_get_n_rows (column), n_texts = mc_text_codes_get_n_texts (codes);
  guint *numbers = g_new (guint, MAX (n_rows, 1));
  guint empty = n_texts;

  *n_numbers = n_texts;
  for (guint c = 0; c < n_texts; c++)
    if (*mc_text_codes_get_text (codes, c) == '\0')
      empty = c;
  for (guint row = 0; row < n_rows; row++)
    {
      numbers[row] = code[row] != MC_TEXT_CODE_NONE ? code[row] : empty;
      if (numbers[row] == n_texts)
        *n_numbers = n_texts + 1;
    }
  return numbers;
}

guint *
mc_row_keys_number (McColumn *column,
                    guint    *n_numbers)
{
  guint n_rows = mc_column_get_n_rows (column);
  g_autofree McRowKey *keys = NULL;
  g_autoptr(GHashTable) seen = NULL;
  guint *numbers;

  if (mc_column_get_column_type (column) == MC_COLUMN_STRING)
    return number_texts (column, n_numbers);
  keys = mc_row_keys_new (&column, 1);
  seen = g_hash_table_new (mc_row_key_hash, mc_row_key_equal);
  numbers = g_new (guint, MAX (n_rows, 1));
  for (guint row = 0; row < n_rows; row++)
    {
      gpointer found;

      if (!g_hash_table_lookup_extended (seen, &keys[row], NULL, &found))
        {
          found = GUINT_TO_POINTER (g_hash_table_size (seen));
          g_hash_table_insert (seen, &keys[row], found);
        }
      numbers[row] = GPOINTER_TO_UINT (found);
    }
  *n_numbers = g_hash_table_size (seen);
  return numbers;
}
