/* mc-text.h: texts from files, as messages quote them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Messages quote names and values from files at most this long. */
#define MC_TEXT_MAX_QUOTED 60
/* and the names of files at most this long (a file system allows 255
 * bytes) */
#define MC_TEXT_MAX_FILE_NAME 120

char  *mc_text_shorten      (const char *text,
                             gsize       length,
                             guint       max_chars);
char  *mc_text_shown        (const char *text);
/* @text cut in its middle to @max_chars characters, keeping its start
 * and its end: a file's name with its extension, an error of the
 * system that ends with what went wrong. */
char  *mc_text_shorten_middle (const char *text,
                               guint       max_chars);
/* The name messages give a file: its base name, or its URI when it has
 * none. */
char  *mc_text_file_name    (GFile      *file);

G_END_DECLS
