/* mc-reader-html.c: the reader of tables in web pages (HTML)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What browsers and office suites put on the clipboard as text/html, or
 * a page saved from the web. The page is parsed by libxml2's HTML parser,
 * which reads the HTML of real pages as browsers do (no network, no
 * errors for what browsers forgive); the largest <table> is the table.
 * Its cells are placed on a grid as HTML lays them out (colspan,
 * rowspan), the rows of <thead> (or leading rows of <th> cells) make one
 * header, and the sheet code of mc-workbook.c makes a table of the grid
 * for the table builder.
 */
#include "config.h"

#include "mc-reader.h"

#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>
#include <string.h>

#include "mc-text.h"
#include "mc-workbook.h"

/* HTML's own limits on spans. */
#define MAX_COLSPAN 1000
#define MAX_ROWSPAN 65534

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE
         && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
is_cell (xmlNode *node)
{
  return is_element (node, "td") || is_element (node, "th");
}

static guint
span_of (xmlNode    *cell,
         const char *name,
         guint       max)
{
  xmlChar *text = xmlGetProp (cell, (const xmlChar *) name);
  guint64 span = 1;

  if (text != NULL && !g_ascii_string_to_unsigned ((const char *) text, 10, 1, max, &span, NULL))
    span = 1;
  xmlFree (text);
  return (guint) span;
}

/* The rows of a table, in order: its own, and those of its sections,
 * not those of tables inside its cells. @head says whether each is in
 * <thead>; the rows of <tfoot> (totals) go to @foot when it is given. */
static void
collect_rows (xmlNode   *table,
              GPtrArray *rows,
              GArray    *head,
              GPtrArray *foot)
{
  for (xmlNode *child = table->children; child != NULL; child = child->next)
    {
      gboolean in_head = is_element (child, "thead");
      gboolean in_foot = is_element (child, "tfoot");

      if (is_element (child, "tr"))
        {
          g_ptr_array_add (rows, child);
          g_array_append_val (head, in_head);
        }
      else if (in_head || in_foot || is_element (child, "tbody"))
        {
          for (xmlNode *row = child->children; row != NULL; row = row->next)
            {
              if (!is_element (row, "tr"))
                continue;
              if (in_foot && foot != NULL)
                g_ptr_array_add (foot, row);
              else
                {
                  g_ptr_array_add (rows, row);
                  g_array_append_val (head, in_head);
                }
            }
        }
    }
}

static guint
count_cells (xmlNode *table)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GArray) head = g_array_new (FALSE, FALSE, sizeof (gboolean));
  guint n = 0;

  collect_rows (table, rows, head, NULL);
  for (guint i = 0; i < rows->len; i++)
    for (xmlNode *cell = ((xmlNode *) rows->pdata[i])->children; cell; cell = cell->next)
      n += is_cell (cell);
  return n;
}

/* The table with the most cells; of equal ones, the first. */
static void
find_largest_table (xmlNode  *node,
                    xmlNode **best,
                    guint    *best_cells)
{
  for (; node != NULL; node = node->next)
    {
      if (is_element (node, "table"))
        {
          guint n = count_cells (node);

          if (n > *best_cells)
            {
              *best = node;
              *best_cells = n;
            }
        }
      find_largest_table (node->children, best, best_cells);
    }
}

/* The text a cell shows */

/* Hidden text (sort keys in display:none), scripts and footnote marks
 * ("[1]") are not what a reader of the table sees. */
static gboolean
hides_itself (xmlNode *node)
{
  xmlChar *style = xmlGetProp (node, (const xmlChar *) "style");
  g_autoptr(GString) bare = g_string_new (NULL);

  for (const xmlChar *p = style; p != NULL && *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (bare, g_ascii_tolower (*p));
  xmlFree (style);
  return strstr (bare->str, "display:none") != NULL;
}

static gboolean
is_hidden (xmlNode *node)
{
  if (is_element (node, "script") || is_element (node, "style") || hides_itself (node))
    return TRUE;
  if (is_element (node, "sup"))
    {
      xmlChar *text = xmlNodeGetContent (node);
      gboolean mark = text != NULL && g_str_has_prefix (g_strchug ((char *) text), "[");

      xmlFree (text);
      return mark;
    }
  return FALSE;
}

static void
append_text (xmlNode *node,
             GString *out)
{
  for (; node != NULL && out->len < MC_LOADER_MAX_STRING_LENGTH; node = node->next)
    {
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        g_string_append (out, (const char *) node->content);
      else if (is_element (node, "br"))
        g_string_append_c (out, ' ');
      else if (node->type == XML_ELEMENT_NODE && !is_hidden (node))
        append_text (node->children, out);
    }
}

/* Runs of spaces and line breaks are one space, as the page shows them.
 * A page that lies about its encoding can make the parser's text invalid
 * UTF-8: it is made valid, and cut between two characters at the limit. */
static char *
cell_text (xmlNode *cell)
{
  g_autoptr(GString) raw = g_string_new (NULL);
  g_autofree char *valid = NULL;
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;
  const char *end;

  append_text (cell->children, raw);
  valid = g_utf8_make_valid (raw->str, raw->len);
  for (const char *p = valid; *p && out->len < MC_LOADER_MAX_STRING_LENGTH; p++)
    {
      if (g_ascii_isspace (*p))
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          g_string_append_c (out, *p);
          space = FALSE;
        }
    }
  g_utf8_validate (out->str, out->len, &end);
  g_string_truncate (out, end - out->str);
  return g_string_free (out, FALSE);
}

