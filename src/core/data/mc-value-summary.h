/* mc-value-summary.h: what a column of values holds, at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The rows of the finest level of detail: the lowest and highest value
 * of every block of this many rows, then of 2, 4, 8… such blocks. All
 * the levels together take a byte and a half a row; a run of rows costs
 * at most twice this many looks at single values. */
#define MC_VALUE_SUMMARY_BLOCK 32

typedef struct _McValueSummary McValueSummary;

/* A summary of values (doubles, NAN for missing): their range, how many
 * are missing, whether they never decrease, and a level-of-detail pyramid
 * (the extremes of aligned blocks of 32 × 2^k rows), so that the first
 * lowest and highest value of any run of rows takes a number of steps
 * that grows with the logarithm of its length, not with the length.
 *
 * It is built at once, by several threads for a long column; it follows
 * a change of one value in a few steps. Once shared
 * (mc_value_summary_ref()) it must not change. */
McValueSummary *mc_value_summary_new_for_values  (const double          *values,
                                                  guint                  n_values);
/* The same, made by @n_parts threads at once (at most
 * MC_PARALLEL_MAX_PARTS): the same summary whatever their number. */
McValueSummary *mc_value_summary_new_in_parts    (const double          *values,
                                                  guint                  n_values,
                                                  guint                  n_parts);
McValueSummary *mc_value_summary_new_for_progression (double             start,
                                                  double                 step,
                                                  guint                  n_values);
McValueSummary *mc_value_summary_copy            (const McValueSummary  *summary);
McValueSummary *mc_value_summary_ref             (McValueSummary        *summary);
void            mc_value_summary_unref           (McValueSummary        *summary);

/* The value at @row of @values changed from @old_value. */
void            mc_value_summary_update          (McValueSummary        *summary,
                                                  const double          *values,
                                                  guint                  row,
                                                  double                 old_value);

guint           mc_value_summary_get_n_values    (const McValueSummary  *summary);
guint           mc_value_summary_get_n_missing   (const McValueSummary  *summary);
/* Whether no value is lower than the one before it (and none is NAN,
 * but for a single value). */
gboolean        mc_value_summary_is_sorted       (const McValueSummary  *summary);
/* The lowest and highest value that is not NAN; FALSE when all are. */
gboolean        mc_value_summary_get_range       (const McValueSummary  *summary,
                                                  double                *min,
                                                  double                *max);
/* The rows of the first lowest and the first highest value of
 * @values[@from, @to), leaving out NAN: G_MAXUINT when all are NAN. */
void            mc_value_summary_extremes        (const McValueSummary  *summary,
                                                  const double          *values,
                                                  guint                  from,
                                                  guint                  to,
                                                  guint                 *low,
                                                  guint                 *high);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McValueSummary, mc_value_summary_unref)

G_END_DECLS
