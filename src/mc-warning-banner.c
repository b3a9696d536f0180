/* mc-warning-banner.c: what a file's reading left out, over its chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing a file holds is lost silently: a column read as text although
 * its cells look like numbers, or left out of the default chart, is a
 * warning of the dataset, and the window shows it here, with a way to
 * the table. AdwBanner needs libadwaita 1.3; GtkInfoBar is deprecated:
 * this is a revealer with a label and two buttons.
 */
#include "config.h"

#include "mc-warning-banner.h"

#include <glib/gi18n.h>

struct _McWarningBanner
{
  GtkWidget      parent_instance;

  GStrv          warnings;

  GtkLabel      *label;
  GtkRevealer   *revealer;
  GtkButton     *table_button;
};

G_DEFINE_FINAL_TYPE (McWarningBanner, mc_warning_banner, GTK_TYPE_WIDGET)

static char *
describe (const char * const *warnings)
{
  guint n = g_strv_length ((char **) warnings);

  if (n == 1)
    return g_strdup (warnings[0]);
  /* Translators: a warning, then how many more there are */
  return g_strdup_printf (ngettext ("%s (and %u more warning)", "%s (and %u more warnings)",
                                    n - 1),
                          warnings[0], n - 1);
}

void
mc_warning_banner_set_warnings (McWarningBanner    *self,
                                const char * const *warnings)
{
  g_autofree char *text = NULL;
  g_autofree char *all = NULL;
  gboolean any = warnings != NULL && warnings[0] != NULL;

  g_return_if_fail (MC_IS_WARNING_BANNER (self));

  if (self->warnings != NULL && warnings != NULL
      && g_strv_equal ((const char * const *) self->warnings, warnings))
    return;
  g_clear_pointer (&self->warnings, g_strfreev);
  self->warnings = any ? g_strdupv ((char **) warnings) : NULL;
  text = any ? describe (warnings) : g_strdup ("");
  all = any ? g_strjoinv ("\n", self->warnings) : NULL;
  gtk_label_set_text (self->label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->label), all);
  gtk_revealer_set_reveal_child (self->revealer, any);
  gtk_widget_set_visible (GTK_WIDGET (self), any);
}

gboolean
mc_warning_banner_get_shown (McWarningBanner *self)
{
  g_return_val_if_fail (MC_IS_WARNING_BANNER (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self))
         && gtk_revealer_get_reveal_child (self->revealer);
}

const char *
mc_warning_banner_get_text (McWarningBanner *self)
{
  g_return_val_if_fail (MC_IS_WARNING_BANNER (self), NULL);

  return gtk_label_get_text (self->label);
}

static void
on_dismiss_clicked_cb (McWarningBanner *self,
                       GtkButton       *button)
{
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

static void
mc_warning_banner_dispose (GObject *object)
{
  McWarningBanner *self = MC_WARNING_BANNER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_WARNING_BANNER);
  g_clear_pointer (&self->warnings, g_strfreev);

  G_OBJECT_CLASS (mc_warning_banner_parent_class)->dispose (object);
}

static void
mc_warning_banner_class_init (McWarningBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_warning_banner_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/mc-warning-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, McWarningBanner, label);
  gtk_widget_class_bind_template_child (widget_class, McWarningBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, McWarningBanner, table_button);
  gtk_widget_class_bind_template_callback (widget_class, on_dismiss_clicked_cb);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_css_name (widget_class, "warningbanner");
}

static void
mc_warning_banner_init (McWarningBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
mc_warning_banner_new (void)
{
  return g_object_new (MC_TYPE_WARNING_BANNER, NULL);
}
