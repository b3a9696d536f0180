/* mc-column.c: one typed column of a dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-column.h"

#include <math.h>
#include <string.h>

#include "mc-decimals.h"
#include "mc-extras.h"
#include "mc-string-util.h"
#include "mc-text-numbers.h"
#include "mc-value-summary.h"

typedef struct
{
  gboolean  estimate;
  char     *note;
} McAnnotation;

struct _McColumn
{
  char            *id;
  char            *label;
  char            *unit;
  char            *description;
  McColumnType     type;
  McScale          scale;
  McScale          display_scale; /* a chart's choice; never saved */
  McDatePrecision  date_precision;
  GArray          *values;       /* double; number, date, boolean columns */
  GPtrArray       *strings;      /* char *; string columns */
  GHashTable      *annotations;  /* row -> McAnnotation; created on demand */
  GHashTable      *extras;       /* unknown keys; created on demand */
  gboolean         shared;       /* values, summary or strings were handed out */
  /* An even progression (0, 1, 2, … or daily dates) is only its start,
   * step and length, and values is NULL until something needs them all. */
  gboolean         progression;
  double           start;
  double           step;
  guint            n_progression;
  McValueSummary  *summary;      /* of the values; made on first use */
  McDecimals       decimals;     /* of numbers as their source wrote them */
  McTextCodes     *text_codes;   /* of the strings; made on first use */
};

struct _McTextCodes
{
  gatomicrefcount  ref_count;
  GPtrArray       *strings;      /* those numbered, a reference */
  guint           *codes;        /* of each row */
  GPtrArray       *texts;        /* const char *: the text of each code */
};

static McTextCodes *
text_codes_ref (McTextCodes *codes)
{
  g_atomic_ref_count_inc (&codes->ref_count);
  return codes;
}

static void
text_codes_unref (McTextCodes *codes)
{
  if (!g_atomic_ref_count_dec (&codes->ref_count))
    return;
  g_ptr_array_unref (codes->strings);
  g_free (codes->codes);
  g_ptr_array_unref (codes->texts);
  g_free (codes);
}

/* The codes of @strings, in the order each text is first met. */
static McTextCodes *
text_codes_new (GPtrArray *strings)
{
  McTextCodes *codes = g_new0 (McTextCodes, 1);
  McTextNumbers numbers;

  g_atomic_ref_count_init (&codes->ref_count);
  codes->strings = g_ptr_array_ref (strings);
  codes->codes = g_new (guint, MAX (strings->len, 1));
  codes->texts = g_ptr_array_new ();
  mc_text_numbers_init (&numbers);
  for (guint row = 0; row < strings->len; row++)
    {
      const char *text = g_ptr_array_index (strings, row);
      gboolean first;

      codes->codes[row] = MC_TEXT_CODE_NONE;
      if (text == NULL)
        continue;
      codes->codes[row] = mc_text_numbers_get (&numbers, text, &first);
      if (first)
        g_ptr_array_add (codes->texts, (gpointer) text);
    }
  mc_text_numbers_clear (&numbers);
  return codes;
}

/* The codes no longer fit the strings: made again when asked. */
static void
mc_column_forget_text_codes (McColumn *column)
{
  g_clear_pointer (&column->text_codes, text_codes_unref);
}

static void
mc_annotation_free (gpointer data)
{
  McAnnotation *annotation = data;

  g_free (annotation->note);
  g_free (annotation);
}

/* Copy-on-write. A reader keeps a column's array with a reference
 * (mc_column_ref_values()) rather than copying a million rows, and must go
 * on seeing the values it took. GLib does not tell how many references an
 * array has, so the column notes that it handed one out, and its next
 * change works on a copy, which is then the column's own. A reader that
 * has already let go costs one copy too many; one that has not keeps its
 * snapshot. Arrays never handed out are changed in place. Annotations are
 * never handed out: they always change in place. */

/* Only a column's bookkeeping changes when it is read, not its data
 * (that it was shared, the array of a progression, the summary): the
 * cast is the "mutable" of a const column. */
static McColumn *
mutable_column (const McColumn *column)
{
  return (McColumn *) column;
}

static void
mc_column_note_shared (const McColumn *column)
{
  mutable_column (column)->shared = TRUE;
}

static gpointer
copy_string (gconstpointer string,
             gpointer      user_data)
{
  return g_strdup (string);
}

/* The summary no longer fits the values: it is made again when asked. */
static void
mc_column_forget_summary (McColumn *column)
{
  g_clear_pointer (&column->summary, mc_value_summary_unref);
}

/* The values of a progression, made when something needs them all.
 * Columns are read from several threads (a model is drawn in the window
 * and exported at once), so the first to make them publishes them. */
static GArray *
mc_column_values (const McColumn *column)
{
  GArray *values = g_atomic_pointer_get (&mutable_column (column)->values);

  if (values != NULL)
    return values;
  values = g_array_sized_new (FALSE, FALSE, sizeof (double), column->n_progression);
  g_array_set_size (values, column->n_progression);
  for (guint i = 0; i < column->n_progression; i++)
    g_array_index (values, double, i) = column->start + i * column->step;
  if (!g_atomic_pointer_compare_and_exchange (&mutable_column (column)->values, NULL, values))
    {
      g_array_unref (values);
      values = g_atomic_pointer_get (&mutable_column (column)->values);
    }
  return values;
}

