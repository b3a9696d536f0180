/* mc-csv-private.h: short numbers, for the CSV reader and the loader's
 * fast path, which inlines them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <string.h>

#include "mc-decimal.h"

G_BEGIN_DECLS

static const double mc_csv_powers_of_ten[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* The largest integer up to which every integer is an exact double. */
#define MC_CSV_MAX_EXACT_INTEGER (G_GUINT64_CONSTANT (1) << 53)
/* Digits beyond these can't change a 64-bit mantissa without overflow. */
#define MC_CSV_MAX_MANTISSA_DIGITS 19

/* Eight digits at once: the bytes of @chunk are digit values (0 to 9),
 * the first digit in the lowest byte. Adjacent digits combine into pairs,
 * pairs into fours, fours into the number, none overflowing its lane. */
static inline guint32
mc_csv_eight_digits (guint64 chunk)
{
  guint64 pairs = (chunk * 10 + (chunk >> 8)) & G_GUINT64_CONSTANT (0x00ff00ff00ff00ff);
  guint64 fours = (pairs * 100 + (pairs >> 16)) & G_GUINT64_CONSTANT (0x0000ffff0000ffff);

  return (guint32) ((fours & 0xffffffff) * 10000 + (fours >> 32));
}

/* The eight bytes at @p as digit values in @chunk (the first in the
 * lowest byte): digits become 0 to 9, every other byte something else.
 * Returns the other bytes: a byte above 9 gets its top bit set, without
 * carrying into the next. */
static inline guint64
mc_csv_load_eight (const char *p,
                   guint64    *chunk)
{
  guint64 bytes;

  memcpy (&bytes, p, sizeof bytes);
  *chunk = GUINT64_FROM_LE (bytes) ^ G_GUINT64_CONSTANT (0x3030303030303030);
  return (((*chunk & G_GUINT64_CONSTANT (0x7f7f7f7f7f7f7f7f))
           + G_GUINT64_CONSTANT (0x7676767676767676)) | *chunk)
         & G_GUINT64_CONSTANT (0x8080808080808080);
}

/* The index of the first byte with its top bit set in @others (at most
 * one bit a byte), 8 for none. */
static inline guint
mc_csv_first_byte (guint64 others)
{
  return others != 0 ? (guint) __builtin_ctzll (others) / 8 : 8;
}

/* Appends the digits at @p to @mantissa, eight at a time while @end
 * leaves room to read eight bytes. Stops at the first other byte, or
 * after more digits than a short number has (the caller then gives up).
 * Returns where it stopped. */
static inline const char *
mc_csv_scan_digit_run (const char *p,
                       const char *end,
                       guint64    *mantissa)
{
  static const guint32 scale[] = { 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000 };
  const char *start = p;
  guint64 m = *mantissa;

  while (end - p >= 8 && p - start <= MC_CSV_MAX_MANTISSA_DIGITS)
    {
      guint64 chunk;
      guint n = mc_csv_first_byte (mc_csv_load_eight (p, &chunk));

      if (n == 8)
        {
          m = m * 100000000 + mc_csv_eight_digits (chunk);
          p += 8;
          continue;
        }
      if (n > 0)
        m = m * scale[n] + mc_csv_eight_digits (chunk << (8 * (8 - n)));
      *mantissa = m;
      return p + n;
    }
  for (; p < end && p - start <= MC_CSV_MAX_MANTISSA_DIGITS; p++)
    {
      guint digit = (guchar) *p - '0';

      if (digit >= 10)
        break;
      m = m * 10 + digit;
    }
  *mantissa = m;
  return p;
}

/* A number's digits, and its point and the digits after it if @mark
 * follows them: returns where they end, with their @mantissa (while
 * it takes them) and the digits before and after the point. */
static inline const char *
mc_csv_scan_digit_runs (const char *digits,
                        const char *end,
                        char        mark,
                        guint64    *mantissa,
                        gsize      *n_int,
                        gsize      *n_frac)
{
  const char *p = mc_csv_scan_digit_run (digits, end, mantissa);

  *n_int = p - digits;
  *n_frac = 0;
  if (p < end && *p == mark)
    {
      const char *fraction = p + 1;

      p = mc_csv_scan_digit_run (fraction, end, mantissa);
      *n_frac = p - fraction;
    }
  return p;
}

