/* test-document-manager.c: the documents of the application: opening,
 * watching and reloading files, the recent files, pasted tables and
 * closing. No display needed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "mc-document-manager.h"
#include "mc-loader.h"

#define SCHEMA_ID "io.github.marketcharts.MarketCharts"

/* What the manager, and the document under test, said. */
typedef struct
{
  McDocumentManager *manager;
  GSettings         *settings;
  char              *dir;
  GPtrArray         *headings;   /* of "error", in order */
  GPtrArray         *errors;     /* their messages */
  GPtrArray         *messages;   /* of "message" */
  McDocument        *opened;     /* the last one */
  guint              n_opened;
  guint              n_restored;
  guint              n_changed;
  McChangeWhat       last_change;
} Fixture;

static void
on_error_cb (McDocumentManager *manager,
             const char        *heading,
             const char        *message,
             Fixture           *fixture)
{
  g_ptr_array_add (fixture->headings, g_strdup (heading));
  g_ptr_array_add (fixture->errors, g_strdup (message));
}

static void
on_message_cb (McDocumentManager *manager,
               const char        *message,
               Fixture           *fixture)
{
  g_ptr_array_add (fixture->messages, g_strdup (message));
}

static void
on_opened_cb (McDocumentManager *manager,
              McDocument        *document,
              Fixture           *fixture)
{
  fixture->opened = document;
  fixture->n_opened++;
}

static void
on_restored_cb (McDocumentManager *manager,
                Fixture           *fixture)
{
  fixture->n_restored++;
}

static void
on_changed_cb (McDocument     *document,
               const McChange *change,
               Fixture        *fixture)
{
  fixture->n_changed++;
  fixture->last_change = change->what;
}

/* Settings of their own for each test, in memory. */
static GSettings *
create_settings (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettingsSchema) schema = NULL;

  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (),
                                            SCHEMA_ID, TRUE);
  g_assert_nonnull (schema);

  return g_settings_new_full (schema, backend, NULL);
}

/* A manager that reports to @fixture; the fixture's settings stay when it
 * is replaced, as they do from one start of the application to the next. */