/* Before a change: a progression becomes its values, and values or
 * strings handed out are copied (with the summary of the values, which
 * the change then follows). */
static void
mc_column_unshare (McColumn *column)
{
  /* Every change of the strings comes here first. */
  mc_column_forget_text_codes (column);
  if (column->progression)
    {
      mc_column_values (column);
      column->progression = FALSE;
      /* It has no blocks to follow a change with. */
      mc_column_forget_summary (column);
    }
  if (!column->shared)
    return;

  if (column->strings != NULL)
    {
      GPtrArray *copy = g_ptr_array_copy (column->strings, copy_string, NULL);

      g_ptr_array_set_free_func (copy, g_free);
      g_ptr_array_unref (column->strings);
      column->strings = copy;
    }
  else
    {
      GArray *copy = g_array_copy (column->values);

      g_array_unref (column->values);
      column->values = copy;
    }
  mc_decimals_unshare (&column->decimals);
  if (column->summary != NULL)
    {
      McValueSummary *copy = mc_value_summary_copy (column->summary);

      mc_value_summary_unref (column->summary);
      column->summary = copy;
    }
  column->shared = FALSE;
}


/* Columns */

McColumn *
mc_column_new (const char   *id,
               const char   *label,
               McColumnType  type)
{
  McColumn *column;

  g_return_val_if_fail (id != NULL, NULL);

  column = g_new0 (McColumn, 1);
  column->id = g_strdup (id);
  column->label = g_strdup (label ? label : id);
  column->type = type;
  column->date_precision = MC_DATE_DAY;
  mc_decimals_init (&column->decimals);
  if (type == MC_COLUMN_STRING)
    column->strings = g_ptr_array_new_with_free_func (g_free);
  else
    column->values = g_array_new (FALSE, FALSE, sizeof (double));

  return column;
}

void
mc_column_free (McColumn *column)
{
  if (column == NULL)
    return;

  g_free (column->id);
  g_free (column->label);
  g_free (column->unit);
  g_free (column->description);
  g_clear_pointer (&column->values, g_array_unref);
  g_clear_pointer (&column->strings, g_ptr_array_unref);
  g_clear_pointer (&column->annotations, g_hash_table_unref);
  g_clear_pointer (&column->extras, g_hash_table_unref);
  g_clear_pointer (&column->summary, mc_value_summary_unref);
  mc_column_forget_text_codes (column);
  mc_decimals_clear (&column->decimals);
  g_free (column);
}

const char *
mc_column_get_id (const McColumn *column)
{
  return column->id;
}

const char *
mc_column_get_label (const McColumn *column)
{
  return column->label;
}

/* A label of NULL or "" is the id again. */
void
mc_column_set_label (McColumn   *column,
                     const char *label)
{
  mc_set_str (&column->label, label != NULL && *label != '\0' ? label : column->id);
}

McColumnType
mc_column_get_column_type (const McColumn *column)
{
  return column->type;
}

const char *
mc_column_get_unit (const McColumn *column)
{
  return column->unit;
}

void
mc_column_set_unit (McColumn   *column,
                    const char *unit)
{
  mc_set_str (&column->unit, unit);
}

McScale
mc_column_get_scale (const McColumn *column)
{
  return column->scale;
}

void
mc_column_set_scale (McColumn *column,
                     McScale   scale)
{
  column->scale = scale;
}

McScale
mc_column_get_display_scale (const McColumn *column)
{
  return column->display_scale;
}

void
mc_column_set_display_scale (McColumn *column,
                             McScale   scale)
{
  column->display_scale = scale;
}

McDatePrecision
mc_column_get_date_precision (const McColumn *column)
{
  return column->date_precision;
}

void
mc_column_set_date_precision (McColumn        *column,
                              McDatePrecision  precision)
{
  column->date_precision = precision;
}

const char *
mc_column_get_description (const McColumn *column)
{
  return column->description;
}

void
mc_column_set_description (McColumn   *column,
                           const char *description)
{
  mc_set_str (&column->description, description);
}

GHashTable *
mc_column_get_extras (const McColumn *column)
{
  return column->extras;
}

void
mc_column_set_extra (McColumn   *column,
                     const char *key,
                     const char *json)
{
  mc_extras_set (&column->extras, key, json);
}

guint
mc_column_get_n_rows (const McColumn *column)
{
  if (column->progression)
    return column->n_progression;
  return column->strings ? column->strings->len : column->values->len;
}

void
mc_column_append_value (McColumn *column,
                        double    value)
{
  mc_column_append_written (column, value, MC_DECIMALS_UNKNOWN);
}

/**
 * mc_column_append_written:
 * @decimals: the decimals its source wrote @value with ("36.0": 1),
 *   MC_DECIMALS_UNKNOWN when it does not say
 *
 * Appends a value as its source wrote it: labels and the table show it
 * with its own decimals.
 */
