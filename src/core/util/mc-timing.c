/* mc-timing.c: phase timings on stderr, for benchmarks (MC_DEBUG_TIMING=1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lines are meant for bench/bench.py, not for people: they are not
 * translated and their format is fixed.
 */
#include "config.h"

#include "mc-timing.h"

#include <stdio.h>

static gint64 last_mark;

gboolean
mc_timing_enabled (void)
{
  static gsize initialized = 0;
  static gboolean enabled = FALSE;

  if (g_once_init_enter (&initialized))
    {
      const char *value = g_getenv ("MC_DEBUG_TIMING");

      enabled = value != NULL && *value != '\0' && g_strcmp0 (value, "0") != 0;
      g_once_init_leave (&initialized, 1);
    }
  return enabled;
}

void
mc_timing_start (void)
{
  if (mc_timing_enabled ())
    last_mark = g_get_monotonic_time ();
}

void
mc_timing_mark (const char *phase)
{
  gint64 now;

  g_return_if_fail (phase != NULL);

  if (!mc_timing_enabled ())
    return;
  now = g_get_monotonic_time ();
  if (last_mark != 0)
    fprintf (stderr, "timing: %s %.3f ms\n", phase, (now - last_mark) / 1000.0);
  last_mark = now;
}

void
mc_timing_event (const char *event)
{
  g_return_if_fail (event != NULL);

  if (mc_timing_enabled ())
    fprintf (stderr, "timing: %s at %" G_GINT64_FORMAT " us\n", event, g_get_monotonic_time ());
}
