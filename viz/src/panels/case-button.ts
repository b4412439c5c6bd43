/**
 * The "Case file 案卷" control of the flag and entity panels: downloads the case file of a flag or
 * community as one HTML document (optionally redacted for sharing outside), fetched with the
 * session's key and saved as a blob; the server records its SHA-256 in the audit log.
 */
import { el } from '../dom';

export type CaseDownload = (redact: boolean) => Promise<void>;

export function caseButton(download: CaseDownload, text = 'Case file 案卷', target = ''): HTMLElement {
  const redact = el('input', { attrs: { type: 'checkbox', 'aria-label': 'redacted copy' } });
  const state = el('span', { class: 'note case-state' });
  const button = el('button', {
    text,
    attrs: { type: 'button', 'data-case': target, title: 'Download the case file (HTML) for the supervision office' },
    on: {
      click: () => {
        button.disabled = true;
        state.textContent = ' Preparing…';
        download(redact.checked).then(
          () => {
            state.textContent = ' Downloaded.';
            button.disabled = false;
          },
          (error: Error) => {
            state.textContent = ` Case file failed: ${error.message}`;
            state.className = 'note case-state error';
            button.disabled = false;
          },
        );
      },
    },
  });
  return el('div', { class: 'case-file' }, [button, ' ', el('label', {}, [redact, ' redacted 脱敏']), state]);
}
