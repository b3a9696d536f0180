/* mc-reader-ods.c: the reader of OpenDocument spreadsheets (ODS)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An ODS file is a zip of XML parts (OASIS OpenDocument 1.2): its first
 * entry, "mimetype", names the format; content.xml holds every sheet, a
 * <table:table> each, row by row, and cells that carry their typed value
 * (office:value-type, office:value, office:date-value) beside the text
 * they show. Runs of equal cells and rows are written once with a count
 * (number-columns-repeated, number-rows-repeated), which is how a sheet
 * says that its last million rows are empty: a count never makes a loop
 * over empty cells, and the copies it makes of cells with values are
 * limited. The number styles (in styles.xml and at the top of
 * content.xml) say which numbers are amounts of money and how precise a
 * date is. The container and the XML are read in mc-workbook.c.
 */
#include "config.h"

#include "mc-reader.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mc-amount.h"
#include "mc-date-text.h"
#include "mc-workbook.h"

#define MIMETYPE "application/vnd.oasis.opendocument.spreadsheet"
#define OFFICE_NS "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define STYLE_NS "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define TABLE_NS "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define TEXT_NS "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NUMBER_NS "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"

/* The most spaces one <text:s text:c="…"/> gives. */
#define MAX_SPACES 1024

typedef struct
{
  McWorkbook   workbook;
  GPtrArray   *sheet_names;
  GHashTable  *data_styles;   /* number style name → McNumberFormat */
  GHashTable  *cell_styles;   /* cell style name → number style name */
  guint        sheet;         /* the one read, from 0 */
  const char  *sheet_name;
  guint64      copies;        /* cells made by repeat counts so far */
} Ods;

static void
ods_clear (Ods *ods)
{
  mc_workbook_close (&ods->workbook);
  g_clear_pointer (&ods->sheet_names, g_ptr_array_unref);
  g_clear_pointer (&ods->data_styles, g_hash_table_unref);
  g_clear_pointer (&ods->cell_styles, g_hash_table_unref);
}

/* A count attribute ("number-columns-repeated"): 1 when absent or odd. */
static guint
count_attribute (const McXmlNode *node,
                 const char      *name,
                 const char      *ns)
{
  g_autofree char *text = mc_workbook_xml_attribute_ns (node, name, ns);
  guint64 count;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT, &count, NULL))
    return 1;
  return (guint) count;
}

/* Number styles */

typedef struct
{
  Ods             *ods;
  char            *name;       /* of the number style at hand, or NULL */
  McNumberFormat   format;
  GString         *shown;      /* its texts, "1" for the number: "$1" */
  gboolean         in_text;
  guint            date_parts; /* 1 year, 2 month, 4 day */
} Styles;

static gboolean
is_number_style (const char *name)
{
  return g_str_has_suffix (name, "-style") && !g_str_equal (name, "default-style");
}

static void
start_number_style (Styles          *styles,
                    const McXmlNode *node)
{
  g_free (styles->name);
  styles->name = mc_workbook_xml_attribute_ns (node, "name", STYLE_NS);
  styles->format = (McNumberFormat) { g_str_equal (node->name, "date-style"), MC_DATE_DAY, NULL,
                                      MC_DECIMALS_UNKNOWN };
  if (g_str_equal (node->name, "percentage-style"))
    styles->format.unit = "percent";
  g_string_truncate (styles->shown, 0);
  styles->date_parts = 0;
}

/* A currency is what the amount parser makes of the style's texts
 * around a number: "$1", "1 €", "US$1". */