static void
start_manager (Fixture *fixture)
{
  g_clear_object (&fixture->manager);
  fixture->manager = mc_document_manager_new (fixture->settings);
  g_signal_connect (fixture->manager, "error", G_CALLBACK (on_error_cb), fixture);
  g_signal_connect (fixture->manager, "message", G_CALLBACK (on_message_cb), fixture);
  g_signal_connect (fixture->manager, "opened", G_CALLBACK (on_opened_cb), fixture);
  g_signal_connect (fixture->manager, "restored", G_CALLBACK (on_restored_cb), fixture);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("market-charts-documents-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->settings = create_settings ();
  fixture->headings = g_ptr_array_new_with_free_func (g_free);
  fixture->errors = g_ptr_array_new_with_free_func (g_free);
  fixture->messages = g_ptr_array_new_with_free_func (g_free);
  start_manager (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_assert_finalize_object (fixture->manager);
  g_clear_object (&fixture->settings);
  g_ptr_array_unref (fixture->headings);
  g_ptr_array_unref (fixture->errors);
  g_ptr_array_unref (fixture->messages);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the main loop until *@count reaches @n, or for @timeout_ms (a file
 * monitor that polls instead of using inotify takes seconds). */
static void
run_until (const guint *count,
           guint        n,
           guint        timeout_ms)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add (timeout_ms, on_timeout_cb, &timed_out);

  while (*count < n && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout_id);
}

static void
wait_for (const guint *count,
          guint        n)
{
  run_until (count, n, 10000);
  g_assert_cmpuint (*count, >=, n);
}

static GFile *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static GFile *
write_sales (Fixture    *fixture,
             const char *name,
             const char *value)
{
  g_autofree char *csv = g_strdup_printf ("Year,Sales\n2023,%s\n2024,12\n", value);

  return write_file (fixture, name, csv);
}

static double
get_sales (McDocument *document)
{
  McDataset *dataset = mc_document_get_dataset (document);

  return mc_column_get_value (mc_dataset_get_column (dataset, 1), 0);
}

static guint
count_documents (Fixture *fixture)
{
  return g_list_model_get_n_items (mc_document_manager_get_documents (fixture->manager));
}

static McDocument *
get_document (Fixture *fixture,
              guint    position)
{
  GListModel *documents = mc_document_manager_get_documents (fixture->manager);
  g_autoptr(McDocument) document = g_list_model_get_item (documents, position);

  g_assert_nonnull (document);
  return document;
}

static McDocument *
open_file (Fixture *fixture,
           GFile   *file)
{
  guint n_opened = fixture->n_opened;

  mc_document_manager_open_file (fixture->manager, file);
  wait_for (&fixture->n_opened, n_opened + 1);
  g_assert_cmpuint (fixture->headings->len, ==, 0);

  return fixture->opened;
}

static char *
dup_loader_message (GFile *file)
{
  g_autoptr(McDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  dataset = mc_loader_load_file (file, NULL, &error);
  g_assert_null (dataset);
  g_assert_nonnull (error);

  return g_strdup (error->message);
}

static char **
get_recent_files (Fixture *fixture)
{
  return g_settings_get_strv (fixture->settings, "recent-files");
}

/* Bundled datasets come first and read-only, and stay. */
static void
test_document_manager_bundled (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_sales (fixture, "sales.csv", "41.5");

  open_file (fixture, file);
  g_assert_true (mc_document_manager_add_bundled (fixture->manager, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_documents (fixture), ==, 4);

  for (guint i = 0; i < 3; i++)
    {
      McDocument *document = get_document (fixture, i);

      g_assert_true (mc_dataset_get_bundled (mc_document_get_dataset (document)));
      g_assert_true (mc_document_get_read_only (document));
      g_assert_null (mc_document_get_file (document));
      g_assert_false (mc_document_manager_close (fixture->manager, document));
    }

  g_assert_true (g_file_equal (mc_document_get_file (get_document (fixture, 3)), file));
  g_assert_cmpuint (count_documents (fixture), ==, 4);
}

/* A good file becomes a document, remembered first among the recent
 * files. */
static void
test_document_manager_open (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GFile) file = write_sales (fixture, "sales.csv", "41.5");
  g_autofree char *uri = g_file_get_uri (file);
  g_auto(GStrv) recent = NULL;
  McDocument *document;
  guint position;

  document = open_file (fixture, file);
  g_assert_cmpuint (count_documents (fixture), ==, 1);
  g_assert_true (get_document (fixture, 0) == document);
  g_assert_true (mc_document_manager_find_document (fixture->manager, document, &position));
  g_assert_cmpuint (position, ==, 0);
  g_assert_true (g_file_equal (mc_document_get_file (document), file));
  g_assert_false (mc_document_get_read_only (document));
  g_assert_false (mc_document_get_dirty (document));
  g_assert_cmpfloat (get_sales (document), ==, 41.5);
  g_assert_cmpuint (fixture->messages->len, ==, 0);

  recent = get_recent_files (fixture);
  g_assert_cmpuint (g_strv_length (recent), ==, 1);
  g_assert_cmpstr (recent[0], ==, uri);
}

/* A bad file is reported with the loader's message, and nothing is
 * added or remembered. */
static void
test_document_manager_open_bad (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (fixture, "broken.csv", "Year,Sales\n2023,41.5,x\n");
  g_autofree char *expected = dup_loader_message (file);
  g_auto(GStrv) recent = NULL;

  mc_document_manager_open_file (fixture->manager, file);
  wait_for (&fixture->headings->len, 1);

  g_assert_cmpstr (g_ptr_array_index (fixture->headings, 0), ==, "Could Not Open “broken.csv”");
  g_assert_cmpstr (g_ptr_array_index (fixture->errors, 0), ==, expected);
  g_assert_true (g_str_has_prefix (expected, "broken.csv:"));
  g_assert_cmpuint (fixture->n_opened, ==, 0);
  g_assert_cmpuint (count_documents (fixture), ==, 0);
  recent = get_recent_files (fixture);
  g_assert_cmpuint (g_strv_length (recent), ==, 0);
}

/* Opening a file that is open replaces the data of its document, in
 * place. */
static void
test_document_manager_reopen (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GFile) first = write_sales (fixture, "first.csv", "1");
  g_autoptr(GFile) file = write_sales (fixture, "sales.csv", "41.5");
  McDocument *document;

  open_file (fixture, first);
  document = open_file (fixture, file);
  g_signal_connect (document, "changed", G_CALLBACK (on_changed_cb), fixture);

  g_object_unref (write_sales (fixture, "sales.csv", "43"));
  g_assert_true (open_file (fixture, file) == document);
  g_assert_cmpuint (count_documents (fixture), ==, 2);
  g_assert_true (get_document (fixture, 1) == document);
  g_assert_cmpfloat (get_sales (document), ==, 43);
  g_assert_cmpuint (fixture->n_changed, >=, 1);
  g_assert_cmpint (fixture->last_change, ==, MC_CHANGE_ALL);
  g_assert_cmpuint (fixture->messages->len, >=, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->messages, 0), ==, "“sales.csv” reloaded");
}

/* A file changed on disk is read again into its document; a change that
 * breaks it keeps the last good data and says why. */
static void
test_document_manager_reload (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GFile) file = write_sales (fixture, "watched.csv", "41.5");
  g_autoptr(GFile) broken = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *expected = NULL;
  McDocument *document;
  McDataset *last_good;

  document = open_file (fixture, file);
  last_good = mc_document_get_dataset (document);
  g_signal_connect (document, "changed", G_CALLBACK (on_changed_cb), fixture);

  g_object_unref (write_sales (fixture, "watched.csv", "57.25"));
  wait_for (&fixture->n_changed, 1);
  g_assert_cmpint (fixture->last_change, ==, MC_CHANGE_ALL);
  g_assert_true (mc_document_get_dataset (document) != last_good);
  g_assert_cmpfloat (get_sales (document), ==, 57.25);
  g_assert_cmpuint (count_documents (fixture), ==, 1);
  wait_for (&fixture->messages->len, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->messages, 0), ==, "“watched.csv” reloaded");

  last_good = mc_document_get_dataset (document);
  fixture->n_changed = 0;
  broken = write_file (fixture, "watched.csv", "Year,Sales\n2023,41.5,x\n");
  reason = dup_loader_message (broken);
  expected = g_strdup_printf ("%s\nThe data shown is from the last successful load.", reason);
  wait_for (&fixture->headings->len, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->headings, 0), ==,
                   "Could Not Reload “watched.csv”");
  g_assert_cmpstr (g_ptr_array_index (fixture->errors, 0), ==, expected);
  g_assert_true (mc_document_get_dataset (document) == last_good);
  g_assert_cmpfloat (get_sales (document), ==, 57.25);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

