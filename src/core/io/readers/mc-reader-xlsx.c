/* mc-reader-xlsx.c: the reader of Excel workbooks (XLSX)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An XLSX file is a zip of XML parts (ECMA-376): xl/workbook.xml lists
 * the sheets (and whether dates count from 1904), its relationships name
 * each sheet's part, xl/sharedStrings.xml holds the texts that cells
 * refer to by number, and xl/styles.xml the number formats that make a
 * number a date, a percentage or an amount of money. Cells keep the
 * cached results of their formulas. The container and the XML are read
 * in mc-workbook.c; this file knows the parts.
 */
#include "config.h"

#include "mc-reader.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mc-date-text.h"
#include "mc-text.h"
#include "mc-workbook.h"

#define RELATIONSHIPS_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

typedef struct
{
  McWorkbook   workbook;
  GPtrArray   *sheet_names;
  GPtrArray   *sheet_ids;     /* relationship ids */
  GHashTable  *targets;       /* relationship id → part */
  /* The shared strings, one after another, each ended by a NUL: a
   * workbook of millions of them takes little more than their text. */
  GString     *strings;
  GArray      *string_starts; /* gsize, where each starts in strings */
  GArray      *formats;       /* McNumberFormat, by style index */
  gboolean     date1904;
  char        *part;          /* of the sheet read */
} Xlsx;

static void
xlsx_clear (Xlsx *xlsx)
{
  mc_workbook_close (&xlsx->workbook);
  g_clear_pointer (&xlsx->sheet_names, g_ptr_array_unref);
  g_clear_pointer (&xlsx->sheet_ids, g_ptr_array_unref);
  g_clear_pointer (&xlsx->targets, g_hash_table_unref);
  if (xlsx->strings != NULL)
    g_string_free (g_steal_pointer (&xlsx->strings), TRUE);
  g_clear_pointer (&xlsx->string_starts, g_array_unref);
  g_clear_pointer (&xlsx->formats, g_array_unref);
  g_clear_pointer (&xlsx->part, g_free);
}

/* xl/workbook.xml and its relationships */

static gboolean
workbook_element (const McXmlNode  *node,
                  gpointer          data,
                  GError          **error)
{
  Xlsx *xlsx = data;

  if (mc_workbook_xml_is_start (node, "sheet") && xlsx->sheet_names->len < 4096)
    {
      char *name = mc_workbook_xml_attribute (node, "name");
      char *id = mc_workbook_xml_attribute_ns (node, "id", RELATIONSHIPS_NS);

      g_ptr_array_add (xlsx->sheet_names, name ? name : g_strdup ("?"));
      g_ptr_array_add (xlsx->sheet_ids, id ? id : g_strdup (""));
    }
  else if (mc_workbook_xml_is_start (node, "workbookPr"))
    {
      g_autofree char *date1904 = mc_workbook_xml_attribute (node, "date1904");

      xlsx->date1904 = g_strcmp0 (date1904, "1") == 0 || g_strcmp0 (date1904, "true") == 0;
    }
  return TRUE;
}

static gboolean
relationship_element (const McXmlNode  *node,
                      gpointer          data,
                      GError          **error)
{
  Xlsx *xlsx = data;
  g_autofree char *id = NULL;
  g_autofree char *target = NULL;

  if (!mc_workbook_xml_is_start (node, "Relationship"))
    return TRUE;
  id = mc_workbook_xml_attribute (node, "Id");
  target = mc_workbook_xml_attribute (node, "Target");
  if (id != NULL && target != NULL)
    g_hash_table_insert (xlsx->targets, g_steal_pointer (&id),
                         target[0] == '/' ? g_strdup (target + 1)
                                          : g_strconcat ("xl/", target, NULL));
  return TRUE;
}

/* xl/sharedStrings.xml: the texts of <si> items, rich runs joined, the
 * phonetic guides (<rPh>) left out. */

typedef struct
{
  Xlsx     *xlsx;
  GString  *text;
  gboolean  in_item;
  gboolean  in_phonetic;
} Strings;

