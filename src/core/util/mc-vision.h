/* mc-vision.h: how a chart looks to people with a colour vision deficiency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "mc-theme.h"

G_BEGIN_DECLS

/* The kinds of colour vision a preview can simulate: the three
 * dichromacies (one cone type missing) and achromatopsia (no colour). */
typedef enum
{
  MC_VISION_NORMAL,
  MC_VISION_PROTANOPIA,      /* no long-wavelength (red) cones */
  MC_VISION_DEUTERANOPIA,    /* no medium-wavelength (green) cones */
  MC_VISION_TRITANOPIA,      /* no short-wavelength (blue) cones */
  MC_VISION_GREYSCALE,       /* luminance only */
} McVision;

#define MC_TYPE_VISION (mc_vision_get_type ())
GType        mc_vision_get_type          (void) G_GNUC_CONST;

/* A name for menus: "Protanopia (no red cones)". */
const char  *mc_vision_get_label         (McVision         vision);

/* Simulates @vision on one straight-alpha colour, in place. */
void         mc_vision_transform_color   (McVision         vision,
                                          McColor         *color);

/* Simulates @vision on every pixel of an image surface in
 * CAIRO_FORMAT_ARGB32 or CAIRO_FORMAT_RGB24, in place. */
void         mc_vision_transform_surface (McVision         vision,
                                          cairo_surface_t *surface);

G_END_DECLS