void
mc_column_append_written (McColumn *column,
                          double    value,
                          int       decimals)
{
  g_return_if_fail (column->type != MC_COLUMN_STRING);

  /* Forgotten first: unsharing would copy it. */
  mc_column_forget_summary (column);
  mc_column_unshare (column);
  if (isnan (value))
    mc_decimals_append_missing (&column->decimals);
  else if (column->type == MC_COLUMN_NUMBER)
    mc_decimals_append (&column->decimals, column->values->len, decimals);
  g_array_append_val (column->values, value);
}

void
mc_column_append_string (McColumn   *column,
                         const char *value)
{
  g_return_if_fail (column->type == MC_COLUMN_STRING);

  mc_column_unshare (column);
  g_ptr_array_add (column->strings, g_strdup (value));
}

void
mc_column_append_missing (McColumn *column)
{
  if (column->type == MC_COLUMN_STRING)
    mc_column_append_string (column, NULL);
  else
    mc_column_append_value (column, NAN);
}

void
mc_column_take_values (McColumn *column,
                       GArray   *values)
{
  mc_column_take_summarised_values (column, values, NULL);
}

/**
 * mc_column_take_summarised_values:
 * @values: (transfer full): the values
 * @summary: (nullable) (transfer full): their summary, made by the
 *   reader; without it, it is made when first asked for
 *
 * Same as mc_column_take_values(), with the summary of @values.
 */
void
mc_column_take_summarised_values (McColumn       *column,
                                  GArray         *values,
                                  McValueSummary *summary)
{
  g_return_if_fail (column != NULL);
  g_return_if_fail (column->type != MC_COLUMN_STRING);
  g_return_if_fail (values != NULL && g_array_get_element_size (values) == sizeof (double));
  g_return_if_fail (summary == NULL || mc_value_summary_get_n_values (summary) == values->len);

  g_clear_pointer (&column->values, g_array_unref);
  mc_decimals_clear (&column->decimals);
  column->values = values;
  column->progression = FALSE;
  column->shared = FALSE;
  mc_column_forget_summary (column);
  column->summary = summary;
}

void
mc_column_take_strings (McColumn  *column,
                        GPtrArray *strings)
{
  g_return_if_fail (column != NULL);
  g_return_if_fail (column->type == MC_COLUMN_STRING);
  g_return_if_fail (strings != NULL);

  mc_column_forget_text_codes (column);
  g_clear_pointer (&column->strings, g_ptr_array_unref);
  column->strings = strings;
  column->shared = FALSE;
}

/**
 * mc_column_take_progression:
 *
 * Makes the values of a number or date column @start, @start + @step,
 * @start + 2 × @step… (@n_rows of them), as a reader found them: a
 * column of row numbers or of consecutive days, kept without an array
 * until something needs every value (mc_column_get_values()).
 */
void
mc_column_take_progression (McColumn *column,
                            double    start,
                            double    step,
                            guint     n_rows)
{
  g_return_if_fail (column != NULL);
  g_return_if_fail (column->type != MC_COLUMN_STRING);

  g_clear_pointer (&column->values, g_array_unref);
  mc_decimals_clear (&column->decimals);
  column->progression = TRUE;
  column->start = start;
  column->step = step;
  column->n_progression = n_rows;
  column->shared = FALSE;
  mc_column_forget_summary (column);
}

/**
 * mc_column_take_decimals:
 * @decimals: (transfer full): the decimals the values were written with,
 *   which a reader found with them (mc_column_take_values()); cleared
 *
 * Says how the source wrote the values of a number column.
 */
void
mc_column_take_decimals (McColumn   *column,
                         McDecimals *decimals)
{
  g_return_if_fail (column != NULL && decimals != NULL);

  mc_decimals_clear (&column->decimals);
  if (column->type == MC_COLUMN_NUMBER)
    column->decimals = *decimals;
  else
    mc_decimals_clear (decimals);
  mc_decimals_init (decimals);
}

/**
 * mc_column_get_decimals:
 *
 * Returns: the decimals the value at @row was written with ("36.0": 1),
 *   MC_DECIMALS_UNKNOWN when its source did not say
 */
int
mc_column_get_decimals (const McColumn *column,
                        guint           row)
{
  g_return_val_if_fail (column != NULL, MC_DECIMALS_UNKNOWN);
  g_return_val_if_fail (row < mc_column_get_n_rows (column), MC_DECIMALS_UNKNOWN);

  if (column->type != MC_COLUMN_NUMBER)
    return MC_DECIMALS_UNKNOWN;
  return mc_decimals_get (&column->decimals, row);
}

/**
 * mc_column_has_row_decimals:
 *
 * Returns: whether the values of @column were written with different
 *   decimals, which then take a byte a row; a column whose values are
 *   all written alike keeps one number
 */
gboolean
mc_column_has_row_decimals (const McColumn *column)
{
  g_return_val_if_fail (column != NULL, FALSE);

  return mc_decimals_has_rows (&column->decimals);
}

/**
 * mc_column_get_progression:
 * @start: (out) (optional): the first value
 * @step: (out) (optional): what each value adds to the one before
 *
 * Returns: whether the values of @column are an even progression, kept
 *   as such: value i is exactly @start + i × @step
 */
