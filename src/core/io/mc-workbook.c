/* mc-workbook.c: spreadsheets: their container, their XML, their sheets as tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * XLSX and ODS files are zip archives of XML. The archive is read with
 * libgsf, GNOME's library of structured files (Gnumeric reads workbooks
 * with it), and the XML with libxml2's streaming xmlTextReader, so that
 * a sheet of a million rows is never held in memory as a tree. Neither
 * parses anything the format does not need: no network, no DTD, no
 * entity is expanded. Each reader (readers/mc-reader-xlsx.c,
 * readers/mc-reader-ods.c) walks its sheets cell by cell; this file makes
 * a table of them for the table builder.
 */
#include "config.h"

#include "mc-workbook.h"

#include <glib/gi18n.h>
#include <gsf/gsf-infile-impl.h>
#include <string.h>

#include "mc-table-builder.h"
#include "mc-text.h"

/* The title rows a header row may have above it. */
#define MAX_HEADER_SEARCH 20

/* The longest message of libxml2 a message quotes: it may quote a tag of
 * the file whole. */
#define MAX_XML_MESSAGE 160

/* What declares a DTD, and how much of it may lie before a chunk. */
#define DOCTYPE "<!DOCTYPE"
#define DOCTYPE_SEAM (sizeof DOCTYPE - 2)

/* The container */

/* libgsf's gsf_infile_child_by_index() and _by_name() print a warning
 * when an entry is damaged; its classes say why in an error, which the
 * reader reports as its own. */
static GsfInput *
child_by_index (GsfInfile  *folder,
                int         index,
                GError    **error)
{
  GsfInfileClass *klass = GSF_INFILE_CLASS (G_OBJECT_GET_CLASS (folder));

  return klass->child_by_index (folder, index, error);
}

static GsfInput *
child_by_name (GsfInfile   *folder,
               const char  *name,
               GError     **error)
{
  GsfInfileClass *klass = GSF_INFILE_CLASS (G_OBJECT_GET_CLASS (folder));

  return klass->child_by_name (folder, name, error);
}

/* The name of an entry, as a message quotes it: the names in a zip
 * archive are bytes, not always UTF-8. */
static char *
entry_shown (const char *entry)
{
  g_autofree char *valid = g_utf8_make_valid (entry ? entry : "", -1);

  return mc_text_shown (valid);
}

static void
set_damaged_error (GError     **error,
                   const char  *name,
                   const char  *entry,
                   GError      *why)
{
  g_autofree char *shown = entry_shown (entry);

  mc_loader_set_error (error, MC_LOADER_ERROR_SYNTAX, name, 0, 0,
                       _("the workbook is damaged: its entry “%s” cannot be read (%s)"), shown,
                       why ? why->message : "?");
}

static gboolean
name_leaves_folder (const char *name)
{
  return name == NULL || *name == '\0' || g_str_equal (name, "..") || g_str_equal (name, ".")
         || strchr (name, '\\') != NULL || strchr (name, '/') != NULL;
}

/* Entries named "../x" or "/x" would leave the workbook's folder: a
 * hostile archive, whatever reads it. */
