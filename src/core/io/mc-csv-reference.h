/* mc-csv-reference.h: the CSV file a dataset names for its rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GFile  *mc_csv_reference_resolve  (GFile       *base,
                                   const char  *path,
                                   GError     **error);

G_END_DECLS
