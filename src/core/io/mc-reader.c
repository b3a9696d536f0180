/* mc-reader.c: the readers of dataset files, and how one is chosen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file goes to the reader whose suffix its name has ("prices.csv"); a
 * name that says nothing ("clipboard", "data.dat") to the first reader
 * that recognizes the contents, or else to the reader of last resort.
 */
#include "config.h"

#include "mc-reader.h"

#include <string.h>

#include "mc-loader-buffer.h"
#include "mc-signature.h"

const McReader *
mc_reader_lookup (const char *id)
{
  const McReader * const *readers = mc_readers_get_all ();

  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; readers[i] != NULL; i++)
    if (g_str_equal (readers[i]->id, id))
      return readers[i];
  return NULL;
}

static gboolean
has_suffix (const char *name,
            const char *suffix)
{
  gsize n = strlen (name), m = strlen (suffix);

  return n >= m && g_ascii_strcasecmp (name + n - m, suffix) == 0;
}

static gboolean
claims_name (const McReader *reader,
             const char     *name)
{
  for (guint j = 0; reader->suffixes[j] != NULL; j++)
    if (has_suffix (name, reader->suffixes[j]))
      return TRUE;
  return FALSE;
}

/**
 * mc_reader_for_name:
 * @name: a file name
 *
 * Returns: (nullable): the first reader of files with @name's suffix (in
 *   any case), or %NULL when no reader claims it
 */
const McReader *
mc_reader_for_name (const char *name)
{
  const McReader * const *readers = mc_readers_get_all ();

  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; readers[i] != NULL; i++)
    if (claims_name (readers[i], name))
      return readers[i];
  return NULL;
}

/* Of the readers that claim @name's suffix, the first that recognizes
 * @data, else the last of them ("x.json": JSON Lines, records, else the
 * dataset format, whose messages then say what is wrong). */
static const McReader *
choose_by_name (const char *name,
                const char *data,
                gsize       length)
{
  const McReader * const *readers = mc_readers_get_all ();
  const McReader *last = NULL;

  for (guint i = 0; readers[i] != NULL; i++)
    {
      if (!claims_name (readers[i], name))
        continue;
      if (readers[i]->sniff != NULL && readers[i]->sniff (data, length))
        return readers[i];
      last = readers[i];
    }
  return last;
}

/**
 * mc_reader_choose:
 * @name: the file's name
 * @data: its contents
 * @length: how many bytes that is
 * @options: (nullable): a reader the user named, by its id
 *
 * Returns: the reader @options name; else the reader whose binary
 *   signature @data has; else of the readers of @name's suffix, the one
 *   that recognizes @data; else the first that recognizes @data; else
 *   the reader of last resort
 */
const McReader *
mc_reader_choose (const char          *name,
                  const char          *data,
                  gsize                length,
                  const McLoadOptions *options)
{
  const McReader * const *readers = mc_readers_get_all ();
  const McReader *reader = NULL;
  const McReader *last_resort = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (options != NULL && options->format != NULL)
    reader = mc_reader_lookup (options->format);
  for (guint i = 0; reader == NULL && readers[i] != NULL; i++)
    if (readers[i]->magic && readers[i]->sniff (data, length))
      reader = readers[i];
  if (reader == NULL)
    reader = choose_by_name (name, data, length);
  if (reader != NULL)
    return reader;
  for (guint i = 0; readers[i] != NULL; i++)
    {
      if (readers[i]->sniff == NULL)
        last_resort = last_resort ? last_resort : readers[i];
      else if (readers[i]->sniff (data, length))
        return readers[i];
    }
  g_assert (last_resort != NULL);
  return last_resort;
}

/**
 * mc_reader_get_size_limit:
 * @name: a file name
 *
 * Returns: the largest file named @name that is read: the largest limit
 *   of the readers that may read it (those of its suffix, and those that
 *   recognize contents by their signature), of all when its contents
 *   will choose the reader
 */
gsize
mc_reader_get_size_limit (const char *name)
{
  const McReader * const *readers = mc_readers_get_all ();
  gboolean claimed = mc_reader_for_name (name) != NULL;
  gsize limit = 0;

  for (guint i = 0; readers[i] != NULL; i++)
    if (!claimed || readers[i]->magic || claims_name (readers[i], name))
      limit = MAX (limit, readers[i]->max_size);
  return limit;
}

/**
 * mc_reader_load:
 *
 * Loads @input with @reader, unless it is over the reader's size limit,
 * or clearly not a table (an image, a PDF, an archive, a workbook in a
 * format no reader knows) where @reader does not recognize its
 * signature.
 *
 * Returns: (transfer full): the dataset, or %NULL with @error set
 */
McDataset *
mc_reader_load (const McReader       *reader,
                const McReaderInput  *input,
                GError              **error)
{
  McDataset *dataset;

  g_return_val_if_fail (reader != NULL, NULL);
  g_return_val_if_fail (input != NULL && input->name != NULL, NULL);

  if (!mc_loader_check_size (input->name, input->length, reader->max_size, error))
    return NULL;
  if (!(reader->magic && reader->sniff (input->data, input->length))
      && !mc_signature_check_table (input->name, input->data, input->length, error))
    return NULL;
  dataset = reader->load (input, error);
  if (dataset != NULL && mc_dataset_get_reader (dataset) == NULL)
    mc_dataset_set_reader (dataset, reader->id);
  return dataset;
}
