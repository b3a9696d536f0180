/* mc-cell.c: what the text of one cell says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The words and marks that mean the same in every table, whichever
 * reader found the cell: "NA" is a missing value, "yes" is true, "17%"
 * is 17 percent. And the other way, for writers: the text of a number.
 */
#include "config.h"

#include "mc-cell.h"

#include <math.h>
#include <string.h>

#include "mc-csv-private.h"

/* Markers that mean "no value" in number, date and boolean columns;
 * none is longer than 4 bytes. */
gboolean
mc_cell_is_marker (const char *text,
                   gsize       length)
{
  static const struct { const char *text; gsize length; } markers[] = {
#define MARKER(s) { s, sizeof s - 1 }
    MARKER ("NA"), MARKER ("N/A"), MARKER ("n/a"), MARKER ("na"), MARKER ("null"),
    MARKER ("NULL"), MARKER ("NaN"), MARKER ("nan"), MARKER ("-"), MARKER ("–"),
    MARKER ("—"),
#undef MARKER
  };

  /* Every marker starts with one of these bytes; most short cells
   * ("AMZN", "yes") do not. */
  if (length == 0 || memchr ("Nn-\xE2", text[0], 4) == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    if (markers[i].length == length && memcmp (markers[i].text, text, length) == 0)
      return TRUE;
  return FALSE;
}

gboolean
mc_cell_parse_boolean (const char *text,
                       gsize       length,
                       gboolean   *value)
{
  static const struct { const char *word; gboolean value; } words[] = {
    { "true", TRUE }, { "false", FALSE }, { "yes", TRUE }, { "no", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      if (strlen (words[i].word) == length &&
          g_ascii_strncasecmp (words[i].word, text, length) == 0)
        {
          *value = words[i].value;
          return TRUE;
        }
    }
  return FALSE;
}

/* Takes a trailing "%" off, and the spaces before it ("17 %"). */
gboolean
mc_cell_strip_percent (const char **text,
                       gsize       *length)
{
  if (*length == 0 || (*text)[*length - 1] != '%')
    return FALSE;
  (*length)--;
  while (*length > 0 && (**text == ' ' || **text == '\t'))
    (*text)++, (*length)--;
  while (*length > 0 && ((*text)[*length - 1] == ' ' || (*text)[*length - 1] == '\t'))
    (*length)--;
  return TRUE;
}

/* Writes the integer @mantissa with a decimal point @decimals digits from
 * its right: 1045678 and 4 make "104.5678", 5 and 3 make "0.005". */
static void
write_decimal (char    *buffer,
               guint64  mantissa,
               int      decimals,
               gboolean negative)
{
  char digits[24];
  int n = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, mantissa);
  char *p = buffer;

  if (negative)
    *p++ = '-';
  if (n <= decimals)
    {
      *p++ = '0';
      *p++ = '.';
      for (int i = n; i < decimals; i++)
        *p++ = '0';
      memcpy (p, digits, n);
      p += n;
    }
  else
    {
      memcpy (p, digits, n - decimals);
      p += n - decimals;
      if (decimals > 0)
        {
          *p++ = '.';
          memcpy (p, digits + n - decimals, decimals);
          p += decimals;
        }
    }
  *p = '\0';
}

/* Most numbers of a table are short decimals ("104.5678", "2024"). The
 * fewest decimals that read back exactly are found with the fast
 * reader's arithmetic: an integer mantissa over an exact power of ten, a
 * division that rounds correctly, as strtod() rounds. With at most 15
 * significant digits and a magnitude "%.15g" writes without an exponent,
 * the text is the one "%.15g" writes, without its slow exact conversion
 * of the binary number, or the strtod() that checks it. */
static gboolean
format_short_decimal (char   *buffer,
                      double  value)
{
  double magnitude = fabs (value);

  if (!(magnitude >= 1e-4 && magnitude < 1e15))
    return FALSE;
  for (int decimals = 0; decimals <= 15; decimals++)
    {
      double mantissa = nearbyint (magnitude * mc_csv_powers_of_ten[decimals]);

      if (mantissa >= 1e15)
        return FALSE;
      if (mantissa / mc_csv_powers_of_ten[decimals] == magnitude)
        {
          write_decimal (buffer, (guint64) mantissa, decimals, value < 0);
          return TRUE;
        }
    }
  return FALSE;
}

/* How many digits @magnitude (from 1e-4 to 1e15) has before its point:
 * 0 for 0.5, -2 for 0.005. Its comparisons are exact: a power of ten
 * below 1 is the double just above it, and no double lies between. */
static int
integer_digits (double magnitude)
{
  static const double fractions[] = { 1e-1, 1e-2, 1e-3, 1e-4 };
  int n = 0;

  if (magnitude < 1)
    {
      while (n < (int) G_N_ELEMENTS (fractions) - 1 && magnitude < fractions[n])
        n++;
      return -n;
    }
  while (n < 22 && magnitude >= mc_csv_powers_of_ten[n + 1])
    n++;
  return n + 1;
}

#ifdef __SIZEOF_INT128__
/* The integer nearest to @digits × 2^@exponent × 10^@decimals, ties to
 * even, in exact arithmetic: 5^decimals (at most 5^21) times a 53-bit
 * @digits fits in 128 bits, and so does its shift. */
static guint64
nearest_scaled (guint64 digits,
                int     exponent,
                int     decimals)
{
  unsigned __int128 power = 1, scaled, rest, half;
  int shift = exponent + decimals;

  for (int i = 0; i < decimals; i++)
    power *= 5;
  scaled = digits * power;
  if (shift >= 0)
    return (guint64) (scaled << shift);
  rest = scaled & ((((unsigned __int128) 1) << -shift) - 1);
  half = ((unsigned __int128) 1) << (-shift - 1);
  scaled >>= -shift;
  if (rest > half || (rest == half && (scaled & 1)))
    scaled++;
  return (guint64) scaled;
}

/* Numbers of 15 to 17 significant digits, most of those a program
 * computed: the decimal of that many digits nearest to the double, as
 * printf ("%.17g") writes it, found in exact integers rather than with
 * printf's arbitrary precision, and checked to read back exactly with
 * the reader's own rounding rather than strtod(). */
static gboolean
format_long_decimal (char   *buffer,
                     double  value)
{
  double magnitude = fabs (value);
  int exponent, n_integer;
  guint64 digits;

  if (!(magnitude >= 1e-4 && magnitude < 1e15))
    return FALSE;
  /* magnitude = digits × 2^exponent exactly, digits < 2^53 */
  digits = (guint64) ldexp (frexp (magnitude, &exponent), 53);
  exponent -= 53;
  n_integer = integer_digits (magnitude);
  for (int decimals = MAX (0, 15 - n_integer); decimals <= 17 - n_integer; decimals++)
    {
      guint64 nearest = nearest_scaled (digits, exponent, decimals);
      int shown = decimals;
      double back;

      if (!mc_csv_scale_exact (nearest, -decimals, &back) || back != magnitude)
        continue;
      for (; shown > 0 && nearest % 10 == 0; shown--)
        nearest /= 10;
      write_decimal (buffer, nearest, shown, value < 0);
      return TRUE;
    }
  return FALSE;
}
#else
/* Without 128-bit integers, long numbers are written the slower way
 * (printf, read back): the same text. The reader's side has a portable
 * 64 × 64-bit multiply (mc-decimal.c); here the 128-bit product is also
 * shifted and rounded, which would all need writing out by hand, and
 * GCC and Clang have 128-bit integers on every 64-bit target. */
static gboolean
format_long_decimal (char   *buffer,
                     double  value)
{
  return FALSE;
}
#endif

/**
 * mc_cell_format_number:
 * @buffer: G_ASCII_DTOSTR_BUF_SIZE bytes
 * @value: a finite number
 *
 * Writes @value with as few digits as read back exactly (15, 16 or 17
 * significant digits), in the C locale: 0.1 is "0.1", not
 * "0.10000000000000001", and 2 is "2".
 *
 * Returns: @buffer
 */
char *
mc_cell_format_number (char   *buffer,
                       double  value)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };

  if (format_short_decimal (buffer, value) || format_long_decimal (buffer, value))
    return buffer;
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, formats[i], value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  return buffer;
}