/* A number's digits, point and decimals (mc_csv_scan_digit_runs()), from
 * one load of the eight bytes at @digits where its point or its end is
 * among them, as it mostly is. A number that ends there ("101.5411,")
 * is read with one mc_csv_eight_digits() for both parts, the point
 * taken out of the bytes; longer decimals go on with a digit run. The
 * same results as mc_csv_scan_digit_runs(), or NULL for it to read the
 * number: eight digits or more before the point, or fewer than eight
 * bytes left. */
static inline const char *
mc_csv_scan_eight_bytes (const char *digits,
                         const char *end,
                         char        mark,
                         guint64    *mantissa,
                         gsize      *n_int,
                         gsize      *n_frac)
{
  guint64 chunk, others, before;
  guint first, next;

  if (end - digits < 8)
    return NULL;
  others = mc_csv_load_eight (digits, &chunk);
  first = mc_csv_first_byte (others);
  if (first == 8)
    return NULL;
  *n_int = first;
  *n_frac = 0;
  next = first;
  if (((chunk >> (8 * first)) & 0xff) == (guchar) (mark ^ 0x30))
    {
      next = mc_csv_first_byte (others & ~(G_GUINT64_CONSTANT (0x80) << (8 * first)));
      if (next == 8 && end - digits > 8 && (guint) (digits[8] - '0') < 10)
        {
          /* Decimals beyond the eight bytes: a digit run reads them */
          const char *fraction = digits + first + 1;
          const char *p;

          *mantissa = first > 0 ? mc_csv_eight_digits (chunk << (8 * (8 - first))) : 0;
          p = mc_csv_scan_digit_run (fraction, end, mantissa);
          *n_frac = p - fraction;
          return p;
        }
      *n_frac = next - first - 1;
      /* The bytes after the point moved down over it */
      before = (G_GUINT64_CONSTANT (1) << (8 * first)) - 1;
      chunk = (chunk & before) | ((chunk >> 8) & ~before);
    }
  /* The digits left-aligned, leading zeros (of value 0) below them */
  *mantissa = first + *n_frac > 0
              ? mc_csv_eight_digits (chunk << (8 * (8 - first - *n_frac))) : 0;
  return digits + next;
}

/* @mantissa × 10^@exponent, correctly rounded: where both are exact
 * doubles (a mantissa up to 2^53, a power from 10^-22 to 10^22) one
 * multiplication or division does it (Clinger's fast path), else
 * mc_decimal_to_double(). FALSE where neither can (zero times a power
 * beyond 10^22, subnormal or infinite results). */
static inline gboolean
mc_csv_scale_exact (guint64  mantissa,
                    int      exponent,
                    double  *value)
{
  if (mantissa > MC_CSV_MAX_EXACT_INTEGER || exponent < -22 || exponent > 22)
    return mc_decimal_to_double (mantissa, exponent, value);
  *value = exponent >= 0 ? (double) mantissa * mc_csv_powers_of_ten[exponent]
                         : (double) mantissa / mc_csv_powers_of_ten[-exponent];
  return TRUE;
}

/* The exponent at @p of a number whose digits end there: [eE][+-] and
 * one to three digits. Returns where it ends, NULL when there is none
 * or it is longer. */
static inline const char *
mc_csv_scan_exponent (const char *p,
                      const char *end,
                      int        *exponent)
{
  const char *digits;
  gboolean negative;
  int e = 0;

  if (p == end || (*p != 'e' && *p != 'E'))
    return NULL;
  p++;
  negative = p < end && *p == '-';
  if (p < end && (*p == '-' || *p == '+'))
    p++;
  for (digits = p; p < end && p - digits <= 3 && (guint) (*p - '0') < 10; p++)
    e = e * 10 + (*p - '0');
  if (p == digits || p - digits > 3)
    return NULL;
  *exponent = negative ? -e : e;
  return p;
}

