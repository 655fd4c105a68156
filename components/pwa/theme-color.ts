// The app colour (globals.css --color-brand-500): the installed app's title bar and splash screen.
export const THEME_COLOR = '#1f93ff';
