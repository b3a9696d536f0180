/* mc-column.h: one typed column of a dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mc-decimals.h"
#include "mc-value-summary.h"

G_BEGIN_DECLS

typedef enum
{
  MC_COLUMN_STRING,
  MC_COLUMN_NUMBER,
  MC_COLUMN_DATE,
  MC_COLUMN_BOOLEAN,
} McColumnType;

/* The multiplier a column's numbers are written in ("billion" USD). */
typedef enum
{
  MC_SCALE_NONE,
  MC_SCALE_THOUSAND,
  MC_SCALE_MILLION,
  MC_SCALE_BILLION,
  MC_SCALE_TRILLION,
} McScale;

/* How finely a date column's values are known: "2024", "2024-Q1",
 * "2024-02" or "2024-02-15", from the coarsest to the finest. Dates are
 * stored as days since 1970-01-01 (a double, so that time of day could be
 * added later); a year is stored as its first day, a quarter and a month
 * as their first days. */
typedef enum
{
  MC_DATE_YEAR,
  MC_DATE_QUARTER,
  MC_DATE_MONTH,
  MC_DATE_DAY,
} McDatePrecision;

typedef struct _McColumn McColumn;

/* Columns. Numbers, dates and booleans live in one array of doubles per
 * column (NAN marks a missing value; booleans are 0 or 1), strings in an
 * array of strings (NULL marks a missing value). Estimates and notes are
 * rare, so they are kept per row in a small table. */
McColumn        *mc_column_new                  (const char      *id,
                                                 const char      *label,
                                                 McColumnType     type);
void             mc_column_free                 (McColumn        *column);
const char      *mc_column_get_id               (const McColumn  *column);
const char      *mc_column_get_label            (const McColumn  *column);
void             mc_column_set_label            (McColumn        *column,
                                                 const char      *label);
McColumnType     mc_column_get_column_type      (const McColumn  *column);
const char      *mc_column_get_unit             (const McColumn  *column);
void             mc_column_set_unit             (McColumn        *column,
                                                 const char      *unit);
McScale          mc_column_get_scale            (const McColumn  *column);
void             mc_column_set_scale            (McColumn        *column,
                                                 McScale          scale);
/* The scale a chart shows the values in where it chose a larger one
 * than their own (dollars as USD bn); MC_SCALE_NONE: their own. The
 * values do not change. */
McScale          mc_column_get_display_scale    (const McColumn  *column);
void             mc_column_set_display_scale    (McColumn        *column,
                                                 McScale          scale);
McDatePrecision  mc_column_get_date_precision   (const McColumn  *column);
void             mc_column_set_date_precision   (McColumn        *column,
                                                 McDatePrecision  precision);
const char      *mc_column_get_description      (const McColumn  *column);
void             mc_column_set_description      (McColumn        *column,
                                                 const char      *description);
/* Keys of the column's declaration that this version does not know,
 * as JSON text (see mc-extras.h); NULL when there are none. */
GHashTable      *mc_column_get_extras           (const McColumn  *column);
void             mc_column_set_extra            (McColumn        *column,
                                                 const char      *key,
                                                 const char      *json);
guint            mc_column_get_n_rows           (const McColumn  *column);
void             mc_column_append_value         (McColumn        *column,
                                                 double           value);
void             mc_column_append_written       (McColumn        *column,
                                                 double           value,
                                                 int              decimals);
void             mc_column_append_string        (McColumn        *column,
                                                 const char      *value);
void             mc_column_append_missing       (McColumn        *column);
/* Replaces the values of a number, date or boolean column with @values
 * (doubles, NAN for missing), taking ownership: for loaders that fill a
 * whole column at once. The column changes them in place later, so the
 * caller keeps no reference (mc_column_ref_values() gives a snapshot). */
void             mc_column_take_values          (McColumn        *column,
                                                 GArray          *values);
void             mc_column_take_summarised_values (McColumn      *column,
                                                 GArray          *values,
                                                 McValueSummary  *summary);
/* Replaces the strings of a text column with @strings (char *, NULL for
 * missing, freed with g_free()), taking ownership, as
 * mc_column_take_values() does for values. */
void             mc_column_take_strings         (McColumn        *column,
                                                 GPtrArray       *strings);
/* Values that are an even progression, without an array (see
 * mc_column_get_progression()). */
void             mc_column_take_progression     (McColumn        *column,
                                                 double           start,
                                                 double           step,
                                                 guint            n_rows);
