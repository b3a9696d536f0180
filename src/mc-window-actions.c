/* mc-window-actions.c: what the window does with the files chosen or
 * dropped, the clipboard and the printer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-window-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-chart-content.h"
#include "mc-chart-view.h"
#include "mc-compat.h"
#include "mc-export-dialog.h"
#include "mc-loader.h"
#include "mc-text.h"

/* Print charts at the size CSS pixels have on paper. */
#define POINTS_PER_PIXEL  0.75

/* Open */

/* The kinds of files the readers read, by name and by type. */
static const struct
{
  const char         *name;
  const char * const  mime_types[4];
  const char * const  suffixes[5];
} open_kinds[] = {
  { N_("JSON Datasets and Records"), { "application/json", "application/x-ndjson",
                                       "application/jsonl", NULL },
    { "json", "jsonl", "ndjson", NULL } },
  { N_("CSV and Tab-Separated Tables"), { "text/csv", "text/tab-separated-values", NULL },
    { "csv", "tsv", "txt", NULL } },
  { N_("Spreadsheets (XLSX, ODS)"),
    { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/vnd.oasis.opendocument.spreadsheet", NULL },
    { "xlsx", "xlsm", "ods", NULL } },
  { N_("Web Pages"), { "text/html", "application/xhtml+xml", NULL },
    { "html", "htm", "xhtml", NULL } },
};

static void
add_open_kind (GtkFileFilter *filter,
               guint          kind)
{
  for (guint i = 0; open_kinds[kind].mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, open_kinds[kind].mime_types[i]);
  for (guint i = 0; open_kinds[kind].suffixes[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, open_kinds[kind].suffixes[i]);
}

static GListModel *
create_open_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (all, _("All Tables and Datasets"));
  g_list_store_append (filters, all);
  for (guint i = 0; i < G_N_ELEMENTS (open_kinds); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(open_kinds[i].name));
      add_open_kind (filter, i);
      add_open_kind (all, i);
      g_list_store_append (filters, filter);
    }

  return G_LIST_MODEL (filters);
}

static void
on_files_chosen_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(McWindow) self = user_data;
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GError) error = NULL;

  files = mc_compat_open_files_finish (result, &error);
  if (files == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        mc_window_show_error (self, _("Could Not Choose a File"), error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      mc_window_open_file (self, file);
    }
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  McWindow *self = MC_WINDOW (widget);
  g_autoptr(GListModel) filters = create_open_filters ();

  mc_compat_open_files (GTK_WINDOW (self), _("Open Datasets"), filters, self->cancellable,
                        on_files_chosen_cb, g_object_ref (self));
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            McWindow      *self)
{
  GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));
  gboolean any = files != NULL;

  for (GSList *l = files; l != NULL; l = l->next)
    mc_window_open_file (self, l->data);
  g_slist_free (files);

  return any;
}

/* Close */

static void
close_dataset_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  McWindow *self = MC_WINDOW (widget);
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position != GTK_INVALID_LIST_POSITION)
    mc_window_close_document (self, position);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  McWindow *self = MC_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
}

/* Export */

