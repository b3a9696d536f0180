/* mc-test-data.c: the datasets of tests/data, loaded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-test-data.h"

#include "mc-loader.h"

McDataset *
mc_test_load (const char *folder,
              const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", folder, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  McDataset *dataset = mc_loader_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

McDataset *
mc_test_load_good (const char *name)
{
  return mc_test_load ("good", name);
}
