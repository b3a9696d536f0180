/* mc-atomic-file.c: replace a file in one step, or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contents go to a hidden temporary file in the target's folder,
 * which is renamed over the target only once it is complete: a reader of
 * the target sees the old file or the new one, never half of one, and a
 * failure (a full disk, a read-only folder) leaves the old file as it was.
 */
#include "config.h"

#include "mc-atomic-file.h"

#include <glib/gi18n.h>

#define MC_TEMP_ATTEMPTS 100

/* Never replace a folder, a device or anything but a plain file. */
static gboolean
check_target (GFile   *file,
              GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            NULL, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_REGULAR:
      return TRUE;
    case G_FILE_TYPE_DIRECTORY:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("it is a folder"));
      return FALSE;
    default:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _("it is not a regular file"));
      return FALSE;
    }
}

/* Says why nothing can be created in @folder without naming the hidden
 * temporary file, which the user never asked for. */
static void
set_create_error (GError       **error,
                  GFile         *folder,
                  const GError  *cause)
{
  g_autofree char *name = g_file_get_parse_name (folder);
  const char *reason;

  if (cause->domain != G_IO_ERROR)
    reason = cause->message;
  else if (cause->code == G_IO_ERROR_READ_ONLY)
    reason = _("the folder is read-only");
  else if (cause->code == G_IO_ERROR_PERMISSION_DENIED)
    reason = _("permission denied");
  else if (cause->code == G_IO_ERROR_NOT_FOUND)
    reason = _("the folder does not exist");
  else if (cause->code == G_IO_ERROR_NO_SPACE)
    reason = _("the disk is full");
  else
    reason = cause->message;
  g_set_error (error, cause->domain, cause->code,
               _("cannot create a file in “%s”: %s"), name, reason);
}

/* A new hidden file next to @file, e.g. ".chart.png.3f2a91c0.tmp". */
static GFileOutputStream *
create_temporary (GFile   *file,
                  GFile  **temporary,
                  GError **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *base = g_file_get_basename (file);

  if (parent == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME, _("not a file name"));
      return NULL;
    }
  for (guint attempt = 0; attempt < MC_TEMP_ATTEMPTS; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.tmp", base, g_random_int ());
      g_autoptr(GFile) candidate = g_file_get_child (parent, name);
      g_autoptr(GError) local_error = NULL;
      GFileOutputStream *stream = g_file_create (candidate, G_FILE_CREATE_NONE, NULL,
                                                 &local_error);

      if (stream != NULL)
        {
          *temporary = g_steal_pointer (&candidate);
          return stream;
        }
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          set_create_error (error, parent, local_error);
          return NULL;
        }
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("no free temporary file name"));
  return NULL;
}

static gboolean
write_temporary (GFile              *file,
                 McAtomicWriteFunc   write,
                 gpointer            user_data,
                 GFile             **temporary,
                 GError            **error)
{
  g_autoptr(GFileOutputStream) stream = create_temporary (file, temporary, error);
  gboolean ok;

  if (stream == NULL)
    return FALSE;
  ok = write (G_OUTPUT_STREAM (stream), user_data, error);
  /* Close even after a failure, so the file can be removed. */
  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, ok ? error : NULL))
    ok = FALSE;
  return ok;
}

/**
 * mc_atomic_file_replace:
 * @file: the file to create or replace
 * @write: writes the new contents to a stream
 * @user_data: for @write
 * @error: return location for an error
 *
 * Writes a file through a temporary file in the same folder, renamed over
 * @file when @write has written all of it. Only plain files are replaced:
 * a folder or a device is left alone (%G_IO_ERROR_IS_DIRECTORY,
 * %G_IO_ERROR_NOT_REGULAR_FILE). Messages give the reason, not the file
 * name, which callers put in front: a folder where nothing can be
 * created is named with the reason ("cannot create a file in “/tmp/x”:
 * the folder is read-only"). Errors of @write are passed on as they are.
 *
 * Returns: %TRUE on success; on failure @file is untouched and no
 *   temporary file is left behind
 */
gboolean
mc_atomic_file_replace (GFile              *file,
                        McAtomicWriteFunc   write,
                        gpointer            user_data,
                        GError            **error)
{
  g_autoptr(GFile) temporary = NULL;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (write != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ok = check_target (file, error)
       && write_temporary (file, write, user_data, &temporary, error)
       && g_file_move (temporary, file,
                       G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                       NULL, NULL, NULL, error);
  if (!ok && temporary != NULL)
    g_file_delete (temporary, NULL, NULL);
  return ok;
}

static gboolean
write_bytes (GOutputStream  *stream,
             gpointer        user_data,
             GError        **error)
{
  gsize length;
  const void *data = g_bytes_get_data (user_data, &length);

  return g_output_stream_write_all (stream, data, length, NULL, NULL, error);
}

/**
 * mc_atomic_file_replace_bytes:
 * @file: the file to replace or create
 * @contents: what it will hold
 * @error: return location for an error
 *
 * Replaces @file with @contents as mc_atomic_file_replace() does.
 *
 * Returns: %TRUE on success
 */
gboolean
mc_atomic_file_replace_bytes (GFile   *file,
                              GBytes  *contents,
                              GError **error)
{
  g_return_val_if_fail (contents != NULL, FALSE);

  return mc_atomic_file_replace (file, write_bytes, contents, error);
}
