/* mc-window.c: the main window, a sidebar of datasets and the selected one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-window.h"

#include <glib/gi18n.h>

#include "mc-bundled.h"
#include "mc-dataset-row.h"
#include "mc-format.h"
#include "mc-loader.h"
#include "mc-table-view.h"

struct _McWindow
{
  AdwApplicationWindow  parent_instance;

  GListStore           *datasets;
  GCancellable         *cancellable;

  GtkStack             *content_stack;
  GtkLabel             *description_label;
  AdwStatusPage        *empty_page;
  GtkSingleSelection   *selection;
  GtkListView          *sidebar_list;
  GtkLabel             *source_label;
  McTableView          *table_view;
  GtkLabel             *title_label;
  AdwToastOverlay      *toast_overlay;
};

G_DEFINE_FINAL_TYPE (McWindow, mc_window, ADW_TYPE_APPLICATION_WINDOW)

static void
set_label_text (GtkLabel   *label,
                const char *text)
{
  gboolean empty = text == NULL || text[0] == '\0';

  gtk_label_set_label (label, empty ? NULL : text);
  gtk_widget_set_visible (GTK_WIDGET (label), !empty);
}

static char *
dup_source_date (McDataset *dataset)
{
  const char *date = mc_dataset_get_source_date (dataset);
  McDatePrecision precision;
  double days;

  if (date == NULL || date[0] == '\0')
    return NULL;

  if (!mc_format_parse_iso_date (date, &days, &precision))
    return g_strdup (date);

  return mc_format_date (days, precision);
}

/* "Source: NAME, DATE" with the name linked to the source's address. */
static char *
dup_source_markup (McDataset *dataset)
{
  const char *name = mc_dataset_get_source_name (dataset);
  const char *url = mc_dataset_get_source_url (dataset);
  g_autofree char *date = dup_source_date (dataset);
  g_autofree char *source = NULL;

  if (name == NULL || name[0] == '\0')
    return NULL;

  if (url != NULL && url[0] != '\0')
    source = g_markup_printf_escaped ("<a href=\"%s\">%s</a>", url, name);
  else
    source = g_markup_escape_text (name, -1);

  if (date != NULL)
    {
      g_autofree char *escaped_date = g_markup_escape_text (date, -1);

      /* Translators: the source line of a dataset: "Source: NAME, DATE" */
      return g_strdup_printf (_("Source: %s, %s"), source, escaped_date);
    }

  /* Translators: the source line of a dataset without a date */
  return g_strdup_printf (_("Source: %s"), source);
}

static void
mc_window_show_dataset (McWindow  *self,
                        McDataset *dataset)
{
  g_autofree char *source = NULL;

  mc_table_view_set_dataset (self->table_view, dataset);

  if (dataset == NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      gtk_window_set_title (GTK_WINDOW (self), _("Market Charts"));
      return;
    }

  set_label_text (self->title_label, mc_dataset_get_title (dataset));
  set_label_text (self->description_label, mc_dataset_get_description (dataset));

  source = dup_source_markup (dataset);
  gtk_label_set_markup (self->source_label, source != NULL ? source : "");
  gtk_widget_set_visible (GTK_WIDGET (self->source_label), source != NULL);

  gtk_window_set_title (GTK_WINDOW (self), mc_dataset_get_title (dataset));
  gtk_stack_set_visible_child_name (self->content_stack, "dataset");
}

static void
on_selection_selected_item_cb (McWindow *self)
{
  mc_window_show_dataset (self, mc_window_get_selected_dataset (self));
}

static void
mc_window_load_bundled (McWindow *self)
{
  g_autoptr(GPtrArray) bundled = NULL;
  g_autoptr(GError) error = NULL;

  bundled = mc_bundled_load_all (&error);
  if (bundled == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("Could Not Load the Bundled Datasets"));
      adw_status_page_set_description (self->empty_page, error->message);
      return;
    }

  g_list_store_splice (self->datasets, 0, 0, bundled->pdata, bundled->len);
}

