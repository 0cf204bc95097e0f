const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** C0 and C1 control characters (NUL, line breaks, escapes): never wanted in a header or a token claim, which end up in the audit log. */
export function hasControlCharacters(value: string): boolean {
  return CONTROL.test(value);
}
