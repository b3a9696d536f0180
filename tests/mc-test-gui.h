/* mc-test-gui.h: what the tests of the window share: finding widgets and
 * labels, waiting for the main loop, windows with default settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-chart-view.h"
#include "mc-window.h"

G_BEGIN_DECLS

/* As gtk_test_init(), in the C locale, and libadwaita's; without a
 * display it says the tests are skipped and returns FALSE: main() then
 * returns 77. */
gboolean      init_gui_test          (int         *argc,
                                      char      ***argv);

gboolean      keep_awake_cb          (gpointer     user_data);

/* Runs the main loop until @condition holds, for at most ten seconds (a
 * file monitor that polls instead of using inotify takes seconds). */
#define WAIT_FOR(condition)                                                   \
  G_STMT_START {                                                              \
    gint64 deadline_ = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;         \
    guint tick_ = g_timeout_add (10, keep_awake_cb, NULL);                    \
    while (!(condition) && g_get_monotonic_time () < deadline_)               \
      g_main_context_iteration (NULL, TRUE);                                  \
    g_source_remove (tick_);                                                  \
    if (!(condition))                                                         \
      g_error ("Timed out waiting for %s", #condition);                      \
  } G_STMT_END

void          collect_labels         (GtkWidget   *widget,
                                      GPtrArray   *labels);
GtkWidget    *find_widget            (GtkWidget   *widget,
                                      GType        type);
/* The label on screen whose text is @text, or that contains @fragment. */
GtkWidget    *find_label             (GtkWidget   *root,
                                      const char  *text);
GtkWidget    *find_label_containing  (GtkWidget   *root,
                                      const char  *fragment);
/* Drafts of unsaved edits go to a folder of the test's own, made now:
 * call it before anything asks for the user's folders. Returns it. */
char         *isolate_state_folder   (void);
/* Every test starts from the defaults (the memory backend keeps values
 * for the whole run). */
void          reset_settings         (void);
McWindow     *present_window         (void);
McWindow     *create_window          (void);
void          destroy_window         (McWindow    *window);
void          activate               (McWindow    *window,
                                      const char  *action,
                                      const char  *format_string,
                                      ...);
McChartView  *get_chart_view         (McWindow    *window);
/* The first toplevel window of @type, or NULL. */
GtkWidget    *find_toplevel          (GType        type);
guint         count_datasets         (McWindow    *window);
/* The dataset of the document at @position in the sidebar. */
McDataset    *get_dataset            (McWindow    *window,
                                      guint        position);
/* A file of tests/data/@folder. */
char         *data_path              (const char  *folder,
                                      const char  *name);

G_END_DECLS
