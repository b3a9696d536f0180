/* mc-display-image.h: images the display shows without a copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A new ARGB32 image of @width × @height pixels (device pixels) for
 * @widget to paint. Where GTK paints @widget's window with its cairo
 * renderer on an X11 display that shares memory with the program, the
 * image is in memory the X server reads in place; anywhere else it is a
 * plain image surface. Either way it is drawn into as an image surface. */
cairo_surface_t *mc_display_image_new (GtkWidget *widget,
                                       int        width,
                                       int        height);

G_END_DECLS
