/* mc-window.c: the main window, a sidebar of datasets and the selected one
 *
 * The layout, the documents and their charts live here; what the actions
 * do with the clipboard, drops, exports and the printer is in
 * mc-window-actions.c. Files, loading, watching and reloading belong to
 * the document manager: the window only shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-window-private.h"

#include <glib/gi18n.h>

#include "mc-application.h"
#include "mc-chart-view.h"
#include "mc-dataset-row.h"
#include "mc-font.h"
#include "mc-format.h"
#include "mc-load-progress.h"
#include "mc-table-view.h"

/* Below this width the sidebar folds away and shows instead of the
 * content when asked for; content narrower than SWITCHER_WIDTH moves the
 * Chart / Table switcher from the header bar to the bottom. */
#define FOLD_WIDTH      720
#define SWITCHER_WIDTH  520
/* Content narrower than this has the chart editor under the chart. */
#define EDITOR_SIDE_WIDTH 800

G_DEFINE_FINAL_TYPE (McWindow, mc_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SHOW_SIDEBAR,
  PROP_SHOW_EDITOR,
  PROP_VISION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Layout */

static void
mc_window_update_layout (McWindow *self)
{
  gboolean sidebar = self->show_sidebar;
  gboolean content = !self->folded || !sidebar;

  gtk_widget_set_visible (self->sidebar, sidebar);
  gtk_widget_set_visible (self->content, content);

  /* Window buttons go to whichever header bar is at that end. */
  adw_header_bar_set_show_end_title_buttons (self->sidebar_header, !content);
  adw_header_bar_set_show_start_title_buttons (self->content_header, !sidebar);
  gtk_widget_set_visible (self->sidebar_close_button, !content);

  gtk_stack_set_visible_child_name (self->title_stack, self->compact ? "title" : "switcher");
  adw_view_switcher_bar_set_reveal (self->switcher_bar, self->compact);

  /* On narrow windows the editor is a sheet under the chart. */
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->editor_paned),
                                  self->editor_below ? GTK_ORIENTATION_VERTICAL
                                                     : GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_visible (GTK_WIDGET (self->chart_editor), self->show_editor);
}

static gboolean
editor_goes_below (McWindow *self,
                   int       content_width)
{
  return content_width < EDITOR_SIDE_WIDTH;
}

static void
set_folded (McWindow *self,
            gboolean  folded)
{
  if (folded == self->folded)
    return;

  self->folded = folded;
  if (folded && self->show_sidebar)
    {
      self->sidebar_folded_away = TRUE;
      mc_window_set_show_sidebar (self, FALSE);
    }
  else if (!folded && self->sidebar_folded_away)
    {
      self->sidebar_folded_away = FALSE;
      mc_window_set_show_sidebar (self, TRUE);
    }
}

static gboolean
update_layout_idle_cb (gpointer user_data)
{
  McWindow *self = MC_WINDOW (user_data);

  self->layout_idle_id = 0;

  set_folded (self, gtk_widget_get_width (GTK_WIDGET (self->toast_overlay)) < FOLD_WIDTH);
  self->compact = gtk_widget_get_visible (self->content) &&
                  gtk_widget_get_width (self->content) < SWITCHER_WIDTH;
  self->editor_below = editor_goes_below (self, gtk_widget_get_width (self->content));
  mc_window_update_layout (self);

  return G_SOURCE_REMOVE;
}

/* Before the first allocation, from the size the window will have: a
 * window that starts narrow must not measure the wide layout first, or it
 * would never get narrower than that. */
static void
init_layout (McWindow *self)
{
  int width;
  int height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  set_folded (self, width < FOLD_WIDTH);
  if (self->show_sidebar)
    width -= gtk_paned_get_position (self->paned);
  self->compact = width < SWITCHER_WIDTH;
  self->editor_below = editor_goes_below (self, width);
  mc_window_update_layout (self);
}

/* Widths are known only once allocated; the layout changes in an idle
 * right after, since widgets may not be shown or hidden while the window
 * allocates them. */
static void
mc_window_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  McWindow *self = MC_WINDOW (widget);
  int overlay_width;
  gboolean compact;

  GTK_WIDGET_CLASS (mc_window_parent_class)->size_allocate (widget, width, height, baseline);

  overlay_width = gtk_widget_get_width (GTK_WIDGET (self->toast_overlay));
  compact = gtk_widget_get_visible (self->content) &&
            gtk_widget_get_width (self->content) < SWITCHER_WIDTH;

  if (self->layout_idle_id == 0 &&
      ((overlay_width < FOLD_WIDTH) != self->folded || compact != self->compact
       || editor_goes_below (self, gtk_widget_get_width (self->content)) != self->editor_below))
    self->layout_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_layout_idle_cb,
                                            self, NULL);
}

