import app from './app.json';
import channels from './channels.json';
import chat from './chat.json';
import composer from './composer.json';
import contacts from './contacts.json';
import errors from './errors.json';
import keyboard from './keyboard.json';
import languages from './languages.json';
import list from './list.json';
import login from './login.json';
import notFound from './notFound.json';
import notifications from './notifications.json';
import outbox from './outbox.json';
import priority from './priority.json';
import realtime from './realtime.json';
import search from './search.json';
import setPassword from './setPassword.json';
import settings from './settings.json';
import shell from './shell.json';
import sidebar from './sidebar.json';
import views from './views.json';
import webhooks from './webhooks.json';
import widget from './widget.json';

// Every namespace of this language; tests/unit/i18n/messages.test.ts checks both languages match.
const messages = { ...app, ...channels, ...chat, ...composer, ...contacts, ...errors, ...keyboard, ...languages, ...list, ...login, ...notFound, ...notifications, ...outbox, ...priority, ...realtime, ...search, ...setPassword, ...settings, ...shell, ...sidebar, ...views, ...webhooks, ...widget };

export default messages;
