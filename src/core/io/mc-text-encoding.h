/* mc-text-encoding.h: text files saved in other encodings than UTF-8
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The encodings text files come in. */
typedef enum
{
  MC_TEXT_UTF8,
  MC_TEXT_UTF16LE,
  MC_TEXT_UTF16BE,
  MC_TEXT_UTF32,
  MC_TEXT_WINDOWS_1252,
} McTextEncoding;

McTextEncoding  mc_text_encoding_detect   (const char      *data,
                                           gsize            length);
const char     *mc_text_encoding_name     (McTextEncoding   encoding);
/* The text in UTF-8: NULL when it is UTF-8 already, else a converted
 * copy; errors are MC_LOADER_ERROR_SYNTAX, naming the encoding found. */
gboolean        mc_text_encoding_to_utf8  (const char      *name,
                                           const char      *data,
                                           gsize            length,
                                           GBytes         **converted,
                                           McTextEncoding  *found,
                                           GError         **error);

G_END_DECLS
