/* mc-atomic-file.h: replace a file in one step, or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes the whole contents to @stream; returns FALSE with @error set
 * when it cannot. */
typedef gboolean (*McAtomicWriteFunc) (GOutputStream  *stream,
                                       gpointer        user_data,
                                       GError        **error);

gboolean  mc_atomic_file_replace  (GFile              *file,
                                   McAtomicWriteFunc   write,
                                   gpointer            user_data,
                                   GError            **error);
/* The same, for contents already in memory. */
gboolean  mc_atomic_file_replace_bytes (GFile     *file,
                                        GBytes    *contents,
                                        GError   **error);

G_END_DECLS
