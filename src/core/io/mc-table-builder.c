/* mc-table-builder.c: cells found by a reader, made into a dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A reader finds cells and their positions; the builder decides what they
 * mean, the same way for every reader: the type of each column (number,
 * date, boolean or text; a column of whole numbers headed "Year" holds
 * dates; "0700" is a code, not a number), its unit and scale from its
 * header ("Revenue (USD m)"), the precision of its dates, and the chart
 * the table gets.
 *
 * A new table is built in two steps. Every cell is inferred: what it could
 * be narrows what its column can be, and while a column can hold numbers
 * (or dates) its values are kept, so that a table of numbers and dates is
 * read once. Then the types are decided, the columns made, and the cells
 * of the other columns (text, booleans, years) appended in a second pass.
 * Declared columns (a dataset file whose rows are in a CSV file) skip the
 * first step.
 */
#include "config.h"

#include "mc-table-builder.h"

#include <glib/gi18n.h>

#include "mc-csv.h"
#include "mc-date-text.h"
#include "mc-default-chart.h"
#include "mc-header-unit.h"
#include "mc-ids.h"
#include "mc-loader-error.h"
#include "mc-table-builder-private.h"
#include "mc-text.h"

struct _McTableBuilder
{
  char              *name;
  McDataset         *dataset;
  gboolean           declared;   /* columns of a dataset file */
  GArray            *columns;    /* McTableColumn */
  GString           *scratch;
  McTableReportFunc  report;
  gpointer           report_data;
};

static void
column_start (McTableColumn *column)
{
  column->n_values = 0;
  column->number = TRUE;
  column->date = TRUE;
  column->boolean = TRUE;
  column->percent = FALSE;
  column->years = TRUE;
  column->keep = MC_TABLE_KEEP_NUMBERS;
  column->kept = g_array_new (FALSE, FALSE, sizeof (double));
  column->n_kept = 0;
  column->kept_finest = MC_DATE_YEAR;
}

static void
column_forget (McTableColumn *column)
{
  g_clear_pointer (&column->kept, g_array_unref);
  column->keep = MC_TABLE_KEEP_NOTHING;
}

static void
column_clear (McTableColumn *column)
{
  column_forget (column);
  g_clear_pointer (&column->label, g_free);
}

static McTableBuilder *
builder_new (const char *name)
{
  McTableBuilder *self = g_new0 (McTableBuilder, 1);

  self->name = g_strdup (name);
  self->columns = g_array_new (FALSE, TRUE, sizeof (McTableColumn));
  g_array_set_clear_func (self->columns, (GDestroyNotify) column_clear);
  self->scratch = g_string_new (NULL);
  return self;
}

/* "cloud_revenue-2024.csv" -> "Cloud revenue 2024" */
static char *
title_from_name (const char *name)
{
  g_autofree char *stem = g_strdup (name);
  char *dot = strrchr (stem, '.');
  g_autofree char *title = NULL;

  if (dot != NULL && dot != stem)
    *dot = '\0';
  g_strdelimit (stem, "_-", ' ');
  g_strstrip (stem);
  if (*stem == '\0')
    return g_strdup (name);

  title = g_strdup_printf ("%C%s", g_unichar_totitle (g_utf8_get_char (stem)),
                           g_utf8_next_char (stem));
  return g_steal_pointer (&title);
}

static char *
dataset_id_from_name (const char *name)
{
  g_autofree char *stem = g_strdup (name);
  char *dot = strrchr (stem, '.');
  g_autofree char *id = NULL;

  if (dot != NULL && dot != stem)
    *dot = '\0';
  id = mc_id_make (stem, "dataset");
  g_strdelimit (id, "_", '-');
  return g_steal_pointer (&id);
}

/**
 * mc_table_builder_new:
 * @name: the file the table comes from: messages name it, and the
 *   dataset takes its id and title from it
 *
 * Returns: (transfer full): a builder of a new dataset, whose columns
 *   are added with mc_table_builder_add_column()
 */
McTableBuilder *
mc_table_builder_new (const char *name)
{
  McTableBuilder *self;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  self = builder_new (name);
  id = dataset_id_from_name (name);
  title = title_from_name (name);
  self->dataset = mc_dataset_new (id);
  mc_dataset_set_title (self->dataset, title);
  return self;
}

