/* mc-ids.c: the ids of datasets, columns and charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ids name things in dataset files and on the command line, so they keep
 * to letters, digits, "-" and "_".
 */
#include "config.h"

#include "mc-ids.h"

#include <string.h>

/* Whether @id may name a dataset or a chart. */
gboolean
mc_id_is_valid (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 256)
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

/* A safe id from a header or file name: "Share price (HKD)" -> "share_price_hkd". */
char *
mc_id_make (const char *text,
            const char *fallback)
{
  g_autofree char *ascii = g_str_to_ascii (text ? text : "", "C");
  GString *id = g_string_new (NULL);
  gboolean gap = FALSE;

  for (const char *p = ascii; *p && id->len < 64; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (gap && id->len > 0)
            g_string_append_c (id, '_');
          g_string_append_c (id, g_ascii_tolower (*p));
          gap = FALSE;
        }
      else
        gap = TRUE;
    }
  if (id->len == 0)
    g_string_assign (id, fallback);
  return g_string_free (id, FALSE);
}
