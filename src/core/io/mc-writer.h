/* mc-writer.h: datasets written as dataset files (format version 1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mc-dataset.h"

G_BEGIN_DECLS

#define MC_WRITER_ERROR (mc_writer_error_quark ())

typedef enum
{
  MC_WRITER_ERROR_UNSUPPORTED,  /* the dataset holds what the file cannot */
  MC_WRITER_ERROR_WRITE,        /* the file could not be written */
} McWriterError;

typedef struct
{
  /* NULL: the rows go in the dataset file. Else they go in a CSV file of
   * this name in the dataset file's folder, which the dataset names. */
  const char *csv_name;
} McWriterOptions;

/* From this many rows on, a saved dataset keeps its rows in a CSV file. */
#define MC_WRITER_CSV_ROWS 10000

GQuark     mc_writer_error_quark  (void);

void       mc_writer_options_init (McWriterOptions        *options);
char      *mc_writer_choose_rows_file (McDataset          *dataset,
                                   GFile                  *file);

/* The dataset file: JSON, pretty-printed, keys in a fixed order. */
GBytes    *mc_writer_write_json   (McDataset              *dataset,
                                   const McWriterOptions  *options,
                                   GError                **error);
/* The text a dataset file has for a cell, in any locale: "" when it is
 * missing. */
char      *mc_writer_cell_text    (const McColumn         *column,
                                   guint                   row);
/* The rows as CSV (RFC 4180), under a header of the column ids. */
GBytes    *mc_writer_write_csv    (McDataset              *dataset,
                                   GError                **error);
/* The dataset as a table for other programs: a header of labels with
 * their units ("Revenue (USD bn)"), then the rows. */
GBytes    *mc_writer_write_table_csv  (McDataset          *dataset,
                                       GError            **error);
gboolean   mc_writer_write_table_file (McDataset          *dataset,
                                       GFile              *file,
                                       GError            **error);
/* Writes the dataset file, and the CSV file its options name, each
 * replaced atomically: on failure the old file is untouched. */
gboolean   mc_writer_write_file   (McDataset              *dataset,
                                   GFile                  *file,
                                   const McWriterOptions  *options,
                                   GError                **error);

G_END_DECLS
