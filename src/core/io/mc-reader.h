/* mc-reader.h: the readers of dataset files, and how one is chosen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mc-dataset.h"
#include "mc-load-options.h"
#include "mc-load-progress.h"
#include "mc-loader-error.h"
#include "mc-mapped-file.h"

G_BEGIN_DECLS

/* What a reader reads: a file's contents in memory. */
typedef struct
{
  const char    *name;          /* the file's name, for messages */
  const char    *data;
  gsize          length;
  GFile         *base;          /* nullable: the file's folder */
  GCancellable  *cancellable;   /* nullable */
  const McLoadOptions *options; /* never NULL */
  McLoadProgress *progress;     /* nullable: bytes read and rows found */
  /* Nullable: the mapped file @data is, read from the disk as a reader
   * goes (see McLineBlocksSource) */
  McMappedFile  *mapped;
} McReaderInput;

/* One format of dataset file. A new format is a file in readers/ that
 * defines its McReader, and an entry in the table of
 * readers/mc-readers.c. Readers that find cells in a table hand them to
 * the table builder (mc-table-builder.h), which decides what they mean. */
typedef struct
{
  const char          *id;          /* "csv" */
  const char          *name;        /* N_("CSV or TSV table") */
  const char * const  *suffixes;    /* ".csv", in lower case, NULL-terminated */
  const char * const  *mime_types;  /* NULL-terminated */
  /* Whether the contents of a file are this format's; NULL for the
   * reader of last resort, which takes what no other reader claims. */
  gboolean           (*sniff)       (const char           *head,
                                     gsize                 length);
  /* The sniff recognizes a binary signature, which is surer than the
   * file's name: a workbook named "data.csv" is still a workbook. */
  gboolean             magic;
  gsize                max_size;    /* larger files are refused */
  /* Errors are in MC_LOADER_ERROR (or G_IO_ERROR_CANCELLED). */
  McDataset         *(*load)        (const McReaderInput  *input,
                                     GError              **error);
  /* The names of a workbook's sheets; NULL for formats of one table. */
  char             **(*list_sheets) (const McReaderInput  *input,
                                     GError              **error);
  /* Optional, for files too large to hold whole: reads a file while it
   * arrives, @input->data being its first bytes and @stream the rest.
   * It may give up (@gave_up, no error) at what it does not read that
   * way: the whole file then goes to load(). */
  McDataset         *(*load_stream) (const McReaderInput  *input,
                                     GInputStream         *stream,
                                     gboolean             *gave_up,
                                     GError              **error);
} McReader;

/* Every reader, in the order in which they sniff. */
const McReader * const *mc_readers_get_all       (void);
const McReader         *mc_reader_lookup         (const char           *id);
const McReader         *mc_reader_for_name       (const char           *name);
const McReader         *mc_reader_choose         (const char           *name,
                                                  const char           *data,
                                                  gsize                 length,
                                                  const McLoadOptions  *options);
gsize                   mc_reader_get_size_limit (const char           *name);
McDataset              *mc_reader_load           (const McReader       *reader,
                                                  const McReaderInput  *input,
                                                  GError              **error);

G_END_DECLS
