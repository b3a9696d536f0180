/* mc-parallel.h: work split in parts that run at once, one per processor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The most parts work is split in. */
#define MC_PARALLEL_MAX_PARTS 8

/* Does part @part of @n_parts of the work @user_data describes. */
typedef void (*McPartFunc) (guint    part,
                            guint    n_parts,
                            gpointer user_data);

/* How many parts to split work in: one per processor, at most
 * @at_most (and MC_PARALLEL_MAX_PARTS), at least one. */
guint  mc_parallel_count_parts  (guint       at_most);

/* Calls @func for each of @n_parts parts at once: the first on this
 * thread, each other on a thread of its own. Returns when all are
 * done; a part no thread can be made for runs on this one. The parts
 * must not write to the same memory. */
void   mc_parallel_run          (guint       n_parts,
                                 McPartFunc  func,
                                 gpointer    user_data);

G_END_DECLS
