import app from './app.json';
import channels from './channels.json';
import errors from './errors.json';
import languages from './languages.json';
import login from './login.json';
import notFound from './notFound.json';
import shell from './shell.json';
import views from './views.json';

// Every namespace of this language; tests/unit/i18n/messages.test.ts checks both languages match.
const messages = { ...app, ...channels, ...errors, ...languages, ...login, ...notFound, ...shell, ...views };

export default messages;