static gboolean
check_entry_names (McWorkbook  *workbook,
                   GsfInfile   *folder,
                   guint        depth,
                   GError     **error)
{
  for (int i = 0; i < gsf_infile_num_children (folder); i++)
    {
      const char *name = gsf_infile_name_by_index (folder, i);
      g_autoptr(GError) why = NULL;
      GsfInput *child;
      g_autofree char *shown = NULL;
      gboolean ok;

      if (depth > 16 || name_leaves_folder (name))
        {
          shown = entry_shown (name);
          mc_loader_set_error (error, MC_LOADER_ERROR_PATH, workbook->name, 0, 0,
                               _("the workbook has an entry “%s” that leaves its folder; "
                                 "it is refused"), shown);
          return FALSE;
        }
      child = child_by_index (folder, i, &why);
      if (why != NULL)
        {
          set_damaged_error (error, workbook->name, name, why);
          g_clear_object (&child);
          return FALSE;
        }
      ok = child == NULL || !GSF_IS_INFILE (child)
           || gsf_infile_num_children (GSF_INFILE (child)) < 0
           || check_entry_names (workbook, GSF_INFILE (child), depth + 1, error);
      g_clear_object (&child);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/**
 * mc_workbook_open:
 *
 * Opens the zip container of a workbook held in @data, which must stay
 * alive meanwhile.
 */
gboolean
mc_workbook_open (McWorkbook  *workbook,
                  const char  *name,
                  const char  *data,
                  gsize        length,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  *workbook = (McWorkbook) { name, NULL, NULL, length, 0 };
  workbook->source = gsf_input_memory_new ((const guint8 *) data, length, FALSE);
  workbook->zip = gsf_infile_zip_new (workbook->source, &local_error);
  if (workbook->zip == NULL)
    {
      mc_loader_set_error (error, MC_LOADER_ERROR_SYNTAX, name, 0, 0,
                           _("the workbook is damaged: its zip container cannot be read "
                             "(%s)"), local_error ? local_error->message : "?");
      return FALSE;
    }
  return check_entry_names (workbook, workbook->zip, 0, error);
}

void
mc_workbook_close (McWorkbook *workbook)
{
  g_clear_object (&workbook->zip);
  g_clear_object (&workbook->source);
}

/* The entry at @path ("xl/workbook.xml"), NULL when there is none, or
 * with @error set when it is damaged. */
static GsfInput *
open_entry (McWorkbook  *workbook,
            const char  *path,
            GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", 0);
  g_autoptr(GError) why = NULL;
  GsfInput *entry = g_object_ref (GSF_INPUT (workbook->zip));

  for (guint i = 0; parts[i] != NULL && entry != NULL; i++)
    {
      GsfInput *child = GSF_IS_INFILE (entry)
                        ? child_by_name (GSF_INFILE (entry), parts[i], &why) : NULL;

      g_object_unref (entry);
      entry = child;
      if (why != NULL)
        {
          set_damaged_error (error, workbook->name, path, why);
          g_clear_object (&entry);
        }
    }
  return entry;
}

gboolean
mc_workbook_has_entry (McWorkbook *workbook,
                       const char *path)
{
  GsfInput *entry = open_entry (workbook, path, NULL);
  gboolean found = entry != NULL;

  g_clear_object (&entry);
  return found;
}

/* XML */

typedef struct
{
  McWorkbook *workbook;
  GsfInput   *entry;
  char       *path;
  GError     *error;      /* the first, from the limits or libxml2 */
  char        seam[DOCTYPE_SEAM];   /* the end of the last chunk */
  gsize       n_seam;
} XmlSource;

static void
xml_source_free (XmlSource *source)
{
  g_clear_object (&source->entry);
  g_clear_error (&source->error);
  g_free (source->path);
  g_free (source);
}

static gboolean
check_inflation (XmlSource *source,
                 gsize      more)
{
  McWorkbook *workbook = source->workbook;
  g_autofree char *shown = NULL;

  workbook->inflated += more;
  if (workbook->inflated < MC_LOADER_MIN_INFLATION_CHECK
      || workbook->inflated / MAX (workbook->length, 1) <= MC_LOADER_MAX_INFLATION)
    return TRUE;
  shown = mc_text_shown (source->path);
  if (source->error == NULL)
    mc_loader_set_error (&source->error, MC_LOADER_ERROR_TOO_LARGE, workbook->name, 0, 0,
                         _("“%s” inflates more than %d times the size of the workbook; "
                           "this looks like a zip bomb and is refused"),
                         shown, MC_LOADER_MAX_INFLATION);
  return FALSE;
}

static gboolean
contains_doctype (const char *data,
                  gsize       length)
{
  const char *end = data + length;

  for (const char *p = memchr (data, '<', length); p != NULL;
       p = memchr (p + 1, '<', end - p - 1))
    if ((gsize) (end - p) >= strlen (DOCTYPE) && memcmp (p, DOCTYPE, strlen (DOCTYPE)) == 0)
      return TRUE;
  return FALSE;
}

/* Whether @chunk, or the seam between it and the chunk before, declares
 * a DTD; keeps the end of the chunk for the next seam. */
static gboolean
chunk_declares_dtd (XmlSource  *source,
                    const char *chunk,
                    gsize       n)
{
  char seam[2 * DOCTYPE_SEAM];
  gsize m = MIN (n, DOCTYPE_SEAM), total = source->n_seam + m, keep;
  gboolean found;

  memcpy (seam, source->seam, source->n_seam);
  memcpy (seam + source->n_seam, chunk, m);
  found = contains_doctype (seam, total) || contains_doctype (chunk, n);
  keep = MIN (DOCTYPE_SEAM, n >= DOCTYPE_SEAM ? n : total);
  memcpy (source->seam, (n >= DOCTYPE_SEAM ? chunk + n : seam + total) - keep, keep);
  source->n_seam = keep;
  return found;
}

/* A DTD is refused before libxml2 reads it: its entities could expand
 * far beyond any limit ("billion laughs") before the reader ever sees
 * the DOCTYPE node. No part of a workbook has one. */
static gboolean
check_no_dtd (XmlSource  *source,
              const char *chunk,
              gsize       n)
{
  if (!chunk_declares_dtd (source, chunk, n))
    return TRUE;
  if (source->error == NULL)
    mc_loader_set_error (&source->error, MC_LOADER_ERROR_SYNTAX, source->workbook->name, 0, 0,
                         _("%s declares a DTD, which workbooks never do; it is refused"),
                         source->path);
  return FALSE;
}

static int
read_entry_cb (void *context,
               char *buffer,
               int   length)
{
  XmlSource *source = context;
  gsf_off_t remaining = gsf_input_remaining (source->entry);
  gsize n = MIN ((gsize) length, (gsize) MAX (remaining, 0));

  if (n == 0)
    return 0;
  if (!check_inflation (source, n) || gsf_input_read (source->entry, n, (guint8 *) buffer) == NULL
      || !check_no_dtd (source, buffer, n))
    return -1;
  return (int) n;
}

static void
structured_error_cb (void        *context,
                     xmlErrorPtr  xml_error)
{
  XmlSource *source = context;
  g_autofree char *valid = NULL;
  g_autofree char *message = NULL;

  if (source->error != NULL || xml_error == NULL || xml_error->level < XML_ERR_ERROR)
    return;
  valid = g_utf8_make_valid (xml_error->message ? xml_error->message : "?", -1);
  message = g_strstrip (mc_text_shorten (valid, strlen (valid), MAX_XML_MESSAGE));
  mc_loader_set_error (&source->error, MC_LOADER_ERROR_SYNTAX, source->workbook->name, 0, 0,
                       _("%s, line %d: the XML is malformed: %s"), source->path,
                       xml_error->line, message);
}

static xmlTextReaderPtr
open_xml (McWorkbook  *workbook,
          const char  *path,
          GError     **error)
{
  XmlSource *source;
  g_autoptr(GError) damaged = NULL;
  GsfInput *entry = open_entry (workbook, path, &damaged);
  xmlTextReaderPtr reader;

  if (damaged != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&damaged));
      return NULL;
    }
  if (entry == NULL)
    {
      mc_loader_set_error (error, MC_LOADER_ERROR_MISSING, workbook->name, 0, 0,
                           _("the workbook has no “%s”; it may be damaged"), path);
      return NULL;
    }
  if ((guint64) gsf_input_size (entry) > MC_LOADER_MAX_ENTRY_SIZE)
    {
      mc_loader_set_error (error, MC_LOADER_ERROR_TOO_LARGE, workbook->name, 0, 0,
                           _("“%s” is %u MiB once inflated; the limit is %u MiB"), path,
                           (guint) MIN ((guint64) gsf_input_size (entry) / (1024 * 1024),
                                        G_MAXUINT),
                           (guint) (MC_LOADER_MAX_ENTRY_SIZE / (1024 * 1024)));
      g_object_unref (entry);
      return NULL;
    }
  source = g_new0 (XmlSource, 1);
  source->workbook = workbook;
  source->entry = entry;
  source->path = g_strdup (path);
  /* No XML_PARSE_NOENT (entities stay unexpanded), no DTD loading, no
   * network: a workbook's XML needs none of them. */
  reader = xmlReaderForIO (read_entry_cb, NULL, source, path, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING
                           | XML_PARSE_NOCDATA);
  if (reader == NULL)
    {
      xml_source_free (source);
      mc_loader_set_error (error, MC_LOADER_ERROR_SYNTAX, workbook->name, 0, 0,
                           _("“%s” cannot be read as XML"), path);
      return NULL;
    }
  xmlTextReaderSetStructuredErrorHandler (reader, structured_error_cb, source);
  xmlTextReaderSetParserProp (reader, XML_PARSER_SUBST_ENTITIES, 0);
  xmlTextReaderSetParserProp (reader, XML_PARSER_LOADDTD, 0);
  return reader;
}