static void
end_number_style (Styles *styles)
{
  McAmount amount;

  if (styles->format.date)
    styles->format.precision = styles->date_parts & 4 ? MC_DATE_DAY
                               : styles->date_parts & 2 ? MC_DATE_MONTH : MC_DATE_YEAR;
  else if (styles->format.unit == NULL
           && mc_amount_parse (styles->shown->str, styles->shown->len, MC_DECIMAL_POINT, &amount)
           && amount.unit != NULL && !g_str_equal (amount.unit, "percent"))
    styles->format.unit = amount.unit;
  if (styles->name != NULL && g_hash_table_size (styles->ods->data_styles) < 65536)
    g_hash_table_insert (styles->ods->data_styles, g_steal_pointer (&styles->name),
                         g_memdup2 (&styles->format, sizeof styles->format));
  g_clear_pointer (&styles->name, g_free);
}

static void
style_part (Styles          *styles,
            const McXmlNode *node)
{
  const char *text = mc_workbook_xml_text (node);

  if (text != NULL && styles->in_text && styles->shown->len < 64)
    g_string_append (styles->shown, text);
  else if (mc_workbook_xml_is_start (node, "text") || mc_workbook_xml_is_start (node, "currency-symbol"))
    styles->in_text = !node->empty;
  else if (mc_workbook_xml_is_end (node, "text") || mc_workbook_xml_is_end (node, "currency-symbol"))
    styles->in_text = FALSE;
  else if (mc_workbook_xml_is_start (node, "number"))
    {
      g_autofree char *places = mc_workbook_xml_attribute_ns (node, "decimal-places", NUMBER_NS);

      g_string_append_c (styles->shown, '1');
      if (places != NULL)
        styles->format.decimals = CLAMP (atoi (places), 0, MC_DECIMALS_MAX);
    }
  else if (mc_workbook_xml_is_start (node, "scientific-number"))
    g_string_append_c (styles->shown, '1');
  else if (mc_workbook_xml_is_start (node, "year"))
    styles->date_parts |= 1;
  else if (mc_workbook_xml_is_start (node, "month"))
    styles->date_parts |= 2;
  else if (mc_workbook_xml_is_start (node, "day"))
    styles->date_parts |= 4;
}

/* The number styles, and the number style of each cell style; in
 * content.xml, they come before the body, where reading stops. */
static gboolean
style_element (const McXmlNode  *node,
               gpointer          data,
               GError          **error)
{
  Styles *styles = data;

  if (mc_workbook_xml_is_start (node, "body"))
    return FALSE;
  if (node->type == XML_READER_TYPE_ELEMENT && is_number_style (node->name))
    start_number_style (styles, node);
  if (styles->name != NULL && (node->type == XML_READER_TYPE_END_ELEMENT || node->empty)
      && is_number_style (node->name))
    end_number_style (styles);
  else if (styles->name != NULL)
    style_part (styles, node);
  else if (mc_workbook_xml_is_start (node, "style")
           && g_hash_table_size (styles->ods->cell_styles) < 65536)
    {
      char *name = mc_workbook_xml_attribute_ns (node, "name", STYLE_NS);
      char *data_style = mc_workbook_xml_attribute_ns (node, "data-style-name", STYLE_NS);

      if (name != NULL && data_style != NULL)
        g_hash_table_insert (styles->ods->cell_styles, g_steal_pointer (&name),
                             g_steal_pointer (&data_style));
      g_free (name);
      g_free (data_style);
    }
  return TRUE;
}

static gboolean
read_styles (Ods     *ods,
             GError **error)
{
  Styles styles = { ods, NULL, { 0, }, g_string_new (NULL), };
  gboolean ok;

  ok = mc_workbook_walk_xml (&ods->workbook, "styles.xml", FALSE, style_element, &styles, error)
       && mc_workbook_walk_xml (&ods->workbook, "content.xml", TRUE, style_element, &styles,
                                error);
  g_free (styles.name);
  g_string_free (styles.shown, TRUE);
  return ok;
}

/* The sheets: their names */

static gboolean
sheet_name_element (const McXmlNode  *node,
                    gpointer          data,
                    GError          **error)
{
  Ods *ods = data;

  if (mc_workbook_xml_is_start (node, "table") && ods->sheet_names->len < 4096)
    {
      char *name = mc_workbook_xml_attribute_ns (node, "name", TABLE_NS);

      g_ptr_array_add (ods->sheet_names, name ? name : g_strdup ("?"));
    }
  return TRUE;
}

