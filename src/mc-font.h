/* mc-font.h: the font family of the interface, which charts share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The family that a font name such as "Cantarell 11" or "Sans 10" (a
 * Pango font description) is drawn in on this system ("DejaVu Sans" for
 * "Sans" where that is fontconfig's choice), interned; NULL when it
 * names none. */
const char  *mc_font_family_from_name      (const char   *font_name);
/* The family of the gtk-font-name of @settings, a GtkSettings: the
 * window's text. (A GObject, so that the command line, which starts
 * without GTK, shares this file.) */
const char  *mc_font_get_interface_family  (GObject      *settings);
/* The desktop's interface font (org.gnome.desktop.interface font-name)
 * when its settings are installed, without a display; else NULL. */
const char  *mc_font_get_desktop_family    (void);
/* Whether fontconfig knows @family (case-insensitive). */
gboolean     mc_font_family_exists         (const char   *family);

G_END_DECLS