/* The source that open_xml() gave the reader, with its error handler. */
static XmlSource *
get_source (xmlTextReaderPtr reader)
{
  xmlTextReaderErrorFunc handler = NULL;
  void *context = NULL;

  xmlTextReaderGetErrorHandler (reader, &handler, &context);
  return context;
}

/* Moves to the next node; FALSE at the end, or with @error set for XML
 * that is malformed or refers to an entity, or an entry over the
 * limits. */
static gboolean
next_node (McWorkbook   *workbook,
           McXmlNode    *node,
           GError      **error)
{
  XmlSource *source = get_source (node->reader);
  int status = xmlTextReaderRead (node->reader);

  if (status == 1)
    {
      node->type = xmlTextReaderNodeType (node->reader);
      node->name = (const char *) xmlTextReaderConstLocalName (node->reader);
      node->empty = node->type == XML_READER_TYPE_ELEMENT
                    && xmlTextReaderIsEmptyElement (node->reader);
    }
  /* A DTD in UTF-16 passes the check of the bytes (check_no_dtd()) */
  if (status == 1 && node->type == XML_READER_TYPE_DOCUMENT_TYPE)
    {
      mc_loader_set_error (error, MC_LOADER_ERROR_SYNTAX, workbook->name, 0, 0,
                           _("%s declares a DTD, which workbooks never do; it is refused"),
                           source->path);
      return FALSE;
    }
  if (status == 1 && node->type == XML_READER_TYPE_ENTITY_REFERENCE)
    {
      mc_loader_set_error (error, MC_LOADER_ERROR_SYNTAX, workbook->name, 0, 0,
                           _("%s refers to an entity, which workbooks never do; it is "
                             "refused"), source->path);
      return FALSE;
    }
  if (status >= 0 && source->error == NULL)
    return status == 1;
  if (source->error != NULL)
    g_propagate_error (error, g_steal_pointer (&source->error));
  else
    mc_loader_set_error (error, MC_LOADER_ERROR_SYNTAX, workbook->name, 0, 0,
                         _("%s: the XML is malformed"), source->path);
  return FALSE;
}

