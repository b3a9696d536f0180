/* mc-text.h: texts from files, as messages quote them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Messages quote names and values from files at most this long. */
#define MC_TEXT_MAX_QUOTED 60

char  *mc_text_shorten      (const char *text,
                             gsize       length,
                             guint       max_chars);
char  *mc_text_shown        (const char *text);
/* The name messages give a file: its base name, or its URI when it has
 * none. */
char  *mc_text_file_name    (GFile      *file);

G_END_DECLS
