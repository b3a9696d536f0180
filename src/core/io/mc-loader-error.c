/* mc-loader-error.c: the loader's error messages, with positions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every message names the file and, where it is known, the line and
 * column: "revenue.json:12:7: column “revenue” expects a number".
 */
#include "config.h"

#include "mc-loader-error.h"

#include <glib/gi18n.h>

#include "mc-text.h"

G_DEFINE_QUARK (mc-loader-error-quark, mc_loader_error)

/**
 * mc_loader_position:
 * @text: the whole text of a file
 * @length: its length
 * @offset: a byte offset into @text, on a character boundary
 * @line: (out): 1-based line number; CR LF, LF and CR each end a line
 * @column: (out): 1-based column, counted in characters
 */
void
mc_loader_position (const char *text,
                    gsize       length,
                    gsize       offset,
                    guint      *line,
                    guint      *column)
{
  gsize line_start = 0;
  guint n_lines = 1;

  offset = MIN (offset, length);
  for (gsize i = 0; i < offset; i++)
    {
      if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= length || text[i + 1] != '\n')))
        {
          n_lines++;
          line_start = i + 1;
        }
    }
  *line = n_lines;
  *column = g_utf8_strlen (text + line_start, offset - line_start) + 1;
}

char *
mc_loader_format_message (const char *name,
                          guint       line,
                          guint       column,
                          const char *message)
{
  /* A file's name may come from another file's text, as long as that
   * makes it (a dataset's "csv"): its start and its extension name it. */
  g_autofree char *shown = mc_text_shorten_middle (name, MC_TEXT_MAX_FILE_NAME);

  if (line == 0)
    return g_strdup_printf ("%s: %s", shown, message);
  return g_strdup_printf ("%s:%u:%u: %s", shown, line, column, message);
}

void
mc_loader_set_error (GError        **error,
                     McLoaderError   code,
                     const char     *name,
                     guint           line,
                     guint           column,
                     const char     *format,
                     ...)
{
  g_autofree char *message = NULL;
  g_autofree char *full = NULL;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  full = mc_loader_format_message (name, line, column, message);
  g_set_error_literal (error, MC_LOADER_ERROR, code, full);
}

/**
 * mc_loader_check_text:
 *
 * Checks that @text is UTF-8 without NUL bytes, and names the position of
 * the first bad byte otherwise.
 */
gboolean
mc_loader_check_text (const char  *name,
                      const char  *text,
                      gsize        length,
                      GError     **error)
{
  const char *end = NULL;
  guint line, column;

  if (g_utf8_validate_len (text, length, &end))
    return TRUE;

  mc_loader_position (text, length, end - text, &line, &column);
  if (*end == '\0')
    mc_loader_set_error (error, MC_LOADER_ERROR_SYNTAX, name, line, column,
                         _("NUL byte in the text; this looks like a binary file"));
  else
    mc_loader_set_error (error, MC_LOADER_ERROR_SYNTAX, name, line, column,
                         _("invalid UTF-8 (byte 0x%02X); save the file as UTF-8"),
                         (guchar) *end);
  return FALSE;
}

/* “text” for messages, shortened to 40 characters. */
char *
mc_loader_describe_text (const char *text,
                         gsize       length)
{
  g_autofree char *shown = mc_text_shorten (text, length, 40);

  return g_strdup_printf ("“%s”", shown);
}