gboolean
mc_window_get_show_sidebar (McWindow *self)
{
  g_return_val_if_fail (MC_IS_WINDOW (self), FALSE);

  return self->show_sidebar;
}

void
mc_window_set_show_sidebar (McWindow *self,
                            gboolean  show_sidebar)
{
  g_return_if_fail (MC_IS_WINDOW (self));

  show_sidebar = !!show_sidebar;
  if (show_sidebar == self->show_sidebar)
    return;

  self->show_sidebar = show_sidebar;
  if (!self->folded)
    self->sidebar_folded_away = FALSE;
  mc_window_update_layout (self);

  /* Folded, the sidebar replaces the content: the focus goes with it. */
  if (self->folded && show_sidebar)
    gtk_widget_grab_focus (GTK_WIDGET (self->sidebar_list));
  else if (self->folded)
    gtk_widget_child_focus (self->content, GTK_DIR_TAB_FORWARD);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SIDEBAR]);
}

gboolean
mc_window_get_show_editor (McWindow *self)
{
  g_return_val_if_fail (MC_IS_WINDOW (self), FALSE);

  return self->show_editor;
}

void
mc_window_set_show_editor (McWindow *self,
                           gboolean  show_editor)
{
  g_return_if_fail (MC_IS_WINDOW (self));

  show_editor = !!show_editor;
  if (show_editor == self->show_editor)
    return;

  self->show_editor = show_editor;
  mc_window_update_layout (self);
  /* The chart shows on the chart page, where its editor is. */
  if (show_editor)
    adw_view_stack_set_visible_child_name (self->view_stack, "chart");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_EDITOR]);
}

/* Picking a dataset in the folded sidebar shows it. */
static void
hide_folded_sidebar (McWindow *self)
{
  if (self->folded && self->show_sidebar)
    mc_window_set_show_sidebar (self, FALSE);
}

static void
on_sidebar_list_activate_cb (McWindow *self,
                             guint     position)
{
  hide_folded_sidebar (self);
}

static gboolean
hide_folded_sidebar_idle_cb (gpointer user_data)
{
  McWindow *self = MC_WINDOW (user_data);

  self->hide_sidebar_idle_id = 0;
  hide_folded_sidebar (self);

  return G_SOURCE_REMOVE;
}

/* The row selects itself when the release reaches it, after this
 * handler: the sidebar folds away once it has. */
static void
on_sidebar_click_released_cb (GtkGestureClick *gesture,
                              int              n_press,
                              double           x,
                              double           y,
                              McWindow        *self)
{
  if (self->folded && self->hide_sidebar_idle_id == 0)
    self->hide_sidebar_idle_id = g_idle_add (hide_folded_sidebar_idle_cb, self);
}

/* The sidebar rows: the dataset of a document, and a close button for
 * opened ones. */

static void
on_close_button_clicked_cb (GtkButton   *button,
                            GtkListItem *list_item)
{
  McWindow *self = MC_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));

  if (gtk_list_item_get_item (list_item) != NULL)
    mc_window_close_document (self, gtk_list_item_get_position (list_item));
}

/* The button follows the dataset, which a reload of its file replaces. */
static void
on_row_dataset_notify_cb (McDatasetRow *row,
                          GParamSpec   *pspec,
                          GtkWidget    *button)
{
  McDataset *dataset = mc_dataset_row_get_dataset (row);
  g_autofree char *label = NULL;

  if (dataset == NULL)
    return;

  gtk_widget_set_visible (button, !mc_dataset_get_bundled (dataset));

  /* Translators: the close button of a dataset in the sidebar */
  label = g_strdup_printf (_("Close “%s”"), mc_dataset_get_title (dataset));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *row = mc_dataset_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("window-close-symbolic");
  GtkExpression *expression;

  gtk_widget_set_hexpand (row, TRUE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_tooltip_text (button, _("Close Dataset"));
  g_signal_connect (button, "clicked", G_CALLBACK (on_close_button_clicked_cb), list_item);
  g_signal_connect (row, "notify::dataset", G_CALLBACK (on_row_dataset_notify_cb), button);

  /* The row follows its document: the dataset of the last load or edit,
   * and whether it has unsaved changes. */
  expression = gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item");
  gtk_expression_bind (expression, row, "document", list_item);

  gtk_box_append (GTK_BOX (box), row);
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_item_set_child (list_item, box);
}

static void
mc_window_setup_sidebar (McWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), NULL);
  gtk_list_view_set_factory (self->sidebar_list, factory);

  /* A click that ends on a row has picked it. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "released", G_CALLBACK (on_sidebar_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->sidebar_list), GTK_EVENT_CONTROLLER (click));
}

/* The dataset shown last time: a bundled one by id, an opened file by
 * URI. */
