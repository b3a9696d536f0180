/* mc-mapped-file.h: a large file read through a mapping, safe from
 * being cut short while it is read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _McMappedFile McMappedFile;

McMappedFile *mc_mapped_file_new           (GFile         *file,
                                            gsize          min_length,
                                            gsize          max_length);
const char   *mc_mapped_file_get_contents  (McMappedFile  *mapped,
                                            gsize         *length);
void          mc_mapped_file_release       (McMappedFile  *mapped,
                                            const char    *text,
                                            gsize          length);
gboolean      mc_mapped_file_was_cut       (McMappedFile  *mapped);
void          mc_mapped_file_free          (McMappedFile  *mapped);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McMappedFile, mc_mapped_file_free)

G_END_DECLS
