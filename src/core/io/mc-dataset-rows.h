/* mc-dataset-rows.h: the rows of a dataset file, or of the CSV file it names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-json-context.h"

G_BEGIN_DECLS

gboolean  mc_dataset_rows_read  (McJsonContext  *ctx,
                                 JsonObject     *root,
                                 GError        **error);

G_END_DECLS