static char *
dup_remembered (McDocument *document)
{
  McDataset *dataset = mc_document_get_dataset (document);
  GFile *file = mc_document_get_file (document);

  if (mc_dataset_get_bundled (dataset))
    return g_strdup (mc_dataset_get_id (dataset));
  if (file != NULL)
    return g_file_get_uri (file);
  return g_strdup ("");
}

static void
remember_selection (McWindow   *self,
                    McDocument *document)
{
  g_autofree char *value = NULL;

  if (self->settings == NULL || self->restoring || document == NULL)
    return;

  value = dup_remembered (document);
  g_settings_set_string (self->settings, "last-dataset", value);
}

static gboolean
select_remembered (McWindow   *self,
                   const char *value)
{
  GListModel *documents = mc_document_manager_get_documents (self->manager);
  guint n_items = g_list_model_get_n_items (documents);

  for (guint i = 0; value != NULL && value[0] != '\0' && i < n_items; i++)
    {
      g_autoptr(McDocument) document = g_list_model_get_item (documents, i);
      g_autofree char *remembered = dup_remembered (document);

      if (g_strcmp0 (remembered, value) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }

  return FALSE;
}

/* The selected dataset */

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
show_chart_status (McWindow   *self,
                   const char *title,
                   const char *description)
{
  adw_status_page_set_title (self->chart_status, title);
  adw_status_page_set_description (self->chart_status, description);
  gtk_stack_set_visible_child_name (self->chart_stack, "status");
}

static void
set_chart (McWindow     *self,
           McChartModel *chart)
{
  g_set_object (&self->chart, chart);
  g_object_set (self->chart_view, "chart", chart, NULL);
  mc_window_update_actions (self);
}

static McDataset *
get_shown_dataset (McWindow *self)
{
  return self->shown_document != NULL ? mc_document_get_dataset (self->shown_document) : NULL;
}

static void show_chart_model (McWindow *self,
                              guint     index);

/* The editor edits the chart on screen, also one that cannot be drawn. */
static void
edit_chart (McWindow *self,
            guint     index)
{
  McDataset *dataset = get_shown_dataset (self);
  const char *id = NULL;

  if (dataset != NULL && index < mc_dataset_get_n_charts (dataset))
    id = mc_dataset_get_chart (dataset, index)->id;
  mc_chart_editor_set_chart (self->chart_editor, self->shown_document, id, self->chart);
}

static void
show_chart (McWindow *self,
            guint     index)
{
  show_chart_model (self, index);
  edit_chart (self, index);
}

/* A card of the dashboard opens its chart. */
static void
on_dashboard_chart_activated_cb (McWindow *self,
                                 guint     index)
{
  McDataset *dataset = get_shown_dataset (self);

  if (dataset == NULL || index >= mc_dataset_get_n_charts (dataset))
    return;
  mc_window_select_chart (self, index);
  adw_view_stack_set_visible_child_name (self->view_stack, "chart");
}

static void
on_chart_added_cb (McWindow   *self,
                   const char *id)
{
  McDataset *dataset = get_shown_dataset (self);
  int index = dataset != NULL ? mc_dataset_get_chart_index (dataset, id) : -1;

  if (index >= 0)
    mc_window_select_chart (self, index);
}

static void
show_chart_model (McWindow *self,
                  guint     index)
{
  McDataset *dataset = get_shown_dataset (self);
  g_autoptr(McChartModel) chart = NULL;
  g_autoptr(GError) error = NULL;

  if (dataset == NULL || index >= mc_dataset_get_n_charts (dataset))
    {
      set_chart (self, NULL);
      show_chart_status (self, _("No Charts"),
                         _("This dataset does not describe any chart. Its data is in the table."));
      return;
    }

  /* After an edit, the chart shown is of the dataset just before it. */
  if (self->edit_change != NULL && self->chart != NULL)
    chart = mc_chart_model_new_edited (self->chart, dataset, mc_dataset_get_chart (dataset, index),
                                       self->edit_change, &error);
  else
    chart = mc_chart_model_new (dataset, mc_dataset_get_chart (dataset, index), &error);
  if (chart == NULL)
    {
      set_chart (self, NULL);
      show_chart_status (self, _("Cannot Draw This Chart"), error->message);
      return;
    }

  set_chart (self, chart);
  gtk_stack_set_visible_child_name (self->chart_stack, "chart");
}

static const char *
get_chart_title (const McChartSpec *spec)
{
  return spec->title != NULL && spec->title[0] != '\0' ? spec->title : spec->id;
}

/* A reloaded dataset keeps showing the chart it showed, by id. */
static guint
find_chart_to_show (McDataset  *dataset,
                    const char *previous_id)
{
  guint n_charts = mc_dataset_get_n_charts (dataset);

  for (guint i = 0; previous_id != NULL && i < n_charts; i++)
    {
      if (g_strcmp0 (mc_dataset_get_chart (dataset, i)->id, previous_id) == 0)
        return i;
    }

  return 0;
}

static void
show_charts (McWindow   *self,
             McDataset  *dataset,
             const char *previous_id)
{
  guint n_charts = mc_dataset_get_n_charts (dataset);
  g_autofree const char **titles = g_new0 (const char *, n_charts + 1);
  g_autofree const char **names = g_new0 (const char *, n_charts + 1);
  guint index = find_chart_to_show (dataset, previous_id);

  for (guint i = 0; i < n_charts; i++)
    {
      const McChartSpec *spec = mc_dataset_get_chart (dataset, i);
      const char *short_title = mc_chart_spec_get_string (spec, "short_title");

      titles[i] = get_chart_title (spec);
      names[i] = short_title != NULL && *short_title != '\0' ? short_title : titles[i];
    }
  mc_chart_switcher_set_titles (self->chart_switcher, titles, names, index);
  show_chart (self, index);
}

static void
on_chart_switcher_selected_cb (McWindow *self)
{
  guint selected = mc_chart_switcher_get_selected (self->chart_switcher);

  if (selected != GTK_INVALID_LIST_POSITION)
    show_chart (self, selected);
}

/* Ctrl+Page Down and Up step to the next and the previous chart, as
 * they step through the tabs of GNOME's applications. */
static void
step_chart_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  McWindow *self = MC_WINDOW (widget);
  guint n_charts = mc_chart_switcher_get_n_charts (self->chart_switcher);
  guint selected = mc_chart_switcher_get_selected (self->chart_switcher);
  int step = g_variant_get_int32 (parameter);

  if (selected == GTK_INVALID_LIST_POSITION)
    return;
  if ((step < 0 && selected > 0) || (step > 0 && selected + 1 < n_charts))
    mc_chart_switcher_set_selected (self->chart_switcher, selected + (step < 0 ? -1 : 1));
}

