/* mc-text-numbers.c: texts numbered in the order they are first met
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-text-numbers.h"

void
mc_text_numbers_init (McTextNumbers *texts)
{
  texts->numbers = g_hash_table_new (g_str_hash, g_str_equal);
  texts->n_numbers = 0;
  texts->n_few = 0;
}

void
mc_text_numbers_clear (McTextNumbers *texts)
{
  g_clear_pointer (&texts->numbers, g_hash_table_unref);
}

guint
mc_text_numbers_find (McTextNumbers *texts,
                      const char    *text,
                      gboolean      *first)
{
  gpointer number;

  if (first != NULL)
    *first = FALSE;
  /* Among few, mc_text_numbers_get() looked already. */
  if (texts->n_numbers > MC_TEXT_NUMBERS_FEW
      && g_hash_table_lookup_extended (texts->numbers, text, NULL, &number))
    return GPOINTER_TO_UINT (number);
  if (first != NULL)
    *first = TRUE;
  g_hash_table_insert (texts->numbers, (gpointer) text, GUINT_TO_POINTER (texts->n_numbers));
  if (texts->n_few < MC_TEXT_NUMBERS_FEW)
    texts->few[texts->n_few++] = text;
  return texts->n_numbers++;
}