/* A shared string longer than the loader's limit is cut, between two
 * characters. */
static void
add_string (Xlsx    *xlsx,
            GString *text)
{
  gsize start = xlsx->strings->len, length = text->len;

  if (length > MC_LOADER_MAX_STRING_LENGTH)
    {
      length = MC_LOADER_MAX_STRING_LENGTH;
      while (length > 0 && (text->str[length] & 0xc0) == 0x80)
        length--;
    }
  g_string_append_len (xlsx->strings, text->str, length);
  g_string_append_c (xlsx->strings, '\0');
  g_array_append_val (xlsx->string_starts, start);
}

static gboolean
string_element (const McXmlNode  *node,
                gpointer          data,
                GError          **error)
{
  Strings *strings = data;
  Xlsx *xlsx = strings->xlsx;
  const char *text = mc_workbook_xml_text (node);

  if (mc_workbook_xml_is_start (node, "si"))
    {
      g_string_truncate (strings->text, 0);
      strings->in_item = TRUE;
    }
  if (mc_workbook_xml_is_start (node, "rPh"))
    strings->in_phonetic = !node->empty;
  else if (mc_workbook_xml_is_end (node, "rPh"))
    strings->in_phonetic = FALSE;
  else if (text != NULL && strings->in_item && !strings->in_phonetic)
    g_string_append (strings->text, text);
  if (mc_workbook_xml_is_end (node, "si"))
    {
      strings->in_item = FALSE;
      add_string (xlsx, strings->text);
    }
  return TRUE;
}

/* xl/styles.xml: the number format of each cell style */

static const char *
currency_of_format (const char *code)
{
  static const struct { const char *sign; const char *unit; } signs[] = {
    { "[$US$", "USD" }, { "[$HK$", "HKD" }, { "[$€", "EUR" }, { "[$£", "GBP" },
    { "[$¥", "CNY" }, { "[$$", "USD" }, { "[$USD", "USD" }, { "[$EUR", "EUR" },
    { "[$GBP", "GBP" }, { "[$CNY", "CNY" }, { "[$HKD", "HKD" }, { "[$JPY", "JPY" },
    { "€", "EUR" }, { "£", "GBP" }, { "¥", "CNY" }, { "\"$\"", "USD" }, { "$", "USD" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (signs); i++)
    if (strstr (code, signs[i].sign) != NULL)
      return signs[i].unit;
  return NULL;
}

/* The decimals a format code shows ("0.0%": 1, "#,##0": 0), from its
 * first section; unknown for "General" and scientific notation. */
static int
decimals_of_code (const char *bare)
{
  gsize length = strcspn (bare, ";");
  const char *point = memchr (bare, '.', length);
  int decimals = 0;

  if (strstr (bare, "general") != NULL || memchr (bare, 'e', length) != NULL
      || strcspn (bare, "0#?") >= length)
    return MC_DECIMALS_UNKNOWN;
  for (const char *p = point ? point + 1 : bare + length; *p == '0' || *p == '#' || *p == '?'; p++)
    decimals++;
  return decimals;
}

/* A format code, its quoted texts and [bracketed] parts left out. */
static McNumberFormat
format_of_code (const char *code)
{
  McNumberFormat format = { FALSE, MC_DATE_DAY, NULL, MC_DECIMALS_UNKNOWN };
  g_autoptr(GString) bare = g_string_new (NULL);
  gboolean quoted = FALSE, bracket = FALSE;

  for (const char *p = code; *p; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == '[')
        bracket = TRUE;
      else if (!quoted && *p == ']')
        bracket = FALSE;
      else if (!quoted && !bracket && *p == '\\' && p[1])
        p++;
      else if (!quoted && !bracket)
        g_string_append_c (bare, g_ascii_tolower (*p));
    }
  if (strchr (bare->str, '%') != NULL)
    format.unit = "percent";
  else if (strchr (bare->str, 'y') != NULL || strchr (bare->str, 'd') != NULL
           || strstr (bare->str, "h:mm") != NULL)
    {
      format.date = TRUE;
      format.precision = strchr (bare->str, 'd') != NULL ? MC_DATE_DAY
                         : strchr (bare->str, 'm') != NULL ? MC_DATE_MONTH : MC_DATE_YEAR;
    }
  else
    format.unit = currency_of_format (code);
  if (!format.date)
    format.decimals = decimals_of_code (bare->str);
  return format;
}