static gboolean
read_sheet_names (Ods     *ods,
                  GError **error)
{
  gboolean ok = mc_workbook_walk_xml (&ods->workbook, "content.xml", TRUE, sheet_name_element,
                                      ods, error);

  g_ptr_array_add (ods->sheet_names, NULL);
  return ok;
}

/* A sheet's cells */

/* A cell with a value, kept until the end of its row, which may be
 * repeated. */
typedef struct
{
  guint            column;
  guint            repeat;     /* the columns it fills */
  guint            span;       /* the columns it is merged over */
  McSheetCellKind  kind;
  char            *text;
  double           number;
  const char      *unit;
  McDatePrecision  precision;
  int              decimals;   /* of a number, as its style shows it */
} Pending;

static void
pending_clear (gpointer data)
{
  Pending *pending = data;

  g_free (pending->text);
}

typedef struct
{
  Ods              *ods;
  McSheetCellFunc   func;
  gpointer          data;
  guint             table;       /* the tables begun */
  gboolean          in_sheet;
  guint             row;
  guint             row_repeat;
  guint             column;
  GArray           *cells;       /* Pending, of the row at hand */
  /* The cell at hand */
  gboolean          in_cell;
  gboolean          covered;
  guint             cell_repeat;
  guint             span;
  char             *type;        /* office:value-type */
  char             *value;       /* office:value, date-value or boolean-value */
  char             *currency;
  char             *style;
  GString          *text;
  guint             paragraphs;
  guint             in_annotation;
} Walk;

static guint
add_saturated (guint a,
               guint b)
{
  return a > G_MAXUINT - b ? G_MAXUINT : a + b;
}

/* Copies made by repeat counts are limited, so that a few bytes cannot
 * ask for billions of cells; the error is at the cell that asks. */
static gboolean
count_copies (Walk     *walk,
              Pending  *pending,
              GError  **error)
{
  g_autofree char *letters = NULL;

  walk->ods->copies += (guint64) pending->repeat * walk->row_repeat - 1;
  if (walk->ods->copies <= MC_LOADER_MAX_REPEATED_CELLS)
    return TRUE;
  letters = mc_workbook_column_name (pending->column);
  g_set_error (error, MC_LOADER_ERROR, MC_LOADER_ERROR_TOO_LARGE,
               _("%s:%s!%s%u: the sheet repeats its cells more than %u times in all; "
                 "that is the limit"),
               walk->ods->workbook.name, walk->ods->sheet_name, letters, walk->row + 1,
               (guint) MC_LOADER_MAX_REPEATED_CELLS);
  return FALSE;
}

