/* mc-window-private.h: what mc-window.c and mc-window-actions.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-window.h"

#include "mc-table-view.h"
#include "mc-vision.h"

G_BEGIN_DECLS

struct _McWindow
{
  AdwApplicationWindow  parent_instance;

  GListStore           *datasets;
  GCancellable         *cancellable;
  GSettings            *settings;          /* NULL without an installed schema */
  GHashTable           *watches;           /* GFile → McWatch, the opened files */
  McDataset            *shown_dataset;
  McChartModel         *chart;
  GtkWidget            *chart_view;
  char                 *pending_selection; /* an opened file, until restored */
  McVision              vision;
  guint                 n_pasted;
  guint                 layout_idle_id;
  guint                 hide_sidebar_idle_id;
  guint                 show_sidebar : 1;
  guint                 folded : 1;        /* too narrow for sidebar and content */
  guint                 sidebar_folded_away : 1;
  guint                 compact : 1;       /* view switcher at the bottom */
  guint                 restoring : 1;
  guint                 updating_charts : 1;

  AdwBin               *chart_bin;
  GtkDropDown          *chart_dropdown;
  GtkStack             *chart_stack;
  AdwStatusPage        *chart_status;
  GtkWidget            *content;
  AdwHeaderBar         *content_header;
  GtkStack             *content_stack;
  GtkLabel             *description_label;
  AdwStatusPage        *empty_page;
  GtkPaned             *paned;
  GtkSingleSelection   *selection;
  GtkWidget            *sidebar;
  GtkWidget            *sidebar_close_button;
  AdwHeaderBar         *sidebar_header;
  GtkListView          *sidebar_list;
  GtkLabel             *source_label;
  AdwViewSwitcherBar   *switcher_bar;
  McTableView          *table_view;
  GtkLabel             *title_label;
  GtkStack             *title_stack;
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  GMenu                *vision_section;
  AdwWindowTitle       *window_title;
};

typedef struct _McWatch McWatch;

/* mc-window.c */
gboolean  mc_window_get_show_sidebar        (McWindow        *self);
void      mc_window_set_show_sidebar        (McWindow        *self,
                                             gboolean         show_sidebar);
McVision  mc_window_get_vision              (McWindow        *self);
void      mc_window_set_vision              (McWindow        *self,
                                             McVision         vision);
void      mc_window_update_actions          (McWindow        *self);
gboolean  mc_window_find_dataset            (McWindow        *self,
                                             McDataset       *dataset,
                                             guint           *position);
gboolean  mc_window_find_file               (McWindow        *self,
                                             GFile           *file,
                                             guint           *position);
guint     mc_window_insert_dataset          (McWindow        *self,
                                             McDataset       *dataset,
                                             guint            position);
void      mc_window_close_dataset           (McWindow        *self,
                                             McDataset       *dataset);
void      mc_window_show_error              (McWindow        *self,
                                             const char      *heading,
                                             const char      *message);
void      mc_window_show_message            (McWindow        *self,
                                             const char      *message);
void      mc_window_remember_selection      (McWindow        *self,
                                             McDataset       *dataset);
gboolean  mc_window_select_remembered       (McWindow        *self,
                                             const char      *value);

/* mc-window-actions.c */
void      mc_window_class_init_actions      (GtkWidgetClass  *widget_class);
void      mc_window_init_actions            (McWindow        *self);
void      mc_window_watch_free              (McWatch         *watch);
void      mc_window_unwatch_file            (McWindow        *self,
                                             GFile           *file);
void      mc_window_forget_recent_file      (McWindow        *self,
                                             GFile           *file);
void      mc_window_restore_recent_files    (McWindow        *self,
                                             const char      *last_dataset);

G_END_DECLS