static void
show_dataset_details (McWindow  *self,
                      McDataset *dataset)
{
  g_autofree char *source = dup_source_markup (dataset);

  g_autofree char *title = NULL;

  set_label_text (self->title_label, mc_dataset_get_title (dataset));
  set_label_text (self->description_label, mc_dataset_get_description (dataset));
  gtk_label_set_markup (self->source_label, source != NULL ? source : "");
  gtk_widget_set_visible (GTK_WIDGET (self->source_label), source != NULL);

  /* Translators: the window's title for a dataset with unsaved changes */
  title = mc_document_get_dirty (self->shown_document)
          ? g_strdup_printf (_("• %s"), mc_dataset_get_title (dataset))
          : g_strdup (mc_dataset_get_title (dataset));
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
}

/* Saved, or undone back to where it was saved. */
static void
on_shown_document_dirty_cb (McWindow *self)
{
  show_dataset_details (self, mc_document_get_dataset (self->shown_document));
  mc_window_update_actions (self);
}

static void on_shown_document_changed_cb (McWindow       *self,
                                          const McChange *change,
                                          McDocument     *document);

/* The table and the cards of all charts are filled when they show, not
 * with every dataset shown: the rows of a table, or every chart drawn
 * once more, take longer than the rest of the window. A hidden table
 * keeps the dataset it shows, so that coming back to it finds it as it
 * was left, scrolled and focused: an edit of a cell is cheap to follow,
 * though a reload or a change of columns rebuilds its columns (their
 * rows are made as they scroll into view); the cards, drawn again on
 * every change, are let go. */
static void
update_table (McWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (page, "table") == 0)
    mc_table_view_set_document (self->table_view, self->shown_document);
  else if (mc_table_view_get_document (self->table_view) != self->shown_document)
    mc_table_view_set_document (self->table_view, NULL);
  mc_dashboard_set_document (self->dashboard,
                             g_strcmp0 (page, "charts") == 0 ? self->shown_document : NULL);
}

static void
set_shown_document (McWindow   *self,
                    McDocument *document)
{
  if (mc_document_follow (&self->shown_document, document,
                          G_CALLBACK (on_shown_document_changed_cb), self)
      && document != NULL)
    g_signal_connect_object (document, "notify::dirty", G_CALLBACK (on_shown_document_dirty_cb),
                             self, G_CONNECT_SWAPPED);
  if (self->reload_bar != NULL)
    mc_window_update_banners (self);
}