/* The grid */

/* A cell of a row above that spans down into the rows below. */
typedef struct
{
  guint   rows_left;
  char   *text;
} Carry;

typedef struct
{
  const char      *name;
  GPtrArray       *rows;        /* xmlNode <tr> of the table */
  GArray          *head;        /* gboolean: whether each is a header row */
  guint            n_head;      /* the header rows, at the top */
  /* A walk over the grid */
  GArray          *carries;     /* Carry, by column */
  GPtrArray       *header;      /* char *: the header's text of each column */
  guint64          copies;      /* cells placed again by the spans of others */
} Table;

static void
clear_carries (GArray *carries)
{
  for (guint i = 0; i < carries->len; i++)
    g_clear_pointer (&g_array_index (carries, Carry, i).text, g_free);
  g_array_set_size (carries, 0);
}

static Carry *
carry_at (Table *table,
          guint  column)
{
  if (column >= table->carries->len)
    g_array_set_size (table->carries, column + 1);
  return &g_array_index (table->carries, Carry, column);
}

/* Places the text of a cell at @row, @column, which it spans @span
 * columns from: 0 for the columns after the first, 1 for the rows a cell
 * spans down into. */
typedef gboolean (*PlaceFunc) (Table       *table,
                               guint        row,
                               guint        column,
                               const char  *text,
                               guint        span,
                               gpointer     data,
                               GError     **error);

/* Cells that span rows are copied into them, and each copy pushes the
 * cells after it to the right: a few bytes of rowspans could ask for a
 * grid of billions of cells. The copies are limited as ODS's repeats
 * are. */
static gboolean
count_copy (Table   *table,
            guint    row,
            guint    column,
            GError **error)
{
  g_autofree char *letters = NULL;

  if (++table->copies <= MC_LOADER_MAX_REPEATED_CELLS)
    return TRUE;
  letters = mc_workbook_column_name (column);
  /* Translators: the first %s is the file, then a cell ("B7") and its row */
  g_set_error (error, MC_LOADER_ERROR, MC_LOADER_ERROR_TOO_LARGE,
               _("%s:%s%u: the cells of the table span more than %u cells in all; "
                 "that is the limit"), table->name, letters, row + 1,
               (guint) MC_LOADER_MAX_REPEATED_CELLS);
  return FALSE;
}

/* The cell a row above spans down into @row, @column. */
static gboolean
place_carry (Table      *table,
             guint       row,
             guint       column,
             PlaceFunc   place,
             gpointer    data,
             GError    **error)
{
  Carry *carry = carry_at (table, column);

  carry->rows_left--;
  return count_copy (table, row, column, error)
         && place (table, row, column, carry->text, 1, data, error);
}

/* The cells of row @row, each at its place on the grid: after the cells
 * that rows above span into it, and spanning the columns and rows it
 * says. A column over the limit ends the row; the sheet code refuses
 * the table. */
