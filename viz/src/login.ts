/** The sign-in form: paste an API key; it is kept in this tab's session storage only. */
import { byId } from './dom';
import { saveKey } from './session';

export function showLogin(onKey: (key: string) => void, message = ''): void {
  const section = byId('login');
  const form = byId<HTMLFormElement>('login-form');
  const note = byId('login-message');
  note.textContent = message;
  section.hidden = false;
  byId('app').hidden = true;
  form.onsubmit = (event) => {
    event.preventDefault();
    const input = form.querySelector('input');
    const key = input?.value.trim() ?? '';
    if (!key) return;
    if (input) input.value = '';
    saveKey(key);
    section.hidden = true;
    byId('app').hidden = false;
    onKey(key);
  };
}
