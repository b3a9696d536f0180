/* mc-chart-switcher.c: the charts of a dataset at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A dataset's few charts are a row of linked toggle buttons, so that
 * every chart is one click away and the one shown stands out; a longer
 * list is a drop-down. The chart draws its own title: the buttons name
 * the charts by their short titles, or their titles shortened where the
 * window is narrow, with the whole title in the tooltip and for screen
 * readers.
 */
#include "config.h"

#include "mc-chart-switcher.h"

/* Titles can be sentences; a button shows at most this many characters
 * and keeps at least a few when the window is narrow. */
#define MAX_BUTTON_CHARS 36
#define MIN_BUTTON_CHARS 4

struct _McChartSwitcher
{
  GtkWidget    parent_instance;

  guint        n_charts;
  guint        selected;
  gboolean     updating;

  GtkBox      *buttons;
  GtkDropDown *dropdown;
};

G_DEFINE_FINAL_TYPE (McChartSwitcher, mc_chart_switcher, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_selected (McChartSwitcher *self)
{
  guint index = 0;

  self->updating = TRUE;
  for (GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (self->buttons));
       button != NULL;
       button = gtk_widget_get_next_sibling (button), index++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), index == self->selected);
  if (gtk_widget_get_visible (GTK_WIDGET (self->dropdown)))
    gtk_drop_down_set_selected (self->dropdown, self->selected);
  self->updating = FALSE;
}

static void
select_chart (McChartSwitcher *self,
              guint            selected)
{
  if (self->updating || selected == self->selected || selected >= self->n_charts)
    return;

  self->selected = selected;
  show_selected (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
on_button_toggled_cb (McChartSwitcher *self,
                      GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
    select_chart (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "mc-chart")));
}

static void
on_dropdown_selected_cb (McChartSwitcher *self)
{
  select_chart (self, gtk_drop_down_get_selected (self->dropdown));
}

/* A button shows a chart's short name and, to the pointer and screen
 * readers, its title. */
static void
name_button (GtkWidget  *button,
             const char *title,
             const char *name)
{
  gtk_label_set_label (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), name);
  gtk_widget_set_tooltip_text (button, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
}

static GtkWidget *
chart_button_new (McChartSwitcher *self,
                  const char      *title,
                  const char      *name,
                  guint            index)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), MIN_BUTTON_CHARS);
  gtk_label_set_max_width_chars (GTK_LABEL (label), MAX_BUTTON_CHARS);
  gtk_button_set_child (GTK_BUTTON (button), label);
  name_button (button, title, name);
  g_object_set_data (G_OBJECT (button), "mc-chart", GUINT_TO_POINTER (index));
  g_signal_connect_object (button, "toggled", G_CALLBACK (on_button_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  return button;
}

static void
remove_buttons (McChartSwitcher *self)
{
  GtkWidget *button;

  while ((button = gtk_widget_get_first_child (GTK_WIDGET (self->buttons))) != NULL)
    gtk_box_remove (self->buttons, button);
}

/* Names the buttons there are again, when there are as many as charts:
 * a reload or an edit keeps them, and the keyboard's focus on one. */
static gboolean
rename_buttons (McChartSwitcher    *self,
                const char * const *titles,
                const char * const *names)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (self->buttons));
  guint n = 0;

  for (GtkWidget *b = button; b != NULL; b = gtk_widget_get_next_sibling (b))
    n++;
  if (n != self->n_charts)
    return FALSE;
  for (guint i = 0; button != NULL; button = gtk_widget_get_next_sibling (button), i++)
    name_button (button, titles[i], names ? names[i] : titles[i]);
  return TRUE;
}

static void
add_buttons (McChartSwitcher    *self,
             const char * const *titles,
             const char * const *names)
{
  GtkToggleButton *group = NULL;

  for (guint i = 0; i < self->n_charts; i++)
    {
      GtkWidget *button = chart_button_new (self, titles[i], names ? names[i] : titles[i], i);

      gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      group = GTK_TOGGLE_BUTTON (button);
      gtk_box_append (self->buttons, button);
    }
}

void
mc_chart_switcher_set_titles (McChartSwitcher    *self,
                              const char * const *titles,
                              const char * const *names,
                              guint               selected)
{
  g_autoptr(GtkStringList) list = NULL;
  gboolean buttons;

  g_return_if_fail (MC_IS_CHART_SWITCHER (self));
  g_return_if_fail (titles != NULL);
  g_return_if_fail (names == NULL
                    || g_strv_length ((char **) names) == g_strv_length ((char **) titles));

  self->n_charts = g_strv_length ((char **) titles);
  self->selected = selected < self->n_charts ? selected : 0;
  buttons = self->n_charts <= MC_CHART_SWITCHER_MAX_BUTTONS;
  if (!buttons)
    list = gtk_string_list_new (titles);

  self->updating = TRUE;
  if (!buttons || !rename_buttons (self, titles, names))
    {
      remove_buttons (self);
      if (buttons)
        add_buttons (self, titles, names);
    }
  gtk_drop_down_set_model (self->dropdown, G_LIST_MODEL (list));
  self->updating = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->buttons), buttons);
  gtk_widget_set_visible (GTK_WIDGET (self->dropdown), !buttons);
  gtk_widget_set_visible (GTK_WIDGET (self), self->n_charts > 1);
  show_selected (self);
}

guint
mc_chart_switcher_get_n_charts (McChartSwitcher *self)
{
  g_return_val_if_fail (MC_IS_CHART_SWITCHER (self), 0);

  return self->n_charts;
}

guint
mc_chart_switcher_get_selected (McChartSwitcher *self)
{
  g_return_val_if_fail (MC_IS_CHART_SWITCHER (self), GTK_INVALID_LIST_POSITION);

  return self->n_charts > 0 ? self->selected : GTK_INVALID_LIST_POSITION;
}

void
mc_chart_switcher_set_selected (McChartSwitcher *self,
                                guint            selected)
{
  g_return_if_fail (MC_IS_CHART_SWITCHER (self));
  g_return_if_fail (selected < self->n_charts);

  select_chart (self, selected);
}

gboolean
mc_chart_switcher_get_buttons (McChartSwitcher *self)
{
  g_return_val_if_fail (MC_IS_CHART_SWITCHER (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->buttons));
}

static void
mc_chart_switcher_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  McChartSwitcher *self = MC_CHART_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_uint (value, mc_chart_switcher_get_selected (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_chart_switcher_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  McChartSwitcher *self = MC_CHART_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      mc_chart_switcher_set_selected (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_chart_switcher_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MC_TYPE_CHART_SWITCHER);

  G_OBJECT_CLASS (mc_chart_switcher_parent_class)->dispose (object);
}

static void
mc_chart_switcher_class_init (McChartSwitcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_chart_switcher_dispose;
  object_class->get_property = mc_chart_switcher_get_property;
  object_class->set_property = mc_chart_switcher_set_property;

  properties[PROP_SELECTED] =
    g_param_spec_uint ("selected", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/mc-chart-switcher.ui");
  gtk_widget_class_bind_template_child (widget_class, McChartSwitcher, buttons);
  gtk_widget_class_bind_template_child (widget_class, McChartSwitcher, dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_dropdown_selected_cb);
  gtk_widget_class_set_css_name (widget_class, "chartswitcher");
}

static void
mc_chart_switcher_init (McChartSwitcher *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
mc_chart_switcher_new (void)
{
  return g_object_new (MC_TYPE_CHART_SWITCHER, NULL);
}
