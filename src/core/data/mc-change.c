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
