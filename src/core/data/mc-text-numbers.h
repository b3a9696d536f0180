/* mc-text-numbers.h: texts numbered in the order they are first met
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/* The first texts met, at most this many, are looked for among
 * themselves before the hash table. */
#define MC_TEXT_NUMBERS_FEW 8

/* Texts numbered 0, 1, 2… in the order they are first met, by their
 * content, without a copy of each: the texts must outlive the numbers
 * (a column's own strings). The few texts of most columns that repeat
 * them (tickers, regions, sexes) are found among themselves, which
 * costs less than a hash and a comparison a cell; others in a hash
 * table. */
typedef struct
{
  GHashTable *numbers;                    /* text → its number */
  guint       n_numbers;
  const char *few[MC_TEXT_NUMBERS_FEW];   /* number i is few[i] */
  guint       n_few;
} McTextNumbers;

void     mc_text_numbers_init   (McTextNumbers *texts);
void     mc_text_numbers_clear  (McTextNumbers *texts);
/* mc_text_numbers_get() past the few texts. */
guint    mc_text_numbers_find   (McTextNumbers *texts,
                                 const char    *text,
                                 gboolean      *first);

/* The number of @text (not NULL); @first, if not NULL, says whether it
 * is new. Inline, as it is asked of every cell of a column. */
static inline guint
mc_text_numbers_get (McTextNumbers *texts,
                     const char    *text,
                     gboolean      *first)
{
  /* While there are few, they are all in few[]. */
  if (texts->n_numbers <= MC_TEXT_NUMBERS_FEW)
    for (guint i = 0; i < texts->n_few; i++)
      if (strcmp (texts->few[i], text) == 0)
        {
          if (first != NULL)
            *first = FALSE;
          return i;
        }
  return mc_text_numbers_find (texts, text, first);
}

/* How many texts have been numbered. */
static inline guint
mc_text_numbers_count (const McTextNumbers *texts)
{
  return texts->n_numbers;
}

G_END_DECLS
