/* mc-decimals.h: how many decimals each number of a column was written with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The decimals of a number whose source does not say (a computed value,
 * a spreadsheet number without a format). */
#define MC_DECIMALS_UNKNOWN (-1)
/* The most decimals kept: more are written as this many. */
#define MC_DECIMALS_MAX 15

/* The decimals of the rows of a column, as their source wrote them
 * ("36.0" has one, "32" none). Most columns write every number alike,
 * so one number stands for all their rows; a byte per row is kept only
 * once two rows differ. Missing values take whatever their column has. */
typedef struct
{
  int         all;     /* of every row while rows is NULL, and equal to no
                        * row's once it is not; see mc-decimals.c */
  GByteArray *rows;    /* gint8 per row, MC_DECIMALS_UNKNOWN where unknown */
} McDecimals;

void      mc_decimals_init        (McDecimals        *decimals);
void      mc_decimals_clear       (McDecimals        *decimals);
void      mc_decimals_copy        (McDecimals        *dest,
                                   const McDecimals  *source,
                                   guint              index,
                                   guint              n_rows);
int       mc_decimals_get         (const McDecimals  *decimals,
                                   guint              row);
gboolean  mc_decimals_has_rows    (const McDecimals  *decimals);
void      mc_decimals_set         (McDecimals        *decimals,
                                   guint              n_rows,
                                   guint              row,
                                   int                value);
void      mc_decimals_append      (McDecimals        *decimals,
                                   guint              n_rows,
                                   int                value);
void      mc_decimals_append_missing (McDecimals     *decimals);
void      mc_decimals_append_all  (McDecimals        *decimals,
                                   guint              n_rows,
                                   const McDecimals  *more,
                                   guint              n_more);
void      mc_decimals_splice      (McDecimals        *decimals,
                                   guint              index,
                                   guint              n_removed,
                                   guint              n_inserted);
void      mc_decimals_unshare     (McDecimals        *decimals);
gboolean  mc_decimals_equal_at    (const McDecimals  *a,
                                   const McDecimals  *b,
                                   guint              row);

G_END_DECLS
