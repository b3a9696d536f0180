/* mc-loader-buffer.c: a file read into memory, within a size limit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-loader-buffer.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-loader-error.h"
#include "mc-text.h"

/* Files are read in pieces of this size, with a check for cancellation
 * between them. */
#define READ_CHUNK_SIZE (8 * 1024 * 1024)
/* The first allocation when the size of a file is not known in advance. */
#define READ_INITIAL_SIZE (64 * 1024)

void
mc_loader_buffer_clear (McLoaderBuffer *buffer)
{
  g_clear_pointer (&buffer->bytes, g_bytes_unref);
  buffer->data = NULL;
  buffer->length = 0;
}

/**
 * mc_loader_check_size:
 *
 * Refuses a file of @size bytes when that is over @max_size, with a
 * message that gives both.
 */
gboolean
mc_loader_check_size (const char  *name,
                      guint64      size,
                      gsize        max_size,
                      GError     **error)
{
  g_autofree char *size_text = NULL;
  g_autofree char *max_text = NULL;

  if (size <= max_size)
    return TRUE;

  size_text = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS | G_FORMAT_SIZE_LONG_FORMAT);
  if (max_size % (1024 * 1024 * 1024) == 0)
    max_text = g_strdup_printf ("%" G_GSIZE_FORMAT " GiB", max_size / (1024 * 1024 * 1024));
  else
    max_text = g_strdup_printf ("%" G_GSIZE_FORMAT " MiB", max_size / (1024 * 1024));
  mc_loader_set_error (error, MC_LOADER_ERROR_TOO_LARGE, name, 0, 0,
                       _("the file is %s; the limit is %s"), size_text, max_text);
  return FALSE;
}

static void
set_io_error (GError     **error,
              const char  *name,
              GError      *io_error)
{
  McLoaderError code = MC_LOADER_ERROR_IO;
  /* The system's message may quote the file's whole path */
  g_autofree char *reason = mc_text_shorten_middle (io_error->message, 2 * MC_TEXT_MAX_FILE_NAME);

  mc_loader_set_error (error, code, name, 0, 0, _("cannot read the file: %s"), reason);
}

/**
 * mc_loader_set_read_error:
 *
 * The error of a file that could not be read: a cancellation as it is,
 * anything else as the loader's I/O error naming the file.
 */
void
mc_loader_set_read_error (GError     **error,
                          const char  *name,
                          GError      *read_error)
{
  if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (read_error));
  else
    set_io_error (error, name, read_error);
}

/* Reads @stream to its end into a buffer that grows as needed, but never
 * past @max_size + 1 bytes: one byte more than the limit is enough to know
 * that a file whose size was not known, or that grew, is too large. A
 * file that shrinks while it is read just gives less data. */
static char *
read_stream (GInputStream   *stream,
             const char     *name,
             guint64         size_hint,
             gsize           max_size,
             gsize          *length,
             McLoadProgress *progress,
             GCancellable   *cancellable,
             GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize capacity = size_hint > 0 ? MIN (size_hint, max_size) + 1 : READ_INITIAL_SIZE;
  g_autofree char *data = g_malloc (capacity);
  gsize n = 0;

  for (;;)
    {
      gsize wanted, got;

      if (n == capacity)
        {
          if (capacity > max_size)
            break;
          capacity = MIN (capacity * 2, max_size + 1);
          data = g_realloc (data, capacity);
        }
      wanted = MIN (capacity - n, READ_CHUNK_SIZE);
      if (!g_input_stream_read_all (stream, data + n, wanted, &got, cancellable, &local_error))
        {
          mc_loader_set_read_error (error, name, local_error);
          return NULL;
        }
      n += got;
      mc_load_progress_add_bytes (progress, got);
      if (got < wanted)
        break;
    }

  *length = n;
  return g_steal_pointer (&data);
}


guint64
mc_loader_regular_file_size (GFile        *file,
                             GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                                 G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                                 G_FILE_QUERY_INFO_NONE, cancellable, NULL);

  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return 0;
  return g_file_info_get_size (info);
}

GInputStream *
mc_loader_read_head (GFile         *file,
                     GCancellable  *cancellable,
                     char         **head,
                     gsize         *length)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, NULL);
  g_autofree char *data = g_malloc (MC_LOADER_STREAM_HEAD_SIZE);

  if (stream == NULL
      || !g_input_stream_read_all (G_INPUT_STREAM (stream), data, MC_LOADER_STREAM_HEAD_SIZE,
                                   length, cancellable, NULL))
    return NULL;
  *head = g_steal_pointer (&data);
  return G_INPUT_STREAM (g_steal_pointer (&stream));
}

/**
 * mc_loader_buffer_load:
 *
 * Reads @file into memory, refusing files over @max_size bytes: before
 * reading them when their size is known, else as soon as more has been
 * read.
 */
gboolean
mc_loader_buffer_load (McLoaderBuffer  *buffer,
                       GFile           *file,
                       const char      *name,
                       gsize            max_size,
                       McLoadProgress  *progress,
                       GCancellable    *cancellable,
                       GError         **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  char *contents;
  gsize length = 0;
  guint64 size = 0;

  memset (buffer, 0, sizeof *buffer);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info != NULL)
    {
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          mc_loader_set_error (error, MC_LOADER_ERROR_IO, name, 0, 0,
                               _("this is a folder, not a dataset file"));
          return FALSE;
        }
      size = g_file_info_get_size (info);
      if (!mc_loader_check_size (name, size, max_size, error))
        return FALSE;
    }

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      mc_loader_set_read_error (error, name, local_error);
      return FALSE;
    }
  contents = read_stream (G_INPUT_STREAM (stream), name, size, max_size, &length,
                          progress, cancellable, error);
  if (contents == NULL)
    return FALSE;

  buffer->bytes = g_bytes_new_take (contents, length);
  buffer->data = contents;
  buffer->length = length;
  if (!mc_loader_check_size (name, length, max_size, error))
    {
      mc_loader_buffer_clear (buffer);
      return FALSE;
    }
  return TRUE;
}
