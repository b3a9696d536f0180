/* mc-loading-view.c: a file being opened, where its chart will appear:
 * how far it has come, and a button that cancels it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-loading-view.h"

#include <glib/gi18n.h>

#include "mc-load-progress.h"
#include "mc-text.h"

struct _McLoadingView
{
  GtkWidget       parent_instance;

  McFileLoad     *load;
  guint           update_id;

  GtkWidget      *box;
  GtkLabel       *detail_label;
  GtkProgressBar *progress_bar;
  GtkLabel       *title_label;
};

G_DEFINE_FINAL_TYPE (McLoadingView, mc_loading_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LOAD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_progress (McLoadingView *self)
{
  McLoadProgress *progress = mc_file_load_get_progress (self->load);
  g_autofree char *detail = mc_load_progress_describe (progress);
  double fraction = mc_load_progress_get_fraction (progress);

  /* A file of unknown size shows that something is happening. */
  if (fraction < 0)
    gtk_progress_bar_pulse (self->progress_bar);
  else
    gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_label_set_label (self->detail_label, detail);
}

static gboolean
on_update_timeout_cb (gpointer user_data)
{
  McLoadingView *self = user_data;

  update_progress (self);
  return G_SOURCE_CONTINUE;
}

static void
update_title (McLoadingView *self)
{
  g_autofree char *name = mc_text_file_name (mc_file_load_get_file (self->load));
  /* Translators: above the progress of a file being opened */
  g_autofree char *title = g_strdup_printf (_("Opening “%s”…"), name);

  gtk_label_set_label (self->title_label, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  McLoadingView *self = MC_LOADING_VIEW (widget);

  if (self->load != NULL)
    mc_file_load_cancel (self->load);
}

static void
mc_loading_view_dispose (GObject *object)
{
  McLoadingView *self = MC_LOADING_VIEW (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_LOADING_VIEW);
  g_clear_object (&self->load);

  G_OBJECT_CLASS (mc_loading_view_parent_class)->dispose (object);
}

static void
mc_loading_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  McLoadingView *self = MC_LOADING_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOAD:
      g_value_set_object (value, mc_loading_view_get_load (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_loading_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  McLoadingView *self = MC_LOADING_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOAD:
      mc_loading_view_set_load (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_loading_view_class_init (McLoadingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_loading_view_dispose;
  object_class->get_property = mc_loading_view_get_property;
  object_class->set_property = mc_loading_view_set_property;

  properties[PROP_LOAD] =
    g_param_spec_object ("load", NULL, NULL,
                         MC_TYPE_FILE_LOAD,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/mc-loading-view.ui");
  gtk_widget_class_bind_template_child (widget_class, McLoadingView, box);
  gtk_widget_class_bind_template_child (widget_class, McLoadingView, detail_label);
  gtk_widget_class_bind_template_child (widget_class, McLoadingView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, McLoadingView, title_label);

  gtk_widget_class_install_action (widget_class, "loading.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "loading.cancel", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "loadingview");
}

static void
mc_loading_view_init (McLoadingView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
mc_loading_view_new (void)
{
  return g_object_new (MC_TYPE_LOADING_VIEW, NULL);
}

McFileLoad *
mc_loading_view_get_load (McLoadingView *self)
{
  g_return_val_if_fail (MC_IS_LOADING_VIEW (self), NULL);

  return self->load;
}

/* Shows @load (nullable) and follows it while it runs. */
void
mc_loading_view_set_load (McLoadingView *self,
                          McFileLoad    *load)
{
  g_return_if_fail (MC_IS_LOADING_VIEW (self));
  g_return_if_fail (load == NULL || MC_IS_FILE_LOAD (load));

  if (!g_set_object (&self->load, load))
    return;
  g_clear_handle_id (&self->update_id, g_source_remove);
  if (load != NULL)
    {
      update_title (self);
      update_progress (self);
      self->update_id = g_timeout_add (MC_PROGRESS_UPDATE_US / 1000, on_update_timeout_cb, self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD]);
}