/* The power of ten of the exponent that follows a number's digits in
 * @text ("e-3"), 0 when there is none: an "e" in a word ("percent") is
 * none. */
static int
written_exponent (const char *text,
                  const char *end)
{
  for (const char *p = text; p + 1 < end; p++)
    {
      const char *digits = p + 1;
      int exponent = 0;

      if ((*p != 'e' && *p != 'E') || p == text || !g_ascii_isdigit (p[-1]))
        continue;
      if (*digits == '-' || *digits == '+')
        digits++;
      if (digits == end || !g_ascii_isdigit (*digits))
        continue;
      for (; digits < end && g_ascii_isdigit (*digits) && exponent < 1000; digits++)
        exponent = 10 * exponent + (*digits - '0');
      return p[1] == '-' ? -exponent : exponent;
    }
  return 0;
}

int
mc_cell_written_decimals (const char *text,
                          gsize       length,
                          char        mark)
{
  const char *end = text + length;
  const char *point = memchr (text, mark, length);
  int decimals = 0;

  if (point != NULL)
    for (const char *p = point + 1; p < end && g_ascii_isdigit (*p); p++)
      decimals++;
  return MAX (0, decimals - written_exponent (text, end));
}

char *
mc_cell_format_written (char   *buffer,
                        double  value,
                        int     decimals)
{
  gsize length = strlen (mc_cell_format_number (buffer, value));
  int missing = decimals - mc_cell_written_decimals (buffer, length, '.');

  /* Exponents ("1e+22") and what would not fit stay the shortest. */
  if (missing <= 0 || strpbrk (buffer, "eE") != NULL
      || length + missing + 2 > G_ASCII_DTOSTR_BUF_SIZE)
    return buffer;
  if (strchr (buffer, '.') == NULL)
    buffer[length++] = '.';
  memset (buffer + length, '0', missing);
  buffer[length + missing] = '\0';
  return buffer;
}