/* The ten most recent files are remembered, the last opened first. */
static void
test_document_manager_recent_files (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GPtrArray) uris = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) recent = NULL;

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("sales-%u.csv", i);
      g_autoptr(GFile) file = write_sales (fixture, name, "1");

      open_file (fixture, file);
      g_ptr_array_add (uris, g_file_get_uri (file));
    }

  /* Opening one again moves it to the front, without a copy. */
  {
    g_autoptr(GFile) file = g_file_new_for_uri (g_ptr_array_index (uris, 5));

    open_file (fixture, file);
  }

  recent = get_recent_files (fixture);
  g_assert_cmpuint (g_strv_length (recent), ==, 10);
  g_assert_cmpstr (recent[0], ==, g_ptr_array_index (uris, 5));
  g_assert_cmpstr (recent[1], ==, g_ptr_array_index (uris, 11));
  g_assert_cmpstr (recent[2], ==, g_ptr_array_index (uris, 10));
  g_assert_cmpstr (recent[9], ==, g_ptr_array_index (uris, 2));
}

/* At the next start, the recent files come back after the bundled
 * datasets, oldest first, and are watched; those that are gone are
 * forgotten quietly, those that fail are reported. */
static void
test_document_manager_restore (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GFile) older = write_sales (fixture, "older.csv", "1");
  g_autoptr(GFile) newer = write_sales (fixture, "newer.csv", "2");
  g_autoptr(GFile) gone = write_sales (fixture, "gone.csv", "3");
  g_autoptr(GFile) broken = write_sales (fixture, "broken.csv", "4");
  g_autofree char *gone_uri = g_file_get_uri (gone);
  g_autofree char *expected = NULL;
  g_auto(GStrv) recent = NULL;
  McDocument *document;

  open_file (fixture, older);
  open_file (fixture, gone);
  open_file (fixture, broken);
  open_file (fixture, newer);

  /* The next start. */
  start_manager (fixture);
  g_assert_true (mc_document_manager_add_bundled (fixture->manager, NULL));
  g_remove (g_file_peek_path (gone));
  g_object_unref (write_file (fixture, "broken.csv", "Year,Sales\n2023,41.5,x\n"));
  expected = dup_loader_message (broken);
  mc_document_manager_restore_recent_files (fixture->manager);
  wait_for (&fixture->n_restored, 1);

  g_assert_cmpuint (count_documents (fixture), ==, 5);
  g_assert_true (g_file_equal (mc_document_get_file (get_document (fixture, 3)), older));
  g_assert_true (g_file_equal (mc_document_get_file (get_document (fixture, 4)), newer));
  g_assert_cmpuint (fixture->headings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->headings, 0), ==, "Could Not Reopen a Recent File");
  g_assert_cmpstr (g_ptr_array_index (fixture->errors, 0), ==, expected);
  g_assert_cmpuint (fixture->n_opened, ==, 4);

  recent = get_recent_files (fixture);
  g_assert_cmpuint (g_strv_length (recent), ==, 3);
  g_assert_false (g_strv_contains ((const char * const *) recent, gone_uri));

  /* Restored files are watched like opened ones. */
  document = get_document (fixture, 3);
  g_signal_connect (document, "changed", G_CALLBACK (on_changed_cb), fixture);
  g_object_unref (write_sales (fixture, "older.csv", "5"));
  wait_for (&fixture->n_changed, 1);
  g_assert_cmpfloat (get_sales (document), ==, 5);
}

