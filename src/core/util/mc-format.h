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
 * it: "USD 50 bn", "HKD 148", "17%", "9.2" (in Chinese "500 亿美元").
 * @decimals < 0 means "as many as the column's data has". */
char   *mc_format_value         (const McColumn  *column,
                                 double           value,
                                 int              decimals);

/* The unit and scale of @column for an axis title or table header:
 * "USD bn", "HKD", "%"; NULL when the column has no unit. Languages
 * that count in ten thousands name their own unit ("亿美元" for USD bn,
 * 10⁸ USD), and the numbers under it are rescaled to match: write them
 * with mc_format_amount() or mc_format_tick(). */
char   *mc_format_unit          (const McColumn  *column);

/* A value of @column as a bare number in the unit mc_format_unit()
 * names, for tables and labels whose header or axis carries the unit:
 * "50" for USD 50 bn ("500" in Chinese, under 亿美元). @decimals are
 * those of the column's own values; < 0 means the column's. */
char   *mc_format_amount        (const McColumn  *column,
                                 double           value,
                                 int              decimals);

/* The unit of the values @column stores, at its declared scale ("USD
 * bn", "十亿美元" in Chinese): for data copied or saved as plain
 * numbers. Same as mc_format_unit() except in languages that count in
 * ten thousands. */
char   *mc_format_data_unit     (const McColumn  *column);

/* A date at @precision: "2024", "Q1 2024", "Feb 2024", "15 Feb 2024"
 * (localised). */
char   *mc_format_date          (double           days,
                                 McDatePrecision  precision);
char   *mc_format_quarter       (double           days,
                                 gboolean         with_year);

/* One cell for tables and tooltips: the formatted value (or "—" when
 * missing), followed by "(Est.)" for estimates. Notes are not included. */
char   *mc_format_cell          (const McColumn  *column,
                                 guint            row);

/* How many decimals the values of @column are written with (0..6). Very
 * long columns are sampled (10 000 values spread over the column). */
int     mc_format_column_decimals (const McColumn *column);

/* The decimals the value at @row of @column was written with, where its
 * source says, else @fallback. */
int     mc_format_row_decimals    (const McColumn  *column,
                                   guint            row,
                                   int              fallback);

/* The decimals @value needs, at most @max_decimals (0..6). */
int     mc_format_value_decimals  (double           value,
                                   int              max_decimals);

/* A tick label of a value axis for @column: the number with as many
 * decimals as @step needs, its digits grouped as the locale groups them
 * ("50,000" in English and in the C locale, "50.000" in German), "%"
 * appended for percentages; other units are left to the axis title. */
char   *mc_format_tick          (const McColumn  *column,
                                 double           value,
                                 double           step);

/* The short, translated suffix of a scale: "k", "m", "bn", "tn"; "" for
 * none. */
const char *mc_format_scale_suffix (McScale       scale);

/* A date with a g_date_time_format() pattern, e.g. "%b %Y". */
char   *mc_format_date_with     (double           days,
                                 const char      *format);

/* Parses "2024", "2024-02" or "2024-02-15" (as in a dataset's source
 * date) into days since 1970-01-01 and the precision found. */
gboolean mc_format_parse_iso_date (const char      *text,
                                   double          *days,
                                   McDatePrecision *precision);

/* The source line under a chart: "Source: IDC, Mar 2024"; NULL without
 * a @name. */
char   *mc_format_source_line   (const char      *name,
                                 const char      *date);

G_END_DECLS