static gboolean
emit_pending (Walk     *walk,
              Pending  *pending,
              guint     row,
              GError  **error)
{
  McSheetCell cell = { row, pending->column, pending->kind, pending->text, pending->number,
                       pending->unit, pending->precision, 1, pending->decimals };

  if (row == walk->row && pending->span > 1
      && !walk->func (&(McSheetCell) { row, pending->column, MC_SHEET_CELL_MERGE, NULL, 0,
                                       NULL, MC_DATE_DAY, pending->span },
                      walk->data, error))
    return FALSE;
  for (guint i = 0; i < pending->repeat && pending->kind != MC_SHEET_CELL_MERGE; i++)
    {
      cell.column = add_saturated (pending->column, i);
      if (!walk->func (&cell, walk->data, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
end_row (Walk     *walk,
         GError  **error)
{
  gboolean ok = TRUE;

  for (guint i = 0; ok && i < walk->cells->len; i++)
    ok = count_copies (walk, &g_array_index (walk->cells, Pending, i), error);
  for (guint r = 0; ok && r < walk->row_repeat && walk->cells->len > 0; r++)
    for (guint i = 0; ok && i < walk->cells->len; i++)
      ok = emit_pending (walk, &g_array_index (walk->cells, Pending, i),
                         add_saturated (walk->row, r), error);
  g_array_set_size (walk->cells, 0);
  walk->row = add_saturated (walk->row, walk->row_repeat);
  return ok;
}

static void
start_cell (Walk            *walk,
            const McXmlNode *node)
{
  walk->in_cell = TRUE;
  walk->covered = g_str_equal (node->name, "covered-table-cell");
  walk->cell_repeat = count_attribute (node, "number-columns-repeated", TABLE_NS);
  walk->span = count_attribute (node, "number-columns-spanned", TABLE_NS);
  g_free (walk->type);
  g_free (walk->value);
  g_free (walk->currency);
  g_free (walk->style);
  walk->type = mc_workbook_xml_attribute_ns (node, "value-type", OFFICE_NS);
  walk->value = mc_workbook_xml_attribute_ns (node, "value", OFFICE_NS);
  if (walk->value == NULL)
    walk->value = mc_workbook_xml_attribute_ns (node, "date-value", OFFICE_NS);
  if (walk->value == NULL)
    walk->value = mc_workbook_xml_attribute_ns (node, "boolean-value", OFFICE_NS);
  if (walk->value == NULL)
    walk->value = mc_workbook_xml_attribute_ns (node, "string-value", OFFICE_NS);
  walk->currency = mc_workbook_xml_attribute_ns (node, "currency", OFFICE_NS);
  walk->style = mc_workbook_xml_attribute_ns (node, "style-name", TABLE_NS);
  g_string_truncate (walk->text, 0);
  walk->paragraphs = 0;
}

static const McNumberFormat *
cell_format (Walk *walk)
{
  const char *data_style = walk->style
                           ? g_hash_table_lookup (walk->ods->cell_styles, walk->style) : NULL;

  return data_style ? g_hash_table_lookup (walk->ods->data_styles, data_style) : NULL;
}

/* A date: its precision is its number style's, else its value's. */
static gboolean
date_of_cell (Walk    *walk,
              Pending *pending)
{
  const McNumberFormat *format = cell_format (walk);

  if (walk->value == NULL
      || !mc_date_text_parse (walk->value, strlen (walk->value), &pending->number,
                              &pending->precision))
    return FALSE;
  if (format != NULL && format->date)
    pending->precision = MIN (pending->precision, format->precision);
  pending->kind = MC_SHEET_CELL_DATE;
  pending->text = mc_date_text_format (pending->number, pending->precision);
  return TRUE;
}

/* A currency named by its code, office:currency="USD". */
static const char *
unit_of_code (const char *code)
{
  g_autofree char *shown = g_strconcat (code, " 1", NULL);
  McAmount amount;

  if (!mc_amount_parse (shown, strlen (shown), MC_DECIMAL_POINT, &amount))
    return NULL;
  return amount.unit;
}

/* A number: percentages are in percent; the unit of an amount of money
 * is its currency, else its number style's. */
static gboolean
number_of_cell (Walk    *walk,
                Pending *pending)
{
  const McNumberFormat *format = cell_format (walk);
  char *end = NULL;

  if (walk->value == NULL)
    return FALSE;
  pending->number = g_ascii_strtod (walk->value, &end);
  if (end == walk->value || *end != '\0' || !isfinite (pending->number))
    return FALSE;
  pending->kind = MC_SHEET_CELL_NUMBER;
  pending->decimals = format != NULL ? format->decimals : MC_DECIMALS_UNKNOWN;
  pending->text = g_strdup (walk->text->len > 0 ? walk->text->str : walk->value);
  if (g_str_equal (walk->type, "percentage"))
    {
      pending->number *= 100;
      pending->unit = "percent";
    }
  else if (g_str_equal (walk->type, "currency") && walk->currency != NULL)
    pending->unit = unit_of_code (walk->currency);
  if (pending->unit == NULL && format != NULL && g_strcmp0 (format->unit, "percent") != 0)
    pending->unit = format->unit;
  return TRUE;
}

/* What the cell at hand holds, from its value type: FALSE when nothing
 * (an empty cell, an error of a formula). */
static gboolean
value_of_cell (Walk    *walk,
               Pending *pending)
{
  const char *type = walk->type ? walk->type : "";
  const char *text;

  /* A number whose value is damaged is read as the text it shows, so
   * that the table builder says what it makes of it. */
  if ((g_str_equal (type, "float") || g_str_equal (type, "percentage")
       || g_str_equal (type, "currency"))
      && number_of_cell (walk, pending))
    return TRUE;
  if (g_str_equal (type, "date"))
    return date_of_cell (walk, pending);
  if (g_str_equal (type, "boolean"))
    {
      pending->kind = MC_SHEET_CELL_BOOLEAN;
      pending->number = g_strcmp0 (walk->value, "true") == 0;
      pending->text = g_strdup (pending->number ? "true" : "false");
      return TRUE;
    }
  text = g_str_equal (type, "string") && walk->value ? walk->value : walk->text->str;
  if (*text == '\0')
    return FALSE;
  pending->kind = MC_SHEET_CELL_TEXT;
  pending->text = g_strdup (text);
  return TRUE;
}

/* A cell with a value, or merged over the next ones, waits for the end
 * of its row. */
static void
end_cell (Walk *walk)
{
  Pending pending = { walk->column, walk->cell_repeat, walk->span, MC_SHEET_CELL_MERGE, NULL,
                      0, NULL, MC_DATE_DAY };

  walk->in_cell = FALSE;
  if (!walk->covered && (value_of_cell (walk, &pending) || walk->span > 1))
    g_array_append_val (walk->cells, pending);
  walk->column = add_saturated (walk->column, walk->cell_repeat);
}

/* The text a cell shows: its paragraphs on lines of their own, spaces,
 * tabs and line breaks as elements; annotations are not its text. */
static void
cell_text (Walk            *walk,
           const McXmlNode *node)
{
  const char *text = mc_workbook_xml_text (node);

  if (walk->text->len >= MC_LOADER_MAX_STRING_LENGTH)
    return;
  if (text != NULL)
    g_string_append (walk->text, text);
  else if (mc_workbook_xml_is_start (node, "p") && walk->paragraphs++ > 0)
    g_string_append_c (walk->text, '\n');
  else if (mc_workbook_xml_is_start (node, "s"))
    {
      guint n = MIN (count_attribute (node, "c", TEXT_NS), MAX_SPACES);

      for (guint i = 0; i < n; i++)
        g_string_append_c (walk->text, ' ');
    }
  else if (mc_workbook_xml_is_start (node, "tab"))
    g_string_append_c (walk->text, '\t');
  else if (mc_workbook_xml_is_start (node, "line-break"))
    g_string_append_c (walk->text, '\n');
}

static void
cell_element (Walk            *walk,
              const McXmlNode *node)
{
  if (mc_workbook_xml_is_start (node, "table-cell")
      || mc_workbook_xml_is_start (node, "covered-table-cell"))
    start_cell (walk, node);
  if (mc_workbook_xml_is_start (node, "annotation"))
    walk->in_annotation += !node->empty;
  else if (mc_workbook_xml_is_end (node, "annotation") && walk->in_annotation > 0)
    walk->in_annotation--;
  else if (walk->in_cell && walk->in_annotation == 0)
    cell_text (walk, node);
  if (mc_workbook_xml_is_end (node, "table-cell")
      || mc_workbook_xml_is_end (node, "covered-table-cell"))
    end_cell (walk);
}

/* Stops, without an error, at the end of the sheet read. */
static gboolean
sheet_element (const McXmlNode  *node,
               gpointer          data,
               GError          **error)
{
  Walk *walk = data;

  if (mc_workbook_xml_is_start (node, "table"))
    {
      walk->in_sheet = walk->table++ == walk->ods->sheet;
      walk->row = 0;
    }
  if (!walk->in_sheet)
    return TRUE;
  if (mc_workbook_xml_is_end (node, "table"))
    return FALSE;
  if (mc_workbook_xml_is_start (node, "table-row"))
    {
      walk->row_repeat = count_attribute (node, "number-rows-repeated", TABLE_NS);
      walk->column = 0;
    }
  cell_element (walk, node);
  if (mc_workbook_xml_is_end (node, "table-row"))
    return end_row (walk, error);
  return TRUE;
}

static gboolean
walk_sheet (gpointer          sheet,
            McSheetCellFunc   func,
            gpointer          data,
            GError          **error)
{
  Ods *ods = sheet;
  Walk walk = { ods, func, data, };
  gboolean ok;

  ods->copies = 0;
  walk.cells = g_array_new (FALSE, FALSE, sizeof (Pending));
  g_array_set_clear_func (walk.cells, pending_clear);
  walk.text = g_string_new (NULL);
  ok = mc_workbook_walk_xml (&ods->workbook, "content.xml", TRUE, sheet_element, &walk, error);
  g_array_unref (walk.cells);
  g_string_free (walk.text, TRUE);
  g_free (walk.type);
  g_free (walk.value);
  g_free (walk.currency);
  g_free (walk.style);
  return ok;
}

/* The workbook */

static McDataset *
load (const McReaderInput  *input,
      GError              **error)
{
  Ods ods = { 0, };
  McDataset *dataset = NULL;

  ods.sheet_names = g_ptr_array_new_with_free_func (g_free);
  ods.data_styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ods.cell_styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (mc_workbook_open (&ods.workbook, input->name, input->data, input->length, error)
      && read_styles (&ods, error)
      && read_sheet_names (&ods, error)
      && mc_workbook_choose_sheet (input->name, (const char * const *) ods.sheet_names->pdata,
                                   input->options->sheet, &ods.sheet, error))
    {
      ods.sheet_name = g_ptr_array_index (ods.sheet_names, ods.sheet);
      dataset = mc_workbook_load_sheet (input->name, ods.sheet_name,
                                        ods.sheet_names->len > 1 ? ods.sheet_name : NULL, FALSE,
                                        walk_sheet, &ods, input->cancellable, error);
    }
  ods_clear (&ods);
  return dataset;
}

static char **
list_sheets (const McReaderInput  *input,
             GError              **error)
{
  Ods ods = { 0, };
  char **names = NULL;

  ods.sheet_names = g_ptr_array_new_with_free_func (g_free);
  if (mc_workbook_open (&ods.workbook, input->name, input->data, input->length, error)
      && read_sheet_names (&ods, error))
    names = (char **) g_ptr_array_steal (ods.sheet_names, NULL);
  ods_clear (&ods);
  return names;
}

/* An OpenDocument file starts with its "mimetype" entry, stored. */
static gboolean
sniff (const char *head,
       gsize       length)
{
  static const char start[] = "mimetype" MIMETYPE;

  return length >= 30 + strlen (start) && memcmp (head, "PK\x03\x04", 4) == 0
         && memcmp (head + 30, start, strlen (start)) == 0;
}

static const char * const suffixes[] = { ".ods", ".ots", NULL };
static const char * const mime_types[] = { MIMETYPE, MIMETYPE "-template", NULL };

const McReader mc_reader_ods = {
  .id = "ods",
  .name = N_("OpenDocument spreadsheet"),
  .suffixes = suffixes,
  .mime_types = mime_types,
  .sniff = sniff,
  .magic = TRUE,
  .max_size = MC_LOADER_MAX_WORKBOOK_SIZE,
  .load = load,
  .list_sheets = list_sheets,
};