static void
close_xml (xmlTextReaderPtr reader)
{
  XmlSource *source = get_source (reader);

  xmlFreeTextReader (reader);
  xml_source_free (source);
}

/**
 * mc_workbook_walk_xml:
 * @path: the entry, "xl/workbook.xml"
 * @required: whether a workbook without it is damaged
 * @func: called at each node, until it returns %FALSE with its error
 *
 * Reads an entry as XML, node by node, with no network, no DTD and no
 * entity, within the limits of the container.
 *
 * Returns: whether the whole entry was read (or is missing and not
 *   @required)
 */
gboolean
mc_workbook_walk_xml (McWorkbook  *workbook,
                      const char  *path,
                      gboolean     required,
                      McXmlFunc    func,
                      gpointer     user_data,
                      GError     **error)
{
  McXmlNode node = { NULL, };
  g_autoptr(GError) local_error = NULL;
  gboolean ok = TRUE;

  if (!required && !mc_workbook_has_entry (workbook, path))
    return TRUE;
  node.reader = open_xml (workbook, path, error);
  if (node.reader == NULL)
    return FALSE;
  while (ok && next_node (workbook, &node, &local_error))
    ok = func (&node, user_data, &local_error);
  close_xml (node.reader);
  if (local_error == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

char *
mc_workbook_xml_attribute (const McXmlNode *node,
                           const char      *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (node->reader, (const xmlChar *) name);
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

char *
mc_workbook_xml_attribute_ns (const McXmlNode *node,
                              const char      *name,
                              const char      *ns)
{
  xmlChar *value = xmlTextReaderGetAttributeNs (node->reader, (const xmlChar *) name,
                                                (const xmlChar *) ns);
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

const char *
mc_workbook_xml_text (const McXmlNode *node)
{
  if (node->type != XML_READER_TYPE_TEXT && node->type != XML_READER_TYPE_SIGNIFICANT_WHITESPACE
      && node->type != XML_READER_TYPE_WHITESPACE)
    return NULL;
  return (const char *) xmlTextReaderConstValue (node->reader);
}

gboolean
mc_workbook_xml_is_start (const McXmlNode *node,
                          const char      *local_name)
{
  return node->type == XML_READER_TYPE_ELEMENT && strcmp (node->name, local_name) == 0;
}

gboolean
mc_workbook_xml_is_end (const McXmlNode *node,
                        const char      *local_name)
{
  return (node->type == XML_READER_TYPE_END_ELEMENT || node->empty)
         && strcmp (node->name, local_name) == 0;
}

/* Sheets */

/* A cell kept from a walk: its value, owned. */
typedef struct
{
  gboolean          set;
  McSheetCellKind   kind;
  char             *text;
  double            number;
  const char       *unit;
  McDatePrecision   precision;
  int               decimals;
} Slot;

/* What the first rows of a sheet hold, to find its header. */
typedef struct
{
  guint        row;
  guint        n_cells;
  guint        n_texts;
  guint        first;
  guint        last;
  GHashTable  *texts;     /* column → char * */
} FirstRow;

typedef struct
{
  const char      *name;
  const char      *sheet_name;
  const char      *title;
  gboolean         header_first;
  GCancellable    *cancellable;
  FirstRow         rows[MAX_HEADER_SEARCH];
  guint            n_rows;
  guint            tail_first;    /* the columns used below the first rows */
  guint            tail_last;
  gboolean         tail_used;
  GArray          *merges;        /* McSheetCell of the first rows */
  /* The table */
  guint            header;        /* the header row */
  guint            first;         /* its columns */
  guint            n_columns;
  McTableBuilder  *builder;
  gboolean         infer;
  Slot            *slots;
  guint            row;           /* of the slots */
  gboolean         row_used;
  guint            n_data_rows;
} Sheet;

static void
slot_clear (Slot *slot)
{
  g_clear_pointer (&slot->text, g_free);
  slot->set = FALSE;
}

static void
sheet_clear (Sheet *sheet)
{
  for (guint i = 0; i < sheet->n_rows; i++)
    g_clear_pointer (&sheet->rows[i].texts, g_hash_table_unref);
  g_clear_pointer (&sheet->merges, g_array_unref);
  for (guint i = 0; sheet->slots != NULL && i < sheet->n_columns; i++)
    slot_clear (&sheet->slots[i]);
  g_clear_pointer (&sheet->slots, g_free);
}

/* The text of a cell for a header, or for a column of text. */
static char *
cell_text (const McSheetCell *cell)
{
  return g_strdup (cell->text ? cell->text : "");
}

/* Layout: the first rows, and the columns used below them */

static FirstRow *
first_row (Sheet *sheet,
           guint  row)
{
  if (sheet->n_rows > 0 && sheet->rows[sheet->n_rows - 1].row == row)
    return &sheet->rows[sheet->n_rows - 1];
  if (sheet->n_rows == MAX_HEADER_SEARCH)
    return NULL;
  sheet->rows[sheet->n_rows] = (FirstRow) { row, 0, 0, G_MAXUINT, 0,
                                            g_hash_table_new_full (NULL, NULL, NULL, g_free) };
  return &sheet->rows[sheet->n_rows++];
}

static gboolean
layout_cell (const McSheetCell  *cell,
             gpointer            user_data,
             GError            **error)
{
  Sheet *sheet = user_data;
  FirstRow *row;

  if (cell->kind == MC_SHEET_CELL_MERGE)
    {
      if (sheet->n_rows < MAX_HEADER_SEARCH || cell->row <= sheet->rows[sheet->n_rows - 1].row)
        g_array_append_val (sheet->merges, *cell);
      return TRUE;
    }
  row = first_row (sheet, cell->row);
  if (row == NULL)
    {
      sheet->tail_first = sheet->tail_used ? MIN (sheet->tail_first, cell->column) : cell->column;
      sheet->tail_last = MAX (sheet->tail_last, cell->column);
      sheet->tail_used = TRUE;
      return TRUE;
    }
  row->n_cells++;
  row->n_texts += cell->kind == MC_SHEET_CELL_TEXT;
  row->first = MIN (row->first, cell->column);
  row->last = MAX (row->last, cell->column);
  g_hash_table_insert (row->texts, GUINT_TO_POINTER (cell->column), cell_text (cell));
  return TRUE;
}

/* The header: the first row of text as wide as at least half the widest
 * of the first rows (rows above it are titles); else the first row. */
static guint
find_header (Sheet *sheet)
{
  guint widest = 0;

  for (guint i = 0; i < sheet->n_rows; i++)
    widest = MAX (widest, sheet->rows[i].n_cells);
  for (guint i = 0; i < sheet->n_rows; i++)
    if (sheet->rows[i].n_texts == sheet->rows[i].n_cells
        && sheet->rows[i].n_cells >= MAX (2, (widest + 1) / 2))
      return i;
  return 0;
}

static gboolean
choose_columns (Sheet   *sheet,
                GError **error)
{
  guint first = sheet->tail_used ? sheet->tail_first : G_MAXUINT;
  guint last = sheet->tail_used ? sheet->tail_last : 0;
  guint header;

  if (sheet->n_rows == 0)
    {
      mc_loader_set_error (error, MC_LOADER_ERROR_SHAPE, sheet->name, 0, 0,
                           _("the sheet “%s” is empty"), sheet->sheet_name);
      return FALSE;
    }
  header = sheet->header_first ? 0 : find_header (sheet);
  for (guint i = header; i < sheet->n_rows; i++)
    {
      first = MIN (first, sheet->rows[i].first);
      last = MAX (last, sheet->rows[i].last);
    }
  sheet->header = header;
  sheet->first = first;
  sheet->n_columns = last - first + 1;
  if (sheet->n_columns <= MC_LOADER_MAX_COLUMNS)
    return TRUE;
  mc_loader_set_error (error, MC_LOADER_ERROR_TOO_LARGE, sheet->name, 0, 0,
                       _("the sheet “%s” has %u columns; the limit is %d"),
                       sheet->sheet_name, sheet->n_columns, MC_LOADER_MAX_COLUMNS);
  return FALSE;
}

/* A merged header cell names every column it spans. */
static const char *
header_text (Sheet *sheet,
             guint  column)
{
  FirstRow *row = &sheet->rows[sheet->header];
  const char *text = g_hash_table_lookup (row->texts, GUINT_TO_POINTER (column));

  for (guint i = 0; text == NULL && i < sheet->merges->len; i++)
    {
      McSheetCell *merge = &g_array_index (sheet->merges, McSheetCell, i);

      if (merge->row == row->row && merge->column < column
          && column < merge->column + merge->span)
        text = g_hash_table_lookup (row->texts, GUINT_TO_POINTER (merge->column));
    }
  return text;
}

/* Rows */

static char *
locate_cell (gpointer user_data,
             guint    column)
{
  Sheet *sheet = user_data;
  g_autofree char *letters = mc_workbook_column_name (sheet->first + column);

  return g_strdup_printf ("%s:%s!%s%u", sheet->name, sheet->sheet_name, letters,
                          sheet->row + 1);
}

static void
report_cell (gpointer        user_data,
             guint           column,
             McLoaderError   code,
             const char     *message,
             GError        **error)
{
  g_autofree char *where = locate_cell (user_data, column);

  g_set_error (error, MC_LOADER_ERROR, code, "%s: %s", where, message);
}

static void
infer_slot (Sheet *sheet,
            guint  column,
            Slot  *slot)
{
  McTableBuilder *builder = sheet->builder;

  if (!slot->set)
    mc_table_builder_infer_cell (builder, column, "", 0);
  else if (slot->kind == MC_SHEET_CELL_NUMBER)
    mc_table_builder_infer_number (builder, column, slot->number, slot->decimals,
                                   slot->unit, slot->text);
  else if (slot->kind == MC_SHEET_CELL_BOOLEAN)
    mc_table_builder_infer_boolean (builder, column, slot->number != 0);
  else if (slot->kind == MC_SHEET_CELL_DATE)
    mc_table_builder_infer_date (builder, column, slot->number, slot->precision, slot->text);
  else
    mc_table_builder_infer_cell (builder, column, slot->text, strlen (slot->text));
}

static gboolean
append_slot (Sheet   *sheet,
             guint    column,
             Slot    *slot,
             GError **error)
{
  McTableBuilder *builder = sheet->builder;

  if (!slot->set)
    mc_table_builder_append_missing (builder, column);
  else if (slot->kind == MC_SHEET_CELL_NUMBER)
    mc_table_builder_append_number (builder, column, slot->number, slot->decimals,
                                    slot->text);
  else if (slot->kind == MC_SHEET_CELL_BOOLEAN)
    mc_table_builder_append_boolean (builder, column, slot->number != 0);
  else if (slot->kind == MC_SHEET_CELL_DATE)
    mc_table_builder_append_date_days (builder, column, slot->number, slot->precision,
                                       slot->text);
  else
    return mc_table_builder_append_cell (builder, column, slot->text, strlen (slot->text),
                                         error);
  return TRUE;
}

/* Hands the row kept in the slots to the builder; empty rows are left
 * out, as spreadsheets keep formatted empty ones. */
static gboolean
flush_row (Sheet   *sheet,
           GError **error)
{
  gboolean ok = TRUE;

  if (!sheet->row_used)
    return TRUE;
  if (++sheet->n_data_rows > MC_LOADER_MAX_ROWS)
    {
      mc_loader_set_error (error, MC_LOADER_ERROR_TOO_LARGE, sheet->name, 0, 0,
                           _("more than %d rows; that is the limit"), MC_LOADER_MAX_ROWS);
      return FALSE;
    }
  if (sheet->n_data_rows % 65536 == 0
      && g_cancellable_set_error_if_cancelled (sheet->cancellable, error))
    return FALSE;
  for (guint i = 0; ok && i < sheet->n_columns; i++)
    {
      if (sheet->infer && mc_table_builder_wants_cell (sheet->builder, i))
        infer_slot (sheet, i, &sheet->slots[i]);
      else if (!sheet->infer && mc_table_builder_needs_cells (sheet->builder, i))
        ok = append_slot (sheet, i, &sheet->slots[i], error);
    }
  for (guint i = 0; i < sheet->n_columns; i++)
    slot_clear (&sheet->slots[i]);
  sheet->row_used = FALSE;
  return ok;
}

static gboolean
data_cell (const McSheetCell  *cell,
           gpointer            user_data,
           GError            **error)
{
  Sheet *sheet = user_data;
  Slot *slot;

  if (cell->kind == MC_SHEET_CELL_MERGE || cell->row <= sheet->rows[sheet->header].row
      || cell->column < sheet->first || cell->column >= sheet->first + sheet->n_columns)
    return TRUE;
  if (cell->row != sheet->row && !flush_row (sheet, error))
    return FALSE;
  sheet->row = cell->row;
  sheet->row_used = TRUE;
  slot = &sheet->slots[cell->column - sheet->first];
  slot_clear (slot);
  *slot = (Slot) { TRUE, cell->kind, cell_text (cell), cell->number, cell->unit,
                   cell->precision, cell->decimals };
  return TRUE;
}

/* A title row above the header, a single text ("Alibaba Cloud
 * revenue"), else the title given. */
static void
set_title (Sheet     *sheet,
           McDataset *dataset)
{
  FirstRow *first = &sheet->rows[0];
  const char *title = sheet->title;

  if (sheet->header > 0 && first->n_cells == 1 && first->n_texts == 1)
    title = g_hash_table_lookup (first->texts, GUINT_TO_POINTER (first->first));
  if (title != NULL && *title != '\0')
    mc_dataset_set_title (dataset, title);
}

static gboolean
walk_data (Sheet            *sheet,
           McSheetWalkFunc   walk,
           gpointer          data,
           gboolean          infer,
           GError          **error)
{
  sheet->infer = infer;
  sheet->row = G_MAXUINT;
  sheet->row_used = FALSE;
  sheet->n_data_rows = 0;
  return walk (data, data_cell, sheet, error) && flush_row (sheet, error);
}

static McDataset *
build (Sheet            *sheet,
       McSheetWalkFunc   walk,
       gpointer          data,
       GError          **error)
{
  for (guint i = 0; i < sheet->n_columns; i++)
    {
      const char *text = header_text (sheet, sheet->first + i);

      mc_table_builder_add_column (sheet->builder, text ? text : "", text ? strlen (text) : 0);
    }
  sheet->slots = g_new0 (Slot, sheet->n_columns);
  mc_table_builder_set_locator (sheet->builder, locate_cell, sheet);
  mc_table_builder_set_reporter (sheet->builder, report_cell, sheet);
  if (!walk_data (sheet, walk, data, TRUE, error))
    return NULL;
  if (sheet->n_data_rows == 0)
    {
      mc_loader_set_error (error, MC_LOADER_ERROR_SHAPE, sheet->name, 0, 0,
                           _("the sheet “%s” has a header row but no data rows"),
                           sheet->sheet_name);
      return NULL;
    }
  mc_table_builder_decide (sheet->builder);
  if (!walk_data (sheet, walk, data, FALSE, error))
    return NULL;
  set_title (sheet, mc_table_builder_get_dataset (sheet->builder));
  mc_table_builder_finish (sheet->builder);
  mc_table_builder_set_locator (sheet->builder, NULL, NULL);
  mc_table_builder_set_reporter (sheet->builder, NULL, NULL);
  return g_object_ref (mc_table_builder_get_dataset (sheet->builder));
}

/**
 * mc_workbook_load_sheet:
 * @walk: walks the sheet, three times: to find the header, to infer the
 *   types and to take the values
 *
 * Returns: (transfer full): the dataset, or %NULL with @error set
 */
McDataset *
mc_workbook_load_sheet (const char       *name,
                        const char       *sheet_name,
                        const char       *title,
                        gboolean          header_first,
                        McSheetWalkFunc   walk,
                        gpointer          data,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_autoptr(McTableBuilder) builder = mc_table_builder_new (name);
  Sheet sheet = { name, sheet_name, title, header_first, cancellable, };
  McDataset *dataset = NULL;

  sheet.merges = g_array_new (FALSE, FALSE, sizeof (McSheetCell));
  sheet.builder = builder;
  if (walk (data, layout_cell, &sheet, error) && choose_columns (&sheet, error))
    dataset = build (&sheet, walk, data, error);
  sheet_clear (&sheet);
  return dataset;
}

static char *
list_sheets (const char * const *sheets)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; sheets[i] != NULL && i < 12; i++)
    g_string_append_printf (out, "%s%u “%s”", i > 0 ? ", " : "", i + 1, sheets[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
mc_workbook_choose_sheet (const char          *name,
                          const char * const  *sheets,
                          const char          *wanted,
                          guint               *index,
                          GError             **error)
{
  guint n = g_strv_length ((char **) sheets);
  g_autofree char *listed = list_sheets (sheets);
  g_autofree char *shown = NULL;
  guint64 number;

  if (n == 1 && wanted == NULL)
    {
      *index = 0;
      return TRUE;
    }
  for (guint i = 0; wanted != NULL && i < n; i++)
    if (g_str_equal (sheets[i], wanted))
      {
        *index = i;
        return TRUE;
      }
  if (wanted != NULL && g_ascii_string_to_unsigned (wanted, 10, 1, n, &number, NULL))
    {
      *index = number - 1;
      return TRUE;
    }
  if (wanted == NULL)
    {
      mc_loader_set_error (error, MC_LOADER_ERROR_CHOICE, name, 0, 0,
                           ngettext ("the workbook has %u sheet: %s; choose one",
                                     "the workbook has %u sheets: %s; choose one", n),
                           n, listed);
      return FALSE;
    }
  shown = mc_text_shown (wanted);
  mc_loader_set_error (error, MC_LOADER_ERROR_MISSING, name, 0, 0,
                       _("the workbook has no sheet “%s”; its sheets are: %s"), shown, listed);
  return FALSE;
}

char *
mc_workbook_column_name (guint column)
{
  char letters[8];
  guint n = 0;

  column++;
  while (column > 0 && n < sizeof letters)
    {
      letters[n++] = 'A' + (column - 1) % 26;
      column = (column - 1) / 26;
    }
  return g_strreverse (g_strndup (letters, n));
}