/* The built-in formats of ECMA-376 that matter: percentages and dates. */
static McNumberFormat
format_of_builtin (guint id)
{
  /* 1-4: "0", "0.00", "#,##0", "#,##0.00"; 5-8: the last two as money;
   * 9, 10: "0%", "0.00%" */
  static const int decimals[] = { MC_DECIMALS_UNKNOWN, 0, 2, 0, 2, 0, 0, 2, 2, 0, 2 };
  McNumberFormat format = { FALSE, MC_DATE_DAY, NULL, MC_DECIMALS_UNKNOWN };

  if (id < G_N_ELEMENTS (decimals))
    format.decimals = decimals[id];
  if (id == 9 || id == 10)
    format.unit = "percent";
  else if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47))
    format.date = TRUE;
  else if (id == 27 || id == 30 || id == 36 || (id >= 50 && id <= 58))
    format.date = TRUE;
  return format;
}

typedef struct
{
  Xlsx       *xlsx;
  GHashTable *codes;       /* numFmtId → formatCode */
  gboolean    in_cell_xfs;
} Styles;

static gboolean
style_element (const McXmlNode  *node,
               gpointer          data,
               GError          **error)
{
  Styles *styles = data;
  Xlsx *xlsx = styles->xlsx;

  if (mc_workbook_xml_is_start (node, "numFmt"))
    {
      g_autofree char *id = mc_workbook_xml_attribute (node, "numFmtId");
      char *code = mc_workbook_xml_attribute (node, "formatCode");

      if (id != NULL && code != NULL)
        g_hash_table_insert (styles->codes, GUINT_TO_POINTER (atoi (id)), code);
      else
        g_free (code);
    }
  else if (mc_workbook_xml_is_start (node, "cellXfs"))
    styles->in_cell_xfs = TRUE;
  else if (mc_workbook_xml_is_end (node, "cellXfs"))
    styles->in_cell_xfs = FALSE;
  else if (styles->in_cell_xfs && mc_workbook_xml_is_start (node, "xf")
           && xlsx->formats->len < 65536)
    {
      g_autofree char *id_text = mc_workbook_xml_attribute (node, "numFmtId");
      guint id = id_text ? (guint) atoi (id_text) : 0;
      const char *code = g_hash_table_lookup (styles->codes, GUINT_TO_POINTER (id));
      McNumberFormat format = code ? format_of_code (code) : format_of_builtin (id);

      g_array_append_val (xlsx->formats, format);
    }
  return TRUE;
}

/* The sheet */

typedef struct
{
  Xlsx            *xlsx;
  McSheetCellFunc  func;
  gpointer         data;
  GString         *value;
  GString         *inline_text;
  char            *type;
  guint            style;
  guint            row;
  guint            column;
  gboolean         in_value;
  gboolean         in_inline;
} Walk;

/* "B7" → column 1, row 6 */
static gboolean
parse_reference (const char *ref,
                 guint      *column,
                 guint      *row)
{
  guint64 c = 0, r = 0;
  const char *p = ref;

  for (; g_ascii_isalpha (*p) && c < 100000; p++)
    c = c * 26 + (g_ascii_toupper (*p) - 'A' + 1);
  if (c == 0 || !g_ascii_string_to_unsigned (p, 10, 1, G_MAXUINT, &r, NULL))
    return FALSE;
  *column = c - 1;
  *row = r - 1;
  return TRUE;
}

/* Days since 1970 of a date serial: from 1899-12-30 (Excel counts 1900
 * as a leap year, so serials before March 1900 start a day later), or
 * from 1904-01-01. */
