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

/* The message starts with "fuzz.json:" or, for a problem in the CSV file
 * the dataset references, with that file's base name. */
static void
check_names_file (const GError *error)
{
  const char *message = error->message;
  const char *colon = strchr (message, ':');
  g_autofree char *name = NULL;

  if (g_str_has_prefix (message, "fuzz.json:"))
    return;
  if (colon != NULL)
    name = g_strndup (message, colon - message);
  if (name == NULL || *name == '\0' || strchr (name, '/') != NULL)
    g_error ("the message does not name a file: %s", message);
}

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
      check_names_file (error);
    }
  else
    {
      g_assert_no_error (error);
      fuzz_check_dataset (dataset);
    }
  return 0;
}