gboolean
mc_column_get_progression (const McColumn *column,
                           double         *start,
                           double         *step)
{
  g_return_val_if_fail (column != NULL, FALSE);

  if (!column->progression)
    return FALSE;
  if (start)
    *start = column->start;
  if (step)
    *step = column->step;
  return TRUE;
}

/**
 * mc_column_get_summary:
 *
 * The summary of the values of a number, date or boolean column (their
 * range, missing values, order and extremes per block of rows), made on
 * first use. It does not change: a change of the column changes a copy.
 *
 * Returns: (transfer none): the summary, good while @column is not
 *   changed; mc_value_summary_ref() keeps it longer
 */
const McValueSummary *
mc_column_get_summary (const McColumn *column)
{
  McValueSummary *summary;

  g_return_val_if_fail (column != NULL, NULL);
  g_return_val_if_fail (column->type != MC_COLUMN_STRING, NULL);

  mc_column_note_shared (column);
  summary = g_atomic_pointer_get (&mutable_column (column)->summary);
  if (summary != NULL)
    return summary;
  if (column->progression)
    summary = mc_value_summary_new_for_progression (column->start, column->step,
                                                    column->n_progression);
  else
    summary = mc_value_summary_new_for_values ((const double *) (gpointer) column->values->data,
                                               column->values->len);
  if (!g_atomic_pointer_compare_and_exchange (&mutable_column (column)->summary, NULL, summary))
    {
      mc_value_summary_unref (summary);
      summary = g_atomic_pointer_get (&mutable_column (column)->summary);
    }
  return summary;
}

GArray *
mc_column_ref_values (const McColumn *column)
{
  g_return_val_if_fail (column != NULL, NULL);
  g_return_val_if_fail (column->type != MC_COLUMN_STRING, NULL);

  mc_column_note_shared (column);
  return g_array_ref (mc_column_values (column));
}

/**
 * mc_column_ref_strings:
 * @column: a string column
 *
 * The strings of @column as they are now (NULL for missing), for readers
 * that keep them, such as the labels of a category axis. Later changes to
 * @column do not show in them: the column changes a copy.
 *
 * Returns: (transfer full) (element-type utf8): the strings; do not change
 *   them
 */
GPtrArray *
mc_column_ref_strings (const McColumn *column)
{
  g_return_val_if_fail (column != NULL, NULL);
  g_return_val_if_fail (column->type == MC_COLUMN_STRING, NULL);

  mc_column_note_shared (column);
  return g_ptr_array_ref (column->strings);
}

/* Columns are read from several threads (a model is made while another
 * is drawn), so the first to make the codes publishes them. */
const McTextCodes *
mc_column_get_text_codes (const McColumn *column)
{
  McTextCodes *codes;

  g_return_val_if_fail (column != NULL, NULL);
  g_return_val_if_fail (column->type == MC_COLUMN_STRING, NULL);

  codes = g_atomic_pointer_get (&mutable_column (column)->text_codes);
  if (codes != NULL)
    return codes;
  codes = text_codes_new (column->strings);
  if (!g_atomic_pointer_compare_and_exchange (&mutable_column (column)->text_codes, NULL, codes))
    {
      text_codes_unref (codes);
      codes = g_atomic_pointer_get (&mutable_column (column)->text_codes);
    }
  return codes;
}

/* The codes of @out's strings, gathered from @column's @rows, from
 * the codes of @column: renumbered in the order first met, without
 * reading a text. */
static McTextCodes *
gather_text_codes (const McTextCodes *from,
                   GPtrArray         *strings,
                   const guint       *rows)
{
  McTextCodes *codes = g_new0 (McTextCodes, 1);
  g_autofree guint *renumbered = g_new (guint, MAX (from->texts->len, 1));

  g_atomic_ref_count_init (&codes->ref_count);
  codes->strings = g_ptr_array_ref (strings);
  codes->codes = g_new (guint, MAX (strings->len, 1));
  codes->texts = g_ptr_array_new ();
  memset (renumbered, 0xff, MAX (from->texts->len, 1) * sizeof (guint));
  for (guint i = 0; i < strings->len; i++)
    {
      guint code = from->codes[rows[i]];

      if (code != MC_TEXT_CODE_NONE && renumbered[code] == MC_TEXT_CODE_NONE)
        {
          renumbered[code] = codes->texts->len;
          g_ptr_array_add (codes->texts, g_ptr_array_index (strings, i));
        }
      codes->codes[i] = code != MC_TEXT_CODE_NONE ? renumbered[code] : MC_TEXT_CODE_NONE;
    }
  return codes;
}

void
mc_column_gather_strings (McColumn       *out,
                          const McColumn *column,
                          const guint    *rows,
                          guint           n_rows)
{
  const McTextCodes *from;
  GPtrArray *strings;

  g_return_if_fail (out != NULL && out->type == MC_COLUMN_STRING);
  g_return_if_fail (column != NULL && column->type == MC_COLUMN_STRING);
  g_return_if_fail (rows != NULL || n_rows == 0);

  strings = g_ptr_array_new_full (n_rows, g_free);
  for (guint i = 0; i < n_rows; i++)
    g_ptr_array_add (strings, g_strdup (g_ptr_array_index (column->strings, rows[i])));
  mc_column_take_strings (out, strings);
  from = g_atomic_pointer_get (&mutable_column (column)->text_codes);
  if (from != NULL)
    out->text_codes = gather_text_codes (from, strings, rows);
}

