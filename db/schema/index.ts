// The whole data model, one file per aggregate. drizzle-kit reads this file to generate migrations.
export * from './enums';
export * from './accounts';
export * from './teams';
export * from './inboxes';
export * from './labels';
export * from './contacts';
export * from './conversations';
export * from './messages';
export * from './macros';
export * from './custom-attributes';
export * from './saved-views';
export * from './notifications';
export * from './mail';
export * from './api-tokens';
export * from './canned-responses';
export * from './webhooks';
export * from './relations';
