/* mc-json-scanner.h: a strict scan of JSON text, with exact positions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One step of a path from the root of a document: a key, or with a key
 * of NULL an index. */
typedef struct
{
  const char *key;
  guint       index;
} McJsonPathElement;

gboolean  mc_json_scanner_check_syntax  (const char               *name,
                                         const char               *text,
                                         gsize                     length,
                                         GArray                  **duplicates,
                                         GError                  **error);
gboolean  mc_json_scanner_check_line    (const char               *name,
                                         const char               *text,
                                         gsize                     length,
                                         guint                     number,
                                         GArray                  **duplicates,
                                         GError                  **error);
gsize     mc_json_scanner_locate_path   (const char               *text,
                                         gsize                     length,
                                         const McJsonPathElement  *path,
                                         guint                     n_path,
                                         gboolean                  at_key);
GByteArray *mc_json_scanner_number_decimals (const char       *text,
                                         gsize                     length,
                                         gsize                     offset);
gboolean  mc_json_scanner_has_member    (const char               *text,
                                         gsize                     length,
                                         const char               *key);

G_END_DECLS
