/* mc-amount.h: numbers as people write them: "$50 billion", "9,2", "(1,234)"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mc-column.h"

G_BEGIN_DECLS

/* Which mark separates the decimals: "9.2" or "9,2". The other mark
 * groups thousands ("1,234.5", "1.234,5"); spaces and apostrophes group
 * them in both ("1 234", "1'234"). */
typedef enum
{
  MC_DECIMAL_POINT,
  MC_DECIMAL_COMMA,
} McDecimalMark;

/* An amount as written. */
typedef struct
{
  double       number;   /* the digits with their sign: 50 of "$50 billion" */
  double       factor;   /* of its magnitude word: 1e9 for "billion", 1e4 for
                          * "万"; 0 when it has none */
  const char  *unit;     /* "percent", a currency code, or NULL (static) */
  gboolean     notation; /* more than a plain number: a unit, a magnitude,
                          * separators, an accounting negative, ... */
} McAmount;

gboolean  mc_amount_parse            (const char     *text,
                                      gsize           length,
                                      McDecimalMark   mark,
                                      McAmount       *amount);
McScale   mc_amount_scale_of_factor  (double          factor);
/* The decimals @amount, read from @text, is written with in a column
 * of @column_factor (1e9 for billions): "$300 million" has three there. */
int       mc_amount_written_decimals (const McAmount *amount,
                                      const char     *text,
                                      gsize           length,
                                      McDecimalMark   mark,
                                      double          column_factor);
const char *mc_amount_currency_code  (const char     *word);
/* "USD", "%" for "percent": how messages name a unit. */
const char *mc_amount_unit_shown     (const char     *unit);

G_END_DECLS
