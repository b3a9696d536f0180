/* mc-cell.h: what the text of one cell says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  mc_cell_is_marker      (const char   *text,
                                  gsize         length);
gboolean  mc_cell_parse_boolean  (const char   *text,
                                  gsize         length,
                                  gboolean     *value);
gboolean  mc_cell_strip_percent  (const char  **text,
                                  gsize        *length);
/* The decimals a number is written with in @text, whose decimals
 * follow @mark: 1 for "36.0", "$50.5 billion" or "17,5 %" (mark ','),
 * 0 for "32" or "1,234"; an exponent moves them ("1.5e-3": 4). */
int       mc_cell_written_decimals (const char *text,
                                  gsize         length,
                                  char          mark);
/* The shortest text that reads back as @value; @buffer holds
 * G_ASCII_DTOSTR_BUF_SIZE bytes. */
char     *mc_cell_format_number  (char         *buffer,
                                  double        value);
/* The same, with at least @decimals decimals where that form has fewer:
 * 36 written with one is "36.0", so that it reads back as written. */
char     *mc_cell_format_written (char         *buffer,
                                  double        value,
                                  int           decimals);

/* Whether a cell of a number, date or boolean column says it has no
 * value ("NA", "-", ...). Inline: most cells are longer than any
 * marker, and the builder asks it of every cell. */
static inline gboolean
mc_cell_is_missing (const char *text,
                    gsize       length)
{
  return length <= 4 && mc_cell_is_marker (text, length);
}

/* "0700" or "02134" are codes (tickers, postcodes), not numbers. Inline:
 * the builder asks it of every number of a file. */
static inline gboolean
mc_cell_has_leading_zero (const char *text,
                          gsize       length)
{
  if (length > 0 && (*text == '-' || *text == '+'))
    text++, length--;
  return length > 1 && text[0] == '0' && g_ascii_isdigit (text[1]);
}

G_END_DECLS
