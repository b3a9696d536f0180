/* mc-test-data.h: the datasets of tests/data, loaded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-dataset.h"

G_BEGIN_DECLS

/* The dataset of tests/data/@folder/@name, which must load. */
McDataset *mc_test_load      (const char *folder,
                              const char *name);
/* The same in tests/data/good. */
McDataset *mc_test_load_good (const char *name);

G_END_DECLS
