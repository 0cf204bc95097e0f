/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** A value spliced into markup: only ever through this tag, so every interpolation is escaped. */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

/** html`…${value}…`: strings are escaped, Html values (and arrays of them) are inserted as they are. */
export function html(
  strings: TemplateStringsArray,
  ...values: (string | number | Html | Html[] | null | undefined | false)[]
): Html {
  let markup = strings[0];
  values.forEach((value, i) => {
    markup += render(value) + strings[i + 1];
  });
  return new Html(markup);
}

function render(value: string | number | Html | Html[] | null | undefined | false): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return value.map((v) => v.markup).join('');
  return escapeHtml(String(value));
}
