/* mc-change.c: what an edit changed in a dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-change.h"

/* A boxed type, so that McDocument::changed can carry a change to any
 * language, and a C handler gets it without a copy. */
G_DEFINE_BOXED_TYPE (McChange, mc_change, mc_change_copy, mc_change_free)

/**
 * mc_change_copy:
 * @change: a change
 *
 * Returns: (transfer full): a copy of @change, for mc_change_free()
 */
McChange *
mc_change_copy (const McChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);

  return g_memdup2 (change, sizeof *change);
}

/**
 * mc_change_free:
 * @change: (nullable): a change from mc_change_copy()
 */
void
mc_change_free (McChange *change)
{
  g_free (change);
}

/**
 * mc_change_equal:
 * @a: a change
 * @b: a change
 *
 * Returns: whether @a and @b say the same
 */
gboolean
mc_change_equal (const McChange *a,
                 const McChange *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->what == b->what && a->row == b->row && a->n_rows == b->n_rows
         && a->column == b->column && a->chart == b->chart;
}

/**
 * mc_change_union:
 * @change: a change, which becomes one that says both
 * @other: what changed next
 *
 * For several edits that are one step: cells of several rows are the
 * rows from the first to the last; changes of different things are
 * %MC_CHANGE_ALL.
 */
void
mc_change_union (McChange       *change,
                 const McChange *other)
{
  g_return_if_fail (change != NULL && other != NULL);

  if (change->what != other->what || change->what == MC_CHANGE_ROWS_INSERTED
      || change->what == MC_CHANGE_ROWS_REMOVED)
    {
      *change = (McChange) { MC_CHANGE_ALL, 0, 0, -1, -1 };
      return;
    }
  if (change->what == MC_CHANGE_CELLS)
    {
      guint first = MIN (change->row, other->row);
      guint end = MAX (change->row + change->n_rows, other->row + other->n_rows);

      change->row = first;
      change->n_rows = end - first;
    }
  if (change->column != other->column)
    change->column = -1;
  if (change->chart != other->chart)
    change->chart = -1;
}
