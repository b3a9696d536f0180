/* replay.c: feeds files to a fuzz target, without libFuzzer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   replay-TARGET [--prefix=HEX] PATH...
 *
 * Each PATH is a file or a folder whose files (not hidden ones, not
 * README.md) are fed one by one to LLVMFuzzerTestOneInput(), each as a
 * GTest case, so that the regression corpus and the seed corpora run in
 * the normal test suite. --prefix=HEX puts those bytes in front of the
 * files named after it (the render target reads its size from the first
 * bytes; the seeds are plain dataset files).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fuzz-common.h"

typedef struct
{
  char   *path;
  GBytes *prefix;
} ReplayCase;

static void
replay_case_free (gpointer data)
{
  ReplayCase *c = data;

  g_free (c->path);
  g_clear_pointer (&c->prefix, g_bytes_unref);
  g_free (c);
}

static void
test_replay (gconstpointer data)
{
  const ReplayCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree guint8 *input = NULL;
  gsize length = 0, prefix_length = 0;
  const guint8 *prefix = NULL;

  g_file_get_contents (c->path, &contents, &length, &error);
  g_assert_no_error (error);

  /* An exact copy, as libFuzzer passes it: no NUL after the end, so that
   * AddressSanitizer sees any read past it. */
  if (c->prefix != NULL)
    prefix = g_bytes_get_data (c->prefix, &prefix_length);
  input = g_malloc (MAX (prefix_length + length, 1));
  if (prefix_length > 0)
    memcpy (input, prefix, prefix_length);
  if (length > 0)
    memcpy (input + prefix_length, contents, length);

  LLVMFuzzerTestOneInput (input, prefix_length + length);
}

static GBytes *
parse_hex (const char *hex)
{
  gsize n = strlen (hex);
  GByteArray *bytes = g_byte_array_new ();

  if (n % 2 != 0)
    g_error ("--prefix needs an even number of hexadecimal digits: %s", hex);
  for (gsize i = 0; i < n; i += 2)
    {
      int high = g_ascii_xdigit_value (hex[i]);
      int low = g_ascii_xdigit_value (hex[i + 1]);
      guint8 byte;

      if (high < 0 || low < 0)
        g_error ("--prefix: not a hexadecimal number: %s", hex);
      byte = high * 16 + low;
      g_byte_array_append (bytes, &byte, 1);
    }
  return g_byte_array_free_to_bytes (bytes);
}

static void
add_case (const char *path,
          const char *label,
          GBytes     *prefix,
          const char *prefix_hex)
{
  ReplayCase *c = g_new0 (ReplayCase, 1);
  g_autofree char *test_path = NULL;

  c->path = g_strdup (path);
  c->prefix = prefix ? g_bytes_ref (prefix) : NULL;
  if (prefix_hex != NULL)
    test_path = g_strdup_printf ("/fuzz/%s/%s+%s", FUZZ_TARGET, prefix_hex, label);
  else
    test_path = g_strdup_printf ("/fuzz/%s/%s", FUZZ_TARGET, label);
  g_test_add_data_func_full (test_path, c, test_replay, replay_case_free);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
skip_name (const char *name)
{
  return name[0] == '.' || g_str_equal (name, "README.md");
}

/* Adds the files of @folder in name order, so that runs are repeatable. */
static void
add_folder (const char *folder,
            GBytes     *prefix,
            const char *prefix_hex)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *folder_name = g_path_get_basename (folder);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!skip_name (name))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file_name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (folder, file_name, NULL);
      g_autofree char *label = g_strdup_printf ("%s/%s", folder_name, file_name);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        add_case (path, label, prefix, prefix_hex);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GBytes) prefix = NULL;
  const char *prefix_hex = NULL;

  g_test_init (&argc, &argv, NULL);
  fuzz_init ();

  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--prefix="))
        {
          prefix_hex = argv[i] + strlen ("--prefix=");
          g_clear_pointer (&prefix, g_bytes_unref);
          prefix = parse_hex (prefix_hex);
        }
      else if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        add_folder (argv[i], prefix, prefix_hex);
      else if (g_file_test (argv[i], G_FILE_TEST_IS_REGULAR))
        {
          g_autofree char *label = g_path_get_basename (argv[i]);

          add_case (argv[i], label, prefix, prefix_hex);
        }
      else
        g_error ("no such file or folder: %s", argv[i]);
    }
  return g_test_run ();
}
