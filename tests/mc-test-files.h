/* mc-test-files.h: temporary folders for tests that write files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new folder in the temporary folder, named after @prefix. */
char  *mc_test_make_temp_dir  (const char *prefix);
/* Removes @path and everything in it. */
void   mc_test_remove_dir     (const char *path);
/* The names in @path, sorted, joined by spaces. */
char  *mc_test_list_dir       (const char *path);

G_END_DECLS
