/* mc-test-window.h: a window under test, and what it shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mc-window.h"

G_BEGIN_DECLS

/* Runs the main loop until @condition holds, for at most ten seconds (a
 * file monitor that polls instead of using inotify takes seconds). */
#define MC_TEST_WAIT_FOR(condition)                                           \
  G_STMT_START {                                                              \
    gint64 deadline_ = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;         \
    guint tick_ = mc_test_keep_awake ();                                      \
    while (!(condition) && g_get_monotonic_time () < deadline_)               \
      g_main_context_iteration (NULL, TRUE);                                  \
    g_source_remove (tick_);                                                  \
    if (!(condition))                                                         \
      g_error ("Timed out waiting for %s", #condition);                      \
  } G_STMT_END

/* As gtk_test_init(), but FALSE without a display: the test then exits
 * 77, which meson counts as skipped. */
gboolean    mc_test_init_gtk                 (int         *argc,
                                              char      ***argv);
guint       mc_test_keep_awake               (void);
/* Every test starts from the defaults (the memory backend keeps values
 * for the whole run). */
void        mc_test_reset_settings           (void);
/* A new window, drawn; mc_test_create_window() resets the settings
 * first. */
McWindow   *mc_test_present_window           (void);
McWindow   *mc_test_create_window            (void);
/* The first widget of @type in @root, itself included, or NULL. */
GtkWidget  *mc_test_find_widget              (GtkWidget   *root,
                                              GType        type);
/* The first toplevel window of @type, or NULL. */
GtkWidget  *mc_test_find_toplevel            (GType        type);
/* The label on screen whose text contains @fragment, or NULL. */
GtkWidget  *mc_test_find_label_containing    (GtkWidget   *root,
                                              const char  *fragment);
guint       mc_test_count_datasets           (McWindow    *window);
McDataset  *mc_test_get_dataset              (McWindow    *window,
                                              guint        position);
char       *mc_test_data_path                (const char  *folder,
                                              const char  *name);

G_END_DECLS