/* Without settings nothing is remembered, and the restore ends at once. */
static void
test_document_manager_without_settings (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(GFile) file = write_sales (fixture, "sales.csv", "41.5");

  g_clear_object (&fixture->settings);
  start_manager (fixture);
  open_file (fixture, file);
  mc_document_manager_restore_recent_files (fixture->manager);
  wait_for (&fixture->n_restored, 1);
  g_assert_cmpuint (count_documents (fixture), ==, 1);
}

/* A closed file is forgotten and no longer watched: not even for a
 * document of the same file added afterwards, which nothing watches. */
static void
test_document_manager_close (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GFile) kept = write_sales (fixture, "kept.csv", "1");
  g_autoptr(GFile) file = write_sales (fixture, "closed.csv", "41.5");
  g_autofree char *kept_uri = g_file_get_uri (kept);
  g_autoptr(McDataset) dataset = NULL;
  g_autoptr(McDocument) closed = NULL;
  g_auto(GStrv) recent = NULL;
  McDocument *added;

  open_file (fixture, kept);
  closed = g_object_ref (open_file (fixture, file));
  g_signal_connect (closed, "changed", G_CALLBACK (on_changed_cb), fixture);

  g_assert_true (mc_document_manager_close (fixture->manager, closed));
  g_assert_cmpuint (count_documents (fixture), ==, 1);
  recent = get_recent_files (fixture);
  g_assert_cmpuint (g_strv_length (recent), ==, 1);
  g_assert_cmpstr (recent[0], ==, kept_uri);

  dataset = mc_loader_load_file (file, NULL, NULL);
  added = mc_document_manager_add_dataset (fixture->manager, dataset);
  g_assert_true (added != closed);
  g_assert_false (mc_document_manager_close (fixture->manager, closed));
  g_signal_connect (added, "changed", G_CALLBACK (on_changed_cb), fixture);

  /* Longer than the monitor and the reload take for an opened file. */
  g_object_unref (write_sales (fixture, "closed.csv", "57.25"));
  run_until (&fixture->n_changed, 1, 1500);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
  g_assert_cmpuint (fixture->messages->len, ==, 0);
  g_assert_cmpuint (fixture->headings->len, ==, 0);
  g_assert_cmpfloat (get_sales (added), ==, 41.5);
}

