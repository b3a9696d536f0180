/* mc-warning-banner.h: what a file's reading left out, over its chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MC_TYPE_WARNING_BANNER (mc_warning_banner_get_type ())
G_DECLARE_FINAL_TYPE (McWarningBanner, mc_warning_banner, MC, WARNING_BANNER, GtkWidget)

GtkWidget   *mc_warning_banner_new           (void);
/* Shows the first of @warnings (nullable, NULL-terminated), says how
 * many more there are, and offers the table; hides when there are none.
 * New warnings show again a banner that was dismissed. */
void         mc_warning_banner_set_warnings  (McWarningBanner     *self,
                                              const char * const  *warnings);
gboolean     mc_warning_banner_get_shown     (McWarningBanner     *self);
const char  *mc_warning_banner_get_text      (McWarningBanner     *self);

G_END_DECLS
