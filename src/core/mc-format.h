/* mc-format.h: numbers, units, percentages and dates as people read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mc-dataset.h"

G_BEGIN_DECLS

/* A number with the locale's digit grouping and decimal mark and exactly
 * @decimals decimals ("1,234.5" in English, "1.234,5" in German). */
char   *mc_format_number        (double            value,
                                 int               decimals);

/* A value of @column with its unit and scale, the way the article writes
 * it: "USD 50 bn", "HKD 148", "17%", "9.2". @decimals < 0 means "as many
 * as the column's data has". */
char   *mc_format_value         (const McColumn  *column,
                                 double           value,
                                 int              decimals);

/* The unit and scale of @column for an axis title or table header:
 * "USD bn", "HKD", "%"; NULL when the column has no unit. */
char   *mc_format_unit          (const McColumn  *column);

/* A date at @precision: "2024", "Feb 2024", "15 Feb 2024" (localised). */
char   *mc_format_date          (double           days,
                                 McDatePrecision  precision);

/* One cell for tables and tooltips: the formatted value (or "—" when
 * missing), followed by "(Est.)" for estimates. Notes are not included. */
char   *mc_format_cell          (const McColumn  *column,
                                 guint            row);

/* How many decimals the values of @column are written with (0..6). */
int     mc_format_column_decimals (const McColumn *column);

G_END_DECLS
