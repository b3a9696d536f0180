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
  McTableLocateFunc  locate;
  gpointer           locate_data;
  gboolean           prefer_comma;  /* decimal commas, when a column allows both */
};

static McTableBuilder *
builder_new (const char *name)
{
  McTableBuilder *self = g_new0 (McTableBuilder, 1);

  self->name = g_strdup (name);
  self->columns = g_array_new (FALSE, TRUE, sizeof (McTableColumn));
  g_array_set_clear_func (self->columns, (GDestroyNotify) mc_table_column_clear);
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

/**
 * mc_table_builder_set_locator:
 *
 * Without a locator, warnings about cells name the file only.
 */
void
mc_table_builder_set_locator (McTableBuilder    *self,
                              McTableLocateFunc  locate,
                              gpointer           user_data)
{
  g_return_if_fail (self != NULL);

  self->locate = locate;
  self->locate_data = user_data;
}

/**
 * mc_table_builder_prefer_decimal_comma:
 *
 * Says that the table comes from where commas mark decimals (a CSV file
 * separated by semicolons, as spreadsheets write it there): "1,234" is
 * then read as 1.234, not 1234, unless other values of its column decide.
 */
void
mc_table_builder_prefer_decimal_comma (McTableBuilder *self,
                                       gboolean        prefer)
{
  g_return_if_fail (self != NULL);

  self->prefer_comma = prefer;
}

/* Whether mc_table_builder_prefer_decimal_comma() said so: the fast path
 * reads decimal commas only then, as the general reader does. */
gboolean
mc_table_builder_prefers_decimal_comma (McTableBuilder *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->prefer_comma;
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
  mc_table_column_start (&column);
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
      mc_table_column_forget (get_column (self, i));
      mc_table_column_start (get_column (self, i));
    }
}

/**
 * mc_table_builder_merge:
 * @parts: one column per column of the builder, started the same way,
 *   with what a reader's fast path found in the next rows
 *
 * Takes in the values a reader read in parts (blocks of rows read in
 * several threads), in the order of the rows.
 */
void
mc_table_builder_merge (McTableBuilder *self,
                        McTableColumn  *parts)
{
  g_return_if_fail (self != NULL && !self->declared);

  for (guint i = 0; i < self->columns->len; i++)
    mc_table_column_merge (get_column (self, i), &parts[i]);
}

/* Inferring types */

/* Where the cell that made a column of numbers text is, for the warning
 * that says so once the column is text. */
static void
note_break_position (McTableBuilder *self,
                     guint           column)
{
  McTableColumn *c = get_column (self, column);

  g_free (c->break_where);
  c->break_where = self->locate ? self->locate (self->locate_data, column)
                                : g_strdup (self->name);
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
  if (mc_table_column_infer_text (get_column (self, column), text, length))
    note_break_position (self, column);
}

/**
 * mc_table_builder_infer_number:
 * @unit: (nullable): "percent" or a currency code, when the reader knows
 *   it (a spreadsheet's number format)
 * @decimals: the decimals the value is written with, where the file
 *   says (a JSON number's literal, a spreadsheet's number format), else
 *   MC_DECIMALS_UNKNOWN
 * @text: the value as written, for messages
 *
 * Narrows the types of @column by a value the reader found as a number.
 */
void
mc_table_builder_infer_number (McTableBuilder *self,
                               guint           column,
                               double          value,
                               int             decimals,
                               const char     *unit,
                               const char     *text)
{
  if (mc_table_column_infer_number (get_column (self, column), value, decimals, unit,
                                    text, strlen (text)))
    note_break_position (self, column);
}

void
mc_table_builder_infer_boolean (McTableBuilder *self,
                                guint           column,
                                gboolean        value)
{
  const char *text = value ? "true" : "false";

  if (mc_table_column_infer_boolean (get_column (self, column), text, strlen (text)))
    note_break_position (self, column);
}

