/* mc-text-encoding.c: text files saved in other encodings than UTF-8
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spreadsheets write CSV and text files in UTF-16 ("Unicode text") or,
 * in older versions on Windows, in Windows-1252. Both are converted with
 * GLib. A file that is mostly UTF-8 with a broken byte stays UTF-8, so
 * that its error names the byte; a file in neither is refused with a
 * message that says what was found.
 */
#include "config.h"

#include "mc-text-encoding.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-loader-error.h"

/* How much of the start of a file says whether it is UTF-16 without a
 * byte-order mark: ASCII text has a NUL in every other byte. */
#define SNIFF_LENGTH 256

static gboolean
has_prefix (const char *data,
            gsize       length,
            const char *prefix,
            gsize       prefix_length)
{
  return length >= prefix_length && memcmp (data, prefix, prefix_length) == 0;
}

/* Which byte of each pair is NUL in the start of the text: 0 or 1 when
 * most pairs have a NUL there and none elsewhere, -1 otherwise. */
static int
nul_byte_of_pairs (const char *data,
                   gsize       length)
{
  guint nuls[2] = { 0, 0 };
  gsize n = MIN (length, SNIFF_LENGTH) & ~(gsize) 1;

  for (gsize i = 0; i < n; i++)
    if (data[i] == '\0')
      nuls[i % 2]++;
  if (n < 4)
    return -1;
  for (int b = 0; b < 2; b++)
    if (nuls[b] * 4 >= n && nuls[1 - b] == 0)
      return b;
  return -1;
}

/* Whether @data has a valid UTF-8 sequence of more than one byte: then
 * it is UTF-8, whatever else it has. */
static gboolean
has_utf8_sequence (const char *data,
                   gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      guchar c = data[i];
      gunichar u;

      if (c < 0xC2)
        continue;
      u = g_utf8_get_char_validated (data + i, length - i);
      if (u != (gunichar) -1 && u != (gunichar) -2)
        return TRUE;
    }
  return FALSE;
}

McTextEncoding
mc_text_encoding_detect (const char *data,
                         gsize       length)
{
  int nul;

  if (has_prefix (data, length, "\xFF\xFE\0\0", 4) || has_prefix (data, length, "\0\0\xFE\xFF", 4))
    return MC_TEXT_UTF32;
  if (has_prefix (data, length, "\xFF\xFE", 2))
    return MC_TEXT_UTF16LE;
  if (has_prefix (data, length, "\xFE\xFF", 2))
    return MC_TEXT_UTF16BE;
  nul = nul_byte_of_pairs (data, length);
  if (nul >= 0)
    return nul == 1 ? MC_TEXT_UTF16LE : MC_TEXT_UTF16BE;
  if (g_utf8_validate_len (data, length, NULL) || memchr (data, '\0', length) != NULL
      || has_utf8_sequence (data, length))
    return MC_TEXT_UTF8;
  return MC_TEXT_WINDOWS_1252;
}

const char *
mc_text_encoding_name (McTextEncoding encoding)
{
  switch (encoding)
    {
    case MC_TEXT_UTF16LE: return "UTF-16LE";
    case MC_TEXT_UTF16BE: return "UTF-16BE";
    case MC_TEXT_UTF32: return "UTF-32";
    case MC_TEXT_WINDOWS_1252: return "Windows-1252";
    case MC_TEXT_UTF8:
    default: return "UTF-8";
    }
}

static gsize
bom_length (McTextEncoding  encoding,
            const char     *data,
            gsize           length)
{
  if ((encoding == MC_TEXT_UTF16LE && has_prefix (data, length, "\xFF\xFE", 2)) ||
      (encoding == MC_TEXT_UTF16BE && has_prefix (data, length, "\xFE\xFF", 2)))
    return 2;
  return 0;
}

/**
 * mc_text_encoding_to_utf8:
 * @converted: (out) (transfer full): the text in UTF-8, or %NULL when
 *   @data is UTF-8 (or broken UTF-8, which the reader reports) already
 * @found: (out): the encoding found
 */
gboolean
mc_text_encoding_to_utf8 (const char      *name,
                          const char      *data,
                          gsize            length,
                          GBytes         **converted,
                          McTextEncoding  *found,
                          GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  McTextEncoding encoding = mc_text_encoding_detect (data, length);
  gsize skip = bom_length (encoding, data, length);
  gsize bytes_read = 0, bytes_written = 0;
  char *text;

  *converted = NULL;
  *found = encoding;
  if (encoding == MC_TEXT_UTF8)
    return TRUE;
  if (encoding == MC_TEXT_UTF32)
    {
      mc_loader_set_error (error, MC_LOADER_ERROR_SYNTAX, name, 0, 0,
                           _("the text is in UTF-32, which Market Charts does not read; "
                             "save the file as UTF-8"));
      return FALSE;
    }

  text = g_convert (data + skip, length - skip, "UTF-8", mc_text_encoding_name (encoding),
                    &bytes_read, &bytes_written, &local_error);
  if (text == NULL)
    {
      g_autofree char *offset = g_strdup_printf ("%" G_GSIZE_FORMAT, skip + bytes_read + 1);

      mc_loader_set_error (error, MC_LOADER_ERROR_SYNTAX, name, 0, 0,
                           _("the text is neither UTF-8 nor %s (byte 0x%02X at byte %s); "
                             "save the file as UTF-8"),
                           mc_text_encoding_name (encoding),
                           (guchar) data[MIN (skip + bytes_read, length - 1)], offset);
      return FALSE;
    }
  *converted = g_bytes_new_take (text, bytes_written);
  return TRUE;
}
