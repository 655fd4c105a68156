import { afterEach, describe, expect, it } from 'vitest';
import { setActingSocket, stampFormData } from '@/components/realtime/acting-socket';
import { ACTING_SOCKET_FIELD } from '@/lib/realtime/acting-socket';

// What the document's `formdata` listener stamps (jsdom has no FormDataEvent: the event a browser
// fires when a FormData is built from a form is made by hand; tests/e2e/realtime checks a real post).
const formDataOf = (html: string) => {
  document.body.innerHTML = html;
  const form = document.querySelector('form')!;
  const formData = new FormData(form);
  form.addEventListener('formdata', stampFormData);
  form.dispatchEvent(Object.assign(new Event('formdata'), { formData }));
  form.removeEventListener('formdata', stampFormData);
  return formData;
};

afterEach(() => setActingSocket(null));

describe('the tab’s connection in its posts to server actions', () => {
  it('is added to a form React submits to an action (client-rendered, or the server’s render of one)', () => {
    setActingSocket('123.456');
    expect(formDataOf(`<form action="javascript:throw new Error('React form unexpectedly submitted.')"><input name="status" value="open"></form>`).get(ACTING_SOCKET_FIELD)).toBe('123.456');
    expect(formDataOf(`<form action="" method="POST"><input type="hidden" name="$ACTION_ID_abc"><input name="status" value="open"></form>`).get(ACTING_SOCKET_FIELD)).toBe('123.456');
  });

  it('is not added to a search (GET) form, to a post an API route reads, or while not connected', () => {
    setActingSocket('123.456');
    expect(formDataOf('<form action="/search" method="get"><input name="q" value="pedido"></form>').has(ACTING_SOCKET_FIELD)).toBe(false);
    expect(formDataOf('<form action="/api/auth/signout" method="post"><input name="csrfToken" value="x"></form>').has(ACTING_SOCKET_FIELD)).toBe(false);
    setActingSocket(null);
    expect(formDataOf(`<form action="javascript:void 0"><input name="status" value="open"></form>`).has(ACTING_SOCKET_FIELD)).toBe(false);
  });
});