/**
 * mc_table_builder_new_for_dataset:
 * @dataset: a dataset whose columns are declared, without rows
 * @name: the file the cells come from, for messages
 *
 * Returns: (transfer full): a builder that appends cells to the columns
 *   of @dataset, by their declared types
 */
McTableBuilder *
mc_table_builder_new_for_dataset (McDataset  *dataset,
                                  const char *name)
{
  McTableBuilder *self;

  g_return_val_if_fail (MC_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = builder_new (name);
  self->dataset = g_object_ref (dataset);
  self->declared = TRUE;
  g_array_set_size (self->columns, mc_dataset_get_n_columns (dataset));
  for (guint i = 0; i < self->columns->len; i++)
    {
      McTableColumn *column = &g_array_index (self->columns, McTableColumn, i);

      column->column = mc_dataset_get_column (dataset, i);
      column->keep = MC_TABLE_KEEP_NOTHING;
    }
  return self;
}

void
mc_table_builder_free (McTableBuilder *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->columns);
  g_string_free (self->scratch, TRUE);
  g_clear_object (&self->dataset);
  g_free (self->name);
  g_free (self);
}

/**
 * mc_table_builder_set_reporter:
 *
 * Without a reporter, messages about cells name the file only.
 */
void
mc_table_builder_set_reporter (McTableBuilder    *self,
                               McTableReportFunc  report,
                               gpointer           user_data)
{
  g_return_if_fail (self != NULL);

  self->report = report;
  self->report_data = user_data;
}

/* Returns: (transfer none): the dataset being built */
McDataset *
mc_table_builder_get_dataset (McTableBuilder *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->dataset;
}

McTableColumn *
mc_table_builder_get_columns (McTableBuilder *self)
{
  return (McTableColumn *) (gpointer) self->columns->data;
}

static McTableColumn *
get_column (McTableBuilder *self,
            guint           index)
{
  g_assert (index < self->columns->len);
  return &g_array_index (self->columns, McTableColumn, index);
}

guint
mc_table_builder_get_n_columns (McTableBuilder *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->columns->len;
}

/**
 * mc_table_builder_add_column:
 * @header: the header of the column, which an empty one gets a name for
 * @length: its length in bytes
 */
void
mc_table_builder_add_column (McTableBuilder *self,
                             const char     *header,
                             gsize           length)
{
  McTableColumn column = { 0, };

  g_return_if_fail (self != NULL && !self->declared);

  if (length == 0)
    column.label = g_strdup_printf (_("Column %u"), self->columns->len + 1);
  else
    column.label = g_strndup (header, length);
  column_start (&column);
  g_array_append_val (self->columns, column);
}

/**
 * mc_table_builder_restart:
 *
 * Forgets what the cells inferred so far said, for a reader that feeds
 * them again from the first (after a fast path gave up).
 */
void
mc_table_builder_restart (McTableBuilder *self)
{
  g_return_if_fail (self != NULL && !self->declared);

  for (guint i = 0; i < self->columns->len; i++)
    {
      column_forget (get_column (self, i));
      column_start (get_column (self, i));
    }
}

/* Inferring types */

/* Returns whether the value is a number in range, stored in @value. */
static gboolean
infer_number (McTableColumn *column,
              const char    *text,
              gsize          length,
              double        *value)
{
  gboolean percent = mc_cell_strip_percent (&text, &length);
  McCsvNumberResult result = mc_csv_parse_number (text, length, value);

  /* A number out of range still makes a number column, whose conversion
   * then says which cell is out of range, rather than a text column. */
  if (result == MC_CSV_NUMBER_RANGE)
    {
      column->years = FALSE;
      return FALSE;
    }
  if (result != MC_CSV_NUMBER_OK || mc_cell_has_leading_zero (text, length))
    {
      column->number = FALSE;
      return FALSE;
    }
  column->percent |= percent;
  if (column->years &&
      (percent || *value != floor (*value) || *value < 1000 || *value > 9999 ||
       memchr (text, '.', length) != NULL || memchr (text, 'e', length) != NULL))
    column->years = FALSE;
  return TRUE;
}