/* Pasted tables have no file; the second and later are numbered. */
static void
test_document_manager_pasted (Fixture       *fixture,
                              gconstpointer  data)
{
  static const char text[] = "Company\tShare\nAmazon AWS\t32\nMicrosoft Azure\t23\n";
  McDocument *documents[2];

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(McDataset) table = mc_loader_load_data (text, sizeof text - 1, "Pasted table",
                                                        NULL, NULL);

      g_assert_nonnull (table);
      documents[i] = mc_document_manager_add_pasted (fixture->manager, table);
    }

  g_assert_cmpuint (count_documents (fixture), ==, 2);
  g_assert_true (documents[0] != documents[1]);
  g_assert_cmpstr (mc_dataset_get_title (mc_document_get_dataset (documents[0])), ==,
                   "Pasted table");
  g_assert_cmpstr (mc_dataset_get_title (mc_document_get_dataset (documents[1])), ==,
                   "Pasted table 2");
  g_assert_cmpstr (mc_dataset_get_description (mc_document_get_dataset (documents[1])), ==,
                   "Pasted from the clipboard");
  g_assert_null (mc_document_get_file (documents[1]));

  g_assert_true (mc_document_manager_close (fixture->manager, documents[0]));
  g_assert_true (get_document (fixture, 0) == documents[1]);
}

/* A manager that goes away while it loads says nothing afterwards. */
static void
test_document_manager_gone (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GFile) file = write_sales (fixture, "sales.csv", "41.5");
  guint never = 0;

  mc_document_manager_open_file (fixture->manager, file);
  mc_document_manager_restore_recent_files (fixture->manager);
  g_assert_finalize_object (g_steal_pointer (&fixture->manager));
  run_until (&never, 1, 300);

  g_assert_cmpuint (fixture->n_opened, ==, 0);
  g_assert_cmpuint (fixture->n_restored, ==, 0);
  fixture->manager = mc_document_manager_new (NULL);
}

static void
on_choose_sheet_cb (McDocumentManager  *manager,
                    GFile              *file,
                    const char * const *sheets,
                    GStrv              *chosen)
{
  *chosen = g_strdupv ((char **) sheets);
}

/* A file read in a way of its own (here, the delimiter of a CSV file)
 * keeps it for its reloads and its next start; a workbook of several
 * sheets asks which, with their names. */