static gboolean
place_row (Table      *table,
           guint       row,
           PlaceFunc   place,
           gpointer    data,
           GError    **error)
{
  guint column = 0;
  xmlNode *cell = ((xmlNode *) table->rows->pdata[row])->children;

  while (column <= MC_LOADER_MAX_COLUMNS)
    {
      Carry *carry = carry_at (table, column);
      g_autofree char *text = NULL;
      guint colspan, rowspan;

      if (carry->rows_left > 0)
        {
          if (!place_carry (table, row, column++, place, data, error))
            return FALSE;
          continue;
        }
      while (cell != NULL && !is_cell (cell))
        cell = cell->next;
      if (cell == NULL)
        break;
      text = cell_text (cell);
      colspan = span_of (cell, "colspan", MAX_COLSPAN);
      rowspan = span_of (cell, "rowspan", MAX_ROWSPAN);
      for (guint i = 0; i < colspan && column <= MC_LOADER_MAX_COLUMNS; i++, column++)
        {
          carry = carry_at (table, column);
          g_free (carry->text);
          carry->text = g_strdup (text);
          carry->rows_left = rowspan - 1;
          if (!place (table, row, column, text, i == 0 ? colspan : 0, data, error))
            return FALSE;
        }
      cell = cell->next;
    }
  /* Cells spanning down past the end of a row still take their place */
  for (; column < table->carries->len; column++)
    if (carry_at (table, column)->rows_left > 0
        && !place_carry (table, row, column, place, data, error))
      return FALSE;
  return TRUE;
}

/* The header's rows make one: "Revenue" over "2023" is "Revenue 2023". */
static gboolean
place_header (Table       *table,
              guint        row,
              guint        column,
              const char  *text,
              guint        span,
              gpointer     data,
              GError     **error)
{
  char *joined;

  while (table->header->len <= column)
    g_ptr_array_add (table->header, g_strdup (""));
  if (*text == '\0' || g_str_has_suffix (table->header->pdata[column], text))
    return TRUE;
  joined = *(char *) table->header->pdata[column] == '\0'
           ? g_strdup (text)
           : g_strconcat (table->header->pdata[column], " ", text, NULL);
  g_free (table->header->pdata[column]);
  table->header->pdata[column] = joined;
  return TRUE;
}

typedef struct
{
  McSheetCellFunc  func;
  gpointer         data;
} Emit;

/* A cell spanning columns is a merged cell: a value in the first of
 * them, a header over all (when the sheet code finds the header in the
 * rows of data). */
static gboolean
place_data (Table       *table,
            guint        row,
            guint        column,
            const char  *text,
            guint        span,
            gpointer     data,
            GError     **error)
{
  Emit *emit = data;
  McSheetCell cell = { row - table->n_head + (table->n_head > 0), column, MC_SHEET_CELL_TEXT,
                       text, 0, NULL, MC_DATE_DAY, 1 };
  McSheetCell merge = { cell.row, column, MC_SHEET_CELL_MERGE, NULL, 0, NULL, MC_DATE_DAY, span };

  if (span == 0 || *text == '\0')
    return TRUE;
  if (span > 1 && !emit->func (&merge, emit->data, error))
    return FALSE;
  return emit->func (&cell, emit->data, error);
}

/* Walks the grid for the sheet code: the header as row 0, then the rows
 * of data. */
static gboolean
walk_table (gpointer          sheet,
            McSheetCellFunc   func,
            gpointer          data,
            GError          **error)
{
  Table *table = sheet;
  Emit emit = { func, data };
  gboolean ok = TRUE;

  clear_carries (table->carries);
  g_ptr_array_set_size (table->header, 0);
  table->copies = 0;
  for (guint row = 0; ok && row < table->n_head; row++)
    ok = place_row (table, row, place_header, NULL, error);
  for (guint column = 0; ok && column < table->header->len; column++)
    if (*(char *) table->header->pdata[column] != '\0')
      ok = func (&(McSheetCell) { 0, column, MC_SHEET_CELL_TEXT, table->header->pdata[column],
                                  0, NULL, MC_DATE_DAY, 1 }, data, error);
  for (guint row = table->n_head; ok && row < table->rows->len; row++)
    ok = place_row (table, row, place_data, &emit, error);
  return ok;
}

/* The header: the rows of <thead>, else the leading rows of <th> cells
 * only. */
static guint
count_header_rows (Table *table)
{
  guint n = 0;

  while (n < table->rows->len && g_array_index (table->head, gboolean, n))
    n++;
  if (n > 0)
    return n;
  for (; n < table->rows->len; n++)
    {
      gboolean has_th = FALSE, only_th = TRUE;

      for (xmlNode *cell = ((xmlNode *) table->rows->pdata[n])->children; cell; cell = cell->next)
        {
          has_th |= is_element (cell, "th");
          only_th &= !is_element (cell, "td");
        }
      if (!has_th || !only_th)
        break;
    }
  return n;
}

/* The <caption>, or NULL. */
static char *
dup_caption (xmlNode *table)
{
  for (xmlNode *child = table->children; child != NULL; child = child->next)
    if (is_element (child, "caption"))
      return cell_text (child);
  return NULL;
}

