/* mc-decimal.c: the double nearest a decimal of up to 19 digits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Numbers written with 16 or 17 significant digits, as Python, R and
 * most databases write doubles ("99.76423164975387"), have more digits
 * than a double holds exactly, so the one division of Clinger's fast
 * path would round twice. strtod() rounds them correctly but takes some
 * ten times as long as the digits took to scan. Here they are rounded
 * correctly in a few instructions with the Eisel-Lemire algorithm
 * (Daniel Lemire, "Number parsing at a gigabyte per second", Software:
 * Practice and Experience 51(8), 2021; Noble Mushtak and Daniel Lemire,
 * "Fast number parsing without fallback", 2023, prove that the 128-bit
 * product below always decides): the digits, shifted so their top bit is
 * set, times a 128-bit approximation of 5^exponent give the 54 top bits
 * of the result and whether it lies exactly halfway between two doubles.
 */
#include "config.h"

#include "mc-decimal.h"

#include <string.h>

#include "mc-powers-of-five.h"

#define MANTISSA_BITS 52
/* The exponent of the largest binary power below the smallest normal
 * double, as the biased exponent counts. */
#define MINIMUM_EXPONENT (-1023)
#define INFINITE_EXPONENT 0x7ff
/* Only for these q can a 64-bit digits × 10^q fall exactly halfway
 * between two doubles (Lemire, 2021, section 6): outside them there is
 * no tie to round to even. */
#define MIN_EXPONENT_ROUND_TO_EVEN (-4)
#define MAX_EXPONENT_ROUND_TO_EVEN 23

typedef struct
{
  guint64 high;
  guint64 low;
} Product;

static inline Product
multiply (guint64 a,
          guint64 b)
{
#ifdef __SIZEOF_INT128__
  unsigned __int128 product = (unsigned __int128) a * b;

  return (Product) { (guint64) (product >> 64), (guint64) product };
#else
  /* Four products of 32-bit halves. */
  guint64 a_low = a & 0xffffffff, a_high = a >> 32;
  guint64 b_low = b & 0xffffffff, b_high = b >> 32;
  guint64 low_low = a_low * b_low, low_high = a_low * b_high;
  guint64 high_low = a_high * b_low, high_high = a_high * b_high;
  guint64 middle = (low_low >> 32) + (low_high & 0xffffffff) + (high_low & 0xffffffff);

  return (Product) { high_high + (low_high >> 32) + (high_low >> 32) + (middle >> 32),
                     (middle << 32) | (low_low & 0xffffffff) };
#endif
}

/* @digits (top bit set) × 5^@exponent, to as many bits as the rounding
 * needs: the second word of the power only when the first product's bits
 * below those could carry into them. */
static inline Product
multiply_by_power_of_five (guint64 digits,
                           int     exponent)
{
  const guint64 *power = &mc_powers_of_five[2 * (exponent - MC_SMALLEST_POWER_OF_FIVE)];
  const guint64 below_rounding = G_MAXUINT64 >> (MANTISSA_BITS + 3);
  Product product = multiply (digits, power[0]);

  if ((product.high & below_rounding) == below_rounding)
    {
      Product more = multiply (digits, power[1]);

      product.low += more.high;
      if (more.high > product.low)
        product.high++;
    }
  return product;
}

/* floor (log2 (5^@q)) + @q + 63: the binary exponent of the product's
 * top bit, for |q| up to some 350. */
static inline int
binary_exponent (int q)
{
  return (((152170 + 65536) * q) >> 16) + 63;
}

/**
 * mc_decimal_to_double:
 * @digits: the digits of a decimal number, as an integer
 * @exponent: its power of ten
 * @value: (out): the double nearest @digits × 10^@exponent, ties to even
 *   (what strtod() gives)
 *
 * Rounds a decimal of up to 19 digits correctly, in a few instructions.
 *
 * Returns: FALSE where it can't: for 0, and where the result would be
 *   subnormal, zero or infinite (a caller leaves those to strtod())
 */
gboolean
mc_decimal_to_double (guint64  digits,
                      int      exponent,
                      double  *value)
{
  Product product;
  guint64 mantissa, bits;
  int leading_zeros, upper_bit, shift, power;

  if (digits == 0 || exponent < MC_SMALLEST_POWER_OF_FIVE || exponent > MC_LARGEST_POWER_OF_FIVE)
    return FALSE;
  leading_zeros = __builtin_clzll (digits);
  product = multiply_by_power_of_five (digits << leading_zeros, exponent);
  /* The product's top bit is bit 127 or 126; 54 bits below it are kept:
   * the mantissa's 53 and one to round. */
  upper_bit = (int) (product.high >> 63);
  shift = upper_bit + 64 - MANTISSA_BITS - 3;
  mantissa = product.high >> shift;
  power = binary_exponent (exponent) + upper_bit - leading_zeros - MINIMUM_EXPONENT;
  if (power <= 0)
    return FALSE;
  /* Exactly halfway, with nothing but zeros dropped: round to even. */
  if (product.low <= 1 && exponent >= MIN_EXPONENT_ROUND_TO_EVEN
      && exponent <= MAX_EXPONENT_ROUND_TO_EVEN && (mantissa & 3) == 1
      && (mantissa << shift) == product.high)
    mantissa &= ~G_GUINT64_CONSTANT (1);
  mantissa = (mantissa + (mantissa & 1)) >> 1;
  /* Rounding up may carry into one more bit. */
  if (mantissa >= G_GUINT64_CONSTANT (2) << MANTISSA_BITS)
    {
      mantissa = G_GUINT64_CONSTANT (1) << MANTISSA_BITS;
      power++;
    }
  if (power >= INFINITE_EXPONENT)
    return FALSE;
  bits = (mantissa & ~(G_GUINT64_CONSTANT (1) << MANTISSA_BITS)) | ((guint64) power << MANTISSA_BITS);
  memcpy (value, &bits, sizeof *value);
  return TRUE;
}
