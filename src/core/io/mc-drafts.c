/* mc-drafts.c: unsaved edits kept on disk, so that a crash loses none
 *
 * Each draft is KEY.json, written by the writer (its rows in KEY-rows.csv
 * when they are many), and KEY.draft, a key file that says whose draft it
 * is. Both are replaced atomically: a crash while writing one leaves the
 * last complete draft.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-drafts.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "mc-atomic-file.h"
#include "mc-loader.h"
#include "mc-writer.h"

#define GROUP "Draft"

GFile *
mc_drafts_get_folder (GFile *base)
{
  g_autofree char *path = NULL;

  if (base != NULL)
    return g_object_ref (base);
  path = g_build_filename (g_get_user_state_dir (), "market-charts", "drafts", NULL);
  return g_file_new_for_path (path);
}

char *
mc_drafts_make_key (McDataset *dataset,
                    GFile     *origin)
{
  g_autofree char *uri = NULL;
  g_autofree char *checksum = NULL;

  g_return_val_if_fail (MC_IS_DATASET (dataset), NULL);

  if (mc_dataset_get_bundled (dataset))
    return g_strconcat ("bundled-", mc_dataset_get_id (dataset), NULL);
  if (origin == NULL)
    return g_strdup_printf ("pasted-%08x%08x", g_random_int (), g_random_int ());
  uri = g_file_get_uri (origin);
  checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
  checksum[16] = '\0';
  return g_strconcat ("file-", checksum, NULL);
}

static GFile *
draft_file (GFile      *folder,
            const char *key,
            const char *suffix)
{
  g_autofree char *name = g_strconcat (key, suffix, NULL);

  return g_file_get_child (folder, name);
}

/* Saving */

static GBytes *
describe_draft (McDataset *dataset,
                GFile     *origin)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *saved = g_date_time_format_iso8601 (now);
  g_autofree char *text = NULL;
  gsize length;

  g_key_file_set_string (key_file, GROUP, "title", mc_dataset_get_title (dataset));
  g_key_file_set_string (key_file, GROUP, "saved", saved);
  if (origin != NULL)
    {
      g_autofree char *uri = g_file_get_uri (origin);

      g_key_file_set_string (key_file, GROUP, "origin", uri);
    }
  if (mc_dataset_get_bundled (dataset))
    g_key_file_set_string (key_file, GROUP, "bundled", mc_dataset_get_id (dataset));
  if (mc_dataset_get_reader (dataset) != NULL)
    g_key_file_set_string (key_file, GROUP, "reader", mc_dataset_get_reader (dataset));
  if (mc_dataset_get_rows_file (dataset) != NULL)
    g_key_file_set_string (key_file, GROUP, "rows-file", mc_dataset_get_rows_file (dataset));
  text = g_key_file_to_data (key_file, &length, NULL);
  return g_bytes_new_take (g_steal_pointer (&text), length);
}

gboolean
mc_drafts_save (GFile       *folder,
                const char  *key,
                McDataset   *dataset,
                GFile       *origin,
                GError     **error)
{
  g_autoptr(GFile) json = draft_file (folder, key, ".json");
  g_autoptr(GFile) about = draft_file (folder, key, ".draft");
  g_autoptr(GBytes) description = describe_draft (dataset, origin);
  g_autofree char *rows = mc_writer_choose_rows_file (dataset, json);
  g_autofree char *rows_name = NULL;
  g_autofree char *path = g_file_get_path (folder);
  McWriterOptions options;

  g_return_val_if_fail (G_IS_FILE (folder) && key != NULL, FALSE);
  g_return_val_if_fail (MC_IS_DATASET (dataset), FALSE);

  /* The user's data: for the user only. */
  if (path == NULL || g_mkdir_with_parents (path, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not make the folder of drafts “%s”: %s"),
                   path ? path : "?", g_strerror (saved_errno));
      return FALSE;
    }
  /* Long series go in a CSV file of the draft's own. */
  mc_writer_options_init (&options);
  if (rows != NULL)
    options.csv_name = rows_name = g_strconcat (key, "-rows.csv", NULL);
  return mc_writer_write_file (dataset, json, &options, error)
         && mc_atomic_file_replace_bytes (about, description, error);
}

