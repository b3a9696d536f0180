/* mc-loader.h: read datasets from JSON and CSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mc-dataset.h"
#include "mc-load-options.h"
#include "mc-load-progress.h"
#include "mc-loader-error.h"

G_BEGIN_DECLS

/* Errors are in MC_LOADER_ERROR, and files over the limits of
 * mc-loader-error.h are refused. */

/* Loads a dataset file: JSON ("*.json" or content starting with '{') or a
 * plain CSV file with a header row (column types inferred, a default chart
 * chosen). A JSON file may reference a CSV file in its own folder for its
 * rows. Works on resource:// files too. */
McDataset  *mc_loader_load_file     (GFile         *file,
                                     GCancellable  *cancellable,
                                     GError       **error);

McDataset  *mc_loader_load_file_with_options (GFile               *file,
                                              const McLoadOptions *options,
                                              GCancellable        *cancellable,
                                              GError             **error);
McDataset  *mc_loader_load_file_full (GFile               *file,
                                      const McLoadOptions *options,
                                      McLoadProgress      *progress,
                                      GCancellable        *cancellable,
                                      GError             **error);

/* The names of the sheets of a workbook, in their order (an empty list
 * for a file of one table): what a chooser offers when loading says
 * MC_LOADER_ERROR_CHOICE. */
char      **mc_loader_list_sheets   (GFile         *file,
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

McDataset  *mc_loader_load_data_with_options (const char          *data,
                                              gsize                length,
                                              const char          *display_name,
                                              GFile               *base,
                                              const McLoadOptions *options,
                                              GError             **error);

/* Parses a date as written in datasets and CSV files: ISO 8601 ("2024",
 * "2024-02", "2024-02-15") and common written forms ("February 2024",
 * "Feb 2024", "15 Feb 2024", "2/15/2024" is NOT accepted: ambiguous).
 * Returns days since 1970-01-01 and the precision found. */
gboolean    mc_loader_parse_date    (const char       *text,
                                     double           *days,
                                     McDatePrecision  *precision);

G_END_DECLS
