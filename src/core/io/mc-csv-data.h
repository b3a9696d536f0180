/* mc-csv-data.h: the rows of a dataset file's declared columns, from a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mc-mapped-file.h"

#include "mc-dataset.h"

G_BEGIN_DECLS

gboolean  mc_csv_data_read  (McDataset     *dataset,
                             const char    *name,
                             const char    *json_name,
                             const char    *text,
                             gsize          length,
                             GCancellable  *cancellable,
                             GError       **error);
gboolean  mc_csv_data_read_stream (McDataset     *dataset,
                                   const char    *name,
                                   const char    *json_name,
                                   const char    *head,
                                   gsize          head_length,
                                   GInputStream  *stream,
                                   McMappedFile  *mapped,
                                   GCancellable  *cancellable,
                                   gboolean      *gave_up,
                                   GError       **error);

G_END_DECLS
