/* mc-allocator.c: how the process's memory allocator hands out large blocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A long chart is drawn into a new image at every render (3.8 MB at
 * 1200 × 800, four times that on a high-density screen), and cairo
 * copies it once more when the chart view lets it go. glibc maps each
 * block that large afresh and unmaps it when it is freed, so each frame
 * of a zoom or a pan had the kernel fault in and clear megabytes of new
 * pages: about 600 page faults, 2 ms of a frame (docs/performance.md).
 * Taken from the heap instead, and kept there when freed, the same pages
 * serve frame after frame. Columns of values longer than the limit are
 * still mapped on their own, and go back to the system when freed.
 */
#include "config.h"

#include "mc-allocator.h"

#if HAVE_MALLOPT
#include <malloc.h>
#endif

/* Blocks up to this size come from the heap. */
#define MC_HEAP_BLOCK_LIMIT (32 * 1024 * 1024)
/* Free memory at the heap's end is kept up to this much. */
#define MC_HEAP_KEEP (2 * MC_HEAP_BLOCK_LIMIT)

void
mc_allocator_keep_large_blocks (void)
{
#if HAVE_MALLOPT
  /* Only advice: an allocator that refuses keeps its own ways. */
  (void) mallopt (M_MMAP_THRESHOLD, MC_HEAP_BLOCK_LIMIT);
  (void) mallopt (M_TRIM_THRESHOLD, MC_HEAP_KEEP);
#endif
}
