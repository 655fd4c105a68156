// The brand colour (globals.css --color-brand-500, darkened from Chatwoot's #1f93ff so white text on
// it reaches AA contrast): the installed app's title bar and splash screen, and the icons' ground
// (public/icons/*.svg). tests/unit/pwa/manifest.test.ts keeps the three in step.
export const THEME_COLOR = '#126ccf';
