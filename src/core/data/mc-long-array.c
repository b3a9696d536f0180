/* mc-long-array.c: arrays of millions of values, and their memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A column of ten million numbers is 80 MB, which the kernel hands out
 * a page at a time as it is first written: with pages of 4 KiB that is
 * twenty thousand page faults, a fifth of the time it takes to read
 * such a file, and as many pages to free again. Where the system has
 * transparent huge pages ("madvise" or "always" in
 * /sys/kernel/mm/transparent_hugepage/enabled), an array asks for pages
 * of 2 MiB before it is written: forty faults, each clearing a whole
 * page at once, about a quarter of the time (docs/performance.md).
 *
 * Such an array can't grow in place: realloc() would copy it into memory
 * that was not asked for (the advice splits its mapping, which the
 * kernel then can't move), so a long array grows by being made anew
 * (mc_long_array_grow()), and readers make it long enough at once where
 * they can tell how long it will be.
 *
 * Readers work in threads of their own. A change to a column in the
 * window does not use these: a huge page may have to be made first (the
 * kernel compacts memory for it), and the window must answer at once.
 */
#include "config.h"

#include "mc-long-array.h"

#include <string.h>
#ifdef G_OS_UNIX
#include <sys/mman.h>
#endif

#define HUGE_PAGE_SIZE (2 * 1024 * 1024)
/* Shorter arrays are left as they are: a huge page or two would not
 * save much, and could be half empty. */
#define LONG_ARRAY_SIZE (2 * HUGE_PAGE_SIZE)

static gboolean
is_long (gsize size)
{
  return size >= LONG_ARRAY_SIZE;
}

/* Asks for huge pages for the whole huge pages within @data. */
static void
advise_huge_pages (gpointer data,
                   gsize    size)
{
#ifdef MADV_HUGEPAGE
  guintptr start = ((guintptr) data + HUGE_PAGE_SIZE - 1) & ~(guintptr) (HUGE_PAGE_SIZE - 1);
  guintptr end = ((guintptr) data + size) & ~(guintptr) (HUGE_PAGE_SIZE - 1);

  /* Only advice: where it is not taken, pages are as small as ever. */
  if (start < end)
    (void) madvise ((void *) start, end - start, MADV_HUGEPAGE);
#endif
}

GArray *
mc_long_array_new (guint element_size,
                   guint length)
{
  GArray *array = g_array_sized_new (FALSE, FALSE, element_size, length);
  gsize size = (gsize) element_size * length;

  if (is_long (size))
    advise_huge_pages (array->data, size);
  g_array_set_size (array, length);
  return array;
}

GArray *
mc_long_array_grow (GArray *array,
                    guint   n_kept,
                    guint   length)
{
  guint element_size = g_array_get_element_size (array);
  GArray *grown;

  g_return_val_if_fail (n_kept <= array->len, array);

  if (length <= array->len)
    return array;
  if (!is_long ((gsize) element_size * length))
    return g_array_set_size (array, length);
  grown = mc_long_array_new (element_size, length);
  memcpy (grown->data, array->data, (gsize) element_size * n_kept);
  g_array_unref (array);
  return grown;
}
