/* mc-ids.h: the ids of datasets, columns and charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  mc_id_is_valid  (const char  *id);
char     *mc_id_make      (const char  *text,
                           const char  *fallback);
char     *mc_id_to_label  (const char  *header);

G_END_DECLS