/* Keeps the value of a cell that is not missing. */
static void
keep_cell (McTableColumn   *column,
           gboolean         is_number,
           double           number,
           gboolean         is_date,
           double           days,
           McDatePrecision  precision)
{
  /* The first value that is not a number may still start a date column,
   * when only missing values came before it. */
  if (column->keep == MC_TABLE_KEEP_NUMBERS && !column->number &&
      column->n_values == 1 && is_date)
    column->keep = MC_TABLE_KEEP_DATES;

  if (column->keep == MC_TABLE_KEEP_NUMBERS && is_number)
    mc_table_column_keep (column, number);
  else if (column->keep == MC_TABLE_KEEP_DATES && is_date)
    {
      column->kept_finest = MAX (column->kept_finest, precision);
      mc_table_column_keep (column, days);
    }
  else if (column->keep != MC_TABLE_KEEP_NOTHING)
    column_forget (column);
}

/**
 * mc_table_builder_wants_cell:
 *
 * Returns: whether the cells of @column can still change what its type
 *   is or keep its values: a reader may skip them when not
 */
gboolean
mc_table_builder_wants_cell (McTableBuilder *self,
                             guint           column)
{
  return mc_table_column_wants_cell (get_column (self, column));
}

/**
 * mc_table_builder_infer_cell:
 * @text: the text of the cell, without the quotes or spaces around it
 *   that are not part of its value
 * @length: its length in bytes
 *
 * Narrows the types that @column can have by one cell.
 */
void
mc_table_builder_infer_cell (McTableBuilder *self,
                             guint           column,
                             const char     *text,
                             gsize           length)
{
  McTableColumn *c = get_column (self, column);
  gboolean unused;
  gboolean is_number = FALSE;
  gboolean is_date = FALSE;
  double number = NAN;
  double days = NAN;
  McDatePrecision precision = MC_DATE_YEAR;

  if (length == 0 || mc_cell_is_missing (text, length))
    {
      mc_table_column_keep (c, NAN);
      return;
    }

  c->n_values++;
  if (c->number)
    is_number = infer_number (c, text, length, &number);
  if (c->date)
    {
      is_date = mc_date_text_parse (text, length, &days, &precision);
      c->date = is_date;
    }
  if (c->boolean && !mc_cell_parse_boolean (text, length, &unused))
    c->boolean = FALSE;
  if (c->keep != MC_TABLE_KEEP_NOTHING)
    keep_cell (c, is_number, number, is_date, days, precision);
}

gboolean
mc_table_column_take_number_text (McTableColumn *column,
                                  const char    *text,
                                  gsize          length)
{
  double value;

  if (length == 0 || (length == 1 && *text == '-'))
    {
      mc_table_column_keep (column, NAN);
      return TRUE;
    }
  if (mc_csv_parse_number (text, length, &value) != MC_CSV_NUMBER_OK)
    return FALSE;
  return mc_table_column_take_number (column, text, length, value);
}

/* Deciding */

/* A header that names years: "Year", "Fiscal year", "report_year", "Date". */
static gboolean
names_years (const char *id)
{
  return g_str_equal (id, "year") || g_str_has_suffix (id, "_year") ||
         g_str_equal (id, "yr") || g_str_equal (id, "fy") || g_str_equal (id, "date");
}

static McColumnType
decide_type (const McTableColumn *column,
             const char          *id)
{
  if (column->n_values == 0)
    return MC_COLUMN_STRING;
  if (column->number && column->years && !column->percent && names_years (id))
    return MC_COLUMN_DATE;
  if (column->number)
    return MC_COLUMN_NUMBER;
  if (column->date)
    return MC_COLUMN_DATE;
  if (column->boolean)
    return MC_COLUMN_BOOLEAN;
  return MC_COLUMN_STRING;
}

/* A number column takes its unit from its header, unless its values
 * say otherwise ("17%" under "Revenue (USD m)"). */
static McColumn *
new_column (const char          *id,
            McColumnType         type,
            const McTableColumn *inferred)
{
  g_autofree char *label = NULL;
  g_autofree char *unit = NULL;
  McScale scale = MC_SCALE_NONE;
  McColumn *column;

  if (type != MC_COLUMN_NUMBER)
    return mc_column_new (id, inferred->label, type);
  if (!mc_header_unit_parse (inferred->label, &label, &unit, &scale)
      || (inferred->percent && g_strcmp0 (unit, "percent") != 0))
    {
      g_clear_pointer (&label, g_free);
      g_clear_pointer (&unit, g_free);
      scale = MC_SCALE_NONE;
    }
  column = mc_column_new (id, label ? label : inferred->label, type);
  if (inferred->percent)
    mc_column_set_unit (column, "percent");
  else if (unit != NULL)
    mc_column_set_unit (column, unit);
  mc_column_set_scale (column, scale);
  return column;
}

