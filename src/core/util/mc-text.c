/* mc-text.c: texts from files, as messages quote them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-text.h"

#include <string.h>

/**
 * mc_text_shorten:
 * @text: valid UTF-8
 * @length: its length in bytes
 * @max_chars: the most characters to keep
 *
 * Returns: (transfer full): @text cut to @max_chars characters, with “…”
 *   where it is cut, so that messages stay readable whatever a file holds
 */
char *
mc_text_shorten (const char *text,
                 gsize       length,
                 guint       max_chars)
{
  const char *cut = text;
  guint n = 0;

  while ((gsize) (cut - text) < length && n < max_chars)
    {
      cut = g_utf8_next_char (cut);
      n++;
    }
  if ((gsize) (cut - text) >= length)
    return g_strndup (text, length);
  return g_strdup_printf ("%.*s…", (int) (cut - text), text);
}

/* A name or key from a file as a message quotes it: a file may hold one of
 * any length. */
char *
mc_text_shown (const char *text)
{
  return mc_text_shorten (text, strlen (text), MC_TEXT_MAX_QUOTED);
}

char *
mc_text_shorten_middle (const char *text,
                        guint       max_chars)
{
  glong n = g_utf8_strlen (text, -1);
  const char *end_start;

  if (n <= (glong) max_chars)
    return g_strdup (text);
  /* Half before the "…" and the rest after it */
  end_start = g_utf8_offset_to_pointer (text, n - (glong) (max_chars - max_chars / 2) + 1);
  return g_strdup_printf ("%.*s…%s",
                          (int) (g_utf8_offset_to_pointer (text, max_chars / 2) - text), text,
                          end_start);
}

char *
mc_text_file_name (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return name != NULL ? g_steal_pointer (&name) : g_file_get_uri (file);
}
