/* mc-loader-private.h: helpers shared by the JSON and CSV halves of the loader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-cell.h"
#include "mc-csv.h"
#include "mc-date-text.h"
#include "mc-default-chart.h"
#include "mc-ids.h"
#include "mc-loader-buffer.h"
#include "mc-loader-error.h"
#include "mc-loader.h"

G_BEGIN_DECLS

McDataset  *mc_loader_load_json         (const char       *name,
                                         const char       *text,
                                         gsize             length,
                                         GFile            *base,
                                         GCancellable     *cancellable,
                                         GError          **error);
McDataset  *mc_loader_load_plain_csv    (const char       *name,
                                         const char       *text,
                                         gsize             length,
                                         GCancellable     *cancellable,
                                         GError          **error);
/* Fills the declared columns of @dataset from a CSV file's text whose
 * header names the column ids. @json_name names the dataset file. */
gboolean    mc_loader_read_csv_data     (McDataset        *dataset,
                                         const char       *name,
                                         const char       *json_name,
                                         const char       *text,
                                         gsize             length,
                                         GCancellable     *cancellable,
                                         GError          **error);

G_END_DECLS
