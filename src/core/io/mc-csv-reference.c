/* mc-csv-reference.c: the CSV file a dataset names for its rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A dataset file may keep its rows in a CSV file ("data": {"csv":
 * "prices.csv"}). A dataset comes from anywhere (a download, a shared
 * folder), so the name is held to the dataset's folder: no absolute
 * paths, no "..", no symbolic link that leads out of it.
 */
#include "config.h"

#include "mc-csv-reference.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "mc-loader-error.h"
#include "mc-text.h"

static gboolean
path_is_safe (const char  *path,
              GError     **error)
{
  g_autofree char *path_shown = mc_text_shown (path);
  g_auto(GStrv) parts = NULL;

  if (*path == '\0')
    {
      g_set_error (error, MC_LOADER_ERROR, MC_LOADER_ERROR_VALUE,
                   _("the CSV file name is empty"));
      return FALSE;
    }
  if (g_path_is_absolute (path) || path[0] == '/' || path[0] == '\\' ||
      (g_ascii_isalpha (path[0]) && path[1] == ':') || strstr (path, "://") != NULL)
    {
      g_set_error (error, MC_LOADER_ERROR, MC_LOADER_ERROR_PATH,
                   _("“%s” is an absolute path; name a CSV file in the dataset’s "
                     "folder, e.g. \"prices.csv\""), path_shown);
      return FALSE;
    }
  if (strchr (path, '\\') != NULL)
    {
      g_set_error (error, MC_LOADER_ERROR, MC_LOADER_ERROR_PATH,
                   _("“%s” contains “\\”; separate folders with “/”"), path_shown);
      return FALSE;
    }

  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_equal (parts[i], ".."))
      {
        g_set_error (error, MC_LOADER_ERROR, MC_LOADER_ERROR_PATH,
                     _("“%s” leaves the dataset’s folder; the CSV file must be in the "
                       "same folder as the dataset or below it"), path_shown);
        return FALSE;
      }
  return TRUE;
}

/* Follows symbolic links of local files: the real file must be inside the
 * real folder too. */
static gboolean
real_path_inside (GFile *file,
                  GFile *folder)
{
  g_autofree char *file_path = g_file_get_path (file);
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autofree char *real_file = NULL;
  g_autofree char *real_folder = NULL;
  gsize n;

  if (file_path == NULL || folder_path == NULL)
    return TRUE;
  real_file = realpath (file_path, NULL);
  real_folder = realpath (folder_path, NULL);
  if (real_file == NULL || real_folder == NULL)
    return TRUE;   /* a missing file is reported when it is read */

  n = strlen (real_folder);
  return strncmp (real_file, real_folder, n) == 0 &&
         (real_file[n] == '/' || (n == 1 && real_folder[0] == '/'));
}

/**
 * mc_csv_reference_resolve:
 * @base: (nullable): the dataset's folder
 * @path: the CSV file's name, as the dataset gives it
 * @error: return location for an error in %MC_LOADER_ERROR, without a
 *   position: the caller knows where the name is written
 *
 * Returns: (transfer full): the CSV file, inside @base, or %NULL when
 *   @path is not safe or there is no folder to look in
 */
GFile *
mc_csv_reference_resolve (GFile       *base,
                          const char  *path,
                          GError     **error)
{
  g_autofree char *path_shown = mc_text_shown (path);
  g_autoptr(GFile) file = NULL;

  if (!path_is_safe (path, error))
    return NULL;
  if (base == NULL)
    {
      g_set_error (error, MC_LOADER_ERROR, MC_LOADER_ERROR_PATH,
                   _("“%s” cannot be found: this dataset was not loaded from a folder"),
                   path_shown);
      return NULL;
    }

  file = g_file_resolve_relative_path (base, path);
  if (!g_file_has_prefix (file, base) || !real_path_inside (file, base))
    {
      g_set_error (error, MC_LOADER_ERROR, MC_LOADER_ERROR_PATH,
                   _("“%s” is outside the dataset’s folder"), path_shown);
      return NULL;
    }
  return g_steal_pointer (&file);
}
