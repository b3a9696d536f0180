/* mc-timing.h: phase timings on stderr, for benchmarks (MC_DEBUG_TIMING=1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether MC_DEBUG_TIMING is set (to anything but "" or "0"). */
gboolean  mc_timing_enabled  (void);

/* Prints "timing: PHASE 12.345 ms": the time since the previous mark or
 * mc_timing_start(). Does nothing unless timing is enabled. */
void      mc_timing_start    (void);
void      mc_timing_mark     (const char *phase);

/* Prints "timing: EVENT at 123456789 us": the CLOCK_MONOTONIC time, which
 * a benchmark compares with the time it launched the program. */
void      mc_timing_event    (const char *event);

G_END_DECLS