static void
test_document_manager_load_options (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (fixture, "rates.csv", "region;rate,low\nnorth;1,5\n");
  g_autofree char *book_path = g_test_build_filename (G_TEST_DIST, "data", "workbooks",
                                                      "market-book.ods", NULL);
  g_autoptr(GFile) book = g_file_new_for_path (book_path);
  g_autoptr(McLoadOptions) options = mc_load_options_new ();
  g_auto(GStrv) sheets = NULL;
  McDataset *dataset;

  options->delimiter = ';';
  mc_document_manager_open_file_with_options (fixture->manager, file, options);
  wait_for (&fixture->n_opened, 1);
  dataset = mc_document_get_dataset (fixture->opened);
  g_assert_cmpstr (mc_column_get_label (mc_dataset_get_column (dataset, 0)), ==, "Region");

  /* Reloaded as it was read */
  g_object_unref (write_file (fixture, "rates.csv", "region;rate,low\nnorth;1,5\nsouth;2,5\n"));
  wait_for (&fixture->messages->len, 1);
  g_assert_cmpuint (mc_dataset_get_n_rows (mc_document_get_dataset (fixture->opened)), ==, 2);

  /* The next start */
  start_manager (fixture);
  mc_document_manager_restore_recent_files (fixture->manager);
  wait_for (&fixture->n_restored, 1);
  dataset = mc_document_get_dataset (get_document (fixture, 0));
  g_assert_cmpstr (mc_column_get_label (mc_dataset_get_column (dataset, 0)), ==, "Region");
  g_assert_cmpint (mc_document_manager_get_load_options (fixture->manager, file)->delimiter, ==,
                   ';');

  g_signal_connect (fixture->manager, "choose-sheet", G_CALLBACK (on_choose_sheet_cb), &sheets);
  mc_document_manager_open_file (fixture->manager, book);
  while (sheets == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (sheets[3], ==, "Months");
  g_assert_cmpuint (fixture->headings->len, ==, 0);
}

static void
on_changed_on_disk_cb (McDocumentManager *manager,
                       McDocument        *document,
                       guint             *count)
{
  (*count)++;
}

static void
apply (McDocument *document,
       McEdit     *edit)
{
  g_autoptr(McEdit) owned = edit;
  g_autoptr(GError) error = NULL;

  g_assert_true (mc_document_apply (document, edit, &error));
  g_assert_no_error (error);
}

/* A CSV file is saved as a dataset file under a new name, which the
 * document has from then on; saved in place, the file reads back as the
 * same dataset, and the save does not count as a change on disk. */
static void
test_document_manager_save (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GFile) csv = write_sales (fixture, "sales.csv", "41.5");
  g_autofree char *json_path = g_build_filename (fixture->dir, "sales.json", NULL);
  g_autoptr(GFile) json = g_file_new_for_path (json_path);
  g_autoptr(McDataset) read = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) recent = NULL;
  McDocument *document = open_file (fixture, csv);

  g_signal_connect (document, "changed", G_CALLBACK (on_changed_cb), fixture);
  g_assert_false (mc_document_manager_can_save (fixture->manager, document));
  apply (document, mc_edit_new_set_value (0, "sales", 40));
  g_assert_true (mc_document_get_dirty (document));

  g_assert_true (mc_document_manager_save (fixture->manager, document, json, &error));
  g_assert_no_error (error);
  g_assert_false (mc_document_get_dirty (document));
  g_assert_true (g_file_equal (mc_document_get_file (document), json));
  g_assert_true (mc_document_manager_can_save (fixture->manager, document));
  recent = g_settings_get_strv (fixture->settings, "recent-files");
  g_assert_cmpuint (g_strv_length (recent), ==, 1);
  g_assert_true (g_str_has_suffix (recent[0], "/sales.json"));

  /* The undo history goes on after a save; saving in place. */
  apply (document, mc_edit_new_set_value (1, "sales", 13));
  g_assert_true (mc_document_manager_save (fixture->manager, document, NULL, &error));
  g_assert_no_error (error);
  read = mc_loader_load_file (json, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mc_dataset_equal (read, mc_document_get_dataset (document)));
  g_assert_true (mc_document_can_undo (document));

  /* The file monitor sees the save: no reload, no question. */
  fixture->n_changed = 0;
  run_until (&fixture->n_changed, 1, 1500);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
  g_assert_cmpuint (fixture->messages->len, ==, 0);
}

/* Someone else changes a file that has unsaved edits: the edits stay
 * until the user says otherwise. */
static void
test_document_manager_changed_on_disk (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(GFile) file = write_sales (fixture, "edited.csv", "41.5");
  McDocument *document = open_file (fixture, file);
  McDataset *edited;
  guint n_asked = 0;

  g_signal_connect (fixture->manager, "changed-on-disk", G_CALLBACK (on_changed_on_disk_cb),
                    &n_asked);
  g_signal_connect (document, "changed", G_CALLBACK (on_changed_cb), fixture);
  apply (document, mc_edit_new_set_value (0, "sales", 1));
  edited = mc_document_get_dataset (document);
  fixture->n_changed = 0;

  g_object_unref (write_sales (fixture, "edited.csv", "99"));
  wait_for (&n_asked, 1);
  g_assert_true (mc_document_get_dataset (document) == edited);
  g_assert_cmpfloat (get_sales (document), ==, 1);
  g_assert_true (mc_document_get_dirty (document));
  g_assert_cmpuint (fixture->n_changed, ==, 0);

  /* Opening the file again keeps the edits too. */
  g_assert_true (open_file (fixture, file) == document);
  g_assert_cmpfloat (get_sales (document), ==, 1);

  /* Reloading, as asked, takes the file's data. */
  mc_document_manager_reload (fixture->manager, document);
  wait_for (&fixture->n_changed, 1);
  g_assert_cmpfloat (get_sales (document), ==, 99);
  g_assert_false (mc_document_get_dirty (document));
}

/* Edits that would break a chart are refused by the manager's documents. */
static void
test_document_manager_checked (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GFile) file = write_sales (fixture, "checked.csv", "41.5");
  McDocument *document = open_file (fixture, file);
  g_autoptr(McEdit) edit = mc_edit_new_remove_column ("sales");
  g_autoptr(GError) error = NULL;

  g_assert_false (mc_document_apply (document, edit, &error));
  g_assert_error (error, MC_EDIT_ERROR, MC_EDIT_ERROR_CHECK);
  g_assert_nonnull (mc_dataset_lookup_column (mc_document_get_dataset (document), "sales"));
  g_assert_cmpfloat (get_sales (document), ==, 41.5);
}

