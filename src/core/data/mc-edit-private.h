/* mc-edit-private.h: what the files of the edits share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-edit.h"

G_BEGIN_DECLS

/* An id as messages quote it: at most 60 characters, valid UTF-8. */
char      *mc_edit_shown_id       (const char   *id);
gboolean   mc_edit_lookup_column  (McDataset    *dataset,
                                   const char   *id,
                                   guint        *index,
                                   GError      **error);
gboolean   mc_edit_lookup_chart   (McDataset    *dataset,
                                   const char   *id,
                                   guint        *index,
                                   GError      **error);
gboolean   mc_edit_check_rows     (McDataset    *dataset,
                                   guint         row,
                                   guint         n_rows,
                                   GError      **error);

G_END_DECLS
