/* mc-test-files.c: temporary folders, and files that cannot be written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-test-files.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include <glib/gstdio.h>

char *
mc_test_make_temp_dir (const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("%s-XXXXXX", prefix);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

void
mc_test_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        mc_test_remove_dir (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

gboolean
mc_test_pdf_has_font (const char *path,
                      const char *family)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = g_strdup_printf ("+%s", family);
  gsize size = 0;
  gsize length = strlen (name);

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  /* The file holds compressed streams: NUL bytes among the text. */
  for (gsize i = 0; i + length <= size; i++)
    if (memcmp (contents + i, name, length) == 0)
      return TRUE;
  return FALSE;
}

char *
mc_test_list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* Failures of atomic writes */

static GError *
check_failure (const McTestWriter *writer,
               const char         *path,
               GFile              *file)
{
  GError *error = NULL;

  g_assert_false (writer->write (file, writer->user_data, &error));
  g_assert_nonnull (error);
  g_assert_true (g_error_matches (error, writer->domain, writer->code));
  g_assert_nonnull (strstr (error->message, path));
  return error;
}

GError *
mc_test_write_into_missing_folder (const McTestWriter *writer)
{
  g_autofree char *dir = mc_test_make_temp_dir ("mc-write");
  g_autofree char *path = g_build_filename (dir, "no-such-folder", writer->name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *listing = NULL;
  GError *error = check_failure (writer, path, file);

  listing = mc_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "");
  mc_test_remove_dir (dir);
  return error;
}

/* Root writes into read-only folders; /proc takes no new files from
 * anyone. */
static GError *
write_into_proc (const McTestWriter *writer)
{
  g_autofree char *path = g_strdup_printf ("/proc/mc-test-%s", writer->name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (!g_file_test ("/proc/self", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("running as root without /proc");
      return NULL;
    }
  return check_failure (writer, path, file);
}

GError *
mc_test_write_into_read_only_folder (const McTestWriter *writer)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *listing = NULL;
  GError *error;

  if (geteuid () == 0)
    return write_into_proc (writer);
  dir = mc_test_make_temp_dir ("mc-write");
  path = g_build_filename (dir, writer->name, NULL);
  file = g_file_new_for_path (path);
  g_assert_true (g_file_set_contents (path, "old contents", -1, NULL));
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  error = check_failure (writer, path, file);
  g_assert_true (g_file_get_contents (path, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "old contents");
  listing = mc_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, writer->name);
  g_chmod (dir, 0755);
  mc_test_remove_dir (dir);
  return error;
}

/* A device is never replaced, and nothing is written next to it. */
GError *
mc_test_write_onto_device (const McTestWriter *writer)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/dev/full");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GError *error;

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return NULL;
    }
  before = mc_test_list_dir ("/dev");
  error = check_failure (writer, "/dev/full", file);
  after = mc_test_list_dir ("/dev");
  g_assert_cmpstr (before, ==, after);
  g_assert_true (g_file_test ("/dev/full", G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test ("/dev/full", G_FILE_TEST_IS_REGULAR));
  return error;
}

GError *
mc_test_write_onto_full_disk (const McTestWriter *writer,
                              guint64             limit)
{
  g_autofree char *dir = mc_test_make_temp_dir ("mc-write");
  g_autofree char *path = g_build_filename (dir, writer->name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *kept = NULL;
  g_autofree char *listing = NULL;
  struct rlimit saved, limited;
  void (*saved_handler) (int);
  GError *error;

  g_assert_true (g_file_set_contents (path, "old contents", -1, NULL));
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limited = saved;
  limited.rlim_cur = limit;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limited), ==, 0);
  error = check_failure (writer, path, file);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, saved_handler);

  g_test_message ("%s", error->message);
  g_assert_true (g_file_get_contents (path, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "old contents");
  listing = mc_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, writer->name);
  mc_test_remove_dir (dir);
  return error;
}