static double
days_of_serial (double   serial,
                gboolean date1904)
{
  if (date1904)
    return serial - 24107;
  return serial < 61 ? serial - 25568 : serial - 25569;
}

/* A cell whose value cannot be what its type says: the workbook is
 * damaged, and the cell would otherwise vanish without a word. */
static gboolean
refuse_cell (Xlsx        *xlsx,
             Walk        *walk,
             const char  *problem,
             GError     **error)
{
  g_autofree char *letters = mc_workbook_column_name (walk->column);

  g_set_error (error, MC_LOADER_ERROR, MC_LOADER_ERROR_VALUE,
               /* Translators: the first %s is a file, then its part
                * ("xl/worksheets/sheet1.xml"), the cell ("B", 7) and what
                * is wrong with it */
               _("%s: %s, cell %s%u: %s; the workbook may be damaged"),
               xlsx->workbook.name, xlsx->part, letters, walk->row + 1, problem);
  return FALSE;
}

static gboolean
emit_value (Xlsx     *xlsx,
            Walk     *walk,
            GError  **error)
{
  McSheetCell cell = { walk->row, walk->column, MC_SHEET_CELL_TEXT, walk->value->str, 0, NULL,
                       MC_DATE_DAY, 1, MC_DECIMALS_UNKNOWN };
  const char *type = walk->type ? walk->type : "n";
  const McNumberFormat *format = walk->style < xlsx->formats->len
                                 ? &g_array_index (xlsx->formats, McNumberFormat, walk->style)
                                 : NULL;
  char *end = NULL;
  guint64 index;

  if (g_str_equal (type, "s"))
    {
      if (!g_ascii_string_to_unsigned (walk->value->str, 10, 0, G_MAXUINT, &index, NULL)
          || index >= xlsx->string_starts->len)
        {
          g_autofree char *shown = mc_text_shorten (walk->value->str, walk->value->len, 40);
          g_autofree char *problem =
            g_strdup_printf (_("it refers to shared text “%s”, which does not exist"), shown);

          return refuse_cell (xlsx, walk, problem, error);
        }
      cell.text = xlsx->strings->str + g_array_index (xlsx->string_starts, gsize, index);
    }
  else if (g_str_equal (type, "inlineStr"))
    cell.text = walk->inline_text->str;
  else if (g_str_equal (type, "b"))
    {
      cell.kind = MC_SHEET_CELL_BOOLEAN;
      cell.number = g_str_equal (walk->value->str, "1");
    }
  else if (g_str_equal (type, "e"))
    return TRUE;              /* #N/A, #DIV/0!: no value */
  else if (!g_str_equal (type, "str"))
    {
      if (walk->value->len == 0)
        return TRUE;          /* a style without a value */
      cell.number = g_ascii_strtod (walk->value->str, &end);
      if (end == walk->value->str || *end != '\0' || !isfinite (cell.number))
        {
          g_autofree char *shown = mc_text_shorten (walk->value->str, walk->value->len, 40);
          g_autofree char *problem = g_strdup_printf (_("its number is written “%s”"), shown);

          return refuse_cell (xlsx, walk, problem, error);
        }
      cell.kind = MC_SHEET_CELL_NUMBER;
      cell.decimals = format != NULL ? format->decimals : MC_DECIMALS_UNKNOWN;
      if (format != NULL && format->date)
        {
          g_autofree char *text = NULL;

          cell.kind = MC_SHEET_CELL_DATE;
          cell.number = days_of_serial (cell.number, xlsx->date1904);
          cell.precision = format->precision;
          text = mc_date_text_format (cell.number, format->precision);
          return walk->func (&(McSheetCell) { cell.row, cell.column, cell.kind, text,
                                              cell.number, NULL, cell.precision, 1 },
                             walk->data, error);
        }
      if (format != NULL && g_strcmp0 (format->unit, "percent") == 0)
        cell.number *= 100;
      cell.unit = format ? format->unit : NULL;
    }
  if (cell.kind == MC_SHEET_CELL_TEXT && *cell.text == '\0')
    return TRUE;
  return walk->func (&cell, walk->data, error);
}

