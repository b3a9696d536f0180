/* test-drafts.c: unsaved edits kept on disk and read back after a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "mc-bundled.h"
#include "mc-drafts.h"
#include "mc-edit.h"
#include "mc-loader.h"
#include "mc-test-data.h"
#include "mc-test-files.h"

static void
edit (McDataset *dataset,
      McEdit    *edit)
{
  g_autoptr(McEdit) owned = edit;
  g_autoptr(GError) error = NULL;

  g_assert_true (mc_edit_apply (edit, dataset, NULL, &error));
  g_assert_no_error (error);
}

/* A draft of an edited file comes back as the file's dataset with the
 * edits, and says whose it is. */
static void
test_drafts_round_trip (void)
{
  g_autofree char *dir = mc_test_make_temp_dir ("mc-drafts");
  g_autofree char *drafts_path = g_build_filename (dir, "state", "drafts", NULL);
  g_autoptr(GFile) base = g_file_new_for_path (drafts_path);
  g_autoptr(GFile) folder = mc_drafts_get_folder (base);
  g_autoptr(McDataset) dataset = mc_test_load_good ("prices.json");
  GFile *origin = mc_dataset_get_file (dataset);
  g_autofree char *key = mc_drafts_make_key (dataset, origin);
  g_autofree char *again = mc_drafts_make_key (dataset, origin);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(McDataset) restored = NULL;
  g_autoptr(GError) error = NULL;
  McDraft *draft;

  g_assert_cmpstr (key, ==, again);
  edit (dataset, mc_edit_new_set_dataset_text (MC_DATASET_TEXT_TITLE, "Edited prices"));
  edit (dataset, mc_edit_new_set_note (0, "close", "Checked"));
  g_assert_true (mc_drafts_save (folder, key, dataset, origin, &error));
  g_assert_no_error (error);

  drafts = mc_drafts_list (folder);
  g_assert_cmpuint (drafts->len, ==, 1);
  draft = g_ptr_array_index (drafts, 0);
  g_assert_cmpstr (draft->key, ==, key);
  g_assert_cmpstr (draft->title, ==, "Edited prices");
  g_assert_true (g_file_equal (draft->origin, origin));
  g_assert_null (draft->bundled);

  restored = mc_drafts_load (folder, draft, &error);
  g_assert_no_error (error);
  g_assert_true (mc_dataset_equal (dataset, restored));
  g_assert_true (g_file_equal (mc_dataset_get_file (restored), origin));
  g_assert_cmpstr (mc_dataset_get_reader (restored), ==, "dataset");
  g_assert_cmpstr (mc_dataset_get_rows_file (restored), ==, "prices.csv");

  g_assert_true (mc_drafts_remove (folder, key, &error));
  g_assert_no_error (error);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = mc_drafts_list (folder);
  g_assert_cmpuint (drafts->len, ==, 0);
  mc_test_remove_dir (dir);
}

/* Bundled datasets and pasted tables have drafts too; a draft replaces
 * the earlier one of its document. */
static void
test_drafts_kinds (void)
{
  g_autofree char *dir = mc_test_make_temp_dir ("mc-drafts");
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) bundled = mc_bundled_lookup ("cloud-investment", &error);
  g_autoptr(McDataset) pasted = mc_test_load_good ("pasted.tsv");
  g_autofree char *bundled_key = mc_drafts_make_key (bundled, NULL);
  g_autofree char *pasted_key = mc_drafts_make_key (pasted, NULL);
  g_autofree char *other_pasted_key = mc_drafts_make_key (pasted, NULL);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(McDataset) restored = NULL;

  g_assert_cmpstr (bundled_key, ==, "bundled-cloud-investment");
  g_assert_cmpstr (pasted_key, !=, other_pasted_key);
  g_assert_true (mc_drafts_save (folder, bundled_key, bundled, NULL, &error));
  edit (bundled, mc_edit_new_remove_rows (0, 1));
  g_assert_true (mc_drafts_save (folder, bundled_key, bundled, NULL, &error));
  g_assert_true (mc_drafts_save (folder, pasted_key, pasted, NULL, &error));
  g_assert_no_error (error);

  drafts = mc_drafts_list (folder);
  g_assert_cmpuint (drafts->len, ==, 2);
  /* Oldest first. */
  g_assert_cmpstr (((McDraft *) g_ptr_array_index (drafts, 0))->bundled, ==, "cloud-investment");
  g_assert_null (((McDraft *) g_ptr_array_index (drafts, 1))->origin);
  restored = mc_drafts_load (folder, g_ptr_array_index (drafts, 0), &error);
  g_assert_no_error (error);
  g_assert_true (mc_dataset_get_bundled (restored));
  g_assert_true (mc_dataset_equal (bundled, restored));
  mc_test_remove_dir (dir);
}

/* Long series keep their rows in a CSV file of the draft's own. */
static void
test_drafts_long (void)
{
  g_autofree char *dir = mc_test_make_temp_dir ("mc-drafts");
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(McDataset) dataset = mc_dataset_new ("long");
  McColumn *values = mc_column_new ("value", NULL, MC_COLUMN_NUMBER);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(McDataset) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  for (guint i = 0; i < 20000; i++)
    mc_column_append_value (values, i * 0.5);
  g_assert_true (mc_dataset_add_column (dataset, values));
  mc_dataset_set_title (dataset, "Long");
  g_assert_true (mc_drafts_save (folder, "long", dataset, NULL, &error));
  g_assert_no_error (error);
  listing = mc_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "long-rows.csv long.draft long.json");
  drafts = mc_drafts_list (folder);
  restored = mc_drafts_load (folder, g_ptr_array_index (drafts, 0), &error);
  g_assert_no_error (error);
  g_assert_null (mc_dataset_get_rows_file (restored));
  g_assert_true (mc_column_equal (values, mc_dataset_get_column (restored, 0)));
  mc_test_remove_dir (dir);
}

/* A half-written draft (no description) is not offered. */
static void
test_drafts_incomplete (void)
{
  g_autofree char *dir = mc_test_make_temp_dir ("mc-drafts");
  g_autofree char *json = g_build_filename (dir, "file-0123.json", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) drafts = NULL;

  g_assert_true (g_file_set_contents (json, "{}", -1, NULL));
  drafts = mc_drafts_list (folder);
  g_assert_cmpuint (drafts->len, ==, 0);
  mc_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/drafts/round-trip", test_drafts_round_trip);
  g_test_add_func ("/mc/drafts/kinds", test_drafts_kinds);
  g_test_add_func ("/mc/drafts/long", test_drafts_long);
  g_test_add_func ("/mc/drafts/incomplete", test_drafts_incomplete);

  return g_test_run ();
}
