/* mc-window-edit.c: what the window does with edits: undo and redo,
 * saving, closing with unsaved changes, files changed on disk, drafts
 * kept after a crash, and exporting every chart of a dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-window-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-compat.h"
#include "mc-export.h"
#include "mc-load-progress.h"
#include "mc-report.h"
#include "mc-text.h"

/* Undo and redo */

/* The menu says what undo and redo would do: “Undo Title Change”. */
void
mc_window_update_history (McWindow *self)
{
  McDocument *document = self->shown_document;
  McDataset *dataset = document ? mc_document_get_dataset (document) : NULL;
  const char *undo = document ? mc_document_get_undo_label (document) : NULL;
  const char *redo = document ? mc_document_get_redo_label (document) : NULL;
  g_autofree char *undo_text = NULL;
  g_autofree char *redo_text = NULL;

  /* Translators: a menu item; %s is what it undoes: “Undo Title Change” */
  undo_text = undo != NULL ? g_strdup_printf (_("_Undo %s"), undo) : g_strdup (_("_Undo"));
  /* Translators: a menu item; %s is what it redoes: “Redo Delete Row” */
  redo_text = redo != NULL ? g_strdup_printf (_("_Redo %s"), redo) : g_strdup (_("_Redo"));
  g_menu_remove_all (self->history_section);
  g_menu_append (self->history_section, undo_text, "win.undo");
  g_menu_append (self->history_section, redo_text, "win.redo");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 document != NULL && mc_document_can_undo (document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 document != NULL && mc_document_can_redo (document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-all",
                                 dataset != NULL && mc_dataset_get_n_charts (dataset) > 0);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  McWindow *self = MC_WINDOW (widget);

  if (self->shown_document != NULL)
    mc_document_undo (self->shown_document);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  McWindow *self = MC_WINDOW (widget);

  if (self->shown_document != NULL)
    mc_document_redo (self->shown_document);
}

/* Saving */

/* What to do once a save is done, or was not. */
typedef void (*SavedFunc) (McWindow   *self,
                           McDocument *document,
                           gboolean    saved);

typedef struct
{
  McWindow   *self;
  McDocument *document;
  SavedFunc   then;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_object_unref (job->self);
  g_object_unref (job->document);
  g_free (job);
}

/**
 * mc_window_save_document:
 * @self: a window
 * @document: a document of its sidebar
 * @file: (nullable): where to save it; %NULL for its own file
 * @error: return location for the reason it could not be saved
 *
 * Saves @document, and says so in a toast.
 *
 * Returns: whether it was saved
 */
gboolean
mc_window_save_document (McWindow    *self,
                         McDocument  *document,
                         GFile       *file,
                         GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (MC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (MC_IS_DOCUMENT (document), FALSE);

  if (!mc_document_manager_save (self->manager, document, file, error))
    return FALSE;
  name = mc_text_file_name (mc_document_get_file (document));
  /* Translators: a toast; %s is the name of the file saved */
  message = g_strdup_printf (_("Saved “%s”"), name);
  mc_window_show_message (self, message);
  return TRUE;
}

static gboolean
save_reporting (McWindow   *self,
                McDocument *document,
                GFile      *file)
{
  g_autoptr(GError) error = NULL;

  if (mc_window_save_document (self, document, file, &error))
    return TRUE;
  mc_window_show_error (self, _("Could Not Save the Dataset"), error->message);
  return FALSE;
}

static void
on_save_as_chosen_cb (GObject      *source_object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  SaveJob *job = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved = FALSE;

  file = mc_compat_save_file_finish (result, &error);
  if (file != NULL)
    saved = save_reporting (job->self, job->document, file);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    mc_window_show_error (job->self, _("Could Not Choose a File"), error->message);
  if (job->then != NULL)
    job->then (job->self, job->document, saved);
  save_job_free (job);
}

static GListModel *
create_dataset_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();

  gtk_file_filter_set_name (json, _("Market Charts Datasets"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_suffix (json, "json");
  g_list_store_append (filters, json);
  return G_LIST_MODEL (filters);
}

/* "sales.csv" is saved as "sales.json"; a bundled or pasted dataset
 * under its id. */
static char *
suggest_name (McDocument *document)
{
  GFile *file = mc_document_get_file (document);
  g_autofree char *basename = file != NULL ? g_file_get_basename (file) : NULL;
  char *dot;

  if (basename == NULL)
    return g_strconcat (mc_dataset_get_id (mc_document_get_dataset (document)), ".json", NULL);
  dot = strrchr (basename, '.');
  if (dot != NULL && dot != basename)
    *dot = '\0';
  return g_strconcat (basename, ".json", NULL);
}

static void
save_document_as (McWindow   *self,
                  McDocument *document,
                  SavedFunc   then)
{
  g_autoptr(GListModel) filters = create_dataset_filters ();
  g_autofree char *name = suggest_name (document);
  SaveJob *job = g_new0 (SaveJob, 1);

  job->self = g_object_ref (self);
  job->document = g_object_ref (document);
  job->then = then;
  mc_compat_save_file (GTK_WINDOW (self), _("Save Dataset"), name, filters, self->cancellable,
                       on_save_as_chosen_cb, job);
}

/* Its own file when it has one to save to, else a new one. */
static void
save_document (McWindow   *self,
               McDocument *document,
               SavedFunc   then)
{
  gboolean saved;

  if (!mc_document_manager_can_save (self->manager, document))
    {
      save_document_as (self, document, then);
      return;
    }
  saved = save_reporting (self, document, NULL);
  if (then != NULL)
    then (self, document, saved);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  McWindow *self = MC_WINDOW (widget);

  if (self->shown_document != NULL)
    save_document (self, self->shown_document, NULL);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  McWindow *self = MC_WINDOW (widget);

  if (self->shown_document != NULL)
    save_document_as (self, self->shown_document, NULL);
}

/* Closing with unsaved changes: Save, Discard or Cancel */

static AdwMessageDialog *
unsaved_dialog_new (McWindow   *self,
                    const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
close_when_saved (McWindow   *self,
                  McDocument *document,
                  gboolean    saved)
{
  if (saved)
    mc_window_close_document_now (self, document);
}

static void
on_close_document_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               McWindow         *self)
{
  McDocument *document = g_object_get_data (G_OBJECT (dialog), "mc-document");

  if (g_str_equal (response, "discard"))
    {
      mc_draft_keeper_discard (self->keeper, document);
      mc_window_close_document_now (self, document);
    }
  else if (g_str_equal (response, "save"))
    save_document (self, document, close_when_saved);
}

void
mc_window_ask_close_document (McWindow   *self,
                              McDocument *document)
{
  McDataset *dataset = mc_document_get_dataset (document);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  /* Translators: the question before closing a dataset with unsaved changes */
  body = g_strdup_printf (_("“%s” has unsaved changes. Changes that are not saved are lost."),
                          mc_dataset_get_title (dataset));
  dialog = unsaved_dialog_new (self, body);
  g_object_set_data_full (G_OBJECT (dialog), "mc-document", g_object_ref (document),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_document_response_cb), self,
                           0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The window: every document with unsaved changes */

static GPtrArray *
dirty_documents (McWindow *self)
{
  GListModel *documents = mc_document_manager_get_documents (self->manager);
  GPtrArray *dirty = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      McDocument *document = g_list_model_get_item (documents, i);

      if (mc_document_get_dirty (document))
        g_ptr_array_add (dirty, document);
      else
        g_object_unref (document);
    }
  return dirty;
}

static void
close_window_now (McWindow *self)
{
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* One document after the other; a cancelled or failed save keeps the
 * window open. */
static void
save_next_then_close (McWindow   *self,
                      McDocument *document,
                      gboolean    saved)
{
  g_autoptr(GPtrArray) dirty = NULL;

  if (!saved)
    return;
  dirty = dirty_documents (self);
  if (dirty->len == 0)
    close_window_now (self);
  else
    save_document (self, g_ptr_array_index (dirty, 0), save_next_then_close);
}

static void
on_close_window_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             McWindow         *self)
{
  g_autoptr(GPtrArray) dirty = dirty_documents (self);

  if (g_str_equal (response, "discard"))
    {
      for (guint i = 0; i < dirty->len; i++)
        mc_draft_keeper_discard (self->keeper, g_ptr_array_index (dirty, i));
      close_window_now (self);
    }
  else if (g_str_equal (response, "save"))
    save_next_then_close (self, NULL, TRUE);
}

gboolean
mc_window_ask_before_closing (McWindow *self)
{
  g_autoptr(GPtrArray) dirty = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (self->close_confirmed || self->manager == NULL)
    return FALSE;
  dirty = dirty_documents (self);
  if (dirty->len == 0)
    return FALSE;
  if (dirty->len == 1)
    body = g_strdup_printf (_("“%s” has unsaved changes. Changes that are not saved are lost."),
                            mc_dataset_get_title (mc_document_get_dataset (g_ptr_array_index (dirty,
                                                                                              0))));
  else
    body = g_strdup_printf (ngettext ("%u dataset has unsaved changes. Changes that are not "
                                      "saved are lost.",
                                      "%u datasets have unsaved changes. Changes that are not "
                                      "saved are lost.", dirty->len), dirty->len);
  dialog = unsaved_dialog_new (self, body);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_window_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* Banners: a file changed on disk, drafts kept after a crash */

static GtkWidget *
banner_new (McWindow   *self,
            const char *first_label,
            int         first_response,
            const char *second_label,
            int         second_response,
            GCallback   on_response)
{
  GtkWidget *bar = gtk_info_bar_new ();
  GtkWidget *label = gtk_label_new (NULL);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_info_bar_add_child (GTK_INFO_BAR (bar), label);
  gtk_info_bar_add_button (GTK_INFO_BAR (bar), first_label, first_response);
  gtk_info_bar_add_button (GTK_INFO_BAR (bar), second_label, second_response);
  gtk_info_bar_set_message_type (GTK_INFO_BAR (bar), GTK_MESSAGE_QUESTION);
  gtk_info_bar_set_revealed (GTK_INFO_BAR (bar), FALSE);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_object_set_data (G_OBJECT (bar), "mc-label", label);
  g_signal_connect_swapped (bar, "response", on_response, self);
  gtk_box_insert_child_after (GTK_BOX (self->content), bar, GTK_WIDGET (self->content_header));
  return bar;
}

static void
banner_show (GtkWidget  *bar,
             const char *text)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (text != NULL)
    gtk_label_set_label (g_object_get_data (G_OBJECT (bar), "mc-label"), text);
  gtk_info_bar_set_revealed (GTK_INFO_BAR (bar), text != NULL);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

enum
{
  RESPONSE_RELOAD = 1,
  RESPONSE_KEEP,
  RESPONSE_RESTORE,
  RESPONSE_DISCARD,
};

/* The question of the document shown, if its file changed on disk. */
static void
update_reload_bar (McWindow *self)
{
  McDocument *document = self->shown_document;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (document == NULL || !g_ptr_array_find (self->changed_on_disk, document, NULL)
      || mc_document_get_file (document) == NULL)
    {
      banner_show (self->reload_bar, NULL);
      return;
    }
  name = mc_text_file_name (mc_document_get_file (document));
  /* Translators: a banner; %s is the name of the dataset's file */
  text = g_strdup_printf (_("“%s” changed on disk. Reload it and lose your changes, or keep "
                            "your version?"), name);
  banner_show (self->reload_bar, text);
}

void
mc_window_update_banners (McWindow *self)
{
  update_reload_bar (self);
}

static void
on_changed_on_disk_cb (McWindow   *self,
                       McDocument *document)
{
  if (!g_ptr_array_find (self->changed_on_disk, document, NULL))
    g_ptr_array_add (self->changed_on_disk, g_object_ref (document));
  update_reload_bar (self);
}

static void
on_reload_bar_response_cb (McWindow *self,
                           int       response)
{
  McDocument *document = self->shown_document;

  if (document == NULL || !g_ptr_array_remove (self->changed_on_disk, document))
    return;
  if (response == RESPONSE_RELOAD)
    mc_document_manager_reload (self->manager, document);
  else
    mc_document_manager_keep_edits (self->manager, document);
  update_reload_bar (self);
}

static void
update_drafts_bar (McWindow *self)
{
  GPtrArray *found = mc_draft_keeper_get_found (self->keeper);
  g_autofree char *text = NULL;

  if (found->len == 1)
    /* Translators: drafts a crash left; %s is the dataset's title */
    text = g_strdup_printf (_("Unsaved changes to “%s” were kept when Market Charts last "
                              "closed."), ((McDraft *) g_ptr_array_index (found, 0))->title);
  else if (found->len > 1)
    text = g_strdup_printf (ngettext ("Unsaved changes to %u dataset were kept when Market "
                                      "Charts last closed.",
                                      "Unsaved changes to %u datasets were kept when Market "
                                      "Charts last closed.", found->len), found->len);
  banner_show (self->drafts_bar, text);
}

/**
 * mc_window_restore_drafts:
 * @self: a window
 *
 * Puts back the edits that drafts kept after the program last ended
 * without saving them, and shows the first of their datasets.
 */
void
mc_window_restore_drafts (McWindow *self)
{
  GPtrArray *found = mc_draft_keeper_get_found (self->keeper);
  McDocument *first = NULL;

  for (guint i = 0; i < found->len; i++)
    {
      g_autoptr(GError) error = NULL;
      McDocument *document = mc_draft_keeper_restore (self->keeper, g_ptr_array_index (found, i),
                                                      &error);

      if (document == NULL)
        mc_window_show_error (self, _("Could Not Restore Unsaved Changes"), error->message);
      else if (first == NULL)
        first = document;
    }
  mc_draft_keeper_discard_found (self->keeper);
  update_drafts_bar (self);
  if (first != NULL)
    mc_window_select_document (self, first);
}

static void
on_drafts_bar_response_cb (McWindow *self,
                           int       response)
{
  if (response == RESPONSE_RESTORE)
    {
      mc_window_restore_drafts (self);
      return;
    }
  mc_draft_keeper_discard_found (self->keeper);
  update_drafts_bar (self);
}

static void
on_keeper_error_cb (McWindow   *self,
                    const char *message)
{
  mc_window_show_error (self, _("Could Not Keep a Draft of Unsaved Changes"), message);
}

/* Export All: one PDF report, or a file per chart in a folder */

typedef struct
{
  McDataset      *dataset;    /* a copy: edits go on meanwhile */
  GFile          *target;     /* the report, or the folder */
  gboolean        report;
  McExportFormat  format;
  const char     *font_family;  /* interned; nullable */
  /* How far it has come: the charts written, told by its thread */
  gint            done;
  guint           total;
  gint64          started;
  AdwToastOverlay *overlay;
  AdwToast       *toast;      /* once it is slow */
  guint           progress_id;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_handle_id (&job->progress_id, g_source_remove);
  g_clear_object (&job->toast);
  g_object_unref (job->overlay);
  g_object_unref (job->dataset);
  g_object_unref (job->target);
  g_free (job);
}

/* In the export's thread. */
static void
note_chart_exported (guint    done,
                     guint    total,
                     gpointer user_data)
{
  ExportJob *job = user_data;

  g_atomic_int_set (&job->done, done);
}

/* A toast that says how many charts are written, once the export has
 * taken a quarter of a second. */
static gboolean
on_export_progress_cb (gpointer user_data)
{
  ExportJob *job = user_data;
  guint done = g_atomic_int_get (&job->done);
  g_autofree char *title = NULL;

  if (g_get_monotonic_time () - job->started < MC_PROGRESS_DELAY_US)
    return G_SOURCE_CONTINUE;
  /* Translators: a toast while Export All runs: "Exporting charts: 3 of 7" */
  title = g_strdup_printf (ngettext ("Exporting charts: %u of %u",
                                     "Exporting charts: %u of %u", job->total),
                           done, job->total);
  if (job->toast == NULL)
    {
      job->toast = adw_toast_new (title);
      adw_toast_set_timeout (job->toast, 0);
      /* Over any other toast: it says what is happening now. */
      adw_toast_set_priority (job->toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (job->overlay, g_object_ref (job->toast));
    }
  adw_toast_set_title (job->toast, title);
  return G_SOURCE_CONTINUE;
}

static void
end_export_progress (ExportJob *job)
{
  g_clear_handle_id (&job->progress_id, g_source_remove);
  if (job->toast != NULL)
    adw_toast_dismiss (job->toast);
}

static gboolean
export_files (ExportJob  *job,
              GError    **error)
{
  McExportOptions options;

  mc_export_options_init (&options);
  options.font_family = job->font_family;
  for (guint i = 0; i < mc_dataset_get_n_charts (job->dataset); i++)
    {
      const McChartSpec *spec = mc_dataset_get_chart (job->dataset, i);
      g_autofree char *name = mc_export_chart_file_name (job->dataset, spec->id, job->format);
      g_autoptr(GFile) file = g_file_get_child (job->target, name);
      g_autoptr(McChartModel) chart = mc_chart_model_new (job->dataset, spec, error);

      if (chart == NULL || !mc_export_chart (chart, file, job->format, &options, error))
        return FALSE;
      note_chart_exported (i + 1, job->total, job);
    }
  return TRUE;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;
  gboolean ok;

  if (job->report)
    ok = mc_report_write_with_progress (job->dataset, job->target, mc_paper_get_default (),
                                        job->font_family, note_chart_exported, job, &error);
  else
    ok = export_files (job, &error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_exported_all_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  McWindow *self = MC_WINDOW (source_object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  end_export_progress (job);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    mc_window_show_error (self, _("Could Not Export the Charts"), error->message);
  else
    mc_window_show_exported (self, job->target);
}

/**
 * mc_window_export_all:
 * @self: a window
 * @target: the PDF file of a report, or the folder for a file per chart
 * @report: whether to write a report
 * @format: the format of the files in the folder
 *
 * Writes every chart of the dataset shown, in a thread; a toast says
 * when it is done.
 */
void
mc_window_export_all (McWindow       *self,
                      GFile          *target,
                      gboolean        report,
                      McExportFormat  format)
{
  g_autoptr(GTask) task = NULL;
  McExportOptions options;
  ExportJob *job;

  g_return_if_fail (MC_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (target));

  if (self->shown_document == NULL)
    return;
  job = g_new0 (ExportJob, 1);
  job->dataset = mc_dataset_copy (mc_document_get_dataset (self->shown_document));
  job->target = g_object_ref (target);
  job->report = report;
  job->format = format;
  mc_window_get_export_options (self, &options);
  job->font_family = options.font_family;
  job->total = mc_dataset_get_n_charts (job->dataset);
  job->started = g_get_monotonic_time ();
  job->overlay = g_object_ref (self->toast_overlay);
  job->progress_id = g_timeout_add (MC_PROGRESS_UPDATE_US / 1000, on_export_progress_cb, job);
  task = g_task_new (self, self->cancellable, on_exported_all_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/* Exports to the file or folder a dialog chose, or says why it chose
 * none. */
static void
export_all_to_chosen (McWindow       *self,
                      GFile          *target,
                      const GError   *error,
                      gboolean        report,
                      McExportFormat  format,
                      const char     *failure)
{
  if (target != NULL)
    mc_window_export_all (self, target, report, format);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    mc_window_show_error (self, failure, error->message);
}

static void
on_report_chosen_cb (GObject      *source_object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(McWindow) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = mc_compat_save_file_finish (result, &error);
  export_all_to_chosen (self, file, error, TRUE, MC_EXPORT_PDF, _("Could Not Choose a File"));
}

static void
on_folder_chosen_cb (GObject      *source_object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(McWindow) self = user_data;
  McExportFormat format = GPOINTER_TO_INT (g_object_steal_data (G_OBJECT (self),
                                                                "mc-export-format"));
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;

  folder = mc_compat_select_folder_finish (result, &error);
  export_all_to_chosen (self, folder, error, FALSE, format, _("Could Not Choose a Folder"));
}

static void
on_export_all_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           McWindow         *self)
{
  McDataset *dataset = mc_window_get_selected_dataset (self);
  g_autofree char *name = NULL;

  if (dataset == NULL || g_str_equal (response, "cancel"))
    return;
  if (g_str_equal (response, "pdf"))
    {
      name = g_strconcat (mc_dataset_get_id (dataset), ".pdf", NULL);
      mc_compat_save_file (GTK_WINDOW (self), _("Export All Charts as a Report"), name, NULL,
                           self->cancellable, on_report_chosen_cb, g_object_ref (self));
      return;
    }
  g_object_set_data (G_OBJECT (self), "mc-export-format",
                     GINT_TO_POINTER (g_str_equal (response, "svg") ? MC_EXPORT_SVG
                                                                    : MC_EXPORT_PNG));
  mc_compat_select_folder (GTK_WINDOW (self), _("Export All Charts Into a Folder"),
                           self->cancellable, on_folder_chosen_cb, g_object_ref (self));
}

static void
export_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  McWindow *self = MC_WINDOW (widget);
  McDataset *dataset = mc_window_get_selected_dataset (self);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (dataset == NULL)
    return;
  body = g_strdup_printf (_("Every chart of “%s”: as one PDF report, with a title page and "
                            "a chart a page, or as a file per chart in a folder."),
                          mc_dataset_get_title (dataset));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export All Charts"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "png", _("PN_G Files…"),
                                    "svg", _("_SVG Files…"),
                                    "pdf", _("PDF _Report…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "pdf",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "pdf");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_all_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Set-up */

void
mc_window_class_init_edit (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export-all", NULL, export_all_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
}

void
mc_window_init_edit (McWindow *self)
{
  self->changed_on_disk = g_ptr_array_new_with_free_func (g_object_unref);
  self->keeper = mc_draft_keeper_new (self->manager, NULL);
  g_signal_connect_object (self->keeper, "error", G_CALLBACK (on_keeper_error_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->manager, "changed-on-disk", G_CALLBACK (on_changed_on_disk_cb),
                           self, G_CONNECT_SWAPPED);
  self->reload_bar = banner_new (self, _("_Keep Mine"), RESPONSE_KEEP, _("_Reload"),
                                 RESPONSE_RELOAD, G_CALLBACK (on_reload_bar_response_cb));
  self->drafts_bar = banner_new (self, _("_Discard"), RESPONSE_DISCARD, _("_Restore"),
                                 RESPONSE_RESTORE, G_CALLBACK (on_drafts_bar_response_cb));
  update_drafts_bar (self);
  mc_window_update_history (self);
}

void
mc_window_dispose_edit (McWindow *self)
{
  g_clear_object (&self->keeper);
  g_clear_pointer (&self->changed_on_disk, g_ptr_array_unref);
}
