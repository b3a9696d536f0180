/* mc-compat.c: file choosers and launchers across GTK versions
 *
 * The only file that may use API deprecated after GTK 4.8, or added in
 * GTK 4.10: the newer API when it is there, the older one otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-compat.h"

#include <glib/gi18n.h>

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

static void
return_dismissed (GTask *task)
{
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           "%s", _("The file chooser was closed"));
}

#if GTK_CHECK_VERSION (4, 10, 0)

/* GtkFileDialog (GTK 4.10) */

static GtkFileDialog *
create_file_dialog (const char *title,
                    GListModel *filters)
{
  GtkFileDialog *dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_modal (dialog, TRUE);
  if (filters != NULL && g_list_model_get_n_items (filters) > 0)
    {
      g_autoptr(GtkFileFilter) first = g_list_model_get_item (filters, 0);

      gtk_file_dialog_set_filters (dialog, filters);
      gtk_file_dialog_set_default_filter (dialog, first);
    }

  return dialog;
}

/* Dismissing the dialog is not an error the caller reports. */
static void
return_dialog_error (GTask  *task,
                     GError *error)
{
  if (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) ||
      g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    {
      g_error_free (error);
      return_dismissed (task);
      return;
    }

  g_task_return_error (task, error);
}

/* Hands an object the dialog chose to the task, or its error. */
static void
return_dialog_object (GTask    *task,
                      gpointer  object,
                      GError   *error)
{
  if (object == NULL)
    return_dialog_error (task, error);
  else
    g_task_return_pointer (task, object, g_object_unref);
}

static void
on_open_multiple_cb (GObject      *source_object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GListModel *files;

  files = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (source_object), result, &error);
  return_dialog_object (task, files, error);
}

void
mc_compat_open_files (GtkWindow           *parent,
                      const char          *title,
                      GListModel          *filters,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GtkFileDialog) dialog = create_file_dialog (title, filters);
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, mc_compat_open_files);
  gtk_file_dialog_open_multiple (dialog, parent, cancellable, on_open_multiple_cb, task);
}

static void
on_save_cb (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GFile *file;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source_object), result, &error);
  return_dialog_object (task, file, error);
}

void
mc_compat_save_file (GtkWindow           *parent,
                     const char          *title,
                     const char          *initial_name,
                     GListModel          *filters,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GtkFileDialog) dialog = create_file_dialog (title, filters);
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, mc_compat_save_file);
  gtk_file_dialog_set_initial_name (dialog, initial_name);
  gtk_file_dialog_save (dialog, parent, cancellable, on_save_cb, task);
}

static void
on_select_folder_cb (GObject      *source_object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GFile *folder;

  folder = gtk_file_dialog_select_folder_finish (GTK_FILE_DIALOG (source_object), result, &error);
  return_dialog_object (task, folder, error);
}

void
mc_compat_select_folder (GtkWindow           *parent,
                         const char          *title,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GtkFileDialog) dialog = create_file_dialog (title, NULL);
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, mc_compat_select_folder);
  gtk_file_dialog_select_folder (dialog, parent, cancellable, on_select_folder_cb, task);
}

/* GtkFileLauncher (GTK 4.10) */