/* A unique, safe id from the header. */
static char *
column_id (McTableBuilder *self,
           guint           index,
           char          **base)
{
  g_autofree char *fallback = g_strdup_printf ("column_%u", index + 1);
  char *id;

  *base = mc_id_make (get_column (self, index)->label, fallback);
  id = g_strdup (*base);
  for (guint n = 2; mc_dataset_get_column_index (self->dataset, id) >= 0; n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s_%u", *base, n);
    }
  return id;
}

/* Moves the kept values into the column, when it has the type that was
 * decided: it then needs no second pass. */
static void
take_kept_values (McTableColumn *c)
{
  McColumnType type = mc_column_get_column_type (c->column);

  if ((type == MC_COLUMN_NUMBER && c->keep == MC_TABLE_KEEP_NUMBERS) ||
      (type == MC_COLUMN_DATE && c->keep == MC_TABLE_KEEP_DATES))
    {
      g_array_set_size (c->kept, c->n_kept);
      mc_column_take_values (c->column, g_steal_pointer (&c->kept));
      if (type == MC_COLUMN_DATE)
        mc_column_set_date_precision (c->column, c->kept_finest);
      c->filled = TRUE;
    }
  column_forget (c);
}

/**
 * mc_table_builder_decide:
 *
 * Decides the type of each column from the cells inferred, and makes the
 * columns of the dataset. The columns whose values were kept are
 * complete; mc_table_builder_needs_cells() says which are not.
 */
void
mc_table_builder_decide (McTableBuilder *self)
{
  g_return_if_fail (self != NULL && !self->declared);

  for (guint i = 0; i < self->columns->len; i++)
    {
      McTableColumn *c = get_column (self, i);
      g_autofree char *base = NULL;
      g_autofree char *id = column_id (self, i, &base);

      c->column = new_column (id, decide_type (c, base), c);
      mc_dataset_add_column (self->dataset, c->column);
      take_kept_values (c);
    }
}

/* Appending values */

/**
 * mc_table_builder_needs_cells:
 *
 * Returns: whether @column takes its cells through
 *   mc_table_builder_append_cell() (every declared column does; of a new
 *   table, those whose values could not be kept while inferring)
 */
gboolean
mc_table_builder_needs_cells (McTableBuilder *self,
                              guint           column)
{
  McTableColumn *c = get_column (self, column);

  g_return_val_if_fail (c->column != NULL, FALSE);

  return !c->filled;
}

G_GNUC_PRINTF (5, 6)
static gboolean
report (McTableBuilder  *self,
        guint            column,
        GError         **error,
        McLoaderError    code,
        const char      *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (self->report != NULL)
    self->report (self->report_data, column, code, message, error);
  else
    mc_loader_set_error (error, code, self->name, 0, 0, "%s", message);
  return FALSE;
}

static gboolean
append_number_text (McTableBuilder  *self,
                    guint            column,
                    const char      *text,
                    gsize            length,
                    GError         **error)
{
  McColumn *c = get_column (self, column)->column;
  g_autofree char *quoted = NULL;
  const char *number = text;
  gsize number_length = length;
  double value;

  if (g_strcmp0 (mc_column_get_unit (c), "percent") == 0)
    mc_cell_strip_percent (&number, &number_length);

  switch (mc_csv_parse_number (number, number_length, &value))
    {
    case MC_CSV_NUMBER_OK:
      mc_column_append_value (c, value);
      return TRUE;
    case MC_CSV_NUMBER_RANGE:
      quoted = mc_loader_describe_text (text, length);
      return report (self, column, error, MC_LOADER_ERROR_VALUE,
                     _("the number %s is out of range; the largest number is "
                       "about 1.8e308"), quoted);
    case MC_CSV_NUMBER_INVALID:
    default:
      {
        g_autofree char *id = mc_text_shown (mc_column_get_id (c));

        quoted = mc_loader_describe_text (text, length);
        return report (self, column, error, MC_LOADER_ERROR_TYPE,
                       _("column “%s” expects a number, found %s"), id, quoted);
      }
    }
}