static void
start_cell (Walk            *walk,
            const McXmlNode *node)
{
  g_autofree char *ref = mc_workbook_xml_attribute (node, "r");
  g_autofree char *style = mc_workbook_xml_attribute (node, "s");
  guint row = walk->row;

  g_free (walk->type);
  walk->type = mc_workbook_xml_attribute (node, "t");
  walk->style = style ? (guint) atoi (style) : 0;
  if (ref == NULL || !parse_reference (ref, &walk->column, &row))
    walk->column++;
  g_string_truncate (walk->value, 0);
  g_string_truncate (walk->inline_text, 0);
}

static gboolean
emit_merge (Walk             *walk,
            const McXmlNode  *node,
            GError          **error)
{
  g_autofree char *ref = mc_workbook_xml_attribute (node, "ref");
  g_auto(GStrv) ends = ref ? g_strsplit (ref, ":", 2) : NULL;
  guint c1, r1, c2, r2;

  if (ends == NULL || ends[0] == NULL || ends[1] == NULL
      || !parse_reference (ends[0], &c1, &r1) || !parse_reference (ends[1], &c2, &r2)
      || c2 < c1)
    return TRUE;
  return walk->func (&(McSheetCell) { r1, c1, MC_SHEET_CELL_MERGE, NULL, 0, NULL,
                                      MC_DATE_DAY, c2 - c1 + 1 },
                     walk->data, error);
}

static gboolean
sheet_element (const McXmlNode  *node,
               gpointer          data,
               GError          **error)
{
  Walk *walk = data;
  const char *text = mc_workbook_xml_text (node);

  if (text != NULL)
    {
      GString *out = walk->in_value ? walk->value : walk->in_inline ? walk->inline_text : NULL;

      if (out != NULL && out->len < MC_LOADER_MAX_STRING_LENGTH)
        g_string_append (out, text);
      return TRUE;
    }
  if (mc_workbook_xml_is_start (node, "row"))
    {
      g_autofree char *r = mc_workbook_xml_attribute (node, "r");
      guint64 row;

      walk->row = r && g_ascii_string_to_unsigned (r, 10, 1, G_MAXUINT, &row, NULL)
                  ? (guint) row - 1 : walk->row + 1;
      walk->column = G_MAXUINT;
    }
  else if (mc_workbook_xml_is_start (node, "c"))
    start_cell (walk, node);
  if (mc_workbook_xml_is_start (node, "v"))
    walk->in_value = TRUE;
  else if (mc_workbook_xml_is_end (node, "v"))
    walk->in_value = FALSE;
  else if (mc_workbook_xml_is_start (node, "is"))
    walk->in_inline = TRUE;
  else if (mc_workbook_xml_is_end (node, "is"))
    walk->in_inline = FALSE;
  if (mc_workbook_xml_is_end (node, "c"))
    return emit_value (walk->xlsx, walk, error);
  if (mc_workbook_xml_is_start (node, "mergeCell"))
    return emit_merge (walk, node, error);
  return TRUE;
}

static gboolean
walk_sheet (gpointer          sheet,
            McSheetCellFunc   func,
            gpointer          data,
            GError          **error)
{
  Xlsx *xlsx = sheet;
  Walk walk = { xlsx, func, data, g_string_new (NULL), g_string_new (NULL), NULL, 0,
                G_MAXUINT, 0, };
  gboolean ok;

  ok = mc_workbook_walk_xml (&xlsx->workbook, xlsx->part, TRUE, sheet_element, &walk, error);
  g_string_free (walk.value, TRUE);
  g_string_free (walk.inline_text, TRUE);
  g_free (walk.type);
  return ok;
}

/* The workbook */