const guint *
mc_text_codes_get_codes (const McTextCodes *codes)
{
  return codes->codes;
}

guint
mc_text_codes_get_n_texts (const McTextCodes *codes)
{
  return codes->texts->len;
}

const char *
mc_text_codes_get_text (const McTextCodes *codes,
                        guint              code)
{
  g_return_val_if_fail (code < codes->texts->len, NULL);
  return g_ptr_array_index (codes->texts, code);
}

void
mc_column_set_annotation (McColumn   *column,
                          guint       row,
                          gboolean    estimate,
                          const char *note)
{
  McAnnotation *annotation;

  g_return_if_fail (row < mc_column_get_n_rows (column));

  if (!estimate && (note == NULL || *note == '\0'))
    {
      if (column->annotations)
        g_hash_table_remove (column->annotations, GUINT_TO_POINTER (row));
      return;
    }

  if (column->annotations == NULL)
    column->annotations = g_hash_table_new_full (NULL, NULL, NULL, mc_annotation_free);

  annotation = g_new0 (McAnnotation, 1);
  annotation->estimate = estimate;
  annotation->note = (note && *note) ? g_strdup (note) : NULL;
  g_hash_table_replace (column->annotations, GUINT_TO_POINTER (row), annotation);
}

const double *
mc_column_get_values (const McColumn *column,
                      guint          *n_values)
{
  GArray *values;

  g_return_val_if_fail (column->type != MC_COLUMN_STRING, NULL);

  values = mc_column_values (column);
  if (n_values)
    *n_values = values->len;
  return (const double *) (gpointer) values->data;
}

double
mc_column_get_value (const McColumn *column,
                     guint           row)
{
  g_return_val_if_fail (column->type != MC_COLUMN_STRING, NAN);
  g_return_val_if_fail (row < mc_column_get_n_rows (column), NAN);

  if (column->progression)
    return column->start + row * column->step;
  return g_array_index (column->values, double, row);
}

const char *
mc_column_get_string (const McColumn *column,
                      guint           row)
{
  g_return_val_if_fail (column->type == MC_COLUMN_STRING, NULL);
  g_return_val_if_fail (row < column->strings->len, NULL);

  return g_ptr_array_index (column->strings, row);
}

gboolean
mc_column_is_missing (const McColumn *column,
                      guint           row)
{
  if (column->type == MC_COLUMN_STRING)
    return mc_column_get_string (column, row) == NULL;
  return isnan (mc_column_get_value (column, row));
}

static const McAnnotation *
mc_column_lookup_annotation (const McColumn *column,
                             guint           row)
{
  if (column->annotations == NULL)
    return NULL;
  return g_hash_table_lookup (column->annotations, GUINT_TO_POINTER (row));
}

gboolean
mc_column_is_estimate (const McColumn *column,
                       guint           row)
{
  const McAnnotation *annotation = mc_column_lookup_annotation (column, row);

  return annotation != NULL && annotation->estimate;
}

const char *
mc_column_get_note (const McColumn *column,
                    guint           row)
{
  const McAnnotation *annotation = mc_column_lookup_annotation (column, row);

  return annotation ? annotation->note : NULL;
}

gboolean
mc_column_has_annotations (const McColumn *column)
{
  return column->annotations != NULL && g_hash_table_size (column->annotations) > 0;
}

/* Changing cells and rows */

/**
 * mc_column_set_value:
 * @column: a number, date or boolean column
 * @row: a row of @column
 * @value: the new value, NAN for missing
 *
 * Sets the value at @row, keeping its annotation. Arrays handed out by
 * mc_column_ref_values() keep the values they had.
 */
void
mc_column_set_value (McColumn *column,
                     guint     row,
                     double    value)
{
  mc_column_set_written_value (column, row, value, MC_DECIMALS_UNKNOWN);
}

/**
 * mc_column_set_written_value:
 * @decimals: the decimals @value was written with, MC_DECIMALS_UNKNOWN
 *   when unknown
 *
 * Same as mc_column_set_value(), for a value typed or read as text.
 */
void
mc_column_set_written_value (McColumn *column,
                             guint     row,
                             double    value,
                             int       decimals)
{
  double old_value;

  g_return_if_fail (column != NULL);
  g_return_if_fail (column->type != MC_COLUMN_STRING);
  g_return_if_fail (row < mc_column_get_n_rows (column));

  mc_column_unshare (column);
  old_value = g_array_index (column->values, double, row);
  g_array_index (column->values, double, row) = value;
  if (column->type == MC_COLUMN_NUMBER && !isnan (value))
    mc_decimals_set (&column->decimals, column->values->len, row, decimals);
  if (column->summary != NULL)
    mc_value_summary_update (column->summary, (const double *) (gpointer) column->values->data,
                             row, old_value);
}