static gboolean
append_boolean_text (McTableBuilder  *self,
                     guint            column,
                     const char      *text,
                     gsize            length,
                     GError         **error)
{
  McColumn *c = get_column (self, column)->column;
  g_autofree char *quoted = NULL;
  g_autofree char *id = NULL;
  gboolean value;

  if (mc_cell_parse_boolean (text, length, &value))
    {
      mc_column_append_value (c, value ? 1 : 0);
      return TRUE;
    }
  id = mc_text_shown (mc_column_get_id (c));
  quoted = mc_loader_describe_text (text, length);
  return report (self, column, error, MC_LOADER_ERROR_TYPE,
                 _("column “%s” expects true or false (or yes or no), found %s"),
                 id, quoted);
}

/**
 * mc_table_builder_append_date:
 * @text: a date as written, not necessarily NUL-terminated
 * @length: its length in bytes
 *
 * Appends a date to a date column, whose precision becomes that of its
 * most precise date.
 */
gboolean
mc_table_builder_append_date (McTableBuilder  *self,
                              guint            column,
                              const char      *text,
                              gsize            length,
                              GError         **error)
{
  McTableColumn *c = get_column (self, column);
  g_autofree char *quoted = NULL;
  McDatePrecision precision;
  double days;

  if (mc_date_text_parse (text, length, &days, &precision))
    {
      c->finest = MAX (c->finest, precision);
      mc_column_append_value (c->column, days);
      return TRUE;
    }
  quoted = mc_loader_describe_text (text, length);
  return report (self, column, error, MC_LOADER_ERROR_VALUE,
                 _("%s is not a date; expected e.g. 2024, 2024-02 or 2024-02-15"),
                 quoted);
}

/**
 * mc_table_builder_append_cell:
 * @text: the text of the cell, without the quotes or spaces around it
 *   that are not part of its value
 * @length: its length in bytes
 *
 * Appends a cell to @column as its type reads it: empty cells are
 * missing values, and in number, date and boolean columns so are
 * markers such as "NA" or "-"; "17%" is 17 in a percent column.
 *
 * Returns: %FALSE with @error set (through the reporter) when the cell
 *   is not a value of the column's type
 */
gboolean
mc_table_builder_append_cell (McTableBuilder  *self,
                              guint            column,
                              const char      *text,
                              gsize            length,
                              GError         **error)
{
  McColumn *c = get_column (self, column)->column;
  McColumnType type = mc_column_get_column_type (c);

  if (length == 0 || (type != MC_COLUMN_STRING && mc_cell_is_missing (text, length)))
    {
      mc_column_append_missing (c);
      return TRUE;
    }

  switch (type)
    {
    case MC_COLUMN_NUMBER:
      return append_number_text (self, column, text, length, error);
    case MC_COLUMN_DATE:
      return mc_table_builder_append_date (self, column, text, length, error);
    case MC_COLUMN_BOOLEAN:
      return append_boolean_text (self, column, text, length, error);
    case MC_COLUMN_STRING:
    default:
      g_string_truncate (self->scratch, 0);
      g_string_append_len (self->scratch, text, length);
      mc_column_append_string (c, self->scratch->str);
      return TRUE;
    }
}

void
mc_table_builder_append_missing (McTableBuilder *self,
                                 guint           column)
{
  mc_column_append_missing (get_column (self, column)->column);
}

void
mc_table_builder_append_number (McTableBuilder *self,
                                guint           column,
                                double          value)
{
  mc_column_append_value (get_column (self, column)->column, value);
}

void
mc_table_builder_append_boolean (McTableBuilder *self,
                                 guint           column,
                                 gboolean        value)
{
  mc_column_append_value (get_column (self, column)->column, value ? 1 : 0);
}

void
mc_table_builder_append_string (McTableBuilder *self,
                                guint           column,
                                const char     *text)
{
  mc_column_append_string (get_column (self, column)->column, text);
}

/**
 * mc_table_builder_finish:
 *
 * Gives the date columns that took cells the precision of their most
 * precise date, and a new table its default chart.
 */
void
mc_table_builder_finish (McTableBuilder *self)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->columns->len; i++)
    {
      McTableColumn *c = get_column (self, i);

      if (!c->filled && mc_column_get_column_type (c->column) == MC_COLUMN_DATE &&
          mc_column_get_n_rows (c->column) > 0)
        mc_column_set_date_precision (c->column, c->finest);
    }
  if (!self->declared)
    mc_default_chart_add (self->dataset, self->name);
}
