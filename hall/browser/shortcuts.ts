/**
 * Keyboard use of the hall window (listed on the page, #shortcuts):
 *   /          focus the lookup field (and select what is in it)
 *   Esc        back to the lookup field
 *   Alt+1…9    choose the matter (事项), in the order of hall/matters.ts; re-screens the subject on screen
 *   Alt+R      to the report (出具信用审查报告)
 * A USB scanner types into whatever has focus: printable keys pressed outside any field start a
 * new entry in the lookup field, so a scan lands there wherever the focus was.
 */
export interface ShortcutTargets {
  lookup: HTMLInputElement;
  onMatterChange(): void;
}

function editable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit'].includes(target.type);
}

export function installShortcuts({ lookup, onMatterChange }: ShortcutTargets): void {
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey) return;
    if (event.altKey && /^Digit[1-9]$/.test(event.code)) {
      const radio =
        document.querySelectorAll<HTMLInputElement>('input[name="matter"]')[Number(event.code.slice(5)) - 1];
      if (!radio) return;
      event.preventDefault();
      if (!radio.checked) {
        radio.checked = true;
        onMatterChange();
      }
      return;
    }
    if (event.altKey && event.code === 'KeyR') {
      const purpose = document.getElementById('report-purpose');
      if (!purpose) return;
      event.preventDefault();
      purpose.focus();
      return;
    }
    if (event.altKey) return;
    if (event.key === 'Escape') {
      lookup.focus();
      lookup.select();
      return;
    }
    if (editable(event.target)) return;
    if (event.key === '/') {
      event.preventDefault();
      lookup.focus();
      lookup.select();
      return;
    }
    // A scanner (or a clerk typing) outside any field: a new entry in the lookup field.
    if (event.key.length === 1 && event.key !== ' ') {
      event.preventDefault();
      lookup.value = event.key;
      lookup.focus();
    }
  });
}