/**
 * mc_column_set_string:
 * @column: a string column
 * @row: a row of @column
 * @value: (nullable): the new string, NULL for missing
 *
 * Sets the string at @row, keeping its annotation. Arrays handed out by
 * mc_column_ref_strings() keep the strings they had.
 */
void
mc_column_set_string (McColumn   *column,
                      guint       row,
                      const char *value)
{
  char *copy;

  g_return_if_fail (column != NULL);
  g_return_if_fail (column->type == MC_COLUMN_STRING);
  g_return_if_fail (row < column->strings->len);

  /* Copied first: @value may be the string it replaces. */
  copy = g_strdup (value);
  mc_column_unshare (column);
  g_free (g_ptr_array_index (column->strings, row));
  g_ptr_array_index (column->strings, row) = copy;
}

/**
 * mc_column_set_missing:
 * @column: a column
 * @row: a row of @column
 *
 * Makes the value at @row missing, keeping its annotation.
 */
void
mc_column_set_missing (McColumn *column,
                       guint     row)
{
  g_return_if_fail (column != NULL);

  if (column->type == MC_COLUMN_STRING)
    mc_column_set_string (column, row, NULL);
  else
    mc_column_set_value (column, row, NAN);
}

/* Annotations follow their rows: those of the @n_removed rows from @index
 * go, and those of the rows after them move by @n_inserted - @n_removed.
 * Annotations are few, so the table is rebuilt. */
static void
mc_column_move_annotations (McColumn *column,
                            guint     index,
                            guint     n_removed,
                            guint     n_inserted)
{
  GHashTable *moved;
  GHashTableIter iter;
  gpointer key, value;

  if (!mc_column_has_annotations (column))
    return;

  moved = g_hash_table_new_full (NULL, NULL, NULL, mc_annotation_free);
  g_hash_table_iter_init (&iter, column->annotations);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint row = GPOINTER_TO_UINT (key);

      if (row >= index && row - index < n_removed)
        continue;
      if (row >= index)
        row = row - n_removed + n_inserted;
      g_hash_table_insert (moved, GUINT_TO_POINTER (row), value);
      g_hash_table_iter_steal (&iter);
    }
  /* What is left are the annotations of the removed rows. */
  g_hash_table_unref (column->annotations);
  column->annotations = moved;
}

/* Annotates the @n_rows rows of @dest from @dest_row as the rows of
 * @source from @source_row are. */
static void
copy_annotations (McColumn       *dest,
                  guint           dest_row,
                  const McColumn *source,
                  guint           source_row,
                  guint           n_rows)
{
  GHashTableIter iter;
  gpointer key, value;

  if (!mc_column_has_annotations (source))
    return;

  g_hash_table_iter_init (&iter, source->annotations);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint row = GPOINTER_TO_UINT (key);
      const McAnnotation *annotation = value;

      if (row >= source_row && row - source_row < n_rows)
        mc_column_set_annotation (dest, dest_row + (row - source_row),
                                  annotation->estimate, annotation->note);
    }
}

static void
insert_nan (GArray *values,
            guint   index,
            guint   n_rows)
{
  guint len = values->len;
  double *data;

  g_array_set_size (values, len + n_rows);
  data = (double *) (gpointer) values->data;
  memmove (data + index + n_rows, data + index, (len - index) * sizeof (double));
  for (guint i = index; i < index + n_rows; i++)
    data[i] = NAN;
}

static void
insert_null (GPtrArray *strings,
             guint      index,
             guint      n_rows)
{
  guint len = strings->len;

  g_ptr_array_set_size (strings, len + n_rows);
  memmove (strings->pdata + index + n_rows, strings->pdata + index,
           (len - index) * sizeof (gpointer));
  for (guint i = index; i < index + n_rows; i++)
    strings->pdata[i] = NULL;
}

/* Removes @n_removed rows from @index and inserts @n_inserted missing ones
 * there; annotations follow their rows. */
static void
mc_column_splice (McColumn *column,
                  guint     index,
                  guint     n_removed,
                  guint     n_inserted)
{
  mc_column_forget_summary (column);
  mc_column_unshare (column);
  if (column->strings != NULL)
    {
      g_ptr_array_remove_range (column->strings, index, n_removed);
      insert_null (column->strings, index, n_inserted);
    }
  else
    {
      g_array_remove_range (column->values, index, n_removed);
      insert_nan (column->values, index, n_inserted);
      mc_decimals_splice (&column->decimals, index, n_removed, n_inserted);
    }
  mc_column_move_annotations (column, index, n_removed, n_inserted);
}

/**
 * mc_column_insert_missing:
 * @column: a column
 * @index: where the new rows go, from 0 to the number of rows
 * @n_rows: how many rows to insert
 *
 * Inserts @n_rows missing values before row @index; the annotations of the
 * rows after them move with their rows.
 */
void
mc_column_insert_missing (McColumn *column,
                          guint     index,
                          guint     n_rows)
{
  g_return_if_fail (column != NULL);
  g_return_if_fail (index <= mc_column_get_n_rows (column));
  g_return_if_fail (n_rows <= G_MAXUINT - mc_column_get_n_rows (column));

  mc_column_splice (column, index, 0, n_rows);
}

