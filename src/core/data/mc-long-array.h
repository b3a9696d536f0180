/* mc-long-array.h: arrays of millions of values, and their memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new array of @length elements of @element_size bytes, not cleared.
 * An array of megabytes asks the system for huge pages before anything
 * is written to it. */
GArray  *mc_long_array_new   (guint    element_size,
                              guint    length);

/* @array with at least @length elements, of which the first @n_kept keep
 * their values; a long one is made anew (mc_long_array_new()) and @array
 * let go. Returns @array itself when it is long enough. */
GArray  *mc_long_array_grow  (GArray  *array,
                              guint    n_kept,
                              guint    length);

G_END_DECLS