/* Another document starts at its first chart; the document shown, once
 * changed, keeps showing the chart it showed, by id. */
static void
mc_window_show_document (McWindow   *self,
                         McDocument *document)
{
  g_autofree char *previous_chart = NULL;
  McDataset *dataset;

  if (document != self->shown_document)
    set_shown_document (self, document);
  else if (self->chart != NULL)
    previous_chart = g_strdup (mc_chart_model_get_spec (self->chart)->id);

  dataset = get_shown_dataset (self);
  update_table (self);
  mc_window_show_reading (self, dataset);

  if (dataset == NULL)
    {
      set_chart (self, NULL);
      edit_chart (self, 0);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      gtk_window_set_title (GTK_WINDOW (self), _("Market Charts"));
      adw_window_title_set_title (self->window_title, _("Market Charts"));
      return;
    }

  show_dataset_details (self, dataset);
  show_charts (self, dataset, previous_chart);
  gtk_stack_set_visible_child_name (self->content_stack, "dataset");
}

/* Reloaded (or edited): the dataset is shown again, once per change. */
static void
on_shown_document_changed_cb (McWindow       *self,
                              const McChange *change,
                              McDocument     *document)
{
  self->edit_change = change;
  mc_window_show_document (self, document);
  self->edit_change = NULL;
  mc_window_update_actions (self);
}

static void
on_selection_selected_item_cb (McWindow *self)
{
  McDocument *document = mc_window_get_selected_document (self);

  mc_window_show_document (self, document);
  mc_window_update_actions (self);
  remember_selection (self, document);

  /* Picked before the recent files were back: that choice stands. */
  if (!self->restoring)
    g_clear_pointer (&self->pending_selection, g_free);
}

void
mc_window_update_actions (McWindow *self)
{
  McDataset *dataset = mc_window_get_selected_dataset (self);
  gboolean has_chart = self->chart != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_chart);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy", has_chart);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_chart);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-dataset",
                                 dataset != NULL && !mc_dataset_get_bundled (dataset));
  mc_window_update_history (self);
}

/* The documents */

static void
mc_window_add_bundled (McWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!mc_document_manager_add_bundled (self->manager, &error))
    {
      adw_status_page_set_title (self->empty_page, _("Could Not Load the Bundled Datasets"));
      adw_status_page_set_description (self->empty_page, error->message);
    }
}

void
mc_window_select_document (McWindow   *self,
                           McDocument *document)
{
  guint position;

  if (mc_document_manager_find_document (self->manager, document, &position))
    gtk_single_selection_set_selected (self->selection, position);
}

/* Unsaved changes are asked about first. */
void
mc_window_close_document (McWindow *self,
                          guint     position)
{
  GListModel *documents = mc_document_manager_get_documents (self->manager);
  g_autoptr(McDocument) document = g_list_model_get_item (documents, position);

  if (document == NULL)
    return;
  if (mc_document_get_dirty (document))
    mc_window_ask_close_document (self, document);
  else
    mc_window_close_document_now (self, document);
}

void
mc_window_close_document_now (McWindow   *self,
                              McDocument *document)
{
  guint position;

  if (!mc_document_manager_find_document (self->manager, document, &position)
      || !mc_document_manager_close (self->manager, document))
    return;

  if (position > 0)
    gtk_single_selection_set_selected (self->selection, position - 1);
}

/* Unless something else was picked meanwhile. */
static void
on_manager_restored_cb (McWindow *self)
{
  if (self->pending_selection == NULL)
    return;

  self->restoring = TRUE;
  select_remembered (self, self->pending_selection);
  self->restoring = FALSE;
  g_clear_pointer (&self->pending_selection, g_free);
}

/* Files being opened */

/* (transfer full): the file asked for last, or NULL */
static McFileLoad *
dup_newest_load (McWindow *self)
{
  GListModel *loads = mc_document_manager_get_loads (self->manager);
  guint n_loads = g_list_model_get_n_items (loads);

  return n_loads > 0 ? g_list_model_get_item (loads, n_loads - 1) : NULL;
}

static gboolean
showing_loading (McWindow *self)
{
  return gtk_stack_get_visible_child (self->content_stack) == GTK_WIDGET (self->loading_view);
}

/* The newest load, in place of the content, which comes back when the
 * load ends (or the opened file's, when it succeeds). */
static void
show_loading (McWindow   *self,
              McFileLoad *load)
{
  if (!showing_loading (self))
    {
      self->page_before_loading = gtk_stack_get_visible_child (self->content_stack);
      gtk_stack_set_visible_child (self->content_stack, GTK_WIDGET (self->loading_view));
    }
  mc_loading_view_set_load (self->loading_view, load);
}

