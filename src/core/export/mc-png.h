/* mc-png.h: fast PNG encoding of cairo image surfaces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Receives the encoded bytes; returns FALSE to stop (a write error). */
typedef gboolean (*McPngWriteFunc) (gpointer      user_data,
                                    const guint8 *data,
                                    gsize         length);

/* Encodes an ARGB32 or RGB24 image surface as a PNG: RGB when every pixel
 * is opaque, else RGBA (unpremultiplied). Charts are flat colours and
 * antialiased edges, for which unfiltered rows and a fast zlib level
 * compress nearly as well as cairo's exhaustive filter search, at a
 * fraction of its time. The surface's device scale is not recorded. */
cairo_status_t  mc_png_write_surface (cairo_surface_t *surface,
                                      McPngWriteFunc   write_func,
                                      gpointer         user_data);

G_END_DECLS
