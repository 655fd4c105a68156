// Signing out marks the page (<html data-signing-out>) the moment its form is submitted, so that a
// live connection not yet started never starts: once the session has ended, authorising its
// channels is a 401 each. An inline script sets the mark (SignOutMarker), listening from the moment
// the page is parsed: an agent may sign out while the page still hydrates, before the provider's
// own listener exists, or before it has any script at all (the form then posts without JavaScript
// while the page's scripts still load and run).
const FORM = 'form[data-sign-out]';

export const signOutMarkScript = `document.addEventListener('submit',function(e){if(e.target instanceof Element&&e.target.matches('${FORM}'))document.documentElement.dataset.signingOut=''},true)`;

export const isSignOutForm = (target: EventTarget | null): boolean => target instanceof Element && target.matches(FORM);

export const isSigningOut = (): boolean => document.documentElement.dataset.signingOut !== undefined;

// The workspace has gone (the sign-in page shows in the same document): a later sign-in connects.
export const clearSignOutMark = (): void => {
  delete document.documentElement.dataset.signingOut;
};