/**
 * mc_table_builder_infer_date:
 * @days: days since 1970-01-01
 * @text: the date as written, for messages
 */
void
mc_table_builder_infer_date (McTableBuilder  *self,
                             guint            column,
                             double           days,
                             McDatePrecision  precision,
                             const char      *text)
{
  if (mc_table_column_infer_date (get_column (self, column), days, precision,
                                  text, strlen (text)))
    note_break_position (self, column);
}

gboolean
mc_table_column_take_number_text (McTableColumn *column,
                                  const char    *text,
                                  gsize          length)
{
  double value;

  if (length == 0 || (length == 1 && *text == '-'))
    {
      mc_table_column_keep (column, NAN, MC_DECIMALS_UNKNOWN);
      return TRUE;
    }
  if (mc_csv_parse_number (text, length, &value) != MC_CSV_NUMBER_OK)
    return FALSE;
  return mc_table_column_take_number (column, text, length, value,
                                      mc_cell_written_decimals (text, length, '.'));
}

/* Deciding */

/* The ids given so far, and the next number to try after each base, so
 * that thousands of equal headers (a web table's header spanning them)
 * take no longer than as many different ones. */
typedef struct
{
  GHashTable *taken;
  GHashTable *next;   /* base → guint */
} Ids;

/* A unique, safe id from the header: "region", then "region_2", … */
static char *
column_id (McTableBuilder *self,
           guint           index,
           Ids            *ids,
           char          **base)
{
  g_autofree char *fallback = g_strdup_printf ("column_%u", index + 1);
  char *id;
  guint n;

  *base = mc_id_make (get_column (self, index)->label, fallback);
  n = MAX (2, GPOINTER_TO_UINT (g_hash_table_lookup (ids->next, *base)));
  id = g_strdup (*base);
  while (g_hash_table_contains (ids->taken, id))
    {
      g_free (id);
      id = g_strdup_printf ("%s_%u", *base, n++);
    }
  g_hash_table_add (ids->taken, g_strdup (id));
  g_hash_table_insert (ids->next, g_strdup (*base), GUINT_TO_POINTER (n));
  return id;
}

/* Whether the values @kept kept are all of @type, as its cells would be
 * read one by one. */
static gboolean
kept_fits (const McTableColumn *kept,
           McColumnType         type)
{
  return (type == MC_COLUMN_NUMBER && kept->keep == MC_TABLE_KEEP_NUMBERS)
         || (type == MC_COLUMN_DATE && kept->keep == MC_TABLE_KEEP_DATES)
         || (type == MC_COLUMN_STRING && kept->keep == MC_TABLE_KEEP_TEXTS);
}

/* Hands the values @kept kept to @to's column, which needs no cells
 * then. */
static void
give_kept (McTableColumn *kept,
           McTableColumn *to)
{
  if (mc_column_get_column_type (to->column) == MC_COLUMN_DATE)
    mc_column_set_date_precision (to->column, kept->kept_finest);
  mc_table_column_give_kept (kept, to->column);
  to->filled = TRUE;
}

/* Moves the kept values into the column, when it has the type that was
 * decided: it then needs no second pass. */
static void
take_kept_values (McTableColumn *c)
{
  McColumnType type = mc_column_get_column_type (c->column);

  /* Seconds or milliseconds since 1970 become days */
  if (type == MC_COLUMN_DATE && c->keep == MC_TABLE_KEEP_NUMBERS && c->epoch != 0)
    {
      mc_table_column_end_progression (c);
      for (guint i = 0; i < c->n_kept; i++)
        g_array_index (c->kept, double, i) /= c->epoch;
      c->keep = MC_TABLE_KEEP_DATES;
      c->kept_finest = MC_DATE_DAY;
    }
  if (kept_fits (c, type))
    give_kept (c, c);
  mc_table_column_forget (c);
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
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) next = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Ids ids = { taken, next };

  g_return_if_fail (self != NULL && !self->declared);

  for (guint i = 0; i < self->columns->len; i++)
    {
      McTableColumn *c = get_column (self, i);
      g_autofree char *base = NULL;
      g_autofree char *id = column_id (self, i, &ids, &base);

      c->column = mc_table_column_new_column (c, id, mc_table_column_decide_type (c, base),
                                              self->prefer_comma);
      mc_dataset_add_column (self->dataset, c->column);
      take_kept_values (c);
    }
}

