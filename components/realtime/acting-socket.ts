import { ACTING_SOCKET_FIELD, ACTING_SOCKET_HEADER } from '@/lib/realtime/acting-socket';

// This tab's realtime connection (set by the RealtimeProvider while connected), named in every post
// to a server action: the action's events then go to every other connection and this tab renders the
// page once, from the action's response, instead of again when its own events come back (issue 16).
let socketId: string | null = null;

export const setActingSocket = (id: string | null): void => {
  socketId = id;
};

// For an action called with a FormData built in code (the keyboard's pickers).
export const stampActingSocket = (formData: FormData): FormData => {
  if (socketId) formData.set(ACTING_SOCKET_FIELD, socketId);
  return formData;
};

// For a fetch whose caller re-reads the page itself (the composer's send).
export const actingSocketHeaders = (): Record<string, string> => (socketId ? { [ACTING_SOCKET_HEADER]: socketId } : {});

// A form whose submission goes to a server action: React gives the form it renders with a function
// action a javascript: URL, and the server's render of one carries the action's $ACTION_ fields. A
// search form (GET) or one an API route reads is left as it is.
const postsToAnAction = (form: HTMLFormElement, formData: FormData): boolean =>
  (form.getAttribute('action') ?? '').startsWith('javascript:') || [...formData.keys()].some((name) => name.startsWith('$ACTION_'));

// The document's `formdata` listener (capture): every FormData built from a form, which is how React
// submits a form to its action, gets the field.
export const stampFormData = (event: Event): void => {
  const { target } = event;
  const { formData } = event as FormDataEvent;
  if (!(formData instanceof FormData) || !(target instanceof HTMLFormElement) || !postsToAnAction(target, formData)) return;
  stampActingSocket(formData);
};
