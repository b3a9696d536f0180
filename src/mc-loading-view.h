/* mc-loading-view.h: a file being opened, where its chart will appear:
 * how far it has come, and a button that cancels it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mc-file-load.h"

G_BEGIN_DECLS

#define MC_TYPE_LOADING_VIEW (mc_loading_view_get_type ())
G_DECLARE_FINAL_TYPE (McLoadingView, mc_loading_view, MC, LOADING_VIEW, GtkWidget)

GtkWidget   *mc_loading_view_new       (void);
McFileLoad  *mc_loading_view_get_load  (McLoadingView *self);
void         mc_loading_view_set_load  (McLoadingView *self,
                                        McFileLoad    *load);

G_END_DECLS