/* A toast that offers to open a written file or show its folder. */
void
mc_window_show_exported (McWindow *self,
                         GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *name = mc_text_file_name (file);
  g_autofree char *title = g_strdup_printf (_("Exported “%s”"), name);
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Show in _Folder"));
  AdwToast *toast = adw_toast_new (escaped);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-exported");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uri);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);

  adw_toast_set_custom_title (toast, box);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-exported");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_export_finished_cb (McWindow       *self,
                       GFile          *file,
                       const GError   *error,
                       McExportDialog *dialog)
{
  if (error != NULL)
    mc_window_show_error (self, _("Could Not Export the Chart"), error->message);
  else
    mc_window_show_exported (self, file);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  McWindow *self = MC_WINDOW (widget);
  McExportDialog *dialog;

  if (self->chart == NULL)
    return;

  dialog = mc_export_dialog_new (GTK_WINDOW (self), self->chart,
                                 mc_chart_view_get_options (MC_CHART_VIEW (self->chart_view)),
                                 self->settings);
  g_signal_connect_object (dialog, "finished", G_CALLBACK (on_export_finished_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_launched_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(McWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mc_compat_launch_file_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    mc_window_show_error (self, _("Could Not Open the File"), error->message);
}

static void
open_exported_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  McWindow *self = MC_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  mc_compat_launch_file (GTK_WINDOW (self), file, self->cancellable,
                         on_launched_cb, g_object_ref (self));
}

static void
on_shown_in_folder_cb (GObject      *source_object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(McWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mc_compat_show_in_folder_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    mc_window_show_error (self, _("Could Not Show the Folder"), error->message);
}

static void
show_exported_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  McWindow *self = MC_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  mc_compat_show_in_folder (GTK_WINDOW (self), file, self->cancellable,
                            on_shown_in_folder_cb, g_object_ref (self));
}

/* Copy, paste and drag */

/* Copies and drags are rendered as the export dialog last exported,
 * with the series the chart view shows; Export All takes its font. */
void
mc_window_get_export_options (McWindow        *self,
                              McExportOptions *options)
{
  if (self->settings != NULL)
    mc_export_dialog_load_options (self->settings, mc_window_get_font_family (self), options);
  else
    {
      mc_export_options_init (options);
      options->font_family = mc_window_get_font_family (self);
    }
  options->view = mc_chart_view_get_options (MC_CHART_VIEW (self->chart_view));
}

static GdkContentProvider *
create_chart_content (McWindow  *self,
                      GError   **error)
{
  McExportOptions options;

  mc_window_get_export_options (self, &options);

  return mc_chart_content_new (self->chart, &options, error);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  McWindow *self = MC_WINDOW (widget);
  g_autoptr(GdkContentProvider) content = NULL;
  g_autoptr(GError) error = NULL;

  if (self->chart == NULL)
    return;

  content = create_chart_content (self, &error);
  if (content == NULL)
    {
      mc_window_show_error (self, _("Could Not Copy the Chart"), error->message);
      return;
    }

  gdk_clipboard_set_content (gtk_widget_get_clipboard (widget), content);
  mc_window_show_message (self, _("Chart copied, with its data"));
}

static void
paste_text_table (McWindow   *self,
                  const char *text)
{
  g_autoptr(McDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  /* Translators: the name of a table pasted from the clipboard, used in
   * error messages ("Pasted table:3:7: ...") and as its title */
  dataset = mc_loader_load_data (text, strlen (text), _("Pasted table"), NULL, &error);
  if (dataset == NULL)
    {
      mc_window_show_error (self, _("Could Not Paste the Table"), error->message);
      return;
    }

  mc_window_select_document (self, mc_document_manager_add_pasted (self->manager, dataset));
}

static void
on_clipboard_text_cb (GObject      *source_object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(McWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source_object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (text == NULL || text[0] == '\0')
    {
      mc_window_show_error (self, _("Nothing to Paste"),
                            _("The clipboard holds no text. Copy a table with a header row "
                              "from a spreadsheet or a web page, then paste it here."));
      return;
    }

  paste_text_table (self, text);
}

/* The clipboard's text, as CSV or TSV. */
void
mc_window_paste_text (McWindow *self)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->cancellable,
                                 on_clipboard_text_cb, g_object_ref (self));
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  mc_window_paste_table (MC_WINDOW (widget));
}

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    McWindow      *self)
{
  g_autoptr(GError) error = NULL;
  GdkContentProvider *content;

  /* A zoomed chart pans when dragged. */
  if (self->chart == NULL || mc_chart_view_get_zoomed (MC_CHART_VIEW (self->chart_view)))
    return NULL;

  content = create_chart_content (self, &error);
  if (content == NULL)
    mc_window_show_error (self, _("Could Not Drag the Chart"), error->message);

  return content;
}

/* A thumbnail of the chart follows the pointer. */
static void
on_drag_begin_cb (GtkDragSource *source,
                  GdkDrag       *drag,
                  McWindow      *self)
{
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  McExportOptions options;

  if (self->chart == NULL)
    return;

  mc_window_get_export_options (self, &options);
  options.height = MAX (MC_EXPORT_MIN_SIZE, 240 * options.height / options.width);
  options.width = 240;
  options.scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  png = mc_export_chart_to_bytes (self->chart, MC_EXPORT_PNG, &options, NULL);
  if (png != NULL)
    texture = gdk_texture_new_from_bytes (png, NULL);
  if (texture != NULL)
    gtk_drag_source_set_icon (source, GDK_PAINTABLE (texture),
                              (int) options.width / 2, (int) options.height / 2);
}

/* Print */

/* What a print job draws: the chart as the view shows it, whatever the
 * window does meanwhile. */
typedef struct
{
  McChartModel  *chart;
  McViewOptions  view;
  const char    *font_family;   /* interned; nullable */
} PrintJob;

static void
print_job_free (gpointer  data,
                GClosure *closure)
{
  PrintJob *job = data;

  g_object_unref (job->chart);
  mc_view_options_clear (&job->view);
  g_free (job);
}

/* At the shape of the export size, as wide as the page allows. */
static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double page_width = gtk_print_context_get_width (context);
  double page_height = gtk_print_context_get_height (context);
  double aspect = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (operation), "mc-aspect")) / 1000.0;
  double width = page_width / POINTS_PER_PIXEL;
  double height = width / aspect;
  g_autoptr(McTheme) theme = mc_theme_new (MC_THEME_LIGHT);
  g_autoptr(McMarks) marks = NULL;

  if (job->font_family != NULL)
    mc_theme_use_font_family (theme, job->font_family);
  if (height * POINTS_PER_PIXEL > page_height)
    {
      height = page_height / POINTS_PER_PIXEL;
      width = height * aspect;
    }

  cairo_translate (cr, (page_width - width * POINTS_PER_PIXEL) / 2, 0);
  cairo_scale (cr, POINTS_PER_PIXEL, POINTS_PER_PIXEL);
  marks = mc_chart_render (job->chart, &job->view, cr, width, height, theme);
}

