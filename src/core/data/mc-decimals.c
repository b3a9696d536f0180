/* mc-decimals.c: how many decimals each number of a column was written with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-decimals.h"

#include <string.h>

/* @all before any number said how it was written: the rows so far are
 * missing values, which take what the first number says. */
#define MC_DECIMALS_UNSET (-2)
/* @all once the rows have their bytes: no row's decimals equal it, so
 * that one comparison tells whether a row needs a call. */
#define MC_DECIMALS_MIXED (-3)

void
mc_decimals_init (McDecimals *decimals)
{
  decimals->all = MC_DECIMALS_UNSET;
  decimals->rows = NULL;
}

void
mc_decimals_clear (McDecimals *decimals)
{
  g_clear_pointer (&decimals->rows, g_byte_array_unref);
  decimals->all = MC_DECIMALS_UNSET;
}

static int
known_all (const McDecimals *decimals)
{
  return decimals->all == MC_DECIMALS_UNSET ? MC_DECIMALS_UNKNOWN : decimals->all;
}

static int
clamp_decimals (int value)
{
  return CLAMP (value, MC_DECIMALS_UNKNOWN, MC_DECIMALS_MAX);
}

static void
extend_rows (McDecimals *decimals,
             guint       n_rows,
             int         value)
{
  guint len = decimals->rows->len;

  g_byte_array_set_size (decimals->rows, len + n_rows);
  memset (decimals->rows->data + len, (gint8) value, n_rows);
}

/* Two rows differ: from now on each row has its byte. */
static void
make_rows (McDecimals *decimals,
           guint       n_rows)
{
  if (decimals->rows != NULL)
    return;
  decimals->rows = g_byte_array_sized_new (n_rows + 1);
  extend_rows (decimals, n_rows, known_all (decimals));
  decimals->all = MC_DECIMALS_MIXED;
}

/* Whether a row of @value decimals needs its own byte, which the rows
 * then have; FALSE when the one number of them all says it. */
static gboolean
needs_rows (McDecimals *decimals,
            guint       n_rows,
            int         value)
{
  if (decimals->rows == NULL && decimals->all == MC_DECIMALS_UNSET)
    decimals->all = value;
  if (decimals->rows == NULL && decimals->all == value)
    return FALSE;
  make_rows (decimals, n_rows);
  return TRUE;
}

/**
 * mc_decimals_copy:
 *
 * Makes @dest (not yet initialised) the decimals of the @n_rows rows of
 * @source from @index.
 */
void
mc_decimals_copy (McDecimals       *dest,
                  const McDecimals *source,
                  guint             index,
                  guint             n_rows)
{
  dest->all = source->all;
  dest->rows = NULL;
  if (source->rows != NULL)
    {
      dest->rows = g_byte_array_sized_new (n_rows);
      g_byte_array_append (dest->rows, source->rows->data + index, n_rows);
    }
}

/**
 * mc_decimals_get:
 *
 * Returns: the decimals row @row was written with, MC_DECIMALS_UNKNOWN
 *   when its source did not say
 */
int
mc_decimals_get (const McDecimals *decimals,
                 guint             row)
{
  if (decimals->rows == NULL)
    return known_all (decimals);
  return (gint8) decimals->rows->data[row];
}

/**
 * mc_decimals_has_rows:
 *
 * Returns: whether the rows' decimals differ and take a byte a row
 */
gboolean
mc_decimals_has_rows (const McDecimals *decimals)
{
  return decimals->rows != NULL;
}

/**
 * mc_decimals_set:
 * @n_rows: the rows of the column
 *
 * Records that row @row (< @n_rows) is now written with @value decimals.
 */
void
mc_decimals_set (McDecimals *decimals,
                 guint       n_rows,
                 guint       row,
                 int         value)
{
  value = clamp_decimals (value);
  if (needs_rows (decimals, n_rows, value))
    decimals->rows->data[row] = (gint8) value;
}

/**
 * mc_decimals_append:
 * @n_rows: the rows before the new one
 *
 * Records the decimals of a new last row.
 */
void
mc_decimals_append (McDecimals *decimals,
                    guint       n_rows,
                    int         value)
{
  value = clamp_decimals (value);
  if (needs_rows (decimals, n_rows, value))
    extend_rows (decimals, 1, value);
}

/* A new last row that is a missing value. */
void
mc_decimals_append_missing (McDecimals *decimals)
{
  if (decimals->rows != NULL)
    extend_rows (decimals, 1, MC_DECIMALS_UNKNOWN);
}

/**
 * mc_decimals_append_all:
 * @n_rows: the rows of @decimals
 * @more: the decimals of @n_more rows that follow them
 */
void
mc_decimals_append_all (McDecimals       *decimals,
                        guint             n_rows,
                        const McDecimals *more,
                        guint             n_more)
{
  if (more->rows == NULL && more->all == MC_DECIMALS_UNSET)
    {
      if (decimals->rows != NULL)
        extend_rows (decimals, n_more, MC_DECIMALS_UNKNOWN);
      return;
    }
  if (more->rows == NULL)
    {
      if (decimals->rows == NULL
          && (decimals->all == MC_DECIMALS_UNSET || decimals->all == more->all))
        decimals->all = more->all;
      else
        {
          make_rows (decimals, n_rows);
          extend_rows (decimals, n_more, more->all);
        }
      return;
    }
  make_rows (decimals, n_rows);
  g_byte_array_append (decimals->rows, more->rows->data, n_more);
}

/* Removes @n_removed rows from @index and inserts @n_inserted missing
 * ones there. */
void
mc_decimals_splice (McDecimals *decimals,
                    guint       index,
                    guint       n_removed,
                    guint       n_inserted)
{
  guint len;

  if (decimals->rows == NULL)
    return;
  g_byte_array_remove_range (decimals->rows, index, n_removed);
  len = decimals->rows->len;
  extend_rows (decimals, n_inserted, MC_DECIMALS_UNKNOWN);
  memmove (decimals->rows->data + index + n_inserted, decimals->rows->data + index,
           len - index);
  memset (decimals->rows->data + index, (gint8) MC_DECIMALS_UNKNOWN, n_inserted);
}

/* Copy-on-write: the rows become this holder's own. */
void
mc_decimals_unshare (McDecimals *decimals)
{
  GByteArray *copy;

  if (decimals->rows == NULL)
    return;
  copy = g_byte_array_sized_new (decimals->rows->len);
  g_byte_array_append (copy, decimals->rows->data, decimals->rows->len);
  g_byte_array_unref (decimals->rows);
  decimals->rows = copy;
}

/**
 * mc_decimals_equal_at:
 *
 * Returns: whether row @row is written alike in @a and @b, where both
 *   say: a number whose decimals were unknown is saved in its shortest
 *   form, and reads back with that form's
 */
gboolean
mc_decimals_equal_at (const McDecimals *a,
                      const McDecimals *b,
                      guint             row)
{
  int a_row = mc_decimals_get (a, row);
  int b_row = mc_decimals_get (b, row);

  return a_row == b_row || a_row == MC_DECIMALS_UNKNOWN || b_row == MC_DECIMALS_UNKNOWN;
}
