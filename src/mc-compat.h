/* mc-compat.h: file choosers and launchers across GTK versions
 *
 * GTK 4.10 replaced GtkFileChooserNative and gtk_show_uri() with
 * GtkFileDialog and GtkFileLauncher. The rest of the program calls these
 * functions, which use the newer API when built against GTK 4.10 or later
 * (the Flatpak runtime) and the older one on GTK 4.8. Both go through the
 * desktop portals when the program runs sandboxed.
 *
 * A dismissed chooser finishes with G_IO_ERROR_CANCELLED on every version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Asks for one or more files to open. @filters is a list of GtkFileFilter;
 * the first is selected. The result is a list of GFile. */
void         mc_compat_open_files                (GtkWindow            *parent,
                                                  const char           *title,
                                                  GListModel           *filters,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GListModel  *mc_compat_open_files_finish         (GAsyncResult         *result,
                                                  GError              **error);

/* Asks where to save a file, proposing @initial_name. */
void         mc_compat_save_file                 (GtkWindow            *parent,
                                                  const char           *title,
                                                  const char           *initial_name,
                                                  GListModel           *filters,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GFile       *mc_compat_save_file_finish          (GAsyncResult         *result,
                                                  GError              **error);

/* Asks for a folder, to write files into. */
void         mc_compat_select_folder             (GtkWindow            *parent,
                                                  const char           *title,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GFile       *mc_compat_select_folder_finish      (GAsyncResult         *result,
                                                  GError              **error);

/* Opens @file in the application the desktop prefers for it. */
void         mc_compat_launch_file               (GtkWindow            *parent,
                                                  GFile                *file,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean     mc_compat_launch_file_finish        (GAsyncResult         *result,
                                                  GError              **error);

/* Shows @file selected in the file manager, or at least its folder. */
void         mc_compat_show_in_folder            (GtkWindow            *parent,
                                                  GFile                *file,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean     mc_compat_show_in_folder_finish     (GAsyncResult         *result,
                                                  GError              **error);

G_END_DECLS
