/* mc-window-readers.c: what the window does for files that can be read
 * several ways: the sheet of a workbook, the reading options of a file
 * that opened badly, tables pasted from web pages, the warnings of a
 * reading, and the data written out again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-window-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-compat.h"
#include "mc-loader.h"
#include "mc-reading-options.h"
#include "mc-sheet-chooser.h"
#include "mc-warning-banner.h"
#include "mc-writer.h"

/* Sheets */

static void
on_sheet_chosen_cb (McWindow   *self,
                    GFile      *file,
                    const char *sheet)
{
  const McLoadOptions *current = mc_document_manager_get_load_options (self->manager, file);
  g_autoptr(McLoadOptions) options = mc_load_options_copy (current);

  mc_load_options_set_sheet (options, sheet);
  mc_document_manager_open_file_with_options (self->manager, file, options);
}

static void
on_choose_sheet_cb (McWindow            *self,
                    GFile               *file,
                    const char * const  *sheets)
{
  McSheetChooser *chooser = mc_sheet_chooser_new (GTK_WINDOW (self), file, sheets);

  g_signal_connect_object (chooser, "sheet-chosen", G_CALLBACK (on_sheet_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (chooser));
}

/* Reading options */

static void
on_reading_options_apply_cb (McWindow            *self,
                             GFile               *file,
                             const McLoadOptions *options)
{
  mc_document_manager_open_file_with_options (self->manager, file, options);
}

static void
show_reading_options (McWindow *self,
                      GFile    *file)
{
  const McLoadOptions *options = mc_document_manager_get_load_options (self->manager, file);
  McReadingOptions *dialog = mc_reading_options_new (GTK_WINDOW (self), file, options);

  g_signal_connect_object (dialog, "apply", G_CALLBACK (on_reading_options_apply_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Of the file of the selected document */
static void
reading_options_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  McWindow *self = MC_WINDOW (widget);
  McDataset *dataset = mc_window_get_selected_dataset (self);

  if (dataset != NULL && mc_dataset_get_file (dataset) != NULL)
    show_reading_options (self, mc_dataset_get_file (dataset));
}

/* Of a file given by its URI, which may not have opened */
static void
reading_options_file_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  show_reading_options (MC_WINDOW (widget), file);
}

/* A file that could not be read gets its error, and a way to say how to
 * read it. */
static void
on_open_failed_cb (McWindow          *self,
                   GFile             *file,
                   const char        *heading,
                   const char        *message,
                   McDocumentManager *manager)
{
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *toast = mc_window_add_error_toast (self, heading, message);

  adw_toast_set_button_label (toast, _("_Reading Options…"));
  /* The target first: an action of a parameter wants one when named */
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_set_action_name (toast, "win.reading-options-file");
  g_signal_stop_emission_by_name (manager, "open-failed");
}

/* Pasting tables of web pages */

static void
paste_html (McWindow *self,
            GBytes   *html)
{
  g_autoptr(McLoadOptions) options = mc_load_options_new ();
  g_autoptr(McDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (html, &length);

  mc_load_options_set_format (options, "html");
  /* Translators: the name of a table pasted from the clipboard, used in
   * error messages ("Pasted table:3:7: ...") and as its title */
  dataset = mc_loader_load_data_with_options (data ? data : "", length, _("Pasted table"), NULL,
                                              options, &error);
  /* HTML without a table: what the clipboard holds as text may be one */
  if (g_error_matches (error, MC_LOADER_ERROR, MC_LOADER_ERROR_MISSING))
    mc_window_paste_text (self);
  else if (dataset == NULL)
    mc_window_show_error (self, _("Could Not Paste the Table"), error->message);
  else
    mc_window_select_document (self, mc_document_manager_add_pasted (self->manager, dataset));
}

static void
on_html_spliced_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(McWindow) self = user_data;
  GOutputStream *memory = G_OUTPUT_STREAM (source_object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) html = NULL;

  if (g_output_stream_splice_finish (memory, result, &error) < 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        mc_window_show_error (self, _("Could Not Paste the Table"), error->message);
      return;
    }
  html = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  paste_html (self, html);
}

static void
on_html_read_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(McWindow) self = user_data;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) memory = NULL;
  g_autoptr(GError) error = NULL;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source_object), result, NULL, &error);
  if (stream == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      mc_window_paste_text (self);
      return;
    }
  memory = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (memory, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE
                                | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, G_PRIORITY_DEFAULT,
                                self->cancellable, on_html_spliced_cb, g_object_ref (self));
}