/* How the source wrote each number (see mc-decimals.h). */
void             mc_column_take_decimals        (McColumn        *column,
                                                 McDecimals      *decimals);
int              mc_column_get_decimals         (const McColumn  *column,
                                                 guint            row);
gboolean         mc_column_has_row_decimals     (const McColumn  *column);
gboolean         mc_column_get_progression      (const McColumn  *column,
                                                 double          *start,
                                                 double          *step);
const McValueSummary *mc_column_get_summary     (const McColumn  *column);
/* The values of a number, date or boolean column, with a reference added:
 * for readers that keep them as they are (the renderer's series). They
 * must not be changed, and they do not change: the column copies them
 * before its next change (copy-on-write). */
GArray          *mc_column_ref_values           (const McColumn  *column);
GPtrArray       *mc_column_ref_strings          (const McColumn  *column);

/* The texts of a string column numbered in the order they are first
 * met, by their content: what grouping rows, making a series of each
 * ticker and giving each a colour ask of a million cells, found once.
 * Made on first use and kept, and shared by the column's snapshots,
 * until its texts change. */
typedef struct _McTextCodes McTextCodes;

/* The code of a missing cell */
#define MC_TEXT_CODE_NONE G_MAXUINT

const McTextCodes *mc_column_get_text_codes     (const McColumn    *column);
/* The code of each row, MC_TEXT_CODE_NONE where the cell is missing */
const guint     *mc_text_codes_get_codes        (const McTextCodes *codes);
guint            mc_text_codes_get_n_texts      (const McTextCodes *codes);
/* The text of @code, as the column holds it */
const char      *mc_text_codes_get_text         (const McTextCodes *codes,
                                                 guint              code);
/* The strings of @n_rows @rows of @column, in that order, as @out's
 * strings (without their annotations); with their codes when @column
 * has its own, which need no text read again. */
void             mc_column_gather_strings       (McColumn          *out,
                                                 const McColumn    *column,
                                                 const guint       *rows,
                                                 guint              n_rows);

void             mc_column_set_annotation       (McColumn        *column,
                                                 guint            row,
                                                 gboolean         estimate,
                                                 const char      *note);
/* Every value, in an array (a progression makes one on first use: ask
 * mc_column_get_progression() or mc_column_get_value() first when one
 * value or the summary will do). */
const double    *mc_column_get_values           (const McColumn  *column,
                                                 guint           *n_values);
double           mc_column_get_value            (const McColumn  *column,
                                                 guint            row);
const char      *mc_column_get_string           (const McColumn  *column,
                                                 guint            row);
gboolean         mc_column_is_missing           (const McColumn  *column,
                                                 guint            row);
gboolean         mc_column_is_estimate          (const McColumn  *column,
                                                 guint            row);
const char      *mc_column_get_note             (const McColumn  *column,
                                                 guint            row);
gboolean         mc_column_has_annotations      (const McColumn  *column);

/* Changes. Arrays handed out by mc_column_ref_values() and
 * mc_column_ref_strings() keep what they held; the pointer of
 * mc_column_get_values() is good until the next change. */
void             mc_column_set_value            (McColumn        *column,
                                                 guint            row,
                                                 double           value);
void             mc_column_set_written_value    (McColumn        *column,
                                                 guint            row,
                                                 double           value,
                                                 int              decimals);
void             mc_column_set_string           (McColumn        *column,
                                                 guint            row,
                                                 const char      *value);
void             mc_column_set_missing          (McColumn        *column,
                                                 guint            row);
void             mc_column_insert_missing       (McColumn        *column,
                                                 guint            index,
                                                 guint            n_rows);
void             mc_column_remove_rows          (McColumn        *column,
                                                 guint            index,
                                                 guint            n_rows);
McColumn        *mc_column_snapshot             (const McColumn  *column);
McColumn        *mc_column_copy_rows            (const McColumn  *column,
                                                 guint            index,
                                                 guint            n_rows);
void             mc_column_insert_rows          (McColumn        *column,
                                                 guint            index,
                                                 const McColumn  *rows);
gboolean         mc_column_equal                (const McColumn  *a,
                                                 const McColumn  *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McColumn, mc_column_free)

const char      *mc_column_type_to_string       (McColumnType     type);
gboolean         mc_column_type_from_string     (const char      *name,
                                                 McColumnType    *type);
const char      *mc_scale_to_string             (McScale          scale);
gboolean         mc_scale_from_string           (const char      *name,
                                                 McScale         *scale);
double           mc_scale_get_factor            (McScale          scale);

G_END_DECLS
