/* fuzz-loader-json.c: the dataset loader on arbitrary JSON text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is loaded as a JSON dataset whose CSV references resolve in
 * the good test corpus. Either a dataset that keeps the loader's promises
 * comes out, or an error in MC_LOADER_ERROR naming the file: the dataset,
 * or the CSV file it references when the problem lies there.
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "mc-loader.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) dataset = NULL;

  fuzz_init ();
  dataset = mc_loader_load_data ((const char *) data, size, "fuzz.json",
                                 fuzz_get_base (), &error);
  if (dataset == NULL)
    {
      fuzz_check_error (error, MC_LOADER_ERROR, NULL);
      fuzz_check_names_file (error, "fuzz.json");
    }
  else
    {
      g_assert_no_error (error);
      fuzz_check_dataset (dataset);
    }
  return 0;
}
