/* mc-window-private.h: what mc-window.c and mc-window-actions.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-window.h"

#include "mc-chart-editor.h"
#include "mc-chart-switcher.h"
#include "mc-dashboard.h"
#include "mc-document-manager.h"
#include "mc-draft-keeper.h"
#include "mc-export.h"
#include "mc-loading-view.h"
#include "mc-table-view.h"
#include "mc-vision.h"
#include "mc-warning-banner.h"

G_BEGIN_DECLS

struct _McWindow
{
  AdwApplicationWindow  parent_instance;

  McDocumentManager    *manager;
  McDraftKeeper        *keeper;
  GPtrArray            *changed_on_disk;   /* McDocument, asked about */
  GtkWidget            *reload_bar;
  GtkWidget            *drafts_bar;
  gboolean              close_confirmed;
  GCancellable         *cancellable;
  GSettings            *settings;          /* NULL without an installed schema */
  McDocument           *shown_document;
  McChartModel         *chart;
  const McChange       *edit_change;       /* while the shown document's
                                            * change is shown: the chart
                                            * may be mended from it */
  GtkWidget            *chart_view;
  char                 *pending_selection; /* an opened file, until restored */
  McVision              vision;
  guint                 layout_idle_id;
  guint                 hide_sidebar_idle_id;
  guint                 loading_timeout_id;
  GtkWidget            *page_before_loading; /* the content shown, unowned */
  guint                 show_sidebar : 1;
  guint                 folded : 1;        /* too narrow for sidebar and content */
  guint                 sidebar_folded_away : 1;
  guint                 compact : 1;       /* view switcher at the bottom */
  guint                 restoring : 1;
  guint                 show_editor : 1;
  guint                 editor_below : 1;  /* too narrow for the editor beside */

  AdwBin               *chart_bin;
  McChartEditor        *chart_editor;
  GtkStack             *chart_stack;
  AdwStatusPage        *chart_status;
  McChartSwitcher      *chart_switcher;
  GtkWidget            *content;
  AdwHeaderBar         *content_header;
  GtkStack             *content_stack;
  McDashboard          *dashboard;
  GtkLabel             *description_label;
  GtkPaned             *editor_paned;
  AdwStatusPage        *empty_page;
  McLoadingView        *loading_view;
  GtkPaned             *paned;
  GMenu                *history_section;
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
  McWarningBanner      *warning_banner;
  AdwWindowTitle       *window_title;
};

/* mc-window.c */
gboolean  mc_window_get_show_sidebar        (McWindow        *self);
void      mc_window_set_show_sidebar        (McWindow        *self,
                                             gboolean         show_sidebar);
gboolean  mc_window_get_show_editor         (McWindow        *self);
void      mc_window_set_show_editor         (McWindow        *self,
                                             gboolean         show_editor);
McVision  mc_window_get_vision              (McWindow        *self);
void      mc_window_set_vision              (McWindow        *self,
                                             McVision         vision);
void      mc_window_update_actions          (McWindow        *self);
/* The family of the window's font, which its charts share; interned,
 * nullable. */
const char *mc_window_get_font_family       (McWindow        *self);
/* The options of the export dialog's last export, with the window's
 * family unless the dialog chose another: copies, drags, Export All. */
void        mc_window_get_export_options    (McWindow        *self,
                                             McExportOptions *options);
void      mc_window_select_document         (McWindow        *self,
                                             McDocument      *document);
void      mc_window_close_document          (McWindow        *self,
                                             guint            position);
void      mc_window_show_error              (McWindow        *self,
                                             const char      *heading,
                                             const char      *message);
/* Same; the toast, which the overlay holds, can take a button. */
AdwToast *mc_window_add_error_toast         (McWindow        *self,
                                             const char      *heading,
                                             const char      *message);
void      mc_window_show_message            (McWindow        *self,
                                             const char      *message);

/* mc-window-actions.c */
void      mc_window_class_init_actions      (GtkWidgetClass  *widget_class);
void      mc_window_init_actions            (McWindow        *self);
void      mc_window_paste_text              (McWindow        *self);
void      mc_window_show_exported           (McWindow        *self,
                                             GFile           *file);

/* mc-window-readers.c */
void      mc_window_class_init_readers      (GtkWidgetClass  *widget_class);
void      mc_window_init_readers            (McWindow        *self);
void      mc_window_show_reading            (McWindow        *self,
                                             McDataset       *dataset);
void      mc_window_paste_table             (McWindow        *self);
gboolean  mc_window_export_data             (McWindow        *self,
                                             GFile           *file);

/* mc-window-edit.c */
void      mc_window_class_init_edit         (GtkWidgetClass  *widget_class);
void      mc_window_init_edit               (McWindow        *self);
void      mc_window_dispose_edit            (McWindow        *self);
void      mc_window_update_history          (McWindow        *self);
void      mc_window_update_banners          (McWindow        *self);
/* Asks what to do with unsaved changes first; TRUE while it asks. */
gboolean  mc_window_ask_before_closing      (McWindow        *self);
void      mc_window_ask_close_document      (McWindow        *self,
                                             McDocument      *document);
void      mc_window_close_document_now      (McWindow        *self,
                                             McDocument      *document);

G_END_DECLS
