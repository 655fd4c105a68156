// Where a contact's uploaded avatar lives. contacts.avatar_url holds the app's own URL of it,
// `/api/contacts/<contactId>/avatar?v=<uuid>`; the file is stored under `avatars/<accountId>/<uuid>`.
// The uuid is a new one for every upload, so a new avatar is a new URL (browsers never show a cached
// old one) and the storage key is read back from the URL (the table has no column of its own for it).
// Avatars from elsewhere (an absolute https URL given by an integration) are kept as they are.

const OWN_AVATAR = /^\/api\/contacts\/\d+\/avatar\?v=([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

// The avatar URL of a contact for the upload `version` (a uuid).
export const contactAvatarUrl = (contactId: number, version: string): string => `/api/contacts/${contactId}/avatar?v=${version}`;

// The storage key of an uploaded avatar.
export const avatarStorageKey = (accountId: number, version: string): string => `avatars/${accountId}/${version}`;

// The upload version of an avatar URL written by this app, or null (no avatar, or an external one).
export const avatarVersion = (avatarUrl: string | null): string | null => (avatarUrl ? (OWN_AVATAR.exec(avatarUrl)?.[1] ?? null) : null);

// The storage key behind an avatar URL written by this app, or null.
export const avatarKeyOf = (accountId: number, avatarUrl: string | null): string | null => {
  const version = avatarVersion(avatarUrl);
  return version ? avatarStorageKey(accountId, version) : null;
};
