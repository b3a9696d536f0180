/* mc-loader.h: read datasets from JSON and CSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mc-dataset.h"

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
} McLoaderError;

/* Resource limits, documented in docs/dataset-format.md. Going over one
 * gives MC_LOADER_ERROR_TOO_LARGE. */
#define MC_LOADER_MAX_JSON_SIZE      ((gsize) 64 * 1024 * 1024)
#define MC_LOADER_MAX_CSV_SIZE       ((gsize) 1024 * 1024 * 1024)
#define MC_LOADER_MAX_COLUMNS        4096
#define MC_LOADER_MAX_ROWS           50000000
#define MC_LOADER_MAX_DEPTH          64
#define MC_LOADER_MAX_STRING_LENGTH  (64 * 1024)

GQuark      mc_loader_error_quark   (void);

/* Loads a dataset file: JSON ("*.json" or content starting with '{') or a
 * plain CSV file with a header row (column types inferred, a default chart
 * chosen). A JSON file may reference a CSV file in its own folder for its
 * rows. Works on resource:// files too. */
McDataset  *mc_loader_load_file     (GFile         *file,
                                     GCancellable  *cancellable,
                                     GError       **error);

/* Same, from memory. @display_name names the data in error messages;
 * @base is the folder CSV references are resolved against (nullable: then
 * references are an error). */
McDataset  *mc_loader_load_data     (const char    *data,
                                     gsize          length,
                                     const char    *display_name,
                                     GFile         *base,
                                     GError       **error);

/* Parses a date as written in datasets and CSV files: ISO 8601 ("2024",
 * "2024-02", "2024-02-15") and common written forms ("February 2024",
 * "Feb 2024", "15 Feb 2024", "2/15/2024" is NOT accepted: ambiguous).
 * Returns days since 1970-01-01 and the precision found. */
gboolean    mc_loader_parse_date    (const char       *text,
                                     double           *days,
                                     McDatePrecision  *precision);

G_END_DECLS
