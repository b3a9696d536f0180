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

/**
 * mc_reader_for_name:
 * @name: a file name
 *
 * Returns: (nullable): the reader of files with @name's suffix (in any
 *   case), or %NULL when no reader claims it
 */
const McReader *
mc_reader_for_name (const char *name)
{
  const McReader * const *readers = mc_readers_get_all ();

  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; readers[i] != NULL; i++)
    for (guint j = 0; readers[i]->suffixes[j] != NULL; j++)
      if (has_suffix (name, readers[i]->suffixes[j]))
        return readers[i];
  return NULL;
}

/**
 * mc_reader_choose:
 * @name: the file's name
 * @data: its contents, or their start
 * @length: how many bytes that is
 *
 * Returns: the reader of @name's suffix, else the first that recognizes
 *   @data, else the reader of last resort
 */
const McReader *
mc_reader_choose (const char *name,
                  const char *data,
                  gsize       length)
{
  const McReader * const *readers = mc_readers_get_all ();
  const McReader *reader = mc_reader_for_name (name);
  const McReader *last_resort = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

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
 * Returns: the largest file named @name that is read: its reader's limit,
 *   or the largest of all when its contents will choose the reader
 */
gsize
mc_reader_get_size_limit (const char *name)
{
  const McReader * const *readers = mc_readers_get_all ();
  const McReader *reader = mc_reader_for_name (name);
  gsize limit = 0;

  if (reader != NULL)
    return reader->max_size;
  for (guint i = 0; readers[i] != NULL; i++)
    limit = MAX (limit, readers[i]->max_size);
  return limit;
}

/**
 * mc_reader_load:
 *
 * Loads @input with @reader, unless it is over the reader's size limit.
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
  dataset = reader->load (input, error);
  if (dataset != NULL && mc_dataset_get_reader (dataset) == NULL)
    mc_dataset_set_reader (dataset, reader->id);
  return dataset;
}