/**
 * mc_column_remove_rows:
 * @column: a column
 * @index: the first row to remove
 * @n_rows: how many rows to remove
 *
 * Removes @n_rows rows from @index with their annotations; the annotations
 * of the rows after them move with their rows.
 */
void
mc_column_remove_rows (McColumn *column,
                       guint     index,
                       guint     n_rows)
{
  g_return_if_fail (column != NULL);
  g_return_if_fail (index <= mc_column_get_n_rows (column));
  g_return_if_fail (n_rows <= mc_column_get_n_rows (column) - index);

  mc_column_splice (column, index, n_rows, 0);
}

/**
 * mc_column_copy_rows:
 * @column: a column
 * @index: the first row to copy
 * @n_rows: how many rows to copy
 *
 * Returns: (transfer full): a column with the id, label, type, unit,
 *   scale, date precision and description of @column, holding a copy of
 *   its @n_rows rows from @index and their annotations
 */
McColumn *
mc_column_copy_rows (const McColumn *column,
                     guint           index,
                     guint           n_rows)
{
  McColumn *copy;

  g_return_val_if_fail (column != NULL, NULL);
  g_return_val_if_fail (index <= mc_column_get_n_rows (column), NULL);
  g_return_val_if_fail (n_rows <= mc_column_get_n_rows (column) - index, NULL);

  copy = mc_column_new (column->id, column->label, column->type);
  copy->unit = g_strdup (column->unit);
  copy->description = g_strdup (column->description);
  copy->scale = column->scale;
  copy->display_scale = column->display_scale;
  copy->date_precision = column->date_precision;
  copy->extras = mc_extras_copy (column->extras);
  mc_decimals_copy (&copy->decimals, &column->decimals, index, n_rows);
  if (column->strings != NULL)
    for (guint i = index; i < index + n_rows; i++)
      g_ptr_array_add (copy->strings, g_strdup (g_ptr_array_index (column->strings, i)));
  else if (column->progression)
    /* Its values are not made an array for a few rows of it. */
    for (guint i = index; i < index + n_rows; i++)
      {
        double value = mc_column_get_value (column, i);

        g_array_append_val (copy->values, value);
      }
  else if (n_rows > 0)
    g_array_append_vals (copy->values, mc_column_get_values (column, NULL) + index, n_rows);
  copy_annotations (copy, 0, column, index, n_rows);
  return copy;
}

/**
 * mc_column_snapshot:
 * @column: a column
 *
 * A copy of @column that shares its values (copy-on-write): later
 * changes to either leave the other as it was. Cheap for a column of
 * millions of rows, for readers that must not see later edits, such as
 * a chart drawn from it.
 *
 * Returns: (transfer full): the copy
 */
McColumn *
mc_column_snapshot (const McColumn *column)
{
  McColumn *copy;

  g_return_val_if_fail (column != NULL, NULL);

  copy = mc_column_copy_rows (column, 0, 0);
  if (column->strings != NULL)
    {
      McTextCodes *codes = g_atomic_pointer_get (&mutable_column (column)->text_codes);

      g_ptr_array_unref (copy->strings);
      copy->strings = mc_column_ref_strings (column);
      copy->text_codes = codes != NULL ? text_codes_ref (codes) : NULL;
    }
  else
    {
      /* Shared when the column has one (mc_chart_model_get_column()
       * makes it first, so that every chart model shares it); a copy for
       * a draft or an export does not need one. */
      McValueSummary *summary = g_atomic_pointer_get (&mutable_column (column)->summary);
      GArray *values = g_atomic_pointer_get (&mutable_column (column)->values);

      mc_column_note_shared (column);
      g_clear_pointer (&copy->values, g_array_unref);
      copy->values = values != NULL ? g_array_ref (values) : NULL;
      copy->summary = summary != NULL ? mc_value_summary_ref (summary) : NULL;
      copy->progression = column->progression;
      copy->start = column->start;
      copy->step = column->step;
      copy->n_progression = column->n_progression;
      mc_decimals_clear (&copy->decimals);
      copy->decimals.all = column->decimals.all;
      if (column->decimals.rows != NULL)
        copy->decimals.rows = g_byte_array_ref (column->decimals.rows);
    }
  copy_annotations (copy, 0, column, 0, mc_column_get_n_rows (column));
  /* Its arrays are the column's too: its first change copies them. */
  copy->shared = TRUE;
  return copy;
}

/* The decimals of the @n_rows values of @rows, inserted at @index. */
static void
copy_decimals (McColumn       *column,
               guint           index,
               const McColumn *rows,
               guint           n_rows)
{
  if (column->type != MC_COLUMN_NUMBER)
    return;
  for (guint i = 0; i < n_rows; i++)
    if (!mc_column_is_missing (rows, i))
      mc_decimals_set (&column->decimals, column->values->len, index + i,
                       mc_decimals_get (&rows->decimals, i));
}

/**
 * mc_column_insert_rows:
 * @column: a column
 * @index: where the rows go, from 0 to the number of rows
 * @rows: a column of the same type, such as one from mc_column_copy_rows()
 *
 * Inserts a copy of every row of @rows, with its annotation, before row
 * @index: the inverse of mc_column_remove_rows() after
 * mc_column_copy_rows().
 */
