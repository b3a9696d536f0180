/* mc-application.c: the Market Charts application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-application.h"

#include <glib/gi18n.h>

#include "mc-cli.h"
#include "mc-window.h"

struct _McApplication
{
  AdwApplication   parent_instance;

  /* The command line while GApplication parses it: handle-local-options
   * only sees the options, and the file arguments it leaves for "open". */
  char          ***arguments;
  gboolean         options_handled;
};

G_DEFINE_FINAL_TYPE (McApplication, mc_application, ADW_TYPE_APPLICATION)

static McWindow *
mc_application_get_main_window (McApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (MC_IS_WINDOW (l->data))
        return l->data;
    }

  return mc_window_new (GTK_APPLICATION (self));
}

static void
mc_application_activate (GApplication *app)
{
  McApplication *self = MC_APPLICATION (app);

  gtk_window_present (GTK_WINDOW (mc_application_get_main_window (self)));
}

static void
mc_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  McApplication *self = MC_APPLICATION (app);
  McWindow *window = mc_application_get_main_window (self);

  for (int i = 0; i < n_files; i++)
    mc_window_open_file (window, files[i]);

  gtk_window_present (GTK_WINDOW (window));
}

static const char *
lookup_string (GVariantDict *options,
               const char   *key)
{
  const char *value = NULL;

  g_variant_dict_lookup (options, key, "&s", &value);

  return value;
}

static const char *
lookup_filename (GVariantDict *options,
                 const char   *key)
{
  const char *value = NULL;

  g_variant_dict_lookup (options, key, "^&ay", &value);

  return value;
}

static gboolean
lookup_flag (GVariantDict *options,
             const char   *key)
{
  gboolean value = FALSE;

  g_variant_dict_lookup (options, key, "b", &value);

  return value;
}

/* The command line modes run here, before the application registers or
 * opens a display; -1 lets the window open. */
static int
mc_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  McApplication *self = MC_APPLICATION (app);
  McCliOptions cli = { 0 };

  self->options_handled = TRUE;

  cli.version = lookup_flag (options, "version");
  cli.check = lookup_flag (options, "check");
  cli.list = lookup_flag (options, "list");
  cli.export_file = lookup_filename (options, "export");
  cli.export_dir = lookup_filename (options, "export-all");
  cli.export_args.dataset = lookup_filename (options, "dataset");
  cli.export_args.chart = lookup_string (options, "chart");
  cli.export_args.size = lookup_string (options, "size");
  cli.export_args.scale = lookup_string (options, "scale");
  cli.export_args.theme = lookup_string (options, "theme");
  cli.export_args.font = lookup_string (options, "font");
  cli.export_args.format = lookup_string (options, "format");
  cli.export_args.transparent = lookup_flag (options, "transparent");
  cli.export_args.sheet = lookup_string (options, "sheet");
  cli.export_args.records = lookup_string (options, "records");
  cli.export_args.delimiter = lookup_string (options, "delimiter");
  cli.verbose = lookup_flag (options, "verbose");
  cli.convert_file = lookup_filename (options, "convert");

  if (self->arguments != NULL && *self->arguments != NULL && (*self->arguments)[0] != NULL)
    cli.files = (const char * const *) &(*self->arguments)[1];

  return mc_cli_run (&cli);
}

static gboolean
mc_application_local_command_line (GApplication   *app,
                                   char         ***arguments,
                                   int            *exit_status)
{
  McApplication *self = MC_APPLICATION (app);
  gboolean handled;

  self->arguments = arguments;
  self->options_handled = FALSE;

  handled = G_APPLICATION_CLASS (mc_application_parent_class)->local_command_line (app,
                                                                                     arguments,
                                                                                     exit_status);
  self->arguments = NULL;

  /* GApplication could not parse the options and said why: that is a
   * usage error, like the ones the command line modes report. */
  if (handled && !self->options_handled && *exit_status == 1)
    {
      g_printerr (_("Run “%s --help” to see the options.\n"), g_get_prgname ());
      *exit_status = MC_CLI_EXIT_USAGE;
    }

  return handled;
}

static void
mc_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
mc_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  McApplication *self = MC_APPLICATION (user_data);
  static const char *developers[] = { "The Market Charts developers", NULL };
  static const char *data_sources[] = {
    "1950.ai, article on Alibaba’s USD 50 billion AI and cloud investment",
    NULL
  };
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (about),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  adw_about_window_set_application_name (about, _("Market Charts"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_developer_name (about, _("The Market Charts developers"));
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_comments (about, _("Turn market datasets into clean, truthful charts "
                                          "and export them for reports."));
  adw_about_window_set_website (about, "https://github.com/marketcharts/market-charts");
  adw_about_window_set_issue_url (about, "https://github.com/marketcharts/market-charts/issues");
  adw_about_window_set_copyright (about, "© 2025 The Market Charts developers");
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_developers (about, developers);
  /* Translators: replace with your names, one per line */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  adw_about_window_add_acknowledgement_section (about, _("Bundled Data"), data_sources);

  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", mc_application_quit_action },
  { "about", mc_application_about_action },
};

static void
mc_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (mc_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
mc_application_class_init (McApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = mc_application_activate;
  app_class->handle_local_options = mc_application_handle_local_options;
  app_class->local_command_line = mc_application_local_command_line;
  app_class->open = mc_application_open;
  app_class->startup = mc_application_startup;
}

static void
mc_application_init (McApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), mc_cli_get_option_entries ());
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Opens dataset files, CSV and TSV tables, JSON "
                                              "records and lines, XLSX and ODS workbooks and "
                                              "web pages in Market Charts, or checks, converts "
                                              "and exports them without a window."));
  g_application_set_option_context_description (G_APPLICATION (self),
                                                _("Examples:\n"
                                                  "  market-charts --check sales.json\n"
                                                  "  market-charts --check --verbose book.xlsx "
                                                  "--sheet Revenue\n"
                                                  "  market-charts --list\n"
                                                  "  market-charts --export revenue.svg "
                                                  "--dataset alibaba-cloud-revenue "
                                                  "--chart revenue\n"
                                                  "  market-charts --export-all charts "
                                                  "--dataset sales.json --format pdf\n"
                                                  "  market-charts --convert prices.json "
                                                  "--dataset api.json --records data.items\n"));
}

GSettings *
mc_application_create_settings (void)
{
  /* The schema id is the same for the Devel profile (see data/meson.build). */
  static const char schema_id[] = "io.github.marketcharts.MarketCharts";
  static const char * const keys[] = {
    "window-width", "window-height", "window-maximized", "last-dataset", "recent-files",
    "export-format", "export-width", "export-height", "export-scale", "export-theme",
    "export-transparent", "export-font",
  };
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, schema_id, TRUE);

  if (schema == NULL)
    {
      g_debug ("The settings schema %s is not installed: settings are not kept", schema_id);
      return NULL;
    }

  /* GSettings aborts on a key its schema lacks: an older installed
   * schema is as good as none. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      if (!g_settings_schema_has_key (schema, keys[i]))
        {
          g_debug ("The installed settings schema has no key “%s”: settings are not kept",
                   keys[i]);
          return NULL;
        }
    }

  return g_settings_new_full (schema, NULL, NULL);
}

McApplication *
mc_application_new (void)
{
  return g_object_new (MC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}