/* A short number with an exponent, "1.234560e+02": @mantissa and its
 * @n_frac digits after the point, then the exponent at @p. Its value
 * rounds correctly as in fast_path() where the power of ten is exact
 * (10^-22 to 10^22); its decimals are those written, less the exponent,
 * as mc_cell_written_decimals() counts them. Returns where it ends, or
 * NULL for the general reader. */
static inline const char *
mc_csv_scan_short_exponent (const char *p,
                            const char *end,
                            guint64     mantissa,
                            gsize       n_frac,
                            double     *value,
                            int        *decimals)
{
  int exponent;

  /* "5.e3": the written decimals see no exponent after a point. */
  if ((guint) (p[-1] - '0') >= 10 || (p = mc_csv_scan_exponent (p, end, &exponent)) == NULL
      || !mc_csv_scale_exact (mantissa, exponent - (int) n_frac, value))
    return NULL;
  *decimals = MAX (0, (int) n_frac - exponent);
  return p;
}

/* The usual number, [+-]digits[.digits] in at most 19 characters, in
 * one pass: its mantissa is an exact integer, and when that is at most
 * 2^53 one division by an exact power of ten rounds correctly (as in
 * fast_path()), else mc_decimal_to_double() does. With @exponents, an
 * exponent may follow (mc_csv_scan_short_exponent()). Reads up to the
 * first byte that can't belong to such a number and returns how many
 * bytes that was, or 0 when they are not a short number (no digit, too
 * long); @decimals are the digits after its point. @mark is the point:
 * '.', or ',' where commas mark decimals ("98,50"). @leading_zero, if
 * not NULL, says whether a zero comes before another digit, as in codes
 * ("0700"; mc_cell_has_leading_zero()), found here at no cost. */
static inline gsize
mc_csv_scan_marked_number (const char *text,
                           const char *end,
                           char        mark,
                           gboolean    exponents,
                           double     *value,
                           int        *decimals,
                           gboolean   *leading_zero)
{
  const char *p = text;
  const char *digits;
  gboolean negative = FALSE;
  guint64 mantissa = 0;
  gsize n_int, n_frac = 0;
  double result;

  if (p < end && (*p == '-' || *p == '+'))
    negative = (*p++ == '-');
  digits = p;
  if ((p = mc_csv_scan_eight_bytes (digits, end, mark, &mantissa, &n_int, &n_frac)) == NULL)
    p = mc_csv_scan_digit_runs (digits, end, mark, &mantissa, &n_int, &n_frac);
  if (leading_zero != NULL)
    *leading_zero = n_int > 1 && *digits == '0';
  if (p - text > MC_CSV_MAX_MANTISSA_DIGITS || n_int + n_frac == 0)
    return 0;
  if (exponents && G_UNLIKELY (p < end && (*p == 'e' || *p == 'E')))
    {
      p = mc_csv_scan_short_exponent (p, end, mantissa, n_frac, &result, decimals);
      if (p == NULL)
        return 0;
      *value = negative ? -result : result;
      return p - text;
    }

  /* 16 or 17 digits, as programs write doubles, need more than one
   * division to round correctly. */
  if (G_UNLIKELY (mantissa > MC_CSV_MAX_EXACT_INTEGER))
    {
      if (!mc_decimal_to_double (mantissa, -(int) n_frac, &result))
        return 0;
    }
  else
    {
      result = (double) mantissa;
      if (n_frac > 0)
        result /= mc_csv_powers_of_ten[n_frac];
    }
  *value = negative ? -result : result;
  *decimals = n_frac;
  return p - text;
}

/* The usual number with a decimal point (mc_csv_scan_marked_number()). */
static inline gsize
mc_csv_scan_short_number (const char *text,
                          const char *end,
                          gboolean    exponents,
                          double     *value,
                          int        *decimals)
{
  return mc_csv_scan_marked_number (text, end, '.', exponents, value, decimals, NULL);
}

/* Without an exponent, and without the decimals. */
static inline gsize
mc_csv_scan_short (const char *text,
                   const char *end,
                   double     *value)
{
  int decimals;

  return mc_csv_scan_short_number (text, end, FALSE, value, &decimals);
}

G_END_DECLS