static void
hide_loading (McWindow *self)
{
  g_clear_handle_id (&self->loading_timeout_id, g_source_remove);
  mc_loading_view_set_load (self->loading_view, NULL);
  if (showing_loading (self) && self->page_before_loading != NULL)
    gtk_stack_set_visible_child (self->content_stack, self->page_before_loading);
}

static void
on_loading_timeout_cb (gpointer user_data)
{
  McWindow *self = user_data;
  g_autoptr(McFileLoad) load = dup_newest_load (self);

  self->loading_timeout_id = 0;
  if (load != NULL)
    show_loading (self, load);
}

/* A file starts or stops loading. A quick one is never shown. */
static void
on_loads_changed_cb (McWindow *self)
{
  g_autoptr(McFileLoad) load = dup_newest_load (self);
  gint64 waited;

  if (load == NULL)
    hide_loading (self);
  else if (showing_loading (self))
    show_loading (self, load);
  else if (self->loading_timeout_id == 0)
    {
      waited = mc_file_load_get_elapsed (load) / 1000;
      self->loading_timeout_id = g_timeout_add_once (MAX (0, MC_PROGRESS_DELAY_US / 1000 - waited),
                                                     on_loading_timeout_cb, self);
    }
}

/* The manager's reports go to toasts; an opened file is selected; files
 * that take long to open show their progress. */
