/* mc-loader-error.h: the loader's errors and limits, and messages with positions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MC_LOADER_ERROR (mc_loader_error_quark ())

/* Every error message names the file, and the line:column where one is
 * known, e.g. "revenue.json:12:7: column “revenue” expects a number, found
 * a string (\"9.2\")". */
typedef enum
{
  MC_LOADER_ERROR_IO,          /* cannot read the file */
  MC_LOADER_ERROR_TOO_LARGE,   /* over a documented resource limit */
  MC_LOADER_ERROR_SYNTAX,      /* not JSON / not CSV / bad UTF-8 */
  MC_LOADER_ERROR_VERSION,     /* unsupported "format" */
  MC_LOADER_ERROR_MISSING,     /* a required key or column is absent */
  MC_LOADER_ERROR_TYPE,        /* wrong JSON type or cell type */
  MC_LOADER_ERROR_VALUE,       /* bad date, unknown chart type, unknown unit, ... */
  MC_LOADER_ERROR_REFERENCE,   /* chart refers to an undeclared column */
  MC_LOADER_ERROR_DUPLICATE,   /* duplicate column or chart ids */
  MC_LOADER_ERROR_SHAPE,       /* row with the wrong number of cells */
  MC_LOADER_ERROR_PATH,        /* CSV reference leaves the dataset's folder */
  MC_LOADER_ERROR_CHOICE,      /* a workbook has several sheets: which? */
  MC_LOADER_ERROR_FORMAT,      /* not a table, or a format no reader knows */
} McLoaderError;

/* Resource limits, documented in docs/dataset-format.md. Going over one
 * gives MC_LOADER_ERROR_TOO_LARGE. */
#define MC_LOADER_MAX_JSON_SIZE      ((gsize) 64 * 1024 * 1024)
#define MC_LOADER_MAX_CSV_SIZE       ((gsize) 1024 * 1024 * 1024)
#define MC_LOADER_MAX_COLUMNS        4096
#define MC_LOADER_MAX_ROWS           50000000
#define MC_LOADER_MAX_DEPTH          64
#define MC_LOADER_MAX_STRING_LENGTH  (64 * 1024)
/* Web pages: the parser builds the page's tree, ten times its size. */
#define MC_LOADER_MAX_HTML_SIZE      ((gsize) 16 * 1024 * 1024)
/* Workbooks (XLSX, ODS): the file, any entry of its zip container once
 * inflated, and how many times larger than the file its entries may
 * inflate in all (once they are over 16 MiB): zip bombs go far beyond. */
#define MC_LOADER_MAX_WORKBOOK_SIZE  ((gsize) 256 * 1024 * 1024)
#define MC_LOADER_MAX_ENTRY_SIZE     ((guint64) 1024 * 1024 * 1024)
#define MC_LOADER_MAX_INFLATION      200
#define MC_LOADER_MIN_INFLATION_CHECK ((guint64) 16 * 1024 * 1024)
/* ODS writes runs of equal cells and rows once, with a count, and HTML
 * cells span rows: the copies of cells with values such counts and spans
 * make in a table, in all. Counts of empty cells make nothing. */
#define MC_LOADER_MAX_REPEATED_CELLS ((guint64) 16 * 1024 * 1024)

GQuark      mc_loader_error_quark       (void);

void        mc_loader_position          (const char       *text,
                                         gsize             length,
                                         gsize             offset,
                                         guint            *line,
                                         guint            *column);
/* Sets "name:line:column: message" (or "name: message" when @line is 0). */
void        mc_loader_set_error         (GError          **error,
                                         McLoaderError     code,
                                         const char       *name,
                                         guint             line,
                                         guint             column,
                                         const char       *format,
                                         ...) G_GNUC_PRINTF (6, 7);
char       *mc_loader_format_message    (const char       *name,
                                         guint             line,
                                         guint             column,
                                         const char       *message);
gboolean    mc_loader_check_text        (const char       *name,
                                         const char       *text,
                                         gsize             length,
                                         GError          **error);
char       *mc_loader_describe_text     (const char       *text,
                                         gsize             length);

G_END_DECLS
