/* mc-display-image.c: images the display shows without a copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A long chart is drawn into an image, and every new image has to reach
 * the screen. With GTK's cairo renderer on X11, cairo sends a plain image
 * to the X server by copying it into a shared-memory segment that it
 * makes for the frame and destroys again once it is empty: 3.8 MB of new
 * pages, written and faulted in, for a 1200 × 800 chart, which was most
 * of a frame's time (docs/performance.md, the twelfth round). cairo asks
 * the X server to read an image of its own shared memory in place, and
 * keeps the segment it lives in while any image of it is alive, so that
 * the next chart's image takes the same pages.
 */
#include "config.h"

#include "mc-display-image.h"

#ifdef GDK_WINDOWING_X11
#include <cairo-xlib.h>
#include <gdk/x11/gdkx.h>
#endif

#ifdef GDK_WINDOWING_X11
/* Whether GTK paints @native with cairo on an X11 display. */
static gboolean
painted_by_cairo_on_x11 (GtkNative *native)
{
  GdkSurface *surface = gtk_native_get_surface (native);
  GskRenderer *renderer = gtk_native_get_renderer (native);

  return surface != NULL && renderer != NULL && GDK_IS_X11_SURFACE (surface)
         && GSK_IS_CAIRO_RENDERER (renderer);
}

/* An image of the X server's shared memory, or a plain image where the
 * server shares none (cairo's own fallback). */
static cairo_surface_t *
shared_image_new (GdkSurface *surface,
                  int         width,
                  int         height)
{
  GdkDisplay *display = gdk_surface_get_display (surface);
  Screen *screen = gdk_x11_display_get_xscreen (display);
  cairo_surface_t *window, *image;

  /* Only a surface of the window's display can make such an image; the
   * window's own is GDK's, so this one stands for it. */
  window = cairo_xlib_surface_create (gdk_x11_display_get_xdisplay (display),
                                      gdk_x11_surface_get_xid (surface),
                                      DefaultVisualOfScreen (screen), 1, 1);
  image = cairo_surface_create_similar_image (window, CAIRO_FORMAT_ARGB32, width, height);
  cairo_surface_destroy (window);
  return image;
}
#endif

cairo_surface_t *
mc_display_image_new (GtkWidget *widget,
                      int        width,
                      int        height)
{
#ifdef GDK_WINDOWING_X11
  GtkNative *native = gtk_widget_get_native (widget);

  if (native != NULL && painted_by_cairo_on_x11 (native))
    return shared_image_new (gtk_native_get_surface (native), width, height);
#endif
  return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
}