static void
mc_window_setup_manager (McWindow *self)
{
  self->manager = mc_document_manager_new (self->settings);
  g_signal_connect_object (self->manager, "error", G_CALLBACK (mc_window_show_error),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->manager, "message", G_CALLBACK (mc_window_show_message),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->manager, "opened", G_CALLBACK (mc_window_select_document),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->manager, "restored", G_CALLBACK (on_manager_restored_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (mc_document_manager_get_loads (self->manager), "items-changed",
                           G_CALLBACK (on_loads_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Messages */

/* Toast titles are one line; a loader's message names the file and the
 * line:column, so it gets a label of its own that wraps. */
AdwToast *
mc_window_add_error_toast (McWindow   *self,
                           const char *heading,
                           const char *message)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading_label = gtk_label_new (heading);
  GtkWidget *message_label = gtk_label_new (message);
  AdwToast *toast = adw_toast_new (heading);

  gtk_label_set_xalign (GTK_LABEL (heading_label), 0);
  gtk_label_set_wrap (GTK_LABEL (heading_label), TRUE);
  gtk_widget_add_css_class (heading_label, "heading");
  gtk_label_set_xalign (GTK_LABEL (message_label), 0);
  gtk_label_set_wrap (GTK_LABEL (message_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (message_label), 60);
  gtk_box_append (GTK_BOX (box), heading_label);
  gtk_box_append (GTK_BOX (box), message_label);

  adw_toast_set_custom_title (toast, box);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return toast;
}

void
mc_window_show_error (McWindow   *self,
                      const char *heading,
                      const char *message)
{
  mc_window_add_error_toast (self, heading, message);
}

void
mc_window_show_message (McWindow   *self,
                        const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Settings */

static void
restore_window_size (McWindow *self)
{
  if (self->settings == NULL)
    return;

  g_settings_bind (self->settings, "show-editor", self, "show-editor", G_SETTINGS_BIND_DEFAULT);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_size (McWindow *self)
{
  int width;
  int height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  /* The size of the window before it was maximised. */
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", MAX (width, 360));
      g_settings_set_int (self->settings, "window-height", MAX (height, 294));
    }
  g_settings_apply (self->settings);
}

/* Colour vision */

McVision
mc_window_get_vision (McWindow *self)
{
  g_return_val_if_fail (MC_IS_WINDOW (self), MC_VISION_NORMAL);

  return self->vision;
}

void
mc_window_set_vision (McWindow *self,
                      McVision  vision)
{
  g_return_if_fail (MC_IS_WINDOW (self));

  if (vision == self->vision)
    return;

  self->vision = vision;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISION]);
}

static void
fill_vision_menu (McWindow *self)
{
  GEnumClass *enum_class = g_type_class_ref (MC_TYPE_VISION);

  for (guint i = 0; i < enum_class->n_values; i++)
    {
      const GEnumValue *value = &enum_class->values[i];
      g_autoptr(GMenuItem) item = g_menu_item_new (mc_vision_get_label (value->value), NULL);

      g_menu_item_set_action_and_target (item, "win.vision", "s", value->value_nick);
      g_menu_append_item (self->vision_section, item);
    }

  g_type_class_unref (enum_class);
}

/* The chart view */

static void
mc_window_setup_chart_view (McWindow *self)
{
  self->chart_view = mc_chart_view_new ();
  adw_bin_set_child (self->chart_bin, self->chart_view);
  g_object_bind_property (self, "vision", self->chart_view, "vision", G_BINDING_SYNC_CREATE);
}

/* Class */

static gboolean
mc_window_close_request (GtkWindow *window)
{
  if (mc_window_ask_before_closing (MC_WINDOW (window)))
    return TRUE;
  save_window_size (MC_WINDOW (window));

  return GTK_WINDOW_CLASS (mc_window_parent_class)->close_request (window);
}

static void
mc_window_dispose (GObject *object)
{
  McWindow *self = MC_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->layout_idle_id, g_source_remove);
  g_clear_handle_id (&self->hide_sidebar_idle_id, g_source_remove);
  g_clear_handle_id (&self->loading_timeout_id, g_source_remove);
  /* The manager may outlive the window, when someone else holds it. */
  if (self->manager != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->manager, self);
      g_signal_handlers_disconnect_by_data (mc_document_manager_get_loads (self->manager), self);
    }
  set_shown_document (self, NULL);
  mc_window_dispose_edit (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_WINDOW);
  g_clear_object (&self->chart);
  g_clear_object (&self->manager);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pending_selection, g_free);

  G_OBJECT_CLASS (mc_window_parent_class)->dispose (object);
}

static void
mc_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  McWindow *self = MC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_SIDEBAR:
      g_value_set_boolean (value, mc_window_get_show_sidebar (self));
      break;

    case PROP_SHOW_EDITOR:
      g_value_set_boolean (value, mc_window_get_show_editor (self));
      break;

    case PROP_VISION:
      g_value_set_enum (value, mc_window_get_vision (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  McWindow *self = MC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_SIDEBAR:
      mc_window_set_show_sidebar (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_EDITOR:
      mc_window_set_show_editor (self, g_value_get_boolean (value));
      break;

    case PROP_VISION:
      mc_window_set_vision (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_window_class_init (McWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mc_window_dispose;
  object_class->get_property = mc_window_get_property;
  object_class->set_property = mc_window_set_property;
  widget_class->size_allocate = mc_window_size_allocate;
  window_class->close_request = mc_window_close_request;

  properties[PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHOW_EDITOR] =
    g_param_spec_boolean ("show-editor", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_VISION] =
    g_param_spec_enum ("vision", NULL, NULL,
                       MC_TYPE_VISION, MC_VISION_NORMAL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MC_TYPE_CHART_SWITCHER);
  g_type_ensure (MC_TYPE_LOADING_VIEW);
  g_type_ensure (MC_TYPE_TABLE_VIEW);
  g_type_ensure (MC_TYPE_CHART_EDITOR);
  g_type_ensure (MC_TYPE_DASHBOARD);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/mc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, McWindow, chart_bin);
  gtk_widget_class_bind_template_child (widget_class, McWindow, chart_editor);
  gtk_widget_class_bind_template_child (widget_class, McWindow, chart_stack);
  gtk_widget_class_bind_template_child (widget_class, McWindow, chart_status);
  gtk_widget_class_bind_template_child (widget_class, McWindow, chart_switcher);
  gtk_widget_class_bind_template_child (widget_class, McWindow, content);
  gtk_widget_class_bind_template_child (widget_class, McWindow, content_header);
  gtk_widget_class_bind_template_child (widget_class, McWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, McWindow, dashboard);
  gtk_widget_class_bind_template_child (widget_class, McWindow, description_label);
  gtk_widget_class_bind_template_child (widget_class, McWindow, editor_paned);
  gtk_widget_class_bind_template_child (widget_class, McWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, McWindow, history_section);
  gtk_widget_class_bind_template_child (widget_class, McWindow, loading_view);
  gtk_widget_class_bind_template_child (widget_class, McWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, McWindow, selection);
  gtk_widget_class_bind_template_child (widget_class, McWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, McWindow, sidebar_close_button);
  gtk_widget_class_bind_template_child (widget_class, McWindow, sidebar_header);
  gtk_widget_class_bind_template_child (widget_class, McWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, McWindow, source_label);
  gtk_widget_class_bind_template_child (widget_class, McWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, McWindow, table_view);
  gtk_widget_class_bind_template_child (widget_class, McWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, McWindow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, McWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, McWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, McWindow, vision_section);
  gtk_widget_class_bind_template_child (widget_class, McWindow, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_switcher_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_selected_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_list_activate_cb);

  gtk_widget_class_install_property_action (widget_class, "win.show-sidebar", "show-sidebar");
  gtk_widget_class_install_property_action (widget_class, "win.show-editor", "show-editor");
  gtk_widget_class_install_property_action (widget_class, "win.vision", "vision");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-sidebar", NULL);
  gtk_widget_class_install_action (widget_class, "win.step-chart", "i", step_chart_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "win.step-chart", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "win.step-chart", "i", -1);

  mc_window_class_init_actions (widget_class);
  mc_window_class_init_readers (widget_class);
  mc_window_class_init_edit (widget_class);
}

/* Tests and the uninstalled program have no GtkApplication to add the
 * icons of the resources to the theme. */
static void
add_resource_icons (McWindow *self)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  g_auto(GStrv) paths = gtk_icon_theme_get_resource_path (theme);

  if (paths == NULL || !g_strv_contains ((const char * const *) paths, RESOURCE_PATH "/icons"))
    gtk_icon_theme_add_resource_path (theme, RESOURCE_PATH "/icons");
}

static void
mc_window_init (McWindow *self)
{
  g_autofree char *last_dataset = NULL;

  self->show_sidebar = TRUE;
  self->vision = MC_VISION_NORMAL;

  gtk_widget_init_template (GTK_WIDGET (self));

  add_resource_icons (self);
  self->cancellable = g_cancellable_new ();
  self->settings = mc_application_create_settings ();

  mc_window_setup_manager (self);
  mc_window_setup_sidebar (self);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (update_table), self, G_CONNECT_SWAPPED);
  mc_window_setup_chart_view (self);
  g_signal_connect_object (self->chart_editor, "chart-added", G_CALLBACK (on_chart_added_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->table_view, "error", G_CALLBACK (mc_window_show_error), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->dashboard, "chart-activated",
                           G_CALLBACK (on_dashboard_chart_activated_cb), self, G_CONNECT_SWAPPED);
  mc_window_init_actions (self);
  mc_window_init_readers (self);
  fill_vision_menu (self);
  restore_window_size (self);

  mc_window_add_bundled (self);
  mc_window_init_edit (self);
  self->restoring = TRUE;
  gtk_single_selection_set_model (self->selection, mc_window_get_documents (self));
  if (self->settings != NULL)
    last_dataset = g_settings_get_string (self->settings, "last-dataset");
  /* An opened file is selected once the recent files are back. */
  if (!select_remembered (self, last_dataset) && last_dataset != NULL)
    self->pending_selection = g_strdup (last_dataset);
  self->restoring = FALSE;
  mc_window_show_document (self, mc_window_get_selected_document (self));
  mc_window_update_actions (self);
  init_layout (self);

  mc_document_manager_restore_recent_files (self->manager);
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
mc_window_get_documents (McWindow *self)
{
  g_return_val_if_fail (MC_IS_WINDOW (self), NULL);

  return mc_document_manager_get_documents (self->manager);
}

McDocument *
mc_window_get_selected_document (McWindow *self)
{
  g_return_val_if_fail (MC_IS_WINDOW (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

McDataset *
mc_window_get_selected_dataset (McWindow *self)
{
  McDocument *document = mc_window_get_selected_document (self);

  return document != NULL ? mc_document_get_dataset (document) : NULL;
}

void
mc_window_select_dataset (McWindow *self,
                          guint     position)
{
  g_return_if_fail (MC_IS_WINDOW (self));
  g_return_if_fail (position < g_list_model_get_n_items (mc_window_get_documents (self)));

  gtk_single_selection_set_selected (self->selection, position);
}

const char *
mc_window_get_font_family (McWindow *self)
{
  return mc_font_get_interface_family (G_OBJECT (gtk_widget_get_settings (GTK_WIDGET (self))));
}

McChartModel *
mc_window_get_chart (McWindow *self)
{
  g_return_val_if_fail (MC_IS_WINDOW (self), NULL);

  return self->chart;
}

void
mc_window_select_chart (McWindow *self,
                        guint     index)
{
  g_return_if_fail (MC_IS_WINDOW (self));
  g_return_if_fail (get_shown_dataset (self) != NULL);
  g_return_if_fail (index < mc_dataset_get_n_charts (get_shown_dataset (self)));

  mc_chart_switcher_set_selected (self->chart_switcher, index);
}

void
mc_window_add_dataset (McWindow  *self,
                       McDataset *dataset)
{
  g_return_if_fail (MC_IS_WINDOW (self));
  g_return_if_fail (MC_IS_DATASET (dataset));

  mc_window_select_document (self, mc_document_manager_add_dataset (self->manager, dataset));
}

void
mc_window_open_file (McWindow *self,
                     GFile    *file)
{
  g_return_if_fail (MC_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  mc_document_manager_open_file (self->manager, file);
}
