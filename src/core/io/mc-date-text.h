/* mc-date-text.h: dates as datasets write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mc-column.h"

G_BEGIN_DECLS

gboolean  mc_date_text_parse   (const char       *text,
                                gsize             length,
                                double           *days,
                                McDatePrecision  *precision);
char     *mc_date_text_format  (double            days,
                                McDatePrecision   precision);

/* The orders a date of numbers such as "01/02/2024" may be read in. */
typedef enum
{
  MC_DATE_ORDER_DAY_FIRST   = 1 << 0,  /* 01/02/2024 is 1 February */
  MC_DATE_ORDER_MONTH_FIRST = 1 << 1,  /* 01/02/2024 is 2 January */
  MC_DATE_ORDER_EITHER      = MC_DATE_ORDER_DAY_FIRST | MC_DATE_ORDER_MONTH_FIRST,
} McDateOrder;

McDateOrder  mc_date_text_parse_numeric  (const char       *text,
                                          gsize             length,
                                          McDateOrder       orders,
                                          double           *days,
                                          McDatePrecision  *precision);

G_END_DECLS
