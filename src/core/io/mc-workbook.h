/* mc-workbook.h: spreadsheets: their container, their XML, their sheets as tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <gsf/gsf.h>
#include <libxml/xmlreader.h>

#include "mc-dataset.h"
#include "mc-loader-error.h"

G_BEGIN_DECLS

/* A workbook's zip container, read with libgsf, within the limits of
 * mc-loader-error.h: entries too large when inflated, or inflated far
 * beyond their compressed size (zip bombs), or named outside their
 * folder, are refused. */
typedef struct
{
  const char  *name;        /* the file, for messages */
  GsfInput    *source;
  GsfInfile   *zip;
  gsize        length;      /* of the file */
  guint64      inflated;    /* bytes read from its entries so far */
} McWorkbook;

gboolean          mc_workbook_open         (McWorkbook        *workbook,
                                            const char        *name,
                                            const char        *data,
                                            gsize              length,
                                            GError           **error);
void              mc_workbook_close        (McWorkbook        *workbook);
gboolean          mc_workbook_has_entry    (McWorkbook        *workbook,
                                            const char        *path);
/* The node at hand of an entry's XML. */
typedef struct
{
  xmlTextReaderPtr  reader;
  int               type;     /* XML_READER_TYPE_ELEMENT, _END_ELEMENT, _TEXT, … */
  const char       *name;     /* its local name, until the next node */
  gboolean          empty;    /* an element without content: <c/> */
} McXmlNode;

typedef gboolean (*McXmlFunc) (const McXmlNode  *node,
                               gpointer          user_data,
                               GError          **error);

/* Reads entry @path ("xl/workbook.xml") as XML, streaming, node by node:
 * no network, no DTD, no entities; XML that is malformed or declares a
 * DTD, and entries over the limits, are refused with the entry and the
 * line. A missing entry is an error only when @required. */
gboolean          mc_workbook_walk_xml     (McWorkbook        *workbook,
                                            const char        *path,
                                            gboolean           required,
                                            McXmlFunc          func,
                                            gpointer           user_data,
                                            GError           **error);
/* The attribute @name of the element at hand, or NULL (to free). */
char             *mc_workbook_xml_attribute (const McXmlNode  *node,
                                            const char        *name);
char             *mc_workbook_xml_attribute_ns (const McXmlNode *node,
                                            const char        *name,
                                            const char        *ns);
/* The text of a text node, or NULL. */
const char       *mc_workbook_xml_text     (const McXmlNode   *node);
gboolean          mc_workbook_xml_is_start (const McXmlNode   *node,
                                            const char        *local_name);
/* The end of an element, or an element without content. */
gboolean          mc_workbook_xml_is_end   (const McXmlNode   *node,
                                            const char        *local_name);

/* What a cell's number format says its number is. */
typedef struct
{
  gboolean         date;
  McDatePrecision  precision;  /* of a date */
  const char      *unit;       /* "percent", a currency code, or NULL (static) */
  int              decimals;   /* of a number it shows, MC_DECIMALS_UNKNOWN */
} McNumberFormat;

/* One cell of a sheet, as a reader finds it. */
typedef enum
{
  MC_SHEET_CELL_TEXT,
  MC_SHEET_CELL_NUMBER,
  MC_SHEET_CELL_BOOLEAN,
  MC_SHEET_CELL_DATE,
  MC_SHEET_CELL_MERGE,     /* no value: the cell at row, column spans @span columns */
} McSheetCellKind;

typedef struct
{
  guint             row;        /* from 0 */
  guint             column;     /* from 0 */
  McSheetCellKind   kind;
  const char       *text;       /* the text, or the value as written */
  double            number;     /* a number, or a date in days since 1970 */
  const char       *unit;       /* of a number: "percent", a currency code, or NULL */
  McDatePrecision   precision;  /* of a date */
  guint             span;       /* of a merge */
  int               decimals;   /* of a number, as its format shows it;
                                 * MC_DECIMALS_UNKNOWN when it does not say */
} McSheetCell;

typedef gboolean (*McSheetCellFunc) (const McSheetCell  *cell,
                                     gpointer            user_data,
                                     GError            **error);
/* Calls @func for every cell of the sheet that holds a value, row by
 * row, and for every merged range. */
typedef gboolean (*McSheetWalkFunc) (gpointer            sheet,
                                     McSheetCellFunc     func,
                                     gpointer            user_data,
                                     GError            **error);

/* The sheet made into a table: its header row found (title rows above it
 * skipped, merged header cells repeated over their columns), empty rows
 * and columns around it left out; the table builder infers the rest.
 * With @header_first, the header is the first row (a web table's <th>
 * cells say so). The table's title is a title row above the header,
 * else @title (nullable: a web table's caption, the sheet's name in a
 * workbook of several), else the file's name. */
McDataset  *mc_workbook_load_sheet   (const char       *name,
                                      const char       *sheet_name,
                                      const char       *title,
                                      gboolean          header_first,
                                      McSheetWalkFunc   walk,
                                      gpointer          sheet,
                                      GCancellable     *cancellable,
                                      GError          **error);

/* Chooses among the sheets by @wanted, a name or a number from 1; with
 * several and none wanted, says which there are. Returns the index. */
gboolean    mc_workbook_choose_sheet (const char          *name,
                                      const char * const  *sheets,
                                      const char          *wanted,
                                      guint               *index,
                                      GError             **error);
/* "A", "B", …, "AA" from column 0, 1, …, 26. */
char       *mc_workbook_column_name  (guint              column);

G_END_DECLS