static void
on_launch_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (gtk_file_launcher_launch_finish (GTK_FILE_LAUNCHER (source_object), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
mc_compat_launch_file (GtkWindow           *parent,
                       GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, mc_compat_launch_file);
  gtk_file_launcher_launch (launcher, parent, cancellable, on_launch_cb, task);
}

static void
on_open_containing_folder_cb (GObject      *source_object,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GtkFileLauncher *launcher = GTK_FILE_LAUNCHER (source_object);
  GError *error = NULL;

  if (gtk_file_launcher_open_containing_folder_finish (launcher, result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
mc_compat_show_in_folder (GtkWindow           *parent,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, mc_compat_show_in_folder);
  gtk_file_launcher_open_containing_folder (launcher, parent, cancellable,
                                            on_open_containing_folder_cb, task);
}

#else /* GTK 4.8 */

/* GtkFileChooserNative (deprecated in GTK 4.10) */

static void
on_native_response_cb (GtkNativeDialog *native,
                       int              response,
                       gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (native);

  if (response != GTK_RESPONSE_ACCEPT)
    return_dismissed (task);
  else if (gtk_file_chooser_get_action (chooser) != GTK_FILE_CHOOSER_ACTION_OPEN)
    g_task_return_pointer (task, gtk_file_chooser_get_file (chooser), g_object_unref);
  else
    g_task_return_pointer (task, gtk_file_chooser_get_files (chooser), g_object_unref);

  gtk_native_dialog_destroy (native);
}

static void
show_native (GtkFileChooserNative *native,
             GListModel           *filters,
             GTask                *task)
{
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (native);
  guint n_filters = filters != NULL ? g_list_model_get_n_items (filters) : 0;

  for (guint i = 0; i < n_filters; i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      gtk_file_chooser_add_filter (chooser, filter);
      if (i == 0)
        gtk_file_chooser_set_filter (chooser, filter);
    }

  /* The task owns the chooser until it answers. */
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_task_set_task_data (task, native, g_object_unref);
  g_signal_connect (native, "response", G_CALLBACK (on_native_response_cb), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
mc_compat_open_files (GtkWindow           *parent,
                      const char          *title,
                      GListModel          *filters,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  GtkFileChooserNative *native;
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, mc_compat_open_files);
  native = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  show_native (native, filters, task);
}

void
mc_compat_save_file (GtkWindow           *parent,
                     const char          *title,
                     const char          *initial_name,
                     GListModel          *filters,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  GtkFileChooserNative *native;
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, mc_compat_save_file);
  native = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), initial_name);
  show_native (native, filters, task);
}

void
mc_compat_select_folder (GtkWindow           *parent,
                         const char          *title,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GtkFileChooserNative *native;
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, mc_compat_select_folder);
  native = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Select"), _("_Cancel"));
  show_native (native, NULL, task);
}

/* gtk_show_uri_full() (deprecated in GTK 4.10) */

static void
on_show_uri_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (gtk_show_uri_full_finish (GTK_WINDOW (source_object), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* gtk_show_uri_full_finish() needs the window the call was made for. */
static void
show_uri (GtkWindow *parent,
          GFile     *file,
          GTask     *task)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, g_task_get_cancellable (task),
                     on_show_uri_cb, task);
}

void
mc_compat_launch_file (GtkWindow           *parent,
                       GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, mc_compat_launch_file);
  show_uri (parent, file, task);
}

/* File managers select a file through org.freedesktop.FileManager1; where
 * none implements it, the folder opens instead. */

typedef struct
{
  GtkWindow *parent;
  GFile     *file;
} ShowInFolderData;

static void
show_in_folder_data_free (ShowInFolderData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->file);
  g_free (data);
}

static void
open_folder (GTask *task)
{
  ShowInFolderData *data = g_task_get_task_data (task);
  g_autoptr(GFile) folder = g_file_get_parent (data->file);

  show_uri (data->parent, folder != NULL ? folder : data->file, task);
}

static void
on_show_items_cb (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source_object), result, &error);
  if (reply != NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  g_debug ("No file manager selected the file: %s", error->message);
  open_folder (g_steal_pointer (&task));
}

static void
on_session_bus_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  ShowInFolderData *data = g_task_get_task_data (task);
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  const char *uris[2] = { NULL, NULL };

  bus = g_bus_get_finish (result, &error);
  if (bus == NULL)
    {
      g_debug ("No session bus: %s", error->message);
      open_folder (task);
      return;
    }

  uri = g_file_get_uri (data->file);
  uris[0] = uri;
  g_dbus_connection_call (bus,
                          "org.freedesktop.FileManager1",
                          "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1",
                          "ShowItems",
                          g_variant_new ("(^ass)", uris, ""),
                          NULL,
                          G_DBUS_CALL_FLAGS_NONE,
                          -1,
                          g_task_get_cancellable (task),
                          on_show_items_cb,
                          task);
}

void
mc_compat_show_in_folder (GtkWindow           *parent,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  ShowInFolderData *data = g_new0 (ShowInFolderData, 1);

  g_task_set_source_tag (task, mc_compat_show_in_folder);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->file = g_object_ref (file);
  g_task_set_task_data (task, data, (GDestroyNotify) show_in_folder_data_free);
  g_bus_get (G_BUS_TYPE_SESSION, cancellable, on_session_bus_cb, task);
}

#endif

GListModel *
mc_compat_open_files_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GFile *
mc_compat_save_file_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GFile *
mc_compat_select_folder_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
mc_compat_launch_file_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
mc_compat_show_in_folder_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

G_GNUC_END_IGNORE_DEPRECATIONS
