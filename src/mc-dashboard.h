/* mc-dashboard.h: every chart of a dataset, as cards in a grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mc-document.h"

G_BEGIN_DECLS

#define MC_TYPE_DASHBOARD (mc_dashboard_get_type ())
G_DECLARE_FINAL_TYPE (McDashboard, mc_dashboard, MC, DASHBOARD, GtkWidget)

/* Two columns of cards on a wide window, one on a narrow one; a card
 * opens its chart:
 *   ::chart-activated (index) */

GtkWidget   *mc_dashboard_new           (void);
void         mc_dashboard_set_document  (McDashboard *self,
                                         McDocument  *document);
guint        mc_dashboard_get_n_cards   (McDashboard *self);

G_END_DECLS
