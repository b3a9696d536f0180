/* mc-bundled.h: the datasets compiled into the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mc-dataset.h"

G_BEGIN_DECLS

#define MC_BUNDLED_RESOURCE_PATH "/io/github/marketcharts/MarketCharts/datasets"

GPtrArray  *mc_bundled_load_all     (GError      **error);
McDataset  *mc_bundled_lookup       (const char   *id,
                                     GError      **error);
GFile      *mc_bundled_get_file     (const char   *id);

G_END_DECLS
