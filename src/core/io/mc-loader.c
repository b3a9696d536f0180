/* mc-loader.c: read datasets from JSON and CSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The entry points: a file or text in memory goes to the reader of its
 * format (mc-reader.h): the dataset format (readers/mc-reader-dataset.c)
 * for "*.json" or a text that starts with '{', else plain CSV
 * (readers/mc-reader-csv.c).
 */
#include "config.h"

#include "mc-loader.h"

#include <string.h>

#include "mc-date-text.h"
#include "mc-loader-buffer.h"
#include "mc-reader.h"
#include "mc-text.h"

static const McLoadOptions default_options = { 0, };

/* The file goes to the reader its name or its contents choose. */
static McDataset *
load_text (const char           *name,
           const char           *data,
           gsize                 length,
           GFile                *base,
           const McLoadOptions  *options,
           McLoadProgress       *progress,
           GCancellable         *cancellable,
           GError              **error)
{
  McReaderInput input = { name, data, length, base, cancellable,
                          options ? options : &default_options, progress };

  return mc_reader_load (mc_reader_choose (name, data, length, options), &input, error);
}

/* A large file for a reader that reads it while it arrives: mapped
 * where it can be (a local file), the reader then reading the system's
 * cache of the file without a copy; else its first bytes (the head),
 * read, and a stream of the rest; or, at a file no longer than the head,
 * the whole file. Gives up (no error) where the file must be read whole:
 * a reader that reads whole files, a file over the reader's limit (which
 * the whole read reports), a reader that gave up. */
static McDataset *
load_stream (GFile                *file,
             const char           *name,
             const McLoadOptions  *options,
             McLoadProgress       *progress,
             GCancellable         *cancellable,
             gboolean             *gave_up,
             GError              **error)
{
  g_autoptr(GFile) base = g_file_get_parent (file);
  g_autoptr(McMappedFile) mapped = mc_mapped_file_new (file, MC_LOADER_STREAM_HEAD_SIZE + 1,
                                                       mc_reader_get_size_limit (name));
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *head = NULL;
  McReaderInput input = { name, NULL, 0, base, cancellable,
                          options ? options : &default_options, progress, mapped };
  const McReader *reader;

  *gave_up = TRUE;
  if (mapped != NULL)
    /* Its bytes are counted as its blocks are read */
    input.data = mc_mapped_file_get_contents (mapped, &input.length);
  else
    {
      stream = mc_loader_read_head (file, cancellable, &head, &input.length);
      if (stream == NULL)
        return NULL;
      input.data = head;
      mc_load_progress_add_bytes (progress, input.length);
    }
  reader = mc_reader_choose (name, input.data, MIN (input.length, MC_LOADER_STREAM_HEAD_SIZE),
                             options);
  if (input.length < MC_LOADER_STREAM_HEAD_SIZE)
    {
      *gave_up = FALSE;
      return mc_reader_load (reader, &input, error);
    }
  if (reader->load_stream == NULL)
    return NULL;
  return reader->load_stream (&input, stream, gave_up, error);
}

/**
 * mc_loader_load_file:
 * @file: a dataset file: JSON, or plain CSV with a header row
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error in %MC_LOADER_ERROR (or
 *   %G_IO_ERROR_CANCELLED)
 *
 * Loads a dataset. Local and resource:// files both work. Error messages
 * start with the file's base name and, where known, "line:column".
 *
 * Returns: (transfer full): the dataset, or %NULL on error
 */
McDataset *
mc_loader_load_file (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return mc_loader_load_file_with_options (file, NULL, cancellable, error);
}

/**
 * mc_loader_load_file_with_options:
 * @options: (nullable): the sheet, records or delimiter the user chose
 *
 * Same as mc_loader_load_file(), read as @options say.
 */
McDataset *
mc_loader_load_file_with_options (GFile                *file,
                                  const McLoadOptions  *options,
                                  GCancellable         *cancellable,
                                  GError              **error)
{
  return mc_loader_load_file_full (file, options, NULL, cancellable, error);
}

/**
 * mc_loader_load_file_full:
 * @options: (nullable): as for mc_loader_load_file_with_options()
 * @progress: (nullable): where the bytes read and the rows found are
 *   counted, for whoever shows how far the load has come
 *
 * Same as mc_loader_load_file_with_options(). A large file of numbers
 * and dates is read while it arrives, in blocks that several threads
 * read at once, and never held whole in memory.
 */