void
mc_column_insert_rows (McColumn       *column,
                       guint           index,
                       const McColumn *rows)
{
  guint n_rows;

  g_return_if_fail (column != NULL && rows != NULL && column != rows);
  g_return_if_fail (column->type == rows->type);
  g_return_if_fail (index <= mc_column_get_n_rows (column));

  n_rows = mc_column_get_n_rows (rows);
  g_return_if_fail (n_rows <= G_MAXUINT - mc_column_get_n_rows (column));
  if (n_rows == 0)
    return;

  mc_column_insert_missing (column, index, n_rows);
  if (column->strings != NULL)
    for (guint i = 0; i < n_rows; i++)
      g_ptr_array_index (column->strings, index + i) = g_strdup (g_ptr_array_index (rows->strings, i));
  else
    {
      memcpy (&g_array_index (column->values, double, index), mc_column_get_values (rows, NULL),
              n_rows * sizeof (double));
      copy_decimals (column, index, rows, n_rows);
    }
  copy_annotations (column, index, rows, 0, n_rows);
}

/* Names as written in dataset files */

static const char * const column_type_names[] = { "string", "number", "date", "boolean" };
static const char * const scale_names[] = { "none", "thousand", "million", "billion", "trillion" };

static gboolean
lookup_name (const char * const *names,
             guint               n_names,
             const char         *name,
             int                *index)
{
  for (guint i = 0; name != NULL && i < n_names; i++)
    {
      if (g_str_equal (names[i], name))
        {
          *index = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
mc_column_type_to_string (McColumnType type)
{
  g_return_val_if_fail (type < G_N_ELEMENTS (column_type_names), NULL);
  return column_type_names[type];
}

gboolean
mc_column_type_from_string (const char   *name,
                            McColumnType *type)
{
  int index;

  if (!lookup_name (column_type_names, G_N_ELEMENTS (column_type_names), name, &index))
    return FALSE;
  *type = index;
  return TRUE;
}

const char *
mc_scale_to_string (McScale scale)
{
  g_return_val_if_fail (scale < G_N_ELEMENTS (scale_names), NULL);
  return scale_names[scale];
}

gboolean
mc_scale_from_string (const char *name,
                      McScale    *scale)
{
  int index;

  if (!lookup_name (scale_names, G_N_ELEMENTS (scale_names), name, &index))
    return FALSE;
  *scale = index;
  return TRUE;
}

double
mc_scale_get_factor (McScale scale)
{
  switch (scale)
    {
    case MC_SCALE_NONE: return 1;
    case MC_SCALE_THOUSAND: return 1e3;
    case MC_SCALE_MILLION: return 1e6;
    case MC_SCALE_BILLION: return 1e9;
    case MC_SCALE_TRILLION: return 1e12;
    default: g_return_val_if_reached (1);
    }
}

static gboolean
values_equal (double a,
              double b)
{
  return a == b || (isnan (a) && isnan (b));
}

/* Values are equal when written alike too, where both columns say: 36.0
 * is not 36. */
static gboolean
numbers_equal (const McColumn *a,
               const McColumn *b,
               guint           row)
{
  double value = mc_column_get_value (a, row);

  return values_equal (value, mc_column_get_value (b, row))
         && (a->type != MC_COLUMN_NUMBER || isnan (value)
             || mc_decimals_equal_at (&a->decimals, &b->decimals, row));
}

static gboolean
annotations_equal (const McColumn *a,
                   const McColumn *b)
{
  guint n_rows = mc_column_get_n_rows (a);

  if (!mc_column_has_annotations (a) && !mc_column_has_annotations (b))
    return TRUE;
  for (guint row = 0; row < n_rows; row++)
    if (mc_column_is_estimate (a, row) != mc_column_is_estimate (b, row)
        || g_strcmp0 (mc_column_get_note (a, row), mc_column_get_note (b, row)) != 0)
      return FALSE;
  return TRUE;
}

/**
 * mc_column_equal:
 *
 * Returns: whether @a and @b hold the same values, annotations and
 *   metadata (a missing value equals a missing value)
 */
gboolean
mc_column_equal (const McColumn *a,
                 const McColumn *b)
{
  guint n_rows;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  n_rows = mc_column_get_n_rows (a);
  if (g_strcmp0 (a->id, b->id) != 0 || g_strcmp0 (a->label, b->label) != 0
      || g_strcmp0 (a->unit, b->unit) != 0 || g_strcmp0 (a->description, b->description) != 0
      || a->type != b->type || a->scale != b->scale
      || (a->type == MC_COLUMN_DATE && a->date_precision != b->date_precision)
      || n_rows != mc_column_get_n_rows (b) || !mc_extras_equal (a->extras, b->extras))
    return FALSE;
  for (guint row = 0; row < n_rows; row++)
    if (a->type == MC_COLUMN_STRING
        ? g_strcmp0 (mc_column_get_string (a, row), mc_column_get_string (b, row)) != 0
        : !numbers_equal (a, b, row))
      return FALSE;
  return annotations_equal (a, b);
}