/* Nothing is left out silently: the rows of <tfoot>, totals, are not
 * values among the others, and are said to be left out. */
static void
warn_footer (McDataset  *dataset,
             const char *name,
             GPtrArray  *foot)
{
  g_autofree char *first = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *message = NULL;
  g_autofree char *full = NULL;
  xmlNode *cell;

  if (foot->len == 0)
    return;
  cell = ((xmlNode *) foot->pdata[0])->children;
  while (cell != NULL && !is_cell (cell))
    cell = cell->next;
  first = cell ? cell_text (cell) : g_strdup ("");
  shown = mc_text_shown (first);
  if (foot->len == 1)
    message = g_strdup_printf (_("the footer row of the table (“%s”) is left out: a total is "
                                 "not one of the values it sums"), shown);
  else
    message = g_strdup_printf (ngettext ("the %u footer row of the table (the first “%s”) is "
                                         "left out: totals are not among the values they sum",
                                         "the %u footer rows of the table (the first “%s”) are "
                                         "left out: totals are not among the values they sum",
                                         foot->len), foot->len, shown);
  full = mc_loader_format_message (name, 0, 0, message);
  mc_dataset_add_warning (dataset, full);
}

static McDataset *
load_table (const McReaderInput  *input,
            xmlNode              *node,
            GError              **error)
{
  Table table = { input->name, };
  g_autoptr(GPtrArray) foot = g_ptr_array_new ();
  g_autofree char *caption = dup_caption (node);
  McDataset *dataset;

  table.rows = g_ptr_array_new ();
  table.head = g_array_new (FALSE, FALSE, sizeof (gboolean));
  table.carries = g_array_new (FALSE, TRUE, sizeof (Carry));
  table.header = g_ptr_array_new_with_free_func (g_free);
  collect_rows (node, table.rows, table.head, foot);
  table.n_head = count_header_rows (&table);
  /* Translators: the name of the table read from a web page, in messages
   * such as "page.html:table!B3: …" */
  dataset = mc_workbook_load_sheet (input->name, _("table"), caption, table.n_head > 0,
                                    walk_table, &table, input->cancellable, error);
  if (dataset != NULL)
    warn_footer (dataset, input->name, foot);
  clear_carries (table.carries);
  g_array_unref (table.carries);
  g_ptr_array_unref (table.header);
  g_array_unref (table.head);
  g_ptr_array_unref (table.rows);
  return dataset;
}

static McDataset *
load (const McReaderInput  *input,
      GError              **error)
{
  xmlDoc *doc;
  xmlNode *table = NULL;
  guint n_cells = 0;
  McDataset *dataset = NULL;

  /* No network, and none of the messages of the pages browsers forgive.
   * Text that is valid UTF-8 is UTF-8 (what the clipboard holds); the
   * parser would take a page that does not say so for Latin-1. */
  doc = htmlReadMemory (input->data, (int) input->length, input->name,
                        g_utf8_validate (input->data, input->length, NULL) ? "UTF-8" : NULL,
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                        | HTML_PARSE_NOBLANKS);
  if (doc != NULL)
    find_largest_table (xmlDocGetRootElement (doc), &table, &n_cells);
  if (table == NULL)
    mc_loader_set_error (error, MC_LOADER_ERROR_MISSING, input->name, 0, 0,
                         _("the page has no table (<table>) with cells"));
  else
    dataset = load_table (input, table, error);
  if (doc != NULL)
    xmlFreeDoc (doc);
  return dataset;
}

/* HTML with a table: what browsers put on the clipboard. */
static gboolean
sniff (const char *head,
       gsize       length)
{
  gsize n = MIN (length, 4096);

  while (n > 0 && length > 0 && g_ascii_isspace (*head))
    head++, n--;
  if (n == 0 || *head != '<')
    return FALSE;
  for (gsize i = 0; i + 6 <= n; i++)
    if (head[i] == '<' && g_ascii_strncasecmp (head + i, "<table", 6) == 0)
      return TRUE;
  return g_ascii_strncasecmp (head, "<!doctype html", 14) == 0
         || g_ascii_strncasecmp (head, "<html", 5) == 0;
}

static const char * const suffixes[] = { ".html", ".htm", ".xhtml", NULL };
static const char * const mime_types[] = { "text/html", "application/xhtml+xml", NULL };

const McReader mc_reader_html = {
  .id = "html",
  .name = N_("Web page table"),
  .suffixes = suffixes,
  .mime_types = mime_types,
  .sniff = sniff,
  .max_size = MC_LOADER_MAX_HTML_SIZE,
  .load = load,
};
