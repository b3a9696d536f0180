/* mc-extras.h: keys of a dataset file that this version does not know
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A file written by a newer version, or by hand, may carry keys this
 * version does not read ("author" on a dataset, "colour" on a column).
 * They are kept as their JSON text, key → text, so that saving the file
 * again keeps them. A table is made on the first key; NULL holds none. */
void          mc_extras_set    (GHashTable        **extras,
                                const char         *key,
                                const char         *json);
const char   *mc_extras_get    (GHashTable         *extras,
                                const char         *key);
/* The keys, sorted: the order a writer adds them in. */
char        **mc_extras_list   (GHashTable         *extras);
GHashTable   *mc_extras_copy   (GHashTable         *extras);
gboolean      mc_extras_equal  (GHashTable         *a,
                                GHashTable         *b);

G_END_DECLS