/**
 * mc_table_builder_can_take_kept:
 * @self: a builder of declared columns
 * @column: one of them
 * @from: a builder of a new table whose reader kept its values, not yet
 *   decided
 * @from_column: the column of @from
 *
 * Returns: whether the values @from kept for @from_column are all of
 *   @column's declared type, as its cells would be read one by one
 */
gboolean
mc_table_builder_can_take_kept (McTableBuilder *self,
                                guint           column,
                                McTableBuilder *from,
                                guint           from_column)
{
  const McTableColumn *kept;

  g_return_val_if_fail (self != NULL && self->declared, FALSE);
  g_return_val_if_fail (from != NULL && !from->declared, FALSE);

  kept = get_column (from, from_column);
  /* A declared date column reads no dates in numbers ("15/02/2024"),
   * whose order only a column of them tells. */
  return kept_fits (kept, mc_column_get_column_type (get_column (self, column)->column))
         && kept->date_orders == MC_DATE_ORDER_EITHER;
}

/**
 * mc_table_builder_take_kept:
 *
 * Gives declared @column the values @from kept for @from_column, which
 * mc_table_builder_can_take_kept() allows; the column then takes no
 * cells.
 */
void
mc_table_builder_take_kept (McTableBuilder *self,
                            guint           column,
                            McTableBuilder *from,
                            guint           from_column)
{
  g_return_if_fail (mc_table_builder_can_take_kept (self, column, from, from_column));

  give_kept (get_column (from, from_column), get_column (self, column));
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
number_error (McTableBuilder  *self,
              guint            column,
              const char      *text,
              gsize            length,
              GError         **error)
{
  McColumn *c = get_column (self, column)->column;
  g_autofree char *id = mc_text_shown (mc_column_get_id (c));
  g_autofree char *quoted = mc_loader_describe_text (text, length);

  return report (self, column, error, MC_LOADER_ERROR_TYPE,
                 _("column “%s” expects a number, found %s"), id, quoted);
}

static gboolean
append_number_text (McTableBuilder  *self,
                    guint            column,
                    const char      *text,
                    gsize            length,
                    GError         **error)
{
  McTableColumn *inferred = get_column (self, column);
  McColumn *c = inferred->column;
  g_autofree char *quoted = NULL;
  const char *number = text;
  gsize number_length = length;
  double value;
  int decimals;

  if (inferred->amounts)
    {
      if (!mc_table_column_read_amount (inferred, text, length, &value, &decimals))
        return number_error (self, column, text, length, error);
      mc_column_append_written (c, value, decimals);
      return TRUE;
    }
  if (g_strcmp0 (mc_column_get_unit (c), "percent") == 0)
    mc_cell_strip_percent (&number, &number_length);

  switch (mc_csv_parse_number (number, number_length, &value))
    {
    case MC_CSV_NUMBER_OK:
      mc_column_append_written (c, value, mc_cell_written_decimals (number, number_length, '.'));
      return TRUE;
    case MC_CSV_NUMBER_RANGE:
      quoted = mc_loader_describe_text (text, length);
      return report (self, column, error, MC_LOADER_ERROR_VALUE,
                     _("the number %s is out of range; the largest number is "
                       "about 1.8e308"), quoted);
    case MC_CSV_NUMBER_INVALID:
    default:
      return number_error (self, column, text, length, error);
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

  /* Dates of numbers in the one order their column allows */
  if (mc_date_text_parse (text, length, &days, &precision)
      || ((c->date_orders == MC_DATE_ORDER_DAY_FIRST
           || c->date_orders == MC_DATE_ORDER_MONTH_FIRST)
          && mc_date_text_parse_numeric (text, length, c->date_orders, &days, &precision)))
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

/* A value that a reader found typed, in a column of another type: its
 * text, as the reader wrote it. */
static void
append_as_text (McTableBuilder *self,
                guint           column,
                const char     *text)
{
  McColumn *c = get_column (self, column)->column;

  if (mc_column_get_column_type (c) == MC_COLUMN_STRING)
    mc_column_append_string (c, text);
  else
    mc_column_append_missing (c);
}

/* A number in a date column: a time since 1970, or a year (2021). */
static void
append_number_date (McTableColumn *c,
                    double         value,
                    const char    *text)
{
  g_autofree char *year = g_strdup_printf ("%.0f", value);
  McDatePrecision precision;
  double days;

  if (c->epoch != 0)
    mc_column_append_value (c->column, value / c->epoch);
  else if (value == floor (value)
           && mc_date_text_parse (year, strlen (year), &days, &precision))
    {
      c->finest = MAX (c->finest, precision);
      mc_column_append_value (c->column, days);
    }
  else
    mc_column_append_missing (c->column);
}

/**
 * mc_table_builder_append_number:
 * @decimals: the decimals the value is written with, where the file says,
 *   else MC_DECIMALS_UNKNOWN (see mc_table_builder_infer_number())
 * @text: the value as written, for a column of text
 */
void
mc_table_builder_append_number (McTableBuilder *self,
                                guint           column,
                                double          value,
                                int             decimals,
                                const char     *text)
{
  McTableColumn *c = get_column (self, column);

  if (mc_column_get_column_type (c->column) == MC_COLUMN_NUMBER)
    mc_column_append_written (c->column, value, decimals);
  else if (mc_column_get_column_type (c->column) == MC_COLUMN_DATE)
    append_number_date (c, value, text);
  else
    append_as_text (self, column, text);
}

void
mc_table_builder_append_boolean (McTableBuilder *self,
                                 guint           column,
                                 gboolean        value)
{
  McColumn *c = get_column (self, column)->column;

  if (mc_column_get_column_type (c) == MC_COLUMN_BOOLEAN)
    mc_column_append_value (c, value ? 1 : 0);
  else
    append_as_text (self, column, value ? "true" : "false");
}

/**
 * mc_table_builder_append_date_days:
 * @days: days since 1970-01-01
 * @text: the date as written, for a column of text
 */
void
mc_table_builder_append_date_days (McTableBuilder  *self,
                                   guint            column,
                                   double           days,
                                   McDatePrecision  precision,
                                   const char      *text)
{
  McTableColumn *c = get_column (self, column);

  if (mc_column_get_column_type (c->column) != MC_COLUMN_DATE)
    {
      append_as_text (self, column, text);
      return;
    }
  c->finest = MAX (c->finest, precision);
  mc_column_append_value (c->column, days);
}

void
mc_table_builder_append_string (McTableBuilder *self,
                                guint           column,
                                const char     *text)
{
  mc_column_append_string (get_column (self, column)->column, text);
}

/* Nothing is lost silently: a column of numbers read as text says why,
 * at the value that decided it. */
static void
warn_columns_read_as_text (McTableBuilder *self)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      McTableColumn *c = get_column (self, i);
      g_autofree char *message = mc_table_column_describe_text (c);
      g_autofree char *full = NULL;

      if (message == NULL)
        continue;
      full = g_strdup_printf ("%s: %s", c->break_where ? c->break_where : self->name,
                              message);
      mc_dataset_add_warning (self->dataset, full);
    }
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
  if (self->declared)
    return;
  warn_columns_read_as_text (self);
  mc_default_chart_add (self->dataset, self->name);
}
