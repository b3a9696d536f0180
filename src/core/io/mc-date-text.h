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

/* What mc_date_text_scan() remembers of the last day it read: the rows
 * of a file of minutes share their day. */
typedef struct
{
  char    day[10];
  double  days;
} McDateScan;

gsize     mc_date_text_scan    (McDateScan       *scan,
                                const char       *text,
                                const char       *end,
                                double           *days);

G_END_DECLS