McDataset *
mc_loader_load_file_full (GFile                *file,
                          const McLoadOptions  *options,
                          McLoadProgress       *progress,
                          GCancellable         *cancellable,
                          GError              **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GFile) base = NULL;
  McLoaderBuffer buffer;
  McDataset *dataset;
  guint64 size;
  gboolean gave_up = TRUE;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = mc_text_file_name (file);
  size = mc_loader_regular_file_size (file, cancellable);
  mc_load_progress_set_size (progress, size);
  if (size > MC_LOADER_STREAM_HEAD_SIZE && size <= mc_reader_get_size_limit (name))
    {
      dataset = load_stream (file, name, options, progress, cancellable, &gave_up, error);
      if (!gave_up)
        goto done;
      mc_load_progress_reread (progress);
    }

  if (!mc_loader_buffer_load (&buffer, file, name, mc_reader_get_size_limit (name),
                              progress, cancellable, error))
    return NULL;
  base = g_file_get_parent (file);
  dataset = load_text (name, buffer.data, buffer.length, base, options, progress,
                       cancellable, error);
  mc_loader_buffer_clear (&buffer);

done:
  if (dataset != NULL)
    mc_dataset_set_file (dataset, file);
  return dataset;
}

/**
 * mc_loader_list_sheets:
 * @file: a workbook, or any file the loader reads
 *
 * Returns: (transfer full): the names of its sheets, or an empty list
 *   when its format has none; %NULL with @error set when it cannot be
 *   read
 */
char **
mc_loader_list_sheets (GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *name = NULL;
  McLoaderBuffer buffer;
  McLoadOptions defaults = { 0, };
  McReaderInput input = { NULL, };
  const McReader *reader;
  char **sheets;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = mc_text_file_name (file);
  if (!mc_loader_buffer_load (&buffer, file, name, mc_reader_get_size_limit (name), NULL,
                              cancellable, error))
    return NULL;
  input = (McReaderInput) { name, buffer.data, buffer.length, NULL, cancellable, &defaults };
  reader = mc_reader_choose (name, buffer.data, buffer.length, NULL);
  sheets = reader->list_sheets ? reader->list_sheets (&input, error) : g_new0 (char *, 1);
  mc_loader_buffer_clear (&buffer);
  return sheets;
}

/**
 * mc_loader_load_data:
 * @data: the contents of a dataset file
 * @length: its length in bytes
 * @display_name: the name used in messages; its extension (.json, .csv)
 *   chooses the format, else the content does
 * @base: (nullable): the folder that CSV references are relative to
 * @error: return location for an error in %MC_LOADER_ERROR
 *
 * Returns: (transfer full): the dataset, or %NULL on error
 */
McDataset *
mc_loader_load_data (const char  *data,
                     gsize        length,
                     const char  *display_name,
                     GFile       *base,
                     GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (base == NULL || G_IS_FILE (base), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_text (display_name, data ? data : "", length, base, NULL, NULL, NULL, error);
}

/**
 * mc_loader_load_data_with_options:
 * @options: (nullable): as for mc_loader_load_file_with_options(); its
 *   format names the reader of data whose name says nothing (a paste)
 */
McDataset *
mc_loader_load_data_with_options (const char           *data,
                                  gsize                 length,
                                  const char           *display_name,
                                  GFile                *base,
                                  const McLoadOptions  *options,
                                  GError              **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_text (display_name, data ? data : "", length, base, options, NULL, NULL, error);
}

/**
 * mc_loader_parse_date:
 * @text: a date as written in a dataset
 * @days: (out) (optional): days since 1970-01-01
 * @precision: (out) (optional): how much of the date was given
 *
 * Accepts ISO 8601 ("2024", "2024-02", "2024-02-15", optionally with a time
 * "2024-02-15T10:30:00Z", which is kept as a fraction of the day, in UTC),
 * "2024/02/15", and English written forms: "February 2024", "Feb 2024",
 * "15 Feb 2024", "15 February 2024", "Feb 15, 2024". Day and month numbers
 * are checked ("2024-02-30" is not a date). Slash dates such as "2/15/2024"
 * are refused because their order is ambiguous.
 *
 * Returns: %TRUE if @text is a date
 */
gboolean
mc_loader_parse_date (const char      *text,
                      double          *days,
                      McDatePrecision *precision)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return mc_date_text_parse (text, strlen (text), days, precision);
}