gboolean
mc_drafts_remove (GFile       *folder,
                  const char  *key,
                  GError     **error)
{
  static const char * const suffixes[] = { ".draft", ".json", "-rows.csv" };

  g_return_val_if_fail (G_IS_FILE (folder) && key != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autoptr(GFile) file = draft_file (folder, key, suffixes[i]);
      g_autoptr(GError) local_error = NULL;

      if (!g_file_delete (file, NULL, &local_error)
          && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  return TRUE;
}

/* Listing and loading */

void
mc_draft_free (McDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->key);
  g_free (draft->title);
  g_clear_object (&draft->origin);
  g_free (draft->bundled);
  g_clear_pointer (&draft->saved, g_date_time_unref);
  g_free (draft);
}

static GKeyFile *
read_description (GFile      *folder,
                  const char *key)
{
  g_autoptr(GFile) about = draft_file (folder, key, ".draft");
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *path = g_file_get_path (about);

  if (path == NULL || !g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL))
    return NULL;
  return g_steal_pointer (&key_file);
}

static McDraft *
read_draft (GFile      *folder,
            const char *key)
{
  g_autoptr(GKeyFile) key_file = read_description (folder, key);
  g_autoptr(GFile) json = draft_file (folder, key, ".json");
  g_autofree char *origin = NULL;
  g_autofree char *saved = NULL;
  McDraft *draft;

  if (key_file == NULL || !g_file_query_exists (json, NULL))
    return NULL;
  draft = g_new0 (McDraft, 1);
  draft->key = g_strdup (key);
  draft->title = g_key_file_get_string (key_file, GROUP, "title", NULL);
  draft->bundled = g_key_file_get_string (key_file, GROUP, "bundled", NULL);
  origin = g_key_file_get_string (key_file, GROUP, "origin", NULL);
  if (origin != NULL)
    draft->origin = g_file_new_for_uri (origin);
  saved = g_key_file_get_string (key_file, GROUP, "saved", NULL);
  draft->saved = saved != NULL ? g_date_time_new_from_iso8601 (saved, NULL) : NULL;
  if (draft->saved == NULL)
    draft->saved = g_date_time_new_now_utc ();
  if (draft->title == NULL)
    draft->title = g_strdup (key);
  return draft;
}

static int
compare_saved (gconstpointer a,
               gconstpointer b)
{
  const McDraft *da = *(McDraft * const *) a;
  const McDraft *db = *(McDraft * const *) b;

  return g_date_time_compare (da->saved, db->saved);
}

GPtrArray *
mc_drafts_list (GFile *folder)
{
  GPtrArray *drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_draft_free);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  g_return_val_if_fail (G_IS_FILE (folder), drafts);

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (children != NULL && g_file_enumerator_iterate (children, &info, NULL, NULL, NULL)
         && info != NULL)
    {
      g_autofree char *key = g_strdup (g_file_info_get_name (info));
      McDraft *draft;

      if (!g_str_has_suffix (key, ".draft"))
        continue;
      key[strlen (key) - strlen (".draft")] = '\0';
      draft = read_draft (folder, key);
      if (draft != NULL)
        g_ptr_array_add (drafts, draft);
    }
  g_ptr_array_sort (drafts, compare_saved);
  return drafts;
}

McDataset *
mc_drafts_load (GFile          *folder,
                const McDraft  *draft,
                GError        **error)
{
  g_autoptr(GFile) json = NULL;
  g_autoptr(GKeyFile) key_file = NULL;
  g_autofree char *reader = NULL;
  g_autofree char *rows_file = NULL;
  McDataset *dataset;

  g_return_val_if_fail (G_IS_FILE (folder) && draft != NULL, NULL);

  json = draft_file (folder, draft->key, ".json");
  dataset = mc_loader_load_file (json, NULL, error);
  if (dataset == NULL)
    return NULL;
  /* The draft stands for the original: its file, bundled or not, its
   * format and the CSV file of its rows. */
  key_file = read_description (folder, draft->key);
  if (key_file != NULL)
    {
      reader = g_key_file_get_string (key_file, GROUP, "reader", NULL);
      rows_file = g_key_file_get_string (key_file, GROUP, "rows-file", NULL);
    }
  mc_dataset_set_file (dataset, draft->origin);
  mc_dataset_set_bundled (dataset, draft->bundled != NULL);
  mc_dataset_set_reader (dataset, reader);
  mc_dataset_set_rows_file (dataset, rows_file);
  return dataset;
}
