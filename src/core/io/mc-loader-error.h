/* mc-loader-error.h: the loader's error messages, with positions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-loader.h"

G_BEGIN_DECLS

void        mc_loader_position          (const char       *text,
                                         gsize             length,
                                         gsize             offset,
                                         guint            *line,
                                         guint            *column);
/* Sets "name:line:column: message" (or "name: message" when @line is 0). */
void        mc_loader_set_error         (GError          **error,
                                         McLoaderError     code,
                                         const char       *name,
                                         guint             line,
                                         guint             column,
                                         const char       *format,
                                         ...) G_GNUC_PRINTF (6, 7);
char       *mc_loader_format_message    (const char       *name,
                                         guint             line,
                                         guint             column,
                                         const char       *message);
gboolean    mc_loader_check_text        (const char       *name,
                                         const char       *text,
                                         gsize             length,
                                         GError          **error);
char       *mc_loader_describe_text     (const char       *text,
                                         gsize             length);

G_END_DECLS
