/* mc-sorted.h: values found in sorted arrays, by bisection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where @value is among the @n @values, which never decrease: @index,
 * if not NULL, gets the first place not below it. FALSE when it is not
 * there. Rows kept by a filter, the rows of a series' points and the
 * points after which a series has a gap are all looked up this way. */
static inline gboolean
mc_sorted_find_uint (const guint *values,
                     guint        n,
                     guint        value,
                     guint       *index)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (values[mid] < value)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (index != NULL)
    *index = lo;
  return lo < n && values[lo] == value;
}

G_END_DECLS