static gboolean
read_parts (Xlsx     *xlsx,
            GError  **error)
{
  McWorkbook *book = &xlsx->workbook;
  Strings strings = { xlsx, g_string_new (NULL), };
  Styles styles = { xlsx, g_hash_table_new_full (NULL, NULL, NULL, g_free), FALSE };
  gboolean ok;

  ok = mc_workbook_walk_xml (book, "xl/workbook.xml", TRUE, workbook_element, xlsx, error)
       && mc_workbook_walk_xml (book, "xl/_rels/workbook.xml.rels", TRUE, relationship_element,
                                xlsx, error)
       && mc_workbook_walk_xml (book, "xl/sharedStrings.xml", FALSE, string_element, &strings,
                                error)
       && mc_workbook_walk_xml (book, "xl/styles.xml", FALSE, style_element, &styles, error);
  g_string_free (strings.text, TRUE);
  g_hash_table_unref (styles.codes);
  g_ptr_array_add (xlsx->sheet_names, NULL);
  return ok;
}

static McDataset *
load (const McReaderInput  *input,
      GError              **error)
{
  Xlsx xlsx = { 0, };
  McDataset *dataset = NULL;
  guint index;

  xlsx.sheet_names = g_ptr_array_new_with_free_func (g_free);
  xlsx.sheet_ids = g_ptr_array_new_with_free_func (g_free);
  xlsx.targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  xlsx.strings = g_string_new (NULL);
  xlsx.string_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  xlsx.formats = g_array_new (FALSE, FALSE, sizeof (McNumberFormat));
  if (mc_workbook_open (&xlsx.workbook, input->name, input->data, input->length, error)
      && read_parts (&xlsx, error)
      && mc_workbook_choose_sheet (input->name, (const char * const *) xlsx.sheet_names->pdata,
                                   input->options->sheet, &index, error))
    {
      const char *target = g_hash_table_lookup (xlsx.targets,
                                                g_ptr_array_index (xlsx.sheet_ids, index));
      const char *sheet_name = g_ptr_array_index (xlsx.sheet_names, index);

      xlsx.part = g_strdup (target ? target : "");
      dataset = mc_workbook_load_sheet (input->name, sheet_name,
                                        xlsx.sheet_names->len > 1 ? sheet_name : NULL, FALSE,
                                        walk_sheet, &xlsx, input->cancellable, error);
    }
  xlsx_clear (&xlsx);
  return dataset;
}

static char **
list_sheets (const McReaderInput  *input,
             GError              **error)
{
  Xlsx xlsx = { 0, };
  char **names = NULL;

  xlsx.sheet_names = g_ptr_array_new_with_free_func (g_free);
  xlsx.sheet_ids = g_ptr_array_new_with_free_func (g_free);
  if (mc_workbook_open (&xlsx.workbook, input->name, input->data, input->length, error)
      && mc_workbook_walk_xml (&xlsx.workbook, "xl/workbook.xml", TRUE, workbook_element, &xlsx,
                               error))
    {
      g_ptr_array_add (xlsx.sheet_names, NULL);
      names = (char **) g_ptr_array_steal (xlsx.sheet_names, NULL);
    }
  xlsx_clear (&xlsx);
  return names;
}

/* A zip archive with the parts of a workbook. */
static gboolean
sniff (const char *head,
       gsize       length)
{
  McWorkbook workbook;
  gboolean found;

  if (length < 4 || memcmp (head, "PK\x03\x04", 4) != 0)
    return FALSE;
  if (!mc_workbook_open (&workbook, "", head, length, NULL))
    {
      mc_workbook_close (&workbook);
      return FALSE;
    }
  found = mc_workbook_has_entry (&workbook, "xl/workbook.xml");
  mc_workbook_close (&workbook);
  return found;
}

static const char * const suffixes[] = { ".xlsx", ".xlsm", NULL };
static const char * const mime_types[] = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-excel.sheet.macroEnabled.12", NULL
};

const McReader mc_reader_xlsx = {
  .id = "xlsx",
  .name = N_("Excel workbook"),
  .suffixes = suffixes,
  .mime_types = mime_types,
  .sniff = sniff,
  .magic = TRUE,
  .max_size = MC_LOADER_MAX_WORKBOOK_SIZE,
  .load = load,
  .list_sheets = list_sheets,
};
