/* mc-dataset-charts.h: the charts of a dataset file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-json-context.h"

G_BEGIN_DECLS

gboolean  mc_dataset_charts_read   (McJsonContext  *ctx,
                                    JsonObject     *root,
                                    GError        **error);
gboolean  mc_dataset_charts_check  (McJsonContext  *ctx,
                                    JsonObject     *root,
                                    GError        **error);

G_END_DECLS
