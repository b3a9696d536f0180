/* mc-allocator.h: how the process's memory allocator hands out large blocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Called once, first thing in main(): blocks of up to 32 MB (a chart's
 * image, at the largest screens' sizes) come from memory the process
 * keeps, and are used again, instead of being mapped anew each time. */
void  mc_allocator_keep_large_blocks  (void);

G_END_DECLS
