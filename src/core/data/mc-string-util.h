/* mc-string-util.h: small string helpers of the data layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Replaces the string at @dest by a copy of @value (g_set_str() of GLib
 * 2.76, which Debian 12 does not have). Returns whether it changed. */
static inline gboolean
mc_set_str (char       **dest,
            const char  *value)
{
  char *copy;

  if (*dest == value || g_strcmp0 (*dest, value) == 0)
    return FALSE;
  copy = g_strdup (value);
  g_free (*dest);
  *dest = copy;
  return TRUE;
}

G_END_DECLS