GtkPrintOperation *
mc_window_create_print_operation (McWindow *self)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  McExportOptions options;
  PrintJob *job;

  g_return_val_if_fail (MC_IS_WINDOW (self), NULL);

  if (self->chart == NULL)
    return NULL;

  mc_window_get_export_options (self, &options);
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_LANDSCAPE);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, mc_chart_model_get_title (self->chart));
  g_object_set_data (G_OBJECT (operation), "mc-aspect",
                     GUINT_TO_POINTER ((guint) (1000 * options.width / options.height)));
  job = g_new0 (PrintJob, 1);
  job->chart = g_object_ref (self->chart);
  mc_view_options_copy (&job->view, options.view);
  job->font_family = options.font_family;
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page_cb),
                         job, print_job_free, 0);

  return operation;
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  McWindow                *self)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;

  gtk_print_operation_get_error (operation, &error);
  mc_window_show_error (self, _("Could Not Print the Chart"), error->message);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  McWindow *self = MC_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = mc_window_create_print_operation (self);
  g_autoptr(GError) error = NULL;

  if (operation == NULL)
    return;

  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), self, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    mc_window_show_error (self, _("Could Not Print the Chart"), error->message);
}

/* Set-up */

void
mc_window_class_init_actions (GtkWidgetClass *widget_class)
{
  static const struct
  {
    guint       key;
    const char *action;
  } shortcuts[] = {
    { GDK_KEY_o, "win.open" },
    { GDK_KEY_w, "win.close-dataset" },
    { GDK_KEY_e, "win.export" },
    { GDK_KEY_c, "win.copy" },
    { GDK_KEY_v, "win.paste" },
    { GDK_KEY_p, "win.print" },
  };

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.close-dataset", NULL, close_dataset_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "win.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.open-exported", "s", open_exported_action);
  gtk_widget_class_install_action (widget_class, "win.show-exported", "s", show_exported_action);

  /* Bindings, not application accelerators: a focused widget that copies
   * or pastes text itself gets Ctrl+C and Ctrl+V first. */
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_widget_class_add_binding_action (widget_class, shortcuts[i].key, GDK_CONTROL_MASK,
                                         shortcuts[i].action, NULL);
}

void
mc_window_init_actions (McWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  GtkDragSource *drag = gtk_drag_source_new ();

  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->toast_overlay), GTK_EVENT_CONTROLLER (drop));

  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare_cb), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  gtk_widget_add_controller (self->chart_view, GTK_EVENT_CONTROLLER (drag));
}