/**
 * mc_window_paste_table:
 *
 * Pastes the table of the clipboard: the HTML of a table copied from a
 * web page or an office suite, which keeps its header rows and spans,
 * else its text (CSV or TSV).
 */
void
mc_window_paste_table (McWindow *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);
  static const char *html_types[] = { "text/html", NULL };

  if (!gdk_content_formats_contain_mime_type (formats, "text/html"))
    {
      mc_window_paste_text (self);
      return;
    }
  gdk_clipboard_read_async (clipboard, html_types, G_PRIORITY_DEFAULT, self->cancellable,
                            on_html_read_cb, g_object_ref (self));
}

/* Warnings */

/**
 * mc_window_show_reading:
 *
 * Shows what reading @dataset (nullable) left out or read otherwise than
 * its cells suggest, over its chart.
 */
void
mc_window_show_reading (McWindow  *self,
                        McDataset *dataset)
{
  McDataset *selected = mc_window_get_selected_dataset (self);
  GFile *file = selected ? mc_dataset_get_file (selected) : NULL;

  mc_warning_banner_set_warnings (self->warning_banner,
                                  dataset ? mc_dataset_get_warnings (dataset) : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-data", dataset != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reading-options",
                                 file != NULL && !mc_dataset_get_bundled (selected));
}

/* Export data */

static GListModel *
create_data_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();

  gtk_file_filter_set_name (csv, _("CSV Table"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_set_name (json, _("Market Charts Dataset (JSON)"));
  gtk_file_filter_add_suffix (json, "json");
  g_list_store_append (filters, csv);
  g_list_store_append (filters, json);
  return G_LIST_MODEL (filters);
}

/**
 * mc_window_export_data:
 * @file: a dataset file (".json") or, by any other name, a CSV table
 *
 * Writes the selected dataset to @file, atomically, and says so in a
 * toast, or why not.
 */
gboolean
mc_window_export_data (McWindow *self,
                       GFile    *file)
{
  McDataset *dataset = mc_window_get_selected_dataset (self);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folded = g_ascii_strdown (name ? name : "", -1);
  g_autofree char *done = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (dataset == NULL)
    return FALSE;
  if (g_str_has_suffix (folded, ".json"))
    ok = mc_writer_write_file (dataset, file, NULL, &error);
  else
    ok = mc_writer_write_table_file (dataset, file, &error);
  if (!ok)
    {
      mc_window_show_error (self, _("Could Not Export the Data"), error->message);
      return FALSE;
    }
  done = g_strdup_printf (_("Data exported to “%s”"), name);
  mc_window_show_message (self, done);
  return TRUE;
}

static void
on_data_file_chosen_cb (GObject      *source_object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(McWindow) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = mc_compat_save_file_finish (result, &error);
  if (file != NULL)
    mc_window_export_data (self, file);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    mc_window_show_error (self, _("Could Not Choose a File"), error->message);
}

static void
export_data_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  McWindow *self = MC_WINDOW (widget);
  McDataset *dataset = mc_window_get_selected_dataset (self);
  g_autoptr(GListModel) filters = create_data_filters ();
  g_autofree char *name = NULL;

  if (dataset == NULL)
    return;
  name = g_strconcat (mc_dataset_get_id (dataset), ".csv", NULL);
  mc_compat_save_file (GTK_WINDOW (self), _("Export Data"), name, filters, self->cancellable,
                       on_data_file_chosen_cb, g_object_ref (self));
}

/* Set-up */

void
mc_window_class_init_readers (GtkWidgetClass *widget_class)
{
  g_type_ensure (MC_TYPE_WARNING_BANNER);
  gtk_widget_class_bind_template_child (widget_class, McWindow, warning_banner);
  gtk_widget_class_install_action (widget_class, "win.reading-options", NULL,
                                   reading_options_action);
  gtk_widget_class_install_action (widget_class, "win.reading-options-file", "s",
                                   reading_options_file_action);
  gtk_widget_class_install_action (widget_class, "win.export-data", NULL, export_data_action);
}

void
mc_window_init_readers (McWindow *self)
{
  g_signal_connect_object (self->manager, "choose-sheet", G_CALLBACK (on_choose_sheet_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->manager, "open-failed", G_CALLBACK (on_open_failed_cb), self,
                           G_CONNECT_SWAPPED);
}