/* A file being opened is listed with its progress until it is open. */
static void
test_document_manager_loads (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("day,price\n");
  g_autoptr(GFile) file = NULL;
  GListModel *loads = mc_document_manager_get_loads (fixture->manager);
  McFileLoad *load;
  guint64 bytes_read, size, rows;

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (csv, "%u,%u.25\n", i, i % 1000);
  file = write_file (fixture, "long.csv", csv->str);

  load = mc_document_manager_open_file (fixture->manager, file);
  g_assert_cmpuint (g_list_model_get_n_items (loads), ==, 1);
  g_assert_true (g_list_model_get_item (loads, 0) == (gpointer) load);
  g_object_unref (load);
  g_assert_true (g_file_equal (mc_file_load_get_file (load), file));
  g_object_ref (load);
  wait_for (&fixture->n_opened, 1);

  g_assert_cmpuint (g_list_model_get_n_items (loads), ==, 0);
  mc_load_progress_get (mc_file_load_get_progress (load), &bytes_read, &size, &rows);
  g_assert_cmpuint (size, ==, csv->len);
  /* Every byte, the header's too, once. */
  g_assert_cmpuint (bytes_read, ==, csv->len);
  g_assert_cmpuint (rows, ==, 200000);
  g_assert_cmpfloat (mc_load_progress_get_fraction (mc_file_load_get_progress (load)), ==, 1);
  g_object_unref (load);
}

/* A cancelled load leaves everything as it was: no document, no error,
 * the data of a file opened before kept. */
static void
test_document_manager_cancel (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GFile) file = write_sales (fixture, "sales.csv", "41.5");
  g_autoptr(GFile) other = write_sales (fixture, "other.csv", "7");
  GListModel *loads = mc_document_manager_get_loads (fixture->manager);
  McDocument *document = open_file (fixture, file);
  McFileLoad *load;
  guint never = 0;

  /* Cancelled at once, or once its thread is done but before the main
   * loop hears of it: the same. */
  for (guint wait = 0; wait < 2; wait++)
    {
      load = g_object_ref (mc_document_manager_open_file (fixture->manager, other));
      if (wait)
        g_usleep (300 * 1000);
      mc_file_load_cancel (load);
      g_assert_cmpuint (g_list_model_get_n_items (loads), ==, 0);
      run_until (&never, 1, 300);
      g_object_unref (load);
    }

  /* A new version of the open file, whose reopening is cancelled. */
  g_object_unref (write_sales (fixture, "sales.csv", "99"));
  mc_file_load_cancel (mc_document_manager_open_file (fixture->manager, file));
  run_until (&never, 1, 300);

  g_assert_cmpuint (fixture->n_opened, ==, 1);
  g_assert_cmpuint (fixture->headings->len, ==, 0);
  g_assert_cmpuint (count_documents (fixture), ==, 1);
  g_assert_cmpfloat (get_sales (document), ==, 41.5);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/mc/document-manager/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("bundled", test_document_manager_bundled);
  ADD ("open", test_document_manager_open);
  ADD ("open-bad", test_document_manager_open_bad);
  ADD ("reopen", test_document_manager_reopen);
  ADD ("reload", test_document_manager_reload);
  ADD ("recent-files", test_document_manager_recent_files);
  ADD ("restore", test_document_manager_restore);
  ADD ("without-settings", test_document_manager_without_settings);
  ADD ("close", test_document_manager_close);
  ADD ("pasted", test_document_manager_pasted);
  ADD ("gone", test_document_manager_gone);
  ADD ("load-options", test_document_manager_load_options);
  ADD ("save", test_document_manager_save);
  ADD ("changed-on-disk", test_document_manager_changed_on_disk);
  ADD ("checked", test_document_manager_checked);
  ADD ("loads", test_document_manager_loads);
  ADD ("cancel", test_document_manager_cancel);

#undef ADD

  return g_test_run ();
}