static gboolean
find_dataset_for_file (McWindow *self,
                       GFile    *file,
                       guint    *position)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->datasets));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(McDataset) dataset = g_list_model_get_item (G_LIST_MODEL (self->datasets), i);
      GFile *dataset_file = mc_dataset_get_file (dataset);

      if (!mc_dataset_get_bundled (dataset) && dataset_file != NULL &&
          g_file_equal (dataset_file, file))
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
show_open_error (McWindow     *self,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *basename = g_file_get_basename (file);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, error->message);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                     _("Could Not Open “%s”"), basename);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GFile *file = task_data;
  GError *error = NULL;
  McDataset *dataset;

  dataset = mc_loader_load_file (file, cancellable, &error);
  if (dataset == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, dataset, g_object_unref);
}

static void
on_file_loaded_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  McWindow *self = MC_WINDOW (source_object);
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autoptr(McDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  dataset = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (dataset == NULL)
    show_open_error (self, file, error);
  else
    mc_window_add_dataset (self, dataset);
}

static void
mc_window_dispose (GObject *object)
{
  McWindow *self = MC_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_WINDOW);
  g_clear_object (&self->datasets);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (mc_window_parent_class)->dispose (object);
}

static void
mc_window_class_init (McWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_window_dispose;

  g_type_ensure (MC_TYPE_DATASET_ROW);
  g_type_ensure (MC_TYPE_TABLE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/mc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, McWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, McWindow, description_label);
  gtk_widget_class_bind_template_child (widget_class, McWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, McWindow, selection);
  gtk_widget_class_bind_template_child (widget_class, McWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, McWindow, source_label);
  gtk_widget_class_bind_template_child (widget_class, McWindow, table_view);
  gtk_widget_class_bind_template_child (widget_class, McWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, McWindow, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_selected_item_cb);
}

static void
mc_window_init (McWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->datasets = g_list_store_new (MC_TYPE_DATASET);

  mc_window_load_bundled (self);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->datasets));
  mc_window_show_dataset (self, mc_window_get_selected_dataset (self));
}

McWindow *
mc_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (MC_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

GListModel *
mc_window_get_datasets (McWindow *self)
{
  g_return_val_if_fail (MC_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->datasets);
}

McDataset *
mc_window_get_selected_dataset (McWindow *self)
{
  g_return_val_if_fail (MC_IS_WINDOW (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

void
mc_window_select_dataset (McWindow *self,
                          guint     position)
{
  g_return_if_fail (MC_IS_WINDOW (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->datasets)));

  gtk_single_selection_set_selected (self->selection, position);
}

void
mc_window_add_dataset (McWindow  *self,
                       McDataset *dataset)
{
  GFile *file;
  guint position;

  g_return_if_fail (MC_IS_WINDOW (self));
  g_return_if_fail (MC_IS_DATASET (dataset));

  file = mc_dataset_get_file (dataset);
  if (file != NULL && find_dataset_for_file (self, file, &position))
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *escaped = g_markup_escape_text (basename, -1);
      AdwToast *toast;

      g_list_store_splice (self->datasets, position, 1, (gpointer *) &dataset, 1);

      /* Toast titles are markup. Translators: shown when a file already in
       * the sidebar is opened again */
      toast = adw_toast_new_format (_("“%s” reloaded"), escaped);
      adw_toast_set_timeout (toast, 3);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  else
    {
      position = g_list_model_get_n_items (G_LIST_MODEL (self->datasets));
      g_list_store_append (self->datasets, dataset);
    }

  gtk_single_selection_set_selected (self->selection, position);
}

void
mc_window_open_file (McWindow *self,
                     GFile    *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MC_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, self->cancellable, on_file_loaded_cb, NULL);
  g_task_set_source_tag (task, mc_window_open_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_file_thread);
}
